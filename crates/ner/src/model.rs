//! The trained model: its file format, loading, and Viterbi decoding.
//!
//! Two stages share one feature table: stage 1 tags from local features;
//! stage 2 adds document-level features computed from stage 1's tags. Each
//! feature key holds both stages' weights, so one lookup serves both.
//!
//! File layout (little-endian): magic, feature version, tag count, per stage
//! its start and transition scores (i32), the word table (sorted by key) and
//! the feature weights (sorted by key; i16, only nonzero entries stored), and
//! the gazetteer of training names (sorted by key).

use crate::features::{
    allowed, allowed_last, around_tags_key, chunk_tag, continues_chunk, own_tag_key, ChunkPos,
    WordInfo, WordTable, CLUSTER_SETS, FEATURE_VERSION, NO_TAG, NT, TYPE_NAMES,
};
use crate::gazetteer::Gazetteer;
use crate::hash::BuildPassThrough;

pub const MAGIC: &[u8; 8] = b"NSNER04\n";
pub const STAGES: usize = 2;

/// Weights of one feature: stage 1's tags, then stage 2's.
pub type TagWeights = [i16; STAGES * NT];
// The model file stores which of a row's weights are non-zero in a u64.
const _: () = assert!(STAGES * NT <= 64);

/// Start and transition scores of one stage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transitions<S> {
    pub start: [S; NT],
    /// `trans[prev * NT + cur]`.
    pub trans: [S; NT * NT],
}

impl<S: Score> Transitions<S> {
    /// The same scores with BILOU-invalid moves made impossible.
    pub fn constrained(&self) -> Self {
        let mut c = *self;
        for cur in 0..NT {
            if !allowed(None, cur) {
                c.start[cur] = S::NEG;
            }
            for prev in 0..NT {
                if !allowed(Some(prev), cur) {
                    c.trans[prev * NT + cur] = S::NEG;
                }
            }
        }
        c
    }
}

/// Feature weights by key: open addressing over 32-bit fingerprints, rows
/// apart. Hand-written because a general hash map stores the 68-byte rows
/// inline, and on tagging its cache misses dominate; this index is 8 bytes a
/// slot and touches a row only on a hit.
pub struct FeatTable {
    /// (fingerprint, row); fingerprint 0 marks an empty slot.
    slots: Vec<(u32, u32)>,
    mask: usize,
    rows: Vec<TagWeights>,
}

/// Ask the cache for the line holding `*p`.
#[inline(always)]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it reads nothing and cannot fault.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p as *const T as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `scores += row`, as one fixed-size loop the compiler turns into vector
/// adds.
#[inline(always)]
fn add_row(scores: &mut [i32; STAGES * NT], row: &TagWeights) {
    for (s, &w) in scores.iter_mut().zip(row) {
        *s += i32::from(w);
    }
}

fn nonzero_mask(w: &TagWeights) -> u64 {
    (0..w.len())
        .filter(|&t| w[t] != 0)
        .fold(0, |m, t| m | 1 << t)
}

impl FeatTable {
    fn fingerprint(key: u64) -> u32 {
        ((key >> 32) as u32).max(1)
    }

    /// Build from (key, weights); a key whose fingerprint already sits in
    /// its probe chain is dropped (vanishingly rare with 64-bit keys).
    #[cfg(test)]
    pub fn new(entries: Vec<(u64, TagWeights)>) -> FeatTable {
        let (keys, rows) = entries.into_iter().unzip();
        FeatTable::from_parts(keys, rows)
    }

    /// [`FeatTable::new`] from the keys and their rows, in the same order;
    /// the rows are kept in place (no copy), so loading a model builds only
    /// the index.
    pub fn from_parts(keys: Vec<u64>, mut rows: Vec<TagWeights>) -> FeatTable {
        debug_assert_eq!(keys.len(), rows.len());
        let cap = (keys.len() * 3 / 2 + 2).next_power_of_two();
        let mask = cap - 1;
        let mut slots = vec![(0u32, 0u32); cap];
        // Rows of dropped keys are closed up: `kept` trails `i`.
        let mut kept = 0;
        for (i, &key) in keys.iter().enumerate() {
            let fp = Self::fingerprint(key);
            let mut at = key as usize & mask;
            loop {
                match slots[at].0 {
                    0 => {
                        slots[at] = (fp, kept as u32);
                        rows[kept] = rows[i];
                        kept += 1;
                        break;
                    }
                    f if f == fp => break,
                    _ => at = (at + 1) & mask,
                }
            }
        }
        rows.truncate(kept);
        FeatTable { slots, mask, rows }
    }

    /// The slot at `i & mask`, unchecked: a lookup probes 1-2 slots for
    /// each of millions of keys, and the checks cost a seventh of scoring.
    #[inline(always)]
    fn slot(&self, i: usize) -> &(u32, u32) {
        // SAFETY: `slots.len()` is `mask + 1` (set together in
        // `from_parts`, never changed), so `i & mask` is in bounds.
        unsafe { self.slots.get_unchecked(i & self.mask) }
    }

    /// The row a slot names, unchecked (as `slot`).
    #[inline(always)]
    fn row(&self, r: u32) -> &TagWeights {
        // SAFETY: every slot's row was below `rows.len()` when
        // `from_parts` filled it (rows are truncated to those kept), and
        // neither changes after.
        unsafe { self.rows.get_unchecked(r as usize) }
    }

    /// Row index of `key`.
    #[inline(always)]
    fn find(&self, key: u64) -> Option<u32> {
        let fp = Self::fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let (f, row) = *self.slot(i);
            if f == fp {
                return Some(row);
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub fn get(&self, key: u64) -> Option<&TagWeights> {
        self.find(key).map(|r| &self.rows[r as usize])
    }

    /// Add the weights of the features of each token to its scores: token
    /// `i`'s keys are `keys[offsets[i]..offsets[i + 1]]`, its scores
    /// `scores[i]`. Nearly every lookup misses the cache, so the keys go
    /// through a software pipeline: prefetch a key's home slot, probe it
    /// some keys later and prefetch the row found, add the row some keys
    /// later still. Prefetches do not hold up the pipeline the way loads
    /// do, so many misses are in flight at once instead of a few (and,
    /// unlike passes over batches, no list of hits is kept).
    pub fn score_tokens(&self, keys: &[u64], offsets: &[usize], scores: &mut [[i32; STAGES * NT]]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { self.score_tokens_avx2(keys, offsets, scores) };
        }
        self.score_tokens_plain(keys, offsets, scores)
    }

    /// [`FeatTable::score_tokens`] compiled for AVX2: a row's 34 weights
    /// widen and add in a few 8-lane steps instead of many 4-lane SSE2 ones.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn score_tokens_avx2(
        &self,
        keys: &[u64],
        offsets: &[usize],
        scores: &mut [[i32; STAGES * NT]],
    ) {
        self.score_tokens_plain(keys, offsets, scores)
    }

    #[inline(always)]
    fn score_tokens_plain(
        &self,
        keys: &[u64],
        offsets: &[usize],
        scores: &mut [[i32; STAGES * NT]],
    ) {
        // A key's home slot is prefetched `2 * AHEAD` keys before its row is
        // added, and probed (its row prefetched) `AHEAD` keys before.
        const AHEAD: usize = 8;
        const RING: usize = 2 * AHEAD;
        if scores.is_empty() {
            return;
        }
        let base = offsets[0];
        let keys = &keys[base..offsets[scores.len()]];
        let mut ring: [Option<u32>; RING] = [None; RING];
        for &k in keys.iter().take(2 * AHEAD) {
            prefetch(self.slot(k as usize));
        }
        for (j, &k) in keys.iter().enumerate().take(AHEAD) {
            ring[j % RING] = self.find_and_prefetch(k);
        }
        let mut j = 0;
        for (row_scores, &end) in scores.iter_mut().zip(&offsets[1..]) {
            // A local accumulator: the compiler cannot tell that `scores`
            // and the rows do not overlap, and would add one weight at a
            // time.
            let mut acc = *row_scores;
            while j < end - base {
                if let Some(&k) = keys.get(j + 2 * AHEAD) {
                    prefetch(self.slot(k as usize));
                }
                if let Some(&k) = keys.get(j + AHEAD) {
                    ring[(j + AHEAD) % RING] = self.find_and_prefetch(k);
                }
                if let Some(r) = ring[j % RING] {
                    add_row(&mut acc, self.row(r));
                }
                j += 1;
            }
            *row_scores = acc;
        }
    }

    /// [`FeatTable::find`], prefetching the row found.
    #[inline(always)]
    fn find_and_prefetch(&self, key: u64) -> Option<u32> {
        let found = self.find(key);
        if let Some(r) = found {
            let row = self.row(r);
            prefetch(&row[0]);
            prefetch(&row[STAGES * NT - 1]);
        }
        found
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.rows.len()
    }
}

pub struct Weights {
    /// Per stage, its transitions (constrained to BILOU) laid out for
    /// tagging.
    pub decoders: [Decoder; STAGES],
    pub feats: FeatTable,
    pub tag_keys: TagKeyScores,
}

/// Stage 2's scores of the keys of stage 1's tags alone ([`own_tag_key`],
/// [`around_tags_key`]): they take few values, so they are looked up once
/// per model instead of once per token.
pub struct TagKeyScores {
    /// By stage 1's tag of the token.
    own: [[i32; NT]; NT],
    /// By stage 1's tags before and after it (`NT` beyond the sentence).
    around: Vec<[[i32; NT]; NT + 1]>,
}

impl TagKeyScores {
    fn new(feats: &FeatTable) -> TagKeyScores {
        let stage2 = |key: u64| -> [i32; NT] {
            let row = feats.get(key);
            std::array::from_fn(|t| row.map_or(0, |w| i32::from(w[NT + t])))
        };
        let tag = |t: usize| if t == NT { NO_TAG } else { t as u64 };
        TagKeyScores {
            own: std::array::from_fn(|t| stage2(own_tag_key(t as u64))),
            around: (0..=NT)
                .map(|p| std::array::from_fn(|n| stage2(around_tags_key(tag(p), tag(n)))))
                .collect(),
        }
    }

    /// Add to `scores` (stage 2's) those of the tag keys of a token tagged
    /// `own` by stage 1, after `prev` and before `next` (`None` beyond the
    /// sentence).
    pub fn add(&self, own: u8, prev: Option<u8>, next: Option<u8>, scores: &mut [i32; NT]) {
        let index = |t: Option<u8>| t.map_or(NT, usize::from);
        let around = &self.around[index(prev)][index(next)];
        for ((s, &a), &b) in scores.iter_mut().zip(&self.own[own as usize]).zip(around) {
            *s += a + b;
        }
    }
}

/// Serialize a model. `words` and `feats` must be sorted by key.
pub fn write_model(
    stages: &[Transitions<i32>; STAGES],
    words: &[(u64, WordInfo)],
    feats: &[(u64, TagWeights)],
    names: &[(u64, u8)],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(feats.len() * 20 + words.len() * 16 + 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
    out.extend_from_slice(&(NT as u32).to_le_bytes());
    for st in stages {
        for v in st.start.iter().chain(st.trans.iter()) {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    for (k, w) in words {
        out.extend_from_slice(&k.to_le_bytes());
        for c in w.clusters.iter().flatten() {
            out.extend_from_slice(&c.to_le_bytes());
        }
        out.push(w.cap);
    }
    out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
    for (k, w) in feats {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&nonzero_mask(w).to_le_bytes());
        for &v in w.iter().filter(|&&v| v != 0) {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out.extend_from_slice(&(names.len() as u32).to_le_bytes());
    for (k, m) in names {
        out.extend_from_slice(&k.to_le_bytes());
        out.push(*m);
    }
    out
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let s = self
            .b
            .get(self.at..self.at + N)
            .ok_or("model file is truncated")?;
        self.at += N;
        Ok(s.try_into().unwrap())
    }
    fn slice(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or("model file is truncated")?;
        self.at += n;
        Ok(s)
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

/// Bytes of a word's record: key, clusters, capitalization rate.
const WORD_RECORD: usize = 8 + 2 * 3 * CLUSTER_SETS + 1;

/// Parse a model file into weights and the word table.
pub fn read_model(bytes: &[u8]) -> Result<(Weights, WordTable, Gazetteer), String> {
    let mut r = Reader { b: bytes, at: 0 };
    if &r.take::<8>()? != MAGIC {
        return Err("not a newsparse NER model (or an older format): retrain".into());
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
    let mut stages = [Transitions {
        start: [0i32; NT],
        trans: [0i32; NT * NT],
    }; STAGES];
    for st in &mut stages {
        for v in st.start.iter_mut().chain(st.trans.iter_mut()) {
            *v = r.i32()?;
        }
        *st = st.constrained();
    }
    let n_words = r.u32()? as usize;
    let mut words = WordTable::with_capacity_and_hasher(n_words, BuildPassThrough);
    // Records of fixed size are taken whole (one bounds check each):
    // reading field by field was most of loading the model.
    for _ in 0..n_words {
        let rec: [u8; WORD_RECORD] = r.take()?;
        let (k, rest) = rec.split_at(8);
        let mut clusters = [[0u16; 3]; CLUSTER_SETS];
        for (c, b) in clusters.iter_mut().flatten().zip(rest.chunks_exact(2)) {
            *c = u16::from_le_bytes([b[0], b[1]]);
        }
        let k = u64::from_le_bytes(k.try_into().unwrap());
        words.insert(
            k,
            WordInfo {
                clusters,
                cap: rec[WORD_RECORD - 1],
            },
        );
    }
    let n_feats = r.u32()? as usize;
    let mut keys = Vec::with_capacity(n_feats);
    let mut rows = Vec::with_capacity(n_feats);
    for _ in 0..n_feats {
        let head: [u8; 16] = r.take()?;
        let (key, mask) = head.split_at(8);
        keys.push(u64::from_le_bytes(key.try_into().unwrap()));
        // Bits past the row's width name no weight and are skipped.
        let mask = u64::from_le_bytes(mask.try_into().unwrap());
        let mut mask = mask & ((1u64 << (STAGES * NT)) - 1);
        let stored = r.slice(2 * mask.count_ones() as usize)?;
        let mut w = [0i16; STAGES * NT];
        for pair in stored.chunks_exact(2) {
            w[mask.trailing_zeros() as usize] = i16::from_le_bytes([pair[0], pair[1]]);
            mask &= mask - 1;
        }
        rows.push(w);
    }
    let n_names = r.u32()? as usize;
    let mut gazetteer = Gazetteer::default();
    gazetteer.names.reserve(n_names);
    for _ in 0..n_names {
        let k = r.u64()?;
        let m = r.take::<1>()?[0];
        gazetteer.names.insert(k, m);
    }
    if r.at != bytes.len() {
        return Err("model file has trailing bytes".into());
    }
    let feats = FeatTable::from_parts(keys, rows);
    let decoders = stages.each_ref().map(Decoder::new);
    let weights = Weights {
        decoders,
        tag_keys: TagKeyScores::new(&feats),
        feats,
    };
    Ok((weights, words, gazetteer))
}

/// Score type of decoding: f32 while training, i32 when tagging (weights
/// are i16 and a token has well under 2^15 features, so sums cannot overflow).
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> {
    const NEG: Self;
}
impl Score for f32 {
    const NEG: Self = f32::NEG_INFINITY;
}
impl Score for i32 {
    const NEG: Self = i32::MIN / 4;
}

/// Reusable Viterbi buffers.
#[derive(Default)]
pub struct Lattice<S> {
    /// Per token, the best predecessor of each tag.
    back: Vec<[u8; NT]>,
    _score: std::marker::PhantomData<S>,
}

/// Number of tags a chunk may not go on from (O, Last, Unit), which are
/// the predecessors of every tag that starts no chunk-continuation (O,
/// Begin, Unit) — as many again.
const FREE: usize = 1 + 2 * TYPE_NAMES.len();

/// `(closed, opening)`: the tags after which no chunk is open, and the tags
/// that continue no chunk, each ascending. In BILOU a tag that continues
/// no chunk may follow exactly the closed tags; Inside and Last of a type
/// may follow exactly its Begin and Inside.
const FREE_TAGS: ([usize; FREE], [usize; FREE]) = {
    let (mut closed, mut opening) = ([0; FREE], [0; FREE]);
    let (mut c, mut o, mut t) = (0, 0, 0);
    while t < NT {
        if allowed_last(t) {
            closed[c] = t;
            c += 1;
        }
        if !continues_chunk(t) {
            opening[o] = t;
            o += 1;
        }
        t += 1;
    }
    assert!(c == FREE && o == FREE);
    (closed, opening)
};

impl<S: Score> Lattice<S> {
    /// Best tag sequence for per-token emission scores `emit[i * NT + tag]`
    /// under constrained transitions (see [`Transitions::constrained`]).
    /// Only allowed moves are visited, each tag's predecessors in ascending
    /// order with the first best kept, so ties break as a search of all
    /// moves in order would (`viterbi_and_decoder_match_a_search_of_every_move`).
    pub fn viterbi(&mut self, emit: &[S], tr: &Transitions<S>, out: &mut Vec<usize>) {
        let n = emit.len() / NT;
        out.clear();
        if n == 0 {
            return;
        }
        let (closed, opening) = FREE_TAGS;
        // `free_moves[j][k]`: the move from `closed[k]` to `opening[j]`.
        let free_moves: [[S; FREE]; FREE] =
            std::array::from_fn(|j| std::array::from_fn(|k| tr.trans[closed[k] * NT + opening[j]]));
        self.back.clear();
        self.back.resize(n, [0; NT]);
        let mut prev = [S::NEG; NT];
        for ((s, &st), &e) in prev.iter_mut().zip(&tr.start).zip(emit) {
            *s = st + e;
        }
        for i in 1..n {
            let e: &[S; NT] = emit[i * NT..(i + 1) * NT].try_into().unwrap();
            let back = &mut self.back[i];
            let mut cur = [S::NEG; NT];
            let from: [S; FREE] = closed.map(|p| prev[p]);
            for j in 0..FREE {
                let ms = &free_moves[j];
                let mut best = from[0] + ms[0];
                let mut arg = 0;
                for k in 1..FREE {
                    let s = from[k] + ms[k];
                    if s > best {
                        best = s;
                        arg = k;
                    }
                }
                let t = opening[j];
                cur[t] = best + e[t];
                back[t] = closed[arg] as u8;
            }
            for ty in 0..TYPE_NAMES.len() {
                let (b, inside) = (
                    chunk_tag(ty, ChunkPos::Begin),
                    chunk_tag(ty, ChunkPos::Inside),
                );
                for t in [inside, chunk_tag(ty, ChunkPos::Last)] {
                    let from_b = prev[b] + tr.trans[b * NT + t];
                    let from_i = prev[inside] + tr.trans[inside * NT + t];
                    let (best, arg) = if from_i > from_b {
                        (from_i, inside)
                    } else {
                        (from_b, b)
                    };
                    cur[t] = best + e[t];
                    back[t] = arg as u8;
                }
            }
            prev = cur;
        }
        // O is always a valid last tag, so the search starts from it.
        let mut t =
            (1..NT)
                .filter(|&t| allowed_last(t))
                .fold(0, |b, t| if prev[t] > prev[b] { t } else { b });
        out.resize(n, 0);
        for i in (0..n).rev() {
            out[i] = t;
            t = self.back[i][t] as usize;
        }
    }
}

/// Lanes of a row of free moves: `FREE` padded to two 8-lane vectors.
const FREE_LANES: usize = 16;

/// Tags that continue a chunk (Inside and Last of each type), in tag order.
const CHUNK_TAGS: usize = 2 * TYPE_NAMES.len();

/// Per tag that continues a chunk: (that tag, the Begin and the Inside of
/// its type, which are all it may follow). Constants, so that the
/// decoder's loops over them unroll with no bounds checks.
const CHUNK_MOVES: [(usize, usize, usize); CHUNK_TAGS] = {
    let mut moves = [(0, 0, 0); CHUNK_TAGS];
    let mut c = 0;
    while c < CHUNK_TAGS {
        let ty = c / 2;
        let pos = if c % 2 == 0 {
            ChunkPos::Inside
        } else {
            ChunkPos::Last
        };
        moves[c] = (
            chunk_tag(ty, pos),
            chunk_tag(ty, ChunkPos::Begin),
            chunk_tag(ty, ChunkPos::Inside),
        );
        c += 1;
    }
    moves
};

/// Integer Viterbi for tagging, laid out for vector compares: the same
/// decoding as [`Lattice::viterbi`] on constrained `i32` scores, ties
/// included (`viterbi_and_decoder_match_a_search_of_every_move`). The generic
/// decoder spends most of its time on bounds checks and one-lane compares;
/// here a step's 81 free moves are two passes of 9 rounds of 16-lane adds
/// (the best score, then the first move reaching it), the chunk moves are
/// constants, backpointers are a byte vector and a bit mask, and the
/// emissions are read in place from the score rows.
pub struct Decoder {
    start: [i32; NT],
    /// `free[k][j]`: the move from `closed[k]` to `opening[j]`
    /// ([`FREE_TAGS`]); lanes past `FREE` are padding, their results unused.
    free: [[i32; FREE_LANES]; FREE],
    /// Per tag that continues a chunk ([`CHUNK_MOVES`]), the scores of
    /// its moves from Begin and from Inside.
    from_begin: [i32; CHUNK_TAGS],
    from_inside: [i32; CHUNK_TAGS],
}

impl Decoder {
    /// From constrained transitions ([`Transitions::constrained`]).
    pub fn new(tr: &Transitions<i32>) -> Decoder {
        let (closed, opening) = FREE_TAGS;
        let free = std::array::from_fn(|k| {
            std::array::from_fn(|j| match opening.get(j) {
                Some(&o) => tr.trans[closed[k] * NT + o],
                None => i32::NEG,
            })
        });
        Decoder {
            start: tr.start,
            free,
            from_begin: CHUNK_MOVES.map(|(t, b, _)| tr.trans[b * NT + t]),
            from_inside: CHUNK_MOVES.map(|(t, _, i)| tr.trans[i * NT + t]),
        }
    }

    /// Best tags of the tokens whose scores are `scores` (this decoder's
    /// stage's tags at `scores[i][at..at + NT]`), into `out`; `back` is a
    /// reusable buffer.
    pub fn decode(
        &self,
        scores: &[[i32; STAGES * NT]],
        at: usize,
        back: &mut Vec<Backpointers>,
        out: &mut [u8],
    ) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { self.decode_avx2(scores, at, back, out) };
        }
        self.decode_plain(scores, at, back, out)
    }

    /// [`Decoder::decode`] compiled for AVX2 (a row of free moves is two
    /// vectors instead of four).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn decode_avx2(
        &self,
        scores: &[[i32; STAGES * NT]],
        at: usize,
        back: &mut Vec<Backpointers>,
        out: &mut [u8],
    ) {
        self.decode_plain(scores, at, back, out)
    }

    #[inline(always)]
    fn decode_plain(
        &self,
        scores: &[[i32; STAGES * NT]],
        at: usize,
        back: &mut Vec<Backpointers>,
        out: &mut [u8],
    ) {
        let n = scores.len();
        assert_eq!(out.len(), n);
        if n == 0 {
            return;
        }
        let emission = |i: usize| -> &[i32; NT] { scores[i][at..at + NT].try_into().unwrap() };
        let (closed, opening) = FREE_TAGS;
        back.clear();
        back.resize(n, Backpointers::default());
        let mut prev = [0i32; NT];
        for ((p, &st), &e) in prev.iter_mut().zip(&self.start).zip(emission(0)) {
            *p = st + e;
        }
        for (i, back) in back.iter_mut().enumerate().skip(1) {
            let e = emission(i);
            let mut cur = [0i32; NT];
            // Free moves: per opening tag (lane), the best closed tag to
            // come from, the first best kept, in two passes that are each a
            // plain vector loop: the best score, then the first reaching it.
            let mut from = [0i32; FREE];
            for (f, &p) in from.iter_mut().zip(&closed) {
                *f = prev[p];
            }
            let mut best = [i32::MIN; FREE_LANES];
            for (&from, moves) in from.iter().zip(&self.free) {
                for (b, &m) in best.iter_mut().zip(moves) {
                    *b = (*b).max(from + m);
                }
            }
            let mut arg = [FREE as i32; FREE_LANES];
            for (k, (&from, moves)) in from.iter().zip(&self.free).enumerate() {
                for ((a, &b), &m) in arg.iter_mut().zip(&best).zip(moves) {
                    *a = (*a).min(if from + m == b { k as i32 } else { FREE as i32 });
                }
            }
            for (j, &t) in opening.iter().enumerate() {
                cur[t] = best[j] + e[t];
            }
            for (b, &a) in back.free.iter_mut().zip(&arg) {
                *b = a as u8;
            }
            for (c, &(t, b, inside)) in CHUNK_MOVES.iter().enumerate() {
                let from_b = prev[b] + self.from_begin[c];
                let from_i = prev[inside] + self.from_inside[c];
                let take_i = from_i > from_b;
                cur[t] = if take_i { from_i } else { from_b } + e[t];
                back.from_inside |= u8::from(take_i) << c;
            }
            prev = cur;
        }
        // O is always a valid last tag, so the search starts from it.
        let mut t = closed[1..]
            .iter()
            .fold(0, |b, &t| if prev[t] > prev[b] { t } else { b });
        for i in (0..n).rev() {
            out[i] = t as u8;
            t = back[i].previous(t);
        }
    }
}

/// A token's best predecessors in [`Decoder::decode`], kept compactly
/// (one vector store and one byte a step, instead of a byte per tag).
#[derive(Debug, Clone, Copy, Default)]
pub struct Backpointers {
    /// Per opening tag (`FREE_TAGS.1` order), the index in `FREE_TAGS.0` of
    /// the closed tag it comes from.
    free: [u8; FREE_LANES],
    /// Bit `c`: the tag `CHUNK_MOVES[c].0` comes from Inside (else Begin).
    from_inside: u8,
}

/// Per tag, its index among the opening tags, or `FREE_LANES` plus its index
/// in [`CHUNK_MOVES`].
const SLOT_OF_TAG: [usize; NT] = {
    let mut slots = [0; NT];
    let mut j = 0;
    while j < FREE {
        slots[FREE_TAGS.1[j]] = j;
        j += 1;
    }
    let mut c = 0;
    while c < CHUNK_TAGS {
        slots[CHUNK_MOVES[c].0] = FREE_LANES + c;
        c += 1;
    }
    slots
};

impl Backpointers {
    /// The tag before `tag` on the best path to it.
    fn previous(&self, tag: usize) -> usize {
        match SLOT_OF_TAG[tag] {
            j if j < FREE_LANES => FREE_TAGS.0[self.free[j] as usize],
            slot => {
                let (_, begin, inside) = CHUNK_MOVES[slot - FREE_LANES];
                if self.from_inside >> (slot - FREE_LANES) & 1 != 0 {
                    inside
                } else {
                    begin
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bilou_and_scores() {
        use crate::features::{chunk_tag, ChunkPos::*};
        let (b, i, l, u) = (
            chunk_tag(0, Begin),
            chunk_tag(0, Inside),
            chunk_tag(0, Last),
            chunk_tag(0, Unit),
        );
        // Token 0 prefers I-PER (invalid at start), then B-PER is next best;
        // token 1 prefers I-PER, which cannot end a sentence, then L-PER.
        let mut emit = vec![0f32; 2 * NT];
        emit[i] = 5.0;
        emit[b] = 3.0;
        emit[NT + i] = 6.0;
        emit[NT + l] = 4.0;
        let tr = Transitions {
            start: [0.0; NT],
            trans: [0.0; NT * NT],
        }
        .constrained();
        let mut out = vec![];
        Lattice::default().viterbi(&emit, &tr, &mut out);
        assert_eq!(out, vec![b, l]);
        // A strong transition penalty changes the path.
        let mut tr2 = tr;
        tr2.trans[b * NT + l] = -10.0;
        emit[u] = 2.0;
        Lattice::default().viterbi(&emit, &tr2, &mut out);
        assert_eq!(out, vec![u, 0]);
    }

    /// Viterbi over every move (the allowed ones by their scores), first
    /// best kept: what the decoder must equal, ties included.
    fn viterbi_of_every_move(emit: &[i32], tr: &Transitions<i32>) -> Vec<usize> {
        let n = emit.len() / NT;
        let mut score = vec![[i32::NEG; NT]; n];
        let mut back = vec![[0usize; NT]; n];
        for t in 0..NT {
            score[0][t] = tr.start[t] + emit[t];
        }
        for i in 1..n {
            for t in 0..NT {
                let mut best = None;
                for p in (0..NT).filter(|&p| allowed(Some(p), t)) {
                    let s = score[i - 1][p] + tr.trans[p * NT + t];
                    if best.is_none_or(|(b, _)| s > b) {
                        best = Some((s, p));
                    }
                }
                let (s, p) = best.unwrap();
                score[i][t] = s + emit[i * NT + t];
                back[i][t] = p;
            }
        }
        let last = &score[n - 1];
        let mut t =
            (0..NT)
                .filter(|&t| allowed_last(t))
                .fold(0, |b, t| if last[t] > last[b] { t } else { b });
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = t;
            t = back[i][t];
        }
        out
    }

    #[test]
    fn viterbi_and_decoder_match_a_search_of_every_move() {
        // Scores from a small range, so that ties are frequent.
        let mut rng = crate::hash::SplitMix::new(7);
        let mut small = || (rng.next_u64() % 5) as i32 - 2;
        let mut lattice = Lattice::default();
        let mut out = vec![];
        let mut back = vec![];
        for round in 0..2000 {
            let tr = Transitions {
                start: std::array::from_fn(|_| small()),
                trans: std::array::from_fn(|_| small()),
            }
            .constrained();
            let n = 1 + round % 9;
            // Every other round O scores low, so that paths run through
            // long chunks and Inside/Last ties are met too.
            let low_o = if round % 2 == 1 { 3 } else { 0 };
            let emit: Vec<i32> = (0..n * NT)
                .map(|j| small() - if j % NT == 0 { low_o } else { 0 })
                .collect();
            lattice.viterbi(&emit, &tr, &mut out);
            let want = viterbi_of_every_move(&emit, &tr);
            assert_eq!(out, want, "round {round}");
            // The tagging decoder, reading stage 2's half of score rows.
            let rows: Vec<[i32; STAGES * NT]> = emit
                .chunks(NT)
                .map(|e| std::array::from_fn(|t| if t >= NT { e[t - NT] } else { 99 }))
                .collect();
            let mut tags = vec![0u8; n];
            Decoder::new(&tr).decode(&rows, NT, &mut back, &mut tags);
            let tags: Vec<usize> = tags.iter().map(|&t| t as usize).collect();
            assert_eq!(tags, want, "decoder, round {round}");
        }
    }

    #[test]
    fn batched_scoring_equals_plain_sums() {
        // 40 tokens of 30 keys each, so the batches of 256 keys split them;
        // keys 0..120 have rows, the rest miss.
        let rows: Vec<(u64, TagWeights)> = (0..120u64)
            .map(|k| {
                let key = k.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
                (
                    key,
                    std::array::from_fn(|t| (k as i16 * 7 + t as i16) % 50 - 25),
                )
            })
            .collect();
        let table = FeatTable::new(rows.clone());
        let mut keys = vec![];
        let mut offsets = vec![0];
        for tok in 0..40u64 {
            for j in 0..30u64 {
                let k = (tok * 31 + j * 17) % 200;
                keys.push(k.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
            }
            offsets.push(keys.len());
        }
        let mut scores = vec![[0i32; STAGES * NT]; 40];
        table.score_tokens(&keys, &offsets, &mut scores);
        table.score_tokens(&[], &[], &mut []);
        for (i, got) in scores.iter().enumerate() {
            let mut want = [0i32; STAGES * NT];
            for k in &keys[offsets[i]..offsets[i + 1]] {
                if let Some((_, w)) = rows.iter().find(|(key, _)| key == k) {
                    for t in 0..STAGES * NT {
                        want[t] += w[t] as i32;
                    }
                }
            }
            assert_eq!(*got, want, "token {i}");
        }
    }

    #[test]
    fn a_key_whose_fingerprint_is_taken_is_dropped_and_rows_stay_aligned() {
        // Same high 32 bits and home slot: the second key cannot be told apart.
        let a = 0x0000_0007_0000_0003u64;
        let twin = a;
        let b = 0x0000_0009_0000_0005u64;
        let row = |v: i16| -> TagWeights { [v; STAGES * NT] };
        let table = FeatTable::from_parts(vec![a, twin, b], vec![row(1), row(2), row(3)]);
        assert_eq!(table.len(), 2);
        assert_eq!(table.get(a), Some(&row(1)));
        assert_eq!(table.get(b), Some(&row(3)), "b's row moved up with it");
    }

    #[test]
    fn model_file_round_trips() {
        let words = vec![(
            5u64,
            WordInfo {
                clusters: std::array::from_fn(|s| [1, 2, 3 + s as u16]),
                cap: 4,
            },
        )];
        let mut w = [0i16; STAGES * NT];
        w[3] = -7;
        w[NT + 8] = 300;
        let feats = vec![(9u64, w)];
        let st = Transitions {
            start: [1; NT],
            trans: [2; NT * NT],
        };
        let bytes = write_model(&[st, st], &words, &feats, &[(11, 2)]);
        let (m, t, g) = read_model(&bytes).unwrap();
        assert_eq!(g.names[&11], 2);
        assert_eq!(m.feats.get(9), Some(&w));
        assert_eq!(m.feats.get(10), None);
        assert_eq!(m.feats.len(), 1);
        assert_eq!(t[&5].clusters[0], [1, 2, 3]);
        assert_eq!(m.decoders[1].free[0][0], 2, "O to O");
        assert_eq!(m.decoders[0].start[2], i32::NEG, "Inside cannot start");
        assert!(read_model(&bytes[..bytes.len() - 1]).is_err());
    }
}
