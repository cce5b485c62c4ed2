//! Scopes: a `StartAt` and its `States`. The machine is one; so is each Parallel branch
//! and each Map item processor. Transitions never leave their scope.
use serde_json::{Map, Value};

use super::node::{string, Expected, Node, Object};
use super::{QueryLanguage, State};
use crate::asl::source::{Position, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Machine,
    /// `Branches[i]` of a Parallel state.
    Branch(usize),
    ItemProcessor,
    /// The deprecated name of `ItemProcessor`.
    Iterator,
}

#[derive(Debug, Clone)]
pub struct Scope<'a> {
    pub kind: ScopeKind,
    /// The location of the object holding `StartAt` (empty for the machine).
    pub location: String,
    pub position: Option<Position>,
    pub raw: &'a Value,
    /// `None` when the scope is not an object.
    pub fields: Option<&'a Map<String, Value>>,
    pub start_at: Option<Node<'a, &'a str>>,
    /// A `QueryLanguage` written on the scope object itself (the machine's own, or one
    /// the schema refuses on a branch or processor).
    pub query_language: Option<Node<'a, QueryLanguage>>,
    /// The states in text order.
    pub states: Option<Node<'a, Vec<State<'a>>>>,
    /// A Map item processor whose `ProcessorConfig.Mode` is `DISTRIBUTED`: its items run
    /// as child executions.
    pub distributed: bool,
}

impl<'a> Scope<'a> {
    pub(super) fn read(
        kind: ScopeKind,
        raw: &'a Value,
        span: Option<&'a Span>,
        location: String,
        top: QueryLanguage,
    ) -> Scope<'a> {
        let fields = raw.as_object();
        let (start_at, query_language, states) = match fields {
            Some(fields) => {
                let object = Object {
                    fields,
                    span,
                    location: &location,
                };
                let states_span = object.span("States");
                let states = object.node("States", |value| {
                    let map = value.as_object().ok_or(Expected::Object)?;
                    Ok(map
                        .iter()
                        .map(|(name, state)| {
                            let at = format!("{location}/States/{name}");
                            State::read(
                                name,
                                state,
                                states_span.and_then(|s| s.member(name)),
                                at,
                                top,
                            )
                        })
                        .collect())
                });
                let query_language = object.node("QueryLanguage", QueryLanguage::read);
                (object.node("StartAt", string), query_language, states)
            }
            None => (None, None, None),
        };
        let distributed = matches!(kind, ScopeKind::ItemProcessor | ScopeKind::Iterator)
            && raw.pointer("/ProcessorConfig/Mode").and_then(Value::as_str) == Some("DISTRIBUTED");
        Scope {
            kind,
            position: span.map(|s| s.at),
            location,
            raw,
            fields,
            start_at,
            query_language,
            states,
            distributed,
        }
    }

    /// The states, in text order (none when `States` is missing or not an object).
    pub fn states(&self) -> &[State<'a>] {
        match self.states.as_ref().and_then(Node::ok) {
            Some(states) => states,
            None => &[],
        }
    }

    /// The state called `name`.
    pub fn state(&self, name: &str) -> Option<&State<'a>> {
        self.states().iter().find(|s| s.name == name)
    }

    /// `StartAt`, when it is a string.
    pub fn start_at(&self) -> Option<&'a str> {
        self.start_at.as_ref().and_then(Node::ok).copied()
    }
}
