use super::*;
use crate::cli::test_events::ev;
use serde_json::json;

/// The events of a Parallel whose failing branch is caught, a two-item Map, then a
/// Fail state, as the engine (and AWS) records them.
fn caught_parallel_map_fail() -> Vec<Value> {
    vec![
        ev(1, 0, "ExecutionStarted", json!({"input": "{}"})),
        ev(
            2,
            0,
            "ParallelStateEntered",
            json!({"name": "P", "input": "{}"}),
        ),
        ev(3, 2, "ParallelStateStarted", Value::Null),
        ev(
            4,
            3,
            "PassStateEntered",
            json!({"name": "B1", "input": "{}"}),
        ),
        ev(
            5,
            4,
            "PassStateExited",
            json!({"name": "B1", "output": "{}"}),
        ),
        ev(
            6,
            3,
            "FailStateEntered",
            json!({"name": "B2", "input": "{}"}),
        ),
        ev(7, 6, "ParallelStateFailed", Value::Null),
        ev(
            8,
            7,
            "ParallelStateExited",
            json!({"name": "P", "output": "{}"}),
        ),
        ev(
            9,
            8,
            "MapStateEntered",
            json!({"name": "M", "input": "[1]"}),
        ),
        ev(10, 9, "MapStateStarted", json!({"length": 1})),
        ev(
            11,
            10,
            "MapIterationStarted",
            json!({"index": 0, "name": "M"}),
        ),
        ev(
            12,
            11,
            "TaskStateEntered",
            json!({"name": "T", "input": "1"}),
        ),
        ev(
            13,
            12,
            "TaskScheduled",
            json!({"resource": "invoke", "resourceType": "lambda", "parameters": "{}"}),
        ),
        ev(
            14,
            13,
            "TaskFailed",
            json!({"error": "E", "cause": "first try"}),
        ),
        ev(
            15,
            14,
            "TaskScheduled",
            json!({"resource": "invoke", "resourceType": "lambda", "parameters": "{}"}),
        ),
        ev(16, 15, "TaskSucceeded", json!({"output": "2"})),
        ev(
            17,
            16,
            "TaskStateExited",
            json!({"name": "T", "output": "2"}),
        ),
        ev(
            18,
            17,
            "MapIterationSucceeded",
            json!({"index": 0, "name": "M"}),
        ),
        ev(19, 18, "MapStateSucceeded", Value::Null),
        ev(
            20,
            18,
            "MapStateExited",
            json!({"name": "M", "output": "[2]"}),
        ),
        ev(
            21,
            20,
            "FailStateEntered",
            json!({"name": "F", "input": "[2]"}),
        ),
        ev(
            22,
            21,
            "ExecutionFailed",
            json!({"error": "Final", "cause": "bye"}),
        ),
    ]
}

#[test]
fn outcomes_follow_the_path_taken() {
    let a = attribute(&caught_parallel_map_fail());
    let o = |n: &str| a.outcomes.get(n).copied();
    assert_eq!(o("P"), Some(Outcome::Caught));
    assert_eq!(o("B1"), Some(Outcome::Succeeded));
    assert_eq!(o("B2"), Some(Outcome::Failed));
    // A failed attempt followed by a successful retry is a success.
    assert_eq!(o("T"), Some(Outcome::Succeeded));
    assert_eq!(o("M"), Some(Outcome::Succeeded));
    assert_eq!(o("F"), Some(Outcome::Failed));
    assert_eq!(o("Elsewhere"), None);
}

#[test]
fn events_belong_to_their_state() {
    let a = attribute(&caught_parallel_map_fail());
    let s = |i: usize| a.states[i].as_deref();
    assert_eq!(s(0), None);
    assert_eq!(s(2), Some("P"));
    // ParallelStateFailed follows a branch event, yet belongs to the Parallel.
    assert_eq!(s(6), Some("P"));
    assert_eq!(s(10), Some("M"));
    assert_eq!(s(13), Some("T"));
    assert_eq!(s(18), Some("M"));
    assert_eq!(s(21), None);
    // A page that starts mid-history still names the states its events name.
    let tail = attribute(&caught_parallel_map_fail()[16..]);
    assert_eq!(tail.states[0].as_deref(), Some("T"));
    assert_eq!(tail.states[1].as_deref(), Some("M"));
}

#[test]
fn an_open_state_is_unfinished_and_a_final_failure_is_failed() {
    let mut events = caught_parallel_map_fail();
    events.truncate(13);
    assert_eq!(
        attribute(&events).outcomes.get("T"),
        Some(&Outcome::Unfinished)
    );
    events.push(ev(14, 13, "TaskFailed", json!({"error": "E"})));
    events.push(ev(15, 14, "ExecutionFailed", json!({"error": "E"})));
    assert_eq!(attribute(&events).outcomes.get("T"), Some(&Outcome::Failed));
}

#[test]
fn summaries_are_one_short_line_unless_full() {
    let long = format!("{{\"data\": \"{}\"}}", "x".repeat(200));
    let e = ev(
        2,
        1,
        "TaskStateEntered",
        json!({"name": "T", "input": long}),
    );
    let short = summary(&e, false);
    assert_eq!(short.chars().count(), SHORT);
    assert!(short.starts_with("input {\"data\": \"xxx") && short.ends_with('…'));
    assert_eq!(summary(&e, true), format!("input {long}"));
    let failed = ev(
        3,
        2,
        "TaskFailed",
        json!({"error": "E", "cause": "line\n  two"}),
    );
    assert_eq!(summary(&failed, false), "E: line two");
    let scheduled = ev(
        4,
        3,
        "TaskScheduled",
        json!({"resource": "invoke", "resourceType": "lambda", "parameters": "{\"a\":1}"}),
    );
    assert_eq!(summary(&scheduled, false), "lambda:invoke {\"a\":1}");
    assert_eq!(
        summary(&ev(5, 4, "MapStateStarted", json!({"length": 3})), false),
        "3 items"
    );
}

#[test]
fn history_table_has_offsets_states_and_summaries() {
    let table = history(
        &caught_parallel_map_fail(),
        Style {
            full: false,
            color: false,
            on_stderr: false,
        },
    );
    assert!(table.contains("ParallelStateFailed"), "{table}");
    assert!(table.contains("+0.000s"), "{table}");
    assert!(table.contains("+8.000s"), "{table}");
    assert!(table.contains("Final: bye"), "{table}");
    assert!(table.contains("lambda:invoke {}"), "{table}");
    assert!(!table.contains("\u{1b}["), "no colour codes: {table}");
}

#[test]
fn description_shows_status_duration_and_payloads() {
    let d = json!({
        "executionArn": "arn:aws:states:us-east-1:1:execution:m:e", "name": "e",
        "status": "SUCCEEDED", "startDate": "2026-01-01T00:00:00.000000+00:00",
        "stopDate": "2026-01-01T00:00:01.250000+00:00", "input": "{\"a\": [1, 2]}",
        "output": "{\"b\":1}"
    });
    let style = Style {
        full: false,
        color: false,
        on_stderr: false,
    };
    let text = description(&d, style);
    assert!(
        text.contains("SUCCEEDED") && text.contains("1.250s"),
        "{text}"
    );
    assert!(text.contains("{\"a\": [1, 2]}"), "{text}");
    let full = description(
        &d,
        Style {
            full: true,
            ..style
        },
    );
    assert!(
        full.contains("\"a\": [ ") && full.lines().count() > text.lines().count(),
        "{full}"
    );
}
