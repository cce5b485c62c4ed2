//! The services' AWS models (botocore's service-2.json, trimmed by
//! scripts/trim-service-models.py into data/aws/services/), parsed on first use.
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::Service;

pub struct Model {
    json: Value,
}

static MODELS: [OnceLock<Model>; 5] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

fn text(service: Service) -> &'static str {
    match service {
        Service::Sqs => include_str!("../../../data/aws/services/sqs.json"),
        Service::Sns => include_str!("../../../data/aws/services/sns.json"),
        Service::DynamoDb => include_str!("../../../data/aws/services/dynamodb.json"),
        Service::EventBridge => include_str!("../../../data/aws/services/events.json"),
        Service::Lambda => include_str!("../../../data/aws/services/lambda.json"),
    }
}

impl Model {
    pub fn of(service: Service) -> &'static Model {
        MODELS[service as usize].get_or_init(|| Model {
            // The models are part of the build: a broken one is caught by the tests.
            json: serde_json::from_str(text(service)).unwrap_or(Value::Null),
        })
    }

    fn metadata(&self, key: &str) -> Option<&str> {
        self.json.get("metadata")?.get(key)?.as_str()
    }

    /// `json`, `query` or `rest-json`.
    pub fn protocol(&self) -> &str {
        self.metadata("protocol").unwrap_or("json")
    }

    pub fn target_prefix(&self) -> &str {
        self.metadata("targetPrefix").unwrap_or_default()
    }

    pub fn json_version(&self) -> &str {
        self.metadata("jsonVersion").unwrap_or("1.0")
    }

    pub fn api_version(&self) -> &str {
        self.metadata("apiVersion").unwrap_or_default()
    }

    /// The name requests are signed for.
    pub fn signing_name(&self) -> &str {
        self.metadata("signingName")
            .or_else(|| self.metadata("endpointPrefix"))
            .unwrap_or_default()
    }

    pub fn operation(&self, name: &str) -> Option<&Map<String, Value>> {
        self.json.get("operations")?.get(name)?.as_object()
    }

    pub fn shape(&self, name: &str) -> Option<&Map<String, Value>> {
        self.json.get("shapes")?.get(name)?.as_object()
    }

    /// The shape an operation's input (`"input"`) or output (`"output"`) is.
    pub fn io_shape<'o>(&self, operation: &'o Map<String, Value>, which: &str) -> Option<&'o str> {
        operation.get(which)?.get("shape")?.as_str()
    }

    /// The modeled exception a service error code names: its shape name. Codes come as
    /// the shape's name or its `error.code` (SNS's `InvalidParameter` is
    /// `InvalidParameterException`).
    pub fn exception(&self, code: &str) -> Option<&str> {
        let shapes = self.json.get("shapes")?.as_object()?;
        if shapes
            .get(code)
            .is_some_and(|s| s.get("exception").is_some())
        {
            return shapes.get_key_value(code).map(|(k, _)| k.as_str());
        }
        shapes
            .iter()
            .find(|(_, s)| {
                s.get("exception").is_some()
                    && s.get("error")
                        .and_then(|e| e.get("code"))
                        .and_then(Value::as_str)
                        == Some(code)
            })
            .map(|(k, _)| k.as_str())
    }

    pub fn operation_names(&self) -> impl Iterator<Item = &str> {
        self.json
            .get("operations")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|o| o.keys().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_parses_with_its_protocol() {
        let expect = [
            (Service::Sqs, "json", "SendMessage"),
            (Service::Sns, "query", "Publish"),
            (Service::DynamoDb, "json", "PutItem"),
            (Service::EventBridge, "json", "PutEvents"),
            (Service::Lambda, "rest-json", "Invoke"),
        ];
        for (service, protocol, operation) in expect {
            let model = Model::of(service);
            assert_eq!(model.protocol(), protocol, "{service:?}");
            assert!(model.operation(operation).is_some(), "{service:?}");
            assert!(!model.signing_name().is_empty(), "{service:?}");
        }
        assert_eq!(Model::of(Service::Sqs).target_prefix(), "AmazonSQS");
        assert_eq!(Model::of(Service::EventBridge).json_version(), "1.1");
    }

    #[test]
    fn error_codes_find_their_exception_shapes() {
        let sns = Model::of(Service::Sns);
        assert_eq!(
            sns.exception("InvalidParameter"),
            Some("InvalidParameterException")
        );
        let dynamodb = Model::of(Service::DynamoDb);
        assert_eq!(
            dynamodb.exception("ConditionalCheckFailedException"),
            Some("ConditionalCheckFailedException")
        );
        assert_eq!(dynamodb.exception("NoSuchThing"), None);
    }
}
