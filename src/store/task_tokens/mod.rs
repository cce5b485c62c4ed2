//! The `task_tokens` table: Tasks waiting for an outcome from outside the execution
//! (activity workers, `.waitForTaskToken` callbacks), shared by every `sfn` process.
//!
//! Life of a token: `SCHEDULED` (an activity task no worker has taken yet) → `STARTED`
//! (taken by `GetActivityTask`, or a callback waiting from the start) → `SUCCEEDED` /
//! `FAILED` (delivered by `SendTaskSuccess`/`SendTaskFailure`) or `TIMED_OUT` (a deadline
//! passed) or `ABORTED` (the execution stopped). `closed` is set when the engine has
//! resumed the execution past the outcome.
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::activities::Tx;
use super::{date_to_text, text_to_date};
use super::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenStatus {
    Scheduled,
    Started,
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}

impl TokenStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenStatus::Scheduled => "SCHEDULED",
            TokenStatus::Started => "STARTED",
            TokenStatus::Succeeded => "SUCCEEDED",
            TokenStatus::Failed => "FAILED",
            TokenStatus::TimedOut => "TIMED_OUT",
            TokenStatus::Aborted => "ABORTED",
        }
    }

    fn parse(text: &str) -> rusqlite::Result<TokenStatus> {
        Ok(match text {
            "SCHEDULED" => TokenStatus::Scheduled,
            "STARTED" => TokenStatus::Started,
            "SUCCEEDED" => TokenStatus::Succeeded,
            "FAILED" => TokenStatus::Failed,
            "TIMED_OUT" => TokenStatus::TimedOut,
            "ABORTED" => TokenStatus::Aborted,
            other => {
                return Err(rusqlite::Error::FromSqlConversionFailure(
                    0,
                    rusqlite::types::Type::Text,
                    format!("unknown task token status {other}").into(),
                ))
            }
        })
    }

    /// Still waiting for an outcome.
    pub fn is_open(self) -> bool {
        matches!(self, TokenStatus::Scheduled | TokenStatus::Started)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskTokenRecord {
    pub token: String,
    pub execution_arn: String,
    /// Set for activity tasks: what `GetActivityTask` polls.
    pub activity_arn: Option<String>,
    pub state_name: String,
    /// The task's effective input (JSON text): what a worker receives.
    pub input: Option<String>,
    pub status: TokenStatus,
    pub worker_name: Option<String>,
    pub created: DateTime<Utc>,
    /// When the task started (a worker took it, or the callback began waiting).
    pub started: Option<DateTime<Utc>>,
    /// `TimeoutSeconds` deadline.
    pub timeout_at: Option<DateTime<Utc>>,
    pub heartbeat_seconds: Option<u64>,
    /// The next heartbeat's deadline (from the start, then from each heartbeat).
    pub heartbeat_at: Option<DateTime<Utc>>,
    /// `SendTaskSuccess` output (JSON text).
    pub output: Option<String>,
    pub error: Option<String>,
    pub cause: Option<String>,
    pub closed: Option<DateTime<Utc>>,
    /// How the execution's Tasks are served (the tasks layer's JSON), so that whichever
    /// process resumes the execution serves its next Tasks the same way.
    pub runner: Option<String>,
}

impl TaskTokenRecord {
    /// A new open token: `STARTED` for a callback, `SCHEDULED` for an activity task (then
    /// the heartbeat clock starts only when a worker takes it).
    #[allow(clippy::too_many_arguments)]
    pub fn open(
        token: String,
        execution_arn: &str,
        state_name: &str,
        activity_arn: Option<&str>,
        input: Option<String>,
        timeout_seconds: Option<u64>,
        heartbeat_seconds: Option<u64>,
        now: DateTime<Utc>,
    ) -> TaskTokenRecord {
        let started = activity_arn.is_none().then_some(now);
        TaskTokenRecord {
            token,
            execution_arn: execution_arn.to_string(),
            activity_arn: activity_arn.map(str::to_string),
            state_name: state_name.to_string(),
            input,
            status: if started.is_some() {
                TokenStatus::Started
            } else {
                TokenStatus::Scheduled
            },
            worker_name: None,
            created: now,
            started,
            timeout_at: timeout_seconds.map(|s| now + seconds(s)),
            heartbeat_seconds,
            heartbeat_at: started.and_then(|at| heartbeat_seconds.map(|s| at + seconds(s))),
            output: None,
            error: None,
            cause: None,
            closed: None,
            runner: None,
        }
    }

    /// Whether a deadline has passed at `now` while the token is open.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.status.is_open()
            && (self.timeout_at.is_some_and(|t| t <= now)
                || self.heartbeat_at.is_some_and(|t| t <= now))
    }
}

fn seconds(s: u64) -> Duration {
    Duration::seconds(i64::try_from(s).unwrap_or(i64::MAX / 1_000_000))
}

/// A fresh token: 64 hex digits of randomness (AWS's own tokens are opaque too).
pub fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// Whether `token` could be one of ours (from [`new_token`], a UUID, or another opaque
/// base64-like string of at least 32 characters); anything else is `InvalidToken`.
pub fn is_well_formed(token: &str) -> bool {
    (32..=2048).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_+/=".contains(&b))
}

const COLUMNS: &str =
    "token, execution_arn, activity_arn, state_name, input, status, worker_name, \
     created, started, timeout_at, heartbeat_seconds, heartbeat_at, output, error, cause, closed, runner";

fn date(row: &Row, i: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    row.get::<_, Option<String>>(i)?
        .as_deref()
        .map(text_to_date)
        .transpose()
}

fn from_row(row: &Row) -> rusqlite::Result<TaskTokenRecord> {
    Ok(TaskTokenRecord {
        token: row.get(0)?,
        execution_arn: row.get(1)?,
        activity_arn: row.get(2)?,
        state_name: row.get(3)?,
        input: row.get(4)?,
        status: TokenStatus::parse(&row.get::<_, String>(5)?)?,
        worker_name: row.get(6)?,
        created: text_to_date(&row.get::<_, String>(7)?)?,
        started: date(row, 8)?,
        timeout_at: date(row, 9)?,
        heartbeat_seconds: row.get::<_, Option<i64>>(10)?.map(|s| s.max(0) as u64),
        heartbeat_at: date(row, 11)?,
        output: row.get(12)?,
        error: row.get(13)?,
        cause: row.get(14)?,
        closed: date(row, 15)?,
        runner: row.get(16)?,
    })
}

fn text(at: Option<DateTime<Utc>>) -> Option<String> {
    at.as_ref().map(date_to_text)
}

pub fn insert(store: &Store, record: &TaskTokenRecord) -> Result<(), StoreError> {
    store.conn.execute(
        &format!("INSERT INTO task_tokens ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"),
        params![
            record.token,
            record.execution_arn,
            record.activity_arn,
            record.state_name,
            record.input,
            record.status.as_str(),
            record.worker_name,
            date_to_text(&record.created),
            text(record.started),
            text(record.timeout_at),
            record.heartbeat_seconds.map(|s| s as i64),
            text(record.heartbeat_at),
            record.output,
            record.error,
            record.cause,
            text(record.closed),
            record.runner,
        ],
    )?;
    Ok(())
}

/// [`insert`] for a task of an execution that `owner` holds, as one transaction with the
/// check: `false` (nothing written) when the execution is no longer RUNNING under `owner`.
/// A process that lost its lease (another took the execution over) opens no token that the
/// execution's new owner would not know of. A distributed Map's child has no lease of its
/// own: it runs inside its parent's run, so it is held by whoever holds the parent (up the
/// chain of map runs).
pub fn insert_owned(
    store: &Store,
    record: &TaskTokenRecord,
    owner: &str,
) -> Result<bool, StoreError> {
    let tx = Tx::begin(store)?;
    let held = store
        .conn
        .prepare_cached(
            "WITH RECURSIVE chain(owner, map_run_arn, depth) AS ( \
               SELECT owner, map_run_arn, 0 FROM executions \
                 WHERE arn = ?1 AND status = 'RUNNING' \
               UNION ALL \
               SELECT p.owner, p.map_run_arn, c.depth + 1 FROM chain c \
                 JOIN map_runs m ON m.arn = c.map_run_arn \
                 JOIN executions p ON p.arn = m.execution_arn \
                 WHERE c.owner IS NULL AND p.status = 'RUNNING' AND c.depth < 64) \
             SELECT 1 FROM chain WHERE owner = ?2",
        )?
        .exists(params![record.execution_arn, owner])?;
    if held {
        insert(store, record)?;
    }
    tx.commit()?;
    Ok(held)
}

pub fn get(store: &Store, token: &str) -> Result<Option<TaskTokenRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM task_tokens WHERE token = ?1");
    Ok(store.conn.query_row(&sql, [token], from_row).optional()?)
}

/// Gives the oldest activity task no worker has taken to `worker_name`: it becomes
/// `STARTED` and its heartbeat clock starts. Atomic across processes.
pub fn claim_activity_task(
    store: &Store,
    activity_arn: &str,
    worker_name: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<TaskTokenRecord>, StoreError> {
    let tx = Tx::begin(store)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM task_tokens WHERE activity_arn = ?1 AND status = 'SCHEDULED' \
         ORDER BY created, rowid"
    );
    let candidates: Vec<TaskTokenRecord> = {
        let mut stmt = store.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([activity_arn], from_row)?;
        rows.collect::<Result<_, _>>()?
    };
    // A task whose deadline passed is not handed out: it is due to time out.
    let Some(mut record) = candidates.into_iter().find(|r| !r.expired(now)) else {
        tx.commit()?;
        return Ok(None);
    };
    record.status = TokenStatus::Started;
    record.worker_name = worker_name.map(str::to_string);
    record.started = Some(now);
    record.heartbeat_at = record.heartbeat_seconds.map(|s| now + seconds(s));
    store.conn.execute(
        "UPDATE task_tokens SET status = 'STARTED', worker_name = ?2, started = ?3, heartbeat_at = ?4 \
         WHERE token = ?1",
        params![
            record.token,
            record.worker_name,
            text(record.started),
            text(record.heartbeat_at)
        ],
    )?;
    tx.commit()?;
    Ok(Some(record))
}

/// Restarts the heartbeat clock of an open, started token. Returns the token as it was.
pub fn heartbeat(
    store: &Store,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<TaskTokenRecord>, StoreError> {
    let Some(record) = get(store, token)? else {
        return Ok(None);
    };
    if record.status.is_open() && !record.expired(now) {
        if let Some(s) = record.heartbeat_seconds {
            store.conn.execute(
                "UPDATE task_tokens SET heartbeat_at = ?2 WHERE token = ?1",
                params![token, date_to_text(&(now + seconds(s)))],
            )?;
        }
    }
    Ok(Some(record))
}

/// What `SendTaskSuccess`/`SendTaskFailure` deliver.
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery {
    Succeeded {
        output: String,
    },
    Failed {
        error: Option<String>,
        cause: Option<String>,
    },
}

/// Records an outcome on an open token that has not expired at `now`. Returns the token
/// as it was before, whatever happened: the caller tells apart unknown, closed and
/// timed-out tokens from it; `true` when the outcome was recorded.
pub fn deliver(
    store: &Store,
    token: &str,
    delivery: &Delivery,
    now: DateTime<Utc>,
) -> Result<(Option<TaskTokenRecord>, bool), StoreError> {
    let tx = Tx::begin(store)?;
    let Some(record) = get(store, token)? else {
        tx.commit()?;
        return Ok((None, false));
    };
    if !record.status.is_open() || record.expired(now) {
        tx.commit()?;
        return Ok((Some(record), false));
    }
    let (status, output, error, cause) = match delivery {
        Delivery::Succeeded { output } => (TokenStatus::Succeeded, Some(output), None, None),
        Delivery::Failed { error, cause } => {
            (TokenStatus::Failed, None, error.as_ref(), cause.as_ref())
        }
    };
    store.conn.execute(
        "UPDATE task_tokens SET status = ?2, output = ?3, error = ?4, cause = ?5 WHERE token = ?1",
        params![token, status.as_str(), output, error, cause],
    )?;
    tx.commit()?;
    Ok((Some(record), true))
}

/// Marks open tokens whose deadline passed at `now` as `TIMED_OUT` and returns them (the
/// executions to advance).
pub fn expire(store: &Store, now: DateTime<Utc>) -> Result<Vec<TaskTokenRecord>, StoreError> {
    let now_text = date_to_text(&now);
    // Every command looks: without a write lock when nothing is due, so that readers of
    // a shared store do not queue behind each other.
    let due: bool = store.conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM task_tokens WHERE status IN ('SCHEDULED', 'STARTED') \
         AND ((timeout_at IS NOT NULL AND timeout_at <= ?1) OR (heartbeat_at IS NOT NULL AND heartbeat_at <= ?1)))",
    )?
    .query_row([&now_text], |r| r.get(0))?;
    if !due {
        return Ok(Vec::new());
    }
    let tx = Tx::begin(store)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM task_tokens WHERE status IN ('SCHEDULED', 'STARTED') \
         AND ((timeout_at IS NOT NULL AND timeout_at <= ?1) OR (heartbeat_at IS NOT NULL AND heartbeat_at <= ?1))"
    );
    let expired: Vec<TaskTokenRecord> = {
        let mut stmt = store.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([&now_text], from_row)?;
        rows.collect::<Result<_, _>>()?
    };
    for record in &expired {
        store.conn.execute(
            "UPDATE task_tokens SET status = 'TIMED_OUT' WHERE token = ?1",
            [&record.token],
        )?;
    }
    tx.commit()?;
    Ok(expired
        .into_iter()
        .map(|mut r| {
            r.status = TokenStatus::TimedOut;
            r
        })
        .collect())
}

/// The outcomes of an execution's tokens not consumed yet (delivered or timed out).
pub fn outcomes(store: &Store, execution_arn: &str) -> Result<Vec<TaskTokenRecord>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM task_tokens WHERE execution_arn = ?1 AND closed IS NULL \
         AND status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT') ORDER BY created, rowid"
    );
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([execution_arn], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Tokens matching `condition` (SQL over `task_tokens`, with `?1` the execution ARN),
/// oldest first.
pub(super) fn select(
    store: &Store,
    condition: &str,
    execution_arn: &str,
) -> Result<Vec<TaskTokenRecord>, StoreError> {
    let sql =
        format!("SELECT {COLUMNS} FROM task_tokens WHERE {condition} ORDER BY created, rowid");
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([execution_arn], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Marks a token's outcome as consumed by the engine; `false` when another process
/// consumed it first (so exactly one process resumes the execution with it).
pub fn close(store: &Store, token: &str, now: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(store.conn.execute(
        "UPDATE task_tokens SET closed = ?2 WHERE token = ?1 AND closed IS NULL",
        params![token, date_to_text(&now)],
    )? == 1)
}

/// Closes a token whose task ended without waiting (its handler failed): `ABORTED`.
pub fn abort(store: &Store, token: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE task_tokens SET status = 'ABORTED', closed = ?2 WHERE token = ?1",
        params![token, date_to_text(&now)],
    )?;
    Ok(())
}

/// The executions with an outcome waiting to be consumed (delivered, or timed out).
pub fn executions_with_outcomes(store: &Store) -> Result<Vec<String>, StoreError> {
    let mut stmt = store.conn.prepare_cached(
        "SELECT DISTINCT execution_arn FROM task_tokens WHERE closed IS NULL \
         AND status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT')",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Aborts every open token of an execution (it was stopped, or the state was left).
pub fn abort_execution(
    store: &Store,
    execution_arn: &str,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    Ok(store.conn.execute(
        "UPDATE task_tokens SET status = 'ABORTED', closed = ?2 \
         WHERE execution_arn = ?1 AND status IN ('SCHEDULED', 'STARTED')",
        params![execution_arn, date_to_text(&now)],
    )?)
}

/// The tokens of an execution still waiting for an answer (callbacks and activity tasks).
pub fn open_for_execution(
    store: &Store,
    execution_arn: &str,
) -> Result<Vec<TaskTokenRecord>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM task_tokens WHERE execution_arn = ?1 AND closed IS NULL \
         AND status IN ('SCHEDULED', 'STARTED') ORDER BY created, rowid"
    );
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([execution_arn], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests;
