//! The PostgreSQL store: one connection, owned by the writer thread.
//!
//! Each table's rows go in with one statement per batch: one array per
//! column, expanded by `unnest` on the server.

use crate::rows::{BatchRows, Val};
use crate::schema::{self, Dialect, Kind, Table, MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION};
use postgres::config::Host;
use postgres::types::ToSql;
use postgres::{Client, Config, NoTls, Statement};
use std::collections::{HashMap, HashSet};
use std::str::FromStr;
use std::time::Duration;

/// Key of the advisory lock that serializes migrations between processes.
const MIGRATION_LOCK: i64 = 0x6e65_7773_7061_7273; // "newspars"
/// One column of a table's rows, bound as one array parameter.
enum ColumnArray<'a> {
    Text(Vec<Option<&'a str>>),
    Int(Vec<Option<i64>>),
}

impl ColumnArray<'_> {
    fn as_pg(&self) -> &(dyn ToSql + Sync) {
        match self {
            ColumnArray::Text(v) => v,
            ColumnArray::Int(v) => v,
        }
    }
}

fn column_arrays<'a>(table: &Table, rows: &'a [Vec<Val>]) -> Vec<ColumnArray<'a>> {
    (0..table.columns.len())
        .map(|c| match table.columns[c].1 {
            Kind::Int => ColumnArray::Int(
                rows.iter()
                    .map(|r| match &r[c] {
                        Val::Int(n) => *n,
                        Val::Text(_) => None,
                    })
                    .collect(),
            ),
            _ => ColumnArray::Text(
                rows.iter()
                    .map(|r| match &r[c] {
                        Val::Text(t) => t.as_deref(),
                        Val::Int(_) => None,
                    })
                    .collect(),
            ),
        })
        .collect()
}

/// The error with its causes: the driver's own text is only "db error".
fn full(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        text.push_str(&format!(": {c}"));
        cause = c.source();
    }
    text
}

pub struct PgStore {
    client: Client,
    /// Prepared INSERT per table name.
    inserts: HashMap<&'static str, Statement>,
}

/// "PostgreSQL database NAME on HOST:PORT", never with the password.
fn describe(config: &Config) -> String {
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(Host::Unix(p)) => p.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    let db = config
        .get_dbname()
        .or(config.get_user())
        .unwrap_or("postgres");
    format!("PostgreSQL database {db} on {host}:{port}")
}

impl PgStore {
    /// Connect and migrate. The error names the database (no password).
    pub fn open(url: &str) -> Result<(PgStore, String), String> {
        let mut config = Config::from_str(url).map_err(|e| {
            format!("invalid PostgreSQL URL (expected postgresql://USER@HOST:PORT/DB): {e}")
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        if config.get_application_name().is_none() {
            config.application_name("newsparse");
        }
        let label = describe(&config);
        let mut client = config
            .connect(NoTls)
            .map_err(|e| format!("cannot connect to {label}: {}", full(&e)))?;
        migrate(&mut client).map_err(|e| format!("cannot use {label}: {e}"))?;
        let mut inserts = HashMap::new();
        for t in schema::INSERT_ORDER {
            let st = client
                .prepare(&schema::insert_sql(t, Dialect::Postgres))
                .map_err(|e| format!("cannot use {label}: {}", full(&e)))?;
            inserts.insert(t.name, st);
        }
        Ok((PgStore { client, inserts }, label))
    }
}

/// Run the migrations this database lacks, in one transaction under an
/// advisory lock (two loaders starting at once migrate once); refuse a
/// schema newer than this build.
pub fn migrate(client: &mut Client) -> Result<(), String> {
    let mut tx = client.transaction().map_err(|e| full(&e))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .map_err(|e| full(&e))?;
    tx.batch_execute(&format!(
        "CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (
            version     BIGINT PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TIMESTAMPTZ NOT NULL DEFAULT now()
        )"
    ))
    .map_err(|e| full(&e))?;
    let current: i64 = tx
        .query_one(
            &format!("SELECT coalesce(max(version), 0)::bigint FROM {MIGRATIONS_TABLE}"),
            &[],
        )
        .map_err(|e| full(&e))?
        .get(0);
    if current > SCHEMA_VERSION {
        return Err(crate::newer_schema_message(current));
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.batch_execute(m.postgres)
            .map_err(|e| format!("migration {} failed: {}", m.version, full(&e)))?;
        tx.execute(
            &format!("INSERT INTO {MIGRATIONS_TABLE} (version, description) VALUES ($1, $2)"),
            &[&m.version, &m.description],
        )
        .map_err(|e| full(&e))?;
    }
    tx.commit().map_err(|e| full(&e))
}

impl crate::Store for PgStore {
    fn write(&mut self, batch: &BatchRows) -> Result<u64, String> {
        write(&mut self.client, &self.inserts, batch).map_err(|e| full(&e))
    }

    fn stored_inputs(&mut self) -> Result<HashSet<(String, String)>, String> {
        let rows = self
            .client
            .query("SELECT path, sha256 FROM inputs", &[])
            .map_err(|e| full(&e))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }
}

fn write(
    client: &mut Client,
    inserts: &HashMap<&'static str, Statement>,
    batch: &BatchRows,
) -> Result<u64, postgres::Error> {
    let mut tx = client.transaction()?;
    // An article stored from a smaller path keeps that record.
    let paths: HashMap<String, String> = batch.article_paths().into_iter().collect();
    let keep: HashSet<String> = tx
        .query(
            "SELECT id, source_path FROM articles WHERE id = ANY($1)",
            &[&batch.article_ids],
        )?
        .iter()
        .filter(|r| {
            let (id, old): (String, String) = (r.get(0), r.get(1));
            paths.get(&id).is_some_and(|new| &old < new)
        })
        .map(|r| r.get(0))
        .collect();
    let batch = &*batch.keeping_stored(&keep);
    let ids = &batch.article_ids;
    let replaced: i64 = tx
        .query_one("SELECT count(*) FROM articles WHERE id = ANY($1)", &[ids])?
        .get(0);
    if replaced > 0 {
        for t in schema::CHILDREN_DELETE_ORDER {
            tx.execute(
                &format!("DELETE FROM {} WHERE article_id = ANY($1)", t.name),
                &[ids],
            )?;
        }
    }
    for table_rows in &batch.tables {
        if table_rows.rows.is_empty() {
            continue;
        }
        let arrays = column_arrays(table_rows.table, &table_rows.rows);
        let params: Vec<&(dyn ToSql + Sync)> = arrays.iter().map(ColumnArray::as_pg).collect();
        tx.execute(&inserts[table_rows.table.name], &params)?;
    }
    tx.commit()?;
    Ok(replaced as u64)
}
