use serde_json::json;

use super::*;
use crate::asl::resource::{Pattern, Resource, TaskResource};
use crate::asl::source::Document;

fn document(text: &str) -> Document {
    Document::parse(text).unwrap()
}

#[test]
fn states_come_in_text_order_with_their_positions() {
    let doc = document(
        "{\"StartAt\": \"B\",\n \"States\": {\n  \"B\": {\"Type\": \"Pass\", \"Next\": \"A\"},\n  \"A\": {\"Type\": \"Succeed\"}}}",
    );
    let machine = Machine::parse(&doc);
    let scope = &machine.scope;
    assert_eq!(scope.kind, ScopeKind::Machine);
    assert_eq!(scope.start_at(), Some("B"));
    assert_eq!(scope.start_at.as_ref().unwrap().position, Some((1, 2)));
    let names: Vec<&str> = scope.states().iter().map(|s| s.name).collect();
    assert_eq!(names, ["B", "A"]);
    let b = scope.state("B").unwrap();
    assert_eq!(b.location, "/States/B");
    assert_eq!(b.position, Some((3, 3)));
    assert_eq!(b.state_type(), Some(StateType::Pass));
    assert_eq!(b.state_type.as_ref().unwrap().position, Some((3, 9)));
    assert_eq!(
        b.transitions(),
        [Transition {
            target: "A",
            location: "/States/B/Next",
            position: Some((3, 25)),
        }]
    );
    assert!(!b.is_terminal());
    assert!(scope.state("A").unwrap().is_terminal());
}

#[test]
fn every_transition_is_found_in_order() {
    let value = json!({"StartAt": "C", "States": {"C": {
        "Type": "Choice",
        "Choices": [{"Next": "X"}, {"Next": 7}, {"Next": "Y"}],
        "Default": "D",
        "Next": "N",
        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "E"}, "not a catcher"]}}});
    let machine = Machine::read(&value, None);
    let state = &machine.scope.states()[0];
    let found: Vec<(&str, &str)> = state
        .transitions()
        .iter()
        .map(|t| (t.target, t.location))
        .collect();
    assert_eq!(
        found,
        [
            ("N", "/States/C/Next"),
            ("X", "/States/C/Choices[0]/Next"),
            ("Y", "/States/C/Choices[2]/Next"),
            ("D", "/States/C/Default"),
            ("E", "/States/C/Catch[0]/Next"),
        ]
    );
    // The rule whose Next is a number is kept, its reading failed.
    let Body::Choice { choices, .. } = &state.body else {
        panic!("a Choice body")
    };
    let rules = choices.as_ref().unwrap().ok().unwrap();
    let next = rules[1].next.as_ref().unwrap();
    assert_eq!(next.parsed, Err(Expected::String));
    assert_eq!(next.location, "/States/C/Choices[1]/Next");
    let catchers = state.catch.as_ref().unwrap().ok().unwrap();
    assert!(catchers[1].fields.is_none());
    assert_eq!(catchers[1].location, "/States/C/Catch[1]");
}

#[test]
fn wrong_shapes_are_recorded_not_fatal() {
    let value = json!({"StartAt": 3, "QueryLanguage": "jsonpath", "TimeoutSeconds": -1,
        "States": {
            "S": "not an object",
            "T": {"Type": "Loop", "Next": ["A"], "End": "yes", "Catch": {}},
            "P": {"Type": "Parallel", "Branches": {"StartAt": "x"}},
            "M": {"Type": "Map", "End": true}}});
    let machine = Machine::read(&value, None);
    assert_eq!(
        machine.query_language.as_ref().unwrap().parsed,
        Err(Expected::OneOf(&["JSONPath", "JSONata"]))
    );
    // As AWS resolves it: anything but exactly JSONPath is JSONata.
    assert_eq!(machine.language, QueryLanguage::Jsonata);
    assert_eq!(
        machine.timeout_seconds.as_ref().unwrap().parsed,
        Err(Expected::Integer)
    );
    let scope = &machine.scope;
    assert_eq!(
        scope.start_at.as_ref().unwrap().parsed,
        Err(Expected::String)
    );
    assert_eq!(scope.states().len(), 4);
    let s = scope.state("S").unwrap();
    assert!(s.fields.is_none() && s.state_type.is_none());
    assert_eq!(s.language, QueryLanguage::Jsonata);
    let t = scope.state("T").unwrap();
    assert!(matches!(
        t.state_type.as_ref().unwrap().parsed,
        Err(Expected::OneOf(_))
    ));
    assert_eq!(t.next.as_ref().unwrap().parsed, Err(Expected::String));
    assert_eq!(t.end.as_ref().unwrap().parsed, Err(Expected::Boolean));
    assert_eq!(
        t.catch.as_ref().unwrap().parsed.as_ref().err(),
        Some(&Expected::Array)
    );
    assert!(t.transitions().is_empty() && !t.is_terminal());
    let p = scope.state("P").unwrap();
    let Body::Parallel { branches } = &p.body else {
        panic!("a Parallel body")
    };
    assert_eq!(branches.as_ref().unwrap().location, "/States/P/Branches");
    assert!(branches.as_ref().unwrap().ok().is_none());
    let m = scope.state("M").unwrap();
    assert!(matches!(m.body, Body::Map { processor: None }));
    assert!(m.is_terminal());

    let not_a_machine = json!(["StartAt"]);
    let machine = Machine::read(&not_a_machine, None);
    assert!(machine.fields.is_none() && machine.scope.states().is_empty());
    let no_states = json!({"StartAt": "A", "States": []});
    let machine = Machine::read(&no_states, None);
    assert_eq!(
        machine.scope.states.as_ref().unwrap().parsed.as_ref().err(),
        Some(&Expected::Object)
    );
}

#[test]
fn nested_scopes_have_their_kind_location_position_and_the_machine_language() {
    let text = r#"{"QueryLanguage": "JSONata", "StartAt": "P", "States": {
  "P": {"Type": "Parallel", "QueryLanguage": "JSONPath", "End": true, "Branches": [
    {"StartAt": "A", "States": {"A": {"Type": "Succeed"}}},
    "oops"]},
  "M": {"Type": "Map", "End": true,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"}, "StartAt": "I",
          "States": {"I": {"Type": "Pass", "End": true}}},
        "Iterator": {"StartAt": "J", "States": {}}}}}"#;
    let doc = document(text);
    let machine = Machine::parse(&doc);
    let p = machine.scope.state("P").unwrap();
    assert_eq!(p.language, QueryLanguage::JsonPath);
    let scopes = p.scopes();
    assert_eq!(scopes.len(), 2);
    assert_eq!(scopes[0].kind, ScopeKind::Branch(0));
    assert_eq!(scopes[0].location, "/States/P/Branches[0]");
    assert_eq!(scopes[0].position, Some((3, 5)));
    let a = &scopes[0].states()[0];
    assert_eq!(a.location, "/States/P/Branches[0]/States/A");
    assert_eq!(a.position, Some((3, 33)));
    // The machine's language, not the enclosing Parallel's.
    assert_eq!(a.language, QueryLanguage::Jsonata);
    assert!(scopes[1].fields.is_none() && scopes[1].states().is_empty());

    let m = machine.scope.state("M").unwrap();
    let [processor] = m.scopes()[..] else {
        panic!("one processor")
    };
    // ItemProcessor wins over the deprecated Iterator.
    assert_eq!(processor.kind, ScopeKind::ItemProcessor);
    assert!(processor.distributed);
    assert_eq!(processor.location, "/States/M/ItemProcessor");
    assert_eq!(
        processor.states()[0].location,
        "/States/M/ItemProcessor/States/I"
    );
    assert_eq!(processor.states()[0].position, Some((7, 22)));
}

#[test]
fn task_resources_are_parsed_once() {
    let value = json!({"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true},
        "U": {"Type": "Task", "Resource": 12, "End": true},
        "V": {"Type": "Pass", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}});
    let machine = Machine::read(&value, None);
    let resource = |name: &str| match &machine.scope.state(name).unwrap().body {
        Body::Task { resource } => resource.clone(),
        _ => None,
    };
    let t = resource("T").unwrap();
    assert_eq!(t.location, "/States/T/Resource");
    assert_eq!(
        t.parsed.as_ref().map(TaskResource::parsed),
        Ok(&Resource::Integration {
            service: "sqs".into(),
            api: "sendMessage".into(),
            suffix: Some("waitForTaskToken".into()),
            pattern: Pattern::WaitForTaskToken,
        })
    );
    assert_eq!(
        t.ok().map(TaskResource::arn),
        Some("arn:aws:states:::sqs:sendMessage.waitForTaskToken")
    );
    assert_eq!(resource("U").unwrap().parsed, Err(Expected::String));
    // Only a Task has a resource.
    assert!(resource("V").is_none());
}
