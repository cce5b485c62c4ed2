//! Fields and expressions: paths, templates, intrinsics, query languages, JSONata and
//! variable names.
use super::*;

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
