//! The live view: while an execution runs, a spinner on stderr with the current state,
//! the states entered so far, the elapsed time and Map progress. Shown only when stderr is
//! a terminal and `--quiet` is not given; it never writes to stdout.
//!
//! Executions run synchronously inside the API call, so the view follows the engine's
//! history events through the API context's observer ([`crate::api::Context::observer`]).
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::Value;

use crate::engine::{EventSink, HistoryEvent};
use crate::history::{Details, EventType};

/// Whether a live view belongs on this stderr.
pub fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Colour unless `NO_COLOR` is set to anything but the empty string (no-color.org).
pub fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Events kept for the history table at the end: the first `HEAD`, the last `TAIL`.
pub const HEAD: usize = 20;
pub const TAIL: usize = 20;

/// How often the spinner turns and its message is refreshed from the tally.
const TICK: Duration = Duration::from_millis(100);

/// A Map state in progress.
#[derive(Debug, Clone, PartialEq)]
struct MapProgress {
    name: String,
    total: Option<u64>,
    done: u64,
}

/// What the view knows of the execution so far.
#[derive(Debug, Default)]
pub struct Tally {
    pub states_entered: u64,
    pub current: String,
    pub events: i64,
    maps: Vec<MapProgress>,
    /// A note of ours after the tally (e.g. waiting for a callback).
    note: Option<String>,
    /// The first `HEAD + TAIL` events, then a window on the last `TAIL`: the table at the
    /// end comes from here rather than from reading a long history back.
    head: Vec<HistoryEvent>,
    /// A ring: once full, `ring_next` is the oldest slot, overwritten in place.
    ring: Vec<HistoryEvent>,
    ring_next: usize,
    total: usize,
    /// An `Execution…` event closed the history.
    closed: bool,
    /// What the execution waits for, when it waits for a known time (a Retry interval,
    /// a Wait state): shown as a countdown.
    waiting: Option<Waiting>,
    /// The definition (for Retry and Wait settings) and `SFN_WAIT_TIME_SCALE`.
    definition: Option<Value>,
    /// `None` until told: the engine's default, 1.
    scale: Option<f64>,
    /// Attempts made by the current visit of each state (for `retry 2/4`).
    attempts: std::collections::HashMap<String, u64>,
}

/// A countdown: `label` until `until`.
#[derive(Debug, Clone, PartialEq)]
struct Waiting {
    label: String,
    until: chrono::DateTime<chrono::Utc>,
}

impl Tally {
    /// Takes one event into account.
    fn observe(&mut self, event: &HistoryEvent) {
        self.events = self.events.max(event.id);
        self.total += 1;
        if self.head.len() < HEAD + TAIL {
            self.head.push(event.clone());
        } else if self.ring.len() < TAIL {
            self.ring.push(event.clone());
        } else {
            copy_event(&mut self.ring[self.ring_next], event);
            self.ring_next = (self.ring_next + 1) % TAIL;
        }
        let t = event.event_type;
        let ty = t.as_str();
        if ty.starts_with("Execution")
            && t != EventType::ExecutionStarted
            && t != EventType::ExecutionRedriven
        {
            self.closed = true;
        }
        let name = event
            .details
            .as_ref()
            .and_then(|d| d.str("name"))
            .unwrap_or_default();
        if ty.ends_with("StateEntered") || ty.ends_with("StateExited") {
            self.waiting = None;
        }
        if ty.ends_with("StateEntered") {
            self.states_entered += 1;
            self.current.clear();
            self.current.push_str(name);
            self.attempts.remove(name);
            if t == EventType::WaitStateEntered {
                self.waiting = self.wait_state(name, event);
            }
        } else if ty.ends_with("Scheduled") && !ty.starts_with("Map") {
            *self.attempts.entry(self.current.clone()).or_insert(0) += 1;
            self.waiting = None;
        } else if attempt_failed(ty) {
            self.waiting = self.retry(event);
        } else if t == EventType::MapStateStarted {
            let total = event
                .details
                .as_ref()
                .and_then(|d| d.to_value().get("length")?.as_u64());
            // A Map's own state name is the state entered just before it started.
            self.maps.push(MapProgress {
                name: self.current.clone(),
                total,
                done: 0,
            });
        } else if matches!(
            t,
            EventType::MapIterationSucceeded
                | EventType::MapIterationFailed
                | EventType::MapIterationAborted
        ) {
            if let Some(map) = self.maps.last_mut() {
                map.done += 1;
            }
        } else if matches!(
            t,
            EventType::MapStateSucceeded | EventType::MapStateFailed | EventType::MapStateAborted
        ) {
            self.maps.pop();
        }
    }

    /// The state being run, by name, in the definition.
    fn state_definition(&self, name: &str) -> Option<&Value> {
        super::history_notes::find_state(self.definition.as_ref()?, name)
    }

    fn scaled(&self, seconds: f64) -> chrono::Duration {
        chrono::Duration::milliseconds(
            (seconds * self.scale.unwrap_or(1.0) * 1000.0).max(0.0) as i64
        )
    }

    /// The countdown to the next attempt after a failed one, when a retrier allows one.
    fn retry(&self, event: &HistoryEvent) -> Option<Waiting> {
        let error = event
            .details
            .as_ref()
            .and_then(|d| d.str("error"))
            .unwrap_or_default();
        let state = self.state_definition(&self.current);
        let allowed = super::history_notes::attempts_allowed(state, error);
        let made = self
            .attempts
            .get(&self.current)
            .copied()
            .unwrap_or(1)
            .max(1);
        if made >= allowed {
            return None;
        }
        let retrier = retrier_for(state?, error)?;
        let number =
            |k: &str, default: f64| retrier.get(k).and_then(Value::as_f64).unwrap_or(default);
        let interval = number("IntervalSeconds", 1.0);
        let backoff = number("BackoffRate", 2.0);
        // Attempts made since this retrier started counting are not known apart from
        // other retriers'; the interval grows with every attempt made.
        let mut delay = interval * backoff.powi(made as i32 - 1);
        if let Some(max) = retrier.get("MaxDelaySeconds").and_then(Value::as_f64) {
            delay = delay.min(max);
        }
        Some(Waiting {
            label: format!("retry {}/{allowed} in", made + 1),
            until: event.timestamp + self.scaled(delay),
        })
    }

    /// The countdown of a Wait state with a fixed or read duration or timestamp.
    fn wait_state(&self, name: &str, event: &HistoryEvent) -> Option<Waiting> {
        let state = self.state_definition(name)?;
        let input = event
            .details
            .as_ref()
            .and_then(|d| d.str("input"))
            .and_then(|t| serde_json::from_str::<Value>(t).ok());
        let read = |key: &str| -> Option<Value> {
            let path = state.get(key)?.as_str()?.strip_prefix('$')?;
            let mut value = input.as_ref()?;
            for part in path.split('.').filter(|p| !p.is_empty()) {
                value = value.get(part)?;
            }
            Some(value.clone())
        };
        let seconds = state
            .get("Seconds")
            .cloned()
            .or_else(|| read("SecondsPath"))
            .and_then(|v| v.as_f64());
        let until = match seconds {
            Some(s) => event.timestamp + self.scaled(s),
            None => {
                let stamp = state
                    .get("Timestamp")
                    .cloned()
                    .or_else(|| read("TimestampPath"))?;
                let at = chrono::DateTime::parse_from_rfc3339(stamp.as_str()?).ok()?;
                let left = (at.with_timezone(&chrono::Utc) - event.timestamp)
                    .num_milliseconds()
                    .max(0) as f64;
                event.timestamp + self.scaled(left / 1000.0)
            }
        };
        Some(Waiting {
            label: "Wait".to_string(),
            until,
        })
    }

    /// The spinner's message: `State · 12 states entered · Map 3/10`.
    pub fn message(&self) -> String {
        if self.current.is_empty() {
            return match &self.note {
                Some(note) => format!("starting · {note}"),
                None => "starting".to_string(),
            };
        }
        // Most telling first: a narrow terminal cuts the end of the line.
        let mut text = self.current.clone();
        if let Some(waiting) = &self.waiting {
            let left = (waiting.until - chrono::Utc::now()).num_milliseconds();
            if left > 0 {
                let secs = (left + 999) / 1000;
                text.push_str(&format!(" · {} {secs}s", waiting.label));
            }
        }
        if let Some(note) = &self.note {
            text.push_str(" · ");
            text.push_str(note);
        }
        for map in &self.maps {
            match map.total {
                Some(total) => text.push_str(&format!(" · {} {}/{total}", map.name, map.done)),
                None => text.push_str(&format!(" · {} {}", map.name, map.done)),
            }
        }
        text.push_str(&format!(
            " · {} state{} entered",
            self.states_entered,
            if self.states_entered == 1 { "" } else { "s" }
        ));
        text
    }
}

/// A failed attempt of a task (not the failure of a Map, Parallel or execution).
fn attempt_failed(ty: &str) -> bool {
    !ty.starts_with("Execution")
        && !ty.starts_with("Map")
        && !ty.starts_with("Parallel")
        && (ty.ends_with("Failed") || ty.ends_with("TimedOut"))
}

/// The first retrier of `state` that handles `error`.
fn retrier_for<'a>(state: &'a Value, error: &str) -> Option<&'a Value> {
    state.get("Retry")?.as_array()?.iter().find(|r| {
        r.get("ErrorEquals")
            .and_then(Value::as_array)
            .is_some_and(|errors| {
                errors.iter().filter_map(Value::as_str).any(|name| {
                    name == error
                        || name == "States.ALL"
                        || (name == "States.TaskFailed" && error != "States.Timeout")
                })
            })
    })
}

/// Copies `src` over `dst`, reusing `dst`'s allocations where the shapes match: the ring
/// of last events then costs no allocation per event in a loop.
fn copy_event(dst: &mut HistoryEvent, src: &HistoryEvent) {
    dst.id = src.id;
    dst.previous_event_id = src.previous_event_id;
    dst.timestamp = src.timestamp;
    dst.event_type = src.event_type;
    match (&mut dst.details, &src.details) {
        (Some(Details::Json(d)), Some(Details::Json(s))) => copy_value(d, s),
        (
            Some(Details::StateEntered { name, input }),
            Some(Details::StateEntered {
                name: src_name,
                input: src_input,
            }),
        ) => {
            name.clone_from(src_name);
            input.clone_from(src_input);
        }
        (d, s) => d.clone_from(s),
    }
}

fn copy_value(dst: &mut Value, src: &Value) {
    match (dst, src) {
        (Value::String(d), Value::String(s)) => d.clone_from(s),
        (Value::Object(d), Value::Object(s))
            if d.len() == s.len() && d.keys().zip(s.keys()).all(|(a, b)| a == b) =>
        {
            for ((_, dv), (_, sv)) in d.iter_mut().zip(s.iter()) {
                copy_value(dv, sv);
            }
        }
        (dst, src) => *dst = src.clone(),
    }
}

/// The history as observed, for the table at the end: the first events, how many were
/// left out, the last events.
pub struct Observed {
    pub head: Vec<HistoryEvent>,
    pub skipped: usize,
    pub tail: Vec<HistoryEvent>,
}

impl Tally {
    fn observed(&self) -> Option<Observed> {
        if !self.closed {
            return None;
        }
        if self.total <= HEAD + TAIL {
            return Some(Observed {
                head: self.head.clone(),
                skipped: 0,
                tail: Vec::new(),
            });
        }
        // The last TAIL events: the end of `head` when `tail` has fewer.
        let (newer, older) = self.ring.split_at(self.ring_next);
        let mut last: Vec<HistoryEvent> = self.head[HEAD..]
            .iter()
            .chain(older)
            .chain(newer)
            .cloned()
            .collect();
        let last = last.split_off(last.len() - TAIL);
        Some(Observed {
            head: self.head[..HEAD].to_vec(),
            skipped: self.total - HEAD - TAIL,
            tail: last,
        })
    }
}

/// The spinner, the tally it shows and the thread that redraws it.
pub struct Live {
    bar: ProgressBar,
    tally: Arc<Mutex<Tally>>,
    stop: Arc<AtomicBool>,
    ticker: Mutex<Option<JoinHandle<()>>>,
    started: Instant,
    color: bool,
}

/// The observer handed to the API context: it only counts, so an event costs an
/// uncontended lock; the ticker thread draws.
struct LiveSink {
    tally: Arc<Mutex<Tally>>,
}

impl EventSink for LiveSink {
    fn emit(&mut self, event: &HistoryEvent) {
        if let Ok(mut tally) = self.tally.lock() {
            tally.observe(event);
        }
    }
}

impl Live {
    /// Starts the spinner on stderr with `title` (e.g. the state machine's name).
    pub fn start(title: &str) -> Live {
        let color = color();
        let template = if color {
            "{spinner:.cyan} {prefix:.bold} [{elapsed}] {wide_msg}"
        } else {
            "{spinner} {prefix} [{elapsed}] {wide_msg}"
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(style);
        bar.set_prefix(title.to_string());
        // Drawn once now, so that even an execution over before the first tick shows it.
        bar.set_message("starting");
        bar.tick();
        let tally = Arc::new(Mutex::new(Tally::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let ticker = {
            let (bar, tally, stop) = (bar.clone(), tally.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if let Ok(tally) = tally.lock() {
                        bar.set_message(tally.message());
                    }
                    bar.tick();
                    std::thread::park_timeout(TICK);
                }
            })
        };
        Live {
            bar,
            tally,
            stop,
            ticker: Mutex::new(Some(ticker)),
            started: Instant::now(),
            color,
        }
    }

    /// The observer to put in [`crate::api::Context::observer`].
    pub fn observer(&self) -> Box<dyn EventSink> {
        Box::new(LiveSink {
            tally: self.tally.clone(),
        })
    }

    /// Gives the view the definition being run, for Retry and Wait countdowns, and the
    /// `SFN_WAIT_TIME_SCALE` factor the engine applies to them.
    pub fn know(&self, definition: Option<Value>, scale: f64) {
        if let Ok(mut tally) = self.tally.lock() {
            tally.definition = definition;
            tally.scale = Some(scale);
        }
    }

    /// Takes an event read back from the store (an execution run by another process).
    pub fn feed(&self, event: &HistoryEvent) {
        if let Ok(mut tally) = self.tally.lock() {
            tally.observe(event);
        }
    }

    /// Removes the note (the wait it told of is over).
    pub fn clear_note(&self) {
        if let Ok(mut tally) = self.tally.lock() {
            tally.note = None;
        }
    }

    /// Adds a note of ours after the tally (e.g. waiting for a callback).
    pub fn note(&self, text: &str) {
        if let Ok(mut tally) = self.tally.lock() {
            tally.note = Some(text.to_string());
        }
    }

    /// The history seen, once the execution has ended in this process (`None` while it
    /// runs on elsewhere, e.g. parked for a callback).
    pub fn observed(&self) -> Option<Observed> {
        self.tally.lock().ok()?.observed()
    }

    pub fn states_entered(&self) -> u64 {
        self.tally.lock().map(|t| t.states_entered).unwrap_or(0)
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// Stops the ticker and removes the spinner.
    pub fn finish(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let ticker = self.ticker.lock().ok().and_then(|mut t| t.take());
        if let Some(ticker) = ticker {
            ticker.thread().unpark();
            let _ = ticker.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `0.012s`, `3.400s`, `2m03s`.
pub fn duration(d: Duration) -> String {
    let millis = d.as_millis();
    if millis < 60_000 {
        format!("{}.{:03}s", millis / 1000, millis % 1000)
    } else {
        let secs = d.as_secs();
        format!("{}m{:02}s", secs / 60, secs % 60)
    }
}

#[cfg(test)]
mod tests;
