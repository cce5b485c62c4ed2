use super::*;

fn at(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap()
}

const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:approve";

fn activity_task(store: &Store, exec: &str, created: i64) -> String {
    let token = new_token();
    let record = TaskTokenRecord::open(
        token.clone(),
        exec,
        "Approve",
        Some(ACTIVITY),
        Some("{\"n\":1}".into()),
        Some(100),
        Some(10),
        at(created),
    );
    insert(store, &record).unwrap();
    token
}

#[test]
fn tokens_are_well_formed_and_distinct() {
    let (a, b) = (new_token(), new_token());
    assert!(is_well_formed(&a) && is_well_formed(&b));
    assert_ne!(a, b);
    assert!(!is_well_formed("Invalid token"));
    assert!(!is_well_formed("short"));
    assert!(is_well_formed(&uuid::Uuid::new_v4().to_string()));
}

#[test]
fn workers_take_the_oldest_task_once() {
    let store = Store::in_memory().unwrap();
    let second = activity_task(&store, "e2", 5);
    let first = activity_task(&store, "e1", 1);
    let got = claim_activity_task(&store, ACTIVITY, Some("w1"), at(6))
        .unwrap()
        .unwrap();
    assert_eq!(got.token, first);
    assert_eq!(got.input.as_deref(), Some("{\"n\":1}"));
    let got = claim_activity_task(&store, ACTIVITY, Some("w2"), at(6))
        .unwrap()
        .unwrap();
    assert_eq!(got.token, second);
    assert_eq!(
        claim_activity_task(&store, ACTIVITY, None, at(6)).unwrap(),
        None
    );
    let stored = get(&store, &first).unwrap().unwrap();
    assert_eq!(stored.status, TokenStatus::Started);
    assert_eq!(stored.worker_name.as_deref(), Some("w1"));
    assert_eq!(stored.heartbeat_at, Some(at(16)));
}

#[test]
fn delivery_happens_once_and_not_after_a_deadline() {
    let store = Store::in_memory().unwrap();
    let token = activity_task(&store, "e1", 0);
    claim_activity_task(&store, ACTIVITY, None, at(1)).unwrap();
    let success = Delivery::Succeeded {
        output: "{}".into(),
    };
    let (before, done) = deliver(&store, &token, &success, at(5)).unwrap();
    assert!(done);
    assert_eq!(before.unwrap().status, TokenStatus::Started);
    let (before, done) = deliver(&store, &token, &success, at(6)).unwrap();
    assert!(!done);
    assert_eq!(before.unwrap().status, TokenStatus::Succeeded);
    assert_eq!(
        deliver(&store, &new_token(), &success, at(6)).unwrap(),
        (None, false)
    );

    // The heartbeat deadline (started at 1 + 10 s) has passed at 12.
    let late = activity_task(&store, "e2", 0);
    claim_activity_task(&store, ACTIVITY, None, at(1)).unwrap();
    let (_, done) = deliver(&store, &late, &success, at(12)).unwrap();
    assert!(!done);
}

#[test]
fn heartbeats_push_the_deadline_but_not_the_timeout() {
    let store = Store::in_memory().unwrap();
    let token = activity_task(&store, "e1", 0);
    claim_activity_task(&store, ACTIVITY, None, at(0)).unwrap();
    for t in [8, 16, 24] {
        heartbeat(&store, &token, at(t)).unwrap();
        assert!(expire(&store, at(t + 9)).unwrap().is_empty());
    }
    let expired = expire(&store, at(100)).unwrap();
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0].status, TokenStatus::TimedOut);
    assert_eq!(outcomes(&store, "e1").unwrap().len(), 1);
    assert_eq!(executions_with_outcomes(&store).unwrap(), ["e1"]);
    assert!(close(&store, &token, at(101)).unwrap());
    assert!(!close(&store, &token, at(102)).unwrap());
    assert!(outcomes(&store, "e1").unwrap().is_empty());
    assert!(executions_with_outcomes(&store).unwrap().is_empty());
}

#[test]
fn callbacks_start_waiting_at_once() {
    let store = Store::in_memory().unwrap();
    let token = new_token();
    insert(
        &store,
        &TaskTokenRecord::open(
            token.clone(),
            "e1",
            "Wait",
            None,
            None,
            None,
            Some(5),
            at(0),
        ),
    )
    .unwrap();
    assert_eq!(expire(&store, at(6)).unwrap().len(), 1);
    assert_eq!(
        get(&store, &token).unwrap().unwrap().status,
        TokenStatus::TimedOut
    );
}

#[test]
fn stopping_an_execution_aborts_its_tokens() {
    let store = Store::in_memory().unwrap();
    let token = activity_task(&store, "e1", 0);
    activity_task(&store, "e2", 0);
    assert_eq!(abort_execution(&store, "e1", at(1)).unwrap(), 1);
    assert_eq!(
        get(&store, &token).unwrap().unwrap().status,
        TokenStatus::Aborted
    );
    let got = claim_activity_task(&store, ACTIVITY, None, at(1))
        .unwrap()
        .unwrap();
    assert_eq!(got.execution_arn, "e2");
}
