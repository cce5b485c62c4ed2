//! The clap command tree, built from the operations table (no derive macros): one
//! subcommand per operation, one flag per input member, plus the AWS CLI's global options.
use std::ffi::OsString;

use clap::{Arg, ArgAction, Command};

use super::table::{Flag, Kind, Operation, Paging};
use super::{operations, Failure};

/// The program name in argparse's messages.
pub const PROG: &str = "sfn";

/// The usage block the AWS CLI prints above a command-line mistake.
pub const USAGE: &str = "usage: sfn [options] <command> [parameters]\nTo see help text, you can run:\n\n  sfn help\n  sfn <command> help\n";

/// Global options: ours, then the AWS CLI's that are accepted and ignored offline.
pub fn global_args() -> Vec<Arg> {
    let value = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .global(true)
            .num_args(1)
            .help(help)
            .help_heading("Global options")
    };
    let switch = |name: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .global(true)
            .action(ArgAction::SetTrue)
            .help(help)
            .help_heading("Global options")
    };
    vec![
        value(
            "db",
            "SQLite store to use [default: $SFN_DB, else <config dir>/sfn/sfn.db]",
        )
        .value_name("PATH"),
        value(
            "region",
            "Region used in ARNs [default: $AWS_REGION, $AWS_DEFAULT_REGION, us-east-1]",
        ),
        value(
            "output",
            "Output format: json, text, table, yaml or yaml-stream [default: json]",
        )
        .value_name("FORMAT"),
        value("query", "JMESPath query applied to the response").value_name("JMESPATH"),
        switch(
            "no-paginate",
            "Make a single call, without automatic pagination",
        ),
        value(
            "mock-config",
            "Step Functions Local mock file for Task states [default: $SFN_MOCK_CONFIG]",
        )
        .value_name("FILE"),
        value(
            "handlers",
            "Local handlers file for Task states [default: $SFN_HANDLERS]",
        )
        .value_name("FILE"),
        switch("quiet", "Print nothing on success"),
        value(
            "profile",
            "Named profile of the AWS config file for region, output and cli_timestamp_format [default: $AWS_PROFILE]",
        ),
        value(
            "color",
            "Colour in table output: on, off or auto [default: auto, colour at a terminal]",
        ),
        // Accepted for compatibility with `aws` scripts; they change nothing offline.
        switch("debug", "Accepted and ignored").hide(true),
        value("endpoint-url", "Accepted and ignored").hide(true),
        switch("no-cli-pager", "Accepted and ignored").hide(true),
        switch("no-verify-ssl", "Accepted and ignored").hide(true),
        switch("no-sign-request", "Accepted and ignored").hide(true),
        value("ca-bundle", "Accepted and ignored").hide(true),
        value("cli-read-timeout", "Accepted and ignored").hide(true),
        value("cli-connect-timeout", "Accepted and ignored").hide(true),
        value("cli-binary-format", "Accepted and ignored").hide(true),
        switch("no-cli-auto-prompt", "Accepted and ignored").hide(true),
    ]
}

/// The whole command tree (for help pages, completions and tests).
pub fn command(operations: &[Operation]) -> Command {
    command_for(operations, |_| true, |_| true)
}

/// The command tree with full flags only for the subcommands `argv` names; the others
/// keep their name and summary for `--help`. Building all ~250 flags costs more than the
/// rest of a typical command.
pub fn command_for_args(operations: &[Operation], argv: &[std::ffi::OsString]) -> Command {
    let named = |name: &str| argv.iter().any(|a| a == name);
    // With an operation named, the others are left out: clap copies every global option
    // into every subcommand, which costs more than the rest of a short command. (They
    // stay when none is named, for the help and the list of choices.)
    let any = operations.iter().any(|op| named(op.command));
    command_for(operations, named, |name| !any || named(name))
}

fn command_for(
    operations: &[Operation],
    full: impl Fn(&str) -> bool,
    keep: impl Fn(&str) -> bool,
) -> Command {
    let mut cmd = Command::new("sfn")
        .version(env!("CARGO_PKG_VERSION"))
        .about("AWS Step Functions offline: the `aws stepfunctions` commands, run locally")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .infer_long_args(true)
        .args_override_self(true)
        .max_term_width(100);
    for arg in global_args() {
        cmd = cmd.arg(arg);
    }
    for op in operations.iter().filter(|op| keep(op.command)) {
        cmd = cmd.subcommand(if full(op.command) {
            subcommand(op)
        } else {
            Command::new(op.command).about(first_sentence(op.about))
        });
    }
    cmd
}

fn subcommand(op: &Operation) -> Command {
    let mut cmd = Command::new(op.command)
        .about(first_sentence(op.about))
        .long_about(op.about)
        .infer_long_args(true)
        .args_override_self(true);
    for flag in op.flags {
        for arg in flag_args(flag) {
            cmd = cmd.arg(arg);
        }
    }
    if let Paging::Auto { .. } = op.paging {
        cmd = cmd
            .arg(
                Arg::new("starting-token")
                    .long("starting-token")
                    .num_args(1)
                    .help("A token from a previous truncated response, to resume paginating"),
            )
            .arg(
                Arg::new("page-size")
                    .long("page-size")
                    .num_args(1)
                    .allow_negative_numbers(true)
                    .help("Number of items per service call (does not change the output)"),
            )
            .arg(
                Arg::new("max-items")
                    .long("max-items")
                    .num_args(1)
                    .allow_negative_numbers(true)
                    .help("Total number of items to return; prints a NextToken to resume"),
            );
    }
    cmd.arg(
        Arg::new("cli-input-json")
            .long("cli-input-json")
            .num_args(1)
            .help("Read arguments from this JSON (or file://); explicit flags win"),
    )
    .arg(
        Arg::new("cli-input-yaml")
            .long("cli-input-yaml")
            .num_args(1)
            .help("Read arguments from this YAML (or file://); explicit flags win"),
    )
    .arg(
        Arg::new("generate-cli-skeleton")
            .long("generate-cli-skeleton")
            .num_args(0..=1)
            .default_missing_value("input")
            .value_parser(["input", "output", "yaml-input"])
            .help(
                "Print a skeleton of the input (default, JSON), output, or yaml-input, then exit",
            ),
    )
}

/// The clap argument id of a member's flag.
pub fn flag_id(flag: &Flag) -> &'static str {
    flag.name
}

/// The id of the `--no-x` half of a boolean flag pair.
pub fn negated_id(flag: &Flag) -> String {
    format!("no-{}", flag.name)
}

fn flag_args(flag: &Flag) -> Vec<Arg> {
    let mut help = flag.help.to_string();
    if !flag.values.is_empty() {
        help.push_str(&format!(" [possible values: {}]", flag.values.join(", ")));
    }
    if flag.required {
        help.push_str(" [required]");
    }
    let base = Arg::new(flag_id(flag))
        .long(flag.name)
        .help(help)
        .hide(flag.hidden);
    match flag.kind {
        Kind::Bool => vec![
            base.action(ArgAction::SetTrue)
                .overrides_with(negated_id(flag)),
            Arg::new(negated_id(flag))
                .long(negated_id(flag))
                .action(ArgAction::SetTrue)
                .hide(true)
                .overrides_with(flag_id(flag)),
        ],
        // argparse keeps the last occurrence of a list flag, as of any other.
        Kind::List => vec![base
            .num_args(1..)
            .action(ArgAction::Set)
            .value_name(flag.member)],
        Kind::Int | Kind::Long | Kind::Float => vec![base
            .num_args(1)
            .allow_negative_numbers(true)
            .value_name(flag.member)],
        _ => vec![base.num_args(1).value_name(flag.member)],
    }
}

/// The first sentence of a model paragraph, for the command list.
fn first_sentence(text: &'static str) -> &'static str {
    match text.find(". ") {
        Some(i) => &text[..=i],
        None => text,
    }
}

/// The global options that take a value (`--region X`), so that a scan of the command
/// line can step over their values.
fn global_value_options() -> Vec<String> {
    global_args()
        .iter()
        .filter(|a| !matches!(a.get_action(), ArgAction::SetTrue))
        .filter_map(|a| a.get_long().map(str::to_string))
        .collect()
}

/// The command line as the AWS CLI reads it, before clap sees it: `stepfunctions` before
/// the command (after any global options, as in `aws --region r stepfunctions ...`) is
/// dropped, and `<command> help` asks for the command's help.
pub fn normalize(argv: Vec<OsString>) -> Vec<OsString> {
    let values = global_value_options();
    let takes_value = |token: &str| {
        token
            .strip_prefix("--")
            .is_some_and(|name| !name.contains('=') && values.iter().any(|v| v == name))
    };
    let mut argv = argv;
    // Positions of the tokens that are not global options or their values.
    let mut positions = Vec::new();
    let mut i = 1;
    while i < argv.len() {
        let token = argv[i].to_string_lossy();
        if takes_value(&token) {
            i += 2;
            continue;
        }
        if !token.starts_with("--") {
            positions.push(i);
        }
        i += 1;
    }
    if let Some(&first) = positions.first() {
        if argv[first] == "stepfunctions" {
            argv.remove(first);
            positions.remove(0);
            positions.iter_mut().for_each(|p| *p -= 1);
        }
    }
    let others = (1..argv.len())
        .filter(|i| {
            let t = argv[*i].to_string_lossy();
            t.starts_with("--") && !takes_value(&t) && !is_global_switch(&t)
        })
        .count();
    if positions.len() == 2 && others == 0 && argv[positions[1]] == "help" {
        argv[positions[1]] = "--help".into();
    }
    argv
}

fn is_global_switch(token: &str) -> bool {
    let name = token.trim_start_matches("--");
    global_args()
        .iter()
        .any(|a| a.get_long() == Some(name) && matches!(a.get_action(), ArgAction::SetTrue))
}

/// argparse's `Invalid choice` message (two choices a line, 40 columns each) with
/// difflib's close matches.
pub fn choices_message(value: &str, choices: &[&str]) -> String {
    let mut msg = vec!["Invalid choice, valid choices are:\n".to_string()];
    for pair in choices.chunks(2) {
        let cells: Vec<String> = pair.iter().map(|c| format!("{c:<40}")).collect();
        msg.push(cells.join(" | "));
    }
    let possible = close_matches(value, choices, 3, 0.8);
    if !possible.is_empty() {
        msg.push(format!(
            "\n\nInvalid choice: {}, maybe you meant:\n",
            super::validate::py_repr(&serde_json::Value::String(value.to_string()))
        ));
        for word in possible {
            msg.push(format!("  * {word}"));
        }
    }
    msg.join("\n")
}

/// Python's `difflib.get_close_matches`: the `n` best choices whose similarity ratio is at
/// least `cutoff`, best first (ties: the greater string first).
pub fn close_matches<'a>(word: &str, choices: &[&'a str], n: usize, cutoff: f64) -> Vec<&'a str> {
    let b: Vec<char> = word.chars().collect();
    let mut scored: Vec<(f64, &str)> = choices
        .iter()
        .filter_map(|c| {
            let a: Vec<char> = c.chars().collect();
            let total = a.len() + b.len();
            if total == 0 {
                return None;
            }
            let ratio = 2.0 * matching(&a, &b, 0, a.len(), 0, b.len()) as f64 / total as f64;
            (ratio >= cutoff).then_some((ratio, *c))
        })
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(y.1.cmp(x.1)));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

/// The characters of `SequenceMatcher.get_matching_blocks` (no junk): the longest
/// common block (earliest in `a`, then in `b`), then the same on either side of it.
fn matching(a: &[char], b: &[char], alo: usize, ahi: usize, blo: usize, bhi: usize) -> usize {
    let (mut best_i, mut best_j, mut best) = (alo, blo, 0);
    let mut lengths = vec![0usize; bhi - blo + 1];
    for (i, ca) in a.iter().enumerate().take(ahi).skip(alo) {
        let mut next = vec![0usize; bhi - blo + 1];
        for (j, cb) in b.iter().enumerate().take(bhi).skip(blo) {
            if ca == cb {
                let k = lengths[j - blo] + 1;
                next[j - blo + 1] = k;
                if k > best {
                    best_i = i + 1 - k;
                    best_j = j + 1 - k;
                    best = k;
                }
            }
        }
        lengths = next;
    }
    if best == 0 {
        return 0;
    }
    best + matching(a, b, alo, best_i, blo, best_j)
        + matching(a, b, best_i + best, ahi, best_j + best, bhi)
}

/// What the scan of a command line found that clap refused.
#[derive(Debug, Default)]
struct Scan {
    command: Option<String>,
    unknown: Vec<String>,
    strays: Vec<String>,
    ambiguous: Option<(String, Vec<String>)>,
    present: Vec<String>,
}

/// Walks the command line as argparse would: options by exact name or unambiguous prefix,
/// their values, and whatever is left over.
fn scan(root: &Command, argv: &[OsString]) -> Scan {
    let mut out = Scan::default();
    let tokens: Vec<String> = argv
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut sub: Option<&Command> = None;
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        i += 1;
        let Some(body) = token.strip_prefix("--").filter(|b| !b.is_empty()) else {
            if sub.is_none() {
                if let Some(found) = root.find_subcommand(token) {
                    sub = Some(found);
                    out.command = Some(token.clone());
                    continue;
                }
            }
            out.strays.push(token.clone());
            continue;
        };
        let (name, inline) = match body.split_once('=') {
            Some((n, _)) => (n, true),
            None => (body, false),
        };
        let args: Vec<&Arg> = root
            .get_arguments()
            .chain(sub.into_iter().flat_map(|s| s.get_arguments()))
            .filter(|a| a.get_long().is_some())
            .collect();
        let exact = args.iter().find(|a| a.get_long() == Some(name));
        let arg = match exact {
            Some(a) => Some(*a),
            None => {
                let matches: Vec<&Arg> = args
                    .iter()
                    .filter(|a| a.get_long().is_some_and(|l| l.starts_with(name)))
                    .copied()
                    .collect();
                match matches.len() {
                    0 => None,
                    1 => Some(matches[0]),
                    _ => {
                        if out.ambiguous.is_none() {
                            let names = matches
                                .iter()
                                .filter_map(|a| a.get_long())
                                .map(|l| format!("--{l}"))
                                .collect();
                            out.ambiguous = Some((token.clone(), names));
                        }
                        continue;
                    }
                }
            }
        };
        let Some(arg) = arg else {
            out.unknown.push(token.clone());
            continue;
        };
        out.present
            .push(arg.get_long().unwrap_or_default().to_string());
        if inline || matches!(arg.get_action(), ArgAction::SetTrue) {
            continue;
        }
        let many = arg.get_num_args().is_some_and(|r| r.max_values() > 1);
        while i < tokens.len() && !tokens[i].starts_with("--") {
            i += 1;
            if !many {
                break;
            }
        }
    }
    out
}

/// Turns clap's refusal of a command line into the AWS CLI's words for the same mistake.
pub(super) fn explain(error: clap::Error, root: &Command, argv: &[OsString]) -> Failure {
    use clap::error::{ContextKind, ContextValue, ErrorKind as K};
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    match error.kind() {
        K::InvalidSubcommand => {
            let value = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut choices: Vec<&str> = root
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_name())
                .collect();
            choices.push("help");
            Failure::Syntax(format!(
                "argument operation: {}",
                choices_message(&value, &choices)
            ))
        }
        K::DisplayHelpOnMissingArgumentOrSubcommand => {
            Failure::Syntax("the following arguments are required: operation".into())
        }
        K::UnknownArgument => {
            let found = scan(root, argv);
            if let Some((option, names)) = found.ambiguous {
                return Failure::Syntax(format!(
                    "ambiguous option: {option} could match {}",
                    names.join(", ")
                ));
            }
            if let Some(op) = found
                .command
                .as_deref()
                .and_then(|c| operations::OPERATIONS.iter().find(|o| o.command == c))
            {
                let has = |name: &str| found.present.iter().any(|p| p == name);
                let missing: Vec<String> = op
                    .flags
                    .iter()
                    .filter(|f| f.required && !has(f.name))
                    .map(|f| format!("--{}", f.name))
                    .collect();
                if !missing.is_empty() && !has("cli-input-json") && !has("generate-cli-skeleton") {
                    return Failure::Syntax(format!(
                        "the following arguments are required: {}",
                        missing.join(", ")
                    ));
                }
            }
            // argparse gives the first stray word to the command's `help` positional,
            // which the AWS CLI then reports last.
            let mut rest = found.unknown;
            let mut strays = found.strays.into_iter();
            let first = strays.next();
            rest.extend(strays);
            rest.extend(first);
            if rest.is_empty() {
                return Failure::Usage(error);
            }
            Failure::Unknown(format!("Unknown options: {}", rest.join(", ")))
        }
        K::InvalidValue => {
            let arg = context(ContextKind::InvalidArg).unwrap_or_default();
            let option = arg
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            let valid: Vec<String> = match error.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => v.clone(),
                _ => Vec::new(),
            };
            if value.is_empty() && valid.is_empty() {
                return Failure::Syntax(format!("argument {option}: expected one argument"));
            }
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            Failure::Syntax(format!(
                "argument {option}: {}",
                choices_message(&value, &valid)
            ))
        }
        _ => Failure::Usage(error),
    }
}

#[cfg(test)]
mod tests;
