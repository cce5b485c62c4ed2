//! Cases of the official jsonata-js 2.0.6 test suite (test/test-suite/groups/ in the
//! jsonata-js repository) where an engine that differs shows it, run as AWS would run them:
//! a JSONata Pass state through `sfn test-state`, the expression in its `Output`.
use crate::cli_support;

use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

/// `test-state` on a Pass state whose Output is the definition text `output` (a JSON
/// string literal, written as it stands in the definition).
fn pass_with_output(sfn: &Sfn, output: &str) -> Value {
    let definition = format!(
        r#"{{"Type": "Pass", "QueryLanguage": "JSONata", "Output": {output}, "End": true}}"#
    );
    sfn.json(&[
        "test-state",
        "--definition",
        &definition,
        "--role-arn",
        ROLE,
    ])
}

fn evaluate(expression: &str) -> Value {
    let sfn = Sfn::new();
    let output = json!(format!("{{% {expression} %}}")).to_string();
    pass_with_output(&sfn, &output)
}

fn output(expression: &str) -> Value {
    let response = evaluate(expression);
    assert_eq!(response["status"], "SUCCEEDED", "{response}");
    serde_json::from_str(response["output"].as_str().unwrap()).unwrap()
}

/// The JSONata error (`D3001: ...`) an expression fails with.
fn thrown(expression: &str) -> String {
    let response = evaluate(expression);
    thrown_in(&response, expression)
}

fn thrown_in(response: &Value, expression: &str) -> String {
    assert_eq!(response["status"], "FAILED", "{response}");
    assert_eq!(response["error"], "States.QueryEvaluationError");
    let cause = response["cause"].as_str().unwrap();
    let prefix = format!(
        "The JSONata expression '{expression}' specified for the field 'Output' threw an error during evaluation. "
    );
    cause
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{cause}"))
        .to_string()
}

#[test]
fn a_range_holds_up_to_jsonatas_own_limit_of_ten_million_items() {
    // range-operator case 021 and case 022.
    assert_eq!(output("[1..10000000] ~> $count()"), json!(10_000_000));
    assert_eq!(
        thrown("[0..10000000] ~> $count()"),
        "D2014: The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate 10000001."
    );
}

#[test]
fn infinity_fails_only_where_it_is_used() {
    // function-string: `$string(1/0)` is D3001, the division itself is no error.
    assert_eq!(
        thrown("$string(1/0)"),
        "D3001: Attempting to invoke string function on Infinity or NaN"
    );
    assert_eq!(output("1/0 > 1e308"), json!(true));
    assert!(thrown("1/0 + 1").starts_with("D1001: "));
    // An infinite result cannot be written as JSON.
    assert!(thrown("{'n': 1/0}").starts_with("D1001: "));
}

#[test]
fn a_lone_surrogate_is_a_malformed_url() {
    // function-encodeUrl case 002 and function-encodeUrlComponent case 002.
    assert!(thrown(r"$encodeUrl('\uD800')")
        .starts_with("D3140: Malformed URL passed to $encodeUrl(): "));
    assert!(thrown(r"$encodeUrlComponent('\uD800')")
        .starts_with("D3140: Malformed URL passed to $encodeUrlComponent(): "));
    assert_eq!(
        output(r"$encodeUrlComponent('\uD83D\uDE00')"),
        json!("%F0%9F%98%80")
    );
}

#[test]
fn a_definition_holding_a_lone_surrogate_escape_is_read_as_aws_reads_it() {
    // In the definition's JSON, `\ud800` is a lone surrogate in the expression's text itself:
    // AWS's JSON reader takes it, and the expression meets it as jsonata-js would.
    let sfn = Sfn::new();
    let response = pass_with_output(&sfn, r#""{% $encodeUrlComponent('x\ud800') %}""#);
    assert_eq!(response["status"], "FAILED", "{response}");
    assert_eq!(response["error"], "States.QueryEvaluationError");
    let cause = response["cause"].as_str().unwrap();
    assert!(
        cause.contains("threw an error during evaluation. D3140: Malformed URL passed to $encodeUrlComponent(): "),
        "{cause}"
    );
    // The same definition is a valid state machine.
    let definition = r#"{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
        "Output": "{% $encodeUrlComponent('x\ud800') %}", "End": true}}}"#;
    let created = sfn.json(&[
        "create-state-machine",
        "--name",
        "surrogate",
        "--definition",
        definition,
        "--role-arn",
        ROLE,
    ]);
    assert!(created["stateMachineArn"].is_string(), "{created}");
}
