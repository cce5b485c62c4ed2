//! `sfn resume` (our addition): takes over the executions whose process died (SIGKILL, a
//! crash, a machine that went down) and runs each on from its last saved step until it
//! ends or waits for a callback, with this invocation's handlers and mock files.
use clap::{Arg, ArgMatches, Command};
use serde_json::{json, Value};

use super::output::{self, Format};
use super::{Failure, Globals};
use crate::runtime::Driven;

pub fn command() -> Command {
    Command::new("resume")
        .about("Run on the executions whose sfn process died")
        .long_about(
            "A RUNNING execution belongs to the sfn process that runs it, through a lease \
             in the store that the process renews while it runs. When that process is gone \
             (killed, crashed), `sfn resume` takes the execution over, at once when the \
             process was on this machine, otherwise once its lease has run out \
             (SFN_LEASE_SECONDS, 20 by default), and runs it on from its last saved step \
             until it ends or waits for a callback. Task states may run again (at least \
             once, as on AWS); no step is applied twice. Prints each execution taken over \
             with its status.",
        )
        .arg(
            Arg::new("execution-arn")
                .long("execution-arn")
                .num_args(1)
                .help("Resume only this execution"),
        )
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let only = m.get_one::<String>("execution-arn").map(String::as_str);
    let ctx = globals.context("StartExecution")?;
    let resumed = ctx
        .runtime
        .resume_orphans(&ctx.store, only)
        .map_err(|e| Failure::Other(format!("sfn resume: {e}")))?;
    let executions: Vec<Value> = resumed
        .into_iter()
        .map(|(arn, driven)| {
            let status = match driven {
                Ok(Driven::Ran(status)) => status,
                Ok(Driven::Held) | Ok(Driven::Lost) => "RUNNING (held by another process)".into(),
                Ok(Driven::NotRunning) => "ENDED".into(),
                Err(e) => format!("RUNNING (could not resume here: {e})"),
            };
            json!({"executionArn": arn, "status": status})
        })
        .collect();
    let result = json!({ "executions": executions });
    Ok(match globals.format {
        Format::Json => format!("{}\n", output::json(&result).trim_end()),
        format => globals.render_as(&result, format, "Resume")?,
    })
}
