//! The definition as one typed tree: the first stage of the `asl` pipeline (parse →
//! validate → compile → evaluate). The validator walks it and the compile step builds the
//! engine's plan from it, so the definition's structure is read in one place.
//!
//! The tree is tolerant: a field of the wrong shape is kept as a [`Node`] whose reading
//! failed ([`Expected`]), with its location, so validation can report every problem.
//! Structure is typed (scopes, states, types, query languages, transitions, resources);
//! fields holding expressions (paths, templates, JSONata) are the JSON values themselves,
//! each state keeping its object.
mod language;
mod machine;
mod node;
mod scope;
mod state;

pub use language::QueryLanguage;
pub use machine::Machine;
pub use node::{Expected, Node};
pub use scope::{Scope, ScopeKind};
pub use state::{Body, Rule, State, StateType, Transition};

#[cfg(test)]
mod tests;
