//! `sfn test-state` refusals: the error codes and messages AWS answers with.
use crate::cli_support;

use cli_support::{Sfn, ROLE};
use serde_json::json;

/// Runs a `test-state` that must fail as a service error; returns its message line.
fn refused(sfn: &Sfn, args: &[&str], code: &str) -> String {
    let mut all = vec!["test-state"];
    all.extend_from_slice(args);
    let (exit, err) = sfn.fail(&all);
    assert_eq!(exit, 254, "{err}");
    let prefix = format!("An error occurred ({code}) when calling the TestState operation: ");
    let line = err
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    line.strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("expected {code}, got: {err}"))
        .to_string()
}

const PASS: &str = r#"{"Type": "Pass", "End": true}"#;

#[test]
fn map_and_parallel_need_a_mock() {
    let sfn = Sfn::new();
    let map = json!({
        "Type": "Map",
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
        "End": true
    })
    .to_string();
    let parallel = json!({
        "Type": "Parallel",
        "Branches": [{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}],
        "End": true
    })
    .to_string();
    for definition in [&map, &parallel] {
        assert_eq!(
            refused(&sfn, &["--definition", definition], "InvalidDefinition"),
            "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]"
        );
    }
}

#[test]
fn pass_fail_and_succeed_take_no_mock() {
    let sfn = Sfn::new();
    for (definition, kind) in [
        (PASS, "Pass"),
        (r#"{"Type": "Fail", "Error": "E"}"#, "Fail"),
        (r#"{"Type": "Succeed"}"#, "Succeed"),
    ] {
        for mock in [r#"{"result": "{}"}"#, r#"{"errorOutput": {"error": "E"}}"#] {
            assert_eq!(
                refused(
                    &sfn,
                    &["--definition", definition, "--mock", mock],
                    "ValidationException"
                ),
                format!("State type '{kind}' is not supported when a mock is specified")
            );
        }
    }
}

#[test]
fn mocks_are_checked_before_the_state_runs() {
    let sfn = Sfn::new();
    let task = r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "End": true}"#;
    assert_eq!(
        refused(
            &sfn,
            &[
                "--definition",
                task,
                "--mock",
                r#"{"result": "{}", "errorOutput": {"error": "E"}}"#
            ],
            "ValidationException"
        ),
        "A test mock should have only one of the following fields: [result, errorOutput]."
    );
    assert_eq!(
        refused(
            &sfn,
            &[
                "--definition",
                task,
                "--mock",
                r#"{"result": "{}"}"#,
                "--reveal-secrets"
            ],
            "ValidationException"
        ),
        "TestState does not support RevealSecrets when a mock is specified."
    );
    assert_eq!(
        refused(
            &sfn,
            &[
                "--definition",
                task,
                "--mock",
                r#"{"result": "not JSON string", "fieldValidationMode": "NONE"}"#
            ],
            "ValidationException"
        ),
        "Mocked result must be valid JSON"
    );
    let map = json!({
        "Type": "Map",
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
        "End": true
    })
    .to_string();
    assert_eq!(
        refused(
            &sfn,
            &["--definition", &map, "--mock", r#"{"result": "{}"}"#],
            "ValidationException"
        ),
        "Mocked result must be an array."
    );
    let writer = json!({
        "Type": "Map",
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}
        },
        "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b", "Prefix": "p"}},
        "End": true
    })
    .to_string();
    assert_eq!(
        refused(
            &sfn,
            &["--definition", &writer, "--mock", r#"{"result": "[]"}"#],
            "ValidationException"
        ),
        "Mocked result must be a JSON object."
    );
    let parallel = json!({
        "Type": "Parallel",
        "Branches": [{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}],
        "End": true
    })
    .to_string();
    assert_eq!(
        refused(
            &sfn,
            &["--definition", &parallel, "--mock", r#"{"result": "{}"}"#],
            "ValidationException"
        ),
        "Mocked result must be an array."
    );
}

#[test]
fn a_task_without_a_mock_needs_a_role() {
    let sfn = Sfn::new();
    let task = r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "End": true}"#;
    assert_eq!(
        refused(&sfn, &["--definition", task], "ValidationException"),
        "RoleArn must be specified when testing a Task state"
    );
    assert_eq!(
        refused(
            &sfn,
            &["--definition", task, "--role-arn", "not-an-arn"],
            "InvalidArn"
        ),
        "Invalid Arn: 'Invalid ARN prefix: not-an-arn'"
    );
    // Other states and mocked Tasks need none.
    sfn.json(&["test-state", "--definition", PASS]);
    sfn.json(&[
        "test-state",
        "--definition",
        task,
        "--mock",
        r#"{"result": "{}"}"#,
    ]);
}

#[test]
fn invalid_definitions_and_unknown_states() {
    let sfn = Sfn::new();
    let message = refused(
        &sfn,
        &[
            "--definition",
            r#"{"Type": "Pass", "Next": "A", "End": true}"#,
        ],
        "InvalidDefinition",
    );
    assert!(
        message.starts_with("Invalid State Machine Definition: '"),
        "{message}"
    );
    let message = refused(
        &sfn,
        &["--definition", r#"{"Type": "Nope"}"#],
        "InvalidDefinition",
    );
    assert!(message.contains("SCHEMA_VALIDATION_FAILED"), "{message}");
    refused(&sfn, &["--definition", "{not json"], "InvalidDefinition");

    let machine = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#;
    assert_eq!(
        refused(
            &sfn,
            &["--definition", machine, "--state-name", "B"],
            "ValidationException"
        ),
        "State not found in definition"
    );
    // A lone state's Next need not exist.
    let out = sfn.json(&[
        "test-state",
        "--definition",
        r#"{"Type": "Pass", "Next": "Elsewhere"}"#,
    ]);
    assert_eq!(out["nextState"], "Elsewhere");
}

#[test]
fn input_must_be_json() {
    let sfn = Sfn::new();
    let message = refused(
        &sfn,
        &["--definition", PASS, "--input", "{nope", "--role-arn", ROLE],
        "InvalidExecutionInput",
    );
    assert!(
        message.starts_with("Invalid State Machine Execution Input: '"),
        "{message}"
    );
}

#[test]
fn runtime_failures_are_never_retried_or_caught() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "InputPath": "$.missing",
        "Retry": [{"ErrorEquals": ["States.ALL"]}],
        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "C"}],
        "End": true
    })
    .to_string();
    let out = sfn.json(&[
        "test-state",
        "--definition",
        &definition,
        "--mock",
        r#"{"result": "{}"}"#,
    ]);
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "States.Runtime");
    assert_eq!(
        out["cause"],
        "Invalid path '$.missing' : No results for path: $['missing']"
    );
}

#[test]
fn the_inspection_level_is_one_of_three() {
    let sfn = Sfn::new();
    assert_eq!(
        refused(&sfn, &["--definition", PASS, "--inspection-level", "LOUD"], "ValidationException"),
        "1 validation error detected: Value 'LOUD' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]"
    );
}
