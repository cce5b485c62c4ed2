//! The commands that are ours rather than AWS's (`run`, `graph`, `ls`, `history`, `watch`,
//! `stats`, `lint`, `deploy`, `resume`, `completions`, `man`, `serve`), added to the clap
//! tree of the 37 operations, and the live view of the AWS commands that run an execution,
//! at a terminal.
use clap::{ArgMatches, Command};
use serde_json::{json, Value};

use super::help;
use super::live::{self, Live};
use super::{
    args, complete_names, completions, deploy, graph_cmd, history_cmd, lint, logs, ls, man,
    operations, resume, run, stats, watch, Failure, Globals,
};
use crate::api::{self, Context};

/// The whole command tree: the AWS operations, then our commands.
pub fn command() -> Command {
    extend(args::command(operations::OPERATIONS))
}

/// Adds our commands to the AWS operations' command tree, with the grouped `sfn --help`.
pub fn extend(base: Command) -> Command {
    help::apply(commands(base))
}

/// [`extend`] for running `argv`: the grouped help, costly to lay out, only when `argv`
/// names no command (only then can `sfn`'s own help show). With an AWS operation named,
/// our commands that `argv` does not name are left out, as the other operations are
/// (clap copies every global option into every subcommand).
pub fn extend_for_args(base: Command, argv: &[std::ffi::OsString]) -> Command {
    let named = |name: &str| argv.iter().any(|a| a == name);
    let operation = operations::OPERATIONS.iter().any(|op| named(op.command));
    let cmd = commands_kept(base, |name| !operation || named(name));
    let names_one = argv.iter().skip(1).any(|a| {
        a.to_str()
            .is_some_and(|a| a != "help" && cmd.find_subcommand(a).is_some())
    });
    if names_one {
        cmd
    } else {
        help::apply(cmd)
    }
}

/// What builds one of our commands.
type Builder = fn() -> Command;

/// Our commands, by name.
const OURS: [(&str, Builder); 14] = [
    ("run", run::command),
    ("graph", graph_cmd::command),
    ("ls", ls::command),
    ("history", history_cmd::command),
    ("watch", watch::command),
    ("logs", logs::command),
    ("stats", stats::command),
    ("lint", lint::command),
    ("deploy", deploy::command),
    ("resume", resume::command),
    ("completions", completions::command),
    ("__complete", complete_names::command),
    ("man", man::command),
    ("serve", crate::serve::command),
];

fn commands(base: Command) -> Command {
    commands_kept(base, |_| true)
}

fn commands_kept(mut base: Command, keep: impl Fn(&str) -> bool) -> Command {
    for (name, command) in OURS {
        if keep(name) {
            base = base.subcommand(command());
        }
    }
    base
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
        "ls" => ls::run(m, globals),
        "history" => history_cmd::run(m, globals),
        "watch" => watch::run(m, globals),
        "logs" => logs::run(m, globals),
        "stats" => stats::run(m, globals),
        "deploy" => deploy::run(m, globals),
        "resume" => resume::run(m, globals),
        "completions" => completions::run(m),
        "__complete" => complete_names::run(m, globals),
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

/// An `InvalidDefinition` error of an operation given `--definition file://...`: AWS's
/// error line stays as it is, and the problems follow located in the file, as `sfn lint`
/// shows them.
pub(super) fn locate_definition_errors(failure: Failure, api: &str, m: &ArgMatches) -> Failure {
    let Failure::Api { error, .. } = &failure else {
        return failure;
    };
    if error.code != "InvalidDefinition" {
        return failure;
    }
    let file = m
        .try_get_one::<String>("definition")
        .ok()
        .flatten()
        .and_then(|d| d.strip_prefix("file://"));
    let Some(file) = file else {
        return failure;
    };
    let machine_type = match m
        .try_get_one::<String>("type")
        .ok()
        .flatten()
        .map(String::as_str)
    {
        Some("EXPRESS") => crate::asl::validate::MachineType::Express,
        _ => crate::asl::validate::MachineType::Standard,
    };
    let _ = api;
    match lint::located_lines(file, machine_type) {
        Some(lines) => Failure::Noted(Box::new(failure), lines),
        None => failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_commands_are_listed_by_their_names() {
        for (name, command) in OURS {
            assert_eq!(command().get_name(), name);
        }
    }

    #[test]
    fn an_operation_named_leaves_out_our_commands_not_named() {
        let argv: Vec<std::ffi::OsString> = ["sfn", "start-execution", "--name", "run"]
            .iter()
            .map(Into::into)
            .collect();
        let cmd = extend_for_args(args::command_for_args(operations::OPERATIONS, &argv), &argv);
        assert!(cmd.find_subcommand("start-execution").is_some());
        assert!(cmd.find_subcommand("run").is_some());
        assert!(cmd.find_subcommand("graph").is_none());
        let argv: Vec<std::ffi::OsString> = ["sfn", "graph", "x"].iter().map(Into::into).collect();
        let cmd = extend_for_args(args::command_for_args(operations::OPERATIONS, &argv), &argv);
        assert!(cmd.find_subcommand("graph").is_some());
        assert!(cmd.find_subcommand("serve").is_some());
    }
}
