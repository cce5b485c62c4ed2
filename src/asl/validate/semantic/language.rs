//! Query languages: the `QueryLanguage` a state runs in, and the fields that belong to
//! only one of JSONPath and JSONata.
use serde_json::{Map, Value};

use super::{expressions, Walker};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Language {
    JsonPath,
    Jsonata,
}

impl Language {
    /// The language a `QueryLanguage` field selects. As AWS resolves it: absent means
    /// inherited, exactly `JSONPath` is JSONPath, anything else (even `jsonpath` or a
    /// number, which are also reported against the enum) is JSONata.
    pub(super) fn resolve(value: Option<&Value>) -> Option<Language> {
        match value? {
            Value::String(s) if s == "JSONPath" => Some(Language::JsonPath),
            _ => Some(Language::Jsonata),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Language::JsonPath => "JSONPath",
            Language::Jsonata => "JSONata",
        }
    }

    fn other(self) -> Language {
        match self {
            Language::JsonPath => Language::Jsonata,
            Language::Jsonata => Language::JsonPath,
        }
    }
}

/// Fields only a JSONPath state may use.
const JSONPATH_ONLY: [&str; 16] = [
    "InputPath",
    "OutputPath",
    "Parameters",
    "ResultSelector",
    "ResultPath",
    "Result",
    "ItemsPath",
    "TimeoutSecondsPath",
    "HeartbeatSecondsPath",
    "SecondsPath",
    "TimestampPath",
    "ErrorPath",
    "CausePath",
    "MaxConcurrencyPath",
    "ToleratedFailureCountPath",
    "ToleratedFailurePercentagePath",
];

/// Fields only a JSONata state may use.
const JSONATA_ONLY: [&str; 3] = ["Arguments", "Output", "Items"];

/// Numeric fields that, in a JSONata state, may instead hold an expression; in a
/// JSONPath state such a string is just a wrongly typed value.
const NUMERIC_OR_EXPRESSION: [(&str, &str); 6] = [
    ("TimeoutSeconds", "INTEGER"),
    ("HeartbeatSeconds", "INTEGER"),
    ("Seconds", "INTEGER"),
    ("MaxConcurrency", "INTEGER"),
    ("ToleratedFailureCount", "INTEGER"),
    ("ToleratedFailurePercentage", "NUMBER"),
];

impl Walker {
    /// Fields of the other query language, and expressions in numeric fields of a
    /// JSONPath state.
    pub(super) fn language_fields(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        language: Language,
    ) {
        let foreign: &[&str] = match language {
            Language::JsonPath => &JSONATA_ONLY,
            Language::Jsonata => &JSONPATH_ONLY,
        };
        for field in foreign {
            if obj.contains_key(*field) {
                self.foreign_field(language, field, loc);
            }
        }
        if language == Language::JsonPath {
            for (field, expected) in NUMERIC_OR_EXPRESSION {
                if obj
                    .get(field)
                    .and_then(Value::as_str)
                    .is_some_and(|s| expressions::jsonata_body(s).is_some())
                {
                    self.schema_error(
                        format!("Expected value of type [{expected}]"),
                        format!("{loc}/{field}"),
                    );
                }
            }
        }
    }

    /// A field of the other query language, at `at` (a sub-object such as ItemReader).
    pub(super) fn language_only(
        &mut self,
        language: Language,
        required: Language,
        field: &str,
        at: &str,
    ) {
        if language != required {
            self.foreign_field(language, field, &format!("{at}/{field}"));
        }
    }

    pub(super) fn foreign_field(&mut self, language: Language, field: &str, location: &str) {
        self.schema_error(
            format!(
                "The QueryLanguage is set to '{}', but field '{field}' is only supported for the '{}' QueryLanguage",
                language.name(),
                language.other().name()
            ),
            location,
        );
    }
}
