//! Payload templates (Parameters, ResultSelector, ItemSelector, JSONPath Assign...):
//! keys ending in `.$` take the value of their path, context path, variable or intrinsic
//! function call; everything else is literal.
//!
//! A definition's templates are compiled once ([`Template`]); [`evaluate`] runs a template
//! given as JSON (ItemReader/ResultWriter `Parameters`, read at run time).
use serde_json::{Map, Value};

use super::field::Path;
use super::intrinsics::{self, Call, CallError, Failure};
use super::path::Scope;
use super::StatesError;

/// A payload template compiled once: what is literal stays a value; each `key.$` field is
/// a parsed path or intrinsic call.
#[derive(Debug, Clone)]
pub enum Template {
    /// Nothing dynamic below.
    Literal(Value),
    Object(Vec<(String, Template)>),
    Array(Vec<Template>),
    /// The value of a `key.$` field (`key` as written, named in failures).
    Dynamic {
        key: String,
        source: Dynamic,
    },
}

#[derive(Debug, Clone)]
pub enum Dynamic {
    /// An intrinsic call, or why it does not parse.
    Call(String, Result<Call, CallError>),
    Path(Path),
    /// Neither a path nor a call.
    Invalid(String),
}

impl Template {
    pub fn new(template: &Value) -> Template {
        match template {
            Value::Object(fields) if has_dynamic_keys(template) => Template::Object(
                fields
                    .iter()
                    .map(|(key, value)| match (key.strip_suffix(".$"), value) {
                        (Some(name), Value::String(expr)) => (
                            name.to_string(),
                            Template::Dynamic {
                                key: key.clone(),
                                source: Dynamic::new(expr),
                            },
                        ),
                        _ => (key.clone(), Template::new(value)),
                    })
                    .collect(),
            ),
            Value::Array(items) if has_dynamic_keys(template) => {
                Template::Array(items.iter().map(Template::new).collect())
            }
            literal => Template::Literal(literal.clone()),
        }
    }

    /// Evaluates the template against `scope`, failing as [`evaluate`] does.
    pub fn evaluate(&self, scope: &Scope) -> Result<Value, StatesError> {
        match self {
            Template::Literal(value) => Ok(value.clone()),
            Template::Object(fields) => {
                let mut out = Map::with_capacity(fields.len());
                for (key, value) in fields {
                    out.insert(key.clone(), value.evaluate(scope)?);
                }
                Ok(Value::Object(out))
            }
            Template::Array(items) => items
                .iter()
                .map(|item| item.evaluate(scope))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            Template::Dynamic { key, source } => source.evaluate(key, scope),
        }
    }
}

impl Dynamic {
    fn new(expr: &str) -> Dynamic {
        if intrinsics::is_call(expr) {
            Dynamic::Call(expr.to_string(), intrinsics::parse(expr))
        } else if expr.starts_with('$') {
            Dynamic::Path(Path::new(expr))
        } else {
            Dynamic::Invalid(expr.to_string())
        }
    }

    fn evaluate(&self, field: &str, scope: &Scope) -> Result<Value, StatesError> {
        match self {
            Dynamic::Call(_, Ok(call)) => call.evaluate(scope).map_err(|failure| match failure {
                Failure::Path { path, .. } => not_found(&path, field, scope),
                Failure::Intrinsic(cause) => StatesError::intrinsic(cause),
            }),
            Dynamic::Call(_, Err(why)) => Err(StatesError::intrinsic(why.to_string())),
            Dynamic::Path(p) => p
                .read(scope)
                .map(std::borrow::Cow::into_owned)
                .map_err(|_| not_found(p.text(), field, scope)),
            Dynamic::Invalid(expr) => Err(invalid(expr, field)),
        }
    }
}

/// Whether a value holds a `key.$` field at any depth.
pub fn has_dynamic_keys(value: &Value) -> bool {
    match value {
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.ends_with(".$") || has_dynamic_keys(v)),
        Value::Array(items) => items.iter().any(has_dynamic_keys),
        _ => false,
    }
}

fn invalid(expr: &str, field: &str) -> StatesError {
    StatesError::runtime(format!(
        "The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call: {expr}"
    ))
}

/// Evaluates `template` against `scope`. A missing path is `States.Runtime` with AWS's
/// cause ("The JSONPath '$.x' specified for the field 'key.$' could not be found in the
/// input '<json>'"), without the "An error occurred while executing the state" prefix,
/// which the engine adds.
pub fn evaluate(template: &Value, scope: &Scope) -> Result<Value, StatesError> {
    Template::new(template).evaluate(scope)
}

/// Evaluates one dynamic value: a path (`$...`, `$$...`, `$var...`) or an intrinsic call.
/// `field` names the field in failure causes: a template key (`value.$`), `ErrorPath`,
/// `CausePath`... A path that selects nothing is `States.Runtime` ("The JSONPath '<p>'
/// specified for the field '<field>' could not be found in the input '<json>'"); a failed
/// intrinsic is `States.IntrinsicFailure`.
pub fn evaluate_field(expr: &str, field: &str, scope: &Scope) -> Result<Value, StatesError> {
    Dynamic::new(expr).evaluate(field, scope)
}

fn not_found(path: &str, field: &str, scope: &Scope) -> StatesError {
    StatesError::runtime(format!(
        "The JSONPath '{path}' specified for the field '{field}' could not be found in the input '{}'",
        serde_json::to_string(scope.input).unwrap_or_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::vars::NoVariables;
    use serde_json::json;

    fn eval(template: Value, input: Value) -> Result<Value, StatesError> {
        let context = json!({"Execution": {"Input": {"k": 1}}, "Map": {"Item": {"Index": 3}}});
        let mut vars = Map::new();
        vars.insert("count".into(), json!(7));
        evaluate(&template, &Scope::new(&input, &context, &vars))
    }

    #[test]
    fn dynamic_keys_at_any_depth() {
        let template = json!({
            "literal": "$.not.a.path",
            "fromInput.$": "$.a",
            "nested": {"ctx.$": "$$.Map.Item.Index", "list": [{"v.$": "$count"}, "$x", 1]},
            "call.$": "States.Format('n={}', $.a)",
            "arr.$": "$.items[*].id"
        });
        let input = json!({"a": 5, "items": [{"id": 1}, {"id": 2}]});
        assert_eq!(
            eval(template, input).unwrap(),
            json!({
                "literal": "$.not.a.path",
                "fromInput": 5,
                "nested": {"ctx": 3, "list": [{"v": 7}, "$x", 1]},
                "call": "n=5",
                "arr": [1, 2]
            })
        );
    }

    #[test]
    fn missing_paths_are_runtime_errors_with_aws_cause() {
        let err = eval(
            json!({"value.$": "$.no_such_jsonpath"}),
            json!({"int-literal": 0}),
        )
        .unwrap_err();
        assert!(err.is_runtime());
        assert_eq!(
            err.cause.as_deref(),
            Some(
                "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not \
                 be found in the input '{\"int-literal\":0}'"
            )
        );
        let err = eval(
            json!({"value.$": "$$.Execution.Input.no_such_jsonpath"}),
            json!({"int-literal": 0}),
        )
        .unwrap_err();
        assert_eq!(
            err.cause.as_deref(),
            Some(
                "The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field \
                 'value.$' could not be found in the input '{\"int-literal\":0}'"
            )
        );
        let err = eval(
            json!({"deep": [{"x.$": "States.ArrayLength($.nope)"}]}),
            json!({}),
        )
        .unwrap_err();
        assert_eq!(
            err.cause.as_deref(),
            Some("The JSONPath '$.nope' specified for the field 'x.$' could not be found in the input '{}'")
        );
    }

    #[test]
    fn intrinsic_failures_keep_their_error_name() {
        let err = eval(
            json!({"x.$": "States.ArrayGetItem($.a, 9)"}),
            json!({"a": []}),
        )
        .unwrap_err();
        assert_eq!(err.error.as_deref(), Some("States.IntrinsicFailure"));
    }

    #[test]
    fn evaluate_field_names_the_field() {
        let input = json!({});
        let scope = Scope::new(&input, &Value::Null, &NoVariables);
        let err = evaluate_field("$.ErrorX", "ErrorPath", &scope).unwrap_err();
        assert_eq!(
            err.cause.as_deref(),
            Some("The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input '{}'")
        );
        assert_eq!(
            evaluate_field("States.Format('a{}', 1)", "CausePath", &scope).unwrap(),
            json!("a1")
        );
    }
}
