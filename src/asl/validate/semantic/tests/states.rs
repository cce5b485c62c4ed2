//! The checks of each state type: Wait, Task, Fail, Pass, Retry/Catch, Choice and Map.
use super::*;

#[test]
fn wait_needs_exactly_one_duration() {
    expect(
        machine(json!({"Type": "Wait", "Seconds": 1, "SecondsPath": "$.s", "End": true}), json!({})),
        SCHEMA,
        "A Wait state must have exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath]",
        "/States/A",
    );
}

#[test]
fn literal_timestamps_are_rfc3339() {
    expect(
        machine(
            json!({"Type": "Wait", "Timestamp": "2016-12-05 21:29:29Z", "End": true}),
            json!({}),
        ),
        SCHEMA,
        "String does not match RFC3339 timestamp",
        "/States/A/Timestamp",
    );
    let ok = machine(
        json!({"Type": "Wait", "Timestamp": "2016-12-05T21:29:29.243167252Z", "End": true}),
        json!({}),
    );
    assert!(problems(&ok, MachineType::Standard).is_empty());
}

#[test]
fn states_all_alone_and_last() {
    let task = |retry: Value| {
        machine(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Retry": retry}),
            json!({}),
        )
    };
    expect(
        task(json!([{"ErrorEquals": ["States.ALL", "X"]}])),
        SCHEMA,
        "The error name 'States.ALL' must appear alone in 'ErrorEquals'",
        "/States/A/Retry[0]/ErrorEquals",
    );
    expect(
        task(json!([{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}])),
        SCHEMA,
        "A Retrier with 'States.ALL' must be the last one",
        "/States/A/Retry[0]",
    );
}

#[test]
fn retry_ranges() {
    expect(
        machine(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                   "Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5}]}),
            json!({}),
        ),
        SCHEMA,
        "Minimum value is 1",
        "/States/A/Retry[0]/BackoffRate",
    );
}

#[test]
fn heartbeat_below_timeout() {
    expect(
        machine(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                   "TimeoutSeconds": 10, "HeartbeatSeconds": 10}),
            json!({}),
        ),
        SCHEMA,
        "The field 'HeartbeatSeconds' must be smaller than the field 'TimeoutSeconds'",
        "/States/A/HeartbeatSeconds",
    );
}

#[test]
fn map_label() {
    let map = |label: &str| {
        machine(
            json!({"Type": "Map", "Label": label, "End": true,
                   "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}),
            json!({}),
        )
    };
    expect(
        map("has space"),
        "INVALID_LABEL_NAME",
        "Label contains characters that are not allowed",
        "/States/A/Label",
    );
    expect(
        map(&"l".repeat(41)),
        "INVALID_LABEL_NAME",
        "Label must be 1 to 40 characters long",
        "/States/A/Label",
    );
}

#[test]
fn credentials_need_a_role() {
    expect(
        machine(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true, "Credentials": {}}),
            json!({}),
        ),
        SCHEMA,
        "The field 'RoleArn' is required but was missing",
        "/States/A/Credentials",
    );
}

#[test]
fn express_restrictions_and_resource_shapes() {
    let task = |resource: &str| {
        machine(
            json!({"Type": "Task", "Resource": resource, "End": true}),
            json!({}),
        )
    };
    expect_typed(
        task("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
        MachineType::Express,
        SCHEMA,
        "Express state machine does not support '.waitForTaskToken' service integration",
        "/States/A/Resource",
    );
    expect(
        task("arn:aws:states:::dynamodb:query"),
        SCHEMA,
        "The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
        "/States/A/Resource",
    );
}

#[test]
fn choice_rules() {
    let choice = |rule: Value| {
        machine(
            json!({"Type": "Choice", "Choices": [rule], "Default": "B"}),
            json!({"B": {"Type": "Succeed"}}),
        )
    };
    expect(
        choice(json!({"And": [{"Variable": "$.x", "IsNull": true, "Next": "B"}], "Next": "B"})),
        SCHEMA,
        "Field 'Next' is not supported",
        "/States/A/Choices[0]/And[0]",
    );
    expect(
        choice(json!({"Variable": "$.x", "NumericEquals": "1", "Next": "B"})),
        SCHEMA,
        "Expected value of type [NUMBER]",
        "/States/A/Choices[0]/NumericEquals",
    );
    expect(
        choice(json!({"Variable": "$.x", "Next": "B"})),
        SCHEMA,
        "A choice rule must have exactly one comparison operator or one of And, Or, Not",
        "/States/A/Choices[0]",
    );
}

#[test]
fn warnings() {
    let d = machine(
        json!({"Type": "Pass", "Result": {"x.$": "$.a"}, "End": true}),
        json!({}),
    );
    let all = check(&d, MachineType::Standard);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].severity, crate::asl::validate::Severity::Warning);
    assert_eq!(all[0].code, "PASS_RESULT_IS_STATIC");
    assert_eq!(all[0].location, "/States/A/Result");
}

#[test]
fn fail_paths_and_literal_warnings() {
    expect(
        machine(json!({"Type": "Fail", "ErrorPath": "States.MathAdd($.a, 1)"}), json!({})),
        SCHEMA,
        "The value for the field 'ErrorPath' must be a valid reference path or a valid intrinsic function call that returns a string",
        "/States/A/ErrorPath",
    );
    let d = machine(json!({"Type": "Fail", "Error": "$.error"}), json!({}));
    let all = check(&d, MachineType::Standard);
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].code.as_str(), all[0].location.as_str()),
        ("NO_PATH", "/States/A/Error")
    );
}

#[test]
fn map_processor_reader_and_batcher() {
    let inner = json!({"StartAt": "I", "States": {"I": {"Type": "Succeed"}}});
    expect(
        machine(json!({"Type": "Map", "End": true}), json!({})),
        SCHEMA,
        "These fields are required: [ItemProcessor]",
        "/States/A",
    );
    let mut distributed = inner.clone();
    distributed["ProcessorConfig"] = json!({"Mode": "DISTRIBUTED"});
    expect(
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": distributed}),
            json!({}),
        ),
        SCHEMA,
        "These fields are required: [ExecutionType]",
        "/States/A/ItemProcessor/ProcessorConfig",
    );
    expect(
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": inner,
                   "ItemReader": {"Resource": "arn:aws:states:::s3:putObject"}}),
            json!({}),
        ),
        SCHEMA,
        "The resource provided arn:aws:states:::s3:putObject is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
        "/States/A/ItemReader/Resource",
    );
    expect(
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": inner,
                   "ItemBatcher": {"MaxItemsPerBatch": 2, "MaxItemsPerBatchPath": "$.n"}}),
            json!({}),
        ),
        SCHEMA,
        "Fields 'MaxItemsPerBatch' and 'MaxItemsPerBatchPath' are mutually exclusive",
        "/States/A/ItemBatcher",
    );
}

#[test]
fn jsonata_choice_conditions_and_catchers() {
    let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Choice", "Choices": [{"Condition": "yes", "Next": "B"}], "Default": "B"},
        "B": {"Type": "Succeed"}}});
    expect(
        d,
        SCHEMA,
        "The field 'Condition' should be a boolean or a JSONata expression",
        "/States/A/Choices[0]/Condition",
    );
    let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "A", "ResultPath": "$.e"}]}}});
    expect(
        d,
        SCHEMA,
        "The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage",
        "/States/A/Catch[0]",
    );
}

#[test]
fn more_choice_rule_checks() {
    let choice = |rule: Value| {
        machine(
            json!({"Type": "Choice", "Choices": [rule], "Default": "B"}),
            json!({"B": {"Type": "Succeed"}}),
        )
    };
    expect(
        choice(json!({"Variable": "$.t", "TimestampEquals": "2020-01-01 00:00:00", "Next": "B"})),
        SCHEMA,
        "String does not match RFC3339 timestamp",
        "/States/A/Choices[0]/TimestampEquals",
    );
    expect(
        choice(json!({"And": [], "Next": "B"})),
        SCHEMA,
        "The field 'And' should be a non-empty array",
        "/States/A/Choices[0]/And",
    );
    expect(
        choice(json!({"Not": [{"Variable": "$.x", "IsNull": true}], "Next": "B"})),
        SCHEMA,
        "Expected value of type [OBJECT]",
        "/States/A/Choices[0]/Not",
    );
    expect(
        choice(json!({"IsNull": true, "Next": "B"})),
        SCHEMA,
        "These fields are required: [Variable]",
        "/States/A/Choices[0]",
    );
    expect(
        choice(json!({"Variable": "$.x", "StringEqualsPath": "$.a[", "Next": "B"})),
        SCHEMA,
        "The value for the field 'StringEqualsPath' must be a valid JSONPath",
        "/States/A/Choices[0]/StringEqualsPath",
    );
}

#[test]
fn an_item_reader_names_its_resource() {
    let inner = json!({"StartAt": "I", "States": {"I": {"Type": "Succeed"}}});
    expect(
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": inner,
                   "ItemReader": {"ReaderConfig": {"InputType": "JSON"},
                                  "Parameters": {"Bucket": "b", "Key": "k"}}}),
            json!({}),
        ),
        SCHEMA,
        "These fields are required: [Resource]",
        "/States/A/ItemReader",
    );
}

#[test]
fn a_writer_config_names_output_type_and_transformation() {
    let inner = json!({"StartAt": "I", "States": {"I": {"Type": "Succeed"}}});
    let with = |config: Value| {
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": inner,
                   "ResultWriter": {"WriterConfig": config}}),
            json!({}),
        )
    };
    expect(
        with(json!({"OutputType": "JSON"})),
        SCHEMA,
        "These fields are required: [Transformation]",
        "/States/A/ResultWriter/WriterConfig",
    );
    expect(
        with(json!({"Transformation": "FLATTEN"})),
        SCHEMA,
        "These fields are required: [OutputType]",
        "/States/A/ResultWriter/WriterConfig",
    );
    expect(
        with(json!({})),
        SCHEMA,
        "These fields are required: [OutputType, Transformation]",
        "/States/A/ResultWriter/WriterConfig",
    );
    let both = with(json!({"OutputType": "JSONL", "Transformation": "COMPACT"}));
    assert!(problems(&both, MachineType::Standard).is_empty());
}
