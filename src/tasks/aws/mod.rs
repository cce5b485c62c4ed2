//! Tasks that call SQS, SNS, DynamoDB, EventBridge or Lambda, sent to a local endpoint of
//! that service (moto's server, LocalStack, DynamoDB Local, ElasticMQ...) as an AWS SDK
//! would send them: the request built from the service's AWS model, signed with SigV4,
//! and the response or error mapped as Step Functions maps it.
//!
//! Two APIs reach these services. The optimized integrations
//! (`arn:aws:states:::sqs:sendMessage`...) run on the AWS SDK for Java v1: their results
//! carry `SdkHttpMetadata`, their errors are named after the v1 exception classes
//! (`DynamoDB.ConditionalCheckFailedException`) with v1's cause text. The AWS SDK
//! integrations (`arn:aws:states:::aws-sdk:<service>:<action>`) run on v2: the result is
//! the response as the model shapes it, errors are `<Service>.<Name>Exception`
//! (`DynamoDb.ResourceNotFoundException`) with v2's cause text (ASL-REFERENCE §9).
//!
//! Endpoints and credentials come resolved in [`AwsSettings`]: nothing here reads the
//! environment.
pub mod model;
pub mod protocol;
mod settings;
pub mod sigv4;

use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Map, Value};

use super::process::Limits;
use super::{Pattern, Resource, TaskResource};
use crate::asl::StatesError;
use crate::engine::{TaskInvocation, TaskOutcome};
use model::Model;
use protocol::{HttpRequest, HttpResponse, ServiceError};
pub use settings::{AwsSettings, Credentials, Endpoint, Service};

/// Which API of the service a resource calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// `arn:aws:states:::sqs:sendMessage` and its siblings (AWS SDK for Java v1).
    Optimized,
    /// `arn:aws:states:::aws-sdk:<service>:<action>` (AWS SDK for Java v2).
    Sdk,
}

/// A call a Task makes to one of the services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub service: Service,
    pub api: Api,
    /// The model's operation name (`SendMessage`).
    pub operation: String,
}

/// The service call a resource makes, for the integrations sent to endpoints here. The
/// optimized `lambda:invoke` and Lambda function ARNs are not among them: they keep
/// their own shapes (`super::endpoints`).
pub fn route(resource: &TaskResource) -> Option<Route> {
    let Resource::Integration {
        service,
        api,
        pattern,
        ..
    } = resource.parsed()
    else {
        return None;
    };
    let callback = *pattern == Pattern::WaitForTaskToken;
    if *pattern == Pattern::Sync {
        return None;
    }
    let (service, api_kind) = match service.as_str() {
        "sqs" => (Service::Sqs, Api::Optimized),
        "sns" => (Service::Sns, Api::Optimized),
        "dynamodb" => (Service::DynamoDb, Api::Optimized),
        "events" => (Service::EventBridge, Api::Optimized),
        "aws-sdk:sqs" => (Service::Sqs, Api::Sdk),
        "aws-sdk:sns" => (Service::Sns, Api::Sdk),
        "aws-sdk:dynamodb" => (Service::DynamoDb, Api::Sdk),
        "aws-sdk:eventbridge" => (Service::EventBridge, Api::Sdk),
        "aws-sdk:lambda" => (Service::Lambda, Api::Sdk),
        _ => return None,
    };
    if api_kind == Api::Optimized {
        let served = match service {
            Service::Sqs => api == "sendMessage",
            Service::Sns => api == "publish",
            Service::EventBridge => api == "putEvents",
            Service::DynamoDb => {
                !callback
                    && matches!(
                        api.as_str(),
                        "getItem" | "putItem" | "updateItem" | "deleteItem"
                    )
            }
            Service::Lambda => false,
        };
        if !served {
            return None;
        }
    }
    let mut operation = String::with_capacity(api.len());
    let mut chars = api.chars();
    if let Some(first) = chars.next() {
        operation.extend(first.to_uppercase());
        operation.extend(chars);
    }
    Some(Route {
        service,
        api: api_kind,
        operation,
    })
}

/// What a call gave: the Task's result, or how it ended otherwise.
pub type CallResult = Result<Value, TaskOutcome>;

/// Sends `invocation`'s call to `endpoint` and maps what comes back.
pub fn call(
    settings: &AwsSettings,
    endpoint: &Endpoint,
    route: &Route,
    invocation: &TaskInvocation,
) -> CallResult {
    let model = Model::of(route.service);
    let refuse = |message: String| {
        Err(TaskOutcome::Failed(StatesError::runtime(format!(
            "The resource '{}' of state '{}' cannot be called: {message}.",
            invocation.resource, invocation.state_name
        ))))
    };
    if model.operation(&route.operation).is_none() {
        return refuse(format!(
            "the {} API has no action '{}'",
            route.service.title(),
            invocation.resource.integration().map_or("", |(_, api)| api)
        ));
    }
    let params = match route.api {
        Api::Optimized => optimized_parameters(route.service, invocation.input),
        Api::Sdk => invocation.input.clone(),
    };
    let request = match protocol::build_request(model, &route.operation, &params) {
        Ok(r) => r,
        Err(message) => return refuse(message),
    };
    let response = match send(
        settings,
        endpoint,
        model.signing_name(),
        request,
        Limits::of(invocation),
    ) {
        Ok(r) => r,
        Err(SendError::TimedOut) => return Err(TaskOutcome::TimedOut),
        Err(SendError::Cancelled) => {
            return Err(TaskOutcome::Failed(StatesError::runtime(format!(
                "the call to the {} endpoint {} was abandoned: its execution no longer waits for it",
                route.service.title(),
                endpoint.url
            ))))
        }
        Err(SendError::Failed(message)) => {
            return Err(TaskOutcome::Failed(StatesError::new(
                "States.TaskFailed",
                format!(
                    "The {} endpoint {} ({}) did not answer {}: {message}",
                    route.service.title(),
                    endpoint.url,
                    endpoint.setting,
                    route.operation
                ),
            )))
        }
    };
    if !(200..300).contains(&response.status) {
        let error = protocol::parse_error(model, &response);
        return Err(TaskOutcome::Failed(map_error(route, model, &error)));
    }
    let result = match protocol::parse_response(model, &route.operation, &response) {
        Ok(v) => v,
        Err(message) => {
            return Err(TaskOutcome::Failed(StatesError::new(
                "States.TaskFailed",
                format!(
                    "The {} endpoint {} answered {} with a response that cannot be read: {message}",
                    route.service.title(),
                    endpoint.url,
                    route.operation
                ),
            )))
        }
    };
    match route.api {
        Api::Sdk => Ok(result),
        Api::Optimized => optimized_result(route.service, result, &response),
    }
}

/// The optimized integrations take a JSON value where the API takes text (a message
/// body, an event's detail) and send its JSON.
fn optimized_parameters(service: Service, input: &Value) -> Value {
    let mut params = input.clone();
    let stringify = |v: &mut Value| {
        if !v.is_string() && !v.is_null() {
            *v = Value::String(v.to_string());
        }
    };
    match service {
        Service::Sqs => {
            if let Some(v) = params.get_mut("MessageBody") {
                stringify(v);
            }
        }
        Service::Sns => {
            if let Some(v) = params.get_mut("Message") {
                stringify(v);
            }
        }
        Service::EventBridge => {
            if let Some(Value::Array(entries)) = params.get_mut("Entries") {
                for entry in entries {
                    if let Some(v) = entry.get_mut("Detail") {
                        stringify(v);
                    }
                }
            }
        }
        _ => {}
    }
    params
}

/// The optimized integration's result: the v1 response object as Jackson writes it
/// (members sorted, nulls left out) with the HTTP metadata v1 keeps; `events:putEvents`
/// returns its entries alone and fails when any entry failed.
fn optimized_result(service: Service, result: Value, response: &HttpResponse) -> CallResult {
    let result = sorted(result);
    if service == Service::EventBridge {
        let failed = result
            .get("FailedEntryCount")
            .and_then(Value::as_i64)
            .unwrap_or(0);
        if failed > 0 {
            return Err(TaskOutcome::Failed(StatesError::new(
                "EventBridge.FailedEntry",
                result.to_string(),
            )));
        }
        return Ok(result);
    }
    let mut out = match result {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let (metadata, request_id) = http_metadata(response);
    out.insert("SdkHttpMetadata".into(), metadata);
    out.insert(
        "SdkResponseMetadata".into(),
        serde_json::json!({ "RequestId": request_id }),
    );
    out.sort_keys();
    Ok(Value::Object(out))
}

fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> =
                map.into_iter().map(|(k, v)| (k, sorted(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().filter(|(_, v)| !v.is_null()).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// Header names as the services send them (the HTTP client reports them in lower case).
fn header_name(lower: &str) -> String {
    const KNOWN: [&str; 9] = [
        "Connection",
        "Content-Length",
        "Content-Type",
        "Date",
        "Server",
        "x-amzn-RequestId",
        "x-amz-crc32",
        "x-amz-id-2",
        "x-amzn-query-error",
    ];
    KNOWN
        .iter()
        .find(|k| k.eq_ignore_ascii_case(lower))
        .map_or_else(|| lower.to_string(), |k| k.to_string())
}

/// `SdkHttpMetadata` (every header, as lists and as single values, and the status) and
/// the request id, from the response.
fn http_metadata(response: &HttpResponse) -> (Value, String) {
    let mut names: Vec<String> = Vec::new();
    let mut all: Map<String, Value> = Map::new();
    let mut single: Map<String, Value> = Map::new();
    for (name, value) in &response.headers {
        let name = header_name(name);
        if !names.contains(&name) {
            names.push(name.clone());
        }
        match all
            .entry(name.clone())
            .or_insert_with(|| Value::Array(vec![]))
        {
            Value::Array(values) => values.push(Value::String(value.clone())),
            _ => unreachable!("only arrays are inserted"),
        }
        single.insert(name, Value::String(value.clone()));
    }
    names.sort_by_key(|n| n.to_ascii_lowercase());
    let order = |map: &Map<String, Value>| -> Map<String, Value> {
        names
            .iter()
            .filter_map(|n| map.get(n).map(|v| (n.clone(), v.clone())))
            .collect()
    };
    let request_id = response
        .header("x-amzn-RequestId")
        .or_else(|| response.header("x-amz-request-id"))
        .map(String::from)
        .or_else(|| body_request_id(&response.body))
        .unwrap_or_default();
    (
        serde_json::json!({
            "AllHttpHeaders": order(&all),
            "HttpHeaders": order(&single),
            "HttpStatusCode": response.status,
        }),
        request_id,
    )
}

/// A query-protocol response names its request in `<RequestId>`.
fn body_request_id(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let start = text.find("<RequestId>")? + "<RequestId>".len();
    let end = text[start..].find("</RequestId>")? + start;
    Some(text[start..end].trim().to_string())
}

/// A service error as Step Functions names it (module docs).
fn map_error(route: &Route, model: &Model, error: &ServiceError) -> StatesError {
    let service = route.service;
    let request_id = error.request_id.clone().unwrap_or_default();
    let message = error.message.clone().unwrap_or_else(|| "null".into());
    let exception = |name: &str| {
        if name.ends_with("Exception") {
            name.to_string()
        } else {
            format!("{name}Exception")
        }
    };
    let modeled = model
        .exception(&error.code)
        .or_else(|| error.query_code.as_deref().and_then(|c| model.exception(c)));
    match route.api {
        Api::Optimized => {
            let name = modeled.map_or_else(|| service.v1_base_exception().to_string(), exception);
            let code = error.query_code.as_deref().unwrap_or(&error.code);
            StatesError::new(
                format!("{}.{name}", service.v1_prefix()),
                format!(
                    "{message} (Service: {}; Status Code: {}; Error Code: {code}; Request ID: {request_id}; Proxy: null)",
                    service.v1_service(),
                    error.status
                ),
            )
        }
        Api::Sdk => {
            let name =
                modeled.map_or_else(|| format!("{}Exception", service.sdk_name()), exception);
            StatesError::new(
                format!("{}.{name}", service.sdk_name()),
                format!(
                    "{message} (Service: {}, Status Code: {}, Request ID: {request_id}) (SDK Attempt Count: 1)",
                    service.sdk_name(),
                    error.status
                ),
            )
        }
    }
}

/// How long a connection to an endpoint may take to open.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a call without TimeoutSeconds waits for its answer.
const NO_ANSWER: Duration = Duration::from_secs(60);

pub(crate) enum SendError {
    TimedOut,
    /// The invocation was cancelled while the call was out: it was abandoned.
    Cancelled,
    Failed(String),
}

/// Sends `request` to `endpoint`, signed for `signing_name` when there are credentials.
pub(crate) fn send(
    settings: &AwsSettings,
    endpoint: &Endpoint,
    signing_name: &str,
    request: HttpRequest,
    limits: Limits,
) -> Result<HttpResponse, SendError> {
    let timeout_seconds = limits.timeout.map(|t| t.as_secs());
    let base: ureq::http::Uri = endpoint
        .url
        .parse()
        .map_err(|e| SendError::Failed(format!("the endpoint is not a URL: {e}")))?;
    let scheme = base.scheme_str().unwrap_or("http");
    let authority = base
        .authority()
        .map(|a| a.as_str().to_string())
        .ok_or_else(|| SendError::Failed("the endpoint URL has no host".into()))?;
    let path = format!("{}{}", base.path().trim_end_matches('/'), request.path);
    let mut headers = request.headers.clone();
    if let Some(credentials) = &settings.credentials {
        let unsigned = sigv4::Unsigned {
            method: &request.method,
            host: &authority,
            path: &path,
            query: &request.query,
            headers: &request.headers,
            body: &request.body,
        };
        headers.extend(sigv4::sign(
            &unsigned,
            credentials,
            &settings.region,
            signing_name,
            // The endpoint checks the signature's date against its own real clock.
            chrono::Utc::now(),
        ));
    }
    let url = if request.query.is_empty() {
        format!("{scheme}://{authority}{path}")
    } else {
        format!("{scheme}://{authority}{path}?{}", request.query)
    };
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(&url)
        .header("Host", &authority);
    for (name, value) in &headers {
        builder = builder.header(name, value);
    }
    let http_request = builder
        .body(request.body)
        .map_err(|e| SendError::Failed(e.to_string()))?;
    // Without TimeoutSeconds an endpoint that never answers must not hold the execution
    // forever: the SDKs' own socket timeouts end such calls too. Lambda functions may run
    // for 15 minutes.
    let fallback = if signing_name == "lambda" {
        Duration::from_secs(900)
    } else {
        NO_ANSWER
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(timeout_seconds.map_or(fallback, Duration::from_secs)))
        .build()
        .into();
    if !limits.cancel.is_live() {
        return exchange(&agent, http_request, timeout_seconds, fallback);
    }
    // The call runs on a thread of its own, so that a cancelled invocation (or a deadline
    // on a clock that is not the system's) stops waiting for it at once; the call itself
    // ends with its socket timeouts, its answer unread.
    let deadline = limits.deadline();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(exchange(&agent, http_request, timeout_seconds, fallback));
    });
    const TICK: Duration = Duration::from_millis(20);
    loop {
        match rx.recv_timeout(TICK) {
            Ok(answer) => return answer,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(SendError::Failed("the call ended without an answer".into()))
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if limits.cancel.is_cancelled() {
            return Err(SendError::Cancelled);
        }
        if deadline.is_some_and(|d| limits.clock.now_millis() >= d) {
            return Err(SendError::TimedOut);
        }
    }
}

/// Sends the request and reads the whole answer.
fn exchange(
    agent: &ureq::Agent,
    http_request: ureq::http::Request<Vec<u8>>,
    timeout_seconds: Option<u64>,
    fallback: Duration,
) -> Result<HttpResponse, SendError> {
    let mut response = match agent.run(http_request) {
        Ok(r) => r,
        Err(ureq::Error::Timeout(_)) if timeout_seconds.is_some() => {
            return Err(SendError::TimedOut)
        }
        Err(ureq::Error::Timeout(_)) => {
            return Err(SendError::Failed(format!(
                "no answer in {} s",
                fallback.as_secs()
            )))
        }
        Err(e) => return Err(SendError::Failed(e.to_string())),
    };
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).to_string(),
            )
        })
        .collect();
    let body = response
        .body_mut()
        .read_to_vec()
        .map_err(|e| SendError::Failed(e.to_string()))?;
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests;
