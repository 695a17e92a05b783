//! Finding quotations by their marks, one paragraph at a time.
//!
//! Written by hand: no crate pairs quotation marks the way news text needs
//! (straight marks that both open and close, apostrophes that look like single
//! quotes, paragraphs that reopen a quote without closing it).

use newsparse_core::ByteSpan;
use newsparse_lang::chars::{is_space, is_word};

/// Double marks (" “ ” „ « ») and single marks (' ‘ ’ ‚ ‹ ›) nest inside each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// What a mark can do by its shape alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    Open,
    Close,
    Either,
}

fn mark(c: char) -> Option<(Family, Lean)> {
    Some(match c {
        '"' => (Family::Double, Lean::Either),
        '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}' => (Family::Double, Lean::Open),
        '\u{201d}' | '\u{bb}' => (Family::Double, Lean::Close),
        '\'' => (Family::Single, Lean::Either),
        '\u{2018}' | '\u{201a}' | '\u{201b}' | '\u{2039}' => (Family::Single, Lean::Open),
        '\u{2019}' | '\u{203a}' => (Family::Single, Lean::Close),
        _ => return None,
    })
}

/// Whether `c` is any quotation mark (or apostrophe-like mark).
pub fn is_mark(c: char) -> bool {
    mark(c).is_some()
}

/// Characters after which a mark reads as opening: "(“", "—‘".
fn opens_after(c: char) -> bool {
    is_space(c) || matches!(c, '(' | '[' | '{' | '-' | '\u{2013}' | '\u{2014}' | '/')
}

/// Characters before which a mark reads as closing: "”.", "’)".
fn closes_before(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '-'
                | '\u{2013}'
                | '\u{2014}'
                | '/'
        )
}

/// Shortened words written with a leading apostrophe: "’n’", "'em", "’90s".
fn is_elision(after: &str) -> bool {
    let word: String = after
        .chars()
        .take_while(|&c| is_word(c))
        .collect::<String>()
        .to_lowercase();
    word.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            word.as_str(),
            "n" | "em" | "til" | "tis" | "twas" | "cause" | "bout" | "round" | "cos" | "ello"
        )
}

/// One quotation found in a paragraph (before trimming).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    pub family: Family,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// The bytes between the marks (to the paragraph end when not closed).
    pub inner: ByteSpan,
    /// Byte offset just past the closing mark (`inner.end` when there is none).
    pub close_end: usize,
    /// Closed by a mark of its own.
    pub closed: bool,
    /// Ended by a new opening mark (a later paragraph of the speech, run together).
    pub reopened: bool,
    /// Still open at the paragraph end.
    pub unclosed: bool,
}

struct Open {
    family: Family,
    at: usize,
    inner_start: usize,
}

/// Scan one paragraph (`text[span]`) for quotations. Only outermost quotes are
/// returned; quotes nested inside them are part of their text.
///
/// `next_opens` is the family of a mark opening the next paragraph, if any: a
/// quote of that family left open runs on into it. A single mark left open
/// that does not run on was an apostrophe ("'bot nets", "'orrible"): the
/// paragraph is read again without it.
pub fn scan(text: &str, span: ByteSpan, next_opens: Option<Family>) -> Vec<RawQuote> {
    let mut apostrophes = Vec::new();
    loop {
        let out = scan_once(text, span, &apostrophes);
        match out.last() {
            Some(q)
                if q.unclosed
                    && q.family == Family::Single
                    && next_opens != Some(Family::Single) =>
            {
                apostrophes.push(q.open);
            }
            _ => return out,
        }
    }
}

fn scan_once(text: &str, span: ByteSpan, apostrophes: &[usize]) -> Vec<RawQuote> {
    let para = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let bytes = para.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // Eight bytes at a time while none of them can be a mark.
        while let Some(chunk) = bytes.get(pos..pos + 8) {
            if may_hold_mark(u64::from_le_bytes(chunk.try_into().expect("eight bytes"))) {
                break;
            }
            pos += 8;
        }
        let Some(&b) = bytes.get(pos) else {
            break;
        };
        // Every mark but '"' and '\'' is outside ASCII: other ASCII bytes
        // are stepped over without decoding them.
        if b.is_ascii() && b != b'"' && b != b'\'' {
            pos += 1;
            continue;
        }
        let i = pos;
        let c = para[i..].chars().next().expect("a char starts here");
        pos += c.len_utf8();
        let Some((family, lean)) = mark(c) else {
            continue;
        };
        let at = span.start + i;
        if apostrophes.contains(&at) {
            continue;
        }
        let prev = para[..i].chars().next_back();
        let next = para[pos..].chars().next();
        let after = at + c.len_utf8();
        let opener =
            prev.is_none_or(|p| opens_after(p) || is_mark(p)) && next.is_some_and(|n| !is_space(n));
        let closer = prev.is_some_and(|p| !is_space(p))
            && next.is_none_or(|n| closes_before(n) || is_mark(n));
        let open_idx = stack.iter().rposition(|o| o.family == family);
        let word_inside = prev.is_some_and(is_word) && next.is_some_and(is_word);
        if family == Family::Single
            && (word_inside
                || (opener && is_elision(&para[i + c.len_utf8()..]))
                || closes_elided_n(&para[..i]))
        {
            continue; // an apostrophe: "O'Dara", "’90s", "rock ’n’ roll"
        }
        let close_here = match (lean, open_idx) {
            (_, None) => false,
            (Lean::Close, Some(_)) => true,
            (Lean::Open, Some(_)) => closer && !opener,
            (Lean::Either, Some(_)) => !opener || closer,
        };
        if let Some(k) = open_idx.filter(|_| close_here) {
            if family == Family::Single
                && prev_is_plural_s(para, i)
                && next.is_some_and(is_space)
                && later_single_close(para, i + c.len_utf8())
            {
                continue; // "the players' union": a closing mark comes later
            }
            stack.truncate(k + 1);
            let o = stack.pop().expect("open quote");
            if stack.is_empty() {
                out.push(RawQuote {
                    family: o.family,
                    open: o.at,
                    inner: ByteSpan::new(o.inner_start, at),
                    close_end: after,
                    closed: true,
                    reopened: false,
                    unclosed: false,
                });
            }
            continue;
        }
        let open_here = match lean {
            Lean::Close => open_idx.is_none() && opener && !closer && family == Family::Double,
            // Marks that only open may stand apart from their words ("« non »").
            Lean::Open => !closer,
            Lean::Either => opener && !closer,
        };
        if !open_here {
            continue;
        }
        if let Some(k) = open_idx.filter(|&k| family == Family::Single && k + 1 == stack.len()) {
            // A second single opening mark: the first was an apostrophe.
            stack[k].at = at;
            stack[k].inner_start = after;
            continue;
        }
        if let Some(k) = open_idx {
            // An opening mark while the same kind is open: the writer ran the
            // next paragraph of the speech on without closing the last one.
            stack.truncate(k + 1);
            let o = stack.pop().expect("open quote");
            if stack.is_empty() {
                out.push(RawQuote {
                    family: o.family,
                    open: o.at,
                    inner: ByteSpan::new(o.inner_start, at),
                    close_end: at,
                    closed: false,
                    reopened: true,
                    unclosed: false,
                });
            }
        }
        if stack.len() < 2 {
            stack.push(Open {
                family,
                at,
                inner_start: after,
            });
        }
    }
    if let Some(o) = stack.first() {
        out.push(RawQuote {
            family: o.family,
            open: o.at,
            inner: ByteSpan::new(o.inner_start, span.end),
            close_end: span.end,
            closed: false,
            reopened: false,
            unclosed: true,
        });
    }
    out
}

/// Whether eight bytes (read as one number) hold a byte outside ASCII, a
/// '"' or a '\'': any byte a quotation mark can start with.
fn may_hold_mark(bytes: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Some high bit is left set exactly when `v` has a zero byte.
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    bytes & HIGHS != 0
        || has_zero(bytes ^ (ONES * u64::from(b'"')))
        || has_zero(bytes ^ (ONES * u64::from(b'\'')))
}

/// The quote family of the first mark of `text[span]`, if it opens the paragraph.
pub fn leading_open(text: &str, span: ByteSpan) -> Option<Family> {
    let mut chars = span.text(text).chars().skip_while(|&c| is_space(c));
    let (family, lean) = mark(chars.next()?)?;
    (lean != Lean::Close || family == Family::Double)
        .then_some(family)
        .filter(|_| chars.next().is_some_and(|n| !is_space(n)))
}

/// "rock 'n' roll": the second mark of a lone "'n'".
fn closes_elided_n(before: &str) -> bool {
    let mut back = before.chars().rev();
    matches!(back.next(), Some('n' | 'N'))
        && back
            .next()
            .and_then(mark)
            .is_some_and(|(f, _)| f == Family::Single)
        && back.next().is_none_or(is_space)
}

fn prev_is_plural_s(para: &str, i: usize) -> bool {
    para[..i].ends_with(['s', 'S'])
}

/// Whether a single mark that can only close comes later in the paragraph,
/// before any single mark that opens.
fn later_single_close(para: &str, from: usize) -> bool {
    let rest = &para[from..];
    let mut prev: Option<char> = para[..from].chars().last();
    let mut iter = rest.chars().peekable();
    while let Some(c) = iter.next() {
        let next = iter.peek().copied();
        if let Some((Family::Single, lean)) = mark(c) {
            let word_inside = prev.is_some_and(is_word) && next.is_some_and(is_word);
            if !word_inside {
                let opener = prev.is_none_or(opens_after) && next.is_some_and(|n| !is_space(n));
                let closer = prev.is_some_and(|p| !is_space(p))
                    && next.is_none_or(|n| closes_before(n) || is_mark(n));
                if opener && !closer && lean != Lean::Close {
                    return false;
                }
                if closer && !opener {
                    return true;
                }
            }
        }
        prev = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    /// The eight-byte skip agrees with testing each byte.
    #[test]
    fn eight_bytes_hold_a_mark_when_one_byte_may_start_one() {
        let starts = |b: u8| !b.is_ascii() || b == b'"' || b == b'\'';
        let cases: [&[u8; 8]; 6] = [
            b"abcdefgh",
            b"abc\"efgh",
            b"abcdefg'",
            b"!#&()*+,",
            b"\x00\x01\x21\x23\x26\x28\x7f ",
            b"ab\xe2\x80\x9cdef",
        ];
        for c in cases {
            let want = c.iter().any(|&b| starts(b));
            assert_eq!(may_hold_mark(u64::from_le_bytes(*c)), want, "{c:?}");
        }
        for b in 0..=255u8 {
            let mut c = *b"xxxxxxxx";
            c[5] = b;
            assert_eq!(may_hold_mark(u64::from_le_bytes(c)), starts(b), "{b}");
        }
    }

    use super::*;

    fn quotes(t: &str) -> Vec<&str> {
        scan(t, ByteSpan::new(0, t.len()), None)
            .into_iter()
            .map(|q| q.inner.text(t))
            .collect()
    }

    #[test]
    fn straight_and_curly_doubles() {
        assert_eq!(quotes(r#""We will win," he said."#), vec!["We will win,"]);
        assert_eq!(
            quotes("He called it “a sham” and “a joke”."),
            vec!["a sham", "a joke"]
        );
        assert_eq!(quotes("Er sagte: „Nein“ und ging."), vec!["Nein"]);
        assert_eq!(quotes("Il a dit « non » hier."), vec![" non "]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Zorvia’s ’90s rock ’n’ roll and the players’ union."),
            Vec::<&str>::new()
        );
        assert_eq!(
            quotes("It was 'rock 'n' roll' night at Sam's."),
            vec!["rock 'n' roll"]
        );
        assert_eq!(
            quotes("He hailed the 'players' union' deal."),
            vec!["players' union"]
        );
        assert_eq!(
            quotes("Rockin' all night, the fans' chant went on."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let t = r#""Then I told him, 'try me'," he said."#;
        assert_eq!(quotes(t), vec!["Then I told him, 'try me',"]);
        let t = "‘He told me “never again”,’ she said.";
        assert_eq!(quotes(t), vec!["He told me “never again”,"]);
    }

    #[test]
    fn run_on_paragraphs_reopen() {
        let t = r#"Anka Vell said: "We lost. "We will be back. "Count on it.""#;
        let q = scan(t, ByteSpan::new(0, t.len()), None);
        let texts: Vec<_> = q.iter().map(|q| q.inner.text(t)).collect();
        assert_eq!(
            texts,
            vec!["We lost. ", "We will be back. ", "Count on it."]
        );
        assert!(q[0].reopened && q[1].reopened && q[2].closed);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        let t = r#"He said "we will go on and on"#;
        let q = scan(t, ByteSpan::new(0, t.len()), None);
        assert_eq!(q.len(), 1);
        assert!(q[0].unclosed);
        assert_eq!(q[0].inner.text(t), "we will go on and on");
    }

    #[test]
    fn open_single_marks_that_never_close_are_apostrophes() {
        let t = r#"Zombie or 'bot nets act as "honey pots" and 'bot herders profit."#;
        assert_eq!(quotes(t), vec!["honey pots"]);
        let t = "It's 'orrible, he said.";
        assert_eq!(quotes(t), Vec::<&str>::new());
        let t = "'The first part of a long speech";
        let q = scan(t, ByteSpan::new(0, t.len()), Some(Family::Single));
        assert_eq!(q.len(), 1);
        assert!(q[0].unclosed);
    }

    #[test]
    fn leading_open_mark() {
        let t = "\"More to come.";
        assert_eq!(
            leading_open(t, ByteSpan::new(0, t.len())),
            Some(Family::Double)
        );
        let t = "No quote here.";
        assert_eq!(leading_open(t, ByteSpan::new(0, t.len())), None);
    }
}
