//! Query languages: what a `QueryLanguage` field says, and which language a state runs in
//! when it says nothing.
use serde_json::Value;

use super::node::{one_of, Expected, Node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryLanguage {
    JsonPath,
    Jsonata,
}

const NAMES: &[&str] = &["JSONPath", "JSONata"];
const VALUES: &[QueryLanguage] = &[QueryLanguage::JsonPath, QueryLanguage::Jsonata];

impl QueryLanguage {
    pub(super) fn read(value: &Value) -> Result<QueryLanguage, Expected> {
        one_of(value, NAMES, VALUES)
    }

    /// The language a `QueryLanguage` field selects, as AWS resolves it: absent means
    /// inherited (`None`), exactly `JSONPath` is JSONPath, anything else (even
    /// `jsonpath` or a number, which the schema also reports) is JSONata.
    pub fn resolve(declared: Option<&Node<'_, QueryLanguage>>) -> Option<QueryLanguage> {
        match declared?.parsed {
            Ok(QueryLanguage::JsonPath) => Some(QueryLanguage::JsonPath),
            _ => Some(QueryLanguage::Jsonata),
        }
    }

    /// The name as written in a definition.
    pub fn name(self) -> &'static str {
        match self {
            QueryLanguage::JsonPath => "JSONPath",
            QueryLanguage::Jsonata => "JSONata",
        }
    }

    pub fn other(self) -> QueryLanguage {
        match self {
            QueryLanguage::JsonPath => QueryLanguage::Jsonata,
            QueryLanguage::Jsonata => QueryLanguage::JsonPath,
        }
    }
}
