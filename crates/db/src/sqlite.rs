//! The SQLite store: one connection, owned by the writer thread.

use crate::rows::{BatchRows, Val};
use crate::schema::{self, Dialect, MIGRATIONS, MIGRATIONS_TABLE, SCHEMA_VERSION};
use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use std::collections::HashSet;
use std::path::Path;

impl rusqlite::ToSql for Val {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Val::Text(t) => t.to_sql(),
            Val::Int(n) => n.to_sql(),
        }
    }
}

/// Page cache of the writer's connection, in KiB.
const CACHE_KIB: i64 = 64 * 1024;
/// WAL pages (of 4 KiB) between automatic checkpoints.
const WAL_CHECKPOINT_PAGES: i64 = 10_000;

pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Open (creating when missing) and migrate.
    pub fn open(path: &Path) -> Result<SqliteStore, String> {
        let mut conn = Connection::open(path).map_err(|e| e.to_string())?;
        configure(&conn).map_err(|e| e.to_string())?;
        migrate(&mut conn)?;
        Ok(SqliteStore { conn })
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    // WAL: readers (and a crashed writer's next run) never see half a
    // transaction, and commits need no fsync of the main file.
    // (A file system without WAL support keeps the old mode; that still works.)
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // The references hold by construction: every row of an article comes
    // from one validated record, and `write` deletes an article's old rows
    // itself before inserting the new ones (tests check `foreign_key_check`).
    // Checking each insert's parents again costs a B-tree search per
    // reference that cannot fail.
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    // A page cache that holds the indexes being filled, so that a batch
    // neither re-reads pages nor spills them to the WAL mid-transaction
    // (SQLite's default is 2 MiB); the memory is bounded by this number.
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    // Checkpoint (copy the WAL into the database) every ~40 MB of WAL
    // rather than every 4 MB: pages that several batches touch are copied
    // once. The WAL is cut back to `journal_size_limit` afterwards.
    conn.pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)?;
    conn.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// Run the migrations this database lacks, in one transaction; refuse a
/// schema newer than this build.
pub fn migrate(conn: &mut Connection) -> Result<(), String> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())?;
    tx.execute_batch(&format!(
        "CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (
            version     INTEGER PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        )"
    ))
    .map_err(|e| e.to_string())?;
    let current: i64 = tx
        .query_row(
            &format!("SELECT coalesce(max(version), 0) FROM {MIGRATIONS_TABLE}"),
            [],
            |r| r.get(0),
        )
        .map_err(|e| e.to_string())?;
    if current > SCHEMA_VERSION {
        return Err(crate::newer_schema_message(current));
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.execute_batch(m.sqlite)
            .map_err(|e| format!("migration {} failed: {e}", m.version))?;
        tx.execute(
            &format!("INSERT INTO {MIGRATIONS_TABLE} (version, description) VALUES (?1, ?2)"),
            rusqlite::params![m.version, m.description],
        )
        .map_err(|e| e.to_string())?;
    }
    tx.commit().map_err(|e| e.to_string())
}

impl crate::Store for SqliteStore {
    fn write(&mut self, batch: &BatchRows) -> Result<u64, String> {
        write(&mut self.conn, batch).map_err(|e| e.to_string())
    }

    fn stored_inputs(&mut self) -> Result<HashSet<(String, String)>, String> {
        let mut st = self
            .conn
            .prepare("SELECT path, sha256 FROM inputs")
            .map_err(|e| e.to_string())?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| e.to_string())?;
        rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
    }
}

fn write(conn: &mut Connection, batch: &BatchRows) -> rusqlite::Result<u64> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut replaced = 0;
    // An article stored from a smaller path keeps that record.
    let mut keep = HashSet::new();
    {
        let mut stored = tx.prepare_cached("SELECT source_path FROM articles WHERE id = ?1")?;
        for (id, path) in batch.article_paths() {
            let old: Option<String> = stored.query_row([&id], |r| r.get(0)).optional()?;
            if old.is_some_and(|old| old < path) {
                keep.insert(id);
            }
        }
    }
    let batch = &*batch.keeping_stored(&keep);
    {
        let mut exists = tx.prepare_cached("SELECT count(*) FROM articles WHERE id = ?1")?;
        for id in &batch.article_ids {
            let n: i64 = exists.query_row([id], |r| r.get(0))?;
            if n == 0 {
                continue;
            }
            replaced += 1;
            for t in schema::CHILDREN_DELETE_ORDER {
                tx.prepare_cached(&format!("DELETE FROM {} WHERE article_id = ?1", t.name))?
                    .execute([id])?;
            }
        }
        for table_rows in &batch.tables {
            if table_rows.rows.is_empty() {
                continue;
            }
            let sql = schema::insert_sql(table_rows.table, Dialect::Sqlite);
            let mut insert = tx.prepare_cached(&sql)?;
            for row in &table_rows.rows {
                insert.execute(rusqlite::params_from_iter(row.iter()))?;
            }
        }
    }
    tx.commit()?;
    Ok(replaced)
}
