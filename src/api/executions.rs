//! Executions: StartExecution (the runtime runs it to its end, or until it parks),
//! DescribeExecution, GetExecutionHistory, ListExecutions,
//! DescribeStateMachineForExecution, StopExecution.
use chrono::Utc;
use serde_json::{json, Map, Value};

use super::ErrorCode;
use super::{encode_token, requested_offset, requested_page_size, required_str};
use super::{stored_date, timestamp, ApiError, Context};
use crate::asl::definition::StateMachine;
use crate::engine::{self, EventSink, ExecutionInfo, HistoryEvent};
use crate::runtime::{self, NewExecution};
use crate::store::executions::{self as store, date_text, ExecutionRecord, ResolvedMachine};

fn optional_str<'a>(input: &'a Value, key: &str) -> Option<&'a str> {
    input.get(key).and_then(Value::as_str)
}

/// AWS's name rules for executions (and other resources).
pub fn valid_name(name: &str) -> bool {
    let count = name.chars().count();
    if count == 0 || count > 80 {
        return false;
    }
    name.chars().all(|c| {
        !(c.is_whitespace()
            || "<>{}[]?*\"#%\\^|~`$&,;:/".contains(c)
            || ('\u{0}'..='\u{1f}').contains(&c)
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || c == '\u{fffe}'
            || c == '\u{ffff}')
    })
}

fn is_execution_arn(arn: &str) -> bool {
    let parts: Vec<&str> = arn.split(':').collect();
    parts.len() >= 8
        && parts[0] == "arn"
        && parts[2] == "states"
        && (parts[5] == "execution" || parts[5] == "express")
}

fn invalid_arn(arn: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidArn,
        format!("Invalid Arn: '{}'", crate::asl::error::quote(arn)),
    )
}

fn load_execution(ctx: &Context, arn: &str) -> Result<ExecutionRecord, ApiError> {
    if !is_execution_arn(arn) {
        return Err(invalid_arn(arn));
    }
    // Express executions have no history to describe, list or stop.
    if super::sync_executions::is_express_arn(arn) {
        return Err(super::sync_executions::express_arn_error());
    }
    store::get(&ctx.store, arn)?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::ExecutionDoesNotExist,
            format!(
                "Execution Does Not Exist: '{}'",
                crate::asl::error::quote(arn)
            ),
        )
    })
}

/// What an execution started on `machine_arn` runs (see
/// [`super::aliases::resolve_for_execution`]); `StateMachineDoesNotExist` for nothing.
pub(super) fn machine_to_run(
    ctx: &Context,
    machine_arn: &str,
) -> Result<ResolvedMachine, ApiError> {
    super::aliases::resolve_for_execution(&ctx.store, ctx.random_seed.as_deref(), machine_arn)?
        .ok_or_else(|| super::state_machines::does_not_exist(machine_arn))
}

/// A state machine ARN as the start operations take it, and the test case of the mock
/// file it selects: `<arn>#<TestCase>` (as Step Functions Local reads it).
pub(super) fn split_test_case(arn: &str) -> (&str, Option<&str>) {
    arn.split_once('#')
        .map_or((arn, None), |(arn, case)| (arn, Some(case)))
}

/// A new Express execution's ARN: `express:<machine>:<name>:<a UUID>`.
pub(super) fn express_arn(ctx: &Context, machine_name: &str, name: &str) -> String {
    ctx.arn(&format!(
        "express:{machine_name}:{name}:{}",
        uuid::Uuid::new_v4()
    ))
}

pub(super) fn start_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let (machine_arn, test_case) = split_test_case(required_str(input, "stateMachineArn")?);
    if !machine_arn.starts_with("arn:") || !machine_arn.contains(":stateMachine:") {
        return Err(invalid_arn(machine_arn));
    }
    let resolved = machine_to_run(ctx, machine_arn)?;
    let machine = &resolved.machine;
    let name = execution_name(optional_str(input, "name"))?;
    let (input_text, input_value) = execution_input(optional_str(input, "input"))?;
    let express = machine.machine_type == "EXPRESS";
    let execution_arn = if express {
        express_arn(ctx, &machine.name, &name)
    } else {
        ctx.arn(&format!("execution:{}:{}", machine.name, name))
    };
    if store::get(&ctx.store, &execution_arn)?.is_some() {
        return Err(ApiError::new(
            ErrorCode::ExecutionAlreadyExists,
            format!(
                "Execution Already Exists: '{}'",
                crate::asl::error::quote(&execution_arn)
            ),
        ));
    }
    let mut parsed = parse_stored(&machine.definition)?;
    if express {
        super::sync_executions::limit_duration(&mut parsed);
    }

    let started = ctx.now();
    let info = execution_info(
        ctx,
        &resolved,
        &execution_arn,
        &name,
        (&input_text, input_value),
        started,
    );
    let record = ExecutionRecord {
        arn: execution_arn.clone(),
        state_machine_arn: machine.arn.clone(),
        name,
        status: "RUNNING".into(),
        start_date: date_text(started),
        input: Some(input_text),
        trace_header: optional_str(input, "traceHeader").map(String::from),
        state_machine_version_arn: resolved.version_arn.clone(),
        state_machine_alias_arn: resolved.alias_arn.clone(),
        definition: machine.definition.clone(),
        role_arn: machine.role_arn.clone(),
        ..Default::default()
    };
    ctx.runtime.start(
        &ctx.store,
        ctx.observer.as_deref_mut().map(|o| o as &mut dyn EventSink),
        NewExecution {
            record,
            info,
            machine: parsed,
            test_case: test_case.map(str::to_string),
        },
    )?;
    Ok(json!({
        "executionArn": execution_arn,
        "startDate": timestamp(started),
    }))
}

/// The execution name given (AWS's name rules) or a new UUID.
pub(crate) fn execution_name(given: Option<&str>) -> Result<String, ApiError> {
    match given {
        Some(n) if !valid_name(n) => Err(ApiError::new(
            ErrorCode::InvalidName,
            format!("Invalid Name: '{}'", crate::asl::error::quote(n)),
        )),
        Some(n) => Ok(n.to_string()),
        None => Ok(uuid::Uuid::new_v4().to_string()),
    }
}

/// The execution input (default `{}`): its text and value, at most 256 KiB of JSON.
pub(crate) fn execution_input(given: Option<&str>) -> Result<(String, Value), ApiError> {
    let text = given.unwrap_or("{}").to_string();
    if text.len() > engine::exec::MAX_PAYLOAD_BYTES {
        return Err(ApiError::new(
            ErrorCode::InvalidExecutionInput,
            "Execution input exceeds the maximum size of 262144 bytes",
        ));
    }
    let value = serde_json::from_str(&text).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidExecutionInput,
            format!("Invalid State Machine Execution Input: '{e}'"),
        )
    })?;
    Ok((text, value))
}

/// Parses a stored definition for running it.
pub(crate) fn parse_stored(definition_text: &str) -> Result<StateMachine, ApiError> {
    Ok(runtime::parse_stored(definition_text)?)
}

/// What a new execution of `resolved` is and is started with.
pub(crate) fn execution_info(
    ctx: &Context,
    resolved: &ResolvedMachine,
    execution_arn: &str,
    name: &str,
    (input_text, input): (&str, Value),
    started: chrono::DateTime<Utc>,
) -> ExecutionInfo {
    let machine = &resolved.machine;
    ExecutionInfo {
        execution_arn: execution_arn.to_string(),
        execution_name: name.to_string(),
        state_machine_arn: machine.arn.clone(),
        state_machine_name: machine.name.clone(),
        role_arn: machine.role_arn.clone(),
        input,
        input_text: input_text.to_string(),
        start_millis: started.timestamp_millis(),
        redrive_count: 0,
        region: ctx.region.clone(),
        state_machine_version_arn: resolved.version_arn.clone(),
        state_machine_alias_arn: resolved.alias_arn.clone(),
    }
}

/// The members that open both DescribeExecution's answer and a ListExecutions item.
fn summary(record: &ExecutionRecord) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("executionArn".into(), record.arn.clone().into());
    out.insert(
        "stateMachineArn".into(),
        record.state_machine_arn.clone().into(),
    );
    out.insert("name".into(), record.name.clone().into());
    out.insert("status".into(), record.status.clone().into());
    out.insert("startDate".into(), stored_date(&record.start_date));
    if let Some(stop) = &record.stop_date {
        out.insert("stopDate".into(), stored_date(stop));
    }
    out
}

/// The version, alias and redrive members, which both answers also give in this order.
fn versions_and_redrives(record: &ExecutionRecord, out: &mut Map<String, Value>) {
    if let Some(v) = &record.state_machine_version_arn {
        out.insert("stateMachineVersionArn".into(), v.clone().into());
    }
    if let Some(a) = &record.state_machine_alias_arn {
        out.insert("stateMachineAliasArn".into(), a.clone().into());
    }
    out.insert("redriveCount".into(), record.redrive_count.into());
    if let Some(d) = &record.redrive_date {
        out.insert("redriveDate".into(), stored_date(d));
    }
}

pub(super) fn describe_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "executionArn")?;
    let record = load_execution(ctx, arn)?;
    let mut out = summary(&record);
    // `includedData: METADATA_ONLY` leaves the payloads out.
    let with_data = optional_str(input, "includedData") != Some("METADATA_ONLY");
    if let Some(i) = record.input.as_ref().filter(|_| with_data) {
        out.insert("input".into(), i.clone().into());
        out.insert("inputDetails".into(), json!({"included": true}));
    }
    if let Some(o) = record.output.as_ref().filter(|_| with_data) {
        out.insert("output".into(), o.clone().into());
        out.insert("outputDetails".into(), json!({"included": true}));
    }
    if let Some(t) = &record.trace_header {
        out.insert("traceHeader".into(), t.clone().into());
    }
    // A child execution of a distributed Map names its map run (api/map_runs.rs).
    if let Some(map_run) = super::map_runs::map_run_of(ctx, &record.arn)? {
        out.insert("mapRunArn".into(), map_run.into());
    }
    if let Some(e) = &record.error {
        out.insert("error".into(), e.clone().into());
    }
    if let Some(c) = &record.cause {
        out.insert("cause".into(), c.clone().into());
    }
    versions_and_redrives(&record, &mut out);
    let (redrive_status, reason) = super::redrive::redrive_status(ctx, &record)?;
    out.insert("redriveStatus".into(), redrive_status.into());
    if let Some(reason) = reason {
        out.insert("redriveStatusReason".into(), reason.into());
    }
    Ok(Value::Object(out))
}

pub(super) fn get_execution_history(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "executionArn")?;
    let record = load_execution(ctx, arn)?;
    let reverse = input
        .get("reverseOrder")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let include_data = input
        .get("includeExecutionData")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let size = requested_page_size(input)?;
    let offset = requested_offset(input)?;
    // One extra event tells whether another page follows.
    let mut events = store::events_page(
        &ctx.store,
        &record.arn,
        reverse,
        offset,
        size.saturating_add(1),
    )?;
    let more = events.len() > size;
    events.truncate(size);
    let page: Vec<Value> = events.iter().map(|e| event_json(e, include_data)).collect();
    let mut out = Map::new();
    out.insert("events".into(), Value::Array(page));
    if more {
        out.insert(
            "nextToken".into(),
            encode_token(&(offset + size).to_string()).into(),
        );
    }
    Ok(Value::Object(out))
}

/// An event in the API's shape.
pub fn event_json(event: &HistoryEvent, include_data: bool) -> Value {
    let mut out = Map::new();
    out.insert("timestamp".into(), timestamp(event.timestamp).into());
    out.insert("type".into(), event.event_type.as_str().into());
    out.insert("id".into(), event.id.into());
    out.insert("previousEventId".into(), event.previous_event_id.into());
    if let (Some(member), Some(details)) = (event.event_type.details_member(), &event.details) {
        let mut details = details.to_value();
        if !include_data {
            if let Value::Object(map) = &mut details {
                for key in ["input", "output", "parameters", "assignedVariables"] {
                    map.remove(key);
                }
            }
        }
        out.insert(member.into(), details);
    }
    Value::Object(out)
}

pub(super) fn list_executions(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let Some(machine_arn) = optional_str(input, "stateMachineArn") else {
        if optional_str(input, "mapRunArn").is_some() {
            return super::map_runs::list_child_executions(ctx, input);
        }
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            "Must provide a StateMachine ARN or MapRun ARN",
        ));
    };
    if !machine_arn.starts_with("arn:") || !machine_arn.contains(":stateMachine:") {
        return Err(invalid_arn(machine_arn));
    }
    // A version or alias ARN lists the executions of that version or alias.
    let (base_arn, scope) = super::aliases::execution_scope(&ctx.store, machine_arn)?;
    let machine = store::machine(&ctx.store, &base_arn)?
        .ok_or_else(|| super::state_machines::does_not_exist(machine_arn))?;
    if machine.machine_type == "EXPRESS" {
        return Err(ApiError::new(
            ErrorCode::StateMachineTypeNotSupported,
            "This operation is not supported by this type of state machine",
        ));
    }
    let size = requested_page_size(input)?;
    let offset = requested_offset(input)?;
    let status = optional_str(input, "statusFilter");
    let redriven = match optional_str(input, "redriveFilter") {
        None => None,
        Some("REDRIVEN") => Some(true),
        Some("NOT_REDRIVEN") => Some(false),
        Some(other) => return Err(ApiError::new(
            ErrorCode::ValidationException,
            format!("1 validation error detected: Value '{}' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]", crate::asl::error::quote(other)),
        )),
    };
    let mut records = store::list(&ctx.store, &base_arn, status)?;
    records.retain(|r| {
        scope.includes(
            r.state_machine_version_arn.as_deref(),
            r.state_machine_alias_arn.as_deref(),
        ) && redriven.is_none_or(|want| (r.redrive_count > 0) == want)
    });
    let page: Vec<Value> = records
        .iter()
        .skip(offset)
        .take(size)
        .map(|r| {
            let mut item = summary(r);
            versions_and_redrives(r, &mut item);
            Value::Object(item)
        })
        .collect();
    let mut out = Map::new();
    out.insert("executions".into(), Value::Array(page));
    if offset + size < records.len() {
        out.insert(
            "nextToken".into(),
            encode_token(&(offset + size).to_string()).into(),
        );
    }
    Ok(Value::Object(out))
}

pub(super) fn describe_state_machine_for_execution(
    ctx: &mut Context,
    input: &Value,
) -> Result<Value, ApiError> {
    let arn = required_str(input, "executionArn")?;
    let record = load_execution(ctx, arn)?;
    let machine = store::machine(&ctx.store, &record.state_machine_arn)?;
    let name = record
        .state_machine_arn
        .rsplit(':')
        .next()
        .unwrap_or_default()
        .to_string();
    let update_date = machine
        .as_ref()
        .map(|m| {
            m.update_date
                .clone()
                .unwrap_or_else(|| m.creation_date.clone())
        })
        .unwrap_or_else(|| record.start_date.clone());
    let mut out = Map::new();
    out.insert(
        "stateMachineArn".into(),
        record.state_machine_arn.clone().into(),
    );
    out.insert("name".into(), name.into());
    out.insert("definition".into(), record.definition.clone().into());
    out.insert("roleArn".into(), record.role_arn.clone().into());
    out.insert("updateDate".into(), stored_date(&update_date));
    // The configuration the execution ran with: its version's, else the machine's.
    let logging = match &record.state_machine_version_arn {
        Some(version) => {
            crate::store::versions::configuration(&ctx.store, version)?.and_then(|c| c.logging)
        }
        None => crate::store::state_machines::get(&ctx.store, &record.state_machine_arn)?
            .and_then(|m| m.logging_configuration),
    };
    out.insert(
        "loggingConfiguration".into(),
        json!(super::state_machines::logging_echo(logging.as_deref())),
    );
    out.insert("tracingConfiguration".into(), json!({"enabled": false}));
    // An execution of a version ran that version's revision, not the machine's latest.
    let revision = match &record.state_machine_version_arn {
        Some(version) => {
            crate::store::versions::get(&ctx.store, version)?.and_then(|v| v.revision_id)
        }
        None => machine.and_then(|m| m.revision_id),
    };
    if let Some(revision) = revision {
        out.insert("revisionId".into(), revision.into());
    }
    if let Some(references) = super::state_machines::variable_references(&record.definition) {
        out.insert("variableReferences".into(), json!(references));
    }
    // A map run's child: its map run and the Map's label (api/map_runs.rs).
    if let Some(map_run) = super::map_runs::map_run_of(ctx, &record.arn)? {
        out.insert("label".into(), super::map_runs::label_of(&map_run).into());
        out.insert("mapRunArn".into(), map_run.into());
    }
    Ok(Value::Object(out))
}

pub(super) fn stop_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "executionArn")?;
    load_execution(ctx, arn)?;
    let stop_date = ctx.runtime.stop(
        &ctx.store,
        arn,
        optional_str(input, "error"),
        optional_str(input, "cause"),
    )?;
    Ok(json!({"stopDate": stored_date(&stop_date)}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_awss_rules() {
        assert!(valid_name("my-execution_1"));
        assert!(valid_name("ünïcode"));
        assert!(!valid_name(""));
        assert!(!valid_name("has space"));
        assert!(!valid_name("a:b"));
        assert!(!valid_name(&"x".repeat(81)));
    }
}
