//! Map and Parallel in TestState: the input steps run (items, selector, batches), the
//! children do not, and the mock is the result.
use super::*;

impl Runner<'_> {
    /// Map and Parallel: the input steps run, the children do not; the mock is the result.
    pub(super) fn mocked_fan(&mut self, map: Option<&MapState>) -> Result<Done, StatesError> {
        let items = match map {
            Some(map) => Some(self.map_items(map)?),
            None => {
                self.effective_input()?;
                None
            }
        };
        let result = match &self.test.mock {
            Some(Mock::Result(v)) => v.clone(),
            Some(Mock::Error(e)) => return Err(e.clone()),
            // The API refuses Map and Parallel without a mock before running them.
            None => return Err(StatesError::runtime("a Map or Parallel state needs a mock")),
        };
        if let (Some(failed), Some(total)) = (self.test.map_iteration_failure_count, items) {
            if failed > 0 && self.tolerance_exceeded(failed, total) {
                return Err(StatesError::new(
                    names::EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The specified tolerated failure threshold was exceeded",
                ));
            }
        }
        let (output, assigned) = self.state_output(result, None)?;
        Ok(Done {
            output,
            assigned,
            next: self.next(),
        })
    }

    /// Whether `failed` of `total` iterations exceed the tolerated failures. AWS checks
    /// only a Map that tolerates some failures; one that tolerates none is left as is.
    fn tolerance_exceeded(&self, failed: u64, total: usize) -> bool {
        let tolerance = Tolerance {
            count: self.inspection.tolerated_failure_count,
            percentage: self.inspection.tolerated_failure_percentage,
        };
        tolerance.is_set() && tolerance.tolerates(failed, Some(total as u64)) == Some(false)
    }

    /// InputPath, ItemsPath/Items (or the ItemReader's data), ItemSelector, ItemBatcher
    /// and the concurrency and tolerance settings; returns the item count.
    fn map_items(&mut self, map: &MapState) -> Result<usize, StatesError> {
        let jsonata = self.jsonata();
        let states = self.states(None, None);
        let effective = if jsonata {
            self.test.input.clone()
        } else {
            self.input_path()?
        };
        let mut items = if let Some(data) = &self.test.map_item_reader_data {
            data.clone()
        } else if jsonata {
            match &map.items {
                Some(items) => items.evaluate(
                    "Items",
                    &Bindings {
                        states: &states,
                        vars: &self.test.variables,
                    },
                )?,
                None => effective.clone(),
            }
        } else {
            match &map.items_path {
                Some(p) => {
                    let v = p.select(&self.scope(&effective))?;
                    self.inspection.record("afterItemsPath", &v);
                    v
                }
                None => effective.clone(),
            }
        };
        let Value::Array(list) = &mut items else {
            if jsonata {
                return Err(StatesError::query_evaluation(format!(
                    "The JSONata expression specified for the field 'Items' returned an unexpected result type. Expected 'array', but was: {}",
                    to_text(&items)
                )));
            }
            // AWS names a context path (`$$...`) by its path inside the context object.
            let at = map.items_path.as_ref().map_or("$", |p| p.text());
            let at = at
                .strip_prefix('$')
                .filter(|p| p.starts_with('$'))
                .unwrap_or(at);
            return Err(StatesError::runtime(format!(
                "Reference path \"{at}\" must point to array."
            )));
        };
        let list = std::mem::take(list);
        let total = list.len();
        self.map_settings(map, &effective)?;
        let selected = match &map.item_selector {
            Some(selector) => {
                let mut out = Vec::with_capacity(total);
                for (index, item) in list.into_iter().enumerate() {
                    let mut context = self.test.context.clone();
                    if let Value::Object(c) = &mut context {
                        c.insert(
                            "Map".into(),
                            json!({"Item": {"Index": index, "Value": item}}),
                        );
                    }
                    let states = Flow::new(
                        self.test.state,
                        &self.test.input,
                        &context,
                        &self.test.variables,
                    )
                    .states(None, None);
                    let scope =
                        Scope::new(&effective, &context, &self.test.variables).with_states(&states);
                    let value = selector.evaluate("ItemSelector", &scope)?;
                    out.push(value);
                }
                let out = Value::Array(out);
                self.inspection.record("afterItemSelector", &out);
                out
            }
            None => Value::Array(list),
        };
        if let Some(batcher) = &map.item_batcher {
            let batches = self.batches(batcher, selected, &effective, &states)?;
            self.inspection.record("afterItemBatcher", &batches);
        }
        Ok(total)
    }

    /// ItemBatcher: `{"Items": [...]}` objects of at most MaxItemsPerBatch items, each
    /// with the BatchInput fields.
    fn batches(
        &self,
        batcher: &ItemBatcher,
        items: Value,
        effective: &Value,
        states: &Value,
    ) -> Result<Value, StatesError> {
        let scope = self.scope(effective).with_states(states);
        let size = batcher
            .max_items_per_batch
            .as_ref()
            .map(|f| f.resolve(&scope))
            .transpose()?
            .and_then(|BatchLimit(n)| n)
            .filter(|n| *n > 0)
            .unwrap_or(u64::MAX) as usize;
        let batch_input = batcher
            .batch_input
            .as_ref()
            .map(|b| b.evaluate("BatchInput", &scope))
            .transpose()?;
        let Value::Array(items) = items else {
            return Ok(Value::Array(Vec::new()));
        };
        let batches = items
            .chunks(size.max(1))
            .map(|chunk| {
                let mut batch = Map::new();
                if let Some(Value::Object(extra)) = &batch_input {
                    batch.insert("BatchInput".into(), Value::Object(extra.clone()));
                }
                batch.insert("Items".into(), Value::Array(chunk.to_vec()));
                Value::Object(batch)
            })
            .collect();
        Ok(Value::Array(batches))
    }

    /// MaxConcurrency and the tolerated failure settings, as the inspection shows them.
    fn map_settings(&mut self, map: &MapState, effective: &Value) -> Result<(), StatesError> {
        let flow = self.flow();
        let concurrency = step::max_concurrency(&flow, map, effective)?;
        let tolerance = step::tolerance(&flow, map, effective)?;
        self.inspection.max_concurrency = Some(concurrency);
        self.inspection.tolerated_failure_count = tolerance.count;
        self.inspection.tolerated_failure_percentage = tolerance.percentage;
        Ok(())
    }
}
