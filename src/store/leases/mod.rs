//! Who runs an execution. A RUNNING execution is held by at most one process at a time
//! through a lease in its row (owner id, pid, host, expiry), renewed while that process
//! runs it. Every save of its progress is one `BEGIN IMMEDIATE` transaction that checks the
//! owner and the row's version (compare-and-swap), so a process that lost its lease can
//! never overwrite the work of the one that took the execution over.
//!
//! What other processes send to an execution waits here until its owner applies it: task
//! outcomes on their tokens (`task_tokens`), an activity task handed to a worker
//! (`started_applied = 0`), and a stop (`stop_request`). The owner marks each one applied
//! in the same transaction as the progress that includes it, so an outcome is applied
//! exactly once even if the owner dies in between.
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use super::activities::Tx;
use super::date_to_text;
use super::executions::{self, EventRow, ExecutionRecord};
use super::packed::pack_opt;
use super::task_tokens::{self, TaskTokenRecord};
use super::{Store, StoreError};

/// A process that runs executions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// Unique per process (and per runtime within it).
    pub id: String,
    pub pid: u32,
    pub host: String,
}

/// The lease an execution is held by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub owner: String,
    pub pid: i64,
    pub host: String,
    /// Milliseconds since the epoch.
    pub expires: i64,
}

/// What [`acquire`] found.
#[derive(Debug)]
pub enum Claim {
    /// The caller holds the execution now; save against this record's `version`.
    Acquired(Box<ExecutionRecord>),
    /// Another process holds it and is alive.
    Held(Lease),
    /// It does not exist or is not running.
    NotRunning,
}

/// Whether the process behind a lease is gone, as the runtime can tell (a pid on this
/// host that no longer exists).
pub type IsGone<'a> = &'a dyn Fn(&Lease) -> bool;

fn lease_of(store: &Store, arn: &str) -> Result<Option<(String, Option<Lease>)>, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT status, owner, owner_pid, owner_host, lease_expires FROM executions \
             WHERE arn = ?1",
            [arn],
            |r| {
                let owner: Option<String> = r.get(1)?;
                Ok((
                    r.get::<_, String>(0)?,
                    owner.map(|owner| -> rusqlite::Result<Lease> {
                        Ok(Lease {
                            owner,
                            pid: r.get::<_, Option<i64>>(2)?.unwrap_or(0),
                            host: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                            expires: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
                        })
                    }),
                ))
            },
        )
        .optional()?
        .map(|(status, lease)| Ok::<_, rusqlite::Error>((status, lease.transpose()?)))
        .transpose()?)
}

/// The lease of a running execution, if one holds it.
pub fn lease(store: &Store, arn: &str) -> Result<Option<Lease>, StoreError> {
    Ok(lease_of(store, arn)?.and_then(|(_, lease)| lease))
}

/// Returns the row's new version.
fn set_owner(store: &Store, arn: &str, owner: &Owner, expires: i64) -> Result<i64, StoreError> {
    Ok(store.conn.query_row(
        "UPDATE executions SET owner = ?2, owner_pid = ?3, owner_host = ?4, lease_expires = ?5, \
         version = version + 1 WHERE arn = ?1 RETURNING version",
        params![arn, owner.id, owner.pid, owner.host, expires],
        |r| r.get(0),
    )?)
}

/// Ends a claim made in `tx`: `owner` holds the execution until `expires`, with `events`
/// appended to its history; its new version.
fn take_with_events(
    store: &Store,
    tx: Tx,
    arn: &str,
    owner: &Owner,
    expires: i64,
    events: &[EventRow],
) -> Result<Option<i64>, StoreError> {
    let version = set_owner(store, arn, owner, expires)?;
    super::history::insert(&store.conn, arn, events)?;
    tx.commit()?;
    Ok(Some(version))
}

/// Takes a RUNNING execution for `owner` until `expires` (ms since the epoch) when nobody
/// holds it, its lease ran out at `now`, or `gone` says its holder is dead.
pub fn acquire(
    store: &Store,
    arn: &str,
    owner: &Owner,
    now: i64,
    expires: i64,
    gone: IsGone,
) -> Result<Claim, StoreError> {
    let tx = Tx::begin(store)?;
    let at = DateTime::from_timestamp_millis(now).unwrap_or_default();
    let claim = match lease_of(store, arn)? {
        Some((status, _)) if status != "RUNNING" => {
            close_outcomes(store, arn, at)?;
            Claim::NotRunning
        }
        None => {
            close_outcomes(store, arn, at)?;
            Claim::NotRunning
        }
        Some((_, Some(lease)))
            if lease.owner != owner.id && lease.expires > now && !gone(&lease) =>
        {
            Claim::Held(lease)
        }
        Some(_) => {
            set_owner(store, arn, owner, expires)?;
            // A map run cannot outlive the step that runs it: one still RUNNING belongs
            // to a process that died in it.
            abort_map_runs(store, arn, at)?;
            match executions::get(store, arn)? {
                Some(record) => Claim::Acquired(Box::new(record)),
                None => Claim::NotRunning,
            }
        }
    };
    tx.commit()?;
    Ok(claim)
}

/// Outcomes for an execution that is not running (it ended, or never existed here) are
/// consumed with nothing to apply them to, at `now`.
fn close_outcomes(store: &Store, arn: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE task_tokens SET closed = ?2 WHERE execution_arn = ?1 AND closed IS NULL \
         AND status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT')",
        params![arn, date_to_text(&now)],
    )?;
    Ok(())
}

/// Extends `owner`'s lease; `false` when it no longer holds the execution.
pub fn renew(store: &Store, arn: &str, owner: &str, expires: i64) -> Result<bool, StoreError> {
    Ok(store.conn.execute(
        "UPDATE executions SET lease_expires = ?3 WHERE arn = ?1 AND owner = ?2 AND status = 'RUNNING'",
        params![arn, owner, expires],
    )? == 1)
}

/// Records a new RUNNING execution held by `owner`, with its first events, in one
/// transaction; `false` (and nothing written) when its ARN exists already.
pub fn insert_owned(
    store: &Store,
    record: &ExecutionRecord,
    owner: &Owner,
    expires: i64,
    events: &[EventRow],
) -> Result<Option<i64>, StoreError> {
    let tx = Tx::begin(store)?;
    let exists = store
        .conn
        .prepare_cached("SELECT 1 FROM executions WHERE arn = ?1")?
        .exists([&record.arn])?;
    if exists {
        tx.commit()?;
        return Ok(None);
    }
    executions::insert(store, record)?;
    take_with_events(store, tx, &record.arn, owner, expires, events)
}

/// Takes an ended execution back to RUNNING for `owner` (a redrive), if it is still as
/// `record` read it (same version): `false` when another process changed it first.
pub fn claim_ended(
    store: &Store,
    record: &ExecutionRecord,
    owner: &Owner,
    expires: i64,
    events: &[EventRow],
) -> Result<Option<i64>, StoreError> {
    let tx = Tx::begin(store)?;
    let changed = store.conn.execute(
        "UPDATE executions SET status = 'RUNNING', stop_date = NULL, output = NULL, error = NULL, \
         cause = NULL, engine_state = ?3, redrive_count = ?4, redrive_date = ?5, stop_request = NULL \
         WHERE arn = ?1 AND version = ?2 AND status <> 'RUNNING'",
        params![
            record.arn,
            record.version,
            pack_opt(record.engine_state.as_deref()),
            record.redrive_count,
            record.redrive_date
        ],
    )?;
    if changed == 0 {
        tx.commit()?;
        return Ok(None);
    }
    take_with_events(store, tx, &record.arn, owner, expires, events)
}

/// Appends events of an owned execution ahead of its next save (so that a long run does
/// not hold its whole history in memory), if `owner` still holds it at `version`: `false`
/// (nothing written) otherwise. A process that takes the execution over drops them
/// ([`super::history::truncate`]) and runs again from the saved state.
pub fn append_owned(
    store: &Store,
    arn: &str,
    owner: &str,
    version: i64,
    events: &[EventRow],
) -> Result<bool, StoreError> {
    let tx = Tx::begin(store)?;
    let held: bool = store.conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM executions WHERE arn = ?1 AND owner = ?2 AND version = ?3 \
         AND status = 'RUNNING')",
        params![arn, owner, version],
        |r| r.get(0),
    )?;
    if held {
        super::history::insert(&store.conn, arn, events)?;
    }
    tx.commit()?;
    Ok(held)
}

/// One save of an owned execution's progress.
pub struct Save<'a> {
    /// Status, dates, output, error, cause, engine state, redrive columns.
    pub record: &'a ExecutionRecord,
    pub events: &'a [EventRow],
    /// Tokens whose outcome this progress includes: closed now.
    pub consumed: &'a [String],
    /// Activity tokens whose `ActivityStarted` this progress includes.
    pub started: &'a [String],
    /// This progress includes the requested stop.
    pub stopped: bool,
    /// Let go of a parked execution, unless something is waiting for it (then the caller
    /// keeps it and goes on). An ended execution is always let go.
    pub release: bool,
    /// An ended child's outcome for the task token of the parent that waits for it
    /// (`.sync`): recorded with the child's end, as `SendTaskSuccess` would record it.
    pub deliver: Option<(&'a str, &'a task_tokens::Delivery)>,
    /// When this is saved: when consumed tokens close, and an ended execution's leftovers
    /// (tokens, map runs) end.
    pub now: DateTime<Utc>,
}

/// What [`save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Saved; `held` tells whether the caller still holds the execution.
    Saved { version: i64, held: bool },
    /// The caller no longer holds the execution (another process took it over): nothing
    /// was written.
    Lost,
}

/// Saves an owned execution's progress if `owner` still holds it at `version`.
pub fn save(store: &Store, owner: &str, version: i64, save: &Save) -> Result<Saved, StoreError> {
    let record = save.record;
    let tx = Tx::begin(store)?;
    let ended = record.status != "RUNNING";
    // An ended execution is let go, and a stop asked of it is cleared, in this same
    // statement: each UPDATE that changes a row's size rewrites it whole.
    let updated = store.conn.prepare_cached(
        "UPDATE executions SET status = ?4, stop_date = ?5, output = ?6, error = ?7, cause = ?8, \
         engine_state = ?9, redrive_count = ?10, redrive_date = ?11, version = version + 1, \
         stop_request = CASE WHEN ?12 THEN NULL ELSE stop_request END, \
         owner = CASE WHEN ?13 THEN NULL ELSE owner END, \
         owner_pid = CASE WHEN ?13 THEN NULL ELSE owner_pid END, \
         owner_host = CASE WHEN ?13 THEN NULL ELSE owner_host END, \
         lease_expires = CASE WHEN ?13 THEN NULL ELSE lease_expires END \
         WHERE arn = ?1 AND owner = ?2 AND version = ?3 AND status = 'RUNNING'",
    )?.execute(
        params![
            record.arn,
            owner,
            version,
            record.status,
            record.stop_date,
            pack_opt(record.output.as_deref()),
            record.error,
            record.cause,
            pack_opt(record.engine_state.as_deref()),
            record.redrive_count,
            record.redrive_date,
            ended || save.stopped,
            ended,
        ],
    )?;
    if updated == 0 {
        tx.commit()?;
        return Ok(Saved::Lost);
    }
    super::history::insert(&store.conn, &record.arn, save.events)?;
    let now = date_to_text(&save.now);
    for token in save.consumed {
        store.conn.execute(
            "UPDATE task_tokens SET closed = ?2 WHERE token = ?1 AND closed IS NULL",
            params![token, now],
        )?;
    }
    for token in save.started {
        store.conn.execute(
            "UPDATE task_tokens SET started_applied = 1 WHERE token = ?1",
            [token],
        )?;
    }
    let held = if ended {
        if let Some((token, delivery)) = save.deliver {
            task_tokens::deliver(store, token, delivery, save.now)?;
        }
        super::nested::stop_waiting_children(store, &record.arn)?;
        // Tasks still waiting in it (a branch's callback when another branch failed) take
        // no outcome any more.
        task_tokens::abort_execution(store, &record.arn, save.now)?;
        abort_map_runs(store, &record.arn, save.now)?;
        // Let go of, and any stop that came too late cleared, by the UPDATE above.
        false
    } else if save.release && !has_inbox(store, &record.arn)? {
        release(store, &record.arn)?;
        false
    } else {
        true
    };
    tx.commit()?;
    Ok(Saved::Saved {
        version: version + 1,
        held,
    })
}

/// Ends the RUNNING map runs of `parent` and their RUNNING children as ABORTED (each
/// child's history ending with `ExecutionAborted` at `now`): they follow their parent.
pub fn abort_map_runs(store: &Store, parent: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
    let children: Vec<String> = {
        let mut stmt = store.conn.prepare_cached(
            "SELECT e.arn FROM executions e JOIN map_runs m ON e.map_run_arn = m.arn \
             WHERE m.execution_arn = ?1 AND m.status = 'RUNNING' AND e.status = 'RUNNING'",
        )?;
        let rows = stmt.query_map([parent], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for child in &children {
        let last = super::history::count(store, child)?;
        let event = crate::history::HistoryEvent {
            id: last + 1,
            previous_event_id: last,
            timestamp: now,
            event_type: crate::history::EventType::ExecutionAborted,
            details: Some(crate::history::Details::Failure {
                error: None,
                cause: None,
            }),
        };
        super::history::insert(&store.conn, child, &[EventRow::from(&event)])?;
        store.conn.execute(
            "UPDATE executions SET status = 'ABORTED', stop_date = ?2, engine_state = NULL, \
             version = version + 1 WHERE arn = ?1",
            params![child, executions::date_text(now)],
        )?;
    }
    store.conn.execute(
        "UPDATE map_runs SET status = 'ABORTED', stop_date = ?2 \
         WHERE execution_arn = ?1 AND status = 'RUNNING'",
        params![parent, executions::date_text(now)],
    )?;
    Ok(())
}

fn release(store: &Store, arn: &str) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE executions SET owner = NULL, owner_pid = NULL, owner_host = NULL, \
         lease_expires = NULL WHERE arn = ?1",
        [arn],
    )?;
    Ok(())
}

/// Lets go of an execution without saving (its owner could not run it here): another
/// process may take it at once.
pub fn abandon(store: &Store, arn: &str, owner: &str) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE executions SET owner = NULL, owner_pid = NULL, owner_host = NULL, \
         lease_expires = NULL WHERE arn = ?1 AND owner = ?2",
        params![arn, owner],
    )?;
    Ok(())
}

/// What waits to be applied to an execution.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Inbox {
    /// Delivered or timed-out tokens not consumed yet, oldest first.
    pub outcomes: Vec<TaskTokenRecord>,
    /// Activity tasks a worker took whose start is not in the history yet.
    pub started: Vec<TaskTokenRecord>,
    /// A requested stop: its error and cause.
    pub stop: Option<(Option<String>, Option<String>)>,
}

impl Inbox {
    pub fn is_empty(&self) -> bool {
        self.outcomes.is_empty() && self.started.is_empty() && self.stop.is_none()
    }
}

const PENDING_STARTS: &str = "execution_arn = ?1 AND closed IS NULL AND activity_arn IS NOT NULL \
     AND started IS NOT NULL AND started_applied = 0";
const PENDING_OUTCOMES: &str = "execution_arn = ?1 AND closed IS NULL \
     AND status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT')";

fn has_inbox(store: &Store, arn: &str) -> Result<bool, StoreError> {
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM task_tokens WHERE ({PENDING_STARTS}) OR ({PENDING_OUTCOMES})) \
         OR EXISTS (SELECT 1 FROM executions WHERE arn = ?1 AND stop_request IS NOT NULL)"
    );
    Ok(store.conn.query_row(&sql, [arn], |r| r.get(0))?)
}

/// Everything waiting for an execution.
pub fn inbox(store: &Store, arn: &str) -> Result<Inbox, StoreError> {
    let stop: Option<String> = store
        .conn
        .prepare_cached("SELECT stop_request FROM executions WHERE arn = ?1")?
        .query_row([arn], |r| r.get(0))
        .optional()?
        .flatten();
    let stop = stop.map(|text| {
        let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let member = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_string);
        (member("error"), member("cause"))
    });
    Ok(Inbox {
        outcomes: task_tokens::select(store, PENDING_OUTCOMES, arn)?,
        started: task_tokens::select(store, PENDING_STARTS, arn)?,
        stop,
    })
}

/// What [`request_stop`] found.
#[derive(Debug)]
pub enum StopRequest {
    /// Queued for the owner (or for whoever takes the execution next).
    Queued,
    /// The execution is not running (its status).
    NotRunning(String),
    Missing,
}

/// Asks the owner of a running execution to stop it with `error` and `cause`.
pub fn request_stop(
    store: &Store,
    arn: &str,
    error: Option<&str>,
    cause: Option<&str>,
) -> Result<StopRequest, StoreError> {
    let tx = Tx::begin(store)?;
    let status = match lease_of(store, arn)? {
        None => StopRequest::Missing,
        Some((status, _)) if status != "RUNNING" => StopRequest::NotRunning(status),
        Some(_) => {
            let mut request = serde_json::Map::new();
            if let Some(e) = error {
                request.insert("error".into(), e.into());
            }
            if let Some(c) = cause {
                request.insert("cause".into(), c.into());
            }
            store.conn.execute(
                "UPDATE executions SET stop_request = ?2 WHERE arn = ?1",
                params![arn, Value::Object(request).to_string()],
            )?;
            StopRequest::Queued
        }
    };
    tx.commit()?;
    Ok(status)
}

/// RUNNING executions that something other than a live owner must move on: nobody holds
/// them and something waits for them, or their holder's lease ran out at `now` or `gone`
/// says it is dead (`orphans`: those held by a lost process too).
pub fn runnable(
    store: &Store,
    now: i64,
    gone: IsGone,
    orphans: bool,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = store.conn.prepare_cached(
        "SELECT arn, owner, owner_pid, owner_host, lease_expires, \
         (stop_request IS NOT NULL OR EXISTS (SELECT 1 FROM task_tokens t WHERE t.execution_arn = e.arn \
          AND t.closed IS NULL AND (t.status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT') \
          OR (t.activity_arn IS NOT NULL AND t.started IS NOT NULL AND t.started_applied = 0)))) \
         FROM executions e WHERE status = 'RUNNING' ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let owner: Option<String> = r.get(1)?;
        let lease = match owner {
            Some(owner) => Some(Lease {
                owner,
                pid: r.get::<_, Option<i64>>(2)?.unwrap_or(0),
                host: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                expires: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
            }),
            None => None,
        };
        Ok((r.get::<_, String>(0)?, lease, r.get::<_, bool>(5)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (arn, lease, waiting) = row?;
        let pick = match lease {
            None => waiting,
            Some(lease) => orphans && (lease.expires <= now || gone(&lease)),
        };
        if pick {
            out.push(arn);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
