//! The live view: while an execution runs, a spinner on stderr with the current state,
//! the states entered so far, the elapsed time and Map progress. Shown only when stderr is
//! a terminal and `--quiet` is not given; it never writes to stdout.
//!
//! Executions run synchronously inside the API call, so the view follows the engine's
//! history events through the API context's observer ([`crate::api::Context::observer`]).
use std::cell::RefCell;
use std::io::IsTerminal;
use std::rc::Rc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::engine::{EventSink, HistoryEvent};

/// Whether a live view belongs on this stderr.
pub fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Colour unless `NO_COLOR` is set to anything but the empty string (no-color.org).
pub fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// How often the message is redrawn at most: cheaper than once per event.
const REDRAW: Duration = Duration::from_millis(50);

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
    last_draw: Option<Instant>,
}

impl Tally {
    /// Takes one event into account.
    fn observe(&mut self, event: &HistoryEvent) {
        self.events = self.events.max(event.id);
        let ty = event.event_type.as_str();
        let name = || {
            event
                .details
                .as_ref()
                .and_then(|d| d.get("name"))
                .and_then(|n| n.as_str())
                .unwrap_or_default()
                .to_string()
        };
        if ty.ends_with("StateEntered") {
            self.states_entered += 1;
            self.current = name();
        } else if ty == "MapStateStarted" {
            let total = event
                .details
                .as_ref()
                .and_then(|d| d.get("length"))
                .and_then(|n| n.as_u64());
            // A Map's own state name is the state entered just before it started.
            self.maps.push(MapProgress {
                name: self.current.clone(),
                total,
                done: 0,
            });
        } else if matches!(
            ty,
            "MapIterationSucceeded" | "MapIterationFailed" | "MapIterationAborted"
        ) {
            if let Some(map) = self.maps.last_mut() {
                map.done += 1;
            }
        } else if matches!(
            ty,
            "MapStateSucceeded" | "MapStateFailed" | "MapStateAborted"
        ) {
            self.maps.pop();
        }
    }

    /// The spinner's message: `State · 12 states entered · Map 3/10`.
    pub fn message(&self) -> String {
        let mut text = if self.current.is_empty() {
            "starting".to_string()
        } else {
            self.current.clone()
        };
        text.push_str(&format!(
            " · {} state{} entered",
            self.states_entered,
            if self.states_entered == 1 { "" } else { "s" }
        ));
        for map in &self.maps {
            match map.total {
                Some(total) => text.push_str(&format!(" · {} {}/{total}", map.name, map.done)),
                None => text.push_str(&format!(" · {} {}", map.name, map.done)),
            }
        }
        text
    }
}

/// The spinner and the tally it shows. Cloning shares both.
#[derive(Clone)]
pub struct Live {
    bar: ProgressBar,
    tally: Rc<RefCell<Tally>>,
    started: Instant,
    color: bool,
}

/// The observer handed to the API context.
struct LiveSink {
    bar: ProgressBar,
    tally: Rc<RefCell<Tally>>,
}

impl EventSink for LiveSink {
    fn emit(&mut self, event: &HistoryEvent) {
        let mut tally = self.tally.borrow_mut();
        tally.observe(event);
        let now = Instant::now();
        if tally
            .last_draw
            .is_none_or(|at| now.duration_since(at) >= REDRAW)
        {
            tally.last_draw = Some(now);
            self.bar.set_message(tally.message());
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
        bar.set_message("starting");
        bar.enable_steady_tick(Duration::from_millis(100));
        Live {
            bar,
            tally: Rc::new(RefCell::new(Tally::default())),
            started: Instant::now(),
            color,
        }
    }

    /// The observer to put in [`crate::api::Context::observer`].
    pub fn observer(&self) -> Box<dyn EventSink> {
        Box::new(LiveSink {
            bar: self.bar.clone(),
            tally: self.tally.clone(),
        })
    }

    /// Shows a message of our own (e.g. waiting for a callback), with the tally.
    pub fn note(&self, text: &str) {
        let tally = self.tally.borrow();
        self.bar
            .set_message(format!("{} · {text}", tally.message()));
    }

    pub fn states_entered(&self) -> u64 {
        self.tally.borrow().states_entered
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// Removes the spinner.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
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
mod tests {
    use super::*;
    use chrono::Utc;
    use serde_json::{json, Value};

    fn event(id: i64, ty: &str, details: Value) -> HistoryEvent {
        HistoryEvent {
            id,
            previous_event_id: id - 1,
            timestamp: Utc::now(),
            event_type: ty.into(),
            details: (!details.is_null()).then_some(details),
        }
    }

    #[test]
    fn tally_follows_states_and_map_progress() {
        let mut t = Tally::default();
        assert_eq!(t.message(), "starting · 0 states entered");
        t.observe(&event(1, "ExecutionStarted", json!({"input": "{}"})));
        t.observe(&event(2, "MapStateEntered", json!({"name": "Each"})));
        t.observe(&event(3, "MapStateStarted", json!({"length": 3})));
        t.observe(&event(
            4,
            "MapIterationStarted",
            json!({"index": 0, "name": "Each"}),
        ));
        t.observe(&event(5, "TaskStateEntered", json!({"name": "Work"})));
        t.observe(&event(
            6,
            "MapIterationSucceeded",
            json!({"index": 0, "name": "Each"}),
        ));
        assert_eq!(t.message(), "Work · 2 states entered · Each 1/3");
        t.observe(&event(7, "MapStateSucceeded", Value::Null));
        t.observe(&event(8, "MapStateExited", json!({"name": "Each"})));
        assert_eq!(t.message(), "Work · 2 states entered");
        assert_eq!(t.events, 8);
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_millis(12)), "0.012s");
        assert_eq!(duration(Duration::from_millis(3400)), "3.400s");
        assert_eq!(duration(Duration::from_secs(123)), "2m03s");
    }
}
