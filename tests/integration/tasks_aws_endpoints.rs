//! Tasks that call SQS, SNS, DynamoDB and EventBridge go, when an endpoint is configured
//! (`AWS_ENDPOINT_URL_<SERVICE>`, Step Functions Local's `<SERVICE>_ENDPOINT`,
//! `AWS_ENDPOINT_URL`), to that endpoint as an AWS SDK sends them: the protocol of the
//! service's model, signed with SigV4 from the usual credential variables. A local stub
//! plays the service here: it checks what arrives and answers recorded responses and
//! errors, which come back shaped and named as Step Functions shapes and names them.
use crate::cli_support;

use std::sync::mpsc;
use std::time::Duration;

use cli_support::Sfn;
use regex::Regex;
use serde_json::{json, Value};

/// One request as the stub saw it.
#[derive(Debug)]
struct Seen {
    method: String,
    url: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A recorded answer: status, headers, body.
type Answer = (u16, Vec<(&'static str, &'static str)>, String);

/// A service stub answering its requests, in order, with `answers` (status, headers,
/// body); what it was sent arrives on the receiver.
fn stub(answers: Vec<Answer>) -> (String, mpsc::Receiver<Seen>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind the stub");
    let url = format!(
        "http://{}",
        server.server_addr().to_ip().expect("ip address")
    );
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for (status, headers, body) in answers {
            let Ok(mut request) = server.recv() else {
                return;
            };
            let mut text = String::new();
            let _ = request.as_reader().read_to_string(&mut text);
            let seen = Seen {
                method: request.method().to_string(),
                url: request.url().to_string(),
                headers: request
                    .headers()
                    .iter()
                    .map(|h| (h.field.to_string(), h.value.to_string()))
                    .collect(),
                body: text,
            };
            let mut response = tiny_http::Response::from_string(body).with_status_code(status);
            for (name, value) in headers {
                response.add_header(
                    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap(),
                );
            }
            let _ = tx.send(seen);
            let _ = request.respond(response);
        }
    });
    (url, rx)
}

fn received(rx: &mpsc::Receiver<Seen>) -> Seen {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("the stub received a request")
}

/// `sfn` with an endpoint setting and dummy credentials, as a test set-up for a local
/// emulator would have them.
fn sfn_run(
    sfn: &Sfn,
    env: &[(&str, &str)],
    definition: Value,
    input: &str,
) -> (Option<i32>, Value) {
    let path = sfn.write("machine.asl.json", &definition.to_string());
    let mut cmd = sfn.cmd();
    cmd.env("AWS_ACCESS_KEY_ID", "AKIDTEST")
        .env("AWS_SECRET_ACCESS_KEY", "secret-for-tests")
        .env("AWS_REGION", "eu-west-1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(["run", path.to_str().unwrap(), "--input", input])
        .output()
        .expect("run sfn");
    let text = String::from_utf8_lossy(&out.stdout);
    let printed = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {text} / {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), printed)
}

fn task(resource: &str, parameters: Value) -> Value {
    json!({"StartAt": "Call", "States": {"Call": {
        "Type": "Task", "Resource": resource, "Parameters": parameters, "End": true}}})
}

fn assert_signed(seen: &Seen, service: &str, signed: &str) {
    let authorization = seen
        .header("Authorization")
        .expect("an Authorization header");
    let shape = Regex::new(&format!(
        r"^AWS4-HMAC-SHA256 Credential=AKIDTEST/\d{{8}}/eu-west-1/{service}/aws4_request, SignedHeaders={signed}, Signature=[0-9a-f]{{64}}$"
    ))
    .unwrap();
    assert!(shape.is_match(authorization), "{authorization}");
    assert!(Regex::new(r"^\d{8}T\d{6}Z$")
        .unwrap()
        .is_match(seen.header("X-Amz-Date").unwrap_or_default()));
}

#[test]
fn dynamodb_put_item_is_an_aws_json_request_signed_for_dynamodb() {
    let (url, requests) = stub(vec![(
        200,
        vec![
            ("x-amzn-RequestId", "RID-PUT"),
            ("Content-Type", "application/x-amz-json-1.0"),
        ],
        "{}".into(),
    )]);
    let sfn = Sfn::new();
    let (code, output) = sfn_run(
        &sfn,
        &[("AWS_ENDPOINT_URL_DYNAMODB", &url)],
        task(
            "arn:aws:states:::dynamodb:putItem",
            json!({"TableName": "orders", "Item": {"id": {"S.$": "$.id"}, "total": {"N": "12"}}}),
        ),
        r#"{"id": "order-1"}"#,
    );
    assert_eq!(code, Some(0), "{output}");
    let seen = received(&requests);
    assert_eq!((seen.method.as_str(), seen.url.as_str()), ("POST", "/"));
    assert_eq!(
        seen.header("X-Amz-Target"),
        Some("DynamoDB_20120810.PutItem")
    );
    assert_eq!(
        seen.header("Content-Type"),
        Some("application/x-amz-json-1.0")
    );
    assert_signed(
        &seen,
        "dynamodb",
        "content-type;host;x-amz-date;x-amz-target",
    );
    let body: Value = serde_json::from_str(&seen.body).unwrap();
    assert_eq!(
        body,
        json!({"TableName": "orders", "Item": {"id": {"S": "order-1"}, "total": {"N": "12"}}})
    );
    // The optimized integration's result: the response and its HTTP metadata.
    assert_eq!(
        output["SdkResponseMetadata"],
        json!({"RequestId": "RID-PUT"})
    );
    assert_eq!(output["SdkHttpMetadata"]["HttpStatusCode"], 200);
    assert_eq!(
        output["SdkHttpMetadata"]["HttpHeaders"]["x-amzn-RequestId"],
        "RID-PUT"
    );
    assert_eq!(
        output["SdkHttpMetadata"]["AllHttpHeaders"]["Content-Type"],
        json!(["application/x-amz-json-1.0"])
    );
}

#[test]
fn a_conditional_check_failure_is_caught_by_its_step_functions_name() {
    let (url, _requests) = stub(vec![(
        400,
        vec![("x-amzn-RequestId", "RID-COND")],
        json!({"__type": "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
               "message": "The conditional request failed"})
        .to_string(),
    )]);
    let sfn = Sfn::new();
    let definition = json!({"StartAt": "Reserve", "States": {
        "Reserve": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
            "Parameters": {"TableName": "orders", "Item": {"id": {"S": "1"}},
                           "ConditionExpression": "attribute_not_exists(id)"},
            "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"],
                       "ResultPath": "$.taken", "Next": "Taken"}],
            "End": true},
        "Taken": {"Type": "Pass", "End": true}}});
    let (code, output) = sfn_run(&sfn, &[("DYNAMODB_ENDPOINT", &url)], definition, "{}");
    assert_eq!(code, Some(0), "{output}");
    assert_eq!(
        output["taken"],
        json!({
            "Error": "DynamoDB.ConditionalCheckFailedException",
            "Cause": "The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: RID-COND; Proxy: null)"
        })
    );
}

#[test]
fn sns_publish_is_a_query_request_and_its_xml_answer_is_read() {
    let (url, requests) = stub(vec![(
        200,
        vec![("x-amzn-RequestId", "RID-SNS"), ("Content-Type", "text/xml")],
        r#"<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>msg-1</MessageId></PublishResult><ResponseMetadata><RequestId>RID-SNS</RequestId></ResponseMetadata></PublishResponse>"#.into(),
    )]);
    let sfn = Sfn::new();
    let (code, output) = sfn_run(
        &sfn,
        &[("AWS_ENDPOINT_URL", &url)],
        task(
            "arn:aws:states:::sns:publish",
            json!({"TopicArn": "arn:aws:sns:eu-west-1:123456789012:orders",
                   "Message": {"order": "o-1"},
                   "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "new"}}}),
        ),
        "{}",
    );
    assert_eq!(code, Some(0), "{output}");
    let seen = received(&requests);
    assert_eq!(
        seen.header("Content-Type"),
        Some("application/x-www-form-urlencoded; charset=utf-8")
    );
    assert_signed(&seen, "sns", "content-type;host;x-amz-date");
    // The message object goes as its JSON text.
    assert_eq!(
        seen.body,
        "Action=Publish&Version=2010-03-31\
         &TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aorders\
         &Message=%7B%22order%22%3A%22o-1%22%7D\
         &MessageAttributes.entry.1.Name=kind\
         &MessageAttributes.entry.1.Value.DataType=String\
         &MessageAttributes.entry.1.Value.StringValue=new"
    );
    assert_eq!(output["MessageId"], "msg-1");
    assert_eq!(output["SdkResponseMetadata"]["RequestId"], "RID-SNS");
}

#[test]
fn aws_sdk_errors_carry_the_sdk_v2_service_and_exception_names() {
    let (url, requests) = stub(vec![(
        400,
        vec![
            ("x-amzn-RequestId", "RID-SQS"),
            (
                "x-amzn-query-error",
                "AWS.SimpleQueueService.NonExistentQueue;Sender",
            ),
        ],
        json!({"__type": "com.amazonaws.sqs#QueueDoesNotExist",
               "message": "The specified queue does not exist."})
        .to_string(),
    )]);
    let sfn = Sfn::new();
    let (code, output) = sfn_run(
        &sfn,
        &[("AWS_ENDPOINT_URL_SQS", &url)],
        task(
            "arn:aws:states:::aws-sdk:sqs:sendMessage",
            json!({"QueueUrl": "http://queue/none", "MessageBody": "hello"}),
        ),
        "{}",
    );
    assert_eq!(code, Some(1));
    let seen = received(&requests);
    assert_eq!(seen.header("X-Amz-Target"), Some("AmazonSQS.SendMessage"));
    assert_eq!(
        output,
        json!({
            "status": "FAILED",
            "error": "Sqs.QueueDoesNotExistException",
            "cause": "The specified queue does not exist. (Service: Sqs, Status Code: 400, Request ID: RID-SQS) (SDK Attempt Count: 1)"
        })
    );
}

#[test]
fn put_events_with_a_failed_entry_fails_the_task_with_the_response() {
    let (url, requests) = stub(vec![(
        200,
        vec![("Content-Type", "application/x-amz-json-1.1")],
        r#"{"Entries":[{"EventId":"e-1"},{"ErrorCode":"InvalidArgument","ErrorMessage":"Parameter Source is not valid."}],"FailedEntryCount":1}"#.into(),
    )]);
    let sfn = Sfn::new();
    let (code, output) = sfn_run(
        &sfn,
        &[("AWS_ENDPOINT_URL_EVENTBRIDGE", &url)],
        task(
            "arn:aws:states:::events:putEvents",
            json!({"Entries": [{"Detail": {"n": 1}, "DetailType": "t", "Source": "s"},
                               {"Detail": {"n": 2}, "DetailType": "t"}]}),
        ),
        "{}",
    );
    let seen = received(&requests);
    assert_eq!(seen.header("X-Amz-Target"), Some("AWSEvents.PutEvents"));
    assert_eq!(
        seen.header("Content-Type"),
        Some("application/x-amz-json-1.1")
    );
    let body: Value = serde_json::from_str(&seen.body).unwrap();
    assert_eq!(body["Entries"][0]["Detail"], "{\"n\":1}");
    assert_eq!(code, Some(1));
    assert_eq!(output["error"], "EventBridge.FailedEntry");
    assert_eq!(
        output["cause"],
        r#"{"Entries":[{"EventId":"e-1"},{"ErrorCode":"InvalidArgument","ErrorMessage":"Parameter Source is not valid."}],"FailedEntryCount":1}"#
    );
}

#[test]
fn an_sqs_callback_waits_for_the_token_its_message_carries() {
    let (url, requests) = stub(vec![(
        200,
        vec![("x-amzn-RequestId", "RID-CB")],
        json!({"MD5OfMessageBody": "abc", "MessageId": "m-1"}).to_string(),
    )]);
    let sfn = Sfn::new();
    let definition = json!({"StartAt": "Ask", "States": {"Ask": {
        "Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "http://queue/approvals",
                       "MessageBody": {"order.$": "$.order", "token.$": "$$.Task.Token"}},
        "End": true}}});
    let env = |cmd: &mut std::process::Command| {
        cmd.env("SQS_ENDPOINT", &url)
            .env("AWS_ACCESS_KEY_ID", "AKIDTEST")
            .env("AWS_SECRET_ACCESS_KEY", "secret-for-tests");
    };
    let machine = sfn.json(&[
        "create-state-machine",
        "--name",
        "ask",
        "--definition",
        &definition.to_string(),
        "--role-arn",
        cli_support::ROLE,
    ]);
    let mut start = sfn.cmd();
    env(&mut start);
    let out = start
        .args([
            "start-execution",
            "--state-machine-arn",
            machine["stateMachineArn"].as_str().unwrap(),
            "--input",
            r#"{"order": "o-7"}"#,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let execution: Value = serde_json::from_slice(&out.stdout).unwrap();
    let arn = execution["executionArn"].as_str().unwrap();

    // The worker reads the message from the queue and answers with its token.
    let seen = received(&requests);
    let body: Value = serde_json::from_str(&seen.body).unwrap();
    let message: Value = serde_json::from_str(body["MessageBody"].as_str().unwrap()).unwrap();
    assert_eq!(message["order"], "o-7");
    let described = sfn.describe(arn);
    assert_eq!(described["status"], "RUNNING");
    let mut answer = sfn.cmd();
    env(&mut answer);
    let out = answer
        .args([
            "send-task-success",
            "--task-token",
            message["token"].as_str().unwrap(),
            "--task-output",
            r#"{"approved": true}"#,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let described = sfn.describe(arn);
    assert_eq!(described["status"], "SUCCEEDED");
    assert_eq!(described["output"], r#"{"approved":true}"#);
    // TaskSubmitted records what SendMessage answered.
    let history = sfn.json(&["get-execution-history", "--execution-arn", arn]);
    let submitted = history["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "TaskSubmitted")
        .expect("a TaskSubmitted event");
    let output: Value = serde_json::from_str(
        submitted["taskSubmittedEventDetails"]["output"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(output["MessageId"], "m-1");
    assert_eq!(output["SdkResponseMetadata"]["RequestId"], "RID-CB");
}

#[test]
fn without_an_endpoint_the_failure_names_the_endpoint_settings() {
    let sfn = Sfn::new();
    let (code, output) = sfn_run(
        &sfn,
        &[],
        task(
            "arn:aws:states:::dynamodb:getItem",
            json!({"TableName": "orders", "Key": {"id": {"S": "1"}}}),
        ),
        "{}",
    );
    assert_eq!(code, Some(1));
    assert_eq!(output["error"], "States.Runtime");
    let cause = output["cause"].as_str().unwrap();
    assert!(
        cause.contains(
            "point sfn at a local DynamoDB endpoint (AWS_ENDPOINT_URL_DYNAMODB, DYNAMODB_ENDPOINT (--dynamodb-endpoint) or AWS_ENDPOINT_URL)"
        ),
        "{cause}"
    );
}

#[test]
fn an_unknown_parameter_is_refused_before_anything_is_sent() {
    let (url, requests) = stub(vec![]);
    let sfn = Sfn::new();
    let (code, output) = sfn_run(
        &sfn,
        &[("AWS_ENDPOINT_URL", &url)],
        task(
            "arn:aws:states:::aws-sdk:dynamodb:getItem",
            json!({"TableName": "orders", "Keys": {}}),
        ),
        "{}",
    );
    assert_eq!(code, Some(1));
    assert_eq!(output["error"], "States.Runtime");
    let cause = output["cause"].as_str().unwrap();
    assert!(
        cause.contains("the parameter 'Keys' is not one of"),
        "{cause}"
    );
    assert!(requests.try_recv().is_err());
}

#[test]
fn aws_sdk_lambda_calls_are_rest_json_requests() {
    let (url, requests) = stub(vec![
        (
            200,
            vec![
                ("X-Amz-Executed-Version", "7"),
                ("Content-Type", "application/json"),
            ],
            r#"{"total": 3}"#.into(),
        ),
        (
            404,
            vec![
                ("x-amzn-RequestId", "RID-L"),
                ("x-amzn-ErrorType", "ResourceNotFoundException"),
            ],
            json!({"Type": "User", "message": "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:gone"})
                .to_string(),
        ),
    ]);
    let sfn = Sfn::new();
    let definition = json!({"StartAt": "Sum", "States": {
        "Sum": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:lambda:invoke",
                "Parameters": {"FunctionName": "sum", "Qualifier": "7", "Payload": {"a": [1, 2]}},
                "ResultPath": "$.sum", "Next": "Gone"},
        "Gone": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:lambda:invoke",
                 "Parameters": {"FunctionName": "gone"}, "End": true}}});
    let (code, output) = sfn_run(&sfn, &[("AWS_ENDPOINT_URL_LAMBDA", &url)], definition, "{}");
    let seen = received(&requests);
    assert_eq!(seen.method, "POST");
    assert_eq!(
        seen.url,
        "/2015-03-31/functions/sum/invocations?Qualifier=7"
    );
    assert_eq!(seen.body, r#"{"a":[1,2]}"#);
    assert_signed(&seen, "lambda", "host;x-amz-date");
    let seen = received(&requests);
    assert_eq!(seen.url, "/2015-03-31/functions/gone/invocations");
    assert_eq!(code, Some(1));
    assert_eq!(
        output,
        json!({
            "status": "FAILED",
            "error": "Lambda.ResourceNotFoundException",
            "cause": "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:gone (Service: Lambda, Status Code: 404, Request ID: RID-L) (SDK Attempt Count: 1)"
        })
    );
    // The first call's result, as the history recorded it.
    let history = sfn.json(&["history", "last", "--output", "json"]);
    let events = history
        .get("events")
        .and_then(Value::as_array)
        .or_else(|| history.as_array())
        .cloned()
        .unwrap();
    let succeeded = events
        .iter()
        .find(|e| e["type"] == "TaskSucceeded")
        .expect("the first call succeeded");
    let result: Value = serde_json::from_str(
        succeeded["taskSucceededEventDetails"]["output"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        result,
        json!({"ExecutedVersion": "7", "Payload": "{\"total\": 3}", "StatusCode": 200})
    );
}
