//! Parallel and Map fan-out: starting fans, stepping children, collecting outcomes.
use super::*;

impl Execution {
    pub(super) fn start_fan(
        &mut self,
        mut thread: Thread,
        state: &State,
        env: &mut Env,
    ) -> Result<(), (Box<Thread>, StatesError)> {
        let ctx = self.context(&thread, state, None);
        match &state.kind {
            Kind::Parallel { branches } => {
                let effective = match self.effective_input(&thread, state, &ctx) {
                    Ok(v) => v,
                    Err(e) => return Err((Box::new(thread), e)),
                };
                let started = self.emit(
                    env.sink,
                    thread.silent,
                    EventType::ParallelStateStarted,
                    thread.last_event,
                    None,
                );
                // Branches given the state's input unchanged get its text too.
                let unchanged = match state.query_language {
                    QueryLanguage::JsonPath => {
                        dataflow::is_identity(&state.input_path) && state.parameters.is_none()
                    }
                    QueryLanguage::Jsonata => state.arguments.is_none(),
                };
                let fan = Fan {
                    kind: FanKind::Parallel {
                        branches: branches.clone(),
                    },
                    owner_state: state.name.clone(),
                    owner_entered: thread.entered_event,
                    input: effective,
                    input_text: thread.raw_text.clone().filter(|_| unchanged),
                    texts: Vec::new(),
                    items: Vec::new(),
                    items_at: ItemsAt::Listed,
                    consume: false,
                    total: branches.len(),
                    next: 0,
                    results: Vec::with_capacity(branches.len()),
                    started_event: started,
                    last_event: started,
                    last_child_event: started,
                    failure: None,
                    silent: thread.silent,
                    failed_children: 0,
                    tolerated_count: None,
                    tolerated_percentage: None,
                    waiting: Vec::new(),
                    limit: None,
                };
                thread.phase = Phase::FanRunning;
                self.frames.push(Frame::Thread(Box::new(thread)));
                self.frames.push(Frame::Fan(Box::new(fan)));
                Ok(())
            }
            Kind::Map(map) => {
                // With a map runner (the API layer), a distributed Map's children are real
                // executions; without one they run inline, silently, as before.
                let tasks = env.tasks;
                if let (MapMode::Distributed, Some(runner)) = (map.mode, tasks.map_runs()) {
                    return self.run_distributed(thread, state, map, runner, env);
                }
                let prepared = self.map_items(&thread, state, map, &ctx, false);
                let MapInput {
                    effective,
                    items,
                    at: items_at,
                    len: total,
                    concurrency,
                } = match prepared {
                    Ok(v) => v,
                    Err(e) => return Err((Box::new(thread), e)),
                };
                let started = self.emit(
                    env.sink,
                    thread.silent,
                    EventType::MapStateStarted,
                    thread.last_event,
                    Some(json!({"length": total}).into()),
                );
                let distributed = map.mode == MapMode::Distributed;
                let tolerance = if distributed {
                    match self.map_tolerance(&thread, state, map, &effective, &ctx) {
                        Ok(t) => t,
                        Err(e) => {
                            thread.last_event = started;
                            return Err((Box::new(thread), e));
                        }
                    }
                } else {
                    Tolerance::default()
                };
                let mut last = started;
                if distributed {
                    let arn = self.map_run_arn(map);
                    last = self.emit(
                        env.sink,
                        thread.silent,
                        EventType::MapRunStarted,
                        started,
                        Some(json!({"mapRunArn": arn}).into()),
                    );
                }
                let fan = Fan {
                    kind: FanKind::Map {
                        processor: map.processor,
                        sequential: concurrency == 1,
                    },
                    owner_state: state.name.clone(),
                    owner_entered: thread.entered_event,
                    // Only ItemSelector and items read in place read the effective input
                    // again (map_items kept it for them).
                    input: if map.item_selector.is_some() || items_at == ItemsAt::Effective {
                        effective
                    } else {
                        Value::Null
                    },
                    input_text: None,
                    texts: Vec::new(),
                    items,
                    items_at,
                    consume: map_items::consumable(state, map, items_at),
                    total,
                    next: 0,
                    results: Vec::with_capacity(total),
                    started_event: last,
                    last_event: last,
                    last_child_event: last,
                    failure: None,
                    silent: thread.silent || distributed,
                    failed_children: 0,
                    tolerated_count: tolerance.count,
                    tolerated_percentage: tolerance.percentage,
                    waiting: Vec::new(),
                    limit: usize::try_from(concurrency).ok().filter(|&c| c > 0),
                };
                thread.phase = Phase::FanRunning;
                self.frames.push(Frame::Thread(Box::new(thread)));
                self.frames.push(Frame::Fan(Box::new(fan)));
                Ok(())
            }
            _ => Ok(()),
        }
    }

    pub(super) fn step_fan(&mut self, mut fan: Fan, env: &mut Env) {
        let tolerated = fan.failure.is_some() && self.fan_tolerates(&fan);
        if tolerated {
            fan.failure = None;
        }
        if fan.failure.is_none() {
            // A child whose outcome arrived continues where it waited.
            if let Some(at) = fan.waiting.iter().position(|w| runnable(w, &self.clock)) {
                let child = fan.waiting.remove(at);
                self.frames.push(Frame::Fan(Box::new(fan)));
                self.frames.extend(child);
                return;
            }
        }
        if fan.failure.is_some() || fan.next >= fan.total {
            // A failed fan aborts the children still running (their late outcomes find no
            // task); the abort events point at the failure.
            if let Some(failure) = &fan.failure {
                let at = failure.event;
                for child in std::mem::take(&mut fan.waiting) {
                    self.abort_child(&fan, child, at, env);
                }
            }
            let outcome = match fan.failure.take() {
                Some(f) => FanOutcome::Failed {
                    error: f.error,
                    cause: f.cause,
                    failure_event: f.event,
                },
                None => FanOutcome::Succeeded {
                    text: results_text(&fan.results, &fan.texts),
                    results: std::mem::take(&mut fan.results),
                    last_event: fan.last_event,
                },
            };
            if let Some(Frame::Thread(owner)) = self.frames.last_mut() {
                owner.phase = Phase::FanDone { outcome };
            }
            return;
        }
        if !fan.can_start() {
            // Unreachable: the run loop steps a fan only when it is not blocked.
            let err = StatesError::runtime("internal error: a Parallel/Map has nothing to run");
            fan.failure = Some(Failure::new(err, fan.last_event));
            self.frames.push(Frame::Fan(Box::new(fan)));
            return;
        }
        let index = fan.next;
        fan.next += 1;
        let (block, input, first_prev) = match &fan.kind {
            FanKind::Parallel { branches } => {
                (branches[index], fan.input.clone(), fan.started_event)
            }
            FanKind::Map {
                processor,
                sequential,
            } => {
                let processor = *processor;
                let previous = if *sequential && index > 0 {
                    fan.last_child_event
                } else {
                    fan.started_event
                };
                let item_input = match self.iteration_input(&mut fan, index, env.machine) {
                    Ok(v) => v,
                    Err(e) => {
                        fan.failure = Some(Failure::new(e, fan.last_event));
                        self.frames.push(Frame::Fan(Box::new(fan)));
                        return;
                    }
                };
                let started = self.emit(
                    env.sink,
                    fan.silent,
                    EventType::MapIterationStarted,
                    previous,
                    Some(Details::Iteration {
                        index: index as u64,
                        name: fan.owner_state.clone(),
                    }),
                );
                (processor, item_input, started)
            }
        };
        let start_at = env.machine.block(block).start_at.clone();
        let silent = fan.silent;
        let raw_text = match fan.kind {
            FanKind::Parallel { .. } => fan.input_text.clone(),
            FanKind::Map { .. } => None,
        };
        self.frames.push(Frame::Fan(Box::new(fan)));
        let thread = Thread {
            silent,
            raw_text,
            ..Thread::starting(block, start_at, input, first_prev, index)
        };
        self.frames.push(Frame::Thread(Box::new(thread)));
    }

    /// Emits the abort events of a child still running when its fan failed: the state each
    /// of its threads is in (innermost first, nested fans' children included), then, for a
    /// Map iteration, `MapIterationAborted`.
    fn abort_child(&mut self, fan: &Fan, child: Vec<Frame>, at: i64, env: &mut Env) {
        let index = match child.first() {
            Some(Frame::Thread(thread)) => thread.index,
            _ => 0,
        };
        for frame in child.into_iter().rev() {
            match frame {
                Frame::Thread(thread) => {
                    if let Some(state) = env.machine.state(thread.block, &thread.state) {
                        if let Some(event_type) = events::aborted_type(&state.kind) {
                            self.emit(env.sink, thread.silent, event_type, at, None);
                        }
                    }
                }
                Frame::Fan(nested) => {
                    let mut nested = *nested;
                    for grandchild in std::mem::take(&mut nested.waiting) {
                        self.abort_child(&nested, grandchild, at, env);
                    }
                }
            }
        }
        if matches!(fan.kind, FanKind::Map { .. }) {
            let details = Details::Iteration {
                index: index as u64,
                name: fan.owner_state.clone(),
            };
            self.emit(
                env.sink,
                fan.silent,
                EventType::MapIterationAborted,
                at,
                Some(details),
            );
        }
    }

    pub(super) fn fan_tolerates(&self, fan: &Fan) -> bool {
        let tolerance = Tolerance {
            count: fan.tolerated_count,
            percentage: fan.tolerated_percentage,
        };
        tolerance.tolerates(fan.failed_children as u64, Some(fan.total as u64)) == Some(true)
    }

    pub(super) fn child_done(
        &mut self,
        fan: &mut Fan,
        child: Thread,
        outcome: Result<Value, StatesError>,
        env: &mut Env,
    ) {
        let is_map = matches!(fan.kind, FanKind::Map { .. });
        match outcome {
            Ok(output) => {
                if fan.results.len() <= child.index {
                    fan.results.resize(child.index + 1, Value::Null);
                }
                fan.results[child.index] = output;
                if let Some(text) = child.raw_text {
                    if fan.texts.len() <= child.index {
                        fan.texts.resize(child.index + 1, None);
                    }
                    fan.texts[child.index] = Some(text);
                }
                fan.last_child_event = child.last_event;
                fan.last_event = if is_map {
                    self.emit(
                        env.sink,
                        fan.silent,
                        EventType::MapIterationSucceeded,
                        child.last_event,
                        Some(Details::Iteration {
                            index: child.index as u64,
                            name: fan.owner_state.clone(),
                        }),
                    )
                } else {
                    child.last_event
                };
                if fan.silent && is_map {
                    fan.last_event = fan.started_event;
                }
            }
            Err(err) => {
                fan.failed_children += 1;
                if child.task_failed && !err.is_runtime() {
                    // AWS closes the failed Task of a failing branch/iteration.
                    self.emit(
                        env.sink,
                        fan.silent,
                        EventType::TaskStateAborted,
                        child.last_event,
                        None,
                    );
                }
                if is_map {
                    self.emit(
                        env.sink,
                        fan.silent,
                        EventType::MapIterationFailed,
                        child.last_event,
                        Some(Details::Iteration {
                            index: child.index as u64,
                            name: fan.owner_state.clone(),
                        }),
                    );
                }
                fan.last_child_event = child.last_event;
                if fan.results.len() <= child.index {
                    fan.results.resize(child.index + 1, Value::Null);
                }
                fan.results[child.index] = error_output(&err);
                fan.failure = Some(Failure::new(err, child.last_event));
            }
        }
    }

    pub(super) fn fan_done(
        &mut self,
        mut thread: Thread,
        state: &State,
        outcome: FanOutcome,
        env: &mut Env,
    ) {
        let is_map = matches!(state.kind, Kind::Map(_));
        let distributed = matches!(&state.kind, Kind::Map(m) if m.mode == MapMode::Distributed);
        let (succeeded, failed) = if is_map {
            (EventType::MapStateSucceeded, EventType::MapStateFailed)
        } else {
            (
                EventType::ParallelStateSucceeded,
                EventType::ParallelStateFailed,
            )
        };
        match outcome {
            FanOutcome::Succeeded { last_event, .. } | FanOutcome::Produced { last_event, .. } => {
                let (result, text) = match outcome {
                    FanOutcome::Succeeded { results, text, .. } => (Value::Array(results), text),
                    FanOutcome::Produced { result, .. } => (result, None),
                    FanOutcome::Failed { .. } => (Value::Null, None),
                };
                let mut closing = last_event;
                if distributed {
                    closing = self.emit(
                        env.sink,
                        thread.silent,
                        EventType::MapRunSucceeded,
                        last_event,
                        None,
                    );
                }
                self.emit(env.sink, thread.silent, succeeded, closing, None);
                // AWS (since late 2024) points the Exited event after a map run at
                // `MapRunStarted`, not at `MapRunSucceeded`; `last_event` is that event.
                thread.last_event = if distributed { last_event } else { closing };
                let ctx = self.context(&thread, state, None);
                match self.state_output(&thread, state, &ctx, result) {
                    Ok((output, assigned)) => {
                        self.exit_state_raw(thread, state, output, assigned, text, env)
                    }
                    Err(e) => self.eval_failed(thread, state, e, env),
                }
            }
            FanOutcome::Failed {
                error,
                cause,
                failure_event,
            } => {
                let mut err = StatesError { error, cause };
                let mut failure_event = failure_event;
                // A map runner's reader/writer/threshold errors are already the run's own.
                let run_error = matches!(
                    err.error.as_deref(),
                    Some(names::ITEM_READER_FAILED | names::RESULT_WRITER_FAILED)
                );
                if distributed {
                    if !err.is_runtime() && !run_error {
                        err = StatesError::new(
                            names::EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded",
                        );
                    }
                    failure_event = self.emit(
                        env.sink,
                        thread.silent,
                        EventType::MapRunFailed,
                        thread.last_event.max(failure_event),
                        Some(failure_details(&err)),
                    );
                }
                let retrying = !err.is_runtime()
                    && state
                        .retry
                        .iter()
                        .position(|r| matches(&r.error_equals, &err))
                        .is_some_and(|i| {
                            thread.attempts.get(i).copied().unwrap_or(0)
                                < state.retry[i].max_attempts
                        });
                if retrying {
                    thread.last_event = failure_event;
                    self.fail_state(thread, state, err, env);
                    return;
                }
                thread.last_event = self.emit(env.sink, thread.silent, failed, failure_event, None);
                self.fail_state(thread, state, err, env);
            }
        }
    }
}

/// A Parallel's (or Map's) result as AWS writes it: its children's outputs joined, each as
/// its raw text where it kept one. `None` when none did (then ours serializes the same).
fn results_text(results: &[Value], texts: &[Option<String>]) -> Option<String> {
    if texts.iter().all(Option::is_none) {
        return None;
    }
    let mut text = String::from("[");
    for (i, result) in results.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        match texts.get(i).and_then(Option::as_ref) {
            Some(raw) => text.push_str(raw),
            None => text.push_str(&to_text(result)),
        }
    }
    text.push(']');
    Some(text)
}
