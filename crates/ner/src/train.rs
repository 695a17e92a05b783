//! Training: averaged structured perceptron with Viterbi decoding, in two
//! stages. Stage 1 uses local features. Stage 2 adds document-level features
//! from stage 1's tags; for the training documents those tags come from
//! models trained on the other folds (jackknifing), so that stage 2 learns
//! how far to trust stage 1 on unseen text.

use crate::clusters::{self, RawSentence};
use crate::conll::{self, LabeledDoc, Score};
use crate::features::{
    lower_key, nonlocal_features, prepare_doc, token_features_of_set, Scratch, SentenceIn, TokInfo,
    WordTable, CLUSTER_SETS, NT,
};
use crate::gazetteer::{self, Gazetteer};
use crate::hash::{finalize, hash_str, mix, HashedMap, SplitMix};
use crate::model::{write_model, Lattice, TagWeights, Transitions, STAGES};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Features seen fewer times than this in training are dropped.
const MIN_FEATURE_COUNT: u32 = 1;
const MAX_EPOCHS: usize = 25;
/// Stop after this many epochs without a better dev F1 (6 rather than 3:
/// dev F1 of seeds 1–8 93.33 against 93.26; BILOU learns more slowly).
const PATIENCE: usize = 6;
/// Perceptrons averaged per stage.
const ENSEMBLE: usize = 3;
/// Share of (token, feature) pairs left out of each training epoch
/// (feature dropout, chosen on dev among 0, 5, 10, 15 and 25%).
const FEATURE_DROPOUT: f64 = 0.10;
/// Folds for the stage-1 tags of the training documents.
const FOLDS: usize = 5;

/// Prepared tokens of a data set and their local feature keys.
pub struct FeaturizedSet {
    toks: Vec<TokInfo>,
    keys: Vec<u64>,
    /// Per token, its range in `keys` (`offsets[i]..offsets[i+1]`).
    offsets: Vec<usize>,
    /// Token ranges of sentences.
    sentences: Vec<Range<usize>>,
    /// Sentence ranges of documents.
    docs: Vec<Range<usize>>,
    gold: Vec<usize>,
}

/// Prepare and featurize labeled documents.
/// Names of the training documents, except those of one fold (`None`: all).
fn gazetteer_of(docs: &[LabeledDoc], skip_fold: Option<usize>) -> Gazetteer {
    let mut g = Gazetteer::default();
    let mut buf = String::new();
    for (d, doc) in docs.iter().enumerate() {
        if skip_fold == Some(d % FOLDS) {
            continue;
        }
        for s in &doc.sentences {
            for (a, b, ty) in conll::chunks(&s.tags) {
                if b - a <= gazetteer::MAX_LEN {
                    let lws: Vec<u64> = s.words[a..b]
                        .iter()
                        .map(|w| {
                            lower_key(w, &mut buf);
                            hash_str(&buf)
                        })
                        .collect();
                    g.add(&lws, ty);
                }
            }
        }
    }
    g
}

/// Prepare and featurize labeled documents; `gazetteer(d)` is the name list
/// for document `d`; only the word clustering `cluster_set` is read.
fn featurize<'g>(
    docs: &[LabeledDoc],
    words: &WordTable,
    gazetteer: impl Fn(usize) -> &'g Gazetteer,
    cluster_set: usize,
) -> FeaturizedSet {
    let mut set = FeaturizedSet {
        toks: vec![],
        keys: vec![],
        offsets: vec![0],
        sentences: vec![],
        docs: vec![],
        gold: vec![],
    };
    let mut sc = Scratch::default();
    for (d, doc) in docs.iter().enumerate() {
        let ins: Vec<SentenceIn> = doc
            .sentences
            .iter()
            .map(|s| SentenceIn {
                words: s.words.iter().map(String::as_str).collect(),
                upper: false,
            })
            .collect();
        let mut toks = prepare_doc(&ins, words, &mut sc);
        let first_sentence = set.sentences.len();
        let mut at = 0;
        for s in &doc.sentences {
            let sent = &mut toks[at..at + s.words.len()];
            gazetteer(d).mark(sent);
            let sent = &*sent;
            let first = set.gold.len();
            for i in 0..sent.len() {
                token_features_of_set(sent, i, Some(cluster_set), &mut set.keys);
                set.offsets.push(set.keys.len());
            }
            set.gold.extend_from_slice(&s.tags);
            set.sentences.push(first..set.gold.len());
            at += s.words.len();
        }
        set.toks.extend(toks);
        set.docs.push(first_sentence..set.sentences.len());
    }
    set
}

/// A data set with feature keys mapped to dense indices (unknown dropped).
struct IndexedSet {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    sentences: Vec<Range<usize>>,
    gold: Vec<usize>,
}

/// Index the keys of each token: `parts` are (keys, offsets) lists that are
/// concatenated per token.
fn index_set(
    parts: &[(&[u64], &[usize])],
    sentences: &[Range<usize>],
    gold: &[usize],
    index: &HashedMap<u32>,
) -> IndexedSet {
    let mut feats = vec![];
    let mut offsets = vec![0];
    for i in 0..gold.len() {
        for (keys, offs) in parts {
            for k in &keys[offs[i]..offs[i + 1]] {
                if let Some(&f) = index.get(k) {
                    feats.push(f);
                }
            }
        }
        offsets.push(feats.len());
    }
    IndexedSet {
        feats,
        offsets,
        sentences: sentences.to_vec(),
        gold: gold.to_vec(),
    }
}

/// Dense indices for the keys seen at least `MIN_FEATURE_COUNT` times, in
/// key order (so the result does not depend on hash-map iteration).
fn dictionary(keys: &[u64], first_index: u32) -> (Vec<u64>, HashedMap<u32>) {
    let mut counts: HashedMap<u32> = HashedMap::default();
    for &k in keys {
        *counts.entry(k).or_insert(0) += 1;
    }
    let mut kept: Vec<u64> = counts
        .iter()
        .filter(|(_, &c)| c >= MIN_FEATURE_COUNT)
        .map(|(&k, _)| k)
        .collect();
    kept.sort_unstable();
    let index = kept
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, first_index + i as u32))
        .collect();
    (kept, index)
}

/// Perceptron parameters: emission weights `w[f * NT + tag]` and transitions.
#[derive(Clone)]
struct Params {
    w: Vec<f32>,
    tr: Transitions<f32>,
}

#[derive(Default)]
struct DecodeBuf {
    emit: Vec<f32>,
    lattice: Lattice<f32>,
}

/// Best tags of sentence `s` of `set`, over the (token, feature) pairs that
/// `keep` lets through.
fn decode(
    p: &Params,
    tr: &Transitions<f32>,
    set: &IndexedSet,
    s: &Range<usize>,
    buf: &mut DecodeBuf,
    out: &mut Vec<usize>,
    keep: impl Fn(usize, u32) -> bool,
) {
    buf.emit.clear();
    buf.emit.resize(s.len() * NT, 0.0);
    for (j, i) in s.clone().enumerate() {
        let row = &mut buf.emit[j * NT..(j + 1) * NT];
        for &f in &set.feats[set.offsets[i]..set.offsets[i + 1]] {
            if !keep(i, f) {
                continue;
            }
            let ws = &p.w[f as usize * NT..(f as usize + 1) * NT];
            for t in 0..NT {
                row[t] += ws[t];
            }
        }
    }
    buf.lattice.viterbi(&buf.emit, tr, out);
}

/// Tags of every sentence of `set`, flattened.
fn predict(p: &Params, set: &IndexedSet, sentences: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let tr = p.tr.constrained();
    let mut buf = DecodeBuf::default();
    let mut pred = vec![];
    sentences
        .iter()
        .map(|&si| {
            decode(
                p,
                &tr,
                set,
                &set.sentences[si],
                &mut buf,
                &mut pred,
                |_, _| true,
            );
            (si, pred.clone())
        })
        .collect()
}

fn evaluate(p: &Params, set: &IndexedSet) -> Score {
    let all: Vec<usize> = (0..set.sentences.len()).collect();
    let mut sc = Score::default();
    for (si, pred) in predict(p, set, &all) {
        sc.add(&set.gold[set.sentences[si].clone()], &pred);
    }
    sc
}

/// Train on the given sentences of `train`. With `dev`, run up to
/// `MAX_EPOCHS` and keep the epoch with the best dev F1; without, run
/// exactly `epochs`. Returns averaged parameters and the epoch they are from.
fn perceptron(
    train: &IndexedSet,
    n_feats: usize,
    sentences: &[usize],
    epochs: usize,
    dev: Option<&IndexedSet>,
    seed: u64,
    log: &mut String,
) -> (Params, usize) {
    let zero = Params {
        w: vec![0.0; n_feats * NT],
        tr: Transitions {
            start: [0.0; NT],
            trans: [0.0; NT * NT],
        },
    };
    let mut p = zero.clone();
    // Sums of (update × time) for averaging: avg = w - acc / c.
    let mut acc = zero;
    let mut c: f32 = 1.0;
    let mut rng = SplitMix::new(seed);
    let mut order = sentences.to_vec();
    let mut buf = DecodeBuf::default();
    let mut pred = vec![];
    let mut best: Option<(usize, f64, Params)> = None;
    let average = |p: &Params, acc: &Params, c: f32| Params {
        w: p.w.iter().zip(&acc.w).map(|(w, a)| w - a / c).collect(),
        tr: Transitions {
            start: std::array::from_fn(|t| p.tr.start[t] - acc.tr.start[t] / c),
            trans: std::array::from_fn(|t| p.tr.trans[t] - acc.tr.trans[t] / c),
        },
    };
    let max_epochs = if dev.is_some() { MAX_EPOCHS } else { epochs };
    let drop = (FEATURE_DROPOUT * u64::MAX as f64) as u64;
    for epoch in 1..=max_epochs {
        rng.shuffle(&mut order);
        let mut errors = 0;
        // Feature dropout: each (token, feature) pair sits out this epoch's
        // decoding and update with probability FEATURE_DROPOUT, so that no
        // single feature (a memorized word) carries a decision alone; what
        // the context says gets weight too, which is what unseen names need.
        let epoch_salt = mix(seed, epoch as u64);
        let keep = |i: usize, f: u32| finalize(epoch_salt ^ ((i as u64) << 32 | f as u64)) >= drop;
        for &si in &order {
            let s = train.sentences[si].clone();
            let tr = p.tr.constrained();
            decode(&p, &tr, train, &s, &mut buf, &mut pred, keep);
            let gold = &train.gold[s.clone()];
            if pred.as_slice() != gold {
                errors += 1;
                for (j, i) in s.clone().enumerate() {
                    let (g, q) = (gold[j], pred[j]);
                    if g != q {
                        for &f in &train.feats[train.offsets[i]..train.offsets[i + 1]] {
                            if !keep(i, f) {
                                continue;
                            }
                            let f = f as usize * NT;
                            p.w[f + g] += 1.0;
                            acc.w[f + g] += c;
                            p.w[f + q] -= 1.0;
                            acc.w[f + q] -= c;
                        }
                    }
                    let same_prev = j == 0 || gold[j - 1] == pred[j - 1];
                    if g != q || !same_prev {
                        let (a, b, pv, av) = if j == 0 {
                            (g, q, &mut p.tr.start[..], &mut acc.tr.start[..])
                        } else {
                            let (a, b) = (gold[j - 1] * NT + g, pred[j - 1] * NT + q);
                            (a, b, &mut p.tr.trans[..], &mut acc.tr.trans[..])
                        };
                        pv[a] += 1.0;
                        av[a] += c;
                        pv[b] -= 1.0;
                        av[b] -= c;
                    }
                }
            }
            c += 1.0;
        }
        let Some(dev) = dev else {
            continue;
        };
        let avg = average(&p, &acc, c);
        let f1 = evaluate(&avg, dev).f1();
        let _ = writeln!(
            log,
            "  epoch {epoch:2}: {errors} sentences wrong; dev F1 {:.2}",
            100.0 * f1
        );
        if best.as_ref().is_none_or(|b| f1 > b.1) {
            best = Some((epoch, f1, avg));
        } else if epoch - best.as_ref().unwrap().0 >= PATIENCE {
            break;
        }
    }
    match best {
        Some((epoch, _, avg)) => (avg, epoch),
        None => (average(&p, &acc, c), max_epochs),
    }
}

/// Train `ENSEMBLE` perceptrons on differently shuffled data, each stopped
/// at its best dev epoch, and average their weights: one linear model of the
/// same size with less variance. Returns it and the first run's best epoch.
fn ensemble(
    train: &IndexedSet,
    n_feats: usize,
    sentences: &[usize],
    dev: &IndexedSet,
    seed: u64,
    log: &mut String,
) -> (Params, usize) {
    let mut sum: Option<Params> = None;
    let mut first_epochs = 0;
    for k in 0..ENSEMBLE {
        let run_seed = seed.wrapping_add((k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let (p, epochs) = perceptron(train, n_feats, sentences, 0, Some(dev), run_seed, log);
        let _ = writeln!(log, "  run {}: best epoch {epochs}", k + 1);
        if k == 0 {
            first_epochs = epochs;
        }
        sum = Some(match sum {
            None => p,
            Some(mut s) => {
                s.w.iter_mut().zip(&p.w).for_each(|(a, b)| *a += b);
                add_transitions(&mut s.tr, &p.tr);
                s
            }
        });
    }
    let mut avg = sum.expect("at least one run");
    let n = ENSEMBLE as f32;
    avg.w.iter_mut().for_each(|a| *a /= n);
    avg.tr.start.iter_mut().for_each(|a| *a /= n);
    avg.tr.trans.iter_mut().for_each(|a| *a /= n);
    let _ = writeln!(
        log,
        "  averaged over {ENSEMBLE} runs: dev F1 {:.2}",
        100.0 * evaluate(&avg, dev).f1()
    );
    (avg, first_epochs)
}

/// Stage-2 keys of every token of a set, given stage-1 tags (flattened).
fn nonlocal_keys(set: &FeaturizedSet, tags1: &[usize]) -> (Vec<u64>, Vec<usize>) {
    let mut keys = vec![];
    let mut offsets = vec![0];
    for d in &set.docs {
        let first = set.sentences[d.start].start;
        let last = set.sentences[d.end - 1].end;
        let rel: Vec<Range<usize>> = set.sentences[d.clone()]
            .iter()
            .map(|r| r.start - first..r.end - first)
            .collect();
        nonlocal_features(
            &set.toks[first..last],
            &rel,
            &tags1[first..last],
            &mut keys,
            &mut offsets,
        );
    }
    (keys, offsets)
}

/// Where the BBC corpus sits relative to the CoNLL training file
/// (`data/conll2003/train.txt` → `data/bbc`).
fn bbc_dir(train: &Path) -> Option<PathBuf> {
    let dir = train.parent()?.parent()?.join("bbc");
    dir.is_dir().then_some(dir)
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    v.sort();
    Ok(v)
}

/// Unlabelled BBC text: body paragraphs (the title line is skipped).
fn read_bbc(dir: &Path) -> Result<Vec<RawSentence>, String> {
    let mut out = vec![];
    for cat in sorted_entries(dir)? {
        if !cat.is_dir() {
            continue;
        }
        for file in sorted_entries(&cat)? {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let text = text.replace("\r\n", "\n");
            for para in text.split("\n\n").skip(1) {
                out.extend(clusters::tokenize_paragraph(para));
            }
        }
    }
    Ok(out)
}

fn add_transitions(sum: &mut Transitions<f32>, t: &Transitions<f32>) {
    sum.start
        .iter_mut()
        .zip(&t.start)
        .for_each(|(a, b)| *a += b);
    sum.trans
        .iter_mut()
        .zip(&t.trans)
        .for_each(|(a, b)| *a += b);
}

/// What every ensemble member is trained from.
struct TrainingData<'a> {
    train_docs: &'a [LabeledDoc],
    dev_docs: &'a [LabeledDoc],
    words: &'a WordTable,
    /// Names of all training documents (for dev), and of all but one fold
    /// (for the training documents of that fold).
    gaz_all: &'a Gazetteer,
    gaz_folds: &'a [Gazetteer],
    t0: Instant,
}

/// Float weights by feature key, stage 1 in the first `NT` of a row and
/// stage 2 in the rest, and each stage's transitions: one trained member,
/// or the sum of several (a sum scores like the average).
struct KeyedWeights {
    rows: HashedMap<[f32; STAGES * NT]>,
    tr: [Transitions<f32>; STAGES],
}

impl KeyedWeights {
    fn new() -> Self {
        let zero = Transitions {
            start: [0.0; NT],
            trans: [0.0; NT * NT],
        };
        KeyedWeights {
            rows: HashedMap::default(),
            tr: [zero; STAGES],
        }
    }

    /// Add the weights of `p` (features `keys`, in index order) as stage `stage`.
    fn add(&mut self, stage: usize, keys: impl Iterator<Item = u64>, p: &Params) {
        for (i, k) in keys.enumerate() {
            let row = self.rows.entry(k).or_insert([0.0; STAGES * NT]);
            for t in 0..NT {
                row[stage * NT + t] += p.w[i * NT + t];
            }
        }
        add_transitions(&mut self.tr[stage], &p.tr);
    }

    /// Add another member's weights to these.
    fn merge(&mut self, other: KeyedWeights) {
        for (k, theirs) in other.rows {
            let row = self.rows.entry(k).or_insert([0.0; STAGES * NT]);
            row.iter_mut().zip(&theirs).for_each(|(a, b)| *a += b);
        }
        for (mine, theirs) in self.tr.iter_mut().zip(&other.tr) {
            add_transitions(mine, theirs);
        }
    }

    /// Integer weights (i16, transitions i32) with one scale per stage, as
    /// the model file holds them; features whose weights round to zero are
    /// dropped. Rows sorted by key.
    fn quantize(&self) -> ([Transitions<i32>; STAGES], Vec<(u64, TagWeights)>) {
        let scales: [f32; STAGES] = std::array::from_fn(|st| {
            let tr = &self.tr[st];
            let max = self
                .rows
                .values()
                .flat_map(|r| &r[st * NT..(st + 1) * NT])
                .chain(&tr.start)
                .chain(&tr.trans)
                .fold(0f32, |m, v| m.max(v.abs()))
                .max(1e-6);
            32000.0 / max
        });
        let tr = std::array::from_fn(|st| Transitions {
            start: self.tr[st].start.map(|v| (v * scales[st]).round() as i32),
            trans: self.tr[st].trans.map(|v| (v * scales[st]).round() as i32),
        });
        let mut keys: Vec<u64> = self.rows.keys().copied().collect();
        keys.sort_unstable();
        let feats = keys
            .into_iter()
            .filter_map(|k| {
                let row = &self.rows[&k];
                let ws: TagWeights =
                    std::array::from_fn(|t| (row[t] * scales[t / NT]).round() as i16);
                ws.iter().any(|&v| v != 0).then_some((k, ws))
            })
            .collect();
        (tr, feats)
    }
}

/// Train one ensemble member, reading word clustering `set`: stage 1 on
/// local features, then stage 2 on local plus document-level features.
fn train_member(d: &TrainingData, set: usize, seed: u64, log: &mut String) -> KeyedWeights {
    let train_f = featurize(d.train_docs, d.words, |i| &d.gaz_folds[i % FOLDS], set);
    let dev_f = featurize(d.dev_docs, d.words, |_| d.gaz_all, set);
    let (kept1, index1) = dictionary(&train_f.keys, 0);
    let nf1 = kept1.len();
    let index_local =
        |f: &FeaturizedSet| index_set(&[(&f.keys, &f.offsets)], &f.sentences, &f.gold, &index1);
    let train1 = index_local(&train_f);
    let dev1 = index_local(&dev_f);
    let _ = writeln!(
        log,
        "stage 1: {nf1} features (seen >= {MIN_FEATURE_COUNT} times); {} training tokens",
        train1.gold.len()
    );
    let all_train: Vec<usize> = (0..train1.sentences.len()).collect();
    let (p1, epochs1) = ensemble(&train1, nf1, &all_train, &dev1, seed, log);
    let _ = writeln!(
        log,
        "stage 1: best epoch {epochs1} ({:.1}s)",
        d.t0.elapsed().as_secs_f64()
    );

    // Stage-1 tags of the training documents from models of the other folds.
    let mut tags1_train = vec![0usize; train1.gold.len()];
    for fold in 0..FOLDS {
        let in_fold = |want: bool| -> Vec<usize> {
            let docs = train_f.docs.iter().enumerate();
            docs.filter(|(d, _)| (d % FOLDS == fold) == want)
                .flat_map(|(_, r)| r.clone())
                .collect()
        };
        let (held, rest) = (in_fold(true), in_fold(false));
        let mut quiet = String::new();
        let (pf, _) = perceptron(
            &train1,
            nf1,
            &rest,
            epochs1,
            None,
            seed ^ (fold as u64 + 1),
            &mut quiet,
        );
        for (si, tags) in predict(&pf, &train1, &held) {
            tags1_train[train1.sentences[si].clone()].copy_from_slice(&tags);
        }
    }
    let mut tags1_dev = vec![0usize; dev1.gold.len()];
    let all_dev: Vec<usize> = (0..dev1.sentences.len()).collect();
    for (si, tags) in predict(&p1, &dev1, &all_dev) {
        tags1_dev[dev1.sentences[si].clone()].copy_from_slice(&tags);
    }
    let _ = writeln!(
        log,
        "stage 1 tags of training documents from {FOLDS} folds ({:.1}s)",
        d.t0.elapsed().as_secs_f64()
    );

    // Stage 2: local plus document-level features.
    let (nl_train, nl_train_off) = nonlocal_keys(&train_f, &tags1_train);
    let (nl_dev, nl_dev_off) = nonlocal_keys(&dev_f, &tags1_dev);
    let (kept2, index2) = dictionary(&nl_train, nf1 as u32);
    let mut index12 = index1;
    index12.extend(index2.iter().map(|(&k, &v)| (k, v)));
    let nf2 = nf1 + kept2.len();
    let train2 = index_set(
        &[
            (&train_f.keys, &train_f.offsets),
            (&nl_train, &nl_train_off),
        ],
        &train_f.sentences,
        &train_f.gold,
        &index12,
    );
    let dev2 = index_set(
        &[(&dev_f.keys, &dev_f.offsets), (&nl_dev, &nl_dev_off)],
        &dev_f.sentences,
        &dev_f.gold,
        &index12,
    );
    let _ = writeln!(log, "stage 2: {} document-level features", kept2.len());
    let (p2, epochs2) = ensemble(&train2, nf2, &all_train, &dev2, seed, log);
    let _ = writeln!(
        log,
        "stage 2: best epoch {epochs2} ({:.1}s)",
        d.t0.elapsed().as_secs_f64()
    );

    let mut w = KeyedWeights::new();
    w.add(0, kept1.iter().copied(), &p1);
    w.add(1, kept1.iter().chain(&kept2).copied(), &p2);
    w
}

pub fn train(train: &Path, dev: &Path, out: &Path, seed: u64) -> Result<String, String> {
    let t0 = Instant::now();
    let mut report = String::new();
    let train_docs = conll::read(train)?;
    let dev_docs = conll::read(dev)?;

    let mut raw: Vec<RawSentence> = train_docs
        .iter()
        .chain(&dev_docs)
        .flat_map(|d| d.sentences.iter().map(|s| s.words.clone()))
        .collect();
    match bbc_dir(train) {
        Some(dir) => {
            let bbc = read_bbc(&dir)?;
            let _ = writeln!(
                report,
                "unlabelled text: {} BBC sentences from {}",
                bbc.len(),
                dir.display()
            );
            raw.extend(bbc);
        }
        None => {
            let _ = writeln!(
                report,
                "warning: no BBC corpus next to the training file; clusters from CoNLL text only"
            );
        }
    }
    let n_raw_tokens: usize = raw.iter().map(Vec::len).sum();
    let word_list = clusters::learn(&raw, seed);
    drop(raw);
    let words: WordTable = word_list.iter().copied().collect();
    let _ = writeln!(
        report,
        "word table: {} words from {n_raw_tokens} unlabelled tokens ({:.1}s)",
        word_list.len(),
        t0.elapsed().as_secs_f64()
    );

    // Known names: for a training document from the other folds only.
    let gaz_all = gazetteer_of(&train_docs, None);
    let gaz_folds: Vec<Gazetteer> = (0..FOLDS)
        .map(|f| gazetteer_of(&train_docs, Some(f)))
        .collect();
    let _ = writeln!(report, "gazetteer: {} training names", gaz_all.names.len());
    let data = TrainingData {
        train_docs: &train_docs,
        dev_docs: &dev_docs,
        words: &words,
        gaz_all: &gaz_all,
        gaz_folds: &gaz_folds,
        t0,
    };
    let mut sum = KeyedWeights::new();
    for set in 0..CLUSTER_SETS {
        let _ = writeln!(
            report,
            "member {} of {CLUSTER_SETS} (word clustering {set})",
            set + 1
        );
        let member_seed = seed.wrapping_add(set as u64 * 0x2545_F491_4F6C_DD1D);
        sum.merge(train_member(&data, set, member_seed, &mut report));
    }
    let (stages, feats) = sum.quantize();
    let bytes = write_model(&stages, &word_list, &feats, &gaz_all.sorted());
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    const _: () = assert!(STAGES == 2);

    // Check the file as shipped: reload it and score dev with integer weights.
    let model = crate::Model::from_bytes(&bytes)?;
    let dev_score = model.score_docs(&dev_docs);
    let _ = writeln!(
        report,
        "wrote {} ({} features, {:.2} MB); dev F1 of the shipped model {:.2}; total {:.1}s",
        out.display(),
        feats.len(),
        bytes.len() as f64 / 1e6,
        100.0 * dev_score.f1(),
        t0.elapsed().as_secs_f64()
    );
    Ok(report)
}
