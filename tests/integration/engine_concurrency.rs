//! Parallel branches and Map iterations run concurrently: a branch that waits (a Wait
//! state, a retry interval, a Task whose invocation takes a while) lets the others go on,
//! at most `MaxConcurrency` iterations run at once, and a failing branch aborts the ones
//! still running.
//!
//! Nothing here measures time: concurrency shows as tasks that can only finish together
//! (a rendezvous) and as the order of history events.
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use sfn::asl::definition::{self, StateMachine};
use sfn::asl::StatesError;
use sfn::clock::Clock;
use sfn::engine::{
    Env, EventSink, Execution, ExecutionInfo, HistoryEvent, Options, Status, TaskInvocation,
    TaskOutcome, TaskRunner,
};

#[derive(Default)]
struct Collect(Vec<HistoryEvent>);

impl EventSink for Collect {
    fn emit(&mut self, event: &HistoryEvent) {
        self.0.push(event.clone());
    }
}

impl Collect {
    /// `type` or `type:name` (for state events) of every event, in order.
    fn steps(&self) -> Vec<String> {
        self.0
            .iter()
            .map(|e| match e.details.as_ref().and_then(|d| d.str("name")) {
                Some(name) if e.event_type.as_str().contains("State") => {
                    format!("{}:{name}", e.event_type)
                }
                _ => e.event_type.to_string(),
            })
            .collect()
    }

    fn position(&self, step: &str) -> usize {
        self.steps()
            .iter()
            .position(|s| s == step)
            .unwrap_or_else(|| panic!("no {step} in {:#?}", self.steps()))
    }
}

fn info(input: Value) -> ExecutionInfo {
    ExecutionInfo {
        execution_arn: "arn:aws:states:us-east-1:123456789012:execution:m:e".into(),
        execution_name: "e".into(),
        state_machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:m".into(),
        state_machine_name: "m".into(),
        role_arn: "arn:aws:iam::123456789012:role/r".into(),
        input_text: input.to_string(),
        input,
        start_millis: chrono::Utc::now().timestamp_millis(),
        redrive_count: 0,
        region: "us-east-1".into(),
        state_machine_version_arn: None,
        state_machine_alias_arn: None,
    }
}

/// Runs `definition` on `input` to its end, on a manual clock: waits and retry intervals
/// move it on instead of sleeping, once nothing else can run (task threads run in real
/// time, as ever).
fn run(
    definition: Value,
    input: Value,
    tasks: &dyn TaskRunner,
    options: Options,
) -> (Status, Collect) {
    let machine: StateMachine = definition::parse(&definition).expect("definition");
    let mut sink = Collect::default();
    let clock = Clock::manual(chrono::Utc::now());
    let mut execution = Execution::start(&machine, info(input), &clock, &mut sink);
    execution.run(&mut Env {
        machine: &machine,
        tasks,
        sink: &mut sink,
        options,
    });
    (execution.status.clone(), sink)
}

fn scaled(scale: f64) -> Options {
    Options {
        wait_time_scale: scale,
        ..Options::default()
    }
}

const GIVE_UP: Duration = Duration::from_secs(20);

/// Every invocation blocks until `expected` invocations are running at the same time (or
/// gives up, failing): only concurrent invocations can succeed. Records the most that ran
/// at once.
struct Rendezvous {
    expected: usize,
    state: Mutex<(usize, usize, usize)>, // (running, arrived, most running)
    arrived: Condvar,
}

impl Rendezvous {
    fn new(expected: usize) -> Rendezvous {
        Rendezvous {
            expected,
            state: Mutex::new((0, 0, 0)),
            arrived: Condvar::new(),
        }
    }

    fn most_at_once(&self) -> usize {
        self.state.lock().unwrap().2
    }
}

impl TaskRunner for Rendezvous {
    fn may_block(&self, _: &TaskInvocation) -> bool {
        true
    }

    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome {
        let mut state = self.state.lock().unwrap();
        state.0 += 1;
        state.1 += 1;
        state.2 = state.2.max(state.0);
        self.arrived.notify_all();
        // Each group of `expected` arrivals meets before any of it leaves.
        let group_full = (state.1).div_ceil(self.expected) * self.expected;
        let (mut state, timeout) = self
            .arrived
            .wait_timeout_while(state, GIVE_UP, |s| s.1 < group_full)
            .unwrap();
        state.0 -= 1;
        if timeout.timed_out() {
            return TaskOutcome::Failed(StatesError::new("Lonely", "nobody came"));
        }
        TaskOutcome::Succeeded(invocation.input.clone())
    }
}

fn task(next: Option<&str>) -> Value {
    let mut state = json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke"});
    match next {
        Some(n) => state["Next"] = json!(n),
        None => state["End"] = json!(true),
    }
    state
}

#[test]
fn the_tasks_of_parallel_branches_run_at_the_same_time() {
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [
            {"StartAt": "A", "States": {"A": task(None)}},
            {"StartAt": "B", "States": {"B": task(None)}},
            {"StartAt": "C", "States": {"C": task(None)}}]}}});
    let tasks = Rendezvous::new(3);
    let (status, _) = run(definition, json!({}), &tasks, Options::default());
    assert_eq!(
        status,
        Status::Succeeded {
            output: json!([{}, {}, {}])
        }
    );
    assert_eq!(tasks.most_at_once(), 3);
}

#[test]
fn map_iterations_run_at_most_max_concurrency_at_once() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "MaxConcurrency": 2, "ItemsPath": "$.items",
        "ItemProcessor": {"StartAt": "T", "States": {"T": task(None)}}}}});
    let tasks = Rendezvous::new(2);
    let input = json!({"items": [1, 2, 3, 4, 5, 6]});
    let (status, _) = run(definition, input, &tasks, Options::default());
    assert_eq!(
        status,
        Status::Succeeded {
            output: json!([1, 2, 3, 4, 5, 6])
        }
    );
    assert_eq!(tasks.most_at_once(), 2);
}

#[test]
fn task_threads_bound_the_invocations_running_at_once() {
    // Four branches, two task threads: pairs meet, a third never runs beside them.
    let branch = |name: &str| json!({"StartAt": name, "States": {name: task(None)}});
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [branch("A"), branch("B"), branch("C"), branch("D")]}}});
    let tasks = Rendezvous::new(2);
    let options = Options {
        task_threads: 2,
        ..Options::default()
    };
    let (status, _) = run(definition, json!({}), &tasks, options);
    assert!(matches!(status, Status::Succeeded { .. }), "{status:?}");
    assert_eq!(tasks.most_at_once(), 2);
}

#[test]
fn a_waiting_branch_lets_the_other_branches_run() {
    // The other branch runs within the Wait's 10 s (on the manual clock: no time passes).
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [
            {"StartAt": "Nap", "States": {
                "Nap": {"Type": "Wait", "Seconds": 10, "Next": "Up"},
                "Up": {"Type": "Pass", "End": true}}},
            {"StartAt": "Busy", "States": {"Busy": {"Type": "Pass", "End": true}}}]}}});
    let (status, sink) = run(definition, json!({}), &NoBlocking, Options::default());
    assert!(matches!(status, Status::Succeeded { .. }), "{status:?}");
    let busy = sink.position("PassStateEntered:Busy");
    assert!(sink.position("WaitStateEntered:Nap") < busy);
    assert!(busy < sink.position("WaitStateExited:Nap"));
}

#[test]
fn a_retry_interval_lets_the_other_iterations_run() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemProcessor": {"StartAt": "Try", "States": {
            "Try": {"Type": "Choice",
                "Choices": [{"Variable": "$", "NumericEquals": 0, "Next": "Flaky"}],
                "Default": "Fine"},
            "Flaky": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "MaxAttempts": 1}],
                "End": true},
            "Fine": {"Type": "Pass", "End": true}}}}}});
    let tasks = FailsOnce(Mutex::new(false));
    let (status, sink) = run(definition, json!([0, 1]), &tasks, Options::default());
    assert!(matches!(status, Status::Succeeded { .. }), "{status:?}");
    // Iteration 1 runs during iteration 0's retry interval.
    let steps = sink.steps();
    let failed = steps.iter().position(|s| s == "TaskFailed").unwrap();
    let succeeded = steps.iter().position(|s| s == "TaskSucceeded").unwrap();
    let fine = sink.position("PassStateEntered:Fine");
    assert!(failed < fine && fine < succeeded, "{steps:#?}");
}

#[test]
fn a_failing_branch_aborts_the_branches_still_running() {
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [
            {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 100, "End": true}}},
            {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom"}}}]}}});
    let (status, sink) = run(definition, json!({}), &NoBlocking, scaled(1.0));
    assert_eq!(
        status,
        Status::Failed {
            error: Some("Boom".into()),
            cause: None
        }
    );
    let steps = sink.steps();
    assert_eq!(
        steps[steps.len() - 4..],
        [
            "FailStateEntered:Boom",
            "WaitStateAborted",
            "ParallelStateFailed",
            "ExecutionFailed"
        ]
    );
    // The abort points at the failure, as the failure of the Parallel does.
    let failure = sink.0[sink.position("FailStateEntered:Boom")].id;
    assert_eq!(
        sink.0[sink.position("WaitStateAborted")].previous_event_id,
        failure
    );
}

#[test]
fn a_failing_iteration_aborts_the_iterations_still_running() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemProcessor": {"StartAt": "Which", "States": {
            "Which": {"Type": "Choice",
                "Choices": [{"Variable": "$", "NumericEquals": 0, "Next": "Nap"}],
                "Default": "Boom"},
            "Nap": {"Type": "Wait", "Seconds": 100, "End": true},
            "Boom": {"Type": "Fail", "Error": "Boom", "Cause": "item 1"}}}}}});
    let (status, sink) = run(definition, json!([0, 1]), &NoBlocking, Options::default());
    assert_eq!(
        status,
        Status::Failed {
            error: Some("Boom".into()),
            cause: Some("item 1".into())
        }
    );
    let steps = sink.steps();
    assert_eq!(
        steps[steps.len() - 6..],
        [
            "FailStateEntered:Boom",
            "MapIterationFailed",
            "WaitStateAborted",
            "MapIterationAborted",
            "MapStateFailed",
            "ExecutionFailed"
        ]
    );
    let aborted = &sink.0[sink.position("MapIterationAborted")];
    assert_eq!(
        aborted.details.as_ref().map(|d| d.to_value()),
        Some(json!({"index": 0, "name": "M"}))
    );
}

/// Answers at once: every task succeeds with its input, none runs on a task thread.
struct NoBlocking;

impl TaskRunner for NoBlocking {
    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome {
        TaskOutcome::Succeeded(invocation.input.clone())
    }
}

/// The first invocation fails, the others succeed.
struct FailsOnce(Mutex<bool>);

impl TaskRunner for FailsOnce {
    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome {
        let mut failed = self.0.lock().unwrap();
        if !*failed {
            *failed = true;
            return TaskOutcome::Failed(StatesError::new("Flaky", "first call"));
        }
        TaskOutcome::Succeeded(invocation.input.clone())
    }
}

/// Every task waits for its outcome from outside (a callback).
struct Callbacks;

impl TaskRunner for Callbacks {
    fn invoke(&self, _: &TaskInvocation) -> TaskOutcome {
        TaskOutcome::Pending
    }
}

#[test]
fn redriving_runs_the_branches_that_were_waiting_again() {
    let ask = json!({"Type": "Task", "End": true,
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken"});
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [
            {"StartAt": "A", "States": {"A": ask}},
            {"StartAt": "B", "States": {"B": ask}}]}}});
    let machine: StateMachine = definition::parse(&definition).unwrap();
    let mut sink = Collect::default();
    let mut execution = Execution::start(&machine, info(json!({})), &Clock::system(), &mut sink);
    let run = |execution: &mut Execution, sink: &mut Collect| {
        execution.run(&mut Env {
            machine: &machine,
            tasks: &Callbacks,
            sink,
            options: Options::default(),
        })
    };
    run(&mut execution, &mut sink);
    let before = execution.waiting_tokens();
    assert_eq!(before.len(), 2);
    execution.abort(&mut sink, None, None);
    execution.redrive(&mut sink).expect("redrive");
    run(&mut execution, &mut sink);
    // Both branches entered their Task again and wait with new tokens.
    let steps = sink.steps();
    let redriven = sink.position("ExecutionRedriven");
    let entered: Vec<&String> = steps[redriven..]
        .iter()
        .filter(|s| s.starts_with("TaskStateEntered"))
        .collect();
    assert_eq!(entered, ["TaskStateEntered:A", "TaskStateEntered:B"]);
    let after = execution.waiting_tokens();
    assert_eq!(after.len(), 2);
    assert!(after.iter().all(|t| !before.contains(t)), "{after:?}");
    for (token, output) in after.iter().zip(["a", "b"]) {
        assert!(execution.deliver_to(token, TaskOutcome::Succeeded(json!(output))));
    }
    run(&mut execution, &mut sink);
    assert_eq!(
        execution.status,
        Status::Succeeded {
            output: json!(["a", "b"])
        }
    );
}
