//! Every example in examples/ runs with `sfn run` and ends exactly as documented. Also:
//! a pipe gets pure JSON on stdout and nothing on stderr; a failed execution prints its
//! error and cause and exits 1.
use crate::cli_support;

use std::path::PathBuf;
use std::process::Output;

use cli_support::Sfn;
use serde_json::{json, Value};

fn example(name: &str, file: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "examples", name, file]
        .iter()
        .collect();
    path.to_string_lossy().into_owned()
}

/// `sfn run` on an example with its input (or `input`), handlers and mock file.
fn run_example(sfn: &Sfn, name: &str, input: Option<&str>, extra: &[&str]) -> Output {
    let definition = example(name, "definition.asl.json");
    let input = match input {
        Some(text) => text.to_string(),
        None => format!("file://{}", example(name, "input.json")),
    };
    let mut args = vec!["run".to_string(), definition, "--input".into(), input];
    if std::path::Path::new(&example(name, "handlers.json")).exists() {
        args.push("--handlers".into());
        args.push(example(name, "handlers.json"));
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    sfn.cmd()
        .env("SFN_WAIT_TIME_SCALE", "0")
        .args(&args)
        .output()
        .expect("run sfn")
}

/// The run succeeded: stdout is exactly one JSON document, stderr is silent (a pipe gets
/// no live view).
fn succeeded(out: Output) -> Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "sfn run failed: {stderr}");
    assert_eq!(
        stderr, "",
        "stderr must stay silent when it is not a terminal"
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {text}"))
}

fn history(sfn: &Sfn, machine: &str) -> Vec<String> {
    let arn = cli_support::arn(machine);
    let list = sfn.json(&["list-executions", "--state-machine-arn", &arn]);
    let execution = list["executions"][0]["executionArn"]
        .as_str()
        .expect("an execution")
        .to_string();
    let events = sfn.json(&["get-execution-history", "--execution-arn", &execution]);
    events["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["type"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn hello_world_runs_every_state_type_and_returns_both_branches() {
    let sfn = Sfn::new();
    let output = succeeded(run_example(&sfn, "hello-world", None, &[]));
    assert_eq!(
        output,
        json!([{"IsHelloWorldExample": true}, {"IsHelloWorldExample": true}])
    );
    // The state machine is named after the example's folder.
    let machines = sfn.json(&["list-state-machines", "--query", "stateMachines[].name"]);
    assert_eq!(machines, json!(["hello-world"]));
    let types = history(&sfn, "hello-world");
    assert_eq!(types.first().map(String::as_str), Some("ExecutionStarted"));
    assert!(types.iter().any(|t| t == "WaitStateExited"));
    assert!(types.iter().any(|t| t == "ParallelStateSucceeded"));
    assert_eq!(types.last().map(String::as_str), Some("ExecutionSucceeded"));
}

#[test]
fn hello_world_with_a_false_flag_fails_and_exits_1() {
    let sfn = Sfn::new();
    let out = run_example(
        &sfn,
        "hello-world",
        Some(r#"{"IsHelloWorldExample": false}"#),
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        printed,
        json!({"status": "FAILED", "cause": "Not Hello World"})
    );
}

#[test]
fn order_processing_retries_the_mocked_gateway_timeout_then_ships() {
    let sfn = Sfn::new();
    let mock = example("order-processing", "mock.json");
    let output = succeeded(run_example(
        &sfn,
        "order-processing",
        None,
        &["--mock-config", &mock, "--test-case", "GatewayHiccup"],
    ));
    assert_eq!(
        output,
        json!({
            "orderId": "order-1001",
            "notified": true,
            "message": "Order order-1001 is on its way: TRK-order-1001"
        })
    );
    let types = history(&sfn, "order-processing");
    let charge: Vec<&str> = types
        .iter()
        .map(String::as_str)
        .filter(|t| t.starts_with("LambdaFunction") && !t.ends_with("Started"))
        .collect();
    assert_eq!(
        charge,
        [
            "LambdaFunctionScheduled",
            "LambdaFunctionFailed",
            "LambdaFunctionScheduled",
            "LambdaFunctionSucceeded"
        ]
    );
}

#[test]
fn order_processing_catches_a_shipping_failure_and_still_notifies() {
    let sfn = Sfn::new();
    let mock = example("order-processing", "mock.json");
    let input = r#"{"orderId": "order-7", "items": [{"sku": "pen", "price": 2, "quantity": 1}], "address": {"country": "AQ"}}"#;
    let output = succeeded(run_example(
        &sfn,
        "order-processing",
        Some(input),
        &["--mock-config", &mock, "--test-case", "GatewayHiccup"],
    ));
    assert_eq!(
        output,
        json!({
            "orderId": "order-7",
            "notified": true,
            "message": "Order order-7 is paid but could not be shipped: AddressUnsupported"
        })
    );
}

#[test]
fn order_processing_rejects_an_invalid_order() {
    let sfn = Sfn::new();
    let input = r#"{"orderId": "order-8", "items": [], "address": {"country": "DE"}}"#;
    let out = run_example(&sfn, "order-processing", Some(input), &[]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        printed,
        json!({"status": "FAILED", "error": "InvalidOrder", "cause": "The order failed validation"})
    );
}

#[test]
fn data_pipeline_maps_over_batches_and_aggregates() {
    let sfn = Sfn::new();
    let output = succeeded(run_example(&sfn, "data-pipeline", None, &[]));
    assert_eq!(
        output,
        json!({
            "source": "sensors-2026-11-29.csv",
            "batches": 3,
            "readings": 7,
            "averageFahrenheit": {"a": 72.2, "b": 65.75, "c": 28.4}
        })
    );
    let types = history(&sfn, "data-pipeline");
    let iterations = types
        .iter()
        .filter(|t| *t == "MapIterationSucceeded")
        .count();
    assert_eq!(iterations, 3);
}

#[test]
fn ml_workflow_deploys_a_model_that_clears_the_bar() {
    let sfn = Sfn::new();
    let output = succeeded(run_example(&sfn, "ml-workflow", None, &[]));
    let mut expected: Value = serde_json::from_str(
        &std::fs::read_to_string(example("ml-workflow", "input.json")).unwrap(),
    )
    .unwrap();
    expected["model"] = json!({"modelId": "threshold-0.5167"});
    expected["evaluation"] = json!({"accuracy": 1.0});
    expected["deployment"] =
        json!({"endpoint": "https://models.example.internal/threshold-0.5167"});
    assert_eq!(output, expected);
}

#[test]
fn ml_workflow_reports_a_model_below_the_bar() {
    let sfn = Sfn::new();
    let input = r#"{"trainingSet": [[0.1, 0], [0.9, 1]], "validationSet": [[0.2, 1], [0.8, 0]], "minimumAccuracy": 0.75}"#;
    let output = succeeded(run_example(&sfn, "ml-workflow", Some(input), &[]));
    assert_eq!(output["deployed"], json!(false));
    assert_eq!(
        output["reason"],
        json!("accuracy 0.0 is below the required 0.75")
    );
}

#[test]
fn running_again_updates_the_definition_and_names_follow_the_flag() {
    let sfn = Sfn::new();
    let first = sfn.write(
        "flow.asl.json",
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": true}}}"#,
    );
    let first = first.to_string_lossy().into_owned();
    assert_eq!(sfn.json(&["run", &first]), json!(1));
    sfn.write(
        "flow.asl.json",
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 2, "End": true}}}"#,
    );
    assert_eq!(sfn.json(&["run", &first]), json!(2));
    assert_eq!(sfn.json(&["run", &first, "--name", "other"]), json!(2));
    let machines = sfn.json(&["list-state-machines", "--query", "stateMachines[].name"]);
    let mut names: Vec<String> = serde_json::from_value(machines).unwrap();
    names.sort();
    assert_eq!(names, ["flow", "other"]);
    // --query and --output apply to the printed output, --quiet prints nothing.
    assert_eq!(sfn.stdout(&["run", &first, "--output", "text"]), "2\n");
    assert_eq!(sfn.stdout(&["run", &first, "--quiet"]), "");
}

#[test]
fn run_reports_bad_files_and_bad_input_as_parameter_errors() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["run", "missing.asl.json"]);
    assert_eq!(code, 252);
    assert!(err.contains("cannot read missing.asl.json"), "{err}");
    let file = sfn.write("ok.json", cli_support::HELLO);
    let (code, err) = sfn.fail(&["run", &file.to_string_lossy(), "--input", "{not json"]);
    assert_eq!(code, 254, "{err}");
    assert!(err.contains("InvalidExecutionInput"), "{err}");
}
