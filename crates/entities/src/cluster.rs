//! Step 3: mentions of one real entity become one group.
//!
//! Distinct forms are taken longest first, so that a full name founds an
//! entity before its short forms ("Doe", "J. Doe", "the Union", "NFU") look
//! for it. A short form that fits several entities goes, mention by mention,
//! to the one mentioned most recently before it (or else soonest after).

use crate::clean::AcronymLink;
use crate::names::{
    is_abbreviation_of, is_acronym_of, is_all_caps, org_key, person_key, person_match, PersonMatch,
};
use crate::words::{Cand, Words};
use crate::Map as HashMap;
use newsparse_core::EntityKind;
use newsparse_lang::lexicon;

#[derive(Debug)]
pub struct Entity {
    pub kind: EntityKind,
    /// Candidate indices.
    pub members: Vec<usize>,
    /// Keys of the full forms that founded or joined it.
    keys: Vec<Vec<String>>,
    /// The words of those forms, as written.
    forms: Vec<Vec<String>>,
    /// The same forms lowercased (`lower`), kept so that comparing a new
    /// form with every entity does not lowercase them again each time.
    lowered: Vec<Vec<String>>,
    pub acronym: Option<String>,
}

impl Entity {
    /// Remember another full form of the name, for later short forms to match.
    pub fn add_form(&mut self, key: Vec<String>, words: Vec<String>) {
        if !self.keys.contains(&key) {
            self.keys.push(key);
            self.lowered.push(lower(&words));
            self.forms.push(words);
        }
    }
}

struct Form {
    key: Vec<String>,
    words: Vec<String>,
    members: Vec<usize>,
}

/// Group candidates of one kind by key, in order of first occurrence.
fn forms(
    w: &Words,
    cands: &[Cand],
    kind: EntityKind,
    key: impl Fn(&[&str]) -> Vec<String>,
) -> Vec<Form> {
    let mut index: HashMap<Vec<String>, usize> = HashMap::default();
    let mut out: Vec<Form> = Vec::new();
    for (i, c) in cands.iter().enumerate().filter(|(_, c)| c.kind == kind) {
        let words = w.words(c.ts, c.te);
        let k = key(&words);
        match index.get(&k) {
            Some(&f) => out[f].members.push(i),
            None => {
                index.insert(k.clone(), out.len());
                out.push(Form {
                    key: k,
                    words: words.iter().map(|s| s.to_string()).collect(),
                    members: vec![i],
                });
            }
        }
    }
    // Longest first; the sort is stable, so ties stay in text order.
    out.sort_by_key(|f| std::cmp::Reverse(f.key.len()));
    out
}

pub fn cluster(w: &Words, cands: &[Cand], links: &[AcronymLink]) -> Vec<Entity> {
    let mut entities = Vec::new();
    cluster_people(w, cands, &mut entities);
    for kind in [EntityKind::Organization, EntityKind::Place] {
        cluster_names(w, cands, links, kind, &mut entities);
    }
    entities
}

/// Give each mention of `form` to one of `choices`: the only one, or the
/// nearest in the text.
fn assign(cands: &[Cand], entities: &mut [Entity], choices: &[usize], form: &Form) {
    if let [only] = choices {
        entities[*only].members.extend(&form.members);
        return;
    }
    for &m in &form.members {
        let at = cands[m].ts;
        let nearest = |e: usize| {
            let before = entities[e]
                .members
                .iter()
                .map(|&x| cands[x].ts)
                .filter(|&t| t < at)
                .max();
            let after = entities[e]
                .members
                .iter()
                .map(|&x| cands[x].ts)
                .filter(|&t| t > at)
                .min();
            match (before, after) {
                (Some(b), _) => (0, at - b),
                (None, Some(a)) => (1, a - at),
                (None, None) => (2, 0),
            }
        };
        let best = *choices
            .iter()
            .min_by_key(|&&e| nearest(e))
            .expect("choices is not empty");
        entities[best].members.push(m);
    }
}

fn new_entity(kind: EntityKind, form: Form) -> Entity {
    Entity {
        kind,
        members: form.members,
        keys: vec![form.key],
        lowered: vec![lower(&form.words)],
        forms: vec![form.words],
        acronym: None,
    }
}

/// The sex a courtesy title right before a name says ("Mr", "Mrs").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sex {
    Male,
    Female,
}

fn sex_of(w: &Words, c: &Cand) -> Option<Sex> {
    if c.ts == 0 || !w.same_sentence(c.ts - 1, c.ts) {
        return None;
    }
    let title = lexicon::bare(w.word(c.ts - 1));
    if lexicon::MALE_TITLE_SET.has(title) {
        Some(Sex::Male)
    } else if lexicon::FEMALE_TITLE_SET.has(title) {
        Some(Sex::Female)
    } else {
        None
    }
}

/// A form's mentions split by the sex their titles give, untitled ones
/// first and then the more frequent sex, so "Mrs Doe" does not join the
/// entity "Mr Doe" already belongs to.
fn split_by_sex(w: &Words, cands: &[Cand], form: Form) -> Vec<(Option<Sex>, Form)> {
    let mut groups: Vec<(Option<Sex>, Vec<usize>)> = Vec::new();
    for &m in &form.members {
        let sex = sex_of(w, &cands[m]);
        match groups.iter_mut().find(|(s, _)| *s == sex) {
            Some((_, g)) => g.push(m),
            None => groups.push((sex, vec![m])),
        }
    }
    groups.sort_by_key(|(s, g)| (s.is_some(), std::cmp::Reverse(g.len()), *s));
    groups
        .into_iter()
        .map(|(sex, members)| {
            (
                sex,
                Form {
                    key: form.key.clone(),
                    words: form.words.clone(),
                    members,
                },
            )
        })
        .collect()
}

fn cluster_people(w: &Words, cands: &[Cand], entities: &mut Vec<Entity>) {
    let first = entities.len();
    let mut sexes: Vec<Option<Sex>> = Vec::new();
    for whole in forms(w, cands, EntityKind::Person, person_key) {
        for (sex, form) in split_by_sex(w, cands, whole) {
            let matching = |want: PersonMatch| -> Vec<usize> {
                (first..entities.len())
                    .filter(|&e| sex.is_none() || sexes[e - first].is_none_or(|s| Some(s) == sex))
                    .filter(|&e| {
                        entities[e]
                            .keys
                            .iter()
                            .any(|k| person_match(&form.key, k) == Some(want))
                    })
                    .collect()
            };
            let mut choices = matching(PersonMatch::Strong);
            if choices.is_empty() && !is_all_caps(&form.words[0]) {
                choices = matching(PersonMatch::Weak);
            }
            if choices.is_empty() {
                entities.push(new_entity(EntityKind::Person, form));
                sexes.push(sex);
                continue;
            }
            if sex.is_some() {
                for &e in &choices {
                    sexes[e - first] = sex;
                }
            }
            assign(cands, entities, &choices, &form);
            if form.key.len() >= 2 && choices.len() == 1 {
                entities[choices[0]].add_form(form.key, form.words);
            }
        }
    }
}

fn lower(words: &[String]) -> Vec<String> {
    words.iter().map(|x| crate::names::norm_word(x)).collect()
}

/// Whether every word is generic: a suffix ("Party") or function word.
fn all_generic(words: &[String]) -> bool {
    words.iter().all(|x| {
        lexicon::is_function_word(x)
            || lexicon::ORG_SUFFIXES
                .iter()
                .any(|s| s.eq_ignore_ascii_case(x))
    })
}

fn cluster_names(
    w: &Words,
    cands: &[Cand],
    links: &[AcronymLink],
    kind: EntityKind,
    entities: &mut Vec<Entity>,
) {
    let first = entities.len();
    let organization = kind == EntityKind::Organization;
    let entity_of = |entities: &[Entity], cand: usize| {
        (first..entities.len()).find(|&e| entities[e].members.contains(&cand))
    };
    for form in forms(w, cands, kind, org_key) {
        let exact: Vec<usize> = (first..entities.len())
            .filter(|&e| entities[e].keys.contains(&form.key))
            .collect();
        if let Some(&e) = exact.first() {
            entities[e].members.extend(&form.members);
            continue;
        }
        let single = form.words.len() == 1;
        let acronym = single && is_all_caps(&form.words[0]);
        let mut choices: Vec<usize> = Vec::new();
        let mut by_initials = false;
        // A bracketed acronym goes with the name it follows.
        for &(acr, full) in links {
            if form.members.contains(&acr) {
                if let Some(e) = entity_of(entities, full) {
                    choices.push(e);
                    by_initials = true;
                }
            }
        }
        if choices.is_empty() && acronym {
            choices = (first..entities.len())
                .filter(|&e| {
                    entities[e].forms.iter().any(|f| {
                        let words: Vec<&str> = f.iter().map(String::as_str).collect();
                        is_acronym_of(&form.words[0], &words)
                    })
                })
                .collect();
            by_initials = !choices.is_empty();
        }
        if choices.is_empty() && organization && !all_generic(&form.key) {
            let written = lower(&form.words);
            choices = (first..entities.len())
                .filter(|&e| {
                    let ent = &entities[e];
                    let part = |short: &[String], long: &[String]| {
                        long.len() > short.len()
                            && (long.ends_with(short)
                                || long.starts_with(short) && all_generic(&long[short.len()..]))
                    };
                    let part_of_key = ent.keys.iter().any(|k| part(&form.key, k))
                        || ent.lowered.iter().any(|f| part(&written, f));
                    let caps_word_inside = acronym
                        && ent
                            .forms
                            .iter()
                            .any(|f| f.len() > 1 && f.iter().any(|x| x == &form.words[0]));
                    let abbreviated = ent.forms.iter().any(|f| {
                        let long: Vec<&str> = f.iter().map(String::as_str).collect();
                        let short: Vec<&str> = form.words.iter().map(String::as_str).collect();
                        is_abbreviation_of(&short, &long) || is_abbreviation_of(&long, &short)
                    });
                    part_of_key || caps_word_inside || abbreviated
                })
                .collect();
        }
        if choices.is_empty() {
            entities.push(new_entity(kind, form));
            continue;
        }
        choices.dedup();
        if by_initials && choices.len() == 1 && entities[choices[0]].acronym.is_none() {
            entities[choices[0]].acronym = Some(form.words[0].clone());
        }
        assign(cands, entities, &choices, &form);
    }
}
