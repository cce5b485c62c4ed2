//! The console: a web page served at `/` that shows and drives workflows. It is a client
//! of this server's own JSON API (the page calls the operations an SDK calls, through the
//! same Host and Origin checks), so it shows nothing the API does not. Two requests are
//! its own, both pure: `POST /console/graph` lays a definition out as SVG (the layout
//! lives in Rust, not in the page), and `POST /console/lint` returns the definition's
//! diagnostics with their line and column, for the definition editor.
//!
//! Everything the page needs is in the binary; it fetches nothing from elsewhere.
use std::collections::HashMap;

use serde_json::{json, Value};

use super::wire::{self, WireError};
use crate::asl::validate::{self, MachineType};
use crate::graph::{self, Format};

/// A file of the page.
pub struct Asset {
    pub content_type: &'static str,
    pub body: &'static str,
}

const INDEX: &str = include_str!("index.html");
const SCRIPT: &str = include_str!("app.js");
const STYLE: &str = include_str!("style.css");

/// The page may run only its own script; its styles include the graph's inline `<style>`.
/// No other site may frame it (its buttons start and stop executions).
pub const SECURITY_HEADERS: [(&str, &str); 4] = [
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
];

/// The path of a request URL, without its query.
fn path_of(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// The file served for a GET of `url`, if it is one of the console's.
pub fn asset(url: &str) -> Option<Asset> {
    let (content_type, body) = match path_of(url) {
        "/" | "/index.html" => ("text/html; charset=utf-8", INDEX),
        "/console/app.js" => ("text/javascript; charset=utf-8", SCRIPT),
        "/console/style.css" => ("text/css; charset=utf-8", STYLE),
        _ => return None,
    };
    Some(Asset { content_type, body })
}

/// The console's own operations, by URL path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Graph,
    Lint,
}

pub fn operation(url: &str) -> Option<Operation> {
    match path_of(url) {
        "/console/graph" => Some(Operation::Graph),
        "/console/lint" => Some(Operation::Lint),
        _ => None,
    }
}

/// An answer: its content type and body.
pub type Answer = (&'static str, String);

fn definition_text(request: &Value) -> Result<&str, WireError> {
    request
        .get("definition")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            WireError::validation(&[
                "Value at 'definition' failed to satisfy constraint: Member must be a string"
                    .to_string(),
            ])
        })
}

/// Answers one of the console's operations on a request body.
pub fn answer(operation: Operation, body: &[u8]) -> Result<Answer, WireError> {
    let request = wire::request_body(body)?;
    let text = definition_text(&request)?;
    match operation {
        Operation::Graph => {
            // A definition that is not JSON has no graph: drawn as an empty machine, and
            // the lint says why.
            let definition: Value = serde_json::from_str(text).unwrap_or_else(|_| json!({}));
            Ok((
                "image/svg+xml; charset=utf-8",
                graph::render(&definition, Format::Svg, &HashMap::new()),
            ))
        }
        Operation::Lint => {
            let machine_type = match request.get("type").and_then(Value::as_str) {
                Some("EXPRESS") => MachineType::Express,
                _ => MachineType::Standard,
            };
            let diagnostics: Vec<Value> = validate::validate(text, machine_type)
                .into_iter()
                .map(|d| Value::Object(crate::cli::lint::diagnostic_json(&d)))
                .collect();
            Ok((
                wire::CONTENT_TYPE,
                json!({ "diagnostics": diagnostics }).to_string(),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_and_its_files_are_served_and_nothing_else() {
        assert!(asset("/").unwrap().content_type.starts_with("text/html"));
        assert!(asset("/?x=1").is_some());
        assert!(asset("/console/app.js")
            .unwrap()
            .content_type
            .starts_with("text/javascript"));
        assert!(asset("/console/style.css").is_some());
        assert!(asset("/console/../Cargo.toml").is_none());
        assert!(asset("/etc/passwd").is_none());
    }

    #[test]
    fn lint_gives_line_and_column() {
        let (_, body) = answer(
            Operation::Lint,
            br#"{"definition": "{\n  \"StartAt\": \"A\",\n  \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}\n}"}"#,
        )
        .unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        let d = &v["diagnostics"][0];
        assert_eq!(d["line"], 3, "{v}");
        assert!(
            d["code"]
                .as_str()
                .unwrap()
                .starts_with("MISSING_TRANSITION_TARGET"),
            "{v}"
        );
    }

    #[test]
    fn a_request_without_a_definition_is_refused() {
        let e = answer(Operation::Graph, b"{}").unwrap_err();
        assert_eq!(e.status, 400);
        let e = answer(Operation::Lint, b"not json").unwrap_err();
        assert_eq!(e.code, "SerializationException");
    }
}
