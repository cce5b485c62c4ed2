//! `sfn graph`: Graphviz accepts every example's graph (`dot -Tsvg`; skipped with a
//! message where Graphviz is not installed), the Mermaid output is well-formed, and an
//! execution's graph colours each state by how it fared.
use crate::cli_support;

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use cli_support::Sfn;
use regex::Regex;

const EXAMPLES: [&str; 5] = [
    "hello-world",
    "order-processing",
    "data-pipeline",
    "ml-workflow",
    "callback-approval",
];

const SUCCEEDED: &str = "#b7e4c7";
const FAILED: &str = "#f4a7a7";
const CAUGHT: &str = "#ffd8a8";

fn example(name: &str, file: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "examples", name, file]
        .iter()
        .collect();
    path.to_string_lossy().into_owned()
}

fn definition_flag(name: &str) -> String {
    format!("file://{}", example(name, "definition.asl.json"))
}

fn have_dot() -> bool {
    Command::new("dot")
        .arg("-V")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Runs `dot -Tsvg` on `graph`; Err with dot's complaint.
fn dot_svg(graph: &str) -> Result<String, String> {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(graph.as_bytes())
        .map_err(|e| e.to_string())?;
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    // Graphviz reports syntax errors on stderr, sometimes with a zero exit code.
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() || !stderr.trim().is_empty() {
        return Err(stderr);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Checks Mermaid flowchart syntax, as far as `sfn graph` uses it: the header, node
/// shapes with quoted labels, subgraphs closed by `end`, the four edge forms, `style`
/// lines; no reserved word as an id; every edge and style names a declared node.
fn check_mermaid(text: &str) -> Result<(), String> {
    const RESERVED: [&str; 10] = [
        "end",
        "subgraph",
        "graph",
        "flowchart",
        "style",
        "classDef",
        "class",
        "click",
        "direction",
        "default",
    ];
    let node =
        Regex::new(r#"^(\w+)(\(\(\("[^"]*"\)\)\)|\{"[^"]*"\}|\(\(" "\)\)|\["[^"]*"\])$"#).unwrap();
    let edge = Regex::new(r#"^(\w+) (-->|-- "[^"]*" -->|-\.->|-\. "[^"]*" \.->) (\w+)$"#).unwrap();
    let subgraph = Regex::new(r#"^subgraph (\w+)\["[^"]*"\]$"#).unwrap();
    let style = Regex::new(r"^style (\w+) fill:#[0-9a-f]{6}$").unwrap();
    let mut lines = text.lines();
    if lines.next() != Some("flowchart TD") {
        return Err("does not start with `flowchart TD`".into());
    }
    let mut depth = 0i32;
    let mut ids = HashSet::new();
    let mut references = Vec::new();
    for line in lines {
        let line = line.trim();
        let declared = if line == "end" {
            depth -= 1;
            if depth < 0 {
                return Err("`end` without a subgraph".into());
            }
            None
        } else if let Some(c) = subgraph.captures(line) {
            depth += 1;
            Some(c[1].to_string())
        } else if let Some(c) = node.captures(line) {
            Some(c[1].to_string())
        } else if let Some(c) = edge.captures(line) {
            references.push(c[1].to_string());
            references.push(c[3].to_string());
            None
        } else if let Some(c) = style.captures(line) {
            references.push(c[1].to_string());
            None
        } else {
            return Err(format!("unparsable line: {line:?}"));
        };
        if let Some(id) = declared {
            if RESERVED.contains(&id.as_str()) {
                return Err(format!("reserved word as an id: {id}"));
            }
            if !ids.insert(id.clone()) {
                return Err(format!("id declared twice: {id}"));
            }
        }
    }
    if depth != 0 {
        return Err("unclosed subgraph".into());
    }
    if let Some(unknown) = references.iter().find(|r| !ids.contains(*r)) {
        return Err(format!("edge or style to an undeclared node: {unknown}"));
    }
    Ok(())
}

#[test]
fn graphviz_accepts_every_example_graph() {
    if !have_dot() {
        eprintln!("skipped: Graphviz `dot` is not installed (apt-get install graphviz)");
        return;
    }
    let sfn = Sfn::new();
    for name in EXAMPLES {
        let graph = sfn.stdout(&["graph", "--definition", &definition_flag(name)]);
        let svg = dot_svg(&graph).unwrap_or_else(|e| panic!("{name}: dot rejects it: {e}"));
        assert!(svg.contains("<svg"), "{name}");
    }
}

#[test]
fn mermaid_output_of_every_example_is_well_formed() {
    let sfn = Sfn::new();
    for name in EXAMPLES {
        let graph = sfn.stdout(&[
            "graph",
            "--definition",
            &definition_flag(name),
            "--format",
            "mermaid",
        ]);
        check_mermaid(&graph).unwrap_or_else(|e| panic!("{name}: {e}\n{graph}"));
    }
}

#[test]
fn the_mermaid_check_catches_what_mermaid_rejects() {
    assert!(check_mermaid("flowchart TD\n  a[\"A\"]\n  a --> b\n").is_err());
    assert!(check_mermaid("flowchart TD\n  end[\"A\"]\n").is_err());
    assert!(check_mermaid("flowchart TD\n  subgraph c[\"C\"]\n  a[\"A\"]\n").is_err());
    assert!(check_mermaid("flowchart TD\n  a[\"say \"hi\"\"]\n").is_err());
    assert!(check_mermaid("flowchart TD\n  a[\"A\"]\n  b{\"B\"}\n  a -- \"x\" --> b\n").is_ok());
}

/// Runs an example with its handlers (and mock file) and returns the execution ARN.
fn run_order(sfn: &Sfn, input: &str) -> String {
    let out = sfn
        .cmd()
        .env("SFN_WAIT_TIME_SCALE", "0")
        .args([
            "run",
            &example("order-processing", "definition.asl.json"),
            "--input",
            input,
            "--handlers",
            &example("order-processing", "handlers.json"),
            "--mock-config",
            &example("order-processing", "mock.json"),
            "--test-case",
            "GatewayHiccup",
        ])
        .output()
        .expect("run sfn");
    // The execution succeeds (0) or fails (1); anything else is a broken run.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list = sfn.json(&[
        "list-executions",
        "--state-machine-arn",
        &cli_support::arn("order-processing"),
        "--max-items",
        "1",
    ]);
    list["executions"][0]["executionArn"]
        .as_str()
        .expect("execution")
        .to_string()
}

/// The fill colour of the node labelled `state` in a dot graph.
fn dot_fill(graph: &str, state: &str) -> Option<String> {
    let line = graph
        .lines()
        .find(|l| l.contains(&format!("label=\"{state}\\n(")))?;
    let fill = Regex::new(r#"fillcolor="(#[0-9a-f]{6})""#).unwrap();
    fill.captures(line).map(|c| c[1].to_string())
}

#[test]
fn an_execution_graph_colours_the_path_taken() {
    let sfn = Sfn::new();
    // Shipping fails (no delivery to AQ) and is caught; the customer is still notified.
    let arn = run_order(
        &sfn,
        r#"{"orderId": "o-1", "items": [{"sku": "pen", "price": 2, "quantity": 1}], "address": {"country": "AQ"}}"#,
    );
    let graph = sfn.stdout(&["graph", "--execution-arn", &arn]);
    assert_eq!(
        dot_fill(&graph, "Validate order").as_deref(),
        Some(SUCCEEDED)
    );
    assert_eq!(dot_fill(&graph, "Charge card").as_deref(), Some(SUCCEEDED));
    assert_eq!(dot_fill(&graph, "Ship order").as_deref(), Some(CAUGHT));
    assert_eq!(
        dot_fill(&graph, "Shipping failed").as_deref(),
        Some(SUCCEEDED)
    );
    assert_eq!(
        dot_fill(&graph, "Notify customer").as_deref(),
        Some(SUCCEEDED)
    );
    // Not visited: no outcome colour.
    assert_eq!(dot_fill(&graph, "Reject order"), None);
    if have_dot() {
        dot_svg(&graph).expect("dot accepts an execution graph");
    }
    let mermaid = sfn.stdout(&["graph", "--execution-arn", &arn, "--format", "mermaid"]);
    check_mermaid(&mermaid).expect("well-formed");
    assert!(mermaid.contains(&format!("fill:{CAUGHT}")), "{mermaid}");
}

#[test]
fn a_failed_execution_graph_shows_the_failing_state_in_red() {
    let sfn = Sfn::new();
    let arn = run_order(
        &sfn,
        r#"{"orderId": "o-2", "items": [], "address": {"country": "DE"}}"#,
    );
    let graph = sfn.stdout(&["graph", "--execution-arn", &arn]);
    assert_eq!(dot_fill(&graph, "Reject order").as_deref(), Some(FAILED));
    assert_eq!(dot_fill(&graph, "Valid?").as_deref(), Some(SUCCEEDED));
    assert_eq!(dot_fill(&graph, "Charge card"), None);
}

#[test]
fn a_stored_state_machine_can_be_drawn_and_bad_sources_are_errors() {
    let sfn = Sfn::new();
    let arn = sfn.create("hello");
    let graph = sfn.stdout(&["graph", "--state-machine-arn", &arn, "--format", "mermaid"]);
    assert!(graph.contains("Hello<br/><small>Pass</small>"), "{graph}");
    let (code, err) = sfn.fail(&["graph"]);
    assert_eq!(code, 252, "{err}");
    let (code, err) = sfn.fail(&["graph", "--definition", "{nope"]);
    assert_eq!(code, 252);
    assert!(err.contains("not JSON"), "{err}");
    let (code, err) = sfn.fail(&[
        "graph",
        "--execution-arn",
        "arn:aws:states:us-east-1:123456789012:execution:hello:missing",
    ]);
    assert_eq!(code, 254);
    assert!(err.contains("ExecutionDoesNotExist"), "{err}");
}

#[test]
fn an_execution_svg_counts_the_visits_of_states_entered_more_than_once() {
    let sfn = Sfn::new();
    let definition = sfn.write(
        "map.asl.json",
        r#"{"StartAt": "Each", "States": {
            "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                "ItemProcessor": {"StartAt": "Shape", "States": {"Shape": {"Type": "Pass", "End": true}}}}}}"#,
    );
    sfn.stdout(&[
        "run",
        &definition.to_string_lossy(),
        "--name",
        "three",
        "--input",
        r#"{"items": [1, 2, 3]}"#,
    ]);
    let list = sfn.json(&[
        "list-executions",
        "--state-machine-arn",
        &cli_support::arn("three"),
    ]);
    let arn = list["executions"][0]["executionArn"]
        .as_str()
        .expect("an execution");
    let svg = sfn.stdout(&["graph", "--execution-arn", arn, "--format", "svg"]);
    // The Map's inner state was entered once per item: its box says so.
    let shape = Regex::new(r#"(?s)<g class="[^"]*" data-state="Shape".*?</g>"#).unwrap();
    let node = shape.find(&svg).expect("a node for Shape").as_str();
    assert!(
        node.contains(r#"<text class="v""#) && node.contains("3 ✓"),
        "{node}"
    );
    // The Map was entered once: no visit count, but its iterations.
    let each = Regex::new(r#"(?s)<g class="[^"]*" data-state="Each".*?</g>"#).unwrap();
    let node = each.find(&svg).expect("a node for Each").as_str();
    assert!(node.contains("3 iterations"), "{node}");
    assert!(!node.contains("✓"), "{node}");
}
