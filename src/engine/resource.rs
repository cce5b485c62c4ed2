//! The history events of a Task, by what its resource (parsed once, `asl::resource`)
//! names: direct Lambda ARNs (`LambdaFunction*`), activities (`Activity*`) and service
//! integrations (`Task*`, with the ARN split into `resourceType`/`resource`).
use serde_json::{json, Map, Value};

use crate::asl::resource::{Resource, TaskResource};
use crate::asl::StatesError;
use crate::history::text::to_text;
use crate::history::EventType;

/// The events of one Task resource.
#[derive(Debug, Clone, Copy)]
pub struct TaskEvents<'r>(pub &'r TaskResource);

/// Which family of events a resource's task records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Lambda,
    Activity,
    Task,
}

impl TaskEvents<'_> {
    fn family(&self) -> Family {
        match self.0.parsed() {
            Resource::LambdaFunction { .. } => Family::Lambda,
            Resource::Activity { .. } => Family::Activity,
            // The validator refuses `Other`; the history names it whole as a service.
            Resource::Integration { .. } | Resource::Other => Family::Task,
        }
    }

    fn integration_base(&self) -> Map<String, Value> {
        let mut d = Map::new();
        if let Some((resource_type, resource)) = self.0.integration() {
            d.insert("resourceType".into(), resource_type.into());
            d.insert("resource".into(), resource.into());
        }
        d
    }

    pub fn scheduled(
        &self,
        input: &Value,
        timeout: Option<u64>,
        heartbeat: Option<u64>,
        credentials: Option<&Value>,
        region: &str,
    ) -> (EventType, Value) {
        let mut d = Map::new();
        let family = self.family();
        let event_type = match family {
            Family::Lambda => {
                d.insert("resource".into(), self.0.arn().into());
                d.insert("input".into(), to_text(input).into());
                d.insert("inputDetails".into(), json!({"truncated": false}));
                EventType::LambdaFunctionScheduled
            }
            Family::Activity => {
                d.insert("resource".into(), self.0.arn().into());
                d.insert("input".into(), to_text(input).into());
                d.insert("inputDetails".into(), json!({"truncated": false}));
                EventType::ActivityScheduled
            }
            Family::Task => {
                d = self.integration_base();
                d.insert("region".into(), region.into());
                d.insert("parameters".into(), to_text(input).into());
                EventType::TaskScheduled
            }
        };
        if let Some(t) = timeout {
            d.insert("timeoutInSeconds".into(), t.into());
        }
        if let Some(h) = heartbeat {
            if family != Family::Lambda {
                d.insert("heartbeatInSeconds".into(), h.into());
            }
        }
        if let Some(c) = credentials {
            if family != Family::Activity {
                d.insert("taskCredentials".into(), c.clone());
            }
        }
        (event_type, Value::Object(d))
    }

    /// The "started" event, when the engine itself emits one (activities wait for a worker).
    pub fn started(&self) -> Option<(EventType, Option<Value>)> {
        match self.family() {
            Family::Lambda => Some((EventType::LambdaFunctionStarted, None)),
            Family::Activity => None,
            Family::Task => Some((
                EventType::TaskStarted,
                Some(Value::Object(self.integration_base())),
            )),
        }
    }

    /// `TaskSubmitted`'s details: the immediate response of a `.sync` or
    /// `.waitForTaskToken` integration's request.
    pub fn submitted(&self, response: &Value) -> Value {
        let mut d = self.integration_base();
        d.insert("output".into(), to_text(response).into());
        d.insert("outputDetails".into(), json!({"truncated": false}));
        Value::Object(d)
    }

    pub fn succeeded(&self, output: &Value) -> (EventType, Value) {
        let mut d = self.integration_base();
        d.insert("output".into(), to_text(output).into());
        d.insert("outputDetails".into(), json!({"truncated": false}));
        let t = match self.family() {
            Family::Lambda => EventType::LambdaFunctionSucceeded,
            Family::Activity => EventType::ActivitySucceeded,
            Family::Task => EventType::TaskSucceeded,
        };
        (t, Value::Object(d))
    }

    pub fn failed(&self, err: &StatesError) -> (EventType, Value) {
        let mut d = self.integration_base();
        if let Some(e) = &err.error {
            d.insert("error".into(), e.clone().into());
        }
        if let Some(c) = &err.cause {
            d.insert("cause".into(), c.clone().into());
        }
        let t = match self.family() {
            Family::Lambda => EventType::LambdaFunctionFailed,
            Family::Activity => EventType::ActivityFailed,
            Family::Task => EventType::TaskFailed,
        };
        (t, Value::Object(d))
    }

    pub fn timed_out(&self) -> (EventType, Value) {
        let mut d = self.integration_base();
        d.insert("error".into(), "States.Timeout".into());
        let t = match self.family() {
            Family::Lambda => EventType::LambdaFunctionTimedOut,
            Family::Activity => EventType::ActivityTimedOut,
            Family::Task => EventType::TaskTimedOut,
        };
        (t, Value::Object(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(arn: &str) -> TaskResource {
        TaskResource::parse(arn)
    }

    #[test]
    fn integrations_split_the_arn_into_resource_type_and_resource() {
        for (arn, resource_type, resource) in [
            ("arn:aws:states:::lambda:invoke", "lambda", "invoke"),
            (
                "arn:aws:states:::aws-sdk:s3:getObject",
                "aws-sdk:s3",
                "getObject",
            ),
            (
                "arn:aws:states:::states:startExecution.sync:2",
                "states",
                "startExecution.sync:2",
            ),
            (
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "sqs",
                "sendMessage.waitForTaskToken",
            ),
            // What the validator refuses is named whole.
            ("not-an-arn", "not-an-arn", ""),
        ] {
            let r = events(arn);
            let (t, d) =
                TaskEvents(&r).scheduled(&json!({"a": 1}), Some(9), Some(3), None, "eu-west-1");
            assert_eq!(t, EventType::TaskScheduled);
            assert_eq!(
                d,
                json!({"resourceType": resource_type, "resource": resource,
                       "region": "eu-west-1", "parameters": "{\"a\":1}",
                       "timeoutInSeconds": 9, "heartbeatInSeconds": 3}),
                "{arn}"
            );
            let (t, d) = TaskEvents(&r).started().unwrap();
            assert_eq!(t, EventType::TaskStarted);
            assert_eq!(
                d,
                Some(json!({"resourceType": resource_type, "resource": resource}))
            );
            let (t, d) = TaskEvents(&r).succeeded(&json!(true));
            assert_eq!(t, EventType::TaskSucceeded);
            assert_eq!(d["resource"], json!(resource));
            assert_eq!(d["output"], json!("true"));
        }
    }

    #[test]
    fn functions_and_activities_name_their_arn() {
        let arn = "arn:aws:lambda:us-east-1:111111111111:function:f:prod";
        let lambda = events(arn);
        let credentials = json!({"roleArn": "r"});
        let (t, d) =
            TaskEvents(&lambda).scheduled(&json!(1), None, Some(3), Some(&credentials), "r");
        assert_eq!(t, EventType::LambdaFunctionScheduled);
        // A function has no heartbeat.
        assert_eq!(
            d,
            json!({"resource": arn, "input": "1", "inputDetails": {"truncated": false},
                   "taskCredentials": {"roleArn": "r"}})
        );
        assert_eq!(
            TaskEvents(&lambda).started(),
            Some((EventType::LambdaFunctionStarted, None))
        );
        let (t, d) = TaskEvents(&lambda).timed_out();
        assert_eq!(t, EventType::LambdaFunctionTimedOut);
        assert_eq!(d, json!({"error": "States.Timeout"}));

        let arn = "arn:aws:states:us-east-1:111111111111:activity:a";
        let activity = events(arn);
        let (t, d) =
            TaskEvents(&activity).scheduled(&json!(1), None, Some(3), Some(&credentials), "r");
        assert_eq!(t, EventType::ActivityScheduled);
        // An activity takes no credentials.
        assert_eq!(
            d,
            json!({"resource": arn, "input": "1", "inputDetails": {"truncated": false},
                   "heartbeatInSeconds": 3})
        );
        assert_eq!(TaskEvents(&activity).started(), None);
        let (t, d) = TaskEvents(&activity).failed(&StatesError::new("E", "c"));
        assert_eq!(t, EventType::ActivityFailed);
        assert_eq!(d, json!({"error": "E", "cause": "c"}));
    }
}
