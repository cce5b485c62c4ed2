//! Quotas and clocks: the 25,000-event history limit, the machine's TimeoutSeconds,
//! Wait scaling, Retry backoff with MaxDelaySeconds.
use std::time::Instant;

use serde_json::{json, Value};
use sfn::asl::definition;
use sfn::clock::Clock;
use sfn::engine::{
    task::NoTasks, Env, EventSink, Execution, ExecutionInfo, HistoryEvent, Options, Status,
};

struct Collect(Vec<HistoryEvent>);

impl EventSink for Collect {
    fn emit(&mut self, event: &HistoryEvent) {
        self.0.push(event.clone());
    }
}

fn run(definition: Value, scale: f64) -> (Status, Vec<HistoryEvent>) {
    run_on(definition, scale, &Clock::system())
}

/// Runs `definition` on `clock` (a manual one moves on where the system one would sleep).
fn run_on(definition: Value, scale: f64, clock: &Clock) -> (Status, Vec<HistoryEvent>) {
    let machine = definition::parse(&definition).unwrap();
    let info = ExecutionInfo {
        execution_arn: "arn:aws:states:us-east-1:123456789012:execution:m:e".into(),
        execution_name: "e".into(),
        state_machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:m".into(),
        state_machine_name: "m".into(),
        role_arn: "arn:aws:iam::123456789012:role/r".into(),
        input: json!({}),
        input_text: "{}".into(),
        start_millis: chrono::Utc::now().timestamp_millis(),
        redrive_count: 0,
        region: "us-east-1".into(),
        state_machine_version_arn: None,
        state_machine_alias_arn: None,
    };
    let mut sink = Collect(Vec::new());
    let mut execution = Execution::start(&machine, info, clock, &mut sink);
    let mut env = Env {
        machine: &machine,
        tasks: &NoTasks,
        sink: &mut sink,
        options: Options {
            wait_time_scale: scale,
            ..Options::default()
        },
    };
    execution.run(&mut env);
    (execution.status.clone(), sink.0)
}

#[test]
fn an_endless_loop_fails_at_the_history_limit() {
    let (status, events) = run(
        json!({"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Next": "B"},
            "B": {"Type": "Pass", "Next": "A"}}}),
        1.0,
    );
    assert!(matches!(status, Status::Failed { .. }), "{status:?}");
    let last = events.last().unwrap();
    assert_eq!(last.event_type, sfn::history::EventType::ExecutionFailed);
    assert_eq!(last.id, 25_000);
    assert_eq!(events.len(), 25_000);
}

#[test]
fn the_machine_timeout_ends_a_long_wait_as_timed_out() {
    // On a manual clock: without the timeout, the Wait would end and the execution succeed.
    let (status, events) = run_on(
        json!({"TimeoutSeconds": 1, "StartAt": "W", "States": {
            "W": {"Type": "Wait", "Seconds": 30, "End": true}}}),
        1.0,
        &Clock::manual(chrono::Utc::now()),
    );
    assert_eq!(status.name(), "TIMED_OUT");
    let types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(
        types,
        ["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut"]
    );
}

#[test]
fn waits_and_retry_intervals_scale() {
    let started = Instant::now();
    let (status, _) = run(
        json!({"StartAt": "W", "States": {
            "W": {"Type": "Wait", "Seconds": 3600, "Next": "P"},
            "P": {"Type": "Parallel", "End": true,
                  "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 600, "MaxAttempts": 2,
                             "MaxDelaySeconds": 900}],
                  "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom"}}}]}}}),
        0.0,
    );
    assert!(started.elapsed().as_secs() < 10);
    assert_eq!(
        status,
        Status::Failed {
            error: Some("Boom".into()),
            cause: None
        }
    );
}

#[test]
fn a_scaled_wait_still_waits() {
    let started = Instant::now();
    let (status, _) = run(
        json!({"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 20, "End": true}}}),
        0.01,
    );
    assert_eq!(status.name(), "SUCCEEDED");
    assert!(started.elapsed().as_millis() >= 150);
}
