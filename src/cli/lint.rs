//! `sfn lint FILE...` (our addition, for CI): validates definition files as
//! `validate-state-machine-definition` does and prints every problem with its line and
//! column, as text, GitHub Actions annotations or JSON. Exits 1 when any file has an
//! error (or a warning, with `--deny-warnings`).
use std::io::Write;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{json, Value};

use crate::asl::validate::{self, Diagnostic, MachineType, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Github,
    Json,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub format: Format,
    pub deny_warnings: bool,
    pub machine_type: MachineType,
}

pub fn command() -> Command {
    Command::new("lint")
        .about("Validate state machine definition files (for CI)")
        .long_about(
            "Validates each definition file as validate-state-machine-definition does and \
             prints one line per problem as FILE:LINE:COL: error[CODE]: MESSAGE, then a summary. \
             Exits 1 when any file has an error; warnings never change the exit code unless \
             --deny-warnings is given.",
        )
        .arg(
            Arg::new("files")
                .value_name("FILE")
                .required(true)
                .num_args(1..)
                .help("Definition files (ASL JSON)"),
        )
        .arg(
            Arg::new("format")
                .long("format")
                .value_parser(["human", "github", "json"])
                .default_value("human")
                .help("Output: human lines, GitHub Actions annotations, or JSON"),
        )
        .arg(
            Arg::new("deny-warnings")
                .long("deny-warnings")
                .action(ArgAction::SetTrue)
                .help("Exit 1 on warnings too"),
        )
        .arg(
            Arg::new("type")
                .long("type")
                .value_parser(["STANDARD", "EXPRESS"])
                .default_value("STANDARD")
                .help("Validate as this state machine type"),
        )
}

pub fn run(matches: &ArgMatches) -> i32 {
    let files: Vec<String> = matches
        .get_many::<String>("files")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    let format = match matches.get_one::<String>("format").map(String::as_str) {
        Some("github") => Format::Github,
        Some("json") => Format::Json,
        _ => Format::Human,
    };
    let machine_type = match matches.get_one::<String>("type").map(String::as_str) {
        Some("EXPRESS") => MachineType::Express,
        _ => MachineType::Standard,
    };
    let options = Options {
        format,
        deny_warnings: matches.get_flag("deny-warnings"),
        machine_type,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    lint_files(&files, options, &mut out)
}

/// One file's problems; an unreadable file is reported as one error.
pub struct FileReport {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn lint_file(file: &str, machine_type: MachineType) -> FileReport {
    let diagnostics = match std::fs::read_to_string(file) {
        Ok(text) => validate::validate(&text, machine_type),
        Err(e) => vec![Diagnostic {
            line: Some(1),
            column: Some(1),
            ..Diagnostic::error(
                "FILE_NOT_READABLE",
                format!("cannot read the file: {e}"),
                "",
            )
        }],
    };
    FileReport {
        file: file.to_string(),
        diagnostics,
    }
}

/// Lints `files`, writes the report to `out` and returns the exit code.
pub fn lint_files(files: &[String], options: Options, out: &mut dyn Write) -> i32 {
    let reports: Vec<FileReport> = files
        .iter()
        .map(|f| lint_file(f, options.machine_type))
        .collect();
    let count = |severity| {
        reports
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let failing_files = reports
        .iter()
        .filter(|r| {
            r.diagnostics
                .iter()
                .any(|d| d.severity == Severity::Error || options.deny_warnings)
        })
        .count();
    // A broken pipe (e.g. `| head`) must not turn into a panic; the exit code still
    // tells the outcome.
    let _ = match options.format {
        Format::Human => write_human(&reports, errors, warnings, failing_files, out),
        Format::Github => write_github(&reports, errors, warnings, out),
        Format::Json => write_json(&reports, out),
    };
    let failed = errors > 0 || (options.deny_warnings && warnings > 0);
    i32::from(failed)
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn position(d: &Diagnostic) -> (usize, usize) {
    (d.line.unwrap_or(1), d.column.unwrap_or(1))
}

fn located_message(d: &Diagnostic) -> String {
    if d.location.is_empty() {
        d.message.clone()
    } else {
        format!("{} at {}", d.message, d.location)
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn write_human(
    reports: &[FileReport],
    errors: usize,
    warnings: usize,
    failing_files: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            let (line, column) = position(d);
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {}",
                report.file,
                line,
                column,
                severity_word(d.severity),
                d.code,
                located_message(d)
            )?;
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
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn write_github(
    reports: &[FileReport],
    errors: usize,
    warnings: usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            let (line, column) = position(d);
            writeln!(
                out,
                "::{} file={},line={},col={},title={}::{}",
                severity_word(d.severity),
                escape_property(&report.file),
                line,
                column,
                escape_property(&d.code),
                escape_data(&located_message(d))
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

fn write_json(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
    let items: Vec<Value> = reports
        .iter()
        .flat_map(|r| {
            r.diagnostics.iter().map(move |d| {
                json!({
                    "file": r.file,
                    "severity": d.severity.as_str(),
                    "code": d.code,
                    "message": d.message,
                    "location": d.location,
                    "line": d.line,
                    "column": d.column,
                })
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&Value::Array(items)).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("x:y,z"), "x%3Ay%2Cz");
    }

    #[test]
    fn command_parses_its_flags() {
        let m = command()
            .try_get_matches_from([
                "lint",
                "a.json",
                "b.json",
                "--format",
                "github",
                "--deny-warnings",
            ])
            .unwrap();
        assert_eq!(m.get_many::<String>("files").unwrap().count(), 2);
        assert_eq!(m.get_one::<String>("format").unwrap(), "github");
        assert!(m.get_flag("deny-warnings"));
        assert!(command().try_get_matches_from(["lint"]).is_err());
    }
}
