//! `sfn stats [MACHINE] [--since 1h]` (ours): per state machine, the figures CloudWatch
//! gives for Step Functions: executions started, succeeded, failed, timed out, aborted
//! (and still running), and the duration of those that ended (p50, p90, max). Read from
//! the store's executions; `--output json|text|table` prints them as data.
use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::{Arg, ArgMatches, Command};
use serde_json::{json, Value};

use super::term::{self, Stream};
use super::{names, Failure, Globals};
use crate::api::people::{self, ExecutionFilter};

pub fn command() -> Command {
    Command::new("stats")
        .about("Executions started, succeeded, failed, timed out and aborted, and durations, per state machine")
        .long_about(
            "Per state machine, the figures CloudWatch gives for Step Functions: executions \
             started, succeeded, failed, timed out and aborted (and still running), and the \
             duration of those that ended: median (p50), p90 and longest. --since limits \
             them to executions started in the last 30s, 15m, 1h, 7d...",
        )
        .after_help("Examples:\n  sfn stats\n  sfn stats orders --since 1h\n  sfn stats --output json")
        .arg(
            Arg::new("machine")
                .value_name("MACHINE")
                .help("Only this state machine (name or ARN)"),
        )
        .arg(
            Arg::new("since")
                .long("since")
                .num_args(1)
                .value_name("AGE")
                .help("Only executions started in the last AGE: 30s, 15m, 1h, 7d"),
        )
}

/// `30s`, `15m`, `1h`, `7d`.
fn parse_age(text: &str) -> Option<chrono::Duration> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let number: i64 = text[..text.len() - unit.len_utf8()].parse().ok()?;
    match unit {
        's' => chrono::Duration::try_seconds(number),
        'm' => chrono::Duration::try_minutes(number),
        'h' => chrono::Duration::try_hours(number),
        'd' => chrono::Duration::try_days(number),
        _ => None,
    }
}

/// One state machine's figures.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Figures {
    pub started: u64,
    pub succeeded: u64,
    pub failed: u64,
    pub timed_out: u64,
    pub aborted: u64,
    pub running: u64,
    /// Durations of the executions that ended, in milliseconds, sorted.
    pub durations: Vec<u64>,
}

impl Figures {
    /// The duration at percentile `p` (nearest rank).
    pub fn percentile(&self, p: f64) -> Option<u64> {
        if self.durations.is_empty() {
            return None;
        }
        let rank = ((p / 100.0) * self.durations.len() as f64).ceil() as usize;
        Some(self.durations[rank.clamp(1, self.durations.len()) - 1])
    }
}

/// The figures of `executions` (`ListExecutions` items), by state machine name.
pub fn figures(executions: &[Value]) -> BTreeMap<String, Figures> {
    let mut out: BTreeMap<String, Figures> = BTreeMap::new();
    for e in executions {
        let field = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or_default();
        let machine = names::machine_name_of(field("stateMachineArn")).to_string();
        let f = out.entry(machine).or_default();
        f.started += 1;
        match field("status") {
            "SUCCEEDED" => f.succeeded += 1,
            "FAILED" => f.failed += 1,
            "TIMED_OUT" => f.timed_out += 1,
            "ABORTED" => f.aborted += 1,
            _ => f.running += 1,
        }
        let start = DateTime::parse_from_rfc3339(field("startDate")).ok();
        let stop = DateTime::parse_from_rfc3339(field("stopDate")).ok();
        if let (Some(a), Some(b)) = (start, stop) {
            f.durations.push((b - a).num_milliseconds().max(0) as u64);
        }
    }
    for f in out.values_mut() {
        f.durations.sort_unstable();
    }
    out
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let since = match m.get_one::<String>("since") {
        None => None,
        Some(text) => Some(parse_age(text).ok_or_else(|| {
            Failure::Parameter(format!(
                "sfn stats: --since {text}: give an age such as 30s, 15m, 1h or 7d"
            ))
        })?),
    };
    let mut ctx = globals.context("ListExecutions")?;
    let machine = match m.get_one::<String>("machine") {
        Some(reference) => Some(names::machine_arn(&mut ctx, reference)?),
        None => None,
    };
    let mut items = people::recent_executions(
        &ctx,
        &ExecutionFilter {
            state_machine_arn: machine.as_deref(),
            limit: usize::MAX,
            ..ExecutionFilter::default()
        },
    )
    .map_err(|error| Failure::Api {
        operation: "ListExecutions".into(),
        error,
    })?;
    if let Some(age) = since {
        let after = Utc::now() - age;
        items.retain(|e| {
            e.get("startDate")
                .and_then(Value::as_str)
                .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
                .is_some_and(|d| d.with_timezone(&Utc) >= after)
        });
    }
    let figures = figures(&items);
    if m.get_one::<String>("output").is_some() || globals.query.is_some() {
        let machines: Vec<Value> = figures
            .iter()
            .map(|(name, f)| {
                json!({
                    "stateMachine": name,
                    "started": f.started, "succeeded": f.succeeded, "failed": f.failed,
                    "timedOut": f.timed_out, "aborted": f.aborted, "running": f.running,
                    "durationMillis": {
                        "p50": f.percentile(50.0), "p90": f.percentile(90.0),
                        "max": f.durations.last(),
                    },
                })
            })
            .collect();
        let response = json!({ "stateMachines": machines });
        let response = match &globals.query {
            Some(q) => super::query(q, &response)?,
            None => response,
        };
        return globals.render(&response, "Stats");
    }
    if figures.is_empty() {
        eprintln!("no executions to count yet (sfn run FILE starts one)");
        return Ok(String::new());
    }
    Ok(table(&figures, term::color(Stream::Stdout)))
}

/// Aligned columns, one line per state machine.
fn table(figures: &BTreeMap<String, Figures>, color: bool) -> String {
    let millis = |m: Option<&u64>| {
        m.map(|m| term::short_duration(Duration::from_millis(*m)))
            .unwrap_or_else(|| "-".into())
    };
    let header = [
        "STATE MACHINE",
        "STARTED",
        "SUCCEEDED",
        "FAILED",
        "TIMED OUT",
        "ABORTED",
        "RUNNING",
        "P50",
        "P90",
        "MAX",
    ];
    let rows: Vec<Vec<String>> = figures
        .iter()
        .map(|(name, f)| {
            vec![
                name.clone(),
                f.started.to_string(),
                f.succeeded.to_string(),
                f.failed.to_string(),
                f.timed_out.to_string(),
                f.aborted.to_string(),
                f.running.to_string(),
                millis(f.percentile(50.0).as_ref()),
                millis(f.percentile(90.0).as_ref()),
                millis(f.durations.last()),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        let text: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    format!("{c:<w$}", w = widths[i])
                } else {
                    format!("{c:>w$}", w = widths[i])
                }
            })
            .collect();
        text.join("  ").trim_end().to_string()
    };
    let head: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let mut out = format!("{}\n", term::paint(&line(&head), "1", color));
    for row in &rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(machine: &str, status: &str, millis: Option<i64>) -> Value {
        let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00+00:00").unwrap();
        let mut v = json!({
            "stateMachineArn": format!("arn:aws:states:us-east-1:1:stateMachine:{machine}"),
            "status": status, "startDate": start.to_rfc3339(),
        });
        if let Some(ms) = millis {
            v["stopDate"] = (start + chrono::Duration::milliseconds(ms))
                .to_rfc3339()
                .into();
        }
        v
    }

    #[test]
    fn counts_and_percentiles_per_machine() {
        let mut items: Vec<Value> = (1..=10)
            .map(|i| item("orders", "SUCCEEDED", Some(i * 100)))
            .collect();
        items.push(item("orders", "FAILED", Some(5000)));
        items.push(item("orders", "RUNNING", None));
        items.push(item("billing", "TIMED_OUT", Some(60_000)));
        let f = figures(&items);
        let orders = &f["orders"];
        assert_eq!(
            (
                orders.started,
                orders.succeeded,
                orders.failed,
                orders.running
            ),
            (12, 10, 1, 1)
        );
        assert_eq!(orders.percentile(50.0), Some(600));
        assert_eq!(orders.percentile(90.0), Some(1000));
        assert_eq!(orders.durations.last(), Some(&5000));
        assert_eq!(f["billing"].timed_out, 1);
        let text = table(&f, false);
        assert!(text.starts_with("STATE MACHINE  STARTED"), "{text}");
        assert!(text.contains("orders"), "{text}");
        assert!(text.contains("600ms"), "{text}");
    }

    #[test]
    fn ages_read_as_people_write_them() {
        assert_eq!(parse_age("90s"), chrono::Duration::try_seconds(90));
        assert_eq!(parse_age("1h"), chrono::Duration::try_hours(1));
        assert_eq!(parse_age("7d"), chrono::Duration::try_days(7));
        assert_eq!(parse_age("soon"), None);
        assert_eq!(parse_age("5y"), None);
    }
}
