//! Compiled fields: the one place where a field that is "a literal, a path or a JSONata
//! expression" (`Seconds`/`SecondsPath`, `Error`/`ErrorPath`, `MaxConcurrency`/
//! `MaxConcurrencyPath`...) is told apart and resolved. The definition is read once into
//! [`Field`]s; evaluation is [`Field::resolve`] against a [`Scope`].
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

/// A field that may be given as a value or computed.
#[derive(Debug, Clone)]
pub enum Field {
    /// A value with nothing to evaluate.
    Literal(Value),
    /// `<Name>Path`: a path into the state's input, the context or a variable.
    Path(Path),
    /// `<Name>Path` of a Fail state given as an intrinsic function call (or why it does not
    /// parse).
    Intrinsic(String, Result<Call, CallError>),
    /// A JSONata-mode value holding `{% %}` expressions at some depth.
    Jsonata(Expr),
}

impl Field {
    /// Reads the `name` / `<name>Path` pair of `obj`: the value wins when both are given
    /// (the validator refuses that). `intrinsics`: whether the path may be an intrinsic
    /// call. Errors name a `Path` field that is not a string.
    pub fn pair(
        obj: &Map<String, Value>,
        name: &str,
        language: QueryLanguage,
        intrinsics: bool,
        at: &str,
    ) -> Result<Option<Field>, DefinitionError> {
        if let Some(value) = obj.get(name) {
            return Ok(Some(Field::value(value, language)));
        }
        let key = format!("{name}Path");
        match obj.get(&key) {
            None => Ok(None),
            Some(Value::String(text)) if intrinsics && intrinsics::is_call(text) => Ok(Some(
                Field::Intrinsic(text.clone(), intrinsics::parse(text)),
            )),
            Some(Value::String(text)) => Ok(Some(Field::Path(Path::new(text)))),
            Some(_) => Err(DefinitionError::WrongType {
                at: format!("{at}/{key}"),
                field: key,
                expected: "a string",
            }),
        }
    }

    /// A field given as a value: JSONata when it holds an expression in a JSONata state.
    pub fn value(value: &Value, language: QueryLanguage) -> Field {
        if language == QueryLanguage::Jsonata && jsonata::contains_expression(value) {
            Field::Jsonata(Expr::new(value))
        } else {
            Field::Literal(value.clone())
        }
    }

    /// The path text of a `<Name>Path` field.
    pub fn path(&self) -> Option<&str> {
        match self {
            Field::Path(p) => Some(p.text()),
            Field::Intrinsic(text, _) => Some(text),
            Field::Literal(_) | Field::Jsonata(_) => None,
        }
    }

    /// Evaluates the field; `name` is the field's name in messages (`Seconds`, `Error`).
    /// A path that selects nothing is `Invalid path '<p>' : <detail>`.
    pub fn resolve(&self, name: &str, scope: &Scope) -> Result<Value, StatesError> {
        self.resolve_with(name, scope, invalid_path)
    }

    /// [`Field::resolve`] with the caller's wording for a path that selects nothing.
    pub fn resolve_with(
        &self,
        name: &str,
        scope: &Scope,
        path_failed: impl FnOnce(&str, &PathError) -> StatesError,
    ) -> Result<Value, StatesError> {
        match self {
            Field::Literal(v) => Ok(v.clone()),
            Field::Jsonata(expr) => expr.evaluate(
                name,
                &Bindings {
                    states: scope.states,
                    vars: scope.vars,
                },
            ),
            Field::Path(p) => p
                .read(scope)
                .map(Cow::into_owned)
                .map_err(|e| path_failed(p.text(), &e)),
            Field::Intrinsic(_, Ok(call)) => call
                .evaluate(scope)
                .map_err(|failure| failure.into_error(scope)),
            Field::Intrinsic(_, Err(why)) => Err(StatesError::intrinsic(why.to_string())),
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
mod tests {
    use super::*;
    use crate::asl::vars::NoVariables;
    use serde_json::json;

    fn field(obj: Value, language: QueryLanguage, intrinsics: bool) -> Option<Field> {
        Field::pair(
            obj.as_object().unwrap(),
            "Seconds",
            language,
            intrinsics,
            "",
        )
        .unwrap()
    }

    #[test]
    fn a_pair_reads_as_one_field() {
        let input = json!({"s": 5, "name": "n"});
        let states = json!({"input": input});
        let scope = Scope::new(&input, &Value::Null, &NoVariables).with_states(&states);
        let literal = field(json!({"Seconds": 3}), QueryLanguage::JsonPath, false).unwrap();
        assert_eq!(literal.resolve("Seconds", &scope).unwrap(), json!(3));
        let path = field(
            json!({"SecondsPath": "$.s"}),
            QueryLanguage::JsonPath,
            false,
        )
        .unwrap();
        assert_eq!(path.path(), Some("$.s"));
        assert_eq!(path.resolve("Seconds", &scope).unwrap(), json!(5));
        let missing = field(
            json!({"SecondsPath": "$.x"}),
            QueryLanguage::JsonPath,
            false,
        );
        assert_eq!(
            missing
                .unwrap()
                .resolve("Seconds", &scope)
                .unwrap_err()
                .cause
                .as_deref(),
            Some("Invalid path '$.x' : No results for path: $['x']")
        );
        let jsonata = field(
            json!({"Seconds": "{% $states.input.s + 1 %}"}),
            QueryLanguage::Jsonata,
            false,
        )
        .unwrap();
        assert_eq!(jsonata.resolve("Seconds", &scope).unwrap(), json!(6));
        let call = field(
            json!({"SecondsPath": "States.Format('x{}', $.name)"}),
            QueryLanguage::JsonPath,
            true,
        )
        .unwrap();
        assert_eq!(call.resolve("Seconds", &scope).unwrap(), json!("xn"));
        assert!(field(json!({}), QueryLanguage::JsonPath, false).is_none());
        assert!(Field::pair(
            json!({"SecondsPath": 1}).as_object().unwrap(),
            "Seconds",
            QueryLanguage::JsonPath,
            false,
            "/States/W"
        )
        .is_err());
    }
}
