//! AWS's wire protocols as the models describe them: a Task's parameters become the HTTP
//! request an AWS SDK would send (awsJson 1.0/1.1, query, rest-json), and the response or
//! error comes back as JSON in the model's member names.
use base64::Engine;
use serde_json::{Map, Value};

use super::model::Model;
use super::sigv4::encode;

mod response;
pub use response::{parse_error, parse_response};

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

#[cfg(test)]
mod tests;
