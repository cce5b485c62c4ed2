//! Reading and writing data for the engine: JSONPath through `asl::path` (with a fast path
//! for the plain `$` / `$.a.b` forms that dominate real workflows), payload templates,
//! JSONata fields, and AWS's error texts for each.
use serde_json::{Map, Value};

use crate::asl::jsonata::{self, Bindings};
use crate::asl::path::{self, PathError, Scope};
use crate::asl::{template, StatesError, Variables};

/// Plain `.name` segments of a simple path (`$.a.b` → `["a", "b"]`), or `None` when the
/// path needs the full JSONPath engine.
fn simple_segments(rest: &str) -> Option<Vec<&str>> {
    if rest.is_empty() {
        return Some(Vec::new());
    }
    let rest = rest.strip_prefix('.')?;
    let segments: Vec<&str> = rest.split('.').collect();
    let plain = segments.iter().all(|s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    });
    plain.then_some(segments)
}

fn bracketed(segments: &[&str]) -> String {
    let mut out = String::from("$");
    for s in segments {
        out.push_str("['");
        out.push_str(s);
        out.push_str("']");
    }
    out
}

/// Reads a path (`$…`, `$$…` or `$var…`).
pub fn read(path_text: &str, scope: &Scope) -> Result<Value, PathError> {
    let (root, rest) = if let Some(rest) = path_text.strip_prefix("$$") {
        (scope.context, rest)
    } else if let Some(rest) = path_text.strip_prefix('$') {
        if rest.is_empty() || rest.starts_with('.') {
            (scope.input, rest)
        } else {
            return path::read(path_text, scope);
        }
    } else {
        return path::read(path_text, scope);
    };
    let Some(segments) = simple_segments(rest) else {
        return path::read(path_text, scope);
    };
    let mut current = root;
    for (i, segment) in segments.iter().enumerate() {
        match current {
            Value::Object(map) => match map.get(*segment) {
                Some(v) => current = v,
                None if i + 1 == segments.len() => {
                    return Err(PathError::NoResults(bracketed(&segments)))
                }
                None => return Err(PathError::MissingProperty(bracketed(&segments[..=i]))),
            },
            // Arrays and scalars: let the full engine decide what Jayway would do.
            _ => return path::read(path_text, scope),
        }
    }
    Ok(current.clone())
}

/// Writes `value` at the reference path (ResultPath semantics).
pub fn write(target: Value, path_text: &str, value: Value) -> Result<Value, PathError> {
    if path_text == "$" {
        return Ok(value);
    }
    let Some(segments) = path_text.strip_prefix('$').and_then(simple_segments) else {
        return path::write(target, path_text, value);
    };
    if !target.is_object() {
        return path::write(target, path_text, value);
    }
    let mut target = target;
    {
        let mut current = &mut target;
        for (i, segment) in segments.iter().enumerate() {
            let Value::Object(map) = current else {
                // An intermediate scalar: the full engine words the failure.
                return path::write(target, path_text, value);
            };
            if i + 1 == segments.len() {
                map.insert((*segment).to_string(), value);
                break;
            }
            let entry = map
                .entry((*segment).to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            current = entry;
        }
    }
    Ok(target)
}

pub use crate::asl::field::invalid_path;

/// Evaluates a payload template, with the fast path that a template without `.$` keys is
/// a literal.
pub fn evaluate_template(template_value: &Value, scope: &Scope) -> Result<Value, StatesError> {
    if !has_dynamic_keys(template_value) {
        return Ok(template_value.clone());
    }
    template::evaluate(template_value, scope)
}

fn has_dynamic_keys(value: &Value) -> bool {
    match value {
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.ends_with(".$") || has_dynamic_keys(v)),
        Value::Array(items) => items.iter().any(has_dynamic_keys),
        _ => false,
    }
}

/// The `$states` object of a JSONata expression.
pub fn states_binding(
    input: &Value,
    context: &Value,
    result: Option<&Value>,
    error_output: Option<&Value>,
) -> Value {
    let mut states = Map::new();
    states.insert("input".into(), input.clone());
    states.insert("context".into(), context.clone());
    if let Some(result) = result {
        states.insert("result".into(), result.clone());
    }
    if let Some(error_output) = error_output {
        states.insert("errorOutput".into(), error_output.clone());
    }
    Value::Object(states)
}

/// Evaluates a JSONata-mode field (literals pass through untouched).
pub fn evaluate_jsonata(
    value: &Value,
    location: &str,
    states: &Value,
    vars: &dyn Variables,
) -> Result<Value, StatesError> {
    let bindings = Bindings { states, vars };
    jsonata::evaluate_field(value, location, &bindings)
}

/// Compact JSON text, as history events carry payloads.
pub fn to_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// Appends the compact JSON text of `value` to `out`.
pub fn write_text(out: &mut Vec<u8>, value: &Value) {
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(out, value);
}

/// Appends `text` as a JSON string literal.
pub fn write_string(out: &mut Vec<u8>, text: &str) {
    let _ = serde_json::to_writer(out, text);
}

/// The length of [`to_text`]'s text of `value`, without keeping the text (payload size
/// checks run for every state).
pub fn text_len(value: &Value) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::vars::NoVariables;
    use serde_json::json;

    fn scope<'a>(input: &'a Value, context: &'a Value) -> Scope<'a> {
        Scope::new(input, context, &NoVariables)
    }

    #[test]
    fn text_len_is_the_length_of_the_text() {
        let mut all_bytes = String::new();
        for c in (0u32..0x80).chain([0xe9, 0x2028, 0x1f600]) {
            all_bytes.push(char::from_u32(c).unwrap());
        }
        let values = [
            json!({
                "name": "S\"1",
                "all": all_bytes,
                "n": [0, 1, -2, 3.5, 1e300, 0.1, -0.0, 1.0, u64::MAX, i64::MIN, null, true, false, {}, []],
                "nested": {"k\u{0}\u{1f}": {"x": ""}, "long": "abcdefgh\"ijklmnop\\q".repeat(9)},
            }),
            json!(""),
            json!("1234567\n"),
            json!("12345678\t"),
            json!(12.5e-7),
        ];
        for value in values {
            assert_eq!(text_len(&value), to_text(&value).len());
        }
    }

    #[test]
    fn reads_simple_paths_with_awss_errors() {
        let input = json!({"a": {"b": 1}});
        let ctx = json!({"Execution": {"Name": "n"}});
        let s = scope(&input, &ctx);
        assert_eq!(read("$", &s).unwrap(), input);
        assert_eq!(read("$.a.b", &s).unwrap(), json!(1));
        assert_eq!(read("$$.Execution.Name", &s).unwrap(), json!("n"));
        assert_eq!(
            read("$.a.x", &s).unwrap_err().detail(),
            "No results for path: $['a']['x']"
        );
        assert_eq!(
            read("$.x.y", &s).unwrap_err().detail(),
            "Missing property in path $['x']"
        );
    }

    #[test]
    fn writes_create_intermediate_objects() {
        let out = write(json!({"k": 1}), "$.a.b", json!(2)).unwrap();
        assert_eq!(out, json!({"k": 1, "a": {"b": 2}}));
        assert_eq!(write(json!({}), "$", json!(3)).unwrap(), json!(3));
    }
}
