//! `newsparse extract`: a batch of inputs through the pipeline into the sinks.
//!
//! Workers (a rayon pool of `--jobs` threads) read, decode, extract, validate
//! and write each input's record file; the calling thread receives their
//! outcomes, puts them back in input order and feeds the ordered sinks
//! (JSONL, database, error report, progress bar), so every output is the same
//! whatever the thread count.

use crate::extract_inputs::{self, InputSource, Item};
use crate::ingest;
use crate::sink::{self, FailedInput, JsonlSink};
use indicatif::{ProgressBar, ProgressStyle};
use newsparse_core::record::Record;
use newsparse_db::{DbTarget, DbWriter};
use newsparse_pipeline::timing::{self, Stage};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};
use std::io::IsTerminal;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Exit status: every input gave a record.
pub const EXIT_OK: i32 = 0;
/// Exit status: some inputs failed (each reported), or an output could not be
/// finished (JSONL, database, errors.jsonl).
pub const EXIT_FAILED: i32 = 1;
/// Exit status: usage error, or nothing could start (output directory, JSONL
/// file or database unusable).
pub const EXIT_USAGE: i32 = 2;

/// The default input directory and output directory.
pub const DEFAULT_INPUTS: &str = "inputs";
pub const DEFAULT_OUT: &str = "outputs";
/// The name of the failure list written beside the outputs.
pub const ERRORS_FILE: &str = "errors.jsonl";

#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// Files, directories or `-`; empty means `inputs/`.
    pub inputs: Vec<PathBuf>,
    /// Directory for one `NAME.json` per input (and `errors.jsonl`).
    pub out_dir: PathBuf,
    /// One record per line to this file instead of record files; `-` is stdout.
    pub jsonl: Option<PathBuf>,
    pub jobs: usize,
    pub max_bytes: u64,
    /// No progress bar and no closing summary.
    pub quiet: bool,
    pub db: Option<DbTarget>,
    /// Skip inputs whose (path, sha256) the database already holds.
    pub resume: bool,
    /// With a database: write no record files.
    pub no_files: bool,
}

/// Parse a byte count: a plain number, or one with a binary suffix
/// (`K`, `M`, `G`, optionally followed by `B` or `iB`), e.g. `10M`, `512KiB`.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 10485760, 10M, 512K)"))?;
    let unit = unit.trim().to_ascii_uppercase();
    let unit = unit
        .strip_suffix("IB")
        .or_else(|| unit.strip_suffix('B'))
        .unwrap_or(&unit);
    let mult: u64 = match unit {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("`{s}`: unknown size unit (use K, M or G)")),
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("`{s}` is too large"))
}

/// What became of one input.
enum Outcome {
    Written {
        bytes: u64,
        /// The compact JSON, for the JSONL and database sinks.
        compact: Option<String>,
        /// Boxed: records are large and most runs carry none.
        record: Option<Box<Record>>,
    },
    /// Already in the database (`--resume`).
    Skipped {
        bytes: u64,
    },
    Failed(String),
    /// The record was made but its file could not be written for a reason
    /// that will hit every input (a full disk, a read-only file system):
    /// the run stops with this one line.
    SinkFailed(String),
    /// Not attempted: the run is stopping after a fatal sink error.
    Cancelled,
}

/// What every worker needs to process an input.
struct Work<'a> {
    max_bytes: u64,
    /// Where record files go (`None`: no record files).
    files_dir: Option<&'a Path>,
    /// Whether an ordered sink wants the compact JSON.
    want_compact: bool,
    want_record: bool,
    stored: Option<&'a HashSet<(String, String)>>,
    cancel: &'a AtomicBool,
    /// The pipeline and the validator; tests put in failing ones.
    extract: fn(&crate::pipeline::SourceInfo, &str) -> Record,
    check: fn(&Record, &serde_json::Value) -> Vec<crate::schema::Problem>,
}

/// What `extract` with no arguments says when there is no `inputs/` here.
pub const NO_INPUTS_HELP: &str = "\
newsparse extract: no INPUT given, and there is no inputs/ directory here to read.
Usage: newsparse extract [INPUT]... [-o DIR | --jsonl FILE|-]
  INPUT  article files, directories (searched for *.txt), or - for stdin
Run `newsparse extract --help` for every option.";

pub fn run(opts: &ExtractOptions) -> i32 {
    if opts.inputs.is_empty() && std::fs::metadata(DEFAULT_INPUTS).is_err() {
        // A first try in an empty directory: say how to use it rather than
        // making outputs/ with an errors.jsonl in it.
        crate::say!("{NO_INPUTS_HELP}");
        return EXIT_USAGE;
    }
    match Run::setup(opts) {
        Ok(run) => run.go(opts),
        Err(message) => {
            crate::say!("error: {message}");
            EXIT_USAGE
        }
    }
}

/// The sinks of one run, opened before any work starts.
struct Run {
    files_dir: Option<PathBuf>,
    jsonl: Option<JsonlSink>,
    jsonl_name: String,
    errors_path: Option<PathBuf>,
    db: Option<DbWriter>,
    stored: Option<HashSet<(String, String)>>,
}

impl Run {
    fn setup(opts: &ExtractOptions) -> Result<Run, String> {
        let jsonl_path = opts.jsonl.as_deref();
        let to_stdout = jsonl_path.is_some_and(|p| p.as_os_str() == "-");
        if opts.no_files && opts.db.is_none() {
            return Err("--no-files needs a database (--sqlite or --postgres)".into());
        }
        if opts.resume && opts.db.is_none() {
            return Err("--resume needs a database (--sqlite or --postgres)".into());
        }
        let files_dir = (jsonl_path.is_none() && !opts.no_files).then(|| opts.out_dir.clone());
        let errors_path = match jsonl_path {
            None => Some(opts.out_dir.join(ERRORS_FILE)),
            Some(_) if to_stdout => None,
            Some(p) => Some(
                p.parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .join(ERRORS_FILE),
            ),
        };
        if let (Some(j), Some(e)) = (jsonl_path, &errors_path) {
            if j.file_name() == e.file_name() {
                return Err(format!(
                    "{}: that name is kept for the failure list; choose another",
                    j.display()
                ));
            }
        }
        // Every sink is checked before any work starts, so an unusable
        // output is one line and exit 2, not a failure per input afterwards.
        if jsonl_path.is_none() {
            sink::probe_dir(&opts.out_dir).map_err(|e| {
                format!(
                    "{}: cannot write in the output directory: {}",
                    opts.out_dir.display(),
                    ingest::io_reason(&e)
                )
            })?;
        }
        let jsonl = match jsonl_path {
            None => None,
            Some(_) if to_stdout => Some(JsonlSink::stdout()),
            Some(p) => Some(JsonlSink::create(p).map_err(|e| {
                format!(
                    "{}: cannot write the JSONL output: {}",
                    p.display(),
                    ingest::io_reason(&e)
                )
            })?),
        };
        if let Some(e) = &errors_path {
            sink::probe_errors_file(e).map_err(|why| {
                format!(
                    "{}: cannot write the failure list: {}",
                    e.display(),
                    ingest::io_reason(&why)
                )
            })?;
        }
        let db = match &opts.db {
            None => None,
            Some(target) => {
                Some(DbWriter::open(target).map_err(|e| format!("database: cannot open: {e}"))?)
            }
        };
        let stored = match (&db, opts.resume) {
            (Some(db), true) => Some(
                db.stored_inputs()
                    .map_err(|e| format!("database: cannot list stored inputs: {e}"))?,
            ),
            _ => None,
        };
        Ok(Run {
            files_dir,
            jsonl,
            jsonl_name: match jsonl_path {
                Some(_) if to_stdout => "stdout".to_string(),
                Some(p) => p.display().to_string(),
                None => String::new(),
            },
            errors_path,
            db,
            stored,
        })
    }

    fn go(mut self, opts: &ExtractOptions) -> i32 {
        let started = Instant::now();
        let args = if opts.inputs.is_empty() {
            vec![PathBuf::from(DEFAULT_INPUTS)]
        } else {
            opts.inputs.clone()
        };
        let found = extract_inputs::discover_all(&args);
        let items = found.items;
        let jobs = capped_jobs(opts.jobs, items.len());
        let pool = match rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .thread_name(|i| format!("newsparse-worker-{i}"))
            .build()
        {
            Ok(pool) => pool,
            Err(e) => {
                crate::say!("error: cannot start worker threads: {e}");
                return EXIT_USAGE;
            }
        };
        install_panic_hook();
        for path in &found.ignored {
            tracing::info!("{path}: not a .txt file, skipped");
        }
        tracing::info!(
            inputs = items.len(),
            jobs,
            "extracting into {}",
            self.files_dir
                .as_deref()
                .map(|d| d.display().to_string())
                .unwrap_or_else(|| self.jsonl_name.clone())
        );

        let progress = if opts.quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::new(items.len() as u64);
            bar.set_style(
                ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {pos}/{len} ({eta} left)",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        };

        let cancel = AtomicBool::new(false);
        let files_dir = self.files_dir.clone();
        let stored = self.stored.take();
        let work = Work {
            max_bytes: opts.max_bytes,
            files_dir: files_dir.as_deref(),
            want_compact: self.jsonl.is_some() || self.db.is_some(),
            want_record: self.db.is_some(),
            stored: stored.as_ref(),
            cancel: &cancel,
            extract: crate::pipeline::extract,
            check: crate::schema::check_built_record,
        };
        let mut tally = Tally {
            ignored: found.ignored.len() as u64,
            ..Tally::default()
        };
        let mut fatal = false;
        // Bounded, so finished records wait in memory only briefly.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, Outcome)>(jobs * 4);
        std::thread::scope(|scope| {
            let (items, work, pool) = (&items, &work, &pool);
            scope.spawn(move || {
                pool.install(|| {
                    // par_bridge hands inputs out in order, so the reorder
                    // buffer below stays small.
                    items
                        .iter()
                        .enumerate()
                        .par_bridge()
                        .for_each_with(tx, |tx, (i, item)| {
                            let outcome = if work.cancel.load(Ordering::Relaxed)
                                || crate::interrupt::requested()
                            {
                                Outcome::Cancelled
                            } else {
                                process(item, work)
                            };
                            let _ = tx.send((i, outcome));
                        })
                })
            });
            let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
            let mut next = 0;
            for (i, outcome) in rx {
                pending.insert(i, outcome);
                while let Some(outcome) = pending.remove(&next) {
                    let path = items[next].path();
                    if fatal && matches!(outcome, Outcome::Written { .. } | Outcome::SinkFailed(_))
                    {
                        // An output already failed: the records still in
                        // flight are not delivered (counted as not written).
                    } else if !self.deliver(path, outcome, &mut tally, &progress) {
                        fatal = true;
                        cancel.store(true, Ordering::Relaxed);
                    }
                    progress.inc(1);
                    next += 1;
                }
            }
        });
        progress.finish_and_clear();
        let interrupted = crate::interrupt::requested();

        if let Some(jsonl) = self.jsonl.take() {
            // After a fatal error or Ctrl-C the temporary file is dropped,
            // not renamed: no partial JSONL file appears. (Lines already
            // sent to stdout or a pipe are whole records; they are flushed.)
            if interrupted && !jsonl.is_file() {
                // Whole lines already went out one by one; flush the rest.
                if let Err(e) = jsonl.finish() {
                    tracing::debug!("flushing after Ctrl-C: {e}");
                }
            } else if fatal && !jsonl.is_file() {
                // The stream failed (its error is printed) or the run
                // stopped: what reached it went out line by line.
            } else if interrupted || fatal {
                if interrupted {
                    crate::say!(
                        "newsparse: {}: not written (interrupted); run again to make it",
                        self.jsonl_name
                    );
                }
                tally.written = 0;
            } else if let Err(e) = jsonl.finish() {
                crate::say!(
                    "error: {}: cannot write: {}",
                    self.jsonl_name,
                    ingest::io_reason(&e)
                );
                tally.sink_failures += 1;
                fatal = true;
                // A file's lines reach it only at the rename; a stream's
                // last lines were flushed one by one.
                tally.written = 0;
            }
        }
        if let Some(db) = self.db.take() {
            let (stored, result) = db.finish_counted();
            match result {
                Ok(stats) => tracing::info!(stored = stats.articles_written, "database done"),
                Err(e) => {
                    crate::say!("error: database: {e}");
                    tally.sink_failures += 1;
                    tally.written = tally.written.min(stored);
                    fatal = true;
                }
            }
        }
        let mut kept_failures = 0;
        if let Some(errors_path) = &self.errors_path {
            // Inputs that got a record or failed again settle their entries
            // of an earlier list; the others' entries stay.
            let seen: HashSet<&str> = tally.settled.iter().map(String::as_str).collect();
            // So is one inside a directory this run read that is no longer a
            // file there (deleted, or a subdirectory that now has .txt files).
            let dirs: Vec<String> = args
                .iter()
                .filter(|a| a.is_dir())
                .map(|a| a.join("").to_string_lossy().into_owned())
                .collect();
            let settled = |p: &str| {
                seen.contains(p)
                    || (dirs.iter().any(|d| p.starts_with(d.as_str())) && !Path::new(p).is_file())
            };
            match sink::update_errors(errors_path, &tally.failures, &settled) {
                Ok(kept) => kept_failures = kept,
                Err(e) => {
                    crate::say!(
                        "error: {}: cannot write: {}",
                        errors_path.display(),
                        ingest::io_reason(&e)
                    );
                    tally.sink_failures += 1;
                    fatal = true;
                }
            }
        }
        // Temporary files of runs killed in these directories (SIGKILL
        // leaves them): a finished run leaves none behind.
        let mut temp_dirs: Vec<(PathBuf, bool)> = Vec::new();
        if let Some(d) = &self.files_dir {
            temp_dirs.push((d.clone(), true));
        }
        if let Some(e) = &self.errors_path {
            temp_dirs.push((sink::parent_dir(e).to_path_buf(), false));
        }
        for (dir, recursive) in temp_dirs {
            sink::remove_stale_temps(&dir, recursive);
        }
        if !opts.quiet {
            crate::say!(
                "{}",
                tally.summary(items.len(), started.elapsed().as_secs_f64())
            );
            // -v: where the time went (summed over threads), stage by stage.
            if tracing::enabled!(tracing::Level::INFO) {
                crate::say!("newsparse: time per stage (all threads):");
                for line in timing::report() {
                    crate::say!("{line}");
                }
            }
            if kept_failures > 0 {
                if let Some(p) = &self.errors_path {
                    crate::say!(
                        "newsparse: {} still lists {kept_failures} failure(s) of an earlier \
                         run, of inputs not settled by this one",
                        p.display()
                    );
                }
            }
        }
        exit_status(interrupted, fatal, &tally)
    }

    /// Hand one input's outcome to the ordered sinks. Returns false on an
    /// error that must stop the run (an output cannot be written); that
    /// error is printed once, here or when the sink is closed.
    fn deliver(
        &mut self,
        path: &str,
        outcome: Outcome,
        tally: &mut Tally,
        progress: &ProgressBar,
    ) -> bool {
        match outcome {
            Outcome::Failed(error) => {
                progress.suspend(|| crate::say!("error: {path}: {error}"));
                tally.settled.push(path.to_string());
                tally.failures.push(FailedInput {
                    path: path.to_string(),
                    error,
                });
            }
            Outcome::SinkFailed(error) => {
                progress.suspend(|| crate::say!("error: {error}"));
                tally.sink_failures += 1;
                return false;
            }
            Outcome::Skipped { bytes } => {
                tally.skipped += 1;
                tally.bytes += bytes;
                tally.settled.push(path.to_string());
            }
            Outcome::Cancelled => tally.cancelled += 1,
            Outcome::Written {
                bytes,
                compact,
                record,
            } => {
                tally.bytes += bytes;
                let writing = Instant::now();
                if let (Some(jsonl), Some(json)) = (&mut self.jsonl, &compact) {
                    let written = jsonl.write_line(json);
                    timing::add(Stage::Write, writing.elapsed());
                    if let Err(e) = written {
                        progress.suspend(|| {
                            crate::say!(
                                "error: {}: cannot write: {}",
                                self.jsonl_name,
                                ingest::io_reason(&e)
                            )
                        });
                        tally.sink_failures += 1;
                        return false;
                    }
                }
                if let (Some(db), Some(record), Some(json)) = (&self.db, record, compact) {
                    if db.send(*record, json).is_err() {
                        // The writer stopped; its error is printed once when
                        // it is closed.
                        return false;
                    }
                }
                tally.written += 1;
                tally.settled.push(path.to_string());
            }
        }
        true
    }
}

/// Worker threads: what was asked, but no more than there are inputs or
/// cores (a thousand threads on three inputs only cost time).
fn capped_jobs(asked: usize, inputs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    asked.min(cores).min(inputs).max(1)
}

/// The documented exit status of a finished run.
fn exit_status(interrupted: bool, fatal: bool, tally: &Tally) -> i32 {
    if interrupted {
        crate::interrupt::EXIT_INTERRUPTED
    } else if tally.sink_failures > 0 && tally.written == 0 && tally.failures.is_empty() {
        // An output that failed before any record reached it: nothing could
        // start (e.g. --jsonl /dev/full).
        EXIT_USAGE
    } else if fatal || !tally.failures.is_empty() {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}

#[derive(Default)]
struct Tally {
    /// Records that reached every destination of the run.
    written: u64,
    skipped: u64,
    cancelled: u64,
    /// Files in input directories that are not `.txt`.
    ignored: u64,
    /// Outputs that failed (each reported on its own line).
    sink_failures: u64,
    bytes: u64,
    failures: Vec<FailedInput>,
    /// Inputs that got a record, were already stored or failed: their
    /// entries in an earlier errors.jsonl are replaced.
    settled: Vec<String>,
}

impl Tally {
    fn summary(&self, inputs: usize, secs: f64) -> String {
        let secs = secs.max(1e-6);
        let mut s = format!(
            "newsparse: {inputs} inputs, {} records written, {} failed",
            self.written,
            self.failures.len()
        );
        if self.skipped > 0 {
            s.push_str(&format!(", {} skipped (already stored)", self.skipped));
        }
        if self.cancelled > 0 {
            s.push_str(&format!(", {} not attempted", self.cancelled));
        }
        let accounted = self.written + self.failures.len() as u64 + self.skipped + self.cancelled;
        let lost = (inputs as u64).saturating_sub(accounted);
        if lost > 0 {
            s.push_str(&format!(", {lost} not written (an output failed)"));
        }
        if self.sink_failures > 0 {
            s.push_str(&format!(", {} output(s) failed", self.sink_failures));
        }
        if self.ignored > 0 {
            s.push_str(&format!(
                ", {} file(s) skipped (not .txt; -v lists them)",
                self.ignored
            ));
        }
        s.push_str(&format!(
            "; {:.2} MB in {secs:.2} s: {:.2} MB/s, {:.1} articles/s",
            self.bytes as f64 / 1e6,
            self.bytes as f64 / 1e6 / secs,
            self.written as f64 / secs
        ));
        s
    }
}

/// The record of one input's bytes, exactly as `extract` makes it for each
/// input (decode, every stage, validation), without catching panics: the
/// fuzz targets and the corpus replay test call this, so a crash they find is
/// a crash of `extract`. `Err` is the line `extract` would print for it.
pub fn record_for_bytes(
    path: &str,
    bytes: &[u8],
    max_bytes: u64,
) -> Result<(Record, serde_json::Value), String> {
    let text = ingest::decode(bytes, max_bytes).map_err(|e| e.to_string())?;
    make_record(
        path,
        bytes,
        text,
        crate::pipeline::extract,
        crate::schema::check_built_record,
    )
}

/// Run the pipeline over decoded text and validate the record.
fn make_record(
    path: &str,
    bytes: &[u8],
    text: &str,
    extract: fn(&crate::pipeline::SourceInfo, &str) -> Record,
    check: fn(&Record, &serde_json::Value) -> Vec<crate::schema::Problem>,
) -> Result<(Record, serde_json::Value), String> {
    let info = crate::pipeline::SourceInfo::text(path, bytes);
    let record = extract(&info, text);
    let checking = Instant::now();
    let value = serde_json::to_value(&record).map_err(|e| e.to_string())?;
    let problems = check(&record, &value);
    timing::add(Stage::Validate, checking.elapsed());
    if !problems.is_empty() {
        let mut listed: Vec<String> = problems
            .iter()
            .take(3)
            .map(|p| format!("{}: {}", p.pointer, p.message))
            .collect();
        if problems.len() > 3 {
            listed.push(format!("and {} more", problems.len() - 3));
        }
        return Err(format!(
            "internal error, record not written: it fails validation: {}",
            listed.join("; ")
        ));
    }
    Ok((record, value))
}

/// Read, decode, extract, validate and (for record files) write one input.
fn process(item: &Item, work: &Work) -> Outcome {
    let (path, source, output) = match item {
        Item::Failed { error, .. } => return Outcome::Failed(error.clone()),
        Item::Read {
            path,
            source,
            output,
        } => (path, source, output),
    };
    let file = match source {
        InputSource::File(p) => Some(p.as_path()),
        InputSource::Stdin => None,
    };
    let reading = Instant::now();
    let bytes = match ingest::read_input(file, work.max_bytes) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let text = match ingest::decode(&bytes, work.max_bytes) {
        Ok(t) => t,
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    timing::add(Stage::Read, reading.elapsed());
    if let Some(stored) = work.stored {
        let key = (path.clone(), crate::record::sha256_hex(&bytes));
        if stored.contains(&key) {
            tracing::debug!("{path}: already stored, skipped");
            return Outcome::Skipped {
                bytes: bytes.len() as u64,
            };
        }
    }
    // A panic in a stage is a bug; it costs this input its record, not the batch.
    let made = catch_panic(|| make_record(path, &bytes, text, work.extract, work.check));
    let (record, value) = match made {
        Ok(Ok(rv)) => rv,
        Ok(Err(e)) => return Outcome::Failed(e),
        Err(panic) => {
            return Outcome::Failed(format!(
                "internal error, no record made: a pipeline stage panicked: {panic}"
            ))
        }
    };
    let writing = Instant::now();
    if let Some(dir) = work.files_dir {
        let target = dir.join(output);
        let mut pretty = match serde_json::to_string_pretty(&value) {
            Ok(s) => s,
            Err(e) => return Outcome::Failed(format!("cannot serialize the record: {e}")),
        };
        pretty.push('\n');
        if let Err(e) = sink::write_atomic(&target, pretty.as_bytes()) {
            let (at, why) = (target.display(), ingest::io_reason(&e));
            return if sink::hits_every_file(&e) {
                Outcome::SinkFailed(format!("{at}: cannot write: {why}"))
            } else {
                Outcome::Failed(format!("cannot write {at}: {why}"))
            };
        }
        tracing::debug!("{path} -> {}", target.display());
    }
    let compact = match work.want_compact.then(|| serde_json::to_string(&value)) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(e)) => return Outcome::Failed(format!("cannot serialize the record: {e}")),
    };
    timing::add(Stage::Write, writing.elapsed());
    Outcome::Written {
        bytes: bytes.len() as u64,
        compact,
        record: work.want_record.then(|| Box::new(record)),
    }
}

thread_local! {
    /// Set while a worker runs code whose panics it catches.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message and location of the last caught panic on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`, turning a panic into its message (with location) instead of a
/// crash and a backtrace dump on stderr.
fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CATCHING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result.map_err(|_| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(|c| c.get()) {
                return default(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-text panic payload".to_string());
            let at = info
                .location()
                .map(|l| format!(" (at {}:{})", l.file(), l.line()))
                .unwrap_or_default();
            // With RUST_BACKTRACE=1 and -vv, where it happened, for the bug report.
            let trace = std::backtrace::Backtrace::capture();
            if trace.status() == std::backtrace::BacktraceStatus::Captured {
                tracing::debug!("caught panic: {message}{at}\n{trace}");
            }
            CAUGHT.with(|c| *c.borrow_mut() = Some(format!("{message}{at}")));
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Problem;

    /// Process one article file with the given pipeline and validator.
    fn process_with(
        extract: fn(&crate::pipeline::SourceInfo, &str) -> Record,
        check: fn(&Record, &serde_json::Value) -> Vec<Problem>,
    ) -> (Outcome, bool) {
        install_panic_hook();
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("story.txt");
        std::fs::write(
            &input,
            "Mill reopens\n\nThe old mill in Brackenford reopened.\n",
        )
        .unwrap();
        let out = dir.path().join("out");
        let item = Item::Read {
            path: "story.txt".into(),
            source: InputSource::File(input),
            output: PathBuf::from("story.json"),
        };
        let cancel = AtomicBool::new(false);
        let work = Work {
            max_bytes: 1000,
            files_dir: Some(&out),
            want_compact: true,
            want_record: false,
            stored: None,
            cancel: &cancel,
            extract,
            check,
        };
        let outcome = process(&item, &work);
        (outcome, out.join("story.json").exists())
    }

    #[test]
    fn a_valid_record_is_written() {
        let (outcome, written) = process_with(crate::pipeline::extract, |_, _| Vec::new());
        assert!(matches!(
            outcome,
            Outcome::Written {
                compact: Some(_),
                ..
            }
        ));
        assert!(written);
    }

    #[test]
    fn an_invalid_record_is_a_failure_and_not_written() {
        let (outcome, written) = process_with(crate::pipeline::extract, |_, _| {
            vec![Problem {
                pointer: "/people/0/id".into(),
                message: "duplicate id".into(),
            }]
        });
        match outcome {
            Outcome::Failed(e) => assert!(
                e.contains("fails validation: /people/0/id: duplicate id"),
                "{e}"
            ),
            _ => panic!("an invalid record must fail its input"),
        }
        assert!(!written);
    }

    #[test]
    fn a_panicking_stage_is_a_failure_of_that_input() {
        let (outcome, written) = process_with(
            |_, _| panic!("stage fell over"),
            crate::schema::check_built_record,
        );
        match outcome {
            Outcome::Failed(e) => assert!(
                e.contains("a pipeline stage panicked: stage fell over"),
                "{e}"
            ),
            _ => panic!("a panic must fail its input"),
        }
        assert!(!written);
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        assert_eq!(parse_size("1234"), Ok(1234));
        assert_eq!(parse_size("10M"), Ok(10 * 1024 * 1024));
        assert_eq!(parse_size("512KiB"), Ok(512 * 1024));
        assert_eq!(parse_size("2gb"), Ok(2 << 30));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5T").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn caught_panics_keep_their_message_and_location() {
        install_panic_hook();
        let r: Result<(), String> = catch_panic(|| panic!("stage broke on {}", 7));
        let msg = r.unwrap_err();
        assert!(msg.starts_with("stage broke on 7 (at "), "{msg}");
        assert!(msg.contains("extract.rs"), "{msg}");
        assert_eq!(catch_panic(|| 5), Ok(5));
    }
}
