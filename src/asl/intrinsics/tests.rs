use super::*;
use crate::asl::field::Path;
use crate::asl::vars::NoVariables;
use serde_json::json;

fn eval(expr: &str, input: Value) -> Result<Value, StatesError> {
    let context = json!({"StateMachine": {"Id": "arn:sm", "Name": "my-machine-name"}});
    evaluate(expr, &Scope::new(&input, &context, &NoVariables))
}

fn ok(expr: &str, input: Value) -> Value {
    eval(expr, input).unwrap_or_else(|e| panic!("{expr}: {e}"))
}

fn fails(expr: &str, input: Value) -> StatesError {
    eval(expr, input).expect_err(expr)
}

#[test]
fn format_renders_like_java() {
    assert_eq!(
        ok(
            "States.Format('fst={} and snd={}.', $.a, $.b)",
            json!({"a": {"Arg1": 1, "Arg2": []}, "b": null})
        ),
        json!("fst={Arg1=1, Arg2=[]} and snd=null.")
    );
    assert_eq!(
        ok(
            "States.Format('{} {} {}', $.a, $.b, $.c)",
            json!({"a": 1.1, "b": 2, "c": " "})
        ),
        json!("1.1 2  ")
    );
    assert_eq!(
        ok("States.Format('x={}', $$.StateMachine)", json!({})),
        json!("x={Id=arn:sm, Name=my-machine-name}")
    );
    assert_eq!(
        ok(r"States.Format('\{\} {}\'s \\', 'Bob')", json!({})),
        json!(r"{} Bob's \")
    );
    assert_eq!(
        fails("States.Format('{} {}', 'a')", json!({}))
            .error
            .as_deref(),
        Some("States.IntrinsicFailure")
    );
}

#[test]
fn json_conversions() {
    assert_eq!(
        ok("States.StringToJson($.s)", json!({"s": ""})),
        Value::Null
    );
    assert_eq!(
        ok("States.StringToJson($.s)", json!({"s": " "})),
        Value::Null
    );
    assert_eq!(ok("States.StringToJson($.s)", json!({"s": "-0"})), json!(0));
    assert_eq!(
        ok("States.StringToJson($.s)", json!({"s": "1.1"})),
        json!(1.1)
    );
    assert_eq!(
        ok("States.StringToJson($.s)", json!({"s": "{\"a\": [1]}"})),
        json!({"a": [1]})
    );
    assert_eq!(
        ok(
            "States.JsonToString($.x)",
            json!({"x": {"Arg1": 1, "Arg2": []}})
        ),
        json!("{\"Arg1\":1,\"Arg2\":[]}")
    );
    assert_eq!(
        ok("States.JsonToString($.x)", json!({"x": "Hi"})),
        json!("\"Hi\"")
    );
}

#[test]
fn arrays() {
    assert_eq!(ok("States.Array()", json!({})), json!([]));
    assert_eq!(
        ok(
            "States.Array('Foo', 2020, $.j, null, false)",
            json!({"j": {"a": 1}})
        ),
        json!(["Foo", 2020, {"a": 1}, null, false])
    );
    assert_eq!(
        ok("States.ArrayPartition($.a, 2)", json!({"a": [0, 1, 2]})),
        json!([[0, 1], [2]])
    );
    assert_eq!(
        ok("States.ArrayPartition($.a, 4)", json!({"a": []})),
        json!([])
    );
    assert_eq!(
        ok(
            "States.ArrayContains($.a, $.b)",
            json!({"a": [[1, 2, 3], 2], "b": [1, 2, 3]})
        ),
        json!(true)
    );
    assert_eq!(
        ok("States.ArrayRange(0, 10, 3)", json!({})),
        json!([0, 3, 6, 9])
    );
    assert_eq!(ok("States.ArrayRange(1, 9, 9)", json!({})), json!([1]));
    assert_eq!(
        ok("States.ArrayRange(5, 1, -2)", json!({})),
        json!([5, 3, 1])
    );
    assert!(eval("States.ArrayRange(0, 2000, 1)", json!({})).is_err());
    assert!(eval("States.ArrayRange(0, 2, 0)", json!({})).is_err());
    assert_eq!(
        ok(
            "States.ArrayGetItem($.a, 5)",
            json!({"a": [1, 2, 3, 4, 5, 6]})
        ),
        json!(6)
    );
    assert!(eval("States.ArrayGetItem($.a, 6)", json!({"a": [1]})).is_err());
    assert_eq!(
        ok("States.ArrayLength($.a)", json!({"a": [1, 2]})),
        json!(2)
    );
    assert_eq!(
        ok(
            "States.ArrayUnique($.a)",
            json!({"a": [1, 2, 2, 3, {"x": 1}, {"x": 1}]})
        ),
        json!([1, 2, 3, {"x": 1}])
    );
}

#[test]
fn encodings_and_hashes() {
    assert_eq!(
        ok("States.Base64Encode('Data to encode')", json!({})),
        json!("RGF0YSB0byBlbmNvZGU=")
    );
    assert_eq!(
        ok("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", json!({})),
        json!("Data to encode")
    );
    assert_eq!(ok("States.Base64Decode('')", json!({})), json!(""));
    assert_eq!(
        ok("States.Hash('input data', 'SHA-1')", json!({})),
        json!("aaff4a450a104cd177d28d18d74485e8cae074b7")
    );
    assert_eq!(
        ok("States.Hash('input data', 'SHA-256')", json!({})),
        json!("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")
    );
    assert!(eval("States.Hash('x', 'SHA-2')", json!({})).is_err());
}

#[test]
fn merge_math_split() {
    assert_eq!(
        ok(
            "States.JsonMerge($.a, $.b, false)",
            json!({"a": {"a": {"a1": 1}, "b": 2}, "b": {"a": {"a3": 1}, "c": 3}})
        ),
        json!({"a": {"a3": 1}, "b": 2, "c": 3})
    );
    assert!(eval("States.JsonMerge($.a, $.a, true)", json!({"a": {}})).is_err());
    for (a, b, sum) in [
        (1.49, 1.5, 3),
        (2.5, 0.0, 3),
        (-1.5, 0.0, -1),
        (-2.5, 0.0, -2),
        (-0.5, 0.5, 1),
        (-1.5, -1.51, -3),
    ] {
        assert_eq!(
            ok("States.MathAdd($.a, $.b)", json!({"a": a, "b": b})),
            json!(sum),
            "{a} + {b}"
        );
    }
    assert_eq!(
        ok(
            "States.MathAdd(States.ArrayLength($.x), -1)",
            json!({"x": [1]})
        ),
        json!(0)
    );
    assert_eq!(
        ok(
            "States.StringSplit($.s, $.d)",
            json!({"s": "This.is+a,test=string", "d": ".+,="})
        ),
        json!(["This", "is", "a", "test", "string"])
    );
    assert_eq!(ok("States.StringSplit(',,,,', ',')", json!({})), json!([]));
    assert_eq!(
        ok("States.StringSplit(', , ,', ',')", json!({})),
        json!([" ", " "])
    );
}

#[test]
fn math_random_is_deterministic_with_a_seed() {
    let a = ok("States.MathRandom(0, 999, 3)", json!({}));
    assert_eq!(a, ok("States.MathRandom(0, 999, 3)", json!({})));
    let n = a.as_i64().unwrap();
    assert!((0..=999).contains(&n));
    for _ in 0..50 {
        let v = ok("States.MathRandom(-5, 5)", json!({})).as_i64().unwrap();
        assert!((-5..=5).contains(&v));
    }
}

#[test]
fn nested_calls_and_context_paths() {
    assert_eq!(
        ok(
            "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
            json!({})
        ),
        json!("name")
    );
    assert!(is_uuid(&ok("States.UUID()", json!({}))));
}

fn is_uuid(v: &Value) -> bool {
    v.as_str()
        .and_then(|s| uuid::Uuid::parse_str(s).ok())
        .is_some_and(|u| u.get_version_num() == 4)
}

#[test]
fn missing_path_arguments_are_path_failures() {
    let input = json!({});
    let scope = Scope::new(&input, &Value::Null, &NoVariables);
    assert!(matches!(
        evaluate_detailed("States.Format('{}', $.nope)", &scope),
        Err(Failure::Path { path, .. }) if path == "$.nope"
    ));
    assert!(fails("States.ArrayLength($.nope)", json!({})).is_runtime());
}

#[test]
fn parse_checks_names_arity_and_syntax() {
    let nested = |n: usize| format!("{}$.a{}", "States.Array(".repeat(n), ")".repeat(n));
    assert!(parse(&nested(10)).is_ok());
    assert!(parse(&nested(11)).is_err());
    for bad in [
        "States.ArrayRange(1, 10)",
        "States.MathAdd(1)",
        "States.Format('{}', $..)",
        "States.Format(\"hello\")",
        "States.Format(hello)",
        "States.format('x')",
        "States.JsonToString($",
        "States.StringToJson $.escaped)",
        "States. ",
        r#"States.StringToJson('{"a":"b \"q\""}')"#,
        "States.Format('dangling \\",
        "States.UUID() x",
    ] {
        assert!(parse(bad).is_err(), "{bad}");
    }
    let call = parse("States.Format('Hi {}\\'s', $.name, States.UUID())").unwrap();
    assert_eq!(call.name, "States.Format");
    assert_eq!(
        call.args,
        vec![
            Arg::String {
                value: "Hi {}'s".into(),
                raw: "Hi {}\\'s".into()
            },
            Arg::Path(Path::new("$.name")),
            Arg::Call(Call {
                name: "States.UUID".into(),
                args: vec![]
            })
        ]
    );
    assert!(parse("States.Array('a,b', $.x['c,d'], -1.5e2, true)").is_ok());
}

/// Each way a call fails to parse, with the message the validator and a failed
/// evaluation show.
#[test]
fn each_parse_error_is_typed() {
    let nested = |n: usize| format!("{}$.a{}", "States.Array(".repeat(n), ")".repeat(n));
    let cases: Vec<(String, CallError, &str)> = vec![
        (
            nested(11),
            CallError::TooDeep { text: nested(11) },
            "Intrinsic functions can be nested at most 10 levels deep",
        ),
        (
            "States.Nope(1)".into(),
            CallError::UnknownFunction("States.Nope".into()),
            "Unknown intrinsic function: 'States.Nope'",
        ),
        (
            "States.UUID".into(),
            CallError::NoParenthesis("States.UUID".into()),
            "Expected '(' after States.UUID",
        ),
        (
            "States.Array(1 2)".into(),
            CallError::UnclosedArguments("States.Array".into()),
            "Expected ',' or ')' in the arguments of States.Array",
        ),
        (
            "States.UUID(1)".into(),
            CallError::ArgumentCount {
                name: "States.UUID".into(),
                expected: "0".into(),
                received: 1,
            },
            "The function States.UUID expects 0 argument(s) but received 1",
        ),
        (
            "States.Array(1.2.3)".into(),
            CallError::Number("1.2.3".into()),
            "Invalid number argument: 1.2.3",
        ),
        (
            "States.Array(nope)".into(),
            CallError::Argument {
                position: 13,
                text: "States.Array(nope)".into(),
            },
            "Invalid argument at position 13",
        ),
        (
            r"States.Format('\n')".into(),
            CallError::Escape {
                escape: 'n',
                text: r"States.Format('\n')".into(),
            },
            r"Invalid escape sequence '\n' in a string literal",
        ),
        (
            "States.Format('x".into(),
            CallError::UnterminatedString {
                text: "States.Format('x".into(),
            },
            "Unterminated string literal: States.Format('x",
        ),
        (
            "States.UUID() x".into(),
            CallError::TrailingText {
                position: 14,
                text: "States.UUID() x".into(),
            },
            "Unexpected text after the intrinsic function call at position 14",
        ),
    ];
    for (text, expected, message) in cases {
        let error = parse(&text).unwrap_err();
        assert_eq!(error, expected, "{text}");
        assert!(error.to_string().starts_with(message), "{error}");
    }
    let error = parse("States.Array($..)").unwrap_err();
    assert!(
        matches!(error, CallError::Path(PathError::Invalid(_))),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with("Invalid JSONPath '$..'"),
        "{error}"
    );
}
