//! Leaving a state: Next/End transitions and ending a thread.
use super::*;

impl Execution {
    /// Emits `<T>StateExited` and moves on (Next, End, or the Succeed end).
    pub(super) fn exit_state(
        &mut self,
        thread: Thread,
        state: &State,
        output: Value,
        assigned: Map<String, Value>,
        env: &mut Env,
    ) {
        self.exit_state_raw(thread, state, output, assigned, None, env);
    }

    /// [`Execution::exit_state`] for a state whose result has a raw text (a Parallel's).
    pub(super) fn exit_state_raw(
        &mut self,
        thread: Thread,
        state: &State,
        output: Value,
        assigned: Map<String, Value>,
        result_raw: Option<String>,
        env: &mut Env,
    ) {
        let next = match &state.transition {
            Transition::Next(n) => Some(n.clone()),
            _ => None,
        };
        let raw = self.output_raw(&thread, state, result_raw, false);
        self.exit_to_text(thread, state, output, None, raw, assigned, next, env);
    }

    /// Leaves for `next` (a Catcher's) with `output`, whose raw text is `raw`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn exit_to(
        &mut self,
        thread: Thread,
        state: &State,
        output: Value,
        raw: Option<String>,
        assigned: Map<String, Value>,
        next: Option<String>,
        env: &mut Env,
    ) {
        self.exit_to_text(thread, state, output, None, raw, assigned, next, env);
    }

    /// [`Execution::exit_to`] with the output's JSON text when the caller has it already
    /// (`output_text`), and its raw text when it has one (`raw`, which the next state and
    /// the thread's end keep).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn exit_to_text(
        &mut self,
        mut thread: Thread,
        state: &State,
        output: Value,
        output_text: Option<String>,
        raw: Option<String>,
        assigned: Map<String, Value>,
        next: Option<String>,
        env: &mut Env,
    ) {
        let mut details = Map::new();
        details.insert("name".into(), Value::String(state.name.clone()));
        let output_text = output_text
            .or_else(|| raw.clone())
            .unwrap_or_else(|| to_text(&output));
        thread.raw_text = raw;
        // The next state's Entered event shows the same text.
        let cached = next.as_ref().map(|_| output_text.clone());
        details.insert("output".into(), Value::String(output_text));
        details.insert("outputDetails".into(), json!({"truncated": false}));
        if !assigned.is_empty() {
            let texts: Map<String, Value> = assigned
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(to_text(v))))
                .collect();
            details.insert("assignedVariables".into(), Value::Object(texts));
            details.insert(
                "assignedVariablesDetails".into(),
                json!({"truncated": false}),
            );
        }
        if let Some(event_type) = events::exited_type(&state.kind) {
            thread.last_event = self.emit(
                env.sink,
                thread.silent,
                event_type,
                thread.last_event,
                Some(Value::Object(details)),
            );
        }
        for (k, v) in assigned {
            thread.vars.insert(k, v);
        }
        match next {
            Some(next) => {
                thread.state = next;
                thread.input = output;
                thread.input_text = cached;
                thread.phase = Phase::Enter;
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            None => self.end_thread(thread, Ok(output), env),
        }
    }

    /// A thread ran out of states (`Ok(output)`) or failed: hand the outcome to the
    /// parent fan-out, or end the execution.
    pub(super) fn end_thread(
        &mut self,
        thread: Thread,
        outcome: Result<Value, StatesError>,
        env: &mut Env,
    ) {
        if outcome.is_err() {
            self.note_failure(&thread);
        }
        match self.frames.last_mut() {
            Some(Frame::Fan(_)) => {
                let Some(Frame::Fan(mut fan)) = self.frames.pop() else {
                    return;
                };
                self.child_done(&mut fan, thread, outcome, env);
                self.frames.push(Frame::Fan(fan));
            }
            _ => {
                let status = match outcome {
                    Ok(output) => {
                        let len = match &thread.raw_text {
                            Some(raw) => raw.len(),
                            None => json_len(&output),
                        };
                        if len > MAX_PAYLOAD_BYTES {
                            Status::Failed {
                                error: Some(names::DATA_LIMIT_EXCEEDED.into()),
                                cause: Some(
                                    "The execution output exceeds the maximum number of bytes service limit."
                                        .into(),
                                ),
                            }
                        } else {
                            Status::Succeeded { output }
                        }
                    }
                    Err(e) => Status::Failed {
                        error: e.error,
                        cause: e.cause,
                    },
                };
                self.finish_text(env.sink, status, thread.last_event, thread.raw_text);
            }
        }
    }
}
