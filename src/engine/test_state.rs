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
use super::resource::ResourceForm;
use super::step::{self, Flow, Observer, Tolerance};
use super::task::{TaskInvocation, TaskOutcome, TaskRunner};
use crate::asl::definition::{Catcher, ChoiceRule, ItemBatcher, Kind, MapState, State, Transition};
use crate::asl::error::names;
use crate::asl::field::Scope;
use crate::asl::jsonata::Bindings;
use crate::asl::StatesError;
use crate::clock::Clock;
use crate::engine::exec::MAX_PAYLOAD_BYTES;
use crate::history::text::to_text;

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

    fn task(&mut self, resource: &str) -> Result<Result<Done, StatesError>, Unsupported> {
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
                    ResourceForm::of(resource).limit_name()
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
        resource: &str,
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

    /// Map and Parallel: the input steps run, the children do not; the mock is the result.
    fn mocked_fan(&mut self, map: Option<&MapState>) -> Result<Done, StatesError> {
        let items = match map {
            Some(map) => Some(self.map_items(map)?),
            None => {
                self.effective_input()?;
                None
            }
        };
        let result = match &self.test.mock {
            Some(Mock::Result(v)) => v.clone(),
            Some(Mock::Error(e)) => return Err(e.clone()),
            // The API refuses Map and Parallel without a mock before running them.
            None => return Err(StatesError::runtime("a Map or Parallel state needs a mock")),
        };
        if let (Some(failed), Some(total)) = (self.test.map_iteration_failure_count, items) {
            if failed > 0 && self.tolerance_exceeded(failed, total) {
                return Err(StatesError::new(
                    names::EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The specified tolerated failure threshold was exceeded",
                ));
            }
        }
        let (output, assigned) = self.state_output(result, None)?;
        Ok(Done {
            output,
            assigned,
            next: self.next(),
        })
    }

    /// Whether `failed` of `total` iterations exceed the tolerated failures. AWS checks
    /// only a Map that tolerates some failures; one that tolerates none is left as is.
    fn tolerance_exceeded(&self, failed: u64, total: usize) -> bool {
        let tolerance = Tolerance {
            count: self.inspection.tolerated_failure_count,
            percentage: self.inspection.tolerated_failure_percentage,
        };
        tolerance.is_set() && tolerance.tolerates(failed, Some(total as u64)) == Some(false)
    }

    /// InputPath, ItemsPath/Items (or the ItemReader's data), ItemSelector, ItemBatcher
    /// and the concurrency and tolerance settings; returns the item count.
    fn map_items(&mut self, map: &MapState) -> Result<usize, StatesError> {
        let jsonata = self.jsonata();
        let states = self.states(None, None);
        let effective = if jsonata {
            self.test.input.clone()
        } else {
            self.input_path()?
        };
        let mut items = if let Some(data) = &self.test.map_item_reader_data {
            data.clone()
        } else if jsonata {
            match &map.items {
                Some(items) => items.evaluate(
                    "Items",
                    &Bindings {
                        states: &states,
                        vars: &self.test.variables,
                    },
                )?,
                None => effective.clone(),
            }
        } else {
            match &map.items_path {
                Some(p) => {
                    let v = p.select(&self.scope(&effective))?;
                    self.inspection.record("afterItemsPath", &v);
                    v
                }
                None => effective.clone(),
            }
        };
        let Value::Array(list) = &mut items else {
            if jsonata {
                return Err(StatesError::query_evaluation(format!(
                    "The JSONata expression specified for the field 'Items' returned an unexpected result type. Expected 'array', but was: {}",
                    to_text(&items)
                )));
            }
            // AWS names a context path (`$$...`) by its path inside the context object.
            let at = map.items_path.as_ref().map_or("$", |p| p.text());
            let at = at
                .strip_prefix('$')
                .filter(|p| p.starts_with('$'))
                .unwrap_or(at);
            return Err(StatesError::runtime(format!(
                "Reference path \"{at}\" must point to array."
            )));
        };
        let list = std::mem::take(list);
        let total = list.len();
        self.map_settings(map, &effective)?;
        let selected = match &map.item_selector {
            Some(selector) => {
                let mut out = Vec::with_capacity(total);
                for (index, item) in list.into_iter().enumerate() {
                    let mut context = self.test.context.clone();
                    if let Value::Object(c) = &mut context {
                        c.insert(
                            "Map".into(),
                            json!({"Item": {"Index": index, "Value": item}}),
                        );
                    }
                    let states = Flow::new(
                        self.test.state,
                        &self.test.input,
                        &context,
                        &self.test.variables,
                    )
                    .states(None, None);
                    let scope =
                        Scope::new(&effective, &context, &self.test.variables).with_states(&states);
                    let value = selector.evaluate("ItemSelector", &scope)?;
                    out.push(value);
                }
                let out = Value::Array(out);
                self.inspection.record("afterItemSelector", &out);
                out
            }
            None => Value::Array(list),
        };
        if let Some(batcher) = &map.item_batcher {
            let batches = self.batches(batcher, selected, &effective, &states)?;
            self.inspection.record("afterItemBatcher", &batches);
        }
        Ok(total)
    }

    /// ItemBatcher: `{"Items": [...]}` objects of at most MaxItemsPerBatch items, each
    /// with the BatchInput fields.
    fn batches(
        &self,
        batcher: &ItemBatcher,
        items: Value,
        effective: &Value,
        states: &Value,
    ) -> Result<Value, StatesError> {
        let scope = self.scope(effective).with_states(states);
        let size = batcher
            .max_items_per_batch
            .as_ref()
            .map(|f| f.resolve("MaxItemsPerBatch", &scope))
            .transpose()?
            .and_then(|v| v.as_u64())
            .filter(|n| *n > 0)
            .unwrap_or(u64::MAX) as usize;
        let batch_input = batcher
            .batch_input
            .as_ref()
            .map(|b| b.evaluate("BatchInput", &scope))
            .transpose()?;
        let Value::Array(items) = items else {
            return Ok(Value::Array(Vec::new()));
        };
        let batches = items
            .chunks(size.max(1))
            .map(|chunk| {
                let mut batch = Map::new();
                if let Some(Value::Object(extra)) = &batch_input {
                    batch.insert("BatchInput".into(), Value::Object(extra.clone()));
                }
                batch.insert("Items".into(), Value::Array(chunk.to_vec()));
                Value::Object(batch)
            })
            .collect();
        Ok(Value::Array(batches))
    }

    /// MaxConcurrency and the tolerated failure settings, as the inspection shows them.
    fn map_settings(&mut self, map: &MapState, effective: &Value) -> Result<(), StatesError> {
        let flow = self.flow();
        let concurrency = step::max_concurrency(&flow, map, effective)?;
        let tolerance = step::tolerance(&flow, map, effective)?;
        self.inspection.max_concurrency = Some(concurrency);
        self.inspection.tolerated_failure_count = tolerance.count;
        self.inspection.tolerated_failure_percentage = tolerance.percentage;
        Ok(())
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
mod tests {
    use super::*;
    use crate::asl::definition::{self, StateMachine};
    use crate::engine::task::NoTasks;

    fn machine(state: Value) -> StateMachine {
        definition::parse(&json!({"StartAt": "S", "States": {"S": state}})).unwrap()
    }

    fn run_with(machine: &StateMachine, mock: Option<Mock>, retries: u32) -> Outcome {
        let state = machine.state(0, "S").unwrap();
        run(&TestRun {
            state,
            input: json!({"a": 1}),
            context: json!({}),
            variables: Map::new(),
            mock,
            retrier_retry_count: retries,
            map_iteration_failure_count: None,
            map_item_reader_data: None,
            tasks: &NoTasks,
            execution_arn: "arn",
            state_machine_name: "m",
            clock: &Clock::system(),
        })
        .unwrap()
    }

    #[test]
    fn retry_backoff_grows_and_is_capped() {
        let m = machine(json!({
            "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
            "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 3, "BackoffRate": 2, "MaxAttempts": 10, "MaxDelaySeconds": 20}]
        }));
        let error = Some(Mock::Error(StatesError::new("E", "c")));
        let backoff = |n| {
            run_with(&m, error.clone(), n).inspection.error_details["retryBackoffIntervalSeconds"]
                .clone()
        };
        assert_eq!(backoff(0), json!(3));
        assert_eq!(backoff(2), json!(12));
        assert_eq!(backoff(5), json!(20));
        let exhausted = run_with(&m, error, 10);
        assert_eq!(exhausted.status, TestStatus::Failed);
        assert_eq!(exhausted.inspection.error_details, {
            let mut d = Map::new();
            d.insert("retryIndex".into(), 0.into());
            d
        });
    }

    #[test]
    fn an_unmatched_error_fails_and_a_result_succeeds() {
        let m = machine(json!({
            "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "N",
            "Catch": [{"ErrorEquals": ["Other"], "Next": "C"}]
        }));
        let failed = run_with(&m, Some(Mock::Error(StatesError::new("E", "c"))), 0);
        assert_eq!(failed.status, TestStatus::Failed);
        assert_eq!(failed.next_state, None);
        let ok = run_with(&m, Some(Mock::Result(json!({"r": 2}))), 0);
        assert_eq!(ok.status, TestStatus::Succeeded);
        assert_eq!(ok.next_state.as_deref(), Some("N"));
        assert_eq!(ok.output, Some(json!({"r": 2})));
        assert_eq!(ok.inspection.get("result"), Some(&json!({"r": 2})));
    }

    #[test]
    fn tolerance_counts_and_percentages() {
        let m = machine(json!({
            "Type": "Map", "ToleratedFailurePercentage": 50, "End": true,
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}
        }));
        let state = m.state(0, "S").unwrap();
        let outcome = |failed| {
            run(&TestRun {
                state,
                input: json!([1, 2, 3, 4]),
                context: json!({}),
                variables: Map::new(),
                mock: Some(Mock::Result(json!([]))),
                retrier_retry_count: 0,
                map_iteration_failure_count: Some(failed),
                map_item_reader_data: None,
                tasks: &NoTasks,
                execution_arn: "arn",
                state_machine_name: "m",
                clock: &Clock::system(),
            })
            .unwrap()
            .status
        };
        assert_eq!(outcome(2), TestStatus::Succeeded);
        assert_eq!(outcome(3), TestStatus::Failed);
    }
}
