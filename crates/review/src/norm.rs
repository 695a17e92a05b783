//! Text keys as `shared/tools/score.py` makes them (`norm`, `name_key`,
//! `tokens`, `token_f1`, `names_match`), so that compare matches items the
//! way the scorer does.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// score.py's QUOTE_CHARS: curly quotes, primes, dashes and no-break space
/// folded to their ASCII forms.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{00ab}' | '\u{00bb}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
        '\u{00a0}' => ' ',
        c => c,
    }
}

/// `norm`: NFKC, quotes and dashes folded, lowercase, whitespace runs as one
/// space, trimmed of spaces and `.,;:'"` at both ends.
pub fn norm(s: &str) -> String {
    let folded: String = s.nfkc().map(fold).collect::<String>().to_lowercase();
    let spaced = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    spaced
        .trim_matches(|c: char| " .,;:'\"".contains(c))
        .to_string()
}

/// `strip_accents`: NFD without combining marks.
fn strip_accents(s: &str) -> String {
    s.nfd().filter(|&c| !is_combining_mark(c)).collect()
}

/// `name_key`: the normalized name without accents.
pub fn name_key(s: &str) -> String {
    strip_accents(&norm(s))
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `tokens`: the `\w+` runs of the name key.
pub fn tokens(s: &str) -> Vec<String> {
    name_key(s)
        .split(|c: char| !is_word(c))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// `token_f1`: the F1 of the two token multisets.
pub fn token_f1(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() && tb.is_empty() {
        return 1.0;
    }
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let mut pool = tb.clone();
    let mut common = 0usize;
    for t in &ta {
        if let Some(i) = pool.iter().position(|p| p == t) {
            pool.remove(i);
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (
        common as f64 / ta.len() as f64,
        common as f64 / tb.len() as f64,
    );
    2.0 * p * r / (p + r)
}

/// Whether `short` stands whole inside `long` (`(^|\W)short($|\W)`).
fn stands_in(short: &str, long: &str) -> bool {
    let mut from = 0;
    while let Some(at) = long[from..].find(short) {
        let start = from + at;
        let end = start + short.len();
        let before = long[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word(c));
        let after = long[end..].chars().next().is_none_or(|c| !is_word(c));
        if before && after {
            return true;
        }
        from = start + long[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// `names_match`: a shared name key, or a name of two words or more standing
/// whole inside a longer one.
pub fn names_match(a: &[String], b: &[String]) -> bool {
    if a.iter().any(|x| b.contains(x)) {
        return true;
    }
    for g in b {
        for p in a {
            let (short, long) = if g.chars().count() <= p.chars().count() {
                (g, p)
            } else {
                (p, g)
            };
            if short.split_whitespace().count() >= 2 && stands_in(short, long) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_as_the_scorer_makes_them() {
        assert_eq!(
            norm("  \u{201C}Hello,\u{00A0} World.\u{201D} "),
            "hello, world"
        );
        assert_eq!(name_key("Zo\u{eb} M\u{fc}ller"), "zoe muller");
        assert_eq!(
            tokens("Ana's\u{2014}big day"),
            vec!["ana", "s", "big", "day"]
        );
        assert!((token_f1("the cat sat", "the cat sat down") - 6.0 / 7.0).abs() < 1e-9);
        assert_eq!(token_f1("", ""), 1.0);
        assert_eq!(token_f1("a", ""), 0.0);
    }

    #[test]
    fn names_match_whole_words_of_two_or_more() {
        let k = |v: &[&str]| v.iter().map(|s| name_key(s)).collect::<Vec<_>>();
        assert!(names_match(
            &k(&["Marta Keloway"]),
            &k(&["Ms Marta Keloway"])
        ));
        assert!(!names_match(&k(&["Keloway"]), &k(&["Marta Keloway"])));
        assert!(!names_match(&k(&["Marta Kel"]), &k(&["Marta Keloway"])));
        assert!(names_match(&k(&["Kest", "Orlo Kest"]), &k(&["orlo kest"])));
    }
}
