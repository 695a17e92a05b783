//! The lexicon as a whole: lists that must not share a word do not, every
//! list is read by some stage, and no list holds a word twice.

use newsparse_lang::lexicon::{self, WordSet};
use std::path::Path;

fn set(name: &str) -> &'static WordSet {
    lexicon::ALL
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no list {name}"))
        .1
}

/// Pairs of lists whose meanings exclude each other: a word in both would
/// make one stage read it two opposite ways.
const DISJOINT: &[(&str, &str)] = &[
    ("WEEKDAYS", "MONTHS"),
    ("NON_FINAL_ABBREVIATIONS", "FINAL_ABBREVIATIONS"),
    ("HONORIFICS", "DEMONYMS"),
    ("OFFICES", "DEMONYMS"),
    ("ORG_SUFFIXES", "PARTICLES"),
    ("ORG_SUFFIXES", "DEMONYMS"),
    ("ROLE_NOUNS", "DETERMINERS"),
    ("ROLE_NOUNS", "FUNCTION_WORDS"),
    ("PERSONAL_ROLES", "ORG_NOUNS"),
    ("WORK_NOUNS", "ORG_NOUNS"),
    ("WORK_NOUNS", "ROLE_NOUNS"),
    ("LAND_NOUNS", "ORG_NOUNS"),
    ("DOCUMENT_HEADS", "ORG_SUFFIXES"),
    ("PARTICLES", "DETERMINERS"),
    ("NAME_SUFFIXES", "POSTNOMINALS"),
    ("COMMON_ACRONYMS", "DEMONYMS"),
];

#[test]
fn exclusive_lists_share_no_word() {
    for (a, b) in DISJOINT {
        let shared: Vec<&str> = set(a)
            .words()
            .iter()
            .copied()
            .filter(|w| set(b).has_folded(w))
            .collect();
        assert!(shared.is_empty(), "{a} and {b} share {shared:?}");
    }
}

#[test]
fn no_list_holds_a_word_twice() {
    for (name, s) in lexicon::ALL {
        let mut seen = std::collections::HashSet::new();
        for w in s.words() {
            assert!(seen.insert(*w), "{name} lists {w:?} twice");
        }
    }
}

/// Every Rust source file of the stage crates and the command line, without
/// the language crate itself.
fn stage_sources() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = String::new();
    let mut dirs = vec![root.join("src")];
    for entry in std::fs::read_dir(root.join("crates")).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n != "lang") {
            dirs.push(path.join("src"));
        }
    }
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    out
}

/// The names a stage may read a list by: its own name, its set's name, or a
/// helper of the lexicon that reads it.
fn readers(list: &str) -> Vec<String> {
    // The set of a list is named for its singular: HONORIFICS → HONORIFIC_SET,
    // PASSIVE_AUXILIARIES → PASSIVE_AUXILIARY_SET.
    let stem = match list.strip_suffix("IES") {
        Some(s) => format!("{s}Y"),
        None => list.trim_end_matches('S').to_string(),
    };
    let mut names = vec![list.to_string(), format!("{stem}_SET")];
    let helpers: &[(&str, &[&str])] = &[
        ("WEEKDAYS", &["is_calendar_word", "calendar::weekday"]),
        (
            "MONTHS",
            &["is_calendar_word", "month_number", "month_words"],
        ),
        (
            "NON_FINAL_ABBREVIATIONS",
            &["is_stopped_abbreviation", "segment_span", "segment("],
        ),
        (
            "FINAL_ABBREVIATIONS",
            &["is_stopped_abbreviation", "segment_span", "segment("],
        ),
        ("SENTENCE_STARTERS", &["segment_span", "segment("]),
        ("PARTICLES", &["is_particle", "title_case"]),
        ("DEMONYMS", &["is_demonym", "demonym_of", "is_office_pair"]),
        ("ORG_SUFFIXES", &["is_org_suffix"]),
        ("FUNCTION_WORDS", &["is_function_word"]),
        ("ROLE_NOUNS", &["is_role_noun"]),
        ("ROLE_MODIFIERS", &["is_role_modifier"]),
        ("NAME_SUFFIXES", &["is_name_suffix"]),
        ("POSTNOMINALS", &["is_postnominal"]),
        ("COMMON_ACRONYMS", &["is_common_acronym"]),
        ("TITLE_CLAUSE_WORDS", &["is_title_clause_word"]),
        ("NICKNAMES", &["is_nickname_of"]),
    ];
    for (l, hs) in helpers {
        if *l == list {
            names.extend(hs.iter().map(|h| h.to_string()));
        }
    }
    names
}

#[test]
fn every_list_is_read_by_a_stage() {
    let sources = stage_sources();
    assert!(sources.len() > 10_000, "stage sources not found");
    for (name, _) in lexicon::ALL {
        assert!(
            readers(name).iter().any(|r| sources.contains(r.as_str())),
            "no stage reads {name}"
        );
    }
}
