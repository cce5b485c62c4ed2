//! A distributed Map handed to a [`MapRunner`]: the engine resolves the state's fields
//! (items or reader, batcher, writer, concurrency, tolerance), emits `MapStateStarted`
//! and `MapRunStarted`, lets the runner run the child executions, and continues with
//! `FanDone` as for any Map.
use serde_json::{json, Value};

use super::{data, Env, Execution, FanOutcome, Frame, Phase, Thread};
use crate::asl::definition::{
    ItemBatcher, ItemReader, MapState, QueryLanguage, ResultWriter, State,
};
use crate::asl::error::names;
use crate::asl::field::{BatchLimit, Field, FieldType, MaxConcurrency, MaxItems, Payload, Scope};
use crate::asl::StatesError;
use crate::engine::history::Checkpoint;
use crate::engine::map_run::{BatcherSpec, MapRunRequest, MapRunner, ReaderSpec, WriterSpec};
use crate::history::EventType;

type Started = Result<(), (Box<Thread>, StatesError)>;

/// What the reader, batcher and writer fields are evaluated against: the effective
/// input, the context, `$states` and the variables.
struct Fields<'a> {
    effective: &'a Value,
    ctx: &'a Value,
    states: Value,
    vars: &'a dyn crate::asl::Variables,
}

impl Fields<'_> {
    fn scope(&self) -> Scope<'_> {
        Scope::new(self.effective, self.ctx, self.vars).with_states(&self.states)
    }

    fn payload(&self, payload: &Payload, name: &str) -> Result<Value, StatesError> {
        payload.evaluate(name, &self.scope())
    }

    /// An optional field's value (`None` when the field is not given).
    fn resolve<T: FieldType>(&self, field: Option<&Field<T>>) -> Result<Option<T>, StatesError> {
        field.map(|f| f.resolve(&self.scope())).transpose()
    }
}

impl Execution {
    /// Starts a distributed Map through the runner; `Err` fails the state (States.Runtime,
    /// QueryEvaluationError) as `start_fan` does.
    pub(super) fn run_distributed(
        &mut self,
        mut thread: Thread,
        state: &State,
        map: &MapState,
        runner: &dyn MapRunner,
        env: &mut Env,
    ) -> Started {
        let ctx = self.context(&thread, state, None);
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let fail = |t: Thread, e: StatesError| Err((Box::new(t), e));
        // Items come from the state input unless a reader supplies them.
        let (effective, items, concurrency) = if map.item_reader.is_none() {
            match self.map_items(&thread, state, map, &ctx, true) {
                Ok(input) => (input.effective, Some(input.items), Some(input.concurrency)),
                Err(e) => return fail(thread, e),
            }
        } else {
            let effective = if jsonata {
                Ok(thread.input.clone())
            } else {
                self.input_path(&thread, state, &ctx)
            };
            match effective {
                Ok(v) => (v, None, None),
                Err(e) => return fail(thread, e),
            }
        };
        let vars = self.vars(&thread);
        let fields = Fields {
            effective: &effective,
            ctx: &ctx,
            states: data::states_binding(&thread.input, &ctx, None, None),
            vars: &vars,
        };
        // map_items read MaxConcurrency with the items; a reader's Map reads it here.
        let concurrency = match concurrency {
            Some(n) => n,
            None => match fields.resolve(map.max_concurrency.as_ref()) {
                Ok(n) => n.map_or(0, |MaxConcurrency(n)| n),
                Err(e) => return fail(thread, e),
            },
        };
        let concurrency = concurrency.max(0) as u64;
        // A reader setting AWS rejects (negative MaxItems) fails the run, after it started.
        let mut reader_error = None;
        let reader = match map.item_reader.as_ref().map(|r| reader_spec(r, &fields)) {
            Some(Err(e)) if e.error.as_deref() == Some(names::ITEM_READER_FAILED) => {
                reader_error = Some(e);
                None
            }
            Some(Err(e)) => return fail(thread, e),
            Some(Ok(spec)) => Some(spec),
            None => None,
        };
        let batcher = match map.item_batcher.as_ref().map(|b| batcher_spec(b, &fields)) {
            Some(Err(e)) => return fail(thread, e),
            Some(Ok(spec)) => Some(spec),
            None => None,
        };
        let writer = match map.result_writer.as_ref().map(|w| writer_spec(w, &fields)) {
            Some(Err(e)) => return fail(thread, e),
            Some(Ok(spec)) => Some(spec),
            None => None,
        };
        drop(fields);
        let length = items.as_ref().map_or(0, Vec::len);
        let started = self.emit(
            env.sink,
            thread.silent,
            EventType::MapStateStarted,
            thread.last_event,
            Some(json!({"length": length}).into()),
        );
        let tolerance = match self.map_tolerance(&thread, state, map, &effective, &ctx) {
            Ok(t) => t,
            Err(e) => {
                thread.last_event = started;
                return fail(thread, e);
            }
        };
        let arn = self.map_run_arn(map);
        let run_started = self.emit(
            env.sink,
            thread.silent,
            EventType::MapRunStarted,
            started,
            Some(json!({"mapRunArn": arn}).into()),
        );
        let express = crate::engine::map_run::raw_map_state(&env.machine.source, &state.name)
            .and_then(|s| s.get("ItemProcessor").or_else(|| s.get("Iterator")))
            .and_then(|p| p.pointer("/ProcessorConfig/ExecutionType"))
            .and_then(Value::as_str)
            == Some("EXPRESS");
        let request = MapRunRequest {
            map_run_arn: &arn,
            parent: &self.info,
            state_name: &state.name,
            label: map.label.as_deref(),
            machine: env.machine,
            processor: map.processor,
            express,
            items,
            reader,
            batcher,
            writer,
            max_concurrency: concurrency,
            tolerated_count: tolerance.count,
            tolerated_percentage: tolerance.percentage,
            options: env.options,
        };
        let selector = |index: usize, item: Value| {
            self.select_item(&thread, state, map, &effective, index, item)
        };
        let ran = match reader_error {
            Some(e) => Err(e),
            None => runner.run(&request, &selector),
        };
        let outcome = match ran {
            Ok(result) => FanOutcome::Produced {
                result,
                last_event: run_started,
            },
            Err(err) => FanOutcome::Failed {
                error: err.error,
                cause: err.cause,
                failure_event: run_started,
            },
        };
        let failed = matches!(outcome, FanOutcome::Failed { .. });
        thread.last_event = run_started;
        thread.phase = Phase::FanDone { outcome };
        self.frames.push(Frame::Thread(Box::new(thread)));
        if failed {
            // A map run also fails when its execution is being stopped (its children
            // were aborted with it): the stop comes first, before any Catch.
            let messages = env.sink.checkpoint(self, Checkpoint::Busy);
            self.apply(messages, env);
        }
        Ok(())
    }

    /// `arn:…:mapRun:<machine name>/<Label or a generated id>:<uuid>`.
    pub(super) fn map_run_arn(&self, map: &MapState) -> String {
        let label = map
            .label
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        format!(
            "{}:mapRun:{}/{}:{}",
            self.info
                .state_machine_arn
                .rsplit_once(":stateMachine:")
                .map(|(prefix, _)| prefix.to_string())
                .unwrap_or_default(),
            self.info.state_machine_name,
            label,
            uuid::Uuid::new_v4()
        )
    }
}

fn reader_spec(reader: &ItemReader, fields: &Fields) -> Result<ReaderSpec, StatesError> {
    let parameters = match &reader.parameters {
        Some(p) => fields.payload(p, "Arguments")?,
        None => json!({}),
    };
    let max_items = fields.resolve(reader.max_items.as_ref())?;
    Ok(ReaderSpec {
        resource: reader.resource.clone(),
        parameters,
        config: reader.config.clone(),
        max_items: max_items.map_or(0, |MaxItems(n)| n),
    })
}

fn batcher_spec(batcher: &ItemBatcher, fields: &Fields) -> Result<BatcherSpec, StatesError> {
    let limit = |field: Option<&Field<BatchLimit>>| -> Result<Option<u64>, StatesError> {
        Ok(fields.resolve(field)?.and_then(|BatchLimit(n)| n))
    };
    Ok(BatcherSpec {
        max_items: limit(batcher.max_items_per_batch.as_ref())?,
        max_bytes: limit(batcher.max_input_bytes_per_batch.as_ref())?,
        batch_input: match &batcher.batch_input {
            Some(b) => Some(fields.payload(b, "BatchInput")?),
            None => None,
        },
    })
}

fn writer_spec(writer: &ResultWriter, fields: &Fields) -> Result<WriterSpec, StatesError> {
    let parameters = match &writer.parameters {
        Some(p) => Some(fields.payload(p, "Arguments")?),
        None => None,
    };
    Ok(WriterSpec {
        parameters,
        transformation: writer.transformation(),
        output_type: writer.output_type(),
    })
}
