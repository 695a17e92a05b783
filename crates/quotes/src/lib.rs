//! Quotes stage: quotations and who said them.
//!
//! Each read paragraph is scanned for quotation marks ([`marks`]); the
//! `Doc`'s tokens and sentences are regrouped so that each quotation stands
//! as a single token and no sentence ends inside one ([`clause`]); then every quote is tied to a reporting verb in
//! its sentence and that verb's subject (or, failing that, to the speaker of
//! the speech it continues) and the subject is resolved to an entity
//! ([`attribute`]): the subject is found by walking back from the verb, and
//! where that finds none, from the sentence's dependency tree
//! (`newsparse_syntax::pipeline_parse`, each quotation one word to it).

mod attribute;
mod clause;
mod lexicon;
mod marks;

use newsparse_core::{ByteSpan, Doc, FoundEntity, QuoteFound};
use newsparse_lang::chars::{is_space, is_word};

/// Find quotations and attribute them. Returns the quotes and warnings.
///
/// Reads the paragraphs the layout stage marks as read. Each quotation is
/// reported once, outermost only (a quote nested inside another is part of its
/// text), in text order; its `span` covers the words inside the marks without
/// a trailing comma or full stop. A quote run on over paragraphs (each one
/// reopened, only the last closed) gives one quote per paragraph. A double
/// mark left open at a paragraph's end that the next paragraph does not
/// reopen is reported in the warnings, and the quote ends with its paragraph.
/// Titles of works (`the film "…"`) are not quotes.
pub fn find(doc: &Doc, entities: &[FoundEntity]) -> (Vec<QuoteFound>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut quotes = Vec::new();
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if !p.kind.is_read() {
            continue;
        }
        let next_opens = doc
            .paragraphs
            .get(pi + 1)
            .and_then(|n| marks::leading_open(doc.text, n.span));
        for raw in marks::scan(doc.text, p.span, next_opens) {
            let continued = raw.unclosed && next_opens == Some(raw.family);
            if raw.unclosed && !continued {
                warnings.push(unclosed_warning(doc.text, &raw));
            }
            if let Some(span) = trim_quote(doc.text, raw.inner) {
                let runs_on = raw.reopened || continued;
                quotes.push(clause::Quote { raw, span, runs_on });
            }
        }
    }
    let layout = clause::Layout::new(doc, &quotes);
    let found = attribute::attribute(doc.text, &layout, &quotes, entities);
    (found, warnings)
}

fn unclosed_warning(text: &str, raw: &marks::RawQuote) -> String {
    let at = text[..raw.open].chars().count();
    let start: String = raw.inner.text(text).chars().take(40).collect();
    format!(
        "unclosed quotation mark at character {at}: \"{}…\"",
        start.trim()
    )
}

/// The quoted words: no surrounding space, no trailing comma or full stop
/// (they belong to the attribution), no stray closing mark of a nested quote.
fn trim_quote(text: &str, inner: ByteSpan) -> Option<ByteSpan> {
    let s = inner.text(text);
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let mut body = s.trim_matches(is_space);
    let single_opens = body
        .char_indices()
        .any(|(i, c)| matches!(c, '\'' | '\u{2018}') && body[..i].ends_with(is_space));
    if !single_opens {
        body = body.trim_end_matches(['\'', '\u{2019}']);
    }
    if let Some(cut) = body.strip_suffix([',', '.']) {
        let ellipsis = cut.ends_with('.');
        let abbreviation = {
            let mut back = cut.chars().rev();
            back.next().is_some_and(|c| c.is_uppercase()) && back.next() == Some('.')
        };
        if !ellipsis && !abbreviation {
            body = cut;
        }
    }
    body = body.trim_end_matches(is_space);
    if !body.chars().any(is_word) {
        return None;
    }
    let start = inner.start + lead;
    Some(ByteSpan::new(start, start + body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(s: &str) -> Option<&str> {
        trim_quote(s, ByteSpan::new(0, s.len())).map(|sp| sp.text(s))
    }

    #[test]
    fn trims_attribution_punctuation() {
        assert_eq!(trimmed("We will win,"), Some("We will win"));
        assert_eq!(trimmed(" It is over. "), Some("It is over"));
        assert_eq!(trimmed("Is it over?"), Some("Is it over?"));
        assert_eq!(trimmed("and so on..."), Some("and so on..."));
        assert_eq!(trimmed("talks with the U.S."), Some("talks with the U.S."));
        assert_eq!(trimmed("then go home.'"), Some("then go home"));
        assert_eq!(trimmed(" , "), None);
    }
}
