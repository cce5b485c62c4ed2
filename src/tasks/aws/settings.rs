//! The services Tasks call locally, where their endpoints are and how requests to them
//! are signed: [`AwsSettings`], resolved once by the front end.
/// The services whose Tasks go to local endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Service {
    Sqs = 0,
    Sns = 1,
    DynamoDb = 2,
    EventBridge = 3,
    Lambda = 4,
}

impl Service {
    pub const ALL: [Service; 5] = [
        Service::Sqs,
        Service::Sns,
        Service::DynamoDb,
        Service::EventBridge,
        Service::Lambda,
    ];

    /// The service's name in the AWS SDKs' `AWS_ENDPOINT_URL_<NAME>`.
    pub fn env_name(self) -> &'static str {
        match self {
            Service::Sqs => "SQS",
            Service::Sns => "SNS",
            Service::DynamoDb => "DYNAMODB",
            Service::EventBridge => "EVENTBRIDGE",
            Service::Lambda => "LAMBDA",
        }
    }

    /// Step Functions Local's option and environment variable for the service.
    pub fn local_option(self) -> (&'static str, &'static str) {
        match self {
            Service::Sqs => ("sqs-endpoint", "SQS_ENDPOINT"),
            Service::Sns => ("sns-endpoint", "SNS_ENDPOINT"),
            Service::DynamoDb => ("dynamodb-endpoint", "DYNAMODB_ENDPOINT"),
            Service::EventBridge => ("eventbridge-endpoint", "EVENT_BRIDGE_ENDPOINT"),
            Service::Lambda => ("lambda-endpoint", "LAMBDA_ENDPOINT"),
        }
    }

    /// How people name it.
    pub fn title(self) -> &'static str {
        match self {
            Service::Sqs => "SQS",
            Service::Sns => "SNS",
            Service::DynamoDb => "DynamoDB",
            Service::EventBridge => "EventBridge",
            Service::Lambda => "Lambda",
        }
    }

    /// The AWS SDK for Java v2 client's name: the prefix of aws-sdk errors.
    pub(super) fn sdk_name(self) -> &'static str {
        match self {
            Service::Sqs => "Sqs",
            Service::Sns => "Sns",
            Service::DynamoDb => "DynamoDb",
            Service::EventBridge => "EventBridge",
            Service::Lambda => "Lambda",
        }
    }

    /// The prefix of the optimized integrations' errors.
    pub(super) fn v1_prefix(self) -> &'static str {
        self.title()
    }

    /// The AWS SDK for Java v1 service name, as its error causes show it.
    pub(super) fn v1_service(self) -> &'static str {
        match self {
            Service::Sqs => "AmazonSQS",
            Service::Sns => "AmazonSNS",
            Service::DynamoDb => "AmazonDynamoDBv2",
            Service::EventBridge => "AmazonEventBridge",
            Service::Lambda => "AWSLambda",
        }
    }

    /// v1's exception for an error the model does not name.
    pub(super) fn v1_base_exception(self) -> &'static str {
        match self {
            Service::Sqs => "AmazonSQSException",
            Service::Sns => "AmazonSNSException",
            Service::DynamoDb => "AmazonDynamoDBException",
            Service::EventBridge => "AmazonEventBridgeException",
            Service::Lambda => "AWSLambdaException",
        }
    }
}

/// AWS credentials for signing. Debug output hides the secrets.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

/// A service's endpoint and the setting that named it (for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub url: String,
    pub setting: String,
}

/// Where the services' Tasks go and how they are signed, resolved once by the front end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwsSettings {
    pub endpoints: Vec<(Service, Endpoint)>,
    /// `None`: requests go unsigned (most local emulators accept that).
    pub credentials: Option<Credentials>,
    /// The region requests are signed for.
    pub region: String,
    /// Step Functions Local endpoint options given for services `sfn` does not call
    /// (`batch-endpoint`...): named in the failure of a Task that needs one.
    pub unused: Vec<String>,
}

impl Default for AwsSettings {
    fn default() -> Self {
        AwsSettings {
            endpoints: Vec::new(),
            credentials: None,
            region: "us-east-1".into(),
            unused: Vec::new(),
        }
    }
}

impl AwsSettings {
    /// Resolves the settings from the options given (`("sqs-endpoint", url)`, as
    /// `sfn serve` takes them) and the environment as `env` reads it. For each service,
    /// the first of: its option, `AWS_ENDPOINT_URL_<SERVICE>`, Step Functions Local's
    /// `<SERVICE>_ENDPOINT`, `AWS_ENDPOINT_URL`.
    pub fn resolve(
        options: &[(&str, String)],
        env: impl Fn(&str) -> Option<String>,
        region: &str,
    ) -> AwsSettings {
        let env = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        let mut endpoints = Vec::new();
        for service in Service::ALL {
            let (option, local) = service.local_option();
            let specific = format!("AWS_ENDPOINT_URL_{}", service.env_name());
            let found = options
                .iter()
                .find(|(o, _)| *o == option)
                .map(|(_, url)| (url.clone(), format!("--{option}")))
                .or_else(|| env(&specific).map(|url| (url, specific.clone())))
                .or_else(|| env(local).map(|url| (url, local.to_string())))
                .or_else(|| env("AWS_ENDPOINT_URL").map(|url| (url, "AWS_ENDPOINT_URL".into())));
            if let Some((url, setting)) = found {
                endpoints.push((
                    service,
                    Endpoint {
                        url: url.trim().to_string(),
                        setting,
                    },
                ));
            }
        }
        let credentials = match (env("AWS_ACCESS_KEY_ID"), env("AWS_SECRET_ACCESS_KEY")) {
            (Some(access_key_id), Some(secret_access_key)) => Some(Credentials {
                access_key_id,
                secret_access_key,
                session_token: env("AWS_SESSION_TOKEN"),
            }),
            _ => None,
        };
        let unused = options
            .iter()
            .map(|(o, _)| *o)
            .filter(|o| !Service::ALL.iter().any(|s| s.local_option().0 == *o))
            .map(String::from)
            .collect();
        AwsSettings {
            endpoints,
            credentials,
            region: region.to_string(),
            unused,
        }
    }

    pub fn endpoint(&self, service: Service) -> Option<&Endpoint> {
        self.endpoints
            .iter()
            .find(|(s, _)| *s == service)
            .map(|(_, e)| e)
    }

    /// The settings that would name an endpoint for `service`, for messages.
    pub fn settings_for(service: Service) -> String {
        format!(
            "AWS_ENDPOINT_URL_{}, {} (--{}) or AWS_ENDPOINT_URL",
            service.env_name(),
            service.local_option().1,
            service.local_option().0
        )
    }
}
