//! The AWS CLI v2's YAML: `--output yaml` and `yaml-stream`, and
//! `--generate-cli-skeleton yaml-input`. The layout is the one the AWS CLI's YAML dumper
//! (ruamel.yaml, block style) produces: two-space mappings, sequences at their key's
//! indentation, strings quoted only when they would read as something else.
//!
//! Written here rather than with a YAML crate's emitter because the point is the AWS CLI's
//! layout (the crates' emitters indent sequences differently and start with `---`); any
//! YAML parser reads it back as the same data.
use serde_json::Value;

use super::table::Operation;

/// `--output yaml`: the response as one YAML document; an empty response prints nothing.
pub fn render(value: &Value) -> String {
    if value.as_object().is_some_and(|o| o.is_empty()) {
        return String::new();
    }
    let mut out = String::new();
    match value {
        Value::Object(_) | Value::Array(_) if !is_empty_collection(value) => {
            block(value, 0, &mut out)
        }
        scalar_value => {
            out.push_str(&scalar(scalar_value));
            out.push_str("\n...\n");
        }
    }
    out
}

/// `--output yaml-stream`: the response as an item of a list (each page an item).
pub fn render_stream(value: &Value) -> String {
    if value.as_object().is_some_and(|o| o.is_empty()) {
        return String::new();
    }
    render(&Value::Array(vec![value.clone()]))
}

/// `--generate-cli-skeleton yaml-input`: the input skeleton as YAML, each top-level member
/// commented with `[REQUIRED]` when it is and the first sentence of its documentation.
pub fn input_skeleton(op: &Operation) -> String {
    let skeleton: Value = serde_json::from_str(op.input_skeleton).unwrap_or(Value::Null);
    let Value::Object(members) = skeleton else {
        return render(&skeleton);
    };
    let mut out = String::new();
    for (key, value) in &members {
        let mut text = String::new();
        member(key, value, 0, &mut text);
        let comment = op.flags.iter().find(|f| f.member == key).map(|f| {
            let sentence = f
                .help
                .split(". ")
                .next()
                .unwrap_or_default()
                .trim_end_matches('.');
            let required = if f.required { "[REQUIRED] " } else { "" };
            format!(" # {required}{sentence}.")
        });
        let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
        out.push_str(first);
        out.push_str(&comment.unwrap_or_default());
        out.push('\n');
        out.push_str(rest);
    }
    out
}

fn is_empty_collection(value: &Value) -> bool {
    match value {
        Value::Object(o) => o.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// A non-empty mapping or sequence in block style, at `indent`.
fn block(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(map) => {
            for (i, (key, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(&" ".repeat(indent));
                }
                member(key, v, indent, out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&" ".repeat(indent));
                }
                out.push_str("- ");
                if is_empty_collection(item) || !matches!(item, Value::Object(_) | Value::Array(_))
                {
                    out.push_str(&scalar(item));
                    out.push('\n');
                } else {
                    block(item, indent + 2, out);
                }
            }
        }
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

/// `key: value` (the caller wrote the indentation of this first line).
fn member(key: &str, value: &Value, indent: usize, out: &mut String) {
    out.push_str(&string(key));
    out.push(':');
    match value {
        Value::Object(_) if !is_empty_collection(value) => {
            out.push('\n');
            out.push_str(&" ".repeat(indent + 2));
            block(value, indent + 2, out);
        }
        Value::Array(_) if !is_empty_collection(value) => {
            // Sequences sit at their key's indentation, as the AWS CLI prints them.
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            block(value, indent, out);
        }
        other => {
            out.push(' ');
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn scalar(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Object(_) => "{}".into(),
        Value::Array(_) => "[]".into(),
    }
}

/// A string plain when it reads back as the same string, else single-quoted; text with
/// line breaks or control characters double-quoted with escapes (JSON's escapes are
/// YAML's).
fn string(s: &str) -> String {
    if s.chars().any(|c| c.is_control()) {
        return Value::String(s.to_string()).to_string();
    }
    if needs_quotes(s) {
        return format!("'{}'", s.replace('\'', "''"));
    }
    s.to_string()
}

fn needs_quotes(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return true;
    };
    if first.is_whitespace() || s.ends_with(char::is_whitespace) {
        return true;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return true;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "null" | "~" | "true" | "false" | "yes" | "no" | "on" | "off"
    ) || matches!(lower.as_str(), ".inf" | "-.inf" | "+.inf" | ".nan")
    {
        return true;
    }
    // Numbers (and things YAML 1.1 reads as numbers or dates) stay strings.
    let numeric = s
        .chars()
        .all(|c| c.is_ascii_digit() || "+-._:eExXoObB".contains(c) || c.is_ascii_hexdigit());
    if numeric && s.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let date = s.len() >= 10
        && s.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && s.as_bytes()[4] == b'-';
    date
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_aws_cli_layout() {
        let value = json!({
            "stateMachines": [
                {"name": "orders", "creationDate": "2024-01-02T03:04:05.000000+00:00", "type": "STANDARD"},
                {"name": "yes", "creationDate": "2024-01-02T03:04:05.000000+00:00", "type": "EXPRESS"}
            ],
            "nextToken": null,
            "nested": {"list": [[1, 2], []], "empty": {}, "text": "a: b", "multi": "x\ny", "n": "12"}
        });
        assert_eq!(
            render(&value),
            "stateMachines:\n\
             - name: orders\n  creationDate: '2024-01-02T03:04:05.000000+00:00'\n  type: STANDARD\n\
             - name: 'yes'\n  creationDate: '2024-01-02T03:04:05.000000+00:00'\n  type: EXPRESS\n\
             nextToken: null\n\
             nested:\n  list:\n  - - 1\n    - 2\n  - []\n  empty: {}\n  text: 'a: b'\n  multi: \"x\\ny\"\n  n: '12'\n"
        );
        assert_eq!(render(&json!({})), "");
        assert_eq!(
            render(&json!("arn:aws:states:x")),
            "arn:aws:states:x\n...\n"
        );
        assert_eq!(render_stream(&json!({"a": [1]})), "- a:\n  - 1\n");
    }
}
