//! The trained model: its file format, loading, and Viterbi decoding.
//!
//! File layout (little-endian): magic, feature version, tag count, weight
//! scale, start and transition scores (i32), the word table (sorted by key)
//! and the feature weights (sorted by key; i16, only nonzero tags stored).

use crate::features::{allowed, WordInfo, WordTable, FEATURE_VERSION, NT};
use crate::hash::{BuildPassThrough, HashedMap};

pub const MAGIC: &[u8; 8] = b"NSNER01\n";

/// Weights of one feature, one per tag.
pub type TagWeights = [i16; NT];

pub struct Weights {
    pub start: [i32; NT],
    /// `trans[prev * NT + cur]`.
    pub trans: [i32; NT * NT],
    pub feats: HashedMap<TagWeights>,
}

/// Serialize a model. `words` and `feats` must be sorted by key.
pub fn write_model(
    scale: f32,
    start: &[i32; NT],
    trans: &[i32; NT * NT],
    words: &[(u64, WordInfo)],
    feats: &[(u64, TagWeights)],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(feats.len() * 16 + words.len() * 16 + 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.extend_from_slice(&(NT as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for v in start.iter().chain(trans.iter()) {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    for (k, w) in words {
        out.extend_from_slice(&k.to_le_bytes());
        for c in w.clusters {
            out.extend_from_slice(&c.to_le_bytes());
        }
        out.push(w.cap);
    }
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    for (k, w) in feats {
        out.extend_from_slice(&k.to_le_bytes());
        let mask: u16 = (0..NT).filter(|&t| w[t] != 0).fold(0, |m, t| m | 1 << t);
        out.extend_from_slice(&mask.to_le_bytes());
        for &v in w.iter().filter(|&&v| v != 0) {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let s = self
            .b
            .get(self.at..self.at + N)
            .ok_or("model file is truncated")?;
        self.at += N;
        Ok(s.try_into().unwrap())
    }
    fn u16(&mut self) -> Result<u16, String> {
        self.take().map(u16::from_le_bytes)
    }
    fn u32(&mut self) -> Result<u32, String> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, String> {
        self.take().map(u64::from_le_bytes)
    }
    fn i32(&mut self) -> Result<i32, String> {
        self.take().map(i32::from_le_bytes)
    }
}

/// Parse a model file into weights and the word table.
pub fn read_model(bytes: &[u8]) -> Result<(Weights, WordTable), String> {
    let mut r = Reader { b: bytes, at: 0 };
    if &r.take::<8>()? != MAGIC {
        return Err("not a newsparse NER model".into());
    }
    let version = r.u32()?;
    if version != FEATURE_VERSION {
        return Err(format!(
            "model has feature version {version}, code expects {FEATURE_VERSION}: retrain"
        ));
    }
    if r.u32()? as usize != NT {
        return Err("model has another tag set".into());
    }
    let _scale = f32::from_le_bytes(r.take()?);
    let mut start = [0i32; NT];
    for v in &mut start {
        *v = r.i32()?;
    }
    let mut trans = [0i32; NT * NT];
    for v in &mut trans {
        *v = r.i32()?;
    }
    let n_words = r.u32()? as usize;
    let mut words = WordTable::with_capacity_and_hasher(n_words, BuildPassThrough);
    for _ in 0..n_words {
        let k = r.u64()?;
        let clusters = [r.u16()?, r.u16()?, r.u16()?];
        let cap = r.take::<1>()?[0];
        words.insert(k, WordInfo { clusters, cap });
    }
    let n_feats = r.u32()? as usize;
    let mut feats = HashedMap::with_capacity_and_hasher(n_feats, BuildPassThrough);
    for _ in 0..n_feats {
        let k = r.u64()?;
        let mask = r.u16()?;
        let mut w = [0i16; NT];
        for (t, v) in w.iter_mut().enumerate() {
            if mask & (1 << t) != 0 {
                *v = r.u16()? as i16;
            }
        }
        feats.insert(k, w);
    }
    if r.at != bytes.len() {
        return Err("model file has trailing bytes".into());
    }
    Ok((
        Weights {
            start,
            trans,
            feats,
        },
        words,
    ))
}

/// Reusable buffers for Viterbi decoding.
#[derive(Default)]
pub struct Decoder {
    score: Vec<i64>,
    back: Vec<u8>,
}

/// Score type of decoding: f32 while training, i32/i64 when tagging.
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    const NEG: Self;
}
impl Score for f32 {
    const NEG: Self = f32::NEG_INFINITY;
}
impl Score for i64 {
    const NEG: Self = i64::MIN / 4;
}

/// Best BIO-valid tag sequence for `n` tokens given per-token emission
/// scores `emit[i * NT + tag]`, start scores and transitions.
pub fn viterbi<S: Score>(
    emit: &[S],
    start: &[S; NT],
    trans: &[S; NT * NT],
    score: &mut Vec<S>,
    back: &mut Vec<u8>,
    out: &mut Vec<usize>,
) {
    let n = emit.len() / NT;
    out.clear();
    if n == 0 {
        return;
    }
    score.clear();
    score.resize(n * NT, S::NEG);
    back.clear();
    back.resize(n * NT, 0);
    for t in 0..NT {
        if allowed(None, t) {
            score[t] = start[t] + emit[t];
        }
    }
    for i in 1..n {
        for t in 0..NT {
            let mut best = S::NEG;
            let mut arg = 0u8;
            for p in 0..NT {
                if !allowed(Some(p), t) {
                    continue;
                }
                let s = score[(i - 1) * NT + p] + trans[p * NT + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            score[i * NT + t] = best + emit[i * NT + t];
            back[i * NT + t] = arg;
        }
    }
    let last = &score[(n - 1) * NT..];
    let mut t = (0..NT).fold(0, |b, t| if last[t] > last[b] { t } else { b });
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i * NT + t] as usize;
    }
}

impl Decoder {
    /// Decode with integer weights: sum the features' weights per token.
    pub fn decode(&mut self, w: &Weights, feats: &[u64], offsets: &[usize], out: &mut Vec<usize>) {
        let n = offsets.len() - 1;
        let mut emit = vec![0i64; n * NT];
        for i in 0..n {
            let row = &mut emit[i * NT..(i + 1) * NT];
            for k in &feats[offsets[i]..offsets[i + 1]] {
                if let Some(ws) = w.feats.get(k) {
                    for t in 0..NT {
                        row[t] += ws[t] as i64;
                    }
                }
            }
        }
        let start = w.start.map(|v| v as i64);
        let trans = w.trans.map(|v| v as i64);
        viterbi(&emit, &start, &trans, &mut self.score, &mut self.back, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio_and_scores() {
        // Token 0 prefers I-PER (invalid at start), then B-PER is next best.
        let mut emit = vec![0f32; 2 * NT];
        emit[2] = 5.0;
        emit[1] = 3.0;
        emit[NT + 2] = 4.0;
        let (mut s, mut b, mut out) = (vec![], vec![], vec![]);
        viterbi(&emit, &[0.0; NT], &[0.0; NT * NT], &mut s, &mut b, &mut out);
        assert_eq!(out, vec![1, 2]);
    }

    #[test]
    fn model_file_round_trips() {
        let words = vec![(
            5u64,
            WordInfo {
                clusters: [1, 2, 3],
                cap: 4,
            },
        )];
        let mut w = [0i16; NT];
        w[3] = -7;
        w[8] = 300;
        let feats = vec![(9u64, w)];
        let bytes = write_model(1.0, &[1; NT], &[2; NT * NT], &words, &feats);
        let (m, t) = read_model(&bytes).unwrap();
        assert_eq!(m.feats[&9], w);
        assert_eq!(t[&5].clusters, [1, 2, 3]);
        assert_eq!(m.trans[4], 2);
        assert!(read_model(&bytes[..bytes.len() - 1]).is_err());
    }
}
