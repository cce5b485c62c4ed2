//! create/describe/list/update/delete-state-machine, as AWS answers them.
use crate::cli_support;

use cli_support::{arn, Sfn, HELLO, ROLE};
use serde_json::json;

const OTHER: &str = r#"{"StartAt": "Bye", "States": {"Bye": {"Type": "Succeed"}}}"#;

#[test]
fn create_returns_the_arn_and_creation_date() {
    let sfn = Sfn::new();
    let out = sfn.json(&[
        "create-state-machine",
        "--name",
        "hello",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(out["stateMachineArn"], json!(arn("hello")));
    let date = out["creationDate"].as_str().unwrap();
    assert!(chrono::DateTime::parse_from_rfc3339(date).is_ok(), "{date}");
    assert!(
        date.contains('.')
            && (date.ends_with("+00:00") || date.contains('+') || date.contains('-'))
    );
    assert_eq!(out.as_object().unwrap().len(), 2, "{out}");
}

#[test]
fn arns_use_region_and_account_from_flags_and_environment() {
    let sfn = Sfn::new();
    let args = [
        "create-state-machine",
        "--name",
        "a",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--query",
        "stateMachineArn",
        "--output",
        "text",
    ];
    let out = sfn
        .cmd()
        .args(args)
        .env("AWS_REGION", "eu-west-3")
        .env("AWS_ACCOUNT_ID", "111122223333")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "arn:aws:states:eu-west-3:111122223333:stateMachine:a\n"
    );
    let out = sfn
        .cmd()
        .args(args)
        .arg("--region")
        .arg("ap-south-1")
        .env("AWS_DEFAULT_REGION", "eu-west-3")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "arn:aws:states:ap-south-1:123456789012:stateMachine:a\n"
    );
    let out = sfn
        .cmd()
        .args(args)
        .env("AWS_DEFAULT_REGION", "ca-central-1")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "arn:aws:states:ca-central-1:123456789012:stateMachine:a\n"
    );
    // Each region lists its own machines.
    let out = sfn
        .cmd()
        .args([
            "list-state-machines",
            "--query",
            "stateMachines[].stateMachineArn",
            "--output",
            "text",
        ])
        .env("AWS_REGION", "eu-west-3")
        .env("AWS_ACCOUNT_ID", "111122223333")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "arn:aws:states:eu-west-3:111122223333:stateMachine:a\n"
    );
}

#[test]
fn describe_shows_every_member_aws_returns_for_a_new_machine() {
    let sfn = Sfn::new();
    let a = sfn.create("hello");
    let out = sfn.json(&["describe-state-machine", "--state-machine-arn", &a]);
    let keys: Vec<&str> = out
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "stateMachineArn",
            "name",
            "status",
            "definition",
            "roleArn",
            "type",
            "creationDate",
            "loggingConfiguration",
            "tracingConfiguration"
        ]
    );
    assert_eq!(out["name"], "hello");
    assert_eq!(out["status"], "ACTIVE");
    assert_eq!(out["type"], "STANDARD");
    assert_eq!(out["definition"], HELLO);
    assert_eq!(out["roleArn"], ROLE);
    assert_eq!(
        out["loggingConfiguration"],
        json!({"level": "OFF", "includeExecutionData": false})
    );
    assert_eq!(out["tracingConfiguration"], json!({"enabled": false}));
}

#[test]
fn creating_the_same_machine_again_is_idempotent() {
    let sfn = Sfn::new();
    let args = [
        "create-state-machine",
        "--name",
        "same",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
    ];
    let first = sfn.json(&args);
    let second = sfn.json(&args);
    assert_eq!(first, second);
}

#[test]
fn creating_a_different_machine_with_a_taken_name_fails() {
    let sfn = Sfn::new();
    sfn.create("taken");
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "taken",
        "--definition",
        OTHER,
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(code, 254);
    assert_eq!(
        err,
        format!("\nAn error occurred (StateMachineAlreadyExists) when calling the CreateStateMachine operation: State Machine Already Exists: '{}'\n", arn("taken"))
    );
}

#[test]
fn names_with_forbidden_characters_are_invalid() {
    let sfn = Sfn::new();
    for name in ["has space", "a/b", "a:b", "star*", "question?"] {
        let (code, err) = sfn.fail(&[
            "create-state-machine",
            "--name",
            name,
            "--definition",
            HELLO,
            "--role-arn",
            ROLE,
        ]);
        assert_eq!(code, 254, "{name}");
        assert!(err.contains(&format!("(InvalidName) when calling the CreateStateMachine operation: Invalid Name: '{name}'")), "{err}");
    }
    let long = "x".repeat(81);
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        &long,
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(ValidationException)"), "{err}");
    sfn.create("unicode-é-名前");
}

#[test]
fn definitions_must_be_json_objects_with_start_at_and_states() {
    let sfn = Sfn::new();
    for (definition, expected) in [
        ("{not json", "INVALID_JSON_DESCRIPTION"),
        ("[1, 2]", "SCHEMA_VALIDATION_FAILED"),
        (r#"{"States": {}}"#, "These fields are required: [StartAt]"),
        (r#"{"StartAt": "A"}"#, "These fields are required: [States]"),
    ] {
        let (code, err) = sfn.fail(&[
            "create-state-machine",
            "--name",
            "bad",
            "--definition",
            definition,
            "--role-arn",
            ROLE,
        ]);
        assert_eq!(code, 254, "{definition}");
        assert!(
            err.contains("(InvalidDefinition) when calling the CreateStateMachine operation: Invalid State Machine Definition: '"),
            "{err}"
        );
        assert!(err.contains(expected), "{definition}: {err}");
    }
    let listed = sfn.json(&["list-state-machines"]);
    assert_eq!(
        listed,
        json!({"stateMachines": []}),
        "a failed create leaves nothing behind"
    );
}

#[test]
fn type_is_standard_by_default_and_can_be_express() {
    let sfn = Sfn::new();
    sfn.json(&[
        "create-state-machine",
        "--name",
        "fast",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--type",
        "EXPRESS",
    ]);
    let out = sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        &arn("fast"),
        "--query",
        "type",
    ]);
    assert_eq!(out, json!("EXPRESS"));
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "x",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--type",
        "SLOW",
    ]);
    assert_eq!(code, 254);
    assert!(
        err.contains("(ValidationException)") && err.contains("[STANDARD, EXPRESS]"),
        "{err}"
    );
}

#[test]
fn role_arn_must_be_an_iam_arn() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "x",
        "--definition",
        HELLO,
        "--role-arn",
        "not-an-arn",
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(InvalidArn)"), "{err}");
}

#[test]
fn logging_tracing_and_encryption_configuration_are_stored_and_echoed() {
    let sfn = Sfn::new();
    let logging = r#"{"level": "ERROR", "includeExecutionData": true, "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": "arn:aws:logs:us-east-1:123456789012:log-group:g:*"}}]}"#;
    sfn.json(&[
        "create-state-machine",
        "--name",
        "logged",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--logging-configuration",
        logging,
        "--tracing-configuration",
        "enabled=true",
        "--encryption-configuration",
        "type=AWS_OWNED_KEY",
    ]);
    let out = sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        &arn("logged"),
    ]);
    assert_eq!(
        out["loggingConfiguration"],
        serde_json::from_str::<serde_json::Value>(logging).unwrap()
    );
    assert_eq!(out["tracingConfiguration"], json!({"enabled": true}));
    assert_eq!(
        out["encryptionConfiguration"],
        json!({"type": "AWS_OWNED_KEY"})
    );
}

#[test]
fn logging_above_off_needs_exactly_one_destination() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "x",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--logging-configuration",
        "level=ALL",
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(InvalidLoggingConfiguration)"), "{err}");
}

#[test]
fn update_changes_the_definition_and_gives_a_new_revision_each_time() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    let first = sfn.json(&[
        "update-state-machine",
        "--state-machine-arn",
        &a,
        "--definition",
        OTHER,
    ]);
    let second = sfn.json(&[
        "update-state-machine",
        "--state-machine-arn",
        &a,
        "--role-arn",
        "arn:aws:iam::123456789012:role/other",
    ]);
    let (r1, r2) = (
        first["revisionId"].as_str().unwrap(),
        second["revisionId"].as_str().unwrap(),
    );
    assert_ne!(r1, r2);
    assert_eq!(r1.len(), 36, "a uuid: {r1}");
    assert!(first["updateDate"].is_string());
    let out = sfn.json(&["describe-state-machine", "--state-machine-arn", &a]);
    assert_eq!(out["definition"], OTHER);
    assert_eq!(out["roleArn"], "arn:aws:iam::123456789012:role/other");
    assert_eq!(out["revisionId"], r2);
}

#[test]
fn update_needs_something_to_change_and_an_existing_machine() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    let (code, err) = sfn.fail(&["update-state-machine", "--state-machine-arn", &a]);
    assert_eq!(code, 254);
    assert!(err.contains("(MissingRequiredParameter)"), "{err}");
    let (code, err) = sfn.fail(&[
        "update-state-machine",
        "--state-machine-arn",
        &arn("ghost"),
        "--definition",
        HELLO,
    ]);
    assert_eq!(code, 254);
    assert!(
        err.ends_with(&format!(
            "State Machine Does Not Exist: '{}'\n",
            arn("ghost")
        )),
        "{err}"
    );
    let (code, err) = sfn.fail(&[
        "update-state-machine",
        "--state-machine-arn",
        &a,
        "--definition",
        "{}",
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(InvalidDefinition)"), "{err}");
}

#[test]
fn delete_then_describe_says_the_machine_does_not_exist() {
    let sfn = Sfn::new();
    let a = sfn.create("doomed");
    assert_eq!(
        sfn.stdout(&["delete-state-machine", "--state-machine-arn", &a]),
        ""
    );
    let (code, err) = sfn.fail(&["describe-state-machine", "--state-machine-arn", &a]);
    assert_eq!(code, 254);
    assert_eq!(
        err,
        format!("\nAn error occurred (StateMachineDoesNotExist) when calling the DescribeStateMachine operation: State Machine Does Not Exist: '{a}'\n")
    );
    // Deleting again succeeds, as on AWS.
    assert_eq!(
        sfn.stdout(&["delete-state-machine", "--state-machine-arn", &a]),
        ""
    );
}

#[test]
fn malformed_arns_are_invalid_arns() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["describe-state-machine", "--state-machine-arn", "nope"]);
    assert_eq!(code, 254);
    assert!(err.contains("(InvalidArn) when calling the DescribeStateMachine operation: Invalid Arn: 'Invalid ARN prefix: nope'"), "{err}");
    let (_, err) = sfn.fail(&[
        "describe-state-machine",
        "--state-machine-arn",
        "arn:aws:states:us-east-1:123456789012:activity:a",
    ]);
    assert!(
        err.contains("Invalid Arn: 'Resource type not valid in this context: activity'"),
        "{err}"
    );
}

#[test]
fn list_shows_every_machine_in_name_order() {
    let sfn = Sfn::new();
    assert_eq!(
        sfn.json(&["list-state-machines"]),
        json!({"stateMachines": []})
    );
    for name in ["charlie", "alpha", "bravo"] {
        sfn.create(name);
    }
    let out = sfn.json(&["list-state-machines"]);
    let items = out["stateMachines"].as_array().unwrap();
    let names: Vec<&str> = items.iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["alpha", "bravo", "charlie"]);
    let keys: Vec<&str> = items[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["stateMachineArn", "name", "type", "creationDate"]);
}

#[test]
fn publish_on_create_and_update_makes_numbered_versions() {
    let sfn = Sfn::new();
    let out = sfn.json(&[
        "create-state-machine",
        "--name",
        "v",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--publish",
        "--version-description",
        "first",
    ]);
    assert_eq!(
        out["stateMachineVersionArn"],
        json!(format!("{}:1", arn("v")))
    );
    let out = sfn.json(&[
        "update-state-machine",
        "--state-machine-arn",
        &arn("v"),
        "--definition",
        OTHER,
        "--publish",
    ]);
    assert_eq!(
        out["stateMachineVersionArn"],
        json!(format!("{}:2", arn("v")))
    );
    let out = sfn.json(&[
        "update-state-machine",
        "--state-machine-arn",
        &arn("v"),
        "--definition",
        HELLO,
        "--no-publish",
    ]);
    assert!(out.get("stateMachineVersionArn").is_none(), "{out}");
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "w",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--version-description",
        "x",
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(ValidationException)"), "{err}");
}

#[test]
fn describing_a_version_arn_shows_that_version() {
    let sfn = Sfn::new();
    sfn.json(&[
        "create-state-machine",
        "--name",
        "v",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--publish",
        "--version-description",
        "first",
    ]);
    sfn.json(&[
        "update-state-machine",
        "--state-machine-arn",
        &arn("v"),
        "--definition",
        OTHER,
    ]);
    let version = format!("{}:1", arn("v"));
    let out = sfn.json(&["describe-state-machine", "--state-machine-arn", &version]);
    assert_eq!(out["stateMachineArn"], json!(version));
    assert_eq!(out["definition"], HELLO);
    assert_eq!(out["description"], "first");
    let (code, err) = sfn.fail(&[
        "describe-state-machine",
        "--state-machine-arn",
        &format!("{}:7", arn("v")),
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(StateMachineDoesNotExist)"), "{err}");
}

#[test]
fn a_repeated_create_ignores_role_and_tags_but_not_configuration() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    let other_role = "arn:aws:iam::123456789012:role/other";
    let again = sfn.json(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        HELLO,
        "--role-arn",
        other_role,
        "--tags",
        "key=k,value=v",
    ]);
    assert_eq!(again["stateMachineArn"], json!(a));
    let out = sfn.json(&["describe-state-machine", "--state-machine-arn", &a]);
    assert_eq!(out["roleArn"], ROLE, "the role is not updated");
    let tags = sfn.json(&["list-tags-for-resource", "--resource-arn", &a]);
    assert_eq!(tags, json!({"tags": []}), "nor are the tags");
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--tracing-configuration",
        "enabled=true",
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("(StateMachineAlreadyExists)"), "{err}");
    let (code, _) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--type",
        "EXPRESS",
    ]);
    assert_eq!(code, 254);
}

#[test]
fn a_repeated_create_that_published_returns_the_same_version() {
    let sfn = Sfn::new();
    let args = [
        "create-state-machine",
        "--name",
        "p",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--publish",
    ];
    let first = sfn.json(&args);
    let second = sfn.json(&args);
    assert_eq!(
        first["stateMachineVersionArn"],
        json!(format!("{}:1", arn("p")))
    );
    assert_eq!(first, second);
}
