//! The record's JSON Schema, embedded in the binary and compiled once per
//! process, plus the contract's invariants that JSON Schema cannot express
//! (unique ids, refs that resolve, span ordering, texts as long as their spans).
//!
//! Messages are plain sentences about the offending value; the JSON pointer
//! says where it is.

use crate::jsonpos::escape_segment;
use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use newsparse_core::date::is_iso_date;
use newsparse_core::record::{Mention, Record, SourceFormat, Span};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::OnceLock;

/// The schema text (`newsparse schema` prints it).
pub const SCHEMA_JSON: &str = include_str!("../../../schemas/article.schema.json");

/// One problem found in a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON pointer to the offending value, e.g. `/people/0/mentions/2/end`.
    pub pointer: String,
    pub message: String,
}

/// Which part of the offending member a problem is best shown at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The value at the pointer.
    Value,
    /// The member name of the value at the pointer (unknown fields).
    Key,
}

/// A problem and where to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub problem: Problem,
    pub anchor: Anchor,
}

impl Found {
    fn at(pointer: String, message: String) -> Found {
        Found {
            problem: Problem { pointer, message },
            anchor: Anchor::Value,
        }
    }
}

fn schema_value() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(SCHEMA_JSON).expect("embedded schema is JSON"))
}

fn validator() -> &'static Validator {
    static VALIDATOR: OnceLock<Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::draft202012::new(schema_value()).expect("embedded schema compiles")
    })
}

/// Check a record against the schema and the contract's invariants that need
/// no source text (unique ids, refs resolve, span ordering).
pub fn check_record(record: &serde_json::Value) -> Vec<Problem> {
    check_record_anchored(record)
        .into_iter()
        .map(|f| f.problem)
        .collect()
}

/// [`check_record`] for a record the pipeline built: the typed fast path
/// ([`record_is_valid`]) first, so a valid record never needs the JSON Schema
/// validator (compiling it is most of a one-file run's start-up); the full
/// check, with its messages, only for a record that fails it.
pub fn check_built_record(record: &Record) -> Vec<Problem> {
    if record_is_valid(record) {
        return Vec::new();
    }
    match serde_json::to_value(record) {
        Ok(value) => check_record(&value),
        Err(e) => vec![Problem {
            pointer: String::new(),
            message: format!("cannot be serialized: {e}"),
        }],
    }
}

/// The one line that says a built record failed validation (the first three
/// problems and how many more): what `extract` and the Python package report
/// instead of writing it.
pub fn failure_line(problems: &[Problem]) -> String {
    let mut listed: Vec<String> = problems
        .iter()
        .take(3)
        .map(|p| format!("{}: {}", p.pointer, p.message))
        .collect();
    if problems.len() > 3 {
        listed.push(format!("and {} more", problems.len() - 3));
    }
    format!(
        "internal error, record not written: it fails validation: {}",
        listed.join("; ")
    )
}

/// [`check_record`], keeping where each problem is best shown.
pub(crate) fn check_record_anchored(record: &Value) -> Vec<Found> {
    let mut found = Vec::new();
    let validator = validator();
    // `is_valid` stops at the first failure and builds no errors: the fast path.
    if !validator.is_valid(record) {
        for error in validator.iter_errors(record) {
            schema_problems(&error, &mut found);
        }
    }
    check_invariants(record, &mut found);
    found
}

// ---------------------------------------------------------------------------
// Fast path

/// Whether a typed record passes [`check_record`], without building a JSON
/// value: the same rules, written against the types. A yes is always right; on
/// a no, ask [`check_record`] for the problems. (Building a `serde_json::Value`
/// costs several times more than the checks, and most records are valid.)
pub fn record_is_valid(r: &Record) -> bool {
    let hex =
        |s: &str, n| s.len() == n && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let full_date = |d: &Option<String>| d.as_deref().is_none_or(|d| is_iso_date(d, true));
    let partial_date = |d: &str| is_iso_date(d, false);
    let filled = |s: &str| !s.is_empty();
    let a = &r.article;
    // A page's spans index the record's own text (contract 1.1).
    let chars = r
        .text
        .as_ref()
        .map_or(r.source.chars, |t| t.chars().count() as u64);
    let span_ok = |s: &Span| s.start <= s.end && s.end as u64 <= chars;
    let covers = |s: &Span, t: &str| span_ok(s) && t.chars().count() == s.end - s.start;
    let mention_ok = |m: &Mention| {
        covers(
            &Span {
                start: m.start,
                end: m.end,
            },
            &m.text,
        ) && filled(&m.text)
    };
    let pair_ok = |t: &Option<String>, s: &Option<Span>| match (t, s) {
        (None, None) => true,
        (Some(t), Some(s)) => covers(s, t),
        _ => false,
    };
    let page = matches!(
        r.source.format,
        Some(SourceFormat::Html | SourceFormat::Warc)
    );
    let shape = (r.schema_version == newsparse_core::record::SCHEMA_VERSION
        || r.schema_version == newsparse_core::record::SCHEMA_VERSION_1_1)
        && page == r.text.is_some()
        && r.text.as_deref().is_none_or(|t| own_text_agrees(r, t))
        && hex(&r.id, 16)
        && hex(&r.source.sha256, 64)
        && r.source.sha256.starts_with(&r.id)
        && filled(&r.source.path)
        && a.byline.iter().all(|b| filled(b))
        && full_date(&a.published)
        && a.dateline.as_ref().is_none_or(|d| full_date(&d.date))
        && a.language == "en"
        && pair_ok(&a.title, &a.title_span)
        && pair_ok(&a.subtitle, &a.subtitle_span)
        && r.photos.iter().all(|p| {
            covers(&p.span, &p.caption)
                && pair_ok(&p.credit, &p.credit_span)
                && p.people.iter().all(|id| is_id(id, "p"))
                && p.date.as_deref().is_none_or(partial_date)
        })
        && r.people
            .iter()
            .all(|e| is_id(&e.id, "p") && filled(&e.name) && e.mentions.iter().all(mention_ok))
        && r.organizations
            .iter()
            .all(|e| is_id(&e.id, "o") && filled(&e.name) && e.mentions.iter().all(mention_ok))
        && r.places
            .iter()
            .all(|e| is_id(&e.id, "l") && filled(&e.name) && e.mentions.iter().all(mention_ok))
        && r.quotes.iter().all(|q| {
            is_id(&q.id, "q")
                && covers(&q.span, &q.text)
                && filled(&q.text)
                && q.speaker.as_ref().is_none_or(|s| {
                    filled(&s.name) && s.reference.as_deref().is_none_or(|id| is_id(id, "po"))
                })
                && allowed("quote", "kind", &q.kind)
        })
        && r.events.iter().all(|e| {
            is_id(&e.id, "e")
                && allowed("event", "type", &e.event_type)
                && filled(&e.trigger.text)
                && covers(&e.trigger.span, &e.trigger.text)
                && span_ok(&e.sentence)
                && e.sentence.start <= e.trigger.span.start
                && e.trigger.span.end <= e.sentence.end
                && e.participants
                    .iter()
                    .all(|p| is_id(&p.reference, "pol") && filled(&p.role))
                && e.place.as_ref().is_none_or(|p| {
                    filled(&p.name) && p.reference.as_deref().is_none_or(|id| is_id(id, "l"))
                })
                && e.time.as_ref().is_none_or(|t| {
                    filled(&t.text) && covers(&t.span, &t.text) && partial_date(&t.value)
                })
        });
    if !shape {
        return false;
    }
    // Ids unique; refs resolve.
    let mut ids: HashSet<&str> = HashSet::new();
    let all_ids = (r.people.iter().map(|e| &e.id))
        .chain(r.organizations.iter().map(|e| &e.id))
        .chain(r.places.iter().map(|e| &e.id))
        .chain(r.quotes.iter().map(|q| &q.id))
        .chain(r.events.iter().map(|e| &e.id));
    for id in all_ids {
        if !ids.insert(id) {
            return false;
        }
    }
    let known = |id: &String| ids.contains(id.as_str());
    r.photos.iter().all(|p| p.people.iter().all(known))
        && r.quotes.iter().all(|q| {
            q.speaker
                .as_ref()
                .and_then(|s| s.reference.as_ref())
                .is_none_or(known)
        })
        && r.events.iter().all(|e| {
            e.participants.iter().all(|p| known(&p.reference))
                && e.place
                    .as_ref()
                    .and_then(|p| p.reference.as_ref())
                    .is_none_or(known)
        })
}

/// `id` is one of the kinds' letters followed by digits (`^[po][0-9]+$`…).
fn is_id(id: &str, kinds: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| kinds.contains(c))
        && id.len() > 1
        && chars.all(|c| c.is_ascii_digit())
}

/// Whether the schema's enum at `$defs/{def}/properties/{field}` allows `value`
/// (read from the schema, so the lists live in one place).
fn allowed(def: &str, field: &str, value: &str) -> bool {
    fn values(pointer: &str) -> HashSet<String> {
        schema_value()
            .pointer(pointer)
            .and_then(Value::as_array)
            .map(|vs| {
                vs.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }
    static QUOTE_KINDS: OnceLock<HashSet<String>> = OnceLock::new();
    static EVENT_TYPES: OnceLock<HashSet<String>> = OnceLock::new();
    let set = match (def, field) {
        ("quote", "kind") => {
            QUOTE_KINDS.get_or_init(|| values("/$defs/quote/properties/kind/enum"))
        }
        ("event", "type") => {
            EVENT_TYPES.get_or_init(|| values("/$defs/event/properties/type/enum"))
        }
        _ => return false,
    };
    set.contains(value)
}

// ---------------------------------------------------------------------------
// Schema errors as plain messages

fn schema_problems(error: &ValidationError, out: &mut Vec<Found>) {
    let pointer = error.instance_path.as_str();
    let value = error.instance.as_ref();
    let message = match &error.kind {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed = allowed_members(error.schema_path.as_str());
            for name in unexpected {
                let mut message = format!("unknown field {}", quoted(name));
                if !allowed.is_empty() {
                    let _ = write!(message, " (expected one of: {})", allowed.join(", "));
                }
                out.push(Found {
                    problem: Problem {
                        pointer: format!("{pointer}/{}", escape_segment(name)),
                        message,
                    },
                    anchor: Anchor::Key,
                });
            }
            return;
        }
        ValidationErrorKind::Required { property } => {
            format!("missing required field {property}")
        }
        // The schema's top-level rule: no `text` unless a page's record.
        ValidationErrorKind::Not { .. }
            if error.schema_path.as_str().starts_with("/allOf/0/else") =>
        {
            out.push(Found {
                problem: Problem {
                    pointer: "/text".to_string(),
                    message: "`text` is only for records of html and warc sources \
                              (source.format is text)"
                        .to_string(),
                },
                anchor: Anchor::Key,
            });
            return;
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => t.to_string(),
                TypeKind::Multiple(ts) => ts
                    .into_iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            format!("expected {expected}, found {}", describe(value))
        }
        ValidationErrorKind::Enum { options } => {
            let options = options.as_array().map(Vec::as_slice).unwrap_or_default();
            if options.len() <= 6 {
                let listed: Vec<String> = options.iter().map(Value::to_string).collect();
                format!("{} is not one of {}", preview(value), listed.join(", "))
            } else if pointer.ends_with("/type") {
                format!("{} is not an ACE 2005 event subtype", preview(value))
            } else {
                format!("{} is not one of the allowed values", preview(value))
            }
        }
        ValidationErrorKind::Constant { expected_value } => {
            format!("expected {expected_value}, found {}", preview(value))
        }
        ValidationErrorKind::Pattern { pattern } => match pattern_meaning(pattern) {
            Some(meaning) => format!("{} is not {meaning}", preview(value)),
            None => format!("{} does not match the pattern {pattern}", preview(value)),
        },
        ValidationErrorKind::Minimum { limit } => {
            format!("{} is less than {limit}", preview(value))
        }
        ValidationErrorKind::MinLength { .. } => "must not be empty".to_string(),
        _ => error.to_string(),
    };
    out.push(Found::at(pointer.to_string(), message));
}

/// What the schema's patterns mean, for messages.
fn pattern_meaning(pattern: &str) -> Option<&'static str> {
    Some(match pattern {
        "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" => "a date YYYY-MM-DD",
        "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$" => {
            "a date YYYY, YYYY-MM or YYYY-MM-DD"
        }
        "^[0-9a-f]{16}$" => "16 lowercase hex digits",
        "^[0-9a-f]{64}$" => "a sha256 in 64 lowercase hex digits",
        "^p[0-9]+$" => "a person id like \"p1\"",
        "^o[0-9]+$" => "an organization id like \"o1\"",
        "^l[0-9]+$" => "a place id like \"l1\"",
        "^q[0-9]+$" => "a quote id like \"q1\"",
        "^e[0-9]+$" => "an event id like \"e1\"",
        "^[po][0-9]+$" => "a person or organization id like \"p1\" or \"o1\"",
        "^[pol][0-9]+$" => "a person, organization or place id like \"p1\", \"o1\" or \"l1\"",
        _ => return None,
    })
}

/// The member names the schema allows where `additionalProperties` failed,
/// found by following the error's schema path (through `$ref`s).
fn allowed_members(schema_path: &str) -> Vec<String> {
    let root = schema_value();
    let mut node = root;
    let segments: Vec<&str> = schema_path.split('/').skip(1).collect();
    let Some((last, walk)) = segments.split_last() else {
        return Vec::new();
    };
    if *last != "additionalProperties" {
        return Vec::new();
    }
    for segment in walk {
        let next = if *segment == "$ref" {
            node.get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|p| root.pointer(p))
        } else {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            match node {
                Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => node.get(segment.as_str()),
            }
        };
        match next {
            Some(n) => node = n,
            None => return Vec::new(),
        }
    }
    node.get("properties")
        .and_then(Value::as_object)
        .map(|props| props.keys().cloned().collect())
        .unwrap_or_default()
}

/// A value as it appears in a message, shortened when long.
fn preview(value: &Value) -> String {
    let text = value.to_string();
    shorten(&text)
}

/// A string in JSON quotes, shortened when long.
pub(crate) fn quoted(s: &str) -> String {
    shorten(&Value::from(s).to_string())
}

fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {n}"),
        Value::String(_) => format!("string {}", preview(value)),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

// ---------------------------------------------------------------------------
// Invariants beyond the schema

/// One step of a JSON pointer, kept unrendered until a problem needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step {
    Key(&'static str),
    Index(usize),
}

/// A short JSON pointer built from known member names and indices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Path {
    steps: [Step; 5],
    len: usize,
}

impl Path {
    fn root() -> Path {
        Path {
            steps: [Step::Index(0); 5],
            len: 0,
        }
    }
    fn key(mut self, key: &'static str) -> Path {
        self.steps[self.len] = Step::Key(key);
        self.len += 1;
        self
    }
    fn index(mut self, index: usize) -> Path {
        self.steps[self.len] = Step::Index(index);
        self.len += 1;
        self
    }
    /// The rendered pointer, with `tail` member names appended.
    pub(crate) fn pointer(&self, tail: &[&str]) -> String {
        let mut s = String::new();
        for step in &self.steps[..self.len] {
            match step {
                Step::Key(k) => {
                    s.push('/');
                    s.push_str(k);
                }
                Step::Index(i) => {
                    let _ = write!(s, "/{i}");
                }
            }
        }
        for k in tail {
            s.push('/');
            s.push_str(k);
        }
        s
    }
}

/// A span in a record and the text the record says it covers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpanSite<'r> {
    /// The object holding the span (and the text, if any).
    pub owner: Path,
    /// Member of `owner` holding `{start, end}`, or `None` when `start` and
    /// `end` are members of `owner` itself (a Mention).
    pub span_key: Option<&'static str>,
    pub start: Option<u64>,
    pub end: Option<u64>,
    /// Member of `owner` with the covered text, and that text.
    pub text: Option<(&'static str, &'r str)>,
}

impl SpanSite<'_> {
    /// Pointer to `start` or `end`.
    pub(crate) fn offset_pointer(&self, which: &str) -> String {
        match self.span_key {
            Some(k) => self.owner.pointer(&[k, which]),
            None => self.owner.pointer(&[which]),
        }
    }
}

fn array(value: Option<&Value>) -> &[Value] {
    value
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// Every span of a record with the text it should cover, in document order.
/// Tolerates records that fail the schema: what is not where it should be is
/// skipped.
pub(crate) fn span_sites(record: &Value) -> Vec<SpanSite<'_>> {
    let mut sites = Vec::new();
    let mut add = |owner, holder, span_key, text_key| {
        if let Some(site) = span_site(owner, holder, span_key, text_key) {
            sites.push(site);
        }
    };
    let root = Path::root();
    if let Some(article) = record.get("article") {
        let owner = root.key("article");
        add(owner, article, Some("title_span"), Some("title"));
        add(owner, article, Some("subtitle_span"), Some("subtitle"));
    }
    for (i, photo) in array(record.get("photos")).iter().enumerate() {
        let owner = root.key("photos").index(i);
        add(owner, photo, Some("span"), Some("caption"));
        add(owner, photo, Some("credit_span"), Some("credit"));
    }
    for list in ["people", "organizations", "places"] {
        for (i, entity) in array(record.get(list)).iter().enumerate() {
            for (j, mention) in array(entity.get("mentions")).iter().enumerate() {
                let owner = root.key(list).index(i).key("mentions").index(j);
                add(owner, mention, None, Some("text"));
            }
        }
    }
    for (i, quote) in array(record.get("quotes")).iter().enumerate() {
        add(
            root.key("quotes").index(i),
            quote,
            Some("span"),
            Some("text"),
        );
    }
    for (i, event) in array(record.get("events")).iter().enumerate() {
        let owner = root.key("events").index(i);
        if let Some(trigger) = event.get("trigger") {
            add(owner.key("trigger"), trigger, Some("span"), Some("text"));
        }
        add(owner, event, Some("sentence"), None);
        if let Some(time) = event.get("time") {
            add(owner.key("time"), time, Some("span"), Some("text"));
        }
    }
    sites
}

fn span_site<'r>(
    owner: Path,
    holder: &'r Value,
    span_key: Option<&'static str>,
    text_key: Option<&'static str>,
) -> Option<SpanSite<'r>> {
    let span = match span_key {
        Some(k) => holder.get(k)?,
        None => holder,
    };
    if !span.is_object() {
        return None;
    }
    Some(SpanSite {
        owner,
        span_key,
        start: span.get("start").and_then(Value::as_u64),
        end: span.get("end").and_then(Value::as_u64),
        text: text_key.and_then(|k| Some((k, holder.get(k)?.as_str()?))),
    })
}

fn check_invariants(record: &Value, out: &mut Vec<Found>) {
    check_id(record, out);
    check_ids_and_refs(record, out);
    check_spans(record, out);
    check_dates(record, out);
    check_own_text(record, out);
}

/// Code-point slicing of a text: byte offset of every code point and of the end.
pub(crate) struct CharSlicer<'t> {
    text: &'t str,
    /// `None` for ASCII text, where code points and bytes coincide.
    starts: Option<Vec<usize>>,
}

impl<'t> CharSlicer<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let starts = (!text.is_ascii()).then(|| {
            let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            starts.push(text.len());
            starts
        });
        CharSlicer { text, starts }
    }

    pub(crate) fn chars(&self) -> u64 {
        match &self.starts {
            None => self.text.len() as u64,
            Some(s) => s.len() as u64 - 1,
        }
    }

    /// The text between two code-point offsets, when both are inside it.
    pub(crate) fn slice(&self, start: u64, end: u64) -> Option<&'t str> {
        let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
        match &self.starts {
            None => self.text.get(start..end),
            Some(starts) => self.text.get(*starts.get(start)?..*starts.get(end)?),
        }
    }
}

/// Typed fast path of [`check_own_text`]: the record's spans slice its own
/// `text` to the texts it gives, and `source.chars` is its length.
fn own_text_agrees(r: &Record, text: &str) -> bool {
    let slicer = CharSlicer::new(text);
    r.source.chars == slicer.chars()
        && every_text_is_its_slice(r, |span, t| {
            slicer.slice(span.start as u64, span.end as u64) == Some(t)
        })
}

/// Whether every span of the record that gives its text (title, subtitle,
/// captions, credits, mentions, quotes, triggers, times) covers that text,
/// by `same(span, text)`: the typed fast paths against a record's own text
/// and against a source file.
pub(crate) fn every_text_is_its_slice(r: &Record, same: impl Fn(&Span, &str) -> bool) -> bool {
    let same_opt = |span: &Option<Span>, t: &Option<String>| match (span, t) {
        (Some(span), Some(t)) => same(span, t),
        _ => true,
    };
    let mention = |m: &Mention| {
        same(
            &Span {
                start: m.start,
                end: m.end,
            },
            &m.text,
        )
    };
    same_opt(&r.article.title_span, &r.article.title)
        && same_opt(&r.article.subtitle_span, &r.article.subtitle)
        && r.photos
            .iter()
            .all(|p| same(&p.span, &p.caption) && same_opt(&p.credit_span, &p.credit))
        && r.people.iter().flat_map(|e| &e.mentions).all(mention)
        && r.organizations
            .iter()
            .flat_map(|e| &e.mentions)
            .all(mention)
        && r.places.iter().flat_map(|e| &e.mentions).all(mention)
        && r.quotes.iter().all(|q| same(&q.span, &q.text))
        && r.events.iter().all(|e| {
            same(&e.trigger.span, &e.trigger.text)
                && e.time.as_ref().is_none_or(|t| same(&t.span, &t.text))
        })
}

/// Where a record has a `text` (a page's record: source.format html or
/// warc), `source.chars` is its length and every span's text is its slice.
fn check_own_text(record: &Value, out: &mut Vec<Found>) {
    // Whether it is there at all is the schema's rule (`allOf` at its top).
    let text = record.get("text");
    let Some(text) = text.and_then(Value::as_str) else {
        return;
    };
    let slicer = CharSlicer::new(text);
    if let Some(chars) = record.pointer("/source/chars").and_then(Value::as_u64) {
        if chars != slicer.chars() {
            out.push(Found::at(
                "/source/chars".to_string(),
                format!(
                    "{chars} is not the length of the record's text ({} chars)",
                    slicer.chars()
                ),
            ));
            // Spans past the end are reported against source.chars already.
        }
    }
    for site in span_sites(record) {
        let (Some(start), Some(end), Some((key, t))) = (site.start, site.end, site.text) else {
            continue;
        };
        let Some(slice) = slicer.slice(start, end) else {
            continue; // out of range or reversed: reported by check_spans
        };
        if t != slice {
            out.push(Found::at(
                site.owner.pointer(&[key]),
                format!(
                    "{} is not the record's text at {start}..{end}, which is {}",
                    quoted(t),
                    quoted(slice)
                ),
            ));
        }
    }
}

/// The record id is the start of the source's sha256.
fn check_id(record: &Value, out: &mut Vec<Found>) {
    let id = record.get("id").and_then(Value::as_str);
    let sha = record.pointer("/source/sha256").and_then(Value::as_str);
    if let (Some(id), Some(sha)) = (id, sha) {
        let well_formed = |s: &str, n| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
        if well_formed(id, 16) && well_formed(sha, 64) && !sha.starts_with(id) {
            out.push(Found::at(
                "/id".to_string(),
                format!("{} is not the first 16 digits of source.sha256", quoted(id)),
            ));
        }
    }
}

fn check_ids_and_refs(record: &Value, out: &mut Vec<Found>) {
    // id → pointer of its first use
    let mut ids: HashMap<&str, String> = HashMap::new();
    for list in ["people", "organizations", "places", "quotes", "events"] {
        for (i, item) in array(record.get(list)).iter().enumerate() {
            let Some(id) = item.get("id").and_then(Value::as_str) else {
                continue;
            };
            let pointer = format!("/{list}/{i}/id");
            match ids.get(id) {
                Some(first) => out.push(Found::at(
                    pointer,
                    format!("duplicate id {} (first used at {first})", quoted(id)),
                )),
                None => {
                    ids.insert(id, pointer);
                }
            }
        }
    }
    let mut check_ref = |value: Option<&Value>, pointer: &dyn Fn() -> String| {
        if let Some(r) = value.and_then(Value::as_str) {
            if !ids.contains_key(r) {
                out.push(Found::at(
                    pointer(),
                    format!("{} names no id in this record", quoted(r)),
                ));
            }
        }
    };
    for (i, photo) in array(record.get("photos")).iter().enumerate() {
        for (j, person) in array(photo.get("people")).iter().enumerate() {
            check_ref(Some(person), &|| format!("/photos/{i}/people/{j}"));
        }
    }
    for (i, quote) in array(record.get("quotes")).iter().enumerate() {
        check_ref(quote.pointer("/speaker/ref"), &|| {
            format!("/quotes/{i}/speaker/ref")
        });
    }
    for (i, event) in array(record.get("events")).iter().enumerate() {
        for (j, p) in array(event.get("participants")).iter().enumerate() {
            check_ref(p.get("ref"), &|| {
                format!("/events/{i}/participants/{j}/ref")
            });
        }
        check_ref(event.pointer("/place/ref"), &|| {
            format!("/events/{i}/place/ref")
        });
    }
}

fn check_spans(record: &Value, out: &mut Vec<Found>) {
    let chars = record.pointer("/source/chars").and_then(Value::as_u64);
    let sites = span_sites(record);
    for site in &sites {
        let (Some(start), Some(end)) = (site.start, site.end) else {
            continue;
        };
        if start > end {
            out.push(Found::at(
                site.offset_pointer("start"),
                format!("start {start} is after end {end}"),
            ));
            continue;
        }
        if let Some(chars) = chars {
            if let Some(problem) = past_end(site, chars) {
                out.push(problem);
                continue;
            }
        }
        if let Some((key, text)) = site.text {
            let len = text.chars().count() as u64;
            if len != end - start {
                out.push(Found::at(
                    site.owner.pointer(&[key]),
                    format!(
                        "{} has {len} characters but its span {start}..{end} covers {}",
                        quoted(text),
                        end - start
                    ),
                ));
            }
        }
    }
    // The span pairs the record builder always sets together.
    if let Some(article) = record.get("article") {
        for (text, span) in [("title", "title_span"), ("subtitle", "subtitle_span")] {
            paired(article, "/article", text, span, out);
        }
    }
    for (i, photo) in array(record.get("photos")).iter().enumerate() {
        paired(photo, &format!("/photos/{i}"), "credit", "credit_span", out);
    }
    // A trigger lies inside its sentence.
    for (i, event) in array(record.get("events")).iter().enumerate() {
        let span = |p: &str| {
            let s = event.pointer(p)?;
            Some((s.get("start")?.as_u64()?, s.get("end")?.as_u64()?))
        };
        if let (Some((ts, te)), Some((ss, se))) = (span("/trigger/span"), span("/sentence")) {
            if ts <= te && ss <= se && (ts < ss || te > se) {
                out.push(Found::at(
                    format!("/events/{i}/trigger/span"),
                    format!("trigger {ts}..{te} is outside its sentence {ss}..{se}"),
                ));
            }
        }
    }
}

/// A problem when a span reaches past a text of `chars` code points.
pub(crate) fn past_end(site: &SpanSite, chars: u64) -> Option<Found> {
    let (start, end) = (site.start?, site.end?);
    let (which, offset) = if start > chars {
        ("start", start)
    } else if end > chars {
        ("end", end)
    } else {
        return None;
    };
    Some(Found::at(
        site.offset_pointer(which),
        format!("{offset} is past the end of the text ({chars} chars)"),
    ))
}

/// `text` and `span` are both null or both set.
fn paired(holder: &Value, at: &str, text: &str, span: &str, out: &mut Vec<Found>) {
    let (Some(t), Some(s)) = (holder.get(text), holder.get(span)) else {
        return;
    };
    if t.is_null() != s.is_null() {
        let (set, unset) = if t.is_null() {
            (span, text)
        } else {
            (text, span)
        };
        out.push(Found::at(
            format!("{at}/{unset}"),
            format!("{unset} is null but {set} is set"),
        ));
    }
}

/// Full dates name real days (the schema only checks the digits' ranges).
fn check_dates(record: &Value, out: &mut Vec<Found>) {
    let mut check = |pointer: String, value: Option<&Value>| {
        let Some(date) = value.and_then(Value::as_str) else {
            return;
        };
        if let Some((y, m, d)) = parse_full_date(date) {
            // Shapes and ranges are the schema's to report; this is the calendar.
            let in_range = (1..=12).contains(&m) && (1..=31).contains(&d);
            if in_range && newsparse_core::date::day(y as i32, m as u8, d as u8).is_none() {
                out.push(Found::at(
                    pointer,
                    format!("{} is not a real date", quoted(date)),
                ));
            }
        }
    };
    check(
        "/article/published".into(),
        record.pointer("/article/published"),
    );
    check(
        "/article/dateline/date".into(),
        record.pointer("/article/dateline/date"),
    );
    for (i, photo) in array(record.get("photos")).iter().enumerate() {
        check(format!("/photos/{i}/date"), photo.get("date"));
    }
    for (i, event) in array(record.get("events")).iter().enumerate() {
        check(
            format!("/events/{i}/time/value"),
            event.pointer("/time/value"),
        );
    }
}

fn parse_full_date(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some((
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A small valid record about invented people, for the text
    /// "Mara Quill met Tobin Vale in Brackenford." (41 chars).
    fn sample() -> Value {
        json!({
            "schema_version": "1.0",
            "id": "0123456789abcdef",
            "source": {"path": "in/a.txt",
                "sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "bytes": 41, "chars": 41},
            "article": {"title": null, "subtitle": null, "byline": [], "published": "2024-02-29",
                "dateline": null, "language": "en", "word_count": 7, "paragraph_count": 1,
                "title_span": null, "subtitle_span": null},
            "photos": [],
            "people": [
                {"id": "p1", "name": "Mara Quill", "aliases": [], "titles": [], "roles": [],
                 "mentions": [{"start": 0, "end": 10, "text": "Mara Quill"}]},
                {"id": "p2", "name": "Tobin Vale", "aliases": [], "titles": [], "roles": [],
                 "mentions": [{"start": 15, "end": 25, "text": "Tobin Vale"}]}],
            "organizations": [],
            "places": [{"id": "l1", "name": "Brackenford", "aliases": [],
                 "mentions": [{"start": 29, "end": 40, "text": "Brackenford"}]}],
            "quotes": [],
            "events": [{"id": "e1", "type": "Contact.Meet",
                "trigger": {"text": "met", "span": {"start": 11, "end": 14}},
                "sentence": {"start": 0, "end": 41},
                "participants": [{"ref": "p1", "role": "Entity"}, {"ref": "p2", "role": "Entity"}],
                "place": {"ref": "l1", "name": "Brackenford"}, "time": null}],
            "warnings": []
        })
    }

    fn problems_of(record: &Value) -> Vec<(String, String)> {
        check_record(record)
            .into_iter()
            .map(|p| (p.pointer, p.message))
            .collect()
    }

    #[test]
    fn sample_is_valid() {
        assert_eq!(problems_of(&sample()), vec![]);
    }

    /// [`sample`] as a WARC record's: its rendered text, which its spans index.
    fn page_sample() -> Value {
        let mut r = sample();
        r["schema_version"] = json!("1.1");
        r["source"]["path"] = json!("crawl.warc.gz#3");
        r["source"]["format"] = json!("warc");
        r["source"]["url"] = json!("https://news.example/meet");
        r["source"]["warc_record_id"] = json!("<urn:uuid:0000-3>");
        r["text"] = json!("Mara Quill met Tobin Vale in Brackenford.");
        r
    }

    /// The typed fast path agrees with the full check.
    fn fast_path(record: &Value) -> bool {
        serde_json::from_value::<Record>(record.clone()).is_ok_and(|r| record_is_valid(&r))
    }

    #[test]
    fn a_page_record_is_checked_against_its_own_text() {
        let page = page_sample();
        assert_eq!(problems_of(&page), vec![]);
        assert!(fast_path(&page));

        let mut moved = page.clone();
        moved["text"] = json!("Tobin Vale met Mara Quill in Brackenford.");
        let got = problems_of(&moved);
        assert_eq!(
            got,
            vec![
                (
                    "/people/0/mentions/0/text".to_string(),
                    "\"Mara Quill\" is not the record's text at 0..10, which is \"Tobin Vale\""
                        .to_string()
                ),
                (
                    "/people/1/mentions/0/text".to_string(),
                    "\"Tobin Vale\" is not the record's text at 15..25, which is \"Mara Quill\""
                        .to_string()
                ),
            ]
        );
        assert!(!fast_path(&moved));

        let mut short = page.clone();
        short["text"] = json!("Mara Quill met Tobin Vale in Brackenford");
        let got = problems_of(&short);
        assert!(
            got.contains(&(
                "/source/chars".to_string(),
                "41 is not the length of the record's text (40 chars)".to_string()
            )),
            "{got:?}"
        );
        assert!(!fast_path(&short));
    }

    #[test]
    fn text_is_present_exactly_for_pages() {
        let mut no_text = page_sample();
        no_text.as_object_mut().unwrap().remove("text");
        assert_eq!(
            problems_of(&no_text),
            vec![(
                "".to_string(),
                "missing required field \"text\"".to_string()
            )]
        );
        assert!(!fast_path(&no_text));
        let mut text_record = sample();
        text_record["text"] = json!("Mara Quill met Tobin Vale in Brackenford.");
        let got = problems_of(&text_record);
        assert_eq!(
            got,
            vec![(
                "/text".to_string(),
                "`text` is only for records of html and warc sources (source.format is text)"
                    .to_string()
            )]
        );
        assert!(!fast_path(&text_record));
        text_record["source"]["format"] = json!("text");
        assert_eq!(problems_of(&text_record).len(), 1);
    }

    #[test]
    fn schema_is_2020_12_with_all_ace_subtypes() {
        // Compiling checks the schema against the 2020-12 meta-schema.
        let _ = validator();
        let schema: Value = serde_json::from_str(SCHEMA_JSON).unwrap();
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let types = schema
            .pointer("/$defs/event/properties/type/enum")
            .and_then(Value::as_array)
            .unwrap();
        assert_eq!(types.len(), 33);
        assert!(types.contains(&json!("Justice.Pardon")));
    }

    #[test]
    fn schema_errors_read_plainly() {
        let mut r = sample();
        r["events"][0]["type"] = json!("Contact.Meeting");
        r["people"][0]["mentions"][0]["end"] = json!("10");
        r["article"]["published"] = json!("29/02/2024");
        r["people"][1]["nmae"] = json!("x");
        r["schema_version"] = json!("2.0");
        let got = problems_of(&r);
        let want = [
            (
                "/events/0/type",
                "\"Contact.Meeting\" is not an ACE 2005 event subtype",
            ),
            (
                "/people/0/mentions/0/end",
                "expected integer, found string \"10\"",
            ),
            ("/article/published", "\"29/02/2024\" is not a date YYYY-MM-DD"),
            (
                "/people/1/nmae",
                "unknown field \"nmae\" (expected one of: id, name, aliases, titles, roles, mentions)",
            ),
            ("/schema_version", "\"2.0\" is not one of \"1.0\", \"1.1\""),
        ];
        for (pointer, message) in want {
            assert!(
                got.contains(&(pointer.to_string(), message.to_string())),
                "missing {pointer}: {message} in {got:#?}"
            );
        }
    }

    #[test]
    fn enum_and_required_messages() {
        let mut r = sample();
        r["quotes"] = json!([{"id": "q1", "text": "x", "span": {"start": 0, "end": 1},
            "speaker": null, "cue": null, "kind": "qoute"}]);
        r["places"][0].as_object_mut().unwrap().remove("aliases");
        let got = problems_of(&r);
        assert!(got.contains(&(
            "/quotes/0/kind".into(),
            "\"qoute\" is not one of \"direct\", \"partial\", \"scare\"".into()
        )));
        assert!(got.contains(&(
            "/places/0".into(),
            "missing required field \"aliases\"".into()
        )));
        // the quote's one-character text still agrees with its span
        assert_eq!(got.len(), 2, "{got:#?}");
    }

    #[test]
    fn duplicate_ids_and_dangling_refs() {
        let mut r = sample();
        r["places"][0]["id"] = json!("l1");
        r["people"][1]["id"] = json!("p1");
        r["events"][0]["participants"][1]["ref"] = json!("o4");
        r["events"][0]["place"]["ref"] = json!("l2");
        let got = problems_of(&r);
        assert_eq!(
            got,
            vec![
                (
                    "/people/1/id".into(),
                    "duplicate id \"p1\" (first used at /people/0/id)".into()
                ),
                (
                    "/events/0/participants/1/ref".into(),
                    "\"o4\" names no id in this record".into()
                ),
                (
                    "/events/0/place/ref".into(),
                    "\"l2\" names no id in this record".into()
                ),
            ]
        );
    }

    #[test]
    fn span_invariants() {
        let mut r = sample();
        r["people"][0]["mentions"][0] = json!({"start": 12, "end": 3, "text": "Mara"});
        r["people"][1]["mentions"][0]["end"] = json!(52);
        r["places"][0]["mentions"][0]["text"] = json!("Brackenfor");
        r["events"][0]["sentence"] = json!({"start": 20, "end": 41});
        let got = problems_of(&r);
        assert_eq!(
            got,
            vec![
                (
                    "/people/0/mentions/0/start".into(),
                    "start 12 is after end 3".into()
                ),
                (
                    "/people/1/mentions/0/end".into(),
                    "52 is past the end of the text (41 chars)".into()
                ),
                (
                    "/places/0/mentions/0/text".into(),
                    "\"Brackenfor\" has 10 characters but its span 29..40 covers 11".into()
                ),
                (
                    "/events/0/trigger/span".into(),
                    "trigger 11..14 is outside its sentence 20..41".into()
                ),
            ]
        );
    }

    #[test]
    fn id_must_prefix_sha_and_dates_must_exist() {
        let mut r = sample();
        r["id"] = json!("ffffffffffffffff");
        r["article"]["published"] = json!("2023-02-29");
        r["article"]["title"] = json!("A title");
        let got = problems_of(&r);
        assert_eq!(
            got,
            vec![
                (
                    "/id".into(),
                    "\"ffffffffffffffff\" is not the first 16 digits of source.sha256".into()
                ),
                (
                    "/article/title_span".into(),
                    "title_span is null but title is set".into()
                ),
                (
                    "/article/published".into(),
                    "\"2023-02-29\" is not a real date".into()
                ),
            ]
        );
    }

    /// `sample()` with a photo, a quote and an event time, so that every
    /// kind of member is present.
    fn full_sample() -> Value {
        let mut r = sample();
        r["photos"] = json!([{"caption": "Mara Quill", "credit": null,
            "span": {"start": 0, "end": 10}, "credit_span": null,
            "people": ["p1"], "place": null, "date": "2024-05"}]);
        r["quotes"] = json!([{"id": "q1", "text": "Tobin", "span": {"start": 15, "end": 20},
            "speaker": {"ref": "p1", "name": "Mara Quill"}, "cue": null, "kind": "scare"}]);
        r["events"][0]["time"] = json!({"text": "Vale", "value": "2024-05-31",
            "span": {"start": 21, "end": 25}});
        r["article"]["dateline"] = json!({"place": "Brackenford", "date": "2024-03-01"});
        r["organizations"] = json!([{"id": "o1", "name": "Quill Works", "aliases": [],
            "acronym": null, "mentions": []}]);
        r
    }

    fn fast_valid(v: &Value) -> bool {
        serde_json::from_value::<Record>(v.clone()).is_ok_and(|r| record_is_valid(&r))
    }

    fn leaf_pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    leaf_pointers(x, format!("{at}/{k}"), out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    leaf_pointers(x, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    #[test]
    fn fast_path_never_accepts_what_the_full_check_rejects() {
        let base = full_sample();
        assert_eq!(problems_of(&base), vec![]);
        assert!(fast_valid(&base));
        let mut pointers = Vec::new();
        leaf_pointers(&base, String::new(), &mut pointers);
        let replacements = [
            json!(null),
            json!(""),
            json!("x"),
            json!(-1),
            json!(0),
            json!(1.5),
            json!(99),
            json!(true),
            json!([]),
            json!({}),
            json!("p1"),
            json!("p9"),
            json!("o1"),
            json!("l1"),
            json!("q1"),
            json!("2024-02-30"),
            json!("2024-13"),
            json!("2024"),
            json!("1.0"),
            json!("en"),
            json!("Contact.Meet"),
            json!("direct"),
        ];
        let (mut tried, mut rejected) = (0, 0);
        for pointer in pointers.iter().filter(|p| !p.is_empty()) {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            for replacement in &replacements {
                let mut v = base.clone();
                *v.pointer_mut(pointer).unwrap() = replacement.clone();
                tried += 1;
                let slow_ok = problems_of(&v).is_empty();
                rejected += usize::from(!slow_ok);
                assert!(slow_ok || !fast_valid(&v), "{pointer} = {replacement}");
            }
            // Removed, and beside an unknown member.
            let mut v = base.clone();
            match v.pointer_mut(parent).unwrap() {
                Value::Object(m) => {
                    m.shift_remove(key);
                }
                Value::Array(a) => {
                    a.remove(key.parse::<usize>().unwrap());
                }
                _ => unreachable!(),
            }
            assert!(
                problems_of(&v).is_empty() || !fast_valid(&v),
                "without {pointer}"
            );
            let mut v = base.clone();
            if let Some(m) = v.pointer_mut(parent).unwrap().as_object_mut() {
                m.insert("extra".into(), json!(1));
                assert!(!fast_valid(&v), "extra beside {pointer}");
            }
        }
        assert!(
            tried > 1000 && rejected > tried / 2,
            "{tried} tried, {rejected} rejected"
        );
    }

    #[test]
    fn records_from_the_builder_types_validate() {
        // The core record type serializes to what the schema accepts.
        let record: newsparse_core::record::Record = serde_json::from_value(sample()).unwrap();
        let back = serde_json::to_value(&record).unwrap();
        assert_eq!(problems_of(&back), vec![]);
    }
}
