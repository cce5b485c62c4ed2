//! States: name, type, query language, transitions (`Next`/`End`, Choice rules and
//! `Default`, catchers), the Task resource, and the scopes a Parallel or Map holds.
use serde_json::{Map, Value};

use super::node::{boolean, one_of, string, Expected, Node, Object};
use super::scope::{Scope, ScopeKind};
use super::QueryLanguage;
use crate::asl::resource::TaskResource;
use crate::asl::source::{Position, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateType {
    Pass,
    Task,
    Choice,
    Wait,
    Succeed,
    Fail,
    Parallel,
    Map,
}

const TYPE_NAMES: &[&str] = &[
    "Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map",
];
const TYPES: &[StateType] = &[
    StateType::Pass,
    StateType::Task,
    StateType::Choice,
    StateType::Wait,
    StateType::Succeed,
    StateType::Fail,
    StateType::Parallel,
    StateType::Map,
];

impl StateType {
    /// The name as written in `Type` (and as history events begin).
    pub fn as_str(self) -> &'static str {
        TYPE_NAMES[TYPES.iter().position(|t| *t == self).unwrap_or(0)]
    }

    /// Whether the state needs one of `Next` and `End`: all but Choice, Succeed and Fail.
    pub fn takes_next(self) -> bool {
        !matches!(
            self,
            StateType::Choice | StateType::Succeed | StateType::Fail
        )
    }
}

#[derive(Debug, Clone)]
pub struct State<'a> {
    pub name: &'a str,
    /// `/States/<name>`, below its scope's location.
    pub location: String,
    /// Where the name is written.
    pub position: Option<Position>,
    pub raw: &'a Value,
    /// `None` when the state is not an object.
    pub fields: Option<&'a Map<String, Value>>,
    pub state_type: Option<Node<'a, StateType>>,
    pub query_language: Option<Node<'a, QueryLanguage>>,
    /// The language the state runs in: its own, or else the machine's.
    pub language: QueryLanguage,
    pub next: Option<Node<'a, &'a str>>,
    pub end: Option<Node<'a, bool>>,
    pub body: Body<'a>,
    pub catch: Option<Node<'a, Vec<Rule<'a>>>>,
}

/// What only some types of state hold.
#[derive(Debug, Clone)]
pub enum Body<'a> {
    Task {
        resource: Option<Node<'a, TaskResource>>,
    },
    Choice {
        choices: Option<Node<'a, Vec<Rule<'a>>>>,
        default: Option<Node<'a, &'a str>>,
    },
    Parallel {
        branches: Option<Node<'a, Vec<Scope<'a>>>>,
    },
    Map {
        /// `ItemProcessor`, or else `Iterator`.
        processor: Option<Scope<'a>>,
    },
    /// Pass, Wait, Succeed and Fail hold no structure; a state without a known `Type`
    /// holds nothing the tree can read.
    Plain,
}

/// A Choice rule or a catcher: an item of a list that may name the next state.
#[derive(Debug, Clone)]
pub struct Rule<'a> {
    pub location: String,
    pub position: Option<Position>,
    pub raw: &'a Value,
    /// `None` when the item is not an object.
    pub fields: Option<&'a Map<String, Value>>,
    pub next: Option<Node<'a, &'a str>>,
}

/// A transition to a state of the same scope, where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition<'s> {
    pub target: &'s str,
    pub location: &'s str,
    pub position: Option<Position>,
}

impl<'a> State<'a> {
    pub(super) fn read(
        name: &'a str,
        raw: &'a Value,
        span: Option<&'a Span>,
        location: String,
        top: QueryLanguage,
    ) -> State<'a> {
        let state = State {
            name,
            position: span.map(|s| s.at),
            raw,
            fields: raw.as_object(),
            state_type: None,
            query_language: None,
            language: top,
            next: None,
            end: None,
            body: Body::Plain,
            catch: None,
            location,
        };
        let Some(fields) = state.fields else {
            return state;
        };
        let object = Object {
            fields,
            span,
            location: &state.location,
        };
        let state_type = object.node("Type", |v| one_of(v, TYPE_NAMES, TYPES));
        let query_language = object.node("QueryLanguage", QueryLanguage::read);
        let language = QueryLanguage::resolve(query_language.as_ref()).unwrap_or(top);
        let body = match state_type.as_ref().and_then(Node::ok) {
            Some(StateType::Task) => Body::Task {
                resource: object.node("Resource", |v| string(v).map(TaskResource::parse)),
            },
            Some(StateType::Choice) => Body::Choice {
                choices: object.node("Choices", |v| rules("Choices", v, &object)),
                default: object.node("Default", string),
            },
            Some(StateType::Parallel) => Body::Parallel {
                branches: object.node("Branches", |v| {
                    let items = v.as_array().ok_or(Expected::Array)?;
                    let spans = object.span("Branches");
                    Ok(items
                        .iter()
                        .enumerate()
                        .map(|(i, branch)| {
                            let at = format!("{}/Branches[{i}]", object.location);
                            let span = spans.and_then(|s| s.item(i));
                            Scope::read(ScopeKind::Branch(i), branch, span, at, top)
                        })
                        .collect())
                }),
            },
            Some(StateType::Map) => {
                let processor = [
                    ("ItemProcessor", ScopeKind::ItemProcessor),
                    ("Iterator", ScopeKind::Iterator),
                ]
                .into_iter()
                .find_map(|(key, kind)| {
                    let raw = fields.get(key)?;
                    let at = format!("{}/{key}", object.location);
                    Some(Scope::read(kind, raw, object.span(key), at, top))
                });
                Body::Map { processor }
            }
            _ => Body::Plain,
        };
        let catch = object.node("Catch", |v| rules("Catch", v, &object));
        let next = object.node("Next", string);
        let end = object.node("End", boolean);
        State {
            state_type,
            query_language,
            language,
            next,
            end,
            body,
            catch,
            ..state
        }
    }

    pub fn state_type(&self) -> Option<StateType> {
        self.state_type.as_ref().and_then(Node::ok).copied()
    }

    /// A member of the state's object.
    pub fn field(&self, key: &str) -> Option<&'a Value> {
        self.fields?.get(key)
    }

    /// Every transition written as a string, in this order: `Next`, each Choice rule's
    /// `Next`, `Default`, each catcher's `Next`.
    pub fn transitions(&self) -> Vec<Transition<'_>> {
        let mut nodes = vec![self.next.as_ref()];
        if let Body::Choice { choices, default } = &self.body {
            let rules = choices.iter().filter_map(Node::ok).flatten();
            nodes.extend(rules.map(|rule| rule.next.as_ref()));
            nodes.push(default.as_ref());
        }
        let catchers = self.catch.iter().filter_map(Node::ok).flatten();
        nodes.extend(catchers.map(|catcher| catcher.next.as_ref()));
        nodes
            .into_iter()
            .flatten()
            .filter_map(|node| {
                Some(Transition {
                    target: node.ok()?,
                    location: &node.location,
                    position: node.position,
                })
            })
            .collect()
    }

    /// Whether an execution of the scope can end here: a Succeed or Fail state, or one
    /// that takes `Next` and says `"End": true`.
    pub fn is_terminal(&self) -> bool {
        match self.state_type() {
            Some(StateType::Succeed | StateType::Fail) => true,
            Some(t) => t.takes_next() && self.end.as_ref().and_then(Node::ok) == Some(&true),
            None => false,
        }
    }

    /// The scopes the state holds: Parallel branches, or a Map's item processor.
    pub fn scopes(&self) -> Vec<&Scope<'a>> {
        match &self.body {
            Body::Parallel { branches } => branches.iter().filter_map(Node::ok).flatten().collect(),
            Body::Map { processor } => processor.iter().collect(),
            _ => Vec::new(),
        }
    }
}

/// The items of a Choice's `Choices` or a state's `Catch`.
fn rules<'a>(
    key: &str,
    value: &'a Value,
    owner: &Object<'a, '_>,
) -> Result<Vec<Rule<'a>>, Expected> {
    let items = value.as_array().ok_or(Expected::Array)?;
    let spans = owner.span(key);
    Ok(items
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let location = format!("{}/{key}[{i}]", owner.location);
            let span = spans.and_then(|s| s.item(i));
            let fields = raw.as_object();
            let next = fields.and_then(|fields| {
                Object {
                    fields,
                    span,
                    location: &location,
                }
                .node("Next", string)
            });
            Rule {
                position: span.map(|s| s.at),
                location,
                raw,
                fields,
                next,
            }
        })
        .collect())
}
