//! What CreateStateMachine and UpdateStateMachine check before storing: the definition,
//! the role ARN, the logging and encryption configurations, the version description.
use super::*;

/// The validator's errors (and the minimal shape check: a JSON object with `StartAt` and
/// `States`) as AWS reports them: `Invalid State Machine Definition: '<CODE>: <message> at
/// <location>, ...'`.
pub fn check_definition(text: &str, machine_type: MachineType) -> Result<(), ApiError> {
    // The model's limit on the definition member (1 MiB, in characters).
    if text.chars().count() > 1_048_576 {
        return Err(validation(
            "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576".into(),
        ));
    }
    // Parsed once: the validator and the shape check read the same document.
    let document = Document::parse(text);
    let diagnostics = match &document {
        Ok(document) => validate::check(document, machine_type),
        Err(e) => vec![validate::syntax_error(e.clone())],
    };
    let mut problems: Vec<String> = diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            if d.location.is_empty() {
                format!("{}: {}", d.code, d.message)
            } else {
                format!("{}: {} at {}", d.code, d.message, d.location)
            }
        })
        .collect();
    if problems.is_empty() {
        match document.as_ref().map(|d| &d.value) {
            Ok(Value::Object(doc)) => {
                for field in ["StartAt", "States"] {
                    if !doc.contains_key(field) {
                        problems.push(format!(
                            "SCHEMA_VALIDATION_FAILED: These fields are required: [{field}] at /"
                        ));
                    }
                }
            }
            Ok(_) => problems
                .push("SCHEMA_VALIDATION_FAILED: The definition must be a JSON object at /".into()),
            Err(e) => problems.push(format!("INVALID_JSON_DESCRIPTION: {e}")),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::InvalidDefinition,
            format!(
                "Invalid State Machine Definition: '{}'",
                problems.join(", ")
            ),
        ))
    }
}

pub(super) fn check_role_arn(role_arn: &str) -> Result<(), ApiError> {
    let parts: Vec<&str> = role_arn.splitn(6, ':').collect();
    if parts.len() == 6 && parts[0] == "arn" && parts[2] == "iam" {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::InvalidArn,
            format!(
                "Invalid Arn: 'Invalid Role Arn: {}'",
                crate::asl::error::quote(role_arn)
            ),
        ))
    }
}

pub(super) fn check_logging(c: &LoggingConfiguration) -> Result<(), ApiError> {
    let level = c.level.as_deref().unwrap_or("OFF");
    if !["ALL", "ERROR", "FATAL", "OFF"].contains(&level) {
        return Err(validation(format!(
            "1 validation error detected: Value '{level}' at 'loggingConfiguration.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]"
        )));
    }
    let destinations = c.destinations.as_ref().map_or(0, Vec::len);
    if (level != "OFF" && destinations != 1) || destinations > 1 {
        return Err(ApiError::new(
            ErrorCode::InvalidLoggingConfiguration,
            "Invalid Logging Configuration: Must specify exactly one Log Destination.",
        ));
    }
    Ok(())
}

pub(super) fn check_encryption(c: &EncryptionConfiguration) -> Result<(), ApiError> {
    match c.encryption_type.as_str() {
        "AWS_OWNED_KEY" => Ok(()),
        "CUSTOMER_MANAGED_KMS_KEY" if c.kms_key_id.is_some() => Ok(()),
        "CUSTOMER_MANAGED_KMS_KEY" => Err(ApiError::new(
            ErrorCode::InvalidEncryptionConfiguration,
            "Invalid Encryption Configuration: kmsKeyId is required for CUSTOMER_MANAGED_KMS_KEY",
        )),
        other => Err(validation(format!(
            "1 validation error detected: Value '{other}' at 'encryptionConfiguration.type' failed to satisfy constraint: Member must satisfy enum value set: [AWS_OWNED_KEY, CUSTOMER_MANAGED_KMS_KEY]"
        ))),
    }
}

pub(super) fn check_version_description(
    publish: Option<bool>,
    description: &Option<String>,
) -> Result<(), ApiError> {
    if description.is_some() && publish != Some(true) {
        return Err(validation(
            "Version description can only be set when publish is true".into(),
        ));
    }
    Ok(())
}
