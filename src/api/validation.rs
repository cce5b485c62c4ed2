//! `ValidateStateMachineDefinition`: AWS's response for a definition, never stored,
//! never executed.
use serde_json::{json, Map, Value};

use super::ApiError;
use super::ErrorCode;
use crate::asl::validate::{self, MachineType, Severity};

/// AWS's default and largest `maxResults`.
const MAX_RESULTS: u64 = 100;
const MAX_DEFINITION_BYTES: usize = 1_048_576;

fn validation_error(value: &str, field: &str, constraint: &str) -> ApiError {
    ApiError::new(
        ErrorCode::ValidationException,
        format!("1 validation error detected: Value '{}' at '{field}' failed to satisfy constraint: {constraint}", crate::asl::error::quote(value)),
    )
}

/// The machine type named by a request's `type` (`STANDARD` when absent).
pub fn machine_type(value: Option<&Value>) -> Result<MachineType, ApiError> {
    match value.and_then(Value::as_str) {
        None | Some("STANDARD") => Ok(MachineType::Standard),
        Some("EXPRESS") => Ok(MachineType::Express),
        Some(other) => Err(validation_error(
            other,
            "type",
            "Member must satisfy enum value set: [STANDARD, EXPRESS]",
        )),
    }
}

pub fn validate_state_machine_definition(input: &Value) -> Result<Value, ApiError> {
    let definition = match input.get("definition") {
        Some(Value::String(d)) => d,
        _ => {
            return Err(ApiError::new(
                ErrorCode::ValidationException,
                "definition is required",
            ))
        }
    };
    // `definition` is a sensitive field: AWS leaves its value out of the message.
    if definition.is_empty() {
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ));
    }
    if definition.len() > MAX_DEFINITION_BYTES {
        return Err(ApiError::new(
            ErrorCode::ValidationException,
            "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576",
        ));
    }
    let machine_type = machine_type(input.get("type"))?;
    let with_warnings = match input.get("severity").and_then(Value::as_str) {
        None | Some("ERROR") => false,
        Some("WARNING") => true,
        Some(other) => {
            return Err(validation_error(
                other,
                "severity",
                "Member must satisfy enum value set: [ERROR, WARNING]",
            ))
        }
    };
    let max_results = match input.get("maxResults") {
        None | Some(Value::Null) => MAX_RESULTS,
        Some(v) => match v.as_i64() {
            Some(0) => MAX_RESULTS,
            Some(n) if (1..=MAX_RESULTS as i64).contains(&n) => n as u64,
            Some(n) if n < 0 => {
                return Err(validation_error(
                    &n.to_string(),
                    "maxResults",
                    "Member must have value greater than or equal to 0",
                ))
            }
            Some(n) => {
                return Err(validation_error(
                    &n.to_string(),
                    "maxResults",
                    "Member must have value less than or equal to 100",
                ))
            }
            None => {
                return Err(ApiError::new(
                    ErrorCode::ValidationException,
                    format!("maxResults must be an integer, not {v}"),
                ))
            }
        },
    };

    let all = validate::validate(definition, machine_type);
    let failed = validate::has_errors(&all);
    let shown: Vec<_> = all
        .iter()
        .filter(|d| with_warnings || d.severity == Severity::Error)
        .collect();
    let truncated = shown.len() as u64 > max_results;
    let diagnostics: Vec<Value> = shown
        .into_iter()
        .take(max_results as usize)
        .map(|d| {
            let mut entry = Map::new();
            entry.insert("severity".into(), json!(d.severity.as_str()));
            entry.insert("code".into(), json!(d.code));
            entry.insert("message".into(), json!(d.message));
            if !d.location.is_empty() {
                entry.insert("location".into(), json!(d.location));
            }
            Value::Object(entry)
        })
        .collect();
    Ok(json!({
        "result": if failed { "FAIL" } else { "OK" },
        "diagnostics": diagnostics,
        "truncated": truncated,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: Value) -> Value {
        validate_state_machine_definition(&input).unwrap()
    }

    #[test]
    fn ok_definition() {
        let out = run(
            json!({"definition": r#"{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}"#}),
        );
        assert_eq!(
            out,
            json!({"result": "OK", "diagnostics": [], "truncated": false})
        );
    }

    #[test]
    fn failing_definition_lists_errors_with_locations() {
        let out = run(json!({"definition": "{}"}));
        assert_eq!(
            out,
            json!({"result": "FAIL", "diagnostics": [{
                "severity": "ERROR",
                "code": "SCHEMA_VALIDATION_FAILED",
                "message": "These fields are required: [States, StartAt]",
                "location": "/"
            }], "truncated": false})
        );
    }

    #[test]
    fn warnings_only_on_request_and_never_fail() {
        let definition =
            r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x":"$.a"},"End":true}}}"#;
        let quiet = run(json!({"definition": definition}));
        assert_eq!(quiet["diagnostics"], json!([]));
        let loud = run(json!({"definition": definition, "severity": "WARNING"}));
        assert_eq!(loud["result"], "OK");
        assert_eq!(loud["diagnostics"][0]["severity"], "WARNING");
        assert_eq!(loud["diagnostics"][0]["code"], "NO_DOLLAR");
    }

    #[test]
    fn max_results_truncates() {
        let definition = r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"},"B":{"Type":"Pass","Next":"Y"}}}"#;
        let out = run(json!({"definition": definition, "maxResults": 1}));
        assert_eq!(out["diagnostics"].as_array().unwrap().len(), 1);
        assert_eq!(out["truncated"], true);
    }

    #[test]
    fn express_type_is_applied() {
        let definition = r#"{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","End":true}}}"#;
        assert_eq!(run(json!({"definition": definition}))["result"], "OK");
        let out = run(json!({"definition": definition, "type": "EXPRESS"}));
        assert_eq!(out["result"], "FAIL");
        assert_eq!(
            out["diagnostics"][0]["message"],
            "Express state machine does not support '.sync' service integration"
        );
        assert_eq!(out["diagnostics"][0]["location"], "/States/A/Resource");
    }

    #[test]
    fn bad_parameters_are_validation_exceptions() {
        let err = validate_state_machine_definition(&json!({"definition": "{}", "type": "FAST"}))
            .unwrap_err();
        assert_eq!(err.code, "ValidationException");
        for bad in [json!(101), json!(-1), json!(1.5), json!("2")] {
            let request = json!({"definition": "{}", "maxResults": bad});
            let err = validate_state_machine_definition(&request).unwrap_err();
            assert_eq!(err.code, "ValidationException");
        }
        let err = validate_state_machine_definition(&json!({"definition": ""})).unwrap_err();
        assert_eq!(
            err.message,
            "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1"
        );
    }
}
