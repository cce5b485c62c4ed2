use super::*;
use serde_json::json;

static CLOCK: Clock = Clock::system();

const MOCKS: &str = r#"{
      "StateMachines": {"orders": {"TestCases": {"HappyPath": {"Charge": "ChargeOk"}}}},
      "MockedResponses": {"ChargeOk": {"0": {"Return": {"Payload": "mocked"}}}}
    }"#;

fn files() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mocks = dir.path().join("mocks.json");
    std::fs::write(&mocks, MOCKS).unwrap();
    let handlers = dir.path().join("handlers.json");
    std::fs::write(
        &handlers,
        json!({"lambda": {"charge": ["echo", "\"handled\""]}}).to_string(),
    )
    .unwrap();
    (dir, mocks, handlers)
}

/// A resource parsed as the compile step parses it, kept for the test's length.
fn parsed(arn: &str) -> &'static TaskResource {
    Box::leak(Box::new(TaskResource::parse(arn)))
}

fn call<'a>(state: &'a str, resource: &str, input: &'a Value) -> TaskInvocation<'a> {
    TaskInvocation {
        state_name: state,
        resource: parsed(resource),
        input,
        timeout_seconds: None,
        heartbeat_seconds: None,
        task_token: None,
        execution_arn: "arn:aws:states:us-east-1:123456789012:execution:orders:e",
        state_machine_name: "orders",
        invocation_index: 0,
        clock: &CLOCK,
        cancel: crate::engine::Cancel::never(),
    }
}

const CHARGE_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:charge";

#[test]
fn the_test_case_wins_over_handlers_for_the_states_it_names() {
    let (_dir, mocks, handlers) = files();
    let runner = runner_for(Some(&mocks), Some(&handlers), "orders", Some("HappyPath")).unwrap();
    let input = json!({});
    assert_eq!(
        runner.invoke(&call("Charge", CHARGE_ARN, &input)),
        TaskOutcome::Succeeded(json!({"Payload": "mocked"}))
    );
    assert_eq!(
        runner.invoke(&call("ChargeAgain", CHARGE_ARN, &input)),
        TaskOutcome::Succeeded(json!("handled"))
    );
    // Without `#HappyPath` the mock file is not used at all.
    let runner = runner_for(Some(&mocks), Some(&handlers), "orders", None).unwrap();
    assert_eq!(
        runner.invoke(&call("Charge", CHARGE_ARN, &input)),
        TaskOutcome::Succeeded(json!("handled"))
    );
}

#[test]
fn an_unserved_task_fails_naming_both_ways_to_serve_it() {
    let runner = runner_for(None, None, "orders", None).unwrap();
    let input = json!({"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:refund:1"});
    let TaskOutcome::Failed(error) =
        runner.invoke(&call("Refund", "arn:aws:states:::lambda:invoke", &input))
    else {
        panic!("expected a failure");
    };
    assert!(error.is_runtime());
    let cause = error.cause.unwrap();
    assert!(
        cause.contains("'arn:aws:states:::lambda:invoke' of state 'Refund'"),
        "{cause}"
    );
    assert!(cause.contains("SFN_MOCK_CONFIG"), "{cause}");
    assert!(cause.contains("a \"lambda\" entry for 'refund'"), "{cause}");
    assert!(cause.contains("SFN_HANDLERS"), "{cause}");
}

#[test]
fn a_callback_handlers_response_is_kept_for_task_submitted() {
    let dir = tempfile::tempdir().unwrap();
    let handlers = dir.path().join("handlers.json");
    std::fs::write(
        &handlers,
        json!({"resources": {"arn:aws:states:::sqs:sendMessage.waitForTaskToken":
            ["echo", "{\"MessageId\": \"m-1\"}"]}})
        .to_string(),
    )
    .unwrap();
    let runner = runner_for(None, Some(&handlers), "orders", None).unwrap();
    let input = json!({});
    let mut invocation = call(
        "Ask",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        &input,
    );
    invocation.task_token = Some("tok-1");
    assert_eq!(runner.invoke(&invocation), TaskOutcome::Pending);
    assert_eq!(runner.submitted("tok-1"), Some(json!({"MessageId": "m-1"})));
    assert_eq!(runner.submitted("tok-1"), None);
}

#[test]
fn activities_and_callbacks_without_a_handler_wait() {
    let runner = runner_for(None, None, "orders", None).unwrap();
    let input = json!({});
    assert_eq!(
        runner.invoke(&call(
            "Approve",
            "arn:aws:states:us-east-1:123456789012:activity:approve",
            &input
        )),
        TaskOutcome::Pending
    );
    assert_eq!(
        runner.invoke(&call(
            "Notify",
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            &input
        )),
        TaskOutcome::Pending
    );
}

/// Records the execution `call` invokes for as RUNNING and held by `owner`.
fn running_execution_held_by(store: &crate::store::Store, owner: &str) {
    store
        .conn
        .execute(
            "INSERT INTO executions (arn, state_machine_arn, name, status, start_date, \
             definition, role_arn, owner) VALUES (?1, ?2, 'e', 'RUNNING', ?3, '{}', 'r', ?4)",
            rusqlite::params![
                "arn:aws:states:us-east-1:123456789012:execution:orders:e",
                "arn:aws:states:us-east-1:123456789012:stateMachine:orders",
                "2026-01-01T00:00:00.000000Z",
                owner
            ],
        )
        .unwrap();
}

/// A parking runner on the store at `db`, for executions held by "this-process".
fn parking_runner(db: &std::path::Path) -> (RunnerConfig, Box<dyn TaskRunner>) {
    let config = RunnerConfig::new(None, None, "orders", None);
    let runner = parking_runner_for(
        &config,
        db,
        &AwsSettings::default(),
        &Clock::system(),
        "this-process",
    )
    .unwrap();
    (config, runner)
}

#[test]
fn a_runner_whose_owner_lost_the_execution_opens_no_token() {
    use crate::store::{task_tokens, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sfn.db");
    let store = Store::open(&db).unwrap();
    // Another process took the execution over (this one's lease ran out).
    running_execution_held_by(&store, "another-process");
    let (_, runner) = parking_runner(&db);
    let input = json!({});
    let mut invocation = call(
        "Notify",
        "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        &input,
    );
    invocation.task_token = Some("0123456789abcdef0123456789abcdef");
    let TaskOutcome::Failed(error) = runner.invoke(&invocation) else {
        panic!("the task should fail");
    };
    assert!(
        error
            .cause
            .as_deref()
            .unwrap_or_default()
            .contains("no longer held"),
        "{error:?}"
    );
    assert_eq!(
        task_tokens::get(&store, "0123456789abcdef0123456789abcdef").unwrap(),
        None
    );
}

#[test]
fn parking_checks_activities_and_records_tokens() {
    use crate::store::{activities, task_tokens, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sfn.db");
    let arn = "arn:aws:states:us-east-1:123456789012:activity:approve";
    let store = Store::open(&db).unwrap();
    let record = activities::ActivityRecord {
        arn: arn.into(),
        name: "approve".into(),
        creation_date: chrono::Utc::now(),
        encryption_configuration: None,
    };
    activities::create(&store, &record, &[]).unwrap();
    running_execution_held_by(&store, "this-process");
    let (config, runner) = parking_runner(&db);
    assert_eq!(runner.check("Approve", parsed(arn)), Ok(()));
    let missing = "arn:aws:states:us-east-1:123456789012:activity:gone";
    assert_eq!(
        runner.check("Approve", parsed(missing)),
        Err(StatesError::runtime(format!(
            "The activity {missing} does not exist."
        )))
    );
    assert_eq!(runner.check("Charge", parsed(CHARGE_ARN)), Ok(()));

    let input = json!({"amount": 5});
    let mut invocation = call("Approve", arn, &input);
    invocation.task_token = Some("0123456789abcdef0123456789abcdef");
    invocation.timeout_seconds = Some(60);
    assert_eq!(runner.invoke(&invocation), TaskOutcome::Pending);
    let token = task_tokens::get(&store, "0123456789abcdef0123456789abcdef")
        .unwrap()
        .unwrap();
    assert_eq!(token.status, task_tokens::TokenStatus::Scheduled);
    assert_eq!(token.activity_arn.as_deref(), Some(arn));
    assert_eq!(token.input.as_deref(), Some("{\"amount\":5}"));
    let kept: RunnerConfig = serde_json::from_str(token.runner.as_deref().unwrap()).unwrap();
    assert_eq!(kept, config);
}

#[test]
fn selection_errors_name_what_exists() {
    let (_dir, mocks, handlers) = files();
    let err = |r: Result<Box<dyn TaskRunner>, TasksError>| match r {
        Err(e) => e.to_string(),
        Ok(_) => panic!("expected an error"),
    };
    let message = err(runner_for(Some(&mocks), None, "orders", Some("SadPath")));
    assert!(message.contains("no test case 'SadPath'"), "{message}");
    assert!(message.contains("(it has: HappyPath)"), "{message}");
    let message = err(runner_for(
        Some(&mocks),
        None,
        "payments",
        Some("HappyPath"),
    ));
    assert!(
        message.contains("no state machine named 'payments'"),
        "{message}"
    );
    assert!(message.contains("(it has: orders)"), "{message}");
    let message = err(runner_for(
        None,
        Some(&handlers),
        "orders",
        Some("HappyPath"),
    ));
    assert!(message.contains("no mock config file is set"), "{message}");
    let missing = mocks.with_file_name("nope.json");
    let message = err(runner_for(Some(&missing), None, "orders", None));
    assert!(
        message.starts_with("cannot read the mock config file"),
        "{message}"
    );
    std::fs::write(&mocks, "{\"MockedResponses\": []}").unwrap();
    let message = err(runner_for(Some(&mocks), None, "orders", None));
    assert!(
        message.contains("MockedResponses: expected an object"),
        "{message}"
    );
    std::fs::write(&handlers, "{\"lambda\": {\"f\": \"f.sh\"}}").unwrap();
    let message = err(runner_for(None, Some(&handlers), "orders", None));
    assert!(message.starts_with("invalid handlers file"), "{message}");
}
