//! Step Functions inside Step Functions: Task states whose resource is Step Functions
//! itself (`arn:aws:states:::states:startExecution` with its `.sync`, `.sync:2` and
//! `.waitForTaskToken` forms, and `arn:aws:states:::aws-sdk:sfn:<action>`) run against
//! this store. A child is a real execution, linked to its parent (`store::nested`); a
//! `.sync` parent parks on its task token and the child's final save records its outcome
//! there, so the parent resumes in whichever process moves it next.
//!
//! A mocked response or a local handler for the state still comes first.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, SubsecRound, Utc};
use serde_json::{json, Map, Value};

use super::{parse_stored, NewExecution, Runtime, RuntimeError, Settings};
use crate::asl::resource::{Resource, TaskResource};
use crate::asl::StatesError;
use crate::engine::{ExecutionInfo, TaskInvocation, TaskOutcome, TaskRunner};
use crate::history::text::to_text;
use crate::store::executions::{self as exec_store, date_text, parse_date, ExecutionRecord};
use crate::store::nested::{Link, Pattern};
use crate::store::task_tokens::{self, Delivery, TaskTokenRecord, TokenStatus};
use crate::store::Store;

mod responses;

pub use responses::{delivery_for_parent, describe_for_parent};
use responses::{iso, optimized_start_response, sdk_describe};

/// Gives a Task runner Step Functions itself: the resources above start, describe and
/// signal executions of this store. An in-memory store (unit tests) has none.
pub fn with_nested(
    store: &Store,
    settings: &Settings,
    owner: &str,
    inner: Box<dyn TaskRunner>,
) -> Box<dyn TaskRunner> {
    let db = store.path();
    if db == Path::new(":memory:") {
        return inner;
    }
    Box::new(NestedTasks {
        inner,
        db: db.to_path_buf(),
        settings: settings.clone(),
        owner: owner.to_string(),
        submitted: Mutex::new(HashMap::new()),
    })
}

struct NestedTasks {
    inner: Box<dyn TaskRunner>,
    db: PathBuf,
    settings: Settings,
    /// The lease holder of the executions whose Tasks this serves: a parent's token opens
    /// only while it holds the parent.
    owner: String,
    /// StartExecution responses of `.sync`/callback tasks, for `TaskSubmitted`.
    submitted: Mutex<HashMap<String, Value>>,
}

/// Which API a native resource speaks: the optimized integration (`states:`) or the
/// AWS SDK one (`aws-sdk:sfn:`); they differ in response shapes and error names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Api {
    Optimized,
    Sdk,
}

/// A native resource: its API, action and integration pattern.
fn native(resource: &TaskResource) -> Option<(Api, &str, Pattern)> {
    let Resource::Integration {
        service,
        api: action,
        suffix,
        ..
    } = resource.parsed()
    else {
        return None;
    };
    let action = action.as_str();
    let api = match service.as_str() {
        "states" => Api::Optimized,
        "aws-sdk:sfn" => Api::Sdk,
        _ => return None,
    };
    let pattern = match suffix.as_deref() {
        None => Pattern::Request,
        Some("sync") => Pattern::Sync,
        Some("sync:2") => Pattern::Sync2,
        Some("waitForTaskToken") => Pattern::Callback,
        Some(_) => return None,
    };
    let served = match api {
        Api::Optimized => action == "startExecution",
        // Only a started execution can take the task token that a callback waits on.
        Api::Sdk if pattern == Pattern::Callback => action == "startExecution",
        Api::Sdk => {
            pattern == Pattern::Request
                && matches!(
                    action,
                    "startExecution"
                        | "startSyncExecution"
                        | "describeExecution"
                        | "stopExecution"
                        | "sendTaskSuccess"
                        | "sendTaskFailure"
                        | "sendTaskHeartbeat"
                )
        }
    };
    served.then_some((api, action, pattern))
}

/// A Step Functions API error as the integration reports it.
struct ApiFailure {
    code: &'static str,
    message: String,
}

impl ApiFailure {
    fn new(code: &'static str, message: impl Into<String>) -> ApiFailure {
        ApiFailure {
            code,
            message: message.into(),
        }
    }

    /// `StepFunctions.<Code>Exception` with the Java SDK v1 cause (optimized
    /// integration), `Sfn.<Code>Exception` with the SDK v2 one (`aws-sdk:sfn`).
    fn into_error(self, api: Api) -> StatesError {
        let request_id = uuid::Uuid::new_v4();
        match api {
            Api::Optimized => StatesError::new(
                format!("StepFunctions.{}Exception", self.code),
                format!(
                    "{} (Service: AWSStepFunctions; Status Code: 400; Error Code: {}; Request ID: {request_id}; Proxy: null)",
                    self.message, self.code
                ),
            ),
            Api::Sdk => StatesError::new(
                format!("Sfn.{}Exception", self.code),
                format!(
                    "{} (Service: Sfn, Status Code: 400, Request ID: {request_id}) (SDK Attempt Count: 1)",
                    self.message
                ),
            ),
        }
    }
}

impl From<RuntimeError> for ApiFailure {
    fn from(e: RuntimeError) -> Self {
        match e {
            RuntimeError::AlreadyExists(arn) => ApiFailure::new(
                "ExecutionAlreadyExists",
                format!("Execution Already Exists: '{arn}'"),
            ),
            RuntimeError::DoesNotExist(arn) => ApiFailure::new(
                "ExecutionDoesNotExist",
                format!("Execution Does Not Exist: '{arn}'"),
            ),
            RuntimeError::NotRunning(arn) => ApiFailure::new(
                "ExecutionNotRunning",
                format!("Execution is not running: '{arn}'"),
            ),
            other => ApiFailure::new("Internal", other.to_string()),
        }
    }
}

impl From<crate::store::StoreError> for ApiFailure {
    fn from(e: crate::store::StoreError) -> Self {
        ApiFailure::new("Internal", e.to_string())
    }
}

fn param<'a>(input: &'a Value, key: &str) -> Result<&'a str, ApiFailure> {
    input.get(key).and_then(Value::as_str).ok_or_else(|| {
        ApiFailure::new(
            "Validation",
            format!("1 validation error detected: Value null at '{key}' failed to satisfy constraint: Member must not be null"),
        )
    })
}

impl NestedTasks {
    /// A connection of its own for each call: the parent runs outside any transaction,
    /// and children started from parallel branches do not wait for each other.
    fn store(&self) -> Result<Store, ApiFailure> {
        Ok(Store::open(&self.db)?)
    }

    /// A runtime of its own: the children it runs and the parents it resumes are held
    /// under another owner than the execution running this Task.
    fn runtime(&self) -> Runtime {
        Runtime::new(self.settings.clone())
    }

    fn call(
        &self,
        invocation: &TaskInvocation,
        api: Api,
        action: &str,
        pattern: Pattern,
    ) -> Result<TaskOutcome, ApiFailure> {
        let input = invocation.input;
        match action {
            "startExecution" => self.start_execution(invocation, api, pattern),
            "startSyncExecution" => self.start_sync_execution(input),
            "describeExecution" => {
                let arn = param(input, "ExecutionArn")?;
                let store = self.store()?;
                let record = exec_store::get(&store, arn)?.ok_or_else(|| {
                    ApiFailure::new(
                        "ExecutionDoesNotExist",
                        format!("Execution Does Not Exist: '{arn}'"),
                    )
                })?;
                Ok(TaskOutcome::Succeeded(sdk_describe(&record)))
            }
            "stopExecution" => {
                let arn = param(input, "ExecutionArn")?;
                let error = input.get("Error").and_then(Value::as_str);
                let cause = input.get("Cause").and_then(Value::as_str);
                let store = self.store()?;
                let stopped = self.runtime().stop(&store, arn, error, cause)?;
                let at = parse_date(&stopped).unwrap_or_else(|| self.settings.clock.now());
                Ok(TaskOutcome::Succeeded(json!({"StopDate": iso(at)})))
            }
            "sendTaskSuccess" | "sendTaskFailure" | "sendTaskHeartbeat" => {
                self.send_task(action, input)
            }
            _ => Err(ApiFailure::new(
                "Validation",
                format!("sfn does not run the action '{action}' natively"),
            )),
        }
    }

    fn send_task(&self, action: &str, input: &Value) -> Result<TaskOutcome, ApiFailure> {
        let token = param(input, "TaskToken")?;
        // Token deadlines are compared by every process: they go by the shared time.
        let now = self.settings.clock.shared_now();
        let store = self.store()?;
        // AWS reads the token before the rest of the request.
        if task_tokens::get(&store, token)?.is_none() {
            check_open(token, None, now)?;
        }
        let delivery = match action {
            "sendTaskSuccess" => {
                let output = match input.get("Output") {
                    Some(Value::String(s)) => s.clone(),
                    Some(v) => to_text(v),
                    None => param(input, "Output")?.to_string(),
                };
                if serde_json::from_str::<Value>(&output).is_err() {
                    return Err(ApiFailure::new(
                        "InvalidOutput",
                        format!("Invalid Output: '{output}'"),
                    ));
                }
                Delivery::Succeeded { output }
            }
            "sendTaskFailure" => Delivery::Failed {
                error: input.get("Error").and_then(Value::as_str).map(String::from),
                cause: input.get("Cause").and_then(Value::as_str).map(String::from),
            },
            _ => {
                let record = task_tokens::heartbeat(&store, token, now)?;
                check_open(token, record.as_ref(), now)?;
                return Ok(TaskOutcome::Succeeded(json!({})));
            }
        };
        let (record, delivered) = task_tokens::deliver(&store, token, &delivery, now)?;
        let record = match record {
            Some(record) if delivered => record,
            record => {
                check_open(token, record.as_ref(), now)?;
                return Err(task_does_not_exist());
            }
        };
        // The waiting execution's holder applies the outcome; with none, it runs here.
        let _ = self.runtime().drive(&store, None, &record.execution_arn);
        Ok(TaskOutcome::Succeeded(json!({})))
    }

    /// What StartExecution and StartSyncExecution share: the machine (`express`: the
    /// type it must have), the name, the input and the new execution's description.
    fn prepare(
        &self,
        store: &Store,
        input: &Value,
        express: bool,
    ) -> Result<
        (
            ExecutionRecord,
            ExecutionInfo,
            crate::asl::definition::StateMachine,
        ),
        ApiFailure,
    > {
        let machine_arn = param(input, "StateMachineArn")?;
        let name = match input.get("Name").and_then(Value::as_str) {
            Some(n) => n.to_string(),
            None => uuid::Uuid::new_v4().to_string(),
        };
        let input_text = match input.get("Input") {
            None | Some(Value::Null) => "{}".to_string(),
            Some(Value::String(s)) => s.clone(),
            Some(v) => to_text(v),
        };
        let input_value: Value = serde_json::from_str(&input_text).map_err(|e| {
            ApiFailure::new(
                "InvalidExecutionInput",
                format!("Invalid State Machine Execution Input: '{e}'"),
            )
        })?;
        let does_not_exist = || {
            ApiFailure::new(
                "StateMachineDoesNotExist",
                format!("State Machine Does Not Exist: '{machine_arn}'"),
            )
        };
        let resolved = exec_store::resolve(store, machine_arn)?.ok_or_else(does_not_exist)?;
        let machine = &resolved.machine;
        match (machine.machine_type == "EXPRESS", express) {
            (true, true) | (false, false) => {}
            (false, true) => {
                return Err(ApiFailure::new(
                    "StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine",
                ))
            }
            (true, false) => {
                return Err(ApiFailure::new(
                    "Validation",
                    format!(
                        "sfn does not start Express executions asynchronously from a Task state ('{machine_arn}'); aws-sdk:sfn:startSyncExecution runs them"
                    ),
                ))
            }
        }
        let parsed = parse_stored(&machine.definition)
            .map_err(|e| ApiFailure::new("Internal", format!("stored definition: {e}")))?;
        let execution_arn = if express {
            format!(
                "{}:{name}:{}",
                machine.arn.replacen(":stateMachine:", ":express:", 1),
                uuid::Uuid::new_v4()
            )
        } else {
            format!(
                "{}:{name}",
                machine.arn.replacen(":stateMachine:", ":execution:", 1)
            )
        };
        let region = machine
            .arn
            .split(':')
            .nth(3)
            .unwrap_or_default()
            .to_string();
        let started = self.settings.clock.now().trunc_subsecs(3);
        let info = ExecutionInfo {
            execution_arn: execution_arn.clone(),
            execution_name: name.clone(),
            state_machine_arn: machine.arn.clone(),
            state_machine_name: machine.name.clone(),
            role_arn: machine.role_arn.clone(),
            input: input_value,
            input_text: input_text.clone(),
            start_millis: started.timestamp_millis(),
            redrive_count: 0,
            region,
            state_machine_version_arn: resolved.version_arn.clone(),
            state_machine_alias_arn: None,
        };
        let record = ExecutionRecord {
            arn: execution_arn,
            state_machine_arn: machine.arn.clone(),
            name,
            status: "RUNNING".into(),
            start_date: date_text(started),
            input: Some(input_text),
            state_machine_version_arn: resolved.version_arn.clone(),
            definition: machine.definition.clone(),
            role_arn: machine.role_arn.clone(),
            ..Default::default()
        };
        Ok((record, info, parsed))
    }

    /// StartSyncExecution: an Express child run in memory to its end.
    fn start_sync_execution(&self, input: &Value) -> Result<TaskOutcome, ApiFailure> {
        let store = self.store()?;
        let (record, info, parsed) = self.prepare(&store, input, true)?;
        let started = parse_date(&record.start_date).unwrap_or_else(|| self.settings.clock.now());
        let (execution, _) = self.runtime().run_express(&store, &parsed, info, None)?;
        let stopped = self.settings.clock.now();
        let (status, output, error, cause) = match &execution.status {
            crate::engine::Status::Succeeded { output } => {
                ("SUCCEEDED", Some(to_text(output)), None, None)
            }
            crate::engine::Status::TimedOut { error, cause } => {
                ("TIMED_OUT", None, error.clone(), cause.clone())
            }
            crate::engine::Status::Failed { error, cause }
            | crate::engine::Status::Aborted { error, cause } => {
                ("FAILED", None, error.clone(), cause.clone())
            }
            crate::engine::Status::Running => (
                "FAILED",
                None,
                Some("States.Runtime".to_string()),
                Some("An Express execution cannot wait for a task outcome.".to_string()),
            ),
        };
        let mut d = Map::new();
        d.insert("ExecutionArn".into(), record.arn.clone().into());
        d.insert("StateMachineArn".into(), record.state_machine_arn.into());
        d.insert("Name".into(), record.name.into());
        d.insert("StartDate".into(), iso(started));
        d.insert("StopDate".into(), iso(stopped));
        d.insert("Status".into(), status.into());
        if let Some(e) = error {
            d.insert("Error".into(), e.into());
        }
        if let Some(c) = cause {
            d.insert("Cause".into(), c.into());
        }
        d.insert("Input".into(), record.input.unwrap_or_default().into());
        d.insert("InputDetails".into(), json!({"Included": true}));
        if let Some(o) = output {
            d.insert("Output".into(), o.into());
            d.insert("OutputDetails".into(), json!({"Included": true}));
        }
        let elapsed = (stopped - started).num_milliseconds().max(1);
        d.insert(
            "BillingDetails".into(),
            json!({"BilledMemoryUsedInMB": 64, "BilledDurationInMilliseconds": (elapsed + 99) / 100 * 100}),
        );
        Ok(TaskOutcome::Succeeded(Value::Object(d)))
    }

    fn start_execution(
        &self,
        invocation: &TaskInvocation,
        api: Api,
        pattern: Pattern,
    ) -> Result<TaskOutcome, ApiFailure> {
        let store = self.store()?;
        let (record, info, parsed) = self.prepare(&store, invocation.input, false)?;
        let execution_arn = record.arn.clone();
        let started = parse_date(&record.start_date).unwrap_or_else(|| self.settings.clock.now());
        // A waiting parent task parks on its token: open before the child runs, which
        // may end (and deliver to it) before this returns.
        let token = match pattern {
            Pattern::Request => None,
            _ => {
                let token = invocation.task_token.ok_or_else(|| {
                    ApiFailure::new("Internal", "the engine gave this Task no task token")
                })?;
                let record = TaskTokenRecord::open(
                    token.to_string(),
                    invocation.execution_arn,
                    invocation.state_name,
                    None,
                    Some(invocation.input.to_string()),
                    invocation.timeout_seconds,
                    invocation.heartbeat_seconds,
                    self.settings.clock.shared_now(),
                );
                if !task_tokens::insert_owned(&store, &record, &self.owner)? {
                    return Err(ApiFailure::new(
                        "Internal",
                        format!(
                            "{} is no longer held by this process: its task token was not opened",
                            invocation.execution_arn
                        ),
                    ));
                }
                Some(token.to_string())
            }
        };
        let link = Link {
            child_arn: execution_arn.clone(),
            parent_arn: invocation.execution_arn.to_string(),
            parent_token: token.clone(),
            pattern,
        };
        let new = NewExecution {
            record,
            info,
            machine: parsed,
            test_case: None,
        };
        // The child runs on this thread: its run takes over the invocation's hold on
        // the clock, and rests as an execution's run does.
        let started_child = self.settings.clock.hand_over(|| {
            self.runtime()
                .start_linked(&store, None, new, Some(&link), invocation.cancel)
        });
        if let Err(e) = started_child {
            if let Some(token) = &token {
                let _ = task_tokens::abort(&store, token, self.settings.clock.shared_now());
            }
            return Err(e.into());
        }
        let response = match api {
            Api::Optimized => optimized_start_response(&execution_arn, started),
            Api::Sdk => json!({"ExecutionArn": execution_arn, "StartDate": iso(started)}),
        };
        Ok(match token {
            None => TaskOutcome::Succeeded(response),
            Some(token) => {
                self.submitted
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(token, response);
                TaskOutcome::Pending
            }
        })
    }
}

fn task_does_not_exist() -> ApiFailure {
    ApiFailure::new("TaskDoesNotExist", "Task Does Not Exist")
}

/// The error for a token that cannot take an outcome or heartbeat (`Ok` when it can).
fn check_open(
    token: &str,
    record: Option<&TaskTokenRecord>,
    now: DateTime<Utc>,
) -> Result<(), ApiFailure> {
    let Some(record) = record else {
        return Err(if task_tokens::is_well_formed(token) {
            task_does_not_exist()
        } else {
            ApiFailure::new("InvalidToken", "Invalid Token: 'Invalid token'")
        });
    };
    if record.status == TokenStatus::TimedOut || record.expired(now) {
        return Err(ApiFailure::new("TaskTimedOut", "Task Timed Out"));
    }
    if !record.status.is_open() {
        return Err(task_does_not_exist());
    }
    Ok(())
}

impl TaskRunner for NestedTasks {
    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome {
        let Some((api, action, pattern)) = native(invocation.resource) else {
            return self.inner.invoke(invocation);
        };
        if self.inner.serves_locally(invocation) {
            return self.inner.invoke(invocation);
        }
        match self.call(invocation, api, action, pattern) {
            Ok(outcome) => outcome,
            Err(failure) => TaskOutcome::Failed(failure.into_error(api)),
        }
    }

    fn may_block(&self, invocation: &TaskInvocation) -> bool {
        match native(invocation.resource) {
            // A child runs to its end or its first wait: other branches go on meanwhile.
            Some((_, "startExecution", _)) if !self.inner.serves_locally(invocation) => true,
            _ => self.inner.may_block(invocation),
        }
    }

    fn serves_locally(&self, invocation: &TaskInvocation) -> bool {
        self.inner.serves_locally(invocation)
    }

    fn check(&self, state_name: &str, resource: &TaskResource) -> Result<(), StatesError> {
        self.inner.check(state_name, resource)
    }

    fn submitted(&self, task_token: &str) -> Option<Value> {
        let mine = self
            .submitted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(task_token);
        mine.or_else(|| self.inner.submitted(task_token))
    }

    fn map_runs(&self) -> Option<&dyn crate::engine::map_run::MapRunner> {
        self.inner.map_runs()
    }
}

#[cfg(test)]
mod tests;
