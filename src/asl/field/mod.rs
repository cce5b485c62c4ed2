//! Compiled fields: the one place where a field that is "a literal, a path or a JSONata
//! expression" (`Seconds`/`SecondsPath`, `Error`/`ErrorPath`, `MaxConcurrency`/
//! `MaxConcurrencyPath`...) is told apart, resolved and converted to what it stands for.
//! The definition is read once into [`Field`]s typed by what they produce; evaluation is
//! [`Field::resolve`] against a [`Scope`], giving that type or the error AWS records.
use std::borrow::Cow;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::definition::{DefinitionError, QueryLanguage};
use super::intrinsics::{self, Call, CallError};
use super::jsonata::{self, Bindings, Expr};
pub use super::path::Scope;
use super::path::{self, CompiledPath, PathError};
use super::template::Template;
use super::StatesError;

mod types;

pub use types::{
    BatchLimit, FailureCount, FailurePercentage, FieldType, MaxConcurrency, MaxItems, Site,
    TaskSeconds, Timestamp, WaitSeconds,
};

/// A JSONPath, parsed once, with its text for messages. A path that does not parse keeps
/// its error, reported when it is read (the validator refuses such definitions first).
#[derive(Debug, Clone)]
pub struct Path {
    text: String,
    compiled: Result<Arc<CompiledPath>, PathError>,
}

impl Path {
    pub fn new(text: &str) -> Path {
        Path {
            text: text.to_string(),
            compiled: path::compile(text),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Reads the path, borrowing what a definite path selects.
    pub fn read<'a>(&self, scope: &Scope<'a>) -> Result<Cow<'a, Value>, PathError> {
        match &self.compiled {
            Ok(compiled) => compiled.read(scope),
            Err(e) => Err(e.clone()),
        }
    }

    /// Whether the path starts at `$` (the state's data), so that what it selects from a
    /// definite path is part of that data.
    pub fn reads_input(&self) -> bool {
        matches!(&self.compiled, Ok(c) if *c.root() == path::Root::Input)
    }

    /// Reads the path from `input` alone, borrowing what a definite path selects (a path
    /// from the context object or a variable finds nothing there).
    pub fn read_input<'a>(&self, input: &'a Value) -> Result<Cow<'a, Value>, PathError> {
        self.read(&Scope::new(input, &Value::Null, &super::vars::NoVariables))
    }

    /// What the path selects in `input`, mutably, when it is a definite path from `$`.
    pub fn get_mut<'a>(&self, input: &'a mut Value) -> Option<&'a mut Value> {
        self.compiled.as_ref().ok()?.get_mut(input)
    }

    /// Writes `value` into `target` at this reference path (ResultPath semantics).
    pub fn write(&self, target: Value, value: Value) -> Result<Value, PathError> {
        match &self.compiled {
            Ok(compiled) => compiled.write(target, value),
            Err(e) => Err(e.clone()),
        }
    }

    /// Reads the path; a failure is AWS's `Invalid path '<p>' : <detail>`.
    pub fn select(&self, scope: &Scope) -> Result<Value, StatesError> {
        self.read(scope)
            .map(Cow::into_owned)
            .map_err(|e| invalid_path(&self.text, &e))
    }
}

impl PartialEq for Path {
    fn eq(&self, other: &Path) -> bool {
        self.text == other.text
    }
}

impl Eq for Path {}

/// `InputPath`/`OutputPath`-style failures: `Invalid path '<p>' : <detail>`.
pub fn invalid_path(path_text: &str, e: &PathError) -> StatesError {
    StatesError::runtime(format!("Invalid path '{path_text}' : {}", e.detail()))
}

/// A field that may be given as a value or computed, typed by what it produces: a
/// `Field<WaitSeconds>` resolves to a number of seconds or to the error AWS records for a
/// value that is not one (the conversion and its wording are the target type's
/// [`FieldType`] impl, in [`types`]).
#[derive(Debug, Clone)]
pub struct Field<T> {
    /// The field's name in messages (`Seconds`; the path form is `<name>Path`).
    name: &'static str,
    /// Whether the state is in JSONata (some messages differ by query language).
    jsonata: bool,
    form: Form<T>,
}

#[derive(Debug, Clone)]
enum Form<T> {
    /// A value with nothing to evaluate, converted once when the definition is read (a
    /// value of the wrong type keeps its error, reported when the field is read).
    Literal(Result<T, StatesError>),
    /// `<Name>Path`: a path into the state's input, the context or a variable.
    Path(Path),
    /// `<Name>Path` of a Fail state given as an intrinsic function call (or why it does not
    /// parse).
    Intrinsic(String, Result<Call, CallError>),
    /// A JSONata-mode value holding `{% %}` expressions at some depth.
    Jsonata(Expr),
}

impl<T: FieldType> Field<T> {
    /// Reads the `name` / `<name>Path` pair of `obj`: the value wins when both are given
    /// (the validator refuses that). `intrinsics`: whether the path may be an intrinsic
    /// call. Errors name a `Path` field that is not a string.
    pub fn pair(
        obj: &Map<String, Value>,
        name: &'static str,
        language: QueryLanguage,
        intrinsics: bool,
        at: &str,
    ) -> Result<Option<Field<T>>, DefinitionError> {
        if let Some(value) = obj.get(name) {
            return Ok(Some(Field::value(name, value, language)));
        }
        let key = format!("{name}Path");
        let form = match obj.get(&key) {
            None => return Ok(None),
            Some(Value::String(text)) if intrinsics && intrinsics::is_call(text) => {
                Form::Intrinsic(text.clone(), intrinsics::parse(text))
            }
            Some(Value::String(text)) => Form::Path(Path::new(text)),
            Some(_) => {
                return Err(DefinitionError::WrongType {
                    at: format!("{at}/{key}"),
                    field: key,
                    expected: "a string",
                })
            }
        };
        Ok(Some(Field {
            name,
            jsonata: language == QueryLanguage::Jsonata,
            form,
        }))
    }

    /// A field given as a value: JSONata when it holds an expression in a JSONata state.
    pub fn value(name: &'static str, value: &Value, language: QueryLanguage) -> Field<T> {
        let jsonata = language == QueryLanguage::Jsonata;
        let form = if jsonata && jsonata::contains_expression(value) {
            Form::Jsonata(Expr::new(value))
        } else {
            let site = Site {
                name,
                path: None,
                jsonata,
            };
            Form::Literal(T::convert(value.clone(), &site))
        };
        Field {
            name,
            jsonata,
            form,
        }
    }

    /// The path text of a `<Name>Path` field.
    pub fn path(&self) -> Option<&str> {
        match &self.form {
            Form::Path(p) => Some(p.text()),
            Form::Intrinsic(text, _) => Some(text),
            Form::Literal(_) | Form::Jsonata(_) => None,
        }
    }

    /// Whether the field is a JSONata expression.
    pub fn is_jsonata(&self) -> bool {
        matches!(self.form, Form::Jsonata(_))
    }

    /// Evaluates the field against `scope` and converts what it yields; every failure is
    /// the error AWS records (a path that selects nothing, a failed call or expression, a
    /// value of the wrong type or out of range).
    pub fn resolve(&self, scope: &Scope) -> Result<T, StatesError> {
        let value = match &self.form {
            Form::Literal(converted) => return converted.clone(),
            Form::Jsonata(expr) => expr.evaluate(
                self.name,
                &Bindings {
                    states: scope.states,
                    vars: scope.vars,
                },
            )?,
            Form::Path(p) => match p.read(scope) {
                Ok(value) => value.into_owned(),
                Err(e) => return Err(T::path_failed(&self.site(), scope, &e)),
            },
            Form::Intrinsic(_, Ok(call)) => call
                .evaluate(scope)
                .map_err(|failure| failure.into_error(scope))?,
            Form::Intrinsic(_, Err(why)) => return Err(StatesError::intrinsic(why.to_string())),
        };
        T::convert(value, &self.site())
    }

    fn site(&self) -> Site<'_> {
        Site {
            name: self.name,
            path: self.path(),
            jsonata: self.jsonata,
        }
    }
}

/// A payload: a JSONPath payload template (`Parameters`, `ResultSelector`, JSONPath
/// `Assign`, `ItemSelector`, `Credentials`) or the same field in a JSONata state.
#[derive(Debug, Clone)]
pub enum Payload {
    Template(Template),
    Jsonata(Expr),
}

impl Payload {
    pub fn new(value: &Value, language: QueryLanguage) -> Payload {
        match language {
            QueryLanguage::JsonPath => Payload::Template(Template::new(value)),
            QueryLanguage::Jsonata => Payload::Jsonata(Expr::new(value)),
        }
    }

    /// Evaluates the payload; `name` names the field in JSONata failures.
    pub fn evaluate(&self, name: &str, scope: &Scope) -> Result<Value, StatesError> {
        match self {
            Payload::Template(template) => template.evaluate(scope),
            Payload::Jsonata(expr) => expr.evaluate(
                name,
                &Bindings {
                    states: scope.states,
                    vars: scope.vars,
                },
            ),
        }
    }
}

/// A value as AWS shows it in messages: strings bare, everything else as JSON text.
pub fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
