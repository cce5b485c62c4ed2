//! Runs each fixture under `tests/fixtures/engine/` (a definition, an input and the
//! history AWS records for it) through the engine and compares status, output, error,
//! cause and every event (timestamps aside).
use crate::engine_fixtures::{self, engine_fixtures};
use serde_json::{json, Value};
use sfn::api::executions::event_json;
use sfn::asl::definition;
use sfn::clock::Clock;
use sfn::engine::{
    task::NoTasks, Env, EventSink, Execution, ExecutionInfo, HistoryEvent, Options, Status,
    TaskRunner,
};

struct Collect(Vec<HistoryEvent>);

impl EventSink for Collect {
    fn emit(&mut self, event: &HistoryEvent) {
        self.0.push(event.clone());
    }
}

/// Runs one definition on one input (Task states served by the fixture's mock file, if
/// any); returns the outcome and the events in API shape.
fn run(definition: &Value, input: &str, mock: Option<(&Value, &str)>) -> (Value, Vec<Value>) {
    let machine = definition::parse(definition).expect("definition parses");
    let info = ExecutionInfo {
        execution_arn:
            "arn:aws:states:us-east-1:123456789012:execution:fixture-machine:fixture-execution"
                .into(),
        execution_name: "fixture-execution".into(),
        state_machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:fixture-machine"
            .into(),
        state_machine_name: "fixture-machine".into(),
        role_arn: "arn:aws:iam::123456789012:role/sfn".into(),
        input: serde_json::from_str(input).expect("input is JSON"),
        input_text: input.to_string(),
        start_millis: chrono::Utc::now().timestamp_millis(),
        redrive_count: 0,
        region: "us-east-1".into(),
        state_machine_version_arn: None,
        state_machine_alias_arn: None,
    };
    let dir = tempfile::tempdir().unwrap();
    let runner: Box<dyn TaskRunner> = match mock {
        Some((config, case)) => {
            let path = dir.path().join("mock.json");
            std::fs::write(&path, config.to_string()).unwrap();
            sfn::tasks::runner_for(Some(&path), None, "fixture-machine", Some(case)).unwrap()
        }
        None => Box::new(NoTasks),
    };
    let mut sink = Collect(Vec::new());
    let mut execution = Execution::start(&machine, info, &Clock::system(), &mut sink);
    let mut env = Env {
        machine: &machine,
        tasks: runner.as_ref(),
        sink: &mut sink,
        options: Options {
            wait_time_scale: 0.0,
            ..Options::default()
        },
    };
    execution.run(&mut env);
    let outcome = match &execution.status {
        Status::Succeeded { output } => json!({"status": "SUCCEEDED", "output": output}),
        Status::Failed { error, cause } => {
            json!({"status": "FAILED", "error": error, "cause": cause})
        }
        other => json!({"status": other.name()}),
    };
    let events = sink
        .0
        .iter()
        .map(|e| {
            let mut v = event_json(e, true);
            v.as_object_mut().unwrap().remove("timestamp");
            v
        })
        .collect();
    (outcome, events)
}

/// Replaces ISO 8601 timestamps (start and entered times in the context object) in the
/// JSON text of `value`, and the generated parts of map run ARNs.
fn without_dates(value: &Value) -> Value {
    static DATES: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z").unwrap()
    });
    let text = value.to_string();
    let text = DATES.replace_all(&text, "<date>");
    serde_json::from_str(&MAP_RUNS.replace_all(&text, MAP_RUN_PLACEHOLDER)).unwrap()
}

/// A map run's ARN ends in a generated label and id: the fixtures hold the placeholders the
/// recordings use for them.
static MAP_RUNS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r":mapRun:fixture-machine/[0-9a-f-]{36}:[0-9a-f-]{36}").unwrap()
});
const MAP_RUN_PLACEHOLDER: &str =
    ":mapRun:fixture-machine/<MapRunArnPart0_0idx>:<MapRunArnPart1_0idx>";

/// Runs the fixture `file` and compares its outcome and every event with AWS's.
fn reproduces(file: &str) {
    let fixture = engine_fixtures::load(file);
    let input = fixture["input"].as_str().unwrap();
    let mock = fixture
        .get("mock_config")
        .map(|c| (c, fixture["mock_test_case"].as_str().unwrap_or("")));
    let (outcome, events) = run(&fixture["definition"], input, mock);
    assert_eq!(
        without_dates(&outcome),
        without_dates(&fixture["outcome"]),
        "{file}: outcome"
    );
    let expected = fixture["events"].as_array().unwrap();
    if let Some(i) = (0..expected.len().max(events.len())).find(|&i| {
        without_dates(expected.get(i).unwrap_or(&Value::Null))
            != without_dates(events.get(i).unwrap_or(&Value::Null))
    }) {
        panic!(
            "{file}: event {i} of {}\n  expected {}\n  actual   {}",
            expected.len(),
            expected.get(i).unwrap_or(&Value::Null),
            events.get(i).unwrap_or(&Value::Null)
        );
    }
}

/// One test per fixture.
macro_rules! reproduce_each {
    ($($name:ident: $file:literal,)*) => {
        $(
            #[test]
            fn $name() {
                reproduces($file);
            }
        )*
    };
}

/// Each fixture of `tests/fixtures/engine/` reproduces AWS's history.
mod fixtures_reproduce_awss_histories {
    use super::*;
    engine_fixtures!(reproduce_each);
}
