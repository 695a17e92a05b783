//! CoNLL-2003 files: reading (IOB1 or IOB2 → the tagger's BILOU), and
//! conlleval-style scoring.

use crate::features::{chunk_goes_on, continues_chunk, encode_chunks, tag_type, TYPE_NAMES};
use std::fmt::Write as _;

/// One sentence of a CoNLL file with its BILOU tag indices.
#[derive(Debug, Clone)]
pub struct LabeledSentence {
    pub words: Vec<String>,
    pub tags: Vec<usize>,
}

/// A `-DOCSTART-`-delimited document.
#[derive(Debug, Clone, Default)]
pub struct LabeledDoc {
    pub sentences: Vec<LabeledSentence>,
}

fn type_index(name: &str) -> Option<usize> {
    TYPE_NAMES.iter().position(|t| *t == name)
}

/// Parse CoNLL text (word first, NER tag last on each line; IOB1 or IOB2).
pub fn parse(text: &str) -> Result<Vec<LabeledDoc>, String> {
    let mut docs = vec![LabeledDoc::default()];
    let mut words: Vec<String> = vec![];
    // Chunks `(start, end, type)` of the sentence being read.
    let mut chunks: Vec<(usize, usize, usize)> = vec![];
    let mut prev_type: Option<usize> = None;
    let flush = |docs: &mut Vec<LabeledDoc>,
                 words: &mut Vec<String>,
                 chunks: &mut Vec<(usize, usize, usize)>| {
        if !words.is_empty() {
            let tags = encode_chunks(words.len(), chunks);
            docs.last_mut().unwrap().sentences.push(LabeledSentence {
                words: std::mem::take(words),
                tags,
            });
        }
        chunks.clear();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut words, &mut chunks);
            prev_type = None;
            continue;
        }
        let mut cols = line.split_whitespace();
        let word = cols.next().unwrap_or_default();
        let tag = cols.last().unwrap_or("O");
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut chunks);
            if !docs.last().unwrap().sentences.is_empty() {
                docs.push(LabeledDoc::default());
            }
            prev_type = None;
            continue;
        }
        let at = words.len();
        words.push(word.to_string());
        if tag == "O" {
            prev_type = None;
            continue;
        }
        let (prefix, name) = tag
            .split_once('-')
            .ok_or_else(|| format!("line {}: bad tag {tag:?}", n + 1))?;
        let ty = type_index(name).ok_or_else(|| format!("line {}: bad type {tag:?}", n + 1))?;
        // IOB1: I- begins a chunk unless it continues one of its type.
        match chunks.last_mut() {
            Some(c) if prefix != "B" && prev_type == Some(ty) => c.1 = at + 1,
            _ => chunks.push((at, at + 1, ty)),
        }
        prev_type = Some(ty);
    }
    flush(&mut docs, &mut words, &mut chunks);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

pub fn read(path: &std::path::Path) -> Result<Vec<LabeledDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text)
}

/// Entity chunks `(start, end, type)` of a BILOU tag sequence. A chunk ends
/// at a Last or Unit tag or where the next tag does not continue it; an
/// Inside or Last tag that continues nothing starts a chunk, as conlleval
/// reads a stray I-.
pub fn chunks(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = vec![];
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = tag_type(t);
        let continues =
            matches!((open, ty), (Some((_, o)), Some(y)) if o == y && continues_chunk(t));
        if !continues {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o));
            }
            if let Some(y) = ty {
                open = Some((i, y));
            }
        }
        if ty.is_some() && !chunk_goes_on(t) {
            if let Some((s, o)) = open.take() {
                out.push((s, i + 1, o));
            }
        }
    }
    if let Some((s, o)) = open {
        out.push((s, tags.len(), o));
    }
    out
}

/// Counts for conlleval-style scores.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub tokens: usize,
    pub tokens_correct: usize,
    /// Per type: (gold, found, correct).
    pub per_type: [(usize, usize, usize); 4],
}

fn prf(gold: usize, found: usize, correct: usize) -> (f64, f64, f64) {
    let p = if found > 0 {
        correct as f64 / found as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        correct as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

impl Score {
    pub fn add(&mut self, gold: &[usize], pred: &[usize]) {
        self.tokens += gold.len();
        self.tokens_correct += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &g {
            self.per_type[c.2].0 += 1;
        }
        for c in &p {
            self.per_type[c.2].1 += 1;
            if g.binary_search(c).is_ok() {
                self.per_type[c.2].2 += 1;
            }
        }
    }
    pub fn totals(&self) -> (usize, usize, usize) {
        self.per_type
            .iter()
            .fold((0, 0, 0), |a, t| (a.0 + t.0, a.1 + t.1, a.2 + t.2))
    }
    /// Overall F1 in 0..1.
    pub fn f1(&self) -> f64 {
        let (g, f, c) = self.totals();
        prf(g, f, c).2
    }
    /// Per-type F1 in 0..1, in `TYPE_NAMES` order.
    pub fn type_f1(&self, ty: usize) -> f64 {
        let (g, f, c) = self.per_type[ty];
        prf(g, f, c).2
    }
    /// A report in conlleval's layout.
    pub fn report(&self) -> String {
        let (g, f, c) = self.totals();
        let (p, r, f1) = prf(g, f, c);
        let mut s = String::new();
        let _ = writeln!(
            s,
            "processed {} tokens with {g} phrases; found: {f} phrases; correct: {c}.",
            self.tokens
        );
        let acc = 100.0 * self.tokens_correct as f64 / self.tokens.max(1) as f64;
        let _ = writeln!(
            s,
            "accuracy: {acc:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            100.0 * p,
            100.0 * r,
            100.0 * f1
        );
        let mut order: Vec<usize> = (0..4).collect();
        order.sort_by_key(|&t| TYPE_NAMES[t]);
        for t in order {
            let (g, f, c) = self.per_type[t];
            let (p, r, f1) = prf(g, f, c);
            let _ = writeln!(
                s,
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {f}",
                TYPE_NAMES[t],
                100.0 * p,
                100.0 * r,
                100.0 * f1
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{chunk_tag, ChunkPos::*};

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nZorvan NNP I-NP I-ORG\nBlenko NNP I-NP B-ORG\nsaid VBD I-VP O\nQuel NNP I-NP I-PER\nBert NNP I-NP I-PER\n\nRain NN I-NP O\n\n-DOCSTART- -X- O O\n\nPlim NNP I-NP I-LOC\n";

    #[test]
    fn iob1_reads_as_bilou_chunks() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        let s = &docs[0].sentences[0];
        let org = chunk_tag(1, Unit);
        assert_eq!(
            s.tags,
            vec![org, org, 0, chunk_tag(0, Begin), chunk_tag(0, Last)]
        );
        assert_eq!(chunks(&s.tags), vec![(0, 1, 1), (1, 2, 1), (3, 5, 0)]);
        assert_eq!(docs[1].sentences[0].tags, vec![chunk_tag(2, Unit)]);
    }

    #[test]
    fn stray_tags_start_chunks_and_last_tags_end_them() {
        let (i_per, l_per) = (chunk_tag(0, Inside), chunk_tag(0, Last));
        let i_org = chunk_tag(1, Inside);
        assert_eq!(
            chunks(&[0, i_per, l_per, i_org]),
            vec![(1, 3, 0), (3, 4, 1)]
        );
        assert_eq!(chunks(&[l_per, l_per]), vec![(0, 1, 0), (1, 2, 0)]);
    }

    #[test]
    fn scores_count_exact_chunks() {
        let mut sc = Score::default();
        let (b, l, u) = (chunk_tag(0, Begin), chunk_tag(0, Last), chunk_tag(2, Unit));
        sc.add(&[b, l, 0, u], &[chunk_tag(0, Unit), 0, 0, u]);
        assert_eq!(sc.totals(), (2, 2, 1));
        assert!((sc.f1() - 0.5).abs() < 1e-9);
        assert!(sc.report().contains("PER: precision:   0.00%"));
    }
}
