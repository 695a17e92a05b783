//! Character classes shared by the tokenizer and the sentence splitter.

/// Whitespace as the pipeline sees it: Unicode White_Space (which covers
/// U+00A0 and CR) plus the BOM and zero-width characters, which the source text
/// keeps but no reader sees.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\u{0b}';
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
}

/// Letters, digits and combining marks: the stuff words are made of.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Apostrophe-like marks that can sit inside a word ("Iran’s", "O'Brien").
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Hyphens that join the parts of one word ("al-Kadhimi", "Iran-US").
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Marks that close a quotation or a bracket: they stay with the sentence they
/// follow when printed right after its final stop (`."`, `.”`, `.)`).
#[inline]
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{00bb}' | '\u{203a}' | ')' | ']' | '}'
    )
}

/// Marks that open a quotation or a bracket.
#[inline]
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201c}' | '\u{2018}' | '\u{00ab}' | '\u{2039}' | '(' | '['
    )
}
