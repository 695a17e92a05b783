//! The HTML source: a web page in, the article out.
//!
//! Steps (see `ARCHITECTURE.md`):
//! 1. parse the page;
//! 2. read the metadata the markup gives (JSON-LD, OpenGraph, `<meta>`,
//!    `<time>`, `<h1>`, `rel=author`, canonical URL);
//! 3. find the main content (headline, standfirst, byline, date, body
//!    paragraphs, captions with credits), without page furniture;
//! 4. render it as article text in the shape a raw article has, which the
//!    per-article pipeline reads like any text input.
//!
//! PLACEHOLDER: until the extractor lands, [`render`] strips tags only.

use newsparse_core::date::PartialDate;
use std::fmt;

/// One page's article.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The article rendered as text: headline, standfirst, byline line, date
    /// line, body paragraphs, captions with credits, separated by blank lines.
    /// The record's `text`; every span indexes it.
    pub text: String,
    /// The headline, without the site's name or section.
    pub title: Option<String>,
    /// Author names (people only).
    pub authors: Vec<String>,
    /// First publication, in the page's own time zone when it prints one.
    pub published: Option<PartialDate>,
    /// The canonical URL, when the page gives one.
    pub url: Option<String>,
    /// The body paragraphs only (no headline, byline or captions).
    pub body: Vec<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// The page holds no article text (an index page, an empty page).
    NoArticle,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::NoArticle => f.write_str("the page holds no article text"),
        }
    }
}

impl std::error::Error for PageError {}

/// The article of a decoded HTML page.
pub fn render(html: &str) -> Result<Page, PageError> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let body: Vec<String> = text
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if body.is_empty() {
        return Err(PageError::NoArticle);
    }
    Ok(Page {
        text: body.join("\n\n"),
        title: None,
        authors: Vec::new(),
        published: None,
        url: None,
        body,
    })
}
