//! The commands that are ours rather than AWS's (`run`, `graph`, `lint`, `resume`,
//! `completions`, `man`, `serve`), added to the clap tree of the 37 operations, and the
//! people-facing renderings
//! of AWS commands: the live view during `start-execution` at a terminal and the
//! purpose-built tables of `get-execution-history` and `describe-execution`.
use clap::{ArgMatches, Command};
use serde_json::{json, Value};

use super::history_table::{self, Style};
use super::live::{self, Live};
use super::output::Format;
use super::{args, completions, graph_cmd, lint, man, operations, resume, run, Failure, Globals};
use crate::api::{self, Context};

/// Operations whose `--output table` is the readable table of [`history_table`].
const READABLE_TABLES: [&str; 2] = ["get-execution-history", "describe-execution"];

/// The whole command tree: the AWS operations, then our commands.
pub fn command() -> Command {
    extend(args::command(operations::OPERATIONS))
}

/// Adds our commands (and the readable-table flag) to the AWS operations' command tree.
pub fn extend(base: Command) -> Command {
    let mut cmd = base
        .subcommand(run::command())
        .subcommand(graph_cmd::command())
        .subcommand(lint::command())
        .subcommand(resume::command())
        .subcommand(completions::command())
        .subcommand(man::command())
        .subcommand(crate::serve::command());
    for name in READABLE_TABLES {
        cmd = cmd.mut_subcommand(name, |sub| sub.arg(run::full_arg()));
    }
    cmd
}

/// Runs one of our commands; `None` for the AWS operations.
pub(super) fn dispatch(
    name: &str,
    m: &ArgMatches,
    globals: &Globals,
) -> Option<Result<String, Failure>> {
    Some(match name {
        "run" => run::run(m, globals),
        "graph" => graph_cmd::run(m, globals),
        "resume" => resume::run(m, globals),
        "completions" => completions::run(m),
        "man" => man::run(m),
        // Reached with global options before `serve` (`sfn --db x serve`); `sfn serve ...`
        // goes to the server before clap sees the tree.
        "serve" => match crate::serve::run(m) {
            0 => Ok(String::new()),
            code => Err(Failure::Exit {
                code,
                stdout: String::new(),
            }),
        },
        "lint" => match lint::run(m) {
            0 => Ok(String::new()),
            code => Err(Failure::Exit {
                code,
                stdout: String::new(),
            }),
        },
        _ => return None,
    })
}

/// The readable table for `get-execution-history` / `describe-execution` with
/// `--output table` (and no `--query`); `None` for every other case.
pub(super) fn readable_table(
    command: &str,
    m: &ArgMatches,
    globals: &Globals,
    response: &Value,
) -> Option<String> {
    if globals.format != Format::Table || globals.query.is_some() {
        return None;
    }
    let style = Style {
        full: m.try_get_one::<bool>("full").ok().flatten() == Some(&true),
        color: live::color() && std::io::IsTerminal::is_terminal(&std::io::stdout()),
        on_stderr: false,
    };
    match command {
        "get-execution-history" => {
            let events = response.get("events")?.as_array()?;
            let mut text = history_table::history(events, style);
            if let Some(token) = response.get("NextToken").and_then(Value::as_str) {
                text.push_str(&format!("NextToken: {token}\n"));
            }
            Some(text)
        }
        "describe-execution" => Some(history_table::description(response, style)),
        _ => None,
    }
}

/// The live view for the operations that run an execution, at a terminal.
pub(super) fn attach_live(ctx: &mut Context, api: &str, globals: &Globals) -> Option<Live> {
    if !matches!(api, "StartExecution" | "StartSyncExecution") || !live::wanted(globals.quiet) {
        return None;
    }
    let live = Live::start(api);
    ctx.observer = Some(live.observer());
    Some(live)
}

/// Ends the live view of an AWS command: the spinner goes, one status line stays.
pub fn detach_live(ctx: &mut Context, live: Option<Live>, response: Option<&Value>) {
    ctx.observer = None;
    let Some(live) = live else { return };
    live.finish();
    let status = response.and_then(|r| match r.get("status") {
        Some(s) => s.as_str().map(str::to_string),
        None => {
            let arn = r.get("executionArn")?;
            let described = api::call(ctx, "DescribeExecution", json!({ "executionArn": arn }));
            described.ok()?.get("status")?.as_str().map(str::to_string)
        }
    });
    let Some(status) = status else { return };
    let entered = live.states_entered();
    eprintln!(
        "{status} · {entered} state{} entered in {}",
        if entered == 1 { "" } else { "s" },
        live::duration(live.elapsed())
    );
}
