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
use super::resource::ResourceForm;
use super::task::{Cancel, TaskInvocation, TaskOutcome, TaskRunner};
use crate::asl::definition::{
    BlockId, Catcher, ChoiceRule, Kind, MapMode, MapState, PathField, QueryLanguage, State,
    StateMachine, Transition,
};
use crate::asl::error::names;
use crate::asl::path::Scope;
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
mod transitions;

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
    resource: String,
    input: Value,
    timeout_seconds: Option<u64>,
    heartbeat_seconds: Option<u64>,
    task_token: Option<String>,
    invocation_index: u32,
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
    /// The text of `input` (our serialization) and its number of members, kept from the
    /// Entered event of a state whose output may be its input object with one member
    /// added (ResultPath `$.name`): see [`transitions::appended_text`].
    #[serde(skip)]
    entered_text: Option<(String, usize)>,
    /// `input` as AWS shows it when that is not our serialization of it. AWS keeps a
    /// payload's text as it came (the execution input's spacing and number forms) for as
    /// long as states pass it on unchanged; see [`Execution::output_raw`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    raw_text: Option<String>,
}

impl Thread {
    /// A thread about to enter the first state `state` of `block`.
    fn starting(
        block: BlockId,
        state: String,
        input: Value,
        last_event: i64,
        index: usize,
    ) -> Self {
        Thread {
            block,
            state,
            input,
            phase: Phase::Enter,
            last_event,
            entered_event: 0,
            entered_prev: 0,
            entered_millis: 0,
            vars: Map::new(),
            attempts: Vec::new(),
            retry_count: 0,
            index,
            silent: false,
            initial: false,
            task_failed: false,
            input_text: None,
            entered_text: None,
            raw_text: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Phase {
    /// Emit the Entered event and run the state.
    Enter,
    /// Run the state's work again after a retry.
    Restart,
    /// A Wait state sleeping until then (ms since the epoch, `SFN_WAIT_TIME_SCALE` applied).
    Sleep {
        until: i64,
        output: Value,
        assigned: Map<String, Value>,
    },
    /// Waiting out a retry interval (until then, scaled like `Sleep`).
    RetryWait { until: i64 },
    /// A task invocation running on a task thread (`run.rs`); only between two steps of
    /// one [`Execution::run`], which never returns while one is out.
    InFlight { ticket: u64, call: Box<Call> },
    /// What a task thread's invocation came back with.
    Returned {
        call: Box<Call>,
        /// `None`: the task waits for its outcome from outside (`TaskOutcome::Pending`).
        outcome: Option<Delivered>,
    },
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

/// A Task invocation handed to a task thread: what the Task state needs once it returns.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Call {
    form: ResourceForm,
    token: Option<String>,
    effective: Value,
    timeout: Option<u64>,
    heartbeat: Option<u64>,
    /// The invocation's index for mock files, to invoke it the same way again.
    #[serde(default)]
    invocation_index: u32,
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

impl Delivered {
    /// `None` for `Pending`: nothing was delivered.
    fn from_outcome(outcome: TaskOutcome) -> Option<Delivered> {
        match outcome {
            TaskOutcome::Succeeded(v) => Some(Delivered::Succeeded(v)),
            TaskOutcome::Failed(e) => Some(Delivered::Failed {
                error: e.error,
                cause: e.cause,
            }),
            TaskOutcome::TimedOut => Some(Delivered::TimedOut),
            TaskOutcome::Pending => None,
        }
    }

    fn into_outcome(self) -> TaskOutcome {
        match self {
            Delivered::Succeeded(v) => TaskOutcome::Succeeded(v),
            Delivered::Failed { error, cause } => TaskOutcome::Failed(StatesError { error, cause }),
            Delivered::TimedOut => TaskOutcome::TimedOut,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum FanOutcome {
    Succeeded {
        results: Vec<Value>,
        last_event: i64,
        /// The results as AWS shows them, when a child kept a raw text (Parallel).
        #[serde(default)]
        text: Option<String>,
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

/// A Parallel state's branches or a Map state's iterations. One child runs at a time on
/// the interpreter; a child that waits (a parked or in-flight task, a Wait, a retry
/// interval) is set aside in `waiting` and the next one starts, up to `limit` children
/// at once, so that their waits overlap.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Fan {
    kind: FanKind,
    owner_state: String,
    owner_entered: i64,
    /// Parallel: every branch's input. Map: the effective input ItemSelector reads.
    input: Value,
    /// Parallel: the branches' input as AWS shows it, when that is a raw text.
    #[serde(default)]
    input_text: Option<String>,
    /// Each finished child's output as AWS shows it, when that is a raw text.
    #[serde(default)]
    texts: Vec<Option<String>>,
    items: Vec<Value>,
    #[serde(default)]
    items_at: ItemsAt,
    /// Each iteration moves its item out of where it is instead of copying it
    /// ([`map_items::consumable`]).
    #[serde(default)]
    consume: bool,
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
    /// Children (each with the frames above it) waiting for a task's outcome or a sleep's
    /// end, set aside so that the other branches/iterations keep running.
    #[serde(default)]
    waiting: Vec<Vec<Frame>>,
    /// At most this many children started and not finished (a Map's `MaxConcurrency`);
    /// `None`: no limit.
    #[serde(default)]
    limit: Option<usize>,
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

impl Fan {
    /// Whether another child may start: one is left and the limit allows it.
    fn can_start(&self) -> bool {
        let sequential = matches!(
            self.kind,
            FanKind::Map {
                sequential: true,
                ..
            }
        );
        let limit = if sequential { Some(1) } else { self.limit };
        self.next < self.total && limit.is_none_or(|m| self.waiting.len() < m)
    }
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

/// The variables a thread sees: its own, then those of the enclosing threads (innermost
/// first).
struct ThreadVars<'a> {
    own: &'a Map<String, Value>,
    frames: &'a [Frame],
}

impl Variables for ThreadVars<'_> {
    fn get(&self, name: &str) -> Option<&Value> {
        self.own.get(name).or_else(|| {
            self.frames.iter().rev().find_map(|f| match f {
                Frame::Thread(t) => t.vars.get(name),
                Frame::Fan(_) => None,
            })
        })
    }
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
        let raw_text =
            (exec.info.input_text != to_text(&input)).then(|| exec.info.input_text.clone());
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
        let Phase::Parked { form, .. } = &thread.phase else {
            return false;
        };
        thread.phase = Phase::TaskDone {
            form: form.clone(),
            outcome,
        };
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

/// Whether a set-aside child can run again: its top task has its outcome, its sleep is
/// over.
fn runnable(frames: &[Frame], clock: &Clock) -> bool {
    match frames.last() {
        Some(Frame::Thread(thread)) => !thread_waits(thread, clock),
        Some(Frame::Fan(fan)) => fan.waiting.iter().any(|w| runnable(w, clock)),
        None => false,
    }
}

/// Whether a thread cannot take a step yet: its task's outcome is still to come, or it
/// sleeps (a Wait state, a retry interval) until later than now. The clock is read only
/// for a sleeping thread: this runs before every step.
fn thread_waits(thread: &Thread, clock: &Clock) -> bool {
    match thread.phase {
        Phase::Parked { .. } | Phase::InFlight { .. } => true,
        Phase::Sleep { until, .. } | Phase::RetryWait { until } => until > clock.now_millis(),
        _ => false,
    }
}

/// The earliest end of a sleep, on the stack or in any fan's waiting children.
fn earliest_wake(frames: &[Frame]) -> Option<i64> {
    frames
        .iter()
        .filter_map(|frame| match frame {
            Frame::Thread(thread) => match thread.phase {
                Phase::Sleep { until, .. } | Phase::RetryWait { until } => Some(until),
                _ => None,
            },
            Frame::Fan(fan) => fan.waiting.iter().filter_map(|w| earliest_wake(w)).min(),
        })
        .min()
}

/// The thread whose phase `pick` accepts, in the frames or any fan's waiting children.
fn find_thread<'f>(
    frames: &'f mut [Frame],
    pick: &dyn Fn(&Phase) -> bool,
) -> Option<&'f mut Thread> {
    for frame in frames.iter_mut() {
        match frame {
            Frame::Thread(thread) => {
                if pick(&thread.phase) {
                    return Some(thread);
                }
            }
            Frame::Fan(fan) => {
                for child in fan.waiting.iter_mut() {
                    if let Some(thread) = find_thread(child, pick) {
                        return Some(thread);
                    }
                }
            }
        }
    }
    None
}

/// Calls `f` on every thread, on the stack and in every fan's waiting children.
fn for_each_thread(frames: &mut [Frame], f: &mut dyn FnMut(&mut Thread)) {
    for frame in frames.iter_mut() {
        match frame {
            Frame::Thread(thread) => f(thread),
            Frame::Fan(fan) => {
                for child in fan.waiting.iter_mut() {
                    for_each_thread(child, f);
                }
            }
        }
    }
}

/// The task waiting with this token.
fn parked_thread<'f>(frames: &'f mut [Frame], token: &str) -> Option<&'f mut Thread> {
    find_thread(
        frames,
        &|phase| matches!(phase, Phase::Parked { task, .. } if task.task_token == token),
    )
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

#[cfg(test)]
mod tests {
    use super::errors::field_location;
    use super::*;

    /// The execution `e` of the machine `m`, with input `{}`.
    pub(super) fn info() -> ExecutionInfo {
        ExecutionInfo {
            execution_arn: "arn:aws:states:us-east-1:123456789012:execution:m:e".into(),
            execution_name: "e".into(),
            state_machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:m".into(),
            state_machine_name: "m".into(),
            role_arn: "arn:aws:iam::123456789012:role/r".into(),
            input: json!({}),
            input_text: "{}".into(),
            start_millis: chrono::Utc::now().timestamp_millis(),
            redrive_count: 0,
            region: "us-east-1".into(),
            state_machine_version_arn: None,
            state_machine_alias_arn: None,
        }
    }

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
            self.0.push(event.event_type.to_string());
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
        let mut sink = Types::default();
        let mut execution = Execution::start(&machine, info(), &Clock::system(), &mut sink);
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
