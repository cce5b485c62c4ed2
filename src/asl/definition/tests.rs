use super::*;
use serde_json::json;

#[test]
fn parses_nested_blocks_into_a_flat_table() {
    let def = json!({
        "StartAt": "P",
        "States": {
            "P": {"Type": "Parallel", "Next": "M", "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
            ]},
            "M": {"Type": "Map", "End": true, "Parameters": {"x.$": "$$.Map.Item.Value"},
                  "Iterator": {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}}
        }
    });
    let machine = parse(&def).unwrap();
    assert_eq!(machine.blocks.len(), 3);
    let Kind::Map(map) = &machine.state(0, "M").unwrap().kind else {
        panic!("M is a Map")
    };
    assert!(map.item_selector.is_some());
    assert!(machine.state(0, "M").unwrap().parameters.is_none());
    assert!(machine.state(0, "M").unwrap().uses_context);
    assert!(machine.state(map.processor, "B").is_some());
    assert_eq!(
        machine.state(0, "P").unwrap().transition,
        Transition::Next("M".into())
    );
}

#[test]
fn inherits_the_query_language() {
    let def = json!({"QueryLanguage": "JSONata", "StartAt": "A",
        "States": {"A": {"Type": "Pass", "End": true}}});
    let machine = parse(&def).unwrap();
    assert_eq!(
        machine.state(0, "A").unwrap().query_language,
        QueryLanguage::Jsonata
    );
}

#[test]
fn reports_missing_top_level_fields() {
    let e = parse(&json!({})).unwrap_err();
    assert_eq!(e, DefinitionError::MissingFields(vec!["States", "StartAt"]));
    assert_eq!(
        e.to_string(),
        "These fields are required: [States, StartAt]"
    );
    assert_eq!(e.location(), None);
}

/// Each error variant, as `parse` gives it, with its message and location.
#[test]
fn each_parse_error_is_typed_and_says_where() {
    let machine = |states: Value| json!({"StartAt": "A", "States": states});
    let pass = json!({"Type": "Pass", "End": true});
    let cases: Vec<(Value, &str)> = vec![
        (json!([]), "definition is not a JSON object"),
        (
            json!({"StartAt": "A", "States": {"A": pass}, "QueryLanguage": "XPath"}),
            "QueryLanguage must be JSONPath or JSONata at /QueryLanguage",
        ),
        (
            json!({"StartAt": "A", "States": {"A": pass}, "TimeoutSeconds": -1}),
            "TimeoutSeconds must be a non-negative integer",
        ),
        (
            json!({"StartAt": 1, "States": {"A": pass}}),
            "StartAt must be a string at /StartAt",
        ),
        (
            machine(json!({"A": {"End": true}})),
            "Type is required at /States/A/Type",
        ),
        (
            json!({"StartAt": "B", "States": {"A": pass}}),
            "Missing 'Next' target: B at /StartAt",
        ),
        (
            machine(json!({"A": {"Type": "Sleep", "End": true}})),
            "Unknown state type 'Sleep' at /States/A/Type",
        ),
        (
            machine(json!({"A": {"Type": "Task", "Resource": "r", "End": true,
                                 "Retry": [{"ErrorEquals": [1]}]}})),
            "ErrorEquals must hold strings at /States/A/Retry[0]/ErrorEquals",
        ),
        (
            machine(json!({"A": {"Type": "Choice", "Choices": [
                {"Variable": "$.x", "NumericEquals": "one", "Next": "A"}]}})),
            "'NumericEquals' must be a number",
        ),
        (
            machine(json!({"A": {"Type": "Map", "End": true, "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject",
                "ReaderConfig": {"InputType": "XML"}},
                "ItemProcessor": {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}}})),
            "InputType must be one of [CSV, JSON, JSONL, PARQUET, MANIFEST] at /States/A/ItemReader/ReaderConfig/InputType",
        ),
    ];
    for (definition, message) in cases {
        let e = parse(&definition).unwrap_err();
        assert_eq!(e.to_string(), message, "{definition}");
    }
    let e = parse(&machine(json!({"A": {"Type": "Choice", "Choices": [
        {"Variable": "$.x", "NumericEquals": "one", "Next": "A"}]}})))
    .unwrap_err();
    assert!(matches!(
        &e,
        DefinitionError::Choice {
            source: choice::RuleError::WrongOperand { .. },
            ..
        }
    ));
    assert_eq!(e.location(), Some("/States/A/Choices[0]"));
    let e = parse(&machine(
        json!({"A": {"Type": "Wait", "SecondsPath": 5, "End": true}}),
    ))
    .unwrap_err();
    assert_eq!(
        e,
        DefinitionError::WrongType {
            field: "SecondsPath".into(),
            expected: "a string",
            at: "/States/A/SecondsPath".into(),
        }
    );
    let e = parse(&machine(json!({"A": {"Type": "Task", "End": true}}))).unwrap_err();
    assert_eq!(
        e,
        DefinitionError::Required {
            field: "Resource",
            at: "/States/A/Resource".into(),
        }
    );
}

#[test]
fn a_parsed_document_places_blocks_and_states() {
    let text = r#"{
  "StartAt": "P",
  "States": {
    "P": {"Type": "Parallel", "Next": "M", "Branches": [
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
    ]},
    "M": {"Type": "Map", "End": true,
          "ItemProcessor": {"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}}
  }
}"#;
    let document = Document::parse(text).unwrap();
    let machine = parse_document(&document).unwrap();
    assert_eq!(machine.blocks[0].position, Some((1, 1)));
    assert_eq!(machine.state(0, "P").unwrap().position, Some((4, 5)));
    assert_eq!(machine.state(0, "M").unwrap().position, Some((7, 5)));
    let Kind::Parallel { branches } = &machine.state(0, "P").unwrap().kind else {
        panic!("P is a Parallel")
    };
    assert_eq!(machine.blocks[branches[0]].position, Some((5, 7)));
    assert_eq!(
        machine.state(branches[0], "A").unwrap().position,
        Some((5, 35))
    );
    let Kind::Map(map) = &machine.state(0, "M").unwrap().kind else {
        panic!("M is a Map")
    };
    assert_eq!(machine.blocks[map.processor].position, Some((8, 11)));
    assert_eq!(
        machine.state(map.processor, "B").unwrap().position,
        Some((8, 56))
    );
    // Parsed from a bare value, nothing is placed.
    let machine = parse(&document.value).unwrap();
    assert_eq!(machine.state(0, "P").unwrap().position, None);
}
