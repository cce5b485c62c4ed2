//! `sfn serve --lambda-endpoint URL` (Step Functions Local's option, e.g. for `sam local
//! start-lambda`): Lambda Tasks that no mock or handler serves are sent to Lambda's Invoke
//! API, function errors come from `X-Amz-Function-Error`; DynamoDB's, SQS's, SNS's and
//! EventBridge's are used too (tasks_aws_endpoints); the others are accepted, and a Task
//! that would need one fails naming it.
use crate::serve_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;

use serde_json::{json, Value};
use serve_support::{Server, ROLE};

/// A Lambda endpoint that answers each invocation with `answer(path, body)`:
/// (function error header, response body). Sends what it was asked on `seen`.
fn fake_lambda(
    answer: fn(&str, &Value) -> (Option<&'static str>, String),
) -> (String, mpsc::Receiver<(String, Value)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = line.split_once(':') {
                    if k.eq_ignore_ascii_case("content-length") {
                        length = v.trim().parse().unwrap();
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let path = request_line.split(' ').nth(1).unwrap().to_string();
            let body: Value = serde_json::from_slice(&body).unwrap();
            let (error, response) = answer(&path, &body);
            let _ = tx.send((path, body));
            let mut stream = reader.into_inner();
            let extra = error
                .map(|e| format!("X-Amz-Function-Error: {e}\r\n"))
                .unwrap_or_default();
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n{response}",
                response.len()
            )
            .unwrap();
        }
    });
    (url, rx)
}

fn run(server: &Server, name: &str, states: Value, input: &str) -> Value {
    let sm = server.ok(
        "CreateStateMachine",
        json!({"name": name, "roleArn": ROLE,
               "definition": json!({"StartAt": "Call", "States": states}).to_string()}),
    )["stateMachineArn"]
        .clone();
    let ex = server.ok(
        "StartExecution",
        json!({"stateMachineArn": sm, "input": input}),
    )["executionArn"]
        .clone();
    server.ended(&ex)
}

#[test]
fn lambda_tasks_go_to_the_lambda_endpoint() {
    let (url, seen) = fake_lambda(|_, body| {
        (
            None,
            json!({"doubled": body["n"].as_i64().unwrap() * 2}).to_string(),
        )
    });
    let server = Server::start_with(&["--lambda-endpoint", &url], &[]);
    let d = run(
        &server,
        "optimized",
        json!({"Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:double:live",
                                       "Payload.$": "$"},
                        "OutputPath": "$.Payload", "End": true}}),
        r#"{"n": 21}"#,
    );
    assert_eq!(d["status"], "SUCCEEDED", "{d}");
    assert_eq!(d["output"], r#"{"doubled":42}"#);
    let (path, body) = seen.recv().unwrap();
    assert_eq!(
        path,
        "/2015-03-31/functions/double/invocations?Qualifier=live"
    );
    assert_eq!(body, json!({"n": 21}));
}

#[test]
fn function_errors_come_from_the_function_error_header() {
    let (url, _seen) = fake_lambda(|_, _| {
        (
            Some("Unhandled"),
            r#"{"errorType": "ValueError", "errorMessage": "bad n"}"#.to_string(),
        )
    });
    let server = Server::start_with(&[], &[("LAMBDA_ENDPOINT", &url)]);
    let d = run(
        &server,
        "bare",
        json!({"Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:check", "End": true}}),
        "{}",
    );
    assert_eq!(d["status"], "FAILED");
    assert_eq!(d["error"], "ValueError");
    assert_eq!(
        d["cause"],
        r#"{"errorType": "ValueError", "errorMessage": "bad n"}"#
    );
}

#[test]
fn a_task_needing_another_endpoint_fails_naming_the_option() {
    let server = Server::start_with(&["--batch-endpoint", "http://127.0.0.1:8000"], &[]);
    let d = run(
        &server,
        "batch",
        json!({"Call": {"Type": "Task", "Resource": "arn:aws:states:::batch:submitJob",
                        "Parameters": {"JobName": "j", "JobQueue": "q", "JobDefinition": "d"}, "End": true}}),
        "{}",
    );
    assert_eq!(d["status"], "FAILED");
    assert_eq!(d["error"], "States.Runtime");
    assert!(
        d["cause"].as_str().unwrap().contains("--batch-endpoint"),
        "{d}"
    );
}

#[test]
fn a_dynamodb_endpoint_that_does_not_answer_fails_the_task_naming_it() {
    // A port nothing listens on: bound, then released.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let server = Server::start_with(&["--dynamodb-endpoint", &url], &[]);
    let d = run(
        &server,
        "ddb",
        json!({"Call": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
                        "Parameters": {"TableName": "t", "Key": {}}, "End": true}}),
        "{}",
    );
    assert_eq!(d["status"], "FAILED");
    assert_eq!(d["error"], "States.TaskFailed");
    let cause = d["cause"].as_str().unwrap();
    assert!(
        cause.starts_with(&format!(
            "The DynamoDB endpoint {url} (--dynamodb-endpoint) did not answer GetItem:"
        )),
        "{cause}"
    );
}
