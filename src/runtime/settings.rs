//! How executions run here: [`Settings`], resolved once by the front end.
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::Held;
use crate::clock::Clock;
use crate::engine::{self, Options};
use crate::tasks;

/// How executions run here, resolved once by the front end.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Factor on Wait durations, Retry intervals and the activity long poll; 0 skips them.
    pub wait_time_scale: f64,
    /// Task invocations (local commands) and map run children of one execution at once.
    pub task_threads: usize,
    /// Step Functions Local mock file.
    pub mock_config: Option<PathBuf>,
    /// Local handlers file.
    pub handlers: Option<PathBuf>,
    /// The directory standing for S3 (`s3://bucket/key` is `<root>/bucket/key`).
    pub s3_root: Option<PathBuf>,
    /// How long an owner's hold on a running execution lasts without renewal.
    pub lease: Duration,
    /// Local endpoints of the AWS services Tasks call, and how requests to them are signed.
    pub aws: tasks::AwsSettings,
    /// What dates, Wait states, retries and deadlines go by; leases and task-token
    /// deadlines, which other processes compare, go by its shared time.
    pub clock: Clock,
    /// Where started, redriven and answered executions run; `None`: on the caller's thread
    /// until they end or park.
    pub background: Option<Background>,
}

/// Runs executions away from the operation that started them (the server: a thread
/// each), so that StartExecution, RedriveExecution and SendTask* answer at once, as on
/// AWS. The function runs [`Held`] with [`Runtime::run_held`].
#[derive(Clone)]
pub struct Background(pub Arc<dyn Fn(Held) + Send + Sync>);

impl std::fmt::Debug for Background {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Background")
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            wait_time_scale: 1.0,
            task_threads: engine::DEFAULT_TASK_THREADS,
            mock_config: None,
            handlers: None,
            s3_root: None,
            lease: Duration::from_secs(20),
            aws: tasks::AwsSettings::default(),
            clock: Clock::system(),
            background: None,
        }
    }
}

impl Settings {
    pub fn engine_options(&self) -> Options {
        Options {
            wait_time_scale: self.wait_time_scale,
            task_threads: self.task_threads,
        }
    }
}
