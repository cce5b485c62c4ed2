//! Task threads: a Task invocation that may take a while (a local command) runs on a
//! thread of its own while the interpreter goes on with the other branches and
//! iterations. At most `threads` run at once; further invocations queue in order. When the
//! run ends while some are out, they are cancelled (see [`Cancel`]) rather than awaited.
use std::collections::{HashMap, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread::Scope;
use std::time::{Duration, Instant};

use super::{Cancel, Dispatch, StatesError, TaskInvocation, TaskOutcome, TaskRunner};
use crate::clock::{Busy, Clock};

/// How often a wait for task threads looks whether a virtual clock has reached the time
/// the run waits for (an in-process child may let it skip there meanwhile).
const VIRTUAL_LOOK: Duration = Duration::from_millis(5);

/// An invocation's outcome, with its thread's hold on the clock: the run takes it over
/// when it takes the outcome, so that a virtual clock cannot skip in between.
type Done = (u64, TaskOutcome, Busy);

pub(super) struct TaskPool<'scope, 'env> {
    scope: &'scope Scope<'scope, 'env>,
    tasks: &'env dyn TaskRunner,
    execution_arn: String,
    state_machine_name: String,
    threads: usize,
    clock: Clock,
    running: usize,
    /// The cancel signal of each invocation out, by ticket.
    out: HashMap<u64, Cancel>,
    queued: VecDeque<Dispatch>,
    done_tx: Sender<Done>,
    done_rx: Receiver<Done>,
    /// The run is busy on the clock but while it waits (see [`Clock::busy`]).
    _busy: Busy,
}

impl<'scope, 'env> TaskPool<'scope, 'env> {
    pub(super) fn new(
        scope: &'scope Scope<'scope, 'env>,
        tasks: &'env dyn TaskRunner,
        execution_arn: &str,
        state_machine_name: &str,
        threads: usize,
        clock: &Clock,
        busy: Busy,
    ) -> Self {
        let (done_tx, done_rx) = channel();
        TaskPool {
            scope,
            tasks,
            execution_arn: execution_arn.to_string(),
            state_machine_name: state_machine_name.to_string(),
            threads: threads.max(1),
            clock: clock.clone(),
            running: 0,
            out: HashMap::new(),
            queued: VecDeque::new(),
            done_tx,
            done_rx,
            _busy: busy,
        }
    }

    pub(super) fn submit(&mut self, call: Dispatch) {
        if self.running < self.threads {
            self.spawn(call);
        } else {
            self.queued.push_back(call);
        }
    }

    /// Whether an invocation is running or queued.
    pub(super) fn busy(&self) -> bool {
        self.running > 0 || !self.queued.is_empty()
    }

    /// An invocation that has returned, if one has.
    pub(super) fn try_take(&mut self) -> Option<(u64, TaskOutcome)> {
        if self.running == 0 {
            return None;
        }
        let done = self.done_rx.try_recv().ok();
        self.returned(done)
    }

    /// Waits for an invocation to return, at most `timeout` (`None`: as long as it takes)
    /// of real time. `until` is the time (ms on the clock) the run waits for, if any: a
    /// virtual clock may skip to it, unless `outside` (a task outcome may come from
    /// outside the process, which goes by real time). With none out, this is a sleep on
    /// the clock (a manual one just moves on); one that is out runs in real time, so it is
    /// waited for in real time.
    pub(super) fn wait(
        &mut self,
        timeout: Option<Duration>,
        until: Option<i64>,
        outside: bool,
    ) -> Option<(u64, TaskOutcome)> {
        let rest = (!outside).then(|| self.clock.rest(until));
        if self.running == 0 {
            if let Some(t) = timeout {
                match &rest {
                    Some(rest) => rest.sleep(t),
                    None => self.clock.sleep(t),
                }
            }
            return None;
        }
        let done = match (timeout, &rest) {
            // Out may be in-process children that let the clock skip: look every little
            // while whether it is time.
            (Some(t), Some(rest)) if self.clock.is_virtual() && until.is_some() => {
                let started = Instant::now();
                loop {
                    let left = t.saturating_sub(started.elapsed());
                    match self.done_rx.recv_timeout(left.min(VIRTUAL_LOOK)) {
                        Ok(done) => break Some(done),
                        Err(_) if left.is_zero() || rest.woken() => break None,
                        Err(_) => {}
                    }
                }
            }
            (Some(t), _) => self.done_rx.recv_timeout(t).ok(),
            (None, _) => self.done_rx.recv().ok(),
        };
        drop(rest);
        self.returned(done)
    }

    /// The run is over: queued invocations never start and those out are cancelled, so
    /// that the threads return (a local command is killed) instead of being awaited.
    pub(super) fn cancel_all(&mut self) {
        self.queued.clear();
        for cancel in self.out.values() {
            cancel.cancel();
        }
    }

    fn returned(&mut self, done: Option<Done>) -> Option<(u64, TaskOutcome)> {
        let done = done.map(|(ticket, outcome, _busy)| (ticket, outcome));
        if let Some((ticket, _)) = &done {
            self.out.remove(ticket);
            self.running -= 1;
            if let Some(next) = self.queued.pop_front() {
                self.spawn(next);
            }
        }
        done
    }

    fn spawn(&mut self, call: Dispatch) {
        self.running += 1;
        let done = self.done_tx.clone();
        let tasks = self.tasks;
        let execution_arn = self.execution_arn.clone();
        let state_machine_name = self.state_machine_name.clone();
        let clock = self.clock.clone();
        let cancel = Cancel::new();
        self.out.insert(call.ticket, cancel.clone());
        // Taken here, before the run can rest: the invocation works in real time.
        let busy = clock.busy();
        self.scope.spawn(move || {
            let invocation = TaskInvocation {
                state_name: &call.state_name,
                resource: &call.resource,
                input: &call.input,
                timeout_seconds: call.timeout_seconds,
                heartbeat_seconds: call.heartbeat_seconds,
                task_token: call.task_token.as_deref(),
                execution_arn: &execution_arn,
                state_machine_name: &state_machine_name,
                invocation_index: call.invocation_index,
                clock: &clock,
                cancel: &cancel,
            };
            // A panicking runner must not leave the interpreter waiting for an answer
            // that never comes.
            let outcome = catch_unwind(AssertUnwindSafe(|| tasks.invoke(&invocation)))
                .unwrap_or_else(|_| {
                    TaskOutcome::Failed(StatesError::runtime(format!(
                        "internal error: the task runner panicked serving state '{}'",
                        call.state_name
                    )))
                });
            // The interpreter may have ended (a sibling failed): nobody listens then.
            let _ = done.send((call.ticket, outcome, busy));
        });
    }
}
