//! The three forms of a Task `Resource` (as `asl::resource` parses it) and the history
//! events each produces: direct
//! Lambda ARNs (`LambdaFunction*`), activities (`Activity*`) and service integrations
//! (`Task*`, with the ARN split into `resourceType`/`resource`).
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::asl::resource::Resource;
use crate::asl::StatesError;
use crate::history::text::to_text;
use crate::history::EventType;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResourceForm {
    Lambda {
        arn: String,
    },
    Activity {
        arn: String,
    },
    Integration {
        resource_type: String,
        resource: String,
    },
}

impl ResourceForm {
    /// The form of a Task resource (parsed by [`Resource::parse`]).
    pub fn of(arn: &str) -> ResourceForm {
        match Resource::parse(arn) {
            Resource::LambdaFunction { .. } => ResourceForm::Lambda { arn: arn.into() },
            Resource::Activity { .. } => ResourceForm::Activity { arn: arn.into() },
            // `arn:aws:states:::lambda:invoke` → lambda / invoke;
            // `arn:aws:states:::aws-sdk:s3:getObject` → aws-sdk:s3 / getObject.
            Resource::Integration {
                service,
                api,
                suffix,
                ..
            } => ResourceForm::Integration {
                resource_type: service.into(),
                resource: match suffix {
                    Some(suffix) => format!("{api}.{suffix}"),
                    None => api.into(),
                },
            },
            // The validator refuses these; the history names them whole.
            Resource::Other => ResourceForm::Integration {
                resource_type: arn.into(),
                resource: String::new(),
            },
        }
    }

    /// Whether the task gets a task token (callbacks, `.sync`, activities).
    pub fn needs_token(&self) -> bool {
        match self {
            ResourceForm::Activity { .. } => true,
            ResourceForm::Integration { resource, .. } => {
                resource.ends_with(".waitForTaskToken") || resource.contains(".sync")
            }
            ResourceForm::Lambda { .. } => false,
        }
    }

    /// `<x>` in the DataLimitExceeded cause.
    pub fn limit_name(&self) -> &str {
        match self {
            ResourceForm::Lambda { arn } | ResourceForm::Activity { arn } => arn,
            ResourceForm::Integration { resource_type, .. } => resource_type,
        }
    }

    fn integration_base(&self) -> Map<String, Value> {
        let mut d = Map::new();
        if let ResourceForm::Integration {
            resource_type,
            resource,
        } = self
        {
            d.insert("resourceType".into(), resource_type.clone().into());
            d.insert("resource".into(), resource.clone().into());
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
        let event_type = match self {
            ResourceForm::Lambda { arn } => {
                d.insert("resource".into(), arn.clone().into());
                d.insert("input".into(), to_text(input).into());
                d.insert("inputDetails".into(), json!({"truncated": false}));
                EventType::LambdaFunctionScheduled
            }
            ResourceForm::Activity { arn } => {
                d.insert("resource".into(), arn.clone().into());
                d.insert("input".into(), to_text(input).into());
                d.insert("inputDetails".into(), json!({"truncated": false}));
                EventType::ActivityScheduled
            }
            ResourceForm::Integration { .. } => {
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
            if !matches!(self, ResourceForm::Lambda { .. }) {
                d.insert("heartbeatInSeconds".into(), h.into());
            }
        }
        if let Some(c) = credentials {
            if !matches!(self, ResourceForm::Activity { .. }) {
                d.insert("taskCredentials".into(), c.clone());
            }
        }
        (event_type, Value::Object(d))
    }

    /// The "started" event, when the engine itself emits one (activities wait for a worker).
    pub fn started(&self) -> Option<(EventType, Option<Value>)> {
        match self {
            ResourceForm::Lambda { .. } => Some((EventType::LambdaFunctionStarted, None)),
            ResourceForm::Activity { .. } => None,
            ResourceForm::Integration { .. } => Some((
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
        let t = match self {
            ResourceForm::Lambda { .. } => EventType::LambdaFunctionSucceeded,
            ResourceForm::Activity { .. } => EventType::ActivitySucceeded,
            ResourceForm::Integration { .. } => EventType::TaskSucceeded,
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
        let t = match self {
            ResourceForm::Lambda { .. } => EventType::LambdaFunctionFailed,
            ResourceForm::Activity { .. } => EventType::ActivityFailed,
            ResourceForm::Integration { .. } => EventType::TaskFailed,
        };
        (t, Value::Object(d))
    }

    pub fn timed_out(&self) -> (EventType, Value) {
        let mut d = self.integration_base();
        d.insert("error".into(), "States.Timeout".into());
        let t = match self {
            ResourceForm::Lambda { .. } => EventType::LambdaFunctionTimedOut,
            ResourceForm::Activity { .. } => EventType::ActivityTimedOut,
            ResourceForm::Integration { .. } => EventType::TaskTimedOut,
        };
        (t, Value::Object(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_resources_as_aws_does() {
        let split = |arn: &str| match ResourceForm::of(arn) {
            ResourceForm::Integration {
                resource_type,
                resource,
            } => (resource_type, resource),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            split("arn:aws:states:::lambda:invoke"),
            ("lambda".into(), "invoke".into())
        );
        assert_eq!(
            split("arn:aws:states:::aws-sdk:s3:getObject"),
            ("aws-sdk:s3".into(), "getObject".into())
        );
        assert_eq!(
            split("arn:aws:states:::states:startExecution.sync:2"),
            ("states".into(), "startExecution.sync:2".into())
        );
        assert!(matches!(
            ResourceForm::of("arn:aws:lambda:us-east-1:111111111111:function:f"),
            ResourceForm::Lambda { .. }
        ));
        assert!(matches!(
            ResourceForm::of("arn:aws:states:us-east-1:111111111111:activity:a"),
            ResourceForm::Activity { .. }
        ));
    }
}
