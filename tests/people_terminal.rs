//! At a terminal, `sfn run` shows the execution live on stderr, then its history table
//! and final status; `NO_COLOR` and `--quiet` are respected. Runs `sfn` under a
//! pseudo-terminal with `script` (util-linux); skipped, with a message, where it is missing.
mod cli_support;

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
    if !have_script() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return None;
    }
    let sfn_cmd: Vec<String> = std::iter::once(env!("CARGO_BIN_EXE_sfn"))
        .chain(args.iter().copied())
        .map(quote)
        .collect();
    let line = format!("stty cols 120 rows 50 2>/dev/null; {}", sfn_cmd.join(" "));
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
fn plain(screen: &str) -> String {
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
        "states entered · arn:aws:states:us-east-1:123456789012:execution:doubles:",
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
    assert!(
        text.contains("whole history: sfn get-execution-history --execution-arn"),
        "{text}"
    );
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
    let Some(screen) = on_terminal(
        &sfn,
        &[
            "run",
            &example("definition.asl.json"),
            "--input",
            &input,
            "--handlers",
            &example("handlers.json"),
        ],
        &[],
    ) else {
        return;
    };
    let text = plain(&screen);
    // Each batch runs a Python handler (a tenth of a second or more), the spinner turns
    // every tenth: it shows the Map's iterations done of 3 while they run.
    let progress = Regex::new(r"Transform batch · Transform batches [0-2]/3").unwrap();
    assert!(progress.is_match(&text), "{text}");
}
