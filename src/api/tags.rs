//! TagResource, UntagResource, ListTagsForResource; see [`super::call`].
use serde::{Deserialize, Serialize};

use super::state_machines::Tag;
use super::ErrorCode;
use super::{ApiError, Arn, Context};
use crate::store::{self, Store};

/// AWS's limit of tags per resource.
const MAX_TAGS: usize = 50;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TagResourceInput {
    pub resource_arn: String,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Serialize)]
pub struct TagResourceOutput {}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UntagResourceInput {
    pub resource_arn: String,
    pub tag_keys: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct UntagResourceOutput {}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListTagsForResourceInput {
    pub resource_arn: String,
}

#[derive(Debug, Serialize)]
pub struct ListTagsForResourceOutput {
    pub tags: Vec<Tag>,
}

/// Checks tag keys (1-128 characters) and values (0-256) and the count; the pairs to store.
pub fn check_tags(tags: &[Tag]) -> Result<Vec<(String, String)>, ApiError> {
    for t in tags {
        let key_len = t.key.chars().count();
        if key_len == 0 || key_len > 128 {
            return Err(ApiError::new(
                ErrorCode::ValidationException,
                format!("1 validation error detected: Value '{}' at 'tags.member.key' failed to satisfy constraint: Member must have length between 1 and 128", crate::asl::error::quote(&t.key)),
            ));
        }
        if t.value.chars().count() > 256 {
            return Err(ApiError::new(
                ErrorCode::ValidationException,
                format!("1 validation error detected: Value '{}' at 'tags.member.value' failed to satisfy constraint: Member must have length less than or equal to 256", crate::asl::error::quote(&t.value)),
            ));
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(too_many());
    }
    Ok(tags
        .iter()
        .map(|t| (t.key.clone(), t.value.clone()))
        .collect())
}

fn too_many() -> ApiError {
    ApiError::new(
        ErrorCode::TooManyTags,
        format!("Too many tags: a resource can have at most {MAX_TAGS} tags"),
    )
}

/// A taggable resource (state machine or activity) that exists, else `ResourceNotFound`.
fn existing(store: &Store, arn: &str) -> Result<(), ApiError> {
    let parsed = Arn::parse(arn)?;
    if !matches!(parsed.resource_type.as_str(), "stateMachine" | "activity") {
        return Err(ApiError::new(
            ErrorCode::InvalidArn,
            format!(
                "Invalid Arn: 'Resource type not valid in this context: {}'",
                crate::asl::error::quote(&parsed.resource_type)
            ),
        ));
    }
    if store::tags::resource_exists(store, arn)? {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::ResourceNotFound,
            format!("Resource not found: '{}'", crate::asl::error::quote(arn)),
        ))
    }
}

pub(super) fn tag(
    ctx: &mut Context,
    input: TagResourceInput,
) -> Result<TagResourceOutput, ApiError> {
    let tags = check_tags(&input.tags)?;
    ctx.store.write(|s| {
        existing(s, &input.resource_arn)?;
        store::tags::put(s, &input.resource_arn, &tags)?;
        if store::tags::list(s, &input.resource_arn)?.len() > MAX_TAGS {
            // Rolled back with the transaction.
            return Err(too_many());
        }
        Ok(TagResourceOutput {})
    })
}

pub(super) fn untag(
    ctx: &mut Context,
    input: UntagResourceInput,
) -> Result<UntagResourceOutput, ApiError> {
    ctx.store.write(|s| {
        existing(s, &input.resource_arn)?;
        store::tags::remove(s, &input.resource_arn, &input.tag_keys)?;
        Ok(UntagResourceOutput {})
    })
}

pub(super) fn list(
    ctx: &mut Context,
    input: ListTagsForResourceInput,
) -> Result<ListTagsForResourceOutput, ApiError> {
    existing(&ctx.store, &input.resource_arn)?;
    let tags = store::tags::list(&ctx.store, &input.resource_arn)?
        .into_iter()
        .map(|(key, value)| Tag { key, value })
        .collect();
    Ok(ListTagsForResourceOutput { tags })
}
