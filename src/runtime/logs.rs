//! CloudWatch Logs, offline: a state machine's `loggingConfiguration` (level ALL, ERROR,
//! FATAL or OFF, `includeExecutionData`, one log group) is honoured by writing its
//! executions' events, in the format Step Functions sends to CloudWatch Logs, to a local
//! file per log group: one JSON object a line, appended.
//!
//! The files live beside the store (`<store>.logs/<account>-<region>/<group>.jsonl` for
//! the store `<store>.db`), 0700 directories and 0600 files like the store itself. An
//! event is logged once it is saved in the store (an execution another process takes over
//! runs again from its last save: what it had not saved is not logged twice). As on AWS,
//! delivery is best effort: a log that cannot be written never fails an execution.
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::engine::{EventSink, HistoryEvent};
use crate::history::EventType;
use crate::store::executions::ExecutionRecord;
use crate::store::{self, Store};

/// Which events a log level keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Only the events that end an execution unsuccessfully.
    Fatal,
    /// Those, and every failure inside it (a Task, a Map iteration, a Fail state...).
    Error,
    /// Every event.
    All,
}

impl Level {
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "ALL" => Some(Level::All),
            "ERROR" => Some(Level::Error),
            "FATAL" => Some(Level::Fatal),
            _ => None,
        }
    }

    /// The lowest level that logs events of `event_type` (the table of "Log levels" in
    /// the Step Functions developer guide).
    pub fn of_event(event_type: &str) -> Level {
        let t = event_type;
        match EventType::parse(event_type) {
            Some(
                EventType::ExecutionAborted
                | EventType::ExecutionFailed
                | EventType::ExecutionTimedOut,
            ) => Level::Fatal,
            Some(EventType::FailStateEntered) => Level::Error,
            // Every other failure: TaskFailed, TaskStartFailed, LambdaFunctionTimedOut,
            // MapIterationAborted, ParallelStateFailed, WaitStateAborted...
            _ if t.ends_with("Failed") || t.ends_with("TimedOut") || t.ends_with("Aborted") => {
                Level::Error
            }
            _ => Level::All,
        }
    }

    pub fn logs(self, event_type: &str) -> bool {
        Level::of_event(event_type) <= self
    }
}

/// A log group, from its ARN (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME:*`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogGroup {
    pub region: String,
    pub account: String,
    pub name: String,
}

impl LogGroup {
    pub fn parse(arn: &str) -> Option<LogGroup> {
        let rest = arn.strip_prefix("arn:")?;
        let mut parts = rest.splitn(6, ':');
        let _partition = parts.next()?;
        if parts.next()? != "logs" {
            return None;
        }
        let region = parts.next()?.to_string();
        let account = parts.next()?.to_string();
        if parts.next()? != "log-group" {
            return None;
        }
        let name = parts.next()?;
        let name = name.strip_suffix(":*").unwrap_or(name);
        let valid = |c: char| c.is_ascii_alphanumeric() || "._-/#".contains(c);
        if name.is_empty() || name.len() > 512 || !name.chars().all(valid) {
            return None;
        }
        if region.is_empty() || account.is_empty() || !account.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let region_ok = region
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        region_ok.then(|| LogGroup {
            region,
            account,
            name: name.to_string(),
        })
    }

    /// The group's file under `dir`: the name with `/`, `#` and a leading `.` escaped,
    /// so that every group is one file right in its directory.
    pub fn file_in(&self, dir: &Path) -> PathBuf {
        let mut file = String::new();
        for (i, c) in self.name.chars().enumerate() {
            match c {
                '/' | '#' | '%' => file.push_str(&format!("%{:02X}", c as u32)),
                '.' if i == 0 => file.push_str("%2E"),
                c => file.push(c),
            }
        }
        file.push_str(".jsonl");
        dir.join(format!("{}-{}", self.account, self.region))
            .join(file)
    }
}

/// A state machine's logging configuration, when it logs anything.
#[derive(Debug, Clone, PartialEq)]
pub struct LogConfig {
    pub level: Level,
    pub include_execution_data: bool,
    pub group: LogGroup,
}

/// Why a stored configuration logs nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoLog {
    /// Level OFF (the default).
    Off,
    /// Its destination is not a log group ARN this can write to.
    Destination(String),
}

impl LogConfig {
    /// The configuration as stored (the JSON the API was given).
    pub fn from_stored(text: Option<&str>) -> Result<LogConfig, NoLog> {
        let value: Value = text
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or(Value::Null);
        let level = value
            .get("level")
            .and_then(Value::as_str)
            .and_then(Level::parse)
            .ok_or(NoLog::Off)?;
        let arn = value
            .get("destinations")
            .and_then(Value::as_array)
            .and_then(|d| d.first())
            .and_then(|d| d.get("cloudWatchLogsLogGroup"))
            .and_then(|g| g.get("logGroupArn"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let group = LogGroup::parse(arn).ok_or_else(|| NoLog::Destination(arn.to_string()))?;
        Ok(LogConfig {
            level,
            include_execution_data: value
                .get("includeExecutionData")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            group,
        })
    }

    /// The configuration an execution of `machine_arn` (of its version `version_arn`)
    /// runs with: the version's when it ran a version, else the state machine's as it is
    /// now.
    pub fn for_machine(
        store: &Store,
        machine_arn: &str,
        version_arn: Option<&str>,
    ) -> Result<LogConfig, NoLog> {
        let stored = match version_arn {
            Some(version) => store::versions::configuration(store, version)
                .ok()
                .flatten()
                .and_then(|c| c.logging),
            None => store::state_machines::logging_configuration(store, machine_arn)
                .ok()
                .flatten(),
        };
        LogConfig::from_stored(stored.as_deref())
    }
}

/// Where the logs of the store at `db` go; `None` for a store in memory.
pub fn log_dir(db: &Path) -> Option<PathBuf> {
    if db == Path::new(":memory:") {
        return None;
    }
    let stem = db.file_stem()?.to_string_lossy().into_owned();
    Some(db.with_file_name(format!("{stem}.logs")))
}

/// CloudWatch Logs keeps at most 256 KB an event: a payload longer than this is cut, and
/// its `*Details.truncated` says so.
const MAX_PAYLOAD: usize = 248 * 1024;

/// Members holding execution data, left out without `includeExecutionData` (as
/// GetExecutionHistory leaves them out without `includeExecutionData`).
const DATA_MEMBERS: [&str; 4] = ["input", "output", "parameters", "assignedVariables"];

/// One event as Step Functions logs it to CloudWatch Logs: ids, timestamp (epoch
/// milliseconds) and redrive count as strings, the event's details under `details`.
pub fn log_line(
    event: &HistoryEvent,
    execution_arn: &str,
    redrive_count: i64,
    include_data: bool,
) -> String {
    let mut details = match event.details.as_ref().map(|d| d.to_value()) {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    if include_data {
        for key in ["input", "output"] {
            let cut = match details.get(key) {
                Some(Value::String(text)) if text.len() > MAX_PAYLOAD => {
                    let mut end = MAX_PAYLOAD;
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    Some(text[..end].to_string())
                }
                _ => None,
            };
            if let Some(cut) = cut {
                details.insert(key.into(), cut.into());
                details.insert(
                    format!("{key}Details"),
                    serde_json::json!({ "truncated": true }),
                );
            }
        }
    } else {
        for key in DATA_MEMBERS {
            details.remove(key);
        }
    }
    let mut line = Map::new();
    line.insert("id".into(), event.id.to_string().into());
    line.insert("type".into(), event.event_type.as_str().into());
    line.insert("details".into(), Value::Object(details));
    line.insert(
        "previous_event_id".into(),
        event.previous_event_id.to_string().into(),
    );
    line.insert(
        "event_timestamp".into(),
        event.timestamp.timestamp_millis().to_string().into(),
    );
    line.insert("execution_arn".into(), execution_arn.into());
    line.insert("redrive_count".into(), redrive_count.to_string().into());
    let mut text = Value::Object(line).to_string();
    text.push('\n');
    text
}

/// Collects one execution's log lines and appends them to its log group's file when
/// they are saved ([`LogSink::flush`]).
pub struct LogSink {
    file: PathBuf,
    config: LogConfig,
    execution_arn: String,
    redrive_count: i64,
    pending: String,
}

impl LogSink {
    /// The sink of an execution whose state machine logs (none otherwise, or for a store
    /// in memory).
    pub fn for_execution(store: &Store, record: &ExecutionRecord) -> Option<LogSink> {
        LogSink::new(
            store,
            &record.arn,
            &record.state_machine_arn,
            record.state_machine_version_arn.as_deref(),
            record.redrive_count,
        )
    }

    pub fn new(
        store: &Store,
        execution_arn: &str,
        machine_arn: &str,
        version_arn: Option<&str>,
        redrive_count: i64,
    ) -> Option<LogSink> {
        let dir = log_dir(store.path())?;
        let config = LogConfig::for_machine(store, machine_arn, version_arn).ok()?;
        Some(LogSink {
            file: config.group.file_in(&dir),
            config,
            execution_arn: execution_arn.to_string(),
            redrive_count,
            pending: String::new(),
        })
    }

    /// Lines of the events since the last flush are dropped (they were not saved).
    pub fn discard(&mut self) {
        self.pending.clear();
    }

    /// Appends the pending lines to the file in one write (whole lines, so that several
    /// processes logging to one group interleave by line).
    pub fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let _ = append(&self.file, self.pending.as_bytes());
        self.pending.clear();
    }
}

impl EventSink for LogSink {
    fn emit(&mut self, event: &HistoryEvent) {
        if self.config.level.logs(event.event_type.as_str()) {
            self.pending.push_str(&log_line(
                event,
                &self.execution_arn,
                self.redrive_count,
                self.config.include_execution_data,
            ));
        }
    }
}

/// Appends `bytes` to `file`, creating it (0600) and its directories (0700); a symbolic
/// link in place of the file is refused.
fn append(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        store::private_dirs(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(file)?.write_all(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event(id: i64, event_type: &str, details: Value) -> HistoryEvent {
        HistoryEvent {
            id,
            previous_event_id: id - 1,
            timestamp: chrono::Utc.timestamp_millis_opt(1_700_000_000_123).unwrap(),
            event_type: event_type.parse().unwrap(),
            details: Some(details.into()),
        }
    }

    #[test]
    fn levels_follow_the_developer_guide_table() {
        for t in ["ExecutionFailed", "ExecutionAborted", "ExecutionTimedOut"] {
            assert!(Level::Fatal.logs(t), "{t}");
        }
        for t in [
            "FailStateEntered",
            "TaskFailed",
            "TaskTimedOut",
            "TaskStartFailed",
            "TaskSubmitFailed",
            "TaskStateAborted",
            "LambdaFunctionScheduleFailed",
            "MapIterationFailed",
            "MapStateAborted",
            "ParallelStateFailed",
            "WaitStateAborted",
            "ActivityTimedOut",
        ] {
            assert!(Level::Error.logs(t), "{t}");
            assert!(!Level::Fatal.logs(t), "{t}");
        }
        for t in [
            "ExecutionStarted",
            "ExecutionSucceeded",
            "TaskStateEntered",
            "TaskSucceeded",
            "ChoiceStateExited",
            "MapIterationStarted",
        ] {
            assert!(Level::All.logs(t), "{t}");
            assert!(!Level::Error.logs(t), "{t}");
        }
    }

    #[test]
    fn a_group_arn_names_one_file_inside_the_directory() {
        let group =
            LogGroup::parse("arn:aws:logs:us-east-1:123456789012:log-group:/aws/states/x:*")
                .unwrap();
        assert_eq!(group.name, "/aws/states/x");
        let file = group.file_in(Path::new("/d"));
        assert_eq!(
            file,
            Path::new("/d/123456789012-us-east-1/%2Faws%2Fstates%2Fx.jsonl")
        );
        let dots = LogGroup::parse("arn:aws:logs:us-east-1:1:log-group:..").unwrap();
        assert_eq!(
            dots.file_in(Path::new("/d")),
            Path::new("/d/1-us-east-1/%2E..jsonl")
        );
        for bad in [
            "arn:aws:logs:us-east-1:1:log-group:a b",
            "arn:aws:s3:::bucket",
            "arn:aws:logs:us-east-1:1:log-group::*",
            "arn:aws:logs:../x:1:log-group:a",
            "not an arn",
        ] {
            assert_eq!(LogGroup::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn off_or_no_destination_logs_nothing() {
        assert_eq!(LogConfig::from_stored(None), Err(NoLog::Off));
        assert_eq!(
            LogConfig::from_stored(Some(r#"{"level":"OFF"}"#)),
            Err(NoLog::Off)
        );
        assert_eq!(
            LogConfig::from_stored(Some(
                r#"{"level":"ALL","destinations":[{"cloudWatchLogsLogGroup":{"logGroupArn":"x"}}]}"#
            )),
            Err(NoLog::Destination("x".into()))
        );
    }

    #[test]
    fn a_line_is_in_the_cloudwatch_logs_format() {
        let e = event(
            3,
            "TaskStateExited",
            serde_json::json!({"name": "A", "output": "{\"a\":1}", "outputDetails": {"truncated": false}}),
        );
        let line: Value = serde_json::from_str(&log_line(&e, "arn:x", 1, true)).unwrap();
        assert_eq!(
            line,
            serde_json::json!({
                "id": "3",
                "type": "TaskStateExited",
                "details": {"name": "A", "output": "{\"a\":1}", "outputDetails": {"truncated": false}},
                "previous_event_id": "2",
                "event_timestamp": "1700000000123",
                "execution_arn": "arn:x",
                "redrive_count": "1"
            })
        );
        let hidden: Value = serde_json::from_str(&log_line(&e, "arn:x", 0, false)).unwrap();
        assert_eq!(
            hidden["details"],
            serde_json::json!({"name": "A", "outputDetails": {"truncated": false}})
        );
    }

    #[test]
    fn a_payload_over_248_kib_is_cut_and_marked_truncated() {
        let big = "é".repeat(200 * 1024);
        let e = event(1, "ExecutionStarted", serde_json::json!({"input": big}));
        let line: Value = serde_json::from_str(&log_line(&e, "arn:x", 0, true)).unwrap();
        let input = line["details"]["input"].as_str().unwrap();
        assert!(input.len() <= MAX_PAYLOAD && input.len() > MAX_PAYLOAD - 4);
        assert_eq!(line["details"]["inputDetails"]["truncated"], true);
    }

    #[test]
    fn the_log_directory_sits_beside_the_store() {
        assert_eq!(
            log_dir(Path::new("/home/u/.config/sfn/sfn.db")),
            Some(PathBuf::from("/home/u/.config/sfn/sfn.logs"))
        );
        assert_eq!(log_dir(Path::new(":memory:")), None);
    }
}
