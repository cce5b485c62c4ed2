//! The run loop: advancing threads and fans until the execution ends or parks.
use super::*;

impl Execution {
    /// Runs until the execution ends or parks.
    pub fn run(&mut self, env: &mut Env) -> Progress {
        let deadline = env
            .machine
            .timeout_seconds
            .map(|s| self.clock_start_millis() + (s as i64) * 1000);
        loop {
            if self.status != Status::Running {
                return Progress::Finished;
            }
            if let Some(deadline) = deadline {
                if now_millis() >= deadline {
                    let last = self.last_event_id;
                    self.finish(
                        env.sink,
                        Status::TimedOut {
                            error: Some(names::TIMEOUT.into()),
                            cause: None,
                        },
                        last,
                    );
                    return Progress::Finished;
                }
            }
            if self.next_event_id >= MAX_EVENTS {
                let last = self.last_event_id;
                self.finish(
                    env.sink,
                    Status::Failed {
                        error: Some(names::RUNTIME.into()),
                        cause: Some(format!(
                            "The execution reached the maximum number of history events ({MAX_EVENTS})."
                        )),
                    },
                    last,
                );
                return Progress::Finished;
            }
            let Some(frame) = self.frames.pop() else {
                return Progress::Finished;
            };
            let waits = match &frame {
                Frame::Thread(thread) => matches!(thread.phase, Phase::Parked { .. }),
                Frame::Fan(fan) => self.fan_blocked(fan),
            };
            if waits {
                self.frames.push(frame);
                if self.set_aside() {
                    continue;
                }
                match first_parked(&self.frames) {
                    Some(task) => return Progress::Parked(task),
                    None => {
                        // Unreachable by construction (a waiting frame holds a task);
                        // fail clearly rather than spin.
                        let last = self.last_event_id;
                        self.finish(
                            env.sink,
                            Status::Failed {
                                error: Some(names::RUNTIME.into()),
                                cause: Some(
                                    "internal error: the execution waits for no task".into(),
                                ),
                            },
                            last,
                        );
                        return Progress::Finished;
                    }
                }
            }
            match frame {
                Frame::Thread(thread) => self.step_thread(*thread, env, deadline),
                Frame::Fan(fan) => self.step_fan(*fan, env),
            }
        }
    }

    /// When the frame on top cannot run until an outcome arrives (a parked task, or a
    /// Parallel/Map whose remaining children all wait), moves it with the frames above
    /// the nearest Parallel/Map below it into that fan's waiting set, so that the fan's
    /// other children run. False when no fan is below: the whole execution waits.
    pub(super) fn set_aside(&mut self) -> bool {
        let below = self.frames.len().saturating_sub(1);
        let Some(at) = self.frames[..below]
            .iter()
            .rposition(|f| matches!(f, Frame::Fan(_)))
        else {
            return false;
        };
        let waiting = self.frames.split_off(at + 1);
        if let Some(Frame::Fan(fan)) = self.frames.get_mut(at) {
            fan.waiting.push(waiting);
        }
        true
    }

    pub(super) fn fan_blocked(&self, fan: &Fan) -> bool {
        let sequential = matches!(
            fan.kind,
            FanKind::Map {
                sequential: true,
                ..
            }
        );
        !fan.waiting.is_empty()
            && !fan.waiting.iter().any(|w| runnable(w))
            && (fan.next >= fan.total || sequential)
            && (fan.failure.is_none() || self.fan_tolerates(fan))
    }

    pub(super) fn sleep_until(&self, until: i64, deadline: Option<i64>, scale: f64) {
        let now = now_millis();
        let mut wait = ((until - now).max(0) as f64 * scale) as i64;
        if let Some(deadline) = deadline {
            wait = wait.min((deadline - now).max(0));
        }
        if wait > 0 {
            std::thread::sleep(Duration::from_millis(wait as u64));
        }
    }

    pub(super) fn step_thread(&mut self, mut thread: Thread, env: &mut Env, deadline: Option<i64>) {
        let machine = env.machine;
        let Some(state) = machine.state(thread.block, &thread.state) else {
            let err = StatesError::runtime(format!(
                "The state '{}' does not exist in the definition.",
                thread.state
            ));
            self.end_thread(thread, Err(err), env);
            return;
        };
        match std::mem::replace(&mut thread.phase, Phase::FanRunning) {
            Phase::Enter => {
                let type_name = state.kind.type_name();
                let previous = if thread.initial { 0 } else { thread.last_event };
                let input_text = if thread.initial {
                    self.info.input_text.clone()
                } else {
                    thread
                        .input_text
                        .take()
                        .unwrap_or_else(|| to_text(&thread.input))
                };
                thread.initial = false;
                let details = json!({
                    "name": state.name,
                    "input": input_text,
                    "inputDetails": {"truncated": false},
                });
                thread.entered_prev = previous;
                thread.task_failed = false;
                thread.entered_millis = now_millis();
                thread.attempts = vec![0; state.retry.len()];
                thread.retry_count = 0;
                let id = self.emit(
                    env.sink,
                    thread.silent,
                    &format!("{type_name}StateEntered"),
                    previous,
                    Some(details),
                );
                thread.entered_event = id;
                thread.last_event = id;
                self.run_state(thread, state, env);
            }
            Phase::Restart => {
                thread.task_failed = false;
                self.run_state(thread, state, env)
            }
            Phase::Sleep {
                until,
                output,
                assigned,
            } => {
                self.sleep_until(until, deadline, env.options.wait_time_scale);
                if let Some(deadline) = deadline {
                    if now_millis() >= deadline && until > deadline {
                        // The machine timeout fires during the wait; run() reports it.
                        thread.phase = Phase::Sleep {
                            until,
                            output,
                            assigned,
                        };
                        self.frames.push(Frame::Thread(Box::new(thread)));
                        return;
                    }
                }
                self.exit_state(thread, state, output, assigned, env);
            }
            Phase::RetryWait { until } => {
                self.sleep_until(until, deadline, env.options.wait_time_scale);
                thread.phase = Phase::Restart;
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            Phase::Parked {
                task,
                form,
                started,
            } => {
                thread.phase = Phase::Parked {
                    task,
                    form,
                    started,
                };
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            Phase::TaskDone { form, outcome } => {
                let outcome = match outcome {
                    Delivered::Succeeded(v) => TaskOutcome::Succeeded(v),
                    Delivered::Failed { error, cause } => {
                        TaskOutcome::Failed(StatesError { error, cause })
                    }
                    Delivered::TimedOut => TaskOutcome::TimedOut,
                };
                self.task_outcome(thread, state, form, outcome, env);
            }
            Phase::FanRunning => {
                // Nothing above us: the children vanished (should not happen); fail clearly.
                let err = StatesError::runtime("internal error: a Parallel/Map lost its children");
                self.end_thread(thread, Err(err), env);
            }
            Phase::FanDone { outcome } => self.fan_done(thread, state, outcome, env),
        }
    }
}
