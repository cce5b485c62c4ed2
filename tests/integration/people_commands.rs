//! The commands made for people, through a pipe: `sfn ls`, `sfn history`, `sfn watch`,
//! names instead of ARNs, and plain paths. Through a pipe, stdout carries data only (the
//! lines, the table, the output), stderr nothing unless something went wrong.
use crate::cli_support;

use std::process::Stdio;
use std::time::{Duration, Instant};

use cli_support::Sfn;
use serde_json::Value;

const CHOOSE: &str = r#"{"StartAt": "Price", "States": {
  "Price": {"Type": "Pass", "Result": 120, "ResultPath": "$.amount", "Next": "Big?"},
  "Big?": {"Type": "Choice", "Choices": [
      {"Variable": "$.amount", "NumericLessThan": 100, "Next": "Small"},
      {"Variable": "$.amount", "NumericGreaterThanEquals": 100, "Next": "Large"}],
    "Default": "Small"},
  "Small": {"Type": "Succeed"},
  "Large": {"Type": "Pass", "Parameters": {"size": "large", "amount.$": "$.amount"}, "End": true}}}"#;

const BOOM: &str = r#"{"StartAt": "Explode", "States": {
  "Explode": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}"#;

const PARKS: &str = r#"{"StartAt": "Ask", "States": {
  "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q",
      "MessageBody": {"token.$": "$$.Task.Token"}},
    "ResultPath": "$.answer", "End": true}}}"#;

/// Runs `sfn run FILE --execution-name NAME` and checks it ended with `code`.
fn run(sfn: &Sfn, file: &str, name: &str, code: i32) {
    let out = sfn.run(&["run", file, "--execution-name", name]);
    assert_eq!(out.status.code(), Some(code), "{out:?}");
}

fn setup() -> Sfn {
    let sfn = Sfn::new();
    sfn.write("choose.asl.json", CHOOSE);
    sfn.write("boom.asl.json", BOOM);
    run(&sfn, "choose.asl.json", "first-order", 0);
    run(&sfn, "boom.asl.json", "first-boom", 1);
    run(&sfn, "choose.asl.json", "second-order", 0);
    sfn
}

#[test]
fn ls_lists_the_newest_executions_across_machines_one_line_each() {
    let sfn = setup();
    let out = sfn.run(&["ls"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines[0].starts_with("✔ SUCCEEDED  second-order  choose  just now"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("✘ FAILED     first-boom    boom    just now"),
        "{text}"
    );
    assert!(lines[2].contains("first-order"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no colour through a pipe: {text:?}"
    );

    let of_one = sfn.stdout(&["ls", "choose", "--limit", "1"]);
    assert_eq!(of_one.lines().count(), 1, "{of_one}");
    assert!(of_one.contains("second-order"), "{of_one}");
    let failed = sfn.stdout(&["ls", "--status", "failed"]);
    assert!(
        failed.contains("first-boom") && !failed.contains("order"),
        "{failed}"
    );
}

#[test]
fn ls_fits_columns_when_piped_and_gives_json_for_scripts() {
    let sfn = setup();
    let out = sfn.cmd().env("COLUMNS", "44").arg("ls").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.lines() {
        assert!(line.chars().count() <= 44, "{line:?} wider than 44");
    }
    let json: Value = serde_json::from_str(&sfn.stdout(&["ls", "--output", "json"])).unwrap();
    let names: Vec<&str> = json["executions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["second-order", "first-boom", "first-order"]);
    let names = sfn.stdout(&["ls", "--query", "executions[].status", "--output", "text"]);
    assert_eq!(names.trim(), "SUCCEEDED\tFAILED\tSUCCEEDED");
}

#[test]
fn ls_rejects_an_unknown_status_or_machine() {
    let sfn = setup();
    let (code, err) = sfn.fail(&["ls", "--status", "done"]);
    assert_eq!(code, 252);
    assert!(err.contains("unknown status 'done'"), "{err}");
    let (code, err) = sfn.fail(&["ls", "nosuch"]);
    assert_eq!(code, 252);
    assert!(err.contains("no state machine named 'nosuch'"), "{err}");
}

#[test]
fn executions_are_found_by_name_prefix_machine_or_last() {
    let sfn = setup();
    let arn_of = |reference: &str| -> String {
        let v: Value = serde_json::from_str(&sfn.stdout(&[
            "history",
            reference,
            "--output",
            "json",
            "--query",
            "events[0].id",
        ]))
        .unwrap();
        assert_eq!(v, 1);
        // The status line names the ARN; through --output json only data is printed.
        let table = sfn.stdout(&["history", reference]);
        table
            .lines()
            .last()
            .unwrap()
            .rsplit(" · ")
            .next()
            .unwrap()
            .to_string()
    };
    let exec = |machine: &str, name: &str| {
        format!("arn:aws:states:us-east-1:123456789012:execution:{machine}:{name}")
    };
    assert_eq!(arn_of("last"), exec("choose", "second-order"));
    assert_eq!(arn_of("boom/last"), exec("boom", "first-boom"));
    assert_eq!(arn_of("first-o"), exec("choose", "first-order"));
    assert_eq!(arn_of("choose/first-order"), exec("choose", "first-order"));
    assert_eq!(
        arn_of(&exec("choose", "second-order")),
        exec("choose", "second-order")
    );
    let (code, err) = sfn.fail(&["history", "first"]);
    assert_eq!(code, 252);
    assert!(
        err.contains("'first' matches 2 executions") && err.contains("boom/first-boom"),
        "{err}"
    );
    let (_, err) = sfn.fail(&["history", "nothing-like-it"]);
    assert!(
        err.contains("no execution named 'nothing-like-it'"),
        "{err}"
    );
}

#[test]
fn history_shows_the_choice_taken_what_changed_and_where_it_failed() {
    let sfn = setup();
    let out = sfn
        .cmd()
        .env("COLUMNS", "150")
        .args(["history", "second-order"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty(), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("What changed"), "{text}");
    assert!(text.contains("+amount: 120"), "{text}");
    assert!(
        text.contains("rule 2: $.amount NumericGreaterThanEquals 100 → Large"),
        "{text}"
    );
    assert!(text.contains("+size: \"large\""), "{text}");
    assert!(text.contains("✔ SUCCEEDED in "), "{text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 150, "{line:?} wider than COLUMNS");
    }

    let boom = sfn.stdout(&["history", "first-boom"]);
    assert!(
        boom.contains("✘ FAILED in Explode: Boom: it broke"),
        "{boom}"
    );
}

#[test]
fn history_full_pretty_prints_payloads() {
    let sfn = setup();
    let text = sfn.stdout(&["history", "second-order", "--full"]);
    assert!(text.contains("\"size\": \"large\""), "{text}");
    assert!(text.contains("Details"), "{text}");
}

#[test]
fn run_takes_a_plain_input_path_and_a_stored_machine_by_name() {
    let sfn = Sfn::new();
    sfn.write(
        "echo.asl.json",
        r#"{"StartAt": "E", "States": {"E": {"Type": "Pass", "End": true}}}"#,
    );
    sfn.write("input.json", r#"{"hello": "file"}"#);
    let out: Value =
        serde_json::from_str(&sfn.stdout(&["run", "echo.asl.json", "--input", "input.json"]))
            .unwrap();
    assert_eq!(out["hello"], "file");
    let again: Value =
        serde_json::from_str(&sfn.stdout(&["run", "echo", "--input", r#"{"n": 2}"#])).unwrap();
    assert_eq!(again["n"], 2);
    let (code, err) = sfn.fail(&["run", "nothing-here"]);
    assert_eq!(code, 252);
    assert!(
        err.contains("nothing-here is neither a file nor a stored state machine"),
        "{err}"
    );
}

#[test]
fn graph_takes_a_plain_path_a_machine_name_or_an_execution() {
    let sfn = setup();
    let from_file = sfn.stdout(&["graph", "choose.asl.json"]);
    assert!(from_file.starts_with("digraph"), "{from_file}");
    assert_eq!(sfn.stdout(&["graph", "choose"]), from_file);
    let run = sfn.stdout(&["graph", "last"]);
    assert!(run.contains("digraph") && run != from_file, "{run}");
}

#[test]
fn watch_follows_an_execution_answered_by_another_process() {
    let sfn = Sfn::new();
    sfn.write("parks.asl.json", PARKS);
    let machine = sfn.json(&[
        "create-state-machine",
        "--name",
        "parks",
        "--definition",
        "file://parks.asl.json",
        "--role-arn",
        cli_support::ROLE,
    ]);
    let machine = machine["stateMachineArn"].as_str().unwrap().to_string();
    let started = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &machine,
        "--name",
        "waits",
    ]);
    let arn = started["executionArn"].as_str().unwrap().to_string();
    let mut watch = sfn
        .cmd()
        .args(["watch", "waits"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The token the execution waits with, from its history.
    let history = sfn.json(&["get-execution-history", "--execution-arn", &arn]);
    let scheduled = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "TaskScheduled")
        .expect("scheduled")
        .clone();
    let parameters: Value = serde_json::from_str(
        scheduled["taskScheduledEventDetails"]["parameters"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    let token = parameters["MessageBody"]["token"].as_str().unwrap();
    // Still watching: the execution has not ended.
    std::thread::sleep(Duration::from_millis(300));
    assert!(watch.try_wait().unwrap().is_none(), "watch ended early");
    sfn.stdout(&[
        "send-task-success",
        "--task-token",
        token,
        "--task-output",
        r#"{"approved": true}"#,
    ]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while watch.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "watch did not end");
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = watch.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    let output: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(output["answer"]["approved"], true);
}

const SLIP: &str = r#"{
  "StartAt": "First",
  "States": {
    "First": {"Type": "Pass", "Next": "Secnd"},
    "Second": {"Type": "Succeed"}
  }
}
"#;

#[test]
fn run_on_an_invalid_file_shows_its_errors_located() {
    let sfn = Sfn::new();
    sfn.write("slip.asl.json", SLIP);
    let out = sfn.run(&["run", "slip.asl.json"]);
    assert_eq!(out.status.code(), Some(254));
    assert!(out.stdout.is_empty(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "slip.asl.json:4:31: error[MISSING_TRANSITION_TARGET]: Missing 'Next' target: Secnd at /States/First/Next; did you mean \"Second\"?\n\
         sfn run: slip.asl.json is not a valid state machine definition; nothing was run\n"
    );
    // Nothing was created.
    let machines = sfn.json(&["list-state-machines"]);
    assert_eq!(machines["stateMachines"], serde_json::json!([]));
}

#[test]
fn create_state_machine_keeps_the_aws_error_and_adds_located_lines() {
    let sfn = Sfn::new();
    sfn.write("slip.asl.json", SLIP);
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "slip",
        "--definition",
        "file://slip.asl.json",
        "--role-arn",
        cli_support::ROLE,
    ]);
    assert_eq!(code, 254);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "");
    assert!(
        lines[1].starts_with(
            "An error occurred (InvalidDefinition) when calling the CreateStateMachine operation: Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Secnd"
        ),
        "{err}"
    );
    assert!(
        lines[2].starts_with("slip.asl.json:4:31: error[MISSING_TRANSITION_TARGET]:"),
        "{err}"
    );
    // A definition given inline has no file to point into: AWS's line alone.
    let (_, inline) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "slip",
        "--definition",
        SLIP,
        "--role-arn",
        cli_support::ROLE,
    ]);
    assert_eq!(inline.lines().count(), 2, "{inline}");
}

#[test]
fn stats_counts_executions_per_machine() {
    let sfn = setup();
    let text = sfn.stdout(&["stats"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("STATE MACHINE  STARTED  SUCCEEDED  FAILED"),
        "{text}"
    );
    let boom: Vec<&str> = lines[1].split_whitespace().collect();
    assert_eq!(&boom[..7], ["boom", "1", "0", "1", "0", "0", "0"], "{text}");
    let choose: Vec<&str> = lines[2].split_whitespace().collect();
    assert_eq!(
        &choose[..7],
        ["choose", "2", "2", "0", "0", "0", "0"],
        "{text}"
    );
    let json: Value =
        serde_json::from_str(&sfn.stdout(&["stats", "choose", "--output", "json"])).unwrap();
    assert_eq!(json["stateMachines"][0]["started"], 2);
    assert!(json["stateMachines"][0]["durationMillis"]["max"].is_u64());
    let (code, err) = sfn.fail(&["stats", "--since", "soon"]);
    assert_eq!(code, 252);
    assert!(err.contains("--since soon"), "{err}");
    // Executions started in the last second: all of them, or none an hour ago.
    assert_eq!(sfn.stdout(&["stats", "--since", "1h"]), text);
}
