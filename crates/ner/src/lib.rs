//! Named-entity recognizer: a statistical sequence tagger trained on CoNLL-2003.

use newsparse_core::{Doc, EntityMention};

/// The recognizer's model.
pub struct Model {}

impl Model {
    /// The model embedded in the binary, loaded once per process.
    pub fn embedded() -> &'static Model {
        static MODEL: Model = Model {};
        &MODEL
    }

    /// Tag every sentence of the document; mentions in text order.
    pub fn tag(&self, doc: &Doc) -> Vec<EntityMention> {
        let _ = doc;
        vec![] // TODO(ner helper)
    }
}

/// `newsparse train-ner`: train on `train`, tune on `dev`, write the model to
/// `out`. Deterministic for a given seed. Returns a human-readable report.
pub fn train_command(
    train: &std::path::Path,
    dev: &std::path::Path,
    out: &std::path::Path,
    seed: u64,
) -> Result<String, String> {
    let _ = (train, dev, out, seed);
    Err("train-ner is not implemented yet".into()) // TODO(ner helper)
}

/// `newsparse eval-ner FILE`: conlleval-style precision, recall and F1,
/// overall and per type, of the embedded model on a CoNLL-format file.
pub fn eval_command(file: &std::path::Path) -> Result<String, String> {
    let _ = file;
    Err("eval-ner is not implemented yet".into()) // TODO(ner helper)
}
