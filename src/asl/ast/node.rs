//! A field as written: where it is, its raw JSON, and its typed reading or the shape it
//! should have had. Readings never fail, so the validator can report every problem of a
//! definition and the compile step can say which one stops it.
use serde_json::{Map, Value};

use crate::asl::source::{Position, Span};

/// The shape a field should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Expected {
    #[error("a string")]
    String,
    #[error("a boolean")]
    Boolean,
    #[error("a non-negative integer")]
    Integer,
    #[error("an object")]
    Object,
    #[error("an array")]
    Array,
    #[error("one of [{}]", .0.join(", "))]
    OneOf(&'static [&'static str]),
}

/// One field of the definition.
#[derive(Debug, Clone)]
pub struct Node<'a, T> {
    /// AWS-style location (`/States/A/Next`).
    pub location: String,
    /// Where its key is written, when read from text.
    pub position: Option<Position>,
    pub raw: &'a Value,
    pub parsed: Result<T, Expected>,
}

impl<T> Node<'_, T> {
    /// The typed reading, when the field has the right shape.
    pub fn ok(&self) -> Option<&T> {
        self.parsed.as_ref().ok()
    }
}

/// An object being read: its members, their positions and its location.
#[derive(Debug, Clone, Copy)]
pub(super) struct Object<'a, 'l> {
    pub fields: &'a Map<String, Value>,
    pub span: Option<&'a Span>,
    pub location: &'l str,
}

impl<'a> Object<'a, '_> {
    /// The member `key`, read by `read`; `None` when absent.
    pub fn node<T>(
        &self,
        key: &str,
        read: impl FnOnce(&'a Value) -> Result<T, Expected>,
    ) -> Option<Node<'a, T>> {
        let raw = self.fields.get(key)?;
        Some(Node {
            location: format!("{}/{key}", self.location),
            position: self.span(key).map(|s| s.at),
            raw,
            parsed: read(raw),
        })
    }

    /// The positions of member `key`.
    pub fn span(&self, key: &str) -> Option<&'a Span> {
        self.span?.member(key)
    }
}

pub(super) fn string(value: &Value) -> Result<&str, Expected> {
    value.as_str().ok_or(Expected::String)
}

pub(super) fn boolean(value: &Value) -> Result<bool, Expected> {
    value.as_bool().ok_or(Expected::Boolean)
}

pub(super) fn integer(value: &Value) -> Result<u64, Expected> {
    value.as_u64().ok_or(Expected::Integer)
}

/// A name among `names`, as `VALUES[i]` reads `names[i]`.
pub(super) fn one_of<T: Copy>(
    value: &Value,
    names: &'static [&'static str],
    values: &[T],
) -> Result<T, Expected> {
    value
        .as_str()
        .and_then(|s| names.iter().position(|n| *n == s))
        .map(|i| values[i])
        .ok_or(Expected::OneOf(names))
}
