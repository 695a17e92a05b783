//! The text stage's output: paragraphs, sentences and tokens of the parts of
//! an article that later stages read.

use crate::span::ByteSpan;

/// What part of the article a block of text is. The layout stage labels every
/// non-blank line or paragraph of the source with one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Title,
    Subtitle,
    Byline,
    Dateline,
    /// A photo caption (its first printing; repeats are `Repeat`).
    Caption,
    /// A credit line or credit suffix ("(photo credit: REUTERS)").
    Credit,
    /// A second printing of a caption or a headline: not read again.
    Repeat,
    /// Page furniture saved with the article: site names, menus, clocks,
    /// player and share widgets, "© 2024", "See also:" lines. Not read.
    Furniture,
    Body,
}

impl BlockKind {
    /// Whether later stages (entities, quotes, events) read this block.
    /// Byline, credit and repeated caption lines are kept out of the body text.
    pub fn is_read(self) -> bool {
        matches!(
            self,
            BlockKind::Title | BlockKind::Subtitle | BlockKind::Caption | BlockKind::Body
        )
    }
}

/// One labelled region of the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: ByteSpan,
}

/// A token: a word, number or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: ByteSpan,
}

/// A sentence: a range of tokens inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: ByteSpan,
    /// Indices into `Doc::tokens`.
    pub tokens: std::ops::Range<usize>,
    /// Index into `Doc::paragraphs`.
    pub paragraph: usize,
}

/// A paragraph: one block the layout stage marked as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: BlockKind,
    pub span: ByteSpan,
    /// Indices into `Doc::sentences`.
    pub sentences: std::ops::Range<usize>,
}

/// The segmented article text.
///
/// Invariants: paragraphs, sentences and tokens are each in text order and do
/// not overlap; every token lies inside its sentence, every sentence inside
/// its paragraph; all spans are byte spans of `text` on char boundaries.
#[derive(Debug, Clone)]
pub struct Doc<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

impl<'t> Doc<'t> {
    pub fn token_text(&self, i: usize) -> &'t str {
        self.tokens[i].span.text(self.text)
    }
    pub fn sentence_tokens(&self, s: usize) -> &[Token] {
        &self.tokens[self.sentences[s].tokens.clone()]
    }
    /// The index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }
}
