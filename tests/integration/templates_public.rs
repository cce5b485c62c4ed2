//! Public SAM / CloudFormation / CDK templates, as published (tests/fixtures/templates/public,
//! sources and licenses in its SOURCES.tsv): a representative handful of what
//! benches/templates.py measures on all of them. Valid ones lint clean and deploy with
//! their references resolved; ones that are wrong as published are refused at the line
//! and column of the mistake.
use crate::cli_support;

use cli_support::{arn as machine_arn, definition, Sfn};
use serde_json::Value;

const ACCOUNT: &str = "123456789012";

fn public(path: &str) -> String {
    format!(
        "{}/tests/fixtures/templates/public/{path}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Lints and returns (exit code, stdout with the fixture directory removed).
fn lint(sfn: &Sfn, file: &str) -> (i32, String) {
    let out = sfn.run(&["lint", file]);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout)
            .unwrap()
            .replace(&public(""), ""),
    )
}

fn statuses(deployed: &Value) -> Vec<String> {
    deployed["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Status"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_sam_app_of_two_machines_in_definition_files_deploys_with_each_one_referring_to_the_other() {
    let sfn = Sfn::new();
    let template = public("workflow-within-a-workflow/template.yaml");
    assert_eq!(
        lint(&sfn, &template),
        (
            0,
            // The template and the two definition files it reads.
            "3 files checked: 0 errors, 0 warnings (0 files with problems)\n".into()
        )
    );
    let deployed = sfn.json(&["deploy", &template, "--output", "json"]);
    assert_eq!(statuses(&deployed), ["CREATED", "CREATED", "CREATED"]);
    let nested = "workflow-within-a-workflow-NestingPatternAnotherStateMachine";
    let main = definition(
        &sfn,
        "workflow-within-a-workflow-NestingPatternMainStateMachine",
    );
    assert_eq!(
        main["States"]["Start new workflow and continue"]["Parameters"]["StateMachineArn"],
        machine_arn(nested).as_str()
    );
    assert_eq!(
        definition(&sfn, nested)["States"]["Callback"]["Parameters"]["FunctionName"],
        format!("arn:aws:lambda:us-east-1:{ACCOUNT}:function:workflow-within-a-workflow-NestingPatternCallbackLambdaFunction")
    );
    let again = sfn.json(&["deploy", &template, "--output", "json"]);
    assert_eq!(statuses(&again), ["UNCHANGED", "UNCHANGED", "UNCHANGED"]);
}

#[test]
fn an_inline_definition_with_substitutions_and_a_mapped_name_deploys() {
    let sfn = Sfn::new();
    let template = public("app-sfn-kms-integration/template.yaml");
    assert_eq!(lint(&sfn, &template).0, 0);
    sfn.json(&["deploy", &template, "--output", "json"]);
    // StateMachineName: !FindInMap [StateMachine, Name, Value]
    let def = definition(&sfn, "StockTrading-StateMachine");
    assert_eq!(
        def["States"]["Check Stock Value"]["Resource"],
        format!("arn:aws:lambda:us-east-1:{ACCOUNT}:function:app-sfn-kms-integration-StockCheckerFunction")
    );
    assert_eq!(
        def["States"]["Record Transaction"]["Resource"],
        "arn:aws:states:::dynamodb:putItem"
    );
    // A SimpleTable without a TableName gets a generated one.
    assert_eq!(
        def["States"]["Record Transaction"]["Parameters"]["TableName"],
        "app-sfn-kms-integration-TransactionTable"
    );
}

#[test]
fn a_yaml_definition_file_gets_its_table_and_topic() {
    let sfn = Sfn::new();
    let template = public("human-task-reminder/template.yaml");
    assert_eq!(lint(&sfn, &template).0, 0);
    sfn.json(&["deploy", &template, "--output", "json"]);
    let def = definition(&sfn, "HumanTaskReminder");
    let branch = &def["States"]["Parallel w/ UUID"]["Branches"][1]["States"];
    assert_eq!(
        branch["DDB Put Task Status"]["Parameters"]["TableName"],
        "HumanTaskReminderTable"
    );
    assert_eq!(
        branch["SNS Send Task Token to Human"]["Parameters"]["TopicArn"],
        format!("arn:aws:sns:us-east-1:{ACCOUNT}:human-task-reminder-NotificationTopic")
    );
}

#[test]
fn a_cdk_snapshot_deploys_and_an_inline_sam_machine_runs() {
    let sfn = Sfn::new();
    let cdk = public("cdk-intrinsics/aws-stepfunctions-intrinsics-integ.template.json");
    assert_eq!(lint(&sfn, &cdk).0, 0);
    sfn.json(&["deploy", &cdk, "--output", "json"]);
    let def = definition(&sfn, "cdk-intrinsics-StateMachine2E01A3A5");
    assert_eq!(
        def["States"]["pass"]["Parameters"]["stringSplit3.$"],
        r"States.StringSplit('1\\2\\3\\4\\5', '\\')"
    );

    let template = public("demo-asl-features/template.yaml");
    assert_eq!(lint(&sfn, &template).0, 0);
    sfn.json(&["deploy", &template, "--output", "json"]);
    // Name: !Join ["", [!Ref ParameterPrefix, "-", "PetCreator"]]
    let execution = sfn.run_to_end(&machine_arn("ASL-Demo-PetCreator"), &[]);
    assert_eq!(execution["status"], "SUCCEEDED", "{execution}");
    let output: Value = serde_json::from_str(execution["output"].as_str().unwrap()).unwrap();
    // Its Map of Choices made five cats (even ages) and five dogs; the JSONPath filters
    // split them by age.
    let cats = &output["groupedPets"]["cats"];
    assert_eq!(cats["young"].as_array().unwrap().len(), 2);
    assert_eq!(cats["old"].as_array().unwrap().len(), 3);
    assert_eq!(output["flattenedPets"].as_array().unwrap().len(), 10);
}

#[test]
fn mistakes_made_in_published_templates_are_reported_where_they_are() {
    let sfn = Sfn::new();
    // The definition says ${TopicArn}; the template substitutes topicArn.
    let (code, out) = lint(&sfn, &public("synchronous-job/template.yaml"));
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "synchronous-job/statemachine/statemachine.asl.json:35:9: error[UNRESOLVED_SUBSTITUTION]: ${TopicArn} has no value: add TopicArn to DefinitionSubstitutions at /States/Notify Success/Parameters/TopicArn\n\
         synchronous-job/statemachine/statemachine.asl.json:44:9: error[UNRESOLVED_SUBSTITUTION]: ${TopicArn} has no value: add TopicArn to DefinitionSubstitutions at /States/Notify Failure/Parameters/TopicArn\n\
         2 files checked: 2 errors, 0 warnings (1 file with problems)\n"
    );
    // "QueryLanguage": "JSONata" written inside States, where only states belong.
    let (code, out) = lint(&sfn, &public("shared-fallback-state-jsonata/template.yaml"));
    assert_eq!(code, 1);
    assert!(
        out.starts_with("shared-fallback-state-jsonata/statemachine/statemachine.asl.json:5:5: error[SCHEMA_VALIDATION_FAILED]: Expected value of type [OBJECT] at /States/QueryLanguage\n"),
        "{out}"
    );
    // DefinitionUri: statemachine/StateMachine.asl.json; the file is stateMachine.asl.json.
    let (code, out) = lint(&sfn, &public("apigw-sfn/template.yaml"));
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "apigw-sfn/template.yaml:14:7: error[INVALID_TEMPLATE]: cannot read the definition "
        ),
        "{out}"
    );
    for template in [
        "synchronous-job/template.yaml",
        "shared-fallback-state-jsonata/template.yaml",
        "apigw-sfn/template.yaml",
    ] {
        let (code, err) = sfn.fail(&["deploy", &public(template)]);
        assert_eq!(code, 255, "{template}");
        assert!(err.contains("nothing was changed"), "{err}");
    }
    assert_eq!(
        sfn.json(&["list-state-machines"])["stateMachines"],
        serde_json::json!([])
    );
}

#[test]
fn a_template_and_its_definition_files_on_one_command_line_are_checked_as_deployed() {
    let sfn = Sfn::new();
    // On its own the definition file's `${ActivityArn}` is no ARN; read through the
    // template it is the activity's.
    let dir = public("activity-state-machine");
    let out = sfn
        .cmd()
        .current_dir(&dir)
        .args([
            "lint",
            "statemachine/activity_state.asl.json",
            "template.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap().as_str()
        ),
        (
            Some(0),
            "2 files checked: 0 errors, 0 warnings (0 files with problems)\n"
        )
    );
    let out = sfn
        .cmd()
        .current_dir(&dir)
        .args(["lint", "statemachine/activity_state.asl.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("The resource provided ${ActivityArn} is not recognized"));
}
