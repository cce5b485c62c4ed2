//! The response shapes of common service integrations, which a mocked result is checked
//! against (`fieldValidationMode`: STRICT also requires the required fields, PRESENT checks
//! only the fields given). Fields outside the shape pass, as AWS lets them pass.
//! Integrations not listed here are not checked.

/// A member's type, as the AWS API models name them.
enum Shape {
    Str,
    Number,
    Document,
    List(&'static Shape),
    MapOf(&'static Shape),
    Struct(&'static [Member]),
}

/// `(name, shape, required)`.
type Member = (&'static str, &'static Shape, bool);

const STR: Shape = Shape::Str;
const NUMBER: Shape = Shape::Number;
const DOCUMENT: Shape = Shape::Document;

const LAMBDA_INVOKE: Shape = Shape::Struct(&[
    ("StatusCode", &NUMBER, false),
    ("FunctionError", &STR, false),
    ("LogResult", &STR, false),
    ("Payload", &DOCUMENT, false),
    ("ExecutedVersion", &STR, false),
]);
const SFN_START_EXECUTION: Shape =
    Shape::Struct(&[("ExecutionArn", &STR, true), ("StartDate", &STR, true)]);
const EVENTS_ENTRY: Shape = Shape::Struct(&[
    ("EventId", &STR, false),
    ("ErrorCode", &STR, false),
    ("ErrorMessage", &STR, false),
]);
const EVENTS_PUT_EVENTS: Shape = Shape::Struct(&[
    ("FailedEntryCount", &NUMBER, false),
    ("Entries", &Shape::List(&EVENTS_ENTRY), false),
]);
const SQS_SEND_MESSAGE: Shape = Shape::Struct(&[
    ("MD5OfMessageBody", &STR, false),
    ("MD5OfMessageAttributes", &STR, false),
    ("MD5OfMessageSystemAttributes", &STR, false),
    ("MessageId", &STR, false),
    ("SequenceNumber", &STR, false),
]);
const SNS_PUBLISH: Shape =
    Shape::Struct(&[("MessageId", &STR, false), ("SequenceNumber", &STR, false)]);
const DYNAMODB_CAPACITY: Shape = Shape::Struct(&[
    ("TableName", &STR, false),
    ("CapacityUnits", &NUMBER, false),
    ("ReadCapacityUnits", &NUMBER, false),
    ("WriteCapacityUnits", &NUMBER, false),
]);
const DYNAMODB_ITEM_OUTPUT: Shape = Shape::Struct(&[
    ("ConsumedCapacity", &DYNAMODB_CAPACITY, false),
    ("Attributes", &Shape::MapOf(&DOCUMENT), false),
    ("Item", &Shape::MapOf(&DOCUMENT), false),
]);

fn shape_of(resource_type: &str, resource: &str) -> Option<&'static Shape> {
    Some(match (resource_type, resource) {
        ("lambda", "invoke") => &LAMBDA_INVOKE,
        ("states", "startExecution") => &SFN_START_EXECUTION,
        ("events", "putEvents") => &EVENTS_PUT_EVENTS,
        ("sqs", "sendMessage") => &SQS_SEND_MESSAGE,
        ("sns", "publish") => &SNS_PUBLISH,
        ("dynamodb", "putItem" | "getItem" | "updateItem" | "deleteItem") => &DYNAMODB_ITEM_OUTPUT,
        _ => return None,
    })
}

/// Checks a mocked result of the integration `resource_type:resource`; the error is
/// AWS's text after `Mock result schema validation error: `.
pub fn check(
    resource_type: &str,
    resource: &str,
    value: &serde_json::Value,
    strict: bool,
) -> Result<(), String> {
    // Callbacks and `.sync` jobs answer with other shapes than the API call.
    if resource.contains('.') {
        return Ok(());
    }
    match shape_of(resource_type, resource) {
        Some(shape) => check_value(value, shape, "", strict),
        None => Ok(()),
    }
}

fn check_value(
    value: &serde_json::Value,
    shape: &Shape,
    field: &str,
    strict: bool,
) -> Result<(), String> {
    use serde_json::Value;
    let must = |what: &str| Err(format!("Field '{field}' must be {what}"));
    match shape {
        Shape::Document => Ok(()),
        Shape::Str => match value {
            Value::String(_) => Ok(()),
            _ => must("a string"),
        },
        Shape::Number => match value {
            Value::Number(_) => Ok(()),
            _ => must("a number"),
        },
        Shape::List(item) => match value {
            Value::Array(items) => items
                .iter()
                .try_for_each(|v| check_value(v, item, field, strict)),
            _ => must("an array"),
        },
        Shape::MapOf(item) => match value {
            Value::Object(map) => map
                .values()
                .try_for_each(|v| check_value(v, item, field, strict)),
            _ => must("an object"),
        },
        Shape::Struct(members) => {
            let Value::Object(map) = value else {
                return if field.is_empty() {
                    Err("Mock result must be a JSON object".into())
                } else {
                    must("an object")
                };
            };
            if strict {
                if let Some((name, _, _)) = members
                    .iter()
                    .find(|(name, _, required)| *required && !map.contains_key(*name))
                {
                    return Err(format!(
                        "Required field '{}' is missing",
                        crate::asl::error::quote(name)
                    ));
                }
            }
            for (key, v) in map {
                if let Some((name, member, _)) = members.iter().find(|(name, _, _)| name == key) {
                    check_value(v, member, name, strict)?;
                }
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strict_requires_required_fields_and_present_does_not() {
        let partial = json!({"StartDate": "2025-01-01T00:00:00Z"});
        assert_eq!(
            check("states", "startExecution", &partial, true).unwrap_err(),
            "Required field 'ExecutionArn' is missing"
        );
        assert!(check("states", "startExecution", &partial, false).is_ok());
    }

    #[test]
    fn types_are_checked_in_nested_lists() {
        let bad = json!({"Entries": [{"EventId": "a"}, {"EventId": 1}]});
        assert_eq!(
            check("events", "putEvents", &bad, false).unwrap_err(),
            "Field 'EventId' must be a string"
        );
        let not_list = json!({"Entries": "x"});
        assert_eq!(
            check("events", "putEvents", &not_list, true).unwrap_err(),
            "Field 'Entries' must be an array"
        );
        assert!(check("events", "putEvents", &json!({"random": "json"}), true).is_ok());
    }

    #[test]
    fn unknown_integrations_and_callbacks_are_not_checked() {
        assert!(check("glue", "startJobRun", &json!(1), true).is_ok());
        assert!(check("lambda", "invoke.waitForTaskToken", &json!(1), true).is_ok());
    }
}
