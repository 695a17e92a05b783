//! Training: averaged structured perceptron with Viterbi decoding.

use crate::clusters::{self, RawSentence};
use crate::conll::{self, LabeledDoc, Score};
use crate::features::{prepare_doc, token_features, Scratch, SentenceIn, WordTable, NT};
use crate::hash::{HashedMap, SplitMix};
use crate::model::{viterbi, write_model, TagWeights};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Features seen fewer times than this in training are dropped.
const MIN_FEATURE_COUNT: u32 = 2;
const MAX_EPOCHS: usize = 15;
/// Stop after this many epochs without a better dev F1.
const PATIENCE: usize = 3;

/// Tokens of a data set as feature keys.
pub struct FeaturizedSet {
    pub keys: Vec<u64>,
    /// Per token, its range in `keys` (`offsets[i]..offsets[i+1]`).
    pub offsets: Vec<usize>,
    /// Token ranges of sentences.
    pub sentences: Vec<Range<usize>>,
    pub gold: Vec<usize>,
}

/// Prepare and featurize labeled documents.
pub fn featurize(docs: &[LabeledDoc], words: &WordTable) -> FeaturizedSet {
    let mut set = FeaturizedSet {
        keys: vec![],
        offsets: vec![0],
        sentences: vec![],
        gold: vec![],
    };
    let mut sc = Scratch::default();
    for doc in docs {
        let ins: Vec<SentenceIn> = doc
            .sentences
            .iter()
            .map(|s| SentenceIn {
                words: s.words.iter().map(String::as_str).collect(),
                upper: false,
            })
            .collect();
        let toks = prepare_doc(&ins, words, &mut sc);
        let mut at = 0;
        for s in &doc.sentences {
            let sent = &toks[at..at + s.words.len()];
            let first = set.gold.len();
            for i in 0..sent.len() {
                token_features(sent, i, &mut set.keys);
                set.offsets.push(set.keys.len());
            }
            set.gold.extend_from_slice(&s.tags);
            set.sentences.push(first..set.gold.len());
            at += s.words.len();
        }
    }
    set
}

/// The same set with keys mapped to dense feature indices (unknown dropped).
struct IndexedSet {
    feats: Vec<u32>,
    offsets: Vec<usize>,
    sentences: Vec<Range<usize>>,
    gold: Vec<usize>,
}

fn index_set(set: FeaturizedSet, index: &HashedMap<u32>) -> IndexedSet {
    let mut feats = Vec::with_capacity(set.keys.len());
    let mut offsets = vec![0];
    for i in 0..set.gold.len() {
        for k in &set.keys[set.offsets[i]..set.offsets[i + 1]] {
            if let Some(&f) = index.get(k) {
                feats.push(f);
            }
        }
        offsets.push(feats.len());
    }
    IndexedSet {
        feats,
        offsets,
        sentences: set.sentences,
        gold: set.gold,
    }
}

/// Perceptron parameters (emission weights `w[f * NT + tag]`, then the
/// start and transition scores).
#[derive(Clone)]
struct Params {
    w: Vec<f32>,
    start: [f32; NT],
    trans: [f32; NT * NT],
}

fn decode(
    p: &Params,
    set: &IndexedSet,
    s: &Range<usize>,
    buf: &mut DecodeBuf,
    out: &mut Vec<usize>,
) {
    buf.emit.clear();
    buf.emit.resize(s.len() * NT, 0.0);
    for (j, i) in s.clone().enumerate() {
        let row = &mut buf.emit[j * NT..(j + 1) * NT];
        for &f in &set.feats[set.offsets[i]..set.offsets[i + 1]] {
            let ws = &p.w[f as usize * NT..(f as usize + 1) * NT];
            for t in 0..NT {
                row[t] += ws[t];
            }
        }
    }
    viterbi(
        &buf.emit,
        &p.start,
        &p.trans,
        &mut buf.score,
        &mut buf.back,
        out,
    );
}

#[derive(Default)]
struct DecodeBuf {
    emit: Vec<f32>,
    score: Vec<f32>,
    back: Vec<u8>,
}

fn evaluate(p: &Params, set: &IndexedSet) -> Score {
    let mut sc = Score::default();
    let mut buf = DecodeBuf::default();
    let mut pred = vec![];
    for s in &set.sentences {
        decode(p, set, s, &mut buf, &mut pred);
        sc.add(&set.gold[s.clone()], &pred);
    }
    sc
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

    let train_f = featurize(&train_docs, &words);
    let dev_f = featurize(&dev_docs, &words);
    let mut counts: HashedMap<u32> = HashedMap::default();
    for &k in &train_f.keys {
        *counts.entry(k).or_insert(0) += 1;
    }
    let mut kept: Vec<u64> = counts
        .iter()
        .filter(|(_, &c)| c >= MIN_FEATURE_COUNT)
        .map(|(&k, _)| k)
        .collect();
    kept.sort_unstable();
    let index: HashedMap<u32> = kept
        .iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect();
    let train_set = index_set(train_f, &index);
    let dev_set = index_set(dev_f, &index);
    let _ = writeln!(
        report,
        "features: {} kept of {} (count >= {MIN_FEATURE_COUNT}); {} training tokens",
        kept.len(),
        counts.len(),
        train_set.gold.len()
    );
    drop(counts);

    let nf = kept.len();
    let mut p = Params {
        w: vec![0.0; nf * NT],
        start: [0.0; NT],
        trans: [0.0; NT * NT],
    };
    // Sums of (update × time) for averaging: avg = w - acc / c.
    let mut acc = p.clone();
    let mut c: f32 = 1.0;
    let mut rng = SplitMix::new(seed);
    let mut order: Vec<usize> = (0..train_set.sentences.len()).collect();
    let mut buf = DecodeBuf::default();
    let mut pred = vec![];
    let mut best: Option<(usize, f64, Params)> = None;
    for epoch in 1..=MAX_EPOCHS {
        rng.shuffle(&mut order);
        let mut errors = 0;
        for &si in &order {
            let s = train_set.sentences[si].clone();
            decode(&p, &train_set, &s, &mut buf, &mut pred);
            let gold = &train_set.gold[s.clone()];
            if pred.as_slice() != gold {
                errors += 1;
                for (j, i) in s.clone().enumerate() {
                    let (g, q) = (gold[j], pred[j]);
                    if g != q {
                        for &f in &train_set.feats[train_set.offsets[i]..train_set.offsets[i + 1]] {
                            let f = f as usize * NT;
                            p.w[f + g] += 1.0;
                            acc.w[f + g] += c;
                            p.w[f + q] -= 1.0;
                            acc.w[f + q] -= c;
                        }
                    }
                    let same_prev = j == 0 || gold[j - 1] == pred[j - 1];
                    if g != q || !same_prev {
                        if j == 0 {
                            p.start[g] += 1.0;
                            acc.start[g] += c;
                            p.start[q] -= 1.0;
                            acc.start[q] -= c;
                        } else {
                            let (a, b) = (gold[j - 1] * NT + g, pred[j - 1] * NT + q);
                            p.trans[a] += 1.0;
                            acc.trans[a] += c;
                            p.trans[b] -= 1.0;
                            acc.trans[b] -= c;
                        }
                    }
                }
            }
            c += 1.0;
        }
        let avg = Params {
            w: p.w.iter().zip(&acc.w).map(|(w, a)| w - a / c).collect(),
            start: std::array::from_fn(|t| p.start[t] - acc.start[t] / c),
            trans: std::array::from_fn(|t| p.trans[t] - acc.trans[t] / c),
        };
        let f1 = evaluate(&avg, &dev_set).f1();
        let _ = writeln!(
            report,
            "epoch {epoch:2}: {errors} sentences wrong; dev F1 {:.2} ({:.1}s)",
            100.0 * f1,
            t0.elapsed().as_secs_f64()
        );
        let better = best.as_ref().is_none_or(|b| f1 > b.1);
        if better {
            best = Some((epoch, f1, avg));
        } else if epoch - best.as_ref().unwrap().0 >= PATIENCE {
            break;
        }
    }
    let (epoch, f1, avg) = best.ok_or("no training data")?;
    let _ = writeln!(report, "best epoch {epoch}: dev F1 {:.2}", 100.0 * f1);

    // Quantize to i16 with one scale for all weights; drop all-zero features.
    let max = avg
        .w
        .iter()
        .chain(&avg.start)
        .chain(&avg.trans)
        .fold(0f32, |m, v| m.max(v.abs()))
        .max(1e-6);
    let scale = 32000.0 / max;
    let q = |v: f32| (v * scale).round();
    let mut feats: Vec<(u64, TagWeights)> = vec![];
    for (i, &k) in kept.iter().enumerate() {
        let ws: TagWeights = std::array::from_fn(|t| q(avg.w[i * NT + t]) as i16);
        if ws.iter().any(|&v| v != 0) {
            feats.push((k, ws));
        }
    }
    let start = avg.start.map(|v| q(v) as i32);
    let trans = avg.trans.map(|v| q(v) as i32);
    let bytes = write_model(scale, &start, &trans, &word_list, &feats);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;

    // Check the file as shipped: reload it and score dev with integer weights.
    let model = crate::Model::from_bytes(&bytes)?;
    let dev_score = model.score_docs(&dev_docs);
    let _ = writeln!(
        report,
        "wrote {} ({} features, {:.2} MB); dev F1 of the quantized model {:.2}; total {:.1}s",
        out.display(),
        feats.len(),
        bytes.len() as f64 / 1e6,
        100.0 * dev_score.f1(),
        t0.elapsed().as_secs_f64()
    );
    Ok(report)
}
