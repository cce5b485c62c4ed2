//! Lambda's shapes: what a function receives from `lambda:invoke`, the response AWS wraps
//! its result in, and how a function error becomes Error/Cause (ASL-REFERENCE §9, §13).
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use crate::asl::StatesError;

/// The bytes a function receives for a `lambda:invoke` `Payload`: a string is the payload
/// text itself (AWS sends it unparsed), other values their JSON, none an empty object.
pub fn invoke_payload(parameters: &Value) -> Vec<u8> {
    match parameters.get("Payload") {
        Some(Value::String(text)) => text.as_bytes().to_vec(),
        None | Some(Value::Null) => b"{}".to_vec(),
        Some(value) => value.to_string().into_bytes(),
    }
}

/// The version `ExecutedVersion` reports: a numeric qualifier is a version; an alias or no
/// qualifier runs `$LATEST` offline.
pub fn executed_version(qualifier: Option<&str>) -> String {
    match qualifier {
        Some(q) if !q.is_empty() && q.bytes().all(|b| b.is_ascii_digit()) => q.to_string(),
        _ => "$LATEST".to_string(),
    }
}

/// The result of `arn:aws:states:::lambda:invoke`, shaped as AWS returns it.
/// `now`: when it answered (its `Date` header and trace id).
pub fn invoke_response(payload: Value, executed_version: &str, now: DateTime<Utc>) -> Value {
    let request_id = uuid::Uuid::new_v4().to_string();
    let length = payload.to_string().len().to_string();
    let date = now.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    let trace = format!(
        "Root=1-{:08x}-{};Sampled=0",
        now.timestamp(),
        &uuid::Uuid::new_v4().simple().to_string()[..24]
    );
    json!({
        "ExecutedVersion": executed_version,
        "Payload": payload,
        "SdkHttpMetadata": {
            "AllHttpHeaders": {
                "X-Amz-Executed-Version": [executed_version],
                "x-amzn-Remapped-Content-Length": ["0"],
                "Connection": ["keep-alive"],
                "x-amzn-RequestId": [request_id],
                "Content-Length": [length],
                "Date": [date],
                "X-Amzn-Trace-Id": [trace],
                "Content-Type": ["application/json"]
            },
            "HttpHeaders": {
                "Connection": "keep-alive",
                "Content-Length": length,
                "Content-Type": "application/json",
                "Date": date,
                "X-Amz-Executed-Version": executed_version,
                "x-amzn-Remapped-Content-Length": "0",
                "x-amzn-RequestId": request_id,
                "X-Amzn-Trace-Id": trace
            },
            "HttpStatusCode": 200
        },
        "SdkResponseMetadata": {"RequestId": request_id},
        "StatusCode": 200
    })
}

/// How a function's error payload is rendered as Cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CauseStyle {
    /// Bare function ARN: the payload text as the function emitted it.
    AsEmitted,
    /// `lambda:invoke`: the payload re-serialised compactly.
    Compact,
}

/// A function error in Lambda's shape (`{"errorType": ..., "errorMessage": ...}`) as the
/// failure AWS records: Error = errorType, Cause = the whole payload. `None` when `output`
/// is not that shape.
pub fn function_error(output: &str, style: CauseStyle) -> Option<StatesError> {
    let value: Value = serde_json::from_str(output.trim()).ok()?;
    let object: &Map<String, Value> = value.as_object()?;
    let error = object.get("errorType")?.as_str()?.to_string();
    object.get("errorMessage")?;
    let cause = match style {
        CauseStyle::AsEmitted => output.trim().to_string(),
        CauseStyle::Compact => value.to_string(),
    };
    Some(StatesError {
        error: Some(error),
        cause: Some(cause),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_strings_are_sent_as_text() {
        assert_eq!(
            invoke_payload(&json!({"Payload": "\"HelloWorld\""})),
            b"\"HelloWorld\""
        );
        assert_eq!(invoke_payload(&json!({"Payload": "0.0"})), b"0.0");
        assert_eq!(
            invoke_payload(&json!({"Payload": {"a": [1]}})),
            b"{\"a\":[1]}"
        );
        assert_eq!(invoke_payload(&json!({"FunctionName": "f"})), b"{}");
        assert_eq!(invoke_payload(&json!({"Payload": null})), b"{}");
    }

    #[test]
    fn the_response_has_aws_shape() {
        let at = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let response = invoke_response(json!({"ok": true}), "$LATEST", at);
        assert_eq!(response["Payload"], json!({"ok": true}));
        let headers = &response["SdkHttpMetadata"]["HttpHeaders"];
        assert_eq!(headers["Date"], "Tue, 14 Nov 2023 22:13:20 GMT");
        assert!(headers["X-Amzn-Trace-Id"]
            .as_str()
            .unwrap()
            .starts_with("Root=1-6553f100-"));
        assert_eq!(response["StatusCode"], 200);
        assert_eq!(response["ExecutedVersion"], "$LATEST");
        assert_eq!(response["SdkHttpMetadata"]["HttpStatusCode"], 200);
        assert_eq!(
            response["SdkHttpMetadata"]["HttpHeaders"]["Content-Length"],
            "11"
        );
        assert_eq!(
            response["SdkResponseMetadata"]["RequestId"],
            response["SdkHttpMetadata"]["HttpHeaders"]["x-amzn-RequestId"]
        );
        let keys: Vec<&String> = response.as_object().unwrap().keys().collect();
        assert_eq!(
            keys,
            [
                "ExecutedVersion",
                "Payload",
                "SdkHttpMetadata",
                "SdkResponseMetadata",
                "StatusCode"
            ]
        );
    }

    #[test]
    fn executed_versions() {
        assert_eq!(executed_version(None), "$LATEST");
        assert_eq!(executed_version(Some("7")), "7");
        assert_eq!(executed_version(Some("prod")), "$LATEST");
    }

    #[test]
    fn function_errors_keep_or_compact_the_payload() {
        let emitted = "{\"errorMessage\": \"boom\", \"errorType\": \"ValueError\"}\n";
        assert_eq!(
            function_error(emitted, CauseStyle::AsEmitted),
            Some(StatesError::new(
                "ValueError",
                "{\"errorMessage\": \"boom\", \"errorType\": \"ValueError\"}"
            ))
        );
        assert_eq!(
            function_error(emitted, CauseStyle::Compact),
            Some(StatesError::new(
                "ValueError",
                "{\"errorMessage\":\"boom\",\"errorType\":\"ValueError\"}"
            ))
        );
        assert_eq!(
            function_error("{\"errorType\": \"E\"}", CauseStyle::Compact),
            None
        );
        assert_eq!(function_error("not json", CauseStyle::Compact), None);
        assert_eq!(function_error("[1]", CauseStyle::Compact), None);
    }
}
