//! What each dynamic field produces, and how AWS words a value that is not one: the one
//! conversion per target type. Path and JSONata forms are worded differently by AWS
//! (`States.Runtime` naming `<Name>Path` and the path, against
//! `States.QueryEvaluationError` naming the field), so a conversion is told which form
//! the value came from through its [`Site`].
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::{invalid_path, shown, Scope};
use crate::asl::error::names;
use crate::asl::path::PathError;
use crate::asl::{timestamp, StatesError};
use crate::history::text::to_text;

/// Where a value came from, for the wording of its errors.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    /// The field's name (`Seconds`, `MaxConcurrency`).
    pub name: &'static str,
    /// The path (or intrinsic call) text when the field is its `<Name>Path` form.
    pub path: Option<&'a str>,
    /// Whether the state is in JSONata.
    pub jsonata: bool,
}

/// A type a [`super::Field`] resolves to.
pub trait FieldType: Sized + Clone {
    /// Converts the value the field yielded, or words why AWS refuses it.
    fn convert(value: Value, site: &Site) -> Result<Self, StatesError>;

    /// The error when the `<Name>Path` selects nothing: AWS's `Invalid path` unless the
    /// field words it otherwise.
    fn path_failed(site: &Site, _scope: &Scope, e: &PathError) -> StatesError {
        invalid_path(site.path.unwrap_or_default(), e)
    }
}

/// Any JSON: the value as it was yielded.
impl FieldType for Value {
    fn convert(value: Value, _: &Site) -> Result<Value, StatesError> {
        Ok(value)
    }
}

/// Fail's `Error` and `Cause`: any value, strings bare and anything else as JSON text.
impl FieldType for String {
    fn convert(value: Value, _: &Site) -> Result<String, StatesError> {
        Ok(match value {
            Value::String(s) => s,
            other => shown(&other),
        })
    }

    fn path_failed(site: &Site, scope: &Scope, _: &PathError) -> StatesError {
        StatesError::runtime(format!(
            "The JSONPath '{}' specified for the field '{}Path' could not be found in the input '{}'",
            site.path.unwrap_or_default(),
            site.name,
            to_text(scope.input)
        ))
    }
}

/// A JSONata Choice rule's `Condition`.
impl FieldType for bool {
    fn convert(value: Value, site: &Site) -> Result<bool, StatesError> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(StatesError::query_evaluation(format!(
                "The {} field evaluated to a non-boolean value: {}",
                site.name,
                to_text(&other)
            ))),
        }
    }
}

/// Wait's `Seconds`: a non-negative whole number. A path may select a number past
/// `i64` (which the Wait then finds too long).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitSeconds(pub u64);

impl FieldType for WaitSeconds {
    fn convert(value: Value, site: &Site) -> Result<WaitSeconds, StatesError> {
        let Some(p) = site.path else {
            return match value.as_i64() {
                Some(s) if s >= 0 => Ok(WaitSeconds(s as u64)),
                _ => Err(StatesError::query_evaluation(format!(
                    "The {} field must be a non-negative integer, but was: {}",
                    site.name,
                    to_text(&value)
                ))),
            };
        };
        match (value.as_i64(), value.as_u64()) {
            (Some(s), _) if s < 0 => Err(StatesError::runtime(format!(
                "The {}Path parameter references a negative value: {p} == {}",
                site.name,
                to_text(&value)
            ))),
            (_, Some(s)) => Ok(WaitSeconds(s)),
            _ => Err(StatesError::runtime(format!(
                "The {}Path parameter cannot be parsed as a long value: {p} == {}",
                site.name,
                to_text(&value)
            ))),
        }
    }

    fn path_failed(site: &Site, _: &Scope, _: &PathError) -> StatesError {
        StatesError::runtime(format!(
            "The {}Path parameter does not reference an input value: {}",
            site.name,
            site.path.unwrap_or_default()
        ))
    }
}

/// Wait's `Timestamp`: an RFC 3339 date-time in the profile AWS accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp(pub DateTime<FixedOffset>);

impl FieldType for Timestamp {
    fn convert(value: Value, site: &Site) -> Result<Timestamp, StatesError> {
        if let Some(t) = value.as_str().and_then(timestamp::parse) {
            return Ok(Timestamp(t));
        }
        Err(match site.path {
            Some(p) => StatesError::runtime(format!(
                "The {}Path parameter does not reference a valid ISO-8601 extended offset date-time format string: {p} == {}",
                site.name,
                shown(&value)
            )),
            None => {
                let message = format!(
                    "The {} field cannot be parsed as an ISO-8601 extended offset date-time format string: {}",
                    site.name,
                    shown(&value)
                );
                if site.jsonata {
                    StatesError::query_evaluation(message)
                } else {
                    StatesError::runtime(message)
                }
            }
        })
    }
}

/// A Task's `TimeoutSeconds` and `HeartbeatSeconds`: a positive whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskSeconds(pub u64);

impl FieldType for TaskSeconds {
    fn convert(value: Value, site: &Site) -> Result<TaskSeconds, StatesError> {
        match (value.as_u64(), site.path) {
            (Some(n), _) if n > 0 => Ok(TaskSeconds(n)),
            (_, Some(p)) => Err(StatesError::runtime(format!(
                "The {}Path parameter references an invalid value: {p} == {}",
                site.name,
                to_text(&value)
            ))),
            (_, None) => Err(StatesError::query_evaluation(format!(
                "The {} field must be a positive integer, but was: {}",
                site.name,
                to_text(&value)
            ))),
        }
    }
}

/// A whole number given as a number or as the text of one (AWS accepts `"5"` for the
/// Map's numeric settings).
fn integer(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    }
}

/// `The <Name>Path field refers to value "<v>" which is not a valid <what>: <path>`.
fn not_valid(site: &Site, value: &Value, what: &str) -> StatesError {
    StatesError::runtime(format!(
        "The {}Path field refers to value \"{}\" which is not a valid {what}: {}",
        site.name,
        shown(value),
        site.path.unwrap_or_default()
    ))
}

/// A Map's `MaxConcurrency` (0: no limit). A computed value that is not a whole number
/// means no limit; by path it is an error, as is a negative number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxConcurrency(pub i64);

impl FieldType for MaxConcurrency {
    fn convert(value: Value, site: &Site) -> Result<MaxConcurrency, StatesError> {
        let n = integer(&value);
        if site.path.is_none() {
            return Ok(MaxConcurrency(n.unwrap_or(0)));
        }
        match n {
            Some(n) if n >= 0 => Ok(MaxConcurrency(n)),
            _ => Err(not_valid(site, &value, "integer")),
        }
    }
}

/// A Map's `ToleratedFailureCount`: a whole number of items, not negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureCount(pub u64);

impl FieldType for FailureCount {
    fn convert(value: Value, site: &Site) -> Result<FailureCount, StatesError> {
        match integer(&value) {
            Some(n) if n < 0 => Err(StatesError::runtime(format!(
                "{} cannot be negative.",
                site.name
            ))),
            Some(n) => Ok(FailureCount(n as u64)),
            None => Err(not_valid(site, &value, "integer")),
        }
    }
}

/// A Map's `ToleratedFailurePercentage`: a number (or the text of one) from 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FailurePercentage(pub f64);

impl FieldType for FailurePercentage {
    fn convert(value: Value, site: &Site) -> Result<FailurePercentage, StatesError> {
        let n = match &value {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        };
        match n {
            Some(n) if !(0.0..=100.0).contains(&n) => Err(StatesError::runtime(format!(
                "{} must be between 0 and 100.",
                site.name
            ))),
            Some(n) => Ok(FailurePercentage(n)),
            None => Err(not_valid(site, &value, "float")),
        }
    }
}

/// `The <Name>Path field refers to value "<v>" which is not a valid integer` (the
/// distributed Map's reader and batcher limits name no path).
fn whole(value: &Value, site: &Site) -> Result<i64, StatesError> {
    integer(value).ok_or_else(|| {
        StatesError::runtime(format!(
            "The {}Path field refers to value \"{}\" which is not a valid integer",
            site.name,
            match value {
                Value::String(s) => s.clone(),
                other => to_text(other),
            }
        ))
    })
}

/// An ItemReader's `MaxItems` (0, or `null`: no limit). A negative number fails the
/// reader (`States.ItemReaderFailed`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxItems(pub u64);

impl FieldType for MaxItems {
    fn convert(value: Value, site: &Site) -> Result<MaxItems, StatesError> {
        if value.is_null() {
            return Ok(MaxItems(0));
        }
        match whole(&value, site)? {
            n if n < 0 => Err(StatesError::new(
                names::ITEM_READER_FAILED,
                format!("field {} must be positive", site.name),
            )),
            n => Ok(MaxItems(n as u64)),
        }
    }
}

/// An ItemBatcher's `MaxItemsPerBatch` or `MaxInputBytesPerBatch` (`null`: not set; a
/// negative number counts as 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchLimit(pub Option<u64>);

impl FieldType for BatchLimit {
    fn convert(value: Value, site: &Site) -> Result<BatchLimit, StatesError> {
        if value.is_null() {
            return Ok(BatchLimit(None));
        }
        Ok(BatchLimit(Some(whole(&value, site)?.max(0) as u64)))
    }
}
