//! Through the `sfn` binary: local handler commands of Parallel branches and Map
//! iterations run at the same time. Each command below finishes only once its peers have
//! started (they meet through files), so run one after another they would give up.
use crate::cli_support;

use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

/// Marks its input (a JSON string) as started, then waits until `$PEERS` have (at most
/// `$TRIES` times 50 ms).
const MEET: &str = r#"
name=$(tr -d '"')
touch "started.$name"
i=0
while [ "$(ls started.* | wc -l)" -lt "$PEERS" ]; do
  i=$((i+1))
  if [ "$i" -gt "$TRIES" ]; then echo "only $(ls started.* | wc -l) of $PEERS started" >&2; exit 1; fi
  sleep 0.05
done
printf '"%s met"' "$name"
"#;

fn start(sfn: &Sfn, definition: Value, input: &str, peers: usize, tries: usize) -> Value {
    sfn.write("meet.sh", MEET);
    let handlers = json!({"lambda": {"meet": {
        "command": ["sh", "meet.sh"],
        "env": {"PEERS": peers.to_string(), "TRIES": tries.to_string()}}}});
    sfn.write("handlers.json", &handlers.to_string());
    let created = sfn.json(&[
        "create-state-machine",
        "--name",
        "meet",
        "--definition",
        &definition.to_string(),
        "--role-arn",
        ROLE,
    ]);
    let arn = created["stateMachineArn"].as_str().unwrap();
    sfn.run_to_end(arn, &["--input", input, "--handlers", "handlers.json"])
}

const MEET_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:meet";

#[test]
fn parallel_branches_run_their_commands_at_the_same_time() {
    let branch = |name: &str| {
        json!({"StartAt": name, "States": {name: {"Type": "Task", "Resource": MEET_ARN,
            "InputPath": format!("$.{name}"), "End": true}}})
    };
    let definition = json!({"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
        "Branches": [branch("a"), branch("b"), branch("c")]}}});
    let described = start(
        &sfn_new(),
        definition,
        r#"{"a": "a", "b": "b", "c": "c"}"#,
        3,
        400,
    );
    assert_eq!(described["status"], "SUCCEEDED", "{described:#}");
    assert_eq!(described["output"], r#"["a met","b met","c met"]"#);
}

#[test]
fn map_iterations_run_their_commands_at_the_same_time() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "MaxConcurrency": 4,
        "ItemProcessor": {"StartAt": "T", "States": {
            "T": {"Type": "Task", "Resource": MEET_ARN, "End": true}}}}}});
    let described = start(&sfn_new(), definition, r#"["1", "2", "3", "4"]"#, 4, 400);
    assert_eq!(described["status"], "SUCCEEDED", "{described:#}");
    assert_eq!(described["output"], r#"["1 met","2 met","3 met","4 met"]"#);
}

#[test]
fn max_concurrency_one_runs_the_commands_one_by_one() {
    // Each command waits for two peers: one at a time, the first gives up (after 0.5 s).
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "MaxConcurrency": 1,
        "ItemProcessor": {"StartAt": "T", "States": {
            "T": {"Type": "Task", "Resource": MEET_ARN, "End": true}}}}}});
    let described = start(&sfn_new(), definition, r#"["1", "2"]"#, 2, 10);
    assert_eq!(described["status"], "FAILED", "{described:#}");
    assert!(
        described["cause"]
            .as_str()
            .is_some_and(|c| c.contains("only 1 of 2 started")),
        "{described:#}"
    );
}

fn sfn_new() -> Sfn {
    Sfn::new()
}

#[test]
fn distributed_map_children_run_at_the_same_time() {
    let definition = json!({"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "MaxConcurrency": 3,
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": MEET_ARN, "End": true}}}}}});
    let sfn = sfn_new();
    let described = start(&sfn, definition, r#"["1", "2", "3"]"#, 3, 400);
    assert_eq!(described["status"], "SUCCEEDED", "{described:#}");
    assert_eq!(described["output"], r#"["1 met","2 met","3 met"]"#);
    let runs = sfn.json(&[
        "list-map-runs",
        "--execution-arn",
        described["executionArn"].as_str().unwrap(),
    ]);
    let children = sfn.json(&[
        "list-executions",
        "--map-run-arn",
        runs["mapRuns"][0]["mapRunArn"].as_str().unwrap(),
    ]);
    let statuses: Vec<&Value> = children["executions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["status"])
        .collect();
    assert_eq!(statuses, ["SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
}
