//! CloudFormation's intrinsic functions, evaluated as a deployment would: `Ref` and
//! `Fn::GetAtt` of the template's own resources give the names and ARNs AWS would give them
//! in our account and region, pseudo parameters, Parameters (defaults and overrides),
//! `Fn::Sub`, `Fn::Join`, `Fn::If` with `Conditions`, `Fn::Select`, `Fn::Split`,
//! `Fn::FindInMap`. What cannot be known offline (`Fn::ImportValue`, SSM parameters,
//! dynamic references, attributes of resource types we do not model) is an
//! [`Unknowable`]: a placeholder for lint, an error for deploy unless given.
use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};

mod intrinsics;
mod names;

/// What to do with a value that cannot be known offline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Use a placeholder of the right shape (an ARN) so the definition can be checked.
    Lint,
    /// Fail, naming the `--parameter-overrides` key that would give it.
    Deploy,
}

/// Where and how the template is evaluated.
#[derive(Debug, Clone)]
pub struct Settings {
    pub region: String,
    pub account: String,
    pub stack_name: String,
    /// `--parameter-overrides`: template Parameters, and the keys of unknowable values.
    pub overrides: BTreeMap<String, String>,
    pub mode: Mode,
}

impl Settings {
    pub fn partition(&self) -> &'static str {
        if self.region.starts_with("cn-") {
            "aws-cn"
        } else if self.region.starts_with("us-gov-") {
            "aws-us-gov"
        } else {
            "aws"
        }
    }
}

/// A failure to evaluate, at a location of the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub location: String,
    pub message: String,
}

impl Problem {
    pub fn new(location: &str, message: impl Into<String>) -> Problem {
        Problem {
            location: location.to_string(),
            message: message.into(),
        }
    }
}

/// The template's sections, with what evaluation needs.
pub struct Resolver<'t> {
    pub settings: &'t Settings,
    resources: &'t Map<String, Value>,
    parameters: &'t Map<String, Value>,
    conditions: &'t Map<String, Value>,
    mappings: &'t Map<String, Value>,
    /// Whether SAM's transform applies (it adds resources the template does not list).
    sam: bool,
    /// Conditions and names being evaluated, to report a cycle instead of recursing forever.
    evaluating: std::cell::RefCell<HashSet<String>>,
}

fn section<'t>(template: &'t Value, name: &str) -> &'t Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    template
        .get(name)
        .and_then(Value::as_object)
        .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
}

impl<'t> Resolver<'t> {
    pub fn new(template: &'t Value, settings: &'t Settings) -> Resolver<'t> {
        Resolver {
            settings,
            resources: section(template, "Resources"),
            parameters: section(template, "Parameters"),
            conditions: section(template, "Conditions"),
            mappings: section(template, "Mappings"),
            sam: match template.get("Transform") {
                Some(Value::String(t)) => t.starts_with("AWS::Serverless"),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| t.starts_with("AWS::Serverless"))),
                _ => false,
            },
            evaluating: Default::default(),
        }
    }

    /// A value that cannot be known offline: the override `key` if given, else a
    /// placeholder (lint) or an error (deploy).
    fn unknowable(
        &self,
        location: &str,
        key: &str,
        what: &str,
        arn: bool,
    ) -> Result<Value, Problem> {
        if let Some(v) = self.settings.overrides.get(key) {
            return Ok(Value::String(v.clone()));
        }
        match self.settings.mode {
            Mode::Lint => {
                let safe: String = key
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' })
                    .collect();
                Ok(Value::String(if arn {
                    format!(
                        "arn:{}:lambda:{}:{}:function:unresolved-{safe}",
                        self.settings.partition(),
                        self.settings.region,
                        self.settings.account
                    )
                } else {
                    format!("unresolved-{safe}")
                }))
            }
            Mode::Deploy => Err(Problem::new(
                location,
                format!("{what} cannot be known offline; give it with --parameter-overrides '{key}=VALUE'"),
            )),
        }
    }

    /// Whether the resource exists in this deployment (its `Condition` holds).
    pub fn resource_exists(&self, logical_id: &str) -> Result<bool, Problem> {
        match self
            .resources
            .get(logical_id)
            .and_then(|r| r.get("Condition"))
        {
            Some(Value::String(c)) => {
                self.condition(c, &format!("/Resources/{logical_id}/Condition"))
            }
            _ => Ok(true),
        }
    }

    pub fn condition(&self, name: &str, location: &str) -> Result<bool, Problem> {
        let Some(body) = self.conditions.get(name) else {
            return Err(Problem::new(
                location,
                format!("the condition '{name}' is not in Conditions"),
            ));
        };
        let key = format!("condition:{name}");
        if !self.evaluating.borrow_mut().insert(key.clone()) {
            return Err(Problem::new(
                location,
                format!("the condition '{name}' depends on itself"),
            ));
        }
        let result = self.truth(body, &format!("/Conditions/{name}"));
        self.evaluating.borrow_mut().remove(&key);
        result
    }

    /// A condition expression: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`.
    fn truth(&self, body: &Value, location: &str) -> Result<bool, Problem> {
        let Some((name, args)) = single(body) else {
            return match body {
                Value::Bool(b) => Ok(*b),
                Value::String(s) if s == "true" || s == "false" => Ok(s == "true"),
                _ => Err(Problem::new(
                    location,
                    "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition",
                )),
            };
        };
        let at = format!("{location}/{name}");
        let list = |n: Option<usize>| -> Result<&Vec<Value>, Problem> {
            match args {
                Value::Array(a) if n.is_none_or(|n| a.len() == n) => Ok(a),
                _ => Err(Problem::new(
                    &at,
                    format!(
                        "{name} takes a list{}",
                        n.map(|n| format!(" of {n}")).unwrap_or_default()
                    ),
                )),
            }
        };
        match name {
            "Condition" => match args {
                Value::String(c) => self.condition(c, &at),
                _ => Err(Problem::new(&at, "Condition takes a condition name")),
            },
            "Fn::Equals" => {
                let a = list(Some(2))?;
                let left = self.resolve(&a[0], &format!("{at}[0]"))?;
                let right = self.resolve(&a[1], &format!("{at}[1]"))?;
                Ok(scalar_text(&left) == scalar_text(&right))
            }
            "Fn::Not" => {
                let a = list(Some(1))?;
                Ok(!self.truth(&a[0], &format!("{at}[0]"))?)
            }
            "Fn::And" | "Fn::Or" => {
                let a = list(None)?;
                let mut values = Vec::new();
                for (i, c) in a.iter().enumerate() {
                    values.push(self.truth(c, &format!("{at}[{i}]"))?);
                }
                Ok(if name == "Fn::And" {
                    values.iter().all(|v| *v)
                } else {
                    values.iter().any(|v| *v)
                })
            }
            _ => Err(Problem::new(
                &at,
                format!("{name} is not a condition function"),
            )),
        }
    }

    /// Evaluates every intrinsic function in `value`; `AWS::NoValue` removes the member
    /// or element that holds it.
    pub fn resolve(&self, value: &Value, location: &str) -> Result<Value, Problem> {
        Ok(self.resolve_opt(value, location)?.unwrap_or(Value::Null))
    }

    fn resolve_opt(&self, value: &Value, location: &str) -> Result<Option<Value>, Problem> {
        if let Some((name, args)) = single(value) {
            if name == "Ref" || name.starts_with("Fn::") {
                return self.intrinsic(name, args, &format!("{location}/{name}"));
            }
        }
        Ok(Some(match value {
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, v) in map {
                    if let Some(v) = self.resolve_opt(v, &format!("{location}/{k}"))? {
                        out.insert(k.clone(), v);
                    }
                }
                Value::Object(out)
            }
            Value::Array(items) => {
                let mut out = Vec::new();
                for (i, v) in items.iter().enumerate() {
                    if let Some(v) = self.resolve_opt(v, &format!("{location}[{i}]"))? {
                        out.push(v);
                    }
                }
                Value::Array(out)
            }
            Value::String(s) if s.contains("{{resolve:") => self.dynamic_references(s, location)?,
            other => other.clone(),
        }))
    }

    /// `{{resolve:ssm:name}}` and friends: unknowable, keyed by the reference's text.
    fn dynamic_references(&self, text: &str, location: &str) -> Result<Value, Problem> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("{{resolve:") {
            out.push_str(&rest[..start]);
            let Some(len) = rest[start..].find("}}") else {
                return Err(Problem::new(
                    location,
                    "an unterminated {{resolve:...}} reference",
                ));
            };
            let reference = &rest[start + 2..start + len];
            let value = self.unknowable(
                location,
                reference,
                &format!("the dynamic reference {{{{{reference}}}}}"),
                false,
            )?;
            out.push_str(value.as_str().unwrap_or_default());
            rest = &rest[start + len + 2..];
        }
        out.push_str(rest);
        Ok(Value::String(out))
    }

    /// `Ref`: a pseudo parameter, a parameter or a resource.
    pub fn reference(&self, target: &str, at: &str) -> Result<Value, Problem> {
        let s = self.settings;
        let text = |v: String| Ok(Value::String(v));
        match target {
            "AWS::Region" => return text(s.region.clone()),
            "AWS::AccountId" => return text(s.account.clone()),
            "AWS::Partition" => return text(s.partition().into()),
            "AWS::StackName" => return text(s.stack_name.clone()),
            "AWS::StackId" => {
                return text(format!(
                    "arn:{}:cloudformation:{}:{}:stack/{}/{}",
                    s.partition(),
                    s.region,
                    s.account,
                    s.stack_name,
                    stack_uuid(&s.stack_name)
                ))
            }
            "AWS::URLSuffix" => {
                return text(
                    if s.partition() == "aws-cn" {
                        "amazonaws.com.cn"
                    } else {
                        "amazonaws.com"
                    }
                    .into(),
                )
            }
            "AWS::NotificationARNs" => return Ok(Value::Array(vec![])),
            _ => {}
        }
        if let Some(parameter) = self.parameters.get(target) {
            return self.parameter(target, parameter, at);
        }
        if self.resources.contains_key(target) {
            return self.physical(target, None, at);
        }
        if self.sam_generated(target) {
            return self.unknowable(
                at,
                target,
                &format!("the Ref of {target} (a resource SAM generates)"),
                false,
            );
        }
        Err(Problem::new(
            at,
            format!(
                "'{target}' is not a parameter, a resource or a pseudo parameter of this template"
            ),
        ))
    }

    fn parameter(&self, name: &str, parameter: &Value, at: &str) -> Result<Value, Problem> {
        let kind = parameter
            .get("Type")
            .and_then(Value::as_str)
            .unwrap_or("String");
        let given = self.settings.overrides.get(name).cloned();
        let default = parameter.get("Default").map(scalar_text);
        let value = match (given, default) {
            (Some(v), _) => v,
            (None, Some(d)) if !kind.starts_with("AWS::SSM::Parameter::Value") => d,
            (None, d) => {
                let what = match d {
                    Some(path) => format!("the parameter {name} (the SSM parameter {path})"),
                    None => format!("the parameter {name} (no Default)"),
                };
                return self.unknowable(at, name, &what, false);
            }
        };
        if let Some(allowed) = parameter.get("AllowedValues").and_then(Value::as_array) {
            if !allowed.iter().any(|a| scalar_text(a) == value) {
                return Err(Problem::new(
                    at,
                    format!(
                        "the parameter {name} is '{value}', which is not one of its AllowedValues"
                    ),
                ));
            }
        }
        if kind == "CommaDelimitedList" || kind.starts_with("List<") || kind.contains("<List<") {
            return Ok(Value::Array(
                value
                    .split(',')
                    .map(|v| Value::String(v.trim().into()))
                    .collect(),
            ));
        }
        Ok(Value::String(value))
    }
}

/// A stable stack id suffix, so `AWS::StackId` is the same on every deploy.
fn stack_uuid(stack_name: &str) -> uuid::Uuid {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(stack_name.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Uuid::from_bytes(bytes)
}

/// The only member of a one-member object.
pub fn single(value: &Value) -> Option<(&str, &Value)> {
    let map = value.as_object()?;
    if map.len() != 1 {
        return None;
    }
    map.iter().next().map(|(k, v)| (k.as_str(), v))
}

/// A scalar as text (`Fn::Sub`, `Fn::Join`, parameter values); other values as JSON.
pub fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(scalar_text).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
