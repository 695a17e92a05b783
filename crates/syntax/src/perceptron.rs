//! The averaged perceptron: a training table with sparse rows (each feature
//! holds weights only for the classes it was ever updated on), and the
//! frozen table the embedded model is read into.

use crate::hash::HashedMap;
use crate::model::Reader;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: i32,
    /// Sum of `w` over the updates before `stamp`.
    total: i64,
    stamp: u32,
}

/// Weights being trained. Updates are integers (±1), so training is exact
/// and deterministic; rows are created in the order features are first
/// updated, and the frozen table is sorted by key.
pub struct Training {
    index: HashedMap<u32>,
    keys: Vec<u64>,
    rows: Vec<Vec<Entry>>,
    /// Decisions seen so far (the averaging clock).
    pub clock: u32,
}

impl Training {
    pub fn new() -> Training {
        Training {
            index: HashedMap::default(),
            keys: vec![],
            rows: vec![],
            clock: 0,
        }
    }

    /// Add the current weights of `keys` to `scores`.
    pub fn score(&self, keys: &[u64], scores: &mut [i64]) {
        for k in keys {
            if let Some(&r) = self.index.get(k) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += i64::from(e.w);
                }
            }
        }
    }

    /// One perceptron update: `good` up, `bad` down, for every key.
    pub fn update(&mut self, keys: &[u64], good: usize, bad: usize) {
        for &k in keys {
            self.add(k, good, 1);
            self.add(k, bad, -1);
        }
    }

    /// Add `d` to the weight of `class` for every key.
    pub fn bump(&mut self, keys: &[u64], class: usize, d: i32) {
        for &k in keys {
            self.add(k, class, d);
        }
    }

    /// Add `d` to the weight of `class` for key `k`, first banking the
    /// current weight's share of the average up to now.
    fn add(&mut self, k: u64, class: usize, d: i32) {
        let clock = self.clock;
        let r = match self.index.get(&k) {
            Some(&r) => r as usize,
            None => {
                self.index.insert(k, self.rows.len() as u32);
                self.keys.push(k);
                self.rows.push(Vec::with_capacity(2));
                self.rows.len() - 1
            }
        };
        let row = &mut self.rows[r];
        let e = match row.iter_mut().position(|e| e.class as usize == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(Entry {
                    class: class as u16,
                    w: 0,
                    total: 0,
                    stamp: clock,
                });
                row.last_mut().expect("just pushed")
            }
        };
        e.total += i64::from(e.w) * i64::from(clock - e.stamp);
        e.stamp = clock;
        e.w += d;
    }

    /// The averaged weights, quantized: each weight is
    /// `round(average * scale)`, where `scale` brings the largest to
    /// `i16::MAX`; weights whose magnitude is below `min_abs` after that are
    /// dropped, and so are features left empty.
    pub fn averaged(&self, min_abs: i16, classes: usize) -> Frozen {
        let clock = i64::from(self.clock.max(1));
        let avg = |e: &Entry| {
            let t = e.total + i64::from(e.w) * i64::from(self.clock - e.stamp);
            t as f64 / clock as f64
        };
        let max = self
            .rows
            .iter()
            .flatten()
            .map(|e| avg(e).abs())
            .fold(0.0f64, f64::max)
            .max(1e-9);
        let scale = f64::from(i16::MAX) / max;
        let mut order: Vec<usize> = (0..self.keys.len()).collect();
        order.sort_unstable_by_key(|&i| self.keys[i]);
        let mut rows = Vec::with_capacity(order.len());
        for i in order {
            let mut row: Vec<(u8, i16)> = self.rows[i]
                .iter()
                .map(|e| (e.class as u8, (avg(e) * scale).round() as i16))
                .filter(|&(_, w)| w.unsigned_abs() >= min_abs.max(1) as u16)
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable();
            rows.push((self.keys[i], row));
        }
        Frozen::new(rows, classes)
    }

    pub fn features(&self) -> usize {
        self.keys.len()
    }
}

/// Scores of every class (the parser's moves), padded to whole cache lines
/// so sums vectorize.
pub const STRIDE: usize = 112;

#[derive(Clone, Copy)]
#[repr(C, align(64))]
pub struct Row(pub [i32; STRIDE]);

impl Row {
    pub const ZERO: Row = Row([0; STRIDE]);

    #[inline]
    pub fn add(&mut self, o: &Row) {
        for (a, b) in self.0.iter_mut().zip(&o.0) {
            *a += *b;
        }
    }
}

/// Frozen weights: open addressing over 32-bit fingerprints of the keys.
/// A lookup misses the cache (the parser's table is tens of MB), so a slot
/// holds a row of up to four (class, weight) entries itself: one cache
/// miss per key. Longer rows (few) sit in `long`, and the longest (the
/// frequent features) in `dense`, a weight for every class, summed without
/// a branch or an index per entry.
pub struct Frozen {
    slots: Vec<Slot>,
    mask: usize,
    long: Vec<(u8, i16)>,
    dense: Vec<i16>,
    /// Classes: the width of a dense row.
    classes: usize,
    /// The keys, sorted (what the model file stores, with their rows).
    keys: Vec<u64>,
}

/// One slot: fingerprint (0: empty), then up to four entries, unused
/// ones (class 0, weight 0) adding nothing; or, when `class[0]` is
/// `LONG`, the row `long[start..start + w[2]]`, or when it is `DENSE`, the
/// row `dense[start * classes..][..classes]`, `start` being `w[0]` and `w[1]`
/// as one 32-bit number.
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    fp: u32,
    class: [u8; 4],
    w: [i16; 4],
}

const LONG: u8 = 0xFE;
const DENSE: u8 = 0xFD;
/// Rows this long or longer are kept dense.
const DENSE_MIN: usize = 12;
/// Keys looked up together (their misses overlap).
pub const BATCH: usize = 16;

/// Tables at least this large are asked for huge pages.
const HUGE_MIN_BYTES: usize = 32 << 20;

/// `n` empty slots, in huge pages where the system gives them and the
/// table is at least [`HUGE_MIN_BYTES`]: every lookup lands on a random
/// page of a table of tens of MB, and with 4 KiB pages most of them also
/// miss the TLB. A smaller table (the pipeline's parser, 16 MB; the
/// tagger's) is looked up too seldom to repay the kernel's cost of
/// finding and clearing huge pages (extraction on BBC 4% faster without).
fn huge_pages(n: usize) -> Vec<Slot> {
    let mut v: Vec<Slot> = Vec::with_capacity(n);
    #[cfg(target_os = "linux")]
    {
        let bytes = n * std::mem::size_of::<Slot>();
        let page = 4096;
        let start = (v.as_ptr() as usize).div_ceil(page) * page;
        let end = (v.as_ptr() as usize + bytes) / page * page;
        if bytes >= HUGE_MIN_BYTES && end > start {
            // SAFETY: the range lies inside `v`'s allocation, not yet
            // written; the advice changes how it is backed, not its
            // contents, and a refusal is harmless.
            unsafe { libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE) };
        }
    }
    v.resize(n, Slot::default());
    v
}

/// A hint to bring `p`'s cache line in.
#[inline]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults, whatever `p` is.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
const INLINE: usize = 4;

impl Slot {
    fn start(&self) -> usize {
        (self.w[0] as u16 as usize) | (self.w[1] as u16 as usize) << 16
    }

    fn long_range(&self) -> (usize, usize) {
        let start = self.start();
        (start, start + self.w[2] as u16 as usize)
    }

    /// The row's entries (for writing and pruning).
    fn row(&self, t: &Frozen) -> Vec<(u8, i16)> {
        if self.class[0] == LONG {
            let (a, b) = self.long_range();
            t.long[a..b].to_vec()
        } else if self.class[0] == DENSE {
            t.dense_row(self)
                .iter()
                .enumerate()
                .filter(|&(_, &w)| w != 0)
                .map(|(c, &w)| (c as u8, w))
                .collect()
        } else {
            (0..INLINE)
                .filter(|&j| self.w[j] != 0)
                .map(|j| (self.class[j], self.w[j]))
                .collect()
        }
    }
}

/// A table keeps the low 48 bits of each key (its fingerprint is bits 16
/// to 47, its home slot the lowest bits): two of a few million keys share
/// them about once in a hundred tables, and the stored keys take 4 bytes
/// each instead of 8 (`Frozen::write_set`).
const KEY_MASK: u64 = (1 << 48) - 1;

impl Frozen {
    fn fingerprint(key: u64) -> u32 {
        (((key & KEY_MASK) >> 16) as u32).max(1)
    }

    /// Build from rows sorted by key, each sorted by class (below
    /// `classes`), with no weight zero. Keys are cut to [`KEY_MASK`]; rows
    /// whose keys then meet are summed.
    pub fn new(rows: Vec<(u64, Vec<(u8, i16)>)>, classes: usize) -> Frozen {
        let mut rows: Vec<(u64, Vec<(u8, i16)>)> =
            rows.into_iter().map(|(k, r)| (k & KEY_MASK, r)).collect();
        // Stable: rows meeting on a key stay in their order.
        rows.sort_by_key(|r| r.0);
        rows.dedup_by(|later, kept| {
            if later.0 != kept.0 {
                return false;
            }
            for &(c, w) in &later.1 {
                match kept.1.binary_search_by_key(&c, |e| e.0) {
                    Ok(i) => kept.1[i].1 = kept.1[i].1.saturating_add(w),
                    Err(i) => kept.1.insert(i, (c, w)),
                }
            }
            kept.1.retain(|e| e.1 != 0);
            true
        });
        rows.retain(|r| !r.1.is_empty());
        let keys: Vec<u64> = rows.iter().map(|r| r.0).collect();
        Frozen::build(&keys, |j| &rows[j].1, classes)
    }

    /// [`Frozen::new`] from the keys and a function giving row `j`.
    fn build<'a>(keys: &[u64], row: impl Fn(usize) -> &'a [(u8, i16)], classes: usize) -> Frozen {
        let cap = (keys.len() * 3 / 2 + 2).next_power_of_two();
        let mut t = Frozen {
            slots: huge_pages(cap),
            mask: cap - 1,
            long: Vec::new(),
            dense: Vec::new(),
            classes,
            keys: Vec::with_capacity(keys.len()),
        };
        for (j, &key) in keys.iter().enumerate() {
            // The home slots are random: ask for one well ahead.
            if let Some(&k) = keys.get(j + 16) {
                prefetch(&t.slots[k as usize & t.mask]);
            }
            let row = row(j);
            let fp = Self::fingerprint(key);
            let mut i = key as usize & t.mask;
            loop {
                match t.slots[i].fp {
                    0 => {
                        let s = &mut t.slots[i];
                        s.fp = fp;
                        if row.len() <= INLINE {
                            for (j, &(c, w)) in row.iter().enumerate() {
                                s.class[j] = c;
                                s.w[j] = w;
                            }
                        } else if row.len() >= DENSE_MIN {
                            let start = t.dense.len() / classes;
                            s.class[0] = DENSE;
                            s.w = [start as u16 as i16, (start >> 16) as u16 as i16, 0, 0];
                            t.dense.resize(t.dense.len() + classes, 0);
                            for &(c, w) in row {
                                t.dense[start * classes + c as usize] = w;
                            }
                        } else {
                            let start = t.long.len();
                            s.class[0] = LONG;
                            s.w = [
                                start as u16 as i16,
                                (start >> 16) as u16 as i16,
                                row.len() as i16,
                                0,
                            ];
                            t.long.extend_from_slice(row);
                        }
                        t.keys.push(key);
                        break;
                    }
                    f if f == fp => break,
                    _ => i = (i + 1) & t.mask,
                }
            }
        }
        t
    }

    #[inline(always)]
    fn find(&self, key: u64) -> Option<&Slot> {
        let fp = Self::fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.fp == fp {
                return Some(s);
            }
            if s.fp == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Ask the cache for `key`'s slot ahead of [`Frozen::add`].
    #[inline]
    pub fn prefetch(&self, key: u64) {
        prefetch(&self.slots[key as usize & self.mask]);
    }

    /// The slot of `key`, if any, with its long row asked for (the
    /// second step of a batch: slots prefetched, now read).
    #[inline(always)]
    fn find_and_prefetch(&self, key: u64) -> Option<&Slot> {
        let s = self.find(key)?;
        if s.class[0] == LONG {
            let (a, _) = s.long_range();
            prefetch(self.long[a..].as_ptr());
        } else if s.class[0] == DENSE {
            let r = self.dense_row(s);
            for line in r.chunks(32) {
                prefetch(line.as_ptr());
            }
        }
        Some(s)
    }

    #[inline(always)]
    fn dense_row(&self, s: &Slot) -> &[i16] {
        let a = s.start() * self.classes;
        &self.dense[a..a + self.classes]
    }

    #[inline(always)]
    fn add_slot(&self, s: &Slot, scores: &mut [i32]) {
        if s.class[0] == DENSE {
            for (a, &w) in scores[..self.classes].iter_mut().zip(self.dense_row(s)) {
                *a += i32::from(w);
            }
        } else if s.class[0] == LONG {
            let (a, b) = s.long_range();
            for &(c, w) in &self.long[a..b] {
                scores[c as usize] += i32::from(w);
            }
        } else {
            for j in 0..INLINE {
                scores[s.class[j] as usize] += i32::from(s.w[j]);
            }
        }
    }

    /// Add the weights of one key to `scores`.
    #[inline]
    pub fn add(&self, key: u64, scores: &mut [i32]) {
        if let Some(s) = self.find(key) {
            self.add_slot(s, scores);
        }
    }

    /// Add the weights of `keys` (at most [`BATCH`]) to `scores`, in three
    /// passes so the cache misses overlap: prefetch every slot, read the
    /// slots and prefetch their long rows, add.
    #[inline]
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        for chunk in keys.chunks(BATCH) {
            for &k in chunk {
                self.prefetch(k);
            }
            let mut found = [None; BATCH];
            for (f, &k) in found.iter_mut().zip(chunk) {
                *f = self.find_and_prefetch(k);
            }
            for s in found.iter().flatten() {
                self.add_slot(s, scores);
            }
        }
    }

    /// Add the weights of each job's key to its row (`jobs`: row, key),
    /// in a software pipeline: a job's slot is prefetched `2 * AHEAD` jobs
    /// before it is added, read (and its long row prefetched) `AHEAD`
    /// jobs before, so many cache misses are under way at once.
    pub fn add_jobs(&self, jobs: &[(u32, u64)], rows: &mut [Row]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { self.add_jobs_avx2(jobs, rows) };
        }
        self.add_jobs_plain(jobs, rows)
    }

    /// [`Frozen::add_jobs`] compiled for AVX2: the dense rows' adds (the
    /// bulk of its instructions) take half as many.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn add_jobs_avx2(&self, jobs: &[(u32, u64)], rows: &mut [Row]) {
        self.add_jobs_plain(jobs, rows)
    }

    #[inline(always)]
    fn add_jobs_plain(&self, jobs: &[(u32, u64)], rows: &mut [Row]) {
        const AHEAD: usize = 8;
        const RING: usize = 16;
        let mut ring: [Option<&Slot>; RING] = [None; RING];
        let n = jobs.len();
        for &(_, k) in jobs.iter().take(2 * AHEAD) {
            self.prefetch(k);
        }
        for (j, &(_, k)) in jobs.iter().enumerate().take(AHEAD) {
            ring[j % RING] = self.find_and_prefetch(k);
        }
        for (j, &(r, _)) in jobs.iter().enumerate() {
            if let Some(&(_, k)) = jobs.get(j + 2 * AHEAD) {
                self.prefetch(k);
            }
            if j + AHEAD < n {
                ring[(j + AHEAD) % RING] = self.find_and_prefetch(jobs[j + AHEAD].1);
            }
            if let Some(s) = ring[j % RING] {
                self.add_slot(s, &mut rows[r as usize].0);
            }
        }
    }

    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// The rows in key order.
    fn rows(&self) -> impl Iterator<Item = (u64, Vec<(u8, i16)>)> + '_ {
        self.keys.iter().map(|&k| {
            let s = self.find(k).expect("every key has its slot");
            (k, s.row(self))
        })
    }

    /// The same table without weights below `min_abs` in magnitude.
    pub fn pruned(&self, min_abs: i16) -> Frozen {
        let rows = self
            .rows()
            .filter_map(|(k, row)| {
                let row: Vec<(u8, i16)> = row
                    .into_iter()
                    .filter(|&(_, w)| w.unsigned_abs() >= min_abs.max(1) as u16)
                    .collect();
                (!row.is_empty()).then_some((k, row))
            })
            .collect();
        Frozen::new(rows, self.classes)
    }

    pub fn weights(&self) -> usize {
        self.rows().map(|(_, r)| r.len()).sum()
    }

    /// The first model format's table (NSSYN03): feature count, then per
    /// feature its key, entry count and entries (class, weight),
    /// little-endian, in key order. Kept for its test: `read_v3` reads
    /// models trained before `write_set`.
    #[cfg(test)]
    fn write_v3(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for (k, row) in self.rows() {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(row.len() as u8);
            for (c, w) in row {
                out.push(c);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// A table as `write_v3` wrote it.
    pub fn read_v3(r: &mut Reader, classes: usize) -> Result<Frozen, String> {
        let n = r.u32()? as usize;
        // Flat arrays, not a vector per row: a million small allocations
        // were much of the load time.
        let mut keys = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n + 1);
        let mut entries: Vec<(u8, i16)> = Vec::with_capacity(2 * n);
        starts.push(0);
        for _ in 0..n {
            keys.push(r.u64()?);
            let m = r.u8()? as usize;
            let first = entries.len();
            for _ in 0..m {
                let c = r.u8()?;
                if c as usize >= classes {
                    return Err(format!("class {c} out of range in the syntax model"));
                }
                let w = r.i16()?;
                push_entry(&mut entries, first, c, w)?;
            }
            starts.push(entries.len());
        }
        let rows = (0..n)
            .map(|j| (keys[j], entries[starts[j]..starts[j + 1]].to_vec()))
            .collect();
        Ok(Frozen::new(rows, classes))
    }

    /// Serialize tables that share most of their keys (an ensemble's
    /// parsers, trained on the same sentences with the same features, share
    /// two thirds): the union of their keys once, as gaps between
    /// ascending keys; then each table's rows as five columns (the gap to
    /// the row's key in the union, its length, its classes, the low and
    /// the high bytes of its weights), each column deflated on its own:
    /// lengths, classes and high bytes repeat a few values, and deflate
    /// packs those into a few bits. Lossless; three fifths of the plain
    /// layout's bytes (README, Syntax model).
    pub fn write_set(tables: &[&Frozen], out: &mut Vec<u8>) {
        let mut all: Vec<u64> = tables.iter().flat_map(|t| t.keys.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        let mut gaps = Vec::with_capacity(4 * all.len());
        let mut prev = 0;
        for &k in &all {
            leb128(k - prev, &mut gaps);
            prev = k;
        }
        out.extend_from_slice(&(all.len() as u32).to_le_bytes());
        write_block(&gaps, out);
        for t in tables {
            let mut cols: [Vec<u8>; 5] = Default::default();
            let [gaps, lens, classes, low, high] = &mut cols;
            // Both in key order: walk the union alongside.
            let mut next = 0;
            for (k, row) in t.rows() {
                let at = next + all[next..].partition_point(|&u| u < k);
                leb128((at - next) as u64, gaps);
                next = at + 1;
                lens.push(row.len() as u8);
                for (c, w) in row {
                    let [lo, hi] = w.to_le_bytes();
                    classes.push(c);
                    low.push(lo);
                    high.push(hi);
                }
            }
            out.extend_from_slice(&(t.keys.len() as u32).to_le_bytes());
            for col in &cols {
                write_block(col, out);
            }
        }
    }

    /// Tables as `write_set` wrote them, with `classes[i]` classes in
    /// table `i`.
    pub fn read_set(r: &mut Reader, classes: &[usize]) -> Result<Vec<Frozen>, String> {
        let n = r.u32()? as usize;
        let gaps = r.block()?;
        let mut c = Cursor::new(&gaps);
        let mut all = Vec::with_capacity(n);
        let mut prev = 0u64;
        for j in 0..n {
            let g = c.leb128()?;
            if j > 0 && g == 0 {
                return Err("a key twice in the syntax model".into());
            }
            prev = prev
                .checked_add(g)
                .filter(|&k| k <= KEY_MASK)
                .ok_or("a key out of range in the syntax model")?;
            all.push(prev);
        }
        c.finish()?;
        classes
            .iter()
            .map(|&nc| {
                let n = r.u32()? as usize;
                let [gaps, lens, cls, low, high] =
                    [r.block()?, r.block()?, r.block()?, r.block()?, r.block()?];
                let (mut gaps, mut lens) = (Cursor::new(&gaps), Cursor::new(&lens));
                if cls.len() != low.len() || cls.len() != high.len() {
                    return Err("the syntax model's weight columns differ in length".into());
                }
                let mut keys = Vec::with_capacity(n);
                let mut starts = Vec::with_capacity(n + 1);
                let mut entries: Vec<(u8, i16)> = Vec::with_capacity(cls.len());
                starts.push(0);
                let mut next = 0usize;
                for _ in 0..n {
                    let at = usize::try_from(gaps.leb128()?)
                        .ok()
                        .and_then(|g| next.checked_add(g))
                        .filter(|&a| a < all.len())
                        .ok_or("a key index out of range in the syntax model")?;
                    next = at + 1;
                    keys.push(all[at]);
                    let m = lens.u8()? as usize;
                    let first = entries.len();
                    for e in first..first + m {
                        let (&c, &lo, &hi) = cls
                            .get(e)
                            .zip(low.get(e))
                            .zip(high.get(e))
                            .map(|((c, lo), hi)| (c, lo, hi))
                            .ok_or("the syntax model's weight columns are short")?;
                        if c as usize >= nc {
                            return Err(format!("class {c} out of range in the syntax model"));
                        }
                        push_entry(&mut entries, first, c, i16::from_le_bytes([lo, hi]))?;
                    }
                    starts.push(entries.len());
                }
                gaps.finish()?;
                lens.finish()?;
                if entries.len() != cls.len() {
                    return Err("the syntax model's weight columns are long".into());
                }
                Ok(Frozen::build(
                    &keys,
                    |j| &entries[starts[j]..starts[j + 1]],
                    nc,
                ))
            })
            .collect()
    }

    /// Pass over one table of a set unread (after `read_set` read the
    /// ones before it).
    pub fn skip(r: &mut Reader) -> Result<(), String> {
        r.u32()?;
        for _ in 0..5 {
            r.skip_block()?;
        }
        Ok(())
    }
}

/// Append (class, weight) to the row begun at `first`, refusing what no
/// writer makes: a zero weight, classes not ascending (a dense row gives
/// them back ascending on writing).
fn push_entry(entries: &mut Vec<(u8, i16)>, first: usize, c: u8, w: i16) -> Result<(), String> {
    if w == 0 {
        return Err("a zero weight in the syntax model".into());
    }
    if entries.len() > first && entries[entries.len() - 1].0 >= c {
        return Err("a row's classes out of order in the syntax model".into());
    }
    entries.push((c, w));
    Ok(())
}

/// `x` in LEB128: seven bits a byte, low first, the top bit set on all
/// but the last.
fn leb128(mut x: u64, out: &mut Vec<u8>) {
    while x >= 0x80 {
        out.push((x as u8 & 0x7F) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// `bytes` deflated, after its length and the deflated length.
fn write_block(bytes: &[u8], out: &mut Vec<u8>) {
    use std::io::Write;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(bytes).expect("writing to memory");
    let z = z.finish().expect("writing to memory");
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(&(z.len() as u32).to_le_bytes());
    out.extend_from_slice(&z);
}

/// A cursor over one decompressed column.
struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(b: &'a [u8]) -> Cursor<'a> {
        Cursor { b, at: 0 }
    }

    fn u8(&mut self) -> Result<u8, String> {
        let v = *self
            .b
            .get(self.at)
            .ok_or("a column of the syntax model is short")?;
        self.at += 1;
        Ok(v)
    }

    fn leb128(&mut self) -> Result<u64, String> {
        let mut x = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            x |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(x);
            }
        }
        Err("a number too long in the syntax model".into())
    }

    fn finish(&self) -> Result<(), String> {
        if self.at == self.b.len() {
            Ok(())
        } else {
            Err("a column of the syntax model is long".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaging_and_round_trip() {
        let mut t = Training::new();
        t.update(&[10, 20], 1, 0);
        t.clock += 1;
        t.update(&[10], 0, 1);
        t.clock += 1;
        let f = t.averaged(1, 2);
        let mut s = [0i32; 2];
        f.score(&[10], &mut s);
        // Averages: class 1 is (1 + 0) / 2 = 0.5, class 0 is -0.5; key 20's
        // weights stay at -1 and 1, the largest, which become ±i16::MAX.
        assert_eq!(s, [-16384, 16384]);
        let mut s = [0i32; 2];
        f.score(&[20], &mut s);
        assert_eq!(s, [-i32::from(i16::MAX), i32::from(i16::MAX)]);
        let mut bytes = vec![];
        Frozen::write_set(&[&f], &mut bytes);
        let mut r = Reader::new(&bytes);
        let g = Frozen::read_set(&mut r, &[2]).unwrap().remove(0);
        assert!(r.done());
        let mut bytes2 = vec![];
        Frozen::write_set(&[&g], &mut bytes2);
        assert_eq!(bytes, bytes2);
        assert_eq!(g.features(), 2);
    }

    /// Tables written together store their shared keys once and read back
    /// with the same rows; cut or altered bytes give an error, not a panic
    /// or another table.
    #[test]
    fn tables_written_together() {
        let key = |i: u64| (i * 0x9E37_79B9_7F4A_7C15) & KEY_MASK;
        let a = Frozen::new(
            (1..300)
                .map(|i| (key(i), vec![(1, i as i16), (3, -7)]))
                .collect(),
            4,
        );
        let b = Frozen::new(
            (200..400)
                .map(|i| (key(i), vec![(0, 5 - i as i16)]))
                .collect(),
            2,
        );
        let mut bytes = vec![];
        Frozen::write_set(&[&a, &b], &mut bytes);
        // The union: keys 1 to 399.
        assert_eq!(u32::from_le_bytes(bytes[..4].try_into().unwrap()), 399);
        let back = Frozen::read_set(&mut Reader::new(&bytes), &[4, 2]).unwrap();
        for (t, u) in [&a, &b].iter().zip(&back) {
            assert_eq!(t.rows().collect::<Vec<_>>(), u.rows().collect::<Vec<_>>());
        }
        let mut s = [0i32; 4];
        back[0].add(key(250), &mut s);
        assert_eq!(s, [0, 250, 0, -7]);
        // Too few classes for table `a`'s class 3.
        let e = Frozen::read_set(&mut Reader::new(&bytes), &[3, 2])
            .err()
            .unwrap();
        assert!(e.contains("class 3 out of range"), "{e}");
        for cut in [3, bytes.len() / 2, bytes.len() - 1] {
            assert!(Frozen::read_set(&mut Reader::new(&bytes[..cut]), &[4, 2]).is_err());
        }
        // The second table's row count raised by one: its columns run out.
        let mut r = Reader::new(&bytes);
        Frozen::read_set(&mut r, &[4]).unwrap();
        let mut bad = bytes.clone();
        bad[r.at()] += 1;
        assert!(Frozen::read_set(&mut Reader::new(&bad), &[4, 2]).is_err());
    }

    /// Keys equal in their low 48 bits are one feature: their rows sum,
    /// and a weight summing to zero goes.
    #[test]
    fn keys_meeting_in_48_bits_are_summed() {
        let k = 0x1234_5678_9ABC;
        let f = Frozen::new(
            vec![
                (k, vec![(0, 4), (2, 6)]),
                (k | 1 << 50, vec![(0, -4), (1, 3)]),
            ],
            3,
        );
        assert_eq!(f.features(), 1);
        assert_eq!(f.rows().collect::<Vec<_>>(), [(k, vec![(1, 3), (2, 6)])]);
        let mut s = [0i32; 3];
        f.add(k | 1 << 60, &mut s);
        assert_eq!(s, [0, 3, 6]);
    }

    /// Rows of up to four entries live in their slot, longer ones apart,
    /// the longest dense; all add the same weights, batched or not, and
    /// write back the same bytes.
    #[test]
    fn inline_long_and_dense_rows() {
        // Keys differ in their high half: the fingerprint.
        let k = |i: u64| i << 40 | i;
        let long: Vec<(u8, i16)> = (0..9).map(|c| (c, 100 + i16::from(c))).collect();
        let dense: Vec<(u8, i16)> = (0..13u8)
            .map(|c| (c + 3, i16::from(c) - 12))
            .filter(|&(_, w)| w != 0)
            .collect();
        assert!(dense.len() >= DENSE_MIN);
        let rows = vec![
            (k(5), vec![(1, -3), (4, 7)]),
            (k(9), long),
            (k(77), vec![(8, 2)]),
            (k(200), dense),
        ];
        let f = Frozen::new(rows.clone(), 30);
        let mut one = [0i32; 30];
        for i in [5, 9, 77, 200, 1234] {
            f.add(k(i), &mut one);
        }
        let mut batch = [0i32; 30];
        f.score(&[k(5), k(9), k(77), k(200), k(1234)], &mut batch);
        let mut want = [0i32; 30];
        for (_, row) in &rows {
            for &(c, w) in row {
                want[c as usize] += i32::from(w);
            }
        }
        assert_eq!(one, want);
        assert_eq!(batch, want);
        let mut jobs = [Row::ZERO; 2];
        f.add_jobs(&[(1, k(9)), (0, k(5)), (1, k(77)), (0, k(200))], &mut jobs);
        assert_eq!(jobs[0].0[4], 7 + (1 - 12));
        assert_eq!(jobs[1].0[8], 108 + 2);
        assert_eq!(f.weights(), 12 + 12);
        let mut bytes = vec![];
        f.write_v3(&mut bytes);
        let mut direct = vec![];
        direct.extend_from_slice(&4u32.to_le_bytes());
        for (k, row) in &rows {
            direct.extend_from_slice(&k.to_le_bytes());
            direct.push(row.len() as u8);
            for &(c, w) in row {
                direct.push(c);
                direct.extend_from_slice(&w.to_le_bytes());
            }
        }
        assert_eq!(bytes, direct);
        // A model file of the first format still reads.
        let g = Frozen::read_v3(&mut Reader::new(&direct), 30).unwrap();
        let mut old = [0i32; 30];
        g.score(&[k(5), k(9), k(77), k(200), k(1234)], &mut old);
        assert_eq!(old, want);
    }
}
