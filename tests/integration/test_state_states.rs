//! `sfn test-state` on each state type, at each inspection level, as AWS answers
//! (responses recorded against the service): status, nextState, output and the data after
//! each processing step.
use crate::cli_support;

use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

/// Runs `test-state` with the definition and extra flags; the JSON response.
fn test_state(sfn: &Sfn, definition: &Value, extra: &[&str]) -> Value {
    let definition = definition.to_string();
    let mut args = vec!["test-state", "--definition", definition.as_str()];
    args.extend_from_slice(extra);
    sfn.json(&args)
}

/// A JSON text field of the response, parsed.
fn parsed(response: &Value, pointer: &str) -> Value {
    let text = response
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no text at {pointer} in {response}"));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{pointer} is not JSON ({e}): {text}"))
}

fn keys(response: &Value) -> Vec<String> {
    let mut keys: Vec<String> = response["inspectionData"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

const NESTED_INPUT: &str = r#"{"initialData": {"fieldFromInput": "value from input", "otherField": "other"}, "unrelatedData": {"someOtherField": 1234}}"#;

#[test]
fn info_level_shows_only_status_and_output() {
    let sfn = Sfn::new();
    let out = test_state(
        &sfn,
        &json!({"Type": "Pass", "End": true}),
        &["--input", r#"{"Value": "HelloWorld"}"#],
    );
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(parsed(&out, "/output"), json!({"Value": "HelloWorld"}));
    assert!(out.get("inspectionData").is_none());
    assert!(
        out.get("nextState").is_none(),
        "an End state has no next state"
    );
}

#[test]
fn pass_without_result_shows_every_input_and_output_step() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Pass",
        "InputPath": "$.initialData",
        "Parameters": {"staticValue": "some value", "inputValue.$": "$.fieldFromInput"},
        "ResultPath": "$.modifiedData",
        "End": true
    });
    for level in ["DEBUG", "TRACE"] {
        let out = test_state(
            &sfn,
            &definition,
            &["--input", NESTED_INPUT, "--inspection-level", level],
        );
        assert_eq!(
            keys(&out),
            [
                "afterInputPath",
                "afterParameters",
                "afterResultPath",
                "afterResultSelector",
                "input"
            ]
        );
        assert_eq!(
            parsed(&out, "/inspectionData/afterInputPath"),
            json!({"fieldFromInput": "value from input", "otherField": "other"})
        );
        let parameters = json!({"staticValue": "some value", "inputValue": "value from input"});
        assert_eq!(parsed(&out, "/inspectionData/afterParameters"), parameters);
        assert_eq!(
            parsed(&out, "/inspectionData/afterResultSelector"),
            parameters
        );
        let mut expected: Value = serde_json::from_str(NESTED_INPUT).unwrap();
        expected["modifiedData"] = parameters;
        assert_eq!(parsed(&out, "/inspectionData/afterResultPath"), expected);
        assert_eq!(parsed(&out, "/output"), expected);
        // The input is shown as it was given.
        assert_eq!(out["inspectionData"]["input"], NESTED_INPUT);
    }
}

#[test]
fn pass_with_result_shows_the_result_and_no_input_steps() {
    let sfn = Sfn::new();
    let out = test_state(
        &sfn,
        &json!({"Type": "Pass", "Result": {"resultKey": "result value"}, "ResultPath": "$.modifiedData", "End": true}),
        &["--input", NESTED_INPUT, "--inspection-level", "DEBUG"],
    );
    assert_eq!(
        keys(&out),
        ["afterResultPath", "afterResultSelector", "input", "result"]
    );
    assert_eq!(
        parsed(&out, "/inspectionData/result"),
        json!({"resultKey": "result value"})
    );
    assert_eq!(
        parsed(&out, "/output")["modifiedData"],
        json!({"resultKey": "result value"})
    );
}

#[test]
fn choice_answers_the_matching_rules_next_state() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Choice",
        "Choices": [
            {"Variable": "$.value", "NumericLessThan": 20, "Next": "ValueBelowTwenty"},
            {"And": [
                {"Variable": "$.value", "NumericGreaterThanEquals": 20},
                {"Variable": "$.value", "NumericLessThan": 30}
            ], "Next": "ValueInTwenties"}
        ],
        "Default": "DefaultState"
    });
    let input = r#"{"type": "Private", "value": 22}"#;
    let out = test_state(&sfn, &definition, &["--input", input]);
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(out["nextState"], "ValueInTwenties");
    assert_eq!(
        parsed(&out, "/output"),
        json!({"type": "Private", "value": 22})
    );

    let out = test_state(
        &sfn,
        &definition,
        &["--input", r#"{"value": 99}"#, "--inspection-level", "DEBUG"],
    );
    assert_eq!(out["nextState"], "DefaultState");
    assert_eq!(keys(&out), ["afterInputPath", "input"]);
}

#[test]
fn choice_without_a_match_fails_with_no_choice_matched() {
    let sfn = Sfn::new();
    let out = test_state(
        &sfn,
        &json!({"Type": "Choice", "Choices": [{"Variable": "$.v", "BooleanEquals": true, "Next": "Yes"}]}),
        &["--input", r#"{"v": false}"#],
    );
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "States.NoChoiceMatched");
    assert!(out.get("nextState").is_none());
    assert!(out.get("output").is_none());
}

#[test]
fn fail_answers_its_error_and_cause() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Fail",
        "Error": "SomeFailure",
        "Cause": "This state machines raises a 'SomeFailure' failure."
    });
    let out = test_state(
        &sfn,
        &definition,
        &["--input", r#"{"Value": "HelloWorld"}"#],
    );
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "SomeFailure");
    assert_eq!(
        out["cause"],
        "This state machines raises a 'SomeFailure' failure."
    );
    assert!(out.get("output").is_none());

    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            r#"{"Value": "HelloWorld"}"#,
            "--inspection-level",
            "TRACE",
        ],
    );
    assert_eq!(keys(&out), ["afterInputPath", "input"]);

    let out = test_state(
        &sfn,
        &json!({"Type": "Fail", "ErrorPath": "$.e", "CausePath": "States.Format('n={}', $.n)"}),
        &["--input", r#"{"e": "Boom", "n": 3}"#],
    );
    assert_eq!(
        (out["error"].as_str(), out["cause"].as_str()),
        (Some("Boom"), Some("n=3"))
    );
}

#[test]
fn succeed_and_wait_pass_their_input_through() {
    let sfn = Sfn::new();
    let out = test_state(
        &sfn,
        &json!({"Type": "Succeed", "OutputPath": "$.a"}),
        &[
            "--input",
            r#"{"a": {"b": 1}}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(parsed(&out, "/output"), json!({"b": 1}));
    assert_eq!(keys(&out), ["afterInputPath", "input"]);

    // A Wait is not waited out: a day-long wait answers at once.
    let out = test_state(
        &sfn,
        &json!({"Type": "Wait", "Seconds": 86400, "Next": "After"}),
        &["--input", r#"{"k": 1}"#],
    );
    assert_eq!(out["nextState"], "After");
    assert_eq!(parsed(&out, "/output"), json!({"k": 1}));
}

#[test]
fn jsonata_states_show_input_and_variables_only() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Pass",
        "QueryLanguage": "JSONata",
        "Assign": {"doubled": "{% $base * 2 %}"},
        "Output": {
            "fromVariable": "{% $base %}",
            "sum": "{% $sum($states.input.values) %}",
            "state": "{% $states.context.State.Name %}"
        },
        "Next": "Next"
    });
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            r#"{"values": [1, 2, 3]}"#,
            "--variables",
            r#"{"base": 21}"#,
            "--inspection-level",
            "TRACE",
        ],
    );
    assert_eq!(
        parsed(&out, "/output"),
        json!({"fromVariable": 21, "sum": 6, "state": "StateName"})
    );
    assert_eq!(keys(&out), ["input", "variables"]);
    assert_eq!(
        parsed(&out, "/inspectionData/variables"),
        json!({"base": 21, "doubled": 42})
    );
    assert_eq!(out["nextState"], "Next");
}

#[test]
fn jsonata_choice_uses_conditions() {
    let sfn = Sfn::new();
    let definition = json!({
        "StartAt": "Approval Required",
        "QueryLanguage": "JSONata",
        "States": {
            "Approval Required": {
                "Type": "Choice",
                "Choices": [{"Condition": "{% $states.input.cost > 9 %}", "Next": "Ask"}],
                "Default": "Approved"
            },
            "Ask": {"Type": "Pass", "End": true},
            "Approved": {"Type": "Succeed"}
        }
    });
    for (cost, next) in [(9, "Approved"), (10, "Ask")] {
        let input = json!({"cost": cost}).to_string();
        let out = test_state(
            &sfn,
            &definition,
            &[
                "--state-name",
                "Approval Required",
                "--input",
                &input,
                "--inspection-level",
                "TRACE",
            ],
        );
        assert_eq!(out["nextState"], next);
        assert_eq!(keys(&out), ["input"]);
    }
}

#[test]
fn state_name_picks_one_state_of_a_machine() {
    let sfn = Sfn::new();
    let definition = json!({
        "StartAt": "State0",
        "States": {
            "State0": {"Type": "Pass", "Result": {"first": true}, "Next": "State1"},
            "State1": {"Type": "Fail", "Error": "SomeFailure", "Cause": "because"}
        }
    });
    let out = test_state(&sfn, &definition, &["--state-name", "State0"]);
    assert_eq!(out["nextState"], "State1");
    assert_eq!(parsed(&out, "/output"), json!({"first": true}));
    let out = test_state(&sfn, &definition, &["--state-name", "State1"]);
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "SomeFailure");
}

#[test]
fn state_name_reaches_states_inside_a_map() {
    let sfn = Sfn::new();
    let definition = json!({
        "StartAt": "Loop",
        "States": {
            "Loop": {
                "Type": "Map",
                "ItemProcessor": {
                    "StartAt": "Inner",
                    "States": {"Inner": {"Type": "Pass", "Parameters": {"x.$": "$.v"}, "End": true}}
                },
                "End": true
            }
        }
    });
    let out = test_state(
        &sfn,
        &definition,
        &["--state-name", "Inner", "--input", r#"{"v": 7}"#],
    );
    assert_eq!(parsed(&out, "/output"), json!({"x": 7}));
}

#[test]
fn task_runs_through_local_handlers_without_a_mock() {
    let sfn = Sfn::new();
    sfn.write(
        "handlers.json",
        r#"{"lambda": {"greet": ["sh", "-c", "printf '{\"greeting\":\"hello\"}'"]}}"#,
    );
    let definition = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "greet", "Payload.$": "$"},
        "ResultSelector": {"greeting.$": "$.Payload.greeting"},
        "ResultPath": "$.result",
        "Next": "Done"
    });
    let definition = definition.to_string();
    let out = sfn.json(&[
        "test-state",
        "--definition",
        &definition,
        "--role-arn",
        ROLE,
        "--input",
        r#"{"name": "x"}"#,
        "--inspection-level",
        "DEBUG",
        "--handlers",
        "handlers.json",
    ]);
    assert_eq!(out["status"], "SUCCEEDED", "{out}");
    assert_eq!(out["nextState"], "Done");
    assert_eq!(
        parsed(&out, "/output"),
        json!({"name": "x", "result": {"greeting": "hello"}})
    );
    assert_eq!(
        keys(&out),
        [
            "afterInputPath",
            "afterParameters",
            "afterResultPath",
            "afterResultSelector",
            "input",
            "result"
        ]
    );
    assert_eq!(
        parsed(&out, "/inspectionData/result")["Payload"],
        json!({"greeting": "hello"})
    );
}

#[test]
fn task_nobody_serves_fails_with_a_clear_cause() {
    let sfn = Sfn::new();
    let out = test_state(
        &sfn,
        &json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "nobody"}, "End": true}),
        &["--role-arn", ROLE],
    );
    // As in an execution: a Task nothing serves fails (States.Runtime, never caught),
    // and the cause says how to serve it.
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "States.Runtime");
    assert!(
        out["cause"]
            .as_str()
            .unwrap_or_default()
            .contains("'nobody'"),
        "{out}"
    );
}

#[test]
fn test_state_stores_nothing() {
    let sfn = Sfn::new();
    test_state(&sfn, &json!({"Type": "Pass", "End": true}), &[]);
    assert!(!sfn.db().exists(), "test-state opened the store");
    let machines = sfn.json(&["list-state-machines"]);
    assert_eq!(machines["stateMachines"], json!([]));
    let activities = sfn.json(&["list-activities"]);
    assert_eq!(activities["activities"], json!([]));
}

#[test]
fn wait_checks_its_duration_as_an_execution_would() {
    let sfn = Sfn::new();
    let out = test_state(
        &sfn,
        &json!({"Type": "Wait", "SecondsPath": "$.s", "End": true}),
        &["--input", r#"{"s": -1}"#],
    );
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "States.Runtime");
    assert_eq!(
        out["cause"],
        "The SecondsPath parameter references a negative value: $.s == -1"
    );
    let out = test_state(
        &sfn,
        &json!({"Type": "Wait", "QueryLanguage": "JSONata", "Timestamp": "{% $states.input.t %}", "End": true}),
        &["--input", r#"{"t": "soon"}"#],
    );
    assert_eq!(out["error"], "States.QueryEvaluationError");
}

#[test]
fn map_items_must_be_an_array() {
    let sfn = Sfn::new();
    let out = test_state(
        &sfn,
        &json!({
            "Type": "Map",
            "ItemsPath": "$$.Execution.Input",
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
            "End": true
        }),
        &[
            "--input",
            r#"{"not": "a list"}"#,
            "--mock",
            r#"{"result": "[]"}"#,
        ],
    );
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "States.Runtime");
    assert_eq!(
        out["cause"],
        "Reference path \"$.Execution.Input\" must point to array."
    );
}
