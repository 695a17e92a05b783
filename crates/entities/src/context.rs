//! Step 5: what the words around a person mention say about the person:
//! titles ("Mr", "Prime Minister"), roles from premodifiers ("club manager
//! Jane Doe") and appositives ("Jane Doe, head of the council,"), and
//! nationality or affiliation attributes ("Iranian").

use crate::names::norm_word;
use crate::words::{is_possessive, Cand, Words};
use crate::Map as HashMap;
use newsparse_core::EntityKind;
use newsparse_lang::lexicon::{self, bare};
use std::sync::OnceLock;

struct TitlePhrase {
    words: Vec<&'static str>,
    office: bool,
}

/// Every title phrase, longest first, indexed by first and last word (and
/// by the lowercase last word of offices, for "chancellor").
struct Phrases {
    all: Vec<TitlePhrase>,
    by_first: HashMap<&'static str, Vec<usize>>,
    by_last: HashMap<&'static str, Vec<usize>>,
    by_last_lower: HashMap<String, Vec<usize>>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut all: Vec<TitlePhrase> = lexicon::HONORIFICS
            .iter()
            .map(|p| (p, false))
            .chain(lexicon::OFFICES.iter().map(|p| (p, true)))
            .map(|(p, office)| TitlePhrase {
                words: p.split(' ').collect(),
                office,
            })
            .collect();
        all.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::default();
        let mut by_last: HashMap<&'static str, Vec<usize>> = HashMap::default();
        let mut by_last_lower: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in all.iter().enumerate() {
            by_first.entry(p.words[0]).or_default().push(i);
            let last = p.words[p.words.len() - 1];
            by_last.entry(last).or_default().push(i);
            if p.office {
                by_last_lower
                    .entry(last.to_lowercase())
                    .or_default()
                    .push(i);
            }
        }
        Phrases {
            all,
            by_first,
            by_last,
            by_last_lower,
        }
    })
}

fn word_is(token: &str, title_word: &str, any_case: bool) -> bool {
    let t = bare(token);
    t == title_word
        || any_case && t.chars().all(char::is_lowercase) && t.eq_ignore_ascii_case(title_word)
}

/// The number of tokens of a capitalized title phrase starting at token `i`
/// (not beyond `end`).
pub fn title_len_at(w: &Words, i: usize, end: usize) -> Option<usize> {
    let ps = phrases();
    let phrase = ps.by_first.get(bare(w.word(i))).and_then(|list| {
        list.iter().map(|&k| &ps.all[k]).find(|p| {
            let k = p.words.len();
            i + k <= end && (0..k).all(|j| word_is(w.word(i + j), p.words[j], false))
        })
    });
    let pair = (i + 2 <= end && lexicon::is_office_pair(w.word(i), w.word(i + 1))).then_some(2);
    phrase.map(|p| p.words.len()).max(pair)
}

/// The title phrase ending just before token `p` (not before `floor`): its
/// length and whether it is an office rather than an honorific. Lowercase
/// offices ("chancellor") count when `any_case`.
pub fn title_len_before(
    w: &Words,
    p: usize,
    floor: usize,
    any_case: bool,
) -> Option<(usize, bool)> {
    if p <= floor {
        return None;
    }
    let ps = phrases();
    let last = bare(w.word(p - 1));
    let exact = ps.by_last.get(last).into_iter().flatten();
    let lower = (any_case && last.chars().all(char::is_lowercase))
        .then(|| ps.by_last_lower.get(last))
        .flatten()
        .into_iter()
        .flatten();
    let phrase = exact
        .chain(lower)
        .map(|&k| &ps.all[k])
        .filter(|ph| {
            let k = ph.words.len();
            p >= floor + k
                && (0..k).all(|j| word_is(w.word(p - k + j), ph.words[j], any_case && ph.office))
        })
        .max_by_key(|ph| ph.words.len())
        .map(|ph| (ph.words.len(), ph.office));
    let pair = (p >= floor + 2 && lexicon::is_office_pair(w.word(p - 2), w.word(p - 1)))
        .then_some((2, true));
    let found = phrase.max(pair).or_else(|| {
        // "ex-President": one token.
        let word = w.word(p - 1);
        let rest = word
            .strip_prefix("ex-")
            .or_else(|| word.strip_prefix("Ex-"))?;
        lexicon::OFFICE_SET.has(rest).then_some((1, true))
    })?;
    let (k, office) = found;
    // "Deputy Prime Minister", "Shadow Chancellor".
    if p > floor + k
        && matches!(
            w.word(p - k - 1),
            "Deputy" | "Shadow" | "Acting" | "Vice" | "Former" | "Assistant"
        )
    {
        return Some((k + 1, office));
    }
    Some((k, office))
}

/// What the context of one person mention says.
#[derive(Debug, Default)]
pub struct PersonContext {
    /// Title + name forms as written ("Prime Minister Jane Doe", "Jane Doe MP").
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    pub attributes: Vec<String>,
}

fn other_entity(cands: &[Cand], cover: &[Option<usize>], t: usize) -> Option<Cand> {
    cover[t]
        .map(|c| cands[c])
        .filter(|c| c.kind != EntityKind::Person)
}

/// Titles, roles and attributes read around the person mention `[ts, te)`.
/// `cover` maps each token to the candidate covering it.
pub fn person(
    w: &Words,
    cands: &[Cand],
    cover: &[Option<usize>],
    ts: usize,
    te: usize,
) -> PersonContext {
    let mut out = PersonContext::default();
    let floor = w.sentence_first(ts);

    // Titles, nearest first: "Supreme Leader" "Ayatollah" Name.
    let mut chain: Vec<(usize, usize, bool)> = Vec::new();
    let mut p = ts;
    while p > floor {
        let Some((k, office)) = title_len_before(w, p, floor, chain.is_empty()) else {
            break;
        };
        if cover[p - k..p].iter().any(Option::is_some) {
            break;
        }
        chain.push((p - k, p, office));
        p -= k;
    }
    chain.reverse();
    for &(s, e, _) in &chain {
        out.titles.push(w.surface(s, e).to_string());
        // Title + name as written is an alias ("ex-President Jo Doe"); a
        // lowercase office ("chancellor") is only a title.
        if w.word(s).chars().any(char::is_uppercase) {
            out.aliases.push(w.surface(s, te).to_string());
        }
    }

    // Premodifiers before the titles: "Iran's", "club manager", "Iraqi".
    let mut q = p;
    let mut role_noun = false;
    let mut affiliations = Vec::new();
    while q > floor && p - q < 10 {
        let t = q - 1;
        if let Some(c) = other_entity(cands, cover, t) {
            if c.ts < floor {
                break;
            }
            let name = w.surface(c.ts, c.te).to_string();
            let possessive = c.te < w.len() && is_possessive(w.word(c.te));
            match c.kind {
                EntityKind::Misc => out.attributes.push(name),
                EntityKind::Organization => affiliations.push(name),
                EntityKind::Place if possessive => {
                    if let Some(d) = lexicon::demonym_of(&name) {
                        out.attributes.push(d.to_string());
                    }
                }
                _ => {}
            }
            q = c.ts;
            continue;
        }
        if cover[t].is_some() {
            break;
        }
        let word = w.word(t);
        let lower = norm_word(word);
        if is_possessive(word) && t > floor && other_entity(cands, cover, t - 1).is_some() {
            q = t;
        } else if lexicon::is_role_noun(&lower) {
            role_noun = true;
            q = t;
        } else if lexicon::is_role_modifier(&lower) || lower.starts_with("ex-") {
            q = t;
        } else if lexicon::is_demonym(word) {
            out.attributes.push(word.to_string());
            q = t;
        } else {
            break;
        }
    }
    let last_office = chain.iter().rev().find(|c| c.2);
    let role = if q < p && (role_noun || last_office.is_some()) {
        Some((q, last_office.map_or(p, |c| c.1)))
    } else {
        let first_office = chain.iter().find(|c| c.2);
        first_office.zip(last_office).map(|(f, l)| (f.0, l.1))
    };
    if let Some((s, e)) = role {
        out.roles.push(w.surface(s, e).to_string());
        out.attributes.append(&mut affiliations);
    }

    // After the name: a post-nominal title or an appositive role.
    let sentence_end = w.sentence_end(ts);
    if te < sentence_end && cover[te].is_none() && lexicon::is_postnominal(w.word(te)) {
        out.titles.push(w.word(te).to_string());
        out.aliases.push(w.surface(ts, te + 1).to_string());
    } else if te + 1 < sentence_end && w.word(te) == "," {
        appositive(w, cands, cover, te + 1, sentence_end, &mut out);
    }
    out
}

/// ", head of the council," after a name: a role when a role noun opens it.
fn appositive(
    w: &Words,
    cands: &[Cand],
    cover: &[Option<usize>],
    start: usize,
    sentence_end: usize,
    out: &mut PersonContext,
) {
    let mut r = start;
    while r < sentence_end && r - start < 15 {
        let word = w.word(r);
        let stop = matches!(word, "," | ";" | ":" | "." | "(" | ")" | "-" | "--")
            || word
                .chars()
                .all(|c| "\"'\u{201c}\u{201d}\u{2018}\u{2019}\u{2013}\u{2014}".contains(c))
            || matches!(
                norm_word(word).as_str(),
                "who" | "which" | "that" | "said" | "says" | "told" | "and"
            );
        if stop {
            break;
        }
        r += 1;
    }
    let closed = r == sentence_end || matches!(w.word(r), "," | ";" | ":" | "." | ")" | "-" | "--");
    if !closed || r == start {
        return;
    }
    let mut s = start;
    if lexicon::DETERMINER_SET.has(&norm_word(w.word(s))) {
        s += 1;
    }
    let mut k = s;
    let mut attributes = Vec::new();
    while k < r && k < s + 6 {
        if let Some(c) = other_entity(cands, cover, k) {
            if c.kind == EntityKind::Misc {
                attributes.push(w.surface(c.ts, c.te).to_string());
            }
            k = c.te;
            continue;
        }
        let word = w.word(k);
        let lower = norm_word(word);
        if lexicon::is_role_noun(&lower) {
            out.roles.push(w.surface(s, r).to_string());
            out.attributes.append(&mut attributes);
            return;
        }
        if lexicon::is_demonym(word) {
            attributes.push(word.to_string());
        } else if !(is_possessive(word)
            || lexicon::is_role_modifier(&lower)
            || lower.starts_with("ex-"))
        {
            return;
        }
        k += 1;
    }
}
