//! Context cues that say a name is an organization (or a place) whatever
//! the recognizer tagged, and find organization names it missed:
//! - after a kind-of-organization noun: "technology firm Acme", "rock band
//!   the Xs", "investment vehicle Acme Holdings";
//! - before a role held in it: "Acme analyst Jane Doe", "Tory shadow
//!   chancellor Jim Roe";
//! - after a role noun and "of/for/at": "spokesman for Acme" (but "MP for
//!   Eastham" names a place);
//! - before a kind of land ("the Eastham border area"): a place; with a
//!   document's head ("the Eastham Treaty"): not an organization;
//! - an acronym after "the" that the recognizer left untagged: "told the
//!   ACB." (a country's acronym is tagged as a place, so it never gets here).

use crate::names::{norm_word, norm_word_in};
use crate::titles::title_len_before;
use crate::words::{is_capitalized, is_possessive, Cand, Words};
use newsparse_core::EntityKind;
use newsparse_lang::lexicon;
use std::cell::OnceCell;

/// A kind vote for one candidate, with its weight.
pub type Cue = (usize, EntityKind, u32);

/// Weight of one cue against the recognizer's 2 per mention.
const STRONG: u32 = 5;

fn is_lower(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Whether `word` may be part of an organization name the recognizer missed.
fn nameish(word: &str) -> bool {
    if !is_capitalized(word) {
        return false;
    }
    let mut buf = [0u8; 32];
    let lower = norm_word_in(word, &mut buf);
    // "Somali-Dutch", "Kest-born": a compound of a demonym, or of a
    // birthplace, describes a person.
    let described = word.contains('-')
        && (word.split('-').any(lexicon::is_demonym)
            || lower.ends_with("-born")
            || lower.ends_with("-bred"));
    !described
        && !lexicon::is_demonym(word)
        && !lexicon::is_calendar_word(word)
        && !lexicon::is_role_noun(&lower)
        && !lexicon::is_role_modifier(&lower)
        && !lexicon::OFFICE_SET.has(lexicon::bare(word))
        && !lexicon::HONORIFIC_SET.has(lexicon::bare(word))
}

fn closed_class(word: &str) -> bool {
    lexicon::CLOSED_CLASS_SET.has(&norm_word_in(word, &mut [0u8; 32]))
}

/// Whether a name may start right after `prev`: a lowercase or closed-class
/// word ("But Acme …"), not another capitalized word.
fn starts_name(prev: &str) -> bool {
    !is_capitalized(prev) || closed_class(prev)
}

/// Where the role words before a person name start ("analyst", "shadow
/// foreign secretary", "Prime Minister"), when there are any.
fn role_start(w: &Words, ts: usize) -> Option<usize> {
    let floor = w.sentence_first(ts);
    let mut p = ts;
    let mut role = false;
    while let Some((k, office)) = title_len_before(w, p, floor, true) {
        role |= office;
        p -= k;
    }
    while p > floor {
        let word = w.word(p - 1);
        let lower = norm_word(word);
        if !is_lower(word) {
            break;
        }
        if lexicon::is_role_noun(&lower) {
            role |= !lexicon::PERSONAL_ROLE_SET.has(&lower);
        } else if !lexicon::is_role_modifier(&lower) {
            break;
        }
        p -= 1;
    }
    (role && p > floor && p < ts).then_some(p)
}

/// Organization names the recognizer missed, from the cues above.
pub fn new_orgs(w: &Words, cands: &[Cand]) -> Vec<Cand> {
    let cover = w.cover(cands);
    let mut out: Vec<Cand> = Vec::new();
    let free = |i: usize| cover.at(i).is_none() && nameish(w.word(i));
    // After a kind-of-organization noun.
    for i in 0..w.len().saturating_sub(1) {
        if !lexicon::ORG_NOUN_SET.has(w.word(i)) {
            continue;
        }
        let mut j = i + 1;
        if matches!(w.word(j), "the" | "The") && j + 1 < w.len() {
            j += 1;
        }
        let end = w.sentence_end(i);
        if closed_class(w.word(j)) {
            continue;
        }
        let mut k = j;
        while k < end && k < j + 4 && free(k) {
            k += 1;
        }
        if k > j && (k == end || !is_capitalized(w.word(k))) {
            out.push(Cand {
                kind: EntityKind::Organization,
                ts: j,
                te: k,
            });
        }
    }
    // Before the role words of a person.
    for c in cands.iter().filter(|c| c.kind == EntityKind::Person) {
        let Some(p) = role_start(w, c.ts) else {
            continue;
        };
        // A capitalized title alone ("Private") may belong to a film name.
        if !(p..c.ts).any(|t| is_lower(w.word(t))) {
            continue;
        }
        let floor = w.sentence_first(c.ts);
        let mut s = p;
        while s > floor && p - s < 3 && free(s - 1) {
            s -= 1;
        }
        // "But Acme …": a common word opening the sentence is not in the name.
        let mut trimmed = false;
        while s < p && (closed_class(w.word(s)) || s == floor && w.is_common_word(w.word(s))) {
            s += 1;
            trimmed = true;
        }
        if s < p && (s == floor || trimmed || starts_name(w.word(s - 1))) {
            out.push(Cand {
                kind: EntityKind::Organization,
                ts: s,
                te: p,
            });
        }
    }
    // "Acme Weekly's Jane Doe": her employer.
    for c in cands.iter().filter(|c| c.kind == EntityKind::Person) {
        let floor = w.sentence_first(c.ts);
        if c.ts < floor + 2 || !is_possessive(w.word(c.ts - 1)) {
            continue;
        }
        let p = c.ts - 1;
        let mut s = p;
        while s > floor && p - s < 4 && free(s - 1) {
            s -= 1;
        }
        // "But Acme …": a common word opening the sentence is not in the name.
        let mut trimmed = false;
        while s < p && (closed_class(w.word(s)) || s == floor && w.is_common_word(w.word(s))) {
            s += 1;
            trimmed = true;
        }
        if s < p && (s == floor || trimmed || starts_name(w.word(s - 1))) {
            out.push(Cand {
                kind: EntityKind::Organization,
                ts: s,
                te: p,
            });
        }
    }
    // "the ACB": an untagged acronym (not an ordinary-noun one like "the
    // TV", nor one tagged as a place elsewhere) after "the" names an
    // organization.
    let places: Vec<&str> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Place && c.te - c.ts == 1)
        .map(|c| w.word(c.ts))
        .collect();
    for (i, covered) in cover.iter().enumerate().skip(1) {
        // The cheap tests first: few words follow "the" untagged.
        if covered.is_some() || !matches!(w.word(i - 1), "the" | "The") {
            continue;
        }
        let word = w.word(i);
        let letters = word.chars().filter(|c| c.is_ascii_uppercase()).count();
        let acronym = (2..=5).contains(&letters)
            && word.chars().all(|c| c.is_ascii_uppercase() || c == '&')
            && !lexicon::is_common_acronym(word);
        if acronym && !places.contains(&word) {
            out.push(Cand {
                kind: EntityKind::Organization,
                ts: i,
                te: i + 1,
            });
        }
    }
    out.sort_by_key(|c| c.ts);
    out.dedup_by_key(|c| c.ts);
    out
}

/// "F Ongaro", "J. Brandt": an initial (not "A", which may be the article)
/// and one capitalized word.
fn is_initial_name(w: &Words, c: &Cand) -> bool {
    let first = w.word(c.ts);
    let mut chars = first.strip_suffix('.').unwrap_or(first).chars();
    let initial =
        matches!((chars.next(), chars.next()), (Some(l), None) if l.is_uppercase() && l != 'A');
    c.te - c.ts == 2 && initial && is_capitalized(w.word(c.ts + 1))
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "--" | "\u{2013}" | "\u{2014}" | ",")
}

/// Whether `acronym` is made of the initials of the capitalized words
/// ending just before token `end` ("Deutsche Boerse's (DB)", "the Motion
/// Picture Association of America's (MPAA)"): an acronym, not a ticker.
fn abbreviates_words_before(w: &Words, end: usize, acronym: &str) -> bool {
    let floor = w.sentence_first(end.saturating_sub(1));
    let initials: String = (floor..end)
        .rev()
        .map(|t| w.word(t))
        .take_while(|word| is_capitalized(word) || matches!(*word, "of" | "and" | "for" | "&"))
        .filter(|word| is_capitalized(word))
        .filter_map(|word| word.chars().next())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    initials.ends_with(acronym)
}

/// Kind votes from the context of each candidate.
pub fn votes(w: &Words, cands: &[Cand]) -> Vec<Cue> {
    let cover = w.cover(cands);
    let mut out = Vec::new();
    let initial_names = cands.iter().filter(|c| is_initial_name(w, c)).count();
    // Demonyms the article uses ("Malian"), for the country they name:
    // gathered the first time a candidate has a demonym to look for.
    let demonyms: OnceCell<Vec<&str>> = OnceCell::new();
    let uses_demonym = |d: &str| {
        demonyms
            .get_or_init(|| {
                (0..w.len())
                    .map(|t| w.word(t))
                    .filter(|x| lexicon::is_demonym(x))
                    .collect()
            })
            .contains(&d)
    };
    for (i, c) in cands.iter().enumerate() {
        // "Varnia" in an article that also says "Varnian": the country, not
        // a person of that name.
        if c.te - c.ts == 1
            && matches!(c.kind, EntityKind::Person | EntityKind::Place)
            && lexicon::demonym_of(w.word(c.ts)).is_some_and(uses_demonym)
            && !(c.ts > 0 && {
                // "Prince Saud": a title makes it a person's name.
                let before = w.word(c.ts - 1);
                lexicon::HONORIFIC_SET.has(before)
                    || lexicon::OFFICE_SET.has(before)
                    || lexicon::MALE_TITLE_SET.has(before)
                    || lexicon::FEMALE_TITLE_SET.has(before)
            })
        {
            out.push((i, EntityKind::Place, STRONG));
            continue;
        }
        // "My City Was Gone", "Let Me Love You": a Title Case phrase with a
        // pronoun or a verb in it is the title of a work, not a name.
        if c.te - c.ts >= 2 && (c.ts..c.te).any(|t| lexicon::is_title_clause_word(w.word(t))) {
            out.push((i, EntityKind::Misc, 2 * STRONG));
            continue;
        }
        // "F Ongaro, M Corry, L Moody": in a list of initial-and-surname
        // names (a team sheet) each one is a person, whatever the tagger
        // made of it alone.
        if initial_names >= 3 && is_initial_name(w, c) && c.kind != EntityKind::Place {
            out.push((i, EntityKind::Person, STRONG));
            continue;
        }
        // "the Zorvan Treaty", "the EU Constitution": a document, whatever
        // the tagger made of the words before its head.
        if c.te - c.ts >= 2 && lexicon::DOCUMENT_HEAD_SET.has(w.word(c.te - 1)) {
            out.push((i, EntityKind::Misc, 2 * STRONG));
            continue;
        }
        // "the Zorvan border area", "Vastria province": a place.
        if c.te < w.len() && lexicon::LAND_NOUN_SET.has(w.word(c.te)) {
            out.push((i, EntityKind::Place, STRONG));
            continue;
        }
        // "northern Kest", "south Varnia": a part of a place is a place.
        if c.ts > 0
            && matches!(
                w.word(c.ts - 1),
                "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "north-east"
                    | "north-west"
                    | "south-east"
                    | "south-west"
            )
            && matches!(c.kind, EntityKind::Person | EntityKind::Place)
            && !lexicon::is_demonym(w.word(c.ts))
        {
            out.push((i, EntityKind::Place, STRONG));
            continue;
        }
        // "Union Road", "Varn Tower", "Kest Stadium": a road, building or
        // venue the tagger took for an organization is a place.
        let org = c.kind == EntityKind::Organization;
        if org && c.te - c.ts >= 2 && lexicon::FACILITY_HEAD_SET.has(w.word(c.te - 1)) {
            out.push((i, EntityKind::Place, 2 * STRONG));
            continue;
        }
        // "the Zorvan smartphone": a product; but "the Varn laptop" is the
        // maker's, so this weighs no more than a few tagger votes.
        if c.te < w.len() && lexicon::PRODUCT_NOUN_SET.has(&norm_word(w.word(c.te))) {
            out.push((i, EntityKind::Misc, STRONG));
            continue;
        }
        // "God", "Allahu akbar": not a person of the article.
        if c.te - c.ts == 1 && lexicon::DEITY_NAME_SET.has(w.word(c.ts)) {
            out.push((i, EntityKind::Misc, 2 * STRONG));
            continue;
        }
        // "Rs 3,000": an amount; an organization of one demonym ("American"):
        // an adjective.
        let digit_at =
            |t: usize| t < w.len() && w.word(t).starts_with(|c: char| c.is_ascii_digit());
        let amount = lexicon::CURRENCY_WORD_SET.has(w.word(c.ts)) && digit_at(c.ts + 1)
            || c.ts > 0 && lexicon::CURRENCY_WORD_SET.has(w.word(c.ts - 1)) && digit_at(c.ts);
        if c.kind != EntityKind::Place && amount
            || org
                && c.te - c.ts == 1
                && lexicon::is_demonym(w.word(c.ts))
                && w.word(c.ts).chars().any(char::is_lowercase)
        {
            out.push((i, EntityKind::Misc, 2 * STRONG));
            continue;
        }
        // "Acme's (ACMX) shares": a stock ticker in brackets after a
        // possessive names no entity of its own.
        let bracketed =
            c.ts >= 2 && c.te < w.len() && w.word(c.ts - 1) == "(" && w.word(c.te) == ")";
        if bracketed
            && c.te - c.ts == 1
            && is_possessive(w.word(c.ts - 2))
            && w.word(c.ts).chars().all(|ch| ch.is_ascii_uppercase())
            && !abbreviates_words_before(w, c.ts - 2, w.word(c.ts))
        {
            // One cue's weight: an acronym the text misspells the name of,
            // and uses again, stays a name.
            out.push((i, EntityKind::Misc, STRONG));
            continue;
        }
        // "a show entitled (The) X": a title of a work.
        let mut b = c.ts;
        if b > 0 && matches!(w.word(b - 1), "the" | "The") {
            b -= 1;
        }
        if b > 0 && matches!(w.word(b - 1), "entitled" | "titled") {
            out.push((i, EntityKind::Misc, 2 * STRONG));
            continue;
        }
        // "our Youth & Welfare Director": words of a job title between a
        // possessive and the post, not an organization.
        if org
            && c.ts > 0
            && c.te < w.len()
            && matches!(
                w.word(c.ts - 1),
                "our" | "his" | "her" | "their" | "its" | "my" | "your"
            )
            && is_capitalized(w.word(c.te))
            && lexicon::is_role_noun(&norm_word(w.word(c.te)))
        {
            out.push((i, EntityKind::Misc, 2 * STRONG));
            continue;
        }
        // "London-based X", "state-owned X"; not "Kest-listed Varnian
        // depositary receipts": a demonym is an adjective.
        if c.ts > 0
            && lexicon::is_company_modifier(w.word(c.ts - 1))
            && !(c.te - c.ts == 1 && lexicon::is_demonym(w.word(c.ts)))
        {
            out.push((i, EntityKind::Organization, 2 * STRONG));
            continue;
        }
        if c.kind == EntityKind::Organization {
            continue;
        }
        // "the Kest Premier League", "the Varn Football Association": a
        // name the tagger called miscellaneous that ends in an
        // organization's head word is an organization (leagues, unions).
        if c.kind == EntityKind::Misc && c.te - c.ts > 1 && lexicon::is_org_suffix(w.word(c.te - 1))
        {
            out.push((i, EntityKind::Organization, STRONG));
            continue;
        }
        // "X shareholders", "X's shares", "X stock": what a company has,
        // whatever the tagger made of the name.
        let mut after = c.te;
        if after < w.len() && matches!(w.word(after), "'s" | "\u{2019}s") {
            after += 1;
        }
        // (A place's shares are its market's: "Tokyo shares fell".)
        if c.kind == EntityKind::Person
            && after < w.len()
            && w.same_sentence(c.ts, after)
            && matches!(
                w.word(after),
                "shares" | "shareholders" | "stock" | "stockholders" | "subsidiary"
            )
        {
            out.push((i, EntityKind::Organization, STRONG));
            continue;
        }
        // "firm X", "band the X", "the mill, X,".
        let mut before = c.ts;
        if before > 0 && matches!(w.word(before - 1), "the" | "The" | ",") {
            before -= 1;
        }
        if before > 0 && lexicon::ORG_NOUN_SET.has(w.word(before - 1)) {
            // "the deputy leader of the Kest party, Ola Brandt,": the name
            // after the comma is the role's holder, not the organization.
            let comma = w.word(before) == ",";
            let floor = w.sentence_first(c.ts);
            let holder = comma
                && (floor..before - 1).rev().take(6).any(|t| {
                    w.word(t) == "of" && t > floor && {
                        // "leader", "secretary-general", "Secretary-General".
                        let role = norm_word(w.word(t - 1));
                        lexicon::is_role_noun(&role)
                            || lexicon::OFFICE_SET.has_folded(&role)
                            || role.split('-').next().is_some_and(lexicon::is_role_noun)
                    }
                });
            if holder {
                out.push((i, EntityKind::Person, STRONG));
            } else {
                out.push((i, EntityKind::Organization, 2 * STRONG));
            }
            continue;
        }
        // "the film X": a title of a work.
        if c.ts > 0 && lexicon::WORK_NOUN_SET.has(w.word(c.ts - 1)) {
            out.push((i, EntityKind::Misc, 2 * STRONG));
            continue;
        }
        // "spokesman for X", "head of the X"; "MP for X" is a place.
        if before >= 2 && matches!(w.word(before - 1), "of" | "for" | "at") {
            let role = norm_word(w.word(before - 2));
            if lexicon::PLACE_ROLE_SET.has(&role) {
                if c.kind == EntityKind::Person {
                    out.push((i, EntityKind::Place, STRONG));
                }
                continue;
            }
            if lexicon::MEMBER_NOUN_SET.has(&role)
                || lexicon::is_role_noun(&role) && c.kind == EntityKind::Person
            {
                out.push((i, EntityKind::Organization, STRONG));
                continue;
            }
        }
    }
    // "groups such as X, Y and Z", "firms like X"; "songs including X".
    for i in 0..w.len() {
        let word = w.word(i);
        let kind = if lexicon::ORG_PLURAL_SET.has(word) {
            EntityKind::Organization
        } else if lexicon::WORK_NOUN_SET.has(word) {
            EntityKind::Misc
        } else {
            continue;
        };
        let end = w.sentence_end(i);
        let mut j = i + 1;
        while j < end && is_dash(w.word(j)) {
            j += 1;
        }
        match (w.word(j.min(end - 1)), w.word((j + 1).min(end - 1))) {
            ("like" | "including", _) => j += 1,
            ("such", "as") => j += 2,
            _ => continue,
        }
        while j < end {
            let Some(o) = cover.at(j) else {
                break;
            };
            // An explicit statement of kind outweighs the tagger's guesses,
            // which repeat one another on every mention of the form.
            out.push((o, kind, 2 * STRONG));
            j = cands[o].te;
            if j < end && matches!(w.word(j), "," | "and" | "or") {
                j += 1;
            }
            if j < end && matches!(w.word(j), "and" | "or") {
                j += 1;
            }
        }
    }
    // "X analyst Jane Doe": X is where Jane Doe works.
    for c in cands.iter().filter(|c| c.kind == EntityKind::Person) {
        if let Some(p) = role_start(w, c.ts) {
            if let Some(o) = cover.at(p - 1) {
                let other = cands[o];
                let misc_name = other.kind == EntityKind::Misc
                    && !(other.ts..other.te).any(|t| lexicon::is_demonym(w.word(t)));
                if other.kind == EntityKind::Person || misc_name {
                    out.push((o, EntityKind::Organization, STRONG));
                }
            }
        }
    }
    out
}
