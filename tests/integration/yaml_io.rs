//! YAML wherever the AWS CLI v2 reads or writes it (`--output yaml`, `yaml-stream`,
//! `--cli-input-yaml`, `--generate-cli-skeleton yaml-input`) and wherever a definition is
//! read (`--definition file://x.asl.yaml`, `sfn run`, `sfn graph`).
use crate::cli_support;

use cli_support::{Sfn, ROLE};
use serde_json::json;

const HELLO_YAML: &str = "Comment: YAML, as the AWS Toolkit writes it\nStartAt: Hello\nStates:\n  Hello:\n    Type: Pass\n    Result:\n      greeting: hello\n      count: 2\n    End: true\n";

fn create(sfn: &Sfn) {
    std::fs::write(sfn.dir.path().join("hello.asl.yaml"), HELLO_YAML).unwrap();
    sfn.json(&[
        "create-state-machine",
        "--name",
        "hello",
        "--definition",
        "file://hello.asl.yaml",
        "--role-arn",
        ROLE,
    ]);
}

#[test]
fn a_yaml_definition_file_is_sent_as_json() {
    let sfn = Sfn::new();
    create(&sfn);
    let described = sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        "arn:aws:states:us-east-1:123456789012:stateMachine:hello",
    ]);
    let definition: serde_json::Value =
        serde_json::from_str(described["definition"].as_str().unwrap()).unwrap();
    assert_eq!(
        definition["States"]["Hello"]["Result"],
        json!({"greeting": "hello", "count": 2})
    );
    // A YAML syntax error is a parameter error naming where it is.
    std::fs::write(sfn.dir.path().join("bad.yaml"), "StartAt: [\n").unwrap();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "bad",
        "--definition",
        "file://bad.yaml",
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(code, 252);
    assert!(
        err.contains("Error parsing parameter '--definition': file://bad.yaml: line 2, column 1"),
        "{err}"
    );
}

#[test]
fn sfn_run_and_graph_read_yaml_definitions() {
    let sfn = Sfn::new();
    std::fs::write(sfn.dir.path().join("hello.asl.yaml"), HELLO_YAML).unwrap();
    let out = sfn.json(&["run", "hello.asl.yaml"]);
    assert_eq!(out, json!({"greeting": "hello", "count": 2}));
    let dot = sfn.stdout(&["graph", "--definition", "file://hello.asl.yaml"]);
    assert!(dot.starts_with("digraph"), "{dot}");
}

#[test]
fn output_yaml_and_yaml_stream() {
    let sfn = Sfn::new();
    create(&sfn);
    let yaml = sfn.stdout(&[
        "list-state-machines",
        "--output",
        "yaml",
        "--query",
        "stateMachines[].{name: name, type: type}",
    ]);
    assert_eq!(yaml, "- name: hello\n  type: STANDARD\n");
    let yaml = sfn.stdout(&[
        "list-state-machines",
        "--output",
        "yaml-stream",
        "--query",
        "{machines: stateMachines[].name}",
    ]);
    assert_eq!(yaml, "- machines:\n  - hello\n");
    let described = sfn.stdout(&[
        "describe-state-machine",
        "--state-machine-arn",
        "arn:aws:states:us-east-1:123456789012:stateMachine:hello",
        "--output",
        "yaml",
    ]);
    assert!(described.contains("\nname: hello\n"), "{described}");
    assert!(
        described.contains("\ncreationDate: '"),
        "dates stay strings: {described}"
    );
    let (code, err) = sfn.fail(&["list-state-machines", "--output", "xml"]);
    assert_eq!(code, 252);
    assert!(
        err.contains("Invalid choice") && err.contains("| yaml ") && err.contains("yaml-stream"),
        "{err}"
    );
}

#[test]
fn cli_input_yaml_and_its_skeleton() {
    let sfn = Sfn::new();
    let skeleton = sfn.stdout(&["create-activity", "--generate-cli-skeleton", "yaml-input"]);
    assert!(
        skeleton.starts_with("name: '' # [REQUIRED] The name of the activity to create.\n"),
        "{skeleton}"
    );
    std::fs::write(
        sfn.dir.path().join("input.yaml"),
        "name: approvals\ntags:\n- key: team\n  value: ops\n",
    )
    .unwrap();
    let created = sfn.json(&["create-activity", "--cli-input-yaml", "file://input.yaml"]);
    assert_eq!(
        created["activityArn"],
        "arn:aws:states:us-east-1:123456789012:activity:approvals"
    );
    let tags = sfn.json(&[
        "list-tags-for-resource",
        "--resource-arn",
        created["activityArn"].as_str().unwrap(),
    ]);
    assert_eq!(tags["tags"], json!([{"key": "team", "value": "ops"}]));
    let (code, err) = sfn.fail(&["create-activity", "--cli-input-yaml", "nmae: x"]);
    assert_eq!(code, 252);
    assert!(
        err.contains("Unknown parameter in input: \"nmae\""),
        "{err}"
    );
}
