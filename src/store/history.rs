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
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::packed::{pack, Packed};
use super::{Store, StoreError};
use crate::history::text::{to_text, write_member, write_string};
use crate::history::{Details, EventType, HistoryEvent, Member};

/// Strings at least this long are stored as payloads (shorter ones inline, where repeating
/// them costs less than a lookup).
const PAYLOAD_MIN: usize = 1024;

/// Payload ids are `event id * PAYLOADS_PER_EVENT + slot`: unique without a counter that
/// would have to survive between the processes that add events to one execution.
const PAYLOADS_PER_EVENT: i64 = 16;

/// How many top-level members of an event's details may be stored outside its JSON.
const MEMBERS: usize = 16;

/// Where a top-level member of an event's details is stored.
#[derive(Clone, Copy, PartialEq)]
enum Stored {
    Inline,
    Raw,
    Payload(i64),
}

/// A payload is stored whole after this many deltas in a row, which bounds what reading
/// one costs.
const MAX_DELTAS: u32 = 16;

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

/// Turns the events of one execution into rows, in order, remembering the last payload so
/// that an equal one (the next state's input, the execution's output) is stored once.
#[derive(Default)]
pub struct EventEncoder {
    /// The last payload stored, unless `last_is_key` (then it is a spare buffer): its
    /// text is copied into a buffer kept from one payload to the next, as a new block
    /// of a large payload's size for each one cost more than the copy.
    last: Option<Last>,
    last_is_key: bool,
    /// The last payload stored whole: a delta on it is read in one step.
    key: Option<Last>,
}

/// Payload id 0 (never an event's: those start at `PAYLOADS_PER_EVENT`) is the
/// execution's input, as its row keeps it: a payload equal to it, or a delta on it, costs
/// no second copy.
const INPUT_PAYLOAD: i64 = 0;

impl EventEncoder {
    /// An encoder for the events of an execution whose row holds `input`: payloads may
    /// refer to it.
    pub fn for_input(input: Option<&str>) -> EventEncoder {
        let key = input
            .filter(|text| text.len() >= PAYLOAD_MIN)
            .map(|text| Last {
                text: text.to_string(),
                id: INPUT_PAYLOAD,
                deltas: 0,
            });
        EventEncoder {
            last: None,
            last_is_key: false,
            key,
        }
    }
}

/// A chunk numbers at most this many distinct line skeletons.
const SKELETONS: usize = 256;

/// A payload stored: its text, id and how many deltas lead to it.
struct Last {
    text: String,
    id: i64,
    deltas: u32,
}

impl EventEncoder {
    pub fn row(&mut self, event: &HistoryEvent) -> EventRow {
        let mut number = itoa::Buffer::new();
        let mut line = String::with_capacity(256);
        line.push_str(event.event_type.as_str());
        line.push('\t');
        let mut payloads = Vec::new();
        let mut skeleton_len = None;
        match event.details.as_ref().map(|d| (d, d.members())) {
            Some((_, Some(members))) => {
                // Each top-level string member: a payload, raw at the end of the line, or
                // (holding a tab or newline, or past the first MEMBERS) left in the JSON.
                // Fixed arrays, not vectors: this runs for every event.
                let mut stored = [Stored::Inline; MEMBERS];
                let (mut slots, mut any) = (0, false);
                for (i, (key, value)) in members.clone().enumerate().take(MEMBERS) {
                    let Member::Str(text) = value else { continue };
                    stored[i] = if text.len() >= PAYLOAD_MIN && slots < PAYLOADS_PER_EVENT {
                        let same = |stored: Option<&Last>| {
                            stored.filter(|p| p.text == *text).map(|p| p.id)
                        };
                        let id = match same(self.last()).or_else(|| same(self.key.as_ref())) {
                            Some(id) => id,
                            None => {
                                let id = event.id * PAYLOADS_PER_EVENT + slots;
                                payloads.push(self.payload(id, text));
                                id
                            }
                        };
                        slots += 1;
                        Stored::Payload(id)
                    } else if !text.bytes().any(|b| b == b'\n' || b == b'\t') {
                        Stored::Raw
                    } else {
                        continue;
                    };
                    if any {
                        line.push(',');
                    }
                    any = true;
                    line.push_str(key);
                    if let Stored::Payload(id) = stored[i] {
                        line.push('=');
                        line.push_str(number.format(id));
                    }
                }
                line.push('\t');
                let mut out = std::mem::take(&mut line).into_bytes();
                out.push(b'{');
                for (i, (key, value)) in members.clone().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write_string(&mut out, key);
                    out.push(b':');
                    match stored.get(i) {
                        Some(Stored::Payload(id)) => {
                            out.extend_from_slice(number.format(*id).as_bytes())
                        }
                        Some(Stored::Raw) => out.push(b'0'),
                        _ => write_member(&mut out, value),
                    }
                }
                out.push(b'}');
                skeleton_len = Some(out.len());
                for ((_, value), how) in members.zip(stored) {
                    if let (Stored::Raw, Member::Str(text)) = (how, value) {
                        out.push(b'\t');
                        out.extend_from_slice(text.as_bytes());
                    }
                }
                // Only whole `str`s and ASCII were written.
                line = String::from_utf8(out).unwrap_or_default();
            }
            Some((details, None)) => {
                // JSON details that are not an object (only `Json` has no members).
                line.push('\t');
                let mut out = std::mem::take(&mut line).into_bytes();
                if let Details::Json(value) = details {
                    write_member(&mut out, Member::Json(value));
                }
                line = String::from_utf8(out).unwrap_or_default();
            }
            None => line.push('\t'),
        }
        EventRow {
            id: event.id,
            previous_event_id: event.previous_event_id,
            // AWS keeps milliseconds.
            micros: event.timestamp.timestamp_millis() * 1000,
            skeleton_len: skeleton_len.unwrap_or(line.len()),
            line,
            payloads,
        }
    }
}

/// The text of a chunk of `rows`. Each line: the id, the previous id (empty when it is
/// the id before), the timestamp (`+micros` after the line before), then the row's
/// skeleton (`type TAB refs TAB details`) or `~n` for the chunk's n-th distinct one, then
/// its raw members.
fn chunk_text(rows: &[EventRow]) -> String {
    let mut text = String::with_capacity(rows.iter().map(|r| r.line.len() + 24).sum());
    let mut number = itoa::Buffer::new();
    let mut last_micros = None;
    let mut skeletons: HashMap<&str, usize, BuildHasherDefault<WordHasher>> = HashMap::default();
    for row in rows {
        text.push_str(number.format(row.id));
        text.push('\t');
        if row.previous_event_id != row.id - 1 {
            text.push_str(number.format(row.previous_event_id));
        }
        text.push('\t');
        match last_micros {
            Some(last) if row.micros >= last => {
                text.push('+');
                text.push_str(number.format(row.micros - last));
            }
            _ => text.push_str(number.format(row.micros)),
        }
        last_micros = Some(row.micros);
        text.push('\t');
        let (skeleton, raws) = row.line.split_at(row.skeleton_len.min(row.line.len()));
        match skeletons.get(skeleton) {
            Some(n) => {
                text.push('~');
                text.push_str(number.format(*n));
            }
            None => {
                if skeletons.len() < SKELETONS {
                    skeletons.insert(skeleton, skeletons.len());
                }
                text.push_str(skeleton);
            }
        }
        text.push_str(raws);
        text.push('\n');
    }
    text
}

/// A multiply-rotate hash over 8-byte words, for looking up a chunk's skeletons: SipHash
/// over each event's skeleton was a visible share of writing it. At most SKELETONS keys
/// per chunk bound what colliding ones could cost.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let mut last = [0u8; 8];
        let rest = words.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.0 =
            (self.0.rotate_left(5) ^ u64::from_le_bytes(last) ^ rest.len() as u64).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Where the skeleton of `type TAB refs TAB details (TAB raw)*` ends: at its third tab.
fn skeleton_end(line: &str) -> usize {
    line.match_indices('\t')
        .nth(2)
        .map_or(line.len(), |(i, _)| i)
}

impl EventEncoder {
    /// Stores `text` as payload `id`: as a delta when that saves at least half of it, on
    /// the last payload stored whole (the key: read back in one step) or on the last one
    /// stored (a chain, at most MAX_DELTAS long), whichever costs less counting the whole
    /// copy a chain ends with; whole otherwise.
    fn payload(&mut self, id: i64, text: &str) -> Payload {
        let on_key = self.key.as_ref().and_then(|key| delta(key, id, text));
        let on_last = self
            .last()
            .filter(|last| {
                last.deltas < MAX_DELTAS && Some(last.id) != self.key.as_ref().map(|k| k.id)
            })
            .and_then(|last| delta(last, id, text).map(|d| (d, last.deltas + 1)));
        let chosen = match (on_key, on_last) {
            (Some(k), Some((l, deltas))) => {
                // A chain's deltas each bear a share of the whole copy that ends it.
                if k.text.len() <= l.text.len() + text.len() / MAX_DELTAS as usize {
                    Some((k, 1))
                } else {
                    Some((l, deltas))
                }
            }
            (Some(k), None) => Some((k, 1)),
            (None, Some(l)) => Some(l),
            (None, None) => None,
        };
        match chosen {
            Some((payload, deltas)) => {
                let mut buffer = self.last.take().map(|l| l.text).unwrap_or_default();
                buffer.clear();
                buffer.push_str(text);
                self.last = Some(Last {
                    text: buffer,
                    id,
                    deltas,
                });
                self.last_is_key = false;
                payload
            }
            None => {
                let mut buffer = self.key.take().map(|k| k.text).unwrap_or_default();
                buffer.clear();
                buffer.push_str(text);
                self.key = Some(Last {
                    text: buffer,
                    id,
                    deltas: 0,
                });
                self.last_is_key = true;
                Payload {
                    id,
                    base: None,
                    prefix: 0,
                    suffix: 0,
                    text: text.to_string(),
                }
            }
        }
    }

    /// The last payload stored.
    fn last(&self) -> Option<&Last> {
        if self.last_is_key {
            self.key.as_ref()
        } else {
            self.last.as_ref()
        }
    }
}

/// `text` as payload `id`, a delta on `base`, if that saves at least half of it.
fn delta(base: &Last, id: i64, text: &str) -> Option<Payload> {
    let (old, new) = (base.text.as_bytes(), text.as_bytes());
    let mut prefix = common_prefix(old, new);
    while !text.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let mut suffix = common_suffix(&old[prefix..], &new[prefix..]);
    while !text.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    (prefix + suffix >= new.len() / 2).then(|| Payload {
        id,
        base: Some(base.id),
        prefix,
        suffix,
        text: text[prefix..new.len() - suffix].to_string(),
    })
}

/// The length of the longest common prefix of `a` and `b`.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let mut i = 0;
    // Whole blocks first: slice equality is a memcmp.
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// The length of the longest common suffix of `a` and `b`.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + BLOCK <= n && a[n - i - BLOCK..n - i] == b[n - i - BLOCK..n - i] {
        i += BLOCK;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

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

/// Reads payloads, keeping those read (consecutive events share them, deltas build on
/// them).
struct Payloads<'c> {
    stmt: rusqlite::CachedStatement<'c>,
    conn: &'c Connection,
    execution_id: i64,
    read: HashMap<i64, String>,
}

impl<'c> Payloads<'c> {
    fn new(conn: &'c Connection, execution_id: i64) -> Result<Self, StoreError> {
        Ok(Payloads {
            stmt: conn.prepare_cached(
                "SELECT base, prefix, suffix, text FROM history_payloads \
                 WHERE execution_id = ?1 AND id = ?2",
            )?,
            conn,
            execution_id,
            read: HashMap::new(),
        })
    }

    fn get(&mut self, id: i64) -> Result<String, StoreError> {
        // The chain of deltas down to a whole payload (or one read already).
        let mut chain: Vec<(i64, Option<i64>, usize, usize, String)> = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next.filter(|id| !self.read.contains_key(id)) {
            if id == INPUT_PAYLOAD {
                let input = execution_input(self.conn, self.execution_id)?;
                self.read.insert(id, input);
                break;
            }
            let row = self
                .stmt
                .query_row(params![self.execution_id, id], |r| {
                    Ok((
                        r.get::<_, Option<i64>>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Packed>(3)?.into_string(),
                    ))
                })
                .optional()?;
            let Some((base, prefix, suffix, text)) = row else {
                break;
            };
            next = base;
            chain.push((id, base, prefix as usize, suffix as usize, text));
        }
        for (id, base, prefix, suffix, text) in chain.into_iter().rev() {
            let whole = match base.and_then(|b| self.read.get(&b)) {
                Some(base) => {
                    let base = base.as_bytes();
                    let (prefix, suffix) = (prefix.min(base.len()), suffix.min(base.len()));
                    let mut out = Vec::with_capacity(prefix + text.len() + suffix);
                    out.extend_from_slice(&base[..prefix]);
                    out.extend_from_slice(text.as_bytes());
                    out.extend_from_slice(&base[base.len() - suffix..]);
                    String::from_utf8(out).unwrap_or_default()
                }
                None => text,
            };
            self.read.insert(id, whole);
        }
        Ok(self.read.get(&id).cloned().unwrap_or_default())
    }
}

/// The input of execution `execution_id` as its row keeps it (payload [`INPUT_PAYLOAD`]).
fn execution_input(conn: &Connection, execution_id: i64) -> Result<String, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT CASE WHEN t.execution_id IS NULL THEN e.input ELSE t.input END \
             FROM executions e LEFT JOIN execution_texts t ON t.execution_id = e.id \
             WHERE e.id = ?1",
        )?
        .query_row(params![execution_id], |r| r.get::<_, Option<Packed>>(0))
        .optional()?
        .flatten()
        .map(Packed::into_string)
        .unwrap_or_default())
}

/// The lines read so far in a chunk: what the next one may refer to.
#[derive(Default)]
struct ReadState {
    micros: i64,
    skeletons: Vec<String>,
}

impl ReadState {
    /// A stored line with the previous id, timestamp and skeleton written out in full
    /// (micros since the epoch, or RFC 3339 text as migrated lines have it).
    fn expand(&mut self, line: &str) -> String {
        let mut fields = line.splitn(4, '\t');
        let mut next = || fields.next().unwrap_or_default();
        let (id_text, previous, time, rest) = (next(), next(), next(), next());
        let id: i64 = id_text.parse().unwrap_or_default();
        let previous = match previous {
            "" => (id - 1).to_string(),
            text => text.to_string(),
        };
        let time = match time.strip_prefix('+') {
            Some(delta) => {
                self.micros += delta.parse::<i64>().unwrap_or_default();
                self.micros.to_string()
            }
            None => {
                if let Ok(micros) = time.parse() {
                    self.micros = micros;
                }
                time.to_string()
            }
        };
        let rest = match rest.strip_prefix('~') {
            Some(reference) => {
                let (n, raws) = reference.split_at(reference.find('\t').unwrap_or(reference.len()));
                let skeleton = n
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| self.skeletons.get(n))
                    .map_or("", String::as_str);
                format!("{skeleton}{raws}")
            }
            None => {
                if self.skeletons.len() < SKELETONS {
                    self.skeletons.push(rest[..skeleton_end(rest)].to_string());
                }
                rest.to_string()
            }
        };
        format!("{id_text}\t{previous}\t{time}\t{rest}")
    }
}

fn parse_line(line: &str, payloads: &mut Payloads) -> Result<HistoryEvent, StoreError> {
    let mut fields = line.splitn(6, '\t');
    let mut next = || fields.next().unwrap_or_default();
    let id = next().parse().unwrap_or_default();
    let previous_event_id = next().parse().unwrap_or_default();
    let timestamp = parse_timestamp(next());
    let event_type: EventType = next().parse()?;
    let refs = next();
    // The details JSON (which holds no tab), then the raw members in order.
    let mut rest = next().split('\t');
    let details_text = rest.next().unwrap_or_default();
    let mut details = (!details_text.is_empty())
        .then(|| serde_json::from_str::<Value>(details_text).ok())
        .flatten();
    if let Some(Value::Object(members)) = &mut details {
        for r in refs.split(',').filter(|r| !r.is_empty()) {
            let value = match r.split_once('=') {
                Some((key, payload)) => payload
                    .parse()
                    .ok()
                    .map(|p| payloads.get(p).map(|text| (key, text)))
                    .transpose()?,
                None => rest.next().map(|text| (r, text.to_string())),
            };
            if let Some((key, text)) = value {
                if let Some(slot) = members.get_mut(key) {
                    *slot = Value::String(text);
                }
            }
        }
    }
    Ok(HistoryEvent {
        id,
        previous_event_id,
        timestamp,
        event_type,
        details: details.map(Details::Json),
    })
}

fn parse_timestamp(text: &str) -> DateTime<Utc> {
    match text.parse::<i64>() {
        Ok(micros) => DateTime::from_timestamp_micros(micros),
        Err(_) => super::executions::parse_date(text),
    }
    // Rows this store wrote always parse; a damaged one reads as the epoch.
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::executions::{append_events, insert as insert_execution, ExecutionRecord};
    use super::*;
    use serde_json::json;

    fn store_with_execution() -> Store {
        let store = Store::in_memory().unwrap();
        insert_execution(
            &store,
            &ExecutionRecord {
                arn: "arn:e".into(),
                state_machine_arn: "arn:sm".into(),
                name: "e".into(),
                status: "RUNNING".into(),
                start_date: "2026-01-01T00:00:00.000000Z".into(),
                definition: "{}".into(),
                role_arn: "arn:role".into(),
                ..Default::default()
            },
        )
        .unwrap();
        store
    }

    fn event(id: i64, details: Option<Value>) -> HistoryEvent {
        HistoryEvent {
            id,
            previous_event_id: id - 1,
            // Milliseconds, as AWS keeps (and the store writes) them.
            timestamp: DateTime::from_timestamp_millis(1_700_000_000_123 + id).unwrap(),
            event_type: crate::history::EventType::PassStateEntered,
            details: details.map(Details::Json),
        }
    }

    #[test]
    fn pages_run_across_chunks_both_ways() {
        let store = store_with_execution();
        let all: Vec<HistoryEvent> = (1..=25)
            .map(|id| event(id, Some(json!({"name": format!("S{id}"), "input": "{}"}))))
            .collect();
        let mut encoder = EventEncoder::default();
        for batch in all.chunks(7) {
            let rows: Vec<EventRow> = batch.iter().map(|e| encoder.row(e)).collect();
            append_events(&store, "arn:e", &rows).unwrap();
        }
        assert_eq!(count(&store, "arn:e").unwrap(), 25);
        assert_eq!(page(&store, "arn:e", false, 0, usize::MAX).unwrap(), all);
        let ids = |reverse, offset, limit| -> Vec<i64> {
            page(&store, "arn:e", reverse, offset, limit)
                .unwrap()
                .iter()
                .map(|e| e.id)
                .collect()
        };
        assert_eq!(ids(false, 5, 4), vec![6, 7, 8, 9]);
        assert_eq!(ids(false, 23, 10), vec![24, 25]);
        assert_eq!(ids(false, 30, 10), Vec::<i64>::new());
        assert_eq!(ids(true, 0, 3), vec![25, 24, 23]);
        assert_eq!(ids(true, 20, 10), vec![5, 4, 3, 2, 1]);
        assert_eq!(ids(true, 6, 2), vec![19, 18]);
        assert!(page(&store, "arn:missing", false, 0, 10)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn chunks_and_payloads_are_stored_compressed() {
        let store = store_with_execution();
        let payload = format!("[{}]", r#"{"id":1,"label":"item"},"#.repeat(PAYLOAD_MIN));
        let all: Vec<HistoryEvent> = (1..=60)
            .map(|id| {
                let input = if id == 1 {
                    payload.clone()
                } else {
                    format!("{{\"n\":{id}}}")
                };
                event(id, Some(json!({"name": format!("S{id}"), "input": input})))
            })
            .collect();
        let mut encoder = EventEncoder::default();
        let rows: Vec<EventRow> = all.iter().map(|e| encoder.row(e)).collect();
        append_events(&store, "arn:e", &rows).unwrap();
        let kind = |sql: &str| -> String { store.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(kind("SELECT typeof(events) FROM history_chunks"), "blob");
        assert_eq!(kind("SELECT typeof(text) FROM history_payloads"), "blob");
        assert_eq!(page(&store, "arn:e", false, 0, usize::MAX).unwrap(), all);
    }

    #[test]
    fn long_payloads_are_stored_once_and_read_back_whole() {
        let store = store_with_execution();
        let payload = format!("{{\"a\":\"{}\\n\\\"\"}}", "é\t".repeat(PAYLOAD_MIN));
        let other = "x".repeat(PAYLOAD_MIN);
        let events = vec![
            event(
                1,
                Some(json!({"input": payload, "inputDetails": {"truncated": false}})),
            ),
            event(2, Some(json!({"name": "A", "input": payload, "x": 1.5}))),
            event(3, Some(json!({"name": "A", "output": other, "n": null}))),
            event(
                4,
                Some(json!({"name": "B", "input": other, "extra": payload})),
            ),
            event(5, None),
        ];
        let mut encoder = EventEncoder::default();
        let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
        let stored: Vec<usize> = rows.iter().map(|r| r.payloads.len()).collect();
        assert_eq!(stored, vec![1, 0, 1, 1, 0]);
        assert!(rows.iter().all(|r| r.bytes() < payload.len() + 200));
        append_events(&store, "arn:e", &rows[..2]).unwrap();
        append_events(&store, "arn:e", &rows[2..]).unwrap();
        let read = page(&store, "arn:e", false, 0, 10).unwrap();
        assert_eq!(read, events);
        // Member order survives (it is what get-execution-history prints).
        assert_eq!(
            compact_text(&read[3].details.as_ref().unwrap().to_value()),
            compact_text(&events[3].details.as_ref().unwrap().to_value())
        );
    }

    #[test]
    fn payloads_that_grow_are_stored_as_deltas() {
        let store = store_with_execution();
        // Each output adds a field to the input, as Pass states with a ResultPath do; a
        // multi-byte character sits where two of them differ.
        let mut text = format!("{{\"records\":\"{}\"}}", "ab".repeat(PAYLOAD_MIN));
        let mut events = Vec::new();
        for i in 0..40 {
            text.insert_str(
                text.len() - 1,
                &format!(",\"s{i}\":\"é{}\"", "ü".repeat(i % 3)),
            );
            events.push(event(
                2 * i as i64 + 1,
                Some(json!({"name": "S", "output": text})),
            ));
            events.push(event(
                2 * i as i64 + 2,
                Some(json!({"name": "T", "input": text})),
            ));
        }
        let mut encoder = EventEncoder::default();
        let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
        let payloads: Vec<&Payload> = rows.iter().flat_map(|r| &r.payloads).collect();
        assert_eq!(payloads.len(), 40);
        let whole = payloads.iter().filter(|p| p.base.is_none()).count();
        assert_eq!(whole, 1, "the first only: the others are deltas on it");
        let stored: usize = payloads.iter().map(|p| p.text.len()).sum();
        assert!(stored < text.len() + 40 * 40, "{stored}");
        // Each delta builds on the whole one or on a chain shorter than MAX_DELTAS.
        let depth = |p: &Payload| {
            let (mut n, mut base) = (0, p.base);
            while let Some(id) = base {
                base = payloads.iter().find(|q| q.id == id).unwrap().base;
                n += 1;
            }
            n
        };
        assert!(payloads.iter().all(|p| depth(p) <= MAX_DELTAS as usize));
        for batch in rows.chunks(9) {
            append_events(&store, "arn:e", batch).unwrap();
        }
        assert_eq!(page(&store, "arn:e", false, 0, 1000).unwrap(), events);
        // One event alone, from the middle of a chain.
        let one = page(&store, "arn:e", true, 10, 1).unwrap();
        assert_eq!(one, vec![events[69].clone()]);
    }

    #[test]
    fn payloads_equal_to_or_built_on_the_execution_input_refer_to_it() {
        let store = Store::in_memory().unwrap();
        let input = format!("{{\"records\":\"{}\",\"é\":1}}", "ab".repeat(PAYLOAD_MIN));
        insert_execution(
            &store,
            &ExecutionRecord {
                arn: "arn:e".into(),
                state_machine_arn: "arn:sm".into(),
                name: "e".into(),
                status: "RUNNING".into(),
                start_date: "2026-01-01T00:00:00.000000Z".into(),
                input: Some(input.clone()),
                definition: "{}".into(),
                role_arn: "arn:role".into(),
                ..Default::default()
            },
        )
        .unwrap();
        let mut grown = input.clone();
        grown.insert_str(grown.len() - 1, ",\"step1\":{\"n\":1}");
        let events = vec![
            event(
                1,
                Some(json!({"input": input, "inputDetails": {"truncated": false}})),
            ),
            event(2, Some(json!({"name": "S1", "input": input}))),
            event(3, Some(json!({"name": "S1", "output": grown}))),
            event(4, Some(json!({"output": grown}))),
        ];
        let mut encoder = EventEncoder::for_input(Some(&input));
        let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
        assert!(rows[0].line.contains("input=0"), "{}", rows[0].line);
        assert!(rows[1].line.contains("input=0"), "{}", rows[1].line);
        let payloads: Vec<&Payload> = rows.iter().flat_map(|r| &r.payloads).collect();
        assert_eq!(payloads.len(), 1);
        assert_eq!(payloads[0].base, Some(INPUT_PAYLOAD));
        assert!(payloads[0].text.len() < 40);
        append_events(&store, "arn:e", &rows[..2]).unwrap();
        append_events(&store, "arn:e", &rows[2..]).unwrap();
        assert_eq!(page(&store, "arn:e", false, 0, 10).unwrap(), events);
        assert_eq!(
            page(&store, "arn:e", true, 0, 1).unwrap(),
            vec![events[3].clone()]
        );
        // Short inputs stay in the lines.
        assert!(EventEncoder::for_input(Some("{}")).key.is_none());
    }

    #[test]
    fn payloads_changed_far_apart_are_chained() {
        let store = store_with_execution();
        // Each payload changes one byte, further along each time: on the first (whole) one
        // the delta would grow to most of the text, on the one before it stays one byte.
        let mut bytes: Vec<u8> = "abcdefgh".repeat(PAYLOAD_MIN).into_bytes();
        let mut events = Vec::new();
        for i in 0..40usize {
            let at = (i * 211) % bytes.len();
            bytes[at] = b'0' + (i % 10) as u8;
            let text = String::from_utf8(bytes.clone()).unwrap();
            events.push(event(
                i as i64 + 1,
                Some(json!({"name": "S", "output": text})),
            ));
        }
        let mut encoder = EventEncoder::default();
        let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
        let payloads: Vec<&Payload> = rows.iter().flat_map(|r| &r.payloads).collect();
        let len = bytes.len();
        assert!(payloads
            .iter()
            .all(|p| p.base.is_none() || p.text.len() <= len / 2));
        // Mostly one-byte deltas on the payload before.
        let small = payloads.iter().filter(|p| p.text.len() < 8).count();
        assert!(small >= 30, "{small}");
        let stored: usize = payloads.iter().map(|p| p.text.len()).sum();
        assert!(stored < 3 * len, "{stored}");
        for batch in rows.chunks(7) {
            append_events(&store, "arn:e", batch).unwrap();
        }
        assert_eq!(page(&store, "arn:e", false, 0, 100).unwrap(), events);
        assert_eq!(
            page(&store, "arn:e", true, 3, 1).unwrap(),
            vec![events[36].clone()]
        );
    }

    #[test]
    fn strings_are_stored_raw_unless_they_hold_a_tab_or_a_newline() {
        let store = store_with_execution();
        let events = vec![
            event(
                1,
                Some(json!({"input": "{\"a\":\"\\\"q\"}", "n": 1, "e": "", "cr": "x\r"})),
            ),
            event(
                2,
                Some(json!({"name": "T\tab", "output": "line\nbreak", "z": "é😀"})),
            ),
            event(3, Some(json!({"nested": {"s": "x"}, "list": ["a"]}))),
        ];
        let mut encoder = EventEncoder::default();
        let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
        assert!(rows[0].line.contains("\tinput,e,cr\t"), "{}", rows[0].line);
        assert!(rows[1].line.contains("\tz\t"), "{}", rows[1].line);
        append_events(&store, "arn:e", &rows).unwrap();
        assert_eq!(page(&store, "arn:e", false, 0, 10).unwrap(), events);
        assert_eq!(
            page(&store, "arn:e", true, 1, 1).unwrap(),
            vec![events[1].clone()]
        );
    }

    #[test]
    fn lines_refer_to_earlier_lines_of_their_chunk() {
        let store = store_with_execution();
        let mut events: Vec<HistoryEvent> = (1..=6)
            .map(|id| event(id, Some(json!({"name": format!("S{id}"), "input": "{}"}))))
            .collect();
        events[2].previous_event_id = 1;
        events[3].timestamp = events[1].timestamp; // the clock went back
        events[4].details = None;
        let mut encoder = EventEncoder::default();
        let rows: Vec<EventRow> = events.iter().map(|e| encoder.row(e)).collect();
        let text = chunk_text(&rows);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("1\t\t1700000000124000\tPassStateEntered\t"));
        assert_eq!(lines[1], "2\t\t+1000\t~0\tS2\t{}");
        assert!(lines[2].starts_with("3\t1\t+1000\t~0\t"));
        assert!(lines[3].starts_with("4\t\t1700000000125000\t~0\t"));
        append_events(&store, "arn:e", &rows[..3]).unwrap();
        append_events(&store, "arn:e", &rows[3..]).unwrap();
        assert_eq!(page(&store, "arn:e", false, 0, 10).unwrap(), events);
        assert_eq!(
            page(&store, "arn:e", true, 0, 2).unwrap(),
            vec![events[5].clone(), events[4].clone()]
        );
        assert_eq!(
            page(&store, "arn:e", false, 4, 1).unwrap(),
            vec![events[4].clone()]
        );
    }

    #[test]
    fn typed_details_are_stored_as_their_json_would_be() {
        use crate::history::Details;
        let long = format!("{{\"k\":\"{}\"}}", "ab".repeat(PAYLOAD_MIN));
        let mut shapes: Vec<Details> = crate::history::details_shapes();
        shapes.extend([
            Details::StateEntered {
                name: "Big".into(),
                input: long.clone(),
            },
            Details::StateExited {
                name: "Big".into(),
                output: format!("{long} "),
                assigned: vec![("v".into(), long.clone())],
            },
            Details::Output {
                output: long.clone(),
            },
        ]);
        let typed: Vec<HistoryEvent> = shapes
            .into_iter()
            .zip(1..)
            .map(|(details, id)| HistoryEvent {
                details: Some(details),
                ..event(id, None)
            })
            .collect();
        let json: Vec<HistoryEvent> = typed
            .iter()
            .map(|e| HistoryEvent {
                details: e.details.as_ref().map(|d| Details::Json(d.to_value())),
                ..e.clone()
            })
            .collect();
        let (mut a, mut b) = (EventEncoder::default(), EventEncoder::default());
        let rows: Vec<EventRow> = typed.iter().map(|e| a.row(e)).collect();
        let json_rows: Vec<EventRow> = json.iter().map(|e| b.row(e)).collect();
        assert_eq!(rows, json_rows);
        assert!(rows.iter().any(|r| !r.payloads.is_empty()));
        let store = store_with_execution();
        append_events(&store, "arn:e", &rows).unwrap();
        let read = page(&store, "arn:e", false, 0, 100).unwrap();
        assert_eq!(read, typed);
        for (read, json) in read.iter().zip(&json) {
            let text = |e: &HistoryEvent| compact_text(&e.details.as_ref().unwrap().to_value());
            assert_eq!(text(read), text(json));
        }
    }

    #[test]
    fn common_prefix_and_suffix() {
        let a: Vec<u8> = (0..200).map(|i| (i % 7) as u8).collect();
        let mut b = a.clone();
        b[130] = 99;
        assert_eq!(common_prefix(&a, &b), 130);
        assert_eq!(common_suffix(&a, &b), 69);
        assert_eq!(common_prefix(&a, &a[..150]), 150);
        assert_eq!(common_suffix(&a, &a[50..]), 150);
        assert_eq!(common_prefix(b"", b"x"), 0);
        assert_eq!(common_suffix(b"xy", b"y"), 1);
    }
}
