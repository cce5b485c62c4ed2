//! `sfn __complete KIND [PREFIX]` (hidden): the names the shell completions offer from
//! the store, one per line: state machines and executions (names and ARNs), and the test
//! cases of the mock file. The bash completion script calls it; it prints nothing rather
//! than an error (a completion must never break the command line being typed).
use clap::{Arg, ArgMatches, Command};
use serde_json::{json, Value};

use super::{Failure, Globals};
use crate::api::people::{self, ExecutionFilter};
use crate::api::{self, Context};

/// What can be completed.
pub const KINDS: [&str; 5] = [
    "machines",
    "machine-arns",
    "executions",
    "execution-arns",
    "test-cases",
];

/// How many executions are offered (the newest first).
const EXECUTIONS: usize = 200;

pub fn command() -> Command {
    Command::new("__complete")
        .hide(true)
        .about("Names for shell completion, from the store")
        .arg(
            Arg::new("kind")
                .required(true)
                .value_parser(KINDS)
                .help("What to list"),
        )
        .arg(
            Arg::new("prefix")
                .default_value("")
                .help("Only names starting so"),
        )
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let kind = m
        .get_one::<String>("kind")
        .map(String::as_str)
        .unwrap_or("");
    let prefix = m
        .get_one::<String>("prefix")
        .map(String::as_str)
        .unwrap_or("");
    let names = match kind {
        "test-cases" => test_cases(globals),
        _ => match globals.context("ListStateMachines") {
            Ok(mut ctx) => from_store(&mut ctx, kind),
            Err(_) => Vec::new(),
        },
    };
    let mut out = String::new();
    for name in names.into_iter().filter(|n| n.starts_with(prefix)) {
        out.push_str(&name);
        out.push('\n');
    }
    Ok(out)
}

fn from_store(ctx: &mut Context, kind: &str) -> Vec<String> {
    match kind {
        "machines" | "machine-arns" => {
            let Ok(list) = api::call(ctx, "ListStateMachines", json!({ "maxResults": 1000 }))
            else {
                return Vec::new();
            };
            let key = if kind == "machines" {
                "name"
            } else {
                "stateMachineArn"
            };
            list.get("stateMachines")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|m| m.get(key).and_then(Value::as_str).map(str::to_string))
                .collect()
        }
        _ => {
            let filter = ExecutionFilter {
                limit: EXECUTIONS,
                ..ExecutionFilter::default()
            };
            let key = if kind == "executions" {
                "name"
            } else {
                "executionArn"
            };
            let mut names: Vec<String> = people::recent_executions(ctx, &filter)
                .unwrap_or_default()
                .iter()
                .filter_map(|e| e.get(key).and_then(Value::as_str).map(str::to_string))
                .collect();
            if kind == "executions" {
                names.insert(0, super::names::LAST.to_string());
            }
            names
        }
    }
}

/// The test case names of the mock file (`--mock-config` / `SFN_MOCK_CONFIG`).
fn test_cases(globals: &Globals) -> Vec<String> {
    let Some(path) = &globals.settings.mock_config else {
        return Vec::new();
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let Ok(mock) = serde_json::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let mut cases: Vec<String> = mock
        .get("StateMachines")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|machines| machines.values())
        .filter_map(|m| m.get("TestCases").and_then(Value::as_object))
        .flat_map(|cases| cases.keys().cloned())
        .collect();
    cases.sort();
    cases.dedup();
    cases
}
