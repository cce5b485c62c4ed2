//! Where executions run while the server answers. The server hands `StartExecution` to an
//! [`Executor`] and answers with what it returns, at once; the execution goes on in the
//! background. Every other operation goes to `api::call` on the request's own thread.
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::SubsecRound;
use serde_json::{json, Value};

use crate::api::{self, ApiError, Arn, Context};
use crate::engine::{EventSink, HistoryEvent};
use crate::runtime::Settings;
use crate::store::Store;

/// Starts executions for the server.
pub trait Executor: Send + Sync {
    /// `StartExecution`: answers (`executionArn`, `startDate`) as soon as the execution is
    /// recorded as RUNNING, and runs it to its end in the background.
    fn start_execution(&self, request: Value) -> Result<Value, ApiError>;
    /// The server is stopping: executions still running are left to the store.
    fn shutdown(&self);
}

/// What every request's [`Context`] is made of, and a pool of open stores so that a
/// request does not open SQLite anew.
pub struct Contexts {
    pub db: PathBuf,
    pub region: String,
    pub account: String,
    pub settings: Settings,
    pub random_seed: Option<String>,
    pool: Mutex<Vec<Store>>,
}

/// Stores kept open between requests; more are opened when more requests run at once.
const POOL_SIZE: usize = 16;

impl Contexts {
    pub fn new(
        db: PathBuf,
        region: String,
        account: String,
        settings: Settings,
        random_seed: Option<String>,
    ) -> Contexts {
        Contexts {
            db,
            region,
            account,
            settings,
            random_seed,
            pool: Mutex::new(Vec::new()),
        }
    }

    /// A context for `operation` (TestState and ValidateStateMachineDefinition never
    /// touch the user's store).
    pub fn take(&self, operation: &str) -> Result<Context, ApiError> {
        let store = if !api::Operation::parse(operation).is_none_or(api::uses_store) {
            Store::in_memory()?
        } else {
            let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
            match pooled {
                Some(store) => store,
                None => Store::open(&self.db)?,
            }
        };
        let mut ctx = Context::with_settings(store, self.settings.clone());
        ctx.region = self.region.clone();
        ctx.account = self.account.clone();
        ctx.random_seed = self.random_seed.clone();
        Ok(ctx)
    }

    /// Returns a context's store to the pool.
    pub fn give_back(&self, operation: &str, ctx: Context) {
        if !api::Operation::parse(operation).is_none_or(api::uses_store) {
            return;
        }
        if let Ok(mut pool) = self.pool.lock() {
            if pool.len() < POOL_SIZE {
                pool.push(ctx.store);
            }
        }
    }

    /// Runs one operation on a pooled context.
    pub fn call(&self, operation: &str, request: Value) -> Result<Value, ApiError> {
        let mut ctx = self.take(operation)?;
        let result = api::call(&mut ctx, operation, request);
        self.give_back(operation, ctx);
        result
    }
}

/// Runs each execution on a thread of its own, with `api::call("StartExecution")` (the
/// runtime runs it there to its end, or until it parks, holding its lease and saving each
/// step), and answers once its record is in the store as RUNNING. Until then, a request
/// fails as `StartExecution` does (no such state machine, a name in use...). A
/// background thread resumes, at start, executions a gone process left running, then
/// sweeps every second so that deadlines fire and queued outcomes are taken when no
/// request comes.
pub struct ThreadPerExecution {
    contexts: Arc<Contexts>,
    /// Executions whose thread has not returned yet.
    running: Arc<AtomicUsize>,
}

/// How many times (2 ms apart) StartExecution looks for the new execution's record.
const RECORD_POLLS: usize = 500;

enum Started {
    /// The first event of the execution has been emitted.
    Running,
    Done(Result<Value, ApiError>),
}

/// Tells the request thread once, at the first event.
struct FirstEvent(Option<mpsc::Sender<Started>>);

impl EventSink for FirstEvent {
    fn emit(&mut self, _event: &HistoryEvent) {
        if let Some(tx) = self.0.take() {
            let _ = tx.send(Started::Running);
        }
    }
}

impl ThreadPerExecution {
    pub fn new(contexts: Arc<Contexts>) -> ThreadPerExecution {
        let ticking = Arc::clone(&contexts);
        std::thread::Builder::new()
            .name("deadlines".into())
            .spawn(move || {
                // Executions a previous server (or any process now gone) left running go on
                // from their last save.
                if let Ok(ctx) = ticking.take("ListExecutions") {
                    if let Ok(resumed) = ctx.runtime.resume_orphans(&ctx.store, None) {
                        if !resumed.is_empty() {
                            eprintln!(
                                "sfn serve: resumed {} execution(s) left running",
                                resumed.len()
                            );
                        }
                    }
                    ticking.give_back("ListExecutions", ctx);
                }
                loop {
                    std::thread::sleep(Duration::from_secs(1));
                    if let Ok(ctx) = ticking.take("ListExecutions") {
                        let _ = ctx.runtime.sweep(&ctx.store);
                        ticking.give_back("ListExecutions", ctx);
                    }
                }
            })
            .ok();
        ThreadPerExecution {
            contexts,
            running: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// The ARN an execution named `name` of the standard machine at `given` gets (`given`
    /// may be a version or alias ARN, or carry a mock `#<TestCase>`); `None` for an
    /// Express machine (its execution ARNs have a random part) or one that is not there.
    fn standard_arn(&self, given: &str, name: &str) -> Option<String> {
        let arn = Arn::parse_as(given.split('#').next()?, "stateMachine").ok()?;
        let machine = arn.resource.split(':').next()?;
        let base = format!(
            "arn:aws:states:{}:{}:stateMachine:{machine}",
            arn.region, arn.account
        );
        let described = self
            .contexts
            .call("DescribeStateMachine", json!({ "stateMachineArn": base }))
            .ok()?;
        if described.get("type").and_then(Value::as_str) != Some("STANDARD") {
            return None;
        }
        Some(format!(
            "arn:aws:states:{}:{}:execution:{machine}:{name}",
            self.contexts.region, self.contexts.account
        ))
    }
}

impl Executor for ThreadPerExecution {
    fn start_execution(&self, mut request: Value) -> Result<Value, ApiError> {
        // AWS names an unnamed execution with a UUID; naming it here tells its ARN.
        let name = match request.get("name").and_then(Value::as_str) {
            Some(n) => n.to_string(),
            None => {
                let n = uuid::Uuid::new_v4().to_string();
                request["name"] = json!(n);
                n
            }
        };
        let expected = request
            .get("stateMachineArn")
            .and_then(Value::as_str)
            .and_then(|given| self.standard_arn(given, &name));
        let (tx, rx) = mpsc::channel();
        let contexts = Arc::clone(&self.contexts);
        let running = Arc::clone(&self.running);
        running.fetch_add(1, Ordering::SeqCst);
        let spawned = std::thread::Builder::new()
            .name("execution".into())
            .spawn(move || {
                let done = tx.clone();
                let result = contexts.take("StartExecution").and_then(|mut ctx| {
                    ctx.observer = Some(Box::new(FirstEvent(Some(tx))));
                    let result = api::call(&mut ctx, "StartExecution", request);
                    ctx.observer = None;
                    contexts.give_back("StartExecution", ctx);
                    result
                });
                running.fetch_sub(1, Ordering::SeqCst);
                let _ = done.send(Started::Done(result));
            });
        if let Err(e) = spawned {
            self.running.fetch_sub(1, Ordering::SeqCst);
            return Err(ApiError::internal(format!("cannot start a thread: {e}")));
        }
        match rx.recv() {
            Ok(Started::Done(result)) => return result,
            Ok(Started::Running) => {}
            Err(_) => return Err(ApiError::internal("the execution thread ended early")),
        }
        // The first event is emitted just before the record is written: answer once it
        // is there. An Express machine's execution has another ARN (`express:...`), which
        // only the end of its run tells; so does a failure to record it.
        if let Some(arn) = &expected {
            for _ in 0..RECORD_POLLS {
                if let Ok(d) = self
                    .contexts
                    .call("DescribeExecution", json!({ "executionArn": arn }))
                {
                    return Ok(json!({
                        "executionArn": arn,
                        "startDate": d.get("startDate").cloned().unwrap_or_else(|| {
                            let now = self.contexts.settings.clock.now().trunc_subsecs(3);
                            Value::String(api::timestamp(now))
                        }),
                    }));
                }
                match rx.recv_timeout(Duration::from_millis(2)) {
                    Ok(Started::Done(result)) => return result,
                    Ok(Started::Running) | Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                }
            }
        }
        match rx.recv() {
            Ok(Started::Done(result)) => result,
            _ => Err(ApiError::internal("the execution thread ended early")),
        }
    }

    /// Executions still running stop with the process: each was saved at its last step
    /// and its lease ends with the process, so the next server (or `sfn resume`) runs it
    /// on from there.
    fn shutdown(&self) {
        let left = self.running.load(Ordering::SeqCst);
        if left > 0 {
            eprintln!("sfn serve: {left} execution(s) still running go back to the store; the next start (or `sfn resume`) runs them on");
        }
    }
}
