//! The `state_machines` table.
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::{date_to_text, text_to_date, Store, StoreError};

/// A state machine as stored. Configurations are kept as the JSON text the caller gave.
#[derive(Debug, Clone, PartialEq)]
pub struct StateMachineRecord {
    pub arn: String,
    pub name: String,
    /// `STANDARD` or `EXPRESS`.
    pub machine_type: String,
    pub definition: String,
    pub role_arn: String,
    /// `ACTIVE` (deletion is immediate offline).
    pub status: String,
    pub creation_date: DateTime<Utc>,
    pub update_date: Option<DateTime<Utc>>,
    pub revision_id: Option<String>,
    pub description: Option<String>,
    pub logging_configuration: Option<String>,
    pub tracing_configuration: Option<String>,
    pub encryption_configuration: Option<String>,
}

/// One row of `list`: what `ListStateMachines` shows.
#[derive(Debug, Clone, PartialEq)]
pub struct StateMachineSummary {
    pub arn: String,
    pub name: String,
    pub machine_type: String,
    pub creation_date: DateTime<Utc>,
}

const COLUMNS: &str = "arn, name, type, definition, role_arn, status, creation_date, update_date, \
     revision_id, description, logging_configuration, tracing_configuration, encryption_configuration";

fn from_row(row: &Row) -> rusqlite::Result<StateMachineRecord> {
    let update: Option<String> = row.get(7)?;
    Ok(StateMachineRecord {
        arn: row.get(0)?,
        name: row.get(1)?,
        machine_type: row.get(2)?,
        definition: row.get(3)?,
        role_arn: row.get(4)?,
        status: row.get(5)?,
        creation_date: text_to_date(&row.get::<_, String>(6)?)?,
        update_date: update.as_deref().map(text_to_date).transpose()?,
        revision_id: row.get(8)?,
        description: row.get(9)?,
        logging_configuration: row.get(10)?,
        tracing_configuration: row.get(11)?,
        encryption_configuration: row.get(12)?,
    })
}

/// The state machine with this (unqualified) ARN.
pub fn get(store: &Store, arn: &str) -> Result<Option<StateMachineRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM state_machines WHERE arn = ?1");
    Ok(store.conn.query_row(&sql, [arn], from_row).optional()?)
}

/// A state machine's logging configuration alone: `None` for no such machine or none set.
/// Its definition (up to 1 MB) is not read for it.
pub fn logging_configuration(store: &Store, arn: &str) -> Result<Option<String>, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT logging_configuration FROM state_machines WHERE arn = ?1",
            [arn],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// A record's values in [`COLUMNS`] order: `?1` to `?13` in [`insert`] and [`update`].
fn values(sm: &StateMachineRecord) -> impl rusqlite::Params + '_ {
    (
        &sm.arn,
        &sm.name,
        &sm.machine_type,
        &sm.definition,
        &sm.role_arn,
        &sm.status,
        date_to_text(&sm.creation_date),
        sm.update_date.as_ref().map(date_to_text),
        &sm.revision_id,
        &sm.description,
        &sm.logging_configuration,
        &sm.tracing_configuration,
        &sm.encryption_configuration,
    )
}

pub fn insert(store: &Store, sm: &StateMachineRecord) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO state_machines ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    );
    store.conn.execute(&sql, values(sm))?;
    Ok(())
}

/// Rewrites the mutable fields of an existing state machine (its name, type and creation
/// date stay).
pub fn update(store: &Store, sm: &StateMachineRecord) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE state_machines SET definition = ?4, role_arn = ?5, status = ?6, update_date = ?8, \
         revision_id = ?9, description = ?10, logging_configuration = ?11, \
         tracing_configuration = ?12, encryption_configuration = ?13 WHERE arn = ?1",
        values(sm),
    )?;
    Ok(())
}

/// Deletes a state machine (its versions and aliases go with it); false if there was none.
pub fn delete(store: &Store, arn: &str) -> Result<bool, StoreError> {
    Ok(store
        .conn
        .execute("DELETE FROM state_machines WHERE arn = ?1", [arn])?
        > 0)
}

/// Up to `limit` state machines whose ARN starts with `arn_prefix` (one region and
/// account), in name order, starting after the name `after`.
pub fn list(
    store: &Store,
    arn_prefix: &str,
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<StateMachineSummary>, StoreError> {
    let mut stmt = store.conn.prepare_cached(
        "SELECT arn, name, type, creation_date FROM state_machines \
         WHERE substr(arn, 1, length(?1)) = ?1 AND (?2 IS NULL OR name > ?2) \
         ORDER BY name LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![arn_prefix, after, limit as i64], |row| {
        Ok(StateMachineSummary {
            arn: row.get(0)?,
            name: row.get(1)?,
            machine_type: row.get(2)?,
            creation_date: text_to_date(&row.get::<_, String>(3)?)?,
        })
    })?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// A published version of a state machine.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionRecord {
    /// `<state machine arn>:<n>`.
    pub arn: String,
    pub state_machine_arn: String,
    pub version: i64,
    pub definition: String,
    pub role_arn: String,
    pub revision_id: Option<String>,
    pub description: Option<String>,
    pub creation_date: DateTime<Utc>,
}

/// A plain STANDARD machine `name`, for the store's tests.
#[cfg(test)]
pub(crate) fn sample(name: &str) -> StateMachineRecord {
    StateMachineRecord {
        arn: format!("arn:aws:states:us-east-1:123456789012:stateMachine:{name}"),
        name: name.into(),
        machine_type: "STANDARD".into(),
        definition: "{}".into(),
        role_arn: "arn:aws:iam::123456789012:role/r".into(),
        status: "ACTIVE".into(),
        creation_date: Utc::now(),
        update_date: None,
        revision_id: None,
        description: None,
        logging_configuration: None,
        tracing_configuration: None,
        encryption_configuration: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREFIX: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:";

    fn record(name: &str) -> StateMachineRecord {
        StateMachineRecord {
            tracing_configuration: Some("{\"enabled\":false}".into()),
            ..sample(name)
        }
    }

    #[test]
    fn insert_get_update_delete_round_trip() {
        let store = Store::in_memory().unwrap();
        let mut sm = record("a");
        insert(&store, &sm).unwrap();
        let got = get(&store, &sm.arn).unwrap().unwrap();
        assert_eq!(got.name, "a");
        assert_eq!(
            got.creation_date.timestamp_micros(),
            sm.creation_date.timestamp_micros()
        );
        sm.definition = "{\"x\":1}".into();
        update(&store, &sm).unwrap();
        assert_eq!(
            get(&store, &sm.arn).unwrap().unwrap().definition,
            "{\"x\":1}"
        );
        assert!(delete(&store, &sm.arn).unwrap());
        assert!(get(&store, &sm.arn).unwrap().is_none());
        assert!(!delete(&store, &sm.arn).unwrap());
    }

    #[test]
    fn list_pages_in_name_order() {
        let store = Store::in_memory().unwrap();
        for n in ["c", "a", "b"] {
            insert(&store, &record(n)).unwrap();
        }
        let first: Vec<String> = list(&store, PREFIX, None, 2)
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(first, ["a", "b"]);
        let rest: Vec<String> = list(&store, PREFIX, Some("b"), 2)
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect();
        assert_eq!(rest, ["c"]);
    }
}
