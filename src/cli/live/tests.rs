use super::*;
use chrono::Utc;
use serde_json::json;

fn event(id: i64, ty: &str, details: Value) -> HistoryEvent {
    HistoryEvent {
        id,
        previous_event_id: id - 1,
        timestamp: Utc::now(),
        event_type: ty.parse().unwrap(),
        details: (!details.is_null()).then(|| details.into()),
    }
}

#[test]
fn tally_follows_states_and_map_progress() {
    let mut t = Tally::default();
    assert_eq!(t.message(), "starting");
    t.observe(&event(1, "ExecutionStarted", json!({"input": "{}"})));
    t.observe(&event(2, "MapStateEntered", json!({"name": "Each"})));
    t.observe(&event(3, "MapStateStarted", json!({"length": 3})));
    t.observe(&event(
        4,
        "MapIterationStarted",
        json!({"index": 0, "name": "Each"}),
    ));
    t.observe(&event(5, "TaskStateEntered", json!({"name": "Work"})));
    t.observe(&event(
        6,
        "MapIterationSucceeded",
        json!({"index": 0, "name": "Each"}),
    ));
    assert_eq!(t.message(), "Work · Each 1/3 · 2 states entered");
    t.observe(&event(7, "MapStateSucceeded", Value::Null));
    t.observe(&event(8, "MapStateExited", json!({"name": "Each"})));
    assert_eq!(t.message(), "Work · 2 states entered");
    assert_eq!(t.events, 8);
}

#[test]
fn the_spinner_counts_down_retries_and_waits() {
    let mut t = Tally {
        definition: Some(json!({"StartAt": "Charge", "States": {
            "Charge": {"Type": "Task", "Resource": "x", "Next": "Pause",
                "Retry": [{"ErrorEquals": ["Timeout"], "MaxAttempts": 3, "IntervalSeconds": 30}]},
            "Pause": {"Type": "Wait", "SecondsPath": "$.delay", "End": true}}})),
        ..Tally::default()
    };
    t.observe(&event(1, "TaskStateEntered", json!({"name": "Charge"})));
    t.observe(&event(2, "TaskScheduled", json!({"resource": "x"})));
    t.observe(&event(3, "TaskFailed", json!({"error": "Timeout"})));
    let message = t.message();
    assert!(
        message.starts_with("Charge · retry 2/4 in 30s")
            || message.starts_with("Charge · retry 2/4 in 29s"),
        "{message}"
    );
    // The next attempt clears the countdown; an error no retrier handles has none.
    t.observe(&event(4, "TaskScheduled", json!({"resource": "x"})));
    assert_eq!(t.message(), "Charge · 1 state entered");
    t.observe(&event(5, "TaskFailed", json!({"error": "Other"})));
    assert_eq!(t.message(), "Charge · 1 state entered");
    t.observe(&event(
        6,
        "WaitStateEntered",
        json!({"name": "Pause", "input": "{\"delay\": 90}"}),
    ));
    let message = t.message();
    assert!(
        message.starts_with("Pause · Wait 90s") || message.starts_with("Pause · Wait 89s"),
        "{message}"
    );
    // SFN_WAIT_TIME_SCALE=0: nothing to count down.
    t.scale = Some(0.0);
    t.observe(&event(
        7,
        "WaitStateEntered",
        json!({"name": "Pause", "input": "{\"delay\": 90}"}),
    ));
    assert_eq!(t.message(), "Pause · 3 states entered");
}

#[test]
fn the_observed_history_keeps_its_head_and_tail() {
    let mut t = Tally::default();
    for id in 1..=100 {
        t.observe(&event(id, "PassStateEntered", json!({"name": "P"})));
    }
    assert!(t.observed().is_none(), "not closed yet");
    t.observe(&event(101, "ExecutionSucceeded", json!({"output": "{}"})));
    let o = t.observed().unwrap();
    let ids = |v: &[HistoryEvent]| v.iter().map(|e| e.id).collect::<Vec<_>>();
    assert_eq!(ids(&o.head), (1..=20).collect::<Vec<_>>());
    assert_eq!(ids(&o.tail), (82..=101).collect::<Vec<_>>());
    assert_eq!(o.skipped, 61);

    let mut short = Tally::default();
    for id in 1..=45 {
        short.observe(&event(id, "PassStateEntered", json!({"name": "P"})));
    }
    short.observe(&event(46, "ExecutionFailed", json!({"error": "E"})));
    let o = short.observed().unwrap();
    assert_eq!(ids(&o.head), (1..=20).collect::<Vec<_>>());
    assert_eq!(ids(&o.tail), (27..=46).collect::<Vec<_>>());
    assert_eq!(o.skipped, 6);
}

#[test]
fn copying_an_event_in_place_gives_an_equal_event() {
    let a = event(
        1,
        "PassStateEntered",
        json!({"name": "A", "input": "{}", "inputDetails": {"truncated": false}}),
    );
    let b = event(
        2,
        "PassStateExited",
        json!({"name": "Bee", "output": "[1,2]", "outputDetails": {"truncated": false}}),
    );
    let c = event(
        3,
        "PassStateEntered",
        json!({"name": "C", "input": "\"a longer input\"", "inputDetails": {"truncated": false}}),
    );
    let d = event(4, "ExecutionSucceeded", Value::Null);
    let mut slot = a.clone();
    for next in [&b, &c, &a, &d, &b] {
        copy_event(&mut slot, next);
        assert_eq!(&slot, next);
    }
}

#[test]
fn durations_read_naturally() {
    assert_eq!(duration(Duration::from_millis(12)), "0.012s");
    assert_eq!(duration(Duration::from_millis(3400)), "3.400s");
    assert_eq!(duration(Duration::from_secs(123)), "2m03s");
}
