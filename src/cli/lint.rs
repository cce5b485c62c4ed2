//! `sfn lint FILE...` (our addition, for CI): validates definition files (JSON or YAML)
//! as `validate-state-machine-definition` does, and every state machine of SAM /
//! CloudFormation / CDK templates (recognised by content), and prints every problem with
//! its line and column (in the template, or in a `DefinitionUri` file), as text, GitHub
//! Actions annotations or JSON. Exits 1 when any file has an error (or a warning, with
//! `--deny-warnings`).
use std::io::Write;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{json, Map, Value};

use crate::asl::validate::{self, semantic, Diagnostic, MachineType, Severity};
use crate::template::{self, yaml::Tags};

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

/// The diagnostics as people read them: in source order; with a "did you mean" hint
/// (aligned with them) where a name is a slip away from a state's name, a state type or a
/// Choice operator; and without the "not reachable" errors that only follow from a
/// misspelled transition target (they go once the target is fixed).
pub fn refine(
    mut diagnostics: Vec<Diagnostic>,
    source: &str,
) -> (Vec<Diagnostic>, Vec<Option<String>>) {
    let Some(definition) = serde_json::from_str::<Value>(source).ok() else {
        diagnostics.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
        let hints = vec![None; diagnostics.len()];
        return (diagnostics, hints);
    };
    let hints: Vec<Option<String>> = diagnostics
        .iter()
        .map(|d| suggestion(d, &definition))
        .collect();
    // Missing targets read as their suggestion: what is reachable then is no cascade.
    let fixes: std::collections::HashMap<String, String> = diagnostics
        .iter()
        .zip(&hints)
        .filter(|(d, _)| is_missing_target(d))
        .filter_map(|(d, h)| Some((d.message.rsplit(": ").next()?.to_string(), h.clone()?)))
        .collect();
    let mut reachable = std::collections::HashSet::new();
    if !fixes.is_empty() {
        reach(&definition, "", &fixes, &mut reachable);
    }
    let mut paired: Vec<(Diagnostic, Option<String>)> = diagnostics
        .into_iter()
        .zip(hints)
        .filter(|(d, _)| !(is_unreachable(d) && reachable.contains(&d.location)))
        .collect();
    paired.sort_by_key(|(d, _)| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
    paired.into_iter().unzip()
}

fn is_missing_target(d: &Diagnostic) -> bool {
    d.code == "MISSING_TRANSITION_TARGET" && d.message.starts_with("Missing")
}

/// Adds the locations (`/States/A`, `/States/P/Branches[0]/States/B`) of the states
/// reachable in the block at `path`, and in the blocks of those states, with the
/// transition targets in `fixes` read as their fix.
fn reach(
    block: &Value,
    path: &str,
    fixes: &std::collections::HashMap<String, String>,
    out: &mut std::collections::HashSet<String>,
) {
    let Some(states) = block.get("States").and_then(Value::as_object) else {
        return;
    };
    let target = |name: &str| fixes.get(name).cloned().unwrap_or_else(|| name.to_string());
    let mut queue: Vec<String> = block
        .get("StartAt")
        .and_then(Value::as_str)
        .map(|s| vec![target(s)])
        .unwrap_or_default();
    while let Some(name) = queue.pop() {
        let location = format!("{path}/States/{name}");
        let Some(state) = states.get(&name) else {
            continue;
        };
        if !out.insert(location.clone()) {
            continue;
        }
        let mut next: Vec<&str> = Vec::new();
        next.extend(state.get("Next").and_then(Value::as_str));
        next.extend(state.get("Default").and_then(Value::as_str));
        for list in ["Choices", "Catch"] {
            for item in state
                .get(list)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                next.extend(item.get("Next").and_then(Value::as_str));
            }
        }
        queue.extend(next.into_iter().map(target));
        if let Some(branches) = state.get("Branches").and_then(Value::as_array) {
            for (i, branch) in branches.iter().enumerate() {
                reach(branch, &format!("{location}/Branches[{i}]"), fixes, out);
            }
        }
        for key in ["ItemProcessor", "Iterator"] {
            if let Some(processor) = state.get(key) {
                reach(processor, &format!("{location}/{key}"), fixes, out);
            }
        }
    }
}

fn is_unreachable(d: &Diagnostic) -> bool {
    d.message.ends_with("is not reachable.")
}

/// The value at a JSON location such as `/States/Wait a bit/Type` (`[n]` indexes).
fn value_at<'a>(definition: &'a Value, location: &str) -> Option<&'a Value> {
    let mut value = definition;
    for part in location.split('/').filter(|p| !p.is_empty()) {
        let (key, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            value = value.get(key)?;
        }
        for index in indexes.split(['[', ']']).filter(|i| !i.is_empty()) {
            value = value.get(index.parse::<usize>().ok()?)?;
        }
    }
    Some(value)
}

/// The state names of the block holding the state at `location` (`/States/X/...`, or
/// nested in Branches and ItemProcessor).
fn sibling_states(definition: &Value, location: &str) -> Vec<String> {
    let block = location
        .rfind("/States/")
        .map(|i| &location[..i])
        .unwrap_or("");
    value_at(definition, block)
        .and_then(|b| b.get("States"))
        .and_then(Value::as_object)
        .map(|states| states.keys().cloned().collect())
        .unwrap_or_default()
}

const STATE_TYPES: [&str; 8] = [
    "Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map",
];

fn suggestion(d: &Diagnostic, definition: &Value) -> Option<String> {
    if d.code == "MISSING_TRANSITION_TARGET" {
        let target = d.message.rsplit(": ").next()?;
        let names = sibling_states(definition, &d.location);
        return closest(target, names.iter().map(String::as_str));
    }
    if let Some(field) = d
        .message
        .strip_prefix("Field '")
        .and_then(|m| m.strip_suffix("' is not supported"))
    {
        if d.location.contains("/Choices") {
            let operators = crate::asl::choice::operator_names();
            return closest(field, operators.iter().map(String::as_str));
        }
        return None;
    }
    if d.message
        .starts_with("The field 'Type' should have one of these values")
    {
        let given = value_at(definition, &d.location)?.as_str()?;
        return closest(given, STATE_TYPES.into_iter());
    }
    None
}

/// The candidate nearest to `given` when it is close enough to be a slip of the fingers.
fn closest<'a>(given: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let limit = (given.chars().count() / 3).clamp(1, 3);
    candidates
        .filter(|c| *c != given)
        .map(|c| (edit_distance(&given.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c.to_string())
}

/// Levenshtein distance, with a swap of two neighbours counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
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
        super::term::paint(&format!("{file}:{line}:{column}"), "1", color),
        super::term::paint(&format!("{word}[{}]", d.code), code, color),
        located_message(d, hint)
    )
}

/// A file's errors as `FILE:LINE:COL: error[CODE]: message` lines (coloured, with
/// snippets, on a terminal's stderr); `None` when the file cannot be read or has none.
pub fn located_lines(file: &str, machine_type: MachineType) -> Option<String> {
    let report = lint_file(file, machine_type);
    let source = std::fs::read_to_string(file).ok()?;
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let color = terminal && super::live::color();
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
    let caret = super::term::paint("^", "1;31", color);
    Some(format!(
        "{pad} |\n{number} | {text}\n{pad} | {before}{caret}\n"
    ))
}

fn write_human(
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

fn write_json(reports: &[FileReport], out: &mut dyn Write) -> std::io::Result<()> {
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
