//! Which workflow variables each state reads: `describe-state-machine`'s
//! `variableReferences` (state name → variable names; states reading none are left out).
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use regex::Regex;
use serde_json::Value;

use super::jsonata;

/// The variables read by every state of `definition`, nested branches and item processors
/// included.
pub fn of_definition(definition: &Value) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    collect_machine(definition, &mut out);
    out
}

fn collect_machine(machine: &Value, out: &mut BTreeMap<String, Vec<String>>) {
    let Some(states) = machine.get("States").and_then(Value::as_object) else {
        return;
    };
    for (name, state) in states {
        let mut names = jsonata::state_variable_references(state);
        jsonpath_references(state, &mut names);
        if !names.is_empty() {
            out.insert(name.clone(), names.into_iter().collect());
        }
        for branch in state
            .get("Branches")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            collect_machine(branch, out);
        }
        if let Some(processor) = state.get("ItemProcessor").or_else(|| state.get("Iterator")) {
            collect_machine(processor, out);
        }
    }
}

/// `$name` references in JSONPath fields: paths (`InputPath`, `…Path`, Choice `Variable`)
/// and `.$` template values (paths or intrinsic calls), at any depth of the state except
/// its nested machines.
fn jsonpath_references(value: &Value, names: &mut BTreeSet<String>) {
    let Value::Object(fields) = value else {
        if let Value::Array(items) = value {
            items
                .iter()
                .for_each(|item| jsonpath_references(item, names));
        }
        return;
    };
    for (key, field) in fields {
        if matches!(key.as_str(), "Branches" | "ItemProcessor" | "Iterator") {
            continue;
        }
        match field {
            Value::String(text) if is_path_field(key) => scan(text, names),
            Value::Object(_) | Value::Array(_) => jsonpath_references(field, names),
            _ => {}
        }
    }
}

fn is_path_field(key: &str) -> bool {
    key.ends_with(".$") || key.ends_with("Path") || key == "Variable"
}

/// Variable names in a path or intrinsic call: `$name` not part of `$$` (the context
/// object) nor `$.`/`$[` (the input), and never the reserved `$states`.
fn scan(text: &str, names: &mut BTreeSet<String>) {
    static VARIABLE: OnceLock<Regex> = OnceLock::new();
    let variable = VARIABLE.get_or_init(|| {
        Regex::new(r"(^|[^$A-Za-z0-9_])\$([A-Za-z_][A-Za-z0-9_]*)").expect("valid regex")
    });
    for found in variable.captures_iter(text) {
        let name = &found[2];
        if name != "states" {
            names.insert(name.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_jsonpath_and_jsonata_references_in_every_scope() {
        let definition = json!({
            "StartAt": "Start",
            "States": {
                "Start": {"Type": "Pass", "Assign": {"count": 0, "limit.$": "$.limit"}, "Next": "Check"},
                "Check": {"Type": "Choice", "Choices": [
                    {"Variable": "$count", "NumericLessThanPath": "$limit", "Next": "Fan"}
                ], "Default": "Done"},
                "Fan": {"Type": "Map", "ItemsPath": "$items", "ItemProcessor": {
                    "StartAt": "Each",
                    "States": {"Each": {"Type": "Pass", "QueryLanguage": "JSONata",
                        "Output": "{% $states.input & $suffix %}", "End": true}}
                }, "Parameters": {"msg.$": "States.Format('{} of {}', $count, $$.Execution.Name)"},
                   "Next": "Done"},
                "Done": {"Type": "Succeed", "InputPath": "$.result"}
            }
        });
        let refs = of_definition(&definition);
        assert_eq!(
            refs.get("Start"),
            None,
            "reads $.limit only, assigns the rest"
        );
        assert_eq!(refs["Check"], vec!["count", "limit"]);
        assert_eq!(refs["Fan"], vec!["count", "items"]);
        assert_eq!(refs["Each"], vec!["suffix"]);
        assert!(!refs.contains_key("Done"));
    }

    #[test]
    fn literals_and_context_paths_are_not_references() {
        let mut names = BTreeSet::new();
        scan("$$.Execution.Id", &mut names);
        scan("$.a.b", &mut names);
        scan("$['x']", &mut names);
        assert!(names.is_empty(), "{names:?}");
        let state = json!({"Type": "Pass", "Result": {"text": "$notAPath"}, "Next": "X"});
        jsonpath_references(&state, &mut names);
        assert!(names.is_empty(), "{names:?}");
    }
}
