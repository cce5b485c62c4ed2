//! `describe-state-machine` and `describe-state-machine-for-execution` list, per state, the
//! workflow variables it reads (`variableReferences`), and leave the member out when no
//! state reads any.
use assert_cmd::Command;
use serde_json::{json, Value};

const ROLE: &str = "arn:aws:iam::123456789012:role/sfn";

fn sfn(db: &std::path::Path, args: &[&str]) -> Value {
    let output = Command::cargo_bin("sfn")
        .unwrap()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn describe_lists_the_variables_each_state_reads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sfn.db");
    let definition = json!({
        "StartAt": "Init",
        "States": {
            "Init": {"Type": "Pass", "Assign": {"total": 5, "label": "run"}, "Next": "Show"},
            "Show": {"Type": "Pass", "QueryLanguage": "JSONata",
                     "Output": "{% $label & ': ' & $string($total) %}", "Next": "Check"},
            "Check": {"Type": "Choice", "Choices": [
                {"Variable": "$total", "NumericGreaterThan": 3, "Next": "Done"}
            ], "Default": "Done"},
            "Done": {"Type": "Succeed"}
        }
    })
    .to_string();
    let created = sfn(
        &db,
        &[
            "create-state-machine",
            "--name",
            "vars",
            "--definition",
            &definition,
            "--role-arn",
            ROLE,
        ],
    );
    let arn = created["stateMachineArn"].as_str().unwrap();
    let described = sfn(&db, &["describe-state-machine", "--state-machine-arn", arn]);
    assert_eq!(
        described["variableReferences"],
        json!({"Check": ["total"], "Show": ["label", "total"]})
    );
    let started = sfn(&db, &["start-execution", "--state-machine-arn", arn]);
    let for_execution = sfn(
        &db,
        &[
            "describe-state-machine-for-execution",
            "--execution-arn",
            started["executionArn"].as_str().unwrap(),
        ],
    );
    assert_eq!(
        for_execution["variableReferences"],
        described["variableReferences"]
    );

    let plain = r#"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#;
    let created = sfn(
        &db,
        &[
            "create-state-machine",
            "--name",
            "plain",
            "--definition",
            plain,
            "--role-arn",
            ROLE,
        ],
    );
    let described = sfn(
        &db,
        &[
            "describe-state-machine",
            "--state-machine-arn",
            created["stateMachineArn"].as_str().unwrap(),
        ],
    );
    assert!(described.get("variableReferences").is_none(), "{described}");
}
