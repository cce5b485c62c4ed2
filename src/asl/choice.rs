//! JSONPath Choice rules: data tests (`StringEquals`, `NumericLessThanPath`, `IsPresent`...)
//! and the boolean combinators And / Or / Not.
//!
//! Contract used by the engine (owner: asl expressions work).
use serde_json::Value;

use super::path::Scope;
use super::StatesError;

/// A parsed rule (without its `Next`, `Assign` and `Output`, which the definition keeps).
#[derive(Debug, Clone)]
pub struct Rule {
    pub source: Value,
}

/// Parses one rule object.
pub fn parse(rule: &Value) -> Result<Rule, String> {
    Ok(Rule {
        source: rule.clone(),
    })
}

impl Rule {
    /// Evaluates the rule. Type mismatches are false, never errors; a missing
    /// `Variable` (except for `IsPresent`) is `States.Runtime`.
    pub fn evaluate(&self, scope: &Scope) -> Result<bool, StatesError> {
        let _ = scope;
        Err(StatesError::runtime("Choice rules are not implemented yet"))
    }
}
