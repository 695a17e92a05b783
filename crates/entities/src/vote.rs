//! Step 2: one kind per surface form. The recognizer may tag one name PER
//! here and ORG there; the majority wins, helped by cues in the text (a
//! personal title before it, an organization suffix at its end), and a lone
//! word equal to a known person's surname is that person.

use crate::clean::AcronymLink;
use crate::names::{
    is_abbreviation_of, is_all_caps, norm_initial, norm_word, person_key, push_norm_word,
    with_person_word, NormKey,
};
use crate::titles::title_len_before;
use crate::words::{Cand, Words};
use crate::{Map as HashMap, Set as HashSet};
use newsparse_core::EntityKind;
use newsparse_lang::lexicon;

fn slot(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Misc => 3,
    }
}

const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Misc,
];

fn form_key(w: &Words, c: &Cand) -> String {
    // Lowercasing ASCII keeps the length: one allocation for most keys.
    let mut key = String::with_capacity((c.ts..c.te).map(|i| w.word(i).len() + 1).sum::<usize>());
    for i in c.ts..c.te {
        if i > c.ts {
            key.push(' ');
        }
        push_norm_word(&mut key, w.word(i));
    }
    key
}

/// Whether the name at `ts` follows a preposition of place ("in the X"),
/// but not a holding ("a stake in X").
fn is_locative(w: &Words, ts: usize) -> bool {
    let floor = w.sentence_first(ts);
    let mut p = ts;
    if p > floor && matches!(w.word(p - 1), "the" | "The") {
        p -= 1;
    }
    if p == floor
        || !matches!(
            w.word(p - 1),
            "in" | "across" | "throughout" | "near" | "inside" | "outside" | "In" | "Across"
        )
    {
        return false;
    }
    p - 1 == floor
        || !matches!(
            &*norm_word(w.word(p - 2)),
            "stake" | "stakes" | "shares" | "share" | "interest" | "investment" | "holding"
        )
}

fn surnames(w: &Words, cands: &[Cand]) -> HashSet<String> {
    cands
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.te - c.ts > 1)
        .filter_map(|c| person_key(&w.words(c.ts, c.te)).pop())
        .collect()
}

pub fn vote(w: &Words, cands: &mut [Cand]) {
    // "DOE ALSO met…": an all-caps lead-in is the surname alone. The
    // surnames are gathered (before any change) only when there is one.
    let all_caps_run = |c: &Cand| c.te - c.ts > 1 && (c.ts..c.te).all(|i| is_all_caps(w.word(i)));
    if cands.iter().any(all_caps_run) {
        let known = surnames(w, cands);
        for c in cands.iter_mut() {
            if all_caps_run(c) && with_person_word(w.word(c.ts), |key| known.contains(key)) {
                c.te = c.ts + 1;
                c.kind = EntityKind::Person;
            }
        }
    }

    let keys: Vec<String> = cands.iter().map(|c| form_key(w, c)).collect();
    let mut votes: HashMap<&str, [u32; 4]> = HashMap::default();
    for (c, key) in cands.iter().zip(&keys) {
        let v = votes.entry(key.as_str()).or_default();
        v[slot(c.kind)] += 2;
        let floor = w.sentence_first(c.ts);
        if let Some((_, false)) = title_len_before(w, c.ts, floor, false) {
            v[0] += 3; // "Mr X", "Dr X": a person whatever the tag says
        }
        if c.te - c.ts > 1 && lexicon::is_org_suffix(w.word(c.te - 1)) {
            v[1] += 1;
        }
    }
    for (i, kind, weight) in crate::cues::votes(w, cands) {
        if let Some(v) = votes.get_mut(keys[i].as_str()) {
            v[slot(kind)] += weight;
        }
    }
    // Forms seen after "in", "across"…: names of places at least there.
    let locative: HashSet<&str> = cands
        .iter()
        .zip(&keys)
        .filter(|(c, _)| is_locative(w, c.ts))
        .map(|(_, k)| k.as_str())
        .collect();
    let mut first_kind: HashMap<&str, EntityKind> = HashMap::default();
    for (c, key) in cands.iter().zip(&keys) {
        first_kind.entry(key.as_str()).or_insert(c.kind);
    }
    for (c, key) in cands.iter_mut().zip(&keys) {
        let v = votes[key.as_str()];
        // The most votes; on a tie, the kind the form was first given.
        let first = first_kind[key.as_str()];
        let top = v.iter().copied().max().unwrap_or(0);
        let mut best = if v[slot(first)] == top {
            first
        } else {
            (0..4)
                .max_by_key(|&k| (v[k], 4 - k))
                .map_or(first, |k| KINDS[k])
        };
        // A country or city standing for its government ("Capitalia said")
        // is tagged ORG; the record keeps it a place.
        if best == EntityKind::Organization
            && v[2] > 0
            && v[2] * 2 >= v[1]
            && locative.contains(key.as_str())
        {
            best = EntityKind::Place;
        }
        c.kind = best;
    }

    // "Nth Utd" abbreviates the organization "Northam United". An
    // abbreviation keeps the last word's initial (or the word itself), so
    // each distinct form is compared only with the organizations whose last
    // word starts alike: linear in practice however long the article.
    let last_initial = |words: &[&str]| words.last().and_then(|l| norm_initial(l)).unwrap_or(' ');
    let mut orgs: HashMap<char, Vec<Vec<&str>>> = HashMap::default();
    for c in cands
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.te - c.ts > 1)
    {
        let words = w.words(c.ts, c.te);
        let bucket = orgs.entry(last_initial(&words)).or_default();
        if !bucket.contains(&words) {
            bucket.push(words);
        }
    }
    if !orgs.is_empty() {
        let mut verdicts: HashMap<Vec<&str>, bool> = HashMap::default();
        for c in cands.iter_mut() {
            if c.kind != EntityKind::Organization && c.te - c.ts > 1 {
                let words = w.words(c.ts, c.te);
                let abbreviates = match verdicts.get(&words) {
                    Some(&v) => v,
                    None => {
                        let v = orgs
                            .get(&last_initial(&words))
                            .is_some_and(|b| b.iter().any(|o| is_abbreviation_of(&words, o)));
                        verdicts.insert(words, v);
                        v
                    }
                };
                if abbreviates {
                    c.kind = EntityKind::Organization;
                }
            }
        }
    }

    // A lone word that is a person's surname elsewhere is that person,
    // unless it is also part of a longer organization or place name.
    let surnames = surnames(w, cands);
    let mut in_other_names = HashSet::default();
    for c in cands
        .iter()
        .filter(|c| c.te - c.ts > 1 && c.kind != EntityKind::Person)
    {
        in_other_names.extend((c.ts..c.te).map(|i| NormKey(w.word(i))));
    }
    for c in cands.iter_mut() {
        if c.te - c.ts == 1 && c.kind != EntityKind::Person {
            let surname = with_person_word(w.word(c.ts), |key| surnames.contains(key));
            if surname && !in_other_names.contains(&NormKey(w.word(c.ts))) {
                c.kind = EntityKind::Person;
            }
        }
    }

    // A lone word taken for a person that opens an organization's longer
    // name ("Vantoro said…" beside "Vantoro Digital Holdings") is that
    // organization's short name, unless some person's name holds the word.
    // A two-word "organization" whose last word is a person elsewhere is
    // a person's name mistagged ("Ann Vesk" beside "Vesk said"): it
    // claims no lone word.
    let person_words = |longer_only: bool| -> HashSet<NormKey> {
        cands
            .iter()
            .filter(|c| c.kind == EntityKind::Person && (!longer_only || c.te - c.ts > 1))
            .flat_map(|c| (c.ts..c.te).map(|i| NormKey(w.word(i))))
            .collect()
    };
    let any_person = person_words(false);
    let org_heads: HashSet<NormKey> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.te - c.ts > 1)
        .filter(|c| c.te - c.ts > 2 || !any_person.contains(&NormKey(w.word(c.te - 1))))
        .map(|c| NormKey(w.word(c.ts)))
        .collect();
    let in_person_names = person_words(true);
    for c in cands.iter_mut() {
        if c.te - c.ts == 1 && c.kind == EntityKind::Person {
            let word = NormKey(w.word(c.ts));
            if org_heads.contains(&word) && !in_person_names.contains(&word) {
                c.kind = EntityKind::Organization;
            }
        }
    }
}

/// "the Internet Protocol (IP)": a bracketed acronym is what its expansion
/// was voted to be, on every mention of the acronym, when that is not an
/// organization or a place (the kinds `clean` links acronyms for).
pub fn follow_expansions(w: &Words, cands: &mut [Cand], links: &[AcronymLink]) {
    let mut kinds: HashMap<String, EntityKind> = HashMap::default();
    for &(acronym, full) in links {
        let kind = cands[full].kind;
        if !matches!(kind, EntityKind::Organization | EntityKind::Place) {
            kinds.insert(form_key(w, &cands[acronym]), kind);
        }
    }
    if kinds.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if let Some(&kind) = kinds.get(&form_key(w, c)) {
            c.kind = kind;
        }
    }
}
