//! `sfn lint FILE...` (our addition, for CI): validates definition files (JSON or YAML)
//! as `validate-state-machine-definition` does, and every state machine of SAM /
//! CloudFormation / CDK templates (recognised by content), and prints every problem with
//! its line and column (in the template, or in a `DefinitionUri` file), as text, GitHub
//! Actions annotations or JSON. Exits 1 when any file has an error (or a warning, with
//! `--deny-warnings`).
use std::io::Write;

use clap::{Arg, ArgAction, ArgMatches, Command};

use crate::asl::validate::{self, semantic, Diagnostic, MachineType, Severity};
use crate::template::{self, yaml::Tags};

mod hints;
mod report;

pub use hints::refine;
pub(crate) use report::diagnostic_json;
pub use report::{located_line, located_lines, snippet};
use report::{write_github, write_human, write_json};

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
    /// Show each problem's source line with a caret under it.
    pub snippets: bool,
    pub color: bool,
}

/// How templates are evaluated for lint: values that cannot be known offline are
/// placeholders.
#[derive(Debug, Clone)]
pub struct TemplateOptions {
    pub settings: template::Settings,
    pub s3_root: Option<std::path::PathBuf>,
}

impl Default for TemplateOptions {
    fn default() -> TemplateOptions {
        TemplateOptions {
            settings: template::Settings {
                region: "us-east-1".into(),
                account: "123456789012".into(),
                stack_name: "sfn-local".into(),
                overrides: Default::default(),
                mode: template::Mode::Lint,
            },
            s3_root: None,
        }
    }
}

pub fn command() -> Command {
    Command::new("lint")
        .about("Validate state machine definitions and SAM/CloudFormation templates (for CI)")
        .long_about(
            "Validates each definition file (JSON or YAML) as validate-state-machine-definition \
             does, and every state machine of each SAM / CloudFormation / CDK template (files \
             are recognised by content), and prints one line per problem as \
             FILE:LINE:COL: error[CODE]: MESSAGE, then a summary. Exits 1 when any file has an \
             error; warnings never change the exit code unless --deny-warnings is given.",
        )
        .arg(
            Arg::new("files")
                .value_name("FILE")
                .required(true)
                .num_args(1..)
                .help("Definition files (ASL JSON or YAML) and templates"),
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
                .help("Validate definition files as this state machine type (a template's machines use their own)"),
        )
        .arg(
            Arg::new("parameter-overrides")
                .long("parameter-overrides")
                .num_args(1..)
                .value_name("KEY=VALUE")
                .help("Template parameter values (others use their Default or a placeholder)"),
        )
        .arg(
            Arg::new("stack-name")
                .long("stack-name")
                .help("Stack name for AWS::StackName and generated names [default: the template's directory]"),
        )
}

/// `--parameter-overrides K=V ...` (the `sam deploy` / `aws cloudformation deploy` form).
pub fn parameter_overrides(
    m: &ArgMatches,
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let mut out = std::collections::BTreeMap::new();
    for raw in m
        .get_many::<String>("parameter-overrides")
        .into_iter()
        .flatten()
    {
        // `sam deploy` also takes them space-separated in one quoted argument.
        for item in raw.split_whitespace() {
            let item = item.strip_prefix("ParameterKey=").unwrap_or(item);
            let (k, v) = item
                .split_once(",ParameterValue=")
                .or_else(|| item.split_once('='))
                .ok_or_else(|| format!("--parameter-overrides: '{item}' is not KEY=VALUE"))?;
            out.insert(k.to_string(), v.to_string());
        }
    }
    Ok(out)
}

/// The stack name: `--stack-name`, else the template's directory name.
pub fn stack_name(m: &ArgMatches, template: &str) -> String {
    if let Some(name) = m.get_one::<String>("stack-name") {
        return name.clone();
    }
    std::fs::canonicalize(template)
        .ok()
        .and_then(|p| {
            p.parent()
                .and_then(|d| d.file_name())
                .map(|n| n.to_string_lossy().into_owned())
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "sfn-local".into())
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
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
    // A terminal gets the source line under each problem, in colour.
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let options = Options {
        format,
        deny_warnings: matches.get_flag("deny-warnings"),
        machine_type,
        snippets: terminal,
        color: terminal && super::live::color(),
    };
    let overrides = match parameter_overrides(matches) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("sfn lint: {e}");
            return 252;
        }
    };
    let templates = |file: &str| TemplateOptions {
        settings: template::Settings {
            region: env("AWS_REGION")
                .or_else(|| env("AWS_DEFAULT_REGION"))
                .unwrap_or_else(|| "us-east-1".into()),
            account: env("AWS_ACCOUNT_ID").unwrap_or_else(|| "123456789012".into()),
            stack_name: stack_name(matches, file),
            overrides: overrides.clone(),
            mode: template::Mode::Lint,
        },
        s3_root: env("SFN_S3_ROOT").map(std::path::PathBuf::from),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    lint_files_with(&files, options, &templates, &mut out)
}

/// One file's problems; an unreadable file is reported as one error.
pub struct FileReport {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
    /// A "did you mean" for each diagnostic, where one is near.
    pub hints: Vec<Option<String>>,
}

/// One definition file's problems (JSON or YAML), as `sfn lint` reports them.
pub fn lint_file(file: &str, machine_type: MachineType) -> FileReport {
    lint_path(file, machine_type, &TemplateOptions::default())
        .into_iter()
        .next()
        .unwrap_or(FileReport {
            file: file.to_string(),
            diagnostics: Vec::new(),
            hints: Vec::new(),
        })
}

fn at(line: usize, column: usize, d: Diagnostic) -> Diagnostic {
    Diagnostic {
        line: Some(line),
        column: Some(column),
        ..d
    }
}

/// The reports for one path: a definition's own, or a template's (and those of the
/// definition files it points at).
pub fn lint_path(
    file: &str,
    machine_type: MachineType,
    options: &TemplateOptions,
) -> Vec<FileReport> {
    let report = |diagnostics: Vec<Diagnostic>| {
        vec![FileReport {
            file: file.to_string(),
            hints: vec![None; diagnostics.len()],
            diagnostics,
        }]
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            return report(vec![at(
                1,
                1,
                Diagnostic::error(
                    "FILE_NOT_READABLE",
                    format!("cannot read the file: {e}"),
                    "",
                ),
            )])
        }
    };
    let yaml = !template::yaml::is_json(&text) || template::is_yaml_path(file);
    if !yaml {
        // JSON keeps the validator's own parser and messages; a template is recognised by
        // its content.
        match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(value) if template::is_template(&value) => {}
            _ => {
                let (diagnostics, hints) = refine(validate::validate(&text, machine_type), &text);
                return vec![FileReport {
                    file: file.to_string(),
                    diagnostics,
                    hints,
                }];
            }
        }
    }
    // A YAML error is the file's one diagnostic.
    let parse_yaml = |tags| {
        template::yaml::parse(&text, tags).map_err(|e| {
            report(vec![at(
                e.line,
                e.column,
                Diagnostic::error(validate::codes::INVALID_JSON_DESCRIPTION, e.message, ""),
            )])
        })
    };
    let parsed = match parse_yaml(Tags::CloudFormation) {
        Ok(parsed) => parsed,
        Err(report) => return report,
    };
    if !template::is_template(&parsed.value) {
        // A YAML definition: CloudFormation's tags mean nothing there.
        let parsed = match parse_yaml(Tags::Definition) {
            Ok(parsed) => parsed,
            Err(report) => return report,
        };
        let mut diagnostics = semantic::check(&parsed.value, machine_type);
        for d in &mut diagnostics {
            if let Some((line, column)) = parsed.positions.find(d.place()) {
                d.line = Some(line);
                d.column = Some(column);
            }
        }
        return report(diagnostics);
    }
    let loaded = template::load(
        std::path::Path::new(file),
        &parsed,
        &options.settings,
        options.s3_root.as_deref(),
    );
    let mut reports = report(Vec::new());
    // Every definition file read is checked, with or without problems.
    for path in &loaded.definition_files {
        if path.is_file() {
            reports.push(FileReport {
                file: path.to_string_lossy().into_owned(),
                diagnostics: Vec::new(),
                hints: Vec::new(),
            });
        }
    }
    for located in loaded.diagnostics {
        let name = located.file.to_string_lossy().into_owned();
        match reports.iter_mut().find(|r| r.file == name) {
            Some(r) => {
                r.diagnostics.push(located.diagnostic);
                r.hints.push(None);
            }
            None => reports.push(FileReport {
                file: name,
                diagnostics: vec![located.diagnostic],
                hints: vec![None],
            }),
        }
    }
    for r in &mut reports {
        r.diagnostics.sort_by_key(|d| (d.line, d.column));
    }
    reports
}

/// Lints definition files, writes the report to `out` and returns the exit code.
pub fn lint_files(files: &[String], options: Options, out: &mut dyn Write) -> i32 {
    lint_files_with(files, options, &|_| TemplateOptions::default(), out)
}

/// Lints `files` (templates evaluated with `templates(file)`), writes the report to `out`
/// and returns the exit code.
pub fn lint_files_with(
    files: &[String],
    options: Options,
    templates: &dyn Fn(&str) -> TemplateOptions,
    out: &mut dyn Write,
) -> i32 {
    let groups: Vec<Vec<FileReport>> = files
        .iter()
        .map(|f| lint_path(f, options.machine_type, &templates(f)))
        .collect();
    // A definition file that a template on the command line reads is checked as the
    // template deploys it (substitutions applied), so `sfn lint template.yaml
    // statemachine/*.asl.json` reports it once, that way.
    let canonical = |file: &str| std::fs::canonicalize(file).ok();
    let read_by_templates: Vec<std::path::PathBuf> = groups
        .iter()
        .flat_map(|g| g.iter().skip(1))
        .filter_map(|r| canonical(&r.file))
        .collect();
    let mut reports: Vec<FileReport> = Vec::new();
    for group in groups {
        let covered = group.len() == 1
            && canonical(&group[0].file).is_some_and(|c| read_by_templates.contains(&c));
        if covered {
            continue;
        }
        for r in group {
            // A file reached twice (two templates sharing a definition) is one file.
            let key = canonical(&r.file);
            let seen = key.as_ref().and_then(|k| {
                reports
                    .iter_mut()
                    .find(|s| canonical(&s.file).as_ref() == Some(k))
            });
            match seen {
                Some(seen) => {
                    for (d, h) in r.diagnostics.into_iter().zip(r.hints) {
                        if !seen.diagnostics.contains(&d) {
                            seen.diagnostics.push(d);
                            seen.hints.push(h);
                        }
                    }
                }
                None => reports.push(r),
            }
        }
    }
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
        Format::Human => write_human(&reports, errors, warnings, failing_files, options, out),
        Format::Github => write_github(&reports, errors, warnings, out),
        Format::Json => write_json(&reports, out),
    };
    let failed = errors > 0 || (options.deny_warnings && warnings > 0);
    i32::from(failed)
}

#[cfg(test)]
mod tests;
