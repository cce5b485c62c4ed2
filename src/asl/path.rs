//! JSONPath as AWS (Jayway-based) evaluates it: `$` is the data, `$$` the context
//! object, `$name` a variable. A definite path yields one value and fails when missing;
//! an indefinite path (`[*]`, slices, `..`, filters) yields an array of matches.
//!
//! Contract used by the engine (owner: asl expressions work).
use serde_json::Value;

use super::Variables;

/// What a path is evaluated against.
pub struct Scope<'a> {
    pub input: &'a Value,
    pub context: &'a Value,
    pub vars: &'a dyn Variables,
}

/// Why a path could not be read or written. `detail()` is AWS's text after
/// `Invalid path '<p>' : `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// The last segment is missing: `No results for path: $['x']`.
    NoResults(String),
    /// An earlier segment is missing: `Missing property in path $['a']`.
    MissingProperty(String),
    /// A variable that was never assigned.
    UndefinedVariable(String),
    /// Not a JSONPath at all, or not allowed here.
    Invalid(String),
    /// A reference path could not be applied to the value (ResultPath on a non-object).
    CannotWrite(String),
}

impl PathError {
    pub fn detail(&self) -> String {
        match self {
            PathError::NoResults(p) => format!("No results for path: {p}"),
            PathError::MissingProperty(p) => format!("Missing property in path {p}"),
            PathError::UndefinedVariable(v) => format!("Undefined variable: {v}"),
            PathError::Invalid(m) | PathError::CannotWrite(m) => m.clone(),
        }
    }
}

/// Reads `path` (`$...`, `$$...` or `$var...`).
pub fn read(path: &str, scope: &Scope) -> Result<Value, PathError> {
    let _ = scope;
    Err(PathError::Invalid(format!(
        "JSONPath is not implemented yet: {path}"
    )))
}

/// Writes `value` into `target` at the reference path `path` (ResultPath semantics:
/// `$` replaces the whole value, intermediate objects are created).
pub fn write(target: Value, path: &str, value: Value) -> Result<Value, PathError> {
    let _ = (target, value);
    Err(PathError::Invalid(format!(
        "JSONPath is not implemented yet: {path}"
    )))
}
