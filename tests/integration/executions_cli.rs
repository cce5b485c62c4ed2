//! The execution commands through the real binary: every engine fixture (a definition, an
//! input and the history AWS recorded) replayed with `create-state-machine`,
//! `start-execution`, `describe-execution` and `get-execution-history`, then the other
//! execution commands and their errors.
use crate::cli_support;

use crate::engine_fixtures::{self, engine_fixtures};
use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

const MACHINE_ARN: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:fixture-machine";
const EXECUTION_ARN: &str =
    "arn:aws:states:us-east-1:123456789012:execution:fixture-machine:fixture-execution";

/// Replaces ISO 8601 timestamps (context object values) and the generated parts of map run
/// ARNs so runs compare equal.
fn without_dates(value: &Value) -> Value {
    static DATES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z").unwrap()
    });
    let text = value.to_string();
    let text = DATES.replace_all(&text, "<date>");
    serde_json::from_str(&MAP_RUNS.replace_all(&text, MAP_RUN_PLACEHOLDER)).unwrap()
}

/// A map run's ARN ends in a generated label and id: the fixtures hold the placeholders the
/// recordings use for them.
static MAP_RUNS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r":mapRun:fixture-machine/[0-9a-f-]{36}:[0-9a-f-]{36}").unwrap()
});
const MAP_RUN_PLACEHOLDER: &str =
    ":mapRun:fixture-machine/<MapRunArnPart0_0idx>:<MapRunArnPart1_0idx>";

fn create(sfn: &Sfn, definition: &Value) {
    std::fs::write(sfn.dir.path().join("def.json"), definition.to_string()).unwrap();
    sfn.json(&[
        "create-state-machine",
        "--name",
        "fixture-machine",
        "--definition",
        "file://def.json",
        "--role-arn",
        ROLE,
    ]);
}

fn start(sfn: &Sfn, name: &str, input: &str) -> Value {
    start_with(sfn, name, input, None)
}

/// Starts an execution; with a mock file and test case like Step Functions Local.
fn start_with(sfn: &Sfn, name: &str, input: &str, mock: Option<(&Value, &str)>) -> Value {
    std::fs::write(sfn.dir.path().join("in.json"), input).unwrap();
    let mut cmd = sfn.cmd();
    let mut arn = MACHINE_ARN.to_string();
    if let Some((config, case)) = mock {
        let path = sfn.dir.path().join("mock.json");
        std::fs::write(&path, config.to_string()).unwrap();
        cmd.env("SFN_MOCK_CONFIG", &path);
        arn = format!("{MACHINE_ARN}#{case}");
    }
    let out = cmd
        .env("SFN_WAIT_TIME_SCALE", "0")
        .args([
            "start-execution",
            "--state-machine-arn",
            &arn,
            "--name",
            name,
            "--input",
            "file://in.json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Replays the fixture `file` through the binary: the execution `describe-execution` and
/// `get-execution-history` show is the one AWS recorded.
fn replays(name: &str) {
    let fixture = engine_fixtures::load(name);
    let sfn = Sfn::new();
    create(&sfn, &fixture["definition"]);
    let mock = fixture
        .get("mock_config")
        .map(|c| (c, fixture["mock_test_case"].as_str().unwrap_or("")));
    let started = start_with(
        &sfn,
        "fixture-execution",
        fixture["input"].as_str().unwrap(),
        mock,
    );
    assert_eq!(started["executionArn"], EXECUTION_ARN);
    let described = sfn.describe(EXECUTION_ARN);
    let mut outcome = json!({"status": described["status"]});
    if let Some(output) = described["output"].as_str() {
        outcome["output"] = serde_json::from_str(output).unwrap();
    }
    if described["status"] == "FAILED" {
        outcome["error"] = described.get("error").cloned().unwrap_or(Value::Null);
        outcome["cause"] = described.get("cause").cloned().unwrap_or(Value::Null);
    }
    assert_eq!(
        without_dates(&outcome),
        without_dates(&fixture["outcome"]),
        "{name}: outcome"
    );
    let history = sfn.json(&["get-execution-history", "--execution-arn", EXECUTION_ARN]);
    let events: Vec<Value> = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.as_object_mut().unwrap().remove("timestamp");
            without_dates(&e)
        })
        .collect();
    let expected: Vec<Value> = fixture["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(without_dates)
        .collect();
    if events != expected {
        let i = (0..events.len().max(expected.len()))
            .find(|&i| events.get(i) != expected.get(i))
            .unwrap();
        panic!(
            "{name}: event {i}\n  expected {:?}\n  actual   {:?}",
            expected.get(i),
            events.get(i)
        );
    }
}

/// One test per fixture.
macro_rules! replay_each {
    ($($name:ident: $file:literal,)*) => {
        $(
            #[test]
            fn $name() {
                replays($file);
            }
        )*
    };
}

/// Each fixture of `tests/fixtures/engine/` replays through the binary as AWS recorded it.
mod fixtures_replay_through_the_binary {
    use super::*;
    engine_fixtures!(replay_each);
}

const TWO_PASSES: &str = r#"{"StartAt": "A", "States": {
    "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}"#;

#[test]
fn history_pages_reverses_and_hides_data() {
    let sfn = Sfn::new();
    create(&sfn, &serde_json::from_str(TWO_PASSES).unwrap());
    start(&sfn, "fixture-execution", r#"{"k": 1}"#);
    let all = sfn.json(&["get-execution-history", "--execution-arn", EXECUTION_ARN]);
    let types: Vec<&str> = all["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"
        ]
    );
    let reversed = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        EXECUTION_ARN,
        "--reverse-order",
    ]);
    assert_eq!(reversed["events"][0]["type"], "ExecutionSucceeded");
    assert_eq!(reversed["events"][5]["id"], 1);
    let page = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        EXECUTION_ARN,
        "--max-items",
        "2",
    ]);
    assert_eq!(page["events"].as_array().unwrap().len(), 2);
    assert!(page.get("NextToken").is_some(), "{page}");
    // Pages of a reversed history, fetched two events at a time, join up into the whole.
    let ids = |v: &serde_json::Value| -> Vec<i64> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    };
    let all_in_pages = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        EXECUTION_ARN,
        "--reverse-order",
        "--page-size",
        "2",
    ]);
    assert_eq!(ids(&all_in_pages), [6, 5, 4, 3, 2, 1]);
    let first = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        EXECUTION_ARN,
        "--reverse-order",
        "--max-items",
        "4",
    ]);
    assert_eq!(ids(&first), [6, 5, 4, 3]);
    let rest = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        EXECUTION_ARN,
        "--reverse-order",
        "--starting-token",
        first["NextToken"].as_str().unwrap(),
    ]);
    assert_eq!(ids(&rest), [2, 1]);
    assert!(rest.get("NextToken").is_none(), "{rest}");
    let bare = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        EXECUTION_ARN,
        "--no-include-execution-data",
    ]);
    assert_eq!(
        bare["events"][1]["stateEnteredEventDetails"],
        json!({"name": "A", "inputDetails": {"truncated": false}})
    );
}

#[test]
fn executions_are_listed_described_and_named_as_aws_does() {
    let sfn = Sfn::new();
    create(&sfn, &serde_json::from_str(TWO_PASSES).unwrap());
    start(&sfn, "fixture-execution", "{}");
    start(&sfn, "second", "[1, 2]");
    let listed = sfn.json(&["list-executions", "--state-machine-arn", MACHINE_ARN]);
    let names: Vec<&str> = listed["executions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["second", "fixture-execution"]);
    let failed = sfn.json(&[
        "list-executions",
        "--state-machine-arn",
        MACHINE_ARN,
        "--status-filter",
        "FAILED",
    ]);
    assert_eq!(failed["executions"], json!([]));

    let described = sfn.describe(EXECUTION_ARN);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(described["input"], "{}");
    assert_eq!(described["output"], "{}");
    assert_eq!(described["redriveStatus"], "NOT_REDRIVABLE");

    let for_execution = sfn.json(&[
        "describe-state-machine-for-execution",
        "--execution-arn",
        EXECUTION_ARN,
    ]);
    assert_eq!(for_execution["name"], "fixture-machine");
    assert_eq!(for_execution["roleArn"], ROLE);

    let (code, err) = sfn.fail(&[
        "start-execution",
        "--state-machine-arn",
        MACHINE_ARN,
        "--name",
        "fixture-execution",
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(ExecutionAlreadyExists)"), "{err}");
    let (_, err) = sfn.fail(&[
        "start-execution",
        "--state-machine-arn",
        MACHINE_ARN,
        "--name",
        "bad name",
    ]);
    assert!(err.contains("(InvalidName)"), "{err}");
    let (_, err) = sfn.fail(&[
        "start-execution",
        "--state-machine-arn",
        MACHINE_ARN,
        "--input",
        "{not json",
    ]);
    assert!(err.contains("(InvalidExecutionInput)"), "{err}");
    let (_, err) = sfn.fail(&[
        "describe-execution",
        "--execution-arn",
        "arn:aws:states:us-east-1:123456789012:execution:fixture-machine:nope",
    ]);
    assert!(err.contains("(ExecutionDoesNotExist)"), "{err}");
    let (_, err) = sfn.fail(&[
        "start-execution",
        "--state-machine-arn",
        "arn:aws:states:us-east-1:123456789012:stateMachine:nope",
    ]);
    assert!(err.contains("(StateMachineDoesNotExist)"), "{err}");
}

#[test]
fn a_generated_name_is_a_uuid_and_a_task_without_a_runner_fails_clearly() {
    let sfn = Sfn::new();
    create(
        &sfn,
        &json!({"StartAt": "T", "States": {"T": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}),
    );
    let started = sfn.json(&["start-execution", "--state-machine-arn", MACHINE_ARN]);
    let arn = started["executionArn"].as_str().unwrap();
    let name = arn.rsplit(':').next().unwrap();
    assert_eq!(uuid::Uuid::parse_str(name).unwrap().to_string(), name);
    let described = sfn.describe(arn);
    assert_eq!(described["status"], "FAILED");
    assert!(
        described["cause"]
            .as_str()
            .unwrap()
            .contains("arn:aws:states:::lambda:invoke"),
        "{described}"
    );
}

const CALLBACK: &str = r#"{"StartAt": "Notify", "States": {
    "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
               "Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Task.Token"}, "Next": "Done"},
    "Done": {"Type": "Pass", "End": true}}}"#;

/// Starts `start-execution` in the background and waits until the execution has parked
/// on its task (the token shows in `TaskScheduled`); returns the process and the token.
fn start_parked(sfn: &Sfn, name: &str) -> (std::process::Child, String) {
    let mut child = sfn
        .cmd()
        .args([
            "start-execution",
            "--state-machine-arn",
            MACHINE_ARN,
            "--name",
            name,
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let arn = format!("arn:aws:states:us-east-1:123456789012:execution:fixture-machine:{name}");
    for _ in 0..400 {
        let out = sfn.run(&["get-execution-history", "--execution-arn", &arn]);
        if out.status.success() {
            let history: Value = serde_json::from_slice(&out.stdout).unwrap();
            let scheduled = history["events"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["type"] == "TaskStarted");
            if scheduled.is_some() {
                let parameters = history["events"][2]["taskScheduledEventDetails"]["parameters"]
                    .as_str()
                    .unwrap();
                let parameters: Value = serde_json::from_str(parameters).unwrap();
                return (
                    child,
                    parameters["MessageBody"].as_str().unwrap().to_string(),
                );
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    child.kill().ok();
    child.wait().ok();
    panic!("the execution never parked");
}

fn types(sfn: &Sfn, arn: &str) -> Vec<String> {
    let events = sfn.history(arn);
    cli_support::types(&events)
        .into_iter()
        .map(String::from)
        .collect()
}

#[test]
fn a_callback_task_parks_until_another_process_sends_its_outcome() {
    let sfn = Sfn::new();
    create(&sfn, &serde_json::from_str(CALLBACK).unwrap());
    let (child, token) = start_parked(&sfn, "fixture-execution");
    let running = sfn.describe(EXECUTION_ARN);
    assert_eq!(running["status"], "RUNNING");
    sfn.json(&[
        "send-task-success",
        "--task-token",
        &token,
        "--task-output",
        r#"{"approved": true}"#,
    ]);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let done = sfn.describe(EXECUTION_ARN);
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["output"], r#"{"approved":true}"#);
    assert_eq!(
        types(&sfn, EXECUTION_ARN),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"
        ]
    );
}

#[test]
fn stop_execution_aborts_a_parked_execution() {
    let sfn = Sfn::new();
    create(&sfn, &serde_json::from_str(CALLBACK).unwrap());
    let (child, _token) = start_parked(&sfn, "fixture-execution");
    sfn.json(&[
        "stop-execution",
        "--execution-arn",
        EXECUTION_ARN,
        "--error",
        "Why",
        "--cause",
        "Because",
    ]);
    assert!(child.wait_with_output().unwrap().status.success());
    let stopped = sfn.describe(EXECUTION_ARN);
    assert_eq!(stopped["status"], "ABORTED");
    assert_eq!(stopped["error"], "Why");
    let history = sfn.json(&["get-execution-history", "--execution-arn", EXECUTION_ARN]);
    let last = history["events"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["type"], "ExecutionAborted");
    assert_eq!(last["previousEventId"], 0);
    assert_eq!(
        last["executionAbortedEventDetails"],
        json!({"error": "Why", "cause": "Because"})
    );
    let (_, err) = sfn.fail(&["stop-execution", "--execution-arn", EXECUTION_ARN]);
    assert!(err.contains("ValidationException"), "{err}");
}
