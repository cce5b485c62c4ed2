//! `sfn serve` speaks AWS's JSON 1.0 protocol: every operation is routed, responses and
//! errors have AWS's shapes (HTTP status, `__type`, `message`, epoch-second timestamps),
//! executions run in the server while it answers, and bad requests never take it down.
use crate::serve_support;

use std::io::Write;
use std::time::Duration;

use serde_json::{json, Value};
use serve_support::{Server, ROLE};

fn machine(server: &Server, name: &str, definition: Value) -> String {
    server.ok(
        "CreateStateMachine",
        json!({"name": name, "definition": definition.to_string(), "roleArn": ROLE}),
    )["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_operation_is_routed_to_the_api() {
    let server = Server::start();
    for op in sfn::api::Operation::ALL.map(sfn::api::Operation::as_str) {
        let (status, body) = server.call(op, json!({}));
        let type_ = body["__type"].as_str().unwrap_or("");
        assert!(
            !type_.ends_with("UnknownOperationException") && !type_.contains("Unsupported"),
            "{op}: {body}"
        );
        // `{}` is a valid request for the list operations only; the others lack members.
        assert!(status == 200 || status == 400, "{op}: {status} {body}");
    }
}

#[test]
fn responses_are_json_1_0_with_epoch_second_timestamps() {
    let server = Server::start();
    let r = server.raw(
        &[
            ("X-Amz-Target", "AWSStepFunctions.CreateActivity"),
            ("Content-Type", "application/x-amz-json-1.0"),
        ],
        br#"{"name": "worker"}"#,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/x-amz-json-1.0"));
    assert!(r.header("x-amzn-requestid").is_some());
    let created = r.json();
    assert!(created["creationDate"].is_f64(), "{created}");
    let listed = server.ok("ListActivities", json!({}));
    assert_eq!(
        listed["activities"][0]["creationDate"],
        created["creationDate"]
    );
}

#[test]
fn errors_have_aws_types_status_and_messages() {
    let server = Server::start();
    let (status, body) = server.call(
        "DescribeStateMachine",
        json!({"stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:nope"}),
    );
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"__type": "com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist",
               "message": "State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:nope'"})
    );
    let (status, body) = server.call("StartExecution", json!({}));
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({"__type": "com.amazon.coral.validate#ValidationException",
               "message": "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null"})
    );
    let (status, body) = server.call(
        "CreateStateMachine",
        json!({"name": "x", "definition": "{}", "roleArn": ROLE, "type": "BATCH"}),
    );
    assert_eq!(status, 400);
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("Member must satisfy enum value set: [STANDARD, EXPRESS]"));
}

#[test]
fn requests_that_cannot_be_read_get_aws_shapes() {
    let server = Server::start();
    let json_ct = ("Content-Type", "application/x-amz-json-1.0");
    type Case<'a> = (Vec<(&'a str, &'a str)>, &'a [u8], u16, &'a str);
    let cases: Vec<Case> = vec![
        (vec![json_ct], b"{}", 400, "UnknownOperationException"),
        (
            vec![json_ct, ("X-Amz-Target", "AWSStepFunctions.DoEverything")],
            b"{}",
            400,
            "UnknownOperationException",
        ),
        (
            vec![json_ct, ("X-Amz-Target", "AWSStepFunctions.ListActivities")],
            b"{not json",
            400,
            "SerializationException",
        ),
        (
            vec![
                ("Content-Type", "text/plain"),
                ("X-Amz-Target", "AWSStepFunctions.ListActivities"),
            ],
            b"{}",
            400,
            "SerializationException",
        ),
        (
            vec![json_ct, ("X-Amz-Target", "AWSStepFunctions.ListActivities")],
            br#"{"maxResults": "ten"}"#,
            400,
            "SerializationException",
        ),
    ];
    for (headers, body, status, code) in cases {
        let r = server.raw(&headers, body);
        assert_eq!(r.status, status, "{headers:?}");
        let type_ = r.json()["__type"].as_str().unwrap().to_string();
        assert!(type_.ends_with(&format!("#{code}")), "{type_}");
    }
    // Over AWS's 1 MB request limit: refused before the body is read.
    let big = vec![b' '; (1 << 20) + 1];
    let r = server.raw(
        &[json_ct, ("X-Amz-Target", "AWSStepFunctions.ListActivities")],
        &big,
    );
    assert_eq!(r.status, 413);
    // The server is still there.
    server.ok("ListActivities", json!({}));
}

#[test]
fn a_client_hanging_up_mid_request_leaves_the_server_serving() {
    let server = Server::start();
    {
        let mut s = server.connect();
        write!(
            s,
            "POST / HTTP/1.1\r\nHost: {}\r\nX-Amz-Target: AWSStepFunctions.ListActivities\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 100\r\n\r\n{{\"maxRes",
            server.host()
        )
        .unwrap();
    }
    {
        let mut s = server.connect();
        s.write_all(b"POST / HTTP/1.1\r\nHo").unwrap();
    }
    server.ok("ListActivities", json!({}));
}

#[test]
fn start_execution_answers_while_the_execution_runs_in_the_server() {
    let server = Server::start();
    server.ok("CreateActivity", json!({"name": "approve"}));
    let activity = "arn:aws:states:us-east-1:123456789012:activity:approve";
    let arn = machine(
        &server,
        "approval",
        json!({"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "Resource": activity, "End": true}}}),
    );
    let started = server.ok(
        "StartExecution",
        json!({"stateMachineArn": arn, "name": "first", "input": "{\"n\": 1}"}),
    );
    let execution = started["executionArn"].as_str().unwrap().to_string();
    assert_eq!(
        execution,
        "arn:aws:states:us-east-1:123456789012:execution:approval:first"
    );
    assert!(started["startDate"].is_f64());
    assert_eq!(
        server.ok("DescribeExecution", json!({ "executionArn": execution }))["status"],
        "RUNNING"
    );
    // An activity worker, as an SDK's loop would be.
    let task = server.ok(
        "GetActivityTask",
        json!({"activityArn": activity, "workerName": "w1"}),
    );
    assert_eq!(task["input"], "{\"n\":1}");
    server.ok(
        "SendTaskSuccess",
        json!({"taskToken": task["taskToken"], "output": "{\"ok\": true}"}),
    );
    let done = server.ended(&execution);
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["output"], "{\"ok\":true}");
    assert!(done["stopDate"].is_f64());
    let history = server.ok("GetExecutionHistory", json!({ "executionArn": execution }));
    let types: Vec<&str> = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(types.first(), Some(&"ExecutionStarted"));
    assert_eq!(types.last(), Some(&"ExecutionSucceeded"));
    assert!(history["events"][0]["timestamp"].is_f64());
    // The same name again: AWS's error, not a second execution.
    let (status, body) = server.call(
        "StartExecution",
        json!({"stateMachineArn": arn, "name": "first", "input": "{\"n\": 2}"}),
    );
    assert_eq!(status, 400, "{body}");
    assert!(body["__type"]
        .as_str()
        .unwrap()
        .ends_with("#ExecutionAlreadyExists"));
}

#[test]
fn send_task_success_answers_while_the_execution_runs_on_in_the_server() {
    let server = Server::start();
    server.ok("CreateActivity", json!({"name": "gate"}));
    let activity = "arn:aws:states:us-east-1:123456789012:activity:gate";
    let arn = machine(
        &server,
        "gated",
        json!({"StartAt": "Ask", "States": {
            "Ask": {"Type": "Task", "Resource": activity, "Next": "Hold"},
            "Hold": {"Type": "Wait", "Seconds": 30, "End": true}}}),
    );
    let started = server.ok("StartExecution", json!({"stateMachineArn": arn}));
    let execution = started["executionArn"].as_str().unwrap().to_string();
    let task = server.ok(
        "GetActivityTask",
        json!({"activityArn": activity, "workerName": "w"}),
    );
    server.ok(
        "SendTaskSuccess",
        json!({"taskToken": task["taskToken"], "output": "{}"}),
    );
    // AWS answers SendTaskSuccess at once; the execution goes on to its Wait meanwhile.
    assert_eq!(
        server.ok("DescribeExecution", json!({ "executionArn": execution }))["status"],
        "RUNNING"
    );
    let entered_wait = (0..500).any(|_| {
        let history = server.ok("GetExecutionHistory", json!({ "executionArn": execution }));
        let waiting = history["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["type"] == "WaitStateEntered");
        if !waiting {
            std::thread::sleep(Duration::from_millis(20));
        }
        waiting
    });
    assert!(
        entered_wait,
        "the execution did not go on after the callback"
    );
    server.ok("StopExecution", json!({ "executionArn": execution }));
    assert_eq!(server.ended(&execution)["status"], "ABORTED");
}

#[test]
fn a_long_poll_holds_up_no_other_request() {
    let server = Server::start();
    server.ok("CreateActivity", json!({"name": "slow"}));
    let activity = "arn:aws:states:us-east-1:123456789012:activity:slow";
    let arn = machine(
        &server,
        "slow",
        json!({"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": activity, "End": true}}}),
    );
    std::thread::scope(|scope| {
        let poll = scope.spawn(|| server.ok("GetActivityTask", json!({ "activityArn": activity })));
        // While the poll waits, other requests are answered, and the execution they start
        // gives the poll its task.
        std::thread::sleep(Duration::from_millis(200));
        server.ok("ListStateMachines", json!({}));
        server.ok(
            "StartExecution",
            json!({"stateMachineArn": arn, "input": "{\"job\": 7}"}),
        );
        let task = poll.join().unwrap();
        assert_eq!(task["input"], "{\"job\":7}");
    });
}

#[test]
fn express_machines_answer_start_sync_execution_with_the_result() {
    let server = Server::start();
    let arn = server.ok(
        "CreateStateMachine",
        json!({"name": "quick", "type": "EXPRESS", "roleArn": ROLE,
               "definition": json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"x": 1}, "End": true}}}).to_string()}),
    )["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string();
    // SDKs put `sync-` before the host of StartSyncExecution unless told not to.
    let r = server.raw(
        &[
            ("Host", &format!("sync-localhost:{}", server.port)),
            ("X-Amz-Target", "AWSStepFunctions.StartSyncExecution"),
            ("Content-Type", "application/x-amz-json-1.0"),
        ],
        json!({ "stateMachineArn": arn }).to_string().as_bytes(),
    );
    assert_eq!(r.status, 200);
    let result = r.json();
    assert_eq!(result["status"], "SUCCEEDED");
    assert_eq!(result["output"], "{\"x\":1}");
    assert!(result["startDate"].is_f64() && result["stopDate"].is_f64());
    // StartExecution of an Express machine answers with its `express:` ARN.
    let started = server.ok("StartExecution", json!({ "stateMachineArn": arn }));
    assert!(started["executionArn"]
        .as_str()
        .unwrap()
        .starts_with("arn:aws:states:us-east-1:123456789012:express:quick:"));
}

#[test]
fn region_and_account_come_from_the_step_functions_local_options() {
    let server = Server::start_with(
        &["--aws-region", "eu-west-3"],
        &[("AWS_ACCOUNT_ID", "111122223333")],
    );
    let created = server.ok("CreateActivity", json!({"name": "a"}));
    assert_eq!(
        created["activityArn"],
        "arn:aws:states:eu-west-3:111122223333:activity:a"
    );
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_with_exit_0() {
    let server = Server::start();
    server.ok("ListActivities", json!({}));
    unsafe {
        libc::kill(server.pid(), libc::SIGTERM);
    }
    assert_eq!(server.wait(), Some(0));
}
