//! Real Lambda code without Docker: the functions `sfn deploy` recorded from a template
//! (`python3.x` and `nodejs*` runtimes with local code) are served by running their
//! handler with the local interpreter, through a small bootstrap that plays the Lambda
//! runtime: the event on stdin, the handler's return value (or its error, in the runtime's
//! error shape) on stdout, the handler's own prints on stderr, `Environment.Variables` set
//! and the function's `Timeout` enforced.
//!
//! The code location is read from the store, as part of the deployed app's state (like a
//! real function's code), unlike handlers and mock files, which belong to the process.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use serde_json::Value;

use super::lambda::{self, CauseStyle};
use super::process::{self, CommandSpec, Limits, RunOutcome};
use super::resource;
use super::Resource;
use crate::asl::error::names;
use crate::asl::StatesError;
use crate::engine::{TaskInvocation, TaskOutcome};
use crate::store::functions::{self, FunctionRecord};
use crate::store::Store;

/// The Python runtime's part: imports `module.function` from the code directory, calls it
/// with the event and a context object, and writes the result (or the error as Lambda's
/// Python runtime reports it) to the original stdout; the handler's prints go to stderr.
const PYTHON_BOOTSTRAP: &str = r#"
import importlib, json, os, sys, time, traceback
out = os.fdopen(os.dup(1), "w")
os.dup2(2, 1)
sys.stdout = sys.stderr
env = os.environ
request_id = env.get("AWS_REQUEST_ID", "")
deadline = time.time() + float(env.get("AWS_LAMBDA_FUNCTION_TIMEOUT", "3"))

def finish(payload, code):
    out.write(json.dumps(payload))
    out.flush()
    sys.exit(code)

def fail(error_type, message, stack):
    finish({"errorMessage": message, "errorType": error_type, "requestId": request_id, "stackTrace": stack}, 1)

class LambdaContext:
    function_name = env.get("AWS_LAMBDA_FUNCTION_NAME")
    function_version = env.get("AWS_LAMBDA_FUNCTION_VERSION")
    invoked_function_arn = env.get("SFN_FUNCTION_ARN")
    memory_limit_in_mb = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
    aws_request_id = request_id
    log_group_name = env.get("AWS_LAMBDA_LOG_GROUP_NAME")
    log_stream_name = env.get("AWS_LAMBDA_LOG_STREAM_NAME")
    def get_remaining_time_in_millis(self):
        return max(0, int((deadline - time.time()) * 1000))

sys.path.insert(0, env["LAMBDA_TASK_ROOT"])
module_name, _, function_name = env["_HANDLER"].rpartition(".")
try:
    module = importlib.import_module(module_name.replace("/", "."))
except Exception as e:
    fail("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e), [])
handler = getattr(module, function_name, None)
if handler is None:
    fail("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name), [])
text = sys.stdin.read()
event = json.loads(text) if text.strip() else None
try:
    result = handler(event, LambdaContext())
except Exception as e:
    fail(type(e).__name__, str(e), traceback.format_list(traceback.extract_tb(e.__traceback__)[1:]))
finish(result, 0)
"#;

/// The Node.js runtime's part: loads `file.export` (`.js`, `.mjs` or `.cjs`), supports
/// async and callback handlers, and reports errors as Lambda's Node.js runtime does.
const NODE_BOOTSTRAP: &str = r#"
const fs = require("fs"), path = require("path"), url = require("url");
function write(text) {
  const buffer = Buffer.from(text);
  let offset = 0;
  while (offset < buffer.length) {
    try { offset += fs.writeSync(1, buffer, offset); }
    catch (e) { if (e.code !== "EAGAIN") throw e; }
  }
}
process.stdout.write = process.stderr.write.bind(process.stderr);
const env = process.env;
const fail = (e) => {
  const error = e instanceof Error ? e : { name: "Error", message: String(e) };
  write(JSON.stringify({
    errorType: error.name || "Error",
    errorMessage: error.message || "",
    trace: error.stack ? String(error.stack).split("\n") : [],
  }));
  process.exit(1);
};
(async () => {
  const handlerName = env._HANDLER;
  const dot = handlerName.lastIndexOf(".");
  const modulePath = handlerName.slice(0, dot), exportName = handlerName.slice(dot + 1);
  const file = ["js", "mjs", "cjs"].map((x) => path.join(env.LAMBDA_TASK_ROOT, modulePath + "." + x)).find((f) => fs.existsSync(f));
  if (!file) fail({ name: "Runtime.ImportModuleError", message: "Error: Cannot find module '" + modulePath + "'" });
  let mod;
  try { mod = await import(url.pathToFileURL(file).href); }
  catch (e) { fail({ name: "Runtime.ImportModuleError", message: String(e) }); }
  const handler = mod[exportName] || (mod.default && mod.default[exportName]);
  if (typeof handler !== "function") fail({ name: "Runtime.HandlerNotFound", message: handlerName + " is undefined or not exported" });
  const input = fs.readFileSync(0, "utf8");
  const event = input.trim() ? JSON.parse(input) : null;
  const deadline = Date.now() + Number(env.AWS_LAMBDA_FUNCTION_TIMEOUT || "3") * 1000;
  const context = {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME, functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: env.SFN_FUNCTION_ARN, memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: env.AWS_REQUEST_ID, logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME, callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  let result;
  try {
    result = handler.length >= 3
      ? await new Promise((resolve, reject) => {
          const r = handler(event, context, (err, value) => (err ? reject(err) : resolve(value)));
          if (r && typeof r.then === "function") r.then(resolve, reject);
        })
      : await handler(event, context);
  } catch (e) { fail(e); }
  write(result === undefined ? "null" : JSON.stringify(result));
  process.exit(0);
})();
"#;

/// A deployed function, as recorded.
#[derive(Debug, Clone)]
pub struct LocalFunction {
    record: FunctionRecord,
}

/// The deployed functions of the store at `db`, looked up by ARN on first use.
pub struct Deployed {
    db: PathBuf,
    store: OnceLock<Option<Mutex<Store>>>,
    cache: Mutex<HashMap<String, Option<LocalFunction>>>,
}

impl Deployed {
    pub fn new(db: &Path) -> Deployed {
        Deployed {
            db: db.to_path_buf(),
            store: OnceLock::new(),
            cache: Mutex::new(HashMap::new()),
        }
    }

    fn lookup(&self, arn: &str) -> Option<LocalFunction> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = cache.get(arn) {
            return found.clone();
        }
        let store = self
            .store
            .get_or_init(|| Store::open(&self.db).ok().map(Mutex::new))
            .as_ref()?;
        let store = store.lock().unwrap_or_else(|e| e.into_inner());
        let found = functions::get(&store, arn)
            .ok()
            .flatten()
            .map(|record| LocalFunction { record });
        cache.insert(arn.to_string(), found.clone());
        found
    }

    /// The deployed function an invocation calls, with its qualifier and whether it goes
    /// through `lambda:invoke`.
    fn target(&self, invocation: &TaskInvocation) -> Option<(LocalFunction, Option<String>, bool)> {
        let task_resource = invocation.resource;
        let (function, name, qualifier, invoke) = if task_resource.is_lambda_invoke() {
            let function = invocation.input.get("FunctionName")?.as_str()?;
            let (name, qualifier) = resource::function_name(function);
            let qualifier =
                qualifier.or_else(|| invocation.input.get("Qualifier").and_then(Value::as_str));
            (function, name, qualifier, true)
        } else if let Resource::LambdaFunction {
            name, qualifier, ..
        } = task_resource.parsed()
        {
            (
                task_resource.arn(),
                name.as_str(),
                qualifier.as_deref(),
                false,
            )
        } else {
            return None;
        };
        let qualifier = qualifier.map(str::to_string);
        let arn = function_arn(function, name, invocation.execution_arn)?;
        self.lookup(&arn).map(|f| (f, qualifier, invoke))
    }

    pub fn serves(&self, invocation: &TaskInvocation) -> bool {
        self.target(invocation).is_some()
    }

    /// Runs the deployed function an invocation calls; `None` when none was deployed.
    pub fn invoke(&self, invocation: &TaskInvocation) -> Option<TaskOutcome> {
        let (function, qualifier, invoke) = self.target(invocation)?;
        let payload = if invoke {
            lambda::invoke_payload(invocation.input)
        } else {
            invocation.input.to_string().into_bytes()
        };
        Some(match function.run(&payload, invocation) {
            Ok(result) if invoke => TaskOutcome::Succeeded(lambda::invoke_response(
                result,
                &lambda::executed_version(qualifier.as_deref()),
                invocation.clock.now(),
            )),
            Ok(result) => TaskOutcome::Succeeded(result),
            Err(Failure::TaskTimedOut) => TaskOutcome::TimedOut,
            Err(Failure::Function(output)) => {
                let style = if invoke {
                    CauseStyle::Compact
                } else {
                    CauseStyle::AsEmitted
                };
                TaskOutcome::Failed(
                    lambda::function_error(&output, style)
                        .unwrap_or_else(|| StatesError::new("Lambda.Unknown", output)),
                )
            }
            Err(Failure::Runtime(message)) => TaskOutcome::Failed(StatesError::runtime(message)),
            Err(Failure::Task(cause)) => {
                TaskOutcome::Failed(StatesError::new(names::TASK_FAILED, cause))
            }
        })
    }
}

/// The full unqualified ARN of `function` (any form Lambda accepts): a full ARN keeps its
/// region and account, a name or partial ARN takes the execution's.
fn function_arn(function: &str, name: &str, execution_arn: &str) -> Option<String> {
    let parts: Vec<&str> = if function.starts_with("arn:") {
        function.split(':').collect()
    } else {
        execution_arn.split(':').collect()
    };
    let (partition, region, account) = (parts.get(1)?, parts.get(3)?, parts.get(4)?);
    let account = match function.split_once(":function:") {
        Some((prefix, _)) if !function.starts_with("arn:") => prefix,
        _ => account,
    };
    Some(format!(
        "arn:{partition}:lambda:{region}:{account}:function:{name}"
    ))
}

enum Failure {
    /// The Task's own TimeoutSeconds passed first: `States.Timeout`.
    TaskTimedOut,
    /// The function failed: its error payload (Lambda's shape) or a message.
    Function(String),
    /// The function cannot run here at all: never caught or retried.
    Runtime(String),
    /// The interpreter printed something that is not a result.
    Task(String),
}

impl LocalFunction {
    fn describe(&self) -> String {
        format!(
            "the function {} ({} in stack {})",
            self.record.name, self.record.logical_id, self.record.stack_name
        )
    }

    fn unservable(&self, why: String) -> Failure {
        Failure::Runtime(format!(
            "{} {why}. sfn runs python3.x and nodejs* functions with local code; serve this one with a mock config file (--mock-config / SFN_MOCK_CONFIG) or a \"lambda\" entry for '{}' in a handlers file (--handlers / SFN_HANDLERS).",
            self.describe(),
            self.record.name
        ))
    }

    /// The interpreter and bootstrap for the runtime.
    fn command(&self) -> Result<Vec<String>, Failure> {
        let runtime = self.record.runtime.as_deref().unwrap_or_default();
        if runtime.starts_with("python3") {
            // The local `python3`, whatever its minor version: version managers put shims
            // for versions that are not installed on PATH, so `python3.12` may not run.
            return Ok(vec!["python3".into(), "-c".into(), PYTHON_BOOTSTRAP.into()]);
        }
        if runtime.starts_with("nodejs") {
            return Ok(vec!["node".into(), "-e".into(), NODE_BOOTSTRAP.into()]);
        }
        Err(self.unservable(if runtime.is_empty() {
            "has no Runtime".to_string()
        } else {
            format!("has the runtime {runtime}, which sfn cannot run locally")
        }))
    }

    fn run(&self, payload: &[u8], invocation: &TaskInvocation) -> Result<Value, Failure> {
        let task_timeout = invocation.timeout_seconds;
        let argv = self.command()?;
        let Some(code_dir) = self.record.code_dir.as_deref() else {
            return Err(
                self.unservable("has no local code directory (its CodeUri or asset is not a directory here, or its code is in S3, inline or an image)".into())
            );
        };
        let Some(handler) = self.record.handler.as_deref() else {
            return Err(self.unservable("has no Handler".into()));
        };
        let timeout = u64::try_from(self.record.timeout_seconds)
            .unwrap_or(3)
            .max(1);
        let region = self
            .record
            .arn
            .split(':')
            .nth(3)
            .unwrap_or_default()
            .to_string();
        let request_id = uuid::Uuid::new_v4().to_string();
        let mut env: Vec<(String, String)> = vec![
            ("_HANDLER".into(), handler.into()),
            ("LAMBDA_TASK_ROOT".into(), code_dir.into()),
            ("AWS_LAMBDA_FUNCTION_NAME".into(), self.record.name.clone()),
            ("AWS_LAMBDA_FUNCTION_VERSION".into(), "$LATEST".into()),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE".into(), "128".into()),
            ("AWS_LAMBDA_FUNCTION_TIMEOUT".into(), timeout.to_string()),
            (
                "AWS_LAMBDA_LOG_GROUP_NAME".into(),
                format!("/aws/lambda/{}", self.record.name),
            ),
            ("AWS_LAMBDA_LOG_STREAM_NAME".into(), "local".into()),
            (
                "AWS_EXECUTION_ENV".into(),
                format!(
                    "AWS_Lambda_{}",
                    self.record.runtime.as_deref().unwrap_or_default()
                ),
            ),
            ("AWS_REGION".into(), region.clone()),
            ("AWS_DEFAULT_REGION".into(), region),
            ("AWS_REQUEST_ID".into(), request_id.clone()),
            ("SFN_FUNCTION_ARN".into(), self.record.arn.clone()),
        ];
        if let Ok(Value::Object(vars)) = serde_json::from_str::<Value>(&self.record.environment) {
            for (k, v) in vars {
                env.push((
                    k,
                    v.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| v.to_string()),
                ));
            }
        }
        let spec = CommandSpec {
            argv,
            cwd: PathBuf::from(code_dir),
            env,
        };
        // The Task's TimeoutSeconds and the function's Timeout both bound the run; the
        // shorter one decides which timeout it was.
        let task_first = task_timeout.is_some_and(|t| t <= timeout);
        let limit = if task_first {
            task_timeout.unwrap_or(timeout)
        } else {
            timeout
        };
        let limits = Limits {
            timeout: Some(Duration::from_secs(limit)),
            clock: invocation.clock,
            cancel: invocation.cancel,
        };
        let (status, stdout, stderr) = match spec.run(payload, &[], limits) {
            RunOutcome::Exited { status, stdout, stderr } => (status, stdout, stderr),
            RunOutcome::Cancelled => {
                return Err(Failure::Runtime(format!(
                    "{} was stopped: its execution no longer waits for it",
                    self.describe()
                )))
            }
            RunOutcome::TimedOut if task_first => return Err(Failure::TaskTimedOut),
            RunOutcome::TimedOut => {
                return Err(Failure::Function(
                    serde_json::json!({
                        "errorType": "Sandbox.Timedout",
                        "errorMessage": format!("RequestId: {request_id} Error: Task timed out after {timeout}.00 seconds"),
                    })
                    .to_string(),
                ))
            }
            RunOutcome::SpawnFailed(e) => {
                return Err(Failure::Runtime(format!(
                    "{} could not start {}: {e}",
                    self.describe(),
                    spec.argv[0]
                )))
            }
        };
        let stdout = String::from_utf8_lossy(&stdout);
        if !status.success() {
            if stdout.trim().is_empty() {
                // The interpreter died before the bootstrap could report (a crash, a
                // signal): Lambda reports such a runtime exit without an error payload.
                return Err(Failure::Function(
                    serde_json::json!({
                        "errorType": "Runtime.ExitError",
                        "errorMessage": format!("RequestId: {request_id} Error: Runtime exited with {status}: {}", process::tail(&stderr, 1024)),
                    })
                    .to_string(),
                ));
            }
            return Err(Failure::Function(stdout.into_owned()));
        }
        serde_json::from_str(stdout.trim()).map_err(|e| {
            Failure::Task(format!(
                "{} returned output that is not JSON ({e}): {}",
                self.describe(),
                process::tail(stdout.as_bytes(), 1024)
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_arns_from_every_form() {
        let exec = "arn:aws:states:eu-west-1:111122223333:execution:m:e";
        assert_eq!(
            function_arn("f", "f", exec).unwrap(),
            "arn:aws:lambda:eu-west-1:111122223333:function:f"
        );
        assert_eq!(
            function_arn("444455556666:function:f:1", "f", exec).unwrap(),
            "arn:aws:lambda:eu-west-1:444455556666:function:f"
        );
        assert_eq!(
            function_arn(
                "arn:aws:lambda:us-east-1:123456789012:function:f:prod",
                "f",
                exec
            )
            .unwrap(),
            "arn:aws:lambda:us-east-1:123456789012:function:f"
        );
    }
}
