//! Validation computes its answer from the request alone: it never opens, creates or
//! migrates the user's store.
use assert_cmd::Command;

#[test]
fn validate_state_machine_definition_leaves_the_store_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("not-yet").join("sfn.db");
    let output = Command::cargo_bin("sfn")
        .unwrap()
        .args([
            "--db",
            db.to_str().unwrap(),
            "validate-state-machine-definition",
        ])
        .args([
            "--definition",
            r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#,
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let response: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(response["result"], "OK");
    assert!(
        !db.parent().unwrap().exists(),
        "the store's folder was created"
    );
}

#[test]
fn validation_works_even_when_the_store_is_unusable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sfn.db");
    std::fs::write(
        &db,
        "this is not a SQLite file, and validation must not care",
    )
    .unwrap();
    let output = Command::cargo_bin("sfn")
        .unwrap()
        .args([
            "--db",
            db.to_str().unwrap(),
            "validate-state-machine-definition",
        ])
        .args(["--definition", r#"{"StartAt":"A","States":{}}"#])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let response: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(response["result"], "FAIL");
}
