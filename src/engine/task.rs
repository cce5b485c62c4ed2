//! How the engine asks for a Task state's work. The `tasks` layer implements
//! [`TaskRunner`] (mocked responses, local handlers, activities, callbacks).
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::Value;

use crate::asl::resource::TaskResource;
use crate::asl::StatesError;
use crate::clock::Clock;

/// Raised when an invocation's outcome no longer matters: its execution was stopped, timed
/// out or ended otherwise while the invocation ran on a task thread. A runner that waits
/// (a local command, an HTTP call) looks at it now and then and gives up; a local command
/// is killed. Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Option<Arc<AtomicBool>>);

/// The signal of an invocation nobody cancels (one the interpreter waits for inline).
static NEVER: Cancel = Cancel(None);

impl Cancel {
    /// A signal that [`Cancel::cancel`] raises.
    pub fn new() -> Cancel {
        Cancel(Some(Arc::new(AtomicBool::new(false))))
    }

    /// A signal that is never raised.
    pub fn never() -> &'static Cancel {
        &NEVER
    }

    /// Whether it can be raised at all: a runner need not watch one that cannot.
    pub fn is_live(&self) -> bool {
        self.0.is_some()
    }

    pub fn cancel(&self) {
        if let Some(flag) = &self.0 {
            flag.store(true, Ordering::SeqCst);
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.as_ref().is_some_and(|f| f.load(Ordering::SeqCst))
    }
}

/// One invocation of a Task state's resource.
#[derive(Debug, Clone)]
pub struct TaskInvocation<'a> {
    pub state_name: &'a str,
    /// The `Resource` as the compile step parsed it (it prints as the ARN written).
    pub resource: &'a TaskResource,
    /// The effective input: after InputPath/Parameters (JSONPath) or Arguments (JSONata).
    pub input: &'a Value,
    pub timeout_seconds: Option<u64>,
    pub heartbeat_seconds: Option<u64>,
    /// The task token, for `.waitForTaskToken`, `.sync` and activity tasks.
    pub task_token: Option<&'a str>,
    pub execution_arn: &'a str,
    pub state_machine_name: &'a str,
    /// How many times this state's resource was invoked before in this execution
    /// (retries and loops included): what mock files key their responses by.
    pub invocation_index: u32,
    /// The execution's clock: what dates in the result (a Lambda response's headers)
    /// go by.
    pub clock: &'a Clock,
    /// Raised when the execution no longer waits for this invocation.
    pub cancel: &'a Cancel,
}

/// What came of an invocation.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskOutcome {
    /// The task's result (for `lambda:invoke`, already wrapped as AWS wraps it).
    Succeeded(Value),
    Failed(StatesError),
    /// `TimeoutSeconds` (or the heartbeat) elapsed.
    TimedOut,
    /// The outcome will be delivered later (callback or activity worker): the execution
    /// parks until then.
    Pending,
}

pub trait TaskRunner: Send + Sync {
    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome;

    /// Whether this invocation may take a while (a local command, unlike a mocked
    /// response). Inside a Parallel/Map such an invocation runs on a task thread of its
    /// own, so that the other branches and iterations go on meanwhile; `invoke` is then
    /// called from that thread. By default, none does.
    fn may_block(&self, invocation: &TaskInvocation) -> bool {
        let _ = invocation;
        false
    }

    /// Whether a mocked response or a local handler serves this invocation: those come
    /// before what `sfn` does natively for a resource. By default, none does.
    fn serves_locally(&self, invocation: &TaskInvocation) -> bool {
        let _ = invocation;
        false
    }

    /// Checked before the Task is scheduled (before any `…Scheduled` event). AWS fails a
    /// Task whose activity was deleted with `States.Runtime` right after
    /// `TaskStateEntered`; an `Err` here is that failure. By default nothing is checked.
    fn check(&self, state_name: &str, resource: &TaskResource) -> Result<(), StatesError> {
        let _ = (state_name, resource);
        Ok(())
    }

    /// After `invoke` answered `Pending` for a `.waitForTaskToken` (or `.sync`) task: the
    /// response of its request part (a local handler's output), which AWS records as
    /// `TaskSubmitted`'s output. Taken once per token; `None` when there was none.
    fn submitted(&self, task_token: &str) -> Option<Value> {
        let _ = task_token;
        None
    }

    /// Who runs distributed Map states as map runs with child executions (the API layer,
    /// which owns the store). `None` (the default): the engine runs them inline.
    fn map_runs(&self) -> Option<&dyn super::map_run::MapRunner> {
        None
    }
}

/// Serves no task at all: every invocation fails with a clear cause naming the resource.
pub struct NoTasks;

impl TaskRunner for NoTasks {
    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome {
        TaskOutcome::Failed(StatesError::new(
            "States.TaskFailed",
            format!(
                "sfn cannot run the resource '{}' of state '{}' offline: no mocked response or local handler serves it",
                invocation.resource, invocation.state_name
            ),
        ))
    }
}
