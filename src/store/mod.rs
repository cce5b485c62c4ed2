//! The SQLite store: the only module that writes SQL. One file per user (or per `--db` /
//! `SFN_DB`), WAL mode and a busy timeout so several `sfn` processes can share it.
pub mod activities;
pub mod aliases;
pub mod executions;
pub mod history;
pub mod leases;
pub mod map_runs;
mod migrations;
pub mod nested;
pub mod redrive;
pub mod state_machines;
pub mod tags;
pub mod task_tokens;
pub mod versions;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store {path}: {source}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("the store {0} was written by a newer sfn (schema version {1})")]
    TooNew(PathBuf, i64),
}

pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating it, its directories and its schema as needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let existed = path.exists();
        let conn = Connection::open(path)?;
        if !existed {
            restrict_permissions(path).map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })?;
        }
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // 1 MiB of page cache, not 2: a long execution streams its history through it, and
        // the operating system caches the file anyway.
        conn.pragma_update(None, "cache_size", -1024)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        migrations::migrate(&mut store.conn).map_err(|e| match e {
            migrations::MigrateError::TooNew(v) => StoreError::TooNew(store.path.clone(), v),
            migrations::MigrateError::Sql(e) => StoreError::Sql(e),
        })?;
        Ok(store)
    }

    /// An in-memory store, for tests.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        migrations::migrate(&mut conn).map_err(|e| match e {
            migrations::MigrateError::TooNew(v) => StoreError::TooNew(PathBuf::from(":memory:"), v),
            migrations::MigrateError::Sql(e) => StoreError::Sql(e),
        })?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one write transaction (taken up front, so concurrent writers wait on
    /// the busy timeout instead of failing): committed if `f` succeeds, rolled back
    /// otherwise, so a failed command leaves no partial state. Inside a transaction
    /// already open, `f` simply joins it.
    pub fn write<T, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return f(self);
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let value = f(self)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }
}

#[cfg(unix)]
fn restrict_permissions(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn restrict_permissions(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT COUNT(*) FROM tags", [], |r| r.get(0))
            .unwrap()
    }

    fn insert(store: &Store, key: &str) -> Result<(), StoreError> {
        tags::put(store, "arn:x", &[(key.to_string(), "v".to_string())])
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let store = Store::in_memory().unwrap();
        let result: Result<(), StoreError> = store.write(|s| {
            insert(s, "a")?;
            Err(StoreError::TooNew(PathBuf::new(), 0))
        });
        assert!(result.is_err());
        assert_eq!(count(&store), 0);
    }

    #[test]
    fn nested_writes_join_the_outer_transaction() {
        let store = Store::in_memory().unwrap();
        let result: Result<(), StoreError> = store.write(|s| {
            s.write(|inner| insert(inner, "a"))?;
            Err(StoreError::TooNew(PathBuf::new(), 0))
        });
        assert!(result.is_err());
        assert_eq!(
            count(&store),
            0,
            "the inner write rolled back with the outer one"
        );
        store
            .write(|s| s.write(|inner| insert(inner, "b")))
            .unwrap();
        assert_eq!(count(&store), 1);
    }
}
