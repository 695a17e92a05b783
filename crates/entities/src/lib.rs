//! Entities stage: turns name mentions into one entry per real entity.

use newsparse_core::{Doc, EntityMention, FoundEntity};

/// Group mentions into people, organizations and places (MISC is dropped).
pub fn resolve(doc: &Doc, mentions: &[EntityMention]) -> Vec<FoundEntity> {
    let _ = (doc, mentions);
    vec![] // TODO(entities helper)
}
