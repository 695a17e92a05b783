//! Participants from the dependency parse (`newsparse_syntax`): the
//! subject and object of a verb trigger, the agent of a passive ("was
//! killed by X"), the possessor and "of"-phrase of a noun trigger ("X's
//! arrest", "the sentencing of X"), the subject a coordinated, controlled
//! or relative-clause verb shares ("X was arrested and charged", "ordered X
//! to pay", "X, who resigned"), and words coordinated with any of these
//! ("X and Y met").

use crate::words::Word;
use newsparse_syntax::{Deprel, Parsed, Upos};

/// Sentences longer than this are not parsed (rare; their cost grows
/// quickly and their parses are the least reliable).
const MAX_WORDS: usize = 80;

/// How an argument stands to its trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The subject of an active verb, or the possessor of a noun: the doer.
    Subject,
    /// The subject of a passive verb: it undergoes the event.
    PassiveSubject,
    /// The object of a verb.
    Object,
    /// A phrase with a preposition ("by X", "of X", "to X", "from X").
    Prepositional(&'static str),
}

/// The parse of a sentence's words, or `None` when it is not parsed.
pub fn parse(words: &[Word]) -> Option<Parsed> {
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    let forms: Vec<&str> = words.iter().map(|w| w.text).collect();
    Some(newsparse_syntax::parse(&forms))
}

/// Children of word `h` (0-based) with their relations.
fn children(p: &Parsed, h: usize) -> impl Iterator<Item = (usize, Deprel)> + '_ {
    p.head
        .iter()
        .enumerate()
        .filter(move |&(_, &x)| x == h + 1)
        .map(move |(i, _)| (i, p.deprel[i]))
}

/// The head of word `i` (0-based), unless it is the root.
fn head(p: &Parsed, i: usize) -> Option<usize> {
    p.head[i].checked_sub(1)
}

/// The preposition ("case" child) of a nominal, lowercased, if one of
/// those that mark a participant.
fn preposition(p: &Parsed, words: &[Word], i: usize) -> Option<&'static str> {
    children(p, i)
        .filter(|&(_, d)| d == Deprel::Case)
        .find_map(|(c, _)| match words[c].lower.as_str() {
            "by" => Some("by"),
            "of" => Some("of"),
            "to" => Some("to"),
            "from" => Some("from"),
            "with" => Some("with"),
            "against" => Some("against"),
            _ => None,
        })
}

/// The arguments of the trigger word `t`: word indices (heads of their
/// phrases) with their relation, in sentence order of discovery.
pub fn arguments(p: &Parsed, words: &[Word], t: usize) -> Vec<(usize, Relation)> {
    let mut out: Vec<(usize, Relation)> = Vec::new();
    let push = |out: &mut Vec<(usize, Relation)>, w: usize, r: Relation| {
        if !out.iter().any(|&(x, _)| x == w) {
            out.push((w, r));
        }
    };
    let nominal = matches!(p.upos[t], Upos::Noun | Upos::Propn);
    let mut has_subject = false;
    for (c, d) in children(p, t) {
        match d {
            Deprel::Nsubj | Deprel::Csubj => {
                has_subject = true;
                push(&mut out, c, Relation::Subject);
            }
            Deprel::NsubjPass | Deprel::CsubjPass => {
                has_subject = true;
                push(&mut out, c, Relation::PassiveSubject);
            }
            Deprel::Obj | Deprel::Iobj => push(&mut out, c, Relation::Object),
            Deprel::OblAgent => push(&mut out, c, Relation::Prepositional("by")),
            Deprel::NmodPoss if nominal => push(&mut out, c, Relation::Subject),
            Deprel::Nmod | Deprel::Obl => {
                if let Some(prep) = preposition(p, words, c) {
                    // A noun's "of"- or "by"-phrase is its object or doer
                    // ("the arrest of X", "an attack by X"); its other
                    // phrases are too loose ("his resignation to X"). A
                    // verb's "of" is not an argument.
                    let keep = if nominal {
                        matches!(prep, "of" | "by")
                    } else {
                        prep != "of"
                    };
                    if keep {
                        push(&mut out, c, Relation::Prepositional(prep));
                    }
                }
            }
            _ => {}
        }
    }
    // A verb without a subject of its own shares one: "X was arrested and
    // charged" (conj), "X tried to flee" or "ordered X to pay" (xcomp: the
    // object, else the subject, controls), "X, who resigned" (the noun a
    // relative clause hangs on).
    if !has_subject && !nominal {
        if let Some(h) = head(p, t) {
            match p.deprel[t] {
                Deprel::Conj | Deprel::Xcomp => {
                    let passive = children(p, t).any(|(_, d)| d == Deprel::AuxPass);
                    let hk: Vec<(usize, Deprel)> = children(p, h).collect();
                    let controller = if p.deprel[t] == Deprel::Xcomp {
                        hk.iter().find(|&&(_, d)| d == Deprel::Obj)
                    } else {
                        None
                    }
                    .or_else(|| hk.iter().find(|&&(_, d)| d.is_subject()));
                    if let Some(&(c, _)) = controller {
                        let r = if passive {
                            Relation::PassiveSubject
                        } else {
                            Relation::Subject
                        };
                        push(&mut out, c, r);
                    }
                }
                Deprel::AclRelcl => {
                    let passive = children(p, t).any(|(_, d)| d == Deprel::AuxPass);
                    let r = if passive {
                        Relation::PassiveSubject
                    } else {
                        Relation::Subject
                    };
                    push(&mut out, h, r);
                }
                _ => {}
            }
        }
    }
    // Words coordinated with an argument take part the same way.
    let mut k = 0;
    while k < out.len() {
        let (w, r) = out[k];
        for (c, d) in children(p, w) {
            if d == Deprel::Conj && matches!(p.upos[c], Upos::Propn | Upos::Noun | Upos::Pron) {
                push(&mut out, c, r);
            }
        }
        k += 1;
    }
    out
}

/// The words that can stand for the argument headed by `w`: itself, then
/// the heads of its name parts and appositions ("the mayor, Ola Brandt").
pub fn standing_for(p: &Parsed, w: usize) -> Vec<usize> {
    let mut v = vec![w];
    for (c, d) in children(p, w) {
        if matches!(d, Deprel::Flat | Deprel::Compound | Deprel::Appos) {
            v.push(c);
        }
    }
    v
}

/// The subjects of the clauses that govern word `w`'s own, nearest first
/// ("X said he…", "X stood, hands clasped, as he…"): from the verb `w`
/// depends on, up through complement, adverbial and coordinated clauses.
pub fn governing_subjects(p: &Parsed, w: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(mut verb) = head(p, w) else {
        return out;
    };
    for _ in 0..3 {
        if !matches!(
            p.deprel[verb],
            Deprel::Ccomp | Deprel::Advcl | Deprel::Conj | Deprel::Parataxis | Deprel::Xcomp
        ) {
            break;
        }
        let Some(up) = head(p, verb) else { break };
        out.extend(
            children(p, up)
                .filter(|&(_, d)| d.is_subject())
                .map(|(c, _)| c),
        );
        verb = up;
    }
    out
}
