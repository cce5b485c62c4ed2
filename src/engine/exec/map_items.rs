//! Map inputs: ItemsPath/Items, failure tolerance, ItemSelector for one iteration.
use std::borrow::Cow;

use super::*;
use crate::asl::jsonata::{self, Bindings};

impl Execution {
    /// A Map state's effective input, items and `MaxConcurrency` (0: no limit).
    pub(super) fn map_items(
        &self,
        thread: &Thread,
        state: &State,
        map: &MapState,
        ctx: &Value,
    ) -> Result<(Value, Vec<Value>, i64), StatesError> {
        let vars = self.vars(thread);
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        // Only JSONata reads `$states`; building it copies the whole input.
        let states = if jsonata {
            data::states_binding(&thread.input, ctx, None, None)
        } else {
            Value::Null
        };
        let (effective, items) = if jsonata {
            let items = match &map.items {
                Some(items) => {
                    let v = items.evaluate(
                        "Items",
                        &Bindings {
                            states: &states,
                            vars: &vars,
                        },
                    )?;
                    match v {
                        Value::Array(a) => a,
                        other => {
                            return Err(StatesError::query_evaluation(format!(
                                "The JSONata expression '{}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '{}' for value: {}",
                                items
                                    .source()
                                    .map_or_else(|| to_text(&items.to_value()), String::from),
                                jsonata::type_name(&other),
                                to_text(&other)
                            )))
                        }
                    }
                }
                None => match &thread.input {
                    Value::Array(a) => a.clone(),
                    other => {
                        return Err(StatesError::query_evaluation(format!(
                            "Map state input must be an array but was: {}",
                            to_text(other)
                        )))
                    }
                },
            };
            (Cow::Borrowed(&thread.input), items)
        } else {
            // The input itself when there is no InputPath: copying a large one only to
            // read its items from it cost as much as the whole Map's bookkeeping.
            let effective = match state.input_path {
                PathField::Default => Cow::Borrowed(&thread.input),
                _ => Cow::Owned(self.input_path(thread, state, ctx)?),
            };
            let items = match &map.items_path {
                None => effective.clone().into_owned(),
                Some(p) => p.select(&Scope::new(effective.as_ref(), ctx, &vars))?,
            };
            let items = match items {
                Value::Array(a) => a,
                other => {
                    return Err(StatesError::runtime(format!(
                        "Map state input must be an array but was: {}",
                        to_text(&other)
                    )))
                }
            };
            (effective, items)
        };
        let concurrency = step::max_concurrency(
            &Flow::new(state, &thread.input, ctx, &vars),
            map,
            effective.as_ref(),
        )?;
        // The caller reads the effective input again only for ItemSelector and the
        // tolerance of a distributed Map.
        let effective = if map.item_selector.is_some() || map.mode == MapMode::Distributed {
            effective.into_owned()
        } else {
            Value::Null
        };
        Ok((effective, items, concurrency))
    }

    /// The Map's tolerated failures; invalid values are States.Runtime.
    pub(super) fn map_tolerance(
        &self,
        thread: &Thread,
        state: &State,
        map: &MapState,
        effective: &Value,
        ctx: &Value,
    ) -> Result<Tolerance, StatesError> {
        self.with_flow(thread, state, ctx, |flow| {
            step::tolerance(flow, map, effective)
        })
    }

    /// ItemSelector (or the item itself) for iteration `index`.
    pub(super) fn iteration_input(
        &self,
        fan: &Fan,
        index: usize,
        machine: &StateMachine,
    ) -> Result<Value, StatesError> {
        let item = fan.items.get(index).cloned().unwrap_or(Value::Null);
        let owner = self.frames.iter().rev().find_map(|f| match f {
            Frame::Thread(t) => Some(t),
            Frame::Fan(_) => None,
        });
        let Some(owner) = owner else {
            return Ok(item);
        };
        let Some(state) = machine.state(owner.block, &fan.owner_state) else {
            return Ok(item);
        };
        let Kind::Map(map) = &state.kind else {
            return Ok(item);
        };
        self.select_item(owner, state, map, &fan.input, index, item)
    }

    /// ItemSelector for one item, as an inline Map evaluates it.
    pub(super) fn select_item(
        &self,
        owner: &Thread,
        state: &State,
        map: &MapState,
        effective: &Value,
        index: usize,
        item: Value,
    ) -> Result<Value, StatesError> {
        let Some(selector) = &map.item_selector else {
            return Ok(item);
        };
        let ctx = self.context(
            owner,
            state,
            Some(("Map", json!({"Item": {"Index": index, "Value": item}}))),
        );
        let vars = self.vars(owner);
        let states = Flow::new(state, &owner.input, &ctx, &vars).states(None, None);
        let result = selector.evaluate(
            "ItemSelector",
            &Scope::new(effective, &ctx, &vars).with_states(&states),
        );
        result.map_err(|e| self.prefixed(owner, state, e))
    }
}
