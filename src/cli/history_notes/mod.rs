//! What each history event means to a person reading it: the state it belongs to, the
//! Map iteration or Parallel branch it ran in, and a note on what it did: the data a state
//! added or changed (rather than the unchanged start of its input), the attempt of a
//! retried task (`attempt 2/4`), the Choice rule taken. Also where an execution failed,
//! for the status line. Events are in the API's shape, in history order; the definition
//! (raw JSON), when given, supplies retry limits and Choice rules.
use std::collections::HashMap;

use serde_json::{Map, Value};

use super::history_table::{attribute, details, other_details};
use crate::history::EventType;

/// The reading of one event.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Note {
    pub state: Option<String>,
    /// `[2]` (a Map iteration), `b1` (a Parallel branch), nested as `[2] › b1`; empty at
    /// the top level.
    pub scope: String,
    pub text: String,
}

/// One level of nesting: a Map iteration or a Parallel branch.
#[derive(Debug, Clone, PartialEq)]
struct Level {
    /// The Map or Parallel state's name.
    container: String,
    label: String,
}

fn ty(event: &Value) -> &str {
    event.get("type").and_then(Value::as_str).unwrap_or("")
}

fn id(event: &Value) -> i64 {
    event.get("id").and_then(Value::as_i64).unwrap_or(0)
}

fn prev(event: &Value) -> i64 {
    event
        .get("previousEventId")
        .and_then(Value::as_i64)
        .unwrap_or(0)
}

fn text<'a>(event: &'a Value, key: &str) -> Option<&'a str> {
    details(event)?.get(key)?.as_str()
}

/// A state's definition by name, searched through Parallel branches and Map processors.
pub fn find_state<'a>(definition: &'a Value, name: &str) -> Option<&'a Value> {
    let states = definition.get("States")?.as_object()?;
    if let Some(state) = states.get(name) {
        return Some(state);
    }
    states.values().find_map(|state| {
        let nested = state
            .get("Branches")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .chain(state.get("ItemProcessor"))
            .chain(state.get("Iterator"));
        nested.into_iter().find_map(|d| find_state(d, name))
    })
}

/// The number of attempts a state's Retry allows for `error` (1 when none matches).
pub fn attempts_allowed(state: Option<&Value>, error: &str) -> u64 {
    let Some(retriers) = state.and_then(|s| s.get("Retry")).and_then(Value::as_array) else {
        return 1;
    };
    let matches = |name: &str| {
        name == error
            || name == "States.ALL"
            || (name == "States.TaskFailed" && error != "States.Timeout")
    };
    retriers
        .iter()
        .find(|r| {
            r.get("ErrorEquals")
                .and_then(Value::as_array)
                .is_some_and(|errors| errors.iter().filter_map(Value::as_str).any(matches))
        })
        .map(|r| 1 + r.get("MaxAttempts").and_then(Value::as_u64).unwrap_or(3))
        .unwrap_or(1)
}

/// A payload in a line (or pretty-printed, with `full`).
fn payload(text: &str, full: bool) -> String {
    match serde_json::from_str::<Value>(text) {
        Ok(v) if full && (v.is_object() || v.is_array()) => {
            serde_json::to_string_pretty(&v).unwrap_or_else(|_| text.to_string())
        }
        Ok(v) => v.to_string(),
        Err(_) => text.to_string(),
    }
}

/// The part of `after` that differs from `before`: `+added: 1 · ~changed: "x" · -removed`,
/// down nested objects as dotted paths. `None` when they are not both objects.
pub fn changes(before: &Value, after: &Value) -> Option<Vec<String>> {
    let (Value::Object(b), Value::Object(a)) = (before, after) else {
        return None;
    };
    let mut out = Vec::new();
    diff_objects("", b, a, &mut out, 0);
    Some(out)
}

fn diff_objects(
    path: &str,
    before: &Map<String, Value>,
    after: &Map<String, Value>,
    out: &mut Vec<String>,
    depth: usize,
) {
    for (key, value) in after {
        let here = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        match before.get(key) {
            None => out.push(format!("+{here}: {value}")),
            Some(old) if old == value => {}
            Some(Value::Object(old)) if depth < 3 => {
                if let Value::Object(new) = value {
                    diff_objects(&here, old, new, out, depth + 1);
                } else {
                    out.push(format!("~{here}: {value}"));
                }
            }
            Some(_) => out.push(format!("~{here}: {value}")),
        }
    }
    for key in before.keys().filter(|k| !after.contains_key(*k)) {
        if path.is_empty() {
            out.push(format!("-{key}"));
        } else {
            out.push(format!("-{path}.{key}"));
        }
    }
}

/// What a state's output changed of its input, in a line.
fn change_note(input: Option<&str>, output: &str, full: bool) -> String {
    let parse = |t: &str| serde_json::from_str::<Value>(t).ok();
    match (input.and_then(parse), parse(output)) {
        (Some(before), Some(after)) if before == after => "unchanged".to_string(),
        (Some(before), Some(after)) => match changes(&before, &after) {
            Some(list) if !full || list.len() < 4 => list.join(" · "),
            _ => format!("output {}", payload(output, full)),
        },
        _ => format!("output {}", payload(output, full)),
    }
}

/// A Choice rule in a line: `$.amount NumericGreaterThan 100`, `And(2 rules)`, or its
/// JSONata `Condition`.
fn rule_text(rule: &Value) -> String {
    if let Some(c) = rule.get("Condition").and_then(Value::as_str) {
        return c.to_string();
    }
    let variable = rule.get("Variable").and_then(Value::as_str);
    let Some(obj) = rule.as_object() else {
        return String::new();
    };
    for (k, v) in obj {
        if matches!(
            k.as_str(),
            "Variable" | "Next" | "Comment" | "Assign" | "Output"
        ) {
            continue;
        }
        return match (k.as_str(), v) {
            ("And" | "Or", Value::Array(list)) => format!("{k}({} rules)", list.len()),
            ("Not", inner) => format!("Not({})", rule_text(inner)),
            (op, value) => format!("{} {op} {value}", variable.unwrap_or("")),
        };
    }
    String::new()
}

/// The Choice rule that leads from `state` to `next`.
fn choice_note(state: Option<&Value>, next: Option<&str>) -> String {
    let (Some(state), Some(next)) = (state, next) else {
        return String::new();
    };
    let rules = state
        .get("Choices")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let leading: Vec<(usize, &Value)> = rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.get("Next").and_then(Value::as_str) == Some(next))
        .collect();
    let default = state.get("Default").and_then(Value::as_str) == Some(next);
    match (leading.as_slice(), default) {
        ([(i, rule)], false) => format!("rule {}: {} → {next}", i + 1, rule_text(rule)),
        ([], true) => format!("Default → {next}"),
        ([], false) => format!("→ {next}"),
        (many, _) => {
            let numbers: Vec<String> = many.iter().map(|(i, _)| (i + 1).to_string()).collect();
            let default = if default { " or Default" } else { "" };
            format!("rule {}{default} → {next}", numbers.join(" or "))
        }
    }
}

/// Reads every event.
pub fn notes(events: &[Value], definition: Option<&Value>, full: bool) -> Vec<Note> {
    let attribution = attribute(events);
    let mut scope_of: HashMap<i64, Vec<Level>> = HashMap::new();
    let mut data_after: HashMap<i64, String> = HashMap::new();
    let mut branches: HashMap<i64, usize> = HashMap::new();
    // Per visit: its input, and attempts so far.
    let mut visit_input: HashMap<usize, String> = HashMap::new();
    let mut attempts: HashMap<usize, (u64, String)> = HashMap::new();
    // The state entered right after each Choice exit (for the rule taken).
    let mut entered_after: HashMap<i64, String> = HashMap::new();
    let mut parallel_started: HashMap<i64, String> = HashMap::new();
    for event in events {
        if ty(event).ends_with("StateEntered") {
            if let Some(name) = text(event, "name") {
                entered_after.insert(prev(event), name.to_string());
            }
        }
    }
    let state_def = |name: Option<&str>| definition.zip(name).and_then(|(d, n)| find_state(d, n));
    let mut out = Vec::with_capacity(events.len());
    for (i, event) in events.iter().enumerate() {
        let kind = ty(event);
        let state = attribution.states[i].clone();
        let visit = attribution.visits[i];
        // Scope: from the event it follows, then adjusted for containers.
        let mut scope = scope_of.get(&prev(event)).cloned().unwrap_or_default();
        if let Some(parallel) = parallel_started.get(&prev(event)) {
            let n = branches.entry(prev(event)).or_insert(0);
            *n += 1;
            scope.push(Level {
                container: parallel.clone(),
                label: format!("b{n}"),
            });
        }
        let closes = ["MapState", "ParallelState"]
            .iter()
            .any(|p| kind.starts_with(p))
            && ["Succeeded", "Failed", "Aborted"]
                .iter()
                .any(|s| kind.ends_with(s));
        if closes || kind.starts_with("MapIteration") {
            if let Some(name) = state.as_deref() {
                if let Some(at) = scope.iter().rposition(|l| l.container == name) {
                    scope.truncate(at);
                }
            }
        }
        if kind == EventType::ParallelStateStarted {
            parallel_started.insert(id(event), state.clone().unwrap_or_default());
        }
        let mut note_scope = scope.clone();
        if kind.starts_with("MapIteration") {
            let index = details(event)
                .and_then(|d| d.get("index"))
                .and_then(Value::as_i64);
            let map = text(event, "name").map(str::to_string).or(state.clone());
            if let (Some(index), Some(map)) = (index, map) {
                let level = Level {
                    container: map.clone(),
                    label: format!("[{index}]"),
                };
                note_scope.push(level.clone());
                if kind == EventType::MapIterationStarted {
                    scope.push(level);
                }
            }
        }
        scope_of.insert(id(event), scope);

        let note = note_text(
            event,
            state.as_deref(),
            visit,
            &mut visit_input,
            &mut attempts,
            &data_after,
            &entered_after,
            &state_def,
            full,
        );
        if let Some(data) = text(event, "output").or_else(|| text(event, "input")) {
            if kind.ends_with("StateEntered")
                || kind.ends_with("StateExited")
                || kind == EventType::ExecutionStarted
            {
                data_after.insert(id(event), data.to_string());
            }
        } else if let Some(data) = data_after.get(&prev(event)).cloned() {
            // Events between a state's entry and exit carry its data along.
            data_after.insert(id(event), data);
        }
        out.push(Note {
            state,
            scope: note_scope
                .iter()
                .map(|l| l.label.as_str())
                .collect::<Vec<_>>()
                .join(" › "),
            text: note,
        });
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn note_text<'d>(
    event: &Value,
    state: Option<&str>,
    visit: Option<usize>,
    visit_input: &mut HashMap<usize, String>,
    attempts: &mut HashMap<usize, (u64, String)>,
    data_after: &HashMap<i64, String>,
    entered_after: &HashMap<i64, String>,
    state_def: &dyn Fn(Option<&str>) -> Option<&'d Value>,
    full: bool,
) -> String {
    let kind = ty(event);
    let Some(d) = details(event) else {
        return String::new();
    };
    let field = |k: &str| d.get(k).and_then(Value::as_str);
    let error = field("error");
    let cause = field("cause");
    let failure = match (error, cause) {
        (Some(e), Some(c)) => Some(format!("{e}: {c}")),
        (Some(e), None) => Some(e.to_string()),
        (None, Some(c)) => Some(c.to_string()),
        (None, None) => None,
    };
    if kind.ends_with("StateEntered") {
        let input = field("input").unwrap_or_default();
        if let Some(v) = visit {
            visit_input.insert(v, input.to_string());
        }
        // The input is news only where it is not the data the previous step left.
        // The first state follows event 0 on AWS; its data is the execution's input.
        let after = if prev(event) == 0 { 1 } else { prev(event) };
        let before = data_after.get(&after);
        let same = before.is_some_and(|b| {
            b == input || serde_json::from_str::<Value>(b).ok() == serde_json::from_str(input).ok()
        });
        return if same {
            String::new()
        } else {
            format!("input {}", payload(input, full))
        };
    }
    if kind == EventType::ChoiceStateExited {
        let next = entered_after.get(&id(event)).map(String::as_str);
        return choice_note(state_def(state), next);
    }
    if kind.ends_with("StateExited") {
        let output = field("output").unwrap_or_default();
        let input = visit.and_then(|v| visit_input.get(&v)).map(String::as_str);
        return change_note(input, output, full);
    }
    let is_attempt = kind.ends_with("Scheduled") && !kind.starts_with("Map");
    let attempt_failed = !kind.starts_with("Execution")
        && !kind.starts_with("Map")
        && !kind.starts_with("Parallel")
        && (kind.ends_with("Failed") || kind.ends_with("TimedOut"));
    if let (true, Some(v)) = (is_attempt, visit) {
        attempts.entry(v).or_default().0 += 1;
    }
    if let (true, Some(v), Some(e)) = (attempt_failed, visit, error) {
        attempts.entry(v).or_default().1 = e.to_string();
    }
    let (attempt, last_error) = visit
        .and_then(|v| attempts.get(&v).cloned())
        .unwrap_or_default();
    let resource = || match (field("resourceType"), field("resource")) {
        (Some(t), Some(r)) => format!("{t}:{r}"),
        (None, Some(r)) => r.to_string(),
        _ => String::new(),
    };
    if is_attempt {
        let parameters = field("parameters").or_else(|| field("input"));
        let mut line = resource();
        if let Some(p) = parameters {
            line = format!("{line} {}", payload(p, full)).trim().to_string();
        }
        if attempt > 1 {
            let allowed = attempts_allowed(state_def(state), &last_error);
            let of = if allowed >= attempt {
                format!("/{allowed}")
            } else {
                String::new()
            };
            line = format!("attempt {attempt}{of} · {line}");
        }
        return line;
    }
    if attempt_failed {
        let failure = failure.unwrap_or_default();
        let allowed = attempts_allowed(state_def(state), error.unwrap_or_default());
        if allowed > 1 || attempt > 1 {
            return format!("attempt {attempt}/{} · {failure}", allowed.max(attempt));
        }
        return failure;
    }
    if let Some(failure) = failure {
        return failure;
    }
    if let Some(output) = field("output") {
        let label = if kind.ends_with("Succeeded") && !kind.starts_with("Execution") {
            "result"
        } else {
            "output"
        };
        return format!("{label} {}", payload(output, full));
    }
    if kind.ends_with("Started") && d.contains_key("resource") {
        return resource();
    }
    if let Some(input) = field("input") {
        return format!("input {}", payload(input, full));
    }
    if let Some(length) = d.get("length").and_then(Value::as_i64) {
        return format!("{length} items");
    }
    if kind.starts_with("MapIteration") {
        return String::new();
    }
    other_details(d)
}

/// Where and how an execution that did not succeed ended: the state, its attempts, the
/// error and cause.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub state: Option<String>,
    /// Attempts of that state's last visit (0 when it made none, e.g. a Fail state).
    pub attempts: u64,
    pub error: Option<String>,
    pub cause: Option<String>,
}

/// The failure an execution's history ends with; `None` when it did not fail.
pub fn failure(events: &[Value]) -> Option<Failure> {
    let last = events.last()?;
    let kind = ty(last);
    if !matches!(
        EventType::parse(kind),
        Some(
            EventType::ExecutionFailed | EventType::ExecutionTimedOut | EventType::ExecutionAborted
        )
    ) {
        return None;
    }
    let attribution = attribute(events);
    // The state that failed: the last event attributed to a state that is not a
    // container closing (its failure is its branch's).
    let position = (0..events.len() - 1).rev().find(|&i| {
        let k = ty(&events[i]);
        attribution.states[i].is_some()
            && !k.ends_with("StateExited")
            && !(k.starts_with("Map") || k.starts_with("Parallel"))
            || k == EventType::FailStateEntered
    });
    let (state, attempts) = match position {
        Some(i) => {
            let visit = attribution.visits[i];
            let attempts = events
                .iter()
                .enumerate()
                .filter(|(j, e)| {
                    attribution.visits[*j] == visit
                        && ty(e).ends_with("Scheduled")
                        && !ty(e).starts_with("Map")
                })
                .count() as u64;
            (attribution.states[i].clone(), attempts)
        }
        None => (None, 0),
    };
    Some(Failure {
        state,
        attempts,
        error: text(last, "error").map(str::to_string),
        cause: text(last, "cause").map(str::to_string),
    })
}

#[cfg(test)]
mod tests;
