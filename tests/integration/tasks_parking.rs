//! Parked executions through the `sfn` binary: `ActivityStarted` when a worker takes the
//! task, `TaskSubmitted` for callbacks, deleted activities, several tasks waiting at once in
//! Parallel branches and Map iterations, the task token in JSONata, stale tokens, and the
//! `examples/callback-approval` workflow end to end with its full history pinned.
use crate::cli_support;

use std::path::{Path, PathBuf};

use cli_support::{types, Sfn};
use serde_json::{json, Value};

const ACCOUNT: &str = "arn:aws:states:us-east-1:123456789012";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/tasks").join(name)
}

fn output(described: &Value) -> Value {
    serde_json::from_str(described["output"].as_str().unwrap()).unwrap()
}

/// The task tokens of the callbacks scheduled so far, in event order: with no handler the
/// token only shows in the TaskScheduled parameters.
fn scheduled_tokens(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .filter(|e| e["type"] == "TaskScheduled")
        .map(|e| {
            let parameters: Value = serde_json::from_str(
                e["taskScheduledEventDetails"]["parameters"]
                    .as_str()
                    .unwrap(),
            )
            .unwrap();
            parameters["MessageBody"]["token"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn succeed(sfn: &Sfn, token: &str, output: Value) {
    sfn.json(&[
        "send-task-success",
        "--task-token",
        token,
        "--task-output",
        &output.to_string(),
    ]);
}

fn callback(name: &str, next: Option<&str>) -> Value {
    let mut state = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {
            "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q",
            "MessageBody": {"step": name, "token.$": "$$.Task.Token"}
        },
    });
    match next {
        Some(next) => state["Next"] = json!(next),
        None => state["End"] = json!(true),
    }
    state
}

#[test]
fn a_worker_taking_the_task_records_activity_started() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "approve"]);
    let activity = format!("{ACCOUNT}:activity:approve");
    let machine = sfn.create_machine(
        "approval",
        &json!({"StartAt": "Approve", "States": {"Approve": {
            "Type": "Task", "Resource": activity, "HeartbeatSeconds": 60, "End": true}}}),
    );
    let execution = sfn.start(&machine, &["--input", r#"{"amount": 5}"#]);
    assert_eq!(
        types(&sfn.history(&execution)),
        ["ExecutionStarted", "TaskStateEntered", "ActivityScheduled"]
    );
    let task = sfn.json(&[
        "get-activity-task",
        "--activity-arn",
        &activity,
        "--worker-name",
        "worker-3",
    ]);
    assert_eq!(task["input"], r#"{"amount":5}"#);
    let history = sfn.history(&execution);
    assert_eq!(history[3]["type"], "ActivityStarted");
    assert_eq!(history[3]["previousEventId"], 3);
    assert_eq!(
        history[3]["activityStartedEventDetails"],
        json!({"workerName": "worker-3"})
    );
    succeed(&sfn, task["taskToken"].as_str().unwrap(), json!({"ok": 1}));
    let history = sfn.history(&execution);
    assert_eq!(
        types(&history),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "ActivityScheduled",
            "ActivityStarted",
            "ActivitySucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"
        ]
    );
    assert_eq!(history[4]["previousEventId"], 4);
}

#[test]
fn a_deleted_activity_fails_before_it_is_scheduled() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "gone"]);
    let activity = format!("{ACCOUNT}:activity:gone");
    let machine = sfn.create_machine(
        "uses-gone",
        &json!({"StartAt": "Work", "States": {"Work": {
            "Type": "Task", "Resource": activity, "End": true}}}),
    );
    sfn.json(&["delete-activity", "--activity-arn", &activity]);
    let execution = sfn.start(&machine, &["--input", "{}"]);
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "States.Runtime");
    assert_eq!(
        described["cause"],
        format!("The activity {activity} does not exist.")
    );
    assert_eq!(
        types(&sfn.history(&execution)),
        ["ExecutionStarted", "TaskStateEntered", "ExecutionFailed"]
    );
}

#[test]
fn parallel_branches_wait_together_and_resume_in_any_order() {
    let sfn = Sfn::new();
    let branch = |name: &str| json!({"StartAt": name, "States": {name: callback(name, None)}});
    let machine = sfn.create_machine("fan",
        &json!({"StartAt": "Both", "States": {"Both": {
            "Type": "Parallel",
            "Branches": [
                branch("Left"),
                {"StartAt": "Now", "States": {"Now": {"Type": "Pass", "Result": "now", "End": true}}},
                branch("Right")
            ],
            "End": true}}}),
    );
    let execution = sfn.start(&machine, &["--input", "{}"]);
    assert_eq!(sfn.describe(&execution)["status"], "RUNNING");
    let history = sfn.history(&execution);
    // Every branch ran as far as it could: both callbacks are open at once.
    let tokens = scheduled_tokens(&history);
    assert_eq!(tokens.len(), 2, "{:?}", types(&history));
    assert!(types(&history).contains(&"PassStateExited"));
    succeed(&sfn, &tokens[1], json!("right"));
    assert_eq!(sfn.describe(&execution)["status"], "RUNNING");
    succeed(&sfn, &tokens[0], json!("left"));
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(output(&described), json!(["left", "now", "right"]));
    let history = sfn.history(&execution);
    let kinds = types(&history);
    assert_eq!(kinds.iter().filter(|t| **t == "TaskSucceeded").count(), 2);
    assert_eq!(kinds.last(), Some(&"ExecutionSucceeded"));
    // The outcome that came first closes its branch first.
    let first = history
        .iter()
        .find(|e| e["type"] == "TaskSucceeded")
        .unwrap();
    assert_eq!(first["taskSucceededEventDetails"]["output"], r#""right""#);
}

#[test]
fn map_iterations_wait_together_and_a_sequential_map_waits_in_turn() {
    for (concurrency, open_at_once) in [(0, 3), (1, 1)] {
        let sfn = Sfn::new();
        let machine = sfn.create_machine(
            "each",
            &json!({"StartAt": "Each", "States": {"Each": {
                "Type": "Map",
                "MaxConcurrency": concurrency,
                "ItemProcessor": {"StartAt": "Ask", "States": {"Ask": callback("Ask", None)}},
                "End": true}}}),
        );
        let execution = sfn.start(&machine, &["--input", "[1, 2, 3]"]);
        let mut answered = 0;
        loop {
            let history = sfn.history(&execution);
            let tokens = scheduled_tokens(&history);
            let open = &tokens[answered..];
            if open.is_empty() {
                break;
            }
            assert_eq!(open.len(), open_at_once, "MaxConcurrency {concurrency}");
            for token in open.iter().rev() {
                answered += 1;
                succeed(&sfn, token, json!(answered));
            }
        }
        let described = sfn.describe(&execution);
        assert_eq!(described["status"], "SUCCEEDED");
        let expected = if open_at_once == 3 {
            json!([3, 2, 1])
        } else {
            json!([1, 2, 3])
        };
        assert_eq!(output(&described), expected);
    }
}

#[test]
fn jsonata_reads_the_token_from_the_context_and_stale_tokens_are_refused() {
    let sfn = Sfn::new();
    let machine = sfn.create_machine("jsonata-callback",
        &json!({"QueryLanguage": "JSONata", "StartAt": "Ask", "States": {"Ask": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Arguments": {"QueueUrl": "q", "MessageBody": {"token": "{% $states.context.Task.Token %}"}},
            "TimeoutSeconds": 1,
            "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Late"}],
            "End": true},
            "Late": {"Type": "Pass", "Output": "late", "End": true}}}),
    );
    let execution = sfn.start(&machine, &["--input", "{}"]);
    let tokens = scheduled_tokens(&sfn.history(&execution));
    assert_eq!(tokens.len(), 1);
    assert!(tokens[0].len() >= 32, "{}", tokens[0]);
    // The token's timeout takes its second of real time (a callback is answered from
    // outside the process): each describe sweeps what is due.
    let given_up = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let described = loop {
        let described = sfn.describe(&execution);
        if described["status"] != "RUNNING" || std::time::Instant::now() > given_up {
            break described;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(output(&described), json!("late"));
    let attempt = |token: &str| {
        sfn.fail(&[
            "send-task-success",
            "--task-token",
            token,
            "--task-output",
            "{}",
        ])
        .1
    };
    let timed_out = attempt(&tokens[0]);
    assert!(timed_out.contains("(TaskTimedOut)"), "{timed_out}");
    let unknown = attempt("0123456789abcdef0123456789abcdef");
    assert!(
        unknown.contains("(TaskDoesNotExist)") && unknown.contains("Task Does Not Exist"),
        "{unknown}"
    );
    let malformed = attempt("not a token");
    assert!(
        malformed.contains("(InvalidToken)")
            && malformed.contains("Invalid Token: 'Invalid token'"),
        "{malformed}"
    );
}

/// Timestamps go; per-run ids (uuids: tokens, message ids, execution names) become `<uuid>`.
fn normalise(events: &[Value]) -> Value {
    let mut events = events.to_vec();
    for event in &mut events {
        event.as_object_mut().unwrap().remove("timestamp");
    }
    let text = Value::Array(events).to_string();
    let uuid =
        regex::Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").unwrap();
    serde_json::from_str(&uuid.replace_all(&text, "<uuid>")).unwrap()
}

#[test]
fn the_callback_approval_example_runs_end_to_end() {
    let sfn = Sfn::new();
    let example = root().join("examples/callback-approval");
    let definition: Value = serde_json::from_str(
        &std::fs::read_to_string(example.join("definition.asl.json")).unwrap(),
    )
    .unwrap();
    let machine = sfn.create_machine("callback-approval", &definition);
    let outbox = sfn.dir.path().join("outbox");
    let out = sfn
        .cmd()
        .args([
            "start-execution",
            "--state-machine-arn",
            &machine,
            "--input",
            &format!("file://{}", example.join("input.json").display()),
        ])
        .env("SFN_HANDLERS", example.join("handlers.json"))
        .env("APPROVAL_OUTBOX", &outbox)
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
    assert_eq!(sfn.describe(&execution)["status"], "RUNNING");
    let approved = crate::cli_support::python3()
        .arg(example.join("approve.py"))
        .args(["--sfn", env!("CARGO_BIN_EXE_sfn")])
        .env("SFN_DB", sfn.db())
        .env("APPROVAL_OUTBOX", &outbox)
        .output()
        .unwrap();
    assert!(
        approved.status.success(),
        "{}",
        String::from_utf8_lossy(&approved.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&approved.stdout).trim(),
        "order-2002: approved"
    );
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(
        output(&described),
        json!({"orderId": "order-2002", "status": "confirmed", "approvedBy": "approval-service"})
    );
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("callback-approval.history.json")).unwrap(),
    )
    .unwrap();
    let actual = normalise(&sfn.history(&execution));
    let (actual, expected) = (actual.as_array().unwrap(), expected.as_array().unwrap());
    for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert_eq!(a, e, "event {} differs", i + 1);
    }
    assert_eq!(actual.len(), expected.len(), "number of events");
}

#[test]
fn a_failing_branch_ends_the_execution_and_closes_the_waiting_tokens() {
    let sfn = Sfn::new();
    let machine = sfn.create_machine("fan-fails",
        &json!({"StartAt": "Both", "States": {"Both": {
            "Type": "Parallel",
            "Branches": [
                {"StartAt": "Wait", "States": {"Wait": callback("Wait", None)}},
                {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom", "Cause": "no"}}}
            ],
            "End": true}}}),
    );
    let execution = sfn.start(&machine, &["--input", "{}"]);
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["error"], "Boom");
    let tokens = scheduled_tokens(&sfn.history(&execution));
    assert_eq!(tokens.len(), 1);
    let (_, stderr) = sfn.fail(&[
        "send-task-success",
        "--task-token",
        &tokens[0],
        "--task-output",
        "{}",
    ]);
    assert!(stderr.contains("(TaskDoesNotExist)"), "{stderr}");
}
