//! The UPOS tagger: greedy left to right, an averaged perceptron over
//! features in the style of Honnibal's tagger, and a dictionary of frequent
//! words that always take one tag.

use crate::conllu::Sentence;
use crate::hash::{mix, HashedMap, SplitMix};
use crate::labels::Upos;
use crate::perceptron::{Frozen, Training};
use crate::words::WordInfo;

pub const NTAGS: usize = Upos::COUNT;
/// The "tag" before the sentence's start.
const START: u64 = 100;

/// Words seen at least this often in training, with one tag at least this
/// share of the time, always take that tag.
const DICT_MIN_COUNT: usize = 20;
const DICT_MIN_SHARE: f64 = 0.97;

/// Word infos with two boundary words on each side: token `i` is at `i + 2`.
pub fn padded(words: &[&str]) -> Vec<WordInfo> {
    let mut v = Vec::with_capacity(words.len() + 4);
    v.push(WordInfo::boundary(1));
    v.push(WordInfo::boundary(2));
    v.extend(words.iter().map(|w| WordInfo::new(w)));
    v.push(WordInfo::boundary(3));
    v.push(WordInfo::boundary(4));
    v
}

/// The features of token `i` given the two tags before it.
fn features(w: &[WordInfo], amb: &[u32], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let (ac, al1, ar1, ar2) = (
        u64::from(amb[i + 2]),
        u64::from(amb[i + 1]),
        u64::from(amb[i + 3]),
        u64::from(amb[i + 4]),
    );
    let c = &w[i + 2];
    let (l1, l2, r1, r2) = (&w[i + 1], &w[i], &w[i + 3], &w[i + 4]);
    let mut f = |t: u64, v: u64| out.push(mix(t, v));
    f(0, 0);
    f(1, c.norm);
    f(2, c.form);
    for k in 0..3 {
        f(3 + k as u64, c.prefix[k]);
    }
    for k in 0..4 {
        f(6 + k as u64, c.suffix[k]);
    }
    f(10, c.shape);
    f(11, u64::from(c.flags));
    f(12, p1);
    f(13, p2);
    f(14, mix(p1, p2));
    f(15, mix(p1, c.norm));
    f(16, l1.norm);
    f(17, l1.suffix[2]);
    f(18, l2.norm);
    f(19, r1.norm);
    f(20, r1.suffix[2]);
    f(21, r2.norm);
    f(22, l1.shape);
    f(23, r1.shape);
    f(24, mix(l1.norm, c.norm));
    f(25, mix(c.norm, r1.norm));
    f(26, mix(p1, r1.norm));
    f(27, mix(c.suffix[2], r1.suffix[2]));
    f(28, mix(u64::from(c.flags), p1));
    f(29, r1.suffix[1]);
    f(30, mix(u64::from(l1.flags), u64::from(c.flags)));
    f(31, mix(u64::from(r1.flags), u64::from(c.flags)));
    f(32, r2.suffix[2]);
    f(33, l1.form);
    f(34, r1.form);
    f(35, mix(mix(p1, c.norm), r1.norm));
    f(36, mix(c.shape, r1.shape));
    f(37, mix(l1.shape, c.shape));
    f(38, ac);
    f(39, ar1);
    f(40, ar2);
    f(41, mix(ac, ar1));
    f(42, mix(p1, ac));
    f(43, mix(mix(p1, ac), ar1));
    f(44, mix(al1, ac));
    f(45, mix(ar1, ar2));
}

/// Words seen at least this often in training get an ambiguity class: the
/// tags they took at least `AMB_MIN_SHARE` of the time.
const AMB_MIN_COUNT: u32 = 5;
const AMB_MIN_SHARE: f64 = 0.05;

/// The ambiguity classes of training words (by normalized form).
fn make_amb(sents: &[&Sentence]) -> HashedMap<u32> {
    let mut counts: HashedMap<[u32; NTAGS]> = HashedMap::default();
    for s in sents {
        for (w, &t) in s.words.iter().zip(&s.upos) {
            counts.entry(WordInfo::new(w).norm).or_insert([0; NTAGS])[t as usize] += 1;
        }
    }
    let mut amb = HashedMap::default();
    for (&k, c) in &counts {
        let total: u32 = c.iter().sum();
        if total < AMB_MIN_COUNT {
            continue;
        }
        let mask = (0..NTAGS)
            .filter(|&t| f64::from(c[t]) >= AMB_MIN_SHARE * f64::from(total))
            .fold(0u32, |m, t| m | 1 << t);
        amb.insert(k, mask);
    }
    amb
}

/// The ambiguity class of each padded word (0: unknown).
fn ambiguity(amb: &HashedMap<u32>, w: &[WordInfo], out: &mut Vec<u32>) {
    out.clear();
    out.extend(w.iter().map(|x| amb.get(&x.norm).copied().unwrap_or(0)));
}

pub struct Tagger {
    /// Form hash → tag, for frequent unambiguous words.
    dict: HashedMap<u8>,
    /// Normalized form hash → the tags the word takes (a bit per tag).
    amb: HashedMap<u32>,
    weights: Frozen,
}

/// Per-thread scratch for tagging.
#[derive(Default)]
pub struct Scratch {
    feats: Vec<u64>,
    amb: Vec<u32>,
}

impl Tagger {
    pub fn tag_infos(&self, w: &[WordInfo], scratch: &mut Scratch) -> Vec<Upos> {
        let n = w.len() - 4;
        ambiguity(&self.amb, w, &mut scratch.amb);
        let mut tags: Vec<Upos> = Vec::with_capacity(n);
        for i in 0..n {
            let prev = |k: usize| {
                if i >= k {
                    tags[i - k] as u64
                } else {
                    START
                }
            };
            let (p1, p2) = (prev(1), prev(2));
            if let Some(&t) = self.dict.get(&w[i + 2].form) {
                tags.push(Upos::from_index(t as usize));
                continue;
            }
            features(w, &scratch.amb, i, p1, p2, &mut scratch.feats);
            let mut s = [0i32; NTAGS];
            self.weights.score(&scratch.feats, &mut s);
            tags.push(Upos::from_index(argmax(&s)));
        }
        tags
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        let mut d: Vec<(u64, u8)> = self.dict.iter().map(|(&k, &v)| (k, v)).collect();
        d.sort_unstable();
        out.extend_from_slice(&(d.len() as u32).to_le_bytes());
        for (k, v) in d {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(v);
        }
        let mut a: Vec<(u64, u32)> = self.amb.iter().map(|(&k, &v)| (k, v)).collect();
        a.sort_unstable();
        out.extend_from_slice(&(a.len() as u32).to_le_bytes());
        for (k, v) in a {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        self.weights.write(out);
    }

    pub fn read(r: &mut crate::model::Reader) -> Result<Tagger, String> {
        let n = r.u32()? as usize;
        let mut dict = HashedMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u8()?;
            if v as usize >= NTAGS {
                return Err("bad tag in the tag dictionary".into());
            }
            dict.insert(k, v);
        }
        let n = r.u32()? as usize;
        let mut amb = HashedMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            amb.insert(k, r.u32()?);
        }
        Ok(Tagger {
            dict,
            amb,
            weights: Frozen::read(r, NTAGS)?,
        })
    }

    pub fn size(&self) -> (usize, usize, usize) {
        (
            self.dict.len(),
            self.weights.features(),
            self.weights.weights(),
        )
    }
}

fn argmax(s: &[i32]) -> usize {
    let mut best = 0;
    for (i, &v) in s.iter().enumerate() {
        if v > s[best] {
            best = i;
        }
    }
    best
}

/// The tag dictionary of a training set.
fn make_dict(sents: &[&Sentence]) -> HashedMap<u8> {
    let mut counts: HashedMap<[u32; NTAGS]> = HashedMap::default();
    for s in sents {
        for (w, &t) in s.words.iter().zip(&s.upos) {
            counts.entry(WordInfo::new(w).form).or_insert([0; NTAGS])[t as usize] += 1;
        }
    }
    let mut dict = HashedMap::default();
    for (&k, c) in &counts {
        let total: u32 = c.iter().sum();
        let (best, &n) = c
            .iter()
            .enumerate()
            .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))
            .expect("NTAGS > 0");
        if total as usize >= DICT_MIN_COUNT && f64::from(n) / f64::from(total) >= DICT_MIN_SHARE {
            dict.insert(k, best as u8);
        }
    }
    dict
}

/// Train a tagger for `epochs` passes over `sents` (shuffled with `seed`).
pub fn train(sents: &[&Sentence], epochs: usize, seed: u64) -> Tagger {
    let dict = make_dict(sents);
    let amb_table = make_amb(sents);
    let mut amb = Vec::new();
    let infos: Vec<Vec<WordInfo>> = sents
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            padded(&words)
        })
        .collect();
    let mut t = Training::new();
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = SplitMix::new(seed);
    let mut feats = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (s, w) = (sents[si], &infos[si]);
            ambiguity(&amb_table, w, &mut amb);
            let mut tags: Vec<u64> = Vec::with_capacity(s.words.len());
            for i in 0..s.words.len() {
                let gold = s.upos[i] as usize;
                let prev = |k: usize| if i >= k { tags[i - k] } else { START };
                let (p1, p2) = (prev(1), prev(2));
                if let Some(&d) = dict.get(&w[i + 2].form) {
                    tags.push(u64::from(d));
                    continue;
                }
                features(w, &amb, i, p1, p2, &mut feats);
                let mut sc = [0i64; NTAGS];
                t.score(&feats, &mut sc);
                let mut guess = 0;
                for (c, &v) in sc.iter().enumerate() {
                    if v > sc[guess] {
                        guess = c;
                    }
                }
                if guess != gold {
                    t.update(&feats, gold, guess);
                }
                t.clock += 1;
                tags.push(guess as u64);
            }
        }
    }
    Tagger {
        dict,
        amb: amb_table,
        weights: t.averaged(1, NTAGS),
    }
}
