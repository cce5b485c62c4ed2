use super::*;
use crate::cli::test_events::ev;
use serde_json::json;

#[test]
fn a_state_shows_what_it_changed_not_its_input() {
    let events = vec![
        ev(1, 0, "ExecutionStarted", json!({"input": "{\"a\":1}"})),
        ev(
            2,
            1,
            "PassStateEntered",
            json!({"name": "P", "input": "{\"a\":1}"}),
        ),
        ev(
            3,
            2,
            "PassStateExited",
            json!({"name": "P", "output": "{\"a\":2,\"b\":{\"c\":true}}"}),
        ),
        ev(
            4,
            3,
            "PassStateEntered",
            json!({"name": "Q", "input": "{\"a\":2,\"b\":{\"c\":true}}"}),
        ),
        ev(
            5,
            4,
            "PassStateExited",
            json!({"name": "Q", "output": "{\"a\":2,\"b\":{\"c\":true}}"}),
        ),
    ];
    let n = notes(&events, None, false);
    assert_eq!(n[1].text, "", "same input as the execution's");
    assert_eq!(n[2].text, "~a: 2 · +b: {\"c\":true}");
    assert_eq!(n[4].text, "unchanged");
}

#[test]
fn retries_are_numbered_and_the_choice_rule_named() {
    let definition = json!({"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "x", "Next": "Big?",
            "Retry": [{"ErrorEquals": ["Timeout"], "MaxAttempts": 3}]},
        "Big?": {"Type": "Choice", "Choices": [
            {"Variable": "$.n", "NumericGreaterThan": 10, "Next": "Big"}],
            "Default": "Small"},
        "Big": {"Type": "Succeed"}, "Small": {"Type": "Succeed"}}});
    let events = vec![
        ev(1, 0, "ExecutionStarted", json!({"input": "{}"})),
        ev(
            2,
            1,
            "TaskStateEntered",
            json!({"name": "Charge", "input": "{}"}),
        ),
        ev(
            3,
            2,
            "TaskScheduled",
            json!({"resource": "x", "parameters": "{}"}),
        ),
        ev(
            4,
            3,
            "TaskFailed",
            json!({"error": "Timeout", "cause": "slow"}),
        ),
        ev(
            5,
            4,
            "TaskScheduled",
            json!({"resource": "x", "parameters": "{}"}),
        ),
        ev(6, 5, "TaskSucceeded", json!({"output": "{\"n\":12}"})),
        ev(
            7,
            6,
            "TaskStateExited",
            json!({"name": "Charge", "output": "{\"n\":12}"}),
        ),
        ev(
            8,
            7,
            "ChoiceStateEntered",
            json!({"name": "Big?", "input": "{\"n\":12}"}),
        ),
        ev(
            9,
            8,
            "ChoiceStateExited",
            json!({"name": "Big?", "output": "{\"n\":12}"}),
        ),
        ev(
            10,
            9,
            "SucceedStateEntered",
            json!({"name": "Big", "input": "{\"n\":12}"}),
        ),
    ];
    let n = notes(&events, Some(&definition), false);
    assert_eq!(n[3].text, "attempt 1/4 · Timeout: slow");
    assert_eq!(n[4].text, "attempt 2/4 · x {}");
    assert_eq!(n[5].text, "result {\"n\":12}");
    assert_eq!(n[6].text, "+n: 12");
    assert_eq!(n[8].text, "rule 1: $.n NumericGreaterThan 10 → Big");
}

#[test]
fn map_iterations_and_parallel_branches_are_scoped() {
    let events = vec![
        ev(1, 0, "ExecutionStarted", json!({"input": "[1,2]"})),
        ev(
            2,
            1,
            "MapStateEntered",
            json!({"name": "Each", "input": "[1,2]"}),
        ),
        ev(3, 2, "MapStateStarted", json!({"length": 2})),
        ev(
            4,
            3,
            "MapIterationStarted",
            json!({"index": 0, "name": "Each"}),
        ),
        ev(
            5,
            4,
            "PassStateEntered",
            json!({"name": "Work", "input": "1"}),
        ),
        ev(
            6,
            5,
            "PassStateExited",
            json!({"name": "Work", "output": "1"}),
        ),
        ev(
            7,
            6,
            "MapIterationSucceeded",
            json!({"index": 0, "name": "Each"}),
        ),
        ev(
            8,
            3,
            "MapIterationStarted",
            json!({"index": 1, "name": "Each"}),
        ),
        ev(
            9,
            8,
            "ParallelStateEntered",
            json!({"name": "Both", "input": "2"}),
        ),
        ev(10, 9, "ParallelStateStarted", Value::Null),
        ev(
            11,
            10,
            "PassStateEntered",
            json!({"name": "L", "input": "2"}),
        ),
        ev(
            12,
            10,
            "PassStateEntered",
            json!({"name": "R", "input": "2"}),
        ),
        ev(13, 12, "ParallelStateSucceeded", Value::Null),
        ev(
            14,
            13,
            "ParallelStateExited",
            json!({"name": "Both", "output": "[2,2]"}),
        ),
        ev(
            15,
            14,
            "MapIterationSucceeded",
            json!({"index": 1, "name": "Each"}),
        ),
        ev(16, 15, "MapStateSucceeded", Value::Null),
        ev(
            17,
            16,
            "MapStateExited",
            json!({"name": "Each", "output": "[1,[2,2]]"}),
        ),
    ];
    let scopes: Vec<String> = notes(&events, None, false)
        .into_iter()
        .map(|n| n.scope)
        .collect();
    assert_eq!(scopes[2], "");
    assert_eq!(scopes[3], "[0]");
    assert_eq!(scopes[4], "[0]");
    assert_eq!(scopes[6], "[0]");
    assert_eq!(scopes[8], "[1]");
    assert_eq!(scopes[10], "[1] › b1");
    assert_eq!(scopes[11], "[1] › b2");
    assert_eq!(scopes[12], "[1]");
    assert_eq!(scopes[14], "[1]");
    assert_eq!(scopes[15], "");
    assert_eq!(scopes[16], "");
}

#[test]
fn a_failure_names_its_state_and_attempts() {
    let events = vec![
        ev(1, 0, "ExecutionStarted", json!({"input": "{}"})),
        ev(
            2,
            1,
            "TaskStateEntered",
            json!({"name": "Charge card", "input": "{}"}),
        ),
        ev(3, 2, "TaskScheduled", json!({"resource": "x"})),
        ev(4, 3, "TaskFailed", json!({"error": "E"})),
        ev(5, 4, "TaskScheduled", json!({"resource": "x"})),
        ev(6, 5, "TaskFailed", json!({"error": "E", "cause": "c"})),
        ev(7, 6, "ExecutionFailed", json!({"error": "E", "cause": "c"})),
    ];
    let f = failure(&events).unwrap();
    assert_eq!(f.state.as_deref(), Some("Charge card"));
    assert_eq!(f.attempts, 2);
    assert_eq!(f.error.as_deref(), Some("E"));
    assert!(failure(&events[..6]).is_none());
}
