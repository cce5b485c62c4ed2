//! Task `Resource` shapes: Lambda functions, activities, optimized `arn:aws:states:::`
//! integrations (a known service and API), AWS SDK integrations, and what EXPRESS
//! machines refuse.

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

/// What a Task resource is, once its shape is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    Lambda,
    Activity,
    /// `arn:aws:states:::service:api[.suffix]`, with its suffix (`sync`, `sync:2`,
    /// `waitForTaskToken`) when there is one.
    Integration {
        suffix: Option<String>,
    },
    AwsSdk {
        suffix: Option<String>,
    },
}

/// AWS's text for a resource it does not recognize.
pub fn not_recognized(resource: &str) -> String {
    format!(
        "The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region."
    )
}

/// Classifies a Task `Resource`; `None` when AWS would not recognize it.
pub fn classify(resource: &str) -> Option<Resource> {
    let parts: Vec<&str> = resource.splitn(6, ':').collect();
    if parts.len() < 6 || parts[0] != "arn" || !parts[1].starts_with("aws") {
        return None;
    }
    let (service, region, account, rest) = (parts[2], parts[3], parts[4], parts[5]);
    match service {
        "lambda" => {
            let fields: Vec<&str> = rest.split(':').collect();
            let name_ok = |n: &str| {
                !n.is_empty()
                    && n.len() <= 140
                    && n.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            };
            let qualifier_ok = |q: &str| {
                !q.is_empty()
                    && q.len() <= 128
                    && (q == "$LATEST"
                        || q.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            };
            let shaped = fields.first() == Some(&"function")
                && !region.is_empty()
                && is_account(account)
                && match fields.len() {
                    2 => name_ok(fields[1]),
                    3 => name_ok(fields[1]) && qualifier_ok(fields[2]),
                    _ => false,
                };
            shaped.then_some(Resource::Lambda)
        }
        "states" if region.is_empty() && account.is_empty() => integration(rest),
        "states" => {
            let name = rest.strip_prefix("activity:")?;
            let ok =
                !region.is_empty() && is_account(account) && !name.is_empty() && name.len() <= 80;
            ok.then_some(Resource::Activity)
        }
        _ => None,
    }
}

fn is_account(account: &str) -> bool {
    account.len() == 12 && account.chars().all(|c| c.is_ascii_digit())
}

fn integration(rest: &str) -> Option<Resource> {
    let (base, suffix) = match rest.split_once('.') {
        Some((base, suffix)) => (base, Some(suffix.to_string())),
        None => (rest, None),
    };
    if let Some(sdk) = base.strip_prefix("aws-sdk:") {
        let (service, action) = sdk.split_once(':')?;
        let ok = !service.is_empty() && !action.is_empty() && !action.contains(':');
        let suffix_ok = matches!(suffix.as_deref(), None | Some("waitForTaskToken"));
        return (ok && suffix_ok).then_some(Resource::AwsSdk { suffix });
    }
    if !matches!(
        suffix.as_deref(),
        None | Some("sync" | "sync:2" | "waitForTaskToken")
    ) {
        return None;
    }
    let (service, api) = base.split_once(':')?;
    let known = OPTIMIZED
        .iter()
        .any(|(s, apis)| *s == service && apis.contains(&api));
    known.then_some(Resource::Integration { suffix })
}

/// What an EXPRESS machine refuses about this resource, as AWS words it.
pub fn express_problem(resource: &Resource) -> Option<String> {
    let suffix = match resource {
        Resource::Activity => {
            return Some("Express state machine does not support Activities".into())
        }
        Resource::Integration { suffix } | Resource::AwsSdk { suffix } => suffix.as_deref()?,
        Resource::Lambda => return None,
    };
    let pattern = if suffix.starts_with("sync") {
        ".sync"
    } else {
        ".waitForTaskToken"
    };
    Some(format!(
        "Express state machine does not support '{pattern}' service integration"
    ))
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
