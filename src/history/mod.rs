//! Execution history: the event types of the AWS model and the event record the engine
//! emits, the store keeps and the front ends show, with the compact JSON text its payloads
//! are written in. Depends on nothing else in the crate.
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

mod details;
mod event_type;
pub mod text;

pub use details::{Details, Member, Members};

/// One [`Details`] of each typed shape, for tests of what stores them.
#[cfg(test)]
pub(crate) fn details_shapes() -> Vec<Details> {
    details::tests::shapes()
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}
pub use event_type::EventType;

/// One event. `details` is the `<xxx>EventDetails` object in the API's shape (payloads as
/// JSON text), or `None` for event types that carry none.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEvent {
    pub id: i64,
    pub previous_event_id: i64,
    pub timestamp: DateTime<Utc>,
    pub event_type: EventType,
    pub details: Option<Details>,
}

impl EventType {
    /// `<Type>StateEntered`.
    pub fn is_state_entered(self) -> bool {
        self.as_str().ends_with("StateEntered")
    }

    /// `<Type>StateExited`.
    pub fn is_state_exited(self) -> bool {
        self.as_str().ends_with("StateExited")
    }

    /// The state type of a `<Type>StateEntered` event (`Task` for `TaskStateEntered`).
    pub fn entered_state_type(self) -> Option<&'static str> {
        self.as_str().strip_suffix("StateEntered")
    }

    /// An execution's end: succeeded, failed, timed out or aborted.
    pub fn ends_execution(self) -> bool {
        matches!(
            self,
            EventType::ExecutionSucceeded
                | EventType::ExecutionFailed
                | EventType::ExecutionTimedOut
                | EventType::ExecutionAborted
        )
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is not one of the model's event types.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown history event type {0:?}")]
pub struct UnknownEventType(pub String);

impl FromStr for EventType {
    type Err = UnknownEventType;

    fn from_str(name: &str) -> Result<EventType, UnknownEventType> {
        EventType::parse(name).ok_or_else(|| UnknownEventType(name.to_string()))
    }
}

impl PartialEq<str> for EventType {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for EventType {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Event types as the API names them, for histories read back as JSON.
impl PartialEq<EventType> for str {
    fn eq(&self, other: &EventType) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<EventType> for &str {
    fn eq(&self, other: &EventType) -> bool {
        *self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_refused() {
        for t in EventType::ALL {
            assert_eq!(t.as_str().parse::<EventType>(), Ok(t));
        }
        assert_eq!(
            "TaskStateStarted".parse::<EventType>(),
            Err(UnknownEventType("TaskStateStarted".into()))
        );
    }

    #[test]
    fn state_events_share_their_details_member() {
        assert_eq!(
            EventType::WaitStateEntered.details_member(),
            Some("stateEnteredEventDetails")
        );
        assert_eq!(
            EventType::MapStateExited.details_member(),
            Some("stateExitedEventDetails")
        );
        assert_eq!(
            EventType::TaskScheduled.details_member(),
            Some("taskScheduledEventDetails")
        );
        assert_eq!(EventType::ParallelStateStarted.details_member(), None);
        assert_eq!(
            EventType::TaskStateEntered.entered_state_type(),
            Some("Task")
        );
        assert!(EventType::PassStateExited.is_state_exited());
        assert!(!EventType::PassStateExited.is_state_entered());
    }
}
