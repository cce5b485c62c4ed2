//! The frames an execution is made of: threads running a block of states, fans collecting
//! Parallel branch or Map iteration results, and the walks over them.
use super::*;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) enum Frame {
    Thread(Box<Thread>),
    Fan(Box<Fan>),
}

/// A run of states in one block: the execution itself, a Parallel branch, a Map
/// iteration.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Thread {
    pub(super) block: BlockId,
    pub(super) state: String,
    /// The raw input of the current state.
    pub(super) input: Value,
    pub(super) phase: Phase,
    /// The event the next one on this thread points at.
    pub(super) last_event: i64,
    pub(super) entered_event: i64,
    pub(super) entered_prev: i64,
    pub(super) entered_millis: i64,
    pub(super) vars: Map<String, Value>,
    /// Attempts per retrier of the current state visit.
    pub(super) attempts: Vec<u32>,
    pub(super) retry_count: u32,
    /// Branch or iteration index within the parent fan-out.
    pub(super) index: usize,
    /// Events of this thread are not part of the history (distributed Map children).
    pub(super) silent: bool,
    /// The next Entered event points at 0 (the execution's first state).
    pub(super) initial: bool,
    /// The current state is a Task whose own failure event is out (an uncaught one ends
    /// the branch/iteration with `TaskStateAborted`).
    #[serde(default)]
    pub(super) task_failed: bool,
    /// `input` as JSON text when the previous state's Exited event already serialized it
    /// (large payloads are then serialized once per state, not twice).
    #[serde(skip)]
    pub(super) input_text: Option<String>,
    /// The text of `input` (our serialization) and its number of members, kept from the
    /// Entered event of a state whose output may be its input object with one member
    /// added (ResultPath `$.name`): see [`transitions::appended_text`].
    #[serde(skip)]
    pub(super) entered_text: Option<(String, usize)>,
    /// `input` as AWS shows it when that is not our serialization of it. AWS keeps a
    /// payload's text as it came (the execution input's spacing and number forms) for as
    /// long as states pass it on unchanged; see [`Execution::output_raw`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) raw_text: Option<String>,
}

impl Thread {
    /// A thread about to enter the first state `state` of `block`.
    pub(super) fn starting(
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
pub(super) enum Phase {
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
        /// Whether the activity's `ActivityStarted` is out.
        started: bool,
    },
    /// A parked task's delivered outcome.
    TaskDone { outcome: Delivered },
    /// Children of a Parallel/Map are on the stack above.
    FanRunning,
    /// The children are done.
    FanDone { outcome: FanOutcome },
}

/// A Task invocation handed to a task thread: what the Task state needs once it returns.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Call {
    pub(super) token: Option<String>,
    pub(super) effective: Value,
    pub(super) timeout: Option<u64>,
    pub(super) heartbeat: Option<u64>,
    /// The invocation's index for mock files, to invoke it the same way again.
    #[serde(default)]
    pub(super) invocation_index: u32,
}

/// A task outcome in serializable form.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) enum Delivered {
    Succeeded(Value),
    Failed {
        error: Option<String>,
        cause: Option<String>,
    },
    TimedOut,
}

impl Delivered {
    /// `None` for `Pending`: nothing was delivered.
    pub(super) fn from_outcome(outcome: TaskOutcome) -> Option<Delivered> {
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

    pub(super) fn into_outcome(self) -> TaskOutcome {
        match self {
            Delivered::Succeeded(v) => TaskOutcome::Succeeded(v),
            Delivered::Failed { error, cause } => TaskOutcome::Failed(StatesError { error, cause }),
            Delivered::TimedOut => TaskOutcome::TimedOut,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) enum FanOutcome {
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
pub(super) enum FanKind {
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
pub(super) struct Fan {
    pub(super) kind: FanKind,
    pub(super) owner_state: String,
    pub(super) owner_entered: i64,
    /// Parallel: every branch's input. Map: the effective input ItemSelector reads.
    pub(super) input: Value,
    /// Parallel: the branches' input as AWS shows it, when that is a raw text.
    #[serde(default)]
    pub(super) input_text: Option<String>,
    /// Each finished child's output as AWS shows it, when that is a raw text.
    #[serde(default)]
    pub(super) texts: Vec<Option<String>>,
    pub(super) items: Vec<Value>,
    #[serde(default)]
    pub(super) items_at: ItemsAt,
    /// Each iteration moves its item out of where it is instead of copying it
    /// ([`map_items::consumable`]).
    #[serde(default)]
    pub(super) consume: bool,
    pub(super) total: usize,
    pub(super) next: usize,
    pub(super) results: Vec<Value>,
    pub(super) started_event: i64,
    /// The event the state's closing events point at.
    pub(super) last_event: i64,
    /// The previous child's last event (sequential Map iterations chain on it).
    pub(super) last_child_event: i64,
    pub(super) failure: Option<Failure>,
    pub(super) silent: bool,
    pub(super) failed_children: usize,
    pub(super) tolerated_count: Option<u64>,
    pub(super) tolerated_percentage: Option<f64>,
    /// Children (each with the frames above it) waiting for a task's outcome or a sleep's
    /// end, set aside so that the other branches/iterations keep running.
    #[serde(default)]
    pub(super) waiting: Vec<Vec<Frame>>,
    /// At most this many children started and not finished (a Map's `MaxConcurrency`);
    /// `None`: no limit.
    #[serde(default)]
    pub(super) limit: Option<usize>,
}

/// A child's failure: its error and its last event.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Failure {
    pub(super) error: Option<String>,
    pub(super) cause: Option<String>,
    pub(super) event: i64,
}

impl Fan {
    /// Whether another child may start: one is left and the limit allows it.
    pub(super) fn can_start(&self) -> bool {
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
    pub(super) fn new(err: StatesError, event: i64) -> Failure {
        Failure {
            error: err.error,
            cause: err.cause,
            event,
        }
    }
}

/// The variables a thread sees: its own, then those of the enclosing threads (innermost
/// first).
pub(super) struct ThreadVars<'a> {
    pub(super) own: &'a Map<String, Value>,
    pub(super) frames: &'a [Frame],
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

/// Whether a set-aside child can run again: its top task has its outcome, its sleep is
/// over.
pub(super) fn runnable(frames: &[Frame], clock: &Clock) -> bool {
    match frames.last() {
        Some(Frame::Thread(thread)) => !thread_waits(thread, clock),
        Some(Frame::Fan(fan)) => fan.waiting.iter().any(|w| runnable(w, clock)),
        None => false,
    }
}

/// Whether a thread cannot take a step yet: its task's outcome is still to come, or it
/// sleeps (a Wait state, a retry interval) until later than now. The clock is read only
/// for a sleeping thread: this runs before every step.
pub(super) fn thread_waits(thread: &Thread, clock: &Clock) -> bool {
    match thread.phase {
        Phase::Parked { .. } | Phase::InFlight { .. } => true,
        Phase::Sleep { until, .. } | Phase::RetryWait { until } => until > clock.now_millis(),
        _ => false,
    }
}

/// The earliest end of a sleep, on the stack or in any fan's waiting children.
pub(super) fn earliest_wake(frames: &[Frame]) -> Option<i64> {
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
pub(super) fn find_thread<'f>(
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
pub(super) fn for_each_thread(frames: &mut [Frame], f: &mut dyn FnMut(&mut Thread)) {
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
pub(super) fn parked_thread<'f>(frames: &'f mut [Frame], token: &str) -> Option<&'f mut Thread> {
    find_thread(
        frames,
        &|phase| matches!(phase, Phase::Parked { task, .. } if task.task_token == token),
    )
}

pub(super) fn collect_parked(frames: &[Frame], tokens: &mut Vec<String>) {
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

pub(super) fn first_parked(frames: &[Frame]) -> Option<ParkedTask> {
    frames.iter().find_map(|frame| match frame {
        Frame::Thread(thread) => match &thread.phase {
            Phase::Parked { task, .. } => Some(task.clone()),
            _ => None,
        },
        Frame::Fan(fan) => fan.waiting.iter().find_map(|w| first_parked(w)),
    })
}
