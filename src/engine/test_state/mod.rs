//! TestState: runs one state in isolation and reports, besides its outcome, the data at
//! each processing step (`inspectionData`). Built on the same data-flow primitives as
//! executions ([`super::data`]: paths, payload templates, JSONata, `$states`), so a state
//! transforms its data here exactly as it does inside an execution. No history, no store:
//! the caller gets an [`Outcome`] and renders it.
//!
//! What TestState does differently from an execution, as AWS records it:
//! - Retry does not wait: a retried error answers `RETRIABLE` with the retrier's index
//!   and the backoff it would wait (`stateConfiguration.retrierRetryCount` says how many
//!   retries already happened).
//! - Catch answers `CAUGHT_ERROR` with the catcher's output and its `Next`.
//! - Map and Parallel run no children: their result is the mock's.
//! - Wait does not sleep.
use serde_json::{json, Map, Value};

use super::data;
use super::exec::matches;
use super::step::{self, Flow, Observer, Tolerance};
use super::task::{TaskInvocation, TaskOutcome, TaskRunner};
use crate::asl::definition::{Catcher, ChoiceRule, ItemBatcher, Kind, MapState, State, Transition};
use crate::asl::error::names;
use crate::asl::field::{BatchLimit, Scope};
use crate::asl::jsonata::Bindings;
use crate::asl::resource::TaskResource;
use crate::asl::StatesError;
use crate::clock::Clock;
use crate::engine::exec::MAX_PAYLOAD_BYTES;
use crate::history::text::to_text;

mod map;

/// `TestExecutionStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestStatus {
    Succeeded,
    Failed,
    Retriable,
    CaughtError,
}

impl TestStatus {
    pub fn name(self) -> &'static str {
        match self {
            TestStatus::Succeeded => "SUCCEEDED",
            TestStatus::Failed => "FAILED",
            TestStatus::Retriable => "RETRIABLE",
            TestStatus::CaughtError => "CAUGHT_ERROR",
        }
    }
}

/// What the state's work returns instead of doing it (`--mock`).
#[derive(Debug, Clone)]
pub enum Mock {
    Result(Value),
    Error(StatesError),
}

/// One TestState run.
pub struct TestRun<'a> {
    pub state: &'a State,
    pub input: Value,
    /// The context object the state sees (`$$`, `$states.context`).
    pub context: Value,
    pub variables: Map<String, Value>,
    pub mock: Option<Mock>,
    /// Retries that already happened for the retrier matching the error.
    pub retrier_retry_count: u32,
    /// Failed Map iterations, checked against the tolerated failure settings.
    pub map_iteration_failure_count: Option<u64>,
    /// The items an `ItemReader` would read.
    pub map_item_reader_data: Option<Value>,
    pub tasks: &'a dyn TaskRunner,
    pub execution_arn: &'a str,
    pub state_machine_name: &'a str,
    /// What a Wait's timestamp is read against, and dates in a task's result go by.
    pub clock: &'a Clock,
}

/// Data at each processing step, named as in AWS's `InspectionData`. Payloads are kept
/// as values (the API renders them as JSON text); numbers are the Map settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inspection {
    /// `input`, `afterInputPath`, `afterParameters`, `afterArguments`, `result`,
    /// `afterResultSelector`, `afterResultPath`, `afterItemsPath`, `afterItemSelector`,
    /// `afterItemBatcher`, `variables`, in the order they were produced.
    pub data: Vec<(&'static str, Value)>,
    pub error_details: Map<String, Value>,
    pub tolerated_failure_count: Option<u64>,
    pub tolerated_failure_percentage: Option<f64>,
    pub max_concurrency: Option<i64>,
}

impl Inspection {
    fn record(&mut self, key: &'static str, value: &Value) {
        self.data.retain(|(k, _)| *k != key);
        self.data.push((key, value.clone()));
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.data.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// How the state ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: TestStatus,
    pub next_state: Option<String>,
    pub output: Option<Value>,
    pub error: Option<String>,
    pub cause: Option<String>,
    pub inspection: Inspection,
}

/// A request TestState refuses to run (AWS answers `ValidationException`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Unsupported(pub String);

/// The output of a state's work and its assigned variables, or the next state.
struct Done {
    output: Value,
    assigned: Map<String, Value>,
    next: Option<String>,
}

/// Runs the state once.
pub fn run(test: &TestRun) -> Result<Outcome, Unsupported> {
    let mut runner = Runner {
        test,
        inspection: Inspection::default(),
    };
    runner.inspection.record("input", &test.input);
    let state = test.state;
    let worked = match &state.kind {
        Kind::Pass { result } => runner.pass(result.as_ref()),
        Kind::Task(task) => runner.task(&task.resource)?,
        Kind::Choice(_) => runner.choice(),
        Kind::Wait(_) => runner.wait(),
        Kind::Succeed => runner.flow_through(),
        Kind::Fail(_) => runner.fail(),
        Kind::Parallel { .. } => runner.mocked_fan(None),
        Kind::Map(map) => runner.mocked_fan(Some(map)),
    };
    Ok(match worked {
        Ok(done) => runner.succeeded(done),
        Err(err) => runner.handle(err),
    })
}

struct Runner<'a> {
    test: &'a TestRun<'a>,
    inspection: Inspection,
}

impl Observer for Inspection {
    fn record(&mut self, step: &'static str, value: &Value) {
        Inspection::record(self, step, value);
    }
}

impl Runner<'_> {
    /// The state's data flow, as an execution runs it.
    fn flow(&self) -> Flow<'_> {
        let test = self.test;
        Flow::new(test.state, &test.input, &test.context, &test.variables)
    }

    fn jsonata(&self) -> bool {
        self.flow().jsonata()
    }

    fn scope<'s>(&'s self, input: &'s Value) -> Scope<'s> {
        Scope::new(input, &self.test.context, &self.test.variables)
    }

    fn states(&self, result: Option<&Value>, error_output: Option<&Value>) -> Value {
        data::states_binding(&self.test.input, &self.test.context, result, error_output)
    }

    /// `next` after a normal exit: the state's `Next` (none for `End`).
    fn next(&self) -> Option<String> {
        match &self.test.state.transition {
            Transition::Next(n) => Some(n.clone()),
            _ => None,
        }
    }

    // ------------------------------------------------------------- data flow

    fn input_path(&mut self) -> Result<Value, StatesError> {
        let test = self.test;
        Flow::new(test.state, &test.input, &test.context, &test.variables)
            .input_path(&mut self.inspection)
    }

    fn effective_input(&mut self) -> Result<Value, StatesError> {
        let test = self.test;
        Flow::new(test.state, &test.input, &test.context, &test.variables)
            .effective_input(&mut self.inspection)
    }

    fn state_output(
        &mut self,
        result: Value,
        rule: Option<&ChoiceRule>,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        let test = self.test;
        Flow::new(test.state, &test.input, &test.context, &test.variables).output(
            result,
            rule,
            None,
            &mut self.inspection,
        )
    }

    // ------------------------------------------------------------- state types

    fn pass(&mut self, result: Option<&Value>) -> Result<Done, StatesError> {
        let work = if self.jsonata() {
            self.test.input.clone()
        } else if let Some(result) = result {
            // A Pass with Result never reads its input: AWS shows no InputPath step.
            self.inspection.record("result", result);
            result.clone()
        } else {
            self.effective_input()?
        };
        let (output, assigned) = self.state_output(work, None)?;
        Ok(Done {
            output,
            assigned,
            next: self.next(),
        })
    }

    fn task(&mut self, resource: &TaskResource) -> Result<Result<Done, StatesError>, Unsupported> {
        let effective = match self.effective_input() {
            Ok(v) => v,
            Err(e) => return Ok(Err(e)),
        };
        let result = match &self.test.mock {
            Some(Mock::Result(v)) => v.clone(),
            Some(Mock::Error(e)) => return Ok(Err(e.clone())),
            None => match self.invoke(resource, &effective)? {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            },
        };
        self.inspection.record("result", &result);
        if to_text(&result).len() > MAX_PAYLOAD_BYTES {
            return Ok(Err(StatesError::new(
                names::DATA_LIMIT_EXCEEDED,
                format!(
                    "The state/task '{}' returned a result with a size exceeding the maximum number of bytes service limit.",
                    resource.limit_name()
                ),
            )));
        }
        Ok(self
            .state_output(result, None)
            .map(|(output, assigned)| Done {
                output,
                assigned,
                next: self.next(),
            }))
    }

    /// Serves the Task the way an execution's task runner would.
    fn invoke(
        &self,
        resource: &TaskResource,
        effective: &Value,
    ) -> Result<Result<Value, StatesError>, Unsupported> {
        let state = self.test.state;
        if let Err(e) = self.test.tasks.check(&state.name, resource) {
            return Ok(Err(e));
        }
        let outcome = self.test.tasks.invoke(&TaskInvocation {
            state_name: &state.name,
            resource,
            input: effective,
            timeout_seconds: None,
            heartbeat_seconds: None,
            task_token: None,
            execution_arn: self.test.execution_arn,
            state_machine_name: self.test.state_machine_name,
            invocation_index: 0,
            clock: self.test.clock,
            cancel: crate::engine::Cancel::never(),
        });
        match outcome {
            TaskOutcome::Succeeded(v) => Ok(Ok(v)),
            TaskOutcome::Failed(e) => Ok(Err(e)),
            TaskOutcome::TimedOut => Ok(Err(StatesError {
                error: Some(names::TIMEOUT.into()),
                cause: None,
            })),
            TaskOutcome::Pending => Err(Unsupported(format!(
                "TestState cannot wait for the outcome of the resource '{resource}' (activities, .sync and .waitForTaskToken): specify a mock"
            ))),
        }
    }

    fn choice(&mut self) -> Result<Done, StatesError> {
        let Kind::Choice(choice) = &self.test.state.kind else {
            return self.flow_through();
        };
        let effective = if self.jsonata() {
            self.test.input.clone()
        } else {
            self.input_path()?
        };
        let (next, rule) = step::choose(&self.flow(), choice, &effective)?;
        let (output, assigned) = self.state_output(effective, rule)?;
        Ok(Done {
            output,
            assigned,
            next: Some(next),
        })
    }

    /// Wait and Succeed: the input flows through InputPath and OutputPath (or Output).
    fn flow_through(&mut self) -> Result<Done, StatesError> {
        let effective = if self.jsonata() {
            self.test.input.clone()
        } else {
            self.input_path()?
        };
        let (output, assigned) = self.state_output(effective, None)?;
        Ok(Done {
            output,
            assigned,
            next: self.next(),
        })
    }

    /// Wait: its duration is read and checked as an execution reads it, but not waited.
    fn wait(&mut self) -> Result<Done, StatesError> {
        let Kind::Wait(wait) = &self.test.state.kind else {
            return self.flow_through();
        };
        let effective = if self.jsonata() {
            self.test.input.clone()
        } else {
            self.input_path()?
        };
        step::wait_until(&self.flow(), wait, &effective, self.test.clock.now_millis())?;
        let (output, assigned) = self.state_output(effective, None)?;
        Ok(Done {
            output,
            assigned,
            next: self.next(),
        })
    }

    fn fail(&mut self) -> Result<Done, StatesError> {
        let Kind::Fail(fail) = &self.test.state.kind else {
            return self.flow_through();
        };
        if !self.jsonata() {
            self.inspection.record("afterInputPath", &self.test.input);
        }
        // `handle` never retries or catches a Fail state's own failure.
        Err(step::fail_error(&self.flow(), fail)?)
    }

    // ------------------------------------------------------------- outcomes

    fn variables_after(&mut self, assigned: &Map<String, Value>) {
        let mut all = self.test.variables.clone();
        for (k, v) in assigned {
            all.insert(k.clone(), v.clone());
        }
        if !all.is_empty() {
            self.inspection.record("variables", &Value::Object(all));
        }
    }

    fn succeeded(mut self, done: Done) -> Outcome {
        self.variables_after(&done.assigned);
        Outcome {
            status: TestStatus::Succeeded,
            next_state: done.next,
            output: Some(done.output),
            error: None,
            cause: None,
            inspection: self.inspection,
        }
    }

    /// Retry (without waiting), then Catch, then the state fails.
    fn handle(mut self, err: StatesError) -> Outcome {
        let state = self.test.state;
        let fail_state = matches!(state.kind, Kind::Fail(_));
        if !err.is_runtime() && !fail_state {
            if let Some(i) = state
                .retry
                .iter()
                .position(|r| matches(&r.error_equals, &err))
            {
                let retrier = &state.retry[i];
                self.inspection
                    .error_details
                    .insert("retryIndex".into(), i.into());
                let done = self.test.retrier_retry_count;
                if done < retrier.max_attempts {
                    let mut delay =
                        retrier.interval_seconds * retrier.backoff_rate.powi(done.min(1000) as i32);
                    if let Some(max) = retrier.max_delay_seconds {
                        delay = delay.min(max);
                    }
                    self.inspection
                        .error_details
                        .insert("retryBackoffIntervalSeconds".into(), (delay as i64).into());
                    return self.ended(TestStatus::Retriable, err, None, None);
                }
            }
            if let Some(j) = state
                .catch
                .iter()
                .position(|c| matches(&c.error_equals, &err))
            {
                let catcher = &state.catch[j];
                self.inspection
                    .error_details
                    .insert("catchIndex".into(), j.into());
                return match self.caught(catcher, &err) {
                    Ok((output, assigned)) => {
                        self.variables_after(&assigned);
                        let next = Some(catcher.next.clone());
                        self.ended(TestStatus::CaughtError, err, Some(output), next)
                    }
                    Err(e) => self.ended(TestStatus::Failed, e, None, None),
                };
            }
        }
        self.ended(TestStatus::Failed, err, None, None)
    }

    fn ended(
        mut self,
        status: TestStatus,
        err: StatesError,
        output: Option<Value>,
        next_state: Option<String>,
    ) -> Outcome {
        if status != TestStatus::CaughtError {
            self.variables_after(&Map::new());
        }
        Outcome {
            status,
            next_state,
            output,
            error: err.error,
            cause: err.cause,
            inspection: self.inspection,
        }
    }

    /// The catcher's output and assignments.
    fn caught(
        &self,
        catcher: &Catcher,
        err: &StatesError,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        self.flow().caught(catcher, err)
    }
}

#[cfg(test)]
mod tests;
