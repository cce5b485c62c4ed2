//! Data helpers for the engine: JSONata fields and `$states`. Paths are compiled with the
//! definition (`asl::field::Path`); the JSON text of events is `history::text`.
use serde_json::{Map, Value};

use crate::asl::jsonata::{self, Bindings};
use crate::asl::{StatesError, Variables};

pub use crate::asl::field::invalid_path;

/// The `$states` object of a JSONata expression.
pub fn states_binding(
    input: &Value,
    context: &Value,
    result: Option<&Value>,
    error_output: Option<&Value>,
) -> Value {
    let mut states = Map::new();
    states.insert("input".into(), input.clone());
    states.insert("context".into(), context.clone());
    if let Some(result) = result {
        states.insert("result".into(), result.clone());
    }
    if let Some(error_output) = error_output {
        states.insert("errorOutput".into(), error_output.clone());
    }
    Value::Object(states)
}

/// Evaluates a JSONata-mode field (literals pass through untouched).
pub fn evaluate_jsonata(
    value: &Value,
    location: &str,
    states: &Value,
    vars: &dyn Variables,
) -> Result<Value, StatesError> {
    let bindings = Bindings { states, vars };
    jsonata::evaluate_field(value, location, &bindings)
}
