//! The `activities` table (and the tags given at creation).
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::{date_to_text, text_to_date, Store, StoreError};

/// An activity as stored; the encryption configuration is kept as the caller's JSON text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRecord {
    pub arn: String,
    pub name: String,
    pub creation_date: DateTime<Utc>,
    pub encryption_configuration: Option<String>,
}

/// A write transaction of its own, or nothing when the caller already holds one (then the
/// caller's commit or rollback covers these statements too).
pub(crate) struct Tx<'a>(Option<rusqlite::Transaction<'a>>);

impl<'a> Tx<'a> {
    pub(crate) fn begin(store: &'a Store) -> Result<Tx<'a>, StoreError> {
        if store.conn.is_autocommit() {
            Ok(Tx(Some(rusqlite::Transaction::new_unchecked(
                &store.conn,
                rusqlite::TransactionBehavior::Immediate,
            )?)))
        } else {
            Ok(Tx(None))
        }
    }

    pub(crate) fn commit(self) -> Result<(), StoreError> {
        if let Some(tx) = self.0 {
            tx.commit()?;
        }
        Ok(())
    }
}

const COLUMNS: &str = "arn, name, creation_date, encryption_configuration";

fn from_row(row: &Row) -> rusqlite::Result<ActivityRecord> {
    Ok(ActivityRecord {
        arn: row.get(0)?,
        name: row.get(1)?,
        creation_date: text_to_date(&row.get::<_, String>(2)?)?,
        encryption_configuration: row.get(3)?,
    })
}

/// Creates the activity and its tags, or returns the one already named so (its tags left
/// as they are: creation is idempotent by name). `true` when it was created.
pub fn create(
    store: &Store,
    record: &ActivityRecord,
    tags: &[(String, String)],
) -> Result<(ActivityRecord, bool), StoreError> {
    let tx = Tx::begin(store)?;
    if let Some(existing) = get_by_name(store, &record.name)? {
        return Ok((existing, false));
    }
    store.conn.execute(
        "INSERT INTO activities (arn, name, creation_date, encryption_configuration) \
         VALUES (?1, ?2, ?3, ?4)",
        params![
            record.arn,
            record.name,
            date_to_text(&record.creation_date),
            record.encryption_configuration
        ],
    )?;
    // Tags of a deleted activity of the same name must not resurface.
    store
        .conn
        .execute("DELETE FROM tags WHERE resource_arn = ?1", [&record.arn])?;
    for (key, value) in tags {
        store.conn.execute(
            "INSERT INTO tags (resource_arn, key, value) VALUES (?1, ?2, ?3) \
             ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value",
            params![record.arn, key, value],
        )?;
    }
    tx.commit()?;
    Ok((record.clone(), true))
}

pub fn get(store: &Store, arn: &str) -> Result<Option<ActivityRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM activities WHERE arn = ?1");
    Ok(store.conn.query_row(&sql, [arn], from_row).optional()?)
}

pub fn get_by_name(store: &Store, name: &str) -> Result<Option<ActivityRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM activities WHERE name = ?1");
    Ok(store.conn.query_row(&sql, [name], from_row).optional()?)
}

/// Up to `limit` activities in name order, starting after the name `after`.
pub fn list(
    store: &Store,
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<ActivityRecord>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM activities WHERE ?1 IS NULL OR name > ?1 ORDER BY name LIMIT ?2"
    );
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![after, limit as i64], from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Deletes the activity and its tags; `false` when there was none.
pub fn delete(store: &Store, arn: &str) -> Result<bool, StoreError> {
    let tx = Tx::begin(store)?;
    let deleted = store
        .conn
        .execute("DELETE FROM activities WHERE arn = ?1", [arn])?;
    store
        .conn
        .execute("DELETE FROM tags WHERE resource_arn = ?1", [arn])?;
    tx.commit()?;
    Ok(deleted > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str) -> ActivityRecord {
        ActivityRecord {
            arn: format!("arn:aws:states:us-east-1:123456789012:activity:{name}"),
            name: name.to_string(),
            creation_date: DateTime::parse_from_rfc3339("2026-11-29T22:46:17.123Z")
                .unwrap()
                .with_timezone(&Utc),
            encryption_configuration: None,
        }
    }

    fn tags(store: &Store, arn: &str) -> Vec<(String, String)> {
        let mut stmt = store
            .conn
            .prepare("SELECT key, value FROM tags WHERE resource_arn = ?1 ORDER BY key")
            .unwrap();
        stmt.query_map([arn], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn create_is_idempotent_by_name_and_keeps_the_first_tags() {
        let store = Store::in_memory().unwrap();
        let first = record("approve");
        let (created, new) = create(&store, &first, &[("team".into(), "ops".into())]).unwrap();
        assert!(new);
        assert_eq!(created, first);
        let mut again = record("approve");
        again.creation_date = Utc::now();
        let (existing, new) = create(&store, &again, &[("team".into(), "dev".into())]).unwrap();
        assert!(!new);
        assert_eq!(existing, first);
        assert_eq!(tags(&store, &first.arn), [("team".into(), "ops".into())]);
        assert_eq!(get(&store, &first.arn).unwrap(), Some(first));
    }

    #[test]
    fn list_pages_in_name_order() {
        let store = Store::in_memory().unwrap();
        for name in ["c", "a", "b"] {
            create(&store, &record(name), &[]).unwrap();
        }
        let names = |v: Vec<ActivityRecord>| v.into_iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(names(list(&store, None, 2).unwrap()), ["a", "b"]);
        assert_eq!(names(list(&store, Some("b"), 2).unwrap()), ["c"]);
    }

    #[test]
    fn delete_removes_the_activity_and_its_tags() {
        let store = Store::in_memory().unwrap();
        let r = record("approve");
        create(&store, &r, &[("k".into(), "v".into())]).unwrap();
        assert!(delete(&store, &r.arn).unwrap());
        assert!(!delete(&store, &r.arn).unwrap());
        assert_eq!(get(&store, &r.arn).unwrap(), None);
        assert!(tags(&store, &r.arn).is_empty());
    }
}
