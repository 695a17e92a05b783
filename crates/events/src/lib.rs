//! Events and time stage: ACE 2005 events with participants, place and date.
//!
//! Per sentence of the `Doc`: time expressions (`time`), then triggers from
//! the lexicon (`lexicon`) checked against their context, then the clause
//! around each trigger for participants, place and the nearest resolved date
//! (`detect`: who stands before it and who after, past relative clauses and
//! appositions, each role read from that side and the preposition before
//! the name); a verb or adjective trigger left with nobody while a person
//! or an organization is named before it gets its subject from the
//! sentence's dependency tree, and where the clause names two places or the
//! sentence dates of two values, the tree picks the trigger's own (`tree`:
//! parsed only where asked); last, an event whose
//! sentence names nobody for its main part shares the one the article's
//! other events of its kind name (`chain`).
//! Relative dates are read against the article's reference date
//! (`time::reference_date`); with none they stay unresolved. Photo captions
//! are read through the same tokenizer (`newsparse_lang::segment_span`).
//!
//! Callers need only [`analyze`]; the modules are this stage's own.

mod chain;
mod detect;
mod families;
mod lexicon;
mod time;
mod tree;
mod words;

use detect::{SentenceView, WordMention};
use newsparse_core::date::Date;
use newsparse_core::{
    ByteSpan, Doc, EntityKind, EventFound, EventsFound, FoundEntity, Layout, PartialDate,
    QuoteFound, TimeFound,
};
use newsparse_lang::chars::is_space;
use newsparse_lang::lexicon::WordSet;
use time::TimeMention;
use words::{sentence_words, span_words, Word};

/// Words that, present at least twice in an article, show it is about a
/// company changing hands (so a "bid" or an "offer" is one for a company).
const TAKEOVER_WORDS: &[&str] = &[
    "takeover",
    "takeovers",
    "acquisition",
    "acquire",
    "acquired",
    "buyout",
    "merger",
    "shareholders",
    "shareholder",
    "stake",
    "bidder",
    "bidders",
    "privatisation",
    "privatization",
    "buy",
    "bought",
    "per",
    "tender",
];

static TAKEOVER_WORD_SET: WordSet = WordSet::new(TAKEOVER_WORDS);
static JUSTICE_SET: WordSet = WordSet::new(lexicon::JUSTICE);

/// Openings that carry the time of the sentence before ("At that stage he…").
const CARRY_OPENERS: &[&[&str]] = &[
    &["at", "that", "stage"],
    &["at", "that", "time"],
    &["at", "that", "point"],
    &["at", "the", "time"],
    &["then"],
    &["that", "day"],
    &["that", "night"],
    &["the", "next", "day"],
    &["the", "following", "day"],
    &["later", "that"],
    &["during", "the", "visit"],
    &["during", "that"],
];

/// Prepositions that put a place name as the scene of an event.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "at", "to", "near", "outside", "inside", "into", "from", "across", "on", "off",
];

/// Find time expressions and events in the document.
///
/// `quotes` (from the quotes stage) let a first-person "I" inside a quote
/// stand for the quote's speaker.
pub fn analyze(
    doc: &Doc,
    layout: &Layout,
    entities: &[FoundEntity],
    quotes: &[QuoteFound],
) -> EventsFound {
    let words: Vec<Vec<Word>> = (0..doc.sentences.len())
        .map(|s| sentence_words(doc, s))
        .collect();
    let times: Vec<Vec<TimeMention>> = words.iter().map(|w| time::find(w)).collect();
    let all_times: Vec<TimeMention> = times.iter().flatten().cloned().collect();
    let reference = time::reference_date(layout, &all_times);

    // Every mention, in text order, with its entity.
    let mut mentions: Vec<(ByteSpan, EntityKind, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, e.kind, i)))
        .collect();
    mentions.sort_by_key(|m| (m.0.start, m.0.end));

    let takeover = words
        .iter()
        .flatten()
        .filter(|w| TAKEOVER_WORD_SET.has(&w.lower))
        .count()
        >= 2;

    let court = words
        .iter()
        .flatten()
        .filter(|w| JUSTICE_SET.has(&w.lower))
        .count()
        >= 3;

    // Quotes whose speaker is one of the entities: (quoted span, entity).
    let quote_speakers: Vec<(ByteSpan, usize)> = quotes
        .iter()
        .filter_map(|q| {
            let id = q.speaker.as_ref()?.entity.as_ref()?;
            Some((q.span, entities.iter().position(|e| &e.id == id)?))
        })
        .collect();

    let mut events: Vec<EventFound> = Vec::new();
    // How each event is told, for `chain::share`.
    let mut tellings: Vec<chain::Telling> = Vec::new();
    let mut recent_people: Vec<usize> = Vec::new();
    let mut last_subject: Option<usize> = None;
    let mut recent_orgs: Vec<usize> = Vec::new();
    let mut mention_counts = vec![0usize; entities.len()];
    let mut previous_times: Vec<TimeFound> = Vec::new();
    // The last year the text named, and in which sentence: "two years
    // later" counts from one named in its sentence or the one before.
    let mut last_year: Option<(i32, usize)> = None;
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let ws = &words[s];
        let sm = sentence_mentions(&mentions, sentence.span, ws);
        // (first word, end word, the date)
        let resolved: Vec<(usize, usize, TimeFound)> = times[s]
            .iter()
            .filter_map(|m| {
                let value = match m.kind {
                    time::TimeKind::YearsLater(k) => {
                        let (y, _) = last_year.filter(|&(_, at)| s - at <= 1)?;
                        PartialDate::from_ymd(y + k, None, None)
                    }
                    kind => time::resolve(kind, m.tense, reference),
                }?;
                let year = match value {
                    PartialDate::Year(y) | PartialDate::Month(y, _) => y,
                    PartialDate::Day(d) => d.year(),
                };
                last_year = Some((year, s));
                Some((
                    m.words.start,
                    m.words.end,
                    TimeFound {
                        span: m.span,
                        value,
                    },
                ))
            })
            .collect();
        let carried = carries_time(ws)
            .then(|| previous_times.last().cloned())
            .flatten();
        let view = SentenceView {
            words: ws,
            mentions: &sm,
            takeover,
            court,
        };
        let triggers = view.triggers();
        // Tagged and parsed at most once (twice if a later trigger needs
        // more words), when a trigger first needs it.
        let mut syntax = tree::Lazy::new(ws, triggers.iter().map(|t| t.end).max().unwrap_or(0));
        for t in triggers {
            let clause = detect::clause(&view, &t);
            let passive = detect::is_passive(&view, &t) || clause.resultative;
            let mut found = detect::participants(&view, &t, &clause);
            let mut reference =
                detect::resolve_reference(&view, &clause, entities, &recent_people, last_subject);
            if t.entry.frame == lexicon::Frame::Intransitive {
                // One subject undergoes it: the nearest name or pronoun before it.
                let pronoun = reference.filter(|r| r.1 < t.start).map(|r| r.1);
                let nearest = found.iter().filter(|f| f.before).map(|f| f.at).max();
                let keep = match (nearest, pronoun) {
                    (Some(n), Some(p)) if p > n => None,
                    (n, _) => n,
                };
                found.retain(|f| !f.before || Some(f.at) == keep);
                if keep.is_some() && pronoun.is_some() {
                    reference = None;
                }
            }
            // "X joined the bank, and was named chairman": X, when the
            // clause itself names nobody before the trigger.
            let shared = if found.iter().any(|f| f.before) || reference.is_some() {
                None
            } else {
                detect::shared_subject(&view, &t, &clause)
            };
            // People on the predecessor's side of "succeeded", "took over
            // from" (or the successor's, for the one leaving) stay out.
            let succession = detect::succession_side(&view, &t);
            let other_side = |kind: EntityKind, at: usize| {
                kind == EntityKind::Person && succession == Some(at >= t.end)
            };
            let mut participants: Vec<(String, String)> = Vec::new();
            // "X agreed a takeover by Y", "X suffered an attack by Y": with
            // the noun's doer after "by", the subject before undergoes it.
            let undergoes = detect::is_nominal(&view, &t)
                && found.iter().any(|f| !f.before && f.preposition == "by")
                || detect::undergoes_justice(&view, &clause, &t);
            for f in found {
                if other_side(entities[f.entity].kind, f.at) {
                    continue;
                }
                let e = &entities[f.entity];
                let before = f.before && !undergoes;
                let role = detect::role(t.entry, e.kind, before, passive, f.preposition);
                participants.push((e.id.clone(), role.to_string()));
            }
            // Participants found beyond the clause's own names, each with
            // the word index that stands for it; an entity is listed once.
            let extra = [
                reference,
                detect::possessive_owner(&view, &t, last_subject),
                detect::quoted_first_person(&view, &clause, &quote_speakers),
                detect::conference_speaker(&view, &t, &quote_speakers, last_subject),
                detect::resolve_org_description(
                    &view,
                    &clause,
                    entities,
                    &mention_counts,
                    &recent_orgs,
                ),
                detect::claimant(&view, &t),
                detect::addresser(&view, &t),
                detect::reported_it(&view, &t, &clause, entities, &mention_counts, &recent_orgs),
            ];
            let extra = extra.into_iter().flatten().map(|(e, at)| (e, at, passive));
            for (e, at, passive) in extra.chain(shared) {
                let ent = &entities[e];
                if !participants.iter().any(|(id, _)| *id == ent.id) && !other_side(ent.kind, at) {
                    let before = at < t.start && !undergoes;
                    let role = detect::role(t.entry, ent.kind, before, passive, "");
                    participants.push((ent.id.clone(), role.to_string()));
                }
            }
            // Nobody found by word order, yet a person or an organization
            // named before the trigger: its subject, if the tree says so.
            let named_before = |m: &WordMention| {
                matches!(m.kind, EntityKind::Person | EntityKind::Organization) && m.end <= t.start
            };
            if participants.is_empty()
                && sm.iter().any(named_before)
                && syntax.is_predicate(t.start, t.end)
            {
                for a in syntax.subjects(&sm, t.start, t.end) {
                    let Some(m) = sm.iter().find(|m| m.start == a.at && named_before(m)) else {
                        continue;
                    };
                    let ent = &entities[m.entity];
                    let role = detect::role(t.entry, ent.kind, !undergoes, a.passive, "");
                    // Only a person dies, is born, is arrested or takes a post.
                    let personal = matches!(role, "Victim" | "Person");
                    if (personal && ent.kind != EntityKind::Person)
                        || participants.iter().any(|(id, _)| *id == ent.id)
                        || other_side(ent.kind, a.at)
                    {
                        continue;
                    }
                    participants.push((ent.id.clone(), role.to_string()));
                }
            }
            let place = hung_place(&view, &clause, &mut syntax, &t, entities)
                .or_else(|| event_place(&view, &clause, entities));
            // The date phrase of the trigger's own clause, else the nearest
            // in the sentence, else one carried from the sentence before.
            // A date with "and", "but" or a semicolon between it and the
            // trigger belongs to the other half ("moved there in 1975 and
            // was appointed in 1987"): the nearest date of the trigger's
            // own half first.
            let other_half = |at: usize| {
                let (a, b) = match at {
                    at if at < t.start => (at, t.start),
                    at if at >= t.end => (t.end, at),
                    _ => return false,
                };
                ws[a..b]
                    .iter()
                    .any(|w| matches!(w.lower.as_ref(), "and" | "but" | ";"))
            };
            let nearest = |inside: bool| {
                resolved
                    .iter()
                    .filter(|(at, _, _)| !inside || (clause.start..clause.end).contains(at))
                    .min_by_key(|(at, _, _)| (other_half(*at), at.abs_diff(t.start)))
                    .map(|(_, _, tf)| tf.clone())
            };
            // Told again without a date ("as he was sentenced"): the date of
            // the same kind of event with the same participant told before,
            // for what happens to a person once (a death, a sentence, leaving
            // a post), not what recurs (a sale, a meeting, a trial).
            let once = matches!(
                t.entry.event_type,
                "Life.Die"
                    | "Life.Be-Born"
                    | "Justice.Sentence"
                    | "Justice.Convict"
                    | "Justice.Acquit"
                    | "Justice.Execute"
                    | "Personnel.End-Position"
            ) && !(t.start > 0 && ws[t.start - 1].lower == "to"); // not "to quit"
            let is_person = |id: &str| {
                entities
                    .iter()
                    .any(|e| e.id == id && e.kind == EntityKind::Person)
            };
            let retold = || {
                if !once {
                    return None;
                }
                events
                    .iter()
                    .rev()
                    .filter(|e| e.event_type == t.entry.event_type && e.time.is_some())
                    .find(|e| {
                        e.participants.iter().any(|(id, _)| {
                            participants.iter().any(|(p, _)| p == id) && is_person(id)
                        })
                    })
                    .and_then(|e| e.time.clone())
            };
            let time = hung_time(&resolved, &mut syntax, &t)
                .or_else(|| nearest(true))
                .or_else(|| nearest(false))
                .or_else(|| carried.clone())
                .or_else(retold);
            tellings.push(chain::Telling {
                definite: detect::is_definite_noun(&view, &t),
                of_group: detect::tells_of_group(&view, &clause, &t),
            });
            events.push(EventFound {
                event_type: t.entry.event_type,
                trigger: ByteSpan::new(ws[t.start].span.start, ws[t.end - 1].span.end),
                sentence: sentence.span,
                participants,
                place,
                time,
            });
        }
        if let Some(first) = sm.iter().find(|m| m.kind == EntityKind::Person) {
            last_subject = Some(first.entity);
        }
        for m in &sm {
            mention_counts[m.entity] += 1;
            if m.kind == EntityKind::Organization {
                recent_orgs.retain(|&e| e != m.entity);
                recent_orgs.push(m.entity);
            }
            if m.kind == EntityKind::Person {
                recent_people.retain(|&e| e != m.entity);
                recent_people.push(m.entity);
            }
        }
        if !resolved.is_empty() {
            previous_times = resolved.into_iter().map(|(_, _, t)| t).collect();
        } else if carried.is_none() {
            previous_times.clear();
        }
    }

    chain::share(&mut events, &tellings, entities);

    let mut warnings = Vec::new();
    let photo_dates = layout
        .photos
        .iter()
        .map(|p| caption_date(doc.text, p.caption, reference, &mut warnings))
        .collect();
    let photo_places = layout
        .photos
        .iter()
        .map(|p| caption_place(doc.text, p.caption, &mentions, entities))
        .collect();
    EventsFound {
        events,
        photo_dates,
        photo_places,
        warnings,
    }
}

/// The mentions inside a sentence, as word ranges.
fn sentence_mentions(
    mentions: &[(ByteSpan, EntityKind, usize)],
    span: ByteSpan,
    ws: &[Word],
) -> Vec<WordMention> {
    let first = mentions.partition_point(|m| m.0.start < span.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.0.start < span.end)
        .filter(|m| m.0.end <= span.end)
        .filter_map(|&(ms, kind, entity)| {
            let start = ws.partition_point(|w| w.span.start < ms.start);
            let end = ws.partition_point(|w| w.span.start < ms.end);
            (start < end).then_some(WordMention {
                start,
                end,
                kind,
                entity,
            })
        })
        .collect()
}

fn carries_time(ws: &[Word]) -> bool {
    // An opening quote mark does not count.
    let first = ws.iter().position(|w| !w.is_punct()).unwrap_or(0);
    let ws = &ws[first..];
    CARRY_OPENERS
        .iter()
        .any(|opener| opener.len() <= ws.len() && opener.iter().zip(ws).all(|(o, w)| *o == w.lower))
}

/// The place of an event: a place named in its clause, preferably after a
/// preposition of location.
fn event_place(
    view: &SentenceView,
    clause: &detect::Clause,
    entities: &[FoundEntity],
) -> Option<(Option<String>, String)> {
    let places: Vec<&WordMention> = view
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place && m.start >= clause.start && m.end <= clause.end)
        .collect();
    let after_preposition = places.iter().find(|m| {
        m.start > 0 && PLACE_PREPOSITIONS.contains(&view.words[m.start - 1].lower.as_ref())
    });
    Some(place_of(
        &entities[after_preposition.or(places.first())?.entity],
    ))
}

/// Where the trigger's clause names more than one place: the place the
/// tree hangs from the trigger as its scene ("attacked in X", "a trial at
/// the court in X"), when exactly one does. (Asking the tree also where
/// the clause names none but the sentence does gave 70 more places on BBC,
/// most right, for twice the words parsed.)
fn hung_place(
    view: &SentenceView,
    clause: &detect::Clause,
    syntax: &mut tree::Lazy,
    t: &detect::Trigger,
    entities: &[FoundEntity],
) -> Option<(Option<String>, String)> {
    let mut in_clause: Vec<usize> = view
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place && m.start >= clause.start && m.end <= clause.end)
        .map(|m| m.entity)
        .collect();
    in_clause.sort_unstable();
    in_clause.dedup();
    if in_clause.len() < 2 {
        return None;
    }
    let mut on: Vec<usize> = view
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place && (m.end <= t.start || m.start >= t.end))
        .filter(|m| syntax.is_scene(m.start, m.end, t.start, t.end))
        .map(|m| m.entity)
        .collect();
    on.sort_unstable();
    on.dedup();
    let [only] = on[..] else {
        return None;
    };
    Some(place_of(&entities[only]))
}

/// Where the sentence has dates of more than one value: the one value the
/// tree hangs from the trigger, if only one does.
fn hung_time(
    resolved: &[(usize, usize, TimeFound)],
    syntax: &mut tree::Lazy,
    t: &detect::Trigger,
) -> Option<TimeFound> {
    if !resolved.windows(2).any(|w| w[0].2.value != w[1].2.value) {
        return None;
    }
    let on: Vec<&TimeFound> = resolved
        .iter()
        .filter(|(a, b, _)| syntax.attaches(*a, *b, t.start, t.end))
        .map(|(_, _, tf)| tf)
        .collect();
    let first = *on.first()?;
    on.iter()
        .all(|tf| tf.value == first.value)
        .then(|| first.clone())
}

/// An event's place as the record holds it: the entity's id and name.
fn place_of(e: &FoundEntity) -> (Option<String>, String) {
    (Some(e.id.clone()), e.name.clone())
}

/// The normalized date a caption states: its first full date, else its first
/// expression with a value. A caption that prints an impossible date
/// ("February 30, 2023") gives none, and a warning says so.
fn caption_date(
    text: &str,
    caption: ByteSpan,
    reference: Option<Date>,
    warnings: &mut Vec<String>,
) -> Option<PartialDate> {
    let ws = span_words(text, caption);
    let found = time::find(&ws);
    if let Some(&time::TimeKind::Impossible { year, month, day }) = found
        .iter()
        .map(|m| &m.kind)
        .find(|k| matches!(k, time::TimeKind::Impossible { .. }))
    {
        let year = year.map_or(String::new(), |y| format!("{y:04}-"));
        warnings.push(format!(
            "impossible date {year}{month:02}-{day:02} in a caption: not used"
        ));
        return None;
    }
    let full = found
        .iter()
        .find(|m| matches!(m.kind, time::TimeKind::Date(_)));
    full.into_iter()
        .chain(found.iter())
        .find_map(|m| time::resolve(m.kind, m.tense, reference))
}

/// The place a caption names: the first place after "in", "at" or "near",
/// else the first place it mentions.
fn caption_place(
    text: &str,
    caption: ByteSpan,
    mentions: &[(ByteSpan, EntityKind, usize)],
    entities: &[FoundEntity],
) -> Option<String> {
    let places: Vec<&(ByteSpan, EntityKind, usize)> = mentions
        .iter()
        .filter(|m| m.1 == EntityKind::Place && caption.contains(m.0))
        .collect();
    let located = places.iter().find(|m| {
        let before = text[caption.start..m.0.start].trim_end_matches(is_space);
        ["in", "at", "near"].iter().any(|p| {
            before
                .strip_suffix(p)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(is_space))
        })
    });
    located
        .or(places.first())
        .map(|m| entities[m.2].name.clone())
}

#[cfg(test)]
mod tests;
