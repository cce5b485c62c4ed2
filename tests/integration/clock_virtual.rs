//! `SFN_CLOCK=virtual`: the process skips ahead whenever it only waits for time, so Wait
//! states, Retry intervals and execution timeouts take no time, and the history shows the
//! dates they would have had. A Task invocation out holds the clock: it takes real time.
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::cli_support::{types, Sfn};

/// Seconds from the first event of `kind` to the first event of `later` in `events`.
fn seconds_between(events: &[Value], kind: &str, later: &str) -> f64 {
    let at = |t: &str| {
        let event = events
            .iter()
            .find(|e| e["type"] == t)
            .unwrap_or_else(|| panic!("no {t} in {:?}", types(events)));
        date(&event["timestamp"])
    };
    (at(later) - at(kind)).num_milliseconds() as f64 / 1000.0
}

/// A date as the CLI prints it (ISO 8601, or seconds since the epoch).
fn date(value: &Value) -> DateTime<Utc> {
    match value {
        Value::Number(n) => {
            DateTime::from_timestamp_millis((n.as_f64().unwrap() * 1000.0) as i64).unwrap()
        }
        Value::String(s) => DateTime::parse_from_rfc3339(s)
            .map(|d| d.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{s}: {e}")),
        other => panic!("not a date: {other}"),
    }
}

#[test]
fn an_hours_wait_skips_ahead_and_the_dates_show_the_hour() {
    let sfn = Sfn::virtual_clock();
    let machine = sfn.create_machine(
        "hour",
        &json!({"StartAt": "Nap", "States": {
            "Nap": {"Type": "Wait", "Seconds": 3600, "Next": "Done"},
            "Done": {"Type": "Pass", "End": true}}}),
    );
    let execution = sfn.start(&machine, &[]);
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    let ran = date(&described["stopDate"]) - date(&described["startDate"]);
    assert!(ran.num_seconds() >= 3600, "{ran}");
    let events = sfn.history(&execution);
    let waited = seconds_between(&events, "WaitStateEntered", "WaitStateExited");
    assert!(waited >= 3600.0, "{waited}");
}

/// Two retries ten and twenty minutes apart (backoff 2), then the Catch.
#[test]
fn retry_intervals_skip_ahead() {
    let sfn = Sfn::virtual_clock();
    let machine = sfn.create_machine(
        "retries",
        &json!({"StartAt": "Try", "States": {
            "Try": {"Type": "Parallel",
                    "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom"}}}],
                    "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 600, "MaxAttempts": 2,
                               "BackoffRate": 2}],
                    "Catch": [{"ErrorEquals": ["Boom"], "Next": "Gave up"}],
                    "End": true},
            "Gave up": {"Type": "Pass", "End": true}}}),
    );
    let execution = sfn.start(&machine, &[]);
    assert_eq!(sfn.describe(&execution)["status"], "SUCCEEDED");
    let events = sfn.history(&execution);
    let starts: Vec<DateTime<Utc>> = events
        .iter()
        .filter(|e| e["type"] == "ParallelStateStarted")
        .map(|e| date(&e["timestamp"]))
        .collect();
    assert_eq!(starts.len(), 3, "{:?}", types(&events));
    assert!((starts[1] - starts[0]).num_seconds() >= 600);
    assert!((starts[2] - starts[1]).num_seconds() >= 1200);
}

/// The machine's `TimeoutSeconds` comes before the Wait's end: skipped to, not waited for.
#[test]
fn an_execution_timeout_skips_ahead() {
    let sfn = Sfn::virtual_clock();
    let machine = sfn.create_machine(
        "slow",
        &json!({"StartAt": "W", "TimeoutSeconds": 600, "States": {
            "W": {"Type": "Wait", "Seconds": 86400, "End": true}}}),
    );
    let execution = sfn.start(&machine, &[]);
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "TIMED_OUT");
    let ran = date(&described["stopDate"]) - date(&described["startDate"]);
    assert!(
        ran.num_seconds() >= 600 && ran.num_seconds() < 86400,
        "{ran}"
    );
}

/// While a handler command runs (real time), the other branch's Wait cannot skip: the
/// Task ends first, a moment after it started, and only then the Wait skips to its end.
#[test]
fn a_task_out_holds_the_clock() {
    let sfn = Sfn::virtual_clock();
    let handlers = sfn.write(
        "handlers.json",
        &json!({"resources": {
            "arn:aws:states:::sns:publish": ["sh", "-c", "sleep 0.3; echo '{\"sent\":true}'"]}})
        .to_string(),
    );
    let machine = sfn.create_machine(
        "both",
        &json!({"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
        "Branches": [
            {"StartAt": "Send", "States": {"Send": {"Type": "Task",
                "Resource": "arn:aws:states:::sns:publish", "TimeoutSeconds": 60, "End": true}}},
            {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 300, "End": true}}}
        ]}}}),
    );
    let out = sfn
        .cmd()
        .args(["start-execution", "--state-machine-arn", &machine])
        .env("SFN_HANDLERS", &handlers)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let started: Value = serde_json::from_slice(&out.stdout).unwrap();
    let execution = started["executionArn"].as_str().unwrap();
    assert_eq!(sfn.describe(execution)["status"], "SUCCEEDED");
    let events = sfn.history(execution);
    let task = seconds_between(&events, "TaskStarted", "TaskSucceeded");
    assert!(task < 60.0, "the Task took {task} s of the clock");
    let nap = seconds_between(&events, "WaitStateEntered", "WaitStateExited");
    assert!(nap >= 300.0, "{nap}");
    let order = types(&events);
    let succeeded = order.iter().position(|t| *t == "TaskSucceeded").unwrap();
    let exited = order.iter().position(|t| *t == "WaitStateExited").unwrap();
    assert!(succeeded < exited, "{order:?}");
}

#[test]
fn an_unknown_clock_is_refused() {
    let mut sfn = Sfn::new();
    sfn.clock = Some("sundial");
    let (code, stderr) = sfn.fail(&["list-state-machines"]);
    assert_eq!(code, 253, "{stderr}");
    assert!(
        stderr.contains("SFN_CLOCK: 'sundial' is not a clock (system or virtual)"),
        "{stderr}"
    );
}

/// A `.sync` child runs on its parent's task thread: its Wait skips too, after the
/// parent's shorter one, which ends first.
#[test]
fn a_sync_childs_wait_skips_ahead_after_its_parents_shorter_one() {
    let sfn = Sfn::virtual_clock();
    sfn.create_machine(
        "child",
        &json!({"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 3600, "End": true}}}),
    );
    let parent = sfn.create_machine(
        "parent",
        &json!({"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true,
        "Branches": [
            {"StartAt": "Run", "States": {"Run": {"Type": "Task",
                "Resource": "arn:aws:states:::states:startExecution.sync:2",
                "Parameters": {"StateMachineArn": crate::cli_support::arn("child"), "Name": "kid"},
                "End": true}}},
            {"StartAt": "Short", "States": {"Short": {"Type": "Wait", "Seconds": 10, "End": true}}}
        ]}}}),
    );
    let execution = sfn.start(&parent, &[]);
    assert_eq!(sfn.describe(&execution)["status"], "SUCCEEDED");
    let child = "arn:aws:states:us-east-1:123456789012:execution:child:kid";
    let nap = seconds_between(&sfn.history(child), "WaitStateEntered", "WaitStateExited");
    assert!(nap >= 3600.0, "{nap}");
    let events = sfn.history(&execution);
    let order = types(&events);
    let short_done = order.iter().position(|t| *t == "WaitStateExited").unwrap();
    let child_done = order.iter().position(|t| *t == "TaskSucceeded").unwrap();
    assert!(short_done < child_done, "{order:?}");
    let ran = seconds_between(&events, "ExecutionStarted", "ExecutionSucceeded");
    assert!(ran >= 3600.0, "{ran}");
}
