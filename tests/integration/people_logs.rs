//! A state machine's `loggingConfiguration` is honoured as on AWS: its executions' events,
//! in CloudWatch Logs' Step Functions format, go to a local file per log group beside the
//! store, filtered by the level (ALL, ERROR, FATAL, OFF), with payloads only under
//! `includeExecutionData`. `sfn logs MACHINE|EXECUTION [--follow]` shows them: JSON lines
//! when piped or with `--output json`, one line per event for reading at a terminal.
use crate::cli_support;
use crate::people_terminal::{fits, on_terminal_of, plain};

use std::io::BufRead;
use std::path::PathBuf;
use std::process::Stdio;

use cli_support::{types, Sfn, ROLE};
use serde_json::{json, Value};

/// Fails inside a Parallel branch: a FailStateEntered (an ERROR event), the Parallel's
/// failure (ERROR) and the execution's (FATAL), among events logged at ALL only.
const FAILS: &str = r#"{"StartAt": "Prepare", "States": {
  "Prepare": {"Type": "Pass", "Result": {"order": 42}, "Next": "Both"},
  "Both": {"Type": "Parallel", "End": true, "Branches": [
    {"StartAt": "Refuse", "States": {"Refuse": {"Type": "Fail", "Error": "Refused", "Cause": "no stock"}}}
  ]}}}"#;

const SUCCEEDS: &str = r#"{"StartAt": "Double", "States": {
  "Double": {"Type": "Pass", "Parameters": {"twice.$": "States.MathAdd($.n, $.n)"}, "End": true}}}"#;

fn group_arn(group: &str) -> String {
    format!("arn:aws:logs:us-east-1:123456789012:log-group:{group}:*")
}

fn logging(level: &str, data: bool, group: &str) -> String {
    json!({
        "level": level,
        "includeExecutionData": data,
        "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": group_arn(group)}}]
    })
    .to_string()
}

/// Creates `name` from `definition`, logging as `config` says; returns its ARN.
fn create(sfn: &Sfn, name: &str, definition: &str, kind: &str, config: &str) -> String {
    let out = sfn.json(&[
        "create-state-machine",
        "--name",
        name,
        "--type",
        kind,
        "--definition",
        definition,
        "--role-arn",
        ROLE,
        "--logging-configuration",
        config,
    ]);
    out["stateMachineArn"].as_str().unwrap().to_string()
}

fn start(sfn: &Sfn, machine: &str, name: &str, input: &str) {
    sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        machine,
        "--name",
        name,
        "--input",
        input,
    ]);
}

/// The file of the log group `group` (a name without `/`).
fn log_file(sfn: &Sfn, group: &str) -> PathBuf {
    sfn.dir
        .path()
        .join("sfn.logs")
        .join("123456789012-us-east-1")
        .join(format!("{group}.jsonl"))
}

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn level_all_logs_every_event_in_the_cloudwatch_logs_format() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "fails",
        FAILS,
        "STANDARD",
        &logging("ALL", true, "orders"),
    );
    start(&sfn, &machine, "first", r#"{"id": 1}"#);

    let file = log_file(&sfn, "orders");
    let events = json_lines(&std::fs::read_to_string(&file).unwrap());
    let history = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        "arn:aws:states:us-east-1:123456789012:execution:fails:first",
    ]);
    let history = history["events"].as_array().unwrap();
    assert_eq!(
        events.len(),
        history.len(),
        "one line per event of the history"
    );
    for (logged, event) in events.iter().zip(history) {
        assert_eq!(logged["type"], event["type"]);
        assert_eq!(logged["id"], event["id"].to_string().as_str());
        assert_eq!(
            logged["previous_event_id"],
            event["previousEventId"].to_string().as_str()
        );
    }
    let started = &events[0];
    assert_eq!(started["type"], "ExecutionStarted");
    assert_eq!(
        started["execution_arn"],
        "arn:aws:states:us-east-1:123456789012:execution:fails:first"
    );
    assert_eq!(started["redrive_count"], "0");
    assert_eq!(
        started["details"]["input"], r#"{"id": 1}"#,
        "the input as given"
    );
    assert_eq!(started["details"]["roleArn"], ROLE);
    let millis: i64 = started["event_timestamp"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(millis > 1_600_000_000_000, "epoch milliseconds: {millis}");
    let failed = events.last().unwrap();
    assert_eq!(failed["type"], "ExecutionFailed");
    assert_eq!(
        failed["details"],
        json!({"error": "Refused", "cause": "no stock"})
    );

    // Private like the store: the directory 0700, the file 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(file.parent().unwrap()), 0o700);
    }

    // Piped, `sfn logs` prints the log events as they are kept.
    let piped = sfn.stdout(&["logs", "fails"]);
    assert_eq!(piped, std::fs::read_to_string(&file).unwrap());
    assert_eq!(sfn.stdout(&["logs", "first"]), piped);
    assert_eq!(sfn.stdout(&["logs", "last", "--output", "json"]), piped);
}

#[test]
fn error_and_fatal_levels_keep_only_failures() {
    let sfn = Sfn::new();
    for (name, level) in [("all", "ALL"), ("errors", "ERROR"), ("fatal", "FATAL")] {
        let machine = create(&sfn, name, FAILS, "STANDARD", &logging(level, true, name));
        start(&sfn, &machine, "run", "{}");
    }
    let logged = |name: &str| json_lines(&sfn.stdout(&["logs", name]));
    let all = logged("all");
    assert_eq!(
        types(&all),
        [
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "ParallelStateEntered",
            "ParallelStateStarted",
            "FailStateEntered",
            "ParallelStateFailed",
            "ExecutionFailed"
        ]
    );
    let errors = logged("errors");
    assert_eq!(
        types(&errors),
        ["FailStateEntered", "ParallelStateFailed", "ExecutionFailed"]
    );
    // The ids are the history's: the lines between are not logged, not renumbered.
    assert_eq!(errors[0]["id"], all[5]["id"]);
    assert_eq!(types(&logged("fatal")), ["ExecutionFailed"]);

    // OFF (the default) logs nothing, and `sfn logs` says how to turn logging on.
    let off = sfn.create("quiet");
    start(&sfn, &off, "run2", "{}");
    let (code, err) = sfn.fail(&["logs", "quiet"]);
    assert_eq!(code, 255);
    assert!(
        err.contains("does not log") && err.contains("--logging-configuration"),
        "{err}"
    );
}

#[test]
fn without_include_execution_data_no_payload_is_logged() {
    let sfn = Sfn::new();
    let secret = "s3cr3t-card-number";
    let input = json!({"n": 21, "card": secret}).to_string();
    let hidden = create(
        &sfn,
        "hidden",
        SUCCEEDS,
        "STANDARD",
        &logging("ALL", false, "hidden"),
    );
    start(&sfn, &hidden, "h", &input);
    let shown = create(
        &sfn,
        "shown",
        SUCCEEDS,
        "STANDARD",
        &logging("ALL", true, "shown"),
    );
    start(&sfn, &shown, "s", &input);

    let hidden_text = std::fs::read_to_string(log_file(&sfn, "hidden")).unwrap();
    assert!(!hidden_text.contains(secret), "{hidden_text}");
    for event in json_lines(&hidden_text) {
        for key in ["input", "output", "parameters"] {
            assert!(event["details"].get(key).is_none(), "{event}");
        }
    }
    assert_eq!(
        types(&json_lines(&hidden_text)),
        [
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"
        ],
        "every event still logged"
    );
    let shown_events = json_lines(&std::fs::read_to_string(log_file(&sfn, "shown")).unwrap());
    assert!(shown_events[0]["details"]["input"]
        .as_str()
        .unwrap()
        .contains(secret));
    assert_eq!(
        shown_events.last().unwrap()["details"]["output"],
        r#"{"twice":42}"#
    );
}

#[test]
fn express_executions_log_too_and_a_shared_group_is_split_by_machine() {
    let sfn = Sfn::new();
    let express = create(
        &sfn,
        "quick",
        SUCCEEDS,
        "EXPRESS",
        &logging("ALL", true, "shared"),
    );
    let standard = create(
        &sfn,
        "slow",
        SUCCEEDS,
        "STANDARD",
        &logging("ALL", true, "shared"),
    );
    let out = sfn.json(&[
        "start-sync-execution",
        "--state-machine-arn",
        &express,
        "--input",
        r#"{"n": 2}"#,
    ]);
    assert_eq!(out["status"], "SUCCEEDED");
    let express_arn = out["executionArn"].as_str().unwrap();
    start(&sfn, &standard, "std", r#"{"n": 3}"#);

    let quick = json_lines(&sfn.stdout(&["logs", "quick"]));
    assert_eq!(types(&quick).first(), Some(&"ExecutionStarted"));
    assert_eq!(types(&quick).last(), Some(&"ExecutionSucceeded"));
    assert!(quick.iter().all(|e| e["execution_arn"] == express_arn));
    assert_eq!(quick.last().unwrap()["details"]["output"], r#"{"twice":4}"#);
    // An Express execution has no history to describe: its ARN finds its log.
    assert_eq!(json_lines(&sfn.stdout(&["logs", express_arn])), quick);

    let slow = json_lines(&sfn.stdout(&["logs", "slow"]));
    assert!(slow.iter().all(|e| e["execution_arn"]
        .as_str()
        .unwrap()
        .ends_with(":execution:slow:std")));
    let both = std::fs::read_to_string(log_file(&sfn, "shared")).unwrap();
    assert_eq!(both.lines().count(), quick.len() + slow.len());
}

#[test]
fn follow_prints_events_as_they_come_until_the_execution_ends() {
    let sfn = Sfn::new();
    let parks = r#"{"StartAt": "Ask", "States": {
  "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q",
      "MessageBody": {"token.$": "$$.Task.Token"}},
    "Next": "Done"},
  "Done": {"Type": "Succeed"}}}"#;
    let machine = create(
        &sfn,
        "parks",
        parks,
        "STANDARD",
        &logging("ALL", true, "parks"),
    );
    start(&sfn, &machine, "waits", "{}");

    let mut follow = sfn
        .cmd()
        .args(["logs", "waits", "--follow"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("sfn logs --follow");
    let mut lines = std::io::BufReader::new(follow.stdout.take().unwrap()).lines();
    // The parked execution's events so far, the task token among them.
    let token = loop {
        let line = lines.next().expect("a line before the end").unwrap();
        let event: Value = serde_json::from_str(&line).unwrap();
        if event["type"] == "TaskScheduled" {
            let parameters: Value =
                serde_json::from_str(event["details"]["parameters"].as_str().unwrap()).unwrap();
            break parameters["MessageBody"]["token"]
                .as_str()
                .unwrap()
                .to_string();
        }
    };
    sfn.stdout(&[
        "send-task-success",
        "--task-token",
        &token,
        "--task-output",
        r#"{"ok": true}"#,
    ]);
    let rest: Vec<Value> = lines
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    assert!(follow.wait().unwrap().success());
    assert_eq!(types(&rest).last(), Some(&"ExecutionSucceeded"), "{rest:?}");
    assert!(types(&rest).contains(&"TaskSucceeded"));
}

#[test]
fn a_redriven_execution_logs_its_redrive_count() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "fails",
        FAILS,
        "STANDARD",
        &logging("ERROR", true, "redrive"),
    );
    start(&sfn, &machine, "again", "{}");
    let arn = "arn:aws:states:us-east-1:123456789012:execution:fails:again";
    sfn.json(&["redrive-execution", "--execution-arn", arn]);
    let events = json_lines(&sfn.stdout(&["logs", "again"]));
    let counts: Vec<&str> = events
        .iter()
        .filter(|e| e["type"] == "ExecutionFailed")
        .map(|e| e["redrive_count"].as_str().unwrap())
        .collect();
    assert_eq!(counts, ["0", "1"]);
}

#[test]
fn an_execution_taken_over_after_its_process_died_logs_each_event_once() {
    let sfn = Sfn::new();
    let naps = r#"{"StartAt": "Items", "States": {
  "Items": {"Type": "Pass", "Result": [1,2,3,4,5,6,7,8,9,10,11,12], "Next": "M"},
  "M": {"Type": "Map", "MaxConcurrency": 3, "End": true, "ItemProcessor": {"StartAt": "Nap", "States": {
    "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Double"},
    "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}}}}}"#;
    let machine = create(
        &sfn,
        "naps",
        naps,
        "STANDARD",
        &logging("ALL", false, "naps"),
    );
    let mut child = sfn
        .cmd()
        .env("SFN_WAIT_TIME_SCALE", "0.2")
        .args([
            "start-execution",
            "--state-machine-arn",
            &machine,
            "--name",
            "killed",
        ])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // Killed once the Map has begun (its iterations nap for a second or so more).
    let file = log_file(&sfn, "naps");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !std::fs::read_to_string(&file)
        .unwrap_or_default()
        .contains("MapIterationStarted")
    {
        assert!(std::time::Instant::now() < deadline, "the Map never began");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGKILL) };
    child.wait().unwrap();
    let arn = "arn:aws:states:us-east-1:123456789012:execution:naps:killed";
    let described = sfn.describe(arn);
    assert_eq!(described["status"], "RUNNING", "killed mid-run");
    // What is left of the naps skips ahead on a virtual clock.
    let resumed = sfn
        .cmd()
        .env("SFN_CLOCK", "virtual")
        .arg("resume")
        .output()
        .unwrap();
    assert!(resumed.status.success(), "{resumed:?}");
    let history = sfn.json(&["get-execution-history", "--execution-arn", arn]);
    let history = history["events"].as_array().unwrap();
    assert_eq!(history.last().unwrap()["type"], "ExecutionSucceeded");
    let logged = json_lines(&sfn.stdout(&["logs", "killed"]));
    let ids: Vec<&str> = logged.iter().map(|e| e["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = (1..=history.len()).map(|i| i.to_string()).collect();
    assert_eq!(
        ids, expected,
        "each event of the history logged once, in order"
    );
    assert_eq!(
        types(&logged),
        history
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect::<Vec<_>>()
    );
}

#[test]
fn at_a_terminal_each_event_is_one_line_that_fits() {
    let sfn = Sfn::new();
    let machine = create(
        &sfn,
        "fails",
        FAILS,
        "STANDARD",
        &logging("ALL", true, "term"),
    );
    start(
        &sfn,
        &machine,
        "first-order",
        r#"{"customer": "a long enough customer name to be cut"}"#,
    );
    for cols in [50, 80, 120, 200] {
        let Some(screen) = on_terminal_of(&sfn, &["logs", "fails"], &[], cols) else {
            return;
        };
        assert!(screen.contains("\u{1b}[31m"), "failures in red: {screen:?}");
        let text = plain(&screen);
        fits(&text, cols);
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 8, "{text}");
        assert!(lines.iter().all(|l| !l.starts_with('{')), "{text}");
        assert!(lines[0].contains("first-order") && lines[0].contains("ExecutionStarted"));
        assert!(lines[5].contains("FailStateEntered"), "{text}");
        if cols >= 80 {
            assert!(lines[5].contains("Refuse"), "{text}");
            assert!(
                lines[7].contains("ExecutionFailed") && lines[7].contains("Refused: no stock"),
                "{text}"
            );
        }
    }
    // --output json at a terminal: the log events.
    let Some(screen) = on_terminal_of(&sfn, &["logs", "first-order", "--output", "json"], &[], 80)
    else {
        return;
    };
    let text = plain(&screen);
    assert_eq!(json_lines(text.trim()).len(), 8, "{text}");
}

#[test]
fn names_that_match_nothing_are_reported() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["logs", "nothing-here"]);
    assert_eq!(code, 252, "{err}");
    assert!(err.contains("nothing-here"), "{err}");
}

#[test]
fn describe_state_machine_for_execution_shows_the_logging_the_execution_ran_with() {
    let sfn = Sfn::new();
    let config = logging("ERROR", true, "orders");
    let machine = create(&sfn, "orders", SUCCEEDS, "STANDARD", &config);
    start(&sfn, &machine, "first", r#"{"n": 2}"#);
    let execution = "arn:aws:states:us-east-1:123456789012:execution:orders:first";
    let described = sfn.json(&[
        "describe-state-machine-for-execution",
        "--execution-arn",
        execution,
    ]);
    assert_eq!(described["loggingConfiguration"]["level"], "ERROR");
    assert_eq!(
        described["loggingConfiguration"]["includeExecutionData"],
        true
    );
    assert_eq!(
        described["loggingConfiguration"]["destinations"][0]["cloudWatchLogsLogGroup"]
            ["logGroupArn"],
        group_arn("orders")
    );
}
