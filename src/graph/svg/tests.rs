use super::*;
use crate::graph::{render, render_run, Format, Visits};
use serde_json::json;

fn state_rects(svg: &str) -> usize {
    svg.matches("data-state=").count()
}

#[test]
fn every_state_is_a_node_and_containers_hold_their_branches() {
    let definition = json!({"StartAt": "Check", "States": {
        "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 3, "Next": "Work"}], "Default": "Oops"},
        "Work": {"Type": "Parallel", "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "Gone"}}}
        ], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops"}], "Next": "Done"},
        "Done": {"Type": "Succeed"},
        "Oops": {"Type": "Fail", "Error": "E"}}});
    let svg = render(&definition, Format::Svg, &HashMap::new());
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{svg}"
    );
    assert_eq!(state_rects(&svg), 6, "{svg}");
    // The Parallel's box holds both branch boxes.
    let container = svg.find("data-cluster=\"Work (Parallel)\"").unwrap();
    let branch1 = svg.find("data-cluster=\"branch 1\"").unwrap();
    let branch2 = svg.find("data-cluster=\"branch 2\"").unwrap();
    assert!(container < branch1 && branch1 < branch2);
    assert!(svg.contains(">$.n &gt; 3</text>"), "{svg}");
    assert!(
        svg.contains("class=\"sfn-edge e-catch\" data-from=\"Work\" data-to=\"Oops\""),
        "{svg}"
    );
    assert!(svg.contains("e-missing"), "{svg}");
    assert!(svg.contains("k-missing"), "{svg}");
    assert!(!svg.contains("class=\"legend\""));
    assert!(!svg.contains("NaN"), "{svg}");
}

#[test]
fn outcomes_colour_states_and_add_a_legend() {
    let definition = json!({"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Next": "A2"}, "A2": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}});
    let outcomes = HashMap::from([
        ("A".to_string(), Outcome::Succeeded),
        ("A2".to_string(), Outcome::Failed),
    ]);
    let visits = Visits {
        states: HashMap::from([("A2".to_string(), (2, 1))]),
        ..Visits::default()
    };
    let svg = render_run(&definition, Format::Svg, &outcomes, &visits);
    assert!(
        svg.contains("class=\"sfn-node k-pass o-succeeded\" data-state=\"A\""),
        "{svg}"
    );
    assert!(
        svg.contains("class=\"sfn-node k-task o-failed\" data-state=\"A2\""),
        "{svg}"
    );
    assert!(svg.contains("2 ✓ 1 ✘"));
    assert!(svg.contains("class=\"legend\"") && svg.contains("failed, caught"));
}

#[test]
fn loops_self_loops_duplicates_and_odd_names_lay_out() {
    let definition = json!({"StartAt": "<a&b>", "States": {
        "<a&b>": {"Type": "Choice", "Choices": [
            {"Variable": "$.x", "BooleanEquals": true, "Next": "<a&b>"},
            {"Variable": "$.y", "BooleanEquals": true, "Next": "L"},
            {"Variable": "$.z", "BooleanEquals": true, "Next": "L"}], "Default": "L"},
        "L": {"Type": "Pass", "Next": "<a&b>"},
        "Empty": {"Type": "Map", "ItemProcessor": {"StartAt": "X", "States": {}}, "End": true}}});
    let svg = render(&definition, Format::Svg, &HashMap::new());
    assert!(svg.contains("data-state=\"&lt;a&amp;b&gt;\""), "{svg}");
    // The three ways to L are one edge, its label joining theirs.
    assert_eq!(svg.matches("data-to=\"L\"").count(), 1, "{svg}");
    assert!(
        svg.contains("<title>$.y == true or $.z == true or Default</title>"),
        "{svg}"
    );
    assert!(!svg.contains("NaN"), "{svg}");
    let nothing = render(&json!({}), Format::Svg, &HashMap::new());
    assert!(nothing.starts_with("<svg"));
}
