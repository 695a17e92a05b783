//! Step 1: the recognizer's mentions as clean token ranges.

use crate::names::{capitals, is_all_caps, norm_word, norm_word_in};
use crate::titles::title_len_at;
use crate::words::{is_capitalized, is_possessive, is_punct, Cand, Words};
use newsparse_core::{EntityKind, EntityMention};
use newsparse_lang::lexicon;

/// A parenthesized acronym and the name it abbreviates, as candidate indices
/// `(acronym, expansion)`.
pub type AcronymLink = (usize, usize);

pub fn clean(w: &Words, mentions: &[EntityMention]) -> (Vec<Cand>, Vec<AcronymLink>) {
    let common = common_noun_acronyms(w);
    let mut cands: Vec<Cand> = mentions
        .iter()
        .filter_map(|m| trim(w, m))
        .filter_map(|c| without_acronyms(w, c, &common))
        .collect();
    cands.sort_by_key(|c| (c.ts, std::cmp::Reverse(c.te)));
    // Keep the mentions in text order without overlaps.
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        if kept.last().is_none_or(|k| k.te <= c.ts) {
            kept.push(c);
        }
    }
    let mut cands = split_coordinated(w, extend(w, kept));
    spelled_by_acronyms(w, &mut cands);
    let found = crate::cues::new_orgs(w, &cands);
    if !found.is_empty() {
        cands.extend(found);
        cands.sort_by_key(|c| c.ts);
    }
    let links = link_acronyms(w, &mut cands);
    (cands, links)
}

/// "Kel-Varo in the Northern Reach" where the recognizer stopped at
/// "Kel-Varo": an organization runs on over "in/of/for (the) X Y" when an
/// acronym the article uses spells the whole ("KVNR") and not the part.
/// Whatever mention the words after it had joins it.
fn spelled_by_acronyms(w: &Words, cands: &mut Vec<Cand>) {
    // The article's acronyms, gathered (a scan of every token) only when an
    // organization is followed by "in", "of" or "for": few are.
    let mut acronyms: Option<Vec<&str>> = None;
    let mut i = 0;
    while i < cands.len() {
        let c = cands[i];
        i += 1;
        if c.kind != EntityKind::Organization {
            continue;
        }
        let end = w.sentence_end(c.ts);
        let mut t = c.te;
        if t >= end || !matches!(w.word(t), "in" | "of" | "for") {
            continue;
        }
        t += 1;
        if t < end && w.word(t) == "the" {
            t += 1;
        }
        let acronyms = acronyms.get_or_insert_with(|| {
            (0..w.len())
                .map(|t| w.word(t))
                // Fewer than three bytes is fewer than three characters:
                // punctuation and short words go first. The capitals test
                // next: it turns a lowercase word away at its first letter,
                // while counting characters reads the whole word.
                .filter(|x| x.len() >= 3 && is_all_caps(x) && x.chars().count() >= 3)
                .collect()
        });
        if acronyms.is_empty() {
            continue;
        }
        let own = capitals(&w.words(c.ts, c.te));
        let mut best = None;
        while t < end && t - c.te <= 5 && is_capitalized(w.word(t)) {
            t += 1;
            let whole = capitals(&w.words(c.ts, t));
            if whole != own && acronyms.contains(&whole.as_str()) {
                best = Some(t);
            }
        }
        if let Some(te) = best {
            cands[i - 1].te = te;
            while i < cands.len() && cands[i].ts < te {
                cands.remove(i);
            }
        }
    }
}

/// Acronyms the article defines for ordinary nouns: "next generation
/// products (NGP)", "vaccination centres (VCX)" — a bracketed capitals word
/// right after a lowercase noun that is not a kind of organization (not
/// "the ministry (MOH)", "the party (KDP)").
fn common_noun_acronyms<'d>(w: &Words<'d>) -> Vec<&'d str> {
    let mut out = Vec::new();
    for i in 1..w.len().saturating_sub(2) {
        // The bracket first: most tokens are not one.
        if w.word(i) != "(" {
            continue;
        }
        let (before, acr) = (w.word(i - 1), w.word(i + 1));
        if w.word(i + 2) != ")"
            || !is_all_caps(acr)
            || acr.chars().count() < 2
            || !before.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            || lexicon::CLOSED_CLASS_SET.has(before)
            || is_kind_of_organization(before)
            || out.contains(&acr)
            // "the existing (XN) Security Council": the capitals name what
            // follows them.
            || i + 3 < w.len() && is_capitalized(w.word(i + 3))
        {
            continue;
        }
        out.push(acr);
    }
    out
}

fn is_kind_of_organization(noun: &str) -> bool {
    let mut capitalized = noun.to_string();
    if let Some(first) = capitalized.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    lexicon::ORG_NOUN_SET.has(noun)
        || lexicon::ORG_PLURAL_SET.has(noun)
        || lexicon::is_org_suffix(&capitalized)
        || lexicon::is_org_suffix(capitalized.trim_end_matches('s'))
        || matches!(
            noun,
            "government"
                | "police"
                | "court"
                | "opposition"
                | "rebels"
                | "army"
                | "military"
                | "body"
                | "bodies"
                | "service"
                | "office"
                | "team"
                | "side"
                | "administration"
                | "coalition"
                | "exchange"
        )
}

/// A mention without the article's common-noun acronyms at either end
/// ("Kest Stadium VCX" → "Kest Stadium"); none if that is all it was.
fn without_acronyms(w: &Words, mut c: Cand, common: &[&str]) -> Option<Cand> {
    while c.te > c.ts && common.contains(&w.word(c.te - 1)) {
        c.te -= 1;
    }
    while c.ts < c.te && common.contains(&w.word(c.ts)) {
        c.ts += 1;
    }
    (c.ts < c.te).then_some(c)
}

fn trim(w: &Words, m: &EntityMention) -> Option<Cand> {
    let (mut ts, mut te) = w.tokens_of(m.span)?;
    while te > ts && (is_possessive(w.word(te - 1)) || is_punct(w.word(te - 1))) {
        te -= 1;
    }
    while ts < te && is_punct(w.word(ts)) {
        ts += 1;
    }
    // "London-based Acme": the modifier is not part of the name, and marks
    // an organization.
    let mut kind = m.kind;
    if te - ts > 1 && lexicon::is_company_modifier(w.word(ts)) {
        ts += 1;
        kind = EntityKind::Organization;
    }
    // "US TV", "PC": an ordinary-noun acronym at either end is not part of
    // a name.
    while te > ts && lexicon::is_common_acronym(w.word(te - 1)) {
        te -= 1;
    }
    while ts < te && lexicon::is_common_acronym(w.word(ts)) {
        ts += 1;
    }
    if ts >= te || te - ts == 1 && lexicon::is_party_designation(w.word(ts)) {
        return None;
    }
    // "Prime Minister" or "Ayatollah" alone is a title, not a name.
    if title_len_at(w, ts, te) == Some(te - ts) {
        return None;
    }
    if kind == EntityKind::Person {
        if te - ts > 1 && lexicon::is_postnominal(w.word(te - 1)) {
            te -= 1;
        }
        // Titles are read from the context, never part of the name.
        while let Some(n) = title_len_at(w, ts, te) {
            if ts + n >= te || !is_capitalized(w.word(ts + n)) {
                break;
            }
            ts += n;
        }
    } else {
        if te - ts > 1 && matches!(w.word(ts), "the" | "The") {
            ts += 1;
        }
        // "Former Acme Corp chief": the time of a role is not part of a name.
        if te - ts > 1 && is_time_of_role(w.word(ts)) {
            ts += 1;
        }
        if title_len_at(w, ts, te) == Some(te - ts) {
            return None;
        }
    }
    let has_upper = (ts..te).any(|i| w.word(i).chars().any(|c| c.is_uppercase()));
    has_upper.then_some(Cand { kind, ts, te })
}

/// "Acme Bank and Brill": two names the recognizer ran together. A
/// non-person name with "and" inside is split there when the part before it
/// (two words or more) ends in an organization suffix and the part after it
/// does not, or when either part is a name of its own
/// elsewhere in the article ("the Greens and the Reds … the Reds said");
/// otherwise it stays one name ("Marks and Spencer", "Trade and Industry").
fn split_coordinated(w: &Words, cands: Vec<Cand>) -> Vec<Cand> {
    let forms: Vec<&str> = cands.iter().map(|c| w.surface(c.ts, c.te)).collect();
    let mut out = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        let and = (c.ts + 1..c.te.saturating_sub(1)).find(|&k| w.word(k) == "and");
        let split = and.filter(|&k| {
            let (left, right) = (w.surface(c.ts, k), w.surface(k + 1, c.te));
            let named_elsewhere =
                |part: &str| forms.iter().enumerate().any(|(j, f)| j != i && *f == part);
            // "Acme Bank and Brill" splits; "Securities and Exchange
            // Commission", "Investors Bank and Trust" do not.
            let suffix_pair = k - c.ts >= 2
                && lexicon::is_org_suffix(w.word(k - 1))
                && !lexicon::is_org_suffix(w.word(c.te - 1));
            // "Department for Work and Pensions": nouns joined inside one
            // name after "of" or "for".
            let inner = c.te - k == 2 && (c.ts..k).any(|t| matches!(w.word(t), "of" | "for"));
            // "Doe and Associates" is one firm.
            let firm = c.te - k == 2 && lexicon::FIRM_PARTNER_SET.has(w.word(k + 1));
            c.kind != EntityKind::Person
                && !inner
                && !firm
                && is_capitalized(w.word(k + 1))
                && (suffix_pair || named_elsewhere(left) || named_elsewhere(right))
        });
        match split {
            Some(k) => {
                out.push(Cand { te: k, ..*c });
                out.push(Cand { ts: k + 1, ..*c });
            }
            None => out.push(*c),
        }
    }
    out
}

/// Add generational suffixes to person names and suffix words to
/// organization names the recognizer stopped short of; merge a name with an
/// adjacent one that ends in an organization suffix.
fn extend(w: &Words, cands: Vec<Cand>) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut i = 0;
    while i < cands.len() {
        let mut c = cands[i];
        let floor = out
            .last()
            .map_or(0, |p: &Cand| p.te)
            .max(w.sentence_first(c.ts));
        if c.kind != EntityKind::Person {
            c.ts = left_end(w, c.ts, floor);
        } else if c.ts > floor
            && w.word(c.ts - 1) == "Sunday"
            && newspaper_sunday(w, c.ts - 1, floor)
        {
            c.ts -= 1;
        }
        // "Eastham MP (Jo Doe)", "Acme chief Jo Doe": the office is not
        // part of the name.
        if c.kind != EntityKind::Person && c.te - c.ts > 1 {
            let last = w.word(c.te - 1);
            let next_is_person = cands
                .get(i + 1)
                .is_some_and(|n| n.ts == c.te && n.kind == EntityKind::Person);
            if lexicon::is_postnominal(last)
                || next_is_person && lexicon::is_role_noun(&norm_word(last))
            {
                c.te -= 1;
            }
        }
        // "Doe and Associates", "Roe & Sons": the founder's name and the
        // partners are one firm, whatever the name alone was taken for.
        let first = w.sentence_first(c.ts);
        if c.te - c.ts == 1
            && c.ts >= first + 2
            && lexicon::FIRM_PARTNER_SET.has(w.word(c.ts))
            && matches!(w.word(c.ts - 1), "and" | "&")
            && is_capitalized(w.word(c.ts - 2))
            && !lexicon::CLOSED_CLASS_SET.has(&norm_word_in(w.word(c.ts - 2), &mut [0u8; 32]))
        {
            c.ts -= 2;
            c.kind = EntityKind::Organization;
            if out.last().is_some_and(|p: &Cand| p.te == c.ts + 1) {
                c.ts = out.pop().map_or(c.ts, |p| p.ts);
            }
        }
        let sentence_end = w.sentence_end(c.ts);
        if c.te + 1 < sentence_end
            && matches!(w.word(c.te), "and" | "&")
            && lexicon::FIRM_PARTNER_SET.has(w.word(c.te + 1))
        {
            let partners = c.te + 1;
            c.te = partners + 1;
            c.kind = EntityKind::Organization;
            if cands.get(i + 1).is_some_and(|n| n.ts == partners) {
                i += 1;
            }
            out.push(c);
            i += 1;
            continue;
        }
        let limit = cands.get(i + 1).map_or(w.len(), |n| n.ts);
        let sentence_end = sentence_end.min(limit);
        if c.kind == EntityKind::Person
            && c.te < sentence_end
            && lexicon::is_name_suffix(w.word(c.te))
        {
            c.te += 1;
        } else if let Some(end) = suffix_end(w, c.te, sentence_end) {
            c.te = end;
            c.kind = EntityKind::Organization;
        } else if c.kind == EntityKind::Organization && channel_number(w, c.te, sentence_end) {
            c.te += 1;
        } else if let Some(next) = cands.get(i + 1) {
            let ends_in_suffix = lexicon::is_org_suffix(w.word(next.te - 1));
            if next.ts == c.te
                && w.same_sentence(c.ts, next.ts)
                && c.kind != EntityKind::Person
                && next.kind != EntityKind::Person
                && ends_in_suffix
            {
                c.te = next.te;
                c.kind = EntityKind::Organization;
                i += 1;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// "Former", "Outgoing": a capitalized word that dates a role, printed
/// before the organization the role is in.
fn is_time_of_role(word: &str) -> bool {
    matches!(word, "Former" | "Outgoing" | "Incoming" | "Interim" | "Ex")
}

/// Where a name that starts at `ts` really starts: the recognizer often
/// leaves out a capitalized word before an organization ("Liberal" +
/// "Democrat", "Sunday" + "Telegraph"). Not before `floor`, not over a
/// common word opening the sentence, a date word or a title.
fn left_end(w: &Words, ts: usize, floor: usize) -> usize {
    let mut s = ts;
    while s > floor && ts - s < 2 {
        let word = w.word(s - 1);
        let sunday = word == "Sunday" && newspaper_sunday(w, s - 1, floor);
        let fits = is_capitalized(word)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '&')
            && !lexicon::CLOSED_CLASS_SET.has(&norm_word_in(word, &mut [0u8; 32]))
            && (!lexicon::is_calendar_word(word) || sunday)
            && !lexicon::is_demonym(word)
            && !lexicon::OFFICE_SET.has(word)
            && !lexicon::HONORIFIC_SET.has(word)
            && !lexicon::is_company_modifier(word)
            && !is_time_of_role(word)
            && !(s - 1 == w.sentence_first(ts) && w.is_common_word(word));
        if !fits {
            break;
        }
        s -= 1;
    }
    s
}

/// Whether the "Sunday" at `at` names a newspaper rather than a day: not
/// after "on", "last", "until"…
fn newspaper_sunday(w: &Words, at: usize, floor: usize) -> bool {
    at == floor
        || !matches!(
            &*norm_word(w.word(at - 1)),
            "on" | "until"
                | "till"
                | "since"
                | "last"
                | "next"
                | "this"
                | "every"
                | "each"
                | "before"
                | "after"
                | "late"
                | "early"
        )
}

/// "Radio 4", "News 24": a one- or two-digit number after an organization
/// name, not a score ("Rovers 2 Athletic 1").
fn channel_number(w: &Words, at: usize, limit: usize) -> bool {
    let is_small_number = |x: &str| x.len() <= 2 && x.bytes().all(|b| b.is_ascii_digit());
    at < limit
        && is_small_number(w.word(at))
        && (at + 1 == limit || {
            let next = w.word(at + 1);
            !is_capitalized(next) && !is_small_number(next) && next != "-"
        })
}

/// The end of an organization suffix that follows a name at `from`: up to two
/// capitalized words and then a suffix word ("Workers Party").
fn suffix_end(w: &Words, from: usize, limit: usize) -> Option<usize> {
    let mut j = from;
    while j < limit && j < from + 3 {
        let word = w.word(j);
        if !is_capitalized(word) || is_all_caps(word) && word.len() > 4 {
            return None;
        }
        if lexicon::is_org_suffix(word) {
            return Some(j + 1);
        }
        if title_len_at(w, j, limit).is_some() {
            return None;
        }
        j += 1;
    }
    None
}

/// After the vote: a name the recognizer took for a person and the vote
/// made an organization ("Kestrel Vanto (KSTV)") links the organization in
/// brackets right after it, as `link_acronyms` links one tagged so from
/// the start. Returns the new links.
pub fn link_voted_acronyms(w: &Words, cands: &[Cand], links: &mut Vec<AcronymLink>) {
    for i in 0..cands.len().saturating_sub(1) {
        let (c, n) = (cands[i], cands[i + 1]);
        if c.kind != EntityKind::Organization
            || n.kind != EntityKind::Organization
            || n.ts != c.te + 1
            || n.te != n.ts + 1
            || n.te >= w.len()
            || w.word(c.te) != "("
            || w.word(n.te) != ")"
            || !is_all_caps(w.word(n.ts))
            || links.iter().any(|&(a, _)| a == i + 1)
        {
            continue;
        }
        links.push((i + 1, i));
    }
}

/// "Some Long Name (SLN)": the acronym in brackets becomes a mention of the
/// same kind, linked to the name.
fn link_acronyms(w: &Words, cands: &mut Vec<Cand>) -> Vec<AcronymLink> {
    let mut links = Vec::new();
    let mut added = Vec::new();
    for i in 0..cands.len() {
        let c = cands[i];
        if !matches!(c.kind, EntityKind::Organization | EntityKind::Place) {
            continue;
        }
        let (open, acr, close) = (c.te, c.te + 1, c.te + 2);
        if close >= w.len()
            || w.word(open) != "("
            || w.word(close) != ")"
            || !is_all_caps(w.word(acr))
            || !w.same_sentence(c.ts, close)
        {
            continue;
        }
        match cands.get(i + 1) {
            Some(n) if n.ts == acr && n.te == acr + 1 => {
                cands[i + 1].kind = c.kind;
                links.push((i + 1, i));
            }
            Some(n) if n.ts <= acr => {}
            _ => added.push((
                Cand {
                    kind: c.kind,
                    ts: acr,
                    te: acr + 1,
                },
                i,
            )),
        }
    }
    for (cand, full) in added {
        links.push((cands.len(), full));
        cands.push(cand);
    }
    if !links.is_empty() {
        // Keep text order; remap the links through the sort.
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&k| cands[k].ts);
        let mut new_index = vec![0; cands.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        *cands = order.iter().map(|&k| cands[k]).collect();
        for l in &mut links {
            *l = (new_index[l.0], new_index[l.1]);
        }
    }
    links
}
