//! Distributed Map runs: what the engine hands over when a Map state with
//! `ProcessorConfig.Mode: DISTRIBUTED` starts, and the pure parts of a run (batching,
//! result shapes). The engine resolves every field of the state (paths, templates,
//! JSONata) into a [`MapRunRequest`]; a [`MapRunner`] (the API layer, which owns the
//! store) creates the map run and its child executions and answers the Map's result.
use serde_json::{json, Map, Value};

use super::exec::{ExecutionInfo, Options};
use crate::asl::definition::{BlockId, OutputType, ReaderConfig, StateMachine, Transformation};
use crate::asl::StatesError;

/// Where the items come from once `ItemReader` is resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderSpec {
    /// `arn:aws:states:::s3:getObject` or `…:s3:listObjectsV2` (also the `aws-sdk:s3:` forms).
    pub resource: String,
    /// Evaluated `Parameters`/`Arguments`: `Bucket`, `Key` or `Prefix`.
    pub parameters: Value,
    /// `ReaderConfig` (InputType, CSV layout, ItemsPointer); `MaxItems` is resolved below.
    pub config: ReaderConfig,
    /// 0 = no limit.
    pub max_items: u64,
}

/// A resolved `ItemBatcher`.
#[derive(Debug, Clone, PartialEq)]
pub struct BatcherSpec {
    pub max_items: Option<u64>,
    pub max_bytes: Option<u64>,
    /// Evaluated `BatchInput`.
    pub batch_input: Option<Value>,
}

/// A resolved `ResultWriter`.
#[derive(Debug, Clone, PartialEq)]
pub struct WriterSpec {
    /// Evaluated `Parameters`/`Arguments` (`Bucket`, `Prefix`); `None` with only a
    /// `WriterConfig` (results are shaped but not exported).
    pub parameters: Option<Value>,
    pub transformation: Transformation,
    pub output_type: OutputType,
}

/// Everything a map run needs, resolved by the engine.
pub struct MapRunRequest<'a> {
    pub map_run_arn: &'a str,
    pub parent: &'a ExecutionInfo,
    pub state_name: &'a str,
    pub label: Option<&'a str>,
    /// The parent's definition; children run `processor`.
    pub machine: &'a StateMachine,
    pub processor: BlockId,
    /// `ProcessorConfig.ExecutionType` is `EXPRESS`.
    pub express: bool,
    /// The items when there is no reader (`ItemsPath` / `Items`).
    pub items: Option<Vec<Value>>,
    pub reader: Option<ReaderSpec>,
    pub batcher: Option<BatcherSpec>,
    pub writer: Option<WriterSpec>,
    /// 0 = unbounded.
    pub max_concurrency: u64,
    pub tolerated_count: Option<u64>,
    pub tolerated_percentage: Option<f64>,
    pub options: Options,
}

/// `ItemSelector` (or the item itself) for the item at an index.
pub type Selector<'a> = dyn Fn(usize, Value) -> Result<Value, StatesError> + 'a;

/// Runs a map run to its end: `Ok` is the Map state's result (the children's outputs in
/// item order, or `{"MapRunArn", "ResultWriterDetails"}` with a writer), `Err` the error
/// the map run failed with (`MapRunFailed`).
pub trait MapRunner {
    fn run(&self, request: &MapRunRequest, selector: &Selector) -> Result<Value, StatesError>;
}

/// Cuts a stream of (selected) items into child inputs: each item alone, or batches
/// `{"BatchInput": …, "Items": […]}` bounded by `MaxItemsPerBatch` and
/// `MaxInputBytesPerBatch`. Holds at most one batch.
pub struct Batches<I> {
    items: I,
    spec: Option<BatcherSpec>,
    held: Option<Value>,
}

impl<I: Iterator<Item = Result<Value, StatesError>>> Batches<I> {
    pub fn new(items: I, spec: Option<BatcherSpec>) -> Self {
        Batches {
            items,
            spec,
            held: None,
        }
    }
}

/// One child input and how many items it carries.
pub type ChildInput = (Value, usize);

fn batch_value(batch_input: &Option<Value>, items: Vec<Value>) -> Value {
    let mut out = Map::new();
    if let Some(b) = batch_input {
        out.insert("BatchInput".into(), b.clone());
    }
    out.insert("Items".into(), Value::Array(items));
    Value::Object(out)
}

impl<I: Iterator<Item = Result<Value, StatesError>>> Iterator for Batches<I> {
    type Item = Result<ChildInput, StatesError>;

    fn next(&mut self) -> Option<Self::Item> {
        let Some(spec) = &self.spec else {
            return self.items.next().map(|r| r.map(|v| (v, 1)));
        };
        let max_items = spec.max_items.filter(|n| *n > 0).unwrap_or(u64::MAX) as usize;
        let max_bytes = spec.max_bytes.filter(|n| *n > 0).map(|n| n as usize);
        let base = crate::history::text::to_text(&batch_value(&spec.batch_input, Vec::new())).len();
        let mut batch = Vec::new();
        let mut bytes = base;
        loop {
            let item = match self.held.take() {
                Some(v) => v,
                None => match self.items.next() {
                    Some(Ok(v)) => v,
                    Some(Err(e)) => return Some(Err(e)),
                    None => break,
                },
            };
            let size = crate::history::text::to_text(&item).len() + usize::from(!batch.is_empty());
            if let Some(limit) = max_bytes {
                // An item that fills a batch alone still goes, alone.
                if !batch.is_empty() && bytes + size > limit {
                    self.held = Some(item);
                    break;
                }
            }
            bytes += size;
            batch.push(item);
            if batch.len() >= max_items {
                break;
            }
        }
        if batch.is_empty() {
            return None;
        }
        let n = batch.len();
        Some(Ok((batch_value(&spec.batch_input, batch), n)))
    }
}

/// A child's output as the Map result shows it under `Transformation` (`FLATTEN` splices
/// array outputs in; `COMPACT`/`NONE` keep them whole).
pub fn push_result(results: &mut Vec<Value>, output: Value, transformation: Transformation) {
    match (transformation, output) {
        (Transformation::Flatten, Value::Array(items)) => results.extend(items),
        (_, output) => results.push(output),
    }
}

/// `ResultWriterDetails` of a map run whose results were exported.
pub fn writer_result(map_run_arn: &str, bucket: &str, key: &str) -> Value {
    json!({
        "MapRunArn": map_run_arn,
        "ResultWriterDetails": {"Bucket": bucket, "Key": key},
    })
}

/// The raw JSON of the distributed Map state `name` in a definition (for fields the
/// parsed definition does not keep, such as `ProcessorConfig.ExecutionType`).
pub fn raw_map_state<'a>(source: &'a Value, name: &str) -> Option<&'a Value> {
    let states = source.get("States")?.as_object()?;
    if let Some(s) = states.get(name) {
        if s.get("Type").and_then(Value::as_str) == Some("Map") {
            return Some(s);
        }
    }
    states.values().find_map(|s| {
        let branches = s.get("Branches").and_then(Value::as_array);
        let inner = [s.get("ItemProcessor"), s.get("Iterator")];
        inner
            .into_iter()
            .flatten()
            .chain(branches.into_iter().flatten())
            .find_map(|b| raw_map_state(b, name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> impl Iterator<Item = Result<Value, StatesError>> {
        (0..n).map(|i| Ok(json!(i)))
    }

    #[test]
    fn without_batcher_each_item_is_a_child() {
        let out: Vec<_> = Batches::new(items(3), None).map(Result::unwrap).collect();
        assert_eq!(out, vec![(json!(0), 1), (json!(1), 1), (json!(2), 1)]);
    }

    #[test]
    fn batches_by_count_with_batch_input() {
        let spec = BatcherSpec {
            max_items: Some(2),
            max_bytes: None,
            batch_input: Some(json!({"k": 1})),
        };
        let out: Vec<_> = Batches::new(items(5), Some(spec))
            .map(Result::unwrap)
            .collect();
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].0, json!({"BatchInput": {"k": 1}, "Items": [0, 1]}));
        assert_eq!(out[2], (json!({"BatchInput": {"k": 1}, "Items": [4]}), 1));
    }

    #[test]
    fn batches_by_bytes() {
        // `{"Items":[]}` is 12 bytes; each one-digit item adds 1, plus a comma after the first.
        let spec = BatcherSpec {
            max_items: None,
            max_bytes: Some(16),
            batch_input: None,
        };
        let out: Vec<_> = Batches::new(items(6), Some(spec))
            .map(|r| r.unwrap().1)
            .collect();
        assert_eq!(out, vec![2, 2, 2]);
    }

    #[test]
    fn flatten_splices_arrays() {
        let mut r = Vec::new();
        push_result(&mut r, json!([1, 2]), Transformation::Flatten);
        push_result(&mut r, json!(3), Transformation::Flatten);
        push_result(&mut r, json!([4]), Transformation::Compact);
        assert_eq!(r, vec![json!(1), json!(2), json!(3), json!([4])]);
    }
}
