//! A Task's `Resource` ARN, parsed in one place for the validator, the engine and the task
//! runners: a Lambda function, an optimized or AWS SDK integration
//! (`arn:aws:states:::<service>:<api>[.sync|.sync:2|.waitForTaskToken]`) or an activity.
//! Which resources AWS recognizes (known integrations, name shapes) is the validator's
//! business (`validate::resources`); this only says what an ARN names.

/// How an integration waits for its work (ASL-REFERENCE §13).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    RequestResponse,
    /// `.sync` or `.sync:2`: wait for the job to finish.
    Sync,
    /// `.waitForTaskToken`: wait for `SendTaskSuccess`/`SendTaskFailure`.
    WaitForTaskToken,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource<'a> {
    /// `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`.
    LambdaFunction {
        arn: &'a str,
        region: &'a str,
        account: &'a str,
        name: &'a str,
        qualifier: Option<&'a str>,
    },
    /// `arn:<partition>:states:::<service>:<api>[.suffix]`; `service` is the history's
    /// `resourceType` (`lambda`, `aws-sdk:s3`), `api` the `resource` without its suffix.
    Integration {
        service: &'a str,
        api: &'a str,
        /// What follows the first `.` (`sync`, `sync:2`, `waitForTaskToken`).
        suffix: Option<&'a str>,
        pattern: Pattern,
    },
    /// `arn:<partition>:states:<region>:<account>:activity:<name>`.
    Activity {
        arn: &'a str,
        region: &'a str,
        account: &'a str,
        name: &'a str,
    },
    /// Anything else (the validator rejects these).
    Other,
}

impl<'a> Resource<'a> {
    pub fn parse(arn: &'a str) -> Resource<'a> {
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        if parts.len() < 6 || parts[0] != "arn" || !parts[1].starts_with("aws") {
            return Resource::Other;
        }
        let (service, region, account, rest) = (parts[2], parts[3], parts[4], parts[5]);
        match service {
            "lambda" => match rest.strip_prefix("function:") {
                Some(function) if !function.is_empty() && !function.ends_with(':') => {
                    let (name, qualifier) = split_qualifier(function);
                    Resource::LambdaFunction {
                        arn,
                        region,
                        account,
                        name,
                        qualifier,
                    }
                }
                _ => Resource::Other,
            },
            "states" if region.is_empty() && account.is_empty() => parse_integration(rest),
            "states" => match rest.strip_prefix("activity:") {
                Some(name) if !name.is_empty() => Resource::Activity {
                    arn,
                    region,
                    account,
                    name,
                },
                _ => Resource::Other,
            },
            _ => Resource::Other,
        }
    }

    /// `arn:aws:states:::lambda:invoke` in any pattern.
    pub fn is_lambda_invoke(&self) -> bool {
        matches!(
            self,
            Resource::Integration {
                service: "lambda",
                api: "invoke",
                ..
            }
        )
    }

    pub fn pattern(&self) -> Pattern {
        match self {
            Resource::Integration { pattern, .. } => *pattern,
            _ => Pattern::RequestResponse,
        }
    }

    /// Whether the task gets a task token (callbacks, `.sync`, activities).
    pub fn needs_token(&self) -> bool {
        matches!(self, Resource::Activity { .. }) || self.pattern() != Pattern::RequestResponse
    }
}

/// `<service>:<api>[.suffix]` or `aws-sdk:<service>:<api>[.suffix]`.
fn parse_integration(rest: &str) -> Resource<'_> {
    let (base, suffix) = match rest.split_once('.') {
        Some((base, suffix)) => (base, Some(suffix)),
        None => (rest, None),
    };
    let (service, api) = match base.strip_prefix("aws-sdk:") {
        Some(sdk) => match sdk.find(':') {
            Some(i) => (&base[..("aws-sdk:".len() + i)], &sdk[i + 1..]),
            None => return Resource::Other,
        },
        None => match base.split_once(':') {
            Some(split) => split,
            None => return Resource::Other,
        },
    };
    if service.is_empty() || service == "aws-sdk:" || api.is_empty() {
        return Resource::Other;
    }
    let pattern = match suffix {
        Some("waitForTaskToken") => Pattern::WaitForTaskToken,
        Some("sync" | "sync:2") => Pattern::Sync,
        _ => Pattern::RequestResponse,
    };
    Resource::Integration {
        service,
        api,
        suffix,
        pattern,
    }
}

/// `name[:qualifier]` → (name, qualifier).
pub fn split_qualifier(function: &str) -> (&str, Option<&str>) {
    match function.split_once(':') {
        Some((name, qualifier)) if !qualifier.is_empty() => (name, Some(qualifier)),
        Some((name, _)) => (name, None),
        None => (function, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lambda_function_arns() {
        assert_eq!(
            Resource::parse("arn:aws:lambda:us-east-1:123456789012:function:charge"),
            Resource::LambdaFunction {
                arn: "arn:aws:lambda:us-east-1:123456789012:function:charge",
                region: "us-east-1",
                account: "123456789012",
                name: "charge",
                qualifier: None
            }
        );
        let Resource::LambdaFunction { qualifier, .. } =
            Resource::parse("arn:aws:lambda:us-east-1:123456789012:function:charge:prod")
        else {
            panic!("a function")
        };
        assert_eq!(qualifier, Some("prod"));
        assert_eq!(
            Resource::parse("arn:aws:lambda:us-east-1:123456789012:function:"),
            Resource::Other
        );
        assert_eq!(
            Resource::parse("arn:aws:lambda:us-east-1:123456789012:function:fn:"),
            Resource::Other
        );
    }

    #[test]
    fn integrations_split_as_history_events_do() {
        assert_eq!(
            Resource::parse("arn:aws:states:::lambda:invoke"),
            Resource::Integration {
                service: "lambda",
                api: "invoke",
                suffix: None,
                pattern: Pattern::RequestResponse
            }
        );
        assert_eq!(
            Resource::parse("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
            Resource::Integration {
                service: "sqs",
                api: "sendMessage",
                suffix: Some("waitForTaskToken"),
                pattern: Pattern::WaitForTaskToken
            }
        );
        assert_eq!(
            Resource::parse("arn:aws:states:::states:startExecution.sync:2"),
            Resource::Integration {
                service: "states",
                api: "startExecution",
                suffix: Some("sync:2"),
                pattern: Pattern::Sync
            }
        );
        assert_eq!(
            Resource::parse("arn:aws:states:::aws-sdk:s3:getObject"),
            Resource::Integration {
                service: "aws-sdk:s3",
                api: "getObject",
                suffix: None,
                pattern: Pattern::RequestResponse
            }
        );
        assert!(
            Resource::parse("arn:aws:states:::lambda:invoke.waitForTaskToken").is_lambda_invoke()
        );
        assert!(!Resource::parse("arn:aws:states:::sns:publish").is_lambda_invoke());
        assert!(Resource::parse("arn:aws:states:::states:startExecution.sync").needs_token());
        assert!(!Resource::parse("arn:aws:states:::sns:publish").needs_token());
    }

    #[test]
    fn activities_and_others() {
        assert_eq!(
            Resource::parse("arn:aws:states:us-east-1:123456789012:activity:approve"),
            Resource::Activity {
                arn: "arn:aws:states:us-east-1:123456789012:activity:approve",
                region: "us-east-1",
                account: "123456789012",
                name: "approve"
            }
        );
        // An activity needs a name.
        assert_eq!(
            Resource::parse("arn:aws:states:us-east-1:123456789012:activity:"),
            Resource::Other
        );
        assert_eq!(Resource::parse("not-an-arn"), Resource::Other);
        assert_eq!(Resource::parse("arn:aws:states:::lambda"), Resource::Other);
        assert_eq!(
            Resource::parse("arn:aws:states:::aws-sdk:s3"),
            Resource::Other
        );
        assert_eq!(
            Resource::parse("arn:other:states:::sns:publish"),
            Resource::Other
        );
    }
}
