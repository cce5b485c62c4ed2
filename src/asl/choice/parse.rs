//! Parsing a rule object into a [`Condition`], once per definition.
use serde_json::Value;

use super::{Condition, Kind, Operand, Relation, Rule, RuleError, RulePath, Test, TypeCheck};
use crate::asl::path;
use crate::asl::timestamp;

impl RulePath {
    fn parse(field: &str, text: &str) -> Result<RulePath, RuleError> {
        let invalid = || RuleError::InvalidPath {
            field: field.to_string(),
            path: text.to_string(),
        };
        path::check_reference(text).map_err(|_| invalid())?;
        let compiled = path::compile(text).map_err(|_| invalid())?;
        Ok(RulePath {
            text: text.to_string(),
            compiled,
        })
    }
}

/// Every comparison operator name with what it means.
const COMPARISONS: &[(&str, Kind, Relation)] = &[
    ("StringEquals", Kind::String, Relation::Equals),
    ("StringLessThan", Kind::String, Relation::LessThan),
    ("StringGreaterThan", Kind::String, Relation::GreaterThan),
    (
        "StringLessThanEquals",
        Kind::String,
        Relation::LessThanEquals,
    ),
    (
        "StringGreaterThanEquals",
        Kind::String,
        Relation::GreaterThanEquals,
    ),
    ("NumericEquals", Kind::Numeric, Relation::Equals),
    ("NumericLessThan", Kind::Numeric, Relation::LessThan),
    ("NumericGreaterThan", Kind::Numeric, Relation::GreaterThan),
    (
        "NumericLessThanEquals",
        Kind::Numeric,
        Relation::LessThanEquals,
    ),
    (
        "NumericGreaterThanEquals",
        Kind::Numeric,
        Relation::GreaterThanEquals,
    ),
    ("BooleanEquals", Kind::Boolean, Relation::Equals),
    ("TimestampEquals", Kind::Timestamp, Relation::Equals),
    ("TimestampLessThan", Kind::Timestamp, Relation::LessThan),
    (
        "TimestampGreaterThan",
        Kind::Timestamp,
        Relation::GreaterThan,
    ),
    (
        "TimestampLessThanEquals",
        Kind::Timestamp,
        Relation::LessThanEquals,
    ),
    (
        "TimestampGreaterThanEquals",
        Kind::Timestamp,
        Relation::GreaterThanEquals,
    ),
];

const TYPE_CHECKS: &[(&str, TypeCheck)] = &[
    ("IsNull", TypeCheck::Null),
    ("IsPresent", TypeCheck::Present),
    ("IsNumeric", TypeCheck::Numeric),
    ("IsString", TypeCheck::String),
    ("IsBoolean", TypeCheck::Boolean),
    ("IsTimestamp", TypeCheck::Timestamp),
];

/// Fields a rule may carry besides its condition.
const RULE_FIELDS: &[&str] = &["Next", "Comment", "Assign", "Output"];

/// True when `name` is a data-test operator (`StringEquals`, `NumericEqualsPath`,
/// `IsPresent`, `StringMatches`...).
pub fn is_operator(name: &str) -> bool {
    name == "StringMatches"
        || TYPE_CHECKS.iter().any(|(n, _)| *n == name)
        || COMPARISONS
            .iter()
            .any(|(n, _, _)| *n == name || name.strip_suffix("Path") == Some(n))
}

/// Every data-test operator's name (`StringEquals`, `StringEqualsPath`, `IsNull`...), for
/// suggestions when a rule misspells one.
pub fn operator_names() -> Vec<String> {
    let mut names = vec!["StringMatches".to_string()];
    names.extend(TYPE_CHECKS.iter().map(|(n, _)| n.to_string()));
    for (n, _, _) in COMPARISONS {
        names.push(n.to_string());
        names.push(format!("{n}Path"));
    }
    names
}

/// Parses one rule object.
pub fn parse(rule: &Value) -> Result<Rule, RuleError> {
    Ok(Rule {
        source: rule.clone(),
        condition: parse_condition(rule, false)?,
    })
}

fn parse_condition(rule: &Value, nested: bool) -> Result<Condition, RuleError> {
    let Value::Object(fields) = rule else {
        return Err(RuleError::NotAnObject);
    };
    if nested && fields.contains_key("Next") {
        return Err(RuleError::NestedNext);
    }
    let mut found: Option<Condition> = None;
    let mut variable: Option<RulePath> = None;
    let mut operator: Option<(&str, &Value)> = None;
    for (key, value) in fields {
        let parsed = match key.as_str() {
            "And" | "Or" => {
                let Value::Array(items) = value else {
                    return Err(RuleError::EmptyCombinator(key.clone()));
                };
                if items.is_empty() {
                    return Err(RuleError::EmptyCombinator(key.clone()));
                }
                let rules = items
                    .iter()
                    .map(|r| parse_condition(r, true))
                    .collect::<Result<Vec<_>, _>>()?;
                Some(if key == "And" {
                    Condition::And(rules)
                } else {
                    Condition::Or(rules)
                })
            }
            "Not" => Some(Condition::Not(Box::new(parse_condition(value, true)?))),
            "Variable" => {
                let Value::String(p) = value else {
                    return Err(RuleError::VariableNotAString);
                };
                variable = Some(RulePath::parse("Variable", p)?);
                None
            }
            k if is_operator(k) => {
                if let Some((other, _)) = operator {
                    return Err(RuleError::TwoOperators(other.to_string(), k.to_string()));
                }
                operator = Some((k, value));
                None
            }
            k if RULE_FIELDS.contains(&k) => None,
            k => return Err(RuleError::UnknownField(k.to_string())),
        };
        if let Some(condition) = parsed {
            if found.is_some() || operator.is_some() || variable.is_some() {
                return Err(RuleError::NotExactlyOne);
            }
            found = Some(condition);
        }
    }
    if let Some(condition) = found {
        if operator.is_some() || variable.is_some() {
            return Err(RuleError::NotExactlyOne);
        }
        return Ok(condition);
    }
    match (variable, operator) {
        (Some(variable), Some((name, value))) => Ok(Condition::Test {
            variable,
            test: parse_test(name, value)?,
        }),
        (Some(_), None) => Err(RuleError::NoOperator),
        (None, Some((name, _))) => Err(RuleError::NoVariable(name.to_string())),
        (None, None) => Err(RuleError::Empty),
    }
}

fn parse_test(name: &str, value: &Value) -> Result<Test, RuleError> {
    let wrong = |expected: &'static str| RuleError::WrongOperand {
        operator: name.to_string(),
        expected,
    };
    if let Some(&(_, check)) = TYPE_CHECKS.iter().find(|(n, _)| *n == name) {
        let Value::Bool(expected) = value else {
            return Err(wrong("true or false"));
        };
        return Ok(Test::Is(check, *expected));
    }
    if name == "StringMatches" {
        let Value::String(pattern) = value else {
            return Err(wrong("a string"));
        };
        check_pattern(pattern)?;
        return Ok(Test::Matches(pattern.clone()));
    }
    let (base, is_path) = match name.strip_suffix("Path") {
        Some(base) => (base, true),
        None => (name, false),
    };
    let &(_, kind, relation) = COMPARISONS
        .iter()
        .find(|(n, _, _)| *n == base)
        .ok_or_else(|| RuleError::UnknownOperator(name.to_string()))?;
    let operand = if is_path {
        let Value::String(p) = value else {
            return Err(wrong("a path string"));
        };
        Operand::Path(RulePath::parse(name, p)?)
    } else {
        let ok = match kind {
            Kind::String => value.is_string(),
            Kind::Numeric => value.is_number(),
            Kind::Boolean => value.is_boolean(),
            Kind::Timestamp => value.as_str().is_some_and(timestamp::is_timestamp),
        };
        if !ok {
            let what = match kind {
                Kind::String => "a string",
                Kind::Numeric => "a number",
                Kind::Boolean => "a boolean",
                Kind::Timestamp => "an RFC3339 timestamp string",
            };
            return Err(wrong(what));
        }
        Operand::Literal(value.clone())
    };
    Ok(Test::Compare {
        kind,
        relation,
        operand,
    })
}

/// A `StringMatches` pattern may not end in a lone backslash.
fn check_pattern(pattern: &str) -> Result<(), RuleError> {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.next().is_none() {
            return Err(RuleError::TrailingBackslash(pattern.to_string()));
        }
    }
    Ok(())
}
