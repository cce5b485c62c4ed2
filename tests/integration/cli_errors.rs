//! What goes wrong, what `sfn` prints on stderr and its exit code (as AWS CLI v2):
//! 252 bad syntax or parameters, 253 bad configuration, 254 service errors, 255 the rest.
use crate::cli_support;

use cli_support::{arn, Sfn, HELLO, ROLE};

#[test]
fn service_errors_exit_254_with_the_aws_message() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "describe-state-machine",
        "--state-machine-arn",
        &arn("ghost"),
    ]);
    assert_eq!(code, 254);
    assert_eq!(
        err,
        format!("\nAn error occurred (StateMachineDoesNotExist) when calling the DescribeStateMachine operation: State Machine Does Not Exist: '{}'\n", arn("ghost"))
    );
}

#[test]
fn a_missing_parameter_file_exits_252() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        "file://nope.json",
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(code, 252);
    assert_eq!(err, "\nError parsing parameter '--definition': Unable to load paramfile file://nope.json: No such file or directory\n");
}

#[test]
fn bad_json_in_a_structure_flag_exits_252() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--tracing-configuration",
        "{enabled: yes",
    ]);
    assert_eq!(code, 252);
    assert!(
        err.starts_with("\nError parsing parameter '--tracing-configuration': Invalid JSON:"),
        "{err}"
    );
    assert!(err.contains("JSON received: {enabled: yes"), "{err}");
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--tags",
        "[{",
    ]);
    assert_eq!(code, 252);
    assert!(
        err.contains("Error parsing parameter '--tags': Invalid JSON"),
        "{err}"
    );
}

#[test]
fn bad_shorthand_exits_252() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--tracing-configuration",
        "enabled",
    ]);
    assert_eq!(code, 252);
    assert!(
        err.contains(
            "Error parsing parameter '--tracing-configuration': Expected: '<key>=<value>'"
        ),
        "{err}"
    );
}

#[test]
fn bad_flag_values_exit_252() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["list-state-machines", "--max-items", "many"]);
    assert_eq!(code, 252);
    assert!(
        err.contains("sfn: error: argument --max-items: invalid int value: 'many'"),
        "{err}"
    );
    let (code, err) = sfn.fail(&["list-state-machines", "--max-results", "1.5"]);
    assert_eq!(code, 252);
    assert!(err.contains("'--max-results'"), "{err}");
    let (code, err) = sfn.fail(&["list-state-machines", "--output", "yaml-ish"]);
    assert_eq!(code, 252);
    assert!(err.contains("--output"), "{err}");
    let (code, err) = sfn.fail(&["list-state-machines", "--query", "[[["]);
    assert_eq!(code, 252);
    assert!(err.contains("Bad value for --query"), "{err}");
}

#[test]
fn values_below_the_model_minimum_exit_252() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(code, 252);
    assert_eq!(err, "\nParameter validation failed:\nInvalid length for parameter name, value: 0, valid min length: 1\n");
}

#[test]
fn unknown_flags_and_commands_exit_252() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["list-state-machines", "--bogus"]);
    assert_eq!(code, 252);
    assert!(err.contains("--bogus"), "{err}");
    let (code, _) = sfn.fail(&["frobnicate"]);
    assert_eq!(code, 252);
    let (code, _) = sfn.fail(&[]);
    assert_eq!(code, 252);
}

#[test]
fn ambiguous_prefixes_exit_252() {
    let sfn = Sfn::new();
    // --no-p could be --no-paginate or --no-publish.
    let (code, _) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "m",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--no-p",
    ]);
    assert_eq!(code, 252);
}

#[test]
fn missing_required_flags_exit_252_and_name_them() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["create-state-machine", "--name", "m"]);
    assert_eq!(code, 252);
    assert!(
        err.contains("the following arguments are required: --definition, --role-arn"),
        "{err}"
    );
}

#[test]
fn a_bad_output_setting_in_the_environment_exits_255() {
    // The AWS CLI's formatter lookup raises `ValueError("Unknown output type: xml")`,
    // which its general handler reports with 255.
    let sfn = Sfn::new();
    let out = sfn
        .cmd()
        .env("AWS_DEFAULT_OUTPUT", "xml")
        .args(["list-state-machines"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(255));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "\nUnknown output type: xml\n"
    );
}

#[test]
fn service_errors_of_map_run_operations_exit_254() {
    // UpdateMapRun was this file's example of an unbuilt operation; it is built now.
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "update-map-run",
        "--map-run-arn",
        "arn:aws:states:us-east-1:123456789012:mapRun:m/x:y",
    ]);
    assert_eq!(code, 254);
    assert!(
        err.contains("(ResourceNotFound) when calling the UpdateMapRun operation"),
        "{err}"
    );
}

#[test]
fn an_unusable_store_exits_255() {
    let sfn = Sfn::new();
    sfn.write(
        "not-a-db",
        "this is not sqlite, just some text that is long enough to matter......",
    );
    let (code, err) = sfn.fail(&["--db", "not-a-db", "list-state-machines"]);
    assert_eq!(code, 255);
    assert!(err.contains("sfn:"), "{err}");
}

#[test]
fn help_and_version_exit_0() {
    let sfn = Sfn::new();
    assert!(sfn.stdout(&["--version"]).starts_with("sfn "));
    assert!(sfn
        .stdout(&["create-state-machine", "--help"])
        .contains("--role-arn"));
}

#[test]
fn a_trailing_help_shows_the_command_help() {
    let sfn = Sfn::new();
    assert!(sfn
        .stdout(&["describe-state-machine", "help"])
        .contains("--state-machine-arn"));
}

#[test]
fn enum_values_outside_the_model_set_are_validation_errors() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "describe-state-machine",
        "--state-machine-arn",
        &arn("m"),
        "--included-data",
        "SOME",
    ]);
    assert_eq!(code, 254);
    assert_eq!(
        err,
        "\nAn error occurred (ValidationException) when calling the DescribeStateMachine operation: 1 validation error detected: Value 'SOME' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [ALL_DATA, METADATA_ONLY]\n"
    );
}
