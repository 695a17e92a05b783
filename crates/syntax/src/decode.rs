//! The fast beam decoder: the same moves, features and scores as
//! `parser::features` summed by `Frozen::score` (the plain decoder,
//! `Parser::parse_reference`), found with far fewer lookups in the (large,
//! cache-missing) weight table.
//!
//! The score of a move is a sum of integer weights, so it may be summed in
//! any grouping and stays exactly the same. The features are grouped by what
//! they read:
//! 1. one word in one role (s0, the buffer front with its two followers,
//!    s0's head, children and grandparent, n0's children, s1): a row of
//!    move scores per word and role, summed when first read in a sentence;
//! 2. one arc label in one role: rows summed once, when the model is read;
//! 3. the stack top's node (its word, head, children, valency, label sets,
//!    s1): a row per distinct node, shared by every beam item holding it;
//! 4. the buffer front with its left children: a row per distinct front;
//! 5. the pair (s0, n0) and whether s0 has a head: a row per pair;
//! 6. six features across s0, n0 and s1: with the rows of 3, 4 and 5, a
//!    whole row per distinct (node row, front row).
//!
//! A beam step plans every item's rows first (a row already made costs
//! nothing), queueing the lookups of the new ones; one prefetched pass runs
//! them all, so their cache misses overlap; then the new rows are finished.
//! Beam items hold no copies of the stack: nodes live in an arena, each
//! pointing at the one below, and moves in a parent-pointer history; the
//! best item's moves are replayed on a `State` at the end.

use crate::hash::{finalize, mix, HashedMap};
use crate::parser::{
    between, between_tags, dist_bucket, key, surrounding, word_view, State, LABEL_NONE, NA, NL,
    NONE_VIEW, RE, ROOT_LABEL, ROOT_VIEW, SH, TAG_NONE, TAG_ROOT,
};
use crate::perceptron::{Frozen, Row, STRIDE};
use crate::words::WordInfo;

/// No word (a missing child, head or stack word).
const NIL: u32 = u32::MAX;
/// Row index of "not summed yet".
const UNSET: u32 = u32::MAX;

/// The label templates, by feature id: lab(s0), lab(s0l), lab(s0r),
/// lab(n0l), lab(s0h), lab(s0l2), lab(s0r2), lab(n0l2).
const LABEL_IDS: [u64; 8] = [41, 44, 47, 50, 53, 56, 59, 62];
/// Label values: the relations, then "none".
const NLAB: usize = NL + 1;

/// The rows of every label template and value (group 2).
pub fn label_rows(w: &Frozen) -> Vec<Row> {
    let mut rows = vec![Row::ZERO; LABEL_IDS.len() * NLAB];
    for (t, &id) in LABEL_IDS.iter().enumerate() {
        for l in 0..NLAB {
            let v = if l == NL { LABEL_NONE } else { l as u64 };
            w.add(key(id, v), &mut rows[t * NLAB + l].0);
        }
    }
    rows
}

fn lab_row(rows: &[Row], template: usize, label: u8) -> &Row {
    &rows[template * NLAB + label as usize]
}

/// Word roles (group 1).
const S0_HH0: usize = 0;
const S0_HH1: usize = 1;
const N0: usize = 2;
const S0H: usize = 3;
const S0L: usize = 4;
const S0R: usize = 5;
const N0L: usize = 6;
const S0H2: usize = 7;
const S0L2: usize = 8;
const S0R2: usize = 9;
const N0L2: usize = 10;
const S1: usize = 11;
const ROLES: usize = 12;

/// A stack element. Its fields are fixed once made: only the top gets
/// children or a head, and a move that changes the top makes a new node.
#[derive(Clone, Copy)]
struct Node {
    tok: u32,
    /// Its head and relation (`NIL`, `NL` when it has none).
    head: u32,
    label: u8,
    /// Its head's head and relation, as `parser::features` reads them.
    head2: u32,
    head_label: u8,
    lc: [u32; 2],
    lcl: [u8; 2],
    rc: [u32; 2],
    rcl: [u8; 2],
    nl: u8,
    nr: u8,
    lset: u64,
    rset: u64,
    /// The node below (`NIL` under the root).
    below: u32,
    /// The word below (s1 when this node is on top).
    s1: u32,
    row: u32,
}

/// The buffer front's left children.
#[derive(Clone, Copy)]
struct Front {
    lc: [u32; 2],
    lcl: [u8; 2],
    nl: u8,
    lset: u64,
}

const EMPTY_FRONT: Front = Front {
    lc: [NIL; 2],
    lcl: [NL as u8; 2],
    nl: 0,
    lset: 0,
};

#[derive(Clone, Copy)]
struct Item {
    top: u32,
    b: u32,
    front: Front,
    score: i64,
    /// Index in the history (`NIL`: no move yet).
    hist: u32,
}

/// Per-thread scratch, reused from sentence to sentence.
#[derive(Default)]
pub struct Decoder {
    n: usize,
    /// `roles[r * (n + 2) + t]`, `t = n + 1` for no word.
    roles: Vec<Row>,
    rows: Vec<Row>,
    nodes: Vec<Node>,
    node_memo: HashedMap<u32>,
    front_memo: HashedMap<u32>,
    fresh_front: Vec<u32>,
    pair_memo: HashedMap<u32>,
    whole_memo: HashedMap<u32>,
    hist: Vec<(u32, u8)>,
    items: Vec<Item>,
    next: Vec<Item>,
    best: Vec<(i64, u32, u32)>,
    words: Vec<u64>,
    /// Suffixes, shapes and ambiguity classes, indexed like `words`.
    views: Vec<(u64, u64, u64)>,
    tags: Vec<u64>,
    /// Queued lookups: (row, key) into `roles`, and into `rows`.
    role_jobs: Vec<(u32, u64)>,
    jobs: Vec<(u32, u64)>,
    pending: Vec<Pending>,
    have: Vec<bool>,
    /// The score row of each item of the beam step.
    item_rows: Vec<u32>,
}

/// A row made this beam step whose sum `Decoder::finish` completes.
enum Pending {
    /// A node row (its lookups done) and the node.
    Node(u32, u32),
    /// A front row, the front word and its children.
    Front(u32, u32, Front),
    /// A whole row (its cross lookups done) and its node, front and pair
    /// rows.
    Whole(u32, [u32; 3]),
}

/// The word roles of a node's row besides its own word.
fn node_roles(nd: &Node) -> [(usize, u32); 7] {
    [
        (S0H, nd.head),
        (S0L, nd.lc[0]),
        (S0R, nd.rc[0]),
        (S0H2, nd.head2),
        (S0L2, nd.lc[1]),
        (S0R2, nd.rc[1]),
        (S1, nd.s1),
    ]
}

impl Decoder {
    #[inline]
    fn w(&self, t: u32) -> u64 {
        self.words[self.ti(t)]
    }
    #[inline]
    fn p(&self, t: u32) -> u64 {
        self.tags[self.ti(t)]
    }
    /// Table index of a word (`NIL` → `n + 1`).
    #[inline]
    fn ti(&self, t: u32) -> usize {
        if t == NIL {
            self.n + 1
        } else {
            t as usize
        }
    }
    #[inline]
    fn role(&self, r: usize, t: u32) -> &Row {
        &self.roles[r * (self.n + 2) + self.ti(t)]
    }

    fn start(&mut self, words: &[WordInfo], tags: &[u8]) {
        let n = tags.len() - 1;
        self.n = n;
        // Words and tags as the features read them: 0 the root, n + 1 none.
        self.words.clear();
        self.words.push(0xB007);
        self.words.extend(words[1..=n].iter().map(|x| x.norm));
        self.words.push(0xDEAD);
        self.views.clear();
        self.views.push(ROOT_VIEW);
        self.views.extend(words[1..=n].iter().map(word_view));
        self.views.push(NONE_VIEW);
        self.tags.clear();
        self.tags.push(TAG_ROOT);
        self.tags.extend(tags[1..=n].iter().map(|&t| u64::from(t)));
        self.tags.push(TAG_NONE);
        let m = n + 2;
        // Role rows are summed when first read (many never are); the
        // flags say which hold this sentence's sums.
        if self.roles.len() < ROLES * m {
            self.roles.resize(ROLES * m, Row::ZERO);
        }
        self.have.clear();
        self.have.resize(ROLES * m, false);
        self.rows.clear();
        self.nodes.clear();
        self.node_memo.clear();
        self.front_memo.clear();
        self.pair_memo.clear();
        self.whole_memo.clear();
        self.fresh_front.clear();
        self.fresh_front.resize(n + 2, UNSET);
        self.hist.clear();
    }

    /// Queue the lookups of role `role` of word `t` (table index) unless
    /// summed already.
    fn need(&mut self, role: usize, t: u32) {
        let n = self.n;
        let m = n + 2;
        let t = self.ti(t);
        let r = role * m + t;
        if self.have[r] {
            return;
        }
        self.have[r] = true;
        self.roles[r] = Row::ZERO;
        let (w, p) = (self.words[t], self.tags[t]);
        let wp = mix(w, p);
        let r = r as u32;
        let jobs = &mut self.role_jobs;
        match role {
            S0_HH0 | S0_HH1 => {
                let hh = u64::from(role == S0_HH1);
                let (sf, sh, am) = self.views[t];
                for (id, v) in [
                    (1, wp),
                    (2, w),
                    (3, p),
                    (78, mix(hh, wp)),
                    (84, mix(sf, p)),
                    (85, mix(sh, p)),
                    (89, mix(am, p)),
                ] {
                    jobs.push((r, key(id, v)));
                }
            }
            N0 => {
                let at = |i: usize| if i <= n { i } else { n + 1 };
                let (t1, t2) = (at(t + 1), at(t + 2));
                let (w1, p1) = (self.words[t1], self.tags[t1]);
                let (w2, p2) = (self.words[t2], self.tags[t2]);
                let p3 = self.tags[at(t + 3)];
                let (sf, sh, am) = self.views[t];
                for (id, v) in [
                    (4, wp),
                    (5, w),
                    (6, p),
                    (7, mix(w1, p1)),
                    (8, w1),
                    (9, p1),
                    (10, mix(w2, p2)),
                    (11, w2),
                    (12, p2),
                    (20, mix(p, p1)),
                    (21, mix(mix(p, p1), p2)),
                    (86, mix(sf, p)),
                    (87, mix(sh, p)),
                    (88, mix(mix(p1, p2), p3)),
                    (90, mix(am, p)),
                ] {
                    jobs.push((r, key(id, v)));
                }
            }
            S1 => {
                jobs.push((r, key(73, wp)));
                jobs.push((r, key(74, p)));
            }
            _ => {
                // The word and tag templates of the other roles.
                const IDS: [(u64, u64); ROLES] = [
                    (0, 0),
                    (0, 0),
                    (0, 0),
                    (39, 40),
                    (42, 43),
                    (45, 46),
                    (48, 49),
                    (51, 52),
                    (54, 55),
                    (57, 58),
                    (60, 61),
                    (0, 0),
                ];
                let (iw, ip) = IDS[role];
                jobs.push((r, key(iw, w)));
                jobs.push((r, key(ip, p)));
            }
        }
    }

    /// A new row of zeros (to be summed into).
    fn new_row(&mut self) -> u32 {
        self.rows.push(Row::ZERO);
        (self.rows.len() - 1) as u32
    }

    /// Queue a lookup into row `r` of `rows`.
    fn job(&mut self, r: u32, id: u64, v: u64) {
        self.jobs.push((r, key(id, v)));
    }

    /// The row of the stack top's node (group 3): found, or made and
    /// queued (its lookups queued, its sum finished in `finish`).
    fn node_row(&mut self, i: u32) -> u32 {
        let nd = self.nodes[i as usize];
        if nd.row != UNSET {
            return nd.row;
        }
        let mut h = mix(u64::from(nd.tok), u64::from(nd.head));
        for v in [
            u64::from(nd.label),
            u64::from(nd.head2),
            u64::from(nd.head_label),
            u64::from(nd.lc[0]),
            u64::from(nd.lc[1]),
            u64::from(nd.lcl[0]) | u64::from(nd.lcl[1]) << 8 | u64::from(nd.rcl[0]) << 16,
            u64::from(nd.rcl[1]) | u64::from(nd.nl) << 8 | u64::from(nd.nr) << 16,
            u64::from(nd.rc[0]),
            u64::from(nd.rc[1]),
            nd.lset,
            nd.rset,
            u64::from(nd.s1),
        ] {
            h = mix(h, v);
        }
        if let Some(&r) = self.node_memo.get(&h) {
            self.nodes[i as usize].row = r;
            return r;
        }
        let hh = nd.tok != 0 && nd.head != NIL;
        self.need(if hh { S0_HH1 } else { S0_HH0 }, nd.tok);
        for (role, t) in node_roles(&nd) {
            self.need(role, t);
        }
        let r = self.new_row();
        let (s0w, s0p) = (self.w(nd.tok), self.p(nd.tok));
        let (vr, vl) = (u64::from(nd.nr), u64::from(nd.nl));
        let (lp, rp, hp) = (self.p(nd.lc[0]), self.p(nd.rc[0]), self.p(nd.head));
        for (id, v) in [
            (33, mix(s0w, vr)),
            (34, mix(s0p, vr)),
            (35, mix(s0w, vl)),
            (36, mix(s0p, vl)),
            (63, mix(mix(s0p, lp), self.p(nd.lc[1]))),
            (64, mix(mix(s0p, rp), self.p(nd.rc[1]))),
            (65, mix(mix(s0p, hp), self.p(nd.head2))),
            (67, mix(s0w, nd.rset)),
            (68, mix(s0p, nd.rset)),
            (69, mix(s0w, nd.lset)),
            (70, mix(s0p, nd.lset)),
        ] {
            self.job(r, id, v);
        }
        self.pending.push(Pending::Node(r, i));
        self.node_memo.insert(h, r);
        self.nodes[i as usize].row = r;
        r
    }

    /// The row of the buffer front `b` with its left children (group 4),
    /// found or made and queued.
    fn front_row(&mut self, b: u32, f: &Front) -> u32 {
        let fresh = f.nl == 0;
        if fresh && self.fresh_front[b as usize] != UNSET {
            return self.fresh_front[b as usize];
        }
        let mut h = 0;
        if !fresh {
            h = mix(u64::from(b), u64::from(f.lc[0]));
            for v in [
                u64::from(f.lc[1]),
                u64::from(f.lcl[0]) | u64::from(f.lcl[1]) << 8 | u64::from(f.nl) << 16,
                f.lset,
            ] {
                h = mix(h, v);
            }
            if let Some(&r) = self.front_memo.get(&h) {
                return r;
            }
        }
        self.need(N0, b);
        self.need(N0L, f.lc[0]);
        self.need(N0L2, f.lc[1]);
        let r = self.new_row();
        let (n0w, n0p) = (self.w(b), self.p(b));
        let vl = u64::from(f.nl);
        for (id, v) in [
            (37, mix(n0w, vl)),
            (38, mix(n0p, vl)),
            (66, mix(mix(n0p, self.p(f.lc[0])), self.p(f.lc[1]))),
            (71, mix(n0w, f.lset)),
            (72, mix(n0p, f.lset)),
        ] {
            self.job(r, id, v);
        }
        self.pending.push(Pending::Front(r, b, *f));
        if fresh {
            self.fresh_front[b as usize] = r;
        } else {
            self.front_memo.insert(h, r);
        }
        r
    }

    /// The row of the pair (s0, n0) and whether s0 has a head (group 5),
    /// found or made and queued.
    fn pair_row(&mut self, s0: u32, n0: u32, hh: bool) -> u32 {
        // Exact (injective) key, spread by the finalizer's bijection.
        let h = finalize(u64::from(s0) << 33 | u64::from(hh) << 32 | u64::from(n0));
        if let Some(&r) = self.pair_memo.get(&h) {
            return r;
        }
        let (s0w, s0p) = (self.w(s0), self.p(s0));
        let (n0w, n0p) = (self.w(n0), self.p(n0));
        let n1 = if (n0 as usize) < self.n { n0 + 1 } else { NIL };
        let n1p = self.p(n1);
        let (s0wp, n0wp) = (mix(s0w, s0p), mix(n0w, n0p));
        let d = dist_bucket((n0 - s0) as usize);
        let r = self.new_row();
        for (id, v) in [
            (13, mix(s0wp, n0wp)),
            (14, mix(s0wp, n0w)),
            (15, mix(s0w, n0wp)),
            (16, mix(s0wp, n0p)),
            (17, mix(s0p, n0wp)),
            (18, mix(s0w, n0w)),
            (19, mix(s0p, n0p)),
            (22, mix(mix(s0p, n0p), n1p)),
            (27, mix(s0w, d)),
            (28, mix(s0p, d)),
            (29, mix(n0w, d)),
            (30, mix(n0p, d)),
            (31, mix(mix(s0w, n0w), d)),
            (32, mix(mix(s0p, n0p), d)),
            (77, mix(u64::from(hh), mix(s0p, n0p))),
        ] {
            self.job(r, id, v);
        }
        let (s0i, n0i) = (s0 as usize, n0 as usize);
        let btw = between(s0i, n0i, |i| self.words[i]);
        self.job(r, 79, mix(mix(s0p, n0p), btw));
        let n = self.n;
        let around = surrounding(s0i, n0i, |i| {
            if i == usize::MAX || i > n {
                TAG_NONE
            } else {
                self.tags[i]
            }
        });
        for (k, v) in around.into_iter().enumerate() {
            self.job(r, 80 + k as u64, v);
        }
        let (a0, a1) = (self.views[s0i].2, self.views[n0i].2);
        self.job(r, 91, mix(mix(a0, a1), mix(s0p, n0p)));
        let (tags, jobs) = (&self.tags, &mut self.jobs);
        between_tags(s0i, n0i, |i| tags[i], |v| jobs.push((r, key(92, v))));
        self.pair_memo.insert(h, r);
        r
    }

    /// The row of every move's score of `it` (not yet masked by
    /// validity): found, or made with its lookups queued; rows are only
    /// read after `finish`.
    fn plan(&mut self, it: &Item) -> u32 {
        let nr = self.node_row(it.top);
        let fr = self.front_row(it.b, &it.front);
        // The node's row stands for everything on the stack the features
        // read, the front's for everything in the buffer: items that share
        // both share every score.
        let whole = finalize(u64::from(nr) << 32 | u64::from(fr));
        if let Some(&r) = self.whole_memo.get(&whole) {
            return r;
        }
        let nd = self.nodes[it.top as usize];
        let hh = nd.tok != 0 && nd.head != NIL;
        let pr = self.pair_row(nd.tok, it.b, hh);
        let r = self.new_row();
        let (s0p, n0p, s1p) = (self.p(nd.tok), self.p(it.b), self.p(nd.s1));
        let (s0hp, s0lp, s0rp) = (self.p(nd.head), self.p(nd.lc[0]), self.p(nd.rc[0]));
        let n0lp = self.p(it.front.lc[0]);
        for (id, v) in [
            (23, mix(mix(s0hp, s0p), n0p)),
            (24, mix(mix(s0p, s0lp), n0p)),
            (25, mix(mix(s0p, s0rp), n0p)),
            (26, mix(mix(s0p, n0p), n0lp)),
            (75, mix(mix(s1p, s0p), n0p)),
            (76, mix(self.w(nd.s1), self.w(it.b))),
        ] {
            self.job(r, id, v);
        }
        self.pending.push(Pending::Whole(r, [nr, fr, pr]));
        self.whole_memo.insert(whole, r);
        r
    }

    /// Run the queued lookups (one prefetched pass for the whole beam step,
    /// so their cache misses overlap), then finish the new rows: role rows
    /// into node and front rows, those into whole rows, in the order made.
    fn finish(&mut self, wt: &Frozen, labels: &[Row]) {
        wt.add_jobs(&self.role_jobs, &mut self.roles);
        wt.add_jobs(&self.jobs, &mut self.rows);
        self.role_jobs.clear();
        self.jobs.clear();
        let pending = std::mem::take(&mut self.pending);
        for p in &pending {
            match *p {
                Pending::Node(r, i) => {
                    let nd = self.nodes[i as usize];
                    let hh = nd.tok != 0 && nd.head != NIL;
                    let mut row = *self.role(if hh { S0_HH1 } else { S0_HH0 }, nd.tok);
                    for (role, t) in node_roles(&nd) {
                        row.add(self.role(role, t));
                    }
                    let own = if hh { nd.label } else { NL as u8 };
                    for (tpl, l) in [
                        (0, own),
                        (1, nd.lcl[0]),
                        (2, nd.rcl[0]),
                        (4, nd.head_label),
                        (5, nd.lcl[1]),
                        (6, nd.rcl[1]),
                    ] {
                        row.add(lab_row(labels, tpl, l));
                    }
                    self.rows[r as usize].add(&row);
                }
                Pending::Front(r, b, f) => {
                    let mut row = *self.role(N0, b);
                    row.add(self.role(N0L, f.lc[0]));
                    row.add(self.role(N0L2, f.lc[1]));
                    row.add(lab_row(labels, 3, f.lcl[0]));
                    row.add(lab_row(labels, 7, f.lcl[1]));
                    self.rows[r as usize].add(&row);
                }
                Pending::Whole(r, parts) => {
                    let mut row = self.rows[r as usize];
                    for q in parts {
                        row.add(&self.rows[q as usize]);
                    }
                    self.rows[r as usize] = row;
                }
            }
        }
        self.pending = pending;
        self.pending.clear();
    }

    /// `it` after move `a`.
    fn apply(&mut self, it: &Item, a: usize) -> Item {
        let mut next = *it;
        let top = self.nodes[it.top as usize];
        let (s0, b) = (top.tok, it.b);
        match a {
            SH => {
                next.top = self.push(it.top, b, NIL, 0, &it.front, &top);
                next.b = b + 1;
                next.front = EMPTY_FRONT;
            }
            RE => next.top = top.below,
            _ if a < 2 + NL => {
                let l = (a - 2) as u8;
                next.top = top.below;
                let f = &mut next.front;
                f.lc = [s0, f.lc[0]];
                f.lcl = [l, f.lcl[0]];
                f.nl = f.nl.saturating_add(1);
                f.lset |= 1 << l;
            }
            _ => {
                let l = (a - 2 - NL) as u8;
                let mut t = top;
                t.rc = [b, t.rc[0]];
                t.rcl = [l, t.rcl[0]];
                t.nr = t.nr.saturating_add(1);
                t.rset |= 1 << l;
                t.row = UNSET;
                let ti = self.nodes.len() as u32;
                self.nodes.push(t);
                next.top = self.push(ti, b, s0, l, &it.front, &t);
                next.b = b + 1;
                next.front = EMPTY_FRONT;
            }
        }
        next
    }

    /// Push word `b` (with the front's left children) on `below`; `head`
    /// is `NIL` for a shift, else the word below (a right arc labelled `l`).
    fn push(&mut self, below: u32, b: u32, head: u32, l: u8, f: &Front, under: &Node) -> u32 {
        let (head2, head_label) = if head == NIL || under.tok == 0 || under.head == NIL {
            (NIL, NL as u8)
        } else {
            (under.head, under.label)
        };
        self.nodes.push(Node {
            tok: b,
            head,
            label: if head == NIL { NL as u8 } else { l },
            head2,
            head_label,
            lc: f.lc,
            lcl: f.lcl,
            rc: [NIL; 2],
            rcl: [NL as u8; 2],
            nl: f.nl,
            nr: 0,
            lset: f.lset,
            rset: 0,
            below,
            s1: under.tok,
            row: UNSET,
        });
        (self.nodes.len() - 1) as u32
    }

    /// Beam search with `k` items; gives the best item's moves replayed on
    /// `state` (which `reset` must have prepared for this sentence).
    pub fn parse(
        &mut self,
        wt: &Frozen,
        labels: &[Row],
        words: &[WordInfo],
        tags: &[u8],
        k: usize,
        state: &mut State,
    ) {
        self.start(words, tags);
        let n = self.n as u32;
        self.nodes.push(Node {
            tok: 0,
            head: NIL,
            label: NL as u8,
            head2: NIL,
            head_label: NL as u8,
            lc: [NIL; 2],
            lcl: [NL as u8; 2],
            rc: [NIL; 2],
            rcl: [NL as u8; 2],
            nl: 0,
            nr: 0,
            lset: 0,
            rset: 0,
            below: NIL,
            s1: NIL,
            row: UNSET,
        });
        let mut items = std::mem::take(&mut self.items);
        let mut next = std::mem::take(&mut self.next);
        let mut best = std::mem::take(&mut self.best);
        items.clear();
        items.push(Item {
            top: 0,
            b: 1,
            front: EMPTY_FRONT,
            score: 0,
            hist: NIL,
        });
        while items.iter().any(|it| it.b <= n) {
            // The k best (score, item, move) in the order of
            // `parser::Parser::parse_reference`: score down, then item,
            // then move; `NIL` keeps a finished item.
            // Every item's rows first, their lookups in one pass.
            let mut item_rows = std::mem::take(&mut self.item_rows);
            item_rows.clear();
            for it in &items {
                item_rows.push(if it.b > n { UNSET } else { self.plan(it) });
            }
            self.finish(wt, labels);
            best.clear();
            for (i, it) in items.iter().enumerate() {
                let r = item_rows[i];
                let i = i as u32;
                if it.b > n {
                    offer(&mut best, k, (it.score, i, NIL));
                    continue;
                }
                let s = &self.rows[r as usize];
                let base = it.score;
                // No move of this item can enter a full list unless its best
                // score, valid or not, beats the last kept.
                if best.len() == k {
                    let top = s.0[..NA].iter().copied().fold(i32::MIN, i32::max);
                    if base + i64::from(top) <= best[k - 1].0 {
                        continue;
                    }
                }
                let nd = &self.nodes[it.top as usize];
                let (root, headed) = (nd.tok == 0, nd.head != NIL);
                offer(&mut best, k, (base + i64::from(s.0[SH]), i, SH as u32));
                if !root && headed {
                    offer(&mut best, k, (base + i64::from(s.0[RE]), i, RE as u32));
                }
                if !root && !headed {
                    for l in 0..NL {
                        if l != ROOT_LABEL {
                            let a = 2 + l;
                            offer(&mut best, k, (base + i64::from(s.0[a]), i, a as u32));
                        }
                    }
                }
                for l in 0..NL {
                    if root == (l == ROOT_LABEL) {
                        let a = 2 + NL + l;
                        offer(&mut best, k, (base + i64::from(s.0[a]), i, a as u32));
                    }
                }
            }
            self.item_rows = item_rows;
            next.clear();
            for &(score, i, a) in &best {
                let it = items[i as usize];
                let mut ni = if a == NIL {
                    it
                } else {
                    let mut ni = self.apply(&it, a as usize);
                    self.hist.push((it.hist, a as u8));
                    ni.hist = (self.hist.len() - 1) as u32;
                    ni
                };
                ni.score = score;
                next.push(ni);
            }
            std::mem::swap(&mut items, &mut next);
        }
        let mut moves = vec![];
        let mut h = items[0].hist;
        while h != NIL {
            let (parent, a) = self.hist[h as usize];
            moves.push(a);
            h = parent;
        }
        for &a in moves.iter().rev() {
            state.apply(usize::from(a));
        }
        self.items = items;
        self.next = next;
        self.best = best;
    }
}

/// Keep `c` among the `k` best of `best` (sorted best first). Candidates
/// come in order of item and move, so a tie goes to the one already kept.
#[inline]
fn offer(best: &mut Vec<(i64, u32, u32)>, k: usize, c: (i64, u32, u32)) {
    if best.len() == k {
        if c.0 <= best[k - 1].0 {
            return;
        }
        best.pop();
    }
    let at = best.iter().position(|b| b.0 < c.0).unwrap_or(best.len());
    best.insert(at, c);
}

const _: () = assert!(NA <= STRIDE);
