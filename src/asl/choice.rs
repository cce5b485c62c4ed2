//! JSONPath Choice rules: data tests (`StringEquals`, `NumericLessThanPath`, `IsPresent`...)
//! and the boolean combinators And / Or / Not.
//!
//! Semantics as AWS evaluates them: a type mismatch makes a test false (never an error);
//! numbers compare by value (`0` equals `0.0`); strings compare by UTF-16 code units like
//! Java's `compareTo`; timestamps compare as instants and must both parse; a missing
//! `Variable` is an error except for `IsPresent`.
use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::Arc;

use serde_json::Value;

use super::path::{self, CompiledPath, PathError, Scope};
use super::timestamp;
use super::StatesError;

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

    fn read<'a>(&self, scope: &Scope<'a>) -> Result<Cow<'a, Value>, PathError> {
        self.compiled.read(scope)
    }
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

impl Rule {
    /// Evaluates the rule. Type mismatches are false, never errors; a missing
    /// `Variable` (except for `IsPresent`) is `States.Runtime`.
    pub fn evaluate(&self, scope: &Scope) -> Result<bool, StatesError> {
        self.condition.evaluate(scope)
    }
}

impl Condition {
    pub fn evaluate(&self, scope: &Scope) -> Result<bool, StatesError> {
        match self {
            Condition::And(rules) => {
                for rule in rules {
                    if !rule.evaluate(scope)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            Condition::Or(rules) => {
                for rule in rules {
                    if rule.evaluate(scope)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Condition::Not(rule) => Ok(!rule.evaluate(scope)?),
            Condition::Test { variable, test } => evaluate_test(variable, test, scope),
        }
    }
}

fn evaluate_test(variable: &RulePath, test: &Test, scope: &Scope) -> Result<bool, StatesError> {
    if let Test::Is(TypeCheck::Present, expected) = test {
        // Only an unassigned variable is an error: a path through a missing field or
        // through a value of the wrong type simply is not present.
        let present = match variable.compiled.is_present(scope) {
            Ok(present) => present,
            Err(e) => return Err(path_failure::<()>(&variable.text, &Err(e))),
        };
        return Ok(present == *expected);
    }
    let value = variable.read(scope);
    let value = match &value {
        Ok(v) => v.as_ref(),
        Err(_) => return Err(path_failure(&variable.text, &value)),
    };
    Ok(match test {
        Test::Is(check, expected) => {
            let is = match check {
                TypeCheck::Null => value.is_null(),
                TypeCheck::Numeric => value.is_number(),
                TypeCheck::String => value.is_string(),
                TypeCheck::Boolean => value.is_boolean(),
                TypeCheck::Timestamp => value.as_str().is_some_and(timestamp::is_timestamp),
                TypeCheck::Present => true,
            };
            is == *expected
        }
        Test::Matches(pattern) => value
            .as_str()
            .is_some_and(|text| string_matches(text, pattern)),
        Test::Compare {
            kind,
            relation,
            operand,
        } => {
            let right = match operand {
                Operand::Literal(v) => Cow::Borrowed(v),
                Operand::Path(p) => {
                    let read = p.read(scope);
                    match read {
                        Ok(v) => v,
                        Err(_) => return Err(path_failure(&p.text, &read)),
                    }
                }
            };
            match compare(*kind, value, &right) {
                Some(ordering) => relation_holds(*relation, ordering),
                None => false,
            }
        }
    })
}

fn path_failure<T>(path: &str, result: &Result<T, PathError>) -> StatesError {
    let detail = match result {
        Err(e) => e.detail(),
        Ok(_) => String::new(),
    };
    StatesError::runtime(format!("Invalid path '{path}' : {detail}"))
}

/// Orders two values of `kind`; `None` when either is not of that kind.
fn compare(kind: Kind, left: &Value, right: &Value) -> Option<Ordering> {
    match kind {
        Kind::String => Some(java_compare(left.as_str()?, right.as_str()?)),
        Kind::Numeric => compare_numbers(left, right),
        Kind::Boolean => (left.as_bool()? == right.as_bool()?).then_some(Ordering::Equal),
        Kind::Timestamp => {
            let l = timestamp::parse(left.as_str()?)?;
            let r = timestamp::parse(right.as_str()?)?;
            Some(l.cmp(&r))
        }
    }
}

/// Compares numbers by value: exactly for integers, as binary64 otherwise.
fn compare_numbers(left: &Value, right: &Value) -> Option<Ordering> {
    let (Value::Number(l), Value::Number(r)) = (left, right) else {
        return None;
    };
    if let (Some(a), Some(b)) = (l.as_i64(), r.as_i64()) {
        return Some(a.cmp(&b));
    }
    if let (Some(a), Some(b)) = (l.as_u64(), r.as_u64()) {
        return Some(a.cmp(&b));
    }
    l.as_f64()?.partial_cmp(&r.as_f64()?)
}

/// Java's `String.compareTo`: UTF-16 code units, shorter prefix first.
fn java_compare(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

fn relation_holds(relation: Relation, ordering: Ordering) -> bool {
    match relation {
        Relation::Equals => ordering == Ordering::Equal,
        Relation::LessThan => ordering == Ordering::Less,
        Relation::GreaterThan => ordering == Ordering::Greater,
        Relation::LessThanEquals => ordering != Ordering::Greater,
        Relation::GreaterThanEquals => ordering != Ordering::Less,
    }
}

/// `StringMatches`: `*` matches any run of characters; `\*` and `\\` are a literal star
/// and backslash. Any other character matches itself.
fn string_matches(text: &str, pattern: &str) -> bool {
    enum Token {
        Char(char),
        Star,
    }
    let mut tokens = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        tokens.push(match c {
            '\\' => match chars.next() {
                Some(escaped) => Token::Char(escaped),
                None => Token::Char('\\'),
            },
            '*' => Token::Star,
            c => Token::Char(c),
        });
    }
    let text: Vec<char> = text.chars().collect();
    // Greedy matching with backtracking to the last star: linear in practice.
    let (mut t, mut p) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match tokens.get(p) {
            Some(Token::Char(c)) if *c == text[t] => {
                t += 1;
                p += 1;
            }
            Some(Token::Star) => {
                star = Some((p, t));
                p += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    tokens[p..].iter().all(|tok| matches!(tok, Token::Star))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::vars::NoVariables;
    use serde_json::json;

    fn check(rule: Value, input: Value) -> Result<bool, StatesError> {
        let context = json!({"Execution": {"Name": "n"}});
        let mut vars = serde_json::Map::new();
        vars.insert("answer".into(), json!("yes"));
        parse(&rule)
            .unwrap()
            .evaluate(&Scope::new(&input, &context, &vars))
    }

    fn truth(rule: Value, input: Value) -> bool {
        check(rule, input).unwrap()
    }

    #[test]
    fn rules_can_be_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Rule>();
    }

    #[test]
    fn type_mismatch_is_false() {
        for v in [json!(null), json!("1"), json!([1]), json!(true)] {
            assert!(!truth(
                json!({"Variable": "$.v", "NumericEquals": 1}),
                json!({"v": v})
            ));
        }
        assert!(!truth(
            json!({"Variable": "$.v", "StringEquals": "1"}),
            json!({"v": 1})
        ));
        assert!(!truth(
            json!({"Variable": "$.v", "BooleanEquals": false}),
            json!({"v": 0})
        ));
        assert!(!truth(
            json!({"Variable": "$.v", "TimestampEquals": "2012-10-09T19:00:55Z"}),
            json!({"v": "2023-02-24 12:15:56.832957"})
        ));
    }

    #[test]
    fn numbers_compare_by_value() {
        assert!(truth(
            json!({"Variable": "$.v", "NumericEquals": 0}),
            json!({"v": 0.0})
        ));
        assert!(truth(
            json!({"Variable": "$.v", "NumericEquals": 1.0}),
            json!({"v": 1})
        ));
        assert!(truth(
            json!({"Variable": "$.v", "NumericLessThan": 1.5}),
            json!({"v": 1})
        ));
        assert!(truth(
            json!({"Variable": "$.v", "NumericGreaterThanEqualsPath": "$.w"}),
            json!({"v": 2, "w": 2.0})
        ));
        assert!(!truth(
            json!({"Variable": "$.v", "NumericEqualsPath": "$.w"}),
            json!({"v": 2, "w": "2"})
        ));
    }

    #[test]
    fn strings_compare_like_java() {
        assert!(!truth(
            json!({"Variable": "$.v", "StringEquals": " "}),
            json!({"v": "     "})
        ));
        assert!(truth(
            json!({"Variable": "$.v", "StringLessThan": "AB"}),
            json!({"v": "A"})
        ));
        assert!(truth(
            json!({"Variable": "$.v", "StringLessThan": "a"}),
            json!({"v": "B"})
        ));
        // U+FFFD sorts after a surrogate pair in UTF-16 (unlike in UTF-8).
        assert!(truth(
            json!({"Variable": "$.v", "StringGreaterThan": "\u{1F600}"}),
            json!({"v": "\u{FFFD}"})
        ));
        assert!(truth(
            json!({"Variable": "$.v", "StringEqualsPath": "$answer"}),
            json!({"v": "yes"})
        ));
    }

    #[test]
    fn type_checks_and_presence() {
        let input = json!({"n": null, "s": "", "i": 1.5, "b": false, "t": "2016-03-14T01:59:00Z"});
        assert!(truth(
            json!({"Variable": "$.n", "IsNull": true}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.n", "IsPresent": true}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.x", "IsPresent": false}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.a.b.c", "IsPresent": false}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.s", "IsString": true}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.i", "IsNumeric": true}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.s", "IsNumeric": false}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.b", "IsBoolean": true}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.t", "IsTimestamp": true}),
            input.clone()
        ));
        assert!(truth(
            json!({"Variable": "$.s", "IsTimestamp": false}),
            input.clone()
        ));
        // Through a value of the wrong type or past an array's end: not present.
        let nested = json!({"s": "x", "a": [1, {"k": 2}], "o": {"k": null}});
        for (path, present) in [
            ("$.s.k", false),
            ("$.a[1].k", true),
            ("$.a[-1].k", true),
            ("$.a[5]", false),
            ("$.o.k", true),
            ("$.o.k.z", false),
            ("$$.Execution.Name", true),
            ("$answer", true),
        ] {
            assert!(
                truth(
                    json!({"Variable": path, "IsPresent": present}),
                    nested.clone()
                ),
                "{path}"
            );
        }
        // An unassigned variable is an error even for IsPresent.
        let err = check(json!({"Variable": "$nope", "IsPresent": false}), nested).unwrap_err();
        assert!(err.is_runtime());
        let err = check(json!({"Variable": "$.x", "IsNull": true}), input).unwrap_err();
        assert!(err.is_runtime());
        assert_eq!(
            err.cause.as_deref(),
            Some("Invalid path '$.x' : No results for path: $['x']")
        );
    }

    #[test]
    fn timestamps_compare_as_instants() {
        assert!(truth(
            json!({"Variable": "$.v", "TimestampLessThan": "2012-10-09T19:00:56Z"}),
            json!({"v": "2012-10-09T19:00:55Z"})
        ));
        assert!(truth(
            json!({"Variable": "$.v", "TimestampEquals": "2012-10-09T19:00:55Z"}),
            json!({"v": "2012-10-09T20:00:55+01:00"})
        ));
        assert!(!truth(
            json!({"Variable": "$.v", "TimestampGreaterThanEqualsPath": "$.w"}),
            json!({"v": "2012-10-09T19:00:55Z", "w": "2012-10-09T19:00:56Z"})
        ));
    }

    #[test]
    fn string_matches_wildcards_and_escapes() {
        assert!(string_matches("log-2024.txt", "log-*.txt"));
        assert!(string_matches("", "*"));
        assert!(string_matches("abc", "a*b*c*"));
        assert!(!string_matches("abd", "a*c"));
        assert!(string_matches("a*b", "a\\*b"));
        assert!(!string_matches("axb", "a\\*b"));
        assert!(string_matches("a\\b", "a\\\\b"));
        assert!(string_matches("mississippi", "*sip*"));
        assert!(parse(&json!({"Variable": "$.v", "StringMatches": "abc\\"})).is_err());
    }

    #[test]
    fn combinators_short_circuit() {
        let rule = json!({"Or": [
            {"Variable": "$.a", "NumericEquals": 1},
            {"Variable": "$.missing", "NumericEquals": 1}
        ], "Next": "X"});
        assert!(truth(rule, json!({"a": 1})));
        let rule = json!({"And": [
            {"Variable": "$.a", "NumericEquals": 1},
            {"Not": {"Variable": "$.b", "StringEquals": "x"}}
        ]});
        assert!(truth(rule.clone(), json!({"a": 1, "b": "y"})));
        assert!(!truth(rule, json!({"a": 1, "b": "x"})));
    }

    #[test]
    fn parse_rejects_malformed_rules() {
        for bad in [
            json!({"Variable": "$.v"}),
            json!({"NumericEquals": 1}),
            json!({"Variable": "$.v", "NumericEquals": "1"}),
            json!({"Variable": "$.v", "TimestampEquals": "yesterday"}),
            json!({"Variable": "$.v", "StringEquals": "a", "StringLessThan": "b"}),
            json!({"Variable": "$.v", "IsNull": "true"}),
            json!({"Variable": "$.v", "NumericEqualsPath": "not a path"}),
            json!({"And": []}),
            json!({"Not": {"Variable": "$.v", "IsNull": true, "Next": "X"}}),
            json!({"Variable": "$.v[*]", "IsNull": true}),
            json!({"Variable": "$.v", "Bogus": true}),
        ] {
            assert!(parse(&bad).is_err(), "{bad}");
        }
        let _ = NoVariables;
    }
}
