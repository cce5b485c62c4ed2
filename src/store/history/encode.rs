//! Events into rows, and rows into the text of a chunk: member placement, payload deltas
//! and skeleton numbering.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::{EventRow, Payload, INPUT_PAYLOAD, PAYLOADS_PER_EVENT, PAYLOAD_MIN, SKELETONS};
use crate::history::text::{write_member, write_string};
use crate::history::{Details, HistoryEvent, Member};

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
pub(super) const MAX_DELTAS: u32 = 16;

/// Turns the events of one execution into rows, in order, remembering the last payload so
/// that an equal one (the next state's input, the execution's output) is stored once.
#[derive(Default)]
pub struct EventEncoder {
    last: Option<Last>,
    /// The last payload stored whole: a delta on it is read in one step.
    pub(super) key: Option<Last>,
}

impl EventEncoder {
    /// An encoder for the events of an execution whose row holds `input`: payloads may
    /// refer to it.
    pub fn for_input(input: Option<&str>) -> EventEncoder {
        let key = input
            .filter(|text| text.len() >= PAYLOAD_MIN)
            .map(|text| Last {
                text: Arc::from(text),
                id: INPUT_PAYLOAD,
                deltas: 0,
            });
        EventEncoder { last: None, key }
    }
}

/// A payload stored: its text (shared when the last one is the key), id and how many
/// deltas lead to it.
pub(super) struct Last {
    text: Arc<str>,
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
                        let same = |stored: &Option<Last>| {
                            stored.as_ref().filter(|p| *p.text == *text).map(|p| p.id)
                        };
                        let id = match same(&self.last).or_else(|| same(&self.key)) {
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
pub(super) fn chunk_text(rows: &[EventRow]) -> String {
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

impl EventEncoder {
    /// Stores `text` as payload `id`: as a delta when that saves at least half of it, on
    /// the last payload stored whole (the key: read back in one step) or on the last one
    /// stored (a chain, at most MAX_DELTAS long), whichever costs less counting the whole
    /// copy a chain ends with; whole otherwise.
    fn payload(&mut self, id: i64, text: &str) -> Payload {
        let on_key = self.key.as_ref().and_then(|key| delta(key, id, text));
        let on_last = self
            .last
            .as_ref()
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
        let shared: Arc<str> = Arc::from(text);
        let (payload, deltas) = match chosen {
            Some(chosen) => chosen,
            None => {
                self.key = Some(Last {
                    text: shared.clone(),
                    id,
                    deltas: 0,
                });
                (
                    Payload {
                        id,
                        base: None,
                        prefix: 0,
                        suffix: 0,
                        text: text.to_string(),
                    },
                    0,
                )
            }
        };
        self.last = Some(Last {
            text: shared,
            id,
            deltas,
        });
        payload
    }
}

/// `text` as payload `id`, a delta on `base`, if that saves at least half of it.
pub(super) fn delta(base: &Last, id: i64, text: &str) -> Option<Payload> {
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
pub(super) fn common_prefix(a: &[u8], b: &[u8]) -> usize {
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
pub(super) fn common_suffix(a: &[u8], b: &[u8]) -> usize {
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
