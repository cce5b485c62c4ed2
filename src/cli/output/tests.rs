use super::*;
use serde_json::json;

#[test]
fn json_uses_four_spaces_and_keeps_non_ascii() {
    assert_eq!(
        json(&json!({"name": "café", "n": [1]})),
        "{\n    \"name\": \"café\",\n    \"n\": [\n        1\n    ]\n}\n"
    );
}

#[test]
fn empty_response_prints_nothing() {
    assert_eq!(json(&json!({})), "");
    assert_eq!(text(&json!({})), "");
}

#[test]
fn text_puts_scalars_on_one_sorted_line_and_prefixes_nested_lists() {
    let v = json!({
        "stateMachines": [
            {"name": "a", "type": "STANDARD"},
            {"name": "b", "type": "EXPRESS"}
        ],
        "nextToken": "t"
    });
    assert_eq!(
        text(&v),
        "t\nSTATEMACHINES\ta\tSTANDARD\nSTATEMACHINES\tb\tEXPRESS\n"
    );
}

#[test]
fn text_of_scalar_list_is_tab_separated() {
    assert_eq!(text(&json!(["a", "b"])), "a\tb\n");
    assert_eq!(text(&json!({"keys": ["a", "b"]})), "KEYS\ta\nKEYS\tb\n");
}

#[test]
fn table_boxes_a_title_and_key_value_rows() {
    let out = render(
        &json!({"name": "x"}),
        Format::Table,
        "DescribeThing",
        table::Style::default(),
    )
    .unwrap();
    assert_eq!(
        out,
        // What awscli's TableFormatter prints for it.
        "---------------\n|DescribeThing|\n+-------+-----+\n|  name |  x  |\n+-------+-----+\n"
    );
}
