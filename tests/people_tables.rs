//! `--output table` for people: `get-execution-history` and `describe-execution` render
//! purpose-built tables (payloads shortened to one line unless `--full`); the other
//! commands keep the AWS CLI's boxed tables.
mod cli_support;

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
fn history_table_lists_events_with_states_and_short_payloads() {
    let sfn = Sfn::new();
    let arn = execution(&sfn);
    let table = sfn.stdout(&[
        "get-execution-history",
        "--execution-arn",
        &arn,
        "--output",
        "table",
    ]);
    let header = table.lines().nth(1).unwrap_or_default();
    for column in ["#", "Time", "Type", "State", "What changed"] {
        assert!(header.contains(column), "{table}");
    }
    let row = |ty: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!(" {ty} ")))
            .unwrap_or_else(|| panic!("no {ty} row:\n{table}"))
            .to_string()
    };
    assert!(row("PassStateExited").contains("┆ Big"), "{table}");
    assert!(row("PassStateExited").contains("…"), "shortened: {table}");
    assert!(
        row("ExecutionFailed").contains("Stopped: on purpose"),
        "{table}"
    );
    assert!(row("ExecutionStarted").contains("+0.000s"), "{table}");
    // A pipe gets no colour.
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert_eq!(table.lines().count(), 5 + 4, "one line per event: {table}");

    let full = sfn.stdout(&[
        "get-execution-history",
        "--execution-arn",
        &arn,
        "--output",
        "table",
        "--full",
    ]);
    assert!(full.contains("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"), "{full}");

    // --reverse-order shows the newest first; --query falls back to the AWS table.
    let reversed = sfn.stdout(&[
        "get-execution-history",
        "--execution-arn",
        &arn,
        "--output",
        "table",
        "--reverse-order",
    ]);
    let first_row = reversed.lines().nth(3).unwrap_or_default();
    assert!(first_row.contains("ExecutionFailed"), "{reversed}");
    let queried = sfn.stdout(&[
        "get-execution-history",
        "--execution-arn",
        &arn,
        "--output",
        "table",
        "--query",
        "events[0].type",
    ]);
    assert!(!queried.contains("Details"), "{queried}");
}

#[test]
fn describe_execution_table_reads_like_a_summary() {
    let sfn = Sfn::new();
    let arn = execution(&sfn);
    let table = sfn.stdout(&[
        "describe-execution",
        "--execution-arn",
        &arn,
        "--output",
        "table",
    ]);
    for (label, value) in [
        ("Status", "FAILED"),
        ("Name", ""),
        ("State machine ARN", "stateMachine:big"),
        ("Duration", "s"),
        ("Error", "Stopped"),
        ("Cause", "on purpose"),
    ] {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("│ {label} ")))
            .unwrap_or_else(|| panic!("no {label} row:\n{table}"));
        assert!(line.contains(value), "{line}");
    }
}

#[test]
fn other_commands_keep_the_aws_boxed_table() {
    let sfn = Sfn::new();
    sfn.create("hello");
    let table = sfn.stdout(&["list-state-machines", "--output", "table"]);
    assert!(table.contains("ListStateMachines"), "{table}");
    assert!(!table.contains('┆'), "{table}");
}
