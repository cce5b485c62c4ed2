//! Activity workers and callbacks: GetActivityTask, SendTaskSuccess, SendTaskFailure,
//! SendTaskHeartbeat. Outcomes are recorded on the token in the store, where the
//! execution's owner takes them (`runtime`); with no owner, this process resumes it.
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::activities::{activity_arn, does_not_exist};
use super::ErrorCode;
use super::{object, optional_str, required_str};
use super::{ApiError, Context};
use crate::runtime::RuntimeError;
use crate::store::activities as activity_store;
use crate::store::task_tokens::{self, Delivery, TaskTokenRecord, TokenStatus};

/// How long `GetActivityTask` waits for a task, as AWS does.
const LONG_POLL: Duration = Duration::from_secs(60);
/// How often a waiting `GetActivityTask` looks at the store again.
const POLL_INTERVAL: Duration = Duration::from_millis(100);
const MAX_TOKEN: usize = 2048;
const MAX_OUTPUT: usize = 262_144;
const MAX_ERROR: usize = 256;
const MAX_CAUSE: usize = 32_768;
const MAX_WORKER_NAME: usize = 80;

pub(super) fn get_activity_task(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    object(input)?;
    let arn = activity_arn(input)?;
    let worker = optional_str(input, "workerName")?;
    if let Some(worker) = worker {
        check_length("workerName", worker, MAX_WORKER_NAME)?;
    }
    // SFN_WAIT_TIME_SCALE (0 in CI) shortens the long poll as it shortens Wait states.
    let poll = LONG_POLL.mul_f64(ctx.runtime.settings.wait_time_scale);
    // The poll waits for workers and executions of other processes: on the shared time.
    let clock = ctx.clock().clone();
    let now = || clock.shared_now();
    let deadline = now() + chrono::Duration::from_std(poll).unwrap_or(chrono::Duration::MAX);
    loop {
        if activity_store::get(&ctx.store, arn)?.is_none() {
            return Err(does_not_exist(arn));
        }
        if let Some(task) = task_tokens::claim_activity_task(&ctx.store, arn, worker, now())? {
            // Its ActivityStarted goes into the history where the execution runs.
            resume(ctx, &task.execution_arn)?;
            return Ok(json!({
                "taskToken": task.token,
                "input": task.input.unwrap_or_else(|| "{}".to_string()),
            }));
        }
        let left = (deadline - now()).to_std().unwrap_or_default();
        if left.is_zero() {
            // No task within the poll: AWS answers without a token.
            return Ok(json!({}));
        }
        clock.sleep(POLL_INTERVAL.min(left));
    }
}

pub(super) fn send_task_success(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    object(input)?;
    let token = task_token(input)?;
    let output = required_str(input, "output")?;
    check_length("output", output, MAX_OUTPUT)?;
    if serde_json::from_str::<Value>(output).is_err() {
        return Err(ApiError::new(
            ErrorCode::InvalidOutput,
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

pub(super) fn send_task_failure(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    object(input)?;
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

pub(super) fn send_task_heartbeat(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    object(input)?;
    let token = task_token(input)?;
    let now = ctx.clock().shared_now();
    let record = task_tokens::heartbeat(&ctx.store, token, now)?;
    check_open(token, record.as_ref(), now)?;
    Ok(json!({}))
}

fn deliver(ctx: &mut Context, token: &str, delivery: &Delivery) -> Result<Value, ApiError> {
    // Token deadlines are compared by every process: they go by the shared time.
    let now = ctx.clock().shared_now();
    let (record, delivered) = task_tokens::deliver(&ctx.store, token, delivery, now)?;
    let record = match record {
        Some(record) if delivered => record,
        record => {
            check_open(token, record.as_ref(), now)?;
            // Open and not expired yet not delivered: another process delivered it first.
            return Err(task_does_not_exist());
        }
    };
    // The execution's owner takes the outcome; with none, this process resumes it and
    // runs it to its next wait or its end.
    resume(ctx, &record.execution_arn)?;
    Ok(json!({}))
}

/// Runs the execution on with what was queued for it, unless a live process holds it
/// (that one applies it). A process that cannot serve the execution's Tasks here leaves
/// it queued for one that can.
fn resume(ctx: &mut Context, execution_arn: &str) -> Result<(), ApiError> {
    match ctx.runtime.drive_on(&ctx.store, execution_arn) {
        Ok(_) | Err(RuntimeError::Tasks(_)) => Ok(()),
        Err(e) => Err(e.into()),
    }
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
        return Err(ApiError::new(ErrorCode::TaskTimedOut, "Task Timed Out"));
    }
    if !record.status.is_open() {
        return Err(task_does_not_exist());
    }
    Ok(())
}

fn task_does_not_exist() -> ApiError {
    ApiError::new(ErrorCode::TaskDoesNotExist, "Task Does Not Exist")
}

/// AWS's answer to a token it cannot read [obs].
fn invalid_token() -> ApiError {
    ApiError::new(ErrorCode::InvalidToken, "Invalid Token: 'Invalid token'")
}

fn task_token(input: &Value) -> Result<&str, ApiError> {
    let token = required_str(input, "taskToken")?;
    if token.is_empty() {
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ));
    }
    check_length("taskToken", token, MAX_TOKEN)?;
    Ok(token)
}

fn check_length(field: &str, value: &str, max: usize) -> Result<(), ApiError> {
    if value.chars().count() > max {
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            format!("1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length less than or equal to {max}"),
        ));
    }
    Ok(())
}

/// A mock config or handlers file that cannot be used, or a `#<test case>` it lacks: the
/// request that starts the execution fails with the reason.
impl From<crate::tasks::TasksError> for ApiError {
    fn from(e: crate::tasks::TasksError) -> Self {
        ApiError::new(ErrorCode::ValidationException, e.to_string())
    }
}
