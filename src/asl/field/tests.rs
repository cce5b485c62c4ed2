use super::*;
use crate::asl::error::names;
use crate::asl::timestamp;
use crate::asl::vars::NoVariables;
use serde_json::json;

/// The `name` / `<name>Path` pair of `obj` in `language`, as a `T`.
fn field<T: FieldType>(
    name: &'static str,
    obj: Value,
    language: QueryLanguage,
    intrinsics: bool,
) -> Field<T> {
    Field::pair(obj.as_object().unwrap(), name, language, intrinsics, "")
        .unwrap()
        .unwrap()
}

fn jsonpath<T: FieldType>(name: &'static str, obj: Value) -> Field<T> {
    field(name, obj, QueryLanguage::JsonPath, false)
}

fn jsonata<T: FieldType>(name: &'static str, obj: Value) -> Field<T> {
    field(name, obj, QueryLanguage::Jsonata, false)
}

/// Resolves `field` against `input` (also `$states.input`).
fn resolve<T: FieldType>(field: &Field<T>, input: &Value) -> Result<T, StatesError> {
    let states = json!({ "input": input });
    let scope = Scope::new(input, &Value::Null, &NoVariables).with_states(&states);
    field.resolve(&scope)
}

/// What resolving `field` against `input` gives: the value, or the error as
/// `(error, cause)`.
fn outcome<T: FieldType>(field: &Field<T>, input: &Value) -> Result<T, (String, String)> {
    resolve(field, input).map_err(|e| (e.error.unwrap_or_default(), e.cause.unwrap_or_default()))
}

/// The error of resolving `field` against `input`, as `(error, cause)`.
fn failure<T: FieldType + std::fmt::Debug>(field: &Field<T>, input: &Value) -> (String, String) {
    outcome(field, input).unwrap_err()
}

/// Resolves the field `name` of each case's object, read as JSONPath, against `input`,
/// and compares what that gives with what the case expects.
fn jsonpath_cases<T: FieldType + PartialEq + std::fmt::Debug>(
    name: &'static str,
    input: &Value,
    cases: impl IntoIterator<Item = (Value, Result<T, (String, String)>)>,
) {
    for (obj, expected) in cases {
        let field = jsonpath::<T>(name, obj.clone());
        assert_eq!(outcome(&field, input), expected, "{obj}");
    }
}

fn runtime(cause: &str) -> (String, String) {
    (names::RUNTIME.into(), cause.into())
}

fn query(cause: &str) -> (String, String) {
    (names::QUERY_EVALUATION_ERROR.into(), cause.into())
}

#[test]
fn a_pair_reads_as_one_field() {
    let input = json!({"s": 5, "name": "n"});
    let literal: Field<Value> = jsonpath("Seconds", json!({"Seconds": 3}));
    assert_eq!(resolve(&literal, &input).unwrap(), json!(3));
    assert_eq!(literal.path(), None);
    let path: Field<Value> = jsonpath("Seconds", json!({"SecondsPath": "$.s"}));
    assert_eq!(path.path(), Some("$.s"));
    assert_eq!(resolve(&path, &input).unwrap(), json!(5));
    let missing: Field<Value> = jsonpath("Seconds", json!({"SecondsPath": "$.x"}));
    assert_eq!(
        failure(&missing, &input),
        runtime("Invalid path '$.x' : No results for path: $['x']")
    );
    let expression: Field<Value> =
        jsonata("Seconds", json!({"Seconds": "{% $states.input.s + 1 %}"}));
    assert!(expression.is_jsonata());
    assert_eq!(resolve(&expression, &input).unwrap(), json!(6));
    // Text is no expression in a JSONPath state.
    let text: Field<Value> = jsonpath("Seconds", json!({"Seconds": "{% 1 %}"}));
    assert_eq!(resolve(&text, &input).unwrap(), json!("{% 1 %}"));
    let call: Field<Value> = field(
        "Seconds",
        json!({"SecondsPath": "States.Format('x{}', $.name)"}),
        QueryLanguage::JsonPath,
        true,
    );
    assert_eq!(resolve(&call, &input).unwrap(), json!("xn"));
    let none = Field::<Value>::pair(
        json!({}).as_object().unwrap(),
        "Seconds",
        QueryLanguage::JsonPath,
        false,
        "",
    );
    assert!(none.unwrap().is_none());
    assert!(Field::<Value>::pair(
        json!({"SecondsPath": 1}).as_object().unwrap(),
        "Seconds",
        QueryLanguage::JsonPath,
        false,
        "/States/W"
    )
    .is_err());
}

#[test]
fn a_failing_expression_names_the_field() {
    let f: Field<Value> = jsonata("Seconds", json!({"Seconds": "{% $nothing %}"}));
    let (error, cause) = failure(&f, &json!({}));
    assert_eq!(error, names::QUERY_EVALUATION_ERROR);
    assert!(
        cause.contains("specified for the field 'Seconds'"),
        "{cause}"
    );
}

#[test]
fn fail_error_and_cause_are_text() {
    let input = json!({"e": "Boom", "n": 1, "o": {"a": 1}});
    let literal: Field<String> = jsonpath("Error", json!({"Error": "E"}));
    assert_eq!(resolve(&literal, &input).unwrap(), "E");
    let path: Field<String> = jsonpath("Error", json!({"ErrorPath": "$.e"}));
    assert_eq!(resolve(&path, &input).unwrap(), "Boom");
    let number: Field<String> = jsonpath("Cause", json!({"CausePath": "$.n"}));
    assert_eq!(resolve(&number, &input).unwrap(), "1");
    let object: Field<String> = jsonpath("Cause", json!({"CausePath": "$.o"}));
    assert_eq!(resolve(&object, &input).unwrap(), r#"{"a":1}"#);
    let expression: Field<String> = jsonata("Cause", json!({"Cause": "{% $states.input.n + 1 %}"}));
    assert_eq!(resolve(&expression, &input).unwrap(), "2");
    let call: Field<String> = field(
        "Error",
        json!({"ErrorPath": "States.Format('E{}', $.n)"}),
        QueryLanguage::JsonPath,
        true,
    );
    assert_eq!(resolve(&call, &input).unwrap(), "E1");
    let missing: Field<String> = jsonpath("Cause", json!({"CausePath": "$.x"}));
    assert_eq!(
        failure(&missing, &json!({"a": "b"})),
        runtime(
            "The JSONPath '$.x' specified for the field 'CausePath' could not be found in the input '{\"a\":\"b\"}'"
        )
    );
    let bad_call: Field<String> = field(
        "Error",
        json!({"ErrorPath": "States.Nope(1)"}),
        QueryLanguage::JsonPath,
        true,
    );
    assert_eq!(failure(&bad_call, &input).0, names::INTRINSIC_FAILURE);
}

#[test]
fn a_condition_is_a_boolean() {
    let input = json!({"n": 2});
    let literal: Field<bool> = jsonata("Condition", json!({"Condition": true}));
    assert!(resolve(&literal, &input).unwrap());
    let expression: Field<bool> = jsonata(
        "Condition",
        json!({"Condition": "{% $states.input.n > 1 %}"}),
    );
    assert!(resolve(&expression, &input).unwrap());
    let number: Field<bool> = jsonata("Condition", json!({"Condition": "{% $states.input.n %}"}));
    assert_eq!(
        failure(&number, &input),
        query("The Condition field evaluated to a non-boolean value: 2")
    );
    let text: Field<bool> = jsonata("Condition", json!({"Condition": "yes"}));
    assert_eq!(
        failure(&text, &input),
        query("The Condition field evaluated to a non-boolean value: \"yes\"")
    );
}

#[test]
fn wait_seconds_are_whole_and_not_negative() {
    let input = json!({"s": 5, "neg": -1, "half": 1.5, "text": "5", "huge": u64::MAX});
    let long = "The SecondsPath parameter cannot be parsed as a long value";
    jsonpath_cases(
        "Seconds",
        &input,
        [
            (json!({"Seconds": 0}), Ok(WaitSeconds(0))),
            (json!({"SecondsPath": "$.s"}), Ok(WaitSeconds(5))),
            // Past i64: the Wait finds it too long.
            (json!({"SecondsPath": "$.huge"}), Ok(WaitSeconds(u64::MAX))),
            (
                json!({"SecondsPath": "$.neg"}),
                Err(runtime(
                    "The SecondsPath parameter references a negative value: $.neg == -1",
                )),
            ),
            (
                json!({"SecondsPath": "$.half"}),
                Err(runtime(&format!("{long}: $.half == 1.5"))),
            ),
            (
                json!({"SecondsPath": "$.text"}),
                Err(runtime(&format!("{long}: $.text == \"5\""))),
            ),
            (
                json!({"SecondsPath": "$.x"}),
                Err(runtime(
                    "The SecondsPath parameter does not reference an input value: $.x",
                )),
            ),
        ],
    );
    let expression: Field<WaitSeconds> =
        jsonata("Seconds", json!({"Seconds": "{% $states.input.s * 2 %}"}));
    assert_eq!(resolve(&expression, &input), Ok(WaitSeconds(10)));
    let negative: Field<WaitSeconds> = jsonata("Seconds", json!({"Seconds": "{% -1 %}"}));
    assert_eq!(
        failure(&negative, &input),
        query("The Seconds field must be a non-negative integer, but was: -1")
    );
    let literal: Field<WaitSeconds> = jsonata("Seconds", json!({"Seconds": 1.5}));
    assert_eq!(
        failure(&literal, &input),
        query("The Seconds field must be a non-negative integer, but was: 1.5")
    );
}

#[test]
fn a_timestamp_is_rfc3339_worded_by_form_and_language() {
    let input = json!({"t": "2030-01-02T03:04:05Z", "bad": "2030-01-02 03:04:05", "n": 1});
    let at = timestamp::parse("2030-01-02T03:04:05Z").unwrap();
    let literal: Field<Timestamp> =
        jsonpath("Timestamp", json!({"Timestamp": "2030-01-02T03:04:05Z"}));
    assert_eq!(resolve(&literal, &input), Ok(Timestamp(at)));
    let path: Field<Timestamp> = jsonpath("Timestamp", json!({"TimestampPath": "$.t"}));
    assert_eq!(resolve(&path, &input), Ok(Timestamp(at)));
    let expression: Field<Timestamp> =
        jsonata("Timestamp", json!({"Timestamp": "{% $states.input.t %}"}));
    assert_eq!(resolve(&expression, &input), Ok(Timestamp(at)));
    let bad_path: Field<Timestamp> = jsonpath("Timestamp", json!({"TimestampPath": "$.bad"}));
    assert_eq!(
        failure(&bad_path, &input),
        runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.bad == 2030-01-02 03:04:05")
    );
    let number: Field<Timestamp> = jsonpath("Timestamp", json!({"TimestampPath": "$.n"}));
    assert_eq!(
        failure(&number, &input),
        runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.n == 1")
    );
    let missing: Field<Timestamp> = jsonpath("Timestamp", json!({"TimestampPath": "$.x"}));
    assert_eq!(
        failure(&missing, &input),
        runtime("Invalid path '$.x' : No results for path: $['x']")
    );
    let message = "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2030-01-02 03:04:05";
    let bad_expression: Field<Timestamp> =
        jsonata("Timestamp", json!({"Timestamp": "{% $states.input.bad %}"}));
    assert_eq!(failure(&bad_expression, &input), query(message));
    let bad_literal: Field<Timestamp> =
        jsonpath("Timestamp", json!({"Timestamp": "2030-01-02 03:04:05"}));
    assert_eq!(failure(&bad_literal, &input), runtime(message));
}

#[test]
fn task_seconds_are_positive() {
    let input = json!({"t": 30, "zero": 0, "half": 1.5});
    let invalid = "The TimeoutSecondsPath parameter references an invalid value";
    jsonpath_cases(
        "TimeoutSeconds",
        &input,
        [
            (json!({"TimeoutSeconds": 10}), Ok(TaskSeconds(10))),
            (json!({"TimeoutSecondsPath": "$.t"}), Ok(TaskSeconds(30))),
            (
                json!({"TimeoutSecondsPath": "$.zero"}),
                Err(runtime(&format!("{invalid}: $.zero == 0"))),
            ),
            (
                json!({"TimeoutSecondsPath": "$.half"}),
                Err(runtime(&format!("{invalid}: $.half == 1.5"))),
            ),
            (
                json!({"TimeoutSecondsPath": "$.x"}),
                Err(runtime("Invalid path '$.x' : No results for path: $['x']")),
            ),
        ],
    );
    let expression: Field<TaskSeconds> = jsonata(
        "HeartbeatSeconds",
        json!({"HeartbeatSeconds": "{% $states.input.t %}"}),
    );
    assert_eq!(resolve(&expression, &input), Ok(TaskSeconds(30)));
    let zero: Field<TaskSeconds> =
        jsonata("HeartbeatSeconds", json!({"HeartbeatSeconds": "{% 0 %}"}));
    assert_eq!(
        failure(&zero, &input),
        query("The HeartbeatSeconds field must be a positive integer, but was: 0")
    );
}

#[test]
fn max_concurrency_by_path_must_be_a_whole_number() {
    let input = json!({"n": 3, "text": "4", "neg": -1, "o": {}, "half": 1.5});
    let not_whole = |path: &str, shown: &str| {
        Err(runtime(&format!(
            "The MaxConcurrencyPath field refers to value \"{shown}\" which is not a valid integer: {path}"
        )))
    };
    jsonpath_cases(
        "MaxConcurrency",
        &input,
        [
            (json!({"MaxConcurrency": 2}), Ok(MaxConcurrency(2))),
            (json!({"MaxConcurrencyPath": "$.n"}), Ok(MaxConcurrency(3))),
            (
                json!({"MaxConcurrencyPath": "$.text"}),
                Ok(MaxConcurrency(4)),
            ),
            (
                json!({"MaxConcurrencyPath": "$.neg"}),
                not_whole("$.neg", "-1"),
            ),
            (json!({"MaxConcurrencyPath": "$.o"}), not_whole("$.o", "{}")),
            (
                json!({"MaxConcurrencyPath": "$.half"}),
                not_whole("$.half", "1.5"),
            ),
            (
                json!({"MaxConcurrencyPath": "$.x"}),
                Err(runtime("Invalid path '$.x' : No results for path: $['x']")),
            ),
        ],
    );
    let expression: Field<MaxConcurrency> = jsonata(
        "MaxConcurrency",
        json!({"MaxConcurrency": "{% $states.input.n %}"}),
    );
    assert_eq!(resolve(&expression, &input), Ok(MaxConcurrency(3)));
    // A computed value that is no whole number sets no limit.
    let object: Field<MaxConcurrency> = jsonata(
        "MaxConcurrency",
        json!({"MaxConcurrency": "{% $states.input.o %}"}),
    );
    assert_eq!(resolve(&object, &input), Ok(MaxConcurrency(0)));
}

#[test]
fn a_tolerated_failure_count_is_a_whole_number_not_negative() {
    let input = json!({"n": 2, "text": " 3 ", "neg": -1, "half": 1.5});
    jsonpath_cases(
        "ToleratedFailureCount",
        &input,
        [
            (json!({"ToleratedFailureCount": 1}), Ok(FailureCount(1))),
            (json!({"ToleratedFailureCountPath": "$.n"}), Ok(FailureCount(2))),
            (json!({"ToleratedFailureCountPath": "$.text"}), Ok(FailureCount(3))),
            (
                json!({"ToleratedFailureCountPath": "$.neg"}),
                Err(runtime("ToleratedFailureCount cannot be negative.")),
            ),
            (
                json!({"ToleratedFailureCountPath": "$.half"}),
                Err(runtime("The ToleratedFailureCountPath field refers to value \"1.5\" which is not a valid integer: $.half")),
            ),
        ],
    );
    let expression: Field<FailureCount> = jsonata(
        "ToleratedFailureCount",
        json!({"ToleratedFailureCount": "{% 'x' %}"}),
    );
    assert_eq!(
        failure(&expression, &input),
        runtime("The ToleratedFailureCountPath field refers to value \"x\" which is not a valid integer: ")
    );
    let ok: Field<FailureCount> = jsonata(
        "ToleratedFailureCount",
        json!({"ToleratedFailureCount": "{% $states.input.n %}"}),
    );
    assert_eq!(resolve(&ok, &input), Ok(FailureCount(2)));
}

#[test]
fn a_tolerated_failure_percentage_is_from_0_to_100() {
    let input = json!({"p": 1.1, "text": "50", "over": 100.1, "neg": -1, "o": {"a": 1}});
    let out_of_range = || {
        Err(runtime(
            "ToleratedFailurePercentage must be between 0 and 100.",
        ))
    };
    jsonpath_cases(
        "ToleratedFailurePercentage",
        &input,
        [
            (
                json!({"ToleratedFailurePercentage": 100}),
                Ok(FailurePercentage(100.0)),
            ),
            (
                json!({"ToleratedFailurePercentagePath": "$.p"}),
                Ok(FailurePercentage(1.1)),
            ),
            (
                json!({"ToleratedFailurePercentagePath": "$.text"}),
                Ok(FailurePercentage(50.0)),
            ),
            (json!({"ToleratedFailurePercentagePath": "$.over"}), out_of_range()),
            (json!({"ToleratedFailurePercentagePath": "$.neg"}), out_of_range()),
            (
                json!({"ToleratedFailurePercentagePath": "$.o"}),
                Err(runtime("The ToleratedFailurePercentagePath field refers to value \"{\"a\":1}\" which is not a valid float: $.o")),
            ),
        ],
    );
    let expression: Field<FailurePercentage> = jsonata(
        "ToleratedFailurePercentage",
        json!({"ToleratedFailurePercentage": "{% $states.input.p * 10 %}"}),
    );
    assert_eq!(resolve(&expression, &input), Ok(FailurePercentage(11.0)));
}

#[test]
fn max_items_is_whole_and_a_negative_one_fails_the_reader() {
    let input = json!({"n": 7, "null": null, "neg": -1, "half": 1.5, "text": "abc"});
    let not_whole = |shown: &str| {
        Err(runtime(&format!(
            "The MaxItemsPath field refers to value \"{shown}\" which is not a valid integer"
        )))
    };
    jsonpath_cases(
        "MaxItems",
        &input,
        [
            (json!({"MaxItems": 5}), Ok(MaxItems(5))),
            (json!({"MaxItemsPath": "$.n"}), Ok(MaxItems(7))),
            (json!({"MaxItemsPath": "$.null"}), Ok(MaxItems(0))),
            (
                json!({"MaxItemsPath": "$.neg"}),
                Err((
                    names::ITEM_READER_FAILED.into(),
                    "field MaxItems must be positive".into(),
                )),
            ),
            (json!({"MaxItemsPath": "$.half"}), not_whole("1.5")),
            (json!({"MaxItemsPath": "$.text"}), not_whole("abc")),
        ],
    );
    let expression: Field<MaxItems> =
        jsonata("MaxItems", json!({"MaxItems": "{% $states.input.n + 1 %}"}));
    assert_eq!(resolve(&expression, &input), Ok(MaxItems(8)));
}

#[test]
fn batch_limits_are_whole_and_null_is_unset() {
    let input = json!({"n": 4, "null": null, "neg": -2, "o": [1]});
    jsonpath_cases(
        "MaxItemsPerBatch",
        &input,
        [
            (json!({"MaxItemsPerBatch": 2}), Ok(BatchLimit(Some(2)))),
            (json!({"MaxItemsPerBatchPath": "$.n"}), Ok(BatchLimit(Some(4)))),
            (json!({"MaxItemsPerBatchPath": "$.null"}), Ok(BatchLimit(None))),
            (json!({"MaxItemsPerBatchPath": "$.neg"}), Ok(BatchLimit(Some(0)))),
            (
                json!({"MaxItemsPerBatchPath": "$.o"}),
                Err(runtime("The MaxItemsPerBatchPath field refers to value \"[1]\" which is not a valid integer")),
            ),
        ],
    );
    let bytes: Field<BatchLimit> = jsonata(
        "MaxInputBytesPerBatch",
        json!({"MaxInputBytesPerBatch": "{% 'x' %}"}),
    );
    assert_eq!(
        failure(&bytes, &input),
        runtime("The MaxInputBytesPerBatchPath field refers to value \"x\" which is not a valid integer")
    );
}
