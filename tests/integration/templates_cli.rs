//! SAM / CloudFormation / CDK templates: `sfn lint` on templates (positions in the template
//! or the DefinitionUri file), `sfn deploy` (resolution, idempotence, failures that change
//! nothing) and deployed Python and Node.js functions running for real in executions.
use crate::cli_support;

use cli_support::{arn as machine_arn, definition, Sfn};
use serde_json::{json, Value};

const ACCOUNT: &str = "123456789012";

fn write(sfn: &Sfn, path: &str, text: &str) -> String {
    let full = sfn.dir.path().join(path);
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(&full, text).unwrap();
    full.to_string_lossy().into_owned()
}

/// Lints and returns (exit code, stdout with the temp dir removed).
fn lint(sfn: &Sfn, args: &[&str]) -> (i32, String) {
    let mut all = vec!["lint"];
    all.extend_from_slice(args);
    let out = sfn.run(&all);
    let dir = format!("{}/", sfn.dir.path().display());
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap().replace(&dir, ""),
    )
}

const CFN_YAML: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Description: CloudFormation with short-form intrinsics
Parameters:
  Env:
    Type: String
    Default: test
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  ProcessFunction:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub "${AWS::StackName}-process"
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt FunctionRole.Arn
      Code:
        ZipFile: "def handler(e, c): return e"
  FunctionRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: fn-role
  Jobs:
    Type: AWS::SQS::Queue
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /aws/vendedlogs/states/ops
  Approvals:
    Type: AWS::StepFunctions::Activity
    Properties:
      Name: !Sub "${AWS::StackName}-approvals"
  Workflow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      StateMachineName: !Sub "${AWS::StackName}-workflow"
      RoleArn: !GetAtt FunctionRole.Arn
      Tags:
        - Key: env
          Value: !Ref Env
      LoggingConfiguration:
        Level: ERROR
        IncludeExecutionData: false
        Destinations:
          - CloudWatchLogsLogGroup:
              LogGroupArn: !GetAtt Logs.Arn
      TracingConfiguration:
        Enabled: true
      Definition:
        StartAt: Process
        States:
          Process:
            Type: Task
            Resource: !GetAtt ProcessFunction.Arn
            Next: Enqueue
          Enqueue:
            Type: Task
            Resource: arn:aws:states:::sqs:sendMessage
            Parameters:
              QueueUrl: !Ref Jobs
              MessageBody.$: $
              MessageAttributes:
                Region:
                  DataType: String
                  StringValue: !Sub "${AWS::Region}/${AWS::Partition}"
            Next: Approve
          Approve:
            Type: Task
            Resource: !Ref Approvals
            TimeoutSeconds: !If [IsProd, 86400, 300]
            End: true
"#;

#[test]
fn a_cloudformation_yaml_template_deploys_with_its_intrinsics_resolved() {
    let sfn = Sfn::new();
    let file = write(&sfn, "stack/template.yaml", CFN_YAML);
    assert_eq!(lint(&sfn, &[&file]).0, 0);
    let out = sfn.json(&["deploy", &file, "--stack-name", "ops", "--output", "json"]);
    assert_eq!(out["StackName"], "ops");
    let rows: Vec<(String, String)> = out["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["LogicalResourceId"].as_str().unwrap().to_string(),
                r["PhysicalResourceId"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "ProcessFunction".to_string(),
                format!("arn:aws:lambda:us-east-1:{ACCOUNT}:function:ops-process")
            ),
            (
                "Approvals".to_string(),
                format!("arn:aws:states:us-east-1:{ACCOUNT}:activity:ops-approvals")
            ),
            ("Workflow".to_string(), machine_arn("ops-workflow")),
        ]
    );
    assert_eq!(
        definition(&sfn, "ops-workflow"),
        json!({
            "StartAt": "Process",
            "States": {
                "Process": {"Type": "Task", "Resource": format!("arn:aws:lambda:us-east-1:{ACCOUNT}:function:ops-process"), "Next": "Enqueue"},
                "Enqueue": {
                    "Type": "Task",
                    "Resource": "arn:aws:states:::sqs:sendMessage",
                    "Parameters": {
                        "QueueUrl": format!("https://sqs.us-east-1.amazonaws.com/{ACCOUNT}/ops-Jobs"),
                        "MessageBody.$": "$",
                        "MessageAttributes": {"Region": {"DataType": "String", "StringValue": "us-east-1/aws"}}
                    },
                    "Next": "Approve"
                },
                "Approve": {"Type": "Task", "Resource": format!("arn:aws:states:us-east-1:{ACCOUNT}:activity:ops-approvals"), "TimeoutSeconds": 300, "End": true}
            }
        })
    );
    let described = sfn.json(&[
        "describe-state-machine",
        "--state-machine-arn",
        &machine_arn("ops-workflow"),
    ]);
    assert_eq!(
        described["roleArn"],
        format!("arn:aws:iam::{ACCOUNT}:role/fn-role")
    );
    assert_eq!(
        described["loggingConfiguration"],
        json!({"level": "ERROR", "includeExecutionData": false, "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": format!("arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/aws/vendedlogs/states/ops:*")}}]})
    );
    assert_eq!(described["tracingConfiguration"], json!({"enabled": true}));
    let tags = sfn.json(&[
        "list-tags-for-resource",
        "--resource-arn",
        &machine_arn("ops-workflow"),
    ]);
    assert_eq!(tags["tags"], json!([{"key": "env", "value": "test"}]));
    // The activity exists, so the machine's Approve task can be served by a worker.
    sfn.json(&[
        "describe-activity",
        "--activity-arn",
        &format!("arn:aws:states:us-east-1:{ACCOUNT}:activity:ops-approvals"),
    ]);

    // Deploying again changes nothing; a parameter override that flips a condition
    // updates the definition.
    let again = sfn.json(&["deploy", &file, "--stack-name", "ops", "--output", "json"]);
    let statuses: Vec<&str> = again["Resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["UNCHANGED", "UNCHANGED", "UNCHANGED"]);
    let prod = sfn.json(&[
        "deploy",
        &file,
        "--stack-name",
        "ops",
        "--output",
        "json",
        "--parameter-overrides",
        "Env=prod",
    ]);
    assert_eq!(prod["Resources"][2]["Status"], "UPDATED");
    assert_eq!(
        definition(&sfn, "ops-workflow")["States"]["Approve"]["TimeoutSeconds"],
        86400
    );
}

/// The shape `cdk synth` writes: a JSON template whose DefinitionString is an Fn::Join of
/// JSON text and tokens (GetAtt, Ref).
const CDK_JSON: &str = r#"{
 "Resources": {
  "HandlerServiceRoleFCDC14AE": {
   "Type": "AWS::IAM::Role",
   "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17"}}
  },
  "Handler886CB40B": {
   "Type": "AWS::Lambda::Function",
   "Properties": {
    "Code": {"S3Bucket": {"Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}, "S3Key": "4f1c.zip"},
    "Handler": "index.handler",
    "Role": {"Fn::GetAtt": ["HandlerServiceRoleFCDC14AE", "Arn"]},
    "Runtime": "nodejs20.x"
   },
   "Metadata": {"aws:asset:path": "asset.4f1c", "aws:asset:property": "Code"}
  },
  "Topic198E71B3": {"Type": "AWS::SNS::Topic"},
  "StateMachineRoleB840431D": {"Type": "AWS::IAM::Role", "Properties": {}},
  "StateMachine2E01A3A5": {
   "Type": "AWS::StepFunctions::StateMachine",
   "Properties": {
    "DefinitionString": {
     "Fn::Join": [
      "",
      [
       "{\"StartAt\":\"Invoke\",\"States\":{\"Invoke\":{\"Next\":\"Notify\",\"Type\":\"Task\",\"Resource\":\"arn:",
       {"Ref": "AWS::Partition"},
       ":states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"",
       {"Fn::GetAtt": ["Handler886CB40B", "Arn"]},
       "\",\"Payload.$\":\"$\"}},\"Notify\":{\"End\":true,\"Type\":\"Task\",\"Resource\":\"arn:",
       {"Ref": "AWS::Partition"},
       ":states:::sns:publish\",\"Parameters\":{\"TopicArn\":\"",
       {"Ref": "Topic198E71B3"},
       "\",\"Message.$\":\"$\"}}}}"
      ]
     ]
    },
    "RoleArn": {"Fn::GetAtt": ["StateMachineRoleB840431D", "Arn"]}
   },
   "DependsOn": ["StateMachineRoleB840431D"]
  }
 }
}
"#;

#[test]
fn a_cdk_synthesised_template_deploys_its_joined_definition_and_asset_function() {
    let sfn = Sfn::new();
    let file = write(&sfn, "cdk.out/AppStack.template.json", CDK_JSON);
    write(
        &sfn,
        "cdk.out/asset.4f1c/index.js",
        "exports.handler = async (e) => ({seen: e});\n",
    );
    assert_eq!(lint(&sfn, &[&file]).0, 0);
    let out = sfn.json(&[
        "deploy",
        &file,
        "--stack-name",
        "AppStack",
        "--output",
        "json",
    ]);
    let function = format!("arn:aws:lambda:us-east-1:{ACCOUNT}:function:AppStack-Handler886CB40B");
    assert_eq!(out["Resources"][0]["PhysicalResourceId"], function.as_str());
    let name = "AppStack-StateMachine2E01A3A5";
    let def = definition(&sfn, name);
    assert_eq!(
        def["States"]["Invoke"]["Resource"],
        "arn:aws:states:::lambda:invoke"
    );
    assert_eq!(
        def["States"]["Invoke"]["Parameters"]["FunctionName"],
        function.as_str()
    );
    assert_eq!(
        def["States"]["Notify"]["Parameters"]["TopicArn"],
        format!("arn:aws:sns:us-east-1:{ACCOUNT}:AppStack-Topic198E71B3")
    );
    // The asset directory is the function's code: the Lambda task runs it for real (the
    // SNS task then has nothing to serve it, which names the ways to serve it).
    let started = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &machine_arn(name),
        "--input",
        r#"{"n": 1}"#,
    ]);
    let history = sfn.json(&[
        "get-execution-history",
        "--execution-arn",
        started["executionArn"].as_str().unwrap(),
    ]);
    let succeeded = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "TaskSucceeded")
        .expect("the function ran");
    let output: Value = serde_json::from_str(
        succeeded["taskSucceededEventDetails"]["output"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(output["Payload"], json!({"seen": {"n": 1}}));
    assert_eq!(output["StatusCode"], 200);
}

/// Nested definitions in both query languages, inline in a SAM template.
const NESTED: &str = r#"Transform: AWS::Serverless-2016-10-31
Resources:
  Nested:
    Type: AWS::Serverless::StateMachine
    Properties:
      Name: nested
      Type: EXPRESS
      Definition:
        StartAt: Fan out
        States:
          Fan out:
            Type: Parallel
            Branches:
              - StartAt: Double
                States:
                  Double:
                    Type: Map
                    QueryLanguage: JSONata
                    Items: "{% $states.input.values %}"
                    ItemProcessor:
                      ProcessorConfig: {Mode: INLINE}
                      StartAt: Times two
                      States:
                        Times two:
                          Type: Pass
                          QueryLanguage: JSONata
                          Output: "{% $states.input * 2 %}"
                          End: true
                    End: true
              - StartAt: Legacy
                States:
                  Legacy:
                    Type: Pass
                    Parameters:
                      region: !Ref AWS::Region
                      count.$: States.ArrayLength($.values)
                    End: true
            ResultSelector:
              doubled.$: $[0]
              legacy.$: $[1]
            End: true
"#;

#[test]
fn nested_definitions_in_both_query_languages_deploy_and_run() {
    let sfn = Sfn::new();
    let file = write(&sfn, "template.yaml", NESTED);
    assert_eq!(
        lint(&sfn, &[&file]),
        (
            0,
            "1 file checked: 0 errors, 0 warnings (0 files with problems)\n".into()
        )
    );
    sfn.json(&["deploy", &file, "--output", "json"]);
    let out = sfn.json(&[
        "start-sync-execution",
        "--state-machine-arn",
        &machine_arn("nested"),
        "--input",
        r#"{"values": [1, 2, 3]}"#,
    ]);
    assert_eq!(out["status"], "SUCCEEDED", "{out}");
    let output: Value = serde_json::from_str(out["output"].as_str().unwrap()).unwrap();
    assert_eq!(
        output,
        json!({"doubled": [2, 4, 6], "legacy": {"region": "us-east-1", "count": 3}})
    );
}

#[test]
fn lint_points_at_the_broken_line_in_the_template_and_in_definition_files() {
    let sfn = Sfn::new();
    let template = write(
        &sfn,
        "app/template.yaml",
        r#"Transform: AWS::Serverless-2016-10-31
Resources:
  Inline:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: First
        States:
          First:
            Type: Pass
            Next: Nowhere
  FromFile:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/flow.asl.json
      DefinitionSubstitutions:
        Known: arn:aws:lambda:us-east-1:123456789012:function:known
  Embedded:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/r
      DefinitionString: !Sub |
        {
          "StartAt": "A",
          "States": {
            "A": {"Type": "Wait", "Seconds": 1, "Next": "B"}
          }
        }
"#,
    );
    write(
        &sfn,
        "app/statemachine/flow.asl.json",
        "{\n  \"StartAt\": \"Call\",\n  \"States\": {\n    \"Call\": {\n      \"Type\": \"Task\",\n      \"Resource\": \"${Known}\",\n      \"Parameters\": {\"Queue\": \"${Unknown}\"},\n      \"End\": true\n    }\n  }\n}\n",
    );
    let (code, out) = lint(&sfn, &[&template]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "app/template.yaml:6:7: error[MISSING_END_STATE]: Workflow has no terminal state\n\
         app/template.yaml:11:13: error[MISSING_TRANSITION_TARGET]: Missing 'Next' target: Nowhere at /States/First/Next\n\
         app/template.yaml:23:9: error[MISSING_END_STATE]: Workflow has no terminal state\n\
         app/template.yaml:26:49: error[MISSING_TRANSITION_TARGET]: Missing 'Next' target: B at /States/A/Next\n\
         app/statemachine/flow.asl.json:7:22: error[UNRESOLVED_SUBSTITUTION]: ${Unknown} has no value: add Unknown to DefinitionSubstitutions at /States/Call/Parameters/Queue\n\
         2 files checked: 5 errors, 0 warnings (2 files with problems)\n"
    );
    // GitHub annotations carry the same positions.
    let (_, out) = lint(&sfn, &["--format", "github", &template]);
    assert!(
        out.contains("file=app/template.yaml,line=11,col=13,title=MISSING_TRANSITION_TARGET"),
        "{out}"
    );
}

#[test]
fn lint_recognises_templates_yaml_definitions_and_json_definitions_by_content() {
    let sfn = Sfn::new();
    let yaml = write(
        &sfn,
        "flow.asl.yaml",
        "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Nxt: B\n    End: true\n",
    );
    let json_def = write(&sfn, "ok.asl.json", cli_support::HELLO);
    let template = write(&sfn, "t.yaml", NESTED);
    let (code, out) = lint(&sfn, &[&template, &yaml, &json_def]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "flow.asl.yaml:5:5: error[SCHEMA_VALIDATION_FAILED]: Field 'Nxt' is not supported at /States/A\n"
        ),
        "{out}"
    );
    assert!(
        out.ends_with("3 files checked: 1 error, 0 warnings (1 file with problems)\n"),
        "{out}"
    );
    // A YAML syntax error is reported where the parser stopped.
    let broken = write(&sfn, "broken.yaml", "StartAt: A\nStates: [\n");
    let (code, out) = lint(&sfn, &[&broken]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("broken.yaml:3:1: error[INVALID_JSON_DESCRIPTION]"),
        "{out}"
    );
}

const IMPORTS: &str = r#"Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      StateMachineName: imports
      RoleArn: arn:aws:iam::123456789012:role/r
      Definition:
        StartAt: Call
        States:
          Call:
            Type: Task
            Resource: !ImportValue shared-processor-arn
            End: true
"#;

#[test]
fn values_that_cannot_be_known_offline_are_placeholders_for_lint_and_must_be_given_to_deploy() {
    let sfn = Sfn::new();
    let file = write(&sfn, "template.yaml", IMPORTS);
    assert_eq!(lint(&sfn, &[&file]).0, 0);
    let (code, err) = sfn.fail(&["deploy", &file]);
    assert_eq!(code, 255);
    assert!(err.contains("template.yaml:12:23: error[INVALID_TEMPLATE]: the export 'shared-processor-arn' (Fn::ImportValue) cannot be known offline; give it with --parameter-overrides 'shared-processor-arn=VALUE'"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(
        sfn.json(&["list-state-machines"])["stateMachines"],
        json!([])
    );
    let arn = "arn:aws:lambda:us-east-1:123456789012:function:shared";
    sfn.json(&[
        "deploy",
        &file,
        "--output",
        "json",
        "--parameter-overrides",
        &format!("shared-processor-arn={arn}"),
    ]);
    assert_eq!(
        definition(&sfn, "imports")["States"]["Call"]["Resource"],
        arn
    );
}

#[test]
fn deploy_refuses_a_definition_file_and_an_invalid_definition() {
    let sfn = Sfn::new();
    let def = write(&sfn, "flow.asl.json", cli_support::HELLO);
    let (code, err) = sfn.fail(&["deploy", &def]);
    assert_eq!(code, 252);
    assert!(
        err.contains("is not a SAM or CloudFormation template"),
        "{err}"
    );
    let broken = write(
        &sfn,
        "t.yaml",
        &CFN_YAML.replace("Next: Approve", "Next: Approval"),
    );
    let (code, err) = sfn.fail(&["deploy", &broken]);
    assert_eq!(code, 255);
    assert!(err.contains("MISSING_TRANSITION_TARGET"), "{err}");
    assert_eq!(
        sfn.json(&["list-state-machines"])["stateMachines"],
        json!([])
    );
}

fn interpreters_present() {
    for program in ["python3", "node"] {
        let found = std::process::Command::new(program)
            .arg("--version")
            .output();
        assert!(
            found.is_ok_and(|o| o.status.success()),
            "{program} must be installed to run these tests (.ci/run installs it)"
        );
    }
}

fn events(sfn: &Sfn, execution_arn: &str) -> Vec<Value> {
    sfn.history(execution_arn)
}

#[test]
fn the_sam_example_runs_its_python_and_node_functions_for_real() {
    interpreters_present();
    let sfn = Sfn::new();
    let template = format!(
        "{}/examples/sam-app/template.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let tmp = sfn.dir.path().join("lambda-tmp");
    std::fs::create_dir_all(&tmp).unwrap();
    let table = sfn.stdout(&["deploy", &template]);
    assert!(table.starts_with("Stack sam-app\n"), "{table}");
    assert!(table.contains("orders-dev"), "{table}");

    let input = r#"{"orderId": "o-1", "carrier": "fast", "items": [{"sku": "book", "price": 12.5, "quantity": 2}]}"#;
    let run = |input: &str| -> (Value, Vec<Value>) {
        let out = sfn
            .cmd()
            .env("TMPDIR", &tmp)
            // The Retry's one-second interval is not what this test is about.
            .env("SFN_WAIT_TIME_SCALE", "0")
            .args([
                "start-execution",
                "--state-machine-arn",
                &machine_arn("orders-dev"),
                "--input",
                input,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let started: Value = serde_json::from_slice(&out.stdout).unwrap();
        let arn = started["executionArn"].as_str().unwrap().to_string();
        (sfn.describe(&arn), events(&sfn, &arn))
    };
    let (execution, history) = run(input);
    assert_eq!(execution["status"], "SUCCEEDED", "{execution}");
    let output: Value = serde_json::from_str(execution["output"].as_str().unwrap()).unwrap();
    // Python computed the total and read STAGE from Globals; Node read its own variable.
    assert_eq!(output["total"], 25.0, "{output}");
    assert_eq!(output["stage"], "dev");
    assert_eq!(
        output["charge"],
        json!({"chargeId": "ch-o-1", "amount": 25, "gateway": "sandbox"})
    );
    assert_eq!(output["shipment"], json!({"trackingNumber": "TRK-o-1"}));
    // The Node function's first attempt failed as Lambda reports a thrown Error, and the
    // Retry on its errorType ran it again.
    let failed = history
        .iter()
        .find(|e| e["type"] == "LambdaFunctionFailed")
        .expect("a failed attempt");
    let details = &failed["lambdaFunctionFailedEventDetails"];
    assert_eq!(details["error"], "GatewayTimeout");
    let cause: Value = serde_json::from_str(details["cause"].as_str().unwrap()).unwrap();
    assert_eq!(
        cause["errorMessage"],
        "sandbox gateway did not answer for o-1"
    );
    assert_eq!(
        history
            .iter()
            .filter(|e| e["type"] == "LambdaFunctionSucceeded")
            .count(),
        1
    );

    // The slow carrier outlives the function's Timeout (3 s): Lambda's timeout error,
    // caught by the Catch.
    let (execution, history) = run(&input.replace("fast", "slow").replace("o-1", "o-2"));
    assert_eq!(execution["status"], "SUCCEEDED", "{execution}");
    let output: Value = serde_json::from_str(execution["output"].as_str().unwrap()).unwrap();
    assert_eq!(
        output,
        json!({"orderId": "o-2", "status": "DELAYED", "error": "Sandbox.Timedout"})
    );
    let failed = history.iter().find(|e| e["type"] == "TaskFailed").unwrap();
    let cause: Value =
        serde_json::from_str(failed["taskFailedEventDetails"]["cause"].as_str().unwrap()).unwrap();
    assert!(
        cause["errorMessage"]
            .as_str()
            .unwrap()
            .ends_with("Task timed out after 3.00 seconds"),
        "{cause}"
    );

    // A Python exception is the task's error, named by its type.
    let (execution, _) = run(r#"{"orderId": "o-3", "items": []}"#);
    assert_eq!(execution["status"], "FAILED");
    assert_eq!(execution["error"], "ValueError");
    let cause: Value = serde_json::from_str(execution["cause"].as_str().unwrap()).unwrap();
    assert_eq!(cause["errorMessage"], "order o-3 has no items");
    assert_eq!(cause["errorType"], "ValueError");
}

#[test]
fn mock_files_and_handlers_files_take_precedence_over_deployed_functions() {
    interpreters_present();
    let sfn = Sfn::new();
    let template = format!(
        "{}/examples/sam-app/template.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    sfn.json(&["deploy", &template, "--output", "json"]);
    let handlers = write(
        &sfn,
        "handlers.json",
        &json!({"lambda": {"sam-app-ValidateFunction": ["python3", "-c", "print('{\"orderId\": \"h\", \"total\": 0}')"]}}).to_string(),
    );
    let started = sfn
        .cmd()
        .env("TMPDIR", sfn.dir.path())
        .args([
            "start-execution",
            "--state-machine-arn",
            &machine_arn("orders-dev"),
            "--handlers",
            &handlers,
        ])
        .args(["--input", r#"{"orderId": "o-9", "items": []}"#])
        .output()
        .unwrap();
    let started: Value = serde_json::from_slice(&started.stdout).unwrap();
    let execution = sfn.json(&[
        "describe-execution",
        "--execution-arn",
        started["executionArn"].as_str().unwrap(),
    ]);
    // The handler answered for Validate (the real function would have refused no items).
    assert_eq!(execution["status"], "SUCCEEDED", "{execution}");
    let output: Value = serde_json::from_str(execution["output"].as_str().unwrap()).unwrap();
    assert_eq!(output["orderId"], "h");
}

#[test]
fn a_function_in_a_runtime_sfn_cannot_run_fails_naming_it_and_the_ways_to_serve_it() {
    let sfn = Sfn::new();
    let file = write(
        &sfn,
        "app/template.yaml",
        r#"Transform: AWS::Serverless-2016-10-31
Resources:
  Billing:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: billing/
      Handler: com.example.Billing::handle
      Runtime: java21
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Name: billing
      Definition:
        StartAt: Bill
        States:
          Bill:
            Type: Task
            Resource: !GetAtt Billing.Arn
            Catch: [{ErrorEquals: [States.ALL], Next: Caught}]
            End: true
          Caught: {Type: Pass, End: true}
"#,
    );
    std::fs::create_dir_all(sfn.dir.path().join("app/billing")).unwrap();
    sfn.json(&["deploy", &file, "--output", "json"]);
    let started = sfn.json(&[
        "start-execution",
        "--state-machine-arn",
        &machine_arn("billing"),
    ]);
    let execution = sfn.json(&[
        "describe-execution",
        "--execution-arn",
        started["executionArn"].as_str().unwrap(),
    ]);
    assert_eq!(
        execution["status"], "FAILED",
        "a setup gap is not caught: {execution}"
    );
    assert_eq!(execution["error"], "States.Runtime");
    let cause = execution["cause"].as_str().unwrap();
    assert!(
        cause.contains("the function app-Billing (Billing in stack app) has the runtime java21"),
        "{cause}"
    );
    assert!(
        cause.contains("--mock-config") && cause.contains("--handlers"),
        "{cause}"
    );
}

#[test]
fn substitutions_apply_to_the_text_of_a_definition_file_as_step_functions_applies_them() {
    let sfn = Sfn::new();
    let template = write(
        &sfn,
        "app/template.yaml",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  Batch:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Name: batch\n      DefinitionUri: batch.asl.json\n      DefinitionSubstitutions:\n        Limit: 5\n",
    );
    // Unquoted, so the file is JSON only once substituted.
    write(
        &sfn,
        "app/batch.asl.json",
        "{\"StartAt\": \"Each\", \"States\": {\"Each\": {\"Type\": \"Map\", \"MaxConcurrency\": ${Limit},\n  \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}}}\n",
    );
    assert_eq!(lint(&sfn, &[&template]).0, 0);
    sfn.json(&["deploy", &template, "--output", "json"]);
    assert_eq!(
        definition(&sfn, "batch")["States"]["Each"]["MaxConcurrency"],
        5
    );
}

/// Every intrinsic the template uses, once in the short YAML form and once in the long
/// form: both state machines come out the same.
const BOTH_FORMS: &str = r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage:
    Type: String
    Default: dev
Mappings:
  Sizes:
    dev: {Batch: 10}
    prod: {Batch: 100}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsNotProd:
    Fn::Not: [{Condition: IsProd}]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${AWS::StackName}-events"
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: worker
  Short:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      StateMachineName: short
      RoleArn: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/r"
      Definition:
        StartAt: Call
        States:
          Call:
            Type: Task
            Resource: !GetAtt Worker.Arn
            Parameters:
              topic: !Ref Topic
              name: !GetAtt [Topic, TopicName]
              where: !Sub ["${Region}/${Name}", {Region: !Ref AWS::Region, Name: !Select [1, !Split ["/", !Sub "${Stage}/blue"]]}]
              joined: !Join [":", [!Ref Stage, !FindInMap [Sizes, !Ref Stage, Batch]]]
              size: !If [IsProd, large, small]
              notProd: !If [IsNotProd, "yes", "no"]
            End: true
  Long:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      StateMachineName: long
      RoleArn:
        Fn::Sub: "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/r"
      Definition:
        StartAt: Call
        States:
          Call:
            Type: Task
            Resource:
              Fn::GetAtt: [Worker, Arn]
            Parameters:
              topic:
                Ref: Topic
              name:
                Fn::GetAtt: [Topic, TopicName]
              where:
                Fn::Sub:
                  - "${Region}/${Name}"
                  - Region: {Ref: "AWS::Region"}
                    Name: {"Fn::Select": [1, {"Fn::Split": ["/", {"Fn::Sub": "${Stage}/blue"}]}]}
              joined:
                Fn::Join: [":", [{Ref: Stage}, {"Fn::FindInMap": [Sizes, {Ref: Stage}, Batch]}]]
              size:
                Fn::If: [IsProd, large, small]
              notProd:
                Fn::If: [IsNotProd, "yes", "no"]
            End: true
"#;

#[test]
fn short_and_long_intrinsic_forms_resolve_alike() {
    let sfn = Sfn::new();
    let file = write(&sfn, "template.yaml", BOTH_FORMS);
    assert_eq!(lint(&sfn, &[&file]).0, 0);
    sfn.json(&[
        "deploy",
        &file,
        "--stack-name",
        "app-blue",
        "--output",
        "json",
    ]);
    let short = definition(&sfn, "short");
    assert_eq!(short, definition(&sfn, "long"));
    assert_eq!(
        short["States"]["Call"],
        json!({
            "Type": "Task",
            "Resource": format!("arn:aws:lambda:us-east-1:{ACCOUNT}:function:worker"),
            "Parameters": {
                "topic": format!("arn:aws:sns:us-east-1:{ACCOUNT}:app-blue-events"),
                "name": "app-blue-events",
                "where": "us-east-1/blue",
                "joined": "dev:10",
                "size": "small",
                "notProd": "yes"
            },
            "End": true
        })
    );
    // The override flips both conditions and the mapping.
    sfn.json(&[
        "deploy",
        &file,
        "--stack-name",
        "app-blue",
        "--parameter-overrides",
        "Stage=prod",
        "--output",
        "json",
    ]);
    let prod = definition(&sfn, "long");
    assert_eq!(prod["States"]["Call"]["Parameters"]["joined"], "prod:100");
    assert_eq!(prod["States"]["Call"]["Parameters"]["size"], "large");
    assert_eq!(prod["States"]["Call"]["Parameters"]["notProd"], "no");
    assert_eq!(prod, definition(&sfn, "short"));
}

#[test]
fn an_unsubstituted_name_in_an_inline_definition_is_an_error_at_its_place() {
    let sfn = Sfn::new();
    let file = write(
        &sfn,
        "template.yaml",
        "Transform: AWS::Serverless-2016-10-31\nResources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionSubstitutions:\n        Known: arn:aws:sns:us-east-1:123456789012:t\n      Definition:\n        StartAt: Notify\n        States:\n          Notify:\n            Type: Task\n            Resource: arn:aws:states:::sns:publish\n            Parameters:\n              TopicArn: ${Known}\n              Message: ${Unknown}\n            End: true\n",
    );
    let (code, out) = lint(&sfn, &[&file]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "template.yaml:16:15: error[UNRESOLVED_SUBSTITUTION]: ${Unknown} has no value: add Unknown to DefinitionSubstitutions at /States/Notify/Parameters/Message\n\
         1 file checked: 1 error, 0 warnings (1 file with problems)\n"
    );
    let (code, err) = sfn.fail(&["deploy", &file]);
    assert_eq!(code, 255);
    assert!(
        err.contains("template.yaml:16:15: error[UNRESOLVED_SUBSTITUTION]"),
        "{err}"
    );
}

#[test]
fn problems_inside_a_cdk_definition_string_are_placed_at_their_own_characters() {
    let sfn = Sfn::new();
    // One line, as `cdk synth` writes it: the Next target and the typo'd field are at
    // their columns in that line, escapes and all.
    let line = r#"    "DefinitionString": "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"},\"B\":{\"Type\":\"Pass\",\"Ed\":true}}}","#;
    let text = format!(
        "{{\n \"Resources\": {{\n  \"M\": {{\n   \"Type\": \"AWS::StepFunctions::StateMachine\",\n   \"Properties\": {{\n{line}\n    \"RoleArn\": \"arn:aws:iam::123456789012:role/r\"\n   }}\n  }}\n }}\n}}\n"
    );
    let file = write(&sfn, "cdk.out/Stack.template.json", &text);
    let (code, out) = lint(&sfn, &[&file]);
    assert_eq!(code, 1);
    let column = |needle: &str| line.find(needle).unwrap() + 1;
    assert!(
        out.contains(&format!(
            "cdk.out/Stack.template.json:6:{}: error[SCHEMA_VALIDATION_FAILED]: Field 'Ed' is not supported at /States/B",
            column(r#"\"Ed\""#)
        )),
        "{out}"
    );
    // B has neither Next nor End: reported at B; the machine has no terminal state:
    // reported at the definition's first character.
    assert!(
        out.contains(&format!(
            "cdk.out/Stack.template.json:6:{}: error[SCHEMA_VALIDATION_FAILED]: One of the fields [Next, End] is required at /States/B",
            column(r#"\"B\":{"#)
        )),
        "{out}"
    );
    assert!(
        out.starts_with(&format!(
            "cdk.out/Stack.template.json:6:{}: error[MISSING_END_STATE]",
            column(r#"{\"StartAt"#)
        )),
        "{out}"
    );
}

#[test]
fn a_definition_in_s3_is_read_under_sfn_s3_root_and_unknowable_without_it() {
    let sfn = Sfn::new();
    let file = write(
        &sfn,
        "template.yaml",
        "Resources:\n  Flow:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      StateMachineName: from-s3\n      RoleArn: arn:aws:iam::123456789012:role/r\n      DefinitionS3Location:\n        Bucket: defs\n        Key: flows/flow.asl.json\n",
    );
    // Without a root, lint cannot check it but the template may well be right.
    let (code, out) = lint(&sfn, &[&file]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("template.yaml:7:7: warning[INVALID_TEMPLATE]: not checked: the definition is in S3 (s3://defs/flows/flow.asl.json); set SFN_S3_ROOT"),
        "{out}"
    );
    let (code, err) = sfn.fail(&["deploy", &file]);
    assert_eq!(code, 255);
    assert!(
        err.contains("template.yaml:7:7: error[INVALID_TEMPLATE]: the definition is in S3"),
        "{err}"
    );
    assert!(err.contains("nothing was changed"), "{err}");

    let root = sfn.dir.path().join("s3");
    std::fs::create_dir_all(root.join("defs/flows")).unwrap();
    std::fs::write(root.join("defs/flows/flow.asl.json"), cli_support::HELLO).unwrap();
    let out = sfn
        .cmd()
        .env("SFN_S3_ROOT", &root)
        .args(["deploy", &file, "--output", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hello: Value = serde_json::from_str(cli_support::HELLO).unwrap();
    assert_eq!(definition(&sfn, "from-s3"), hello);
}
