//! The local handlers file (`--handlers` / `SFN_HANDLERS`): Task resources served by local
//! commands.
//!
//! ```json
//! { "lambda":    { "charge-card": ["python3", "handlers/charge.py"],
//!                  "ship": { "command": ["./ship.sh"], "cwd": "handlers", "env": {"MODE": "test"} } },
//!   "resources": { "arn:aws:states:::sqs:sendMessage.waitForTaskToken": ["./enqueue.sh"] } }
//! ```
//!
//! `lambda` is keyed by function name (any form Lambda accepts) and serves both
//! `arn:aws:states:::lambda:invoke` and bare function ARNs; `resources` is keyed by the
//! exact resource ARN. The task input is the command's stdin, its stdout the result.
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use super::lambda::{self, CauseStyle};
use super::process::{self, CommandSpec, RunOutcome};
use super::resource;
use super::{Pattern, Resource};
use crate::asl::error::names;
use crate::asl::StatesError;
use crate::engine::{TaskInvocation, TaskOutcome};

/// The largest result a task may return (ASL-REFERENCE §11).
const MAX_RESULT_BYTES: usize = 262_144;
/// How much of stderr a failure's Cause keeps.
const STDERR_TAIL: usize = 4096;

#[derive(Debug, Clone, PartialEq)]
pub struct Handlers {
    /// Keyed by `name` or `name:qualifier`, whatever form the file used.
    lambda: BTreeMap<String, CommandSpec>,
    resources: BTreeMap<String, CommandSpec>,
}

/// What serves an invocation, and how its input and output are shaped.
enum Serving<'h> {
    /// `lambda:invoke`: stdin is the Payload, the result is wrapped in Lambda's response.
    LambdaInvoke {
        key: &'h str,
        spec: &'h CommandSpec,
        function: String,
        qualifier: Option<String>,
    },
    /// A bare function ARN: stdin is the input, the result is the payload as is.
    LambdaArn {
        key: &'h str,
        spec: &'h CommandSpec,
        function: String,
    },
    /// A `resources` entry: stdin is the input, the result is stdout as is.
    Resource { spec: &'h CommandSpec },
}

impl Handlers {
    /// Parses a handlers file's text; relative `cwd`s and program paths are taken from
    /// `base_dir` (the file's directory).
    pub fn parse(text: &str, base_dir: &Path) -> Result<Handlers, String> {
        let root: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
        let Some(root) = root.as_object() else {
            return Err("the file: expected an object".into());
        };
        let mut handlers = Handlers {
            lambda: BTreeMap::new(),
            resources: BTreeMap::new(),
        };
        for (section, entries) in root {
            let Some(entries) = entries.as_object() else {
                return Err(format!("{section}: expected an object"));
            };
            match section.as_str() {
                "lambda" => {
                    for (key, value) in entries {
                        let at = format!("lambda.{key}");
                        let (name, qualifier) = resource::function_name(key);
                        if name.is_empty() {
                            return Err(format!("{at}: not a function name"));
                        }
                        let normal = match qualifier {
                            Some(q) => format!("{name}:{q}"),
                            None => name.to_string(),
                        };
                        let spec = parse_spec(value, &at, base_dir)?;
                        if handlers.lambda.insert(normal.clone(), spec).is_some() {
                            return Err(format!(
                                "{at}: the function '{normal}' has another entry already"
                            ));
                        }
                    }
                }
                "resources" => {
                    for (key, value) in entries {
                        let spec = parse_spec(value, &format!("resources.{key}"), base_dir)?;
                        handlers.resources.insert(key.clone(), spec);
                    }
                }
                other => {
                    return Err(format!(
                        "unknown top-level field '{other}' (expected lambda and resources)"
                    ))
                }
            }
        }
        Ok(handlers)
    }

    /// The handler for a Lambda function given in any `FunctionName` form, preferring an
    /// entry for the exact qualifier.
    fn lambda_handler(&self, name: &str, qualifier: Option<&str>) -> Option<(&str, &CommandSpec)> {
        let qualified = qualifier.map(|q| format!("{name}:{q}"));
        qualified
            .iter()
            .map(String::as_str)
            .chain(std::iter::once(name))
            .find_map(|key| self.lambda.get_key_value(key))
            .map(|(key, spec)| (key.as_str(), spec))
    }

    fn serving<'h>(&'h self, invocation: &TaskInvocation) -> Option<Serving<'h>> {
        let parsed = Resource::parse(invocation.resource);
        if parsed.is_lambda_invoke() {
            if let Some(function) = invocation.input.get("FunctionName").and_then(Value::as_str) {
                let (name, qualifier) = resource::function_name(function);
                let qualifier =
                    qualifier.or_else(|| invocation.input.get("Qualifier").and_then(Value::as_str));
                if let Some((key, spec)) = self.lambda_handler(name, qualifier) {
                    return Some(Serving::LambdaInvoke {
                        key,
                        spec,
                        function: name.to_string(),
                        qualifier: qualifier.map(str::to_string),
                    });
                }
            }
        }
        if let Resource::LambdaFunction {
            name, qualifier, ..
        } = parsed
        {
            if let Some((key, spec)) = self.lambda_handler(name, qualifier) {
                return Some(Serving::LambdaArn {
                    key,
                    spec,
                    function: name.to_string(),
                });
            }
        }
        self.resources
            .get(invocation.resource)
            .map(|spec| Serving::Resource { spec })
    }

    /// Whether some handler serves this invocation.
    pub fn serves(&self, invocation: &TaskInvocation) -> bool {
        self.serving(invocation).is_some()
    }

    /// Runs the handler serving `invocation`; `None` when none does.
    pub fn invoke(&self, invocation: &TaskInvocation) -> Option<TaskOutcome> {
        self.invoke_keeping_response(invocation)
            .map(|(outcome, _)| outcome)
    }

    /// [`Handlers::invoke`], with the command's output when a `.waitForTaskToken` task
    /// waits (`Pending`): the response of the request, for `TaskSubmitted`.
    pub fn invoke_keeping_response(
        &self,
        invocation: &TaskInvocation,
    ) -> Option<(TaskOutcome, Option<Value>)> {
        let serving = self.serving(invocation)?;
        let result = match run(&serving, invocation) {
            Ok(result) => result,
            Err(outcome) => return Some((outcome, None)),
        };
        let parsed = Resource::parse(invocation.resource);
        let result = match &serving {
            Serving::LambdaInvoke { qualifier, .. } => lambda::invoke_response(
                result,
                &lambda::executed_version(qualifier.as_deref()),
                invocation.clock.now(),
            ),
            _ => result,
        };
        if result.to_string().len() > MAX_RESULT_BYTES {
            // Named as AWS names it: the function ARN for a bare ARN, else the resourceType.
            let subject = match parsed {
                Resource::LambdaFunction { arn, .. } => arn,
                Resource::Integration { service, .. } => service,
                _ => invocation.resource,
            };
            let error = StatesError::new(
                names::DATA_LIMIT_EXCEEDED,
                format!("The state/task '{subject}' returned a result with a size exceeding the maximum number of bytes service limit."),
            );
            return Some((TaskOutcome::Failed(error), None));
        }
        if parsed.pattern() == Pattern::WaitForTaskToken {
            // The command handed the token on; the outcome arrives with SendTask*. Its
            // output is the request's response.
            return Some((TaskOutcome::Pending, Some(result)));
        }
        Some((TaskOutcome::Succeeded(result), None))
    }
}

/// Runs the serving command: its stdout parsed as JSON, or the failure it amounts to.
fn run(serving: &Serving, invocation: &TaskInvocation) -> Result<Value, TaskOutcome> {
    let (spec, stdin, label) = match serving {
        Serving::LambdaInvoke { key, spec, .. } => (
            *spec,
            lambda::invoke_payload(invocation.input),
            format!("lambda.{key}"),
        ),
        Serving::LambdaArn { key, spec, .. } => (
            *spec,
            invocation.input.to_string().into_bytes(),
            format!("lambda.{key}"),
        ),
        Serving::Resource { spec } => (
            *spec,
            invocation.input.to_string().into_bytes(),
            format!("resources.{}", invocation.resource),
        ),
    };
    let mut env = vec![
        ("SFN_EXECUTION_ARN", invocation.execution_arn),
        ("SFN_STATE_NAME", invocation.state_name),
        ("SFN_RESOURCE", invocation.resource),
    ];
    if let Some(token) = invocation.task_token {
        env.push(("SFN_TASK_TOKEN", token));
    }
    if let Serving::LambdaInvoke { function, .. } | Serving::LambdaArn { function, .. } = serving {
        env.push(("AWS_LAMBDA_FUNCTION_NAME", function));
    }
    let timeout = invocation.timeout_seconds.map(Duration::from_secs);
    let (status, stdout, stderr) = match spec.run(&stdin, &env, timeout) {
        RunOutcome::Exited {
            status,
            stdout,
            stderr,
        } => (status, stdout, stderr),
        RunOutcome::TimedOut => return Err(TaskOutcome::TimedOut),
        RunOutcome::SpawnFailed(e) => {
            return Err(task_failed(format!(
                "the local handler {label} could not start {:?} in {}: {e}",
                spec.argv,
                spec.cwd.display()
            )))
        }
    };
    let stdout = String::from_utf8_lossy(&stdout);
    if !status.success() {
        let error = match serving {
            Serving::LambdaArn { .. } => lambda::function_error(&stdout, CauseStyle::AsEmitted),
            Serving::LambdaInvoke { .. } => lambda::function_error(&stdout, CauseStyle::Compact),
            Serving::Resource { .. } => resource_error(&stdout),
        };
        return Err(TaskOutcome::Failed(error.unwrap_or_else(|| {
            let tail = process::tail(&stderr, STDERR_TAIL);
            let cause = if tail.is_empty() {
                format!("the local handler {label} exited with {status}")
            } else {
                tail
            };
            StatesError::new(names::TASK_FAILED, cause)
        })));
    }
    let output = stdout.trim();
    if output.is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_str(output).map_err(|e| {
        task_failed(format!(
            "the local handler {label} printed output that is not JSON ({e}): {}",
            process::tail(output.as_bytes(), 1024)
        ))
    })
}

fn task_failed(cause: String) -> TaskOutcome {
    TaskOutcome::Failed(StatesError::new(names::TASK_FAILED, cause))
}

/// A `resources` command's error in Lambda's shape: Error = errorType, Cause = errorMessage.
fn resource_error(stdout: &str) -> Option<StatesError> {
    let value: Value = serde_json::from_str(stdout.trim()).ok()?;
    let error = value.get("errorType")?.as_str()?.to_string();
    let cause = match value.get("errorMessage")? {
        Value::String(message) => message.clone(),
        other => other.to_string(),
    };
    Some(StatesError::new(error, cause))
}

fn parse_spec(value: &Value, at: &str, base_dir: &Path) -> Result<CommandSpec, String> {
    let (command, cwd, env) = match value {
        Value::Array(_) => (value, None, None),
        Value::Object(object) => {
            if let Some(key) = object
                .keys()
                .find(|k| !["command", "cwd", "env"].contains(&k.as_str()))
            {
                return Err(format!(
                    "{at}: unknown field '{key}' (expected command, cwd and env)"
                ));
            }
            let command = object
                .get("command")
                .ok_or_else(|| format!("{at}: command is required"))?;
            (command, object.get("cwd"), object.get("env"))
        }
        _ => {
            return Err(format!(
            "{at}: expected a command (an array of strings) or an object with command, cwd and env"
        ))
        }
    };
    let argv = match command.as_array() {
        Some(items) if !items.is_empty() => items
            .iter()
            .map(|item| item.as_str().map(str::to_string))
            .collect::<Option<Vec<String>>>(),
        _ => None,
    }
    .filter(|argv| !argv[0].is_empty())
    .ok_or_else(|| format!("{at}: the command must be a non-empty array of strings (program first); no shell is used"))?;
    let cwd = match cwd {
        None => base_dir.to_path_buf(),
        Some(Value::String(dir)) => base_dir.join(dir),
        Some(_) => return Err(format!("{at}.cwd: expected a string")),
    };
    let env = match env {
        None => Vec::new(),
        Some(Value::Object(vars)) => vars
            .iter()
            .map(|(k, v)| match v {
                Value::String(v) => Ok((k.clone(), v.clone())),
                _ => Err(format!("{at}.env.{k}: expected a string")),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(format!("{at}.env: expected an object")),
    };
    Ok(CommandSpec { argv, cwd, env })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Clock;
    use serde_json::json;

    static CLOCK: Clock = Clock::system();

    const ECHO: &str = "import json,sys; print(json.dumps(json.load(sys.stdin)))";
    const FAIL: &str = "import sys; print('{\"errorMessage\": \"card declined\", \"errorType\": \"PaymentError\"}'); sys.exit(1)";

    fn handlers(file: Value) -> Handlers {
        Handlers::parse(&file.to_string(), &std::env::temp_dir()).unwrap()
    }

    fn invocation<'a>(resource: &'a str, input: &'a Value) -> TaskInvocation<'a> {
        TaskInvocation {
            state_name: "Charge",
            resource,
            input,
            timeout_seconds: None,
            heartbeat_seconds: None,
            task_token: None,
            execution_arn: "arn:aws:states:us-east-1:123456789012:execution:m:e",
            state_machine_name: "m",
            invocation_index: 0,
            clock: &CLOCK,
        }
    }

    fn failure(outcome: Option<TaskOutcome>) -> StatesError {
        match outcome {
            Some(TaskOutcome::Failed(error)) => error,
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn lambda_invoke_sends_the_payload_and_wraps_the_result() {
        let h = handlers(json!({"lambda": {"charge": ["python3", "-c", ECHO]}}));
        let input = json!({"FunctionName": "charge", "Payload": {"amount": 5}});
        let Some(TaskOutcome::Succeeded(result)) =
            h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))
        else {
            panic!("expected a result");
        };
        assert_eq!(result["Payload"], json!({"amount": 5}));
        assert_eq!(result["StatusCode"], 200);
        assert_eq!(result["ExecutedVersion"], "$LATEST");
    }

    #[test]
    fn every_function_name_form_finds_the_handler() {
        let h = handlers(json!({"lambda": {"charge": ["python3", "-c", ECHO]}}));
        for name in [
            "charge",
            "charge:$LATEST",
            "123456789012:function:charge",
            "arn:aws:lambda:us-east-1:123456789012:function:charge",
            "arn:aws:lambda:us-east-1:123456789012:function:charge:3",
        ] {
            let input = json!({"FunctionName": name, "Payload": "\"hi\""});
            let Some(TaskOutcome::Succeeded(result)) =
                h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))
            else {
                panic!("{name} was not served");
            };
            assert_eq!(result["Payload"], "hi", "{name}");
        }
        let input = json!({"FunctionName": "refund"});
        assert!(!h.serves(&invocation("arn:aws:states:::lambda:invoke", &input)));
    }

    #[test]
    fn a_qualified_entry_wins_for_its_qualifier() {
        let h = handlers(json!({"lambda": {
            "charge": ["python3", "-c", "print('\"latest\"')"],
            "arn:aws:lambda:us-east-1:123456789012:function:charge:7": ["python3", "-c", "print('\"seven\"')"]
        }}));
        let arn = "arn:aws:lambda:us-east-1:123456789012:function:charge:7";
        let input = json!({});
        assert_eq!(
            h.invoke(&invocation(arn, &input)),
            Some(TaskOutcome::Succeeded(json!("seven")))
        );
        let input = json!({"FunctionName": "charge", "Qualifier": "7"});
        let Some(TaskOutcome::Succeeded(result)) =
            h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))
        else {
            panic!("not served");
        };
        assert_eq!(result["Payload"], "seven");
        assert_eq!(result["ExecutedVersion"], "7");
    }

    #[test]
    fn a_bare_function_arn_returns_the_payload_as_is() {
        let h = handlers(json!({"lambda": {"charge": ["python3", "-c", ECHO]}}));
        let input = json!({"amount": 5});
        assert_eq!(
            h.invoke(&invocation(
                "arn:aws:lambda:us-east-1:123456789012:function:charge",
                &input
            )),
            Some(TaskOutcome::Succeeded(json!({"amount": 5})))
        );
    }

    #[test]
    fn lambda_errors_become_error_and_cause_as_aws_renders_them() {
        let h = handlers(json!({"lambda": {"charge": ["python3", "-c", FAIL]}}));
        let input = json!({"FunctionName": "charge"});
        assert_eq!(
            failure(h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input))),
            StatesError::new(
                "PaymentError",
                "{\"errorMessage\":\"card declined\",\"errorType\":\"PaymentError\"}"
            )
        );
        assert_eq!(
            failure(h.invoke(&invocation(
                "arn:aws:lambda:us-east-1:123456789012:function:charge",
                &input
            ))),
            StatesError::new(
                "PaymentError",
                "{\"errorMessage\": \"card declined\", \"errorType\": \"PaymentError\"}"
            )
        );
    }

    #[test]
    fn resource_errors_use_the_message_as_cause() {
        let h = handlers(
            json!({"resources": {"arn:aws:states:::sns:publish": ["python3", "-c", FAIL]}}),
        );
        let input = json!({});
        assert_eq!(
            failure(h.invoke(&invocation("arn:aws:states:::sns:publish", &input))),
            StatesError::new("PaymentError", "card declined")
        );
    }

    #[test]
    fn other_failures_are_task_failed_with_stderr_tail() {
        let script =
            "import sys; sys.stderr.write('x' * 10000 + 'Traceback: bad card'); sys.exit(3)";
        let h = handlers(json!({"lambda": {"charge": ["python3", "-c", script]}}));
        let input = json!({"FunctionName": "charge"});
        let error = failure(h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input)));
        assert_eq!(error.error.as_deref(), Some("States.TaskFailed"));
        let cause = error.cause.unwrap();
        assert!(cause.ends_with("Traceback: bad card"), "{cause}");
        assert!(cause.len() < 5000);

        let h =
            handlers(json!({"lambda": {"charge": ["python3", "-c", "import sys; sys.exit(2)"]}}));
        let cause = failure(h.invoke(&invocation("arn:aws:states:::lambda:invoke", &input)))
            .cause
            .unwrap();
        assert!(
            cause.contains("lambda.charge exited with exit status: 2"),
            "{cause}"
        );
    }

    #[test]
    fn output_that_is_not_json_fails_the_task() {
        let h = handlers(json!({"resources": {"arn:aws:states:::sns:publish": ["echo", "hello"]}}));
        let input = json!({});
        let cause = failure(h.invoke(&invocation("arn:aws:states:::sns:publish", &input)))
            .cause
            .unwrap();
        assert!(cause.contains("not JSON"), "{cause}");
    }

    #[test]
    fn timeout_seconds_kills_the_command() {
        let h = handlers(json!({"resources": {"arn:aws:states:::sns:publish": ["sleep", "30"]}}));
        let input = json!({});
        let mut call = invocation("arn:aws:states:::sns:publish", &input);
        call.timeout_seconds = Some(1);
        assert_eq!(h.invoke(&call), Some(TaskOutcome::TimedOut));
    }

    #[test]
    fn resources_match_exactly_and_callbacks_wait() {
        let h = handlers(json!({"resources": {
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken": ["cat"]
        }}));
        let input = json!({"MessageBody": {"token": "t"}});
        assert_eq!(
            h.invoke(&invocation(
                "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                &input
            )),
            Some(TaskOutcome::Pending)
        );
        assert!(!h.serves(&invocation("arn:aws:states:::sqs:sendMessage", &input)));
    }

    #[test]
    fn the_task_token_and_execution_reach_the_environment() {
        let h = handlers(json!({"resources": {"arn:aws:states:::sns:publish":
            ["python3", "-c", "import json,os; print(json.dumps([os.environ['SFN_TASK_TOKEN'], os.environ['SFN_STATE_NAME'], os.environ['MODE']]))"]
        }}));
        let h = Handlers {
            resources: h
                .resources
                .into_iter()
                .map(|(k, mut spec)| {
                    spec.env.push(("MODE".into(), "test".into()));
                    (k, spec)
                })
                .collect(),
            ..h
        };
        let input = json!({});
        let mut call = invocation("arn:aws:states:::sns:publish", &input);
        call.task_token = Some("tok");
        assert_eq!(
            h.invoke(&call),
            Some(TaskOutcome::Succeeded(json!(["tok", "Charge", "test"])))
        );
    }

    #[test]
    fn cwd_and_relative_programs_are_taken_from_the_file_directory() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("handlers")).unwrap();
        let script = dir.path().join("handlers/ship.py");
        std::fs::write(&script, "import os,json; print(json.dumps(os.getcwd()))").unwrap();
        let file = json!({"lambda": {"ship": {"command": ["python3", "ship.py"], "cwd": "handlers", "env": {"MODE": "test"}}}});
        let h = Handlers::parse(&file.to_string(), dir.path()).unwrap();
        let input = json!({});
        let Some(TaskOutcome::Succeeded(Value::String(cwd))) = h.invoke(&invocation(
            "arn:aws:lambda:us-east-1:123456789012:function:ship",
            &input,
        )) else {
            panic!("not served");
        };
        assert!(cwd.ends_with("handlers"), "{cwd}");
    }

    #[test]
    fn invalid_files_are_rejected_with_the_field_named() {
        let err = |v: Value| Handlers::parse(&v.to_string(), Path::new("/")).unwrap_err();
        assert!(Handlers::parse("{", Path::new("/"))
            .unwrap_err()
            .starts_with("not valid JSON"));
        assert_eq!(
            err(json!({"lambdas": {}})),
            "unknown top-level field 'lambdas' (expected lambda and resources)"
        );
        assert!(err(json!({"lambda": {"f": "python3 f.py"}}))
            .starts_with("lambda.f: expected a command"));
        assert!(err(json!({"lambda": {"f": []}})).contains("non-empty array of strings"));
        assert!(err(json!({"lambda": {"f": {"cwd": "x"}}})).contains("command is required"));
        assert_eq!(
            err(json!({"lambda": {"f": {"command": ["x"], "shell": true}}})),
            "lambda.f: unknown field 'shell' (expected command, cwd and env)"
        );
        assert_eq!(
            err(json!({"lambda": {"f": {"command": ["x"], "env": {"A": 1}}}})),
            "lambda.f.env.A: expected a string"
        );
        assert_eq!(
            err(json!({"lambda": {"f": ["a"], "123456789012:function:f": ["b"]}})),
            "lambda.123456789012:function:f: the function 'f' has another entry already"
        );
    }
}
