//! Quotes stage: quotations and who said them.

use newsparse_core::{Doc, FoundEntity, QuoteFound};

/// Find quotations and attribute them. Returns the quotes and warnings.
pub fn find(doc: &Doc, entities: &[FoundEntity]) -> (Vec<QuoteFound>, Vec<String>) {
    let _ = (doc, entities);
    (vec![], vec![]) // TODO(quotes helper)
}
