//! A lowercased view of a sentence's tokens, which the time and trigger
//! rules read.

use newsparse_core::{ByteSpan, Doc};
use newsparse_lang::chars::is_word;
use std::borrow::Cow;

/// One token of a sentence, with its text as written and a lowercased form
/// (typographic apostrophes made plain, an abbreviation's full stop dropped:
/// "Sept." → "sept").
#[derive(Debug, Clone)]
pub struct Word<'t> {
    pub text: &'t str,
    /// Borrowed from `text` when the token already is its own lowercase
    /// form (most words): no allocation per word.
    pub lower: Cow<'t, str>,
    pub span: ByteSpan,
}

impl Word<'_> {
    /// Whether the word as written starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// Whether the word is a punctuation mark (no letter or digit in it).
    pub fn is_punct(&self) -> bool {
        !self.text.chars().any(is_word)
    }
}

/// Lowercase a token for lexicon look-ups.
pub fn normalize(token: &str) -> Cow<'_, str> {
    // An abbreviation's stop goes ("Sept." → "sept"); a lone "." stays.
    let strip_stop = |s: &str| s.len() > 1 && s.ends_with('.') && !s.starts_with('.');
    // One pass tells plain ASCII from the rest, and whether it has capitals.
    let (mut ascii, mut upper) = (true, false);
    for &b in token.as_bytes() {
        ascii &= b.is_ascii();
        upper |= b.is_ascii_uppercase();
    }
    if ascii {
        // ASCII has no apostrophe or dash variant to map, and lowercasing
        // keeps its length: most words are borrowed as they are.
        let end = if strip_stop(token) {
            token.len() - 1
        } else {
            token.len()
        };
        let token = &token[..end];
        return if upper {
            Cow::Owned(token.to_ascii_lowercase())
        } else {
            Cow::Borrowed(token)
        };
    }
    let mut s: String = token
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{2032}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2013}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    if strip_stop(&s) {
        s.pop();
    }
    Cow::Owned(s)
}

/// The words of sentence `s` of `doc`.
pub fn sentence_words<'t>(doc: &Doc<'t>, s: usize) -> Vec<Word<'t>> {
    doc.sentence_tokens(s)
        .iter()
        .map(|t| word(doc.text, t.span))
        .collect()
}

/// The words of an arbitrary span (a photo caption, which the layout stage
/// gives as a span; a test's text): the tokens the text stage would give a
/// block with that span, from the same tokenizer.
pub fn span_words(text: &str, span: ByteSpan) -> Vec<Word<'_>> {
    newsparse_lang::segment_span(text, span)
        .tokens
        .iter()
        .map(|t| word(text, t.span))
        .collect()
}

fn word(text: &str, span: ByteSpan) -> Word<'_> {
    let text = span.text(text);
    Word {
        text,
        lower: normalize(text),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_clitics_and_keeps_numbers_whole() {
        let t = "Zorvan’s 3,000 men didn't go on 2021-03-04.";
        let w = span_words(t, ByteSpan::new(0, t.len()));
        let lw: Vec<&str> = w.iter().map(|w| w.lower.as_ref()).collect();
        assert_eq!(
            lw,
            [
                "zorvan",
                "'s",
                "3,000",
                "men",
                "did",
                "n't",
                "go",
                "on",
                "2021-03-04",
                "."
            ]
        );
        assert_eq!(w[1].text, "’s");
    }

    /// Captions are read with `span_words`, sentences with `sentence_words`:
    /// both are the text stage's tokens, whatever the text holds.
    #[test]
    fn caption_words_are_the_doc_tokens() {
        use newsparse_core::{Block, BlockKind};
        for t in [
            "\u{201c}We won’t go,\u{201d} Mr. Zorvan said of the U.S. plan.",
            "Dr Vell's firm didn't sell.\r\nIt closed on 3 Sept. 2019 at 10:15.",
            "Petek\u{a0}met Marrow\u{2060} in Velmora\u{feff} on Jan. 4, 2021 -- again.",
            "'Quoted,' she said. \"And (this)...\" ends here!",
        ] {
            let span = ByteSpan::new(0, t.len());
            let blocks = [Block {
                kind: BlockKind::Caption,
                span,
            }];
            let doc = newsparse_text::segment(t, &blocks);
            let doc_spans: Vec<ByteSpan> = doc.tokens.iter().map(|k| k.span).collect();
            let caption: Vec<ByteSpan> = span_words(t, span).iter().map(|w| w.span).collect();
            let sentences: Vec<ByteSpan> = (0..doc.sentences.len())
                .flat_map(|s| sentence_words(&doc, s))
                .map(|w| w.span)
                .collect();
            assert_eq!(caption, doc_spans, "{t:?}");
            assert_eq!(sentences, doc_spans, "{t:?}");
        }
    }
}
