//! Step 3: mentions of one real entity become one group.
//!
//! Distinct forms are taken longest first, so that a full name founds an
//! entity before its short forms ("Doe", "J. Doe", "the Union", "NFU") look
//! for it. A short form that fits several entities goes, mention by mention,
//! to the one mentioned most recently before it (or else soonest after).

use crate::clean::AcronymLink;
use crate::names::{
    acronym_letters, acronym_readings, is_abbreviation_of, is_acronym_of, is_all_caps, org_key,
    person_key, person_match, PersonMatch,
};
use crate::words::{Cand, Words};
use newsparse_core::hash::{hash_str, mix, HashedMap};
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
    /// Remember another full form of the name (its key, its words and
    /// those lowercased), for later short forms to match.
    pub fn add_form(&mut self, key: Vec<String>, words: Vec<String>, lowered: Vec<String>) {
        if !self.keys.contains(&key) {
            self.keys.push(key);
            self.lowered.push(lowered);
            self.forms.push(words);
        }
    }
}

struct Form {
    key: Vec<String>,
    words: Vec<String>,
    members: Vec<usize>,
}

/// What a form can be found by, for [`Candidates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sig {
    /// The whole key (words joined).
    Key,
    KeyFirst,
    KeyLast,
    KeyWord,
    /// A word as written.
    Word,
    /// A lowercased word (`lower`).
    LowWord,
    LowLast,
    /// The initials of the lowercased words.
    Initials,
    /// An acronym the words make (`acronym_readings`).
    Acronym,
}

/// Which entities have a form with a given signature, so that a new form is
/// tested only against the entities it could match instead of all of them (a
/// long page holds thousands of names, and comparing each with each made the
/// step quadratic). A lookup gives a superset of the entities the full test
/// accepts; the full test still decides, over them in ascending order, so the
/// result equals testing every entity. Guarded by
/// `candidates_give_the_same_clusters_as_testing_every_entity`.
#[derive(Default)]
struct Candidates {
    /// One map per signature (`Sig as usize`), keyed by the string's hash:
    /// no key is allocated, and two strings of one hash only widen a
    /// lookup's superset, which the full test then narrows.
    by: [HashedMap<Found>; SIGS],
    /// Every registered entity (for the test that compares with testing all).
    #[cfg(test)]
    all: Vec<usize>,
}

/// The entities one signature finds, in the order they were added: most
/// signatures find one, which is kept without a Vec of its own.
struct Found {
    first: usize,
    more: Vec<usize>,
}

impl Found {
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.first).chain(self.more.iter().copied())
    }
}

/// How many kinds of signature there are.
const SIGS: usize = Sig::Acronym as usize + 1;

#[cfg(test)]
thread_local! {
    /// Set by the test: every lookup gives every entity, as before the index.
    static EXHAUSTIVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Candidates {
    /// An index sized for `forms` forms, so that its maps seldom grow.
    fn with_capacity(forms: usize) -> Self {
        let mut index = Candidates::default();
        for map in &mut index.by {
            map.reserve(forms);
        }
        index
    }

    fn add(&mut self, sig: Sig, s: &str, e: usize) {
        #[cfg(test)]
        if !self.all.contains(&e) {
            self.all.push(e);
        }
        self.by[sig as usize]
            .entry(hash_str(s))
            .and_modify(|found| {
                if found.first != e && !found.more.contains(&e) {
                    found.more.push(e);
                }
            })
            .or_insert(Found {
                first: e,
                more: Vec::new(),
            });
    }

    /// Register entity `e`'s form (its key, words as written, lowercased).
    fn add_form(&mut self, e: usize, key: &[String], words: &[String], lowered: &[String]) {
        self.add(Sig::Key, &key.join("\u{1}"), e);
        if let (Some(first), Some(last)) = (key.first(), key.last()) {
            self.add(Sig::KeyFirst, first, e);
            self.add(Sig::KeyLast, last, e);
        }
        for k in key {
            self.add(Sig::KeyWord, k, e);
        }
        for w in words {
            self.add(Sig::Word, w, e);
        }
        for w in lowered {
            self.add(Sig::LowWord, w, e);
        }
        if let Some(last) = lowered.last() {
            self.add(Sig::LowLast, last, e);
        }
        self.add(Sig::Initials, &initials(lowered), e);
        if words.len() >= 2 {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            for reading in acronym_readings(&words) {
                self.add(Sig::Acronym, &reading, e);
            }
        }
    }

    /// The entities found by any of `sigs`, ascending, once each.
    fn lookup(&self, sigs: &[(Sig, &str)]) -> Vec<usize> {
        #[cfg(test)]
        if EXHAUSTIVE.with(|x| x.get()) {
            let mut all = self.all.clone();
            all.sort_unstable();
            return all;
        }
        let mut out: Vec<usize> = sigs
            .iter()
            .filter_map(|&(sig, s)| self.by[sig as usize].get(&hash_str(s)))
            .flat_map(Found::iter)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The first letter of each (lowercased) word.
fn initials(lowered: &[String]) -> String {
    lowered.iter().filter_map(|w| w.chars().next()).collect()
}

/// Group candidates of one kind by key, in order of first occurrence.
fn forms(
    w: &Words,
    cands: &[Cand],
    kind: EntityKind,
    key: impl Fn(&[&str]) -> Vec<String>,
) -> Vec<Form> {
    // Keyed by the key's hash, so that a new key moves into its form
    // instead of being cloned for the index; a hash shared by two keys
    // (rare) falls back to reading every form.
    let mut index: HashedMap<usize> = HashedMap::default();
    // The key is the words': a mention written as an earlier one (its
    // tokens' hash, then its words compared) joins that one's form without
    // making the key again. Maps the hash to (ts, te, form).
    let mut written: HashedMap<(usize, usize, usize)> = HashedMap::default();
    let mut out: Vec<Form> = Vec::new();
    for (i, c) in cands.iter().enumerate().filter(|(_, c)| c.kind == kind) {
        let words_hash =
            (c.ts..c.te).fold((c.te - c.ts) as u64, |h, t| mix(h, hash_str(w.word(t))));
        if let Some(&(ts, te, f)) = written.get(&words_hash) {
            if te - ts == c.te - c.ts && (0..te - ts).all(|k| w.word(ts + k) == w.word(c.ts + k)) {
                out[f].members.push(i);
                continue;
            }
        }
        let words = w.words(c.ts, c.te);
        let k = key(&words);
        let hash = key_hash(&k);
        let found = match index.get(&hash) {
            Some(&f) if out[f].key == k => Some(f),
            Some(_) => out.iter().position(|f| f.key == k),
            None => None,
        };
        let f = found.unwrap_or(out.len());
        written.entry(words_hash).or_insert((c.ts, c.te, f));
        match found {
            Some(f) => out[f].members.push(i),
            None => {
                index.entry(hash).or_insert(out.len());
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

/// A hash of a form's key words, each word's hash mixed in turn.
fn key_hash(key: &[String]) -> u64 {
    key.iter()
        .fold(key.len() as u64, |h, word| mix(h, hash_str(word)))
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

fn new_entity(kind: EntityKind, form: Form, lowered: Vec<String>) -> Entity {
    Entity {
        kind,
        members: form.members,
        keys: vec![form.key],
        lowered: vec![lowered],
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
    let forms = forms(w, cands, EntityKind::Person, person_key);
    let mut index = Candidates::with_capacity(forms.len());
    for whole in forms {
        for (sex, form) in split_by_sex(w, cands, whole) {
            // Every match shares the last word of the key, or (a one-word
            // form) its first word.
            let (key_first, key_last) = match (form.key.first(), form.key.last()) {
                (Some(f), Some(l)) => (f.as_str(), l.as_str()),
                _ => ("", ""),
            };
            let near = index.lookup(&[(Sig::KeyLast, key_last), (Sig::KeyFirst, key_first)]);
            let matching = |want: PersonMatch| -> Vec<usize> {
                near.iter()
                    .copied()
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
            if choices.is_empty() {
                // "Gabby Doe" for "Gabrielle Doe": the same surname, a
                // diminutive of the given name.
                choices = near
                    .iter()
                    .copied()
                    .filter(|&e| sex.is_none() || sexes[e - first].is_none_or(|s| Some(s) == sex))
                    .filter(|&e| {
                        entities[e].keys.iter().any(|k| {
                            k.len() == form.key.len()
                                && k.len() >= 2
                                && k[1..] == form.key[1..]
                                && (lexicon::is_nickname_of(&form.key[0], &k[0])
                                    || lexicon::is_nickname_of(&k[0], &form.key[0]))
                        })
                    })
                    .collect();
            }
            if choices.is_empty() && !is_all_caps(&form.words[0]) {
                choices = matching(PersonMatch::Weak);
            }
            if choices.is_empty() {
                let lowered = lower(&form.words);
                index_new(&mut index, entities.len(), &form, &lowered);
                entities.push(new_entity(EntityKind::Person, form, lowered));
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
                let e = choices[0];
                if !entities[e].keys.contains(&form.key) {
                    let lowered = lower(&form.words);
                    index_new(&mut index, e, &form, &lowered);
                    entities[e].add_form(form.key, form.words, lowered);
                }
            }
        }
    }
}

fn lower(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|x| crate::names::norm_word(x).into_owned())
        .collect()
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

/// Register a form that founds or joins entity `e` (`lowered`: its words
/// lowercased, which the entity keeps too).
fn index_new(index: &mut Candidates, e: usize, form: &Form, lowered: &[String]) {
    index.add_form(e, &form.key, &form.words, lowered);
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
    let forms = forms(w, cands, kind, org_key);
    let mut index = Candidates::with_capacity(forms.len());
    for form in forms {
        let exact: Vec<usize> = index
            .lookup(&[(Sig::Key, &form.key.join("\u{1}"))])
            .into_iter()
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
            choices = index
                .lookup(&[(Sig::Acronym, &acronym_letters(&form.words[0]))])
                .into_iter()
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
            // Each test below needs a word in common (a key word, a word as
            // written or lowercased, the last word) or the same initials.
            let key_word = form.key.first().map_or("", String::as_str);
            let near = index.lookup(&[
                (Sig::KeyWord, key_word),
                (Sig::LowWord, &written[0]),
                (Sig::Word, &form.words[0]),
                (Sig::LowLast, &written[written.len() - 1]),
                (Sig::Initials, &initials(&written)),
            ]);
            let short: Vec<&str> = form.words.iter().map(String::as_str).collect();
            choices = near
                .into_iter()
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
                    // A lone word that opens this name is its short form
                    // ("Acme" for "Acme Widgets International Inc",
                    // "Vantoro" for "Vantoro Digital"; the nearest one if
                    // several names open with it).
                    let opens_name = single
                        && ent
                            .forms
                            .iter()
                            .any(|f| f.len() >= 2 && f[0] == form.words[0]);
                    let abbreviated = ent.forms.iter().any(|f| {
                        let long: Vec<&str> = f.iter().map(String::as_str).collect();
                        is_abbreviation_of(&short, &long) || is_abbreviation_of(&long, &short)
                    });
                    part_of_key || caps_word_inside || opens_name || abbreviated
                })
                .collect();
        }
        if choices.is_empty() {
            let lowered = lower(&form.words);
            index_new(&mut index, entities.len(), &form, &lowered);
            entities.push(new_entity(kind, form, lowered));
            continue;
        }
        choices.dedup();
        if by_initials && choices.len() == 1 && entities[choices[0]].acronym.is_none() {
            entities[choices[0]].acronym = Some(form.words[0].clone());
        }
        assign(cands, entities, &choices, &form);
    }
}

#[cfg(test)]
mod tests {
    use super::EXHAUSTIVE;

    /// Invented articles dense with names, short forms, acronyms and
    /// abbreviations: clustering through the index must equal testing every
    /// entity.
    #[test]
    fn candidates_give_the_same_clusters_as_testing_every_entity() {
        let first = ["Ola", "Ines", "Tomas", "Mara", "Kei", "Ruth"];
        let last = ["Brandt", "Calloway", "Vesk", "Orrin", "Dahl", "Mbeki"];
        let orgs = [
            "Kestford United",
            "Kestford Utd",
            "Union of Brandt Farmers (UBF)",
            "the UBF",
            "Xeno Yard Daily",
            "XY Daily",
            "Vesk Holdings Inc",
            "Vesk Holdings",
            "Orrin Institute of Technology",
            "OIT",
            "National Kest Party",
            "the Party",
        ];
        let places = ["Kestford", "North Orrin", "Dahlia Bay", "Vesk"];
        for seed in 0..4u64 {
            let mut text = String::from("Names in the news\n\n");
            let mut x = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let mut next = |n: usize| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) as usize % n
            };
            for _ in 0..120 {
                let sentence = match next(5) {
                    0 => format!(
                        "{} {} said {} was wrong.",
                        first[next(6)],
                        last[next(6)],
                        orgs[next(orgs.len())]
                    ),
                    1 => format!(
                        "Mr {} met {} in {}.",
                        last[next(6)],
                        orgs[next(orgs.len())],
                        places[next(places.len())]
                    ),
                    2 => format!("{} joined {}.", first[next(6)], orgs[next(orgs.len())]),
                    3 => format!(
                        "Mrs {} {} of {} spoke in {}.",
                        first[next(6)],
                        last[next(6)],
                        orgs[next(orgs.len())],
                        places[next(places.len())]
                    ),
                    _ => format!("{} and {} agreed.", last[next(6)], first[next(6)]),
                };
                text.push_str(&sentence);
                text.push_str(if next(3) == 0 { "\n\n" } else { " " });
            }
            let layout = newsparse_layout::analyze(&text);
            let doc = newsparse_text::segment(&text, &layout.blocks);
            let mentions = newsparse_ner::Model::embedded().tag(&doc);
            let indexed = crate::resolve(&doc, &mentions);
            EXHAUSTIVE.with(|x| x.set(true));
            let every = crate::resolve(&doc, &mentions);
            EXHAUSTIVE.with(|x| x.set(false));
            assert_eq!(format!("{indexed:?}"), format!("{every:?}"), "seed {seed}");
            assert!(indexed.len() > 10, "the fixture has many entities");
        }
    }
}
