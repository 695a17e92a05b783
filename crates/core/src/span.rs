//! Byte spans used inside the pipeline and their conversion to code points.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the source text.
///
/// Invariant: both ends fall on UTF-8 character boundaries of the text they
/// were taken from.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct ByteSpan {
    pub start: usize,
    pub end: usize,
}

impl ByteSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        ByteSpan { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text this span covers.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    pub fn contains(&self, other: ByteSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: ByteSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Converts byte offsets of one text into Unicode code-point offsets.
///
/// Pure-ASCII texts (most news text) need no table at all.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// `None` when the text is ASCII and bytes equal code points.
    /// Otherwise the code-point offset of every char boundary, by byte offset
    /// (entries inside a multi-byte character are unused).
    table: Option<Vec<u32>>,
    len_bytes: usize,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                table: None,
                len_bytes: text.len(),
            };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, _) in text.char_indices() {
            table[b] = n;
            n += 1;
        }
        table[text.len()] = n;
        CharIndex {
            table: Some(table),
            len_bytes: text.len(),
        }
    }

    /// The code-point offset of a byte offset that lies on a char boundary.
    pub fn char_of(&self, byte: usize) -> usize {
        debug_assert!(byte <= self.len_bytes);
        match &self.table {
            None => byte,
            Some(t) => t[byte] as usize,
        }
    }

    /// The number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.char_of(self.len_bytes)
    }

    pub fn span(&self, s: ByteSpan) -> crate::record::Span {
        crate::record::Span {
            start: self.char_of(s.start),
            end: self.char_of(s.end),
        }
    }

    pub fn mention(&self, s: ByteSpan, text: &str) -> crate::record::Mention {
        crate::record::Mention {
            start: self.char_of(s.start),
            end: self.char_of(s.end),
            text: s.text(text).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let ix = CharIndex::new("hello world");
        assert_eq!(ix.char_of(6), 6);
        assert_eq!(ix.char_len(), 11);
    }

    #[test]
    fn multibyte_offsets_count_code_points() {
        let text = "Iran’s “corrupt” £5 😀x";
        let ix = CharIndex::new(text);
        let b = text.find("corrupt").unwrap();
        let c = text.chars().take_while({
            let mut seen = 0;
            move |ch| {
                let ok = seen < b;
                seen += ch.len_utf8();
                ok
            }
        });
        assert_eq!(ix.char_of(b), c.count());
        let x = text.find('x').unwrap();
        assert_eq!(ix.char_of(x), text.chars().count() - 1);
        assert_eq!(ix.char_len(), text.chars().count());
    }
}
