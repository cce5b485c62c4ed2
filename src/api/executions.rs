//! Executions: StartExecution (runs synchronously to the end or until the execution
//! parks), DescribeExecution, GetExecutionHistory, ListExecutions,
//! DescribeStateMachineForExecution, StopExecution.
use chrono::Utc;
use serde_json::{json, Map, Value};

use super::{timestamp, ApiError, Context};
use crate::asl::definition::{self, StateMachine};
use crate::engine::{
    self, Env, EventSink, Execution, ExecutionInfo, HistoryEvent, Options, Progress,
};
use crate::store::executions::{
    self as store, date_text, parse_date, ExecutionRecord, ResolvedMachine,
};

/// Answers the operations this module implements, `None` for the others.
pub fn call(ctx: &mut Context, operation: &str, input: &Value) -> Option<Result<Value, ApiError>> {
    Some(match operation {
        "StartExecution" => start_execution(ctx, input),
        "DescribeExecution" => describe_execution(ctx, input),
        "GetExecutionHistory" => get_execution_history(ctx, input),
        "ListExecutions" => list_executions(ctx, input),
        "DescribeStateMachineForExecution" => describe_state_machine_for_execution(ctx, input),
        "StopExecution" => stop_execution(ctx, input),
        _ => return None,
    })
}

/// Collects events for one batched write.
#[derive(Default)]
pub(crate) struct BufferSink {
    pub(crate) events: Vec<store::EventRow>,
    cache: store::EventEncoder,
}

impl EventSink for BufferSink {
    fn emit(&mut self, event: &HistoryEvent) {
        self.events.push(self.cache.row(event));
    }
}

/// Writes events to the store in batches while the execution runs, so that a long
/// execution neither holds its whole history in memory nor writes one transaction per
/// event. The last batch goes with the execution's final record.
struct StoreSink<'a> {
    store: &'a mut crate::store::Store,
    execution_arn: &'a str,
    events: Vec<store::EventRow>,
    /// Bytes buffered in `events`.
    buffered: usize,
    error: Option<crate::store::StoreError>,
    cache: store::EventEncoder,
    /// The output text of `ExecutionSucceeded`: the record stores the same text.
    output_text: Option<String>,
}

/// A batch ends at this many events or bytes of details, whichever comes first.
const EVENT_BATCH: usize = 2000;
const EVENT_BATCH_BYTES: usize = 1 << 20;

impl EventSink for StoreSink<'_> {
    fn emit(&mut self, event: &HistoryEvent) {
        if event.event_type == "ExecutionSucceeded" {
            self.output_text = event
                .details
                .as_ref()
                .and_then(|d| d.get("output"))
                .and_then(Value::as_str)
                .map(String::from);
        }
        let row = self.cache.row(event);
        self.buffered += row.bytes();
        self.events.push(row);
        if (self.events.len() >= EVENT_BATCH || self.buffered >= EVENT_BATCH_BYTES)
            && self.error.is_none()
        {
            if let Err(e) = store::append_events(self.store, self.execution_arn, &self.events) {
                self.error = Some(e);
            }
            self.events.clear();
            self.buffered = 0;
        }
    }
}

/// Forwards each event to the sink that records it, then to the context's observer.
struct Observed<'a> {
    sink: &'a mut dyn EventSink,
    observer: Option<&'a mut dyn EventSink>,
}

impl EventSink for Observed<'_> {
    fn emit(&mut self, event: &HistoryEvent) {
        self.sink.emit(event);
        if let Some(observer) = self.observer.as_mut() {
            observer.emit(event);
        }
    }
}

fn required_str<'a>(input: &'a Value, key: &str) -> Result<&'a str, ApiError> {
    input.get(key).and_then(Value::as_str).ok_or_else(|| {
        ApiError::parameter(format!("Missing required parameter in input: \"{key}\""))
    })
}

fn optional_str<'a>(input: &'a Value, key: &str) -> Option<&'a str> {
    input.get(key).and_then(Value::as_str)
}

/// `SFN_WAIT_TIME_SCALE`: a factor on Wait durations and Retry intervals (default 1).
pub fn wait_time_scale() -> f64 {
    std::env::var("SFN_WAIT_TIME_SCALE")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .unwrap_or(1.0)
}

/// `SFN_TASK_THREADS`: how many Task invocations (local commands) of one execution may run
/// at once inside Parallel and Map states (default 40).
pub fn task_threads() -> usize {
    std::env::var("SFN_TASK_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|v| *v > 0)
        .unwrap_or(crate::engine::DEFAULT_TASK_THREADS)
}

/// The engine's knobs, from the environment.
pub fn engine_options() -> Options {
    Options {
        wait_time_scale: wait_time_scale(),
        task_threads: task_threads(),
    }
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
        "InvalidArn",
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
            "ExecutionDoesNotExist",
            format!(
                "Execution Does Not Exist: '{}'",
                crate::asl::error::quote(arn)
            ),
        )
    })
}

fn api_date(text: &str) -> Value {
    Value::String(timestamp(parse_date(text).unwrap_or_else(Utc::now)))
}

fn start_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let given_arn = required_str(input, "stateMachineArn")?;
    // `<arn>#<TestCase>` selects a test case of the mock file (Step Functions Local).
    let (machine_arn, test_case) = match given_arn.split_once('#') {
        Some((arn, case)) => (arn, Some(case.to_string())),
        None => (given_arn, None),
    };
    if !machine_arn.starts_with("arn:") || !machine_arn.contains(":stateMachine:") {
        return Err(invalid_arn(machine_arn));
    }
    let resolved =
        super::aliases::resolve_for_execution(&ctx.store, machine_arn)?.ok_or_else(|| {
            ApiError::new(
                "StateMachineDoesNotExist",
                format!(
                    "State Machine Does Not Exist: '{}'",
                    crate::asl::error::quote(machine_arn)
                ),
            )
        })?;
    let machine = &resolved.machine;
    let name = execution_name(optional_str(input, "name"))?;
    let (input_text, input_value) = execution_input(optional_str(input, "input"))?;
    let express = machine.machine_type == "EXPRESS";
    let execution_arn = if express {
        ctx.arn(&format!(
            "express:{}:{}:{}",
            machine.name,
            name,
            uuid::Uuid::new_v4()
        ))
    } else {
        ctx.arn(&format!("execution:{}:{}", machine.name, name))
    };
    if store::get(&ctx.store, &execution_arn)?.is_some() {
        return Err(ApiError::new(
            "ExecutionAlreadyExists",
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

    let started = Utc::now();
    let info = execution_info(
        ctx,
        &resolved,
        &execution_arn,
        &name,
        (&input_text, input_value),
        started,
    );
    let mut record = ExecutionRecord {
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
    let runner = task_runner(ctx, &machine.name, test_case.as_deref())?;
    store::insert(&ctx.store, &record)?;
    if let Some(case) = &test_case {
        // A redrive runs against the same mock test case.
        crate::store::redrive::set_test_case(&ctx.store, &execution_arn, case)?;
    }

    let mut sink = StoreSink {
        store: &mut ctx.store,
        execution_arn: &execution_arn,
        events: Vec::new(),
        buffered: 0,
        error: None,
        cache: Default::default(),
        output_text: None,
    };
    let mut observed = Observed {
        sink: &mut sink,
        observer: ctx.observer.as_deref_mut().map(|o| o as &mut dyn EventSink),
    };
    let mut execution = Execution::start(&parsed, info, &mut observed);
    let progress = {
        let mut env = Env {
            machine: &parsed,
            tasks: runner.as_ref(),
            sink: &mut observed,
            options: engine_options(),
        };
        execution.run(&mut env)
    };
    if let Some(e) = sink.error {
        return Err(e.into());
    }
    record_outcome_with(&mut record, &execution, &progress, sink.output_text.take())?;
    store::save_progress(sink.store, &record, &sink.events)?;
    super::task_tokens::close_if_ended(ctx, &record)?;
    // An outcome delivered while it ran (a callback handler answering at once) is taken now.
    super::task_tokens::resume(ctx, &execution_arn)?;
    Ok(json!({
        "executionArn": execution_arn,
        "startDate": timestamp(started),
    }))
}

/// The execution name given (AWS's name rules) or a new UUID.
pub(crate) fn execution_name(given: Option<&str>) -> Result<String, ApiError> {
    match given {
        Some(n) if !valid_name(n) => Err(ApiError::new(
            "InvalidName",
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
            "InvalidExecutionInput",
            "Execution input exceeds the maximum size of 262144 bytes",
        ));
    }
    let value = serde_json::from_str(&text).map_err(|e| {
        ApiError::new(
            "InvalidExecutionInput",
            format!("Invalid State Machine Execution Input: '{e}'"),
        )
    })?;
    Ok((text, value))
}

/// Parses a stored definition for running it.
pub(crate) fn parse_stored(definition_text: &str) -> Result<StateMachine, ApiError> {
    let value: Value = serde_json::from_str(definition_text)
        .map_err(|e| ApiError::internal(format!("stored definition is not JSON: {e}")))?;
    definition::parse(&value).map_err(|e| ApiError::new("InvalidDefinition", e))
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

/// The engine state a parked or ended execution was saved with.
pub(crate) fn stored_execution(record: &ExecutionRecord) -> Result<Execution, ApiError> {
    let state = record.engine_state.as_deref().unwrap_or_default();
    serde_json::from_str(state)
        .map_err(|e| ApiError::internal(format!("stored execution state: {e}")))
}

/// Runs a stored execution on (resumed or redriven) until it ends or parks again, then
/// saves its record and the events `sink` collected.
pub(crate) fn run_and_save(
    ctx: &mut Context,
    record: &mut ExecutionRecord,
    execution: &mut Execution,
    machine: &StateMachine,
    tasks: &dyn engine::TaskRunner,
    mut sink: BufferSink,
) -> Result<(), ApiError> {
    let progress = execution.run(&mut Env {
        machine,
        tasks,
        sink: &mut sink,
        options: engine_options(),
    });
    record_outcome(record, execution, &progress)?;
    store::save_progress(&mut ctx.store, record, &sink.events)?;
    Ok(())
}

/// The Task runner for an execution: its mock test case (`#<case>`) and local handlers.
pub(crate) fn task_runner(
    ctx: &Context,
    state_machine_name: &str,
    test_case: Option<&str>,
) -> Result<Box<dyn engine::TaskRunner>, ApiError> {
    super::task_tokens::runner(
        ctx,
        &crate::tasks::RunnerConfig::new(
            ctx.mock_config.as_deref(),
            ctx.handlers.as_deref(),
            state_machine_name,
            test_case,
        ),
    )
}

/// Copies the execution's status into its record (and its state, when parked).
pub(crate) fn record_outcome(
    record: &mut ExecutionRecord,
    execution: &Execution,
    progress: &Progress,
) -> Result<(), ApiError> {
    record_outcome_with(record, execution, progress, None)
}

/// [`record_outcome`] with the output's JSON text when the caller has it already (the
/// `ExecutionSucceeded` event carries it; a large output is then not serialized again).
fn record_outcome_with(
    record: &mut ExecutionRecord,
    execution: &Execution,
    progress: &Progress,
    output_text: Option<String>,
) -> Result<(), ApiError> {
    record.status = execution.status.name().to_string();
    match &execution.status {
        engine::Status::Running => {
            record.engine_state = match progress {
                Progress::Parked { .. } => Some(
                    serde_json::to_string(execution)
                        .map_err(|e| ApiError::internal(e.to_string()))?,
                ),
                Progress::Finished => None,
            };
        }
        status => {
            record.stop_date = Some(date_text(Utc::now()));
            // An unsuccessful execution keeps its state for RedriveExecution.
            record.engine_state = super::redrive::retained_state(execution)?;
            match status {
                engine::Status::Succeeded { output } => {
                    record.output =
                        Some(output_text.unwrap_or_else(|| engine::data::to_text(output)));
                }
                engine::Status::Failed { error, cause }
                | engine::Status::TimedOut { error, cause }
                | engine::Status::Aborted { error, cause } => {
                    record.error = error.clone();
                    record.cause = cause.clone();
                }
                engine::Status::Running => {}
            }
        }
    }
    Ok(())
}

fn describe_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "executionArn")?;
    let record = load_execution(ctx, arn)?;
    let mut out = Map::new();
    out.insert("executionArn".into(), record.arn.clone().into());
    out.insert(
        "stateMachineArn".into(),
        record.state_machine_arn.clone().into(),
    );
    out.insert("name".into(), record.name.clone().into());
    out.insert("status".into(), record.status.clone().into());
    out.insert("startDate".into(), api_date(&record.start_date));
    if let Some(stop) = &record.stop_date {
        out.insert("stopDate".into(), api_date(stop));
    }
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
    if let Some(v) = &record.state_machine_version_arn {
        out.insert("stateMachineVersionArn".into(), v.clone().into());
    }
    if let Some(a) = &record.state_machine_alias_arn {
        out.insert("stateMachineAliasArn".into(), a.clone().into());
    }
    out.insert("redriveCount".into(), record.redrive_count.into());
    if let Some(d) = &record.redrive_date {
        out.insert("redriveDate".into(), api_date(d));
    }
    let (redrive_status, reason) = super::redrive::redrive_status(ctx, &record)?;
    out.insert("redriveStatus".into(), redrive_status.into());
    if let Some(reason) = reason {
        out.insert("redriveStatusReason".into(), reason.into());
    }
    Ok(Value::Object(out))
}

/// Opaque pagination tokens: the offset into the (ordered) list.
fn decode_token(token: Option<&str>) -> Result<usize, ApiError> {
    match token {
        None => Ok(0),
        Some(t) => t
            .strip_prefix("sfn-offset-")
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| {
                ApiError::new(
                    "InvalidToken",
                    format!("Invalid Token: '{}'", crate::asl::error::quote(t)),
                )
            }),
    }
}

fn page_size(input: &Value, default: usize) -> Result<usize, ApiError> {
    match input.get("maxResults").and_then(Value::as_i64) {
        None | Some(0) => Ok(default),
        Some(n) if (1..=1000).contains(&n) => Ok(n as usize),
        Some(n) => Err(ApiError::new(
            "ValidationException",
            format!(
                "1 validation error detected: Value '{n}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"
            ),
        )),
    }
}

fn get_execution_history(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
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
    let size = page_size(input, 100)?;
    let offset = decode_token(optional_str(input, "nextToken"))?;
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
            format!("sfn-offset-{}", offset + size).into(),
        );
    }
    Ok(Value::Object(out))
}

/// An event in the API's shape.
pub fn event_json(event: &HistoryEvent, include_data: bool) -> Value {
    let mut out = Map::new();
    out.insert("timestamp".into(), timestamp(event.timestamp).into());
    out.insert("type".into(), event.event_type.clone().into());
    out.insert("id".into(), event.id.into());
    out.insert("previousEventId".into(), event.previous_event_id.into());
    if let (Some(member), Some(details)) = (
        engine::history::details_member(&event.event_type),
        &event.details,
    ) {
        let mut details = details.clone();
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

fn list_executions(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let Some(machine_arn) = optional_str(input, "stateMachineArn") else {
        if optional_str(input, "mapRunArn").is_some() {
            return super::map_runs::list_child_executions(ctx, input);
        }
        return Err(ApiError::new(
            "ValidationException",
            "Must provide a StateMachine ARN or MapRun ARN",
        ));
    };
    if !machine_arn.starts_with("arn:") || !machine_arn.contains(":stateMachine:") {
        return Err(invalid_arn(machine_arn));
    }
    // A version or alias ARN lists the executions of that version or alias.
    let (base_arn, scope) = super::aliases::execution_scope(&ctx.store, machine_arn)?;
    let machine = store::machine(&ctx.store, &base_arn)?.ok_or_else(|| {
        ApiError::new(
            "StateMachineDoesNotExist",
            format!(
                "State Machine Does Not Exist: '{}'",
                crate::asl::error::quote(machine_arn)
            ),
        )
    })?;
    if machine.machine_type == "EXPRESS" {
        return Err(ApiError::new(
            "StateMachineTypeNotSupported",
            "This operation is not supported by this type of state machine",
        ));
    }
    let size = page_size(input, 100)?;
    let offset = decode_token(optional_str(input, "nextToken"))?;
    let status = optional_str(input, "statusFilter");
    let redriven = match optional_str(input, "redriveFilter") {
        None => None,
        Some("REDRIVEN") => Some(true),
        Some("NOT_REDRIVEN") => Some(false),
        Some(other) => return Err(ApiError::new(
            "ValidationException",
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
            let mut item = Map::new();
            item.insert("executionArn".into(), r.arn.clone().into());
            item.insert("stateMachineArn".into(), r.state_machine_arn.clone().into());
            item.insert("name".into(), r.name.clone().into());
            item.insert("status".into(), r.status.clone().into());
            item.insert("startDate".into(), api_date(&r.start_date));
            if let Some(stop) = &r.stop_date {
                item.insert("stopDate".into(), api_date(stop));
            }
            if let Some(v) = &r.state_machine_version_arn {
                item.insert("stateMachineVersionArn".into(), v.clone().into());
            }
            if let Some(a) = &r.state_machine_alias_arn {
                item.insert("stateMachineAliasArn".into(), a.clone().into());
            }
            item.insert("redriveCount".into(), r.redrive_count.into());
            if let Some(d) = &r.redrive_date {
                item.insert("redriveDate".into(), api_date(d));
            }
            Value::Object(item)
        })
        .collect();
    let mut out = Map::new();
    out.insert("executions".into(), Value::Array(page));
    if offset + size < records.len() {
        out.insert(
            "nextToken".into(),
            format!("sfn-offset-{}", offset + size).into(),
        );
    }
    Ok(Value::Object(out))
}

fn describe_state_machine_for_execution(
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
    out.insert("updateDate".into(), api_date(&update_date));
    out.insert(
        "loggingConfiguration".into(),
        json!({"level": "OFF", "includeExecutionData": false}),
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

fn stop_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = required_str(input, "executionArn")?;
    let mut record = load_execution(ctx, arn)?;
    let error = optional_str(input, "error").map(String::from);
    let cause = optional_str(input, "cause").map(String::from);
    if record.status != "RUNNING" {
        return Err(ApiError::new(
            "ValidationException",
            format!(
                "Execution is not running: '{}'",
                crate::asl::error::quote(arn)
            ),
        ));
    }
    let mut sink = BufferSink::default();
    match record
        .engine_state
        .as_deref()
        .and_then(|s| serde_json::from_str::<Execution>(s).ok())
    {
        Some(mut execution) => {
            execution.abort(&mut sink, error, cause);
            record_outcome(&mut record, &execution, &Progress::Finished)?;
        }
        None => {
            // No engine state (the process running it is gone): close it directly.
            let next_id = store::events(&ctx.store, arn)?.len() as i64 + 1;
            let mut details = Map::new();
            if let Some(e) = &error {
                details.insert("error".into(), e.clone().into());
            }
            if let Some(c) = &cause {
                details.insert("cause".into(), c.clone().into());
            }
            sink.emit(&HistoryEvent {
                id: next_id,
                previous_event_id: 0,
                timestamp: Utc::now(),
                event_type: "ExecutionAborted".into(),
                details: Some(Value::Object(details)),
            });
            record.status = "ABORTED".into();
            record.stop_date = Some(date_text(Utc::now()));
            record.error = error;
            record.cause = cause;
            record.engine_state = None;
        }
    }
    store::save_progress(&mut ctx.store, &record, &sink.events)?;
    crate::store::task_tokens::abort_execution(&ctx.store, arn, Utc::now())?;
    Ok(json!({"stopDate": api_date(record.stop_date.as_deref().unwrap_or_default())}))
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
