//! Activity workers and callbacks through the API. The engine's side (parking a Task and
//! opening its token) is stood in for by writing the token to the store directly.
use chrono::{Duration, Utc};
use serde_json::{json, Value};
use sfn::api::{self, ApiError, Context};
use sfn::store::task_tokens::{self, TaskTokenRecord, TokenStatus};
use sfn::store::Store;

const EXECUTION: &str = "arn:aws:states:us-east-1:123456789012:execution:orders:e1";

fn context_with_activity() -> (Context, String) {
    let mut ctx = Context::new(Store::in_memory().unwrap());
    let created = api::call(&mut ctx, "CreateActivity", json!({"name": "approve"})).unwrap();
    let arn = created["activityArn"].as_str().unwrap().to_string();
    (ctx, arn)
}

/// What the engine does when an activity Task parks.
fn schedule(
    ctx: &Context,
    activity: &str,
    input: Value,
    timeout: Option<u64>,
    heartbeat: Option<u64>,
) -> String {
    let token = task_tokens::new_token();
    let record = TaskTokenRecord::open(
        token.clone(),
        EXECUTION,
        "Approve",
        Some(activity),
        Some(input.to_string()),
        timeout,
        heartbeat,
        Utc::now(),
    );
    task_tokens::insert(&ctx.store, &record).unwrap();
    token
}

fn error(result: Result<Value, ApiError>) -> (String, String) {
    let e = result.unwrap_err();
    (e.code.to_string(), e.message)
}

#[test]
fn a_worker_takes_the_task_and_delivers_its_output() {
    let (mut ctx, activity) = context_with_activity();
    let token = schedule(&ctx, &activity, json!({"amount": 5}), None, None);
    let task = api::call(
        &mut ctx,
        "GetActivityTask",
        json!({"activityArn": activity, "workerName": "worker-1"}),
    )
    .unwrap();
    assert_eq!(task["taskToken"], token.as_str());
    assert_eq!(task["input"], "{\"amount\":5}");

    let sent = api::call(
        &mut ctx,
        "SendTaskSuccess",
        json!({"taskToken": token, "output": "{\"approved\": true}"}),
    )
    .unwrap();
    assert_eq!(sent, json!({}));
    let record = task_tokens::get(&ctx.store, &token).unwrap().unwrap();
    assert_eq!(record.status, TokenStatus::Succeeded);
    assert_eq!(record.worker_name.as_deref(), Some("worker-1"));
    assert_eq!(record.output.as_deref(), Some("{\"approved\": true}"));
    // No such execution in this store: the outcome is consumed with nothing to resume.
    assert!(record.closed.is_some());
    assert!(task_tokens::outcomes(&ctx.store, EXECUTION)
        .unwrap()
        .is_empty());

    // A second outcome for the same task is refused.
    assert_eq!(
        error(api::call(
            &mut ctx,
            "SendTaskFailure",
            json!({"taskToken": token, "error": "Late"})
        ))
        .0,
        "TaskDoesNotExist"
    );
}

#[test]
fn failure_carries_optional_error_and_cause() {
    let (mut ctx, activity) = context_with_activity();
    let token = schedule(&ctx, &activity, json!({}), None, None);
    api::call(&mut ctx, "SendTaskFailure", json!({"taskToken": token})).unwrap();
    let record = task_tokens::get(&ctx.store, &token).unwrap().unwrap();
    assert_eq!(record.status, TokenStatus::Failed);
    assert_eq!((record.error, record.cause), (None, None));
}

#[test]
fn bad_and_stale_tokens_get_aws_errors() {
    let (mut ctx, activity) = context_with_activity();
    assert_eq!(
        error(api::call(
            &mut ctx,
            "SendTaskSuccess",
            json!({"taskToken": "not-a-token", "output": "{}"})
        )),
        (
            "InvalidToken".into(),
            "Invalid Token: 'Invalid token'".into()
        )
    );
    assert_eq!(
        error(api::call(
            &mut ctx,
            "SendTaskHeartbeat",
            json!({"taskToken": task_tokens::new_token()})
        ))
        .0,
        "TaskDoesNotExist"
    );
    let token = schedule(&ctx, &activity, json!({}), None, None);
    assert_eq!(
        error(api::call(
            &mut ctx,
            "SendTaskSuccess",
            json!({"taskToken": token, "output": "{not json"})
        ))
        .0,
        "InvalidOutput"
    );
    assert_eq!(
        error(api::call(
            &mut ctx,
            "SendTaskFailure",
            json!({"taskToken": token, "error": "e".repeat(257)})
        ))
        .0,
        "ValidationException"
    );
}

#[test]
fn a_task_past_its_timeout_is_timed_out() {
    let (mut ctx, activity) = context_with_activity();
    let token = task_tokens::new_token();
    let long_ago = Utc::now() - Duration::seconds(120);
    let record = TaskTokenRecord::open(
        token.clone(),
        EXECUTION,
        "Approve",
        Some(&activity),
        None,
        Some(60),
        None,
        long_ago,
    );
    task_tokens::insert(&ctx.store, &record).unwrap();
    assert_eq!(
        error(api::call(
            &mut ctx,
            "SendTaskSuccess",
            json!({"taskToken": token, "output": "{}"})
        ))
        .0,
        "TaskTimedOut"
    );
    assert_eq!(
        error(api::call(
            &mut ctx,
            "SendTaskHeartbeat",
            json!({"taskToken": token})
        ))
        .0,
        "TaskTimedOut"
    );
}

#[test]
fn heartbeats_keep_a_started_task_alive() {
    let (mut ctx, activity) = context_with_activity();
    let token = schedule(&ctx, &activity, json!({}), Some(3600), Some(60));
    api::call(
        &mut ctx,
        "GetActivityTask",
        json!({"activityArn": activity}),
    )
    .unwrap();
    let before = task_tokens::get(&ctx.store, &token)
        .unwrap()
        .unwrap()
        .heartbeat_at
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    assert_eq!(
        api::call(&mut ctx, "SendTaskHeartbeat", json!({"taskToken": token})).unwrap(),
        json!({})
    );
    let after = task_tokens::get(&ctx.store, &token)
        .unwrap()
        .unwrap()
        .heartbeat_at
        .unwrap();
    assert!(after > before);
}

#[test]
fn polling_a_missing_activity_fails_and_an_idle_one_returns_no_token() {
    let (mut ctx, activity) = context_with_activity();
    assert_eq!(
        error(api::call(
            &mut ctx,
            "GetActivityTask",
            json!({"activityArn": "arn:aws:states:us-east-1:123456789012:activity:nope"})
        ))
        .0,
        "ActivityDoesNotExist"
    );
    // A wait time scale of 0 (SFN_WAIT_TIME_SCALE=0) turns the 60 s long poll into a
    // single look.
    ctx.runtime.settings.wait_time_scale = 0.0;
    assert_eq!(
        api::call(
            &mut ctx,
            "GetActivityTask",
            json!({"activityArn": activity})
        )
        .unwrap(),
        json!({})
    );
}
