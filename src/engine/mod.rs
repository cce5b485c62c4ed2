//! The interpreter: runs a parsed definition, emits history events through a sink and
//! calls Task resources through [`task::TaskRunner`]. No SQL, no clap. Execution state is
//! plain serializable data so that an execution can be parked, resumed and redriven.
//!
//! Use: [`Execution::start`] (emits `ExecutionStarted`), then [`Execution::run`] with an
//! [`Env`] until it returns [`Progress::Finished`] (see [`Execution::status`]) or
//! [`Progress::Parked`] (serialize the execution, later [`Execution::deliver`] the task's
//! outcome and run again).
pub mod data;
pub mod exec;
pub mod history;
pub mod item_reader;
pub mod map_run;
pub mod resource;
pub mod s3_local;
pub mod step;
pub mod task;
pub mod test_state;

pub use exec::{Env, Execution, ExecutionInfo, Options, Progress, Status, DEFAULT_TASK_THREADS};
pub use history::{Checkpoint, EventSink, HistoryEvent, Message};
pub use task::{Cancel, TaskInvocation, TaskOutcome, TaskRunner};
