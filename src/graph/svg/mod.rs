//! The graph as SVG, laid out here (no Graphviz needed): `sfn graph --format svg` and the
//! console's graphs. layout-rs places the nodes (a layered, Sugiyama-style layout with
//! edge-crossing reduction) but has no nested graphs, so each cluster — a Parallel or Map
//! container, one branch — is laid out on its own, inside out, and takes part in its
//! parent's layout as one box of its size; an edge that crosses a cluster's border is laid
//! out at the level where both of its ends are, attached to the box holding the inner end.
//!
//! Each state is a `<g class="sfn-node" data-state="NAME">` that can be focused, so a page
//! can colour it (classes `o-succeeded`, `o-failed`, `o-caught`, `o-unfinished`,
//! `o-none`) and open it; the styles travel inside the SVG.
use std::collections::HashMap;
use std::fmt::Write;

use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend, Visible};
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::{Cluster, EdgeStyle, Graph, Outcome, LEGEND};

mod draw;
use draw::{draw, outcome_class};

/// Space around a cluster's contents, and the height of its title line.
const PAD: f64 = 12.0;
const TITLE: f64 = 20.0;
/// Around the whole drawing.
const MARGIN: f64 = 8.0;
/// Edge labels longer than this are cut (the whole rule is in the edge's tooltip).
const LABEL_CHARS: usize = 40;

const STYLE: &str = "\
.sfn-graph text{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;fill:#212529}\
.sfn-graph .sfn-node>rect,.sfn-graph .sfn-node>ellipse{fill:#fff;stroke:#495057;stroke-width:1.5}\
.sfn-graph .sfn-node .t{font-size:13px;font-weight:600}\
.sfn-graph .sfn-node .d{font-size:11px;fill:#495057}\
.sfn-graph .sfn-node .v{font-size:11px;fill:#212529}\
.sfn-graph .k-terminal>ellipse{fill:#dee2e6}\
.sfn-graph .k-terminal text{font-size:11px}\
.sfn-graph .k-join>ellipse{fill:#495057}\
.sfn-graph .k-choice>rect{stroke-dasharray:1 0;stroke:#5f3dc4}\
.sfn-graph .k-fail>rect{stroke:#c92a2a}\
.sfn-graph .k-succeed>rect{stroke:#2b8a3e}\
.sfn-graph .k-missing>rect{stroke:#c92a2a;stroke-dasharray:5 3}\
.sfn-graph .k-missing text{fill:#c92a2a}\
.sfn-graph [data-state]{cursor:pointer}\
.sfn-graph [data-state]:focus{outline:none}\
.sfn-graph [data-state]:focus>rect,.sfn-graph [data-state].selected>rect{stroke:#1c7ed6;stroke-width:3}\
.sfn-graph .o-succeeded>rect{fill:#b7e4c7}\
.sfn-graph .o-failed>rect{fill:#f4a7a7}\
.sfn-graph .o-caught>rect{fill:#ffd8a8}\
.sfn-graph .o-unfinished>rect{fill:#a5d8ff}\
.sfn-graph .o-none>rect{fill:#f1f3f5}\
.sfn-graph .o-none text{fill:#868e96}\
.sfn-graph .sfn-edge path{fill:none;stroke:#495057;stroke-width:1.4}\
.sfn-graph .sfn-edge text{font-size:11px;fill:#343a40}\
.sfn-graph .e-catch path{stroke:#c92a2a;stroke-dasharray:6 4}\
.sfn-graph .e-catch text{fill:#c92a2a}\
.sfn-graph .e-nested path{stroke:#868e96;stroke-dasharray:2 3}\
.sfn-graph .e-missing path{stroke:#c92a2a}\
.sfn-graph .sfn-cluster>rect{fill:#f8f9fa;fill-opacity:.6;stroke:#adb5bd;stroke-width:1}\
.sfn-graph .sfn-cluster>text{font-size:12px;fill:#495057;font-weight:600}\
.sfn-graph .legend text{font-size:12px}";

/// One thing laid out at a level: a node of the model, or a cluster inside this one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Node(usize),
    Cluster(usize),
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

struct DrawnEdge {
    edge: usize,
    /// layout-rs's curve: the first pair is the start and its control point, each later
    /// pair a control point and the point it leads to.
    path: Curve,
}

/// One cluster laid out, in its own coordinates (from 0,0 to w,h).
struct Placed<'g> {
    w: f64,
    h: f64,
    nodes: Vec<(usize, Rect)>,
    clusters: Vec<(&'g Cluster, Rect, Placed<'g>)>,
    edges: Vec<DrawnEdge>,
    /// Edge labels: text and centre.
    labels: Vec<(String, Point)>,
}

/// A curve as layout-rs gives it (see [`DrawnEdge::path`]).
type Curve = Vec<(Point, Point)>;

/// Records the arrows layout-rs draws (the nodes it places are read back from the graph),
/// each with the edge index it was given.
#[derive(Default)]
struct Arrows {
    drawn: Vec<(Curve, Option<String>)>,
}

impl RenderBackend for Arrows {
    fn draw_rect(
        &mut self,
        _: Point,
        _: Point,
        _: &StyleAttr,
        _: Option<String>,
        _: Option<usize>,
    ) {
    }
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _: bool,
        _: (bool, bool),
        _: &StyleAttr,
        properties: Option<String>,
        _: &str,
    ) {
        self.drawn.push((path.to_vec(), properties));
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let mut short: String = text.chars().take(limit - 1).collect();
    short.push('…');
    short
}

/// Text width estimates for the fonts used (the browser measures nothing for us).
fn text_width(text: &str, px_per_char: f64) -> f64 {
    text.chars().count() as f64 * px_per_char
}

fn is_round(kind: &str) -> bool {
    matches!(kind, "Start" | "End" | "Join")
}

/// The lines a state's box shows: its name, its type (and detail), its visits.
fn node_lines(graph: &Graph, index: usize) -> (String, Option<String>, Option<String>) {
    let node = &graph.nodes[index];
    let small = match (node.kind.as_str(), &node.detail) {
        ("Missing", Some(detail)) => Some(detail.clone()),
        (kind, Some(detail)) => Some(format!("{kind}: {detail}")),
        (kind, None) => Some(kind.to_string()),
    };
    (
        cut(&node.label, 48),
        small.map(|s| cut(&s, 56)),
        node.visits.clone(),
    )
}

fn node_size(graph: &Graph, index: usize) -> (f64, f64) {
    match graph.nodes[index].kind.as_str() {
        "Join" => return (12.0, 12.0),
        "Start" | "End" => return (46.0, 46.0),
        _ => {}
    }
    let (title, small, visits) = node_lines(graph, index);
    let mut width = text_width(&title, 7.8);
    let mut lines = 1.0;
    for line in [small, visits].into_iter().flatten() {
        width = width.max(text_width(&line, 6.4));
        lines += 1.0;
    }
    ((width + 24.0).max(96.0), 14.0 + 15.0 * lines)
}

/// Which item of `cluster` holds each node of its subtree.
fn holders(cluster: &Cluster) -> HashMap<usize, Item> {
    fn all(cluster: &Cluster, out: &mut Vec<usize>) {
        out.extend(&cluster.nodes);
        for inner in &cluster.clusters {
            all(inner, out);
        }
    }
    let mut map: HashMap<usize, Item> = cluster.nodes.iter().map(|&n| (n, Item::Node(n))).collect();
    for (i, inner) in cluster.clusters.iter().enumerate() {
        let mut nodes = Vec::new();
        all(inner, &mut nodes);
        for n in nodes {
            map.insert(n, Item::Cluster(i));
        }
    }
    map
}

fn place<'g>(
    graph: &'g Graph,
    cluster: &'g Cluster,
    index_of: &HashMap<&str, usize>,
) -> Placed<'g> {
    let inner: Vec<Placed<'g>> = cluster
        .clusters
        .iter()
        .map(|c| place(graph, c, index_of))
        .collect();
    let mut items: Vec<(Item, (f64, f64))> = cluster
        .nodes
        .iter()
        .map(|&n| (Item::Node(n), node_size(graph, n)))
        .collect();
    for (i, (c, p)) in cluster.clusters.iter().zip(&inner).enumerate() {
        let title = text_width(&c.label, 7.2) + 2.0 * PAD;
        let size = ((p.w + 2.0 * PAD).max(title), p.h + TITLE + PAD);
        items.push((Item::Cluster(i), size));
    }
    let held = holders(cluster);
    // The edges drawn at this level: both ends in this cluster, in different items (or a
    // state that leads to itself).
    let mut edges: Vec<(usize, usize, usize)> = Vec::new();
    for (e, edge) in graph.edges.iter().enumerate() {
        let (Some(&from), Some(&to)) = (
            index_of.get(edge.from.as_str()),
            index_of.get(edge.to.as_str()),
        ) else {
            continue;
        };
        let (Some(a), Some(b)) = (held.get(&from), held.get(&to)) else {
            continue;
        };
        if a == b && matches!(a, Item::Cluster(_)) {
            continue;
        }
        let position = |item: &Item| items.iter().position(|(i, _)| i == item);
        if let (Some(a), Some(b)) = (position(a), position(b)) {
            edges.push((e, a, b));
        }
    }
    let laid = lay_out(graph, &items, &edges).unwrap_or_else(|| stacked(&items));
    let mut placed = Placed {
        w: 0.0,
        h: 0.0,
        nodes: Vec::new(),
        clusters: Vec::new(),
        edges: laid.edges,
        labels: laid.labels,
    };
    let mut inner = inner.into_iter().map(Some).collect::<Vec<_>>();
    for ((item, _), rect) in items.iter().zip(laid.rects) {
        match *item {
            Item::Node(n) => placed.nodes.push((n, rect)),
            Item::Cluster(i) => {
                if let Some(p) = inner[i].take() {
                    placed.clusters.push((&cluster.clusters[i], rect, p));
                }
            }
        }
    }
    normalise(&mut placed);
    placed
}

struct Laid {
    rects: Vec<Rect>,
    edges: Vec<DrawnEdge>,
    labels: Vec<(String, Point)>,
}

/// Lays `items` (with their sizes) and `edges` (edge index, from item, to item) out with
/// layout-rs. None if it could not (it panicked on an input it does not handle).
fn lay_out(
    graph: &Graph,
    items: &[(Item, (f64, f64))],
    edges: &[(usize, usize, usize)],
) -> Option<Laid> {
    if items.is_empty() {
        return Some(Laid {
            rects: Vec::new(),
            edges: Vec::new(),
            labels: Vec::new(),
        });
    }
    let run = || {
        let mut vg = VisualGraph::new(Orientation::TopToBottom);
        let handles: Vec<_> = items
            .iter()
            .map(|(item, (w, h))| {
                let round = matches!(item, Item::Node(n) if is_round(&graph.nodes[*n].kind));
                let shape = if round {
                    ShapeKind::Circle(String::new())
                } else {
                    ShapeKind::Box(String::new())
                };
                vg.add_node(Element::create(
                    shape,
                    StyleAttr::simple(),
                    Orientation::TopToBottom,
                    Point::new(*w, *h),
                ))
            })
            .collect();
        for &(e, a, b) in edges {
            let edge = &graph.edges[e];
            // A label's room in the layout: layout-rs sizes it at one font size per
            // character, so the font size given is the width of a character.
            let look = StyleAttr::new(Color::fast("black"), 1, None, 0, 7);
            let mut arrow = Arrow::simple("");
            arrow.text = edge
                .label
                .as_deref()
                .map(|l| cut(l, LABEL_CHARS))
                .unwrap_or_default();
            arrow.look = look;
            arrow.line_style = LineStyleKind::Normal;
            arrow.properties = Some(e.to_string());
            vg.add_edge(arrow, handles[a], handles[b]);
        }
        let mut arrows = Arrows::default();
        vg.do_it(false, false, false, &mut arrows);
        let rects = handles
            .iter()
            .map(|&h| {
                let (top_left, bottom_right) = vg.pos(h).bbox(false);
                Rect {
                    x: top_left.x,
                    y: top_left.y,
                    w: bottom_right.x - top_left.x,
                    h: bottom_right.y - top_left.y,
                }
            })
            .collect();
        let mut labels = Vec::new();
        for h in vg.iter_nodes() {
            if let ShapeKind::Connector(Some(text)) = &vg.element(h).shape {
                labels.push((text.clone(), vg.element(h).position().center()));
            }
        }
        let edges = arrows
            .drawn
            .into_iter()
            .filter_map(|(path, properties)| {
                let edge = properties?.parse().ok()?;
                (path.len() >= 2).then_some(DrawnEdge { edge, path })
            })
            .collect();
        Laid {
            rects,
            edges,
            labels,
        }
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).ok()
}

/// The fallback when layout-rs fails: items in one column, edges as straight lines.
fn stacked(items: &[(Item, (f64, f64))]) -> Laid {
    let width = items.iter().map(|(_, (w, _))| *w).fold(0.0, f64::max);
    let mut y = 0.0;
    let rects = items
        .iter()
        .map(|(_, (w, h))| {
            let rect = Rect {
                x: (width - w) / 2.0,
                y,
                w: *w,
                h: *h,
            };
            y += h + 40.0;
            rect
        })
        .collect();
    Laid {
        rects,
        edges: Vec::new(),
        labels: Vec::new(),
    }
}

/// Moves everything so that the drawing starts at 0,0, and sets its size.
fn normalise(placed: &mut Placed) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    let mut grow = |x: f64, y: f64| {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    };
    for (_, r) in &placed.nodes {
        grow(r.x, r.y);
        grow(r.x + r.w, r.y + r.h);
    }
    for (_, r, _) in &placed.clusters {
        grow(r.x, r.y);
        grow(r.x + r.w, r.y + r.h);
    }
    for edge in &placed.edges {
        for (a, b) in &edge.path {
            grow(a.x, a.y);
            grow(b.x, b.y);
        }
    }
    for (text, at) in &placed.labels {
        let half = text_width(text, 6.2) / 2.0 + 2.0;
        grow(at.x - half, at.y - 8.0);
        grow(at.x + half, at.y + 8.0);
    }
    if x0 > x1 {
        placed.w = 80.0;
        placed.h = 24.0;
        return;
    }
    let shift = |p: &mut Point| {
        p.x -= x0;
        p.y -= y0;
    };
    for (_, r) in &mut placed.nodes {
        r.x -= x0;
        r.y -= y0;
    }
    for (_, r, _) in &mut placed.clusters {
        r.x -= x0;
        r.y -= y0;
    }
    for edge in &mut placed.edges {
        for (a, b) in &mut edge.path {
            shift(a);
            shift(b);
        }
    }
    for (_, at) in &mut placed.labels {
        shift(at);
    }
    placed.w = x1 - x0;
    placed.h = y1 - y0;
}

/// Several Choice rules (or Catchers) that lead to the same state become one edge whose
/// label joins theirs: twenty labelled edges side by side would make the drawing twenty
/// labels wide.
fn merge_parallel_edges(graph: &mut Graph) {
    let mut first: HashMap<(String, String, bool), usize> = HashMap::new();
    let mut kept = Vec::with_capacity(graph.edges.len());
    for edge in std::mem::take(&mut graph.edges) {
        let key = (
            edge.from.clone(),
            edge.to.clone(),
            edge.style == EdgeStyle::Catch,
        );
        match first.get(&key) {
            Some(&i) if edge.label.is_some() && kept_label(&kept, i) => {
                let existing: &mut super::Edge = &mut kept[i];
                if let (Some(a), Some(b)) = (existing.label.as_mut(), edge.label.as_ref()) {
                    a.push_str(" or ");
                    a.push_str(b);
                }
            }
            _ => {
                first.insert(key, kept.len());
                kept.push(edge);
            }
        }
    }
    graph.edges = kept;
}

fn kept_label(kept: &[super::Edge], i: usize) -> bool {
    kept[i].label.is_some()
}

/// The whole graph as a standalone SVG document; states found in `outcomes` are
/// coloured, and then a legend explains the colours.
pub(super) fn to_svg(graph: &mut Graph, outcomes: &HashMap<String, Outcome>) -> String {
    merge_parallel_edges(graph);
    let graph = &*graph;
    let index_of: HashMap<&str, usize> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let placed = place(graph, &graph.root, &index_of);
    let legend_h = if outcomes.is_empty() { 0.0 } else { 34.0 };
    let width = (placed.w + 2.0 * MARGIN).max(if outcomes.is_empty() { 0.0 } else { 520.0 });
    let height = placed.h + 2.0 * MARGIN + legend_h;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sfn-graph\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.1} {height:.1}\" role=\"img\" aria-label=\"workflow graph\"><style>{STYLE}</style><defs>"
    );
    for (id, colour) in [("sfn-arrow", "#495057"), ("sfn-arrow-red", "#c92a2a")] {
        let _ = write!(
            out,
            "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"{colour}\"/></marker>"
        );
    }
    let _ = write!(out, "</defs><g transform=\"translate({MARGIN} {MARGIN})\">");
    draw(&mut out, graph, &placed, outcomes, &index_of);
    out.push_str("</g>");
    if !outcomes.is_empty() {
        let y = placed.h + 2.0 * MARGIN + 6.0;
        let _ = write!(
            out,
            "<g class=\"legend\" transform=\"translate({MARGIN} {y:.1})\">"
        );
        let mut x = 0.0;
        for (outcome, text) in LEGEND {
            let _ = write!(
                out,
                "<g class=\"sfn-node {}\"><rect x=\"{x:.1}\" y=\"0\" width=\"16\" height=\"16\" rx=\"3\"/></g><text x=\"{:.1}\" y=\"12.5\">{}</text>",
                outcome_class(outcome),
                x + 22.0,
                escape(text)
            );
            x += 34.0 + text_width(text, 6.8);
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests;
