//! One test per check: a failing definition and the exact code, message and location.
use super::*;
use serde_json::json;

/// The machine `{"StartAt": "A", "States": {"A": <state>}}` plus `extra` states.
fn machine(state: Value, extra: Value) -> Value {
    let mut states = json!({"A": state});
    if let Value::Object(more) = extra {
        states.as_object_mut().unwrap().extend(more);
    }
    json!({"StartAt": "A", "States": states})
}

fn problems(definition: &Value, machine_type: MachineType) -> Vec<(String, String, String)> {
    check(definition, machine_type)
        .into_iter()
        .map(|d| (d.code, d.message, d.location))
        .collect()
}

/// Asserts that `definition` yields exactly this one diagnostic.
fn expect(definition: Value, code: &str, message: &str, location: &str) {
    expect_typed(definition, MachineType::Standard, code, message, location);
}

fn expect_typed(definition: Value, t: MachineType, code: &str, message: &str, location: &str) {
    assert_eq!(
        problems(&definition, t),
        vec![(code.to_string(), message.to_string(), location.to_string())],
        "{definition}"
    );
}

const SCHEMA: &str = "SCHEMA_VALIDATION_FAILED";

mod fields;
mod states;

#[test]
fn a_valid_machine_has_no_diagnostics() {
    let d = machine(
        json!({"Type": "Pass", "Next": "B"}),
        json!({"B": {"Type": "Succeed"}}),
    );
    assert!(problems(&d, MachineType::Standard).is_empty());
}

#[test]
fn top_level_is_an_object() {
    expect(
        json!("hello"),
        SCHEMA,
        "Expected value of type [OBJECT]",
        "/",
    );
}

#[test]
fn missing_transition_target() {
    expect(
        machine(json!({"Type": "Pass", "Next": "A", "End": true}), json!({})),
        SCHEMA,
        "Fields 'Next' and 'End' are mutually exclusive",
        "/States/A",
    );
    let d = machine(
        json!({"Type": "Pass", "Next": "Nope"}),
        json!({"B": {"Type": "Succeed"}}),
    );
    assert_eq!(
        problems(&d, MachineType::Standard)[0],
        (
            "MISSING_TRANSITION_TARGET".into(),
            "Missing 'Next' target: Nope".into(),
            "/States/A/Next".into()
        )
    );
}

#[test]
fn start_at_must_name_a_state() {
    let d = json!({"StartAt": "X", "States": {"A": {"Type": "Succeed"}}});
    assert_eq!(
        problems(&d, MachineType::Standard)[0],
        (
            "MISSING_TRANSITION_TARGET".into(),
            "Missing 'Next' target: X".into(),
            "/StartAt".into()
        )
    );
}

#[test]
fn no_terminal_state_has_no_location_and_hides_reachability() {
    let d = json!({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "Next": "A"},
        "C": {"Type": "Pass", "Next": "A"}
    }});
    expect(d, "MISSING_END_STATE", "Workflow has no terminal state", "");
}

#[test]
fn an_unreachable_cycle_is_reported() {
    let d = machine(
        json!({"Type": "Succeed"}),
        json!({"B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "Next": "B"}}),
    );
    assert_eq!(
        problems(&d, MachineType::Standard),
        vec![
            (
                "MISSING_TRANSITION_TARGET".into(),
                "State \"B\" is not reachable.".into(),
                "/States/B".into()
            ),
            (
                "MISSING_TRANSITION_TARGET".into(),
                "State \"C\" is not reachable.".into(),
                "/States/C".into()
            ),
        ]
    );
}

#[test]
fn transitions_stay_in_their_scope() {
    let d = machine(
        json!({"Type": "Map", "Next": "Out", "ItemProcessor": {"StartAt": "In", "States": {
            "In": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Out"}], "Default": "Fin"},
            "Fin": {"Type": "Succeed"}
        }}}),
        json!({"Out": {"Type": "Succeed"}}),
    );
    expect(
        d,
        "MISSING_TRANSITION_TARGET",
        "Missing 'Next' target: Out",
        "/States/A/ItemProcessor/States/In/Choices[0]/Next",
    );
}

#[test]
fn duplicate_state_names_across_scopes() {
    let d = machine(
        json!({"Type": "Parallel", "Next": "B", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}),
        json!({"B": {"Type": "Succeed"}}),
    );
    expect(
        d,
        "DUPLICATE_STATE_NAME",
        "Duplicate State name: B",
        "/States/B",
    );
}

#[test]
fn state_name_length() {
    let long = "x".repeat(81);
    let d = json!({"StartAt": long, "States": {long.clone(): {"Type": "Succeed"}}});
    expect(
        d,
        "INVALID_STATE_NAME",
        &format!("State name '{long}' must be 1 to 80 characters long"),
        &format!("/States/{long}"),
    );
}

#[test]
fn unknown_and_required_fields() {
    expect(
        machine(json!({"Type": "Succeed", "Next": "A"}), json!({})),
        SCHEMA,
        "Field 'Next' is not supported",
        "/States/A",
    );
    expect(
        machine(json!({"Type": "Task", "End": true}), json!({})),
        SCHEMA,
        "These fields are required: [Resource]",
        "/States/A",
    );
    assert_eq!(
        problems(
            &machine(json!({"Type": "Pass"}), json!({})),
            MachineType::Standard
        )[0],
        (
            SCHEMA.into(),
            "One of the fields [Next, End] is required".into(),
            "/States/A".into()
        )
    );
}

#[test]
fn nested_scopes_inherit_the_machine_language_and_need_no_terminal_state() {
    let d = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
        "ItemProcessor": {"StartAt": "P", "States": {
            "P": {"Type": "Pass", "Next": "Q"}, "Q": {"Type": "Pass", "Next": "P"}}}}}});
    assert!(problems(&d, MachineType::Standard).is_empty());
    let d = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": 1, "End": true}}}}}});
    expect(
        d,
        SCHEMA,
        "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
        "/States/M/ItemProcessor/States/P",
    );
}
