//! Parameter values as the AWS CLI reads them: `file://` and `fileb://`, JSON or shorthand
//! for structures and lists, numbers and booleans.
use std::path::PathBuf;

use serde_json::{Map, Value};

use super::table::{Flag, Kind};

/// A parameter the CLI could not turn into a request member (AWS CLI exit 252).
#[derive(Debug, thiserror::Error)]
#[error("Error parsing parameter '--{flag}': {message}")]
pub struct ParamError {
    pub flag: String,
    pub message: String,
}

impl ParamError {
    pub fn new(flag: &str, message: impl Into<String>) -> ParamError {
        ParamError {
            flag: flag.to_string(),
            message: message.into(),
        }
    }
}

/// Reads a `file://` or `fileb://` value; other values are returned unchanged.
pub fn resolve_file(flag: &str, raw: &str) -> Result<String, ParamError> {
    let (prefix, path) = if let Some(p) = raw.strip_prefix("file://") {
        ("file://", p)
    } else if let Some(p) = raw.strip_prefix("fileb://") {
        ("fileb://", p)
    } else {
        return Ok(raw.to_string());
    };
    let full = expand_home(path);
    let bytes = std::fs::read(&full).map_err(|e| {
        ParamError::new(
            flag,
            format!(
                "Unable to load paramfile {prefix}{path}: {}",
                io_message(&e)
            ),
        )
    })?;
    String::from_utf8(bytes).map_err(|_| {
        ParamError::new(
            flag,
            format!("Unable to load paramfile {prefix}{path}: the file is not valid UTF-8"),
        )
    })
}

fn expand_home(path: &str) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/") {
        if let Some(home) = dirs::home_dir() {
            return home.join(rest);
        }
    } else if path == "~" {
        if let Some(home) = dirs::home_dir() {
            return home;
        }
    }
    PathBuf::from(path)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

/// Converts the flag's raw values (after `file://` resolution) into the member's JSON.
pub fn convert(flag: &Flag, values: &[String]) -> Result<Value, ParamError> {
    let sample: Value = serde_json::from_str(flag.sample).unwrap_or(Value::Null);
    let one = || values.last().map(String::as_str).unwrap_or("");
    match flag.kind {
        Kind::Str | Kind::Enum | Kind::Blob | Kind::Timestamp => Ok(Value::String(one().into())),
        Kind::Int | Kind::Long => parse_integer(one()).map(Value::from).ok_or_else(|| {
            ParamError::new(
                flag.name,
                format!("invalid integer: '{}'", crate::asl::error::quote(one())),
            )
        }),
        Kind::Float => one()
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| {
                ParamError::new(
                    flag.name,
                    format!("invalid number: '{}'", crate::asl::error::quote(one())),
                )
            }),
        Kind::Bool => Ok(Value::Bool(true)),
        Kind::Struct | Kind::Map => structure(flag.name, one(), &sample),
        Kind::List => list(flag.name, values, &sample),
    }
}

fn parse_integer(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok()
}

fn structure(flag: &str, raw: &str, sample: &Value) -> Result<Value, ParamError> {
    let trimmed = raw.trim_start();
    if trimmed.starts_with('{') {
        return json(flag, raw);
    }
    let parsed = shorthand::parse(raw).map_err(|e| ParamError::new(flag, e))?;
    Ok(coerce(parsed, sample))
}

fn list(flag: &str, values: &[String], sample: &Value) -> Result<Value, ParamError> {
    if let [only] = values {
        if only.trim_start().starts_with('[') {
            return json(flag, only);
        }
    }
    let element = sample
        .as_array()
        .and_then(|a| a.first())
        .cloned()
        .unwrap_or(Value::String(String::new()));
    let mut items = Vec::with_capacity(values.len());
    for raw in values {
        let item = match &element {
            Value::Object(_) => structure(flag, raw, &element)?,
            other => coerce(Value::String(raw.clone()), other),
        };
        items.push(item);
    }
    Ok(Value::Array(items))
}

fn json(flag: &str, raw: &str) -> Result<Value, ParamError> {
    serde_json::from_str(raw).map_err(|e| {
        ParamError::new(
            flag,
            format!(
                "Invalid JSON: {e}\nJSON received: {}",
                crate::asl::error::quote(raw)
            ),
        )
    })
}

/// Gives shorthand strings the types of the model: `enabled=true` is a boolean.
fn coerce(value: Value, sample: &Value) -> Value {
    match (value, sample) {
        (Value::String(s), Value::Bool(_)) => match s.to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(s),
        },
        (Value::String(s), Value::Number(n)) => {
            if n.is_f64() {
                s.parse::<f64>()
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map(Value::Number)
                    .unwrap_or(Value::String(s))
            } else {
                s.parse::<i64>()
                    .map(Value::from)
                    .unwrap_or(Value::String(s))
            }
        }
        (Value::Object(map), Value::Object(shape)) => {
            let fallback = shape.get("KeyName").cloned().unwrap_or(Value::Null);
            let out: Map<String, Value> = map
                .into_iter()
                .map(|(k, v)| {
                    let s = shape.get(&k).unwrap_or(&fallback);
                    let v = coerce(v, s);
                    (k, v)
                })
                .collect();
            Value::Object(out)
        }
        (Value::Array(items), Value::Array(shape)) => {
            let s = shape.first().cloned().unwrap_or(Value::Null);
            Value::Array(items.into_iter().map(|v| coerce(v, &s)).collect())
        }
        // A single shorthand value where the model wants a list.
        (v @ Value::String(_), Value::Array(shape)) => {
            let s = shape.first().cloned().unwrap_or(Value::Null);
            Value::Array(vec![coerce(v, &s)])
        }
        (v, _) => v,
    }
}

/// The AWS CLI shorthand syntax: `key=value,key2={a=b},key3=[x,y]`.
mod shorthand {
    use serde_json::{Map, Value};

    pub fn parse(input: &str) -> Result<Value, String> {
        let mut p = Parser {
            chars: input.chars().collect(),
            pos: 0,
        };
        let value = p.pairs(None)?;
        if p.pos < p.chars.len() {
            return Err(p.error("unexpected character"));
        }
        Ok(value)
    }

    struct Parser {
        chars: Vec<char>,
        pos: usize,
    }

    impl Parser {
        fn error(&self, what: &str) -> String {
            // A long value is quoted around the position, not whole.
            let limit = crate::asl::error::QUOTE_LIMIT;
            let start = self.pos.saturating_sub(limit / 2);
            let end = (start + limit).min(self.chars.len());
            let start = end.saturating_sub(limit);
            let text = format!(
                "{}{}{}",
                if start > 0 { "..." } else { "" },
                self.chars[start..end].iter().collect::<String>(),
                if end < self.chars.len() { "..." } else { "" }
            );
            format!(
                "Expected: '<key>=<value>', {what} at position {}\n{text}",
                self.pos
            )
        }

        fn peek(&self) -> Option<char> {
            self.chars.get(self.pos).copied()
        }

        /// `k=v,k=v` up to `close` (or the end).
        fn pairs(&mut self, close: Option<char>) -> Result<Value, String> {
            let mut map = Map::new();
            loop {
                self.skip_ws();
                if self.peek() == close {
                    break;
                }
                let key = self.key()?;
                self.skip_ws();
                if self.peek() != Some('=') {
                    return Err(self.error("missing '='"));
                }
                self.pos += 1;
                let value = self.value(close)?;
                map.insert(key, value);
                self.skip_ws();
                match self.peek() {
                    Some(',') => self.pos += 1,
                    c if c == close => break,
                    _ => return Err(self.error("unexpected character")),
                }
            }
            Ok(Value::Object(map))
        }

        fn key(&mut self) -> Result<String, String> {
            let start = self.pos;
            while let Some(c) = self.peek() {
                if c == '=' || c == ',' || c.is_whitespace() {
                    break;
                }
                self.pos += 1;
            }
            if self.pos == start {
                return Err(self.error("empty key"));
            }
            Ok(self.chars[start..self.pos].iter().collect())
        }

        fn value(&mut self, close: Option<char>) -> Result<Value, String> {
            self.skip_ws();
            match self.peek() {
                Some('{') => {
                    self.pos += 1;
                    let v = self.pairs(Some('}'))?;
                    self.expect('}')?;
                    Ok(v)
                }
                Some('[') => {
                    self.pos += 1;
                    let mut items = Vec::new();
                    loop {
                        self.skip_ws();
                        if self.peek() == Some(']') {
                            break;
                        }
                        items.push(self.value(Some(']'))?);
                        self.skip_ws();
                        match self.peek() {
                            Some(',') => self.pos += 1,
                            Some(']') => break,
                            _ => return Err(self.error("unexpected character")),
                        }
                    }
                    self.expect(']')?;
                    Ok(Value::Array(items))
                }
                Some(q @ ('"' | '\'')) => {
                    self.pos += 1;
                    let start = self.pos;
                    while self.peek().is_some_and(|c| c != q) {
                        self.pos += 1;
                    }
                    let s: String = self.chars[start..self.pos].iter().collect();
                    self.expect(q)?;
                    Ok(Value::String(s))
                }
                _ => {
                    let start = self.pos;
                    while let Some(c) = self.peek() {
                        if c == ',' || Some(c) == close {
                            break;
                        }
                        self.pos += 1;
                    }
                    let s: String = self.chars[start..self.pos].iter().collect();
                    Ok(Value::String(s.trim_end().to_string()))
                }
            }
        }

        fn expect(&mut self, c: char) -> Result<(), String> {
            if self.peek() == Some(c) {
                self.pos += 1;
                Ok(())
            } else {
                Err(self.error(&format!("missing '{c}'")))
            }
        }

        fn skip_ws(&mut self) {
            while self.peek().is_some_and(char::is_whitespace) {
                self.pos += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shorthand_flat_pairs() {
        assert_eq!(
            shorthand::parse("key=a,value=b").unwrap(),
            json!({"key": "a", "value": "b"})
        );
    }

    #[test]
    fn shorthand_nested_structures_and_lists() {
        assert_eq!(
            shorthand::parse("level=ALL,destinations=[{cloudWatchLogsLogGroup={logGroupArn=x}}]")
                .unwrap(),
            json!({"level": "ALL", "destinations": [{"cloudWatchLogsLogGroup": {"logGroupArn": "x"}}]})
        );
    }

    #[test]
    fn shorthand_rejects_missing_equals() {
        assert!(shorthand::parse("justakey").is_err());
    }

    #[test]
    fn coerce_uses_model_types() {
        let sample = json!({"enabled": true, "n": 0, "s": ""});
        assert_eq!(
            coerce(json!({"enabled": "false", "n": "7", "s": "7"}), &sample),
            json!({"enabled": false, "n": 7, "s": "7"})
        );
    }
}
