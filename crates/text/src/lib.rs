//! Text stage: paragraphs, sentences and tokens, in one pass.
//!
//! Every block the layout stage marks as read ([`BlockKind::is_read`]) becomes
//! one paragraph; its tokens are found in one forward pass ([`tokenize`]) and
//! then grouped into sentences. Sentences never cross paragraphs.
//!
//! Token conventions are those of the NER training data (Penn Treebank
//! style): see [`tokenize`] for the details ("Iran’s" → "Iran" "’s",
//! "don't" → "do" "n't", "al-Kadhimi" whole, "$" "5.8bn", "30" "%").

mod chars;
pub mod tokenize;

pub use chars::is_space;
use newsparse_core::{Block, ByteSpan, Doc, Paragraph, Sentence};
use tokenize::{char_at, Kind};

/// Segment the blocks that later stages read into paragraphs, sentences, tokens.
///
/// Blocks are expected in text order and not overlapping (as
/// `newsparse_layout::analyze` gives them); a block that overlaps an earlier
/// one is skipped so the `Doc` invariants hold whatever the input.
pub fn segment<'t>(text: &'t str, blocks: &[Block]) -> Doc<'t> {
    let mut doc = Doc {
        text,
        paragraphs: Vec::with_capacity(blocks.len()),
        sentences: Vec::new(),
        // About one token per five bytes of news text.
        tokens: Vec::with_capacity(
            blocks
                .iter()
                .filter(|b| b.kind.is_read())
                .map(|b| b.span.len())
                .sum::<usize>()
                / 5,
        ),
    };
    let mut kinds = Vec::new();
    let mut last_end = 0;
    for block in blocks {
        if !block.kind.is_read() {
            continue;
        }
        let (start, end) = (block.span.start, block.span.end.min(text.len()));
        if start < last_end
            || start >= end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        let first_token = doc.tokens.len();
        kinds.clear();
        tokenize::tokenize(text, start, end, &mut doc.tokens, &mut kinds);
        if doc.tokens.len() == first_token {
            continue;
        }
        last_end = end;
        let paragraph = doc.paragraphs.len();
        let first_sentence = doc.sentences.len();
        split_sentences(
            text,
            &doc.tokens,
            first_token,
            &kinds,
            paragraph,
            &mut doc.sentences,
        );
        let toks = &doc.tokens[first_token..];
        doc.paragraphs.push(Paragraph {
            kind: block.kind,
            span: ByteSpan::new(toks[0].span.start, toks[toks.len() - 1].span.end),
            sentences: first_sentence..doc.sentences.len(),
        });
    }
    doc
}

/// The number of sentences in `text[span]`, read as one paragraph. The layout
/// stage uses it to tell a one-sentence standfirst from a lead paragraph.
pub fn count_sentences(text: &str, span: ByteSpan) -> usize {
    let block = Block {
        kind: newsparse_core::BlockKind::Body,
        span,
    };
    segment(text, &[block]).sentences.len()
}

/// Capitalized words that start sentences far more often than they follow an
/// abbreviation such as "U.S." or "Inc." inside one.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Although",
    "Though",
    "However",
    "Meanwhile",
    "Also",
    "Still",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Some",
    "Many",
    "Most",
    "Such",
    "What",
    "Why",
    "How",
    "Who",
    "Mr",
    "Mrs",
    "Ms",
];

/// Group the tokens `tokens[first..]` (one paragraph, kinds in `kinds`) into
/// sentences.
fn split_sentences(
    text: &str,
    tokens: &[newsparse_core::Token],
    first: usize,
    kinds: &[Kind],
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let n = kinds.len();
    let tok = |k: usize| tokens[first + k].span;
    let first_char = |k: usize| char_at(text, tok(k).start).map(|(c, _)| c).unwrap_or(' ');
    let attached = |k: usize| tok(k).start == tok(k - 1).end;
    let mut sent_start = 0;
    let mut k = 0;
    while k < n {
        let kind = kinds[k];
        if !matches!(
            kind,
            Kind::Stop | Kind::Terminal | Kind::Ellipsis | Kind::Abbrev
        ) {
            k += 1;
            continue;
        }
        // Take in further stops ("?!") and the quotes or brackets printed right
        // after the stop (`."`, `.”`, `?)`): they close this sentence.
        let mut j = k + 1;
        while j < n
            && attached(j)
            && (matches!(kinds[j], Kind::Stop | Kind::Terminal | Kind::Ellipsis)
                || (tok(j).len() <= 3
                    && chars::is_closer(first_char(j))
                    && tok(j).len() == first_char(j).len_utf8()))
        {
            j += 1;
        }
        if j >= n {
            break;
        }
        let next = first_char(j);
        let ends = match kind {
            Kind::Stop | Kind::Terminal => {
                next.is_uppercase() || next.is_numeric() || chars::is_opener(next)
            }
            // "I'm a Celebrity... Get Me Out of Here": after an ellipsis or
            // an abbreviation only a clear sentence start ends a sentence.
            Kind::Ellipsis | Kind::Abbrev => {
                let w = tok(j).text(text);
                STARTERS.contains(&w) || matches!(next, '"' | '\u{201c}')
            }
            _ => false,
        };
        if ends {
            push_sentence(tokens, first, sent_start, j, paragraph, out);
            sent_start = j;
        }
        k = j;
    }
    if sent_start < n {
        push_sentence(tokens, first, sent_start, n, paragraph, out);
    }
}

fn push_sentence(
    tokens: &[newsparse_core::Token],
    first: usize,
    from: usize,
    to: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    out.push(Sentence {
        span: ByteSpan::new(
            tokens[first + from].span.start,
            tokens[first + to - 1].span.end,
        ),
        tokens: first + from..first + to,
        paragraph,
    });
}

#[cfg(test)]
mod tests;
