//! What the page's markup says about itself: `<meta>` tags (OpenGraph,
//! `article:*`, `name=author`), JSON-LD objects, `<title>`, the canonical URL.

use crate::dom::{collapse, Data, Dom};
use serde_json::Value;

/// The markup's own statements, in the page's order.
#[derive(Debug, Default)]
pub struct Meta {
    pub og_title: Option<String>,
    pub twitter_title: Option<String>,
    pub ld_headline: Option<String>,
    pub title_tag: Option<String>,
    /// Names the page gives itself: `og:site_name`, JSON-LD publisher,
    /// `application-name`, the canonical URL's host.
    pub site_names: Vec<String>,
    /// First-publication timestamps, best source first.
    pub published: Vec<String>,
    /// Modification timestamps.
    pub modified: Vec<String>,
    /// `<meta name=author>`, `article:author` (names, not URLs).
    pub meta_authors: Vec<String>,
    /// JSON-LD authors: (name, typed as a person or untyped).
    pub ld_authors: Vec<(String, bool)>,
    pub url: Option<String>,
}

fn nonempty(s: &str) -> Option<String> {
    let s = collapse(s);
    (!s.is_empty()).then_some(s)
}

pub fn read(dom: &Dom) -> Meta {
    let mut m = Meta::default();
    let mut ld_published = Vec::new();
    let mut tag_published = Vec::new();
    for (id, node) in dom.nodes.iter().enumerate() {
        let e = match &node.data {
            Data::Element(e) => e,
            Data::Text(_) => continue,
        };
        match e.name.as_str() {
            "title" if m.title_tag.is_none() => {
                m.title_tag = nonempty(&dom.text(id));
            }
            "meta" => {
                let key = e
                    .attr("property")
                    .or_else(|| e.attr("name"))
                    .or_else(|| e.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = e.attr("content").and_then(nonempty) else {
                    continue;
                };
                match key.as_str() {
                    "og:title" => {
                        m.og_title.get_or_insert(content);
                    }
                    "twitter:title" => {
                        m.twitter_title.get_or_insert(content);
                    }
                    "og:site_name" | "application-name" | "twitter:site" => {
                        let c = content.trim_start_matches('@').to_string();
                        if !m.site_names.contains(&c) {
                            m.site_names.push(c);
                        }
                    }
                    "og:url" => {
                        if m.url.is_none() {
                            m.url = Some(content);
                        }
                    }
                    "article:published_time"
                    | "og:published_time"
                    | "datepublished"
                    | "article.published"
                    | "publishdate"
                    | "pubdate"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "article:published"
                    | "publish-date"
                    | "original-publish-date"
                    | "date.available" => {
                        tag_published.push(content);
                    }
                    "article:modified_time"
                    | "og:updated_time"
                    | "datemodified"
                    | "last-modified"
                    | "dcterms.modified" => m.modified.push(content),
                    "author" | "article:author" | "dc.creator" | "sailthru.author"
                    | "parsely-author" => {
                        if !content.contains("://") && !content.starts_with("www.") {
                            m.meta_authors.push(content);
                        }
                    }
                    _ => {}
                }
            }
            "link" => {
                if e.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    if let Some(h) = e.attr("href").filter(|h| h.starts_with("http")) {
                        m.url = Some(h.to_string());
                    }
                }
            }
            "script" => {
                if e.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    let raw =
                        dom.nodes[id]
                            .children
                            .iter()
                            .find_map(|&c| match &dom.nodes[c].data {
                                Data::Text(t) => Some(t.as_str()),
                                _ => None,
                            });
                    if let Some(v) = raw.and_then(|r| serde_json::from_str::<Value>(r.trim()).ok())
                    {
                        read_ld(&v, &mut m, &mut ld_published, 0);
                    }
                }
            }
            _ => {
                if e.attr("itemprop") == Some("datePublished") {
                    if let Some(d) = e.attr("datetime").or_else(|| e.attr("content")) {
                        tag_published.push(d.to_string());
                    }
                }
            }
        }
    }
    m.published = ld_published;
    m.published.extend(tag_published);
    // A "site name" that is the page's title is not the site's name.
    let titles: Vec<String> = [&m.og_title, &m.title_tag, &m.ld_headline]
        .into_iter()
        .flatten()
        .map(|t| squash(t))
        .collect();
    m.site_names.retain(|n| !titles.contains(&squash(n)));
    if let Some(host) = m.url.as_deref().and_then(host_of) {
        m.site_names.push(host);
    }
    m
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `www.example.co.uk` → `example.co.uk`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

fn types(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article")
        || t.ends_with("Posting")
        || matches!(
            t,
            "Report" | "Review" | "WebPage" | "ItemPage" | "LiveBlogPosting"
        )
}

fn read_ld(v: &Value, m: &mut Meta, published: &mut Vec<String>, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => {
            for x in a {
                read_ld(x, m, published, depth + 1);
            }
        }
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                read_ld(g, m, published, depth + 1);
            }
            let ts = types(v);
            if ts.iter().any(|t| is_article_type(t)) {
                let article = ts.iter().any(|t| t != "WebPage" && t != "ItemPage");
                if let Some(h) = o.get("headline").and_then(Value::as_str).and_then(nonempty) {
                    if article || m.ld_headline.is_none() {
                        m.ld_headline = Some(h);
                    }
                }
                if let Some(d) = o.get("datePublished").and_then(Value::as_str) {
                    if article {
                        published.insert(0, d.to_string());
                    } else {
                        published.push(d.to_string());
                    }
                }
                if let Some(d) = o.get("dateModified").and_then(Value::as_str) {
                    m.modified.push(d.to_string());
                }
                if article {
                    if let Some(a) = o.get("author") {
                        read_authors(a, m);
                    }
                }
                if let Some(p) = o.get("publisher") {
                    if let Some(n) = p.get("name").and_then(Value::as_str).and_then(nonempty) {
                        if !m.site_names.contains(&n) {
                            m.site_names.push(n);
                        }
                    }
                }
            }
            if ts
                .iter()
                .any(|t| t == "Organization" || t == "NewsMediaOrganization" || t == "WebSite")
            {
                if let Some(n) = o.get("name").and_then(Value::as_str).and_then(nonempty) {
                    if !m.site_names.contains(&n) {
                        m.site_names.push(n);
                    }
                }
            }
            if let Some(main) = o.get("mainEntity").or_else(|| o.get("mainEntityOfPage")) {
                if main.is_object() && main.get("@type").is_some() {
                    read_ld(main, m, published, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn read_authors(a: &Value, m: &mut Meta) {
    match a {
        Value::Array(xs) => {
            for x in xs {
                read_authors(x, m);
            }
        }
        Value::String(s) => {
            if let Some(n) = nonempty(s) {
                if !n.contains("://") {
                    m.ld_authors.push((n, true));
                }
            }
        }
        Value::Object(o) => {
            let ts = types(a);
            let person = ts.is_empty() || ts.iter().any(|t| t == "Person");
            if let Some(n) = o.get("name").and_then(Value::as_str).and_then(nonempty) {
                if !n.contains("://") {
                    m.ld_authors.push((n, person));
                }
            }
        }
        _ => {}
    }
}
