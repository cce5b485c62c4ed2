//! The `lambda_functions` table: the Lambda functions `sfn deploy` read from a template,
//! with where their code is on this machine, so that any later `sfn` process serves their
//! ARNs by running that code (as the deployed app's state, like a real function's).
use rusqlite::{params, OptionalExtension, Row};

use super::activities::Tx;
use super::{Store, StoreError};

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionRecord {
    pub arn: String,
    pub name: String,
    pub runtime: Option<String>,
    pub handler: Option<String>,
    /// Absolute path of the code directory; `None` when the code is not local.
    pub code_dir: Option<String>,
    /// `Environment.Variables` as a JSON object.
    pub environment: String,
    pub timeout_seconds: i64,
    pub stack_name: String,
    pub logical_id: String,
}

const COLUMNS: &str =
    "arn, name, runtime, handler, code_dir, environment, timeout_seconds, stack_name, logical_id";

fn from_row(row: &Row) -> rusqlite::Result<FunctionRecord> {
    Ok(FunctionRecord {
        arn: row.get(0)?,
        name: row.get(1)?,
        runtime: row.get(2)?,
        handler: row.get(3)?,
        code_dir: row.get(4)?,
        environment: row.get(5)?,
        timeout_seconds: row.get(6)?,
        stack_name: row.get(7)?,
        logical_id: row.get(8)?,
    })
}

/// Records the function, replacing what an earlier deploy recorded for its ARN.
pub fn put(store: &Store, record: &FunctionRecord) -> Result<(), StoreError> {
    let tx = Tx::begin(store)?;
    store.conn.execute(
        &format!("INSERT OR REPLACE INTO lambda_functions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        params![
            record.arn,
            record.name,
            record.runtime,
            record.handler,
            record.code_dir,
            record.environment,
            record.timeout_seconds,
            record.stack_name,
            record.logical_id,
        ],
    )?;
    tx.commit()
}

pub fn get(store: &Store, arn: &str) -> Result<Option<FunctionRecord>, StoreError> {
    Ok(store
        .conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM lambda_functions WHERE arn = ?1"),
            [arn],
            from_row,
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_replaces_and_get_reads_back() {
        let store = Store::in_memory().unwrap();
        let mut record = FunctionRecord {
            arn: "arn:aws:lambda:us-east-1:123456789012:function:f".into(),
            name: "f".into(),
            runtime: Some("python3.12".into()),
            handler: Some("app.handler".into()),
            code_dir: Some("/src/f".into()),
            environment: "{}".into(),
            timeout_seconds: 3,
            stack_name: "app".into(),
            logical_id: "F".into(),
        };
        put(&store, &record).unwrap();
        record.timeout_seconds = 10;
        put(&store, &record).unwrap();
        assert_eq!(get(&store, &record.arn).unwrap(), Some(record));
        assert_eq!(get(&store, "arn:nope").unwrap(), None);
    }
}
