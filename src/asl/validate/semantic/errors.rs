//! Error handling fields: Retry and Catch (`States.ALL` placement, a catcher's `Next`,
//! ResultPath or Output, and Assign).
use serde_json::{Map, Value};

use super::{Language, Transition, Walker};

impl Walker {
    pub(super) fn retry(&mut self, obj: &Map<String, Value>, loc: &str) {
        let Some(Value::Array(retriers)) = obj.get("Retry") else {
            return;
        };
        self.states_all_rules(retriers, &format!("{loc}/Retry"), "Retrier");
    }

    pub(super) fn catch(
        &mut self,
        obj: &Map<String, Value>,
        loc: &str,
        language: Language,
        transitions: &mut Vec<Transition>,
    ) {
        let Some(Value::Array(catchers)) = obj.get("Catch") else {
            return;
        };
        let at = format!("{loc}/Catch");
        self.states_all_rules(catchers, &at, "Catcher");
        for (i, catcher) in catchers.iter().enumerate() {
            let Some(catcher) = catcher.as_object() else {
                continue;
            };
            let cat = format!("{at}[{i}]");
            if let Some(next) = catcher.get("Next").and_then(Value::as_str) {
                transitions.push(Transition {
                    target: next.to_string(),
                    location: format!("{cat}/Next"),
                });
            }
            match language {
                Language::JsonPath => {
                    if catcher.contains_key("Output") {
                        self.foreign_field(language, "Output", &cat);
                    }
                    if let Some(Value::String(path)) = catcher.get("ResultPath") {
                        self.result_path(path, &format!("{cat}/ResultPath"));
                    }
                }
                Language::Jsonata => {
                    if catcher.contains_key("ResultPath") {
                        self.foreign_field(language, "ResultPath", &cat);
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
