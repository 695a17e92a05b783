//! One article in, one record out: the per-article pipeline that the command
//! line, the Python package and the review page all call.
//!
//! Steps: [`ingest`] reads and decodes the input; [`extract`] runs the analysis
//! stages in order (layout → text → ner → entities → quotes → events); the
//! [`record`] stage turns what they found into the contract's record.

pub mod ingest;
pub mod panic;
pub mod record;
pub mod timing;

use newsparse_core::record::Record;

pub use crate::record::{PageSource, SourceInfo};

/// Run every stage over `text` (the decoded `source.bytes`) and build the record.
pub fn extract(source: &SourceInfo, text: &str) -> Record {
    use timing::{timed, Stage::*};
    let layout = timed(Layout, || newsparse_layout::analyze(text));
    let doc = timed(Text, || newsparse_text::segment(text, &layout.blocks));
    let mentions = timed(Ner, || newsparse_ner::Model::embedded().tag(&doc));
    let entities = timed(Entities, || {
        let mut entities = newsparse_entities::resolve(&doc, &mentions);
        newsparse_entities::add_agencies(text, &layout.agencies, &mut entities);
        newsparse_entities::add_credited_people(text, &layout.credited_people, &mut entities);
        entities
    });
    let (quotes, quote_warnings) = timed(Quotes, || newsparse_quotes::find(&doc, &entities));
    let events = timed(Events, || {
        newsparse_events::analyze(&doc, &layout, &entities, &quotes)
    });
    timed(Record, || {
        crate::record::build(crate::record::Found {
            source,
            text,
            layout: &layout,
            doc: &doc,
            entities: &entities,
            quotes: &quotes,
            quote_warnings: &quote_warnings,
            events: &events,
        })
    })
}

/// Run every stage over a page's rendered article text (`page.text`, see
/// `newsparse_html::render`) and build the record, which carries that text.
/// `source.page` says where the page came from.
///
/// The page's markup knows its headline, authors and date better than a
/// reading of the text does, so the record's `title` (with `title_span`, the
/// headline opening the rendered text), `byline` and `published` are the
/// page's: the same figures `newsparse text --jsonl` gives.
pub fn extract_page(source: &SourceInfo, page: &newsparse_html::Page) -> Record {
    debug_assert!(source.page.is_some(), "a page's source says its format");
    let mut record = extract(source, &page.text);
    let article = &mut record.article;
    match page.title.as_deref().filter(|t| page.text.starts_with(t)) {
        Some(t) => {
            article.title = Some(t.to_string());
            article.title_span = Some(newsparse_core::record::Span {
                start: 0,
                end: t.chars().count(),
            });
            // A subtitle that was the headline read again goes.
            if article
                .subtitle_span
                .is_some_and(|s| s.start < t.chars().count())
            {
                article.subtitle = None;
                article.subtitle_span = None;
            }
        }
        None => {
            article.title = None;
            article.title_span = None;
        }
    }
    article.byline = page.authors.clone();
    article.published = page
        .published
        .and_then(|d| d.as_day())
        .map(newsparse_core::date::iso_day);
    record
}
