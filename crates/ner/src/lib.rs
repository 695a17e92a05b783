//! Named-entity recognizer: a statistical sequence tagger trained on CoNLL-2003.
//!
//! An averaged structured perceptron over BIO tags with first-order Viterbi
//! decoding. Features: word forms around the token, word shapes, prefixes and
//! suffixes, capitalization in context (sentence start, all-caps headlines,
//! how the word is written elsewhere in the document), general word lists
//! (titles, organization and place words, months, days), and word clusters
//! plus capitalization rates learned from unlabelled text. The trained model
//! is embedded in the binary (`model/ner.bin`); `train_command` rebuilds it
//! byte for byte from the data and a seed.

mod clusters;
mod conll;
mod features;
mod hash;
mod lexicon;
mod model;
mod train;

use features::{prepare_doc, token_features, Scratch, SentenceIn, TokInfo, WordTable, NT};
use model::{Decoder, Weights};
use newsparse_core::{BlockKind, ByteSpan, Doc, EntityKind, EntityMention};
use std::ops::Range;
use std::sync::OnceLock;

pub use conll::Score;

static EMBEDDED: &[u8] = include_bytes!("../model/ner.bin");

/// The recognizer's model.
pub struct Model {
    weights: Weights,
    words: WordTable,
}

/// Entity kind of a tag type index (`features::TYPE_NAMES` order).
fn kind_of(ty: usize) -> EntityKind {
    match ty {
        0 => EntityKind::Person,
        1 => EntityKind::Organization,
        2 => EntityKind::Place,
        _ => EntityKind::Misc,
    }
}

/// Whether a headline is written in Title Case (most longer words
/// capitalized), as opposed to sentence case or all caps.
fn is_title_case(words: &[&str]) -> bool {
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    let upper = long.iter().filter(|w| features::starts_upper(w)).count();
    let all_caps = long.iter().all(|w| !w.chars().any(char::is_lowercase));
    long.len() >= 2 && !all_caps && upper * 10 >= long.len() * 8
}

impl Model {
    /// The model embedded in the binary, loaded once per process.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(EMBEDDED).expect("the embedded NER model is valid"))
    }

    /// Load a model from the bytes of a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let (weights, words) = model::read_model(bytes)?;
        Ok(Model { weights, words })
    }

    /// Tag prepared sentences; calls `emit(sentence, tags)` for each.
    fn tag_prepared(
        &self,
        toks: &[TokInfo],
        sentences: &[Range<usize>],
        mut emit: impl FnMut(usize, &[usize]),
    ) {
        let mut dec = Decoder::default();
        let mut keys = Vec::with_capacity(64 * 48);
        let mut offsets = Vec::with_capacity(64);
        let mut tags = Vec::with_capacity(64);
        for (si, r) in sentences.iter().enumerate() {
            let sent = &toks[r.clone()];
            keys.clear();
            offsets.clear();
            offsets.push(0);
            for i in 0..sent.len() {
                token_features(sent, i, &mut keys);
                offsets.push(keys.len());
            }
            dec.decode(&self.weights, &keys, &offsets, &mut tags);
            emit(si, &tags);
        }
    }

    /// Tag the sentences of one document given as words; returns, per
    /// sentence, its BIO tag indices.
    fn tag_sentence_words(&self, sents: &[SentenceIn]) -> Vec<Vec<usize>> {
        let toks = prepare_doc(sents, &self.words, &mut Scratch::default());
        let ranges = sentence_ranges(sents);
        let mut out = vec![vec![]; sents.len()];
        self.tag_prepared(&toks, &ranges, |si, tags| out[si] = tags.to_vec());
        out
    }

    /// Tag one document given as sentences of words. Returns the entities
    /// as (sentence index, token range, kind), in text order.
    pub fn tag_words(&self, sentences: &[Vec<&str>]) -> Vec<(usize, Range<usize>, EntityKind)> {
        let ins: Vec<SentenceIn> = sentences
            .iter()
            .map(|w| SentenceIn {
                words: w.clone(),
                upper: false,
            })
            .collect();
        let mut out = vec![];
        for (si, tags) in self.tag_sentence_words(&ins).iter().enumerate() {
            for (s, e, ty) in conll::chunks(tags) {
                out.push((si, s..e, kind_of(ty)));
            }
        }
        out
    }

    /// Score the model on labeled CoNLL documents.
    pub(crate) fn score_docs(&self, docs: &[conll::LabeledDoc]) -> Score {
        let mut score = Score::default();
        for d in docs {
            let ins: Vec<SentenceIn> = d
                .sentences
                .iter()
                .map(|s| SentenceIn {
                    words: s.words.iter().map(String::as_str).collect(),
                    upper: false,
                })
                .collect();
            let pred = self.tag_sentence_words(&ins);
            for (s, p) in d.sentences.iter().zip(&pred) {
                score.add(&s.tags, p);
            }
        }
        score
    }

    /// Tag every sentence of the document; mentions in text order.
    pub fn tag(&self, doc: &Doc) -> Vec<EntityMention> {
        let ins: Vec<SentenceIn> = doc
            .sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.tokens.clone().map(|i| doc.token_text(i)).collect();
                let kind = doc.paragraphs.get(s.paragraph).map(|p| p.kind);
                let headline = matches!(kind, Some(BlockKind::Title | BlockKind::Subtitle));
                let upper = headline && is_title_case(&words);
                SentenceIn { words, upper }
            })
            .collect();
        let toks = prepare_doc(&ins, &self.words, &mut Scratch::default());
        let ranges = sentence_ranges(&ins);
        let mut out = vec![];
        self.tag_prepared(&toks, &ranges, |si, tags| {
            let base = doc.sentences[si].tokens.start;
            for (s, e, ty) in conll::chunks(tags) {
                out.push(EntityMention {
                    kind: kind_of(ty),
                    span: ByteSpan::new(
                        doc.tokens[base + s].span.start,
                        doc.tokens[base + e - 1].span.end,
                    ),
                });
            }
        });
        out
    }
}

fn sentence_ranges(sents: &[SentenceIn]) -> Vec<Range<usize>> {
    let mut at = 0;
    sents
        .iter()
        .map(|s| {
            at += s.words.len();
            at - s.words.len()..at
        })
        .collect()
}

/// `newsparse train-ner`: train on `train`, tune on `dev`, write the model to
/// `out`. Deterministic for a given seed. Returns a human-readable report.
///
/// Word clusters are learned from the CoNLL train and dev token text plus the
/// BBC corpus found at `../bbc` relative to the training file's folder.
pub fn train_command(
    train: &std::path::Path,
    dev: &std::path::Path,
    out: &std::path::Path,
    seed: u64,
) -> Result<String, String> {
    train::train(train, dev, out, seed)
}

/// `newsparse eval-ner FILE`: conlleval-style precision, recall and F1,
/// overall and per type, of the embedded model on a CoNLL-format file.
pub fn eval_command(file: &std::path::Path) -> Result<String, String> {
    let docs = conll::read(file)?;
    Ok(Model::embedded().score_docs(&docs).report())
}

/// Score a model file (not necessarily the embedded one) on a CoNLL file.
pub fn eval_model_file(model: &std::path::Path, file: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(model).map_err(|e| format!("{}: {e}", model.display()))?;
    let m = Model::from_bytes(&bytes)?;
    let docs = conll::read(file)?;
    Ok(m.score_docs(&docs).report())
}

const _: () = assert!(NT == 9);
