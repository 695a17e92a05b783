//! The index of a review directory: one row per article, sortable, with a
//! filter box.

use crate::assets::{head, Script};
use maud::{html, DOCTYPE};
use newsparse_core::record::Record;
use serde_json::Value;

/// One article of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexRow {
    /// The article's page, relative to the index.
    pub href: String,
    pub title: Option<String>,
    /// `source.path` of the record.
    pub source: String,
    pub published: Option<String>,
    pub people: usize,
    pub organizations: usize,
    pub places: usize,
    pub quotes: usize,
    pub events: usize,
    pub warnings: usize,
    /// Validation problems.
    pub problems: usize,
}

impl IndexRow {
    /// The row of a record given as JSON (which need not be valid).
    pub fn of(record: &Value, href: String, problems: usize) -> IndexRow {
        let len = |key: &str| {
            record
                .get(key)
                .and_then(Value::as_array)
                .map_or(0, Vec::len)
        };
        let text = |pointer: &str| {
            record
                .pointer(pointer)
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        IndexRow {
            href,
            title: text("/article/title"),
            source: text("/source/path").unwrap_or_default(),
            published: text("/article/published"),
            people: len("people"),
            organizations: len("organizations"),
            places: len("places"),
            quotes: len("quotes"),
            events: len("events"),
            warnings: len("warnings"),
            problems,
        }
    }

    /// The row of a record of the contract's shape: [`IndexRow::of`] its JSON.
    pub fn of_record(record: &Record, href: String, problems: usize) -> IndexRow {
        IndexRow {
            href,
            title: record.article.title.clone(),
            source: record.source.path.clone(),
            published: record.article.published.clone(),
            people: record.people.len(),
            organizations: record.organizations.len(),
            places: record.places.len(),
            quotes: record.quotes.len(),
            events: record.events.len(),
            warnings: record.warnings.len(),
            problems,
        }
    }
}

/// The index page.
pub fn index_html(heading: &str, rows: &[IndexRow]) -> String {
    let problems: usize = rows.iter().map(|r| r.problems).sum();
    html! {
        (DOCTYPE)
        html lang="en" {
            (head(heading, Script::Index))
            body {
                header {
                    h1 { (heading) }
                    p.meta {
                        (rows.len()) " article(s); "
                        (rows.iter().filter(|r| r.problems > 0).count()) " with validation problems ("
                        (problems) " in all). Click a column header to sort."
                    }
                }
                div.filter {
                    label for="filter" { "Filter: " }
                    input #filter type="search" placeholder="words in the title or path" autocomplete="off";
                    " " span #shown.meta role="status" aria-live="polite" {}
                }
                table #rows {
                    thead {
                        tr {
                            th { button type="button" { "Title" } }
                            th { button type="button" { "Source" } }
                            th { button type="button" { "Published" } }
                            @for name in ["People", "Organizations", "Places", "Quotes", "Events", "Warnings", "Problems"] {
                                th.n { button type="button" { (name) } }
                            }
                        }
                    }
                    tbody {
                        @for r in rows {
                            tr {
                                td { a href=(r.href) { (r.title.as_deref().unwrap_or("(no title)")) } }
                                td { (r.source) }
                                td { (r.published.as_deref().unwrap_or("")) }
                                @for n in [r.people, r.organizations, r.places, r.quotes, r.events, r.warnings, r.problems] {
                                    td.n { (n) }
                                }
                            }
                        }
                    }
                }
                (Script::Index.element())
            }
        }
    }
    .into_string()
}
