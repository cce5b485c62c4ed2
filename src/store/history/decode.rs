//! Stored chunk lines back into events: expanding a line against those before it in its
//! chunk, and reading the payloads it refers to.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::super::packed::Packed;
use super::super::StoreError;
use super::{INPUT_PAYLOAD, SKELETONS};
use crate::history::{Details, EventType, HistoryEvent};

/// Where the skeleton of `type TAB refs TAB details (TAB raw)*` ends: at its third tab.
fn skeleton_end(line: &str) -> usize {
    line.match_indices('\t')
        .nth(2)
        .map_or(line.len(), |(i, _)| i)
}

/// Reads payloads, keeping those read (consecutive events share them, deltas build on
/// them).
pub(super) struct Payloads<'c> {
    stmt: rusqlite::CachedStatement<'c>,
    conn: &'c Connection,
    execution_id: i64,
    read: HashMap<i64, String>,
}

impl<'c> Payloads<'c> {
    pub(super) fn new(conn: &'c Connection, execution_id: i64) -> Result<Self, StoreError> {
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

    pub(super) fn get(&mut self, id: i64) -> Result<String, StoreError> {
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
pub(super) struct ReadState {
    micros: i64,
    skeletons: Vec<String>,
}

impl ReadState {
    /// A stored line with the previous id, timestamp and skeleton written out in full
    /// (micros since the epoch, or RFC 3339 text as migrated lines have it).
    pub(super) fn expand(&mut self, line: &str) -> String {
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

pub(super) fn parse_line(line: &str, payloads: &mut Payloads) -> Result<HistoryEvent, StoreError> {
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
        Err(_) => super::super::executions::parse_date(text),
    }
    // Rows this store wrote always parse; a damaged one reads as the epoch.
    .unwrap_or_default()
}
