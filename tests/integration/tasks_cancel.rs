//! A Task served by a local handler command stops running when the execution no longer
//! waits for it: stopped (from another process), timed out, or the Task's own
//! `TimeoutSeconds` passed. The command's whole process group is killed, and the execution
//! ends with the events AWS records for that case.
//!
//! The handler starts `sleep 30` in the background and waits for it, writing both pids
//! first: killing the handler alone would leave the sleep running.
#![cfg(unix)]
use std::path::{Path, PathBuf};
use std::process::{Child, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use sfn::api::{self, Context};
use sfn::clock::Clock;
use sfn::runtime::Settings;
use sfn::store::Store;

use crate::cli_support::{arn, types, Sfn, ROLE};

/// How long a killed handler may take to be gone: generous, it only tells a kill from the
/// 30 s sleep running its course.
const GONE_WITHIN: Duration = Duration::from_secs(10);

/// A handlers file serving the Lambda function `slow` with the sleeping handler, which
/// writes its pids to `pids` in `dir`.
fn slow_handlers(dir: &Path) -> (PathBuf, PathBuf) {
    let pids = dir.join("pids");
    let script = format!(
        "sleep 30 & echo $$ $! > {0}.tmp; mv {0}.tmp {0}; wait",
        pids.display()
    );
    let handlers = dir.join("handlers.json");
    std::fs::write(
        &handlers,
        json!({"lambda": {"slow": ["sh", "-c", script]}}).to_string(),
    )
    .unwrap();
    (handlers, pids)
}

/// A machine whose one Task calls `slow`; `task` and `machine` add fields to the Task and
/// to the definition.
fn slow_machine(task: Value, machine: Value) -> Value {
    let mut slow = json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                          "Parameters": {"FunctionName": "slow"}, "End": true});
    for (k, v) in task.as_object().unwrap() {
        slow[k] = v.clone();
    }
    let mut definition = json!({"StartAt": "Slow", "States": {"Slow": slow}});
    for (k, v) in machine.as_object().unwrap() {
        definition[k] = v.clone();
    }
    definition
}

/// The handler's pids (the shell, the sleep) once it has written them.
fn pids_in(path: &Path) -> Vec<i32> {
    let until = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(text) = std::fs::read_to_string(path) {
            return text
                .split_whitespace()
                .map(|p| p.parse().unwrap())
                .collect();
        }
        assert!(Instant::now() < until, "the handler did not start");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether the process runs. A zombie has ended; reaping an orphan is init's work, but
/// the handler itself is `sfn`'s child: see [`reaped`].
fn alive(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z'),
        Err(_) => false,
    }
}

/// Whether the process is gone without a trace: ended and reaped.
fn reaped(pid: i32) -> bool {
    !Path::new(&format!("/proc/{pid}")).exists()
}

/// Waits (a bounded while) for every pid to end; whether they all did.
fn all_gone(pids: &[i32]) -> bool {
    let until = Instant::now() + GONE_WITHIN;
    while pids.iter().any(|&p| alive(p)) {
        if Instant::now() >= until {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    true
}

/// Creates the slow machine and starts its execution `e1` in a process of its own, which
/// runs it (and its handler) until it ends.
fn start_slow(sfn: &Sfn, handlers: &Path) -> Child {
    sfn.create_machine("slow", &slow_machine(json!({}), json!({})));
    run_in_background(sfn, handlers, "slow", "e1")
}

fn run_in_background(sfn: &Sfn, handlers: &Path, machine: &str, name: &str) -> Child {
    sfn.cmd()
        .env("SFN_HANDLERS", handlers)
        .args(["start-execution", "--state-machine-arn", &arn(machine)])
        .args(["--name", name])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits (at most [`GONE_WITHIN`]) for `runner` to exit.
fn exit_of(runner: &mut Child, what: &str) -> ExitStatus {
    let until = Instant::now() + GONE_WITHIN;
    loop {
        if let Some(status) = runner.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < until, "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn stop_execution_from_another_process_kills_the_handler() {
    let sfn = Sfn::new();
    let (handlers, pids) = slow_handlers(sfn.dir.path());
    let mut runner = start_slow(&sfn, &handlers);
    let pids = pids_in(&pids);
    let execution = "arn:aws:states:us-east-1:123456789012:execution:slow:e1";
    let stopped = sfn.json(&[
        "stop-execution",
        "--execution-arn",
        execution,
        "--error",
        "Operator",
        "--cause",
        "no longer needed",
    ]);
    assert!(stopped["stopDate"].is_string(), "{stopped}");
    // The process that ran it applied the stop before stop-execution answered: the
    // handler is gone already, the shell reaped.
    assert!(
        pids.iter().all(|&p| !alive(p)),
        "the handler outlived the stop"
    );
    let described = sfn.describe(execution);
    assert_eq!(described["status"], "ABORTED", "{described}");
    assert_eq!(described["error"], "Operator");
    assert_eq!(described["cause"], "no longer needed");
    assert_eq!(
        types(&sfn.history(execution)),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "ExecutionAborted"
        ]
    );
    let status = exit_of(&mut runner, "start-execution did not end");
    assert!(status.success(), "{status}");
    assert!(reaped(pids[0]), "the handler was left a zombie");
}

/// A service on a store on disk, with the handlers file and a manual clock.
struct Service {
    ctx: Context,
    clock: Clock,
    pids: PathBuf,
    _dir: tempfile::TempDir,
}

impl Service {
    fn new() -> Service {
        let dir = tempfile::tempdir().unwrap();
        let (handlers, pids) = slow_handlers(dir.path());
        let store = Store::open(&dir.path().join("sfn.db")).unwrap();
        let clock = Clock::manual(chrono::Utc::now());
        let settings = Settings {
            clock: clock.clone(),
            handlers: Some(handlers),
            ..Settings::default()
        };
        Service {
            ctx: Context::with_settings(store, settings),
            clock,
            pids,
            _dir: dir,
        }
    }

    fn ok(&mut self, operation: &str, input: Value) -> Value {
        api::call(&mut self.ctx, operation, input).unwrap_or_else(|e| panic!("{operation}: {e}"))
    }

    /// Starts an execution of `definition` (it runs here until it ends) while another
    /// thread moves the clock on by `advance` once the handler runs. Returns the
    /// execution's ARN and whether the handler was gone soon after the clock moved.
    fn run_advancing(&mut self, definition: Value, advance: Duration) -> (String, bool) {
        let machine = self.ok(
            "CreateStateMachine",
            json!({"name": "slow", "definition": definition.to_string(), "roleArn": ROLE}),
        );
        let (clock, pids) = (self.clock.clone(), self.pids.clone());
        let mover = std::thread::spawn(move || {
            let pids = pids_in(&pids);
            clock.advance(advance);
            all_gone(&pids)
        });
        let started = self.ok(
            "StartExecution",
            json!({"stateMachineArn": machine["stateMachineArn"]}),
        );
        let gone = mover.join().unwrap();
        (started["executionArn"].as_str().unwrap().to_string(), gone)
    }

    fn history(&mut self, execution: &str) -> Vec<Value> {
        self.ok("GetExecutionHistory", json!({"executionArn": execution}))["events"]
            .as_array()
            .unwrap()
            .clone()
    }
}

#[test]
fn the_execution_timeout_kills_the_handler() {
    let mut service = Service::new();
    let definition = slow_machine(json!({}), json!({"TimeoutSeconds": 300}));
    let (execution, gone) = service.run_advancing(definition, Duration::from_secs(301));
    assert!(gone, "the handler outlived the execution's timeout");
    let described = service.ok("DescribeExecution", json!({"executionArn": execution}));
    assert_eq!(described["status"], "TIMED_OUT", "{described}");
    let events = service.history(&execution);
    assert_eq!(
        types(&events),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "ExecutionTimedOut"
        ]
    );
    assert_eq!(
        events[4]["executionTimedOutEventDetails"]["error"],
        "States.Timeout"
    );
    let pids = pids_in(&service.pids);
    assert!(reaped(pids[0]), "the handler was left a zombie");
}

#[test]
fn the_task_timeout_kills_the_handler_and_its_children() {
    let mut service = Service::new();
    let definition = slow_machine(json!({"TimeoutSeconds": 60}), json!({}));
    let (execution, gone) = service.run_advancing(definition, Duration::from_secs(60));
    assert!(
        gone,
        "the handler (or what it started) outlived the Task's timeout"
    );
    let described = service.ok("DescribeExecution", json!({"executionArn": execution}));
    assert_eq!(described["status"], "FAILED", "{described}");
    assert_eq!(described["error"], "States.Timeout");
    let events = service.history(&execution);
    assert_eq!(
        types(&events),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskTimedOut",
            "ExecutionFailed"
        ]
    );
    assert_eq!(
        events[4]["taskTimedOutEventDetails"],
        json!({"resourceType": "lambda", "resource": "invoke", "error": "States.Timeout"})
    );
    let pids = pids_in(&service.pids);
    assert!(reaped(pids[0]), "the handler was left a zombie");
}

/// Run by `sfn` itself: a Ctrl-C stops the execution, which kills the handler (in a
/// process group of its own, it does not get the terminal's signal).
#[test]
fn an_interrupted_run_kills_the_handler() {
    let sfn = Sfn::new();
    let (handlers, pids) = slow_handlers(sfn.dir.path());
    let mut runner = start_slow(&sfn, &handlers);
    let pids = pids_in(&pids);
    // SAFETY: signals the child this test started.
    unsafe { libc::kill(runner.id() as libc::pid_t, libc::SIGINT) };
    let status = exit_of(&mut runner, "sfn did not stop on SIGINT");
    assert_eq!(status.code(), Some(130));
    assert!(all_gone(&pids), "the handler outlived the interrupted run");
    let execution = "arn:aws:states:us-east-1:123456789012:execution:slow:e1";
    assert_eq!(sfn.describe(execution)["status"], "ABORTED");
}

/// A `.sync` child runs on its parent's task thread: stopping the parent stops the child
/// (as the parent's end would) and kills the child's handler, without waiting for it.
#[test]
fn stopping_a_parent_stops_its_sync_child_and_kills_the_childs_handler() {
    let sfn = Sfn::new();
    let (handlers, pids) = slow_handlers(sfn.dir.path());
    let child = slow_machine(json!({}), json!({}));
    let parent = json!({"StartAt": "Run", "States": {"Run": {
        "Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
        "Parameters": {"StateMachineArn": arn("child"), "Name": "kid"}, "End": true}}});
    sfn.create_machine("child", &child);
    sfn.create_machine("parent", &parent);
    let mut runner = run_in_background(&sfn, &handlers, "parent", "p1");
    let pids = pids_in(&pids);
    let execution = "arn:aws:states:us-east-1:123456789012:execution:parent:p1";
    sfn.json(&["stop-execution", "--execution-arn", execution]);
    assert!(
        pids.iter().all(|&p| !alive(p)),
        "the child's handler outlived the stop"
    );
    assert_eq!(sfn.describe(execution)["status"], "ABORTED");
    let kid = "arn:aws:states:us-east-1:123456789012:execution:child:kid";
    assert_eq!(sfn.describe(kid)["status"], "ABORTED");
    assert_eq!(
        types(&sfn.history(kid)),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "ExecutionAborted"
        ]
    );
    exit_of(&mut runner, "start-execution did not end");
}
