//! Automatic pagination as botocore's paginators do it, over any list operation whose API
//! takes `maxResults`/`nextToken` and returns `nextToken`: pages are fetched until the
//! service has no more or `--max-items` is reached; a resume token is then printed as
//! `NextToken` and accepted back by `--starting-token`. The pages are kept: the text
//! format prints (and queries) each page on its own, as the AWS CLI does.
use base64::Engine;
use serde_json::{Map, Value};

use crate::api::ApiError;

/// Where to start: the service token and how many items of that page to skip.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Resume {
    /// The members the token sets on the first request (`nextToken`, or anything a
    /// hand-made token holds, which botocore passes on as it is).
    pub params: Map<String, Value>,
    /// `boto_truncate_amount`: present when a page was cut short.
    pub truncate: Option<i64>,
}

impl Resume {
    /// Reads a `--starting-token` as botocore does: base64 JSON of the request's token
    /// members plus `boto_truncate_amount`; anything else is the old `TOKEN___INDEX` form
    /// or, failing that, the service's own `nextToken`, passed on unchanged.
    pub fn decode(token: &str) -> Resume {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(token.trim())
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok());
        if let Some(Value::Object(mut params)) = decoded {
            let truncate = params
                .remove("boto_truncate_amount")
                .and_then(|v| v.as_i64());
            return Resume { params, truncate };
        }
        let mut parts: Vec<&str> = token.split("___").collect();
        let mut truncate = None;
        if parts.len() == 2 {
            match parts[1].parse::<i64>() {
                Ok(n) => {
                    truncate = Some(n);
                    parts.pop();
                }
                Err(_) => parts = vec![token],
            }
        }
        let mut params = Map::new();
        let value = match parts[0] {
            "None" => Value::Null,
            t => Value::String(t.to_string()),
        };
        params.insert("nextToken".into(), value);
        Resume { params, truncate }
    }

    /// Sets the token's members on a request, as botocore's `_inject_token_into_kwargs`
    /// does: a member that is `None` is left out.
    pub fn inject(&self, request: &mut Map<String, Value>) {
        for (k, v) in &self.params {
            if v.is_null() || v == "None" {
                request.remove(k);
            } else {
                request.insert(k.clone(), v.clone());
            }
        }
    }

    /// base64 of the JSON Python's `json.dumps` writes (`{"nextToken": "...",
    /// "boto_truncate_amount": 2}`), so tokens match the AWS CLI's byte for byte.
    pub fn encode(&self) -> String {
        let mut parts: Vec<String> = self
            .params
            .iter()
            .map(|(k, v)| format!("{}: {}", Value::String(k.clone()), python_json(v)))
            .collect();
        if let Some(n) = self.truncate {
            parts.push(format!("\"boto_truncate_amount\": {n}"));
        }
        base64::engine::general_purpose::STANDARD.encode(format!("{{{}}}", parts.join(", ")))
    }
}

/// JSON with Python's default separators and ASCII escapes.
fn python_json(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let mut out = String::from('"');
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                        let mut buf = [0u16; 2];
                        for unit in c.encode_utf16(&mut buf) {
                            out.push_str(&format!("\\u{unit:04x}"));
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(python_json).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}: {}",
                        python_json(&Value::String(k.clone())),
                        python_json(v)
                    )
                })
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        other => other.to_string(),
    }
}

pub struct Limits {
    pub page_size: Option<i64>,
    pub max_items: Option<i64>,
    pub start: Option<Resume>,
}

/// What a paginated call returned: each page as the paginator yields it (its result
/// list cut where `--starting-token` and `--max-items` say), the first page's other
/// members, and the token to resume with.
#[derive(Debug)]
pub struct Pages {
    pub result_key: String,
    pub pages: Vec<Map<String, Value>>,
    pub non_aggregate: Map<String, Value>,
    pub resume: Option<String>,
}

impl Pages {
    /// botocore's `build_full_result`: the result lists joined, the first page's other
    /// members, then `NextToken`.
    pub fn full(&self) -> Value {
        let mut out = Map::new();
        let mut items: Option<Vec<Value>> = None;
        for page in &self.pages {
            match page.get(&self.result_key) {
                Some(Value::Array(a)) => {
                    items.get_or_insert_with(Vec::new).extend(a.iter().cloned())
                }
                Some(Value::Null) | None => {}
                Some(other) => {
                    items.get_or_insert_with(Vec::new).push(other.clone());
                }
            }
        }
        if let Some(items) = items {
            out.insert(self.result_key.clone(), Value::Array(items));
        }
        for (k, v) in &self.non_aggregate {
            out.insert(k.clone(), v.clone());
        }
        if let Some(token) = &self.resume {
            out.insert("NextToken".into(), Value::String(token.clone()));
        }
        Value::Object(out)
    }
}

/// Python's `list[:n]` / `list[n:]` bounds for a possibly negative `n`.
fn py_index(n: i64, len: usize) -> usize {
    if n < 0 {
        (len as i64 + n).max(0) as usize
    } else {
        (n as usize).min(len)
    }
}

/// Calls `call` page after page, as botocore's `PageIterator` does.
pub fn paginate(
    request: &Map<String, Value>,
    result_key: &str,
    limits: &Limits,
    mut call: impl FnMut(Value) -> Result<Value, ApiError>,
) -> Result<Pages, ApiError> {
    let mut out = Pages {
        result_key: result_key.to_string(),
        pages: Vec::new(),
        non_aggregate: Map::new(),
        resume: None,
    };
    let mut kwargs = request.clone();
    if let Some(size) = limits.page_size {
        kwargs.insert("maxResults".into(), Value::from(size));
    }
    // The token the current page was asked with (all members present, None when unset).
    let mut next_token: Map<String, Value> = Map::new();
    next_token.insert("nextToken".into(), Value::Null);
    let mut starting_truncation = 0;
    if let Some(start) = &limits.start {
        next_token = start.params.clone();
        start.inject(&mut kwargs);
    }
    let mut total_items: i64 = 0;
    let mut first = true;
    let mut previous: Option<Value> = None;
    loop {
        let page = call(Value::Object(kwargs.clone()))?;
        let Value::Object(mut page) = page else {
            return Ok(out);
        };
        if first {
            if let Some(start) = &limits.start {
                starting_truncation = start.truncate.unwrap_or(0);
                if let Some(Value::Array(items)) = page.get_mut(result_key) {
                    let from = py_index(starting_truncation, items.len());
                    items.drain(..from);
                } else if page.contains_key(result_key) {
                    page.insert(result_key.into(), Value::Null);
                }
            }
            first = false;
            for (k, v) in &page {
                if k != result_key && k != "nextToken" {
                    out.non_aggregate.insert(k.clone(), v.clone());
                }
            }
        } else {
            starting_truncation = 0;
        }
        let count = match page.get(result_key) {
            Some(Value::Array(a)) => a.len() as i64,
            _ => 0,
        };
        let page_next = page.get("nextToken").cloned().unwrap_or(Value::Null);
        let truncate_amount = match limits.max_items {
            Some(max) => total_items + count - max,
            None => 0,
        };
        page.remove("nextToken");
        if truncate_amount > 0 {
            let keep = count - truncate_amount;
            if let Some(Value::Array(items)) = page.get_mut(result_key) {
                let end = py_index(keep, items.len());
                items.truncate(end);
            } else {
                page.insert(result_key.into(), Value::Array(Vec::new()));
            }
            out.pages.push(page);
            out.resume = Some(
                Resume {
                    params: next_token.clone(),
                    truncate: Some(keep + starting_truncation),
                }
                .encode(),
            );
            break;
        }
        out.pages.push(page);
        total_items += count;
        if page_next.is_null() {
            break;
        }
        next_token = Map::new();
        next_token.insert("nextToken".into(), page_next.clone());
        if limits.max_items == Some(total_items) {
            out.resume = Some(
                Resume {
                    params: next_token,
                    truncate: None,
                }
                .encode(),
            );
            break;
        }
        if previous.as_ref() == Some(&page_next) {
            return Err(ApiError::internal(format!(
                "The same next token was received twice: {{'nextToken': '{}'}}",
                page_next.as_str().unwrap_or_default()
            )));
        }
        kwargs.insert("nextToken".into(), page_next.clone());
        previous = Some(page_next);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A fake list operation over 0..n with the service's page size and tokens.
    fn service(n: usize) -> impl FnMut(Value) -> Result<Value, ApiError> {
        move |req: Value| {
            let size = req["maxResults"].as_u64().unwrap_or(100) as usize;
            let start: usize = req["nextToken"].as_str().map_or(0, |t| t.parse().unwrap());
            let end = (start + size).min(n);
            let mut page = json!({"items": (start..end).collect::<Vec<_>>()});
            if end < n {
                page["nextToken"] = json!(end.to_string());
            }
            Ok(page)
        }
    }

    fn run(n: usize, page_size: Option<i64>, max_items: Option<i64>, start: Option<&str>) -> Pages {
        let limits = Limits {
            page_size,
            max_items,
            start: start.map(Resume::decode),
        };
        paginate(&Map::new(), "items", &limits, service(n)).unwrap()
    }

    #[test]
    fn merges_all_pages_and_keeps_each_one() {
        let out = run(7, Some(3), None, None);
        assert_eq!(out.full(), json!({"items": [0, 1, 2, 3, 4, 5, 6]}));
        assert_eq!(out.pages.len(), 3);
        assert_eq!(
            out.pages[2],
            json!({"items": [6]}).as_object().unwrap().clone()
        );
    }

    #[test]
    fn max_items_mid_page_resumes_where_it_stopped() {
        let out = run(7, Some(3), Some(4), None);
        assert_eq!(out.full()["items"], json!([0, 1, 2, 3]));
        let token = out.resume.unwrap();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(&token)
            .unwrap();
        // Python's json.dumps separators: the token is the AWS CLI's, byte for byte.
        assert_eq!(
            String::from_utf8(decoded).unwrap(),
            r#"{"nextToken": "3", "boto_truncate_amount": 1}"#
        );
        let out = run(7, Some(3), None, Some(&token));
        assert_eq!(out.full(), json!({"items": [4, 5, 6]}));
    }

    #[test]
    fn max_items_on_a_page_boundary_resumes_at_the_next_page() {
        let out = run(7, Some(3), Some(3), None);
        assert_eq!(
            Resume::decode(&out.resume.unwrap()),
            Resume {
                params: json!({"nextToken": "3"}).as_object().unwrap().clone(),
                truncate: None
            }
        );
    }

    #[test]
    fn max_items_zero_returns_nothing_and_a_token_for_everything() {
        let out = run(7, Some(3), Some(0), None);
        assert_eq!(out.full()["items"], json!([]));
        let resume = Resume::decode(&out.resume.unwrap());
        assert_eq!(resume.params["nextToken"], Value::Null);
        assert_eq!(resume.truncate, Some(0));
    }

    #[test]
    fn a_foreign_token_is_the_service_token() {
        let out = run(7, Some(3), None, Some("3"));
        assert_eq!(out.full()["items"], json!([3, 4, 5, 6]));
        let resume = Resume::decode("abc___2");
        assert_eq!(resume.params["nextToken"], "abc");
        assert_eq!(resume.truncate, Some(2));
        assert_eq!(Resume::decode("a___b").params["nextToken"], "a___b");
    }

    #[test]
    fn no_next_token_when_everything_fits() {
        assert!(run(7, None, Some(10), None).resume.is_none());
    }
}
