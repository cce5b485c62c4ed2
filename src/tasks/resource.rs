//! What a Task's `Resource` ARN names: a Lambda function, an optimized or AWS SDK
//! integration (`arn:aws:states:::<service>:<api>[.sync|.sync:2|.waitForTaskToken]`) or an
//! activity. Pure string work, no I/O.

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
        name: &'a str,
        qualifier: Option<&'a str>,
    },
    /// `arn:<partition>:states:::<service>:<api>[suffix]`; `service` is the history's
    /// `resourceType` (`lambda`, `aws-sdk:s3`), `api` the `resource` without its suffix.
    Integration {
        service: &'a str,
        api: &'a str,
        pattern: Pattern,
    },
    /// `arn:<partition>:states:<region>:<account>:activity:<name>`.
    Activity { arn: &'a str, name: &'a str },
    /// Anything else (the engine's validation normally rejects these).
    Other,
}

impl<'a> Resource<'a> {
    pub fn parse(arn: &'a str) -> Resource<'a> {
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        if parts.len() < 6 || parts[0] != "arn" {
            return Resource::Other;
        }
        let (service, region, account, rest) = (parts[2], parts[3], parts[4], parts[5]);
        match service {
            "lambda" => match rest.strip_prefix("function:") {
                Some(function) if !function.is_empty() => {
                    let (name, qualifier) = split_qualifier(function);
                    Resource::LambdaFunction {
                        arn,
                        name,
                        qualifier,
                    }
                }
                _ => Resource::Other,
            },
            "states" if region.is_empty() && account.is_empty() => parse_integration(rest),
            "states" => match rest.strip_prefix("activity:") {
                Some(name) if !name.is_empty() => Resource::Activity { arn, name },
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
}

/// `<service>:<api>[suffix]` or `aws-sdk:<service>:<api>[suffix]`.
fn parse_integration(rest: &str) -> Resource<'_> {
    let (service, api) = match rest.strip_prefix("aws-sdk:") {
        Some(sdk) => match sdk.find(':') {
            Some(i) => (&rest[..("aws-sdk:".len() + i)], &sdk[i + 1..]),
            None => return Resource::Other,
        },
        None => match rest.split_once(':') {
            Some(split) => split,
            None => return Resource::Other,
        },
    };
    let (api, pattern) = if let Some(api) = api.strip_suffix(".waitForTaskToken") {
        (api, Pattern::WaitForTaskToken)
    } else if let Some(api) = api
        .strip_suffix(".sync:2")
        .or_else(|| api.strip_suffix(".sync"))
    {
        (api, Pattern::Sync)
    } else {
        (api, Pattern::RequestResponse)
    };
    if service.is_empty() || api.is_empty() {
        return Resource::Other;
    }
    Resource::Integration {
        service,
        api,
        pattern,
    }
}

/// `name[:qualifier]` → (name, qualifier).
fn split_qualifier(function: &str) -> (&str, Option<&str>) {
    match function.split_once(':') {
        Some((name, qualifier)) if !qualifier.is_empty() => (name, Some(qualifier)),
        Some((name, _)) => (name, None),
        None => (function, None),
    }
}

/// A Lambda `FunctionName` in any of the forms Lambda accepts: `name`, `name:qualifier`,
/// `<account>:function:name[:qualifier]`, or the full ARN, with or without qualifier.
/// Returns (name, qualifier).
pub fn function_name(function: &str) -> (&str, Option<&str>) {
    match function.find("function:") {
        // Partial or full ARN: what follows `function:` is `name[:qualifier]`.
        Some(i) if i == 0 || function[..i].ends_with(':') => {
            split_qualifier(&function[i + "function:".len()..])
        }
        _ => split_qualifier(function),
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
                name: "charge",
                qualifier: None
            }
        );
        assert_eq!(
            Resource::parse("arn:aws:lambda:us-east-1:123456789012:function:charge:prod"),
            Resource::LambdaFunction {
                arn: "arn:aws:lambda:us-east-1:123456789012:function:charge:prod",
                name: "charge",
                qualifier: Some("prod")
            }
        );
    }

    #[test]
    fn integrations_split_as_history_events_do() {
        assert_eq!(
            Resource::parse("arn:aws:states:::lambda:invoke"),
            Resource::Integration {
                service: "lambda",
                api: "invoke",
                pattern: Pattern::RequestResponse
            }
        );
        assert_eq!(
            Resource::parse("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
            Resource::Integration {
                service: "sqs",
                api: "sendMessage",
                pattern: Pattern::WaitForTaskToken
            }
        );
        assert_eq!(
            Resource::parse("arn:aws:states:::states:startExecution.sync:2"),
            Resource::Integration {
                service: "states",
                api: "startExecution",
                pattern: Pattern::Sync
            }
        );
        assert_eq!(
            Resource::parse("arn:aws:states:::aws-sdk:s3:getObject"),
            Resource::Integration {
                service: "aws-sdk:s3",
                api: "getObject",
                pattern: Pattern::RequestResponse
            }
        );
        assert!(
            Resource::parse("arn:aws:states:::lambda:invoke.waitForTaskToken").is_lambda_invoke()
        );
        assert!(!Resource::parse("arn:aws:states:::sns:publish").is_lambda_invoke());
    }

    #[test]
    fn activities_and_others() {
        assert_eq!(
            Resource::parse("arn:aws:states:us-east-1:123456789012:activity:approve"),
            Resource::Activity {
                arn: "arn:aws:states:us-east-1:123456789012:activity:approve",
                name: "approve"
            }
        );
        assert_eq!(Resource::parse("not-an-arn"), Resource::Other);
        assert_eq!(Resource::parse("arn:aws:states:::lambda"), Resource::Other);
    }

    #[test]
    fn function_names_in_every_form() {
        assert_eq!(function_name("charge"), ("charge", None));
        assert_eq!(function_name("charge:7"), ("charge", Some("7")));
        assert_eq!(
            function_name("123456789012:function:charge"),
            ("charge", None)
        );
        assert_eq!(
            function_name("123456789012:function:charge:prod"),
            ("charge", Some("prod"))
        );
        assert_eq!(
            function_name("arn:aws:lambda:us-east-1:123456789012:function:charge"),
            ("charge", None)
        );
        assert_eq!(
            function_name("arn:aws:lambda:us-east-1:123456789012:function:charge:$LATEST"),
            ("charge", Some("$LATEST"))
        );
        // A name that merely contains "function:" after other text is not an ARN.
        assert_eq!(function_name("myfunction:1"), ("myfunction", Some("1")));
    }
}
