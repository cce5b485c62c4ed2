//! Choice states: JSONPath rules (a data test or And/Or/Not, `Next` only at the top)
//! and JSONata rules (`Condition`).
use serde_json::{Map, Value};

use super::{expressions, PathKind, QueryLanguage, Walker};
use crate::asl::ast::Rule;

const COMPARISONS: [&str; 39] = [
    "StringEquals",
    "StringEqualsPath",
    "StringLessThan",
    "StringLessThanPath",
    "StringGreaterThan",
    "StringGreaterThanPath",
    "StringLessThanEquals",
    "StringLessThanEqualsPath",
    "StringGreaterThanEquals",
    "StringGreaterThanEqualsPath",
    "StringMatches",
    "NumericEquals",
    "NumericEqualsPath",
    "NumericLessThan",
    "NumericLessThanPath",
    "NumericGreaterThan",
    "NumericGreaterThanPath",
    "NumericLessThanEquals",
    "NumericLessThanEqualsPath",
    "NumericGreaterThanEquals",
    "NumericGreaterThanEqualsPath",
    "BooleanEquals",
    "BooleanEqualsPath",
    "TimestampEquals",
    "TimestampEqualsPath",
    "TimestampLessThan",
    "TimestampLessThanPath",
    "TimestampGreaterThan",
    "TimestampGreaterThanPath",
    "TimestampLessThanEquals",
    "TimestampLessThanEqualsPath",
    "TimestampGreaterThanEquals",
    "TimestampGreaterThanEqualsPath",
    "IsNull",
    "IsPresent",
    "IsNumeric",
    "IsString",
    "IsBoolean",
    "IsTimestamp",
];

impl Walker {
    /// The rules of a Choice state (their `Next` and the `Default` are transitions, which
    /// the scope checks).
    pub(super) fn choice(&mut self, rules: &[Rule], language: QueryLanguage) {
        for rule in rules {
            let at = &rule.location;
            match language {
                QueryLanguage::JsonPath => self.jsonpath_rule(rule.raw, at, true),
                QueryLanguage::Jsonata => self.jsonata_rule(rule.raw, at),
            }
            if let Some(assign) = rule.raw.get("Assign") {
                if assign.is_object() {
                    self.assign(assign, &format!("{at}/Assign"), language);
                } else {
                    self.schema_error("Expected value of type [OBJECT]", format!("{at}/Assign"));
                }
            }
        }
    }

    fn rule_next(&mut self, rule: &Map<String, Value>, at: &str, top: bool) {
        match (top, rule.get("Next")) {
            (true, None) => self.schema_error("These fields are required: [Next]", at),
            (true, Some(next)) if !next.is_string() => {
                self.schema_error("Expected value of type [STRING]", format!("{at}/Next"))
            }
            (false, Some(_)) => self.unsupported_field("Next", at),
            _ => {}
        }
    }

    fn jsonata_rule(&mut self, rule: &Value, at: &str) {
        let Some(rule) = rule.as_object() else {
            return;
        };
        self.rule_next(rule, at, true);
        for key in rule.keys() {
            if !matches!(
                key.as_str(),
                "Condition" | "Next" | "Assign" | "Output" | "Comment"
            ) {
                self.unsupported_field(key, at);
            }
        }
        match rule.get("Condition") {
            None => self.schema_error("These fields are required: [Condition]", at),
            Some(Value::Bool(_)) => {}
            Some(Value::String(s)) if expressions::jsonata_body(s).is_some() => {}
            Some(_) => self.schema_error(
                "The field 'Condition' should be a boolean or a JSONata expression",
                format!("{at}/Condition"),
            ),
        }
    }

    fn jsonpath_rule(&mut self, rule: &Value, at: &str, top: bool) {
        let Some(rule) = rule.as_object() else {
            self.schema_error("Expected value of type [OBJECT]", at);
            return;
        };
        self.rule_next(rule, at, top);
        let mut operators = Vec::new();
        for key in rule.keys() {
            let k = key.as_str();
            if COMPARISONS.contains(&k) || matches!(k, "And" | "Or" | "Not") {
                operators.push(k);
            } else if !(matches!(k, "Variable" | "Comment" | "Next") || (top && k == "Assign")) {
                // A nested rule's `Next` is reported by `rule_next`.
                self.unsupported_field(key, at);
            }
        }
        if operators.len() != 1 {
            self.schema_error(
                "A choice rule must have exactly one comparison operator or one of And, Or, Not",
                at,
            );
        }
        for op in operators {
            let value = &rule[op];
            let vat = format!("{at}/{op}");
            match op {
                "And" | "Or" => match value.as_array() {
                    Some(items) if !items.is_empty() => {
                        for (i, item) in items.iter().enumerate() {
                            self.jsonpath_rule(item, &format!("{vat}[{i}]"), false);
                        }
                    }
                    _ => self
                        .schema_error(format!("The field '{op}' should be a non-empty array"), vat),
                },
                "Not" => {
                    if value.is_object() {
                        self.jsonpath_rule(value, &vat, false);
                    } else {
                        self.schema_error("Expected value of type [OBJECT]", vat);
                    }
                }
                _ => self.comparison(rule, op, value, at),
            }
        }
    }

    fn comparison(&mut self, rule: &Map<String, Value>, op: &str, value: &Value, at: &str) {
        let vat = format!("{at}/{op}");
        match rule.get("Variable") {
            None => self.schema_error("These fields are required: [Variable]", at),
            Some(Value::String(path)) => {
                self.path(path, "Variable", &format!("{at}/Variable"), PathKind::Full);
            }
            Some(_) => {
                self.schema_error("Expected value of type [STRING]", format!("{at}/Variable"))
            }
        }
        if op.ends_with("Path") {
            match value {
                Value::String(path) => {
                    self.path(path, op, &vat, PathKind::Full);
                }
                _ => self.schema_error("Expected value of type [STRING]", vat),
            }
            return;
        }
        let ok = if op.starts_with("Is") || op == "BooleanEquals" {
            value.is_boolean()
        } else if op.starts_with("Numeric") {
            value.is_number()
        } else if op.starts_with("Timestamp") {
            value
                .as_str()
                .is_some_and(|s| crate::asl::timestamp::parse(s).is_some())
        } else {
            value.is_string()
        };
        if !ok {
            let message = if op.starts_with("Is") || op == "BooleanEquals" {
                "Expected value of type [BOOLEAN]"
            } else if op.starts_with("Numeric") {
                "Expected value of type [NUMBER]"
            } else if op.starts_with("Timestamp") && value.is_string() {
                "String does not match RFC3339 timestamp"
            } else {
                "Expected value of type [STRING]"
            };
            self.schema_error(message, vat);
        }
    }
}
