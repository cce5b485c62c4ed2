//! redrive-execution: an unsuccessful Standard execution continues from the state that did
//! not succeed (inside Parallel and Map, only the branches and iterations that did not
//! succeed run again), with ExecutionRedriven in the same history, the redrive fields of
//! describe-execution and list-executions, and AWS's errors.
use crate::cli_support;

use std::path::Path;

use cli_support::{types, Sfn, ROLE};
use serde_json::{json, Value};

fn create(sfn: &Sfn, name: &str, definition: &str) -> String {
    sfn.json(&[
        "create-state-machine",
        "--name",
        name,
        "--definition",
        definition,
        "--role-arn",
        ROLE,
    ])["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string()
}

/// How often a state was entered.
fn entered(events: &[Value], state: &str) -> usize {
    events
        .iter()
        .filter(|e| e["stateEnteredEventDetails"]["name"] == state)
        .count()
}

fn error_code(stderr: &str) -> &str {
    stderr
        .split('(')
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap_or("")
}

/// A Choice without Default matches only once the execution has been redriven: the
/// first attempt fails with States.NoChoiceMatched at `Check`.
const TOP_LEVEL: &str = r#"{"StartAt": "First", "States": {
  "First": {"Type": "Pass", "Result": "one", "ResultPath": "$.first", "Next": "Check"},
  "Check": {"Type": "Choice", "Choices": [
    {"Variable": "$$.Execution.RedriveCount", "NumericGreaterThan": 0, "Next": "Last"}]},
  "Last": {"Type": "Pass", "Parameters": {"first.$": "$.first",
    "count.$": "$$.Execution.RedriveCount", "time.$": "$$.Execution.RedriveTime"}, "End": true}}}"#;

#[test]
fn a_failed_execution_resumes_at_the_state_that_failed() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "resume", TOP_LEVEL);
    let execution = sfn.start(&machine, &[]);
    let before = sfn.describe(&execution);
    assert_eq!(before["status"], "FAILED");
    assert_eq!(before["error"], "States.NoChoiceMatched");
    assert_eq!(before["redriveCount"], 0);
    assert_eq!(before["redriveStatus"], "REDRIVABLE");
    assert!(before.get("redriveStatusReason").is_none());
    let failed_events = sfn.history(&execution).len();

    let out = sfn.json(&["redrive-execution", "--execution-arn", &execution]);
    let redrive_date = out["redriveDate"].as_str().unwrap().to_string();

    let after = sfn.describe(&execution);
    assert_eq!(after["executionArn"], execution.as_str());
    assert_eq!(after["status"], "SUCCEEDED");
    assert_eq!(after["redriveCount"], 1);
    assert_eq!(after["redriveDate"], redrive_date.as_str());
    assert_eq!(after["redriveStatus"], "NOT_REDRIVABLE");
    assert_eq!(
        after["redriveStatusReason"],
        "Execution is SUCCEEDED and cannot be redriven"
    );
    assert!(after.get("error").is_none() && after.get("cause").is_none());
    let output: Value = serde_json::from_str(after["output"].as_str().unwrap()).unwrap();
    assert_eq!(output["first"], "one");
    assert_eq!(output["count"], 1);
    assert!(output["time"].as_str().unwrap().ends_with('Z'));

    let events = sfn.history(&execution);
    // The earlier history stays; ExecutionRedriven follows ExecutionFailed, ids go on.
    assert_eq!(
        types(&events)[failed_events - 1..],
        [
            "ExecutionFailed",
            "ExecutionRedriven",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"
        ]
    );
    for (i, e) in events.iter().enumerate() {
        assert_eq!(e["id"], i as i64 + 1);
    }
    let redriven = &events[failed_events];
    assert_eq!(
        redriven["executionRedrivenEventDetails"],
        json!({"redriveCount": 1})
    );
    assert_eq!(redriven["previousEventId"], failed_events as i64);
    assert_eq!(events[failed_events + 1]["previousEventId"], redriven["id"]);
    // The state that succeeded ran once; the one that failed ran again with its input.
    assert_eq!(entered(&events, "First"), 1);
    assert_eq!(entered(&events, "Check"), 2);
    let check_inputs: Vec<&Value> = events
        .iter()
        .filter(|e| e["stateEnteredEventDetails"]["name"] == "Check")
        .map(|e| &e["stateEnteredEventDetails"]["input"])
        .collect();
    assert_eq!(check_inputs[0], check_inputs[1]);
}

#[test]
fn only_the_failed_parallel_branch_runs_again() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "branches",
        r#"{"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "Steady", "States": {"Steady": {"Type": "Pass",
            "Parameters": {"count.$": "$$.Execution.RedriveCount"}, "End": true}}},
          {"StartAt": "Flaky", "States": {"Flaky": {"Type": "Choice", "Choices": [
            {"Variable": "$$.Execution.RedriveCount", "NumericGreaterThan": 0, "Next": "Fixed"}]},
            "Fixed": {"Type": "Pass", "Parameters": {"count.$": "$$.Execution.RedriveCount"}, "End": true}}}
        ]}}}"#,
    );
    let execution = sfn.start(&machine, &[]);
    assert_eq!(sfn.describe(&execution)["status"], "FAILED");
    sfn.json(&["redrive-execution", "--execution-arn", &execution]);
    let after = sfn.describe(&execution);
    assert_eq!(after["status"], "SUCCEEDED");
    // The branch that had succeeded kept its output from the first attempt.
    let output: Value = serde_json::from_str(after["output"].as_str().unwrap()).unwrap();
    assert_eq!(output, json!([{"count": 0}, {"count": 1}]));
    let events = sfn.history(&execution);
    assert_eq!(entered(&events, "Steady"), 1);
    assert_eq!(entered(&events, "Flaky"), 2);
    assert_eq!(entered(&events, "Both"), 1);
    let t = types(&events);
    assert_eq!(t.iter().filter(|t| **t == "ParallelStateFailed").count(), 1);
    assert_eq!(t.last(), Some(&"ExecutionSucceeded"));
}

#[test]
fn only_the_failed_map_iterations_run_again() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "items",
        r#"{"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Check", "States": {
            "Check": {"Type": "Choice", "Choices": [
              {"Variable": "$$.Execution.RedriveCount", "NumericGreaterThan": 0, "Next": "Keep"},
              {"Variable": "$", "NumericLessThan": 2, "Next": "Keep"}]},
            "Keep": {"Type": "Pass", "Parameters": {"item.$": "$", "count.$": "$$.Execution.RedriveCount"},
              "End": true}}}}}}"#,
    );
    let execution = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &machine,
        "--input",
        r#"{"items": [0, 1, 2]}"#,
    ])["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(sfn.describe(&execution)["status"], "FAILED");
    sfn.json(&["redrive-execution", "--execution-arn", &execution]);
    let after = sfn.describe(&execution);
    assert_eq!(after["status"], "SUCCEEDED");
    let output: Value = serde_json::from_str(after["output"].as_str().unwrap()).unwrap();
    assert_eq!(
        output,
        json!([{"item": 0, "count": 0}, {"item": 1, "count": 0}, {"item": 2, "count": 1}])
    );
    let events = sfn.history(&execution);
    assert_eq!(entered(&events, "Check"), 4);
    assert_eq!(entered(&events, "Each"), 1);
    // The iteration that runs again starts again.
    let restarted: Vec<&Value> = events
        .iter()
        .skip_while(|e| e["type"] != "ExecutionRedriven")
        .filter(|e| e["type"] == "MapIterationStarted")
        .collect();
    assert_eq!(restarted[0]["mapIterationStartedEventDetails"]["index"], 2);
}

#[test]
fn a_mocked_task_that_failed_once_succeeds_on_redrive_without_rerunning_its_sibling() {
    let sfn = Sfn::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/redrive");
    let mock = fixtures.join("mock-config.json");
    let definition = format!("file://{}", fixtures.join("orders.asl.json").display());
    let run = |args: &[&str]| -> Value {
        let out = sfn
            .cmd()
            .env("SFN_MOCK_CONFIG", &mock)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let machine = create(&sfn, "orders", &definition);
    let execution = run(&[
        "start-execution",
        "--state-machine-arn",
        &format!("{machine}#FlakyCharge"),
    ])["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    let before = sfn.describe(&execution);
    assert_eq!(before["status"], "FAILED");
    assert_eq!(before["error"], "Payments.Unavailable");

    // The redrive runs in a process of its own, with the same mock test case.
    run(&["redrive-execution", "--execution-arn", &execution]);
    let after = sfn.describe(&execution);
    assert_eq!(after["status"], "SUCCEEDED", "{after}");
    let events = sfn.history(&execution);
    assert_eq!(entered(&events, "Ship"), 1);
    assert_eq!(entered(&events, "Charge"), 2);
    assert_eq!(entered(&events, "Prepare"), 1);
    let t = types(&events);
    assert_eq!(t.iter().filter(|t| **t == "TaskScheduled").count(), 3);
    assert_eq!(t.iter().filter(|t| **t == "TaskFailed").count(), 1);
    let output: Value = serde_json::from_str(after["output"].as_str().unwrap()).unwrap();
    assert_eq!(output, json!([{"shipped": true}, {"charged": true}]));
}

#[test]
fn an_aborted_execution_resumes_at_the_task_it_was_waiting_on() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "approve"]);
    let machine = create(
        &sfn,
        "approval",
        r#"{"StartAt": "Prepare", "States": {"Prepare": {"Type": "Pass", "Next": "Approve"},
          "Approve": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve", "End": true}}}"#,
    );
    let execution = sfn.start(&machine, &[]);
    let running = sfn.describe(&execution);
    assert_eq!(running["status"], "RUNNING");
    assert_eq!(running["redriveStatus"], "NOT_REDRIVABLE");
    assert_eq!(
        running["redriveStatusReason"],
        "Execution is RUNNING and cannot be redriven"
    );
    let (exit, stderr) = sfn.fail(&["redrive-execution", "--execution-arn", &execution]);
    assert_eq!(exit, 254);
    assert_eq!(error_code(&stderr), "ExecutionNotRedrivable");
    assert!(
        stderr.contains("Execution is RUNNING and cannot be redriven"),
        "{stderr}"
    );

    sfn.json(&["stop-execution", "--execution-arn", &execution]);
    assert_eq!(sfn.describe(&execution)["redriveStatus"], "REDRIVABLE");
    sfn.json(&["redrive-execution", "--execution-arn", &execution]);
    let after = sfn.describe(&execution);
    assert_eq!(after["status"], "RUNNING");
    assert_eq!(after["redriveCount"], 1);
    assert!(after.get("stopDate").is_none());
    let events = sfn.history(&execution);
    assert_eq!(
        types(&events)[5..],
        [
            "ExecutionAborted",
            "ExecutionRedriven",
            "TaskStateEntered",
            "ActivityScheduled"
        ]
    );
    assert_eq!(entered(&events, "Prepare"), 1);
    // A worker can take the task again and finish the execution.
    let task = sfn.json(&[
        "get-activity-task",
        "--activity-arn",
        "arn:aws:states:us-east-1:123456789012:activity:approve",
    ]);
    let token = task["taskToken"].as_str().unwrap();
    sfn.json(&[
        "send-task-success",
        "--task-token",
        token,
        "--task-output",
        r#"{"ok": true}"#,
    ]);
    let done = sfn.describe(&execution);
    assert_eq!(done["status"], "SUCCEEDED");
    assert_eq!(done["output"], r#"{"ok":true}"#);
}

/// On a virtual clock: both timeouts skip ahead instead of taking a second each.
#[test]
fn a_timed_out_execution_gets_its_timeout_again_from_the_redrive() {
    let sfn = Sfn::virtual_clock();
    let machine = create(
        &sfn,
        "slow",
        r#"{"StartAt": "Pause", "TimeoutSeconds": 1, "States": {"Pause": {"Type": "Wait", "Seconds": 30, "End": true}}}"#,
    );
    let execution = sfn.start(&machine, &[]);
    assert_eq!(sfn.describe(&execution)["status"], "TIMED_OUT");
    sfn.json(&["redrive-execution", "--execution-arn", &execution]);
    let after = sfn.describe(&execution);
    assert_eq!(after["status"], "TIMED_OUT");
    assert_eq!(after["redriveCount"], 1);
    let events = sfn.history(&execution);
    assert_eq!(
        types(&events),
        [
            "ExecutionStarted",
            "WaitStateEntered",
            "ExecutionTimedOut",
            "ExecutionRedriven",
            "WaitStateEntered",
            "ExecutionTimedOut"
        ]
    );
}

#[test]
fn a_client_token_makes_a_redrive_idempotent() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "always-fails",
        r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}"#,
    );
    let execution = sfn.start(&machine, &[]);
    let redrive = |token: &str| {
        sfn.json(&[
            "redrive-execution",
            "--execution-arn",
            &execution,
            "--client-token",
            token,
        ])["redriveDate"]
            .clone()
    };
    let first = redrive("token-1");
    assert_eq!(redrive("token-1"), first);
    assert_eq!(sfn.describe(&execution)["redriveCount"], 1);
    redrive("token-2");
    let after = sfn.describe(&execution);
    assert_eq!(after["redriveCount"], 2);
    assert_eq!(after["status"], "FAILED");
    let events = sfn.history(&execution);
    let t = types(&events);
    assert_eq!(t.iter().filter(|t| **t == "ExecutionRedriven").count(), 2);
    assert_eq!(t.iter().filter(|t| **t == "FailStateEntered").count(), 3);
}

#[test]
fn list_executions_filters_by_redrive() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "resume", TOP_LEVEL);
    let redriven = sfn.start(&machine, &[]);
    let untouched = sfn.start(&machine, &[]);
    sfn.json(&["redrive-execution", "--execution-arn", &redriven]);
    let list = |filter: &str| -> Vec<Value> {
        sfn.json(&[
            "list-executions",
            "--state-machine-arn",
            &machine,
            "--redrive-filter",
            filter,
        ])["executions"]
            .as_array()
            .unwrap()
            .clone()
    };
    let yes = list("REDRIVEN");
    assert_eq!(yes.len(), 1);
    assert_eq!(yes[0]["executionArn"], redriven.as_str());
    assert_eq!(yes[0]["redriveCount"], 1);
    assert!(yes[0]["redriveDate"].is_string());
    let no = list("NOT_REDRIVEN");
    assert_eq!(no.len(), 1);
    assert_eq!(no[0]["executionArn"], untouched.as_str());
    assert_eq!(no[0]["redriveCount"], 0);
    assert!(no[0].get("redriveDate").is_none());
}

#[test]
fn redrive_errors() {
    let sfn = Sfn::new();
    let machine = sfn.create("hello");
    let succeeded = sfn.start(&machine, &[]);
    let (exit, stderr) = sfn.fail(&["redrive-execution", "--execution-arn", &succeeded]);
    assert_eq!(exit, 254);
    assert_eq!(error_code(&stderr), "ExecutionNotRedrivable");
    assert!(
        stderr.contains("Execution is SUCCEEDED and cannot be redriven"),
        "{stderr}"
    );

    let missing = "arn:aws:states:us-east-1:123456789012:execution:hello:nope";
    let (_, stderr) = sfn.fail(&["redrive-execution", "--execution-arn", missing]);
    assert_eq!(error_code(&stderr), "ExecutionDoesNotExist");
    for bad in [
        "nope",
        "arn:aws:states:us-east-1:123456789012:stateMachine:hello",
    ] {
        let (_, stderr) = sfn.fail(&["redrive-execution", "--execution-arn", bad]);
        assert_eq!(error_code(&stderr), "InvalidArn", "{bad}: {stderr}");
    }
}

#[test]
fn a_distributed_map_child_is_redriven_through_its_parent() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "fanout",
        r#"{"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "ItemProcessor": {
          "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "ChildFailed"}}}}}}"#,
    );
    let parent = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &machine,
        "--input",
        "[1]",
    ])["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(sfn.describe(&parent)["redriveStatus"], "REDRIVABLE");
    let map_run = sfn.json(&["list-map-runs", "--execution-arn", &parent])["mapRuns"][0]
        ["mapRunArn"]
        .as_str()
        .unwrap()
        .to_string();
    let child = sfn.json(&["list-executions", "--map-run-arn", &map_run])["executions"][0]
        ["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    let described = sfn.describe(&child);
    assert_eq!(described["status"], "FAILED");
    assert_eq!(described["redriveStatus"], "REDRIVABLE_BY_MAP_RUN");
    let (_, stderr) = sfn.fail(&["redrive-execution", "--execution-arn", &child]);
    assert_eq!(error_code(&stderr), "ExecutionNotRedrivable");
    sfn.json(&["redrive-execution", "--execution-arn", &parent]);
    assert_eq!(sfn.describe(&parent)["redriveCount"], 1);
}

#[test]
fn malformed_client_tokens_and_redrive_filters_are_validation_errors() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "always-fails",
        r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}"#,
    );
    let execution = sfn.start(&machine, &[]);
    let long = "x".repeat(65);
    for token in [long.as_str(), "has space"] {
        let (exit, stderr) = sfn.fail(&[
            "redrive-execution",
            "--execution-arn",
            &execution,
            "--client-token",
            token,
        ]);
        assert_eq!(exit, 254, "{stderr}");
        assert_eq!(error_code(&stderr), "ValidationException", "{stderr}");
    }
    assert_eq!(sfn.describe(&execution)["redriveCount"], 0);
    let (_, stderr) = sfn.fail(&[
        "list-executions",
        "--state-machine-arn",
        &machine,
        "--redrive-filter",
        "SOMETIMES",
    ]);
    assert_eq!(error_code(&stderr), "ValidationException");
}

#[test]
fn a_first_state_entered_again_shows_the_input_as_given() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "first",
        r#"{"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [
            {"Variable": "$$.Execution.RedriveCount", "NumericGreaterThan": 0, "Next": "Done"}]},
          "Done": {"Type": "Succeed"}}}"#,
    );
    let input = r#"{ "spaced" :  true }"#;
    let execution = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &machine,
        "--input",
        input,
    ])["executionArn"]
        .as_str()
        .unwrap()
        .to_string();
    sfn.json(&["redrive-execution", "--execution-arn", &execution]);
    let events = sfn.history(&execution);
    let entries: Vec<&Value> = events
        .iter()
        .filter(|e| e["type"] == "ChoiceStateEntered")
        .collect();
    assert_eq!(entries.len(), 2);
    for entry in entries {
        assert_eq!(entry["stateEnteredEventDetails"]["input"], input);
    }
    assert_eq!(sfn.describe(&execution)["status"], "SUCCEEDED");
}
