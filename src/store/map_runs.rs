//! Map runs (`map_runs`) and the links of child executions to their map run.
use rusqlite::{params, OptionalExtension, Row};
use serde_json::Value;

use super::{Store, StoreError};

/// One row of `map_runs`; `counts` holds `{"itemCounts": …, "executionCounts": …}`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapRunRecord {
    pub arn: String,
    pub execution_arn: String,
    pub state_machine_arn: String,
    pub status: String,
    pub start_date: String,
    pub stop_date: Option<String>,
    pub max_concurrency: i64,
    pub tolerated_failure_percentage: f64,
    pub tolerated_failure_count: i64,
    pub counts: Value,
}

const COLUMNS: &str = "arn, execution_arn, state_machine_arn, status, start_date, stop_date, \
    max_concurrency, tolerated_failure_percentage, tolerated_failure_count, counts";

fn from_row(row: &Row) -> rusqlite::Result<MapRunRecord> {
    let counts: String = row.get(9)?;
    Ok(MapRunRecord {
        arn: row.get(0)?,
        execution_arn: row.get(1)?,
        state_machine_arn: row.get(2)?,
        status: row.get(3)?,
        start_date: row.get(4)?,
        stop_date: row.get(5)?,
        max_concurrency: row.get(6)?,
        tolerated_failure_percentage: row.get(7)?,
        tolerated_failure_count: row.get(8)?,
        counts: serde_json::from_str(&counts).unwrap_or(Value::Null),
    })
}

pub fn insert(store: &Store, run: &MapRunRecord) -> Result<(), StoreError> {
    store.conn.execute(
        &format!(
            "INSERT INTO map_runs ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
        ),
        params![
            run.arn,
            run.execution_arn,
            run.state_machine_arn,
            run.status,
            run.start_date,
            run.stop_date,
            run.max_concurrency,
            run.tolerated_failure_percentage,
            run.tolerated_failure_count,
            run.counts.to_string(),
        ],
    )?;
    Ok(())
}

/// Writes the status, stop date and counts of a run.
pub fn save_progress(store: &Store, run: &MapRunRecord) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE map_runs SET status = ?2, stop_date = ?3, counts = ?4 WHERE arn = ?1",
        params![run.arn, run.status, run.stop_date, run.counts.to_string()],
    )?;
    Ok(())
}

/// UpdateMapRun's settings (each optional).
pub fn update_settings(
    store: &Store,
    arn: &str,
    max_concurrency: Option<i64>,
    percentage: Option<f64>,
    count: Option<i64>,
) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE map_runs SET max_concurrency = COALESCE(?2, max_concurrency), \
         tolerated_failure_percentage = COALESCE(?3, tolerated_failure_percentage), \
         tolerated_failure_count = COALESCE(?4, tolerated_failure_count) WHERE arn = ?1",
        params![arn, max_concurrency, percentage, count],
    )?;
    Ok(())
}

pub fn get(store: &Store, arn: &str) -> Result<Option<MapRunRecord>, StoreError> {
    Ok(store
        .conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM map_runs WHERE arn = ?1"),
            params![arn],
            from_row,
        )
        .optional()?)
}

/// The map runs an execution started, oldest first.
pub fn list_for_execution(
    store: &Store,
    execution_arn: &str,
) -> Result<Vec<MapRunRecord>, StoreError> {
    let mut stmt = store.conn.prepare(&format!(
        "SELECT {COLUMNS} FROM map_runs WHERE execution_arn = ?1 ORDER BY start_date, rowid"
    ))?;
    let rows = stmt.query_map(params![execution_arn], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Marks an execution as a child of a map run carrying `item_count` items.
pub fn link_child(
    store: &Store,
    execution_arn: &str,
    map_run_arn: &str,
    item_count: i64,
) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE executions SET map_run_arn = ?2, item_count = ?3 WHERE arn = ?1",
        params![execution_arn, map_run_arn, item_count],
    )?;
    Ok(())
}

/// A child execution as ListExecutions shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildRow {
    pub arn: String,
    pub state_machine_arn: String,
    pub name: String,
    pub status: String,
    pub start_date: String,
    pub stop_date: Option<String>,
    pub item_count: Option<i64>,
    pub redrive_count: i64,
}

/// Children of a map run, newest first, optionally with one status.
pub fn children(
    store: &Store,
    map_run_arn: &str,
    status: Option<&str>,
) -> Result<Vec<ChildRow>, StoreError> {
    let mut stmt = store.conn.prepare(
        "SELECT arn, state_machine_arn, name, status, start_date, stop_date, item_count, \
         redrive_count FROM executions WHERE map_run_arn = ?1 AND (?2 IS NULL OR status = ?2) \
         ORDER BY start_date DESC, rowid DESC",
    )?;
    let rows = stmt.query_map(params![map_run_arn, status], |r| {
        Ok(ChildRow {
            arn: r.get(0)?,
            state_machine_arn: r.get(1)?,
            name: r.get(2)?,
            status: r.get(3)?,
            start_date: r.get(4)?,
            stop_date: r.get(5)?,
            item_count: r.get(6)?,
            redrive_count: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The map run that started an execution, if any.
pub fn map_run_of(store: &Store, execution_arn: &str) -> Result<Option<String>, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT map_run_arn FROM executions WHERE arn = ?1",
            params![execution_arn],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stores_updates_and_lists_runs() {
        let store = Store::in_memory().unwrap();
        let mut run = MapRunRecord {
            arn: "arn:run".into(),
            execution_arn: "arn:exec".into(),
            state_machine_arn: "arn:sm".into(),
            status: "RUNNING".into(),
            start_date: "2026-01-01T00:00:00.000Z".into(),
            stop_date: None,
            max_concurrency: 0,
            tolerated_failure_percentage: 0.0,
            tolerated_failure_count: 0,
            counts: json!({"itemCounts": {}}),
        };
        insert(&store, &run).unwrap();
        update_settings(&store, "arn:run", Some(5), None, Some(2)).unwrap();
        run.status = "SUCCEEDED".into();
        save_progress(&store, &run).unwrap();
        let got = get(&store, "arn:run").unwrap().unwrap();
        assert_eq!((got.max_concurrency, got.tolerated_failure_count), (5, 2));
        assert_eq!(got.status, "SUCCEEDED");
        assert_eq!(list_for_execution(&store, "arn:exec").unwrap().len(), 1);
        assert!(get(&store, "arn:other").unwrap().is_none());
    }
}
