//! `newsparse._newsparse`: the Rust half of the `newsparse` Python package.
//!
//! The public API (docstrings, `extract_many`'s ordering and windowing) is
//! `python/newsparse/__init__.py`; this module gives it three things:
//!
//! - [`extract_one`]: one input on the calling thread, the GIL released;
//! - [`Runner`]: a window of inputs on a shared rayon pool, the GIL released
//!   while waiting, results handed back as they finish with their index;
//! - [`check`] and [`schema_json`]: the validator and the schema.
//!
//! Every record is made exactly as `newsparse extract` makes it: the bytes are
//! decoded by `ingest::decode` (same reasons on refusal), the pipeline runs,
//! the record is turned into a `serde_json::Value` and checked by
//! `schema::check_record` before it is returned. A panic in a stage is caught
//! and becomes `InternalError`, never a crash of the interpreter.

use newsparse_core::record::{Record, SourceFormat};
use newsparse_pipeline::ingest::{self, TextEncoding};
use newsparse_pipeline::{PageSource, SourceInfo};
use newsparse_warc::gzip::is_gzip;
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString, PyTuple};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

create_exception!(
    newsparse,
    InputError,
    PyValueError,
    "The input cannot be read as an article: empty, binary, not UTF-8, too \
     large, or (HTML) a page with no article text. The message is the reason \
     `newsparse extract` gives for the same bytes."
);
create_exception!(
    newsparse,
    InternalError,
    PyRuntimeError,
    "A bug in newsparse: a pipeline stage panicked, or the record it made \
     fails validation. No record is returned; please report the input."
);

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
}

impl Format {
    fn parse(name: &str) -> PyResult<Format> {
        match name {
            "text" => Ok(Format::Text),
            "html" => Ok(Format::Html),
            other => Err(PyValueError::new_err(format!(
                "format must be \"text\" or \"html\", not {other:?}"
            ))),
        }
    }
}

/// One input, owned, ready to cross to a worker thread.
struct Job {
    path: String,
    bytes: Vec<u8>,
    /// The caller gave a `str`: `bytes` is its UTF-8, already decoded text
    /// (no encoding to apply or to sniff).
    from_str: bool,
    format: Format,
    url: Option<String>,
    /// How `bytes` is decoded (`--encoding`); plain text only.
    encoding: TextEncoding,
}

/// An `encoding=` label as the CLI's `--encoding` reads it.
fn parse_encoding(label: &str) -> PyResult<TextEncoding> {
    TextEncoding::parse(label).map_err(PyValueError::new_err)
}

/// Why an input gave no record.
enum Failure {
    /// A bad input; the CLI's reason.
    Input(String),
    /// A bug (panic, invalid record); the CLI's line for it.
    Internal(String),
}

impl Failure {
    fn into_err(self) -> PyErr {
        match self {
            Failure::Input(m) => InputError::new_err(m),
            Failure::Internal(m) => InternalError::new_err(m),
        }
    }
}

/// The path a record names when the caller gives none (as for stdin).
const NO_PATH: &str = "-";

/// What a worker hands back for a record: its compact JSON (the CLI's
/// `--jsonl` line) and, for `newsparse.spark`, the row's fields.
struct Made {
    json: String,
    row: Option<Row>,
}

/// The main fields of a record, as `newsparse.spark` writes them.
struct Row {
    id: String,
    title: Option<String>,
    subtitle: Option<String>,
    published: Option<String>,
    byline: Vec<String>,
    people: Vec<String>,
    organizations: Vec<String>,
    places: Vec<String>,
    event_types: Vec<String>,
    quotes: usize,
}

impl Row {
    fn of(r: &Record) -> Row {
        Row {
            id: r.id.clone(),
            title: r.article.title.clone(),
            subtitle: r.article.subtitle.clone(),
            published: r.article.published.clone(),
            byline: r.article.byline.clone(),
            people: r.people.iter().map(|e| e.name.clone()).collect(),
            organizations: r.organizations.iter().map(|e| e.name.clone()).collect(),
            places: r.places.iter().map(|e| e.name.clone()).collect(),
            event_types: r.events.iter().map(|e| e.event_type.clone()).collect(),
            quotes: r.quotes.len(),
        }
    }

    /// `newsparse.spark.record_row`'s dict, with the record's JSON.
    fn into_py(self, py: Python<'_>, json: String) -> PyResult<Bound<'_, PyDict>> {
        let month = self
            .published
            .as_deref()
            .filter(|p| p.len() >= 7)
            .map(|p| p[..7].to_string());
        let row = PyDict::new(py);
        row.set_item("id", self.id)?;
        row.set_item("title", self.title)?;
        row.set_item("subtitle", self.subtitle)?;
        row.set_item("published", self.published)?;
        row.set_item("month", month)?;
        row.set_item("byline", self.byline)?;
        row.set_item("people", self.people)?;
        row.set_item("organizations", self.organizations)?;
        row.set_item("places", self.places)?;
        row.set_item("event_types", self.event_types)?;
        row.set_item("quotes", self.quotes)?;
        row.set_item("record", json)?;
        row.set_item("error", py.None())?;
        Ok(row)
    }
}

/// Decode, extract and validate one input: its JSON (and row), or why not.
fn run_job(job: &Job, max_bytes: u64, want_row: bool) -> Result<Made, Failure> {
    let input = |e: ingest::InputError| Failure::Input(e.to_string());
    let made = newsparse_pipeline::panic::catch_panic(|| -> Result<Made, Failure> {
        let record = match job.format {
            Format::Text => {
                // As `newsparse extract` decodes a text file (`--encoding`);
                // a `str` is UTF-8 already.
                let encoding = if job.from_str {
                    TextEncoding::Utf8
                } else {
                    job.encoding
                };
                let text = ingest::decode_text(&job.bytes, max_bytes, encoding).map_err(input)?;
                newsparse_pipeline::extract(&SourceInfo::text(&job.path, &job.bytes), &text)
            }
            Format::Html => {
                // As `newsparse extract` reads a .html file: inflated when
                // gzipped, decoded by its charset, rendered.
                let bytes: Cow<'_, [u8]> = if is_gzip(&job.bytes) && !job.from_str {
                    Cow::Owned(ingest::gunzip(&job.bytes, max_bytes).map_err(input)?)
                } else {
                    Cow::Borrowed(&job.bytes)
                };
                if bytes.len() as u64 > max_bytes {
                    return Err(input(ingest::InputError::TooLarge {
                        bytes: bytes.len() as u64,
                        limit: max_bytes,
                    }));
                }
                let html: Cow<'_, str> = if job.from_str {
                    let text = std::str::from_utf8(&bytes).map_err(|e| {
                        input(ingest::InputError::NotUtf8 {
                            offset: e.valid_up_to(),
                        })
                    })?;
                    if text.chars().all(newsparse_lang::chars::is_space) {
                        return Err(input(ingest::InputError::Empty));
                    }
                    Cow::Borrowed(text)
                } else {
                    ingest::decode_page(&bytes, None).map_err(input)?.0
                };
                let page =
                    newsparse_html::render(&html).map_err(|e| Failure::Input(e.to_string()))?;
                let url = job.url.as_deref().or(page.url.as_deref());
                let source = SourceInfo {
                    path: &job.path,
                    bytes: &bytes,
                    page: Some(PageSource {
                        format: SourceFormat::Html,
                        url,
                        warc_record_id: None,
                    }),
                };
                newsparse_pipeline::extract_page(&source, &page)
            }
        };
        validated(&record)?;
        // The record's serialization is the one `newsparse extract` writes
        // (it goes through a `Value` with the same key order).
        let json = serde_json::to_string(&record)
            .map_err(|e| Failure::Internal(format!("cannot serialize the record: {e}")))?;
        Ok(Made {
            json,
            row: want_row.then(|| Row::of(&record)),
        })
    });
    match made {
        Ok(result) => result,
        Err(panic) => Err(Failure::Internal(format!(
            "internal error, no record made: a pipeline stage panicked: {panic}"
        ))),
    }
}

/// Validate a record before it is returned, as `newsparse extract` does
/// before it writes one: the validator's typed fast path
/// (`schema::record_is_valid`: the same rules, and a yes is always right),
/// and, when it says no, the full check (`schema::check_record`) for the
/// problems, reported in the CLI's words.
fn validated(record: &Record) -> Result<(), Failure> {
    if newsparse_validate::schema::record_is_valid(record) {
        return Ok(());
    }
    let value = serde_json::to_value(record)
        .map_err(|e| Failure::Internal(format!("cannot serialize the record: {e}")))?;
    let problems = newsparse_validate::schema::check_record(&value);
    if problems.is_empty() {
        return Ok(());
    }
    Err(Failure::Internal(newsparse_validate::schema::failure_line(
        &problems,
    )))
}

/// The bytes of a `str`, `bytes` or `bytearray` text. A `str` holding lone
/// surrogates (it has no UTF-8 form) is encoded with `surrogatepass`, so that
/// decoding refuses it with the CLI's "not UTF-8" reason and offset.
fn text_bytes(text: &Bound<'_, PyAny>) -> PyResult<(Vec<u8>, bool)> {
    if let Ok(s) = text.cast::<PyString>() {
        return match s.to_cow() {
            Ok(cow) => Ok((cow.into_owned().into_bytes(), true)),
            Err(_) => {
                let raw = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
                Ok((raw.cast::<PyBytes>()?.as_bytes().to_vec(), true))
            }
        };
    }
    if let Ok(b) = text.cast::<PyBytes>() {
        return Ok((b.as_bytes().to_vec(), false));
    }
    if let Ok(b) = text.cast::<PyByteArray>() {
        return Ok((b.to_vec(), false));
    }
    Err(PyTypeError::new_err(format!(
        "an article's text must be str or bytes, not {}",
        text.get_type().name()?
    )))
}

/// Extract one article on the calling thread, with the GIL released: the
/// record's compact JSON (the CLI's `--jsonl` line; `json.loads` makes the
/// dict, faster than building it object by object through the C API).
#[pyfunction]
#[pyo3(signature = (text, path, format, url, max_bytes, encoding = "utf-8"))]
fn extract_one(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    path: Option<String>,
    format: &str,
    url: Option<String>,
    max_bytes: u64,
    encoding: &str,
) -> PyResult<String> {
    let (bytes, from_str) = text_bytes(text)?;
    let job = Job {
        path: path.unwrap_or_else(|| NO_PATH.to_string()),
        bytes,
        from_str,
        format: Format::parse(format)?,
        url,
        encoding: parse_encoding(encoding)?,
    };
    let made = py
        .detach(|| run_job(&job, max_bytes, false))
        .map_err(Failure::into_err)?;
    Ok(made.json)
}

/// The rayon pools, one per thread count, kept for the life of the process
/// (so a program calling `extract_many` many times starts no new threads).
fn pool(jobs: usize) -> PyResult<Arc<rayon::ThreadPool>> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&jobs) {
        return Ok(p.clone());
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("newsparse-{i}"))
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start worker threads: {e}")))?;
    let built = Arc::new(built);
    pools.insert(jobs, built.clone());
    Ok(built)
}

type Done = (usize, Result<Made, Failure>);

/// Inputs handed to a rayon pool; results come back, with the index each was
/// submitted under, as they finish. Dropping the runner skips whatever has not
/// started yet.
#[pyclass(module = "newsparse._newsparse")]
struct Runner {
    pool: Arc<rayon::ThreadPool>,
    jobs: usize,
    max_bytes: u64,
    /// Hand back `newsparse.spark` rows rather than JSON texts.
    rows: bool,
    encoding: TextEncoding,
    tx: Mutex<Sender<Done>>,
    rx: Mutex<Receiver<Done>>,
    cancel: Arc<AtomicBool>,
    /// Submitted and not yet collected.
    pending: Mutex<usize>,
}

#[pymethods]
impl Runner {
    #[new]
    #[pyo3(signature = (jobs, max_bytes, rows = false, encoding = "utf-8"))]
    fn new(jobs: Option<usize>, max_bytes: u64, rows: bool, encoding: &str) -> PyResult<Self> {
        let encoding = parse_encoding(encoding)?;
        let jobs = match jobs {
            Some(0) => return Err(PyValueError::new_err("jobs must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let (tx, rx) = channel();
        Ok(Runner {
            pool: pool(jobs)?,
            jobs,
            max_bytes,
            rows,
            encoding,
            tx: Mutex::new(tx),
            rx: Mutex::new(rx),
            cancel: Arc::new(AtomicBool::new(false)),
            pending: Mutex::new(0),
        })
    }

    /// The number of worker threads.
    #[getter]
    fn jobs(&self) -> usize {
        self.jobs
    }

    /// Inputs submitted and not yet collected.
    #[getter]
    fn pending(&self) -> usize {
        *self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queue `items`, `(index, path or None, text, format)` tuples. The texts
    /// are copied here (with the GIL); the work runs on the pool.
    fn submit(&self, items: &Bound<'_, PyAny>) -> PyResult<()> {
        let mut jobs = Vec::new();
        for item in items.try_iter()? {
            let item = item?;
            let tuple = item.cast::<PyTuple>()?;
            let (index, path, text, format): (usize, Option<String>, Bound<'_, PyAny>, String) =
                tuple.extract()?;
            let (bytes, from_str) = text_bytes(&text)?;
            jobs.push((
                index,
                Job {
                    path: path.unwrap_or_else(|| NO_PATH.to_string()),
                    bytes,
                    from_str,
                    format: Format::parse(&format)?,
                    url: None,
                    encoding: self.encoding,
                },
            ));
        }
        let tx = self.tx.lock().unwrap_or_else(|e| e.into_inner()).clone();
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) += jobs.len();
        for (index, job) in jobs {
            let tx = tx.clone();
            let cancel = self.cancel.clone();
            let (max_bytes, rows) = (self.max_bytes, self.rows);
            self.pool.spawn(move || {
                if cancel.load(Ordering::Relaxed) {
                    return;
                }
                let _ = tx.send((index, run_job(&job, max_bytes, rows)));
            });
        }
        Ok(())
    }

    /// Wait (GIL released) until at least one submitted input is done, then
    /// return every finished one as `(index, result)`, where result is the
    /// record's compact JSON (`rows`: the dict `newsparse.spark` writes, its
    /// main fields and that JSON) or the exception to raise for it. An empty
    /// list when nothing is pending.
    fn collect<'py>(&self, py: Python<'py>) -> PyResult<Vec<(usize, Bound<'py, PyAny>)>> {
        if self.pending() == 0 {
            return Ok(Vec::new());
        }
        // Wait in slices, so that Ctrl-C (KeyboardInterrupt) reaches the
        // caller within a tenth of a second even while a long article runs.
        let done: Vec<Done> = loop {
            let done = py.detach(|| {
                let rx = self.rx.lock().unwrap_or_else(|e| e.into_inner());
                let mut done = Vec::new();
                if let Ok(first) = rx.recv_timeout(Duration::from_millis(100)) {
                    done.push(first);
                    done.extend(rx.try_iter());
                }
                done
            });
            if !done.is_empty() {
                break done;
            }
            py.check_signals()?;
        };
        *self.pending.lock().unwrap_or_else(|e| e.into_inner()) -= done.len();
        let mut out = Vec::with_capacity(done.len());
        for (index, result) in done {
            let obj = match result {
                Ok(Made {
                    json,
                    row: Some(row),
                }) => row.into_py(py, json)?.into_any(),
                Ok(made) => PyString::new(py, &made.json).into_any(),
                Err(f) => f.into_err().into_value(py).into_bound(py).into_any(),
            };
            out.push((index, obj));
        }
        Ok(out)
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Check a record given as JSON text: `(pointer, message)` problems.
#[pyfunction]
fn check(py: Python<'_>, json: &str) -> Vec<(String, String)> {
    let value: Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => return vec![(String::new(), format!("not JSON: {e}"))],
    };
    py.detach(|| {
        newsparse_validate::schema::check_record(&value)
            .into_iter()
            .map(|p| (p.pointer, p.message))
            .collect()
    })
}

/// The record's JSON Schema, as text.
/// The review page of a record (JSON text), with its text: the record's own
/// `text` (contract 1.1), else `text` given here. Problems are checked
/// against that text.
#[pyfunction]
#[pyo3(signature = (json, text = None))]
fn review_page(py: Python<'_>, json: &str, text: Option<&str>) -> PyResult<String> {
    let value: Value = serde_json::from_str(json)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("not JSON: {e}")))?;
    let source = text.map(str::as_bytes);
    if value.get("text").is_none() && source.is_none() {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "the record has no text of its own (contract 1.1): pass text=, the article it was made from",
        ));
    }
    let page = py.detach(|| {
        newsparse_review::review_page(&value, source, &newsparse_review::PageOptions::default())
    });
    Ok(page.0)
}

#[pyfunction]
fn schema_json() -> &'static str {
    newsparse_validate::schema::SCHEMA_JSON
}

#[pymodule]
fn _newsparse(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    m.add("DEFAULT_MAX_BYTES", ingest::DEFAULT_MAX_BYTES)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(extract_one, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(review_page, m)?)?;
    m.add_class::<Runner>()?;
    Ok(())
}
