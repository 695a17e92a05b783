//! CoNLL-2003 files: reading, IOB1 → BIO, and conlleval-style scoring.

use crate::features::{begin_tag, inside_tag, tag_type, TYPE_NAMES};
use std::fmt::Write as _;

/// One sentence of a CoNLL file with its BIO tag indices.
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
    let mut cur = LabeledSentence {
        words: vec![],
        tags: vec![],
    };
    let mut prev_type: Option<usize> = None;
    let flush = |docs: &mut Vec<LabeledDoc>, cur: &mut LabeledSentence| {
        if !cur.words.is_empty() {
            docs.last_mut().unwrap().sentences.push(std::mem::replace(
                cur,
                LabeledSentence {
                    words: vec![],
                    tags: vec![],
                },
            ));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut cur);
            prev_type = None;
            continue;
        }
        let mut cols = line.split_whitespace();
        let word = cols.next().unwrap_or_default();
        let tag = cols.last().unwrap_or("O");
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut cur);
            if !docs.last().unwrap().sentences.is_empty() {
                docs.push(LabeledDoc::default());
            }
            prev_type = None;
            continue;
        }
        let bio = if tag == "O" {
            prev_type = None;
            0
        } else {
            let (prefix, name) = tag
                .split_once('-')
                .ok_or_else(|| format!("line {}: bad tag {tag:?}", n + 1))?;
            let ty = type_index(name).ok_or_else(|| format!("line {}: bad type {tag:?}", n + 1))?;
            let begins = prefix == "B" || prev_type != Some(ty);
            prev_type = Some(ty);
            if begins {
                begin_tag(ty)
            } else {
                inside_tag(ty)
            }
        };
        cur.words.push(word.to_string());
        cur.tags.push(bio);
    }
    flush(&mut docs, &mut cur);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

pub fn read(path: &std::path::Path) -> Result<Vec<LabeledDoc>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text)
}

/// Entity chunks `(start, end, type)` of a BIO tag sequence (an I-X that
/// does not continue an X chunk starts one, as conlleval reads it).
pub fn chunks(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = vec![];
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = tag_type(t);
        let continues =
            matches!((open, ty), (Some((_, o)), Some(y)) if o == y && t == inside_tag(y));
        if !continues {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o));
            }
            if let Some(y) = ty {
                open = Some((i, y));
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

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nZorvan NNP I-NP I-ORG\nBlenko NNP I-NP B-ORG\nsaid VBD I-VP O\nQuel NNP I-NP I-PER\nBert NNP I-NP I-PER\n\nRain NN I-NP O\n\n-DOCSTART- -X- O O\n\nPlim NNP I-NP I-LOC\n";

    #[test]
    fn iob1_reads_as_bio_chunks() {
        let docs = parse(SAMPLE).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.tags, vec![3, 3, 0, 1, 2]);
        assert_eq!(chunks(&s.tags), vec![(0, 1, 1), (1, 2, 1), (3, 5, 0)]);
        assert_eq!(docs[1].sentences[0].tags, vec![5]);
    }

    #[test]
    fn stray_inside_tag_starts_a_chunk() {
        assert_eq!(chunks(&[0, 2, 2, 4]), vec![(1, 3, 0), (3, 4, 1)]);
    }

    #[test]
    fn scores_count_exact_chunks() {
        let mut sc = Score::default();
        sc.add(&[1, 2, 0, 5], &[1, 0, 0, 5]);
        assert_eq!(sc.totals(), (2, 2, 1));
        assert!((sc.f1() - 0.5).abs() < 1e-9);
        assert!(sc.report().contains("PER: precision:   0.00%"));
    }
}
