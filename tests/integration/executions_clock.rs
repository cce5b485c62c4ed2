//! An execution goes by the context's clock: its dates, its history's timestamps, the
//! context object, Wait states, retry intervals and `TimeoutSeconds`. With a manual clock
//! a wait moves the clock on instead of sleeping, so a long wait takes no time
//! and every date in it is known in advance.
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use sfn::api::{self, Context};
use sfn::clock::Clock;
use sfn::runtime::Settings;
use sfn::store::Store;

const ROLE: &str = "arn:aws:iam::123456789012:role/sfn";

struct Service {
    ctx: Context,
    start: DateTime<Utc>,
    _dir: tempfile::TempDir,
}

impl Service {
    /// A store on disk and a manual clock standing at 2026-03-01T12:00:00.250Z.
    fn new() -> Service {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("sfn.db")).unwrap();
        let start = DateTime::parse_from_rfc3339("2026-03-01T12:00:00.250Z")
            .unwrap()
            .with_timezone(&Utc);
        let settings = Settings {
            clock: Clock::manual(start),
            ..Settings::default()
        };
        Service {
            ctx: Context::with_settings(store, settings),
            start,
            _dir: dir,
        }
    }

    fn ok(&mut self, operation: &str, input: Value) -> Value {
        api::call(&mut self.ctx, operation, input).unwrap_or_else(|e| panic!("{operation}: {e}"))
    }

    /// Creates the machine and runs an execution of it (here, to its end).
    fn run(&mut self, definition: Value) -> String {
        let created = self.ok(
            "CreateStateMachine",
            json!({"name": "m", "definition": definition.to_string(), "roleArn": ROLE}),
        );
        let started = self.ok(
            "StartExecution",
            json!({"stateMachineArn": created["stateMachineArn"], "input": "{}"}),
        );
        started["executionArn"].as_str().unwrap().to_string()
    }

    /// Seconds after the start: what a date in a response says.
    fn after(&self, date: &Value) -> f64 {
        let date = DateTime::parse_from_rfc3339(date.as_str().unwrap()).unwrap();
        (date.with_timezone(&Utc) - self.start).num_milliseconds() as f64 / 1000.0
    }

    /// `(type, seconds after the start)` of every event.
    fn history(&mut self, execution: &str) -> Vec<(String, f64)> {
        let history = self.ok("GetExecutionHistory", json!({"executionArn": execution}));
        history["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["type"].as_str().unwrap().to_string(),
                    self.after(&e["timestamp"]),
                )
            })
            .collect()
    }
}

fn at(events: &[(String, f64)], event_type: &str) -> Vec<f64> {
    events
        .iter()
        .filter(|(t, _)| t == event_type)
        .map(|(_, s)| *s)
        .collect()
}

#[test]
fn a_wait_moves_the_clock_and_every_date_follows_it() {
    let mut s = Service::new();
    let execution = s.run(json!({"StartAt": "Nap", "States": {
        "Nap": {"Type": "Wait", "Seconds": 300, "Next": "Look"},
        "Look": {"Type": "Pass", "End": true, "Parameters": {
            "started.$": "$$.Execution.StartTime",
            "entered.$": "$$.State.EnteredTime"}}}}));
    let described = s.ok("DescribeExecution", json!({"executionArn": execution}));
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(s.after(&described["startDate"]), 0.0);
    assert_eq!(s.after(&described["stopDate"]), 300.0);
    let output: Value = serde_json::from_str(described["output"].as_str().unwrap()).unwrap();
    assert_eq!(
        output,
        json!({"started": "2026-03-01T12:00:00.250Z", "entered": "2026-03-01T12:05:00.250Z"})
    );
    let events = s.history(&execution);
    assert_eq!(
        events,
        [
            ("ExecutionStarted", 0.0),
            ("WaitStateEntered", 0.0),
            ("WaitStateExited", 300.0),
            ("PassStateEntered", 300.0),
            ("PassStateExited", 300.0),
            ("ExecutionSucceeded", 300.0),
        ]
        .map(|(t, s)| (t.to_string(), s))
    );
}

#[test]
fn time_out_seconds_ends_a_waiting_execution_on_the_clock() {
    let mut s = Service::new();
    let execution = s.run(json!({"TimeoutSeconds": 30, "StartAt": "Nap", "States": {
        "Nap": {"Type": "Wait", "Seconds": 3600, "End": true}}}));
    let described = s.ok("DescribeExecution", json!({"executionArn": execution}));
    assert_eq!(described["status"], "TIMED_OUT");
    assert_eq!(s.after(&described["stopDate"]), 30.0);
    let events = s.history(&execution);
    assert_eq!(at(&events, "ExecutionTimedOut"), [30.0]);
    assert!(at(&events, "WaitStateExited").is_empty(), "{events:?}");
}

#[test]
fn retry_intervals_back_off_on_the_clock() {
    let mut s = Service::new();
    let execution = s.run(json!({"StartAt": "Try", "States": {
        "Try": {"Type": "Parallel", "End": true,
            "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 10, "MaxAttempts": 2,
                       "BackoffRate": 2}],
            "Branches": [{"StartAt": "Fail", "States": {
                "Fail": {"Type": "Fail", "Error": "Flaky"}}}]}}}));
    let described = s.ok("DescribeExecution", json!({"executionArn": execution}));
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "Flaky");
    let events = s.history(&execution);
    // The first try, then one after 10 s, then one after 20 s more.
    assert_eq!(at(&events, "ParallelStateStarted"), [0.0, 10.0, 30.0]);
    assert_eq!(at(&events, "ExecutionFailed"), [30.0]);
    assert_eq!(s.after(&described["stopDate"]), 30.0);
}
