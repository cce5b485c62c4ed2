//! StartSyncExecution: runs an Express execution to its end and answers with its outcome,
//! and the rules Express executions follow everywhere (the 5-minute limit, ARNs that
//! the execution operations do not take).
//!
//! Express executions keep no history in AWS (only CloudWatch Logs), so a synchronous
//! one is not stored: DescribeExecution, GetExecutionHistory and StopExecution answer
//! InvalidArn for any express ARN anyway.
use serde_json::{json, Map, Value};

use super::ErrorCode;
use super::{timestamp, ApiError, Context};
use crate::asl::definition::StateMachine;
use crate::engine::{self, Progress};

/// Express executions end after 5 minutes at most.
pub const EXPRESS_MAX_SECONDS: u64 = 300;
/// AWS bills Express executions in 100 ms steps and 64 MB steps of memory.
const BILLING_STEP_MS: i64 = 100;
const BILLED_MEMORY_MB: i64 = 64;

/// The error AWS gives the execution operations for an express ARN.
pub fn express_arn_error() -> ApiError {
    ApiError::new(
        ErrorCode::InvalidArn,
        "Invalid Arn: 'Resource type not valid in this context: express'",
    )
}

/// Whether `arn` names an Express execution (`arn:…:express:<sm>:<name>:<id>`).
pub fn is_express_arn(arn: &str) -> bool {
    arn.split(':').nth(5) == Some("express")
}

/// Applies the Express duration limit: the machine's `TimeoutSeconds`, at most 5 minutes.
pub fn limit_duration(machine: &mut StateMachine) {
    machine.timeout_seconds = Some(
        machine
            .timeout_seconds
            .map_or(EXPRESS_MAX_SECONDS, |s| s.min(EXPRESS_MAX_SECONDS)),
    );
}

/// Billed duration: the run time rounded up to the next 100 ms (at least 100 ms).
fn billed_duration_ms(elapsed_ms: i64) -> i64 {
    let steps = (elapsed_ms.max(1) + BILLING_STEP_MS - 1) / BILLING_STEP_MS;
    steps * BILLING_STEP_MS
}

pub(super) fn start_sync_execution(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let machine_arn = input
        .get("stateMachineArn")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            ApiError::parameter("Missing required parameter in input: \"stateMachineArn\"")
        })?;
    let str_member = |key: &str| input.get(key).and_then(Value::as_str);
    let (machine_arn, test_case) = super::executions::split_test_case(machine_arn);
    let parsed_arn = super::Arn::parse(machine_arn)?;
    if parsed_arn.resource_type != "stateMachine" {
        return Err(ApiError::new(
            ErrorCode::InvalidArn,
            format!("Invalid Arn: '{}'", crate::asl::error::quote(machine_arn)),
        ));
    }
    let resolved = super::executions::machine_to_run(ctx, machine_arn)?;
    let machine = &resolved.machine;
    if machine.machine_type != "EXPRESS" {
        return Err(ApiError::new(
            ErrorCode::StateMachineTypeNotSupported,
            "This operation is not supported by this type of state machine",
        ));
    }
    let name = super::executions::execution_name(str_member("name"))?;
    let (input_text, input_value) = super::executions::execution_input(str_member("input"))?;
    let metadata_only = match str_member("includedData") {
        None | Some("ALL_DATA") => false,
        Some("METADATA_ONLY") => true,
        Some(other) => {
            return Err(ApiError::new(
                ErrorCode::ValidationException,
                format!("1 validation error detected: Value '{}' at 'includedData' failed to satisfy constraint: Member must satisfy enum value set: [METADATA_ONLY, ALL_DATA]", crate::asl::error::quote(other)),
            ))
        }
    };
    let mut parsed = super::executions::parse_stored(&machine.definition)?;
    limit_duration(&mut parsed);

    let execution_arn = super::executions::express_arn(ctx, &machine.name, &name);
    let started = ctx.now();
    let info = super::executions::execution_info(
        ctx,
        &resolved,
        &execution_arn,
        &name,
        (&input_text, input_value),
        started,
    );
    let (execution, progress) = ctx
        .runtime
        .run_express(&ctx.store, &parsed, info, test_case)?;
    let stopped = ctx.now();
    let (status, output, error, cause) = match (&progress, &execution.status) {
        (_, engine::Status::Succeeded { output }) => (
            "SUCCEEDED",
            Some(crate::history::text::to_text(output)),
            None,
            None,
        ),
        (_, engine::Status::TimedOut { error, cause }) => {
            ("TIMED_OUT", None, error.clone(), cause.clone())
        }
        (_, engine::Status::Failed { error, cause } | engine::Status::Aborted { error, cause }) => {
            ("FAILED", None, error.clone(), cause.clone())
        }
        // Express machines cannot wait for callbacks or activities (validation rejects
        // them), so a run that parks is a task runner answering "later": report it.
        (Progress::Parked { .. }, engine::Status::Running) | (_, engine::Status::Running) => (
            "FAILED",
            None,
            Some("States.Runtime".to_string()),
            Some("An Express execution cannot wait for a task outcome.".to_string()),
        ),
    };
    let mut out = Map::new();
    out.insert("executionArn".into(), execution_arn.into());
    out.insert("stateMachineArn".into(), machine_arn.into());
    out.insert("name".into(), name.into());
    out.insert("startDate".into(), timestamp(started).into());
    out.insert("stopDate".into(), timestamp(stopped).into());
    out.insert("status".into(), status.into());
    if let Some(e) = error {
        out.insert("error".into(), e.into());
    }
    if let Some(c) = cause {
        out.insert("cause".into(), c.into());
    }
    if !metadata_only {
        out.insert("input".into(), input_text.into());
    }
    out.insert("inputDetails".into(), json!({ "included": !metadata_only }));
    if let Some(o) = output {
        if !metadata_only {
            out.insert("output".into(), o.into());
        }
        out.insert(
            "outputDetails".into(),
            json!({ "included": !metadata_only }),
        );
    }
    if let Some(t) = str_member("traceHeader") {
        out.insert("traceHeader".into(), t.into());
    }
    let elapsed = (ctx.now() - started).num_milliseconds();
    out.insert(
        "billingDetails".into(),
        json!({
            "billedMemoryUsedInMB": BILLED_MEMORY_MB,
            "billedDurationInMilliseconds": billed_duration_ms(elapsed),
        }),
    );
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::definition;

    #[test]
    fn billing_rounds_up_to_100_ms() {
        assert_eq!(billed_duration_ms(0), 100);
        assert_eq!(billed_duration_ms(1), 100);
        assert_eq!(billed_duration_ms(100), 100);
        assert_eq!(billed_duration_ms(101), 200);
        assert_eq!(billed_duration_ms(2_345), 2_400);
    }

    #[test]
    fn express_arns_are_recognised() {
        assert!(is_express_arn(
            "arn:aws:states:us-east-1:123456789012:express:m:e:0a1b"
        ));
        assert!(!is_express_arn(
            "arn:aws:states:us-east-1:123456789012:execution:m:e"
        ));
    }

    #[test]
    fn the_duration_limit_is_five_minutes() {
        let mut m = definition::parse(&json!({"StartAt": "P", "TimeoutSeconds": 900,
            "States": {"P": {"Type": "Pass", "End": true}}}))
        .unwrap();
        limit_duration(&mut m);
        assert_eq!(m.timeout_seconds, Some(300));
        m.timeout_seconds = Some(10);
        limit_duration(&mut m);
        assert_eq!(m.timeout_seconds, Some(10));
        m.timeout_seconds = None;
        limit_duration(&mut m);
        assert_eq!(m.timeout_seconds, Some(300));
    }
}
