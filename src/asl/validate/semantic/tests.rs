//! One test per check: a failing definition and the exact code, message and location.
use super::*;
use serde_json::json;

/// The machine `{"StartAt": "A", "States": {"A": <state>}}` plus `extra` states.
fn machine(state: Value, extra: Value) -> Value {
    let mut states = json!({"A": state});
    if let Value::Object(more) = extra {
        states.as_object_mut().unwrap().extend(more);
    }
    json!({"StartAt": "A", "States": states})
}

fn problems(definition: &Value, machine_type: MachineType) -> Vec<(String, String, String)> {
    check(definition, machine_type)
        .into_iter()
        .map(|d| (d.code, d.message, d.location))
        .collect()
}

/// Asserts that `definition` yields exactly this one diagnostic.
fn expect(definition: Value, code: &str, message: &str, location: &str) {
    expect_typed(definition, MachineType::Standard, code, message, location);
}

fn expect_typed(definition: Value, t: MachineType, code: &str, message: &str, location: &str) {
    assert_eq!(
        problems(&definition, t),
        vec![(code.to_string(), message.to_string(), location.to_string())],
        "{definition}"
    );
}

const SCHEMA: &str = "SCHEMA_VALIDATION_FAILED";

#[test]
fn a_valid_machine_has_no_diagnostics() {
    let d = machine(
        json!({"Type": "Pass", "Next": "B"}),
        json!({"B": {"Type": "Succeed"}}),
    );
    assert!(problems(&d, MachineType::Standard).is_empty());
}

#[test]
fn top_level_is_an_object() {
    expect(
        json!("hello"),
        SCHEMA,
        "Expected value of type [OBJECT]",
        "/",
    );
}

#[test]
fn missing_transition_target() {
    expect(
        machine(json!({"Type": "Pass", "Next": "A", "End": true}), json!({})),
        SCHEMA,
        "Fields 'Next' and 'End' are mutually exclusive",
        "/States/A",
    );
    let d = machine(
        json!({"Type": "Pass", "Next": "Nope"}),
        json!({"B": {"Type": "Succeed"}}),
    );
    assert_eq!(
        problems(&d, MachineType::Standard)[0],
        (
            "MISSING_TRANSITION_TARGET".into(),
            "Missing 'Next' target: Nope".into(),
            "/States/A/Next".into()
        )
    );
}

#[test]
fn start_at_must_name_a_state() {
    let d = json!({"StartAt": "X", "States": {"A": {"Type": "Succeed"}}});
    assert_eq!(
        problems(&d, MachineType::Standard)[0],
        (
            "MISSING_TRANSITION_TARGET".into(),
            "Missing 'Next' target: X".into(),
            "/StartAt".into()
        )
    );
}

#[test]
fn no_terminal_state_has_no_location_and_hides_reachability() {
    let d = json!({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "B"},
        "B": {"Type": "Pass", "Next": "A"},
        "C": {"Type": "Pass", "Next": "A"}
    }});
    expect(d, "MISSING_END_STATE", "Workflow has no terminal state", "");
}

#[test]
fn an_unreachable_cycle_is_reported() {
    let d = machine(
        json!({"Type": "Succeed"}),
        json!({"B": {"Type": "Pass", "Next": "C"}, "C": {"Type": "Pass", "Next": "B"}}),
    );
    assert_eq!(
        problems(&d, MachineType::Standard),
        vec![
            (
                "MISSING_TRANSITION_TARGET".into(),
                "State \"B\" is not reachable.".into(),
                "/States/B".into()
            ),
            (
                "MISSING_TRANSITION_TARGET".into(),
                "State \"C\" is not reachable.".into(),
                "/States/C".into()
            ),
        ]
    );
}

#[test]
fn transitions_stay_in_their_scope() {
    let d = machine(
        json!({"Type": "Map", "Next": "Out", "ItemProcessor": {"StartAt": "In", "States": {
            "In": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Out"}], "Default": "Fin"},
            "Fin": {"Type": "Succeed"}
        }}}),
        json!({"Out": {"Type": "Succeed"}}),
    );
    expect(
        d,
        "MISSING_TRANSITION_TARGET",
        "Missing 'Next' target: Out",
        "/States/A/ItemProcessor/States/In/Choices[0]/Next",
    );
}

#[test]
fn duplicate_state_names_across_scopes() {
    let d = machine(
        json!({"Type": "Parallel", "Next": "B", "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}),
        json!({"B": {"Type": "Succeed"}}),
    );
    expect(
        d,
        "DUPLICATE_STATE_NAME",
        "Duplicate State name: B",
        "/States/B",
    );
}

#[test]
fn state_name_length() {
    let long = "x".repeat(81);
    let d = json!({"StartAt": long, "States": {long.clone(): {"Type": "Succeed"}}});
    expect(
        d,
        "INVALID_STATE_NAME",
        &format!("State name '{long}' must be 1 to 80 characters long"),
        &format!("/States/{long}"),
    );
}

#[test]
fn unknown_and_required_fields() {
    expect(
        machine(json!({"Type": "Succeed", "Next": "A"}), json!({})),
        SCHEMA,
        "Field 'Next' is not supported",
        "/States/A",
    );
    expect(
        machine(json!({"Type": "Task", "End": true}), json!({})),
        SCHEMA,
        "These fields are required: [Resource]",
        "/States/A",
    );
    assert_eq!(
        problems(
            &machine(json!({"Type": "Pass"}), json!({})),
            MachineType::Standard
        )[0],
        (
            SCHEMA.into(),
            "One of the fields [Next, End] is required".into(),
            "/States/A".into()
        )
    );
}

#[test]
fn path_pairs_are_exclusive() {
    expect(
        machine(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                   "TimeoutSeconds": 5, "TimeoutSecondsPath": "$.t"}),
            json!({}),
        ),
        SCHEMA,
        "Fields 'TimeoutSeconds' and 'TimeoutSecondsPath' are mutually exclusive",
        "/States/A/TimeoutSeconds",
    );
}

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
fn reference_paths() {
    expect(
        machine(
            json!({"Type": "Pass", "ResultPath": "$$.x", "End": true}),
            json!({}),
        ),
        SCHEMA,
        "The value for the field 'ResultPath' must be a valid reference path",
        "/States/A/ResultPath",
    );
    expect(
        machine(
            json!({"Type": "Pass", "InputPath": "$.a[", "End": true}),
            json!({}),
        ),
        SCHEMA,
        "The value for the field 'InputPath' must be a valid JSONPath",
        "/States/A/InputPath",
    );
    expect(
        machine(
            json!({"Type": "Choice", "Choices": [{"Variable": "States.UUID()", "IsNull": true, "Next": "B"}], "Default": "B"}),
            json!({"B": {"Type": "Succeed"}}),
        ),
        SCHEMA,
        "The value for the field 'Variable' must be a valid JSONPath",
        "/States/A/Choices[0]/Variable",
    );
}

#[test]
fn templates_and_intrinsics() {
    let pass = |params: Value| {
        machine(
            json!({"Type": "Pass", "Parameters": params, "End": true}),
            json!({}),
        )
    };
    expect(
        pass(json!({"v.$": "States.MathAdd(1)"})),
        SCHEMA,
        "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
        "/States/A/Parameters/v.$",
    );
    expect(
        pass(json!({"a": {"type": 1, "type.$": "$.t"}})),
        SCHEMA,
        "The fields 'type' and 'type.$' cannot both be used",
        "/States/A/Parameters/a/type.$",
    );
}

#[test]
fn jsonata_expressions_parse() {
    let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Pass", "Output": {"x": "{% a[1,2) %}"}, "End": true}}});
    expect(
        d,
        "INVALID_JSONATA_EXPRESSION",
        "Expected \"]\", got \",\"",
        "/States/A/Output/x",
    );
    let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Pass", "Output": "{% $states.errorOutput %}", "End": true}}});
    expect(
        d,
        "UNSUPPORTED_JSONATA_EXPRESSION",
        "Field '$states.errorOutput' does not exist.",
        "/States/A/Output",
    );
    let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "A",
                         "Output": "{% $states.errorOutput %}"}]}}});
    assert!(problems(&d, MachineType::Standard).is_empty());
}

#[test]
fn nested_scopes_inherit_the_machine_language_and_need_no_terminal_state() {
    let d = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
        "ItemProcessor": {"StartAt": "P", "States": {
            "P": {"Type": "Pass", "Next": "Q"}, "Q": {"Type": "Pass", "Next": "P"}}}}}});
    assert!(problems(&d, MachineType::Standard).is_empty());
    let d = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "QueryLanguage": "JSONata", "End": true,
        "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Output": 1, "End": true}}}}}});
    expect(
        d,
        SCHEMA,
        "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
        "/States/M/ItemProcessor/States/P",
    );
}

#[test]
fn query_language_rules() {
    let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "InputPath": "$.a", "End": true}}});
    expect(
        d,
        SCHEMA,
        "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
        "/States/A",
    );
    let d = json!({"QueryLanguage": "JSONata", "StartAt": "A", "States": {
        "A": {"Type": "Pass", "InputPath": "$.a", "End": true}}});
    expect(
        d,
        SCHEMA,
        "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage",
        "/States/A",
    );
    let d = json!({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "QueryLanguage": "jsonpath", "InputPath": "$.a", "End": true}}});
    assert_eq!(
        problems(&d, MachineType::Standard),
        vec![
            (SCHEMA.into(), "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage".into(), "/States/A".into()),
            (SCHEMA.into(), "Value should be one of the following: [JSONPath, JSONata]".into(), "/States/A/QueryLanguage".into()),
        ]
    );
    expect(
        machine(json!({"Type": "Pass", "Output": 1, "End": true}), json!({})),
        SCHEMA,
        "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
        "/States/A",
    );
    let d = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [{"QueryLanguage": "JSONata", "StartAt": "B", "States": {"B": {"Type": "Succeed"}}}]}}});
    expect(
        d,
        SCHEMA,
        "Field 'QueryLanguage' is not supported",
        "/States/P/Branches[0]",
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
fn variable_names() {
    expect(
        machine(
            json!({"Type": "Pass", "Assign": {"states": 1}, "End": true}),
            json!({}),
        ),
        SCHEMA,
        "The variable name 'states' is reserved",
        "/States/A/Assign/states",
    );
    expect(
        machine(
            json!({"Type": "Pass", "Assign": {"a.b": 1}, "End": true}),
            json!({}),
        ),
        SCHEMA,
        "The variable name 'a.b' is not valid",
        "/States/A/Assign/a.b",
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
    assert_eq!(all[0].severity, super::super::Severity::Warning);
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
fn expressions_in_numeric_fields_need_jsonata() {
    let inner = json!({"StartAt": "I", "States": {"I": {"Type": "Succeed"}}});
    expect(
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": inner,
                   "ItemBatcher": {"MaxItemsPerBatch": "{% 2 %}"}}),
            json!({}),
        ),
        SCHEMA,
        "Expected value of type [INTEGER]",
        "/States/A/ItemBatcher/MaxItemsPerBatch",
    );
    expect(
        machine(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                   "TimeoutSeconds": "{% 5 %}"}),
            json!({}),
        ),
        SCHEMA,
        "Expected value of type [INTEGER]",
        "/States/A/TimeoutSeconds",
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
fn sub_object_language_and_credentials_fields() {
    let inner = json!({"StartAt": "I", "States": {"I": {"Type": "Succeed"}}});
    expect(
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": inner,
                   "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Arguments": {}}}),
            json!({}),
        ),
        SCHEMA,
        "The QueryLanguage is set to 'JSONPath', but field 'Arguments' is only supported for the 'JSONata' QueryLanguage",
        "/States/A/ResultWriter/Arguments",
    );
    expect(
        machine(
            json!({"Type": "Map", "End": true, "ItemProcessor": inner,
                   "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                                  "ReaderConfig": {"MaxItemsPath": "$.n[*]"}}}),
            json!({}),
        ),
        SCHEMA,
        "The value for the field 'MaxItemsPath' must be a valid reference path",
        "/States/A/ItemReader/ReaderConfig/MaxItemsPath",
    );
    expect(
        machine(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                   "Credentials": {"RoleArn": "arn:aws:iam::123456789012:role/r", "Extra": 1}}),
            json!({}),
        ),
        SCHEMA,
        "Field 'Extra' is not supported",
        "/States/A/Credentials",
    );
    let control = "A\u{1}";
    let d = json!({"StartAt": control, "States": {control: {"Type": "Succeed"}}});
    expect(
        d,
        "INVALID_STATE_NAME",
        "State name 'A\\u{1}' contains control characters",
        "/States/A\u{1}",
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
