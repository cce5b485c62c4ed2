//! Executions shared by several `sfn` processes on one store: each execution has one owner
//! at a time, outcomes sent from other processes are queued and applied exactly once, no
//! history is lost when the owner is stopped or killed, and `sfn resume` takes over what
//! a dead process left.
#![cfg(unix)]
use crate::cli_support;

use std::collections::HashSet;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use cli_support::{types, Sfn};
use serde_json::{json, Value};

const ACTIVITY: &str = "arn:aws:states:us-east-1:123456789012:activity:work";

/// Event ids run 1..=n with no gap or repeat, and each points at an earlier event.
fn assert_whole(events: &[Value]) {
    for (i, e) in events.iter().enumerate() {
        assert_eq!(
            e["id"],
            json!(i + 1),
            "ids must be consecutive: {events:#?}"
        );
        assert!(e["previousEventId"].as_i64().unwrap() <= i as i64);
    }
}

fn spawn(sfn: &Sfn, args: &[&str]) -> Child {
    sfn.cmd()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn worker_token(sfn: &Sfn) -> String {
    let task = sfn.json(&["get-activity-task", "--activity-arn", ACTIVITY]);
    task["taskToken"].as_str().expect("a task").to_string()
}

fn parallel_of_activities(branches: usize) -> Value {
    // State names are unique machine-wide.
    let branches: Vec<Value> = (0..branches)
        .map(|i| {
            let name = format!("Work{i}");
            json!({"StartAt": name, "States": {name: {"Type": "Task", "Resource": ACTIVITY, "End": true}}})
        })
        .collect();
    json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": branches, "End": true}}})
}

#[test]
fn outcomes_sent_at_once_to_every_branch_are_all_applied() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "work"]);
    let machine = sfn.create_machine("fan", &parallel_of_activities(4));
    for trial in 0..15 {
        let arn = sfn.start(&machine, &["--name", &format!("t{trial}")]);
        let tokens: Vec<String> = (0..4).map(|_| worker_token(&sfn)).collect();
        let senders: Vec<Child> = tokens
            .iter()
            .enumerate()
            .map(|(i, token)| {
                spawn(
                    &sfn,
                    &[
                        "send-task-success",
                        "--task-token",
                        token,
                        "--task-output",
                        &i.to_string(),
                    ],
                )
            })
            .collect();
        for sender in senders {
            let out = sender.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "trial {trial}: a sender failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let described = sfn.describe(&arn);
        assert_eq!(described["status"], "SUCCEEDED", "trial {trial}");
        let mut output: Vec<i64> =
            serde_json::from_str::<Vec<i64>>(described["output"].as_str().unwrap()).unwrap();
        output.sort();
        assert_eq!(output, vec![0, 1, 2, 3], "trial {trial}");
        let events = sfn.history(&arn);
        assert_whole(&events);
        let count = |t: &str| types(&events).iter().filter(|x| **x == t).count();
        assert_eq!(count("ActivityStarted"), 4);
        assert_eq!(count("ActivitySucceeded"), 4);
    }
}

#[test]
fn a_worker_and_a_callback_racing_on_two_branches_both_land() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "work"]);
    let tokens = sfn.dir.path().join("tokens");
    std::fs::create_dir(&tokens).unwrap();
    // The callback's request part writes its token where the test finds it.
    let handlers = sfn.write(
        "handlers.json",
        r#"{"resources": {"arn:aws:states:::sqs:sendMessage.waitForTaskToken":
            ["sh", "-c", "cat > tokens/$(date +%s%N).json; echo '{}'"]}}"#,
    );
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": ACTIVITY, "End": true}}},
        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}
    ]}}});
    let machine = sfn.create_machine("race", &definition);
    for trial in 0..8 {
        for f in std::fs::read_dir(&tokens).unwrap() {
            std::fs::remove_file(f.unwrap().path()).unwrap();
        }
        let out = sfn
            .cmd()
            .env("SFN_HANDLERS", &handlers)
            .args([
                "start-execution",
                "--state-machine-arn",
                &machine,
                "--name",
                &format!("r{trial}"),
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        let arn = serde_json::from_slice::<Value>(&out.stdout).unwrap()["executionArn"]
            .as_str()
            .unwrap()
            .to_string();
        let file = std::fs::read_dir(&tokens).unwrap().next().unwrap().unwrap();
        let sent: Value =
            serde_json::from_str(&std::fs::read_to_string(file.path()).unwrap()).unwrap();
        let callback = sent["MessageBody"]["token"].as_str().unwrap().to_string();
        let worker = spawn(&sfn, &["get-activity-task", "--activity-arn", ACTIVITY]);
        let answer = spawn(
            &sfn,
            &[
                "send-task-success",
                "--task-token",
                &callback,
                "--task-output",
                "\"cb\"",
            ],
        );
        let worker = worker.wait_with_output().unwrap();
        let answer = answer.wait_with_output().unwrap();
        assert!(
            answer.status.success(),
            "{}",
            String::from_utf8_lossy(&answer.stderr)
        );
        assert!(
            worker.status.success(),
            "{}",
            String::from_utf8_lossy(&worker.stderr)
        );
        let token = serde_json::from_slice::<Value>(&worker.stdout).unwrap()["taskToken"]
            .as_str()
            .expect("the worker got its task")
            .to_string();
        sfn.json(&[
            "send-task-success",
            "--task-token",
            &token,
            "--task-output",
            "\"work\"",
        ]);
        let described = sfn.describe(&arn);
        assert_eq!(described["status"], "SUCCEEDED", "trial {trial}");
        assert_eq!(described["output"], "[\"work\",\"cb\"]");
        let events = sfn.history(&arn);
        assert_whole(&events);
        assert!(types(&events).contains(&"ActivityStarted"));
    }
}

#[test]
fn a_stop_racing_a_worker_never_ends_in_success_nor_crashes() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "work"]);
    let definition = json!({"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": ACTIVITY, "End": true}}});
    let machine = sfn.create_machine("stoprace", &definition);
    for trial in 0..10 {
        let arn = sfn.start(&machine, &["--name", &format!("s{trial}")]);
        let token = worker_token(&sfn);
        let stop = spawn(&sfn, &["stop-execution", "--execution-arn", &arn]);
        let answer = spawn(
            &sfn,
            &[
                "send-task-success",
                "--task-token",
                &token,
                "--task-output",
                "{}",
            ],
        );
        let stop = stop.wait_with_output().unwrap();
        let answer = answer.wait_with_output().unwrap();
        for out in [&stop, &answer] {
            assert_ne!(
                out.status.code(),
                Some(255),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let status = sfn.describe(&arn)["status"].as_str().unwrap().to_string();
        if stop.status.success() {
            assert_eq!(status, "ABORTED", "trial {trial}: the stop was answered");
        } else {
            assert_eq!(status, "SUCCEEDED", "trial {trial}");
        }
        let events = sfn.history(&arn);
        assert_whole(&events);
        let last = types(&events).last().unwrap().to_string();
        assert!(last == "ExecutionAborted" || last == "ExecutionSucceeded");
    }
}

fn slow_machine(sfn: &Sfn, name: &str) -> String {
    let definition = json!({"StartAt": "First", "States": {
        "First": {"Type": "Pass", "Next": "Sleep"},
        "Sleep": {"Type": "Wait", "Seconds": 30, "End": true}}});
    sfn.create_machine(name, &definition)
}

#[test]
fn a_stop_from_another_process_ends_a_running_execution_with_its_history() {
    let sfn = Sfn::new();
    let machine = slow_machine(&sfn, "slow");
    let mut runner = sfn
        .cmd()
        .env("SFN_WAIT_TIME_SCALE", "1")
        .args([
            "start-execution",
            "--state-machine-arn",
            &machine,
            "--name",
            "e1",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let arn = machine.replace(":stateMachine:", ":execution:") + ":e1";
    // While it waits, its history so far is visible from another process.
    wait_until("the Wait state in the history", || {
        sfn.run(&["get-execution-history", "--execution-arn", &arn])
            .status
            .success()
            && types(&sfn.history(&arn)).contains(&"WaitStateEntered")
    });
    assert_eq!(sfn.describe(&arn)["status"], "RUNNING");
    sfn.json(&["stop-execution", "--execution-arn", &arn, "--error", "Halt"]);
    let described = sfn.describe(&arn);
    assert_eq!(described["status"], "ABORTED");
    assert_eq!(described["error"], "Halt");
    let status = runner.wait().unwrap();
    assert!(
        status.success(),
        "start-execution returns normally: {status:?}"
    );
    let events = sfn.history(&arn);
    assert_whole(&events);
    assert_eq!(
        types(&events),
        [
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "WaitStateEntered",
            "ExecutionAborted"
        ]
    );
}

fn interrupt(signal: libc::c_int, expected_code: i32) {
    let sfn = Sfn::new();
    let machine = slow_machine(&sfn, "slow");
    let child = sfn
        .cmd()
        .env("SFN_WAIT_TIME_SCALE", "1")
        .args(["run", "--name", "slow", "--execution-name", "e1", "--quiet"])
        .arg(sfn.write("slow.asl.json", &describe_definition(&sfn, &machine)))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let arn = machine.replace(":stateMachine:", ":execution:") + ":e1";
    wait_until("the Wait state", || {
        sfn.run(&["describe-execution", "--execution-arn", &arn])
            .status
            .success()
            && types(&sfn.history(&arn)).contains(&"WaitStateEntered")
    });
    unsafe { libc::kill(child.id() as libc::pid_t, signal) };
    let out: Output = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(expected_code));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&arn),
        "stderr names the execution: {stderr}"
    );
    assert!(stderr.contains("ABORTED"), "{stderr}");
    assert_eq!(sfn.describe(&arn)["status"], "ABORTED");
    let events = sfn.history(&arn);
    assert_whole(&events);
    assert_eq!(types(&events).last(), Some(&"ExecutionAborted"));
}

fn describe_definition(sfn: &Sfn, machine: &str) -> String {
    sfn.json(&["describe-state-machine", "--state-machine-arn", machine])["definition"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn ctrl_c_during_sfn_run_stops_the_execution_and_exits_130() {
    interrupt(libc::SIGINT, 130);
}

#[test]
fn sigterm_during_sfn_run_stops_the_execution_and_exits_143() {
    interrupt(libc::SIGTERM, 143);
}

/// A Map whose iterations each wait a little: a long run of small steps to kill at
/// random points.
fn map_machine(sfn: &Sfn) -> String {
    let definition = json!({"StartAt": "Items", "States": {
        "Items": {"Type": "Pass", "Result": [1,2,3,4,5,6,7,8,9,10,11,12], "Next": "M"},
        "M": {"Type": "Map", "MaxConcurrency": 3, "ItemProcessor": {"StartAt": "Nap", "States": {
            "Nap": {"Type": "Wait", "Seconds": 1, "Next": "Double"},
            "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($, $)"}, "End": true}}},
          "End": true}}});
    sfn.create_machine("naps", &definition)
}

#[test]
fn a_killed_execution_is_taken_over_by_sfn_resume_and_ends_whole() {
    let sfn = Sfn::new();
    let machine = map_machine(&sfn);
    for (trial, delay) in [150u64, 400, 700].into_iter().enumerate() {
        let name = format!("k{trial}");
        let mut child = sfn
            .cmd()
            .env("SFN_WAIT_TIME_SCALE", "0.2")
            .args([
                "start-execution",
                "--state-machine-arn",
                &machine,
                "--name",
                &name,
            ])
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGKILL) };
        child.wait().unwrap();
        let arn = machine.replace(":stateMachine:", ":execution:") + ":" + &name;
        // What is left of the Map's waits skips ahead on a virtual clock.
        let resumed = sfn
            .cmd()
            .env("SFN_CLOCK", "virtual")
            .arg("resume")
            .output()
            .unwrap();
        assert!(
            resumed.status.success(),
            "{}",
            String::from_utf8_lossy(&resumed.stderr)
        );
        let described = sfn.describe(&arn);
        if described["status"] == "RUNNING" {
            panic!("trial {trial}: still running after resume: {described}");
        }
        assert_eq!(described["status"], "SUCCEEDED", "trial {trial}");
        let output: Value = serde_json::from_str(described["output"].as_str().unwrap()).unwrap();
        assert_eq!(output.as_array().unwrap().len(), 12);
        assert_eq!(output[11], json!({"v": 24}));
        let events = sfn.history(&arn);
        assert_whole(&events);
        // Each iteration ends once, whatever ran twice.
        let succeeded = events
            .iter()
            .filter(|e| e["type"] == "MapIterationSucceeded")
            .map(|e| {
                e["mapIterationSucceededEventDetails"]["index"]
                    .as_i64()
                    .unwrap()
            })
            .collect::<Vec<_>>();
        let distinct: HashSet<i64> = succeeded.iter().copied().collect();
        assert_eq!(succeeded.len(), 12, "trial {trial}");
        assert_eq!(distinct.len(), 12, "trial {trial}");
    }
}

#[test]
fn resuming_serves_tasks_with_the_resuming_process_handlers() {
    let sfn = Sfn::new();
    sfn.json(&["create-activity", "--name", "work"]);
    let definition = json!({"StartAt": "Work", "States": {
        "Work": {"Type": "Task", "Resource": ACTIVITY, "Next": "Call"},
        "Call": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:who", "End": true}}});
    let machine = sfn.create_machine("two", &definition);
    let first = sfn.write(
        "first.json",
        r#"{"lambda": {"who": ["sh", "-c", "echo '\"first\"'"]}}"#,
    );
    let second = sfn.write(
        "second.json",
        r#"{"lambda": {"who": ["sh", "-c", "echo '\"second\"'"]}}"#,
    );
    let started = sfn
        .cmd()
        .env("SFN_HANDLERS", &first)
        .args([
            "start-execution",
            "--state-machine-arn",
            &machine,
            "--name",
            "h",
        ])
        .output()
        .unwrap();
    assert!(started.status.success());
    let token = worker_token(&sfn);
    let sent = sfn
        .cmd()
        .env("SFN_HANDLERS", &second)
        .args([
            "send-task-success",
            "--task-token",
            &token,
            "--task-output",
            "{}",
        ])
        .output()
        .unwrap();
    assert!(
        sent.status.success(),
        "{}",
        String::from_utf8_lossy(&sent.stderr)
    );
    let arn = machine.replace(":stateMachine:", ":execution:") + ":h";
    let described = sfn.describe(&arn);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(described["output"], "\"second\"");
}

#[test]
fn two_starts_of_one_name_at_once_make_one_execution() {
    let sfn = Sfn::new();
    let machine = sfn.create_machine(
        "once",
        &json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}),
    );
    // Different inputs: AWS answers ExecutionAlreadyExists for all but the first.
    let runs: Vec<Child> = (0..4)
        .map(|i| {
            spawn(
                &sfn,
                &[
                    "start-execution",
                    "--state-machine-arn",
                    &machine,
                    "--name",
                    "same",
                    "--input",
                    &format!("{{\"n\": {i}}}"),
                ],
            )
        })
        .collect();
    let codes: Vec<Option<i32>> = runs
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status.code())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert!(
        codes.iter().all(|c| *c == Some(0) || *c == Some(254)),
        "{codes:?}"
    );
}

/// A distributed Map of 20 children that each wait (1 s, scaled by the caller).
fn distributed_machine(sfn: &Sfn) -> String {
    let items: Vec<i64> = (1..=20).collect();
    let definition = json!({"StartAt": "Items", "States": {
        "Items": {"Type": "Pass", "Result": items, "Next": "M"},
        "M": {"Type": "Map", "MaxConcurrency": 5,
          "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 1, "End": true}}},
          "End": true}}});
    sfn.create_machine("dist", &definition)
}

fn map_runs(sfn: &Sfn, arn: &str) -> Vec<Value> {
    sfn.json(&["list-map-runs", "--execution-arn", arn])["mapRuns"]
        .as_array()
        .unwrap()
        .clone()
}

fn children(sfn: &Sfn, map_run: &str) -> Vec<Value> {
    sfn.json(&["list-executions", "--map-run-arn", map_run])["executions"]
        .as_array()
        .unwrap()
        .clone()
}

fn start_distributed(sfn: &Sfn, machine: &str, name: &str, scale: &str) -> (Child, String) {
    let child = sfn
        .cmd()
        .env("SFN_WAIT_TIME_SCALE", scale)
        .args([
            "start-execution",
            "--state-machine-arn",
            machine,
            "--name",
            name,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let arn = machine.replace(":stateMachine:", ":execution:") + ":" + name;
    wait_until("children running", || {
        sfn.run(&["describe-execution", "--execution-arn", &arn])
            .status
            .success()
            && map_runs(sfn, &arn)
                .first()
                .is_some_and(|run| !children(sfn, run["mapRunArn"].as_str().unwrap()).is_empty())
    });
    (child, arn)
}

#[test]
fn stopping_a_distributed_map_parent_aborts_its_map_run_and_children() {
    let sfn = Sfn::new();
    let machine = distributed_machine(&sfn);
    let (runner, arn) = start_distributed(&sfn, &machine, "d1", "1");
    sfn.json(&["stop-execution", "--execution-arn", &arn]);
    assert_eq!(sfn.describe(&arn)["status"], "ABORTED");
    runner.wait_with_output().unwrap();
    let run = &map_runs(&sfn, &arn)[0];
    let run_arn = run["mapRunArn"].as_str().unwrap();
    let described = sfn.json(&["describe-map-run", "--map-run-arn", run_arn]);
    assert_eq!(described["status"], "ABORTED");
    let kids = children(&sfn, run_arn);
    assert!(
        kids.len() < 20,
        "the run stopped before every child started"
    );
    for kid in &kids {
        assert_ne!(kid["status"], "RUNNING", "{kid}");
        let events = sfn.history(kid["executionArn"].as_str().unwrap());
        assert_whole(&events);
        assert_eq!(types(&events)[0], "ExecutionStarted");
    }
    // Its counts add up to the children it had.
    let total = described["executionCounts"]["total"].as_u64().unwrap();
    assert_eq!(total as usize, kids.len());
    let events = sfn.history(&arn);
    assert_whole(&events);
    assert_eq!(types(&events).last(), Some(&"ExecutionAborted"));
}

#[test]
fn a_killed_distributed_map_parent_is_resumed_and_its_old_children_aborted() {
    let sfn = Sfn::new();
    let machine = distributed_machine(&sfn);
    let (mut runner, arn) = start_distributed(&sfn, &machine, "d2", "0.3");
    unsafe { libc::kill(runner.id() as libc::pid_t, libc::SIGKILL) };
    runner.wait().unwrap();
    let old_run = map_runs(&sfn, &arn)[0]["mapRunArn"]
        .as_str()
        .unwrap()
        .to_string();
    // The new map run's children wait on a virtual clock: their waits skip ahead.
    let resumed = sfn
        .cmd()
        .env("SFN_CLOCK", "virtual")
        .arg("resume")
        .output()
        .unwrap();
    assert!(
        resumed.status.success(),
        "{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    let described = sfn.describe(&arn);
    assert_eq!(described["status"], "SUCCEEDED", "{described}");
    let old = sfn.json(&["describe-map-run", "--map-run-arn", &old_run]);
    assert_eq!(old["status"], "ABORTED");
    for kid in children(&sfn, &old_run) {
        assert_ne!(kid["status"], "RUNNING", "{kid}");
    }
    let runs = map_runs(&sfn, &arn);
    assert_eq!(runs.len(), 2, "the Map state ran again in a new map run");
    let events = sfn.history(&arn);
    assert_whole(&events);
}
