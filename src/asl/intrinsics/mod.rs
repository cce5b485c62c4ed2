//! The 18 intrinsic functions (`States.Format`, `States.MathAdd`, ...) with AWS's quirks.
//!
//! Used by payload templates, `…Path` fields and the validator (one parser and arity
//! table for all).
//!
//! An expression is parsed once into a [`Call`] tree (cached per thread, like paths) and
//! then evaluated: arguments first (literals, paths, nested calls), then the function.
//! A path argument that selects nothing is a path failure (AWS reports it as
//! `States.Runtime`, like any missing template path); anything wrong with the argument
//! values is `States.IntrinsicFailure`.
use std::borrow::Cow;
use std::rc::Rc;

use serde_json::Value;

use super::cache::TextCache;
use super::path::{PathError, Scope};
use super::StatesError;

mod functions;
mod parse;

use functions::compact;
pub use parse::{check, parse, Arg, Call, CallError, MAX_NESTING, STRING_FUNCTIONS};

/// True when a template value is an intrinsic call rather than a path.
pub fn is_call(expr: &str) -> bool {
    expr.trim_start().starts_with("States.")
}

/// Evaluates one intrinsic call such as `States.Format('{}', $.x)`.
pub fn evaluate(expr: &str, scope: &Scope) -> Result<Value, StatesError> {
    evaluate_detailed(expr, scope).map_err(|failure| failure.into_error(scope))
}

impl Failure {
    /// The error of a failed call evaluated in `scope`.
    pub fn into_error(self, scope: &Scope) -> StatesError {
        match self {
            Failure::Path { path, .. } => StatesError::runtime(format!(
                "The JSONPath '{path}' could not be found in the input '{}'",
                compact(scope.input)
            )),
            Failure::Intrinsic(cause) => StatesError::intrinsic(cause),
        }
    }
}

/// Why an intrinsic call failed, with enough detail for the caller to word the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A path argument selected nothing (or named an unassigned variable).
    Path { path: String, error: PathError },
    /// The call is malformed or its arguments are unacceptable: `States.IntrinsicFailure`.
    Intrinsic(String),
}

/// Evaluates one intrinsic call, keeping path failures apart from intrinsic failures.
pub fn evaluate_detailed(expr: &str, scope: &Scope) -> Result<Value, Failure> {
    let call = compile(expr).map_err(Failure::Intrinsic)?;
    eval_call(&call, scope)
}

impl Call {
    /// Evaluates a parsed call.
    pub fn evaluate(&self, scope: &Scope) -> Result<Value, Failure> {
        eval_call(self, scope)
    }
}

const CACHE_LIMIT: usize = 256;

thread_local! {
    static CACHE: TextCache<Rc<Call>> = TextCache::new(CACHE_LIMIT);
}

fn compile(expr: &str) -> Result<Rc<Call>, String> {
    CACHE.with(|cache| {
        cache.get_or_compile(expr, || parse(expr).map(Rc::new).map_err(|e| e.to_string()))
    })
}

fn eval_arg<'a>(arg: &Arg, scope: &Scope<'a>) -> Result<Cow<'a, Value>, Failure> {
    Ok(match arg {
        Arg::String { value, .. } => Cow::Owned(Value::String(value.clone())),
        Arg::Number(n) => Cow::Owned(Value::Number(n.clone())),
        Arg::Bool(b) => Cow::Owned(Value::Bool(*b)),
        Arg::Null => Cow::Owned(Value::Null),
        Arg::Path(p) => p.read(scope).map_err(|error| Failure::Path {
            path: p.text().to_string(),
            error,
        })?,
        Arg::Call(call) => Cow::Owned(eval_call(call, scope)?),
    })
}

fn eval_call(call: &Call, scope: &Scope) -> Result<Value, Failure> {
    let args = call
        .args
        .iter()
        .map(|a| eval_arg(a, scope))
        .collect::<Result<Vec<_>, _>>()?;
    let args: Vec<&Value> = args.iter().map(|a| a.as_ref()).collect();
    functions::apply(call, &args).map_err(Failure::Intrinsic)
}

#[cfg(test)]
mod tests;
