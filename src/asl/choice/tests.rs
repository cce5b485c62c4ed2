//! Choice rules parsed and evaluated as AWS does: type mismatches, number and string
//! ordering, presence, timestamps, wildcards and malformed rules.
use super::*;
use crate::asl::path::Scope;
use crate::asl::StatesError;
use super::evaluate::string_matches;
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
    for (path, test, expected) in [
        ("$.n", "IsNull", true),
        ("$.n", "IsPresent", true),
        ("$.x", "IsPresent", false),
        ("$.a.b.c", "IsPresent", false),
        ("$.s", "IsString", true),
        ("$.i", "IsNumeric", true),
        ("$.s", "IsNumeric", false),
        ("$.b", "IsBoolean", true),
        ("$.t", "IsTimestamp", true),
        ("$.s", "IsTimestamp", false),
    ] {
        assert!(
            truth(json!({"Variable": path, test: expected}), input.clone()),
            "{path} {test}"
        );
    }
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
