//! The enums generated from the AWS model by `scripts/gen-model-enums.py` (history event
//! types, operations, error codes) still match the model in `data/aws/`. After updating
//! the model, regenerate them with
//!     python3 scripts/gen-model-enums.py && cargo fmt
use serde_json::Value;
use sfn::history::EventType;

fn model() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/aws/stepfunctions-service-2.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn names(values: &Value) -> Vec<&str> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn history_event_types_are_the_models() {
    let model = model();
    let shapes = &model["shapes"];
    let expected = names(&shapes["HistoryEventType"]["enum"]);
    let ours: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(ours, expected, "src/history/event_type.rs is stale");
    let members = shapes["HistoryEvent"]["members"].as_object().unwrap();
    for t in EventType::ALL {
        let name = t.as_str();
        let own = format!("{}{}EventDetails", name[..1].to_lowercase(), &name[1..]);
        let expected = if members.contains_key(&own) {
            Some(own)
        } else if t.is_state_entered() {
            Some("stateEnteredEventDetails".to_string())
        } else if t.is_state_exited() {
            Some("stateExitedEventDetails".to_string())
        } else {
            None
        };
        assert_eq!(t.details_member().map(str::to_string), expected, "{name}");
        if let Some(member) = t.details_member() {
            assert!(members.contains_key(member), "{member} is not in the model");
        }
    }
}

#[test]
fn operations_and_error_codes_are_the_models() {
    use sfn::api::{ErrorCode, Operation};
    let model = model();
    let mut operations: Vec<&str> = model["operations"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    operations.sort();
    let ours: Vec<&str> = Operation::ALL.iter().map(|o| o.as_str()).collect();
    assert_eq!(ours, operations, "src/api/model_enums.rs is stale");
    let mut errors: Vec<&str> = model["shapes"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, shape)| shape["exception"] == true)
        .map(|(name, _)| name.as_str())
        .collect();
    errors.sort();
    let ours: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(ours, errors, "src/api/model_enums.rs is stale");
    assert_eq!(
        Operation::parse("StartExecution"),
        Some(Operation::StartExecution)
    );
    assert_eq!(Operation::StartExecution.command(), "start-execution");
    assert_eq!(Operation::parse("start-execution"), None);
}
