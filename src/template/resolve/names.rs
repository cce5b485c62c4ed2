//! The names and ARNs AWS would give the template's resources in our account and
//! region: what `Ref` and `Fn::GetAtt` of them evaluate to.
use serde_json::Value;

use super::{scalar_text, Problem, Resolver};

impl Resolver<'_> {
    pub(super) fn resource_type(&self, logical_id: &str) -> &str {
        self.resources
            .get(logical_id)
            .and_then(|r| r.get("Type"))
            .and_then(Value::as_str)
            .unwrap_or_default()
    }

    /// A resource's property, evaluated (names given as `!Sub` are common).
    pub(super) fn property(&self, logical_id: &str, name: &str) -> Result<Option<String>, Problem> {
        let Some(value) = self
            .resources
            .get(logical_id)
            .and_then(|r| r.get("Properties"))
            .and_then(|p| p.get(name))
        else {
            return Ok(None);
        };
        let key = format!("property:{logical_id}.{name}");
        let location = format!("/Resources/{logical_id}/Properties/{name}");
        if !self.evaluating.borrow_mut().insert(key.clone()) {
            return Err(Problem::new(
                &location,
                format!("{logical_id}.{name} depends on itself"),
            ));
        }
        let resolved = self.resolve(value, &location);
        self.evaluating.borrow_mut().remove(&key);
        match resolved? {
            Value::Null => Ok(None),
            v => Ok(Some(scalar_text(&v))),
        }
    }

    /// The name AWS would generate for an unnamed resource; deterministic here, so that
    /// deploying again updates rather than duplicates.
    pub(super) fn generated_name(&self, logical_id: &str, max: usize) -> String {
        let name = format!("{}-{logical_id}", self.settings.stack_name);
        name.chars().take(max).collect()
    }

    /// The resource's name: its name property, or the generated one.
    pub fn name_of(&self, logical_id: &str) -> Result<String, Problem> {
        let (property, max) = match self.resource_type(logical_id) {
            "AWS::Lambda::Function" | "AWS::Serverless::Function" => ("FunctionName", 64),
            "AWS::StepFunctions::StateMachine" => ("StateMachineName", 80),
            "AWS::Serverless::StateMachine" => ("Name", 80),
            "AWS::StepFunctions::Activity" => ("Name", 80),
            "AWS::SQS::Queue" => ("QueueName", 80),
            "AWS::SNS::Topic" => ("TopicName", 256),
            "AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable" => ("TableName", 255),
            "AWS::S3::Bucket" => ("BucketName", 63),
            "AWS::IAM::Role" => ("RoleName", 64),
            "AWS::Logs::LogGroup" => ("LogGroupName", 512),
            "AWS::Events::EventBus" => ("Name", 256),
            "AWS::Kinesis::Stream" => ("Name", 128),
            "AWS::ECS::Cluster" => ("ClusterName", 255),
            "AWS::SecretsManager::Secret" => ("Name", 512),
            "AWS::Batch::JobQueue" => ("JobQueueName", 128),
            "AWS::Batch::JobDefinition" => ("JobDefinitionName", 128),
            "AWS::ECS::TaskDefinition" => ("Family", 255),
            _ => ("Name", 255),
        };
        if let Some(name) = self.property(logical_id, property)? {
            return Ok(name);
        }
        let name = self.generated_name(logical_id, max);
        let fifo = || -> Result<bool, Problem> {
            Ok(self.property(logical_id, "FifoQueue")?.as_deref() == Some("true"))
        };
        Ok(match self.resource_type(logical_id) {
            "AWS::S3::Bucket" => name.to_lowercase(),
            "AWS::SQS::Queue" if fifo()? => {
                format!("{}.fifo", name.chars().take(max - 5).collect::<String>())
            }
            _ => name,
        })
    }

    /// `Ref` (attribute `None`) or `Fn::GetAtt` of one of the template's resources.
    pub(super) fn physical(
        &self,
        logical_id: &str,
        attribute: Option<&str>,
        at: &str,
    ) -> Result<Value, Problem> {
        let s = self.settings;
        let (p, r, a) = (s.partition(), s.region.as_str(), s.account.as_str());
        let kind = self.resource_type(logical_id).to_string();
        let name = || self.name_of(logical_id);
        let value = match (kind.as_str(), attribute) {
            ("AWS::Lambda::Function" | "AWS::Serverless::Function", None) => name()?,
            ("AWS::Lambda::Function" | "AWS::Serverless::Function", Some("Arn")) => {
                format!("arn:{p}:lambda:{r}:{a}:function:{}", name()?)
            }
            (
                "AWS::StepFunctions::StateMachine" | "AWS::Serverless::StateMachine",
                None | Some("Arn"),
            ) => {
                format!("arn:{p}:states:{r}:{a}:stateMachine:{}", name()?)
            }
            (
                "AWS::StepFunctions::StateMachine" | "AWS::Serverless::StateMachine",
                Some("Name"),
            ) => name()?,
            ("AWS::StepFunctions::Activity", None | Some("Arn")) => {
                format!("arn:{p}:states:{r}:{a}:activity:{}", name()?)
            }
            ("AWS::StepFunctions::Activity", Some("Name")) => name()?,
            ("AWS::SQS::Queue", None | Some("QueueUrl")) => {
                format!("https://sqs.{r}.amazonaws.com/{a}/{}", name()?)
            }
            ("AWS::SQS::Queue", Some("Arn")) => format!("arn:{p}:sqs:{r}:{a}:{}", name()?),
            ("AWS::SQS::Queue", Some("QueueName")) => name()?,
            ("AWS::SNS::Topic", None | Some("TopicArn")) => {
                format!("arn:{p}:sns:{r}:{a}:{}", name()?)
            }
            ("AWS::SNS::Topic", Some("TopicName")) => name()?,
            ("AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable", None) => name()?,
            ("AWS::DynamoDB::Table" | "AWS::Serverless::SimpleTable", Some("Arn")) => {
                format!("arn:{p}:dynamodb:{r}:{a}:table/{}", name()?)
            }
            ("AWS::S3::Bucket", None) => name()?,
            ("AWS::S3::Bucket", Some("Arn")) => format!("arn:{p}:s3:::{}", name()?),
            ("AWS::S3::Bucket", Some("DomainName")) => format!("{}.s3.amazonaws.com", name()?),
            ("AWS::S3::Bucket", Some("RegionalDomainName")) => {
                format!("{}.s3.{r}.amazonaws.com", name()?)
            }
            ("AWS::IAM::Role", None) => name()?,
            ("AWS::IAM::Role", Some("Arn")) => format!("arn:{p}:iam::{a}:role/{}", name()?),
            ("AWS::Logs::LogGroup", None) => name()?,
            ("AWS::Logs::LogGroup", Some("Arn")) => {
                format!("arn:{p}:logs:{r}:{a}:log-group:{}:*", name()?)
            }
            ("AWS::Events::EventBus", None | Some("Name")) => name()?,
            ("AWS::Events::EventBus", Some("Arn")) => {
                format!("arn:{p}:events:{r}:{a}:event-bus/{}", name()?)
            }
            ("AWS::Kinesis::Stream", None) => name()?,
            ("AWS::Kinesis::Stream", Some("Arn")) => {
                format!("arn:{p}:kinesis:{r}:{a}:stream/{}", name()?)
            }
            ("AWS::SecretsManager::Secret", None) => {
                format!("arn:{p}:secretsmanager:{r}:{a}:secret:{}", name()?)
            }
            ("AWS::Events::Rule", Some("Arn")) => {
                format!("arn:{p}:events:{r}:{a}:rule/{}", name()?)
            }
            ("AWS::Glue::Job" | "AWS::CodeBuild::Project" | "AWS::Athena::WorkGroup", None) => {
                name()?
            }
            ("AWS::CodeBuild::Project", Some("Arn")) => {
                format!("arn:{p}:codebuild:{r}:{a}:project/{}", name()?)
            }
            ("AWS::Batch::JobQueue", None | Some("JobQueueArn")) => {
                format!("arn:{p}:batch:{r}:{a}:job-queue/{}", name()?)
            }
            ("AWS::Batch::JobDefinition", None) => {
                format!("arn:{p}:batch:{r}:{a}:job-definition/{}:1", name()?)
            }
            ("AWS::ECS::TaskDefinition", None | Some("TaskDefinitionArn")) => {
                format!("arn:{p}:ecs:{r}:{a}:task-definition/{}:1", name()?)
            }
            ("AWS::Lambda::Version", None) => {
                let function = self
                    .property(logical_id, "FunctionName")?
                    .unwrap_or_default();
                format!("{}:1", self.function_arn(&function))
            }
            ("AWS::Lambda::Alias", None) => {
                let function = self
                    .property(logical_id, "FunctionName")?
                    .unwrap_or_default();
                format!("{}:{}", self.function_arn(&function), name()?)
            }
            ("AWS::ECS::Cluster", None) => name()?,
            ("AWS::ECS::Cluster", Some("Arn")) => {
                format!("arn:{p}:ecs:{r}:{a}:cluster/{}", name()?)
            }
            _ => {
                let key = match attribute {
                    Some(attr) => format!("{logical_id}.{attr}"),
                    None => logical_id.to_string(),
                };
                let what = match attribute {
                    Some(attr) => format!("the attribute {attr} of {logical_id} ({kind})"),
                    None => format!("the Ref of {logical_id} ({kind})"),
                };
                let arn_like = attribute.is_some_and(|a| a.ends_with("Arn"));
                return self.unknowable(at, &key, &what, arn_like);
            }
        };
        Ok(Value::String(value))
    }

    /// A logical id SAM's transform generates: `<Function>Role`, `<Function>Alias<name>`,
    /// `ServerlessRestApi`... Its values are not modelled: unknowable.
    pub(super) fn sam_generated(&self, logical_id: &str) -> bool {
        self.sam
            && (logical_id.starts_with("Serverless")
                || self
                    .resources
                    .keys()
                    .any(|k| logical_id.len() > k.len() && logical_id.starts_with(k.as_str())))
    }

    /// A function's ARN from a name or ARN (an `AWS::Lambda::Alias`'s `FunctionName`).
    pub(super) fn function_arn(&self, function: &str) -> String {
        if function.starts_with("arn:") {
            return function.to_string();
        }
        let s = self.settings;
        format!(
            "arn:{}:lambda:{}:{}:function:{function}",
            s.partition(),
            s.region,
            s.account
        )
    }

    pub(super) fn attribute(
        &self,
        logical_id: &str,
        attribute: &str,
        at: &str,
    ) -> Result<Value, Problem> {
        if !self.resources.contains_key(logical_id) && self.sam_generated(logical_id) {
            return self.unknowable(
                at,
                &format!("{logical_id}.{attribute}"),
                &format!("the attribute {attribute} of {logical_id} (a resource SAM generates)"),
                attribute.ends_with("Arn"),
            );
        }
        if !self.resources.contains_key(logical_id) {
            return Err(Problem::new(
                at,
                format!("'{logical_id}' is not a resource of this template"),
            ));
        }
        self.physical(logical_id, Some(attribute), at)
    }
}
