//! Text stage: paragraphs, sentences and tokens, in one pass.

use newsparse_core::{Block, Doc};

/// Segment the blocks that later stages read into paragraphs, sentences, tokens.
pub fn segment<'t>(text: &'t str, blocks: &[Block]) -> Doc<'t> {
    let _ = blocks;
    Doc {
        text,
        paragraphs: vec![],
        sentences: vec![],
        tokens: vec![],
    } // TODO(text helper)
}
