use super::responses::wire_date;
use super::*;

#[test]
fn native_resources_and_their_patterns() {
    assert_eq!(
        native(&TaskResource::parse(
            "arn:aws:states:::states:startExecution.sync:2"
        )),
        Some((Api::Optimized, "startExecution", Pattern::Sync2))
    );
    assert_eq!(
        native(&TaskResource::parse(
            "arn:aws:states:::states:startExecution.waitForTaskToken"
        )),
        Some((Api::Optimized, "startExecution", Pattern::Callback))
    );
    assert_eq!(
        native(&TaskResource::parse(
            "arn:aws:states:::aws-sdk:sfn:describeExecution"
        )),
        Some((Api::Sdk, "describeExecution", Pattern::Request))
    );
    assert_eq!(
        native(&TaskResource::parse(
            "arn:aws:states:::aws-sdk:sfn:listExecutions"
        )),
        None
    );
    assert_eq!(
        native(&TaskResource::parse("arn:aws:states:::lambda:invoke")),
        None
    );
}

#[test]
fn wire_dates_print_as_java_doubles() {
    let at = DateTime::from_timestamp_millis(1_699_272_953_462).unwrap();
    assert_eq!(wire_date(at), "1.699272953462E9");
    let at = DateTime::from_timestamp_millis(1_699_272_953_400).unwrap();
    assert_eq!(wire_date(at), "1.6992729534E9");
}
