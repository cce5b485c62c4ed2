//! The validation corpus (definitions AWS accepts or rejects, copied from the shared
//! corpus into tests/fixtures/validate/corpus): `validate` must agree with every case
//! except those listed in DISPUTED, whose expectations we believe are wrong.
use serde_json::Value;
use sfn::asl::validate::{has_errors, validate, MachineType};

/// Cases whose `expect_valid` we do not follow, and why (none is AWS's recorded answer:
/// `inferred` and `spec` are a corpus author's judgement, `peer` another validator's).
const DISPUTED: [(&str, &str); 4] = [
    (
        "av-valid-pass-array",
        "Parameters holding an array: five peer cases (sr-map-with-parameters and others) use a \
         non-object Parameters and expect it valid, so we accept any JSON value there",
    ),
    (
        "own-map-maxitems-zero",
        "ReaderConfig MaxItems 0: our reference (ASL-REFERENCE §3 Map) records 0 as 'no limit'",
    ),
    (
        "own-task-resultselector-string",
        "a string ResultSelector (spec): AWS ran a Task with \"ResultSelector\": \"$.Payload\" \
         and output that string, so it takes any JSON value there, as in Parameters",
    ),
    (
        "asls-MapResultWriter",
        "a WriterConfig with OutputType only (peer: the language service's schema): AWS \
         refuses a WriterConfig without both OutputType and Transformation",
    ),
];

#[test]
fn validate_agrees_with_the_corpus() {
    let dir = format!(
        "{}/tests/fixtures/validate/corpus",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 278, "corpus fixtures missing in {dir}");
    let mut disagreements = Vec::new();
    for path in &paths {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let name = case["name"].as_str().unwrap();
        let machine_type = match case["type"].as_str() {
            Some("EXPRESS") => MachineType::Express,
            _ => MachineType::Standard,
        };
        let diagnostics = validate(case["definition"].as_str().unwrap(), machine_type);
        let valid = !has_errors(&diagnostics);
        let expected = case["expect_valid"].as_bool().unwrap();
        let disputed = DISPUTED.iter().any(|(n, _)| *n == name);
        if (valid == expected) == disputed {
            disagreements.push(format!(
                "{name}: expected valid={expected}{}, got {diagnostics:?}",
                if disputed {
                    " (disputed: we expect the opposite)"
                } else {
                    ""
                }
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

/// Definitions AWS accepted and ran (every distinct definition of the recorded
/// conformance executions, one JSON object per line): none may get an error.
#[test]
fn every_definition_aws_ran_is_valid() {
    let path = format!(
        "{}/tests/fixtures/validate/aws-accepted.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let mut rejected = Vec::new();
    let mut count = 0;
    for line in text.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let diagnostics = validate(case["definition"].as_str().unwrap(), MachineType::Standard);
        count += 1;
        if has_errors(&diagnostics) {
            rejected.push(format!("{}: {diagnostics:?}", case["name"]));
        }
    }
    assert!(count > 200, "fixture {path} is incomplete");
    assert!(rejected.is_empty(), "{}", rejected.join("\n"));
}
