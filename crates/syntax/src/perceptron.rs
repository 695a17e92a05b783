//! The averaged perceptron: a training table with sparse rows (each feature
//! holds weights only for the classes it was ever updated on), and the
//! frozen table the embedded model is read into.

use crate::hash::HashedMap;

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
        let clock = self.clock;
        for &k in keys {
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
            for (class, d) in [(good, 1), (bad, -1)] {
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
        }
    }

    /// Add `d` to the weight of `class` for every key.
    pub fn bump(&mut self, keys: &[u64], class: usize, d: i32) {
        let clock = self.clock;
        for &k in keys {
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
    }

    /// The averaged weights, quantized: each weight is
    /// `round(average * scale)`, where `scale` brings the largest to
    /// `i16::MAX`; weights whose magnitude is below `min_abs` after that are
    /// dropped, and so are features left empty.
    pub fn averaged(&self, min_abs: i16) -> Frozen {
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
        Frozen::new(rows)
    }

    pub fn features(&self) -> usize {
        self.keys.len()
    }
}

/// Frozen weights: open addressing over 32-bit fingerprints of the keys,
/// each slot pointing at a run of (class, weight) entries.
pub struct Frozen {
    slots: Vec<(u32, u32)>,
    mask: usize,
    /// Row `r` is `entries[starts[r]..starts[r + 1]]`.
    starts: Vec<u32>,
    entries: Vec<(u8, i16)>,
    /// The rows by key, sorted by key (what the model file stores).
    keys: Vec<u64>,
}

impl Frozen {
    fn fingerprint(key: u64) -> u32 {
        ((key >> 32) as u32).max(1)
    }

    /// Build from rows sorted by key.
    pub fn new(rows: Vec<(u64, Vec<(u8, i16)>)>) -> Frozen {
        let cap = (rows.len() * 3 / 2 + 2).next_power_of_two();
        let mut t = Frozen {
            slots: vec![(0, 0); cap],
            mask: cap - 1,
            starts: Vec::with_capacity(rows.len() + 1),
            entries: Vec::new(),
            keys: Vec::with_capacity(rows.len()),
        };
        t.starts.push(0);
        for (key, row) in rows {
            let fp = Self::fingerprint(key);
            let mut i = key as usize & t.mask;
            loop {
                match t.slots[i].0 {
                    0 => {
                        t.slots[i] = (fp, t.keys.len() as u32);
                        t.keys.push(key);
                        t.entries.extend_from_slice(&row);
                        t.starts.push(t.entries.len() as u32);
                        break;
                    }
                    f if f == fp => break,
                    _ => i = (i + 1) & t.mask,
                }
            }
        }
        t
    }

    #[inline]
    fn find(&self, key: u64) -> Option<usize> {
        let fp = Self::fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let (f, row) = self.slots[i];
            if f == fp {
                return Some(row as usize);
            }
            if f == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Add the weights of `keys` to `scores`.
    #[inline]
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        for &k in keys {
            if let Some(r) = self.find(k) {
                let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
                for &(c, w) in &self.entries[a..b] {
                    scores[c as usize] += i32::from(w);
                }
            }
        }
    }

    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// The same table without weights below `min_abs` in magnitude.
    pub fn pruned(&self, min_abs: i16) -> Frozen {
        let rows = (0..self.keys.len())
            .filter_map(|r| {
                let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
                let row: Vec<(u8, i16)> = self.entries[a..b]
                    .iter()
                    .copied()
                    .filter(|&(_, w)| w.unsigned_abs() >= min_abs.max(1) as u16)
                    .collect();
                (!row.is_empty()).then(|| (self.keys[r], row))
            })
            .collect();
        Frozen::new(rows)
    }

    pub fn weights(&self) -> usize {
        self.entries.len()
    }

    /// Serialize: feature count, then per feature its key, entry count and
    /// entries (class, weight), little-endian, in key order.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        for (r, &k) in self.keys.iter().enumerate() {
            let (a, b) = (self.starts[r] as usize, self.starts[r + 1] as usize);
            out.extend_from_slice(&k.to_le_bytes());
            out.push((b - a) as u8);
            for &(c, w) in &self.entries[a..b] {
                out.push(c);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    pub fn read(r: &mut crate::model::Reader, classes: usize) -> Result<Frozen, String> {
        let n = r.u32()? as usize;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            let m = r.u8()? as usize;
            let mut row = Vec::with_capacity(m);
            for _ in 0..m {
                let c = r.u8()?;
                if c as usize >= classes {
                    return Err(format!("class {c} out of range in the syntax model"));
                }
                let w = r.i16()?;
                row.push((c, w));
            }
            rows.push((k, row));
        }
        Ok(Frozen::new(rows))
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
        let f = t.averaged(1);
        let mut s = [0i32; 2];
        f.score(&[10], &mut s);
        // Averages: class 1 is (1 + 0) / 2 = 0.5, class 0 is -0.5; key 20's
        // weights stay at -1 and 1, the largest, which become ±i16::MAX.
        assert_eq!(s, [-16384, 16384]);
        let mut s = [0i32; 2];
        f.score(&[20], &mut s);
        assert_eq!(s, [-i32::from(i16::MAX), i32::from(i16::MAX)]);
        let mut bytes = vec![];
        f.write(&mut bytes);
        let g = Frozen::read(&mut crate::model::Reader::new(&bytes), 2).unwrap();
        let mut bytes2 = vec![];
        g.write(&mut bytes2);
        assert_eq!(bytes, bytes2);
        assert_eq!(g.features(), 2);
    }
}
