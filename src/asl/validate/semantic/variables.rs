//! Variables: `Assign` fields and the names they may assign.
use serde_json::Value;

use super::jsonpath::dynamic_value_ok;
use super::{QueryLanguage, Walker};

const MAX_VARIABLE_NAME: usize = 80;

impl Walker {
    /// Assign: whole variable names only; JSONPath values are templates.
    pub(super) fn assign(&mut self, assign: &Value, loc: &str, language: QueryLanguage) {
        let Some(map) = assign.as_object() else {
            return;
        };
        for (key, value) in map {
            let name = match language {
                QueryLanguage::JsonPath => key.strip_suffix(".$").unwrap_or(key),
                QueryLanguage::Jsonata => key.as_str(),
            };
            let child = format!("{loc}/{key}");
            if !is_variable_name(name) {
                self.schema_error(
                    format!("The variable name '{name}' is not valid"),
                    child.clone(),
                );
            } else if name == "states" {
                self.schema_error("The variable name 'states' is reserved", child.clone());
            }
            if language == QueryLanguage::JsonPath {
                if key.ends_with(".$") {
                    if !dynamic_value_ok(value, false) {
                        self.schema_error(
                            format!(
                                "The value for the field '{key}' must be a valid JSONPath or a valid intrinsic function call"
                            ),
                            child,
                        );
                    }
                } else {
                    self.template(value, &child);
                }
            }
        }
    }
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    first_ok
        && chars.all(|c| c.is_alphanumeric() || c == '_')
        && name.chars().count() <= MAX_VARIABLE_NAME
}
