//! Where operations and executions run while the server answers. Every operation goes to
//! `api::call` on the request's own thread; the executions that StartExecution,
//! RedriveExecution and SendTask* set going are handed by the runtime to [`Executions`],
//! which runs each on a thread of its own, so the operation answers at once, as on AWS.
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use serde_json::Value;

use crate::api::{self, ApiError, Context};
use crate::runtime::{Background, Held, Settings};
use crate::store::Store;

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

/// The executions running on threads of their own, and the thread that resumes those a
/// gone process left running, then sweeps every second so that deadlines fire and queued
/// outcomes are taken when no request comes.
#[derive(Default)]
pub struct Executions {
    /// Executions whose thread has not returned yet.
    running: Arc<AtomicUsize>,
}

impl Executions {
    /// The runtime setting that hands executions here. It holds `contexts` weakly: the
    /// contexts' settings hold it.
    pub fn background(&self, contexts: Weak<Contexts>) -> Background {
        let running = Arc::clone(&self.running);
        Background(Arc::new(move |held: Held| {
            let Some(contexts) = contexts.upgrade() else {
                // The server is going: the execution goes back to the store with its lease.
                return;
            };
            let arn = held.arn().to_string();
            let count = Arc::clone(&running);
            count.fetch_add(1, Ordering::SeqCst);
            let spawned = std::thread::Builder::new()
                .name("execution".into())
                .spawn(move || {
                    match contexts.take("StartExecution") {
                        Ok(ctx) => {
                            if let Err(e) = ctx.runtime.run_held(&ctx.store, None, held) {
                                eprintln!("sfn serve: running {arn} failed: {e}");
                            }
                            contexts.give_back("StartExecution", ctx);
                        }
                        Err(e) => eprintln!(
                            "sfn serve: cannot run {arn} now ({}); it runs on once its lease ends",
                            e.message
                        ),
                    }
                    count.fetch_sub(1, Ordering::SeqCst);
                });
            if let Err(e) = spawned {
                running.fetch_sub(1, Ordering::SeqCst);
                eprintln!(
                    "sfn serve: cannot start a thread ({e}); an execution runs on once its lease ends"
                );
            }
        }))
    }

    /// Resumes what a gone process left running, then sweeps deadlines every second.
    pub fn sweep(&self, contexts: Arc<Contexts>) {
        std::thread::Builder::new()
            .name("deadlines".into())
            .spawn(move || {
                // Executions a previous server (or any process now gone) left running go on
                // from their last save.
                if let Ok(ctx) = contexts.take("ListExecutions") {
                    if let Ok(resumed) = ctx.runtime.resume_orphans(&ctx.store, None) {
                        if !resumed.is_empty() {
                            eprintln!(
                                "sfn serve: resumed {} execution(s) left running",
                                resumed.len()
                            );
                        }
                    }
                    contexts.give_back("ListExecutions", ctx);
                }
                loop {
                    std::thread::sleep(Duration::from_secs(1));
                    if let Ok(ctx) = contexts.take("ListExecutions") {
                        let _ = ctx.runtime.sweep(&ctx.store);
                        contexts.give_back("ListExecutions", ctx);
                    }
                }
            })
            .ok();
    }

    /// Executions still running stop with the process: each was saved at its last step
    /// and its lease ends with the process, so the next server (or `sfn resume`) runs it
    /// on from there.
    pub fn shutdown(&self) {
        let left = self.running.load(Ordering::SeqCst);
        if left > 0 {
            eprintln!("sfn serve: {left} execution(s) still running go back to the store; the next start (or `sfn resume`) runs them on");
        }
    }
}
