//! The report of `sfn lint`: as people read it (with snippets), as GitHub Actions
//! annotations, or as JSON.
use std::io::Write;

use serde_json::{json, Map, Value};

use super::{lint_file, FileReport, Options};
use crate::asl::validate::{Diagnostic, MachineType, Severity};

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn position(d: &Diagnostic) -> (usize, usize) {
    (d.line.unwrap_or(1), d.column.unwrap_or(1))
}

fn located_message(d: &Diagnostic, hint: Option<&str>) -> String {
    let mut text = if d.location.is_empty() {
        d.message.clone()
    } else {
        format!("{} at {}", d.message, d.location)
    };
    if let Some(hint) = hint {
        text.push_str(&format!("; did you mean \"{hint}\"?"));
    }
    text
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One problem as `FILE:LINE:COL: error[CODE]: message`, in colour when asked.
pub fn located_line(file: &str, d: &Diagnostic, hint: Option<&str>, color: bool) -> String {
    let (line, column) = position(d);
    let word = severity_word(d.severity);
    let code = if d.severity == Severity::Error {
        "1;31"
    } else {
        "1;33"
    };
    format!(
        "{}: {}: {}",
        crate::cli::term::paint(&format!("{file}:{line}:{column}"), "1", color),
        crate::cli::term::paint(&format!("{word}[{}]", d.code), code, color),
        located_message(d, hint)
    )
}

/// A file's errors as `FILE:LINE:COL: error[CODE]: message` lines (coloured, with
/// snippets, on a terminal's stderr); `None` when the file cannot be read or has none.
pub fn located_lines(file: &str, machine_type: MachineType) -> Option<String> {
    let report = lint_file(file, machine_type);
    let source = std::fs::read_to_string(file).ok()?;
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let color = terminal && crate::cli::live::color();
    let mut out = String::new();
    for (d, hint) in report.diagnostics.iter().zip(&report.hints) {
        if d.severity != Severity::Error {
            continue;
        }
        out.push_str(&located_line(file, d, hint.as_deref(), color));
        out.push('\n');
        if let Some(snippet) = terminal.then(|| snippet(&source, d, color)).flatten() {
            out.push_str(&snippet);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The source line of a problem and a caret under its column.
pub fn snippet(source: &str, d: &Diagnostic, color: bool) -> Option<String> {
    let (line, column) = (d.line?, d.column?);
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let before: String = text
        .chars()
        .take(column.saturating_sub(1))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let caret = crate::cli::term::paint("^", "1;31", color);
    Some(format!(
        "{pad} |\n{number} | {text}\n{pad} | {before}{caret}\n"
    ))
}

pub(super) fn write_human(
    reports: &[FileReport],
    errors: usize,
    warnings: usize,
    failing_files: usize,
    options: Options,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for report in reports {
        let source = if options.snippets {
            std::fs::read_to_string(&report.file).ok()
        } else {
            None
        };
        for (d, hint) in report.diagnostics.iter().zip(&report.hints) {
            writeln!(
                out,
                "{}",
                located_line(&report.file, d, hint.as_deref(), options.color)
            )?;
            if let Some(snippet) = source.as_deref().and_then(|s| snippet(s, d, options.color)) {
                write!(out, "{snippet}")?;
            }
        }
    }
    writeln!(
        out,
        "{} checked: {}, {} ({} with problems)",
        plural(reports.len(), "file"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(failing_files, "file"),
    )
}

/// GitHub Actions workflow commands: data and property values need their own escaping.
pub(super) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub(super) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub(super) fn write_github(
    reports: &[FileReport],
    errors: usize,
    warnings: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for report in reports {
        for (d, hint) in report.diagnostics.iter().zip(&report.hints) {
            let (line, column) = position(d);
            writeln!(
                out,
                "::{} file={},line={},col={},title={}::{}",
                severity_word(d.severity),
                escape_property(&report.file),
                line,
                column,
                escape_property(&d.code),
                escape_data(&located_message(d, hint.as_deref()))
            )?;
        }
    }
    writeln!(
        out,
        "{} checked: {}, {}",
        plural(reports.len(), "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// A diagnostic as the JSON reports give it (`sfn lint --output json`, the console).
pub(crate) fn diagnostic_json(d: &Diagnostic) -> Map<String, Value> {
    let mut item = Map::new();
    item.insert("severity".into(), d.severity.as_str().into());
    item.insert("code".into(), json!(d.code));
    item.insert("message".into(), json!(d.message));
    item.insert("location".into(), json!(d.location));
    item.insert("line".into(), json!(d.line));
    item.insert("column".into(), json!(d.column));
    item
}

pub(super) fn write_json(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
    let items: Vec<Value> = reports
        .iter()
        .flat_map(|r| {
            r.diagnostics.iter().zip(&r.hints).map(move |(d, hint)| {
                let mut item = Map::new();
                item.insert("file".into(), json!(r.file));
                item.extend(diagnostic_json(d));
                if let Some(hint) = hint {
                    item.insert("didYouMean".into(), Value::String(hint.clone()));
                }
                Value::Object(item)
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&Value::Array(items)).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")
}
