//! History events as `get-execution-history` returns them.
use chrono::{DateTime, Utc};
use serde_json::Value;

use super::exec::Execution;
use super::task::TaskOutcome;

/// One event. `details` is the `<xxx>EventDetails` object in the API's shape (payloads as
/// JSON text), or `None` for event types that carry none.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEvent {
    pub id: i64,
    pub previous_event_id: i64,
    pub timestamp: DateTime<Utc>,
    pub event_type: String,
    pub details: Option<Value>,
}

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

    /// Whether the sink holds so much that it wants a [`Checkpoint::Busy`] now (checked
    /// before every step: keep it cheap).
    fn wants_checkpoint(&self) -> bool {
        false
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

/// The API member that holds an event type's details, e.g. `TaskStateEntered` →
/// `stateEnteredEventDetails`. `None` for types without details.
pub fn details_member(event_type: &str) -> Option<&'static str> {
    Some(match event_type {
        t if t.ends_with("StateEntered") => "stateEnteredEventDetails",
        t if t.ends_with("StateExited") => "stateExitedEventDetails",
        "ActivityFailed" => "activityFailedEventDetails",
        "ActivityScheduled" => "activityScheduledEventDetails",
        "ActivityScheduleFailed" => "activityScheduleFailedEventDetails",
        "ActivityStarted" => "activityStartedEventDetails",
        "ActivitySucceeded" => "activitySucceededEventDetails",
        "ActivityTimedOut" => "activityTimedOutEventDetails",
        "ExecutionAborted" => "executionAbortedEventDetails",
        "ExecutionFailed" => "executionFailedEventDetails",
        "ExecutionStarted" => "executionStartedEventDetails",
        "ExecutionSucceeded" => "executionSucceededEventDetails",
        "ExecutionTimedOut" => "executionTimedOutEventDetails",
        "ExecutionRedriven" => "executionRedrivenEventDetails",
        "LambdaFunctionFailed" => "lambdaFunctionFailedEventDetails",
        "LambdaFunctionScheduled" => "lambdaFunctionScheduledEventDetails",
        "LambdaFunctionScheduleFailed" => "lambdaFunctionScheduleFailedEventDetails",
        "LambdaFunctionStartFailed" => "lambdaFunctionStartFailedEventDetails",
        "LambdaFunctionSucceeded" => "lambdaFunctionSucceededEventDetails",
        "LambdaFunctionTimedOut" => "lambdaFunctionTimedOutEventDetails",
        "MapIterationAborted" => "mapIterationAbortedEventDetails",
        "MapIterationFailed" => "mapIterationFailedEventDetails",
        "MapIterationStarted" => "mapIterationStartedEventDetails",
        "MapIterationSucceeded" => "mapIterationSucceededEventDetails",
        "MapStateStarted" => "mapStateStartedEventDetails",
        "MapRunFailed" => "mapRunFailedEventDetails",
        "MapRunStarted" => "mapRunStartedEventDetails",
        "MapRunRedriven" => "mapRunRedrivenEventDetails",
        "TaskFailed" => "taskFailedEventDetails",
        "TaskScheduled" => "taskScheduledEventDetails",
        "TaskStarted" => "taskStartedEventDetails",
        "TaskStartFailed" => "taskStartFailedEventDetails",
        "TaskSubmitFailed" => "taskSubmitFailedEventDetails",
        "TaskSubmitted" => "taskSubmittedEventDetails",
        "TaskSucceeded" => "taskSucceededEventDetails",
        "TaskTimedOut" => "taskTimedOutEventDetails",
        "EvaluationFailed" => "evaluationFailedEventDetails",
        _ => return None,
    })
}
