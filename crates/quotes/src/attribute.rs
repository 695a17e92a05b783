//! Who said it: reporting verbs, their subjects, and what those refer to.

use crate::clause::{Layout, Quote, TokKind};
use crate::lexicon::{self, CueForm, Described, Pronoun, Sex};
use newsparse_core::{ByteSpan, EntityKind, FoundEntity, QuoteFound, QuoteKind, SpeakerFound};
use newsparse_lang::chars::{is_space, is_word};
use newsparse_syntax::Deprel;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

/// A speaker: an entity (index into the entities) or just a name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Speaker {
    entity: Option<usize>,
    name: String,
}

/// A reporting verb and who it says spoke.
#[derive(Debug, Clone)]
struct Frame {
    tok: usize,
    cue: ByteSpan,
    speaker: Option<Speaker>,
    /// `"…," said X`: the verb follows its quote, and words after the
    /// speaker's name are the writer's, not the speaker's.
    inverted: bool,
    /// A finite verb whose subject the walk back from it did not find:
    /// the dependency tree may (`Ctx::fill_from_tree`).
    ask_tree: bool,
}

struct Mention {
    span: ByteSpan,
    entity: usize,
}

struct Ctx<'a> {
    text: &'a str,
    l: &'a Layout<'a>,
    quotes: &'a [Quote],
    entities: &'a [FoundEntity],
    /// Person and organization mentions outside quotes, by start.
    mentions: Vec<Mention>,
    sex: Vec<Option<Sex>>,
    /// Speakers named so far, per sentence (frames and quotes), in order.
    said: Vec<Vec<Speaker>>,
    /// People and organizations by the names a run of words may give.
    by_name: NameIndex,
    /// Every token's text when it is a word, sliced once: the attribution
    /// rules read most tokens several times.
    words: Vec<Option<&'a str>>,
    /// Every word's lowercase form (`Ctx::lword`), made on first reading.
    lowered: Vec<OnceCell<Cow<'a, str>>>,
}

/// The first person or organization (in entity order) each way a name can be
/// written: its name, an alias, its name's last word, and (organizations)
/// the words its name opens with. A name run is looked up here once instead
/// of compared with every entity, which made long pages quadratic.
#[derive(Default)]
struct NameIndex {
    first: HashMap<String, usize>,
}

impl NameIndex {
    fn new(entities: &[FoundEntity]) -> NameIndex {
        let mut index = NameIndex::default();
        for (i, e) in entities.iter().enumerate() {
            if !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            let mut note = |name: &str| {
                index.first.entry(name.to_string()).or_insert(i);
            };
            note(&e.name);
            for a in &e.aliases {
                note(a);
            }
            if let Some(last) = e.name.rsplit(' ').next() {
                note(last);
            }
            if e.kind == EntityKind::Organization {
                // "Kest" for "Kest Holdings": each prefix ending before a space.
                for (at, _) in e.name.match_indices(' ') {
                    note(&e.name[..at]);
                }
            }
        }
        index
    }

    /// The first entity that `name` names, as comparing with each in turn finds.
    fn find(&self, name: &str) -> Option<usize> {
        self.first.get(name).copied()
    }
}

pub fn attribute(
    text: &str,
    l: &Layout<'_>,
    quotes: &[Quote],
    entities: &[FoundEntity],
) -> Vec<QuoteFound> {
    let mut mentions: Vec<Mention> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityKind::Person | EntityKind::Organization))
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .map(move |&span| Mention { span, entity: i })
        })
        .collect();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    // Names inside quotes are the speaker's words, not the speaker.
    mentions.retain(|m| {
        let i = quotes.partition_point(|q| q.span.end <= m.span.start);
        !quotes.get(i).is_some_and(|q| q.span.overlaps(m.span))
    });
    let sex = entities.iter().map(|e| entity_sex(l, e)).collect();
    let mut cx = Ctx {
        text,
        l,
        quotes,
        entities,
        mentions,
        sex,
        said: vec![Vec::new(); l.sents.len()],
        by_name: NameIndex::new(entities),
        words: (0..l.toks.len()).map(|t| l.word(text, t)).collect(),
        lowered: vec![OnceCell::new(); l.toks.len()],
    };
    let mut found: Vec<Option<QuoteFound>> = vec![None; quotes.len()];
    for si in 0..l.sents.len() {
        let mut frames = cx.frames(si);
        for f in &frames {
            if let Some(s) = &f.speaker {
                cx.said[si].push(s.clone());
            }
        }
        // Parsing costs more than all these rules together: the tree is
        // asked only once a quotation of the sentence is left without a
        // speaker.
        let mut tree_asked = false;
        for t in l.sents[si].toks.clone() {
            let TokKind::Quote(qi) = l.toks[t].kind else {
                continue;
            };
            if cx.is_work_title(t, qi) {
                continue;
            }
            // `the words "I agree"`: words quoted as words, said by no one.
            let (mut speaker, mut cue) = if cx.names_words(t) {
                (None, None)
            } else {
                cx.quote_speaker(si, t, qi, &frames)
            };
            if speaker.is_none() && !tree_asked && frames.iter().any(|f| f.ask_tree) {
                tree_asked = true;
                if cx.fill_from_tree(si, &mut frames) {
                    (speaker, cue) = cx.quote_speaker(si, t, qi, &frames);
                }
            }
            let partial = !cx.is_direct(si, t, qi);
            let kind = match (partial, &speaker, cue) {
                (true, None, None) => QuoteKind::Scare,
                (true, _, _) => QuoteKind::Partial,
                (false, _, _) => QuoteKind::Direct,
            };
            if let Some(s) = &speaker {
                cx.said[si].push(s.clone());
            }
            found[qi] = Some(QuoteFound {
                span: quotes[qi].span,
                speaker: speaker.map(|s| cx.speaker_found(s)),
                cue,
                kind,
            });
        }
    }
    // `"We lost. "We will be back," he said.`: a quote run on into the next
    // (reopened, not closed) is said by whoever says the next, unless a verb
    // of its own says otherwise. A paragraph's quote left open for the next
    // one is surely the same speech; a reopening inside a paragraph may
    // follow a closing mark the writer forgot, so it only fills a gap.
    for qi in (0..quotes.len().saturating_sub(1)).rev() {
        let Some(q) = found[qi].as_ref() else {
            continue;
        };
        let across_paragraphs = quotes[qi].runs_on && quotes[qi].raw.unclosed;
        let fill = quotes[qi].runs_on && q.speaker.is_none();
        if q.cue.is_some() || !(across_paragraphs || fill) {
            continue;
        }
        if let Some(next) = found[qi + 1].as_ref().and_then(|q| q.speaker.clone()) {
            if let Some(q) = found[qi].as_mut() {
                q.speaker = Some(next);
                if q.kind == QuoteKind::Scare {
                    q.kind = QuoteKind::Partial;
                }
            }
        }
    }
    let mut out: Vec<QuoteFound> = found.into_iter().flatten().collect();
    share_speakers(text, &mut out);
    out
}

/// The same words quoted twice (a headline repeating the body) were said by
/// the same speaker: an unattributed copy takes the attributed one's speaker.
fn share_speakers(text: &str, out: &mut [QuoteFound]) {
    let mut said: Vec<(String, SpeakerFound)> = out
        .iter()
        .filter_map(|q| Some((q.span.text(text).to_lowercase(), q.speaker.clone()?)))
        .collect();
    said.sort_by(|a, b| a.0.cmp(&b.0));
    for q in out.iter_mut().filter(|q| q.speaker.is_none()) {
        let key = q.span.text(text).to_lowercase();
        let i = said.partition_point(|(k, _)| *k < key);
        if let Some((_, s)) = said.get(i).filter(|(k, _)| *k == key) {
            q.speaker = Some(s.clone());
            if q.kind == QuoteKind::Scare {
                q.kind = QuoteKind::Partial;
            }
        }
    }
}

/// The sex an entity's titles give: its own, or the title word before or at
/// the start of one of its mentions.
fn entity_sex(l: &Layout<'_>, e: &FoundEntity) -> Option<Sex> {
    let from_titles = e.titles.iter().find_map(|t| lexicon::title_sex(t));
    from_titles.or_else(|| {
        e.mentions.iter().find_map(|m| {
            let before = l.word_before(m.start).and_then(lexicon::title_sex);
            before.or_else(|| l.words_in(*m).next().and_then(lexicon::title_sex))
        })
    })
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Ctx<'_> {
    fn word(&self, t: usize) -> Option<&str> {
        self.words[t]
    }

    /// The word at `t` in lower case, with a straight apostrophe ("’s" is
    /// "'s"); borrowed when it already is.
    fn lword(&self, t: usize) -> Option<Cow<'_, str>> {
        let w = self.words[t]?;
        let lower = self.lowered[t].get_or_init(|| {
            if w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                Cow::Owned(w.to_lowercase().replace('\u{2019}', "'"))
            } else {
                Cow::Borrowed(w)
            }
        });
        Some(Cow::Borrowed(lower))
    }

    /// Whether the word at `t` sits between a subject and its verb ("has",
    /// "also", "quickly"); a capitalized "-ly" word is a name ("Kelly").
    fn is_between_subject_and_verb(&self, t: usize) -> bool {
        let (Some(raw), Some(w)) = (self.word(t), self.lword(t)) else {
            return false;
        };
        lexicon::is_between_subject_and_verb(&w) && !(is_capitalized(raw) && w.ends_with("ly"))
    }

    fn is_punct(&self, t: usize, set: &[char]) -> bool {
        matches!(self.l.toks[t].kind, TokKind::Punct(c) if set.contains(&c))
    }

    /// The person or organization mentioned at token `t`.
    fn mention_at(&self, t: usize) -> Option<usize> {
        let span = self.l.toks[t].span;
        let i = self.mentions.partition_point(|m| m.span.start < span.end);
        (i > 0 && self.mentions[i - 1].span.end > span.start).then(|| self.mentions[i - 1].entity)
    }

    fn kind(&self, e: usize) -> EntityKind {
        self.entities[e].kind
    }

    fn speaker_found(&self, s: Speaker) -> SpeakerFound {
        SpeakerFound {
            entity: s.entity.map(|e| self.entities[e].id.clone()),
            name: s.name,
        }
    }

    fn entity(&self, e: usize) -> Speaker {
        Speaker {
            entity: Some(e),
            name: self.entities[e].name.clone(),
        }
    }

    // ---- frames ----

    fn frames(&self, si: usize) -> Vec<Frame> {
        let range = self.l.sents[si].toks.clone();
        let mut frames: Vec<Frame> = Vec::new();
        for t in range.clone() {
            // Reporting verbs are lower case but for a sentence's "According to".
            let Some(raw) = self.word(t) else { continue };
            if raw.starts_with(|c: char| !c.is_ascii_lowercase()) && raw != "According" {
                continue;
            }
            let Some(w) = self.lword(t) else { continue };
            if w == "according" && t + 1 < range.end && self.lword(t + 1).as_deref() == Some("to") {
                frames.push(Frame {
                    tok: t,
                    cue: ByteSpan::new(self.l.toks[t].span.start, self.l.toks[t + 1].span.end),
                    speaker: self.after_np(t + 2, range.end),
                    inverted: false,
                    ask_tree: false,
                });
                continue;
            }
            // The verb test first: most words are not verbs, and reading the
            // word before may lowercase a name.
            let Some(form) = lexicon::cue(&w) else {
                continue;
            };
            if t > range.start && self.lword(t - 1).as_deref() == Some("according") {
                continue;
            }
            if self.is_infinitive(range.start, t) {
                continue; // "refused to say": nothing was said
            }
            let mut inverted = false;
            let mut ask_tree = false;
            let speaker = match form {
                CueForm::Participle => frames
                    .iter()
                    .rev()
                    .find_map(|f| f.speaker.clone())
                    .or_else(|| self.main_subject(si, t)),
                CueForm::Finite => {
                    let mut p = t;
                    while p > range.start && self.is_punct(p - 1, &[',']) {
                        p -= 1;
                    }
                    // `…, said Prime Minister Ola Brandt.`: after reported
                    // speech, a verb followed by nothing but a name to the
                    // end of the sentence has its subject after it.
                    // Only verbs without an object ("told Reuters" names
                    // whom the speaker told).
                    let intransitive = matches!(
                        w.as_ref(),
                        "said" | "says" | "added" | "adds" | "wrote" | "writes"
                    );
                    let name_to_end = intransitive
                        && p < t
                        && t + 1 < range.end
                        && (t + 1..range.end).all(|i| match self.l.toks[i].kind {
                            TokKind::Word => self.word(i).is_some_and(|w| {
                                is_capitalized(w) || matches!(w, "of" | "the" | "and")
                            }),
                            TokKind::Punct(c) => matches!(c, '.' | '!' | '?'),
                            TokKind::Quote(_) => false,
                        })
                        && self.word(t + 1).is_some_and(is_capitalized);
                    inverted = p == range.start
                        || matches!(self.l.toks[p - 1].kind, TokKind::Quote(_))
                        || name_to_end;
                    if inverted {
                        self.after_np(t + 1, range.end)
                    } else if let Some(s) = self.earlier_speaker(&frames, si, t) {
                        // `X said: "…," he said`: the pronoun is X.
                        Some(s)
                    } else if self.is_passive(range.start, t) {
                        // "X was accused of …": the accuser, if named, follows "by".
                        (t + 1..range.end.min(t + 8))
                            .find(|&i| self.lword(i).as_deref() == Some("by"))
                            .and_then(|by| self.after_np(by + 1, range.end))
                    } else {
                        let found = self.subject(si, t);
                        // The walk stops at a comma, a dash or a bracket
                        // closing an aside, and misreads a name that is
                        // also a word ("May said"); a pronoun or a noun it
                        // read and could not resolve, the tree would give
                        // again.
                        ask_tree = found.is_none()
                            && t > range.start
                            && match self.l.toks[t - 1].kind {
                                TokKind::Punct(c) => {
                                    matches!(c, ',' | '-' | '\u{2013}' | '\u{2014}' | ')')
                                }
                                TokKind::Word => self.word(t - 1).is_some_and(is_capitalized),
                                TokKind::Quote(_) => false,
                            };
                        found
                    }
                }
            };
            frames.push(Frame {
                tok: t,
                cue: self.l.toks[t].span,
                speaker,
                inverted,
                ask_tree,
            });
        }
        frames
    }

    /// The speaker of an earlier verb of the sentence, when the subject of
    /// the verb at `t` is a pronoun that fits it.
    fn earlier_speaker(&self, frames: &[Frame], si: usize, t: usize) -> Option<Speaker> {
        let lo = self.l.sents[si].toks.start;
        let h = (lo..t)
            .rev()
            .find(|&i| !self.is_between_subject_and_verb(i))?;
        let p = lexicon::pronoun(&self.lword(h)?)?;
        frames.iter().rev().find_map(|f| {
            let s = f.speaker.as_ref()?;
            self.fits(s.entity?, p).then(|| s.clone())
        })
    }

    /// Whether entity `e` can be what pronoun `p` stands for.
    fn fits(&self, e: usize, p: Pronoun) -> bool {
        match p {
            Pronoun::Person(sex) => {
                self.kind(e) == EntityKind::Person
                    && (sex.is_none() || self.sex[e].is_none() || self.sex[e] == sex)
            }
            Pronoun::Organization => self.kind(e) == EntityKind::Organization,
        }
    }

    /// "to say", except "went on to say".
    fn is_infinitive(&self, lo: usize, t: usize) -> bool {
        t > lo
            && self.lword(t - 1).as_deref() == Some("to")
            && !(t > lo + 1
                && self
                    .lword(t - 2)
                    .is_some_and(|w| matches!(w.as_ref(), "on" | "continued" | "proceeded")))
    }

    /// Whether the verb at `t` is a passive participle ("has been accused").
    fn is_passive(&self, lo: usize, t: usize) -> bool {
        let mut i = t;
        while i > lo {
            i -= 1;
            let Some(w) = self.lword(i) else { return false };
            match w.as_ref() {
                w if lexicon::is_passive_auxiliary(w) => return true,
                w if w.len() > 4 && w.ends_with("ly") => continue,
                "also" | "not" | "never" | "widely" => continue,
                _ => return false,
            }
        }
        false
    }

    /// The subject of a participle's main clause: the first person (else
    /// organization) named in the sentence before it, or a leading pronoun.
    fn main_subject(&self, si: usize, t: usize) -> Option<Speaker> {
        let start = self.l.sents[si].toks.start;
        let ents: Vec<usize> = (start..t).filter_map(|i| self.mention_at(i)).collect();
        ents.iter()
            .find(|&&e| self.kind(e) == EntityKind::Person)
            .or_else(|| ents.first())
            .map(|&e| self.entity(e))
            .or_else(|| {
                let w = self.lword(start)?;
                self.resolve_pronoun(si, start, lexicon::pronoun(&w)?)
            })
    }

    /// The subject written before a finite reporting verb at `t`.
    fn subject(&self, si: usize, t: usize) -> Option<Speaker> {
        let lo = self.l.sents[si].toks.start;
        let mut i = t;
        let mut head = None;
        let mut relative = false;
        while i > lo {
            i -= 1;
            match self.l.toks[i].kind {
                TokKind::Quote(_) => break,
                TokKind::Punct(',') => {
                    // "X, a Y of Z, said": the subject is before the first
                    // comma of the aside (which may hold quotes of its own).
                    // After "who" the comma opens the aside ("X, who argues");
                    // otherwise it closes one ("X, a Y, said").
                    let upto = if relative { i + 1 } else { i };
                    let commas: Vec<usize> =
                        (lo..upto).filter(|&j| self.is_punct(j, &[','])).collect();
                    let named = |kind: EntityKind| {
                        commas
                            .iter()
                            .filter(|&&c| c > lo)
                            .filter_map(|&c| self.mention_at(c - 1))
                            .find(|&e| self.kind(e) == kind)
                    };
                    // "The shadow minister, Anka Vell, said": the aside is the name.
                    let aside_name = || {
                        let open = *commas.last()?;
                        let e = (!relative).then(|| self.mention_at(i - 1)).flatten()?;
                        let only_name = (open + 1..i)
                            .all(|j| self.mention_at(j) == Some(e) || self.is_title_word(j));
                        (only_name && self.kind(e) == EntityKind::Person).then_some(e)
                    };
                    if let Some(e) = named(EntityKind::Person)
                        .or_else(aside_name)
                        .or_else(|| named(EntityKind::Organization))
                    {
                        return Some(self.entity(e));
                    }
                    match commas.first() {
                        Some(&j) => i = j,
                        None => break,
                    }
                }
                // "the agency Varn Press (VPS) said": the acronym in
                // brackets repeats the name before it.
                TokKind::Punct(')')
                    if i >= lo + 2
                        && self.is_punct(i - 2, &['('])
                        && self.word(i - 1).is_some_and(|w| {
                            w.len() >= 2 && w.chars().all(|c| c.is_uppercase())
                        }) =>
                {
                    i -= 2;
                }
                TokKind::Punct(_) => break,
                TokKind::Word => {
                    let w = self.lword(i).expect("word");
                    if self.is_between_subject_and_verb(i) {
                        relative |= matches!(w.as_ref(), "who" | "which");
                        continue;
                    }
                    if lexicon::is_clause_start(&w) {
                        // "X doubted it, but added: …": X's verb too.
                        return self.main_subject(si, t);
                    }
                    // "Foster's said", "McDonald's announced": the "'s"
                    // belongs to the name (or is "has"); the word is the head.
                    let clitic = w == "'s"
                        && i > lo
                        && self.l.toks[i - 1].span.end == self.l.toks[i].span.start
                        && self.word(i - 1).is_some_and(is_capitalized);
                    head = Some(if clitic { i - 1 } else { i });
                    break;
                }
            }
        }
        self.resolve_head(si, head?, lo)
    }

    /// Give the frames of sentence `si` whose verb's subject the walk
    /// missed the subject the sentence's dependency tree gives it: a name,
    /// a pronoun resolved as the walk resolves one, or a name set in
    /// apposition to the subject ("the firm's head, X, said"). Each
    /// quotation is one word to the parser. Whether any frame got one.
    fn fill_from_tree(&mut self, si: usize, frames: &mut [Frame]) -> bool {
        let range = self.l.sents[si].toks.clone();
        let words: Vec<&str> = range
            .clone()
            .map(|i| match self.l.toks[i].kind {
                TokKind::Quote(_) => "this",
                _ => self.l.toks[i].span.text(self.text),
            })
            .collect();
        let tree = newsparse_syntax::pipeline_parse(&words);
        let mut filled = false;
        for f in frames.iter_mut().filter(|f| f.ask_tree) {
            f.ask_tree = false;
            let Some(subject) = tree
                .children(f.tok - range.start)
                .find(|&d| tree.deprel[d] == Deprel::Nsubj)
            else {
                continue;
            };
            let candidates = std::iter::once(subject).chain(
                tree.children(subject)
                    .filter(|&d| tree.deprel[d] == Deprel::Appos),
            );
            for w in candidates {
                let tok = range.start + w;
                let speaker = match self.mention_at(tok) {
                    Some(e) => Some(self.entity(e)),
                    None => self
                        .lword(tok)
                        .and_then(|w| lexicon::pronoun(&w))
                        .and_then(|p| self.resolve_pronoun(si, tok, p)),
                };
                if let Some(s) = speaker {
                    self.said[si].push(s.clone());
                    f.speaker = Some(s);
                    filled = true;
                    break;
                }
            }
        }
        filled
    }

    /// The first token of the clause holding token `i`.
    fn clause_floor(&self, lo: usize, i: usize) -> usize {
        (lo..i)
            .rev()
            .find(|&j| {
                matches!(
                    self.l.toks[j].kind,
                    TokKind::Quote(_) | TokKind::Punct(';' | ':')
                )
            })
            .map_or(lo, |j| j + 1)
    }

    /// What the word at `h` (the last word of a subject) refers to.
    fn resolve_head(&self, si: usize, h: usize, lo: usize) -> Option<Speaker> {
        let w = self.word(h)?;
        let lw = w.to_lowercase();
        let np_start = self.np_start(h, lo);
        if let Some(e) = self.mention_at(h) {
            // "the Union MP for Kessock", "a spokesman for Zorbex": a name
            // after a preposition is not the head of the phrase.
            let mut first = h;
            while first > lo && self.mention_at(first - 1) == Some(e) {
                first -= 1;
            }
            let mut before = first;
            if before > lo && self.lword(before - 1).as_deref() == Some("the") {
                before -= 1;
            }
            let after_prep = before > lo + 1
                && self
                    .lword(before - 1)
                    .is_some_and(|w| matches!(w.as_ref(), "for" | "of" | "at" | "from" | "in"));
            if after_prep {
                if let Some(s) = self.resolve_head(si, before - 2, lo) {
                    return Some(s);
                }
            }
            if self.kind(e) == EntityKind::Organization {
                // "Anka Vell of Zorbex said": the person speaks, not the firm.
                let floor = self.clause_floor(lo, h);
                let mut j = h;
                while j > floor.max(h.saturating_sub(8)) {
                    j -= 1;
                    let Some(lj) = self.lword(j) else { break };
                    if matches!(lj.as_ref(), "of" | "at" | "from" | "for") {
                        let before = (floor.max(j.saturating_sub(4))..j)
                            .rev()
                            .filter_map(|k| self.mention_at(k))
                            .find(|&p| self.kind(p) == EntityKind::Person);
                        if let Some(p) = before {
                            return Some(self.entity(p));
                        }
                        break;
                    }
                }
            }
            return Some(self.entity(e));
        }
        if let Some(p) = lexicon::pronoun(&lw) {
            // "…, he said": whoever the sentence's own words name, the
            // pronoun points back past them.
            return self.resolve_pronoun(si, self.l.sents[si].toks.start, p);
        }
        if let Some(d) = lexicon::description(&lw) {
            return self.resolve_description(si, h, d, np_start..h + 1);
        }
        // "the Union MP for Kessock": the head is before the preposition.
        if let Some(p) = (np_start + 1..h).find(|&i| {
            self.lword(i)
                .is_some_and(|w| matches!(w.as_ref(), "for" | "of" | "at" | "from" | "in"))
        }) {
            return self.resolve_head(si, p - 1, lo);
        }
        if is_capitalized(w) {
            // A sentence's first word is capitalized anyway: trust it as a
            // name only when an entity is called so.
            let first = h == self.l.sents[si].toks.start;
            let named = self
                .name_run(np_start, h + 1)
                .filter(|s| !first || s.entity.is_some());
            return self.title_holder(si, h, np_start..h + 1, named);
        }
        None
    }

    /// Where the noun phrase ending at `h` starts (determiners, adjectives,
    /// names and possessives before it).
    fn np_start(&self, h: usize, lo: usize) -> usize {
        let mut s = h;
        while s > lo && s + 6 > h {
            let Some(w) = self.lword(s - 1) else { break };
            if lexicon::is_clause_start(&w) || lexicon::cue(&w).is_some() {
                break;
            }
            s -= 1;
            if lexicon::is_determiner(&w) {
                break;
            }
        }
        s
    }

    /// The speaker named after an inverted verb: `"…," said Anka Vell, a Y`.
    fn after_np(&self, from: usize, end: usize) -> Option<Speaker> {
        let mut to = from;
        while to < end && to < from + 10 {
            // "said Sen. Anka Vell": the stop of a title does not end the name.
            if self.is_punct(to, &['.']) && to > from && self.is_title_word(to - 1) {
                to += 1;
                continue;
            }
            let Some(w) = self.lword(to) else { break };
            if to > from
                && (lexicon::is_clause_start(&w)
                    || matches!(
                        w.as_ref(),
                        "who"
                            | "which"
                            | "in"
                            | "on"
                            | "during"
                            | "to"
                            | "with"
                            | "when"
                            | "of"
                            | "for"
                            | "at"
                            | "from"
                    ))
            {
                break;
            }
            to += 1;
        }
        if to == from {
            return None;
        }
        // The head of "Norvex analyst Anka Vell" is its last name.
        let ents: Vec<usize> = (from..to).filter_map(|i| self.mention_at(i)).collect();
        let person = ents
            .iter()
            .rev()
            .find(|&&e| self.kind(e) == EntityKind::Person);
        // `said the firm's chief, Anka Vell,`: the name follows the comma.
        let named_after = || {
            (to + 1 < end && self.is_punct(to, &[',']))
                .then(|| self.mention_at(to + 1))
                .flatten()
                .filter(|&e| self.kind(e) == EntityKind::Person)
        };
        if let Some(e) = person
            .copied()
            .or_else(named_after)
            .or(ents.last().copied())
        {
            return Some(self.entity(e));
        }
        let si = self.l.tok_sent[from];
        let first = self.lword(from)?;
        if let Some(p) = lexicon::pronoun(&first) {
            return self.resolve_pronoun(si, from, p);
        }
        if let Some((h, d)) = (from..to).find_map(|i| {
            let d = lexicon::description(&self.lword(i)?)?;
            Some((i, d))
        }) {
            return self.resolve_description(si, h, d, from..to.min(h + 5));
        }
        let cap = |i: usize| self.word(i).is_some_and(is_capitalized);
        // The name, else a title standing for its holder ("said the Bishop").
        let caps = (from..to)
            .find(|&i| cap(i) && !self.is_title_word(i))
            .or_else(|| (from..to).find(|&i| cap(i)))?;
        let mut e = caps;
        while e < to && cap(e) {
            e += 1;
        }
        let named = self.name_run(caps, e);
        self.title_holder(si, e - 1, from..e, named)
    }

    /// A title written as a noun for its holder ("the Ayatollah", "the
    /// Pope"): capitalized inside a sentence, with no name after it.
    fn is_title_noun(&self, t: usize) -> bool {
        let mid_sentence = t > self.l.sents[self.l.tok_sent[t]].toks.start;
        let before_name = t + 1 < self.l.toks.len() && self.word(t + 1).is_some_and(is_capitalized);
        self.word(t)
            .is_some_and(|w| is_capitalized(w) && lexicon::is_title(w))
            && mid_sentence
            && !before_name
    }

    /// The person a title written as a noun stands for, when no entity is
    /// called by the name `named` gives.
    fn title_holder(
        &self,
        si: usize,
        t: usize,
        np: std::ops::Range<usize>,
        named: Option<Speaker>,
    ) -> Option<Speaker> {
        if named.as_ref().is_some_and(|s| s.entity.is_some()) || !self.is_title_noun(t) {
            return named;
        }
        self.resolve_description(si, t, Described::Person, np)
            .or(named)
    }

    /// A title, or a word of one ("Prime" and "Minister" of "Prime Minister").
    fn is_title_word(&self, t: usize) -> bool {
        let Some(w) = self.word(t) else { return false };
        if lexicon::is_title(w) {
            return true;
        }
        let pair = |a: usize| -> bool {
            match (self.word(a), self.word(a + 1)) {
                (Some(x), Some(y)) => lexicon::title_len(&[x, y]) == 2,
                _ => false,
            }
        };
        (t + 1 < self.l.toks.len() && pair(t)) || (t > 0 && pair(t - 1))
    }

    /// A name no entity covers: match it to an entity by name, alias or
    /// surname, or keep it as a bare name.
    fn name_run(&self, from: usize, to: usize) -> Option<Speaker> {
        let mut words: Vec<&str> = (from..to)
            .filter_map(|i| self.word(i))
            .skip_while(|w| !is_capitalized(w))
            .collect();
        let whole = words.clone();
        // Leading lower-case words and titles ("the Prime Minister Anka Vell"),
        // unless the title is all there is ("the Bishop").
        loop {
            let skip = match words.first() {
                Some(w) if !is_capitalized(w) => 1,
                Some(_) => lexicon::title_len(&words),
                None => 0,
            };
            if skip == 0 {
                break;
            }
            words.drain(..skip);
        }
        // A title alone is a name only when it is more than a courtesy
        // ("the Bishop", not "Ms").
        let courtesy = |w: &&str| w.len() <= 3 || lexicon::title_sex(w).is_some();
        if !words.iter().any(|w| is_capitalized(w)) && !whole.iter().any(courtesy) {
            words = whole;
        }
        while words.last().is_some_and(|w| !is_capitalized(w)) {
            words.pop();
        }
        if words.is_empty() {
            return None;
        }
        let name = words.join(" ");
        let name = name.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        let found = self.by_name.find(name);
        Some(match found {
            Some(e) => self.entity(e),
            None => Speaker {
                entity: None,
                name: name.to_string(),
            },
        })
    }

    // ---- reference ----

    /// The sentences to look back through from sentence `si`, nearest first.
    fn back(&self, si: usize) -> impl Iterator<Item = usize> {
        (si.saturating_sub(4)..=si).rev()
    }

    fn resolve_pronoun(&self, si: usize, at: usize, p: Pronoun) -> Option<Speaker> {
        let fits = |e: usize| self.fits(e, p);
        for s in self.back(si) {
            // Whoever a sentence has speaking is its most salient person;
            // else whoever it names first (its subject, usually).
            if s != si {
                if let Some(sp) = self.said[s].iter().find(|sp| sp.entity.is_some_and(fits)) {
                    return Some(sp.clone());
                }
            }
            let toks = self.l.sents[s].toks.clone();
            let end = if s == si { at } else { toks.end };
            if let Some(e) = (toks.start..end)
                .filter_map(|t| self.mention_at(t))
                .find(|&e| fits(e))
            {
                return Some(self.entity(e));
            }
        }
        None
    }

    /// "the company", "a spokesman for X", "the Vardian leader".
    fn resolve_description(
        &self,
        si: usize,
        head: usize,
        d: Described,
        np: std::ops::Range<usize>,
    ) -> Option<Speaker> {
        let in_np: Vec<usize> = np.clone().filter_map(|t| self.mention_at(t)).collect();
        let org_in_np = in_np
            .iter()
            .copied()
            .find(|&e| self.kind(e) == EntityKind::Organization);
        let nearest_org = || {
            self.back(si).find_map(|s| {
                let toks = self.l.sents[s].toks.clone();
                let end = if s == si { head } else { toks.end };
                // The first organization of the nearest sentence naming one:
                // the subject, more often than not.
                (toks.start..end)
                    .filter_map(|t| self.mention_at(t))
                    .find(|&e| self.kind(e) == EntityKind::Organization)
                    .map(|e| self.entity(e))
                    .or_else(|| {
                        (s != si)
                            .then(|| {
                                self.said[s].iter().rev().find(|sp| {
                                    sp.entity
                                        .is_some_and(|e| self.kind(e) == EntityKind::Organization)
                                })
                            })
                            .flatten()
                            .cloned()
                    })
            })
        };
        // "the company" points back; "the information commissioner's office"
        // names a body of its own that no entity covers.
        let modifiers: Vec<Cow<str>> = np
            .clone()
            .filter(|&t| t != head)
            .filter_map(|t| self.lword(t))
            .filter(|w| !lexicon::is_determiner(w))
            .collect();
        let bare = modifiers.len() <= 1
            && !modifiers
                .iter()
                .any(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"));
        let nearest_org = || bare.then(nearest_org).flatten();
        // "Anka Vell's statement", "a statement by Anka Vell".
        let person_in_np = in_np
            .iter()
            .copied()
            .find(|&e| self.kind(e) == EntityKind::Person);
        let end = self.l.sents[si].toks.end;
        let linked = head + 1 < end
            && self
                .lword(head + 1)
                .is_some_and(|w| matches!(w.as_ref(), "for" | "of" | "at" | "from" | "by"));
        let after: Vec<usize> = (head + 2..end.min(head + 6))
            .filter(|_| linked)
            .take_while(|&t| !matches!(self.l.toks[t].kind, TokKind::Quote(_) | TokKind::Punct(_)))
            .filter_map(|t| self.mention_at(t))
            .collect();
        let org_after = after
            .iter()
            .copied()
            .find(|&e| self.kind(e) == EntityKind::Organization);
        // "a Zorbex spokesman": a name no entity covers is still a name.
        let named_in_np = || {
            let caps: Vec<usize> = np
                .clone()
                .filter(|&t| t < head && self.word(t).is_some_and(is_capitalized))
                .filter(|&t| !self.is_title_word(t) && t != self.l.sents[si].toks.start)
                .collect();
            let (&a, &b) = (caps.first()?, caps.last()?);
            self.name_run(a, b + 1)
        };
        match d {
            Described::Organization => org_in_np
                .or(person_in_np)
                .map(|e| self.entity(e))
                .or_else(named_in_np)
                .or_else(nearest_org),
            Described::Document => org_in_np
                .or(person_in_np)
                .or(after.first().copied())
                .map(|e| self.entity(e))
                .or_else(named_in_np),
            Described::Spokesperson => org_in_np
                .or(org_after)
                .map(|e| self.entity(e))
                .or_else(named_in_np)
                .or_else(nearest_org),
            Described::Person => {
                if let Some(&e) = in_np.iter().find(|&&e| self.kind(e) == EntityKind::Person) {
                    return Some(self.entity(e));
                }
                let indefinite = self
                    .lword(np.start)
                    .is_some_and(|w| matches!(w.as_ref(), "a" | "an" | "one"));
                if indefinite {
                    // "A party MEP suggested …": someone introduced here and
                    // named next, not someone met before.
                    return self.first_person_after(si, head);
                }
                self.by_attributes(head, np)
                    .or_else(|| self.resolve_pronoun(si, head, Pronoun::Person(None)))
                    .or_else(|| self.first_person_after(si, head))
            }
        }
    }

    /// The first person named after token `t` in its paragraph.
    fn first_person_after(&self, si: usize, t: usize) -> Option<Speaker> {
        let para = self.l.sents[si].para;
        (t..self.l.toks.len())
            .take_while(|&i| self.l.sents[self.l.tok_sent[i]].para == para)
            .filter_map(|i| self.mention_at(i))
            .find(|&e| self.kind(e) == EntityKind::Person)
            .map(|e| self.entity(e))
    }

    /// The person whose title, role or attribute the description's words
    /// name; the one mentioned last before it wins a tie.
    fn by_attributes(&self, head: usize, np: std::ops::Range<usize>) -> Option<Speaker> {
        let words: Vec<Cow<str>> = np.filter_map(|t| self.lword(t)).collect();
        let head_word = self.lword(head)?;
        let at = self.l.toks[head].span.start;
        let mut best: Option<(u32, usize, usize)> = None;
        for (i, e) in self.entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let role_hit = e
                .titles
                .iter()
                .chain(&e.roles)
                .any(|r| r.to_lowercase().split_whitespace().any(|x| x == head_word));
            let attr_hit = e
                .attributes
                .iter()
                .any(|a| words.iter().any(|w| *w == a.to_lowercase()));
            let score = 2 * role_hit as u32 + attr_hit as u32;
            if score == 0 {
                continue;
            }
            let last_before = e
                .mentions
                .iter()
                .filter(|m| m.start < at)
                .map(|m| m.start)
                .max();
            let recency = last_before.map_or(0, |p| p + 1);
            if best.is_none_or(|(s, r, _)| (score, recency) > (s, r)) {
                best = Some((score, recency, i));
            }
        }
        best.map(|(_, _, i)| self.entity(i))
    }

    // ---- quotes ----

    fn quote_speaker(
        &self,
        si: usize,
        t: usize,
        qi: usize,
        frames: &[Frame],
    ) -> (Option<Speaker>, Option<ByteSpan>) {
        // `"…," said X` / `"…," X said`: the verb close after, in the same
        // clause, and the quote closed by a comma or stop (else `the "plan" X
        // had promised`: the quote is the verb's object, not its speech).
        let sent = self.l.sents[si].toks.clone();
        let inner = self.quotes[qi]
            .raw
            .inner
            .text(self.text)
            .trim_end_matches(is_space);
        let set_off = inner.ends_with([',', '.', '!', '?'])
            || (t + 1 < sent.end && self.is_punct(t + 1, &[',', '-', '\u{2013}', '\u{2014}']));
        let adjacent = frames.iter().find(|f| {
            f.tok > t
                && (set_off || f.tok == t + 1)
                && f.tok - t <= 7
                && !(t + 1..f.tok).any(|i| {
                    matches!(self.l.toks[i].kind, TokKind::Quote(_))
                        || self.lword(i).is_some_and(|w| {
                            lexicon::is_clause_start(&w) || matches!(w.as_ref(), "who" | "which")
                        })
                })
        });
        // `"…," said X, who backs a "yes" vote`: past the name, the writer speaks.
        let claims = |f: &&Frame| {
            !f.inverted
                || !(f.tok + 1..t).any(|i| {
                    self.lword(i)
                        .is_some_and(|w| matches!(w.as_ref(), "who" | "which" | "whose"))
                })
        };
        let chosen = adjacent
            .or_else(|| frames.iter().rev().find(|f| f.tok < t).filter(claims))
            .or_else(|| {
                // `Despite this "trick", the bill …, he added`: a later verb, when
                // no earlier one has the quote.
                let earlier = frames.iter().any(|f| f.tok < t);
                frames.iter().find(|f| f.tok > t).filter(|_| !earlier)
            });
        if let Some(f) = chosen {
            return (f.speaker.clone(), Some(f.cue));
        }
        // `"…!" Anka Vell said.` printed as a sentence of its own.
        let rest_is_punct =
            (t + 1..sent.end).all(|i| matches!(self.l.toks[i].kind, TokKind::Punct(_)));
        if rest_is_punct {
            if let Some(next) = self.l.sents.get(si + 1) {
                let n = next.toks.clone();
                let bare = next.para == self.l.sents[si].para
                    && n.len() <= 8
                    && !n
                        .clone()
                        .any(|i| matches!(self.l.toks[i].kind, TokKind::Quote(_)));
                if bare {
                    if let Some(f) = self.frames(si + 1).into_iter().next() {
                        return (f.speaker, Some(f.cue));
                    }
                }
            }
        }
        // `a speech by Anka Vell on … a "new deal"`: a noun of speech names its speaker.
        if let Some(e) = (sent.start..t).find_map(|i| {
            let w = self.lword(i)?;
            let by = self.lword(i + 1)?;
            (lexicon::is_speech_noun(&w) && matches!(by.as_ref(), "by" | "from"))
                .then(|| (i + 2..(i + 5).min(t)).find_map(|j| self.mention_at(j)))
                .flatten()
        }) {
            return (Some(self.entity(e)), None);
        }
        // `"…" - Anka Vell`
        if t + 2 < sent.end && self.is_punct(t + 1, &['-', '\u{2013}', '\u{2014}']) {
            if let Some(e) = self.mention_at(t + 2) {
                return (Some(self.entity(e)), None);
            }
        }
        // `Anka Vell: "…"`
        if t >= sent.start + 2 && self.is_punct(t - 1, &[':']) {
            if let Some(e) = self.mention_at(t - 2) {
                return (Some(self.entity(e)), None);
            }
        }
        let words = self.l.words_in(self.quotes[qi].span).count();
        let opens_sentence = t == sent.start || self.is_punct(t - 1, &[':']);
        if opens_sentence || words >= 3 {
            if let Some(s) = self.continued_speaker(si) {
                return (Some(s), None);
            }
        }
        if opens_sentence && self.speaks_for_self(qi) {
            if let Some(s) = self.introduced_speaker(si) {
                return (Some(s), None);
            }
        }
        // "He coined a … "word"": the sentence is about him.
        let lead = self
            .lword(sent.start)
            .and_then(|w| lexicon::pronoun(&w))
            .filter(|p| matches!(p, Pronoun::Person(_)));
        if let Some(p) = lead {
            return (self.resolve_pronoun(si, sent.start, p), None);
        }
        (None, None)
    }

    /// The speaker of the sentence before (a quote run on from there).
    fn continued_speaker(&self, si: usize) -> Option<Speaker> {
        let prev = si.checked_sub(1)?;
        if self.l.sents[si].para > self.l.sents[prev].para + 1 {
            return None;
        }
        self.said[prev].last().cloned()
    }

    /// Whether the quote speaks in the first person ("I", "we", "our").
    fn speaks_for_self(&self, qi: usize) -> bool {
        self.l.words_in(self.quotes[qi].span).any(|w| {
            matches!(
                w,
                "I" | "we" | "We" | "my" | "My" | "our" | "Our" | "me" | "us"
            )
        })
    }

    /// `Anka Vell trained in Ostrel. "I was there for a fortnight."`: a quote in
    /// the first person after a sentence about one person is that person's.
    fn introduced_speaker(&self, si: usize) -> Option<Speaker> {
        let prev = si.checked_sub(1)?;
        let toks = self.l.sents[prev].toks.clone();
        if self.l.sents[si].para > self.l.sents[prev].para + 1
            || toks
                .clone()
                .any(|t| matches!(self.l.toks[t].kind, TokKind::Quote(_)))
        {
            return None;
        }
        toks.filter_map(|t| self.mention_at(t))
            .find(|&e| self.kind(e) == EntityKind::Person)
            .map(|e| self.entity(e))
    }

    fn is_direct(&self, si: usize, t: usize, qi: usize) -> bool {
        let starts_upper = self.quotes[qi]
            .span
            .text(self.text)
            .chars()
            .find(|&c| is_word(c))
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let start = self.l.sents[si].toks.start;
        let opens = t == start
            || self.is_punct(t - 1, &[':'])
            || (self.is_punct(t - 1, &[',']) && t >= start + 2 && {
                matches!(self.l.toks[t - 2].kind, TokKind::Word)
                    && self.lword(t - 2).and_then(|w| lexicon::cue(&w)).is_some()
            });
        starts_upper && opens
    }

    /// `the film "Stone Harbour"`: the title of a work, not speech.
    /// Whether the quote at token `t` follows a noun for words themselves
    /// ("the words", "the phrase", "the slogan"): it quotes language, not
    /// someone's speech.
    fn names_words(&self, t: usize) -> bool {
        let start = self.l.sents[self.l.tok_sent[t]].toks.start;
        t > start
            && self
                .lword(t - 1)
                .is_some_and(|w| lexicon::is_language_noun(&w))
    }

    fn is_work_title(&self, t: usize, qi: usize) -> bool {
        let start = self.l.sents[self.l.tok_sent[t]].toks.start;
        let mut p = t;
        while p > start && self.is_punct(p - 1, &[',']) {
            p -= 1;
        }
        let inner = self.quotes[qi]
            .raw
            .inner
            .text(self.text)
            .trim_end_matches(is_space);
        // Titles start with a capital or a digit: `films "of French expression"`
        // is words quoted, not a title.
        let capital = inner
            .chars()
            .find(|&c| is_word(c))
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let title_like = capital
            && self.l.words_in(self.quotes[qi].raw.inner).count() <= 10
            && !inner.ends_with([',', '.', '!', '?', ';', ':']);
        title_like && p > start && self.lword(p - 1).is_some_and(|w| lexicon::is_work_noun(&w))
    }
}
