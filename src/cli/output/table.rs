//! The AWS CLI's table format, as `awscli/formatter.py` (`TableFormatter`) builds it and
//! `awscli/table.py` (`MultiTable`) draws it: sections titled by the operation and then
//! by key, columns sized to their content and scaled to one common width, and single-row
//! sections turned into key/value rows when the table is wider than the terminal.
use serde_json::Value;

use super::scalar;

/// How the table is drawn: the terminal width (80 when stdout is not a terminal, as
/// the AWS CLI assumes) and whether values are coloured (`--color`, at a terminal).
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub terminal_width: usize,
    pub color: bool,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            terminal_width: 80,
            color: false,
        }
    }
}

/// A row whose length differs from its section's (a list of scalar lists of
/// different lengths): the AWS CLI fails with this message.
#[derive(Debug)]
pub struct RaggedRow(pub String);

#[derive(Default, Clone)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

impl Section {
    fn add_header(&mut self, headers: Vec<String>) {
        self.update_max_widths(&headers);
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) -> Result<(), RaggedRow> {
        let n = *self.num_cols.get_or_insert(row.len());
        if row.len() != n {
            return Err(RaggedRow(format!(
                "Row should have {n} elements, instead it has {}",
                row.len()
            )));
        }
        self.update_max_widths(&row);
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|c| text_length(c)).collect();
        } else {
            for (w, cell) in self.max_widths.iter_mut().zip(row) {
                *w = (*w).max(text_length(cell));
            }
        }
    }

    /// Column widths with `padding`, scaled so that they add up to `max_width`
    /// (Python's rounding, then the difference taken from or given to the columns
    /// in turn).
    fn column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        if unscaled.is_empty() {
            return unscaled;
        }
        let total: usize = unscaled.iter().sum();
        let factor = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| (factor * *w as f64).round_ties_even() as i64)
            .collect();
        let mut off_by = scaled.iter().sum::<i64>() - max_width as i64;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    fn total_width(&self) -> usize {
        let outer = self.indent * 2;
        let columns: usize = self.column_widths(0, None).iter().map(|w| w + 4).sum();
        (text_length(&self.title) + 2 + outer).max(columns + 2 + outer)
    }
}

/// Python's `str()` of a cell, as `Section.add_row` makes it.
fn cell(value: &Value) -> String {
    match value {
        Value::Object(_) | Value::Array(_) => super::super::validate::py_repr(value),
        v => scalar(v),
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Array(_))
}

/// Python's truth value: empty containers, `None`, `False`, `0` and `""` are false.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

struct Builder {
    sections: Vec<Section>,
}

impl Builder {
    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    fn new_section(&mut self, title: &str, indent: usize) {
        self.sections.push(Section {
            title: title.to_string(),
            indent,
            ..Section::default()
        });
    }

    fn build(
        &mut self,
        title: Option<&str>,
        current: &Value,
        indent: usize,
    ) -> Result<bool, RaggedRow> {
        if !truthy(current) {
            return Ok(false);
        }
        if let Some(title) = title {
            self.new_section(title, indent);
        }
        match current {
            Value::Array(items) => {
                if items[0].is_object() {
                    self.sub_table_from_list(items, indent, title)?;
                } else {
                    for item in items {
                        match item {
                            v if is_scalar(v) => self.current().add_row(vec![cell(v)])?,
                            Value::Array(inner) if inner.iter().all(is_scalar) => {
                                self.current().add_row(inner.iter().map(cell).collect())?
                            }
                            // Iterating a dict yields its keys, which are scalars.
                            Value::Object(map) => {
                                self.current().add_row(map.keys().cloned().collect())?
                            }
                            v => {
                                self.build(None, v, 0)?;
                            }
                        }
                    }
                }
            }
            Value::Object(map) => {
                let (headers, more) = group_scalar_keys(map.iter());
                if headers.len() == 1 {
                    let key = headers[0].clone();
                    let value = cell(&map[&key]);
                    self.current().add_row(vec![key, value])?;
                } else if !headers.is_empty() {
                    let row = headers.iter().map(|h| cell(&map[h])).collect();
                    self.current().add_header(headers);
                    self.current().add_row(row)?;
                }
                for key in more {
                    self.build(Some(&key), &map[&key], indent + 1)?;
                }
            }
            _ => {}
        }
        Ok(true)
    }

    fn sub_table_from_list(
        &mut self,
        items: &[Value],
        indent: usize,
        title: Option<&str>,
    ) -> Result<(), RaggedRow> {
        let mut headers: Vec<String> = Vec::new();
        let mut more: Vec<String> = Vec::new();
        for item in items.iter().filter_map(Value::as_object) {
            let (h, m) = group_scalar_keys(item.iter());
            headers.extend(h);
            more.extend(m);
        }
        headers.sort();
        headers.dedup();
        more.sort();
        more.dedup();
        self.current().add_header(headers.clone());
        for (i, element) in items.iter().enumerate() {
            if i > 0 && !more.is_empty() {
                self.new_section(title.unwrap_or(""), indent);
                self.current().add_header(headers.clone());
            }
            let row = headers
                .iter()
                .map(|h| element.get(h).map(cell).unwrap_or_default())
                .collect();
            self.current().add_row(row)?;
            for key in &more {
                if let Some(v) = element.get(key) {
                    self.build(Some(key), v, indent + 1)?;
                }
            }
        }
        Ok(())
    }
}

fn group_scalar_keys<'a>(
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

/// The width the AWS CLI gives a character: 2 for East Asian wide, full-width and
/// ambiguous characters, 1 for the others.
fn text_length(text: &str) -> usize {
    text.chars()
        .map(|c| match unicode_width::UnicodeWidthChar::width_cjk(c) {
            Some(2) => 2,
            _ => 1,
        })
        .sum()
}

/// The table for `value` titled `title`; empty when the AWS CLI prints nothing.
pub fn render(value: &Value, title: &str, style: Style) -> Result<String, RaggedRow> {
    let mut builder = Builder {
        sections: Vec::new(),
    };
    if !builder.build(Some(title), value, 0)? {
        return Ok(String::new());
    }
    let mut sections = builder.sections;
    let max_width =
        |sections: &[Section]| sections.iter().map(Section::total_width).max().unwrap_or(0);
    let mut width = max_width(&sections);
    if width > style.terminal_width {
        to_vertical(&mut sections);
        width = max_width(&sections);
    }
    let mut out = format!("{}\n", "-".repeat(width));
    for section in &sections {
        draw_section(section, width, style, &mut out);
    }
    Ok(out)
}

/// Sections of a single row become `header | value` rows.
fn to_vertical(sections: &mut [Section]) {
    for section in sections.iter_mut() {
        if section.rows.len() == 1 && !section.headers.is_empty() {
            let mut vertical = Section {
                title: section.title.clone(),
                indent: section.indent,
                ..Section::default()
            };
            for (h, v) in section.headers.iter().zip(&section.rows[0]) {
                // Two cells per row, always: cannot be ragged.
                let _ = vertical.add_row(vec![h.clone(), v.clone()]);
            }
            *section = vertical;
        }
    }
}

const BRIGHT_BLUE: &str = "\x1b[1m\x1b[34m";
const DIM_YELLOW: &str = "\x1b[2m\x1b[33m";
const RESET: &str = "\x1b[0m";

fn draw_section(section: &Section, max_width: usize, style: Style, out: &mut String) {
    let bar = if style.color {
        format!("{DIM_YELLOW}|{RESET}")
    } else {
        "|".to_string()
    };
    let pad = bar.repeat(section.indent);
    let mut line = |text: String| {
        out.push_str(&pad);
        out.push_str(&text);
        out.push_str(&pad);
        out.push('\n');
    };
    let max_width = max_width.saturating_sub(section.indent * 2);
    if !section.title.is_empty() {
        line(center(&section.title, max_width, "|", "|"));
        if section.headers.is_empty() && section.rows.is_empty() {
            line(format!("+{}+", "-".repeat(max_width.saturating_sub(2))));
        }
    }
    if !section.headers.is_empty() {
        let widths = section.column_widths(4, Some(max_width));
        let mut current = String::new();
        for (i, (w, header)) in widths.iter().zip(&section.headers).enumerate() {
            current.push_str(&center(header, *w, if i == 0 { "|" } else { "" }, "|"));
        }
        line(line_break(&widths));
        line(current);
    }
    if section.rows.is_empty() {
        return;
    }
    let widths = section.column_widths(4, Some(max_width));
    if widths.is_empty() {
        return;
    }
    line(line_break(&widths));
    for row in &section.rows {
        let mut current = String::new();
        for (i, (w, element)) in widths.iter().zip(row).enumerate() {
            let left_edge = if i == 0 { "|" } else { "" };
            current.push_str(&align_left(element, *w, left_edge, style.color));
        }
        line(current);
    }
    line(line_break(&widths));
}

fn line_break(widths: &[usize]) -> String {
    let mut s = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            s.push_str(&format!("+{}+", "-".repeat(w.saturating_sub(2))));
        } else {
            s.push_str(&format!("{}+", "-".repeat(w.saturating_sub(1))));
        }
    }
    s
}

/// `center_text`: Python's `' ' * n` is empty for a negative `n`.
fn center(text: &str, length: usize, left: &str, right: &str) -> String {
    let text_len = text_length(text) as i64;
    let length = length as i64;
    let start = length.div_euclid(2) - text_len.div_euclid(2) - 1;
    let so_far = left.len() as i64 + start + text_len;
    let right_spaces = (length - right.len() as i64 - so_far).max(0);
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(start.max(0) as usize),
        " ".repeat(right_spaces as usize)
    )
}

/// `align_left` with two spaces of padding when the text fits.
fn align_left(text: &str, length: usize, left: &str, color: bool) -> String {
    let text_len = text_length(text) as i64;
    let length = length as i64;
    let right = "|";
    let computed = text_len + 2 + left.len() as i64 + right.len() as i64;
    let padding = if length - computed >= 0 { 2 } else { 0 };
    let so_far = left.len() as i64 + padding + text_len;
    let fill = (length - so_far - right.len() as i64).max(0);
    let styled = if color {
        format!("{BRIGHT_BLUE}{text}{RESET}")
    } else {
        text.to_string()
    };
    format!(
        "{left}{}{styled}{}{right}",
        " ".repeat(padding as usize),
        " ".repeat(fill as usize)
    )
}
