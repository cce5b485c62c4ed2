//! Rendering a response as the AWS CLI v2 does: `json`, `text`, `table`, `yaml` and
//! `yaml-stream` (in [`super::yaml_output`]).
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
    Table,
    Yaml,
    YamlStream,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "json" => Some(Format::Json),
            "text" => Some(Format::Text),
            "table" => Some(Format::Table),
            "yaml" => Some(Format::Yaml),
            "yaml-stream" => Some(Format::YamlStream),
            _ => None,
        }
    }
}

/// The text to print for `value`; empty when the CLI prints nothing.
pub fn render(value: &Value, format: Format, title: &str) -> String {
    match format {
        Format::Json => json(value),
        Format::Text => text(value),
        Format::Table => table::render(value, title),
        Format::Yaml => super::yaml_output::render(value),
        Format::YamlStream => super::yaml_output::render_stream(value),
    }
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
                scalars.push(scalar(map.get(k).unwrap_or(&Value::Null)));
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

/// The AWS CLI's table format: boxed sections titled by the operation, then by key.
mod table {
    use super::{is_scalar, scalar};
    use serde_json::Value;

    enum Row {
        Header(Vec<String>),
        Cells(Vec<String>),
    }

    struct Section {
        title: Option<String>,
        indent: usize,
        rows: Vec<Row>,
    }

    pub fn render(value: &Value, title: &str) -> String {
        let mut sections: Vec<Section> = Vec::new();
        build(&mut sections, Some(title), value, 0);
        sections.retain(|s| s.title.is_some() || !s.rows.is_empty());
        if sections.iter().all(|s| s.rows.is_empty()) && !has_content(value) {
            return String::new();
        }
        draw(&sections)
    }

    fn has_content(value: &Value) -> bool {
        match value {
            Value::Object(o) => !o.is_empty(),
            Value::Array(a) => !a.is_empty(),
            Value::Null => false,
            _ => true,
        }
    }

    fn new_section(sections: &mut Vec<Section>, title: Option<&str>, indent: usize) {
        sections.push(Section {
            title: title.map(str::to_string),
            indent,
            rows: Vec::new(),
        });
    }

    fn rows(sections: &mut Vec<Section>) -> &mut Vec<Row> {
        if sections.is_empty() {
            new_section(sections, None, 0);
        }
        let last = sections.len() - 1;
        &mut sections[last].rows
    }

    fn build(sections: &mut Vec<Section>, title: Option<&str>, value: &Value, indent: usize) {
        if !has_content(value) {
            return;
        }
        if title.is_some() {
            new_section(sections, title, indent);
        }
        match value {
            Value::Array(items) => {
                if items[0].is_object() {
                    from_list(sections, items, indent, title);
                } else {
                    for item in items {
                        match item {
                            Value::Array(inner) if inner.iter().all(is_scalar) => {
                                rows(sections).push(Row::Cells(inner.iter().map(scalar).collect()))
                            }
                            v if is_scalar(v) => rows(sections).push(Row::Cells(vec![scalar(v)])),
                            v => build(sections, None, v, indent),
                        }
                    }
                }
            }
            Value::Object(map) => {
                let (headers, more) = group_keys(map.iter());
                if headers.len() == 1 {
                    let h = headers[0].clone();
                    rows(sections).push(Row::Cells(vec![h.clone(), scalar(&map[&h])]));
                } else if !headers.is_empty() {
                    let cells = headers.iter().map(|h| scalar(&map[h])).collect();
                    rows(sections).push(Row::Header(headers));
                    rows(sections).push(Row::Cells(cells));
                }
                for key in more {
                    build(sections, Some(&key), &map[&key], indent + 1);
                }
            }
            v => rows(sections).push(Row::Cells(vec![scalar(v)])),
        }
    }

    fn group_keys<'a>(
        entries: impl Iterator<Item = (&'a String, &'a Value)>,
    ) -> (Vec<String>, Vec<String>) {
        let mut headers = Vec::new();
        let mut more = Vec::new();
        for (k, v) in entries {
            if is_scalar(v) {
                headers.push(k.clone());
            } else {
                more.push(k.clone());
            }
        }
        headers.sort();
        more.sort();
        (headers, more)
    }

    fn from_list(sections: &mut Vec<Section>, items: &[Value], indent: usize, title: Option<&str>) {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        for item in items.iter().filter_map(Value::as_object) {
            let (h, m) = group_keys(item.iter());
            for k in h {
                if !headers.contains(&k) {
                    headers.push(k);
                }
            }
            for k in m {
                if !more.contains(&k) {
                    more.push(k);
                }
            }
        }
        headers.sort();
        more.sort();
        rows(sections).push(Row::Header(headers.clone()));
        for (i, item) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                new_section(sections, title, indent);
                rows(sections).push(Row::Header(headers.clone()));
            }
            let cells = headers
                .iter()
                .map(|h| item.get(h).map(scalar).unwrap_or_default())
                .collect();
            rows(sections).push(Row::Cells(cells));
            for key in &more {
                if let Some(v) = item.get(key) {
                    build(sections, Some(key), v, indent + 1);
                }
            }
        }
    }

    fn width(s: &str) -> usize {
        s.chars().count()
    }

    /// The terminal width the AWS CLI assumes when it cannot ask the terminal.
    const MAX_WIDTH: usize = 80;

    fn natural_width(rows: &[Row]) -> usize {
        let mut widths: Vec<usize> = Vec::new();
        for r in rows {
            let (Row::Header(c) | Row::Cells(c)) = r;
            if widths.len() < c.len() {
                widths.resize(c.len(), 0);
            }
            for (i, cell) in c.iter().enumerate() {
                widths[i] = widths[i].max(width(cell) + 4);
            }
        }
        widths.iter().sum::<usize>() + widths.len().saturating_sub(1) + 2
    }

    /// A header row with its value rows becomes `key | value` rows, as the AWS CLI does
    /// when a section is wider than the terminal.
    fn vertical(rows: Vec<Row>) -> Vec<Row> {
        let mut out = Vec::new();
        let mut header: Option<Vec<String>> = None;
        for r in rows {
            match r {
                Row::Header(h) => header = Some(h),
                Row::Cells(c) => match &header {
                    Some(h) => {
                        for (k, v) in h.iter().zip(c) {
                            out.push(Row::Cells(vec![k.clone(), v]));
                        }
                    }
                    None => out.push(Row::Cells(c)),
                },
            }
        }
        out
    }

    /// Draws every section at one total width, as the AWS CLI does.
    fn draw(sections: &[Section]) -> String {
        let sections: Vec<Section> = sections
            .iter()
            .map(|s| {
                let rows: Vec<Row> = s
                    .rows
                    .iter()
                    .map(|r| match r {
                        Row::Header(c) => Row::Header(c.clone()),
                        Row::Cells(c) => Row::Cells(c.clone()),
                    })
                    .collect();
                let too_wide = natural_width(&rows) + s.indent * 2 > MAX_WIDTH
                    && rows.iter().any(|r| matches!(r, Row::Header(_)));
                Section {
                    title: s.title.clone(),
                    indent: s.indent,
                    rows: if too_wide { vertical(rows) } else { rows },
                }
            })
            .collect();
        // Column widths per section; the total is the widest section (or title).
        let mut total = 0;
        let mut layouts = Vec::new();
        for s in &sections {
            let cols = s
                .rows
                .iter()
                .map(|r| match r {
                    Row::Header(c) | Row::Cells(c) => c.len(),
                })
                .max()
                .unwrap_or(0);
            let mut widths = vec![0usize; cols];
            for r in &s.rows {
                let (Row::Header(c) | Row::Cells(c)) = r;
                for (i, cell) in c.iter().enumerate() {
                    widths[i] = widths[i].max(width(cell) + 4);
                }
            }
            let inner: usize = widths.iter().sum::<usize>() + widths.len().saturating_sub(1);
            let title_w = s.title.as_deref().map(width).unwrap_or(0) + 4;
            total = total.max(inner.max(title_w) + s.indent * 2);
            layouts.push(widths);
        }
        let mut out = String::new();
        for (s, widths) in sections.iter().zip(&layouts) {
            // Nested sections sit inside their parent's borders: `||`, `|||`...
            let pad = "|".repeat(s.indent);
            let inner = total - s.indent * 2;
            // Stretch the last column so every section has the same width.
            let mut widths = widths.clone();
            let used: usize = widths.iter().sum::<usize>() + widths.len().saturating_sub(1);
            if let Some(last) = widths.last_mut() {
                *last += inner.saturating_sub(used);
            }
            // A nested title sits right under the rule that closed the section before it.
            if let Some(title) = &s.title {
                if s.indent == 0 {
                    out.push_str(&format!("{}\n", "-".repeat(inner + 2)));
                }
                out.push_str(&format!("{pad}|{}|{pad}\n", center(title, inner)));
                if s.rows.is_empty() {
                    out.push_str(&format!("{pad}+{}+{pad}\n", "-".repeat(inner)));
                }
            }
            let rule = |out: &mut String| {
                let parts: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
                out.push_str(&format!("{pad}+{}+{pad}\n", parts.join("+")));
            };
            let mut ruled = false;
            for r in &s.rows {
                if !ruled {
                    rule(&mut out);
                    ruled = true;
                }
                match r {
                    Row::Header(c) => {
                        let cells: Vec<String> =
                            c.iter().zip(&widths).map(|(c, w)| center(c, *w)).collect();
                        out.push_str(&format!("{pad}|{}|{pad}\n", cells.join("|")));
                        rule(&mut out);
                    }
                    Row::Cells(c) => {
                        let cells: Vec<String> = widths
                            .iter()
                            .enumerate()
                            .map(|(i, w)| left(c.get(i).map(String::as_str).unwrap_or(""), *w))
                            .collect();
                        out.push_str(&format!("{pad}|{}|{pad}\n", cells.join("|")));
                    }
                }
            }
            if ruled {
                rule(&mut out);
            }
        }
        out
    }

    fn center(s: &str, w: usize) -> String {
        let len = width(s);
        let left = w.saturating_sub(len) / 2;
        let right = w.saturating_sub(len + left);
        format!("{}{}{}", " ".repeat(left), s, " ".repeat(right))
    }

    fn left(s: &str, w: usize) -> String {
        let len = width(s);
        format!("  {}{}", s, " ".repeat(w.saturating_sub(len + 2)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_uses_four_spaces_and_keeps_non_ascii() {
        assert_eq!(
            json(&json!({"name": "café", "n": [1]})),
            "{\n    \"name\": \"café\",\n    \"n\": [\n        1\n    ]\n}\n"
        );
    }

    #[test]
    fn empty_response_prints_nothing() {
        assert_eq!(json(&json!({})), "");
        assert_eq!(text(&json!({})), "");
    }

    #[test]
    fn text_puts_scalars_on_one_sorted_line_and_prefixes_nested_lists() {
        let v = json!({
            "stateMachines": [
                {"name": "a", "type": "STANDARD"},
                {"name": "b", "type": "EXPRESS"}
            ],
            "nextToken": "t"
        });
        assert_eq!(
            text(&v),
            "t\nSTATEMACHINES\ta\tSTANDARD\nSTATEMACHINES\tb\tEXPRESS\n"
        );
    }

    #[test]
    fn text_of_scalar_list_is_tab_separated() {
        assert_eq!(text(&json!(["a", "b"])), "a\tb\n");
        assert_eq!(text(&json!({"keys": ["a", "b"]})), "KEYS\ta\nKEYS\tb\n");
    }

    #[test]
    fn table_boxes_a_title_and_key_value_rows() {
        let out = render(&json!({"name": "x"}), Format::Table, "DescribeThing");
        assert!(out.contains("DescribeThing"), "{out}");
        assert!(out.contains("|  name"), "{out}");
        assert!(out
            .lines()
            .all(|l| l.len() == out.lines().next().unwrap().len()));
    }
}
