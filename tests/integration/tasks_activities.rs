//! Activities through the API: create (idempotent), describe, list with paging, delete.
use serde_json::{json, Value};
use sfn::api::{self, ApiError, Context};
use sfn::store::Store;

fn context() -> Context {
    Context::new(Store::in_memory().unwrap())
}

fn call(ctx: &mut Context, operation: &str, input: Value) -> Result<Value, ApiError> {
    api::call(ctx, operation, input)
}

fn code(result: Result<Value, ApiError>) -> (String, String) {
    let e = result.unwrap_err();
    (e.code.to_string(), e.message)
}

#[test]
fn create_describe_and_delete_an_activity() {
    let mut ctx = context();
    let created = call(&mut ctx, "CreateActivity", json!({"name": "approve-order"})).unwrap();
    let arn = "arn:aws:states:us-east-1:123456789012:activity:approve-order";
    assert_eq!(created["activityArn"], arn);
    assert!(created["creationDate"].is_string());

    let described = call(&mut ctx, "DescribeActivity", json!({"activityArn": arn})).unwrap();
    assert_eq!(described["name"], "approve-order");
    assert_eq!(described["activityArn"], arn);
    assert_eq!(described["creationDate"], created["creationDate"]);

    assert_eq!(
        call(&mut ctx, "DeleteActivity", json!({"activityArn": arn})).unwrap(),
        json!({})
    );
    assert_eq!(
        code(call(
            &mut ctx,
            "DescribeActivity",
            json!({"activityArn": arn})
        )),
        (
            "ActivityDoesNotExist".into(),
            format!("Activity Does Not Exist: '{arn}'")
        )
    );
    // Deleting again is not an error.
    call(&mut ctx, "DeleteActivity", json!({"activityArn": arn})).unwrap();
}

#[test]
fn create_is_idempotent_by_name() {
    let mut ctx = context();
    let first = call(
        &mut ctx,
        "CreateActivity",
        json!({"name": "a", "tags": [{"key": "team", "value": "ops"}]}),
    )
    .unwrap();
    let again = call(
        &mut ctx,
        "CreateActivity",
        json!({"name": "a", "tags": [{"key": "team", "value": "dev"}]}),
    )
    .unwrap();
    assert_eq!(first, again);
}

#[test]
fn names_follow_aws_rules() {
    let mut ctx = context();
    for bad in ["", "with space", "a/b", "a:b", "a#b", "tab\t"] {
        let (code, message) = code(call(&mut ctx, "CreateActivity", json!({"name": bad})));
        assert_eq!(code, "InvalidName", "{bad:?}");
        assert_eq!(message, format!("Invalid Name: '{bad}'"));
    }
    let (code, _) = code(call(
        &mut ctx,
        "CreateActivity",
        json!({"name": "x".repeat(81)}),
    ));
    assert_eq!(code, "ValidationException");
    call(&mut ctx, "CreateActivity", json!({"name": "café-1.x_y"})).unwrap();
}

#[test]
fn arns_must_name_activities() {
    let mut ctx = context();
    assert_eq!(
        code(call(
            &mut ctx,
            "DescribeActivity",
            json!({"activityArn": "arn:aws:states:us-east-1:123456789012:stateMachine:m"})
        )),
        (
            "InvalidArn".into(),
            "Invalid Arn: 'Resource type not valid in this context: stateMachine'".into()
        )
    );
    assert_eq!(
        code(call(
            &mut ctx,
            "DeleteActivity",
            json!({"activityArn": "nope"})
        ))
        .0,
        "InvalidArn"
    );
}

#[test]
fn list_pages_with_next_token() {
    let mut ctx = context();
    for name in ["c", "a", "e", "b", "d"] {
        call(&mut ctx, "CreateActivity", json!({"name": name})).unwrap();
    }
    let mut names = Vec::new();
    let mut token: Option<Value> = None;
    let mut pages = 0;
    loop {
        let mut request = json!({"maxResults": 2});
        if let Some(t) = &token {
            request["nextToken"] = t.clone();
        }
        let page = call(&mut ctx, "ListActivities", request).unwrap();
        pages += 1;
        for a in page["activities"].as_array().unwrap() {
            names.push(a["name"].as_str().unwrap().to_string());
            assert!(a["activityArn"].is_string() && a["creationDate"].is_string());
        }
        match page.get("nextToken") {
            Some(t) => token = Some(t.clone()),
            None => break,
        }
    }
    assert_eq!(names, ["a", "b", "c", "d", "e"]);
    assert_eq!(pages, 3);
    let all = call(&mut ctx, "ListActivities", json!({})).unwrap();
    assert_eq!(all["activities"].as_array().unwrap().len(), 5);
    assert!(all.get("nextToken").is_none());
    assert_eq!(
        code(call(
            &mut ctx,
            "ListActivities",
            json!({"nextToken": "garbage"})
        ))
        .0,
        "InvalidToken"
    );
}
