//! AWS's wire protocols as the models describe them: a Task's parameters become the HTTP
//! request an AWS SDK would send (awsJson 1.0/1.1, query, rest-json), and the response or
//! error comes back as JSON in the model's member names.
use base64::Engine;
use serde_json::{Map, Value};

use super::model::Model;
use super::sigv4::encode;

/// An HTTP request before signing: `path` and `query` encoded as they go on the wire.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

/// An HTTP response: lower-case header names, in the order received.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A service error as the response tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceError {
    pub status: u16,
    /// The error code on the wire (`ConditionalCheckFailedException`, `InvalidParameter`).
    pub code: String,
    /// The code of the service's former query protocol, when it still sends one (SQS's
    /// `AWS.SimpleQueueService.NonExistentQueue`).
    pub query_code: Option<String>,
    pub message: Option<String>,
    pub request_id: Option<String>,
}

/// Builds `operation`'s request from `params` (the Task's parameters).
pub fn build_request(
    model: &Model,
    operation: &str,
    params: &Value,
) -> Result<HttpRequest, String> {
    let op = model
        .operation(operation)
        .ok_or_else(|| format!("the service has no operation {operation}"))?;
    let input = model.io_shape(op, "input");
    let empty = Map::new();
    let params = match params {
        Value::Object(map) => map,
        Value::Null => &empty,
        other => return Err(format!("the parameters must be an object, not {other}")),
    };
    if let Some(shape) = input {
        check_members(model, shape, params)?;
    } else if let Some(name) = params.keys().next() {
        return Err(format!(
            "{operation} takes no parameters, but '{name}' was given"
        ));
    }
    match model.protocol() {
        "query" => {
            let mut fields = vec![
                ("Action".to_string(), operation.to_string()),
                ("Version".to_string(), model.api_version().to_string()),
            ];
            if let Some(shape) = input {
                query_struct(model, shape, params, "", &mut fields);
            }
            let body = fields
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect::<Vec<_>>()
                .join("&");
            Ok(HttpRequest {
                method: "POST".into(),
                path: "/".into(),
                query: String::new(),
                headers: vec![(
                    "Content-Type".into(),
                    "application/x-www-form-urlencoded; charset=utf-8".into(),
                )],
                body: body.into_bytes(),
            })
        }
        "rest-json" => rest_json_request(model, op, input, params),
        _ => {
            let body = match input {
                Some(shape) => json_value(model, shape, &Value::Object(params.clone())),
                None => Value::Object(Map::new()),
            };
            Ok(HttpRequest {
                method: "POST".into(),
                path: "/".into(),
                query: String::new(),
                headers: vec![
                    (
                        "Content-Type".into(),
                        format!("application/x-amz-json-{}", model.json_version()),
                    ),
                    (
                        "X-Amz-Target".into(),
                        format!("{}.{operation}", model.target_prefix()),
                    ),
                ],
                body: body.to_string().into_bytes(),
            })
        }
    }
}

/// A parameter the input shape does not have is refused before anything is sent.
fn check_members(model: &Model, shape: &str, params: &Map<String, Value>) -> Result<(), String> {
    let members = model
        .shape(shape)
        .and_then(|s| s.get("members"))
        .and_then(Value::as_object);
    let Some(members) = members else {
        return Ok(());
    };
    for name in params.keys() {
        if !members.contains_key(name) {
            let known: Vec<&str> = members.keys().map(String::as_str).collect();
            return Err(format!(
                "the parameter '{name}' is not one of {}",
                known.join(", ")
            ));
        }
    }
    Ok(())
}

/// A value in awsJson: blobs base64-encoded, timestamps as epoch seconds, the rest as given.
fn json_value(model: &Model, shape: &str, value: &Value) -> Value {
    let Some(spec) = model.shape(shape) else {
        return value.clone();
    };
    match (spec.get("type").and_then(Value::as_str), value) {
        (Some("structure"), Value::Object(map)) => {
            let members = spec.get("members").and_then(Value::as_object);
            Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let inner = members
                            .and_then(|m| m.get(k))
                            .and_then(|m| m.get("shape"))
                            .and_then(Value::as_str);
                        let v = match inner {
                            Some(inner) => json_value(model, inner, v),
                            None => v.clone(),
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            )
        }
        (Some("list"), Value::Array(items)) => {
            let inner = spec
                .get("member")
                .and_then(|m| m.get("shape"))
                .and_then(Value::as_str);
            Value::Array(
                items
                    .iter()
                    .map(|v| inner.map_or(v.clone(), |s| json_value(model, s, v)))
                    .collect(),
            )
        }
        (Some("map"), Value::Object(map)) => {
            let inner = spec
                .get("value")
                .and_then(|m| m.get("shape"))
                .and_then(Value::as_str);
            Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        (
                            k.clone(),
                            inner.map_or(v.clone(), |s| json_value(model, s, v)),
                        )
                    })
                    .collect(),
            )
        }
        (Some("blob"), Value::String(text)) => {
            Value::String(base64::engine::general_purpose::STANDARD.encode(text.as_bytes()))
        }
        (Some("timestamp"), Value::String(text)) => chrono::DateTime::parse_from_rfc3339(text)
            .map(|t| Value::from(t.timestamp_millis() as f64 / 1000.0))
            .unwrap_or_else(|_| value.clone()),
        _ => value.clone(),
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The query protocol's flattening: `A.B`, `A.member.1`, `A.entry.1.key`.
fn query_struct(
    model: &Model,
    shape: &str,
    map: &Map<String, Value>,
    prefix: &str,
    out: &mut Vec<(String, String)>,
) {
    let members = model
        .shape(shape)
        .and_then(|s| s.get("members"))
        .and_then(Value::as_object);
    for (name, value) in map {
        let spec = members.and_then(|m| m.get(name));
        let wire = spec
            .and_then(|s| s.get("locationName"))
            .and_then(Value::as_str)
            .unwrap_or(name);
        let key = if prefix.is_empty() {
            wire.to_string()
        } else {
            format!("{prefix}.{wire}")
        };
        let inner = spec.and_then(|s| s.get("shape")).and_then(Value::as_str);
        query_value(model, inner, value, &key, out);
    }
}

fn query_value(
    model: &Model,
    shape: Option<&str>,
    value: &Value,
    key: &str,
    out: &mut Vec<(String, String)>,
) {
    let spec = shape.and_then(|s| model.shape(s));
    let kind = spec.and_then(|s| s.get("type")).and_then(Value::as_str);
    let flattened = spec
        .and_then(|s| s.get("flattened"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let part = |which: &str| {
        spec.and_then(|s| s.get(which)).map(|m| {
            (
                m.get("shape").and_then(Value::as_str),
                m.get("locationName").and_then(Value::as_str),
            )
        })
    };
    match (kind, value) {
        (Some("structure"), Value::Object(map)) => {
            query_struct(model, shape.unwrap_or_default(), map, key, out)
        }
        (Some("list"), Value::Array(items)) => {
            if items.is_empty() {
                out.push((key.to_string(), String::new()));
            }
            let (inner, name) = part("member").unwrap_or((None, None));
            for (i, item) in items.iter().enumerate() {
                let item_key = if flattened {
                    format!("{key}.{}", i + 1)
                } else {
                    format!("{key}.{}.{}", name.unwrap_or("member"), i + 1)
                };
                query_value(model, inner, item, &item_key, out);
            }
        }
        (Some("map"), Value::Object(map)) => {
            let (key_shape, key_name) = part("key").unwrap_or((None, None));
            let (value_shape, value_name) = part("value").unwrap_or((None, None));
            for (i, (k, v)) in map.iter().enumerate() {
                let entry = if flattened {
                    format!("{key}.{}", i + 1)
                } else {
                    format!("{key}.entry.{}", i + 1)
                };
                query_value(
                    model,
                    key_shape,
                    &Value::String(k.clone()),
                    &format!("{entry}.{}", key_name.unwrap_or("key")),
                    out,
                );
                query_value(
                    model,
                    value_shape,
                    v,
                    &format!("{entry}.{}", value_name.unwrap_or("value")),
                    out,
                );
            }
        }
        (Some("blob"), Value::String(text)) => out.push((
            key.to_string(),
            base64::engine::general_purpose::STANDARD.encode(text.as_bytes()),
        )),
        (_, Value::Object(_) | Value::Array(_)) => out.push((key.to_string(), value.to_string())),
        _ => out.push((key.to_string(), scalar_text(value))),
    }
}

/// rest-json: members go to the URI, the query string, headers or the body, as the model
/// places them.
fn rest_json_request(
    model: &Model,
    op: &Map<String, Value>,
    input: Option<&str>,
    params: &Map<String, Value>,
) -> Result<HttpRequest, String> {
    let http = op.get("http").and_then(Value::as_object);
    let method = http
        .and_then(|h| h.get("method"))
        .and_then(Value::as_str)
        .unwrap_or("POST")
        .to_string();
    let uri = http
        .and_then(|h| h.get("requestUri"))
        .and_then(Value::as_str)
        .unwrap_or("/");
    let (template, fixed_query) = uri.split_once('?').unwrap_or((uri, ""));
    let spec = input.and_then(|s| model.shape(s));
    let members = spec
        .and_then(|s| s.get("members"))
        .and_then(Value::as_object);
    let payload = spec.and_then(|s| s.get("payload")).and_then(Value::as_str);
    let mut path = template.to_string();
    let mut query: Vec<String> = fixed_query
        .split('&')
        .filter(|q| !q.is_empty())
        .map(String::from)
        .collect();
    let mut headers = Vec::new();
    let mut body_members = Map::new();
    let mut body = Vec::new();
    let mut content_type = None;
    for (name, value) in params {
        let member = members.and_then(|m| m.get(name));
        let location = member
            .and_then(|m| m.get("location"))
            .and_then(Value::as_str);
        let wire = member
            .and_then(|m| m.get("locationName"))
            .and_then(Value::as_str)
            .unwrap_or(name);
        match location {
            Some("uri") => {
                let text = scalar_text(value);
                let greedy = format!("{{{wire}+}}");
                if path.contains(&greedy) {
                    let encoded: Vec<String> = text.split('/').map(encode).collect();
                    path = path.replace(&greedy, &encoded.join("/"));
                } else {
                    path = path.replace(&format!("{{{wire}}}"), &encode(&text));
                }
            }
            Some("querystring") => match value {
                Value::Array(items) => {
                    for item in items {
                        query.push(format!("{}={}", encode(wire), encode(&scalar_text(item))));
                    }
                }
                _ => query.push(format!("{}={}", encode(wire), encode(&scalar_text(value)))),
            },
            Some("header") => headers.push((wire.to_string(), scalar_text(value))),
            _ if Some(name.as_str()) == payload => {
                let inner = member
                    .and_then(|m| m.get("shape"))
                    .and_then(Value::as_str)
                    .and_then(|s| model.shape(s))
                    .and_then(|s| s.get("type"))
                    .and_then(Value::as_str);
                match (inner, value) {
                    // A blob payload is the bytes themselves: a string as its text, any
                    // other JSON value as its JSON.
                    (Some("blob"), Value::String(text)) => body = text.as_bytes().to_vec(),
                    (Some("blob"), other) => body = other.to_string().into_bytes(),
                    _ => {
                        body = value.to_string().into_bytes();
                        content_type = Some("application/json");
                    }
                }
            }
            _ => {
                body_members.insert(name.clone(), value.clone());
            }
        }
    }
    if let Some(missing) = path.find('{') {
        let end = path[missing..]
            .find('}')
            .map_or(path.len(), |e| missing + e + 1);
        return Err(format!(
            "the parameter {} is required",
            path[missing + 1..end - 1].trim_end_matches('+')
        ));
    }
    if !body_members.is_empty() {
        let value = match input {
            Some(shape) => json_value(model, shape, &Value::Object(body_members)),
            None => Value::Object(body_members),
        };
        body = value.to_string().into_bytes();
        content_type = Some("application/json");
    }
    if let Some(ct) = content_type {
        headers.push(("Content-Type".into(), ct.into()));
    }
    Ok(HttpRequest {
        method,
        path,
        query: query.join("&"),
        headers,
        body,
    })
}

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

#[cfg(test)]
mod tests;
