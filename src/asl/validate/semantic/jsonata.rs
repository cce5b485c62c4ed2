//! JSONata expressions: every `{% %}` string of a JSONata state must parse and read only
//! what Step Functions offers where it stands.
use serde_json::{Map, Value};

use super::{codes, expressions, Diagnostic, JsonataProblem, Walker};

impl Walker {
    /// Every `{% %}` string of a JSONata state must parse and read only what Step
    /// Functions offers there. Nested scopes are checked by their own states.
    pub(super) fn jsonata_state(&mut self, state: &Map<String, Value>, loc: &str) {
        for (key, value) in state {
            let at = format!("{loc}/{key}");
            match key.as_str() {
                "Branches" | "ItemProcessor" | "Iterator" => {}
                "Catch" => match value.as_array() {
                    Some(catchers) => {
                        for (i, catcher) in catchers.iter().enumerate() {
                            let cat = format!("{at}[{i}]");
                            match catcher.as_object() {
                                // `$states.errorOutput` exists only in a Catcher's own
                                // Output and Assign.
                                Some(fields) => {
                                    for (field, v) in fields {
                                        let ok = matches!(field.as_str(), "Output" | "Assign");
                                        self.jsonata_values(v, &format!("{cat}/{field}"), ok);
                                    }
                                }
                                None => self.jsonata_values(catcher, &cat, false),
                            }
                        }
                    }
                    None => self.jsonata_values(value, &at, false),
                },
                _ => self.jsonata_values(value, &at, false),
            }
        }
    }

    pub(super) fn jsonata_values(&mut self, value: &Value, loc: &str, error_output_ok: bool) {
        match value {
            Value::String(s) => {
                if let Some(body) = expressions::jsonata_body(s) {
                    let (code, message) = match expressions::check_jsonata(body, error_output_ok) {
                        Ok(()) => return,
                        Err(JsonataProblem::Invalid(m)) => (codes::INVALID_JSONATA_EXPRESSION, m),
                        Err(JsonataProblem::Unsupported(m)) => {
                            (codes::UNSUPPORTED_JSONATA_EXPRESSION, m)
                        }
                    };
                    self.out.push(Diagnostic::error(code, message, loc));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.jsonata_values(item, &format!("{loc}[{i}]"), error_output_ok);
                }
            }
            Value::Object(map) => {
                for (key, v) in map {
                    self.jsonata_values(v, &format!("{loc}/{key}"), error_output_ok);
                }
            }
            _ => {}
        }
    }
}
