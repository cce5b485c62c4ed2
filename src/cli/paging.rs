//! Automatic pagination as botocore's paginators do it, over any list operation whose API
//! takes `maxResults`/`nextToken` and returns `nextToken`: pages are fetched until the
//! service has no more or `--max-items` is reached; a resume token is then printed as
//! `NextToken` and accepted back by `--starting-token`.
use base64::Engine;
use serde_json::{Map, Value};

use crate::api::ApiError;

/// Where to start: the service token and how many items of that page to skip.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Resume {
    pub next_token: Option<String>,
    pub truncate: usize,
}

impl Resume {
    /// Decodes a `--starting-token` (base64 JSON, as botocore writes it).
    pub fn decode(token: &str) -> Option<Resume> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(token.trim())
            .ok()?;
        let value: Value = serde_json::from_slice(&bytes).ok()?;
        let obj = value.as_object()?;
        Some(Resume {
            next_token: obj
                .get("nextToken")
                .and_then(Value::as_str)
                .map(str::to_string),
            truncate: obj
                .get("boto_truncate_amount")
                .and_then(Value::as_u64)
                .unwrap_or(0) as usize,
        })
    }

    pub fn encode(&self) -> String {
        let mut obj = Map::new();
        if let Some(t) = &self.next_token {
            obj.insert("nextToken".into(), Value::String(t.clone()));
        }
        if self.truncate > 0 {
            obj.insert("boto_truncate_amount".into(), Value::from(self.truncate));
        }
        base64::engine::general_purpose::STANDARD.encode(Value::Object(obj).to_string())
    }
}

pub struct Limits {
    pub page_size: Option<i64>,
    pub max_items: Option<usize>,
    pub start: Resume,
}

/// Calls `call` page after page and returns the merged response: the result list, the
/// first page's other members, then `NextToken` when items remain.
pub fn paginate(
    request: &Map<String, Value>,
    result_key: &str,
    limits: &Limits,
    mut call: impl FnMut(Value) -> Result<Value, ApiError>,
) -> Result<Value, ApiError> {
    let mut items: Vec<Value> = Vec::new();
    let mut rest: Option<Map<String, Value>> = None;
    let mut token = limits.start.next_token.clone();
    let mut skip = limits.start.truncate;
    let mut resume = None;
    loop {
        let mut req = request.clone();
        if let Some(size) = limits.page_size {
            req.insert("maxResults".into(), Value::from(size));
        }
        match &token {
            Some(t) => req.insert("nextToken".into(), Value::String(t.clone())),
            None => req.remove("nextToken"),
        };
        let page = call(Value::Object(req))?;
        let Value::Object(mut page) = page else {
            return Ok(page);
        };
        let mut page_items = match page.remove(result_key) {
            Some(Value::Array(a)) => a,
            _ => Vec::new(),
        };
        let next = page
            .remove("nextToken")
            .and_then(|v| v.as_str().map(String::from));
        if rest.is_none() {
            rest = Some(page);
        }
        let consumed_before = skip;
        page_items.drain(..skip.min(page_items.len()));
        skip = 0;
        if let Some(max) = limits.max_items {
            let room = max - items.len();
            if page_items.len() > room {
                items.extend(page_items.into_iter().take(room));
                resume = Some(Resume {
                    next_token: token.clone(),
                    truncate: consumed_before + room,
                });
                break;
            }
            items.extend(page_items);
            if items.len() == max {
                if let Some(n) = next {
                    resume = Some(Resume {
                        next_token: Some(n),
                        truncate: 0,
                    });
                }
                break;
            }
        } else {
            items.extend(page_items);
        }
        match next {
            Some(n) => token = Some(n),
            None => break,
        }
    }
    let mut out = Map::new();
    out.insert(result_key.into(), Value::Array(items));
    for (k, v) in rest.unwrap_or_default() {
        out.insert(k, v);
    }
    if let Some(r) = resume {
        out.insert("NextToken".into(), Value::String(r.encode()));
    }
    Ok(Value::Object(out))
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

    fn limits(page_size: Option<i64>, max_items: Option<usize>, start: Resume) -> Limits {
        Limits {
            page_size,
            max_items,
            start,
        }
    }

    #[test]
    fn merges_all_pages() {
        let out = paginate(
            &Map::new(),
            "items",
            &limits(Some(3), None, Resume::default()),
            service(7),
        )
        .unwrap();
        assert_eq!(out, json!({"items": [0, 1, 2, 3, 4, 5, 6]}));
    }

    #[test]
    fn max_items_mid_page_resumes_where_it_stopped() {
        let out = paginate(
            &Map::new(),
            "items",
            &limits(Some(3), Some(4), Resume::default()),
            service(7),
        )
        .unwrap();
        assert_eq!(out["items"], json!([0, 1, 2, 3]));
        let resume = Resume::decode(out["NextToken"].as_str().unwrap()).unwrap();
        let out = paginate(
            &Map::new(),
            "items",
            &limits(Some(3), None, resume),
            service(7),
        )
        .unwrap();
        assert_eq!(out, json!({"items": [4, 5, 6]}));
    }

    #[test]
    fn max_items_on_a_page_boundary_resumes_at_the_next_page() {
        let out = paginate(
            &Map::new(),
            "items",
            &limits(Some(3), Some(3), Resume::default()),
            service(7),
        )
        .unwrap();
        let resume = Resume::decode(out["NextToken"].as_str().unwrap()).unwrap();
        assert_eq!(
            resume,
            Resume {
                next_token: Some("3".into()),
                truncate: 0
            }
        );
    }

    #[test]
    fn no_next_token_when_everything_fits() {
        let out = paginate(
            &Map::new(),
            "items",
            &limits(None, Some(10), Resume::default()),
            service(7),
        )
        .unwrap();
        assert!(out.get("NextToken").is_none());
    }
}
