//! The main content: the page cut into text blocks, each block scored into
//! its ancestors (Readability's idea: the element whose children hold the
//! most sentence-like text is the article), then the blocks inside the
//! winner (and its strong siblings) that are not page furniture.

use crate::dom::{is_block, Data, Dom, Id};

/// What kind of block a run of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    Heading(u8),
    Item,
    Cell,
    Pre,
    Quote,
    Caption,
    Other,
}

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    pub text: String,
    /// The innermost block element holding it.
    pub owner: Id,
    pub kind: Kind,
    /// Characters inside links.
    pub link_chars: usize,
    /// Under an element whose class or id names furniture (menus, sharing,
    /// comments, related links, ads, bylines, dates…).
    pub furniture: bool,
    /// Under `<header>` or a heading group: page or article header, not body.
    pub header: bool,
    /// The element (figure or figcaption) a caption block belongs to.
    pub figure: Option<Id>,
    /// Under a credit element inside a caption.
    pub credit: bool,
}

impl Block {
    pub fn link_density(&self) -> f32 {
        let n = self.text.chars().count().max(1);
        self.link_chars as f32 / n as f32
    }
}

/// Class and id words that name page furniture. General web vocabulary, not
/// any site's names.
const FURNITURE: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "sidebar",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "recommendations",
    "promo",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertising",
    "sponsor",
    "sponsored",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "popup",
    "modal",
    "cookie",
    "cookies",
    "banner",
    "widget",
    "tags",
    "toolbar",
    "byline",
    "author",
    "bio",
    "dateline",
    "timestamp",
    "date",
    "meta",
    "trending",
    "popular",
    "outbrain",
    "taboola",
    "hidden",
    "skip",
    "pagination",
    "pager",
    "login",
    "masthead",
    "tools",
    "print",
    "rating",
    "next",
    "prev",
    "previous",
    "more",
    "readmore",
    "most",
];

/// Class and id words that name the article's text.
const CONTENT: &[&str] = &[
    "article",
    "content",
    "story",
    "body",
    "post",
    "entry",
    "text",
    "main",
    "articlebody",
];

/// The words of an element's class and id: lowercase runs of letters and
/// digits, also split at `-` and `_`.
pub fn class_words(dom: &Dom, id: Id) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(e) = dom.element(id) {
        for key in ["class", "id"] {
            if let Some(v) = e.attr(key) {
                for w in v.split(|c: char| !c.is_ascii_alphanumeric()) {
                    if !w.is_empty() {
                        out.push(w.to_ascii_lowercase());
                    }
                }
            }
        }
    }
    out
}

fn is_furniture_element(dom: &Dom, id: Id) -> bool {
    let e = match dom.element(id) {
        Some(e) => e,
        None => return false,
    };
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = e.attr("style") {
        let s: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if s.to_ascii_lowercase().contains("display:none") {
            return true;
        }
    }
    if matches!(
        e.attr("role"),
        Some("navigation" | "complementary" | "banner" | "contentinfo")
    ) {
        return true;
    }
    if e.attr("itemprop")
        .is_some_and(|p| p.contains("author") || p.contains("date"))
    {
        return true;
    }
    if e.attr("rel")
        .is_some_and(|r| r.split_whitespace().any(|w| w == "author"))
    {
        return true;
    }
    class_words(dom, id)
        .iter()
        .any(|w| FURNITURE.contains(&w.as_str()))
}

/// Elements whose whole content is never article text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "nav"
            | "aside"
            | "footer"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "head"
            | "title"
            | "menu"
            | "label"
            | "canvas"
            | "object"
            | "video"
            | "audio"
            | "math"
    )
}

struct Walker<'a> {
    dom: &'a Dom,
    blocks: Vec<Block>,
    cur: String,
    cur_links: usize,
    cur_owner: Id,
    use_classes: bool,
}

#[derive(Clone, Copy)]
struct Ctx {
    furniture: bool,
    header: bool,
    link: bool,
    figure: Option<Id>,
    caption: bool,
    credit: bool,
    kind: Kind,
}

impl<'a> Walker<'a> {
    fn flush(&mut self, ctx: &Ctx) {
        let text = crate::dom::collapse(&self.cur);
        if !text.is_empty() {
            let kind = if ctx.caption { Kind::Caption } else { ctx.kind };
            self.blocks.push(Block {
                link_chars: self.cur_links.min(text.chars().count()),
                text,
                owner: self.cur_owner,
                kind,
                furniture: ctx.furniture,
                header: ctx.header,
                figure: ctx.figure,
                credit: ctx.credit,
            });
        }
        self.cur.clear();
        self.cur_links = 0;
    }

    fn walk(&mut self, id: Id, ctx: Ctx) {
        let dom = self.dom;
        match &dom.nodes[id].data {
            Data::Text(t) => {
                if ctx.link {
                    self.cur_links += t.trim().chars().count();
                }
                self.cur.push_str(t);
            }
            Data::Element(e) => {
                let name = e.name.as_str();
                if skipped(name) {
                    return;
                }
                let block = is_block(name);
                let mut inner = ctx;
                if block {
                    self.flush(&ctx);
                    self.cur_owner = id;
                }
                if name == "br" {
                    // A line break inside a paragraph: keep the line.
                    self.cur.push('\n');
                    return;
                }
                if self.use_classes && is_furniture_element(dom, id) {
                    inner.furniture = true;
                }
                match name {
                    "header" | "hgroup" => inner.header = true,
                    "a" => inner.link = true,
                    "figure" => inner.figure = Some(id),
                    "figcaption" => {
                        inner.caption = true;
                        inner.figure = Some(inner.figure.unwrap_or(id));
                    }
                    "p" => inner.kind = Kind::Paragraph,
                    "li" | "dd" | "dt" => inner.kind = Kind::Item,
                    "td" | "th" => inner.kind = Kind::Cell,
                    "pre" => inner.kind = Kind::Pre,
                    "blockquote" => inner.kind = Kind::Quote,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        inner.kind = Kind::Heading(name.as_bytes()[1] - b'0')
                    }
                    "div" | "section" | "article" | "main" | "center" => {
                        if !matches!(ctx.kind, Kind::Item | Kind::Cell | Kind::Quote) {
                            inner.kind = Kind::Other
                        }
                    }
                    _ => {}
                }
                if inner.caption
                    && class_words(dom, id).iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "credit"
                                | "credits"
                                | "copyright"
                                | "source"
                                | "byline"
                                | "photographer"
                        )
                    })
                {
                    inner.credit = true;
                }
                let credit_changed = inner.credit != ctx.credit;
                if credit_changed {
                    self.flush(&ctx);
                }
                for &c in &dom.nodes[id].children {
                    self.walk(c, inner);
                }
                if block || credit_changed {
                    self.flush(&inner);
                    if let Some(p) = dom.nodes[id].parent {
                        self.cur_owner = p;
                    }
                }
            }
        }
    }
}

/// The page's text blocks in document order.
pub fn blocks(dom: &Dom, use_classes: bool) -> Vec<Block> {
    let mut w = Walker {
        dom,
        blocks: Vec::new(),
        cur: String::new(),
        cur_links: 0,
        cur_owner: 0,
        use_classes,
    };
    let ctx = Ctx {
        furniture: false,
        header: false,
        link: false,
        figure: None,
        caption: false,
        credit: false,
        kind: Kind::Other,
    };
    w.walk(0, ctx);
    w.flush(&ctx);
    w.blocks
}

/// Whether a block reads like article prose (a sentence, not a label).
fn prose_score(b: &Block) -> f32 {
    let len = b.text.chars().count();
    if len < 25 || b.furniture || b.link_density() > 0.5 {
        return 0.0;
    }
    let commas = b.text.matches([',', '，', '、']).count() as f32;
    1.0 + commas + (len as f32 / 100.0).min(3.0)
}

/// The element holding the article's text, or `None` when nothing on the
/// page reads like prose.
pub fn main_root(dom: &Dom, blocks: &[Block]) -> Option<Id> {
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut text = vec![0usize; n];
    let mut links = vec![0usize; n];
    for b in blocks {
        let len = b.text.chars().count();
        let mut a = Some(b.owner);
        while let Some(x) = a {
            text[x] += len;
            links[x] += b.link_chars;
            a = dom.nodes[x].parent;
        }
        let s = prose_score(b);
        if s == 0.0 {
            continue;
        }
        // The paragraph element itself, its parent and grandparent.
        let mut a = Some(b.owner);
        let mut level = 0;
        if matches!(b.kind, Kind::Paragraph | Kind::Pre | Kind::Quote) {
            a = dom.nodes[b.owner].parent;
        }
        while let Some(x) = a {
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                2 => 0.25,
                _ => break,
            };
            score[x] += s * share;
            a = dom.nodes[x].parent;
            level += 1;
        }
    }
    let mut best: Option<(Id, f32)> = None;
    for id in 0..n {
        if score[id] <= 0.0 {
            continue;
        }
        let density = links[id] as f32 / text[id].max(1) as f32;
        let mut s = score[id] * (1.0 - density);
        let words = class_words(dom, id);
        if words.iter().any(|w| CONTENT.contains(&w.as_str())) {
            s *= 1.25;
        }
        if dom
            .element(id)
            .is_some_and(|e| e.attr("itemprop") == Some("articleBody") || e.name == "article")
        {
            s *= 1.25;
        }
        if best.is_none_or(|(_, bs)| s > bs) {
            best = Some((id, s));
        }
    }
    best.map(|(id, _)| id)
}

/// The blocks of the article body under `root` and its strong siblings.
pub fn body_blocks<'b>(dom: &Dom, blocks: &'b [Block], root: Id) -> Vec<&'b Block> {
    let mut roots = vec![root];
    // Siblings that hold prose too (an article split over two containers).
    if let Some(parent) = dom.nodes[root].parent {
        let mine: f32 = blocks
            .iter()
            .filter(|b| dom.contains(root, b.owner))
            .map(prose_score)
            .sum();
        for &s in &dom.nodes[parent].children {
            if s == root || dom.element(s).is_none() {
                continue;
            }
            let theirs: f32 = blocks
                .iter()
                .filter(|b| dom.contains(s, b.owner))
                .map(prose_score)
                .sum();
            if theirs >= (mine * 0.25).max(6.0) {
                roots.push(s);
            }
        }
    }
    blocks
        .iter()
        .filter(|b| roots.iter().any(|&r| dom.contains(r, b.owner)))
        .filter(|b| !b.furniture && !b.header)
        .filter(|b| b.kind != Kind::Caption && b.figure.is_none())
        .filter(|b| b.kind != Kind::Heading(1))
        .filter(|b| b.link_density() < 0.5 || b.text.chars().count() > 200)
        .collect()
}
