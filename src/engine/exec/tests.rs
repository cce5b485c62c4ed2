use super::errors::field_location;
use super::*;

/// The execution `e` of the machine `m`, with input `{}`.
pub(super) fn info() -> ExecutionInfo {
    ExecutionInfo {
        execution_arn: "arn:aws:states:us-east-1:123456789012:execution:m:e".into(),
        execution_name: "e".into(),
        state_machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:m".into(),
        state_machine_name: "m".into(),
        role_arn: "arn:aws:iam::123456789012:role/r".into(),
        input: json!({}),
        input_text: "{}".into(),
        start_millis: chrono::Utc::now().timestamp_millis(),
        redrive_count: 0,
        region: "us-east-1".into(),
        state_machine_version_arn: None,
        state_machine_alias_arn: None,
    }
}

fn err(name: &str) -> StatesError {
    StatesError::new(name, "cause")
}

fn names_of(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

struct Waits;

impl TaskRunner for Waits {
    fn invoke(&self, _: &TaskInvocation) -> TaskOutcome {
        TaskOutcome::Pending
    }
}

#[derive(Default)]
struct Types(Vec<String>);

impl EventSink for Types {
    fn emit(&mut self, event: &HistoryEvent) {
        self.0.push(event.event_type.to_string());
    }
}

/// Serializes and restores the execution between steps, as the store does.
fn round_trip(execution: &Execution) -> Execution {
    serde_json::from_str(&serde_json::to_string(execution).unwrap()).unwrap()
}

#[test]
fn branches_wait_together_and_take_outcomes_by_token() {
    let ask = json!({"Type": "Task", "End": true,
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken"});
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [
            {"StartAt": "A", "States": {"A": ask}},
            {"StartAt": "B", "States": {"B": ask}}]}}});
    let machine = crate::asl::definition::parse(&definition).unwrap();
    let mut sink = Types::default();
    let mut execution = Execution::start(&machine, info(), &Clock::system(), &mut sink);
    let run = |execution: &mut Execution, sink: &mut Types| {
        execution.run(&mut Env {
            machine: &machine,
            tasks: &Waits,
            sink,
            options: Options::default(),
        })
    };
    assert!(matches!(
        run(&mut execution, &mut sink),
        Progress::Parked(_)
    ));
    let tokens = execution.waiting_tokens();
    assert_eq!(tokens.len(), 2);
    let mut execution = round_trip(&execution);
    assert!(!execution.deliver_to("unknown", TaskOutcome::Succeeded(json!(0))));
    assert!(execution.deliver_to(&tokens[1], TaskOutcome::Succeeded(json!("b"))));
    assert!(matches!(
        run(&mut execution, &mut sink),
        Progress::Parked(_)
    ));
    assert_eq!(execution.waiting_tokens(), [tokens[0].clone()]);
    let mut execution = round_trip(&execution);
    assert!(execution.deliver_to(&tokens[0], TaskOutcome::Succeeded(json!("a"))));
    assert_eq!(run(&mut execution, &mut sink), Progress::Finished);
    assert_eq!(
        execution.status,
        Status::Succeeded {
            output: json!(["a", "b"])
        }
    );
    assert_eq!(sink.0.iter().filter(|t| *t == "TaskSucceeded").count(), 2);
}

#[test]
fn error_matching_follows_the_wildcards() {
    assert!(matches(&names_of(&["States.ALL"]), &err("Custom")));
    assert!(!matches(&names_of(&["States.ALL"]), &err("States.Runtime")));
    assert!(!matches(
        &names_of(&["States.Runtime"]),
        &err("States.Runtime")
    ));
    assert!(matches(
        &names_of(&["States.TaskFailed"]),
        &err("Lambda.Unknown")
    ));
    assert!(!matches(
        &names_of(&["States.TaskFailed"]),
        &err("States.Timeout")
    ));
    assert!(matches(&names_of(&["A", "B"]), &err("B")));
    assert!(!matches(&names_of(&["State.ALL"]), &err("B")));
    let anonymous = StatesError {
        error: None,
        cause: None,
    };
    assert!(matches(&names_of(&["States.ALL"]), &anonymous));
    assert!(!matches(&names_of(&["States.TaskFailed"]), &anonymous));
}

#[test]
fn locations_come_from_the_cause() {
    let machine = crate::asl::definition::parse(&json!({"StartAt": "W", "States": {
        "W": {"Type": "Wait", "Seconds": 1, "End": true},
        "P": {"Type": "Pass", "End": true}}}))
    .unwrap();
    let wait = machine.state(0, "W").unwrap();
    let pass = machine.state(0, "P").unwrap();
    assert_eq!(
        field_location("The Timestamp field cannot be parsed", wait).as_deref(),
        Some("Timestamp")
    );
    assert_eq!(
        field_location(
            "The JSONata expression 'x' specified for the field 'Output/a' returned nothing",
            pass
        )
        .as_deref(),
        Some("Output/a")
    );
    assert_eq!(
        field_location("Map state input must be an array", pass),
        None
    );
}

/// Adds the resource classification that saved states held before the plan kept each
/// Task resource parsed, to every parked task.
fn with_old_form(value: &mut Value, form: &Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(parked)) = map.get_mut("Parked") {
                parked.insert("form".into(), form.clone());
            }
            map.values_mut().for_each(|v| with_old_form(v, form));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| with_old_form(v, form)),
        _ => {}
    }
}

#[test]
fn parked_activities_take_their_worker_and_outcome_from_older_saved_states_too() {
    let arn = "arn:aws:states:us-east-1:123456789012:activity:approve";
    let definition =
        json!({"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": arn, "End": true}}});
    let machine = crate::asl::definition::parse(&definition).unwrap();
    for old in [false, true] {
        let mut sink = Types::default();
        let mut execution = Execution::start(&machine, info(), &Clock::system(), &mut sink);
        let mut env = Env {
            machine: &machine,
            tasks: &Waits,
            sink: &mut sink,
            options: Options::default(),
        };
        let Progress::Parked(parked) = execution.run(&mut env) else {
            panic!("the activity waits for a worker")
        };
        assert_eq!(parked.activity_arn.as_deref(), Some(arn));
        assert_eq!(parked.resource, arn);
        let mut saved = serde_json::to_value(&execution).unwrap();
        if old {
            with_old_form(&mut saved, &json!({"Activity": {"arn": arn}}));
        }
        let mut execution: Execution = serde_json::from_value(saved).unwrap();
        execution.activity_started(env.sink, Some("worker"));
        // Only once.
        execution.activity_started(env.sink, Some("worker"));
        assert!(execution.deliver(TaskOutcome::Succeeded(json!("yes"))));
        assert_eq!(execution.run(&mut env), Progress::Finished);
        assert_eq!(
            sink.0[1..],
            [
                "TaskStateEntered",
                "ActivityScheduled",
                "ActivityStarted",
                "ActivitySucceeded",
                "TaskStateExited",
                "ExecutionSucceeded"
            ]
        );
    }
}
