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
use std::sync::Arc;

use serde_json::{Map, Value};

use super::cache::TextCache;
use super::Variables;

mod parse;
mod rfc9535;

use parse::parse;
pub(crate) use parse::unquoted;

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

/// The position an `[index]` step names in an array of `len` items (a negative index
/// counts from the end); `None` before the start.
#[inline]
fn position(len: usize, index: i64) -> Option<usize> {
    usize::try_from(if index < 0 { len as i64 + index } else { index }).ok()
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
                    items.get(position(items.len(), *index)?)?
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
                    let at = position(items.len(), *index)?;
                    items.get_mut(at)?
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
                        match position(items.len(), *index).and_then(|k| items.get(k)) {
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
                let Some(item) = position(items.len(), *index).and_then(|k| items.get_mut(k))
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
    static CACHE: TextCache<Arc<CompiledPath>> = TextCache::new(CACHE_LIMIT);
}

/// Parses `path`, reusing an earlier parse on this thread. Keep the result to evaluate the
/// same path many times without even the cache lookup.
pub fn compile(path: &str) -> Result<Arc<CompiledPath>, PathError> {
    CACHE.with(|cache| cache.get_or_compile(path, || parse(path).map(Arc::new)))
}

#[cfg(test)]
mod tests;
