//! The error a state raises: an ASL error name (`States.Runtime`, `States.TaskFailed`, a
//! custom name...) and a cause. Retry/Catch match on `error`.
use std::fmt;

/// Well-known ASL error names.
pub mod names {
    pub const ALL: &str = "States.ALL";
    pub const RUNTIME: &str = "States.Runtime";
    pub const TIMEOUT: &str = "States.Timeout";
    pub const HEARTBEAT_TIMEOUT: &str = "States.HeartbeatTimeout";
    pub const TASK_FAILED: &str = "States.TaskFailed";
    pub const PERMISSIONS: &str = "States.Permissions";
    pub const DATA_LIMIT_EXCEEDED: &str = "States.DataLimitExceeded";
    pub const RESULT_PATH_MATCH_FAILURE: &str = "States.ResultPathMatchFailure";
    pub const PARAMETER_PATH_FAILURE: &str = "States.ParameterPathFailure";
    pub const INTRINSIC_FAILURE: &str = "States.IntrinsicFailure";
    pub const BRANCH_FAILED: &str = "States.BranchFailed";
    pub const NO_CHOICE_MATCHED: &str = "States.NoChoiceMatched";
    pub const EXCEED_TOLERATED_FAILURE_THRESHOLD: &str = "States.ExceedToleratedFailureThreshold";
    pub const ITEM_READER_FAILED: &str = "States.ItemReaderFailed";
    pub const RESULT_WRITER_FAILED: &str = "States.ResultWriterFailed";
    pub const QUERY_EVALUATION_ERROR: &str = "States.QueryEvaluationError";
}

/// A failure raised while running a state. `error`/`cause` are optional because AWS
/// records failures without them (e.g. `send-task-failure` with neither).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatesError {
    pub error: Option<String>,
    pub cause: Option<String>,
}

impl StatesError {
    pub fn new(error: impl Into<String>, cause: impl Into<String>) -> Self {
        StatesError {
            error: Some(error.into()),
            cause: Some(cause.into()),
        }
    }

    /// `States.Runtime`: never retried, never caught.
    pub fn runtime(cause: impl Into<String>) -> Self {
        Self::new(names::RUNTIME, cause)
    }

    pub fn intrinsic(cause: impl Into<String>) -> Self {
        Self::new(names::INTRINSIC_FAILURE, cause)
    }

    pub fn query_evaluation(cause: impl Into<String>) -> Self {
        Self::new(names::QUERY_EVALUATION_ERROR, cause)
    }

    pub fn is_runtime(&self) -> bool {
        self.error.as_deref() == Some(names::RUNTIME)
    }
}

impl fmt::Display for StatesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}",
            self.error.as_deref().unwrap_or(""),
            self.cause.as_deref().unwrap_or("")
        )
    }
}

impl std::error::Error for StatesError {}

/// How many characters of a bad value an error message quotes.
pub const QUOTE_LIMIT: usize = 100;

/// A user value as an error message quotes it: whole up to [`QUOTE_LIMIT`] characters,
/// otherwise its first ones and `...`, so a megabyte of input never becomes a megabyte of
/// message (or of terminal).
pub fn quote(value: &str) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(QUOTE_LIMIT) {
        None => std::borrow::Cow::Borrowed(value),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}...", &value[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_keeps_short_values_and_cuts_long_ones_on_a_character() {
        assert_eq!(quote("abc"), "abc");
        let exact = "x".repeat(QUOTE_LIMIT);
        assert_eq!(quote(&exact), exact);
        let long = "é".repeat(QUOTE_LIMIT + 5);
        assert_eq!(quote(&long), format!("{}...", "é".repeat(QUOTE_LIMIT)));
    }
}
