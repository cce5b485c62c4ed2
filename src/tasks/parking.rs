//! Tasks that wait for an outcome from outside the execution (activity tasks and
//! `.waitForTaskToken` callbacks) get a row in the store's `task_tokens` table, so that
//! any `sfn` process can hand the task to a worker, take its outcome and resume the
//! execution. The runner writes through its own connection: the execution runs outside
//! any write transaction, and a handler may deliver the outcome before the run ends.
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};

use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::engine::TaskInvocation;
use crate::store::task_tokens::{self, TaskTokenRecord};
use crate::store::{activities, Store};

/// How an execution's Tasks are served: kept with each token so that whichever process
/// resumes the execution builds the same runner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunnerConfig {
    pub mock_config: Option<PathBuf>,
    pub handlers: Option<PathBuf>,
    pub state_machine_name: String,
    pub test_case: Option<String>,
}

impl RunnerConfig {
    /// With absolute paths, valid from any working directory.
    pub fn new(
        mock_config: Option<&Path>,
        handlers: Option<&Path>,
        state_machine_name: &str,
        test_case: Option<&str>,
    ) -> RunnerConfig {
        let absolute = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        RunnerConfig {
            mock_config: mock_config.map(absolute),
            handlers: handlers.map(absolute),
            state_machine_name: state_machine_name.to_string(),
            test_case: test_case.map(str::to_string),
        }
    }
}

pub struct Parking {
    db: PathBuf,
    /// Opened on first use: most executions never wait for an outcome from outside.
    store: OnceLock<Mutex<Store>>,
    config: String,
    /// What task deadlines start from.
    clock: Clock,
    /// The lease holder of the executions this runner serves: tokens open only while it
    /// still holds them.
    owner: String,
}

impl Parking {
    pub fn open(
        db: &Path,
        config: &RunnerConfig,
        clock: &Clock,
        owner: &str,
    ) -> Result<Parking, String> {
        let config = serde_json::to_string(config).map_err(|e| e.to_string())?;
        Ok(Parking {
            db: db.to_path_buf(),
            store: OnceLock::new(),
            config,
            clock: clock.clone(),
            owner: owner.to_string(),
        })
    }

    fn store(&self) -> Result<MutexGuard<'_, Store>, String> {
        let store = match self.store.get() {
            Some(store) => store,
            None => {
                let opened = Store::open(&self.db).map_err(|e| e.to_string())?;
                // A task thread may have opened one meanwhile: either serves.
                let _ = self.store.set(Mutex::new(opened));
                self.store
                    .get()
                    .ok_or_else(|| "the store could not be opened".to_string())?
            }
        };
        // A panic elsewhere cannot leave the connection half-used: recover the guard.
        Ok(store.lock().unwrap_or_else(|e| e.into_inner()))
    }

    pub fn activity_exists(&self, arn: &str) -> Result<bool, String> {
        activities::get(&*self.store()?, arn)
            .map(|a| a.is_some())
            .map_err(|e| e.to_string())
    }

    /// Records the invocation's token: `SCHEDULED` for an activity (until a worker takes
    /// it), `STARTED` for a callback; only while the execution is held by this runner's
    /// owner, in the same transaction as the check.
    pub fn open_token(
        &self,
        invocation: &TaskInvocation,
        activity_arn: Option<&str>,
    ) -> Result<(), String> {
        let token = invocation
            .task_token
            .ok_or_else(|| "the engine gave this waiting Task no task token".to_string())?;
        let mut record = TaskTokenRecord::open(
            token.to_string(),
            invocation.execution_arn,
            invocation.state_name,
            activity_arn,
            Some(invocation.input.to_string()),
            invocation.timeout_seconds,
            invocation.heartbeat_seconds,
            // Token deadlines are compared by every process: they go by the shared time.
            self.clock.shared_now(),
        );
        record.runner = Some(self.config.clone());
        let opened = task_tokens::insert_owned(&*self.store()?, &record, &self.owner)
            .map_err(|e| e.to_string())?;
        if !opened {
            return Err(format!(
                "{} is no longer held by this process: its task token was not opened",
                invocation.execution_arn
            ));
        }
        Ok(())
    }

    /// Closes the token of a callback whose request part failed: nothing waits for it.
    pub fn abort_token(&self, invocation: &TaskInvocation) {
        if let Some(token) = invocation.task_token {
            // Best effort: the task's own failure is what the execution reports.
            if let Ok(store) = self.store() {
                let _ = task_tokens::abort(&store, token, self.clock.shared_now());
            }
        }
    }
}
