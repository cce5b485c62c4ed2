use super::*;
use chrono::Utc;

/// A save of `record` with no events, tokens or stop that lets the execution go.
fn releasing(record: &ExecutionRecord) -> Save<'_> {
    Save {
        record,
        events: &[],
        consumed: &[],
        started: &[],
        stopped: false,
        release: true,
        deliver: None,
        now: Utc::now(),
    }
}

fn owner(id: &str) -> Owner {
    Owner {
        id: id.into(),
        pid: 1,
        host: "h".into(),
    }
}

fn record() -> ExecutionRecord {
    ExecutionRecord {
        arn: "arn:e".into(),
        state_machine_arn: "arn:sm".into(),
        name: "e".into(),
        status: "RUNNING".into(),
        start_date: executions::date_text(Utc::now()),
        definition: "{}".into(),
        role_arn: "r".into(),
        ..Default::default()
    }
}

fn alive(_: &Lease) -> bool {
    false
}

#[test]
fn one_owner_at_a_time_and_saves_are_compare_and_swap() {
    let store = Store::in_memory().unwrap();
    assert_eq!(
        insert_owned(&store, &record(), &owner("a"), 1_000, &[]).unwrap(),
        Some(1)
    );
    assert_eq!(
        insert_owned(&store, &record(), &owner("b"), 1_000, &[]).unwrap(),
        None
    );
    // Held by a live owner whose lease runs: nobody else gets it.
    assert!(matches!(
        acquire(&store, "arn:e", &owner("b"), 500, 2_000, &alive).unwrap(),
        Claim::Held(_)
    ));
    let version = executions::get(&store, "arn:e").unwrap().unwrap().version;
    // The lease ran out: b takes over, and a's save is refused.
    let Claim::Acquired(taken) =
        acquire(&store, "arn:e", &owner("b"), 1_500, 3_000, &alive).unwrap()
    else {
        panic!("expected to acquire");
    };
    let save_as = |who: &str, v: i64| super::save(&store, who, v, &releasing(&taken)).unwrap();
    assert_eq!(save_as("a", version), Saved::Lost);
    assert_eq!(save_as("b", version), Saved::Lost, "stale version");
    assert_eq!(
        save_as("b", taken.version),
        Saved::Saved {
            version: taken.version + 1,
            held: false
        }
    );
    assert_eq!(lease(&store, "arn:e").unwrap(), None);
}

fn event(id: i64) -> EventRow {
    EventRow::from(&crate::history::HistoryEvent {
        id,
        previous_event_id: id - 1,
        timestamp: Utc::now(),
        event_type: crate::history::EventType::PassStateEntered,
        details: Some(serde_json::json!({"name": "P", "input": "x".repeat(300)}).into()),
    })
}

#[test]
fn events_written_ahead_go_when_a_new_owner_runs_from_the_saved_state() {
    let store = Store::in_memory().unwrap();
    insert_owned(&store, &record(), &owner("a"), 1_000, &[event(1)]).unwrap();
    let version = executions::get(&store, "arn:e").unwrap().unwrap().version;
    assert!(append_owned(&store, "arn:e", "a", version, &[event(2), event(3)]).unwrap());
    assert!(
        !append_owned(&store, "arn:e", "b", version, &[event(4)]).unwrap(),
        "only the owner writes"
    );
    assert_eq!(super::super::history::count(&store, "arn:e").unwrap(), 3);
    // The saved state had emitted one event: the rest is run again.
    super::super::history::truncate(&store, "arn:e", 2).unwrap();
    assert_eq!(super::super::history::count(&store, "arn:e").unwrap(), 1);
    assert!(append_owned(&store, "arn:e", "a", version, &[event(2)]).unwrap());
    let events = executions::events(&store, "arn:e").unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(
        events[1].details.as_ref().unwrap().str("input"),
        Some("x".repeat(300).as_str())
    );
}

#[test]
fn a_parked_execution_with_a_stop_waiting_is_kept() {
    let store = Store::in_memory().unwrap();
    insert_owned(&store, &record(), &owner("a"), 1_000, &[]).unwrap();
    let version = executions::get(&store, "arn:e").unwrap().unwrap().version;
    assert!(matches!(
        request_stop(&store, "arn:e", Some("E"), None).unwrap(),
        StopRequest::Queued
    ));
    assert_eq!(
        inbox(&store, "arn:e").unwrap().stop,
        Some((Some("E".into()), None))
    );
    let saved = save(&store, "a", version, &releasing(&record())).unwrap();
    assert_eq!(
        saved,
        Saved::Saved {
            version: version + 1,
            held: true
        }
    );
    assert_eq!(
        runnable(&store, 0, &alive, false).unwrap(),
        Vec::<String>::new()
    );
}
