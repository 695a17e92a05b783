//! Word knowledge learned from unlabelled text: distributional word clusters
//! and how often each word is capitalized mid-sentence.
//!
//! Clusters are hierarchical spherical k-means over PPMI-weighted vectors of
//! each word's left and right neighbours (a cheap stand-in for Brown
//! clusters: three granularities, each refining the previous), run
//! `CLUSTER_SETS` times from different random starts on the same vectors.
//! Written here because no crate clusters words from raw text this way; it
//! is small.

use crate::features::{
    exact_form, exact_key, lower_key, starts_upper, WordInfo, CLUSTER_SETS, NO_CLUSTER,
};
use crate::hash::{hash_str, HashedMap, SplitMix};

/// Minimum frequency for a word to get a cluster.
const MIN_CLUSTER_FREQ: u32 = 3;
/// Minimum frequency for a word to be in the table at all.
const MIN_WORD_FREQ: u32 = 2;
/// Number of most frequent words used as context dimensions.
const CONTEXTS: usize = 2000;
/// Branching per level: 64, then 8 per parent, then 4 per parent.
const BRANCHING: [usize; 3] = [64, 8, 4];
const ITERATIONS: usize = 10;

/// A sentence of raw tokens.
pub type RawSentence = Vec<String>;

/// Split raw paragraph text into sentences of CoNLL-like tokens.
pub fn tokenize_paragraph(text: &str) -> Vec<RawSentence> {
    const OPEN: &[char] = &['"', '\'', '(', '[', '{', '\u{201C}', '\u{2018}'];
    const CLOSE: &[char] = &[
        '"', '\'', ')', ']', '}', '.', ',', ';', ':', '!', '?', '\u{201D}', '\u{2019}',
    ];
    let mut sents: Vec<RawSentence> = vec![vec![]];
    for chunk in text.split_whitespace() {
        let mut w = chunk;
        let mut pre = vec![];
        while let Some(c) = w.chars().next().filter(|c| OPEN.contains(c)) {
            pre.push(&w[..c.len_utf8()]);
            w = &w[c.len_utf8()..];
        }
        let mut post = vec![];
        while let Some(c) = w.chars().last().filter(|c| CLOSE.contains(c)) {
            // Keep abbreviation points on short capitalized words ("Mr.", "U.S.").
            if c == '.' && w.len() <= 4 && starts_upper(w) {
                break;
            }
            post.push(&w[w.len() - c.len_utf8()..]);
            w = &w[..w.len() - c.len_utf8()];
        }
        let cur = sents.last_mut().unwrap();
        cur.extend(pre.iter().map(|s| s.to_string()));
        if !w.is_empty() {
            let lw = w.to_lowercase();
            let clitic = ["'s", "\u{2019}s", "n't", "n\u{2019}t"]
                .into_iter()
                .find(|c| lw.ends_with(c) && lw.len() > c.len());
            match clitic {
                Some(c) => {
                    let cut = w.len() - c.len();
                    cur.push(w[..cut].to_string());
                    cur.push(w[cut..].to_string());
                }
                None => cur.push(w.to_string()),
            }
        }
        let mut ends = false;
        for p in post.iter().rev() {
            cur.push(p.to_string());
            ends |= matches!(*p, "." | "!" | "?");
        }
        if ends {
            sents.push(vec![]);
        }
    }
    sents.retain(|s| !s.is_empty());
    sents
}

/// Learn the word table from sentences of unlabelled text. Deterministic for
/// a given input order and seed. Returns entries sorted by key.
pub fn learn(sentences: &[RawSentence], seed: u64) -> Vec<(u64, WordInfo)> {
    let mut table = learn_with(sentences, seed, BRANCHING, false);
    let exact = learn_with(sentences, seed ^ 0xE, BRANCHING, true);
    table.extend(
        exact
            .into_iter()
            .filter(|e| e.1.clusters[0][0] != NO_CLUSTER),
    );
    table.sort_unstable_by_key(|e| e.0);
    table
}

/// Clusters (and, for lowercased forms, capitalization rates) of the words,
/// keyed by lowercased or by case-sensitive form.
fn learn_with(
    sentences: &[RawSentence],
    seed: u64,
    branching: [usize; 3],
    case_sensitive: bool,
) -> Vec<(u64, WordInfo)> {
    // Word ids in first-seen order (deterministic); u32::MAX marks a boundary.
    let mut ids: HashedMap<u32> = HashedMap::default();
    let mut keys: Vec<u64> = vec![];
    let mut freq: Vec<u32> = vec![];
    let mut caps: Vec<(u32, u32)> = vec![];
    let mut stream: Vec<u32> = vec![];
    let mut buf = String::new();
    for s in sentences {
        let all_caps = s
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .all(|w| !w.chars().any(char::is_lowercase));
        stream.push(u32::MAX);
        let mut initial = true;
        for w in s {
            let k = if case_sensitive {
                exact_form(w, &mut buf);
                exact_key(hash_str(&buf))
            } else {
                lower_key(w, &mut buf);
                hash_str(&buf)
            };
            let id = *ids.entry(k).or_insert_with(|| {
                keys.push(k);
                freq.push(0);
                caps.push((0, 0));
                (keys.len() - 1) as u32
            });
            freq[id as usize] += 1;
            stream.push(id);
            let lettered = w.chars().next().is_some_and(char::is_alphabetic);
            if lettered && !initial && !all_caps {
                if starts_upper(w) {
                    caps[id as usize].0 += 1;
                } else {
                    caps[id as usize].1 += 1;
                }
            }
            // Opening quotes and brackets do not end the sentence start.
            initial &= !lettered && !w.chars().next().is_some_and(char::is_numeric);
        }
    }
    stream.push(u32::MAX);

    // Context dimensions: the most frequent words (ties by key), plus boundary.
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(freq[i as usize]), keys[i as usize]));
    let mut ctx_of = vec![u32::MAX; keys.len()];
    for (d, &i) in order.iter().take(CONTEXTS).enumerate() {
        ctx_of[i as usize] = d as u32;
    }
    let boundary = CONTEXTS as u32;
    let half = CONTEXTS as u32 + 1;
    let dims = 4 * half as usize;
    let ctx = |id: u32| -> Option<u32> {
        if id == u32::MAX {
            Some(boundary)
        } else {
            let c = ctx_of[id as usize];
            (c != u32::MAX).then_some(c)
        }
    };

    // Vocabulary to cluster.
    let vocab: Vec<u32> = (0..keys.len() as u32)
        .filter(|&i| freq[i as usize] >= MIN_CLUSTER_FREQ)
        .collect();
    let mut row_of = vec![u32::MAX; keys.len()];
    for (r, &i) in vocab.iter().enumerate() {
        row_of[i as usize] = r as u32;
    }
    let mut pairs: Vec<(u32, u32)> = vec![];
    // Neighbours at distance 1 and 2 on each side; a sentence boundary hides
    // what lies beyond it.
    stream.splice(0..0, [u32::MAX; 2]);
    stream.extend([u32::MAX; 2]);
    for win in stream.windows(5) {
        let w = win[2];
        if w == u32::MAX || row_of[w as usize] == u32::MAX {
            continue;
        }
        let row = row_of[w as usize];
        let l2 = if win[1] == u32::MAX { u32::MAX } else { win[0] };
        let r2 = if win[3] == u32::MAX { u32::MAX } else { win[4] };
        for (block, id) in [l2, win[1], win[3], r2].into_iter().enumerate() {
            if let Some(c) = ctx(id) {
                pairs.push((row, block as u32 * half + c));
            }
        }
    }
    pairs.sort_unstable();
    let mut rows: Vec<Vec<(u32, f32)>> = vec![vec![]; vocab.len()];
    let mut row_sum = vec![0f64; vocab.len()];
    let mut col_sum = vec![0f64; dims];
    let mut counted: Vec<(u32, u32, u32)> = vec![];
    for g in pairs.chunk_by(|a, b| a == b) {
        let (r, c) = g[0];
        counted.push((r, c, g.len() as u32));
        row_sum[r as usize] += g.len() as f64;
        col_sum[c as usize] += g.len() as f64;
    }
    let total: f64 = row_sum.iter().sum();
    for (r, c, n) in counted {
        let pmi = (n as f64 * total / (row_sum[r as usize] * col_sum[c as usize])).ln();
        if pmi > 0.0 {
            rows[r as usize].push((c, pmi as f32));
        }
    }
    for row in &mut rows {
        let norm = row.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        for x in row.iter_mut() {
            x.1 /= norm;
        }
    }

    // `CLUSTER_SETS` clusterings of the same vectors from different random
    // starts.
    let sets: Vec<Vec<[u16; 3]>> = (0..CLUSTER_SETS)
        .map(|set| {
            let set_seed = seed.wrapping_add(set as u64 * 0x51ED_270B);
            hierarchical(&rows, dims, branching, set_seed)
        })
        .collect();

    let mut out: Vec<(u64, WordInfo)> = vec![];
    for i in 0..keys.len() {
        if freq[i] < MIN_WORD_FREQ {
            continue;
        }
        let (up, low) = caps[i];
        let cap = match up + low {
            0 => 0,
            t => {
                let r = up as f64 / t as f64;
                if r < 0.05 {
                    1
                } else if r < 0.5 {
                    2
                } else if r < 0.95 {
                    3
                } else {
                    4
                }
            }
        };
        let clusters = match row_of[i] {
            u32::MAX => [[NO_CLUSTER; 3]; CLUSTER_SETS],
            r => std::array::from_fn(|set| sets[set][r as usize]),
        };
        out.push((keys[i], WordInfo { clusters, cap }));
    }
    out.sort_unstable_by_key(|e| e.0);
    out
}

/// Hierarchical spherical k-means of unit rows: each level splits every
/// cluster of the level above into `branching[level]`. Rows without entries
/// get no cluster.
fn hierarchical(
    rows: &[Vec<(u32, f32)>],
    dims: usize,
    branching: [usize; 3],
    seed: u64,
) -> Vec<[u16; 3]> {
    let mut rng = SplitMix::new(seed);
    let mut cl = vec![[NO_CLUSTER; 3]; rows.len()];
    let mut groups: Vec<Vec<usize>> =
        vec![(0..rows.len()).filter(|&r| !rows[r].is_empty()).collect()];
    for (level, &k) in branching.iter().enumerate() {
        let mut next = vec![];
        for (g, members) in groups.iter().enumerate() {
            let assign = kmeans(rows, members, k, dims, &mut rng);
            let mut sub: Vec<Vec<usize>> = vec![vec![]; k];
            for (&m, &a) in members.iter().zip(&assign) {
                cl[m][level] = (g * k + a) as u16;
                sub[a].push(m);
            }
            next.extend(sub);
        }
        groups = next;
    }
    cl
}

/// Spherical k-means of `members` (rows are unit vectors); returns each
/// member's cluster in `0..k`.
fn kmeans(
    rows: &[Vec<(u32, f32)>],
    members: &[usize],
    k: usize,
    dims: usize,
    rng: &mut SplitMix,
) -> Vec<usize> {
    if members.len() <= k {
        return (0..members.len()).collect();
    }
    // k-means++ seeding: each next centre drawn with probability growing
    // with the squared distance to the nearest centre so far.
    let mut cent = vec![0f32; k * dims];
    let dot = |cent: &[f32], c: usize, m: usize| -> f32 {
        let base = &cent[c * dims..(c + 1) * dims];
        rows[m].iter().map(|&(d, v)| v * base[d as usize]).sum()
    };
    let mut nearest = vec![f32::INFINITY; members.len()];
    let mut pick = rng.below(members.len());
    for c in 0..k {
        for &(d, v) in &rows[members[pick]] {
            cent[c * dims + d as usize] = v;
        }
        for (near, &m) in nearest.iter_mut().zip(members) {
            let dist = (1.0 - dot(&cent, c, m)).max(0.0);
            *near = near.min(dist * dist);
        }
        let total: f64 = nearest.iter().map(|&x| x as f64).sum();
        if total <= 0.0 {
            pick = rng.below(members.len());
            continue;
        }
        let mut target = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        pick = members.len() - 1;
        for (i, &x) in nearest.iter().enumerate() {
            target -= x as f64;
            if target < 0.0 {
                pick = i;
                break;
            }
        }
    }
    let mut assign = vec![0usize; members.len()];
    for _ in 0..ITERATIONS {
        for (a, &m) in assign.iter_mut().zip(members) {
            let mut best = (f32::NEG_INFINITY, 0);
            for c in 0..k {
                let base = &cent[c * dims..(c + 1) * dims];
                let s: f32 = rows[m].iter().map(|&(d, v)| v * base[d as usize]).sum();
                if s > best.0 {
                    best = (s, c);
                }
            }
            *a = best.1;
        }
        let mut sums = vec![0f32; k * dims];
        for (&a, &m) in assign.iter().zip(members) {
            for &(d, v) in &rows[m] {
                sums[a * dims + d as usize] += v;
            }
        }
        for c in 0..k {
            let s = &mut sums[c * dims..(c + 1) * dims];
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (dst, x) in cent[c * dims..(c + 1) * dims].iter_mut().zip(s.iter()) {
                    *dst = x / norm;
                }
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_splits_punctuation_and_clitics() {
        let s =
            tokenize_paragraph("\u{201C}Zorvan\u{2019}s plan,\u{201D} said Mr. Blenko. It rained.");
        assert_eq!(
            s[0],
            vec![
                "\u{201C}",
                "Zorvan",
                "\u{2019}s",
                "plan",
                ",",
                "\u{201D}",
                "said",
                "Mr.",
                "Blenko",
                "."
            ]
        );
        assert_eq!(s[1], vec!["It", "rained", "."]);
    }

    #[test]
    fn similar_contexts_share_clusters_and_caps_are_counted() {
        // Two kinds of words in disjoint contexts: days after "on", fruits after "ate".
        let mut sents = vec![];
        for i in 0..40 {
            let day = ["monday", "tuesday", "friday"][i % 3];
            let fruit = ["apple", "pear", "plum"][i % 3];
            sents.push(vec![
                "we".into(),
                "met".into(),
                "on".into(),
                day.into(),
                "again".into(),
            ]);
            sents.push(vec![
                "she".into(),
                "ate".into(),
                "a".into(),
                fruit.into(),
                "slowly".into(),
            ]);
            sents.push(vec!["then".into(), "Zorvan".into(), "left".into()]);
        }
        let table = learn_with(&sents, 1, [4, 4, 4], false);
        let get = |w: &str| table.iter().find(|e| e.0 == hash_str(w)).unwrap().1;
        // Every clustering keeps each kind together; with 4 clusters for a
        // few kinds of toy words, some random starts may merge two kinds, so
        // the split is checked on the first.
        for set in 0..CLUSTER_SETS {
            let top = |w: &str| get(w).clusters[set][0];
            assert_eq!(top("monday"), top("friday"), "set {set}");
            assert_eq!(top("apple"), top("plum"), "set {set}");
        }
        assert_ne!(get("monday").clusters[0][0], get("apple").clusters[0][0]);
        assert_eq!(get("zorvan").cap, 4);
        assert_eq!(get("left").cap, 1);
        assert_eq!(
            learn_with(&sents, 1, [4, 4, 4], false),
            table,
            "deterministic"
        );
    }
}
