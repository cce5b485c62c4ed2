//! `sfn`: AWS Step Functions offline.
//!
//! Layers, each depending only on those listed after it:
//! - [`cli`]: clap definitions, AWS CLI conventions, rendering.
//! - [`api`]: one function per AWS operation, AWS request/response types and error codes.
//! - [`runtime`]: owns executions: start, resume, redrive, stop, timeouts, map runs; leases
//!   and compare-and-swap saves so that any number of processes can share a store.
//! - [`tasks`]: what a Task state does offline (mocks, local handlers, activities, callbacks).
//! - [`engine`]: the interpreter; emits history events, calls tasks through a trait.
//! - [`store`]: SQLite; the only place that writes SQL.
//! - [`graph`]: a workflow drawn (dot, Mermaid, SVG laid out in-process); pure, used by
//!   both front ends.
//! - [`asl`]: the language (definition model, validation, JSONPath, templates, intrinsics,
//!   JSONata, Choice rules).
//! - [`clock`]: the time the service goes by (the system's, a virtual one that skips
//!   waits, or a manual one in tests).
//! - [`history`]: history event types (from the AWS model) and the event record.
pub mod api;
pub mod asl;
pub mod cli;
pub mod clock;
pub mod engine;
#[doc(hidden)]
pub mod fuzz;
pub mod graph;
pub mod history;
pub mod runtime;
pub mod serve;
pub mod store;
pub mod tasks;
pub mod template;
