//! Layout stage: finds title, subtitle, byline, dateline, publication date and
//! photo captions with credits, and labels every region of the text.

use newsparse_core::Layout;

/// Analyze the layout of an article's source text.
pub fn analyze(text: &str) -> Layout {
    let _ = text;
    Layout::default() // TODO(layout helper)
}
