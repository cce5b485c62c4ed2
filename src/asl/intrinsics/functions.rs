//! The intrinsic functions themselves, on evaluated arguments, with AWS's (and Java's)
//! ways of printing, rounding and hashing.
use base64::Engine as _;
use serde_json::{Map, Number, Value};

use super::{Arg, Call};
use crate::asl::host::{self, JavaRandom};

/// Runs the function `call` names on its evaluated `args`; the failure's cause otherwise.
pub(super) fn apply(call: &Call, args: &[&Value]) -> Result<Value, String> {
    let f = Fn {
        name: &call.name,
        args,
    };
    match call.name.as_str() {
        "States.Format" => f.format(&call.args[0]),
        "States.StringToJson" => f.string_to_json(),
        "States.JsonToString" => Ok(Value::String(compact(args[0]))),
        "States.Array" => Ok(Value::Array(args.iter().map(|v| (*v).clone()).collect())),
        "States.ArrayPartition" => f.array_partition(),
        "States.ArrayContains" => f.array(0).map(|a| Value::Bool(a.contains(args[1]))),
        "States.ArrayRange" => f.array_range(),
        "States.ArrayGetItem" => f.array_get_item(),
        "States.ArrayLength" => f.array(0).map(|a| Value::from(a.len())),
        "States.ArrayUnique" => f.array_unique(),
        "States.Base64Encode" => f.base64_encode(),
        "States.Base64Decode" => f.base64_decode(),
        "States.Hash" => f.hash(),
        "States.JsonMerge" => f.json_merge(),
        "States.MathRandom" => f.math_random(),
        "States.MathAdd" => f.math_add(),
        "States.StringSplit" => f.string_split(),
        "States.UUID" => Ok(Value::String(uuid::Uuid::new_v4().to_string())),
        other => Err(format!("Unknown intrinsic function: '{other}'")),
    }
}

/// The arguments of one call, with typed accessors that word AWS-like failures.
struct Fn<'c> {
    name: &'c str,
    args: &'c [&'c Value],
}

/// Largest input Base64Encode/Decode and Hash accept, in characters.
const MAX_STRING_INPUT: usize = 10_000;
/// Largest array ArrayRange may produce.
const MAX_RANGE_ITEMS: usize = 1000;

impl Fn<'_> {
    fn fail(&self, why: impl std::fmt::Display) -> String {
        format!("Invalid arguments in {}: {why}", self.name)
    }

    fn string(&self, i: usize) -> Result<&str, String> {
        self.args[i]
            .as_str()
            .ok_or_else(|| self.fail(format!("argument {} must be a string", i + 1)))
    }

    fn array(&self, i: usize) -> Result<&Vec<Value>, String> {
        self.args[i]
            .as_array()
            .ok_or_else(|| self.fail(format!("argument {} must be an array", i + 1)))
    }

    fn object(&self, i: usize) -> Result<&Map<String, Value>, String> {
        self.args[i]
            .as_object()
            .ok_or_else(|| self.fail(format!("argument {} must be a JSON object", i + 1)))
    }

    /// An integer argument; `1.0` counts as an integer.
    fn integer(&self, i: usize) -> Result<i64, String> {
        let v = self.args[i];
        v.as_i64()
            .or_else(|| {
                v.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    .map(|f| f as i64)
            })
            .ok_or_else(|| self.fail(format!("argument {} must be an integer", i + 1)))
    }

    fn number(&self, i: usize) -> Result<f64, String> {
        self.args[i]
            .as_f64()
            .ok_or_else(|| self.fail(format!("argument {} must be a number", i + 1)))
    }

    fn format(&self, template_arg: &Arg) -> Result<Value, String> {
        let template = self.string(0)?;
        // A literal template keeps its escapes: `\{` and `\}` are braces, not placeholders.
        let raw = match template_arg {
            Arg::String { raw, .. } => raw.as_str(),
            _ => template,
        };
        let escapes = matches!(template_arg, Arg::String { .. });
        let values = &self.args[1..];
        let mut out = String::with_capacity(raw.len());
        let mut next = 0;
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if escapes => {
                    if let Some(e) = chars.next() {
                        out.push(e);
                    }
                }
                '{' if chars.peek() == Some(&'}') => {
                    chars.next();
                    let value = values.get(next).ok_or_else(|| {
                        self.fail("the number of arguments does not match the number of '{}' in the template")
                    })?;
                    next += 1;
                    render_format_arg(value, &mut out);
                }
                c => out.push(c),
            }
        }
        if next != values.len() {
            return Err(self.fail(
                "the number of arguments does not match the number of '{}' in the template",
            ));
        }
        Ok(Value::String(out))
    }

    fn string_to_json(&self) -> Result<Value, String> {
        let text = self.string(0)?;
        if text.trim().is_empty() {
            return Ok(Value::Null);
        }
        let value: Value = serde_json::from_str(text)
            .map_err(|e| self.fail(format!("the string is not valid JSON ({e})")))?;
        Ok(normalize_negative_zero(value, text))
    }

    fn array_partition(&self) -> Result<Value, String> {
        let items = self.array(0)?;
        let size = self.integer(1)?;
        if size <= 0 {
            return Err(self.fail("the chunk size must be a positive integer"));
        }
        Ok(Value::Array(
            items
                .chunks(size as usize)
                .map(|chunk| Value::Array(chunk.to_vec()))
                .collect(),
        ))
    }

    fn array_range(&self) -> Result<Value, String> {
        let (start, end, step) = (self.integer(0)?, self.integer(1)?, self.integer(2)?);
        if step == 0 {
            return Err(self.fail("the step must not be 0"));
        }
        let count = if (step > 0 && start > end) || (step < 0 && start < end) {
            0
        } else {
            (end - start) / step + 1
        };
        if count as usize > MAX_RANGE_ITEMS {
            return Err(self.fail(format!(
                "the range would have {count} items; at most {MAX_RANGE_ITEMS} are allowed"
            )));
        }
        Ok(Value::Array(
            (0..count).map(|k| Value::from(start + k * step)).collect(),
        ))
    }

    fn array_get_item(&self) -> Result<Value, String> {
        let items = self.array(0)?;
        let index = self.integer(1)?;
        usize::try_from(index)
            .ok()
            .and_then(|i| items.get(i))
            .cloned()
            .ok_or_else(|| {
                self.fail(format!(
                    "index {index} is out of bounds for an array of length {}",
                    items.len()
                ))
            })
    }

    fn array_unique(&self) -> Result<Value, String> {
        let mut unique: Vec<Value> = Vec::new();
        for item in self.array(0)? {
            if !unique.contains(item) {
                unique.push(item.clone());
            }
        }
        Ok(Value::Array(unique))
    }

    fn limited_string(&self, i: usize) -> Result<&str, String> {
        let s = self.string(i)?;
        if s.chars().count() > MAX_STRING_INPUT {
            return Err(self.fail(format!(
                "the input string must be at most {MAX_STRING_INPUT} characters"
            )));
        }
        Ok(s)
    }

    fn base64_encode(&self) -> Result<Value, String> {
        let s = self.limited_string(0)?;
        Ok(Value::String(
            base64::engine::general_purpose::STANDARD.encode(s.as_bytes()),
        ))
    }

    fn base64_decode(&self) -> Result<Value, String> {
        let s = self.limited_string(0)?;
        // MIME decoding ignores line breaks.
        let cleaned: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(cleaned.as_bytes())
            .map_err(|e| self.fail(format!("the string is not valid base64 ({e})")))?;
        String::from_utf8(bytes)
            .map(Value::String)
            .map_err(|_| self.fail("the decoded data is not valid UTF-8 text"))
    }

    fn hash(&self) -> Result<Value, String> {
        let data = self.limited_string(0)?.as_bytes();
        let algorithm = self.string(1)?;
        host::hash(data, algorithm).map(Value::String).ok_or_else(|| {
            self.fail(format!(
                "unsupported hash algorithm '{algorithm}'; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512"
            ))
        })
    }

    fn json_merge(&self) -> Result<Value, String> {
        let mut merged = self.object(0)?.clone();
        let other = self.object(1)?;
        match self.args[2] {
            Value::Bool(false) => {}
            Value::Bool(true) => return Err(self.fail("deep merge (true) is not supported")),
            _ => return Err(self.fail("argument 3 must be the boolean false")),
        }
        for (k, v) in other {
            merged.insert(k.clone(), v.clone());
        }
        Ok(Value::Object(merged))
    }

    fn math_random(&self) -> Result<Value, String> {
        // Bounds are truncated to integers, like Java's intValue().
        let start = self.number(0)?.trunc() as i64;
        let end = self.number(1)?.trunc() as i64;
        if end < start {
            return Err(self.fail("the end of the range must not be less than its start"));
        }
        let seed = match self.args.get(2) {
            Some(_) => self.integer(2)?,
            None => rand::random::<i64>(),
        };
        let span = end - start + 1;
        let offset = if span > i64::from(i32::MAX) {
            JavaRandom::new(seed).next_long().rem_euclid(span)
        } else {
            i64::from(JavaRandom::new(seed).next_int(span as i32))
        };
        Ok(Value::from(start + offset))
    }

    fn math_add(&self) -> Result<Value, String> {
        let a = java_round(self.number(0)?);
        let b = java_round(self.number(1)?);
        for v in [a, b] {
            if v < i64::from(i32::MIN) || v > i64::from(i32::MAX) {
                return Err(self.fail(format!(
                    "{v} is outside the integer range {}..{}",
                    i32::MIN,
                    i32::MAX
                )));
            }
        }
        Ok(Value::from(a + b))
    }

    fn string_split(&self) -> Result<Value, String> {
        let text = self.string(0)?;
        let delimiters: Vec<char> = self.string(1)?.chars().collect();
        Ok(Value::Array(
            text.split(|c| delimiters.contains(&c))
                .filter(|piece| !piece.is_empty())
                .map(|piece| Value::String(piece.to_string()))
                .collect(),
        ))
    }
}

/// Java's `Math.round(double)`: half up, so -2.5 rounds to -2.
fn java_round(x: f64) -> i64 {
    (x + 0.5).floor() as i64
}

/// Compact JSON text, as States.JsonToString produces.
pub(super) fn compact(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// `-0` parses to the integer 0 in Java's JSON parsers (serde_json makes it -0.0).
/// Only applies when the text has no fraction or exponent, so `-0.0` stays a double.
fn normalize_negative_zero(value: Value, text: &str) -> Value {
    if text.contains(['.', 'e', 'E']) {
        return value;
    }
    match value {
        Value::Number(n) if n.is_f64() && n.as_f64() == Some(0.0) => Value::from(0),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|v| normalize_negative_zero(v, text))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, normalize_negative_zero(v, text)))
                .collect(),
        ),
        other => other,
    }
}

/// How States.Format prints a value: strings bare, objects and arrays as Java's
/// `Map.toString()`/`List.toString()` (`{a=1, b=[x, y]}`).
fn render_format_arg(value: &Value, out: &mut String) {
    match value {
        Value::String(s) => out.push_str(s),
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&java_number(n)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                render_format_arg(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push('=');
                render_format_arg(v, out);
            }
            out.push('}');
        }
    }
}

/// A number as Java prints it: integers plainly, doubles like `Double.toString`
/// (`1.5`, `2.0`, `1.0E21`).
fn java_number(n: &Number) -> String {
    if !n.is_f64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    let magnitude = f.abs();
    if magnitude == 0.0 || (1e-3..1e7).contains(&magnitude) {
        let s = format!("{f}");
        if s.contains('.') {
            s
        } else {
            format!("{s}.0")
        }
    } else {
        let s = format!("{f:e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = if mantissa.contains('.') {
            mantissa.to_string()
        } else {
            format!("{mantissa}.0")
        };
        format!("{mantissa}E{exponent}")
    }
}
