//! An execution's stored record and engine state: what a process that takes it over
//! rebuilds it from, and what each step writes back.
use serde_json::Value;

use super::sinks::BufferSink;
use super::RuntimeError;
use crate::asl::definition::{self, StateMachine};
use crate::clock::Clock;
use crate::engine::{self, Execution, ExecutionInfo, Progress};
use crate::store::executions::{self as exec_store, date_text, ExecutionRecord};

/// An execution as it stood right after `ExecutionStarted`, rebuilt from its record: how
/// a process that died before saving any progress left it.
pub(super) fn initial_execution(
    record: &ExecutionRecord,
    machine: &StateMachine,
    clock: &Clock,
) -> Result<Execution, RuntimeError> {
    let input_text = record.input.clone().unwrap_or_else(|| "{}".into());
    let input = serde_json::from_str(&input_text)
        .map_err(|e| RuntimeError::Internal(format!("stored execution input: {e}")))?;
    let start_millis = exec_store::parse_date(&record.start_date)
        .map(|d| d.timestamp_millis())
        .ok_or_else(|| RuntimeError::Internal("stored execution start date".into()))?;
    let arn_part = |i: usize| record.arn.split(':').nth(i).unwrap_or_default().to_string();
    let info = ExecutionInfo {
        execution_arn: record.arn.clone(),
        execution_name: record.name.clone(),
        state_machine_arn: record.state_machine_arn.clone(),
        state_machine_name: arn_part(6),
        role_arn: record.role_arn.clone(),
        input,
        input_text,
        start_millis,
        redrive_count: 0,
        region: arn_part(3),
        state_machine_version_arn: record.state_machine_version_arn.clone(),
        state_machine_alias_arn: record.state_machine_alias_arn.clone(),
    };
    // Its ExecutionStarted is in the store already.
    Ok(Execution::start(
        machine,
        info,
        clock,
        &mut BufferSink::default(),
    ))
}

pub(super) fn to_state(execution: &Execution) -> Result<String, RuntimeError> {
    serde_json::to_string(execution).map_err(|e| RuntimeError::Internal(e.to_string()))
}

/// Parses a stored definition for running it.
pub fn parse_stored(definition_text: &str) -> Result<StateMachine, RuntimeError> {
    let value: Value = definition::parse_text(definition_text)
        .map_err(|e| RuntimeError::Internal(format!("stored definition is not JSON: {e}")))?;
    definition::parse_owned(value).map_err(RuntimeError::InvalidDefinition)
}

/// The engine state a parked or ended execution was saved with, going by `clock`.
pub fn stored_execution(
    record: &ExecutionRecord,
    clock: &Clock,
) -> Result<Execution, RuntimeError> {
    let state = record.engine_state.as_deref().unwrap_or_default();
    let mut execution: Execution = serde_json::from_str(state)
        .map_err(|e| RuntimeError::Internal(format!("stored execution state: {e}")))?;
    execution.set_clock(clock);
    Ok(execution)
}

/// The engine state to keep for an execution that has just ended: an unsuccessful one
/// keeps it for a redrive; others keep nothing.
pub fn retained_state(execution: &Execution) -> Result<Option<String>, RuntimeError> {
    if !execution.can_redrive() || execution.info.execution_arn.contains(":express:") {
        return Ok(None);
    }
    to_state(execution).map(Some)
}

/// Copies the execution's status into its record (and its state, while it runs).
/// `output_text`: the output's JSON text when the caller has it already (the
/// `ExecutionSucceeded` event carries it; a large output is then not serialized again).
pub fn record_outcome(
    clock: &Clock,
    record: &mut ExecutionRecord,
    execution: &Execution,
    progress: &Progress,
    output_text: Option<String>,
) -> Result<(), RuntimeError> {
    record.status = execution.status.name().to_string();
    match &execution.status {
        engine::Status::Running => {
            record.engine_state = match progress {
                Progress::Parked { .. } => Some(to_state(execution)?),
                Progress::Finished => None,
            };
        }
        status => {
            record.stop_date = Some(date_text(clock.now()));
            // An unsuccessful execution keeps its state for RedriveExecution.
            record.engine_state = retained_state(execution)?;
            match status {
                engine::Status::Succeeded { output } => {
                    record.output =
                        Some(output_text.unwrap_or_else(|| crate::history::text::to_text(output)));
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
