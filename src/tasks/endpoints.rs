//! Lambda Tasks (`lambda:invoke` and function ARNs) at a Lambda endpoint (for example
//! `sam local start-lambda`, or moto's server): called through Lambda's Invoke API when no
//! mock test case, handler or deployed function serves them.
use serde_json::Value;

use super::aws::protocol::HttpRequest;
use super::aws::{self, AwsSettings, Endpoint, SendError};
use super::lambda::{self, CauseStyle};
use super::process::Limits;
use crate::asl::StatesError;
use crate::engine::{TaskInvocation, TaskOutcome};

/// The function a Lambda Task calls: (name or ARN, qualifier), `None` for other Tasks.
pub fn lambda_function(invocation: &TaskInvocation) -> Option<(String, Option<String>, bool)> {
    let resource = invocation.resource;
    match resource.parsed() {
        super::Resource::LambdaFunction {
            name, qualifier, ..
        } => Some((name.clone(), qualifier.clone(), false)),
        _ if resource.is_lambda_invoke() => {
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
pub fn invoke_lambda(
    settings: &AwsSettings,
    endpoint: &Endpoint,
    invocation: &TaskInvocation,
) -> Option<TaskOutcome> {
    let (name, qualifier, optimized) = lambda_function(invocation)?;
    let payload = if optimized {
        lambda::invoke_payload(invocation.input)
    } else {
        invocation.input.to_string().into_bytes()
    };
    let request = HttpRequest {
        method: "POST".into(),
        path: format!(
            "/2015-03-31/functions/{}/invocations",
            aws::sigv4::encode(&name)
        ),
        query: qualifier
            .as_deref()
            .map(|q| format!("Qualifier={}", aws::sigv4::encode(q)))
            .unwrap_or_default(),
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("X-Amz-Invocation-Type".into(), "RequestResponse".into()),
        ],
        body: payload,
    };
    let response = match aws::send(
        settings,
        endpoint,
        "lambda",
        request,
        Limits::of(invocation),
    ) {
        Ok(r) => r,
        Err(SendError::TimedOut) => return Some(TaskOutcome::TimedOut),
        Err(SendError::Cancelled) => {
            return Some(TaskOutcome::Failed(StatesError::runtime(format!(
                "the call to the Lambda endpoint {} was abandoned: its execution no longer waits for it",
                endpoint.url
            ))))
        }
        Err(SendError::Failed(e)) => {
            return Some(TaskOutcome::Failed(StatesError::new(
                "States.TaskFailed",
                format!(
                    "the Lambda endpoint {} ({}) did not answer the invocation of '{name}': {e}",
                    endpoint.url, endpoint.setting
                ),
            )))
        }
    };
    let status = response.status;
    let function_error = response.header("x-amz-function-error").map(String::from);
    let error_type = response
        .header("x-amzn-errortype")
        .map(|t| t.split(':').next().unwrap_or(t).to_string());
    let text = String::from_utf8_lossy(&response.body).to_string();
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
            invocation.clock.now(),
        ))
    } else {
        TaskOutcome::Succeeded(result)
    })
}
