//! Executions and their history events.
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::packed::{pack_opt, Packed};
use super::{Store, StoreError};
use crate::history::HistoryEvent;

/// One row of `executions`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExecutionRecord {
    pub arn: String,
    pub state_machine_arn: String,
    pub name: String,
    pub status: String,
    /// RFC 3339 (UTC, microseconds).
    pub start_date: String,
    pub stop_date: Option<String>,
    pub input: Option<String>,
    pub output: Option<String>,
    pub error: Option<String>,
    pub cause: Option<String>,
    pub trace_header: Option<String>,
    pub state_machine_version_arn: Option<String>,
    pub state_machine_alias_arn: Option<String>,
    pub redrive_count: i64,
    pub redrive_date: Option<String>,
    pub definition: String,
    pub role_arn: String,
    /// The serialized engine state of a running (parked) execution.
    pub engine_state: Option<String>,
    /// Bumped by every save: what a save compares against (`store::leases`).
    pub version: i64,
}

/// The state machine fields an execution needs, read from `state_machines`.
#[derive(Debug, Clone, PartialEq)]
pub struct MachineForExecution {
    pub arn: String,
    pub name: String,
    pub machine_type: String,
    pub definition: String,
    pub role_arn: String,
    pub creation_date: String,
    pub update_date: Option<String>,
    pub revision_id: Option<String>,
}

/// Storage form of a timestamp.
pub fn date_text(at: DateTime<Utc>) -> String {
    // AWS keeps milliseconds.
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub use super::history::{compact_text, EventEncoder, EventRow};

/// Parses a stored timestamp.
pub fn parse_date(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|d| d.with_timezone(&Utc))
}

const COLUMNS: &str =
    "arn, state_machine_arn, name, status, start_date, stop_date, input, output, \
    error, cause, trace_header, state_machine_version_arn, state_machine_alias_arn, redrive_count, \
    redrive_date, definition, role_arn, engine_state";
/// [`COLUMNS`] and the row's version, for reading from [`FROM_EXECUTIONS`]: the input and
/// definition from `execution_texts` and `definitions` where the row has them there (rows
/// written before schema 9 keep them in their own columns).
const READ_COLUMNS: &str =
    "e.arn, e.state_machine_arn, e.name, e.status, e.start_date, e.stop_date, \
    CASE WHEN t.execution_id IS NULL THEN e.input ELSE t.input END, e.output, \
    e.error, e.cause, e.trace_header, e.state_machine_version_arn, e.state_machine_alias_arn, \
    e.redrive_count, e.redrive_date, COALESCE(d.text, e.definition), e.role_arn, e.engine_state, \
    e.version";
/// The executions (`e`) with their texts.
const FROM_EXECUTIONS: &str = "executions e \
    LEFT JOIN execution_texts t ON t.execution_id = e.id \
    LEFT JOIN definitions d ON d.id = t.definition_id";

fn from_row(row: &Row) -> rusqlite::Result<ExecutionRecord> {
    Ok(ExecutionRecord {
        arn: row.get(0)?,
        state_machine_arn: row.get(1)?,
        name: row.get(2)?,
        status: row.get(3)?,
        start_date: row.get(4)?,
        stop_date: row.get(5)?,
        input: row.get::<_, Option<Packed>>(6)?.map(Packed::into_string),
        output: row.get::<_, Option<Packed>>(7)?.map(Packed::into_string),
        error: row.get(8)?,
        cause: row.get(9)?,
        trace_header: row.get(10)?,
        state_machine_version_arn: row.get(11)?,
        state_machine_alias_arn: row.get(12)?,
        redrive_count: row.get(13)?,
        redrive_date: row.get(14)?,
        definition: row.get(15)?,
        role_arn: row.get(16)?,
        engine_state: row.get::<_, Option<Packed>>(17)?.map(Packed::into_string),
        version: row.get(18)?,
    })
}

/// The state machine an execution is started on (`None` when it does not exist).
pub fn machine(store: &Store, arn: &str) -> Result<Option<MachineForExecution>, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT arn, name, type, definition, role_arn, creation_date, update_date, revision_id \
             FROM state_machines WHERE arn = ?1",
            params![arn],
            |r| {
                Ok(MachineForExecution {
                    arn: r.get(0)?,
                    name: r.get(1)?,
                    machine_type: r.get(2)?,
                    definition: r.get(3)?,
                    role_arn: r.get(4)?,
                    creation_date: r.get(5)?,
                    update_date: r.get(6)?,
                    revision_id: r.get(7)?,
                })
            },
        )
        .optional()?)
}

/// A state machine ARN as StartExecution accepts it: plain, a version (`<arn>:<n>`) or
/// an alias (`<arn>:<alias>`, routed by weight).
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedMachine {
    pub machine: MachineForExecution,
    pub version_arn: Option<String>,
    pub alias_arn: Option<String>,
}

/// Resolves `arn` (plain or version); `None` when nothing matches.
pub fn resolve(store: &Store, arn: &str) -> Result<Option<ResolvedMachine>, StoreError> {
    if let Some(m) = machine(store, arn)? {
        return Ok(Some(ResolvedMachine {
            machine: m,
            version_arn: None,
            alias_arn: None,
        }));
    }
    let Some((base, qualifier)) = arn.rsplit_once(':') else {
        return Ok(None);
    };
    let Some(mut base_machine) = machine(store, base)? else {
        return Ok(None);
    };
    // Aliases are routed by api::aliases, which resolves the version it picks here.
    if !qualifier.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let version_arn = arn.to_string();
    let version: Option<(String, String)> = store
        .conn
        .query_row(
            "SELECT definition, role_arn FROM state_machine_versions WHERE arn = ?1",
            params![version_arn],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((definition, role_arn)) = version else {
        return Ok(None);
    };
    base_machine.definition = definition;
    base_machine.role_arn = role_arn;
    Ok(Some(ResolvedMachine {
        machine: base_machine,
        version_arn: Some(version_arn),
        alias_arn: None,
    }))
}

pub fn insert(store: &Store, record: &ExecutionRecord) -> Result<(), StoreError> {
    // The input and definition go to `execution_texts` (see migration 9): the row's own
    // columns stay empty.
    let id: i64 = store
        .conn
        .prepare_cached(&format!(
            "INSERT INTO executions ({COLUMNS}) VALUES \
             (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, '', ?15, ?16) \
             RETURNING id"
        ))?
        .query_row(
            params![
                record.arn,
                record.state_machine_arn,
                record.name,
                record.status,
                record.start_date,
                record.stop_date,
                pack_opt(record.output.as_deref()),
                record.error,
                record.cause,
                record.trace_header,
                record.state_machine_version_arn,
                record.state_machine_alias_arn,
                record.redrive_count,
                record.redrive_date,
                record.role_arn,
                pack_opt(record.engine_state.as_deref()),
            ],
            |r| r.get(0),
        )?;
    let definition = definition_id(store, &record.definition)?;
    store
        .conn
        .prepare_cached(
            "INSERT INTO execution_texts (execution_id, input, definition_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![id, pack_opt(record.input.as_deref()), definition])?;
    Ok(())
}

/// The id of `definition` in `definitions`, stored now if it is not there yet.
fn definition_id(store: &Store, definition: &str) -> Result<i64, StoreError> {
    let hash = text_hash(definition);
    let found = store
        .conn
        .prepare_cached("SELECT id FROM definitions WHERE hash = ?1 AND text = ?2")?
        .query_row(params![hash, definition], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    Ok(store
        .conn
        .prepare_cached("INSERT INTO definitions (hash, text) VALUES (?1, ?2) RETURNING id")?
        .query_row(params![hash, definition], |r| r.get(0))?)
}

/// A stable 64-bit hash of a text (FNV-1a over 8-byte words): it only narrows the search,
/// texts are compared in full.
fn text_hash(text: &str) -> i64 {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let bytes = text.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
        hash = (hash ^ word).wrapping_mul(PRIME).rotate_left(29);
    }
    for &b in words.remainder() {
        hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
    }
    hash as i64
}

/// Writes the outcome columns of an execution and appends `events`, in one transaction.
pub fn save_progress(
    store: &Store,
    record: &ExecutionRecord,
    events: &[EventRow],
) -> Result<(), StoreError> {
    let tx = super::activities::Tx::begin(store)?;
    store.conn.execute(
        "UPDATE executions SET status = ?2, stop_date = ?3, output = ?4, error = ?5, cause = ?6, \
         engine_state = ?7, redrive_count = ?8, redrive_date = ?9, version = version + 1 \
         WHERE arn = ?1",
        params![
            record.arn,
            record.status,
            record.stop_date,
            pack_opt(record.output.as_deref()),
            record.error,
            record.cause,
            pack_opt(record.engine_state.as_deref()),
            record.redrive_count,
            record.redrive_date,
        ],
    )?;
    insert_events(&store.conn, &record.arn, events)?;
    tx.commit()
}

/// Appends a batch of events in one transaction.
pub fn append_events(
    store: &Store,
    execution_arn: &str,
    events: &[EventRow],
) -> Result<(), StoreError> {
    let tx = super::activities::Tx::begin(store)?;
    insert_events(&store.conn, execution_arn, events)?;
    tx.commit()
}

fn insert_events(
    conn: &rusqlite::Connection,
    execution_arn: &str,
    events: &[EventRow],
) -> Result<(), StoreError> {
    super::history::insert(conn, execution_arn, events)
}

pub fn get(store: &Store, arn: &str) -> Result<Option<ExecutionRecord>, StoreError> {
    Ok(store
        .conn
        .query_row(
            &format!("SELECT {READ_COLUMNS} FROM {FROM_EXECUTIONS} WHERE e.arn = ?1"),
            params![arn],
            from_row,
        )
        .optional()?)
}

/// Executions of a state machine, newest first, optionally with one status.
pub fn list(
    store: &Store,
    state_machine_arn: &str,
    status: Option<&str>,
) -> Result<Vec<ExecutionRecord>, StoreError> {
    let mut stmt = store.conn.prepare(&format!(
        "SELECT {READ_COLUMNS} FROM {FROM_EXECUTIONS} WHERE e.state_machine_arn = ?1 \
         AND (?2 IS NULL OR e.status = ?2) ORDER BY e.start_date DESC, e.id DESC"
    ))?;
    let rows = stmt.query_map(params![state_machine_arn, status], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The whole history of an execution, in id order.
pub fn events(store: &Store, arn: &str) -> Result<Vec<HistoryEvent>, StoreError> {
    events_page(store, arn, false, 0, usize::MAX)
}

/// One page of an execution's history: `limit` events after skipping `offset`, oldest
/// first or, with `reverse`, newest first. Reads only that page, so paging through a
/// long history costs no more than reading it once.
pub fn events_page(
    store: &Store,
    arn: &str,
    reverse: bool,
    offset: usize,
    limit: usize,
) -> Result<Vec<HistoryEvent>, StoreError> {
    super::history::page(store, arn, reverse, offset, limit)
}

/// The newest top-level executions (Distributed Map children left out), across state
/// machines or of one, optionally with one status and a name prefix: what people list
/// and pick executions from by name.
pub fn recent(
    store: &Store,
    state_machine_arn: Option<&str>,
    status: Option<&str>,
    name_prefix: Option<&str>,
    limit: usize,
) -> Result<Vec<ExecutionRecord>, StoreError> {
    let mut stmt = store.conn.prepare(&format!(
        "SELECT {READ_COLUMNS} FROM {FROM_EXECUTIONS} WHERE instr(e.state_machine_arn, '/') = 0 \
         AND (?1 IS NULL OR e.state_machine_arn = ?1) AND (?2 IS NULL OR e.status = ?2) \
         AND (?3 IS NULL OR substr(e.name, 1, length(?3)) = ?3) \
         ORDER BY e.start_date DESC, e.id DESC LIMIT ?4"
    ))?;
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = stmt.query_map(
        params![state_machine_arn, status, name_prefix, limit],
        from_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    #[test]
    fn stores_executions_and_events() {
        let store = Store::in_memory().unwrap();
        let mut record = ExecutionRecord {
            arn: "arn:e".into(),
            state_machine_arn: "arn:sm".into(),
            name: "e".into(),
            status: "RUNNING".into(),
            start_date: date_text(Utc::now()),
            definition: "{}".into(),
            role_arn: "arn:role".into(),
            ..Default::default()
        };
        insert(&store, &record).unwrap();
        record.status = "SUCCEEDED".into();
        let event = HistoryEvent {
            id: 1,
            previous_event_id: 0,
            timestamp: Utc::now(),
            event_type: crate::history::EventType::ExecutionStarted,
            details: Some(json!({"input": "{}"}).into()),
        };
        save_progress(&store, &record, &[EventRow::from(&event)]).unwrap();
        assert_eq!(get(&store, "arn:e").unwrap().unwrap().status, "SUCCEEDED");
        assert_eq!(list(&store, "arn:sm", Some("SUCCEEDED")).unwrap().len(), 1);
        assert_eq!(list(&store, "arn:sm", Some("FAILED")).unwrap().len(), 0);
        let stored = events(&store, "arn:e").unwrap();
        assert_eq!(stored[0].event_type, "ExecutionStarted");
        assert_eq!(stored[0].details, event.details);
    }

    fn record(arn: &str, input: &str, definition: &str) -> ExecutionRecord {
        ExecutionRecord {
            arn: arn.into(),
            state_machine_arn: "arn:sm".into(),
            name: arn.into(),
            status: "RUNNING".into(),
            start_date: "2026-01-01T00:00:00.000Z".into(),
            input: Some(input.into()),
            definition: definition.into(),
            role_arn: "arn:role".into(),
            ..Default::default()
        }
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn long_inputs_outputs_and_engine_states_are_stored_compressed() {
        let store = Store::in_memory().unwrap();
        let long = format!("{{\"items\":[{}]}}", r#"{"id":1,"name":"é"},"#.repeat(300));
        let mut execution = record("arn:a", &long, "{}");
        execution.engine_state = Some(long.replace("id", "frame"));
        insert(&store, &execution).unwrap();
        execution.status = "SUCCEEDED".into();
        execution.output = Some(long.replace("id", "out"));
        save_progress(&store, &execution, &[]).unwrap();
        let kinds: (String, String, String) = store
            .conn
            .query_row(
                "SELECT typeof(t.input), typeof(e.output), typeof(e.engine_state) \
                 FROM executions e JOIN execution_texts t ON t.execution_id = e.id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(kinds, ("blob".into(), "blob".into(), "blob".into()));
        // Saving counts a version.
        execution.version += 1;
        assert!(get(&store, "arn:a").unwrap().unwrap() == execution);
    }

    #[test]
    fn inputs_and_definitions_are_kept_outside_the_row_and_definitions_once() {
        let store = Store::in_memory().unwrap();
        let big = format!("{{\"States\":\"{}\"}}", "x".repeat(5000));
        for (arn, definition) in [
            ("arn:a", &big),
            ("arn:b", &big),
            ("arn:c", &"{}".to_string()),
        ] {
            insert(
                &store,
                &record(arn, &format!("{{\"n\":\"{arn}\"}}"), definition),
            )
            .unwrap();
        }
        assert_eq!(count(&store, "definitions"), 2);
        assert_eq!(count(&store, "execution_texts"), 3);
        let (input, definition): (Option<String>, String) = store
            .conn
            .query_row(
                "SELECT input, definition FROM executions WHERE arn = 'arn:a'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((input, definition.as_str()), (None, ""));
        for (arn, definition) in [
            ("arn:a", &big),
            ("arn:b", &big),
            ("arn:c", &"{}".to_string()),
        ] {
            let got = get(&store, arn).unwrap().unwrap();
            assert_eq!(
                got,
                record(arn, &format!("{{\"n\":\"{arn}\"}}"), definition)
            );
        }
        let listed = list(&store, "arn:sm", None).unwrap();
        assert_eq!(listed.len(), 3);
        assert!(listed
            .iter()
            .all(|r| r.definition == big || r.definition == "{}"));
        let recent = recent(&store, None, None, Some("arn:"), 10).unwrap();
        assert_eq!(recent.len(), 3);
        // An update of the row leaves the texts as they are.
        let mut ended = get(&store, "arn:b").unwrap().unwrap();
        ended.status = "SUCCEEDED".into();
        ended.output = Some("{}".into());
        save_progress(&store, &ended, &[]).unwrap();
        let got = get(&store, "arn:b").unwrap().unwrap();
        assert_eq!((got.input, got.definition), (ended.input, big));
    }

    #[test]
    fn rows_written_before_schema_9_keep_their_own_texts() {
        let store = Store::in_memory().unwrap();
        store
            .conn
            .execute(
                "INSERT INTO executions (arn, state_machine_arn, name, status, start_date, \
                 input, definition, role_arn) \
                 VALUES ('arn:old', 'arn:sm', 'old', 'SUCCEEDED', 'x', '{\"a\":1}', '{\"S\":1}', 'r')",
                [],
            )
            .unwrap();
        let got = get(&store, "arn:old").unwrap().unwrap();
        assert_eq!(got.input.as_deref(), Some("{\"a\":1}"));
        assert_eq!(got.definition, "{\"S\":1}");
        assert_eq!(list(&store, "arn:sm", None).unwrap(), vec![got]);
    }
}
