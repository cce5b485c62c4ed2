//! Distributed Map runs through the real binary: items read from local files standing for
//! S3 (`SFN_S3_ROOT`), child executions with their own history, batching, tolerated
//! failures, exported results, and describe/list/update-map-run with their errors.
use crate::cli_support;

use std::path::{Path, PathBuf};

use cli_support::{Sfn, ROLE};
use serde_json::{json, Value};

/// A test's `sfn` plus a directory standing for S3.
struct Env {
    sfn: Sfn,
    s3: Option<PathBuf>,
}

impl Env {
    fn new() -> Env {
        let sfn = Sfn::new();
        let s3 = sfn.dir.path().join("s3");
        std::fs::create_dir_all(s3.join("bucket")).unwrap();
        Env { sfn, s3: Some(s3) }
    }

    fn without_s3() -> Env {
        Env {
            sfn: Sfn::new(),
            s3: None,
        }
    }

    fn put(&self, key: &str, content: &str) {
        let path = self.s3.as_ref().unwrap().join("bucket").join(key);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn object(&self, bucket_key: &str) -> PathBuf {
        self.s3.as_ref().unwrap().join(bucket_key)
    }

    fn out(&self, args: &[&str]) -> std::process::Output {
        let mut cmd = self.sfn.cmd();
        cmd.env_remove("SFN_S3_ROOT");
        if let Some(s3) = &self.s3 {
            cmd.env("SFN_S3_ROOT", s3);
        }
        cmd.args(args).output().unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.out(args);
        assert!(
            out.status.success(),
            "sfn {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        if text.trim().is_empty() {
            return json!({});
        }
        serde_json::from_str(&text).unwrap()
    }

    /// (exit code, stderr) of a command that must fail.
    fn fail(&self, args: &[&str]) -> (i32, String) {
        let out = self.out(args);
        assert!(!out.status.success(), "sfn {args:?} succeeded");
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// Runs `definition` on `input`; answers the execution's description.
    fn execute(&self, definition: &Value, input: &str) -> Value {
        let machine = self.json(&[
            "create-state-machine",
            "--name",
            "sm",
            "--definition",
            &definition.to_string(),
            "--role-arn",
            ROLE,
        ])["stateMachineArn"]
            .as_str()
            .unwrap()
            .to_string();
        // Through this Env's commands, which name the S3 directory.
        let execution = self.json(&[
            "start-execution",
            "--state-machine-arn",
            &machine,
            "--input",
            input,
        ])["executionArn"]
            .as_str()
            .unwrap()
            .to_string();
        self.json(&["describe-execution", "--execution-arn", &execution])
    }

    fn map_run_of(&self, execution: &Value) -> String {
        let runs = self.json(&[
            "list-map-runs",
            "--execution-arn",
            execution["executionArn"].as_str().unwrap(),
        ]);
        assert_eq!(runs["mapRuns"].as_array().unwrap().len(), 1);
        runs["mapRuns"][0]["mapRunArn"]
            .as_str()
            .unwrap()
            .to_string()
    }

    fn children(&self, map_run: &str) -> Vec<Value> {
        self.json(&["list-executions", "--map-run-arn", map_run])["executions"]
            .as_array()
            .unwrap()
            .clone()
    }
}

fn output(execution: &Value) -> Value {
    serde_json::from_str(execution["output"].as_str().expect("output")).unwrap()
}

/// A distributed Map named M with `extra` fields whose children run `processor_states`.
fn distributed(extra: Value, processor_states: Value) -> Value {
    let mut map = json!({
        "Type": "Map",
        "Label": "rows",
        "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Work",
            "States": processor_states,
        },
        "End": true,
    });
    for (k, v) in extra.as_object().unwrap() {
        map[k] = v.clone();
    }
    json!({"StartAt": "M", "States": {"M": map}})
}

fn pass() -> Value {
    json!({"Work": {"Type": "Pass", "End": true}})
}

/// Children that fail when their item has `"bad": "yes"`.
fn fails_on_bad() -> Value {
    json!({
        "Work": {"Type": "Choice", "Choices": [
            {"Variable": "$.bad", "StringEquals": "yes", "Next": "Boom"}
        ], "Default": "Fine"},
        "Boom": {"Type": "Fail", "Error": "Bad", "Cause": "bad row"},
        "Fine": {"Type": "Pass", "End": true}
    })
}

fn csv_reader(key: &str, config: Value) -> Value {
    json!({"ItemReader": {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": config,
        "Parameters": {"Bucket": "bucket", "Key": key},
    }})
}

#[test]
fn csv_rows_with_headers_run_as_child_executions() {
    let env = Env::new();
    env.put("in.csv", "id,name\n1,alpha\n2,\"b, c\"\n3,gamma\n");
    let def = distributed(
        csv_reader(
            "in.csv",
            json!({"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}),
        ),
        pass(),
    );
    let execution = env.execute(&def, "{}");
    assert_eq!(execution["status"], "SUCCEEDED");
    assert_eq!(
        output(&execution),
        json!([
            {"id": "1", "name": "alpha"},
            {"id": "2", "name": "b, c"},
            {"id": "3", "name": "gamma"}
        ])
    );
    let map_run = env.map_run_of(&execution);
    assert!(
        map_run.starts_with("arn:aws:states:us-east-1:123456789012:mapRun:sm/rows:"),
        "{map_run}"
    );
    let children = env.children(&map_run);
    assert_eq!(children.len(), 3);
    for child in &children {
        assert_eq!(child["status"], "SUCCEEDED");
        assert_eq!(child["mapRunArn"], map_run.as_str());
        assert_eq!(
            child["stateMachineArn"],
            "arn:aws:states:us-east-1:123456789012:stateMachine:sm/rows"
        );
        assert_eq!(child["itemCount"], 1);
    }
    // Each child has its own history, from its own ExecutionStarted.
    let child = children[0]["executionArn"].as_str().unwrap();
    let described = env.json(&["describe-execution", "--execution-arn", child]);
    assert_eq!(described["mapRunArn"], map_run.as_str());
    let for_child = env.json(&[
        "describe-state-machine-for-execution",
        "--execution-arn",
        child,
    ]);
    assert_eq!(for_child["mapRunArn"], map_run.as_str());
    assert_eq!(for_child["label"], "rows");
    let processor: Value = serde_json::from_str(for_child["definition"].as_str().unwrap()).unwrap();
    assert_eq!(processor["StartAt"], "Work");
    let history = env.json(&["get-execution-history", "--execution-arn", child]);
    let types: Vec<&str> = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "ExecutionSucceeded"
        ]
    );
    // The parent's history shows the run, not the iterations.
    let parent = env.json(&[
        "get-execution-history",
        "--execution-arn",
        execution["executionArn"].as_str().unwrap(),
    ]);
    let types: Vec<&str> = parent["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapRunStarted",
            "MapRunSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ExecutionSucceeded"
        ]
    );
    assert_eq!(
        parent["events"][2]["mapStateStartedEventDetails"]["length"],
        0
    );
    assert_eq!(
        parent["events"][3]["mapRunStartedEventDetails"]["mapRunArn"],
        map_run.as_str()
    );
    let run = env.json(&["describe-map-run", "--map-run-arn", &map_run]);
    assert_eq!(run["status"], "SUCCEEDED");
    assert_eq!(run["executionArn"], execution["executionArn"]);
    assert_eq!(run["itemCounts"]["succeeded"], 3);
    assert_eq!(run["itemCounts"]["total"], 3);
    assert_eq!(run["executionCounts"]["total"], 3);
    assert!(run["stopDate"].is_string());
}

#[test]
fn csv_given_headers_delimiter_and_max_items() {
    let env = Env::new();
    env.put("in.txt", "1;x\n2;y\n3;z\n");
    let def = distributed(
        csv_reader(
            "in.txt",
            json!({"InputType": "CSV", "CSVHeaderLocation": "GIVEN",
                   "CSVHeaders": ["n", "letter"], "CSVDelimiter": "SEMICOLON", "MaxItems": 2}),
        ),
        pass(),
    );
    let execution = env.execute(&def, "{}");
    assert_eq!(
        output(&execution),
        json!([{"n": "1", "letter": "x"}, {"n": "2", "letter": "y"}])
    );
}

#[test]
fn json_array_and_json_lines_objects() {
    let env = Env::new();
    env.put("items.json", r#"[{"a": 1}, {"a": 2}]"#);
    env.put("dir/items.jsonl", "{\"b\": true}\n{\"b\": false}\n");
    let def = distributed(
        csv_reader("items.json", json!({"InputType": "JSON"})),
        pass(),
    );
    assert_eq!(
        output(&env.execute(&def, "{}")),
        json!([{"a": 1}, {"a": 2}])
    );

    let env2 = Env::new();
    env2.put("dir/items.jsonl", "{\"b\": true}\n{\"b\": false}\n");
    let def = distributed(
        csv_reader("dir/items.jsonl", json!({"InputType": "JSONL"})),
        pass(),
    );
    assert_eq!(
        output(&env2.execute(&def, "{}")),
        json!([{"b": true}, {"b": false}])
    );
}

#[test]
fn reader_parameters_are_templates_on_the_input() {
    let env = Env::new();
    env.put("chosen.json", "[10, 20]");
    let def = distributed(
        json!({"ItemReader": {
            "Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "JSON"},
            "Parameters": {"Bucket": "bucket", "Key.$": "$.key"},
        }}),
        pass(),
    );
    assert_eq!(
        output(&env.execute(&def, r#"{"key": "chosen.json"}"#)),
        json!([10, 20])
    );
}

#[test]
fn batches_carry_batch_input_and_items() {
    let env = Env::new();
    env.put("in.csv", "v\n1\n2\n3\n4\n5\n");
    let mut extra = csv_reader("in.csv", json!({"InputType": "CSV"}));
    extra["ItemBatcher"] = json!({"MaxItemsPerBatch": 2, "BatchInput": {"run.$": "$.run"}});
    let def = distributed(extra, pass());
    let execution = env.execute(&def, r#"{"run": "r1"}"#);
    let out = output(&execution);
    assert_eq!(out.as_array().unwrap().len(), 3);
    assert_eq!(
        out[0],
        json!({"BatchInput": {"run": "r1"}, "Items": [{"v": "1"}, {"v": "2"}]})
    );
    assert_eq!(
        out[2],
        json!({"BatchInput": {"run": "r1"}, "Items": [{"v": "5"}]})
    );
    let map_run = env.map_run_of(&execution);
    let mut counts: Vec<i64> = env
        .children(&map_run)
        .iter()
        .map(|c| c["itemCount"].as_i64().unwrap())
        .collect();
    counts.sort();
    assert_eq!(counts, vec![1, 2, 2]);
    let run = env.json(&["describe-map-run", "--map-run-arn", &map_run]);
    assert_eq!(run["itemCounts"]["total"], 5);
    assert_eq!(run["executionCounts"]["total"], 3);
}

#[test]
fn inline_items_with_item_selector_run_as_children_too() {
    let env = Env::without_s3();
    let def = distributed(
        json!({"ItemsPath": "$.xs", "ItemSelector": {"x.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"}}),
        pass(),
    );
    let execution = env.execute(&def, r#"{"xs": ["a", "b"]}"#);
    assert_eq!(
        output(&execution),
        json!([{"x": "a", "i": 0}, {"x": "b", "i": 1}])
    );
    assert_eq!(env.children(&env.map_run_of(&execution)).len(), 2);
}

#[test]
fn tolerated_failures_within_and_over_the_threshold() {
    let env = Env::new();
    env.put("in.csv", "id,bad\n1,no\n2,yes\n3,no\n");
    let mut extra = csv_reader("in.csv", json!({"InputType": "CSV"}));
    extra["ToleratedFailureCount"] = json!(1);
    let execution = env.execute(&distributed(extra, fails_on_bad()), "{}");
    assert_eq!(execution["status"], "SUCCEEDED");
    let out = output(&execution);
    assert_eq!(out[1], json!({"Error": "Bad", "Cause": "bad row"}));
    let map_run = env.map_run_of(&execution);
    let run = env.json(&["describe-map-run", "--map-run-arn", &map_run]);
    assert_eq!(run["toleratedFailureCount"], 1);
    assert_eq!(run["itemCounts"]["failed"], 1);
    assert_eq!(run["itemCounts"]["succeeded"], 2);
    let failed = env.json(&[
        "list-executions",
        "--map-run-arn",
        &map_run,
        "--status-filter",
        "FAILED",
    ]);
    assert_eq!(failed["executions"].as_array().unwrap().len(), 1);

    let env = Env::new();
    env.put("in.csv", "id,bad\n1,yes\n2,yes\n3,no\n");
    let mut extra = csv_reader("in.csv", json!({"InputType": "CSV"}));
    extra["ToleratedFailurePercentage"] = json!(50);
    let execution = env.execute(&distributed(extra, fails_on_bad()), "{}");
    assert_eq!(execution["status"], "FAILED");
    assert_eq!(execution["error"], "States.ExceedToleratedFailureThreshold");
    assert_eq!(
        execution["cause"],
        "The specified tolerated failure threshold was exceeded"
    );
    let run = env.json(&[
        "describe-map-run",
        "--map-run-arn",
        &env.map_run_of(&execution),
    ]);
    assert_eq!(run["status"], "FAILED");
    assert_eq!(run["toleratedFailurePercentage"], 50.0);
}

#[test]
fn result_writer_exports_manifest_and_result_files() {
    let env = Env::new();
    env.put("in.csv", "id,bad\n1,no\n2,yes\n");
    let mut extra = csv_reader("in.csv", json!({"InputType": "CSV"}));
    extra["ToleratedFailureCount"] = json!(5);
    extra["ResultWriter"] = json!({
        "Resource": "arn:aws:states:::s3:putObject",
        "Parameters": {"Bucket": "bucket", "Prefix": "out"},
    });
    let execution = env.execute(&distributed(extra, fails_on_bad()), "{}");
    assert_eq!(execution["status"], "SUCCEEDED");
    let map_run = env.map_run_of(&execution);
    let run_id = map_run.rsplit(':').next().unwrap();
    let key = format!("out/{run_id}/manifest.json");
    assert_eq!(
        output(&execution),
        json!({"MapRunArn": map_run, "ResultWriterDetails": {"Bucket": "bucket", "Key": key}})
    );
    let read =
        |p: &Path| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    let manifest = read(&env.object(&format!("bucket/{key}")));
    assert_eq!(manifest["DestinationBucket"], "bucket");
    assert_eq!(manifest["MapRunArn"], map_run.as_str());
    let succeeded_key = manifest["ResultFiles"]["SUCCEEDED"][0]["Key"]
        .as_str()
        .unwrap();
    assert_eq!(succeeded_key, format!("out/{run_id}/SUCCEEDED_0.json"));
    let succeeded = read(&env.object(&format!("bucket/{succeeded_key}")));
    assert_eq!(succeeded.as_array().unwrap().len(), 1);
    assert_eq!(succeeded[0]["Status"], "SUCCEEDED");
    assert_eq!(succeeded[0]["Output"], r#"{"id":"1","bad":"no"}"#);
    assert_eq!(succeeded[0]["Input"], r#"{"id":"1","bad":"no"}"#);
    let failed_key = manifest["ResultFiles"]["FAILED"][0]["Key"]
        .as_str()
        .unwrap();
    let failed = read(&env.object(&format!("bucket/{failed_key}")));
    assert_eq!(failed[0]["Status"], "FAILED");
    assert_eq!(failed[0]["Error"], "Bad");
    assert_eq!(failed[0]["Cause"], "bad row");
    let run = env.json(&["describe-map-run", "--map-run-arn", &map_run]);
    assert_eq!(run["itemCounts"]["resultsWritten"], 2);
}

#[test]
fn reader_problems_fail_the_map_run_with_item_reader_failed() {
    let def = distributed(csv_reader("in.csv", json!({"InputType": "CSV"})), pass());
    let env = Env::without_s3();
    let execution = env.execute(&def, "{}");
    assert_eq!(execution["status"], "FAILED");
    assert_eq!(execution["error"], "States.ItemReaderFailed");
    assert!(execution["cause"].as_str().unwrap().contains("SFN_S3_ROOT"));

    let env = Env::new();
    let execution = env.execute(&def, "{}");
    assert_eq!(execution["error"], "States.ItemReaderFailed");
    assert!(execution["cause"]
        .as_str()
        .unwrap()
        .contains("The specified key does not exist."));

    let env = Env::new();
    env.put("in.csv", "a,a\n1,2\n");
    let execution = env.execute(&def, "{}");
    assert_eq!(execution["error"], "States.ItemReaderFailed");
    assert_eq!(execution["cause"], "CSV headers cannot contain duplicates.");
    let history = env.json(&[
        "get-execution-history",
        "--execution-arn",
        execution["executionArn"].as_str().unwrap(),
    ]);
    let failed = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "MapRunFailed")
        .expect("MapRunFailed");
    assert_eq!(
        failed["mapRunFailedEventDetails"]["error"],
        "States.ItemReaderFailed"
    );

    let env = Env::new();
    env.put("in.csv", "a\n1\n");
    let def = distributed(
        csv_reader(
            "in.csv",
            json!({"InputType": "CSV", "MaxItemsPath": "$.max"}),
        ),
        pass(),
    );
    let execution = env.execute(&def, r#"{"max": -1}"#);
    assert_eq!(execution["error"], "States.ItemReaderFailed");
    assert_eq!(execution["cause"], "field MaxItems must be positive");

    let env = Env::new();
    env.put("obj.json", r#"{"not": "a list"}"#);
    let def = distributed(csv_reader("obj.json", json!({"InputType": "JSON"})), pass());
    let execution = env.execute(&def, "{}");
    assert_eq!(
        execution["cause"],
        "Attempting to map over non-iterable node."
    );
}

#[test]
fn reader_failure_can_be_caught() {
    let env = Env::without_s3();
    let mut def = distributed(csv_reader("in.csv", json!({"InputType": "CSV"})), pass());
    def["States"]["M"]["Catch"] =
        json!([{"ErrorEquals": ["States.ItemReaderFailed"], "Next": "Handled"}]);
    def["States"]["M"].as_object_mut().unwrap().remove("End");
    def["States"]["M"]["Next"] = json!("Done");
    def["States"]["Done"] = json!({"Type": "Succeed"});
    def["States"]["Handled"] = json!({"Type": "Pass", "Result": "caught", "End": true});
    let execution = env.execute(&def, "{}");
    assert_eq!(execution["status"], "SUCCEEDED");
    assert_eq!(output(&execution), json!("caught"));
}

#[test]
fn express_children_are_counted_but_not_listed() {
    let env = Env::without_s3();
    let mut def = distributed(json!({}), pass());
    def["States"]["M"]["ItemProcessor"]["ProcessorConfig"]["ExecutionType"] = json!("EXPRESS");
    let execution = env.execute(&def, "[1, 2]");
    assert_eq!(output(&execution), json!([1, 2]));
    let map_run = env.map_run_of(&execution);
    assert!(env.children(&map_run).is_empty());
    let run = env.json(&["describe-map-run", "--map-run-arn", &map_run]);
    assert_eq!(run["executionCounts"]["succeeded"], 2);
}

#[test]
fn map_run_operations_answer_aws_errors() {
    let env = Env::without_s3();
    let execution = env.execute(&distributed(json!({}), pass()), "[1]");
    let map_run = env.map_run_of(&execution);

    let (code, err) = env.fail(&["describe-map-run", "--map-run-arn", "nope"]);
    assert_eq!(code, 254);
    assert!(err.contains("(InvalidArn)"), "{err}");
    // Another map run of the same shape: its last hex digit changed (never to itself).
    let last = if map_run.ends_with('0') { '1' } else { '0' };
    let missing = format!("{}{last}", &map_run[..map_run.len() - 1]);
    let (_, err) = env.fail(&["describe-map-run", "--map-run-arn", &missing]);
    assert!(err.contains("(ResourceNotFound)"), "{err}");
    let (_, err) = env.fail(&["list-executions", "--map-run-arn", &missing]);
    assert!(err.contains("(ResourceNotFound)"), "{err}");

    let unknown = "arn:aws:states:us-east-1:123456789012:execution:sm:nope";
    let (_, err) = env.fail(&["list-map-runs", "--execution-arn", unknown]);
    assert!(err.contains("(ExecutionDoesNotExist)"), "{err}");
    let (_, err) = env.fail(&["list-map-runs", "--execution-arn", &map_run]);
    assert!(err.contains("(InvalidArn)"), "{err}");

    let (_, err) = env.fail(&[
        "update-map-run",
        "--map-run-arn",
        &map_run,
        "--max-concurrency",
        "2",
    ]);
    assert!(err.contains("(ValidationException)"), "{err}");
    assert!(err.contains("CANNOT_UPDATE_COMPLETED_MAP_RUN"), "{err}");
    let (_, err) = env.fail(&[
        "update-map-run",
        "--map-run-arn",
        &map_run,
        "--tolerated-failure-percentage",
        "101",
    ]);
    assert!(err.contains("(ValidationException)"), "{err}");
    let (_, err) = env.fail(&[
        "update-map-run",
        "--map-run-arn",
        &missing,
        "--max-concurrency",
        "2",
    ]);
    assert!(err.contains("(ResourceNotFound)"), "{err}");
}

#[test]
fn list_map_runs_lists_every_run_of_an_execution_in_pages() {
    let env = Env::without_s3();
    let mut def = distributed(json!({"ItemsPath": "$.a", "ResultPath": "$.ra"}), pass());
    def["States"]["M"].as_object_mut().unwrap().remove("End");
    def["States"]["M"]["Next"] = json!("M2");
    let mut second = def["States"]["M"].clone();
    second["ItemsPath"] = json!("$.b");
    second["ResultPath"] = json!("$.rb");
    second["Label"] = json!("second");
    second["ItemProcessor"]["StartAt"] = json!("Work2");
    second["ItemProcessor"]["States"] = json!({"Work2": {"Type": "Pass", "End": true}});
    second.as_object_mut().unwrap().remove("Next");
    second["End"] = json!(true);
    def["States"]["M2"] = second;
    let execution = env.execute(&def, r#"{"a": [1], "b": [2, 3]}"#);
    assert_eq!(execution["status"], "SUCCEEDED");
    let arn = execution["executionArn"].as_str().unwrap();
    let page = env.json(&["list-map-runs", "--execution-arn", arn, "--max-items", "1"]);
    assert_eq!(page["mapRuns"].as_array().unwrap().len(), 1);
    assert!(page["NextToken"].is_string(), "{page}");
    let all = env.json(&["list-map-runs", "--execution-arn", arn]);
    assert_eq!(all["mapRuns"].as_array().unwrap().len(), 2);
}

#[test]
fn list_objects_v2_lists_files_under_the_prefix_in_key_order() {
    let env = Env::new();
    env.put("logs/b.txt", "bb");
    env.put("logs/a.txt", "a");
    env.put("other/c.txt", "c");
    let def = distributed(
        json!({"ItemReader": {
            "Resource": "arn:aws:states:::s3:listObjectsV2",
            "Parameters": {"Bucket": "bucket", "Prefix": "logs/"},
        }}),
        pass(),
    );
    let out = output(&env.execute(&def, "{}"));
    let keys: Vec<&str> = out
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["Key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["logs/a.txt", "logs/b.txt"]);
    assert_eq!(out[1]["Size"], 2);
    // The MD5 of "a", quoted as S3 shows ETags.
    assert_eq!(out[0]["Etag"], "\"0cc175b9c0f1b6a831c399e269772661\"");
}

#[test]
fn jsonata_reader_arguments_and_batcher() {
    let env = Env::new();
    env.put("in.jsonl", "1\n2\n3\n");
    let def = json!({
        "QueryLanguage": "JSONata",
        "StartAt": "M",
        "States": {"M": {
            "Type": "Map",
            "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject",
                "ReaderConfig": {"InputType": "JSONL"},
                "Arguments": {"Bucket": "bucket", "Key": "{% $states.input.key %}"},
            },
            "ItemBatcher": {"MaxItemsPerBatch": 2},
            "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Sum",
                "States": {"Sum": {"Type": "Pass", "Output": "{% $sum($states.input.Items) %}", "End": true}},
            },
            "End": true,
        }},
    });
    assert_eq!(
        output(&env.execute(&def, r#"{"key": "in.jsonl"}"#)),
        json!([3, 3])
    );
}

#[test]
fn writer_config_alone_shapes_the_result_without_exporting() {
    let env = Env::without_s3();
    let mut def = distributed(
        json!({"ResultWriter": {"WriterConfig": {"Transformation": "FLATTEN", "OutputType": "JSON"}}}),
        json!({"Work": {"Type": "Pass", "Parameters": {"pair.$": "States.Array($, $)"}, "OutputPath": "$.pair", "End": true}}),
    );
    def["States"]["M"]["ItemsPath"] = json!("$");
    assert_eq!(output(&env.execute(&def, "[1, 2]")), json!([1, 1, 2, 2]));
}

#[test]
fn a_child_waiting_for_an_activity_fails_the_run_and_stays_resumable() {
    let env = Env::without_s3();
    let activity = env.json(&["create-activity", "--name", "work"])["activityArn"]
        .as_str()
        .unwrap()
        .to_string();
    let def = distributed(
        json!({}),
        json!({"Work": {"Type": "Task", "Resource": activity, "End": true}}),
    );
    let execution = env.execute(&def, "[1]");
    assert_eq!(execution["status"], "FAILED");
    assert_eq!(execution["error"], "States.Runtime");
    assert!(execution["cause"].as_str().unwrap().contains("cannot wait"));
    let children = env.children(&env.map_run_of(&execution));
    assert_eq!(children.len(), 1);
    assert_eq!(children[0]["status"], "RUNNING");
}
