//! `sfn test-state --mock` and `--state-configuration`: mocked results and errors, field
//! validation modes, Retry (RETRIABLE), Catch (CAUGHT_ERROR), Map and Parallel, and the
//! context object, as AWS answers them.
use crate::cli_support;

use cli_support::Sfn;
use serde_json::{json, Value};

fn test_state(sfn: &Sfn, definition: &Value, extra: &[&str]) -> Value {
    let definition = definition.to_string();
    let mut args = vec!["test-state", "--definition", definition.as_str()];
    args.extend_from_slice(extra);
    sfn.json(&args)
}

fn parsed(response: &Value, pointer: &str) -> Value {
    let text = response
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no text at {pointer} in {response}"));
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{pointer} is not JSON ({e}): {text}"))
}

fn mock_error(error: &str, cause: &str) -> String {
    json!({"errorOutput": {"error": error, "cause": cause}}).to_string()
}

fn jsonata_task_with_retry() -> Value {
    json!({
        "QueryLanguage": "JSONata",
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Arguments": {"FunctionName": "foo", "Payload": "bar"},
        "Retry": [{"ErrorEquals": ["MockException"], "IntervalSeconds": 1, "MaxAttempts": 5, "BackoffRate": 2.0}],
        "End": true
    })
}

fn jsonata_task_with_catch() -> Value {
    json!({
        "QueryLanguage": "JSONata",
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Arguments": {"FunctionName": "foo", "Payload": "bar"},
        "Catch": [
            {"ErrorEquals": ["MockException"], "Output": "{% $states %}", "Next": "HandleMockError"},
            {"ErrorEquals": ["States.TaskFailed"], "Output": "{% $states.errorOutput %}", "Next": "HandleThreshold"}
        ],
        "End": true
    })
}

#[test]
fn mocked_result_flows_through_result_selector_and_path() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::dynamodb:putItem",
        "Parameters": {"TableName.$": "$.TableName", "Item.$": "$.Item"},
        "ResultPath": "$.putItemOutput",
        "Next": "After"
    });
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            r#"{"TableName": "t", "Item": {"id": {"S": "id1"}}}"#,
            "--mock",
            r#"{"result": "{\"SdkHttpMetadata\": {\"HttpStatusCode\": 200}}"}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(out["nextState"], "After");
    assert_eq!(
        parsed(&out, "/output"),
        json!({"TableName": "t", "Item": {"id": {"S": "id1"}}, "putItemOutput": {"SdkHttpMetadata": {"HttpStatusCode": 200}}})
    );
    // A mocked result unchanged keeps the text it was given.
    assert_eq!(
        out["inspectionData"]["result"],
        "{\"SdkHttpMetadata\": {\"HttpStatusCode\": 200}}"
    );
}

#[test]
fn retry_answers_retriable_with_the_backoff_it_would_wait() {
    let sfn = Sfn::new();
    let definition = jsonata_task_with_retry();
    let error = mock_error("MockException", "Mock the cause of the error.");
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--mock",
            &error,
            "--state-configuration",
            r#"{"retrierRetryCount": 4}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "RETRIABLE");
    assert_eq!(out["error"], "MockException");
    assert_eq!(out["cause"], "Mock the cause of the error.");
    assert_eq!(
        out["inspectionData"]["errorDetails"],
        json!({"retryIndex": 0, "retryBackoffIntervalSeconds": 16})
    );
    assert_eq!(
        parsed(&out, "/inspectionData/afterArguments"),
        json!({"FunctionName": "foo", "Payload": "bar"})
    );
    assert!(out.get("output").is_none());

    // The retries are used up: the error is not handled.
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--mock",
            &error,
            "--state-configuration",
            r#"{"retrierRetryCount": 5}"#,
            "--inspection-level",
            "TRACE",
        ],
    );
    assert_eq!(out["status"], "FAILED");
    assert_eq!(
        out["inspectionData"]["errorDetails"],
        json!({"retryIndex": 0})
    );

    // At INFO there is no inspection data, only the status and the error.
    let out = test_state(&sfn, &definition, &["--mock", &error]);
    assert_eq!(out["status"], "RETRIABLE");
    assert!(out.get("inspectionData").is_none());
}

#[test]
fn catch_answers_caught_error_with_the_catchers_output_and_next() {
    let sfn = Sfn::new();
    let definition = jsonata_task_with_catch();
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            r#"{"Value": "HelloWorld"}"#,
            "--mock",
            &mock_error("MockException", "Mock the cause of the error."),
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "CAUGHT_ERROR");
    assert_eq!(out["nextState"], "HandleMockError");
    assert_eq!(out["error"], "MockException");
    let output = parsed(&out, "/output");
    assert_eq!(output["input"], json!({"Value": "HelloWorld"}));
    assert_eq!(
        output["errorOutput"],
        json!({"Error": "MockException", "Cause": "Mock the cause of the error."})
    );
    assert_eq!(output["context"]["State"]["RetryCount"], 0);
    assert!(output["context"]["Execution"]["Id"]
        .as_str()
        .unwrap()
        .contains(":express:"));
    assert_eq!(
        out["inspectionData"]["errorDetails"],
        json!({"catchIndex": 0})
    );

    let out = test_state(
        &sfn,
        &definition,
        &[
            "--mock",
            &mock_error("States.TaskFailed", "The task failed."),
            "--inspection-level",
            "TRACE",
        ],
    );
    assert_eq!(out["nextState"], "HandleThreshold");
    assert_eq!(
        out["inspectionData"]["errorDetails"],
        json!({"catchIndex": 1})
    );
    assert_eq!(
        parsed(&out, "/output"),
        json!({"Error": "States.TaskFailed", "Cause": "The task failed."})
    );
}

#[test]
fn jsonpath_catch_writes_the_error_at_its_result_path() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "f"},
        "Retry": [{"ErrorEquals": ["Other"], "MaxAttempts": 1}],
        "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recover"}],
        "End": true
    });
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            r#"{"k": 1}"#,
            "--mock",
            &mock_error("Boom", "bad"),
        ],
    );
    assert_eq!(out["status"], "CAUGHT_ERROR");
    assert_eq!(out["nextState"], "Recover");
    assert_eq!(
        parsed(&out, "/output"),
        json!({"k": 1, "error": {"Error": "Boom", "Cause": "bad"}})
    );
}

fn jsonata_map(extra: Value) -> Value {
    let mut map = json!({
        "Type": "Map",
        "QueryLanguage": "JSONata",
        "Items": "{% $states.input.Values %}",
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "TestState",
            "States": {"TestState": {"Type": "Pass", "End": true}}
        },
        "End": true
    });
    for (k, v) in extra.as_object().unwrap() {
        map[k] = v.clone();
    }
    map
}

const VALUES: &str = r#"{"Values": ["first", "second", "third"]}"#;

#[test]
fn map_takes_the_mocked_result_and_checks_tolerated_failures() {
    let sfn = Sfn::new();
    let with_catch = jsonata_map(json!({
        "ToleratedFailureCount": 1,
        "Catch": [
            {"ErrorEquals": ["MockException"], "Next": "HandleMockError"},
            {"ErrorEquals": ["States.ExceedToleratedFailureThreshold"], "Output": "{% $states.errorOutput %}", "Next": "HandleThreshold"}
        ]
    }));
    let out = test_state(
        &sfn,
        &with_catch,
        &[
            "--input",
            VALUES,
            "--mock",
            r#"{"result": "[1, 1, 1]"}"#,
            "--state-configuration",
            r#"{"mapIterationFailureCount": 0}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(out["output"], "[1, 1, 1]");
    assert_eq!(out["inspectionData"]["maxConcurrency"], 0);
    assert_eq!(out["inspectionData"]["toleratedFailureCount"], 1);

    let out = test_state(
        &sfn,
        &with_catch,
        &[
            "--input",
            VALUES,
            "--mock",
            r#"{"result": "[0, 0, 1]"}"#,
            "--state-configuration",
            r#"{"mapIterationFailureCount": 2}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "CAUGHT_ERROR");
    assert_eq!(out["error"], "States.ExceedToleratedFailureThreshold");
    assert_eq!(
        out["cause"],
        "The specified tolerated failure threshold was exceeded"
    );
    assert_eq!(out["nextState"], "HandleThreshold");
    assert_eq!(
        out["inspectionData"]["errorDetails"],
        json!({"catchIndex": 1})
    );

    // Retry is checked before Catch.
    let with_retry = jsonata_map(json!({
        "ToleratedFailureCount": 1,
        "Retry": [
            {"ErrorEquals": ["MockException"], "MaxAttempts": 3},
            {"ErrorEquals": ["States.ExceedToleratedFailureThreshold"], "MaxAttempts": 2}
        ],
        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handle"}]
    }));
    let out = test_state(
        &sfn,
        &with_retry,
        &[
            "--input",
            VALUES,
            "--mock",
            r#"{"result": "[0, 0, 1]"}"#,
            "--state-configuration",
            r#"{"mapIterationFailureCount": 2}"#,
            "--inspection-level",
            "TRACE",
        ],
    );
    assert_eq!(out["status"], "RETRIABLE");
    assert_eq!(
        out["inspectionData"]["errorDetails"],
        json!({"retryIndex": 1, "retryBackoffIntervalSeconds": 1})
    );

    // A Map that tolerates no failures is left as is.
    let out = test_state(
        &sfn,
        &jsonata_map(json!({})),
        &[
            "--input",
            VALUES,
            "--mock",
            r#"{"result": "[0, 0, 1]"}"#,
            "--state-configuration",
            r#"{"mapIterationFailureCount": 2}"#,
        ],
    );
    assert_eq!(out["status"], "SUCCEEDED");
}

#[test]
fn map_shows_items_path_selector_batches_and_settings() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Map",
        "ItemsPath": "$.Values",
        "ItemSelector": {"value.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
        "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"run": 1}},
        "MaxConcurrency": 3,
        "ToleratedFailurePercentage": 50,
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
        "ResultSelector": {"count.$": "States.ArrayLength($)"},
        "ResultPath": "$.summary",
        "Next": "After"
    });
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            VALUES,
            "--mock",
            r#"{"result": "[\"a\", \"b\"]"}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(out["nextState"], "After");
    let inspection = &out["inspectionData"];
    assert_eq!(
        parsed(&out, "/inspectionData/afterItemsPath"),
        json!(["first", "second", "third"])
    );
    assert_eq!(
        parsed(&out, "/inspectionData/afterItemSelector"),
        json!([
            {"value": "first", "index": 0},
            {"value": "second", "index": 1},
            {"value": "third", "index": 2}
        ])
    );
    let batches = parsed(&out, "/inspectionData/afterItemBatcher");
    assert_eq!(batches.as_array().map(Vec::len), Some(2));
    assert_eq!(batches[0]["BatchInput"], json!({"run": 1}));
    assert_eq!(batches[1]["Items"], json!([{"value": "third", "index": 2}]));
    assert_eq!(inspection["maxConcurrency"], 3);
    assert_eq!(inspection["toleratedFailurePercentage"], json!(50.0));
    assert_eq!(
        parsed(&out, "/output"),
        json!({"Values": ["first", "second", "third"], "summary": {"count": 2}})
    );
}

#[test]
fn map_with_a_mocked_error_fails_with_it() {
    let sfn = Sfn::new();
    let definition = json!({
        "StartAt": "State0",
        "States": {
            "State0": {
                "Type": "Map",
                "ItemsPath": "$.Values",
                "ItemProcessor": {"StartAt": "HandleItem", "States": {"HandleItem": {"Type": "Pass", "End": true}}},
                "ToleratedFailureCount": 2,
                "End": true
            }
        }
    });
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--state-name",
            "State0",
            "--input",
            VALUES,
            "--mock",
            &mock_error("MockException", "Mock the error cause."),
            "--state-configuration",
            r#"{"errorCausedByState": "HandleItem", "mapIterationFailureCount": 0}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "FAILED");
    assert_eq!(out["error"], "MockException");
    assert_eq!(out["inspectionData"]["toleratedFailureCount"], 2);
    assert!(out["inspectionData"].get("afterItemsPath").is_some());
}

#[test]
fn map_reads_items_from_the_item_reader_data() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Map",
        "QueryLanguage": "JSONata",
        "MaxConcurrency": 1,
        "ItemReader": {
            "ReaderConfig": {"InputType": "JSON"},
            "Resource": "arn:aws:states:::s3:getObject",
            "Arguments": {"Bucket": "{% $states.input.Bucket %}", "Key": "{% $states.input.Key %}"}
        },
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "HandleItem",
            "States": {"HandleItem": {"Type": "Pass", "End": true}}
        },
        "ToleratedFailurePercentage": 10,
        "End": true
    });
    let run = |failures: u64| {
        let config =
            json!({"mapItemReaderData": "[1, 2, 3]", "mapIterationFailureCount": failures})
                .to_string();
        test_state(
            &sfn,
            &definition,
            &[
                "--input",
                r#"{"Bucket": "b", "Key": "k"}"#,
                "--mock",
                r#"{"result": "[1, 4, 9]"}"#,
                "--state-configuration",
                &config,
                "--inspection-level",
                "DEBUG",
            ],
        )
    };
    let out = run(0);
    assert_eq!(out["output"], "[1, 4, 9]");
    assert_eq!(out["inspectionData"]["maxConcurrency"], 1);
    // One failure in three items is more than 10 %.
    let out = run(1);
    assert_eq!(out["error"], "States.ExceedToleratedFailureThreshold");
}

#[test]
fn parallel_takes_one_mocked_result_per_branch() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Parallel",
        "Parameters": {"v.$": "$.v"},
        "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}
        ],
        "ResultSelector": {"first.$": "$[0]"},
        "Next": "After"
    });
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            r#"{"v": 1}"#,
            "--mock",
            r#"{"result": "[{\"a\": 1}, {\"b\": 2}]"}"#,
            "--inspection-level",
            "DEBUG",
        ],
    );
    assert_eq!(out["status"], "SUCCEEDED");
    assert_eq!(out["nextState"], "After");
    assert_eq!(parsed(&out, "/output"), json!({"first": {"a": 1}}));
    assert_eq!(
        parsed(&out, "/inspectionData/afterParameters"),
        json!({"v": 1})
    );
}

#[test]
fn jsonata_parallel_output_reads_the_mocked_result() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Parallel",
        "QueryLanguage": "JSONata",
        "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}
        ],
        "Output": "{% $states.result[0] + $states.result[1] %}",
        "End": true
    });
    let out = test_state(&sfn, &definition, &["--mock", r#"{"result": "[40, 2]"}"#]);
    assert_eq!(out["output"], "42");
}

#[test]
fn field_validation_checks_the_mock_against_the_integrations_response() {
    let sfn = Sfn::new();
    let put_events = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::events:putEvents",
        "Parameters": {"Entries.$": "$.Entries"},
        "End": true
    });
    let (code, err) = sfn.fail(&[
        "test-state",
        "--definition",
        &put_events.to_string(),
        "--mock",
        r#"{"result": "{\"Entries\": \"not a list\"}"}"#,
    ]);
    assert_eq!(code, 254);
    assert!(
        err.contains("(ValidationException)")
            && err
                .contains("Mock result schema validation error: Field 'Entries' must be an array"),
        "{err}"
    );
    // Fields outside the response shape pass.
    let out = test_state(
        &sfn,
        &put_events,
        &[
            "--input",
            r#"{"Entries": []}"#,
            "--mock",
            r#"{"result": "{\"random\": \"json\"}"}"#,
        ],
    );
    assert_eq!(out["status"], "SUCCEEDED");

    let start = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::states:startExecution",
        "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:t"},
        "End": true
    })
    .to_string();
    let partial = r#"{"result": "{\"StartDate\": \"2025-01-01T00:00:00Z\"}""#;
    let (_, err) = sfn.fail(&[
        "test-state",
        "--definition",
        &start,
        "--mock",
        &format!("{partial}}}"),
    ]);
    assert!(
        err.contains(
            "Mock result schema validation error: Required field 'ExecutionArn' is missing"
        ),
        "{err}"
    );
    // PRESENT checks only the fields given; NONE checks nothing.
    for mode in ["PRESENT", "NONE"] {
        let mock = format!(r#"{partial}, "fieldValidationMode": "{mode}"}}"#);
        let out = sfn.json(&["test-state", "--definition", &start, "--mock", &mock]);
        assert_eq!(out["status"], "SUCCEEDED", "{mode}");
    }
    let bad_type = r#"{"result": "{\"StatusCode\": \"200\"}", "fieldValidationMode": "PRESENT"}"#;
    let lambda = json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"}, "End": true}).to_string();
    let (_, err) = sfn.fail(&["test-state", "--definition", &lambda, "--mock", bad_type]);
    assert!(err.contains("Field 'StatusCode' must be a number"), "{err}");
}

#[test]
fn a_given_context_object_replaces_the_generated_one() {
    let sfn = Sfn::new();
    let definition = json!({
        "Type": "Task",
        "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName.$": "$.FunctionName"},
        "ResultSelector": {"ContextObjectValue.$": "$$.Execution.Input.values", "LambdaOutput.$": "$"},
        "End": true
    });
    let context = json!({
        "Execution": {"Id": "arn:aws:states:::execution:MyStateMachine:run-1", "Input": {"values": ["a", "b"]}, "Name": "run-1"},
        "State": {"Name": "MyTaskState", "RetryCount": 0},
        "StateMachine": {"Name": "MyStateMachine"}
    })
    .to_string();
    let out = test_state(
        &sfn,
        &definition,
        &[
            "--input",
            r#"{"FunctionName": "f"}"#,
            "--context",
            &context,
            "--mock",
            r#"{"result": "{\"pokemon\": \"pikachu\"}"}"#,
        ],
    );
    assert_eq!(
        parsed(&out, "/output"),
        json!({"ContextObjectValue": ["a", "b"], "LambdaOutput": {"pokemon": "pikachu"}})
    );

    for (context, message) in [
        (json!({"Execution": {"Id": 1}}), "Invalid Context object provided: Execution.Id must be a string"),
        (json!({"Map": {}}), "Invalid Context object provided: 'Map' field is not supported when mocking a Context object"),
        (json!({"Execution": {"pokemon": "squirtle"}}), "Invalid Context object provided: Field 'pokemon' is not allowed"),
        (json!({"Pokedex": {}}), "Invalid Context object provided: Field 'Pokedex' is not allowed"),
        (json!({"Task": {"Token": "t"}}), "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern"),
    ] {
        let (code, err) = sfn.fail(&[
            "test-state",
            "--definition",
            &definition.to_string(),
            "--context",
            &context.to_string(),
            "--mock",
            r#"{"result": "{}"}"#,
        ]);
        assert_eq!(code, 254);
        assert!(err.contains(message), "{context}: {err}");
    }
}
