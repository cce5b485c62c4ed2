//! Activities: CreateActivity, DescribeActivity, ListActivities, DeleteActivity.
use serde_json::{json, Value};

use super::ErrorCode;
use super::{check_name, decode_token, object, required_str, ApiError, Arn, Context};
use crate::store::activities::{self, ActivityRecord};

/// The most tags a resource may carry.
const MAX_TAGS: usize = 50;

pub(super) fn create_activity(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    object(input)?;
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
            ErrorCode::ActivityAlreadyExists,
            format!("Activity already exists: '{}'", activity.arn),
        ));
    }
    Ok(json!({
        "activityArn": activity.arn,
        "creationDate": super::timestamp(activity.creation_date),
    }))
}

pub(super) fn describe_activity(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = activity_arn(input)?;
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

pub(super) fn list_activities(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    object(input)?;
    let limit = super::requested_page_size(input)?;
    let after = super::optional_str(input, "nextToken")?
        .map(decode_token)
        .transpose()?;
    // One more than a page tells whether another page follows.
    let rows = activities::list(&ctx.store, after.as_deref(), limit + 1)?;
    let (rows, next_token) = super::keyed_page(rows, limit, |a| a.name.clone());
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
    if let Some(token) = next_token {
        output["nextToken"] = Value::String(token);
    }
    Ok(output)
}

pub(super) fn delete_activity(ctx: &mut Context, input: &Value) -> Result<Value, ApiError> {
    let arn = activity_arn(input)?;
    // Deleting an activity that does not exist succeeds, as on AWS.
    activities::delete(&ctx.store, arn)?;
    Ok(json!({}))
}

pub(crate) fn does_not_exist(arn: &str) -> ApiError {
    ApiError::new(
        ErrorCode::ActivityDoesNotExist,
        format!(
            "Activity Does Not Exist: '{}'",
            crate::asl::error::quote(arn)
        ),
    )
}

/// The request's `activityArn`, which must be an activity ARN.
pub(crate) fn activity_arn(input: &Value) -> Result<&str, ApiError> {
    let arn = required_str(input, "activityArn")?;
    Arn::parse_as(arn, "activity")?;
    Ok(arn)
}

fn tags(input: &Value) -> Result<Vec<(String, String)>, ApiError> {
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
                ErrorCode::ValidationException,
                "1 validation error detected: Value null at 'tags.member.key' failed to satisfy constraint: Member must not be null",
            ));
        };
        tags.push((key.to_string(), value.to_string()));
    }
    if tags.len() > MAX_TAGS {
        return Err(ApiError::new(
            ErrorCode::TooManyTags,
            format!("The number of tags exceeds the limit of {MAX_TAGS}"),
        ));
    }
    Ok(tags)
}

fn encryption_configuration(config: &Value) -> Result<Value, ApiError> {
    let invalid = |m: &str| ApiError::new(ErrorCode::InvalidEncryptionConfiguration, m.to_string());
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
