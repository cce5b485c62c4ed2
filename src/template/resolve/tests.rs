use super::*;
use serde_json::json;

fn settings(mode: Mode) -> Settings {
    Settings {
        region: "eu-west-1".into(),
        account: "111122223333".into(),
        stack_name: "shop".into(),
        overrides: BTreeMap::new(),
        mode,
    }
}

fn template() -> Value {
    json!({
        "Parameters": {
            "Stage": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"]},
            "Secret": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/shop/secret"}
        },
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}},
        "Resources": {
            "Charge": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionName": {"Fn::Sub": "${AWS::StackName}-charge"}}},
            "Orders": {"Type": "AWS::SQS::Queue"},
            "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "orders"}},
            "Thing": {"Type": "AWS::Custom::Thing"}
        }
    })
}

#[test]
fn refs_attributes_and_functions() {
    let t = template();
    let s = settings(Mode::Deploy);
    let r = Resolver::new(&t, &s);
    let v = r
        .resolve(
            &json!({
                "a": {"Fn::GetAtt": ["Charge", "Arn"]},
                "b": {"Ref": "Orders"},
                "c": {"Fn::Sub": "${Table.Arn}/${Stage}/${!Keep}/${AWS::Partition}"},
                "d": {"Fn::Join": ["-", ["x", {"Ref": "AWS::Region"}]]},
                "e": {"Fn::If": ["IsProd", "big", {"Ref": "AWS::NoValue"}]},
                "f": {"Fn::Select": [1, {"Fn::Split": [",", "p,q"]}]},
                "g": {"Fn::Sub": ["${X}!", {"X": {"Fn::GetAtt": ["Orders", "Arn"]}}]}
            }),
            "",
        )
        .unwrap();
    assert_eq!(
        v,
        json!({
            "a": "arn:aws:lambda:eu-west-1:111122223333:function:shop-charge",
            "b": "https://sqs.eu-west-1.amazonaws.com/111122223333/shop-Orders",
            "c": "arn:aws:dynamodb:eu-west-1:111122223333:table/orders/dev/${Keep}/aws",
            "d": "x-eu-west-1",
            "f": "q",
            "g": "arn:aws:sqs:eu-west-1:111122223333:shop-Orders!"
        })
    );
}

#[test]
fn unknowables_are_placeholders_for_lint_and_errors_for_deploy() {
    let t = template();
    let lint = settings(Mode::Lint);
    let r = Resolver::new(&t, &lint);
    assert_eq!(
        r.resolve(&json!({"Fn::GetAtt": ["Thing", "Arn"]}), "/x")
            .unwrap(),
        json!("arn:aws:lambda:eu-west-1:111122223333:function:unresolved-Thing-Arn")
    );
    let deploy = settings(Mode::Deploy);
    let r = Resolver::new(&t, &deploy);
    let p = r
        .resolve(&json!({"Fn::ImportValue": "Net-Vpc"}), "/x")
        .unwrap_err();
    assert_eq!(p.location, "/x/Fn::ImportValue");
    assert!(
        p.message.contains("--parameter-overrides 'Net-Vpc=VALUE'"),
        "{}",
        p.message
    );
    let p = r.resolve(&json!({"Ref": "Secret"}), "/y").unwrap_err();
    assert!(
        p.message.contains("SSM parameter /shop/secret"),
        "{}",
        p.message
    );
    let mut given = settings(Mode::Deploy);
    given.overrides.insert("Secret".into(), "s3cr3t".into());
    given.overrides.insert("Stage".into(), "qa".into());
    let r = Resolver::new(&t, &given);
    assert_eq!(
        r.resolve(&json!({"Ref": "Secret"}), "").unwrap(),
        json!("s3cr3t")
    );
    let p = r.resolve(&json!({"Ref": "Stage"}), "/z").unwrap_err();
    assert!(p.message.contains("AllowedValues"), "{}", p.message);
    let p = r.resolve(&json!({"Ref": "Nope"}), "/w").unwrap_err();
    assert_eq!(p.location, "/w/Ref");
}

#[test]
fn sam_generated_resources_are_unknowable_and_aliases_have_arns() {
    let t = json!({
        "Transform": "AWS::Serverless-2016-10-31",
        "Resources": {
            "Fn": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionName": "f"}},
            "Live": {"Type": "AWS::Lambda::Alias", "Properties": {"FunctionName": {"Ref": "Fn"}, "Name": "live"}}
        }
    });
    let lint = settings(Mode::Lint);
    let r = Resolver::new(&t, &lint);
    assert_eq!(
        r.resolve(&json!({"Fn::GetAtt": ["FnRole", "Arn"]}), "")
            .unwrap(),
        json!("arn:aws:lambda:eu-west-1:111122223333:function:unresolved-FnRole-Arn")
    );
    assert_eq!(
        r.resolve(&json!({"Ref": "Live"}), "").unwrap(),
        json!("arn:aws:lambda:eu-west-1:111122223333:function:f:live")
    );
    // Without SAM's transform, an unknown logical id is the template's mistake.
    let plain = json!({"Resources": {"Fn": {"Type": "AWS::Lambda::Function"}}});
    let r = Resolver::new(&plain, &lint);
    let p = r.resolve(&json!({"Ref": "FnRole"}), "/a").unwrap_err();
    assert!(
        p.message
            .contains("'FnRole' is not a parameter, a resource"),
        "{}",
        p.message
    );
}
