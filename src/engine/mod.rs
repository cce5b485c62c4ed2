//! The interpreter: runs a parsed definition, emits history events through a sink and
//! calls Task resources through [`task::TaskRunner`]. No SQL, no clap. Execution state is
//! plain serializable data so that an execution can be parked, resumed and redriven.
pub mod history;
pub mod task;

pub use history::{EventSink, HistoryEvent};
pub use task::{TaskInvocation, TaskOutcome, TaskRunner};
