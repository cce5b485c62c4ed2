//! Version and alias ARNs where StartExecution and ListExecutions take a state machine:
//! which version an alias routes an execution to, and which executions a listing shows.
use super::*;

/// A number in `0..100` to route one execution by: from the seed (`SFN_RANDOM_SEED`, mixed
/// with the alias and how many executions it has started, so successive starts differ but
/// replay identically) or, without a seed, at random.
fn routing_draw(s: &Store, seed: Option<&str>, alias_arn: &str) -> Result<u64, ApiError> {
    let Some(seed) = seed else {
        return Ok(rand::random::<u64>() % 100);
    };
    let started = db::aliases::executions_started(s, alias_arn)?;
    Ok(seeded_draw(seed, alias_arn, started))
}

/// The draw in `0..100` for the `n`th execution through an alias under a seed.
pub(super) fn seeded_draw(seed: &str, alias_arn: &str, n: u64) -> u64 {
    let digest = Sha256::digest(format!("{seed}\n{alias_arn}\n{n}").as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) % 100
}

/// The version a draw in `0..100` selects: each route owns `weight` consecutive numbers.
pub fn pick_route(routes: &[Route], draw: u64) -> Option<&Route> {
    let mut left = draw as i64;
    for r in routes {
        if left < r.weight {
            return Some(r);
        }
        left -= r.weight;
    }
    routes.iter().rev().find(|r| r.weight > 0)
}

/// What StartExecution runs for a state machine ARN: the machine itself, one of its
/// versions, or the version an alias routes this execution to (`None` if the ARN names
/// nothing that exists).
pub fn resolve_for_execution(
    s: &Store,
    seed: Option<&str>,
    arn: &str,
) -> Result<Option<ResolvedMachine>, ApiError> {
    let alias_arn = match super::super::versions::split_qualified(arn) {
        Some((_, qualifier)) if !is_version_qualifier(qualifier) => arn,
        _ => return Ok(db::executions::resolve(s, arn)?),
    };
    let Some(alias) = db::aliases::get(s, alias_arn)? else {
        return Ok(None);
    };
    let draw = routing_draw(s, seed, alias_arn)?;
    let Some(route) = pick_route(&alias.routing, draw) else {
        return Ok(None);
    };
    let resolved = db::executions::resolve(s, &route.state_machine_version_arn)?;
    Ok(resolved.map(|mut r| {
        r.alias_arn = Some(alias_arn.to_string());
        r
    }))
}

/// Which executions of a machine ListExecutions shows for a state machine ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecutionScope {
    /// An unqualified ARN: every execution of the machine.
    Machine,
    /// A version ARN: executions that ran that version (directly or through an alias).
    Version(String),
    /// An alias ARN: executions started through that alias.
    Alias(String),
}

impl ExecutionScope {
    pub fn includes(&self, version_arn: Option<&str>, alias_arn: Option<&str>) -> bool {
        match self {
            ExecutionScope::Machine => true,
            ExecutionScope::Version(v) => version_arn == Some(v.as_str()),
            ExecutionScope::Alias(a) => alias_arn == Some(a.as_str()),
        }
    }
}

/// The machine ARN and scope ListExecutions lists for `arn`; a version or alias that does
/// not exist is `StateMachineDoesNotExist`, as an unknown machine is.
pub fn execution_scope(s: &Store, arn: &str) -> Result<(String, ExecutionScope), ApiError> {
    let does_not_exist = || super::super::state_machines::does_not_exist(arn);
    match super::super::versions::split_qualified(arn) {
        None => Ok((arn.to_string(), ExecutionScope::Machine)),
        Some((machine, q)) if is_version_qualifier(q) => {
            db::versions::get(s, arn)?.ok_or_else(does_not_exist)?;
            Ok((
                machine.to_string(),
                ExecutionScope::Version(arn.to_string()),
            ))
        }
        Some((machine, _)) => {
            db::aliases::get(s, arn)?.ok_or_else(does_not_exist)?;
            Ok((machine.to_string(), ExecutionScope::Alias(arn.to_string())))
        }
    }
}
