//! Map inputs: ItemsPath/Items, failure tolerance, ItemSelector for one iteration.
use std::borrow::Cow;

use super::*;
use crate::asl::field::{invalid_path, Path};
use crate::asl::jsonata::{self, Bindings};

/// A Map state's effective input, its items and `MaxConcurrency` (0: no limit).
pub(super) struct MapInput {
    /// `null` unless ItemSelector, a distributed Map's tolerance or the items read it.
    pub effective: Value,
    /// The items when they are [`ItemsAt::Listed`].
    pub items: Vec<Value>,
    pub at: ItemsAt,
    /// How many items there are.
    pub len: usize,
    pub concurrency: i64,
}

/// Where an inline Map's iterations find their items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum ItemsAt {
    /// In [`Fan::items`], each moved out when its iteration starts.
    #[default]
    Listed,
    /// In the Map state's raw input (the array its ItemsPath selects there, or the input
    /// itself), which the state's thread keeps unchanged while the iterations run.
    OwnerInput,
    /// Likewise in the effective input the fan keeps ([`Fan::input`]).
    Effective,
}

/// Whether a Map's iterations may move their items out of the input they are in: when
/// nothing reads that input once the items are read (no ItemSelector; for the state's own
/// raw input, no ResultPath, Retry or Catch that brings it back). A large items array is
/// then held once, shrinking as the results grow, instead of beside them.
pub(super) fn consumable(state: &State, map: &MapState, at: ItemsAt) -> bool {
    if map.item_selector.is_some() || state.query_language != QueryLanguage::JsonPath {
        return false;
    }
    match at {
        ItemsAt::Listed => false,
        ItemsAt::Effective => true,
        ItemsAt::OwnerInput => {
            state.retry.is_empty()
                && dataflow::is_identity(&state.result_path)
                && state
                    .catch
                    .iter()
                    .all(|c| dataflow::is_identity(&c.result_path))
        }
    }
}

/// Item `index` of the array `items_path` selects in `base` (or of `base` itself).
fn in_place_item(items_path: Option<&Path>, base: &Value, index: usize) -> Option<Value> {
    let array = match items_path {
        None => Cow::Borrowed(base),
        Some(path) => path.read_input(base).ok()?,
    };
    match array.as_ref() {
        Value::Array(items) => items.get(index).cloned(),
        _ => None,
    }
}

impl Execution {
    /// A Map state's effective input, items and `MaxConcurrency` (0: no limit). With
    /// `listed`, the items are always copied out into [`MapInput::items`]; otherwise items
    /// that stay where they are while the iterations run (an array in the state's input)
    /// are left there and read one at a time ([`ItemsAt`]): copying a large items array
    /// cost as much time as the iterations' own bookkeeping and held it twice.
    pub(super) fn map_items(
        &self,
        thread: &Thread,
        state: &State,
        map: &MapState,
        ctx: &Value,
        listed: bool,
    ) -> Result<MapInput, StatesError> {
        let vars = self.vars(thread);
        let jsonata = state.query_language == QueryLanguage::Jsonata;
        // Only JSONata reads `$states`; building it copies the whole input.
        let states = if jsonata {
            data::states_binding(&thread.input, ctx, None, None)
        } else {
            Value::Null
        };
        let (effective, items, at, len) = if jsonata {
            let (items, at, len) = match &map.items {
                Some(items) => {
                    let v = items.evaluate(
                        "Items",
                        &Bindings {
                            states: &states,
                            vars: &vars,
                        },
                    )?;
                    match v {
                        Value::Array(a) => {
                            let len = a.len();
                            (a, ItemsAt::Listed, len)
                        }
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
                    Value::Array(a) if listed => (a.clone(), ItemsAt::Listed, a.len()),
                    Value::Array(a) => (Vec::new(), ItemsAt::OwnerInput, a.len()),
                    other => {
                        return Err(StatesError::query_evaluation(format!(
                            "Map state input must be an array but was: {}",
                            to_text(other)
                        )))
                    }
                },
            };
            (Cow::Borrowed(&thread.input), items, at, len)
        } else {
            // The input itself when there is no InputPath: copying a large one only to
            // read its items from it cost as much as the whole Map's bookkeeping.
            let effective = match state.input_path {
                PathField::Default => Cow::Borrowed(&thread.input),
                _ => Cow::Owned(self.input_path(thread, state, ctx)?),
            };
            let selected = match &map.items_path {
                None => Cow::Borrowed(effective.as_ref()),
                Some(p) => p
                    .read(&Scope::new(effective.as_ref(), ctx, &vars))
                    .map_err(|e| invalid_path(p.text(), &e))?,
            };
            let Value::Array(array) = selected.as_ref() else {
                return Err(StatesError::runtime(format!(
                    "Map state input must be an array but was: {}",
                    to_text(&selected)
                )));
            };
            let len = array.len();
            // Items read in place: an array in the effective input (not one a filter
            // built, nor one in the context object or a variable).
            let in_place = !listed
                && matches!(selected, Cow::Borrowed(_))
                && map.items_path.as_ref().is_none_or(|p| p.reads_input());
            let (items, at) = if !in_place {
                let items = match selected {
                    Cow::Owned(Value::Array(a)) => a,
                    other => match other.into_owned() {
                        Value::Array(a) => a,
                        _ => Vec::new(),
                    },
                };
                (items, ItemsAt::Listed)
            } else if matches!(effective, Cow::Borrowed(_)) {
                (Vec::new(), ItemsAt::OwnerInput)
            } else {
                (Vec::new(), ItemsAt::Effective)
            };
            (effective, items, at, len)
        };
        let concurrency = step::max_concurrency(
            &Flow::new(state, &thread.input, ctx, &vars),
            map,
            effective.as_ref(),
        )?;
        // The caller reads the effective input again for ItemSelector, the tolerance of a
        // distributed Map and items read from it.
        let effective = if map.item_selector.is_some()
            || map.mode == MapMode::Distributed
            || at == ItemsAt::Effective
        {
            effective.into_owned()
        } else {
            Value::Null
        };
        Ok(MapInput {
            effective,
            items,
            at,
            len,
            concurrency,
        })
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

    /// ItemSelector (or the item itself) for iteration `index`. A listed item is moved out
    /// of the fan: no one reads it again; so is an item in place that the state will not
    /// read again ([`Fan::consume`]).
    pub(super) fn iteration_input(
        &mut self,
        fan: &mut Fan,
        index: usize,
        machine: &StateMachine,
    ) -> Result<Value, StatesError> {
        if fan.consume && fan.items_at != ItemsAt::Listed {
            let items_path = self
                .frames
                .iter()
                .rev()
                .find_map(|f| match f {
                    Frame::Thread(t) => machine.state(t.block, &fan.owner_state),
                    Frame::Fan(_) => None,
                })
                .and_then(|state| match &state.kind {
                    Kind::Map(map) => map.items_path.as_ref(),
                    _ => None,
                });
            let base = match fan.items_at {
                ItemsAt::Effective => Some(&mut fan.input),
                _ => self.frames.iter_mut().rev().find_map(|f| match f {
                    Frame::Thread(t) => Some(&mut t.input),
                    Frame::Fan(_) => None,
                }),
            };
            let array = match (base, items_path) {
                (Some(base), None) => Some(base),
                (Some(base), Some(path)) => path.get_mut(base),
                (None, _) => None,
            };
            let item = match array {
                Some(Value::Array(items)) => items.get_mut(index).map(std::mem::take),
                _ => None,
            };
            return Ok(item.unwrap_or(Value::Null));
        }
        let owner = self.frames.iter().rev().find_map(|f| match f {
            Frame::Thread(t) => Some(t),
            Frame::Fan(_) => None,
        });
        let state = owner.and_then(|o| machine.state(o.block, &fan.owner_state));
        let map = match state.map(|s| &s.kind) {
            Some(Kind::Map(map)) => Some(map),
            _ => None,
        };
        // ItemsPath is JSONPath's; a JSONata Map's items are its input itself.
        let items_path = match (state, map) {
            (Some(s), Some(m)) if s.query_language == QueryLanguage::JsonPath => {
                m.items_path.as_ref()
            }
            _ => None,
        };
        let item = match fan.items_at {
            ItemsAt::Listed => fan.items.get_mut(index).map(std::mem::take),
            ItemsAt::OwnerInput => owner.and_then(|o| in_place_item(items_path, &o.input, index)),
            ItemsAt::Effective => in_place_item(items_path, &fan.input, index),
        }
        .unwrap_or(Value::Null);
        let (Some(owner), Some(state), Some(map)) = (owner, state, map) else {
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

#[cfg(test)]
mod tests {
    use super::super::tests::info;
    use super::*;
    use crate::asl::definition;
    use crate::engine::task::NoTasks;

    struct Discard;

    impl EventSink for Discard {
        fn emit(&mut self, _: &HistoryEvent) {}
    }

    /// Runs the one-state machine `map` (a Map named `M`) on `input`; its status.
    fn run(map: Value, input: Value) -> Status {
        run_machine(json!({"StartAt": "M", "States": {"M": map}}), input)
    }

    /// Runs `definition` to its end on `input`; its status.
    fn run_machine(definition: Value, input: Value) -> Status {
        let machine = definition::parse(&definition).unwrap();
        let info = ExecutionInfo {
            input_text: input.to_string(),
            input,
            ..info()
        };
        let mut sink = Discard;
        let mut execution = Execution::start(&machine, info, &Clock::system(), &mut sink);
        execution.run(&mut Env {
            machine: &machine,
            tasks: &NoTasks,
            sink: &mut sink,
            options: Options::default(),
        });
        execution.status
    }

    /// A Map state over `$.items` whose iterations fail on an item `{"fail": true}` and
    /// give `{"v": <n>}` otherwise, with `extra` fields.
    fn map(extra: Value) -> Value {
        let mut map = json!({"Type": "Map", "End": true, "ItemsPath": "$.items",
            "ItemProcessor": {"StartAt": "C", "States": {
                "C": {"Type": "Choice", "Default": "P", "Choices": [
                    {"Variable": "$.fail", "IsPresent": true, "Next": "F"}]},
                "F": {"Type": "Fail", "Error": "Boom", "Cause": "item"},
                "P": {"Type": "Pass", "Parameters": {"v.$": "$.n"}, "End": true}}}});
        if let (Value::Object(map), Value::Object(extra)) = (&mut map, extra) {
            map.extend(extra);
        }
        map
    }

    fn succeeded(output: Value) -> Status {
        Status::Succeeded { output }
    }

    #[test]
    fn items_read_in_place_give_each_iteration_its_item() {
        let input = json!({"keep": 7, "items": [{"n": 1}, {"n": 2}, {"n": 3}]});
        let results = json!([{"v": 1}, {"v": 2}, {"v": 3}]);
        // Moved out (nothing reads the input again), kept (ResultPath brings it back).
        assert_eq!(
            run(map(json!({})), input.clone()),
            succeeded(results.clone())
        );
        let mut kept = input.clone();
        kept["r"] = results.clone();
        assert_eq!(
            run(map(json!({"ResultPath": "$.r"})), input.clone()),
            succeeded(kept)
        );
        // In the effective input (InputPath), and one at a time (MaxConcurrency 1).
        let wrapped = json!({"w": input.clone()});
        assert_eq!(
            run(
                map(json!({"InputPath": "$.w", "MaxConcurrency": 1})),
                wrapped
            ),
            succeeded(results.clone())
        );
        // The input itself (no ItemsPath).
        let mut whole = map(json!({}));
        whole.as_object_mut().unwrap().remove("ItemsPath");
        assert_eq!(
            run(whole, input["items"].clone()),
            succeeded(results.clone())
        );
        // ItemSelector reads the whole input beside each item.
        let selector = json!({"ItemSelector": {
            "n.$": "$$.Map.Item.Value.n", "k.$": "$.keep", "i.$": "$$.Map.Item.Index"},
            "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}});
        assert_eq!(
            run(map(selector), input.clone()),
            succeeded(json!([{"n": 1, "k": 7, "i": 0}, {"n": 2, "k": 7, "i": 1},
                {"n": 3, "k": 7, "i": 2}]))
        );
        // Items a filter selects are a copy, listed in the fan.
        assert_eq!(
            run(map(json!({"ItemsPath": "$.items[?(@.n > 1)]"})), input),
            succeeded(json!([{"v": 2}, {"v": 3}]))
        );
    }

    #[test]
    fn a_caught_failure_finds_the_input_whole() {
        let input = json!({"items": [{"n": 1}, {"fail": true}, {"n": 3}]});
        let catch = json!({"Catch": [
            {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done"}],
            "End": null, "Next": "Done"});
        let mut definition = map(catch);
        definition.as_object_mut().unwrap().remove("End");
        let machine = json!({"StartAt": "M", "States": {
            "M": definition, "Done": {"Type": "Pass", "End": true}}});
        let status = run_machine(machine, input.clone());
        let mut expected = input;
        expected["error"] = json!({"Error": "Boom", "Cause": "item"});
        assert_eq!(status, succeeded(expected));
    }

    #[test]
    fn items_are_moved_out_only_when_nothing_reads_the_input_again() {
        let consumable_with = |extra: Value| {
            let machine = definition::parse(&json!({"StartAt": "M", "States": {
                "M": map(extra), "N": {"Type": "Pass", "End": true}}}))
            .unwrap();
            let state = machine.state(0, "M").unwrap();
            let Kind::Map(map) = &state.kind else {
                panic!("not a Map")
            };
            [ItemsAt::OwnerInput, ItemsAt::Effective].map(|at| consumable(state, map, at))
        };
        assert_eq!(consumable_with(json!({})), [true, true]);
        assert_eq!(consumable_with(json!({"ResultPath": "$"})), [true, true]);
        assert_eq!(consumable_with(json!({"ResultPath": "$.r"})), [false, true]);
        assert_eq!(consumable_with(json!({"ResultPath": null})), [false, true]);
        assert_eq!(
            consumable_with(json!({"Retry": [{"ErrorEquals": ["States.ALL"]}]})),
            [false, true]
        );
        assert_eq!(
            consumable_with(json!({"Catch": [
                {"ErrorEquals": ["States.ALL"], "ResultPath": "$.e", "Next": "N"}]})),
            [false, true]
        );
        assert_eq!(
            consumable_with(json!({"Catch": [{"ErrorEquals": ["States.ALL"], "Next": "N"}]})),
            [true, true]
        );
        assert_eq!(
            consumable_with(json!({"ItemSelector": {"x.$": "$"}})),
            [false, false]
        );
    }
}
