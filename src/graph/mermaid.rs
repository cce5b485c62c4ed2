//! The graph as a Mermaid flowchart.
use std::collections::HashMap;
use std::fmt::Write;

use super::{colour, fill, EdgeStyle, Graph, Node, Outcome, Step, LEGEND};

/// Text in a Mermaid label: Mermaid reads labels as HTML, so markup characters become
/// entities (a state named `<b>` shows as written).
fn mermaid_escape(text: &str) -> String {
    text.replace('&', "#amp;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('\n', " ")
}

pub(super) fn to_mermaid(graph: &Graph, outcomes: &HashMap<String, Outcome>) -> String {
    let mut out = String::from("flowchart TD\n");
    let mut styles = String::new();
    graph.walk(1, &mut |step, indent| match step {
        Step::Node(node) => write_mermaid_node(&mut out, &mut styles, node, outcomes, indent),
        Step::Open(inner) => {
            let _ = writeln!(
                out,
                "{indent}subgraph {}[\"{}\"]",
                inner.id,
                mermaid_escape(&inner.label)
            );
        }
        Step::Close => {
            let _ = writeln!(out, "{indent}end");
        }
    });
    for (index, edge) in graph.edges.iter().enumerate() {
        if edge.to.starts_with("missing") {
            let _ = writeln!(styles, "  linkStyle {index} stroke:#c92a2a");
        }
        let arrow = match (edge.style, &edge.label) {
            (EdgeStyle::Catch, Some(label)) => format!("-. \"{}\" .->", mermaid_escape(label)),
            (EdgeStyle::Catch | EdgeStyle::Nested, None) => "-.->".to_string(),
            (EdgeStyle::Nested, Some(label)) => format!("-. \"{}\" .->", mermaid_escape(label)),
            (_, Some(label)) => format!("-- \"{}\" -->", mermaid_escape(label)),
            (_, None) => "-->".to_string(),
        };
        let _ = writeln!(out, "  {} {} {}", edge.from, arrow, edge.to);
    }
    if !outcomes.is_empty() {
        out.push_str("  subgraph legend[\"Legend\"]\n");
        for (i, (outcome, text)) in LEGEND.iter().enumerate() {
            let _ = writeln!(out, "    legend{i}[\"{text}\"]");
            if let Some(c) = colour(Some(outcome)) {
                let _ = writeln!(styles, "  style legend{i} fill:{c}");
            }
        }
        out.push_str("  end\n");
    }
    out.push_str(&styles);
    out
}

fn write_mermaid_node(
    out: &mut String,
    styles: &mut String,
    node: &Node,
    outcomes: &HashMap<String, Outcome>,
    indent: &str,
) {
    let label = mermaid_escape(&node.label);
    let small = match (&node.detail, node.kind.as_str()) {
        (Some(detail), "Missing") => mermaid_escape(detail),
        (Some(detail), kind) => format!("{kind}: {}", mermaid_escape(detail)),
        (None, kind) => kind.to_string(),
    };
    let shape = match node.kind.as_str() {
        "Start" | "End" => format!("(((\"{label}\")))"),
        "Choice" => format!("{{\"{label}\"}}"),
        "Join" => "((\" \"))".to_string(),
        _ => match &node.visits {
            Some(v) => format!("[\"{label}<br/><small>{small}</small><br/>{v}\"]"),
            None => format!("[\"{label}<br/><small>{small}</small>\"]"),
        },
    };
    if node.kind == "Missing" {
        let _ = writeln!(
            styles,
            "  style {} stroke:#c92a2a,color:#c92a2a,stroke-dasharray:4",
            node.id
        );
    }
    let _ = writeln!(out, "{indent}{}{shape}", node.id);
    if let Some(c) = fill(node, outcomes) {
        let _ = writeln!(styles, "  style {} fill:{c}", node.id);
    }
}
