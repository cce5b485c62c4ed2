//! The AWS model (data/aws/stepfunctions-service-2.json) as the wire protocol needs it:
//! the checks AWS makes on a request before the service sees it (required members, lengths,
//! ranges, enums: `ValidationException`; members of the wrong JSON type:
//! `SerializationException`) and the members of a response that are timestamps, which the
//! JSON 1.0 protocol writes as epoch seconds.
use std::sync::OnceLock;

use chrono::DateTime;
use serde_json::{Map, Number, Value};

use super::wire::WireError;

const MODEL_TEXT: &str = include_str!("../../data/aws/stepfunctions-service-2.json");

struct Model {
    operations: Map<String, Value>,
    shapes: Map<String, Value>,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        // The model is compiled in; a parse failure is a build mistake caught by the tests.
        let mut root: Value = serde_json::from_str(MODEL_TEXT).expect("embedded AWS model");
        let take = |root: &mut Value, key: &str| match root.get_mut(key).map(Value::take) {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        };
        Model {
            operations: take(&mut root, "operations"),
            shapes: take(&mut root, "shapes"),
        }
    })
}

fn shape(name: &str) -> &'static Value {
    static EMPTY: Value = Value::Null;
    model().shapes.get(name).unwrap_or(&EMPTY)
}

fn operation_shape(operation: &str, which: &str) -> Option<&'static str> {
    model()
        .operations
        .get(operation)?
        .get(which)?
        .get("shape")?
        .as_str()
}

/// True for the exception shapes of the model (the error codes the service defines).
pub fn is_modeled_error(code: &str) -> bool {
    shape(code).get("exception") == Some(&Value::Bool(true))
}

/// Checks a request against its input shape as AWS's front end does, before the
/// operation runs. Type mismatches come first (the request cannot be read), then every
/// constraint violation, reported together as AWS does.
pub fn validate(operation: &str, request: &Value) -> Result<(), WireError> {
    let Some(input) = operation_shape(operation, "input") else {
        return Ok(());
    };
    let mut problems = Problems::default();
    check(input, request, "", &mut problems);
    if let Some(message) = problems.serialization {
        return Err(WireError::serialization(Some(message)));
    }
    if problems.violations.is_empty() {
        return Ok(());
    }
    Err(WireError::validation(&problems.violations))
}

#[derive(Default)]
struct Problems {
    serialization: Option<String>,
    violations: Vec<String>,
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// `Value 'v' at 'path' failed to satisfy constraint: ...`, without the value for the
/// members the model marks sensitive (AWS leaves them out of messages).
fn violation(shape_def: &Value, value: Option<&Value>, path: &str, constraint: &str) -> String {
    let sensitive = shape_def.get("sensitive") == Some(&Value::Bool(true));
    match value {
        None => format!("Value null at '{path}' failed to satisfy constraint: {constraint}"),
        Some(_) if sensitive => {
            format!("Value at '{path}' failed to satisfy constraint: {constraint}")
        }
        Some(v) => {
            let shown = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            format!("Value '{shown}' at '{path}' failed to satisfy constraint: {constraint}")
        }
    }
}

fn check(shape_name: &str, value: &Value, path: &str, problems: &mut Problems) {
    if problems.serialization.is_some() || value.is_null() {
        return;
    }
    let def = shape(shape_name);
    let kind = def.get("type").and_then(Value::as_str).unwrap_or("");
    let expected = match kind {
        "structure" | "map" => value.is_object(),
        "list" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" | "long" => value.is_i64() || value.is_u64(),
        "float" | "double" => value.is_number(),
        "timestamp" => value.is_number() || value.is_string(),
        _ => true,
    };
    if !expected {
        let at = if path.is_empty() { "the request" } else { path };
        problems.serialization = Some(format!(
            "expected {} at '{at}', found {}",
            match kind {
                "structure" | "map" => "an object",
                "list" => "a list",
                "string" => "a string",
                "boolean" => "a boolean",
                "integer" | "long" => "an integer",
                _ => "a number",
            },
            json_kind(value)
        ));
        return;
    }
    let int = |key: &str| def.get(key).and_then(Value::as_f64);
    match (kind, value) {
        ("structure", Value::Object(members)) => {
            let required: Vec<&str> = def
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let Some(Value::Object(model_members)) = def.get("members") else {
                return;
            };
            for (name, member) in model_members {
                let member_shape = member.get("shape").and_then(Value::as_str).unwrap_or("");
                let member_path = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                match members.get(name) {
                    None | Some(Value::Null) if required.contains(&name.as_str()) => {
                        problems.violations.push(violation(
                            shape(member_shape),
                            None,
                            &member_path,
                            "Member must not be null",
                        ))
                    }
                    Some(v) => check(member_shape, v, &member_path, problems),
                    None => {}
                }
            }
        }
        ("list", Value::Array(items)) => {
            length(def, value, items.len(), path, problems);
            let member = def
                .get("member")
                .and_then(|m| m.get("shape"))
                .and_then(Value::as_str)
                .unwrap_or("");
            for (i, item) in items.iter().enumerate() {
                check(member, item, &format!("{path}.{}.member", i + 1), problems);
            }
        }
        ("map", Value::Object(entries)) => {
            length(def, value, entries.len(), path, problems);
            let member = def
                .get("value")
                .and_then(|m| m.get("shape"))
                .and_then(Value::as_str)
                .unwrap_or("");
            for (k, v) in entries {
                check(member, v, &format!("{path}.{k}"), problems);
            }
        }
        ("string", Value::String(s)) => {
            if let Some(Value::Array(allowed)) = def.get("enum") {
                if !allowed.iter().any(|a| a.as_str() == Some(s)) {
                    let names: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
                    problems.violations.push(violation(
                        def,
                        Some(value),
                        path,
                        &format!("Member must satisfy enum value set: [{}]", names.join(", ")),
                    ));
                }
            }
            length(def, value, s.chars().count(), path, problems);
        }
        (_, Value::Number(n)) => {
            let x = n.as_f64().unwrap_or(0.0);
            let shown = |bound: f64| {
                if kind == "float" || kind == "double" {
                    format!("{bound:?}")
                } else {
                    format!("{}", bound as i64)
                }
            };
            if let Some(min) = int("min").filter(|min| x < *min) {
                problems.violations.push(violation(
                    def,
                    Some(value),
                    path,
                    &format!(
                        "Member must have value greater than or equal to {}",
                        shown(min)
                    ),
                ));
            } else if let Some(max) = int("max").filter(|max| x > *max) {
                problems.violations.push(violation(
                    def,
                    Some(value),
                    path,
                    &format!(
                        "Member must have value less than or equal to {}",
                        shown(max)
                    ),
                ));
            }
        }
        _ => {}
    }
}

fn length(def: &Value, value: &Value, len: usize, path: &str, problems: &mut Problems) {
    let bound = |key: &str| def.get(key).and_then(Value::as_u64);
    if let Some(min) = bound("min").filter(|min| (len as u64) < *min) {
        problems.violations.push(violation(
            def,
            Some(value),
            path,
            &format!("Member must have length greater than or equal to {min}"),
        ));
    } else if let Some(max) = bound("max").filter(|max| (len as u64) > *max) {
        problems.violations.push(violation(
            def,
            Some(value),
            path,
            &format!("Member must have length less than or equal to {max}"),
        ));
    }
}

/// Rewrites the timestamp members of `operation`'s response as the JSON 1.0 protocol
/// sends them: epoch seconds, a number with the milliseconds as its fraction. The API
/// layer writes them as ISO 8601 text, the AWS CLI's rendering.
pub fn timestamps_to_epoch(operation: &str, response: &mut Value) {
    if let Some(output) = operation_shape(operation, "output") {
        convert(output, response);
    }
}

fn convert(shape_name: &str, value: &mut Value) {
    let def = shape(shape_name);
    match (def.get("type").and_then(Value::as_str), value) {
        (Some("timestamp"), v @ Value::String(_)) => {
            if let Some(seconds) = v.as_str().and_then(epoch_seconds) {
                *v = seconds;
            }
        }
        (Some("structure"), Value::Object(members)) => {
            let Some(Value::Object(model_members)) = def.get("members") else {
                return;
            };
            for (name, member) in members.iter_mut() {
                if let Some(s) = model_members
                    .get(name)
                    .and_then(|m| m.get("shape"))
                    .and_then(Value::as_str)
                {
                    convert(s, member);
                }
            }
        }
        (Some("list"), Value::Array(items)) => {
            if let Some(s) = def
                .get("member")
                .and_then(|m| m.get("shape"))
                .and_then(Value::as_str)
            {
                for item in items {
                    convert(s, item);
                }
            }
        }
        (Some("map"), Value::Object(entries)) => {
            if let Some(s) = def
                .get("value")
                .and_then(|m| m.get("shape"))
                .and_then(Value::as_str)
            {
                for item in entries.values_mut() {
                    convert(s, item);
                }
            }
        }
        _ => {}
    }
}

/// `2026-11-29T22:46:17.123000+01:00` as epoch seconds (`1795988777.123`).
fn epoch_seconds(text: &str) -> Option<Value> {
    let at = DateTime::parse_from_rfc3339(text).ok()?;
    let millis = at.timestamp_millis();
    Number::from_f64(millis as f64 / 1000.0).map(Value::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_model_has_all_37_operations() {
        for op in crate::api::Operation::ALL {
            assert!(operation_shape(op.as_str(), "input").is_some(), "{op:?}");
        }
        assert!(is_modeled_error("StateMachineDoesNotExist"));
        assert!(!is_modeled_error("ParamValidation"));
    }

    #[test]
    fn timestamps_become_epoch_seconds_at_any_depth() {
        let mut r = json!({
            "events": [{"timestamp": "2026-11-29T22:46:17.123000+01:00", "type": "PassStateEntered",
                        "id": 1, "previousEventId": 0}],
        });
        timestamps_to_epoch("GetExecutionHistory", &mut r);
        assert_eq!(r["events"][0]["timestamp"], json!(1795988777.123));
        assert_eq!(r["events"][0]["id"], json!(1));
        let mut d = json!({"startDate": "2026-11-29T21:46:17.000000+00:00", "name": "x"});
        timestamps_to_epoch("DescribeExecution", &mut d);
        assert_eq!(d["startDate"], json!(1795988777.0));
        assert_eq!(d["name"], json!("x"));
    }

    #[test]
    fn missing_members_and_constraints_are_validation_errors() {
        let e = validate("CreateStateMachine", &json!({"name": "", "type": "FAST"})).unwrap_err();
        assert_eq!(e.code, "ValidationException");
        let m = e.message.unwrap();
        assert!(m.starts_with("4 validation errors detected: "), "{m}");
        assert!(m.contains("Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1"), "{m}");
        assert!(
            m.contains(
                "Value null at 'definition' failed to satisfy constraint: Member must not be null"
            ),
            "{m}"
        );
        assert!(m.contains("Value 'FAST' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"), "{m}");
        let e = validate("ListExecutions", &json!({"maxResults": 1001})).unwrap_err();
        assert_eq!(
            e.message.unwrap(),
            "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"
        );
        let e = validate(
            "CreateStateMachineAlias",
            &json!({"name": "a", "routingConfiguration": [{"stateMachineVersionArn": "x", "weight": 101}]}),
        )
        .unwrap_err();
        assert!(e
            .message
            .unwrap()
            .contains("at 'routingConfiguration.1.member.weight'"));
    }

    #[test]
    fn sensitive_values_stay_out_of_messages() {
        let e = validate(
            "CreateStateMachine",
            &json!({"name": "n", "definition": "", "roleArn": "r"}),
        )
        .unwrap_err();
        assert_eq!(e.message.unwrap(), "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    #[test]
    fn wrong_json_types_are_serialization_errors() {
        let e = validate("DescribeExecution", &json!({"executionArn": 5})).unwrap_err();
        assert_eq!(e.code, "SerializationException");
        let e = validate("ListExecutions", &json!({"maxResults": "5"})).unwrap_err();
        assert_eq!(e.code, "SerializationException");
        assert!(validate("ListExecutions", &json!({"maxResults": 5, "unknown": 1})).is_ok());
    }
}
