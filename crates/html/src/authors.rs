//! Author names from a byline as printed or as the markup states it: "By
//! Ana Lind and Tom Berg, Kestford Courier" → ["Ana Lind", "Tom Berg"].
//!
//! Whether a piece of a byline is a person is decided with the project's
//! lexicon (`newsparse_lang`: organization suffixes and nouns, role nouns,
//! offices, postnominal credentials, calendar words, function words) and what
//! the page says its own name is, never with a list of outlets.

use newsparse_lang::calendar::{month_number, weekday};
use newsparse_lang::lexicon::{
    is_postnominal, BYLINE_ROLE_SET, CLOSED_CLASS_SET, FUNCTION_WORD_SET, OFFICE_SET, ORG_NOUN_SET,
    ORG_PLURAL_SET, ORG_SUFFIX_SET, PARTICLE_SET, ROLE_NOUN_SET,
};

/// Words that open a byline and are not part of a name, in the languages of
/// the pages newsparse reads.
const BY: &[&str] = &[
    "by",
    "written by",
    "posted by",
    "words by",
    "story by",
    "text by",
    "report by",
    "reported by",
    "author:",
    "authors:",
    "author",
    "von",
    "por",
    "par",
    "di",
    "door",
    "av",
    "de",
];

/// Where a byline comes from: what a reader sees, or what only the markup says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A printed byline element or "By …" line.
    Printed,
    /// JSON-LD `author` of type Person.
    Markup,
    /// `<meta name=author>`: often the site's account, so the site's name
    /// inside it rules it out too.
    Meta,
}

/// Whether a line opens with "By", "Written by"… followed by a capital.
pub fn starts_with_by(s: &str) -> bool {
    let t = s.trim_start();
    let lower = t.to_lowercase();
    BY.iter().take(8).any(|b| {
        lower.starts_with(b)
            && t[b.len()..].starts_with([' ', ':', '\u{a0}'])
            && t[b.len()..]
                .trim_start_matches([' ', ':', '\u{a0}'])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
}

/// Whether two names are the same person's as printed (case, dots and
/// spacing aside).
pub fn same_name(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

/// Remove "By", "Written by"… from the start of a byline.
fn strip_by(s: &str) -> &str {
    let mut s = s
        .trim()
        .trim_start_matches(['-', '–', '—', '|', ':', '·'])
        .trim();
    loop {
        let lower = s.to_lowercase();
        let mut cut = None;
        for b in BY {
            if lower.starts_with(b) {
                let rest = &s[b.len()..];
                if rest.is_empty() || rest.starts_with([' ', ':', '\u{a0}']) {
                    cut = Some(rest.trim_start_matches([' ', ':', '\u{a0}']));
                    break;
                }
            }
        }
        match cut {
            Some(r) if r.len() < s.len() => s = r,
            _ => return s,
        }
    }
}

/// Split a byline into name candidates: "X and Y", "X, Y and Z", "X & Y",
/// "X; Y"; a line break or a bar ends the names.
pub fn split_byline(s: &str) -> Vec<String> {
    let s = strip_by(s);
    // The names end at a line break, a bar, a bullet or an opening bracket.
    let end = s.find(['\n', '|', '•', '(', '[', '·']).unwrap_or(s.len());
    let s = &s[..end];
    // ... and at a number (a date or time run into the byline).
    let end = s
        .char_indices()
        .find(|&(i, c)| c.is_ascii_digit() && (i == 0 || s[..i].ends_with(' ')))
        .map_or(s.len(), |(i, _)| i);
    let s = &s[..end];
    let mut out = Vec::new();
    for part in s.split([',', ';', '/']) {
        let mut rest = part.trim();
        loop {
            let lower = rest.to_lowercase();
            let cut = [" and ", " & ", " und ", " e ", " y ", " et "]
                .iter()
                .filter_map(|sep| lower.find(sep).map(|i| (i, sep.len())))
                .min();
            match cut {
                Some((i, n)) => {
                    out.push(rest[..i].trim().to_string());
                    rest = rest[i + n..].trim();
                    rest = strip_by(rest);
                }
                None => {
                    out.push(rest.trim().to_string());
                    break;
                }
            }
        }
    }
    out.into_iter().filter(|x| !x.is_empty()).collect()
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Cut a name where it runs into what follows it ("Carrie Arnold November 15",
/// "Ana Lind Published 3 hours ago", "Ana Lind Reporter").
fn trim_name(s: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.starts_with('@') {
            break;
        }
        if !words.is_empty()
            && (month_number(bare).is_some() && bare.len() > 2
                || weekday(bare, false).is_some()
                || bare.chars().next().is_some_and(|c| c.is_ascii_digit())
                || matches!(
                    bare.to_lowercase().as_str(),
                    "published" | "updated" | "posted" | "on" | "at" | "is" | "was" | "has"
                ))
        {
            break;
        }
        words.push(w);
    }
    let s = words.join(" ");
    s.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’')
        .trim_end_matches(['.', '\''])
        .to_string()
}

/// Whether a cleaned byline piece names a person.
pub fn is_person(name: &str, site_names: &[String], source: Source) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if name.contains(['@', '#', ':', '/', '=', '{', '}']) || name.contains("://") {
        return false;
    }
    if name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let n = norm(name);
    if n.len() < 2 {
        return false;
    }
    for site in site_names {
        // The site's name without its generic words ("The Kestrel Blog" →
        // "kestrel"): a byline of that word is the site's account.
        let core: String = site
            .split_whitespace()
            .filter(|w| {
                let l = w.to_lowercase();
                !(FUNCTION_WORD_SET.has(&l) || CLOSED_CLASS_SET.has(&l) || BYLINE_ROLE_SET.has(&l))
            })
            .map(norm)
            .collect();
        if core == n {
            return false;
        }
        let s = norm(site);
        let site_n = norm(site.split('.').next().unwrap_or(site));
        for sn in [&s, &site_n] {
            if sn.len() < 3 {
                continue;
            }
            // The byline is the site's name, or the name with more words
            // ("Kestford Courier Staff"); a meta author inside the site's
            // name is its account ("Courier" on "The Courier Blog").
            if n == *sn
                || n.starts_with(sn.as_str())
                || n.ends_with(sn.as_str())
                || (source != Source::Printed && sn.contains(&n))
            {
                return false;
            }
        }
    }
    let mut capitalized = 0;
    for w in &words {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            continue;
        }
        let lower = bare.to_lowercase();
        if bare.ends_with("'s") || bare.ends_with("’s") || w.ends_with("'s") || w.ends_with("’s")
        {
            return false;
        }
        if (month_number(bare).is_some() && !PARTICLE_SET.has(&lower))
            || weekday(bare, true).is_some()
        {
            return false;
        }
        if !PARTICLE_SET.has(&lower)
            && (FUNCTION_WORD_SET.has(&lower) || CLOSED_CLASS_SET.has(&lower))
        {
            return false;
        }
        if BYLINE_ROLE_SET.has(&lower)
            || ROLE_NOUN_SET.has_folded(&lower)
            || ORG_NOUN_SET.has_folded(&lower)
            || ORG_PLURAL_SET.has_folded(&lower)
            || ORG_SUFFIX_SET.has(bare)
            || OFFICE_SET.has_folded(&lower)
            || is_postnominal(bare)
        {
            return false;
        }
        let first = bare.chars().next().unwrap();
        if first.is_uppercase() {
            capitalized += 1;
            // An acronym alone ("AP", "PTI") is an agency, not a person.
            if words.len() == 1
                && bare.chars().count() <= 5
                && bare.chars().all(|c| c.is_uppercase())
            {
                return false;
            }
        } else if PARTICLE_SET.has(&lower) {
            continue;
        } else if first.is_lowercase() {
            // A lowercase word that is not a name particle: a handle or prose.
            return false;
        }
    }
    // A single all-caps word with no vowel pattern of a name ("KWCHCIK").
    if words.len() == 1
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    {
        return false;
    }
    capitalized > 0
}

/// The people a byline names, cleaned, in printed order. A one-word piece
/// beside a piece that is not a person ("PTI, Washington") is the place of a
/// wire byline, not a name.
pub fn people(byline: &str, site_names: &[String], source: Source) -> Vec<String> {
    let (mut out, rejected) = people_and_rejects(byline, site_names, source);
    if rejected {
        out.retain(|n| n.split_whitespace().count() > 1);
    }
    out
}

/// The people a byline names, and whether some piece of it was not a person.
pub fn people_and_rejects(
    byline: &str,
    site_names: &[String],
    source: Source,
) -> (Vec<String>, bool) {
    let mut out: Vec<String> = Vec::new();
    let mut rejected = false;
    for piece in split_byline(byline) {
        let name = trim_name(&piece);
        if is_person(&name, site_names, source) {
            if !out.iter().any(|o| norm(o) == norm(&name)) {
                out.push(name);
            }
        } else {
            rejected = true;
        }
    }
    (out, rejected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people_p(s: &str, sites: &[String]) -> Vec<String> {
        people(s, sites, Source::Printed)
    }

    fn site() -> Vec<String> {
        vec![
            "Kestford Courier".to_string(),
            "kestfordcourier.example".to_string(),
        ]
    }

    #[test]
    fn two_authors_with_credentials() {
        assert_eq!(
            people_p("By Ana Lind, MS, RD and Tom Berg, PhD", &site()),
            vec!["Ana Lind", "Tom Berg"]
        );
        assert_eq!(
            people_p("Ana Lind, Tom Berg and Oda Vik", &site()),
            vec!["Ana Lind", "Tom Berg", "Oda Vik"]
        );
    }

    #[test]
    fn organizations_desks_and_accounts_are_not_people() {
        assert!(people_p("By Kestford Courier Staff", &site()).is_empty());
        assert!(people_p("Kestford Courier", &site()).is_empty());
        assert!(people_p("Associated Wire Services", &site()).is_empty());
        assert!(people_p("admin", &site()).is_empty());
        assert!(people_p("@analind", &site()).is_empty());
        assert!(people_p("KCN", &site()).is_empty());
        assert!(people_p("Editorial Board", &site()).is_empty());
        assert_eq!(
            people_p("By Ana Lind, Kestford Courier", &site()),
            vec!["Ana Lind"]
        );
    }

    #[test]
    fn a_name_stops_before_the_date() {
        assert_eq!(
            people_p("By Ana Lind November 15, 2019", &site()),
            vec!["Ana Lind"]
        );
        assert_eq!(
            people_p("Ana Lind | Published 3 hours ago", &site()),
            vec!["Ana Lind"]
        );
    }
}
