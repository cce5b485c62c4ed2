//! JSONata (`{% ... %}`) evaluation for JSONata-mode states, on a complete JSONata
//! engine (`jlens-core`), with AWS's added functions and error messages.
//!
//! What the engine and the validator use:
//! - [`Expr`] / [`evaluate_field`] for fields of any type (Arguments, Output, Assign, ItemSelector...),
//! - [`evaluate_typed`] for fields that must yield one type (Items, Condition, Seconds...),
//! - [`check`] / [`syntax_errors`] for the validator,
//! - [`variable_references`] / [`field_variable_references`] for `variableReferences`.
//!
//! A definition's expressions are compiled once, with it ([`Expr`]).
mod compiled;
mod functions;
mod memory;

use std::collections::BTreeSet;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::{StatesError, Variables};
use compiled::Outcome;

#[cfg(any(test, fuzzing))]
pub use compiled::{set_memory_limit, set_timeout};
pub use compiled::{
    MAX_ARRAY_ITEMS, MAX_DEPTH, MAX_MEMORY_BYTES, MAX_RESULT_BYTES, MAX_STRING_BYTES, TIMEOUT,
};
pub use functions::AWS_FUNCTIONS;
/// What stands for a lone UTF-16 surrogate in a string: in a definition (`"\ud800"`) as in
/// an expression's string literal.
pub use jlens_core::LONE_SURROGATE;

/// What an expression sees: `$states` (input, context, result, errorOutput) and the
/// workflow variables.
pub struct Bindings<'a> {
    pub states: &'a Value,
    pub vars: &'a dyn Variables,
}

/// A string is an expression only when it starts with `{%` and ends with `%}`.
pub fn is_expression(text: &str) -> bool {
    text.len() >= 4 && text.starts_with("{%") && text.ends_with("%}")
}

/// The text between `{%` and `%}` of an expression string; `None` for a literal string.
pub fn expression_body(text: &str) -> Option<&str> {
    is_expression(text).then(|| &text[2..text.len() - 2])
}

/// [`expression_body`] trimmed, as AWS quotes an expression in messages.
pub fn expression_source(text: &str) -> Option<&str> {
    expression_body(text).map(str::trim)
}

/// Whether a field value holds an expression at any depth.
pub fn contains_expression(value: &Value) -> bool {
    match value {
        Value::String(s) => is_expression(s),
        Value::Array(items) => items.iter().any(contains_expression),
        Value::Object(map) => map.values().any(contains_expression),
        _ => false,
    }
}

/// A field value with its `{% %}` expressions compiled once, with the definition.
#[derive(Clone)]
pub enum Expr {
    /// Nothing to evaluate below.
    Literal(Value),
    /// An expression (the text between `{%` and `%}`, trimmed); `None` when it does not
    /// compile (the validator refuses that; evaluation reports it).
    Expression {
        source: String,
        compiled: Option<Arc<compiled::Compiled>>,
    },
    Object(Vec<(String, Expr)>),
    Array(Vec<Expr>),
}

impl std::fmt::Debug for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Expr::Literal(value) => write!(f, "{value}"),
            Expr::Expression { source, .. } => write!(f, "{{% {source} %}}"),
            Expr::Object(fields) => f
                .debug_map()
                .entries(fields.iter().map(|(k, v)| (k, v)))
                .finish(),
            Expr::Array(items) => f.debug_list().entries(items).finish(),
        }
    }
}

impl Expr {
    pub fn new(value: &Value) -> Expr {
        match value {
            Value::String(text) => match expression_source(text) {
                Some(source) => Expr::Expression {
                    source: source.to_string(),
                    compiled: compiled::compile(source).ok(),
                },
                None => Expr::Literal(value.clone()),
            },
            Value::Array(items) if items.iter().any(contains_expression) => {
                Expr::Array(items.iter().map(Expr::new).collect())
            }
            Value::Object(map) if map.values().any(contains_expression) => Expr::Object(
                map.iter()
                    .map(|(key, item)| (key.clone(), Expr::new(item)))
                    .collect(),
            ),
            _ => Expr::Literal(value.clone()),
        }
    }

    /// The expression's text when the whole field is one expression.
    pub fn source(&self) -> Option<&str> {
        match self {
            Expr::Expression { source, .. } => Some(source),
            _ => None,
        }
    }

    /// The field as written (expressions as `{% … %}`), for messages.
    pub fn to_value(&self) -> Value {
        match self {
            Expr::Literal(value) => value.clone(),
            Expr::Expression { source, .. } => Value::String(format!("{{% {source} %}}")),
            Expr::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
            Expr::Array(items) => Value::Array(items.iter().map(Expr::to_value).collect()),
        }
    }

    /// Evaluates the field: literals stay as they are, expressions at any depth are
    /// evaluated. Failures are `States.QueryEvaluationError` with AWS's cause for
    /// `location` (e.g. `Output/result`), without the engine's state prefix.
    pub fn evaluate(&self, location: &str, bindings: &Bindings) -> Result<Value, StatesError> {
        self.evaluate_at(&Location::Field(location), bindings)
    }

    fn evaluate_at(&self, location: &Location, bindings: &Bindings) -> Result<Value, StatesError> {
        match self {
            Expr::Literal(value) => Ok(value.clone()),
            Expr::Expression { source, compiled } => {
                evaluate_source(source, compiled.as_deref(), location, bindings)
            }
            Expr::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| item.evaluate_at(&Location::Index(location, index), bindings))
                .collect::<Result<_, _>>()
                .map(Value::Array),
            Expr::Object(fields) => {
                let mut out = Map::with_capacity(fields.len());
                for (key, item) in fields {
                    out.insert(
                        key.clone(),
                        item.evaluate_at(&Location::Key(location, key), bindings)?,
                    );
                }
                Ok(Value::Object(out))
            }
        }
    }
}

/// Evaluates a field value given as JSON (see [`Expr::evaluate`]); expressions are compiled
/// through the per-thread cache.
pub fn evaluate_field(
    value: &Value,
    location: &str,
    bindings: &Bindings,
) -> Result<Value, StatesError> {
    Expr::new(value).evaluate(location, bindings)
}

/// Where a value sits in a field (`Output/result/0`), built into text only for a message.
enum Location<'a> {
    Field(&'a str),
    Key(&'a Location<'a>, &'a str),
    Index(&'a Location<'a>, usize),
}

impl std::fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Field(name) => f.write_str(name),
            Location::Key(parent, key) => write!(f, "{parent}/{key}"),
            Location::Index(parent, index) => write!(f, "{parent}/{index}"),
        }
    }
}

/// The JSON type a field must have, as AWS names it in "Expected '<type>'".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Array,
    Object,
    String,
    Number,
    /// A number without a fraction (`3`, `3.0`).
    Integer,
    Boolean,
}

impl Expected {
    pub fn name(self) -> &'static str {
        match self {
            Expected::Array => "array",
            Expected::Object => "object",
            Expected::String => "string",
            Expected::Number => "number",
            Expected::Integer => "integer",
            Expected::Boolean => "boolean",
        }
    }

    pub fn matches(self, value: &Value) -> bool {
        match self {
            Expected::Array => value.is_array(),
            Expected::Object => value.is_object(),
            Expected::String => value.is_string(),
            Expected::Number => value.is_number(),
            Expected::Integer => value
                .as_f64()
                .is_some_and(|n| n.fract() == 0.0 && n.is_finite()),
            Expected::Boolean => value.is_boolean(),
        }
    }
}

/// The type name AWS reports for a value ("but was 'object'").
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Evaluates a field that must have one type (Map `Items`, Choice `Condition`, Wait
/// `Seconds`...). When the whole field is an expression whose result has another type, the
/// error is AWS's "returned an unexpected result type. Expected 'array', but was 'object'
/// for value: {…}". A literal (or an object/array holding expressions) is evaluated as by
/// [`evaluate_field`] and returned unchecked: the validator checks literals.
pub fn evaluate_typed(
    value: &Value,
    location: &str,
    expected: Expected,
    bindings: &Bindings,
) -> Result<Value, StatesError> {
    let Some(source) = value.as_str().and_then(expression_source) else {
        return evaluate_field(value, location, bindings);
    };
    let result = evaluate_source(source, None, &Location::Field(location), bindings)?;
    if expected.matches(&result) {
        Ok(result)
    } else {
        Err(StatesError::query_evaluation(format!(
            "{} returned an unexpected result type. Expected '{}', but was '{}' for value: {}",
            subject(source, &location),
            expected.name(),
            type_name(&result),
            compact(&result)
        )))
    }
}

/// A Choice rule's `Condition`: a literal boolean or an expression yielding one.
pub fn evaluate_condition(
    value: &Value,
    location: &str,
    bindings: &Bindings,
) -> Result<bool, StatesError> {
    match evaluate_typed(value, location, Expected::Boolean, bindings)? {
        Value::Bool(b) => Ok(b),
        other => Err(StatesError::query_evaluation(format!(
            "The field '{location}' must be a boolean, but was '{}' for value: {}",
            type_name(&other),
            compact(&other)
        ))),
    }
}

fn subject(source: &str, location: &dyn std::fmt::Display) -> String {
    format!("The JSONata expression '{source}' specified for the field '{location}'")
}

fn compact(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Evaluates one expression (the text between `{%` and `%}`), compiled already or not.
fn evaluate_source(
    source: &str,
    compiled: Option<&compiled::Compiled>,
    location: &Location,
    bindings: &Bindings,
) -> Result<Value, StatesError> {
    let thrown = |error: jlens_core::Error| {
        StatesError::query_evaluation(format!(
            "{} threw an error during evaluation. {}: {}",
            subject(source, location),
            error.code(),
            error.message()
        ))
    };
    let cached;
    let compiled = match compiled {
        Some(compiled) => compiled,
        None => {
            cached = compiled::compile(source).map_err(thrown)?;
            &*cached
        }
    };
    match compiled
        .evaluate(bindings.states, bindings.vars)
        .map_err(thrown)?
    {
        Outcome::Value(value) => Ok(value),
        Outcome::Undefined => Err(StatesError::query_evaluation(format!(
            "{} returned nothing (undefined).",
            subject(source, location)
        ))),
        Outcome::Function => Err(StatesError::query_evaluation(format!(
            "{} returned an unsupported result type.",
            subject(source, location)
        ))),
    }
}

/// An expression that does not compile: the JSONata error code, message and position (a
/// character offset into the expression). It reads like
/// `S0203: Expected ")" before end of expression (at position 32)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message}{}", .position.map(|p| format!(" (at position {p})")).unwrap_or_default())]
pub struct ExpressionError {
    pub code: String,
    pub message: String,
    pub position: Option<usize>,
}

/// Checks the syntax of one expression (the text between `{%` and `%}`).
pub fn check(source: &str) -> Result<(), ExpressionError> {
    compiled::compile(source)
        .map(|_| ())
        .map_err(|error| ExpressionError {
            code: error.code().to_string(),
            message: error.message().to_string(),
            position: error.position(),
        })
}

/// One expression of a field that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    /// Where it is, as in evaluation messages (`Output/result`).
    pub location: String,
    /// The expression text, trimmed.
    pub expression: String,
    /// What [`check`] says.
    pub message: String,
}

/// Every expression of a field value that does not parse, in document order.
pub fn syntax_errors(value: &Value, location: &str) -> Vec<SyntaxProblem> {
    let mut problems = Vec::new();
    for_each_expression(value, location, &mut |source, location| {
        if let Err(error) = check(source) {
            problems.push(SyntaxProblem {
                location: location.to_owned(),
                expression: source.to_owned(),
                message: error.to_string(),
            });
        }
    });
    problems
}

/// The workflow variables (names without `$`) one expression reads: free variables only,
/// so neither `$states`, nor local `$x := …` names, nor lambda parameters, nor the functions
/// AWS adds. Sorted, without duplicates. Fails like [`check`] on a syntax error.
pub fn variable_references(source: &str) -> Result<Vec<String>, String> {
    check(source).map_err(|e| e.to_string())?;
    let mut names = compiled::free_variables(source).map_err(|e| e.to_string())?;
    names.sort();
    names.dedup();
    Ok(names)
}

/// The workflow variables read by all expressions of a field value (ones that do not parse
/// are skipped).
pub fn field_variable_references(value: &Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for_each_expression(value, "", &mut |source, _| {
        if let Ok(found) = variable_references(source) {
            names.extend(found);
        }
    });
    names
}

/// The workflow variables the JSONata expressions of one state read (any field, Catchers and
/// Choice rules included), leaving out the states of its Parallel branches and Map item
/// processor, which are states of their own.
pub fn state_variable_references(state: &Value) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    if let Value::Object(fields) = state {
        for (key, value) in fields {
            if !matches!(key.as_str(), "Branches" | "ItemProcessor" | "Iterator") {
                names.extend(field_variable_references(value));
            }
        }
    }
    names
}

fn for_each_expression(value: &Value, location: &str, visit: &mut dyn FnMut(&str, &str)) {
    match value {
        Value::String(text) => {
            if let Some(source) = expression_source(text) {
                visit(source, location);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                for_each_expression(item, &format!("{location}/{index}"), visit);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                for_each_expression(item, &format!("{location}/{key}"), visit);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests;
