//! `sfn deploy TEMPLATE` (ours): creates or updates a SAM / CloudFormation / CDK
//! template's state machines and activities in the local store through the API, and
//! records its Lambda functions (where their code is) so that Tasks calling them run
//! their real handlers. Deploying again changes only what changed. Prints each logical id
//! with its ARN: a table for people, the AWS CLI formats with `--output`.
use std::path::Path;

use clap::{parser::ValueSource, Arg, ArgMatches, Command};
use comfy_table::{presets, Table};
use serde_json::{json, Map, Value};

use super::{lint, Failure, Globals};
use crate::api::{self, ApiError, Context};
use crate::asl::validate::Severity;
use crate::store::functions::FunctionRecord;
use crate::template::{self, yaml::Tags, Mode, Settings};

pub fn command() -> Command {
    Command::new("deploy")
        .about("Create or update a SAM/CloudFormation template's state machines, activities and functions locally")
        .long_about(
            "Reads a SAM, CloudFormation or CDK template (YAML or JSON), resolves its intrinsic \
             functions as a deployment in this account and region would, validates every state \
             machine, then creates or updates its state machines and activities in the store and \
             records its Lambda functions: Tasks calling a python3.x or nodejs* function with \
             local code run its handler. Nothing is written when the template has an error. \
             Running it again updates only what changed.",
        )
        .arg(
            Arg::new("template")
                .value_name("TEMPLATE")
                .required(true)
                .help("The template file (template.yaml, cdk.out/*.template.json...)"),
        )
        .arg(
            Arg::new("parameter-overrides")
                .long("parameter-overrides")
                .num_args(1..)
                .value_name("KEY=VALUE")
                .help("Template parameters, and values that cannot be known offline (an export name, Resource.Attribute)"),
        )
        .arg(
            Arg::new("stack-name")
                .long("stack-name")
                .help("Stack name for AWS::StackName and generated names [default: the template's directory]"),
        )
}

struct Row {
    logical_id: String,
    resource_type: String,
    arn: String,
    status: &'static str,
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let file = m
        .get_one::<String>("template")
        .map(String::as_str)
        .unwrap_or_default();
    let file = file.strip_prefix("file://").unwrap_or(file);
    let text = std::fs::read_to_string(file)
        .map_err(|e| Failure::Parameter(format!("sfn deploy: cannot read {file}: {e}")))?;
    let parsed = template::yaml::parse(&text, Tags::CloudFormation).map_err(|e| {
        Failure::Parameter(format!(
            "sfn deploy: {file}:{}:{}: {}",
            e.line, e.column, e.message
        ))
    })?;
    if !template::is_template(&parsed.value) {
        return Err(Failure::Parameter(format!(
            "sfn deploy: {file} is not a SAM or CloudFormation template (it has no Resources with a Type); use create-state-machine or sfn run for a definition"
        )));
    }
    let settings = Settings {
        region: globals.region.clone(),
        account: globals.account.clone(),
        stack_name: lint::stack_name(m, file),
        overrides: lint::parameter_overrides(m)
            .map_err(|e| Failure::Parameter(format!("sfn deploy: {e}")))?,
        mode: Mode::Deploy,
    };
    let s3_root = std::env::var_os("SFN_S3_ROOT")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from);
    let loaded = template::load(Path::new(file), &parsed, &settings, s3_root.as_deref());
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|l| l.diagnostic.severity == Severity::Error)
        .map(|l| {
            let d = &l.diagnostic;
            let at = if d.location.is_empty() {
                String::new()
            } else {
                format!(" at {}", d.location)
            };
            format!(
                "{}:{}:{}: error[{}]: {}{at}",
                l.file.display(),
                d.line.unwrap_or(1),
                d.column.unwrap_or(1),
                d.code,
                d.message
            )
        })
        .collect();
    if !errors.is_empty() {
        return Err(Failure::Other(format!(
            "sfn deploy: {file} cannot be deployed; nothing was changed:\n{}",
            errors.join("\n")
        )));
    }

    let mut ctx = globals.context("CreateStateMachine")?;
    let mut rows = Vec::new();
    for function in &loaded.functions {
        let code_dir = function.code.as_ref().map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        });
        let record = FunctionRecord {
            arn: function.arn.clone(),
            name: function.name.clone(),
            runtime: function.runtime.clone(),
            handler: function.handler.clone(),
            code_dir,
            environment: serde_json::to_string(&function.environment)
                .unwrap_or_else(|_| "{}".into()),
            timeout_seconds: i64::try_from(function.timeout_seconds).unwrap_or(i64::MAX),
            stack_name: settings.stack_name.clone(),
            logical_id: function.logical_id.clone(),
        };
        let recorded = api::functions::put_function(&mut ctx, &record)
            .map_err(|e| api_failure("PutFunction", e))?;
        rows.push(Row {
            logical_id: function.logical_id.clone(),
            resource_type: function.resource_type.clone(),
            arn: function.arn.clone(),
            status: match recorded {
                api::functions::Recorded::Created => "CREATED",
                api::functions::Recorded::Updated => "UPDATED",
                api::functions::Recorded::Unchanged => "UNCHANGED",
            },
        });
    }
    for activity in &loaded.activities {
        let (arn, status) = deploy_activity(&mut ctx, activity)?;
        rows.push(Row {
            logical_id: activity.logical_id.clone(),
            resource_type: "AWS::StepFunctions::Activity".into(),
            arn,
            status,
        });
    }
    for machine in &loaded.state_machines {
        let status = deploy_machine(&mut ctx, machine)?;
        rows.push(Row {
            logical_id: machine.logical_id.clone(),
            resource_type: machine.resource_type.clone(),
            arn: machine.arn.clone(),
            status,
        });
    }
    render(&settings.stack_name, &rows, m, globals)
}

fn api_failure(operation: &str, error: ApiError) -> Failure {
    Failure::Api {
        operation: operation.to_string(),
        error,
    }
}

fn call(ctx: &mut Context, operation: &str, request: Value) -> Result<Value, Failure> {
    api::call(ctx, operation, request).map_err(|e| api_failure(operation, e))
}

fn tag_list(tags: &[(String, String)]) -> Value {
    Value::Array(
        tags.iter()
            .map(|(k, v)| json!({"key": k, "value": v}))
            .collect(),
    )
}

/// Creates the activity, or tags the one already there (an activity has nothing else to
/// update).
fn deploy_activity(
    ctx: &mut Context,
    activity: &template::Activity,
) -> Result<(String, &'static str), Failure> {
    match api::call(
        ctx,
        "DescribeActivity",
        json!({"activityArn": activity.arn}),
    ) {
        Ok(_) => {
            if activity.tags.is_empty() {
                return Ok((activity.arn.clone(), "UNCHANGED"));
            }
            let listed = call(
                ctx,
                "ListTagsForResource",
                json!({"resourceArn": activity.arn}),
            )?;
            let wanted = tag_list(&activity.tags);
            let have = listed
                .get("tags")
                .cloned()
                .unwrap_or(Value::Array(Vec::new()));
            let missing = wanted
                .as_array()
                .into_iter()
                .flatten()
                .any(|t| !have.as_array().is_some_and(|h| h.contains(t)));
            if !missing {
                return Ok((activity.arn.clone(), "UNCHANGED"));
            }
            call(
                ctx,
                "TagResource",
                json!({"resourceArn": activity.arn, "tags": wanted}),
            )?;
            Ok((activity.arn.clone(), "UPDATED"))
        }
        Err(e) if e.code == "ActivityDoesNotExist" => {
            let response = call(
                ctx,
                "CreateActivity",
                json!({"name": activity.name, "tags": tag_list(&activity.tags)}),
            )?;
            let arn = response
                .get("activityArn")
                .and_then(Value::as_str)
                .unwrap_or(&activity.arn)
                .to_string();
            Ok((arn, "CREATED"))
        }
        Err(e) => Err(api_failure("DescribeActivity", e)),
    }
}

/// Creates the machine, updates what changed, or replaces it when its type changed (as
/// CloudFormation does: the type cannot be updated).
fn deploy_machine(
    ctx: &mut Context,
    machine: &template::StateMachine,
) -> Result<&'static str, Failure> {
    let definition = machine.definition.to_string();
    let existing = match api::call(
        ctx,
        "DescribeStateMachine",
        json!({"stateMachineArn": machine.arn}),
    ) {
        Ok(found) => Some(found),
        Err(e) if e.code == "StateMachineDoesNotExist" => None,
        Err(e) => return Err(api_failure("DescribeStateMachine", e)),
    };
    if let Some(found) = &existing {
        if found.get("type").and_then(Value::as_str) != Some(machine.machine_type.as_str()) {
            call(
                ctx,
                "DeleteStateMachine",
                json!({"stateMachineArn": machine.arn}),
            )?;
        } else {
            let mut update = Map::new();
            if found.get("definition").and_then(Value::as_str) != Some(definition.as_str()) {
                update.insert("definition".into(), definition.clone().into());
            }
            if found.get("roleArn").and_then(Value::as_str) != Some(machine.role_arn.as_str()) {
                update.insert("roleArn".into(), machine.role_arn.clone().into());
            }
            if let Some(logging) = &machine.logging {
                if found.get("loggingConfiguration") != Some(logging) {
                    update.insert("loggingConfiguration".into(), logging.clone());
                }
            }
            if let Some(tracing) = &machine.tracing {
                if found.get("tracingConfiguration") != Some(tracing) {
                    update.insert("tracingConfiguration".into(), tracing.clone());
                }
            }
            if !machine.tags.is_empty() {
                call(
                    ctx,
                    "TagResource",
                    json!({"resourceArn": machine.arn, "tags": tag_list(&machine.tags)}),
                )?;
            }
            if update.is_empty() {
                return Ok("UNCHANGED");
            }
            update.insert("stateMachineArn".into(), machine.arn.clone().into());
            call(ctx, "UpdateStateMachine", Value::Object(update))?;
            return Ok("UPDATED");
        }
    }
    let mut request = json!({
        "name": machine.name,
        "definition": definition,
        "roleArn": machine.role_arn,
        "type": machine.machine_type,
    });
    if !machine.tags.is_empty() {
        request["tags"] = tag_list(&machine.tags);
    }
    if let Some(logging) = &machine.logging {
        request["loggingConfiguration"] = logging.clone();
    }
    if let Some(tracing) = &machine.tracing {
        request["tracingConfiguration"] = tracing.clone();
    }
    call(ctx, "CreateStateMachine", request)?;
    Ok(if existing.is_some() {
        "REPLACED"
    } else {
        "CREATED"
    })
}

fn render(stack: &str, rows: &[Row], m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let chosen = m.value_source("output") == Some(ValueSource::CommandLine)
        || std::env::var("AWS_DEFAULT_OUTPUT").is_ok_and(|v| !v.is_empty())
        || globals.query.is_some();
    if chosen {
        let resources: Vec<Value> = rows
            .iter()
            .map(|r| {
                json!({
                    "LogicalResourceId": r.logical_id,
                    "ResourceType": r.resource_type,
                    "PhysicalResourceId": r.arn,
                    "Status": r.status,
                })
            })
            .collect();
        let value = json!({"StackName": stack, "Resources": resources});
        let value = match &globals.query {
            Some(q) => super::query(q, &value)?,
            None => value,
        };
        return globals.render(&value, "Deploy");
    }
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_header(["Logical id", "Type", "ARN", "Status"]);
    for r in rows {
        table.add_row([
            r.logical_id.as_str(),
            r.resource_type.as_str(),
            r.arn.as_str(),
            r.status,
        ]);
    }
    Ok(format!("Stack {stack}\n{table}\n"))
}
