//! A workflow as a graph: Graphviz (dot), Mermaid, or SVG laid out here ([`svg`]), for
//! `sfn graph` and the console of `sfn serve`. Choice rules become
//! labelled edges, Catch edges are dashed, Parallel branches and Map processors are
//! clusters; given the outcome of each state of an execution, the path taken is coloured.
use std::collections::HashMap;

use serde_json::Value;

use crate::asl::resource::{Resource, TaskResource};

mod dot;
mod mermaid;
mod svg;

/// How a state fared in an execution, for colouring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Succeeded,
    Failed,
    /// Failed, and a Catch handled it.
    Caught,
    /// Entered and never left (still running, or aborted).
    Unfinished,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Dot,
    Mermaid,
    /// A standalone SVG document, laid out without Graphviz.
    Svg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EdgeStyle {
    Next,
    Choice,
    Catch,
    /// Into a branch or item processor, and back out of it.
    Nested,
}

struct Node {
    id: String,
    label: String,
    kind: String,
    /// A Task's resource, a Wait's duration.
    detail: Option<String>,
    /// Visits in an execution, when more than one (`2 ✓ 1 ✘`).
    visits: Option<String>,
}

struct Edge {
    from: String,
    to: String,
    label: Option<String>,
    style: EdgeStyle,
}

struct Cluster {
    id: String,
    label: String,
    nodes: Vec<usize>,
    clusters: Vec<Cluster>,
}

/// The graph model both renderers share.
struct Graph {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    root: Cluster,
    /// State name → node id (state names are unique across a valid machine).
    ids: HashMap<String, String>,
    /// Clusters made so far (their ids).
    clusters: usize,
}

/// Renders `definition` (a parsed state machine) in `format`, colouring the states found
/// in `outcomes`.
pub fn render(definition: &Value, format: Format, outcomes: &HashMap<String, Outcome>) -> String {
    render_run(definition, format, outcomes, &Visits::default())
}

/// How often each state ran in an execution.
#[derive(Debug, Default)]
pub struct Visits {
    /// Per state name: visits that succeeded, visits that failed (caught or not).
    pub states: HashMap<String, (u64, u64)>,
    /// Per Map state name: iterations started (`MapIterationStarted`).
    pub iterations: HashMap<String, u64>,
}

impl Visits {
    /// The line a state's box shows: its visits when more than one (`2 ✓ 1 ✘`), and a Map's
    /// iterations (`5000 iterations`), which a single visit hides.
    fn line(&self, state: &str) -> Option<String> {
        let mut parts = Vec::new();
        if let Some((ok, failed)) = self.states.get(state) {
            if ok + failed > 1 {
                let mut counts = Vec::new();
                if *ok > 0 {
                    counts.push(format!("{ok} ✓"));
                }
                if *failed > 0 {
                    counts.push(format!("{failed} ✘"));
                }
                parts.push(counts.join(" "));
            }
        }
        match self.iterations.get(state) {
            Some(1) => parts.push("1 iteration".to_string()),
            Some(n) => parts.push(format!("{n} iterations")),
            None => {}
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// As [`render`], with each state visited more than once (Map iterations, loops) showing
/// its visits (`2 ✓ 1 ✘`), each inline Map its iterations, and a legend of the colours.
pub fn render_run(
    definition: &Value,
    format: Format,
    outcomes: &HashMap<String, Outcome>,
    visits: &Visits,
) -> String {
    let mut graph = build(definition);
    for node in graph.nodes.iter_mut() {
        if !matches!(node.kind.as_str(), "Start" | "End" | "Join" | "Missing") {
            node.visits = visits.line(&node.label);
        }
    }
    match format {
        Format::Dot => dot::to_dot(&graph, outcomes),
        Format::Mermaid => mermaid::to_mermaid(&graph, outcomes),
        Format::Svg => svg::to_svg(&mut graph, outcomes),
    }
}

/// What the colours mean, in the order shown in the legend.
const LEGEND: [(Outcome, &str); 4] = [
    (Outcome::Succeeded, "succeeded"),
    (Outcome::Failed, "failed"),
    (Outcome::Caught, "failed, caught"),
    (Outcome::Unfinished, "did not finish"),
];

/// A Task's resource or a Wait's duration, in a few words.
fn node_detail(state: &Value) -> Option<String> {
    match state.get("Type").and_then(Value::as_str)? {
        "Task" => {
            let resource = TaskResource::parse(state.get("Resource")?.as_str()?);
            Some(match resource.parsed() {
                Resource::LambdaFunction {
                    name,
                    qualifier: Some(qualifier),
                    ..
                } => format!("lambda {name}:{qualifier}"),
                Resource::LambdaFunction { name, .. } => format!("lambda {name}"),
                Resource::Activity { name, .. } => format!("activity {name}"),
                Resource::Integration { .. } => {
                    // The function a lambda:invoke integration calls says more than the API.
                    let function = state
                        .get("Parameters")
                        .or_else(|| state.get("Arguments"))
                        .and_then(|p| p.get("FunctionName"))
                        .and_then(Value::as_str)
                        .filter(|_| resource.is_lambda_invoke())
                        .map(|f| f.rsplit(':').find(|p| *p != "$LATEST").unwrap_or(f));
                    let (service, api) = resource.integration().unwrap_or_default();
                    match function {
                        Some(f) => format!("lambda {f}"),
                        None => format!("{service}:{api}"),
                    }
                }
                Resource::Other => {
                    let arn = resource.arn();
                    arn.rsplit(':').next().unwrap_or(arn).to_string()
                }
            })
        }
        "Wait" => {
            let field = |k: &str| state.get(k);
            if let Some(s) = field("Seconds") {
                let text = s
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| s.to_string());
                return Some(if s.is_number() {
                    format!("wait {text}s")
                } else {
                    format!("wait {text}")
                });
            }
            if let Some(p) = field("SecondsPath").and_then(Value::as_str) {
                return Some(format!("wait {p} s"));
            }
            if let Some(t) = field("Timestamp").and_then(Value::as_str) {
                return Some(format!("until {t}"));
            }
            field("TimestampPath")
                .and_then(Value::as_str)
                .map(|p| format!("until {p}"))
        }
        _ => None,
    }
}

fn build(definition: &Value) -> Graph {
    let mut graph = Graph {
        nodes: Vec::new(),
        edges: Vec::new(),
        root: Cluster {
            id: "root".into(),
            label: String::new(),
            nodes: Vec::new(),
            clusters: Vec::new(),
        },
        ids: HashMap::new(),
        clusters: 0,
    };
    let start = add_node(&mut graph.nodes, "start", "Start", "Start");
    // Not `end`: that word closes a subgraph in Mermaid.
    let end = add_node(&mut graph.nodes, "finish", "End", "End");
    let mut root = std::mem::take(&mut graph.root.clusters);
    let mut root_nodes = vec![start, end];
    let entry = add_machine(&mut graph, definition, &mut root_nodes, &mut root, "finish");
    if let Some(entry) = entry {
        graph.edges.push(Edge {
            from: "start".into(),
            to: entry,
            label: None,
            style: EdgeStyle::Next,
        });
    }
    // Nodes for missing targets were added to the root while the machine was read.
    root_nodes.append(&mut graph.root.nodes);
    graph.root.nodes = root_nodes;
    graph.root.clusters = root;
    graph
}

fn add_node(nodes: &mut Vec<Node>, id: &str, label: &str, kind: &str) -> usize {
    nodes.push(Node {
        id: id.to_string(),
        label: label.to_string(),
        kind: kind.to_string(),
        detail: None,
        visits: None,
    });
    nodes.len() - 1
}

/// Adds the states of one machine (top level, branch or item processor); terminal states
/// lead to `exit`. Returns the id of its StartAt state.
fn add_machine(
    graph: &mut Graph,
    machine: &Value,
    nodes: &mut Vec<usize>,
    clusters: &mut Vec<Cluster>,
    exit: &str,
) -> Option<String> {
    let states = machine.get("States")?.as_object()?;
    // Ids first, so that transitions can point forward.
    for name in states.keys() {
        let id = format!("s{}", graph.ids.len());
        graph.ids.insert(name.clone(), id);
    }
    for (name, state) in states {
        let id = graph.ids[name].clone();
        let kind = state.get("Type").and_then(Value::as_str).unwrap_or("?");
        let node = add_node(&mut graph.nodes, &id, name, kind);
        graph.nodes[node].detail = node_detail(state);
        add_transitions(graph, &id, state, exit);
        let processors: Vec<(String, &Value)> = match kind {
            "Parallel" => state
                .get("Branches")
                .and_then(Value::as_array)
                .map(|branches| {
                    branches
                        .iter()
                        .enumerate()
                        .map(|(i, b)| (format!("branch {}", i + 1), b))
                        .collect()
                })
                .unwrap_or_default(),
            "Map" => state
                .get("ItemProcessor")
                .or_else(|| state.get("Iterator"))
                .map(|p| vec![("each item".to_string(), p)])
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        if processors.is_empty() {
            nodes.push(node);
            continue;
        }
        // The state is a container: its node, its branches (or item processor) and the
        // point where they join, in one box named after it.
        let join = format!("{id}_join");
        let join_node = add_node(&mut graph.nodes, &join, &format!("{name} done"), "Join");
        graph.clusters += 1;
        let mut container = Cluster {
            id: format!("c{}", graph.clusters),
            label: format!("{name} ({kind})"),
            nodes: vec![node, join_node],
            clusters: Vec::new(),
        };
        for (label, processor) in processors {
            graph.clusters += 1;
            let mut cluster = Cluster {
                id: format!("c{}", graph.clusters),
                label,
                nodes: Vec::new(),
                clusters: Vec::new(),
            };
            let mut inner_nodes = Vec::new();
            let mut inner_clusters = Vec::new();
            if let Some(entry) = add_machine(
                graph,
                processor,
                &mut inner_nodes,
                &mut inner_clusters,
                &join,
            ) {
                graph.edges.push(Edge {
                    from: id.clone(),
                    to: entry,
                    label: None,
                    style: EdgeStyle::Nested,
                });
            }
            cluster.nodes = inner_nodes;
            cluster.clusters = inner_clusters;
            container.clusters.push(cluster);
        }
        clusters.push(container);
        // The state's own Next/End leaves from the join node; re-point those edges.
        for edge in graph.edges.iter_mut() {
            if edge.from == id && edge.style == EdgeStyle::Next {
                edge.from = join.clone();
            }
        }
    }
    machine
        .get("StartAt")
        .and_then(Value::as_str)
        .and_then(|s| graph.ids.get(s).cloned())
}

fn add_transitions(graph: &mut Graph, id: &str, state: &Value, exit: &str) {
    // A target no state has: drawn as a red node of its own, so the mistake shows.
    let target = |graph: &mut Graph, name: &Value| {
        let name = name.as_str()?;
        if let Some(found) = graph.ids.get(name) {
            return Some(found.clone());
        }
        let missing = format!("missing{}", graph.nodes.len());
        let node = add_node(&mut graph.nodes, &missing, name, "Missing");
        graph.nodes[node].detail = Some("no such state".into());
        graph.root.nodes.push(node);
        graph.ids.insert(name.to_string(), missing.clone());
        Some(missing)
    };
    let mut edges = Vec::new();
    match state.get("Type").and_then(Value::as_str) {
        Some("Choice") => {
            let rules: Vec<Value> = state
                .get("Choices")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for rule in &rules {
                if let Some(to) = rule.get("Next").and_then(|n| target(graph, n)) {
                    edges.push((to, Some(describe_rule(rule)), EdgeStyle::Choice));
                }
            }
            if let Some(to) = state.get("Default").and_then(|n| target(graph, n)) {
                edges.push((to, Some("Default".to_string()), EdgeStyle::Choice));
            }
        }
        Some("Succeed") | Some("Fail") => edges.push((exit.to_string(), None, EdgeStyle::Next)),
        _ => {
            if let Some(to) = state.get("Next").and_then(|n| target(graph, n)) {
                edges.push((to, None, EdgeStyle::Next));
            } else if state.get("End").and_then(Value::as_bool) == Some(true) {
                edges.push((exit.to_string(), None, EdgeStyle::Next));
            }
        }
    }
    let catchers: Vec<Value> = state
        .get("Catch")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for catcher in &catchers {
        if let Some(to) = catcher.get("Next").and_then(|n| target(graph, n)) {
            let errors = catcher
                .get("ErrorEquals")
                .and_then(Value::as_array)
                .map(|e| {
                    e.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            edges.push((to, Some(format!("catch {errors}")), EdgeStyle::Catch));
        }
    }
    for (to, label, style) in edges {
        graph.edges.push(Edge {
            from: id.to_string(),
            to,
            label,
            style,
        });
    }
}

/// A short human reading of a Choice rule: `$.x == 3`, `$.a is present and $.b < 2`.
fn describe_rule(rule: &Value) -> String {
    const OPERATORS: &[(&str, &str)] = &[
        ("StringEquals", "=="),
        ("StringLessThan", "<"),
        ("StringGreaterThan", ">"),
        ("StringLessThanEquals", "<="),
        ("StringGreaterThanEquals", ">="),
        ("StringMatches", "matches"),
        ("NumericEquals", "=="),
        ("NumericLessThan", "<"),
        ("NumericGreaterThan", ">"),
        ("NumericLessThanEquals", "<="),
        ("NumericGreaterThanEquals", ">="),
        ("BooleanEquals", "=="),
        ("TimestampEquals", "=="),
        ("TimestampLessThan", "<"),
        ("TimestampGreaterThan", ">"),
        ("TimestampLessThanEquals", "<="),
        ("TimestampGreaterThanEquals", ">="),
        ("IsNull", "is null"),
        ("IsPresent", "is present"),
        ("IsNumeric", "is numeric"),
        ("IsString", "is string"),
        ("IsBoolean", "is boolean"),
        ("IsTimestamp", "is timestamp"),
    ];
    if let Some(condition) = rule.get("Condition") {
        return match condition {
            Value::String(s) => s
                .trim_start_matches("{%")
                .trim_end_matches("%}")
                .trim()
                .to_string(),
            other => other.to_string(),
        };
    }
    let list = |key: &str, joiner: &str| {
        rule.get(key).and_then(Value::as_array).map(|rules| {
            rules
                .iter()
                .map(|r| format!("({})", describe_rule(r)))
                .collect::<Vec<_>>()
                .join(joiner)
        })
    };
    if let Some(text) = list("And", " and ") {
        return text;
    }
    if let Some(text) = list("Or", " or ") {
        return text;
    }
    if let Some(inner) = rule.get("Not") {
        return format!("not ({})", describe_rule(inner));
    }
    let variable = rule.get("Variable").and_then(Value::as_str).unwrap_or("?");
    for (key, value) in rule.as_object().into_iter().flatten() {
        let (base, is_path) = match key.strip_suffix("Path") {
            Some(base) => (base, true),
            None => (key.as_str(), false),
        };
        if let Some((_, symbol)) = OPERATORS.iter().find(|(name, _)| *name == base) {
            if base.starts_with("Is") {
                return match value.as_bool() {
                    Some(false) => format!("{variable} {}", symbol.replacen("is", "is not", 1)),
                    _ => format!("{variable} {symbol}"),
                };
            }
            let operand = match (value, is_path) {
                (Value::String(s), true) => s.clone(),
                (other, _) => other.to_string(),
            };
            return format!("{variable} {symbol} {operand}");
        }
    }
    "?".to_string()
}

/// One step of [`Graph::walk`].
enum Step<'g> {
    Node(&'g Node),
    /// An inner cluster begins: its nodes and clusters follow, then its `Close`.
    Open(&'g Cluster),
    Close,
}

impl Graph {
    /// Walks the cluster tree as the text formats nest it: each cluster's nodes, then each
    /// inner cluster between its `Open` and `Close`; with each step the indent of its
    /// line (two spaces a level, `depth` levels at the top).
    fn walk<'g>(&'g self, depth: usize, step: &mut impl FnMut(Step<'g>, &str)) {
        self.walk_cluster(&self.root, depth, step);
    }

    fn walk_cluster<'g>(
        &'g self,
        cluster: &'g Cluster,
        depth: usize,
        step: &mut impl FnMut(Step<'g>, &str),
    ) {
        let indent = "  ".repeat(depth);
        for &index in &cluster.nodes {
            step(Step::Node(&self.nodes[index]), &indent);
        }
        for inner in &cluster.clusters {
            step(Step::Open(inner), &indent);
            self.walk_cluster(inner, depth + 1, step);
            step(Step::Close, &indent);
        }
    }
}

/// The colour a node is filled with for its outcome; the start, end and join markers
/// keep their own.
fn fill(node: &Node, outcomes: &HashMap<String, Outcome>) -> Option<&'static str> {
    colour(outcomes.get(&node.label))
        .filter(|_| !matches!(node.kind.as_str(), "Start" | "End" | "Join"))
}

fn colour(outcome: Option<&Outcome>) -> Option<&'static str> {
    outcome.map(|o| match o {
        Outcome::Succeeded => "#b7e4c7",
        Outcome::Failed => "#f4a7a7",
        Outcome::Caught => "#ffd8a8",
        Outcome::Unfinished => "#a5d8ff",
    })
}

#[cfg(test)]
mod tests;
