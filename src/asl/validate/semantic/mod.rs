//! The semantic walk: every state machine scope (top level, Parallel branches, Map item
//! processors), its states, transitions, query languages, paths, templates, expressions
//! and resources. Structural checks are delegated to [`schema`] per object. This module
//! walks scopes and states; what a state holds is checked by concept: query languages in
//! `language`, JSONPath fields in `jsonpath`, JSONata expressions in `jsonata`, Assign in
//! `variables`, Retry and Catch in `errors`, Task/Wait/Fail/Pass in `states`, Choice rules
//! in `choice`, Map fields in `map`.
use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::{Map, Value};

use super::expressions::{self, JsonataProblem, PathKind};
use super::resources;
use super::{codes, schema, Diagnostic, MachineType};
use language::Language;

mod choice;
mod errors;
mod jsonata;
mod jsonpath;
mod language;
mod map;
mod states;
mod variables;

/// `X` / `XPath` pairs (and other pairs) of which at most one may be set.
const EXCLUSIVE: [(&str, &str); 10] = [
    ("TimeoutSeconds", "TimeoutSecondsPath"),
    ("HeartbeatSeconds", "HeartbeatSecondsPath"),
    ("Error", "ErrorPath"),
    ("Cause", "CausePath"),
    ("MaxConcurrency", "MaxConcurrencyPath"),
    ("ToleratedFailureCount", "ToleratedFailureCountPath"),
    (
        "ToleratedFailurePercentage",
        "ToleratedFailurePercentagePath",
    ),
    ("Parameters", "ItemSelector"),
    ("ItemProcessor", "Iterator"),
    ("Items", "ItemsPath"),
];

const MAX_STATE_NAME: usize = 80;

/// Runs every check on a parsed definition.
pub fn check(root: &Value, machine_type: MachineType) -> Vec<Diagnostic> {
    let mut walker = Walker {
        machine_type,
        top: Language::JsonPath,
        jsonata_machine: false,
        seen_names: HashSet::new(),
        out: Vec::new(),
    };
    let Some(obj) = root.as_object() else {
        walker.schema_error("Expected value of type [OBJECT]", "/");
        return walker.out;
    };
    schema::check("Machine", root, "/", &mut walker.out);
    walker.top = Language::resolve(obj.get("QueryLanguage")).unwrap_or(Language::JsonPath);
    walker.jsonata_machine = walker.top == Language::Jsonata;
    walker.machine(obj, "");
    walker.out
}

struct Walker {
    machine_type: MachineType,
    /// The machine's language: what every state without its own `QueryLanguage`
    /// uses, at any depth (a Map or Parallel does not pass its own on).
    top: Language,
    /// Whether a state declaring `JSONPath` is refused here (a JSONata machine, outside
    /// distributed item processors, which run as executions of their own).
    jsonata_machine: bool,
    seen_names: HashSet<String>,
    out: Vec<Diagnostic>,
}

/// A transition found in a state: the target name and where it is written.
struct Transition {
    target: String,
    location: String,
}

impl Walker {
    pub(super) fn schema_error(&mut self, message: impl Into<String>, location: impl Into<String>) {
        self.out.push(Diagnostic::error(
            codes::SCHEMA_VALIDATION_FAILED,
            message,
            location,
        ));
    }

    /// AWS reports a field it does not know at the object holding it; the text position
    /// is the field's own.
    pub(super) fn unsupported_field(&mut self, key: &str, at: &str) {
        self.out.push(Diagnostic {
            points_at: Some(format!("{}/{key}", at.trim_end_matches('/'))),
            ..Diagnostic::error(
                codes::SCHEMA_VALIDATION_FAILED,
                format!("Field '{key}' is not supported"),
                at,
            )
        });
    }

    /// One scope: `prefix` is the location of the object holding `StartAt`/`States`
    /// (empty for the top level).
    fn machine(&mut self, obj: &Map<String, Value>, prefix: &str) {
        let Some(states) = obj.get("States").and_then(Value::as_object) else {
            return;
        };
        let mut transitions: HashMap<&str, Vec<Transition>> = HashMap::new();
        let mut terminal = false;
        for (name, state) in states {
            let location = format!("{prefix}/States/{name}");
            self.state_name(name, &location);
            let (found, is_terminal) = self.state(state, &location);
            terminal |= is_terminal;
            transitions.insert(name.as_str(), found);
        }
        // Transitions must stay in this scope.
        for name in states.keys() {
            for t in &transitions[name.as_str()] {
                if !states.contains_key(&t.target) {
                    self.out.push(Diagnostic::error(
                        codes::MISSING_TRANSITION_TARGET,
                        format!("Missing 'Next' target: {}", t.target),
                        t.location.clone(),
                    ));
                }
            }
        }
        let start = obj.get("StartAt").and_then(Value::as_str);
        if let Some(start) = start {
            if !states.contains_key(start) {
                self.out.push(Diagnostic::error(
                    codes::MISSING_TRANSITION_TARGET,
                    format!("Missing 'Next' target: {start}"),
                    format!("{prefix}/StartAt"),
                ));
            }
        }
        if !terminal && prefix.is_empty() {
            // AWS checks this for the top level only, gives no location, and then skips
            // the reachability walk.
            self.out.push(Diagnostic::error(
                codes::MISSING_END_STATE,
                "Workflow has no terminal state",
                "",
            ));
            return;
        }
        // Reachability from StartAt: a cycle nobody enters is as unreachable as a
        // lone state.
        let mut reached: HashSet<&str> = HashSet::new();
        let mut queue: VecDeque<&str> = VecDeque::new();
        if let Some(start) = start.filter(|s| states.contains_key(*s)) {
            reached.insert(start);
            queue.push_back(start);
        }
        while let Some(current) = queue.pop_front() {
            for t in transitions.get(current).into_iter().flatten() {
                if let Some((key, _)) = states.get_key_value(&t.target) {
                    if reached.insert(key.as_str()) {
                        queue.push_back(key.as_str());
                    }
                }
            }
        }
        if start.is_some_and(|s| states.contains_key(s)) {
            for name in states.keys() {
                if !reached.contains(name.as_str()) {
                    self.out.push(Diagnostic::error(
                        codes::MISSING_TRANSITION_TARGET,
                        format!("State \"{name}\" is not reachable."),
                        format!("{prefix}/States/{name}"),
                    ));
                }
            }
        }
    }

    fn state_name(&mut self, name: &str, location: &str) {
        let length = name.chars().count();
        if length == 0 || length > MAX_STATE_NAME {
            self.out.push(Diagnostic::error(
                codes::INVALID_STATE_NAME,
                format!("State name '{name}' must be 1 to {MAX_STATE_NAME} characters long"),
                location,
            ));
        } else if name.chars().any(char::is_control) {
            self.out.push(Diagnostic::error(
                codes::INVALID_STATE_NAME,
                format!(
                    "State name '{}' contains control characters",
                    name.escape_debug()
                ),
                location,
            ));
        }
        if !self.seen_names.insert(name.to_string()) {
            self.out.push(Diagnostic::error(
                codes::DUPLICATE_STATE_NAME,
                format!("Duplicate State name: {name}"),
                location,
            ));
        }
    }

    /// Checks one state; returns its transitions and whether it is terminal.
    fn state(&mut self, state: &Value, loc: &str) -> (Vec<Transition>, bool) {
        let mut transitions = Vec::new();
        let Some(obj) = state.as_object() else {
            self.schema_error("Expected value of type [OBJECT]", loc);
            return (transitions, false);
        };
        if !schema::check("State", state, loc, &mut self.out) {
            return (transitions, false);
        }
        let kind = obj["Type"].as_str().unwrap_or_default();
        let declared = Language::resolve(obj.get("QueryLanguage"));
        let downgraded = self.jsonata_machine && declared == Some(Language::JsonPath);
        if downgraded {
            // AWS reports this alone, without the field checks it would imply.
            self.schema_error(
                "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
                loc,
            );
        }
        let language = declared.unwrap_or(self.top);
        if !downgraded {
            self.language_fields(obj, loc, language);
        }
        schema::check(kind, state, loc, &mut self.out);
        for (a, b) in EXCLUSIVE {
            if obj.contains_key(a) && obj.contains_key(b) {
                self.schema_error(
                    format!("Fields '{a}' and '{b}' are mutually exclusive"),
                    format!("{loc}/{a}"),
                );
            }
        }

        let mut terminal = matches!(kind, "Succeed" | "Fail");
        if matches!(kind, "Pass" | "Task" | "Wait" | "Parallel" | "Map") {
            let end = obj.get("End") == Some(&Value::Bool(true));
            match (obj.get("Next"), end) {
                (Some(_), true) => {
                    self.schema_error("Fields 'Next' and 'End' are mutually exclusive", loc)
                }
                (None, false) => {
                    self.schema_error("One of the fields [Next, End] is required", loc)
                }
                _ => {}
            }
            terminal |= end;
        }
        if let Some(next) = obj.get("Next").and_then(Value::as_str) {
            transitions.push(Transition {
                target: next.to_string(),
                location: format!("{loc}/Next"),
            });
        }

        if language == Language::JsonPath {
            self.jsonpath_fields(obj, loc);
        } else {
            self.jsonata_state(obj, loc);
        }
        if let Some(assign) = obj.get("Assign") {
            self.assign(assign, &format!("{loc}/Assign"), language);
        }

        match kind {
            "Task" => self.task(obj, loc, language),
            "Choice" => self.choice(obj, loc, language, &mut transitions),
            "Wait" => self.wait(obj, loc, language),
            "Fail" => self.fail(obj, loc, language),
            "Pass" => self.pass(obj, loc),
            "Parallel" => self.parallel(obj, loc),
            "Map" => self.map(obj, loc, language),
            _ => {}
        }
        self.retry(obj, loc);
        self.catch(obj, loc, language, &mut transitions);
        (transitions, terminal)
    }

    fn parallel(&mut self, obj: &Map<String, Value>, loc: &str) {
        let Some(Value::Array(branches)) = obj.get("Branches") else {
            return;
        };
        for (i, branch) in branches.iter().enumerate() {
            let at = format!("{loc}/Branches[{i}]");
            self.nested("Branch", branch, &at);
        }
    }

    /// A Parallel branch or Map item processor: its own scope, the machine's language.
    pub(super) fn nested(&mut self, kind: &str, value: &Value, at: &str) {
        schema::check(kind, value, at, &mut self.out);
        if let Some(obj) = value.as_object() {
            self.machine(obj, at);
        }
    }
}

/// Characters AWS forbids in names and Map labels (§11 of the reference).
fn is_forbidden_name_char(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || "<>{}[]?*\"#%\\^|~`$&,;:/".contains(c)
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || c == '\u{fffe}'
        || c == '\u{ffff}'
}

#[cfg(test)]
mod tests;
