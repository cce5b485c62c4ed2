//! `sfn run DEFINITION_FILE` (our addition): the quickest way to try a workflow. Creates
//! or updates the state machine named after the file, starts an execution, shows the live
//! view on a terminal, prints the execution's output (or its error and cause) on stdout and
//! exits 0 when it succeeded, 1 otherwise. Everything goes through [`api::call`], so it
//! behaves as the AWS-style commands do.
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{json, Map, Value};

use super::graph_cmd;
use super::live::{self, Live};
use super::output::{self, Format};
use super::{lint, names, outcome, Failure, Globals};
use crate::api::executions::event_json;
use crate::api::{self, ApiError, Context};

/// Exit code of `sfn run` when the execution did not succeed.
pub const EXECUTION_FAILED: i32 = 1;

/// How often a parked execution (waiting for a callback) is looked at again.
const POLL: Duration = Duration::from_millis(200);

pub fn command() -> Command {
    Command::new("run")
        .about("Create or update a state machine from a definition file, run it and print its output")
        .long_about(
            "Creates the state machine named after DEFINITION_FILE (or updates its definition), \
             starts an execution and waits for it to end. On a terminal, stderr shows the \
             execution live, then its history and status. stdout gets the execution's output \
             (JSON), or {\"status\", \"error\", \"cause\"} when it did not succeed. Exits 0 when \
             the execution succeeded, 1 otherwise. Task states are served by --handlers and \
             --mock-config as for start-execution.",
        )
        .after_help(
            "Examples:\n  sfn run orders.asl.json --input input.json\n  sfn run orders --input '{\"id\": 7}'\n  sfn run orders.asl.json --mock-config mocks.json --test-case HappyPath",
        )
        .arg(
            Arg::new("definition-file")
                .value_name("DEFINITION_FILE")
                .required(true)
                .help("The state machine definition (Amazon States Language JSON), a path or file://path; or a stored state machine's name or ARN, run as it is"),
        )
        .arg(
            Arg::new("input")
                .long("input")
                .num_args(1)
                .value_name("JSON")
                .help("The execution input: JSON text, a file holding it (input.json) or file://path [default: {}]"),
        )
        .arg(
            Arg::new("name")
                .long("name")
                .num_args(1)
                .help("State machine name [default: the file name without .json and .asl, or the folder's name for definition.asl.json]"),
        )
        .arg(
            Arg::new("execution-name")
                .long("execution-name")
                .num_args(1)
                .help("Name of the execution [default: a random UUID]"),
        )
        .arg(
            Arg::new("test-case")
                .long("test-case")
                .num_args(1)
                .help("Run with this test case of the --mock-config file (as <arn>#<test case> does for start-execution)"),
        )
        .arg(full_arg())
}

/// `--full`: show payloads whole in the tables meant for people.
pub fn full_arg() -> Arg {
    Arg::new("full")
        .long("full")
        .action(ArgAction::SetTrue)
        .help("In tables for people, show payloads whole instead of shortened to one line")
}

/// The state machine name a definition file stands for: `orders.asl.json` → `orders`,
/// `examples/hello-world/definition.asl.json` → `hello-world`.
pub fn machine_name(path: &Path) -> Option<String> {
    let file = path.file_name()?.to_str()?;
    let mut stem = file;
    for suffix in [".json", ".yaml", ".yml", ".asl"] {
        stem = stem.strip_suffix(suffix).unwrap_or(stem);
    }
    if stem == "definition" || stem.is_empty() {
        let absolute = std::path::absolute(path).ok()?;
        return Some(absolute.parent()?.file_name()?.to_str()?.to_string());
    }
    Some(stem.to_string())
}

fn api_call(ctx: &mut Context, operation: &str, request: Value) -> Result<Value, Failure> {
    api::call(ctx, operation, request).map_err(|error| Failure::Api {
        operation: operation.to_string(),
        error,
    })
}

/// Creates the state machine, or updates its definition when it differs; returns its ARN.
fn ensure_machine(ctx: &mut Context, name: &str, definition: &str) -> Result<String, Failure> {
    let arn = ctx.arn(&format!("stateMachine:{name}"));
    match api::call(
        ctx,
        "DescribeStateMachine",
        json!({ "stateMachineArn": arn }),
    ) {
        Ok(existing) => {
            if existing.get("definition").and_then(Value::as_str) != Some(definition) {
                api_call(
                    ctx,
                    "UpdateStateMachine",
                    json!({ "stateMachineArn": arn, "definition": definition }),
                )?;
            }
            Ok(arn)
        }
        Err(ApiError { code, .. }) if code == "StateMachineDoesNotExist" => {
            let role = format!("arn:aws:iam::{}:role/sfn-run", ctx.account);
            let created = api_call(
                ctx,
                "CreateStateMachine",
                json!({ "name": name, "definition": definition, "roleArn": role }),
            )?;
            Ok(created
                .get("stateMachineArn")
                .and_then(Value::as_str)
                .unwrap_or(&arn)
                .to_string())
        }
        Err(error) => Err(Failure::Api {
            operation: "DescribeStateMachine".into(),
            error,
        }),
    }
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let raw = m
        .get_one::<String>("definition-file")
        .map(String::as_str)
        .unwrap_or_default();
    let path = raw.strip_prefix("file://").unwrap_or(raw);
    let input = match m.get_one::<String>("input") {
        Some(raw) => names::json_or_path("input", raw)?,
        None => "{}".to_string(),
    };
    let full = m.get_flag("full");
    let mut ctx = globals.context("StartExecution")?;
    // Not a file (nor written as one): a stored state machine, by name or ARN, runs as
    // it is.
    let looks_like_file = raw.starts_with("file://")
        || (path.contains('/') && !path.starts_with("arn:"))
        || [".json", ".yaml", ".yml"].iter().any(|e| path.ends_with(e));
    let stored = !looks_like_file && !Path::new(path).exists();
    let (name, definition, machine_arn) = if stored {
        let arn = names::machine_arn(&mut ctx, raw).map_err(|_| {
            Failure::Parameter(format!(
                "sfn run: {raw} is neither a file nor a stored state machine"
            ))
        })?;
        let described = api_call(
            &mut ctx,
            "DescribeStateMachine",
            json!({ "stateMachineArn": arn }),
        )?;
        let field = |k: &str| {
            described
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        (field("name"), field("definition"), arn)
    } else {
        let definition = std::fs::read_to_string(path)
            .map_err(|e| Failure::Parameter(format!("sfn run: cannot read {path}: {e}")))?;
        // A YAML definition (`.asl.yaml`) runs as the JSON it stands for.
        let definition = crate::template::definition_json(&definition)
            .map_err(|e| Failure::Parameter(format!("sfn run: {path}: {e}")))?;
        let name = match m.get_one::<String>("name") {
            Some(n) => n.clone(),
            None => machine_name(Path::new(path)).ok_or_else(|| {
                Failure::Parameter(format!(
                    "sfn run: cannot name a state machine after {path}; use --name"
                ))
            })?,
        };
        let arn = ensure_machine(&mut ctx, &name, &definition).map_err(|f| match f {
            // The definition's problems, located in the file as `sfn lint` shows them.
            Failure::Api { ref error, .. } if error.code == "InvalidDefinition" => {
                match lint::located_lines(path, crate::asl::validate::MachineType::Standard) {
                    Some(lines) => Failure::Noted(
                        Box::new(Failure::Exit {
                            code: super::exit::SERVICE,
                            stdout: String::new(),
                        }),
                        format!("{lines}sfn run: {path} is not a valid state machine definition; nothing was run\n"),
                    ),
                    None => f,
                }
            }
            f => f,
        })?;
        (name, definition, arn)
    };

    let live = live::wanted(globals.quiet).then(|| Live::start(&name));
    if let Some(live) = &live {
        live.know(
            serde_json::from_str(&definition).ok(),
            globals.settings.wait_time_scale,
        );
        ctx.observer = Some(live.observer());
    }
    let mut request = Map::new();
    let target = match m.get_one::<String>("test-case") {
        Some(case) => format!("{machine_arn}#{case}"),
        None => machine_arn.clone(),
    };
    request.insert("stateMachineArn".into(), target.into());
    if let Some(n) = m.get_one::<String>("execution-name") {
        request.insert("name".into(), n.clone().into());
    }
    request.insert("input".into(), input.into());
    let started = api_call(&mut ctx, "StartExecution", Value::Object(request));
    ctx.observer = None;
    let started = match started {
        Ok(s) => s,
        Err(e) => {
            if let Some(live) = &live {
                live.finish();
            }
            return Err(e);
        }
    };
    let execution_arn = started
        .get("executionArn")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let describe = |ctx: &mut Context| {
        api_call(
            ctx,
            "DescribeExecution",
            json!({ "executionArn": execution_arn }),
        )
    };
    let mut execution = describe(&mut ctx)?;
    // A parked execution (waiting for a callback or an activity worker) ends when another
    // process answers it: wait for that.
    let mut noted = false;
    while execution.get("status").and_then(Value::as_str) == Some("RUNNING") {
        if let (Some(live), false) = (&live, noted) {
            // The tally already shows the state it waits in.
            live.note(&outcome::waiting_note(&ctx, &execution_arn));
            noted = true;
        }
        std::thread::sleep(POLL);
        execution = describe(&mut ctx)?;
    }
    if let Some(live) = &live {
        live.finish();
        let parsed = serde_json::from_str::<Value>(&definition).ok();
        let report = final_report(&mut ctx, live, &execution, parsed.as_ref(), full);
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(report.as_bytes());
        let _ = err.flush();
    }
    print_result(&execution, globals)
}

/// What `sfn run` and `sfn watch` print on stdout for an execution that ended: its output,
/// or `{"status", "error", "cause"}` with exit code 1 when it did not succeed.
pub(super) fn print_result(execution: &Value, globals: &Globals) -> Result<String, Failure> {
    let status = execution
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let succeeded = status == "SUCCEEDED";
    let result = if succeeded {
        let output = execution
            .get("output")
            .and_then(Value::as_str)
            .unwrap_or("null");
        serde_json::from_str(output).unwrap_or_else(|_| Value::String(output.to_string()))
    } else {
        let mut out = Map::new();
        out.insert("status".into(), status.into());
        for key in ["error", "cause"] {
            if let Some(v) = execution.get(key) {
                out.insert(key.into(), v.clone());
            }
        }
        Value::Object(out)
    };
    let result = match &globals.query {
        Some(q) => super::query(q, &result)?,
        None => result,
    };
    let text = if globals.quiet && succeeded {
        String::new()
    } else {
        match globals.format {
            // An output that is an empty object still prints, unlike an empty response.
            Format::Json => format!("{}\n", pretty(&result)),
            format => globals.render_as(&result, format, "Run")?,
        }
    };
    if succeeded {
        Ok(text)
    } else {
        Err(Failure::Exit {
            code: EXECUTION_FAILED,
            stdout: text,
        })
    }
}

/// JSON with the AWS CLI's 4-space indent.
fn pretty(value: &Value) -> String {
    let text = output::json(value);
    if text.is_empty() {
        "{}".to_string()
    } else {
        text.trim_end().to_string()
    }
}

/// The history table (head and tail of a long history) and the final status line.
fn final_report(
    ctx: &mut Context,
    live: &Live,
    execution: &Value,
    definition: Option<&Value>,
    full: bool,
) -> String {
    let arn = execution
        .get("executionArn")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let (head, skipped, tail, entered) = match live.observed() {
        // Events seen as they happened: no need to read a long history back.
        Some(seen) => {
            let json = |events: &[crate::engine::HistoryEvent]| -> Vec<Value> {
                events.iter().map(|e| event_json(e, true)).collect()
            };
            let entered = live.states_entered();
            (json(&seen.head), seen.skipped, json(&seen.tail), entered)
        }
        // It ended in another process (resumed by a callback): read it back.
        None => {
            let events = graph_cmd::all_events(ctx, arn).unwrap_or_default();
            let entered = outcome::states_entered(&events);
            let (head, skipped, tail) = outcome::split(events);
            (head, skipped, tail, entered)
        }
    };
    outcome::report(
        &outcome::Shown {
            head: &head,
            skipped,
            tail: &tail,
            entered,
        },
        execution,
        definition,
        full,
        Some(live.elapsed()),
        live.color(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machines_are_named_after_their_file_or_folder() {
        let name = |p: &str| machine_name(Path::new(p));
        assert_eq!(name("orders.asl.json").as_deref(), Some("orders"));
        assert_eq!(name("dir/orders.json").as_deref(), Some("orders"));
        assert_eq!(
            name("examples/hello-world/definition.asl.json").as_deref(),
            Some("hello-world")
        );
        assert_eq!(name("examples/x/definition.json").as_deref(), Some("x"));
    }
}
