//! History events as `get-execution-history` returns them.
use chrono::{DateTime, Utc};
use serde_json::Value;

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
