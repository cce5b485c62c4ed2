//! History event construction: timestamps, event payload helpers, `emit` and `finish`.
use super::*;

/// When a sleep until `until` ends with `SFN_WAIT_TIME_SCALE` applied to what is left
/// after `now`.
pub(super) fn scaled_until(until: i64, now: i64, scale: f64) -> i64 {
    now + ((until - now).max(0) as f64 * scale.max(0.0)) as i64
}

pub(super) fn iso_millis(millis: i64) -> String {
    Utc.timestamp_millis_opt(millis)
        .single()
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// `<Type>StateEntered` for a state of `kind` (static: one is emitted for every state).
pub(super) fn entered_type(kind: &Kind) -> EventType {
    match kind {
        Kind::Pass { .. } => EventType::PassStateEntered,
        Kind::Task(_) => EventType::TaskStateEntered,
        Kind::Choice(_) => EventType::ChoiceStateEntered,
        Kind::Wait(_) => EventType::WaitStateEntered,
        Kind::Succeed => EventType::SucceedStateEntered,
        Kind::Fail(_) => EventType::FailStateEntered,
        Kind::Parallel { .. } => EventType::ParallelStateEntered,
        Kind::Map(_) => EventType::MapStateEntered,
    }
}

/// `<Type>StateExited` for a state of `kind` (a Fail state never exits: AWS has no type
/// for it).
pub(super) fn exited_type(kind: &Kind) -> Option<EventType> {
    Some(match kind {
        Kind::Pass { .. } => EventType::PassStateExited,
        Kind::Task(_) => EventType::TaskStateExited,
        Kind::Choice(_) => EventType::ChoiceStateExited,
        Kind::Wait(_) => EventType::WaitStateExited,
        Kind::Succeed => EventType::SucceedStateExited,
        Kind::Fail(_) => return None,
        Kind::Parallel { .. } => EventType::ParallelStateExited,
        Kind::Map(_) => EventType::MapStateExited,
    })
}

/// `<Type>StateAborted` for a state of `kind` (the types AWS has: a state that cannot be
/// in progress when its branch is stopped has none).
pub(super) fn aborted_type(kind: &Kind) -> Option<EventType> {
    match kind {
        Kind::Task(_) => Some(EventType::TaskStateAborted),
        Kind::Wait(_) => Some(EventType::WaitStateAborted),
        Kind::Parallel { .. } => Some(EventType::ParallelStateAborted),
        Kind::Map(_) => Some(EventType::MapStateAborted),
        Kind::Pass { .. } | Kind::Choice(_) | Kind::Succeed | Kind::Fail(_) => None,
    }
}

pub(super) fn failure_details(err: &StatesError) -> Details {
    Details::Failure {
        error: err.error.clone(),
        cause: err.cause.clone(),
    }
}

pub(super) fn json_len(value: &Value) -> usize {
    crate::history::text::text_len(value)
}

impl Execution {
    /// Now on the execution's clock, milliseconds since the epoch.
    pub(super) fn now_millis(&self) -> i64 {
        self.clock.now_millis()
    }

    pub(super) fn emit(
        &mut self,
        sink: &mut dyn EventSink,
        silent: bool,
        event_type: EventType,
        previous: i64,
        details: Option<Details>,
    ) -> i64 {
        self.emit_keeping(sink, silent, event_type, previous, details)
            .0
    }

    /// [`Execution::emit`], handing `details` back once the sink has seen them: their
    /// payload text can go on to be the next state's.
    pub(super) fn emit_keeping(
        &mut self,
        sink: &mut dyn EventSink,
        silent: bool,
        event_type: EventType,
        previous: i64,
        details: Option<Details>,
    ) -> (i64, Option<Details>) {
        if silent {
            return (previous, details);
        }
        let id = self.next_event_id;
        self.next_event_id += 1;
        self.last_event_id = id;
        let event = HistoryEvent {
            id,
            previous_event_id: previous,
            timestamp: self.clock.now(),
            event_type,
            details,
        };
        sink.emit(&event);
        (id, event.details)
    }

    pub(super) fn finish(&mut self, sink: &mut dyn EventSink, status: Status, previous: i64) {
        self.finish_text(sink, status, previous, None);
    }

    /// [`Execution::finish`] with the output's raw text, when it has one.
    pub(super) fn finish_text(
        &mut self,
        sink: &mut dyn EventSink,
        status: Status,
        previous: i64,
        raw: Option<String>,
    ) {
        let (event_type, details) = match &status {
            Status::Succeeded { output } => (
                EventType::ExecutionSucceeded,
                Details::Output {
                    output: raw.unwrap_or_else(|| to_text(output)),
                },
            ),
            Status::Failed { error, cause } => (
                EventType::ExecutionFailed,
                Details::Failure {
                    error: error.clone(),
                    cause: cause.clone(),
                },
            ),
            Status::TimedOut { error, cause } => (
                EventType::ExecutionTimedOut,
                Details::Failure {
                    error: error.clone(),
                    cause: cause.clone(),
                },
            ),
            Status::Aborted { error, cause } => (
                EventType::ExecutionAborted,
                Details::Failure {
                    error: error.clone(),
                    cause: cause.clone(),
                },
            ),
            Status::Running => return,
        };
        self.emit(sink, false, event_type, previous, Some(details));
        self.keep_resume_point(&status);
        self.frames.clear();
        self.status = status;
    }
}
