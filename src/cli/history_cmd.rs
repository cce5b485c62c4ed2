//! `sfn history EXECUTION` (ours): an execution's history as a table for people: the
//! state of each event, the Map iteration or Parallel branch it ran in, retries numbered,
//! the Choice rule taken and what each state changed in the data. Then the status line of
//! `sfn run`. `--output json|text` (given explicitly) prints the events instead.
use clap::{Arg, ArgMatches, Command};
use serde_json::{json, Value};

use super::history_table::{self, Style};
use super::run as run_cmd;
use super::term::{self, Stream};
use super::{graph_cmd, names, outcome, Failure, Globals};
use crate::api::{self, Context};

pub fn command() -> Command {
    Command::new("history")
        .about("Show an execution's history as a table: states, iterations, retries, what changed")
        .long_about(
            "Shows the history of an execution as a table made for reading: one line per \
             event with its state, the Map iteration or Parallel branch it ran in, retries \
             numbered (attempt 2/4), the Choice rule taken and the part of the data each \
             state added or changed. The table fits the terminal (or COLUMNS when piped); \
             --full shows payloads whole, JSON pretty-printed. EXECUTION is an execution \
             name, a unique prefix of one, MACHINE/NAME, `last`, MACHINE/last or an ARN.",
        )
        .after_help(
            "Examples:\n  sfn history last\n  sfn history orders/last --full\n  sfn history 3f2a          # a unique prefix of the name\n  sfn history last --output json",
        )
        .arg(execution_arg())
        .arg(run_cmd::full_arg())
}

/// The EXECUTION argument of the commands made for people.
pub fn execution_arg() -> Arg {
    Arg::new("execution")
        .value_name("EXECUTION")
        .required(true)
        .help("Execution name, unique name prefix, MACHINE/NAME, last, MACHINE/last or ARN")
}

fn api_call(ctx: &mut Context, operation: &str, request: Value) -> Result<Value, Failure> {
    api::call(ctx, operation, request).map_err(|error| Failure::Api {
        operation: operation.to_string(),
        error,
    })
}

/// The definition an execution ran (parsed), if it can be read.
pub fn definition_of(ctx: &mut Context, execution_arn: &str) -> Option<Value> {
    let machine = api::call(
        ctx,
        "DescribeStateMachineForExecution",
        json!({ "executionArn": execution_arn }),
    )
    .ok()?;
    serde_json::from_str(machine.get("definition")?.as_str()?).ok()
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let reference = m
        .get_one::<String>("execution")
        .cloned()
        .unwrap_or_default();
    let mut ctx = globals.context("GetExecutionHistory")?;
    let arn = names::execution_arn(&mut ctx, &reference)?;
    let execution = api_call(
        &mut ctx,
        "DescribeExecution",
        json!({ "executionArn": arn }),
    )?;
    let events = graph_cmd::all_events(&mut ctx, &arn)?;
    if m.get_one::<String>("output").is_some() || globals.query.is_some() {
        let response = json!({ "events": events });
        let response = match &globals.query {
            Some(q) => super::query(q, &response)?,
            None => response,
        };
        return globals.render(&response, "GetExecutionHistory");
    }
    let definition = definition_of(&mut ctx, &arn);
    let style = Style {
        full: m.get_flag("full"),
        color: term::color(Stream::Stdout),
        on_stderr: false,
    };
    let mut text = history_table::history_with(&events, definition.as_ref(), style);
    text.push_str(&outcome::status_lines(
        &execution,
        &events,
        None,
        None,
        style.color,
        Stream::Stdout,
    ));
    Ok(text)
}
