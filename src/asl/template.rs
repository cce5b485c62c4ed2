//! Payload templates (Parameters, ResultSelector, ItemSelector, JSONPath Assign...):
//! keys ending in `.$` take the value of their path, context path, variable or intrinsic
//! function call; everything else is literal.
//!
//! Contract used by the engine (owner: asl expressions work).
use serde_json::Value;

use super::path::Scope;
use super::StatesError;

/// Evaluates `template` against `scope`. A missing path is `States.Runtime` with AWS's
/// cause ("The JSONPath '$.x' specified for the field 'key.$' could not be found in the
/// input '<json>'"), without the "An error occurred while executing the state" prefix,
/// which the engine adds.
pub fn evaluate(template: &Value, scope: &Scope) -> Result<Value, StatesError> {
    let _ = (template, scope);
    Err(StatesError::runtime(
        "payload templates are not implemented yet",
    ))
}
