//! JSONata (`{% ... %}`) evaluation for JSONata-mode states, on a complete JSONata
//! engine, with AWS's added functions and error messages.
//!
//! Contract used by the engine (owner: JSONata work).
use serde_json::Value;

use super::{StatesError, Variables};

/// What an expression sees: `$states` (input, context, result, errorOutput) and the
/// workflow variables.
pub struct Bindings<'a> {
    pub states: &'a Value,
    pub vars: &'a dyn Variables,
}

/// A string is an expression only when it starts with `{%` and ends with `%}`.
pub fn is_expression(text: &str) -> bool {
    text.len() >= 4 && text.starts_with("{%") && text.ends_with("%}")
}

/// Evaluates a field value: literals stay as they are, `{% %}` strings at any depth are
/// evaluated. Failures are `States.QueryEvaluationError` with AWS's cause for
/// `location` (e.g. `Output/result`), without the engine's state prefix.
pub fn evaluate_field(
    value: &Value,
    location: &str,
    bindings: &Bindings,
) -> Result<Value, StatesError> {
    let _ = bindings;
    if contains_expression(value) {
        return Err(StatesError::query_evaluation(format!(
            "JSONata is not implemented yet (field '{location}')"
        )));
    }
    Ok(value.clone())
}

fn contains_expression(value: &Value) -> bool {
    match value {
        Value::String(s) => is_expression(s),
        Value::Array(items) => items.iter().any(contains_expression),
        Value::Object(map) => map.values().any(contains_expression),
        _ => false,
    }
}
