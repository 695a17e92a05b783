//! A lowercased view of a sentence's tokens, which the time and trigger
//! rules read.

use newsparse_core::{ByteSpan, Doc};

/// One token of a sentence, with its text as written and a lowercased form
/// (typographic apostrophes made plain, an abbreviation's full stop dropped:
/// "Sept." → "sept").
#[derive(Debug, Clone)]
pub struct Word<'t> {
    pub text: &'t str,
    pub lower: String,
    pub span: ByteSpan,
}

impl Word<'_> {
    /// Whether the word as written starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    /// Whether the word is a punctuation mark (no letter or digit in it).
    pub fn is_punct(&self) -> bool {
        !self.text.chars().any(char::is_alphanumeric)
    }
}

/// Lowercase a token for lexicon look-ups.
pub fn normalize(token: &str) -> String {
    let mut s: String = token
        .chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{2032}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2013}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    if s.len() > 1 && s.ends_with('.') && !s.starts_with('.') {
        s.pop();
    }
    s
}

/// The words of sentence `s` of `doc`.
pub fn sentence_words<'t>(doc: &Doc<'t>, s: usize) -> Vec<Word<'t>> {
    doc.sentence_tokens(s)
        .iter()
        .map(|t| {
            let text = t.span.text(doc.text);
            Word {
                text,
                lower: normalize(text),
                span: t.span,
            }
        })
        .collect()
}

/// Words of an arbitrary span, split on whitespace and punctuation the way the
/// text stage does for the simple cases (used for photo captions, which the
/// layout stage gives as spans, and in tests).
pub fn split_words<'t>(text: &'t str, span: ByteSpan) -> Vec<Word<'t>> {
    let mut out = Vec::new();
    let piece = &text[span.start..span.end];
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Word<'t>>, a: usize, b: usize| {
        let (a, b) = (span.start + a, span.start + b);
        let w = &text[a..b];
        // Split a possessive or negative clitic off as its own word.
        let lw = normalize(w);
        let cut = if lw.len() > 2 && lw.ends_with("'s") {
            Some(w.len() - w.chars().rev().take(2).map(char::len_utf8).sum::<usize>())
        } else if lw.len() > 3 && lw.ends_with("n't") {
            Some(w.len() - 3)
        } else {
            None
        };
        match cut {
            Some(c) => {
                out.push(Word {
                    text: &text[a..a + c],
                    lower: normalize(&text[a..a + c]),
                    span: ByteSpan::new(a, a + c),
                });
                out.push(Word {
                    text: &text[a + c..b],
                    lower: normalize(&text[a + c..b]),
                    span: ByteSpan::new(a + c, b),
                });
            }
            None => out.push(Word {
                text: w,
                lower: lw,
                span: ByteSpan::new(a, b),
            }),
        }
    };
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let inner = matches!(c, '-' | '\'' | '\u{2019}' | '.' | ',' | '/' | ':')
            && prev.is_some_and(char::is_alphanumeric)
            && next.is_some_and(char::is_alphanumeric)
            && (c != ',' && c != '.' && c != ':'
                || prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit()));
        if c.is_alphanumeric() || (inner && start.is_some()) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(a) = start.take() {
            push(&mut out, a, i);
        }
        if !(c.is_whitespace() || c == '\u{feff}') {
            push(&mut out, i, i + c.len_utf8());
        }
    }
    if let Some(a) = start {
        push(&mut out, a, piece.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_clitics_and_keeps_numbers_whole() {
        let t = "Zorvan’s 3,000 men didn't go on 2021-03-04.";
        let w = split_words(t, ByteSpan::new(0, t.len()));
        let lw: Vec<&str> = w.iter().map(|w| w.lower.as_str()).collect();
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
}
