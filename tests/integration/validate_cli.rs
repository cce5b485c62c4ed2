//! The two validation commands through the real binary: `validate-state-machine-definition`
//! (AWS's response, exit 0 whatever the result) and `sfn lint` (exit 1 on errors).
use std::process::{Command, Output};

use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/validate/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn sfn(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_sfn"))
        .current_dir(dir.path())
        .env("SFN_DB", dir.path().join("sfn.db"))
        .env_remove("AWS_DEFAULT_OUTPUT")
        .args(args)
        .output()
        .unwrap()
}

fn validate(extra: &[&str]) -> (i32, Value) {
    let out = sfn(&[&["validate-state-machine-definition"], extra].concat());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let doc = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("not JSON: {stdout}"));
    (out.status.code().unwrap(), doc)
}

#[test]
fn validate_ok() {
    let def = format!("file://{}", fixture("valid.json"));
    let (code, doc) = validate(&["--definition", &def]);
    assert_eq!(code, 0);
    assert_eq!(
        doc,
        json!({"result": "OK", "diagnostics": [], "truncated": false})
    );
}

#[test]
fn validate_fail_exits_0_with_the_diagnostics() {
    let def = format!("file://{}", fixture("invalid.json"));
    let (code, doc) = validate(&["--definition", &def]);
    assert_eq!(code, 0);
    assert_eq!(
        doc,
        json!({"result": "FAIL", "diagnostics": [
            {"severity": "ERROR", "code": "MISSING_TRANSITION_TARGET",
             "message": "Missing 'Next' target: Missing", "location": "/States/First/Next"},
            {"severity": "ERROR", "code": "MISSING_TRANSITION_TARGET",
             "message": "State \"Orphan\" is not reachable.", "location": "/States/Orphan"}
        ], "truncated": false})
    );
    let (_, doc) = validate(&["--definition", &def, "--max-results", "1"]);
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(doc["truncated"], true);
}

#[test]
fn validate_type_and_severity() {
    let def = format!("file://{}", fixture("express-sync.json"));
    assert_eq!(validate(&["--definition", &def]).1["result"], "OK");
    let (code, doc) = validate(&["--definition", &def, "--type", "EXPRESS"]);
    assert_eq!(code, 0);
    assert_eq!(doc["result"], "FAIL");
    assert_eq!(doc["diagnostics"][0]["location"], "/States/Run/Resource");

    let def = format!("file://{}", fixture("warning.json"));
    assert_eq!(
        validate(&["--definition", &def]).1["diagnostics"],
        json!([])
    );
    let (_, doc) = validate(&["--definition", &def, "--severity", "WARNING"]);
    assert_eq!(doc["result"], "OK");
    assert_eq!(doc["diagnostics"][0]["code"], "NO_DOLLAR");
}

#[test]
fn validate_invalid_json() {
    let (code, doc) = validate(&["--definition", "not a definition"]);
    assert_eq!(code, 0);
    assert_eq!(doc["result"], "FAIL");
    assert_eq!(doc["diagnostics"][0]["code"], "INVALID_JSON_DESCRIPTION");
    assert!(doc["diagnostics"][0].get("location").is_none());
}

#[test]
fn lint_exit_codes_and_formats() {
    let out = sfn(&["lint", &fixture("valid.json")]);
    assert_eq!(out.status.code(), Some(0));

    let out = sfn(&["lint", &fixture("valid.json"), &fixture("invalid.json")]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(
        "invalid.json:6:7: error[MISSING_TRANSITION_TARGET]: Missing 'Next' target: Missing at /States/First/Next"
    ));
    assert!(stdout.ends_with("2 files checked: 2 errors, 0 warnings (1 file with problems)\n"));

    let out = sfn(&["lint", "--format", "github", &fixture("warning.json")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("::warning file="));
    let out = sfn(&["lint", "--deny-warnings", &fixture("warning.json")]);
    assert_eq!(out.status.code(), Some(1));

    let out = sfn(&["lint", "--format", "json", &fixture("invalid.json")]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc[0]["code"], "MISSING_TRANSITION_TARGET");

    let out = sfn(&["lint"]);
    assert_eq!(out.status.code(), Some(252));
}

/// A Distributed Map whose processor is one Pass state, with `extra` fields.
fn distributed_map(extra: Value) -> String {
    let mut map = json!({
        "Type": "Map",
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P",
            "States": {"P": {"Type": "Pass", "End": true}}
        },
        "End": true
    });
    map.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    json!({"StartAt": "M", "States": {"M": map}}).to_string()
}

fn messages(doc: &Value) -> String {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}\n", d["location"], d["message"]))
        .collect()
}

#[test]
fn an_item_reader_without_resource_is_refused() {
    let def = distributed_map(json!({"ItemReader": {
        "ReaderConfig": {"InputType": "JSON"},
        "Parameters": {"Bucket": "b", "Key": "k"}
    }}));
    let (code, doc) = validate(&["--definition", &def]);
    assert_eq!(code, 0);
    assert_eq!(doc["result"], "FAIL", "{doc}");
    assert!(messages(&doc).contains("Resource"), "{doc}");
    let with_resource = distributed_map(json!({"ItemReader": {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {"InputType": "JSON"},
        "Parameters": {"Bucket": "b", "Key": "k"}
    }}));
    let (_, doc) = validate(&["--definition", &with_resource]);
    assert_eq!(doc["result"], "OK", "{doc}");
}

#[test]
fn a_writer_config_needs_output_type_and_transformation() {
    let writer = |config: Value| {
        distributed_map(json!({"ResultWriter": {
            "Resource": "arn:aws:states:::s3:putObject",
            "Parameters": {"Bucket": "b", "Prefix": "out"},
            "WriterConfig": config
        }}))
    };
    for config in [
        json!({"OutputType": "JSON"}),
        json!({"Transformation": "NONE"}),
    ] {
        let (_, doc) = validate(&["--definition", &writer(config.clone())]);
        assert_eq!(doc["result"], "FAIL", "{config}: {doc}");
    }
    let both = writer(json!({"OutputType": "JSON", "Transformation": "NONE"}));
    let (_, doc) = validate(&["--definition", &both]);
    assert_eq!(doc["result"], "OK", "{doc}");
}

#[test]
fn string_parameters_and_result_selector_are_judged_by_one_rule() {
    // AWS ran a Task with "ResultSelector": "$.Payload" and output that string: any JSON
    // value is taken there, as in Parameters.
    for field in ["Parameters", "ResultSelector"] {
        let def = json!({"StartAt": "T", "States": {"T": {
            "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
            field: "$.Payload", "End": true
        }}})
        .to_string();
        let (_, doc) = validate(&["--definition", &def]);
        assert_eq!(doc["result"], "OK", "{field}: {doc}");
    }
}
