//! JSONata states and variables, end to end through the `sfn` binary: each test creates a
//! machine, runs one execution and reads what `describe-execution` and
//! `get-execution-history` report.
use crate::cli_support;

use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

struct Run {
    execution: Value,
    events: Vec<Value>,
}

impl Run {
    fn status(&self) -> &str {
        self.execution["status"].as_str().unwrap_or_default()
    }

    fn output(&self) -> Value {
        let text = self.execution["output"].as_str().expect("an output");
        serde_json::from_str(text).expect("output is JSON")
    }

    fn error(&self) -> &str {
        self.execution["error"].as_str().unwrap_or_default()
    }

    fn cause(&self) -> &str {
        self.execution["cause"].as_str().unwrap_or_default()
    }

    fn event(&self, kind: &str) -> &Value {
        self.events
            .iter()
            .find(|e| e["type"] == kind)
            .unwrap_or_else(|| panic!("no {kind} event in {:#?}", self.events))
    }
}

fn run(definition: Value, input: Value) -> Run {
    let sfn = Sfn::new();
    let definition = definition.to_string();
    let created = sfn.json(&[
        "create-state-machine",
        "--name",
        "jsonata",
        "--definition",
        &definition,
        "--role-arn",
        ROLE,
    ]);
    let machine = created["stateMachineArn"].as_str().expect("machine arn");
    let input = input.to_string();
    let arn = sfn.start(machine, &["--input", &input]);
    Run {
        execution: sfn.describe(&arn),
        events: sfn.history(&arn),
    }
}

fn pass_output(output: Value) -> Value {
    json!({
        "QueryLanguage": "JSONata",
        "StartAt": "P",
        "States": {"P": {"Type": "Pass", "Output": output, "End": true}}
    })
}

#[test]
fn aws_functions_in_a_pass_state() {
    let run = run(
        pass_output(json!({
            "partition": "{% $partition($states.input.items, 2) %}",
            "range": "{% $range(0, 10, 5) %}",
            "single": "{% $range(1, 9, 9) %}",
            "hash": "{% $hash('hello', 'SHA-256') %}",
            "parsed": "{% $parse($states.input.text) %}",
            "uuidLength": "{% $length($uuid()) %}",
            "seeded": "{% $random(7) = $random(7) %}",
            "literal": "$not.an.expression"
        })),
        json!({"items": [1, 2, 3], "text": "{\"a\": [1, -0]}"}),
    );
    assert_eq!(run.status(), "SUCCEEDED", "{:#?}", run.execution);
    assert_eq!(
        run.output(),
        json!({
            "partition": [[1, 2], [3]],
            "range": [0, 5, 10],
            "single": 1,
            "hash": "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
            "parsed": {"a": [1, 0]},
            "uuidLength": 36,
            "seeded": true,
            "literal": "$not.an.expression"
        })
    );
}

#[test]
fn an_undefined_nested_key_fails_the_execution_with_its_location() {
    let run = run(
        pass_output(json!({"result": "{% $states.input.missing %}"})),
        json!({}),
    );
    assert_eq!(run.status(), "FAILED");
    assert_eq!(run.error(), "States.QueryEvaluationError");
    assert_eq!(
        run.cause(),
        "An error occurred while executing the state 'P' (entered at the event id #2). \
         The JSONata expression '$states.input.missing' specified for the field \
         'Output/result' returned nothing (undefined)."
    );
    let failed = &run.event("EvaluationFailed")["evaluationFailedEventDetails"];
    assert_eq!(failed["location"], "Output/result");
    assert_eq!(failed["state"], "P");
}

#[test]
fn a_thrown_error_carries_its_jsonata_code() {
    let run = run(
        pass_output(json!("{% $parse($states.input.text) %}")),
        json!({"text": "{oops"}),
    );
    assert_eq!(run.error(), "States.QueryEvaluationError");
    assert!(
        run.cause().contains(
            "The JSONata expression '$parse($states.input.text)' specified for the field 'Output' \
             threw an error during evaluation. D9004: The argument of function parse is not valid JSON"
        ),
        "{}",
        run.cause()
    );
    let run = run_eval_unavailable();
    assert!(
        run.cause()
            .ends_with("T1006: Attempted to invoke a non-function"),
        "{}",
        run.cause()
    );
}

fn run_eval_unavailable() -> Run {
    run(pass_output(json!("{% $eval('1') %}")), json!({}))
}

#[test]
fn map_items_must_be_an_array() {
    let run = run(
        json!({
            "QueryLanguage": "JSONata",
            "StartAt": "M",
            "States": {"M": {
                "Type": "Map",
                "Items": "{% $states.input.things %}",
                "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}},
                "End": true
            }}
        }),
        json!({"things": {"foo": "bar"}}),
    );
    assert_eq!(run.error(), "States.QueryEvaluationError");
    assert!(run.cause().ends_with(
        "The JSONata expression '$states.input.things' specified for the field 'Items' returned an \
         unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}"
    ));
}

#[test]
fn assignments_see_values_from_state_entry() {
    let run = run(
        json!({
            "QueryLanguage": "JSONata",
            "StartAt": "Init",
            "States": {
                "Init": {"Type": "Pass", "Assign": {"x": 1, "y": 2}, "Next": "Swap"},
                "Swap": {
                    "Type": "Pass",
                    "Assign": {"x": "{% $y %}", "y": "{% $x %}"},
                    "Output": {"before": ["{% $x %}", "{% $y %}"]},
                    "Next": "Show"
                },
                "Show": {"Type": "Pass", "Output": {"after": ["{% $x %}", "{% $y %}"], "before": "{% $states.input.before %}"}, "End": true}
            }
        }),
        json!({}),
    );
    assert_eq!(run.status(), "SUCCEEDED", "{:#?}", run.execution);
    assert_eq!(run.output(), json!({"after": [2, 1], "before": [1, 2]}));
}

/// The engine benchmark's W1 loop written in JSONata, with the counter in a variable
/// (`benches/engine.py` measures the JSONPath one; this definition is its counterpart).
#[test]
fn choice_conditions_read_variables() {
    let machine: Value =
        serde_json::from_str(include_str!("../fixtures/jsonata/w1_loop_jsonata.asl.json"))
            .expect("fixture is JSON");
    let run = run(machine, json!({"limit": 5}));
    assert_eq!(run.status(), "SUCCEEDED", "{:#?}", run.execution);
    assert_eq!(run.output(), json!({"i": 5}));
}

#[test]
fn parallel_branches_and_map_iterations_read_outer_variables() {
    let run = run(
        json!({
            "QueryLanguage": "JSONata",
            "StartAt": "Init",
            "States": {
                "Init": {"Type": "Pass", "Assign": {"factor": 10}, "Next": "Both"},
                "Both": {
                    "Type": "Parallel",
                    "Branches": [
                        {"StartAt": "B", "States": {"B": {
                            "Type": "Pass",
                            "Assign": {"inner": 1},
                            "Output": "{% $factor + 1 %}",
                            "End": true
                        }}},
                        {"StartAt": "M", "States": {"M": {
                            "Type": "Map",
                            "Items": "{% $states.input.items %}",
                            "ItemProcessor": {"StartAt": "Times", "States": {"Times": {
                                "Type": "Pass",
                                "Output": "{% $states.input * $factor %}",
                                "End": true
                            }}},
                            "End": true
                        }}}
                    ],
                    "Next": "After"
                },
                "After": {
                    "Type": "Pass",
                    "Output": {"results": "{% $states.input %}", "innerVisible": "{% $exists($inner) %}"},
                    "End": true
                }
            }
        }),
        json!({"items": [1, 2, 3]}),
    );
    assert_eq!(run.status(), "SUCCEEDED", "{:#?}", run.execution);
    assert_eq!(
        run.output(),
        json!({"results": [11, [10, 20, 30]], "innerVisible": false})
    );
}

#[test]
fn catcher_output_and_assign_see_the_error_output() {
    let run = run(
        json!({
            "QueryLanguage": "JSONata",
            "StartAt": "Both",
            "States": {
                "Both": {
                    "Type": "Parallel",
                    "Branches": [{"StartAt": "F", "States": {"F": {
                        "Type": "Fail",
                        "Error": "{% 'Custom.' & $states.input.kind %}",
                        "Cause": "broken"
                    }}}],
                    "Catch": [{
                        "ErrorEquals": ["States.ALL"],
                        "Assign": {"caught": "{% $states.errorOutput.Error %}"},
                        "Output": {"error": "{% $states.errorOutput %}", "input": "{% $states.input.kind %}"},
                        "Next": "Show"
                    }],
                    "End": true
                },
                "Show": {"Type": "Pass", "Output": {"caught": "{% $caught %}", "was": "{% $states.input %}"}, "End": true}
            }
        }),
        json!({"kind": "Oops"}),
    );
    assert_eq!(run.status(), "SUCCEEDED", "{:#?}", run.execution);
    assert_eq!(
        run.output(),
        json!({
            "caught": "Custom.Oops",
            "was": {"error": {"Error": "Custom.Oops", "Cause": "broken"}, "input": "Oops"}
        })
    );
}

#[test]
fn an_unmarked_state_in_a_jsonata_map_takes_the_machines_language() {
    // The machine is JSONPath; the Map alone is JSONata. `P` says nothing, so it is
    // JSONPath as the validator reads it (and AWS documents): its Parameters apply.
    let run = run(
        json!({"StartAt": "M", "States": {"M": {
            "Type": "Map", "QueryLanguage": "JSONata", "Items": "{% [1, 2] %}",
            "ItemProcessor": {"StartAt": "P", "States": {
                "P": {"Type": "Pass", "Parameters": {"x.$": "$"}, "End": true}}},
            "End": true}}}),
        json!({}),
    );
    assert_eq!(run.status(), "SUCCEEDED", "{}", run.cause());
    assert_eq!(run.output(), json!([{"x": 1}, {"x": 2}]));
}
