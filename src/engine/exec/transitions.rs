//! Leaving a state: Next/End transitions and ending a thread.
use super::*;
use crate::history::text::{write_string, write_text};

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
        mut thread: Thread,
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
        let text = match raw {
            None => appended_text(&mut thread, state, &output),
            Some(_) => None,
        };
        self.exit_to_text(thread, state, output, text, raw, assigned, next, env);
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
        thread.entered_text = None;
        let output_text = output_text
            .or_else(|| raw.clone())
            .unwrap_or_else(|| to_text(&output));
        thread.raw_text = raw;
        // The next state's Entered event shows the same text: the Exited event hands it
        // back once recorded.
        let cached = match events::exited_type(&state.kind) {
            Some(event_type) => {
                let details = Details::StateExited {
                    name: state.name.clone(),
                    output: output_text,
                    assigned: assigned
                        .iter()
                        .map(|(k, v)| (k.clone(), to_text(v)))
                        .collect(),
                };
                let (id, details) = self.emit_keeping(
                    env.sink,
                    thread.silent,
                    event_type,
                    thread.last_event,
                    Some(details),
                );
                thread.last_event = id;
                details.and_then(|mut d| d.take_payload())
            }
            None => Some(output_text),
        };
        let cached = cached.filter(|_| next.is_some());
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

/// The member a state's output adds to its input object when its data flow ends in a
/// ResultPath `$.name` (JSONPath, no OutputPath): `name`.
pub(super) fn appended_member(state: &State) -> Option<&str> {
    let produces_result = matches!(
        state.kind,
        Kind::Pass { .. } | Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
    );
    if !produces_result
        || state.query_language != QueryLanguage::JsonPath
        || !dataflow::is_identity(&state.output_path)
    {
        return None;
    }
    let PathField::Path(path) = &state.result_path else {
        return None;
    };
    let name = path.text().strip_prefix("$.")?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .then_some(name)
}

/// The text of a state's `output` when it is its input object with one member appended
/// (ResultPath `$.name` wrote a member the input did not have): the input's text, kept
/// from its Entered event, with that member written after the others, as serializing the
/// whole output would give. Serializing a large payload again for every state that adds
/// a field to it was most of the cost of passing it on. `None`: serialize the output.
pub(super) fn appended_text(thread: &mut Thread, state: &State, output: &Value) -> Option<String> {
    let (text, members) = thread.entered_text.take()?;
    let name = appended_member(state)?;
    let Value::Object(out) = output else {
        return None;
    };
    // Writing a member the input had keeps the count: one more is the new one, last.
    let (last, value) = out.iter().next_back()?;
    if out.len() != members + 1 || last != name {
        return None;
    }
    let mut bytes = text.into_bytes();
    if bytes.pop() != Some(b'}') {
        return None;
    }
    if members > 0 {
        bytes.push(b',');
    }
    write_string(&mut bytes, last);
    bytes.push(b':');
    write_text(&mut bytes, value);
    bytes.push(b'}');
    String::from_utf8(bytes).ok()
}
