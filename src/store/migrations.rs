//! Versioned schema migrations, tracked in `PRAGMA user_version`. Append new steps; never
//! edit one that has shipped.
use rusqlite::{Connection, TransactionBehavior};

pub enum MigrateError {
    TooNew(i64),
    /// Another application's database.
    Foreign,
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrateError {
    fn from(e: rusqlite::Error) -> Self {
        MigrateError::Sql(e)
    }
}

/// Step N brings the schema from version N to N+1.
const STEPS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9, V10];

/// The schema version this build writes (`PRAGMA user_version`).
pub const VERSION: i64 = STEPS.len() as i64;

const V1: &str = r#"
CREATE TABLE state_machines (
    arn TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    definition TEXT NOT NULL,
    role_arn TEXT NOT NULL,
    status TEXT NOT NULL,
    creation_date TEXT NOT NULL,
    update_date TEXT,
    revision_id TEXT,
    description TEXT,
    logging_configuration TEXT,
    tracing_configuration TEXT,
    encryption_configuration TEXT,
    next_version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX state_machines_by_name ON state_machines (name);
CREATE TABLE state_machine_versions (
    arn TEXT PRIMARY KEY,
    state_machine_arn TEXT NOT NULL REFERENCES state_machines(arn) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    role_arn TEXT NOT NULL,
    revision_id TEXT,
    description TEXT,
    creation_date TEXT NOT NULL
);
CREATE TABLE state_machine_aliases (
    arn TEXT PRIMARY KEY,
    state_machine_arn TEXT NOT NULL REFERENCES state_machines(arn) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    routing_configuration TEXT NOT NULL,
    creation_date TEXT NOT NULL,
    update_date TEXT
);
CREATE TABLE tags (
    resource_arn TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (resource_arn, key)
) WITHOUT ROWID;
CREATE TABLE executions (
    -- A stable integer key (an alias of the rowid, kept across VACUUM) for history_events.
    id INTEGER PRIMARY KEY,
    arn TEXT NOT NULL UNIQUE,
    state_machine_arn TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT NOT NULL,
    stop_date TEXT,
    input TEXT,
    output TEXT,
    error TEXT,
    cause TEXT,
    trace_header TEXT,
    state_machine_version_arn TEXT,
    state_machine_alias_arn TEXT,
    map_run_arn TEXT,
    redrive_count INTEGER NOT NULL DEFAULT 0,
    redrive_date TEXT,
    definition TEXT NOT NULL,
    role_arn TEXT NOT NULL,
    engine_state TEXT
);
CREATE INDEX executions_by_machine ON executions (state_machine_arn, start_date);
CREATE TABLE history_events (
    execution_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    previous_event_id INTEGER NOT NULL,
    timestamp TEXT NOT NULL,
    type TEXT NOT NULL,
    details TEXT
);
CREATE UNIQUE INDEX history_events_by_execution ON history_events (execution_id, id);
CREATE TABLE activities (
    arn TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    creation_date TEXT NOT NULL,
    encryption_configuration TEXT
);
CREATE TABLE task_tokens (
    token TEXT PRIMARY KEY,
    execution_arn TEXT NOT NULL,
    activity_arn TEXT,
    state_name TEXT NOT NULL,
    input TEXT,
    status TEXT NOT NULL,
    worker_name TEXT,
    created TEXT NOT NULL,
    started TEXT,
    timeout_at TEXT,
    heartbeat_seconds INTEGER,
    heartbeat_at TEXT,
    output TEXT,
    error TEXT,
    cause TEXT,
    closed TEXT,
    runner TEXT
);
CREATE INDEX task_tokens_by_activity ON task_tokens (activity_arn, status, created);
CREATE INDEX task_tokens_by_execution ON task_tokens (execution_arn);
CREATE TABLE map_runs (
    arn TEXT PRIMARY KEY,
    execution_arn TEXT NOT NULL,
    state_machine_arn TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT NOT NULL,
    stop_date TEXT,
    max_concurrency INTEGER NOT NULL,
    tolerated_failure_percentage REAL NOT NULL,
    tolerated_failure_count INTEGER NOT NULL,
    counts TEXT NOT NULL
);
"#;

/// Versions snapshot the configuration of their revision too (describe shows it).
const V2: &str = r#"
ALTER TABLE state_machine_versions ADD COLUMN logging_configuration TEXT;
ALTER TABLE state_machine_versions ADD COLUMN tracing_configuration TEXT;
ALTER TABLE state_machine_versions ADD COLUMN encryption_configuration TEXT;
"#;

/// Redrive: the client tokens of recent redrives (RedriveExecution is idempotent per
/// token) and the mock test case an execution was started with (a redrive runs its Task
/// states against the same one).
const V3: &str = r#"
CREATE TABLE redrive_tokens (
    execution_arn TEXT NOT NULL,
    client_token TEXT NOT NULL,
    redrive_date TEXT NOT NULL,
    PRIMARY KEY (execution_arn, client_token)
) WITHOUT ROWID;
CREATE TABLE execution_test_cases (
    execution_arn TEXT PRIMARY KEY,
    test_case TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// Map run children: how many items each carried, and listing them by map run.
const V4: &str = r#"
ALTER TABLE executions ADD COLUMN item_count INTEGER;
CREATE INDEX executions_by_map_run ON executions (map_run_arn, start_date);
"#;

/// History in chunks (see `store::history`): one row per batch of consecutive events
/// instead of one per event, and long payloads once per execution (or as a delta on the
/// payload before). Existing events move into chunks of up to 500 (their timestamps stay
/// RFC 3339 text, which readers accept).
const V5: &str = r#"
CREATE TABLE history_chunks (
    execution_id INTEGER NOT NULL,
    first_id INTEGER NOT NULL,
    count INTEGER NOT NULL,
    events TEXT NOT NULL,
    PRIMARY KEY (execution_id, first_id)
);
CREATE TABLE history_payloads (
    execution_id INTEGER NOT NULL,
    id INTEGER NOT NULL,
    base INTEGER,
    prefix INTEGER NOT NULL DEFAULT 0,
    suffix INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    PRIMARY KEY (execution_id, id)
);
INSERT INTO history_chunks (execution_id, first_id, count, events)
SELECT execution_id, MIN(id), COUNT(*),
       group_concat(
           id || char(9) || previous_event_id || char(9) || timestamp || char(9) || type
               || char(9) || char(9) || COALESCE(details, '') || char(10),
           '' ORDER BY id)
FROM history_events
GROUP BY execution_id, (id - 1) / 500;
DROP TABLE history_events;
"#;

/// Whether the database belongs to something else: tables but no schema version of ours
/// (`user_version` 0), or a version without our first table. Reads only.
pub fn is_foreign(conn: &Connection) -> rusqlite::Result<bool> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let has = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, bool>(0));
    if version == 0 {
        has("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite_%')")
    } else {
        has("SELECT NOT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'state_machines')")
    }
}

pub fn migrate(conn: &mut Connection) -> Result<(), MigrateError> {
    let target = VERSION;
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current == target {
        return Ok(());
    }
    // IMMEDIATE takes the write lock first, so two processes opening a new file at once
    // cannot both create the schema; the loser re-reads the version under the lock.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > target {
        return Err(MigrateError::TooNew(current));
    }
    // Checked again under the lock: never create our schema inside someone else's file.
    if is_foreign(&tx)? {
        return Err(MigrateError::Foreign);
    }
    for step in &STEPS[current as usize..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

/// Ownership of running executions (`store::leases`): a version for compare-and-swap
/// saves, the process holding the execution and until when, a stop asked of that process,
/// and whether an activity task's start has reached the execution's history.
const V6: &str = r#"
ALTER TABLE executions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE executions ADD COLUMN owner TEXT;
ALTER TABLE executions ADD COLUMN owner_pid INTEGER;
ALTER TABLE executions ADD COLUMN owner_host TEXT;
ALTER TABLE executions ADD COLUMN lease_expires INTEGER;
ALTER TABLE executions ADD COLUMN stop_request TEXT;
CREATE INDEX executions_running ON executions (status) WHERE status = 'RUNNING';
ALTER TABLE task_tokens ADD COLUMN started_applied INTEGER NOT NULL DEFAULT 0;
CREATE INDEX task_tokens_open ON task_tokens (status) WHERE status IN ('SCHEDULED', 'STARTED');
"#;

/// Lambda functions deployed from templates (`sfn deploy`): where each one's code is, so
/// Tasks invoking its ARN run it.
const V7: &str = r#"
CREATE TABLE lambda_functions (
    arn TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    runtime TEXT,
    handler TEXT,
    code_dir TEXT,
    environment TEXT NOT NULL,
    timeout_seconds INTEGER NOT NULL,
    stack_name TEXT NOT NULL,
    logical_id TEXT NOT NULL
) WITHOUT ROWID;
"#;

/// Executions started by another execution's Task (`states:startExecution` and the
/// `aws-sdk:sfn` integration): the parent, the parent's task token a `.sync` child
/// delivers its outcome to, and the integration pattern.
const V8: &str = r#"
CREATE TABLE nested_executions (
    child_arn TEXT PRIMARY KEY,
    parent_arn TEXT NOT NULL,
    parent_token TEXT,
    pattern TEXT NOT NULL
);
CREATE INDEX nested_executions_parent ON nested_executions (parent_arn);
"#;

/// An execution's input and definition, written once, outside its row: every save of the
/// row (its status, output, lease, version) rewrote them whole, as SQLite rewrites a row
/// whose size changes. Definitions are kept once per text (executions of one state machine
/// share it), found by a hash of the text and compared in full. Rows written before this
/// keep them in `executions.input` and `executions.definition` (no row in
/// `execution_texts`), and are read from there.
const V9: &str = r#"
CREATE TABLE definitions (
    id INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX definitions_by_hash ON definitions (hash);
CREATE TABLE execution_texts (
    execution_id INTEGER PRIMARY KEY,
    input TEXT,
    definition_id INTEGER NOT NULL
);
"#;

/// Long texts may now be zstd frames stored as BLOBs (`store::packed`): history chunks and
/// payloads, execution inputs, outputs and engine states. No table changes; the version
/// makes an older sfn refuse the store rather than misread those columns.
const V10: &str = "";

#[cfg(test)]
mod tests {
    use super::super::{executions, Store};
    use super::*;
    use serde_json::json;

    #[test]
    fn v5_moves_history_events_into_chunks() {
        let mut conn = Connection::open_in_memory().unwrap();
        for step in &STEPS[..4] {
            conn.execute_batch(step).unwrap();
        }
        conn.pragma_update(None, "user_version", 4).unwrap();
        conn.execute_batch(
            "INSERT INTO executions (id, arn, state_machine_arn, name, status, start_date, \
             definition, role_arn) VALUES (7, 'arn:e', 'arn:sm', 'e', 'SUCCEEDED', 'x', '{}', 'r');",
        )
        .unwrap();
        let details =
            r#"{"name":"A","input":"{\"k\":\"a\\tb\"}","inputDetails":{"truncated":false}}"#;
        for id in 1..=1203_i64 {
            conn.execute(
                "INSERT INTO history_events VALUES (7, ?1, ?2, '2026-01-02T03:04:05.123456Z', \
                 'PassStateEntered', ?3)",
                rusqlite::params![id, id - 1, (id % 2 == 0).then_some(details)],
            )
            .unwrap();
        }
        migrate(&mut conn).ok().unwrap();
        let chunks: i64 = conn
            .query_row("SELECT COUNT(*) FROM history_chunks", [], |r| r.get(0))
            .unwrap();
        assert_eq!(chunks, 3);
        let store = Store {
            conn,
            path: Default::default(),
        };
        let events = executions::events(&store, "arn:e").unwrap();
        assert_eq!(events.len(), 1203);
        assert_eq!(events[1202].id, 1203);
        assert_eq!(events[1202].previous_event_id, 1202);
        assert_eq!(events[1202].details, None);
        assert_eq!(
            events[1201].details,
            Some(
                json!({"name": "A", "input": "{\"k\":\"a\\tb\"}", "inputDetails": {"truncated": false}})
                    .into()
            )
        );
        assert_eq!(
            events[0].timestamp,
            executions::parse_date("2026-01-02T03:04:05.123456Z").unwrap()
        );
        let page = executions::events_page(&store, "arn:e", true, 700, 2).unwrap();
        assert_eq!(
            page.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![503, 502]
        );
    }
}
