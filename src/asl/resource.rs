//! A Task's `Resource`, parsed once (by the definition's tree, `asl::ast`) and kept parsed
//! in the compiled machine for the validator, the engine, TestState and the task runners:
//! a Lambda function, an optimized or AWS SDK integration
//! (`arn:aws:states:::<service>:<api>[.sync|.sync:2|.waitForTaskToken]`) or an activity.
//! Which resources AWS recognizes (known integrations, name shapes) is the validator's
//! business (`validate::resources`); this only says what an ARN names.
use std::fmt;

/// How an integration waits for its work (ASL-REFERENCE §13).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    RequestResponse,
    /// `.sync` or `.sync:2`: wait for the job to finish.
    Sync,
    /// `.waitForTaskToken`: wait for `SendTaskSuccess`/`SendTaskFailure`.
    WaitForTaskToken,
}

/// What a Task's `Resource` ARN names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    /// `arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]`.
    LambdaFunction {
        region: String,
        account: String,
        name: String,
        qualifier: Option<String>,
    },
    /// `arn:<partition>:states:::<service>:<api>[.suffix]`; `service` is the history's
    /// `resourceType` (`lambda`, `aws-sdk:s3`), `api` the `resource` without its suffix.
    Integration {
        service: String,
        api: String,
        /// What follows the first `.` (`sync`, `sync:2`, `waitForTaskToken`).
        suffix: Option<String>,
        pattern: Pattern,
    },
    /// `arn:<partition>:states:<region>:<account>:activity:<name>`.
    Activity {
        region: String,
        account: String,
        name: String,
    },
    /// Anything else (the validator rejects these).
    Other,
}

/// A Task's `Resource`: the ARN as written and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskResource {
    arn: String,
    parsed: Resource,
}

impl TaskResource {
    /// The one parse of a Task resource ARN; never fails (what it cannot place is
    /// [`Resource::Other`]).
    pub fn parse(arn: impl Into<String>) -> TaskResource {
        let arn = arn.into();
        let parsed = classify(&arn);
        TaskResource { arn, parsed }
    }

    /// The ARN as written in the definition.
    pub fn arn(&self) -> &str {
        &self.arn
    }

    pub fn parsed(&self) -> &Resource {
        &self.parsed
    }

    /// `arn:aws:states:::lambda:invoke` in any pattern.
    pub fn is_lambda_invoke(&self) -> bool {
        matches!(&self.parsed, Resource::Integration { service, api, .. }
            if service == "lambda" && api == "invoke")
    }

    pub fn pattern(&self) -> Pattern {
        match &self.parsed {
            Resource::Integration { pattern, .. } => *pattern,
            _ => Pattern::RequestResponse,
        }
    }

    /// Whether the task gets a task token (callbacks, `.sync`, activities).
    pub fn needs_token(&self) -> bool {
        matches!(self.parsed, Resource::Activity { .. })
            || self.pattern() != Pattern::RequestResponse
    }

    /// How the history splits a resource that is not a Lambda function or an activity:
    /// (`resourceType`, `resource`), e.g. (`lambda`, `invoke`), (`aws-sdk:s3`,
    /// `getObject`), (`states`, `startExecution.sync:2`); an ARN it cannot place is the
    /// `resourceType` whole, with an empty `resource`. `None` for functions and activities.
    pub fn integration(&self) -> Option<(&str, &str)> {
        match &self.parsed {
            Resource::Integration {
                service,
                api,
                suffix,
                ..
            } => {
                // The ARN ends with `<api>[.<suffix>]`.
                let tail = api.len() + suffix.as_ref().map_or(0, |s| s.len() + 1);
                Some((service, &self.arn[self.arn.len() - tail..]))
            }
            Resource::Other => Some((&self.arn, "")),
            Resource::LambdaFunction { .. } | Resource::Activity { .. } => None,
        }
    }

    /// How AWS names the task in a `States.DataLimitExceeded` cause: the function or
    /// activity ARN, an integration's service (`resourceType`).
    pub fn limit_name(&self) -> &str {
        match self.integration() {
            Some((resource_type, _)) => resource_type,
            None => &self.arn,
        }
    }
}

impl fmt::Display for TaskResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.arn)
    }
}

fn classify(arn: &str) -> Resource {
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
                    region: region.into(),
                    account: account.into(),
                    name: name.into(),
                    qualifier: qualifier.map(String::from),
                }
            }
            _ => Resource::Other,
        },
        "states" if region.is_empty() && account.is_empty() => parse_integration(rest),
        "states" => match rest.strip_prefix("activity:") {
            Some(name) if !name.is_empty() => Resource::Activity {
                region: region.into(),
                account: account.into(),
                name: name.into(),
            },
            _ => Resource::Other,
        },
        _ => Resource::Other,
    }
}

/// `<service>:<api>[.suffix]` or `aws-sdk:<service>:<api>[.suffix]`.
fn parse_integration(rest: &str) -> Resource {
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
        service: service.into(),
        api: api.into(),
        suffix: suffix.map(String::from),
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

    fn parsed(arn: &str) -> Resource {
        TaskResource::parse(arn).parsed().clone()
    }

    fn lambda(name: &str, qualifier: Option<&str>) -> Resource {
        Resource::LambdaFunction {
            region: "us-east-1".into(),
            account: "123456789012".into(),
            name: name.into(),
            qualifier: qualifier.map(String::from),
        }
    }

    fn integration(service: &str, api: &str, suffix: Option<&str>, pattern: Pattern) -> Resource {
        Resource::Integration {
            service: service.into(),
            api: api.into(),
            suffix: suffix.map(String::from),
            pattern,
        }
    }

    #[test]
    fn lambda_function_arns_with_and_without_qualifier() {
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:charge";
        let resource = TaskResource::parse(arn);
        assert_eq!(resource.parsed(), &lambda("charge", None));
        assert_eq!(
            (resource.arn(), resource.to_string()),
            (arn, arn.to_string())
        );
        assert_eq!(resource.integration(), None);
        assert_eq!(resource.limit_name(), arn);
        assert!(!resource.needs_token() && !resource.is_lambda_invoke());
        assert_eq!(
            parsed("arn:aws:lambda:us-east-1:123456789012:function:charge:prod"),
            lambda("charge", Some("prod"))
        );
        assert_eq!(
            parsed("arn:aws:lambda:us-east-1:123456789012:function:charge:$LATEST"),
            lambda("charge", Some("$LATEST"))
        );
        assert_eq!(
            parsed("arn:aws:lambda:us-east-1:123456789012:function:"),
            Resource::Other
        );
        assert_eq!(
            parsed("arn:aws:lambda:us-east-1:123456789012:function:fn:"),
            Resource::Other
        );
    }

    #[test]
    fn integrations_in_every_pattern() {
        let invoke = TaskResource::parse("arn:aws:states:::lambda:invoke");
        assert_eq!(
            invoke.parsed(),
            &integration("lambda", "invoke", None, Pattern::RequestResponse)
        );
        assert!(invoke.is_lambda_invoke() && !invoke.needs_token());
        assert_eq!(invoke.integration(), Some(("lambda", "invoke")));
        assert_eq!(invoke.limit_name(), "lambda");

        let sync = TaskResource::parse("arn:aws:states:::states:startExecution.sync");
        assert_eq!(
            sync.parsed(),
            &integration("states", "startExecution", Some("sync"), Pattern::Sync)
        );
        assert!(sync.needs_token());
        assert_eq!(sync.integration(), Some(("states", "startExecution.sync")));

        let sync2 = TaskResource::parse("arn:aws:states:::states:startExecution.sync:2");
        assert_eq!(
            sync2.parsed(),
            &integration("states", "startExecution", Some("sync:2"), Pattern::Sync)
        );
        assert_eq!(sync2.pattern(), Pattern::Sync);
        assert_eq!(
            sync2.integration(),
            Some(("states", "startExecution.sync:2"))
        );

        let token = TaskResource::parse("arn:aws:states:::lambda:invoke.waitForTaskToken");
        assert_eq!(
            token.parsed(),
            &integration(
                "lambda",
                "invoke",
                Some("waitForTaskToken"),
                Pattern::WaitForTaskToken
            )
        );
        assert!(token.is_lambda_invoke() && token.needs_token());
        assert_eq!(
            token.integration(),
            Some(("lambda", "invoke.waitForTaskToken"))
        );
        // An unknown suffix is kept, and waits for nothing.
        let odd = TaskResource::parse("arn:aws:states:::sns:publish.later");
        assert_eq!(odd.pattern(), Pattern::RequestResponse);
        assert_eq!(odd.integration(), Some(("sns", "publish.later")));
        assert!(!TaskResource::parse("arn:aws:states:::sns:publish").is_lambda_invoke());
    }

    #[test]
    fn aws_sdk_integrations_keep_their_prefix_as_the_service() {
        let get = TaskResource::parse("arn:aws:states:::aws-sdk:s3:getObject");
        assert_eq!(
            get.parsed(),
            &integration("aws-sdk:s3", "getObject", None, Pattern::RequestResponse)
        );
        assert_eq!(get.integration(), Some(("aws-sdk:s3", "getObject")));
        assert_eq!(get.limit_name(), "aws-sdk:s3");
        let token = TaskResource::parse(
            "arn:aws-us-gov:states:::aws-sdk:sfn:startExecution.waitForTaskToken",
        );
        assert_eq!(
            token.integration(),
            Some(("aws-sdk:sfn", "startExecution.waitForTaskToken"))
        );
        assert_eq!(token.pattern(), Pattern::WaitForTaskToken);
        assert_eq!(parsed("arn:aws:states:::aws-sdk:s3"), Resource::Other);
        assert_eq!(
            parsed("arn:aws:states:::aws-sdk::getObject"),
            Resource::Other
        );
    }

    #[test]
    fn activities() {
        let arn = "arn:aws:states:us-east-1:123456789012:activity:approve";
        let activity = TaskResource::parse(arn);
        assert_eq!(
            activity.parsed(),
            &Resource::Activity {
                region: "us-east-1".into(),
                account: "123456789012".into(),
                name: "approve".into(),
            }
        );
        assert!(activity.needs_token());
        assert_eq!(activity.integration(), None);
        assert_eq!(activity.limit_name(), arn);
        // An activity needs a name.
        assert_eq!(
            parsed("arn:aws:states:us-east-1:123456789012:activity:"),
            Resource::Other
        );
    }

    #[test]
    fn garbage_is_other_and_named_whole() {
        for arn in [
            "",
            "not-an-arn",
            "${lambdaArn}",
            "arn:aws:states:::lambda",
            "arn:other:states:::sns:publish",
            "arn:aws:s3:::bucket",
            "arn:aws:states:us-east-1:123456789012:stateMachine:m",
        ] {
            let resource = TaskResource::parse(arn);
            assert_eq!(resource.parsed(), &Resource::Other, "{arn}");
            assert_eq!(resource.integration(), Some((arn, "")), "{arn}");
            assert_eq!(resource.limit_name(), arn);
            assert!(!resource.needs_token(), "{arn}");
        }
    }
}
