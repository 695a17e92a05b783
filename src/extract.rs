//! `newsparse extract`: a batch of inputs through the pipeline into the sinks.
//!
//! Workers (a rayon pool of `--jobs` threads) read, decode, extract, validate
//! and write each input's record file; the calling thread receives their
//! outcomes, puts them back in input order and feeds the ordered sinks
//! (JSONL, database, error report, progress bar), so every output is the same
//! whatever the thread count.

use crate::extract_inputs::{self, InputSource, Item};
use crate::ingest::{self, Format, TextEncoding};
use crate::sink::{self, FailedInput, JsonlSink};
use indicatif::{ProgressBar, ProgressStyle};
use newsparse_core::record::Record;
use newsparse_db::{DbTarget, DbWriter};
use newsparse_pipeline::timing::{self, Stage};
use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::{BTreeMap, HashSet};
use std::io::IsTerminal;
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
    /// How to read every input (`None`: by its name, else by its first bytes).
    pub format: Option<Format>,
    /// How `.txt` inputs are decoded (`--encoding`).
    pub encoding: TextEncoding,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            inputs: Vec::new(),
            out_dir: PathBuf::from(DEFAULT_OUT),
            jsonl: None,
            jobs: 1,
            max_bytes: ingest::DEFAULT_MAX_BYTES,
            quiet: false,
            db: None,
            resume: false,
            no_files: false,
            format: None,
            encoding: TextEncoding::Utf8,
        }
    }
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
    /// A WARC record that holds no HTML page (a request, a redirect, an
    /// image…): counted, not an article.
    NotPage,
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
    encoding: TextEncoding,
    /// The pipeline and the validator; tests put in failing ones.
    extract: fn(&crate::pipeline::SourceInfo, &str) -> Record,
    extract_page: PageExtract,
    check: fn(&Record) -> Vec<crate::schema::Problem>,
}

/// The pipeline over a rendered page.
type PageExtract = fn(&crate::pipeline::SourceInfo, &newsparse_html::Page) -> Record;

/// One unit of work, in output order: an input, or one record of a WARC file.
enum Task<'a> {
    /// A path that could not become an input.
    Failed { path: String, error: String },
    /// A file (or stdin) of a known format, read by the worker.
    Input {
        path: &'a str,
        source: &'a InputSource,
        output: &'a Path,
        format: Format,
    },
    /// Stdin, already read to sniff its format.
    Bytes {
        path: &'a str,
        output: &'a Path,
        bytes: Vec<u8>,
        format: Format,
    },
    /// One record of a WARC file, read by the producer.
    WarcRecord {
        /// `FILE#N`.
        path: String,
        output: PathBuf,
        record: Result<newsparse_warc::Record, String>,
    },
}

impl Task<'_> {
    fn path(&self) -> &str {
        match self {
            Task::Failed { path, .. } | Task::WarcRecord { path, .. } => path,
            Task::Input { path, .. } | Task::Bytes { path, .. } => path,
        }
    }
}

/// How many first bytes are read to tell text, HTML and WARC apart.
const SNIFF_BYTES: usize = 4096;

/// The batch's inputs as tasks, in order: every item, and every record of
/// each WARC file, read one record at a time as workers ask for work (so a
/// WARC file of any size is held one record per worker at most).
struct Tasks<'a> {
    items: std::slice::Iter<'a, Item>,
    forced: Option<Format>,
    max_bytes: u64,
    cancel: &'a AtomicBool,
    progress: ProgressBar,
    warc: Option<OpenWarc>,
}

struct OpenWarc {
    path: String,
    /// The directory its record files go in.
    dir: PathBuf,
    reader: newsparse_warc::Reader<'static>,
    records: u64,
}

impl<'a> Iterator for Tasks<'a> {
    type Item = Task<'a>;

    fn next(&mut self) -> Option<Task<'a>> {
        loop {
            if let Some(w) = &mut self.warc {
                let stop = self.cancel.load(Ordering::Relaxed) || crate::interrupt::requested();
                match w.reader.next().filter(|_| !stop) {
                    Some(read) => {
                        w.records += 1;
                        self.progress.inc_length(1);
                        let number = match &read {
                            Ok(r) => r.number,
                            Err(e) => e.number,
                        };
                        return Some(Task::WarcRecord {
                            path: format!("{}#{number}", w.path),
                            output: w.dir.join(format!("{number:05}.json")),
                            record: read.map_err(|e| e.reason),
                        });
                    }
                    None => {
                        let w = self.warc.take()?;
                        if w.records == 0 && !stop {
                            return Some(Task::Failed {
                                path: w.path,
                                error: "empty WARC file (no records)".into(),
                            });
                        }
                        continue;
                    }
                }
            }
            let (path, source, output, by_name) = match self.items.next()? {
                Item::Failed { path, error } => {
                    return Some(Task::Failed {
                        path: path.clone(),
                        error: error.clone(),
                    })
                }
                Item::Read {
                    path,
                    source,
                    output,
                    format,
                } => (path, source, output, *format),
            };
            let format = self.forced.or(by_name);
            let failed = |error: String| Task::Failed {
                path: path.clone(),
                error,
            };
            let input: Box<dyn std::io::BufRead + Send> = match (format, source) {
                (Some(Format::Text | Format::Html), _) => {
                    return Some(Task::Input {
                        path,
                        source,
                        output,
                        format: format.unwrap_or(Format::Text),
                    })
                }
                (_, InputSource::File(file)) => match std::fs::File::open(file) {
                    Ok(f) => Box::new(std::io::BufReader::with_capacity(256 * 1024, f)),
                    Err(e) => {
                        return Some(failed(format!("cannot read: {}", ingest::io_reason(&e))))
                    }
                },
                (_, InputSource::Stdin) => Box::new(std::io::BufReader::with_capacity(
                    256 * 1024,
                    std::io::stdin(),
                )),
            };
            let (format, input) = match format {
                Some(f) => (f, input),
                None => match sniff(input) {
                    Ok(sniffed) => sniffed,
                    Err(e) => {
                        return Some(failed(format!("cannot read: {}", ingest::io_reason(&e))))
                    }
                },
            };
            if format != Format::Warc {
                let regular = match source {
                    InputSource::File(f) => std::fs::metadata(f).is_ok_and(|m| m.is_file()),
                    InputSource::Stdin => false,
                };
                if regular {
                    // Read again by the worker. (A pipe or a device cannot
                    // be: what was sniffed is read on below.)
                    return Some(Task::Input {
                        path,
                        source,
                        output,
                        format,
                    });
                }
                return Some(match read_capped(input, self.max_bytes) {
                    Ok(bytes) => Task::Bytes {
                        path,
                        output,
                        bytes,
                        format,
                    },
                    Err(e) => failed(e.to_string()),
                });
            }
            match newsparse_warc::Reader::new(input, self.max_bytes) {
                Ok(reader) => {
                    self.progress.dec_length(1);
                    self.warc = Some(OpenWarc {
                        path: path.clone(),
                        dir: output.with_extension(""),
                        reader,
                        records: 0,
                    });
                }
                Err(e) => return Some(failed(format!("cannot read: {}", ingest::io_reason(&e)))),
            }
        }
    }
}

/// The format of an input by its first bytes, and the input with those
/// bytes put back.
fn sniff(
    mut input: Box<dyn std::io::BufRead + Send>,
) -> std::io::Result<(Format, Box<dyn std::io::BufRead + Send>)> {
    use std::io::Read;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut input)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    let format = ingest::sniff_format(&head);
    let input =
        std::io::BufReader::with_capacity(256 * 1024, std::io::Cursor::new(head).chain(input));
    Ok((format, Box::new(input)))
}

/// All of a stream, refusing more than `max_bytes`.
fn read_capped(input: impl std::io::Read, max_bytes: u64) -> Result<Vec<u8>, ingest::InputError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    input
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ingest::InputError::Unreadable(ingest::io_reason(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(ingest::InputError::StreamTooLarge { limit: max_bytes });
    }
    Ok(bytes)
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
        // A WARC file (or an input whose format is not known yet) may hold
        // many articles: the thread count is not capped by the inputs then.
        let many = items.iter().any(|i| {
            matches!(i, Item::Read { format, .. }
                if opts.format.or(*format).is_none_or(|f| f == Format::Warc))
        });
        let jobs = capped_jobs(opts.jobs, if many { usize::MAX } else { items.len() });
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
        for path in &found.ignored {
            tracing::info!("{path}: not an input (.txt, .html, .htm, .warc), skipped");
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
            encoding: opts.encoding,
            extract: crate::pipeline::extract,
            extract_page: crate::pipeline::extract_page,
            check: crate::schema::check_built_record,
        };
        let mut tally = Tally {
            ignored: found.ignored.len() as u64,
            ..Tally::default()
        };
        let mut fatal = false;
        let tasks = Tasks {
            items: items.iter(),
            forced: opts.format,
            max_bytes: opts.max_bytes,
            cancel: &cancel,
            progress: progress.clone(),
            warc: None,
        };
        // Bounded, so finished records wait in memory only briefly.
        let (tx, rx) = std::sync::mpsc::sync_channel::<(usize, String, Outcome)>(jobs * 4);
        std::thread::scope(|scope| {
            let (work, pool) = (&work, &pool);
            scope.spawn(move || {
                pool.install(|| {
                    // par_bridge hands tasks out in order, so the reorder
                    // buffer below stays small.
                    tasks
                        .enumerate()
                        .par_bridge()
                        .for_each_with(tx, |tx, (i, task)| {
                            let path = task.path().to_string();
                            let outcome = if work.cancel.load(Ordering::Relaxed)
                                || crate::interrupt::requested()
                            {
                                Outcome::Cancelled
                            } else {
                                process(task, work)
                            };
                            let _ = tx.send((i, path, outcome));
                        })
                })
            });
            let mut pending: BTreeMap<usize, (String, Outcome)> = BTreeMap::new();
            let mut next = 0;
            for (i, path, outcome) in rx {
                pending.insert(i, (path, outcome));
                while let Some((path, outcome)) = pending.remove(&next) {
                    tally.tasks += 1;
                    if fatal && matches!(outcome, Outcome::Written { .. } | Outcome::SinkFailed(_))
                    {
                        // An output already failed: the records still in
                        // flight are not delivered (counted as not written).
                    } else if !self.deliver(&path, outcome, &mut tally, &progress) {
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
                // A WARC record's entry (FILE#N) stays while FILE is there.
                let file = p
                    .rsplit_once('#')
                    .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    .map_or(p, |(f, _)| f);
                seen.contains(p)
                    || (dirs.iter().any(|d| p.starts_with(d.as_str()))
                        && !Path::new(file).is_file())
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
            crate::say!("{}", tally.summary(started.elapsed().as_secs_f64()));
            // -v: where the time went (summed over threads), stage by stage.
            if tracing::enabled!(tracing::Level::INFO) {
                crate::say!(
                    "newsparse: time per stage (all threads; read includes rendering pages):"
                );
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
            Outcome::NotPage => tally.not_pages += 1,
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
    /// Tasks delivered: inputs, and records of WARC files.
    tasks: u64,
    /// WARC records that hold no HTML page.
    not_pages: u64,
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
    fn summary(&self, secs: f64) -> String {
        let secs = secs.max(1e-6);
        let inputs = self.tasks - self.not_pages;
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
        let lost = inputs.saturating_sub(accounted);
        if lost > 0 {
            s.push_str(&format!(", {lost} not written (an output failed)"));
        }
        if self.sink_failures > 0 {
            s.push_str(&format!(", {} output(s) failed", self.sink_failures));
        }
        if self.ignored > 0 {
            s.push_str(&format!(
                ", {} file(s) skipped (not .txt, .html, .htm or .warc; -v lists them)",
                self.ignored
            ));
        }
        if self.not_pages > 0 {
            s.push_str(&format!(
                ", {} WARC record(s) skipped (not HTML responses)",
                self.not_pages
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
    let info = crate::pipeline::SourceInfo::text(path, bytes);
    make_record(
        &info,
        |info| crate::pipeline::extract(info, text),
        crate::schema::check_built_record,
    )
    .and_then(with_value)
}

/// The record of an HTML page's bytes (gzipped or not), as `extract` makes
/// it for a `.html` input: inflate, decode, render, every stage, validation.
pub fn record_for_page(
    path: &str,
    bytes: &[u8],
    max_bytes: u64,
) -> Result<(Record, serde_json::Value), String> {
    let page = page_bytes(bytes, max_bytes).map_err(|e| e.to_string())?;
    page_record(
        path,
        &page,
        None,
        PageOrigin::Html,
        crate::pipeline::extract_page,
        crate::schema::check_built_record,
    )
    .and_then(with_value)
}

/// The records of a WARC file's bytes, as `extract` makes them for each
/// record (read, HTTP decoding, page decoding, rendering, every stage,
/// validation), without catching panics: the `warc` fuzz target and the
/// corpus replay test call this. A record that holds no page is
/// `Err("skipped: …")`; other `Err`s are the lines `extract` would print.
pub fn records_for_warc(
    bytes: &[u8],
    max_bytes: u64,
) -> Vec<Result<(Record, serde_json::Value), String>> {
    let Ok(reader) = newsparse_warc::Reader::new(bytes, max_bytes) else {
        return Vec::new();
    };
    reader
        .map(|read| {
            let record = read.map_err(|e| e.reason)?;
            let response = match record.html_page(max_bytes).map_err(|e| e.to_string())? {
                newsparse_warc::Payload::Html(r) => r,
                newsparse_warc::Payload::Skip(why) => return Err(format!("skipped: {why:?}")),
            };
            page_record(
                &format!("fuzz.warc#{}", record.number),
                &response.body,
                response.charset(),
                PageOrigin::Warc {
                    url: record.target_uri(),
                    record_id: record.record_id(),
                },
                crate::pipeline::extract_page,
                crate::schema::check_built_record,
            )
            .and_then(with_value)
        })
        .collect()
}

/// A page file's bytes, inflated when gzipped (at most `max_bytes`).
fn page_bytes(
    bytes: &[u8],
    max_bytes: u64,
) -> Result<std::borrow::Cow<'_, [u8]>, ingest::InputError> {
    if newsparse_warc::gzip::is_gzip(bytes) {
        ingest::gunzip(bytes, max_bytes).map(std::borrow::Cow::Owned)
    } else {
        Ok(std::borrow::Cow::Borrowed(bytes))
    }
}

/// Where a page came from.
enum PageOrigin<'a> {
    Html,
    Warc {
        url: Option<&'a str>,
        record_id: Option<&'a str>,
    },
}

/// Decode and render a page's bytes (its HTTP payload for a WARC record),
/// run the pipeline on the article text and validate the record. Also
/// gives the page's sha256, for `--resume`.
fn page_record(
    path: &str,
    bytes: &[u8],
    http_charset: Option<&str>,
    origin: PageOrigin,
    extract_page: PageExtract,
    check: fn(&Record) -> Vec<crate::schema::Problem>,
) -> Result<Record, String> {
    let rendering = Instant::now();
    let (html, _) = ingest::decode_page(bytes, http_charset).map_err(|e| e.to_string())?;
    let page = newsparse_html::render(&html).map_err(|e| e.to_string())?;
    timing::add(Stage::Read, rendering.elapsed());
    let page_source = match origin {
        PageOrigin::Html => crate::pipeline::PageSource {
            format: newsparse_core::record::SourceFormat::Html,
            url: page.url.as_deref(),
            warc_record_id: None,
        },
        PageOrigin::Warc { url, record_id } => crate::pipeline::PageSource {
            format: newsparse_core::record::SourceFormat::Warc,
            url,
            warc_record_id: record_id,
        },
    };
    let info = crate::pipeline::SourceInfo {
        path,
        bytes,
        page: Some(page_source),
    };
    make_record(&info, |info| extract_page(info, &page), check)
}

/// Run the pipeline and validate the record.
fn make_record(
    info: &crate::pipeline::SourceInfo,
    run: impl FnOnce(&crate::pipeline::SourceInfo) -> Record,
    check: fn(&Record) -> Vec<crate::schema::Problem>,
) -> Result<Record, String> {
    let record = run(info);
    let checking = Instant::now();
    // The typed record is checked and written as it is: no JSON value is
    // built for a record that passes (`check_built_record`).
    let problems = check(&record);
    timing::add(Stage::Validate, checking.elapsed());
    if !problems.is_empty() {
        return Err(crate::schema::failure_line(&problems));
    }
    Ok(record)
}

/// A record with its JSON value, for the callers that read the value.
fn with_value(record: Record) -> Result<(Record, serde_json::Value), String> {
    let value = serde_json::to_value(&record).map_err(|e| e.to_string())?;
    Ok((record, value))
}

/// Whether `--resume` skips these source bytes of `path`.
fn already_stored(work: &Work, path: &str, bytes: &[u8]) -> bool {
    let Some(stored) = work.stored else {
        return false;
    };
    let key = (path.to_string(), crate::record::sha256_hex(bytes));
    let hit = stored.contains(&key);
    if hit {
        tracing::debug!("{path}: already stored, skipped");
    }
    hit
}

/// A record made, or why not: the outcome when it was not.
type Made = Result<Record, Outcome>;

/// Run `f` (which reads, decodes and extracts) catching a panic in a stage:
/// a bug costs this input its record, not the batch.
fn guarded(f: impl FnOnce() -> Result<Record, String>) -> Made {
    match newsparse_pipeline::panic::catch_panic(f) {
        Ok(Ok(rv)) => Ok(rv),
        Ok(Err(e)) => Err(Outcome::Failed(e)),
        Err(panic) => Err(Outcome::Failed(format!(
            "internal error, no record made: a pipeline stage panicked: {panic}"
        ))),
    }
}

/// Read, decode, extract, validate and (for record files) write one task.
fn process(task: Task, work: &Work) -> Outcome {
    let (path, output, bytes_len, made) = match task {
        Task::Failed { error, .. } => return Outcome::Failed(error),
        Task::Input {
            path,
            source,
            output,
            format,
        } => {
            let file = match source {
                InputSource::File(p) => Some(p.as_path()),
                InputSource::Stdin => None,
            };
            let reading = Instant::now();
            let bytes = match ingest::read_input(file, work.max_bytes) {
                Ok(b) => b,
                Err(e) => return Outcome::Failed(e.to_string()),
            };
            timing::add(Stage::Read, reading.elapsed());
            match input_record(path, &bytes, format, work) {
                Err(outcome) => return outcome,
                Ok((len, made)) => (path.to_string(), output.to_path_buf(), len, made),
            }
        }
        Task::Bytes {
            path,
            output,
            bytes,
            format,
        } => match input_record(path, &bytes, format, work) {
            Err(outcome) => return outcome,
            Ok((len, made)) => (path.to_string(), output.to_path_buf(), len, made),
        },
        Task::WarcRecord {
            path,
            output,
            record,
        } => {
            let record = match record {
                Ok(r) => r,
                Err(e) => return Outcome::Failed(e),
            };
            let reading = Instant::now();
            let response = match record.html_page(work.max_bytes) {
                Ok(newsparse_warc::Payload::Html(r)) => r,
                Ok(newsparse_warc::Payload::Skip(why)) => {
                    tracing::debug!("{path}: skipped ({why:?})");
                    return Outcome::NotPage;
                }
                Err(e) => return Outcome::Failed(e.to_string()),
            };
            timing::add(Stage::Read, reading.elapsed());
            if already_stored(work, &path, &response.body) {
                return Outcome::Skipped {
                    bytes: response.body.len() as u64,
                };
            }
            let origin = PageOrigin::Warc {
                url: record.target_uri(),
                record_id: record.record_id(),
            };
            let made = guarded(|| {
                page_record(
                    &path,
                    &response.body,
                    response.charset(),
                    origin,
                    work.extract_page,
                    work.check,
                )
            });
            let len = response.body.len() as u64;
            (path, output, len, made)
        }
    };
    let record = match made {
        Ok(rv) => rv,
        Err(outcome) => return outcome,
    };
    let writing = Instant::now();
    if let Some(dir) = work.files_dir {
        let target = dir.join(&output);
        let mut pretty = match serde_json::to_string_pretty(&record) {
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
    let compact = match work.want_compact.then(|| serde_json::to_string(&record)) {
        None => None,
        Some(Ok(s)) => Some(s),
        Some(Err(e)) => return Outcome::Failed(format!("cannot serialize the record: {e}")),
    };
    timing::add(Stage::Write, writing.elapsed());
    Outcome::Written {
        bytes: bytes_len,
        compact,
        record: work.want_record.then(|| Box::new(record)),
    }
}

/// The record of a text or HTML input's bytes, with the size of its source
/// bytes; `Err` is the outcome when there is none (a failure, or already
/// stored).
fn input_record(
    path: &str,
    bytes: &[u8],
    format: Format,
    work: &Work,
) -> Result<(u64, Made), Outcome> {
    match format {
        Format::Text | Format::Warc => {
            let decoding = Instant::now();
            let text = ingest::decode_text(bytes, work.max_bytes, work.encoding)
                .map_err(|e| Outcome::Failed(e.to_string()))?;
            timing::add(Stage::Read, decoding.elapsed());
            if already_stored(work, path, bytes) {
                return Err(Outcome::Skipped {
                    bytes: bytes.len() as u64,
                });
            }
            let info = crate::pipeline::SourceInfo::text(path, bytes);
            let made =
                guarded(|| make_record(&info, |info| (work.extract)(info, &text), work.check));
            Ok((bytes.len() as u64, made))
        }
        Format::Html => {
            let page =
                page_bytes(bytes, work.max_bytes).map_err(|e| Outcome::Failed(e.to_string()))?;
            if already_stored(work, path, &page) {
                return Err(Outcome::Skipped {
                    bytes: page.len() as u64,
                });
            }
            let made = guarded(|| {
                page_record(
                    path,
                    &page,
                    None,
                    PageOrigin::Html,
                    work.extract_page,
                    work.check,
                )
            });
            Ok((page.len() as u64, made))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Problem;

    /// Process one article file with the given pipeline and validator.
    fn process_with(
        extract: fn(&crate::pipeline::SourceInfo, &str) -> Record,
        check: fn(&Record) -> Vec<Problem>,
    ) -> (Outcome, bool) {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("story.txt");
        std::fs::write(
            &input,
            "Mill reopens\n\nThe old mill in Brackenford reopened.\n",
        )
        .unwrap();
        let out = dir.path().join("out");
        let source = InputSource::File(input);
        let task = Task::Input {
            path: "story.txt",
            source: &source,
            output: Path::new("story.json"),
            format: Format::Text,
        };
        let cancel = AtomicBool::new(false);
        let work = Work {
            max_bytes: 1000,
            files_dir: Some(&out),
            want_compact: true,
            want_record: false,
            stored: None,
            cancel: &cancel,
            encoding: TextEncoding::Utf8,
            extract,
            extract_page: crate::pipeline::extract_page,
            check,
        };
        let outcome = process(task, &work);
        (outcome, out.join("story.json").exists())
    }

    #[test]
    fn a_valid_record_is_written() {
        let (outcome, written) = process_with(crate::pipeline::extract, |_| Vec::new());
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
        let (outcome, written) = process_with(crate::pipeline::extract, |_| {
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
        let r: Result<(), String> =
            newsparse_pipeline::panic::catch_panic(|| panic!("stage broke on {}", 7));
        let msg = r.unwrap_err();
        assert!(msg.starts_with("stage broke on 7 (at "), "{msg}");
        assert!(msg.contains("extract.rs"), "{msg}");
        assert_eq!(newsparse_pipeline::panic::catch_panic(|| 5), Ok(5));
    }
}
