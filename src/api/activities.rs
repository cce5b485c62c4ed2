//! Activities: CreateActivity, DescribeActivity, ListActivities, DeleteActivity.
use serde_json::{json, Map, Value};

use super::{check_name, ApiError, Context};
use crate::store::activities::{self, ActivityRecord};

/// Answers the operations this module implements, `None` for the others.
pub fn call(ctx: &mut Context, operation: &str, input: &Value) -> Option<Result<Value, ApiError>> {
    Some(match operation {
        "CreateActivity" => create_activity(ctx, input),
        "DescribeActivity" => describe_activity(ctx, input),
        "ListActivities" => list_activities(ctx, input),
        "DeleteActivity" => delete_activity(ctx, input),
        _ => return None,
    })
}

/// The most tags a resource may carry.
const MAX_TAGS: usize = 50;

fn create_activity(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let input = object(input)?;
    let name = required_str(input, "name")?;
    check_name(name)?;
    let tags = tags(input)?;
    let encryption = match input.get("encryptionConfiguration") {
        None | Some(Value::Null) => None,
        Some(config) => Some(encryption_configuration(config)?),
    };
    let record = ActivityRecord {
        arn: ctx.arn(&format!("activity:{name}")),
        name: name.to_string(),
        creation_date: ctx.now(),
        encryption_configuration: encryption.as_ref().map(Value::to_string),
    };
    let (activity, created) = activities::create(&ctx.store, &record, &tags)?;
    // Idempotent by name; only a different encryption configuration is a conflict.
    if !created
        && encryption.is_some()
        && activity.encryption_configuration != record.encryption_configuration
    {
        return Err(ApiError::new(
            "ActivityAlreadyExists",
            format!("Activity already exists: '{}'", activity.arn),
        ));
    }
    Ok(json!({
        "activityArn": activity.arn,
        "creationDate": super::timestamp(activity.creation_date),
    }))
}

fn describe_activity(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = activity_arn(object(input)?)?;
    let activity = activities::get(&ctx.store, arn)?.ok_or_else(|| does_not_exist(arn))?;
    let encryption = activity
        .encryption_configuration
        .as_deref()
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_else(|| json!({"type": "AWS_OWNED_KEY"}));
    Ok(json!({
        "activityArn": activity.arn,
        "name": activity.name,
        "creationDate": super::timestamp(activity.creation_date),
        "encryptionConfiguration": encryption,
    }))
}

fn list_activities(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let input = object(input)?;
    let limit = page_size(input.get("maxResults"))?;
    let after = match input.get("nextToken") {
        None | Some(Value::Null) => None,
        Some(Value::String(token)) => Some(decode_token(token)?),
        Some(_) => {
            return Err(ApiError::parameter(
                "Invalid type for parameter nextToken, value must be a string",
            ))
        }
    };
    // One more than a page tells whether another page follows.
    let mut rows = activities::list(&ctx.store, after.as_deref(), limit + 1)?;
    let more = rows.len() > limit;
    rows.truncate(limit);
    let items: Vec<Value> = rows
        .iter()
        .map(|a| {
            json!({
                "activityArn": a.arn,
                "name": a.name,
                "creationDate": super::timestamp(a.creation_date),
            })
        })
        .collect();
    let mut output = json!({ "activities": items });
    if more {
        if let Some(last) = rows.last() {
            output["nextToken"] = Value::String(encode_token(&last.name));
        }
    }
    Ok(output)
}

fn delete_activity(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = activity_arn(object(input)?)?;
    // Deleting an activity that does not exist succeeds, as on AWS.
    activities::delete(&ctx.store, arn)?;
    Ok(json!({}))
}

pub(crate) fn does_not_exist(arn: &str) -> ApiError {
    ApiError::new(
        "ActivityDoesNotExist",
        format!(
            "Activity Does Not Exist: '{}'",
            crate::asl::error::quote(arn)
        ),
    )
}

/// The request's `activityArn`, which must be an activity ARN.
pub(crate) fn activity_arn(input: &Map<String, Value>) -> Result<&str, ApiError> {
    let arn = required_str(input, "activityArn")?;
    let invalid = |why: String| ApiError::new("InvalidArn", format!("Invalid Arn: '{why}'"));
    let parts: Vec<&str> = arn.splitn(7, ':').collect();
    if parts.first() != Some(&"arn") {
        return Err(invalid(format!(
            "Invalid ARN prefix: {}",
            crate::asl::error::quote(arn)
        )));
    }
    if parts.len() < 7 || parts[2] != "states" || parts[6].is_empty() {
        return Err(invalid(format!(
            "Resource type not valid in this context: {arn}"
        )));
    }
    if parts[5] != "activity" {
        return Err(invalid(format!(
            "Resource type not valid in this context: {}",
            parts[5]
        )));
    }
    Ok(arn)
}

pub(crate) fn object(input: &Value) -> Result<&Map<String, Value>, ApiError> {
    input
        .as_object()
        .ok_or_else(|| ApiError::parameter("the request must be a JSON object"))
}

pub(crate) fn required_str<'v>(
    input: &'v Map<String, Value>,
    field: &str,
) -> Result<&'v str, ApiError> {
    match input.get(field) {
        Some(Value::String(s)) => Ok(s),
        None | Some(Value::Null) => Err(ApiError::parameter(format!(
            "Missing required parameter in input: \"{field}\""
        ))),
        Some(_) => Err(ApiError::parameter(format!(
            "Invalid type for parameter {field}, value must be a string"
        ))),
    }
}

fn tags(input: &Map<String, Value>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(list) = input.get("tags").filter(|t| !t.is_null()) else {
        return Ok(Vec::new());
    };
    let list = list.as_array().ok_or_else(|| {
        ApiError::parameter("Invalid type for parameter tags, value must be a list")
    })?;
    let mut tags = Vec::new();
    for tag in list {
        let key = tag.get("key").and_then(Value::as_str);
        let value = tag.get("value").and_then(Value::as_str).unwrap_or("");
        let Some(key) = key else {
            return Err(ApiError::new(
                "ValidationException",
                "1 validation error detected: Value null at 'tags.member.key' failed to satisfy constraint: Member must not be null",
            ));
        };
        tags.push((key.to_string(), value.to_string()));
    }
    if tags.len() > MAX_TAGS {
        return Err(ApiError::new(
            "TooManyTags",
            format!("The number of tags exceeds the limit of {MAX_TAGS}"),
        ));
    }
    Ok(tags)
}

fn encryption_configuration(config: &Value) -> Result<Value, ApiError> {
    let invalid = |m: &str| ApiError::new("InvalidEncryptionConfiguration", m.to_string());
    let kind = config
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::parameter("Missing required parameter in input: \"type\""))?;
    match kind {
        "AWS_OWNED_KEY" => Ok(config.clone()),
        "CUSTOMER_MANAGED_KMS_KEY" if config.get("kmsKeyId").and_then(Value::as_str).is_some() => {
            Ok(config.clone())
        }
        "CUSTOMER_MANAGED_KMS_KEY" => Err(invalid(
            "kmsKeyId is required when type is CUSTOMER_MANAGED_KMS_KEY",
        )),
        _ => Err(ApiError::parameter(format!(
            "Value '{kind}' at 'encryptionConfiguration.type' failed to satisfy constraint: Member must satisfy enum value set: [CUSTOMER_MANAGED_KMS_KEY, AWS_OWNED_KEY]"
        ))),
    }
}

fn page_size(max_results: Option<&Value>) -> Result<usize, ApiError> {
    let n = match max_results {
        None | Some(Value::Null) => return Ok(100),
        Some(v) => v.as_i64().ok_or_else(|| {
            ApiError::parameter("Invalid type for parameter maxResults, value must be an integer")
        })?,
    };
    match n {
        0 => Ok(100),
        n if n < 0 => Err(ApiError::new(
            "ValidationException",
            format!("1 validation error detected: Value '{n}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 0"),
        )),
        n if n > 1000 => Err(ApiError::new(
            "ValidationException",
            format!("1 validation error detected: Value '{n}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"),
        )),
        n => Ok(n as usize),
    }
}

fn encode_token(key: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("sfn1:{key}"))
}

fn decode_token(token: &str) -> Result<String, ApiError> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| s.strip_prefix("sfn1:").map(str::to_string))
        .ok_or_else(|| {
            ApiError::new(
                "InvalidToken",
                format!("Invalid Token: '{}'", crate::asl::error::quote(token)),
            )
        })
}
