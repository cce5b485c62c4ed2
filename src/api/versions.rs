//! State machine versions: PublishStateMachineVersion, ListStateMachineVersions,
//! DeleteStateMachineVersion, and the publishing that `--publish` on create/update shares.
//! A version is an immutable snapshot of one revision, named `<state machine arn>:<n>`.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ErrorCode;
use super::{timestamp, ApiError, Arn, Context};
use crate::store::state_machines::{StateMachineRecord, VersionRecord};
use crate::store::{self as db, Store};

/// AWS's quota of versions per state machine.
pub const MAX_VERSIONS: usize = 1000;

/// What `revisionId` is called before a machine's first update.
pub const INITIAL_REVISION: &str = "INITIAL";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishStateMachineVersionInput {
    pub state_machine_arn: String,
    pub revision_id: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublishStateMachineVersionOutput {
    pub creation_date: String,
    pub state_machine_version_arn: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListStateMachineVersionsInput {
    pub state_machine_arn: String,
    pub next_token: Option<String>,
    pub max_results: Option<i64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StateMachineVersionListItem {
    pub state_machine_version_arn: String,
    pub creation_date: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListStateMachineVersionsOutput {
    pub state_machine_versions: Vec<StateMachineVersionListItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteStateMachineVersionInput {
    pub state_machine_version_arn: String,
}

#[derive(Debug, Serialize)]
pub struct DeleteStateMachineVersionOutput {}

/// A state machine ARN split into the machine's own ARN and its qualifier (`1` for a
/// version, `PROD` for an alias); `None` for an unqualified ARN or another resource.
pub fn split_qualified(arn: &str) -> Option<(&str, &str)> {
    let parsed = Arn::parse_as(arn, "stateMachine").ok()?;
    let (_, qualifier) = parsed.resource.split_once(':')?;
    let base = &arn[..arn.len() - qualifier.len() - 1];
    Some((base, &arn[arn.len() - qualifier.len()..]))
}

/// Whether a qualifier names a version (digits only; alias names never are).
pub fn is_version_qualifier(qualifier: &str) -> bool {
    !qualifier.is_empty() && qualifier.bytes().all(|b| b.is_ascii_digit())
}

/// `1 validation error detected` for a sensitive member longer than `max` characters:
/// AWS redacts the value of sensitive members in the message.
pub fn check_sensitive_length(
    member: &str,
    value: Option<&str>,
    max: usize,
) -> Result<(), ApiError> {
    match value {
        Some(v) if v.chars().count() > max => Err(ApiError::new(
            ErrorCode::ValidationException,
            format!(
                "1 validation error detected: Value '*** Sensitive Data Redacted ***' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}"
            ),
        )),
        _ => Ok(()),
    }
}

/// `nextToken` longer than the model's 1024 characters.
pub fn check_token_length(token: Option<&str>) -> Result<(), ApiError> {
    match token {
        Some(t) if t.chars().count() > 1024 => Err(ApiError::new(
            ErrorCode::ValidationException,
            format!(
                "1 validation error detected: Value '{}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024",
                crate::asl::error::quote(t)
            ),
        )),
        _ => Ok(()),
    }
}

/// Publishes the machine's current revision: the existing version when that revision is
/// already published (AWS's idempotency), a new number otherwise. Runs inside the caller's
/// write transaction.
pub fn publish(
    s: &Store,
    sm: &StateMachineRecord,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<VersionRecord, ApiError> {
    check_sensitive_length("description", description, 256)?;
    if let Some(existing) = db::versions::for_revision(s, &sm.arn, sm.revision_id.as_deref())? {
        return Ok(existing);
    }
    if db::versions::count(s, &sm.arn)? >= MAX_VERSIONS {
        return Err(ApiError::new(
            ErrorCode::ServiceQuotaExceededException,
            format!(
                "Failed to publish a version of '{}': the state machine already has the maximum of {MAX_VERSIONS} versions",
                sm.arn
            ),
        ));
    }
    Ok(db::versions::insert(s, sm, description, now)?)
}

pub(super) fn publish_version(
    ctx: &mut Context,
    input: PublishStateMachineVersionInput,
) -> Result<PublishStateMachineVersionOutput, ApiError> {
    Arn::parse_as(&input.state_machine_arn, "stateMachine")?;
    check_sensitive_length("description", input.description.as_deref(), 256)?;
    let now = ctx.now();
    ctx.store.write(|s| {
        let sm = super::state_machines::find(s, &input.state_machine_arn)?;
        if let Some(wanted) = &input.revision_id {
            let current = sm.revision_id.as_deref().unwrap_or(INITIAL_REVISION);
            if wanted != current {
                return Err(ApiError::new(
                    ErrorCode::ConflictException,
                    format!(
                        "Failed to publish the State Machine version for revision {wanted}. The current State Machine revision is {current}."
                    ),
                ));
            }
        }
        let version = publish(s, &sm, input.description.as_deref(), now)?;
        Ok(PublishStateMachineVersionOutput {
            creation_date: timestamp(version.creation_date),
            state_machine_version_arn: version.arn,
        })
    })
}

pub(super) fn list_versions(
    ctx: &mut Context,
    input: ListStateMachineVersionsInput,
) -> Result<ListStateMachineVersionsOutput, ApiError> {
    let arn = &input.state_machine_arn;
    Arn::parse_as(arn, "stateMachine")?;
    let size = super::page_size(input.max_results)?;
    check_token_length(input.next_token.as_deref())?;
    let before = input
        .next_token
        .as_deref()
        .map(super::token_number::<i64>)
        .transpose()?;
    // ListStateMachineVersions has no StateMachineDoesNotExist: an ARN that names no
    // machine (a version ARN included) is an InvalidArn, as LocalStack recorded AWS.
    if db::state_machines::get(&ctx.store, arn)?.is_none() {
        return Err(ApiError::new(
            ErrorCode::InvalidArn,
            format!(
                "Invalid Arn: 'State Machine Does Not Exist: {}'",
                crate::asl::error::quote(arn)
            ),
        ));
    }
    // One extra row tells whether another page follows.
    let rows = db::versions::list(&ctx.store, arn, before, size + 1)?;
    let (rows, next_token) = super::keyed_page(rows, size, |v| v.version.to_string());
    Ok(ListStateMachineVersionsOutput {
        state_machine_versions: rows
            .into_iter()
            .map(|v| StateMachineVersionListItem {
                state_machine_version_arn: v.arn,
                creation_date: timestamp(v.creation_date),
            })
            .collect(),
        next_token,
    })
}

pub(super) fn delete_version(
    ctx: &mut Context,
    input: DeleteStateMachineVersionInput,
) -> Result<DeleteStateMachineVersionOutput, ApiError> {
    let arn = &input.state_machine_version_arn;
    Arn::parse_as(arn, "stateMachine")?;
    let Some((machine_arn, qualifier)) = split_qualified(arn) else {
        return Err(invalid_version_arn(arn));
    };
    if !is_version_qualifier(qualifier) {
        return Err(invalid_version_arn(arn));
    }
    // Deleting a version that does not exist succeeds, as on AWS.
    ctx.store.write(|s| {
        let holders: Vec<String> = db::aliases::all(s, machine_arn)?
            .into_iter()
            .filter(|a| a.routing.iter().any(|r| r.state_machine_version_arn == *arn))
            .map(|a| a.name)
            .collect();
        if !holders.is_empty() {
            return Err(ApiError::new(
                ErrorCode::ConflictException,
                format!(
                    "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [{}]",
                    holders.join(", ")
                ),
            ));
        }
        db::versions::delete(s, arn)?;
        Ok(DeleteStateMachineVersionOutput {})
    })
}

fn invalid_version_arn(arn: &str) -> ApiError {
    ApiError::new(
        ErrorCode::InvalidArn,
        format!(
            "Invalid Arn: 'Invalid State Machine Version Arn: {}'",
            crate::asl::error::quote(arn)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SM: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:m";

    #[test]
    fn qualified_arns_split_into_machine_and_qualifier() {
        assert_eq!(split_qualified(&format!("{SM}:12")), Some((SM, "12")));
        assert_eq!(split_qualified(&format!("{SM}:PROD")), Some((SM, "PROD")));
        assert_eq!(split_qualified(SM), None);
        assert_eq!(
            split_qualified("arn:aws:states:us-east-1:123456789012:activity:a:1"),
            None
        );
        assert!(is_version_qualifier("12"));
        assert!(!is_version_qualifier("v1"));
        assert!(!is_version_qualifier(""));
    }

    #[test]
    fn a_machine_holds_at_most_a_thousand_versions() {
        let mut ctx = crate::api::context_with_machine(serde_json::json!({}));
        let mut sm = db::state_machines::get(&ctx.store, SM).unwrap().unwrap();
        for i in 0..MAX_VERSIONS {
            sm.revision_id = Some(format!("r{i}"));
            db::versions::insert(&ctx.store, &sm, None, Utc::now()).unwrap();
        }
        sm.revision_id = Some("new".into());
        db::state_machines::update(&ctx.store, &sm).unwrap();
        let err = super::super::call(
            &mut ctx,
            "PublishStateMachineVersion",
            serde_json::json!({"stateMachineArn": SM}),
        )
        .unwrap_err();
        assert_eq!(err.code, "ServiceQuotaExceededException");
        // The revision already published is still given back at the limit.
        sm.revision_id = Some("r5".into());
        db::state_machines::update(&ctx.store, &sm).unwrap();
        let out = super::super::call(
            &mut ctx,
            "PublishStateMachineVersion",
            serde_json::json!({"stateMachineArn": SM}),
        )
        .unwrap();
        assert_eq!(out["stateMachineVersionArn"], format!("{SM}:6"));
    }

    #[test]
    fn sensitive_values_are_redacted_in_length_errors() {
        let long = "x".repeat(257);
        let e = check_sensitive_length("description", Some(&long), 256).unwrap_err();
        assert_eq!(e.code, "ValidationException");
        assert!(e
            .message
            .contains("'*** Sensitive Data Redacted ***' at 'description'"));
        assert!(!e.message.contains(&long));
        assert!(check_sensitive_length("description", Some(&long[..256]), 256).is_ok());
    }
}
