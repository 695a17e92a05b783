//! The tokenizer: one forward pass over a block's characters.
//!
//! Written by hand because no crate tokenizes the way the NER model was
//! trained (CoNLL-2003, Penn-Treebank style) while keeping byte offsets into an
//! untouched text at this speed. Conventions, chosen to match that training data:
//! - hyphenated words are one token ("al-Kadhimi", "Iran-US", "anti-ISIS");
//! - clitics are split off: "Iran’s" → "Iran" "’s", "don't" → "do" "n't",
//!   "they're" → "they" "'re"; other inner apostrophes stay ("O'Brien");
//! - numbers keep their inner marks ("3.5", "3,000", "7.4bn", "10:15",
//!   "21/07/2020"); currency signs and "%" are tokens of their own
//!   ("$" "5.8bn", "30" "%");
//! - known abbreviations and initials keep their full stop ("Mr.", "U.S.",
//!   "J."), every other punctuation mark and each quote mark is its own token;
//!   a run of dots ("...") or of hyphens ("--") is one token.

use crate::chars::{is_apostrophe, is_hyphen, is_space, is_word};
use crate::lexicon::{FINAL_ABBREVIATION_SET, STOPLESS_ABBREVIATION_SET};
use newsparse_core::{ByteSpan, Token};

/// What the sentence splitter needs to know about a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// An abbreviation with its full stop that never ends a sentence ("Mr.").
    Title,
    /// An abbreviation with its full stop that may end one ("U.S.", "Inc.", "J.").
    Abbrev,
    /// A full stop.
    Stop,
    /// "!" or "?".
    Terminal,
    /// "..." or "…".
    Ellipsis,
    Other,
}

/// ASCII letters and digits, by byte: the hot loop's test.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` and its length in bytes.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_digit_at(s: &str, i: usize) -> bool {
    s.as_bytes().get(i).is_some_and(u8::is_ascii_digit)
}

#[inline]
fn is_word_at(s: &str, i: usize) -> bool {
    char_at(s, i).is_some_and(|(c, _)| is_word(c))
}

/// Tokenize `text[start..end]`, appending tokens (with absolute byte spans) and
/// their kinds.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) {
    // Slicing keeps every lookahead inside the block.
    let s = &text[..end];
    let bytes = s.as_bytes();
    let mut i = start;
    loop {
        // Fast path: ASCII spaces.
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\n' | b'\r' | b'\t') {
            i += 1;
        }
        let Some((c, n)) = char_at(s, i) else {
            break;
        };
        if is_space(c) {
            i += n;
            continue;
        }
        let tok_start = i;
        if is_word(c) {
            i = word(s, i, out, kinds);
            continue;
        }
        let mut kind = Kind::Other;
        i += n;
        match c {
            '.' => {
                while s.as_bytes().get(i) == Some(&b'.') {
                    i += 1;
                }
                kind = if i - tok_start > 1 {
                    Kind::Ellipsis
                } else {
                    Kind::Stop
                };
            }
            '\u{2026}' => kind = Kind::Ellipsis,
            '!' | '?' => kind = Kind::Terminal,
            '-' => {
                while s.as_bytes().get(i) == Some(&b'-') {
                    i += 1;
                }
            }
            _ => {}
        }
        push(out, kinds, tok_start, i, kind);
    }
}

#[inline]
fn push(out: &mut Vec<Token>, kinds: &mut Vec<Kind>, start: usize, end: usize, kind: Kind) {
    out.push(Token {
        span: ByteSpan::new(start, end),
    });
    kinds.push(kind);
}

/// Scan a word starting at `start`; push it (and a split-off clitic) and
/// return the byte offset after what was consumed.
fn word(s: &str, start: usize, out: &mut Vec<Token>, kinds: &mut Vec<Kind>) -> usize {
    let (first, n) = char_at(s, start).expect("word start");
    let mut i = start + n;
    let mut prev = first;
    // Acronyms written with stops: "U.S.", "a.m.", "e.g.", "J.R.R.".
    if first.is_alphabetic() && s.as_bytes().get(i) == Some(&b'.') {
        let mut j = i;
        let mut letters = 1;
        while s.as_bytes().get(j) == Some(&b'.') {
            match char_at(s, j + 1) {
                Some((c, m)) if c.is_alphabetic() && s.as_bytes().get(j + 1 + m) == Some(&b'.') => {
                    j += 1 + m;
                    letters += 1;
                }
                _ => break,
            }
        }
        let joined =
            char_at(s, j + 1).is_some_and(|(c, m)| is_hyphen(c) && is_word_at(s, j + 1 + m));
        if letters > 1 && !joined {
            push(out, kinds, start, j + 1, Kind::Abbrev);
            return j + 1;
        }
        if letters > 1 {
            // "U.S.-led": one word, read on from the hyphen.
            i = j + 1;
            prev = '.';
        }
    }
    let bytes = s.as_bytes();
    loop {
        // Fast path: a run of ASCII letters and digits.
        let run = i;
        while i < bytes.len() && ASCII_WORD[bytes[i] as usize] {
            i += 1;
        }
        if i > run {
            prev = bytes[i - 1] as char;
        }
        let Some((c, m)) = char_at(s, i) else {
            break;
        };
        if is_word(c) {
            prev = c;
            i += m;
            continue;
        }
        let next = i + m;
        let join = match c {
            '.' => {
                // Decimals "3.5", and host names "bbc.co.uk" (a lowercase
                // letter after the stop cannot start a sentence).
                (prev.is_ascii_digit() && is_digit_at(s, next))
                    || ((prev.is_ascii_lowercase() || prev.is_ascii_digit())
                        && s.as_bytes().get(next).is_some_and(u8::is_ascii_lowercase))
            }
            ',' => {
                // Thousands separators: "3,000" but not "3,4".
                prev.is_ascii_digit()
                    && (0..3).all(|k| is_digit_at(s, next + k))
                    && !is_digit_at(s, next + 3)
            }
            ':' | '/' => prev.is_ascii_digit() && is_digit_at(s, next),
            '&' => prev.is_uppercase() && char_at(s, next).is_some_and(|(d, _)| d.is_uppercase()),
            _ if is_hyphen(c) => is_word_at(s, next),
            _ if is_apostrophe(c) => match apostrophe(s, start, i, prev, next) {
                Apostrophe::Join => true,
                Apostrophe::End => false,
                Apostrophe::Clitic {
                    word_end,
                    clitic_end,
                } => {
                    push(out, kinds, start, word_end, Kind::Word);
                    push(out, kinds, word_end, clitic_end, Kind::Word);
                    return clitic_end;
                }
            },
            _ => false,
        };
        if !join {
            break;
        }
        prev = c;
        i = next;
    }
    // Currency marks of a country: "US$", "A$", "HK$" are one token.
    if bytes.get(i) == Some(&b'$')
        && (1..=3).contains(&(i - start))
        && bytes[start..i].iter().all(u8::is_ascii_uppercase)
    {
        push(out, kinds, start, i + 1, Kind::Word);
        return i + 1;
    }
    // A full stop right after the word: part of it when the word is a known
    // abbreviation or an initial.
    if s.as_bytes().get(i) == Some(&b'.')
        && s.as_bytes().get(i + 1) != Some(&b'.')
        && s[start..i].chars().any(char::is_alphabetic)
    {
        let w = &s[start..i];
        let initial = w.chars().count() == 1 && first.is_uppercase();
        let numbered = matches!(
            w,
            "No" | "Nos" | "no" | "Fig" | "fig" | "Vol" | "vol" | "pp" | "p" | "Art" | "art" | "Ch"
        ) && {
            // "No. 10", "Fig. 3" are abbreviations; "said no." is not.
            let mut j = i + 1;
            while let Some((c, m)) = char_at(s, j) {
                if !is_space(c) {
                    break;
                }
                j += m;
            }
            is_digit_at(s, j)
        };
        let kind = if numbered || (STOPLESS_ABBREVIATION_SET.has(w) && !matches!(w, "No" | "Nos")) {
            Some(Kind::Title)
        } else if initial || FINAL_ABBREVIATION_SET.has(w) {
            Some(Kind::Abbrev)
        } else {
            None
        };
        if let Some(kind) = kind {
            push(out, kinds, start, i + 1, kind);
            return i + 1;
        }
    }
    push(out, kinds, start, i, Kind::Word);
    i
}

enum Apostrophe {
    Join,
    End,
    Clitic { word_end: usize, clitic_end: usize },
}

/// Decide what an apostrophe at byte `at` inside the word starting at
/// `start` does; `prev` is the character before it, `next` the byte after it.
fn apostrophe(s: &str, start: usize, at: usize, prev: char, next: usize) -> Apostrophe {
    let mut j = next;
    while let Some((c, m)) = char_at(s, j) {
        if !c.is_alphabetic() {
            break;
        }
        j += m;
    }
    if j == next {
        // Nothing after it: a trailing mark ("players'") or a closing quote.
        return Apostrophe::End;
    }
    if is_word_at(s, j) {
        // "rock'n'roll1"-like oddities: keep whole.
        return Apostrophe::Join;
    }
    let suffix = &s[next..j];
    let lower = |w: &str| w.to_ascii_lowercase();
    match lower(suffix).as_str() {
        "s" | "re" | "ve" | "ll" | "d" | "m" => Apostrophe::Clitic {
            word_end: at,
            clitic_end: j,
        },
        "t" if matches!(prev, 'n' | 'N') && at - 1 > start => Apostrophe::Clitic {
            word_end: at - 1,
            clitic_end: j,
        },
        _ => Apostrophe::Join,
    }
}
