//! Structural checks: our own JSON Schema for ASL (`asl.schema.json`, embedded), run with
//! the `jsonschema` crate, its errors turned into AWS's `SCHEMA_VALIDATION_FAILED` texts.
//!
//! The schema holds one definition per object kind (`Machine`, `Branch`, `ItemProcessor`,
//! `State` and one per state type); the semantic walker picks which one applies, so that
//! each error is located relative to the object being checked.
use std::collections::HashMap;
use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use serde_json::{json, Value};

use super::{codes, Diagnostic};

const SCHEMA: &str = include_str!("asl.schema.json");

/// The definitions the walker may ask for.
pub const KINDS: [&str; 12] = [
    "Machine",
    "Branch",
    "ItemProcessor",
    "State",
    "Pass",
    "Task",
    "Choice",
    "Wait",
    "Succeed",
    "Fail",
    "Parallel",
    "Map",
];

fn validators() -> &'static HashMap<&'static str, Validator> {
    static VALIDATORS: OnceLock<HashMap<&'static str, Validator>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        // The schema is part of the binary and covered by tests: failing to parse or
        // compile it is a build defect, not bad input.
        let schema: Value = serde_json::from_str(SCHEMA).expect("embedded ASL schema is JSON");
        let defs = schema["$defs"].clone();
        KINDS
            .iter()
            .map(|kind| {
                let root = json!({"$ref": format!("#/$defs/{kind}"), "$defs": defs});
                let validator = jsonschema::options()
                    .should_validate_formats(false)
                    .build(&root)
                    .expect("embedded ASL schema compiles");
                (*kind, validator)
            })
            .collect()
    })
}

/// Checks `instance` (found at `location`) against the schema definition `kind`,
/// appending one diagnostic per problem. Returns whether it was valid.
pub fn check(kind: &str, instance: &Value, location: &str, out: &mut Vec<Diagnostic>) -> bool {
    let Some(validator) = validators().get(kind) else {
        return true;
    };
    let mut missing: Vec<(String, Vec<String>)> = Vec::new();
    let mut valid = true;
    for error in validator.iter_errors(instance) {
        valid = false;
        describe(&error, instance, location, &mut missing, out);
    }
    for (at, fields) in missing {
        out.push(Diagnostic::error(
            codes::SCHEMA_VALIDATION_FAILED,
            format!("These fields are required: [{}]", fields.join(", ")),
            at,
        ));
    }
    valid
}

fn describe(
    error: &ValidationError,
    instance: &Value,
    base: &str,
    missing: &mut Vec<(String, Vec<String>)>,
    out: &mut Vec<Diagnostic>,
) {
    let (at, field) = aws_location(base, error.instance_path().as_str(), instance);
    let message = match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default().to_string();
            match missing.iter_mut().find(|(l, _)| *l == at) {
                Some((_, fields)) => fields.push(name),
                None => missing.push((at, vec![name])),
            }
            return;
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            for name in unexpected {
                out.push(Diagnostic {
                    points_at: Some(format!("{}/{name}", at.trim_end_matches('/'))),
                    ..Diagnostic::error(
                        codes::SCHEMA_VALIDATION_FAILED,
                        format!("Field '{name}' is not supported"),
                        at.clone(),
                    )
                });
            }
            return;
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // The first alternative is the plain JSON form; its errors read best.
            if let Some(first) = context.first().filter(|errors| !errors.is_empty()) {
                for inner in first {
                    describe(inner, instance, base, missing, out);
                }
                return;
            }
            format!("The field '{field}' has an invalid value")
        }
        ValidationErrorKind::Enum { options } => {
            let values: Vec<String> = options
                .as_array()
                .map(|a| a.iter().map(plain).collect())
                .unwrap_or_default();
            // AWS words the state Type differently from every other enum.
            if field == "Type" {
                format!(
                    "The field 'Type' should have one of these values: [{}]",
                    values.join(", ")
                )
            } else {
                format!(
                    "Value should be one of the following: [{}]",
                    values.join(", ")
                )
            }
        }
        ValidationErrorKind::Type { kind } => {
            let names: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string().to_uppercase()],
                TypeKind::Multiple(set) => {
                    set.iter().map(|t| t.to_string().to_uppercase()).collect()
                }
            };
            format!("Expected value of type [{}]", names.join(", "))
        }
        ValidationErrorKind::Minimum { limit } => format!("Minimum value is {limit}"),
        ValidationErrorKind::Maximum { limit } => format!("Maximum value is {limit}"),
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            format!("The field '{field}' should be greater than {limit}")
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            format!("The field '{field}' should be less than {limit}")
        }
        ValidationErrorKind::MinItems { limit } => {
            format!("The field '{field}' should have at least {limit} item(s)")
        }
        ValidationErrorKind::Pattern { .. } => format!("The field '{field}' has an invalid value"),
        _ => format!("The field '{field}' is invalid: {error}"),
    };
    out.push(Diagnostic::error(
        codes::SCHEMA_VALIDATION_FAILED,
        message,
        at,
    ));
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Turns a JSON pointer relative to `instance` into an AWS location under `base`
/// (`/Retry/0/MaxAttempts` → `<base>/Retry[0]/MaxAttempts`) and names the field the
/// problem is about (the last non-index segment).
fn aws_location(base: &str, pointer: &str, instance: &Value) -> (String, String) {
    let mut location = if base == "/" {
        String::new()
    } else {
        base.to_string()
    };
    let mut field = base.rsplit('/').next().unwrap_or_default().to_string();
    let mut current = Some(instance);
    for raw in pointer.split('/').skip(1) {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        match current {
            Some(Value::Array(items)) => {
                let index: usize = segment.parse().unwrap_or(usize::MAX);
                location.push_str(&format!("[{segment}]"));
                current = items.get(index);
            }
            Some(Value::Object(map)) => {
                location.push('/');
                location.push_str(&segment);
                current = map.get(&segment);
                field = segment;
            }
            _ => {
                location.push('/');
                location.push_str(&segment);
                field = segment;
                current = None;
            }
        }
    }
    if location.is_empty() {
        location.push('/');
    }
    (location, field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(kind: &str, instance: Value) -> Vec<(String, String)> {
        let mut out = Vec::new();
        check(kind, &instance, "/States/S", &mut out);
        out.into_iter().map(|d| (d.message, d.location)).collect()
    }

    #[test]
    fn every_definition_compiles() {
        for kind in KINDS {
            assert!(validators().contains_key(kind));
        }
    }

    #[test]
    fn required_fields_are_listed_together() {
        let mut out = Vec::new();
        check("Machine", &json!({}), "/", &mut out);
        assert_eq!(
            out[0].message,
            "These fields are required: [States, StartAt]"
        );
        assert_eq!(out[0].location, "/");
    }

    #[test]
    fn unknown_fields() {
        assert_eq!(
            run("Pass", json!({"Type": "Pass", "End": true, "Catch": []})),
            vec![("Field 'Catch' is not supported".into(), "/States/S".into())]
        );
    }

    #[test]
    fn enums_types_and_ranges() {
        assert_eq!(
            run("State", json!({"Type": "Nope"})),
            vec![(
                "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]".into(),
                "/States/S/Type".into()
            )]
        );
        assert_eq!(
            run(
                "Task",
                json!({"Type": "Task", "Resource": "x", "Retry": [{"ErrorEquals": ["E"], "IntervalSeconds": 0}]})
            ),
            vec![(
                "Minimum value is 1".into(),
                "/States/S/Retry[0]/IntervalSeconds".into()
            )]
        );
        assert_eq!(
            run(
                "Task",
                json!({"Type": "Task", "Resource": "x", "TimeoutSeconds": 1.5})
            ),
            vec![(
                "Expected value of type [INTEGER]".into(),
                "/States/S/TimeoutSeconds".into()
            )]
        );
        assert_eq!(
            run("Pass", json!({"Type": "Pass", "InputPath": 3})),
            vec![(
                "Expected value of type [NULL, STRING]".into(),
                "/States/S/InputPath".into()
            )]
        );
    }
}
