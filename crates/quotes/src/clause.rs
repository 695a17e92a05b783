//! Words and sentences around the quotes.
//!
//! The text stage's sentences may break inside a quotation ("We lost. We will
//! be back," she said.), so this stage splits the text *outside* quotes itself:
//! every quotation is one opaque token and a sentence ends only at a full stop
//! outside quotes or after a quote that ends one.

use crate::lexicon;
use crate::marks::{self, RawQuote};
use newsparse_core::{ByteSpan, Doc};
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
    Word,
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
pub struct Layout {
    pub toks: Vec<Tok>,
    pub sents: Vec<Sent>,
    /// For each token, the index of its sentence.
    pub tok_sent: Vec<usize>,
}

impl Layout {
    pub fn new(doc: &Doc, quotes: &[Quote]) -> Layout {
        let text = doc.text;
        let mut toks = Vec::with_capacity(text.len() / 5);
        let mut sents = Vec::new();
        let mut qi = 0;
        for (pi, p) in doc.paragraphs.iter().enumerate() {
            if !p.kind.is_read() {
                continue;
            }
            let first = toks.len();
            tokenize(text, p.span, quotes, &mut qi, &mut toks);
            split(text, quotes, &toks, first, pi, &mut sents);
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
        }
    }

    pub fn word<'t>(&self, text: &'t str, t: usize) -> Option<&'t str> {
        let tok = self.toks[t];
        (tok.kind == TokKind::Word).then(|| tok.span.text(text))
    }
}

fn is_connector(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '.' | '&'
    )
}

fn tokenize(text: &str, span: ByteSpan, quotes: &[Quote], qi: &mut usize, toks: &mut Vec<Tok>) {
    let mut pos = span.start;
    while *qi < quotes.len() && quotes[*qi].raw.open < span.start {
        *qi += 1;
    }
    while pos < span.end {
        if let Some(q) = quotes.get(*qi).filter(|q| q.raw.open == pos) {
            toks.push(Tok {
                span: ByteSpan::new(pos, q.raw.close_end.max(pos + 1)),
                kind: TokKind::Quote(*qi),
            });
            pos = q.raw.close_end.max(pos + 1);
            *qi += 1;
            continue;
        }
        let limit = quotes
            .get(*qi)
            .map_or(span.end, |q| q.raw.open.min(span.end));
        let c = text[pos..].chars().next().expect("in bounds");
        let len = c.len_utf8();
        if marks::is_space(c) || marks::is_mark(c) {
            pos += len;
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = pos + len;
            let mut chars = text[end..limit].char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                let joins =
                    is_connector(c) && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
                if c.is_alphanumeric() || joins {
                    end = pos + len + i + c.len_utf8();
                } else {
                    break;
                }
            }
            toks.push(Tok {
                span: ByteSpan::new(pos, end),
                kind: TokKind::Word,
            });
            pos = end;
        } else {
            toks.push(Tok {
                span: ByteSpan::new(pos, pos + len),
                kind: TokKind::Punct(c),
            });
            pos += len;
        }
    }
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

fn split(
    text: &str,
    quotes: &[Quote],
    toks: &[Tok],
    first: usize,
    para: usize,
    out: &mut Vec<Sent>,
) {
    let mut start = first;
    for t in first..toks.len() {
        let Some(next) = toks.get(t + 1) else { break };
        let ends = match toks[t].kind {
            TokKind::Punct('.') => {
                let prev = (t > first).then(|| toks[t - 1]);
                let abbreviation = prev.is_some_and(|p| {
                    let w = p.span.text(text);
                    p.kind == TokKind::Word
                        && p.span.end == toks[t].span.start
                        && (lexicon::is_abbreviation(&w.to_ascii_lowercase())
                            || (w.chars().count() == 1 && w.chars().all(char::is_uppercase)))
                });
                !abbreviation && starts_sentence(text, next)
            }
            TokKind::Punct('!' | '?') => starts_sentence(text, next),
            TokKind::Quote(q) => {
                let inner = quotes[q]
                    .raw
                    .inner
                    .text(text)
                    .trim_end_matches(marks::is_space);
                let ends_stop = inner
                    .trim_end_matches(|c: char| marks::is_mark(c) || c == ')')
                    .ends_with(['.', '!', '?']);
                quotes[q].raw.reopened || (ends_stop && starts_sentence(text, next))
            }
            _ => false,
        };
        if ends {
            out.push(Sent {
                para,
                toks: start..t + 1,
            });
            start = t + 1;
        }
    }
    if start < toks.len() {
        out.push(Sent {
            para,
            toks: start..toks.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsparse_core::{BlockKind, Paragraph};

    fn layout(text: &str) -> (Vec<Quote>, Layout) {
        let span = ByteSpan::new(0, text.len());
        let doc = Doc {
            text,
            paragraphs: vec![Paragraph {
                kind: BlockKind::Body,
                span,
                sentences: 0..0,
            }],
            sentences: vec![],
            tokens: vec![],
        };
        let quotes: Vec<Quote> = marks::scan(text, span, None)
            .into_iter()
            .map(|raw| Quote {
                span: raw.inner,
                runs_on: raw.reopened,
                raw,
            })
            .collect();
        let l = Layout::new(&doc, &quotes);
        (quotes, l)
    }

    fn sentences(text: &str) -> Vec<&str> {
        let (_, l) = layout(text);
        l.sents
            .iter()
            .map(|s| &text[l.toks[s.toks.start].span.start..l.toks[s.toks.end - 1].span.end])
            .collect()
    }

    #[test]
    fn quotes_are_single_tokens() {
        let t = r#"Mr Orlo said: "We lost. We will be back." Then he left."#;
        let (_, l) = layout(t);
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
    fn words_keep_inner_marks() {
        let t = "O'Dara's Vell-Orsk and U.S. firms.";
        let (_, l) = layout(t);
        let words: Vec<_> = (0..l.toks.len()).filter_map(|i| l.word(t, i)).collect();
        assert_eq!(words, vec!["O'Dara's", "Vell-Orsk", "and", "U.S", "firms"]);
    }
}
