//! What the Step Functions integrations answer: StartExecution and DescribeExecution
//! responses in the optimized and SDK shapes, and what an ended child delivers to its parent.
use super::*;

/// Epoch milliseconds, as the optimized integration shows dates.
fn millis(text: &str) -> Value {
    parse_date(text).map_or(Value::Null, |d| d.timestamp_millis().into())
}

/// ISO 8601 at milliseconds, as the SDK integrations show dates.
pub(super) fn iso(at: DateTime<Utc>) -> Value {
    at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string().into()
}

/// A date as the AWS JSON protocol writes it on the wire: epoch seconds, as Java prints
/// a double (`1.699272953462E9`).
pub(super) fn wire_date(at: DateTime<Utc>) -> String {
    let digits = at.timestamp_millis().to_string();
    let (int, frac) = digits.split_at(1);
    let frac = frac.trim_end_matches('0');
    let exponent = digits.len() as i32 - 4;
    let frac = if frac.is_empty() { "0" } else { frac };
    format!("{int}.{frac}E{exponent}")
}

/// The optimized integration's StartExecution response: the SDK v1 result with its HTTP
/// metadata.
pub(super) fn optimized_start_response(arn: &str, started: DateTime<Utc>) -> Value {
    let request_id = uuid::Uuid::new_v4().to_string();
    let body = json!({"executionArn": arn, "startDate": "@"})
        .to_string()
        .replace("\"@\"", &wire_date(started));
    let length = body.len().to_string();
    let date = started.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    json!({
        "ExecutionArn": arn,
        "SdkHttpMetadata": {
            "AllHttpHeaders": {
                "x-amzn-RequestId": [request_id],
                "connection": ["keep-alive"],
                "Content-Length": [length],
                "Date": [date],
                "Content-Type": ["application/x-amz-json-1.0"],
            },
            "HttpHeaders": {
                "connection": "keep-alive",
                "Content-Length": length,
                "Content-Type": "application/x-amz-json-1.0",
                "Date": date,
                "x-amzn-RequestId": request_id,
            },
            "HttpStatusCode": 200,
        },
        "SdkResponseMetadata": {"RequestId": request_id},
        "StartDate": started.timestamp_millis(),
    })
}

/// An ended child as the `.sync` (`as_json`: `.sync:2`) integration reports it:
/// DescribeExecution's fields, capitalized.
pub fn describe_for_parent(record: &ExecutionRecord, as_json: bool) -> Value {
    let text = |t: &Option<String>| -> Value {
        let t = t.clone().unwrap_or_else(|| "{}".into());
        if as_json {
            serde_json::from_str(&t).unwrap_or(Value::String(t))
        } else {
            Value::String(t)
        }
    };
    let mut d = Map::new();
    d.insert("ExecutionArn".into(), record.arn.clone().into());
    d.insert("Input".into(), text(&record.input));
    d.insert("InputDetails".into(), json!({"Included": true}));
    d.insert("Name".into(), record.name.clone().into());
    if record.status == "SUCCEEDED" {
        d.insert("Output".into(), text(&record.output));
        d.insert("OutputDetails".into(), json!({"Included": true}));
    }
    error_cause_and_redrives(record, &mut d);
    if record.status == "SUCCEEDED" {
        d.insert("RedriveStatus".into(), "NOT_REDRIVABLE".into());
        d.insert(
            "RedriveStatusReason".into(),
            "Execution is SUCCEEDED and cannot be redriven".into(),
        );
    } else if record.status != "RUNNING" {
        d.insert("RedriveStatus".into(), "REDRIVABLE".into());
    }
    d.insert("StartDate".into(), millis(&record.start_date));
    d.insert(
        "StateMachineArn".into(),
        record.state_machine_arn.clone().into(),
    );
    d.insert("Status".into(), record.status.clone().into());
    if let Some(stop) = &record.stop_date {
        d.insert("StopDate".into(), millis(stop));
    }
    if let Some(v) = &record.state_machine_version_arn {
        d.insert("StateMachineVersionArn".into(), v.clone().into());
    }
    if let Some(a) = &record.state_machine_alias_arn {
        d.insert("StateMachineAliasArn".into(), a.clone().into());
    }
    Value::Object(d)
}

/// What an ended child delivers to the `.sync` parent task waiting for it: its
/// description, or `States.TaskFailed` with its description as the cause.
pub fn delivery_for_parent(link: &Link, record: &ExecutionRecord) -> Option<(String, Delivery)> {
    if !link.pattern.waits() || record.status == "RUNNING" {
        return None;
    }
    let token = link.parent_token.clone()?;
    let description = describe_for_parent(record, link.pattern == Pattern::Sync2);
    let delivery = if record.status == "SUCCEEDED" {
        Delivery::Succeeded {
            output: to_text(&description),
        }
    } else {
        Delivery::Failed {
            error: Some("States.TaskFailed".into()),
            cause: Some(to_text(&description)),
        }
    };
    Some((token, delivery))
}

/// `Error`, `Cause` and `RedriveCount`, which both descriptions give in this order.
fn error_cause_and_redrives(record: &ExecutionRecord, d: &mut Map<String, Value>) {
    if let Some(e) = &record.error {
        d.insert("Error".into(), e.clone().into());
    }
    if let Some(c) = &record.cause {
        d.insert("Cause".into(), c.clone().into());
    }
    d.insert("RedriveCount".into(), record.redrive_count.into());
}

/// DescribeExecution as the SDK integration returns it.
pub(super) fn sdk_describe(record: &ExecutionRecord) -> Value {
    let date = |t: &str| parse_date(t).map_or(Value::Null, iso);
    let mut d = Map::new();
    d.insert("ExecutionArn".into(), record.arn.clone().into());
    d.insert(
        "StateMachineArn".into(),
        record.state_machine_arn.clone().into(),
    );
    d.insert("Name".into(), record.name.clone().into());
    d.insert("Status".into(), record.status.clone().into());
    d.insert("StartDate".into(), date(&record.start_date));
    if let Some(stop) = &record.stop_date {
        d.insert("StopDate".into(), date(stop));
    }
    if let Some(i) = &record.input {
        d.insert("Input".into(), i.clone().into());
        d.insert("InputDetails".into(), json!({"Included": true}));
    }
    if let Some(o) = &record.output {
        d.insert("Output".into(), o.clone().into());
        d.insert("OutputDetails".into(), json!({"Included": true}));
    }
    error_cause_and_redrives(record, &mut d);
    Value::Object(d)
}
