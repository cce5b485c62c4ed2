//! Rendering a response as the AWS CLI v2 does: `json`, `text`, `table`, `yaml` and
//! `yaml-stream` (in [`super::yaml_output`]).
use serde::Serialize;
use serde_json::Value;

/// An output format (`--output`, `AWS_DEFAULT_OUTPUT`, a profile's `output`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
    Table,
    Yaml,
    YamlStream,
}

impl Format {
    /// Every format by its name, in the order the AWS CLI lists its choices.
    pub const ALL: &'static [(&'static str, Format)] = &[
        ("json", Format::Json),
        ("text", Format::Text),
        ("table", Format::Table),
        ("yaml", Format::Yaml),
        ("yaml-stream", Format::YamlStream),
    ];

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(name, _)| *name == s)
            .map(|(_, f)| *f)
    }

    pub fn names() -> Vec<&'static str> {
        Format::ALL.iter().map(|(name, _)| *name).collect()
    }
}

/// The text to print for `value`; empty when the CLI prints nothing. `title` is the
/// operation's API name (the table's title).
pub fn render(
    value: &Value,
    format: Format,
    title: &str,
    style: table::Style,
) -> Result<String, table::RaggedRow> {
    Ok(match format {
        Format::Json => json(value),
        Format::Text => text(value),
        Format::Table => table::render(value, title, style)?,
        Format::Yaml => super::yaml_output::render(value),
        Format::YamlStream => super::yaml_output::render_stream(value),
    })
}

/// 4-space indent, non-ASCII as is; an empty object prints nothing.
pub fn json(value: &Value) -> String {
    if value.as_object().is_some_and(|o| o.is_empty()) {
        return String::new();
    }
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    // Serializing a Value into a Vec cannot fail.
    let _ = value.serialize(&mut ser);
    let mut s = String::from_utf8(out).unwrap_or_default();
    s.push('\n');
    s
}

/// Python's `str()` of a scalar, as the AWS CLI's text and table formats print it.
fn scalar(value: &Value) -> String {
    match value {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Array(_))
}

/// The AWS CLI's text format (`awscli/text.py`): scalars of a dict on one tab-separated
/// line (keys sorted), nested values after it, prefixed by their upper-cased key.
pub fn text(value: &Value) -> String {
    let mut out = String::new();
    text_item(value, None, None, &mut out);
    out
}

fn text_item(item: &Value, identifier: Option<&str>, keys: Option<&[String]>, out: &mut String) {
    match item {
        Value::Object(_) => text_dict(item, identifier, keys, out),
        Value::Array(items) => text_list(items, identifier, out),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn text_list(items: &[Value], identifier: Option<&str>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        let mut keys: Vec<String> = items
            .iter()
            .filter_map(Value::as_object)
            .flat_map(|o| {
                o.iter()
                    .filter(|(_, v)| is_scalar(v))
                    .map(|(k, _)| k.clone())
            })
            .collect();
        keys.sort();
        keys.dedup();
        for item in items {
            text_item(item, identifier, Some(&keys), out);
        }
    } else if items.iter().any(Value::is_array) {
        let scalars: Vec<&Value> = items.iter().filter(|v| is_scalar(v)).collect();
        if !scalars.is_empty() {
            text_scalars(&scalars, identifier, out);
        }
        for item in items.iter().filter(|v| !is_scalar(v)) {
            text_item(item, identifier, None, out);
        }
    } else {
        let all: Vec<&Value> = items.iter().collect();
        text_scalars(&all, identifier, out);
    }
}

fn text_scalars(items: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(id) => {
            for item in items {
                out.push_str(&format!("{}\t{}\n", id.to_uppercase(), scalar(item)));
            }
        }
        None => {
            let line: Vec<String> = items.iter().map(|v| scalar(v)).collect();
            out.push_str(&line.join("\t"));
            out.push('\n');
        }
    }
}

fn text_dict(item: &Value, identifier: Option<&str>, keys: Option<&[String]>, out: &mut String) {
    let Some(map) = item.as_object() else { return };
    let mut scalars = Vec::new();
    let mut nested: Vec<(&str, &Value)> = Vec::new();
    match keys {
        None => {
            let mut sorted: Vec<(&String, &Value)> = map.iter().collect();
            sorted.sort_by(|a, b| a.0.cmp(b.0));
            for (k, v) in sorted {
                if is_scalar(v) {
                    scalars.push(scalar(v));
                } else {
                    nested.push((k, v));
                }
            }
        }
        Some(keys) => {
            for k in keys {
                scalars.push(map.get(k).map(scalar).unwrap_or_default());
            }
            let mut rest: Vec<&String> = map.keys().filter(|k| !keys.contains(k)).collect();
            rest.sort();
            for k in rest {
                nested.push((k, &map[k]));
            }
        }
    }
    if !scalars.is_empty() {
        if let Some(id) = identifier {
            scalars.insert(0, id.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (k, v) in nested {
        text_item(v, Some(k), None, out);
    }
}

pub mod table;

#[cfg(test)]
mod tests;
