//! Finding events in a sentence: triggers from the lexicon, the context
//! checks that keep precision, and the clause around a trigger that supplies
//! participants, place and time.

use crate::lexicon::{
    by_form, is_org_description, is_place_noun, is_post, may_be_form, Cond, Entry, Frame, HUMAN,
};
use crate::words::Word;
use newsparse_core::ByteSpan;
use newsparse_core::{EntityKind, FoundEntity};
use newsparse_lang::lexicon::{
    is_demonym, DETERMINER_SET, HONORIFIC_SET, PASSIVE_AUXILIARY_SET, PREPOSITION_SET,
    REPORTING_VERB_SET,
};

/// An entity mention inside a sentence, by word indices.
#[derive(Debug, Clone, Copy)]
pub struct WordMention {
    pub start: usize,
    /// Exclusive.
    pub end: usize,
    pub kind: EntityKind,
    /// Index into the article's entities.
    pub entity: usize,
}

/// What the trigger checks need to know about a sentence.
pub struct SentenceView<'a, 't> {
    pub words: &'a [Word<'t>],
    /// In word order.
    pub mentions: &'a [WordMention],
    /// The article talks of a company changing hands.
    pub takeover: bool,
    /// The article is a court story.
    pub court: bool,
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    pub entry: &'static Entry,
    /// Word indices of the trigger (with its particle).
    pub start: usize,
    pub end: usize,
}

impl SentenceView<'_, '_> {
    fn lw(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower.as_ref())
    }

    fn mention_starting_within(&self, from: usize, n: usize, kinds: &[EntityKind]) -> bool {
        // Titles ("Mr", "President") may stand between the trigger and the name.
        self.mentions
            .iter()
            .any(|m| m.start >= from && m.start < from + n && kinds.contains(&m.kind))
    }

    /// Whether a place's name stands at `i` (after "the", maybe) as a
    /// whole noun phrase: "into Velmora", "to the Velmoran capital" is not
    /// ("into the Velmora event": the name modifies another noun).
    fn place_name_at(&self, i: usize) -> bool {
        let i = if self.lw(i) == "the" { i + 1 } else { i };
        self.mentions.iter().any(|m| {
            m.start == i
                && m.kind == EntityKind::Place
                && self.words.get(m.end).is_none_or(|w| {
                    w.is_punct()
                        || matches!(
                            w.lower.as_ref(),
                            "in" | "on"
                                | "at"
                                | "to"
                                | "for"
                                | "from"
                                | "and"
                                | "with"
                                | "as"
                                | "after"
                                | "before"
                                | "by"
                                | "where"
                                | "when"
                                | "last"
                                | "this"
                        )
                })
        })
    }

    fn inside_mention(&self, i: usize) -> bool {
        self.mentions.iter().any(|m| m.start <= i && i < m.end)
    }

    fn holds(&self, c: &Cond, i: usize, after: usize) -> bool {
        match *c {
            Cond::Always => true,
            Cond::Never => false,
            Cond::PrevIn(set) => i > 0 && set.contains(&self.lw(i - 1)),
            Cond::PrevIs(test) => i > 0 && test(self.lw(i - 1)),
            Cond::NextIn(set) => set.contains(&self.lw(after)),
            Cond::NextWithin(n, set) => (after..after + n).any(|k| set.contains(&self.lw(k))),
            Cond::NextWithinIs(n, test) => (after..after + n).any(|k| test(self.lw(k))),
            Cond::SentenceHas(set) => self.words.iter().any(|w| set.contains(&w.lower.as_ref())),
            Cond::PersonNext => self.mention_starting_within(after, 3, &[EntityKind::Person]),
            Cond::PlaceNext => self.mention_starting_within(after, 3, &[EntityKind::Place]),
            Cond::OrgNext => self.mention_starting_within(after, 4, &[EntityKind::Organization]),
            Cond::HumanNext => {
                self.mention_starting_within(after, 3, &[EntityKind::Person])
                    || (after..after + 3).any(|k| HUMAN.contains(&self.lw(k)))
            }
            Cond::HumanPrev => {
                let from = i.saturating_sub(4);
                self.mentions
                    .iter()
                    .any(|m| m.kind == EntityKind::Person && m.end <= i && m.end >= from)
                    || (from..i).any(|k| HUMAN.contains(&self.lw(k)))
            }
            Cond::Passive => {
                // "was released", "were swiftly freed"
                i > 0
                    && (is_be(self.lw(i - 1))
                        || i > 1 && self.lw(i - 1).ends_with("ly") && is_be(self.lw(i - 2)))
            }
            Cond::Takeover => self.takeover,
            Cond::CourtStory => self.court,
            Cond::AmountBefore => i > 0 && is_amount(self.lw(i - 1)),
            Cond::Not(c) => !self.holds(c, i, after),
            Cond::PersonWithin(n) => self.mention_starting_within(after, n, &[EntityKind::Person]),
            Cond::ToPlace(n) => (after..after + n).any(|k| {
                matches!(self.lw(k), "to" | "into" | "in" | "towards" | "toward")
                    && (self.place_name_at(k + 1)
                        || (k + 1..k + 5).any(|j| is_place_noun(self.lw(j))))
            }),
            Cond::Recipient => {
                let w = self.lw(after + 1);
                matches!(self.lw(after), "to" | "from")
                    && (DETERMINER_SET.has(w)
                        || HUMAN.contains(&w)
                        || matches!(w, "his" | "her" | "their" | "its" | "us" | "me" | "you")
                        || self
                            .words
                            .get(after + 1)
                            .is_some_and(|x| x.is_capitalized())
                        || w.len() > 3 && w.ends_with('s'))
            }
            Cond::Lowercase => !self.words[i].is_capitalized(),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c, i, after)),
            Cond::All(cs) => cs.iter().all(|c| self.holds(c, i, after)),
        }
    }

    /// Whether a capitalized word inside a sentence written in ordinary case
    /// belongs to a name next to it ("Dirty War", "Court of Appeals") that
    /// the recognizer left out.
    fn in_proper_name(&self, i: usize) -> bool {
        if i == 0 || !self.words[i].is_capitalized() {
            return false;
        }
        let caps = self.words.iter().filter(|w| w.is_capitalized()).count();
        let alpha = self.words.iter().filter(|w| !w.is_punct()).count();
        if caps * 2 > alpha {
            return false; // a headline in title case
        }
        let cap = |k: usize| k > 0 && self.words.get(k).is_some_and(|w| w.is_capitalized());
        cap(i - 1) || cap(i + 1) || (self.lw(i + 1) == "of" && cap(i + 2))
    }

    /// Whether the word at `i` is negated: "did not meet", "never met", "no talks".
    fn negated(&self, i: usize) -> bool {
        for d in 1..=3 {
            let Some(k) = i.checked_sub(d) else { break };
            let w = self.lw(k);
            if self.words[k].is_punct() {
                break;
            }
            if matches!(w, "not" | "n't" | "never" | "no" | "without" | "nor") {
                return !(w == "not" && self.lw(k + 1) == "only");
            }
        }
        false
    }

    /// The triggers of the sentence, at most one per event type (the first).
    pub fn triggers(&self) -> Vec<Trigger> {
        let lex = by_form();
        let mut out: Vec<Trigger> = Vec::new();
        for (i, w) in self.words.iter().enumerate() {
            if !may_be_form(&w.lower) {
                continue;
            }
            let Some(entries) = lex.get(w.lower.as_ref()) else {
                continue;
            };
            if self.inside_mention(i) || self.negated(i) || self.in_proper_name(i) {
                continue;
            }
            for &entry in entries {
                if out.iter().any(|t| t.entry.event_type == entry.event_type) {
                    continue;
                }
                let end = match entry.particle {
                    Some(p) if self.lw(i + 1) == p => i + 2,
                    Some(_) => continue,
                    None => i + 1,
                };
                if self.holds(&entry.when, i, end) && !self.holds(&entry.unless, i, end) {
                    out.push(Trigger {
                        entry,
                        start: i,
                        end,
                    });
                }
            }
        }
        out
    }
}

/// A number or the last word of an amount ("500", "$19", "million").
fn is_amount(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
        || matches!(w, "million" | "billion" | "thousand" | "bn" | "m" | "k")
}

/// A form of "be" or "get" that makes a passive.
fn is_be(w: &str) -> bool {
    PASSIVE_AUXILIARY_SET.has(w)
}

/// Verbs whose object noun's event is done by their subject ("held talks").
const LIGHT_VERBS: &[&str] = &[
    "had",
    "have",
    "has",
    "having",
    "held",
    "hold",
    "holds",
    "holding",
    "attended",
    "attend",
    "attends",
    "chaired",
    "hosted",
    "host",
    "hosts",
    "staged",
    "stage",
    "organised",
    "organized",
    "led",
    "joined",
    "made",
    "make",
    "makes",
    "making",
    "launched",
    "conducted",
    "carried",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "opened",
    "completed",
    "won",
    "lost",
    // "X faces charges", "X faced a jail sentence": X undergoes it.
    "face",
    "faces",
    "faced",
    "facing",
    // A deal's parties: "X agreed a takeover of Y", "X reached a deal".
    "agreed",
    "agrees",
    "agree",
    "reached",
    "reaches",
    "announced",
    "announces",
    "sealed",
    "struck",
    "clinched",
];

/// Words a noun trigger's noun phrase does not reach past on its left.
const NP_STOP: &[&str] = &[
    "during",
    "for",
    "at",
    "in",
    "on",
    "to",
    "with",
    "by",
    "from",
    "after",
    "before",
    "about",
    "against",
    "over",
    "of",
    "into",
    "than",
    "as",
    "since",
    "until",
    "between",
    "among",
    "under",
    "that",
    "and",
    "or",
    "but",
    "amid",
    "despite",
    "ahead",
    "following",
];

/// Words where a noun trigger's right-hand complements end.
const NOMINAL_RIGHT_STOP: &[&str] = &[
    "at", "as", "in", "on", "to", "during", "that", "than", "since", "is", "was", "were", "are",
    "had", "has", "have", "will", "would", "could", "after", "before", "amid", "despite",
];

/// Noun triggers whose form does not show it.
const NOUN_TRIGGERS: &[&str] = &[
    "war",
    "wars",
    "talks",
    "talk",
    "summit",
    "summits",
    "dinner",
    "conference",
    "conferences",
    "meeting",
    "meetings",
    "election",
    "elections",
    "by-election",
    "by-elections",
    "re-election",
    "protests",
    "protest",
    "deaths",
    "death",
    "attacks",
    "attack",
    "airstrike",
    "airstrikes",
    "strike",
    "strikes",
    "takeover",
    "takeovers",
    "bid",
    "bids",
    "offer",
    "offers",
    "trial",
    "tour",
    "tours",
    "visit",
    "visits",
    "trip",
    "trips",
    "raid",
    "raids",
    "rally",
    "rallies",
    "sale",
    "merger",
    "mergers",
    "bailout",
    "loan",
    "loans",
    "payment",
    "payments",
    "investment",
    "investments",
    "funding",
    "lawsuit",
    "custody",
    "letter",
    "letters",
    "wedding",
    "divorce",
    "arrest",
    "arrests",
    "explosion",
    "bomb",
    "bombs",
    "shelling",
    "gunfire",
    "fighting",
    "killings",
    "killing",
    "riots",
    "riot",
    "march",
    "sell-off",
    "sell-offs",
    "buyout",
    "purchase",
    "bidders",
    "bidder",
    "hearing",
    "appeal",
    "sentence",
    "fine",
    "phone",
    "call",
    "email",
    "text",
    "deal",
    "clashes",
    "invasion",
    "ambush",
    "assault",
    "massacre",
    "bombing",
    "bombings",
    "shooting",
    "shootings",
    "murder",
    "suicide",
    "retirement",
    "resignation",
];

/// Whether a trigger is a noun ("the bid", "talks"), judged by its form and
/// the word before it.
pub fn is_nominal(view: &SentenceView, t: &Trigger) -> bool {
    if t.end - t.start > 1 {
        return false;
    }
    let w = view.lw(t.start);
    let prev = if t.start > 0 {
        view.lw(t.start - 1)
    } else {
        ""
    };
    if matches!(
        prev,
        "to" | "will"
            | "would"
            | "'ll"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "not"
            | "n't"
            | "they"
            | "we"
            | "i"
            | "you"
    ) {
        return false;
    }
    let suffix = ["tion", "sion", "ment", "ance", "ence", "ship", "ure", "ity"]
        .iter()
        .any(|x| w.ends_with(x));
    suffix || NOUN_TRIGGERS.contains(&w) || DETERMINER_SET.has(prev) || prev == "'s"
}

/// Whether a trigger is a noun with "the", "this" or "that" at most three
/// words before it ("the proposed $5bn takeover"): a deal told before.
pub fn is_definite_noun(view: &SentenceView, t: &Trigger) -> bool {
    is_nominal(view, t)
        && (t.start.saturating_sub(3)..t.start)
            .rev()
            .take_while(|&i| !view.words[i].is_punct() || view.lw(i) == "$")
            .any(|i| matches!(view.lw(i), "the" | "this" | "that"))
}

/// Whether the sentence, up to the end of the trigger's clause or a clause
/// coordinated after it, tells of a group or of someone counted ("two men, both from X, were arrested",
/// "five more lawyers may resign", "a 24-year-old man was detained",
/// "police said they had arrested"), rather than of one person it can leave
/// unnamed. A count of time ("jailed for 14 years", "a 10-month term"),
/// money, a share, a year and an age between commas ("Doe, 39, was") are no
/// count of people.
pub fn tells_of_group(view: &SentenceView, c: &Clause, t: &Trigger) -> bool {
    let lw = |i: usize| view.words.get(i).map_or("", |w| w.lower.as_ref());
    // After the trigger, up to a coordinated clause ("… accept his exit, and
    // all members will go home"), which tells of something else.
    let end = (t.end..c.end)
        .find(|&i| matches!(lw(i), "and" | "but" | ";"))
        .unwrap_or(c.end);
    (0..t.start).chain(t.end..end).any(|i| {
        let w = lw(i);
        let duration = matches!(
            lw(i + 1),
            "year"
                | "years"
                | "month"
                | "months"
                | "week"
                | "weeks"
                | "day"
                | "days"
                | "hour"
                | "hours"
        );
        let duration = duration
            || ["-year", "-years", "-month", "-week", "-day", "-hour"]
                .iter()
                .any(|unit| w.ends_with(unit));
        let year = w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
        let age = i > 0 && lw(i - 1) == "," && lw(i + 1) == ",";
        let money = i > 0 && matches!(lw(i - 1), "$" | "£" | "€")
            || matches!(lw(i + 1), "%" | "per" | "pence" | "cents");
        (crate::lexicon::is_number(w) && !duration && !year && !age && !money)
            || matches!(
                w,
                "both"
                    | "several"
                    | "many"
                    | "more"
                    | "further"
                    | "other"
                    | "others"
                    | "some"
                    | "all"
                    | "few"
                    | "those"
                    | "whom"
                    | "they"
                    | "them"
                    | "we"
            )
    })
}

/// The subject a verb shares with the verb before "and" ("Doe joined the
/// bank in 2004, and was named its chairman in 2011"): when the trigger's
/// clause is "and" and auxiliaries before it, the sentence's first person
/// named before the "and", not after a preposition or a possessive and with
/// no pronoun before it (the pronoun is then the subject). With the word
/// where it stands, and whether the verb is passive ("and was fined", "was
/// found guilty, and sentenced").
pub fn shared_subject(
    view: &SentenceView,
    t: &Trigger,
    c: &Clause,
) -> Option<(usize, usize, bool)> {
    let and = (c.start..t.start).find(|&i| view.lw(i) == "and")?;
    let auxiliaries_only = (and + 1..t.start).all(|i| {
        is_be(view.lw(i))
            || matches!(
                view.lw(i),
                "has" | "had" | "have" | "will" | "would" | "later" | "also" | "then"
            )
    });
    if !auxiliaries_only || (c.start..and).any(|i| !view.words[i].is_punct()) {
        return None;
    }
    let m = view.mentions.iter().filter(|m| m.end <= and).find(|m| {
        m.kind == EntityKind::Person
            && !(m.start > 0
                && (PREPOSITION_SET.has(view.lw(m.start - 1)) || view.lw(m.start - 1) == "'s"))
    })?;
    if (0..m.start).any(|i| matches!(view.lw(i), "he" | "she" | "they" | "it")) {
        return None;
    }
    // "Doe (from X) was found guilty, and sentenced": the first verb's voice.
    let passive = (and + 1..t.start).any(|i| is_be(view.lw(i)))
        || (t.start == and + 1 && (m.end..and).take(4).any(|i| is_be(view.lw(i))));
    Some((m.entity, m.start, passive))
}

/// Words that end a clause.
fn is_boundary(w: &str) -> bool {
    matches!(
        w,
        ";" | ":"
            | "–"
            | "—"
            | "--"
            | "("
            | ")"
            | "\""
            | "“"
            | "”"
            | "but"
            | "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "unless"
            | "according"
    ) || REPORTING_VERB_SET.has(w)
}

/// The clause around a trigger: word range, and the antecedent of a relative
/// pronoun ("X, who resigned") when the clause begins with one.
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub antecedent: Option<usize>,
    /// Word ranges inside the clause that are appositions ("X, the head of Y,").
    pub skipped: Vec<(usize, usize)>,
    /// Where a name set beside a noun trigger starts ("the bidders, X,").
    pub apposed: Option<usize>,
    /// The trigger is a state something left someone in (`is_resultative`).
    pub resultative: bool,
}

const MAX_REACH: usize = 12;

/// Whether word `at` is the "on" or "in" of "is (now) on a tour", "was in
/// talks": the copula makes the sentence's subject the one doing it.
fn is_copular_on(words: &[Word], at: usize) -> bool {
    if !matches!(words[at].lower.as_ref(), "on" | "in") {
        return false;
    }
    let mut j = at;
    while j > 0
        && matches!(
            words[j - 1].lower.as_ref(),
            "now" | "currently" | "still" | "already" | "also"
        )
    {
        j -= 1;
    }
    j > 0 && is_be(&words[j - 1].lower) && words[j - 1].lower != "'s"
}

pub fn clause(view: &SentenceView, t: &Trigger) -> Clause {
    let words = view.words;
    let nominal = is_nominal(view, t);
    let mut start = t.start;
    let mut antecedent = None;
    // A noun's clause on the left is its own noun phrase ("Acme's bid",
    // "the border war"), unless a light verb makes its subject the doer
    // ("X held talks with Y").
    let mut in_phrase = nominal;
    let mut skipped = Vec::new();
    // Words inside brackets stepped over, which count for no reach.
    let mut bracketed = 0;
    while start > 0 && t.start - start - bracketed < MAX_REACH {
        let w = words[start - 1].lower.as_ref();
        // "X (nearly Rs 3,000 crore) takeover", "Doe (pictured) was
        // jailed": an aside in brackets is stepped over, names and all.
        if w == ")" {
            let open = (start.saturating_sub(12)..start - 1)
                .rev()
                .find(|&k| matches!(words[k].lower.as_ref(), "(" | ")"))
                .filter(|&k| words[k].lower == "(");
            if let Some(open) = open {
                skipped.push((open, start));
                bracketed += start - open;
                start = open;
                continue;
            }
        }
        if in_phrase && !view.inside_mention(start - 1) {
            if LIGHT_VERBS.contains(&w) || is_copular_on(words, start - 1) {
                in_phrase = false;
            } else if NP_STOP.contains(&w)
                || REPORTING_VERB_SET.has(w)
                || words[start - 1].is_punct() && !matches!(w, "'s" | "'" | "$" | "£" | "€")
                || (w.ends_with("ed") && w.len() > 4)
                || (is_be(w) && w != "'s")
                || t.start - start - bracketed >= 5
            {
                break;
            }
        }
        // "The man who shot Doe was jailed", "the raid that wounded Doe
        // has been condemned": a name after a relative pronoun and its own
        // verb is that verb's; the trigger's subject stands before it.
        if !nominal
            && matches!(w, "who" | "that" | "which")
            && start >= 2
            && start < t.start
            && opens_relative_verb(view, start)
            && names_relative_object(view, start, t)
        {
            skipped.push((start, t.start));
            start -= 1;
            continue;
        }
        if matches!(w, "who" | "which" | "whom") {
            // "Adel, who resigned": the name before the pronoun takes part;
            // "X is a former chief who became…": the sentence's subject does.
            let k = if start >= 2 && words[start - 2].lower == "," {
                start - 2
            } else {
                start - 1
            };
            antecedent = view.mentions.iter().rposition(|m| m.end == k).or_else(|| {
                view.mentions.iter().position(|m| {
                    m.kind == EntityKind::Person
                        && (m.start == 0 || m.start == 1 && words[0].is_capitalized())
                        && matches!(view.lw(m.end), "is" | "was")
                })
            });
            break;
        }
        if w == "," && antecedent.is_none() {
            antecedent = relative_antecedent(view, start - 1);
        }
        // ("agreed" reports, but "X agreed a takeover" is X's deal.)
        let boundary = is_boundary(w) && !(nominal && LIGHT_VERBS.contains(&w));
        if boundary || w == "," || w == "when" {
            break;
        }
        start -= 1;
    }
    let mut end = t.end;
    let mut apposed = None;
    // "left six dead and Doe wounded": what follows is another state's.
    let resultative = is_resultative(view, t);
    let mut reach = 0;
    while !resultative && end < words.len() && reach < MAX_REACH {
        reach += 1;
        let w = words[end].lower.as_ref();
        // A noun's clause on the right is its complements ("talks with Y",
        // "takeover of X by Y"), not what follows "at", "as", "during"…
        if nominal
            && NOMINAL_RIGHT_STOP.contains(&w)
            && !view.mentions.iter().any(|m| m.start == end + 1)
        {
            break;
        }
        if w == "," {
            match view.lw(end + 1) {
                // An apposition: step over it to its closing comma.
                "the" | "a" | "an" => {
                    let close = (end + 1..words.len().min(end + 10))
                        .find(|&k| words[k].lower == "," || words[k].lower == ".");
                    match close {
                        Some(c) if words[c].lower == "," => {
                            skipped.push((end + 1, c));
                            end = c + 1;
                            continue;
                        }
                        _ => break,
                    }
                }
                "and" => {
                    end += 2;
                    continue;
                }
                // "one of the bidders, Kest-based group Ostco, …": a name
                // set beside a noun trigger names who it is.
                _ if nominal && end == t.end => {
                    if let Some(m) = apposed_name(view, end + 1) {
                        apposed = Some(m.start);
                        end = m.end;
                    }
                    break;
                }
                _ => break,
            }
        }
        if is_boundary(w)
            || matches!(
                w,
                "which" | "who" | "where" | "when" | "after" | "before" | "."
            )
        {
            break;
        }
        // "went to X to meet Y": a purpose clause is another event's.
        if w == "to" && end > t.end && starts_verb_phrase(view, end + 1) {
            break;
        }
        end += 1;
    }
    Clause {
        start,
        end,
        antecedent,
        skipped,
        apposed,
        resultative,
    }
}

/// An auxiliary verb ("was", "has", "will"), not the possessive "'s".
fn is_auxiliary(w: &str) -> bool {
    is_be(w) && w != "'s"
        || matches!(
            w,
            "has" | "had" | "have" | "will" | "would" | "could" | "can" | "may" | "might"
        )
}

/// Whether word `i`, after a relative pronoun, is the relative clause's
/// own verb ("who shot", "that had wounded"): a lowercase past or present
/// form or an auxiliary, not the start of a name or a noun phrase.
fn opens_relative_verb(view: &SentenceView, i: usize) -> bool {
    let Some(w) = view.words.get(i) else {
        return false;
    };
    let l = w.lower.as_ref();
    !w.is_capitalized()
        && !view.mentions.iter().any(|m| m.start == i)
        && (is_be(l)
            || is_auxiliary(l)
            || matches!(
                l,
                "shot"
                    | "led"
                    | "won"
                    | "lost"
                    | "took"
                    | "made"
                    | "told"
                    | "left"
                    | "ran"
                    | "beat"
                    | "hit"
                    | "met"
                    | "sent"
                    | "sold"
                    | "bought"
                    | "fled"
                    | "held"
                    | "stole"
                    | "struck"
                    | "fought"
                    | "gave"
                    | "brought"
                    | "paid"
            )
            || l.len() > 4 && l.ends_with("ed"))
}

/// Whether the words from `from` (a relative clause's verb) to the trigger
/// end in a name and then the trigger's own auxiliary ("…wounded Doe has
/// been sentenced"), with no subordinate clause opening between ("who took
/// the post after Doe quit").
fn names_relative_object(view: &SentenceView, from: usize, t: &Trigger) -> bool {
    let Some(m) = view
        .mentions
        .iter()
        .rev()
        .find(|m| m.start > from && m.end <= t.start)
    else {
        return false;
    };
    let between = &view.words[m.end..t.start];
    between.iter().any(|w| is_auxiliary(&w.lower))
        && between.iter().all(|w| {
            is_auxiliary(&w.lower)
                || matches!(
                    w.lower.as_ref(),
                    "now" | "also" | "since" | "later" | "then" | "not"
                )
        })
        && !view.words[from..m.start].iter().any(|w| {
            matches!(
                w.lower.as_ref(),
                "after" | "before" | "when" | "since" | "until" | "as" | "if" | "because" | "while"
            )
        })
}

/// The name before a relative clause that closes with the comma at word
/// `comma` ("Doe, who led the firm for years, resigned"): the subject of
/// the verb after the comma.
fn relative_antecedent(view: &SentenceView, comma: usize) -> Option<usize> {
    let words = view.words;
    // After the comma comes the verb, not another phrase ("…by Rosneft, a
    // firm that…", "…, and…").
    let next = words.get(comma + 1)?;
    if next.is_capitalized()
        || DETERMINER_SET.has(&next.lower)
        || matches!(next.lower.as_ref(), "and" | "or" | "but")
    {
        return None;
    }
    let mut k = comma;
    while k > 0 && comma - k < 15 {
        k -= 1;
        match words[k].lower.as_ref() {
            "who" | "which" if k >= 2 && words[k - 1].lower == "," => {
                return view.mentions.iter().rposition(|m| m.end == k - 1);
            }
            // "Doe, a former chief, resigned": an apposition, its name
            // just before its opening comma.
            "," if k >= 1 && matches!(view.lw(k + 1), "a" | "an" | "the") => {
                return view
                    .mentions
                    .iter()
                    .rposition(|m| m.end == k && m.kind == EntityKind::Person);
            }
            "," | ";" | "\"" | "(" | ")" => return None,
            w if is_boundary(w) => return None,
            _ => {}
        }
    }
    None
}

/// Whether the subject before the trigger undergoes a court's step: "X
/// faces trial", "X faced a fine", "X pleaded guilty", "X is on trial".
pub fn undergoes_justice(view: &SentenceView, c: &Clause, t: &Trigger) -> bool {
    t.entry.event_type.starts_with("Justice.")
        && ((c.start..t.start).any(|i| {
            matches!(
                view.lw(i),
                "face" | "faces" | "faced" | "facing" | "plead" | "pleads" | "pleaded" | "pleading"
            )
        }) || t.start >= 1
            // "X is on trial", "X stood trial"
            && matches!(
                view.lw(t.start - 1),
                "on" | "stand" | "stands" | "stood" | "standing"
            ))
}

/// A noun naming who does the deed ("bidder", "attackers", "investors").
fn is_doer_noun(w: &str) -> bool {
    let stem = w.strip_suffix('s').unwrap_or(w);
    stem.len() > 4 && (stem.ends_with("er") || stem.ends_with("or"))
}

/// The end of a name set in apposition from word `from` (after a comma):
/// at most four lowercase or hyphenated describing words, then a name of a
/// person or organization closed by a comma, a full stop or a bracket (not
/// the subject of a new clause: "after the talks, Doe flew home").
fn apposed_name<'v>(view: &'v SentenceView, from: usize) -> Option<&'v WordMention> {
    let m = view.mentions.iter().find(|m| {
        m.start >= from
            && m.start <= from + 4
            && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
    })?;
    let describing = view.words[from..m.start]
        .iter()
        .all(|w| !w.is_punct() && !REPORTING_VERB_SET.has(&w.lower));
    let closed = matches!(view.lw(m.end), "," | "." | "(" | "");
    (describing && closed).then_some(m)
}

/// Whether the word at `i` looks like the verb of an infinitive: lowercase,
/// not a determiner or number, not the start of a name.
fn starts_verb_phrase(view: &SentenceView, i: usize) -> bool {
    let Some(w) = view.words.get(i) else {
        return false;
    };
    !w.is_capitalized()
        && !w.is_punct()
        && !w.lower.starts_with(|c: char| c.is_ascii_digit())
        && !DETERMINER_SET.has(&w.lower)
        && !matches!(
            w.lower.as_ref(),
            "this"
                | "that"
                | "these"
                | "those"
                | "our"
                | "my"
                | "your"
                | "some"
                | "all"
                | "each"
                | "another"
        )
        && !view.mentions.iter().any(|m| m.start == i)
}

/// An organization named only as someone's affiliation: "X, head of Y",
/// "Y head Z", "Y's leader Z".
fn is_affiliation(view: &SentenceView, m: &WordMention) -> bool {
    if m.kind != EntityKind::Organization {
        return false;
    }
    let lw = |i: usize| view.lw(i);
    // ("BNP founding chairman X": one word may stand before the post.)
    let role_after = is_post(lw(m.end))
        || is_post(lw(m.end + 1)) && !view.words.get(m.end).is_some_and(|w| w.is_punct())
        || (lw(m.end) == "'s" && is_post(lw(m.end + 1)))
        || (lw(m.end) == "'s" && is_post(lw(m.end + 2)));
    let person_after = view
        .mentions
        .iter()
        .any(|p| p.kind == EntityKind::Person && p.start > m.end && p.start <= m.end + 4);
    let of_role = m.start >= 2 && lw(m.start - 1) == "of" && is_post(lw(m.start - 2));
    (role_after && person_after) || of_role
}

/// A participant as found: entity index, whether it stands before the trigger,
/// and the preposition before it.
pub struct Found<'s> {
    pub entity: usize,
    /// Word index where the mention starts.
    pub at: usize,
    pub before: bool,
    pub preposition: &'s str,
}

/// Participles that carry out what a noun names ("a bid tabled by X",
/// "charges filed by X"): the agent after them is the noun's.
const SUPPORT_PARTICIPLES: &[&str] = &[
    "filed",
    "lodged",
    "launched",
    "tabled",
    "submitted",
    "issued",
    "imposed",
    "carried",
    "staged",
    "mounted",
    "announced",
    "unveiled",
    "placed",
    "signed",
    "agreed",
    "completed",
    "finalised",
    "finalized",
    "organised",
    "organized",
    "planned",
    "proposed",
    "sought",
];

/// The word before a mention starting at word `start`, stepping back over
/// a title, "the" and describing words ("by Mr Doe", "from the Kest Group",
/// "by rival Ostco", "by Velorian firm Ostco"): what relates the name to
/// the trigger is the preposition before them.
fn preposition_before<'s>(view: &'s SentenceView, start: usize, t: &Trigger) -> &'s str {
    // Never into the trigger's own words ("to sell off X").
    let floor = if start >= t.end { t.end } else { 0 };
    let mut k = start;
    while k > floor && start - k < 4 {
        let w = &view.words[k - 1];
        let honorific = HONORIFIC_SET.has(w.text.trim_end_matches('.'));
        let describing = !w.is_capitalized()
            && w.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && !PREPOSITION_SET.has(&w.lower)
            && !REPORTING_VERB_SET.has(&w.lower)
            && !matches!(w.lower.as_ref(), "and" | "or" | "but" | "a" | "an")
            && !w.lower.ends_with("ed");
        if !(honorific || describing || w.lower == "the" || is_demonym(w.text)) {
            break;
        }
        k -= 1;
    }
    let before = if k > 0 {
        view.words[k - 1].lower.as_ref()
    } else {
        ""
    };
    // Only a preposition counts when words were stepped over.
    if k == start || PREPOSITION_SET.has(before) {
        before
    } else {
        view.words[start - 1].lower.as_ref()
    }
}

/// The people and organizations of a clause, without affiliations and
/// apposition contents; pronouns and descriptions are resolved by the caller.
pub fn participants<'s>(view: &'s SentenceView, t: &Trigger, c: &Clause) -> Vec<Found<'s>> {
    let mut out: Vec<Found> = Vec::new();
    let add = |m: &WordMention, out: &mut Vec<Found<'s>>| {
        if out.iter().any(|f| f.entity == m.entity) {
            return;
        }
        let mut preposition = preposition_before(view, m.start, t);
        // "an offer from X", "a takeover proposal from X": the bidder.
        if preposition == "from"
            && m.start > t.end
            && matches!(
                view.lw(t.end - 1),
                "bid" | "bids" | "offer" | "offers" | "approach" | "buyout" | "takeover"
            )
        {
            preposition = "by";
        }
        // A name set beside a noun of the doer ("the bidders, Ostco,")
        // is the doer, as an agent after "by" is.
        if c.apposed == Some(m.start) && is_doer_noun(view.lw(t.end - 1)) {
            preposition = "by";
        }
        // "an attempt turned down by X": the by-phrase of a participle
        // between the trigger and X is that verb's agent, not the trigger's;
        // but a verb that only carries the noun out keeps it ("a lawsuit
        // filed by X", "an attack carried out by X").
        if preposition == "by"
            && m.start > t.end
            && view.words[t.end..m.start].iter().any(|w| {
                !w.is_capitalized()
                    && w.lower.len() > 3
                    && w.lower.ends_with("ed")
                    && !SUPPORT_PARTICIPLES.contains(&w.lower.as_ref())
            })
        {
            preposition = "";
        }
        out.push(Found {
            entity: m.entity,
            at: m.start,
            before: m.end <= t.start,
            preposition,
        });
    };
    if let Some(a) = c.antecedent {
        // "A, B and C, who formed…": the whole list before the pronoun.
        let mut first = a;
        while first > 0 {
            let (prev, cur) = (&view.mentions[first - 1], &view.mentions[first]);
            let joined = cur.start == prev.end + 1 && matches!(view.lw(prev.end), "," | "and")
                || cur.start == prev.end + 2
                    && view.lw(prev.end) == ","
                    && view.lw(prev.end + 1) == "and";
            if !joined || prev.kind != cur.kind {
                break;
            }
            first -= 1;
        }
        for m in &view.mentions[first..=a] {
            add(m, &mut out);
        }
    }
    for m in view.mentions {
        if m.start < c.start || m.end > c.end || (m.start < t.end && m.end > t.start) {
            continue;
        }
        if !matches!(m.kind, EntityKind::Person | EntityKind::Organization) {
            continue;
        }
        // A post's organization is the employer of a personnel event
        // ("stepped down as chairman of X", "sacked at X"), not a bystander.
        // (Not an outlet someone "told", not a party winning an election.)
        let employer = matches!(
            t.entry.event_type,
            "Personnel.Start-Position" | "Personnel.End-Position" | "Personnel.Nominate"
        ) && m.kind == EntityKind::Organization
            && !(m.start > 0 && {
                let before = view.lw(m.start - 1);
                REPORTING_VERB_SET.has(before) || matches!(before, "told" | "tell" | "tells")
            });
        if c.skipped.iter().any(|&(a, b)| m.start >= a && m.end <= b)
            || !employer && is_affiliation(view, m)
        {
            continue;
        }
        // "…the whip in the European Parliament": a scene, not a party to it.
        if m.start >= t.end {
            let k = if m.start >= 1 && view.lw(m.start - 1) == "the" {
                m.start.saturating_sub(2)
            } else {
                m.start.saturating_sub(1)
            };
            // ("sacked at X": the employer.)
            let scene = matches!(
                view.lw(k),
                "in" | "at" | "on" | "during" | "near" | "inside" | "outside"
            );
            if scene && !(employer && view.lw(k) == "at") {
                continue;
            }
        }
        add(m, &mut out);
    }
    out
}

/// The role of a participant in an event.
pub fn role(
    entry: &Entry,
    kind: EntityKind,
    before: bool,
    passive: bool,
    prep: &str,
) -> &'static str {
    let agentive = (before && !passive) || prep == "by";
    let person = kind == EntityKind::Person;
    match entry.event_type {
        "Contact.Meet" | "Contact.Phone-Write" | "Conflict.Demonstrate" => "Entity",
        "Movement.Transport" => match entry.frame {
            Frame::Sender if agentive => "Agent",
            _ => "Artifact",
        },
        "Conflict.Attack" => {
            if agentive {
                "Attacker"
            } else {
                "Target"
            }
        }
        "Life.Die" | "Life.Injure" => {
            if agentive && entry.frame != Frame::Intransitive {
                "Agent"
            } else {
                "Victim"
            }
        }
        "Life.Be-Born" | "Life.Marry" | "Life.Divorce" => "Person",
        "Justice.Arrest-Jail"
        | "Justice.Release-Parole"
        | "Justice.Extradite"
        | "Justice.Execute" => {
            if agentive {
                "Agent"
            } else {
                "Person"
            }
        }
        "Justice.Sue" => {
            if agentive {
                "Plaintiff"
            } else {
                "Defendant"
            }
        }
        "Justice.Appeal" => {
            if agentive {
                "Plaintiff"
            } else {
                "Adjudicator"
            }
        }
        "Justice.Charge-Indict" if agentive => "Prosecutor",
        t if t.starts_with("Justice.") => {
            if agentive {
                "Adjudicator"
            } else {
                "Defendant"
            }
        }
        t if t.starts_with("Personnel.") => {
            if person {
                "Person"
            } else {
                "Entity"
            }
        }
        "Transaction.Transfer-Money" => {
            if agentive {
                "Giver"
            } else {
                "Recipient"
            }
        }
        "Transaction.Transfer-Ownership" => match (entry.frame, agentive) {
            (Frame::Seller, true) => "Seller",
            (Frame::Seller, false) if prep == "to" => "Buyer",
            (_, true) => "Buyer",
            (_, false) if prep == "from" => "Seller",
            _ => "Artifact",
        },
        _ => {
            if person {
                "Agent"
            } else {
                "Org"
            }
        }
    }
}

/// Which side of a succession trigger names the one leaving the post, whose
/// people do not take part in the event: "X succeeded Y" and "X took over
/// from Y" (taking the post: not Y), and "took over from Y" read as Y's
/// leaving (not X). `Some(true)`: the people after the trigger stay out;
/// `Some(false)`: those before it.
pub fn succession_side(view: &SentenceView, t: &Trigger) -> Option<bool> {
    // "to be succeeded by X": X takes the post.
    if is_passive(view, t) || view.lw(t.end) == "by" {
        return None;
    }
    let from = view.lw(t.end) == "from";
    match t.entry.event_type {
        "Personnel.Start-Position" if from || t.entry.forms == "@succeed:v" => Some(true),
        "Personnel.End-Position" if from && t.entry.particle == Some("over") => Some(false),
        _ => None,
    }
}

/// Whether the trigger is a state that something left someone in ("the
/// blast left two people dead", "leaving Doe injured"): the name between
/// "left" and the trigger undergoes it.
fn is_resultative(view: &SentenceView, t: &Trigger) -> bool {
    matches!(t.entry.event_type, "Life.Die" | "Life.Injure")
        && (t.start.saturating_sub(8)..t.start)
            .rev()
            .take_while(|&i| !view.words[i].is_punct() && !is_boundary(view.lw(i)))
            .any(|i| matches!(view.lw(i), "left" | "leaving" | "leaves" | "leave"))
}

/// Whether the trigger is a passive participle ("was sold", "were released").
pub fn is_passive(view: &SentenceView, t: &Trigger) -> bool {
    let w = view.lw(t.start);
    // "'s" is left out: more often a possessive ("the firm's sold assets").
    t.start > 0
        && is_be(view.lw(t.start - 1))
        && view.lw(t.start - 1) != "'s"
        && (w.ends_with("ed") || matches!(w, "sold" | "shot" | "held" | "paid" | "sent" | "bought"))
}

/// The entity a pronoun ("he", "she", "him") or a description ("the Iraqi
/// leader") in the clause refers to, with the word where it stands. A
/// description takes the most recent person that fits it.
pub fn resolve_reference(
    view: &SentenceView,
    c: &Clause,
    entities: &[FoundEntity],
    recent: &[usize],
    last_subject: Option<usize>,
) -> Option<(usize, usize)> {
    for i in c.start..c.end {
        let w = view.lw(i);
        if matches!(w, "he" | "she" | "him") {
            // A person named earlier in this sentence, else the first person
            // of the last sentence that named one (its likely subject).
            // One standing as a subject first: not "with attorney X", "by X".
            let people = || {
                view.mentions
                    .iter()
                    .filter(|m| m.end <= i && m.kind == EntityKind::Person)
            };
            let after_preposition = |m: &&WordMention| {
                (m.start.saturating_sub(3)..m.start).any(|k| {
                    matches!(
                        view.lw(k),
                        "with" | "by" | "for" | "to" | "from" | "against"
                    )
                })
            };
            let here = people()
                .find(|m| !after_preposition(m))
                .or_else(|| people().next())
                .map(|m| m.entity);
            return here.or(last_subject).map(|e| (e, i));
        }
        if w == "the" {
            let (adj, noun) = (view.lw(i + 1), view.lw(i + 2));
            let (adj, noun) = if is_post(adj) { ("", adj) } else { (adj, noun) };
            if !is_post(noun) {
                continue;
            }
            let in_titles = |e: &FoundEntity, word: &str| {
                e.titles
                    .iter()
                    .chain(&e.roles)
                    .any(|t| t.to_lowercase().split_whitespace().any(|x| x == word))
            };
            let fits = |e: &FoundEntity| {
                e.kind == EntityKind::Person
                    && if adj.is_empty() {
                        in_titles(e, noun)
                    } else {
                        // "the Varnian leader" for the "Varnian Prime Minister":
                        // "leader" stands for any office.
                        e.attributes.iter().any(|a| a.eq_ignore_ascii_case(adj))
                            || in_titles(e, adj) && (noun == "leader" || in_titles(e, noun))
                    }
            };
            if let Some(&e) = recent.iter().rev().find(|&&e| fits(&entities[e])) {
                return Some((e, i));
            }
        }
    }
    None
}

/// "X said at a news conference", "said X in a press conference": a
/// conference where the sentence's speaker speaks has that person taking
/// part, wherever the name stands in the sentence. Returns the entity and
/// the name's first word index.
pub fn conference_speaker(
    view: &SentenceView,
    t: &Trigger,
    quote_speakers: &[(ByteSpan, usize)],
    last_subject: Option<usize>,
) -> Option<(usize, usize)> {
    if t.entry.event_type != "Contact.Meet"
        || !matches!(view.lw(t.end - 1), "conference" | "briefing")
        || !(t.start..t.end)
            .chain(t.start.checked_sub(1))
            .any(|i| matches!(view.lw(i), "news" | "press" | "media"))
    {
        return None;
    }
    view.mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .find(|m| {
            // "Jane Doe said" / "said Jane Doe" (a title may stand between).
            REPORTING_VERB_SET.has(view.lw(m.end))
                || (m.start.saturating_sub(4)..m.start)
                    .any(|i| REPORTING_VERB_SET.has(view.lw(i)) && !view.words[i].is_capitalized())
        })
        .map(|m| (m.entity, m.start))
        .or_else(|| {
            // "'…,' he said at a news conference": the quote's speaker, else
            // the person the last sentence that named one spoke of.
            let he = (0..t.start).find(|&i| {
                matches!(view.lw(i), "he" | "she")
                    && (REPORTING_VERB_SET.has(view.lw(i + 1))
                        || i > 0 && REPORTING_VERB_SET.has(view.lw(i - 1)))
            })?;
            let named_before = view
                .mentions
                .iter()
                .any(|m| m.kind == EntityKind::Person && m.end <= he);
            let (first, last) = (view.words.first()?.span, view.words.last()?.span);
            let speaker = quote_speakers
                .iter()
                .find(|(q, _)| q.start < last.end && q.end > first.start)
                .map(|&(_, e)| e);
            (!named_before).then_some((speaker.or(last_subject)?, he))
        })
}

/// "I" or "me" in the clause, inside a quote whose speaker is an entity:
/// that entity and the pronoun's word index ("'I had a talk with X,' said Y").
pub fn quoted_first_person(
    view: &SentenceView,
    c: &Clause,
    quote_speakers: &[(ByteSpan, usize)],
) -> Option<(usize, usize)> {
    (c.start..c.end)
        .filter(|&i| matches!(view.lw(i), "i" | "me"))
        .find_map(|i| {
            let at = view.words[i].span;
            quote_speakers
                .iter()
                .find(|(q, _)| q.start <= at.start && at.end <= q.end)
                .map(|&(_, e)| (e, i))
        })
}

/// "its offer", "his visit": the owner of a possessive pronoun at the head
/// of the trigger's noun phrase (at most two words before it) takes part.
/// "its" names the first organization of the sentence before it (the
/// subject, usually: "Heineken increased its dividend"); "his"/"her" the
/// nearest person before it, else the last sentence's subject. ("their" is
/// left alone: it refers to people as often as to organizations.) Returns
/// the entity and the pronoun's word index.
pub fn possessive_owner(
    view: &SentenceView,
    t: &Trigger,
    last_subject: Option<usize>,
) -> Option<(usize, usize)> {
    let at = (t.start.saturating_sub(3)..t.start)
        .rev()
        .take_while(|&i| !view.words[i].is_punct())
        .find(|&i| matches!(view.lw(i), "its" | "his" | "her"))?;
    let before = view.mentions.iter().filter(|m| m.end <= at);
    let owner = if view.lw(at) == "its" {
        before
            .filter(|m| m.kind == EntityKind::Organization)
            .map(|m| m.entity)
            .next()
    } else {
        before
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| m.entity)
            .next_back()
            .or(last_subject)
    };
    owner.map(|e| (e, at))
}

/// The one who speaks to or at a meeting takes part in it ("Doe told a
/// bankers' summit", "Doe spoke at a rally", "Doe addressed the
/// conference"): the person named just before the verb, with the verb, an
/// optional "at"/"to", a determiner and at most two words before the trigger.
pub fn addresser(view: &SentenceView, t: &Trigger) -> Option<(usize, usize)> {
    if t.entry.event_type != "Contact.Meet" {
        return None;
    }
    let lw = |i: usize| view.lw(i);
    let det = (t.start.saturating_sub(3)..t.start)
        .rev()
        .find(|&i| matches!(lw(i), "a" | "an" | "the" | "this" | "that" | "his" | "her"))?;
    if (det + 1..t.start).any(|i| view.words[i].is_punct() && lw(i) != "'" && lw(i) != "'s") {
        return None;
    }
    let mut verb = det.checked_sub(1)?;
    if matches!(lw(verb), "at" | "to") {
        verb = verb.checked_sub(1)?;
    }
    if !matches!(
        lw(verb),
        "told"
            | "tells"
            | "addressed"
            | "addresses"
            | "spoke"
            | "speaks"
            | "attended"
            | "attends"
            | "chaired"
            | "chairs"
            | "hosted"
            | "hosts"
    ) {
        return None;
    }
    let mut k = verb;
    while k > 0 && matches!(lw(k - 1), "has" | "had" | "have" | "also" | "later") {
        k -= 1;
    }
    let m = view
        .mentions
        .iter()
        .find(|m| m.end == k && m.kind == EntityKind::Person)?;
    Some((m.entity, m.start))
}

/// The one who claims the deed ("X claims to have shot", "X (has)
/// claimed responsibility for the bombing"): the name just before "claim"
/// (with "reportedly", "has", "also" between). With the word where it
/// stands.
pub fn claimant(view: &SentenceView, t: &Trigger) -> Option<(usize, usize)> {
    let lw = |i: usize| view.lw(i);
    let mut k = t.start;
    // "to have", or "responsibility for (the)" before the trigger.
    if k >= 2 && lw(k - 2) == "to" && lw(k - 1) == "have" {
        k -= 2;
    } else {
        if k >= 1 && matches!(lw(k - 1), "the" | "this" | "that" | "an" | "a") {
            k -= 1;
        }
        if !(k >= 2 && lw(k - 2) == "responsibility" && lw(k - 1) == "for") {
            return None;
        }
        k -= 2;
    }
    if k == 0 || !matches!(lw(k - 1), "claim" | "claims" | "claimed" | "claiming") {
        return None;
    }
    k -= 1;
    while k > 0
        && matches!(
            lw(k - 1),
            "reportedly" | "has" | "have" | "had" | "also" | "later"
        )
    {
        k -= 1;
    }
    let m = view.mentions.iter().find(|m| m.end == k)?;
    Some((m.entity, m.start))
}

/// The organization a reported "it" stands for ("Kestco says it plans to
/// acquire Varnco", "the company said that it had sold…"): the trigger's clause
/// opens with "(that) it" after a reporting verb, and the reporter is the
/// organization named just before the verb or an organization description
/// there (`resolve_org_description`). With the word of the "it".
pub fn reported_it(
    view: &SentenceView,
    t: &Trigger,
    c: &Clause,
    entities: &[FoundEntity],
    counts: &[usize],
    recent: &[usize],
) -> Option<(usize, usize)> {
    let verb = c.start.checked_sub(1)?;
    if !REPORTING_VERB_SET.has(view.lw(verb)) {
        return None;
    }
    let it = if view.lw(c.start) == "that" {
        c.start + 1
    } else {
        c.start
    };
    if view.lw(it) != "it" || it >= t.start {
        return None;
    }
    if let Some(m) = view
        .mentions
        .iter()
        .find(|m| m.end == verb && m.kind == EntityKind::Organization)
    {
        return Some((m.entity, it));
    }
    let reporter = Clause {
        start: verb.saturating_sub(3),
        end: verb,
        antecedent: None,
        skipped: Vec::new(),
        apposed: None,
        resultative: false,
    };
    let (e, at) = resolve_org_description(view, &reporter, entities, counts, recent)?;
    // "Shares of X fell after the company said it…": a description that
    // reports is the organization named earlier in its own sentence.
    let in_sentence =
        view.mentions.iter().rev().find(|m| {
            m.end <= at && m.kind == EntityKind::Organization && !is_affiliation(view, m)
        });
    Some((in_sentence.map_or(e, |m| m.entity), it))
}

/// The organization a description in the clause ("the football club", "the
/// party") refers to, with the word where it stands: one named earlier whose
/// name holds the noun, else the article's most-mentioned organization so far.
pub fn resolve_org_description(
    view: &SentenceView,
    c: &Clause,
    entities: &[FoundEntity],
    counts: &[usize],
    recent: &[usize],
) -> Option<(usize, usize)> {
    for i in c.start..c.end {
        if !matches!(view.lw(i), "the" | "its") || view.inside_mention(i + 1) {
            continue;
        }
        let noun = [i + 1, i + 2]
            .into_iter()
            .find(|&k| is_org_description(view.lw(k)) && !view.inside_mention(k));
        let Some(k) = noun else { continue };
        let noun = view.lw(k);
        let named = recent.iter().rev().find(|&&e| {
            std::iter::once(&entities[e].name)
                .chain(&entities[e].aliases)
                .any(|n| n.to_lowercase().split_whitespace().any(|w| w == noun))
        });
        let salient = recent
            .iter()
            .copied()
            .filter(|&e| counts[e] >= 2)
            .max_by_key(|&e| counts[e]);
        if let Some(e) = named.copied().or(salient) {
            return Some((e, i));
        }
    }
    None
}
