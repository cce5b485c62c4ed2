//! publish-state-machine-version, list/delete-state-machine-version, `--publish` on
//! create/update, and version ARNs in describe-state-machine, start-execution and
//! list-executions, as AWS answers them.
use crate::cli_support;

use cli_support::{arn, Sfn, ROLE};
use serde_json::{json, Value};

const V1: &str =
    r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "one", "End": true}}}"#;
const V2: &str =
    r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "two", "End": true}}}"#;
const V3: &str =
    r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "three", "End": true}}}"#;

fn create(sfn: &Sfn, name: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "create-state-machine",
        "--name",
        name,
        "--definition",
        V1,
        "--role-arn",
        ROLE,
    ];
    args.extend_from_slice(extra);
    sfn.json(&args)
}

fn update(sfn: &Sfn, machine: &str, definition: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "update-state-machine",
        "--state-machine-arn",
        machine,
        "--definition",
        definition,
    ];
    args.extend_from_slice(extra);
    sfn.json(&args)
}

fn publish(sfn: &Sfn, machine: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "publish-state-machine-version",
        "--state-machine-arn",
        machine,
    ];
    args.extend_from_slice(extra);
    sfn.json(&args)
}

fn versions(sfn: &Sfn, machine: &str) -> Vec<String> {
    let out = sfn.json(&[
        "list-state-machine-versions",
        "--state-machine-arn",
        machine,
    ]);
    out["stateMachineVersions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["stateMachineVersionArn"].as_str().unwrap().to_string())
        .collect()
}

fn service_error(sfn: &Sfn, args: &[&str], code: &str, operation: &str) -> String {
    let (exit, stderr) = sfn.fail(args);
    assert_eq!(exit, 254, "{stderr}");
    let prefix = format!("An error occurred ({code}) when calling the {operation} operation: ");
    let message = stderr
        .trim()
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("expected {code} from {operation}, got: {stderr}"));
    message.to_string()
}

#[test]
fn create_with_publish_returns_version_one_which_describes_as_the_machine() {
    let sfn = Sfn::new();
    let out = create(
        &sfn,
        "m",
        &["--publish", "--version-description", "HelloWorld!"],
    );
    let version = format!("{}:1", arn("m"));
    assert_eq!(out["stateMachineVersionArn"], json!(version));
    assert_eq!(out["stateMachineArn"], json!(arn("m")));

    let described = sfn.json(&["describe-state-machine", "--state-machine-arn", &version]);
    assert_eq!(described["stateMachineArn"], json!(version));
    assert_eq!(described["name"], "m");
    assert_eq!(described["status"], "ACTIVE");
    assert_eq!(described["definition"], V1);
    assert_eq!(described["description"], "HelloWorld!");
    assert_eq!(described["type"], "STANDARD");
    // A machine never updated has no revision yet.
    assert!(described.get("revisionId").is_none(), "{described}");

    let machine = sfn.json(&["describe-state-machine", "--state-machine-arn", &arn("m")]);
    assert!(machine.get("description").is_none(), "{machine}");
}

#[test]
fn version_description_without_publish_is_a_validation_error() {
    let sfn = Sfn::new();
    let args = [
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        V1,
        "--role-arn",
        ROLE,
        "--version-description",
        "HelloWorld!",
    ];
    let message = service_error(&sfn, &args, "ValidationException", "CreateStateMachine");
    assert_eq!(
        message,
        "Version description can only be set when publish is true"
    );
    let machine = sfn.create("n");
    let args = [
        "update-state-machine",
        "--state-machine-arn",
        &machine,
        "--definition",
        V2,
        "--version-description",
        "x",
        "--no-publish",
    ];
    service_error(&sfn, &args, "ValidationException", "UpdateStateMachine");
}

#[test]
fn update_with_publish_creates_a_version_per_revision() {
    let sfn = Sfn::new();
    let machine = sfn.create("m");
    let first = update(&sfn, &machine, V2, &["--publish"]);
    assert_eq!(
        first["stateMachineVersionArn"],
        json!(format!("{machine}:1"))
    );
    let revision = first["revisionId"].as_str().unwrap().to_string();

    // Nothing changed: same revision, so the same version comes back.
    let again = update(&sfn, &machine, V2, &["--publish"]);
    assert_eq!(
        again["stateMachineVersionArn"],
        json!(format!("{machine}:1"))
    );
    assert_eq!(again["revisionId"], json!(revision));

    let second = update(&sfn, &machine, V3, &["--publish"]);
    assert_eq!(
        second["stateMachineVersionArn"],
        json!(format!("{machine}:2"))
    );
    assert_ne!(second["revisionId"], json!(revision));
    assert_eq!(
        versions(&sfn, &machine),
        [format!("{machine}:2"), format!("{machine}:1")]
    );

    // Without --publish no version is created or returned.
    let plain = update(&sfn, &machine, V1, &[]);
    assert!(plain.get("stateMachineVersionArn").is_none(), "{plain}");
    assert_eq!(versions(&sfn, &machine).len(), 2);
}

#[test]
fn update_without_change_keeps_the_initial_revision() {
    let sfn = Sfn::new();
    create(&sfn, "m", &[]);
    let machine = arn("m");
    let first = update(&sfn, &machine, V1, &["--publish"]);
    assert_eq!(
        first["stateMachineVersionArn"],
        json!(format!("{machine}:1"))
    );
    assert!(first.get("revisionId").is_none(), "{first}");
    let second = update(&sfn, &machine, V1, &["--publish"]);
    assert_eq!(
        second["stateMachineVersionArn"],
        json!(format!("{machine}:1"))
    );
}

#[test]
fn publish_is_idempotent_and_snapshots_the_current_revision() {
    let sfn = Sfn::new();
    let machine = sfn.create("m");
    let v1 = publish(&sfn, &machine, &[]);
    assert_eq!(v1["stateMachineVersionArn"], json!(format!("{machine}:1")));
    assert!(v1["creationDate"].is_string());
    let same = publish(&sfn, &machine, &["--description", "ignored"]);
    assert_eq!(same, v1);
    assert_eq!(versions(&sfn, &machine).len(), 1);

    let updated = update(&sfn, &machine, V2, &[]);
    let v2 = publish(&sfn, &machine, &["--description", "PublishedV2Description"]);
    assert_eq!(v2["stateMachineVersionArn"], json!(format!("{machine}:2")));
    let described = sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        &format!("{machine}:2"),
    ]);
    assert_eq!(described["definition"], V2);
    assert_eq!(described["description"], "PublishedV2Description");
    assert_eq!(described["revisionId"], updated["revisionId"]);
    assert_eq!(described["creationDate"], v2["creationDate"]);

    // The first version still describes the first definition.
    let old = sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        &format!("{machine}:1"),
    ]);
    assert_eq!(old["definition"], cli_support::HELLO);
}

#[test]
fn revision_id_guards_publishing() {
    let sfn = Sfn::new();
    let machine = sfn.create("m");
    // INITIAL names the revision of a machine never updated.
    let v1 = publish(&sfn, &machine, &["--revision-id", "INITIAL"]);
    assert_eq!(v1["stateMachineVersionArn"], json!(format!("{machine}:1")));

    let r2 = update(&sfn, &machine, V2, &[])["revisionId"]
        .as_str()
        .unwrap()
        .to_string();
    let message = service_error(
        &sfn,
        &[
            "publish-state-machine-version",
            "--state-machine-arn",
            &machine,
            "--revision-id",
            "INITIAL",
        ],
        "ConflictException",
        "PublishStateMachineVersion",
    );
    assert_eq!(
        message,
        format!("Failed to publish the State Machine version for revision INITIAL. The current State Machine revision is {r2}.")
    );
    let r3 = update(&sfn, &machine, V3, &[])["revisionId"]
        .as_str()
        .unwrap()
        .to_string();
    let message = service_error(
        &sfn,
        &[
            "publish-state-machine-version",
            "--state-machine-arn",
            &machine,
            "--revision-id",
            &r2,
        ],
        "ConflictException",
        "PublishStateMachineVersion",
    );
    assert_eq!(
        message,
        format!("Failed to publish the State Machine version for revision {r2}. The current State Machine revision is {r3}.")
    );
    let v2 = publish(&sfn, &machine, &["--revision-id", &r3]);
    assert_eq!(v2["stateMachineVersionArn"], json!(format!("{machine}:2")));
}

#[test]
fn version_numbers_are_never_reused() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "m", &["--publish"])["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string();
    update(&sfn, &machine, V2, &["--publish"]);
    sfn.json(&[
        "delete-state-machine-version",
        "--state-machine-version-arn",
        &format!("{machine}:2"),
    ]);
    assert_eq!(versions(&sfn, &machine), [format!("{machine}:1")]);
    // The current revision's version was deleted: publishing makes a new number.
    let v3 = publish(&sfn, &machine, &[]);
    assert_eq!(v3["stateMachineVersionArn"], json!(format!("{machine}:3")));
}

#[test]
fn list_versions_pages_newest_first() {
    let sfn = Sfn::new();
    let machine = sfn.create("m");
    for i in 0..5 {
        let definition = format!(
            r#"{{"StartAt": "A", "States": {{"A": {{"Type": "Pass", "Result": {i}, "End": true}}}}}}"#
        );
        update(&sfn, &machine, &definition, &["--publish"]);
    }
    let page = sfn.json(&[
        "list-state-machine-versions",
        "--state-machine-arn",
        &machine,
        "--max-results",
        "2",
    ]);
    let arns = |v: &Value| -> Vec<String> {
        v["stateMachineVersions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["stateMachineVersionArn"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        arns(&page),
        [format!("{machine}:5"), format!("{machine}:4")]
    );
    let token = page["nextToken"].as_str().unwrap();
    let rest = sfn.json(&[
        "list-state-machine-versions",
        "--state-machine-arn",
        &machine,
        "--max-results",
        "3",
        "--next-token",
        token,
    ]);
    assert_eq!(
        arns(&rest),
        [
            format!("{machine}:3"),
            format!("{machine}:2"),
            format!("{machine}:1")
        ]
    );
    assert!(rest.get("nextToken").is_none(), "{rest}");
    let all = sfn.json(&[
        "list-state-machine-versions",
        "--state-machine-arn",
        &machine,
        "--max-results",
        "0",
    ]);
    assert_eq!(arns(&all).len(), 5);

    let list = |extra: &[&str]| {
        let mut args = vec![
            "list-state-machine-versions",
            "--state-machine-arn",
            &machine,
        ];
        args.extend_from_slice(extra);
        args.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let args = list(&["--max-results", "1001"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let message = service_error(
        &sfn,
        &args,
        "ValidationException",
        "ListStateMachineVersions",
    );
    assert!(message.contains("'maxResults'"), "{message}");
    let args = list(&["--next-token", "garbage"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    service_error(&sfn, &args, "InvalidToken", "ListStateMachineVersions");
    let long = "x".repeat(1025);
    let args = list(&["--next-token", &long]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let message = service_error(
        &sfn,
        &args,
        "ValidationException",
        "ListStateMachineVersions",
    );
    assert!(message.ends_with("Member must have length less than or equal to 1024"));
    let (exit, stderr) = sfn.fail(&[
        "list-state-machine-versions",
        "--state-machine-arn",
        &machine,
        "--next-token",
        "",
    ]);
    assert_eq!(exit, 252, "{stderr}");
}

#[test]
fn delete_version_succeeds_even_when_absent() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "m", &["--publish"])["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string();
    let version = format!("{machine}:1");
    let args = [
        "delete-state-machine-version",
        "--state-machine-version-arn",
        version.as_str(),
    ];
    assert_eq!(sfn.json(&args), json!({}));
    assert!(versions(&sfn, &machine).is_empty());
    assert_eq!(sfn.json(&args), json!({}));
    let message = service_error(
        &sfn,
        &["describe-state-machine", "--state-machine-arn", &version],
        "StateMachineDoesNotExist",
        "DescribeStateMachine",
    );
    assert_eq!(
        message,
        format!("State Machine Does Not Exist: '{version}'")
    );
    service_error(
        &sfn,
        &[
            "delete-state-machine-version",
            "--state-machine-version-arn",
            &machine,
        ],
        "InvalidArn",
        "DeleteStateMachineVersion",
    );
    service_error(
        &sfn,
        &[
            "delete-state-machine-version",
            "--state-machine-version-arn",
            "nope",
        ],
        "InvalidArn",
        "DeleteStateMachineVersion",
    );
}

#[test]
fn publish_errors() {
    let sfn = Sfn::new();
    let message = service_error(
        &sfn,
        &[
            "publish-state-machine-version",
            "--state-machine-arn",
            &arn("ghost"),
        ],
        "StateMachineDoesNotExist",
        "PublishStateMachineVersion",
    );
    assert_eq!(
        message,
        format!("State Machine Does Not Exist: '{}'", arn("ghost"))
    );
    let message = service_error(
        &sfn,
        &[
            "publish-state-machine-version",
            "--state-machine-arn",
            "invalid_arn",
        ],
        "InvalidArn",
        "PublishStateMachineVersion",
    );
    assert_eq!(message, "Invalid Arn: 'Invalid ARN prefix: invalid_arn'");
    let machine = sfn.create("m");
    let long = "d".repeat(257);
    let message = service_error(
        &sfn,
        &[
            "publish-state-machine-version",
            "--state-machine-arn",
            &machine,
            "--description",
            &long,
        ],
        "ValidationException",
        "PublishStateMachineVersion",
    );
    assert_eq!(message, "1 validation error detected: Value '*** Sensitive Data Redacted ***' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256");
}

#[test]
fn a_version_arn_cannot_be_updated() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "m", &["--publish"])["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string();
    let version = format!("{machine}:1");
    let message = service_error(
        &sfn,
        &[
            "update-state-machine",
            "--state-machine-arn",
            &version,
            "--definition",
            V2,
            "--publish",
        ],
        "StateMachineDoesNotExist",
        "UpdateStateMachine",
    );
    assert_eq!(
        message,
        format!("State Machine Does Not Exist: '{version}'")
    );
}

#[test]
fn executions_of_a_version_run_its_definition_and_record_it() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "m", &["--publish"])["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string();
    update(&sfn, &machine, V2, &[]);
    let version = format!("{machine}:1");
    let start = |target: &str, name: &str| {
        sfn.json(&[
            "start-execution",
            "--state-machine-arn",
            target,
            "--name",
            name,
        ])
    };
    let by_version = start(&version, "on-version");
    // Execution ARNs keep the plain form.
    assert_eq!(
        by_version["executionArn"],
        json!("arn:aws:states:us-east-1:123456789012:execution:m:on-version")
    );
    start(&machine, "on-latest");

    let described = sfn.json(&[
        "describe-execution",
        "--execution-arn",
        by_version["executionArn"].as_str().unwrap(),
    ]);
    assert_eq!(described["output"], "\"one\"");
    assert_eq!(described["stateMachineArn"], json!(machine));
    assert_eq!(described["stateMachineVersionArn"], json!(version));
    assert!(described.get("stateMachineAliasArn").is_none());
    let latest = sfn.json(&[
        "describe-execution",
        "--execution-arn",
        "arn:aws:states:us-east-1:123456789012:execution:m:on-latest",
    ]);
    assert_eq!(latest["output"], "\"two\"");
    assert!(latest.get("stateMachineVersionArn").is_none(), "{latest}");

    let history = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        by_version["executionArn"].as_str().unwrap(),
    ]);
    assert_eq!(
        history["events"][0]["executionStartedEventDetails"]["stateMachineVersionArn"],
        json!(version)
    );

    let names = |target: &str| -> Vec<String> {
        sfn.json(&["list-executions", "--state-machine-arn", target])["executions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&version), ["on-version"]);
    let mut all = names(&machine);
    all.sort();
    assert_eq!(all, ["on-latest", "on-version"]);
    let listed = sfn.json(&["list-executions", "--state-machine-arn", &version]);
    assert_eq!(
        listed["executions"][0]["stateMachineVersionArn"],
        json!(version)
    );
    service_error(
        &sfn,
        &[
            "list-executions",
            "--state-machine-arn",
            &format!("{machine}:9"),
        ],
        "StateMachineDoesNotExist",
        "ListExecutions",
    );
    let message = service_error(
        &sfn,
        &[
            "start-execution",
            "--state-machine-arn",
            &format!("{machine}:9"),
        ],
        "StateMachineDoesNotExist",
        "StartExecution",
    );
    assert_eq!(
        message,
        format!("State Machine Does Not Exist: '{machine}:9'")
    );
}

#[test]
fn deleting_the_machine_deletes_its_versions() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "m", &["--publish"])["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string();
    sfn.json(&["delete-state-machine", "--state-machine-arn", &machine]);
    service_error(
        &sfn,
        &[
            "describe-state-machine",
            "--state-machine-arn",
            &format!("{machine}:1"),
        ],
        "StateMachineDoesNotExist",
        "DescribeStateMachine",
    );
    service_error(
        &sfn,
        &[
            "list-state-machine-versions",
            "--state-machine-arn",
            &machine,
        ],
        "InvalidArn",
        "ListStateMachineVersions",
    );
    sfn.create("m");
    assert!(versions(&sfn, &machine).is_empty());
}

#[test]
fn describe_state_machine_for_an_execution_of_a_version_shows_that_revision() {
    let sfn = Sfn::new();
    let machine = sfn.create("m");
    let published = update(&sfn, &machine, V2, &["--publish"]);
    let later = update(&sfn, &machine, V3, &[]);
    assert_ne!(later["revisionId"], published["revisionId"]);
    let started = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &format!("{machine}:1"),
    ]);
    let described = sfn.json(&[
        "describe-state-machine-for-execution",
        "--execution-arn",
        started["executionArn"].as_str().unwrap(),
    ]);
    assert_eq!(described["stateMachineArn"], json!(machine));
    assert_eq!(described["definition"], V2);
    assert_eq!(described["revisionId"], published["revisionId"]);
}

#[test]
fn a_version_keeps_the_configuration_it_was_published_with() {
    let sfn = Sfn::new();
    let machine = create(&sfn, "m", &["--publish"])["stateMachineArn"]
        .as_str()
        .unwrap()
        .to_string();
    let out = sfn.json(&[
        "update-state-machine",
        "--state-machine-arn",
        &machine,
        "--tracing-configuration",
        "enabled=true",
        "--publish",
    ]);
    // A configuration change is a new revision, hence a new version.
    assert_eq!(out["stateMachineVersionArn"], json!(format!("{machine}:2")));
    let tracing = |target: &str| {
        sfn.json(&["describe-state-machine", "--state-machine-arn", target])["tracingConfiguration"]
            .clone()
    };
    assert_eq!(tracing(&format!("{machine}:1")), json!({"enabled": false}));
    assert_eq!(tracing(&format!("{machine}:2")), json!({"enabled": true}));
    assert_eq!(tracing(&machine), json!({"enabled": true}));
}
