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

/// The longest start of `s` of at most `max_bytes` bytes that ends on a
/// character boundary: for checks that read only a line's beginning.
pub fn prefix(s: &str, max_bytes: usize) -> &str {
    let mut end = s.len().min(max_bytes);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::prefix;

    #[test]
    fn prefixes_end_on_character_boundaries() {
        assert_eq!(prefix("Kest", 24), "Kest");
        assert_eq!(prefix("Kestrel", 4), "Kest");
        // "é" is two bytes: a cut inside it steps back before it.
        assert_eq!(prefix("Café", 4), "Caf");
        assert_eq!(prefix("", 3), "");
    }
}
