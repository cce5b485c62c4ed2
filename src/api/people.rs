//! Read-only queries for the commands made for people (`sfn ls`, names instead of ARNs,
//! the live view's callback hint). They are not AWS operations: AWS has no listing across
//! state machines and never shows task tokens, but offline both help. The answers use the
//! AWS shapes (`ListExecutions` items) so the front ends render them as they do the rest.
use serde_json::{Map, Value};

use super::{ApiError, Context};
use crate::store::executions::{self, ExecutionRecord};
use crate::store::task_tokens;

/// What to list: the newest executions first.
#[derive(Debug, Default, Clone)]
pub struct ExecutionFilter<'a> {
    /// One state machine's ARN; `None` for all of them.
    pub state_machine_arn: Option<&'a str>,
    pub status: Option<&'a str>,
    /// Executions whose name starts with this.
    pub name_prefix: Option<&'a str>,
    pub limit: usize,
}

/// Executions newest first, as `ListExecutions` items (Distributed Map child executions
/// are left out: they belong to their map run).
pub fn recent_executions(ctx: &Context, filter: &ExecutionFilter) -> Result<Vec<Value>, ApiError> {
    let records = executions::recent(
        &ctx.store,
        filter.state_machine_arn,
        filter.status,
        filter.name_prefix,
        filter.limit,
    )?;
    Ok(records.iter().map(item).collect())
}

fn item(r: &ExecutionRecord) -> Value {
    let date = super::stored_date;
    let mut out = Map::new();
    out.insert("executionArn".into(), r.arn.clone().into());
    out.insert("stateMachineArn".into(), r.state_machine_arn.clone().into());
    out.insert("name".into(), r.name.clone().into());
    out.insert("status".into(), r.status.clone().into());
    out.insert("startDate".into(), date(&r.start_date));
    if let Some(stop) = &r.stop_date {
        out.insert("stopDate".into(), date(stop));
    }
    if let Some(v) = &r.state_machine_version_arn {
        out.insert("stateMachineVersionArn".into(), v.clone().into());
    }
    if let Some(v) = &r.state_machine_alias_arn {
        out.insert("stateMachineAliasArn".into(), v.clone().into());
    }
    if r.redrive_count > 0 {
        out.insert("redriveCount".into(), r.redrive_count.into());
    }
    Value::Object(out)
}

/// A task of an execution waiting for its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitingTask {
    pub state_name: String,
    pub task_token: String,
    /// Set for an activity task (a worker answers it), `None` for a callback.
    pub activity_arn: Option<String>,
}

/// The tasks of an execution waiting for a callback or an activity worker, oldest first.
pub fn waiting_tasks(ctx: &Context, execution_arn: &str) -> Result<Vec<WaitingTask>, ApiError> {
    Ok(task_tokens::open_for_execution(&ctx.store, execution_arn)?
        .into_iter()
        .map(|r| WaitingTask {
            state_name: r.state_name,
            task_token: r.token,
            activity_arn: r.activity_arn,
        })
        .collect())
}
