//! RedriveExecution, and the redrive status DescribeExecution and ListExecutions show.
//!
//! An unsuccessful Standard execution keeps its engine state (with the resume point, see
//! `engine/exec/redrive.rs`); redriving appends `ExecutionRedriven` to the same history
//! and runs the execution on from the state that did not succeed, under the same ARN,
//! definition and input.
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::ErrorCode;
use super::{timestamp, ApiError, Context};
use crate::store::executions::{self as store, date_text, parse_date, ExecutionRecord};
use crate::store::redrive as redrive_store;

/// AWS redrives executions that ended at most 14 days ago...
const REDRIVABLE_DAYS: i64 = 14;
/// ...that ran less than a year...
const MAX_EXECUTION_DAYS: i64 = 365;
/// ...and whose history has fewer events than this.
const MAX_HISTORY_EVENTS: i64 = 24_999;
/// Client tokens answer idempotently for the last 10 redrives, 15 minutes each.
const KEPT_TOKENS: usize = 10;
const TOKEN_MINUTES: i64 = 15;

/// `redriveStatus` and, when NOT_REDRIVABLE, `redriveStatusReason`, in AWS's words.
pub(crate) fn redrive_status(
    ctx: &Context,
    record: &ExecutionRecord,
) -> Result<(&'static str, Option<String>), ApiError> {
    Ok(match not_redrivable_reason(ctx, record, ctx.now())? {
        // A distributed Map's child runs again when its parent (and so its map run) is
        // redriven.
        None if is_map_run_child(ctx, record)? => ("REDRIVABLE_BY_MAP_RUN", None),
        None => ("REDRIVABLE", None),
        Some(reason) => ("NOT_REDRIVABLE", Some(reason)),
    })
}

fn is_map_run_child(ctx: &Context, record: &ExecutionRecord) -> Result<bool, ApiError> {
    Ok(super::map_runs::map_run_of(ctx, &record.arn)?.is_some())
}

/// Why `record` cannot be redriven now (`None`: it can).
fn not_redrivable_reason(
    ctx: &Context,
    record: &ExecutionRecord,
    now: DateTime<Utc>,
) -> Result<Option<String>, ApiError> {
    match record.status.as_str() {
        "FAILED" | "TIMED_OUT" | "ABORTED" => {}
        other => return Ok(Some(format!("Execution is {other} and cannot be redriven"))),
    }
    // A deleted machine is gone at once here; AWS shows it DELETING while executions end.
    // (A map run's children name `<machine>/<label>`, which is no stored machine.)
    if store::machine(&ctx.store, &record.state_machine_arn)?.is_none()
        && !is_map_run_child(ctx, record)?
    {
        return Ok(Some("State machine is in DELETING status".into()));
    }
    let start = parse_date(&record.start_date).unwrap_or(now);
    let stop = record
        .stop_date
        .as_deref()
        .and_then(parse_date)
        .unwrap_or(now);
    if stop - start > Duration::days(MAX_EXECUTION_DAYS) {
        return Ok(Some("Execution has exceeded the max execution time".into()));
    }
    if now - stop > Duration::days(REDRIVABLE_DAYS) {
        return Ok(Some("Execution redrivable period exceeded".into()));
    }
    if redrive_store::event_count(&ctx.store, &record.arn)? >= MAX_HISTORY_EVENTS {
        return Ok(Some("Execution history event limit exceeded".into()));
    }
    if record.engine_state.is_none() {
        // Ended without a resume point: recorded by an sfn without redrive, or closed
        // by StopExecution after the process running it was gone.
        return Ok(Some(
            "Execution was started before the launch of RedriveExecution".into(),
        ));
    }
    Ok(None)
}

fn not_redrivable(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::ExecutionNotRedrivable, message)
}

pub(super) fn redrive_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = input
        .get("executionArn")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            ApiError::parameter("Missing required parameter in input: \"executionArn\"")
        })?;
    let client_token = input.get("clientToken").and_then(Value::as_str);
    if let Some(token) = client_token {
        let len = token.chars().count();
        if len > 0 && token.chars().any(|c| !('!'..='~').contains(&c)) {
            return Err(ApiError::new(
                ErrorCode::ValidationException,
                format!("1 validation error detected: Value '{}' at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression pattern: [!-~]+", crate::asl::error::quote(token)),
            ));
        }
        if !(1..=64).contains(&len) {
            return Err(ApiError::new(
                ErrorCode::ValidationException,
                format!("1 validation error detected: Value '{}' at 'clientToken' failed to satisfy constraint: Member must have length {}", crate::asl::error::quote(token), if len == 0 { "greater than or equal to 1" } else { "less than or equal to 64" }),
            ));
        }
    }
    let parsed = super::Arn::parse(arn)?;
    if parsed.resource_type == "express" {
        return Err(ApiError::new(
            ErrorCode::InvalidArn,
            "Invalid Arn: 'Resource type not valid in this context: express'",
        ));
    }
    if parsed.resource_type != "execution" || parsed.resource.split(':').count() != 2 {
        return Err(ApiError::new(
            ErrorCode::InvalidArn,
            format!("Invalid Arn: '{}'", crate::asl::error::quote(arn)),
        ));
    }
    let record = store::get(&ctx.store, arn)?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::ExecutionDoesNotExist,
            format!(
                "Execution Does Not Exist: '{}'",
                crate::asl::error::quote(arn)
            ),
        )
    })?;
    let now = ctx.now();
    // The same client token within its window answers the same redrive again.
    if let Some(token) = client_token {
        if let Some(date) = redrive_store::token_date(&ctx.store, arn, token)? {
            let first_used = parse_date(&date).unwrap_or(now);
            if now - first_used <= Duration::minutes(TOKEN_MINUTES) {
                return Ok(json!({ "redriveDate": timestamp(first_used) }));
            }
        }
    }
    if let Some(reason) = not_redrivable_reason(ctx, &record, now)? {
        return Err(not_redrivable(reason));
    }
    if is_map_run_child(ctx, &record)? {
        return Err(not_redrivable(
            "Execution was started by a Map Run: redrive the parent execution",
        ));
    }
    ctx.runtime.redrive(&ctx.store, record, now)?;
    if let Some(token) = client_token {
        redrive_store::remember_token(&ctx.store, arn, token, &date_text(now), KEPT_TOKENS)?;
    }
    Ok(json!({ "redriveDate": timestamp(now) }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn record(status: &str, stop: DateTime<Utc>) -> ExecutionRecord {
        ExecutionRecord {
            arn: "arn:aws:states:us-east-1:123456789012:execution:m:e".into(),
            state_machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:m".into(),
            status: status.into(),
            start_date: date_text(stop - Duration::minutes(1)),
            stop_date: Some(date_text(stop)),
            engine_state: Some("{}".into()),
            ..Default::default()
        }
    }

    #[test]
    fn reasons_follow_awss_conditions() {
        let mut ctx = Context::new(Store::in_memory().unwrap());
        crate::api::call(
            &mut ctx,
            "CreateStateMachine",
            json!({"name": "m", "roleArn": "arn:aws:iam::123456789012:role/r",
                   "definition": r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"#}),
        )
        .unwrap();
        let now = Utc::now();
        let reason = |r: &ExecutionRecord| not_redrivable_reason(&ctx, r, now).unwrap();
        assert_eq!(reason(&record("FAILED", now)), None);
        assert_eq!(reason(&record("ABORTED", now)), None);
        assert_eq!(
            reason(&record("SUCCEEDED", now)).as_deref(),
            Some("Execution is SUCCEEDED and cannot be redriven")
        );
        assert_eq!(
            reason(&record("RUNNING", now)).as_deref(),
            Some("Execution is RUNNING and cannot be redriven")
        );
        assert_eq!(
            reason(&record("TIMED_OUT", now - Duration::days(15))).as_deref(),
            Some("Execution redrivable period exceeded")
        );
        let mut long = record("FAILED", now);
        long.start_date = date_text(now - Duration::days(400));
        assert_eq!(
            reason(&long).as_deref(),
            Some("Execution has exceeded the max execution time")
        );
        let mut stateless = record("FAILED", now);
        stateless.engine_state = None;
        assert!(reason(&stateless).is_some());
        let events: Vec<store::EventRow> = (1..=MAX_HISTORY_EVENTS)
            .map(|id| {
                store::EventRow::from(&crate::engine::HistoryEvent {
                    id,
                    previous_event_id: id - 1,
                    timestamp: now,
                    event_type: crate::history::EventType::PassStateEntered,
                    details: None,
                })
            })
            .collect();
        let full = record("FAILED", now);
        store::insert(&ctx.store, &full).unwrap();
        store::append_events(&ctx.store, &full.arn, &events).unwrap();
        assert_eq!(
            not_redrivable_reason(&ctx, &full, now).unwrap().as_deref(),
            Some("Execution history event limit exceeded")
        );
        let reason = |r: &ExecutionRecord| not_redrivable_reason(&ctx, r, now).unwrap();
        let mut orphan = record("FAILED", now);
        orphan.state_machine_arn = "arn:aws:states:us-east-1:123456789012:stateMachine:gone".into();
        assert_eq!(
            reason(&orphan).as_deref(),
            Some("State machine is in DELETING status")
        );
    }
}
