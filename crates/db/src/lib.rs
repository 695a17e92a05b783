//! Database sinks: SQLite (bundled) and PostgreSQL.
//!
//! rayon workers hand records to one writer thread (`DbWriter`), which batches
//! them into transactions. (API fixed for the CLI; the db helper implements it.)

use newsparse_core::record::Record;
use std::collections::HashSet;

/// Where records go.
#[derive(Debug, Clone)]
pub enum DbTarget {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

#[derive(Debug)]
pub struct DbError(pub String);

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for DbError {}

/// What a finished writer stored.
#[derive(Debug, Default, Clone)]
pub struct DbStats {
    pub articles_written: u64,
}

/// A single writer thread that batches records into transactions.
pub struct DbWriter {}

impl DbWriter {
    /// Connect, migrate (or refuse a newer schema), and start the writer
    /// thread. Fails before any work starts when the database is unusable.
    pub fn open(target: &DbTarget) -> Result<DbWriter, DbError> {
        let _ = target;
        Err(DbError("database sinks are not implemented yet".into())) // TODO(db helper)
    }
    /// The (source path, sha256) pairs already stored, for `--resume`.
    pub fn stored_inputs(&self) -> Result<HashSet<(String, String)>, DbError> {
        Ok(HashSet::new())
    }
    /// Queue one record (with its JSON text) for writing. Blocks when the
    /// queue is full, so memory stays bounded.
    pub fn send(&self, record: Record, json: String) -> Result<(), DbError> {
        let _ = (record, json);
        Ok(())
    }
    /// Flush, commit and stop the writer thread.
    pub fn finish(self) -> Result<DbStats, DbError> {
        Ok(DbStats::default())
    }
}
