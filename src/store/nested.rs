//! Executions started by another execution's Task state: which parent started them and,
//! for `.sync`, the parent's task token their outcome goes to.
use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// How a parent started a child (the integration pattern of its Task).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Request-response: the parent only started it.
    Request,
    /// `.sync`: the parent waits for it; its output reaches the parent as a JSON string.
    Sync,
    /// `.sync:2`: as `.sync`, with its input and output as JSON.
    Sync2,
    /// `.waitForTaskToken`: the parent waits for whoever holds its token.
    Callback,
}

impl Pattern {
    pub fn as_str(self) -> &'static str {
        match self {
            Pattern::Request => "REQUEST",
            Pattern::Sync => "SYNC",
            Pattern::Sync2 => "SYNC2",
            Pattern::Callback => "CALLBACK",
        }
    }

    fn parse(text: &str) -> Pattern {
        match text {
            "SYNC" => Pattern::Sync,
            "SYNC2" => Pattern::Sync2,
            "CALLBACK" => Pattern::Callback,
            _ => Pattern::Request,
        }
    }

    /// The parent waits for the child's end.
    pub fn waits(self) -> bool {
        matches!(self, Pattern::Sync | Pattern::Sync2)
    }
}

/// A child's link to the execution that started it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub child_arn: String,
    pub parent_arn: String,
    pub parent_token: Option<String>,
    pub pattern: Pattern,
}

pub fn insert(store: &Store, link: &Link) -> Result<(), StoreError> {
    store.conn.execute(
        "INSERT OR REPLACE INTO nested_executions (child_arn, parent_arn, parent_token, pattern) \
         VALUES (?1, ?2, ?3, ?4)",
        params![
            link.child_arn,
            link.parent_arn,
            link.parent_token,
            link.pattern.as_str()
        ],
    )?;
    Ok(())
}

/// The link of `child_arn`, if a parent started it.
pub fn get(store: &Store, child_arn: &str) -> Result<Option<Link>, StoreError> {
    Ok(store
        .conn
        .prepare_cached(
            "SELECT child_arn, parent_arn, parent_token, pattern FROM nested_executions \
             WHERE child_arn = ?1",
        )?
        .query_row([child_arn], |r| {
            Ok(Link {
                child_arn: r.get(0)?,
                parent_arn: r.get(1)?,
                parent_token: r.get(2)?,
                pattern: Pattern::parse(&r.get::<_, String>(3)?),
            })
        })
        .optional()?)
}

/// Asks every RUNNING `.sync` child of `parent` whose parent task still waits to stop:
/// a parent that ends takes its waiting children with it. Call inside the parent's
/// final save, before its tokens are aborted.
pub(super) fn stop_waiting_children(store: &Store, parent: &str) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE executions SET stop_request = '{}' WHERE status = 'RUNNING' \
         AND stop_request IS NULL AND arn IN (SELECT n.child_arn FROM nested_executions n \
         JOIN task_tokens t ON t.token = n.parent_token WHERE n.parent_arn = ?1 \
         AND n.pattern IN ('SYNC', 'SYNC2') AND t.status IN ('SCHEDULED', 'STARTED'))",
        [parent],
    )?;
    Ok(())
}

/// The RUNNING children of `parent` with a stop waiting for them.
pub fn children_to_stop(store: &Store, parent: &str) -> Result<Vec<String>, StoreError> {
    let mut stmt = store.conn.prepare_cached(
        "SELECT e.arn FROM executions e JOIN nested_executions n ON n.child_arn = e.arn \
         WHERE n.parent_arn = ?1 AND e.status = 'RUNNING' AND e.stop_request IS NOT NULL",
    )?;
    let rows = stmt.query_map(params![parent], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
