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

/// The error of resolving `field` against `input`, as `(error, cause)`.
fn failure<T: FieldType + std::fmt::Debug>(field: &Field<T>, input: &Value) -> (String, String) {
    let e = resolve(field, input).unwrap_err();
    (e.error.unwrap_or_default(), e.cause.unwrap_or_default())
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
    let seconds = |obj| jsonpath::<WaitSeconds>("Seconds", obj);
    assert_eq!(
        resolve(&seconds(json!({"Seconds": 0})), &input),
        Ok(WaitSeconds(0))
    );
    assert_eq!(
        resolve(&seconds(json!({"SecondsPath": "$.s"})), &input),
        Ok(WaitSeconds(5))
    );
    // Past i64: the Wait finds it too long.
    assert_eq!(
        resolve(&seconds(json!({"SecondsPath": "$.huge"})), &input),
        Ok(WaitSeconds(u64::MAX))
    );
    assert_eq!(
        failure(&seconds(json!({"SecondsPath": "$.neg"})), &input),
        runtime("The SecondsPath parameter references a negative value: $.neg == -1")
    );
    assert_eq!(
        failure(&seconds(json!({"SecondsPath": "$.half"})), &input),
        runtime("The SecondsPath parameter cannot be parsed as a long value: $.half == 1.5")
    );
    assert_eq!(
        failure(&seconds(json!({"SecondsPath": "$.text"})), &input),
        runtime("The SecondsPath parameter cannot be parsed as a long value: $.text == \"5\"")
    );
    assert_eq!(
        failure(&seconds(json!({"SecondsPath": "$.x"})), &input),
        runtime("The SecondsPath parameter does not reference an input value: $.x")
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
    let timeout = |obj| jsonpath::<TaskSeconds>("TimeoutSeconds", obj);
    assert_eq!(
        resolve(&timeout(json!({"TimeoutSeconds": 10})), &input),
        Ok(TaskSeconds(10))
    );
    assert_eq!(
        resolve(&timeout(json!({"TimeoutSecondsPath": "$.t"})), &input),
        Ok(TaskSeconds(30))
    );
    assert_eq!(
        failure(&timeout(json!({"TimeoutSecondsPath": "$.zero"})), &input),
        runtime("The TimeoutSecondsPath parameter references an invalid value: $.zero == 0")
    );
    assert_eq!(
        failure(&timeout(json!({"TimeoutSecondsPath": "$.half"})), &input),
        runtime("The TimeoutSecondsPath parameter references an invalid value: $.half == 1.5")
    );
    assert_eq!(
        failure(&timeout(json!({"TimeoutSecondsPath": "$.x"})), &input),
        runtime("Invalid path '$.x' : No results for path: $['x']")
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
    let max = |obj| jsonpath::<MaxConcurrency>("MaxConcurrency", obj);
    assert_eq!(
        resolve(&max(json!({"MaxConcurrency": 2})), &input),
        Ok(MaxConcurrency(2))
    );
    assert_eq!(
        resolve(&max(json!({"MaxConcurrencyPath": "$.n"})), &input),
        Ok(MaxConcurrency(3))
    );
    assert_eq!(
        resolve(&max(json!({"MaxConcurrencyPath": "$.text"})), &input),
        Ok(MaxConcurrency(4))
    );
    for (path, shown) in [("$.neg", "-1"), ("$.o", "{}"), ("$.half", "1.5")] {
        assert_eq!(
            failure(&max(json!({"MaxConcurrencyPath": path})), &input),
            runtime(&format!(
                "The MaxConcurrencyPath field refers to value \"{shown}\" which is not a valid integer: {path}"
            ))
        );
    }
    assert_eq!(
        failure(&max(json!({"MaxConcurrencyPath": "$.x"})), &input),
        runtime("Invalid path '$.x' : No results for path: $['x']")
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
    let count = |obj| jsonpath::<FailureCount>("ToleratedFailureCount", obj);
    assert_eq!(
        resolve(&count(json!({"ToleratedFailureCount": 1})), &input),
        Ok(FailureCount(1))
    );
    assert_eq!(
        resolve(&count(json!({"ToleratedFailureCountPath": "$.n"})), &input),
        Ok(FailureCount(2))
    );
    assert_eq!(
        resolve(
            &count(json!({"ToleratedFailureCountPath": "$.text"})),
            &input
        ),
        Ok(FailureCount(3))
    );
    assert_eq!(
        failure(
            &count(json!({"ToleratedFailureCountPath": "$.neg"})),
            &input
        ),
        runtime("ToleratedFailureCount cannot be negative.")
    );
    assert_eq!(
        failure(&count(json!({"ToleratedFailureCountPath": "$.half"})), &input),
        runtime("The ToleratedFailureCountPath field refers to value \"1.5\" which is not a valid integer: $.half")
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
    let percent = |obj| jsonpath::<FailurePercentage>("ToleratedFailurePercentage", obj);
    assert_eq!(
        resolve(&percent(json!({"ToleratedFailurePercentage": 100})), &input),
        Ok(FailurePercentage(100.0))
    );
    assert_eq!(
        resolve(
            &percent(json!({"ToleratedFailurePercentagePath": "$.p"})),
            &input
        ),
        Ok(FailurePercentage(1.1))
    );
    assert_eq!(
        resolve(
            &percent(json!({"ToleratedFailurePercentagePath": "$.text"})),
            &input
        ),
        Ok(FailurePercentage(50.0))
    );
    for path in ["$.over", "$.neg"] {
        assert_eq!(
            failure(
                &percent(json!({"ToleratedFailurePercentagePath": path})),
                &input
            ),
            runtime("ToleratedFailurePercentage must be between 0 and 100.")
        );
    }
    assert_eq!(
        failure(&percent(json!({"ToleratedFailurePercentagePath": "$.o"})), &input),
        runtime("The ToleratedFailurePercentagePath field refers to value \"{\"a\":1}\" which is not a valid float: $.o")
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
    let max = |obj| jsonpath::<MaxItems>("MaxItems", obj);
    assert_eq!(
        resolve(&max(json!({"MaxItems": 5})), &input),
        Ok(MaxItems(5))
    );
    assert_eq!(
        resolve(&max(json!({"MaxItemsPath": "$.n"})), &input),
        Ok(MaxItems(7))
    );
    assert_eq!(
        resolve(&max(json!({"MaxItemsPath": "$.null"})), &input),
        Ok(MaxItems(0))
    );
    assert_eq!(
        failure(&max(json!({"MaxItemsPath": "$.neg"})), &input),
        (
            names::ITEM_READER_FAILED.into(),
            "field MaxItems must be positive".into()
        )
    );
    assert_eq!(
        failure(&max(json!({"MaxItemsPath": "$.half"})), &input),
        runtime("The MaxItemsPath field refers to value \"1.5\" which is not a valid integer")
    );
    assert_eq!(
        failure(&max(json!({"MaxItemsPath": "$.text"})), &input),
        runtime("The MaxItemsPath field refers to value \"abc\" which is not a valid integer")
    );
    let expression: Field<MaxItems> =
        jsonata("MaxItems", json!({"MaxItems": "{% $states.input.n + 1 %}"}));
    assert_eq!(resolve(&expression, &input), Ok(MaxItems(8)));
}

#[test]
fn batch_limits_are_whole_and_null_is_unset() {
    let input = json!({"n": 4, "null": null, "neg": -2, "o": [1]});
    let limit = |obj| jsonpath::<BatchLimit>("MaxItemsPerBatch", obj);
    assert_eq!(
        resolve(&limit(json!({"MaxItemsPerBatch": 2})), &input),
        Ok(BatchLimit(Some(2)))
    );
    assert_eq!(
        resolve(&limit(json!({"MaxItemsPerBatchPath": "$.n"})), &input),
        Ok(BatchLimit(Some(4)))
    );
    assert_eq!(
        resolve(&limit(json!({"MaxItemsPerBatchPath": "$.null"})), &input),
        Ok(BatchLimit(None))
    );
    assert_eq!(
        resolve(&limit(json!({"MaxItemsPerBatchPath": "$.neg"})), &input),
        Ok(BatchLimit(Some(0)))
    );
    assert_eq!(
        failure(&limit(json!({"MaxItemsPerBatchPath": "$.o"})), &input),
        runtime(
            "The MaxItemsPerBatchPath field refers to value \"[1]\" which is not a valid integer"
        )
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
