//! State machine aliases: CreateStateMachineAlias, DescribeStateMachineAlias,
//! UpdateStateMachineAlias, DeleteStateMachineAlias, ListStateMachineAliases; and what
//! StartExecution and ListExecutions need to accept version and alias ARNs.
//!
//! An alias (`<state machine arn>:<name>`) routes each StartExecution to one of one or two
//! versions of its machine, at random by weight. `SFN_RANDOM_SEED` makes the draw
//! deterministic.
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::versions::{check_token_length, is_version_qualifier};
use super::ErrorCode;
use super::{timestamp, ApiError, Arn, Context};
use crate::store::aliases::{AliasRecord, Route};
use crate::store::executions::ResolvedMachine;
use crate::store::{self as db, Store};

mod targets;
pub use targets::{execution_scope, pick_route, resolve_for_execution, ExecutionScope};

/// AWS's quota of aliases per state machine.
pub const MAX_ALIASES: usize = 100;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateStateMachineAliasInput {
    pub description: Option<String>,
    pub name: String,
    /// Read with [`routes_from`], which words nested problems as the AWS CLI does.
    pub routing_configuration: Value,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateStateMachineAliasOutput {
    pub state_machine_alias_arn: String,
    pub creation_date: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AliasArnInput {
    pub state_machine_alias_arn: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeStateMachineAliasOutput {
    pub state_machine_alias_arn: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub routing_configuration: Vec<Route>,
    pub creation_date: String,
    pub update_date: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateStateMachineAliasInput {
    pub state_machine_alias_arn: String,
    pub description: Option<String>,
    pub routing_configuration: Option<Value>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateStateMachineAliasOutput {
    pub update_date: String,
}

#[derive(Debug, Serialize)]
pub struct DeleteStateMachineAliasOutput {}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListStateMachineAliasesInput {
    pub state_machine_arn: String,
    pub next_token: Option<String>,
    pub max_results: Option<i64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StateMachineAliasListItem {
    pub state_machine_alias_arn: String,
    pub creation_date: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListStateMachineAliasesOutput {
    pub state_machine_aliases: Vec<StateMachineAliasListItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

fn validation(message: String) -> ApiError {
    ApiError::new(ErrorCode::ValidationException, message)
}

fn not_found() -> ApiError {
    ApiError::new(
        ErrorCode::ResourceNotFound,
        "Request references a resource that does not exist.",
    )
}

const ALIAS_PATTERN: &str = r"^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$";

/// Whether `name` matches the model's alias pattern: letters, digits, `_`, `-`, `.`, and
/// not digits only (so an alias can never be mistaken for a version number).
pub fn is_alias_name(name: &str) -> bool {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "_-.".contains(c);
    !name.is_empty() && name.chars().all(allowed) && !name.chars().all(|c| c.is_ascii_digit())
}

/// The request model's constraints, all reported at once in member order as AWS does
/// (`N validation errors detected: ...; ...`). An empty name is the AWS CLI's own error.
fn check_model(
    description: Option<&str>,
    name: Option<&str>,
    routes: Option<&[Route]>,
) -> Result<(), ApiError> {
    if name == Some("") {
        return Err(ApiError::parameter(
            "Invalid length for parameter name, value: 0, valid min length: 1",
        ));
    }
    let mut violations = Vec::new();
    let value_at = |value: &str, member: &str, constraint: &str| {
        format!(
            "Value '{value}' at '{member}' failed to satisfy constraint: Member must {constraint}"
        )
    };
    if description.is_some_and(|d| d.chars().count() > 256) {
        violations.push(value_at(
            "*** Sensitive Data Redacted ***",
            "description",
            "have length less than or equal to 256",
        ));
    }
    if let Some(name) = name {
        if !is_alias_name(name) {
            violations.push(value_at(
                &crate::asl::error::quote(name),
                "name",
                &format!("satisfy regular expression pattern: {ALIAS_PATTERN}"),
            ));
        }
        if name.chars().count() > 80 {
            violations.push(value_at(
                &crate::asl::error::quote(name),
                "name",
                "have length less than or equal to 80",
            ));
        }
    }
    if let Some(routes) = routes {
        if routes.len() > 2 {
            let items: Vec<String> = routes
                .iter()
                .map(|r| {
                    format!(
                        "RoutingConfigurationListItem(stateMachineVersionArn={}, weight={})",
                        r.state_machine_version_arn, r.weight
                    )
                })
                .collect();
            violations.push(value_at(
                &format!("[{}]", items.join(", ")),
                "routingConfiguration",
                "have length less than or equal to 2",
            ));
        }
        for (i, r) in routes.iter().enumerate() {
            if r.weight > 100 {
                violations.push(value_at(
                    &r.weight.to_string(),
                    &format!("routingConfiguration.{}.member.weight", i + 1),
                    "have value less than or equal to 100",
                ));
            }
        }
    }
    match violations.len() {
        0 => Ok(()),
        1 => Err(validation(format!(
            "1 validation error detected: {}",
            violations[0]
        ))),
        n => Err(validation(format!(
            "{n} validation errors detected: {}",
            violations.join("; ")
        ))),
    }
}

/// An alias ARN taken apart: (state machine ARN, alias name). `InvalidArn` otherwise.
fn parse_alias_arn(arn: &str) -> Result<(String, String), ApiError> {
    Arn::parse_as(arn, "stateMachine")?;
    match super::versions::split_qualified(arn) {
        Some((machine, name)) if is_alias_name(name) => Ok((machine.to_string(), name.into())),
        _ => Err(ApiError::new(
            ErrorCode::InvalidArn,
            format!(
                "Invalid Arn: 'Invalid State Machine Alias Arn: {}'",
                crate::asl::error::quote(arn)
            ),
        )),
    }
}

/// Checks a routing configuration as AWS does (model constraints first, then the rules of
/// the operation) and returns the state machine ARN its versions belong to. Whether the
/// versions exist is checked against the store by the caller.
fn check_routing(routes: &[Route]) -> Result<String, ApiError> {
    if routes.is_empty() {
        return Err(ApiError::parameter(
            "Invalid length for parameter routingConfiguration, value: 0, valid min length: 1",
        ));
    }
    for (i, r) in routes.iter().enumerate() {
        if r.weight < 0 {
            return Err(ApiError::parameter(format!(
                "Invalid value for parameter routingConfiguration[{i}].weight, value: {}, valid min value: 0",
                r.weight
            )));
        }
    }
    check_model(None, None, Some(routes))?;
    let arns: Vec<&str> = routes
        .iter()
        .map(|r| r.state_machine_version_arn.as_str())
        .collect();
    let received = format!("[{}]", arns.join(", "));
    if arns.len() == 2 && arns[0] == arns[1] {
        return Err(validation(format!(
            "Routing configuration must contain distinct state machine version ARNs. Received: {received}"
        )));
    }
    let weights: Vec<String> = routes.iter().map(|r| r.weight.to_string()).collect();
    if routes.iter().map(|r| r.weight).sum::<i64>() != 100 {
        return Err(validation(format!(
            "Sum of routing configuration weights must equal 100. Received: [{}]",
            weights.join(", ")
        )));
    }
    let mut machines = Vec::new();
    for arn in &arns {
        match super::versions::split_qualified(arn) {
            Some((machine, n)) if is_version_qualifier(n) => machines.push(machine),
            _ => {
                return Err(validation(format!(
                    "Routing configuration must contain state machine version ARNs. Received: {received}"
                )))
            }
        }
    }
    if machines.iter().any(|m| *m != machines[0]) {
        return Err(validation(format!(
            "Routing configuration must contain versions of the same state machine. Received: {received}"
        )));
    }
    Ok(machines[0].to_string())
}

/// Reads `routingConfiguration`, reporting every malformed entry the way the AWS CLI's
/// parameter validation does (exit 252).
fn routes_from(value: &Value) -> Result<Vec<Route>, ApiError> {
    let Some(items) = value.as_array() else {
        return Err(ApiError::parameter(format!(
            "Invalid type for parameter routingConfiguration, value: {}, valid types: <class 'list'>, <class 'tuple'>",
            python_str(value)
        )));
    };
    let mut problems = Vec::new();
    let mut routes = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("routingConfiguration[{i}]");
        let Some(fields) = item.as_object() else {
            problems.push(format!(
                "Invalid type for parameter {at}, value: {}, valid types: <class 'dict'>",
                python_str(item)
            ));
            continue;
        };
        for key in fields.keys() {
            if key != "stateMachineVersionArn" && key != "weight" {
                problems.push(format!(
                    "Unknown parameter in {at}: \"{key}\", must be one of: stateMachineVersionArn, weight"
                ));
            }
        }
        let arn = match fields.get("stateMachineVersionArn") {
            None => {
                problems.push(format!(
                    "Missing required parameter in {at}: \"stateMachineVersionArn\""
                ));
                None
            }
            Some(Value::String(a)) if a.is_empty() => {
                problems.push(format!(
                    "Invalid length for parameter {at}.stateMachineVersionArn, value: 0, valid min length: 1"
                ));
                None
            }
            Some(Value::String(a)) => Some(a.clone()),
            Some(other) => {
                problems.push(format!(
                    "Invalid type for parameter {at}.stateMachineVersionArn, value: {}, valid types: <class 'str'>",
                    python_str(other)
                ));
                None
            }
        };
        let weight = match fields.get("weight") {
            None => {
                problems.push(format!("Missing required parameter in {at}: \"weight\""));
                None
            }
            Some(w) => match w.as_i64() {
                Some(n) if n < 0 => {
                    problems.push(format!(
                        "Invalid value for parameter {at}.weight, value: {n}, valid min value: 0"
                    ));
                    None
                }
                Some(n) => Some(n),
                None => {
                    problems.push(format!(
                        "Invalid type for parameter {at}.weight, value: {}, valid types: <class 'int'>",
                        python_str(w)
                    ));
                    None
                }
            },
        };
        if let (Some(arn), Some(weight)) = (arn, weight) {
            routes.push(Route {
                state_machine_version_arn: arn,
                weight,
            });
        }
    }
    if items.is_empty() {
        problems.push(
            "Invalid length for parameter routingConfiguration, value: 0, valid min length: 1"
                .into(),
        );
    }
    if problems.is_empty() {
        Ok(routes)
    } else {
        Err(ApiError::parameter(problems.join("\n")))
    }
}

/// A JSON value as Python's `str()` shows the parsed value in botocore's messages.
fn python_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        other => other.to_string(),
    }
}

/// Every version the routing names must exist (`ResourceNotFound` otherwise).
fn check_versions_exist(s: &Store, routes: &[Route]) -> Result<(), ApiError> {
    for r in routes {
        if db::versions::get(s, &r.state_machine_version_arn)?.is_none() {
            return Err(not_found());
        }
    }
    Ok(())
}

/// Routing configurations are equal whatever their order.
fn same_routing(a: &[Route], b: &[Route]) -> bool {
    let sorted = |r: &[Route]| {
        let mut v = r.to_vec();
        v.sort_by(|x, y| {
            x.state_machine_version_arn
                .cmp(&y.state_machine_version_arn)
        });
        v
    };
    sorted(a) == sorted(b)
}

pub(super) fn create_alias(
    ctx: &mut Context,
    input: CreateStateMachineAliasInput,
) -> Result<CreateStateMachineAliasOutput, ApiError> {
    // The AWS CLI validates parameters before the service sees the name.
    let routes = routes_from(&input.routing_configuration)?;
    check_model(
        input.description.as_deref(),
        Some(&input.name),
        Some(&routes),
    )?;
    let machine_arn = check_routing(&routes)?;
    let arn = format!("{machine_arn}:{}", input.name);
    let now = ctx.now();
    ctx.store.write(|s| {
        check_versions_exist(s, &routes)?;
        if let Some(existing) = db::aliases::get(s, &arn)? {
            // AWS's idempotency: the same name, description and routing give back the
            // alias already there.
            if existing.description == input.description
                && same_routing(&existing.routing, &routes)
            {
                return Ok(CreateStateMachineAliasOutput {
                    state_machine_alias_arn: existing.arn,
                    creation_date: timestamp(existing.creation_date),
                });
            }
            return Err(ApiError::new(
                ErrorCode::ConflictException,
                "Failed to create alias because an alias with the same name and a different routing configuration already exists.",
            ));
        }
        if db::aliases::all(s, &machine_arn)?.len() >= MAX_ALIASES {
            return Err(ApiError::new(
                ErrorCode::ServiceQuotaExceededException,
                format!(
                    "Failed to create alias '{}': the state machine already has the maximum of {MAX_ALIASES} aliases",
                    input.name
                ),
            ));
        }
        db::aliases::insert(
            s,
            &AliasRecord {
                arn: arn.clone(),
                state_machine_arn: machine_arn.clone(),
                name: input.name.clone(),
                description: input.description.clone(),
                routing: routes.clone(),
                creation_date: now,
                update_date: None,
            },
        )?;
        Ok(CreateStateMachineAliasOutput {
            state_machine_alias_arn: arn.clone(),
            creation_date: timestamp(now),
        })
    })
}

pub(super) fn describe_alias(
    ctx: &mut Context,
    input: AliasArnInput,
) -> Result<DescribeStateMachineAliasOutput, ApiError> {
    parse_alias_arn(&input.state_machine_alias_arn)?;
    let alias =
        db::aliases::get(&ctx.store, &input.state_machine_alias_arn)?.ok_or_else(not_found)?;
    Ok(DescribeStateMachineAliasOutput {
        state_machine_alias_arn: alias.arn,
        name: alias.name,
        description: alias.description,
        routing_configuration: alias.routing,
        creation_date: timestamp(alias.creation_date),
        // An alias never updated shows its creation as its last update.
        update_date: timestamp(alias.update_date.unwrap_or(alias.creation_date)),
    })
}

pub(super) fn update_alias(
    ctx: &mut Context,
    input: UpdateStateMachineAliasInput,
) -> Result<UpdateStateMachineAliasOutput, ApiError> {
    // Parameter validation (AWS CLI), then the model's constraints, then the operation's.
    let routes = input
        .routing_configuration
        .as_ref()
        .map(routes_from)
        .transpose()?;
    check_model(input.description.as_deref(), None, routes.as_deref())?;
    let (machine_arn, _) = parse_alias_arn(&input.state_machine_alias_arn)?;
    if input.description.is_none() && input.routing_configuration.is_none() {
        return Err(validation(
            "Either the description or the routingConfiguration must be specified".into(),
        ));
    }
    if let Some(routes) = &routes {
        let routed = check_routing(routes)?;
        if routed != machine_arn {
            return Err(validation(format!(
                "Routing configuration must contain versions of the alias's state machine. Received: [{}]",
                routes
                    .iter()
                    .map(|r| r.state_machine_version_arn.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    let now = ctx.now();
    ctx.store.write(|s| {
        let mut alias =
            db::aliases::get(s, &input.state_machine_alias_arn)?.ok_or_else(not_found)?;
        if let Some(routes) = &routes {
            check_versions_exist(s, routes)?;
            alias.routing = routes.clone();
        }
        if let Some(d) = &input.description {
            alias.description = Some(d.clone());
        }
        alias.update_date = Some(now);
        db::aliases::update(s, &alias)?;
        Ok(UpdateStateMachineAliasOutput {
            update_date: timestamp(now),
        })
    })
}

pub(super) fn delete_alias(
    ctx: &mut Context,
    input: AliasArnInput,
) -> Result<DeleteStateMachineAliasOutput, ApiError> {
    parse_alias_arn(&input.state_machine_alias_arn)?;
    // Deleting an alias that does not exist succeeds, as on AWS.
    ctx.store.write(|s| {
        db::aliases::delete(s, &input.state_machine_alias_arn)?;
        Ok::<_, ApiError>(())
    })?;
    Ok(DeleteStateMachineAliasOutput {})
}

pub(super) fn list_aliases(
    ctx: &mut Context,
    input: ListStateMachineAliasesInput,
) -> Result<ListStateMachineAliasesOutput, ApiError> {
    let arn = &input.state_machine_arn;
    Arn::parse_as(arn, "stateMachine")?;
    let size = super::page_size(input.max_results)?;
    check_token_length(input.next_token.as_deref())?;
    let after = input
        .next_token
        .as_deref()
        .map(super::decode_token)
        .transpose()?;
    // A version ARN lists the aliases that route to that version.
    let (machine_arn, version) = match super::versions::split_qualified(arn) {
        Some((machine, n)) if is_version_qualifier(n) => {
            if db::versions::get(&ctx.store, arn)?.is_none() {
                return Err(not_found());
            }
            (machine.to_string(), Some(arn.as_str()))
        }
        Some(_) => {
            return Err(ApiError::new(
                ErrorCode::InvalidArn,
                format!(
                    "Invalid Arn: 'Invalid State Machine Arn: {}'",
                    crate::asl::error::quote(arn)
                ),
            ))
        }
        None => {
            super::state_machines::find(&ctx.store, arn)?;
            (arn.clone(), None)
        }
    };
    let rows: Vec<AliasRecord> = db::aliases::all(&ctx.store, &machine_arn)?
        .into_iter()
        .filter(|a| after.as_deref().is_none_or(|after| a.name.as_str() > after))
        .filter(|a| {
            version.is_none_or(|v| a.routing.iter().any(|r| r.state_machine_version_arn == v))
        })
        .take(size + 1)
        .collect();
    let (rows, next_token) = super::keyed_page(rows, size, |a| a.name.clone());
    Ok(ListStateMachineAliasesOutput {
        state_machine_aliases: rows
            .into_iter()
            .map(|a| StateMachineAliasListItem {
                state_machine_alias_arn: a.arn,
                creation_date: timestamp(a.creation_date),
            })
            .collect(),
        next_token,
    })
}

#[cfg(test)]
mod tests;
