//! The compiled model of a state machine: what the compile step (`super`) builds and the
//! engine runs.
use indexmap::IndexMap;
use serde_json::Value;

use super::map::{ItemBatcher, ItemReader, ResultWriter};
use super::QueryLanguage;
use crate::asl::choice;
use crate::asl::field::{
    FailureCount, FailurePercentage, Field, MaxConcurrency, Path, Payload, TaskSeconds, Timestamp,
    WaitSeconds,
};
use crate::asl::jsonata::Expr;
use crate::asl::resource::TaskResource;
use crate::asl::source::Position;
use crate::asl::template::Template;
/// Index into [`StateMachine::blocks`]; block 0 is the top-level machine.
pub type BlockId = usize;

/// A parsed definition.
#[derive(Debug, Clone)]
pub struct StateMachine {
    pub source: Value,
    pub comment: Option<String>,
    pub timeout_seconds: Option<u64>,
    pub query_language: QueryLanguage,
    pub blocks: Vec<Block>,
}

/// A `StartAt` + `States` pair: the machine itself, a Parallel branch or a Map processor.
#[derive(Debug, Clone)]
pub struct Block {
    /// Where the object holding `StartAt` and `States` is written, when parsed from a
    /// [`Document`].
    pub position: Option<Position>,
    pub start_at: String,
    pub states: IndexMap<String, State>,
}

/// A path field (`InputPath`, `OutputPath`, `ResultPath`): absent means `$`, `null` has
/// its own meaning.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PathField {
    #[default]
    Default,
    Null,
    Path(Path),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transition {
    Next(String),
    End,
    /// Choice, Succeed and Fail decide for themselves.
    None,
}

#[derive(Debug, Clone)]
pub struct State {
    pub name: String,
    /// Where the state's name is written, when parsed from a [`Document`].
    pub position: Option<Position>,
    pub kind: Kind,
    pub query_language: QueryLanguage,
    pub transition: Transition,
    pub input_path: PathField,
    pub output_path: PathField,
    pub result_path: PathField,
    pub parameters: Option<Template>,
    pub result_selector: Option<Template>,
    pub arguments: Option<Expr>,
    pub output: Option<Expr>,
    pub assign: Option<Payload>,
    pub retry: Vec<Retrier>,
    pub catch: Vec<Catcher>,
    /// Whether any field mentions the context object (`$$` or `$states.context`), so the
    /// engine builds it only when it can be read.
    pub uses_context: bool,
}

#[derive(Debug, Clone)]
pub enum Kind {
    Pass { result: Option<Value> },
    Task(Box<Task>),
    Choice(Box<Choice>),
    Wait(Box<Wait>),
    Succeed,
    Fail(Box<Fail>),
    Parallel { branches: Vec<BlockId> },
    Map(Box<MapState>),
}

impl Kind {
    /// The prefix of the state's history events (`Pass` → `PassStateEntered`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Kind::Pass { .. } => "Pass",
            Kind::Task(_) => "Task",
            Kind::Choice(_) => "Choice",
            Kind::Wait(_) => "Wait",
            Kind::Succeed => "Succeed",
            Kind::Fail(_) => "Fail",
            Kind::Parallel { .. } => "Parallel",
            Kind::Map(_) => "Map",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Task {
    /// Parsed once, by the definition's tree.
    pub resource: TaskResource,
    pub timeout_seconds: Option<Field<TaskSeconds>>,
    pub heartbeat_seconds: Option<Field<TaskSeconds>>,
    pub credentials: Option<Payload>,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub choices: Vec<ChoiceRule>,
    pub default: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ChoiceRule {
    /// JSONPath rules.
    pub rule: Option<choice::Rule>,
    /// JSONata `Condition` (a boolean or an expression).
    pub condition: Option<Field<bool>>,
    pub next: String,
    pub assign: Option<Payload>,
    pub output: Option<Expr>,
}

#[derive(Debug, Clone)]
pub struct Wait {
    pub seconds: Option<Field<WaitSeconds>>,
    pub timestamp: Option<Field<Timestamp>>,
}

#[derive(Debug, Clone)]
pub struct Fail {
    pub error: Option<Field<String>>,
    pub cause: Option<Field<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    Inline,
    Distributed,
}

#[derive(Debug, Clone)]
pub struct MapState {
    pub processor: BlockId,
    pub mode: MapMode,
    pub items_path: Option<Path>,
    /// JSONata `Items`.
    pub items: Option<Expr>,
    /// `ItemSelector`, or the deprecated `Parameters` of a Map.
    pub item_selector: Option<Payload>,
    pub max_concurrency: Option<Field<MaxConcurrency>>,
    pub tolerated_failure_count: Option<Field<FailureCount>>,
    pub tolerated_failure_percentage: Option<Field<FailurePercentage>>,
    pub label: Option<String>,
    pub item_reader: Option<ItemReader>,
    pub item_batcher: Option<ItemBatcher>,
    pub result_writer: Option<ResultWriter>,
}

#[derive(Debug, Clone)]
pub struct Retrier {
    pub error_equals: Vec<String>,
    pub interval_seconds: f64,
    pub max_attempts: u32,
    pub backoff_rate: f64,
    pub max_delay_seconds: Option<f64>,
    pub full_jitter: bool,
}

#[derive(Debug, Clone)]
pub struct Catcher {
    pub error_equals: Vec<String>,
    pub next: String,
    pub result_path: PathField,
    pub output: Option<Expr>,
    pub assign: Option<Payload>,
}

impl StateMachine {
    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id]
    }

    /// The state `name` of block `block`.
    pub fn state(&self, block: BlockId, name: &str) -> Option<&State> {
        self.blocks.get(block)?.states.get(name)
    }
}
