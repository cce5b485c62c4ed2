//! JSONPath Choice rules: data tests (`StringEquals`, `NumericLessThanPath`, `IsPresent`...)
//! and the boolean combinators And / Or / Not.
//!
//! Semantics as AWS evaluates them: a type mismatch makes a test false (never an error);
//! numbers compare by value (`0` equals `0.0`); strings compare by UTF-16 code units like
//! Java's `compareTo`; timestamps compare as instants and must both parse; a missing
//! `Variable` is an error except for `IsPresent`.
use std::sync::Arc;

use serde_json::Value;

use crate::asl::path::CompiledPath;

mod evaluate;
mod parse;

pub use parse::{is_operator, operator_names, parse};

/// A parsed rule (without its `Next`, `Assign` and `Output`, which the definition keeps).
#[derive(Debug, Clone)]
pub struct Rule {
    pub source: Value,
    pub condition: Condition,
}

/// The boolean expression of a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    And(Vec<Condition>),
    Or(Vec<Condition>),
    Not(Box<Condition>),
    /// `Variable` + one operator.
    Test {
        variable: RulePath,
        test: Test,
    },
}

/// Why a JSONPath Choice rule does not parse (the validator reports the same rules with
/// AWS's codes first; these reach callers that parse without validating).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("A Choice rule must be a JSON object")]
    NotAnObject,
    #[error("A nested Choice rule (inside And, Or or Not) must not have 'Next'")]
    NestedNext,
    #[error("'{0}' must be a non-empty array of rules")]
    EmptyCombinator(String),
    #[error("'Variable' must be a path string")]
    VariableNotAString,
    #[error("'{field}' must be a valid reference path: {path}")]
    InvalidPath { field: String, path: String },
    #[error("A Choice rule must have exactly one operator, found '{0}' and '{1}'")]
    TwoOperators(String, String),
    #[error("Unknown field '{0}' in a Choice rule")]
    UnknownField(String),
    #[error("A Choice rule must have exactly one of And, Or, Not or a Variable test")]
    NotExactlyOne,
    #[error("A Choice rule with 'Variable' needs a comparison operator")]
    NoOperator,
    #[error("The operator '{0}' needs a 'Variable'")]
    NoVariable(String),
    #[error("A Choice rule must have And, Or, Not or a Variable with a comparison operator")]
    Empty,
    #[error("'{operator}' must be {expected}")]
    WrongOperand {
        operator: String,
        expected: &'static str,
    },
    #[error("Unknown Choice operator '{0}'")]
    UnknownOperator(String),
    #[error("The StringMatches pattern ends with an unescaped backslash: {0}")]
    TrailingBackslash(String),
}

/// A path in a rule, parsed once when the rule is parsed (Choice states run in loops).
#[derive(Debug, Clone)]
pub struct RulePath {
    pub text: String,
    compiled: Arc<CompiledPath>,
}

impl PartialEq for RulePath {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

/// One data test on the value of `Variable`.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// `StringEquals`, `NumericLessThanPath`, `TimestampGreaterThanEquals`, ...
    Compare {
        kind: Kind,
        relation: Relation,
        operand: Operand,
    },
    /// `StringMatches` with its pattern.
    Matches(String),
    /// `IsNull`, `IsPresent`, `IsNumeric`, `IsString`, `IsBoolean`, `IsTimestamp` and the
    /// expected answer (`false` negates).
    Is(TypeCheck, bool),
}

/// What a comparison compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    String,
    Numeric,
    Boolean,
    Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Equals,
    LessThan,
    GreaterThan,
    LessThanEquals,
    GreaterThanEquals,
}

/// The right-hand side: a literal, or (`…Path` operators) a path to read it from.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Literal(Value),
    Path(RulePath),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeCheck {
    Null,
    Present,
    Numeric,
    String,
    Boolean,
    Timestamp,
}
