//! JSONPath as AWS (Jayway-based) evaluates it: `$` is the data, `$$` the context
//! object, `$name` a variable. A definite path yields one value and fails when missing;
//! an indefinite path (`[*]`, slices, `..`, filters) yields an array of matches.
//!
//! How it works: a path is parsed once (Jayway syntax) into a [`CompiledPath`]: a
//! definition's paths with the definition (`asl::field::Path`), paths met at run time
//! through a small per-thread cache. Definite paths (only `.name`, `['name']`, `[index]`) are walked
//! directly, borrowing from the document and producing Jayway's exact error texts.
//! Indefinite paths are re-rendered in RFC 9535 syntax and run by `serde_json_path`,
//! which already implements wildcards, slices, unions, descendants and filters.
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::Variables;

/// What a field is evaluated against: paths, templates and intrinsics read `input`
/// (`$`), `context` (`$$`) and `vars`; JSONata reads `states` and `vars`.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub input: &'a Value,
    pub context: &'a Value,
    pub vars: &'a dyn Variables,
    /// JSONata's `$states` (`null` where no JSONata can read it).
    pub states: &'a Value,
}

static NULL: Value = Value::Null;

impl<'a> Scope<'a> {
    pub fn new(input: &'a Value, context: &'a Value, vars: &'a dyn Variables) -> Self {
        Scope {
            input,
            context,
            vars,
            states: &NULL,
        }
    }

    /// The same scope with JSONata's `$states`.
    pub fn with_states(self, states: &'a Value) -> Self {
        Scope { states, ..self }
    }

    /// The same scope reading `$` from another value (a result, an error output).
    pub fn with_input<'b>(&self, input: &'b Value) -> Scope<'b>
    where
        'a: 'b,
    {
        Scope { input, ..*self }
    }
}

/// Why a path could not be read or written. `detail()` is AWS's text after
/// `Invalid path '<p>' : `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathError {
    /// The last segment is missing: `No results for path: $['x']`.
    NoResults(String),
    /// An earlier segment is missing: `Missing property in path $['a']`.
    MissingProperty(String),
    /// A variable that was never assigned.
    UndefinedVariable(String),
    /// Not a JSONPath at all, or not allowed here.
    Invalid(String),
    /// A reference path could not be applied to the value (ResultPath on a non-object).
    CannotWrite(String),
}

impl PathError {
    pub fn detail(&self) -> String {
        match self {
            PathError::NoResults(p) => format!("No results for path: {p}"),
            PathError::MissingProperty(p) => format!("Missing property in path {p}"),
            PathError::UndefinedVariable(v) => format!("Undefined variable: {v}"),
            PathError::Invalid(m) | PathError::CannotWrite(m) => m.clone(),
        }
    }
}

/// Reads `path` (`$...`, `$$...` or `$var...`).
pub fn read(path: &str, scope: &Scope) -> Result<Value, PathError> {
    read_ref(path, scope).map(Cow::into_owned)
}

/// Like [`read`], but borrows the selected value when the path is definite, so reading a
/// field of a large document does not copy the document.
pub fn read_ref<'a>(path: &str, scope: &Scope<'a>) -> Result<Cow<'a, Value>, PathError> {
    let compiled = compile(path)?;
    compiled.read(scope)
}

/// Writes `value` into `target` at the reference path `path` (ResultPath semantics:
/// `$` replaces the whole value, intermediate objects are created).
pub fn write(target: Value, path: &str, value: Value) -> Result<Value, PathError> {
    let compiled = compile(path)?;
    compiled.write(target, value)
}

/// Checks the syntax of a path (`$`, `$$` or variable rooted); the message says what is
/// wrong. For the validator.
pub fn check(path: &str) -> Result<(), PathError> {
    parse(path).map(|_| ())
}

/// True when `path` is a valid reference path: rooted at `$` (or `$$`/a variable) and made
/// only of `.name`, `['name']` and `[index]` steps.
pub fn is_reference_path(path: &str) -> bool {
    check_reference(path).is_ok()
}

/// Like [`is_reference_path`], with the reason when it is not one.
pub fn check_reference(path: &str) -> Result<(), PathError> {
    let parsed = parse(path)?;
    if parsed.function.is_some() || !parsed.is_definite() {
        return Err(PathError::Invalid(format!(
            "The value for the field must be a valid Reference Path: {path}"
        )));
    }
    Ok(())
}

/// True when `path` selects at most one node (no wildcard, slice, union, `..`, filter).
pub fn is_definite(path: &str) -> bool {
    parse(path).is_ok_and(|p| p.is_definite())
}

/// The member `name` of an object. A few members are compared in turn: cheaper than
/// hashing the name, and most objects a path walks through are small.
#[inline]
fn member<'a>(map: &'a serde_json::Map<String, Value>, name: &str) -> Option<&'a Value> {
    if map.len() <= 8 {
        map.iter()
            .find(|(key, _)| key.as_str() == name)
            .map(|(_, v)| v)
    } else {
        map.get(name)
    }
}

/// Where a path starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// `$`: the state's data.
    Input,
    /// `$$`: the context object.
    Context,
    /// `$name`: a workflow variable.
    Variable(String),
}

/// Which root a path starts from, or `None` when it is not a path.
pub fn root_of(path: &str) -> Option<Root> {
    parse(path).ok().map(|p| p.root)
}

/// One step of a parsed path.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Name(String),
    Index(i64),
    Names(Vec<String>),
    Indices(Vec<i64>),
    Wildcard,
    Slice(String),
    Filter(String),
    /// `..`: applies to the segment that follows it.
    Descendant,
}

impl Segment {
    fn is_definite(&self) -> bool {
        matches!(self, Segment::Name(_) | Segment::Index(_))
    }
}

/// A parsed path, ready to evaluate many times.
#[derive(Debug)]
pub struct CompiledPath {
    root: Root,
    segments: Vec<Segment>,
    /// A trailing Jayway function such as `length()`.
    function: Option<String>,
    /// For indefinite paths: the same query in RFC 9535 syntax, relative to the root, or
    /// why a filter could not be translated (reported when the path is read: AWS accepts
    /// such definitions, so the syntax check does too).
    query: Option<Result<serde_json_path::JsonPath, String>>,
}

impl CompiledPath {
    /// Where the path starts.
    pub fn root(&self) -> &Root {
        &self.root
    }

    /// True when the path selects at most one node.
    pub fn is_definite(&self) -> bool {
        self.segments.iter().all(Segment::is_definite)
    }

    fn root_value<'a>(&self, scope: &Scope<'a>) -> Result<&'a Value, PathError> {
        match &self.root {
            Root::Input => Ok(scope.input),
            Root::Context => Ok(scope.context),
            Root::Variable(name) => scope
                .vars
                .get(name)
                .ok_or_else(|| PathError::UndefinedVariable(name.clone())),
        }
    }

    /// Reads the path: borrowed for definite paths, an owned array for indefinite ones.
    pub fn read<'a>(&self, scope: &Scope<'a>) -> Result<Cow<'a, Value>, PathError> {
        let root = self.root_value(scope)?;
        let selected = match &self.query {
            None => Cow::Borrowed(self.walk(root)?),
            Some(Ok(query)) => Cow::Owned(Value::Array(
                query.query(root).all().into_iter().cloned().collect(),
            )),
            Some(Err(why)) => return Err(PathError::Invalid(why.clone())),
        };
        match &self.function {
            None => Ok(selected),
            Some(name) => apply_function(name, &selected).map(Cow::Owned),
        }
    }

    /// Whether the path selects something (Choice's `IsPresent`). Only an unassigned
    /// variable is an error. A definite path is walked without building the message of
    /// a failure that only means "not present" (rules run in loops).
    pub fn is_present(&self, scope: &Scope) -> Result<bool, PathError> {
        let root = self.root_value(scope)?;
        if self.query.is_none() && self.function.is_none() {
            return Ok(self.find(root).is_some());
        }
        match self.read(scope) {
            Ok(_) => Ok(true),
            Err(PathError::UndefinedVariable(name)) => Err(PathError::UndefinedVariable(name)),
            Err(_) => Ok(false),
        }
    }

    /// What a definite path selects in `root`, or `None` where [`Self::walk`] fails.
    fn find<'a>(&self, root: &'a Value) -> Option<&'a Value> {
        let mut current = root;
        for segment in &self.segments {
            current = match (segment, current) {
                (Segment::Name(name), Value::Object(map)) => member(map, name)?,
                (Segment::Index(index), Value::Array(items)) => {
                    let at = if *index < 0 {
                        items.len() as i64 + index
                    } else {
                        *index
                    };
                    items.get(usize::try_from(at).ok()?)?
                }
                _ => return None,
            };
        }
        Some(current)
    }

    /// The value a definite path from `$` without a function selects in `root`, mutably;
    /// `None` where it selects nothing (or is no such path).
    pub fn get_mut<'a>(&self, root: &'a mut Value) -> Option<&'a mut Value> {
        if self.root != Root::Input || self.function.is_some() || self.query.is_some() {
            return None;
        }
        let mut current = root;
        for segment in &self.segments {
            current = match (segment, current) {
                (Segment::Name(name), Value::Object(map)) => map.get_mut(name.as_str())?,
                (Segment::Index(index), Value::Array(items)) => {
                    let at = if *index < 0 {
                        items.len() as i64 + index
                    } else {
                        *index
                    };
                    items.get_mut(usize::try_from(at).ok()?)?
                }
                _ => return None,
            };
        }
        Some(current)
    }

    /// Walks a definite path, failing as Jayway does.
    fn walk<'a>(&self, root: &'a Value) -> Result<&'a Value, PathError> {
        let mut current = root;
        let last = self.segments.len().saturating_sub(1);
        for (i, segment) in self.segments.iter().enumerate() {
            current = match segment {
                Segment::Name(name) => match current {
                    Value::Object(map) => match member(map, name) {
                        Some(v) => v,
                        None if i == last => return Err(PathError::NoResults(self.render())),
                        None => return Err(PathError::MissingProperty(self.render_upto(i + 1))),
                    },
                    other => {
                        return Err(PathError::Invalid(format!(
                        "Expected to find an object with property {} in path {} but found '{}'. \
                             This is not a json object according to the JsonProvider: \
                             'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'.",
                        render_segment(segment),
                        self.render_upto(i),
                        java_class(other)
                    )))
                    }
                },
                Segment::Index(index) => match current {
                    Value::Array(items) => {
                        let effective = if *index < 0 {
                            items.len() as i64 + index
                        } else {
                            *index
                        };
                        match usize::try_from(effective).ok().and_then(|k| items.get(k)) {
                            Some(v) => v,
                            None => return Err(PathError::NoResults(self.render())),
                        }
                    }
                    Value::Null => {
                        return Err(PathError::Invalid(format!(
                            "The path {} is null",
                            self.render_upto(i)
                        )))
                    }
                    other => {
                        return Err(PathError::Invalid(format!(
                            "Filter: {} can only be applied to arrays. Current context is: {}",
                            render_segment(segment),
                            other
                        )))
                    }
                },
                _ => {
                    return Err(PathError::Invalid(format!(
                        "The path {} is not definite",
                        self.render()
                    )))
                }
            };
        }
        Ok(current)
    }

    /// Writes `value` into `target` at this reference path (ResultPath semantics).
    pub fn write(&self, target: Value, value: Value) -> Result<Value, PathError> {
        if self.root != Root::Input || self.function.is_some() || !self.is_definite() {
            return Err(PathError::Invalid(format!(
                "The path {} is not a valid reference path for writing",
                self.render()
            )));
        }
        if self.segments.is_empty() {
            return Ok(value);
        }
        let mut target = target;
        let mut slot = Some(value);
        write_into(&mut target, &self.segments, &mut slot).map_err(|at| {
            PathError::CannotWrite(format!(
                "Unable to apply ResultPath {} to the input: the value at {} is not {}",
                self.render(),
                self.render_upto(at),
                match self.segments[at] {
                    Segment::Index(_) => "an array with that index",
                    _ => "an object",
                }
            ))
        })?;
        Ok(target)
    }

    /// Jayway's rendering of the whole path: `$['a']['b'][0]`.
    fn render(&self) -> String {
        self.render_upto(self.segments.len())
    }

    fn render_upto(&self, count: usize) -> String {
        let mut out = String::from("$");
        for segment in &self.segments[..count] {
            out.push_str(&render_segment(segment));
        }
        out
    }
}

/// Writes along definite `segments`, creating missing objects. On failure returns the
/// index of the segment that could not be applied.
fn write_into(
    target: &mut Value,
    segments: &[Segment],
    value: &mut Option<Value>,
) -> Result<(), usize> {
    let mut current = target;
    for (i, segment) in segments.iter().enumerate() {
        let is_last = i + 1 == segments.len();
        current = match segment {
            Segment::Name(name) => {
                let Value::Object(map) = current else {
                    return Err(i);
                };
                if is_last {
                    map.insert(name.clone(), value.take().unwrap_or(Value::Null));
                    return Ok(());
                }
                let entry = map
                    .entry(name.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                if entry.is_null() {
                    *entry = Value::Object(Map::new());
                }
                entry
            }
            Segment::Index(index) => {
                let Value::Array(items) = current else {
                    return Err(i);
                };
                let effective = if *index < 0 {
                    items.len() as i64 + index
                } else {
                    *index
                };
                let Some(item) = usize::try_from(effective)
                    .ok()
                    .and_then(|k| items.get_mut(k))
                else {
                    return Err(i);
                };
                if is_last {
                    *item = value.take().unwrap_or(Value::Null);
                    return Ok(());
                }
                item
            }
            _ => return Err(i),
        };
    }
    Ok(())
}

fn render_segment(segment: &Segment) -> String {
    match segment {
        Segment::Name(name) => format!("['{name}']"),
        Segment::Index(i) => format!("[{i}]"),
        Segment::Names(names) => {
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            format!("[{}]", quoted.join(","))
        }
        Segment::Indices(indices) => {
            let parts: Vec<String> = indices.iter().map(i64::to_string).collect();
            format!("[{}]", parts.join(","))
        }
        Segment::Wildcard => "[*]".to_string(),
        Segment::Slice(s) => format!("[{s}]"),
        Segment::Filter(f) => format!("[?{f}]"),
        Segment::Descendant => "..".to_string(),
    }
}

/// The Java class Jayway names when a step meets the wrong type.
fn java_class(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "com.fasterxml.jackson.databind.node.BooleanNode",
        Value::Number(n) if n.is_f64() => "com.fasterxml.jackson.databind.node.DoubleNode",
        Value::Number(_) => "com.fasterxml.jackson.databind.node.IntNode",
        Value::String(_) => "com.fasterxml.jackson.databind.node.TextNode",
        Value::Array(_) => "com.fasterxml.jackson.databind.node.ArrayNode",
        Value::Object(_) => "com.fasterxml.jackson.databind.node.ObjectNode",
    }
}

fn apply_function(name: &str, value: &Value) -> Result<Value, PathError> {
    match name {
        "length" | "size" => match value {
            Value::Array(a) => Ok(Value::from(a.len())),
            Value::Object(m) => Ok(Value::from(m.len())),
            Value::String(s) => Ok(Value::from(s.encode_utf16().count())),
            other => Err(PathError::Invalid(format!(
                "Invalid function: length() cannot be applied to {other}"
            ))),
        },
        "min" | "max" | "sum" | "avg" => {
            let numbers: Vec<f64> = match value {
                Value::Array(a) => a.iter().filter_map(Value::as_f64).collect(),
                other => other.as_f64().into_iter().collect(),
            };
            if numbers.is_empty() {
                return Err(PathError::Invalid(format!(
                    "Aggregation function attempted to calculate value using empty array: {name}()"
                )));
            }
            let result = match name {
                "min" => numbers.iter().copied().fold(f64::INFINITY, f64::min),
                "max" => numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                "sum" => numbers.iter().sum(),
                _ => numbers.iter().sum::<f64>() / numbers.len() as f64,
            };
            Ok(serde_json::Number::from_f64(result)
                .map(Value::Number)
                .unwrap_or(Value::Null))
        }
        other => Err(PathError::Invalid(format!(
            "Function with name: {other} does not exist."
        ))),
    }
}

const CACHE_LIMIT: usize = 512;

thread_local! {
    static CACHE: RefCell<HashMap<String, Arc<CompiledPath>>> = RefCell::new(HashMap::new());
}

/// Parses `path`, reusing an earlier parse on this thread. Keep the result to evaluate the
/// same path many times without even the cache lookup.
pub fn compile(path: &str) -> Result<Arc<CompiledPath>, PathError> {
    if let Some(hit) = CACHE.with(|c| c.borrow().get(path).cloned()) {
        return Ok(hit);
    }
    let compiled = Arc::new(parse(path)?);
    CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        // A definition has a bounded set of paths; a full cache means something unusual
        // (generated paths), so start over rather than grow without limit.
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(path.to_string(), compiled.clone());
    });
    Ok(compiled)
}

fn parse(path: &str) -> Result<CompiledPath, PathError> {
    let invalid = |why: &str| PathError::Invalid(format!("Invalid JSONPath '{path}': {why}"));
    let bytes = path.as_bytes();
    if bytes.first() != Some(&b'$') {
        return Err(invalid("a path must start with '$'"));
    }
    let (root, mut pos) = if bytes.get(1) == Some(&b'$') {
        (Root::Context, 2)
    } else {
        let end = 1 + path[1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(path.len() - 1);
        if end > 1 {
            (Root::Variable(path[1..end].to_string()), end)
        } else {
            (Root::Input, 1)
        }
    };
    let mut segments = Vec::new();
    let mut function = None;
    while pos < bytes.len() {
        if function.is_some() {
            return Err(invalid("a function must be the last step"));
        }
        match bytes[pos] {
            b'.' => {
                pos += 1;
                if bytes.get(pos) == Some(&b'.') {
                    pos += 1;
                    segments.push(Segment::Descendant);
                }
                // Jayway also reads `$.['a']` and `$.[0]` as `$['a']` and `$[0]`.
                if bytes.get(pos) == Some(&b'[') {
                    continue;
                }
                if bytes.get(pos) == Some(&b'*') {
                    pos += 1;
                    segments.push(Segment::Wildcard);
                    continue;
                }
                let start = pos;
                while pos < bytes.len() && !matches!(bytes[pos], b'.' | b'[' | b'(' | b' ') {
                    pos += 1;
                }
                let name = &path[start..pos];
                if name.is_empty() {
                    return Err(invalid("empty property name"));
                }
                if bytes.get(pos) == Some(&b'(') {
                    if bytes.get(pos + 1) != Some(&b')') {
                        return Err(invalid("functions take no arguments here"));
                    }
                    pos += 2;
                    if segments.last() == Some(&Segment::Descendant) {
                        return Err(invalid("a function cannot follow '..'"));
                    }
                    function = Some(name.to_string());
                    continue;
                }
                segments.push(Segment::Name(name.to_string()));
            }
            b'[' => {
                let end = find_bracket_end(path, pos).ok_or_else(|| invalid("unclosed '['"))?;
                let inner = &path[pos + 1..end];
                segments.push(parse_bracket(inner).map_err(|why| invalid(&why))?);
                pos = end + 1;
            }
            _ => return Err(invalid(&format!("unexpected character at position {pos}"))),
        }
    }
    if segments.last() == Some(&Segment::Descendant) {
        return Err(invalid("'..' must be followed by a step"));
    }
    let mut compiled = CompiledPath {
        root,
        segments,
        function,
        query: None,
    };
    if !compiled.is_definite() {
        let rfc = to_rfc9535(&compiled.segments);
        let has_filter = compiled
            .segments
            .iter()
            .any(|s| matches!(s, Segment::Filter(_)));
        // The query parser recurses once per level: deeper nesting would overflow the stack.
        if nesting(&rfc) > MAX_NESTING {
            return Err(invalid(&format!(
                "brackets and parentheses nest more than {MAX_NESTING} levels deep"
            )));
        }
        match serde_json_path::JsonPath::parse(&rfc) {
            Ok(query) => compiled.query = Some(Ok(query)),
            Err(e) if has_filter => {
                compiled.query = Some(Err(invalid(&format!(
                    "unsupported filter expression ({e})"
                ))
                .detail()))
            }
            Err(e) => return Err(invalid(&format!("unsupported expression ({e})"))),
        }
    }
    Ok(compiled)
}

/// How deep a path's brackets and parentheses may nest; real filters use a few levels.
const MAX_NESTING: usize = 64;

/// The deepest nesting of `[` and `(` in `text`, outside quoted strings.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in text.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '\'' | '"' => quote = Some(c),
                '[' | '(' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ']' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    deepest
}

/// Finds the `]` closing the `[` at `open`, skipping quoted text and nested brackets
/// (filters may contain both).
fn find_bracket_end(path: &str, open: usize) -> Option<usize> {
    let bytes = path.as_bytes();
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = open;
    while i < bytes.len() {
        let c = bytes[i];
        if let Some(q) = quote {
            if c == b'\\' {
                i += 2;
                continue;
            }
            if c == q {
                quote = None;
            }
        } else {
            match c {
                b'\'' | b'"' => quote = Some(c),
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    None
}

fn parse_bracket(inner: &str) -> Result<Segment, String> {
    let trimmed = inner.trim();
    if trimmed == "*" {
        return Ok(Segment::Wildcard);
    }
    if let Some(filter) = trimmed.strip_prefix('?') {
        let filter = filter.trim();
        if filter.is_empty() {
            return Err("empty filter".to_string());
        }
        return Ok(Segment::Filter(filter.to_string()));
    }
    if trimmed.starts_with('\'') || trimmed.starts_with('"') {
        let names = parse_quoted_names(trimmed)?;
        return Ok(if names.len() == 1 {
            Segment::Name(names.into_iter().next().unwrap_or_default())
        } else {
            Segment::Names(names)
        });
    }
    if trimmed.contains(':') {
        let parts: Vec<&str> = trimmed.split(':').collect();
        if parts.len() > 3
            || parts
                .iter()
                .any(|p| !p.trim().is_empty() && p.trim().parse::<i64>().is_err())
        {
            return Err(format!("invalid slice [{inner}]"));
        }
        return Ok(Segment::Slice(
            parts.iter().map(|p| p.trim()).collect::<Vec<_>>().join(":"),
        ));
    }
    let indices = trimmed
        .split(',')
        .map(|p| p.trim().parse::<i64>())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| format!("invalid array index or property [{inner}]"))?;
    Ok(if indices.len() == 1 {
        Segment::Index(indices[0])
    } else {
        Segment::Indices(indices)
    })
}

/// `'a'`, `"b"` or `'a', 'b'`. Only a backslash before the quote character (or before
/// another backslash) escapes; AWS keeps other backslashes as written.
fn parse_quoted_names(text: &str) -> Result<Vec<String>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut names = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let quote = *chars.get(i).ok_or("missing property name")?;
        if quote != '\'' && quote != '"' {
            return Err(format!("unexpected '{quote}' in brackets"));
        }
        i += 1;
        let mut name = String::new();
        loop {
            let c = *chars.get(i).ok_or("unterminated property name")?;
            if c == '\\' && matches!(chars.get(i + 1), Some(&n) if n == quote || n == '\\') {
                name.push(chars[i + 1]);
                i += 2;
                continue;
            }
            i += 1;
            if c == quote {
                break;
            }
            name.push(c);
        }
        names.push(name);
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        match chars.get(i) {
            None => return Ok(names),
            Some(',') => i += 1,
            Some(c) => return Err(format!("unexpected '{c}' after property name")),
        }
    }
}

/// Renders segments in RFC 9535 syntax for serde_json_path.
fn to_rfc9535(segments: &[Segment]) -> String {
    let mut out = String::from("$");
    for segment in segments {
        match segment {
            Segment::Name(name) => {
                out.push('[');
                push_rfc_string(&mut out, name);
                out.push(']');
            }
            Segment::Names(names) => {
                out.push('[');
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_rfc_string(&mut out, name);
                }
                out.push(']');
            }
            Segment::Descendant => out.push_str(".."),
            Segment::Filter(f) => {
                out.push_str("[?");
                out.push_str(&translate_filter(f));
                out.push(']');
            }
            other => out.push_str(&render_segment(other)),
        }
    }
    out
}

/// Rewrites the Jayway-only parts of a filter into RFC 9535: `@.a.length()` becomes
/// `length(@.a)`, `@.a =~ /re/i` becomes `match(@.a, '(?i)re')` (Jayway matches the whole
/// string, like RFC `match`), and member names RFC shorthand cannot spell (`@.first-name`)
/// become `@['first-name']`.
fn translate_filter(filter: &str) -> String {
    use std::sync::LazyLock;
    const OPERAND: &str = r"[@$](?:\.[\w-]+|\[[^\]]*\])*";
    static LENGTH: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(r"({OPERAND})\.length\(\)")).expect("static regex")
    });
    static MATCHES: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"({OPERAND})\s*=~\s*/((?:\\.|[^/\\])*)/([a-zA-Z]*)"
        ))
        .expect("static regex")
    });
    static ODD_NAME: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"([@$])\.([\w-]*-[\w-]*|[0-9][\w-]*)").expect("static regex")
    });
    let text = ODD_NAME.replace_all(filter, |c: &regex::Captures| {
        let mut out = c[1].to_string();
        out.push('[');
        push_rfc_string(&mut out, &c[2]);
        out.push(']');
        out
    });
    let text = LENGTH.replace_all(&text, "length($1)");
    let text = MATCHES.replace_all(&text, |c: &regex::Captures| {
        let flags = if c[3].is_empty() {
            String::new()
        } else {
            format!("(?{})", &c[3])
        };
        let mut out = format!("match({}, ", &c[1]);
        push_rfc_string(&mut out, &format!("{flags}{}", &c[2]));
        out.push(')');
        out
    });
    text.into_owned()
}

fn push_rfc_string(out: &mut String, s: &str) {
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {

    #[test]
    fn deeply_nested_filters_are_refused_before_the_query_parser_recurses() {
        let deep = format!("$[?({}@.a == 1{})]", "(".repeat(4000), ")".repeat(4000));
        let err = check(&deep).unwrap_err();
        assert!(err.detail().contains("nest more than 64 levels"), "{err:?}");
        let fine = format!("$[?({}@.a == 1{})]", "(".repeat(10), ")".repeat(10));
        assert!(check(&fine).is_ok());
    }
    use super::*;
    use crate::asl::vars::NoVariables;
    use serde_json::json;

    fn read_input(path: &str, input: &Value) -> Result<Value, PathError> {
        let context = json!({"Execution": {"Name": "exec"}});
        read(path, &Scope::new(input, &context, &NoVariables))
    }

    #[test]
    fn definite_paths_select_one_value() {
        let input = json!({"a": {"b": [10, 20, {"c": "x"}]}, "k-1": 1});
        assert_eq!(read_input("$", &input).unwrap(), input);
        assert_eq!(read_input("$.a.b[1]", &input).unwrap(), json!(20));
        assert_eq!(read_input("$.a.b[-1].c", &input).unwrap(), json!("x"));
        assert_eq!(read_input("$['a']['b'][0]", &input).unwrap(), json!(10));
        assert_eq!(read_input("$.k-1", &input).unwrap(), json!(1));
        assert_eq!(read_input("$.a.['b'].[0]", &input).unwrap(), json!(10));
    }

    #[test]
    fn missing_fields_fail_with_jayway_texts() {
        let input = json!({"a": {"b": 1}});
        assert_eq!(
            read_input("$.x", &input).unwrap_err().detail(),
            "No results for path: $['x']"
        );
        assert_eq!(
            read_input("$.a.x", &input).unwrap_err().detail(),
            "No results for path: $['a']['x']"
        );
        assert_eq!(
            read_input("$.no.such.result.path", &input)
                .unwrap_err()
                .detail(),
            "Missing property in path $['no']"
        );
        assert_eq!(
            read_input("$.a.b.c", &input).unwrap_err(),
            PathError::Invalid(
                "Expected to find an object with property ['c'] in path $['a']['b'] but found \
                 'com.fasterxml.jackson.databind.node.IntNode'. This is not a json object \
                 according to the JsonProvider: \
                 'com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider'."
                    .to_string()
            )
        );
    }

    #[test]
    fn indefinite_paths_yield_arrays() {
        let input = json!({"items": [{"v": 1}, {"v": 2}, {"v": 3}, {"w": 4}]});
        assert_eq!(
            read_input("$.items[*].v", &input).unwrap(),
            json!([1, 2, 3])
        );
        assert_eq!(read_input("$.items[1:3].v", &input).unwrap(), json!([2, 3]));
        assert_eq!(read_input("$.items[:1].v", &input).unwrap(), json!([1]));
        assert_eq!(read_input("$..v", &input).unwrap(), json!([1, 2, 3]));
        assert_eq!(
            read_input("$.items[?(@.v >= 2)].v", &input).unwrap(),
            json!([2, 3])
        );
        assert_eq!(read_input("$.items[0,2].v", &input).unwrap(), json!([1, 3]));
        for p in [
            "$.items[*]",
            "$[*]",
            "$.item.items[1:5].itemValue",
            "$.items[1:]",
        ] {
            assert_eq!(read_input(p, &json!({})).unwrap(), json!([]), "{p}");
        }
    }

    #[test]
    fn filter_from_the_conformance_corpus() {
        let input = json!({"users": [{"year": 1997, "status": 0}, {"year": 1998, "status": 1}]});
        assert_eq!(
            read_input("$.users[?(@.status == 0)]", &input).unwrap(),
            json!([{"year": 1997, "status": 0}])
        );
    }

    #[test]
    fn quoted_names_keep_backslashes_except_before_the_quote() {
        let input = json!({"Test\\\"\"Name\"": "v", "it's": 2});
        assert_eq!(
            read_input("$['Test\\\"\"Name\"']", &input).unwrap(),
            json!("v")
        );
        assert_eq!(read_input("$['it\\'s']", &input).unwrap(), json!(2));
    }

    #[test]
    fn jayway_filter_forms() {
        let input = json!({"items": [
            {"name": "apple", "tags": [1, 2], "first-name": "x"},
            {"name": "Banana", "tags": [1], "first-name": "y"}
        ]});
        assert_eq!(
            read_input("$.items[?(@.tags.length() > 1)].name", &input).unwrap(),
            json!(["apple"])
        );
        assert_eq!(
            read_input("$.items[?(@.name =~ /b.*/i)].name", &input).unwrap(),
            json!(["Banana"])
        );
        assert_eq!(
            read_input("$.items[?(@.name =~ /an/)].name", &input).unwrap(),
            json!([])
        );
        assert_eq!(
            read_input("$.items[?(@.first-name == 'y')].name", &input).unwrap(),
            json!(["Banana"])
        );
        assert_eq!(
            read_input(
                "$.items[?(@.name == 'apple' || @.tags[0] == 2)].name",
                &input
            )
            .unwrap(),
            json!(["apple"])
        );
    }

    #[test]
    fn length_function() {
        let input = json!({"a": [1, 2, 3], "s": "abcd"});
        assert_eq!(read_input("$.a.length()", &input).unwrap(), json!(3));
        assert_eq!(read_input("$.s.length()", &input).unwrap(), json!(4));
    }

    #[test]
    fn context_and_variables() {
        let input = json!({});
        let context = json!({"Execution": {"Name": "exec"}});
        let mut vars = Map::new();
        vars.insert("total".into(), json!({"n": [5, 6]}));
        let scope = Scope::new(&input, &context, &vars);
        assert_eq!(read("$$.Execution.Name", &scope).unwrap(), json!("exec"));
        assert_eq!(read("$total.n[1]", &scope).unwrap(), json!(6));
        assert_eq!(read("$total", &scope).unwrap(), json!({"n": [5, 6]}));
        assert_eq!(
            read("$missing", &scope).unwrap_err(),
            PathError::UndefinedVariable("missing".into())
        );
    }

    #[test]
    fn read_ref_borrows_definite_values() {
        let input = json!({"big": {"x": 1}});
        let scope = Scope::new(&input, &Value::Null, &NoVariables);
        assert!(matches!(
            read_ref("$.big", &scope).unwrap(),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn write_follows_result_path_rules() {
        assert_eq!(write(json!({"a": 1}), "$", json!(2)).unwrap(), json!(2));
        assert_eq!(
            write(json!({}), "$.enigma.mystery", json!(1)).unwrap(),
            json!({"enigma": {"mystery": 1}})
        );
        assert_eq!(
            write(json!({"a": {"b": 1, "c": 2}}), "$.a.b", json!("x")).unwrap(),
            json!({"a": {"b": "x", "c": 2}})
        );
        assert_eq!(
            write(json!({"a": [1, 2]}), "$.a[1]", json!(9)).unwrap(),
            json!({"a": [1, 9]})
        );
        assert!(matches!(
            write(json!("foo"), "$.x", json!(1)),
            Err(PathError::CannotWrite(_))
        ));
        assert!(matches!(
            write(json!({"a": 5}), "$.a.b", json!(1)),
            Err(PathError::CannotWrite(_))
        ));
        assert!(matches!(
            write(json!({}), "$.a[*]", json!(1)),
            Err(PathError::Invalid(_))
        ));
    }

    #[test]
    fn syntax_checks() {
        assert!(check("$.a.b[0]").is_ok());
        assert!(check("$$.Map.Item.Value").is_ok());
        assert!(check("$.a[?(@.b > 1)]").is_ok());
        assert!(check("a.b").is_err());
        // AWS does not look inside filters when it validates a definition.
        assert!(check("$.r[?(@.k == FooBar)].v").is_ok());
        assert!(matches!(
            read_input("$.r[?(@.k == FooBar)].v", &json!({"r": []})),
            Err(PathError::Invalid(_))
        ));
        assert!(check("$.a[").is_err());
        assert!(check("$.").is_err());
        assert!(is_reference_path("$.a['b'][2]"));
        assert!(!is_reference_path("$.a[*]"));
        assert!(!is_reference_path("$..a"));
        assert_eq!(root_of("$var.x"), Some(Root::Variable("var".into())));
        assert_eq!(root_of("$$"), Some(Root::Context));
    }
}
