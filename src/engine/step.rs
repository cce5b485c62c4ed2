//! What a state does with its data, free of I/O, clocks and history: the data flow every
//! state type shares (InputPath → Parameters/Arguments → work → ResultSelector →
//! ResultPath → OutputPath, Assign, Catch) and the work of each state type that needs no
//! outside world (Choice's rule, Wait's end, Fail's error, Task limits, Map settings).
//!
//! The executor runs these steps and records history events; TestState runs the same steps
//! and records what each one produced through an [`Observer`] (its `inspectionData`).
use serde_json::{Map, Value};

use super::data;
use crate::asl::definition::{
    Catcher, Choice, ChoiceRule, Fail, Kind, MapState, PathField, QueryLanguage, State, Task, Wait,
};
use crate::asl::error::names;
use crate::asl::field::{
    invalid_path, FailureCount, FailurePercentage, Field, FieldType, MaxConcurrency, Scope,
    TaskSeconds, Timestamp, WaitSeconds,
};
use crate::asl::jsonata::{Bindings, Expr};
use crate::asl::path::PathError;
use crate::asl::{StatesError, Variables};
use crate::history::text::to_text;

/// Sees the data at each processing step (`afterInputPath`, `afterParameters`...).
pub trait Observer {
    fn record(&mut self, step: &'static str, value: &Value);
}

/// An execution records no processing steps.
pub struct Unobserved;

impl Observer for Unobserved {
    fn record(&mut self, _: &'static str, _: &Value) {}
}

/// One state's data flow: its raw input, its context object and the variables it sees.
pub struct Flow<'a> {
    pub state: &'a State,
    pub input: &'a Value,
    pub context: &'a Value,
    pub vars: &'a dyn Variables,
}

impl<'a> Flow<'a> {
    pub fn new(
        state: &'a State,
        input: &'a Value,
        context: &'a Value,
        vars: &'a dyn Variables,
    ) -> Self {
        Flow {
            state,
            input,
            context,
            vars,
        }
    }

    pub fn jsonata(&self) -> bool {
        self.state.query_language == QueryLanguage::Jsonata
    }

    /// The scope of fields that read `input` as `$`.
    pub fn scope<'s>(&'s self, input: &'s Value) -> Scope<'s> {
        Scope::new(input, self.context, self.vars)
    }

    /// JSONata's `$states` (`null` for a JSONPath state: building it copies the input).
    pub fn states(&self, result: Option<&Value>, error_output: Option<&Value>) -> Value {
        if self.jsonata() {
            data::states_binding(self.input, self.context, result, error_output)
        } else {
            Value::Null
        }
    }

    fn jsonata_field(&self, expr: &Expr, name: &str, states: &Value) -> Result<Value, StatesError> {
        expr.evaluate(
            name,
            &Bindings {
                states,
                vars: self.vars,
            },
        )
    }

    /// InputPath.
    pub fn input_path(&self, observer: &mut dyn Observer) -> Result<Value, StatesError> {
        let selected = match &self.state.input_path {
            PathField::Default => self.input.clone(),
            PathField::Null => Value::Object(Map::new()),
            PathField::Path(p) => p.select(&self.scope(self.input))?,
        };
        observer.record("afterInputPath", &selected);
        Ok(selected)
    }

    /// InputPath + Parameters (JSONPath) or Arguments (JSONata): what the work receives.
    pub fn effective_input(&self, observer: &mut dyn Observer) -> Result<Value, StatesError> {
        if self.jsonata() {
            return match &self.state.arguments {
                Some(arguments) => {
                    let states = self.states(None, None);
                    let value = self.jsonata_field(arguments, "Arguments", &states)?;
                    observer.record("afterArguments", &value);
                    Ok(value)
                }
                None => Ok(self.input.clone()),
            };
        }
        let selected = self.input_path(observer)?;
        let effective = match &self.state.parameters {
            Some(template) => template.evaluate(&self.scope(&selected))?,
            None => selected,
        };
        observer.record("afterParameters", &effective);
        Ok(effective)
    }

    /// The output and assignments of a state whose work produced `result` (Pass, Task,
    /// Parallel and Map produce one; otherwise `result` is the effective input flowing
    /// through). `rule`: the Choice rule taken, whose Output and Assign win. `raw`: the
    /// raw input by value when the caller no longer needs it, so that ResultPath merges
    /// into it without copying a large payload.
    pub fn output(
        &self,
        result: Value,
        rule: Option<&ChoiceRule>,
        raw: Option<Value>,
        observer: &mut dyn Observer,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        let state = self.state;
        let produces_result = matches!(
            state.kind,
            Kind::Pass { .. } | Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
        );
        let assign = rule
            .and_then(|r| r.assign.as_ref())
            .or(state.assign.as_ref());
        if self.jsonata() {
            let has_result = produces_result && !matches!(state.kind, Kind::Pass { .. });
            let states = self.states(has_result.then_some(&result), None);
            let assigned = match assign {
                Some(a) => object(a.evaluate("Assign", &self.field_scope(self.input, &states))?),
                None => Map::new(),
            };
            let output = match rule
                .and_then(|r| r.output.as_ref())
                .or(state.output.as_ref())
            {
                Some(o) => self.jsonata_field(o, "Output", &states)?,
                None => result,
            };
            return Ok((output, assigned));
        }
        let result = match &state.result_selector {
            Some(selector) => selector.evaluate(&self.scope(&result))?,
            None => result,
        };
        if produces_result {
            observer.record("afterResultSelector", &result);
        }
        let assigned = match assign {
            Some(template) => object(template.evaluate("Assign", &self.scope(&result))?),
            None => Map::new(),
        };
        let merged = if produces_result {
            let raw = raw.unwrap_or_else(|| match state.result_path {
                PathField::Default => Value::Null,
                _ => self.input.clone(),
            });
            let merged = apply_result_path(raw, &state.result_path, result)?;
            observer.record("afterResultPath", &merged);
            merged
        } else {
            result
        };
        let output = match &state.output_path {
            PathField::Default => merged,
            PathField::Null => Value::Object(Map::new()),
            PathField::Path(p) => p.select(&self.scope(&merged))?,
        };
        Ok((output, assigned))
    }

    /// A catcher's output and assignments for the error `err`.
    pub fn caught(
        &self,
        catcher: &Catcher,
        err: &StatesError,
    ) -> Result<(Value, Map<String, Value>), StatesError> {
        let error_value = error_output(err);
        if self.jsonata() {
            let states = self.states(None, Some(&error_value));
            let assigned = match &catcher.assign {
                Some(a) => object(a.evaluate("Assign", &self.field_scope(self.input, &states))?),
                None => Map::new(),
            };
            let output = match &catcher.output {
                Some(o) => self.jsonata_field(o, "Output", &states)?,
                None => error_value,
            };
            return Ok((output, assigned));
        }
        let assigned = match &catcher.assign {
            Some(t) => object(t.evaluate("Assign", &self.scope(&error_value))?),
            None => Map::new(),
        };
        let output = apply_result_path(self.input.clone(), &catcher.result_path, error_value)?;
        Ok((output, assigned))
    }

    /// The scope of a state-type field reading `input` as `$` (and `$states` in JSONata).
    fn field_scope<'s>(&'s self, input: &'s Value, states: &'s Value) -> Scope<'s> {
        self.scope(input).with_states(states)
    }
}

/// What a catcher receives: `{"Error", "Cause"}`. A timeout carries no cause in its
/// events, yet AWS hands catchers an empty one.
pub fn error_output(err: &StatesError) -> Value {
    let cause = match (&err.cause, err.error.as_deref()) {
        (None, Some(names::TIMEOUT)) => Value::String(String::new()),
        (cause, _) => serde_json::json!(cause),
    };
    serde_json::json!({"Error": err.error, "Cause": cause})
}

/// ResultPath: where the result goes in the raw input.
pub fn apply_result_path(
    raw: Value,
    result_path: &PathField,
    result: Value,
) -> Result<Value, StatesError> {
    match result_path {
        PathField::Default => Ok(result),
        PathField::Null => Ok(raw),
        PathField::Path(p) => p.write(raw, result).map_err(|e| match e {
            PathError::CannotWrite(m) => StatesError::new(names::RESULT_PATH_MATCH_FAILURE, m),
            other => invalid_path(p.text(), &other),
        }),
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Choice: the first rule that matches the effective input, or the Default (`None`
/// rule), or `States.NoChoiceMatched`.
pub fn choose<'s>(
    flow: &Flow,
    choice: &'s Choice,
    effective: &Value,
) -> Result<(String, Option<&'s ChoiceRule>), StatesError> {
    let states = flow.states(None, None);
    let scope = flow.field_scope(effective, &states);
    for rule in &choice.choices {
        let matched = if let Some(parsed) = &rule.rule {
            parsed.evaluate(&scope)?
        } else if let Some(condition) = &rule.condition {
            condition.resolve(&scope)?
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
                flow.state.name,
                to_text(effective)
            ),
        )),
    }
}

/// Wait: when it ends (ms since the epoch), `now` being when it started. A delay past
/// ~2^31 seconds is too long.
pub fn wait_until(
    flow: &Flow,
    wait: &Wait,
    effective: &Value,
    now: i64,
) -> Result<i64, StatesError> {
    let states = flow.states(None, None);
    let scope = flow.field_scope(effective, &states);
    let too_long = || StatesError::runtime("Wait state delay is too long.");
    if let Some(seconds) = &wait.seconds {
        let WaitSeconds(seconds) = seconds.resolve(&scope)?;
        if seconds > i32::MAX as u64 {
            return Err(too_long());
        }
        return Ok(now + seconds as i64 * 1000);
    }
    if let Some(timestamp) = &wait.timestamp {
        let Timestamp(t) = timestamp.resolve(&scope)?;
        let millis = t.timestamp_millis();
        if (millis - now) / 1000 > i64::from(i32::MAX) {
            return Err(too_long());
        }
        return Ok(millis);
    }
    Ok(now)
}

/// Fail: the error and cause it fails with (literal, by path, by intrinsic or JSONata).
pub fn fail_error(flow: &Flow, fail: &Fail) -> Result<StatesError, StatesError> {
    let states = flow.states(None, None);
    let scope = flow.field_scope(flow.input, &states);
    Ok(StatesError {
        error: resolve(&fail.error, &scope)?,
        cause: resolve(&fail.cause, &scope)?,
    })
}

/// Task: `TimeoutSeconds` and `HeartbeatSeconds`, positive integers.
pub fn task_limits(flow: &Flow, task: &Task) -> Result<(Option<u64>, Option<u64>), StatesError> {
    let states = flow.states(None, None);
    let scope = flow.field_scope(flow.input, &states);
    let seconds = |field| Ok::<_, StatesError>(resolve(field, &scope)?.map(|TaskSeconds(s)| s));
    Ok((
        seconds(&task.timeout_seconds)?,
        seconds(&task.heartbeat_seconds)?,
    ))
}

/// An optional field's value (`None` when the field is not given).
fn resolve<T: FieldType>(
    field: &Option<Field<T>>,
    scope: &Scope,
) -> Result<Option<T>, StatesError> {
    field.as_ref().map(|f| f.resolve(scope)).transpose()
}

/// Map: `MaxConcurrency` (0: no limit).
pub fn max_concurrency(flow: &Flow, map: &MapState, effective: &Value) -> Result<i64, StatesError> {
    let Some(field) = &map.max_concurrency else {
        return Ok(0);
    };
    let states = flow.states(None, None);
    let MaxConcurrency(n) = field.resolve(&flow.field_scope(effective, &states))?;
    Ok(n)
}

/// How many failed Map items are tolerated.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tolerance {
    pub count: Option<u64>,
    pub percentage: Option<f64>,
}

impl Tolerance {
    /// Whether `failed` of `total` items are within the tolerance: either limit tolerating
    /// is enough; none given tolerates no failure. `None`: only the percentage could tell
    /// and the total is not known yet (a streamed reader).
    pub fn tolerates(&self, failed: u64, total: Option<u64>) -> Option<bool> {
        if failed == 0 || self.count.is_some_and(|c| failed <= c) {
            return Some(true);
        }
        match (self.percentage, total) {
            (Some(p), Some(t)) => Some(t > 0 && failed as f64 * 100.0 / t as f64 <= p),
            (Some(_), None) => None,
            (None, _) => Some(false),
        }
    }

    pub fn is_set(&self) -> bool {
        self.count.is_some() || self.percentage.is_some()
    }
}

/// Map: `ToleratedFailureCount` and `ToleratedFailurePercentage`.
pub fn tolerance(flow: &Flow, map: &MapState, effective: &Value) -> Result<Tolerance, StatesError> {
    let states = flow.states(None, None);
    let scope = flow.field_scope(effective, &states);
    Ok(Tolerance {
        count: resolve(&map.tolerated_failure_count, &scope)?.map(|FailureCount(n)| n),
        percentage: resolve(&map.tolerated_failure_percentage, &scope)?
            .map(|FailurePercentage(p)| p),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_counts_percentages_and_unknown_totals() {
        let none = Tolerance::default();
        assert_eq!(none.tolerates(0, Some(3)), Some(true));
        assert_eq!(none.tolerates(1, Some(3)), Some(false));
        let count = Tolerance {
            count: Some(1),
            percentage: None,
        };
        assert_eq!(count.tolerates(1, None), Some(true));
        assert_eq!(count.tolerates(2, Some(10)), Some(false));
        let percent = Tolerance {
            count: Some(0),
            percentage: Some(50.0),
        };
        assert_eq!(percent.tolerates(2, Some(4)), Some(true));
        assert_eq!(percent.tolerates(3, Some(4)), Some(false));
        assert_eq!(percent.tolerates(3, None), None);
        assert_eq!(percent.tolerates(1, Some(0)), Some(false));
    }
}
