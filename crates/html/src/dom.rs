//! A small, forgiving HTML tree: a tokenizer and a tree builder written for
//! extraction, not for rendering.
//!
//! Why our own: html5ever (through `scraper`) parsed the 91 benchmark pages
//! at ~220 pages/s on one core, below the 10× trafilatura target on its own;
//! `tl` parsed them at ~1,400 pages/s but reads `<script>` bodies as markup
//! and ignores every end tag that does not close the innermost element, so
//! one unclosed `<p>` nests the rest of the page under it. This tokenizer
//! reads raw-text elements (`script`, `style`, `textarea`, `title`…) as text,
//! decodes character references (html-escape), and the builder closes
//! elements the way browsers do in the cases that matter for finding text:
//! an end tag closes up to its open element (or is ignored when none is
//! open), a block start closes an open `<p>`, `<li>` closes `<li>`,
//! `<dt>`/`<dd>` close each other, cells and rows close cells and rows.

use std::borrow::Cow;

/// Index of a node in [`Dom::nodes`].
pub type Id = usize;

/// One node: an element or a run of text.
#[derive(Debug)]
pub struct Node {
    pub parent: Option<Id>,
    pub children: Vec<Id>,
    pub data: Data,
}

#[derive(Debug)]
pub enum Data {
    Element(Element),
    Text(String),
}

#[derive(Debug)]
pub struct Element {
    /// Lowercase tag name.
    pub name: String,
    /// Attributes, names lowercase, values decoded.
    pub attrs: Vec<(String, String)>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The whole page: node 0 is the document root.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];
/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];
/// Elements whose start closes an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "figcaption",
    "li",
];
/// Elements an end tag does not close past (a stray `</div>` inside a table
/// cell does not close the cell's ancestors).
const SCOPE: &[&str] = &["td", "th", "table", "html", "template", "caption"];

impl Dom {
    pub fn element(&self, id: Id) -> Option<&Element> {
        match &self.nodes[id].data {
            Data::Element(e) => Some(e),
            Data::Text(_) => None,
        }
    }

    pub fn name(&self, id: Id) -> &str {
        self.element(id).map(|e| e.name.as_str()).unwrap_or("")
    }

    /// Every node under `id` (not `id` itself), in document order.
    pub fn descendants(&self, id: Id) -> Vec<Id> {
        let mut out = Vec::new();
        let mut stack: Vec<Id> = self.nodes[id].children.iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// The text under `id`, whitespace collapsed.
    pub fn text(&self, id: Id) -> String {
        let mut s = String::new();
        self.text_into(id, &mut s);
        collapse(&s)
    }

    fn text_into(&self, id: Id, out: &mut String) {
        match &self.nodes[id].data {
            Data::Text(t) => out.push_str(t),
            Data::Element(e) => {
                if matches!(
                    e.name.as_str(),
                    "script" | "style" | "noscript" | "template"
                ) {
                    return;
                }
                if e.name == "br" {
                    out.push(' ');
                }
                for &c in &self.nodes[id].children {
                    self.text_into(c, out);
                }
                if is_block(&e.name) {
                    out.push(' ');
                }
            }
        }
    }

    /// Whether `a` is `b` or one of its ancestors.
    pub fn contains(&self, a: Id, b: Id) -> bool {
        let mut n = Some(b);
        while let Some(x) = n {
            if x == a {
                return true;
            }
            n = self.nodes[x].parent;
        }
        false
    }
}

/// Whether an element starts a new line of text.
pub fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "figure"
            | "figcaption"
            | "aside"
            | "nav"
            | "main"
            | "form"
            | "address"
            | "hr"
            | "br"
            | "caption"
            | "tbody"
            | "thead"
            | "center"
            | "fieldset"
    )
}

/// Collapse runs of whitespace (including no-break spaces) to one space and trim.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

fn decode(s: &str) -> Cow<'_, str> {
    if s.contains('&') {
        html_escape::decode_html_entities(s)
    } else {
        Cow::Borrowed(s)
    }
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<Id>,
}

impl Builder {
    fn push(&mut self, data: Data) -> Id {
        let parent = *self.stack.last().expect("the root stays open");
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent: Some(parent),
            children: Vec::new(),
            data,
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn open_name(&self, i: usize) -> &str {
        match &self.nodes[self.stack[i]].data {
            Data::Element(e) => &e.name,
            Data::Text(_) => "",
        }
    }

    /// Close the innermost open `name`, if one is open within scope.
    fn close(&mut self, name: &str, scope: &[&str]) -> bool {
        for i in (1..self.stack.len()).rev() {
            let open = self.open_name(i);
            if open == name {
                self.stack.truncate(i);
                return true;
            }
            if scope.contains(&open) {
                return false;
            }
        }
        false
    }

    fn start(&mut self, name: String, attrs: Vec<(String, String)>) -> Id {
        let n = name.as_str();
        if CLOSES_P.contains(&n) {
            self.close(
                "p",
                &[
                    "div",
                    "td",
                    "th",
                    "li",
                    "table",
                    "section",
                    "article",
                    "blockquote",
                    "button",
                ],
            );
        }
        match n {
            "li" => {
                self.close("li", &["ul", "ol", "div", "td", "table"]);
            }
            "dt" | "dd" => {
                if !self.close("dt", &["dl", "div"]) {
                    self.close("dd", &["dl", "div"]);
                }
            }
            "tr" => {
                self.close("tr", &["table", "tbody", "thead", "tfoot"]);
            }
            "td" | "th" => {
                if !self.close("td", &["tr", "table"]) {
                    self.close("th", &["tr", "table"]);
                }
            }
            "option" => {
                self.close("option", &["select", "datalist"]);
            }
            "a" => {
                self.close("a", &["div", "p", "li", "td", "table"]);
            }
            _ => {}
        }
        let void = VOID.contains(&n);
        let id = self.push(Data::Element(Element { name, attrs }));
        if !void {
            self.stack.push(id);
        }
        id
    }
}

/// Parse a page. Never fails: whatever the markup, the result is a tree.
pub fn parse(html: &str) -> Dom {
    let mut b = Builder {
        nodes: vec![Node {
            parent: None,
            children: Vec::new(),
            data: Data::Element(Element {
                name: "#document".into(),
                attrs: Vec::new(),
            }),
        }],
        stack: vec![0],
    };
    let bytes = html.as_bytes();
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        let lt = match memchr::memchr(b'<', &bytes[i..]) {
            Some(k) => i + k,
            None => n,
        };
        if lt > i {
            let text = decode(&html[i..lt]);
            b.push(Data::Text(text.into_owned()));
        }
        if lt >= n {
            break;
        }
        i = lt;
        let rest = &bytes[i + 1..];
        match rest.first() {
            Some(b'!') => {
                // Comment, doctype or CDATA: skip it.
                if rest.starts_with(b"!--") {
                    i = match memchr::memmem::find(&bytes[i + 4..], b"-->") {
                        Some(k) => i + 4 + k + 3,
                        None => n,
                    };
                } else {
                    i = match memchr::memchr(b'>', &bytes[i..]) {
                        Some(k) => i + k + 1,
                        None => n,
                    };
                }
            }
            Some(b'?') => {
                i = match memchr::memchr(b'>', &bytes[i..]) {
                    Some(k) => i + k + 1,
                    None => n,
                };
            }
            Some(b'/') => {
                let (name, end) = tag_name(bytes, i + 2);
                i = match memchr::memchr(b'>', &bytes[end.min(n)..]) {
                    Some(k) => end + k + 1,
                    None => n,
                };
                if name.is_empty() {
                    continue;
                }
                let name = name.to_ascii_lowercase();
                match name.as_str() {
                    "p" => {
                        if !b.close("p", SCOPE) {
                            // `</p>` with no open p: an empty paragraph.
                            b.start("p".into(), Vec::new());
                            b.close("p", SCOPE);
                        }
                    }
                    "br" => {
                        b.start("br".into(), Vec::new());
                    }
                    _ => {
                        let scope: &[&str] = if matches!(name.as_str(), "td" | "th" | "table") {
                            &["table", "html"]
                        } else {
                            SCOPE
                        };
                        b.close(&name, scope);
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, end) = tag_name(bytes, i + 1);
                let name = name.to_ascii_lowercase();
                let (attrs, end, self_closing) = attributes(html, end);
                i = end;
                let raw = RAW_TEXT.contains(&name.as_str());
                let id = b.start(name, attrs);
                if raw && !self_closing {
                    // Raw text up to the matching end tag.
                    let tag = b.open_name(b.stack.len() - 1).to_string();
                    let close = find_end_tag(bytes, i, tag.as_bytes());
                    let body = &html[i..close.0];
                    if !body.is_empty() {
                        let text = if tag == "title" || tag == "textarea" {
                            decode(body).into_owned()
                        } else {
                            body.to_string()
                        };
                        b.push(Data::Text(text));
                    }
                    i = close.1;
                    if b.stack.last() == Some(&id) {
                        b.stack.pop();
                    }
                } else if self_closing && b.stack.last() == Some(&id) && !is_block(b.name_of(id)) {
                    b.stack.pop();
                }
            }
            _ => {
                // A lone '<' is text.
                b.push(Data::Text("<".into()));
                i += 1;
            }
        }
    }
    Dom { nodes: b.nodes }
}

impl Builder {
    fn name_of(&self, id: Id) -> &str {
        match &self.nodes[id].data {
            Data::Element(e) => &e.name,
            Data::Text(_) => "",
        }
    }
}

fn tag_name(bytes: &[u8], start: usize) -> (String, usize) {
    let mut j = start;
    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' && bytes[j] != b'/'
    {
        j += 1;
    }
    let s = String::from_utf8_lossy(&bytes[start.min(j)..j]).into_owned();
    (s, j)
}

/// `</name` (any case) from `from`: (start of the end tag, after its `>`).
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut k = from;
    while let Some(off) = memchr::memmem::find(&bytes[k..], b"</") {
        let at = k + off;
        let after = at + 2;
        if bytes.len() >= after + name.len()
            && bytes[after..after + name.len()].eq_ignore_ascii_case(name)
            && bytes
                .get(after + name.len())
                .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        {
            let end = match memchr::memchr(b'>', &bytes[after..]) {
                Some(e) => after + e + 1,
                None => bytes.len(),
            };
            return (at, end);
        }
        k = after;
    }
    (bytes.len(), bytes.len())
}

/// Attributes from `start` to the tag's `>`: (attributes, after `>`, self-closing).
fn attributes(html: &str, start: usize) -> (Vec<(String, String)>, usize, bool) {
    let b = html.as_bytes();
    let n = b.len();
    let mut i = start;
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= n {
            return (attrs, n, self_closing);
        }
        if b[i] == b'>' {
            return (attrs, i + 1, self_closing);
        }
        self_closing = false;
        let ns = i;
        while i < n && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let name = html[ns..i].to_ascii_lowercase();
        while i < n && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < n && b[i] == b'=' {
            i += 1;
            while i < n && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < n && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr::memchr(q, &b[vs..]).map_or(n, |k| vs + k);
                value = decode(&html[vs..ve]).into_owned();
                i = (ve + 1).min(n);
            } else {
                let vs = i;
                while i < n && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = decode(&html[vs..i]).into_owned();
            }
        }
        if !name.is_empty() && keep_attr(&name) {
            attrs.push((name, value));
        }
    }
}

/// The attributes extraction reads; the rest are dropped at parse time.
fn keep_attr(name: &str) -> bool {
    matches!(
        name,
        "id" | "class"
            | "itemprop"
            | "itemtype"
            | "rel"
            | "property"
            | "name"
            | "content"
            | "datetime"
            | "type"
            | "role"
            | "hidden"
            | "aria-hidden"
            | "style"
            | "href"
            | "charset"
            | "http-equiv"
            | "pubdate"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(d: &Dom) -> Vec<(String, String)> {
        // (parent name, text) of every non-blank text node.
        d.nodes
            .iter()
            .filter_map(|n| match &n.data {
                Data::Text(t) if !t.trim().is_empty() => {
                    Some((d.name(n.parent.unwrap()).to_string(), t.trim().to_string()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn unclosed_paragraphs_and_items_close_like_a_browser() {
        let d = parse("<div><p>one<p>two<ul><li>a<li>b</ul></div><p>three");
        let t = texts(&d);
        assert_eq!(t[0], ("p".into(), "one".into()));
        assert_eq!(t[1], ("p".into(), "two".into()));
        assert_eq!(t[2], ("li".into(), "a".into()));
        assert_eq!(t[3], ("li".into(), "b".into()));
        // "three" is outside the div: the div closed at </div>.
        let three = d
            .nodes
            .iter()
            .position(|n| matches!(&n.data, Data::Text(t) if t == "three"))
            .unwrap();
        let p = d.nodes[three].parent.unwrap();
        assert_eq!(d.name(d.nodes[p].parent.unwrap()), "#document");
    }

    #[test]
    fn script_bodies_are_text_and_entities_are_decoded() {
        let d = parse("<script>if (a<b) { x = '<div>'; }</script><p title=x>Caf&eacute; &amp; tea&#8217;s</p>");
        let t = texts(&d);
        assert_eq!(t[0].0, "script");
        assert_eq!(t[1], ("p".into(), "Café & tea’s".into()));
        assert_eq!(
            d.nodes
                .iter()
                .filter(|n| matches!(&n.data, Data::Element(e) if e.name == "div"))
                .count(),
            0
        );
    }

    #[test]
    fn stray_end_tags_are_ignored_and_attributes_read() {
        let d = parse("<DIV Class='a b' id=x></span><P>t</p></div><meta property=\"og:title\" content=\"A &quot;B&quot;\">");
        let div = d.element(1).unwrap();
        assert_eq!(div.name, "div");
        assert_eq!(div.attr("class"), Some("a b"));
        assert_eq!(div.attr("id"), Some("x"));
        let meta = d.nodes.iter().find_map(|n| match &n.data {
            Data::Element(e) if e.name == "meta" => Some(e),
            _ => None,
        });
        assert_eq!(meta.unwrap().attr("content"), Some("A \"B\""));
    }
}
