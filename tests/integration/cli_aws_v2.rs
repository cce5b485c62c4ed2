//! The CLI around the API behaves as the AWS CLI v2 documents it: global options anywhere,
//! `--query` with automatic pagination, named profiles of the config file, timestamps,
//! and command-line mistakes in the AWS CLI's words and exit codes.
use crate::cli_support;

use cli_support::{arn, Sfn, ROLE};
use serde_json::{json, Value};

const USAGE: &str = "\nusage: sfn [options] <command> [parameters]\nTo see help text, you can run:\n\n  sfn help\n  sfn <command> help\n\n";

/// A state machine `m` with three finished executions.
fn three_executions(sfn: &Sfn) -> String {
    let machine = sfn.create("m");
    for _ in 0..3 {
        sfn.json(&["start-execution", "--state-machine-arn", &machine]);
    }
    machine
}

// ----- global options -----

#[test]
fn global_options_go_before_the_service_name_before_the_command_or_after_it() {
    let sfn = Sfn::new();
    let out = sfn.json(&[
        "--region",
        "eu-west-1",
        "stepfunctions",
        "create-activity",
        "--name",
        "a",
    ]);
    assert_eq!(
        out["activityArn"],
        "arn:aws:states:eu-west-1:123456789012:activity:a"
    );
    let text = sfn.stdout(&[
        "--output",
        "text",
        "--region",
        "eu-west-1",
        "list-activities",
        "--query",
        "activities[].name",
    ]);
    assert_eq!(text, "a\n");
    let text = sfn.stdout(&[
        "stepfunctions",
        "list-activities",
        "--region",
        "eu-west-1",
        "--output",
        "text",
        "--query",
        "activities[].name",
    ]);
    assert_eq!(text, "a\n");
    // `help` after the command, wherever the global options are.
    let help = sfn.stdout(&[
        "--region",
        "eu-west-1",
        "stepfunctions",
        "create-activity",
        "help",
    ]);
    assert!(help.contains("--name"), "{help}");
}

#[test]
fn a_flag_given_twice_takes_the_last_value_as_argparse_does() {
    let sfn = Sfn::new();
    let out = sfn.json(&[
        "create-activity",
        "--name",
        "first",
        "--tags",
        "key=a,value=1",
        "--name",
        "second",
        "--tags",
        "key=b,value=2",
    ]);
    let arn = out["activityArn"].as_str().unwrap();
    assert!(arn.ends_with(":second"), "{arn}");
    let tags = sfn.json(&["list-tags-for-resource", "--resource-arn", arn]);
    assert_eq!(tags["tags"], json!([{"key": "b", "value": "2"}]));
}

// ----- --query and pagination -----

#[test]
fn with_text_output_the_query_applies_to_each_page() {
    let sfn = Sfn::new();
    let machine = three_executions(&sfn);
    let args = |output: &str| {
        vec![
            "list-executions".to_string(),
            "--state-machine-arn".into(),
            machine.clone(),
            "--page-size".into(),
            "1".into(),
            "--query".into(),
            "length(executions)".into(),
            "--output".into(),
            output.into(),
        ]
    };
    let text: Vec<String> = args("text");
    let text: Vec<&str> = text.iter().map(String::as_str).collect();
    assert_eq!(sfn.stdout(&text), "1\n1\n1\n");
    let whole: Vec<String> = args("json");
    let whole: Vec<&str> = whole.iter().map(String::as_str).collect();
    assert_eq!(sfn.stdout(&whole), "3\n");
}

#[test]
fn with_text_output_the_resume_token_is_queried_too() {
    let sfn = Sfn::new();
    let machine = three_executions(&sfn);
    let out = sfn.stdout(&[
        "list-executions",
        "--state-machine-arn",
        &machine,
        "--max-items",
        "2",
        "--output",
        "text",
        "--query",
        "NextToken",
    ]);
    // Each page has no NextToken member ("None"); the last record is the token's.
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "None");
    assert_eq!(lines.len(), 2, "{out}");
    let record = lines[1];
    assert!(!record.is_empty() && record != "None", "{out}");
    let json = sfn.json(&[
        "list-executions",
        "--state-machine-arn",
        &machine,
        "--max-items",
        "2",
    ]);
    assert_eq!(json["NextToken"], record);
}

#[test]
fn text_output_of_pages_prints_the_resume_token_last() {
    let sfn = Sfn::new();
    let machine = three_executions(&sfn);
    let out = sfn.stdout(&[
        "list-executions",
        "--state-machine-arn",
        &machine,
        "--page-size",
        "1",
        "--max-items",
        "2",
        "--output",
        "text",
    ]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("EXECUTIONS\t") && lines[1].starts_with("EXECUTIONS\t"));
    assert!(lines[2].starts_with("NEXTTOKEN\t"), "{out}");
}

#[test]
fn max_items_zero_warns_and_returns_a_token_for_everything() {
    let sfn = Sfn::new();
    three_executions(&sfn);
    let out = sfn.run(&["list-state-machines", "--max-items", "0"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "warning: Non-positive values for --max-items may result in undefined behavior.\n"
    );
    let page: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page["stateMachines"], json!([]));
    // botocore's token: base64 of Python's json.dumps of the request token and the cut.
    assert_eq!(
        page["NextToken"],
        "eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAwfQ=="
    );
    let rest = sfn.json(&[
        "list-state-machines",
        "--starting-token",
        page["NextToken"].as_str().unwrap(),
    ]);
    assert_eq!(rest["stateMachines"][0]["name"], "m");
}

#[test]
fn a_starting_token_that_is_not_the_clis_goes_to_the_service_as_it_is() {
    let sfn = Sfn::new();
    sfn.create("m");
    let (code, err) = sfn.fail(&["list-state-machines", "--starting-token", "abc"]);
    assert_eq!(code, 254);
    assert_eq!(
        err,
        "\nAn error occurred (InvalidToken) when calling the ListStateMachines operation: Invalid Token: 'abc'\n"
    );
    // A service token copied from a single call resumes where it says.
    let machines: Vec<String> = (0..3).map(|i| sfn.create(&format!("n{i}"))).collect();
    assert_eq!(machines.len(), 3);
    let first = sfn.json(&["list-state-machines", "--no-paginate", "--max-results", "2"]);
    let service_token = first["nextToken"].as_str().unwrap();
    let rest = sfn.json(&["list-state-machines", "--starting-token", service_token]);
    let names: Vec<&str> = rest["stateMachines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["n1", "n2"]);
}

// ----- profiles and the config file -----

const CONFIG: &str = "[default]\nregion = ap-south-1\n\n[profile dev]\nregion = eu-west-1\noutput = text\n\n[profile wire]\ncli_timestamp_format = wire\n\n[profile odd]\ncli_timestamp_format = epoch\n";

#[test]
fn the_default_profile_sets_the_region() {
    let sfn = Sfn::new();
    sfn.write("aws-config", CONFIG);
    let out = sfn.json(&["create-activity", "--name", "a"]);
    assert_eq!(
        out["activityArn"],
        "arn:aws:states:ap-south-1:123456789012:activity:a"
    );
    // The environment comes before the config file, the flag before both.
    let out = sfn
        .cmd()
        .env("AWS_REGION", "us-west-2")
        .args(["create-activity", "--name", "b"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(":us-west-2:"));
    let out = sfn
        .cmd()
        .env("AWS_REGION", "us-west-2")
        .args(["create-activity", "--name", "c", "--region", "ca-central-1"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains(":ca-central-1:"));
}

#[test]
fn a_named_profile_sets_region_and_output() {
    let sfn = Sfn::new();
    sfn.write("aws-config", CONFIG);
    let out = sfn.stdout(&[
        "--profile",
        "dev",
        "create-activity",
        "--name",
        "a",
        "--query",
        "activityArn",
    ]);
    assert_eq!(out, "arn:aws:states:eu-west-1:123456789012:activity:a\n");
    // AWS_PROFILE names it too; AWS_DEFAULT_OUTPUT and --output come before its output.
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = sfn.cmd();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let list = ["list-activities", "--query", "activities[0].name"];
    assert_eq!(run(&[("AWS_PROFILE", "dev")], &list), "a\n");
    assert_eq!(
        run(
            &[("AWS_PROFILE", "dev"), ("AWS_DEFAULT_OUTPUT", "json")],
            &list
        ),
        "\"a\"\n"
    );
    let mut flagged = list.to_vec();
    flagged.extend(["--output", "json"]);
    assert_eq!(run(&[("AWS_PROFILE", "dev")], &flagged), "\"a\"\n");
}

#[test]
fn an_unknown_profile_fails_as_the_aws_cli_does() {
    let sfn = Sfn::new();
    sfn.write("aws-config", CONFIG);
    let (code, err) = sfn.fail(&["--profile", "nope", "list-activities"]);
    assert_eq!(code, 255);
    assert_eq!(err, "\nThe config profile (nope) could not be found\n");
    let out = sfn
        .cmd()
        .env("AWS_PROFILE", "nope")
        .args(["list-activities"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(255));
    // Without a config file, even `default` has to exist when it is named.
    let bare = Sfn::new();
    let (code, err) = bare.fail(&["--profile", "default", "list-activities"]);
    assert_eq!(code, 255);
    assert_eq!(err, "\nThe config profile (default) could not be found\n");
}

#[test]
fn cli_timestamp_format_wire_prints_epoch_seconds() {
    let sfn = Sfn::new();
    sfn.write("aws-config", CONFIG);
    let iso = sfn.json(&["create-activity", "--name", "a"]);
    let wire = sfn.json(&[
        "--profile",
        "wire",
        "describe-activity",
        "--activity-arn",
        iso["activityArn"].as_str().unwrap(),
    ]);
    let seconds = wire["creationDate"].as_f64().expect("a number");
    let parsed =
        chrono::DateTime::parse_from_rfc3339(iso["creationDate"].as_str().unwrap()).unwrap();
    assert_eq!((seconds * 1000.0).round() as i64, parsed.timestamp_millis());
    let (code, err) = sfn.fail(&["--profile", "odd", "list-activities"]);
    assert_eq!(code, 253);
    assert_eq!(
        err,
        "\nUnknown cli_timestamp_format value: epoch, valid values are \"wire\" or \"iso8601\"\n"
    );
}

// ----- timestamps -----

#[test]
fn timestamps_carry_the_milliseconds_aws_keeps_as_python_prints_them() {
    let sfn = Sfn::new();
    let machine = sfn.create("m");
    let started = sfn.json(&["start-execution", "--state-machine-arn", &machine]);
    let arn = started["executionArn"].as_str().unwrap();
    let described = sfn.describe(arn);
    let history = sfn.json(&["get-execution-history", "--execution-arn", arn]);
    let mut stamps = vec![
        described["startDate"].clone(),
        described["stopDate"].clone(),
        started["startDate"].clone(),
    ];
    stamps.extend(
        history["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["timestamp"].clone()),
    );
    let re =
        regex::Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}000)?[+-]\d\d:\d\d$").unwrap();
    for stamp in stamps {
        let text = stamp.as_str().unwrap();
        assert!(re.is_match(text), "{text}");
        assert!(
            !text.contains(".000000"),
            "Python leaves out zero microseconds: {text}"
        );
    }
}

// ----- command-line mistakes -----

#[test]
fn an_unknown_command_lists_the_choices_and_the_close_ones() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["list-state-machinez"]);
    assert_eq!(code, 252);
    assert!(
        err.starts_with(&format!(
            "{USAGE}sfn: error: argument operation: Invalid choice, valid choices are:\n\ncreate-activity                          | create-state-machine                    \n"
        )),
        "{err}"
    );
    assert!(
        err.ends_with("\n\n\nInvalid choice: 'list-state-machinez', maybe you meant:\n\n  * list-state-machines\n  * delete-state-machine\n  * list-state-machine-aliases\n"),
        "{err}"
    );
}

#[test]
fn unknown_options_are_listed_with_their_stray_values() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["list-state-machines", "--bogus-flag", "1"]);
    assert_eq!(code, 252);
    assert_eq!(err, format!("{USAGE}Unknown options: --bogus-flag, 1\n"));
    let (_, err) = sfn.fail(&["list-state-machines", "--a", "x", "--b", "y"]);
    assert!(err.ends_with("Unknown options: --a, --b, y, x\n"), "{err}");
}

#[test]
fn required_arguments_are_checked_before_unknown_options() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["describe-execution"]);
    assert_eq!(code, 252);
    assert_eq!(
        err,
        format!("{USAGE}sfn: error: the following arguments are required: --execution-arn\n")
    );
    let (code, err) = sfn.fail(&["describe-execution", "--bogus"]);
    assert_eq!(code, 252);
    assert!(err.ends_with("required: --execution-arn\n"), "{err}");
}

#[test]
fn an_invalid_output_choice_lists_the_formats() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&["list-state-machines", "--output", "yml"]);
    assert_eq!(code, 252);
    assert!(
        err.starts_with(&format!(
            "{USAGE}sfn: error: argument --output: Invalid choice, valid choices are:\n\njson                                     | text                                    \n"
        )),
        "{err}"
    );
}

#[test]
fn nested_members_are_validated_as_botocore_does() {
    let sfn = Sfn::new();
    let machine = sfn.create("m");
    let (code, err) = sfn.fail(&[
        "tag-resource",
        "--resource-arn",
        &machine,
        "--tags",
        "Key=a,Value=b",
    ]);
    assert_eq!(code, 252);
    assert_eq!(
        err,
        "\nParameter validation failed:\nUnknown parameter in tags[0]: \"Key\", must be one of: key, value\nUnknown parameter in tags[0]: \"Value\", must be one of: key, value\n"
    );
    let (code, err) = sfn.fail(&[
        "create-state-machine",
        "--name",
        "x",
        "--definition",
        cli_support::HELLO,
        "--role-arn",
        ROLE,
        "--logging-configuration",
        r#"{"level": "ALL", "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": 7}}]}"#,
    ]);
    assert_eq!(code, 252);
    assert_eq!(
        err,
        "\nParameter validation failed:\nInvalid type for parameter loggingConfiguration.destinations[0].cloudWatchLogsLogGroup.logGroupArn, value: 7, type: <class 'int'>, valid types: <class 'str'>\n"
    );
    // Nothing was created.
    assert!(
        sfn.fail(&["describe-state-machine", "--state-machine-arn", &arn("x")])
            .0
            == 254
    );
}
