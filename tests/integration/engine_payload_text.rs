//! How payloads read in the history. AWS keeps a payload's text as it came (the execution
//! input's spacing) for as long as states pass it on unchanged: into Parallel branches,
//! through Pass/Choice/Wait states without data fields, and into a Parallel's output,
//! which it builds from its branches' texts. A state that transforms the payload writes
//! it anew, compactly. Also: what a Catch sees of a timeout.
use serde_json::{json, Value};
use sfn::api::executions::event_json;
use sfn::asl::definition;
use sfn::clock::Clock;
use sfn::engine::{
    task::{TaskInvocation, TaskOutcome, TaskRunner},
    Env, EventSink, Execution, ExecutionInfo, HistoryEvent, Options, Status,
};

struct Collect(Vec<HistoryEvent>);

impl EventSink for Collect {
    fn emit(&mut self, event: &HistoryEvent) {
        self.0.push(event.clone());
    }
}

/// Every task times out (`TimeoutSeconds` elapsed).
struct TimesOut;

impl TaskRunner for TimesOut {
    fn invoke(&self, _: &TaskInvocation) -> TaskOutcome {
        TaskOutcome::TimedOut
    }
}

/// Runs `definition` on the input text `input`; returns the status and the events.
fn run(definition: Value, input: &str) -> (Status, Vec<Value>) {
    let machine = definition::parse(&definition).expect("definition parses");
    let info = ExecutionInfo {
        execution_arn: "arn:aws:states:us-east-1:123456789012:execution:m:e".into(),
        execution_name: "e".into(),
        state_machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:m".into(),
        state_machine_name: "m".into(),
        role_arn: "arn:aws:iam::123456789012:role/r".into(),
        input: serde_json::from_str(input).unwrap(),
        input_text: input.into(),
        start_millis: chrono::Utc::now().timestamp_millis(),
        redrive_count: 0,
        region: "us-east-1".into(),
        state_machine_version_arn: None,
        state_machine_alias_arn: None,
    };
    let mut sink = Collect(Vec::new());
    let mut execution = Execution::start(&machine, info, &Clock::system(), &mut sink);
    execution.run(&mut Env {
        machine: &machine,
        tasks: &TimesOut,
        sink: &mut sink,
        options: Options {
            wait_time_scale: 0.0,
            ..Options::default()
        },
    });
    let events = sink.0.iter().map(|e| event_json(e, true)).collect();
    (execution.status.clone(), events)
}

/// `(type, text)` of every event that shows a payload (input or output).
fn texts(events: &[Value]) -> Vec<(String, String)> {
    events
        .iter()
        .filter_map(|event| {
            let details = event
                .as_object()?
                .iter()
                .find(|(k, _)| k.ends_with("Details"))?
                .1;
            let text = details.get("input").or_else(|| details.get("output"))?;
            Some((
                event["type"].as_str()?.to_string(),
                text.as_str()?.to_string(),
            ))
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(t, s)| (t.to_string(), s.to_string()))
        .collect()
}

#[test]
fn nested_parallel_branches_carry_the_inputs_text_into_their_outputs() {
    // AWS's recording of this machine (LocalStack's `test_parallel_state_nested`) ends
    // with the output `[[[[1, 2, 3], [4, 5, 6]]]]`: the input's spaces survive.
    let branch = |start: &str, states: Value| json!({"StartAt": start, "States": states});
    let definition = json!({"StartAt": "ParallelStateL1", "States": {"ParallelStateL1": {
        "Type": "Parallel", "End": true, "Branches": [branch("ParallelStateL2", json!({
            "ParallelStateL2": {"Type": "Parallel", "End": true, "Branches": [
                branch("BranchL2", json!({"BranchL2": {"Type": "Pass", "End": true}}))]}}))]}}});
    let input = "[[1, 2, 3], [4, 5, 6]]";
    let (status, events) = run(definition, input);
    assert_eq!(
        status,
        Status::Succeeded {
            output: json!([[[[1, 2, 3], [4, 5, 6]]]])
        }
    );
    assert_eq!(
        texts(&events),
        pairs(&[
            ("ExecutionStarted", input),
            ("ParallelStateEntered", input),
            ("ParallelStateEntered", input),
            ("PassStateEntered", input),
            ("PassStateExited", input),
            ("ParallelStateExited", "[[[1, 2, 3], [4, 5, 6]]]"),
            ("ParallelStateExited", "[[[[1, 2, 3], [4, 5, 6]]]]"),
            ("ExecutionSucceeded", "[[[[1, 2, 3], [4, 5, 6]]]]"),
        ])
    );
}

#[test]
fn a_parallels_output_joins_raw_and_rewritten_branch_outputs() {
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
    "Branches": [
        {"StartAt": "Keep", "States": {"Keep": {"Type": "Pass", "End": true}}},
        {"StartAt": "Pick", "States": {"Pick": {"Type": "Pass", "InputPath": "$.a", "End": true}}}
    ]}}});
    let (_, events) = run(definition, r#"{"a": [1, 2]}"#);
    let last = texts(&events).pop().unwrap();
    assert_eq!(last.1, r#"[{"a": [1, 2]},[1,2]]"#);
}

#[test]
fn states_that_pass_their_input_on_keep_its_text() {
    let definition = json!({"StartAt": "Look", "States": {
        "Look": {"Type": "Choice", "Choices": [
            {"Variable": "$.n", "NumericEquals": 1, "Next": "Rest"}], "Default": "Rest"},
        "Rest": {"Type": "Wait", "Seconds": 0, "Next": "Same"},
        "Same": {"Type": "Pass", "InputPath": "$", "OutputPath": "$", "ResultPath": "$",
                 "Next": "Keep"},
        "Keep": {"Type": "Pass", "Result": "ignored", "ResultPath": null, "End": true}}});
    let input = "{\"n\": 1,\n \"x\": 1e2}";
    let (_, events) = run(definition, input);
    for (event_type, text) in texts(&events) {
        assert_eq!(text, input, "{event_type}");
    }
}

#[test]
fn states_that_transform_their_payload_write_it_anew() {
    let definition = json!({"StartAt": "Params", "States": {
        "Params": {"Type": "Pass", "Parameters": {"n.$": "$.n"}, "Next": "Result"},
        "Result": {"Type": "Pass", "ResultPath": "$.copy", "Next": "Path"},
        "Path": {"Type": "Pass", "OutputPath": "$.copy", "Next": "Literal"},
        "Literal": {"Type": "Pass", "Result": {"a": 1}, "End": true}}});
    let (_, events) = run(definition, r#"{"n": 1, "m": 2}"#);
    assert_eq!(
        texts(&events)[2..],
        pairs(&[
            ("PassStateExited", r#"{"n":1}"#),
            ("PassStateEntered", r#"{"n":1}"#),
            ("PassStateExited", r#"{"n":1,"copy":{"n":1}}"#),
            ("PassStateEntered", r#"{"n":1,"copy":{"n":1}}"#),
            ("PassStateExited", r#"{"n":1}"#),
            ("PassStateEntered", r#"{"n":1}"#),
            ("PassStateExited", r#"{"a":1}"#),
            ("ExecutionSucceeded", r#"{"a":1}"#),
        ])
    );
}

#[test]
fn a_branch_given_a_rewritten_input_starts_from_our_text() {
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Parameters": {"v.$": "$.v"},
        "Branches": [{"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}});
    let (_, events) = run(definition, r#"{"v": [1, 2]}"#);
    let texts = texts(&events);
    assert_eq!(
        texts[2],
        pairs(&[("PassStateEntered", r#"{"v":[1,2]}"#)])[0]
    );
    assert_eq!(texts.last().unwrap().1, r#"[{"v":[1,2]}]"#);
}

#[test]
fn a_caught_timeout_has_an_empty_cause() {
    let definition = json!({"StartAt": "Call", "States": {
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "f"}, "TimeoutSeconds": 1,
                 "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error",
                            "Next": "Done"}],
                 "End": true},
        "Done": {"Type": "Pass", "End": true}}});
    let (status, events) = run(definition, "{}");
    assert_eq!(
        status,
        Status::Succeeded {
            output: json!({"error": {"Error": "States.Timeout", "Cause": ""}})
        }
    );
    // The timeout's own event has no cause.
    let timed_out = events.iter().find(|e| e["type"] == "TaskTimedOut").unwrap();
    assert_eq!(
        timed_out["taskTimedOutEventDetails"]["error"],
        "States.Timeout"
    );
    assert!(timed_out["taskTimedOutEventDetails"].get("cause").is_none());
}

#[test]
fn an_uncaught_timeout_fails_the_execution_without_a_cause() {
    let definition = json!({"StartAt": "Call", "States": {
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                 "Parameters": {"FunctionName": "f"}, "TimeoutSeconds": 1, "End": true}}});
    let (status, events) = run(definition, "{}");
    assert_eq!(
        status,
        Status::Failed {
            error: Some("States.Timeout".into()),
            cause: None
        }
    );
    assert_eq!(
        events.last().unwrap()["executionFailedEventDetails"],
        json!({"error": "States.Timeout"})
    );
}
