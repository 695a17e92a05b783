//! `newsparse validate`: every error of every record with file:line:column.
//!
//! Inputs are `.json` files (one record, or an array of records), `.jsonl`
//! files (one record per line), directories (searched for both; files named
//! `errors.jsonl`, the extract error log, are skipped) or `-` for stdin (JSON
//! or JSON Lines, told apart by content).
//!
//! Each record is checked against the schema and the contract's invariants
//! ([`crate::schema`]); with a source text, also that every span lies inside it,
//! that each text equals the source slice in code points, and that
//! `source.sha256`, `bytes` and `chars` describe it.
//!
//! Output, on stdout, in file order, then record order, then position in the
//! file (the order of the offending values' JSON pointers in the document):
//! - text: `FILE:LINE:COLUMN: POINTER: MESSAGE` (LINE is the record's line in
//!   JSON Lines; COLUMN counts code points from 1; the whole record's pointer
//!   is shown as `(record)`); malformed JSON as `FILE:LINE:COLUMN: malformed
//!   JSON: MESSAGE`; an unreadable file as `FILE: MESSAGE`.
//! - json: JSON Lines, one object per problem:
//!   `{"file":…,"line":…,"column":…,"record":…,"pointer":…,"message":…}`, where
//!   `record` is the record's 0-based index in its file and `line`, `column`,
//!   `record` and `pointer` are null when they do not apply (an unreadable file
//!   has none; malformed JSON has no pointer).
//!
//! A summary goes to stderr. Records are checked in parallel (rayon); the
//! output order does not depend on it.

use crate::jsonpos::{column_of, LineIndex, Positions};
use crate::schema::{
    check_record_anchored, past_end, quoted, record_is_valid, span_sites, Anchor, Found,
};
use newsparse_core::record::Record;
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
}

pub struct ValidateOptions {
    /// Files of records (`.json` or `.jsonl`), or "-" for stdin.
    pub files: Vec<PathBuf>,
    /// A text file or a directory of inputs, to check spans against.
    pub source: Option<PathBuf>,
    pub format: OutputFormat,
}

/// Run the command; prints its report to stdout. Returns the process exit
/// status: 0 all records valid, 1 some invalid or unreadable.
pub fn run(options: &ValidateOptions) -> i32 {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (status, lost) = report_to(options, &mut out);
    // A report that does not reach stdout (full disk, closed pipe) is said
    // on stderr and fails the run, rather than exiting as if all was shown.
    match lost.map_or_else(|| out.flush(), Err) {
        Ok(()) => status,
        Err(e) => {
            say!(
                "error: stdout: cannot write the report: {}",
                newsparse_pipeline::ingest::io_reason(&e)
            );
            1
        }
    }
}

/// [`run`], writing the report to `out` instead of stdout.
pub fn run_to(options: &ValidateOptions, out: &mut dyn Write) -> i32 {
    match report_to(options, out) {
        (_, Some(_)) => 1,
        (status, None) => status,
    }
}

/// Check and report; also the write error that cut the report short.
fn report_to(options: &ValidateOptions, out: &mut dyn Write) -> (i32, Option<std::io::Error>) {
    let sources = match &options.source {
        None => None,
        Some(path) if path.is_dir() => Some(Sources::Directory {
            dir: path.clone(),
            cache: Mutex::new(HashMap::new()),
            warcs: Mutex::new(HashMap::new()),
        }),
        Some(path) => match SourceFile::read(path) {
            Ok(SourceFile::One(text)) => Some(Sources::File(Arc::new(text))),
            Ok(SourceFile::Warc(pages)) => Some(Sources::Warc(Arc::new(pages))),
            Err(why) => {
                say!("{}: cannot read the source text: {why}", path.display());
                return (1, None);
            }
        },
    };
    let files = expand_inputs(&options.files);
    let outcomes: Vec<FileOutcome> = files
        .par_iter()
        .map(|input| check_input(input, sources.as_ref()))
        .collect();

    let (mut records, mut invalid, mut unreadable) = (0usize, 0usize, 0usize);
    let mut lost: Option<std::io::Error> = None;
    for outcome in &outcomes {
        records += outcome.records;
        invalid += outcome.invalid_records;
        unreadable += usize::from(outcome.unreadable);
        for report in &outcome.reports {
            let line = match options.format {
                OutputFormat::Text => report.to_text(),
                OutputFormat::Json => report.to_json(),
            };
            if lost.is_none() {
                // After a failed write the rest is only counted.
                if let Err(e) = writeln!(out, "{line}") {
                    lost = Some(e);
                }
            }
        }
    }
    let files_note = if unreadable > 0 {
        format!(", {unreadable} file(s) unreadable or malformed")
    } else {
        String::new()
    };
    say!(
        "validate: {records} record(s) in {} file(s), {invalid} invalid{files_note}",
        files.len()
    );
    let status =
        i32::from(invalid > 0 || unreadable > 0 || outcomes.iter().any(|o| !o.reports.is_empty()));
    (status, lost)
}

/// One problem, located.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Report {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    record: Option<usize>,
    pointer: Option<String>,
    message: String,
}

impl Report {
    fn to_text(&self) -> String {
        let mut s = self.file.clone();
        if let (Some(line), Some(column)) = (self.line, self.column) {
            s.push_str(&format!(":{line}:{column}"));
        }
        s.push_str(": ");
        match self.pointer.as_deref() {
            Some("") => s.push_str("(record): "),
            Some(p) => {
                s.push_str(p);
                s.push_str(": ");
            }
            None if self.line.is_some() => s.push_str("malformed JSON: "),
            None => {}
        }
        s.push_str(&self.message);
        s
    }

    fn to_json(&self) -> String {
        serde_json::json!({
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "record": self.record,
            "pointer": self.pointer,
            "message": self.message,
        })
        .to_string()
    }
}

#[derive(Debug, Default)]
struct FileOutcome {
    records: usize,
    invalid_records: usize,
    /// The file could not be read or parsed at all.
    unreadable: bool,
    reports: Vec<Report>,
}

/// Files to check, in the order given; directories expand to their `.json`
/// and `.jsonl` files in name order.
fn expand_inputs(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            collect_record_files(input, &mut files);
        } else {
            files.push(input.clone());
        }
    }
    files
}

fn collect_record_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        files.push(dir.to_path_buf()); // reported as unreadable
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_record_files(&path, files);
        } else if is_record_file(&path) {
            files.push(path);
        }
    }
}

fn is_record_file(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str());
    matches!(ext, Some("json" | "jsonl"))
        && path.file_name().and_then(|n| n.to_str()) != Some("errors.jsonl")
}

fn label(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn check_input(path: &Path, sources: Option<&Sources>) -> FileOutcome {
    let file = label(path);
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(path)
    };
    let unreadable = |message: String, line, column| unreadable(&file, message, line, column);
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return unreadable(format!("cannot read: {e}"), None, None),
    };
    let json_lines = match path.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => Some(true),
        Some("json") => Some(false),
        _ => None,
    };
    check_bytes(&file, &bytes, json_lines, sources)
}

/// Check the records in `bytes` (JSON Lines when `json_lines` says so, or as
/// told apart by content when `None`) and return the report lines, in text
/// format, that `validate` prints for them, and whether all are valid. The
/// fuzz target and the corpus replay test call this: it is all of
/// `validate` after reading the file.
pub fn check_record_bytes(
    name: &str,
    bytes: &[u8],
    json_lines: Option<bool>,
) -> (bool, Vec<String>) {
    let outcome = check_bytes(name, bytes, json_lines, None);
    let clean = outcome.reports.is_empty() && outcome.invalid_records == 0 && !outcome.unreadable;
    (clean, outcome.reports.iter().map(Report::to_text).collect())
}

/// The outcome of a file that could not be read as records at all: one
/// report naming where and why.
fn unreadable(
    file: &str,
    message: String,
    line: Option<usize>,
    column: Option<usize>,
) -> FileOutcome {
    FileOutcome {
        unreadable: true,
        reports: vec![Report {
            file: file.to_string(),
            line,
            column,
            record: None,
            pointer: None,
            message,
        }],
        ..FileOutcome::default()
    }
}

fn check_bytes(
    file: &str,
    bytes: &[u8],
    json_lines: Option<bool>,
    sources: Option<&Sources>,
) -> FileOutcome {
    let file = file.to_string();
    let unreadable = |message: String, line, column| unreadable(&file, message, line, column);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = LineIndex::new(valid).line_col(valid.len());
            return unreadable("not UTF-8 text".to_string(), Some(line), Some(column));
        }
    };
    // A byte-order mark is not JSON, but editors on some systems write one;
    // it says nothing about the record, so it is skipped (editors do not
    // count it in columns either).
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let json_lines = json_lines.unwrap_or_else(|| looks_like_json_lines(text));
    if json_lines {
        check_json_lines(&file, text, sources)
    } else {
        check_json_document(&file, text, sources)
    }
}

/// Tells JSON Lines from one JSON document when the name does not: JSON Lines
/// has a complete value on its first non-blank line and something after it.
fn looks_like_json_lines(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    match (lines.next(), lines.next()) {
        (Some(first), Some(_)) => serde_json::from_str::<serde::de::IgnoredAny>(first).is_ok(),
        _ => false,
    }
}

fn check_json_lines(file: &str, text: &str, sources: Option<&Sources>) -> FileOutcome {
    // (1-based line number, line text without its line break)
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let per_record: Vec<(bool, Vec<Report>)> = lines
        .par_iter()
        .enumerate()
        .with_min_len(64)
        .map(|(index, &(line, text))| {
            if is_valid_fast(text, sources) {
                return (false, Vec::new());
            }
            let parsed = serde_json::from_str(text);
            check_line(file, index, line, text, &parsed, sources)
        })
        .collect();
    let mut outcome = FileOutcome {
        records: lines.len(),
        ..FileOutcome::default()
    };
    for (invalid, reports) in per_record {
        outcome.invalid_records += usize::from(invalid);
        outcome.reports.extend(reports);
    }
    outcome
}

/// Whether a record's text is surely valid, by the typed fast path of
/// [`crate::schema::record_is_valid`]; when it says no, the full check tells why.
fn is_valid_fast(text: &str, sources: Option<&Sources>) -> bool {
    let valid = serde_json::from_str::<Record>(text).is_ok_and(|r| {
        record_is_valid(&r)
            && sources.is_none_or(|s| {
                s.lookup(Some(&r.source.path))
                    .is_ok_and(|source| agrees_with_source(&r, &source))
            })
    });
    debug_assert!(
        !valid || serde_json::from_str(text).is_ok_and(|v| check_one(&v, sources).is_empty()),
        "fast path accepted a record the full check rejects: {text}"
    );
    valid
}

/// One JSON Lines record: whether it is invalid, and its problems.
fn check_line(
    file: &str,
    index: usize,
    line: usize,
    record_text: &str,
    parsed: &serde_json::Result<Value>,
    sources: Option<&Sources>,
) -> (bool, Vec<Report>) {
    let to_report = |offset: usize, pointer: Option<String>, message: String| Report {
        file: file.to_string(),
        line: Some(line),
        column: Some(column_of(record_text, 0, offset)),
        record: Some(index),
        pointer,
        message,
    };
    match parsed {
        Err(e) => {
            let offset = e.column().saturating_sub(1);
            (true, vec![to_report(offset, None, serde_message(e))])
        }
        Ok(record) => {
            let found = check_one(record, sources);
            if found.is_empty() {
                return (false, Vec::new());
            }
            let positions = Positions::scan(record_text);
            let reports = locate(&positions, "", found)
                .into_iter()
                .map(|(offset, f)| to_report(offset, Some(f.problem.pointer), f.problem.message))
                .collect();
            (true, reports)
        }
    }
}

fn check_json_document(file: &str, text: &str, sources: Option<&Sources>) -> FileOutcome {
    if is_valid_fast(text, sources) {
        return FileOutcome {
            records: 1,
            ..FileOutcome::default()
        };
    }
    let lines = LineIndex::new(text);
    let document: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // serde_json counts columns in bytes; report code points.
            let start = lines.line_start(e.line());
            let column = column_of(text, start, start + e.column().saturating_sub(1));
            return FileOutcome {
                unreadable: true,
                reports: vec![Report {
                    file: file.to_string(),
                    line: Some(e.line().max(1)),
                    column: Some(column),
                    record: None,
                    pointer: None,
                    message: if looks_like_json_lines(text) {
                        format!(
                            "{} (one record per line is JSON Lines: name the file .jsonl)",
                            serde_message(&e)
                        )
                    } else {
                        serde_message(&e)
                    },
                }],
                ..FileOutcome::default()
            };
        }
    };
    let records: Vec<(String, &Value)> = match &document {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("/{i}"), r))
            .collect(),
        other => vec![(String::new(), other)],
    };
    let mut outcome = FileOutcome {
        records: records.len(),
        ..FileOutcome::default()
    };
    let mut positions: Option<Positions> = None;
    for (index, (prefix, record)) in records.iter().enumerate() {
        let found = check_one(record, sources);
        if found.is_empty() {
            continue;
        }
        outcome.invalid_records += 1;
        let positions = positions.get_or_insert_with(|| Positions::scan(text));
        for (offset, f) in locate(positions, prefix, found) {
            let (line, column) = lines.line_col(offset);
            outcome.reports.push(Report {
                file: file.to_string(),
                line: Some(line),
                column: Some(column),
                record: Some(index),
                pointer: Some(f.problem.pointer),
                message: f.problem.message,
            });
        }
    }
    outcome
}

/// serde_json's message without its " at line L column C" (we print our own).
fn serde_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    }
}

/// Byte offsets of the problems of the record at `prefix`, in document order.
fn locate(positions: &Positions, prefix: &str, found: Vec<Found>) -> Vec<(usize, Found)> {
    let mut located: Vec<(usize, Found)> = found
        .into_iter()
        .map(|f| {
            let at = positions.nearest(&format!("{prefix}{}", f.problem.pointer));
            let offset = match f.anchor {
                Anchor::Key => at.key.unwrap_or(at.value),
                Anchor::Value => at.value,
            };
            (offset, f)
        })
        .collect();
    located.sort_by(|a, b| {
        (a.0, &a.1.problem.pointer, &a.1.problem.message).cmp(&(
            b.0,
            &b.1.problem.pointer,
            &b.1.problem.message,
        ))
    });
    located.dedup_by(|a, b| a.1 == b.1);
    located
}

/// Every problem of one record checked against its source bytes, as
/// `validate --source FILE` finds them: the schema, the invariants, every span
/// and text against the source, `source.sha256`/`bytes`/`chars`. (The review
/// page's problem list.)
pub fn check_record_with_source(record: &Value, source: &[u8]) -> Vec<crate::schema::Problem> {
    // The typed fast path first, as for a file of records.
    if serde::Deserialize::deserialize(record)
        .is_ok_and(|r: Record| record_agrees_with_source(&r, source))
    {
        return Vec::new();
    }
    let sources = Sources::File(Arc::new(SourceText::from_bytes(source.to_vec())));
    check_one(record, Some(&sources))
        .into_iter()
        .map(|f| f.problem)
        .collect()
}

/// Whether a typed record passes every check of [`check_record_with_source`]:
/// the typed fast path (a yes is always right; on a no, that function says why).
pub fn record_agrees_with_source(r: &Record, source: &[u8]) -> bool {
    record_is_valid(r) && agrees_with_source(r, &SourceText::from_bytes(source.to_vec()))
}

/// Every problem of one record: schema, invariants and, with a source, the
/// source checks.
fn check_one(record: &Value, sources: Option<&Sources>) -> Vec<Found> {
    let mut found = check_record_anchored(record);
    if let Some(sources) = sources {
        check_against_source(record, sources, &mut found);
    }
    found
}

// ---------------------------------------------------------------------------
// Checks against the source text

/// Where source texts come from.
enum Sources {
    /// One text (or page) for every record.
    File(Arc<SourceText>),
    /// One WARC file: each record's page by the `#N` of its `source.path`.
    Warc(Arc<WarcPages>),
    /// A directory where each record's `source.path`, or a tail of it down to
    /// its file name, is looked up (for `FILE#N`, record N of FILE).
    Directory {
        dir: PathBuf,
        /// Source texts by the records' `source.path`.
        cache: Mutex<HashMap<String, Arc<SourceText>>>,
        /// WARC files read, by their path in `dir`.
        warcs: Mutex<HashMap<PathBuf, Arc<WarcPages>>>,
    },
}

/// The largest page (inflated) or WARC record read as a source.
const MAX_SOURCE_BYTES: u64 = 64 << 20;

/// A source file as read: a text or a page, or the pages of a WARC file.
enum SourceFile {
    One(SourceText),
    Warc(WarcPages),
}

impl SourceFile {
    /// Read a source: by its name (`.txt`; `.html`, `.htm`, also gzipped;
    /// `.warc`, `.warc.gz`), else by its first bytes.
    fn read(path: &Path) -> std::io::Result<SourceFile> {
        use newsparse_pipeline::ingest::{self, Format};
        let bytes = std::fs::read(path)?;
        let format = ingest::format_by_name(path)
            .unwrap_or_else(|| ingest::sniff_format(&bytes[..bytes.len().min(4096)]));
        Ok(match format {
            Format::Text => SourceFile::One(SourceText::from_bytes(bytes)),
            Format::Html => SourceFile::One(SourceText::page(&bytes, None)),
            Format::Warc => SourceFile::Warc(WarcPages::read(&bytes)),
        })
    }
}

/// The HTML pages of a WARC file, by record number, as `extract` reads them.
struct WarcPages {
    pages: HashMap<u64, Arc<SourceText>>,
}

impl WarcPages {
    fn read(bytes: &[u8]) -> WarcPages {
        let mut pages = HashMap::new();
        if let Ok(reader) = newsparse_warc::Reader::new(bytes, MAX_SOURCE_BYTES) {
            for record in reader.flatten() {
                if let Ok(newsparse_warc::Payload::Html(response)) =
                    record.html_page(MAX_SOURCE_BYTES)
                {
                    let page = SourceText::page(&response.body, response.charset());
                    pages.insert(record.number, Arc::new(page));
                }
            }
        }
        WarcPages { pages }
    }

    /// The page of the record a `source.path` (`FILE#N`) names.
    fn lookup(&self, path: Option<&str>) -> Result<Arc<SourceText>, Found> {
        let Some((_, n)) = path.and_then(split_record_number) else {
            return Err(found(
                "/source/path".into(),
                "the source is a WARC file, but source.path names no record of one (FILE#N)".into(),
            ));
        };
        self.pages.get(&n).cloned().ok_or_else(|| {
            found(
                "/source/path".into(),
                format!("record {n} of the source WARC file holds no HTML page"),
            )
        })
    }
}

/// `FILE#N` → (`FILE`, N).
fn split_record_number(path: &str) -> Option<(&str, u64)> {
    let (file, n) = path.rsplit_once('#')?;
    let n = n
        .parse()
        .ok()
        .filter(|_| n.bytes().all(|b| b.is_ascii_digit()))?;
    (!file.is_empty()).then_some((file, n))
}

/// A source file, ready for code-point slicing.
struct SourceText {
    bytes: u64,
    sha256: String,
    /// `None` when the file is not UTF-8 (or a page gave no article).
    text: Option<String>,
    /// A page: `text` is the article rendered from it (else the reason none
    /// was), which a record's own `text` must equal.
    page: Option<Result<(), String>>,
    /// Byte offset of every code point and of the end; `None` for ASCII text,
    /// where code points and bytes coincide.
    char_starts: Option<Vec<usize>>,
    chars: u64,
}

impl SourceText {
    #[cfg(test)]
    fn read(path: &Path) -> std::io::Result<SourceText> {
        Ok(SourceText::from_bytes(std::fs::read(path)?))
    }

    /// A page's bytes (gzipped or not; the HTTP charset when known),
    /// decoded and rendered as `extract` does.
    fn page(bytes: &[u8], http_charset: Option<&str>) -> SourceText {
        use newsparse_pipeline::ingest;
        let inflated;
        let bytes = if newsparse_warc::gzip::is_gzip(bytes) {
            match ingest::gunzip(bytes, MAX_SOURCE_BYTES) {
                Ok(b) => {
                    inflated = b;
                    &inflated[..]
                }
                Err(e) => return SourceText::unusable(bytes, e.to_string()),
            }
        } else {
            bytes
        };
        let rendered = ingest::decode_page(bytes, http_charset)
            .map_err(|e| e.to_string())
            .and_then(|(html, _)| newsparse_html::render(&html).map_err(|e| e.to_string()));
        match rendered {
            Ok(page) => {
                let mut source = SourceText::from_text(bytes, Some(page.text));
                source.page = Some(Ok(()));
                source
            }
            Err(why) => SourceText::unusable(bytes, why),
        }
    }

    fn unusable(bytes: &[u8], why: String) -> SourceText {
        let mut source = SourceText::from_text(bytes, None);
        source.page = Some(Err(why));
        source
    }

    fn from_bytes(bytes: Vec<u8>) -> SourceText {
        let text = String::from_utf8(bytes).map_err(|e| e.into_bytes());
        match text {
            Ok(text) => {
                let mut source = SourceText::from_text(text.as_bytes(), None);
                source.text = Some(text);
                source.index();
                source
            }
            Err(bytes) => SourceText::from_text(&bytes, None),
        }
    }

    /// The source of these bytes, whose text is `text`.
    fn from_text(bytes: &[u8], text: Option<String>) -> SourceText {
        let mut source = SourceText {
            bytes: bytes.len() as u64,
            sha256: newsparse_pipeline::record::sha256_hex(bytes),
            text,
            page: None,
            char_starts: None,
            chars: 0,
        };
        source.index();
        source
    }

    /// Index the text's code points.
    fn index(&mut self) {
        let text = &self.text;
        let (char_starts, chars) = match text {
            Some(t) if t.is_ascii() => (None, t.len() as u64),
            Some(t) => {
                let mut starts: Vec<usize> = t.char_indices().map(|(b, _)| b).collect();
                let chars = starts.len() as u64;
                starts.push(t.len());
                (Some(starts), chars)
            }
            None => (None, 0),
        };
        self.char_starts = char_starts;
        self.chars = chars;
    }

    /// The text between two code-point offsets (both within the text).
    fn slice(&self, start: u64, end: u64) -> Option<&str> {
        let text = self.text.as_deref()?;
        let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
        match &self.char_starts {
            None => text.get(start..end),
            Some(starts) => text.get(*starts.get(start)?..*starts.get(end)?),
        }
    }
}

impl Sources {
    /// The source text of a record, or a problem saying why there is none.
    fn lookup(&self, path: Option<&str>) -> Result<Arc<SourceText>, Found> {
        let (dir, cache, warcs) = match self {
            Sources::File(text) => return Ok(Arc::clone(text)),
            Sources::Warc(pages) => return pages.lookup(path),
            Sources::Directory { dir, cache, warcs } => (dir, cache, warcs),
        };
        let Some(path) = path else {
            return Err(found(
                "/source/path".into(),
                "no source.path to look the source text up by".into(),
            ));
        };
        if let Some(text) = cache.lock().ok().and_then(|c| c.get(path).cloned()) {
            return Ok(text);
        }
        // The path as given below the directory, then ever shorter tails of it
        // ("in/bbc/tech/002.txt" → "bbc/tech/002.txt", "tech/002.txt",
        // "002.txt"), so that records made from another working directory are
        // found too.
        let components: Vec<_> = Path::new(path)
            .components()
            .filter(|c| matches!(c, std::path::Component::Normal(_)))
            .collect();
        let find = |components: &[std::path::Component]| {
            (0..components.len())
                .map(|skip| dir.join(components[skip..].iter().collect::<PathBuf>()))
                .find(|candidate| candidate.is_file())
        };
        let file = find(&components);
        // A WARC record's path: FILE#N.
        if let (None, Some((warc_path, _))) = (&file, split_record_number(path)) {
            let parts: Vec<_> = Path::new(warc_path)
                .components()
                .filter(|c| matches!(c, std::path::Component::Normal(_)))
                .collect();
            if let Some(warc) = find(&parts) {
                let known = warcs.lock().ok().and_then(|w| w.get(&warc).cloned());
                let pages = match known {
                    Some(p) => p,
                    None => {
                        let bytes = std::fs::read(&warc).map_err(|e| {
                            found(
                                "/source/path".into(),
                                format!("cannot read the source WARC file {}: {e}", warc.display()),
                            )
                        })?;
                        let pages = Arc::new(WarcPages::read(&bytes));
                        if let Ok(mut w) = warcs.lock() {
                            w.insert(warc.clone(), Arc::clone(&pages));
                        }
                        pages
                    }
                };
                return pages.lookup(Some(path));
            }
        }
        let Some(file) = file else {
            return Err(found(
                "/source/path".into(),
                format!("no source text for {} in {}", quoted(path), dir.display()),
            ));
        };
        let text = match SourceFile::read(&file) {
            Ok(SourceFile::One(text)) => Arc::new(text),
            Ok(SourceFile::Warc(_)) => {
                return Err(found(
                    "/source/path".into(),
                    format!(
                        "{} is a WARC file, but source.path names no record of it (FILE#N)",
                        file.display()
                    ),
                ))
            }
            Err(e) => {
                return Err(found(
                    "/source/path".into(),
                    format!("cannot read the source text {}: {e}", file.display()),
                ))
            }
        };
        if let Ok(mut cache) = cache.lock() {
            cache.insert(path.to_string(), Arc::clone(&text));
        }
        Ok(text)
    }
}

fn found(pointer: String, message: String) -> Found {
    Found {
        problem: crate::schema::Problem { pointer, message },
        anchor: Anchor::Value,
    }
}

/// Typed fast path of [`check_against_source`] for a record that passed
/// [`record_is_valid`]: a yes is always right.
fn agrees_with_source(r: &Record, source: &SourceText) -> bool {
    source.text.is_some()
        && source.page.as_ref().is_none_or(|_| r.text == source.text)
        && r.source.sha256 == source.sha256
        && r.source.bytes == source.bytes
        && r.source.chars == source.chars
        && crate::schema::every_text_is_its_slice(r, |span, text| {
            source.slice(span.start as u64, span.end as u64) == Some(text)
        })
}

fn check_against_source(record: &Value, sources: &Sources, out: &mut Vec<Found>) {
    let source = match sources.lookup(record.pointer("/source/path").and_then(Value::as_str)) {
        Ok(s) => s,
        Err(problem) => {
            out.push(problem);
            return;
        }
    };
    if let Some(sha) = record.pointer("/source/sha256").and_then(Value::as_str) {
        if sha != source.sha256 {
            out.push(found(
                "/source/sha256".into(),
                format!(
                    "{} is not the sha256 of the source text, which is {}",
                    Value::from(sha),
                    source.sha256
                ),
            ));
        }
    }
    if let Some(bytes) = record.pointer("/source/bytes").and_then(Value::as_u64) {
        if bytes != source.bytes {
            out.push(found(
                "/source/bytes".into(),
                format!(
                    "{bytes} is not the size of the source text ({} bytes)",
                    source.bytes
                ),
            ));
        }
    }
    let Some(source_text) = &source.text else {
        let why = match &source.page {
            Some(Err(why)) => {
                format!("the source page gives no article text ({why}), so spans cannot be checked")
            }
            _ => "the source text is not UTF-8, so spans cannot be checked".to_string(),
        };
        out.push(found("/source/path".into(), why));
        return;
    };
    if source.page.is_some() {
        let own = record.get("text").and_then(Value::as_str);
        if own.is_some_and(|own| own != source_text) {
            let own = own.unwrap_or_default();
            let at = own
                .chars()
                .zip(source_text.chars())
                .take_while(|(a, b)| a == b)
                .count();
            out.push(found(
                "/text".into(),
                format!(
                    "is not the article text rendered from the source page (they differ from char {at})"
                ),
            ));
        }
    }
    let chars = record.pointer("/source/chars").and_then(Value::as_u64);
    if let Some(chars) = chars {
        if chars != source.chars {
            out.push(found(
                "/source/chars".into(),
                format!(
                    "{chars} is not the length of the source text ({} chars)",
                    source.chars
                ),
            ));
        }
    }
    for site in span_sites(record) {
        let (Some(start), Some(end)) = (site.start, site.end) else {
            continue;
        };
        if start > end {
            continue; // reported by check_record
        }
        if let Some(problem) = past_end(&site, source.chars) {
            out.push(problem);
            continue;
        }
        let (Some((key, text)), Some(slice)) = (site.text, source.slice(start, end)) else {
            continue;
        };
        if text != slice {
            out.push(found(
                site.owner.pointer(&[key]),
                format!(
                    "{} is not the source text at {start}..{end}, which is {}",
                    quoted(text),
                    quoted(slice)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_report_lines() {
        let mut r = Report {
            file: "out/a.json".into(),
            line: Some(14),
            column: Some(17),
            record: Some(0),
            pointer: Some("/people/0/mentions/1/end".into()),
            message: "5210 is past the end of the text (5160 chars)".into(),
        };
        assert_eq!(
            r.to_text(),
            "out/a.json:14:17: /people/0/mentions/1/end: 5210 is past the end of the text (5160 chars)"
        );
        r.pointer = None;
        r.message = "EOF while parsing an object".into();
        assert_eq!(
            r.to_text(),
            "out/a.json:14:17: malformed JSON: EOF while parsing an object"
        );
        r.pointer = Some(String::new());
        assert!(r.to_text().starts_with("out/a.json:14:17: (record): "));
        let json: Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["line"], 14);
        assert_eq!(json["pointer"], "");
    }

    #[test]
    fn tells_json_lines_from_a_document() {
        assert!(looks_like_json_lines("{\"a\":1}\n{\"a\":2}\n"));
        assert!(!looks_like_json_lines("{\n  \"a\": 1\n}\n"));
        assert!(!looks_like_json_lines("{\"a\":1}\n"));
    }

    #[test]
    fn slices_source_by_code_points() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.txt");
        std::fs::write(&path, "Caf\u{e9} Orlo opened.").unwrap();
        let source = SourceText::read(&path).unwrap();
        assert_eq!(source.chars, 17);
        assert_eq!(source.slice(5, 9), Some("Orlo"));
        assert_eq!(source.slice(0, 4), Some("Caf\u{e9}"));
        assert_eq!(source.slice(0, 18), None);
    }

    #[test]
    fn problems_come_in_document_order_without_duplicates() {
        let text = "{\"b\": 1, \"a\": {\"c\": 2}}";
        let positions = Positions::scan(text);
        let mk = |p: &str, m: &str| found(p.into(), m.into());
        let got = locate(
            &positions,
            "",
            vec![
                mk("/a/c", "x"),
                mk("/b", "y"),
                mk("/a/c", "x"),
                mk("/a/d", "z"),
            ],
        );
        let order: Vec<(usize, &str)> = got
            .iter()
            .map(|(o, f)| (*o, f.problem.pointer.as_str()))
            .collect();
        // "/a/d" is missing from the text, so it is shown at its object "/a".
        assert_eq!(order, vec![(6, "/b"), (14, "/a/d"), (20, "/a/c")]);
    }
}
