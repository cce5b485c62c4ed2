//! Fuzzing harnesses: one function per target of `fuzz/` (cargo fuzz), each feeding raw
//! bytes through the same public entry points the CLI and engine use. They live in the
//! library so that `tests/integration/fuzz_regressions.rs` replays a crash through exactly the code the
//! fuzzer ran. A harness returns normally for any input; a panic, hang or runaway
//! allocation in it is a bug in `sfn`.
//!
//! Inputs with two parts (an expression and the JSON it reads) are split at the first
//! newline; when the second part is not JSON a fixed sample input is used instead, so the
//! fuzzer spends its time on the expression.
use std::path::Path;

use serde_json::{json, Map, Value};

use crate::asl::path::{self, Scope};
use crate::asl::validate::{self, MachineType};
use crate::asl::{definition, intrinsics, jsonata, template, variable_references};
use crate::cli::operations::OPERATIONS;
use crate::cli::params;
use crate::cli::table::Kind;
use crate::tasks::handlers::Handlers;
use crate::tasks::mock::MockConfig;

/// Definition text: validated as STANDARD or EXPRESS (first byte), and when valid it must
/// parse into the engine's model.
pub fn definition(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let machine_type = if first & 1 == 0 {
        MachineType::Standard
    } else {
        MachineType::Express
    };
    let diagnostics = validate::validate(text, machine_type);
    let _ = validate::invalid_definition_message(&diagnostics);
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let _ = variable_references::of_definition(&value);
    if !validate::has_errors(&diagnostics) {
        if let Err(e) = definition::parse(&value) {
            panic!("a definition that validates must parse: {e}");
        }
    }
}

/// A JSONPath or reference path (first line) read from and written into a JSON input.
pub fn paths(data: &[u8]) {
    let Some((expr, input)) = split(data) else {
        return;
    };
    let _ = path::check(expr);
    let _ = path::is_definite(expr);
    let _ = path::root_of(expr);
    let vars = variables();
    let context = context();
    let scope = Scope::new(&input, &context, &vars);
    let _ = path::read(expr, &scope);
    if path::check_reference(expr).is_ok() {
        let _ = path::write(input.clone(), expr, json!({"written": true}));
    }
}

/// An intrinsic function call (first line) evaluated against a JSON input.
pub fn intrinsics(data: &[u8]) {
    let Some((expr, input)) = split(data) else {
        return;
    };
    let _ = intrinsics::is_call(expr);
    let _ = intrinsics::check(expr);
    let vars = variables();
    let context = context();
    let scope = Scope::new(&input, &context, &vars);
    let _ = intrinsics::evaluate(expr, &scope);
}

/// A payload template (first line, JSON) evaluated against a JSON input.
pub fn templates(data: &[u8]) {
    let Some((text, input)) = split(data) else {
        return;
    };
    let Ok(template) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let vars = variables();
    let context = context();
    let scope = Scope::new(&input, &context, &vars);
    let _ = template::evaluate(&template, &scope);
}

/// A JSONata expression (first line) checked, and evaluated as a field against a JSON input.
pub fn jsonata(data: &[u8]) {
    let Some((source, input)) = split(data) else {
        return;
    };
    #[cfg(fuzzing)]
    {
        jsonata::set_timeout(std::time::Duration::from_secs(1));
        // Well under libFuzzer's -rss_limit_mb, which would report the limit as a crash.
        jsonata::set_memory_limit(256 << 20);
    }
    let _ = jsonata::check(source);
    let _ = jsonata::variable_references(source);
    let vars = variables();
    let states = json!({"input": input, "context": context()});
    let bindings = jsonata::Bindings {
        states: &states,
        vars: &vars,
    };
    let field = Value::String(format!("{{%{source}%}}"));
    let _ = jsonata::evaluate_field(&field, "Output", &bindings);
    let _ = jsonata::evaluate_condition(&field, "Condition", &bindings);
}

/// A mock configuration file or a handlers file (first byte chooses).
pub fn mock_handlers(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if first & 1 == 0 {
        let Ok(config) = MockConfig::parse(text) else {
            return;
        };
        // Select every test case the file names and ask each of its states for a few
        // invocations, as executions would.
        let root: Value = serde_json::from_str(text).unwrap_or_default();
        let machines = root.get("StateMachines").and_then(Value::as_object);
        for (machine, body) in machines.into_iter().flatten() {
            let cases = body.get("TestCases").and_then(Value::as_object);
            for (case, states) in cases.into_iter().flatten() {
                let Ok(test_case) = config.test_case(machine, case) else {
                    continue;
                };
                for state in states.as_object().into_iter().flatten().map(|(k, _)| k) {
                    for index in 0..3 {
                        let _ = test_case.respond(state, index);
                    }
                }
            }
        }
    } else {
        // The base directory does not exist: parsing must not need it.
        let _ = Handlers::parse(text, Path::new("/nonexistent/sfn-fuzz"));
    }
}

/// A CLI shorthand value (`key=value,list=[a,b]`) for one of the structure, map or list
/// flags of the operations table (first byte chooses), converted as `sfn` converts argv.
pub fn shorthand(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let flags: Vec<_> = OPERATIONS
        .iter()
        .flat_map(|op| op.flags.iter())
        .filter(|flag| matches!(flag.kind, Kind::Struct | Kind::Map | Kind::List))
        .collect();
    if flags.is_empty() {
        return;
    }
    let flag = flags[first as usize % flags.len()];
    // A list flag takes several argv values; split on NUL as argv would be.
    let values: Vec<String> = text.split('\0').map(str::to_string).collect();
    let _ = params::convert(flag, &values);
}

fn split(data: &[u8]) -> Option<(&str, Value)> {
    let text = std::str::from_utf8(data).ok()?;
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let input = serde_json::from_str(rest).unwrap_or_else(|_| sample_input());
    Some((first, input))
}

fn sample_input() -> Value {
    json!({
        "a": {"b": [1, 2, {"c": "x"}], "d": null},
        "s": "hello, world",
        "n": 3,
        "f": 2.5,
        "arr": [1, 2, 3, "x", [4, 5], {"k": "v"}],
        "t": true,
        "empty": {}
    })
}

fn context() -> Value {
    json!({
        "Execution": {"Id": "arn:aws:states:us-east-1:123456789012:execution:m:e", "Input": {}},
        "State": {"Name": "S", "EnteredTime": "2024-01-01T00:00:00Z"},
        "Map": {"Item": {"Index": 0, "Value": 1}}
    })
}

fn variables() -> Map<String, Value> {
    let mut vars = Map::new();
    vars.insert("x".into(), json!(1));
    vars.insert("obj".into(), json!({"a": [1, 2], "b": "s"}));
    vars.insert("list".into(), json!([3, 1, 2]));
    vars
}
