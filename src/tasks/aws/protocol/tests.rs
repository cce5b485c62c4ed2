use super::*;
use crate::tasks::aws::Service;
use serde_json::json;

#[test]
fn json_requests_carry_the_target_and_the_parameters() {
    let model = Model::of(Service::DynamoDb);
    let params = json!({"TableName": "orders", "Item": {"id": {"S": "1"}}});
    let request = build_request(model, "PutItem", &params).unwrap();
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/");
    assert!(request.headers.contains(&(
        "X-Amz-Target".to_string(),
        "DynamoDB_20120810.PutItem".to_string()
    )));
    assert!(request.headers.contains(&(
        "Content-Type".to_string(),
        "application/x-amz-json-1.0".to_string()
    )));
    let body: Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body, params);
    let err = build_request(model, "PutItem", &json!({"Table": "x"})).unwrap_err();
    assert!(
        err.starts_with("the parameter 'Table' is not one of"),
        "{err}"
    );
}

#[test]
fn query_requests_flatten_maps_and_lists() {
    let model = Model::of(Service::Sns);
    let params = json!({
        "TopicArn": "arn:aws:sns:us-east-1:123456789012:orders",
        "Message": "hello world",
        "MessageAttributes": {"kind": {"DataType": "String", "StringValue": "new"}}
    });
    let request = build_request(model, "Publish", &params).unwrap();
    let body = String::from_utf8(request.body).unwrap();
    assert_eq!(
        body,
        "Action=Publish&Version=2010-03-31\
             &TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aorders\
             &Message=hello%20world\
             &MessageAttributes.entry.1.Name=kind\
             &MessageAttributes.entry.1.Value.DataType=String\
             &MessageAttributes.entry.1.Value.StringValue=new"
    );
}

#[test]
fn rest_json_requests_place_members_where_the_model_says() {
    let model = Model::of(Service::Lambda);
    let params = json!({
        "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:f",
        "Qualifier": "7",
        "InvocationType": "Event",
        "Payload": {"a": 1}
    });
    let request = build_request(model, "Invoke", &params).unwrap();
    assert_eq!(
        request.path,
        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af/invocations"
    );
    assert_eq!(request.query, "Qualifier=7");
    assert!(request
        .headers
        .contains(&("X-Amz-Invocation-Type".to_string(), "Event".to_string())));
    assert_eq!(request.body, b"{\"a\":1}");
    let err = build_request(model, "Invoke", &json!({})).unwrap_err();
    assert_eq!(err, "the parameter FunctionName is required");
}

#[test]
fn query_responses_and_errors_are_read_from_xml() {
    let model = Model::of(Service::Sns);
    let response = HttpResponse {
        status: 200,
        headers: vec![],
        body: br#"<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></PublishResponse>"#.to_vec(),
    };
    assert_eq!(
        parse_response(model, "Publish", &response).unwrap(),
        json!({"MessageId": "m-1"})
    );
    let response = HttpResponse {
        status: 400,
        headers: vec![],
        body: br#"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid parameter: TopicArn</Message></Error><RequestId>r-2</RequestId></ErrorResponse>"#.to_vec(),
    };
    let error = parse_error(model, &response);
    assert_eq!(error.code, "InvalidParameter");
    assert_eq!(
        error.message.as_deref(),
        Some("Invalid parameter: TopicArn")
    );
    assert_eq!(error.request_id.as_deref(), Some("r-2"));
}

#[test]
fn json_errors_drop_the_namespace() {
    let model = Model::of(Service::Sqs);
    let response = HttpResponse {
        status: 400,
        headers: vec![
            ("x-amzn-requestid".into(), "r-3".into()),
            (
                "x-amzn-query-error".into(),
                "AWS.SimpleQueueService.NonExistentQueue;Sender".into(),
            ),
        ],
        body: br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#.to_vec(),
    };
    let error = parse_error(model, &response);
    assert_eq!(error.code, "QueueDoesNotExist");
    assert_eq!(
        error.query_code.as_deref(),
        Some("AWS.SimpleQueueService.NonExistentQueue")
    );
    assert_eq!(error.request_id.as_deref(), Some("r-3"));
}
