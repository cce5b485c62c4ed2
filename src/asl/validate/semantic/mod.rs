//! The semantic walk over the definition's tree ([`crate::asl::ast`]): every scope (top
//! level, Parallel branches, Map item processors), its state names, transitions and
//! reachability, and each state's query language, resource and fields. The tree gives the
//! structure; the fields that hold expressions (paths, templates, JSONata, Assign) are
//! checked on their JSON values. Structural checks are delegated to [`schema`] per object.
//! This module walks scopes and states; what a state holds is checked by concept: query
//! languages in `language`, JSONPath fields in `jsonpath`, JSONata expressions in
//! `jsonata`, Assign in `variables`, Retry and Catch in `errors`, Task/Wait/Fail/Pass in
//! `states`, Choice rules in `choice`, Map fields in `map`.
use std::collections::{HashMap, HashSet, VecDeque};

use serde_json::Value;

use super::expressions::{self, JsonataProblem, PathKind};
use super::resources;
use super::{codes, schema, Diagnostic, MachineType};
use crate::asl::ast::{Body, Machine, Node, QueryLanguage, Scope, ScopeKind, State, StateType};

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

/// Runs every check on a definition value (no positions: a YAML or template definition).
pub fn check(root: &Value, machine_type: MachineType) -> Vec<Diagnostic> {
    check_tree(&Machine::read(root, None), machine_type)
}

/// Runs every check on a parsed definition.
pub fn check_tree(machine: &Machine, machine_type: MachineType) -> Vec<Diagnostic> {
    let mut walker = Walker {
        machine_type,
        jsonata_machine: machine.language == QueryLanguage::Jsonata,
        seen_names: HashSet::new(),
        out: Vec::new(),
    };
    if machine.fields.is_none() {
        walker.schema_error("Expected value of type [OBJECT]", "/");
        return walker.out;
    }
    schema::check("Machine", machine.raw, "/", &mut walker.out);
    walker.scope(&machine.scope);
    walker.out
}

struct Walker {
    machine_type: MachineType,
    /// Whether a state declaring `JSONPath` is refused here (a JSONata machine, outside
    /// distributed item processors, which run as executions of their own).
    jsonata_machine: bool,
    seen_names: HashSet<String>,
    out: Vec<Diagnostic>,
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

    /// One scope: its states, then its transitions, terminal state and reachability.
    fn scope(&mut self, scope: &Scope) {
        let Some(states) = scope.states.as_ref().and_then(Node::ok) else {
            return;
        };
        let mut terminal = false;
        // A state that is not a well-formed state has no transitions worth checking.
        let mut transitions = Vec::with_capacity(states.len());
        for state in states {
            self.state_name(state.name, &state.location);
            let valid = self.state(state);
            terminal |= valid && state.is_terminal();
            transitions.push(if valid {
                state.transitions()
            } else {
                Vec::new()
            });
        }
        let index: HashMap<&str, usize> = states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name, i))
            .collect();
        // Transitions must stay in this scope.
        for t in transitions.iter().flatten() {
            if !index.contains_key(t.target) {
                self.out.push(Diagnostic::error(
                    codes::MISSING_TRANSITION_TARGET,
                    format!("Missing 'Next' target: {}", t.target),
                    t.location,
                ));
            }
        }
        let start = scope.start_at.as_ref().and_then(Node::ok).copied();
        if let Some(start) = start {
            if !index.contains_key(start) {
                self.out.push(Diagnostic::error(
                    codes::MISSING_TRANSITION_TARGET,
                    format!("Missing 'Next' target: {start}"),
                    format!("{}/StartAt", scope.location),
                ));
            }
        }
        if !terminal && scope.kind == ScopeKind::Machine {
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
        let Some(&first) = start.and_then(|s| index.get(s)) else {
            return;
        };
        let mut reached = vec![false; states.len()];
        reached[first] = true;
        let mut queue = VecDeque::from([first]);
        while let Some(current) = queue.pop_front() {
            for t in &transitions[current] {
                if let Some(&i) = index.get(t.target) {
                    if !reached[i] {
                        reached[i] = true;
                        queue.push_back(i);
                    }
                }
            }
        }
        for (state, reached) in states.iter().zip(reached) {
            if !reached {
                self.out.push(Diagnostic::error(
                    codes::MISSING_TRANSITION_TARGET,
                    format!("State \"{}\" is not reachable.", state.name),
                    state.location.clone(),
                ));
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

    /// Checks one state; returns whether it is a well-formed state, whose transitions
    /// and `End` count.
    fn state(&mut self, state: &State) -> bool {
        let loc = state.location.as_str();
        let Some(obj) = state.fields else {
            self.schema_error("Expected value of type [OBJECT]", loc);
            return false;
        };
        if !schema::check("State", state.raw, loc, &mut self.out) {
            return false;
        }
        let kind = state.state_type();
        let declared = QueryLanguage::resolve(state.query_language.as_ref());
        let downgraded = self.jsonata_machine && declared == Some(QueryLanguage::JsonPath);
        if downgraded {
            // AWS reports this alone, without the field checks it would imply.
            self.schema_error(
                "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
                loc,
            );
        }
        let language = state.language;
        if !downgraded {
            self.language_fields(obj, loc, language);
        }
        schema::check(
            kind.map(StateType::as_str).unwrap_or_default(),
            state.raw,
            loc,
            &mut self.out,
        );
        for (a, b) in EXCLUSIVE {
            if obj.contains_key(a) && obj.contains_key(b) {
                self.schema_error(
                    format!("Fields '{a}' and '{b}' are mutually exclusive"),
                    format!("{loc}/{a}"),
                );
            }
        }
        if kind.is_some_and(StateType::takes_next) {
            let end = state.end.as_ref().and_then(Node::ok) == Some(&true);
            match (state.next.is_some(), end) {
                (true, true) => {
                    self.schema_error("Fields 'Next' and 'End' are mutually exclusive", loc)
                }
                (false, false) => {
                    self.schema_error("One of the fields [Next, End] is required", loc)
                }
                _ => {}
            }
        }

        if language == QueryLanguage::JsonPath {
            self.jsonpath_fields(obj, loc);
        } else {
            self.jsonata_state(obj, loc);
        }
        if let Some(assign) = obj.get("Assign") {
            self.assign(assign, &format!("{loc}/Assign"), language);
        }

        match &state.body {
            Body::Task { resource } => self.task(obj, loc, language, resource.as_ref()),
            Body::Choice { choices, .. } => {
                let rules = choices.as_ref().and_then(Node::ok);
                self.choice(rules.map_or(&[], Vec::as_slice), language)
            }
            Body::Parallel { branches } => {
                for branch in branches.iter().filter_map(Node::ok).flatten() {
                    self.nested("Branch", branch);
                }
            }
            Body::Map { processor } => self.map(obj, loc, language, processor.as_ref()),
            Body::Plain => match kind {
                Some(StateType::Wait) => self.wait(obj, loc, language),
                Some(StateType::Fail) => self.fail(obj, loc, language),
                Some(StateType::Pass) => self.pass(obj, loc),
                _ => {}
            },
        }
        self.retry(obj, loc);
        self.catch(state, language);
        true
    }

    /// A Parallel branch or Map item processor: its own scope, the machine's language.
    pub(super) fn nested(&mut self, kind: &str, scope: &Scope) {
        schema::check(kind, scope.raw, &scope.location, &mut self.out);
        if scope.fields.is_some() {
            self.scope(scope);
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
