//! Database sinks: SQLite (bundled) and PostgreSQL.
//!
//! rayon workers hand records to one writer thread (`DbWriter`) through a
//! bounded queue, so memory stays bounded however large the archive. The
//! writer groups whatever has arrived into one transaction (at most
//! [`BATCH_MAX`] articles); an article is never split across transactions,
//! and its `inputs` row (for `--resume`) is committed with it.
//!
//! Writing an article whose record id is already stored replaces it: its old
//! rows are deleted and the new ones inserted in the same transaction.
//!
//! The schema (see `migrations/` and README.md) is created and upgraded by
//! versioned migrations when the writer opens; a database whose schema is
//! newer than this build is refused before any work starts.

mod pg;
pub mod rows;
pub mod schema;
mod sqlite;

/// The database drivers this crate writes with, at the exact versions it
/// uses, for callers that read back what they stored (tests, reports).
pub mod driver {
    pub use postgres;
    pub use rusqlite;
}

use newsparse_core::record::Record;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Records queued between the workers and the writer.
pub const QUEUE_CAPACITY: usize = 64;
/// Most articles in one transaction.
pub const BATCH_MAX: usize = 128;
/// How long the writer waits for more records before committing a batch.
pub const BATCH_WAIT: Duration = Duration::from_millis(100);
/// Test-only: when set to N, the writer exits the process (status 70) right
/// after N articles are committed, to test `--resume` after a crash.
pub const TEST_ABORT_ENV: &str = "NEWSPARSE_TEST_ABORT_AFTER";

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
    /// Articles committed (replacements included).
    pub articles_written: u64,
    /// Of those, articles whose record id was already stored and was replaced.
    pub articles_replaced: u64,
    /// Transactions committed.
    pub transactions: u64,
}

/// A connected, migrated database that can store batches.
pub(crate) trait Store: Send {
    /// Write the batch in one transaction; returns how many of its articles
    /// replaced stored ones.
    fn write(&mut self, batch: &rows::BatchRows) -> Result<u64, String>;
    fn stored_inputs(&mut self) -> Result<HashSet<(String, String)>, String>;
}

enum Msg {
    Record(Box<Record>, String),
    StoredInputs(mpsc::Sender<Result<HashSet<(String, String)>, String>>),
}

/// What the writer thread shares with its handle.
#[derive(Default)]
struct Shared {
    articles_stored: AtomicU64,
    failure: Mutex<Option<String>>,
}

/// A single writer thread that batches records into transactions.
pub struct DbWriter {
    sender: Option<SyncSender<Msg>>,
    thread: Option<JoinHandle<Result<DbStats, DbError>>>,
    shared: Arc<Shared>,
    /// Names the database in messages (never with a password).
    label: String,
}

impl DbWriter {
    /// Connect, migrate (or refuse a newer schema), and start the writer
    /// thread. Fails before any work starts when the database is unusable.
    pub fn open(target: &DbTarget) -> Result<DbWriter, DbError> {
        let (store, label): (Box<dyn Store>, String) = match target {
            DbTarget::Sqlite(path) => {
                let label = format!("SQLite database {}", path.display());
                let store = sqlite::SqliteStore::open(path)
                    .map_err(|e| DbError(format!("cannot use {label}: {e}")))?;
                (Box::new(store), label)
            }
            DbTarget::Postgres(url) => {
                let (store, label) = pg::PgStore::open(url).map_err(DbError)?;
                (Box::new(store), label)
            }
        };
        let abort_after = std::env::var(TEST_ABORT_ENV)
            .ok()
            .and_then(|v| v.parse::<u64>().ok());
        let shared = Arc::new(Shared::default());
        let (sender, receiver) = mpsc::sync_channel(QUEUE_CAPACITY);
        let thread_shared = Arc::clone(&shared);
        let thread_label = label.clone();
        let thread = std::thread::Builder::new()
            .name("newsparse-db-writer".into())
            .spawn(move || {
                let result = write_loop(store, &receiver, &thread_shared, abort_after);
                // Record the failure before the queue closes, so that a
                // worker whose send fails can tell why.
                let result = result.map_err(|e| {
                    let n = thread_shared.articles_stored.load(Ordering::SeqCst);
                    *thread_shared
                        .failure
                        .lock()
                        .unwrap_or_else(|p| p.into_inner()) = Some(e.clone());
                    DbError(failure_message(&thread_label, n, &e))
                });
                drop(receiver);
                result
            })
            .map_err(|e| DbError(format!("cannot start the database writer: {e}")))?;
        Ok(DbWriter {
            sender: Some(sender),
            thread: Some(thread),
            shared,
            label,
        })
    }

    /// The (source path, sha256) pairs already stored, for `--resume`.
    /// Includes every record sent before this call.
    pub fn stored_inputs(&self) -> Result<HashSet<(String, String)>, DbError> {
        let (reply, answer) = mpsc::channel();
        self.queue(Msg::StoredInputs(reply))?;
        match answer.recv() {
            Ok(result) => result.map_err(|e| {
                DbError(format!(
                    "cannot read stored inputs from {}: {e}",
                    self.label
                ))
            }),
            Err(_) => Err(self.failed()),
        }
    }

    /// Queue one record (with its JSON text) for writing. Blocks when the
    /// queue is full, so memory stays bounded.
    pub fn send(&self, record: Record, json: String) -> Result<(), DbError> {
        self.queue(Msg::Record(Box::new(record), json))
    }

    /// Articles committed so far.
    pub fn articles_stored(&self) -> u64 {
        self.shared.articles_stored.load(Ordering::SeqCst)
    }

    /// Flush, commit and stop the writer thread.
    /// [`finish`](Self::finish), also giving how many articles this run
    /// stored, which a failed run's caller needs for its summary.
    pub fn finish_counted(self) -> (u64, Result<DbStats, DbError>) {
        let shared = Arc::clone(&self.shared);
        let result = self.finish();
        (shared.articles_stored.load(Ordering::SeqCst), result)
    }

    pub fn finish(mut self) -> Result<DbStats, DbError> {
        self.sender = None;
        let thread = self.thread.take().expect("finish runs once");
        thread
            .join()
            .unwrap_or_else(|_| Err(DbError("the database writer thread panicked".into())))
    }

    fn queue(&self, msg: Msg) -> Result<(), DbError> {
        let sender = self.sender.as_ref().expect("sender lives until finish");
        sender.send(msg).map_err(|_| self.failed())
    }

    /// The error for a writer thread that has stopped on a failure.
    fn failed(&self) -> DbError {
        let why = self
            .shared
            .failure
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_else(|| "the writer stopped".into());
        DbError(failure_message(&self.label, self.articles_stored(), &why))
    }
}

impl Drop for DbWriter {
    /// A writer dropped without `finish` still commits what it was sent.
    fn drop(&mut self) {
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn newer_schema_message(found: i64) -> String {
    format!(
        "the database schema is version {found}, newer than this newsparse knows \
         (version {}); upgrade newsparse or use another database",
        schema::SCHEMA_VERSION
    )
}

fn failure_message(label: &str, stored: u64, why: &str) -> String {
    format!(
        "writing to {label} failed after {stored} articles were stored: {why}; \
         run the same command again with --resume to store the rest"
    )
}

fn write_loop(
    mut store: Box<dyn Store>,
    receiver: &mpsc::Receiver<Msg>,
    shared: &Shared,
    abort_after: Option<u64>,
) -> Result<DbStats, String> {
    let mut stats = DbStats::default();
    let mut batch: Vec<(Record, String)> = Vec::new();
    let flush = |batch: &mut Vec<(Record, String)>,
                 store: &mut Box<dyn Store>,
                 stats: &mut DbStats|
     -> Result<(), String> {
        if batch.is_empty() {
            return Ok(());
        }
        let rows = rows::batch_rows(batch);
        let replaced = store.write(&rows)?;
        let n = batch.len() as u64;
        batch.clear();
        stats.articles_written += n;
        stats.articles_replaced += replaced;
        stats.transactions += 1;
        shared.articles_stored.fetch_add(n, Ordering::SeqCst);
        if abort_after.is_some_and(|limit| stats.articles_written >= limit) {
            eprintln!(
                "{TEST_ABORT_ENV}: exiting after {} stored articles (test hook)",
                stats.articles_written
            );
            std::process::exit(70);
        }
        Ok(())
    };
    let batch_limit = |stats: &DbStats| match abort_after {
        Some(limit) => BATCH_MAX.min(limit.saturating_sub(stats.articles_written).max(1) as usize),
        None => BATCH_MAX,
    };

    'outer: loop {
        // Wait for the first record of a batch, then gather more for a while.
        let first = match receiver.recv() {
            Ok(m) => m,
            Err(_) => break,
        };
        let mut next = Some(first);
        let deadline = Instant::now() + BATCH_WAIT;
        loop {
            match next.take() {
                Some(Msg::Record(rec, json)) => batch.push((*rec, json)),
                Some(Msg::StoredInputs(reply)) => {
                    flush(&mut batch, &mut store, &mut stats)?;
                    let _ = reply.send(store.stored_inputs());
                    continue 'outer;
                }
                None => {}
            }
            if batch.len() >= batch_limit(&stats) {
                break;
            }
            match receiver.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(m) => next = Some(m),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    flush(&mut batch, &mut store, &mut stats)?;
                    break 'outer;
                }
            }
        }
        flush(&mut batch, &mut store, &mut stats)?;
    }
    Ok(stats)
}
