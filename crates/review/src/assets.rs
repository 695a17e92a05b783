//! The inline style and scripts, and the Content-Security-Policy that allows
//! exactly them (by hash) and nothing else: no network, no other script.

use base64::Engine as _;
use maud::{html, Markup, PreEscaped};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

pub const CSS: &str = include_str!("../assets/review.css");
pub const PAGE_JS: &str = include_str!("../assets/page.js");
pub const INDEX_JS: &str = include_str!("../assets/index.js");

fn hash(source: &str) -> String {
    let digest = Sha256::digest(source.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Which inline script a page carries.
#[derive(Clone, Copy)]
pub enum Script {
    Page,
    Index,
}

impl Script {
    fn source(self) -> &'static str {
        match self {
            Script::Page => PAGE_JS,
            Script::Index => INDEX_JS,
        }
    }

    /// The page's Content-Security-Policy: nothing may load from anywhere
    /// (`default-src 'none'`); the inline style and this script run because
    /// their hashes are listed; no other script, style, image, font, frame,
    /// form target or base URL.
    pub fn policy(self) -> &'static str {
        static PAGE: OnceLock<String> = OnceLock::new();
        static INDEX: OnceLock<String> = OnceLock::new();
        let cell = match self {
            Script::Page => &PAGE,
            Script::Index => &INDEX,
        };
        cell.get_or_init(|| {
            format!(
                "default-src 'none'; script-src {}; style-src {}; img-src 'none'; \
                 base-uri 'none'; form-action 'none'",
                hash(self.source()),
                hash(CSS)
            )
        })
    }

    /// The `<script>` element.
    pub fn element(self) -> Markup {
        html! { script { (PreEscaped(self.source())) } }
    }
}

/// The `<head>` of every page: charset, the policy (before anything it
/// governs), the title and the style.
pub fn head(title: &str, script: Script) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta http-equiv="Content-Security-Policy" content=(script.policy());
            meta name="viewport" content="width=device-width, initial-scale=1";
            meta name="generator" content="newsparse review";
            title { (title) }
            style { (PreEscaped(CSS)) }
        }
    }
}
