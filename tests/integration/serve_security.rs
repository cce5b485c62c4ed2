//! A web page the user visits must not be able to drive `sfn serve` (a handlers file runs
//! local commands): a foreign `Origin` is refused, a `Host` that is not the listening
//! address (DNS rebinding) is refused, and no CORS header is ever sent.
use crate::serve_support;

use serde_json::json;
use serve_support::Server;

fn list(server: &Server, extra: &[(&str, &str)]) -> serve_support::HttpResponse {
    let mut headers = vec![
        ("X-Amz-Target", "AWSStepFunctions.ListStateMachines"),
        ("Content-Type", "application/x-amz-json-1.0"),
    ];
    headers.extend_from_slice(extra);
    server.raw(&headers, b"{}")
}

#[test]
fn a_foreign_origin_is_refused_with_a_clear_error() {
    let server = Server::start();
    for origin in ["http://evil.example", "null", "http://localhost:3000"] {
        let r = list(&server, &[("Origin", origin)]);
        assert_eq!(r.status, 403, "{origin}");
        let body = r.json();
        assert_eq!(
            body["__type"],
            "com.amazon.coral.service#AccessDeniedException"
        );
        assert!(body["message"].as_str().unwrap().contains(origin));
        assert!(r.header("access-control-allow-origin").is_none());
    }
    // A text/plain form post from a page is refused too, before anything runs.
    let r = server.raw(
        &[
            ("Origin", "http://evil.example"),
            ("X-Amz-Target", "AWSStepFunctions.CreateActivity"),
            ("Content-Type", "text/plain"),
        ],
        br#"{"name": "planted"}"#,
    );
    assert_eq!(r.status, 403);
    assert_eq!(
        server.ok("ListActivities", json!({}))["activities"],
        json!([])
    );
}

#[test]
fn the_servers_own_origin_passes() {
    let server = Server::start();
    let own = format!("http://localhost:{}", server.port);
    let r = list(&server, &[("Origin", &own)]);
    assert_eq!(r.status, 200);
    assert!(r.header("access-control-allow-origin").is_none());
}

#[test]
fn a_rebound_host_name_is_refused() {
    let server = Server::start();
    let rebound = format!("attacker.example:{}", server.port);
    let r = list(&server, &[("Host", &rebound)]);
    assert_eq!(r.status, 403);
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .contains("attacker.example"));
    for ours in [
        format!("localhost:{}", server.port),
        format!("127.0.0.1:{}", server.port),
    ] {
        assert_eq!(list(&server, &[("Host", &ours)]).status, 200, "{ours}");
    }
}

#[test]
fn allowed_names_and_origins_are_taken_from_the_options() {
    let server = Server::start_with(
        &[
            "--allow-host",
            "stepfunctions",
            "--allow-origin",
            "http://localhost:3000",
        ],
        &[],
    );
    let named = format!("stepfunctions:{}", server.port);
    assert_eq!(list(&server, &[("Host", &named)]).status, 200);
    assert_eq!(
        list(&server, &[("Origin", "http://localhost:3000")]).status,
        200
    );
    assert_eq!(
        list(&server, &[("Origin", "http://evil.example")]).status,
        403
    );
}
