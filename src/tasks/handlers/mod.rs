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

use serde_json::Value;

use super::lambda::{self, CauseStyle};
use super::process::{self, CommandSpec, Limits, RunOutcome};
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
        let task_resource = invocation.resource;
        if task_resource.is_lambda_invoke() {
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
        } = task_resource.parsed()
        {
            if let Some((key, spec)) = self.lambda_handler(name, qualifier.as_deref()) {
                return Some(Serving::LambdaArn {
                    key,
                    spec,
                    function: name.to_string(),
                });
            }
        }
        self.resources
            .get(task_resource.arn())
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
            let subject = invocation.resource.limit_name();
            let error = StatesError::new(
                names::DATA_LIMIT_EXCEEDED,
                format!("The state/task '{subject}' returned a result with a size exceeding the maximum number of bytes service limit."),
            );
            return Some((TaskOutcome::Failed(error), None));
        }
        if invocation.resource.pattern() == Pattern::WaitForTaskToken {
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
        ("SFN_RESOURCE", invocation.resource.arn()),
    ];
    if let Some(token) = invocation.task_token {
        env.push(("SFN_TASK_TOKEN", token));
    }
    if let Serving::LambdaInvoke { function, .. } | Serving::LambdaArn { function, .. } = serving {
        env.push(("AWS_LAMBDA_FUNCTION_NAME", function));
    }
    let (status, stdout, stderr) = match spec.run(&stdin, &env, Limits::of(invocation)) {
        RunOutcome::Exited {
            status,
            stdout,
            stderr,
        } => (status, stdout, stderr),
        RunOutcome::TimedOut => return Err(TaskOutcome::TimedOut),
        RunOutcome::Cancelled => return Err(TaskOutcome::Failed(cancelled(&label))),
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

/// What a cancelled command answers: nobody reads it (its execution went on without it),
/// but it must not pass for the command's own failure.
fn cancelled(label: &str) -> StatesError {
    StatesError::runtime(format!(
        "the local handler {label} was stopped: its execution no longer waits for it"
    ))
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
mod tests;
