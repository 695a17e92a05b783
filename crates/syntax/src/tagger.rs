//! The tagger: greedy, from the last word to the first (or the first to
//! the last), an averaged perceptron over features
//! in the style of Honnibal's tagger, and a dictionary of frequent words
//! that always take one tag. Its classes are UPOS tags refined by frequent
//! XPOS (Penn Treebank) tags (`VERB VBN`, `PRON PRP$`…): the parser reads
//! the class, the caller gets its UPOS part.

use crate::conllu::Sentence;
use crate::hash::{hash_str, mix, HashedMap, SplitMix};
use crate::labels::Upos;
use crate::perceptron::{Frozen, Training};
use crate::words::WordInfo;

/// UPOS tags (the ambiguity classes are sets of them).
const NUPOS: usize = Upos::COUNT;
/// Classes at most: the UPOS tags alone (for their rare XPOS tags), then
/// (UPOS, XPOS) pairs.
pub const NTAGS: usize = 96;
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

/// Padded words (`padded`) in the other reading order, the boundary
/// words staying where they are: what `padded` gives of the reversed
/// sentence.
fn flip_padded(w: &[WordInfo]) -> Vec<WordInfo> {
    let n = w.len() - 4;
    let mut v = Vec::with_capacity(w.len());
    v.extend_from_slice(&w[..2]);
    v.extend(w[2..n + 2].iter().rev());
    v.extend_from_slice(&w[n + 2..]);
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

/// The classes of a training set: class `u` (`u < NUPOS`) is UPOS tag
/// `u` alone, then the (UPOS, XPOS) pairs seen at least `min_count` times
/// (none if `min_count` is 0), most frequent first, at most `NTAGS` in all.
/// The jackknife's taggers share the whole training set's classes, so a
/// class means the same to the parser whichever tagger gave it.
pub fn make_classes(sents: &[&Sentence], min_count: usize) -> Vec<(Upos, String)> {
    let mut classes: Vec<(Upos, String)> = (0..NUPOS)
        .map(|u| (Upos::from_index(u), String::new()))
        .collect();
    if min_count == 0 {
        return classes;
    }
    let mut counts: std::collections::BTreeMap<(u8, &str), usize> = Default::default();
    for s in sents {
        for (&u, x) in s.upos.iter().zip(&s.xpos) {
            *counts.entry((u as u8, x.as_str())).or_insert(0) += 1;
        }
    }
    let mut pairs: Vec<((u8, &str), usize)> = counts
        .into_iter()
        .filter(|&((_, x), n)| n >= min_count && x != "_" && !x.is_empty() && x.len() < 256)
        .collect();
    pairs.sort_by_key(|&(k, n)| (std::cmp::Reverse(n), k));
    pairs.truncate(NTAGS - NUPOS);
    classes.extend(
        pairs
            .into_iter()
            .map(|((u, x), _)| (Upos::from_index(u as usize), x.to_string())),
    );
    classes
}

/// The class of each word of `s`.
fn gold_classes(index: &std::collections::HashMap<(Upos, &str), u8>, s: &Sentence) -> Vec<u8> {
    s.upos
        .iter()
        .zip(&s.xpos)
        .map(|(&u, x)| index.get(&(u, x.as_str())).copied().unwrap_or(u as u8))
        .collect()
}

/// Words seen at least this often in training get an ambiguity class: the
/// tags they took at least `AMB_MIN_SHARE` of the time.
const AMB_MIN_COUNT: u32 = 5;
const AMB_MIN_SHARE: f64 = 0.05;

/// The ambiguity classes of training words (by normalized form).
fn make_amb(sents: &[&Sentence]) -> HashedMap<u32> {
    let mut counts: HashedMap<[u32; NUPOS]> = HashedMap::default();
    for s in sents {
        for (w, &t) in s.words.iter().zip(&s.upos) {
            counts.entry(WordInfo::new(w).norm).or_insert([0; NUPOS])[t as usize] += 1;
        }
    }
    let mut amb = HashedMap::default();
    for (&k, c) in &counts {
        let total: u32 = c.iter().sum();
        if total < AMB_MIN_COUNT {
            continue;
        }
        let mask = (0..NUPOS)
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
    /// The classes: UPOS tags and (UPOS, XPOS) pairs (`make_classes`).
    classes: Vec<(Upos, String)>,
    /// Form hash → class, for frequent unambiguous words.
    dict: HashedMap<u8>,
    /// Normalized form hash → the tags the word takes (a bit per tag).
    amb: HashedMap<u32>,
    weights: Frozen,
    /// Tags from the last word to the first: each tag then reads the two
    /// after it (EWT dev UPOS 95.24 against 94.96 left to right, test
    /// 95.39 against 95.36; the parser on its tags: dev LAS +0.47).
    reverse: bool,
    /// This tagger among those the process made (the per-thread word
    /// cache belongs to one).
    id: u64,
}

/// Per-thread scratch for tagging.
#[derive(Default)]
pub struct Scratch {
    feats: Vec<u64>,
    amb: Vec<u32>,
    /// Words seen, by the hash of their text: what tagging reads of one
    /// word alone, kept from sentence to sentence.
    cache: HashedMap<u32>,
    words: Vec<CachedWord>,
    /// The tagger the cache is of.
    model: u64,
    /// The sentence's padded words (indices into `words`).
    at: Vec<u32>,
    pair_keys: Vec<[u64; PAIRS]>,
}

/// Words cached at most (each some 2 KB), then the cache starts over.
const CACHE_WORDS: usize = 8_192;

/// One word's views and the summed weights of the features that read it
/// alone, in each position: the word itself, one or two before, one or
/// two after.
struct CachedWord {
    info: WordInfo,
    amb: u32,
    dict: Option<u8>,
    part: [[i32; NTAGS]; 5],
}

const C: usize = 0;
const L1: usize = 1;
const L2: usize = 2;
const R1: usize = 3;
const R2: usize = 4;
/// Features of two words (`features`' ids 24, 25, 27, 30, 31, 36, 37, 41,
/// 44, 45).
const PAIRS: usize = 10;

/// The features of `features` that read one word alone, by position, as
/// (template, value) pairs.
fn word_parts(x: &WordInfo, amb: u32) -> [Vec<(u64, u64)>; 5] {
    let a = u64::from(amb);
    let mut c = vec![(0, 0), (1, x.norm), (2, x.form)];
    for k in 0..3 {
        c.push((3 + k as u64, x.prefix[k]));
    }
    for k in 0..4 {
        c.push((6 + k as u64, x.suffix[k]));
    }
    c.extend([(10, x.shape), (11, u64::from(x.flags)), (38, a)]);
    [
        c,
        vec![(16, x.norm), (17, x.suffix[2]), (22, x.shape), (33, x.form)],
        vec![(18, x.norm)],
        vec![
            (19, x.norm),
            (20, x.suffix[2]),
            (23, x.shape),
            (29, x.suffix[1]),
            (34, x.form),
            (39, a),
        ],
        vec![(21, x.norm), (32, x.suffix[2]), (40, a)],
    ]
}

/// The features of `features` that read two words of the window.
fn pair_keys(w: &[&CachedWord; 5]) -> [u64; PAIRS] {
    let [l2, l1, c, r1, r2] = w;
    let _ = l2;
    let (ac, al1, ar1, ar2) = (
        u64::from(c.amb),
        u64::from(l1.amb),
        u64::from(r1.amb),
        u64::from(r2.amb),
    );
    let (l1, c, r1) = (&l1.info, &c.info, &r1.info);
    [
        mix(24, mix(l1.norm, c.norm)),
        mix(25, mix(c.norm, r1.norm)),
        mix(27, mix(c.suffix[2], r1.suffix[2])),
        mix(30, mix(u64::from(l1.flags), u64::from(c.flags))),
        mix(31, mix(u64::from(r1.flags), u64::from(c.flags))),
        mix(36, mix(c.shape, r1.shape)),
        mix(37, mix(l1.shape, c.shape)),
        mix(41, mix(ac, ar1)),
        mix(44, mix(al1, ac)),
        mix(45, mix(ar1, ar2)),
    ]
}

impl Tagger {
    /// The padded word infos of `words` and their tags: what
    /// `tag_infos(&padded(words))` gives, the features that read one word
    /// alone summed once per word and thread (a per-form cache, as the
    /// recognizer's), the rest looked up with prefetching.
    pub fn tag_words(&self, words: &[&str], sc: &mut Scratch) -> (Vec<WordInfo>, Vec<u8>) {
        if !self.reverse {
            return self.tag_words_in_order(words, sc);
        }
        let reversed: Vec<&str> = words.iter().rev().copied().collect();
        let (infos, mut tags) = self.tag_words_in_order(&reversed, sc);
        tags.reverse();
        (flip_padded(&infos), tags)
    }

    /// [`Tagger::tag_words`] in the order the words are given.
    fn tag_words_in_order(&self, words: &[&str], sc: &mut Scratch) -> (Vec<WordInfo>, Vec<u8>) {
        if sc.model != self.id || sc.words.len() + words.len() + 4 > CACHE_WORDS {
            sc.model = self.id;
            sc.cache.clear();
            sc.words.clear();
        }
        let n = words.len();
        sc.at.clear();
        for p in 0..n + 4 {
            let (h, info) = if p < 2 || p >= n + 2 {
                let which = if p < 2 {
                    p as u64 + 1
                } else {
                    (p - n) as u64 + 1
                };
                (mix(0xB0_0B, which), None)
            } else {
                (hash_str(words[p - 2]), Some(words[p - 2]))
            };
            let i = match sc.cache.get(&h) {
                Some(&i) => i,
                None => {
                    let info = match info {
                        Some(w) => WordInfo::new(w),
                        None => {
                            let which = if p < 2 {
                                p as u64 + 1
                            } else {
                                (p - n) as u64 + 1
                            };
                            WordInfo::boundary(which)
                        }
                    };
                    let i = sc.words.len() as u32;
                    sc.words.push(self.cached_word(info));
                    sc.cache.insert(h, i);
                    i
                }
            };
            sc.at.push(i);
        }
        let ws = &sc.words;
        let at = &sc.at;
        sc.pair_keys.clear();
        for i in 0..n {
            let win = [0, 1, 2, 3, 4].map(|d| &ws[at[i + d] as usize]);
            sc.pair_keys.push(pair_keys(&win));
        }
        let prefetch = |i: usize| {
            if let Some(ks) = sc.pair_keys.get(i) {
                for &k in ks {
                    self.weights.prefetch(k);
                }
            }
        };
        prefetch(0);
        prefetch(1);
        let k = self.classes.len();
        let mut tags: Vec<u8> = Vec::with_capacity(n);
        for i in 0..n {
            prefetch(i + 2);
            let c = &ws[at[i + 2] as usize];
            if let Some(t) = c.dict {
                tags.push(t);
                continue;
            }
            let prev = |k: usize| if i >= k { tags[i - k] as u64 } else { START };
            let (p1, p2) = (prev(1), prev(2));
            let mut s = c.part[C];
            for (pos, d) in [(L1, 1), (L2, 0), (R1, 3), (R2, 4)] {
                for (a, b) in s.iter_mut().zip(&ws[at[i + d] as usize].part[pos]) {
                    *a += *b;
                }
            }
            let (ac, ar1) = (u64::from(c.amb), u64::from(ws[at[i + 3] as usize].amb));
            let (cn, r1n) = (c.info.norm, ws[at[i + 3] as usize].info.norm);
            let flags = u64::from(c.info.flags);
            let tag_keys = [
                mix(12, p1),
                mix(13, p2),
                mix(14, mix(p1, p2)),
                mix(15, mix(p1, cn)),
                mix(26, mix(p1, r1n)),
                mix(28, mix(flags, p1)),
                mix(35, mix(mix(p1, cn), r1n)),
                mix(42, mix(p1, ac)),
                mix(43, mix(mix(p1, ac), ar1)),
            ];
            self.weights.score(&tag_keys, &mut s);
            self.weights.score(&sc.pair_keys[i], &mut s);
            tags.push(argmax(&s[..k]) as u8);
        }
        let infos = at.iter().map(|&i| ws[i as usize].info).collect();
        (infos, tags)
    }

    fn cached_word(&self, mut info: WordInfo) -> CachedWord {
        let amb = self.amb.get(&info.norm).copied().unwrap_or(0);
        info.amb = amb;
        let mut part = [[0i32; NTAGS]; 5];
        for (row, feats) in part.iter_mut().zip(word_parts(&info, amb)) {
            let keys: Vec<u64> = feats.iter().map(|&(t, v)| mix(t, v)).collect();
            self.weights.score(&keys, row);
        }
        CachedWord {
            info,
            amb,
            dict: self.dict.get(&info.form).copied(),
            part,
        }
    }

    /// Set the words' ambiguity classes (`tag_words` gives them set).
    pub fn set_amb(&self, w: &mut [WordInfo]) {
        for x in w {
            x.amb = self.amb.get(&x.norm).copied().unwrap_or(0);
        }
    }

    /// The gold classes of `s` (experiments: the parser on gold tags).
    #[doc(hidden)]
    pub fn gold(&self, s: &Sentence) -> Vec<u8> {
        gold_classes(&class_index(&self.classes), s)
    }

    /// The UPOS part of class `c`.
    pub fn upos(&self, c: u8) -> Upos {
        self.classes[c as usize].0
    }

    /// The UPOS parts of `classes`.
    pub fn upos_of(&self, classes: &[u8]) -> Vec<Upos> {
        classes.iter().map(|&c| self.upos(c)).collect()
    }

    /// The classes of padded words `w`, every feature looked up (what
    /// `tag_words` must give).
    pub fn tag_infos(&self, w: &[WordInfo], scratch: &mut Scratch) -> Vec<u8> {
        if self.reverse {
            let mut tags = self.tag_infos_in_order(&flip_padded(w), scratch);
            tags.reverse();
            tags
        } else {
            self.tag_infos_in_order(w, scratch)
        }
    }

    /// [`Tagger::tag_infos`] in the order the words are given.
    fn tag_infos_in_order(&self, w: &[WordInfo], scratch: &mut Scratch) -> Vec<u8> {
        let n = w.len() - 4;
        let k = self.classes.len();
        ambiguity(&self.amb, w, &mut scratch.amb);
        let mut tags: Vec<u8> = Vec::with_capacity(n);
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
                tags.push(t);
                continue;
            }
            features(w, &scratch.amb, i, p1, p2, &mut scratch.feats);
            let mut s = [0i32; NTAGS];
            self.weights.score(&scratch.feats, &mut s);
            tags.push(argmax(&s[..k]) as u8);
        }
        tags
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(u8::from(self.reverse));
        out.push(self.classes.len() as u8);
        for (u, x) in &self.classes {
            out.push(*u as u8);
            out.push(x.len() as u8);
            out.extend_from_slice(x.as_bytes());
        }
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
        Frozen::write_set(&[&self.weights], out);
    }

    /// A tagger as `write` wrote it, or, if `v3`, as the first model
    /// format did (its table apart, `Frozen::read_v3`).
    pub fn read(r: &mut crate::model::Reader, v3: bool) -> Result<Tagger, String> {
        let reverse = r.direction("tagger")?;
        let nc = r.u8()? as usize;
        if !(NUPOS..=NTAGS).contains(&nc) {
            return Err(format!("{nc} tagger classes in the syntax model"));
        }
        let mut classes = Vec::with_capacity(nc);
        for _ in 0..nc {
            let u = r.u8()? as usize;
            if u >= NUPOS {
                return Err("bad UPOS tag in the tagger's classes".into());
            }
            let len = r.u8()? as usize;
            let x: Vec<u8> = (0..len).map(|_| r.u8()).collect::<Result<_, _>>()?;
            let x = String::from_utf8(x).map_err(|_| "bad XPOS tag in the tagger's classes")?;
            classes.push((Upos::from_index(u), x));
        }
        let n = r.u32()? as usize;
        let mut dict = HashedMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u8()?;
            if v as usize >= nc {
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
            classes,
            dict,
            amb,
            weights: if v3 {
                Frozen::read_v3(r, nc)?
            } else {
                Frozen::read_set(r, &[nc])?.remove(0)
            },
            reverse,
            id: next_id(),
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

/// A number for each tagger made.
fn next_id() -> u64 {
    static MODELS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    MODELS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
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

/// The tag dictionary of a training set (`gold`: each word's class).
fn make_dict(sents: &[&Sentence], gold: &[Vec<u8>]) -> HashedMap<u8> {
    let mut counts: HashedMap<[u32; NTAGS]> = HashedMap::default();
    for (s, g) in sents.iter().zip(gold) {
        for (w, &t) in s.words.iter().zip(g) {
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

/// Each refined class (a UPOS tag with an XPOS tag) by its number in
/// `classes`; the UPOS tags alone are not in it.
fn class_index(classes: &[(Upos, String)]) -> std::collections::HashMap<(Upos, &str), u8> {
    classes
        .iter()
        .enumerate()
        .filter(|(_, (_, x))| !x.is_empty())
        .map(|(i, (u, x))| ((*u, x.as_str()), i as u8))
        .collect()
}

/// Train a tagger for `epochs` passes over `sents` (shuffled with `seed`)
/// to tell `classes` (`make_classes`), reading each sentence backwards if
/// `reverse`.
pub fn train(
    sents: &[&Sentence],
    epochs: usize,
    seed: u64,
    classes: &[(Upos, String)],
    reverse: bool,
) -> Tagger {
    if reverse {
        let backwards: Vec<Sentence> = sents.iter().map(|s| s.reversed()).collect();
        let refs: Vec<&Sentence> = backwards.iter().collect();
        let mut t = train(&refs, epochs, seed, classes, false);
        t.reverse = true;
        return t;
    }
    let classes = classes.to_vec();
    let index = class_index(&classes);
    let gold: Vec<Vec<u8>> = sents.iter().map(|s| gold_classes(&index, s)).collect();
    let k = classes.len();
    let dict = make_dict(sents, &gold);
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
            let (s, w, g) = (sents[si], &infos[si], &gold[si]);
            ambiguity(&amb_table, w, &mut amb);
            let mut tags: Vec<u64> = Vec::with_capacity(s.words.len());
            for i in 0..s.words.len() {
                let gold = g[i] as usize;
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
                for (c, &v) in sc[..k].iter().enumerate() {
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
        classes,
        dict,
        amb: amb_table,
        weights: t.averaged(1, k),
        reverse: false,
        id: next_id(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences() -> Vec<Sentence> {
        let row = |i: usize, w: &str, u: &str, x: &str| {
            format!("{i}\t{w}\t_\t{u}\t{x}\t_\t0\troot\t_\t_\n")
        };
        let mut text = String::new();
        for _ in 0..3 {
            text += &row(1, "bridges", "NOUN", "NNS");
            text += &row(2, "opened", "VERB", "VBD");
            text += &row(3, "opened", "VERB", "VBN");
            text += "\n";
        }
        text += &row(1, "bridge", "NOUN", "NN");
        text += &row(2, "shut", "VERB", "VBD");
        text += "\n";
        crate::conllu::parse(&text, "t").unwrap()
    }

    /// A tagger that reads right to left: the fast path tags as the plain
    /// one, the word infos come back in reading order, and the tags are
    /// those of a sentence read backwards.
    #[test]
    fn a_right_to_left_tagger() {
        let w = padded(&["bridges", "opened", "shut"]);
        let f = flip_padded(&w);
        assert_eq!(f[2].norm, WordInfo::new("shut").norm);
        assert_eq!((f[1].norm, f[5].norm), (w[1].norm, w[5].norm));
        assert_eq!(flip_padded(&f)[2].norm, w[2].norm);
        let s = sentences();
        let all: Vec<&Sentence> = s.iter().collect();
        let classes = make_classes(&all, 3);
        let t = train(&all, 4, 1, &classes, true);
        let mut out = vec![];
        t.write(&mut out);
        let t = Tagger::read(&mut crate::model::Reader::new(&out), false).unwrap();
        assert!(t.reverse);
        let words = ["bridges", "opened", "opened"];
        let (infos, tags) = t.tag_words(&words, &mut Scratch::default());
        assert_eq!(infos[2].norm, WordInfo::new("bridges").norm);
        assert_eq!(tags, t.tag_infos(&padded(&words), &mut Scratch::default()));
        // As in training: the "opened" that ends the sentence is the VBN.
        let name = |c: u8| classes[c as usize].1.clone();
        assert_eq!([name(tags[1]), name(tags[2])], ["VBD", "VBN"]);
    }

    /// The UPOS tags alone come first (a word's class is its UPOS tag
    /// when its pair is rare), then the frequent pairs, commonest first.
    #[test]
    fn classes_refine_upos_by_frequent_xpos() {
        let s = sentences();
        let all: Vec<&Sentence> = s.iter().collect();
        assert_eq!(make_classes(&all, 0).len(), NUPOS);
        let c = make_classes(&all, 3);
        assert_eq!(c[Upos::Noun as usize], (Upos::Noun, String::new()));
        assert_eq!(
            &c[NUPOS..],
            [
                (Upos::Verb, "VBD".to_string()),
                (Upos::Noun, "NNS".to_string()),
                (Upos::Verb, "VBN".to_string())
            ]
        );
        let index = class_index(&c);
        // "bridge NN" is rare: NOUN alone.
        let g = gold_classes(&index, &s[3]);
        assert_eq!(g, [Upos::Noun as u8, NUPOS as u8]);
    }
}
