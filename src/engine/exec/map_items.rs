//! Map inputs: ItemsPath/Items, failure tolerance, ItemSelector for one iteration.
use std::borrow::Cow;

use super::*;

pub(super) fn expression_text(value: &Value) -> String {
    match value {
        Value::String(s) => s
            .trim_start_matches("{%")
            .trim_end_matches("%}")
            .trim()
            .to_string(),
        other => to_text(other),
    }
}

pub(super) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl Execution {
    /// A Map state's effective input, items and `MaxConcurrency` (0: no limit).
    pub(super) fn map_items(
        &self,
        thread: &Thread,
        state: &State,
        map: &MapState,
        ctx: &Value,
    ) -> Result<(Value, Vec<Value>, i64), StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
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
                    let v = data::evaluate_jsonata(items, "Items", &states, &vars)?;
                    match v {
                        Value::Array(a) => a,
                        other => {
                            return Err(StatesError::query_evaluation(format!(
                                "The JSONata expression '{}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '{}' for value: {}",
                                expression_text(items),
                                json_type(&other),
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
                Some(p) => data::read(
                    p,
                    &Scope {
                        input: effective.as_ref(),
                        context: ctx,
                        vars: &vars,
                    },
                )
                .map_err(|e| data::invalid_path(p, &e))?,
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
        let concurrency = if let Some(p) = &map.max_concurrency_path {
            let value = data::read(
                p,
                &Scope {
                    input: effective.as_ref(),
                    context: ctx,
                    vars: &vars,
                },
            )
            .map_err(|e| data::invalid_path(p, &e))?;
            let parsed = match &value {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.trim().parse::<i64>().ok(),
                _ => None,
            };
            match parsed {
                Some(n) if n >= 0 => n,
                _ => {
                    let shown = match &value {
                        Value::String(s) => s.clone(),
                        other => to_text(other),
                    };
                    return Err(StatesError::runtime(format!(
                        "The MaxConcurrencyPath field refers to value \"{shown}\" which is not a valid integer: {p}"
                    )));
                }
            }
        } else if let Some(mc) = &map.max_concurrency {
            let v = if jsonata {
                data::evaluate_jsonata(mc, "MaxConcurrency", &states, &vars)?
            } else {
                mc.clone()
            };
            v.as_i64().unwrap_or(0)
        } else {
            0
        };
        // The caller reads the effective input again only for ItemSelector and the
        // tolerance of a distributed Map.
        let effective = if map.item_selector.is_some() || map.mode == MapMode::Distributed {
            effective.into_owned()
        } else {
            Value::Null
        };
        Ok((effective, items, concurrency))
    }

    /// Distributed Map tolerance settings; invalid values are States.Runtime.
    pub(super) fn map_tolerance(
        &self,
        thread: &Thread,
        state: &State,
        map: &MapState,
        effective: &Value,
        ctx: &Value,
    ) -> Result<(Option<u64>, Option<f64>), StatesError> {
        let vars = Scoped {
            inner: &thread.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let scope = Scope {
            input: effective,
            context: ctx,
            vars: &vars,
        };
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        let states = if jsonata {
            data::states_binding(&thread.input, ctx, None, None)
        } else {
            Value::Null
        };
        let resolve = |literal: &Option<Value>,
                       path: &Option<String>,
                       name: &str|
         -> Result<Option<(Value, Option<String>)>, StatesError> {
            if let Some(v) = literal {
                let v = if jsonata {
                    data::evaluate_jsonata(v, name, &states, &vars)?
                } else {
                    v.clone()
                };
                return Ok(Some((v, None)));
            }
            if let Some(p) = path {
                let v = data::read(p, &scope).map_err(|e| data::invalid_path(p, &e))?;
                return Ok(Some((v, Some(p.clone()))));
            }
            Ok(None)
        };
        let shown = |v: &Value| match v {
            Value::String(s) => s.clone(),
            other => to_text(other),
        };
        let count = match resolve(
            &map.tolerated_failure_count,
            &map.tolerated_failure_count_path,
            "ToleratedFailureCount",
        )? {
            None => None,
            Some((v, path)) => {
                let n = match &v {
                    Value::Number(n) => n.as_i64(),
                    Value::String(s) => s.trim().parse::<i64>().ok(),
                    _ => None,
                };
                match n {
                    Some(n) if n < 0 => {
                        return Err(StatesError::runtime("ToleratedFailureCount cannot be negative."))
                    }
                    Some(n) => Some(n as u64),
                    None => {
                        return Err(StatesError::runtime(format!(
                            "The ToleratedFailureCountPath field refers to value \"{}\" which is not a valid integer: {}",
                            shown(&v),
                            path.unwrap_or_default()
                        )))
                    }
                }
            }
        };
        let percentage = match resolve(
            &map.tolerated_failure_percentage,
            &map.tolerated_failure_percentage_path,
            "ToleratedFailurePercentage",
        )? {
            None => None,
            Some((v, path)) => {
                let n = match &v {
                    Value::Number(n) => n.as_f64(),
                    Value::String(s) => s.trim().parse::<f64>().ok(),
                    _ => None,
                };
                match n {
                    Some(n) if !(0.0..=100.0).contains(&n) => {
                        return Err(StatesError::runtime(
                            "ToleratedFailurePercentage must be between 0 and 100.",
                        ))
                    }
                    Some(n) => Some(n),
                    None => {
                        return Err(StatesError::runtime(format!(
                            "The ToleratedFailurePercentagePath field refers to value \"{}\" which is not a valid float: {}",
                            shown(&v),
                            path.unwrap_or_default()
                        )))
                    }
                }
            }
        };
        Ok((count, percentage))
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
        let vars = Scoped {
            inner: &owner.vars,
            parent: &StackVars {
                frames: &self.frames,
            },
        };
        let result = match state.query_language {
            QueryLanguage::JsonPath => data::evaluate_template(
                selector,
                &Scope {
                    input: effective,
                    context: &ctx,
                    vars: &vars,
                },
            ),
            QueryLanguage::Jsonata => {
                let states = data::states_binding(&owner.input, &ctx, None, None);
                data::evaluate_jsonata(selector, "ItemSelector", &states, &vars)
            }
        };
        result.map_err(|e| self.prefixed(owner, state, e))
    }
}
