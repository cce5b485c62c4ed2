//! `sfn __complete KIND [PREFIX]` (hidden): the names the shell completions offer from
//! the store, one per line: state machines and executions (names and ARNs), and the test
//! cases of the mock file. The bash completion script calls it; it prints nothing rather
//! than an error (a completion must never break the command line being typed).
//!
//! `sfn __complete words :WORD...` is what the zsh, fish, PowerShell and elvish scripts
//! call: the words typed after `sfn`, each behind a `:` (so that an empty word or one
//! starting with `-` passes through every shell whole), the word being completed last. It
//! prints the candidates for that word: names and ARNs from the store where a state
//! machine or an execution goes, test cases, `--output` values, `file://` paths. Nothing
//! printed means "complete as usual" (flags, subcommands, files).
use std::path::Path;

use clap::{Arg, ArgMatches, Command};
use serde_json::{json, Value};

use super::{Failure, Globals};
use crate::api::people::{self, ExecutionFilter};
use crate::api::{self, Context};

/// What can be completed.
pub const KINDS: [&str; 6] = [
    "machines",
    "machine-arns",
    "executions",
    "execution-arns",
    "test-cases",
    "words",
];

/// Paths offered at most (a directory of thousands of files is not listed whole).
const PATHS: usize = 500;

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
                .num_args(0..)
                .allow_hyphen_values(true)
                .help("Only names starting so (words: the words typed, each behind a `:`)"),
        )
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let kind = m
        .get_one::<String>("kind")
        .map(String::as_str)
        .unwrap_or("");
    let given: Vec<&str> = m
        .get_many::<String>("prefix")
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if kind == "words" {
        let words: Vec<String> = given
            .iter()
            .map(|w| w.strip_prefix(':').unwrap_or(w).to_string())
            .collect();
        let mut out = String::new();
        for candidate in complete_words(globals, &words) {
            out.push_str(&candidate);
            out.push('\n');
        }
        return Ok(out);
    }
    let prefix = given.first().copied().unwrap_or("");
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
    test_cases_in(globals.settings.mock_config.as_deref())
}

fn test_cases_in(path: Option<&Path>) -> Vec<String> {
    let Some(path) = path else {
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

/// Where the word being completed goes.
#[derive(Debug, PartialEq)]
enum Slot {
    /// The value of `--NAME`.
    Value(String),
    /// A positional argument of the subcommand (`None`: no subcommand yet).
    Positional(Option<String>),
}

/// What a command line says about the word being completed (the last of `words`): its
/// slot, and the store and mock file the line names (`--db`, `--mock-config`).
#[derive(Debug, PartialEq)]
struct Line {
    slot: Slot,
    /// The part of the word the candidates follow (`--output=` of `--output=js`).
    lead: String,
    /// The typed part of the value.
    typed: String,
    db: Option<String>,
    mock_config: Option<String>,
    /// The subcommand, once typed.
    sub: Option<String>,
}

/// The option `--name` of subcommand `sub` (or of `sfn` itself).
fn find_arg<'t>(tree: &'t Command, sub: Option<&str>, name: &str) -> Option<&'t Arg> {
    let in_cmd = |c: &'t Command| c.get_arguments().find(|a| a.get_long() == Some(name));
    sub.and_then(|s| tree.find_subcommand(s))
        .and_then(in_cmd)
        .or_else(|| in_cmd(tree))
}

/// Reads `words` (after `sfn`) against the command tree: which options take a value, and
/// so which word is the subcommand.
fn read_line(tree: &Command, words: &[String]) -> Line {
    let (current, before) = match words.split_last() {
        Some((last, rest)) => (last.as_str(), rest),
        None => ("", &[][..]),
    };
    let takes_value = |sub: Option<&str>, name: &str| {
        find_arg(tree, sub, name).is_some_and(|a| a.get_action().takes_values())
    };
    let mut sub: Option<String> = None;
    let mut db = None;
    let mut mock_config = None;
    let mut pending: Option<String> = None;
    for word in before {
        if let Some(option) = pending.take() {
            match option.as_str() {
                "db" => db = Some(word.clone()),
                "mock-config" => mock_config = Some(word.clone()),
                _ => {}
            }
            continue;
        }
        if let Some(long) = word.strip_prefix("--") {
            match long.split_once('=') {
                Some(("db", v)) => db = Some(v.to_string()),
                Some(("mock-config", v)) => mock_config = Some(v.to_string()),
                Some(_) => {}
                None if takes_value(sub.as_deref(), long) => pending = Some(long.to_string()),
                None => {}
            }
        } else if !word.starts_with('-') && sub.is_none() {
            sub = Some(word.clone());
        }
    }
    let (slot, lead, typed) = match (pending, current.strip_prefix("--")) {
        (_, Some(long)) => match long.split_once('=') {
            Some((name, value)) => (
                Slot::Value(name.to_string()),
                format!("--{name}="),
                value.to_string(),
            ),
            // A flag being typed: the shell's own completion knows them.
            None => (
                Slot::Value(String::new()),
                String::new(),
                current.to_string(),
            ),
        },
        (Some(option), None) => (Slot::Value(option), String::new(), current.to_string()),
        (None, None) => (
            Slot::Positional(sub.clone()),
            String::new(),
            current.to_string(),
        ),
    };
    Line {
        slot,
        lead,
        typed,
        db,
        mock_config,
        sub,
    }
}

/// The candidates for the last of `words`; none means "complete as usual".
fn complete_words(globals: &Globals, words: &[String]) -> Vec<String> {
    let mut tree = super::extra::command();
    tree.build();
    let line = read_line(&tree, words);
    let typed = line.typed.as_str();
    if typed.starts_with('-') && matches!(line.slot, Slot::Positional(_)) {
        return Vec::new();
    }
    for scheme in ["file://", "fileb://"] {
        if let Some(path) = typed.strip_prefix(scheme) {
            return with_lead(&line.lead, paths(scheme, path));
        }
    }
    let store = |kind: &str| names_of(globals, &line, kind);
    let candidates: Vec<String> = match &line.slot {
        Slot::Value(option) => match option.as_str() {
            "state-machine-arn" | "resource-arn" => store("machine-arns"),
            "execution-arn" => store("execution-arns"),
            "test-case" => store("test-cases"),
            "output" => super::output::Format::names()
                .into_iter()
                .map(String::from)
                .collect(),
            "color" => ["on", "off", "auto"].map(String::from).to_vec(),
            // A flag being typed.
            "" => Vec::new(),
            // Its choices, else a path (what people give most: `--input input.json`).
            other => match find_arg(&tree, line.sub.as_deref(), other) {
                Some(arg) if !arg.get_possible_values().is_empty() => arg
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect(),
                _ => paths("", typed),
            },
        },
        Slot::Positional(sub) => match sub.as_deref() {
            Some("history" | "watch") => store("executions"),
            Some("ls" | "stats") => store("machines"),
            Some("logs") => {
                let mut both = store("machines");
                both.extend(store("executions"));
                both
            }
            Some("run" | "graph") => {
                let mut both = store("machines");
                both.extend(paths("", typed));
                both
            }
            // The choices of its first positional argument, if it has any (a shell).
            Some(other) => tree
                .find_subcommand(other)
                .and_then(|c| c.get_positionals().next())
                .map(|a| {
                    a.get_possible_values()
                        .iter()
                        .map(|v| v.get_name().to_string())
                        .collect()
                })
                .unwrap_or_default(),
            None => Vec::new(),
        },
    };
    let matching = candidates
        .into_iter()
        .filter(|c| c.starts_with(typed))
        .collect();
    with_lead(&line.lead, matching)
}

fn with_lead(lead: &str, candidates: Vec<String>) -> Vec<String> {
    candidates
        .into_iter()
        .map(|c| format!("{lead}{c}"))
        .collect()
}

/// The names of `kind` (machines, executions, their ARNs, test cases), from the store
/// and mock file the line names, else the usual ones. A store that does not exist is not
/// created for a completion.
fn names_of(globals: &Globals, line: &Line, kind: &str) -> Vec<String> {
    if kind == "test-cases" {
        let mock = line
            .mock_config
            .as_ref()
            .map(std::path::PathBuf::from)
            .or_else(|| globals.settings.mock_config.clone());
        return test_cases_in(mock.as_deref());
    }
    let db = match &line.db {
        Some(db) => std::path::PathBuf::from(db),
        None => match globals.db_path() {
            Ok(db) => db,
            Err(_) => return Vec::new(),
        },
    };
    if !db.is_file() {
        return Vec::new();
    }
    let Ok(store) = crate::store::Store::open(&db) else {
        return Vec::new();
    };
    let mut ctx = Context::with_settings(store, globals.settings.clone());
    ctx.region = globals.region.clone();
    ctx.account = globals.account.clone();
    from_store(&mut ctx, kind)
}

/// The files and directories (`/` after them) whose path starts with `typed`, behind
/// `scheme` (`file://`). Hidden ones only when their name is begun with the dot.
fn paths(scheme: &str, typed: &str) -> Vec<String> {
    let (dir, base) = match typed.rfind('/') {
        Some(at) => (&typed[..=at], &typed[at + 1..]),
        None => ("", typed),
    };
    let listed = if dir.is_empty() {
        Path::new(".")
    } else {
        Path::new(dir)
    };
    let Ok(entries) = std::fs::read_dir(listed) else {
        return Vec::new();
    };
    let mut out: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            if !name.starts_with(base) || (name.starts_with('.') && !base.starts_with('.')) {
                return None;
            }
            let slash = if e.path().is_dir() { "/" } else { "" };
            Some(format!("{scheme}{dir}{name}{slash}"))
        })
        .take(PATHS)
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(words: &[&str]) -> Line {
        let mut tree = super::super::extra::command();
        tree.build();
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        read_line(&tree, &words)
    }

    #[test]
    fn the_slot_of_the_last_word_is_read_against_the_command_tree() {
        assert_eq!(
            line(&["history", "la"]).slot,
            Slot::Positional(Some("history".into()))
        );
        // `--db x` takes a value: `x` is not the subcommand.
        let l = line(&["--db", "other.db", "watch", ""]);
        assert_eq!(l.slot, Slot::Positional(Some("watch".into())));
        assert_eq!(l.db.as_deref(), Some("other.db"));
        assert_eq!(
            line(&[
                "describe-state-machine",
                "--state-machine-arn",
                "arn:aws:states:us"
            ])
            .slot,
            Slot::Value("state-machine-arn".into())
        );
        // A flag without a value (`--full`) does not take the next word.
        assert_eq!(
            line(&["history", "--full", "x"]).slot,
            Slot::Positional(Some("history".into()))
        );
        let l = line(&["ls", "--output=ta"]);
        assert_eq!(
            (l.slot, l.lead.as_str(), l.typed.as_str()),
            (Slot::Value("output".into()), "--output=", "ta")
        );
        assert_eq!(line(&[""]).slot, Slot::Positional(None));
    }

    #[test]
    fn paths_list_what_starts_so_with_a_slash_after_directories() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("defs")).unwrap();
        std::fs::write(dir.path().join("defs/orders.asl.json"), "{}").unwrap();
        std::fs::write(dir.path().join("defs/.hidden"), "{}").unwrap();
        let root = format!("{}/", dir.path().display());
        assert_eq!(
            paths("file://", &format!("{root}de")),
            [format!("file://{root}defs/")]
        );
        assert_eq!(
            paths("file://", &format!("{root}defs/")),
            [format!("file://{root}defs/orders.asl.json")]
        );
        assert_eq!(
            paths("", &format!("{root}defs/.h")),
            [format!("{root}defs/.hidden")]
        );
        assert!(paths("", &format!("{root}missing/x")).is_empty());
    }
}
