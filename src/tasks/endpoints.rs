//! Service endpoints, as Step Functions Local takes them (`--lambda-endpoint` and its
//! siblings). A Lambda endpoint (for example `sam local start-lambda`) serves Lambda Tasks
//! that no mock test case or handler serves, through Lambda's Invoke API; the other
//! endpoints are only remembered, so that a Task needing one fails naming the option.
//! Set once by the front end that took them (`sfn serve`).
use std::sync::OnceLock;
use std::time::Duration;

use serde_json::Value;

use super::lambda::{self, CauseStyle};
use crate::asl::StatesError;
use crate::engine::{TaskInvocation, TaskOutcome};

#[derive(Debug, Clone, Default)]
pub struct Endpoints {
    /// Base URL of a Lambda endpoint (`http://127.0.0.1:3001`).
    pub lambda: Option<String>,
    /// The other endpoint options given (`dynamodb-endpoint`...), which `sfn` does not call.
    pub unused: Vec<String>,
}

static ENDPOINTS: OnceLock<Endpoints> = OnceLock::new();

/// Sets the process's endpoints (the first call wins).
pub fn configure(endpoints: Endpoints) {
    let _ = ENDPOINTS.set(endpoints);
}

pub fn configured() -> Option<&'static Endpoints> {
    ENDPOINTS.get()
}

/// The function a Lambda Task calls: (name or ARN, qualifier), `None` for other Tasks.
pub fn lambda_function(invocation: &TaskInvocation) -> Option<(String, Option<String>, bool)> {
    match super::Resource::parse(invocation.resource) {
        super::Resource::LambdaFunction {
            name, qualifier, ..
        } => Some((name.to_string(), qualifier.map(String::from), false)),
        parsed if parsed.is_lambda_invoke() => {
            let f = invocation.input.get("FunctionName")?.as_str()?;
            let (name, qualifier) = super::resource::function_name(f);
            let qualifier = invocation
                .input
                .get("Qualifier")
                .and_then(Value::as_str)
                .or(qualifier);
            Some((name.to_string(), qualifier.map(String::from), true))
        }
        _ => None,
    }
}

/// Calls the function at the Lambda endpoint `base`: the Task's outcome (or, for a
/// `.waitForTaskToken` Task, `Ok` once the function has been called).
pub fn invoke_lambda(base: &str, invocation: &TaskInvocation) -> Option<TaskOutcome> {
    let (name, qualifier, optimized) = lambda_function(invocation)?;
    let payload = if optimized {
        lambda::invoke_payload(invocation.input)
    } else {
        invocation.input.to_string().into_bytes()
    };
    let mut url = format!(
        "{}/2015-03-31/functions/{name}/invocations",
        base.trim_end_matches('/')
    );
    if let Some(q) = &qualifier {
        url.push_str(&format!("?Qualifier={q}"));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(invocation.timeout_seconds.map(Duration::from_secs))
        .build()
        .into();
    let unreachable = |e: &dyn std::fmt::Display| {
        TaskOutcome::Failed(StatesError::new(
            "States.TaskFailed",
            format!("the Lambda endpoint {base} (--lambda-endpoint / LAMBDA_ENDPOINT) did not answer the invocation of '{name}': {e}"),
        ))
    };
    let mut response = match agent
        .post(&url)
        .header("Content-Type", "application/json")
        .header("X-Amz-Invocation-Type", "RequestResponse")
        .send(&payload[..])
    {
        Ok(r) => r,
        Err(ureq::Error::Timeout(_)) => return Some(TaskOutcome::TimedOut),
        Err(e) => return Some(unreachable(&e)),
    };
    let status = response.status().as_u16();
    let function_error = response
        .headers()
        .get("x-amz-function-error")
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let error_type = response
        .headers()
        .get("x-amzn-errortype")
        .and_then(|v| v.to_str().ok())
        .map(|t| t.split(':').next().unwrap_or(t).to_string());
    let body = match response.body_mut().read_to_vec() {
        Ok(b) => b,
        Err(e) => return Some(unreachable(&e)),
    };
    let text = String::from_utf8_lossy(&body).to_string();
    if !(200..300).contains(&status) {
        // A Lambda service error (no such function...): `Lambda.<Exception>`, as AWS names
        // the errors of the Lambda API.
        let parsed: Option<Value> = serde_json::from_str(&text).ok();
        let code = error_type
            .or_else(|| {
                parsed
                    .as_ref()
                    .and_then(|v| v.get("Type").or(v.get("__type")))
                    .and_then(Value::as_str)
                    .map(String::from)
            })
            .unwrap_or_else(|| format!("HTTP{status}"));
        let message = parsed
            .as_ref()
            .and_then(|v| v.get("message").or(v.get("Message")))
            .and_then(Value::as_str)
            .map(String::from)
            .unwrap_or(text);
        return Some(TaskOutcome::Failed(StatesError::new(
            format!("Lambda.{code}"),
            message,
        )));
    }
    if function_error.is_some() {
        let style = if optimized {
            CauseStyle::Compact
        } else {
            CauseStyle::AsEmitted
        };
        let error = lambda::function_error(&text, style)
            .unwrap_or_else(|| StatesError::new("Lambda.Unknown", text.trim().to_string()));
        return Some(TaskOutcome::Failed(error));
    }
    let result: Value = if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    Some(if optimized {
        TaskOutcome::Succeeded(lambda::invoke_response(
            result,
            &lambda::executed_version(qualifier.as_deref()),
        ))
    } else {
        TaskOutcome::Succeeded(result)
    })
}
