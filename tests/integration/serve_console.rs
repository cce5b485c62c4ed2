//! The console of `sfn serve`: the page and its files are served at `/` with their content
//! types, the console's own operations (graph as SVG, lint with line and column) answer,
//! and all of it sits behind the same Host and Origin checks as the API. `sfn graph
//! --format svg` draws with the same renderer.
use crate::cli_support::Sfn;
use crate::serve_support::{HttpResponse, Server};

use serde_json::json;

fn get(server: &Server, path: &str, extra: &[(&str, &str)]) -> HttpResponse {
    let mut text = format!("GET {path} HTTP/1.1\r\n");
    if !extra.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        text.push_str(&format!("Host: {}\r\n", server.host()));
    }
    for (k, v) in extra {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    text.push_str("Connection: close\r\n\r\n");
    server.send(text.as_bytes())
}

fn post(server: &Server, path: &str, body: &str, extra: &[(&str, &str)]) -> HttpResponse {
    let mut text = format!(
        "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        server.host(),
        body.len()
    );
    for (k, v) in extra {
        text.push_str(&format!("{k}: {v}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    server.send(text.as_bytes())
}

#[test]
fn the_page_and_its_files_are_served_with_their_content_types() {
    let server = Server::start();
    let page = get(&server, "/", &[]);
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = String::from_utf8(page.body.clone()).unwrap();
    assert!(html.contains("<script src=\"/console/app.js\""), "{html}");
    // Nothing is fetched from elsewhere, and the page may run only its own script.
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "{html}"
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert_eq!(page.header("x-frame-options"), Some("DENY"));

    let script = get(&server, "/console/app.js", &[]);
    assert_eq!(script.status, 200);
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(String::from_utf8_lossy(&script.body).contains("X-Amz-Target"));
    let style = get(&server, "/console/style.css", &[]);
    assert_eq!(
        style.header("content-type"),
        Some("text/css; charset=utf-8")
    );

    // Other paths are not files of ours.
    let other = get(&server, "/console/../Cargo.toml", &[]);
    assert_ne!(other.status, 200);
    assert!(other.header("content-type").unwrap().contains("amz-json"));
}

#[test]
fn the_console_is_behind_the_same_host_and_origin_checks_as_the_api() {
    let server = Server::start();
    let rebound = get(&server, "/", &[("Host", "evil.example:8083")]);
    assert_eq!(rebound.status, 403);
    assert_eq!(
        rebound.json()["__type"],
        "com.amazon.coral.service#AccessDeniedException"
    );
    let definition = json!({"definition": "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"}).to_string();
    let foreign = post(
        &server,
        "/console/graph",
        &definition,
        &[("Origin", "http://evil.example")],
    );
    assert_eq!(foreign.status, 403);
    assert!(foreign.header("access-control-allow-origin").is_none());
    let own_origin = format!("http://{}", server.host());
    let own = post(
        &server,
        "/console/graph",
        &definition,
        &[("Origin", &own_origin)],
    );
    assert_eq!(own.status, 200);
}

#[test]
fn the_graph_operation_answers_svg_with_one_node_per_state() {
    let server = Server::start();
    let definition = json!({"StartAt": "Pick", "States": {
        "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.go", "BooleanEquals": true, "Next": "Both"}], "Default": "Nowhere"},
        "Both": {"Type": "Parallel", "Branches": [
            {"StartAt": "L", "States": {"L": {"Type": "Pass", "End": true}}},
            {"StartAt": "R", "States": {"R": {"Type": "Pass", "End": true}}}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Oops"}], "End": true},
        "Oops": {"Type": "Fail"}}});
    let r = post(
        &server,
        "/console/graph",
        &json!({"definition": definition.to_string()}).to_string(),
        &[],
    );
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type"),
        Some("image/svg+xml; charset=utf-8")
    );
    let svg = String::from_utf8(r.body).unwrap();
    for state in ["Pick", "Both", "L", "R", "Oops"] {
        assert!(
            svg.contains(&format!("data-state=\"{state}\"")),
            "{state}: {svg}"
        );
    }
    assert!(svg.contains("data-cluster=\"Both (Parallel)\""));
    assert!(svg.contains(">$.go == true</text>"));
    assert!(svg.contains("sfn-edge e-catch"));
    assert!(svg.contains("k-missing") && svg.contains(">Nowhere</text>"));

    let bad = post(&server, "/console/graph", "{\"definition\": 3}", &[]);
    assert_eq!(bad.status, 400);
    assert_eq!(
        bad.json()["__type"],
        "com.amazon.coral.validate#ValidationException"
    );
}

#[test]
fn the_lint_operation_gives_each_problem_with_its_line_and_column() {
    let server = Server::start();
    let text = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}\n  }\n}";
    let r = post(
        &server,
        "/console/lint",
        &json!({"definition": text}).to_string(),
        &[],
    );
    assert_eq!(r.status, 200);
    let diagnostics = r.json()["diagnostics"].as_array().unwrap().clone();
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["MISSING_TRANSITION_TARGET", "MISSING_END_STATE"]);
    let d = &diagnostics[0];
    assert_eq!(d["severity"], "ERROR");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(4), Some(27)),
        "{d}"
    );
    let clean = post(
        &server,
        "/console/lint",
        &json!({"definition": "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}"}).to_string(),
        &[],
    );
    assert_eq!(clean.json()["diagnostics"], json!([]));
}

#[test]
fn sfn_graph_draws_svg_with_the_same_renderer() {
    let out = Sfn::new().run(&[
        "graph",
        "--format",
        "svg",
        "--definition",
        r#"{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}}"#,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("data-state=\"A\"") && svg.contains("data-state=\"B\""));
    assert!(svg.trim_end().ends_with("</svg>"));
}
