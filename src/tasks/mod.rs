//! What a Task state does offline: mocked responses (Step Functions Local's mock file),
//! local command handlers, activities and callbacks. Implements
//! [`crate::engine::TaskRunner`].
//!
//! Which serves a Task: the selected mock test case when it names the state, else a local
//! handler, else a Lambda function deployed from a template (`sfn deploy`), else the
//! service's local endpoint when one is configured (Lambda, SQS, SNS, DynamoDB,
//! EventBridge: [`aws`]), else (activities and `.waitForTaskToken` integrations) the
//! execution waits for `SendTaskSuccess`/`SendTaskFailure`, else the task fails with a
//! cause naming the resource and the ways to serve it.
pub mod aws;
pub mod endpoints;
pub mod handlers;
pub mod lambda;
pub mod local_lambda;
pub mod mock;
pub mod parking;
pub mod process;
pub mod resource;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde_json::Value;

pub use crate::asl::resource::{Pattern, Resource, TaskResource};
pub use aws::AwsSettings;
pub use handlers::Handlers;
pub use mock::{MockConfig, MockTestCase};
pub use parking::RunnerConfig;

use crate::asl::StatesError;
use crate::clock::Clock;
use crate::engine::{TaskInvocation, TaskOutcome, TaskRunner};

/// Why no runner could be built for an execution: the API layer reports these to the
/// caller of `start-execution`.
#[derive(Debug, thiserror::Error)]
pub enum TasksError {
    #[error("cannot read the {what} {path}: {source}")]
    Read {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid mock config file {path}: {message}")]
    InvalidMockConfig { path: PathBuf, message: String },
    #[error("invalid handlers file {path}: {message}")]
    InvalidHandlers { path: PathBuf, message: String },
    #[error("the test case '{test_case}' was requested but no mock config file is set (use --mock-config or SFN_MOCK_CONFIG)")]
    NoMockConfig { test_case: String },
    #[error("the mock config file {path} has no state machine named '{state_machine}' under StateMachines (it has: {known})")]
    UnknownStateMachine {
        path: PathBuf,
        state_machine: String,
        known: String,
    },
    #[error("the state machine '{state_machine}' has no test case '{test_case}' in the mock config file {path} (it has: {known})")]
    UnknownTestCase {
        path: PathBuf,
        state_machine: String,
        test_case: String,
        known: String,
    },
    #[error("cannot open the store {path} for waiting tasks: {message}")]
    Store { path: PathBuf, message: String },
}

/// Reads and validates a mock config file.
pub fn load_mock_config(path: &Path) -> Result<MockConfig, TasksError> {
    let text = std::fs::read_to_string(path).map_err(|source| TasksError::Read {
        what: "mock config file",
        path: path.to_path_buf(),
        source,
    })?;
    MockConfig::parse(&text).map_err(|message| TasksError::InvalidMockConfig {
        path: path.to_path_buf(),
        message,
    })
}

/// Reads and validates a handlers file; relative paths in it are taken from its directory.
pub fn load_handlers(path: &Path) -> Result<Handlers, TasksError> {
    let read_error = |source| TasksError::Read {
        what: "handlers file",
        path: path.to_path_buf(),
        source,
    };
    let text = std::fs::read_to_string(path).map_err(read_error)?;
    // Absolute, so handlers run the same whatever directory `sfn` is started from.
    let absolute = std::fs::canonicalize(path).map_err(read_error)?;
    let base_dir = absolute.parent().unwrap_or(Path::new("/"));
    Handlers::parse(&text, base_dir).map_err(|message| TasksError::InvalidHandlers {
        path: path.to_path_buf(),
        message,
    })
}

/// The runner for one execution of the state machine `state_machine_name`, started with
/// `#<test_case>` appended to its ARN or not. Both files are read and validated now so a
/// mistake in them is reported by `start-execution` rather than by a failed task. No
/// service endpoints: see [`runner_with`].
pub fn runner_for(
    mock_config: Option<&Path>,
    handlers: Option<&Path>,
    state_machine_name: &str,
    test_case: Option<&str>,
) -> Result<Box<dyn TaskRunner>, TasksError> {
    runner_with(
        mock_config,
        handlers,
        state_machine_name,
        test_case,
        &AwsSettings::default(),
    )
}

/// [`runner_for`] with the AWS services' local endpoints of `aws`.
pub fn runner_with(
    mock_config: Option<&Path>,
    handlers: Option<&Path>,
    state_machine_name: &str,
    test_case: Option<&str>,
    aws: &AwsSettings,
) -> Result<Box<dyn TaskRunner>, TasksError> {
    let config = RunnerConfig {
        mock_config: mock_config.map(Path::to_path_buf),
        handlers: handlers.map(Path::to_path_buf),
        state_machine_name: state_machine_name.to_string(),
        test_case: test_case.map(str::to_string),
    };
    Ok(Box::new(local_tasks(&config, aws)?))
}

/// [`runner_for`] that also parks: activity tasks and `.waitForTaskToken` callbacks get a
/// task token row in the store at `db`, with `config` kept beside it so that the process
/// that resumes the execution serves its next Tasks the same way. Tokens open only for
/// executions that `owner` (a lease holder, see `store::leases`) holds.
pub fn parking_runner_for(
    config: &RunnerConfig,
    db: &Path,
    aws: &AwsSettings,
    clock: &Clock,
    owner: &str,
) -> Result<Box<dyn TaskRunner>, TasksError> {
    let mut tasks = local_tasks(config, aws)?;
    let parking =
        parking::Parking::open(db, config, clock, owner).map_err(|message| TasksError::Store {
            path: db.to_path_buf(),
            message,
        })?;
    tasks.parking = Some(parking);
    tasks.deployed = Some(local_lambda::Deployed::new(db));
    Ok(Box::new(tasks))
}

fn local_tasks(config: &RunnerConfig, aws: &AwsSettings) -> Result<LocalTasks, TasksError> {
    let mock_config = config.mock_config.as_deref();
    let loaded = mock_config.map(load_mock_config).transpose()?;
    let mocks = match (config.test_case.as_deref(), &loaded, mock_config) {
        (None, _, _) => None,
        (Some(case), Some(loaded), Some(path)) => Some(
            loaded
                .test_case(&config.state_machine_name, case)
                .map_err(|e| select_error(e, path, &config.state_machine_name, case))?,
        ),
        (Some(case), _, _) => {
            return Err(TasksError::NoMockConfig {
                test_case: case.to_string(),
            })
        }
    };
    let handlers = config.handlers.as_deref().map(load_handlers).transpose()?;
    let mut tasks = LocalTasks::new(mocks, handlers);
    tasks.aws = aws.clone();
    Ok(tasks)
}

fn select_error(
    error: mock::SelectError,
    path: &Path,
    state_machine: &str,
    test_case: &str,
) -> TasksError {
    let list = |known: Vec<String>| {
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    };
    match error {
        mock::SelectError::NoStateMachine { known } => TasksError::UnknownStateMachine {
            path: path.to_path_buf(),
            state_machine: state_machine.to_string(),
            known: list(known),
        },
        mock::SelectError::NoTestCase { known } => TasksError::UnknownTestCase {
            path: path.to_path_buf(),
            state_machine: state_machine.to_string(),
            test_case: test_case.to_string(),
            known: list(known),
        },
    }
}

/// Serves Tasks from a mock test case and local handlers; with parking, records the
/// Tasks that wait for an outcome from outside.
#[derive(Default)]
pub struct LocalTasks {
    mocks: Option<MockTestCase>,
    handlers: Option<Handlers>,
    parking: Option<parking::Parking>,
    /// Functions deployed from templates in the store, run with their local code.
    deployed: Option<local_lambda::Deployed>,
    /// Where Tasks that call AWS services go when nothing above serves them.
    aws: AwsSettings,
    /// Callback handlers' responses by task token, until the engine takes them.
    submitted: Mutex<HashMap<String, Value>>,
}

impl LocalTasks {
    pub fn new(mocks: Option<MockTestCase>, handlers: Option<Handlers>) -> LocalTasks {
        LocalTasks {
            mocks,
            handlers,
            parking: None,
            deployed: None,
            aws: AwsSettings::default(),
            submitted: Mutex::new(HashMap::new()),
        }
    }

    /// Opens the invocation's task token (nothing to do without parking).
    fn open_token(
        &self,
        invocation: &TaskInvocation,
        activity: Option<&str>,
    ) -> Result<(), TaskOutcome> {
        match &self.parking {
            Some(parking) => parking
                .open_token(invocation, activity)
                .map_err(|e| TaskOutcome::Failed(StatesError::runtime(e))),
            None => Ok(()),
        }
    }
}

impl TaskRunner for LocalTasks {
    /// A local handler runs a command; mocked responses and waiting tasks answer at once.
    fn may_block(&self, invocation: &TaskInvocation) -> bool {
        let mocked = self
            .mocks
            .as_ref()
            .is_some_and(|m| m.mocks(invocation.state_name));
        !mocked
            && (self.handlers.as_ref().is_some_and(|h| h.serves(invocation))
                || self.deployed.as_ref().is_some_and(|d| d.serves(invocation))
                || self.lambda_endpoint(invocation).is_some()
                || self.service_endpoint(invocation).is_some())
    }

    fn serves_locally(&self, invocation: &TaskInvocation) -> bool {
        self.mocks
            .as_ref()
            .is_some_and(|m| m.mocks(invocation.state_name))
            || self.handlers.as_ref().is_some_and(|h| h.serves(invocation))
    }

    fn check(&self, state_name: &str, resource: &TaskResource) -> Result<(), StatesError> {
        let mocked = self.mocks.as_ref().is_some_and(|m| m.mocks(state_name));
        match (resource.parsed(), &self.parking) {
            (Resource::Activity { .. }, Some(parking)) if !mocked => {
                let arn = resource.arn();
                match parking.activity_exists(arn) {
                    Ok(true) => Ok(()),
                    Ok(false) => Err(StatesError::runtime(format!(
                        "The activity {arn} does not exist."
                    ))),
                    Err(e) => Err(StatesError::runtime(e)),
                }
            }
            _ => Ok(()),
        }
    }

    fn submitted(&self, task_token: &str) -> Option<Value> {
        self.submitted
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(task_token)
    }

    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome {
        if let Some(outcome) = self
            .mocks
            .as_ref()
            .and_then(|m| m.respond(invocation.state_name, invocation.invocation_index))
        {
            return outcome;
        }
        let resource = invocation.resource;
        let callback = resource.pattern() == Pattern::WaitForTaskToken;
        if let Some(handlers) = self.handlers.as_ref().filter(|h| h.serves(invocation)) {
            // The token exists before the command runs: it may deliver the outcome itself.
            if callback {
                if let Err(failed) = self.open_token(invocation, None) {
                    return failed;
                }
            }
            let (outcome, response) = handlers
                .invoke_keeping_response(invocation)
                .unwrap_or_else(|| (TaskOutcome::Failed(unserved(invocation, &self.aws)), None));
            if callback && outcome != TaskOutcome::Pending {
                if let Some(parking) = &self.parking {
                    parking.abort_token(invocation);
                }
            }
            if let (Some(token), Some(response)) = (invocation.task_token, response) {
                self.submitted
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(token.to_string(), response);
            }
            return outcome;
        }
        if let Some(outcome) = self.deployed.as_ref().and_then(|d| d.invoke(invocation)) {
            return outcome;
        }
        // Then the service's endpoint: Lambda's for Lambda Tasks...
        if let Some(endpoint) = self.lambda_endpoint(invocation) {
            if callback {
                if let Err(failed) = self.open_token(invocation, None) {
                    return failed;
                }
            }
            let outcome = endpoints::invoke_lambda(&self.aws, endpoint, invocation)
                .unwrap_or_else(|| TaskOutcome::Failed(unserved(invocation, &self.aws)));
            return match outcome {
                // The function has the token now; the outcome comes with SendTask*.
                TaskOutcome::Succeeded(_) if callback => TaskOutcome::Pending,
                other => {
                    if callback {
                        if let Some(parking) = &self.parking {
                            parking.abort_token(invocation);
                        }
                    }
                    other
                }
            };
        }
        // ... SQS, SNS, DynamoDB and EventBridge's (and Lambda's, for aws-sdk:lambda).
        if let Some((route, endpoint)) = self.service_endpoint(invocation) {
            // The token exists before the message leaves: its reader may answer at once.
            if callback {
                if let Err(failed) = self.open_token(invocation, None) {
                    return failed;
                }
            }
            return match aws::call(&self.aws, endpoint, &route, invocation) {
                Ok(response) if callback => {
                    if let Some(token) = invocation.task_token {
                        self.submitted
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .insert(token.to_string(), response);
                    }
                    TaskOutcome::Pending
                }
                Ok(result) => TaskOutcome::Succeeded(result),
                Err(outcome) => {
                    if callback {
                        if let Some(parking) = &self.parking {
                            parking.abort_token(invocation);
                        }
                    }
                    outcome
                }
            };
        }
        // A worker (`get-activity-task`) or whoever holds the token (it shows in the
        // TaskScheduled parameters) delivers the outcome later.
        if let Resource::Activity { .. } = resource.parsed() {
            // Normally caught by `check` before scheduling; an engine that did not call
            // it still gets the failure here.
            if let Err(error) = self.check(invocation.state_name, invocation.resource) {
                return TaskOutcome::Failed(error);
            }
            return match self.open_token(invocation, Some(resource.arn())) {
                Ok(()) => TaskOutcome::Pending,
                Err(failed) => failed,
            };
        }
        if callback {
            return match self.open_token(invocation, None) {
                Ok(()) => TaskOutcome::Pending,
                Err(failed) => failed,
            };
        }
        TaskOutcome::Failed(unserved(invocation, &self.aws))
    }
}

impl LocalTasks {
    /// The Lambda endpoint that serves `invocation`, when one is set and it calls a
    /// function (`lambda:invoke` or a function ARN).
    fn lambda_endpoint(&self, invocation: &TaskInvocation) -> Option<&aws::Endpoint> {
        let endpoint = self.aws.endpoint(aws::Service::Lambda)?;
        endpoints::lambda_function(invocation).map(|_| endpoint)
    }

    /// The service call `invocation` makes and the endpoint configured for its service.
    fn service_endpoint(
        &self,
        invocation: &TaskInvocation,
    ) -> Option<(aws::Route, &aws::Endpoint)> {
        let route = aws::route(invocation.resource)?;
        let endpoint = self.aws.endpoint(route.service)?;
        Some((route, endpoint))
    }
}

/// The endpoint option given for the service a Task calls, which `sfn` does not call
/// (Step Functions Local would have): named in the Task's failure.
fn unused_endpoint(resource: &TaskResource, aws: &AwsSettings) -> Option<&'static str> {
    let Resource::Integration { service, .. } = resource.parsed() else {
        return None;
    };
    let service = service.strip_prefix("aws-sdk:").unwrap_or(service);
    let option = match service {
        "dynamodb" => "dynamodb-endpoint",
        "sqs" => "sqs-endpoint",
        "sns" => "sns-endpoint",
        "batch" => "batch-endpoint",
        "ecs" => "ecs-endpoint",
        "glue" => "glue-endpoint",
        "sagemaker" => "sagemaker-endpoint",
        "states" | "sfn" => "step-functions-endpoint",
        "events" | "eventbridge" => "eventbridge-endpoint",
        "athena" => "athena-endpoint",
        _ => return None,
    };
    aws.unused
        .iter()
        .find(|o| o.as_str() == option)
        .map(|_| option)
}

/// The failure of a Task nothing serves: `States.Runtime` (never caught or retried, so the
/// gap is not mistaken for the workflow's own error handling), naming both ways to serve it.
fn unserved(invocation: &TaskInvocation, aws: &AwsSettings) -> StatesError {
    let parsed = invocation.resource;
    if let Some(option) = unused_endpoint(parsed, aws) {
        return StatesError::runtime(format!(
            "The resource '{}' of state '{}' would call the endpoint given with --{option}, but sfn does not call that service. Mock it in a mock config file (SFN_MOCK_CONFIG, test case chosen with #<case> after the state machine ARN) or run a local command for it with a \"resources\" entry in a handlers file (--handlers / SFN_HANDLERS).",
            invocation.resource, invocation.state_name
        ));
    }
    let handler = match parsed.parsed() {
        Resource::LambdaFunction { name, .. } => format!("a \"lambda\" entry for '{name}'"),
        _ if parsed.is_lambda_invoke() => {
            match invocation
                .input
                .get("FunctionName")
                .and_then(|f| f.as_str())
            {
                Some(f) => format!("a \"lambda\" entry for '{}'", resource::function_name(f).0),
                None => "a \"lambda\" entry for the function".to_string(),
            }
        }
        _ => format!("a \"resources\" entry for '{}'", invocation.resource),
    };
    let lambda =
        matches!(parsed.parsed(), Resource::LambdaFunction { .. }) || parsed.is_lambda_invoke();
    let service = aws::route(parsed)
        .map(|r| r.service)
        .or(lambda.then_some(aws::Service::Lambda));
    let endpoint = match service {
        Some(service) => format!(
            ", or point sfn at a local {} endpoint ({})",
            service.title(),
            AwsSettings::settings_for(service)
        ),
        None => String::new(),
    };
    let deploy = if lambda {
        ", or deploy the template whose function it is (sfn deploy)"
    } else {
        ""
    };
    StatesError::runtime(format!(
        "No mocked response or local handler serves the resource '{}' of state '{}'. Mock it in a mock config file (--mock-config / SFN_MOCK_CONFIG, test case chosen with #<case> after the state machine ARN) or run a local command for it with {handler} in a handlers file (--handlers / SFN_HANDLERS){deploy}{endpoint}.",
        invocation.resource, invocation.state_name
    ))
}

#[cfg(test)]
mod tests;
