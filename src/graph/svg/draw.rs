//! Drawing what the layout placed: clusters, states and edges as SVG elements, with
//! the classes a page colours them by.
use super::*;

pub(super) fn outcome_class(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Succeeded => "o-succeeded",
        Outcome::Failed => "o-failed",
        Outcome::Caught => "o-caught",
        Outcome::Unfinished => "o-unfinished",
    }
}

fn kind_class(kind: &str) -> String {
    match kind {
        "Start" | "End" => "k-terminal".into(),
        other => format!("k-{}", other.to_ascii_lowercase()),
    }
}

pub(super) fn draw(
    out: &mut String,
    graph: &Graph,
    placed: &Placed,
    outcomes: &HashMap<String, Outcome>,
    index_of: &HashMap<&str, usize>,
) {
    for (cluster, rect, inner) in &placed.clusters {
        let _ = write!(
            out,
            "<g class=\"sfn-cluster\" data-cluster=\"{}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text><g transform=\"translate({:.1} {:.1})\">",
            escape(&cluster.label),
            rect.x,
            rect.y,
            rect.w,
            rect.h,
            rect.x + PAD,
            rect.y + 15.0,
            escape(&cluster.label),
            rect.x + (rect.w - inner.w) / 2.0,
            rect.y + TITLE,
        );
        draw(out, graph, inner, outcomes, index_of);
        out.push_str("</g></g>");
    }
    for edge in &placed.edges {
        let model = &graph.edges[edge.edge];
        let mut class = match model.style {
            EdgeStyle::Next => "e-next",
            EdgeStyle::Choice => "e-choice",
            EdgeStyle::Catch => "e-catch",
            EdgeStyle::Nested => "e-nested",
        }
        .to_string();
        let missing = model.to.starts_with("missing");
        if missing {
            class.push_str(" e-missing");
        }
        let name = |id: &str| {
            index_of
                .get(id)
                .map(|&i| graph.nodes[i].label.clone())
                .unwrap_or_default()
        };
        let p = &edge.path;
        let mut d = format!(
            "M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            p[0].0.x, p[0].0.y, p[0].1.x, p[0].1.y, p[1].0.x, p[1].0.y, p[1].1.x, p[1].1.y
        );
        for point in p.iter().skip(2) {
            let _ = write!(
                d,
                " S {:.1} {:.1}, {:.1} {:.1}",
                point.0.x, point.0.y, point.1.x, point.1.y
            );
        }
        let marker = if missing || model.style == EdgeStyle::Catch {
            "sfn-arrow-red"
        } else {
            "sfn-arrow"
        };
        let title = model.label.as_deref().map(escape).unwrap_or_default();
        let _ = write!(
            out,
            "<g class=\"sfn-edge {class}\" data-from=\"{}\" data-to=\"{}\"><title>{}</title><path d=\"{d}\" marker-end=\"url(#{marker})\"/></g>",
            escape(&name(&model.from)),
            escape(&name(&model.to)),
            if title.is_empty() { format!("{} → {}", escape(&name(&model.from)), escape(&name(&model.to))) } else { title },
        );
    }
    for (text, at) in &placed.labels {
        let w = text_width(text, 6.2) + 6.0;
        let _ = write!(
            out,
            "<g class=\"sfn-edge label\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"15\" rx=\"3\" fill=\"#fff\" fill-opacity=\".85\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>",
            at.x - w / 2.0,
            at.y - 8.0,
            at.x,
            at.y + 3.5,
            escape(text)
        );
    }
    for &(n, rect) in &placed.nodes {
        let node = &graph.nodes[n];
        let mut class = format!("sfn-node {}", kind_class(&node.kind));
        let is_state = !matches!(node.kind.as_str(), "Start" | "End" | "Join" | "Missing");
        if is_state {
            if let Some(o) = outcomes.get(&node.label) {
                class.push(' ');
                class.push_str(outcome_class(*o));
            }
        }
        let (title, small, visits) = node_lines(graph, n);
        let cx = rect.x + rect.w / 2.0;
        if is_state {
            let _ = write!(
                out,
                "<g class=\"{class}\" data-state=\"{}\" tabindex=\"0\" role=\"button\" aria-label=\"{} ({})\"><title>{}</title>",
                escape(&node.label),
                escape(&node.label),
                escape(&node.kind),
                escape(&node.label),
            );
        } else {
            let _ = write!(out, "<g class=\"{class}\">");
        }
        if is_round(&node.kind) {
            let _ = write!(
                out,
                "<ellipse cx=\"{cx:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\"/>",
                rect.y + rect.h / 2.0,
                rect.w / 2.0,
                rect.h / 2.0
            );
            if node.kind != "Join" {
                let _ = write!(
                    out,
                    "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                    rect.y + rect.h / 2.0 + 4.0,
                    escape(&node.label)
                );
            }
        } else {
            let _ = write!(
                out,
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{}\"/>",
                rect.x,
                rect.y,
                rect.w,
                rect.h,
                if node.kind == "Choice" { 14 } else { 6 }
            );
            let mut y = rect.y + 22.0;
            let _ = write!(
                out,
                "<text class=\"t\" x=\"{cx:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>",
                escape(&title)
            );
            for (line, class) in [(small, "d"), (visits, "v")] {
                if let Some(line) = line {
                    y += 15.0;
                    let _ = write!(out, "<text class=\"{class}\" x=\"{cx:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>", escape(&line));
                }
            }
        }
        out.push_str("</g>");
    }
}
