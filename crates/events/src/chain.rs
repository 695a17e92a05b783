//! Participants an event shares with the article's other events of its
//! kind, when its own sentence names none for the part.
//!
//! A court report follows one accused through arrest, charge, trial,
//! verdict and sentence; later sentences say "the sentencing" or "was
//! found guilty" without the name, and a headline says "gunman gets life".
//! Likewise an article's attacks are often one attacker's, its bids are for
//! one company, a resignation story is one person's, and "the acquisition"
//! is the deal told before. Steps, after every sentence's events are found:
//! 1. "the deal" ("the acquisition", "this combination") with no participant,
//!    in a sentence naming no other organization, takes the participants of
//!    the nearest deal before it that has a buyer;
//! 2. per chain (the accused of justice events; the attacker of attacks;
//!    the company deals are for; the person leaving a post; the one taking
//!    a post), count how often each entity fills the chain's role;
//! 3. when one fills it at least twice and more often than anyone else, it
//!    fills the role in the chain's events that have nobody in it, whose
//!    sentence names no one else of its kind who is not taking part, and
//!    whose clause tells of no group ("two men were arrested");
//! 4. an attack and the deaths and injuries told in its sentence share the
//!    one doer the sentence gives ("the gang shot three guards in the raid").

use newsparse_core::{ByteSpan, EntityKind, EventFound, FoundEntity};
use std::collections::HashMap;

/// A chain: the event types that share a participant, and the role it
/// fills in each.
struct Chain {
    role_of: fn(&str) -> Option<&'static str>,
    kinds: &'static [EntityKind],
}

fn accused_role(event_type: &str) -> Option<&'static str> {
    match event_type {
        "Justice.Charge-Indict"
        | "Justice.Trial-Hearing"
        | "Justice.Convict"
        | "Justice.Sentence"
        | "Justice.Fine"
        | "Justice.Acquit"
        | "Justice.Pardon" => Some("Defendant"),
        "Justice.Arrest-Jail"
        | "Justice.Release-Parole"
        | "Justice.Extradite"
        | "Justice.Execute" => Some("Person"),
        _ => None,
    }
}

fn attacker_role(event_type: &str) -> Option<&'static str> {
    (event_type == "Conflict.Attack").then_some("Attacker")
}

fn deal_target_role(event_type: &str) -> Option<&'static str> {
    (event_type == "Transaction.Transfer-Ownership").then_some("Artifact")
}

fn leaver_role(event_type: &str) -> Option<&'static str> {
    (event_type == "Personnel.End-Position").then_some("Person")
}

fn starter_role(event_type: &str) -> Option<&'static str> {
    (event_type == "Personnel.Start-Position").then_some("Person")
}

const CHAINS: &[Chain] = &[
    Chain {
        role_of: accused_role,
        kinds: &[EntityKind::Person],
    },
    Chain {
        role_of: attacker_role,
        // A lone gunman, not a side in a war: armies and groups in a
        // conflict attack many times, each attack its own.
        kinds: &[EntityKind::Person],
    },
    Chain {
        role_of: deal_target_role,
        kinds: &[EntityKind::Organization],
    },
    Chain {
        role_of: leaver_role,
        kinds: &[EntityKind::Person],
    },
    Chain {
        role_of: starter_role,
        kinds: &[EntityKind::Person],
    },
];

/// How an event is told, as its sentence shows.
#[derive(Debug, Clone, Copy)]
pub struct Telling {
    /// The trigger is a noun after "the", "this" or "that".
    pub definite: bool,
    /// Its clause tells of a group or of someone counted
    /// (`detect::tells_of_group`).
    pub of_group: bool,
}

/// Fills the chains' empty roles (steps 1 to 4); `tellings[i]` is how
/// event `i` is told.
pub fn share(events: &mut [EventFound], tellings: &[Telling], entities: &[FoundEntity]) {
    let kinds: HashMap<&str, EntityKind> =
        entities.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    let kind_of = |id: &str| kinds.get(id).copied();
    let mentions = Mentions::of(entities);
    // "The deal" first: the target chain would fill its artifact alone.
    share_deals(events, tellings, &mentions);
    for chain in CHAINS {
        let Some(filler) = main_filler(events, chain, &kind_of) else {
            continue;
        };
        // Who takes part in each sentence's events, by the sentence's start.
        let mut in_sentence: HashMap<usize, Vec<String>> = HashMap::new();
        for e in events.iter() {
            let ids = in_sentence.entry(e.sentence.start).or_default();
            ids.extend(e.participants.iter().map(|(id, _)| id.clone()));
        }
        for (e, told) in events.iter_mut().zip(tellings) {
            let Some(role) = (chain.role_of)(e.event_type) else {
                continue;
            };
            let filled = e
                .participants
                .iter()
                .any(|(id, r)| r == role && kind_of(id).is_some_and(|k| chain.kinds.contains(&k)));
            // A sentence that names someone else, taking part in none of
            // its events, may be about them.
            let taking_part: Vec<&str> = std::iter::once(filler.as_str())
                .chain(
                    in_sentence
                        .get(&e.sentence.start)
                        .into_iter()
                        .flatten()
                        .map(String::as_str),
                )
                .collect();
            if !filled
                && !told.of_group
                && !e.participants.iter().any(|(id, _)| *id == filler)
                && !mentions.names_other(e.sentence, chain.kinds, &taking_part)
            {
                e.participants.push((filler.clone(), role.to_string()));
            }
        }
    }
    share_in_sentence(events);
}

/// Every mention in text order, so that a sentence's are found by bisection
/// (an article can hold thousands of events).
struct Mentions<'e>(Vec<(ByteSpan, EntityKind, &'e str)>);

impl<'e> Mentions<'e> {
    fn of(entities: &'e [FoundEntity]) -> Self {
        let mut all: Vec<_> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.kind, e.id.as_str())))
            .collect();
        all.sort_by_key(|m| (m.0.start, m.0.end));
        Mentions(all)
    }

    /// Whether the sentence names an entity of `kinds` other than `except`.
    fn names_other(&self, sentence: ByteSpan, kinds: &[EntityKind], except: &[&str]) -> bool {
        let first = self.0.partition_point(|m| m.0.start < sentence.start);
        self.0[first..]
            .iter()
            .take_while(|m| m.0.start < sentence.end)
            .any(|(m, kind, id)| {
                sentence.contains(*m) && kinds.contains(kind) && !except.contains(id)
            })
    }
}

/// The entity that fills the chain's role more often than any other.
fn main_filler(
    events: &[EventFound],
    chain: &Chain,
    kind_of: &dyn Fn(&str) -> Option<EntityKind>,
) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for e in events {
        let Some(role) = (chain.role_of)(e.event_type) else {
            continue;
        };
        for (id, r) in &e.participants {
            if r != role || !kind_of(id).is_some_and(|k| chain.kinds.contains(&k)) {
                continue;
            }
            match counts.iter_mut().find(|(c, _)| c == id) {
                Some(c) => c.1 += 1,
                None => counts.push((id, 1)),
            }
        }
    }
    // Told at least twice, and more often than anyone else.
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(id, a)] if *a >= 2 => Some(id.to_string()),
        [(id, a), (_, b), ..] if *a >= 2 && a > b => Some(id.to_string()),
        _ => None,
    }
}

/// An attack and the deaths and injuries told in its sentence have one
/// doer: when the sentence gives exactly one (the attacker of the one, the
/// agent of the others), it is the doer of them all ("the gang shot three
/// guards in the raid").
fn share_in_sentence(events: &mut [EventFound]) {
    let doer_role = |event_type: &str| match event_type {
        "Conflict.Attack" => Some("Attacker"),
        "Life.Die" | "Life.Injure" => Some("Agent"),
        _ => None,
    };
    // Events are in text order: a sentence's are side by side.
    let mut i = 0;
    while i < events.len() {
        let sentence = events[i].sentence;
        let end = i + events[i..]
            .iter()
            .take_while(|e| e.sentence == sentence)
            .count();
        let told = &mut events[i..end];
        i = end;
        if !told.iter().any(|e| e.event_type == "Conflict.Attack") {
            continue;
        }
        let mut doers: Vec<&str> = told
            .iter()
            .filter_map(|e| Some((e, doer_role(e.event_type)?)))
            .flat_map(|(e, role)| {
                e.participants
                    .iter()
                    .filter(move |(_, r)| r == role)
                    .map(|(id, _)| id.as_str())
            })
            .collect();
        doers.sort_unstable();
        doers.dedup();
        let [doer] = doers.as_slice() else {
            continue;
        };
        let doer = doer.to_string();
        for e in told.iter_mut() {
            let Some(role) = doer_role(e.event_type) else {
                continue;
            };
            if !e
                .participants
                .iter()
                .any(|(id, r)| r == role || *id == doer)
            {
                e.participants.push((doer.clone(), role.to_string()));
            }
        }
    }
}

/// Step 1: "the deal" with nobody in it, in a sentence that names no other
/// organization, is the nearest deal told before it that has a buyer.
fn share_deals(events: &mut [EventFound], tellings: &[Telling], mentions: &Mentions) {
    // The nearest deal so far with a buyer (kept as the loop goes, so an
    // article of many deals is read once).
    let mut last: Option<usize> = None;
    for i in 0..events.len() {
        let e = &events[i];
        let deal = matches!(
            e.event_type,
            "Transaction.Transfer-Ownership" | "Business.Merge-Org"
        );
        if deal && tellings[i].definite && e.participants.is_empty() {
            if let Some(before) = last.map(|b| &events[b]) {
                let ids: Vec<&str> = before
                    .participants
                    .iter()
                    .map(|(id, _)| id.as_str())
                    .collect();
                if !mentions.names_other(e.sentence, &[EntityKind::Organization], &ids) {
                    let merge = e.event_type == "Business.Merge-Org";
                    let shared = before
                        .participants
                        .iter()
                        .map(|(id, r)| {
                            (
                                id.clone(),
                                if merge { "Org".to_string() } else { r.clone() },
                            )
                        })
                        .collect();
                    events[i].participants = shared;
                }
            }
        }
        let e = &events[i];
        if e.event_type == "Transaction.Transfer-Ownership"
            && e.participants.iter().any(|(_, r)| r == "Buyer")
            && e.participants.len() >= 2
        {
            last = Some(i);
        }
    }
}
