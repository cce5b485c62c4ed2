//! How the engine hands out history events and hears back from its host.
use super::exec::Execution;
use super::task::TaskOutcome;
pub use crate::history::HistoryEvent;

/// Receives events as the engine emits them (the store batches them; a progress display
/// follows along).
pub trait EventSink {
    fn emit(&mut self, event: &HistoryEvent);

    /// Called between steps (see [`Checkpoint`]): the host of a durable execution saves
    /// it here and answers with what came from outside meanwhile (task outcomes, a stop).
    /// By default nothing is saved and nothing comes.
    fn checkpoint(&mut self, execution: &Execution, at: Checkpoint) -> Vec<Message> {
        let _ = (execution, at);
        Vec::new()
    }
}

/// Why the engine calls [`EventSink::checkpoint`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checkpoint {
    /// The execution has been stepping for a while (about a second) without waiting.
    Busy,
    /// Nothing can step until a sleep ends or a task thread returns: the execution is
    /// about to wait (and asks again every [`POLL_INTERVAL`] while it does).
    Waiting,
    /// Every task waits for an outcome from outside: unless one comes now, the run
    /// returns [`crate::engine::Progress::Parked`] (and its caller saves it).
    Parking,
}

/// While an execution waits, how often it asks its host for messages.
pub const POLL_INTERVAL: std::time::Duration = std::time::Duration::from_millis(100);

/// What the host hands a running execution.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The outcome of the task waiting with this token.
    Deliver { token: String, outcome: TaskOutcome },
    /// A worker took the activity task with this token.
    ActivityStarted {
        token: String,
        worker: Option<String>,
    },
    /// Stop the execution (`ExecutionAborted`) with this error and cause.
    Stop {
        error: Option<String>,
        cause: Option<String>,
    },
}
