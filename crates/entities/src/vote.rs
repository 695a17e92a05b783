//! Step 2: one kind per surface form. The recognizer may tag one name PER
//! here and ORG there; the majority wins, helped by cues in the text (a
//! personal title before it, an organization suffix at its end), and a lone
//! word equal to a known person's surname is that person.

use crate::context::title_len_before;
use crate::lexicon;
use crate::names::{norm_word, person_key};
use crate::words::{Cand, Words};
use newsparse_core::EntityKind;
use std::collections::{HashMap, HashSet};

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
    (c.ts..c.te)
        .map(|i| norm_word(w.word(i)))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn vote(w: &Words, cands: &mut [Cand]) {
    let keys: Vec<String> = cands.iter().map(|c| form_key(w, c)).collect();
    let mut votes: HashMap<&str, [u32; 4]> = HashMap::new();
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
    for (c, key) in cands.iter_mut().zip(&keys) {
        let v = votes[key.as_str()];
        let own = v[slot(c.kind)];
        if let Some(best) = (0..4)
            .filter(|&k| v[k] > own)
            .max_by_key(|&k| (v[k], 4 - k))
        {
            c.kind = KINDS[best];
        }
    }

    // A lone word that is a person's surname elsewhere is that person,
    // unless it is also part of a longer organization or place name.
    let mut surnames = HashSet::new();
    let mut in_other_names = HashSet::new();
    for c in cands.iter().filter(|c| c.te - c.ts > 1) {
        let words = w.words(c.ts, c.te);
        if c.kind == EntityKind::Person {
            if let Some(last) = person_key(&words).pop() {
                surnames.insert(last);
            }
        } else {
            in_other_names.extend(words.iter().map(|x| norm_word(x)));
        }
    }
    for c in cands.iter_mut() {
        if c.te - c.ts == 1 && c.kind != EntityKind::Person {
            let key = person_key(&[w.word(c.ts)]).pop().unwrap_or_default();
            if surnames.contains(&key) && !in_other_names.contains(&norm_word(w.word(c.ts))) {
                c.kind = EntityKind::Person;
            }
        }
    }
}
