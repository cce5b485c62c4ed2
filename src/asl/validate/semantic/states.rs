//! The checks of one state type each: Task, Wait, Fail and Pass (Choice and Map have
//! modules of their own; Parallel is a set of nested scopes).
use serde_json::{Map, Value};

use super::jsonpath::{dynamic_value_ok, has_dynamic_key};
use super::{
    codes, expressions, resources, Diagnostic, MachineType, PathKind, QueryLanguage, Walker,
};
use crate::asl::ast::Node;
use crate::asl::resource::TaskResource;

impl Walker {
    pub(super) fn task(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        language: QueryLanguage,
        resource: Option<&Node<TaskResource>>,
    ) {
        if let Some(
            node @ Node {
                parsed: Ok(parsed), ..
            },
        ) = resource
        {
            if !resources::recognized(parsed) {
                let arn = parsed.arn();
                self.schema_error(resources::not_recognized(arn), node.location.clone());
            } else if self.machine_type == MachineType::Express {
                if let Some(problem) = resources::express_problem(parsed) {
                    self.schema_error(problem, node.location.clone());
                }
            }
        }
        if let (Some(heartbeat), Some(timeout)) = (
            obj.get("HeartbeatSeconds").and_then(Value::as_u64),
            obj.get("TimeoutSeconds").and_then(Value::as_u64),
        ) {
            if heartbeat >= timeout {
                self.schema_error(
                    "The field 'HeartbeatSeconds' must be smaller than the field 'TimeoutSeconds'",
                    format!("{loc}/HeartbeatSeconds"),
                );
            }
        }
        if let Some(Value::Object(credentials)) = obj.get("Credentials") {
            let at = format!("{loc}/Credentials");
            let role = credentials.get("RoleArn");
            let role_path = credentials.get("RoleArn.$");
            if role.is_none() && (role_path.is_none() || language == QueryLanguage::Jsonata) {
                self.schema_error(
                    "The field 'RoleArn' is required but was missing",
                    at.clone(),
                );
            }
            for key in credentials.keys() {
                if key != "RoleArn" && !(key == "RoleArn.$" && language == QueryLanguage::JsonPath)
                {
                    self.unsupported_field(key, &at);
                }
            }
            if let Some(role) = role {
                if !role.is_string() {
                    self.schema_error("Expected value of type [STRING]", format!("{at}/RoleArn"));
                }
            }
            if language == QueryLanguage::JsonPath {
                if let Some(path) = role_path {
                    if !dynamic_value_ok(path, false) {
                        self.schema_error(
                            "The value for the field 'RoleArn.$' must be a valid JSONPath or a valid intrinsic function call",
                            format!("{at}/RoleArn.$"),
                        );
                    }
                }
            }
        }
    }

    pub(super) fn wait(&mut self, obj: &Map<String, Value>, loc: &str, language: QueryLanguage) {
        let set = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"]
            .iter()
            .filter(|f| obj.contains_key(**f))
            .count();
        if set != 1 {
            self.schema_error(
                "A Wait state must have exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath]",
                loc,
            );
        }
        if let Some(Value::String(ts)) = obj.get("Timestamp") {
            let expression =
                language == QueryLanguage::Jsonata && expressions::jsonata_body(ts).is_some();
            if !expression && !is_aws_timestamp(ts) {
                self.schema_error(
                    "String does not match RFC3339 timestamp",
                    format!("{loc}/Timestamp"),
                );
            }
        }
    }

    pub(super) fn fail(&mut self, obj: &Map<String, Value>, loc: &str, language: QueryLanguage) {
        if language != QueryLanguage::JsonPath {
            return;
        }
        for field in ["ErrorPath", "CausePath"] {
            if let Some(value) = obj.get(field) {
                if !dynamic_value_ok(value, true) {
                    self.schema_error(
                        format!(
                            "The value for the field '{field}' must be a valid reference path or a valid intrinsic function call that returns a string"
                        ),
                        format!("{loc}/{field}"),
                    );
                }
            }
        }
        for field in ["Error", "Cause"] {
            if let Some(Value::String(text)) = obj.get(field) {
                if text.starts_with('$') && expressions::check_path(text, PathKind::Full).is_ok() {
                    self.out.push(Diagnostic::warning(
                        codes::NO_PATH,
                        format!(
                            "The value for the field '{field}' looks like a JSONPath but is used as a literal; use '{field}Path' to read it from the input"
                        ),
                        format!("{loc}/{field}"),
                    ));
                }
            }
        }
    }

    pub(super) fn pass(&mut self, obj: &Map<String, Value>, loc: &str) {
        if let Some(result) = obj.get("Result") {
            if has_dynamic_key(result) {
                self.out.push(Diagnostic::warning(
                    codes::PASS_RESULT_IS_STATIC,
                    "The field 'Result' is a static value: keys ending in '.$' are not evaluated (use 'Parameters')",
                    format!("{loc}/Result"),
                ));
            }
        }
    }
}

/// A literal timestamp as AWS accepts it at create time: RFC 3339 with an uppercase
/// `T`, a zone, and at most 9 fraction digits.
fn is_aws_timestamp(text: &str) -> bool {
    let fraction_ok = match text.find('.') {
        Some(dot) => {
            let digits = text[dot + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            (1..=9).contains(&digits)
        }
        None => true,
    };
    fraction_ok && text.contains('T') && crate::asl::timestamp::parse(text).is_some()
}
