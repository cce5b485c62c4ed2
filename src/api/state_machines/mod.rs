//! CreateStateMachine, DescribeStateMachine, ListStateMachines, UpdateStateMachine,
//! DeleteStateMachine; see [`super::call`].
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ErrorCode;
use super::{timestamp, ApiError, Arn, Context};
use crate::asl::source::Document;
use crate::asl::validate::{self, MachineType, Severity};
use crate::store::state_machines::{self as store, StateMachineRecord};
use crate::store::{self as db, Store};

mod checks;
pub use checks::check_definition;
use checks::{check_encryption, check_logging, check_role_arn, check_version_description};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    #[serde(default)]
    pub key: String,
    #[serde(default)]
    pub value: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LoggingConfiguration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_execution_data: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destinations: Option<Vec<Value>>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct TracingConfiguration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EncryptionConfiguration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_data_key_reuse_period_seconds: Option<i64>,
    #[serde(rename = "type")]
    pub encryption_type: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateStateMachineInput {
    pub name: String,
    pub definition: String,
    pub role_arn: String,
    #[serde(rename = "type")]
    pub machine_type: Option<String>,
    pub tags: Option<Vec<Tag>>,
    #[serde(flatten)]
    pub settings: MachineSettings,
}

/// What CreateStateMachine and UpdateStateMachine both take besides the definition and
/// role: the configurations, and whether to publish the revision as a version.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MachineSettings {
    pub logging_configuration: Option<LoggingConfiguration>,
    pub tracing_configuration: Option<TracingConfiguration>,
    pub publish: Option<bool>,
    pub version_description: Option<String>,
    pub encryption_configuration: Option<EncryptionConfiguration>,
}

impl MachineSettings {
    /// The constraints on the settings given.
    fn check(&self) -> Result<(), ApiError> {
        if let Some(c) = &self.logging_configuration {
            check_logging(c)?;
        }
        if let Some(c) = &self.encryption_configuration {
            check_encryption(c)?;
        }
        check_version_description(self.publish, &self.version_description)
    }

    /// Publishes `record`'s revision when `publish` asks for it: the version's ARN.
    /// Idempotent: an already published revision gives back its version.
    fn publish(
        &self,
        s: &Store,
        record: &StateMachineRecord,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, ApiError> {
        if self.publish != Some(true) {
            return Ok(None);
        }
        let description = self.version_description.as_deref();
        Ok(Some(
            super::versions::publish(s, record, description, now)?.arn,
        ))
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateStateMachineOutput {
    pub state_machine_arn: String,
    pub creation_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_machine_version_arn: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeStateMachineInput {
    pub state_machine_arn: String,
    pub included_data: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeStateMachineOutput {
    pub state_machine_arn: String,
    pub name: String,
    pub status: String,
    pub definition: String,
    pub role_arn: String,
    #[serde(rename = "type")]
    pub machine_type: String,
    pub creation_date: String,
    pub logging_configuration: LoggingConfiguration,
    pub tracing_configuration: TracingConfiguration,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption_configuration: Option<EncryptionConfiguration>,
    /// State name → the workflow variables it reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable_references: Option<std::collections::BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListStateMachinesInput {
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StateMachineListItem {
    pub state_machine_arn: String,
    pub name: String,
    #[serde(rename = "type")]
    pub machine_type: String,
    pub creation_date: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListStateMachinesOutput {
    pub state_machines: Vec<StateMachineListItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateStateMachineInput {
    pub state_machine_arn: String,
    pub definition: Option<String>,
    pub role_arn: Option<String>,
    #[serde(flatten)]
    pub settings: MachineSettings,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateStateMachineOutput {
    pub update_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_machine_version_arn: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteStateMachineInput {
    pub state_machine_arn: String,
}

#[derive(Debug, Serialize)]
pub struct DeleteStateMachineOutput {}

fn validation(message: String) -> ApiError {
    ApiError::new(ErrorCode::ValidationException, message)
}

fn parse_type(t: Option<&str>) -> Result<(String, MachineType), ApiError> {
    match t.unwrap_or("STANDARD") {
        "STANDARD" => Ok(("STANDARD".into(), MachineType::Standard)),
        "EXPRESS" => Ok(("EXPRESS".into(), MachineType::Express)),
        other => Err(validation(format!(
            "1 validation error detected: Value '{other}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"
        ))),
    }
}

fn machine_type(record: &StateMachineRecord) -> MachineType {
    if record.machine_type == "EXPRESS" {
        MachineType::Express
    } else {
        MachineType::Standard
    }
}

/// What describe echoes: the configuration as given, with AWS's defaults filled in.
pub(super) fn logging_echo(stored: Option<&str>) -> LoggingConfiguration {
    let mut c: LoggingConfiguration = stored
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    c.level.get_or_insert_with(|| "OFF".into());
    c.include_execution_data.get_or_insert(false);
    c
}

fn tracing_echo(stored: Option<&str>) -> TracingConfiguration {
    let mut c: TracingConfiguration = stored
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    c.enabled.get_or_insert(false);
    c
}

fn to_json<T: Serialize>(value: &Option<T>) -> Option<String> {
    value.as_ref().and_then(|v| serde_json::to_string(v).ok())
}

/// `StateMachineDoesNotExist` for `arn`, in AWS's words.
pub(crate) fn does_not_exist(arn: &str) -> ApiError {
    ApiError::new(
        ErrorCode::StateMachineDoesNotExist,
        format!(
            "State Machine Does Not Exist: '{}'",
            crate::asl::error::quote(arn)
        ),
    )
}

/// The stored state machine an ARN names, or `StateMachineDoesNotExist`. Qualified ARNs
/// (versions, aliases) are not known here yet.
pub fn find(store: &Store, arn: &str) -> Result<StateMachineRecord, ApiError> {
    Arn::parse_as(arn, "stateMachine")?;
    store::get(store, arn)?.ok_or_else(|| does_not_exist(arn))
}

pub(super) fn create(
    ctx: &mut Context,
    input: CreateStateMachineInput,
) -> Result<CreateStateMachineOutput, ApiError> {
    super::check_name(&input.name)?;
    let (type_name, machine_type) = parse_type(input.machine_type.as_deref())?;
    check_role_arn(&input.role_arn)?;
    input.settings.check()?;
    let tags = super::tags::check_tags(input.tags.as_deref().unwrap_or(&[]))?;
    check_definition(&input.definition, machine_type)?;
    let arn = ctx.arn(&format!("stateMachine:{}", input.name));
    let now = ctx.now();
    ctx.store.write(|s| {
        if let Some(existing) = store::get(s, &arn)? {
            // AWS's idempotency: the same definition, type and configurations give back
            // the same machine (and, with publish, its version); a different role or tags
            // are ignored and not applied.
            if same_machine(&existing, &input, &type_name) {
                let version = input.settings.publish(s, &existing, now)?;
                return Ok(CreateStateMachineOutput {
                    state_machine_arn: existing.arn,
                    creation_date: timestamp(existing.creation_date),
                    state_machine_version_arn: version,
                });
            }
            return Err(ApiError::new(
                ErrorCode::StateMachineAlreadyExists,
                format!(
                    "State Machine Already Exists: '{}'",
                    crate::asl::error::quote(&arn)
                ),
            ));
        }
        let record = StateMachineRecord {
            arn: arn.clone(),
            name: input.name.clone(),
            machine_type: type_name.clone(),
            definition: input.definition.clone(),
            role_arn: input.role_arn.clone(),
            status: "ACTIVE".into(),
            creation_date: now,
            update_date: None,
            revision_id: None,
            description: None,
            logging_configuration: to_json(&input.settings.logging_configuration),
            tracing_configuration: to_json(&input.settings.tracing_configuration),
            encryption_configuration: to_json(&input.settings.encryption_configuration),
        };
        store::insert(s, &record)?;
        db::tags::put(s, &arn, &tags)?;
        let version = input.settings.publish(s, &record, now)?;
        Ok(CreateStateMachineOutput {
            state_machine_arn: arn.clone(),
            creation_date: timestamp(now),
            state_machine_version_arn: version,
        })
    })
}

/// Whether a create with a taken name asks for the machine that exists: AWS compares
/// the definition, type and the logging, tracing and encryption configurations.
fn same_machine(
    existing: &StateMachineRecord,
    input: &CreateStateMachineInput,
    type_name: &str,
) -> bool {
    let encryption = |c: Option<EncryptionConfiguration>| {
        c.unwrap_or(EncryptionConfiguration {
            kms_key_id: None,
            kms_data_key_reuse_period_seconds: None,
            encryption_type: "AWS_OWNED_KEY".into(),
        })
    };
    let stored_encryption = existing
        .encryption_configuration
        .as_deref()
        .and_then(|t| serde_json::from_str(t).ok());
    let given = &input.settings;
    existing.definition == input.definition
        && existing.machine_type == type_name
        && logging_echo(existing.logging_configuration.as_deref())
            == logging_echo(to_json(&given.logging_configuration).as_deref())
        && tracing_echo(existing.tracing_configuration.as_deref())
            == tracing_echo(to_json(&given.tracing_configuration).as_deref())
        && encryption(stored_encryption) == encryption(given.encryption_configuration.clone())
}

pub(super) fn describe(
    ctx: &mut Context,
    input: DescribeStateMachineInput,
) -> Result<DescribeStateMachineOutput, ApiError> {
    // `includedData` changes nothing offline: there is no KMS key to withhold the
    // definition for.
    let arn = &input.state_machine_arn;
    let parsed = Arn::parse_as(arn, "stateMachine")?;
    // A version ARN (`<arn>:<n>`) describes that version with its machine's settings.
    if let Some((_, n)) = parsed.resource.split_once(':') {
        if n.parse::<u64>().is_ok() {
            let version = db::versions::get(&ctx.store, arn)?.ok_or_else(|| does_not_exist(arn))?;
            let mut sm = find(&ctx.store, &version.state_machine_arn)?;
            // A version shows the configuration it snapshotted, not the machine's latest.
            if let Some(c) = db::versions::configuration(&ctx.store, arn)? {
                sm.logging_configuration = c.logging;
                sm.tracing_configuration = c.tracing;
                sm.encryption_configuration = c.encryption;
            }
            return Ok(DescribeStateMachineOutput {
                variable_references: variable_references(&version.definition),
                state_machine_arn: version.arn,
                definition: version.definition,
                role_arn: version.role_arn,
                creation_date: timestamp(version.creation_date),
                revision_id: version.revision_id,
                description: version.description,
                ..describe_record(sm)
            });
        }
    }
    Ok(describe_record(find(&ctx.store, arn)?))
}

fn describe_record(sm: StateMachineRecord) -> DescribeStateMachineOutput {
    DescribeStateMachineOutput {
        variable_references: variable_references(&sm.definition),
        state_machine_arn: sm.arn,
        name: sm.name,
        status: sm.status,
        definition: sm.definition,
        role_arn: sm.role_arn,
        machine_type: sm.machine_type,
        creation_date: timestamp(sm.creation_date),
        logging_configuration: logging_echo(sm.logging_configuration.as_deref()),
        tracing_configuration: tracing_echo(sm.tracing_configuration.as_deref()),
        label: None,
        revision_id: sm.revision_id,
        description: sm.description,
        encryption_configuration: sm
            .encryption_configuration
            .as_deref()
            .and_then(|s| serde_json::from_str(s).ok()),
    }
}

/// `variableReferences`, absent when no state reads a variable.
pub(crate) fn variable_references(
    definition: &str,
) -> Option<std::collections::BTreeMap<String, Vec<String>>> {
    let definition = crate::asl::definition::parse_text(definition).ok()?;
    Some(crate::asl::variable_references::of_definition(&definition)).filter(|r| !r.is_empty())
}

pub(super) fn list(
    ctx: &mut Context,
    input: ListStateMachinesInput,
) -> Result<ListStateMachinesOutput, ApiError> {
    let size = super::page_size(input.max_results)?;
    let after = input
        .next_token
        .as_deref()
        .map(super::decode_token)
        .transpose()?;
    // One extra row tells whether another page follows.
    let prefix = ctx.arn("stateMachine:");
    let rows = store::list(&ctx.store, &prefix, after.as_deref(), size + 1)?;
    let (rows, next_token) = super::keyed_page(rows, size, |r| r.name.clone());
    Ok(ListStateMachinesOutput {
        state_machines: rows
            .into_iter()
            .map(|r| StateMachineListItem {
                state_machine_arn: r.arn,
                name: r.name,
                machine_type: r.machine_type,
                creation_date: timestamp(r.creation_date),
            })
            .collect(),
        next_token,
    })
}

pub(super) fn update(
    ctx: &mut Context,
    input: UpdateStateMachineInput,
) -> Result<UpdateStateMachineOutput, ApiError> {
    let given = &input.settings;
    if input.definition.is_none()
        && input.role_arn.is_none()
        && given.logging_configuration.is_none()
        && given.tracing_configuration.is_none()
        && given.encryption_configuration.is_none()
    {
        return Err(ApiError::new(
            ErrorCode::MissingRequiredParameter,
            "Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified",
        ));
    }
    Arn::parse_as(&input.state_machine_arn, "stateMachine")?;
    if let Some(r) = &input.role_arn {
        check_role_arn(r)?;
    }
    given.check()?;
    let now = ctx.now();
    ctx.store.write(|s| {
        let mut sm = find(s, &input.state_machine_arn)?;
        let before = sm.clone();
        if let Some(d) = &input.definition {
            check_definition(d, machine_type(&sm))?;
            sm.definition = d.clone();
        }
        if let Some(r) = &input.role_arn {
            sm.role_arn = r.clone();
        }
        if given.logging_configuration.is_some() {
            sm.logging_configuration = to_json(&given.logging_configuration);
        }
        if given.tracing_configuration.is_some() {
            sm.tracing_configuration = to_json(&given.tracing_configuration);
        }
        if given.encryption_configuration.is_some() {
            sm.encryption_configuration = to_json(&given.encryption_configuration);
        }
        sm.update_date = Some(now);
        // A new revision only when something changed (AWS keeps the revision, and so
        // the published version, of an update that changes nothing).
        if sm.definition != before.definition
            || sm.role_arn != before.role_arn
            || sm.logging_configuration != before.logging_configuration
            || sm.tracing_configuration != before.tracing_configuration
            || sm.encryption_configuration != before.encryption_configuration
        {
            sm.revision_id = Some(uuid::Uuid::new_v4().to_string());
        }
        store::update(s, &sm)?;
        let version = given.publish(s, &sm, now)?;
        Ok(UpdateStateMachineOutput {
            update_date: timestamp(now),
            revision_id: sm.revision_id,
            state_machine_version_arn: version,
        })
    })
}

pub(super) fn delete(
    ctx: &mut Context,
    input: DeleteStateMachineInput,
) -> Result<DeleteStateMachineOutput, ApiError> {
    let arn = &input.state_machine_arn;
    Arn::parse_as(arn, "stateMachine")?;
    // Deleting a machine that does not exist succeeds, as on AWS.
    ctx.store.write(|s| {
        if store::delete(s, arn)? {
            db::tags::clear(s, arn)?;
            db::versions::delete_all(s, arn)?;
            db::aliases::delete_all(s, arn)?;
        }
        Ok::<_, ApiError>(())
    })?;
    Ok(DeleteStateMachineOutput {})
}
