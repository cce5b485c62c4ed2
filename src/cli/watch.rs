//! `sfn watch EXECUTION` (ours): follows an execution that another process runs (another
//! `sfn`, `sfn serve`, a worker answering callbacks) with the live view of `sfn run`, by
//! reading its history through `GetExecutionHistory` as it grows; when it ends, prints its
//! history table and status line as `sfn run` does. Ctrl-C stops watching and leaves the
//! execution as it is. Exits 0 when the execution succeeded, 1 otherwise.
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use clap::{ArgMatches, Command};
use serde_json::{json, Value};

use super::history_cmd::{definition_of, execution_arg};
use super::live::{self, Live};
use super::run as run_cmd;
use super::term::{self, Stream};
use super::{exit, graph_cmd, names, outcome, Failure, Globals};
use crate::api::{self, Context};
use crate::engine::HistoryEvent;

/// How often the history is read again.
const POLL: Duration = Duration::from_millis(200);

/// Events asked for per read: a poll re-reads at most one page.
const PAGE: i64 = 1000;

pub fn command() -> Command {
    Command::new("watch")
        .about("Follow a running execution live, then print its history (like sfn run)")
        .long_about(
            "Attaches the live view of sfn run to an execution that another process runs \
             (one waiting for a callback, started by start-execution or sfn serve): the \
             current state, states entered, Map progress and what it waits for. When the \
             execution ends, prints its history table and status line on stderr and its \
             output on stdout, as sfn run does; exits 0 when it succeeded, 1 otherwise. \
             Ctrl-C stops watching and leaves the execution running. EXECUTION is an \
             execution name, a unique prefix of one, MACHINE/NAME, `last`, MACHINE/last or \
             an ARN.",
        )
        .after_help("Examples:\n  sfn watch last\n  sfn watch orders/last\n  sfn watch 7c1e")
        .arg(execution_arg())
        .arg(run_cmd::full_arg())
}

fn api_call(ctx: &mut Context, operation: &str, request: Value) -> Result<Value, Failure> {
    api::call(ctx, operation, request).map_err(|error| Failure::Api {
        operation: operation.to_string(),
        error,
    })
}

/// Reads the events added since the last read. Pages are read through their `nextToken`;
/// the last page read is read again next time (it may have grown), from its own token.
struct Follower {
    arn: String,
    /// The token of the last page read (`None`: the first page).
    page_token: Option<String>,
    /// Events of that page already taken.
    taken_in_page: usize,
}

impl Follower {
    fn new(arn: String) -> Follower {
        Follower {
            arn,
            page_token: None,
            taken_in_page: 0,
        }
    }

    fn read_new(&mut self, ctx: &mut Context) -> Result<Vec<Value>, Failure> {
        let mut new = Vec::new();
        loop {
            let mut request = json!({ "executionArn": self.arn, "maxResults": PAGE });
            if let Some(t) = &self.page_token {
                request["nextToken"] = Value::String(t.clone());
            }
            let page = api_call(ctx, "GetExecutionHistory", request)?;
            let events = page
                .get("events")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            new.extend(events.iter().skip(self.taken_in_page).cloned());
            match page.get("nextToken").and_then(Value::as_str) {
                Some(next) => {
                    self.page_token = Some(next.to_string());
                    self.taken_in_page = 0;
                }
                None => {
                    self.taken_in_page = events.len();
                    return Ok(new);
                }
            }
        }
    }
}

/// The engine's shape of an event read from the API (the inverse of its `event_json`).
fn engine_event(event: &Value) -> Option<HistoryEvent> {
    let obj = event.as_object()?;
    Some(HistoryEvent {
        id: obj.get("id")?.as_i64()?,
        previous_event_id: obj
            .get("previousEventId")
            .and_then(Value::as_i64)
            .unwrap_or(0),
        timestamp: DateTime::parse_from_rfc3339(obj.get("timestamp")?.as_str()?)
            .ok()?
            .with_timezone(&Utc),
        event_type: obj.get("type")?.as_str()?.parse().ok()?,
        details: obj
            .iter()
            .find(|(k, _)| k.ends_with("EventDetails"))
            .map(|(_, v)| v.clone().into()),
    })
}

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Ctrl-C ends the watch, not the process: the loop notices and reports. An execution
/// this process happens to run meanwhile (resumed by a passed deadline) is stopped as the
/// binary's handler would; a second Ctrl-C exits at once.
fn catch_ctrl_c() {
    #[cfg(unix)]
    {
        extern "C" fn on_sigint(signal: libc::c_int) {
            if crate::runtime::owner::on_signal(signal) {
                return;
            }
            if INTERRUPTED.swap(true, Ordering::SeqCst) {
                // SAFETY: _exit is async-signal-safe.
                unsafe { libc::_exit(128 + signal) }
            }
        }
        let handler: extern "C" fn(libc::c_int) = on_sigint;
        // SAFETY: the handler only stores to an atomic.
        unsafe {
            libc::signal(libc::SIGINT, handler as libc::sighandler_t);
        }
    }
}

pub(super) fn run(m: &ArgMatches, globals: &Globals) -> Result<String, Failure> {
    let reference = m
        .get_one::<String>("execution")
        .cloned()
        .unwrap_or_default();
    let full = m.get_flag("full");
    let mut ctx = globals.context("GetExecutionHistory")?;
    let arn = names::execution_arn(&mut ctx, &reference)?;
    let describe =
        |ctx: &mut Context| api_call(ctx, "DescribeExecution", json!({ "executionArn": arn }));
    let mut execution = describe(&mut ctx)?;
    let definition = definition_of(&mut ctx, &arn);
    let machine = names::machine_name_of(
        execution
            .get("stateMachineArn")
            .and_then(Value::as_str)
            .unwrap_or_default(),
    )
    .to_string();
    let live = live::wanted(globals.quiet).then(|| Live::start(&machine));
    if let Some(live) = &live {
        live.know(definition.clone(), globals.settings.wait_time_scale);
    }
    catch_ctrl_c();
    let started = Instant::now();
    let mut follower = Follower::new(arn.clone());
    let mut seen: Vec<Value> = Vec::new();
    loop {
        let new = follower.read_new(&mut ctx)?;
        if let Some(live) = &live {
            for event in new.iter().filter_map(engine_event) {
                live.feed(&event);
            }
        }
        let grew = !new.is_empty();
        seen.extend(new);
        execution = describe(&mut ctx)?;
        let running = execution.get("status").and_then(Value::as_str) == Some("RUNNING");
        if !running {
            // The closing events may land after the status: read once more.
            let rest = follower.read_new(&mut ctx)?;
            if let Some(live) = &live {
                for event in rest.iter().filter_map(engine_event) {
                    live.feed(&event);
                }
            }
            seen.extend(rest);
            break;
        }
        if INTERRUPTED.load(Ordering::Relaxed) {
            if let Some(live) = &live {
                live.finish();
            }
            let color = term::color(Stream::Stderr);
            eprint!(
                "{}",
                outcome::interrupted_lines(&execution, &seen, color)
                    .replace("interrupted: ", "stopped watching: ")
            );
            return Err(Failure::Exit {
                code: exit::INTERRUPTED,
                stdout: String::new(),
            });
        }
        if let Some(live) = &live {
            if grew {
                live.clear_note();
            }
            if grew || started.elapsed() < POLL * 2 {
                let waiting = api::people::waiting_tasks(&ctx, &arn).unwrap_or_default();
                if waiting.is_empty() {
                    live.clear_note();
                } else {
                    live.note(&outcome::waiting_note(&ctx, &arn));
                }
            }
        }
        std::thread::sleep(POLL);
    }
    if let Some(live) = &live {
        live.finish();
        let entered = outcome::states_entered(&seen);
        let all = if seen.is_empty() {
            graph_cmd::all_events(&mut ctx, &arn)?
        } else {
            seen
        };
        let (head, skipped, tail) = outcome::split(all);
        let report = outcome::report(
            &outcome::Shown {
                head: &head,
                skipped,
                tail: &tail,
                entered,
            },
            &execution,
            definition.as_ref(),
            full,
            None,
            live.color(),
        );
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(report.as_bytes());
        let _ = err.flush();
    }
    run_cmd::print_result(&execution, globals)
}
