//! Why a definition does not parse into a [`StateMachine`](super::StateMachine).
//!
//! The validator reports the same problems first, with AWS's codes and positions; these
//! errors reach callers that parse a value without validating it (a stored definition, a
//! test's inline machine). Each names the AWS-style location it was found at.
use crate::asl::choice::RuleError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    #[error("definition is not a JSON object")]
    NotAnObject,
    /// Top-level fields that must be there (`States`, `StartAt`).
    #[error("These fields are required: [{}]", .0.join(", "))]
    MissingFields(Vec<&'static str>),
    /// A `QueryLanguage` other than `JSONPath` or `JSONata`; `at` is the field's location.
    #[error("QueryLanguage must be JSONPath or JSONata at {at}")]
    QueryLanguage { at: String },
    #[error("TimeoutSeconds must be a non-negative integer")]
    MachineTimeout,
    /// A field (or a state, rule, branch...) of the wrong JSON type; `at` is its location.
    #[error("{field} must be {expected} at {at}")]
    WrongType {
        field: String,
        expected: &'static str,
        at: String,
    },
    /// An `ErrorEquals` with something else than error names.
    #[error("ErrorEquals must hold strings at {at}")]
    ErrorNames { at: String },
    /// A field a state or rule cannot do without; `at` is where it belongs.
    #[error("{field} is required at {at}")]
    Required { field: &'static str, at: String },
    /// A `StartAt` naming no state of its block.
    #[error("Missing 'Next' target: {target} at {at}")]
    MissingStart { target: String, at: String },
    #[error("Unknown state type '{name}' at {at}")]
    UnknownType { name: String, at: String },
    /// A value outside the ones a field takes (`ReaderConfig.InputType: "XML"`).
    #[error("{field} must be one of [{}] at {at}", .allowed.join(", "))]
    NotOneOf {
        field: &'static str,
        allowed: &'static [&'static str],
        at: String,
    },
    /// A JSONPath Choice rule that does not parse; `at` is the rule's location.
    #[error("{source}")]
    Choice { at: String, source: RuleError },
}

impl DefinitionError {
    pub(super) fn wrong_type(field: &str, expected: &'static str, at: String) -> DefinitionError {
        DefinitionError::WrongType {
            field: field.to_string(),
            expected,
            at,
        }
    }

    /// The AWS-style location the problem was found at, when it has one.
    pub fn location(&self) -> Option<&str> {
        match self {
            DefinitionError::NotAnObject
            | DefinitionError::MissingFields(_)
            | DefinitionError::MachineTimeout => None,
            DefinitionError::QueryLanguage { at }
            | DefinitionError::WrongType { at, .. }
            | DefinitionError::ErrorNames { at }
            | DefinitionError::Required { at, .. }
            | DefinitionError::MissingStart { at, .. }
            | DefinitionError::UnknownType { at, .. }
            | DefinitionError::NotOneOf { at, .. }
            | DefinitionError::Choice { at, .. } => Some(at),
        }
    }
}
