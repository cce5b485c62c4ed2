//! Reading what came back: a response body (JSON, query XML, rest-json) as JSON in the
//! model's member names, and an error response as the service error it stands for.
use super::*;

/// The operation's output as JSON in the model's member names.
pub fn parse_response(
    model: &Model,
    operation: &str,
    response: &HttpResponse,
) -> Result<Value, String> {
    let op = model.operation(operation);
    let output = op.and_then(|op| model.io_shape(op, "output"));
    match model.protocol() {
        "query" => {
            let text = String::from_utf8_lossy(&response.body);
            let doc = roxmltree::Document::parse(&text)
                .map_err(|e| format!("the response is not XML: {e}"))?;
            let wrapper = op
                .and_then(|op| op.get("output"))
                .and_then(|o| o.get("resultWrapper"))
                .and_then(Value::as_str);
            let root = doc.root_element();
            let result = match wrapper {
                Some(w) => root.children().find(|n| n.has_tag_name(w)),
                None => Some(root),
            };
            Ok(match (result, output) {
                (Some(node), Some(shape)) => xml_value(model, shape, node),
                _ => Value::Object(Map::new()),
            })
        }
        "rest-json" => {
            let spec = output.and_then(|s| model.shape(s));
            let members = spec
                .and_then(|s| s.get("members"))
                .and_then(Value::as_object);
            let payload = spec.and_then(|s| s.get("payload")).and_then(Value::as_str);
            let mut out = Map::new();
            let mut body_read = false;
            for (name, member) in members.into_iter().flatten() {
                let wire = member
                    .get("locationName")
                    .and_then(Value::as_str)
                    .unwrap_or(name);
                match member.get("location").and_then(Value::as_str) {
                    Some("statusCode") => {
                        out.insert(name.clone(), Value::from(response.status));
                    }
                    Some("header") => {
                        if let Some(v) = response.header(wire) {
                            out.insert(name.clone(), Value::String(v.to_string()));
                        }
                    }
                    _ if Some(name.as_str()) == payload => {
                        body_read = true;
                        if !response.body.is_empty() {
                            out.insert(name.clone(), blob_value(&response.body));
                        }
                    }
                    _ => {}
                }
            }
            if !body_read && !response.body.is_empty() {
                let parsed: Value = serde_json::from_slice(&response.body)
                    .map_err(|e| format!("the response is not JSON: {e}"))?;
                if let Value::Object(map) = parsed {
                    for (k, v) in map {
                        out.entry(k).or_insert(v);
                    }
                }
            }
            Ok(Value::Object(out))
        }
        _ => {
            if response.body.iter().all(u8::is_ascii_whitespace) {
                return Ok(Value::Object(Map::new()));
            }
            serde_json::from_slice(&response.body)
                .map_err(|e| format!("the response is not JSON: {e}"))
        }
    }
}

/// A blob as Step Functions shows it: its text when it is UTF-8, else base64.
fn blob_value(bytes: &[u8]) -> Value {
    match std::str::from_utf8(bytes) {
        Ok(text) => Value::String(text.to_string()),
        Err(_) => Value::String(base64::engine::general_purpose::STANDARD.encode(bytes)),
    }
}

fn xml_value(model: &Model, shape: &str, node: roxmltree::Node) -> Value {
    let spec = model.shape(shape);
    let kind = spec.and_then(|s| s.get("type")).and_then(Value::as_str);
    let text = || node.text().unwrap_or_default().to_string();
    let flattened = spec
        .and_then(|s| s.get("flattened"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    match kind {
        Some("structure") => {
            let mut out = Map::new();
            let members = spec
                .and_then(|s| s.get("members"))
                .and_then(Value::as_object);
            for (name, member) in members.into_iter().flatten() {
                let wire = member
                    .get("locationName")
                    .and_then(Value::as_str)
                    .unwrap_or(name);
                let Some(inner) = member.get("shape").and_then(Value::as_str) else {
                    continue;
                };
                let inner_flat = model
                    .shape(inner)
                    .and_then(|s| s.get("flattened"))
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                if inner_flat {
                    let items: Vec<roxmltree::Node> =
                        node.children().filter(|c| c.has_tag_name(wire)).collect();
                    if !items.is_empty() {
                        out.insert(name.clone(), flat_list(model, inner, &items));
                    }
                } else if let Some(child) = node.children().find(|c| c.has_tag_name(wire)) {
                    out.insert(name.clone(), xml_value(model, inner, child));
                }
            }
            Value::Object(out)
        }
        Some("list") if !flattened => {
            let member = spec.and_then(|s| s.get("member"));
            let inner = member
                .and_then(|m| m.get("shape"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            let wire = member
                .and_then(|m| m.get("locationName"))
                .and_then(Value::as_str)
                .unwrap_or("member");
            Value::Array(
                node.children()
                    .filter(|c| c.has_tag_name(wire))
                    .map(|c| xml_value(model, inner, c))
                    .collect(),
            )
        }
        Some("map") => {
            let part = |which: &str, default: &'static str| {
                let m = spec.and_then(|s| s.get(which));
                (
                    m.and_then(|m| m.get("shape"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                    m.and_then(|m| m.get("locationName"))
                        .and_then(Value::as_str)
                        .unwrap_or(default)
                        .to_string(),
                )
            };
            let (_, key_name) = part("key", "key");
            let (value_shape, value_name) = part("value", "value");
            let mut out = Map::new();
            for entry in node.children().filter(|c| c.has_tag_name("entry")) {
                let key = entry
                    .children()
                    .find(|c| c.has_tag_name(key_name.as_str()))
                    .and_then(|k| k.text())
                    .unwrap_or_default();
                if let Some(v) = entry
                    .children()
                    .find(|c| c.has_tag_name(value_name.as_str()))
                {
                    out.insert(key.to_string(), xml_value(model, &value_shape, v));
                }
            }
            Value::Object(out)
        }
        Some("boolean") => Value::Bool(text().trim() == "true"),
        Some("integer" | "long") => text()
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or(Value::Null),
        Some("float" | "double") => text()
            .trim()
            .parse::<f64>()
            .map(Value::from)
            .unwrap_or(Value::Null),
        _ => Value::String(text()),
    }
}

fn flat_list(model: &Model, shape: &str, items: &[roxmltree::Node]) -> Value {
    let inner = model
        .shape(shape)
        .and_then(|s| s.get("member"))
        .and_then(|m| m.get("shape"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    Value::Array(items.iter().map(|n| xml_value(model, inner, *n)).collect())
}

/// The error a non-2xx response carries, in whichever form its protocol writes it.
pub fn parse_error(model: &Model, response: &HttpResponse) -> ServiceError {
    let request_id = response
        .header("x-amzn-RequestId")
        .or_else(|| response.header("x-amz-request-id"))
        .map(String::from);
    let query_code = response
        .header("x-amzn-query-error")
        .and_then(|v| v.split(';').next())
        .filter(|v| !v.is_empty())
        .map(String::from);
    let text = String::from_utf8_lossy(&response.body).to_string();
    let mut error = ServiceError {
        status: response.status,
        code: String::new(),
        query_code,
        message: None,
        request_id,
    };
    if model.protocol() == "query" || text.trim_start().starts_with('<') {
        if let Ok(doc) = roxmltree::Document::parse(&text) {
            let find = |tag: &str| {
                doc.descendants()
                    .find(|n| n.has_tag_name(tag))
                    .and_then(|n| n.text())
                    .map(String::from)
            };
            error.code = find("Code").unwrap_or_default();
            error.message = find("Message");
            if error.request_id.is_none() {
                error.request_id = find("RequestId");
            }
        }
    } else if let Ok(Value::Object(body)) = serde_json::from_str::<Value>(&text) {
        let field = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| body.get(*n).and_then(Value::as_str))
                .map(String::from)
        };
        error.code = field(&["__type", "code", "Code"]).unwrap_or_default();
        error.message = field(&["message", "Message", "errorMessage"]);
    }
    if let Some(header) = response.header("x-amzn-ErrorType") {
        if error.code.is_empty() {
            error.code = header.to_string();
        }
    }
    // `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`, `Code:http://...`.
    let code = error.code.rsplit('#').next().unwrap_or_default();
    let code = code.split(':').next().unwrap_or_default();
    error.code = if code.is_empty() {
        format!("HTTP{}", response.status)
    } else {
        code.to_string()
    };
    if error.message.is_none() && !text.trim().is_empty() && error.code.starts_with("HTTP") {
        error.message = Some(text.trim().to_string());
    }
    error
}
