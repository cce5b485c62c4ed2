//! Names instead of ARNs, for the commands made for people. A state machine is given by
//! ARN or name. An execution by ARN; by name (unique across state machines, or qualified
//! as `MACHINE/NAME`); by a unique prefix of its name; or `last` (the newest execution,
//! or `MACHINE/last`, the newest of that state machine). Names cannot hold `/` or `:`, so
//! these forms never clash with a real name or ARN.
use serde_json::{json, Value};

use super::Failure;
use crate::api::people::{self, ExecutionFilter};
use crate::api::{self, ApiError, Context};

/// The word standing for the newest execution.
pub const LAST: &str = "last";

fn store_failure(operation: &str, error: ApiError) -> Failure {
    Failure::Api {
        operation: operation.to_string(),
        error,
    }
}

/// The ARN of the state machine `reference` names (an ARN is taken as it is).
pub(super) fn machine_arn(ctx: &mut Context, reference: &str) -> Result<String, Failure> {
    if reference.starts_with("arn:") {
        return Ok(reference.to_string());
    }
    let arn = ctx.arn(&format!("stateMachine:{reference}"));
    match api::call(
        ctx,
        "DescribeStateMachine",
        json!({ "stateMachineArn": arn }),
    ) {
        Ok(_) => Ok(arn),
        Err(e) if e.code == "StateMachineDoesNotExist" => Err(Failure::Parameter(format!(
            "sfn: no state machine named '{reference}' (sfn list-state-machines lists them)"
        ))),
        Err(e) if e.code == "InvalidArn" => Err(Failure::Parameter(format!(
            "sfn: '{reference}' is neither a state machine name nor an ARN"
        ))),
        Err(e) => Err(store_failure("DescribeStateMachine", e)),
    }
}

/// The ARN of the execution `reference` names.
pub(super) fn execution_arn(ctx: &mut Context, reference: &str) -> Result<String, Failure> {
    if reference.starts_with("arn:") {
        return Ok(reference.to_string());
    }
    let (machine, name) = match reference.split_once('/') {
        Some((m, n)) => (Some(machine_arn(ctx, m)?), n),
        None => (None, reference),
    };
    let scope = match (&machine, reference.split_once('/')) {
        (Some(_), Some((m, _))) => format!(" of state machine '{m}'"),
        _ => String::new(),
    };
    let list = |ctx: &Context, prefix: Option<&str>, limit: usize| {
        people::recent_executions(
            ctx,
            &ExecutionFilter {
                state_machine_arn: machine.as_deref(),
                status: None,
                name_prefix: prefix,
                limit,
            },
        )
        .map_err(|e| store_failure("ListExecutions", e))
    };
    if name == LAST {
        let newest = list(ctx, None, 1)?;
        return arn_of(newest.first())
            .ok_or_else(|| Failure::Parameter(format!("sfn: there is no execution{scope} yet")));
    }
    if name.is_empty() {
        return Err(Failure::Parameter(
            "sfn: an empty execution name; give a name, a prefix of one, `last` or an ARN".into(),
        ));
    }
    let candidates = list(ctx, Some(name), usize::MAX)?;
    let exact: Vec<&Value> = candidates
        .iter()
        .filter(|e| e.get("name").and_then(Value::as_str) == Some(name))
        .collect();
    let chosen: Vec<&Value> = if exact.is_empty() {
        candidates.iter().collect()
    } else {
        exact
    };
    match chosen.as_slice() {
        [one] => arn_of(Some(one)).ok_or_else(|| Failure::Other("sfn: no ARN".into())),
        [] => Err(Failure::Parameter(format!(
            "sfn: no execution{scope} named '{name}' or with a name starting so (sfn ls lists them)"
        ))),
        many => {
            const SHOWN: usize = 8;
            let mut lines: Vec<String> = many
                .iter()
                .take(SHOWN)
                .map(|e| {
                    let machine = e
                        .get("stateMachineArn")
                        .and_then(Value::as_str)
                        .and_then(|a| a.rsplit_once(":stateMachine:"))
                        .map(|(_, m)| m)
                        .unwrap_or_default();
                    let name = e.get("name").and_then(Value::as_str).unwrap_or_default();
                    format!("  {machine}/{name}")
                })
                .collect();
            if many.len() > SHOWN {
                lines.push(format!("  … and {} more", many.len() - SHOWN));
            }
            Err(Failure::Parameter(format!(
                "sfn: '{name}' matches {} executions; give more of the name, MACHINE/NAME or the ARN:\n{}",
                many.len(),
                lines.join("\n")
            )))
        }
    }
}

fn arn_of(item: Option<&Value>) -> Option<String> {
    item?
        .get("executionArn")
        .and_then(Value::as_str)
        .map(str::to_string)
}

/// The state machine name in an ARN (`…:stateMachine:orders` → `orders`, versions and
/// aliases keep their suffix).
pub fn machine_name_of(arn: &str) -> &str {
    arn.split_once(":stateMachine:")
        .map(|(_, n)| n)
        .unwrap_or(arn)
}

/// A JSON value given on the command line as people type it: JSON text, `file://path`,
/// or a plain path to a file holding it (`--input input.json`).
pub(super) fn json_or_path(flag: &str, raw: &str) -> Result<String, Failure> {
    if raw.starts_with("file://") || raw.starts_with("fileb://") {
        return Ok(super::params::resolve_file(flag, raw)?);
    }
    if serde_json::from_str::<serde::de::IgnoredAny>(raw).is_ok() {
        return Ok(raw.to_string());
    }
    let path = std::path::Path::new(raw);
    if path.is_file() {
        return std::fs::read_to_string(path)
            .map_err(|e| Failure::Parameter(format!("sfn: cannot read --{flag} {raw}: {e}")));
    }
    // Neither: passed on as it is, so the service reports the bad JSON as it would.
    Ok(raw.to_string())
}
