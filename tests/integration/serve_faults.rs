//! `sfn serve` under load and faults: many clients at once, clients that vanish.
use crate::serve_support;

use std::io::Write;
use std::time::Duration;

use serde_json::json;
use serve_support::{Server, ROLE};

#[test]
fn fifty_concurrent_clients_start_and_poll_executions() {
    let server = Server::start();
    let sm = server.ok(
        "CreateStateMachine",
        json!({"name": "load", "roleArn": ROLE, "definition": json!({
            "StartAt": "Branches", "States": {"Branches": {"Type": "Parallel", "End": true, "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}).to_string()}),
    )["stateMachineArn"]
        .clone();
    std::thread::scope(|scope| {
        let clients: Vec<_> = (0..50)
            .map(|i| {
                let server = &server;
                let sm = sm.clone();
                scope.spawn(move || {
                    let ex = server.ok(
                        "StartExecution",
                        json!({"stateMachineArn": sm, "name": format!("c{i}"), "input": format!("{{\"i\": {i}}}")}),
                    )["executionArn"]
                        .clone();
                    server.ended(&ex)
                })
            })
            .collect();
        for (i, client) in clients.into_iter().enumerate() {
            let d = client.join().unwrap();
            assert_eq!(d["status"], "SUCCEEDED", "c{i}: {d}");
            // Each branch passes its input's own text on, as AWS does.
            assert_eq!(d["output"], format!("[{{\"i\": {i}}},{{\"i\": {i}}}]"));
        }
    });
    let listed = server.ok(
        "ListExecutions",
        json!({"stateMachineArn": sm, "maxResults": 1000}),
    );
    assert_eq!(listed["executions"].as_array().unwrap().len(), 50);
}

#[test]
fn clients_killing_their_connections_mid_request_change_nothing() {
    let server = Server::start();
    for i in 0..20 {
        let mut s = server.connect();
        let body = json!({"name": format!("never{i}")}).to_string();
        // Headers promise the whole body; half of it comes, then the connection closes.
        write!(
            s,
            "POST / HTTP/1.1\r\nHost: {}\r\nX-Amz-Target: AWSStepFunctions.CreateActivity\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\n\r\n{}",
            server.host(),
            body.len(),
            &body[..body.len() / 2]
        )
        .unwrap();
    }
    // Nothing half-received was acted on, and the server still answers.
    assert_eq!(
        server.ok("ListActivities", json!({}))["activities"],
        json!([])
    );
}

#[cfg(unix)]
#[test]
fn executions_waiting_at_sigterm_finish_after_a_restart() {
    let server = Server::start();
    server.ok("CreateActivity", json!({"name": "later"}));
    let activity = "arn:aws:states:us-east-1:123456789012:activity:later";
    let sm = server.ok(
        "CreateStateMachine",
        json!({"name": "waits", "roleArn": ROLE, "definition": json!({
            "StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": activity, "End": true}}}).to_string()}),
    )["stateMachineArn"]
        .clone();
    let executions: Vec<_> = (0..20)
        .map(|i| {
            server.ok(
                "StartExecution",
                json!({"stateMachineArn": sm, "input": format!("{{\"i\": {i}}}")}),
            )["executionArn"]
                .clone()
        })
        .collect();
    let (code, server) = server.restart();
    assert_eq!(code, Some(0));
    for _ in 0..20 {
        let task = server.ok("GetActivityTask", json!({ "activityArn": activity }));
        server.ok(
            "SendTaskSuccess",
            json!({"taskToken": task["taskToken"], "output": task["input"]}),
        );
    }
    for (i, ex) in executions.iter().enumerate() {
        let d = server.ended(ex);
        assert_eq!(d["status"], "SUCCEEDED", "{ex}");
        assert_eq!(d["output"], format!("{{\"i\":{i}}}"));
    }
}

#[cfg(unix)]
#[test]
fn executions_running_at_sigterm_go_on_after_a_restart() {
    let server = Server::start();
    let sm = server.ok(
        "CreateStateMachine",
        json!({"name": "sleeps", "roleArn": ROLE, "definition": json!({
            "StartAt": "Nap", "States": {
                "Nap": {"Type": "Wait", "Seconds": 3600, "Next": "Done"},
                "Done": {"Type": "Pass", "Result": "woke", "End": true}}}).to_string()}),
    )["stateMachineArn"]
        .clone();
    let executions: Vec<_> = (0..5)
        .map(|_| {
            server.ok("StartExecution", json!({ "stateMachineArn": sm }))["executionArn"].clone()
        })
        .collect();
    // Stopped mid-Wait, the executions go back to the store; the next server runs them on,
    // on a virtual clock: it skips what is left of their waits.
    let (code, server) = server.restart_with(&[("SFN_CLOCK", "virtual")]);
    assert_eq!(code, Some(0));
    for ex in &executions {
        let d = server.ended(ex);
        assert_eq!(d["status"], "SUCCEEDED", "{ex}: {d}");
        assert_eq!(d["output"], "\"woke\"");
    }
}

#[test]
fn sfn_commands_share_the_store_with_a_running_server() {
    let server = Server::start();
    server.ok("CreateActivity", json!({"name": "cli"}));
    let activity = "arn:aws:states:us-east-1:123456789012:activity:cli";
    let sm = server.ok(
        "CreateStateMachine",
        json!({"name": "mixed", "roleArn": ROLE, "definition": json!({
            "StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": activity, "End": true}}}).to_string()}),
    )["stateMachineArn"]
        .clone();
    let ex = server.ok("StartExecution", json!({ "stateMachineArn": sm }))["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    let sfn = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_sfn"))
            .args(args)
            .env("SFN_DB", server.dir.path().join("sfn.db"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap_or(json!(null))
    };
    // A worker using the CLI takes the task the server's execution scheduled.
    let task = sfn(&["get-activity-task", "--activity-arn", activity]);
    let token = task["taskToken"].as_str().unwrap();
    sfn(&[
        "send-task-success",
        "--task-token",
        token,
        "--task-output",
        "{\"via\": \"cli\"}",
    ]);
    let d = server.ended(&ex);
    assert_eq!(d["status"], "SUCCEEDED");
    assert_eq!(d["output"], "{\"via\":\"cli\"}");
    assert_eq!(
        sfn(&["describe-execution", "--execution-arn", &ex])["status"],
        "SUCCEEDED"
    );
}

#[test]
fn idle_keep_alive_connections_never_hold_up_new_ones() {
    let server = Server::start();
    let host = server.host();
    // SDKs and browsers keep their connections open. A burst of new ones, each asking once
    // and then idle: every one is answered (a stall shows as the read timeout failing).
    let mut idle: Vec<_> = (0..32).map(|_| server.connect()).collect();
    for s in &idle {
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    }
    for s in &mut idle {
        let answer = serve_support::keep_alive_call(s, &host, "ListActivities", &json!({}));
        assert_eq!(answer.status, 200);
    }
    // With all of those held open and idle, a new client is answered, and so is another
    // request on each of the old connections.
    let mut fresh = server.connect();
    fresh
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let created = serve_support::keep_alive_call(
        &mut fresh,
        &host,
        "CreateActivity",
        &json!({"name": "late"}),
    );
    assert_eq!(created.status, 200);
    for s in &mut idle {
        let listed = serve_support::keep_alive_call(s, &host, "ListActivities", &json!({}));
        assert_eq!(listed.json()["activities"][0]["name"], "late");
    }
}
