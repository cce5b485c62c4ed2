//! Pass, Choice, Wait and Succeed states.
use std::borrow::Cow;

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
            // The effective input, borrowed where it is the raw input itself: copying
            // it only to read it (Parameters, Choice rules) was a good part of a small
            // state's cost.
            let effective: Cow<Value> = if unused {
                Cow::Owned(Value::Null)
            } else if jsonata || state.input_path == PathField::Default {
                Cow::Borrowed(&thread.input)
            } else {
                Cow::Owned(self.input_path(thread, state, &ctx)?)
            };
            let effective = match (&state.kind, &state.parameters) {
                (Kind::Pass { .. }, Some(template)) if !jsonata => {
                    let vars = self.vars(thread);
                    Cow::Owned(template.evaluate(&Scope::new(&effective, &ctx, &vars))?)
                }
                _ => effective,
            };
            match &state.kind {
                Kind::Choice(choice) => {
                    let (next, rule) = self.with_flow(thread, state, &ctx, |flow| {
                        step::choose(flow, choice, &effective)
                    })?;
                    // Without OutputPath and Assign the output is the effective input as
                    // it is: a raw input passes on without a copy (once the rule chose,
                    // nothing can fail and leave the thread without it).
                    let passes_on = !jsonata
                        && state.output_path == PathField::Default
                        && state.assign.is_none()
                        && rule.is_none_or(|r| r.assign.is_none() && r.output.is_none());
                    let (output, assigned) = match effective {
                        Cow::Borrowed(_) if passes_on => {
                            (std::mem::take(&mut thread.input), Map::new())
                        }
                        effective => self.state_output_with(
                            thread,
                            state,
                            &ctx,
                            effective.into_owned(),
                            rule,
                            None,
                        )?,
                    };
                    if rule.is_some_and(|r| r.output.is_some()) {
                        // The rule's Output replaces the input: no text of it passes on.
                        thread.raw_text = None;
                    }
                    Ok((output, assigned, Some(next), None))
                }
                Kind::Wait(_) => {
                    let until = self.wait_until(thread, state, &effective, &ctx)?;
                    let effective = effective.into_owned();
                    let (output, assigned) = self.state_output(thread, state, &ctx, effective)?;
                    Ok((output, assigned, None, Some(until)))
                }
                _ => {
                    let result = match pass_result {
                        Some(r) if !jsonata => r.clone(),
                        _ => effective.into_owned(),
                    };
                    // A Pass state has no Catch: its raw input is not needed afterwards.
                    let raw = (!jsonata && matches!(state.kind, Kind::Pass { .. }))
                        .then(|| std::mem::take(&mut thread.input));
                    let (output, assigned) =
                        self.state_output_with(thread, state, &ctx, result, None, raw)?;
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
        let output_text = match (&state.kind, &raw) {
            (Kind::Pass { .. }, Some(raw)) => Some(raw.clone()),
            (Kind::Pass { .. }, None) => Some(
                transitions::appended_text(&mut thread, state, &output)
                    .unwrap_or_else(|| to_text(&output)),
            ),
            _ => None,
        };
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
                until: scaled_until(until, self.now_millis(), env.options.wait_time_scale),
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

    /// When a Wait state ends (ms since the epoch).
    pub(super) fn wait_until(
        &self,
        thread: &Thread,
        state: &State,
        effective: &Value,
        ctx: &Value,
    ) -> Result<i64, StatesError> {
        let Kind::Wait(wait) = &state.kind else {
            return Ok(self.now_millis());
        };
        self.with_flow(thread, state, ctx, |flow| {
            step::wait_until(flow, wait, effective, self.now_millis())
        })
    }
}
