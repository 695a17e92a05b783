//! Words and sentences around the quotes, read from the `Doc`.
//!
//! The `Doc`'s sentences may break inside a quotation ("We lost. We will be
//! back," she said.), so this stage regroups the `Doc`'s tokens: every
//! quotation becomes one opaque token, and a `Doc` sentence boundary is kept
//! only where it falls outside every quotation.

use crate::marks::RawQuote;
use newsparse_core::{ByteSpan, Doc};
use newsparse_lang::chars::{is_space, is_word};
use std::ops::Range;

/// A quotation found in a paragraph.
#[derive(Debug, Clone)]
pub struct Quote {
    pub raw: RawQuote,
    /// The quoted words, trimmed.
    pub span: ByteSpan,
    /// The speech goes on in the next quote (reopened, or continued in the
    /// next paragraph) without a closing mark.
    pub runs_on: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A `Doc` token with a letter or digit in it (clitics such as "'s" too).
    Word,
    /// A `Doc` token of punctuation, by its first character ("…" for a run
    /// of dots).
    Punct(char),
    /// Index into the quotes.
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub span: ByteSpan,
    pub kind: TokKind,
}

#[derive(Debug, Clone)]
pub struct Sent {
    pub para: usize,
    pub toks: Range<usize>,
}

/// Tokens and sentences of every read paragraph, in text order.
pub struct Layout<'d> {
    pub toks: Vec<Tok>,
    pub sents: Vec<Sent>,
    /// For each token, the index of its sentence.
    pub tok_sent: Vec<usize>,
    doc: &'d Doc<'d>,
}

impl<'d> Layout<'d> {
    pub fn new(doc: &'d Doc<'d>, quotes: &[Quote]) -> Layout<'d> {
        let text = doc.text;
        let mut toks = Vec::with_capacity(doc.tokens.len());
        let mut sents = Vec::new();
        let mut qi = 0;
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            if !p.kind.is_read() {
                continue;
            }
            while quotes.get(qi).is_some_and(|q| q.raw.open < p.span.start) {
                qi += 1;
            }
            // Bytes up to here belong to a quotation already read.
            let mut inside_until = p.span.start;
            let mut start = toks.len();
            for si in p.sentences.clone() {
                let ds = &doc.sentences[si];
                for tok in &doc.tokens[ds.tokens.clone()] {
                    let span = tok.span;
                    while let Some(q) = quotes.get(qi).filter(|q| q.raw.open <= span.start) {
                        let end = q.raw.close_end.max(q.raw.open + 1);
                        let tok = Tok {
                            span: ByteSpan::new(q.raw.open, end),
                            kind: TokKind::Quote(qi),
                        };
                        push(text, quotes, tok, &mut toks, &mut sents, &mut start, pi);
                        inside_until = end;
                        qi += 1;
                    }
                    if span.start < inside_until {
                        continue;
                    }
                    if let Some(kind) = kind_of(span.text(text)) {
                        let tok = Tok { span, kind };
                        push(text, quotes, tok, &mut toks, &mut sents, &mut start, pi);
                    }
                }
                // A sentence boundary inside a quotation is the speaker's.
                let next_start = (si + 1 < p.sentences.end)
                    .then(|| doc.tokens.get(doc.sentences[si + 1].tokens.start))
                    .flatten()
                    .map(|t| t.span.start);
                let in_quote = next_start.is_some_and(|n| n < inside_until);
                if !in_quote && toks.len() > start {
                    sents.push(Sent {
                        para: pi,
                        toks: start..toks.len(),
                    });
                    start = toks.len();
                }
            }
            while let Some(q) = quotes.get(qi).filter(|q| q.raw.open < p.span.end) {
                let end = q.raw.close_end.max(q.raw.open + 1);
                let tok = Tok {
                    span: ByteSpan::new(q.raw.open, end),
                    kind: TokKind::Quote(qi),
                };
                push(text, quotes, tok, &mut toks, &mut sents, &mut start, pi);
                qi += 1;
            }
            if toks.len() > start {
                sents.push(Sent {
                    para: pi,
                    toks: start..toks.len(),
                });
            }
        }
        let mut tok_sent = vec![0; toks.len()];
        for (si, s) in sents.iter().enumerate() {
            for t in s.toks.clone() {
                tok_sent[t] = si;
            }
        }
        Layout {
            toks,
            sents,
            tok_sent,
            doc,
        }
    }

    pub fn word<'t>(&self, text: &'t str, t: usize) -> Option<&'t str> {
        let tok = self.toks[t];
        (tok.kind == TokKind::Word).then(|| tok.span.text(text))
    }

    /// The `Doc`'s words inside `span` (clitics such as "'s" are words of
    /// their own).
    pub fn words_in(&self, span: ByteSpan) -> impl Iterator<Item = &'d str> + '_ {
        let tokens = &self.doc.tokens;
        let from = tokens.partition_point(|t| t.span.start < span.start);
        tokens[from..]
            .iter()
            .take_while(move |t| t.span.end <= span.end)
            .map(|t| t.span.text(self.doc.text))
            .filter(|w| w.chars().any(is_word))
    }

    /// The `Doc`'s word right before byte offset `at`, if any.
    pub fn word_before(&self, at: usize) -> Option<&'d str> {
        let tokens = &self.doc.tokens;
        let i = tokens.partition_point(|t| t.span.end <= at);
        let w = tokens.get(i.checked_sub(1)?)?.span.text(self.doc.text);
        w.chars().any(is_word).then_some(w)
    }
}

/// Append `tok`, first ending the sentence at `start` when the token before
/// is a quotation that ends one (`"… year." Hayes said`: the `Doc` does not
/// know the stop is the speaker's).
#[inline]
fn push(
    text: &str,
    quotes: &[Quote],
    tok: Tok,
    toks: &mut Vec<Tok>,
    sents: &mut Vec<Sent>,
    start: &mut usize,
    para: usize,
) {
    if let Some(TokKind::Quote(q)) = toks.last().map(|t| t.kind) {
        if toks.len() > *start && ends_sentence(text, &quotes[q]) && starts_sentence(text, &tok) {
            sents.push(Sent {
                para,
                toks: *start..toks.len(),
            });
            *start = toks.len();
        }
    }
    toks.push(tok);
}

/// A quotation that ends with its own stop, or that the next one reopens.
fn ends_sentence(text: &str, q: &Quote) -> bool {
    let inner = q
        .raw
        .inner
        .text(text)
        .trim_end_matches(|c: char| is_space(c) || crate::marks::is_mark(c) || c == ')');
    q.raw.reopened || inner.ends_with(['.', '!', '?'])
}

fn starts_sentence(text: &str, tok: &Tok) -> bool {
    match tok.kind {
        TokKind::Quote(_) => true,
        TokKind::Word => tok
            .span
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        TokKind::Punct(c) => matches!(c, '(' | '['),
    }
}

/// What a `Doc` token is outside quotes; `None` for a stray quotation mark
/// (an apostrophe the scan did not pair).
fn kind_of(tok: &str) -> Option<TokKind> {
    if tok.chars().any(is_word) {
        return Some(TokKind::Word);
    }
    let mut chars = tok.chars();
    let c = chars.next()?;
    if crate::marks::is_mark(c) {
        return None;
    }
    Some(match c {
        '.' if chars.next().is_some() => TokKind::Punct('\u{2026}'),
        c => TokKind::Punct(c),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks;
    use newsparse_core::{Block, BlockKind};

    fn doc(text: &str) -> Doc<'_> {
        let span = ByteSpan::new(0, text.len());
        newsparse_text::segment(
            text,
            &[Block {
                kind: BlockKind::Body,
                span,
            }],
        )
    }

    fn layout<'d>(doc: &'d Doc<'d>) -> Layout<'d> {
        let text = doc.text;
        let quotes: Vec<Quote> = marks::scan(text, ByteSpan::new(0, text.len()), None)
            .into_iter()
            .map(|raw| Quote {
                span: raw.inner,
                runs_on: raw.reopened,
                raw,
            })
            .collect();
        Layout::new(doc, &quotes)
    }

    fn sentences(text: &str) -> Vec<&str> {
        let d = doc(text);
        let l = layout(&d);
        l.sents
            .iter()
            .map(|s| &text[l.toks[s.toks.start].span.start..l.toks[s.toks.end - 1].span.end])
            .collect()
    }

    #[test]
    fn quotes_are_single_tokens() {
        let t = r#"Mr Orlo said: "We lost. We will be back." Then he left."#;
        let d = doc(t);
        let l = layout(&d);
        let kinds: Vec<_> = l.toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokKind::Word);
        assert_eq!(kinds[3], TokKind::Punct(':'));
        assert_eq!(kinds[4], TokKind::Quote(0));
        assert_eq!(
            sentences(t),
            vec![
                r#"Mr Orlo said: "We lost. We will be back.""#,
                "Then he left."
            ]
        );
    }

    #[test]
    fn sentences_end_outside_quotes_only() {
        let t = r#""Not now," said Dr. Vell. "Later?" the aide asked. "Yes. "And soon.""#;
        assert_eq!(
            sentences(t),
            vec![
                r#""Not now," said Dr. Vell."#,
                r#""Later?" the aide asked."#,
                r#""Yes. "#,
                r#""And soon.""#
            ]
        );
    }

    #[test]
    fn words_are_the_doc_tokens() {
        let t = "O'Dara's Vell-Orsk and U.S. firms, \u{2060}Mr. Orlo\u{a0}said.";
        let d = doc(t);
        let l = layout(&d);
        let words: Vec<_> = (0..l.toks.len()).filter_map(|i| l.word(t, i)).collect();
        assert_eq!(
            words,
            vec![
                "O'Dara",
                "'s",
                "Vell-Orsk",
                "and",
                "U.S.",
                "firms",
                "Mr.",
                "Orlo",
                "said"
            ]
        );
        let doc_spans: Vec<_> = d.tokens.iter().map(|t| t.span).collect();
        assert!(l.toks.iter().all(|t| doc_spans.contains(&t.span)));
    }
}
