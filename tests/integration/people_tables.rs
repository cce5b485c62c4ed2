//! `--output table` is the AWS CLI's boxed table on every AWS command, history and
//! description included; the tables made for people are `sfn run`'s.
use crate::cli_support;

use cli_support::Sfn;

const FLOW: &str = r#"{"StartAt": "Big", "States": {
  "Big": {"Type": "Pass", "Result": {"text": "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"}, "Next": "Stop"},
  "Stop": {"Type": "Fail", "Error": "Stopped", "Cause": "on purpose"}}}"#;

fn execution(sfn: &Sfn) -> String {
    let file = sfn.write("big.json", FLOW);
    let out = sfn.run(&["run", &file.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let list = sfn.json(&[
        "list-executions",
        "--state-machine-arn",
        &cli_support::arn("big"),
    ]);
    list["executions"][0]["executionArn"]
        .as_str()
        .expect("execution")
        .to_string()
}

#[test]
fn history_and_description_tables_are_the_aws_cli_tables() {
    // The tables made for people belong to the commands made for people (`sfn run`);
    // `--output table` is the AWS CLI's formatter on every AWS command, for scripts.
    let sfn = Sfn::new();
    let arn = execution(&sfn);
    let history = sfn.stdout(&[
        "get-execution-history",
        "--execution-arn",
        &arn,
        "--output",
        "table",
    ]);
    let lines: Vec<&str> = history.lines().collect();
    assert!(lines[0].chars().all(|c| c == '-'), "{history}");
    assert!(lines[1].contains(" GetExecutionHistory "), "{history}");
    assert!(
        history.contains("||                "),
        "nested sections: {history}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("||  type ") && l.contains("|  ExecutionFailed ")),
        "{history}"
    );
    assert!(
        !history.contains('┆') && !history.contains('…'),
        "{history}"
    );
    // The whole payload, as the AWS CLI prints it.
    assert!(history.contains("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"), "{history}");
    assert_eq!(
        sfn.run(&["get-execution-history", "--execution-arn", &arn, "--full"])
            .status
            .code(),
        Some(252),
        "--full is not an AWS flag"
    );

    let description = sfn.stdout(&[
        "describe-execution",
        "--execution-arn",
        &arn,
        "--output",
        "table",
    ]);
    assert!(
        description
            .lines()
            .nth(1)
            .unwrap()
            .contains(" DescribeExecution "),
        "{description}"
    );
    assert!(
        description
            .lines()
            .any(|l| l.starts_with("|  status ") && l.contains("|  FAILED ")),
        "{description}"
    );
    assert!(!description.contains('│'), "{description}");
}

#[test]
fn other_commands_keep_the_aws_boxed_table() {
    let sfn = Sfn::new();
    sfn.create("hello");
    let table = sfn.stdout(&["list-state-machines", "--output", "table"]);
    assert!(table.contains("ListStateMachines"), "{table}");
    assert!(!table.contains('┆'), "{table}");
}
