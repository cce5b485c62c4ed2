//! JSONata fields replayed against what real AWS recorded: each fixture entry is one field
//! of a recorded execution (the state's `Output`, `Assign` or `Arguments`, or the field an
//! `EvaluationFailed` event names), with the `$states` and variables the state saw, and the
//! value AWS produced or the cause it reported (without the engine's state prefix).
use serde_json::{Map, Value};
use sfn::asl::jsonata::{evaluate_field, evaluate_typed, Bindings, Expected};

fn fixtures() -> Vec<Value> {
    let text = include_str!("../fixtures/jsonata/aws_recorded_fields.json");
    serde_json::from_str::<Value>(text)
        .expect("fixture is JSON")
        .as_array()
        .cloned()
        .expect("fixture is an array")
}

#[test]
fn every_recorded_field_evaluates_as_aws_did() {
    let cases = fixtures();
    assert!(cases.len() > 50, "the fixture lost its cases");
    let mut failures = Vec::new();
    for case in &cases {
        let vars: Map<String, Value> = case["vars"].as_object().cloned().unwrap_or_default();
        let bindings = Bindings {
            states: &case["states"],
            vars: &vars,
        };
        let location = case["location"].as_str().unwrap_or_default();
        let result = match case["type"].as_str() {
            Some("array") => evaluate_typed(&case["field"], location, Expected::Array, &bindings),
            _ => evaluate_field(&case["field"], location, &bindings),
        };
        let matches = match (&result, case.get("output")) {
            (Ok(value), Some(expected)) => value == expected,
            (Err(error), None) => {
                error.error.as_deref() == case["error"].as_str()
                    && error.cause.as_deref() == case["cause"].as_str()
            }
            _ => false,
        };
        if !matches {
            failures.push(format!(
                "{} / {} / {}: got {result:?}",
                case["case"], case["state"], location
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
