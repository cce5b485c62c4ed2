//! `sfn ls [MACHINE] [--status S] [--limit N]` (ours): the newest executions, across state
//! machines or of one, one line each: status, name, state machine, when it started and how
//! long it ran, fitted to the terminal. `--output json|text|table` (given explicitly) prints
//! the `ListExecutions` items instead, for scripts.
use chrono::{DateTime, Utc};
use clap::{Arg, ArgMatches, Command};
use serde_json::{json, Value};

use super::names;
use super::term::{self, Stream};
use super::{Failure, Globals};
use crate::api::people::{self, ExecutionFilter};

const STATUSES: [&str; 6] = [
    "RUNNING",
    "SUCCEEDED",
    "FAILED",
    "TIMED_OUT",
    "ABORTED",
    "PENDING_REDRIVE",
];

pub fn command() -> Command {
    Command::new("ls")
        .about("List the newest executions, one line each (across state machines, or of one)")
        .long_about(
            "Lists the newest executions, newest first, one line each: status, execution \
             name, state machine, when it started and how long it ran (or has been running). \
             Lines are fitted to the terminal (or to COLUMNS when piped). With --output \
             json, text or table, prints the ListExecutions items instead.",
        )
        .after_help(
            "Examples:\n  sfn ls\n  sfn ls orders --status FAILED\n  sfn ls --limit 5 --output json",
        )
        .arg(
            Arg::new("machine")
                .value_name("MACHINE")
                .help("Only the executions of this state machine (name or ARN)"),
        )
        .arg(
            Arg::new("status")
                .long("status")
                .num_args(1)
                .value_name("STATUS")
                .help("Only executions with this status: running, succeeded, failed, timed_out, aborted or pending_redrive"),
        )
        .arg(
            Arg::new("limit")
                .long("limit")
                .short('n')
                .num_args(1)
                .value_name("N")
                .value_parser(clap::value_parser!(u32).range(1..))
                .default_value("20")
                .help("How many executions to list"),
        )
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let status = match m.get_one::<String>("status") {
        None => None,
        Some(s) => {
            let upper = s.to_ascii_uppercase().replace('-', "_");
            if !STATUSES.contains(&upper.as_str()) {
                return Err(Failure::Parameter(format!(
                    "sfn ls: unknown status '{s}'; use one of: {}",
                    STATUSES.join(", ").to_ascii_lowercase()
                )));
            }
            Some(upper)
        }
    };
    let limit = m.get_one::<u32>("limit").copied().unwrap_or(20) as usize;
    let mut ctx = globals.context("ListExecutions")?;
    let machine = match m.get_one::<String>("machine") {
        Some(reference) => Some(names::machine_arn(&mut ctx, reference)?),
        None => None,
    };
    let items = people::recent_executions(
        &ctx,
        &ExecutionFilter {
            state_machine_arn: machine.as_deref(),
            status: status.as_deref(),
            name_prefix: None,
            limit,
        },
    )
    .map_err(|error| Failure::Api {
        operation: "ListExecutions".into(),
        error,
    })?;
    // An explicit --output (not AWS_DEFAULT_OUTPUT, which is for the AWS commands) asks
    // for data.
    if m.get_one::<String>("output").is_some() || globals.query.is_some() {
        let response = json!({ "executions": items });
        let response = match &globals.query {
            Some(q) => super::query(q, &response)?,
            None => response,
        };
        return globals.render(&response, "ListExecutions");
    }
    if items.is_empty() {
        let scope = match &machine {
            Some(arn) => format!(" of {}", names::machine_name_of(arn)),
            None => String::new(),
        };
        eprintln!("no executions{scope} yet (sfn run FILE starts one)");
        return Ok(String::new());
    }
    Ok(lines(
        &items,
        Utc::now(),
        term::width(Stream::Stdout),
        term::color(Stream::Stdout),
    ))
}

/// The cells of one execution's line.
struct Line {
    status: String,
    code: &'static str,
    name: String,
    machine: String,
    started: String,
    took: String,
}

fn line_of(item: &Value, now: DateTime<Utc>) -> Line {
    let field = |k: &str| item.get(k).and_then(Value::as_str).unwrap_or_default();
    let status = field("status");
    let (mark, code) = term::status_mark(status);
    let start = DateTime::parse_from_rfc3339(field("startDate")).ok();
    let stop = DateTime::parse_from_rfc3339(field("stopDate")).ok();
    let took = match (start, stop) {
        (Some(a), Some(b)) => term::short_duration((b - a).to_std().unwrap_or_default()),
        (Some(a), None) if status == "RUNNING" => format!(
            "{}…",
            term::short_duration((now - a.with_timezone(&Utc)).to_std().unwrap_or_default())
        ),
        _ => String::new(),
    };
    Line {
        status: format!("{mark} {status}"),
        code,
        name: field("name").to_string(),
        machine: names::machine_name_of(field("stateMachineArn")).to_string(),
        started: start.map(|s| term::ago(s, now)).unwrap_or_default(),
        took,
    }
}

/// The lines: columns aligned; when wider than `width`, the name and machine columns
/// give way (the name keeps its start, which is what people type to pick it).
pub fn lines(items: &[Value], now: DateTime<Utc>, width: Option<usize>, color: bool) -> String {
    let rows: Vec<Line> = items.iter().map(|i| line_of(i, now)).collect();
    let max = |f: fn(&Line) -> &str| rows.iter().map(|r| f(r).chars().count()).max().unwrap_or(0);
    let status_w = max(|r| &r.status);
    let mut name_w = max(|r| &r.name);
    let mut machine_w = max(|r| &r.machine);
    let mut started_w = max(|r| &r.started);
    let mut took_w = max(|r| &r.took);
    if let Some(width) = width {
        // Two spaces between columns; a column of width 0 is left out with its gap.
        let total = |n: usize, m: usize, s: usize, t: usize| {
            status_w + n + m + 2 * 2 + if s > 0 { s + 2 } else { 0 } + if t > 0 { t + 2 } else { 0 }
        };
        const NARROWEST: usize = 5;
        while total(name_w, machine_w, started_w, took_w) > width
            && (name_w > NARROWEST || machine_w > NARROWEST)
        {
            // Take from the wider column first.
            if machine_w >= name_w && machine_w > NARROWEST {
                machine_w -= 1;
            } else {
                name_w -= 1;
            }
        }
        // Still too wide: the duration goes, then the start time.
        if total(name_w, machine_w, started_w, took_w) > width {
            took_w = 0;
        }
        if total(name_w, machine_w, started_w, took_w) > width {
            started_w = 0;
        }
    }
    let mut out = String::new();
    for r in &rows {
        let status = format!("{:<status_w$}", r.status);
        let name = format!("{:<name_w$}", term::cut(&r.name, name_w));
        let machine = format!("{:<machine_w$}", term::cut(&r.machine, machine_w));
        let mut line = format!(
            "{}  {}  {}",
            term::paint(&status, r.code, color),
            term::paint(&name, "1", color),
            machine,
        );
        if started_w > 0 {
            line.push_str(&format!("  {:<started_w$}", r.started));
        }
        if took_w > 0 {
            line.push_str(&format!("  {:>took_w$}", r.took));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str, machine: &str, status: &str, start: &str, stop: Option<&str>) -> Value {
        let mut v = json!({
            "executionArn": format!("arn:aws:states:us-east-1:1:execution:{machine}:{name}"),
            "stateMachineArn": format!("arn:aws:states:us-east-1:1:stateMachine:{machine}"),
            "name": name, "status": status, "startDate": start,
        });
        if let Some(stop) = stop {
            v["stopDate"] = stop.into();
        }
        v
    }

    #[test]
    fn lines_align_and_fit_the_width() {
        let now = DateTime::parse_from_rfc3339("2026-01-01T00:10:00+00:00")
            .unwrap()
            .with_timezone(&Utc);
        let items = vec![
            item(
                "a-very-long-execution-name-that-goes-on",
                "orders",
                "SUCCEEDED",
                "2026-01-01T00:07:00+00:00",
                Some("2026-01-01T00:07:01.200+00:00"),
            ),
            item(
                "short",
                "a-state-machine-with-a-long-name",
                "RUNNING",
                "2026-01-01T00:09:58+00:00",
                None,
            ),
        ];
        let wide = lines(&items, now, None, false);
        let rows: Vec<&str> = wide.lines().collect();
        assert_eq!(
            rows[0],
            "✔ SUCCEEDED  a-very-long-execution-name-that-goes-on  orders                            3 min ago   1.2s"
        );
        assert!(rows[1].starts_with("● RUNNING    short    "), "{wide}");
        assert!(rows[1].ends_with("just now   2.0s…"), "{wide}");
        let narrow = lines(&items, now, Some(60), false);
        for row in narrow.lines() {
            assert!(row.chars().count() <= 60, "{row:?} is wider than 60");
        }
        assert!(narrow.contains("a-very-long-e…"), "{narrow}");
        assert!(narrow.contains('…'), "{narrow}");
        // Narrower still: the duration, then the start time, give way.
        let tiny = lines(&items, now, Some(36), false);
        for row in tiny.lines() {
            assert!(row.chars().count() <= 36, "{row:?} is wider than 36");
        }
        assert!(tiny.contains("min ago") && !tiny.contains("1.2s"), "{tiny}");
    }
}
