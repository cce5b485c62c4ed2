//! The `state_machine_versions` table: immutable snapshots of a state machine's revision.
//! Version numbers come from `state_machines.next_version`, so a deleted number is never
//! handed out again.
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::state_machines::{StateMachineRecord, VersionRecord};
use super::{date_to_text, text_to_date};
use super::{Store, StoreError};

const COLUMNS: &str =
    "arn, state_machine_arn, version, definition, role_arn, revision_id, description, creation_date";

fn from_row(row: &Row) -> rusqlite::Result<VersionRecord> {
    Ok(VersionRecord {
        arn: row.get(0)?,
        state_machine_arn: row.get(1)?,
        version: row.get(2)?,
        definition: row.get(3)?,
        role_arn: row.get(4)?,
        revision_id: row.get(5)?,
        description: row.get(6)?,
        creation_date: text_to_date(&row.get::<_, String>(7)?)?,
    })
}

/// The version with this ARN (`<state machine arn>:<n>`).
pub fn get(store: &Store, arn: &str) -> Result<Option<VersionRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM state_machine_versions WHERE arn = ?1");
    Ok(store.conn.query_row(&sql, [arn], from_row).optional()?)
}

/// The newest version of a machine that snapshots `revision_id` (`None`: the revision of a
/// machine never updated).
pub fn for_revision(
    store: &Store,
    state_machine_arn: &str,
    revision_id: Option<&str>,
) -> Result<Option<VersionRecord>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM state_machine_versions \
         WHERE state_machine_arn = ?1 AND revision_id IS ?2 ORDER BY version DESC LIMIT 1"
    );
    Ok(store
        .conn
        .query_row(&sql, params![state_machine_arn, revision_id], from_row)
        .optional()?)
}

/// How many versions a machine has (AWS allows 1000).
pub fn count(store: &Store, state_machine_arn: &str) -> Result<usize, StoreError> {
    let n: i64 = store.conn.query_row(
        "SELECT count(*) FROM state_machine_versions WHERE state_machine_arn = ?1",
        [state_machine_arn],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

/// Snapshots the machine's current revision as its next version number.
pub fn insert(
    store: &Store,
    sm: &StateMachineRecord,
    description: Option<&str>,
    now: DateTime<Utc>,
) -> Result<VersionRecord, StoreError> {
    let version: i64 = store.conn.query_row(
        "UPDATE state_machines SET next_version = next_version + 1 WHERE arn = ?1 \
         RETURNING next_version - 1",
        [&sm.arn],
        |r| r.get(0),
    )?;
    let record = VersionRecord {
        arn: format!("{}:{version}", sm.arn),
        state_machine_arn: sm.arn.clone(),
        version,
        definition: sm.definition.clone(),
        role_arn: sm.role_arn.clone(),
        revision_id: sm.revision_id.clone(),
        description: description.map(str::to_string),
        creation_date: now,
    };
    let sql = format!(
        "INSERT INTO state_machine_versions ({COLUMNS}, logging_configuration, \
         tracing_configuration, encryption_configuration) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    );
    store.conn.execute(
        &sql,
        params![
            record.arn,
            record.state_machine_arn,
            record.version,
            record.definition,
            record.role_arn,
            record.revision_id,
            record.description,
            date_to_text(&record.creation_date),
            sm.logging_configuration,
            sm.tracing_configuration,
            sm.encryption_configuration,
        ],
    )?;
    Ok(record)
}

/// The configuration a version snapshotted, as the JSON texts the machine kept.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VersionConfiguration {
    pub logging: Option<String>,
    pub tracing: Option<String>,
    pub encryption: Option<String>,
}

pub fn configuration(store: &Store, arn: &str) -> Result<Option<VersionConfiguration>, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT logging_configuration, tracing_configuration, encryption_configuration \
             FROM state_machine_versions WHERE arn = ?1",
            [arn],
            |r| {
                Ok(VersionConfiguration {
                    logging: r.get(0)?,
                    tracing: r.get(1)?,
                    encryption: r.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Up to `limit` versions of a machine, newest (highest number) first, below `before`.
pub fn list(
    store: &Store,
    state_machine_arn: &str,
    before: Option<i64>,
    limit: usize,
) -> Result<Vec<VersionRecord>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM state_machine_versions \
         WHERE state_machine_arn = ?1 AND (?2 IS NULL OR version < ?2) \
         ORDER BY version DESC LIMIT ?3"
    );
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![state_machine_arn, before, limit as i64], from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Deletes one version; false if there was none.
pub fn delete(store: &Store, arn: &str) -> Result<bool, StoreError> {
    Ok(store
        .conn
        .execute("DELETE FROM state_machine_versions WHERE arn = ?1", [arn])?
        > 0)
}

/// Deletes every version of a machine (with the machine).
pub fn delete_all(store: &Store, state_machine_arn: &str) -> Result<(), StoreError> {
    store.conn.execute(
        "DELETE FROM state_machine_versions WHERE state_machine_arn = ?1",
        [state_machine_arn],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::state_machines as machines;

    fn machine(store: &Store) -> StateMachineRecord {
        let sm = machines::sample("m");
        machines::insert(store, &sm).unwrap();
        sm
    }

    #[test]
    fn numbers_are_never_reused_and_lists_are_newest_first() {
        let store = Store::in_memory().unwrap();
        let mut sm = machine(&store);
        let v1 = insert(&store, &sm, None, Utc::now()).unwrap();
        sm.revision_id = Some("r2".into());
        let v2 = insert(&store, &sm, Some("two"), Utc::now()).unwrap();
        assert_eq!((v1.version, v2.version), (1, 2));
        assert!(delete(&store, &v2.arn).unwrap());
        assert!(!delete(&store, &v2.arn).unwrap());
        let v3 = insert(&store, &sm, None, Utc::now()).unwrap();
        assert_eq!(v3.arn, format!("{}:3", sm.arn));
        let all: Vec<i64> = list(&store, &sm.arn, None, 10)
            .unwrap()
            .iter()
            .map(|v| v.version)
            .collect();
        assert_eq!(all, [3, 1]);
        let after: Vec<i64> = list(&store, &sm.arn, Some(3), 10)
            .unwrap()
            .iter()
            .map(|v| v.version)
            .collect();
        assert_eq!(after, [1]);
        assert_eq!(count(&store, &sm.arn).unwrap(), 2);
    }

    #[test]
    fn revisions_are_found_including_the_initial_one() {
        let store = Store::in_memory().unwrap();
        let mut sm = machine(&store);
        insert(&store, &sm, None, Utc::now()).unwrap();
        assert_eq!(
            for_revision(&store, &sm.arn, None)
                .unwrap()
                .unwrap()
                .version,
            1
        );
        assert!(for_revision(&store, &sm.arn, Some("r2")).unwrap().is_none());
        sm.revision_id = Some("r2".into());
        insert(&store, &sm, None, Utc::now()).unwrap();
        assert_eq!(
            for_revision(&store, &sm.arn, Some("r2"))
                .unwrap()
                .unwrap()
                .version,
            2
        );
        delete_all(&store, &sm.arn).unwrap();
        assert_eq!(count(&store, &sm.arn).unwrap(), 0);
    }
}
