//! create/describe/update/delete/list-state-machine-alias, and alias ARNs in
//! start-execution (routing by weight, seeded by SFN_RANDOM_SEED) and list-executions.
use crate::cli_support;

use cli_support::{arn, Sfn, ROLE};
use serde_json::{json, Value};

const V1: &str =
    r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "one", "End": true}}}"#;
const V2: &str =
    r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "two", "End": true}}}"#;
const V3: &str =
    r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "three", "End": true}}}"#;

/// A machine `name` with versions 1, 2 and 3 (definitions V1, V2, V3); returns its ARN.
fn machine_with_versions(sfn: &Sfn, name: &str) -> String {
    let out = sfn.json(&[
        "create-state-machine",
        "--name",
        name,
        "--definition",
        V1,
        "--role-arn",
        ROLE,
        "--publish",
    ]);
    let machine = out["stateMachineArn"].as_str().unwrap().to_string();
    for definition in [V2, V3] {
        sfn.json(&[
            "update-state-machine",
            "--state-machine-arn",
            &machine,
            "--definition",
            definition,
            "--publish",
        ]);
    }
    machine
}

fn route(version: &str, weight: i64) -> String {
    format!("stateMachineVersionArn={version},weight={weight}")
}

fn create_alias(sfn: &Sfn, name: &str, routes: &[String], extra: &[&str]) -> Value {
    let mut args = vec!["create-state-machine-alias", "--name", name];
    args.extend_from_slice(extra);
    args.push("--routing-configuration");
    args.extend(routes.iter().map(String::as_str));
    sfn.json(&args)
}

fn alias_error(sfn: &Sfn, name: &str, routes: &[String]) -> (i32, String) {
    let mut args = vec!["create-state-machine-alias", "--name", name];
    args.push("--routing-configuration");
    args.extend(routes.iter().map(String::as_str));
    sfn.fail(&args)
}

fn service_error(sfn: &Sfn, args: &[&str], code: &str, operation: &str) -> String {
    let (exit, stderr) = sfn.fail(args);
    assert_eq!(exit, 254, "{stderr}");
    let prefix = format!("An error occurred ({code}) when calling the {operation} operation: ");
    stderr
        .trim()
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("expected {code} from {operation}, got: {stderr}"))
        .to_string()
}

fn create_failure(sfn: &Sfn, name: &str, routes: &[String], code: &str) -> String {
    let (exit, stderr) = alias_error(sfn, name, routes);
    assert_eq!(exit, 254, "{stderr}");
    let prefix =
        format!("An error occurred ({code}) when calling the CreateStateMachineAlias operation: ");
    stderr
        .trim()
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("expected {code}, got: {stderr}"))
        .to_string()
}

fn alias_arns(list: &Value) -> Vec<String> {
    list["stateMachineAliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["stateMachineAliasArn"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn create_describe_and_list_an_alias() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let v1 = format!("{machine}:1");
    let out = create_alias(
        &sfn,
        "PROD",
        &[route(&v1, 100)],
        &["--description", "create state machine alias description"],
    );
    let alias = format!("{machine}:PROD");
    assert_eq!(out["stateMachineAliasArn"], json!(alias));
    assert!(out["creationDate"].is_string());
    assert_eq!(out.as_object().unwrap().len(), 2);

    let described = sfn.json(&[
        "describe-state-machine-alias",
        "--state-machine-alias-arn",
        &alias,
    ]);
    assert_eq!(described["stateMachineAliasArn"], json!(alias));
    assert_eq!(described["name"], "PROD");
    assert_eq!(
        described["description"],
        "create state machine alias description"
    );
    assert_eq!(
        described["routingConfiguration"],
        json!([{"stateMachineVersionArn": v1, "weight": 100}])
    );
    assert_eq!(described["creationDate"], out["creationDate"]);

    // The same request again is idempotent; a different one conflicts.
    let again = create_alias(
        &sfn,
        "PROD",
        &[route(&v1, 100)],
        &["--description", "create state machine alias description"],
    );
    assert_eq!(again, out);
    let conflict = "Failed to create alias because an alias with the same name and a different routing configuration already exists.";
    let mut args = vec![
        "create-state-machine-alias",
        "--name",
        "PROD",
        "--description",
        "This is a different description",
        "--routing-configuration",
    ];
    let r = route(&v1, 100);
    args.push(&r);
    let message = service_error(&sfn, &args, "ConflictException", "CreateStateMachineAlias");
    assert_eq!(message, conflict);
    let two = [route(&v1, 50), route(&format!("{machine}:2"), 50)];
    let mut args = vec![
        "create-state-machine-alias",
        "--name",
        "PROD",
        "--description",
        "create state machine alias description",
        "--routing-configuration",
    ];
    args.extend(two.iter().map(String::as_str));
    assert_eq!(
        service_error(&sfn, &args, "ConflictException", "CreateStateMachineAlias"),
        conflict
    );

    create_alias(&sfn, "PROD-second", &[route(&v1, 100)], &[]);
    let list = sfn.json(&[
        "list-state-machine-aliases",
        "--state-machine-arn",
        &machine,
    ]);
    assert_eq!(
        alias_arns(&list),
        [alias.clone(), format!("{machine}:PROD-second")]
    );
    assert!(list["stateMachineAliases"][0]["creationDate"].is_string());
}

#[test]
fn alias_names_follow_the_model_pattern() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let routes = [route(&format!("{machine}:1"), 100)];
    let pattern = r"^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$";
    for bad in ["123", "INVALID ALIAS", "!INVALID", "ALIAS@"] {
        let message = create_failure(&sfn, bad, &routes, "ValidationException");
        assert_eq!(
            message,
            format!("1 validation error detected: Value '{bad}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}")
        );
    }
    let long = "A".repeat(81);
    let message = create_failure(&sfn, &long, &routes, "ValidationException");
    assert_eq!(
        message,
        format!("1 validation error detected: Value '{long}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80")
    );
    let (exit, stderr) = alias_error(&sfn, "", &routes);
    assert_eq!(exit, 252, "{stderr}");
    assert!(
        stderr.contains("Invalid length for parameter name, value: 0, valid min length: 1"),
        "{stderr}"
    );
    create_alias(&sfn, &"A".repeat(80), &routes, &[]);
    create_alias(&sfn, "v1.0_beta-2", &routes, &[]);
}

#[test]
fn routing_configurations_are_checked_as_aws_does() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let v = |n: u32| format!("{machine}:{n}");

    let message = create_failure(
        &sfn,
        "a",
        &[route(&v(1), 50), route(&v(2), 30), route(&v(3), 20)],
        "ValidationException",
    );
    assert_eq!(
        message,
        format!("1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn={}, weight=50), RoutingConfigurationListItem(stateMachineVersionArn={}, weight=30), RoutingConfigurationListItem(stateMachineVersionArn={}, weight=20)]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2", v(1), v(2), v(3))
    );
    assert_eq!(
        create_failure(
            &sfn,
            "a",
            &[route(&v(1), 50), route(&v(1), 50)],
            "ValidationException"
        ),
        format!(
            "Routing configuration must contain distinct state machine version ARNs. Received: [{}, {}]",
            v(1),
            v(1)
        )
    );
    assert_eq!(
        create_failure(
            &sfn,
            "a",
            &[route(&machine, 70), route(&v(2), 30)],
            "ValidationException"
        ),
        format!(
            "Routing configuration must contain state machine version ARNs. Received: [{machine}, {}]",
            v(2)
        )
    );
    assert_eq!(
        create_failure(&sfn, "a", &[route(&v(1), 101)], "ValidationException"),
        "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100"
    );
    assert_eq!(
        create_failure(
            &sfn,
            "a",
            &[route(&v(1), 70), route(&v(2), 29)],
            "ValidationException"
        ),
        "Sum of routing configuration weights must equal 100. Received: [70, 29]"
    );
    assert_eq!(
        create_failure(
            &sfn,
            "a",
            &[route(&v(1), 70), route(&v(2), 31)],
            "ValidationException"
        ),
        "Sum of routing configuration weights must equal 100. Received: [70, 31]"
    );
    let (exit, stderr) = alias_error(&sfn, "a", &[route(&v(1), -1)]);
    assert_eq!(exit, 252, "{stderr}");
    assert!(
        stderr.contains(
            "Invalid value for parameter routingConfiguration[0].weight, value: -1, valid min value: 0"
        ),
        "{stderr}"
    );
    let (exit, stderr) = sfn.fail(&[
        "create-state-machine-alias",
        "--name",
        "a",
        "--routing-configuration",
        "[]",
    ]);
    assert_eq!(exit, 252, "{stderr}");

    // Versions of two machines, and versions that do not exist.
    let other = machine_with_versions(&sfn, "other");
    create_failure(
        &sfn,
        "a",
        &[route(&v(1), 50), route(&format!("{other}:1"), 50)],
        "ValidationException",
    );
    assert_eq!(
        create_failure(&sfn, "a", &[route(&v(9), 100)], "ResourceNotFound"),
        "Request references a resource that does not exist."
    );
    assert_eq!(
        create_failure(
            &sfn,
            "a",
            &[route(&format!("{}:1", arn("ghost")), 100)],
            "ResourceNotFound"
        ),
        "Request references a resource that does not exist."
    );
    // Nothing was created by the failures.
    let list = sfn.json(&[
        "list-state-machine-aliases",
        "--state-machine-arn",
        &machine,
    ]);
    assert!(alias_arns(&list).is_empty());
}

#[test]
fn update_changes_description_and_routing() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let v1 = format!("{machine}:1");
    let v2 = format!("{machine}:2");
    create_alias(&sfn, "live", &[route(&v1, 100)], &["--description", "old"]);
    let alias = format!("{machine}:live");

    let out = sfn.json(&[
        "update-state-machine-alias",
        "--state-machine-alias-arn",
        &alias,
        "--description",
        "new description",
    ]);
    assert!(out["updateDate"].is_string());
    assert_eq!(out.as_object().unwrap().len(), 1);
    let described = sfn.json(&[
        "describe-state-machine-alias",
        "--state-machine-alias-arn",
        &alias,
    ]);
    assert_eq!(described["description"], "new description");
    assert_eq!(described["updateDate"], out["updateDate"]);

    let r1 = route(&v1, 50);
    let r2 = route(&v2, 50);
    sfn.json(&[
        "update-state-machine-alias",
        "--state-machine-alias-arn",
        &alias,
        "--routing-configuration",
        &r1,
        &r2,
    ]);
    let described = sfn.json(&[
        "describe-state-machine-alias",
        "--state-machine-alias-arn",
        &alias,
    ]);
    assert_eq!(
        described["routingConfiguration"],
        json!([
            {"stateMachineVersionArn": v1, "weight": 50},
            {"stateMachineVersionArn": v2, "weight": 50}
        ])
    );
    assert_eq!(described["description"], "new description");

    let message = service_error(
        &sfn,
        &[
            "update-state-machine-alias",
            "--state-machine-alias-arn",
            &alias,
        ],
        "ValidationException",
        "UpdateStateMachineAlias",
    );
    assert!(message.contains("routingConfiguration"), "{message}");
    let other = machine_with_versions(&sfn, "other");
    let foreign = route(&format!("{other}:1"), 100);
    service_error(
        &sfn,
        &[
            "update-state-machine-alias",
            "--state-machine-alias-arn",
            &alias,
            "--routing-configuration",
            &foreign,
        ],
        "ValidationException",
        "UpdateStateMachineAlias",
    );
    let bad_sum = route(&v1, 99);
    service_error(
        &sfn,
        &[
            "update-state-machine-alias",
            "--state-machine-alias-arn",
            &alias,
            "--routing-configuration",
            &bad_sum,
        ],
        "ValidationException",
        "UpdateStateMachineAlias",
    );
}

#[test]
fn deleted_aliases_are_gone_and_deleting_twice_succeeds() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    create_alias(&sfn, "a", &[route(&format!("{machine}:1"), 100)], &[]);
    let alias = format!("{machine}:a");
    let delete = [
        "delete-state-machine-alias",
        "--state-machine-alias-arn",
        alias.as_str(),
    ];
    assert_eq!(sfn.json(&delete), json!({}));
    assert_eq!(sfn.json(&delete), json!({}));
    let message = service_error(
        &sfn,
        &[
            "describe-state-machine-alias",
            "--state-machine-alias-arn",
            &alias,
        ],
        "ResourceNotFound",
        "DescribeStateMachineAlias",
    );
    assert_eq!(
        message,
        "Request references a resource that does not exist."
    );
    service_error(
        &sfn,
        &[
            "update-state-machine-alias",
            "--state-machine-alias-arn",
            &alias,
            "--description",
            "Updated state machine alias description",
        ],
        "ResourceNotFound",
        "UpdateStateMachineAlias",
    );
    for bad in [
        machine.as_str(),
        "nope",
        "arn:aws:states:us-east-1:123456789012:activity:a:b",
    ] {
        service_error(
            &sfn,
            &[
                "describe-state-machine-alias",
                "--state-machine-alias-arn",
                bad,
            ],
            "InvalidArn",
            "DescribeStateMachineAlias",
        );
        service_error(
            &sfn,
            &[
                "delete-state-machine-alias",
                "--state-machine-alias-arn",
                bad,
            ],
            "InvalidArn",
            "DeleteStateMachineAlias",
        );
    }
}

#[test]
fn versions_referenced_by_an_alias_cannot_be_deleted() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let v1 = format!("{machine}:1");
    let v2 = format!("{machine}:2");
    create_alias(&sfn, "a", &[route(&v1, 100)], &[]);
    create_alias(&sfn, "b", &[route(&v1, 40), route(&v2, 60)], &[]);
    let delete_v1 = [
        "delete-state-machine-version",
        "--state-machine-version-arn",
        v1.as_str(),
    ];
    let message = service_error(
        &sfn,
        &delete_v1,
        "ConflictException",
        "DeleteStateMachineVersion",
    );
    assert_eq!(message, "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [a, b]");

    let r2 = route(&v2, 100);
    for alias in ["a", "b"] {
        sfn.json(&[
            "update-state-machine-alias",
            "--state-machine-alias-arn",
            &format!("{machine}:{alias}"),
            "--routing-configuration",
            &r2,
        ]);
    }
    assert_eq!(sfn.json(&delete_v1), json!({}));
}

#[test]
fn list_aliases_pages_and_filters_by_version() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let v1 = format!("{machine}:1");
    let v2 = format!("{machine}:2");
    for (name, version) in [("a0", &v1), ("a1", &v2), ("a2", &v1)] {
        create_alias(&sfn, name, &[route(version, 100)], &[]);
    }
    let page = sfn.json(&[
        "list-state-machine-aliases",
        "--state-machine-arn",
        &machine,
        "--max-results",
        "2",
    ]);
    assert_eq!(
        alias_arns(&page),
        [format!("{machine}:a0"), format!("{machine}:a1")]
    );
    let rest = sfn.json(&[
        "list-state-machine-aliases",
        "--state-machine-arn",
        &machine,
        "--next-token",
        page["nextToken"].as_str().unwrap(),
    ]);
    assert_eq!(alias_arns(&rest), [format!("{machine}:a2")]);
    assert!(rest.get("nextToken").is_none());

    let by_version = sfn.json(&["list-state-machine-aliases", "--state-machine-arn", &v1]);
    assert_eq!(
        alias_arns(&by_version),
        [format!("{machine}:a0"), format!("{machine}:a2")]
    );

    service_error(
        &sfn,
        &[
            "list-state-machine-aliases",
            "--state-machine-arn",
            &machine,
            "--next-token",
            "InvalidToken",
        ],
        "InvalidToken",
        "ListStateMachineAliases",
    );
    let message = service_error(
        &sfn,
        &[
            "list-state-machine-aliases",
            "--state-machine-arn",
            &arn("ghost"),
        ],
        "StateMachineDoesNotExist",
        "ListStateMachineAliases",
    );
    assert_eq!(
        message,
        format!("State Machine Does Not Exist: '{}'", arn("ghost"))
    );
    service_error(
        &sfn,
        &[
            "list-state-machine-aliases",
            "--state-machine-arn",
            &format!("{machine}:9"),
        ],
        "ResourceNotFound",
        "ListStateMachineAliases",
    );
    service_error(
        &sfn,
        &["list-state-machine-aliases", "--state-machine-arn", "nope"],
        "InvalidArn",
        "ListStateMachineAliases",
    );
}

/// Starts `count` executions through `alias` under `seed` and returns each one's output.
fn outputs_through(sfn: &Sfn, alias: &str, seed: &str, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let out = sfn
                .cmd()
                .env("SFN_RANDOM_SEED", seed)
                .args([
                    "start-execution",
                    "--state-machine-arn",
                    alias,
                    "--name",
                    &format!("run-{i}"),
                ])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let started: Value = serde_json::from_slice(&out.stdout).unwrap();
            let described = sfn.json(&[
                "describe-execution",
                "--execution-arn",
                started["executionArn"].as_str().unwrap(),
            ]);
            described["output"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn start_execution_through_an_alias_routes_by_weight_reproducibly() {
    let runs = || {
        let sfn = Sfn::new();
        let machine = machine_with_versions(&sfn, "m");
        create_alias(
            &sfn,
            "split",
            &[
                route(&format!("{machine}:1"), 50),
                route(&format!("{machine}:2"), 50),
            ],
            &[],
        );
        outputs_through(&sfn, &format!("{machine}:split"), "42", 16)
    };
    let first = runs();
    // The same seed replays the same routing on a fresh store.
    assert_eq!(first, runs());
    assert!(first.iter().any(|o| o == "\"one\""), "{first:?}");
    assert!(first.iter().any(|o| o == "\"two\""), "{first:?}");
    assert!(first.iter().all(|o| o == "\"one\"" || o == "\"two\""));

    // A weight of 0 is never chosen, whatever the draw.
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    create_alias(
        &sfn,
        "all-on-3",
        &[
            route(&format!("{machine}:1"), 0),
            route(&format!("{machine}:3"), 100),
        ],
        &[],
    );
    let outputs = outputs_through(&sfn, &format!("{machine}:all-on-3"), "7", 8);
    assert!(outputs.iter().all(|o| o == "\"three\""), "{outputs:?}");
}

#[test]
fn executions_through_an_alias_record_alias_and_version() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let v2 = format!("{machine}:2");
    create_alias(&sfn, "live", &[route(&v2, 100)], &[]);
    let alias = format!("{machine}:live");
    let started = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &alias,
        "--name",
        "via-alias",
    ]);
    let execution = started["executionArn"].as_str().unwrap();
    assert_eq!(
        execution,
        "arn:aws:states:us-east-1:123456789012:execution:m:via-alias"
    );
    sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &v2,
        "--name",
        "via-version",
    ]);
    sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &machine,
        "--name",
        "plain",
    ]);

    let described = sfn.describe(execution);
    assert_eq!(described["stateMachineArn"], json!(machine));
    assert_eq!(described["stateMachineAliasArn"], json!(alias));
    assert_eq!(described["stateMachineVersionArn"], json!(v2));
    assert_eq!(described["output"], "\"two\"");
    let history = sfn.json(&["get-execution-history", "--execution-arn", execution]);
    let details = &history["events"][0]["executionStartedEventDetails"];
    assert_eq!(details["stateMachineAliasArn"], json!(alias));
    assert_eq!(details["stateMachineVersionArn"], json!(v2));

    let names = |target: &str| -> Vec<String> {
        let mut n: Vec<String> = sfn.json(&["list-executions", "--state-machine-arn", target])
            ["executions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&alias), ["via-alias"]);
    assert_eq!(names(&v2), ["via-alias", "via-version"]);
    assert_eq!(names(&machine), ["plain", "via-alias", "via-version"]);
    let listed = sfn.json(&["list-executions", "--state-machine-arn", &alias]);
    assert_eq!(
        listed["executions"][0]["stateMachineAliasArn"],
        json!(alias)
    );
    assert_eq!(listed["executions"][0]["stateMachineVersionArn"], json!(v2));

    let ghost = format!("{machine}:ghost");
    let message = service_error(
        &sfn,
        &["start-execution", "--state-machine-arn", &ghost],
        "StateMachineDoesNotExist",
        "StartExecution",
    );
    assert_eq!(message, format!("State Machine Does Not Exist: '{ghost}'"));
    service_error(
        &sfn,
        &["list-executions", "--state-machine-arn", &ghost],
        "StateMachineDoesNotExist",
        "ListExecutions",
    );
}

#[test]
fn deleting_the_machine_deletes_its_aliases() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    create_alias(&sfn, "a", &[route(&format!("{machine}:1"), 100)], &[]);
    sfn.json(&["delete-state-machine", "--state-machine-arn", &machine]);
    service_error(
        &sfn,
        &[
            "describe-state-machine-alias",
            "--state-machine-alias-arn",
            &format!("{machine}:a"),
        ],
        "ResourceNotFound",
        "DescribeStateMachineAlias",
    );
    sfn.create("m");
    let list = sfn.json(&[
        "list-state-machine-aliases",
        "--state-machine-arn",
        &machine,
    ]);
    assert!(alias_arns(&list).is_empty());
}

#[test]
fn alias_descriptions_are_limited_and_redacted() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let long = "d".repeat(257);
    let mut args = vec![
        "create-state-machine-alias",
        "--name",
        "a",
        "--description",
        &long,
        "--routing-configuration",
    ];
    let r = route(&format!("{machine}:1"), 100);
    args.push(&r);
    let message = service_error(
        &sfn,
        &args,
        "ValidationException",
        "CreateStateMachineAlias",
    );
    assert!(message.contains("'*** Sensitive Data Redacted ***' at 'description'"));
}

#[test]
fn malformed_routing_entries_fail_parameter_validation() {
    let sfn = Sfn::new();
    let machine = machine_with_versions(&sfn, "m");
    let v1 = format!("{machine}:1");
    let cases = [
        (
            format!(r#"[{{"stateMachineVersionArn": "{v1}", "weight": "50"}}]"#),
            "Invalid type for parameter routingConfiguration[0].weight, value: 50, type: <class 'str'>, valid types: <class 'int'>",
        ),
        (
            format!(r#"[{{"stateMachineVersionArn": "{v1}"}}]"#),
            "Missing required parameter in routingConfiguration[0]: \"weight\"",
        ),
        (
            format!(r#"[{{"stateMachineVersionArn": "{v1}", "weight": 100, "extra": 1}}]"#),
            "Unknown parameter in routingConfiguration[0]: \"extra\", must be one of: stateMachineVersionArn, weight",
        ),
        (
            r#"[{"stateMachineVersionArn": "", "weight": 100}]"#.to_string(),
            "Invalid length for parameter routingConfiguration[0].stateMachineVersionArn, value: 0, valid min length: 1",
        ),
    ];
    for (routing, expected) in cases {
        let (exit, stderr) = sfn.fail(&[
            "create-state-machine-alias",
            "--name",
            "123",
            "--routing-configuration",
            &routing,
        ]);
        assert_eq!(exit, 252, "{stderr}");
        assert!(
            stderr.contains(&format!("Parameter validation failed:\n{expected}")),
            "{stderr}"
        );
    }
}
