use super::*;
use serde_json::json;

fn sample() -> Value {
    json!({
        "StartAt": "Check",
        "States": {
            "Check": {"Type": "Choice", "Choices": [
                {"Variable": "$.n", "NumericGreaterThan": 3, "Next": "Work"},
                {"And": [{"Variable": "$.a", "IsPresent": true}, {"Variable": "$.b", "StringEquals": "x"}], "Next": "Done"}
            ], "Default": "Oops"},
            "Work": {"Type": "Parallel", "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}
            ], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops"}], "Next": "Done"},
            "Done": {"Type": "Succeed"},
            "Oops": {"Type": "Fail", "Error": "E"}
        }
    })
}

#[test]
fn dot_has_labelled_choice_edges_dashed_catches_and_branch_clusters() {
    let dot = render(&sample(), Format::Dot, &HashMap::new());
    assert!(dot.starts_with("digraph workflow {"));
    assert!(dot.contains("label=\"$.n > 3\""), "{dot}");
    assert!(
        dot.contains("label=\"($.a is present) and ($.b == \\\"x\\\")\""),
        "{dot}"
    );
    assert!(dot.contains("label=\"Default\""));
    assert!(dot.contains("label=\"catch States.ALL\", style=dashed"));
    // The Parallel is a box holding its node and its two branches.
    assert_eq!(dot.matches("subgraph cluster_").count(), 3);
    assert!(dot.contains("label=\"Work (Parallel)\""));
    assert!(dot.contains("label=\"branch 2\""));
    // Parallel's Next leaves from its join node, after the branches.
    assert!(dot.contains("s1_join -> s2;"), "{dot}");
    assert!(dot.contains("start -> s0;"));
}

#[test]
fn mermaid_is_a_flowchart_with_subgraphs_and_styles_for_outcomes() {
    let outcomes = HashMap::from([
        ("Check".to_string(), Outcome::Succeeded),
        ("Oops".to_string(), Outcome::Failed),
    ]);
    let text = render(&sample(), Format::Mermaid, &outcomes);
    assert!(text.starts_with("flowchart TD\n"));
    assert!(text.contains("subgraph "));
    assert!(text.contains("\n  end\n"), "{text}");
    assert!(text.contains("s0 -- \"$.n #gt; 3\" --> s1"), "{text}");
    assert!(text.contains("s1 -. \"catch States.ALL\" .-> s3"), "{text}");
    assert!(text.contains("style s0 fill:#b7e4c7"));
    assert!(text.contains("style s3 fill:#f4a7a7"));
}

#[test]
fn containers_details_visits_legend_and_missing_targets() {
    let definition = json!({"StartAt": "Each", "States": {
        "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "Try", "States": {
            "Try": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:work", "End": true}}},
            "Next": "Pause"},
        "Pause": {"Type": "Wait", "Seconds": 5, "Next": "<b>Bold</b>"},
        "<b>Bold</b>": {"Type": "Pass", "Next": "Nowhere"}}});
    let outcomes = HashMap::from([("Try".to_string(), Outcome::Failed)]);
    let visits = Visits {
        states: HashMap::from([("Try".to_string(), (2, 1)), ("Each".to_string(), (1, 0))]),
        iterations: HashMap::from([("Each".to_string(), 3)]),
    };
    let dot = render_run(&definition, Format::Dot, &outcomes, &visits);
    // One visit of the Map shows no visit count, but its iterations.
    assert!(dot.contains("3 iterations"), "{dot}");
    // The Map is a box holding its own node and its item processor.
    assert!(dot.contains("label=\"Each (Map)\""), "{dot}");
    assert!(dot.contains("label=\"each item\""), "{dot}");
    let ids: Vec<&str> = dot
        .lines()
        .filter_map(|l| l.trim().strip_prefix("subgraph "))
        .collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "cluster ids repeat: {dot}");
    assert!(dot.contains("Try\\n(Task: lambda work)\\n2 ✓ 1 ✘"), "{dot}");
    assert!(dot.contains("Pause\\n(Wait: wait 5s)"), "{dot}");
    assert!(
        dot.contains("cluster_legend") && dot.contains("failed, caught"),
        "{dot}"
    );
    assert!(dot.contains("Nowhere\\n(no such state)"), "{dot}");
    assert!(dot.contains("-> missing"), "{dot}");
    // Without an execution there is nothing to explain.
    assert!(!render(&definition, Format::Dot, &HashMap::new()).contains("legend"));

    let mermaid = render_run(&definition, Format::Mermaid, &outcomes, &visits);
    assert!(mermaid.contains("#lt;b#gt;Bold#lt;/b#gt;"), "{mermaid}");
    assert!(!mermaid.contains("<b>"), "{mermaid}");
    assert!(mermaid.contains("style missing"), "{mermaid}");
    assert!(mermaid.contains("subgraph legend[\"Legend\"]"), "{mermaid}");
}

#[test]
fn jsonata_conditions_and_negated_tests_read_naturally() {
    assert_eq!(
        describe_rule(&json!({"Condition": "{% $x > 1 %}"})),
        "$x > 1"
    );
    assert_eq!(
        describe_rule(&json!({"Not": {"Variable": "$.v", "IsNull": false}})),
        "not ($.v is not null)"
    );
    assert_eq!(
        describe_rule(&json!({"Variable": "$.a", "StringEqualsPath": "$.b"})),
        "$.a == $.b"
    );
}

#[test]
fn task_nodes_say_what_their_resource_names() {
    let detail = |state: Value| node_detail(&state).unwrap();
    let task = |resource: &str| detail(json!({"Type": "Task", "Resource": resource}));
    assert_eq!(
        task("arn:aws:lambda:us-east-1:123456789012:function:charge"),
        "lambda charge"
    );
    assert_eq!(
        task("arn:aws:lambda:us-east-1:123456789012:function:charge:prod"),
        "lambda charge:prod"
    );
    assert_eq!(
        task("arn:aws:states:us-east-1:123456789012:activity:approve"),
        "activity approve"
    );
    assert_eq!(
        task("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
        "sqs:sendMessage.waitForTaskToken"
    );
    assert_eq!(
        task("arn:aws:states:::aws-sdk:s3:getObject"),
        "aws-sdk:s3:getObject"
    );
    assert_eq!(task("arn:aws:states:::lambda:invoke"), "lambda:invoke");
    assert_eq!(
        detail(
            json!({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:1:function:ship:$LATEST"}})
        ),
        "lambda ship"
    );
    // Only lambda:invoke calls the function it is given.
    assert_eq!(
        detail(
            json!({"Type": "Task", "Resource": "arn:aws:states:::sns:publish",
            "Arguments": {"FunctionName": "f"}})
        ),
        "sns:publish"
    );
    assert_eq!(task("not:an:arn"), "arn");
}
