//! Task `Resource` shapes: Lambda functions, activities, optimized `arn:aws:states:::`
//! integrations (a known service and API), AWS SDK integrations, and what EXPRESS
//! machines refuse. The ARN is parsed by `asl::resource`, as the engine parses it.
use crate::asl::resource::{Resource, TaskResource};

/// Optimized integrations: service → APIs AWS recognizes (suffixes stripped).
const OPTIMIZED: &[(&str, &[&str])] = &[
    ("lambda", &["invoke"]),
    ("batch", &["submitJob"]),
    (
        "dynamodb",
        &["getItem", "putItem", "deleteItem", "updateItem"],
    ),
    ("ecs", &["runTask"]),
    ("sns", &["publish"]),
    ("sqs", &["sendMessage"]),
    ("glue", &["startJobRun", "startCrawler"]),
    ("databrew", &["startJobRun"]),
    (
        "sagemaker",
        &[
            "createTrainingJob",
            "createTransformJob",
            "createModel",
            "createEndpointConfig",
            "createEndpoint",
            "updateEndpoint",
            "createHyperParameterTuningJob",
            "createLabelingJob",
            "createProcessingJob",
        ],
    ),
    ("states", &["startExecution"]),
    (
        "codebuild",
        &[
            "startBuild",
            "stopBuild",
            "batchDeleteBuilds",
            "batchGetReports",
            "startBuildBatch",
            "stopBuildBatch",
            "retryBuildBatch",
            "deleteBuildBatch",
        ],
    ),
    (
        "athena",
        &[
            "startQueryExecution",
            "stopQueryExecution",
            "getQueryExecution",
            "getQueryResults",
        ],
    ),
    (
        "elasticmapreduce",
        &[
            "createCluster",
            "terminateCluster",
            "addStep",
            "cancelStep",
            "setClusterTerminationProtection",
            "modifyInstanceFleetByName",
            "modifyInstanceGroupByName",
        ],
    ),
    (
        "emr-containers",
        &[
            "startJobRun",
            "createVirtualCluster",
            "deleteVirtualCluster",
        ],
    ),
    (
        "emr-serverless",
        &[
            "createApplication",
            "startApplication",
            "stopApplication",
            "deleteApplication",
            "startJobRun",
            "cancelJobRun",
        ],
    ),
    (
        "eks",
        &[
            "createCluster",
            "deleteCluster",
            "createFargateProfile",
            "deleteFargateProfile",
            "createNodegroup",
            "deleteNodegroup",
            "runJob",
            "call",
        ],
    ),
    ("apigateway", &["invoke"]),
    ("events", &["putEvents"]),
    ("mediaconvert", &["createJob"]),
    ("bedrock", &["invokeModel", "createModelCustomizationJob"]),
    ("http", &["invoke"]),
];

/// AWS's text for a resource it does not recognize.
pub fn not_recognized(resource: &str) -> String {
    format!(
        "The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region."
    )
}

/// Parses a Task `Resource`; `None` when AWS would not recognize it (an unknown
/// integration, a malformed name, account or region).
pub fn classify(resource: &str) -> Option<TaskResource> {
    let parsed = TaskResource::parse(resource);
    recognized(&parsed).then_some(parsed)
}

/// Whether AWS recognizes a parsed Task `Resource`.
pub fn recognized(resource: &TaskResource) -> bool {
    match resource.parsed() {
        Resource::LambdaFunction {
            region,
            account,
            name,
            qualifier,
            ..
        } => {
            let plain = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
            let name_ok = !name.is_empty() && name.len() <= 140 && name.chars().all(plain);
            let qualifier_ok = qualifier
                .as_deref()
                .is_none_or(|q| q.len() <= 128 && (q == "$LATEST" || q.chars().all(plain)));
            !region.is_empty() && is_account(account) && name_ok && qualifier_ok
        }
        Resource::Activity {
            region,
            account,
            name,
            ..
        } => !region.is_empty() && is_account(account) && name.len() <= 80,
        Resource::Integration {
            service,
            api,
            suffix,
            ..
        } => match service.strip_prefix("aws-sdk:") {
            Some(_) => {
                !api.contains(':') && matches!(suffix.as_deref(), None | Some("waitForTaskToken"))
            }
            None => {
                matches!(
                    suffix.as_deref(),
                    None | Some("sync" | "sync:2" | "waitForTaskToken")
                ) && OPTIMIZED
                    .iter()
                    .any(|(s, apis)| s == service && apis.contains(&api.as_str()))
            }
        },
        Resource::Other => false,
    }
}

fn is_account(account: &str) -> bool {
    account.len() == 12 && account.chars().all(|c| c.is_ascii_digit())
}

/// What an EXPRESS machine refuses about this resource, as AWS words it.
pub fn express_problem(resource: &TaskResource) -> Option<String> {
    match resource.parsed() {
        Resource::Activity { .. } => {
            Some("Express state machine does not support Activities".into())
        }
        Resource::Integration {
            suffix: Some(suffix),
            ..
        } => {
            let pattern = if suffix.starts_with("sync") {
                ".sync"
            } else {
                ".waitForTaskToken"
            };
            Some(format!(
                "Express state machine does not support '{pattern}' service integration"
            ))
        }
        _ => None,
    }
}

/// Distributed Map readers and writers: the S3 APIs they may call.
pub fn is_item_reader(resource: &str) -> bool {
    matches!(
        resource.strip_prefix("arn:aws:states:::s3:"),
        Some("getObject" | "listObjectsV2")
    )
}

pub fn is_result_writer(resource: &str) -> bool {
    resource == "arn:aws:states:::s3:putObject"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognized_shapes() {
        for ok in [
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod",
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn:$LATEST",
            "arn:aws:states:us-east-1:123456789012:activity:work",
            "arn:aws:states:::lambda:invoke",
            "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "arn:aws:states:::states:startExecution.sync:2",
            "arn:aws:states:::aws-sdk:s3:getObject",
            "arn:aws-us-gov:states:::sqs:sendMessage",
        ] {
            assert!(classify(ok).is_some(), "{ok}");
        }
        for bad in [
            "InvalidArn",
            "${lambdaArn}",
            "arn:aws:states:::dynamodb:query",
            "arn:aws:states:::lambda:invoke.bogus",
            "arn:aws:lambda:us-east-1:123456789012:function:",
            "arn:aws:lambda:us-east-1:123456789012:function:fn:",
            "arn:aws:s3:::bucket",
        ] {
            assert!(classify(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn express_refusals() {
        let sync = classify("arn:aws:states:::states:startExecution.sync").unwrap();
        assert_eq!(
            express_problem(&sync).unwrap(),
            "Express state machine does not support '.sync' service integration"
        );
        let token = classify("arn:aws:states:::sqs:sendMessage.waitForTaskToken").unwrap();
        assert_eq!(
            express_problem(&token).unwrap(),
            "Express state machine does not support '.waitForTaskToken' service integration"
        );
        assert!(express_problem(&classify("arn:aws:states:::lambda:invoke").unwrap()).is_none());
    }
}
