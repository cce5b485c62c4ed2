//! botocore's client-side view of a request and a response against the model's shapes:
//! the parameter validation every request goes through before it is sent (`Parameter
//! validation failed:` then one line per problem, in botocore's order and wording), and
//! the response timestamps that `cli_timestamp_format` decides how to print.
use chrono::{DateTime, FixedOffset};
use serde_json::{Map, Value};

use super::config::TimestampFormat;
use super::shapes::{Shape, OPERATION_SHAPES, SHAPES};
use super::table::Kind;

fn shapes_of(api: &str) -> (Option<&'static Shape>, Option<&'static Shape>) {
    OPERATION_SHAPES
        .iter()
        .find(|(name, _, _)| *name == api)
        .map(|(_, i, o)| (i.map(|i| &SHAPES[i]), o.map(|o| &SHAPES[o])))
        .unwrap_or((None, None))
}

/// The problems botocore's `ParamValidator` reports for `request`, in its order; empty
/// when the request is valid.
pub fn problems(api: &str, request: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    if let (Some(input), _) = shapes_of(api) {
        structure(&Value::Object(request.clone()), input, "", &mut out);
    }
    out
}

/// botocore names the top level `input` and drops the leading dot of members.
fn display(name: &str) -> &str {
    if name.is_empty() {
        "input"
    } else {
        name.strip_prefix('.').unwrap_or(name)
    }
}

fn check(value: &Value, shape: &Shape, name: &str, out: &mut Vec<String>) {
    match shape.kind {
        Kind::Struct => structure(value, shape, name, out),
        Kind::List => match value {
            Value::Array(items) => {
                length(items.len(), shape, name, out);
                if let Some(item) = shape.item {
                    for (i, v) in items.iter().enumerate() {
                        check(v, &SHAPES[item], &format!("{name}[{i}]"), out);
                    }
                }
            }
            v => invalid_type(v, &["<class 'list'>", "<class 'tuple'>"], name, out),
        },
        Kind::Map => match value {
            Value::Object(map) => {
                for (k, v) in map {
                    if let Some(key) = shape.key {
                        let key_value = Value::String(k.clone());
                        check(&key_value, &SHAPES[key], &format!("{name} (key: {k})"), out);
                    }
                    if let Some(item) = shape.item {
                        check(v, &SHAPES[item], &format!("{name}.{k}"), out);
                    }
                }
            }
            v => invalid_type(v, &["<class 'dict'>"], name, out),
        },
        Kind::Str | Kind::Enum => match value {
            Value::String(s) => length(s.chars().count(), shape, name, out),
            v => invalid_type(v, &["<class 'str'>"], name, out),
        },
        Kind::Int | Kind::Long => match value {
            Value::Number(n) if n.is_i64() || n.is_u64() => range(value, shape, name, out),
            v => invalid_type(v, &["<class 'int'>"], name, out),
        },
        Kind::Float => match value {
            Value::Number(_) => range(value, shape, name, out),
            v => invalid_type(
                v,
                &[
                    "<class 'float'>",
                    "<class 'decimal.Decimal'>",
                    "<class 'int'>",
                ],
                name,
                out,
            ),
        },
        Kind::Bool => {
            if !value.is_boolean() {
                invalid_type(value, &["<class 'bool'>"], name, out)
            }
        }
        Kind::Blob => {
            if !value.is_string() {
                invalid_type(
                    value,
                    &["<class 'bytes'>", "<class 'bytearray'>", "file-like object"],
                    name,
                    out,
                )
            }
        }
        Kind::Timestamp => {
            let ok = match value {
                Value::String(s) => DateTime::parse_from_rfc3339(s).is_ok(),
                Value::Number(_) => true,
                _ => false,
            };
            if !ok {
                invalid_type(
                    value,
                    &["<class 'datetime.datetime'>", "timestamp-string"],
                    name,
                    out,
                )
            }
        }
    }
}

fn structure(value: &Value, shape: &Shape, name: &str, out: &mut Vec<String>) {
    let Value::Object(params) = value else {
        return invalid_type(value, &["<class 'dict'>"], name, out);
    };
    for required in shape.required {
        if !params.contains_key(*required) {
            out.push(format!(
                "Missing required parameter in {}: \"{required}\"",
                display(name)
            ));
        }
    }
    let valid: Vec<&str> = shape.members.iter().map(|(m, _)| *m).collect();
    for key in params.keys() {
        if !valid.contains(&key.as_str()) {
            out.push(format!(
                "Unknown parameter in {}: \"{key}\", must be one of: {}",
                display(name),
                valid.join(", ")
            ));
        }
    }
    for (key, v) in params {
        if let Some((_, member)) = shape.members.iter().find(|(m, _)| m == key) {
            check(v, &SHAPES[*member], &format!("{name}.{key}"), out);
        }
    }
}

fn length(len: usize, shape: &Shape, name: &str, out: &mut Vec<String>) {
    if let Some(min) = shape.min.filter(|m| (len as i64) < *m) {
        out.push(format!(
            "Invalid length for parameter {}, value: {len}, valid min length: {min}",
            display(name)
        ));
    }
}

fn range(value: &Value, shape: &Shape, name: &str, out: &mut Vec<String>) {
    let Some(min) = shape.min else { return };
    if value.as_f64().is_some_and(|v| v < min as f64) {
        out.push(format!(
            "Invalid value for parameter {}, value: {}, valid min value: {min}",
            display(name),
            py_str(value)
        ));
    }
}

fn invalid_type(value: &Value, valid: &[&str], name: &str, out: &mut Vec<String>) {
    out.push(format!(
        "Invalid type for parameter {}, value: {}, type: {}, valid types: {}",
        display(name),
        crate::asl::error::quote(&py_str(value)),
        py_type(value),
        valid.join(", ")
    ));
}

/// Python's `str()` of a JSON value (as botocore formats the values it reports).
pub fn py_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr()` of a JSON value: `{'a': 1, 'b': [True, None]}`.
pub fn py_repr(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            // Python prefers single quotes, switching to double when the text has a
            // single quote and no double quote.
            let quote = if s.contains('\'') && !s.contains('"') {
                '"'
            } else {
                '\''
            };
            let mut out = String::from(quote);
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c == quote => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                        out.push_str(&format!("\\x{:02x}", c as u32))
                    }
                    c => out.push(c),
                }
            }
            out.push(quote);
            out
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(py_repr).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", py_repr(&Value::String(k.clone())), py_repr(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

fn py_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

/// Rewrites the response's timestamps (members of the model's timestamp shape) as
/// `cli_timestamp_format` prints them. The API layer writes them as ISO 8601 text, which
/// is already the `iso8601` form; `wire` prints the seconds since the epoch that the
/// service sends, as Python prints that float.
pub fn timestamps(api: &str, response: &mut Value, format: TimestampFormat) {
    if format == TimestampFormat::Iso8601 {
        return;
    }
    if let (_, Some(output)) = shapes_of(api) {
        walk_timestamps(response, output);
    }
}

fn walk_timestamps(value: &mut Value, shape: &Shape) {
    match (shape.kind, value) {
        (Kind::Timestamp, v) => {
            if let Some(text) = v.as_str() {
                if let Ok(at) = DateTime::parse_from_rfc3339(text) {
                    *v = wire(at);
                }
            }
        }
        (Kind::Struct, Value::Object(map)) => {
            for (key, member) in shape.members {
                if let Some(v) = map.get_mut(*key) {
                    walk_timestamps(v, &SHAPES[*member]);
                }
            }
        }
        (Kind::List, Value::Array(items)) => {
            if let Some(item) = shape.item {
                items
                    .iter_mut()
                    .for_each(|v| walk_timestamps(v, &SHAPES[item]));
            }
        }
        (Kind::Map, Value::Object(map)) => {
            if let Some(item) = shape.item {
                map.values_mut()
                    .for_each(|v| walk_timestamps(v, &SHAPES[item]));
            }
        }
        _ => {}
    }
}

/// Epoch seconds with the milliseconds AWS keeps, as a JSON float (`1732919177.123`,
/// `1732919177.0`).
fn wire(at: DateTime<FixedOffset>) -> Value {
    let millis = at.timestamp_millis();
    let seconds = millis as f64 / 1000.0;
    serde_json::Number::from_f64(seconds)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn nested_unknown_members_are_named_by_path() {
        let p = problems(
            "TagResource",
            &request(json!({"resourceArn": "a", "tags": [{"Key": "a", "Value": "b"}]})),
        );
        assert_eq!(
            p,
            [
                "Unknown parameter in tags[0]: \"Key\", must be one of: key, value",
                "Unknown parameter in tags[0]: \"Value\", must be one of: key, value"
            ]
        );
    }

    #[test]
    fn missing_then_unknown_then_members() {
        let p = problems("StartExecution", &request(json!({"bogus": 1, "input": 5})));
        assert_eq!(
            p[0],
            "Missing required parameter in input: \"stateMachineArn\""
        );
        assert!(p[1].starts_with("Unknown parameter in input: \"bogus\", must be one of: stateMachineArn, name, input, traceHeader"), "{p:?}");
        assert_eq!(
            p[2],
            "Invalid type for parameter input, value: 5, type: <class 'int'>, valid types: <class 'str'>"
        );
    }

    #[test]
    fn python_reprs() {
        assert_eq!(
            py_repr(&json!({"a": [true, null, 1.5, "it's"]})),
            "{'a': [True, None, 1.5, \"it's\"]}"
        );
    }

    #[test]
    fn wire_timestamps_are_epoch_seconds() {
        let mut v = json!({"name": "x", "creationDate": "2024-11-29T22:46:17.123000+00:00"});
        timestamps("DescribeActivity", &mut v, TimestampFormat::Wire);
        assert_eq!(v["creationDate"], json!(1732920377.123));
        assert_eq!(v["name"], "x");
    }
}
