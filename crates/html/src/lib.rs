//! The HTML source: a web page in, the article out.
//!
//! Steps:
//! 1. parse the page ([`dom`]: our own tokenizer and forgiving tree builder,
//!    measured at several times html5ever's speed; see that module for why);
//! 2. read the metadata the markup gives ([`meta`]: JSON-LD, OpenGraph,
//!    `<meta>`, `<title>`, canonical URL);
//! 3. find the main content ([`content`]: text blocks scored into their
//!    ancestors, furniture named by class and id words left out);
//! 4. choose the headline, authors and date from the evidence (markup first,
//!    then what the page prints near the headline);
//! 5. render it as article text in the shape a raw article has (headline,
//!    standfirst, "By …" line, date line, paragraphs, captions with credits),
//!    which the per-article pipeline reads like any text input.
//!
//! Why not a port of Readability or trafilatura: rs-trafilatura 0.2.2 ran
//! at ~28 pages/s on the benchmark pages (slower than trafilatura itself),
//! and dom_smoothie scores 0.865 body F1 there; the speed target (10×
//! trafilatura per CPU-second) needs a parser and a scorer that do one pass
//! each, which is what this crate is.

pub mod authors;
pub mod content;
pub mod dates;
pub mod dom;
pub mod meta;

use content::{Block, Kind};
use dom::{Data, Dom, Id};
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
    /// Photo captions with their credits, as rendered in `text`.
    pub captions: Vec<String>,
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
    let dom = dom::parse(html);
    let meta = meta::read(&dom);
    let (blocks, root, body) = main_content(&dom);
    if body.is_empty() {
        return Err(PageError::NoArticle);
    }
    let first_body = body[0].owner;
    let last_body = body.last().map(|b| b.owner).unwrap_or(0);
    let (title, h1) = headline(&dom, &meta, root, first_body);
    let zone = Zone::read(&blocks, h1.unwrap_or(0), first_body);
    let authors = authors(&dom, &meta, &zone, first_body, last_body);
    let published = published(&dom, &meta, &zone, h1.unwrap_or(0), last_body);
    let captions = root.map(|r| captions(&dom, &blocks, r)).unwrap_or_default();

    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &title {
        parts.push(t.clone());
    }
    if !authors.is_empty() {
        parts.push(format!("By {}", join_names(&authors)));
    }
    if let Some(d) = &published {
        parts.push(dates::date_line(d));
    }
    let body_text: Vec<String> = body.iter().map(|b| b.text.clone()).collect();
    // Captions where they stand among the paragraphs.
    let mut cap_iter = captions.iter().peekable();
    for b in &body {
        while let Some((at, c)) = cap_iter.peek() {
            if *at < b.owner {
                parts.push(c.clone());
                cap_iter.next();
            } else {
                break;
            }
        }
        parts.push(b.text.clone());
    }
    for (_, c) in cap_iter {
        parts.push(c.clone());
    }
    Ok(Page {
        text: parts.join("\n\n"),
        title,
        authors,
        published,
        url: meta.url.clone(),
        body: body_text,
        captions: captions.into_iter().map(|(_, c)| c).collect(),
    })
}

/// The evidence behind a page's metadata, for people tuning the rules:
/// meta titles and site names, h1s, byline texts, zone lines and dates.
#[doc(hidden)]
pub fn explain(html: &str) -> String {
    let dom = dom::parse(html);
    let meta = meta::read(&dom);
    let (blocks, root, body) = main_content(&dom);
    let first_body = body.first().map_or(0, |b| b.owner);
    let last_body = body.last().map_or(0, |b| b.owner);
    let (title, h1) = headline(&dom, &meta, root, first_body);
    let zone = Zone::read(&blocks, h1.unwrap_or(0), first_body);
    format!(
        "meta: {meta:#?}\nroot: {root:?} first_body {first_body} h1 {h1:?} title {title:?}\nbylines: {:#?}\nzone bylines: {:?}\nzone dates: {:?}\nprinted dates: {:?}",
        byline_texts(&dom, first_body, last_body),
        zone.bylines,
        zone.dates,
        printed_dates(&dom, h1.unwrap_or(0), last_body)
    )
}

/// The page's blocks, the element holding the article and the body blocks.
fn main_content(dom: &Dom) -> (Vec<Block>, Option<Id>, Vec<Block>) {
    let blocks = content::blocks(dom, true);
    let root = content::main_root(dom, &blocks);
    let size = |bs: &[Block]| bs.iter().map(|b| b.text.len()).sum::<usize>();
    let body: Vec<Block> = root
        .map(|r| {
            content::body_blocks(dom, &blocks, r)
                .into_iter()
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if size(&body) < 150 {
        // Class words hid the text (a wrapper named like furniture): read
        // the page without them.
        let plain = content::blocks(dom, false);
        if let Some(r) = content::main_root(dom, &plain) {
            let b2: Vec<Block> = content::body_blocks(dom, &plain, r)
                .into_iter()
                .cloned()
                .collect();
            if size(&b2) > size(&body) {
                return (plain, Some(r), b2);
            }
        }
    }
    (blocks, root, body)
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {}", rest.join(", "), last),
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `a`'s words found in `b`.
fn overlap(a: &str, b: &str) -> f32 {
    let wa = words(a);
    if wa.is_empty() {
        return 0.0;
    }
    let wb = words(b);
    wa.iter().filter(|w| wb.contains(w)).count() as f32 / wa.len() as f32
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `s` is the site's own name as the page states it (its
/// `og:site_name`, publisher, host name).
fn is_site_name(s: &str, sites: &[String]) -> bool {
    let n = squash(s);
    if n.is_empty() {
        return false;
    }
    sites.iter().any(|site| {
        let full = squash(site);
        let root = squash(site.split('.').next().unwrap_or(site));
        [full, root].iter().filter(|x| x.len() >= 2).any(|x| {
            n == *x
                || (n.len() >= 3 && x.contains(&n))
                || (x.len() >= 4 && n.contains(x.as_str()) && n.len() <= x.len() + 8)
        })
    })
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " •", " ~ ",
];

/// A meta title without the site's name and section labels.
pub fn clean_title(t: &str, sites: &[String]) -> String {
    let t = dom::collapse(t);
    let mut segs: Vec<String> = vec![t.clone()];
    for sep in SEPARATORS {
        segs = segs
            .iter()
            .flat_map(|s| s.split(sep).map(|x| x.trim().to_string()))
            .filter(|s| !s.is_empty())
            .collect();
    }
    if segs.len() > 1 {
        let before = segs.len();
        let last_is_site = segs.last().is_some_and(|s| is_site_name(s, sites));
        segs.retain(|s| !is_site_name(s, sites));
        if segs.len() < before && last_is_site {
            // Section labels before the site name ("| World | News | Site").
            while segs.len() > 1
                && segs
                    .last()
                    .is_some_and(|s| s.split_whitespace().count() <= 2)
            {
                segs.pop();
            }
        }
        if segs.is_empty() {
            return t;
        }
        if segs.len() < before {
            // Join back what is left with the separator it had.
            let first = &segs[0];
            let start = t.find(first.as_str()).unwrap_or(0);
            let last = segs.last().unwrap();
            let end = t
                .rfind(last.as_str())
                .map(|i| i + last.len())
                .unwrap_or(t.len());
            if start < end {
                return t[start..end].to_string();
            }
        }
    }
    // "Site: Headline" / "Site | Tagline: Headline".
    if let Some(i) = t.find(": ") {
        if is_site_name(&t[..i], sites) || t[..i].split(" | ").any(|p| is_site_name(p, sites)) {
            return t[i + 2..].trim().to_string();
        }
    }
    t
}

/// Skip h1s in furniture: menus, footers, asides, scripts.
fn in_skipped(dom: &Dom, id: Id) -> bool {
    let mut a = dom.nodes[id].parent;
    while let Some(x) = a {
        if matches!(
            dom.name(x),
            "nav" | "footer" | "aside" | "script" | "noscript" | "template" | "button"
        ) {
            return true;
        }
        a = dom.nodes[x].parent;
    }
    false
}

fn headline(
    dom: &Dom,
    meta: &meta::Meta,
    root: Option<Id>,
    first_body: Id,
) -> (Option<String>, Option<Id>) {
    let metas: Vec<&String> = [
        &meta.og_title,
        &meta.ld_headline,
        &meta.twitter_title,
        &meta.title_tag,
    ]
    .into_iter()
    .flatten()
    .collect();
    let h1s: Vec<(Id, String)> = dom
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(&n.data, Data::Element(e) if e.name == "h1"))
        .map(|(id, _)| (id, dom.text(id)))
        .filter(|(id, t)| {
            !t.is_empty() && !in_skipped(dom, *id) && !is_site_name(t, &meta.site_names)
        })
        .collect();
    // The h1 the page's own titles agree with.
    let mut best: Option<(f32, &(Id, String))> = None;
    for h in &h1s {
        let sim = metas.iter().map(|m| overlap(&h.1, m)).fold(0.0, f32::max);
        if sim >= 0.6 && best.is_none_or(|(b, _)| sim > b) {
            best = Some((sim, h));
        }
    }
    if let Some((_, (id, t))) = best {
        return (Some(t.clone()), Some(*id));
    }
    // Else the heading that opens the content: the last h1 before its first
    // paragraph, or the first inside it.
    let opening = h1s
        .iter()
        .filter(|(id, _)| *id < first_body)
        .last()
        .or_else(|| {
            h1s.iter()
                .find(|(id, _)| root.is_some_and(|r| dom.contains(r, *id)))
        });
    if let Some((id, t)) = opening {
        if t.split_whitespace().count() >= 2 && t.chars().count() >= 10 {
            return (Some(t.clone()), Some(*id));
        }
    }
    let t = metas
        .first()
        .map(|t| clean_title(t, &meta.site_names))
        .filter(|t| !t.is_empty());
    (t, None)
}

/// Whether a class token names a byline or an author's name
/// ("byline", "article-author", "author-name"; not "author-jane-doe", which
/// names whose post it is, nor "author-bio").
fn byline_class(token: &str) -> bool {
    let t = token.to_ascii_lowercase();
    if t.contains("byline") {
        return true;
    }
    let parts: Vec<&str> = t.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    parts.contains(&"author")
        && matches!(
            parts.last(),
            Some(&("author" | "authors" | "name" | "names"))
        )
        || t == "authors"
}

/// The name slug of a link to an author's page (`/author/jane-doe/` →
/// "jane-doe"), when it is one.
fn author_slug(href: &str) -> Option<String> {
    let path = href
        .split("://")
        .nth(1)
        .map_or(href, |r| r.find('/').map_or("", |i| &r[i..]));
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let i = segs.iter().position(|seg| {
        matches!(
            seg.to_ascii_lowercase().as_str(),
            "author"
                | "authors"
                | "autor"
                | "autore"
                | "auteur"
                | "writers"
                | "writer"
                | "staff"
                | "journalist"
                | "journalists"
                | "reporters"
                | "contributors"
                | "columnists"
                | "people"
                | "profile"
                | "profiles"
        )
    })?;
    segs.get(i + 1).map(|s| s.to_ascii_lowercase())
}

/// The name a link to an author's page shows, when its words are the
/// slug's ("About Jane Doe" → "Jane Doe" for `/author/jane-doe`).
fn author_link_name(text: &str, slug: &str) -> Option<String> {
    let slug_words: Vec<String> = words(slug);
    let text_words: Vec<&str> = text.split_whitespace().collect();
    let start = text_words
        .iter()
        .position(|w| words(w).first().is_some_and(|x| slug_words.contains(x)))?;
    let name: Vec<&str> = text_words[start..]
        .iter()
        .take_while(|w| words(w).iter().all(|x| slug_words.contains(x)))
        .copied()
        .collect();
    (name.len() >= 1
        && words(&name.join(" ")).len() * 2
            >= slug_words
                .iter()
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
                .count())
    .then(|| name.join(" "))
}

fn in_comments(dom: &Dom, id: Id) -> bool {
    let mut a = Some(id);
    while let Some(x) = a {
        if content::class_words(dom, x)
            .iter()
            .any(|w| w.starts_with("comment"))
        {
            return true;
        }
        a = dom.nodes[x].parent;
    }
    false
}

/// Byline elements before the end of the body: `rel=author`,
/// `itemprop=author`, byline and author-name classes, links to author pages;
/// the innermost of nested ones.
fn byline_texts(dom: &Dom, first_body: Id, before: Id) -> Vec<String> {
    let mut found: Vec<Id> = Vec::new();
    let mut links: Vec<(Id, String)> = Vec::new();
    for id in 0..dom.nodes.len().min(before + 1) {
        let Some(e) = dom.element(id) else { continue };
        if matches!(
            e.name.as_str(),
            "script" | "style" | "meta" | "link" | "noscript" | "img"
        ) {
            continue;
        }
        let rel = e
            .attr("rel")
            .is_some_and(|r| r.split_whitespace().any(|w| w == "author"));
        let prop = e
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|w| w == "author"));
        let class = (e
            .attr("class")
            .is_some_and(|c| c.split_whitespace().any(byline_class))
            || e.attr("id").is_some_and(byline_class))
            && !content::class_words(dom, id).iter().any(|w| {
                matches!(
                    w.as_str(),
                    "bio"
                        | "icon"
                        | "avatar"
                        | "image"
                        | "img"
                        | "photo"
                        | "thumb"
                        | "thumbnail"
                        | "description"
                        | "about"
                        | "follow"
                        | "social"
                        | "twitter"
                        | "more"
                )
            });
        if (rel || prop || class) && !in_skipped(dom, id) && !in_comments(dom, id) {
            found.push(id);
        } else if e.name == "a" && id < first_body && !in_skipped(dom, id) {
            if let Some(slug) = e.attr("href").and_then(author_slug) {
                if let Some(name) = author_link_name(&dom.text(id), &slug) {
                    links.push((id, name));
                }
            }
        }
    }
    // Innermost first: an element holding another byline element gives way to it.
    let inner: Vec<Id> = found
        .iter()
        .copied()
        .filter(|&a| !found.iter().any(|&b| b != a && dom.contains(a, b)))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for id in inner {
        let text = dom.text(id);
        if text.is_empty() || text.chars().count() > 200 || out.contains(&text) {
            continue;
        }
        out.push(text);
    }
    for (id, name) in links {
        if !found
            .iter()
            .any(|&f| dom.contains(f, id) || dom.contains(id, f))
            && !out.contains(&name)
        {
            out.push(name);
        }
    }
    out
}

/// The blocks between the headline and the body's first paragraph: where a
/// page prints its byline and date.
struct Zone {
    bylines: Vec<String>,
    dates: Vec<PartialDate>,
}

impl Zone {
    fn read(blocks: &[Block], after: Id, before: Id) -> Zone {
        let mut z = Zone {
            bylines: Vec::new(),
            dates: Vec::new(),
        };
        let start = blocks
            .iter()
            .position(|b| b.owner > after)
            .unwrap_or(blocks.len());
        let from = if after > 0 {
            start.saturating_sub(3)
        } else {
            start
        };
        for b in blocks[from..].iter().filter(|b| b.owner < before) {
            if b.text.chars().count() > 200 {
                continue;
            }
            if authors::starts_with_by(&b.text) {
                z.bylines.push(b.text.clone());
            }
            let lower = b.text.to_lowercase();
            if lower.trim_start().starts_with("updated") || lower.contains("comment") {
                continue;
            }
            if let Some(d) = dates::printed_date(&b.text) {
                z.dates.push(d);
            }
        }
        z
    }
}

fn dedup_push(out: &mut Vec<String>, names: Vec<String>) {
    for n in names {
        if !out.iter().any(|o| authors::same_name(o, &n)) {
            out.push(n);
        }
    }
}

fn authors(
    dom: &Dom,
    meta: &meta::Meta,
    zone: &Zone,
    first_body: Id,
    last_body: Id,
) -> Vec<String> {
    let sites = &meta.site_names;
    let mut ld: Vec<String> = Vec::new();
    for (name, person) in &meta.ld_authors {
        if *person {
            dedup_push(
                &mut ld,
                authors::people(name, sites, authors::Source::Markup),
            );
        }
    }
    let mut printed: Vec<String> = Vec::new();
    let mut rejected = false;
    for t in byline_texts(dom, first_body, last_body)
        .iter()
        .chain(&zone.bylines)
    {
        let (names, r) = authors::people_and_rejects(t, sites, authors::Source::Printed);
        rejected |= r;
        dedup_push(&mut printed, names);
    }
    if rejected {
        // An agency beside a one-word piece ("PTI", "Washington" in two
        // elements): the word is the wire byline's place.
        printed.retain(|n| n.split_whitespace().count() > 1);
    }
    if !ld.is_empty() {
        // The printed byline when it names everyone the markup does (and
        // maybe more); else the markup.
        let covers = ld
            .iter()
            .all(|a| printed.iter().any(|p| authors::same_name(a, p)));
        return if covers { printed } else { ld };
    }
    if !printed.is_empty() {
        return printed;
    }
    let mut m: Vec<String> = Vec::new();
    for a in &meta.meta_authors {
        dedup_push(&mut m, authors::people(a, sites, authors::Source::Meta));
    }
    m
}

/// Printed dates near the article's top: `<time>` elements and elements
/// whose class names a date, before the end of the body.
fn printed_dates(dom: &Dom, after: Id, before: Id) -> Vec<(PartialDate, Option<String>)> {
    let mut out = Vec::new();
    for id in after..dom.nodes.len().min(before + 1) {
        let Some(e) = dom.element(id) else { continue };
        if in_skipped(dom, id) {
            continue;
        }
        let words = content::class_words(dom, id);
        if words.iter().any(|w| w.starts_with("comment")) {
            continue;
        }
        let is_time = e.name == "time" || e.attr("itemprop").is_some_and(|p| p == "datePublished");
        let dated = words.iter().any(|w| {
            matches!(
                w.as_str(),
                "date"
                    | "published"
                    | "pubdate"
                    | "timestamp"
                    | "dateline"
                    | "posted"
                    | "time"
                    | "byline"
                    | "meta"
            )
        });
        if !(is_time || dated) {
            continue;
        }
        let text = dom.text(id);
        let printed = if text.chars().count() <= 120 {
            dates::printed_date(&text)
        } else {
            None
        };
        let stamp = e.attr("datetime").map(String::from);
        if let Some(d) = printed.or_else(|| stamp.as_deref().and_then(dates::timestamp_day)) {
            let updated = text.to_lowercase().contains("updated")
                && !text.to_lowercase().contains("published");
            if !updated {
                out.push((d, stamp));
            }
        }
    }
    out
}

fn published(
    dom: &Dom,
    meta: &meta::Meta,
    zone: &Zone,
    h1: Id,
    last_body: Id,
) -> Option<PartialDate> {
    let mut printed = printed_dates(dom, h1, last_body);
    if printed.is_empty() && h1 > 0 {
        printed = printed_dates(dom, 0, last_body);
    }
    printed.extend(zone.dates.iter().map(|d| (*d, None)));
    for s in &meta.published {
        if let Some(d) = dates::timestamp_day(s) {
            if dates::is_utc(s) {
                // The page's own local day when it prints one a day apart.
                if let Some((p, _)) = printed.iter().find(|(p, _)| {
                    matches!((p.as_day(), d.as_day()), (Some(a), Some(b)) if (a - b).whole_days().abs() == 1)
                }) {
                    return Some(*p);
                }
            }
            return Some(d);
        }
    }
    if let Some((p, _)) = printed.first() {
        return Some(*p);
    }
    meta.modified.iter().find_map(|s| dates::timestamp_day(s))
}

/// Captions of the figures inside the content, with their credits, keyed by
/// where they stand.
fn captions(dom: &Dom, blocks: &[Block], root: Id) -> Vec<(Id, String)> {
    let mut out: Vec<(Id, String)> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        if b.kind == Kind::Caption && !b.furniture && dom.contains(root, b.owner) {
            let fig = b.figure;
            let at = b.owner;
            let mut caption = Vec::new();
            let mut credit = Vec::new();
            while i < blocks.len() && blocks[i].kind == Kind::Caption && blocks[i].figure == fig {
                if blocks[i].credit {
                    credit.push(blocks[i].text.clone());
                } else {
                    caption.push(blocks[i].text.clone());
                }
                i += 1;
            }
            let mut line = caption.join(" ");
            if !credit.is_empty() {
                let c = credit.join(" ");
                let c = c
                    .trim_start_matches(['(', '['])
                    .trim_end_matches([')', ']'])
                    .trim();
                let lower = c.to_lowercase();
                let labelled = ["photo", "image", "credit", "picture", "©"]
                    .iter()
                    .any(|l| lower.starts_with(l));
                let credit_text = if labelled {
                    format!("({c})")
                } else {
                    format!("(Photo: {c})")
                };
                if line.is_empty() {
                    line = credit_text;
                } else {
                    line = format!("{line} {credit_text}");
                }
            }
            if !line.is_empty() && !out.iter().any(|(_, l)| *l == line) {
                out.push((at, line));
            }
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
