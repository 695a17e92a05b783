//! The knowledge of English that every newsparse stage reads, written once.
//!
//! - [`chars`]: what counts as whitespace, a word character, an apostrophe,
//!   a hyphen, an opening or closing mark. The offsets invariant depends on
//!   every stage agreeing on these.
//! - [`tokenize`]: the one tokenizer (Penn-Treebank style, byte offsets into
//!   the untouched text); [`sentences`]: the one sentence splitter. The text
//!   stage builds the `Doc` with them; the recognizer's training reads
//!   unlabelled text through [`segment_span`], so training and tagging see the
//!   same tokens.
//! - [`lexicon`]: named word lists (titles, offices, role nouns, organization
//!   suffixes, name particles, work nouns, abbreviations…), each in one place,
//!   all looked up the same way ([`lexicon::WordList::has`]).
//! - [`calendar`]: month and weekday words, and building a checked
//!   [`newsparse_core::date`] value from a day, month and year as printed.
//! - [`case`]: title case of names printed in capitals.
//!
//! No names of particular people, organizations or places belong here.

pub mod calendar;
pub mod case;
pub mod chars;
pub mod lexicon;
pub mod sentences;
pub mod tokenize;

use newsparse_core::{ByteSpan, Token};
use std::ops::Range;

/// The tokens of `text[span]` read as one paragraph, and its sentences as
/// ranges of indices into `tokens`.
#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
}

/// Tokenize `text[span]` as one paragraph and split it into sentences: the
/// same tokens and sentences the text stage gives for a block with that span.
pub fn segment_span(text: &str, span: ByteSpan) -> Segmented {
    let mut out = Segmented::default();
    let mut kinds = Vec::new();
    let end = span.end.min(text.len());
    if span.start >= end || !text.is_char_boundary(span.start) || !text.is_char_boundary(end) {
        return out;
    }
    tokenize::tokenize(text, span.start, end, &mut out.tokens, &mut kinds);
    sentences::split_sentences(text, &out.tokens, 0, &kinds, &mut out.sentences);
    out
}

/// The number of sentences in `text[span]` read as one paragraph.
pub fn count_sentences(text: &str, span: ByteSpan) -> usize {
    segment_span(text, span).sentences.len()
}
