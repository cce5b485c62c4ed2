//! The `tags` table: key/value tags of any resource, by ARN.
use rusqlite::params;

use super::{Store, StoreError};

/// The tags of a resource, in key order.
pub fn list(store: &Store, resource_arn: &str) -> Result<Vec<(String, String)>, StoreError> {
    let mut stmt = store
        .conn
        .prepare_cached("SELECT key, value FROM tags WHERE resource_arn = ?1 ORDER BY key")?;
    let rows = stmt.query_map([resource_arn], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Adds tags, replacing the value of keys already present.
pub fn put(store: &Store, resource_arn: &str, tags: &[(String, String)]) -> Result<(), StoreError> {
    let mut stmt = store.conn.prepare_cached(
        "INSERT INTO tags (resource_arn, key, value) VALUES (?1, ?2, ?3) \
         ON CONFLICT (resource_arn, key) DO UPDATE SET value = excluded.value",
    )?;
    for (k, v) in tags {
        stmt.execute(params![resource_arn, k, v])?;
    }
    Ok(())
}

/// Removes the given keys (absent keys are ignored).
pub fn remove(store: &Store, resource_arn: &str, keys: &[String]) -> Result<(), StoreError> {
    let mut stmt = store
        .conn
        .prepare_cached("DELETE FROM tags WHERE resource_arn = ?1 AND key = ?2")?;
    for k in keys {
        stmt.execute(params![resource_arn, k])?;
    }
    Ok(())
}

/// Removes every tag of a resource (when the resource is deleted).
pub fn clear(store: &Store, resource_arn: &str) -> Result<(), StoreError> {
    store
        .conn
        .execute("DELETE FROM tags WHERE resource_arn = ?1", [resource_arn])?;
    Ok(())
}

/// Whether a taggable resource (state machine or activity) with this ARN exists.
pub fn resource_exists(store: &Store, arn: &str) -> Result<bool, StoreError> {
    Ok(store.conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM state_machines WHERE arn = ?1) \
         OR EXISTS (SELECT 1 FROM activities WHERE arn = ?1)",
        [arn],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_replaces_and_remove_ignores_absent_keys() {
        let store = Store::in_memory().unwrap();
        let arn = "arn:x";
        put(
            &store,
            arn,
            &[("b".into(), "1".into()), ("a".into(), "2".into())],
        )
        .unwrap();
        put(&store, arn, &[("b".into(), "3".into())]).unwrap();
        assert_eq!(
            list(&store, arn).unwrap(),
            [("a".into(), "2".into()), ("b".into(), "3".into())]
        );
        remove(&store, arn, &["a".into(), "zz".into()]).unwrap();
        assert_eq!(
            list(&store, arn).unwrap(),
            [("b".to_string(), "3".to_string())]
        );
        clear(&store, arn).unwrap();
        assert!(list(&store, arn).unwrap().is_empty());
    }
}
