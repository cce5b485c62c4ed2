use super::*;
use crate::asl::vars::NoVariables;
use serde_json::json;

#[test]
fn deeply_nested_filters_are_refused_before_the_query_parser_recurses() {
    let deep = format!("$[?({}@.a == 1{})]", "(".repeat(4000), ")".repeat(4000));
    let err = check(&deep).unwrap_err();
    assert!(err.detail().contains("nest more than 64 levels"), "{err:?}");
    let fine = format!("$[?({}@.a == 1{})]", "(".repeat(10), ")".repeat(10));
    assert!(check(&fine).is_ok());
}

fn read_input(path: &str, input: &Value) -> Result<Value, PathError> {
    let context = json!({"Execution": {"Name": "exec"}});
    read(path, &Scope::new(input, &context, &NoVariables))
}

#[test]
fn definite_paths_select_one_value() {
    let input = json!({"a": {"b": [10, 20, {"c": "x"}]}, "k-1": 1});
    assert_eq!(read_input("$", &input).unwrap(), input);
    assert_eq!(read_input("$.a.b[1]", &input).unwrap(), json!(20));
    assert_eq!(read_input("$.a.b[-1].c", &input).unwrap(), json!("x"));
    assert_eq!(read_input("$['a']['b'][0]", &input).unwrap(), json!(10));
    assert_eq!(read_input("$.k-1", &input).unwrap(), json!(1));
    assert_eq!(read_input("$.a.['b'].[0]", &input).unwrap(), json!(10));
}

#[test]
fn missing_fields_fail_with_jayway_texts() {
    let input = json!({"a": {"b": 1}});
    assert_eq!(
        read_input("$.x", &input).unwrap_err().detail(),
        "No results for path: $['x']"
    );
    assert_eq!(
        read_input("$.a.x", &input).unwrap_err().detail(),
        "No results for path: $['a']['x']"
    );
    assert_eq!(
        read_input("$.no.such.result.path", &input)
            .unwrap_err()
            .detail(),
        "Missing property in path $['no']"
    );
    assert_eq!(
        read_input("$.a.b.c", &input).unwrap_err(),
        PathError::Invalid(
            "Expected to find an object with property ['c'] in path $['a']['b'] but found \
                 'com.fasterxml.jackson.databind.node.IntNode'. This is not a json object \
                 according to the JsonProvider: \
                 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'."
                .to_string()
        )
    );
}

#[test]
fn indefinite_paths_yield_arrays() {
    let input = json!({"items": [{"v": 1}, {"v": 2}, {"v": 3}, {"w": 4}]});
    assert_eq!(
        read_input("$.items[*].v", &input).unwrap(),
        json!([1, 2, 3])
    );
    assert_eq!(read_input("$.items[1:3].v", &input).unwrap(), json!([2, 3]));
    assert_eq!(read_input("$.items[:1].v", &input).unwrap(), json!([1]));
    assert_eq!(read_input("$..v", &input).unwrap(), json!([1, 2, 3]));
    assert_eq!(
        read_input("$.items[?(@.v >= 2)].v", &input).unwrap(),
        json!([2, 3])
    );
    assert_eq!(read_input("$.items[0,2].v", &input).unwrap(), json!([1, 3]));
    for p in [
        "$.items[*]",
        "$[*]",
        "$.item.items[1:5].itemValue",
        "$.items[1:]",
    ] {
        assert_eq!(read_input(p, &json!({})).unwrap(), json!([]), "{p}");
    }
}

#[test]
fn filter_from_the_conformance_corpus() {
    let input = json!({"users": [{"year": 1997, "status": 0}, {"year": 1998, "status": 1}]});
    assert_eq!(
        read_input("$.users[?(@.status == 0)]", &input).unwrap(),
        json!([{"year": 1997, "status": 0}])
    );
}

#[test]
fn quoted_names_keep_backslashes_except_before_the_quote() {
    let input = json!({"Test\\\"\"Name\"": "v", "it's": 2});
    assert_eq!(
        read_input("$['Test\\\"\"Name\"']", &input).unwrap(),
        json!("v")
    );
    assert_eq!(read_input("$['it\\'s']", &input).unwrap(), json!(2));
}

#[test]
fn jayway_filter_forms() {
    let input = json!({"items": [
        {"name": "apple", "tags": [1, 2], "first-name": "x"},
        {"name": "Banana", "tags": [1], "first-name": "y"}
    ]});
    assert_eq!(
        read_input("$.items[?(@.tags.length() > 1)].name", &input).unwrap(),
        json!(["apple"])
    );
    assert_eq!(
        read_input("$.items[?(@.name =~ /b.*/i)].name", &input).unwrap(),
        json!(["Banana"])
    );
    assert_eq!(
        read_input("$.items[?(@.name =~ /an/)].name", &input).unwrap(),
        json!([])
    );
    assert_eq!(
        read_input("$.items[?(@.first-name == 'y')].name", &input).unwrap(),
        json!(["Banana"])
    );
    assert_eq!(
        read_input(
            "$.items[?(@.name == 'apple' || @.tags[0] == 2)].name",
            &input
        )
        .unwrap(),
        json!(["apple"])
    );
}

#[test]
fn length_function() {
    let input = json!({"a": [1, 2, 3], "s": "abcd"});
    assert_eq!(read_input("$.a.length()", &input).unwrap(), json!(3));
    assert_eq!(read_input("$.s.length()", &input).unwrap(), json!(4));
}

#[test]
fn context_and_variables() {
    let input = json!({});
    let context = json!({"Execution": {"Name": "exec"}});
    let mut vars = Map::new();
    vars.insert("total".into(), json!({"n": [5, 6]}));
    let scope = Scope::new(&input, &context, &vars);
    assert_eq!(read("$$.Execution.Name", &scope).unwrap(), json!("exec"));
    assert_eq!(read("$total.n[1]", &scope).unwrap(), json!(6));
    assert_eq!(read("$total", &scope).unwrap(), json!({"n": [5, 6]}));
    assert_eq!(
        read("$missing", &scope).unwrap_err(),
        PathError::UndefinedVariable("missing".into())
    );
}

#[test]
fn read_ref_borrows_definite_values() {
    let input = json!({"big": {"x": 1}});
    let scope = Scope::new(&input, &Value::Null, &NoVariables);
    assert!(matches!(
        read_ref("$.big", &scope).unwrap(),
        Cow::Borrowed(_)
    ));
}

#[test]
fn write_follows_result_path_rules() {
    assert_eq!(write(json!({"a": 1}), "$", json!(2)).unwrap(), json!(2));
    assert_eq!(
        write(json!({}), "$.enigma.mystery", json!(1)).unwrap(),
        json!({"enigma": {"mystery": 1}})
    );
    assert_eq!(
        write(json!({"a": {"b": 1, "c": 2}}), "$.a.b", json!("x")).unwrap(),
        json!({"a": {"b": "x", "c": 2}})
    );
    assert_eq!(
        write(json!({"a": [1, 2]}), "$.a[1]", json!(9)).unwrap(),
        json!({"a": [1, 9]})
    );
    assert!(matches!(
        write(json!("foo"), "$.x", json!(1)),
        Err(PathError::CannotWrite(_))
    ));
    assert!(matches!(
        write(json!({"a": 5}), "$.a.b", json!(1)),
        Err(PathError::CannotWrite(_))
    ));
    assert!(matches!(
        write(json!({}), "$.a[*]", json!(1)),
        Err(PathError::Invalid(_))
    ));
}

#[test]
fn syntax_checks() {
    assert!(check("$.a.b[0]").is_ok());
    assert!(check("$$.Map.Item.Value").is_ok());
    assert!(check("$.a[?(@.b > 1)]").is_ok());
    assert!(check("a.b").is_err());
    // AWS does not look inside filters when it validates a definition.
    assert!(check("$.r[?(@.k == FooBar)].v").is_ok());
    assert!(matches!(
        read_input("$.r[?(@.k == FooBar)].v", &json!({"r": []})),
        Err(PathError::Invalid(_))
    ));
    assert!(check("$.a[").is_err());
    assert!(check("$.").is_err());
    assert!(is_reference_path("$.a['b'][2]"));
    assert!(!is_reference_path("$.a[*]"));
    assert!(!is_reference_path("$..a"));
    assert_eq!(root_of("$var.x"), Some(Root::Variable("var".into())));
    assert_eq!(root_of("$$"), Some(Root::Context));
}
