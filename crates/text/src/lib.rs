//! Text stage: paragraphs, sentences and tokens, in one pass.
//!
//! Every block the layout stage marks as read ([`BlockKind::is_read`]) becomes
//! one paragraph; its tokens are found in one forward pass by the language
//! crate's tokenizer ([`newsparse_lang::tokenize`]) and then grouped into
//! sentences by its splitter. Sentences never cross paragraphs.
//!
//! Token conventions are those of the NER training data (Penn Treebank
//! style): see [`newsparse_lang::tokenize`] for the details ("Iran’s" → "Iran" "’s",
//! "don't" → "do" "n't", "al-Kadhimi" whole, "$" "5.8bn", "30" "%").

use newsparse_core::{Block, ByteSpan, Doc, Paragraph, Sentence};
use newsparse_lang::{sentences, tokenize};

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
    // Room for the longest block's kinds, so that the first long block
    // does not grow the vector a doubling at a time.
    let mut kinds = Vec::with_capacity(
        blocks
            .iter()
            .filter(|b| b.kind.is_read())
            .map(|b| b.span.len() / 4)
            .max()
            .unwrap_or(0),
    );
    let mut ranges = Vec::new();
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
        ranges.clear();
        sentences::split_sentences(text, &doc.tokens, first_token, &kinds, &mut ranges);
        doc.sentences.extend(ranges.drain(..).map(|r| Sentence {
            span: ByteSpan::new(
                doc.tokens[r.start].span.start,
                doc.tokens[r.end - 1].span.end,
            ),
            tokens: r,
            paragraph,
        }));
        let toks = &doc.tokens[first_token..];
        doc.paragraphs.push(Paragraph {
            kind: block.kind,
            span: ByteSpan::new(toks[0].span.start, toks[toks.len() - 1].span.end),
            sentences: first_sentence..doc.sentences.len(),
        });
    }
    doc
}

#[cfg(test)]
mod tests;
