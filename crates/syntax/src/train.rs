//! Training and evaluation.

use std::path::Path;
use std::time::Instant;

use crate::conllu::{self, Sentence};
use crate::labels::Upos;
use crate::model;
use crate::parser::{self, TrainOptions, Trainer};
use crate::tagger;
use crate::words::WordInfo;
use crate::Model;

/// One parser of the model: its reading direction and its seed (the
/// order it visits the training sentences in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParserRun {
    pub reverse: bool,
    pub seed: u64,
}

impl ParserRun {
    /// Parsers as `train-syntax --parsers` names them: `f` (left to right)
    /// or `r` (right to left) and a seed, comma-separated: `f1,r1,f2`.
    pub fn parse_list(list: &str) -> Result<Vec<ParserRun>, String> {
        let runs = list
            .split(',')
            .map(|p| {
                let p = p.trim();
                let reverse = match p.chars().next() {
                    Some('f') => false,
                    Some('r') => true,
                    _ => return Err(format!("parser {p:?}: start with f (left to right) or r (right to left), then a seed: f1")),
                };
                let seed = p[1..]
                    .parse()
                    .map_err(|_| format!("parser {p:?}: the seed after {:?} must be a number: f1", &p[..1]))?;
                Ok(ParserRun { reverse, seed })
            })
            .collect::<Result<Vec<_>, _>>()?;
        for (i, r) in runs.iter().enumerate() {
            if runs[..i].contains(r) {
                let name = ParserRun::list_name(std::slice::from_ref(r));
                return Err(format!(
                    "parser {name} given twice: it would train the same parser again"
                ));
            }
        }
        Ok(runs)
    }

    /// The list as `parse_list` reads it.
    pub fn list_name(runs: &[ParserRun]) -> String {
        runs.iter()
            .map(|r| format!("{}{}", if r.reverse { 'r' } else { 'f' }, r.seed))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What training does; `Default` is the shipped model's configuration.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// The tagger's seed.
    pub seed: u64,
    pub tagger_epochs: usize,
    /// Tag from the last word to the first.
    pub tagger_reverse: bool,
    /// The tagger's classes refine UPOS by the XPOS tags seen this often
    /// with it (0: UPOS alone); the parser reads the classes.
    pub xpos_min_count: usize,
    /// Folds for jackknifing the tagger (the parser trains on tags
    /// predicted by a tagger that did not see the sentence).
    pub folds: usize,
    /// The parsers, trained on the same tags, each choosing its own best
    /// epoch; with several, their trees vote (`ensemble`).
    pub parsers: Vec<ParserRun>,
    pub parser_epochs: usize,
    /// Beam width of the parsers (1: greedy with a dynamic oracle).
    pub beam: usize,
    /// Beam training by max-violation updates (else early updates).
    pub max_violation: bool,
    pub explore_from: usize,
    pub explore_permille: u64,
    /// Quantized weights below this magnitude are dropped (the largest is
    /// `i16::MAX`)…
    pub min_weight: i16,
    /// …and the threshold is raised by half again until each parser, with
    /// the tagger, would make a model file at most this large.
    pub max_bytes: usize,
    /// Print each line of the report on stderr as it is made.
    pub progress: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 1,
            tagger_epochs: 8,
            tagger_reverse: true,
            xpos_min_count: 20,
            folds: 10,
            // Eight parsers voting, four each way: f1,r1,f2,r2,f3,r3,f4,r4
            // (README, Syntax model, for what one, four or six give and
            // cost).
            parsers: (1..=4)
                .flat_map(|seed| [false, true].map(|reverse| ParserRun { reverse, seed }))
                .collect(),
            parser_epochs: 15,
            beam: 8,
            max_violation: true,
            explore_from: 1,
            explore_permille: 900,
            min_weight: 300,
            max_bytes: 40_000_000,
            progress: false,
        }
    }
}

/// Accuracy and speed of a model on gold-tokenized sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    pub tokens: usize,
    pub upos: f64,
    pub uas: f64,
    pub las: f64,
    /// Tokens per second (wall clock) of tagging alone, and of tagging and
    /// parsing.
    pub tag_speed: f64,
    pub parse_speed: f64,
}

impl Scores {
    pub fn report(&self) -> String {
        format!(
            "tokens {}\nUPOS {:.2}\nUAS {:.2}\nLAS {:.2}\ntagging {:.0} tokens/s\ntagging+parsing {:.0} tokens/s\n",
            self.tokens,
            100.0 * self.upos,
            100.0 * self.uas,
            100.0 * self.las,
            self.tag_speed,
            self.parse_speed
        )
    }
}

/// Score `m` on `sents` (gold tokens; punctuation included; LAS compares
/// the universal part of the relation, as the CoNLL 2018 shared task does).
pub fn score(m: &Model, sents: &[Sentence]) -> Scores {
    score_with_beam(m, sents, m.beam())
}

/// [`score`] with another beam width than the model's.
pub fn score_with_beam(m: &Model, sents: &[Sentence], beam: usize) -> Scores {
    score_parsers(m, sents, beam, m.parsers())
}

/// [`score`] of the first `count` parsers' vote, searching with `beam`.
fn score_parsers(m: &Model, sents: &[Sentence], beam: usize, count: usize) -> Scores {
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let t0 = Instant::now();
    let tags: Vec<Vec<Upos>> = words.iter().map(|w| m.tag(w)).collect();
    let tag_secs = t0.elapsed().as_secs_f64();
    let t1 = Instant::now();
    let parsed: Vec<crate::Parsed> = words.iter().map(|w| m.parse_with(w, beam, count)).collect();
    let parse_secs = t1.elapsed().as_secs_f64();
    let (mut n, mut pos, mut ua, mut la) = (0usize, 0usize, 0usize, 0usize);
    for ((s, p), t) in sents.iter().zip(&parsed).zip(&tags) {
        debug_assert_eq!(&p.upos, t);
        for i in 0..s.words.len() {
            n += 1;
            pos += usize::from(p.upos[i] == s.upos[i]);
            if p.head[i] == s.head[i] {
                ua += 1;
                la += usize::from(p.deprel[i].universal() == s.deprel[i].universal());
            }
        }
    }
    let d = n.max(1) as f64;
    Scores {
        tokens: n,
        upos: pos as f64 / d,
        uas: ua as f64 / d,
        las: la as f64 / d,
        tag_speed: n as f64 / tag_secs.max(1e-9),
        parse_speed: n as f64 / parse_secs.max(1e-9),
    }
}

/// The jackknife's output.
struct Jackknifed {
    /// The tagger's classes, made from the whole training set.
    classes: Vec<(Upos, String)>,
    /// Each training sentence's classes from the tagger of the other folds…
    tags: Vec<Vec<u8>>,
    /// …and the UPOS tags that tagger read them as.
    upos: Vec<Vec<Upos>>,
    folds: usize,
}

/// Tagger classes for each training sentence from a tagger trained on the
/// other folds.
fn jackknife(train: &[Sentence], cfg: &TrainConfig) -> Jackknifed {
    let all: Vec<&Sentence> = train.iter().collect();
    let classes = &tagger::make_classes(&all, cfg.xpos_min_count);
    // Jackknifed tags for the parser's training data.
    let folds = cfg.folds.max(2).min(train.len());
    let chunk = train.len().div_ceil(folds);
    let fold_tags: Vec<Vec<(Vec<u8>, Vec<Upos>)>> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..folds)
            .map(|f| {
                let all = &all;
                sc.spawn(move || {
                    let (a, b) = (f * chunk, ((f + 1) * chunk).min(all.len()));
                    let rest: Vec<&Sentence> = all[..a].iter().chain(&all[b..]).copied().collect();
                    let t = tagger::train(
                        &rest,
                        cfg.tagger_epochs,
                        cfg.seed + f as u64 + 1,
                        classes,
                        cfg.tagger_reverse,
                    );
                    let mut scratch = tagger::Scratch::default();
                    all[a..b]
                        .iter()
                        .map(|s| {
                            let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                            let c = t.tag_infos(&tagger::padded(&w), &mut scratch);
                            let u = t.upos_of(&c);
                            (c, u)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a tagger fold panicked"))
            .collect()
    });
    let (tags, upos) = fold_tags.into_iter().flatten().unzip();
    Jackknifed {
        classes: classes.clone(),
        tags,
        upos,
        folds,
    }
}

/// `newsparse eval-syntax FILE [--model PATH]`: the embedded model, or
/// the model file at `model`.
/// With several parsers, the first parser alone is scored too (what
/// `Model::parse_fast` gives).
pub fn eval_command(file: &Path, model: Option<&Path>) -> Result<String, String> {
    let sents = conllu::read(file)?;
    let read;
    let all = match model {
        None => Model::embedded(),
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            read = Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", p.display()))?;
            &read
        }
    };
    let mut report = score(all, &sents).report();
    if all.parsers() > 1 {
        let s = score_parsers(all, &sents, all.beam(), 1);
        report.push_str(&format!(
            "parsers {} voting\nfirst parser alone: UAS {:.2} LAS {:.2}, tagging+parsing {:.0} tokens/s\n",
            all.parsers(),
            100.0 * s.uas,
            100.0 * s.las,
            s.parse_speed
        ));
    }
    Ok(report)
}

/// Train a model; gives its bytes and a report.
pub fn train_bytes(
    train: &[Sentence],
    dev: &[Sentence],
    cfg: &TrainConfig,
) -> Result<(Vec<u8>, String), String> {
    if train.is_empty() {
        return Err("no training sentences".into());
    }
    if cfg.parsers.is_empty() {
        return Err("no parsers to train".into());
    }
    let mut report = String::new();
    let say = |report: &mut String, line: String| {
        if cfg.progress {
            eprint!("{line}");
        }
        report.push_str(&line);
    };
    let started = Instant::now();
    let all: Vec<&Sentence> = train.iter().collect();
    let Jackknifed {
        classes,
        tags: jack,
        upos,
        folds,
    } = jackknife(train, cfg);
    let (mut right, mut n) = (0, 0);
    for (s, t) in train.iter().zip(&upos) {
        n += t.len();
        right += s.upos.iter().zip(t).filter(|(a, b)| a == b).count();
    }
    say(
        &mut report,
        format!(
            "jackknifed tags ({folds} folds): {:.2}% on train\n",
            100.0 * right as f64 / n.max(1) as f64
        ),
    );
    let final_tagger = tagger::train(
        &all,
        cfg.tagger_epochs,
        cfg.seed,
        &classes,
        cfg.tagger_reverse,
    );
    // What every parser reads of the training words, made once.
    let words: Vec<Vec<WordInfo>> = train
        .iter()
        .map(|s| {
            let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let mut p = tagger::padded(&w);
            final_tagger.set_amb(&mut p);
            p
        })
        .collect();
    // Each epoch's file starts with these bytes: written once.
    let head = model::head(&final_tagger);
    // The parsers are independent: one thread each.
    let trained: Vec<Result<(parser::Parser, String), String>> = std::thread::scope(|sc| {
        let handles: Vec<_> = cfg
            .parsers
            .iter()
            .enumerate()
            .map(|(k, run)| {
                let (head, jack, words) = (&head, &jack, &words);
                sc.spawn(move || train_parser(k, *run, train, words, jack, dev, head, cfg, started))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a parser's training panicked"))
            .collect()
    });
    let mut parsers = vec![];
    for t in trained {
        let (p, r) = t?;
        report.push_str(&r);
        parsers.push(p);
    }
    let bytes = model::write_after(&head, &parsers);
    let s = score(&Model::from_bytes(&bytes)?, dev);
    say(
        &mut report,
        format!(
            "{}: dev UPOS {:.2} UAS {:.2} LAS {:.2}; model {} bytes\n",
            match parsers.len() {
                1 => "one parser".to_string(),
                n => format!("{n} parsers voting"),
            },
            100.0 * s.upos,
            100.0 * s.uas,
            100.0 * s.las,
            bytes.len()
        ),
    );
    Ok((bytes, report))
}

/// Train parser `k` of the model on the training sentences' padded words
/// (`words`, ambiguity classes set) and jackknifed tags; gives the parser
/// of its best epoch on `dev` (scored alone, in a model file that begins
/// with `head`) and its report.
#[allow(clippy::too_many_arguments)]
fn train_parser(
    k: usize,
    run: ParserRun,
    train: &[Sentence],
    words: &[Vec<WordInfo>],
    jack: &[Vec<u8>],
    dev: &[Sentence],
    head: &[u8],
    cfg: &TrainConfig,
    started: Instant,
) -> Result<(parser::Parser, String), String> {
    let mut report = String::new();
    let name = format!(
        "parser {} ({}, seed {})",
        k + 1,
        if run.reverse {
            "right to left"
        } else {
            "left to right"
        },
        run.seed
    );
    let mut say = |line: String| {
        let line = format!("{name}: {line}");
        if cfg.progress {
            eprint!("{line}");
        }
        report.push_str(&line);
    };
    let examples: Vec<parser::Example> = train
        .iter()
        .zip(words)
        .zip(jack)
        .map(|((s, w), t)| parser::example(w, t, &s.head, &s.deprel, run.reverse))
        .collect();
    let mut trainer = Trainer::new(TrainOptions {
        seed: run.seed,
        beam: cfg.beam.max(1),
        max_violation: cfg.max_violation,
        explore_from: cfg.explore_from,
        explore_permille: cfg.explore_permille,
        reverse: run.reverse,
    });
    let mut best: Option<(f64, usize, parser::Parser)> = None;
    for e in 0..cfg.parser_epochs {
        let err = if cfg.beam > 1 {
            trainer.beam_epoch(&examples)
        } else {
            trainer.epoch(&examples)
        };
        let full = trainer.parser(1);
        let mut min_weight = cfg.min_weight.max(1);
        let (parser, bytes) = loop {
            let p = full.pruned(min_weight);
            let bytes = model::write_after(head, std::slice::from_ref(&p));
            if bytes.len() <= cfg.max_bytes || min_weight == i16::MAX {
                break (p, bytes);
            }
            min_weight = min_weight.saturating_add(min_weight / 2 + 1);
        };
        let s = score(&Model::from_bytes(&bytes)?, dev);
        say(format!(
            "epoch {:2}: train errors {:.2}%, {} features, kept above {min_weight}; dev UAS {:.2} LAS {:.2} ({} MB, {:.0} s)\n",
            e + 1,
            100.0 * err,
            trainer.features(),
            100.0 * s.uas,
            100.0 * s.las,
            bytes.len() / 1_000_000,
            started.elapsed().as_secs_f64()
        ));
        if best.as_ref().is_none_or(|b| s.las > b.0) {
            best = Some((s.las, e + 1, parser));
        }
    }
    let (las, epoch, parser) = best.ok_or("no parser epochs")?;
    say(format!("kept epoch {epoch} (dev LAS {:.2})\n", 100.0 * las));
    Ok((parser, report))
}

/// `newsparse train-syntax`: train on `train` files, choose the epoch on
/// `dev`, write the model to `out`.
pub fn train_command(
    train: &[std::path::PathBuf],
    dev: &Path,
    out: &Path,
    cfg: &TrainConfig,
) -> Result<String, String> {
    let mut sents = Vec::new();
    for f in train {
        sents.extend(conllu::read(f)?);
    }
    let dev = conllu::read(dev)?;
    let (bytes, mut report) = train_bytes(&sents, &dev, cfg)?;
    // Both or neither: each goes to a temporary file first.
    let lean = crate::pipeline_bytes(&bytes)?;
    let written = [(out.to_path_buf(), &bytes), (pipeline_path(out), &lean)];
    for (path, b) in &written {
        let tmp = path.with_extension("bin.tmp");
        std::fs::write(&tmp, b).map_err(|e| format!("{}: {e}", tmp.display()))?;
    }
    for (path, _) in &written {
        let tmp = path.with_extension("bin.tmp");
        std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))?;
        report.push_str(&format!("wrote {}\n", path.display()));
    }
    Ok(report)
}

/// Where `train-syntax` writes the pipeline's model beside the model at
/// `out`: `syntax.bin` → `syntax.pipeline.bin`.
pub fn pipeline_path(out: &Path) -> std::path::PathBuf {
    out.with_extension("pipeline.bin")
}

/// Train a tagger alone and give its accuracy on `dev` (for experiments).
#[doc(hidden)]
pub fn tagger_experiment(
    train: &[Sentence],
    dev: &[Sentence],
    epochs: usize,
    seed: u64,
    xpos_min_count: usize,
    reverse: bool,
) -> f64 {
    let all: Vec<&Sentence> = train.iter().collect();
    let t = tagger::train(
        &all,
        epochs,
        seed,
        &tagger::make_classes(&all, xpos_min_count),
        reverse,
    );
    let mut scratch = tagger::Scratch::default();
    let (mut right, mut n) = (0, 0);
    for s in dev {
        let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let p = t.tag_infos(&tagger::padded(&w), &mut scratch);
        n += p.len();
        right += p
            .iter()
            .zip(&s.upos)
            .filter(|(&a, &b)| t.upos(a) == b)
            .count();
    }
    right as f64 / n.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_lists() {
        let runs = ParserRun::parse_list("f1, r1,f12").unwrap();
        assert_eq!(
            runs,
            [
                ParserRun {
                    reverse: false,
                    seed: 1
                },
                ParserRun {
                    reverse: true,
                    seed: 1
                },
                ParserRun {
                    reverse: false,
                    seed: 12
                }
            ]
        );
        assert_eq!(ParserRun::list_name(&runs), "f1,r1,f12");
        assert!(ParserRun::parse_list("x1")
            .unwrap_err()
            .contains("start with f"));
        assert!(ParserRun::parse_list("f")
            .unwrap_err()
            .contains("must be a number"));
        let d = TrainConfig::default().parsers;
        assert_eq!(ParserRun::parse_list(&ParserRun::list_name(&d)).unwrap(), d);
    }

    /// Every fold's tagger numbers its classes as the whole training set
    /// does (each fold alone would rank VBD and NNS differently here), so
    /// a class means one thing to the parser.
    #[test]
    fn jackknifed_classes_mean_the_same_in_every_fold() {
        let mut text = String::new();
        for (vbd, nns) in [(30, 25), (25, 30)] {
            for _ in 0..5 {
                let mut i = 0;
                for (n, w, u, x) in [
                    (vbd / 5, "opened", "VERB", "VBD"),
                    (nns / 5, "bridges", "NOUN", "NNS"),
                ] {
                    for _ in 0..n {
                        i += 1;
                        text += &format!("{i}\t{w}\t_\t{u}\t{x}\t_\t0\troot\t_\t_\n");
                    }
                }
                text += "\n";
            }
        }
        let train = crate::conllu::parse(&text, "t").unwrap();
        let cfg = TrainConfig {
            folds: 2,
            tagger_epochs: 2,
            ..TrainConfig::default()
        };
        let j = jackknife(&train, &cfg);
        assert_eq!(j.classes.len(), Upos::COUNT + 2);
        for (c, u) in j.tags.iter().flatten().zip(j.upos.iter().flatten()) {
            assert_eq!(j.classes[*c as usize].0, *u);
        }
        assert!(j.tags.iter().flatten().any(|&c| c as usize >= Upos::COUNT));
    }
}
