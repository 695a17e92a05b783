//! Names seen as entities in the training annotations, matched as token
//! sequences. Built only from training data (for a training document, only
//! from the other folds, so the tagger learns how far to trust a match on
//! unseen text). The table holds hashes, not strings.

use crate::features::{mark_matches, TokInfo};
use crate::hash::{mix, HashedMap};

/// Longest name matched, in tokens.
pub const MAX_LEN: usize = 6;

/// Name key of a token sequence (its lowercased word hashes).
pub fn name_key(lws: impl Iterator<Item = u64>) -> u64 {
    lws.fold(0x6A09_E667_F3BC_C908, mix)
}

/// Key of a single word as a part of longer names (a separate key space).
pub fn part_key(lw: u64) -> u64 {
    mix(lw, 0x9A27)
}

#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    /// Name key → bit mask of entity types (`features::TYPE_NAMES` order);
    /// part key → bit `type * 2` (first word of a longer name of that type)
    /// and `type * 2 + 1` (last word).
    pub names: HashedMap<u8>,
}

impl Gazetteer {
    /// Add a name given its words' lowercased hashes.
    pub fn add(&mut self, lws: &[u64], ty: usize) {
        let key = name_key(lws.iter().copied());
        *self.names.entry(key).or_insert(0) |= 1 << ty;
        if let [first, .., last] = lws {
            *self.names.entry(part_key(*first)).or_insert(0) |= 1 << (ty * 2);
            *self.names.entry(part_key(*last)).or_insert(0) |= 1 << (ty * 2 + 1);
        }
    }

    /// Entries sorted by key, for writing.
    pub fn sorted(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.names.iter().map(|(&k, &m)| (k, m)).collect();
        v.sort_unstable();
        v
    }

    /// Which longer names a word (its lowercased hash) starts or ends.
    pub fn name_parts(&self, lw: u64) -> u8 {
        self.names.get(&part_key(lw)).copied().unwrap_or(0)
    }

    /// Mark the tokens of one sentence covered by a known name, and the
    /// names each word starts or ends.
    pub fn mark(&self, sent: &mut [TokInfo]) {
        if self.names.is_empty() {
            return;
        }
        for t in sent.iter_mut() {
            t.set_name_parts(self.name_parts(t.lw_hash()));
        }
        self.mark_names(sent);
    }

    /// [`Gazetteer::mark`] but for the name parts (which tagging sets once
    /// per distinct word).
    pub fn mark_names(&self, sent: &mut [TokInfo]) {
        if self.names.is_empty() {
            return;
        }
        for i in 0..sent.len() {
            // `mark_matches` marks nothing from an uncapitalized start.
            if !sent[i].is_capitalized() {
                continue;
            }
            let mut h = name_key(std::iter::empty());
            for len in 1..=MAX_LEN.min(sent.len() - i) {
                h = mix(h, sent[i + len - 1].lw_hash());
                if let Some(&types) = self.names.get(&h) {
                    mark_matches(&mut sent[i..i + len], types);
                }
            }
        }
    }
}
