//! At a terminal, `sfn run` shows the execution live on stderr, then its history table
//! and final status; `NO_COLOR` and `--quiet` are respected. Runs `sfn` under a
//! pseudo-terminal with `script` (util-linux); skipped, with a message, where it is missing.
use crate::cli_support;

use std::process::Command;

use cli_support::Sfn;
use regex::Regex;

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn have_script() -> bool {
    Command::new("script")
        .args(["-qfec", "true", "/dev/null"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Runs `sfn ARGS` on a 120-column pseudo-terminal; returns everything the terminal got.
fn on_terminal(sfn: &Sfn, args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    on_terminal_of(sfn, args, env, 120)
}

/// Runs `sfn ARGS` on a pseudo-terminal `cols` wide.
pub(crate) fn on_terminal_of(
    sfn: &Sfn,
    args: &[&str],
    env: &[(&str, &str)],
    cols: usize,
) -> Option<String> {
    if !have_script() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return None;
    }
    let sfn_cmd: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_sfn"))
        .chain(args.iter().copied())
        .map(quote)
        .collect();
    let line = format!(
        "stty cols {cols} rows 50 2>/dev/null; {}",
        sfn_cmd.join(" ")
    );
    // `script` runs the command on a new pseudo-terminal (stdin, stdout and stderr), with
    // the environment `sfn.cmd()` would give it.
    let template = sfn.cmd();
    let mut cmd = Command::new("script");
    cmd.current_dir(sfn.dir.path());
    for (k, v) in template.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.env_remove("NO_COLOR").env("SFN_WAIT_TIME_SCALE", "0");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(["-qfec", &line, "/dev/null"])
        .output()
        .expect("run script");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The screen text with escape sequences removed.
pub(crate) fn plain(screen: &str) -> String {
    let ansi = regex::Regex::new(r"\x1b\[[0-9;?]*[A-Za-z]").unwrap();
    ansi.replace_all(screen, "").replace('\r', "")
}

const FLOW: &str = r#"{"StartAt": "Prepare", "States": {
  "Prepare": {"Type": "Pass", "Result": [1, 2, 3], "Next": "Each"},
  "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Double", "States": {
    "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}},
    "Next": "Done"},
  "Done": {"Type": "Succeed"}}}"#;

#[test]
fn run_at_a_terminal_shows_the_live_view_history_table_and_status() {
    let sfn = Sfn::new();
    let file = sfn.write("doubles.asl.json", FLOW);
    let file = file.to_string_lossy().into_owned();
    let Some(screen) = on_terminal(&sfn, &["run", &file], &[]) else {
        return;
    };
    let text = plain(&screen);
    // The live view: the spinner with the machine's name and the elapsed time.
    assert!(text.contains("doubles [0s] starting"), "{text}");
    // The history table, with states and one-line summaries.
    assert!(text.contains("│ #"), "{text}");
    for expected in [
        "ExecutionStarted",
        "MapIterationSucceeded",
        "Double",
        "3 items",
        "ExecutionSucceeded",
        "✔ SUCCEEDED",
        "6 states entered",
        // The ARN whole, on the status line or (when that would not fit) the next.
        "arn:aws:states:us-east-1:123456789012:execution:doubles:",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The output, last.
    let output = text.rsplit("SUCCEEDED").next().unwrap_or_default();
    assert!(output.contains("\"v\": 6"), "{text}");
    // Colour by default.
    assert!(screen.contains("\u{1b}[1;32m"), "{screen:?}");
}

#[test]
fn no_color_and_quiet_are_respected() {
    let sfn = Sfn::new();
    let file = sfn.write("doubles.asl.json", FLOW);
    let file = file.to_string_lossy().into_owned();
    let Some(screen) = on_terminal(&sfn, &["run", &file], &[("NO_COLOR", "1")]) else {
        return;
    };
    let sgr = regex::Regex::new(r"\x1b\[[0-9;]*m").unwrap();
    assert!(
        !sgr.is_match(&screen),
        "colour codes despite NO_COLOR: {screen:?}"
    );
    assert!(plain(&screen).contains("✔ SUCCEEDED"), "{screen}");

    let Some(screen) = on_terminal(&sfn, &["run", &file, "--quiet"], &[]) else {
        return;
    };
    let text = plain(&screen);
    assert!(!text.contains("states entered"), "{text}");
    assert!(!text.contains("ExecutionStarted"), "{text}");
    assert_eq!(text.trim(), "", "--quiet prints nothing on success: {text}");
}

#[test]
fn a_failed_run_shows_the_error_in_the_status_line() {
    let sfn = Sfn::new();
    let file = sfn.write(
        "boom.json",
        r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}"#,
    );
    let file = file.to_string_lossy().into_owned();
    let Some(screen) = on_terminal(&sfn, &["run", &file], &[]) else {
        return;
    };
    let text = plain(&screen);
    assert!(text.contains("✘ FAILED"), "{text}");
    assert!(text.contains("Boom: it broke"), "{text}");
    assert!(text.contains("\"error\": \"Boom\""), "{text}");
}

#[test]
fn start_execution_at_a_terminal_adds_one_status_line() {
    let sfn = Sfn::new();
    let arn = sfn.create("hello");
    let Some(screen) = on_terminal(&sfn, &["start-execution", "--state-machine-arn", &arn], &[])
    else {
        return;
    };
    let text = plain(&screen);
    assert!(text.contains("\"executionArn\""), "{text}");
    assert!(text.contains("SUCCEEDED · 1 state entered in "), "{text}");
}

#[test]
fn a_long_history_shows_its_head_and_tail() {
    let sfn = Sfn::new();
    let file = sfn.write(
        "loop.json",
        r#"{"StartAt": "Init", "States": {
  "Init": {"Type": "Pass", "Parameters": {"i": 0}, "Next": "Check"},
  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.i", "NumericLessThan": 30, "Next": "Incr"}], "Default": "Done"},
  "Incr": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
  "Done": {"Type": "Succeed"}}}"#,
    );
    let file = file.to_string_lossy().into_owned();
    let Some(screen) = on_terminal(&sfn, &["run", &file], &[]) else {
        return;
    };
    let text = plain(&screen);
    // 30 rounds of Check and Incr: 2 + 61 states, 128 events; 20 + 20 of them shown.
    let rows = text.lines().filter(|l| l.starts_with("│ ")).count();
    assert_eq!(rows, 1 + 20 + 1 + 20, "{text}");
    assert!(text.contains("88 more events"), "{text}");
    assert!(text.contains("│ 128 "), "{text}");
    assert!(text.contains("whole history: sfn history "), "{text}");
    assert!(text.contains("63 states entered"), "{text}");
}

#[test]
fn the_live_view_follows_map_progress() {
    let sfn = Sfn::new();
    let example = |file: &str| {
        format!(
            "{}/examples/data-pipeline/{file}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let input = format!("file://{}", example("input.json"));
    // The example's handlers, each batch made to take 0.3 s: the spinner turns every
    // tenth of a second, so it shows the Map's iterations done of 3 while they run.
    let handlers = sfn.write(
        "handlers.json",
        &serde_json::json!({"lambda": {
            "transform-batch": {
                "command": ["sh", "-c", "sleep 0.3; exec python3 handlers/transform_batch.py"],
                "cwd": example("")},
            "aggregate": {"command": ["python3", "handlers/aggregate.py"], "cwd": example("")}
        }})
        .to_string(),
    );
    let handlers = handlers.to_string_lossy();
    let Some(screen) = on_terminal(
        &sfn,
        &[
            "run",
            &example("definition.asl.json"),
            "--input",
            &input,
            "--handlers",
            &handlers,
        ],
        &[],
    ) else {
        return;
    };
    let text = plain(&screen);
    let progress = Regex::new(r"Transform batch · Transform batches [0-2]/3").unwrap();
    assert!(progress.is_match(&text), "{text}");
}

const PAY: &str = r#"{"StartAt": "Charge card", "States": {
  "Charge card": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge",
    "Retry": [{"ErrorEquals": ["PaymentGatewayTimeout"], "MaxAttempts": 3}], "End": true}}}"#;

const PAY_MOCK: &str = r#"{"StateMachines": {"pay": {"TestCases": {"Down": {"Charge card": "Timeout"}}}},
  "MockedResponses": {"Timeout": {"0-3": {"Throw": {"Error": "PaymentGatewayTimeout",
    "Cause": "The payment gateway did not answer within 5 seconds"}}}}}"#;

/// Every line of the screen is at most `cols` wide.
pub(crate) fn fits(text: &str, cols: usize) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= cols,
            "{line:?} is wider than {cols}:\n{text}"
        );
    }
}

#[test]
fn a_failure_says_where_after_how_many_attempts() {
    let sfn = Sfn::new();
    sfn.write("pay.asl.json", PAY);
    sfn.write("mock.json", PAY_MOCK);
    let Some(screen) = on_terminal(
        &sfn,
        &[
            "run",
            "pay.asl.json",
            "--mock-config",
            "mock.json",
            "--test-case",
            "Down",
        ],
        &[],
    ) else {
        return;
    };
    let text = plain(&screen);
    assert!(
        text.contains(
            "✘ FAILED in Charge card after 4 attempts: PaymentGatewayTimeout: The payment gateway"
        ),
        "{text}"
    );
    assert!(text.contains("attempt 2/4"), "{text}");
}

#[test]
fn ls_fits_the_terminal_at_every_width_and_colours_the_status() {
    let sfn = Sfn::new();
    sfn.write("a-state-machine-with-a-long-name.asl.json", FLOW);
    for i in 0..3 {
        let name = format!("execution-number-{i}-with-a-long-descriptive-name");
        let out = sfn.run(&[
            "run",
            "a-state-machine-with-a-long-name.asl.json",
            "--execution-name",
            &name,
        ]);
        assert!(out.status.success(), "{out:?}");
    }
    for cols in [50, 80, 120, 200] {
        let Some(screen) = on_terminal_of(&sfn, &["ls"], &[], cols) else {
            return;
        };
        let text = plain(&screen);
        assert_eq!(
            text.lines().filter(|l| l.contains("SUCCEEDED")).count(),
            3,
            "{text}"
        );
        fits(&text, cols);
        if cols >= 120 {
            assert!(
                text.contains("execution-number-2-with-a-long-descriptive-name"),
                "{text}"
            );
        }
        assert!(screen.contains("\u{1b}[32m✔ SUCCEEDED"), "{screen:?}");
    }
}

#[test]
fn history_fits_the_terminal_at_every_width() {
    let sfn = Sfn::new();
    sfn.write("doubles.asl.json", FLOW);
    assert!(sfn.run(&["run", "doubles.asl.json"]).status.success());
    for cols in [50, 80, 120, 200] {
        let Some(screen) = on_terminal_of(&sfn, &["history", "last"], &[], cols) else {
            return;
        };
        let text = plain(&screen);
        // An ARN is never cut: on a narrow terminal it has a line of its own.
        let without_arn: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("arn:"))
            .map(|l| format!("{l}\n"))
            .collect();
        fits(&without_arn, cols);
        assert!(text.contains("✔ SUCCEEDED"), "{text}");
        if cols >= 120 {
            // The Map's iterations in their own column, what each iteration changed.
            assert!(text.contains("Iteration"), "{text}");
            assert!(text.contains("[2]"), "{text}");
            assert!(text.contains("output {\"v\":6}"), "{text}");
        }
    }
}

#[test]
fn watch_shows_the_callback_command_and_ends_with_the_history() {
    if !have_script() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let sfn = Sfn::new();
    sfn.write(
        "parks.asl.json",
        r#"{"StartAt": "Ask", "States": {
  "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/q",
      "MessageBody": {"token.$": "$$.Task.Token"}},
    "ResultPath": "$.answer", "Next": "Done"},
  "Done": {"Type": "Succeed"}}}"#,
    );
    let created = sfn.json(&[
        "create-state-machine",
        "--name",
        "parks",
        "--definition",
        "file://parks.asl.json",
        "--role-arn",
        cli_support::ROLE,
    ]);
    let machine = created["stateMachineArn"].as_str().unwrap();
    sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        machine,
        "--name",
        "needs-approval",
    ]);
    // `script` writes the screen to a log as it goes: the test reads the command shown.
    let log = sfn.dir.path().join("screen.log");
    let line = format!(
        "stty cols 200 rows 50 2>/dev/null; {} watch needs-approval",
        quote(env!("CARGO_BIN_EXE_sfn"))
    );
    let template = sfn.cmd();
    let mut cmd = Command::new("script");
    cmd.current_dir(sfn.dir.path());
    for (k, v) in template.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let mut watch = KillOnDrop(
        cmd.env_remove("NO_COLOR")
            .args(["-qfec", &line])
            .arg(&log)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("run script"),
    );
    let shown = Regex::new(r"sfn send-task-success --task-token ([0-9A-Za-z_+/=-]{32,}) ").unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let token = loop {
        let screen = plain(&std::fs::read_to_string(&log).unwrap_or_default());
        if let Some(c) = shown.captures(&screen) {
            break c[1].to_string();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no callback command on screen:\n{screen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    // Another process answers with the command the view showed.
    sfn.stdout(&[
        "send-task-success",
        "--task-token",
        &token,
        "--task-output",
        r#"{"approved": true}"#,
    ]);
    let status = watch.0.wait().expect("watch ends");
    assert!(status.success(), "{status:?}");
    let text = plain(&std::fs::read_to_string(&log).unwrap());
    assert!(
        text.contains("parks [") && text.contains("Ask · waiting for a callback"),
        "{text}"
    );
    assert!(text.contains("TaskSucceeded"), "{text}");
    assert!(text.contains("+answer: {\"approved\":true}"), "{text}");
    assert!(text.contains("✔ SUCCEEDED"), "{text}");
    assert!(
        text.contains("\"approved\": true"),
        "the output, last: {text}"
    );
}

/// A child process ended with the test, even when an assertion fails first.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
