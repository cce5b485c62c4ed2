//! The status line that ends the views of an execution (`sfn run`, `sfn history`, `sfn
//! watch`): how it ended and, when it failed, where: `✘ FAILED in Charge card after 4
//! attempts: PaymentGatewayTimeout: …`, then its duration, states entered and ARN.
use std::time::Duration;

use chrono::DateTime;
use serde_json::Value;

use crate::api::{people, Context};

use super::history_notes;
use super::history_table::{self, shorten, Row, Style};
use super::live;
use super::term::{self, Stream};

/// How many states the events show entered.
pub fn states_entered(events: &[Value]) -> u64 {
    events
        .iter()
        .filter(|e| {
            e.get("type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.ends_with("StateEntered"))
        })
        .count() as u64
}

/// The status line(s), newline-terminated. `elapsed` is used when the execution has no
/// stop date yet; `events` are its history (or its first and last events).
pub fn status_lines(
    execution: &Value,
    events: &[Value],
    elapsed: Option<Duration>,
    entered: Option<u64>,
    color: bool,
    stream: Stream,
) -> String {
    let width = term::width(stream);
    let too_wide = |line: &str| width.is_some_and(|w| term::visible_len(line) > w);
    let field = |k: &str| execution.get(k).and_then(Value::as_str);
    let status = field("status").unwrap_or_default();
    let (mark, code) = term::status_mark(status);
    let head = term::paint(&format!("{mark} {status}"), &format!("1;{code}"), color);
    let start = field("startDate").and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    let stop = field("stopDate").and_then(|d| DateTime::parse_from_rfc3339(d).ok());
    let took = match (start, stop, elapsed) {
        (Some(a), Some(b), _) => Some((b - a).to_std().unwrap_or_default()),
        (_, _, Some(e)) => Some(e),
        (Some(a), None, None) => (chrono::Utc::now() - a.with_timezone(&chrono::Utc))
            .to_std()
            .ok(),
        _ => None,
    };
    let entered = entered.unwrap_or_else(|| states_entered(events));
    let arn = field("executionArn").unwrap_or_default();
    let facts = {
        let mut parts = Vec::new();
        if let Some(took) = took {
            parts.push(live::duration(took));
        }
        parts.push(format!(
            "{entered} state{} entered",
            if entered == 1 { "" } else { "s" }
        ));
        parts.join(" · ")
    };
    // The ARN is never cut: where the line would not fit, it gets its own.
    let ending = |line: String| {
        let whole = format!("{line} · {arn}");
        if too_wide(&whole) {
            format!("{line}\n  {arn}\n")
        } else {
            format!("{whole}\n")
        }
    };
    match status {
        "SUCCEEDED" => ending(format!("{head} in {facts}")),
        "RUNNING" | "PENDING_REDRIVE" => ending(format!("{head} for {facts}")),
        _ => {
            let failure = history_notes::failure(events);
            let mut line = head;
            if let Some(state) = failure.as_ref().and_then(|f| f.state.as_deref()) {
                line.push_str(&format!(" in {}", term::paint(state, "1", color)));
            }
            let attempts = failure.as_ref().map(|f| f.attempts).unwrap_or(0);
            if attempts > 1 {
                line.push_str(&format!(" after {attempts} attempts"));
            }
            let error = field("error")
                .map(str::to_string)
                .or_else(|| failure.as_ref().and_then(|f| f.error.clone()));
            let cause = field("cause")
                .map(str::to_string)
                .or_else(|| failure.as_ref().and_then(|f| f.cause.clone()));
            let why = match (error, cause) {
                (Some(e), Some(c)) => format!("{e}: {c}"),
                (Some(e), None) => e,
                (None, Some(c)) => c,
                (None, None) => String::new(),
            };
            if !why.is_empty() {
                // The cause fits the line; `sfn history --full` shows it whole.
                let room = width.map(|w| w.saturating_sub(term::visible_len(&line) + 2).max(20));
                line.push_str(&format!(": {}", shorten(&why, room)));
            }
            format!("{line}\n{}", ending(format!("  {facts}")))
        }
    }
}

/// The events a report shows: the first and last of a long history.
pub struct Shown<'a> {
    pub head: &'a [Value],
    /// Events left out between `head` and `tail`.
    pub skipped: usize,
    pub tail: &'a [Value],
    /// States entered in the whole history.
    pub entered: u64,
}

/// Splits a whole history into what a report shows: all of a short one, else the first
/// and last `live::HEAD` / `live::TAIL` events.
pub fn split(mut events: Vec<Value>) -> (Vec<Value>, usize, Vec<Value>) {
    if events.len() <= live::HEAD + live::TAIL {
        return (events, 0, Vec::new());
    }
    let tail = events.split_off(events.len() - live::TAIL);
    let skipped = events.len() - live::HEAD;
    events.truncate(live::HEAD);
    (events, skipped, tail)
}

/// The history table (on stderr) and the status lines that end `sfn run` and `sfn watch`.
pub fn report(
    shown: &Shown,
    execution: &Value,
    definition: Option<&Value>,
    full: bool,
    elapsed: Option<Duration>,
    color: bool,
) -> String {
    // Read over the events shown: the middle of a long history is left out of the table.
    let events: Vec<Value> = shown.head.iter().chain(shown.tail).cloned().collect();
    let notes = history_notes::notes(&events, definition, full);
    let (head_notes, tail_notes) = notes.split_at(shown.head.len());
    let mut rows: Vec<Row> = shown
        .head
        .iter()
        .zip(head_notes)
        .map(|(e, n)| Row::Event(e, n))
        .collect();
    if !shown.tail.is_empty() {
        rows.push(Row::Skipped(shown.skipped));
        rows.extend(
            shown
                .tail
                .iter()
                .zip(tail_notes)
                .map(|(e, n)| Row::Event(e, n)),
        );
    }
    let style = Style {
        full,
        color,
        on_stderr: true,
    };
    let mut out = history_table::history_rows(&rows, shown.head.first(), style);
    out.push_str(&status_lines(
        execution,
        &events,
        elapsed,
        Some(shown.entered),
        color,
        Stream::Stderr,
    ));
    if shown.skipped > 0 {
        let name = execution
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        out.push_str(&format!("  whole history: sfn history {name}\n"));
    }
    out
}

/// What a parked execution waits for, for the live view: the command that answers a
/// callback, or the activity whose worker it waits for.
pub fn waiting_note(ctx: &Context, execution_arn: &str) -> String {
    let waiting = people::waiting_tasks(ctx, execution_arn).unwrap_or_default();
    match waiting.as_slice() {
        [] => "waiting".to_string(),
        [task] => match &task.activity_arn {
            Some(activity) => format!(
                "waiting for a worker of activity {}",
                activity.rsplit(':').next().unwrap_or(activity)
            ),
            None => format!(
                "waiting for a callback: sfn send-task-success --task-token {} --task-output '{{}}'",
                task.task_token
            ),
        },
        many => format!("waiting for {} callbacks or workers", many.len()),
    }
}

/// What Ctrl-C leaves behind: the execution's status now, and how to follow it.
pub fn interrupted_lines(execution: &Value, events: &[Value], color: bool) -> String {
    let status = execution
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let mut text = format!(
        "interrupted: {}",
        status_lines(execution, events, None, None, color, Stream::Stderr)
    );
    if status == "RUNNING" {
        let name = execution
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        text.push_str(&format!(
            "  it goes on: sfn watch {name} follows it, sfn stop-execution --execution-arn ARN stops it\n"
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_failure_says_where_and_after_how_many_attempts() {
        let execution = json!({
            "executionArn": "arn:aws:states:us-east-1:1:execution:m:e", "status": "FAILED",
            "startDate": "2026-01-01T00:00:00.000+00:00",
            "stopDate": "2026-01-01T00:00:01.500+00:00",
            "error": "PaymentGatewayTimeout", "cause": "The gateway did not answer",
        });
        let ev = |id: i64, ty: &str, d: Value| json!({"id": id, "previousEventId": id - 1, "type": ty, "timestamp": "2026-01-01T00:00:00Z", "x": d});
        let mut events = vec![
            ev(1, "ExecutionStarted", json!({})),
            json!({"id": 2, "previousEventId": 1, "type": "TaskStateEntered",
                   "stateEnteredEventDetails": {"name": "Charge card", "input": "{}"}}),
        ];
        for i in 0..4 {
            events.push(json!({"id": 3 + 2 * i, "previousEventId": 2 + 2 * i,
                "type": "TaskScheduled", "taskScheduledEventDetails": {"resource": "r"}}));
            events.push(json!({"id": 4 + 2 * i, "previousEventId": 3 + 2 * i,
                "type": "TaskFailed", "taskFailedEventDetails": {"error": "PaymentGatewayTimeout"}}));
        }
        events.push(
            json!({"id": 11, "previousEventId": 10, "type": "ExecutionFailed",
            "executionFailedEventDetails": {"error": "PaymentGatewayTimeout"}}),
        );
        let text = status_lines(&execution, &events, None, None, false, Stream::Stdout);
        assert_eq!(
            text,
            "✘ FAILED in Charge card after 4 attempts: PaymentGatewayTimeout: The gateway did not answer\n  1.500s · 1 state entered · arn:aws:states:us-east-1:1:execution:m:e\n"
        );
    }
}
