//! The interpreter proper: an [`Execution`] is plain, serializable data (a stack of
//! frames: threads running a block of states, and fan-outs collecting Parallel branch or
//! Map iteration results); [`Execution::run`] advances it until it ends or parks on a
//! task whose outcome comes later.
//!
//! Branches and iterations are concurrent without the interpreter being so: it steps one
//! thread at a time, and a thread that waits (a task outcome, a task thread's invocation,
//! a sleep) is set aside in its fan so that its siblings step meanwhile (`run.rs`). Only
//! task invocations that may take a while run on other threads (`pool.rs`), so histories
//! of branches that never wait come out in the same order on every run.
use std::collections::HashMap;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::data;
use super::history::{EventSink, HistoryEvent};
use super::resource::TaskEvents;
use super::task::{Cancel, TaskInvocation, TaskOutcome, TaskRunner};
use crate::asl::definition::{
    BlockId, Catcher, ChoiceRule, Kind, MapMode, MapState, PathField, QueryLanguage, State,
    StateMachine, Transition,
};
use crate::asl::error::names;
use crate::asl::path::Scope;
use crate::asl::resource::TaskResource;
use crate::asl::{StatesError, Variables};
use crate::clock::Clock;
use crate::history::text::to_text;
use crate::history::{Details, EventType};

// Redrive support lives in its own file; as a child module it sees the frames.
mod redrive;
pub use redrive::RedriveError;
// Distributed Map runs handed to a `MapRunner` (child executions, readers, writers).
mod dataflow;
mod distributed;
mod errors;
mod events;
mod fan;
mod map_items;
use map_items::{ItemsAt, MapInput};
mod pool;
mod run;
mod simple_states;
mod task_state;
mod thread;
mod transitions;
use thread::{
    collect_parked, earliest_wake, find_thread, first_parked, for_each_thread, parked_thread,
    runnable, thread_waits, Call, Delivered, Failure, Fan, FanKind, FanOutcome, Frame, Phase,
    Thread, ThreadVars,
};

use super::step::{self, error_output, Flow, Tolerance, Unobserved};
pub(crate) use errors::matches;
use events::{failure_details, iso_millis, json_len, scaled_until};

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
    /// How many Task invocations may run at once on task threads (see [`TaskRunner::may_block`]);
    /// further ones queue.
    pub task_threads: usize,
}

/// AWS documents about 40 concurrent iterations for an inline Map.
pub const DEFAULT_TASK_THREADS: usize = 40;

impl Default for Options {
    fn default() -> Self {
        Options {
            wait_time_scale: 1.0,
            task_threads: DEFAULT_TASK_THREADS,
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
    /// Invocations to hand to task threads, collected while a step runs (`run.rs`).
    #[serde(skip)]
    outbox: Vec<Dispatch>,
    #[serde(skip)]
    next_ticket: u64,
    /// `$$.Execution.Input`, parsed from `info.input_text` when a state first reads it: the
    /// first state takes `info.input` itself, so that a large input is held once.
    #[serde(skip)]
    input_value: std::sync::OnceLock<Value>,
    /// What event timestamps, sleeps and deadlines go by: not part of the saved state,
    /// the host gives it on [`Execution::start`] and again to an execution it loads
    /// ([`Execution::set_clock`]).
    #[serde(skip)]
    clock: Clock,
}

/// A task invocation waiting for a task thread, with everything it borrows owned.
#[derive(Debug, Clone)]
struct Dispatch {
    ticket: u64,
    state_name: String,
    resource: TaskResource,
    input: Value,
    timeout_seconds: Option<u64>,
    heartbeat_seconds: Option<u64>,
    task_token: Option<String>,
    invocation_index: u32,
}

/// Output, assignments, Choice target and Wait end of a Pass/Choice/Wait/Succeed state.
type SimpleOutcome = (Value, Map<String, Value>, Option<String>, Option<i64>);
/// A task's effective input, timeout, heartbeat and credentials.
type PreparedTask = (Value, Option<u64>, Option<u64>, Option<Value>);

/// Everything a run needs besides the execution itself.
pub struct Env<'a> {
    pub machine: &'a StateMachine,
    pub tasks: &'a dyn TaskRunner,
    pub sink: &'a mut dyn EventSink,
    pub options: Options,
}

impl Execution {
    /// The variables `thread` sees.
    fn vars<'s>(&'s self, thread: &'s Thread) -> ThreadVars<'s> {
        ThreadVars {
            own: &thread.vars,
            frames: &self.frames,
        }
    }

    /// Runs `step` on the data flow of `state` for `thread` (its input and variables) in
    /// the context object `ctx`.
    fn with_flow<R>(
        &self,
        thread: &Thread,
        state: &State,
        ctx: &Value,
        step: impl FnOnce(&Flow) -> R,
    ) -> R {
        let vars = self.vars(thread);
        step(&Flow::new(state, &thread.input, ctx, &vars))
    }

    /// Starts an execution on `clock`: emits `ExecutionStarted`. Call [`Execution::run`]
    /// next.
    pub fn start(
        machine: &StateMachine,
        info: ExecutionInfo,
        clock: &Clock,
        sink: &mut dyn EventSink,
    ) -> Self {
        let block = machine.block(0);
        let mut exec = Execution {
            status: Status::Running,
            next_event_id: 1,
            last_event_id: 0,
            frames: Vec::new(),
            invocations: HashMap::new(),
            redrive: Default::default(),
            outbox: Vec::new(),
            next_ticket: 0,
            input_value: std::sync::OnceLock::new(),
            clock: clock.clone(),
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
        exec.emit(
            sink,
            false,
            EventType::ExecutionStarted,
            0,
            Some(details.into()),
        );
        let input = std::mem::take(&mut exec.info.input);
        let raw_text = (!crate::history::text::is_text_of(&input, &exec.info.input_text))
            .then(|| exec.info.input_text.clone());
        let thread = Thread {
            initial: true,
            raw_text,
            ..Thread::starting(0, block.start_at.clone(), input, 1, 0)
        };
        exec.frames.push(Frame::Thread(Box::new(thread)));
        exec
    }

    /// The execution's input as `$$.Execution.Input` shows it. `info.input` is only still
    /// there in a state saved before the first state took it.
    pub(super) fn execution_input(&self) -> &Value {
        if !self.info.input.is_null() {
            return &self.info.input;
        }
        self.input_value
            .get_or_init(|| serde_json::from_str(&self.info.input_text).unwrap_or(Value::Null))
    }

    /// Sets the clock of an execution loaded from its saved state (which does not keep
    /// one): until then it goes by the system's.
    pub fn set_clock(&mut self, clock: &Clock) {
        self.clock = clock.clone();
    }

    /// Events emitted so far.
    pub fn event_count(&self) -> i64 {
        self.next_event_id - 1
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
            task:
                ParkedTask {
                    activity_arn: Some(_),
                    ..
                },
            started: false,
        } = &thread.phase
        else {
            return false;
        };
        let details = match worker_name {
            Some(w) => json!({ "workerName": w }),
            None => json!({}),
        };
        let id = self.emit(
            sink,
            silent,
            EventType::ActivityStarted,
            previous,
            Some(details.into()),
        );
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
        let Some(outcome) = Delivered::from_outcome(outcome) else {
            return false;
        };
        let Some(thread) = parked_thread(&mut self.frames, token) else {
            return false;
        };
        if !matches!(thread.phase, Phase::Parked { .. }) {
            return false;
        }
        thread.phase = Phase::TaskDone { outcome };
        true
    }

    /// Where the task with this token stands: `Some(true)` waiting for its outcome (it can
    /// take one now), `Some(false)` still being invoked on a task thread (it will wait for
    /// its outcome once the invocation returns), `None` nowhere (ended or aborted).
    pub fn awaits(&self, token: &str) -> Option<bool> {
        fn find(frames: &[Frame], token: &str) -> Option<bool> {
            frames.iter().find_map(|frame| match frame {
                Frame::Thread(thread) => match &thread.phase {
                    Phase::Parked { task, .. } if task.task_token == token => Some(true),
                    Phase::InFlight { call, .. } | Phase::Returned { call, .. }
                        if call.token.as_deref() == Some(token) =>
                    {
                        Some(false)
                    }
                    _ => None,
                },
                Frame::Fan(fan) => fan.waiting.iter().find_map(|w| find(w, token)),
            })
        }
        find(&self.frames, token)
    }

    /// The tokens of every task waiting for its outcome.
    pub fn waiting_tokens(&self) -> Vec<String> {
        let mut tokens = Vec::new();
        collect_parked(&self.frames, &mut tokens);
        tokens
    }
}

#[cfg(test)]
mod tests;
