//! A bad value is quoted in an error message by its first 100 characters and `...`, in the
//! message AWS would give: a megabyte pasted into a flag never comes back as a megabyte of
//! error.
use crate::cli_support;

use cli_support::{Sfn, ROLE};

const ACCOUNT: &str = "arn:aws:states:us-east-1:123456789012";

/// Runs a command that must fail; answers its stderr.
fn fails(sfn: &Sfn, args: &[&str]) -> String {
    let out = sfn.run(args);
    assert!(!out.status.success(), "sfn {args:?} succeeded");
    String::from_utf8(out.stderr).unwrap()
}

/// The message quotes `value` cut to its first 100 characters.
fn assert_quotes_cut(stderr: &str, value: &str, message_start: &str) {
    let head: String = value.chars().take(100).collect();
    let over: String = value.chars().take(101).collect();
    assert!(stderr.contains(message_start), "{stderr}");
    assert!(stderr.contains(&format!("{head}...")), "{stderr}");
    assert!(
        !stderr.contains(&over),
        "quoted whole: {} bytes",
        stderr.len()
    );
    assert!(stderr.len() < 600, "{} bytes of error", stderr.len());
}

#[test]
fn long_arns_are_quoted_cut() {
    let sfn = Sfn::new();
    let bad = format!("nope:{}", "x".repeat(5000));
    let stderr = fails(&sfn, &["describe-execution", "--execution-arn", &bad]);
    assert_quotes_cut(&stderr, &bad, "(InvalidArn)");

    let missing = format!("{ACCOUNT}:execution:m:{}", "e".repeat(5000));
    let stderr = fails(&sfn, &["describe-execution", "--execution-arn", &missing]);
    assert_quotes_cut(&stderr, &missing, "(ExecutionDoesNotExist)");

    let machine = format!("{ACCOUNT}:stateMachine:{}", "m".repeat(5000));
    let stderr = fails(&sfn, &["start-execution", "--state-machine-arn", &machine]);
    assert_quotes_cut(&stderr, &machine, "(StateMachineDoesNotExist)");
}

#[test]
fn long_names_and_tokens_are_quoted_cut() {
    let sfn = Sfn::new();
    let name = "n".repeat(5000);
    let stderr = fails(
        &sfn,
        &[
            "create-state-machine",
            "--name",
            &name,
            "--definition",
            cli_support::HELLO,
            "--role-arn",
            ROLE,
        ],
    );
    assert_quotes_cut(&stderr, &name, "(ValidationException)");

    let token = "t".repeat(5000);
    let stderr = fails(&sfn, &["list-state-machines", "--next-token", &token]);
    assert_quotes_cut(&stderr, &token, "(InvalidToken)");
}

#[test]
fn long_flag_values_are_quoted_cut() {
    let sfn = Sfn::new();
    let kind = "EXPRESS".repeat(500);
    let stderr = fails(
        &sfn,
        &[
            "create-state-machine",
            "--name",
            "m",
            "--definition",
            cli_support::HELLO,
            "--role-arn",
            ROLE,
            "--type",
            &kind,
        ],
    );
    assert_quotes_cut(&stderr, &kind, "(ValidationException)");

    let number = "9".repeat(5000);
    let stderr = fails(&sfn, &["list-state-machines", "--max-results", &number]);
    assert_quotes_cut(&stderr, &number, "invalid integer");

    let json = format!("{{{}", "\"k\": 1, ".repeat(1000));
    let stderr = fails(
        &sfn,
        &[
            "create-state-machine",
            "--name",
            "m",
            "--definition",
            cli_support::HELLO,
            "--role-arn",
            ROLE,
            "--tracing-configuration",
            &json,
        ],
    );
    assert_quotes_cut(&stderr, &json, "JSON received");
}
