//! Comparable keys of names, and the rules that say when a shorter form of a
//! name ("Doe", "J. Doe", "al-Doe") refers to the same entity as a longer one.

use newsparse_lang::lexicon;
use std::borrow::Cow;
use std::hash::{Hash, Hasher};

/// A word as compared: lowercase, typographic apostrophes and hyphens made
/// plain. Borrowed when the word already is its own form (a lowercase ASCII
/// word), since most look-ups only test it.
pub fn norm_word(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.contains('`') {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    Cow::Owned(
        word.chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// [`norm_word`]`(word)`, made in `buf` instead of a String when the word is
/// plain ASCII with capitals and fits: for the look-ups of capitalized words.
pub fn norm_word_in<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> Cow<'a, str> {
    if !is_plain(word) {
        return norm_word(word);
    }
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Cow::Borrowed(word);
    }
    match buf.get_mut(..word.len()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
        }
        None => Cow::Owned(word.to_ascii_lowercase()),
    }
}

/// Whether [`norm_word`] of `word` is its ASCII lowercase.
fn is_plain(word: &str) -> bool {
    word.is_ascii() && !word.contains('`')
}

/// A word compared and hashed as its [`norm_word`] form, without making
/// that form (a String for every capitalized word) when the word is plain
/// ASCII: for sets that are only asked whether they hold a word.
#[derive(Debug, Clone, Copy)]
pub struct NormKey<'a>(pub &'a str);

impl PartialEq for NormKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0, other.0);
        if is_plain(a) && is_plain(b) {
            a.eq_ignore_ascii_case(b)
        } else {
            norm_word(a) == norm_word(b)
        }
    }
}

impl Eq for NormKey<'_> {}

impl Hash for NormKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The normal form's bytes, fed 32 at a time whichever way they are
        // made, so that equal forms hash alike.
        fn feed<H: Hasher>(state: &mut H, bytes: impl Iterator<Item = u8>) {
            let mut chunk = [0u8; 32];
            let mut n = 0;
            for b in bytes {
                chunk[n] = b;
                n += 1;
                if n == chunk.len() {
                    state.write(&chunk);
                    n = 0;
                }
            }
            state.write(&chunk[..n]);
            state.write_u8(0xff);
        }
        if is_plain(self.0) {
            feed(state, self.0.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            feed(state, norm_word(self.0).bytes());
        }
    }
}

/// The first character of [`norm_word`]`(word)`.
pub fn norm_initial(word: &str) -> Option<char> {
    if is_plain(word) {
        word.bytes()
            .next()
            .map(|b| char::from(b.to_ascii_lowercase()))
    } else {
        norm_word(word).chars().next()
    }
}

/// Append [`norm_word`]`(word)` to `out`, without a String of its own for
/// a plain ASCII word.
pub fn push_norm_word(out: &mut String, word: &str) {
    if word.is_ascii() && !word.contains('`') {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&norm_word(word));
    }
}

/// A person-name word as compared: [`norm_word`] without a joined particle
/// ("al-Doe" → "doe").
pub fn person_word(word: &str) -> String {
    let w = norm_word(word);
    match without_particle(&w) {
        rest if rest.len() < w.len() => rest.to_string(),
        _ => w.into_owned(),
    }
}

/// [`person_word`]`(word)` handed to `f`, made on the stack for a short
/// ASCII word: look-ups of every capitalized word need no String.
pub fn with_person_word<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() && !word.contains('`') => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            f(without_particle(
                std::str::from_utf8(lower).expect("ASCII stays UTF-8"),
            ))
        }
        _ => f(&person_word(word)),
    }
}

/// A normalized word without a joined particle ("al-doe" → "doe"), when two
/// or more characters are left.
fn without_particle(w: &str) -> &str {
    for p in lexicon::PARTICLE_PREFIXES {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    w
}

/// The key of a person's name: its words without particles or generational
/// suffixes ("Jan van der Berg Jr" → ["jan", "berg"]).
pub fn person_key(words: &[&str]) -> Vec<String> {
    let key: Vec<String> = words
        .iter()
        .filter(|w| !lexicon::is_name_suffix(w))
        .map(|w| person_word(w))
        .filter(|w| !lexicon::is_particle(w))
        .collect();
    if key.is_empty() {
        words.iter().map(|w| norm_word(w).into_owned()).collect()
    } else {
        key
    }
}

/// The key of an organization or place name: lowercase words without a
/// leading "the", a final "Party" or a plural "s" on the last word, so
/// "the Greens", "Green Party" and "Green" compare equal.
pub fn org_key(words: &[&str]) -> Vec<String> {
    let mut key: Vec<String> = words.iter().map(|w| norm_word(w).into_owned()).collect();
    if key.len() > 1 && key[0] == "the" {
        key.remove(0);
    }
    if key.len() > 1 && key.last().is_some_and(|w| w == "party") {
        key.pop();
    }
    if let Some(last) = key.last_mut() {
        if last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") {
            last.pop();
        }
    }
    key
}

/// How a shorter person name relates to a fuller one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonMatch {
    /// The same name, a surname, first + last name, or initials + surname.
    Strong,
    /// A first name alone.
    Weak,
}

fn is_initial(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.chars().count() == 1 && w.chars().all(char::is_alphabetic)
}

/// Whether the person-name key `short` can refer to the one named by `full`.
pub fn person_match(short: &[String], full: &[String]) -> Option<PersonMatch> {
    if short.is_empty() || full.is_empty() {
        return None;
    }
    if short == full {
        return Some(PersonMatch::Strong);
    }
    if short.len() >= full.len() {
        return None;
    }
    if full.ends_with(short) {
        return Some(PersonMatch::Strong);
    }
    let (first, last) = (&short[0], &short[short.len() - 1]);
    if short.len() >= 2 && first == &full[0] && last == &full[full.len() - 1] {
        return Some(PersonMatch::Strong);
    }
    if short.len() >= 2 && is_initial(first) && full.ends_with(&short[1..]) {
        let letter = first.chars().next();
        if full[0].chars().next() == letter {
            return Some(PersonMatch::Strong);
        }
    }
    if short.len() == 1 && first == &full[0] {
        return Some(PersonMatch::Weak);
    }
    None
}

/// Whether every letter of `word` is uppercase and it has at least two.
pub fn is_all_caps(word: &str) -> bool {
    // Most words open with a lowercase ASCII letter: no need to walk them.
    if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Whether `acronym` is made of the initials of `words`: function words are
/// skipped (or, in a second reading, counted), all-caps words count whole
/// ("UK Independence Party" → "UKIP").
pub fn is_acronym_of(acronym: &str, words: &[&str]) -> bool {
    if words.len() < 2 || !is_all_caps(acronym) {
        return false;
    }
    let want = acronym_letters(acronym);
    acronym_readings(words).contains(&want)
}

/// The letters an acronym is compared by: its letters and digits, uppercase.
pub fn acronym_letters(acronym: &str) -> String {
    acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The capital letters of a name, hyphenated parts included: "Kel-Varo
/// in the Northern Reach" → "KVNR".
pub fn capitals(words: &[&str]) -> String {
    words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter_map(|p| p.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// The acronyms `words` make: each word's initial without and with their
/// function words (all-caps words whole), and their `capitals`.
pub fn acronym_readings(words: &[&str]) -> [String; 3] {
    let [without, with] = [false, true].map(|with_function_words| {
        let mut got = String::new();
        for w in words {
            if !with_function_words && lexicon::is_function_word(&norm_word(w)) {
                continue;
            }
            if is_all_caps(w) {
                got.extend(w.chars().filter(|c| c.is_alphanumeric()));
            } else if let Some(c) = w.chars().find(|c| c.is_alphanumeric()) {
                got.extend(c.to_uppercase());
            }
        }
        got
    });
    [without, with, capitals(words)]
}

/// Whether `short` abbreviates `long` word by word ("Utd" for "United": same
/// first letter, letters in order) or opens with an acronym of its first
/// words ("XY Daily" for "Xeno Yard Daily").
pub fn is_abbreviation_of(short: &[&str], long: &[&str]) -> bool {
    if short.len() < 2 || long.len() < short.len() {
        return false;
    }
    if short.len() == long.len() {
        let mut shorter = false;
        let all = short.iter().zip(long).all(|(s, l)| {
            let (s, l) = (norm_word(s), norm_word(l));
            shorter |= s.len() < l.len();
            s.chars().next() == l.chars().next() && is_subsequence(&s, &l)
        });
        return all && shorter;
    }
    let rest = &short[1..];
    let head = long.len() - rest.len();
    head >= 2
        && rest
            .iter()
            .zip(&long[head..])
            .all(|(a, b)| norm_word(a) == norm_word(b))
        && is_acronym_of(short[0], &long[..head])
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|l| l == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_words_on_the_stack_are_the_person_words() {
        for word in [
            "Al-Tamimi",
            "al-Doe",
            "Van",
            "O`Neil",
            "ÉLAN",
            "Kestrel",
            "Abcdefghijklmnopqrstuvwxyzabcdefghij",
            "",
        ] {
            assert_eq!(
                with_person_word(word, str::to_string),
                person_word(word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn norm_keys_compare_and_hash_as_the_normal_forms() {
        use std::hash::BuildHasher;
        let words = [
            "Kestrel",
            "KESTREL",
            "kestrel",
            "O'Neil",
            "O`Neil",
            "O\u{2019}NEIL",
            "ÉLAN",
            "élan",
            "Abcdefghijklmnopqrstuvwxyzabcdefghij-Doe",
            "abcdefghijklmnopqrstuvwxyzabcdefghij\u{2010}doe",
            "",
        ];
        let state = foldhash::fast::FixedState::default();
        for a in words {
            assert_eq!(norm_initial(a), norm_word(a).chars().next(), "{a:?}");
            for b in words {
                let same = norm_word(a) == norm_word(b);
                assert_eq!(NormKey(a) == NormKey(b), same, "{a:?} {b:?}");
                if same {
                    assert_eq!(
                        state.hash_one(NormKey(a)),
                        state.hash_one(NormKey(b)),
                        "{a:?} {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn words_normalized_in_a_buffer_are_the_normal_forms() {
        for word in [
            "Kestrel",
            "kestrel",
            "O`Neil",
            "O\u{2019}Neil",
            "ÉLAN",
            "KESTREL",
            "Abcdefghijklmnopqrstuvwxyzabcdefghij",
            "",
        ] {
            assert_eq!(
                norm_word_in(word, &mut [0u8; 32]),
                norm_word(word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn pushed_words_are_the_normal_forms() {
        for word in [
            "Kestrel",
            "O`Neil-Vesk",
            "O\u{2019}Neil",
            "ÉLAN",
            "vell",
            "",
        ] {
            let mut out = String::from("x ");
            push_norm_word(&mut out, word);
            assert_eq!(out, format!("x {}", norm_word(word)), "{word:?}");
        }
    }

    #[test]
    fn ascii_and_typographic_words_compare_alike() {
        assert_eq!(norm_word("O`Neil-Vesk"), "o'neil-vesk");
        assert_eq!(norm_word("O\u{2019}Neil\u{2013}Vesk"), "o'neil-vesk");
        assert_eq!(norm_word("ÉLAN"), "élan");
        assert_eq!(norm_word("KESTREL"), "kestrel");
    }

    fn key(s: &str) -> Vec<String> {
        person_key(&s.split(' ').collect::<Vec<_>>())
    }

    #[test]
    fn particles_and_suffixes_leave_the_key() {
        assert_eq!(key("Jan van der Berg Jr"), vec!["jan", "berg"]);
        assert_eq!(key("Omar al-Tamimi"), vec!["omar", "tamimi"]);
        assert_eq!(key("Al-Tamimi"), vec!["tamimi"]);
    }

    #[test]
    fn short_forms_match_full_names() {
        let full = key("Omar Hadi al-Tamimi");
        assert_eq!(
            person_match(&key("Tamimi"), &full),
            Some(PersonMatch::Strong)
        );
        assert_eq!(
            person_match(&key("Hadi al-Tamimi"), &full),
            Some(PersonMatch::Strong)
        );
        assert_eq!(
            person_match(&key("Omar Tamimi"), &full),
            Some(PersonMatch::Strong)
        );
        assert_eq!(
            person_match(&key("O. Tamimi"), &full),
            Some(PersonMatch::Strong)
        );
        assert_eq!(person_match(&key("Omar"), &full), Some(PersonMatch::Weak));
        assert_eq!(person_match(&key("Hadi"), &full), None);
        assert_eq!(person_match(&key("P. Tamimi"), &full), None);
    }

    #[test]
    fn org_keys_ignore_article_party_and_plural() {
        let a = org_key(&["the", "Greens"]);
        assert_eq!(a, org_key(&["Green", "Party"]));
        assert_eq!(a, org_key(&["Green"]));
    }

    #[test]
    fn abbreviations_follow_the_letters() {
        assert!(is_abbreviation_of(&["Nth", "Utd"], &["Northam", "United"]));
        assert!(is_abbreviation_of(
            &["Lib", "Dems"],
            &["Liberal", "Democrats"]
        ));
        assert!(is_abbreviation_of(
            &["NY", "Daily", "Post"],
            &["Nova", "York", "Daily", "Post"]
        ));
        assert!(!is_abbreviation_of(
            &["Northam", "United"],
            &["Northam", "United"]
        ));
        assert!(!is_abbreviation_of(
            &["Nth", "City"],
            &["Northam", "United"]
        ));
        assert!(!is_abbreviation_of(
            &["NY", "Times"],
            &["Nova", "York", "Daily", "Post"]
        ));
    }

    #[test]
    fn acronyms_are_initials() {
        assert!(is_acronym_of("NFU", &["National", "Farmers", "Union"]));
        assert!(is_acronym_of("UKFA", &["UK", "Fencing", "Association"]));
        assert!(is_acronym_of(
            "DWP",
            &["Department", "for", "Work", "and", "Pensions"]
        ));
        assert!(is_acronym_of(
            "DFWP",
            &["Department", "for", "Work", "Pensions"]
        ));
        assert!(!is_acronym_of("NFU", &["National", "Union"]));
        assert!(!is_acronym_of("Nfu", &["National", "Farmers", "Union"]));
    }
}
