//! AWS's JSON 1.0 protocol as Step Functions speaks it: `POST /` with
//! `X-Amz-Target: AWSStepFunctions.<Operation>` and a JSON body; answers are JSON with
//! `Content-Type: application/x-amz-json-1.0`, errors an HTTP status and
//! `{"__type": "<namespace>#<Code>", "message": ...}`. The SDKs take the part after `#`
//! as the error code, so every SDK raises its own exception type for each code.
use serde_json::{json, Value};

use crate::api::error::ErrorKind;
use crate::api::ApiError;

pub const TARGET_PREFIX: &str = "AWSStepFunctions.";
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.0";
/// AWS's limit on a Step Functions request: 1 MB, headers included; the body alone is
/// held to it here.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// Step Functions' own exceptions.
const SERVICE_NAMESPACE: &str = "com.amazonaws.swf.service.v2.model";
/// Constraint violations found before the service runs (`ValidationException`).
const VALIDATE_NAMESPACE: &str = "com.amazon.coral.validate";
/// Requests the front end cannot read or route.
const FRONT_END_NAMESPACE: &str = "com.amazon.coral.service";

/// An error as it goes on the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct WireError {
    pub status: u16,
    /// The code an SDK sees (`StateMachineDoesNotExist`).
    pub code: String,
    namespace: Option<&'static str>,
    pub message: Option<String>,
}

impl WireError {
    fn new(status: u16, namespace: &'static str, code: &str, message: Option<String>) -> Self {
        WireError {
            status,
            code: code.to_string(),
            namespace: Some(namespace),
            message,
        }
    }

    pub fn validation(violations: &[String]) -> Self {
        let noun = if violations.len() == 1 {
            "error"
        } else {
            "errors"
        };
        WireError::new(
            400,
            VALIDATE_NAMESPACE,
            "ValidationException",
            Some(format!(
                "{} validation {noun} detected: {}",
                violations.len(),
                violations.join("; ")
            )),
        )
    }

    /// The body is not JSON, or a member has the wrong JSON type.
    pub fn serialization(message: Option<String>) -> Self {
        WireError::new(400, FRONT_END_NAMESPACE, "SerializationException", message)
    }

    pub fn unknown_operation(message: String) -> Self {
        WireError::new(
            400,
            FRONT_END_NAMESPACE,
            "UnknownOperationException",
            Some(message),
        )
    }

    pub fn too_large(length: usize) -> Self {
        WireError::new(
            413,
            FRONT_END_NAMESPACE,
            "RequestEntityTooLargeException",
            Some(format!(
                "the request body of {length} bytes is over the limit of {MAX_BODY_BYTES} bytes"
            )),
        )
    }

    /// A request refused for where it comes from (another web origin, another host name).
    pub fn access_denied(message: String) -> Self {
        WireError::new(
            403,
            FRONT_END_NAMESPACE,
            "AccessDeniedException",
            Some(message),
        )
    }

    pub fn throttled() -> Self {
        WireError::new(
            400,
            FRONT_END_NAMESPACE,
            "ThrottlingException",
            Some("Rate exceeded".into()),
        )
    }

    /// A request that arrives while the server stops (SDKs retry a 503).
    pub fn stopping() -> Self {
        WireError::new(
            503,
            FRONT_END_NAMESPACE,
            "ServiceUnavailable",
            Some("sfn serve is stopping".into()),
        )
    }

    pub fn internal(message: String) -> Self {
        WireError::new(500, FRONT_END_NAMESPACE, "InternalFailure", Some(message))
    }

    /// An error the API layer returned, with the status and namespace AWS gives its code.
    pub fn from_api(e: ApiError) -> Self {
        match e.kind() {
            ErrorKind::Service if e.code == "ValidationException" => {
                WireError::new(400, VALIDATE_NAMESPACE, e.code.as_str(), Some(e.message))
            }
            ErrorKind::Service => {
                WireError::new(400, SERVICE_NAMESPACE, e.code.as_str(), Some(e.message))
            }
            // The request's members are checked against the model before the API runs;
            // what the API still finds unreadable is a constraint AWS reports the same way.
            ErrorKind::Parameter => WireError::validation(&[e.message]),
            ErrorKind::NotImplemented => WireError::new(
                400,
                SERVICE_NAMESPACE,
                "UnsupportedOperation",
                Some(e.message),
            ),
            ErrorKind::Internal => WireError::internal(e.message),
        }
    }

    /// `{"__type": ..., "message": ...}`.
    pub fn body(&self) -> Value {
        let type_ = match self.namespace {
            Some(ns) => format!("{ns}#{}", self.code),
            None => self.code.clone(),
        };
        match &self.message {
            Some(m) => json!({ "__type": type_, "message": m }),
            None => json!({ "__type": type_ }),
        }
    }
}

/// The operation a request names, from its headers (name, value pairs).
pub fn operation<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<String, WireError> {
    let mut target = None;
    let mut content_type = None;
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("x-amz-target") {
            target = Some(value);
        } else if name.eq_ignore_ascii_case("content-type") {
            content_type = Some(value);
        }
    }
    let Some(target) = target else {
        return Err(WireError::unknown_operation(format!(
            "no X-Amz-Target header: name the operation as {TARGET_PREFIX}<Operation>"
        )));
    };
    let operation = target
        .strip_prefix(TARGET_PREFIX)
        .filter(|op| crate::api::Operation::parse(op).is_some())
        .ok_or_else(|| {
            WireError::unknown_operation(format!(
                "unknown operation '{target}': X-Amz-Target must be {TARGET_PREFIX}<Operation>, one of the 37 Step Functions operations"
            ))
        })?;
    // The media type, without parameters such as `; charset=utf-8`. JSON 1.1 carries the
    // same bodies; some clients send it.
    let media = content_type
        .map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    if media != CONTENT_TYPE && media != "application/x-amz-json-1.1" {
        return Err(WireError::serialization(Some(format!(
            "Content-Type must be {CONTENT_TYPE}, not '{}'",
            content_type.unwrap_or("")
        ))));
    }
    Ok(operation.to_string())
}

/// The request body as a JSON object (an empty body is `{}`).
pub fn request_body(body: &[u8]) -> Result<Value, WireError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(json!({}));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err(WireError::serialization(Some(
            "the request body must be a JSON object".into(),
        ))),
        Err(e) => Err(WireError::serialization(Some(format!(
            "the request body is not JSON: {e}"
        )))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ErrorCode;

    fn op(headers: &[(&'static str, &'static str)]) -> Result<String, WireError> {
        operation(headers.iter().copied())
    }

    #[test]
    fn the_target_names_the_operation() {
        assert_eq!(
            op(&[
                ("X-Amz-Target", "AWSStepFunctions.ListStateMachines"),
                ("Content-Type", "application/x-amz-json-1.0")
            ])
            .unwrap(),
            "ListStateMachines"
        );
        assert_eq!(
            op(&[
                ("x-amz-target", "AWSStepFunctions.StartExecution"),
                ("content-type", "application/x-amz-json-1.0; charset=utf-8")
            ])
            .unwrap(),
            "StartExecution"
        );
    }

    #[test]
    fn bad_targets_and_content_types_are_refused() {
        let ct = ("Content-Type", CONTENT_TYPE);
        for headers in [
            vec![ct],
            vec![ct, ("X-Amz-Target", "AWSStepFunctions.Nope")],
            vec![ct, ("X-Amz-Target", "DynamoDB_20120810.ListTables")],
        ] {
            assert_eq!(op(&headers).unwrap_err().code, "UnknownOperationException");
        }
        let e = op(&[
            ("X-Amz-Target", "AWSStepFunctions.ListStateMachines"),
            ("Content-Type", "text/plain"),
        ])
        .unwrap_err();
        assert_eq!((e.status, e.code.as_str()), (400, "SerializationException"));
    }

    #[test]
    fn errors_carry_aws_namespaces() {
        let e = WireError::from_api(ApiError::new(ErrorCode::StateMachineDoesNotExist, "gone"));
        assert_eq!(
            e.body(),
            json!({"__type": "com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist", "message": "gone"})
        );
        assert_eq!(e.status, 400);
        let e = WireError::from_api(ApiError::new(ErrorCode::ValidationException, "bad"));
        assert_eq!(
            e.body()["__type"],
            "com.amazon.coral.validate#ValidationException"
        );
        let e = WireError::from_api(ApiError::internal("disk full"));
        assert_eq!((e.status, e.code.as_str()), (500, "InternalFailure"));
    }

    #[test]
    fn bodies_must_be_json_objects() {
        assert_eq!(request_body(b"").unwrap(), json!({}));
        assert_eq!(request_body(b"{\"a\":1}").unwrap(), json!({"a": 1}));
        assert_eq!(
            request_body(b"{nope").unwrap_err().code,
            "SerializationException"
        );
        assert_eq!(
            request_body(b"[1]").unwrap_err().code,
            "SerializationException"
        );
    }
}
