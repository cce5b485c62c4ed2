//! Redrive (`RedriveExecution`): an execution that FAILED, TIMED_OUT or was ABORTED
//! continues from the state that did not succeed, keeping everything that did.
//!
//! The interpreter's stack of frames is the exact picture of "what had succeeded so far":
//! the enclosing threads wait in their Parallel/Map state, the fan-outs hold the results of
//! the branches and iterations that succeeded (and know which are still to run), and the
//! top thread is at the unsuccessful state with its raw input and variables. So the resume
//! point is a copy of the stack:
//! - taken when a thread fails without catching the error (before the failure unwinds the
//!   stack; a failure that only propagates an earlier one keeps the earlier, deeper copy),
//! - or, for a timeout or an abort, the stack as it stands when the execution ends.
//!
//! Redriving restores it, enters the unsuccessful state again and runs on: the rest of a
//! Parallel's branches and a Map's iterations run, the successful ones are not run again.
//! Distributed Map children (silent threads) are not tracked one by one: the Map state as a
//! whole runs again.
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::{EventSink, Execution, Frame, Phase, Status, Thread};
use crate::history::{Details, EventType};

/// What an execution keeps for redriving it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Redrive {
    /// When the execution was last redriven (ms since the epoch): `$$.Execution.RedriveTime`
    /// and the new start of the machine's `TimeoutSeconds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time_millis: Option<i64>,
    /// The stack to restore (see the module docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resume: Option<Vec<Frame>>,
}

/// Why an execution cannot be redriven by the engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RedriveError {
    #[error("Execution is {0} and cannot be redriven")]
    NotEnded(&'static str),
    #[error("Execution cannot be redriven: it kept no state to resume from")]
    NoResumePoint,
}

/// The same visit of the same state (its Entered event identifies it).
fn same_visit(a: &Thread, b: &Thread) -> bool {
    a.block == b.block && a.state == b.state && a.entered_event == b.entered_event
}

impl Execution {
    /// Records the resume point when `thread` (just taken off the stack) fails without
    /// catching the error.
    pub(super) fn note_failure(&mut self, thread: &Thread) {
        if thread.silent {
            return;
        }
        let depth = self.frames.len();
        let propagated = match self.redrive.resume.as_ref().and_then(|s| s.get(depth)) {
            Some(Frame::Thread(earlier)) => same_visit(earlier, thread),
            _ => false,
        };
        if propagated {
            return;
        }
        let mut stack = self.frames.clone();
        stack.push(Frame::Thread(Box::new(thread.clone())));
        self.redrive.resume = Some(stack);
    }

    /// Called as the execution ends with `status`: a timeout or abort keeps the stack as
    /// it stands; a failure keeps what [`Execution::note_failure`] recorded; success
    /// needs nothing.
    pub(super) fn keep_resume_point(&mut self, status: &Status) {
        match status {
            Status::Succeeded { .. } | Status::Running => self.redrive.resume = None,
            Status::Failed { .. } if self.frames.is_empty() => {}
            _ => {
                // Anything still on the stack is where the execution was interrupted (a
                // timeout, StopExecution, the history limit).
                if !self.frames.is_empty() {
                    self.redrive.resume = Some(self.frames.clone());
                }
            }
        }
    }

    /// The start of the machine's `TimeoutSeconds` window: the start, or the last redrive.
    pub(super) fn clock_start_millis(&self) -> i64 {
        self.redrive.time_millis.unwrap_or(self.info.start_millis)
    }

    /// Adjusts the context object's `Execution` member: Express executions have no
    /// `RedriveCount`; a redriven execution has `RedriveTime`.
    pub(super) fn execution_context(&self, execution: &mut Map<String, Value>) {
        if self.info.execution_arn.contains(":express:") {
            execution.remove("RedriveCount");
        }
        if let Some(millis) = self.redrive.time_millis {
            execution.insert("RedriveTime".into(), super::iso_millis(millis).into());
        }
    }

    /// Whether the execution kept a point to resume from.
    pub fn can_redrive(&self) -> bool {
        self.status != Status::Running && self.redrive.resume.is_some()
    }

    /// Redrives an ended, unsuccessful execution: emits `ExecutionRedriven`, increments
    /// the redrive count and restores the resume point. [`Execution::run`] continues
    /// from there (the unsuccessful state is entered again).
    pub fn redrive(&mut self, sink: &mut dyn EventSink) -> Result<(), RedriveError> {
        if let status @ (Status::Running | Status::Succeeded { .. }) = &self.status {
            return Err(RedriveError::NotEnded(status.name()));
        }
        let Some(mut stack) = self.redrive.resume.take() else {
            return Err(RedriveError::NoResumePoint);
        };
        let count = self.info.redrive_count + 1;
        let previous = self.last_event_id;
        let redriven = self.emit(
            sink,
            false,
            EventType::ExecutionRedriven,
            previous,
            Some(json!({"redriveCount": count }).into()),
        );
        self.info.redrive_count = count;
        self.redrive.time_millis = Some(self.now_millis());
        self.status = Status::Running;
        // Every thread that runs again continues from the redrive event; the top one
        // enters its unsuccessful state again.
        let top = stack.len().saturating_sub(1);
        for (i, frame) in stack.iter_mut().enumerate() {
            if let Frame::Thread(thread) = frame {
                thread.last_event = redriven;
                thread.initial = false;
                if i == top {
                    // Only the execution's first state was entered from event 0: it shows
                    // the execution input exactly as given.
                    if thread.entered_prev == 0 {
                        thread.input_text = Some(self.info.input_text.clone());
                    }
                    thread.phase = Phase::Enter;
                }
            }
        }
        // A Map iteration that runs again starts again.
        for i in 0..stack.len() {
            let (Frame::Fan(fan), Some(Frame::Thread(child))) = (&stack[i], stack.get(i + 1))
            else {
                continue;
            };
            if fan.silent || !matches!(fan.kind, super::FanKind::Map { .. }) {
                continue;
            }
            let details = Details::Iteration {
                index: child.index as u64,
                name: fan.owner_state.clone(),
            };
            let started = self.emit(
                sink,
                false,
                EventType::MapIterationStarted,
                redriven,
                Some(details),
            );
            if let Some(Frame::Thread(child)) = stack.get_mut(i + 1) {
                child.last_event = started;
            }
        }
        self.restart_waiting(&mut stack, redriven, sink);
        self.frames = stack;
        Ok(())
    }

    /// Branches and iterations that were set aside when the execution ended (waiting for
    /// a task, sleeping) were aborted with it: they enter their state again, and a Map
    /// iteration starts again.
    fn restart_waiting(&mut self, frames: &mut [Frame], redriven: i64, sink: &mut dyn EventSink) {
        for frame in frames.iter_mut() {
            let Frame::Fan(fan) = frame else {
                continue;
            };
            let is_map = matches!(fan.kind, super::FanKind::Map { .. });
            for child in fan.waiting.iter_mut() {
                let top = child.len().saturating_sub(1);
                let mut first = redriven;
                if is_map && !fan.silent {
                    if let Some(Frame::Thread(thread)) = child.first() {
                        let details = Details::Iteration {
                            index: thread.index as u64,
                            name: fan.owner_state.clone(),
                        };
                        first = self.emit(
                            sink,
                            false,
                            EventType::MapIterationStarted,
                            redriven,
                            Some(details),
                        );
                    }
                }
                for (i, frame) in child.iter_mut().enumerate() {
                    if let Frame::Thread(thread) = frame {
                        thread.last_event = if i == 0 { first } else { redriven };
                        thread.initial = false;
                        if i == top {
                            thread.phase = Phase::Enter;
                        }
                    }
                }
                self.restart_waiting(child, redriven, sink);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::{Env, Options};
    use super::*;
    use crate::asl::definition::{self, StateMachine};
    use crate::clock::Clock;
    use crate::engine::task::NoTasks;
    use crate::engine::HistoryEvent;

    #[derive(Default)]
    struct Collect(Vec<HistoryEvent>);

    impl EventSink for Collect {
        fn emit(&mut self, event: &HistoryEvent) {
            self.0.push(event.clone());
        }
    }

    fn machine(definition: serde_json::Value) -> StateMachine {
        definition::parse(&definition).unwrap()
    }

    fn start(machine: &StateMachine, sink: &mut Collect) -> Execution {
        let mut execution =
            Execution::start(machine, super::super::tests::info(), &Clock::system(), sink);
        run(&mut execution, machine, sink);
        execution
    }

    fn run(execution: &mut Execution, machine: &StateMachine, sink: &mut Collect) {
        execution.run(&mut Env {
            machine,
            tasks: &NoTasks,
            sink,
            options: Options {
                wait_time_scale: 0.0,
                ..Options::default()
            },
        });
    }

    /// A state that fails until the execution is redriven.
    fn flaky(next: &str) -> serde_json::Value {
        json!({"Type": "Choice", "Choices": [
            {"Variable": "$$.Execution.RedriveCount", "NumericGreaterThan": 0, "Next": next}]})
    }

    fn entered(sink: &Collect, name: &str) -> usize {
        sink.0
            .iter()
            .filter(|e| {
                e.event_type.is_state_entered()
                    && e.details.as_ref().unwrap().str("name") == Some(name)
            })
            .count()
    }

    #[test]
    fn a_nested_failure_resumes_in_the_innermost_thread_after_a_round_trip() {
        let m = machine(json!({"StartAt": "Outer", "States": {"Outer": {
        "Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
          {"StartAt": "Items", "States": {
            "Items": {"Type": "Pass", "Result": [1, 2], "Next": "Inner"},
            "Inner": {"Type": "Map", "End": true, "ItemProcessor": {
              "StartAt": "Flaky", "States": {
                "Flaky": flaky("Ok"), "Ok": {"Type": "Pass", "End": true}}}}}}
          ]}}}));
        let mut sink = Collect::default();
        let execution = start(&m, &mut sink);
        assert!(matches!(execution.status, Status::Failed { .. }));
        assert!(execution.can_redrive());
        // The state survives being stored between the failure and the redrive.
        let text = serde_json::to_string(&execution).unwrap();
        let mut execution: Execution = serde_json::from_str(&text).unwrap();
        execution.redrive(&mut sink).unwrap();
        assert_eq!(execution.info.redrive_count, 1);
        run(&mut execution, &m, &mut sink);
        assert_eq!(
            execution.status,
            Status::Succeeded {
                output: json!(["a", [1, 2]])
            }
        );
        assert_eq!(entered(&sink, "Outer"), 1);
        assert_eq!(entered(&sink, "A"), 1);
        assert_eq!(entered(&sink, "Items"), 1);
        assert_eq!(entered(&sink, "Inner"), 1);
        // Iteration 0 failed and ran again; iteration 1 ran after the redrive.
        assert_eq!(entered(&sink, "Flaky"), 3);
    }

    #[test]
    fn a_caught_failure_does_not_become_the_resume_point() {
        let m = machine(json!({"StartAt": "Try", "States": {
            "Try": {"Type": "Parallel", "Next": "Later",
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Later"}],
              "Branches": [{"StartAt": "Boom", "States": {
                "Boom": {"Type": "Fail", "Error": "Caught"}}}]},
            "Later": flaky("Done"),
            "Done": {"Type": "Succeed"}}}));
        let mut sink = Collect::default();
        let mut execution = start(&m, &mut sink);
        assert_eq!(
            execution.status,
            Status::Failed {
                error: Some("States.NoChoiceMatched".into()),
                cause: execution_cause(&execution),
            }
        );
        execution.redrive(&mut sink).unwrap();
        run(&mut execution, &m, &mut sink);
        assert!(matches!(execution.status, Status::Succeeded { .. }));
        assert_eq!(entered(&sink, "Boom"), 1);
        assert_eq!(entered(&sink, "Later"), 2);
        let types: Vec<&str> = sink.0.iter().map(|e| e.event_type.as_str()).collect();
        let redriven = types
            .iter()
            .position(|t| *t == "ExecutionRedriven")
            .unwrap();
        assert_eq!(types[redriven - 1], "ExecutionFailed");
        assert_eq!(types[redriven + 1], "ChoiceStateEntered");
        assert!(!execution.can_redrive());
    }

    fn execution_cause(execution: &Execution) -> Option<String> {
        match &execution.status {
            Status::Failed { cause, .. } => cause.clone(),
            _ => None,
        }
    }

    #[test]
    fn running_and_successful_executions_are_not_redriven() {
        let m = machine(json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}));
        let mut sink = Collect::default();
        let mut execution = start(&m, &mut sink);
        assert_eq!(
            execution.redrive(&mut sink),
            Err(RedriveError::NotEnded("SUCCEEDED"))
        );
        assert!(!execution.can_redrive());
    }
}
