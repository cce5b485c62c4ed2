use super::*;
use crate::asl::definition::{self, StateMachine};
use crate::engine::task::NoTasks;

fn machine(state: Value) -> StateMachine {
    definition::parse(&json!({"StartAt": "S", "States": {"S": state}})).unwrap()
}

fn run_with(machine: &StateMachine, mock: Option<Mock>, retries: u32) -> Outcome {
    let state = machine.state(0, "S").unwrap();
    run_state(state, json!({"a": 1}), mock, retries, None)
}

/// Runs `state` on `input`, with a mock, the retries already made and the Map iterations
/// that failed.
fn run_state(
    state: &State,
    input: Value,
    mock: Option<Mock>,
    retries: u32,
    map_failures: Option<u64>,
) -> Outcome {
    run(&TestRun {
        state,
        input,
        context: json!({}),
        variables: Map::new(),
        mock,
        retrier_retry_count: retries,
        map_iteration_failure_count: map_failures,
        map_item_reader_data: None,
        tasks: &NoTasks,
        execution_arn: "arn",
        state_machine_name: "m",
        clock: &Clock::system(),
    })
    .unwrap()
}

#[test]
fn retry_backoff_grows_and_is_capped() {
    let m = machine(json!({
        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
        "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 3, "BackoffRate": 2, "MaxAttempts": 10, "MaxDelaySeconds": 20}]
    }));
    let error = Some(Mock::Error(StatesError::new("E", "c")));
    let backoff = |n| {
        run_with(&m, error.clone(), n).inspection.error_details["retryBackoffIntervalSeconds"]
            .clone()
    };
    assert_eq!(backoff(0), json!(3));
    assert_eq!(backoff(2), json!(12));
    assert_eq!(backoff(5), json!(20));
    let exhausted = run_with(&m, error, 10);
    assert_eq!(exhausted.status, TestStatus::Failed);
    assert_eq!(exhausted.inspection.error_details, {
        let mut d = Map::new();
        d.insert("retryIndex".into(), 0.into());
        d
    });
}

#[test]
fn an_unmatched_error_fails_and_a_result_succeeds() {
    let m = machine(json!({
        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "N",
        "Catch": [{"ErrorEquals": ["Other"], "Next": "C"}]
    }));
    let failed = run_with(&m, Some(Mock::Error(StatesError::new("E", "c"))), 0);
    assert_eq!(failed.status, TestStatus::Failed);
    assert_eq!(failed.next_state, None);
    let ok = run_with(&m, Some(Mock::Result(json!({"r": 2}))), 0);
    assert_eq!(ok.status, TestStatus::Succeeded);
    assert_eq!(ok.next_state.as_deref(), Some("N"));
    assert_eq!(ok.output, Some(json!({"r": 2})));
    assert_eq!(ok.inspection.get("result"), Some(&json!({"r": 2})));
}

#[test]
fn tolerance_counts_and_percentages() {
    let m = machine(json!({
        "Type": "Map", "ToleratedFailurePercentage": 50, "End": true,
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}
    }));
    let state = m.state(0, "S").unwrap();
    let outcome = |failed| {
        let mock = Some(Mock::Result(json!([])));
        run_state(state, json!([1, 2, 3, 4]), mock, 0, Some(failed)).status
    };
    assert_eq!(outcome(2), TestStatus::Succeeded);
    assert_eq!(outcome(3), TestStatus::Failed);
}
