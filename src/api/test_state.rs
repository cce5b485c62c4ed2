//! TestState: runs one state (a state's definition, or one state of a whole machine with
//! `stateName`) and answers its status, next state, output or error and, at the DEBUG and
//! TRACE levels, the data after each processing step. Nothing is stored.
//!
//! The request checks follow AWS's order and wording (recorded against the service); the
//! run itself is [`crate::engine::test_state`].
use serde_json::{json, Map, Value};

use super::ErrorCode;
use super::{ApiError, Context};
use crate::asl::definition::{self, Document, Kind, State, StateMachine};
use crate::asl::validate::{self, MachineType};
use crate::asl::StatesError;
use crate::engine::exec::MAX_PAYLOAD_BYTES;
use crate::engine::test_state::{self as runner, Mock, Outcome, TestRun};
use crate::history::text::to_text;
use crate::tasks;

mod mock_shapes;

/// The name a lone state gets in the machine it is validated and run in. AWS shows the
/// same name in the context object (`$$.State.Name`).
const LONE_STATE: &str = "StateName";

fn validation(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::ValidationException, message)
}

fn invalid_definition(message: impl Into<String>) -> ApiError {
    ApiError::new(ErrorCode::InvalidDefinition, message)
}

fn string_member<'a>(input: &'a Value, key: &str) -> Result<Option<&'a str>, ApiError> {
    match input.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(ApiError::parameter(format!(
            "Invalid type for parameter {key}, value: {other}, type: {}, valid types: <class 'str'>",
            type_name(other)
        ))),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

pub(super) fn test_state(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let definition_text = string_member(input, "definition")?.ok_or_else(|| {
        ApiError::parameter("Missing required parameter in input: \"definition\"")
    })?;
    let state_name = string_member(input, "stateName")?;
    let level = string_member(input, "inspectionLevel")?.unwrap_or("INFO");
    if !["INFO", "DEBUG", "TRACE"].contains(&level) {
        return Err(validation(format!(
            "1 validation error detected: Value '{level}' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]"
        )));
    }
    let (machine, state_path) = load_definition(definition_text, state_name)?;
    let state =
        locate(&machine, &state_path).ok_or_else(|| validation("State not found in definition"))?;

    let mock = read_mock(input, state)?;
    let role_arn = string_member(input, "roleArn")?;
    match role_arn {
        Some(arn) if !arn.starts_with("arn:") => {
            return Err(ApiError::new(
                ErrorCode::InvalidArn,
                format!(
                    "Invalid Arn: 'Invalid ARN prefix: {}'",
                    crate::asl::error::quote(arn)
                ),
            ))
        }
        None if matches!(state.kind, Kind::Task(_)) && mock.is_none() => {
            return Err(validation(
                "RoleArn must be specified when testing a Task state",
            ))
        }
        _ => {}
    }

    let input_text = string_member(input, "input")?.unwrap_or("{}");
    if input_text.len() > MAX_PAYLOAD_BYTES {
        return Err(ApiError::new(
            ErrorCode::InvalidExecutionInput,
            "Execution input exceeds the maximum size of 262144 bytes",
        ));
    }
    let state_input: Value = serde_json::from_str(input_text).map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidExecutionInput,
            format!("Invalid State Machine Execution Input: '{e}'"),
        )
    })?;
    let variables = match string_member(input, "variables")? {
        None => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err(validation("Variables must be a JSON object")),
            Err(e) => return Err(validation(format!("Invalid variables: '{e}'"))),
        },
    };
    let config = input
        .get("stateConfiguration")
        .cloned()
        .unwrap_or(json!({}));
    let count = |key: &str| -> Result<Option<u64>, ApiError> {
        match config.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v.as_u64().map(Some).ok_or_else(|| {
                ApiError::parameter(format!(
                    "Invalid value for parameter stateConfiguration.{key}, value: {v}, valid min value: 0"
                ))
            }),
        }
    };
    let retrier_retry_count = count("retrierRetryCount")?.unwrap_or(0) as u32;
    let map_iteration_failure_count = count("mapIterationFailureCount")?;
    let map_item_reader_data = match config.get("mapItemReaderData").and_then(Value::as_str) {
        None => None,
        Some(text) => Some(
            serde_json::from_str::<Value>(text)
                .map_err(|_| validation("mapItemReaderData must be valid JSON"))?,
        ),
    };
    if let Some(name) = config.get("errorCausedByState").and_then(Value::as_str) {
        if !names_state(&machine, name) {
            return Err(validation(format!(
                "errorCausedByState '{}' is not a state of the definition",
                crate::asl::error::quote(name)
            )));
        }
    }

    let state_machine_name = uuid::Uuid::new_v4().to_string();
    let execution_name = uuid::Uuid::new_v4().to_string();
    let execution_arn = ctx.arn(&format!("express:{state_machine_name}:{execution_name}"));
    let context = match string_member(input, "context")? {
        Some(text) => read_context(text, state)?,
        None => {
            let now = ctx.now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
            let mut state_ctx = Map::new();
            state_ctx.insert("Name".into(), LONE_STATE.into());
            state_ctx.insert("EnteredTime".into(), now.clone().into());
            if matches!(
                state.kind,
                Kind::Task(_) | Kind::Parallel { .. } | Kind::Map(_)
            ) {
                state_ctx.insert("RetryCount".into(), retrier_retry_count.into());
            }
            json!({
                "Execution": {
                    "Id": execution_arn,
                    "Input": state_input,
                    "Name": execution_name,
                    "RoleArn": role_arn,
                    "StartTime": now,
                },
                "StateMachine": {
                    "Id": ctx.arn(&format!("stateMachine:{state_machine_name}")),
                    "Name": state_machine_name,
                },
                "State": state_ctx,
            })
        }
    };

    let task_runner = tasks::runner_with(
        ctx.runtime.settings.mock_config.as_deref(),
        ctx.runtime.settings.handlers.as_deref(),
        &state_machine_name,
        None,
        &ctx.runtime.settings.aws,
    )?;
    let mock_value = match &mock {
        Some(Mock::Result(v)) => Some(v.clone()),
        _ => None,
    };
    let outcome = runner::run(&TestRun {
        state,
        input: state_input.clone(),
        context,
        variables,
        mock,
        retrier_retry_count,
        map_iteration_failure_count,
        map_item_reader_data,
        tasks: task_runner.as_ref(),
        execution_arn: &execution_arn,
        state_machine_name: &state_machine_name,
        clock: ctx.clock(),
    })
    .map_err(|e| validation(e.0))?;

    let texts = Texts {
        input: (&state_input, input_text),
        mock: mock_value
            .as_ref()
            .zip(input.pointer("/mock/result").and_then(Value::as_str)),
    };
    Ok(render(&outcome, level != "INFO", &texts))
}

/// Where the state under test is: its block and name.
struct StatePath {
    block: usize,
    name: String,
}

fn locate<'m>(machine: &'m StateMachine, path: &StatePath) -> Option<&'m State> {
    machine.state(path.block, &path.name)
}

fn names_state(machine: &StateMachine, name: &str) -> bool {
    machine.blocks.iter().any(|b| b.states.contains_key(name))
}

/// Validates the definition (a whole machine with `stateName`, else one state, which is
/// validated inside a machine of its own) and finds the state to test.
fn load_definition(
    text: &str,
    state_name: Option<&str>,
) -> Result<(StateMachine, StatePath), ApiError> {
    let machine_text = match state_name {
        Some(_) => text.to_string(),
        None => {
            let state: Value = definition::parse_text(text).map_err(|_| {
                let diagnostics = validate::validate(text, MachineType::Standard);
                invalid_definition(validate::invalid_definition_message(&diagnostics))
            })?;
            to_text(&lone_state_machine(state))
        }
    };
    // Parsed once: the validator and the definition read the same document.
    let invalid = |diagnostics: &[validate::Diagnostic]| {
        invalid_definition(validate::invalid_definition_message(diagnostics))
    };
    let document =
        Document::parse(&machine_text).map_err(|e| invalid(&[validate::syntax_error(e)]))?;
    let diagnostics = validate::check(&document, MachineType::Standard);
    if validate::has_errors(&diagnostics) {
        return Err(invalid(&diagnostics));
    }
    let machine =
        definition::parse_document(&document).map_err(|e| invalid_definition(e.to_string()))?;
    let path = match state_name {
        None => StatePath {
            block: 0,
            name: LONE_STATE.into(),
        },
        Some(name) => machine
            .blocks
            .iter()
            .position(|b| b.states.contains_key(name))
            .map(|block| StatePath {
                block,
                name: name.to_string(),
            })
            .ok_or_else(|| validation("State not found in definition"))?,
    };
    Ok((machine, path))
}

/// A machine that starts at `state`, with a Succeed state standing in for every state it
/// may go to: its transitions are checked as they are written, its targets need not exist.
fn lone_state_machine(state: Value) -> Value {
    let mut targets: Vec<String> = Vec::new();
    let mut add = |v: Option<&Value>| {
        if let Some(name) = v.and_then(Value::as_str) {
            if name != LONE_STATE && !targets.iter().any(|t| t == name) {
                targets.push(name.to_string());
            }
        }
    };
    add(state.get("Next"));
    add(state.get("Default"));
    for list in ["Choices", "Catch"] {
        if let Some(Value::Array(items)) = state.get(list) {
            for item in items {
                add(item.get("Next"));
            }
        }
    }
    let mut states = Map::new();
    states.insert(LONE_STATE.into(), state);
    for target in targets {
        states.insert(target, json!({"Type": "Succeed"}));
    }
    json!({"StartAt": LONE_STATE, "States": states})
}

/// `mock`: AWS's checks, in its order.
fn read_mock(input: &Value, state: &State) -> Result<Option<Mock>, ApiError> {
    let mock = match input.get("mock") {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => Some(m),
        Some(other) => {
            return Err(ApiError::parameter(format!(
                "Invalid type for parameter mock, value: {other}, type: {}, valid types: <class 'dict'>",
                type_name(other)
            )))
        }
    };
    let Some(mock) = mock else {
        if matches!(state.kind, Kind::Map(_) | Kind::Parallel { .. }) {
            return Err(invalid_definition(
                "TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]",
            ));
        }
        return Ok(None);
    };
    if !matches!(
        state.kind,
        Kind::Task(_) | Kind::Map(_) | Kind::Parallel { .. }
    ) {
        return Err(validation(format!(
            "State type '{}' is not supported when a mock is specified",
            state.kind.type_name()
        )));
    }
    if input.get("revealSecrets").and_then(Value::as_bool) == Some(true) {
        return Err(validation(
            "TestState does not support RevealSecrets when a mock is specified.",
        ));
    }
    let result = mock.get("result").and_then(Value::as_str);
    let error_output = mock.get("errorOutput").filter(|v| !v.is_null());
    if result.is_some() == error_output.is_some() {
        return Err(validation(
            "A test mock should have only one of the following fields: [result, errorOutput].",
        ));
    }
    if let Some(error_output) = error_output {
        let text = |key: &str| {
            error_output
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        return Ok(Some(Mock::Error(StatesError {
            error: text("error"),
            cause: text("cause"),
        })));
    }
    let text = result.unwrap_or_default();
    let value: Value =
        serde_json::from_str(text).map_err(|_| validation("Mocked result must be valid JSON"))?;
    match &state.kind {
        Kind::Map(map) if map.result_writer.is_some() && !value.is_object() => {
            return Err(validation("Mocked result must be a JSON object."));
        }
        Kind::Map(map) if map.result_writer.is_none() && !value.is_array() => {
            return Err(validation("Mocked result must be an array."));
        }
        Kind::Parallel { branches } => match &value {
            Value::Array(items) if items.len() == branches.len() => {}
            Value::Array(_) => {
                return Err(validation(
                    "Mocked result must contain the same number of items as number of Parallel branches.",
                ))
            }
            _ => return Err(validation("Mocked result must be an array.")),
        },
        Kind::Task(task) => {
            let mode = mock
                .get("fieldValidationMode")
                .and_then(Value::as_str)
                .unwrap_or("STRICT");
            if !["STRICT", "PRESENT", "NONE"].contains(&mode) {
                return Err(validation(format!(
                    "1 validation error detected: Value '{mode}' at 'mock.fieldValidationMode' failed to satisfy constraint: Member must satisfy enum value set: [STRICT, PRESENT, NONE]"
                )));
            }
            if mode != "NONE" {
                if let Some((resource_type, resource)) = task.resource.integration() {
                    mock_shapes::check(resource_type, resource, &value, mode == "STRICT")
                        .map_err(|m| validation(format!("Mock result schema validation error: {m}")))?;
                }
            }
        }
        _ => {}
    }
    Ok(Some(Mock::Result(value)))
}

/// `context`: a whole context object, checked field by field as AWS checks it.
fn read_context(text: &str, state: &State) -> Result<Value, ApiError> {
    let invalid = |m: String| validation(format!("Invalid Context object provided: {m}"));
    let value: Value = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
    let Value::Object(top) = &value else {
        return Err(invalid("Context object must be a JSON object".into()));
    };
    let token_task = match &state.kind {
        Kind::Task(task) => task.resource.needs_token(),
        _ => false,
    };
    let allowed: &[(&str, &[(&str, &str)])] = &[
        (
            "Execution",
            &[
                ("Id", "string"),
                ("Input", "any"),
                ("Name", "string"),
                ("RoleArn", "string"),
                ("StartTime", "string"),
                ("RedriveCount", "number"),
                ("RedriveTime", "string"),
            ],
        ),
        (
            "State",
            &[
                ("EnteredTime", "string"),
                ("Name", "string"),
                ("RetryCount", "number"),
            ],
        ),
        ("StateMachine", &[("Id", "string"), ("Name", "string")]),
        ("Task", &[("Token", "string")]),
    ];
    for (key, fields) in top {
        if key == "Map" {
            return Err(invalid(
                "'Map' field is not supported when mocking a Context object".into(),
            ));
        }
        if key == "Task" && !token_task {
            return Err(invalid("Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern".into()));
        }
        let Some((_, members)) = allowed.iter().find(|(k, _)| k == key) else {
            return Err(invalid(format!("Field '{key}' is not allowed")));
        };
        let Value::Object(fields) = fields else {
            return Err(invalid(format!("{key} must be an object")));
        };
        for (field, v) in fields {
            let Some((_, kind)) = members.iter().find(|(f, _)| f == field) else {
                return Err(invalid(format!("Field '{field}' is not allowed")));
            };
            let ok = match *kind {
                "string" => v.is_string(),
                "number" => v.is_number(),
                _ => true,
            };
            if !ok {
                return Err(invalid(format!("{key}.{field} must be a {kind}")));
            }
        }
    }
    Ok(value)
}

/// Payloads given as text keep that text when they come out unchanged (AWS echoes a
/// mocked result or the input as it was written); others are compact JSON.
struct Texts<'a> {
    input: (&'a Value, &'a str),
    mock: Option<(&'a Value, &'a str)>,
}

impl Texts<'_> {
    fn show(&self, value: &Value) -> String {
        if let Some((mock, text)) = self.mock {
            if value == mock {
                return text.to_string();
            }
        }
        if value == self.input.0 {
            return self.input.1.to_string();
        }
        to_text(value)
    }
}

fn render(outcome: &Outcome, inspect: bool, texts: &Texts) -> Value {
    let mut out = Map::new();
    if let Some(output) = &outcome.output {
        out.insert("output".into(), texts.show(output).into());
    }
    if let Some(error) = &outcome.error {
        out.insert("error".into(), error.clone().into());
    }
    if let Some(cause) = &outcome.cause {
        out.insert("cause".into(), cause.clone().into());
    }
    if inspect {
        let i = &outcome.inspection;
        let mut data = Map::new();
        for (key, value) in &i.data {
            data.insert((*key).into(), texts.show(value).into());
        }
        if !i.error_details.is_empty() {
            data.insert(
                "errorDetails".into(),
                Value::Object(i.error_details.clone()),
            );
        }
        if let Some(n) = i.tolerated_failure_count {
            data.insert("toleratedFailureCount".into(), n.into());
        }
        if let Some(p) = i.tolerated_failure_percentage {
            data.insert("toleratedFailurePercentage".into(), json!(p));
        }
        if let Some(n) = i.max_concurrency {
            data.insert("maxConcurrency".into(), n.into());
        }
        out.insert("inspectionData".into(), Value::Object(data));
    }
    if let Some(next) = &outcome.next_state {
        out.insert("nextState".into(), next.clone().into());
    }
    out.insert("status".into(), outcome.status.name().into());
    Value::Object(out)
}
