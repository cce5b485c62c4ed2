//! Express state machines: start-sync-execution's full response, start-execution on an
//! Express machine, and the errors AWS gives for Express executions elsewhere.
use crate::cli_support;

use cli_support::{arn, Sfn, ROLE};
use serde_json::Value;

fn create_express(sfn: &Sfn, name: &str, definition: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "create-state-machine",
        "--name",
        name,
        "--type",
        "EXPRESS",
        "--definition",
        definition,
        "--role-arn",
        ROLE,
    ];
    args.extend_from_slice(extra);
    sfn.json(&args)["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string()
}

const CONTEXT: &str = r#"{"StartAt": "P", "States": {"P": {"Type": "Pass",
    "Parameters": {"execution.$": "$$.Execution", "in.$": "$"}, "End": true}}}"#;
const FAILING: &str = r#"{"StartAt": "F", "States": {"F": {"Type": "Fail",
    "Error": "Custom.Error", "Cause": "it broke"}}}"#;

fn error_code(stderr: &str) -> &str {
    stderr
        .split('(')
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap_or("")
}

#[test]
fn a_sync_execution_returns_its_whole_outcome() {
    let sfn = Sfn::new();
    let machine = create_express(&sfn, "fast", CONTEXT, &[]);
    let out = sfn.json(&[
        "start-sync-execution",
        "--state-machine-arn",
        &machine,
        "--name",
        "run-1",
        "--input",
        r#"{"a": 1}"#,
    ]);
    let execution_arn = out["executionArn"].as_str().unwrap();
    let prefix = "arn:aws:states:us-east-1:123456789012:express:fast:run-1:";
    assert!(execution_arn.starts_with(prefix), "{execution_arn}");
    assert_eq!(
        execution_arn[prefix.len()..].len(),
        36,
        "a uuid ends the ARN"
    );
    assert_eq!(out["stateMachineArn"], machine.as_str());
    assert_eq!(out["name"], "run-1");
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(out["input"], r#"{"a": 1}"#);
    assert_eq!(out["inputDetails"]["included"], true);
    assert_eq!(out["outputDetails"]["included"], true);
    assert!(out["startDate"].is_string() && out["stopDate"].is_string());
    assert!(out.get("error").is_none() && out.get("cause").is_none());
    let billing = &out["billingDetails"];
    assert_eq!(billing["billedMemoryUsedInMB"], 64);
    let billed = billing["billedDurationInMilliseconds"].as_i64().unwrap();
    assert!(billed >= 100 && billed % 100 == 0, "{billed}");

    // The context object: the express ARN as the Id, and no RedriveCount.
    let output: Value = serde_json::from_str(out["output"].as_str().unwrap()).unwrap();
    assert_eq!(output["in"]["a"], 1);
    assert_eq!(output["execution"]["Id"], execution_arn);
    assert_eq!(output["execution"]["Name"], "run-1");
    assert!(output["execution"].get("RedriveCount").is_none());
}

#[test]
fn a_failed_sync_execution_still_answers_with_its_error() {
    let sfn = Sfn::new();
    let machine = create_express(&sfn, "broken", FAILING, &[]);
    let out = sfn.json(&["start-sync-execution", "--state-machine-arn", &machine]);
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "Custom.Error");
    assert_eq!(out["cause"], "it broke");
    assert_eq!(out["input"], "{}");
    assert!(out.get("output").is_none() && out.get("outputDetails").is_none());
    assert!(out["billingDetails"].is_object());
}

#[test]
fn metadata_only_leaves_out_input_and_output() {
    let sfn = Sfn::new();
    let machine = create_express(&sfn, "quiet", CONTEXT, &[]);
    let out = sfn.json(&[
        "start-sync-execution",
        "--state-machine-arn",
        &machine,
        "--input",
        "{}",
        "--included-data",
        "METADATA_ONLY",
    ]);
    assert_eq!(out["status"], "SUCCEEDED");
    assert!(out.get("input").is_none() && out.get("output").is_none());
    assert_eq!(out["inputDetails"]["included"], false);
}

/// On the system clock, as the one execution timeout that takes its time.
#[test]
fn a_machine_timeout_ends_a_sync_execution_timed_out() {
    let sfn = Sfn::virtual_clock();
    let machine = create_express(
        &sfn,
        "slow",
        r#"{"StartAt": "W", "TimeoutSeconds": 1, "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}"#,
        &[],
    );
    let out = sfn.json(&["start-sync-execution", "--state-machine-arn", &machine]);
    assert_eq!(out["status"], "TIMED_OUT");
    assert_eq!(out["error"], "States.Timeout");
}

#[test]
fn sync_executions_run_versions() {
    let sfn = Sfn::new();
    let machine = create_express(&sfn, "versioned", CONTEXT, &["--publish"]);
    let out = sfn.json(&[
        "start-sync-execution",
        "--state-machine-arn",
        &format!("{machine}:1"),
    ]);
    assert_eq!(out["status"], "SUCCEEDED");
}

#[test]
fn start_sync_execution_errors() {
    let sfn = Sfn::new();
    let express = create_express(&sfn, "fast", CONTEXT, &[]);
    let standard = sfn.create("standard");
    let missing = arn("missing");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--state-machine-arn", &standard],
            "StateMachineTypeNotSupported",
        ),
        (
            vec!["--state-machine-arn", &missing],
            "StateMachineDoesNotExist",
        ),
        (vec!["--state-machine-arn", "not-an-arn"], "InvalidArn"),
        (
            vec!["--state-machine-arn", &express, "--input", "{oops"],
            "InvalidExecutionInput",
        ),
        (
            vec!["--state-machine-arn", &express, "--name", "a b"],
            "InvalidName",
        ),
    ];
    for (args, code) in cases {
        let mut full = vec!["start-sync-execution"];
        full.extend(args.iter().copied());
        let (exit, stderr) = sfn.fail(&full);
        assert_eq!(exit, 254, "{full:?}: {stderr}");
        assert_eq!(error_code(&stderr), code, "{full:?}: {stderr}");
    }
}

#[test]
fn express_executions_have_no_describe_history_stop_or_list() {
    let sfn = Sfn::new();
    let machine = create_express(&sfn, "fast", CONTEXT, &[]);
    let started = sfn.json(&["start-execution", "--state-machine-arn", &machine]);
    let execution = started["executionArn"].as_str().unwrap();
    assert!(execution.contains(":express:fast:"), "{execution}");
    for command in [
        "describe-execution",
        "get-execution-history",
        "stop-execution",
    ] {
        let (exit, stderr) = sfn.fail(&[command, "--execution-arn", execution]);
        assert_eq!(exit, 254);
        assert!(
            stderr.contains("Invalid Arn: 'Resource type not valid in this context: express'"),
            "{command}: {stderr}"
        );
        assert_eq!(error_code(&stderr), "InvalidArn");
    }
    let (_, stderr) = sfn.fail(&["list-executions", "--state-machine-arn", &machine]);
    assert_eq!(error_code(&stderr), "StateMachineTypeNotSupported");
    let (_, stderr) = sfn.fail(&["redrive-execution", "--execution-arn", execution]);
    assert_eq!(error_code(&stderr), "InvalidArn");
}
