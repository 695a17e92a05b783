//! What the features read of a word: its normalized form, affixes, shape
//! and flags, hashed once per token.

use crate::hash::{hash_str, mix};

/// Hashed views of one word.
#[derive(Debug, Clone, Copy)]
pub struct WordInfo {
    /// The lowercased form, digits as `0`.
    pub norm: u64,
    /// The form as written.
    pub form: u64,
    pub prefix: [u64; 3],
    pub suffix: [u64; 4],
    pub shape: u64,
    /// Bits: title case, all upper, has a digit, has a hyphen, has a
    /// letter.
    pub flags: u8,
    /// The UPOS tags the word takes in training (a bit per tag; 0:
    /// unknown), set by the tagger for the parser.
    pub amb: u32,
}

pub const TITLE: u8 = 1;
pub const UPPER: u8 = 2;
pub const DIGIT: u8 = 4;
pub const HYPHEN: u8 = 8;

impl WordInfo {
    pub fn new(word: &str) -> WordInfo {
        let mut norm = String::with_capacity(word.len());
        for c in word.chars() {
            if c.is_ascii_digit() {
                norm.push('0');
            } else {
                norm.extend(c.to_lowercase());
            }
        }
        let chars: Vec<char> = norm.chars().collect();
        let n = chars.len();
        let take = |a: usize, b: usize| -> u64 {
            let s: String = chars[a..b].iter().collect();
            hash_str(&s)
        };
        let prefix = [1, 2, 3].map(|k| mix(k as u64, take(0, k.min(n))));
        let suffix = [1, 2, 3, 4].map(|k| mix(10 + k as u64, take(n - k.min(n), n)));
        // Shape: character classes, runs longer than 2 cut to 2.
        let mut shape = String::new();
        let mut last = ' ';
        let mut run = 0;
        for c in word.chars() {
            let k = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if k == last {
                run += 1;
            } else {
                run = 1;
                last = k;
            }
            if run <= 2 {
                shape.push(k);
            }
        }
        let mut flags = 0;
        let mut cs = word.chars();
        let first_upper = cs.next().is_some_and(char::is_uppercase);
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if first_upper && word.chars().skip(1).all(|c| !c.is_uppercase()) {
            flags |= TITLE;
        }
        if letters > 0 && word.chars().all(|c| !c.is_lowercase()) {
            flags |= UPPER;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            flags |= DIGIT;
        }
        if word.contains('-') {
            flags |= HYPHEN;
        }
        WordInfo {
            norm: hash_str(&norm),
            form: mix(99, hash_str(word)),
            prefix,
            suffix,
            shape: mix(98, hash_str(&shape)),
            flags,
            amb: 0,
        }
    }

    /// A word outside the sentence (before its start or after its end).
    pub fn boundary(which: u64) -> WordInfo {
        let h = mix(0xB0_0B, which);
        WordInfo {
            norm: h,
            form: h,
            prefix: [h; 3],
            suffix: [h; 4],
            shape: h,
            flags: 0,
            amb: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms() {
        assert_eq!(WordInfo::new("Bridge").norm, WordInfo::new("bridge").norm);
        assert_eq!(WordInfo::new("1987").norm, WordInfo::new("2024").norm);
        assert_ne!(WordInfo::new("Bridge").form, WordInfo::new("bridge").form);
        assert_eq!(WordInfo::new("Kest").flags & TITLE, TITLE);
        assert_eq!(WordInfo::new("NATO").flags & UPPER, UPPER);
        assert_eq!(WordInfo::new("a").suffix[3], WordInfo::new("a").suffix[3]);
        assert_eq!(WordInfo::new("Ola").shape, WordInfo::new("Kes").shape);
    }
}
