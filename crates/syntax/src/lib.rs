//! Syntax: a UPOS tagger and a labelled dependency parser for English,
//! trained on Universal Dependencies (EWT train and GUM news train) and
//! embedded in the binary.
//!
//! Steps, for one sentence of words:
//! 1. each word's hashed views (normalized form, affixes, shape, flags:
//!    `words`);
//! 2. tags, greedily from the last word to the first, by an averaged
//!    perceptron with a dictionary of frequent unambiguous words
//!    (`tagger`; it trains on `Sentence::reversed`): its classes are
//!    the UPOS tags refined by the XPOS (Penn) tags seen at least 20 times
//!    with them (`VERB VBN`, `PRON PRP$`…, 85 in all); the caller gets the
//!    UPOS part, the parser reads the class. Each thread keeps, per word,
//!    its views and the summed weights of the features that read it
//!    alone, so a token looks up only the rest;
//! 3. the tree, by an arc-eager transition parser with the rich non-local
//!    features of Zhang & Nivre (2011), plus the tags between and around
//!    the stack top and the buffer front (as McDonald et al.'s graph
//!    parser has them), the punctuation between them, their suffixes,
//!    shapes and ambiguity classes, scored by an averaged perceptron
//!    and searched with a beam of 8 (`parser`: moves, features, training
//!    with a dynamic oracle and max-violation updates on jackknifed tags);
//!    a model may hold several such parsers (`train-syntax --parsers
//!    f1,r1,f2,r2`: left to right or right to left, and a seed each):
//!    each gives a tree, and the tree with the most votes wins, the
//!    maximum spanning tree over the arcs they chose (`ensemble`;
//!    `Model::parse_fast` is the first parser alone). The embedded model
//!    has eight (`f1,r1,f2,r2,f3,r3,f4,r4`); `Model::embedded_first`
//!    reads its tagger and first parser alone;
//! 4. the beam decoder (`decode`) gives exactly the scores of the plain
//!    one (kept as `Parser::parse_reference`) with far fewer lookups: the
//!    features are summed by the parts each reads (a word in a role, a
//!    label, the stack top's node, the buffer front, the pair of both),
//!    each distinct part once per sentence and shared by the beam items,
//!    and a beam step's lookups run in one prefetched pass;
//! 5. the weight tables (`perceptron::Frozen`) keep short rows in the
//!    hash slot itself and the frequent features' rows dense, in huge
//!    pages; in the model file the parsers' tables share their keys, and
//!    each table's rows are stored as deflated columns
//!    (`Frozen::write_set`: 71 MB for eight parsers, 171 MB before);
//! 6. the extraction stages parse with a smaller model made from this one
//!    (`pipeline_bytes`, embedded as `syntax.pipeline.bin`: the tagger and
//!    first parser, weights below 600 dropped) by `pipeline_parse`: a beam
//!    of 2, the trained beam where that tree is not well formed.
//!
//! ```
//! use newsparse_syntax::{parse, Deprel};
//! let p = parse(&["Ola", "opened", "the", "bridge", "."]);
//! assert_eq!(p.head[0], 2); // Ola ← opened
//! assert_eq!(p.deprel[0], Deprel::Nsubj);
//! ```

mod conllu;
mod decode;
mod ensemble;
// Stable hashing of feature keys, shared with the other embedded models.
use newsparse_core::hash;
mod labels;
mod model;
mod parser;
mod perceptron;
mod tagger;
mod train;
mod words;

pub use conllu::{parse as parse_conllu, read as read_conllu, Sentence};
pub use labels::{Deprel, Upos};
pub use train::{
    eval_command, pipeline_path, score, score_with_beam, tagger_experiment, train_bytes,
    train_command, ParserRun, Scores, TrainConfig,
};

use std::cell::RefCell;
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!("../model/syntax.bin");
/// [`pipeline_bytes`] of [`EMBEDDED`], kept in the repository so that the
/// pipeline does not read the whole model to get it (`train-syntax` writes
/// both; a test checks the one follows from the other).
static PIPELINE: &[u8] = include_bytes!("../model/syntax.pipeline.bin");

/// The pipeline's parser keeps the weights at least this large: a third
/// of the first parser's weights (7.6 MB with the tagger), loaded in a
/// tenth of a second, greedy EWT dev LAS 81.22 against 81.57 with all of
/// them (`syntax_tool eval MODEL FILE 1 PRUNE`; 800 drops to 78.83).
pub const PIPELINE_MIN_WEIGHT: i16 = 600;

/// A parsed sentence: one entry per word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub upos: Vec<Upos>,
    /// The head of each word: 0 is the root, `i + 1` is word `i`.
    pub head: Vec<usize>,
    pub deprel: Vec<Deprel>,
}

impl Parsed {
    /// The head of word `i` as a word index (`None`: the root).
    pub fn parent(&self, i: usize) -> Option<usize> {
        self.head[i].checked_sub(1)
    }

    /// The words whose head is word `i`, in reading order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.head.len()).filter(move |&d| self.head[d] == i + 1)
    }

    /// Whether the tree has one root, not a punctuation mark, and a root
    /// noun or pronoun is a predicate ("X is the winner": it has a copula
    /// or a subject), not a subject left hanging: what a search that went
    /// astray gives.
    pub fn is_well_formed(&self) -> bool {
        let mut roots = (0..self.head.len()).filter(|&i| self.head[i] == 0);
        let (Some(root), None) = (roots.next(), roots.next()) else {
            return false;
        };
        match self.upos[root] {
            Upos::Punct => false,
            Upos::Noun | Upos::Propn | Upos::Pron => self
                .children(root)
                .any(|d| self.deprel[d] == Deprel::Cop || self.deprel[d].is_subject()),
            _ => true,
        }
    }

    /// The first word of `start..end` whose head lies outside it: the
    /// word a phrase hangs from.
    pub fn head_of(&self, start: usize, end: usize) -> usize {
        (start..end)
            .find(|&i| self.parent(i).is_none_or(|h| h < start || h >= end))
            .unwrap_or(start)
    }
}

/// The tagger and the parser.
pub struct Model {
    inner: model::Model,
}

thread_local! {
    static SCRATCH: RefCell<(tagger::Scratch, parser::Scratch)> =
        RefCell::new((tagger::Scratch::default(), parser::Scratch::default()));
}

impl Model {
    /// The embedded model, read on first use.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(EMBEDDED).expect("the embedded syntax model reads"))
    }

    /// The embedded model's tagger and first parser alone: what
    /// [`Model::parse_fast`] reads, in a seventh of the load time of
    /// [`Model::embedded`]'s eight parsers.
    pub fn embedded_first() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes_first(EMBEDDED, 1).expect("the embedded syntax model reads")
        })
    }

    /// The model the extraction pipeline parses with ([`pipeline_bytes`]
    /// of the embedded one: its tagger and first parser, the parser's
    /// weights below [`PIPELINE_MIN_WEIGHT`] dropped), read on first use;
    /// [`pipeline_parse`] is how the stages parse with it.
    pub fn embedded_pipeline() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(PIPELINE).expect("the embedded pipeline syntax model reads")
        })
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        Ok(Model {
            inner: model::Model::from_bytes(bytes)?,
        })
    }

    /// The model in `bytes` with its tagger and only its first `count`
    /// parsers (at least one), the others left unread.
    pub fn from_bytes_first(bytes: &[u8], count: usize) -> Result<Model, String> {
        Ok(Model {
            inner: model::Model::from_bytes_first(bytes, count)?,
        })
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.inner.to_bytes()
    }

    /// Universal POS tags of `words`.
    pub fn tag(&self, words: &[&str]) -> Vec<Upos> {
        SCRATCH.with(|s| {
            let s = &mut *s.borrow_mut();
            let t = &self.inner.tagger;
            t.upos_of(&t.tag_words(words, &mut s.0).1)
        })
    }

    /// Tags and a dependency tree of `words` (one sentence).
    pub fn parse(&self, words: &[&str]) -> Parsed {
        self.parse_with_beam(words, self.beam())
    }

    /// The beam width the parsers were trained for (1: greedy).
    pub fn beam(&self) -> usize {
        self.inner.parsers[0].beam
    }

    /// How many parsers vote on each tree.
    pub fn parsers(&self) -> usize {
        self.inner.parsers.len()
    }

    /// The same model with only the parsers `keep` (indices, in this
    /// order), for measuring what each adds to the ensemble.
    pub fn with_parsers(self, keep: &[usize]) -> Model {
        let mut parsers: Vec<Option<parser::Parser>> =
            self.inner.parsers.into_iter().map(Some).collect();
        Model {
            inner: model::Model {
                tagger: self.inner.tagger,
                parsers: keep
                    .iter()
                    .map(|&k| parsers[k].take().expect("each parser kept once"))
                    .collect(),
            },
        }
    }

    /// [`Model::parse`] by the first parser alone, without the vote: a
    /// tenth of the time with the embedded model, a point of LAS less
    /// (README, Syntax model).
    pub fn parse_fast(&self, words: &[&str]) -> Parsed {
        self.parse_with(words, self.beam(), 1)
    }

    /// [`Model::parse`] with another beam width (for measuring speed and
    /// accuracy; the trained width is best).
    pub fn parse_with_beam(&self, words: &[&str], beam: usize) -> Parsed {
        self.parse_with(words, beam, self.parsers())
    }

    /// Tags and the tree the first `count` parsers vote for, each searching
    /// with a beam of `beam` (1: greedy).
    pub fn parse_with(&self, words: &[&str], beam: usize, count: usize) -> Parsed {
        SCRATCH.with(|s| {
            let s = &mut *s.borrow_mut();
            let t = &self.inner.tagger;
            let (w, classes) = t.tag_words(words, &mut s.0);
            let (head, deprel) = vote(&self.inner.parsers[..count.max(1)], |p| {
                p.parse(&w, &classes, beam.max(1), &mut s.1)
            });
            let upos = t.upos_of(&classes);
            Parsed { upos, head, deprel }
        })
    }

    /// [`Model::parse_with_beam`] by the plain tagger (every feature of
    /// every word looked up) and the plain decoder (every feature of every
    /// beam item looked up, states copied whole): what the fast ones must
    /// equal, for tests.
    #[doc(hidden)]
    pub fn parse_reference(&self, words: &[&str], beam: usize) -> Parsed {
        let mut w = tagger::padded(words);
        self.inner.tagger.set_amb(&mut w);
        let t = &self.inner.tagger;
        let classes = t.tag_infos(&w, &mut tagger::Scratch::default());
        let (head, deprel) = vote(&self.inner.parsers, |p| {
            p.parse_reference(&w, &classes, beam)
        });
        let upos = t.upos_of(&classes);
        Parsed { upos, head, deprel }
    }

    /// Trees of `s` by each parser and voted, from its gold tags (for
    /// experiments).
    #[doc(hidden)]
    pub fn parse_gold_tags(&self, s: &Sentence) -> Parsed {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let mut w = tagger::padded(&words);
        self.inner.tagger.set_amb(&mut w);
        let classes = self.inner.tagger.gold(s);
        let mut sc = parser::Scratch::default();
        let (head, deprel) = vote(&self.inner.parsers, |p| {
            p.parse(&w, &classes, p.beam, &mut sc)
        });
        let upos = s.upos.clone();
        Parsed { upos, head, deprel }
    }

    /// This model with `other`'s parsers added (voting after this one's;
    /// `other`'s tagger is dropped), for experiments with ensembles.
    #[doc(hidden)]
    pub fn join(mut self, other: Model) -> Model {
        self.inner.parsers.extend(other.inner.parsers);
        self
    }

    /// The same model with the parsers' weights below `min_abs` dropped
    /// (for experiments on the model's size).
    pub fn with_pruned_parsers(self, min_abs: i16) -> Model {
        Model {
            inner: model::Model {
                tagger: self.inner.tagger,
                parsers: self
                    .inner
                    .parsers
                    .iter()
                    .map(|p| p.pruned(min_abs))
                    .collect(),
            },
        }
    }

    /// Sizes: tag-dictionary words, tagger features and weights, parser
    /// features and weights (all parsers').
    pub fn sizes(&self) -> [usize; 5] {
        let (d, tf, tw) = self.inner.tagger.size();
        let (pf, pw) = self
            .inner
            .parsers
            .iter()
            .map(|p| p.size())
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        [d, tf, tw, pf, pw]
    }
}

/// The tree `parsers` vote for, each giving its own by `tree`.
fn vote(
    parsers: &[parser::Parser],
    tree: impl FnMut(&parser::Parser) -> ensemble::Tree,
) -> ensemble::Tree {
    ensemble::combine(parsers.iter().map(tree).collect())
}

/// Universal POS tags of `words`, by the embedded model (its tagger is
/// all it reads).
pub fn tag(words: &[&str]) -> Vec<Upos> {
    Model::embedded_first().tag(words)
}

/// Tags and dependency tree of one sentence, by the embedded model: the
/// tree its parsers vote for.
pub fn parse(words: &[&str]) -> Parsed {
    Model::embedded().parse(words)
}

/// [`parse`] by the embedded model's first parser alone
/// ([`Model::embedded_first`]): ten times as fast, a point of LAS less
/// (README, Syntax model).
pub fn parse_fast(words: &[&str]) -> Parsed {
    Model::embedded_first().parse_fast(words)
}

/// The pipeline's model made from a model file's bytes: its tagger and
/// first parser, the parser's weights below [`PIPELINE_MIN_WEIGHT`]
/// dropped.
pub fn pipeline_bytes(model: &[u8]) -> Result<Vec<u8>, String> {
    Ok(Model::from_bytes_first(model, 1)?
        .with_pruned_parsers(PIPELINE_MIN_WEIGHT)
        .to_bytes())
}

/// The pipeline's beam: on EWT dev with the pipeline model, LAS 81.22
/// greedily, 83.47 with 2, 83.81 with 3, 84.11 with the trained 8, at
/// 144k, 118k, 114k and 78k tokens/s (`syntax_tool eval MODEL FILE BEAM`);
/// greedy trees of news sentences with long names went astray most.
pub const PIPELINE_BEAM: usize = 2;

/// Tags and tree of one sentence as the extraction stages parse it: by
/// [`Model::embedded_pipeline`] with a beam of [`PIPELINE_BEAM`], or with
/// the trained beam where that tree is not [`Parsed::is_well_formed`].
pub fn pipeline_parse(words: &[&str]) -> Parsed {
    let model = Model::embedded_pipeline();
    let quick = model.parse_with(words, PIPELINE_BEAM, 1);
    if quick.is_well_formed() {
        quick
    } else {
        model.parse(words)
    }
}

/// The embedded pipeline model's bytes (for the test that it follows from
/// the embedded model).
pub fn embedded_pipeline_bytes() -> &'static [u8] {
    PIPELINE
}

/// The embedded model's bytes (for the round-trip test and `train-syntax`'s
/// check).
pub fn embedded_bytes() -> &'static [u8] {
    EMBEDDED
}
