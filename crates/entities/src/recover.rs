//! Step 4: words the recognizer missed. An untagged capitalized word (or
//! run of words) equal to a form of a known entity's name, or to a known
//! person's surname, is another mention of that entity: a surname at the
//! start of a sentence, an all-caps lead-in ("DOE ALSO said"), a bare acronym.

use crate::cluster::Entity;
use crate::names::{is_all_caps, norm_word, person_word, with_person_word};
use crate::titles::title_len_before;
use crate::words::{is_capitalized, is_possessive, Cand, Words};
use crate::Map as HashMap;
use newsparse_core::EntityKind;
use newsparse_lang::lexicon;

pub fn recover(w: &Words, cands: &mut Vec<Cand>, entities: &mut [Entity]) {
    // Name forms → entity; `None` when two entities share the form.
    let mut table: HashMap<Vec<String>, Option<usize>> = HashMap::default();
    let mut insert = |seq: Vec<String>, e: usize| {
        if seq.len() == 1 && (seq[0].chars().count() < 2 || lexicon::is_function_word(&seq[0])) {
            return;
        }
        table
            .entry(seq)
            .and_modify(|v| {
                if *v != Some(e) {
                    *v = None;
                }
            })
            .or_insert(Some(e));
    };
    // Inserting a form again for the same entity changes nothing, so each
    // entity's forms are made once however often they are mentioned.
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (e, ent) in entities.iter().enumerate() {
        seen.clear();
        for &m in &ent.members {
            let Cand { ts, te, .. } = cands[m];
            let same_words = |&(s, t): &(usize, usize)| {
                t - s == te - ts && (0..te - ts).all(|k| w.word(s + k) == w.word(ts + k))
            };
            if seen.iter().any(same_words) {
                continue;
            }
            seen.push((ts, te));
            let words = w.words(ts, te);
            insert(words.iter().map(|x| person_word(x)).collect(), e);
            if ent.kind == EntityKind::Person && words.len() > 1 {
                if let Some(last) = words.iter().rev().find(|x| !lexicon::is_name_suffix(x)) {
                    insert(vec![person_word(last)], e);
                }
            }
        }
        if let Some(acr) = &ent.acronym {
            insert(vec![norm_word(acr).into_owned()], e);
        }
    }
    let mut by_first: HashMap<&str, Vec<(&[String], usize)>> = HashMap::default();
    for (seq, e) in &table {
        if let Some(e) = e {
            by_first.entry(seq[0].as_str()).or_default().push((seq, *e));
        }
    }
    for list in by_first.values_mut() {
        list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    }
    if by_first.is_empty() {
        return;
    }
    let cover = w.cover(cands);
    let mut i = 0;
    while i < w.len() {
        let word = w.word(i);
        if cover.at(i).is_some() || !is_capitalized(word) {
            i += 1;
            continue;
        }
        let found = with_person_word(word, |key| by_first.get(key)).and_then(|list| {
            list.iter().find(|(seq, _)| {
                let end = i + seq.len();
                end <= w.len()
                    && w.same_sentence(i, end - 1)
                    && (i..end).all(|j| {
                        cover.at(j).is_none()
                            && with_person_word(w.word(j), |key| key == seq[j - i])
                    })
                    && fits(w, i, end)
            })
        });
        match found {
            Some((seq, e)) => {
                let end = i + seq.len();
                entities[*e].members.push(cands.len());
                cands.push(Cand {
                    kind: entities[*e].kind,
                    ts: i,
                    te: end,
                });
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Whether tokens `[i, end)` stand as a name of their own: not part of a
/// longer capitalized run, and not a common word opening a sentence.
fn fits(w: &Words, i: usize, end: usize) -> bool {
    let first = w.sentence_first(i);
    let caps = is_all_caps(w.word(i));
    if i > first {
        let prev = w.word(i - 1);
        let prev_ok = !is_capitalized(prev)
            || caps && is_all_caps(prev)
            || title_len_before(w, i, first, false).is_some()
            || i - 1 == first && w.is_common_word(prev);
        if !prev_ok {
            return false;
        }
    } else if end - i == 1 && w.is_common_word(w.word(i)) {
        return false;
    }
    if end < w.sentence_end(i) {
        let next = w.word(end);
        if is_capitalized(next) && !(caps && is_all_caps(next)) && !is_possessive(next) {
            return false;
        }
    }
    true
}
