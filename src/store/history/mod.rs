//! Execution history, stored compactly: one `history_chunks` row per batch of consecutive
//! events (one text line per event), and each long payload string once per execution in
//! `history_payloads`, unescaped. A row per event made SQLite inserts most of the cost of
//! running a long execution; escaping large payloads into JSON twice (a state's Entered
//! input is the previous state's Exited output) made most of the rest.
//!
//! A line is `id TAB previous TAB timestamp TAB skeleton (TAB raw)* NL`, where the
//! skeleton is `type TAB refs TAB details`:
//! - `previous` is empty when it is `id - 1`;
//! - `timestamp` is microseconds since the epoch, `+micros` after the line before, or
//!   RFC 3339 text (lines migrated from schema 4);
//! - `details` is the compact JSON text of the details object (empty when there is none;
//!   compact JSON holds no raw tab or newline), and `refs` a comma-separated list naming
//!   its top-level string members stored outside it (each holds a number there in its
//!   place): `member=payload` for payload `payload`, plain `member` for the next `raw`
//!   field, the string itself unescaped (strings holding a tab or a newline stay in the
//!   JSON). Escaping JSON texts into JSON strings was most of the cost of writing an event;
//! - a skeleton seen before in the chunk is written `~n` (the n-th distinct one, up to
//!   SKELETONS): most events of a long execution repeat a few, and the bytes written
//!   (WAL, checkpoint) cost about as much as the instructions.
//!
//! A payload that shares most of its text with the one stored before it (a state's output
//! is often its input with a field added) is stored as a delta: the earlier payload's
//! first `prefix` and last `suffix` bytes around its own middle.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::packed::{pack, Packed};
use super::{Store, StoreError};
use crate::history::text::to_text;
use crate::history::HistoryEvent;

mod decode;
mod encode;

use decode::{parse_line, Payloads, ReadState};
use encode::chunk_text;
pub use encode::EventEncoder;

/// Strings at least this long are stored as payloads (shorter ones inline, where repeating
/// them costs less than a lookup).
const PAYLOAD_MIN: usize = 1024;

/// Payload ids are `event id * PAYLOADS_PER_EVENT + slot`: unique without a counter that
/// would have to survive between the processes that add events to one execution.
const PAYLOADS_PER_EVENT: i64 = 16;

/// One payload to store: whole (`base` is `None`) or as a delta on payload `base`.
#[derive(Debug, Clone, PartialEq)]
struct Payload {
    id: i64,
    base: Option<i64>,
    prefix: usize,
    suffix: usize,
    text: String,
}

/// An event ready to be stored: its line and the payloads it introduces.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRow {
    pub id: i64,
    previous_event_id: i64,
    micros: i64,
    /// `type TAB refs TAB details (TAB raw)*`.
    line: String,
    /// The length of its skeleton, `type TAB refs TAB details`.
    skeleton_len: usize,
    payloads: Vec<Payload>,
}

impl EventRow {
    /// The bytes this row holds (for batching).
    pub fn bytes(&self) -> usize {
        self.line.len() + self.payloads.iter().map(|p| p.text.len()).sum::<usize>()
    }
}

impl From<&HistoryEvent> for EventRow {
    fn from(event: &HistoryEvent) -> EventRow {
        EventEncoder::default().row(event)
    }
}

/// Payload id 0 (never an event's: those start at `PAYLOADS_PER_EVENT`) is the
/// execution's input, as its row keeps it: a payload equal to it, or a delta on it, costs
/// no second copy.
const INPUT_PAYLOAD: i64 = 0;

/// A chunk numbers at most this many distinct line skeletons.
const SKELETONS: usize = 256;

/// The compact JSON text of `value`, byte for byte what `serde_json::to_string` writes.
pub fn compact_text(value: &Value) -> String {
    to_text(value)
}

fn execution_id(conn: &Connection, execution_arn: &str) -> Result<Option<i64>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT id FROM executions WHERE arn = ?1")?
        .query_row(params![execution_arn], |r| r.get(0))
        .optional()?)
}

/// Stores `events` (consecutive, in id order) as one chunk, with the payloads they bring.
pub(super) fn insert(
    conn: &Connection,
    execution_arn: &str,
    events: &[EventRow],
) -> Result<(), StoreError> {
    let Some(first) = events.first() else {
        return Ok(());
    };
    let execution_id = execution_id(conn, execution_arn)?
        .ok_or(StoreError::Sql(rusqlite::Error::QueryReturnedNoRows))?;
    conn.prepare_cached(
        "INSERT INTO history_chunks (execution_id, first_id, count, events) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        execution_id,
        first.id,
        events.len() as i64,
        pack(&chunk_text(events))
    ])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO history_payloads (execution_id, id, base, prefix, suffix, text) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for p in events.iter().flat_map(|e| &e.payloads) {
        insert.execute(params![
            execution_id,
            p.id,
            p.base,
            p.prefix as i64,
            p.suffix as i64,
            pack(&p.text)
        ])?;
    }
    Ok(())
}

/// Drops the events of an execution from id `from` on: those its owner wrote ahead of the
/// state it saved last, before it died (the state is run again from there). Events are
/// written in whole chunks from a save on, so no chunk straddles `from`.
pub fn truncate(store: &Store, execution_arn: &str, from: i64) -> Result<(), StoreError> {
    let Some(execution_id) = execution_id(&store.conn, execution_arn)? else {
        return Ok(());
    };
    store.conn.execute(
        "DELETE FROM history_chunks WHERE execution_id = ?1 AND first_id >= ?2",
        params![execution_id, from],
    )?;
    store.conn.execute(
        "DELETE FROM history_payloads WHERE execution_id = ?1 AND id >= ?2",
        params![execution_id, from * PAYLOADS_PER_EVENT],
    )?;
    Ok(())
}

/// The number of history events of an execution.
pub fn count(store: &Store, execution_arn: &str) -> Result<i64, StoreError> {
    Ok(store.conn.query_row(
        "SELECT COALESCE(SUM(count), 0) FROM history_chunks \
         WHERE execution_id = (SELECT id FROM executions WHERE arn = ?1)",
        params![execution_arn],
        |r| r.get(0),
    )?)
}

/// One page of an execution's history: `limit` events after skipping `offset`, oldest
/// first or, with `reverse`, newest first. Reads only the chunks and payloads that page
/// needs, so paging through a long history costs little more than reading it once.
pub fn page(
    store: &Store,
    execution_arn: &str,
    reverse: bool,
    offset: usize,
    limit: usize,
) -> Result<Vec<HistoryEvent>, StoreError> {
    let conn = &store.conn;
    let Some(execution_id) = execution_id(conn, execution_arn)? else {
        return Ok(Vec::new());
    };
    let chunks: Vec<(i64, usize)> = conn
        .prepare_cached(
            "SELECT first_id, count FROM history_chunks WHERE execution_id = ?1 ORDER BY first_id",
        )?
        .query_map(params![execution_id], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as usize))
        })?
        .collect::<Result<_, _>>()?;
    let total: usize = chunks.iter().map(|c| c.1).sum();
    // The wanted positions, in oldest-first order: [lo, hi).
    let end = offset.saturating_add(limit);
    let (lo, hi) = if reverse {
        (total.saturating_sub(end), total.saturating_sub(offset))
    } else {
        (offset.min(total), end.min(total))
    };
    let mut events = Vec::with_capacity(hi - lo);
    let mut payloads = Payloads::new(conn, execution_id)?;
    let mut read_chunk = conn.prepare_cached(
        "SELECT events FROM history_chunks WHERE execution_id = ?1 AND first_id = ?2",
    )?;
    let mut start = 0;
    for (first_id, count) in chunks {
        let (from, to) = (lo.max(start), hi.min(start + count));
        if from < to {
            let text = read_chunk
                .query_row(params![execution_id, first_id], |r| r.get::<_, Packed>(0))?
                .into_string();
            // Lines refer to those before them in their chunk: read from its start.
            let mut state = ReadState::default();
            // Not `lines()`: a raw member may end with a carriage return.
            for (i, line) in text.split('\n').enumerate().take(to - start) {
                let line = state.expand(line);
                if start + i >= from {
                    events.push(parse_line(&line, &mut payloads)?);
                }
            }
        }
        start += count;
        if start >= hi {
            break;
        }
    }
    if reverse {
        events.reverse();
    }
    Ok(events)
}

#[cfg(test)]
mod tests;
