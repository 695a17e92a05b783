//! What a sentence's dependency tree (`newsparse_syntax::pipeline_parse`)
//! tells the events stage where its word-order rules cannot:
//! - the participants of a verb or adjective trigger the rules leave with
//!   nobody: the subject of the trigger, active or passive, past an
//!   apposition or a relative clause between ("X, 25, was arrested", "X,
//!   who founded Y, has died"); the subject it shares with the verb it
//!   hangs from ("X agreed to buy", "X joined and was named"); the noun a
//!   relative clause or a past participle describes ("X, elected in
//!   December, …"); a name in apposition to a subject that is not one
//!   ("the man, X, was arrested"); names coordinated with any of these
//!   ("X and Y have met") (`subjects`);
//! - which of several places is the trigger's scene and which of several
//!   dates is its own: the one whose head reaches the trigger through nouns,
//!   not through another verb or the trigger's subject (`attaches`,
//!   `is_scene`).
//!
//! Parsing costs about four times the rest of the pipeline per word, so a
//! sentence is tagged (a window around the trigger) only when such a
//! trigger has a person or an organization named before it, parsed only
//! when the trigger is tagged a verb or an adjective, and then only as far
//! as two words past its last trigger; whole only for a place or a date
//! (`Lazy`; the cost on BBC is in the README's syntax section).

use crate::detect::WordMention;
use crate::words::Word;
use newsparse_syntax::{Deprel, Model, Parsed, Upos};

/// Words tagged before a trigger to tell whether it is a verb.
const TAG_BEFORE: usize = 4;

/// Words parsed past a sentence's last trigger: enough for a particle
/// ("stepped down") and the tagger's view of the trigger's right side.
const AFTER_TRIGGER: usize = 2;

/// A sentence's tree, computed on first use: the tree of
/// the words as far as the use needs (subjects stand before the trigger;
/// a place or a date may stand anywhere), parsed again only if a later use
/// needs more words.
pub struct Lazy<'w, 't> {
    words: &'w [Word<'t>],
    /// Where the subjects' parse may stop: two words past the last trigger.
    subjects_to: usize,
    tree: Option<Parsed>,
}

/// A subject the tree gives a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argument {
    /// The first word of the name.
    pub at: usize,
    /// Whether the trigger is passive (the subject undergoes it).
    pub passive: bool,
}

impl<'w, 't> Lazy<'w, 't> {
    /// The sentence `words`, whose last trigger ends at `last_trigger_end`
    /// (exclusive).
    pub fn new(words: &'w [Word<'t>], last_trigger_end: usize) -> Lazy<'w, 't> {
        Lazy {
            words,
            subjects_to: words.len().min(last_trigger_end + AFTER_TRIGGER),
            tree: None,
        }
    }

    fn texts(&self, from: usize, to: usize) -> Vec<&'t str> {
        self.words[from..to].iter().map(|w| w.text).collect()
    }

    /// Whether the trigger at `start..end` is tagged a verb or an
    /// adjective ("was arrested", "has died", "was declared insolvent"):
    /// a noun trigger's doer is no subject of it.
    pub fn is_predicate(&mut self, start: usize, end: usize) -> bool {
        if end > self.subjects_to {
            return false;
        }
        // The tagger reads two words either side (and its own tags of the
        // words after): a window of the sentence tags the trigger as the
        // whole would, at a third of the cost.
        let from = start.saturating_sub(TAG_BEFORE);
        let words = self.texts(from, self.subjects_to);
        let tags = Model::embedded_pipeline().tag(&words);
        tags[start - from..end - from]
            .iter()
            .any(|t| matches!(t, Upos::Verb | Upos::Adj))
    }

    /// The tree of at least the first `to` words.
    fn tree(&mut self, to: usize) -> &Parsed {
        if self.tree.as_ref().is_none_or(|t| t.head.len() < to) {
            let words = self.texts(0, to);
            self.tree = Some(newsparse_syntax::pipeline_parse(&words));
        }
        self.tree.as_ref().expect("parsed above")
    }

    /// Whether the phrase at `a..b` hangs from the trigger at
    /// `start..end`: its head's way up the tree reaches the trigger
    /// through nouns and adjectives, not through another verb ("attacked
    /// on Friday", "the attack on the town on Friday"; not "attacked the
    /// town he left on Friday").
    pub fn attaches(&mut self, a: usize, b: usize, start: usize, end: usize) -> bool {
        let n = self.words.len();
        attaches(self.tree(n), a, b, start, end)
    }

    /// Whether the place named at `a..b` is where the trigger at
    /// `start..end` happens: it [`attaches`] to it as a phrase after a
    /// preposition or as the object ("in X", "at the court in X",
    /// "visited X"), not as a modifier of a noun ("X's minister", "the X
    /// government") nor as the subject.
    pub fn is_scene(&mut self, a: usize, b: usize, start: usize, end: usize) -> bool {
        if !self.attaches(a, b, start, end) {
            return false;
        }
        let (words, n) = (self.words, self.words.len());
        is_scene(self.tree(n), words, a, b)
    }

    /// The names the tree gives the trigger at `start..end` as its
    /// subject, each once, in the order found. Call after
    /// [`Lazy::is_predicate`] said yes.
    pub fn subjects(
        &mut self,
        mentions: &[WordMention],
        start: usize,
        end: usize,
    ) -> Vec<Argument> {
        let (words, to) = (self.words, self.subjects_to);
        subjects(self.tree(to), words, mentions, start, end)
    }
}

/// [`Lazy::attaches`] on a tree: nor through the trigger's subject ("a
/// man from X was arrested" is not an arrest in X).
pub fn attaches(tree: &Parsed, a: usize, b: usize, start: usize, end: usize) -> bool {
    let trigger = tree.head_of(start, end);
    let mut at = tree.head_of(a, b);
    // A tree has no cycle; the bound only guards a malformed one.
    for _ in 0..tree.head.len() {
        match tree.parent(at) {
            Some(p) if p == trigger => return true,
            Some(p)
                if !matches!(tree.upos[p], Upos::Verb | Upos::Aux)
                    && !tree.deprel[p].is_subject() =>
            {
                at = p
            }
            _ => return false,
        }
    }
    false
}

/// Whether the place at `a..b` stands in `tree` as the object of a verb
/// or after a preposition of place, not as a noun's modifier or a subject.
pub fn is_scene(tree: &Parsed, words: &[Word], a: usize, b: usize) -> bool {
    let head = tree.head_of(a, b);
    match tree.deprel[head] {
        Deprel::Obj => true,
        Deprel::Obl | Deprel::Nmod => tree
            .children(head)
            .filter(|&d| tree.deprel[d] == Deprel::Case)
            .any(|d| crate::PLACE_PREPOSITIONS.contains(&words[d].lower.as_ref())),
        _ => false,
    }
}

/// Whether word `w` has a passive auxiliary or a passive subject.
fn is_passive(tree: &Parsed, w: usize) -> bool {
    tree.children(w)
        .any(|d| matches!(tree.deprel[d], Deprel::AuxPass | Deprel::NsubjPass))
}

/// [`Lazy::subjects`] on a tree.
pub fn subjects(
    tree: &Parsed,
    words: &[Word],
    mentions: &[WordMention],
    start: usize,
    end: usize,
) -> Vec<Argument> {
    let n = tree.head.len();
    if end > n || n > words.len() {
        return Vec::new();
    }
    let trigger = tree.head_of(start, end);
    let passive = is_passive(tree, trigger);
    // (word, passive)
    let mut slots: Vec<(usize, bool)> = tree
        .children(trigger)
        .filter_map(|d| match tree.deprel[d] {
            Deprel::Nsubj => Some((d, false)),
            Deprel::NsubjPass => Some((d, true)),
            _ => None,
        })
        .collect();
    // Two subjects of one verb: the tree is wrong there.
    if slots.len() > 1 {
        return Vec::new();
    }
    // No subject of its own: the one of the word it hangs from.
    if slots.is_empty() {
        if let Some(h) = tree.parent(trigger) {
            match tree.deprel[trigger] {
                // "X agreed to buy", "X joined and was named".
                Deprel::Xcomp | Deprel::Conj => {
                    // The trigger's own voice: "X was forced to quit" is
                    // X quitting, "X agreed to be bought" X bought.
                    slots.extend(
                        tree.children(h)
                            .filter(|&d| tree.deprel[d].is_subject())
                            .map(|d| (d, passive)),
                    );
                }
                // "X, who attacked…"; "X, arrested on Friday, …" (a
                // present participle's noun is rarer and, as often as
                // not, a wrong attachment: none).
                Deprel::AclRelcl => slots.push((h, passive)),
                Deprel::Acl if !words[trigger].lower.ends_with("ing") => slots.push((h, true)),
                _ => {}
            }
        }
    }
    let mention_at = |j: usize| {
        mentions
            .iter()
            .find(|m| m.start <= j && j < m.end && m.end <= n)
    };
    let mut out: Vec<Argument> = Vec::new();
    for (w, passive) in slots {
        // The word, a name in apposition to it, and the names coordinated
        // with it.
        let joined = std::iter::once(w).chain(
            tree.children(w)
                .filter(|&d| matches!(tree.deprel[d], Deprel::Conj | Deprel::Appos)),
        );
        for j in joined {
            let Some(m) = mention_at(j) else {
                continue;
            };
            if (m.start < end && m.end > start) || out.iter().any(|a| a.at == m.start) {
                continue;
            }
            out.push(Argument {
                at: m.start,
                passive,
            });
        }
    }
    out
}
