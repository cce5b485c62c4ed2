//! The 18 intrinsic functions (`States.Format`, `States.MathAdd`, ...) with AWS's quirks.
//!
//! Contract used by templates and the validator (owner: asl expressions work).
use serde_json::Value;

use super::path::Scope;
use super::StatesError;

/// True when a template value is an intrinsic call rather than a path.
pub fn is_call(expr: &str) -> bool {
    expr.trim_start().starts_with("States.")
}

/// Evaluates one intrinsic call such as `States.Format('{}', $.x)`.
pub fn evaluate(expr: &str, scope: &Scope) -> Result<Value, StatesError> {
    let _ = scope;
    Err(StatesError::intrinsic(format!(
        "intrinsic functions are not implemented yet: {expr}"
    )))
}
