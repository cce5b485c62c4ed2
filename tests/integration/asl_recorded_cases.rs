//! Choice rules and intrinsic functions checked against executions recorded on real AWS
//! (copied from the conformance corpus into `tests/fixtures/asl/`): each Choice case says
//! whether AWS took the rule's `Next`; each intrinsic case is a Pass state's `Parameters`
//! with the output AWS produced.
use serde_json::{json, Map, Value};
use sfn::asl::choice;
use sfn::asl::path::Scope;
use sfn::asl::template;

fn fixture(name: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/asl/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("fixture JSON")
}

/// The context object as the recordings show it after normalisation.
fn context(input: &Value) -> Value {
    json!({
        "Execution": {
            "Id": "arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>",
            "Input": input,
            "Name": "<ExecArnPart_0idx>",
            "RoleArn": "snf_role_arn",
            "StartTime": "date",
            "RedriveCount": 0
        },
        "StateMachine": {
            "Id": "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>",
            "Name": "<ArnPart_0idx>"
        },
        "State": {"Name": "State_0", "EnteredTime": "date"}
    })
}

#[test]
fn choice_rules_decide_as_aws_did() {
    let cases = fixture("choice_cases.json");
    assert!(cases.len() > 250);
    let mut wrong = Vec::new();
    for case in &cases {
        let input = &case["input"];
        let ctx = context(input);
        let vars = Map::new();
        let scope = Scope::new(input, &ctx, &vars);
        let rule = choice::parse(&case["rule"]).expect("AWS accepted this rule");
        let got = rule.evaluate(&scope).map_err(|e| e.to_string());
        if got != Ok(case["matches"].as_bool().unwrap()) {
            wrong.push(format!("{}: got {got:?}", case["case"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn intrinsic_functions_produce_what_aws_produced() {
    let cases = fixture("intrinsic_cases.json");
    assert!(cases.len() > 80);
    let mut wrong = Vec::new();
    for case in &cases {
        let input = &case["input"];
        let ctx = context(input);
        let vars = Map::new();
        let scope = Scope::new(input, &ctx, &vars);
        let got = template::evaluate(&case["parameters"], &scope);
        let ok = match (&got, case.get("output")) {
            (Ok(value), Some(expected)) => value == expected,
            // Random results (UUID, MathRandom) are normalised away in the recordings.
            (Ok(value), None) => {
                value["FunctionResult"].is_string() || value["FunctionResult"].is_number()
            }
            (Err(_), _) => false,
        };
        if !ok {
            wrong.push(format!("{}: got {got:?}", case["case"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn payload_templates_behave_as_aws_did() {
    let cases = fixture("template_cases.json");
    assert!(cases.len() > 10);
    let mut wrong = Vec::new();
    for case in &cases {
        let input = &case["input"];
        let ctx = context(input);
        let vars = Map::new();
        let scope = Scope::new(input, &ctx, &vars);
        let got = template::evaluate(&case["parameters"], &scope);
        let ok = match (&got, case.get("output")) {
            (Ok(value), Some(expected)) => value == expected,
            (Err(e), None) => {
                // The recording replaced the input JSON in the cause with a placeholder.
                let cause = case["cause"]
                    .as_str()
                    .unwrap()
                    .replace("<json-input:1>", &serde_json::to_string(input).unwrap());
                e.error.as_deref() == case["error"].as_str() && e.cause.as_deref() == Some(&cause)
            }
            _ => false,
        };
        if !ok {
            wrong.push(format!("{}: got {got:?}", case["case"]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
