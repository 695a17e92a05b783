//! Entities stage: turns name mentions into one entry per real entity.
//!
//! Steps, each linear or near-linear in the number of tokens and mentions:
//! 1. clean the recognizer's mentions (`clean`): snap to tokens, drop
//!    possessives, leading titles and "the", and the acronyms the article
//!    defines for common nouns ("heating panels (HP)"), add "Jr", extend
//!    organization names by a following suffix word ("… Workers" + "Party"),
//!    a missed capitalized word before them, a firm's partners ("Doe and
//!    Associates") or the words an acronym of the article spells ("X in the
//!    Y" for "XY"), link parenthesized acronyms, and find organization
//!    names the recognizer missed from context cues (`cues`: "technology
//!    firm X", "X analyst Jane Doe");
//! 2. vote on the kind of each surface form (`vote`), with those cues; a
//!    bracketed acronym then takes its expansion's kind when that is a work
//!    or document ("Internet Protocol (IP)"), and one after a name the vote
//!    made an organization is linked to it;
//! 3. group mentions into entities (`cluster`);
//! 4. give a mention to untagged words equal to an entity's name forms
//!    (`recover`);
//! 5. read titles, roles and attributes around each person mention
//!    (`context`) and build the entries.
//!
//! Title phrases (`titles`) and the word view (`words`) are read by every
//! step; otherwise each step reads only the steps before it.

mod agencies;
mod cluster;
mod context;
mod cues;

mod names;
mod recover;
mod titles;
mod words;

use newsparse_core::{Doc, EntityKind, EntityMention, FoundEntity};
use std::borrow::Cow;

/// Hash maps and sets keyed by short words: lookups are hot, so a fast hash;
/// a fixed seed keeps every run the same.
pub(crate) type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub(crate) type Set<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
use words::{Cand, Words};

pub use agencies::{add_agencies, add_credited_people};

/// Group mentions into people, organizations and places (MISC is dropped).
///
/// Entries come people first, then organizations, then places, each in order
/// of first mention, with ids `p1…`, `o1…`, `l1…` in that order.
pub fn resolve(doc: &Doc, mentions: &[EntityMention]) -> Vec<FoundEntity> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let w = Words::new(doc);
    let (mut cands, mut acronyms) = clean::clean(&w, mentions);
    vote::vote(&w, &mut cands);
    vote::follow_expansions(&w, &mut cands, &acronyms);
    clean::link_voted_acronyms(&w, &cands, &mut acronyms);
    let mut entities = cluster::cluster(&w, &cands, &acronyms);
    recover::recover(&w, &mut cands, &mut entities);
    build(&w, &cands, &entities)
}

mod clean;
mod vote;

fn collapse_spaces(s: &str) -> Cow<'_, str> {
    // Most forms are ASCII with one space between words already: borrowed.
    let b = s.as_bytes();
    // One pass: ASCII, no other white space, no two spaces running.
    let mut after_space = false;
    let single_spaced = b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|&c| {
            let fits = c.is_ascii()
                && !matches!(c, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
                && !(after_space && c == b' ');
            after_space = c == b' ';
            fits
        });
    if single_spaced {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.split(newsparse_lang::chars::is_space)
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// [`push_unique`] of a form that is copied only when it is pushed.
fn push_unique_form(list: &mut Vec<String>, item: Cow<str>) {
    if !item.is_empty() && !list.iter().any(|x| *x == *item) {
        list.push(item.into_owned());
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}

fn build(w: &Words, cands: &[Cand], entities: &[cluster::Entity]) -> Vec<FoundEntity> {
    let cover = w.cover(cands);
    let mut out: Vec<(EntityKind, usize, FoundEntity)> = Vec::new();
    for e in entities {
        // Not in the record: the list below drops them.
        if e.kind == EntityKind::Misc {
            continue;
        }
        let mut members: Vec<usize> = e.members.clone();
        members.sort_by_key(|&m| (cands[m].ts, cands[m].te));
        members.dedup_by_key(|m| (cands[*m].ts, cands[*m].te));
        let Some(&first) = members.first() else {
            continue;
        };
        // The fullest form: most words, written in mixed case, first seen.
        let best = members
            .iter()
            .copied()
            .max_by_key(|&m| {
                let c = &cands[m];
                let mixed_case = !names::is_all_caps(w.surface(c.ts, c.te));
                let chars = w.surface(c.ts, c.te).chars().count();
                (mixed_case, c.te - c.ts, chars, std::cmp::Reverse(c.ts))
            })
            .expect("members is not empty");
        let name = collapse_spaces(w.surface(cands[best].ts, cands[best].te)).into_owned();
        let mut aliases = Vec::new();
        let mut titles = Vec::new();
        let mut roles = Vec::new();
        let mut attributes = Vec::new();
        for &m in &members {
            let c = &cands[m];
            let form = collapse_spaces(w.surface(c.ts, c.te));
            if form != name {
                push_unique_form(&mut aliases, form);
            }
            if e.kind == EntityKind::Person {
                let found = context::person(w, cands, &cover, c.ts, c.te);
                for a in found.aliases {
                    push_unique_form(&mut aliases, collapse_spaces(&a));
                }
                for t in found.titles {
                    push_unique_form(&mut titles, collapse_spaces(&t));
                }
                for r in found.roles {
                    push_unique_form(&mut roles, collapse_spaces(&r));
                }
                for a in found.attributes {
                    push_unique_form(&mut attributes, collapse_spaces(&a));
                }
            }
        }
        aliases.retain(|a| *a != name);
        let entity = FoundEntity {
            id: String::new(),
            kind: e.kind,
            name,
            aliases,
            titles,
            roles,
            acronym: e.acronym.clone(),
            attributes,
            mentions: members
                .iter()
                .map(|&m| w.span(cands[m].ts, cands[m].te))
                .collect(),
        };
        out.push((e.kind, cands[first].ts, entity));
    }
    out.sort_by_key(|(kind, first, _)| (*kind, *first));
    let mut entities: Vec<FoundEntity> = out
        .into_iter()
        .filter(|(kind, _, _)| *kind != EntityKind::Misc)
        .map(|(_, _, e)| e)
        .collect();
    number_ids(&mut entities);
    entities
}

/// Give ids `p1…`, `o1…`, `l1…` in list order within each kind.
fn number_ids(entities: &mut [FoundEntity]) {
    let mut counts = [0usize; 4];
    for e in entities {
        let (slot, prefix) = match e.kind {
            EntityKind::Person => (0, 'p'),
            EntityKind::Organization => (1, 'o'),
            EntityKind::Place => (2, 'l'),
            EntityKind::Misc => (3, 'm'),
        };
        counts[slot] += 1;
        // Written by hand: the formatting machinery cost more than the rest
        // of numbering.
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = counts[slot];
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        e.id.clear();
        e.id.push(prefix);
        e.id.push_str(std::str::from_utf8(&digits[at..]).expect("digits are ASCII"));
    }
}

#[cfg(test)]
mod tests {
    use super::collapse_spaces;

    #[test]
    fn ids_are_the_kind_letter_and_the_count() {
        let mut entities: Vec<super::FoundEntity> = (0..12)
            .map(|i| {
                let kind = if i % 3 == 0 {
                    super::EntityKind::Person
                } else {
                    super::EntityKind::Place
                };
                let mut e = super::agencies::new_entity(kind, String::new());
                e.id = "stale".to_string();
                e
            })
            .collect();
        super::number_ids(&mut entities);
        let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            ["p1", "l1", "l2", "p2", "l3", "l4", "p3", "l5", "l6", "p4", "l7", "l8"]
        );
    }

    /// The copy taken for a single-spaced form is what splitting gives.
    #[test]
    fn collapsed_spaces_match_splitting() {
        for s in [
            "Ola Brandt",
            " Ola Brandt",
            "Ola  Brandt ",
            "Ola\tBrandt",
            "Ola\u{a0}Brandt",
            "Ola \r\nBrandt",
            "",
            " ",
            "Kest",
        ] {
            let split: Vec<&str> = s
                .split(newsparse_lang::chars::is_space)
                .filter(|p| !p.is_empty())
                .collect();
            assert_eq!(collapse_spaces(s), split.join(" "), "{s:?}");
        }
    }
}
