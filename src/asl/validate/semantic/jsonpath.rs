//! JSONPath fields: InputPath/OutputPath/ResultPath, reference paths, payload templates
//! and the `.$` values (paths or intrinsic calls) they hold.
use serde_json::{Map, Value};

use super::{codes, expressions, Diagnostic, PathKind, Walker};

impl Walker {
    /// InputPath/OutputPath/ResultPath, `…Path` fields and payload templates.
    pub(super) fn jsonpath_fields(&mut self, obj: &Map<String, Value>, loc: &str) {
        for field in ["InputPath", "OutputPath"] {
            if let Some(Value::String(path)) = obj.get(field) {
                self.path(path, field, &format!("{loc}/{field}"), PathKind::Full);
            }
        }
        if let Some(Value::String(path)) = obj.get("ResultPath") {
            self.result_path(path, &format!("{loc}/ResultPath"));
        }
        for field in [
            "ItemsPath",
            "TimeoutSecondsPath",
            "HeartbeatSecondsPath",
            "SecondsPath",
            "TimestampPath",
            "MaxConcurrencyPath",
            "ToleratedFailureCountPath",
            "ToleratedFailurePercentagePath",
        ] {
            if let Some(Value::String(path)) = obj.get(field) {
                self.path(path, field, &format!("{loc}/{field}"), PathKind::Reference);
            }
        }
        for field in ["Parameters", "ResultSelector", "ItemSelector"] {
            if let Some(template) = obj.get(field) {
                self.template(template, &format!("{loc}/{field}"));
            }
        }
    }

    pub(super) fn path(&mut self, path: &str, field: &str, location: &str, kind: PathKind) -> bool {
        if expressions::check_path(path, kind).is_ok() {
            return true;
        }
        let what = match kind {
            PathKind::Full => "a valid JSONPath",
            PathKind::Reference => "a valid reference path",
        };
        self.schema_error(
            format!("The value for the field '{field}' must be {what}"),
            location,
        );
        false
    }

    /// ResultPath: a reference path into the state input, never the context object or
    /// a variable.
    pub(super) fn result_path(&mut self, path: &str, location: &str) {
        let into_input = path == "$" || path.starts_with("$.") || path.starts_with("$[");
        if !into_input || expressions::check_path(path, PathKind::Reference).is_err() {
            self.schema_error(
                "The value for the field 'ResultPath' must be a valid reference path",
                location,
            );
        }
    }

    /// A JSONPath payload template: `key.$` values must be paths or intrinsic calls.
    pub(super) fn template(&mut self, value: &Value, loc: &str) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    let child = format!("{loc}/{key}");
                    if let Some(stripped) = key.strip_suffix(".$") {
                        if map.contains_key(stripped) {
                            self.schema_error(
                                format!("The fields '{stripped}' and '{key}' cannot both be used"),
                                child.clone(),
                            );
                        }
                        if !dynamic_value_ok(v, false) {
                            self.schema_error(
                                format!(
                                    "The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call"
                                ),
                                child,
                            );
                        }
                    } else {
                        if let Value::String(s) = v {
                            if (s == "$" || s.starts_with("$.") || s.starts_with("$$."))
                                && expressions::check_path(s, PathKind::Full).is_ok()
                            {
                                self.out.push(Diagnostic::warning(
                                    codes::NO_DOLLAR,
                                    format!(
                                        "The value for the field '{key}' looks like a JSONPath but the field name does not end with '.$', so it is used as a literal string"
                                    ),
                                    child.clone(),
                                ));
                            }
                        }
                        self.template(v, &child);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.template(item, &format!("{loc}[{i}]"));
                }
            }
            _ => {}
        }
    }
}

/// A `.$` value: a path (`$…`, `$$…`, `$var…`) or an intrinsic call. With
/// `string_only`, paths must be reference paths and calls must return strings
/// (ErrorPath/CausePath).
pub(super) fn dynamic_value_ok(value: &Value, string_only: bool) -> bool {
    let Some(text) = value.as_str() else {
        return false;
    };
    if expressions::is_intrinsic(text) {
        return match expressions::check_intrinsic(text) {
            Ok(call) => !string_only || expressions::returns_string(&call),
            Err(_) => false,
        };
    }
    let kind = if string_only {
        PathKind::Reference
    } else {
        PathKind::Full
    };
    expressions::check_path(text, kind).is_ok()
}

pub(super) fn has_dynamic_key(value: &Value) -> bool {
    match value {
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.ends_with(".$") || has_dynamic_key(v)),
        Value::Array(items) => items.iter().any(has_dynamic_key),
        _ => false,
    }
}
