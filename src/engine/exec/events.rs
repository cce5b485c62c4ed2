//! History event construction: timestamps, event payload helpers, `emit` and `finish`.
use super::*;

pub(super) fn now_millis() -> i64 {
    Utc::now().timestamp_millis()
}

/// When a sleep until `until` ends with `SFN_WAIT_TIME_SCALE` applied to what is left.
pub(super) fn scaled_until(until: i64, scale: f64) -> i64 {
    let now = now_millis();
    now + ((until - now).max(0) as f64 * scale.max(0.0)) as i64
}

pub(super) fn iso_millis(millis: i64) -> String {
    Utc.timestamp_millis_opt(millis)
        .single()
        .unwrap_or_else(Utc::now)
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// `<Type>StateEntered` for a state of `kind` (static: one is emitted for every state).
pub(super) fn entered_type(kind: &Kind) -> &'static str {
    match kind {
        Kind::Pass { .. } => "PassStateEntered",
        Kind::Task(_) => "TaskStateEntered",
        Kind::Choice(_) => "ChoiceStateEntered",
        Kind::Wait(_) => "WaitStateEntered",
        Kind::Succeed => "SucceedStateEntered",
        Kind::Fail(_) => "FailStateEntered",
        Kind::Parallel { .. } => "ParallelStateEntered",
        Kind::Map(_) => "MapStateEntered",
    }
}

/// `<Type>StateExited` for a state of `kind`.
pub(super) fn exited_type(kind: &Kind) -> &'static str {
    match kind {
        Kind::Pass { .. } => "PassStateExited",
        Kind::Task(_) => "TaskStateExited",
        Kind::Choice(_) => "ChoiceStateExited",
        Kind::Wait(_) => "WaitStateExited",
        Kind::Succeed => "SucceedStateExited",
        Kind::Fail(_) => "FailStateExited",
        Kind::Parallel { .. } => "ParallelStateExited",
        Kind::Map(_) => "MapStateExited",
    }
}

pub(super) fn failure_details(err: &StatesError) -> Value {
    let mut d = Map::new();
    if let Some(e) = &err.error {
        d.insert("error".into(), Value::String(e.clone()));
    }
    if let Some(c) = &err.cause {
        d.insert("cause".into(), Value::String(c.clone()));
    }
    Value::Object(d)
}

pub(super) fn json_len(value: &Value) -> usize {
    data::text_len(value)
}

impl Execution {
    pub(super) fn emit(
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
                "ExecutionSucceeded",
                json!({
                    "output": raw.unwrap_or_else(|| to_text(output)),
                    "outputDetails": {"truncated": false},
                }),
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
}
