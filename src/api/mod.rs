//! One function per AWS Step Functions operation. Requests and responses are the AWS
//! model's shapes (camelCase JSON); errors carry AWS error codes. No terminal, no clap: an
//! HTTP front end could call [`call`] as it is.
pub mod activities;
pub mod aliases;
pub mod error;
pub mod executions;
pub mod functions;
pub mod map_runs;
mod model_enums;
pub mod people;
pub mod redrive;
pub mod state_machines;
pub mod sync_executions;
pub mod tags;
pub mod task_tokens;
pub mod test_state;
pub mod validation;
pub mod versions;

pub use error::{ApiError, Code, ErrorCode, ErrorKind};
pub use model_enums::Operation;

use base64::Engine;
use chrono::{DateTime, Local, SubsecRound, Utc};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::clock::Clock;
use crate::engine::EventSink;
use crate::runtime::{Runtime, Settings};
use crate::store::Store;

/// Everything an operation needs besides its request.
pub struct Context {
    pub store: Store,
    pub region: String,
    pub account: String,
    /// Runs the executions: its settings (mocks, handlers, wait scale...) come resolved
    /// from the front end.
    pub runtime: Runtime,
    /// Seed for random choices (alias routing by weight); `None`: truly random.
    pub random_seed: Option<String>,
    /// Sees every history event of the executions this context runs, as the engine emits
    /// it (a progress display); `None` costs nothing.
    pub observer: Option<Box<dyn EventSink>>,
}

impl Context {
    pub fn new(store: Store) -> Context {
        Context::with_settings(store, Settings::default())
    }

    pub fn with_settings(store: Store, settings: Settings) -> Context {
        Context {
            store,
            region: "us-east-1".into(),
            account: "123456789012".into(),
            runtime: Runtime::new(settings),
            random_seed: None,
            observer: None,
        }
    }

    /// What this context's dates and deadlines go by.
    pub fn clock(&self) -> &Clock {
        &self.runtime.settings.clock
    }

    /// The current time at the millisecond precision AWS keeps.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock().now().trunc_subsecs(3)
    }

    /// `arn:aws:states:<region>:<account>:<resource>`.
    pub fn arn(&self, resource: &str) -> String {
        format!(
            "arn:aws:states:{}:{}:{}",
            self.region, self.account, resource
        )
    }
}

/// False for operations that only compute an answer from their request (validation,
/// test-state): they must never read or write the user's store.
pub fn uses_store(operation: Operation) -> bool {
    !matches!(
        operation,
        Operation::ValidateStateMachineDefinition | Operation::TestState
    )
}

/// Runs `operation` (an API name such as `CreateStateMachine`) on a JSON request.
/// [`dispatch`] says which group module answers it.
pub fn call(ctx: &mut Context, operation: &str, input: Value) -> Result<Value, ApiError> {
    let Some(operation) = Operation::parse(operation) else {
        return Err(ApiError::unknown_operation(operation));
    };
    // Deadlines of waiting tasks fire even when no one calls: every command that uses the
    // store first times out what is due and resumes the executions concerned.
    if uses_store(operation) {
        ctx.runtime.sweep(&ctx.store)?;
    }
    dispatch(ctx, operation, &input)
}

/// The one place that says which function answers each operation (every operation of
/// the model has one: the match is exhaustive).
fn dispatch(ctx: &mut Context, operation: Operation, input: &Value) -> Result<Value, ApiError> {
    use Operation as Op;
    match operation {
        Op::CreateStateMachine => typed(ctx, input, state_machines::create),
        Op::DescribeStateMachine => typed(ctx, input, state_machines::describe),
        Op::ListStateMachines => typed(ctx, input, state_machines::list),
        Op::UpdateStateMachine => typed(ctx, input, state_machines::update),
        Op::DeleteStateMachine => typed(ctx, input, state_machines::delete),
        Op::TagResource => typed(ctx, input, tags::tag),
        Op::UntagResource => typed(ctx, input, tags::untag),
        Op::ListTagsForResource => typed(ctx, input, tags::list),
        Op::StartExecution => executions::start_execution(ctx, input),
        Op::DescribeExecution => executions::describe_execution(ctx, input),
        Op::GetExecutionHistory => executions::get_execution_history(ctx, input),
        Op::ListExecutions => executions::list_executions(ctx, input),
        Op::DescribeStateMachineForExecution => {
            executions::describe_state_machine_for_execution(ctx, input)
        }
        Op::StopExecution => executions::stop_execution(ctx, input),
        Op::ValidateStateMachineDefinition => validation::validate_state_machine_definition(input),
        Op::CreateActivity => activities::create_activity(ctx, input),
        Op::DescribeActivity => activities::describe_activity(ctx, input),
        Op::ListActivities => activities::list_activities(ctx, input),
        Op::DeleteActivity => activities::delete_activity(ctx, input),
        Op::GetActivityTask => task_tokens::get_activity_task(ctx, input),
        Op::SendTaskSuccess => task_tokens::send_task_success(ctx, input),
        Op::SendTaskFailure => task_tokens::send_task_failure(ctx, input),
        Op::SendTaskHeartbeat => task_tokens::send_task_heartbeat(ctx, input),
        Op::PublishStateMachineVersion => typed(ctx, input, versions::publish_version),
        Op::ListStateMachineVersions => typed(ctx, input, versions::list_versions),
        Op::DeleteStateMachineVersion => typed(ctx, input, versions::delete_version),
        Op::CreateStateMachineAlias => typed(ctx, input, aliases::create_alias),
        Op::DescribeStateMachineAlias => typed(ctx, input, aliases::describe_alias),
        Op::UpdateStateMachineAlias => typed(ctx, input, aliases::update_alias),
        Op::DeleteStateMachineAlias => typed(ctx, input, aliases::delete_alias),
        Op::ListStateMachineAliases => typed(ctx, input, aliases::list_aliases),
        Op::TestState => test_state::test_state(ctx, input),
        Op::StartSyncExecution => sync_executions::start_sync_execution(ctx, input),
        Op::RedriveExecution => redrive::redrive_execution(ctx, input),
        Op::DescribeMapRun => map_runs::describe_map_run(ctx, input),
        Op::ListMapRuns => map_runs::list_map_runs(ctx, input),
        Op::UpdateMapRun => map_runs::update_map_run(ctx, input),
    }
}

/// Runs an operation whose request and response have typed shapes: the request read
/// into `I`, the answer `O` written back as JSON.
fn typed<I: DeserializeOwned, O: Serialize>(
    ctx: &mut Context,
    input: &Value,
    run: fn(&mut Context, I) -> Result<O, ApiError>,
) -> Result<Value, ApiError> {
    response(&run(ctx, request(input)?)?)
}

/// Timestamps in responses, as the AWS CLI v2 prints the milliseconds AWS keeps: Python's
/// `isoformat()` in the local time zone, which writes microseconds and leaves them out
/// when there are none (`2026-11-29T22:46:17.123000+00:00`, `2026-11-29T22:46:17+00:00`).
pub fn timestamp(at: DateTime<Utc>) -> String {
    let at = at.trunc_subsecs(3).with_timezone(&Local);
    if at.timestamp_subsec_micros() == 0 {
        at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    } else {
        at.format("%Y-%m-%dT%H:%M:%S%.6f%:z").to_string()
    }
}

/// A date the store wrote, as responses print it. One that does not parse (the store
/// writes none) prints as the epoch: a fixed, visibly wrong date rather than a failed
/// answer or the time of the call.
pub fn stored_date(text: &str) -> Value {
    Value::String(timestamp(
        crate::store::executions::parse_date(text).unwrap_or_default(),
    ))
}

/// Reads a request into its typed input shape (`CreateStateMachineInput`...).
pub fn request<T: DeserializeOwned>(input: &Value) -> Result<T, ApiError> {
    serde_json::from_value(input.clone()).map_err(|e| ApiError::parameter(e.to_string()))
}

/// Writes a typed output shape as the JSON response.
pub fn response<T: Serialize>(output: &T) -> Result<Value, ApiError> {
    serde_json::to_value(output).map_err(|e| ApiError::internal(e.to_string()))
}

/// Checks a resource name (state machine, execution, activity, alias) against AWS's rules:
/// 1-80 characters, none of whitespace, `< > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /` or
/// control characters. Answers `InvalidName` (or `ValidationException` for the length).
pub fn check_name(name: &str) -> Result<(), ApiError> {
    let len = name.chars().count();
    if len > 80 {
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            format!(
                "1 validation error detected: Value '{}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80",
                crate::asl::error::quote(name)
            ),
        ));
    }
    let forbidden = |c: char| {
        c.is_whitespace()
            || "<>{}[]?*\"#%\\^|~`$&,;:/".contains(c)
            || ('\u{0}'..='\u{1f}').contains(&c)
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{fffe}'..='\u{ffff}').contains(&c)
    };
    if len == 0 || name.chars().any(forbidden) {
        return Err(ApiError::new(
            ErrorCode::InvalidName,
            format!("Invalid Name: '{}'", crate::asl::error::quote(name)),
        ));
    }
    Ok(())
}

/// A Step Functions ARN taken apart:
/// `arn:<partition>:states:<region>:<account>:<resource_type>:<name>[:<qualifier>]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn {
    pub region: String,
    pub account: String,
    /// `stateMachine`, `execution`, `express`, `activity`, `mapRun`...
    pub resource_type: String,
    /// Everything after the resource type (`name`, `name:qualifier`, `sm:exec`...).
    pub resource: String,
}

impl Arn {
    /// Parses a `states` ARN; `InvalidArn` with AWS's message otherwise.
    pub fn parse(arn: &str) -> Result<Arn, ApiError> {
        let invalid =
            |why: String| ApiError::new(ErrorCode::InvalidArn, format!("Invalid Arn: '{why}'"));
        let parts: Vec<&str> = arn.splitn(7, ':').collect();
        if parts.first() != Some(&"arn") {
            return Err(invalid(format!(
                "Invalid ARN prefix: {}",
                crate::asl::error::quote(arn)
            )));
        }
        if parts.len() < 7 || parts[2] != "states" || parts[6].is_empty() {
            return Err(invalid(format!(
                "Resource type not valid in this context: {}",
                crate::asl::error::quote(arn)
            )));
        }
        Ok(Arn {
            region: parts[3].to_string(),
            account: parts[4].to_string(),
            resource_type: parts[5].to_string(),
            resource: parts[6].to_string(),
        })
    }

    /// Parses an ARN that must be of `resource_type` (`InvalidArn` otherwise, as AWS says
    /// it: `Resource type not valid in this context: <type>`).
    pub fn parse_as(arn: &str, resource_type: &str) -> Result<Arn, ApiError> {
        let parsed = Arn::parse(arn)?;
        if parsed.resource_type != resource_type {
            return Err(ApiError::new(
                ErrorCode::InvalidArn,
                format!(
                    "Invalid Arn: 'Resource type not valid in this context: {}'",
                    crate::asl::error::quote(&parsed.resource_type)
                ),
            ));
        }
        Ok(parsed)
    }
}

/// Page size from a request's `maxResults`: 0 or absent means the default of 100, the
/// maximum is 1000 (as the service enforces).
pub fn page_size(max_results: Option<i64>) -> Result<usize, ApiError> {
    match max_results {
        None | Some(0) => Ok(100),
        Some(n) if n < 0 => Err(ApiError::new(
            ErrorCode::ValidationException,
            format!("1 validation error detected: Value '{n}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0"),
        )),
        Some(n) if n > 1000 => Err(ApiError::new(
            ErrorCode::ValidationException,
            format!("1 validation error detected: Value '{n}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"),
        )),
        Some(n) => Ok(n as usize),
    }
}

/// A request as the JSON object it must be.
pub(crate) fn object(input: &Value) -> Result<&serde_json::Map<String, Value>, ApiError> {
    input
        .as_object()
        .ok_or_else(|| ApiError::parameter("the request must be a JSON object"))
}

/// A required string member of a request, with botocore's errors when it is missing or
/// not a string.
pub(crate) fn required_str<'v>(input: &'v Value, field: &str) -> Result<&'v str, ApiError> {
    match object(input)?.get(field) {
        Some(Value::String(s)) => Ok(s),
        None | Some(Value::Null) => Err(ApiError::parameter(format!(
            "Missing required parameter in input: \"{field}\""
        ))),
        Some(_) => Err(ApiError::parameter(format!(
            "Invalid type for parameter {field}, value must be a string"
        ))),
    }
}

/// An optional string member of a request (`None` when absent or null).
pub(crate) fn optional_str<'v>(input: &'v Value, field: &str) -> Result<Option<&'v str>, ApiError> {
    match object(input)?.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => required_str(input, field).map(Some),
    }
}

/// The page size of an untyped request: its `maxResults` through [`page_size`].
pub(crate) fn requested_page_size(input: &Value) -> Result<usize, ApiError> {
    let max_results = match object(input)?.get("maxResults") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_i64().ok_or_else(|| {
            ApiError::parameter("Invalid type for parameter maxResults, value must be an integer")
        })?),
    };
    page_size(max_results)
}

/// The page start of an untyped request over a list paged by offset: the offset its
/// `nextToken` carries, 0 without one.
pub(crate) fn requested_offset(input: &Value) -> Result<usize, ApiError> {
    let Some(token) = optional_str(input, "nextToken")? else {
        return Ok(0);
    };
    token_number(token)
}

/// The number a `nextToken` carries; `InvalidToken` for any other token.
pub(crate) fn token_number<N: std::str::FromStr>(token: &str) -> Result<N, ApiError> {
    decode_token(token)?.parse::<N>().map_err(|_| {
        ApiError::new(
            ErrorCode::InvalidToken,
            format!("Invalid Token: '{}'", crate::asl::error::quote(token)),
        )
    })
}

/// One page of a list paged by key: `rows`, read with one more than `size` to tell
/// whether another page follows, cut to `size`; with the `nextToken` of the page after
/// (the `key` of this page's last row) when one does.
pub(crate) fn keyed_page<T>(
    mut rows: Vec<T>,
    size: usize,
    key: impl Fn(&T) -> String,
) -> (Vec<T>, Option<String>) {
    if rows.len() <= size {
        return (rows, None);
    }
    rows.truncate(size);
    let next_token = rows.last().map(|row| encode_token(&key(row)));
    (rows, next_token)
}

/// An opaque `nextToken` carrying the key where the next page starts after.
pub fn encode_token(key: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("sfn1:{key}"))
}

/// The key inside a `nextToken`; `InvalidToken` if it is not one of ours.
pub fn decode_token(token: &str) -> Result<String, ApiError> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("sfn1:").map(str::to_string))
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidToken,
                format!("Invalid Token: '{}'", crate::asl::error::quote(token)),
            )
        })
}

/// A context on an in-memory store that holds state machine `m` (one Succeed state),
/// created with the members of `extra` added to the request: for the API's unit tests.
#[cfg(test)]
pub(crate) fn context_with_machine(extra: Value) -> Context {
    let mut ctx = Context::new(crate::store::Store::in_memory().unwrap());
    let mut request = serde_json::json!({
        "name": "m",
        "definition": r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
        "roleArn": "arn:aws:iam::123456789012:role/r",
    });
    if let (Some(request), Value::Object(extra)) = (request.as_object_mut(), extra) {
        request.extend(extra);
    }
    call(&mut ctx, "CreateStateMachine", request).unwrap();
    ctx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_aws_rules() {
        assert!(check_name("Hello-World_1.x").is_ok());
        assert!(check_name("café").is_ok());
        for bad in ["", "a b", "a/b", "a:b", "a*", "tab\t", "\u{85}x"] {
            assert_eq!(check_name(bad).unwrap_err().code, "InvalidName", "{bad:?}");
        }
        assert_eq!(
            check_name(&"a".repeat(81)).unwrap_err().code,
            "ValidationException"
        );
    }

    #[test]
    fn arns_are_parsed_and_typed() {
        let a = Arn::parse_as(
            "arn:aws:states:us-east-1:123:stateMachine:m",
            "stateMachine",
        )
        .unwrap();
        assert_eq!((a.region.as_str(), a.resource.as_str()), ("us-east-1", "m"));
        let e =
            Arn::parse_as("arn:aws:states:us-east-1:123:activity:m", "stateMachine").unwrap_err();
        assert_eq!(
            e.message,
            "Invalid Arn: 'Resource type not valid in this context: activity'"
        );
        assert_eq!(
            Arn::parse("nope").unwrap_err().message,
            "Invalid Arn: 'Invalid ARN prefix: nope'"
        );
    }

    #[test]
    fn tokens_round_trip_and_reject_garbage() {
        assert_eq!(decode_token(&encode_token("abc")).unwrap(), "abc");
        assert_eq!(decode_token("garbage!").unwrap_err().code, "InvalidToken");
    }

    #[test]
    fn timestamps_print_milliseconds_as_python_isoformat_does() {
        let at = |micros: i64| timestamp(DateTime::from_timestamp_micros(micros).unwrap());
        let whole = at(1_700_000_000_000_000);
        assert!(!whole.contains('.'), "no fraction when it is zero: {whole}");
        assert!(at(1_700_000_000_123_000).contains(":20.123000"));
        // AWS keeps milliseconds: the microseconds are dropped, not rounded.
        assert!(at(1_700_000_000_123_999).contains(":20.123000"));
        assert!(!at(1_700_000_000_000_999).contains('.'));
    }
}
