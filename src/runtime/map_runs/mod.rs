//! Map runs: the [`MapRunner`] that runs a distributed Map's child executions (real
//! executions with their own history, listed by `list-executions --map-run-arn`), reads
//! items with `ItemReader` and exports results with `ResultWriter`.
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde_json::{json, Map, Value};

use super::{BufferSink, Settings};
use crate::asl::definition::{OutputType, Transformation};
use crate::asl::error::names;
use crate::asl::resource::TaskResource;
use crate::asl::StatesError;
use crate::clock::Clock;
use crate::engine::map_run::{
    push_result, raw_map_state, writer_result, Batches, MapRunRequest, MapRunner, Selector,
    WriterSpec,
};
use crate::engine::s3_local::{S3PathError, S3Root};
use crate::engine::step::Tolerance;
use crate::engine::{
    item_reader, Checkpoint, Env, EventSink, Execution, ExecutionInfo, HistoryEvent, Message,
    Progress, TaskInvocation, TaskOutcome, TaskRunner,
};
use crate::history::text::to_text;
use crate::store::executions::{self as exec_store, date_text, parse_date, ExecutionRecord};
use crate::store::leases;
use crate::store::map_runs::{self as store, MapRunRecord};
use crate::store::Store;

mod export;
mod stop;

use export::{child_entry, Export};
use stop::{ChildSink, StopWatch};

/// Gives a Task runner map runs backed by the store: distributed Maps then start real
/// child executions. An in-memory store (unit tests) keeps the engine's inline runs.
pub fn with_map_runs(
    store: &Store,
    settings: &Settings,
    inner: Box<dyn TaskRunner>,
) -> Box<dyn TaskRunner> {
    let db = store.path();
    if db == Path::new(":memory:") {
        return inner;
    }
    Box::new(MapRunTasks {
        inner,
        db: db.to_path_buf(),
        s3_root: settings.s3_root.clone(),
        clock: settings.clock.clone(),
    })
}

struct MapRunTasks {
    inner: Box<dyn TaskRunner>,
    db: PathBuf,
    s3_root: Option<PathBuf>,
    clock: Clock,
}

impl TaskRunner for MapRunTasks {
    fn invoke(&self, invocation: &TaskInvocation) -> TaskOutcome {
        self.inner.invoke(invocation)
    }

    fn may_block(&self, invocation: &TaskInvocation) -> bool {
        self.inner.may_block(invocation)
    }

    fn serves_locally(&self, invocation: &TaskInvocation) -> bool {
        self.inner.serves_locally(invocation)
    }

    fn check(&self, state_name: &str, resource: &TaskResource) -> Result<(), StatesError> {
        self.inner.check(state_name, resource)
    }

    fn submitted(&self, task_token: &str) -> Option<Value> {
        self.inner.submitted(task_token)
    }

    fn map_runs(&self) -> Option<&dyn MapRunner> {
        Some(self)
    }
}

fn runtime(e: impl std::fmt::Display) -> StatesError {
    StatesError::runtime(format!("sfn could not record the map run: {e}"))
}

/// Item or execution counts as DescribeMapRun shows them.
#[derive(Default, Clone, Copy)]
pub(crate) struct Counts {
    succeeded: u64,
    failed: u64,
    timed_out: u64,
    aborted: u64,
    results_written: u64,
}

impl Counts {
    fn add(&mut self, status: &str, n: u64) {
        match status {
            "SUCCEEDED" => self.succeeded += n,
            "TIMED_OUT" => self.timed_out += n,
            "ABORTED" => self.aborted += n,
            _ => self.failed += n,
        }
    }

    pub(crate) fn json(&self) -> Value {
        let total = self.succeeded + self.failed + self.timed_out + self.aborted;
        json!({
            "pending": 0, "running": 0, "succeeded": self.succeeded, "failed": self.failed,
            "timedOut": self.timed_out, "aborted": self.aborted, "total": total,
            "resultsWritten": self.results_written, "failuresNotRedrivable": 0,
            "pendingRedrive": 0,
        })
    }
}

fn threshold_exceeded() -> StatesError {
    StatesError::new(
        names::EXCEED_TOLERATED_FAILURE_THRESHOLD,
        "The specified tolerated failure threshold was exceeded",
    )
}

/// Whether `failed` of `total` items is over the tolerance (`None`: not known until the
/// total is, at the end of a streamed reader).
fn over_tolerance(req: &MapRunRequest, failed: u64, total: Option<u64>) -> Option<bool> {
    let tolerance = Tolerance {
        count: req.tolerated_count,
        percentage: req.tolerated_percentage,
    };
    tolerance.tolerates(failed, total).map(|ok| !ok)
}

impl MapRunner for MapRunTasks {
    fn run(&self, req: &MapRunRequest, selector: &Selector) -> Result<Value, StatesError> {
        let store = Store::open(&self.db).map_err(runtime)?;
        let run = MapRunRecord {
            arn: req.map_run_arn.to_string(),
            execution_arn: req.parent.execution_arn.clone(),
            state_machine_arn: req.parent.state_machine_arn.clone(),
            status: "RUNNING".into(),
            start_date: date_text(self.clock.now()),
            stop_date: None,
            max_concurrency: req.max_concurrency as i64,
            tolerated_failure_percentage: req.tolerated_percentage.unwrap_or(0.0),
            tolerated_failure_count: req.tolerated_count.unwrap_or(0) as i64,
            counts: json!({"itemCounts": Counts::default().json(), "executionCounts": Counts::default().json()}),
        };
        store::insert(&store, &run).map_err(runtime)?;
        // The children stop with their parent: a stop asked of it (or a signal to this
        // process) cancels the run.
        let cancel = Arc::new(AtomicBool::new(false));
        let _watch = StopWatch::start(&self.db, &req.parent.execution_arn, cancel.clone());
        let mut state = RunState {
            store,
            run,
            items: Counts::default(),
            executions: Counts::default(),
            cancel,
        };
        let outcome = self.run_children(req, selector, &mut state);
        let cancelled = state.cancelled();
        let mut run = state.run.clone();
        run.status = match (&outcome, cancelled) {
            (_, true) => "ABORTED",
            (Ok(_), false) => "SUCCEEDED",
            (Err(_), false) => "FAILED",
        }
        .into();
        run.stop_date = Some(date_text(self.clock.now()));
        run.counts = state.counts();
        store::save_progress(&state.store, &run).map_err(runtime)?;
        if cancelled {
            return Err(StatesError::runtime(
                "The map run was aborted: its execution is being stopped",
            ));
        }
        outcome
    }
}

struct RunState {
    store: Store,
    /// The map run as recorded (RUNNING), its counts kept current as children end.
    run: MapRunRecord,
    items: Counts,
    executions: Counts,
    cancel: Arc<AtomicBool>,
}

impl RunState {
    fn counts(&self) -> Value {
        json!({"itemCounts": self.items.json(), "executionCounts": self.executions.json()})
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }

    /// A child ended: its counts go to the store at once (DescribeMapRun shows them).
    fn child_ended(&mut self, status: &str, items: u64) -> Result<(), StatesError> {
        self.items.add(status, items);
        self.executions.add(status, 1);
        self.run.counts = self.counts();
        store::save_progress(&self.store, &self.run).map_err(runtime)
    }
}

impl MapRunTasks {
    fn run_children(
        &self,
        req: &MapRunRequest,
        selector: &Selector,
        state: &mut RunState,
    ) -> Result<Value, StatesError> {
        let run_id = req.map_run_arn.rsplit(':').next().unwrap_or_default();
        let label = label_of(req.map_run_arn);
        let prefix = req
            .parent
            .state_machine_arn
            .rsplit_once(":stateMachine:")
            .map(|(p, _)| p)
            .unwrap_or_default();
        let name = &req.parent.state_machine_name;
        let child_machine_arn = format!("{prefix}:stateMachine:{name}/{label}");
        let mut machine = req.machine.clone();
        machine.blocks[0] = machine.blocks[req.processor].clone();
        machine.timeout_seconds = None;
        let definition = raw_map_state(&req.machine.source, req.state_name)
            .and_then(|s| s.get("ItemProcessor").or_else(|| s.get("Iterator")))
            .map(to_text)
            .unwrap_or_else(|| "{}".into());
        let default_writer = WriterSpec {
            parameters: None,
            transformation: Transformation::Compact,
            output_type: OutputType::Json,
        };
        let writer = req.writer.as_ref().unwrap_or(&default_writer);
        let mut export = match &writer.parameters {
            Some(params) => Some(Export::open(
                self.s3_root.as_deref(),
                params,
                run_id,
                writer.output_type == OutputType::Jsonl,
            )?),
            None => None,
        };
        let items: item_reader::Items = match (&req.reader, &req.items) {
            (Some(spec), _) => item_reader::open(self.s3_root.as_deref(), spec)?,
            (None, Some(items)) => Box::new(items.clone().into_iter().map(Ok)),
            (None, None) => Box::new(std::iter::empty()),
        };
        let known_total = req.items.as_ref().map(|i| i.len() as u64);
        let selected = items
            .enumerate()
            .map(|(i, item)| item.and_then(|v| selector(i, v)));
        let batched = req.batcher.is_some();
        let mut results = Vec::new();
        let mut failed_items = 0u64;
        let mut seen_items = 0u64;
        // Up to `window` children run at once (fewer when their inputs are large), each on
        // a thread of its own; the store records them, and their results are taken, in
        // item order.
        let window = match req.max_concurrency {
            0 => req.options.task_threads,
            n => (n as usize).min(req.options.task_threads),
        }
        .max(1);
        std::thread::scope(|scope| {
            let mut running: VecDeque<RunningChild> = VecDeque::new();
            let mut children = Batches::new(selected, req.batcher.clone());
            let outcome = (|| -> Result<(), StatesError> {
                loop {
                    let in_flight = |running: &VecDeque<RunningChild>| {
                        running.iter().map(|c| c.input_bytes).sum::<usize>()
                    };
                    while running.len() < window
                        && (running.is_empty() || in_flight(&running) < INPUT_BYTES_IN_FLIGHT)
                    {
                        let Some(child) = children.next() else {
                            break;
                        };
                        let (input, n) = child?;
                        let n = n as u64;
                        seen_items += n;
                        if state.cancelled() {
                            break;
                        }
                        let (record, execution, sink) = self.prepare_child(
                            req,
                            &machine,
                            &child_machine_arn,
                            &definition,
                            input,
                            n,
                            batched,
                            state,
                        )?;
                        let machine = &machine;
                        let input_bytes = execution.info.input_text.len();
                        let busy = self.clock.busy();
                        let run = scope
                            .spawn(move || self.execute_child(req, machine, execution, sink, busy));
                        running.push_back(RunningChild {
                            record,
                            n,
                            input_bytes,
                            run,
                        });
                    }
                    let Some(child) = running.pop_front() else {
                        return Ok(());
                    };
                    let n = child.n;
                    let record = self.finish_child(req, child, state)?;
                    let succeeded = record.status == "SUCCEEDED";
                    if let Some(export) = &mut export {
                        let entry = if succeeded && writer.transformation != Transformation::None {
                            let output: Value = record
                                .output
                                .as_deref()
                                .and_then(|o| serde_json::from_str(o).ok())
                                .unwrap_or(Value::Null);
                            let mut shaped = Vec::new();
                            push_result(&mut shaped, output, writer.transformation);
                            shaped
                        } else {
                            vec![child_entry(&record)]
                        };
                        for e in &entry {
                            export.push(succeeded, e)?;
                        }
                        state.items.results_written += n;
                        state.executions.results_written += 1;
                    } else if succeeded {
                        let output = record
                            .output
                            .as_deref()
                            .and_then(|o| serde_json::from_str(o).ok())
                            .unwrap_or(Value::Null);
                        push_result(&mut results, output, writer.transformation);
                    } else {
                        results.push(json!({"Error": record.error, "Cause": record.cause}));
                    }
                    state.child_ended(&record.status, n)?;
                    if !succeeded {
                        failed_items += n;
                        if over_tolerance(req, failed_items, known_total) == Some(true) {
                            return Err(threshold_exceeded());
                        }
                    }
                }
            })();
            // Children still running when the run failed end as they end: record them.
            for child in running {
                let n = child.n;
                if let Ok(record) = self.finish_child(req, child, state) {
                    let _ = state.child_ended(&record.status, n);
                }
            }
            outcome
        })?;
        if over_tolerance(req, failed_items, Some(known_total.unwrap_or(seen_items))) == Some(true)
        {
            return Err(threshold_exceeded());
        }
        match export {
            Some(export) => {
                let (bucket, key) = export.finish(req.map_run_arn)?;
                Ok(writer_result(req.map_run_arn, &bucket, &key))
            }
            None => Ok(Value::Array(results)),
        }
    }

    /// Names a child execution and records it as running (Standard children only).
    #[allow(clippy::too_many_arguments)]
    fn prepare_child(
        &self,
        req: &MapRunRequest,
        machine: &crate::asl::definition::StateMachine,
        machine_arn: &str,
        definition: &str,
        input: Value,
        item_count: u64,
        batched: bool,
        state: &mut RunState,
    ) -> Result<(ExecutionRecord, Execution, ChildSink), StatesError> {
        let id = uuid::Uuid::new_v4().to_string();
        let (kind, head) = machine_arn
            .split_once(":stateMachine:")
            .unwrap_or((machine_arn, ""));
        let arn = if req.express {
            format!("{kind}:express:{head}:{id}:{}", uuid::Uuid::new_v4())
        } else {
            format!("{kind}:execution:{head}:{id}")
        };
        let started = self.clock.now();
        let input_text = to_text(&input);
        let info = ExecutionInfo {
            execution_arn: arn.clone(),
            execution_name: id.clone(),
            state_machine_arn: machine_arn.to_string(),
            state_machine_name: req.parent.state_machine_name.clone(),
            role_arn: req.parent.role_arn.clone(),
            input,
            input_text: input_text.clone(),
            start_millis: started.timestamp_millis(),
            redrive_count: 0,
            region: req.parent.region.clone(),
            state_machine_version_arn: None,
            state_machine_alias_arn: None,
        };
        let record = ExecutionRecord {
            arn: arn.clone(),
            state_machine_arn: machine_arn.to_string(),
            name: id,
            status: "RUNNING".into(),
            start_date: date_text(started),
            input: Some(input_text),
            definition: definition.to_string(),
            role_arn: req.parent.role_arn.clone(),
            ..Default::default()
        };
        let mut sink = ChildSink {
            events: (!req.express).then(BufferSink::default),
            cancel: state.cancel.clone(),
            stopped: false,
        };
        let execution = Execution::start(machine, info, &self.clock, &mut sink);
        if let Some(events) = &mut sink.events {
            // Recorded with its ExecutionStarted before it runs: a child is never a row
            // without history, whatever happens to this process.
            let count = if batched { item_count as i64 } else { 1 };
            state
                .store
                .write(|s| {
                    exec_store::insert(s, &record)?;
                    store::link_child(s, &arn, req.map_run_arn, count)?;
                    exec_store::append_events(s, &arn, &events.events)
                })
                .map_err(runtime)?;
            events.events.clear();
        }
        Ok((record, execution, sink))
    }

    /// Runs one child execution to its end (on a thread of its own: no store here), busy
    /// on the clock with `busy`, taken before the thread started.
    fn execute_child(
        &self,
        req: &MapRunRequest,
        machine: &crate::asl::definition::StateMachine,
        mut execution: Execution,
        mut sink: ChildSink,
        busy: crate::clock::Busy,
    ) -> ChildRun {
        let env = &mut Env {
            machine,
            tasks: self,
            sink: &mut sink,
            options: req.options,
        };
        let progress = execution.run_busy(env, busy);
        ChildRun {
            execution,
            progress,
            events: sink.events.unwrap_or_default(),
        }
    }

    /// Waits for a child to end and records its outcome and history.
    fn finish_child(
        &self,
        req: &MapRunRequest,
        child: RunningChild,
        state: &mut RunState,
    ) -> Result<ExecutionRecord, StatesError> {
        let mut record = child.record;
        let ChildRun {
            execution,
            progress,
            events,
        } = self
            .clock
            .idle(|| child.run.join())
            .map_err(|_| runtime("a child execution's thread panicked"))?;
        super::record_outcome(&self.clock, &mut record, &execution, &progress, None)
            .map_err(runtime)?;
        if !req.express {
            exec_store::save_progress(&state.store, &record, &events.events).map_err(runtime)?;
        }
        if let Progress::Parked { .. } = progress {
            // Kept parked (resumable when its outcome comes); the map run cannot wait.
            return Err(StatesError::runtime(
                "A child execution of the distributed Map waits for a task outcome (activity or \
                 callback); sfn runs map run children to their end and cannot wait for one",
            ));
        }
        Ok(record)
    }
}

/// Children start while the inputs of those running stay under this: a child holds many
/// times its input (its history, parsed values) until it is recorded, so large batches run
/// fewer at once.
const INPUT_BYTES_IN_FLIGHT: usize = 1 << 18;

/// A child execution started on its own thread.
struct RunningChild<'scope> {
    record: ExecutionRecord,
    /// The items it runs.
    n: u64,
    input_bytes: usize,
    run: std::thread::ScopedJoinHandle<'scope, ChildRun>,
}

/// What a child execution's thread hands back.
struct ChildRun {
    execution: Execution,
    progress: Progress,
    events: BufferSink,
}

/// The label part of a map run ARN (`…:mapRun:<machine>/<label>:<id>`).
pub fn label_of(map_run_arn: &str) -> String {
    map_run_arn
        .rsplit_once(':')
        .and_then(|(head, _)| head.rsplit_once('/'))
        .map(|(_, l)| l.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
