//! The typed model of a state machine definition, parsed from JSON (owner: engine work).
use serde_json::Value;

/// A parsed definition. Placeholder until the engine work lands the full model.
#[derive(Debug, Clone)]
pub struct StateMachine {
    pub source: Value,
}

/// Parses a definition that is known to be valid JSON.
pub fn parse(source: &Value) -> Result<StateMachine, String> {
    let obj = source
        .as_object()
        .ok_or("definition is not a JSON object")?;
    for field in ["StartAt", "States"] {
        if !obj.contains_key(field) {
            return Err(format!("These fields are required: [{field}]"));
        }
    }
    Ok(StateMachine {
        source: source.clone(),
    })
}
