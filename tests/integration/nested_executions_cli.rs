//! Step Functions inside Step Functions, through the real binary: a Task whose resource is
//! `states:startExecution` (request-response, `.sync`, `.sync:2`, `.waitForTaskToken`)
//! or `aws-sdk:sfn:<action>` starts and signals real executions of the same store.
//! Recorded AWS executions (copied from the conformance corpus into
//! `tests/fixtures/nested/`) pin the histories.
use crate::cli_support;

use cli_support::{types, Sfn, ROLE};
use serde_json::{json, Map, Value};

fn start(sfn: &Sfn, machine: &str, input: &Value) -> String {
    sfn.start(
        machine,
        &["--name", "parent", "--input", &input.to_string()],
    )
}

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/nested/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// What differs between runs or between AWS and here, made the same on both sides as
/// the recording's own normalisation did: names and account in ARNs, dates, request ids.
/// `Content-Length` depends on how many digits the wire date printed.
struct Normaliser {
    replacements: Vec<(String, String)>,
    keys: Vec<(String, Value)>,
}

impl Normaliser {
    fn new(case: &Value, child: &str) -> Normaliser {
        let mut replacements = vec![
            (
                "arn:aws:states:us-east-1:123456789012:".to_string(),
                "arn:<partition>:states:<region>:111111111111:".to_string(),
            ),
            (child.to_string(), "<ArnPart_0idx>".to_string()),
            ("parent_machine".into(), "<ArnPart_0idx>".into()),
            (ROLE.into(), "snf_role_arn".into()),
            ("us-east-1".into(), "<region>".into()),
        ];
        let mut keys: Vec<(String, Value)> = vec![
            ("StartDate".into(), json!("date")),
            ("StopDate".into(), json!("date")),
            ("Date".into(), json!("date")),
            ("x-amzn-RequestId".into(), json!("request-id")),
            ("RequestId".into(), json!("request-id")),
            ("Content-Length".into(), json!("length")),
            ("timestamp".into(), json!("timestamp")),
        ];
        for rule in case["normalise"].as_array().unwrap() {
            if rule["kind"] == "jsonpath" {
                let path = rule["jsonpath"].as_str().unwrap();
                let key = path.rsplit('.').next().unwrap().to_string();
                keys.push((key, rule["replacement"].clone()));
            }
            // Literal text the test made up (a missing machine's name).
            let literal = rule["regex"]
                .as_str()
                .filter(|r| r.chars().all(char::is_alphanumeric));
            if let (Some(text), Some(to)) = (literal, rule["replacement"].as_str()) {
                replacements.push((text.to_string(), to.to_string()));
            }
        }
        Normaliser { replacements, keys }
    }

    fn apply(&self, value: &Value) -> Value {
        match value {
            Value::String(s) => {
                if s.starts_with('{') {
                    if let Ok(parsed) = serde_json::from_str::<Value>(s) {
                        return self.apply(&parsed);
                    }
                }
                let mut s = s.clone();
                for (from, to) in &self.replacements {
                    s = s.replace(from, to);
                }
                let request_id = regex_free_request_id(&s);
                Value::String(request_id)
            }
            Value::Array(items) => Value::Array(items.iter().map(|v| self.apply(v)).collect()),
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    let replaced = self.keys.iter().find(|(key, _)| key == k);
                    let v = match replaced {
                        Some((_, to)) => to.clone(),
                        None => self.apply(v),
                    };
                    out.insert(k.clone(), v);
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }
}

/// `Request ID: <uuid>` in an error cause, as the recording shows it.
fn regex_free_request_id(s: &str) -> String {
    match s.find("Request ID: ") {
        Some(i) => {
            let start = i + "Request ID: ".len();
            let end = s[start..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .map_or(s.len(), |n| start + n);
            if end == start {
                return s.to_string();
            }
            format!("{}<request_id>{}", &s[..start], &s[end..])
        }
        None => s.to_string(),
    }
}

/// Runs a recorded case (its child created as `child_machine`) and compares its outcome
/// and every event with what AWS recorded.
fn run_recorded(name: &str) {
    let case = fixture(name);
    let sfn = Sfn::new();
    let children = case["children"].as_array().unwrap();
    let child_arn = sfn.create_machine("child_machine", &children[0]["definition"]);
    let definition: Value = serde_json::from_str(
        &case["definition"]
            .to_string()
            .replace("{{child:0:arn}}", &child_arn),
    )
    .unwrap();
    let input: Value = serde_json::from_str(
        &case["input"]
            .as_str()
            .unwrap()
            .replace("{{child:0:arn}}", &child_arn),
    )
    .unwrap();
    let machine = sfn.create_machine("parent_machine", &definition);
    let execution = start(&sfn, &machine, &input);
    let norm = Normaliser::new(&case, "child_machine");
    let expected = &case["expected"];
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], expected["status"]);
    if let Some(output) = expected.get("output") {
        assert_eq!(norm.apply(&described["output"]), norm.apply(output));
    }
    if let Some(error) = expected.get("error").filter(|e| !e.is_null()) {
        assert_eq!(&described["error"], error);
        assert_eq!(
            norm.apply(&described["cause"]),
            norm.apply(&expected["cause"])
        );
    }
    let events = sfn.history(&execution);
    let recorded = expected["events"].as_array().unwrap();
    assert_eq!(types(&events), types(recorded));
    for (ours, aws) in events.iter().zip(recorded) {
        assert_eq!(norm.apply(ours), norm.apply(aws));
    }
}

#[test]
fn start_execution_sync_reports_the_child_as_aws_recorded() {
    run_recorded("start_execution_sync.json");
}

#[test]
fn start_execution_of_a_missing_machine_fails_as_aws_recorded() {
    run_recorded("start_execution_no_such_arn.json");
}

#[test]
fn aws_sdk_start_execution_answers_as_aws_recorded() {
    run_recorded("aws_sdk_start_execution.json");
}

fn child_executions(sfn: &Sfn, child_machine: &str) -> Vec<Value> {
    let out = sfn.json(&["list-executions", "--state-machine-arn", child_machine]);
    out["executions"].as_array().unwrap().clone()
}

/// A child that waits for a callback: its task token shows in its TaskScheduled event.
fn waiting_child() -> Value {
    json!({"StartAt": "Ask", "States": {"Ask": {
        "Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token", "n.$": "$.n"}},
        "End": true}}})
}

fn child_token(sfn: &Sfn, child: &str) -> String {
    let events = sfn.history(child);
    let scheduled = events
        .iter()
        .find(|e| e["type"] == "TaskScheduled")
        .expect("the child scheduled its task");
    let parameters: Value = serde_json::from_str(
        scheduled["taskScheduledEventDetails"]["parameters"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    parameters["MessageBody"]["token"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn a_sync_2_parent_waits_for_a_parked_child_and_gets_its_output_as_json() {
    let sfn = Sfn::new();
    let child = sfn.create_machine("child_machine", &waiting_child());
    let parent = sfn.create_machine(
        "parent_machine",
        &json!({"StartAt": "Run", "States": {"Run": {
            "Type": "Task",
            "Resource": "arn:aws:states:::states:startExecution.sync:2",
            "Parameters": {"StateMachineArn": child, "Input": {"n": 7}, "Name": "kid"},
            "OutputPath": "$.Output",
            "End": true}}}),
    );
    let execution = start(&sfn, &parent, &json!({}));
    assert_eq!(sfn.describe(&execution)["status"], "RUNNING");
    let children = child_executions(&sfn, &child);
    assert_eq!(children.len(), 1);
    let kid = children[0]["executionArn"].as_str().unwrap().to_string();
    assert!(kid.ends_with(":kid"), "{kid}");
    let token = child_token(&sfn, &kid);
    // The callback reaches the child in this process, the child's end the parent.
    sfn.json(&[
        "send-task-success",
        "--task-token",
        &token,
        "--task-output",
        r#"{"answer": 42}"#,
    ]);
    assert_eq!(sfn.describe(&kid)["status"], "SUCCEEDED");
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(
        serde_json::from_str::<Value>(described["output"].as_str().unwrap()).unwrap(),
        json!({"answer": 42})
    );
    assert_eq!(
        types(&sfn.history(&execution)),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSubmitted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"
        ]
    );
}

#[test]
fn a_failed_child_fails_the_sync_task_with_its_description_as_cause() {
    let sfn = Sfn::new();
    let child = sfn.create_machine(
        "child_machine",
        &json!({"StartAt": "Boom", "States": {"Boom": {
            "Type": "Fail", "Error": "Oops", "Cause": "it broke"}}}),
    );
    let parent = sfn.create_machine(
        "parent_machine",
        &json!({"StartAt": "Run", "States": {"Run": {
            "Type": "Task",
            "Resource": "arn:aws:states:::states:startExecution.sync",
            "Parameters": {"StateMachineArn": child},
            "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}],
            "End": true},
            "Caught": {"Type": "Pass", "End": true}}}),
    );
    let execution = start(&sfn, &parent, &json!({}));
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    let output: Value = serde_json::from_str(described["output"].as_str().unwrap()).unwrap();
    assert_eq!(output["Error"], "States.TaskFailed");
    let cause: Value = serde_json::from_str(output["Cause"].as_str().unwrap()).unwrap();
    assert_eq!(cause["Status"], "FAILED");
    assert_eq!(cause["Error"], "Oops");
    assert_eq!(cause["Cause"], "it broke");
    assert_eq!(cause["Input"], "{}");
}

#[test]
fn stopping_a_parent_stops_the_sync_child_it_waits_for() {
    let sfn = Sfn::new();
    let child = sfn.create_machine("child_machine", &waiting_child());
    let parent = sfn.create_machine(
        "parent_machine",
        &json!({"StartAt": "Run", "States": {"Run": {
            "Type": "Task",
            "Resource": "arn:aws:states:::states:startExecution.sync",
            "Parameters": {"StateMachineArn": child, "Input": {"n": 1}},
            "End": true}}}),
    );
    let execution = start(&sfn, &parent, &json!({}));
    let kid = child_executions(&sfn, &child)[0]["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(sfn.describe(&kid)["status"], "RUNNING");
    sfn.json(&["stop-execution", "--execution-arn", &execution]);
    assert_eq!(sfn.describe(&execution)["status"], "ABORTED");
    assert_eq!(sfn.describe(&kid)["status"], "ABORTED");
    assert_eq!(
        types(&sfn.history(&kid)).last().copied(),
        Some("ExecutionAborted")
    );
}

#[test]
fn a_childs_callback_with_the_parents_token_resumes_the_parent() {
    let sfn = Sfn::new();
    let child = sfn.create_machine(
        "child_machine",
        &json!({"StartAt": "Answer", "States": {"Answer": {
            "Type": "Task",
            "Resource": "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
            "Parameters": {"TaskToken.$": "$.token", "Output": "{\"from\": \"child\"}"},
            "End": true}}}),
    );
    let parent = sfn.create_machine(
        "parent_machine",
        &json!({"StartAt": "Run", "States": {"Run": {
            "Type": "Task",
            "Resource": "arn:aws:states:::states:startExecution.waitForTaskToken",
            "Parameters": {"StateMachineArn": child, "Input": {"token.$": "$$.Task.Token"}},
            "End": true}}}),
    );
    let execution = start(&sfn, &parent, &json!({}));
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(
        serde_json::from_str::<Value>(described["output"].as_str().unwrap()).unwrap(),
        json!({"from": "child"})
    );
    let kid = child_executions(&sfn, &child)[0]["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(sfn.describe(&kid)["status"], "SUCCEEDED");
}

#[test]
fn a_mocked_response_still_comes_before_the_native_integration() {
    let sfn = Sfn::new();
    let child = sfn.create_machine("child_machine", &waiting_child());
    let parent = sfn.create_machine(
        "parent_machine",
        &json!({"StartAt": "Run", "States": {"Run": {
            "Type": "Task",
            "Resource": "arn:aws:states:::states:startExecution.sync",
            "Parameters": {"StateMachineArn": child},
            "End": true}}}),
    );
    let mocks = sfn.write(
        "mocks.json",
        &json!({
            "StateMachines": {"parent_machine": {"TestCases": {"Mocked": {"Run": "Done"}}}},
            "MockedResponses": {"Done": {"0": {"Return": {"Status": "SUCCEEDED"}}}}
        })
        .to_string(),
    );
    let out = sfn
        .cmd()
        .env("SFN_MOCK_CONFIG", &mocks)
        .args([
            "start-execution",
            "--state-machine-arn",
            &format!("{parent}#Mocked"),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let execution: Value = serde_json::from_slice(&out.stdout).unwrap();
    let described = sfn.describe(execution["executionArn"].as_str().unwrap());
    assert_eq!(described["status"], "SUCCEEDED");
    assert!(child_executions(&sfn, &child).is_empty());
}

#[test]
fn aws_sdk_start_sync_execution_runs_an_express_child_to_its_end() {
    let sfn = Sfn::new();
    let out = sfn.json(&[
        "create-state-machine",
        "--name",
        "express_child",
        "--type",
        "EXPRESS",
        "--definition",
        r#"{"StartAt": "Double", "States": {"Double": {"Type": "Pass",
            "Parameters": {"twice.$": "States.MathAdd($.n, $.n)"}, "End": true}}}"#,
        "--role-arn",
        ROLE,
    ]);
    let child = out["stateMachineArn"].as_str().unwrap().to_string();
    let parent = sfn.create_machine(
        "parent_machine",
        &json!({"StartAt": "Run", "States": {"Run": {
            "Type": "Task",
            "Resource": "arn:aws:states:::aws-sdk:sfn:startSyncExecution",
            "Parameters": {"StateMachineArn": child, "Input": {"n": 21}},
            "End": true}}}),
    );
    let execution = start(&sfn, &parent, &json!({}));
    let described = sfn.describe(&execution);
    assert_eq!(described["status"], "SUCCEEDED");
    let output: Value = serde_json::from_str(described["output"].as_str().unwrap()).unwrap();
    assert_eq!(output["Status"], "SUCCEEDED");
    assert_eq!(output["Output"], r#"{"twice":42}"#);
    assert_eq!(output["Input"], r#"{"n":21}"#);
    assert!(output["ExecutionArn"]
        .as_str()
        .unwrap()
        .contains(":express:express_child:"));
}
