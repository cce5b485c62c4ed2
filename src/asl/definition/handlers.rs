//! Error handlers: a state's `Retry` and `Catch` lists, compiled for the engine.
use serde_json::{Map, Value};

use super::{path_field, required_next, wrong, Catcher, DefinitionError, QueryLanguage, Retrier};
use crate::asl::ast;
use crate::asl::field::Payload;
use crate::asl::jsonata::Expr;

fn error_equals(obj: &Map<String, Value>, at: &str) -> Result<Vec<String>, DefinitionError> {
    let at = format!("{at}/ErrorEquals");
    obj.get("ErrorEquals")
        .and_then(Value::as_array)
        .ok_or_else(|| DefinitionError::Required {
            field: "ErrorEquals",
            at: at.clone(),
        })?
        .iter()
        .map(|v| {
            v.as_str()
                .map(String::from)
                .ok_or_else(|| DefinitionError::ErrorNames { at: at.clone() })
        })
        .collect()
}

pub(super) fn parse_retry(
    obj: &Map<String, Value>,
    at: &str,
) -> Result<Vec<Retrier>, DefinitionError> {
    let Some(list) = obj.get("Retry") else {
        return Ok(Vec::new());
    };
    let list = list
        .as_array()
        .ok_or_else(|| DefinitionError::wrong_type("Retry", "an array", format!("{at}/Retry")))?;
    list.iter()
        .enumerate()
        .map(|(i, r)| {
            let at = format!("{at}/Retry[{i}]");
            let r = r
                .as_object()
                .ok_or_else(|| DefinitionError::wrong_type("a retrier", "an object", at.clone()))?;
            let number = |key: &str| r.get(key).and_then(Value::as_f64);
            Ok(Retrier {
                error_equals: error_equals(r, &at)?,
                interval_seconds: number("IntervalSeconds").unwrap_or(1.0),
                max_attempts: r
                    .get("MaxAttempts")
                    .and_then(Value::as_u64)
                    .map(|n| n.min(u64::from(u32::MAX)) as u32)
                    .unwrap_or(3),
                backoff_rate: number("BackoffRate").unwrap_or(2.0),
                max_delay_seconds: number("MaxDelaySeconds"),
                full_jitter: r.get("JitterStrategy").and_then(Value::as_str) == Some("FULL"),
            })
        })
        .collect()
}

pub(super) fn parse_catch(
    state: &ast::State,
    language: QueryLanguage,
) -> Result<Vec<Catcher>, DefinitionError> {
    let Some(catch) = &state.catch else {
        return Ok(Vec::new());
    };
    let catchers = catch
        .ok()
        .ok_or_else(|| wrong(catch, "Catch", "an array"))?;
    catchers
        .iter()
        .map(|catcher| {
            let at = &catcher.location;
            let c = catcher
                .fields
                .ok_or_else(|| DefinitionError::wrong_type("a catcher", "an object", at.clone()))?;
            Ok(Catcher {
                error_equals: error_equals(c, at)?,
                next: required_next(catcher)?,
                result_path: path_field(c, "ResultPath", at)?,
                output: c.get("Output").map(Expr::new),
                assign: c.get("Assign").map(|a| Payload::new(a, language)),
            })
        })
        .collect()
}
