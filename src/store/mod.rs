//! The SQLite store: the only module that writes SQL. One file per user (or per `--db` /
//! `SFN_DB`), WAL mode and a busy timeout so several `sfn` processes can share it.
pub mod activities;
pub mod aliases;
pub mod executions;
pub mod functions;
pub mod history;
pub mod leases;
pub mod map_runs;
mod migrations;
pub mod nested;
mod packed;
pub mod redrive;
pub mod state_machines;
pub mod tags;
pub mod task_tokens;
pub mod versions;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, Transaction, TransactionBehavior};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store {path}: {source}")]
    Open {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open the store {path}: {source}")]
    OpenSql {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("store error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("the store {0} was written by a newer sfn (schema version {1})")]
    TooNew(PathBuf, i64),
    #[error(
        "{0} is not an sfn store: it is an SQLite database with other tables (sfn leaves it \
         untouched; name another file with --db or SFN_DB)"
    )]
    Foreign(PathBuf),
    #[error("the store is damaged: {0}")]
    UnknownEventType(#[from] crate::history::UnknownEventType),
}

/// Dates are stored as RFC 3339 UTC text with microseconds, which sorts chronologically.
pub(crate) fn date_to_text(at: &DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// A date the store wrote, as a column read from a row.
pub(crate) fn text_to_date(text: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
}

pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating it, its directories and its schema as needed) the store at `path`.
    /// New directories are 0700 and a new file 0600 from the start (SQLite gives its `-wal`
    /// and `-shm` files the database's mode). A database of something else is refused
    /// before anything is written to it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let io = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let sql = |source| StoreError::OpenSql {
            path: path.to_path_buf(),
            source,
        };
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        if let Some(dir) = dir {
            private_dirs(dir).map_err(io)?;
        }
        if !create_whole(path, dir.unwrap_or(Path::new("."))).map_err(sql)? {
            create_private_file(path).map_err(io)?;
        }
        let conn = Connection::open(path).map_err(sql)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(sql)?;
        if migrations::is_foreign(&conn).map_err(sql)? {
            return Err(StoreError::Foreign(path.to_path_buf()));
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sql)?;
        // Each command is a process of its own: checkpointing the WAL into the database as
        // it closes cost two fsyncs, and deleting the WAL made the next one create it again
        // (two more, of the file and the directory), most of the time a short command took.
        // The WAL stays, and is checkpointed as it grows (every 1000 pages). The same
        // durability as `synchronous=NORMAL` gives: a commit survives the process at once,
        // and a power loss may lose the last few but never leaves the store inconsistent.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
            .map_err(sql)?;
        // A large transaction's WAL is cut back to this after the checkpoint that follows.
        conn.pragma_update(None, "journal_size_limit", 4 << 20)
            .map_err(sql)?;
        // 1 MiB of page cache, not 2: a long execution streams its history through it, and
        // the operating system caches the file anyway.
        conn.pragma_update(None, "cache_size", -1024).map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sql)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        migrations::migrate(&mut store.conn).map_err(|e| match e {
            migrations::MigrateError::TooNew(v) => StoreError::TooNew(store.path.clone(), v),
            migrations::MigrateError::Foreign => StoreError::Foreign(store.path.clone()),
            migrations::MigrateError::Sql(e) => sql(e),
        })?;
        Ok(store)
    }

    /// An in-memory store, for tests.
    pub fn in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        migrations::migrate(&mut conn).map_err(|e| match e {
            migrations::MigrateError::TooNew(v) => StoreError::TooNew(PathBuf::from(":memory:"), v),
            migrations::MigrateError::Foreign => StoreError::Foreign(PathBuf::from(":memory:")),
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

/// Creates `dir` and its missing parents, each 0700 whatever the umask.
pub fn private_dirs(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Creates a store that does not exist yet whole, or not at all: its schema is written to
/// a new 0600 file beside it with no sync between steps, synced once, and linked into
/// place only if nothing is there by then (another process may have made the store
/// meanwhile: that one is used). Creating it in place took six syncs (SQLite's journal,
/// the file and the directory, twice), most of a first command's time. False when the
/// store exists or no file could be linked into place (a file system without links): the
/// caller opens or creates it in place.
fn create_whole(path: &Path, dir: &Path) -> rusqlite::Result<bool> {
    if path.symlink_metadata().is_ok() {
        return Ok(false);
    }
    let Ok(new) = tempfile::Builder::new()
        .prefix(".sfn-store-")
        .suffix(".new")
        .tempfile_in(dir)
    else {
        return Ok(false);
    };
    let mut conn = Connection::open(new.path())?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    match migrations::migrate(&mut conn) {
        Ok(()) => {}
        Err(migrations::MigrateError::Sql(e)) => return Err(e),
        // Not of a file just made; were it ever, creating in place reports it.
        Err(migrations::MigrateError::TooNew(_) | migrations::MigrateError::Foreign) => {
            return Ok(false)
        }
    }
    // Closing the only connection checkpoints the WAL into the file and removes it.
    conn.close().map_err(|(_, e)| e)?;
    let synced = new.as_file().sync_all().is_ok();
    if !synced {
        return Ok(false);
    }
    match new.persist_noclobber(path) {
        Ok(_) => {
            if let Ok(dir) = std::fs::File::open(dir) {
                let _ = dir.sync_all();
            }
            Ok(true)
        }
        // Made by another process meanwhile, or not linkable here; the new file is removed.
        Err(_) => Ok(false),
    }
}

/// Creates the store file 0600 when it does not exist yet (SQLite would create it 0644
/// minus the umask); an existing file is left as it is.
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
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

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_store_is_linked_into_place_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sfn.db");
        assert!(create_whole(&path, dir.path()).unwrap());
        // Only the store: no journal, WAL or file it was made in is left beside it.
        assert_eq!(names(dir.path()), ["sfn.db"]);
        let conn = Connection::open(&path).unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!((version, mode.as_str()), (migrations::VERSION, "wal"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn an_existing_file_is_left_to_be_opened_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sfn.db");
        std::fs::write(&path, b"").unwrap();
        assert!(!create_whole(&path, dir.path()).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"");
        assert_eq!(names(dir.path()), ["sfn.db"]);
    }
}
