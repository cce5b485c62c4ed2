//! Errors: `ErrorEquals` matching, Retry and Catch, failing a state and its location.
use super::*;

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

/// The `location` of an `EvaluationFailed` event, read from the cause text: the field an
/// expression was written in, or the Wait field whose value could not be used.
pub(super) fn field_location(cause: &str, state: &State) -> Option<String> {
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

impl Execution {
    /// Adds AWS's prefix to a failure raised while evaluating the state's own fields.
    pub(super) fn prefixed(&self, thread: &Thread, state: &State, err: StatesError) -> StatesError {
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
    pub(super) fn eval_failed(
        &mut self,
        mut thread: Thread,
        state: &State,
        err: StatesError,
        env: &mut Env,
    ) {
        let err = self.prefixed(&thread, state, err);
        if err.error.as_deref() == Some(names::QUERY_EVALUATION_ERROR) {
            let mut details = failure_details(&err).into_value();
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
                EventType::EvaluationFailed,
                previous,
                Some(details.into()),
            );
            if matches!(state.kind, Kind::Map(_)) {
                thread.last_event = self.emit(
                    env.sink,
                    thread.silent,
                    EventType::MapStateFailed,
                    thread.last_event,
                    None,
                );
            }
        }
        self.fail_state(thread, state, err, env);
    }

    /// Fail: `FailStateEntered`, then the failure propagates.
    pub(super) fn fail_state_type(
        &mut self,
        thread: Thread,
        state: &State,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let Kind::Fail(fail) = &state.kind else {
            return Ok(());
        };
        let ctx = self.context(&thread, state, None);
        let resolved = self.with_flow(&thread, state, &ctx, |flow| step::fail_error(flow, fail));
        match resolved {
            Ok(err) => {
                self.end_thread(thread, Err(err), env);
                Ok(())
            }
            Err(e) => Err((Box::new(thread), e)),
        }
    }

    /// A state failed (after its failure event, if any): Retry, Catch, or the thread fails.
    pub(super) fn fail_state(
        &mut self,
        mut thread: Thread,
        state: &State,
        err: StatesError,
        env: &mut Env,
    ) {
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
                    let until = self.now_millis()
                        + (delay * 1000.0 * env.options.wait_time_scale.max(0.0)) as i64;
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

    pub(super) fn catch(
        &mut self,
        thread: Thread,
        state: &State,
        catcher: &Catcher,
        err: StatesError,
        env: &mut Env,
    ) {
        let ctx = self.context(&thread, state, None);
        let outcome = self.with_flow(&thread, state, &ctx, |flow| flow.caught(catcher, &err));
        // `"ResultPath": null` passes the state's input on, text and all.
        let raw = match (&state.query_language, &catcher.result_path) {
            (QueryLanguage::JsonPath, PathField::Null) => thread.raw_text.clone(),
            _ => None,
        };
        match outcome {
            Ok((output, assigned)) => self.exit_to(
                thread,
                state,
                output,
                raw,
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
}
