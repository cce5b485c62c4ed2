//! Pass, Choice, Wait and Succeed states.
use super::*;

impl Execution {
    /// Pass, Choice, Wait, Succeed.
    pub(super) fn simple_state(
        &mut self,
        thread: Thread,
        state: &State,
        pass_result: Option<&Value>,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let ctx = self.context(&thread, state, None);
        let mut thread = thread;
        let outcome = (|thread: &mut Thread| -> Result<SimpleOutcome, StatesError> {
            let jsonata = state.query_language == QueryLanguage::Jsonata;
            // A Pass state with a Result and no InputPath/Parameters never reads its
            // effective input: skip copying it (large payloads make that copy dear).
            let unused = !jsonata
                && pass_result.is_some()
                && state.parameters.is_none()
                && matches!(state.input_path, PathField::Default | PathField::Null)
                && matches!(state.kind, Kind::Pass { .. });
            let effective = if unused {
                Value::Null
            } else if jsonata {
                thread.input.clone()
            } else {
                let selected = self.input_path(thread, state, &ctx)?;
                match (&state.kind, &state.parameters) {
                    (Kind::Pass { .. }, Some(template)) => {
                        let vars = Scoped {
                            inner: &thread.vars,
                            parent: &StackVars {
                                frames: &self.frames,
                            },
                        };
                        data::evaluate_template(
                            template,
                            &Scope {
                                input: &selected,
                                context: &ctx,
                                vars: &vars,
                            },
                        )?
                    }
                    _ => selected,
                }
            };
            match &state.kind {
                Kind::Choice(choice) => {
                    let (next, rule) = self.choose(thread, state, choice, &effective, &ctx)?;
                    let rule_output = rule.and_then(|r| r.output.as_ref());
                    let (output, assigned) = self.state_output(
                        thread,
                        state,
                        &ctx,
                        effective,
                        rule_output,
                        rule.and_then(|r| r.assign.as_ref()),
                    )?;
                    if rule_output.is_some() {
                        // The rule's Output replaces the input: no text of it passes on.
                        thread.raw_text = None;
                    }
                    Ok((output, assigned, Some(next), None))
                }
                Kind::Wait(_) => {
                    let until = self.wait_until(thread, state, &effective, &ctx)?;
                    let (output, assigned) =
                        self.state_output(thread, state, &ctx, effective, None, None)?;
                    Ok((output, assigned, None, Some(until)))
                }
                _ => {
                    let result = match pass_result {
                        Some(r) if !jsonata => r.clone(),
                        _ => effective,
                    };
                    // A Pass state has no Catch: its raw input is not needed afterwards.
                    let raw = (!jsonata && matches!(state.kind, Kind::Pass { .. }))
                        .then(|| std::mem::take(&mut thread.input));
                    let (output, assigned) =
                        self.state_output_with_raw(thread, state, &ctx, result, None, None, raw)?;
                    Ok((output, assigned, None, None))
                }
            }
        })(&mut thread);
        let (output, assigned, choice_next, wait_until) = match outcome {
            Ok(v) => v,
            Err(e) => return Err((Box::new(thread), e)),
        };
        // A Pass state's output text is measured here and reused by its Exited event.
        let raw = self.output_raw(&thread, state, None, false);
        let output_text = matches!(state.kind, Kind::Pass { .. })
            .then(|| raw.clone().unwrap_or_else(|| to_text(&output)));
        if output_text
            .as_ref()
            .is_some_and(|t| t.len() > MAX_PAYLOAD_BYTES)
        {
            let err = StatesError::new(
                names::DATA_LIMIT_EXCEEDED,
                format!(
                    "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                    state.name
                ),
            );
            self.fail_state(thread, state, err, env);
            return Ok(());
        }
        let mut thread = thread;
        if let Some(until) = wait_until {
            thread.phase = Phase::Sleep {
                until: scaled_until(until, env.options.wait_time_scale),
                output,
                assigned,
            };
            self.frames.push(Frame::Thread(Box::new(thread)));
            return Ok(());
        }
        let next = match (choice_next, &state.transition) {
            (Some(next), _) => Some(next),
            (None, Transition::Next(n)) => Some(n.clone()),
            (None, _) => None,
        };
        self.exit_to_text(thread, state, output, output_text, raw, assigned, next, env);
        Ok(())
    }

    pub(super) fn choose<'s>(
        &self,
        thread: &Thread,
        state: &State,
        choice: &'s crate::asl::definition::Choice,
        effective: &Value,
        ctx: &Value,
    ) -> Result<(String, Option<&'s crate::asl::definition::ChoiceRule>), StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let states = if state.query_language == QueryLanguage::Jsonata {
            data::states_binding(&thread.input, ctx, None, None)
        } else {
            Value::Null
        };
        for rule in &choice.choices {
            let matched = if let Some(parsed) = &rule.rule {
                parsed.evaluate(&Scope {
                    input: effective,
                    context: ctx,
                    vars: &vars,
                })?
            } else if let Some(condition) = &rule.condition {
                match data::evaluate_jsonata(condition, "Condition", &states, &vars)? {
                    Value::Bool(b) => b,
                    other => {
                        return Err(StatesError::query_evaluation(format!(
                            "The Condition field evaluated to a non-boolean value: {}",
                            to_text(&other)
                        )))
                    }
                }
            } else {
                false
            };
            if matched {
                return Ok((rule.next.clone(), Some(rule)));
            }
        }
        match &choice.default {
            Some(default) => Ok((default.clone(), None)),
            None => Err(StatesError::new(
                names::NO_CHOICE_MATCHED,
                format!(
                    "No Matches! (Choice State '{}' with input '{}')",
                    state.name,
                    to_text(effective)
                ),
            )),
        }
    }

    /// When a Wait state ends (ms since the epoch).
    pub(super) fn wait_until(
        &self,
        thread: &Thread,
        state: &State,
        effective: &Value,
        ctx: &Value,
    ) -> Result<i64, StatesError> {
        let Kind::Wait(wait) = &state.kind else {
            return Ok(now_millis());
        };
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let scope = Scope {
            input: effective,
            context: ctx,
            vars: &vars,
        };
        let now = now_millis();
        let too_long = || StatesError::runtime("Wait state delay is too long.");
        let from_seconds = |seconds: i64| -> Result<i64, StatesError> {
            if seconds > i64::from(i32::MAX) {
                return Err(too_long());
            }
            Ok(now + seconds * 1000)
        };
        let from_timestamp =
            |t: chrono::DateTime<chrono::FixedOffset>| -> Result<i64, StatesError> {
                let millis = t.timestamp_millis();
                if (millis - now) / 1000 > i64::from(i32::MAX) {
                    return Err(too_long());
                }
                Ok(millis)
            };
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let states = if jsonata {
            data::states_binding(&thread.input, ctx, None, None)
        } else {
            Value::Null
        };
        if let Some(seconds) = &wait.seconds {
            let value = if jsonata {
                data::evaluate_jsonata(seconds, "Seconds", &states, &vars)?
            } else {
                seconds.clone()
            };
            return match value.as_i64() {
                Some(s) if s >= 0 => from_seconds(s),
                _ => Err(StatesError::query_evaluation(format!(
                    "The Seconds field must be a non-negative integer, but was: {}",
                    to_text(&value)
                ))),
            };
        }
        if let Some(p) = &wait.seconds_path {
            let value = data::read(p, &scope).map_err(|_| {
                StatesError::runtime(format!(
                    "The SecondsPath parameter does not reference an input value: {p}"
                ))
            })?;
            return match (&value, value.as_i64()) {
                (_, Some(s)) if s < 0 => Err(StatesError::runtime(format!(
                    "The SecondsPath parameter references a negative value: {p} == {}",
                    to_text(&value)
                ))),
                (_, Some(s)) => from_seconds(s),
                (Value::Number(n), None) if n.as_u64().is_some() => Err(too_long()),
                _ => Err(StatesError::runtime(format!(
                    "The SecondsPath parameter cannot be parsed as a long value: {p} == {}",
                    to_text(&value)
                ))),
            };
        }
        if let Some(ts) = &wait.timestamp {
            let value = if jsonata {
                data::evaluate_jsonata(ts, "Timestamp", &states, &vars)?
            } else {
                ts.clone()
            };
            let parsed = value.as_str().and_then(timestamp::parse);
            return match parsed {
                Some(t) => from_timestamp(t),
                None => {
                    let shown = match &value {
                        Value::String(s) => s.clone(),
                        other => to_text(other),
                    };
                    let message = format!(
                        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {shown}"
                    );
                    Err(if jsonata {
                        StatesError::query_evaluation(message)
                    } else {
                        StatesError::runtime(message)
                    })
                }
            };
        }
        if let Some(p) = &wait.timestamp_path {
            let value = data::read(p, &scope).map_err(|e| data::invalid_path(p, &e))?;
            return match value.as_str().and_then(timestamp::parse) {
                Some(t) => from_timestamp(t),
                None => Err(StatesError::runtime(format!(
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {p} == {}",
                    match &value {
                        Value::String(s) => s.clone(),
                        other => to_text(other),
                    }
                ))),
            };
        }
        Ok(now)
    }
}
