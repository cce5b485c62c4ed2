//! What redriving needs besides the execution row: client tokens of recent redrives and
//! the mock test case an execution runs with.
use rusqlite::{params, OptionalExtension};

use super::{Store, StoreError};

/// The `redriveDate` of an earlier redrive of `execution_arn` with `client_token`.
pub fn token_date(
    store: &Store,
    execution_arn: &str,
    client_token: &str,
) -> Result<Option<String>, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT redrive_date FROM redrive_tokens WHERE execution_arn = ?1 AND client_token = ?2",
            params![execution_arn, client_token],
            |r| r.get(0),
        )
        .optional()?)
}

/// Remembers a redrive's client token, keeping only the last `keep` of the execution.
pub fn remember_token(
    store: &Store,
    execution_arn: &str,
    client_token: &str,
    redrive_date: &str,
    keep: usize,
) -> Result<(), StoreError> {
    store.conn.execute(
        "INSERT OR REPLACE INTO redrive_tokens (execution_arn, client_token, redrive_date) \
         VALUES (?1, ?2, ?3)",
        params![execution_arn, client_token, redrive_date],
    )?;
    store.conn.execute(
        "DELETE FROM redrive_tokens WHERE execution_arn = ?1 AND client_token NOT IN \
         (SELECT client_token FROM redrive_tokens WHERE execution_arn = ?1 \
          ORDER BY redrive_date DESC LIMIT ?2)",
        params![execution_arn, keep as i64],
    )?;
    Ok(())
}

/// Records the mock test case (`<arn>#<case>`) an execution was started with.
pub fn set_test_case(
    store: &Store,
    execution_arn: &str,
    test_case: &str,
) -> Result<(), StoreError> {
    store.conn.execute(
        "INSERT OR REPLACE INTO execution_test_cases (execution_arn, test_case) VALUES (?1, ?2)",
        params![execution_arn, test_case],
    )?;
    Ok(())
}

/// The mock test case an execution was started with.
pub fn test_case(store: &Store, execution_arn: &str) -> Result<Option<String>, StoreError> {
    Ok(store
        .conn
        .query_row(
            "SELECT test_case FROM execution_test_cases WHERE execution_arn = ?1",
            params![execution_arn],
            |r| r.get(0),
        )
        .optional()?)
}

/// The number of history events of an execution.
pub fn event_count(store: &Store, execution_arn: &str) -> Result<i64, StoreError> {
    super::history::count(store, execution_arn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_remembered_up_to_the_limit() {
        let store = Store::in_memory().unwrap();
        for i in 0..12 {
            let date = format!("2026-01-01T00:00:{i:02}.000000Z");
            remember_token(&store, "arn:e", &format!("t{i}"), &date, 10).unwrap();
        }
        assert_eq!(token_date(&store, "arn:e", "t0").unwrap(), None);
        assert_eq!(token_date(&store, "arn:e", "t1").unwrap(), None);
        assert_eq!(
            token_date(&store, "arn:e", "t11").unwrap().as_deref(),
            Some("2026-01-01T00:00:11.000000Z")
        );
        assert_eq!(token_date(&store, "arn:other", "t11").unwrap(), None);
    }

    #[test]
    fn test_cases_round_trip() {
        let store = Store::in_memory().unwrap();
        assert_eq!(test_case(&store, "arn:e").unwrap(), None);
        set_test_case(&store, "arn:e", "Happy").unwrap();
        assert_eq!(
            test_case(&store, "arn:e").unwrap().as_deref(),
            Some("Happy")
        );
    }
}
