//! The AWS CLI conventions shell scripts rely on: parameter files, --cli-input-json,
//! skeletons, --query, --output, pagination, flag prefixes, global options, the store.
use crate::cli_support;

use cli_support::{arn, Sfn, HELLO, ROLE};
use serde_json::{json, Value};

#[test]
fn help_lists_all_37_commands() {
    let sfn = Sfn::new();
    let help = sfn.stdout(&["--help"]);
    for command in [
        "create-activity",
        "create-state-machine",
        "create-state-machine-alias",
        "delete-activity",
        "delete-state-machine",
        "delete-state-machine-alias",
        "delete-state-machine-version",
        "describe-activity",
        "describe-execution",
        "describe-map-run",
        "describe-state-machine",
        "describe-state-machine-alias",
        "describe-state-machine-for-execution",
        "get-activity-task",
        "get-execution-history",
        "list-activities",
        "list-executions",
        "list-map-runs",
        "list-state-machine-aliases",
        "list-state-machine-versions",
        "list-state-machines",
        "list-tags-for-resource",
        "publish-state-machine-version",
        "redrive-execution",
        "send-task-failure",
        "send-task-heartbeat",
        "send-task-success",
        "start-execution",
        "start-sync-execution",
        "stop-execution",
        "tag-resource",
        "test-state",
        "untag-resource",
        "update-map-run",
        "update-state-machine",
        "update-state-machine-alias",
        "validate-state-machine-definition",
    ] {
        assert!(
            help.contains(&format!("  {command} ")),
            "{command} missing from --help"
        );
    }
}

#[test]
fn file_parameters_are_read_relative_absolute_and_from_home() {
    let sfn = Sfn::new();
    let path = sfn.write("def.json", HELLO);
    sfn.json(&[
        "create-state-machine",
        "--name",
        "rel",
        "--definition",
        "file://def.json",
        "--role-arn",
        ROLE,
    ]);
    let absolute = format!("file://{}", path.display());
    sfn.json(&[
        "create-state-machine",
        "--name",
        "abs",
        "--definition",
        &absolute,
        "--role-arn",
        ROLE,
    ]);
    let out = sfn
        .cmd()
        .env("HOME", sfn.dir.path())
        .args([
            "create-state-machine",
            "--name",
            "home",
            "--definition",
            "file://~/def.json",
            "--role-arn",
            ROLE,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    sfn.json(&[
        "create-state-machine",
        "--name",
        "bin",
        "--definition",
        "fileb://def.json",
        "--role-arn",
        ROLE,
    ]);
    for name in ["rel", "abs", "home", "bin"] {
        let out = sfn.json(&["describe-state-machine", "--state-machine-arn", &arn(name)]);
        assert_eq!(out["definition"], HELLO, "{name}");
    }
}

#[test]
fn structure_flags_accept_files_too() {
    let sfn = Sfn::new();
    sfn.write("tags.json", r#"[{"key": "from", "value": "file"}]"#);
    sfn.json(&[
        "create-state-machine",
        "--name",
        "t",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--tags",
        "file://tags.json",
    ]);
    let out = sfn.json(&["list-tags-for-resource", "--resource-arn", &arn("t")]);
    assert_eq!(out["tags"], json!([{"key": "from", "value": "file"}]));
}

#[test]
fn cli_input_json_supplies_members_and_explicit_flags_win() {
    let sfn = Sfn::new();
    let input =
        json!({"name": "from-json", "definition": HELLO, "roleArn": ROLE, "type": "EXPRESS"});
    sfn.write("input.json", &input.to_string());
    sfn.json(&[
        "create-state-machine",
        "--cli-input-json",
        "file://input.json",
        "--type",
        "STANDARD",
    ]);
    let out = sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        &arn("from-json"),
    ]);
    assert_eq!(out["type"], "STANDARD");
    sfn.json(&[
        "create-state-machine",
        "--cli-input-json",
        &json!({"name": "inline", "definition": HELLO, "roleArn": ROLE}).to_string(),
    ]);
    sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        &arn("inline"),
    ]);
}

#[test]
fn cli_input_json_is_checked_like_botocore() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--cli-input-json",
        r#"{"name": "x", "bogus": 1}"#,
    ]);
    assert_eq!(code, 252);
    assert!(
        err.contains(
            "Unknown parameter in input: \"bogus\", must be one of: name, definition, roleArn"
        ),
        "{err}"
    );
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--cli-input-json",
        r#"{"name": "x"}"#,
    ]);
    assert_eq!(code, 252);
    assert!(err.contains("Parameter validation failed:\nMissing required parameter in input: \"definition\"\nMissing required parameter in input: \"roleArn\""), "{err}");
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--cli-input-json",
        r#"{"name": 5, "definition": "{}", "roleArn": "r"}"#,
    ]);
    assert_eq!(code, 252);
    assert!(
        err.contains("Invalid type for parameter name, value: 5"),
        "{err}"
    );
}

#[test]
fn generate_cli_skeleton_prints_input_or_output_without_calling() {
    let sfn = Sfn::new();
    let input: Value =
        serde_json::from_str(&sfn.stdout(&["create-state-machine", "--generate-cli-skeleton"]))
            .unwrap();
    assert_eq!(input["name"], "");
    assert_eq!(input["type"], "STANDARD");
    assert_eq!(input["tracingConfiguration"], json!({"enabled": true}));
    assert_eq!(input["tags"], json!([{"key": "", "value": ""}]));
    let same: Value = serde_json::from_str(&sfn.stdout(&[
        "create-state-machine",
        "--generate-cli-skeleton",
        "input",
    ]))
    .unwrap();
    assert_eq!(input, same);
    let output: Value = serde_json::from_str(&sfn.stdout(&[
        "describe-state-machine",
        "--generate-cli-skeleton",
        "output",
    ]))
    .unwrap();
    assert_eq!(output["stateMachineArn"], "stateMachineArn");
    assert_eq!(output["creationDate"], "1970-01-01T00:00:00");
    assert!(!sfn.db().exists(), "no store is needed for a skeleton");
}

#[test]
fn json_output_uses_four_spaces_and_keeps_non_ascii() {
    let sfn = Sfn::new();
    sfn.create("café");
    let out = sfn.stdout(&["list-state-machines", "--query", "stateMachines[0].name"]);
    assert_eq!(out, "\"café\"\n");
    let out = sfn.stdout(&["list-tags-for-resource", "--resource-arn", &arn("café")]);
    assert_eq!(out, "{\n    \"tags\": []\n}\n");
}

#[test]
fn text_output_is_tab_separated_with_upper_cased_list_prefixes() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    sfn.json(&[
        "tag-resource",
        "--resource-arn",
        &a,
        "--tags",
        "key=k,value=v",
    ]);
    assert_eq!(
        sfn.stdout(&[
            "list-tags-for-resource",
            "--resource-arn",
            &a,
            "--output",
            "text"
        ]),
        "TAGS\tk\tv\n"
    );
    let out = sfn.stdout(&["list-state-machines", "--output", "text"]);
    let fields: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(fields[0], "STATEMACHINES");
    assert_eq!(
        &fields[2..],
        ["m", a.as_str(), "STANDARD"],
        "keys sorted: creationDate, name, stateMachineArn, type"
    );
    assert_eq!(
        sfn.stdout(&[
            "describe-state-machine",
            "--state-machine-arn",
            &a,
            "--query",
            "name",
            "--output",
            "text"
        ]),
        "m\n"
    );
}

#[test]
fn table_output_is_boxed_and_titled_by_the_operation() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    let out = sfn.stdout(&[
        "describe-state-machine",
        "--state-machine-arn",
        &a,
        "--output",
        "table",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].chars().all(|c| c == '-'), "{out}");
    assert!(lines[1].contains("DescribeStateMachine"), "{out}");
    assert!(out.contains("|  m "), "{out}");
    assert!(
        lines
            .iter()
            .all(|l| l.chars().count() == lines[0].chars().count()),
        "{out}"
    );
}

#[test]
fn empty_responses_print_nothing() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    for format in ["json", "text", "table"] {
        let out = sfn.stdout(&[
            "tag-resource",
            "--resource-arn",
            &a,
            "--tags",
            "key=a,value=b",
            "--output",
            format,
        ]);
        assert_eq!(out, "", "{format}");
    }
}

#[test]
fn default_output_format_comes_from_the_environment() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    let out = sfn
        .cmd()
        .env("AWS_DEFAULT_OUTPUT", "text")
        .args([
            "describe-state-machine",
            "--state-machine-arn",
            &a,
            "--query",
            "status",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "ACTIVE\n");
}

#[test]
fn query_is_jmespath() {
    let sfn = Sfn::new();
    for n in ["a", "b", "c"] {
        sfn.create(n);
    }
    let out = sfn.json(&[
        "list-state-machines",
        "--query",
        "stateMachines[?name != 'b'].name",
    ]);
    assert_eq!(out, json!(["a", "c"]));
    let out = sfn.json(&["list-state-machines", "--query", "length(stateMachines)"]);
    assert_eq!(out, json!(3));
}

fn names(v: &Value) -> Vec<String> {
    v["stateMachines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn list_commands_paginate_automatically() {
    let sfn = Sfn::new();
    for n in ["a", "b", "c", "d", "e"] {
        sfn.create(n);
    }
    // Pages of 2 are merged into one list; no token when everything was returned.
    let all = sfn.json(&["list-state-machines", "--page-size", "2"]);
    assert_eq!(names(&all), ["a", "b", "c", "d", "e"]);
    assert!(
        all.get("NextToken").is_none() && all.get("nextToken").is_none(),
        "{all}"
    );
    // --max-items stops early and prints a NextToken; --starting-token resumes there.
    let first = sfn.json(&[
        "list-state-machines",
        "--max-items",
        "3",
        "--page-size",
        "2",
    ]);
    assert_eq!(names(&first), ["a", "b", "c"]);
    let token = first["NextToken"].as_str().expect("NextToken");
    let rest = sfn.json(&[
        "list-state-machines",
        "--starting-token",
        token,
        "--page-size",
        "2",
    ]);
    assert_eq!(names(&rest), ["d", "e"]);
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["stateMachines", "NextToken"]);
}

#[test]
fn no_paginate_and_manual_tokens_make_single_calls() {
    let sfn = Sfn::new();
    for n in ["a", "b", "c"] {
        sfn.create(n);
    }
    let page = sfn.json(&["list-state-machines", "--no-paginate", "--page-size", "2"]);
    assert_eq!(names(&page), ["a", "b"]);
    let token = page["nextToken"]
        .as_str()
        .expect("the service token, unchanged");
    let rest = sfn.json(&[
        "list-state-machines",
        "--max-results",
        "2",
        "--next-token",
        token,
    ]);
    assert_eq!(names(&rest), ["c"]);
    assert!(rest.get("nextToken").is_none());
    let (code, err) = sfn.fail(&["list-state-machines", "--next-token", "garbage"]);
    assert_eq!(code, 254);
    assert!(
        err.contains("(InvalidToken) when calling the ListStateMachines operation"),
        "{err}"
    );
}

#[test]
fn unambiguous_flag_prefixes_are_accepted() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    let out = sfn.json(&[
        "describe-state-machine",
        "--state-machine",
        &a,
        "--que",
        "name",
    ]);
    assert_eq!(out, json!("m"));
}

#[test]
fn boolean_flags_come_in_pairs_and_the_last_one_wins() {
    let sfn = Sfn::new();
    let out = sfn.json(&[
        "create-state-machine",
        "--name",
        "p",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--publish",
        "--no-publish",
    ]);
    assert!(out.get("stateMachineVersionArn").is_none(), "{out}");
}

#[test]
fn aws_global_options_are_accepted_and_ignored() {
    let sfn = Sfn::new();
    let a = sfn.create("m");
    let out = sfn.json(&[
        "--debug",
        "--endpoint-url",
        "http://localhost:8083",
        "--no-cli-pager",
        "--color",
        "off",
        "describe-state-machine",
        "--state-machine-arn",
        &a,
        "--query",
        "name",
    ]);
    assert_eq!(out, json!("m"));
}

#[test]
fn quiet_prints_nothing_on_success() {
    let sfn = Sfn::new();
    let out = sfn.stdout(&[
        "--quiet",
        "create-state-machine",
        "--name",
        "q",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(out, "");
    sfn.json(&["describe-state-machine", "--state-machine-arn", &arn("q")]);
}

#[test]
fn the_store_is_chosen_by_db_flag_then_sfn_db() {
    let sfn = Sfn::new();
    let other = sfn.dir.path().join("nested/dir/other.db");
    let other = other.to_str().unwrap();
    sfn.json(&[
        "--db",
        other,
        "create-state-machine",
        "--name",
        "elsewhere",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
    ]);
    assert_eq!(
        sfn.json(&["list-state-machines"]),
        json!({"stateMachines": []}),
        "SFN_DB is untouched"
    );
    let out = sfn.json(&[
        "list-state-machines",
        "--db",
        other,
        "--query",
        "stateMachines[].name",
    ]);
    assert_eq!(out, json!(["elsewhere"]));
}

#[cfg(unix)]
#[test]
fn a_new_store_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let sfn = Sfn::new();
    sfn.create("m");
    let mode = std::fs::metadata(sfn.db()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn processes_racing_to_make_a_new_store_share_the_one_that_wins() {
    let sfn = Sfn::new();
    let children: Vec<_> = (0..8)
        .map(|i| {
            sfn.cmd()
                .args(["create-state-machine", "--name", &format!("m{i}")])
                .args(["--definition", HELLO, "--role-arn", ROLE])
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn sfn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let names = sfn.json(&["list-state-machines", "--query", "length(stateMachines)"]);
    assert_eq!(names, json!(8));
    let mut left: Vec<String> = std::fs::read_dir(sfn.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    left.sort();
    assert_eq!(left, Vec::<String>::new(), "files the losers made are gone");
}

#[test]
fn the_default_store_lives_in_the_config_directory() {
    let sfn = Sfn::new();
    let config = sfn.dir.path().join("config");
    let out = sfn
        .cmd()
        .env_remove("SFN_DB")
        .env("XDG_CONFIG_HOME", &config)
        .env("HOME", sfn.dir.path())
        .args([
            "create-state-machine",
            "--name",
            "m",
            "--definition",
            HELLO,
            "--role-arn",
            ROLE,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = if cfg!(target_os = "macos") {
        sfn.dir
            .path()
            .join("Library/Application Support/sfn/sfn.db")
    } else {
        config.join("sfn/sfn.db")
    };
    assert!(expected.exists(), "{} missing", expected.display());
}

#[test]
fn concurrent_commands_share_one_store() {
    let sfn = Sfn::new();
    sfn.create("seed");
    let children: Vec<_> = (0..8)
        .map(|i| {
            sfn.cmd()
                .args([
                    "create-state-machine",
                    "--name",
                    &format!("m{i}"),
                    "--definition",
                    HELLO,
                    "--role-arn",
                    ROLE,
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = sfn.json(&["list-state-machines", "--query", "length(stateMachines)"]);
    assert_eq!(out, json!(9));
}

#[test]
fn text_output_prints_the_resume_token_last() {
    let sfn = Sfn::new();
    for n in ["a", "b", "c"] {
        sfn.create(n);
    }
    let out = sfn.stdout(&[
        "list-state-machines",
        "--max-items",
        "2",
        "--output",
        "text",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("STATEMACHINES\t") && lines[1].starts_with("STATEMACHINES\t"));
    assert!(lines[2].starts_with("NEXTTOKEN\t"), "{out}");
}

#[test]
fn a_stepfunctions_prefix_is_accepted_like_aws_stepfunctions() {
    let sfn = Sfn::new();
    sfn.create("m");
    let out = sfn.json(&[
        "stepfunctions",
        "list-state-machines",
        "--query",
        "stateMachines[].name",
    ]);
    assert_eq!(out, json!(["m"]));
}

#[test]
fn query_results_keep_the_response_key_order() {
    let sfn = Sfn::new();
    sfn.create("m");
    let out = sfn.stdout(&["list-state-machines", "--query", "stateMachines[0]"]);
    let keys: Vec<&str> = out
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"'))
        .map(|l| l.split('"').next().unwrap())
        .collect();
    assert_eq!(keys, ["stateMachineArn", "name", "type", "creationDate"]);
    let out = sfn.stdout(&[
        "list-state-machines",
        "--query",
        "stateMachines[0].{type: type, name: name}",
        "--output",
        "json",
    ]);
    assert!(
        out.find("\"type\"").unwrap() < out.find("\"name\"").unwrap(),
        "{out}"
    );
}
