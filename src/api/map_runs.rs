//! Map runs: DescribeMapRun, ListMapRuns, UpdateMapRun and the child executions of a
//! map run (`list-executions --map-run-arn`). The runtime runs them
//! (`runtime::map_runs`).
use serde_json::{json, Map, Value};

use super::ErrorCode;
use super::{
    encode_token, requested_offset, requested_page_size, required_str, stored_date, ApiError, Arn,
    Context,
};
use crate::history::text::to_text;
pub use crate::runtime::map_runs::label_of;
use crate::runtime::map_runs::Counts;
use crate::store::executions::{self as exec_store};
use crate::store::map_runs::{self as store, MapRunRecord};

fn load_run(ctx: &Context, arn: &str) -> Result<MapRunRecord, ApiError> {
    Arn::parse_as(arn, "mapRun")?;
    store::get(&ctx.store, arn)?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::ResourceNotFound,
            format!("Resource not found: '{}'", crate::asl::error::quote(arn)),
        )
    })
}

pub(super) fn describe_map_run(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let run = load_run(ctx, required_str(input, "mapRunArn")?)?;
    let mut out = Map::new();
    out.insert("mapRunArn".into(), run.arn.clone().into());
    out.insert("executionArn".into(), run.execution_arn.clone().into());
    out.insert("status".into(), run.status.clone().into());
    out.insert("startDate".into(), stored_date(&run.start_date));
    if let Some(stop) = &run.stop_date {
        out.insert("stopDate".into(), stored_date(stop));
    }
    out.insert("maxConcurrency".into(), run.max_concurrency.into());
    out.insert(
        "toleratedFailurePercentage".into(),
        json!(run.tolerated_failure_percentage),
    );
    out.insert(
        "toleratedFailureCount".into(),
        run.tolerated_failure_count.into(),
    );
    for key in ["itemCounts", "executionCounts"] {
        out.insert(
            key.into(),
            run.counts
                .get(key)
                .cloned()
                .unwrap_or_else(|| Counts::default().json()),
        );
    }
    out.insert("redriveCount".into(), 0.into());
    Ok(Value::Object(out))
}

fn page(key: &str, all: Vec<Value>, input: &Value) -> Result<Value, ApiError> {
    let size = requested_page_size(input)?;
    let offset = requested_offset(input)?;
    let total = all.len();
    let items: Vec<Value> = all.into_iter().skip(offset).take(size).collect();
    let mut out = Map::new();
    out.insert(key.into(), Value::Array(items));
    if offset + size < total {
        out.insert(
            "nextToken".into(),
            encode_token(&(offset + size).to_string()).into(),
        );
    }
    Ok(Value::Object(out))
}

pub(super) fn list_map_runs(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "executionArn")?;
    Arn::parse_as(arn, "execution")?;
    if exec_store::get(&ctx.store, arn)?.is_none() {
        return Err(ApiError::new(
            ErrorCode::ExecutionDoesNotExist,
            format!(
                "Execution Does Not Exist: '{}'",
                crate::asl::error::quote(arn)
            ),
        ));
    }
    let runs = store::list_for_execution(&ctx.store, arn)?
        .into_iter()
        .map(|r| {
            let mut item = Map::new();
            item.insert("executionArn".into(), r.execution_arn.into());
            item.insert("mapRunArn".into(), r.arn.into());
            item.insert("stateMachineArn".into(), r.state_machine_arn.into());
            item.insert("startDate".into(), stored_date(&r.start_date));
            if let Some(stop) = &r.stop_date {
                item.insert("stopDate".into(), stored_date(stop));
            }
            Value::Object(item)
        })
        .collect();
    page("mapRuns", runs, input)
}

fn validation(value: &Value, member: &str, constraint: &str) -> ApiError {
    ApiError::new(
        ErrorCode::ValidationException,
        format!(
            "1 validation error detected: Value '{}' at '{member}' failed to satisfy constraint: {constraint}",
            crate::asl::error::quote(&to_text(value))
        ),
    )
}

pub(super) fn update_map_run(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "mapRunArn")?;
    let max_concurrency = input.get("maxConcurrency");
    let percentage = input.get("toleratedFailurePercentage");
    let count = input.get("toleratedFailureCount");
    if let Some(v) = max_concurrency {
        if v.as_i64().is_none_or(|n| n < 0) {
            return Err(validation(
                v,
                "maxConcurrency",
                "Member must have value greater than or equal to 0",
            ));
        }
    }
    if let Some(v) = percentage {
        match v.as_f64() {
            Some(p) if p < 0.0 => {
                return Err(validation(
                    v,
                    "toleratedFailurePercentage",
                    "Member must have value greater than or equal to 0",
                ))
            }
            Some(p) if p > 100.0 => {
                return Err(validation(
                    v,
                    "toleratedFailurePercentage",
                    "Member must have value less than or equal to 100",
                ))
            }
            Some(_) => {}
            None => {
                return Err(ApiError::parameter(format!(
                    "Invalid type for parameter toleratedFailurePercentage, value: {v}"
                )))
            }
        }
    }
    if let Some(v) = count {
        if v.as_i64().is_none_or(|n| n < 0) {
            return Err(validation(
                v,
                "toleratedFailureCount",
                "Member must have value greater than or equal to 0",
            ));
        }
    }
    let run = load_run(ctx, arn)?;
    if run.status != "RUNNING" {
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            format!("Map Run {arn} has already completed; its settings cannot be updated (reason: CANNOT_UPDATE_COMPLETED_MAP_RUN)"),
        ));
    }
    store::update_settings(
        &ctx.store,
        arn,
        max_concurrency.and_then(Value::as_i64),
        percentage.and_then(Value::as_f64),
        count.and_then(Value::as_i64),
    )?;
    Ok(json!({}))
}

/// ListExecutions with `mapRunArn`: the map run's child executions.
pub fn list_child_executions(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "mapRunArn")?;
    if input.get("stateMachineArn").is_some() {
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            "Must provide a StateMachine ARN or MapRun ARN, not both",
        ));
    }
    load_run(ctx, arn)?;
    let status = input.get("statusFilter").and_then(Value::as_str);
    let rows = store::children(&ctx.store, arn, status)?
        .into_iter()
        .map(|r| {
            let mut item = Map::new();
            item.insert("executionArn".into(), r.arn.into());
            item.insert("stateMachineArn".into(), r.state_machine_arn.into());
            item.insert("name".into(), r.name.into());
            item.insert("status".into(), r.status.into());
            item.insert("startDate".into(), stored_date(&r.start_date));
            if let Some(stop) = &r.stop_date {
                item.insert("stopDate".into(), stored_date(stop));
            }
            item.insert("mapRunArn".into(), arn.into());
            if let Some(n) = r.item_count {
                item.insert("itemCount".into(), n.into());
            }
            item.insert("redriveCount".into(), r.redrive_count.into());
            Value::Object(item)
        })
        .collect();
    page("executions", rows, input)
}

/// The map run that started `execution_arn` (DescribeExecution shows it).
pub fn map_run_of(ctx: &Context, execution_arn: &str) -> Result<Option<String>, ApiError> {
    Ok(store::map_run_of(&ctx.store, execution_arn)?)
}
