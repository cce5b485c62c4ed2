//! Task states through the `sfn` binary: activity commands, and the order-processing
//! workflow (`tests/fixtures/tasks/order-processing.asl.json`) served by a Step Functions
//! Local mock file and local handlers, with its full history pinned.
use crate::cli_support;

use std::path::{Path, PathBuf};

use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tasks")
        .join(name)
}

const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:approve";

#[test]
fn activity_commands() {
    let sfn = Sfn::new();
    let created = sfn.json(&[
        "create-activity",
        "--name",
        "approve",
        "--tags",
        "key=team,value=ops",
    ]);
    assert_eq!(created["activityArn"], ACTIVITY);
    // Idempotent by name.
    assert_eq!(sfn.json(&["create-activity", "--name", "approve"]), created);
    sfn.json(&["create-activity", "--name", "review"]);

    let described = sfn.json(&["describe-activity", "--activity-arn", ACTIVITY]);
    assert_eq!(described["name"], "approve");
    assert_eq!(described["creationDate"], created["creationDate"]);
    assert_eq!(
        sfn.json(&["list-tags-for-resource", "--resource-arn", ACTIVITY]),
        json!({"tags": [{"key": "team", "value": "ops"}]})
    );

    // The CLI pages through every activity; --max-items stops early with a NextToken.
    let all = sfn.json(&["list-activities", "--page-size", "1"]);
    let names: Vec<&str> = all["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["approve", "review"]);
    let first = sfn.json(&["list-activities", "--max-items", "1"]);
    assert_eq!(first["activities"].as_array().unwrap().len(), 1);
    assert!(first["NextToken"].is_string());

    sfn.json(&["delete-activity", "--activity-arn", ACTIVITY]);
    let (code, stderr) = sfn.fail(&["describe-activity", "--activity-arn", ACTIVITY]);
    assert_eq!(code, 254);
    assert_eq!(
        stderr.trim(),
        format!("An error occurred (ActivityDoesNotExist) when calling the DescribeActivity operation: Activity Does Not Exist: '{ACTIVITY}'")
    );
    let (code, stderr) = sfn.fail(&["create-activity", "--name", "has space"]);
    assert_eq!(code, 254);
    assert!(stderr.contains("(InvalidName)"), "{stderr}");
}

#[test]
fn an_idle_worker_poll_returns_no_task() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "approve"]);
    let out = sfn
        .cmd()
        .args([
            "get-activity-task",
            "--activity-arn",
            ACTIVITY,
            "--worker-name",
            "w1",
        ])
        .env("SFN_WAIT_TIME_SCALE", "0")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "");
    let (code, stderr) = sfn.fail(&[
        "send-task-success",
        "--task-token",
        "nope",
        "--task-output",
        "{}",
    ]);
    assert_eq!(code, 254);
    assert!(
        stderr.contains("(InvalidToken)") && stderr.contains("Invalid Token: 'Invalid token'"),
        "{stderr}"
    );
}

/// Runs the order workflow with `input` (and `#case` when given); returns the execution's
/// description and its history with per-run values replaced by placeholders.
fn run_order(sfn: &Sfn, case: Option<&str>, input: Value) -> (Value, Value) {
    let definition = format!("file://{}", fixture("order-processing.asl.json").display());
    sfn.json(&[
        "create-state-machine",
        "--name",
        "order-processing",
        "--definition",
        &definition,
        "--role-arn",
        ROLE,
    ]);
    let mut machine =
        "arn:aws:states:us-east-1:123456789012:stateMachine:order-processing".to_string();
    if let Some(case) = case {
        machine = format!("{machine}#{case}");
    }
    let with_files = |args: &[&str]| {
        let out = sfn
            .cmd()
            .args(args)
            .env("SFN_MOCK_CONFIG", fixture("mock-config.json"))
            .env("SFN_HANDLERS", fixture("handlers.json"))
            .env("SFN_WAIT_TIME_SCALE", "0")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let started = with_files(&[
        "start-execution",
        "--state-machine-arn",
        &machine,
        "--name",
        "order-1",
        "--input",
        &input.to_string(),
    ]);
    let arn = started["executionArn"].as_str().unwrap();
    let described = sfn.describe(arn);
    let history = sfn.json(&["get-execution-history", "--execution-arn", arn]);
    (described, normalise(history["events"].clone()))
}

/// Timestamps go; request ids, dates and trace ids of Lambda responses become placeholders.
fn normalise(mut events: Value) -> Value {
    for event in events.as_array_mut().unwrap() {
        event.as_object_mut().unwrap().remove("timestamp");
    }
    let text = events.to_string();
    let uuid =
        regex::Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").unwrap();
    let date = regex::Regex::new(r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT")
        .unwrap();
    let trace = regex::Regex::new(r"Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=0").unwrap();
    let text = uuid.replace_all(&text, "<uuid>");
    let text = date.replace_all(&text, "<date>");
    let text = trace.replace_all(&text, "<trace>");
    serde_json::from_str(&text).unwrap()
}

fn pinned(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

fn assert_history(actual: &Value, fixture_name: &str) {
    let expected = pinned(fixture_name);
    let (actual, expected) = (actual.as_array().unwrap(), expected.as_array().unwrap());
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert_eq!(a, e, "event {} differs", i + 1);
    }
    assert_eq!(actual.len(), expected.len(), "number of events");
}

#[test]
fn retries_consume_mocked_responses_and_handlers_serve_the_rest() {
    let sfn = Sfn::new();
    let (described, history) = run_order(
        &sfn,
        Some("RetryPath"),
        json!({"orderId": "o-1", "amount": 25, "address": "1 Main St"}),
    );
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(
        serde_json::from_str::<Value>(described["output"].as_str().unwrap()).unwrap(),
        json!({"orderId": "o-1", "amount": 25, "address": "1 Main St",
               "charge": {"chargeId": "ch-third-try"}, "shipment": {"trackingId": "T-1"}})
    );
    assert_history(&history, "order-retry-path.history.json");
}

#[test]
fn local_handlers_alone_run_the_order() {
    let sfn = Sfn::new();
    let (described, history) = run_order(
        &sfn,
        None,
        json!({"orderId": "o-2", "amount": 40, "address": "2 High St"}),
    );
    assert_eq!(described["status"], "SUCCEEDED");
    assert_history(&history, "order-handlers.history.json");
}

#[test]
fn a_crashing_shipment_is_caught() {
    let sfn = Sfn::new();
    let (described, history) = run_order(&sfn, None, json!({"orderId": "o-3", "amount": 40}));
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "ShippingFailed");
    assert_history(&history, "order-shipment-caught.history.json");
}

#[test]
fn a_declined_payment_fails_the_execution_with_lambdas_error() {
    let sfn = Sfn::new();
    let (described, history) = run_order(
        &sfn,
        None,
        json!({"orderId": "o-4", "amount": 5000, "address": "4 Low St"}),
    );
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "PaymentDeclined");
    assert_eq!(
        described["cause"],
        r#"{"errorMessage":"amount 5000 over limit","errorType":"PaymentDeclined"}"#
    );
    assert_history(&history, "order-payment-declined.history.json");
}

#[test]
fn an_unknown_test_case_refuses_to_start() {
    let sfn = Sfn::new();
    sfn.create("order-processing");
    let out = sfn
        .cmd()
        .args([
            "start-execution",
            "--state-machine-arn",
            "arn:aws:states:us-east-1:123456789012:stateMachine:order-processing#SadPath",
        ])
        .env("SFN_MOCK_CONFIG", fixture("mock-config.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(254));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("(ValidationException)") && stderr.contains("no test case 'SadPath'"),
        "{stderr}"
    );
    assert!(sfn.json(&[
        "list-executions",
        "--state-machine-arn",
        "arn:aws:states:us-east-1:123456789012:stateMachine:order-processing"
    ])["executions"]
        .as_array()
        .unwrap()
        .is_empty());
}

const APPROVAL: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:approval";

/// Creates the activity and the approval machine (with `TimeoutSeconds` replaced).
fn approval_machine(sfn: &Sfn, timeout_seconds: u64) {
    sfn.json(&["create-activity", "--name", "approve"]);
    let text = std::fs::read_to_string(fixture("approval.asl.json")).unwrap();
    let mut definition: Value = serde_json::from_str(&text).unwrap();
    definition["States"]["Approve"]["TimeoutSeconds"] = json!(timeout_seconds);
    sfn.json(&[
        "create-state-machine",
        "--name",
        "approval",
        "--definition",
        &definition.to_string(),
        "--role-arn",
        ROLE,
    ]);
}

fn event_types(sfn: &Sfn, execution: &str) -> Vec<String> {
    let history = sfn.json(&["get-execution-history", "--execution-arn", execution]);
    history["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_worker_in_another_process_completes_the_activity_task() {
    let sfn = Sfn::new();
    approval_machine(&sfn, 30);
    // The worker is polling before the execution starts, as a real worker fleet would be.
    let mut worker = crate::cli_support::python3()
        .arg(fixture("worker.py"))
        .args([env!("CARGO_BIN_EXE_sfn"), ACTIVITY, "worker-7"])
        .env("SFN_DB", sfn.db())
        .spawn()
        .unwrap();
    let started = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        APPROVAL,
        "--name",
        "order-1",
        "--input",
        r#"{"amount": 250}"#,
    ]);
    let execution = started["executionArn"].as_str().unwrap();
    assert!(worker.wait().unwrap().success());
    let described = sfn.describe(execution);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(
        serde_json::from_str::<Value>(described["output"].as_str().unwrap()).unwrap(),
        json!({"amount": 250, "approval": {"approved": true, "by": "worker-7"}})
    );
    let types = event_types(&sfn, execution);
    assert_eq!(types.first().map(String::as_str), Some("ExecutionStarted"));
    assert!(
        types.contains(&"ActivityScheduled".to_string()),
        "{types:?}"
    );
    assert!(
        types.contains(&"ActivitySucceeded".to_string()),
        "{types:?}"
    );
    assert_eq!(types.last().map(String::as_str), Some("ExecutionSucceeded"));
}

#[test]
fn a_worker_failure_fails_the_task() {
    let sfn = Sfn::new();
    approval_machine(&sfn, 30);
    let started = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        APPROVAL,
        "--input",
        r#"{"amount": 5000}"#,
    ]);
    let execution = started["executionArn"].as_str().unwrap();
    assert_eq!(sfn.describe(execution)["status"], "RUNNING");
    let worker = crate::cli_support::python3()
        .arg(fixture("worker.py"))
        .args([env!("CARGO_BIN_EXE_sfn"), ACTIVITY, "worker-8"])
        .env("SFN_DB", sfn.db())
        .status()
        .unwrap();
    assert!(worker.success());
    let described = sfn.describe(execution);
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "Rejected");
    assert_eq!(described["cause"], "amount 5000 over limit");
}

#[test]
fn stopping_a_parked_execution_aborts_its_task() {
    let sfn = Sfn::new();
    approval_machine(&sfn, 30);
    let started = sfn.json(&["start-execution", "--state-machine-arn", APPROVAL]);
    let execution = started["executionArn"].as_str().unwrap();
    sfn.json(&["stop-execution", "--execution-arn", execution]);
    assert_eq!(sfn.describe(execution)["status"], "ABORTED");
    // The aborted task is no longer handed to workers.
    let out = sfn
        .cmd()
        .args(["get-activity-task", "--activity-arn", ACTIVITY])
        .env("SFN_WAIT_TIME_SCALE", "0")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "");
}

#[test]
fn callbacks_answered_at_once_and_later_by_another_process() {
    let sfn = Sfn::new();
    let definition = format!("file://{}", fixture("callback.asl.json").display());
    sfn.json(&[
        "create-state-machine",
        "--name",
        "callback",
        "--definition",
        &definition,
        "--role-arn",
        ROLE,
    ]);
    let outbox = sfn.dir.path().join("token.txt");
    let out = sfn
        .cmd()
        .args([
            "start-execution",
            "--state-machine-arn",
            "arn:aws:states:us-east-1:123456789012:stateMachine:callback",
            "--input",
            r#"{"amount": 10}"#,
        ])
        .env("SFN_HANDLERS", fixture("handlers-callback.json"))
        .env("SFN_TEST_BIN", env!("CARGO_BIN_EXE_sfn"))
        .env("SFN_TEST_OUTBOX", &outbox)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let execution = serde_json::from_slice::<Value>(&out.stdout).unwrap()["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    // The first step's answer came during the run; the second waits.
    assert_eq!(sfn.describe(&execution)["status"], "RUNNING");
    let token = std::fs::read_to_string(&outbox).unwrap();
    sfn.json(&["send-task-heartbeat", "--task-token", &token]);
    sfn.json(&[
        "send-task-success",
        "--task-token",
        &token,
        "--task-output",
        r#"{"approved": "later"}"#,
    ]);
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(
        serde_json::from_str::<Value>(described["output"].as_str().unwrap()).unwrap(),
        json!({"amount": 10, "first": {"approved": true}, "second": {"approved": "later"}})
    );
    let types = event_types(&sfn, &execution);
    assert_eq!(
        types.iter().filter(|t| *t == "TaskSucceeded").count(),
        2,
        "{types:?}"
    );
}
