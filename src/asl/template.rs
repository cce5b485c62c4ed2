//! Payload templates (Parameters, ResultSelector, ItemSelector, JSONPath Assign...):
//! keys ending in `.$` take the value of their path, context path, variable or intrinsic
//! function call; everything else is literal.
//!
//! Contract used by the engine (owner: asl expressions work).
use serde_json::{Map, Value};

use super::intrinsics::{self, Failure};
use super::path::{self, Scope};
use super::StatesError;

/// Evaluates `template` against `scope`. A missing path is `States.Runtime` with AWS's
/// cause ("The JSONPath '$.x' specified for the field 'key.$' could not be found in the
/// input '<json>'"), without the "An error occurred while executing the state" prefix,
/// which the engine adds.
pub fn evaluate(template: &Value, scope: &Scope) -> Result<Value, StatesError> {
    match template {
        Value::Object(fields) => {
            let mut out = Map::with_capacity(fields.len());
            for (key, value) in fields {
                match (key.strip_suffix(".$"), value) {
                    (Some(name), Value::String(expr)) => {
                        out.insert(name.to_string(), evaluate_field(expr, key, scope)?);
                    }
                    _ => {
                        out.insert(key.clone(), evaluate(value, scope)?);
                    }
                }
            }
            Ok(Value::Object(out))
        }
        Value::Array(items) => items
            .iter()
            .map(|item| evaluate(item, scope))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        literal => Ok(literal.clone()),
    }
}

/// Evaluates one dynamic value: a path (`$...`, `$$...`, `$var...`) or an intrinsic call.
/// `field` names the field in failure causes: a template key (`value.$`), `ErrorPath`,
/// `CausePath`... A path that selects nothing is `States.Runtime` ("The JSONPath '<p>'
/// specified for the field '<field>' could not be found in the input '<json>'"); a failed
/// intrinsic is `States.IntrinsicFailure`.
pub fn evaluate_field(expr: &str, field: &str, scope: &Scope) -> Result<Value, StatesError> {
    if intrinsics::is_call(expr) {
        return intrinsics::evaluate_detailed(expr, scope).map_err(|failure| match failure {
            Failure::Path { path, .. } => not_found(&path, field, scope),
            Failure::Intrinsic(cause) => StatesError::intrinsic(cause),
        });
    }
    if !expr.starts_with('$') {
        return Err(StatesError::runtime(format!(
            "The value for the field '{field}' must be a valid JSONPath or a valid intrinsic function call: {expr}"
        )));
    }
    path::read(expr, scope).map_err(|_| not_found(expr, field, scope))
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
