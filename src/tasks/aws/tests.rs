use super::*;
use serde_json::json;
use std::collections::HashMap;

fn resolve(options: &[(&str, String)], vars: &[(&str, &str)]) -> AwsSettings {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    AwsSettings::resolve(options, |name| vars.get(name).cloned(), "eu-west-1")
}

#[test]
fn the_most_specific_endpoint_setting_wins() {
    let settings = resolve(
        &[("dynamodb-endpoint", "http://flag:1".into())],
        &[
            ("AWS_ENDPOINT_URL", "http://all:4566"),
            ("AWS_ENDPOINT_URL_SQS", "http://sqs:9324"),
            ("SQS_ENDPOINT", "http://local-sqs:1"),
            ("SNS_ENDPOINT", "http://local-sns:2"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://ddb:8000"),
        ],
    );
    let url = |s| {
        settings
            .endpoint(s)
            .map(|e| (e.url.as_str(), e.setting.as_str()))
    };
    assert_eq!(
        url(Service::Sqs),
        Some(("http://sqs:9324", "AWS_ENDPOINT_URL_SQS"))
    );
    assert_eq!(
        url(Service::Sns),
        Some(("http://local-sns:2", "SNS_ENDPOINT"))
    );
    assert_eq!(
        url(Service::DynamoDb),
        Some(("http://flag:1", "--dynamodb-endpoint"))
    );
    assert_eq!(
        url(Service::Lambda),
        Some(("http://all:4566", "AWS_ENDPOINT_URL"))
    );
    assert_eq!(settings.region, "eu-west-1");
    assert_eq!(settings.credentials, None);
    let none = resolve(&[("batch-endpoint", "http://b".into())], &[]);
    assert!(none.endpoints.is_empty());
    assert_eq!(none.unused, ["batch-endpoint"]);
}

#[test]
fn credentials_need_both_keys_and_hide_the_secret() {
    let settings = resolve(
        &[],
        &[
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "s3cr3t"),
            ("AWS_SESSION_TOKEN", "tok"),
        ],
    );
    let credentials = settings.credentials.unwrap();
    assert_eq!(credentials.session_token.as_deref(), Some("tok"));
    let shown = format!("{credentials:?}");
    assert!(shown.contains("AKID") && !shown.contains("s3cr3t") && !shown.contains("tok"));
    assert!(resolve(&[], &[("AWS_ACCESS_KEY_ID", "AKID")])
        .credentials
        .is_none());
}

#[test]
fn routes_cover_the_optimized_integrations_and_the_sdk_ones() {
    let r = |arn| route(&TaskResource::parse(arn));
    assert_eq!(
        r("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
        Some(Route {
            service: Service::Sqs,
            api: Api::Optimized,
            operation: "SendMessage".into()
        })
    );
    assert_eq!(
        r("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems").map(|r| r.operation),
        Some("TransactWriteItems".into())
    );
    assert_eq!(
        r("arn:aws:states:::aws-sdk:eventbridge:putEvents").map(|r| r.service),
        Some(Service::EventBridge)
    );
    assert_eq!(
        r("arn:aws:states:::dynamodb:getItem.waitForTaskToken"),
        None
    );
    assert_eq!(r("arn:aws:states:::dynamodb:query"), None);
    assert_eq!(r("arn:aws:states:::lambda:invoke"), None);
    assert_eq!(r("arn:aws:states:::aws-sdk:s3:getObject"), None);
}

#[test]
fn optimized_integrations_send_json_values_as_text() {
    let params = optimized_parameters(
        Service::EventBridge,
        &json!({"Entries": [{"Detail": {"a": 1}}, {"Detail": "{}"}]}),
    );
    assert_eq!(
        params,
        json!({"Entries": [{"Detail": "{\"a\":1}"}, {"Detail": "{}"}]})
    );
    assert_eq!(
        optimized_parameters(Service::Sqs, &json!({"MessageBody": [1]})),
        json!({"MessageBody": "[1]"})
    );
}

#[test]
fn errors_are_named_as_each_api_names_them() {
    let error = ServiceError {
        status: 400,
        code: "ConditionalCheckFailedException".into(),
        query_code: None,
        message: Some("The conditional request failed".into()),
        request_id: Some("RID".into()),
    };
    let model = Model::of(Service::DynamoDb);
    let optimized = Route {
        service: Service::DynamoDb,
        api: Api::Optimized,
        operation: "PutItem".into(),
    };
    assert_eq!(
        map_error(&optimized, model, &error),
        StatesError::new(
            "DynamoDB.ConditionalCheckFailedException",
            "The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ConditionalCheckFailedException; Request ID: RID; Proxy: null)"
        )
    );
    let sdk = Route {
        api: Api::Sdk,
        ..optimized
    };
    assert_eq!(
        map_error(&sdk, model, &error),
        StatesError::new(
            "DynamoDb.ConditionalCheckFailedException",
            "The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: RID) (SDK Attempt Count: 1)"
        )
    );
    let unmodeled = ServiceError {
        code: "Throttled".into(),
        ..error
    };
    assert_eq!(
        map_error(&sdk, model, &unmodeled).error.as_deref(),
        Some("DynamoDb.DynamoDbException")
    );
    let sqs = Route {
        service: Service::Sqs,
        api: Api::Optimized,
        operation: "SendMessage".into(),
    };
    let missing = ServiceError {
        status: 400,
        code: "QueueDoesNotExist".into(),
        query_code: Some("AWS.SimpleQueueService.NonExistentQueue".into()),
        message: Some("The specified queue does not exist.".into()),
        request_id: Some("R".into()),
    };
    assert_eq!(
        map_error(&sqs, Model::of(Service::Sqs), &missing),
        StatesError::new(
            "SQS.QueueDoesNotExistException",
            "The specified queue does not exist. (Service: AmazonSQS; Status Code: 400; Error Code: AWS.SimpleQueueService.NonExistentQueue; Request ID: R; Proxy: null)"
        )
    );
}

#[test]
fn optimized_results_carry_the_http_metadata() {
    let response = HttpResponse {
        status: 200,
        headers: vec![
            ("x-amzn-requestid".into(), "RID".into()),
            ("content-type".into(), "application/x-amz-json-1.0".into()),
            ("content-length".into(), "20".into()),
        ],
        body: vec![],
    };
    let result = optimized_result(
        Service::Sqs,
        json!({"MessageId": "m", "MD5OfMessageBody": "x", "SequenceNumber": null}),
        &response,
    )
    .unwrap();
    assert_eq!(
        result,
        json!({
            "MD5OfMessageBody": "x",
            "MessageId": "m",
            "SdkHttpMetadata": {
                "AllHttpHeaders": {
                    "Content-Length": ["20"],
                    "Content-Type": ["application/x-amz-json-1.0"],
                    "x-amzn-RequestId": ["RID"]
                },
                "HttpHeaders": {
                    "Content-Length": "20",
                    "Content-Type": "application/x-amz-json-1.0",
                    "x-amzn-RequestId": "RID"
                },
                "HttpStatusCode": 200
            },
            "SdkResponseMetadata": {"RequestId": "RID"}
        })
    );
    let keys: Vec<&String> = result.as_object().unwrap().keys().collect();
    assert_eq!(keys[0], "MD5OfMessageBody");
    let failed = optimized_result(
        Service::EventBridge,
        json!({"FailedEntryCount": 1, "Entries": [{"ErrorMessage": "M", "ErrorCode": "E"}]}),
        &response,
    );
    assert_eq!(
        failed,
        Err(TaskOutcome::Failed(StatesError::new(
            "EventBridge.FailedEntry",
            "{\"Entries\":[{\"ErrorCode\":\"E\",\"ErrorMessage\":\"M\"}],\"FailedEntryCount\":1}"
        )))
    );
}
