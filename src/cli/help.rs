//! `sfn --help` grouped as people look for things: the workflows made for people first,
//! then the AWS operations by resource, the environment variables and examples. The same
//! text feeds the EXAMPLES, ENVIRONMENT and EXIT STATUS sections of the man pages.
use clap::Command;

/// Command groups, in the order shown. A command in none of them shows under "Other".
pub const GROUPS: &[(&str, &[&str])] = &[
    (
        "Workflows for people",
        &[
            "run", "ls", "history", "watch", "logs", "stats", "graph", "lint", "deploy",
        ],
    ),
    (
        "State machines",
        &[
            "create-state-machine",
            "describe-state-machine",
            "update-state-machine",
            "delete-state-machine",
            "list-state-machines",
            "validate-state-machine-definition",
            "describe-state-machine-for-execution",
        ],
    ),
    (
        "Versions and aliases",
        &[
            "publish-state-machine-version",
            "list-state-machine-versions",
            "delete-state-machine-version",
            "create-state-machine-alias",
            "describe-state-machine-alias",
            "update-state-machine-alias",
            "delete-state-machine-alias",
            "list-state-machine-aliases",
        ],
    ),
    (
        "Executions",
        &[
            "start-execution",
            "start-sync-execution",
            "describe-execution",
            "get-execution-history",
            "list-executions",
            "stop-execution",
            "redrive-execution",
        ],
    ),
    (
        "Map runs",
        &["describe-map-run", "list-map-runs", "update-map-run"],
    ),
    (
        "Activities and callbacks",
        &[
            "create-activity",
            "describe-activity",
            "delete-activity",
            "list-activities",
            "get-activity-task",
            "send-task-success",
            "send-task-failure",
            "send-task-heartbeat",
        ],
    ),
    (
        "Tags",
        &["tag-resource", "untag-resource", "list-tags-for-resource"],
    ),
    ("Testing one state", &["test-state"]),
    (
        "Set-up and recovery",
        &["serve", "resume", "completions", "man"],
    ),
];

/// The environment variables `sfn` reads, with what they do.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("SFN_DB", "The SQLite store (default: <config dir>/sfn/sfn.db); --db overrides it."),
    ("AWS_REGION, AWS_DEFAULT_REGION", "The region in ARNs (default: us-east-1); --region overrides it."),
    ("AWS_ACCOUNT_ID", "The account in ARNs (default: 123456789012)."),
    ("AWS_DEFAULT_OUTPUT", "json, text or table for the AWS commands; --output overrides it."),
    ("SFN_MOCK_CONFIG", "A Step Functions Local mock file serving Task states; --mock-config overrides it."),
    ("SFN_HANDLERS", "A handlers file: local commands serving Task states; --handlers overrides it."),
    ("SFN_WAIT_TIME_SCALE", "A factor on Wait states and Retry intervals (0 skips them; default 1)."),
    ("SFN_CLOCK", "virtual: Wait states, Retry intervals and execution timeouts take no time: the clock skips ahead whenever the process only waits for time (default: system)."),
    ("SFN_TASK_THREADS", "Task handler commands run at once per execution (default 40)."),
    ("SFN_RANDOM_SEED", "A seed for random choices (alias routing by weight)."),
    ("AWS_ENDPOINT_URL[_<SERVICE>]", "Local endpoints (an emulator) for the SQS, SNS, DynamoDB, EventBridge and Lambda calls of Task states; also SQS_ENDPOINT, SNS_ENDPOINT, DYNAMODB_ENDPOINT, EVENT_BRIDGE_ENDPOINT, LAMBDA_ENDPOINT."),
    ("AWS_ACCESS_KEY_ID", "With AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), signs those calls; any values do for an emulator."),
    ("SFN_S3_ROOT", "A directory standing for S3 (s3://bucket/key is <dir>/bucket/key) for distributed Map readers and writers."),
    ("NO_COLOR", "Set to anything but empty: no colours."),
    ("COLUMNS", "The width to fit tables and lists into when stdout is not a terminal."),
];

/// Examples for `sfn --help` and `man sfn`: (command, what it does).
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "sfn run orders.asl.json --input input.json",
        "Create or update the state machine `orders` from the file, run it, show it live.",
    ),
    ("sfn ls", "The newest executions, across state machines."),
    (
        "sfn history last",
        "The last execution's history: iterations, retries, what each state changed.",
    ),
    (
        "sfn watch orders/last",
        "Follow the last execution of `orders`, run by another process.",
    ),
    (
        "sfn logs orders --follow",
        "The CloudWatch log events of `orders` (as its loggingConfiguration asks), as they come.",
    ),
    (
        "sfn graph orders | dot -Tsvg > orders.svg",
        "Draw the state machine.",
    ),
    (
        "sfn lint statemachines/*.asl.json",
        "Check definitions, for CI.",
    ),
    (
        "sfn start-execution --state-machine-arn ARN --input '{\"n\": 1}'",
        "The AWS command, with AWS's flags and JSON.",
    ),
];

/// The exit codes, as the AWS CLI's.
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Success."),
    (
        "1",
        "sfn run, sfn watch: the execution did not succeed. sfn lint: a file has errors.",
    ),
    ("130", "Interrupted (Ctrl-C)."),
    ("252", "Bad syntax or parameters."),
    ("253", "Bad configuration (environment, output format)."),
    (
        "254",
        "The service returned an error (e.g. ResourceNotFound, InvalidDefinition).",
    ),
    ("255", "Anything else."),
];

/// The grouped command list, the environment and the examples, for `sfn --help`.
pub fn grouped(cmd: &Command) -> String {
    let subs: Vec<&Command> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .collect();
    let width = subs.iter().map(|s| s.get_name().len()).max().unwrap_or(0);
    let columns = columns();
    let about = |s: &Command| {
        let text = s.get_about().map(|a| a.to_string()).unwrap_or_default();
        hanging(&text, width + 4, columns)
    };
    let mut out = String::new();
    let mut listed = Vec::new();
    for (title, names) in GROUPS {
        let members: Vec<&&Command> = subs
            .iter()
            .filter(|s| names.contains(&s.get_name()))
            .collect();
        if members.is_empty() {
            continue;
        }
        out.push_str(&format!("{title}:\n"));
        // In the group's order, not clap's.
        for name in names.iter() {
            if let Some(s) = members.iter().find(|s| s.get_name() == *name) {
                out.push_str(&format!("  {:<width$}  {}\n", s.get_name(), about(s)));
                listed.push(*name);
            }
        }
        out.push('\n');
    }
    let others: Vec<&&Command> = subs
        .iter()
        .filter(|s| !listed.contains(&s.get_name()))
        .collect();
    if !others.is_empty() {
        out.push_str("Other:\n");
        for s in others {
            out.push_str(&format!("  {:<width$}  {}\n", s.get_name(), about(s)));
        }
        out.push('\n');
    }
    out
}

/// The width help is wrapped to: clap's 100, or a narrower terminal's (only a terminal:
/// the generated man pages and completions must not depend on COLUMNS).
fn columns() -> usize {
    let stdout = super::term::Stream::Stdout;
    if stdout.is_terminal() {
        super::term::width(stdout).unwrap_or(100).min(100)
    } else {
        100
    }
}

/// `text` wrapped to `columns`, its lines after the first indented by `indent` (clap
/// leaves lines that fit as they are).
fn hanging(text: &str, indent: usize, columns: usize) -> String {
    let room = columns.saturating_sub(indent).max(20);
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join(&format!("\n{}", " ".repeat(indent)))
}

/// The environment variables and examples, after the options in `sfn --help`.
pub fn after() -> String {
    let mut out = String::from("Environment variables:\n");
    let width = ENVIRONMENT.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    let columns = columns();
    for (name, what) in ENVIRONMENT {
        let what = hanging(what, width + 4, columns);
        out.push_str(&format!("  {name:<width$}  {what}\n"));
    }
    out.push_str("\nExamples:\n");
    for (command, what) in EXAMPLES {
        out.push_str(&format!("  {command}\n      {what}\n"));
    }
    out.push_str("\n`sfn <command> --help` shows a command's flags; `man sfn` the whole manual.");
    out
}

/// Groups the root command's help.
pub fn apply(cmd: Command) -> Command {
    let commands = grouped(&cmd);
    cmd.help_template(
        "{about-with-newline}\n{usage-heading} {usage}\n\n{before-help}Options:\n{options}\n{after-help}",
    )
    .before_help(commands)
    .after_help(after())
}

pub fn roff_escape(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// EXAMPLES, ENVIRONMENT and EXIT STATUS sections in roff, for the `sfn` man page.
pub fn man_sections() -> String {
    let mut out = String::from(".SH EXAMPLES\n");
    for (command, what) in EXAMPLES {
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_escape(command),
            roff_escape(what)
        ));
    }
    out.push_str(&man_environment_and_exit_status());
    out
}

/// The ENVIRONMENT and EXIT STATUS sections in roff, for every man page.
pub fn man_environment_and_exit_status() -> String {
    let mut out = String::from(".SH ENVIRONMENT\n");
    for (name, what) in ENVIRONMENT {
        out.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_escape(name),
            roff_escape(what)
        ));
    }
    out.push_str(".SH \"EXIT STATUS\"\n");
    for (code, what) in EXIT_STATUS {
        out.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff_escape(what)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_in_a_group() {
        let cmd = super::super::extra::command();
        let text = grouped(&cmd);
        assert!(!text.contains("Other:"), "{text}");
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            assert!(
                text.contains(&format!("  {} ", sub.get_name())),
                "{} missing from:\n{text}",
                sub.get_name()
            );
        }
    }
}
