//! The graph as Graphviz `dot` text.
use std::collections::HashMap;
use std::fmt::Write;

use super::{colour, fill, EdgeStyle, Graph, Node, Outcome, Step, LEGEND};

fn dot_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

pub(super) fn to_dot(graph: &Graph, outcomes: &HashMap<String, Outcome>) -> String {
    let mut out = String::from("digraph workflow {\n  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n");
    graph.walk(1, &mut |step, indent| match step {
        Step::Node(node) => write_dot_node(&mut out, node, outcomes, indent),
        Step::Open(inner) => {
            let _ = writeln!(out, "{indent}subgraph cluster_{} {{", inner.id);
            let _ = writeln!(
                out,
                "{indent}  label=\"{}\"; style=rounded; color=\"#868e96\";",
                dot_escape(&inner.label)
            );
        }
        Step::Close => {
            let _ = writeln!(out, "{indent}}}");
        }
    });
    if !outcomes.is_empty() {
        out.push_str("  subgraph cluster_legend {\n    label=\"Legend\"; style=rounded; color=\"#868e96\";\n");
        for (i, (outcome, text)) in LEGEND.iter().enumerate() {
            let _ = writeln!(
                out,
                "    legend{i} [label=\"{text}\", fillcolor=\"{}\"];",
                colour(Some(outcome)).unwrap_or("white")
            );
        }
        out.push_str("  }\n");
    }
    for edge in &graph.edges {
        let mut attrs = Vec::new();
        if let Some(label) = &edge.label {
            attrs.push(format!("label=\"{}\"", dot_escape(label)));
        }
        if edge.to.starts_with("missing") {
            attrs.push("color=\"#c92a2a\"".into());
        }
        match edge.style {
            EdgeStyle::Catch => attrs.push("style=dashed, color=\"#c92a2a\"".into()),
            EdgeStyle::Nested => attrs.push("style=dotted".into()),
            EdgeStyle::Next | EdgeStyle::Choice => {}
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(out, "  {} -> {}{};", edge.from, edge.to, attrs);
    }
    out.push_str("}\n");
    out
}

fn write_dot_node(
    out: &mut String,
    node: &Node,
    outcomes: &HashMap<String, Outcome>,
    indent: &str,
) {
    let shape = match node.kind.as_str() {
        "Start" | "End" => "shape=circle, fillcolor=\"#dee2e6\", ",
        "Choice" => "shape=diamond, style=filled, ",
        "Join" => "shape=point, ",
        "Fail" => "color=\"#c92a2a\", ",
        "Succeed" => "color=\"#2b8a3e\", ",
        "Missing" => "color=\"#c92a2a\", fontcolor=\"#c92a2a\", style=\"dashed\", ",
        _ => "",
    };
    let fill_attr = fill(node, outcomes)
        .map(|c| format!(", fillcolor=\"{c}\""))
        .unwrap_or_default();
    let label = match (node.kind.as_str(), &node.detail) {
        ("Start" | "End" | "Join", _) => dot_escape(&node.label),
        ("Missing", Some(detail)) => {
            format!("{}\\n({detail})", dot_escape(&node.label))
        }
        (kind, Some(detail)) => format!(
            "{}\\n({kind}: {})",
            dot_escape(&node.label),
            dot_escape(detail)
        ),
        (kind, None) => format!("{}\\n({kind})", dot_escape(&node.label)),
    };
    let label = match &node.visits {
        Some(v) => format!("{label}\\n{v}"),
        None => label,
    };
    let _ = writeln!(
        out,
        "{indent}{} [{shape}label=\"{label}\"{fill_attr}];",
        node.id
    );
}
