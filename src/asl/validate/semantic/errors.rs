//! Error handling fields: Retry and Catch (`States.ALL` placement, a catcher's `Next`,
//! ResultPath or Output, and Assign).
use serde_json::{Map, Value};

use super::{QueryLanguage, Walker};
use crate::asl::ast::{Node, State};

impl Walker {
    pub(super) fn retry(&mut self, obj: &Map<String, Value>, loc: &str) {
        let Some(Value::Array(retriers)) = obj.get("Retry") else {
            return;
        };
        self.states_all_rules(retriers, &format!("{loc}/Retry"), "Retrier");
    }

    /// A state's catchers (their `Next` are transitions, which the scope checks).
    pub(super) fn catch(&mut self, state: &State, language: QueryLanguage) {
        let Some(Node {
            parsed: Ok(catchers),
            raw,
            location: at,
            ..
        }) = &state.catch
        else {
            return;
        };
        self.states_all_rules(raw.as_array().map_or(&[], Vec::as_slice), at, "Catcher");
        for rule in catchers {
            let Some(catcher) = rule.fields else {
                continue;
            };
            let cat = &rule.location;
            match language {
                QueryLanguage::JsonPath => {
                    if catcher.contains_key("Output") {
                        self.foreign_field(language, "Output", cat);
                    }
                    if let Some(Value::String(path)) = catcher.get("ResultPath") {
                        self.result_path(path, &format!("{cat}/ResultPath"));
                    }
                }
                QueryLanguage::Jsonata => {
                    if catcher.contains_key("ResultPath") {
                        self.foreign_field(language, "ResultPath", cat);
                    }
                }
            }
            if let Some(assign) = catcher.get("Assign") {
                self.assign(assign, &format!("{cat}/Assign"), language);
            }
        }
    }

    /// `States.ALL` must be alone in its ErrorEquals, in the last retrier/catcher.
    fn states_all_rules(&mut self, rules: &[Value], at: &str, what: &str) {
        let last = rules.len().saturating_sub(1);
        for (i, rule) in rules.iter().enumerate() {
            let Some(errors) = rule.get("ErrorEquals").and_then(Value::as_array) else {
                continue;
            };
            if !errors.iter().any(|e| e.as_str() == Some("States.ALL")) {
                continue;
            }
            if errors.len() > 1 {
                self.schema_error(
                    "The error name 'States.ALL' must appear alone in 'ErrorEquals'",
                    format!("{at}[{i}]/ErrorEquals"),
                );
            }
            if i != last {
                self.schema_error(
                    format!("A {what} with 'States.ALL' must be the last one"),
                    format!("{at}[{i}]"),
                );
            }
        }
    }
}
