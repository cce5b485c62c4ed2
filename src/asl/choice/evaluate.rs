//! Evaluating a parsed rule against a scope: comparisons, type checks and `StringMatches`.
use std::borrow::Cow;
use std::cmp::Ordering;

use serde_json::Value;

use super::{Condition, Kind, Operand, Relation, Rule, RulePath, Test, TypeCheck};
use crate::asl::path::{PathError, Scope};
use crate::asl::timestamp;
use crate::asl::StatesError;

impl RulePath {
    fn read<'a>(&self, scope: &Scope<'a>) -> Result<Cow<'a, Value>, PathError> {
        self.compiled.read(scope)
    }
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
pub(super) fn string_matches(text: &str, pattern: &str) -> bool {
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
