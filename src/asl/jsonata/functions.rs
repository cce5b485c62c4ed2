//! The functions AWS adds to JSONata (`$partition`, `$range`, `$hash`, `$random` with a seed,
//! `$uuid`, `$parse`), and `$eval`, which AWS removes.
//!
//! They are host functions of `jlens-core`, so they take part in the evaluation like the
//! built-ins: arguments are checked against a signature (`T0410`), and a failure stops the
//! evaluation with a JSONata error code. AWS documents no codes for their failures; ours use
//! the `D9xxx` range, which JSONata leaves unused, with a message that says what was wrong.
use jlens_core::{Bindings, Error, HostFunction};
use serde_json::Value;

use crate::asl::host::{self, JavaRandom};

/// `$range` (like `States.ArrayRange`) builds at most this many items.
const MAX_RANGE_ITEMS: usize = 1000;

/// The names of the functions AWS adds, without the `$`.
pub const AWS_FUNCTIONS: &[&str] = &["partition", "range", "hash", "random", "uuid", "parse"];

/// Bindings holding the AWS functions and hiding `$eval`; evaluations add their variables to
/// a clone of them (cheap: the functions are shared).
pub fn base_bindings() -> Bindings {
    Bindings::new()
        .function("partition", partition())
        .function("range", range())
        .function("hash", hash())
        .function("random", random())
        .function("uuid", uuid())
        .function("parse", parse())
        .function("eval", eval_unavailable())
}

fn failure(code: &str, message: impl Into<String>) -> Error {
    Error::new(code).with("message", message.into())
}

fn signature(text: &str, imp: Implementation) -> HostFunction {
    HostFunction::with_signature(text, imp)
        // The signatures are constants of this file; a test compiles each of them.
        .unwrap_or_else(|_| HostFunction::new(0, |_, _| Err(Error::new("U2004"))))
        .without_input()
}

type Implementation =
    fn(&[Option<Value>], &jlens_core::HostCall<'_>) -> jlens_core::Result<Option<Value>>;

fn arg(args: &[Option<Value>], index: usize) -> Option<&Value> {
    args.get(index).and_then(Option::as_ref)
}

/// A JSON number that is a whole number, as an `i64`.
fn integer(value: Option<&Value>) -> Option<i64> {
    let number = value?.as_f64()?;
    (number.fract() == 0.0 && number.abs() < 9.007_199_254_740_992e15).then_some(number as i64)
}

/// `$partition(array, size)`: consecutive chunks of `size` items; the last may be shorter.
fn partition() -> HostFunction {
    signature("<an:a>", |args, _| {
        let Some(items) = arg(args, 0) else {
            return Ok(None);
        };
        let items = match items {
            Value::Array(items) => items.as_slice(),
            single => std::slice::from_ref(single),
        };
        let size = match integer(arg(args, 1)) {
            Some(size) if size > 0 => size as usize,
            _ => {
                return Err(failure(
                    "D9001",
                    "The chunk size of function partition must be a positive integer",
                ));
            }
        };
        let chunks = items
            .chunks(size)
            .map(|chunk| Value::Array(chunk.to_vec()))
            .collect();
        Ok(Some(Value::Array(chunks)))
    })
}

/// `$range(start, end, step)`: from `start` by `step`, including `end` when a step lands on
/// it. The result is a JSONata sequence, so one item is the item itself (AWS answers `1` for
/// `$range(1, 9, 9)`) and none is undefined.
fn range() -> HostFunction {
    signature("<nnn:a>", |args, _| {
        let (Some(start), Some(end), Some(step)) = (
            integer(arg(args, 0)),
            integer(arg(args, 1)),
            integer(arg(args, 2)),
        ) else {
            return Err(failure(
                "D9002",
                "The arguments of function range must be integers",
            ));
        };
        if step == 0 {
            return Err(failure(
                "D9002",
                "The step of function range must not be zero",
            ));
        }
        let count = if (step > 0 && start > end) || (step < 0 && start < end) {
            0
        } else {
            (end.abs_diff(start) / step.unsigned_abs()) as usize + 1
        };
        if count > MAX_RANGE_ITEMS {
            return Err(failure(
                "D9002",
                format!(
                    "The function range would create {count} items, more than the limit of {MAX_RANGE_ITEMS}"
                ),
            ));
        }
        let mut items: Vec<Value> = (0..count as i64)
            .map(|i| Value::from(start + i * step))
            .collect();
        Ok(match items.len() {
            0 => None,
            1 => items.pop(),
            _ => Some(Value::Array(items)),
        })
    })
}

/// `$hash(value, algorithm)`: the lowercase hex digest of a string's UTF-8 bytes.
fn hash() -> HostFunction {
    signature("<ss:s>", |args, _| {
        let (Some(Value::String(data)), Some(Value::String(algorithm))) =
            (arg(args, 0), arg(args, 1))
        else {
            return Ok(None);
        };
        match host::hash(data.as_bytes(), algorithm) {
            Some(digest) => Ok(Some(Value::String(digest))),
            None => Err(failure(
                "D9003",
                format!(
                    "The hash algorithm '{algorithm}' is not supported; use one of {}",
                    host::HASH_ALGORITHMS
                ),
            )),
        }
    })
}

/// `$random([seed])`: a number in [0, 1). With a seed, the first draw of a generator seeded
/// with it, so the same seed always gives the same number (the generator is Java's
/// `java.util.Random`, a well-known, fully specified one).
fn random() -> HostFunction {
    signature("<n?:n>", |args, _| {
        let value = match arg(args, 0).and_then(Value::as_f64) {
            None => rand::random::<f64>(),
            Some(seed) => JavaRandom::new(seed as i64).next_double(),
        };
        Ok(Some(Value::from(value)))
    })
}

/// `$uuid()`: a random version 4 UUID.
fn uuid() -> HostFunction {
    signature("<:s>", |_, _| {
        Ok(Some(Value::String(uuid::Uuid::new_v4().to_string())))
    })
}

/// `$parse(text)`: the JSON value a string holds (AWS's replacement for `$eval`).
fn parse() -> HostFunction {
    signature("<s:j>", |args, _| {
        let Some(Value::String(text)) = arg(args, 0) else {
            return Ok(None);
        };
        serde_json::from_str::<Value>(text)
            .map(Some)
            .map_err(|error| {
                failure(
                    "D9004",
                    format!("The argument of function parse is not valid JSON: {error}"),
                )
            })
    })
}

/// AWS does not provide `$eval`: calling it fails as calling any unknown function does.
fn eval_unavailable() -> HostFunction {
    HostFunction::new(1, |_, _| Err(Error::new("T1006"))).without_input()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signature_compiles() {
        for text in ["<an:a>", "<nnn:a>", "<ss:s>", "<n?:n>", "<:s>", "<s:j>"] {
            assert!(HostFunction::with_signature(text, |_, _| Ok(None)).is_ok());
        }
    }
}
