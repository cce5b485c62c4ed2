//! The compile step: the engine's model of a state machine, built from the definition's
//! tree (`asl::ast`), which gives scopes, states, types, transitions and positions.
//!
//! Nested state blocks (Parallel branches, Map item processors) live in one flat table,
//! [`StateMachine::blocks`], addressed by [`BlockId`]: an execution refers to "state `S`
//! of block `b`" with plain data, which keeps running executions serializable.
//! Fields given as a value or a path are compiled into one [`Field`] each.
use indexmap::IndexMap;
use serde_json::{Map, Value};

use super::ast::{self, Body, Node, ScopeKind, StateType};
use super::choice;
use super::field::{Field, Path, Payload};
use super::jsonata::Expr;
pub use super::source::{parse_text, Document, Position, Span, SyntaxError};
use super::template::Template;

mod error;
mod handlers;
mod map;
mod model;

pub use error::DefinitionError;
pub use map::{
    CsvDelimiter, CsvHeaderLocation, InputType, ItemBatcher, ItemReader, OutputType, ReaderConfig,
    ResultWriter, Transformation, WriterConfig,
};
pub use model::{
    Block, BlockId, Catcher, Choice, ChoiceRule, Fail, Kind, MapMode, MapState, PathField, Retrier,
    State, StateMachine, Task, Transition, Wait,
};

pub use super::ast::QueryLanguage;

/// Parses a definition that is known to be valid JSON.
pub fn parse(source: &Value) -> Result<StateMachine, DefinitionError> {
    parse_owned(source.clone())
}

/// [`parse`] of a definition the machine keeps as its source, without copying it (a
/// large definition's copy was a visible share of starting an execution).
pub fn parse_owned(source: Value) -> Result<StateMachine, DefinitionError> {
    let mut machine = parse_located(&source, None)?;
    machine.source = source;
    Ok(machine)
}

/// Parses a definition read from text: its blocks and states know where they are written.
pub fn parse_document(document: &Document) -> Result<StateMachine, DefinitionError> {
    let mut machine = parse_located(&document.value, Some(&document.span))?;
    machine.source = document.value.clone();
    Ok(machine)
}

fn parse_located(source: &Value, span: Option<&Span>) -> Result<StateMachine, DefinitionError> {
    let tree = ast::Machine::read(source, span);
    let obj = tree.fields.ok_or(DefinitionError::NotAnObject)?;
    let missing: Vec<&str> = ["States", "StartAt"]
        .into_iter()
        .filter(|f| !obj.contains_key(*f))
        .collect();
    if !missing.is_empty() {
        return Err(DefinitionError::MissingFields(missing));
    }
    let query_language = match &tree.query_language {
        None => QueryLanguage::JsonPath,
        Some(node) => query_language(node)?,
    };
    let timeout_seconds = match &tree.timeout_seconds {
        None => None,
        Some(node) => Some(*node.ok().ok_or(DefinitionError::MachineTimeout)?),
    };
    // The callers set the source once the parse has succeeded.
    let mut machine = StateMachine {
        source: Value::Null,
        comment: tree
            .comment
            .as_ref()
            .and_then(Node::ok)
            .map(|c| c.to_string()),
        timeout_seconds,
        query_language,
        blocks: Vec::new(),
    };
    parse_block(&mut machine, &tree.scope, query_language)?;
    Ok(machine)
}

/// Unlike the validator (which reads any other value as JSONata, as AWS does), the engine
/// runs only the two languages there are.
fn query_language(node: &Node<QueryLanguage>) -> Result<QueryLanguage, DefinitionError> {
    node.ok()
        .copied()
        .ok_or_else(|| DefinitionError::QueryLanguage {
            at: node.location.clone(),
        })
}

/// The language of a state or scope: its own, or else the one it is nested in.
fn own_language(
    node: Option<&Node<QueryLanguage>>,
    inherited: QueryLanguage,
) -> Result<QueryLanguage, DefinitionError> {
    node.map_or(Ok(inherited), query_language)
}

/// A field of the wrong shape, as the compile step reports it.
fn wrong<T>(node: &Node<T>, field: &str, expected: &'static str) -> DefinitionError {
    DefinitionError::wrong_type(field, expected, node.location.clone())
}

/// Builds a scope into a new block and returns its id.
fn parse_block(
    machine: &mut StateMachine,
    scope: &ast::Scope,
    inherited: QueryLanguage,
) -> Result<BlockId, DefinitionError> {
    let at = &scope.location;
    let start_at = scope
        .start_at()
        .ok_or_else(|| DefinitionError::wrong_type("StartAt", "a string", format!("{at}/StartAt")))?
        .to_string();
    let tree_states = scope.states.as_ref().and_then(Node::ok).ok_or_else(|| {
        DefinitionError::wrong_type("States", "an object", format!("{at}/States"))
    })?;
    let language = own_language(scope.query_language.as_ref(), inherited)?;
    let id = machine.blocks.len();
    machine.blocks.push(Block {
        position: scope.position,
        start_at: start_at.clone(),
        states: IndexMap::new(),
    });
    let mut states = IndexMap::with_capacity(tree_states.len());
    for state in tree_states {
        states.insert(
            state.name.to_string(),
            parse_state(machine, state, language)?,
        );
    }
    if !states.contains_key(&start_at) {
        return Err(DefinitionError::MissingStart {
            target: start_at,
            at: format!("{at}/StartAt"),
        });
    }
    machine.blocks[id].states = states;
    Ok(id)
}

fn opt_string(
    obj: &Map<String, Value>,
    key: &str,
    at: &str,
) -> Result<Option<String>, DefinitionError> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(DefinitionError::wrong_type(
            key,
            "a string",
            format!("{at}/{key}"),
        )),
    }
}

fn path_field(obj: &Map<String, Value>, key: &str, at: &str) -> Result<PathField, DefinitionError> {
    match obj.get(key) {
        None => Ok(PathField::Default),
        Some(Value::Null) => Ok(PathField::Null),
        Some(Value::String(s)) => Ok(PathField::Path(Path::new(s))),
        Some(_) => Err(DefinitionError::wrong_type(
            key,
            "a string or null",
            format!("{at}/{key}"),
        )),
    }
}

fn mentions_context(value: &Value) -> bool {
    match value {
        Value::String(s) => s.contains("$$") || s.contains("$states"),
        Value::Array(items) => items.iter().any(mentions_context),
        Value::Object(map) => map
            .iter()
            .any(|(k, v)| k.contains("$$") || mentions_context(v)),
        _ => false,
    }
}

fn parse_state(
    machine: &mut StateMachine,
    state: &ast::State,
    inherited: QueryLanguage,
) -> Result<State, DefinitionError> {
    let at = state.location.as_str();
    let obj = state
        .fields
        .ok_or_else(|| DefinitionError::wrong_type("state", "an object", at.to_string()))?;
    let type_name = state
        .state_type
        .as_ref()
        .and_then(|node| node.raw.as_str())
        .ok_or_else(|| DefinitionError::Required {
            field: "Type",
            at: format!("{at}/Type"),
        })?;
    let query_language = own_language(state.query_language.as_ref(), inherited)?;
    let transition = match (&state.next, &state.end) {
        (
            Some(Node {
                parsed: Ok(next), ..
            }),
            _,
        ) => Transition::Next(next.to_string()),
        (
            None,
            Some(Node {
                parsed: Ok(true), ..
            }),
        ) => Transition::End,
        _ => Transition::None,
    };
    let kind = match (state.state_type(), &state.body) {
        (Some(StateType::Pass), _) => Kind::Pass {
            result: obj.get("Result").cloned(),
        },
        (Some(StateType::Task), Body::Task { resource }) => Kind::Task(Box::new(Task {
            resource: match resource {
                None => {
                    return Err(DefinitionError::Required {
                        field: "Resource",
                        at: format!("{at}/Resource"),
                    })
                }
                Some(node) => node
                    .ok()
                    .cloned()
                    .ok_or_else(|| wrong(node, "Resource", "a string"))?,
            },
            timeout_seconds: Field::pair(obj, "TimeoutSeconds", query_language, false, at)?,
            heartbeat_seconds: Field::pair(obj, "HeartbeatSeconds", query_language, false, at)?,
            credentials: obj
                .get("Credentials")
                .map(|c| Payload::new(c, query_language)),
        })),
        (Some(StateType::Choice), Body::Choice { choices, default }) => {
            let rules = choices.as_ref().and_then(Node::ok).ok_or_else(|| {
                DefinitionError::wrong_type("Choices", "an array", format!("{at}/Choices"))
            })?;
            let mut parsed_rules = Vec::with_capacity(rules.len());
            for tree_rule in rules {
                let rule = tree_rule.raw;
                let rule_at = &tree_rule.location;
                let rule_obj = tree_rule.fields.ok_or_else(|| {
                    DefinitionError::wrong_type("a choice rule", "an object", rule_at.clone())
                })?;
                let next = required_next(tree_rule)?;
                // A JSONata-only field: an expression in it is one whatever the language.
                let condition = rule_obj
                    .get("Condition")
                    .map(|c| Field::value("Condition", c, QueryLanguage::Jsonata));
                let parsed = if condition.is_none() {
                    Some(
                        choice::parse(rule).map_err(|source| DefinitionError::Choice {
                            at: rule_at.clone(),
                            source,
                        })?,
                    )
                } else {
                    None
                };
                parsed_rules.push(ChoiceRule {
                    rule: parsed,
                    condition,
                    next,
                    assign: rule_obj
                        .get("Assign")
                        .map(|a| Payload::new(a, query_language)),
                    output: rule_obj.get("Output").map(Expr::new),
                });
            }
            Kind::Choice(Box::new(Choice {
                choices: parsed_rules,
                default: match default {
                    None => None,
                    Some(Node { parsed: Ok(d), .. }) => Some(d.to_string()),
                    Some(node) => return Err(wrong(node, "Default", "a string")),
                },
            }))
        }
        (Some(StateType::Wait), _) => Kind::Wait(Box::new(Wait {
            seconds: Field::pair(obj, "Seconds", query_language, false, at)?,
            timestamp: Field::pair(obj, "Timestamp", query_language, false, at)?,
        })),
        (Some(StateType::Succeed), _) => Kind::Succeed,
        (Some(StateType::Fail), _) => Kind::Fail(Box::new(Fail {
            error: Field::pair(obj, "Error", query_language, true, at)?,
            cause: Field::pair(obj, "Cause", query_language, true, at)?,
        })),
        (Some(StateType::Parallel), Body::Parallel { branches }) => {
            let branches = branches.as_ref().and_then(Node::ok).ok_or_else(|| {
                DefinitionError::wrong_type("Branches", "an array", format!("{at}/Branches"))
            })?;
            let mut ids = Vec::with_capacity(branches.len());
            for branch in branches {
                if branch.fields.is_none() {
                    return Err(DefinitionError::wrong_type(
                        "a branch",
                        "an object",
                        branch.location.clone(),
                    ));
                }
                // An unmarked state in a branch takes the machine's language, not its
                // Parallel's (as the validator reads it, and AWS's documentation says).
                ids.push(parse_block(machine, branch, machine.query_language)?);
            }
            Kind::Parallel { branches: ids }
        }
        (Some(StateType::Map), Body::Map { processor }) => {
            let Some(processor) = processor else {
                return Err(DefinitionError::Required {
                    field: "ItemProcessor",
                    at: at.to_string(),
                });
            };
            if processor.fields.is_none() {
                let key = match processor.kind {
                    ScopeKind::Iterator => "Iterator",
                    _ => "ItemProcessor",
                };
                return Err(DefinitionError::wrong_type(
                    key,
                    "an object",
                    processor.location.clone(),
                ));
            }
            let mode = if processor.distributed {
                MapMode::Distributed
            } else {
                MapMode::Inline
            };
            let processor = parse_block(machine, processor, machine.query_language)?;
            Kind::Map(Box::new(MapState {
                processor,
                mode,
                items_path: opt_string(obj, "ItemsPath", at)?.map(|p| Path::new(&p)),
                items: obj.get("Items").map(Expr::new),
                item_selector: obj
                    .get("ItemSelector")
                    .or_else(|| obj.get("Parameters"))
                    .map(|s| Payload::new(s, query_language)),
                max_concurrency: Field::pair(obj, "MaxConcurrency", query_language, false, at)?,
                tolerated_failure_count: Field::pair(
                    obj,
                    "ToleratedFailureCount",
                    query_language,
                    false,
                    at,
                )?,
                tolerated_failure_percentage: Field::pair(
                    obj,
                    "ToleratedFailurePercentage",
                    query_language,
                    false,
                    at,
                )?,
                label: opt_string(obj, "Label", at)?,
                item_reader: ItemReader::parse(obj.get("ItemReader"), query_language, at)?,
                item_batcher: ItemBatcher::parse(obj.get("ItemBatcher"), query_language, at)?,
                result_writer: ResultWriter::parse(obj.get("ResultWriter"), query_language, at)?,
            }))
        }
        _ => {
            return Err(DefinitionError::UnknownType {
                name: type_name.to_string(),
                at: format!("{at}/Type"),
            })
        }
    };
    let is_map = matches!(kind, Kind::Map(_));
    let retry = handlers::parse_retry(obj, at)?;
    let catch = handlers::parse_catch(state, query_language)?;
    // The context object is read by `$$` paths and `$states` in JSONata. Nested states
    // are parsed on their own, so only this state's own fields count here.
    let uses_context = obj.iter().any(|(k, v)| {
        !matches!(k.as_str(), "Branches" | "ItemProcessor" | "Iterator") && mentions_context(v)
    });
    Ok(State {
        name: state.name.to_string(),
        position: state.position,
        kind,
        query_language,
        transition,
        input_path: path_field(obj, "InputPath", at)?,
        output_path: path_field(obj, "OutputPath", at)?,
        result_path: path_field(obj, "ResultPath", at)?,
        parameters: if is_map {
            None
        } else {
            obj.get("Parameters").map(Template::new)
        },
        result_selector: obj.get("ResultSelector").map(Template::new),
        arguments: obj.get("Arguments").map(Expr::new),
        output: obj.get("Output").map(Expr::new),
        assign: obj.get("Assign").map(|a| Payload::new(a, query_language)),
        retry,
        catch,
        uses_context,
    })
}

/// The `Next` a Choice rule or a catcher must have.
fn required_next(rule: &ast::Rule) -> Result<String, DefinitionError> {
    match &rule.next {
        None => Err(DefinitionError::Required {
            field: "Next",
            at: format!("{}/Next", rule.location),
        }),
        Some(Node {
            parsed: Ok(next), ..
        }) => Ok(next.to_string()),
        Some(node) => Err(wrong(node, "Next", "a string")),
    }
}

#[cfg(test)]
mod tests;
