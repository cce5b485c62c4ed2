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
use super::task::{TaskInvocation, TaskOutcome, TaskRunner};
use crate::asl::definition::{
    Catcher, Kind, MapState, PathField, QueryLanguage, State, Transition,
};
use crate::asl::error::names;
use crate::asl::path::{PathError, Scope};
use crate::asl::{intrinsics, timestamp, StatesError};
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

impl Runner<'_> {
    fn jsonata(&self) -> bool {
        self.test.state.query_language == QueryLanguage::Jsonata
    }

    fn scope<'s>(&'s self, input: &'s Value) -> Scope<'s> {
        Scope {
            input,
            context: &self.test.context,
            vars: &self.test.variables,
        }
    }

    fn states(&self, result: Option<&Value>, error_output: Option<&Value>) -> Value {
        data::states_binding(&self.test.input, &self.test.context, result, error_output)
    }

    fn jsonata_field(
        &self,
        value: &Value,
        location: &str,
        states: &Value,
    ) -> Result<Value, StatesError> {
        data::evaluate_jsonata(value, location, states, &self.test.variables)
    }

    /// `next` after a normal exit: the state's `Next` (none for `End`).
    fn next(&self) -> Option<String> {
        match &self.test.state.transition {
            Transition::Next(n) => Some(n.clone()),
            _ => None,
        }
    }

    // ------------------------------------------------------------- data flow

    /// InputPath, recorded as `afterInputPath`.
    fn input_path(&mut self) -> Result<Value, StatesError> {
        let selected = match &self.test.state.input_path {
            PathField::Default => self.test.input.clone(),
            PathField::Null => Value::Object(Map::new()),
            PathField::Path(p) => data::read(p, &self.scope(&self.test.input))
                .map_err(|e| data::invalid_path(p, &e))?,
        };
        self.inspection.record("afterInputPath", &selected);
        Ok(selected)
    }

    /// InputPath + Parameters (JSONPath) or Arguments (JSONata): the effective input.
    fn effective_input(&mut self) -> Result<Value, StatesError> {
        let state = self.test.state;
        if self.jsonata() {
            return match &state.arguments {
                Some(arguments) => {
                    let states = self.states(None, None);
                    let v = self.jsonata_field(arguments, "Arguments", &states)?;
                    self.inspection.record("afterArguments", &v);
                    Ok(v)
                }
                None => Ok(self.test.input.clone()),
            };
        }
        let selected = self.input_path()?;
        let effective = match &state.parameters {
            Some(template) => data::evaluate_template(template, &self.scope(&selected))?,
            None => selected,
        };
        self.inspection.record("afterParameters", &effective);
        Ok(effective)
    }

    /// ResultSelector, Assign, ResultPath and OutputPath (JSONPath) or Assign and Output
    /// (JSONata) applied to the work's result.
    fn state_output(
        &mut self,
        result: Value,
        output_override: Option<&Value>,
        assign_override: Option<&Value>,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        let state = self.test.state;
        let produces_result = matches!(
            state.kind,
            Kind::Pass { .. } | Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
        );
        let assign = assign_override.or(state.assign.as_ref());
        if self.jsonata() {
            let has_result = produces_result && !matches!(state.kind, Kind::Pass { .. });
            let states = self.states(has_result.then_some(&result), None);
            let assigned = match assign {
                Some(a) => object(self.jsonata_field(a, "Assign", &states)?),
                None => Map::new(),
            };
            let output = match output_override.or(state.output.as_ref()) {
                Some(o) => self.jsonata_field(o, "Output", &states)?,
                None => result,
            };
            return Ok((output, assigned));
        }
        let mut result = result;
        if produces_result {
            if let Some(selector) = &state.result_selector {
                result = data::evaluate_template(selector, &self.scope(&result))?;
            }
            self.inspection.record("afterResultSelector", &result);
        }
        let assigned = match assign {
            Some(template) => object(data::evaluate_template(template, &self.scope(&result))?),
            None => Map::new(),
        };
        let merged = if produces_result {
            let merged = apply_result_path(&self.test.input, &state.result_path, result)?;
            self.inspection.record("afterResultPath", &merged);
            merged
        } else {
            result
        };
        let output = match &state.output_path {
            PathField::Default => merged,
            PathField::Null => Value::Object(Map::new()),
            PathField::Path(p) => {
                data::read(p, &self.scope(&merged)).map_err(|e| data::invalid_path(p, &e))?
            }
        };
        Ok((output, assigned))
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
        let (output, assigned) = self.state_output(work, None, None)?;
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
            .state_output(result, None, None)
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
        let jsonata = self.jsonata();
        let effective = if jsonata {
            self.test.input.clone()
        } else {
            self.input_path()?
        };
        let states = self.states(None, None);
        let mut chosen = None;
        for rule in &choice.choices {
            let matched = if let Some(parsed) = &rule.rule {
                parsed.evaluate(&self.scope(&effective))?
            } else if let Some(condition) = &rule.condition {
                match self.jsonata_field(condition, "Condition", &states)? {
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
                chosen = Some(rule);
                break;
            }
        }
        let next = match (chosen, &choice.default) {
            (Some(rule), _) => rule.next.clone(),
            (None, Some(default)) => default.clone(),
            (None, None) => {
                return Err(StatesError::new(
                    names::NO_CHOICE_MATCHED,
                    format!(
                        "No Matches! (Choice State '{}' with input '{}')",
                        self.test.state.name,
                        to_text(&effective)
                    ),
                ))
            }
        };
        let (output, assigned) = self.state_output(
            effective,
            chosen.and_then(|r| r.output.as_ref()),
            chosen.and_then(|r| r.assign.as_ref()),
        )?;
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
        let (output, assigned) = self.state_output(effective, None, None)?;
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
        let jsonata = self.jsonata();
        let effective = if jsonata {
            self.test.input.clone()
        } else {
            self.input_path()?
        };
        let states = self.states(None, None);
        if jsonata {
            if let Some(seconds) = &wait.seconds {
                let v = self.jsonata_field(seconds, "Seconds", &states)?;
                if v.as_i64().is_none_or(|s| s < 0) {
                    return Err(StatesError::query_evaluation(format!(
                        "The Seconds field must be a non-negative integer, but was: {}",
                        to_text(&v)
                    )));
                }
            }
            if let Some(ts) = &wait.timestamp {
                let v = self.jsonata_field(ts, "Timestamp", &states)?;
                if v.as_str().and_then(timestamp::parse).is_none() {
                    return Err(StatesError::query_evaluation(format!(
                        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {}",
                        text_of(v)
                    )));
                }
            }
        } else {
            let scope = self.scope(&effective);
            if let Some(p) = &wait.seconds_path {
                let v = data::read(p, &scope).map_err(|_| {
                    StatesError::runtime(format!(
                        "The SecondsPath parameter does not reference an input value: {p}"
                    ))
                })?;
                match v.as_i64() {
                    Some(s) if s < 0 => {
                        return Err(StatesError::runtime(format!(
                            "The SecondsPath parameter references a negative value: {p} == {}",
                            to_text(&v)
                        )))
                    }
                    Some(_) => {}
                    None => {
                        return Err(StatesError::runtime(format!(
                            "The SecondsPath parameter cannot be parsed as a long value: {p} == {}",
                            to_text(&v)
                        )))
                    }
                }
            }
            if let Some(p) = &wait.timestamp_path {
                let v = data::read(p, &scope).map_err(|e| data::invalid_path(p, &e))?;
                if v.as_str().and_then(timestamp::parse).is_none() {
                    return Err(StatesError::runtime(format!(
                        "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {p} == {}",
                        text_of(v)
                    )));
                }
            }
        }
        let (output, assigned) = self.state_output(effective, None, None)?;
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
        let jsonata = self.jsonata();
        if !jsonata {
            self.inspection.record("afterInputPath", &self.test.input);
        }
        let states = self.states(None, None);
        let input = &self.test.input;
        let field = |literal: &Option<Value>, path: &Option<String>, name: &str| {
            if let Some(v) = literal {
                let v = if jsonata {
                    self.jsonata_field(v, name, &states)?
                } else {
                    v.clone()
                };
                return Ok(Some(text_of(v)));
            }
            if let Some(p) = path {
                let scope = self.scope(input);
                let value = if intrinsics::is_call(p) {
                    intrinsics::evaluate(p, &scope)?
                } else {
                    data::read(p, &scope).map_err(|_| {
                        StatesError::runtime(format!(
                            "The JSONPath '{p}' specified for the field '{name}Path' could not be found in the input '{}'",
                            to_text(input)
                        ))
                    })?
                };
                return Ok(Some(text_of(value)));
            }
            Ok::<_, StatesError>(None)
        };
        let error = field(&fail.error, &fail.error_path, "Error")?;
        let cause = field(&fail.cause, &fail.cause_path, "Cause")?;
        // `handle` never retries or catches a Fail state's own failure.
        Err(StatesError { error, cause })
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
        let (output, assigned) = self.state_output(result, None, None)?;
        Ok(Done {
            output,
            assigned,
            next: self.next(),
        })
    }

    /// Whether `failed` of `total` iterations exceed the tolerated failures. AWS checks
    /// only a Map that tolerates some failures; one that tolerates none is left as is.
    fn tolerance_exceeded(&self, failed: u64, total: usize) -> bool {
        let count = self.inspection.tolerated_failure_count;
        let percentage = self.inspection.tolerated_failure_percentage;
        if count.is_none() && percentage.is_none() {
            return false;
        }
        let by_count = count.is_some_and(|c| failed <= c);
        let by_percentage =
            percentage.is_some_and(|p| total > 0 && (failed as f64) * 100.0 / (total as f64) <= p);
        !(by_count || by_percentage)
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
                Some(items) => self.jsonata_field(items, "Items", &states)?,
                None => effective.clone(),
            }
        } else {
            match &map.items_path {
                Some(p) => {
                    let v = data::read(p, &self.scope(&effective))
                        .map_err(|e| data::invalid_path(p, &e))?;
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
            let at = map.items_path.as_deref().unwrap_or("$");
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
        self.map_settings(map, &effective, &states)?;
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
                    let value = if jsonata {
                        let states = data::states_binding(&self.test.input, &context, None, None);
                        self.jsonata_field(selector, "ItemSelector", &states)?
                    } else {
                        let scope = Scope {
                            input: &effective,
                            context: &context,
                            vars: &self.test.variables,
                        };
                        data::evaluate_template(selector, &scope)?
                    };
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
        batcher: &Value,
        items: Value,
        effective: &Value,
        states: &Value,
    ) -> Result<Value, StatesError> {
        let jsonata = self.jsonata();
        let field = |name: &str| -> Result<Option<Value>, StatesError> {
            match batcher.get(name) {
                Some(v) if jsonata => Ok(Some(self.jsonata_field(v, name, states)?)),
                Some(v) if name == "BatchInput" => {
                    Ok(Some(data::evaluate_template(v, &self.scope(effective))?))
                }
                Some(v) => Ok(Some(v.clone())),
                None => match batcher
                    .get(format!("{name}Path").as_str())
                    .and_then(Value::as_str)
                {
                    Some(p) if !jsonata => Ok(Some(
                        data::read(p, &self.scope(effective))
                            .map_err(|e| data::invalid_path(p, &e))?,
                    )),
                    _ => Ok(None),
                },
            }
        };
        let size = field("MaxItemsPerBatch")?
            .and_then(|v| v.as_u64())
            .filter(|n| *n > 0)
            .unwrap_or(u64::MAX) as usize;
        let batch_input = field("BatchInput")?;
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
    fn map_settings(
        &mut self,
        map: &MapState,
        effective: &Value,
        states: &Value,
    ) -> Result<(), StatesError> {
        let jsonata = self.jsonata();
        let resolve = |literal: &Option<Value>,
                       path: &Option<String>,
                       name: &str|
         -> Result<Option<Value>, StatesError> {
            if let Some(v) = literal {
                return Ok(Some(if jsonata {
                    self.jsonata_field(v, name, states)?
                } else {
                    v.clone()
                }));
            }
            if let Some(p) = path {
                return Ok(Some(
                    data::read(p, &self.scope(effective)).map_err(|e| data::invalid_path(p, &e))?,
                ));
            }
            Ok(None)
        };
        let number = |v: &Value| match v {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        let concurrency = resolve(
            &map.max_concurrency,
            &map.max_concurrency_path,
            "MaxConcurrency",
        )?;
        let count = resolve(
            &map.tolerated_failure_count,
            &map.tolerated_failure_count_path,
            "ToleratedFailureCount",
        )?;
        let percentage = resolve(
            &map.tolerated_failure_percentage,
            &map.tolerated_failure_percentage_path,
            "ToleratedFailurePercentage",
        )?;
        self.inspection.max_concurrency =
            Some(concurrency.as_ref().and_then(number).unwrap_or(0.0) as i64);
        if let Some(v) = count {
            match number(&v) {
                Some(n) if n >= 0.0 => self.inspection.tolerated_failure_count = Some(n as u64),
                _ => {
                    return Err(StatesError::runtime(format!(
                        "The ToleratedFailureCount field refers to value \"{}\" which is not a valid integer",
                        text_of(v)
                    )))
                }
            }
        }
        if let Some(v) = percentage {
            match number(&v) {
                Some(n) if (0.0..=100.0).contains(&n) => {
                    self.inspection.tolerated_failure_percentage = Some(n)
                }
                _ => {
                    return Err(StatesError::runtime(
                        "ToleratedFailurePercentage must be between 0 and 100.",
                    ))
                }
            }
        }
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
        let error_output = json!({"Error": err.error, "Cause": err.cause});
        if self.jsonata() {
            let states = self.states(None, Some(&error_output));
            let assigned = match &catcher.assign {
                Some(a) => object(self.jsonata_field(a, "Assign", &states)?),
                None => Map::new(),
            };
            let output = match &catcher.output {
                Some(o) => self.jsonata_field(o, "Output", &states)?,
                None => error_output,
            };
            return Ok((output, assigned));
        }
        let assigned = match &catcher.assign {
            Some(t) => object(data::evaluate_template(t, &self.scope(&error_output))?),
            None => Map::new(),
        };
        let output = apply_result_path(&self.test.input, &catcher.result_path, error_output)?;
        Ok((output, assigned))
    }
}

fn apply_result_path(
    raw: &Value,
    result_path: &PathField,
    result: Value,
) -> Result<Value, StatesError> {
    match result_path {
        PathField::Default => Ok(result),
        PathField::Null => Ok(raw.clone()),
        PathField::Path(p) => data::write(raw.clone(), p, result).map_err(|e| match e {
            PathError::CannotWrite(m) => StatesError::new(names::RESULT_PATH_MATCH_FAILURE, m),
            other => data::invalid_path(p, &other),
        }),
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn text_of(value: Value) -> String {
    match value {
        Value::String(s) => s,
        other => to_text(&other),
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
            })
            .unwrap()
            .status
        };
        assert_eq!(outcome(2), TestStatus::Succeeded);
        assert_eq!(outcome(3), TestStatus::Failed);
    }
}
