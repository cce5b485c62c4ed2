//! The run loop: advancing threads and fans until the execution ends or parks.
use std::time::Instant;

use super::*;
use crate::engine::history::{Checkpoint, Message, POLL_INTERVAL};

/// How long an execution steps without waiting before its host may save it.
const BUSY_CHECKPOINT: Duration = Duration::from_secs(1);
/// Waits shorter than this (a Wait of 0 seconds, waits scaled down to nothing) do not make
/// the host save the execution first.
const MIN_CHECKPOINTED_WAIT: Duration = Duration::from_millis(20);

impl Execution {
    /// Runs until the execution ends or parks. Task invocations that may take a while run
    /// on task threads meanwhile ([`TaskRunner::may_block`]); the run never returns while
    /// one is out: those still out when it ends are cancelled, then awaited.
    pub fn run(&mut self, env: &mut Env) -> Progress {
        let busy = self.clock.busy();
        self.run_busy(env, busy)
    }

    /// [`Execution::run`], busy on the clock with `busy`: taken by whoever set the run up
    /// (on another thread), so that a virtual clock cannot skip before it starts.
    pub fn run_busy(&mut self, env: &mut Env, busy: crate::clock::Busy) -> Progress {
        let tasks = env.tasks;
        let threads = env.options.task_threads;
        let (arn, name) = (
            self.info.execution_arn.clone(),
            self.info.state_machine_name.clone(),
        );
        std::thread::scope(|scope| {
            let mut pool =
                pool::TaskPool::new(scope, tasks, &arn, &name, threads, &self.clock, busy);
            let progress = self.run_with(env, &mut pool);
            // Stopped, timed out or ended otherwise with invocations still out (a parked
            // run has none): their outcome no longer matters, and the scope would wait
            // for them.
            pool.cancel_all();
            progress
        })
    }

    fn run_with(&mut self, env: &mut Env, pool: &mut pool::TaskPool) -> Progress {
        let deadline = env
            .machine
            .timeout_seconds
            .map(|s| self.clock_start_millis() + (s as i64) * 1000);
        // Invocations that were out on task threads when this execution was last saved
        // (by a process that then died) run again: at least once, as on AWS.
        self.redispatch_in_flight(env.machine);
        let mut steps: u32 = 0;
        // How long the process has been computing is real time, whatever the execution's
        // clock says: a manual clock does not move while steps run.
        let mut busy_since = Instant::now();
        loop {
            if self.status != Status::Running {
                return Progress::Finished;
            }
            // Reading the clock before every step would cost more than the step: look
            // every few hundred steps whether a second has passed.
            steps = steps.wrapping_add(1);
            if steps.is_multiple_of(256) && busy_since.elapsed() >= BUSY_CHECKPOINT {
                busy_since = Instant::now();
                let messages = env.sink.checkpoint(self, Checkpoint::Busy);
                self.apply(messages, env);
                continue;
            }
            if let Some(deadline) = deadline {
                if self.now_millis() >= deadline {
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
            for call in self.outbox.drain(..) {
                pool.submit(call);
            }
            while let Some((ticket, outcome)) = pool.try_take() {
                self.returned(ticket, outcome);
            }
            let Some(frame) = self.frames.pop() else {
                return Progress::Finished;
            };
            let waits = match &frame {
                Frame::Thread(thread) => thread_waits(thread, &self.clock),
                Frame::Fan(fan) => self.fan_blocked(fan),
            };
            if waits {
                self.frames.push(frame);
                if self.set_aside() {
                    continue;
                }
                // Nothing can take a step until a task thread returns or a sleep ends.
                let wake = earliest_wake(&self.frames);
                if pool.busy() || wake.is_some() {
                    let until = match (wake, deadline) {
                        (Some(w), Some(d)) => Some(w.min(d)),
                        (w, d) => w.or(d),
                    };
                    let mut timeout =
                        until.map(|t| Duration::from_millis((t - self.now_millis()).max(0) as u64));
                    // A wait worth the name: the host saves the execution first, and hears
                    // from outside every poll interval while it lasts.
                    if timeout.is_none_or(|t| t >= MIN_CHECKPOINTED_WAIT) {
                        busy_since = Instant::now();
                        let messages = env.sink.checkpoint(self, Checkpoint::Waiting);
                        if !messages.is_empty() {
                            self.apply(messages, env);
                            continue;
                        }
                        timeout = Some(timeout.map_or(POLL_INTERVAL, |t| t.min(POLL_INTERVAL)));
                    }
                    // A task waiting for its outcome from outside (a callback, an
                    // activity worker) is an invocation in flight, in real time.
                    let outside = first_parked(&self.frames).is_some();
                    if let Some((ticket, outcome)) = pool.wait(timeout, until, outside) {
                        self.returned(ticket, outcome);
                    }
                    continue;
                }
                let messages = env.sink.checkpoint(self, Checkpoint::Parking);
                if !messages.is_empty() {
                    self.apply(messages, env);
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
                Frame::Thread(thread) => self.step_thread(*thread, env),
                Frame::Fan(fan) => self.step_fan(*fan, env),
            }
        }
    }

    /// Applies what the host handed over at a checkpoint.
    pub(super) fn apply(&mut self, messages: Vec<Message>, env: &mut Env) {
        for message in messages {
            match message {
                Message::Deliver { token, outcome } => {
                    self.deliver_to(&token, outcome);
                }
                Message::ActivityStarted { token, worker } => {
                    self.activity_started_for(&token, env.sink, worker.as_deref());
                }
                Message::Stop { error, cause } => self.abort(env.sink, error, cause),
            }
        }
    }

    /// Hands every invocation marked as out on a task thread to the pool again, under a
    /// new ticket: a saved execution has none out.
    fn redispatch_in_flight(&mut self, machine: &StateMachine) {
        let mut next_ticket = self.next_ticket;
        let mut outbox = Vec::new();
        for_each_thread(&mut self.frames, &mut |thread| {
            let Phase::InFlight { ticket, call } = &mut thread.phase else {
                return;
            };
            let resource = match machine.state(thread.block, &thread.state).map(|s| &s.kind) {
                Some(Kind::Task(task)) => task.resource.clone(),
                _ => return,
            };
            *ticket = next_ticket;
            next_ticket += 1;
            outbox.push(Dispatch {
                ticket: *ticket,
                state_name: thread.state.clone(),
                resource,
                input: call.effective.clone(),
                timeout_seconds: call.timeout,
                heartbeat_seconds: call.heartbeat,
                task_token: call.token.clone(),
                invocation_index: call.invocation_index,
            });
        });
        self.next_ticket = next_ticket;
        self.outbox.extend(outbox);
    }

    /// A task thread's invocation came back: the thread that waits for it can go on. An
    /// abandoned one (its branch was aborted) finds nobody.
    fn returned(&mut self, ticket: u64, outcome: TaskOutcome) {
        let pick =
            |phase: &Phase| matches!(phase, Phase::InFlight { ticket: t, .. } if *t == ticket);
        let Some(thread) = find_thread(&mut self.frames, &pick) else {
            return;
        };
        let Phase::InFlight { call, .. } = std::mem::replace(&mut thread.phase, Phase::FanRunning)
        else {
            return;
        };
        thread.phase = Phase::Returned {
            call,
            outcome: Delivered::from_outcome(outcome),
        };
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

    /// Whether a fan can take no step: no waiting child can go on and no new one may start.
    pub(super) fn fan_blocked(&self, fan: &Fan) -> bool {
        !fan.waiting.is_empty()
            && !fan.can_start()
            && !fan.waiting.iter().any(|w| runnable(w, &self.clock))
            && (fan.failure.is_none() || self.fan_tolerates(fan))
    }

    pub(super) fn step_thread(&mut self, mut thread: Thread, env: &mut Env) {
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
                let previous = if thread.initial { 0 } else { thread.last_event };
                let input_text = if thread.initial {
                    self.info.input_text.clone()
                } else {
                    match thread.input_text.take() {
                        Some(text) => text,
                        None => thread
                            .raw_text
                            .clone()
                            .unwrap_or_else(|| to_text(&thread.input)),
                    }
                };
                thread.initial = false;
                let keep_text = match &thread.input {
                    Value::Object(members)
                        if thread.raw_text.is_none()
                            && transitions::appended_member(state).is_some() =>
                    {
                        Some(members.len())
                    }
                    _ => None,
                };
                let details = Details::StateEntered {
                    name: state.name.clone(),
                    input: input_text,
                };
                thread.entered_prev = previous;
                thread.task_failed = false;
                thread.entered_millis = self.now_millis();
                thread.attempts = vec![0; state.retry.len()];
                thread.retry_count = 0;
                let (id, details) = self.emit_keeping(
                    env.sink,
                    thread.silent,
                    events::entered_type(&state.kind),
                    previous,
                    Some(details),
                );
                // The input's text, kept for an output that appends a member to it.
                thread.entered_text = keep_text.and_then(|members| {
                    let text = details?.take_payload()?;
                    Some((text, members))
                });
                thread.entered_event = id;
                thread.last_event = id;
                self.run_state(thread, state, env);
            }
            Phase::Restart => {
                thread.task_failed = false;
                self.run_state(thread, state, env)
            }
            // The run loop steps a sleeping thread only once its sleep is over.
            Phase::Sleep {
                until: _,
                output,
                assigned,
            } => self.exit_state(thread, state, output, assigned, env),
            Phase::RetryWait { .. } => {
                thread.phase = Phase::Restart;
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            phase @ (Phase::Parked { .. } | Phase::InFlight { .. }) => {
                thread.phase = phase;
                self.frames.push(Frame::Thread(Box::new(thread)));
            }
            Phase::Returned { call, outcome } => {
                let outcome = outcome.map_or(TaskOutcome::Pending, Delivered::into_outcome);
                self.task_returned(thread, state, *call, outcome, env);
            }
            Phase::TaskDone { outcome } => {
                self.task_outcome(thread, state, outcome.into_outcome(), env);
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
