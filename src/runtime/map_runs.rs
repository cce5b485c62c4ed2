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

    fn check(&self, state_name: &str, resource: &str) -> Result<(), StatesError> {
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

/// One exported results file (`SUCCEEDED_0.json`, `FAILED_0.json`), written as it goes.
struct ResultFile {
    key: String,
    path: PathBuf,
    out: BufWriter<File>,
    jsonl: bool,
    entries: u64,
}

impl ResultFile {
    fn create(export: &Export, name: &str) -> Result<Self, StatesError> {
        let key = format!("{}{name}", export.key_prefix);
        let file = export
            .root
            .create_file(&export.bucket, &key, &export.dir, name)
            .map_err(s3_failed)?;
        Ok(ResultFile {
            key,
            path: export.dir.join(name),
            out: BufWriter::new(file),
            jsonl: export.jsonl,
            entries: 0,
        })
    }

    fn push(&mut self, entry: &Value) -> Result<(), StatesError> {
        let sep = match (self.jsonl, self.entries) {
            (true, 0) => "",
            (true, _) => "\n",
            (false, 0) => "[",
            (false, _) => ",",
        };
        self.entries += 1;
        write!(self.out, "{sep}{}", to_text(entry)).map_err(|e| writer_failed(&self.path, e))
    }

    fn finish(mut self) -> Result<Value, StatesError> {
        let end = if self.jsonl { "" } else { "]" };
        write!(self.out, "{end}")
            .and_then(|_| self.out.flush())
            .map_err(|e| writer_failed(&self.path, e))?;
        let size = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        Ok(json!({"Key": self.key, "Size": size}))
    }
}

fn s3_failed(e: S3PathError) -> StatesError {
    StatesError::new(names::RESULT_WRITER_FAILED, e.to_string())
}

fn writer_failed(path: &Path, e: impl std::fmt::Display) -> StatesError {
    StatesError::new(
        names::RESULT_WRITER_FAILED,
        format!(
            "Cannot write the map run results to {}: {e}",
            path.display()
        ),
    )
}

/// Where results are exported: `<root>/<Bucket>/<Prefix>/<run id>/`.
struct Export {
    root: S3Root,
    bucket: String,
    dir: PathBuf,
    /// `<Prefix>/<run id>/`, the start of every key.
    key_prefix: String,
    jsonl: bool,
    succeeded: Option<ResultFile>,
    failed: Option<ResultFile>,
}

impl Export {
    fn open(
        root: Option<&Path>,
        params: &Value,
        run_id: &str,
        jsonl: bool,
    ) -> Result<Export, StatesError> {
        let Some(root) = root else {
            return Err(StatesError::new(
                names::RESULT_WRITER_FAILED,
                "sfn writes ResultWriter objects to local files: s3://<bucket>/<key> is \
                 $SFN_S3_ROOT/<bucket>/<key>, and the environment variable SFN_S3_ROOT is not set",
            ));
        };
        let bucket = params
            .get("Bucket")
            .and_then(Value::as_str)
            .ok_or_else(|| {
                StatesError::new(
                    names::RESULT_WRITER_FAILED,
                    "The field 'Bucket' is required by the ResultWriter Parameters",
                )
            })?
            .to_string();
        let prefix = params
            .get("Prefix")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim_end_matches('/');
        let key_prefix = if prefix.is_empty() {
            format!("{run_id}/")
        } else {
            format!("{prefix}/{run_id}/")
        };
        let root = S3Root::new(root).map_err(s3_failed)?;
        let dir = root.create_dirs(&bucket, &key_prefix).map_err(s3_failed)?;
        Ok(Export {
            root,
            bucket,
            dir,
            key_prefix,
            jsonl,
            succeeded: None,
            failed: None,
        })
    }

    fn push(&mut self, succeeded: bool, entry: &Value) -> Result<(), StatesError> {
        let name = if succeeded {
            "SUCCEEDED_0.json"
        } else {
            "FAILED_0.json"
        };
        let missing = if succeeded {
            self.succeeded.is_none()
        } else {
            self.failed.is_none()
        };
        let created = if missing {
            Some(ResultFile::create(self, name)?)
        } else {
            None
        };
        let slot = if succeeded {
            &mut self.succeeded
        } else {
            &mut self.failed
        };
        if let Some(file) = created {
            *slot = Some(file);
        }
        match slot {
            Some(file) => file.push(entry),
            None => Ok(()),
        }
    }

    /// Closes the files and writes `manifest.json`; answers its key.
    fn finish(self, map_run_arn: &str) -> Result<(String, String), StatesError> {
        let list = |f: Option<ResultFile>| -> Result<Vec<Value>, StatesError> {
            f.map(ResultFile::finish).into_iter().collect()
        };
        let manifest = json!({
            "DestinationBucket": self.bucket,
            "MapRunArn": map_run_arn,
            "ResultFiles": {
                "FAILED": list(self.failed)?,
                "PENDING": [],
                "SUCCEEDED": list(self.succeeded)?,
            },
        });
        let key = format!("{}manifest.json", self.key_prefix);
        let path = self.dir.join("manifest.json");
        self.root
            .create_file(&self.bucket, &key, &self.dir, "manifest.json")
            .map_err(s3_failed)?
            .write_all(to_text(&manifest).as_bytes())
            .map_err(|e| writer_failed(&path, e))?;
        Ok((self.bucket, format!("{}manifest.json", self.key_prefix)))
    }
}

/// A finished child, as the result files show it (`Transformation: NONE`).
fn child_entry(record: &ExecutionRecord) -> Value {
    let mut e = Map::new();
    e.insert("ExecutionArn".into(), record.arn.clone().into());
    e.insert("Input".into(), record.input.clone().into());
    e.insert("InputDetails".into(), json!({"Included": true}));
    e.insert("Name".into(), record.name.clone().into());
    if let Some(o) = &record.output {
        e.insert("Output".into(), o.clone().into());
        e.insert("OutputDetails".into(), json!({"Included": true}));
    }
    if let Some(err) = &record.error {
        e.insert("Error".into(), err.clone().into());
    }
    if let Some(c) = &record.cause {
        e.insert("Cause".into(), c.clone().into());
    }
    e.insert("RedriveCount".into(), 0.into());
    let succeeded = record.status == "SUCCEEDED";
    e.insert(
        "RedriveStatus".into(),
        if succeeded {
            "NOT_REDRIVABLE"
        } else {
            "REDRIVABLE"
        }
        .into(),
    );
    if succeeded {
        e.insert(
            "RedriveStatusReason".into(),
            "Execution is SUCCEEDED and cannot be redriven".into(),
        );
    }
    // As the results files on S3 show dates: UTC, milliseconds.
    let date = |t: &str| {
        Value::String(
            parse_date(t)
                .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                .unwrap_or_default(),
        )
    };
    e.insert("StartDate".into(), date(&record.start_date));
    e.insert(
        "StateMachineArn".into(),
        record.state_machine_arn.clone().into(),
    );
    e.insert("Status".into(), record.status.clone().into());
    if let Some(stop) = &record.stop_date {
        e.insert("StopDate".into(), date(stop));
    }
    Value::Object(e)
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

/// Watches, from a thread of its own, for a stop of the map run's parent execution.
struct StopWatch {
    stop: Option<std::sync::mpsc::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl StopWatch {
    fn start(db: &Path, parent: &str, cancel: Arc<AtomicBool>) -> StopWatch {
        let (stop, stopped) = std::sync::mpsc::channel::<()>();
        let (db, parent) = (db.to_path_buf(), parent.to_string());
        let thread = std::thread::spawn(move || {
            let store = Store::open(&db).ok();
            loop {
                let stopping = super::owner::interrupted().is_some()
                    || store.as_ref().is_some_and(|s| {
                        leases::inbox(s, &parent).is_ok_and(|inbox| inbox.stop.is_some())
                    });
                if stopping {
                    cancel.store(true, Ordering::SeqCst);
                    return;
                }
                match stopped.recv_timeout(crate::engine::history::POLL_INTERVAL) {
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                    _ => return,
                }
            }
        });
        StopWatch {
            stop: Some(stop),
            thread: Some(thread),
        }
    }
}

impl Drop for StopWatch {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A child's history sink: keeps its events (none for Express children) and stops it
/// when its map run is cancelled.
struct ChildSink {
    events: Option<BufferSink>,
    cancel: Arc<AtomicBool>,
    stopped: bool,
}

impl EventSink for ChildSink {
    fn emit(&mut self, event: &HistoryEvent) {
        if let Some(events) = &mut self.events {
            events.emit(event);
        }
    }

    fn checkpoint(&mut self, _: &Execution, _: Checkpoint) -> Vec<Message> {
        if self.stopped || !self.cancel.load(Ordering::SeqCst) {
            return Vec::new();
        }
        self.stopped = true;
        vec![Message::Stop {
            error: None,
            cause: None,
        }]
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
mod tests {
    use super::*;

    fn request(count: Option<u64>, pct: Option<f64>) -> (Option<u64>, Option<f64>) {
        (count, pct)
    }

    fn over(tol: (Option<u64>, Option<f64>), failed: u64, total: Option<u64>) -> Option<bool> {
        let machine = crate::asl::definition::parse(
            &json!({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}),
        )
        .unwrap();
        let info = ExecutionInfo {
            execution_arn: String::new(),
            execution_name: String::new(),
            state_machine_arn: String::new(),
            state_machine_name: String::new(),
            role_arn: String::new(),
            input: Value::Null,
            input_text: String::new(),
            start_millis: 0,
            redrive_count: 0,
            region: String::new(),
            state_machine_version_arn: None,
            state_machine_alias_arn: None,
        };
        let req = MapRunRequest {
            map_run_arn: "",
            parent: &info,
            state_name: "M",
            label: None,
            machine: &machine,
            processor: 0,
            express: false,
            items: None,
            reader: None,
            batcher: None,
            writer: None,
            max_concurrency: 0,
            tolerated_count: tol.0,
            tolerated_percentage: tol.1,
            options: Default::default(),
        };
        over_tolerance(&req, failed, total)
    }

    #[test]
    fn tolerance_by_count_and_percentage() {
        assert_eq!(over(request(None, None), 0, Some(3)), Some(false));
        assert_eq!(over(request(None, None), 1, Some(3)), Some(true));
        assert_eq!(over(request(Some(1), None), 1, None), Some(false));
        assert_eq!(over(request(Some(1), None), 2, None), Some(true));
        assert_eq!(over(request(None, Some(50.0)), 1, Some(2)), Some(false));
        assert_eq!(over(request(None, Some(50.0)), 2, Some(3)), Some(true));
        // A streamed reader's total is known at the end only.
        assert_eq!(over(request(None, Some(50.0)), 1, None), None);
    }
}
