//! Readable tables for people: an execution's history (one line per event, its state and
//! a one-line summary) and an execution's description. Used by `get-execution-history
//! --output table`, `describe-execution --output table` and the end of `sfn run`.
//! Events are read in the API's shape (as `get-execution-history` returns them).
use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};
use serde_json::Value;

use super::graph::Outcome;
use super::history_notes::{self, Note};
use super::term::{self, Stream};
use crate::history::EventType;

/// How payloads are shown.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Show payloads whole instead of shortened to one line.
    pub full: bool,
    pub color: bool,
    /// The table goes to stderr (else stdout): the stream whose terminal width it fits.
    pub on_stderr: bool,
}

/// Longest summary shown when payloads are shortened.
const SHORT: usize = 72;

/// The `<xxx>EventDetails` object of an event, if it has one.
pub fn details(event: &Value) -> Option<&serde_json::Map<String, Value>> {
    event.as_object()?.iter().find_map(|(k, v)| {
        if k.ends_with("EventDetails") {
            v.as_object()
        } else {
            None
        }
    })
}

fn event_type(event: &Value) -> &str {
    event.get("type").and_then(Value::as_str).unwrap_or("")
}

fn event_id(event: &Value) -> i64 {
    event.get("id").and_then(Value::as_i64).unwrap_or(0)
}

fn event_time(event: &Value) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(event.get("timestamp")?.as_str()?).ok()
}

/// One visit of a state: from its `…StateEntered` event to its `…StateExited` (or the end).
struct Visit {
    name: String,
    /// The state type, from the event type (`Task`, `Map`, `Fail`...).
    kind: String,
    /// The latest attempt failed (a retry or a success clears it).
    failed: bool,
    outcome: Option<Outcome>,
}

/// Which state each event belongs to, and how each state fared.
pub struct Attribution {
    /// The state of each event, by position in the events given.
    pub states: Vec<Option<String>>,
    /// The visit (one entry into a state) of each event, numbered in history order.
    pub visits: Vec<Option<usize>>,
    /// Per state name; a state visited several times (loops, Map iterations) shows its
    /// worst visit: Failed, then Unfinished, then Caught, then Succeeded.
    pub outcomes: HashMap<String, Outcome>,
    /// Per state name: visits that succeeded, visits that failed (caught or not).
    pub counts: HashMap<String, (u64, u64)>,
    /// Per Map state name: iterations started.
    pub iterations: HashMap<String, u64>,
}

fn is_failure(event_type: &str) -> bool {
    !event_type.starts_with("Execution")
        && !event_type.starts_with("MapIteration")
        && !event_type.starts_with("MapRun")
        && (event_type.ends_with("Failed") || event_type.ends_with("TimedOut"))
}

/// An attempt starting again or succeeding clears an earlier failed attempt (Retry).
fn clears_failure(event_type: &str) -> bool {
    event_type.ends_with("Scheduled")
        || event_type.ends_with("Succeeded")
        || event_type == EventType::ParallelStateStarted
        || event_type == EventType::MapStateStarted
}

fn rank(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Failed => 3,
        Outcome::Unfinished => 2,
        Outcome::Caught => 1,
        Outcome::Succeeded => 0,
    }
}

/// Attributes events to states: entered/exited events name their state, Map and
/// Parallel progress events belong to the innermost open Map or Parallel, execution
/// events to none, and every other event to the state of its `previousEventId`.
/// Events must be in history order.
pub fn attribute(events: &[Value]) -> Attribution {
    let mut visits: Vec<Visit> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut visit_of_event: HashMap<i64, usize> = HashMap::new();
    let mut states = Vec::with_capacity(events.len());
    let mut visit_list = Vec::with_capacity(events.len());
    let mut iterations: HashMap<String, u64> = HashMap::new();
    for event in events {
        let ty = event_type(event);
        let name = details(event)
            .and_then(|d| d.get("name"))
            .and_then(Value::as_str);
        if ty == "MapIterationStarted" {
            *iterations
                .entry(name.unwrap_or_default().to_string())
                .or_default() += 1;
        }
        let innermost = |kind: &str, open: &[usize], visits: &[Visit]| {
            open.iter().rev().copied().find(|&v| visits[v].kind == kind)
        };
        let visit = if let Some(kind) = ty.strip_suffix("StateEntered") {
            visits.push(Visit {
                name: name.unwrap_or_default().to_string(),
                kind: kind.to_string(),
                failed: false,
                outcome: None,
            });
            open.push(visits.len() - 1);
            Some(visits.len() - 1)
        } else if ty.ends_with("StateExited") {
            let found = open
                .iter()
                .rposition(|&v| Some(visits[v].name.as_str()) == name);
            found.map(|position| {
                let v = open.remove(position);
                let visit = &mut visits[v];
                visit.outcome = Some(if visit.failed {
                    Outcome::Caught
                } else {
                    Outcome::Succeeded
                });
                v
            })
        } else if let Some(kind) = ["Parallel", "Map"]
            .into_iter()
            .find(|k| ty.starts_with(&format!("{k}State")))
        {
            innermost(kind, &open, &visits)
        } else if ty.starts_with("MapIteration") || ty.starts_with("MapRun") {
            innermost("Map", &open, &visits)
        } else if ty.starts_with("Execution") {
            None
        } else {
            event
                .get("previousEventId")
                .and_then(Value::as_i64)
                .and_then(|p| visit_of_event.get(&p).copied())
        };
        if let Some(v) = visit {
            visit_of_event.insert(event_id(event), v);
            if is_failure(ty) {
                visits[v].failed = true;
            } else if clears_failure(ty) {
                visits[v].failed = false;
            }
        }
        visit_list.push(visit);
        // An event whose state opened before the events given still names it.
        states.push(
            visit
                .map(|v| visits[v].name.clone())
                .or_else(|| name.map(str::to_string)),
        );
    }
    let mut outcomes: HashMap<String, Outcome> = HashMap::new();
    let mut counts: HashMap<String, (u64, u64)> = HashMap::new();
    for visit in &visits {
        let count = counts.entry(visit.name.clone()).or_default();
        match visit.outcome {
            Some(Outcome::Succeeded) => count.0 += 1,
            Some(Outcome::Caught) | Some(Outcome::Failed) => count.1 += 1,
            _ if visit.failed || visit.kind == "Fail" => count.1 += 1,
            _ => {}
        }
        let outcome = visit
            .outcome
            .unwrap_or(if visit.failed || visit.kind == "Fail" {
                Outcome::Failed
            } else {
                Outcome::Unfinished
            });
        let entry = outcomes.entry(visit.name.clone()).or_insert(outcome);
        if rank(outcome) > rank(*entry) {
            *entry = outcome;
        }
    }
    Attribution {
        states,
        visits: visit_list,
        outcomes,
        counts,
        iterations,
    }
}

/// One line of at most `limit` characters (or, without a limit, the whole text) of a
/// payload or message.
pub fn shorten(text: &str, limit: Option<usize>) -> String {
    let Some(limit) = limit else {
        return text.to_string();
    };
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= limit {
        return line;
    }
    let cut: String = line.chars().take(limit.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn text_of<'a>(details: &'a serde_json::Map<String, Value>, key: &str) -> Option<&'a str> {
    details.get(key).and_then(Value::as_str)
}

/// What an event says, in a line: its error and cause, output, input, resource...
pub fn summary(event: &Value, full: bool) -> String {
    shorten(&summary_text(event), (!full).then_some(SHORT))
}

fn summary_text(event: &Value) -> String {
    let ty = event_type(event);
    let Some(d) = details(event) else {
        return String::new();
    };
    let error = text_of(d, "error");
    let cause = text_of(d, "cause");
    let text = if error.is_some() || cause.is_some() {
        match (error, cause) {
            (Some(e), Some(c)) => format!("{e}: {c}"),
            (Some(e), None) => e.to_string(),
            (None, c) => c.unwrap_or_default().to_string(),
        }
    } else if let Some(output) = text_of(d, "output") {
        format!("output {output}")
    } else if ty.ends_with("Scheduled") || d.contains_key("resource") {
        let resource = match (text_of(d, "resourceType"), text_of(d, "resource")) {
            (Some(t), Some(r)) => format!("{t}:{r}"),
            (None, Some(r)) => r.to_string(),
            _ => String::new(),
        };
        let parameters = text_of(d, "parameters")
            .or_else(|| text_of(d, "input"))
            .unwrap_or_default();
        format!("{resource} {parameters}").trim().to_string()
    } else if let Some(input) = text_of(d, "input") {
        format!("input {input}")
    } else if let Some(length) = d.get("length").and_then(Value::as_i64) {
        format!("{length} items")
    } else if let Some(index) = d.get("index").and_then(Value::as_i64) {
        format!("iteration {index}")
    } else {
        other_details(d)
    };
    text
}

/// The details no column or phrase shows (all but `name` and the `…Details` members), as
/// compact JSON; empty when there are none.
pub(super) fn other_details(d: &serde_json::Map<String, Value>) -> String {
    let rest: serde_json::Map<String, Value> = d
        .iter()
        .filter(|(k, _)| !k.ends_with("Details") && k.as_str() != "name")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if rest.is_empty() {
        String::new()
    } else {
        Value::Object(rest).to_string()
    }
}

/// Seconds since `start`, as `+1.234s`.
fn offset(start: Option<DateTime<FixedOffset>>, at: Option<DateTime<FixedOffset>>) -> String {
    match (start, at) {
        (Some(s), Some(a)) => {
            let millis = (a - s).num_milliseconds().max(0);
            format!("+{}.{:03}s", millis / 1000, millis % 1000)
        }
        _ => String::new(),
    }
}

fn type_cell(ty: &str, color: bool) -> Cell {
    let cell = Cell::new(ty);
    if !color {
        return cell;
    }
    if ty.ends_with("Failed") || ty.ends_with("TimedOut") || ty.ends_with("Aborted") {
        cell.fg(Color::Red)
    } else if ty == EventType::ExecutionSucceeded {
        cell.fg(Color::Green)
    } else if ty.ends_with("StateEntered") {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

fn new_table(style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    let stream = if style.on_stderr {
        table.use_stderr();
        Stream::Stderr
    } else {
        Stream::Stdout
    };
    if !style.color {
        table.force_no_tty();
    }
    // The terminal's width, or COLUMNS when piped; with neither, lines stay whole.
    if let Some(w) = term::width(stream) {
        table.set_width(w.min(u16::MAX as usize) as u16);
    }
    table
}

/// A row standing for events left out of a long history.
pub enum Row<'a> {
    Event(&'a Value, &'a Note),
    Skipped(usize),
}

/// The history table: id, time since the first event, type, state, the Map iteration or
/// Parallel branch (when any event has one), and what the event did.
/// `start` is the execution's first event time (for the time offsets).
pub fn history_rows(rows: &[Row], start: Option<&Value>, style: Style) -> String {
    let with_scope = rows
        .iter()
        .any(|r| matches!(r, Row::Event(_, n) if !n.scope.is_empty()));
    let mut table = new_table(style);
    // A narrow terminal gives the Time column's room to what the events did.
    let with_time = table.width().is_none_or(|w| w >= 80);
    let mut header = vec!["#"];
    if with_time {
        header.push("Time");
    }
    header.extend(["Type", "State"]);
    if with_scope {
        header.push("Iteration");
    }
    header.push(if style.full {
        "Details"
    } else {
        "What changed"
    });
    let type_column = header.len() - if with_scope { 4 } else { 3 };
    let start = start.and_then(event_time);
    // The cells as text first: the last column gets the width the others leave.
    let lines: Vec<Option<Vec<String>>> = rows
        .iter()
        .map(|row| match row {
            Row::Event(event, note) => {
                let mut cells = vec![event_id(event).to_string()];
                if with_time {
                    cells.push(offset(start, event_time(event)));
                }
                cells.push(event_type(event).to_string());
                cells.push(note.state.clone().unwrap_or_default());
                if with_scope {
                    cells.push(note.scope.clone());
                }
                cells.push(note.text.clone());
                Some(cells)
            }
            Row::Skipped(_) => None,
        })
        .collect();
    let others = header.len() - 1;
    let limit = if style.full {
        None
    } else {
        let used: usize = (0..others)
            .map(|i| {
                lines
                    .iter()
                    .flatten()
                    .map(|cells| cells[i].chars().count())
                    .chain([header[i].chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .sum();
        // Borders and padding: one rule and 2 spaces per column, and the last rule.
        let fit = table.width().map(|w| {
            (w as usize)
                .saturating_sub(used + 3 * header.len() + 1)
                .max(16)
        });
        Some(fit.unwrap_or(SHORT))
    };
    let mut header_row = comfy_table::Row::from(header.clone());
    header_row.max_height(1);
    table.set_header(header_row);
    for (row, cells) in rows.iter().zip(lines) {
        match cells {
            Some(mut cells) => {
                let text = cells.pop().unwrap_or_default();
                let ty = cells[type_column].clone();
                let mut line: Vec<Cell> = cells.into_iter().map(Cell::new).collect();
                line[type_column] = type_cell(&ty, style.color);
                line.push(Cell::new(shorten(&text, limit)));
                let mut line = comfy_table::Row::from(line);
                // One line per event, even where a terminal is narrower than expected.
                if !style.full {
                    line.max_height(1);
                }
                table.add_row(line);
            }
            None => {
                let n = match row {
                    Row::Skipped(n) => *n,
                    Row::Event(..) => 0,
                };
                let mut line: Vec<Cell> = (0..header.len()).map(|_| Cell::new("")).collect();
                line[0] = Cell::new("…");
                line[type_column] = Cell::new(format!("{n} more events"));
                table.add_row(line);
            }
        }
    }
    format!("{table}\n")
}

/// The whole history of an execution (events in any order) as a table; `definition`
/// (when known) numbers retries against their limit and names Choice rules.
pub fn history_with(events: &[Value], definition: Option<&Value>, style: Style) -> String {
    // Reading needs history order; a --reverse-order page is shown as asked.
    let reversed = events.len() > 1 && event_id(&events[0]) > event_id(&events[events.len() - 1]);
    let mut owned: Vec<Value> = events.to_vec();
    if reversed {
        owned.reverse();
    }
    let notes = history_notes::notes(&owned, definition, style.full);
    let mut rows: Vec<Row> = owned
        .iter()
        .zip(notes.iter())
        .map(|(e, n)| Row::Event(e, n))
        .collect();
    if reversed {
        rows.reverse();
    }
    let start = owned.iter().min_by_key(|e| event_id(e));
    history_rows(&rows, start, style)
}

/// The whole history of an execution (events in any order) as a table.
pub fn history(events: &[Value], style: Style) -> String {
    history_with(events, None, style)
}

/// `describe-execution` as a two-column table.
pub fn description(execution: &Value, style: Style) -> String {
    let mut table = new_table(style);
    let field = |key: &str| execution.get(key).and_then(Value::as_str);
    let mut add = |label: &str, value: String, cell: Option<Cell>| {
        table.add_row(vec![
            Cell::new(label).add_attribute(Attribute::Bold),
            cell.unwrap_or_else(|| Cell::new(value)),
        ]);
    };
    let status = field("status").unwrap_or_default();
    let status_cell = style.color.then(|| {
        let colour = match status {
            "SUCCEEDED" => Color::Green,
            "RUNNING" | "PENDING_REDRIVE" => Color::Cyan,
            _ => Color::Red,
        };
        Cell::new(status).fg(colour)
    });
    add("Status", status.to_string(), status_cell);
    for (label, key) in [
        ("Name", "name"),
        ("Execution ARN", "executionArn"),
        ("State machine ARN", "stateMachineArn"),
        ("Version ARN", "stateMachineVersionArn"),
        ("Alias ARN", "stateMachineAliasArn"),
        ("Started", "startDate"),
        ("Stopped", "stopDate"),
    ] {
        if let Some(v) = field(key) {
            add(label, v.to_string(), None);
        }
    }
    let start = field("startDate").and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    let stop = field("stopDate").and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    if let (Some(start), Some(stop)) = (start, stop) {
        let millis = (stop - start).num_milliseconds().max(0);
        add(
            "Duration",
            format!("{}.{:03}s", millis / 1000, millis % 1000),
            None,
        );
    }
    for (label, key) in [
        ("Input", "input"),
        ("Output", "output"),
        ("Error", "error"),
        ("Cause", "cause"),
    ] {
        if let Some(v) = field(key) {
            add(label, payload(v, style.full), None);
        }
    }
    if let Some(n) = execution.get("redriveCount").and_then(Value::as_i64) {
        add("Redrive count", n.to_string(), None);
    }
    if let Some(v) = field("redriveStatus") {
        let reason = field("redriveStatusReason")
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        add("Redrive status", format!("{v}{reason}"), None);
    }
    format!("{table}\n")
}

/// A payload: JSON pretty-printed when shown whole, else one shortened line.
fn payload(text: &str, full: bool) -> String {
    if full {
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            if value.is_object() || value.is_array() {
                return serde_json::to_string_pretty(&value).unwrap_or_else(|_| text.into());
            }
        }
    }
    shorten(text, (!full).then_some(SHORT))
}

#[cfg(test)]
mod tests;
