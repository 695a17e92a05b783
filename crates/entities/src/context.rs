//! Step 5: what the words around a person mention say about the person:
//! titles ("Mr", "Prime Minister"), roles from premodifiers ("club manager
//! Jane Doe") and appositives ("Jane Doe, head of the council,"), and
//! nationality or affiliation attributes ("Iranian").

use crate::names::norm_word;
use crate::titles::title_len_before;
use crate::words::{is_possessive, Cand, Cover, Words};
use newsparse_core::EntityKind;
use newsparse_lang::lexicon;

/// What the context of one person mention says.
#[derive(Debug, Default)]
pub struct PersonContext {
    /// Title + name forms as written ("Prime Minister Jane Doe", "Jane Doe MP").
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    pub attributes: Vec<String>,
}

fn other_entity(cands: &[Cand], cover: &Cover, t: usize) -> Option<Cand> {
    cover
        .at(t)
        .map(|c| cands[c])
        .filter(|c| c.kind != EntityKind::Person)
}

/// Titles, roles and attributes read around the person mention `[ts, te)`.
/// `cover` maps each token to the candidate covering it.
pub fn person(w: &Words, cands: &[Cand], cover: &Cover, ts: usize, te: usize) -> PersonContext {
    let mut out = PersonContext::default();
    let floor = w.sentence_first(ts);

    // Titles, nearest first: "Supreme Leader" "Ayatollah" Name.
    let mut chain: Vec<(usize, usize, bool)> = Vec::new();
    let mut p = ts;
    while p > floor {
        let Some((k, office)) = title_len_before(w, p, floor, chain.is_empty()) else {
            break;
        };
        if (p - k..p).any(|t| cover.at(t).is_some()) {
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
        if cover.at(t).is_some() {
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
    if te < sentence_end && cover.at(te).is_none() && lexicon::is_postnominal(w.word(te)) {
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
    cover: &Cover,
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
            || matches!(&*norm_word(word), "who" | "which" | "that" | "and")
            || lexicon::REPORTING_VERB_SET.has(&norm_word(word));
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
