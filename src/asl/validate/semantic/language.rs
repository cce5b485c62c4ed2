//! Query languages: the fields that belong to only one of JSONPath and JSONata (which
//! language a state runs in is the tree's reading, `ast::QueryLanguage`).
use serde_json::{Map, Value};

use super::{expressions, QueryLanguage, Walker};

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
        language: QueryLanguage,
    ) {
        let foreign: &[&str] = match language {
            QueryLanguage::JsonPath => &JSONATA_ONLY,
            QueryLanguage::Jsonata => &JSONPATH_ONLY,
        };
        for field in foreign {
            if obj.contains_key(*field) {
                self.foreign_field(language, field, loc);
            }
        }
        if language == QueryLanguage::JsonPath {
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
        language: QueryLanguage,
        required: QueryLanguage,
        field: &str,
        at: &str,
    ) {
        if language != required {
            self.foreign_field(language, field, &format!("{at}/{field}"));
        }
    }

    pub(super) fn foreign_field(&mut self, language: QueryLanguage, field: &str, location: &str) {
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
