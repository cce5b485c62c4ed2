//! The clap command tree, built from the operations table (no derive macros): one
//! subcommand per operation, one flag per input member, plus the AWS CLI's global options.
use clap::{Arg, ArgAction, Command};

use super::table::{Flag, Kind, Operation, Paging};

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
        // Accepted for compatibility with `aws` scripts; they change nothing offline.
        switch("debug", "Accepted and ignored").hide(true),
        value("profile", "Accepted and ignored").hide(true),
        value("endpoint-url", "Accepted and ignored").hide(true),
        switch("no-cli-pager", "Accepted and ignored").hide(true),
        value("color", "Accepted and ignored").hide(true),
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
    command_for(operations, |_| true)
}

/// The command tree with full flags only for the subcommands `argv` names; the others
/// keep their name and summary for `--help`. Building all ~250 flags costs more than the
/// rest of a typical command.
pub fn command_for_args(operations: &[Operation], argv: &[std::ffi::OsString]) -> Command {
    command_for(operations, |name| argv.iter().any(|a| a == name))
}

fn command_for(operations: &[Operation], full: impl Fn(&str) -> bool) -> Command {
    let mut cmd = Command::new("sfn")
        .version(env!("CARGO_PKG_VERSION"))
        .about("AWS Step Functions offline: the `aws stepfunctions` commands, run locally")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .infer_long_args(true)
        .max_term_width(100);
    for arg in global_args() {
        cmd = cmd.arg(arg);
    }
    for op in operations {
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
        .infer_long_args(true);
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
        Kind::List => vec![base
            .num_args(1..)
            .action(ArgAction::Append)
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
