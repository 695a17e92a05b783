//! The dependency parser: arc-eager transitions, greedy, scored by an
//! averaged perceptron over the rich non-local features of Zhang & Nivre
//! (2011) — distance, valency, second- and third-order words, tags and
//! labels, label sets — and trained with the dynamic oracle of Goldberg &
//! Nivre (2012): the model follows its own (sometimes wrong) moves and is
//! taught the best move still open from there.

use crate::decode::{self, Decoder};
use crate::hash::{hash_str, mix, SplitMix};
use crate::labels::Deprel;
use crate::perceptron::{Frozen, Row, Training};
use crate::words::WordInfo;

pub const NL: usize = Deprel::COUNT;
/// Shift, reduce, left-arc per label, right-arc per label.
pub const NA: usize = 2 + 2 * NL;
pub(crate) const SH: usize = 0;
pub(crate) const RE: usize = 1;
pub(crate) const ROOT_LABEL: usize = Deprel::Root as usize;
const NONE: usize = usize::MAX;

/// Tag values of the root and of a missing position (the tagger's
/// classes are below `tagger::NTAGS`).
pub(crate) const TAG_ROOT: u64 = 200;
pub(crate) const TAG_NONE: u64 = 201;
pub(crate) const LABEL_NONE: u64 = 99;

/// The weight-table key of feature template `id` with value `v`.
#[inline]
pub(crate) fn key(id: u64, v: u64) -> u64 {
    mix(id.wrapping_mul(0x51_7CC1_B727_220A), v)
}

/// A parser configuration. Words are `1..=n`, `0` is the root.
#[derive(Clone)]
pub struct State {
    n: usize,
    stack: Vec<usize>,
    in_stack: Vec<bool>,
    /// The front of the buffer; `n + 1` when it is empty.
    b: usize,
    pub head: Vec<usize>,
    pub label: Vec<u8>,
    /// Leftmost and second-leftmost children.
    lc: Vec<[usize; 2]>,
    /// Rightmost and second-rightmost children.
    rc: Vec<[usize; 2]>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn new() -> State {
        State {
            n: 0,
            stack: vec![],
            in_stack: vec![],
            b: 1,
            head: vec![],
            label: vec![],
            lc: vec![],
            rc: vec![],
            nl: vec![],
            nr: vec![],
            lset: vec![],
            rset: vec![],
        }
    }

    pub(crate) fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.stack.push(0);
        self.in_stack.clear();
        self.in_stack.resize(n + 1, false);
        self.in_stack[0] = true;
        self.b = 1;
        self.head.clear();
        self.head.resize(n + 1, NONE);
        self.label.clear();
        self.label.resize(n + 1, 0);
        self.lc.clear();
        self.lc.resize(n + 1, [NONE; 2]);
        self.rc.clear();
        self.rc.resize(n + 1, [NONE; 2]);
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    fn terminal(&self) -> bool {
        self.b > self.n
    }

    fn s0(&self) -> usize {
        *self.stack.last().expect("the root never leaves the stack")
    }

    fn valid(&self, a: usize) -> bool {
        let s0 = self.s0();
        let buf = self.b <= self.n;
        match a {
            SH => buf,
            RE => s0 != 0 && self.head[s0] != NONE,
            _ if a < 2 + NL => s0 != 0 && self.head[s0] == NONE && buf && a - 2 != ROOT_LABEL,
            _ => buf && ((s0 == 0) == (a - 2 - NL == ROOT_LABEL)),
        }
    }

    fn add_arc(&mut self, h: usize, d: usize, l: usize) {
        self.head[d] = h;
        self.label[d] = l as u8;
        if d < h {
            self.lc[h] = [d, self.lc[h][0]];
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= 1 << l;
        } else {
            self.rc[h] = [d, self.rc[h][0]];
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= 1 << l;
        }
    }

    pub(crate) fn apply(&mut self, a: usize) {
        let s0 = self.s0();
        match a {
            SH => {
                self.stack.push(self.b);
                self.in_stack[self.b] = true;
                self.b += 1;
            }
            RE => {
                self.stack.pop();
                self.in_stack[s0] = false;
            }
            _ if a < 2 + NL => {
                self.add_arc(self.b, s0, a - 2);
                self.stack.pop();
                self.in_stack[s0] = false;
            }
            _ => {
                self.add_arc(s0, self.b, a - 2 - NL);
                self.stack.push(self.b);
                self.in_stack[self.b] = true;
                self.b += 1;
            }
        }
    }

    /// Words left without a head attach to the root.
    fn finish(&mut self) {
        for d in 1..=self.n {
            if self.head[d] == NONE {
                self.head[d] = 0;
                self.label[d] = ROOT_LABEL as u8;
            }
        }
    }

    /// The cost of each unlabelled move (shift, reduce, left-arc,
    /// right-arc) against gold heads: gold arcs it makes unreachable.
    fn costs(&self, gh: &[usize]) -> [u32; 4] {
        let s0 = self.s0();
        let b = self.b;
        let n = self.n;
        let mut c = [0u32; 4];
        if b <= n {
            // Shift: b loses its arcs to and from the stack.
            for &k in &self.stack {
                if (self.head[k] == NONE && k != 0 && gh[k] == b) || gh[b] == k {
                    c[0] += 1;
                }
            }
            // Right-arc: b gets s0 as head; it loses any other head still
            // reachable and its children waiting headless in the stack.
            let h = gh[b];
            if h != s0 && (self.in_stack[h] || h > b) {
                c[3] += 1;
            }
            for &k in &self.stack {
                if k != 0 && self.head[k] == NONE && gh[k] == b {
                    c[3] += 1;
                }
            }
        }
        if s0 != 0 {
            let kids = ((b.max(1))..=n).filter(|&k| gh[k] == s0).count() as u32;
            // Reduce: s0 loses its children in the buffer.
            c[1] = kids;
            // Left-arc: s0 loses those and a head further in the buffer.
            c[2] = kids + u32::from(gh[s0] > b && gh[s0] <= n);
        }
        c
    }
}

fn word(w: &[WordInfo], i: usize) -> u64 {
    if i == NONE {
        0xDEAD
    } else if i == 0 {
        0xB007
    } else {
        w[i].norm
    }
}

/// A word's three-letter suffix, shape and ambiguity class.
pub(crate) fn word_view(w: &WordInfo) -> (u64, u64, u64) {
    (w.suffix[2], w.shape, u64::from(w.amb))
}

/// What the root and a missing word give for `word_view`.
pub(crate) const ROOT_VIEW: (u64, u64, u64) = (0xB007, 0xB007, 1 << 40);
pub(crate) const NONE_VIEW: (u64, u64, u64) = (0xDEAD, 0xDEAD, 1 << 41);

fn view(w: &[WordInfo], i: usize) -> (u64, u64, u64) {
    if i == NONE {
        NONE_VIEW
    } else if i == 0 {
        ROOT_VIEW
    } else {
        word_view(&w[i])
    }
}

fn tag(t: &[u8], i: usize) -> u64 {
    if i == NONE {
        TAG_NONE
    } else if i == 0 {
        TAG_ROOT
    } else {
        u64::from(t[i])
    }
}

/// What lies between s0 and n0 (words `s0 + 1 .. n0`; `norm` gives a
/// word's normalized form): commas and other punctuation, up to 3 each.
pub(crate) fn between(s0: usize, n0: usize, norm: impl Fn(usize) -> u64) -> u64 {
    let comma = hash_str(",");
    let others = [";", ":", "-", "--", "(", ")", "\""].map(hash_str);
    let (mut c, mut o) = (0u64, 0u64);
    for i in s0 + 1..n0 {
        let w = norm(i);
        if w == comma {
            c += 1;
        } else if others.contains(&w) {
            o += 1;
        }
    }
    c.min(3) << 2 | o.min(3)
}

/// The tags around s0 and n0 (McDonald et al.'s surrounding tags): `p`
/// gives the tag at a position (`NONE`: outside).
pub(crate) fn surrounding(s0: usize, n0: usize, p: impl Fn(usize) -> u64) -> [u64; 4] {
    let pair = mix(p(s0), p(n0));
    let before = |i: usize| if i == 0 { NONE } else { i - 1 };
    let (sl, sr, nl, nr) = (p(before(s0)), p(s0 + 1), p(before(n0)), p(n0 + 1));
    [
        mix(mix(pair, sl), nl),
        mix(mix(pair, sr), nl),
        mix(mix(pair, sl), nr),
        mix(mix(pair, sr), nr),
    ]
}

/// Each distinct tag between s0 and n0, with theirs (McDonald et al.'s
/// in-between tags), given to `f`.
pub(crate) fn between_tags(s0: usize, n0: usize, p: impl Fn(usize) -> u64, mut f: impl FnMut(u64)) {
    let pair = mix(p(s0), p(n0));
    let mut seen = 0u128;
    for i in s0 + 1..n0 {
        let t = p(i);
        let bit = 1u128 << (t & 127);
        if seen & bit == 0 {
            seen |= bit;
            f(mix(pair, t));
        }
    }
}

pub(crate) fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=11 => 6,
        _ => 7,
    }
}

/// The features of a configuration. `w` and `t` are indexed like words
/// (`w[0]`, `t[0]` unused).
fn features(s: &State, w: &[WordInfo], t: &[u8], out: &mut Vec<u64>) {
    out.clear();
    let n = s.n;
    let s0 = s.s0();
    let s1 = if s.stack.len() >= 2 {
        s.stack[s.stack.len() - 2]
    } else {
        NONE
    };
    let at = |i: usize| if i <= n { i } else { NONE };
    let (n0, n1, n2) = (at(s.b), at(s.b + 1), at(s.b + 2));
    let hd = |i: usize| {
        if i == NONE || i == 0 || s.head[i] == NONE {
            NONE
        } else {
            s.head[i]
        }
    };
    let lab = |i: usize| {
        if i == NONE || i == 0 || s.head[i] == NONE {
            LABEL_NONE
        } else {
            u64::from(s.label[i])
        }
    };
    let lc = |i: usize, k: usize| if i == NONE { NONE } else { s.lc[i][k] };
    let rc = |i: usize, k: usize| if i == NONE { NONE } else { s.rc[i][k] };
    let s0h = hd(s0);
    let s0h2 = hd(s0h);
    let (s0l, s0l2, s0r, s0r2) = (lc(s0, 0), lc(s0, 1), rc(s0, 0), rc(s0, 1));
    let (n0l, n0l2) = (lc(n0, 0), lc(n0, 1));

    let (s0w, s0p) = (word(w, s0), tag(t, s0));
    let (n0w, n0p) = (word(w, n0), tag(t, n0));
    let (n1w, n1p) = (word(w, n1), tag(t, n1));
    let (n2w, n2p) = (word(w, n2), tag(t, n2));
    let (s1w, s1p) = (word(w, s1), tag(t, s1));
    let s0wp = mix(s0w, s0p);
    let n0wp = mix(n0w, n0p);
    let n1wp = mix(n1w, n1p);
    let n2wp = mix(n2w, n2p);

    let mut id = 0u64;
    let mut f = |v: u64| {
        id += 1;
        out.push(key(id, v));
    };
    // Single words.
    f(s0wp);
    f(s0w);
    f(s0p);
    f(n0wp);
    f(n0w);
    f(n0p);
    f(n1wp);
    f(n1w);
    f(n1p);
    f(n2wp);
    f(n2w);
    f(n2p);
    // Pairs.
    f(mix(s0wp, n0wp));
    f(mix(s0wp, n0w));
    f(mix(s0w, n0wp));
    f(mix(s0wp, n0p));
    f(mix(s0p, n0wp));
    f(mix(s0w, n0w));
    f(mix(s0p, n0p));
    f(mix(n0p, n1p));
    // Three words.
    f(mix(mix(n0p, n1p), n2p));
    f(mix(mix(s0p, n0p), n1p));
    let s0hp = tag(t, s0h);
    let s0lp = tag(t, s0l);
    let s0rp = tag(t, s0r);
    let n0lp = tag(t, n0l);
    f(mix(mix(s0hp, s0p), n0p));
    f(mix(mix(s0p, s0lp), n0p));
    f(mix(mix(s0p, s0rp), n0p));
    f(mix(mix(s0p, n0p), n0lp));
    // Distance.
    let d = if s0 != NONE && n0 != NONE {
        dist_bucket(n0 - s0)
    } else {
        0
    };
    f(mix(s0w, d));
    f(mix(s0p, d));
    f(mix(n0w, d));
    f(mix(n0p, d));
    f(mix(mix(s0w, n0w), d));
    f(mix(mix(s0p, n0p), d));
    // Valency.
    let (vr, vl) = (u64::from(s.nr[s0]), u64::from(s.nl[s0]));
    let n0vl = if n0 == NONE { 0 } else { u64::from(s.nl[n0]) };
    f(mix(s0w, vr));
    f(mix(s0p, vr));
    f(mix(s0w, vl));
    f(mix(s0p, vl));
    f(mix(n0w, n0vl));
    f(mix(n0p, n0vl));
    // Second order: heads and children.
    f(word(w, s0h));
    f(s0hp);
    f(lab(s0));
    f(word(w, s0l));
    f(s0lp);
    f(lab(s0l));
    f(word(w, s0r));
    f(s0rp);
    f(lab(s0r));
    f(word(w, n0l));
    f(n0lp);
    f(lab(n0l));
    // Third order.
    f(word(w, s0h2));
    f(tag(t, s0h2));
    f(lab(s0h));
    f(word(w, s0l2));
    f(tag(t, s0l2));
    f(lab(s0l2));
    f(word(w, s0r2));
    f(tag(t, s0r2));
    f(lab(s0r2));
    f(word(w, n0l2));
    f(tag(t, n0l2));
    f(lab(n0l2));
    f(mix(mix(s0p, s0lp), tag(t, s0l2)));
    f(mix(mix(s0p, s0rp), tag(t, s0r2)));
    f(mix(mix(s0p, s0hp), tag(t, s0h2)));
    f(mix(mix(n0p, n0lp), tag(t, n0l2)));
    // Label sets.
    let (sr, sl) = (s.rset[s0], s.lset[s0]);
    let n0sl = if n0 == NONE { 0 } else { s.lset[n0] };
    f(mix(s0w, sr));
    f(mix(s0p, sr));
    f(mix(s0w, sl));
    f(mix(s0p, sl));
    f(mix(n0w, n0sl));
    f(mix(n0p, n0sl));
    // The second stack word.
    f(mix(s1w, s1p));
    f(s1p);
    f(mix(mix(s1p, s0p), n0p));
    f(mix(s1w, n0w));
    // Whether s0 has a head (reduce or left-arc).
    let has_head = u64::from(s0 != 0 && s.head[s0] != NONE);
    f(mix(has_head, mix(s0p, n0p)));
    f(mix(has_head, s0wp));
    // Between and around s0 and n0 (ids 79 on; `decode` names each).
    if n0 != NONE {
        f(mix(mix(s0p, n0p), between(s0, n0, |i| w[i].norm)));
        for v in surrounding(s0, n0, |i| if i > n { TAG_NONE } else { tag(t, i) }) {
            f(v);
        }
        // Word shapes and suffixes, for words the tagger got wrong.
        let (s0s, s0h, s0a) = view(w, s0);
        let (n0s, n0h, n0a) = view(w, n0);
        f(mix(s0s, s0p));
        f(mix(s0h, s0p));
        f(mix(n0s, n0p));
        f(mix(n0h, n0p));
        let n3 = at(s.b + 3);
        f(mix(mix(n1p, n2p), tag(t, n3)));
        // The tags the tagger could have given.
        f(mix(s0a, s0p));
        f(mix(n0a, n0p));
        f(mix(mix(s0a, n0a), mix(s0p, n0p)));
        between_tags(s0, n0, |i| tag(t, i), |v| out.push(key(92, v)));
    }
}

pub struct Parser {
    weights: Frozen,
    /// The label features' rows (`decode::label_rows`), made on reading.
    labels: Vec<Row>,
    /// Beam width the model was trained for (1: greedy).
    pub beam: usize,
    /// Reads the sentence from its last word to its first: its mistakes
    /// differ from a left-to-right parser's, which is what an ensemble
    /// needs.
    pub reverse: bool,
}

/// The parser's view of a sentence: `[0]` the root, then its `n` words in
/// reading order, or last to first when `reverse`; `padded` are the
/// tagger's word infos (two boundary words on each side), `tags` one class
/// per word.
fn oriented(
    padded: &[WordInfo],
    tags: &[u8],
    reverse: bool,
    words: &mut Vec<WordInfo>,
    t: &mut Vec<u8>,
) {
    let n = tags.len();
    words.clear();
    t.clear();
    words.push(padded[1]);
    t.push(0);
    if reverse {
        words.extend(padded[2..n + 2].iter().rev());
        t.extend(tags.iter().rev());
    } else {
        words.extend_from_slice(&padded[2..n + 2]);
        t.extend_from_slice(tags);
    }
}

/// The finished tree of `s`, heads and labels in reading order (`s` read
/// the sentence reversed if `reverse`).
fn tree(s: &mut State, reverse: bool) -> (Vec<usize>, Vec<Deprel>) {
    s.finish();
    let n = s.n;
    let at = |i: usize| if reverse { flip(i, n) } else { i };
    (
        (1..=n).map(|i| at(s.head[at(i)])).collect(),
        (1..=n)
            .map(|i| Deprel::from_index(s.label[at(i)] as usize))
            .collect(),
    )
}

/// Word `i` (1-based; 0 the root) of a sentence of `n` words in the other
/// reading order.
fn flip(i: usize, n: usize) -> usize {
    if i == 0 || i == NONE {
        i
    } else {
        n + 1 - i
    }
}

/// Per-thread scratch for parsing.
pub struct Scratch {
    state: State,
    tags: Vec<u8>,
    words: Vec<WordInfo>,
    decoder: Decoder,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            state: State::new(),
            tags: vec![],
            words: vec![],
            decoder: Decoder::default(),
        }
    }
}

/// One hypothesis of the training beam.
#[derive(Clone)]
struct BeamItem {
    state: State,
    score: i64,
    /// The moves that led here.
    actions: Vec<u8>,
    /// Whether `actions` is the gold prefix.
    gold: bool,
}

/// The `k` best candidates (score, item, move; `NONE` keeps a finished
/// item), ties broken by item and move so the result is deterministic.
fn next_beam(
    items: &[BeamItem],
    cands: &mut [(i64, usize, usize)],
    k: usize,
    keep_actions: bool,
) -> Vec<BeamItem> {
    let key = |c: &(i64, usize, usize)| (std::cmp::Reverse(c.0), c.1, c.2);
    if cands.len() > k {
        cands.select_nth_unstable_by_key(k - 1, key);
    }
    let m = k.min(cands.len());
    let top = &mut cands[..m];
    top.sort_unstable_by_key(key);
    top.iter()
        .map(|&(score, i, a)| {
            let mut it = items[i].clone();
            it.score = score;
            if a != NONE {
                it.state.apply(a);
                if keep_actions {
                    it.actions.push(a as u8);
                }
            }
            it
        })
        .collect()
}

/// The best valid action by `scores`.
fn best_valid<S: PartialOrd + Copy>(s: &State, scores: &[S]) -> usize {
    let mut best = NONE;
    for a in 0..NA {
        if s.valid(a) && (best == NONE || scores[a] > scores[best]) {
            best = a;
        }
    }
    best
}

impl Parser {
    pub fn new(weights: Frozen, beam: usize, reverse: bool) -> Parser {
        Parser {
            labels: decode::label_rows(&weights),
            weights,
            beam,
            reverse,
        }
    }

    /// Parse a sentence: `padded` are the tagger's word infos (two boundary
    /// words on each side), `tags` the predicted tagger classes. Gives
    /// heads (0 is the root) and labels.
    pub fn parse(
        &self,
        padded: &[WordInfo],
        tags: &[u8],
        beam: usize,
        sc: &mut Scratch,
    ) -> (Vec<usize>, Vec<Deprel>) {
        let n = tags.len();
        oriented(padded, tags, self.reverse, &mut sc.words, &mut sc.tags);
        sc.state.reset(n);
        // Greedy decoding is the beam of one: the best move, ties to the
        // first, as `best_valid` chooses.
        sc.decoder.parse(
            &self.weights,
            &self.labels,
            &sc.words,
            &sc.tags,
            beam.max(1),
            &mut sc.state,
        );
        tree(&mut sc.state, self.reverse)
    }

    /// [`Parser::parse`] by the plain decoder: every feature of every
    /// beam item looked up in the weight table, states copied whole. The
    /// fast decoder must give exactly what this gives.
    pub fn parse_reference(
        &self,
        padded: &[WordInfo],
        tags: &[u8],
        beam: usize,
    ) -> (Vec<usize>, Vec<Deprel>) {
        let n = tags.len();
        let (mut words, mut t) = (vec![], vec![]);
        oriented(padded, tags, self.reverse, &mut words, &mut t);
        let words = &words[..];
        let mut start = State::new();
        start.reset(n);
        let mut items = vec![start];
        let mut scores_of = vec![0i64];
        let mut feats = vec![];
        let mut cands = vec![];
        while !items.iter().all(State::terminal) {
            cands.clear();
            for (i, st) in items.iter().enumerate() {
                if st.terminal() {
                    cands.push((scores_of[i], i, NONE));
                    continue;
                }
                features(st, words, &t, &mut feats);
                let mut scores = [0i32; NA];
                self.weights.score(&feats, &mut scores);
                for (a, &v) in scores.iter().enumerate() {
                    if st.valid(a) {
                        cands.push((scores_of[i] + i64::from(v), i, a));
                    }
                }
            }
            let key = |c: &(i64, usize, usize)| (std::cmp::Reverse(c.0), c.1, c.2);
            cands.sort_unstable_by_key(key);
            cands.truncate(beam.max(1));
            items = cands
                .iter()
                .map(|&(_, i, a)| {
                    let mut s = items[i].clone();
                    if a != NONE {
                        s.apply(a);
                    }
                    s
                })
                .collect();
            scores_of = cands.iter().map(|c| c.0).collect();
        }
        tree(&mut items[0], self.reverse)
    }

    /// The beam and the direction (the model file writes the weights of
    /// all parsers after all of these).
    pub fn write_head(&self, out: &mut Vec<u8>) {
        out.push(self.beam as u8);
        out.push(u8::from(self.reverse));
    }

    /// What `write_head` wrote: beam and direction.
    pub fn read_head(r: &mut crate::model::Reader) -> Result<(usize, bool), String> {
        let beam = r.u8()? as usize;
        if beam == 0 {
            return Err("beam width 0 in the syntax model".into());
        }
        Ok((beam, r.direction("parser")?))
    }

    pub fn weights(&self) -> &Frozen {
        &self.weights
    }

    pub fn pruned(&self, min_abs: i16) -> Parser {
        Parser::new(self.weights.pruned(min_abs), self.beam, self.reverse)
    }

    pub fn size(&self) -> (usize, usize) {
        (self.weights.features(), self.weights.weights())
    }
}

/// A training sentence: word infos indexed like words (`[0]` the root),
/// predicted tags, gold heads and labels.
pub struct Example {
    pub words: Vec<WordInfo>,
    pub tags: Vec<u8>,
    pub head: Vec<usize>,
    pub label: Vec<u8>,
}

/// How the parser is trained.
pub struct TrainOptions {
    pub seed: u64,
    /// Beam width (1: greedy, trained with the dynamic oracle).
    pub beam: usize,
    /// Beam training: update at the step of largest violation (Huang et
    /// al. 2012) rather than where the gold falls out (early update).
    pub max_violation: bool,
    /// From this epoch on (0-based), follow the model's own move…
    pub explore_from: usize,
    /// …with this probability (in 1/1000).
    pub explore_permille: u64,
    /// Train a right-to-left parser (the examples must be made with
    /// `reverse` too).
    pub reverse: bool,
}

/// The trainer: one epoch at a time, so the caller can average and score
/// on dev after each.
pub struct Trainer {
    t: Training,
    rng: SplitMix,
    opts: TrainOptions,
    epoch: usize,
}

impl Trainer {
    pub fn new(opts: TrainOptions) -> Trainer {
        Trainer {
            t: Training::new(),
            rng: SplitMix::new(opts.seed),
            opts,
            epoch: 0,
        }
    }

    /// One pass over `data` in a fresh random order; returns the share of
    /// decisions that were wrong (cost above the best).
    pub fn epoch(&mut self, data: &[Example]) -> f64 {
        let mut order: Vec<usize> = (0..data.len()).collect();
        self.rng.shuffle(&mut order);
        let mut s = State::new();
        let mut feats = Vec::new();
        let (mut wrong, mut total) = (0u64, 0u64);
        for &i in &order {
            let ex = &data[i];
            let n = ex.tags.len() - 1;
            s.reset(n);
            while !s.terminal() {
                features(&s, &ex.words, &ex.tags, &mut feats);
                let mut scores = [0i64; NA];
                self.t.score(&feats, &mut scores);
                let unl = s.costs(&ex.head);
                let cost = |a: usize| -> u32 {
                    match a {
                        SH => unl[0],
                        RE => unl[1],
                        _ if a < 2 + NL => {
                            let s0 = s.s0();
                            unl[2] + u32::from(ex.head[s0] == s.b && ex.label[s0] as usize != a - 2)
                        }
                        _ => {
                            let s0 = s.s0();
                            unl[3]
                                + u32::from(
                                    ex.head[s.b] == s0 && ex.label[s.b] as usize != a - 2 - NL,
                                )
                        }
                    }
                };
                let mut costs = [u32::MAX; NA];
                let mut min = u32::MAX;
                for (a, c) in costs.iter_mut().enumerate() {
                    if s.valid(a) {
                        *c = cost(a);
                        min = min.min(*c);
                    }
                }
                let pred = best_valid(&s, &scores);
                let mut gold = NONE;
                for a in 0..NA {
                    if costs[a] == min && (gold == NONE || scores[a] > scores[gold]) {
                        gold = a;
                    }
                }
                total += 1;
                if costs[pred] > min {
                    wrong += 1;
                    self.t.update(&feats, gold, pred);
                }
                self.t.clock += 1;
                let follow_pred = self.epoch >= self.opts.explore_from
                    && self.rng.below(1000) < self.opts.explore_permille as usize;
                s.apply(if follow_pred { pred } else { gold });
            }
        }
        self.epoch += 1;
        wrong as f64 / total.max(1) as f64
    }

    /// The averaged weights so far.
    pub fn parser(&self, min_abs: i16) -> Parser {
        Parser::new(
            self.t.averaged(min_abs, NA),
            self.opts.beam.max(1),
            self.opts.reverse,
        )
    }

    /// The costs of every move (`u32::MAX` if invalid) and the least.
    fn all_costs(s: &State, ex: &Example) -> ([u32; NA], u32) {
        let unl = s.costs(&ex.head);
        let mut costs = [u32::MAX; NA];
        let mut min = u32::MAX;
        for (a, c) in costs.iter_mut().enumerate() {
            if !s.valid(a) {
                continue;
            }
            *c = match a {
                SH => unl[0],
                RE => unl[1],
                _ if a < 2 + NL => {
                    let s0 = s.s0();
                    unl[2] + u32::from(ex.head[s0] == s.b && ex.label[s0] as usize != a - 2)
                }
                _ => {
                    let s0 = s.s0();
                    unl[3] + u32::from(ex.head[s.b] == s0 && ex.label[s.b] as usize != a - 2 - NL)
                }
            };
            min = min.min(*c);
        }
        (costs, min)
    }

    /// Replay `actions` from the start, adding `d` to each move's weights
    /// from step `from` on.
    fn replay_update(&mut self, ex: &Example, actions: &[u8], from: usize, d: i32) {
        let mut s = State::new();
        s.reset(ex.tags.len() - 1);
        let mut feats = Vec::new();
        for (step, &a) in actions.iter().enumerate() {
            if step >= from {
                features(&s, &ex.words, &ex.tags, &mut feats);
                self.t.bump(&feats, a as usize, d);
            }
            s.apply(a as usize);
        }
    }

    /// One pass of beam training (early update): the gold sequence follows
    /// the best-scoring zero-cost move of the dynamic oracle; when it falls
    /// out of the beam, or the beam's best finished parse is not it, the
    /// perceptron moves toward the gold prefix and away from the beam's
    /// best. Returns the share of sentences updated.
    pub fn beam_epoch(&mut self, data: &[Example]) -> f64 {
        let k = self.opts.beam;
        let mut order: Vec<usize> = (0..data.len()).collect();
        self.rng.shuffle(&mut order);
        let mut feats = Vec::new();
        let mut updated = 0u64;
        let mut cands = Vec::new();
        for &i in &order {
            let ex = &data[i];
            let n = ex.tags.len() - 1;
            let mut start = State::new();
            start.reset(n);
            let mut gold_state = start.clone();
            let mut gold_actions: Vec<u8> = vec![];
            let mut items = vec![BeamItem {
                state: start,
                score: 0,
                actions: vec![],
                gold: true,
            }];
            let mut update: Option<Vec<u8>> = None;
            // Max-violation: the gold prefix's score, and the step where the
            // beam's best beats it by most (violation, step, best's moves).
            let mut gold_score = 0i64;
            let mut worst: Option<(i64, usize, Vec<u8>)> = None;
            loop {
                let all_done = items.iter().all(|it| it.state.terminal());
                if all_done && gold_state.terminal() {
                    if self.opts.max_violation {
                        if let Some((_, g, a)) = worst.take() {
                            gold_actions.truncate(g);
                            update = Some(a);
                        }
                    } else if !items[0].gold {
                        update = Some(items[0].actions.clone());
                    }
                    break;
                }
                cands.clear();
                for (j, it) in items.iter().enumerate() {
                    if it.state.terminal() {
                        cands.push((it.score, j, NONE));
                        continue;
                    }
                    features(&it.state, &ex.words, &ex.tags, &mut feats);
                    let mut scores = [0i64; NA];
                    self.t.score(&feats, &mut scores);
                    for (a, &v) in scores.iter().enumerate() {
                        if it.state.valid(a) {
                            cands.push((it.score + v, j, a));
                        }
                    }
                }
                // The gold move: the best-scoring move of least cost.
                let ga = if gold_state.terminal() {
                    NONE
                } else {
                    features(&gold_state, &ex.words, &ex.tags, &mut feats);
                    let mut scores = [0i64; NA];
                    self.t.score(&feats, &mut scores);
                    let (costs, min) = Self::all_costs(&gold_state, ex);
                    let mut g = NONE;
                    for a in 0..NA {
                        if costs[a] == min && (g == NONE || scores[a] > scores[g]) {
                            g = a;
                        }
                    }
                    gold_score += scores[g];
                    g
                };
                let parent_gold = items.iter().position(|it| it.gold);
                let mut next = next_beam(&items, &mut cands, k, true);
                // Which new item continues the gold prefix.
                for it in next.iter_mut() {
                    it.gold = false;
                }
                if ga != NONE {
                    gold_state.apply(ga);
                    gold_actions.push(ga as u8);
                }
                if parent_gold.is_some() {
                    for it in next.iter_mut() {
                        it.gold = it.actions == gold_actions;
                    }
                }
                items = next;
                if self.opts.max_violation {
                    let v = items[0].score - gold_score;
                    if !items[0].gold && v >= worst.as_ref().map_or(0, |w| w.0) {
                        worst = Some((v, gold_actions.len(), items[0].actions.clone()));
                    }
                    continue;
                }
                if !items.iter().any(|it| it.gold) {
                    update = Some(items[0].actions.clone());
                    break;
                }
            }
            if let Some(pred) = update {
                updated += 1;
                let common = pred
                    .iter()
                    .zip(&gold_actions)
                    .take_while(|(a, b)| a == b)
                    .count();
                self.replay_update(ex, &gold_actions, common, 1);
                self.replay_update(ex, &pred, common, -1);
            }
            self.t.clock += 1;
        }
        self.epoch += 1;
        updated as f64 / data.len().max(1) as f64
    }

    pub fn features(&self) -> usize {
        self.t.features()
    }
}

/// A training example from a sentence's words, predicted tagger classes
/// and gold tree, in the reading order of a parser of direction `reverse`.
pub fn example(
    padded: &[WordInfo],
    tags: &[u8],
    head: &[usize],
    label: &[Deprel],
    reverse: bool,
) -> Example {
    let n = tags.len();
    let (mut words, mut t) = (vec![], vec![]);
    oriented(padded, tags, reverse, &mut words, &mut t);
    let at = |i: usize| if reverse { flip(i, n) } else { i };
    let mut h = vec![NONE];
    h.extend((1..=n).map(|i| at(head[at(i) - 1])));
    let mut l = vec![0u8];
    l.extend((1..=n).map(|i| label[at(i) - 1] as u8));
    Example {
        words,
        tags: t,
        head: h,
        label: l,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A right-to-left example, parsed by the oracle's zero-cost moves,
    /// gives back the sentence's tree in reading order.
    #[test]
    fn a_reversed_example_gives_the_tree_in_reading_order() {
        // Ola opened the bridge yesterday .
        let words = ["Ola", "opened", "the", "bridge", "yesterday", "."];
        let head = [2, 0, 4, 2, 2, 2];
        use Deprel::*;
        let label = [Nsubj, Root, Det, Obj, Obl, Punct];
        let padded = crate::tagger::padded(&words);
        let tags = [1, 2, 3, 4, 5, 6];
        for reverse in [false, true] {
            let ex = example(&padded, &tags, &head, &label, reverse);
            // The reversed example reads "." first and "Ola" last.
            let first = if reverse { 5 } else { 0 };
            assert_eq!(ex.words[1].norm, WordInfo::new(words[first]).norm);
            assert_eq!(ex.tags[1], tags[first]);
            let mut s = State::new();
            s.reset(words.len());
            while !s.terminal() {
                let (costs, min) = Trainer::all_costs(&s, &ex);
                assert_eq!(min, 0, "a projective tree has a zero-cost path");
                s.apply(costs.iter().position(|&c| c == 0).unwrap());
            }
            assert_eq!(tree(&mut s, reverse), (head.to_vec(), label.to_vec()));
        }
    }

    /// The features between and around s0 and n0 read the right words.
    #[test]
    fn between_and_around() {
        // root Ola , the mayor ( of Kest ) opened
        let words = ["Ola", ",", "the", "mayor", "(", "of", "Kest", ")", "opened"];
        let norm = |i: usize| hash_str(&words[i - 1].to_lowercase());
        assert_eq!(between(1, 9, norm), 1 << 2 | 2);
        assert_eq!(between(2, 4, norm), 0);
        assert_eq!(between(0, 9, norm), between(1, 9, norm));
        let tag = |i: usize| if i == NONE || i > 9 { 99 } else { i as u64 };
        let mut seen = vec![];
        between_tags(3, 7, tag, |v| seen.push(v));
        let pair = mix(3, 7);
        assert_eq!(seen, [mix(pair, 4), mix(pair, 5), mix(pair, 6)]);
        // Distinct tags only.
        let mut seen = vec![];
        between_tags(0, 9, |i| u64::from(i == 4), |v| seen.push(v));
        assert_eq!(seen.len(), 2);
        // The root has nothing before it; the last word nothing after.
        let s = surrounding(0, 9, tag);
        let pair = mix(0, 9);
        assert_eq!(s[0], mix(mix(pair, 99), 8));
        assert_eq!(s[3], mix(mix(pair, 1), 99));
    }

    /// Following zero-cost moves from the start rebuilds a projective gold
    /// tree exactly.
    #[test]
    fn the_oracle_rebuilds_a_projective_tree() {
        // "Ola opened the bridge ." : opened is the root.
        let head = [NONE, 2, 0, 4, 2, 2];
        let label = [
            0,
            Deprel::Nsubj as usize,
            ROOT_LABEL,
            Deprel::Det as usize,
            Deprel::Obj as usize,
            Deprel::Punct as usize,
        ];
        let mut s = State::new();
        s.reset(5);
        while !s.terminal() {
            let c = s.costs(&head);
            let mut chosen = NONE;
            for a in 0..NA {
                if !s.valid(a) {
                    continue;
                }
                let cost = match a {
                    SH => c[0],
                    RE => c[1],
                    _ if a < 2 + NL => {
                        c[2] + u32::from(head[s.s0()] == s.b && label[s.s0()] != a - 2)
                    }
                    _ => c[3] + u32::from(head[s.b] == s.s0() && label[s.b] != a - 2 - NL),
                };
                if cost == 0 {
                    chosen = a;
                    break;
                }
            }
            assert_ne!(chosen, NONE, "a zero-cost move always exists");
            s.apply(chosen);
        }
        s.finish();
        assert_eq!(&s.head[1..], &head[1..]);
        assert_eq!(
            s.label[1..].iter().map(|&l| l as usize).collect::<Vec<_>>(),
            &label[1..]
        );
    }
}
