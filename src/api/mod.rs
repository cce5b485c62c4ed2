//! One function per AWS Step Functions operation. Requests and responses are the AWS
//! model's shapes (camelCase JSON); errors carry AWS error codes. No terminal, no clap: an
//! HTTP front end could call [`call`] as it is.
pub mod activities;
pub mod error;
pub mod executions;
pub mod state_machines;
pub mod tags;
pub mod task_tokens;
pub mod validation;

pub use error::ApiError;

use std::path::PathBuf;

use chrono::{DateTime, Local, Utc};
use serde_json::Value;

use crate::store::Store;

/// Everything an operation needs besides its request.
pub struct Context {
    pub store: Store,
    pub region: String,
    pub account: String,
    /// Step Functions Local mock file (`--mock-config` / `SFN_MOCK_CONFIG`).
    pub mock_config: Option<PathBuf>,
    /// Local handlers file (`--handlers` / `SFN_HANDLERS`).
    pub handlers: Option<PathBuf>,
}

impl Context {
    pub fn new(store: Store) -> Context {
        Context {
            store,
            region: "us-east-1".into(),
            account: "123456789012".into(),
            mock_config: None,
            handlers: None,
        }
    }

    /// `arn:aws:states:<region>:<account>:<resource>`.
    pub fn arn(&self, resource: &str) -> String {
        format!(
            "arn:aws:states:{}:{}:{}",
            self.region, self.account, resource
        )
    }
}

/// The 37 operations, by API name, in the AWS model's order.
pub const OPERATIONS: [&str; 37] = [
    "CreateActivity",
    "CreateStateMachine",
    "CreateStateMachineAlias",
    "DeleteActivity",
    "DeleteStateMachine",
    "DeleteStateMachineAlias",
    "DeleteStateMachineVersion",
    "DescribeActivity",
    "DescribeExecution",
    "DescribeMapRun",
    "DescribeStateMachine",
    "DescribeStateMachineAlias",
    "DescribeStateMachineForExecution",
    "GetActivityTask",
    "GetExecutionHistory",
    "ListActivities",
    "ListExecutions",
    "ListMapRuns",
    "ListStateMachineAliases",
    "ListStateMachineVersions",
    "ListStateMachines",
    "ListTagsForResource",
    "PublishStateMachineVersion",
    "RedriveExecution",
    "SendTaskFailure",
    "SendTaskHeartbeat",
    "SendTaskSuccess",
    "StartExecution",
    "StartSyncExecution",
    "StopExecution",
    "TagResource",
    "TestState",
    "UntagResource",
    "UpdateMapRun",
    "UpdateStateMachine",
    "UpdateStateMachineAlias",
    "ValidateStateMachineDefinition",
];

/// Runs `operation` (an API name such as `CreateStateMachine`) on a JSON request.
/// Each group module answers the operations it implements and `None` for the others.
pub fn call(ctx: &mut Context, operation: &str, input: Value) -> Result<Value, ApiError> {
    if !OPERATIONS.contains(&operation) {
        return Err(ApiError::unknown_operation(operation));
    }
    type Group = fn(&mut Context, &str, &Value) -> Option<Result<Value, ApiError>>;
    let groups: &[Group] = &[
        state_machines::call,
        tags::call,
        executions::call,
        validation::call,
        activities::call,
        task_tokens::call,
    ];
    for group in groups {
        if let Some(result) = group(ctx, operation, &input) {
            return result;
        }
    }
    Err(ApiError::not_implemented(operation))
}

/// Timestamps in responses: ISO 8601 with the local offset and microseconds, as the AWS
/// CLI v2 prints them (e.g. `2026-11-29T22:46:17.123000+00:00`).
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%dT%H:%M:%S%.6f%:z")
        .to_string()
}
