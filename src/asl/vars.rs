//! Workflow variables (`Assign`), as read by paths, templates, intrinsics and JSONata.
use serde_json::{Map, Value};

/// Read access to the variables visible from a state: its own scope and, for Parallel
/// branches and Map iterations, the enclosing ones.
pub trait Variables {
    fn get(&self, name: &str) -> Option<&Value>;
}

impl Variables for Map<String, Value> {
    fn get(&self, name: &str) -> Option<&Value> {
        Map::get(self, name)
    }
}

/// No variables at all (tests, validation, contexts where none are visible).
pub struct NoVariables;

impl Variables for NoVariables {
    fn get(&self, _name: &str) -> Option<&Value> {
        None
    }
}

/// A child scope over a parent: inner names first, then the parent's.
pub struct Scoped<'a> {
    pub inner: &'a Map<String, Value>,
    pub parent: &'a dyn Variables,
}

impl Variables for Scoped<'_> {
    fn get(&self, name: &str) -> Option<&Value> {
        self.inner.get(name).or_else(|| self.parent.get(name))
    }
}
