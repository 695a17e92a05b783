//! `newsparse review`: review pages for records or articles, and the
//! comparison of two sets of records (the pages are `newsparse-review`'s;
//! this is finding inputs, reading them, writing files).

use crate::say;
use newsparse_core::record::Record;
use newsparse_review::{IndexRow, PageOptions};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

pub struct ReviewOptions {
    /// Records (.json, .jsonl), articles (.txt) or directories of either.
    pub inputs: Vec<PathBuf>,
    /// With `compare`: the two sides.
    pub compare: Option<(PathBuf, PathBuf)>,
    pub out_dir: PathBuf,
    /// The source text file, or a directory of sources, of the records.
    pub source: Option<PathBuf>,
    pub jobs: usize,
    pub max_bytes: u64,
    pub quiet: bool,
}

/// One record to show, as its JSON text: a page is read from the text when
/// it is made, so the batch never holds every record as a
/// `serde_json::Value` at once.
pub struct Loaded {
    /// Where it was read, for messages.
    pub origin: String,
    /// The record's JSON.
    pub json: String,
    /// What naming its page and finding its source need.
    pub key: Key,
    /// The record as the contract's type, when it was read as one to name
    /// its page (kept: it is far smaller than a `Value`, and its page needs it).
    pub typed: Option<Record>,
    /// The source bytes of an article extracted here (a record's source is
    /// read when its page is made).
    pub source: Option<Vec<u8>>,
}

/// The members of a record that name its page and find its source, as
/// `serde_json::Value` would read them (the last of a repeated member).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Key {
    /// `id`, when a string.
    pub id: Option<String>,
    /// `source.path`, when a string.
    pub path: Option<String>,
    /// Whether `text` is a string (contract 1.1: the spans index it).
    pub own_text: bool,
}

impl Key {
    fn of_record(record: &Record) -> Key {
        Key {
            id: Some(record.id.clone()),
            path: Some(record.source.path.clone()),
            own_text: record.text.is_some(),
        }
    }

    fn of_value(record: &Value) -> Key {
        Key {
            id: record.get("id").and_then(Value::as_str).map(str::to_string),
            path: record
                .pointer("/source/path")
                .and_then(Value::as_str)
                .map(str::to_string),
            own_text: record.get("text").is_some_and(Value::is_string),
        }
    }
}

/// Any JSON value, read and dropped. Unlike `serde::de::IgnoredAny` (which
/// serde_json skips without its nesting limit, or checking a number's range
/// or a string's surrogates), read through `deserialize_any` as a `Value`
/// is: so a text is accepted here exactly when it reads as a `Value`.
struct Skip;

impl<'de> serde::Deserialize<'de> for Skip {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Skip, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Skip;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_unit<E>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
                while map.next_key::<Skip>()?.is_some() {
                    map.next_value::<Skip>()?;
                }
                Ok(Skip)
            }
        }
        d.deserialize_any(V)
    }
}

/// What a JSON text holds at its top: an object (with its [`Key`]), an
/// array, or a scalar. Read without building the members it does not need,
/// but accepting exactly the texts a `Value` reads (see [`Skip`]), so that
/// a record that cannot be shown is reported when loaded, as before.
enum Top {
    Object(Key),
    Array,
    Scalar,
}

impl<'de> serde::Deserialize<'de> for Top {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
        use serde::de::{MapAccess, SeqAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Top;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, _: bool) -> Result<Top, E> {
                Ok(Top::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Top, E> {
                Ok(Top::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Top, E> {
                Ok(Top::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Top, E> {
                Ok(Top::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Top, E> {
                Ok(Top::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Top, E> {
                Ok(Top::Scalar)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(Top::Array)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
                let mut key = Key::default();
                while let Some(name) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    match name.as_ref() {
                        "id" => key.id = map.next_value::<Value>()?.as_str().map(str::to_string),
                        "source" => {
                            key.path = map
                                .next_value::<Value>()?
                                .get("path")
                                .and_then(Value::as_str)
                                .map(str::to_string)
                        }
                        "text" => key.own_text = map.next_value::<Value>()?.is_string(),
                        _ => {
                            map.next_value::<Skip>()?;
                        }
                    }
                }
                Ok(Top::Object(key))
            }
        }
        d.deserialize_any(V)
    }
}

/// A record of a compared set, read as a `Value` (compare matches items
/// over typed records, so it gains nothing from the text path).
struct Parsed {
    origin: String,
    record: Value,
    source: Option<Vec<u8>>,
}

/// What a path holds.
enum Input {
    Records(PathBuf),
    Article(PathBuf),
}

fn is_records(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("json" | "jsonl")
    ) && path.file_name().and_then(|n| n.to_str()) != Some("errors.jsonl")
}

/// Files of the arguments, in order; directories give their record files
/// and `.txt` articles in name order.
fn expand(args: &[PathBuf], errors: &mut Vec<String>) -> Vec<Input> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let walk = walkdir::WalkDir::new(arg).sort_by_file_name();
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let p = e.into_path();
                        if is_records(&p) {
                            out.push(Input::Records(p));
                        } else if p.extension().is_some_and(|x| x == "txt") {
                            out.push(Input::Article(p));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(format!("{}: {e}", arg.display())),
                }
            }
        } else if !arg.exists() {
            errors.push(format!("{}: no such file or directory", arg.display()));
        } else if is_records(arg) {
            out.push(Input::Records(arg.clone()));
        } else {
            out.push(Input::Article(arg.clone()));
        }
    }
    out
}

/// A record as read from a file: its JSON text, its key and, when it reads
/// as one, the contract's type.
struct RecordText {
    json: String,
    key: Key,
    typed: Option<Record>,
}

impl RecordText {
    /// `json` when it reads as the contract's type (which, strict as it is,
    /// reads only texts a `Value` reads).
    fn typed(json: &str) -> Option<RecordText> {
        let record: Record = serde_json::from_str(json).ok()?;
        Some(RecordText {
            json: json.to_string(),
            key: Key::of_record(&record),
            typed: Some(record),
        })
    }

    fn untyped(json: String, key: Key) -> RecordText {
        RecordText {
            json,
            key,
            typed: None,
        }
    }
}

/// One record's text; the message of `serde_json` when it is not JSON.
fn record_text(json: &str) -> Result<RecordText, serde_json::Error> {
    if let Some(record) = RecordText::typed(json) {
        return Ok(record);
    }
    match serde_json::from_str::<Top>(json) {
        Ok(Top::Object(key)) => Ok(RecordText::untyped(json.to_string(), key)),
        Ok(_) => Ok(RecordText::untyped(json.to_string(), Key::default())),
        // The message is `Value`'s, as before; should a text that `Top`
        // rejects read as a `Value`, it is taken as that `Value` writes it.
        Err(_) => serde_json::from_str::<Value>(json)
            .map(|v| RecordText::untyped(v.to_string(), Key::of_value(&v))),
    }
}

/// The records of a `.json` (one record or an array) or `.jsonl` file.
fn read_records(path: &Path) -> Result<Vec<RecordText>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    if path.extension().is_some_and(|e| e == "jsonl") {
        let mut records = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            records.push(
                record_text(line).map_err(|e| format!("line {}: malformed JSON: {e}", i + 1))?,
            );
        }
        return Ok(records);
    }
    if let Some(record) = RecordText::typed(text) {
        return Ok(vec![record]);
    }
    match serde_json::from_str::<Top>(text) {
        Ok(Top::Object(key)) => Ok(vec![RecordText::untyped(text.to_string(), key)]),
        Ok(Top::Scalar) => Ok(vec![RecordText::untyped(text.to_string(), Key::default())]),
        // An array of records (rare): each written back as its own text.
        Ok(Top::Array) | Err(_) => {
            match serde_json::from_str(text).map_err(|e| format!("malformed JSON: {e}"))? {
                Value::Array(items) => Ok(items
                    .iter()
                    .map(|v| RecordText::untyped(v.to_string(), Key::of_value(v)))
                    .collect()),
                one => Ok(vec![RecordText::untyped(
                    one.to_string(),
                    Key::of_value(&one),
                )]),
            }
        }
    }
}

/// Where records' source texts are found.
enum Sources {
    /// No `--source`: each record's `source.path` as it is.
    Own,
    /// `--source FILE`: its bytes, for every record.
    File(Option<Vec<u8>>),
    /// `--source DIR`.
    Dir(PathBuf),
}

impl Sources {
    fn new(arg: Option<&PathBuf>) -> Sources {
        match arg {
            None => Sources::Own,
            Some(p) if p.is_dir() => Sources::Dir(p.clone()),
            Some(p) => Sources::File(std::fs::read(p).ok()),
        }
    }

    /// The source bytes of a record: `--source FILE`; the record's
    /// `source.path` under `--source DIR` (or ever shorter tails of it, as
    /// `validate` looks them up); without `--source`, `source.path` itself.
    /// `None` for a record that carries its text, or when nothing is found.
    fn lookup(&self, key: &Key) -> Option<Vec<u8>> {
        if key.own_text {
            return None;
        }
        let path = key.path.as_deref()?;
        match self {
            Sources::File(bytes) => bytes.clone(),
            Sources::Dir(dir) => {
                let parts: Vec<_> = Path::new(path)
                    .components()
                    .filter(|c| matches!(c, Component::Normal(_)))
                    .collect();
                (0..parts.len())
                    .map(|skip| dir.join(parts[skip..].iter().collect::<PathBuf>()))
                    .find(|p| p.is_file())
                    .and_then(|p| std::fs::read(p).ok())
            }
            Sources::Own => std::fs::read(path).ok(),
        }
    }
}

/// Read every input, in parallel and kept in order: records as their JSON
/// texts, articles extracted. Problems reading an input are pushed to
/// `errors` (one line each, naming the file).
fn load(inputs: &[PathBuf], max_bytes: u64, errors: &mut Vec<String>) -> Vec<Loaded> {
    let files = expand(inputs, errors);
    let read: Vec<Result<Vec<Loaded>, String>> = files
        .par_iter()
        .map(|input| match input {
            Input::Article(path) => extract_article(path, max_bytes)
                .map(|l| vec![l])
                .map_err(|e| format!("{}: {e}", path.display())),
            Input::Records(path) => {
                let records = read_records(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let many = records.len() > 1;
                Ok(records
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| Loaded {
                        origin: if many {
                            format!("{} (record {})", path.display(), i + 1)
                        } else {
                            path.display().to_string()
                        },
                        json: r.json,
                        key: r.key,
                        typed: r.typed,
                        source: None,
                    })
                    .collect())
            }
        })
        .collect();
    let mut out = Vec::new();
    for r in read {
        match r {
            Ok(loaded) => out.extend(loaded),
            Err(e) => errors.push(e),
        }
    }
    out
}

fn extract_article(path: &Path, max_bytes: u64) -> Result<Loaded, String> {
    let bytes =
        newsparse_pipeline::ingest::read_input(Some(path), max_bytes).map_err(|e| e.to_string())?;
    let text = newsparse_pipeline::ingest::decode(&bytes, max_bytes).map_err(|e| e.to_string())?;
    let shown = path.display().to_string();
    let record =
        newsparse_pipeline::extract(&newsparse_pipeline::SourceInfo::text(&shown, &bytes), text);
    let json = serde_json::to_string(&record).map_err(|e| e.to_string())?;
    Ok(Loaded {
        origin: shown,
        json,
        key: Key::of_record(&record),
        typed: Some(record),
        source: Some(bytes),
    })
}

/// `business/136` for `.../bbc/business/136.txt`: the last folder and the
/// file name without extension (how `score.py` pairs records).
pub fn path_key(path: &str) -> String {
    let parts: Vec<&str> = path
        .split(['/', '\\'])
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let Some(last) = parts.last() else {
        return String::new();
    };
    let stem = Path::new(last)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(last);
    match parts.len() {
        1 => stem.to_string(),
        n => format!("{}/{stem}", parts[n - 2]),
    }
}

/// Page names (relative, ending `.html`) for records: from their
/// `source.path` key, else their id; a name taken twice gets `-2`, `-3`….
fn page_names<'a>(records: impl Iterator<Item = &'a Key>) -> Vec<String> {
    let mut taken = HashSet::new();
    let mut names = Vec::new();
    for (i, r) in records.enumerate() {
        let mut base = r
            .path
            .as_deref()
            .map(path_key)
            .filter(|k| !k.is_empty())
            .or_else(|| r.id.clone())
            .unwrap_or_else(|| format!("record-{}", i + 1));
        // Names stay inside the output directory.
        base = base
            .split('/')
            .map(|part| {
                part.chars()
                    .map(|c| {
                        if c.is_alphanumeric() || "-_.".contains(c) {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect::<String>()
                    .trim_start_matches('.')
                    .to_string()
            })
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("/");
        if base.is_empty() || base == "index" {
            base = format!("record-{}", i + 1);
        }
        let mut name = format!("{base}.html");
        let mut n = 2;
        while !taken.insert(name.clone()) {
            name = format!("{base}-{n}.html");
            n += 1;
        }
        names.push(name);
    }
    names
}

/// `../` once per folder of a page name: the way back to the index.
fn up(name: &str) -> String {
    "../".repeat(name.matches('/').count())
}

fn write(path: &Path, html: &str) -> Result<(), String> {
    newsparse_sink::write_atomic(path, html.as_bytes())
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Run the command; returns the exit status.
pub fn run(options: &ReviewOptions) -> i32 {
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            say!("error: cannot start worker threads: {e}");
            return 2;
        }
    };
    if let Err(e) = newsparse_sink::probe_dir(&options.out_dir) {
        say!(
            "error: {}: cannot write the review pages there: {e}",
            options.out_dir.display()
        );
        return 2;
    }
    pool.install(|| match &options.compare {
        Some((a, b)) => run_compare(options, a, b),
        None => run_review(options),
    })
}

fn finish(errors: &[String], written: usize, what: &str, out: &Path, quiet: bool) -> i32 {
    for e in errors {
        say!("error: {e}");
    }
    if !quiet {
        say!(
            "review: {written} {what} written to {}{}",
            out.display(),
            if errors.is_empty() {
                String::new()
            } else {
                format!(", {} error(s)", errors.len())
            }
        );
    }
    i32::from(!errors.is_empty())
}

fn run_review(options: &ReviewOptions) -> i32 {
    let mut errors = Vec::new();
    let loaded = load(&options.inputs, options.max_bytes, &mut errors);
    let sources = Sources::new(options.source.as_ref());
    let names = page_names(loaded.iter().map(|l| &l.key));
    let results: Vec<Result<IndexRow, String>> = loaded
        .into_par_iter()
        .zip(&names)
        .map(|(l, name)| {
            let source = l.source.or_else(|| sources.lookup(&l.key));
            let page = PageOptions {
                index_href: Some(format!("{}index.html", up(name))),
            };
            let source = source.as_deref();
            // A record not read as the contract's type when loaded (one of
            // an array; one that is not of that shape) is tried again here.
            let (html, row) = match l.typed {
                Some(typed) => newsparse_review::review_read_text(
                    &l.json,
                    Some(typed),
                    source,
                    &page,
                    name.clone(),
                ),
                None => newsparse_review::review_text(&l.json, source, &page, name.clone()),
            }
            .map_err(|e| format!("{}: malformed JSON: {e}", l.origin))?;
            write(&options.out_dir.join(name), &html)?;
            Ok(row)
        })
        .collect();
    let mut rows = Vec::new();
    for r in results {
        match r {
            Ok(row) => rows.push(row),
            Err(e) => errors.push(e),
        }
    }
    let index = newsparse_review::index_html("newsparse review", &rows);
    if let Err(e) = write(&options.out_dir.join("index.html"), &index) {
        errors.push(e);
    }
    finish(
        &errors,
        rows.len(),
        "page(s)",
        &options.out_dir,
        options.quiet,
    )
}

/// Pairs of A's and B's records of one article, as score.py pairs a record
/// with gold: by the last folder and file name of `source.path`, else by a
/// file name that only one B record has. Two single records are a pair
/// whatever their paths. Also A's and B's records left without a partner.
fn pair(a: &[Parsed], b: &[Parsed]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    if a.len() == 1 && b.len() == 1 {
        return (vec![(0, 0)], Vec::new(), Vec::new());
    }
    let key = |l: &Parsed| {
        path_key(
            l.record
                .pointer("/source/path")
                .and_then(Value::as_str)
                .unwrap_or_default(),
        )
    };
    let stem = |k: &str| k.rsplit('/').next().unwrap_or_default().to_string();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, l) in b.iter().enumerate() {
        let k = key(l);
        by_stem.entry(stem(&k)).or_default().push(i);
        by_key.entry(k).or_insert(i);
    }
    let mut used = vec![false; b.len()];
    let (mut pairs, mut only_a) = (Vec::new(), Vec::new());
    for (i, l) in a.iter().enumerate() {
        let k = key(l);
        let hit = by_key.get(&k).copied().filter(|&j| !used[j]).or_else(|| {
            match by_stem.get(&stem(&k)).map(Vec::as_slice) {
                Some([j]) if !used[*j] => Some(*j),
                _ => None,
            }
        });
        match hit {
            Some(j) => {
                used[j] = true;
                pairs.push((i, j));
            }
            None => only_a.push(i),
        }
    }
    let only_b = (0..b.len()).filter(|&j| !used[j]).collect();
    (pairs, only_a, only_b)
}

fn run_compare(options: &ReviewOptions, a: &Path, b: &Path) -> i32 {
    use newsparse_review::compare::{
        compare, compare_html, compare_index_html, sort_rows, CompareRow,
    };
    let mut errors = Vec::new();
    let sources = Sources::new(options.source.as_ref());
    let mut side = |path: &Path| -> Vec<Parsed> {
        let loaded = load(&[path.to_path_buf()], options.max_bytes, &mut errors);
        loaded
            .into_par_iter()
            .map(|l| Parsed {
                // Read as JSON when loaded, so this cannot fail.
                record: serde_json::from_str(&l.json).unwrap_or(Value::Null),
                source: l.source.or_else(|| sources.lookup(&l.key)),
                origin: l.origin,
            })
            .collect()
    };
    let side_a = side(a);
    let side_b = side(b);
    let (pairs, only_a, only_b) = pair(&side_a, &side_b);
    let keys: Vec<Key> = pairs
        .iter()
        .map(|&(i, _)| Key::of_value(&side_a[i].record))
        .collect();
    let names = page_names(keys.iter());
    let (name_a, name_b) = (a.display().to_string(), b.display().to_string());
    let typed = |l: &Parsed| {
        <newsparse_core::record::Record as serde::Deserialize>::deserialize(&l.record)
            .map_err(|e| format!("{}: not a record of the contract's shape: {e}", l.origin))
    };
    let results: Vec<Result<CompareRow, String>> = pairs
        .par_iter()
        .zip(&names)
        .map(|(&(i, j), name)| {
            let (la, lb) = (&side_a[i], &side_b[j]);
            let (ra, rb) = (typed(la)?, typed(lb)?);
            let text = newsparse_review::text_of(&la.record, la.source.as_deref())
                .or_else(|| newsparse_review::text_of(&lb.record, lb.source.as_deref()));
            let comparison = compare(&ra, &rb);
            let html = compare_html(
                &ra,
                &rb,
                &comparison,
                text,
                (&la.origin, &lb.origin),
                Some(&format!("{}index.html", up(name))),
            );
            write(&options.out_dir.join(name), &html)?;
            Ok(CompareRow {
                href: Some(name.clone()),
                title: ra.article.title.clone().or(rb.article.title.clone()),
                key: path_key(&ra.source.path),
                comparison: Some(comparison),
                only: None,
            })
        })
        .collect();
    let mut rows = Vec::new();
    for r in results {
        match r {
            Ok(row) => rows.push(row),
            Err(e) => errors.push(e),
        }
    }
    let alone = |l: &Parsed, only| CompareRow {
        href: None,
        title: l
            .record
            .pointer("/article/title")
            .and_then(Value::as_str)
            .map(str::to_string),
        key: path_key(
            l.record
                .pointer("/source/path")
                .and_then(Value::as_str)
                .unwrap_or(&l.origin),
        ),
        comparison: None,
        only: Some(only),
    };
    rows.extend(only_a.iter().map(|&i| alone(&side_a[i], "only in A")));
    rows.extend(only_b.iter().map(|&j| alone(&side_b[j], "only in B")));
    sort_rows(&mut rows);
    let index = compare_index_html(&rows, (&name_a, &name_b));
    if let Err(e) = write(&options.out_dir.join("index.html"), &index) {
        errors.push(e);
    }
    finish(
        &errors,
        pairs.len(),
        "compare page(s)",
        &options.out_dir,
        options.quiet,
    )
}
