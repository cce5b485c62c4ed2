//! The whole definition: machine-wide fields and the top-level scope.
use serde_json::{Map, Value};

use super::node::{integer, string, Node, Object};
use super::scope::{Scope, ScopeKind};
use super::QueryLanguage;
use crate::asl::source::{Document, Position, Span};

#[derive(Debug, Clone)]
pub struct Machine<'a> {
    pub raw: &'a Value,
    pub position: Option<Position>,
    /// `None` when the definition is not an object.
    pub fields: Option<&'a Map<String, Value>>,
    pub query_language: Option<Node<'a, QueryLanguage>>,
    /// The language of every state that declares none, at any depth.
    pub language: QueryLanguage,
    pub comment: Option<Node<'a, &'a str>>,
    pub timeout_seconds: Option<Node<'a, u64>>,
    pub scope: Scope<'a>,
}

impl<'a> Machine<'a> {
    /// The tree of a definition read from text: every node knows where it is written.
    pub fn parse(document: &'a Document) -> Machine<'a> {
        Machine::read(&document.value, Some(&document.span))
    }

    /// The tree of a definition value; `span` gives positions when there is text.
    pub fn read(raw: &'a Value, span: Option<&'a Span>) -> Machine<'a> {
        let fields = raw.as_object();
        let object = fields.map(|fields| Object {
            fields,
            span,
            location: "",
        });
        let query_language = object.and_then(|o| o.node("QueryLanguage", QueryLanguage::read));
        let language =
            QueryLanguage::resolve(query_language.as_ref()).unwrap_or(QueryLanguage::JsonPath);
        Machine {
            raw,
            position: span.map(|s| s.at),
            fields,
            comment: object.and_then(|o| o.node("Comment", string)),
            timeout_seconds: object.and_then(|o| o.node("TimeoutSeconds", integer)),
            scope: Scope::read(ScopeKind::Machine, raw, span, String::new(), language),
            query_language,
            language,
        }
    }
}
