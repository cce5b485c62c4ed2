//! The `state_machine_aliases` table. The routing configuration is kept as the JSON list
//! the API shows (`[{"stateMachineVersionArn": .., "weight": ..}]`).
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{date_to_text, text_to_date};
use super::{Store, StoreError};

/// One entry of an alias's routing configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    pub state_machine_version_arn: String,
    pub weight: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AliasRecord {
    /// `<state machine arn>:<name>`.
    pub arn: String,
    pub state_machine_arn: String,
    pub name: String,
    pub description: Option<String>,
    pub routing: Vec<Route>,
    pub creation_date: DateTime<Utc>,
    pub update_date: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "arn, state_machine_arn, name, description, routing_configuration, creation_date, update_date";

fn from_row(row: &Row) -> rusqlite::Result<AliasRecord> {
    let routing: String = row.get(4)?;
    let update: Option<String> = row.get(6)?;
    Ok(AliasRecord {
        arn: row.get(0)?,
        state_machine_arn: row.get(1)?,
        name: row.get(2)?,
        description: row.get(3)?,
        routing: serde_json::from_str(&routing).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
        })?,
        creation_date: text_to_date(&row.get::<_, String>(5)?)?,
        update_date: update.as_deref().map(text_to_date).transpose()?,
    })
}

fn routing_text(routing: &[Route]) -> String {
    serde_json::to_string(routing).unwrap_or_else(|_| "[]".into())
}

pub fn get(store: &Store, arn: &str) -> Result<Option<AliasRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM state_machine_aliases WHERE arn = ?1");
    Ok(store.conn.query_row(&sql, [arn], from_row).optional()?)
}

pub fn insert(store: &Store, alias: &AliasRecord) -> Result<(), StoreError> {
    let sql = format!(
        "INSERT INTO state_machine_aliases ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    );
    store.conn.execute(
        &sql,
        params![
            alias.arn,
            alias.state_machine_arn,
            alias.name,
            alias.description,
            routing_text(&alias.routing),
            date_to_text(&alias.creation_date),
            alias.update_date.as_ref().map(date_to_text),
        ],
    )?;
    Ok(())
}

/// Rewrites the description, routing and update date of an existing alias.
pub fn update(store: &Store, alias: &AliasRecord) -> Result<(), StoreError> {
    store.conn.execute(
        "UPDATE state_machine_aliases SET description = ?2, routing_configuration = ?3, \
         update_date = ?4 WHERE arn = ?1",
        params![
            alias.arn,
            alias.description,
            routing_text(&alias.routing),
            alias.update_date.as_ref().map(date_to_text),
        ],
    )?;
    Ok(())
}

/// Deletes one alias; false if there was none.
pub fn delete(store: &Store, arn: &str) -> Result<bool, StoreError> {
    Ok(store
        .conn
        .execute("DELETE FROM state_machine_aliases WHERE arn = ?1", [arn])?
        > 0)
}

/// Deletes every alias of a machine (with the machine).
pub fn delete_all(store: &Store, state_machine_arn: &str) -> Result<(), StoreError> {
    store.conn.execute(
        "DELETE FROM state_machine_aliases WHERE state_machine_arn = ?1",
        [state_machine_arn],
    )?;
    Ok(())
}

/// Up to `limit` aliases of a machine in name order, after the name `after`.
pub fn list(
    store: &Store,
    state_machine_arn: &str,
    after: Option<&str>,
    limit: usize,
) -> Result<Vec<AliasRecord>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM state_machine_aliases \
         WHERE state_machine_arn = ?1 AND (?2 IS NULL OR name > ?2) ORDER BY name LIMIT ?3"
    );
    let mut stmt = store.conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params![state_machine_arn, after, limit as i64], from_row)?;
    Ok(rows.collect::<Result<Vec<_>, _>>()?)
}

/// Every alias of a machine, in name order.
pub fn all(store: &Store, state_machine_arn: &str) -> Result<Vec<AliasRecord>, StoreError> {
    list(store, state_machine_arn, None, i64::MAX as usize)
}

/// How many executions were started through an alias (feeds the seeded routing draw, so
/// that successive starts under one `SFN_RANDOM_SEED` do not all draw the same number).
pub fn executions_started(store: &Store, alias_arn: &str) -> Result<u64, StoreError> {
    let n: i64 = store.conn.query_row(
        "SELECT count(*) FROM executions WHERE state_machine_alias_arn = ?1",
        [alias_arn],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SM: &str = "arn:aws:states:us-east-1:123456789012:stateMachine:m";

    fn alias(name: &str, version: i64) -> AliasRecord {
        AliasRecord {
            arn: format!("{SM}:{name}"),
            state_machine_arn: SM.into(),
            name: name.into(),
            description: None,
            routing: vec![Route {
                state_machine_version_arn: format!("{SM}:{version}"),
                weight: 100,
            }],
            creation_date: Utc::now(),
            update_date: None,
        }
    }

    #[test]
    fn aliases_round_trip_and_list_in_name_order() {
        let store = Store::in_memory().unwrap();
        let machine = crate::store::state_machines::sample("m");
        assert_eq!(machine.arn, SM);
        crate::store::state_machines::insert(&store, &machine).unwrap();
        for (name, v) in [("prod", 1), ("beta", 2), ("canary", 1)] {
            insert(&store, &alias(name, v)).unwrap();
        }
        let mut prod = get(&store, &format!("{SM}:prod")).unwrap().unwrap();
        assert_eq!(prod, alias("prod", 1).clone_dates_from(&prod));
        prod.description = Some("d".into());
        prod.routing.push(Route {
            state_machine_version_arn: format!("{SM}:2"),
            weight: 0,
        });
        prod.update_date = Some(Utc::now());
        update(&store, &prod).unwrap();
        assert_eq!(get(&store, &prod.arn).unwrap().unwrap().routing.len(), 2);
        let names = |v: Vec<AliasRecord>| v.into_iter().map(|a| a.name).collect::<Vec<_>>();
        assert_eq!(names(all(&store, SM).unwrap()), ["beta", "canary", "prod"]);
        assert_eq!(
            names(list(&store, SM, Some("beta"), 1).unwrap()),
            ["canary"]
        );
        assert!(delete(&store, &prod.arn).unwrap());
        assert!(!delete(&store, &prod.arn).unwrap());
        delete_all(&store, SM).unwrap();
        assert!(all(&store, SM).unwrap().is_empty());
    }

    impl AliasRecord {
        fn clone_dates_from(mut self, other: &AliasRecord) -> AliasRecord {
            self.creation_date = other.creation_date;
            self.update_date = other.update_date;
            self
        }
    }
}
