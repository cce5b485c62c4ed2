//! Validation never panics: every value of a few rich definitions is replaced in turn by
//! values of every JSON type (and by tricky strings), and each variant is validated.
use serde_json::{json, Value};
use sfn::asl::validate::{invalid_definition_message, validate, MachineType};

const RICH: [&str; 5] = [
    "own-realistic-order-workflow",
    "own-realistic-jsonata-workflow",
    "asls-MapJSONata",
    "asls-TaskCatchTemplate",
    "sr-choice-nested-comment",
];

/// Every JSON pointer to a value inside `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let child = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(child.clone());
                pointers(v, child, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let child = format!("{at}/{i}");
                out.push(child.clone());
                pointers(v, child, out);
            }
        }
        _ => {}
    }
}

#[test]
fn any_value_anywhere_is_diagnosed_without_panicking() {
    let replacements = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1.5),
        json!(""),
        json!("{% %}"),
        json!("{% ( %}"),
        json!("$$"),
        json!("States.Format("),
        json!("arn:aws:states:::"),
        json!([]),
        json!({}),
        json!([{}]),
        json!({"Type": "Map"}),
    ];
    let dir = format!(
        "{}/tests/fixtures/validate/corpus",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut variants = 0;
    for name in RICH {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{name}.json")).unwrap())
                .unwrap();
        let definition: Value = serde_json::from_str(case["definition"].as_str().unwrap()).unwrap();
        let mut all = Vec::new();
        pointers(&definition, String::new(), &mut all);
        for pointer in &all {
            for replacement in &replacements {
                let mut variant = definition.clone();
                *variant.pointer_mut(pointer).unwrap() = replacement.clone();
                let text = serde_json::to_string_pretty(&variant).unwrap();
                // Alternate the machine type rather than doubling the work.
                let machine_type = if variants % 2 == 0 {
                    MachineType::Standard
                } else {
                    MachineType::Express
                };
                let diagnostics = validate(&text, machine_type);
                let _ = invalid_definition_message(&diagnostics);
                variants += 1;
            }
        }
    }
    assert!(variants > 500, "only {variants} variants");
}

#[test]
fn truncated_and_odd_texts() {
    let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#;
    for end in 0..text.len() {
        let _ = validate(&text[..end], MachineType::Standard);
    }
    for odd in [
        "",
        " ",
        "[]",
        "null",
        "1",
        "\"x\"",
        "{\"States\": []}",
        "{\"\u{e9}\": {\"a\u{0}\": 1}}",
    ] {
        assert!(!validate(odd, MachineType::Standard).is_empty(), "{odd:?}");
    }
}
