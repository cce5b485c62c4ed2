//! tag-resource, untag-resource and list-tags-for-resource.
use crate::cli_support;

use cli_support::{arn, Sfn, HELLO, ROLE};
use serde_json::json;

#[test]
fn tags_given_at_creation_are_listed_in_key_order() {
    let sfn = Sfn::new();
    sfn.json(&[
        "create-state-machine",
        "--name",
        "t",
        "--definition",
        HELLO,
        "--role-arn",
        ROLE,
        "--tags",
        "key=team,value=core",
        "key=env,value=dev",
    ]);
    let out = sfn.json(&["list-tags-for-resource", "--resource-arn", &arn("t")]);
    assert_eq!(
        out,
        json!({"tags": [{"key": "env", "value": "dev"}, {"key": "team", "value": "core"}]})
    );
}

#[test]
fn tag_resource_accepts_shorthand_and_json_and_replaces_values() {
    let sfn = Sfn::new();
    let a = sfn.create("t");
    assert_eq!(
        sfn.stdout(&[
            "tag-resource",
            "--resource-arn",
            &a,
            "--tags",
            "key=a,value=1",
            "key=b,value=2"
        ]),
        ""
    );
    sfn.json(&[
        "tag-resource",
        "--resource-arn",
        &a,
        "--tags",
        r#"[{"key": "a", "value": "changed"}]"#,
    ]);
    let out = sfn.json(&["list-tags-for-resource", "--resource-arn", &a]);
    assert_eq!(
        out["tags"],
        json!([{"key": "a", "value": "changed"}, {"key": "b", "value": "2"}])
    );
}

#[test]
fn untag_resource_removes_the_given_keys() {
    let sfn = Sfn::new();
    let a = sfn.create("t");
    sfn.json(&[
        "tag-resource",
        "--resource-arn",
        &a,
        "--tags",
        "key=a,value=1",
        "key=b,value=2",
        "key=c,value=3",
    ]);
    assert_eq!(
        sfn.stdout(&[
            "untag-resource",
            "--resource-arn",
            &a,
            "--tag-keys",
            "a",
            "c",
            "absent"
        ]),
        ""
    );
    let out = sfn.json(&[
        "list-tags-for-resource",
        "--resource-arn",
        &a,
        "--query",
        "tags[].key",
    ]);
    assert_eq!(out, json!(["b"]));
}

#[test]
fn unknown_resources_are_not_found() {
    let sfn = Sfn::new();
    for args in [
        vec!["list-tags-for-resource", "--resource-arn"],
        vec!["untag-resource", "--tag-keys", "a", "--resource-arn"],
        vec!["tag-resource", "--tags", "key=a,value=b", "--resource-arn"],
    ] {
        let ghost = arn("ghost");
        let mut args = args.clone();
        args.push(&ghost);
        let (code, err) = sfn.fail(&args);
        assert_eq!(code, 254);
        assert!(err.contains("(ResourceNotFound) when calling the"), "{err}");
        assert!(
            err.contains(&format!("Resource not found: '{ghost}'")),
            "{err}"
        );
    }
}

#[test]
fn deleting_a_machine_deletes_its_tags() {
    let sfn = Sfn::new();
    let a = sfn.create("t");
    sfn.json(&[
        "tag-resource",
        "--resource-arn",
        &a,
        "--tags",
        "key=a,value=1",
    ]);
    sfn.json(&["delete-state-machine", "--state-machine-arn", &a]);
    sfn.create("t");
    assert_eq!(
        sfn.json(&["list-tags-for-resource", "--resource-arn", &a]),
        json!({"tags": []})
    );
}

#[test]
fn more_than_fifty_tags_fail_and_change_nothing() {
    let sfn = Sfn::new();
    let a = sfn.create("t");
    let first: Vec<String> = (0..30).map(|i| format!("key=k{i:02},value=v")).collect();
    let mut args = vec!["tag-resource", "--resource-arn", a.as_str(), "--tags"];
    args.extend(first.iter().map(String::as_str));
    sfn.json(&args);
    let more: Vec<String> = (30..51).map(|i| format!("key=k{i:02},value=v")).collect();
    let mut args = vec!["tag-resource", "--resource-arn", a.as_str(), "--tags"];
    args.extend(more.iter().map(String::as_str));
    let (code, err) = sfn.fail(&args);
    assert_eq!(code, 254);
    assert!(err.contains("(TooManyTags)"), "{err}");
    let out = sfn.json(&[
        "list-tags-for-resource",
        "--resource-arn",
        &a,
        "--query",
        "length(tags)",
    ]);
    assert_eq!(out, json!(30), "the failed command was rolled back");
}

#[test]
fn activities_are_taggable_too() {
    let sfn = Sfn::new();
    let out = sfn.json(&["create-activity", "--name", "worker"]);
    let a = out["activityArn"].as_str().unwrap();
    sfn.json(&[
        "tag-resource",
        "--resource-arn",
        a,
        "--tags",
        "key=k,value=v",
    ]);
    let out = sfn.json(&["list-tags-for-resource", "--resource-arn", a]);
    assert_eq!(out, json!({"tags": [{"key": "k", "value": "v"}]}));
}

#[test]
fn other_resource_types_are_invalid_arns() {
    let sfn = Sfn::new();
    let (code, err) = sfn.fail(&[
        "list-tags-for-resource",
        "--resource-arn",
        "arn:aws:states:us-east-1:123456789012:execution:m:e",
    ]);
    assert_eq!(code, 254);
    assert!(
        err.contains("Invalid Arn: 'Resource type not valid in this context: execution'"),
        "{err}"
    );
}
