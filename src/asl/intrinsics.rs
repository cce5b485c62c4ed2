//! The 18 intrinsic functions (`States.Format`, `States.MathAdd`, ...) with AWS's quirks.
//!
//! Used by payload templates, `…Path` fields and the validator (one parser and arity
//! table for all).
//!
//! An expression is parsed once into a [`Call`] tree (cached per thread, like paths) and
//! then evaluated: arguments first (literals, paths, nested calls), then the function.
//! A path argument that selects nothing is a path failure (AWS reports it as
//! `States.Runtime`, like any missing template path); anything wrong with the argument
//! values is `States.IntrinsicFailure`.
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use base64::Engine as _;
use serde_json::{Map, Number, Value};

use super::field::Path;
use super::host::{self, JavaRandom};
use super::path::{self, PathError, Scope};
use super::StatesError;

/// True when a template value is an intrinsic call rather than a path.
pub fn is_call(expr: &str) -> bool {
    expr.trim_start().starts_with("States.")
}

/// Evaluates one intrinsic call such as `States.Format('{}', $.x)`.
pub fn evaluate(expr: &str, scope: &Scope) -> Result<Value, StatesError> {
    evaluate_detailed(expr, scope).map_err(|failure| failure.into_error(scope))
}

impl Failure {
    /// The error of a failed call evaluated in `scope`.
    pub fn into_error(self, scope: &Scope) -> StatesError {
        match self {
            Failure::Path { path, .. } => StatesError::runtime(format!(
                "The JSONPath '{path}' could not be found in the input '{}'",
                compact(scope.input)
            )),
            Failure::Intrinsic(cause) => StatesError::intrinsic(cause),
        }
    }
}

/// Why an intrinsic call failed, with enough detail for the caller to word the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A path argument selected nothing (or named an unassigned variable).
    Path { path: String, error: PathError },
    /// The call is malformed or its arguments are unacceptable: `States.IntrinsicFailure`.
    Intrinsic(String),
}

/// Evaluates one intrinsic call, keeping path failures apart from intrinsic failures.
pub fn evaluate_detailed(expr: &str, scope: &Scope) -> Result<Value, Failure> {
    let call = compile(expr).map_err(Failure::Intrinsic)?;
    eval_call(&call, scope)
}

impl Call {
    /// Evaluates a parsed call.
    pub fn evaluate(&self, scope: &Scope) -> Result<Value, Failure> {
        eval_call(self, scope)
    }
}

/// The deepest nesting AWS allows (a call inside a call ... ten levels).
pub const MAX_NESTING: usize = 10;

/// One parsed call: `name` is the full name (`States.Format`).
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Arg>,
}

/// One argument of a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A single-quoted literal; `value` has the escapes resolved, `raw` keeps them
    /// (States.Format needs to know which braces were escaped).
    String {
        value: String,
        raw: String,
    },
    Number(Number),
    Bool(bool),
    Null,
    /// `$...`, `$$...` or `$var...`, parsed once.
    Path(Path),
    Call(Call),
}

/// Name and accepted argument counts of every intrinsic function.
const FUNCTIONS: &[(&str, usize, Option<usize>)] = &[
    ("States.Format", 1, None),
    ("States.StringToJson", 1, Some(1)),
    ("States.JsonToString", 1, Some(1)),
    ("States.Array", 0, None),
    ("States.ArrayPartition", 2, Some(2)),
    ("States.ArrayContains", 2, Some(2)),
    ("States.ArrayRange", 3, Some(3)),
    ("States.ArrayGetItem", 2, Some(2)),
    ("States.ArrayLength", 1, Some(1)),
    ("States.ArrayUnique", 1, Some(1)),
    ("States.Base64Encode", 1, Some(1)),
    ("States.Base64Decode", 1, Some(1)),
    ("States.Hash", 2, Some(2)),
    ("States.JsonMerge", 3, Some(3)),
    ("States.MathRandom", 2, Some(3)),
    ("States.MathAdd", 2, Some(2)),
    ("States.StringSplit", 2, Some(2)),
    ("States.UUID", 0, Some(0)),
];

/// The intrinsics whose result is a string (allowed in Fail `ErrorPath`/`CausePath`).
pub const STRING_FUNCTIONS: &[&str] = &[
    "States.Format",
    "States.JsonToString",
    "States.ArrayGetItem",
    "States.Base64Encode",
    "States.Base64Decode",
    "States.Hash",
    "States.UUID",
];

/// Why an intrinsic function call does not parse. `text` is the whole call as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("Intrinsic functions can be nested at most {MAX_NESTING} levels deep: {text}")]
    TooDeep { text: String },
    #[error("Unknown intrinsic function: '{0}'")]
    UnknownFunction(String),
    #[error("Expected '(' after {0}")]
    NoParenthesis(String),
    #[error("Expected ',' or ')' in the arguments of {0}")]
    UnclosedArguments(String),
    #[error("The function {name} expects {expected} argument(s) but received {received}")]
    ArgumentCount {
        name: String,
        expected: String,
        received: usize,
    },
    /// A path argument that is not a JSONPath.
    #[error("{}", .0.detail())]
    Path(PathError),
    #[error("Invalid number argument: {0}")]
    Number(String),
    #[error("Invalid argument at position {position} (expected a 'string', a number, null, a boolean, a path or an intrinsic function): {text}")]
    Argument { position: usize, text: String },
    #[error("Invalid escape sequence '\\{escape}' in a string literal: {text}")]
    Escape { escape: char, text: String },
    #[error("Unterminated string literal: {text}")]
    UnterminatedString { text: String },
    #[error("Unexpected text after the intrinsic function call at position {position}: {text}")]
    TrailingText { position: usize, text: String },
}

/// Parses an intrinsic call, checking function names, argument counts, path syntax and
/// nesting depth.
pub fn parse(expr: &str) -> Result<Call, CallError> {
    let mut parser = Parser {
        text: expr,
        pos: 0,
        depth: 0,
    };
    parser.skip_spaces();
    let call = parser.call()?;
    parser.skip_spaces();
    if parser.pos != expr.len() {
        return Err(CallError::TrailingText {
            position: parser.pos,
            text: expr.to_string(),
        });
    }
    Ok(call)
}

/// Syntax check only.
pub fn check(expr: &str) -> Result<(), CallError> {
    parse(expr).map(|_| ())
}

struct Parser<'t> {
    text: &'t str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn skip_spaces(&mut self) {
        while let Some(c) = self.peek().filter(|c| c.is_whitespace()) {
            // Whitespace outside ASCII (a no-break space) is more than one byte.
            self.pos += c.len_utf8();
        }
    }

    fn call(&mut self) -> Result<Call, CallError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(CallError::TooDeep {
                text: self.text.to_string(),
            });
        }
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
        {
            self.pos += 1;
        }
        let name = &self.text[start..self.pos];
        let Some(&(_, min, max)) = FUNCTIONS.iter().find(|(n, _, _)| *n == name) else {
            return Err(CallError::UnknownFunction(name.to_string()));
        };
        self.skip_spaces();
        if self.peek() != Some('(') {
            return Err(CallError::NoParenthesis(name.to_string()));
        }
        self.pos += 1;
        let mut args = Vec::new();
        self.skip_spaces();
        if self.peek() == Some(')') {
            self.pos += 1;
        } else {
            loop {
                self.skip_spaces();
                args.push(self.arg()?);
                self.skip_spaces();
                match self.peek() {
                    Some(',') => self.pos += 1,
                    Some(')') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(CallError::UnclosedArguments(name.to_string())),
                }
            }
        }
        if args.len() < min || max.is_some_and(|m| args.len() > m) {
            let expected = match max {
                Some(m) if m == min => format!("{min}"),
                Some(m) => format!("{min} to {m}"),
                None => format!("at least {min}"),
            };
            return Err(CallError::ArgumentCount {
                name: name.to_string(),
                expected,
                received: args.len(),
            });
        }
        self.depth -= 1;
        Ok(Call {
            name: name.to_string(),
            args,
        })
    }

    fn arg(&mut self) -> Result<Arg, CallError> {
        let rest = &self.text[self.pos..];
        match self.peek() {
            Some('\'') => self.string(),
            Some('$') => {
                let end = path_end(rest);
                let p = rest[..end].trim_end();
                path::check(p).map_err(CallError::Path)?;
                self.pos += end;
                Ok(Arg::Path(Path::new(p)))
            }
            Some(c) if c == '-' || c.is_ascii_digit() => {
                let end = rest
                    .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
                    .unwrap_or(rest.len());
                let number: Number = serde_json::from_str(&rest[..end])
                    .map_err(|_| CallError::Number(rest[..end].to_string()))?;
                self.pos += end;
                Ok(Arg::Number(number))
            }
            _ if rest.starts_with("States.") => Ok(Arg::Call(self.call()?)),
            _ => {
                for (word, value) in [
                    ("null", Arg::Null),
                    ("true", Arg::Bool(true)),
                    ("false", Arg::Bool(false)),
                ] {
                    if rest.starts_with(word)
                        && !rest[word.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_')
                    {
                        self.pos += word.len();
                        return Ok(value);
                    }
                }
                Err(CallError::Argument {
                    position: self.pos,
                    text: self.text.to_string(),
                })
            }
        }
    }

    /// A single-quoted literal. Only `\'`, `\{`, `\}` and `\\` are escapes; anything else
    /// after a backslash (such as `\"`) is rejected, as AWS does.
    fn string(&mut self) -> Result<Arg, CallError> {
        self.pos += 1;
        let start = self.pos;
        let mut value = String::new();
        let mut chars = self.text[start..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, e @ ('\'' | '{' | '}' | '\\'))) => value.push(e),
                    Some((_, other)) => {
                        return Err(CallError::Escape {
                            escape: other,
                            text: self.text.to_string(),
                        })
                    }
                    None => break,
                },
                '\'' => {
                    let raw = self.text[start..start + i].to_string();
                    self.pos = start + i + 1;
                    return Ok(Arg::String { value, raw });
                }
                c => value.push(c),
            }
        }
        Err(CallError::UnterminatedString {
            text: self.text.to_string(),
        })
    }
}

/// Where a path argument ends: at a `,` or `)` outside brackets and quotes.
fn path_end(text: &str) -> usize {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '[' | '(' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ')' if depth > 0 => depth -= 1,
            ',' | ')' if depth == 0 => return i,
            _ => {}
        }
    }
    text.len()
}

const CACHE_LIMIT: usize = 256;

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<Call>>> = RefCell::new(HashMap::new());
}

fn compile(expr: &str) -> Result<Rc<Call>, String> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(expr).cloned()) {
        return Ok(hit);
    }
    let call = Rc::new(parse(expr).map_err(|e| e.to_string())?);
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(expr.to_string(), call.clone());
    });
    Ok(call)
}

fn eval_arg<'a>(arg: &Arg, scope: &Scope<'a>) -> Result<Cow<'a, Value>, Failure> {
    Ok(match arg {
        Arg::String { value, .. } => Cow::Owned(Value::String(value.clone())),
        Arg::Number(n) => Cow::Owned(Value::Number(n.clone())),
        Arg::Bool(b) => Cow::Owned(Value::Bool(*b)),
        Arg::Null => Cow::Owned(Value::Null),
        Arg::Path(p) => p.read(scope).map_err(|error| Failure::Path {
            path: p.text().to_string(),
            error,
        })?,
        Arg::Call(call) => Cow::Owned(eval_call(call, scope)?),
    })
}

fn eval_call(call: &Call, scope: &Scope) -> Result<Value, Failure> {
    let args = call
        .args
        .iter()
        .map(|a| eval_arg(a, scope))
        .collect::<Result<Vec<_>, _>>()?;
    let args: Vec<&Value> = args.iter().map(|a| a.as_ref()).collect();
    let f = Fn {
        name: &call.name,
        args: &args,
    };
    let result = match call.name.as_str() {
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
    };
    result.map_err(Failure::Intrinsic)
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
fn compact(value: &Value) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asl::vars::NoVariables;
    use serde_json::json;

    fn eval(expr: &str, input: Value) -> Result<Value, StatesError> {
        let context = json!({"StateMachine": {"Id": "arn:sm", "Name": "my-machine-name"}});
        evaluate(expr, &Scope::new(&input, &context, &NoVariables))
    }

    fn ok(expr: &str, input: Value) -> Value {
        eval(expr, input).unwrap_or_else(|e| panic!("{expr}: {e}"))
    }

    fn fails(expr: &str, input: Value) -> StatesError {
        eval(expr, input).expect_err(expr)
    }

    #[test]
    fn format_renders_like_java() {
        assert_eq!(
            ok(
                "States.Format('fst={} and snd={}.', $.a, $.b)",
                json!({"a": {"Arg1": 1, "Arg2": []}, "b": null})
            ),
            json!("fst={Arg1=1, Arg2=[]} and snd=null.")
        );
        assert_eq!(
            ok(
                "States.Format('{} {} {}', $.a, $.b, $.c)",
                json!({"a": 1.1, "b": 2, "c": " "})
            ),
            json!("1.1 2  ")
        );
        assert_eq!(
            ok("States.Format('x={}', $$.StateMachine)", json!({})),
            json!("x={Id=arn:sm, Name=my-machine-name}")
        );
        assert_eq!(
            ok(r"States.Format('\{\} {}\'s \\', 'Bob')", json!({})),
            json!(r"{} Bob's \")
        );
        assert_eq!(
            fails("States.Format('{} {}', 'a')", json!({}))
                .error
                .as_deref(),
            Some("States.IntrinsicFailure")
        );
    }

    #[test]
    fn json_conversions() {
        assert_eq!(
            ok("States.StringToJson($.s)", json!({"s": ""})),
            Value::Null
        );
        assert_eq!(
            ok("States.StringToJson($.s)", json!({"s": " "})),
            Value::Null
        );
        assert_eq!(ok("States.StringToJson($.s)", json!({"s": "-0"})), json!(0));
        assert_eq!(
            ok("States.StringToJson($.s)", json!({"s": "1.1"})),
            json!(1.1)
        );
        assert_eq!(
            ok("States.StringToJson($.s)", json!({"s": "{\"a\": [1]}"})),
            json!({"a": [1]})
        );
        assert_eq!(
            ok(
                "States.JsonToString($.x)",
                json!({"x": {"Arg1": 1, "Arg2": []}})
            ),
            json!("{\"Arg1\":1,\"Arg2\":[]}")
        );
        assert_eq!(
            ok("States.JsonToString($.x)", json!({"x": "Hi"})),
            json!("\"Hi\"")
        );
    }

    #[test]
    fn arrays() {
        assert_eq!(ok("States.Array()", json!({})), json!([]));
        assert_eq!(
            ok(
                "States.Array('Foo', 2020, $.j, null, false)",
                json!({"j": {"a": 1}})
            ),
            json!(["Foo", 2020, {"a": 1}, null, false])
        );
        assert_eq!(
            ok("States.ArrayPartition($.a, 2)", json!({"a": [0, 1, 2]})),
            json!([[0, 1], [2]])
        );
        assert_eq!(
            ok("States.ArrayPartition($.a, 4)", json!({"a": []})),
            json!([])
        );
        assert_eq!(
            ok(
                "States.ArrayContains($.a, $.b)",
                json!({"a": [[1, 2, 3], 2], "b": [1, 2, 3]})
            ),
            json!(true)
        );
        assert_eq!(
            ok("States.ArrayRange(0, 10, 3)", json!({})),
            json!([0, 3, 6, 9])
        );
        assert_eq!(ok("States.ArrayRange(1, 9, 9)", json!({})), json!([1]));
        assert_eq!(
            ok("States.ArrayRange(5, 1, -2)", json!({})),
            json!([5, 3, 1])
        );
        assert!(eval("States.ArrayRange(0, 2000, 1)", json!({})).is_err());
        assert!(eval("States.ArrayRange(0, 2, 0)", json!({})).is_err());
        assert_eq!(
            ok(
                "States.ArrayGetItem($.a, 5)",
                json!({"a": [1, 2, 3, 4, 5, 6]})
            ),
            json!(6)
        );
        assert!(eval("States.ArrayGetItem($.a, 6)", json!({"a": [1]})).is_err());
        assert_eq!(
            ok("States.ArrayLength($.a)", json!({"a": [1, 2]})),
            json!(2)
        );
        assert_eq!(
            ok(
                "States.ArrayUnique($.a)",
                json!({"a": [1, 2, 2, 3, {"x": 1}, {"x": 1}]})
            ),
            json!([1, 2, 3, {"x": 1}])
        );
    }

    #[test]
    fn encodings_and_hashes() {
        assert_eq!(
            ok("States.Base64Encode('Data to encode')", json!({})),
            json!("RGF0YSB0byBlbmNvZGU=")
        );
        assert_eq!(
            ok("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", json!({})),
            json!("Data to encode")
        );
        assert_eq!(ok("States.Base64Decode('')", json!({})), json!(""));
        assert_eq!(
            ok("States.Hash('input data', 'SHA-1')", json!({})),
            json!("aaff4a450a104cd177d28d18d74485e8cae074b7")
        );
        assert_eq!(
            ok("States.Hash('input data', 'SHA-256')", json!({})),
            json!("b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")
        );
        assert!(eval("States.Hash('x', 'SHA-2')", json!({})).is_err());
    }

    #[test]
    fn merge_math_split() {
        assert_eq!(
            ok(
                "States.JsonMerge($.a, $.b, false)",
                json!({"a": {"a": {"a1": 1}, "b": 2}, "b": {"a": {"a3": 1}, "c": 3}})
            ),
            json!({"a": {"a3": 1}, "b": 2, "c": 3})
        );
        assert!(eval("States.JsonMerge($.a, $.a, true)", json!({"a": {}})).is_err());
        for (a, b, sum) in [
            (1.49, 1.5, 3),
            (2.5, 0.0, 3),
            (-1.5, 0.0, -1),
            (-2.5, 0.0, -2),
            (-0.5, 0.5, 1),
            (-1.5, -1.51, -3),
        ] {
            assert_eq!(
                ok("States.MathAdd($.a, $.b)", json!({"a": a, "b": b})),
                json!(sum),
                "{a} + {b}"
            );
        }
        assert_eq!(
            ok(
                "States.MathAdd(States.ArrayLength($.x), -1)",
                json!({"x": [1]})
            ),
            json!(0)
        );
        assert_eq!(
            ok(
                "States.StringSplit($.s, $.d)",
                json!({"s": "This.is+a,test=string", "d": ".+,="})
            ),
            json!(["This", "is", "a", "test", "string"])
        );
        assert_eq!(ok("States.StringSplit(',,,,', ',')", json!({})), json!([]));
        assert_eq!(
            ok("States.StringSplit(', , ,', ',')", json!({})),
            json!([" ", " "])
        );
    }

    #[test]
    fn math_random_is_deterministic_with_a_seed() {
        let a = ok("States.MathRandom(0, 999, 3)", json!({}));
        assert_eq!(a, ok("States.MathRandom(0, 999, 3)", json!({})));
        let n = a.as_i64().unwrap();
        assert!((0..=999).contains(&n));
        for _ in 0..50 {
            let v = ok("States.MathRandom(-5, 5)", json!({})).as_i64().unwrap();
            assert!((-5..=5).contains(&v));
        }
    }

    #[test]
    fn nested_calls_and_context_paths() {
        assert_eq!(
            ok(
                "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))",
                json!({})
            ),
            json!("name")
        );
        assert!(is_uuid(&ok("States.UUID()", json!({}))));
    }

    fn is_uuid(v: &Value) -> bool {
        v.as_str()
            .and_then(|s| uuid::Uuid::parse_str(s).ok())
            .is_some_and(|u| u.get_version_num() == 4)
    }

    #[test]
    fn missing_path_arguments_are_path_failures() {
        let input = json!({});
        let scope = Scope::new(&input, &Value::Null, &NoVariables);
        assert!(matches!(
            evaluate_detailed("States.Format('{}', $.nope)", &scope),
            Err(Failure::Path { path, .. }) if path == "$.nope"
        ));
        assert!(fails("States.ArrayLength($.nope)", json!({})).is_runtime());
    }

    #[test]
    fn parse_checks_names_arity_and_syntax() {
        let nested = |n: usize| format!("{}$.a{}", "States.Array(".repeat(n), ")".repeat(n));
        assert!(parse(&nested(10)).is_ok());
        assert!(parse(&nested(11)).is_err());
        for bad in [
            "States.ArrayRange(1, 10)",
            "States.MathAdd(1)",
            "States.Format('{}', $..)",
            "States.Format(\"hello\")",
            "States.Format(hello)",
            "States.format('x')",
            "States.JsonToString($",
            "States.StringToJson $.escaped)",
            "States. ",
            r#"States.StringToJson('{"a":"b \"q\""}')"#,
            "States.Format('dangling \\",
            "States.UUID() x",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let call = parse("States.Format('Hi {}\\'s', $.name, States.UUID())").unwrap();
        assert_eq!(call.name, "States.Format");
        assert_eq!(
            call.args,
            vec![
                Arg::String {
                    value: "Hi {}'s".into(),
                    raw: "Hi {}\\'s".into()
                },
                Arg::Path(Path::new("$.name")),
                Arg::Call(Call {
                    name: "States.UUID".into(),
                    args: vec![]
                })
            ]
        );
        assert!(parse("States.Array('a,b', $.x['c,d'], -1.5e2, true)").is_ok());
    }

    /// Each way a call fails to parse, with the message the validator and a failed
    /// evaluation show.
    #[test]
    fn each_parse_error_is_typed() {
        let nested = |n: usize| format!("{}$.a{}", "States.Array(".repeat(n), ")".repeat(n));
        let cases: Vec<(String, CallError, &str)> = vec![
            (
                nested(11),
                CallError::TooDeep { text: nested(11) },
                "Intrinsic functions can be nested at most 10 levels deep",
            ),
            (
                "States.Nope(1)".into(),
                CallError::UnknownFunction("States.Nope".into()),
                "Unknown intrinsic function: 'States.Nope'",
            ),
            (
                "States.UUID".into(),
                CallError::NoParenthesis("States.UUID".into()),
                "Expected '(' after States.UUID",
            ),
            (
                "States.Array(1 2)".into(),
                CallError::UnclosedArguments("States.Array".into()),
                "Expected ',' or ')' in the arguments of States.Array",
            ),
            (
                "States.UUID(1)".into(),
                CallError::ArgumentCount {
                    name: "States.UUID".into(),
                    expected: "0".into(),
                    received: 1,
                },
                "The function States.UUID expects 0 argument(s) but received 1",
            ),
            (
                "States.Array(1.2.3)".into(),
                CallError::Number("1.2.3".into()),
                "Invalid number argument: 1.2.3",
            ),
            (
                "States.Array(nope)".into(),
                CallError::Argument {
                    position: 13,
                    text: "States.Array(nope)".into(),
                },
                "Invalid argument at position 13",
            ),
            (
                r"States.Format('\n')".into(),
                CallError::Escape {
                    escape: 'n',
                    text: r"States.Format('\n')".into(),
                },
                r"Invalid escape sequence '\n' in a string literal",
            ),
            (
                "States.Format('x".into(),
                CallError::UnterminatedString {
                    text: "States.Format('x".into(),
                },
                "Unterminated string literal: States.Format('x",
            ),
            (
                "States.UUID() x".into(),
                CallError::TrailingText {
                    position: 14,
                    text: "States.UUID() x".into(),
                },
                "Unexpected text after the intrinsic function call at position 14",
            ),
        ];
        for (text, expected, message) in cases {
            let error = parse(&text).unwrap_err();
            assert_eq!(error, expected, "{text}");
            assert!(error.to_string().starts_with(message), "{error}");
        }
        let error = parse("States.Array($..)").unwrap_err();
        assert!(
            matches!(error, CallError::Path(PathError::Invalid(_))),
            "{error:?}"
        );
        assert!(
            error.to_string().starts_with("Invalid JSONPath '$..'"),
            "{error}"
        );
    }
}
