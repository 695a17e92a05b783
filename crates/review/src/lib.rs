//! Review pages for records: what was extracted, seen in the article.
//!
//! - [`page_html`] / [`page_html_for`]: one self-contained HTML page per
//!   record: the article text with every span marked by kind (nested spans
//!   drawn nested), lists of entities, quotes, events and photos (selecting
//!   one marks all its spans), validation problems at their place and
//!   listed with their JSON pointer, the record's JSON folded;
//! - [`review_text`]: the same page from a record's JSON text, for batches:
//!   a valid record is never read as a `serde_json::Value`;
//! - [`index_html`]: the index of a directory of pages, sortable, filtered;
//! - [`compare`]: two records of one article matched item by item the way
//!   `shared/tools/score.py` matches a record against gold, and the pages
//!   that show it.
//!
//! Every page carries its style and script inline and a
//! Content-Security-Policy that allows only those two (by hash): nothing is
//! fetched, and a record's strings can never become markup or script.
//!
//! Templates are maud's: compiled with the crate (a template error is a
//! build error, no template files to ship or find at run time), escaping on
//! by default for every interpolated value, and plain Rust expressions inside,
//! so the page code reads the record's types directly. askama would need
//! separate template files and minijinja a `serde` value per page, read at
//! run time.

mod assets;
pub mod compare;
mod escape;

mod index;
mod json;
mod marks;
mod norm;

mod page;

pub use index::{index_html, IndexRow};
pub use marks::Kind;
pub use newsparse_validate::schema::Problem;
pub use page::{page_html, page_html_for, PageOptions};

use newsparse_core::record::Record;
use serde_json::Value;

/// The validation problems of a record: the schema and the contract's
/// invariants, and the checks of `validate --source` against the text its
/// spans index. That text is the record's own `text` (contract 1.1) when it
/// has one (then `source.sha256`, `bytes` and `chars`, which describe the
/// page, are not checked against it), else `source`, the source file's
/// bytes; with neither, the checks that need no text.
pub fn problems(record: &Value, source: Option<&[u8]>) -> Vec<Problem> {
    let mut found = all_problems(record, source);
    // The schema and the source checks can both find a span past the end.
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert((p.pointer.clone(), p.message.clone())));
    found
}

fn all_problems(record: &Value, source: Option<&[u8]>) -> Vec<Problem> {
    if let Some(text) = record.get("text").and_then(Value::as_str) {
        let page_fields = ["/source/sha256", "/source/bytes", "/source/chars"];
        let mut found =
            newsparse_validate::files::check_record_with_source(record, text.as_bytes());
        found.retain(|p| !page_fields.contains(&p.pointer.as_str()));
        return found;
    }
    match source {
        Some(bytes) => newsparse_validate::files::check_record_with_source(record, bytes),
        None => newsparse_validate::schema::check_record(record),
    }
}

/// A record's page and its validation problems: [`problems`] and
/// [`page_html_for`] in one, reading the record as the contract's type once
/// (and skipping the full checks when the typed ones pass). Batches start
/// from the record's text with [`review_text`], which comes here only for a
/// record that fails the typed checks.
pub fn review_page(
    record: &Value,
    source: Option<&[u8]>,
    options: &PageOptions,
) -> (String, Vec<Problem>) {
    let typed = <newsparse_core::record::Record as serde::Deserialize>::deserialize(record);
    let text = text_of(record, source);
    let clean = match (&typed, record.get("text").is_some(), source) {
        (Ok(r), false, Some(bytes)) => {
            newsparse_validate::files::record_agrees_with_source(r, bytes)
        }
        (Ok(r), false, None) => newsparse_validate::schema::record_is_valid(r),
        _ => false,
    };
    let found = if clean {
        Vec::new()
    } else {
        problems(record, source)
    };
    let typed = typed.as_ref().map_err(|e| e.to_string());
    let html = page::page_html_typed(record, typed, text, &found, options);
    (html, found)
}

/// [`review_page`] for a record given as its JSON text, with its row of the
/// index (linking `href`). A record of the contract's shape that passes the
/// typed checks is read straight from its text, as the contract's type and
/// as the tokens its folded JSON is written from, never as a
/// `serde_json::Value` (reading one cost more than the rest of the page);
/// any other goes through [`review_page`], where its problems are found and
/// shown. The page is the same either way. Fails only on text that is not
/// JSON.
pub fn review_text(
    json: &str,
    source: Option<&[u8]>,
    options: &PageOptions,
    href: String,
) -> serde_json::Result<(String, IndexRow)> {
    review_read_text(json, serde_json::from_str(json).ok(), source, options, href)
}

/// [`review_text`] for a text already read as the contract's type (`typed`:
/// the record `json` reads as, `None` when it does not read as one), so a
/// batch that read it to name its page does not read it again.
pub fn review_read_text(
    json: &str,
    typed: Option<Record>,
    source: Option<&[u8]>,
    options: &PageOptions,
    href: String,
) -> serde_json::Result<(String, IndexRow)> {
    if let Some(page) = typed.and_then(|r| clean_page(json, r, source, options)) {
        return Ok((page.html, IndexRow::of_record(&page.record, href, 0)));
    }
    let record: Value = serde_json::from_str(json)?;
    let (html, found) = review_page(&record, source, options);
    Ok((html, IndexRow::of(&record, href, found.len())))
}

/// A valid record's page, and the record for its index row.
struct CleanPage {
    record: Record,
    html: String,
}

/// The page of a record that passes the typed checks, built from its text;
/// `None` for any other (or one with its own `text`, checked against that
/// text on the full path).
fn clean_page(
    json: &str,
    record: Record,
    source: Option<&[u8]>,
    options: &PageOptions,
) -> Option<CleanPage> {
    if record.text.is_some() {
        return None;
    }
    let clean = match source {
        Some(bytes) => newsparse_validate::files::record_agrees_with_source(&record, bytes),
        None => newsparse_validate::schema::record_is_valid(&record),
    };
    if !clean {
        return None;
    }
    let folded = json::fold_html(json)?;
    // `"text": null` reads as no text but takes the full path, as in [`review_page`].
    if folded.has_text {
        return None;
    }
    let text = source.and_then(|b| std::str::from_utf8(b).ok());
    let html = page::render(Ok(&record), &folded.html, text, &[], options);
    Some(CleanPage { record, html })
}

/// The text a record's spans index: its own `text` (contract 1.1), else the
/// source bytes as UTF-8.
pub fn text_of<'a>(record: &'a Value, source: Option<&'a [u8]>) -> Option<&'a str> {
    record
        .get("text")
        .and_then(Value::as_str)
        .or_else(|| source.and_then(|b| std::str::from_utf8(b).ok()))
}
