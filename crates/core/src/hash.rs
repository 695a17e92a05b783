//! Stable 64-bit hashing of feature keys (the recognizer's and the parser's).
//!
//! Hand-written on purpose: feature keys are stored in the committed model
//! file, so the hash must never change with a dependency's version or the
//! platform (general-purpose hash crates make no such promise).

use std::hash::{BuildHasher, Hasher};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The splitmix64 finalizer: a cheap, well-mixing bijection.
#[inline]
pub fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Combine a running hash with one more value.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    finalize(h.wrapping_add(K) ^ x.wrapping_mul(0xFF51_AFD7_ED55_8CCD))
}

/// Hash a byte string (FNV-1a, then finalized).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    finalize(h)
}

pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// A hasher for keys that already are good hashes: passes them through.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[derive(Default, Clone, Copy)]
pub struct BuildPassThrough;

impl BuildHasher for BuildPassThrough {
    type Hasher = PassThrough;
    fn build_hasher(&self) -> PassThrough {
        PassThrough(0)
    }
}

/// A map keyed by pre-hashed `u64` keys.
pub type HashedMap<V> = std::collections::HashMap<u64, V, BuildPassThrough>;

/// A tiny seeded PRNG (splitmix64) for reproducible shuffles and seeds.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K);
        finalize(self.0)
    }
    /// Uniform in `0..n` (n > 0); the tiny modulo bias does not matter here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_across_builds() {
        // Pinned values: the model file depends on them.
        assert_eq!(hash_str(""), finalize(0xCBF2_9CE4_8422_2325));
        assert_ne!(hash_str("ab"), hash_str("ba"));
        assert_ne!(mix(1, 2), mix(2, 1));
    }

    #[test]
    fn shuffle_is_reproducible() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        SplitMix::new(7).shuffle(&mut a);
        SplitMix::new(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
