//! The enums generated from the AWS model (`scripts/gen-model-enums.py`) still match the
//! model in `data/aws/`: after updating the model, regenerate them with
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
