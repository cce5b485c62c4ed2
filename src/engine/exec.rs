//! The interpreter proper: an [`Execution`] is plain, serializable data (a stack of
//! frames: threads running a block of states, and fan-outs collecting Parallel branch or
//! Map iteration results); [`Execution::run`] advances it until it ends or parks on a
//! task whose outcome comes later.
use std::collections::HashMap;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::data::{self, to_text};
use super::history::{EventSink, HistoryEvent};
use super::resource::ResourceForm;
use super::task::{TaskInvocation, TaskOutcome, TaskRunner};
use crate::asl::definition::{
    BlockId, Catcher, Kind, MapMode, MapState, PathField, QueryLanguage, State, StateMachine,
    Transition,
};
use crate::asl::error::names;
use crate::asl::path::{PathError, Scope};
use crate::asl::vars::Scoped;
use crate::asl::{intrinsics, timestamp, StatesError, Variables};

// Redrive support lives in its own file; as a child module it sees the frames.
mod redrive;
pub use redrive::RedriveError;
// Distributed Map runs handed to a `MapRunner` (child executions, readers, writers).
mod distributed;

/// 256 KiB: the payload quota of states, tasks and executions.
pub const MAX_PAYLOAD_BYTES: usize = 262_144;
/// Events per execution history.
pub const MAX_EVENTS: i64 = 25_000;

/// What an execution is and was started with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExecutionInfo {
    pub execution_arn: String,
    pub execution_name: String,
    pub state_machine_arn: String,
    pub state_machine_name: String,
    pub role_arn: String,
    pub input: Value,
    /// The input exactly as given: `ExecutionStarted` and the first state's Entered
    /// event show it unchanged.
    pub input_text: String,
    /// Start time, milliseconds since the epoch.
    pub start_millis: i64,
    pub redrive_count: u32,
    /// For `TaskScheduled.region`.
    pub region: String,
    /// Set when started through a version or an alias (shown in `ExecutionStarted`).
    #[serde(default)]
    pub state_machine_version_arn: Option<String>,
    #[serde(default)]
    pub state_machine_alias_arn: Option<String>,
}

/// How an execution stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Status {
    Running,
    Succeeded {
        output: Value,
    },
    Failed {
        error: Option<String>,
        cause: Option<String>,
    },
    TimedOut {
        error: Option<String>,
        cause: Option<String>,
    },
    Aborted {
        error: Option<String>,
        cause: Option<String>,
    },
}

impl Status {
    /// The API's status name.
    pub fn name(&self) -> &'static str {
        match self {
            Status::Running => "RUNNING",
            Status::Succeeded { .. } => "SUCCEEDED",
            Status::Failed { .. } => "FAILED",
            Status::TimedOut { .. } => "TIMED_OUT",
            Status::Aborted { .. } => "ABORTED",
        }
    }
}

/// Knobs the API layer passes in.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Factor applied to Wait durations and Retry intervals (`SFN_WAIT_TIME_SCALE`); 0 skips.
    pub wait_time_scale: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            wait_time_scale: 1.0,
        }
    }
}

/// Why [`Execution::run`] returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// The execution has ended; see [`Execution::status`].
    Finished,
    /// A task's outcome will come later ([`Execution::deliver`] it, then run again).
    Parked(ParkedTask),
}

/// A task waiting for its outcome from outside the execution (a callback with the token,
/// an activity worker): what the API layer needs to open the task token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParkedTask {
    pub task_token: String,
    pub state_name: String,
    pub resource: String,
    /// Set for activity tasks: the activity a worker polls.
    pub activity_arn: Option<String>,
    /// The effective input (JSON text).
    pub input: String,
    pub timeout_seconds: Option<u64>,
    pub heartbeat_seconds: Option<u64>,
}

/// The state of one execution. Serialize it to park the execution; deserialize and
/// [`Execution::run`] it (with the same definition) to continue.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Execution {
    pub info: ExecutionInfo,
    pub status: Status,
    next_event_id: i64,
    last_event_id: i64,
    frames: Vec<Frame>,
    /// Prior invocations per Task state name, for mock files.
    invocations: HashMap<String, u32>,
    /// The resume point and redrive time (`redrive.rs`).
    #[serde(default)]
    redrive: redrive::Redrive,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Frame {
    Thread(Box<Thread>),
    Fan(Box<Fan>),
}

/// A run of states in one block: the execution itself, a Parallel branch, a Map
/// iteration.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Thread {
    block: BlockId,
    state: String,
    /// The raw input of the current state.
    input: Value,
    phase: Phase,
    /// The event the next one on this thread points at.
    last_event: i64,
    entered_event: i64,
    entered_prev: i64,
    entered_millis: i64,
    vars: Map<String, Value>,
    /// Attempts per retrier of the current state visit.
    attempts: Vec<u32>,
    retry_count: u32,
    /// Branch or iteration index within the parent fan-out.
    index: usize,
    /// Events of this thread are not part of the history (distributed Map children).
    silent: bool,
    /// The next Entered event points at 0 (the execution's first state).
    initial: bool,
    /// The current state is a Task whose own failure event is out (an uncaught one ends
    /// the branch/iteration with `TaskStateAborted`).
    #[serde(default)]
    task_failed: bool,
    /// `input` as JSON text when the previous state's Exited event already serialized it
    /// (large payloads are then serialized once per state, not twice).
    #[serde(skip)]
    input_text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Phase {
    /// Emit the Entered event and run the state.
    Enter,
    /// Run the state's work again after a retry.
    Restart,
    /// A Wait state sleeping until then (ms since the epoch).
    Sleep {
        until: i64,
        output: Value,
        assigned: Map<String, Value>,
    },
    /// Waiting out a retry interval.
    RetryWait { until: i64 },
    /// A task whose outcome comes later.
    Parked {
        task: ParkedTask,
        form: ResourceForm,
        /// Whether the activity's `ActivityStarted` is out.
        started: bool,
    },
    /// A parked task's delivered outcome.
    TaskDone {
        form: ResourceForm,
        outcome: Delivered,
    },
    /// Children of a Parallel/Map are on the stack above.
    FanRunning,
    /// The children are done.
    FanDone { outcome: FanOutcome },
}

/// A task outcome in serializable form.
#[derive(Debug, Clone, Serialize, Deserialize)]
enum Delivered {
    Succeeded(Value),
    Failed {
        error: Option<String>,
        cause: Option<String>,
    },
    TimedOut,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum FanOutcome {
    Succeeded {
        results: Vec<Value>,
        last_event: i64,
    },
    /// A distributed Map's result as its `MapRunner` made it (array or writer details).
    Produced { result: Value, last_event: i64 },
    Failed {
        error: Option<String>,
        cause: Option<String>,
        /// The failing child's last event.
        failure_event: i64,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum FanKind {
    Parallel {
        branches: Vec<BlockId>,
    },
    Map {
        processor: BlockId,
        sequential: bool,
    },
}

/// A Parallel state's branches or a Map state's iterations, run one after another.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Fan {
    kind: FanKind,
    owner_state: String,
    owner_entered: i64,
    /// Parallel: every branch's input. Map: the effective input ItemSelector reads.
    input: Value,
    items: Vec<Value>,
    total: usize,
    next: usize,
    results: Vec<Value>,
    started_event: i64,
    /// The event the state's closing events point at.
    last_event: i64,
    /// The previous child's last event (sequential Map iterations chain on it).
    last_child_event: i64,
    failure: Option<Failure>,
    silent: bool,
    failed_children: usize,
    tolerated_count: Option<u64>,
    tolerated_percentage: Option<f64>,
    /// Children (each with the frames above it) waiting for a task's outcome, set aside so
    /// that the other branches/iterations keep running.
    #[serde(default)]
    waiting: Vec<Vec<Frame>>,
}

/// Output, assignments, Choice target and Wait end of a Pass/Choice/Wait/Succeed state.
type SimpleOutcome = (Value, Map<String, Value>, Option<String>, Option<i64>);
/// A task's effective input, timeout, heartbeat and credentials.
type PreparedTask = (Value, Option<u64>, Option<u64>, Option<Value>);

/// A child's failure: its error and its last event.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Failure {
    error: Option<String>,
    cause: Option<String>,
    event: i64,
}

impl Failure {
    fn new(err: StatesError, event: i64) -> Failure {
        Failure {
            error: err.error,
            cause: err.cause,
            event,
        }
    }
}

/// Everything a run needs besides the execution itself.
pub struct Env<'a> {
    pub machine: &'a StateMachine,
    pub tasks: &'a dyn TaskRunner,
    pub sink: &'a mut dyn EventSink,
    pub options: Options,
}

/// Reads the variables of the enclosing threads (innermost first).
struct StackVars<'a> {
    frames: &'a [Frame],
}

impl Variables for StackVars<'_> {
    fn get(&self, name: &str) -> Option<&Value> {
        self.frames.iter().rev().find_map(|f| match f {
            Frame::Thread(t) => t.vars.get(name),
            Frame::Fan(_) => None,
        })
    }
}

fn now_millis() -> i64 {
    Utc::now().timestamp_millis()
}

fn iso_millis(millis: i64) -> String {
    Utc.timestamp_millis_opt(millis)
        .single()
        .unwrap_or_else(Utc::now)
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

fn error_output(err: &StatesError) -> Value {
    json!({"Error": err.error, "Cause": err.cause})
}

fn failure_details(err: &StatesError) -> Value {
    let mut d = Map::new();
    if let Some(e) = &err.error {
        d.insert("error".into(), Value::String(e.clone()));
    }
    if let Some(c) = &err.cause {
        d.insert("cause".into(), Value::String(c.clone()));
    }
    Value::Object(d)
}

/// Whether an `ErrorEquals` list catches `err`. Shared with TestState
/// (`engine::test_state`), which answers Retry/Catch without running them.
pub(crate) fn matches(error_equals: &[String], err: &StatesError) -> bool {
    if err.is_runtime() {
        return false;
    }
    error_equals.iter().any(|name| match name.as_str() {
        names::ALL => true,
        names::TASK_FAILED if err.error.as_deref() != Some(names::TIMEOUT) => err.error.is_some(),
        other => err.error.as_deref() == Some(other),
    })
}

fn json_len(value: &Value) -> usize {
    to_text(value).len()
}

impl Execution {
    /// Starts an execution: emits `ExecutionStarted`. Call [`Execution::run`] next.
    pub fn start(machine: &StateMachine, info: ExecutionInfo, sink: &mut dyn EventSink) -> Self {
        let block = machine.block(0);
        let mut exec = Execution {
            status: Status::Running,
            next_event_id: 1,
            last_event_id: 0,
            frames: Vec::new(),
            invocations: HashMap::new(),
            redrive: Default::default(),
            info,
        };
        let mut details = json!({
            "input": exec.info.input_text,
            "inputDetails": {"truncated": false},
            "roleArn": exec.info.role_arn,
        });
        if let Some(alias) = &exec.info.state_machine_alias_arn {
            details["stateMachineAliasArn"] = Value::String(alias.clone());
        }
        if let Some(version) = &exec.info.state_machine_version_arn {
            details["stateMachineVersionArn"] = Value::String(version.clone());
        }
        exec.emit(sink, false, "ExecutionStarted", 0, Some(details));
        exec.frames.push(Frame::Thread(Box::new(Thread {
            block: 0,
            state: block.start_at.clone(),
            input: exec.info.input.clone(),
            phase: Phase::Enter,
            last_event: 1,
            entered_event: 0,
            entered_prev: 0,
            entered_millis: 0,
            vars: Map::new(),
            attempts: Vec::new(),
            retry_count: 0,
            index: 0,
            silent: false,
            initial: true,
            task_failed: false,
            input_text: None,
        })));
        exec
    }

    /// Events emitted so far.
    pub fn event_count(&self) -> i64 {
        self.next_event_id - 1
    }

    fn emit(
        &mut self,
        sink: &mut dyn EventSink,
        silent: bool,
        event_type: &str,
        previous: i64,
        details: Option<Value>,
    ) -> i64 {
        if silent {
            return previous;
        }
        let id = self.next_event_id;
        self.next_event_id += 1;
        self.last_event_id = id;
        sink.emit(&HistoryEvent {
            id,
            previous_event_id: previous,
            timestamp: Utc::now(),
            event_type: event_type.to_string(),
            details,
        });
        id
    }

    fn finish(&mut self, sink: &mut dyn EventSink, status: Status, previous: i64) {
        let (event_type, details) = match &status {
            Status::Succeeded { output } => (
                "ExecutionSucceeded",
                json!({"output": to_text(output), "outputDetails": {"truncated": false}}),
            ),
            Status::Failed { error, cause } => (
                "ExecutionFailed",
                failure_details(&StatesError {
                    error: error.clone(),
                    cause: cause.clone(),
                }),
            ),
            Status::TimedOut { error, cause } => (
                "ExecutionTimedOut",
                failure_details(&StatesError {
                    error: error.clone(),
                    cause: cause.clone(),
                }),
            ),
            Status::Aborted { error, cause } => (
                "ExecutionAborted",
                failure_details(&StatesError {
                    error: error.clone(),
                    cause: cause.clone(),
                }),
            ),
            Status::Running => return,
        };
        self.emit(sink, false, event_type, previous, Some(details));
        self.keep_resume_point(&status);
        self.frames.clear();
        self.status = status;
    }

    /// Stops a running execution (`StopExecution`): `ExecutionAborted`.
    pub fn abort(
        &mut self,
        sink: &mut dyn EventSink,
        error: Option<String>,
        cause: Option<String>,
    ) {
        if self.status == Status::Running {
            self.finish(sink, Status::Aborted { error, cause }, 0);
        }
    }

    /// When the machine's `TimeoutSeconds` ends the execution (ms since the epoch).
    pub fn deadline_millis(&self, machine: &StateMachine) -> Option<i64> {
        machine
            .timeout_seconds
            .map(|s| self.clock_start_millis() + (s as i64) * 1000)
    }

    /// A worker took the parked activity task: `ActivityStarted` (once). Without a token,
    /// the task on top of the stack.
    pub fn activity_started(&mut self, sink: &mut dyn EventSink, worker_name: Option<&str>) {
        let token = match self.frames.last() {
            Some(Frame::Thread(thread)) => match &thread.phase {
                Phase::Parked { task, .. } => task.task_token.clone(),
                _ => return,
            },
            _ => return,
        };
        self.activity_started_for(&token, sink, worker_name);
    }

    /// A worker took the parked activity task with this token: `ActivityStarted` (once),
    /// wherever the task waits (a Parallel branch, a Map iteration). False when no
    /// activity task waits with that token.
    pub fn activity_started_for(
        &mut self,
        token: &str,
        sink: &mut dyn EventSink,
        worker_name: Option<&str>,
    ) -> bool {
        let Some(thread) = parked_thread(&mut self.frames, token) else {
            return false;
        };
        let (previous, silent) = (thread.last_event, thread.silent);
        let Phase::Parked {
            form: ResourceForm::Activity { .. },
            started: false,
            ..
        } = &thread.phase
        else {
            return false;
        };
        let details = match worker_name {
            Some(w) => json!({ "workerName": w }),
            None => json!({}),
        };
        let id = self.emit(sink, silent, "ActivityStarted", previous, Some(details));
        if let Some(thread) = parked_thread(&mut self.frames, token) {
            thread.last_event = id;
            if let Phase::Parked { started, .. } = &mut thread.phase {
                *started = true;
            }
        }
        true
    }

    /// Hands the parked task on top of the stack its outcome; [`Execution::run`]
    /// continues from there. See [`Execution::deliver_to`] when several tasks wait.
    pub fn deliver(&mut self, outcome: TaskOutcome) -> bool {
        let token = match self.frames.last() {
            Some(Frame::Thread(thread)) => match &thread.phase {
                Phase::Parked { task, .. } => task.task_token.clone(),
                _ => return false,
            },
            _ => return false,
        };
        self.deliver_to(&token, outcome)
    }

    /// Hands the task waiting with this token its outcome, wherever it waits; false when
    /// no task waits with that token (it was aborted, or its outcome already came).
    pub fn deliver_to(&mut self, token: &str, outcome: TaskOutcome) -> bool {
        let outcome = match outcome {
            TaskOutcome::Succeeded(v) => Delivered::Succeeded(v),
            TaskOutcome::Failed(e) => Delivered::Failed {
                error: e.error,
                cause: e.cause,
            },
            TaskOutcome::TimedOut => Delivered::TimedOut,
            TaskOutcome::Pending => return false,
        };
        let Some(thread) = parked_thread(&mut self.frames, token) else {
            return false;
        };
        let Phase::Parked { form, .. } = &thread.phase else {
            return false;
        };
        thread.phase = Phase::TaskDone {
            form: form.clone(),
            outcome,
        };
        true
    }

    /// The tokens of every task waiting for its outcome.
    pub fn waiting_tokens(&self) -> Vec<String> {
        let mut tokens = Vec::new();
        collect_parked(&self.frames, &mut tokens);
        tokens
    }

    /// When the frame on top cannot run until an outcome arrives (a parked task, or a
    /// Parallel/Map whose remaining children all wait), moves it with the frames above
    /// the nearest Parallel/Map below it into that fan's waiting set, so that the fan's
    /// other children run. False when no fan is below: the whole execution waits.
    fn set_aside(&mut self) -> bool {
        let below = self.frames.len().saturating_sub(1);
        let Some(at) = self.frames[..below]
            .iter()
            .rposition(|f| matches!(f, Frame::Fan(_)))
        else {
            return false;
        };
        let waiting = self.frames.split_off(at + 1);
        if let Some(Frame::Fan(fan)) = self.frames.get_mut(at) {
            fan.waiting.push(waiting);
        }
        true
    }

    fn fan_blocked(&self, fan: &Fan) -> bool {
        let sequential = matches!(
            fan.kind,
            FanKind::Map {
                sequential: true,
                ..
            }
        );
        !fan.waiting.is_empty()
            && !fan.waiting.iter().any(|w| runnable(w))
            && (fan.next >= fan.total || sequential)
            && (fan.failure.is_none() || self.fan_tolerates(fan))
    }

    /// Runs until the execution ends or parks.
    pub fn run(&mut self, env: &mut Env) -> Progress {
        let deadline = env
            .machine
            .timeout_seconds
            .map(|s| self.clock_start_millis() + (s as i64) * 1000);
        loop {
            if self.status != Status::Running {
                return Progress::Finished;
            }
            if let Some(deadline) = deadline {
                if now_millis() >= deadline {
                    let last = self.last_event_id;
                    self.finish(
                        env.sink,
                        Status::TimedOut {
                            error: Some(names::TIMEOUT.into()),
                            cause: None,
                        },
                        last,
                    );
                    return Progress::Finished;
                }
            }
            if self.next_event_id >= MAX_EVENTS {
                let last = self.last_event_id;
                self.finish(
                    env.sink,
                    Status::Failed {
                        error: Some(names::RUNTIME.into()),
                        cause: Some(format!(
                            "The execution reached the maximum number of history events ({MAX_EVENTS})."
                        )),
                    },
                    last,
                );
                return Progress::Finished;
            }
            let Some(frame) = self.frames.pop() else {
                return Progress::Finished;
            };
            let waits = match &frame {
                Frame::Thread(thread) => matches!(thread.phase, Phase::Parked { .. }),
                Frame::Fan(fan) => self.fan_blocked(fan),
            };
            if waits {
                self.frames.push(frame);
                if self.set_aside() {
                    continue;
                }
                match first_parked(&self.frames) {
                    Some(task) => return Progress::Parked(task),
                    None => {
                        // Unreachable by construction (a waiting frame holds a task);
                        // fail clearly rather than spin.
                        let last = self.last_event_id;
                        self.finish(
                            env.sink,
                            Status::Failed {
                                error: Some(names::RUNTIME.into()),
                                cause: Some(
                                    "internal error: the execution waits for no task".into(),
                                ),
                            },
                            last,
                        );
                        return Progress::Finished;
                    }
                }
            }
            match frame {
                Frame::Thread(thread) => self.step_thread(*thread, env, deadline),
                Frame::Fan(fan) => self.step_fan(*fan, env),
            }
        }
    }

    fn sleep_until(&self, until: i64, deadline: Option<i64>, scale: f64) {
        let now = now_millis();
        let mut wait = ((until - now).max(0) as f64 * scale) as i64;
        if let Some(deadline) = deadline {
            wait = wait.min((deadline - now).max(0));
        }
        if wait > 0 {
            std::thread::sleep(Duration::from_millis(wait as u64));
        }
    }

    // ------------------------------------------------------------------ threads

    fn step_thread(&mut self, mut thread: Thread, env: &mut Env, deadline: Option<i64>) {
        let machine = env.machine;
        let Some(state) = machine.state(thread.block, &thread.state) else {
            let err = StatesError::runtime(format!(
                "The state '{}' does not exist in the definition.",
                thread.state
            ));
            self.end_thread(thread, Err(err), env);
            return;
        };
        match std::mem::replace(&mut thread.phase, Phase::FanRunning) {
            Phase::Enter => {
                let type_name = state.kind.type_name();
                let previous = if thread.initial { 0 } else { thread.last_event };
                let input_text = if thread.initial {
                    self.info.input_text.clone()
                } else {
                    thread
                        .input_text
                        .take()
                        .unwrap_or_else(|| to_text(&thread.input))
                };
                thread.initial = false;
                let details = json!({
                    "name": state.name,
                    "input": input_text,
                    "inputDetails": {"truncated": false},
                });
                thread.entered_prev = previous;
                thread.task_failed = false;
                thread.entered_millis = now_millis();
                thread.attempts = vec![0; state.retry.len()];
                thread.retry_count = 0;
                let id = self.emit(
                    env.sink,
                    thread.silent,
                    &format!("{type_name}StateEntered"),
                    previous,
                    Some(details),
                );
                thread.entered_event = id;
                thread.last_event = id;
                self.run_state(thread, state, env);
            }
            Phase::Restart => {
                thread.task_failed = false;
                self.run_state(thread, state, env)
            }
            Phase::Sleep {
                until,
                output,
                assigned,
            } => {
                self.sleep_until(until, deadline, env.options.wait_time_scale);
                if let Some(deadline) = deadline {
                    if now_millis() >= deadline && until > deadline {
                        // The machine timeout fires during the wait; run() reports it.
                        thread.phase = Phase::Sleep {
                            until,
                            output,
                            assigned,
                        };
                        self.frames.push(Frame::Thread(Box::new(thread)));
                        return;
                    }
                }
                self.exit_state(thread, state, output, assigned, env);
            }
            Phase::RetryWait { until } => {
                self.sleep_until(until, deadline, env.options.wait_time_scale);
                thread.phase = Phase::Restart;
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            Phase::Parked {
                task,
                form,
                started,
            } => {
                thread.phase = Phase::Parked {
                    task,
                    form,
                    started,
                };
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            Phase::TaskDone { form, outcome } => {
                let outcome = match outcome {
                    Delivered::Succeeded(v) => TaskOutcome::Succeeded(v),
                    Delivered::Failed { error, cause } => {
                        TaskOutcome::Failed(StatesError { error, cause })
                    }
                    Delivered::TimedOut => TaskOutcome::TimedOut,
                };
                self.task_outcome(thread, state, form, outcome, env);
            }
            Phase::FanRunning => {
                // Nothing above us: the children vanished (should not happen); fail clearly.
                let err = StatesError::runtime("internal error: a Parallel/Map lost its children");
                self.end_thread(thread, Err(err), env);
            }
            Phase::FanDone { outcome } => self.fan_done(thread, state, outcome, env),
        }
    }

    /// Adds AWS's prefix to a failure raised while evaluating the state's own fields.
    fn prefixed(&self, thread: &Thread, state: &State, err: StatesError) -> StatesError {
        if err.is_runtime() || err.error.as_deref() == Some(names::QUERY_EVALUATION_ERROR) {
            let cause = format!(
                "An error occurred while executing the state '{}' (entered at the event id #{}). {}",
                state.name,
                thread.entered_event,
                err.cause.as_deref().unwrap_or("")
            );
            StatesError {
                error: err.error,
                cause: Some(cause),
            }
        } else {
            err
        }
    }

    /// A failure of the state's own evaluation: JSONata failures get an
    /// `EvaluationFailed` event first; then Retry/Catch or the thread fails.
    fn eval_failed(&mut self, mut thread: Thread, state: &State, err: StatesError, env: &mut Env) {
        let err = self.prefixed(&thread, state, err);
        if err.error.as_deref() == Some(names::QUERY_EVALUATION_ERROR) {
            let mut details = failure_details(&err);
            if let Some(location) = err.cause.as_deref().and_then(|c| field_location(c, state)) {
                details["location"] = Value::String(location);
            }
            details["state"] = Value::String(state.name.clone());
            let previous = if matches!(state.kind, Kind::Wait(_)) {
                thread.entered_event
            } else {
                thread.entered_prev
            };
            thread.last_event = self.emit(
                env.sink,
                thread.silent,
                "EvaluationFailed",
                previous,
                Some(details),
            );
            if matches!(state.kind, Kind::Map(_)) {
                thread.last_event = self.emit(
                    env.sink,
                    thread.silent,
                    "MapStateFailed",
                    thread.last_event,
                    None,
                );
            }
        }
        self.fail_state(thread, state, err, env);
    }

    /// The context object as a state sees it.
    fn context(&self, thread: &Thread, state: &State, extra: Option<(&str, Value)>) -> Value {
        if !state.uses_context {
            return Value::Null;
        }
        let info = &self.info;
        let mut state_ctx = Map::new();
        state_ctx.insert(
            "EnteredTime".into(),
            iso_millis(thread.entered_millis).into(),
        );
        state_ctx.insert("Name".into(), state.name.clone().into());
        if matches!(
            state.kind,
            Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
        ) {
            state_ctx.insert("RetryCount".into(), thread.retry_count.into());
        }
        let mut ctx = Map::new();
        let mut execution = json!({
            "Id": info.execution_arn,
            "Input": info.input,
            "StartTime": iso_millis(info.start_millis),
            "Name": info.execution_name,
            "RoleArn": info.role_arn,
            "RedriveCount": info.redrive_count,
        });
        if let Value::Object(members) = &mut execution {
            // Express: no RedriveCount; redriven: RedriveTime (redrive.rs).
            self.execution_context(members);
        }
        ctx.insert("Execution".into(), execution);
        ctx.insert(
            "StateMachine".into(),
            json!({"Id": info.state_machine_arn, "Name": info.state_machine_name}),
        );
        ctx.insert("State".into(), Value::Object(state_ctx));
        if let Some((key, value)) = extra {
            ctx.insert(key.into(), value);
        }
        Value::Object(ctx)
    }

    /// Runs the work of a state whose Entered event is out.
    fn run_state(&mut self, thread: Thread, state: &State, env: &mut Env) {
        let result = match &state.kind {
            Kind::Pass { result } => self.simple_state(thread, state, result.as_ref(), env),
            Kind::Choice(_) | Kind::Wait(_) | Kind::Succeed => {
                self.simple_state(thread, state, None, env)
            }
            Kind::Fail(_) => self.fail_state_type(thread, state, env),
            Kind::Task(_) => self.start_task(thread, state, env),
            Kind::Parallel { .. } | Kind::Map(_) => self.start_fan(thread, state, env),
        };
        if let Err((thread, err)) = result {
            self.eval_failed(*thread, state, err, env);
        }
    }

    // ---------------------------------------------------------- data flow helpers

    fn input_path(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
    ) -> Result<Value, StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        match &state.input_path {
            PathField::Default => Ok(thread.input.clone()),
            PathField::Null => Ok(Value::Object(Map::new())),
            PathField::Path(p) => data::read(
                p,
                &Scope {
                    input: &thread.input,
                    context: ctx,
                    vars: &vars,
                },
            )
            .map_err(|e| data::invalid_path(p, &e)),
        }
    }

    /// InputPath + Parameters (JSONPath) or Arguments (JSONata): what the work receives.
    fn effective_input(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
    ) -> Result<Value, StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        match state.query_language {
            QueryLanguage::JsonPath => {
                let selected = self.input_path(thread, state, ctx)?;
                match &state.parameters {
                    Some(template) => data::evaluate_template(
                        template,
                        &Scope {
                            input: &selected,
                            context: ctx,
                            vars: &vars,
                        },
                    ),
                    None => Ok(selected),
                }
            }
            QueryLanguage::Jsonata => match &state.arguments {
                Some(arguments) => {
                    let states = data::states_binding(&thread.input, ctx, None, None);
                    data::evaluate_jsonata(arguments, "Arguments", &states, &vars)
                }
                None => Ok(thread.input.clone()),
            },
        }
    }

    /// The output and assignments of a state whose work produced `result`
    /// (`has_result`: Task/Parallel/Map/Pass; otherwise the input flows through).
    fn state_output(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
        result: Value,
        output_override: Option<&Value>,
        assign_override: Option<&Value>,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        self.state_output_with_raw(
            thread,
            state,
            ctx,
            result,
            output_override,
            assign_override,
            None,
        )
    }

    /// [`Self::state_output`], given the raw input by value when the caller no longer
    /// needs it (ResultPath then merges into it without copying a large payload).
    #[allow(clippy::too_many_arguments)]
    fn state_output_with_raw(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
        result: Value,
        output_override: Option<&Value>,
        assign_override: Option<&Value>,
        raw: Option<Value>,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let produces_result = matches!(
            state.kind,
            Kind::Pass { .. } | Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
        );
        let assign = assign_override.or(state.assign.as_ref());
        match state.query_language {
            QueryLanguage::JsonPath => {
                let result = match &state.result_selector {
                    Some(selector) => data::evaluate_template(
                        selector,
                        &Scope {
                            input: &result,
                            context: ctx,
                            vars: &vars,
                        },
                    )?,
                    None => result,
                };
                let assigned = match assign {
                    Some(template) => self.assign_jsonpath(template, &result, ctx, &vars)?,
                    None => Map::new(),
                };
                let merged = if produces_result {
                    let raw = raw.unwrap_or_else(|| match state.result_path {
                        PathField::Default => Value::Null,
                        _ => thread.input.clone(),
                    });
                    self.apply_result_path(raw, &state.result_path, result)?
                } else {
                    result
                };
                let output = match &state.output_path {
                    PathField::Default => merged,
                    PathField::Null => Value::Object(Map::new()),
                    PathField::Path(p) => data::read(
                        p,
                        &Scope {
                            input: &merged,
                            context: ctx,
                            vars: &vars,
                        },
                    )
                    .map_err(|e| data::invalid_path(p, &e))?,
                };
                Ok((output, assigned))
            }
            QueryLanguage::Jsonata => {
                let has_result = matches!(
                    state.kind,
                    Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
                );
                let states =
                    data::states_binding(&thread.input, ctx, has_result.then_some(&result), None);
                let assigned = match assign {
                    Some(a) => self.assign_jsonata(a, &states, &vars)?,
                    None => Map::new(),
                };
                let output = match output_override.or(state.output.as_ref()) {
                    Some(o) => data::evaluate_jsonata(o, "Output", &states, &vars)?,
                    None => result,
                };
                Ok((output, assigned))
            }
        }
    }

    fn assign_jsonpath(
        &self,
        template: &Value,
        input: &Value,
        ctx: &Value,
        vars: &dyn Variables,
    ) -> Result<Map<String, Value>, StatesError> {
        let value = data::evaluate_template(
            template,
            &Scope {
                input,
                context: ctx,
                vars,
            },
        )?;
        Ok(match value {
            Value::Object(map) => map,
            _ => Map::new(),
        })
    }

    fn assign_jsonata(
        &self,
        assign: &Value,
        states: &Value,
        vars: &dyn Variables,
    ) -> Result<Map<String, Value>, StatesError> {
        let value = data::evaluate_jsonata(assign, "Assign", states, vars)?;
        Ok(match value {
            Value::Object(map) => map,
            _ => Map::new(),
        })
    }

    fn apply_result_path(
        &self,
        raw: Value,
        result_path: &PathField,
        result: Value,
    ) -> Result<Value, StatesError> {
        match result_path {
            PathField::Default => Ok(result),
            PathField::Null => Ok(raw),
            PathField::Path(p) => data::write(raw, p, result).map_err(|e| match e {
                PathError::CannotWrite(m) => StatesError::new(names::RESULT_PATH_MATCH_FAILURE, m),
                other => data::invalid_path(p, &other),
            }),
        }
    }

    // ------------------------------------------------------------ simple states

    /// Pass, Choice, Wait, Succeed.
    fn simple_state(
        &mut self,
        thread: Thread,
        state: &State,
        pass_result: Option<&Value>,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let ctx = self.context(&thread, state, None);
        let mut thread = thread;
        let outcome = (|thread: &mut Thread| -> Result<SimpleOutcome, StatesError> {
            let jsonata = state.query_language == QueryLanguage::Jsonata;
            // A Pass state with a Result and no InputPath/Parameters never reads its
            // effective input: skip copying it (large payloads make that copy dear).
            let unused = !jsonata
                && pass_result.is_some()
                && state.parameters.is_none()
                && matches!(state.input_path, PathField::Default | PathField::Null)
                && matches!(state.kind, Kind::Pass { .. });
            let effective = if unused {
                Value::Null
            } else if jsonata {
                thread.input.clone()
            } else {
                let selected = self.input_path(thread, state, &ctx)?;
                match (&state.kind, &state.parameters) {
                    (Kind::Pass { .. }, Some(template)) => {
                        let vars = Scoped {
                            inner: &thread.vars,
                            parent: &StackVars {
                                frames: &self.frames,
                            },
                        };
                        data::evaluate_template(
                            template,
                            &Scope {
                                input: &selected,
                                context: &ctx,
                                vars: &vars,
                            },
                        )?
                    }
                    _ => selected,
                }
            };
            match &state.kind {
                Kind::Choice(choice) => {
                    let (next, rule) = self.choose(thread, state, choice, &effective, &ctx)?;
                    let (output, assigned) = self.state_output(
                        thread,
                        state,
                        &ctx,
                        effective,
                        rule.and_then(|r| r.output.as_ref()),
                        rule.and_then(|r| r.assign.as_ref()),
                    )?;
                    Ok((output, assigned, Some(next), None))
                }
                Kind::Wait(_) => {
                    let until = self.wait_until(thread, state, &effective, &ctx)?;
                    let (output, assigned) =
                        self.state_output(thread, state, &ctx, effective, None, None)?;
                    Ok((output, assigned, None, Some(until)))
                }
                _ => {
                    let result = match pass_result {
                        Some(r) if !jsonata => r.clone(),
                        _ => effective,
                    };
                    // A Pass state has no Catch: its raw input is not needed afterwards.
                    let raw = (!jsonata && matches!(state.kind, Kind::Pass { .. }))
                        .then(|| std::mem::take(&mut thread.input));
                    let (output, assigned) =
                        self.state_output_with_raw(thread, state, &ctx, result, None, None, raw)?;
                    Ok((output, assigned, None, None))
                }
            }
        })(&mut thread);
        let (output, assigned, choice_next, wait_until) = match outcome {
            Ok(v) => v,
            Err(e) => return Err((Box::new(thread), e)),
        };
        // A Pass state's output text is measured here and reused by its Exited event.
        let output_text = matches!(state.kind, Kind::Pass { .. }).then(|| to_text(&output));
        if output_text
            .as_ref()
            .is_some_and(|t| t.len() > MAX_PAYLOAD_BYTES)
        {
            let err = StatesError::new(
                names::DATA_LIMIT_EXCEEDED,
                format!(
                    "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                    state.name
                ),
            );
            self.fail_state(thread, state, err, env);
            return Ok(());
        }
        let mut thread = thread;
        if let Some(until) = wait_until {
            thread.phase = Phase::Sleep {
                until,
                output,
                assigned,
            };
            self.frames.push(Frame::Thread(Box::new(thread)));
            return Ok(());
        }
        let next = match (choice_next, &state.transition) {
            (Some(next), _) => Some(next),
            (None, Transition::Next(n)) => Some(n.clone()),
            (None, _) => None,
        };
        self.exit_to_text(thread, state, output, output_text, assigned, next, env);
        Ok(())
    }

    fn choose<'s>(
        &self,
        thread: &Thread,
        state: &State,
        choice: &'s crate::asl::definition::Choice,
        effective: &Value,
        ctx: &Value,
    ) -> Result<(String, Option<&'s crate::asl::definition::ChoiceRule>), StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let states = if state.query_language == QueryLanguage::Jsonata {
            data::states_binding(&thread.input, ctx, None, None)
        } else {
            Value::Null
        };
        for rule in &choice.choices {
            let matched = if let Some(parsed) = &rule.rule {
                parsed.evaluate(&Scope {
                    input: effective,
                    context: ctx,
                    vars: &vars,
                })?
            } else if let Some(condition) = &rule.condition {
                match data::evaluate_jsonata(condition, "Condition", &states, &vars)? {
                    Value::Bool(b) => b,
                    other => {
                        return Err(StatesError::query_evaluation(format!(
                            "The Condition field evaluated to a non-boolean value: {}",
                            to_text(&other)
                        )))
                    }
                }
            } else {
                false
            };
            if matched {
                return Ok((rule.next.clone(), Some(rule)));
            }
        }
        match &choice.default {
            Some(default) => Ok((default.clone(), None)),
            None => Err(StatesError::new(
                names::NO_CHOICE_MATCHED,
                format!(
                    "No Matches! (Choice State '{}' with input '{}')",
                    state.name,
                    to_text(effective)
                ),
            )),
        }
    }

    /// When a Wait state ends (ms since the epoch).
    fn wait_until(
        &self,
        thread: &Thread,
        state: &State,
        effective: &Value,
        ctx: &Value,
    ) -> Result<i64, StatesError> {
        let Kind::Wait(wait) = &state.kind else {
            return Ok(now_millis());
        };
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let scope = Scope {
            input: effective,
            context: ctx,
            vars: &vars,
        };
        let now = now_millis();
        let too_long = || StatesError::runtime("Wait state delay is too long.");
        let from_seconds = |seconds: i64| -> Result<i64, StatesError> {
            if seconds > i64::from(i32::MAX) {
                return Err(too_long());
            }
            Ok(now + seconds * 1000)
        };
        let from_timestamp =
            |t: chrono::DateTime<chrono::FixedOffset>| -> Result<i64, StatesError> {
                let millis = t.timestamp_millis();
                if (millis - now) / 1000 > i64::from(i32::MAX) {
                    return Err(too_long());
                }
                Ok(millis)
            };
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let states = if jsonata {
            data::states_binding(&thread.input, ctx, None, None)
        } else {
            Value::Null
        };
        if let Some(seconds) = &wait.seconds {
            let value = if jsonata {
                data::evaluate_jsonata(seconds, "Seconds", &states, &vars)?
            } else {
                seconds.clone()
            };
            return match value.as_i64() {
                Some(s) if s >= 0 => from_seconds(s),
                _ => Err(StatesError::query_evaluation(format!(
                    "The Seconds field must be a non-negative integer, but was: {}",
                    to_text(&value)
                ))),
            };
        }
        if let Some(p) = &wait.seconds_path {
            let value = data::read(p, &scope).map_err(|_| {
                StatesError::runtime(format!(
                    "The SecondsPath parameter does not reference an input value: {p}"
                ))
            })?;
            return match (&value, value.as_i64()) {
                (_, Some(s)) if s < 0 => Err(StatesError::runtime(format!(
                    "The SecondsPath parameter references a negative value: {p} == {}",
                    to_text(&value)
                ))),
                (_, Some(s)) => from_seconds(s),
                (Value::Number(n), None) if n.as_u64().is_some() => Err(too_long()),
                _ => Err(StatesError::runtime(format!(
                    "The SecondsPath parameter cannot be parsed as a long value: {p} == {}",
                    to_text(&value)
                ))),
            };
        }
        if let Some(ts) = &wait.timestamp {
            let value = if jsonata {
                data::evaluate_jsonata(ts, "Timestamp", &states, &vars)?
            } else {
                ts.clone()
            };
            let parsed = value.as_str().and_then(timestamp::parse);
            return match parsed {
                Some(t) => from_timestamp(t),
                None => {
                    let shown = match &value {
                        Value::String(s) => s.clone(),
                        other => to_text(other),
                    };
                    let message = format!(
                        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {shown}"
                    );
                    Err(if jsonata {
                        StatesError::query_evaluation(message)
                    } else {
                        StatesError::runtime(message)
                    })
                }
            };
        }
        if let Some(p) = &wait.timestamp_path {
            let value = data::read(p, &scope).map_err(|e| data::invalid_path(p, &e))?;
            return match value.as_str().and_then(timestamp::parse) {
                Some(t) => from_timestamp(t),
                None => Err(StatesError::runtime(format!(
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {p} == {}",
                    match &value {
                        Value::String(s) => s.clone(),
                        other => to_text(other),
                    }
                ))),
            };
        }
        Ok(now)
    }

    /// Fail: `FailStateEntered`, then the failure propagates.
    fn fail_state_type(
        &mut self,
        thread: Thread,
        state: &State,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let Kind::Fail(fail) = &state.kind else {
            return Ok(());
        };
        let ctx = self.context(&thread, state, None);
        let resolved = (|| -> Result<StatesError, StatesError> {
            let vars = Scoped {
                inner: &thread.vars,
                parent: &StackVars {
                    frames: &self.frames,
                },
            };
            let scope = Scope {
                input: &thread.input,
                context: &ctx,
                vars: &vars,
            };
            let jsonata = state.query_language == QueryLanguage::Jsonata;
            let states = if jsonata {
                data::states_binding(&thread.input, &ctx, None, None)
            } else {
                Value::Null
            };
            let field = |literal: &Option<Value>,
                         path: &Option<String>,
                         name: &str|
             -> Result<Option<String>, StatesError> {
                if let Some(v) = literal {
                    let v = if jsonata {
                        data::evaluate_jsonata(v, name, &states, &vars)?
                    } else {
                        v.clone()
                    };
                    return Ok(Some(match v {
                        Value::String(s) => s,
                        other => to_text(&other),
                    }));
                }
                if let Some(p) = path {
                    let value = if intrinsics::is_call(p) {
                        intrinsics::evaluate(p, &scope)?
                    } else {
                        data::read(p, &scope).map_err(|_| {
                            StatesError::runtime(format!(
                                "The JSONPath '{p}' specified for the field '{name}Path' could not be found in the input '{}'",
                                to_text(&thread.input)
                            ))
                        })?
                    };
                    return Ok(Some(match value {
                        Value::String(s) => s,
                        other => to_text(&other),
                    }));
                }
                Ok(None)
            };
            Ok(StatesError {
                error: field(&fail.error, &fail.error_path, "Error")?,
                cause: field(&fail.cause, &fail.cause_path, "Cause")?,
            })
        })();
        match resolved {
            Ok(err) => {
                self.end_thread(thread, Err(err), env);
                Ok(())
            }
            Err(e) => Err((Box::new(thread), e)),
        }
    }

    /// Emits `<T>StateExited` and moves on (Next, End, or the Succeed end).
    fn exit_state(
        &mut self,
        thread: Thread,
        state: &State,
        output: Value,
        assigned: Map<String, Value>,
        env: &mut Env,
    ) {
        let next = match &state.transition {
            Transition::Next(n) => Some(n.clone()),
            _ => None,
        };
        self.exit_to(thread, state, output, assigned, next, env);
    }

    fn exit_to(
        &mut self,
        thread: Thread,
        state: &State,
        output: Value,
        assigned: Map<String, Value>,
        next: Option<String>,
        env: &mut Env,
    ) {
        self.exit_to_text(thread, state, output, None, assigned, next, env);
    }

    /// [`Execution::exit_to`] with the output's JSON text when the caller has it already.
    #[allow(clippy::too_many_arguments)]
    fn exit_to_text(
        &mut self,
        mut thread: Thread,
        state: &State,
        output: Value,
        output_text: Option<String>,
        assigned: Map<String, Value>,
        next: Option<String>,
        env: &mut Env,
    ) {
        let mut details = Map::new();
        details.insert("name".into(), Value::String(state.name.clone()));
        let output_text = output_text.unwrap_or_else(|| to_text(&output));
        // The next state's Entered event shows the same text.
        let cached = next.as_ref().map(|_| output_text.clone());
        details.insert("output".into(), Value::String(output_text));
        details.insert("outputDetails".into(), json!({"truncated": false}));
        if !assigned.is_empty() {
            let texts: Map<String, Value> = assigned
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(to_text(v))))
                .collect();
            details.insert("assignedVariables".into(), Value::Object(texts));
            details.insert(
                "assignedVariablesDetails".into(),
                json!({"truncated": false}),
            );
        }
        let event_type = format!("{}StateExited", state.kind.type_name());
        thread.last_event = self.emit(
            env.sink,
            thread.silent,
            &event_type,
            thread.last_event,
            Some(Value::Object(details)),
        );
        for (k, v) in assigned {
            thread.vars.insert(k, v);
        }
        match next {
            Some(next) => {
                thread.state = next;
                thread.input = output;
                thread.input_text = cached;
                thread.phase = Phase::Enter;
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            None => self.end_thread(thread, Ok(output), env),
        }
    }

    // ------------------------------------------------------------ errors

    /// A state failed (after its failure event, if any): Retry, Catch, or the thread fails.
    fn fail_state(&mut self, mut thread: Thread, state: &State, err: StatesError, env: &mut Env) {
        if !err.is_runtime() {
            if let Some(i) = state
                .retry
                .iter()
                .position(|r| matches(&r.error_equals, &err))
            {
                let retrier = &state.retry[i];
                if thread.attempts.len() < state.retry.len() {
                    thread.attempts.resize(state.retry.len(), 0);
                }
                let attempt = thread.attempts[i];
                if attempt < retrier.max_attempts {
                    thread.attempts[i] += 1;
                    thread.retry_count += 1;
                    let mut delay = retrier.interval_seconds
                        * retrier.backoff_rate.powi(attempt.min(1000) as i32);
                    if let Some(max) = retrier.max_delay_seconds {
                        delay = delay.min(max);
                    }
                    if retrier.full_jitter {
                        delay *= rand::random::<f64>();
                    }
                    let until = now_millis() + (delay * 1000.0) as i64;
                    thread.phase = Phase::RetryWait { until };
                    self.frames.push(Frame::Thread(Box::new(thread)));
                    return;
                }
            }
            if let Some(catcher) = state.catch.iter().find(|c| matches(&c.error_equals, &err)) {
                self.catch(thread, state, catcher, err, env);
                return;
            }
        }
        self.end_thread(thread, Err(err), env);
    }

    fn catch(
        &mut self,
        thread: Thread,
        state: &State,
        catcher: &Catcher,
        err: StatesError,
        env: &mut Env,
    ) {
        let ctx = self.context(&thread, state, None);
        let error_value = error_output(&err);
        let outcome = (|| -> Result<(Value, Map<String, Value>), StatesError> {
            let vars = Scoped {
                inner: &thread.vars,
                parent: &StackVars {
                    frames: &self.frames,
                },
            };
            match state.query_language {
                QueryLanguage::JsonPath => {
                    let assigned = match &catcher.assign {
                        Some(t) => self.assign_jsonpath(t, &error_value, &ctx, &vars)?,
                        None => Map::new(),
                    };
                    let output = self.apply_result_path(
                        thread.input.clone(),
                        &catcher.result_path,
                        error_value.clone(),
                    )?;
                    Ok((output, assigned))
                }
                QueryLanguage::Jsonata => {
                    let states =
                        data::states_binding(&thread.input, &ctx, None, Some(&error_value));
                    let assigned = match &catcher.assign {
                        Some(a) => self.assign_jsonata(a, &states, &vars)?,
                        None => Map::new(),
                    };
                    let output = match &catcher.output {
                        Some(o) => data::evaluate_jsonata(o, "Output", &states, &vars)?,
                        None => error_value.clone(),
                    };
                    Ok((output, assigned))
                }
            }
        })();
        match outcome {
            Ok((output, assigned)) => self.exit_to(
                thread,
                state,
                output,
                assigned,
                Some(catcher.next.clone()),
                env,
            ),
            Err(e) => {
                let e = self.prefixed(&thread, state, e);
                self.end_thread(thread, Err(e), env);
            }
        }
    }

    /// A thread ran out of states (`Ok(output)`) or failed: hand the outcome to the
    /// parent fan-out, or end the execution.
    fn end_thread(&mut self, thread: Thread, outcome: Result<Value, StatesError>, env: &mut Env) {
        if outcome.is_err() {
            self.note_failure(&thread);
        }
        match self.frames.last_mut() {
            Some(Frame::Fan(_)) => {
                let Some(Frame::Fan(mut fan)) = self.frames.pop() else {
                    return;
                };
                self.child_done(&mut fan, thread, outcome, env);
                self.frames.push(Frame::Fan(fan));
            }
            _ => {
                let status = match outcome {
                    Ok(output) => {
                        if json_len(&output) > MAX_PAYLOAD_BYTES {
                            Status::Failed {
                                error: Some(names::DATA_LIMIT_EXCEEDED.into()),
                                cause: Some(
                                    "The execution output exceeds the maximum number of bytes service limit."
                                        .into(),
                                ),
                            }
                        } else {
                            Status::Succeeded { output }
                        }
                    }
                    Err(e) => Status::Failed {
                        error: e.error,
                        cause: e.cause,
                    },
                };
                self.finish(env.sink, status, thread.last_event);
            }
        }
    }

    // ------------------------------------------------------------ tasks

    fn start_task(
        &mut self,
        mut thread: Thread,
        state: &State,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let Kind::Task(task) = &state.kind else {
            return Ok(());
        };
        let form = ResourceForm::of(&task.resource);
        // A resource that cannot be served at all (a deleted activity) fails before it is
        // scheduled, as AWS does: States.Runtime right after TaskStateEntered.
        if let Err(err) = env.tasks.check(&state.name, &task.resource) {
            self.fail_state(thread, state, err, env);
            return Ok(());
        }
        // Each attempt gets its own token, readable as `$$.Task.Token`.
        let token = form.needs_token().then(|| uuid::Uuid::new_v4().to_string());
        let ctx = self.context(
            &thread,
            state,
            token.as_ref().map(|t| ("Task", json!({ "Token": t }))),
        );
        let prepared = (|| -> Result<PreparedTask, StatesError> {
            let effective = self.effective_input(&thread, state, &ctx)?;
            let vars = Scoped {
                inner: &thread.vars,
                parent: &StackVars {
                    frames: &self.frames,
                },
            };
            let scope = Scope {
                input: &thread.input,
                context: &ctx,
                vars: &vars,
            };
            let states = data::states_binding(&thread.input, &ctx, None, None);
            let jsonata = state.query_language == QueryLanguage::Jsonata;
            let seconds = |literal: &Option<Value>,
                           path: &Option<String>,
                           name: &str|
             -> Result<Option<u64>, StatesError> {
                if let Some(v) = literal {
                    let v = if jsonata {
                        data::evaluate_jsonata(v, name, &states, &vars)?
                    } else {
                        v.clone()
                    };
                    return match v.as_u64() {
                        Some(n) if n > 0 => Ok(Some(n)),
                        _ => Err(StatesError::query_evaluation(format!(
                            "The {name} field must be a positive integer, but was: {}",
                            to_text(&v)
                        ))),
                    };
                }
                if let Some(p) = path {
                    let v = data::read(p, &scope).map_err(|e| data::invalid_path(p, &e))?;
                    return match v.as_u64() {
                        Some(n) if n > 0 => Ok(Some(n)),
                        _ => Err(StatesError::runtime(format!(
                            "The {name}Path parameter references an invalid value: {p} == {}",
                            to_text(&v)
                        ))),
                    };
                }
                Ok(None)
            };
            let timeout = seconds(
                &task.timeout_seconds,
                &task.timeout_seconds_path,
                "TimeoutSeconds",
            )?;
            let heartbeat = seconds(
                &task.heartbeat_seconds,
                &task.heartbeat_seconds_path,
                "HeartbeatSeconds",
            )?;
            let credentials = match &task.credentials {
                Some(c) if jsonata => {
                    Some(data::evaluate_jsonata(c, "Credentials", &states, &vars)?)
                }
                Some(c) => Some(data::evaluate_template(c, &scope)?),
                None => None,
            };
            // Events spell the role `roleArn`.
            let credentials = credentials.map(|c| match c {
                Value::Object(map) => Value::Object(
                    map.into_iter()
                        .map(|(k, v)| match k.as_str() {
                            "RoleArn" => ("roleArn".to_string(), v),
                            _ => (k, v),
                        })
                        .collect(),
                ),
                other => other,
            });
            Ok((effective, timeout, heartbeat, credentials))
        })();
        let (effective, timeout, heartbeat, credentials) = match prepared {
            Ok(v) => v,
            Err(e) => return Err((Box::new(thread), e)),
        };
        let region = self.info.region.clone();
        let (scheduled_type, scheduled) = form.scheduled(
            &effective,
            timeout,
            heartbeat,
            credentials.as_ref(),
            &region,
        );
        thread.last_event = self.emit(
            env.sink,
            thread.silent,
            scheduled_type,
            thread.last_event,
            Some(scheduled),
        );
        let counter = self.invocations.entry(state.name.clone()).or_insert(0);
        let invocation_index = *counter;
        *counter += 1;
        let outcome = env.tasks.invoke(&TaskInvocation {
            state_name: &state.name,
            resource: &task.resource,
            input: &effective,
            timeout_seconds: timeout,
            heartbeat_seconds: heartbeat,
            task_token: token.as_deref(),
            execution_arn: &self.info.execution_arn,
            state_machine_name: &self.info.state_machine_name,
            invocation_index,
        });
        if let Some((started_type, started)) = form.started() {
            thread.last_event = self.emit(
                env.sink,
                thread.silent,
                started_type,
                thread.last_event,
                started,
            );
        }
        if outcome == TaskOutcome::Pending {
            // The request part's response (a callback handler's output) is what AWS
            // records as TaskSubmitted before the task waits for its token.
            if let (ResourceForm::Integration { .. }, Some(token)) = (&form, token.as_deref()) {
                if let Some(response) = env.tasks.submitted(token) {
                    let details = form.submitted(&response);
                    thread.last_event = self.emit(
                        env.sink,
                        thread.silent,
                        "TaskSubmitted",
                        thread.last_event,
                        Some(details),
                    );
                }
            }
            let activity_arn = match &form {
                ResourceForm::Activity { arn } => Some(arn.clone()),
                _ => None,
            };
            thread.phase = Phase::Parked {
                task: ParkedTask {
                    task_token: token.unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
                    state_name: state.name.clone(),
                    resource: task.resource.clone(),
                    activity_arn,
                    input: to_text(&effective),
                    timeout_seconds: timeout,
                    heartbeat_seconds: heartbeat,
                },
                form,
                started: false,
            };
            self.frames.push(Frame::Thread(Box::new(thread)));
            return Ok(());
        }
        self.task_outcome(thread, state, form, outcome, env);
        Ok(())
    }

    fn task_outcome(
        &mut self,
        mut thread: Thread,
        state: &State,
        form: ResourceForm,
        outcome: TaskOutcome,
        env: &mut Env,
    ) {
        let outcome = match outcome {
            TaskOutcome::Succeeded(result) if json_len(&result) > MAX_PAYLOAD_BYTES => {
                TaskOutcome::Failed(StatesError::new(
                    names::DATA_LIMIT_EXCEEDED,
                    format!(
                        "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                        form.limit_name()
                    ),
                ))
            }
            other => other,
        };
        match outcome {
            TaskOutcome::Succeeded(result) => {
                let (t, d) = form.succeeded(&result);
                thread.last_event =
                    self.emit(env.sink, thread.silent, t, thread.last_event, Some(d));
                let ctx = self.context(&thread, state, None);
                match self.state_output(&thread, state, &ctx, result, None, None) {
                    Ok((output, assigned)) => self.exit_state(thread, state, output, assigned, env),
                    Err(e) => self.eval_failed(thread, state, e, env),
                }
            }
            TaskOutcome::Failed(err) => {
                let (t, d) = form.failed(&err);
                thread.last_event =
                    self.emit(env.sink, thread.silent, t, thread.last_event, Some(d));
                thread.task_failed = true;
                self.fail_state(thread, state, err, env);
            }
            TaskOutcome::TimedOut => {
                let err = StatesError {
                    error: Some(names::TIMEOUT.into()),
                    cause: None,
                };
                let (t, d) = form.timed_out();
                thread.last_event =
                    self.emit(env.sink, thread.silent, t, thread.last_event, Some(d));
                thread.task_failed = true;
                self.fail_state(thread, state, err, env);
            }
            TaskOutcome::Pending => {
                // Only a first invocation can wait (start_task parks it); a delivered
                // outcome is final.
                let err = StatesError::runtime("A task outcome was delivered as pending.");
                self.fail_state(thread, state, err, env);
            }
        }
    }

    // ------------------------------------------------------------ Parallel and Map

    fn start_fan(
        &mut self,
        mut thread: Thread,
        state: &State,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let ctx = self.context(&thread, state, None);
        match &state.kind {
            Kind::Parallel { branches } => {
                let effective = match self.effective_input(&thread, state, &ctx) {
                    Ok(v) => v,
                    Err(e) => return Err((Box::new(thread), e)),
                };
                let started = self.emit(
                    env.sink,
                    thread.silent,
                    "ParallelStateStarted",
                    thread.last_event,
                    None,
                );
                let fan = Fan {
                    kind: FanKind::Parallel {
                        branches: branches.clone(),
                    },
                    owner_state: state.name.clone(),
                    owner_entered: thread.entered_event,
                    input: effective,
                    items: Vec::new(),
                    total: branches.len(),
                    next: 0,
                    results: Vec::with_capacity(branches.len()),
                    started_event: started,
                    last_event: started,
                    last_child_event: started,
                    failure: None,
                    silent: thread.silent,
                    failed_children: 0,
                    tolerated_count: None,
                    tolerated_percentage: None,
                    waiting: Vec::new(),
                };
                thread.phase = Phase::FanRunning;
                self.frames.push(Frame::Thread(Box::new(thread)));
                self.frames.push(Frame::Fan(Box::new(fan)));
                Ok(())
            }
            Kind::Map(map) => {
                // With a map runner (the API layer), a distributed Map's children are real
                // executions; without one they run inline, silently, as before.
                let tasks = env.tasks;
                if let (MapMode::Distributed, Some(runner)) = (map.mode, tasks.map_runs()) {
                    return self.run_distributed(thread, state, map, runner, env);
                }
                let prepared = self.map_items(&thread, state, map, &ctx);
                let (effective, items, sequential) = match prepared {
                    Ok(v) => v,
                    Err(e) => return Err((Box::new(thread), e)),
                };
                let started = self.emit(
                    env.sink,
                    thread.silent,
                    "MapStateStarted",
                    thread.last_event,
                    Some(json!({"length": items.len()})),
                );
                let distributed = map.mode == MapMode::Distributed;
                let tolerance = if distributed {
                    match self.map_tolerance(&thread, state, map, &effective, &ctx) {
                        Ok(t) => t,
                        Err(e) => {
                            thread.last_event = started;
                            return Err((Box::new(thread), e));
                        }
                    }
                } else {
                    (None, None)
                };
                let mut last = started;
                if distributed {
                    let label = map
                        .label
                        .clone()
                        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
                    let arn = format!(
                        "{}:mapRun:{}/{}:{}",
                        self.info
                            .state_machine_arn
                            .rsplit_once(":stateMachine:")
                            .map(|(prefix, _)| prefix.to_string())
                            .unwrap_or_default(),
                        self.info.state_machine_name,
                        label,
                        uuid::Uuid::new_v4()
                    );
                    last = self.emit(
                        env.sink,
                        thread.silent,
                        "MapRunStarted",
                        started,
                        Some(json!({"mapRunArn": arn})),
                    );
                }
                let total = items.len();
                let fan = Fan {
                    kind: FanKind::Map {
                        processor: map.processor,
                        sequential,
                    },
                    owner_state: state.name.clone(),
                    owner_entered: thread.entered_event,
                    // Only ItemSelector reads the effective input again.
                    input: if map.item_selector.is_some() {
                        effective
                    } else {
                        Value::Null
                    },
                    items,
                    total,
                    next: 0,
                    results: Vec::with_capacity(total),
                    started_event: last,
                    last_event: last,
                    last_child_event: last,
                    failure: None,
                    silent: thread.silent || distributed,
                    failed_children: 0,
                    tolerated_count: tolerance.0,
                    tolerated_percentage: tolerance.1,
                    waiting: Vec::new(),
                };
                thread.phase = Phase::FanRunning;
                self.frames.push(Frame::Thread(Box::new(thread)));
                self.frames.push(Frame::Fan(Box::new(fan)));
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// A Map state's effective input, items and whether iterations run one by one.
    fn map_items(
        &self,
        thread: &Thread,
        state: &State,
        map: &MapState,
        ctx: &Value,
    ) -> Result<(Value, Vec<Value>, bool), StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let states = data::states_binding(&thread.input, ctx, None, None);
        let (effective, items) = if jsonata {
            let items = match &map.items {
                Some(items) => {
                    let v = data::evaluate_jsonata(items, "Items", &states, &vars)?;
                    match v {
                        Value::Array(a) => a,
                        other => {
                            return Err(StatesError::query_evaluation(format!(
                                "The JSONata expression '{}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '{}' for value: {}",
                                expression_text(items),
                                json_type(&other),
                                to_text(&other)
                            )))
                        }
                    }
                }
                None => match &thread.input {
                    Value::Array(a) => a.clone(),
                    other => {
                        return Err(StatesError::query_evaluation(format!(
                            "Map state input must be an array but was: {}",
                            to_text(other)
                        )))
                    }
                },
            };
            (thread.input.clone(), items)
        } else {
            let effective = self.input_path(thread, state, ctx)?;
            let items = match &map.items_path {
                None => effective.clone(),
                Some(p) => data::read(
                    p,
                    &Scope {
                        input: &effective,
                        context: ctx,
                        vars: &vars,
                    },
                )
                .map_err(|e| data::invalid_path(p, &e))?,
            };
            let items = match items {
                Value::Array(a) => a,
                other => {
                    return Err(StatesError::runtime(format!(
                        "Map state input must be an array but was: {}",
                        to_text(&other)
                    )))
                }
            };
            (effective, items)
        };
        let concurrency = if let Some(p) = &map.max_concurrency_path {
            let value = data::read(
                p,
                &Scope {
                    input: &effective,
                    context: ctx,
                    vars: &vars,
                },
            )
            .map_err(|e| data::invalid_path(p, &e))?;
            let parsed = match &value {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.trim().parse::<i64>().ok(),
                _ => None,
            };
            match parsed {
                Some(n) if n >= 0 => n,
                _ => {
                    let shown = match &value {
                        Value::String(s) => s.clone(),
                        other => to_text(other),
                    };
                    return Err(StatesError::runtime(format!(
                        "The MaxConcurrencyPath field refers to value \"{shown}\" which is not a valid integer: {p}"
                    )));
                }
            }
        } else if let Some(mc) = &map.max_concurrency {
            let v = if jsonata {
                data::evaluate_jsonata(mc, "MaxConcurrency", &states, &vars)?
            } else {
                mc.clone()
            };
            v.as_i64().unwrap_or(0)
        } else {
            0
        };
        Ok((effective, items, concurrency == 1))
    }

    /// Distributed Map tolerance settings; invalid values are States.Runtime.
    fn map_tolerance(
        &self,
        thread: &Thread,
        state: &State,
        map: &MapState,
        effective: &Value,
        ctx: &Value,
    ) -> Result<(Option<u64>, Option<f64>), StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let scope = Scope {
            input: effective,
            context: ctx,
            vars: &vars,
        };
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let states = data::states_binding(&thread.input, ctx, None, None);
        let resolve = |literal: &Option<Value>,
                       path: &Option<String>,
                       name: &str|
         -> Result<Option<(Value, Option<String>)>, StatesError> {
            if let Some(v) = literal {
                let v = if jsonata {
                    data::evaluate_jsonata(v, name, &states, &vars)?
                } else {
                    v.clone()
                };
                return Ok(Some((v, None)));
            }
            if let Some(p) = path {
                let v = data::read(p, &scope).map_err(|e| data::invalid_path(p, &e))?;
                return Ok(Some((v, Some(p.clone()))));
            }
            Ok(None)
        };
        let shown = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => to_text(other),
        };
        let count = match resolve(
            &map.tolerated_failure_count,
            &map.tolerated_failure_count_path,
            "ToleratedFailureCount",
        )? {
            None => None,
            Some((v, path)) => {
                let n = match &v {
                    Value::Number(n) => n.as_i64(),
                    Value::String(s) => s.trim().parse::<i64>().ok(),
                    _ => None,
                };
                match n {
                    Some(n) if n < 0 => {
                        return Err(StatesError::runtime("ToleratedFailureCount cannot be negative."))
                    }
                    Some(n) => Some(n as u64),
                    None => {
                        return Err(StatesError::runtime(format!(
                            "The ToleratedFailureCountPath field refers to value \"{}\" which is not a valid integer: {}",
                            shown(&v),
                            path.unwrap_or_default()
                        )))
                    }
                }
            }
        };
        let percentage = match resolve(
            &map.tolerated_failure_percentage,
            &map.tolerated_failure_percentage_path,
            "ToleratedFailurePercentage",
        )? {
            None => None,
            Some((v, path)) => {
                let n = match &v {
                    Value::Number(n) => n.as_f64(),
                    Value::String(s) => s.trim().parse::<f64>().ok(),
                    _ => None,
                };
                match n {
                    Some(n) if !(0.0..=100.0).contains(&n) => {
                        return Err(StatesError::runtime(
                            "ToleratedFailurePercentage must be between 0 and 100.",
                        ))
                    }
                    Some(n) => Some(n),
                    None => {
                        return Err(StatesError::runtime(format!(
                            "The ToleratedFailurePercentagePath field refers to value \"{}\" which is not a valid float: {}",
                            shown(&v),
                            path.unwrap_or_default()
                        )))
                    }
                }
            }
        };
        Ok((count, percentage))
    }

    fn step_fan(&mut self, mut fan: Fan, env: &mut Env) {
        let tolerated = fan.failure.is_some() && self.fan_tolerates(&fan);
        if tolerated {
            fan.failure = None;
        }
        if fan.failure.is_none() {
            // A child whose outcome arrived continues where it waited.
            if let Some(at) = fan.waiting.iter().position(|w| runnable(w)) {
                let child = fan.waiting.remove(at);
                self.frames.push(Frame::Fan(Box::new(fan)));
                self.frames.extend(child);
                return;
            }
        }
        if fan.failure.is_some() || fan.next >= fan.total {
            // A failed fan abandons its waiting children (their late outcomes find no task).
            fan.waiting.clear();
            let outcome = match fan.failure.take() {
                Some(f) => FanOutcome::Failed {
                    error: f.error,
                    cause: f.cause,
                    failure_event: f.event,
                },
                None => FanOutcome::Succeeded {
                    results: std::mem::take(&mut fan.results),
                    last_event: fan.last_event,
                },
            };
            if let Some(Frame::Thread(owner)) = self.frames.last_mut() {
                owner.phase = Phase::FanDone { outcome };
            }
            return;
        }
        let index = fan.next;
        fan.next += 1;
        let (block, input, first_prev) = match &fan.kind {
            FanKind::Parallel { branches } => {
                (branches[index], fan.input.clone(), fan.started_event)
            }
            FanKind::Map {
                processor,
                sequential,
            } => {
                let processor = *processor;
                let previous = if *sequential && index > 0 {
                    fan.last_child_event
                } else {
                    fan.started_event
                };
                let item_input = match self.iteration_input(&fan, index, env.machine) {
                    Ok(v) => v,
                    Err(e) => {
                        fan.failure = Some(Failure::new(e, fan.last_event));
                        self.frames.push(Frame::Fan(Box::new(fan)));
                        return;
                    }
                };
                let started = self.emit(
                    env.sink,
                    fan.silent,
                    "MapIterationStarted",
                    previous,
                    Some(json!({"index": index, "name": fan.owner_state})),
                );
                (processor, item_input, started)
            }
        };
        let start_at = env.machine.block(block).start_at.clone();
        let silent = fan.silent;
        self.frames.push(Frame::Fan(Box::new(fan)));
        self.frames.push(Frame::Thread(Box::new(Thread {
            block,
            state: start_at,
            input,
            phase: Phase::Enter,
            last_event: first_prev,
            entered_event: 0,
            entered_prev: 0,
            entered_millis: 0,
            vars: Map::new(),
            attempts: Vec::new(),
            retry_count: 0,
            index,
            silent,
            initial: false,
            task_failed: false,
            input_text: None,
        })));
    }

    fn fan_tolerates(&self, fan: &Fan) -> bool {
        if fan.tolerated_count.is_none() && fan.tolerated_percentage.is_none() {
            return false;
        }
        let failed = fan.failed_children as f64;
        let by_count = fan
            .tolerated_count
            .is_some_and(|c| fan.failed_children as u64 <= c);
        let by_percentage = fan
            .tolerated_percentage
            .is_some_and(|p| fan.total > 0 && failed * 100.0 / fan.total as f64 <= p);
        by_count || by_percentage
    }

    /// ItemSelector (or the item itself) for iteration `index`.
    fn iteration_input(
        &self,
        fan: &Fan,
        index: usize,
        machine: &StateMachine,
    ) -> Result<Value, StatesError> {
        let item = fan.items.get(index).cloned().unwrap_or(Value::Null);
        let owner = self.frames.iter().rev().find_map(|f| match f {
            Frame::Thread(t) => Some(t),
            Frame::Fan(_) => None,
        });
        let Some(owner) = owner else {
            return Ok(item);
        };
        let Some(state) = machine.state(owner.block, &fan.owner_state) else {
            return Ok(item);
        };
        let Kind::Map(map) = &state.kind else {
            return Ok(item);
        };
        let Some(selector) = &map.item_selector else {
            return Ok(item);
        };
        let ctx = self.context(
            owner,
            state,
            Some(("Map", json!({"Item": {"Index": index, "Value": item}}))),
        );
        let vars = Scoped {
            inner: &owner.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let result = match state.query_language {
            QueryLanguage::JsonPath => data::evaluate_template(
                selector,
                &Scope {
                    input: &fan.input,
                    context: &ctx,
                    vars: &vars,
                },
            ),
            QueryLanguage::Jsonata => {
                let states = data::states_binding(&owner.input, &ctx, None, None);
                data::evaluate_jsonata(selector, "ItemSelector", &states, &vars)
            }
        };
        result.map_err(|e| self.prefixed(owner, state, e))
    }

    fn child_done(
        &mut self,
        fan: &mut Fan,
        child: Thread,
        outcome: Result<Value, StatesError>,
        env: &mut Env,
    ) {
        let is_map = matches!(fan.kind, FanKind::Map { .. });
        match outcome {
            Ok(output) => {
                if fan.results.len() <= child.index {
                    fan.results.resize(child.index + 1, Value::Null);
                }
                fan.results[child.index] = output;
                fan.last_child_event = child.last_event;
                fan.last_event = if is_map {
                    self.emit(
                        env.sink,
                        fan.silent,
                        "MapIterationSucceeded",
                        child.last_event,
                        Some(json!({"index": child.index, "name": fan.owner_state})),
                    )
                } else {
                    child.last_event
                };
                if fan.silent && is_map {
                    fan.last_event = fan.started_event;
                }
            }
            Err(err) => {
                fan.failed_children += 1;
                if child.task_failed && !err.is_runtime() {
                    // AWS closes the failed Task of a failing branch/iteration.
                    self.emit(
                        env.sink,
                        fan.silent,
                        "TaskStateAborted",
                        child.last_event,
                        None,
                    );
                }
                if is_map {
                    self.emit(
                        env.sink,
                        fan.silent,
                        "MapIterationFailed",
                        child.last_event,
                        Some(json!({"index": child.index, "name": fan.owner_state})),
                    );
                }
                fan.last_child_event = child.last_event;
                if fan.results.len() <= child.index {
                    fan.results.resize(child.index + 1, Value::Null);
                }
                fan.results[child.index] = error_output(&err);
                fan.failure = Some(Failure::new(err, child.last_event));
            }
        }
    }

    fn fan_done(&mut self, mut thread: Thread, state: &State, outcome: FanOutcome, env: &mut Env) {
        let is_map = matches!(state.kind, Kind::Map(_));
        let distributed = matches!(&state.kind, Kind::Map(m) if m.mode == MapMode::Distributed);
        let type_name = state.kind.type_name();
        match outcome {
            FanOutcome::Succeeded {
                results: _,
                last_event,
            }
            | FanOutcome::Produced {
                result: _,
                last_event,
            } => {
                let result = match outcome {
                    FanOutcome::Succeeded { results, .. } => Value::Array(results),
                    FanOutcome::Produced { result, .. } => result,
                    FanOutcome::Failed { .. } => Value::Null,
                };
                let mut closing = last_event;
                if distributed {
                    closing =
                        self.emit(env.sink, thread.silent, "MapRunSucceeded", last_event, None);
                }
                self.emit(
                    env.sink,
                    thread.silent,
                    &format!("{type_name}StateSucceeded"),
                    closing,
                    None,
                );
                thread.last_event = closing;
                let ctx = self.context(&thread, state, None);
                match self.state_output(&thread, state, &ctx, result, None, None) {
                    Ok((output, assigned)) => self.exit_state(thread, state, output, assigned, env),
                    Err(e) => self.eval_failed(thread, state, e, env),
                }
            }
            FanOutcome::Failed {
                error,
                cause,
                failure_event,
            } => {
                let mut err = StatesError { error, cause };
                let mut failure_event = failure_event;
                // A map runner's reader/writer/threshold errors are already the run's own.
                let run_error = matches!(
                    err.error.as_deref(),
                    Some(names::ITEM_READER_FAILED | names::RESULT_WRITER_FAILED)
                );
                if distributed {
                    if !err.is_runtime() && !run_error {
                        err = StatesError::new(
                            names::EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded",
                        );
                    }
                    failure_event = self.emit(
                        env.sink,
                        thread.silent,
                        "MapRunFailed",
                        thread.last_event.max(failure_event),
                        Some(failure_details(&err)),
                    );
                }
                let retrying = !err.is_runtime()
                    && state
                        .retry
                        .iter()
                        .position(|r| matches(&r.error_equals, &err))
                        .is_some_and(|i| {
                            thread.attempts.get(i).copied().unwrap_or(0)
                                < state.retry[i].max_attempts
                        });
                if retrying {
                    thread.last_event = failure_event;
                    self.fail_state(thread, state, err, env);
                    return;
                }
                let _ = is_map;
                thread.last_event = self.emit(
                    env.sink,
                    thread.silent,
                    &format!("{type_name}StateFailed"),
                    failure_event,
                    None,
                );
                self.fail_state(thread, state, err, env);
            }
        }
    }
}

/// The text between `{%` and `%}` of an expression field.
/// Whether a set-aside child can run again: its top task has its outcome.
fn runnable(frames: &[Frame]) -> bool {
    match frames.last() {
        Some(Frame::Thread(thread)) => !matches!(thread.phase, Phase::Parked { .. }),
        Some(Frame::Fan(fan)) => fan.waiting.iter().any(|w| runnable(w)),
        None => false,
    }
}

/// The task waiting with this token, in the frames or any fan's waiting children.
fn parked_thread<'f>(frames: &'f mut [Frame], token: &str) -> Option<&'f mut Thread> {
    for frame in frames.iter_mut() {
        match frame {
            Frame::Thread(thread) => {
                if matches!(&thread.phase, Phase::Parked { task, .. } if task.task_token == token) {
                    return Some(thread);
                }
            }
            Frame::Fan(fan) => {
                for child in fan.waiting.iter_mut() {
                    if let Some(thread) = parked_thread(child, token) {
                        return Some(thread);
                    }
                }
            }
        }
    }
    None
}

fn collect_parked(frames: &[Frame], tokens: &mut Vec<String>) {
    for frame in frames {
        match frame {
            Frame::Thread(thread) => {
                if let Phase::Parked { task, .. } = &thread.phase {
                    tokens.push(task.task_token.clone());
                }
            }
            Frame::Fan(fan) => {
                for child in &fan.waiting {
                    collect_parked(child, tokens);
                }
            }
        }
    }
}

fn first_parked(frames: &[Frame]) -> Option<ParkedTask> {
    frames.iter().find_map(|frame| match frame {
        Frame::Thread(thread) => match &thread.phase {
            Phase::Parked { task, .. } => Some(task.clone()),
            _ => None,
        },
        Frame::Fan(fan) => fan.waiting.iter().find_map(|w| first_parked(w)),
    })
}

fn expression_text(value: &Value) -> String {
    match value {
        Value::String(s) => s
            .trim_start_matches("{%")
            .trim_end_matches("%}")
            .trim()
            .to_string(),
        other => to_text(other),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The `location` of an `EvaluationFailed` event, read from the cause text: the field an
/// expression was written in, or the Wait field whose value could not be used.
fn field_location(cause: &str, state: &State) -> Option<String> {
    if matches!(state.kind, Kind::Wait(_)) {
        for field in ["Timestamp", "Seconds"] {
            if cause.contains(&format!("The {field} field ")) {
                return Some(field.to_string());
            }
        }
    }
    let marker = "specified for the field '";
    let start = cause.find(marker)? + marker.len();
    let end = cause[start..].find('\'')?;
    Some(cause[start..start + end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(name: &str) -> StatesError {
        StatesError::new(name, "cause")
    }

    fn names_of(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    struct Waits;

    impl TaskRunner for Waits {
        fn invoke(&self, _: &TaskInvocation) -> TaskOutcome {
            TaskOutcome::Pending
        }
    }

    #[derive(Default)]
    struct Types(Vec<String>);

    impl EventSink for Types {
        fn emit(&mut self, event: &HistoryEvent) {
            self.0.push(event.event_type.clone());
        }
    }

    /// Serializes and restores the execution between steps, as the store does.
    fn round_trip(execution: &Execution) -> Execution {
        serde_json::from_str(&serde_json::to_string(execution).unwrap()).unwrap()
    }

    #[test]
    fn branches_wait_together_and_take_outcomes_by_token() {
        let ask = json!({"Type": "Task", "End": true,
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken"});
        let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
            "Branches": [
                {"StartAt": "A", "States": {"A": ask}},
                {"StartAt": "B", "States": {"B": ask}}]}}});
        let machine = crate::asl::definition::parse(&definition).unwrap();
        let info = ExecutionInfo {
            execution_arn: "arn:aws:states:us-east-1:1:execution:m:e".into(),
            execution_name: "e".into(),
            state_machine_arn: "arn:aws:states:us-east-1:1:stateMachine:m".into(),
            state_machine_name: "m".into(),
            role_arn: "r".into(),
            input: json!({}),
            input_text: "{}".into(),
            start_millis: now_millis(),
            redrive_count: 0,
            region: "us-east-1".into(),
            state_machine_version_arn: None,
            state_machine_alias_arn: None,
        };
        let mut sink = Types::default();
        let mut execution = Execution::start(&machine, info, &mut sink);
        let run = |execution: &mut Execution, sink: &mut Types| {
            execution.run(&mut Env {
                machine: &machine,
                tasks: &Waits,
                sink,
                options: Options::default(),
            })
        };
        assert!(matches!(
            run(&mut execution, &mut sink),
            Progress::Parked(_)
        ));
        let tokens = execution.waiting_tokens();
        assert_eq!(tokens.len(), 2);
        let mut execution = round_trip(&execution);
        assert!(!execution.deliver_to("unknown", TaskOutcome::Succeeded(json!(0))));
        assert!(execution.deliver_to(&tokens[1], TaskOutcome::Succeeded(json!("b"))));
        assert!(matches!(
            run(&mut execution, &mut sink),
            Progress::Parked(_)
        ));
        assert_eq!(execution.waiting_tokens(), [tokens[0].clone()]);
        let mut execution = round_trip(&execution);
        assert!(execution.deliver_to(&tokens[0], TaskOutcome::Succeeded(json!("a"))));
        assert_eq!(run(&mut execution, &mut sink), Progress::Finished);
        assert_eq!(
            execution.status,
            Status::Succeeded {
                output: json!(["a", "b"])
            }
        );
        assert_eq!(sink.0.iter().filter(|t| *t == "TaskSucceeded").count(), 2);
    }

    #[test]
    fn error_matching_follows_the_wildcards() {
        assert!(matches(&names_of(&["States.ALL"]), &err("Custom")));
        assert!(!matches(&names_of(&["States.ALL"]), &err("States.Runtime")));
        assert!(!matches(
            &names_of(&["States.Runtime"]),
            &err("States.Runtime")
        ));
        assert!(matches(
            &names_of(&["States.TaskFailed"]),
            &err("Lambda.Unknown")
        ));
        assert!(!matches(
            &names_of(&["States.TaskFailed"]),
            &err("States.Timeout")
        ));
        assert!(matches(&names_of(&["A", "B"]), &err("B")));
        assert!(!matches(&names_of(&["State.ALL"]), &err("B")));
        let anonymous = StatesError {
            error: None,
            cause: None,
        };
        assert!(matches(&names_of(&["States.ALL"]), &anonymous));
        assert!(!matches(&names_of(&["States.TaskFailed"]), &anonymous));
    }

    #[test]
    fn locations_come_from_the_cause() {
        let machine = crate::asl::definition::parse(&json!({"StartAt": "W", "States": {
            "W": {"Type": "Wait", "Seconds": 1, "End": true},
            "P": {"Type": "Pass", "End": true}}}))
        .unwrap();
        let wait = machine.state(0, "W").unwrap();
        let pass = machine.state(0, "P").unwrap();
        assert_eq!(
            field_location("The Timestamp field cannot be parsed", wait).as_deref(),
            Some("Timestamp")
        );
        assert_eq!(
            field_location(
                "The JSONata expression 'x' specified for the field 'Output/a' returned nothing",
                pass
            )
            .as_deref(),
            Some("Output/a")
        );
        assert_eq!(
            field_location("Map state input must be an array", pass),
            None
        );
    }
}
