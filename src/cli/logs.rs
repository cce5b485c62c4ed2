//! `sfn logs MACHINE|EXECUTION [--follow]` (ours): the CloudWatch log events a state
//! machine's `loggingConfiguration` sends to its log group (written by the runtime, see
//! `runtime::logs`), of one execution or of every execution of one state machine. On a
//! terminal one line per event made for reading; piped or with `--output json`, the log
//! events themselves, one JSON object a line, as CloudWatch Logs holds them.
use std::io::{BufRead, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Local, TimeZone};
use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{json, Value};

use super::term::{self, Stream};
use super::{names, Failure, Globals};
use crate::api::{self, Context};
use crate::history::EventType;
use crate::runtime::logs::{self as log_files, Level, LogConfig, NoLog};

/// How often a followed log is read again.
const POLL: Duration = Duration::from_millis(200);

pub fn command() -> Command {
    Command::new("logs")
        .about("Show the CloudWatch log events of a state machine or an execution")
        .long_about(
            "Shows the log events a state machine's loggingConfiguration sends to its \
             CloudWatch Logs log group (level ALL, ERROR or FATAL; execution data only with \
             includeExecutionData), kept in a local file per log group beside the store. \
             TARGET is a state machine (name or ARN: the events of all its executions) or an \
             execution (name, unique prefix of one, MACHINE/NAME, last, MACHINE/last or \
             ARN). On a terminal, one line per event; piped or with --output json, the log \
             events as CloudWatch Logs holds them, one JSON object a line. --follow prints \
             events as they come: until the execution ends, or until Ctrl-C for a state \
             machine.",
        )
        .after_help(
            "Examples:\n  sfn logs orders\n  sfn logs last --follow\n  sfn logs orders/last --output json | jq .type",
        )
        .arg(
            Arg::new("target")
                .value_name("TARGET")
                .required(true)
                .help("State machine name or ARN, or an execution: name, prefix, MACHINE/NAME, last or ARN"),
        )
        .arg(
            Arg::new("follow")
                .long("follow")
                .short('f')
                .action(ArgAction::SetTrue)
                .help("Keep printing events as they come (until the execution ends, or Ctrl-C)"),
        )
}

/// Whose events are shown.
enum Target {
    Machine { arn: String, name: String },
    Execution { arn: String },
}

impl Target {
    fn wants(&self, line: &Value) -> bool {
        let arn = line
            .get("execution_arn")
            .and_then(Value::as_str)
            .unwrap_or_default();
        match self {
            Target::Execution { arn: wanted } => arn == wanted,
            Target::Machine { name, .. } => machine_of_execution(arn) == Some(name),
        }
    }
}

/// The state machine name in an execution ARN (standard or Express).
fn machine_of_execution(arn: &str) -> Option<&str> {
    let parts: Vec<&str> = arn.splitn(8, ':').collect();
    match parts.get(5) {
        Some(&"execution") | Some(&"express") => parts.get(6).copied(),
        _ => None,
    }
}

/// The state machine ARN of an execution ARN.
fn machine_arn_of_execution(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.splitn(8, ':').collect();
    let name = machine_of_execution(arn)?;
    Some(format!("{}:stateMachine:{name}", parts[..5].join(":")))
}

fn api_call(ctx: &mut Context, operation: &str, request: Value) -> Result<Value, Failure> {
    api::call(ctx, operation, request).map_err(|error| Failure::Api {
        operation: operation.to_string(),
        error,
    })
}

/// A state machine when `reference` names one, else an execution.
fn resolve(ctx: &mut Context, reference: &str) -> Result<Target, Failure> {
    let is_execution_arn = machine_of_execution(reference).is_some();
    if reference.starts_with("arn:") && !is_execution_arn {
        let name = names::machine_name_of(reference)
            .split(':')
            .next()
            .unwrap_or_default()
            .to_string();
        return Ok(Target::Machine {
            arn: reference.to_string(),
            name,
        });
    }
    if !reference.starts_with("arn:") && !reference.contains('/') {
        let arn = ctx.arn(&format!("stateMachine:{reference}"));
        if api::call(
            ctx,
            "DescribeStateMachine",
            json!({ "stateMachineArn": arn }),
        )
        .is_ok()
        {
            return Ok(Target::Machine {
                arn,
                name: reference.to_string(),
            });
        }
    }
    let arn = names::execution_arn(ctx, reference).map_err(|f| match f {
        Failure::Parameter(m) if m.starts_with("sfn: no execution named") => {
            Failure::Parameter(format!(
                "sfn logs: no state machine named '{reference}', and {}",
                &m[5..]
            ))
        }
        f => f,
    })?;
    Ok(Target::Execution { arn })
}

/// The state machine (or version) whose configuration says where `target` logs.
fn configured_machine(ctx: &mut Context, target: &Target) -> Result<String, Failure> {
    match target {
        Target::Machine { arn, .. } => Ok(arn.clone()),
        Target::Execution { arn } => {
            let described = api::call(ctx, "DescribeExecution", json!({ "executionArn": arn }));
            if let Ok(d) = &described {
                let version = d.get("stateMachineVersionArn").and_then(Value::as_str);
                let machine = d.get("stateMachineArn").and_then(Value::as_str);
                if let Some(arn) = version.or(machine) {
                    return Ok(arn.to_string());
                }
            }
            machine_arn_of_execution(arn).ok_or_else(|| {
                Failure::Parameter(format!("sfn logs: '{arn}' is not an execution ARN"))
            })
        }
    }
}

/// The log file `machine_arn`'s configuration writes to.
fn log_file(ctx: &mut Context, globals: &Globals, machine_arn: &str) -> Result<PathBuf, Failure> {
    let described = api_call(
        ctx,
        "DescribeStateMachine",
        json!({ "stateMachineArn": machine_arn }),
    )?;
    let configuration = described.get("loggingConfiguration").map(Value::to_string);
    let name = names::machine_name_of(machine_arn);
    let config = LogConfig::from_stored(configuration.as_deref()).map_err(|why| {
        Failure::Other(match why {
            NoLog::Off => format!(
                "sfn logs: state machine '{name}' does not log (its loggingConfiguration level is OFF); \
                 turn logging on with update-state-machine --logging-configuration \
                 '{{\"level\":\"ALL\",\"includeExecutionData\":true,\"destinations\":[{{\"cloudWatchLogsLogGroup\":{{\"logGroupArn\":\"arn:aws:logs:{}:{}:log-group:/aws/vendedlogs/states/{name}-Logs:*\"}}}}]}}'",
                ctx.region, ctx.account
            ),
            NoLog::Destination(arn) => format!(
                "sfn logs: state machine '{name}' logs to '{arn}', which is not a CloudWatch Logs log group ARN (arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*)"
            ),
        })
    })?;
    let dir = log_files::log_dir(&globals.db_path()?).ok_or_else(|| {
        Failure::Other("sfn logs: the store is in memory: it keeps no logs".into())
    })?;
    Ok(config.group.file_in(&dir))
}

/// Whether the execution still runs (an Express execution run to its end by
/// StartSyncExecution is not kept: it has ended).
fn running(ctx: &mut Context, arn: &str) -> bool {
    match api::call(ctx, "DescribeExecution", json!({ "executionArn": arn })) {
        Ok(d) => d.get("status").and_then(Value::as_str) == Some("RUNNING"),
        Err(_) => crate::store::executions::get(&ctx.store, arn)
            .ok()
            .flatten()
            .is_some_and(|r| r.status == "RUNNING"),
    }
}

/// Reads whole lines of a log file as it grows, a line at a time (a log group's file
/// may be large).
struct Reader {
    path: PathBuf,
    /// Where the next line starts.
    offset: u64,
}

impl Reader {
    fn new(path: PathBuf) -> Reader {
        Reader { path, offset: 0 }
    }

    /// Hands `each` the lines written since the last read (a line still being written
    /// waits for the next read); stops when `each` answers false.
    fn read_new(&mut self, mut each: impl FnMut(&str) -> bool) -> Result<(), Failure> {
        let io = |e: std::io::Error| {
            Failure::Other(format!(
                "sfn logs: cannot read {}: {e}",
                self.path.display()
            ))
        };
        let mut file = match std::fs::File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io(e)),
        };
        file.seek(SeekFrom::Start(self.offset)).map_err(io)?;
        let mut reader = std::io::BufReader::new(file);
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = reader.read_until(b'\n', &mut line).map_err(io)?;
            if read == 0 || line.last() != Some(&b'\n') {
                return Ok(());
            }
            self.offset += read as u64;
            let text = String::from_utf8_lossy(&line);
            if !text.trim().is_empty() && !each(text.trim_end()) {
                return Ok(());
            }
        }
    }
}

/// How events are printed.
struct Printer {
    json: bool,
    machine_wide: bool,
    width: Option<usize>,
    color: bool,
}

impl Printer {
    fn line(&self, raw: &str, event: &Value) -> String {
        if self.json {
            return format!("{raw}\n");
        }
        readable(event, self.machine_wide, self.width, self.color)
    }
}

/// One event for reading: local time, (the execution,) the event type coloured by its
/// level, and what it says: the state, the error and cause, or the data.
fn readable(event: &Value, machine_wide: bool, width: Option<usize>, color: bool) -> String {
    let field = |k: &str| event.get(k).and_then(Value::as_str).unwrap_or_default();
    let millis: i64 = field("event_timestamp").parse().unwrap_or_default();
    let time = Local
        .timestamp_millis_opt(millis)
        .single()
        .map(|t| t.format("%H:%M:%S%.3f").to_string())
        .unwrap_or_default();
    let event_type = field("type");
    let code = match Level::of_event(event_type) {
        Level::Fatal | Level::Error => "31",
        Level::All if event_type == EventType::ExecutionSucceeded => "32",
        Level::All if event_type.starts_with("Execution") => "1",
        Level::All => "2",
    };
    let mut head = format!("{time} ");
    if machine_wide {
        let execution = field("execution_arn");
        let name = execution.split(':').nth(7).unwrap_or(execution);
        head.push_str(&format!("{name:<12} "));
    }
    let details = event.get("details").cloned().unwrap_or(Value::Null);
    let get = |k: &str| details.get(k).and_then(Value::as_str);
    let mut said = Vec::new();
    if let Some(name) = get("name") {
        said.push(name.to_string());
    }
    if let Some(resource) = get("resource") {
        let kind = get("resourceType").unwrap_or_default();
        said.push(format!("{kind}:{resource}"));
    }
    match (get("error"), get("cause")) {
        (Some(e), Some(c)) => said.push(format!("{e}: {c}")),
        (Some(e), None) => said.push(e.to_string()),
        (None, Some(c)) => said.push(c.to_string()),
        (None, None) => {}
    }
    for key in ["input", "output", "parameters"] {
        if let Some(data) = get(key) {
            // One line: payloads are JSON texts, compacted.
            let compact = serde_json::from_str::<Value>(data)
                .map(|v| v.to_string())
                .unwrap_or_else(|_| data.to_string());
            said.push(format!("{key} {compact}"));
        }
    }
    let redrive = field("redrive_count");
    if !redrive.is_empty() && redrive != "0" {
        said.push(format!("(redrive {redrive})"));
    }
    let kind = format!("{event_type:<22}");
    let mut rest = said.join("  ");
    if let Some(width) = width {
        let used = head.chars().count() + kind.chars().count() + 1;
        rest = term::cut(&rest, width.saturating_sub(used));
    }
    if rest.is_empty() {
        return format!(
            "{}{}\n",
            term::paint(&head, "2", color),
            term::paint(event_type, code, color)
        );
    }
    format!(
        "{}{} {rest}\n",
        term::paint(&head, "2", color),
        term::paint(&kind, code, color),
    )
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let reference = m.get_one::<String>("target").cloned().unwrap_or_default();
    let follow = m.get_flag("follow");
    let mut ctx = globals.context("DescribeStateMachine")?;
    let target = resolve(&mut ctx, &reference)?;
    let machine = configured_machine(&mut ctx, &target)?;
    let file = log_file(&mut ctx, globals, &machine)?;
    let explicit = m.get_one::<String>("output").map(String::as_str);
    let printer = Printer {
        json: explicit == Some("json") || (explicit.is_none() && !Stream::Stdout.is_terminal()),
        machine_wide: matches!(target, Target::Machine { .. }),
        width: term::width(Stream::Stdout),
        color: term::color(Stream::Stdout),
    };
    let mut reader = Reader::new(file.clone());
    let mut out = std::io::stdout().lock();
    let mut shown = 0usize;
    loop {
        // Whether the execution was still running before this read: its last events are
        // in the file once it has ended.
        let still_running = match &target {
            Target::Execution { arn } if follow => running(&mut ctx, arn),
            _ => follow,
        };
        let mut closed = false;
        reader.read_new(|raw| {
            let Ok(event) = serde_json::from_str::<Value>(raw) else {
                return true;
            };
            if !target.wants(&event) {
                return true;
            }
            shown += 1;
            // A closed pipe (`| head`): nothing more to show.
            closed = out.write_all(printer.line(raw, &event).as_bytes()).is_err();
            !closed
        })?;
        if closed {
            return Ok(String::new());
        }
        let _ = out.flush();
        if !still_running {
            break;
        }
        std::thread::sleep(POLL);
    }
    if shown == 0 {
        eprintln!("{}", nothing_yet(&target, &file));
    }
    Ok(String::new())
}

fn nothing_yet(target: &Target, file: &Path) -> String {
    let whose = match target {
        Target::Machine { name, .. } => format!("state machine '{name}'"),
        Target::Execution { arn } => {
            format!("execution '{}'", arn.split(':').nth(7).unwrap_or(arn))
        }
    };
    format!(
        "no log events of {whose} yet (its log group's events are kept in {})",
        file.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn execution_arns_name_their_state_machine() {
        let standard = "arn:aws:states:us-east-1:1:execution:orders:e1";
        let express = "arn:aws:states:us-east-1:1:express:orders:e1:1234-5678";
        assert_eq!(machine_of_execution(standard), Some("orders"));
        assert_eq!(machine_of_execution(express), Some("orders"));
        assert_eq!(
            machine_of_execution("arn:aws:states:us-east-1:1:stateMachine:orders"),
            None
        );
        assert_eq!(
            machine_arn_of_execution(express).as_deref(),
            Some("arn:aws:states:us-east-1:1:stateMachine:orders")
        );
    }

    #[test]
    fn a_readable_line_says_the_state_and_the_error() {
        let event = json!({
            "id": "4", "type": "TaskFailed",
            "details": {"resourceType": "lambda", "resource": "invoke", "error": "Boom", "cause": "bad"},
            "previous_event_id": "3", "event_timestamp": "1700000000123",
            "execution_arn": "arn:aws:states:us-east-1:1:execution:orders:e1", "redrive_count": "0"
        });
        let line = readable(&event, true, None, false);
        assert!(line.contains(" e1 "), "{line}");
        assert!(line.contains("TaskFailed"), "{line}");
        assert!(line.ends_with("lambda:invoke  Boom: bad\n"), "{line}");
        let narrow = readable(&event, false, Some(50), false);
        assert_eq!(term::visible_len(narrow.trim_end()), 50, "{narrow}");
    }
}
