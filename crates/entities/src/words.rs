//! A token-indexed view of the document that the other steps share.

use crate::names::{norm_word, norm_word_in};
use crate::Set as HashSet;
use newsparse_core::{ByteSpan, Doc, EntityKind};
use std::borrow::Cow;
use std::cell::OnceCell;

/// For every token, the index of the candidate covering it, if any. Four
/// bytes a token: the steps build one several times per article, and half
/// the size halves the clearing.
pub struct Cover(Vec<u32>);

impl Cover {
    /// A token no candidate covers.
    const FREE: u32 = u32::MAX;

    /// The candidate covering token `t`.
    pub fn at(&self, t: usize) -> Option<usize> {
        let c = self.0[t];
        (c != Cover::FREE).then_some(c as usize)
    }

    /// Each token's candidate, in token order.
    pub fn iter(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        (0..self.0.len()).map(|t| self.at(t))
    }
}

/// A mention as a half-open token range `[ts, te)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cand {
    pub kind: EntityKind,
    pub ts: usize,
    pub te: usize,
}

pub struct Words<'d> {
    pub doc: &'d Doc<'d>,
    /// The text of every token, sliced once: the steps read each token
    /// many times, and slicing checks bounds and character boundaries.
    texts: Vec<&'d str>,
    /// The sentence of every token.
    sentence: Vec<usize>,
    /// Every word the text writes in lowercase: a capitalized one of these
    /// opening a sentence is a common word, not a name.
    lowercase: OnceCell<HashSet<Cow<'d, str>>>,
}

impl<'d> Words<'d> {
    pub fn new(doc: &'d Doc<'d>) -> Self {
        let mut sentence = vec![usize::MAX; doc.tokens.len()];
        for (s, sent) in doc.sentences.iter().enumerate() {
            for t in sent.tokens.clone() {
                sentence[t] = s;
            }
        }
        let texts = doc.tokens.iter().map(|t| t.span.text(doc.text)).collect();
        Words {
            doc,
            texts,
            sentence,
            lowercase: OnceCell::new(),
        }
    }

    /// Whether the text also writes `word` in lowercase.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.lowercase
            .get_or_init(|| {
                self.texts
                    .iter()
                    .filter(|x| x.chars().next().is_some_and(char::is_lowercase))
                    .map(|x| norm_word(x))
                    .collect()
            })
            .contains(&*norm_word_in(word, &mut [0u8; 32]))
    }

    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'d str {
        self.texts[i]
    }

    pub fn words(&self, ts: usize, te: usize) -> Vec<&'d str> {
        (ts..te).map(|i| self.word(i)).collect()
    }

    pub fn span(&self, ts: usize, te: usize) -> ByteSpan {
        ByteSpan::new(
            self.doc.tokens[ts].span.start,
            self.doc.tokens[te - 1].span.end,
        )
    }

    /// The source text from the start of token `ts` to the end of `te - 1`.
    pub fn surface(&self, ts: usize, te: usize) -> &'d str {
        self.span(ts, te).text(self.doc.text)
    }

    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence[a] == self.sentence[b]
    }

    /// The first token of the sentence holding token `i`.
    pub fn sentence_first(&self, i: usize) -> usize {
        match self.doc.sentences.get(self.sentence[i]) {
            Some(s) => s.tokens.start,
            None => i,
        }
    }

    /// One past the last token of the sentence holding token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        match self.doc.sentences.get(self.sentence[i]) {
            Some(s) => s.tokens.end,
            None => i + 1,
        }
    }

    /// The tokens a byte span covers, if any.
    pub fn tokens_of(&self, span: ByteSpan) -> Option<(usize, usize)> {
        let toks = &self.doc.tokens;
        let ts = toks.partition_point(|t| t.span.end <= span.start);
        let te = toks.partition_point(|t| t.span.start < span.end);
        (ts < te).then_some((ts, te))
    }

    /// For every token, the candidate covering it.
    pub fn cover(&self, cands: &[Cand]) -> Cover {
        let mut cover = vec![Cover::FREE; self.len()];
        for (i, c) in cands.iter().enumerate() {
            let i = u32::try_from(i)
                .ok()
                .filter(|&i| i != Cover::FREE)
                .expect("fewer candidates than u32::MAX");
            for slot in &mut cover[c.ts..c.te] {
                *slot = i;
            }
        }
        Cover(cover)
    }
}

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_possessive(word: &str) -> bool {
    matches!(
        word,
        "'s" | "\u{2019}s" | "'" | "\u{2019}" | "'S" | "\u{2019}S"
    )
}

/// Whether a token is punctuation only.
pub fn is_punct(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric)
}
