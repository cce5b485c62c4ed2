//! Activity workers and callbacks: GetActivityTask, SendTaskSuccess, SendTaskFailure,
//! SendTaskHeartbeat. Outcomes are recorded on the token in the store; the engine resumes
//! the execution from there (`store::task_tokens::outcomes`).
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::activities::{activity_arn, does_not_exist, object, required_str};
use super::executions::{
    parse_stored, run_and_save, stored_execution, wait_time_scale, BufferSink,
};
use super::{ApiError, Context};
use crate::asl::StatesError;
use crate::engine::exec::Execution;
use crate::engine::{TaskOutcome, TaskRunner};
use crate::store::activities as activity_store;
use crate::store::executions as executions_store;
use crate::store::task_tokens::{self, Delivery, TaskTokenRecord, TokenStatus};
use crate::tasks::{self, RunnerConfig};

/// Answers the operations this module implements, `None` for the others.
pub fn call(ctx: &mut Context, operation: &str, input: &Value) -> Option<Result<Value, ApiError>> {
    Some(match operation {
        "GetActivityTask" => get_activity_task(ctx, input),
        "SendTaskSuccess" => send_task_success(ctx, input),
        "SendTaskFailure" => send_task_failure(ctx, input),
        "SendTaskHeartbeat" => send_task_heartbeat(ctx, input),
        _ => return None,
    })
}

/// How long `GetActivityTask` waits for a task, as AWS does.
const LONG_POLL: Duration = Duration::from_secs(60);
/// How often a waiting `GetActivityTask` looks at the store again.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
const MAX_TOKEN: usize = 2048;
const MAX_OUTPUT: usize = 262_144;
const MAX_ERROR: usize = 256;
const MAX_CAUSE: usize = 32_768;
const MAX_WORKER_NAME: usize = 80;

fn get_activity_task(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let input = object(input)?;
    let arn = activity_arn(input)?;
    let worker = optional_str(input, "workerName")?;
    if let Some(worker) = worker {
        check_length("workerName", worker, MAX_WORKER_NAME)?;
    }
    // SFN_WAIT_TIME_SCALE (0 in CI) shortens the long poll as it shortens Wait states.
    let deadline = Instant::now() + LONG_POLL.mul_f64(wait_time_scale());
    loop {
        if activity_store::get(&ctx.store, arn)?.is_none() {
            return Err(does_not_exist(arn));
        }
        if let Some(task) = task_tokens::claim_activity_task(&ctx.store, arn, worker, now())? {
            activity_started(ctx, &task, worker)?;
            return Ok(json!({
                "taskToken": task.token,
                "input": task.input.unwrap_or_else(|| "{}".to_string()),
            }));
        }
        if Instant::now() >= deadline {
            // No task within the poll: AWS answers without a token.
            return Ok(json!({}));
        }
        std::thread::sleep(POLL_INTERVAL.min(deadline.saturating_duration_since(Instant::now())));
    }
}

fn send_task_success(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let input = object(input)?;
    let token = task_token(input)?;
    let output = required_str(input, "output")?;
    check_length("output", output, MAX_OUTPUT)?;
    if serde_json::from_str::<Value>(output).is_err() {
        return Err(ApiError::new(
            "InvalidOutput",
            format!("Invalid Output: '{}'", crate::asl::error::quote(output)),
        ));
    }
    deliver(
        ctx,
        token,
        &Delivery::Succeeded {
            output: output.to_string(),
        },
    )
}

fn send_task_failure(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let input = object(input)?;
    let token = task_token(input)?;
    let error = optional_str(input, "error")?;
    let cause = optional_str(input, "cause")?;
    if let Some(error) = error {
        check_length("error", error, MAX_ERROR)?;
    }
    if let Some(cause) = cause {
        check_length("cause", cause, MAX_CAUSE)?;
    }
    deliver(
        ctx,
        token,
        &Delivery::Failed {
            error: error.map(str::to_string),
            cause: cause.map(str::to_string),
        },
    )
}

fn send_task_heartbeat(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let input = object(input)?;
    let token = task_token(input)?;
    let now = now();
    let record = task_tokens::heartbeat(&ctx.store, token, now)?;
    check_open(token, record.as_ref(), now)?;
    Ok(json!({}))
}

fn deliver(ctx: &mut Context, token: &str, delivery: &Delivery) -> Result<Value, ApiError> {
    let now = now();
    let (record, delivered) = task_tokens::deliver(&ctx.store, token, delivery, now)?;
    let record = match record {
        Some(record) if delivered => record,
        record => {
            check_open(token, record.as_ref(), now)?;
            // Open and not expired yet not delivered: another process delivered it first.
            return Err(task_does_not_exist());
        }
    };
    // This process resumes the execution and runs it to its next wait or its end.
    resume(ctx, &record.execution_arn)?;
    Ok(json!({}))
}

/// Records `ActivityStarted` in the history of the execution whose activity task a
/// worker just took. While the process that parked it has not saved it yet there is no
/// state to update: the event is then left out.
fn activity_started(
    ctx: &mut Context,
    task: &TaskTokenRecord,
    worker: Option<&str>,
) -> Result<(), ApiError> {
    let Some(mut record) = executions_store::get(&ctx.store, &task.execution_arn)? else {
        return Ok(());
    };
    let Some(state) = record
        .engine_state
        .as_deref()
        .filter(|_| record.status == "RUNNING")
    else {
        return Ok(());
    };
    let mut execution: Execution = serde_json::from_str(state)
        .map_err(|e| ApiError::internal(format!("stored execution state: {e}")))?;
    let mut sink = BufferSink::default();
    if !execution.activity_started_for(&task.token, &mut sink, worker) {
        return Ok(());
    }
    record.engine_state =
        Some(serde_json::to_string(&execution).map_err(|e| ApiError::internal(e.to_string()))?);
    executions_store::save_progress(&mut ctx.store, &record, &sink.events)?;
    Ok(())
}

/// The Task runner for an execution, parking waiting Tasks in this store (an in-memory
/// store cannot be shared, so there they only wait).
pub fn runner(ctx: &Context, config: &RunnerConfig) -> Result<Box<dyn TaskRunner>, ApiError> {
    let db = ctx.store.path();
    // Distributed Maps run as map runs with child executions (api/map_runs.rs).
    let inner = if db == Path::new(":memory:") {
        tasks::runner_for(
            config.mock_config.as_deref(),
            config.handlers.as_deref(),
            &config.state_machine_name,
            config.test_case.as_deref(),
        )?
    } else {
        tasks::parking_runner_for(config, db)?
    };
    Ok(super::map_runs::with_map_runs(ctx, inner))
}

/// Times out the tasks whose deadline has passed and resumes every execution with an
/// outcome waiting: any command touching the store calls this first, so timeouts fire
/// even when no one calls again.
pub fn advance(ctx: &mut Context) -> Result<(), ApiError> {
    task_tokens::expire(&ctx.store, now())?;
    for execution_arn in task_tokens::executions_with_outcomes(&ctx.store)? {
        // One execution that cannot resume here (say, its handlers file is gone) must not
        // block the command: its outcome stays for a process that can.
        let _ = resume(ctx, &execution_arn);
    }
    Ok(())
}

/// Resumes a parked execution with the outcomes waiting for it, one at a time, until it
/// ends or waits again. While the process that parked it has not saved it yet, the
/// outcome stays: that process resumes it right after saving.
pub fn resume(ctx: &mut Context, execution_arn: &str) -> Result<(), ApiError> {
    loop {
        let Some(token) = task_tokens::outcomes(&ctx.store, execution_arn)?
            .into_iter()
            .next()
        else {
            return Ok(());
        };
        let Some(mut record) = executions_store::get(&ctx.store, execution_arn)? else {
            task_tokens::close(&ctx.store, &token.token, now())?;
            continue;
        };
        if record.status != "RUNNING" {
            task_tokens::close(&ctx.store, &token.token, now())?;
            continue;
        }
        if record.engine_state.is_none() {
            return Ok(());
        }
        let mut execution = stored_execution(&record)?;
        let machine = parse_stored(&record.definition)?;
        let config = token
            .runner
            .as_deref()
            .and_then(|text| serde_json::from_str::<RunnerConfig>(text).ok())
            .unwrap_or_else(|| {
                RunnerConfig::new(
                    ctx.mock_config.as_deref(),
                    ctx.handlers.as_deref(),
                    &machine_name(execution_arn),
                    None,
                )
            });
        let tasks = runner(ctx, &config)?;
        // Exactly one process consumes an outcome.
        if !task_tokens::close(&ctx.store, &token.token, now())? {
            continue;
        }
        let outcome = match token.status {
            TokenStatus::Succeeded => {
                let output = token.output.as_deref().unwrap_or("null");
                TaskOutcome::Succeeded(serde_json::from_str(output).unwrap_or(Value::Null))
            }
            TokenStatus::Failed => TaskOutcome::Failed(StatesError {
                error: token.error.clone(),
                cause: token.cause.clone(),
            }),
            _ => TaskOutcome::TimedOut,
        };
        let mut sink = BufferSink::default();
        // A worker took the task before the process that parked the execution saved it:
        // its ActivityStarted comes now, before the outcome.
        if token.activity_arn.is_some() && token.started.is_some() {
            execution.activity_started_for(&token.token, &mut sink, token.worker_name.as_deref());
        }
        if !execution.deliver_to(&token.token, outcome) {
            continue;
        }
        run_and_save(
            ctx,
            &mut record,
            &mut execution,
            &machine,
            tasks.as_ref(),
            sink,
        )?;
        close_if_ended(ctx, &record)?;
    }
}

/// Once an execution has ended, the tasks still waiting in it (a Parallel branch's
/// callback when another branch failed) take no outcome: their tokens close.
pub(crate) fn close_if_ended(
    ctx: &Context,
    record: &crate::store::executions::ExecutionRecord,
) -> Result<(), ApiError> {
    if record.status != "RUNNING" {
        task_tokens::abort_execution(&ctx.store, &record.arn, now())?;
    }
    Ok(())
}

/// `arn:...:execution:<machine>:<name>` → `<machine>`.
fn machine_name(execution_arn: &str) -> String {
    execution_arn
        .rsplit(':')
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

/// The error for a token that cannot take an outcome or heartbeat (`Ok` when it can).
fn check_open(
    token: &str,
    record: Option<&TaskTokenRecord>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let Some(record) = record else {
        return Err(if task_tokens::is_well_formed(token) {
            task_does_not_exist()
        } else {
            invalid_token()
        });
    };
    if record.status == TokenStatus::TimedOut || record.expired(now) {
        return Err(ApiError::new("TaskTimedOut", "Task Timed Out"));
    }
    if !record.status.is_open() {
        return Err(task_does_not_exist());
    }
    Ok(())
}

fn task_does_not_exist() -> ApiError {
    ApiError::new("TaskDoesNotExist", "Task Does Not Exist")
}

/// AWS's answer to a token it cannot read [obs].
fn invalid_token() -> ApiError {
    ApiError::new("InvalidToken", "Invalid Token: 'Invalid token'")
}

fn task_token(input: &Map<String, Value>) -> Result<&str, ApiError> {
    let token = required_str(input, "taskToken")?;
    if token.is_empty() {
        return Err(ApiError::new(
            "ValidationException",
            "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ));
    }
    check_length("taskToken", token, MAX_TOKEN)?;
    Ok(token)
}

fn optional_str<'v>(
    input: &'v Map<String, Value>,
    field: &str,
) -> Result<Option<&'v str>, ApiError> {
    match input.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::parameter(format!(
            "Invalid type for parameter {field}, value must be a string"
        ))),
    }
}

fn check_length(field: &str, value: &str, max: usize) -> Result<(), ApiError> {
    if value.chars().count() > max {
        return Err(ApiError::new(
            "ValidationException",
            format!("1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length less than or equal to {max}"),
        ));
    }
    Ok(())
}

fn now() -> DateTime<Utc> {
    use chrono::SubsecRound;
    Utc::now().trunc_subsecs(3)
}

/// A mock config or handlers file that cannot be used, or a `#<test case>` it lacks: the
/// request that starts the execution fails with the reason.
impl From<crate::tasks::TasksError> for ApiError {
    fn from(e: crate::tasks::TasksError) -> Self {
        ApiError::new("ValidationException", e.to_string())
    }
}
