//! `sfn graph` (our addition): a workflow as a Graphviz or Mermaid graph, from a
//! definition, a stored state machine, or an execution (then coloured by the path taken:
//! each state's outcome comes from the execution's history).
use std::collections::HashMap;

use clap::{Arg, ArgGroup, ArgMatches, Command};
use serde_json::{json, Value};

use super::graph::{self, Format};
use super::history_table;
use super::{names, params, Failure, Globals};
use crate::api::{self, Context};

pub fn command() -> Command {
    Command::new("graph")
        .about("Draw a workflow as a Graphviz (dot), Mermaid or SVG graph")
        .long_about(
            "Prints a workflow as a graph: Choice rules are labelled edges, Catch edges are \
             dashed, Parallel branches and Map item processors are clusters. With \
             --execution-arn, the states are coloured by how they fared in that execution \
             (green succeeded, red failed, orange failed and caught, blue unfinished). \
             Render with e.g. `sfn graph ... | dot -Tsvg > graph.svg`, paste Mermaid into \
             Markdown, or let sfn lay it out: `--format svg > graph.svg`.",
        )
        .arg(
            Arg::new("what")
                .value_name("WHAT")
                .help("A definition file (X.asl.json), a state machine (name or ARN) or an execution (name, unique prefix, MACHINE/NAME, last or ARN)"),
        )
        .after_help(
            "Examples:\n  sfn graph orders.asl.json | dot -Tsvg > orders.svg\n  sfn graph orders --format mermaid\n  sfn graph orders --format svg > orders.svg\n  sfn graph last | dot -Tsvg > run.svg",
        )
        .arg(
            Arg::new("definition")
                .long("definition")
                .num_args(1)
                .help("The definition to draw: JSON text or file://path"),
        )
        .arg(
            Arg::new("state-machine-arn")
                .long("state-machine-arn")
                .num_args(1)
                .help("Draw this stored state machine (or version or alias)"),
        )
        .arg(
            Arg::new("execution-arn")
                .long("execution-arn")
                .num_args(1)
                .help("Draw the state machine of this execution, coloured by the path it took"),
        )
        .group(
            ArgGroup::new("source")
                .args(["what", "definition", "state-machine-arn", "execution-arn"])
                .required(true),
        )
        .arg(
            Arg::new("format")
                .long("format")
                .num_args(1)
                .value_parser(["dot", "mermaid", "svg"])
                .default_value("dot")
                .help("Graph language: dot (Graphviz), mermaid, or svg (laid out by sfn itself)"),
        )
}

fn api_call(ctx: &mut Context, operation: &str, request: Value) -> Result<Value, Failure> {
    api::call(ctx, operation, request).map_err(|error| Failure::Api {
        operation: operation.to_string(),
        error,
    })
}

fn definition_of(response: &Value) -> Result<Value, Failure> {
    let text = response
        .get("definition")
        .and_then(Value::as_str)
        .unwrap_or_default();
    parse(text)
}

fn parse(text: &str) -> Result<Value, Failure> {
    if !crate::template::yaml::is_json(text) {
        // A YAML definition (the AWS Toolkit's `.asl.yaml`).
        return crate::template::definition_json(text)
            .and_then(|json| serde_json::from_str(&json).map_err(|e| e.to_string()))
            .map_err(|e| {
                Failure::Parameter(format!(
                    "sfn graph: the definition is not JSON or YAML: {e}"
                ))
            });
    }
    serde_json::from_str(text)
        .map_err(|e| Failure::Parameter(format!("sfn graph: the definition is not JSON: {e}")))
}

/// Every event of an execution, in order.
pub(super) fn all_events(ctx: &mut Context, execution_arn: &str) -> Result<Vec<Value>, Failure> {
    let mut events = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let mut request = json!({"executionArn": execution_arn, "maxResults": 1000});
        if let Some(t) = &token {
            request["nextToken"] = Value::String(t.clone());
        }
        let page = api_call(ctx, "GetExecutionHistory", request)?;
        if let Some(list) = page.get("events").and_then(Value::as_array) {
            events.extend(list.iter().cloned());
        }
        match page.get("nextToken").and_then(Value::as_str) {
            Some(t) => token = Some(t.to_string()),
            None => return Ok(events),
        }
    }
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let format = match m.get_one::<String>("format").map(String::as_str) {
        Some("mermaid") => Format::Mermaid,
        Some("svg") => Format::Svg,
        _ => Format::Dot,
    };
    if let Some(what) = m.get_one::<String>("what") {
        return positional(what, format, globals);
    }
    let definition = if let Some(raw) = m.get_one::<String>("definition") {
        parse(&params::resolve_file("definition", raw)?)?
    } else if let Some(arn) = m.get_one::<String>("state-machine-arn") {
        let mut ctx = globals.context("DescribeStateMachine")?;
        definition_of(&api_call(
            &mut ctx,
            "DescribeStateMachine",
            json!({ "stateMachineArn": arn }),
        )?)?
    } else {
        let arn = m
            .get_one::<String>("execution-arn")
            .cloned()
            .unwrap_or_default();
        let mut ctx = globals.context("DescribeStateMachineForExecution")?;
        return execution_graph(&mut ctx, &arn, format);
    };
    Ok(graph::render(&definition, format, &HashMap::new()))
}

/// An execution's machine, drawn with what the execution did in each state.
fn execution_graph(ctx: &mut Context, arn: &str, format: Format) -> Result<String, Failure> {
    let machine = api_call(
        ctx,
        "DescribeStateMachineForExecution",
        json!({ "executionArn": arn }),
    )?;
    let events = all_events(ctx, arn)?;
    let attribution = history_table::attribute(&events);
    let visits = graph::Visits {
        states: attribution.counts,
        iterations: attribution.iterations,
    };
    Ok(graph::render_run(
        &definition_of(&machine)?,
        format,
        &attribution.outcomes,
        &visits,
    ))
}

/// `sfn graph WHAT`: a file when one is there, else a state machine, else an execution.
fn positional(what: &str, format: Format, globals: &Globals) -> Result<String, Failure> {
    let path = what.strip_prefix("file://").unwrap_or(what);
    if what.starts_with("file://") || std::path::Path::new(path).is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::Parameter(format!("sfn graph: cannot read {path}: {e}")))?;
        return Ok(graph::render(&parse(&text)?, format, &HashMap::new()));
    }
    let mut ctx = globals.context("DescribeStateMachine")?;
    let is_execution = what.contains(":execution:") || what.contains('/') || what == names::LAST;
    if !is_execution {
        if let Ok(arn) = names::machine_arn(&mut ctx, what) {
            let machine = api_call(
                &mut ctx,
                "DescribeStateMachine",
                json!({ "stateMachineArn": arn }),
            )?;
            return Ok(graph::render(
                &definition_of(&machine)?,
                format,
                &HashMap::new(),
            ));
        }
    }
    let arn = names::execution_arn(&mut ctx, what).map_err(|_| {
        Failure::Parameter(format!(
            "sfn graph: {what} is not a file, a state machine or an execution"
        ))
    })?;
    execution_graph(&mut ctx, &arn, format)
}
