//! Two records of one article compared item by item: matched the way
//! `shared/tools/score.py` matches a record (B) against gold (A), each item is
//! in both, only in A, only in B, or different (another name, a quote with
//! another speaker, an event of another type, a participant with another role,
//! another time or place, a photo with another credit, another title…).

use crate::assets::{head, Script};
use crate::marks::Mark;
use crate::norm::{name_key, names_match, norm, token_f1};
use crate::page::{legend, marked_text, record_marks};
use maud::{html, Markup, DOCTYPE};
use newsparse_core::record::{Record, Speaker};
use std::collections::HashMap;

/// How an item fares in the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Both,
    OnlyA,
    OnlyB,
    Different,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Both => "both",
            Status::OnlyA => "only A",
            Status::OnlyB => "only B",
            Status::Different => "different",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Status::Both => "st-both",
            Status::OnlyA => "st-a",
            Status::OnlyB => "st-b",
            Status::Different => "st-diff",
        }
    }

    /// The class of its marks in the text.
    fn mark_class(self) -> Option<&'static str> {
        match self {
            Status::Both => None,
            Status::OnlyA => Some("only-a"),
            Status::OnlyB => Some("only-b"),
            Status::Different => Some("diff"),
        }
    }

    pub const ALL: [Status; 4] = [
        Status::Both,
        Status::OnlyA,
        Status::OnlyB,
        Status::Different,
    ];
}

/// What is compared, in the order shown.
pub const KINDS: [&str; 7] = [
    "metadata",
    "photos",
    "people",
    "organizations",
    "places",
    "quotes",
    "events",
];

/// One item of either record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// One of [`KINDS`].
    pub kind: &'static str,
    pub status: Status,
    /// The item's id (or field name, for metadata) in A and in B.
    pub a: Option<String>,
    pub b: Option<String>,
    /// What it is, in a few words (from A when it has it).
    pub label: String,
    /// What differs.
    pub notes: Vec<String>,
}

/// The items of two records of one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Comparison {
    pub items: Vec<Item>,
}

impl Comparison {
    /// How many items of a kind (all kinds for `None`) have a status.
    pub fn count(&self, kind: Option<&str>, status: Status) -> usize {
        self.items
            .iter()
            .filter(|i| i.status == status && kind.is_none_or(|k| i.kind == k))
            .count()
    }

    /// Items that are not the same in both.
    pub fn differences(&self) -> usize {
        self.items.len() - self.count(None, Status::Both)
    }

    /// The share of items the same in both (1 when neither has any).
    pub fn agreement(&self) -> f64 {
        if self.items.is_empty() {
            1.0
        } else {
            self.count(None, Status::Both) as f64 / self.items.len() as f64
        }
    }
}

/// Entity names by id, as score.py's `pred_entity_index` + `entity_names`.
struct Names<'r> {
    by_id: HashMap<&'r str, Vec<String>>,
}

fn entity_names(name: &str, aliases: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        let k = name_key(n);
        if !k.is_empty() && !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

impl<'r> Names<'r> {
    fn of(r: &'r Record) -> Names<'r> {
        let mut by_id = HashMap::new();
        for e in &r.people {
            by_id.insert(e.id.as_str(), entity_names(&e.name, &e.aliases));
        }
        for e in &r.organizations {
            by_id.insert(e.id.as_str(), entity_names(&e.name, &e.aliases));
        }
        for e in &r.places {
            by_id.insert(e.id.as_str(), entity_names(&e.name, &e.aliases));
        }
        Names { by_id }
    }

    /// `ref_names`: the names of a `{ref, name}`.
    fn of_ref(&self, reference: Option<&str>, name: Option<&str>) -> Vec<String> {
        let mut keys = reference
            .and_then(|r| self.by_id.get(r))
            .cloned()
            .unwrap_or_default();
        if let Some(k) = name.map(name_key).filter(|k| !k.is_empty()) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    fn of_speaker(&self, s: &Option<Speaker>) -> Vec<String> {
        s.as_ref().map_or_else(Vec::new, |s| {
            self.of_ref(s.reference.as_deref(), Some(&s.name))
        })
    }
}

/// `match_entities`: one-to-one greedy, A (gold) in order, a B entity whose
/// canonical name is one of A's names preferred. Pairs (a, b).
fn match_entities(a: &[Vec<String>], b: &[Vec<String>], b_names: &[String]) -> Vec<(usize, usize)> {
    let mut used = vec![false; b.len()];
    let mut pairs = Vec::new();
    for (ai, an) in a.iter().enumerate() {
        let mut best = None;
        for (bi, bn) in b.iter().enumerate() {
            if used[bi] || !names_match(bn, an) {
                continue;
            }
            if an.contains(&name_key(&b_names[bi])) {
                best = Some(bi);
                break;
            }
            if best.is_none() {
                best = Some(bi);
            }
        }
        if let Some(bi) = best {
            used[bi] = true;
            pairs.push((ai, bi));
        }
    }
    pairs
}

/// Items from a matching: pairs, then what is left of A and of B.
fn items_of(
    kind: &'static str,
    pairs: Vec<(usize, usize, Vec<String>)>,
    a: &[(String, String)],
    b: &[(String, String)],
    out: &mut Vec<Item>,
) {
    let mut a_used = vec![false; a.len()];
    let mut b_used = vec![false; b.len()];
    for (ai, bi, notes) in pairs {
        a_used[ai] = true;
        b_used[bi] = true;
        out.push(Item {
            kind,
            status: if notes.is_empty() {
                Status::Both
            } else {
                Status::Different
            },
            a: Some(a[ai].0.clone()),
            b: Some(b[bi].0.clone()),
            label: a[ai].1.clone(),
            notes,
        });
    }
    for (i, (id, label)) in a.iter().enumerate() {
        if !a_used[i] {
            out.push(Item {
                kind,
                status: Status::OnlyA,
                a: Some(id.clone()),
                b: None,
                label: label.clone(),
                notes: Vec::new(),
            });
        }
    }
    for (i, (id, label)) in b.iter().enumerate() {
        if !b_used[i] {
            out.push(Item {
                kind,
                status: Status::OnlyB,
                a: None,
                b: Some(id.clone()),
                label: label.clone(),
                notes: Vec::new(),
            });
        }
    }
}

fn metadata(a: &Record, b: &Record, out: &mut Vec<Item>) {
    let (aa, ba) = (&a.article, &b.article);
    let fields: [(&str, Option<&str>, Option<&str>); 3] = [
        ("title", aa.title.as_deref(), ba.title.as_deref()),
        ("subtitle", aa.subtitle.as_deref(), ba.subtitle.as_deref()),
        (
            "published",
            aa.published.as_deref(),
            ba.published.as_deref(),
        ),
    ];
    let mut push = |field: &str, x: Option<String>, y: Option<String>, same: bool| {
        let status = match (&x, &y, same) {
            (None, None, _) => return,
            (_, _, true) => Status::Both,
            (Some(_), None, _) => Status::OnlyA,
            (None, Some(_), _) => Status::OnlyB,
            (Some(_), Some(_), false) => Status::Different,
        };
        let notes = if status == Status::Different {
            vec![format!(
                "{field}: {} vs {}",
                x.as_deref().unwrap_or(""),
                y.as_deref().unwrap_or("")
            )]
        } else {
            Vec::new()
        };
        out.push(Item {
            kind: "metadata",
            status,
            a: x.as_ref().map(|_| field.to_string()),
            b: y.as_ref().map(|_| field.to_string()),
            label: format!("{field}: {}", x.or(y).unwrap_or_default()),
            notes,
        });
    };
    for (field, x, y) in fields {
        push(
            field,
            x.map(str::to_string),
            y.map(str::to_string),
            norm(x.unwrap_or("")) == norm(y.unwrap_or("")),
        );
    }
    let keys = |v: &[String]| {
        let mut k: Vec<String> = v.iter().map(|s| name_key(s)).collect();
        k.sort();
        k.dedup();
        k
    };
    let (x, y) = (&aa.byline, &ba.byline);
    push(
        "byline",
        (!x.is_empty()).then(|| x.join(", ")),
        (!y.is_empty()).then(|| y.join(", ")),
        keys(x) == keys(y),
    );
}

fn photos(a: &Record, b: &Record, out: &mut Vec<Item>) {
    let mut used = vec![false; b.photos.len()];
    let mut pairs = Vec::new();
    for (ai, p) in a.photos.iter().enumerate() {
        for (bi, q) in b.photos.iter().enumerate() {
            if !used[bi] && token_f1(&q.caption, &p.caption) >= 0.8 {
                used[bi] = true;
                let mut notes = Vec::new();
                if norm(p.credit.as_deref().unwrap_or(""))
                    != norm(q.credit.as_deref().unwrap_or(""))
                {
                    notes.push(format!(
                        "credit: {} vs {}",
                        p.credit.as_deref().unwrap_or("none"),
                        q.credit.as_deref().unwrap_or("none")
                    ));
                }
                pairs.push((ai, bi, notes));
                break;
            }
        }
    }
    let list = |r: &Record| -> Vec<(String, String)> {
        r.photos
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("photo {}", i + 1), p.caption.clone()))
            .collect()
    };
    items_of("photos", pairs, &list(a), &list(b), out);
}

fn entities(a: &Record, b: &Record, out: &mut Vec<Item>) {
    type List = Vec<(String, String, Vec<String>)>;
    let lists = |r: &Record| -> [List; 3] {
        [
            r.people
                .iter()
                .map(|e| {
                    (
                        e.id.clone(),
                        e.name.clone(),
                        entity_names(&e.name, &e.aliases),
                    )
                })
                .collect(),
            r.organizations
                .iter()
                .map(|e| {
                    (
                        e.id.clone(),
                        e.name.clone(),
                        entity_names(&e.name, &e.aliases),
                    )
                })
                .collect(),
            r.places
                .iter()
                .map(|e| {
                    (
                        e.id.clone(),
                        e.name.clone(),
                        entity_names(&e.name, &e.aliases),
                    )
                })
                .collect(),
        ]
    };
    let (la, lb) = (lists(a), lists(b));
    for (kind, (xa, xb)) in ["people", "organizations", "places"]
        .into_iter()
        .zip(la.iter().zip(lb.iter()))
    {
        let keys = |l: &List| l.iter().map(|e| e.2.clone()).collect::<Vec<_>>();
        let names = |l: &List| l.iter().map(|e| e.1.clone()).collect::<Vec<_>>();
        let pairs = match_entities(&keys(xa), &keys(xb), &names(xb))
            .into_iter()
            .map(|(ai, bi)| {
                let notes = if name_key(&xa[ai].1) == name_key(&xb[bi].1) {
                    Vec::new()
                } else {
                    vec![format!("name: {} vs {}", xa[ai].1, xb[bi].1)]
                };
                (ai, bi, notes)
            })
            .collect();
        let ids = |l: &List| {
            l.iter()
                .map(|e| (e.0.clone(), e.1.clone()))
                .collect::<Vec<_>>()
        };
        items_of(kind, pairs, &ids(xa), &ids(xb), out);
    }
}

/// The quotes of a record with the same text as an earlier one are left out
/// (score.py's `seen`, applied to both sides: a record holds its repeats).
fn distinct_quotes(r: &Record) -> Vec<usize> {
    let mut seen = Vec::new();
    (0..r.quotes.len())
        .filter(|&i| {
            let k = norm(&r.quotes[i].text);
            let fresh = !seen.contains(&k);
            seen.push(k);
            fresh
        })
        .collect()
}

fn quotes(a: &Record, b: &Record, na: &Names, nb: &Names, out: &mut Vec<Item>) {
    let (aq, bq) = (distinct_quotes(a), distinct_quotes(b));
    let mut used = vec![false; bq.len()];
    let mut pairs = Vec::new();
    for (ak, &ai) in aq.iter().enumerate() {
        let q = &a.quotes[ai];
        let mut best: Option<usize> = None;
        let mut best_f = 0.8;
        for (k, &bi) in bq.iter().enumerate() {
            if used[k] {
                continue;
            }
            let f = token_f1(&b.quotes[bi].text, &q.text);
            if f >= best_f {
                best = Some(k);
                best_f = f;
            }
        }
        let Some(k) = best else { continue };
        used[k] = true;
        let p = &b.quotes[bq[k]];
        let (sa, sb) = (na.of_speaker(&q.speaker), nb.of_speaker(&p.speaker));
        let same = if q.speaker.is_none() {
            sb.is_empty()
        } else {
            names_match(&sb, &sa)
        };
        let mut notes = Vec::new();
        if !same {
            let who =
                |s: &Option<Speaker>| s.as_ref().map_or("none".to_string(), |s| s.name.clone());
            notes.push(format!(
                "speaker: {} vs {}",
                who(&q.speaker),
                who(&p.speaker)
            ));
        }
        pairs.push((ak, k, notes));
    }
    let list = |r: &Record, keep: &[usize]| -> Vec<(String, String)> {
        keep.iter()
            .map(|&i| (r.quotes[i].id.clone(), r.quotes[i].text.clone()))
            .collect()
    };
    items_of("quotes", pairs, &list(a, &aq), &list(b, &bq), out);
}

fn events(a: &Record, b: &Record, na: &Names, nb: &Names, out: &mut Vec<Item>) {
    let trig4 = |t: &str| norm(t).chars().take(4).collect::<String>();
    let mut used = vec![false; b.events.len()];
    let mut matched: Vec<Option<usize>> = vec![None; a.events.len()];
    for (ai, e) in a.events.iter().enumerate() {
        let (s0, s1) = (e.sentence.start, e.sentence.end);
        let cands: Vec<usize> = (0..b.events.len())
            .filter(|&bi| {
                let p = &b.events[bi];
                !used[bi]
                    && p.event_type == e.event_type
                    && s0 <= p.trigger.span.start
                    && p.trigger.span.start < s1
            })
            .collect();
        let Some(&first) = cands.first() else {
            continue;
        };
        let want = trig4(&e.trigger.text);
        let pick = cands
            .iter()
            .copied()
            .find(|&bi| trig4(&b.events[bi].trigger.text) == want)
            .unwrap_or(first);
        used[pick] = true;
        matched[ai] = Some(pick);
    }
    // An event of another type at the same trigger: different, not two items.
    let mut retyped = vec![false; a.events.len()];
    for (ai, e) in a.events.iter().enumerate() {
        if matched[ai].is_some() {
            continue;
        }
        let t = e.trigger.span;
        if let Some(bi) = (0..b.events.len()).find(|&bi| {
            let u = b.events[bi].trigger.span;
            !used[bi] && u.start < t.end && t.start < u.end
        }) {
            used[bi] = true;
            matched[ai] = Some(bi);
            retyped[ai] = true;
        }
    }
    let mut pairs = Vec::new();
    for (ai, bi) in matched
        .iter()
        .enumerate()
        .filter_map(|(ai, m)| m.map(|bi| (ai, bi)))
    {
        let (e, p) = (&a.events[ai], &b.events[bi]);
        let mut notes = Vec::new();
        if retyped[ai] {
            notes.push(format!("type: {} vs {}", e.event_type, p.event_type));
        }
        // Participants, matched by name as score.py does; then their roles.
        let ap: Vec<(Vec<String>, &str, &str)> = e
            .participants
            .iter()
            .map(|x| {
                (
                    na.of_ref(Some(&x.reference), None),
                    x.role.as_str(),
                    x.reference.as_str(),
                )
            })
            .collect();
        let bp: Vec<(Vec<String>, &str, &str)> = p
            .participants
            .iter()
            .map(|x| {
                (
                    nb.of_ref(Some(&x.reference), None),
                    x.role.as_str(),
                    x.reference.as_str(),
                )
            })
            .filter(|x| !x.0.is_empty())
            .collect();
        let mut hit = vec![false; bp.len()];
        let first_name =
            |n: &[String], id: &str| n.first().cloned().unwrap_or_else(|| id.to_string());
        for (an, arole, aid) in &ap {
            match (0..bp.len()).find(|&k| !hit[k] && names_match(&bp[k].0, an)) {
                Some(k) => {
                    hit[k] = true;
                    if *arole != bp[k].1 {
                        notes.push(format!(
                            "role of {}: {arole} vs {}",
                            first_name(an, aid),
                            bp[k].1
                        ));
                    }
                }
                None => notes.push(format!(
                    "participant only in A: {} ({arole})",
                    first_name(an, aid)
                )),
            }
        }
        for (k, (bn, brole, bid)) in bp.iter().enumerate() {
            if !hit[k] {
                notes.push(format!(
                    "participant only in B: {} ({brole})",
                    first_name(bn, bid)
                ));
            }
        }
        let time =
            |t: &Option<newsparse_core::record::EventTime>| t.as_ref().map(|t| t.value.clone());
        if time(&e.time) != time(&p.time) {
            notes.push(format!(
                "time: {} vs {}",
                time(&e.time).unwrap_or_else(|| "none".into()),
                time(&p.time).unwrap_or_else(|| "none".into())
            ));
        }
        let place = |pl: &Option<newsparse_core::record::EventPlace>| {
            pl.as_ref().map(|x| name_key(&x.name))
        };
        if place(&e.place) != place(&p.place) {
            let show = |pl: &Option<newsparse_core::record::EventPlace>| {
                pl.as_ref().map_or("none".to_string(), |x| x.name.clone())
            };
            notes.push(format!("place: {} vs {}", show(&e.place), show(&p.place)));
        }
        pairs.push((ai, bi, notes));
    }
    let list = |r: &Record| -> Vec<(String, String)> {
        r.events
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    format!("{}: {}", e.event_type, e.trigger.text),
                )
            })
            .collect()
    };
    items_of("events", pairs, &list(a), &list(b), out);
}

/// Compare two records of one article: A is read as score.py reads gold, B
/// as its prediction.
pub fn compare(a: &Record, b: &Record) -> Comparison {
    let (na, nb) = (Names::of(a), Names::of(b));
    let mut items = Vec::new();
    metadata(a, b, &mut items);
    photos(a, b, &mut items);
    entities(a, b, &mut items);
    quotes(a, b, &na, &nb, &mut items);
    events(a, b, &na, &nb, &mut items);
    Comparison { items }
}

/// The marks of both records over one text: A's spans of items in A (their
/// status as class), B's spans of items only in B; ids as `a:p1`, `b:p1`, and
/// a matched item's spans carry both ids.
fn compare_marks(a: &Record, b: &Record, text: &str, c: &Comparison) -> Vec<Mark> {
    let mut status_a: HashMap<&str, (Status, Option<&str>)> = HashMap::new();
    let mut status_b: HashMap<&str, Status> = HashMap::new();
    for item in &c.items {
        if item.kind == "metadata" || item.kind == "photos" {
            continue;
        }
        if let Some(id) = &item.a {
            status_a.insert(id, (item.status, item.b.as_deref()));
        }
        if let Some(id) = &item.b {
            status_b.insert(id, item.status);
        }
    }
    let mut marks = Vec::new();
    for mut m in record_marks(a, text, false) {
        let own = m.refs.first().cloned();
        if let Some((status, b_id)) = own.as_deref().and_then(|id| status_a.get(id)) {
            m.status = status.mark_class();
            if let Some(b_id) = b_id {
                m.refs.push(format!("b:{b_id}"));
            }
        }
        m.refs = m
            .refs
            .iter()
            .map(|r| {
                if r.starts_with("b:") {
                    r.clone()
                } else {
                    format!("a:{r}")
                }
            })
            .collect();
        marks.push(m);
    }
    for mut m in record_marks(b, text, false) {
        let own = m.refs.first().cloned();
        if own.as_deref().and_then(|id| status_b.get(id)) == Some(&Status::OnlyB) {
            m.status = Status::OnlyB.mark_class();
            m.refs = m.refs.iter().map(|r| format!("b:{r}")).collect();
            m.label = format!("only in B: {}", m.label);
            marks.push(m);
        }
    }
    marks
}

fn counts_table(c: &Comparison) -> Markup {
    html! {
        table.counts aria-label="counts per kind" {
            thead { tr { th { "kind" } @for s in Status::ALL { th.n { (s.name()) } } } }
            tbody {
                @for kind in KINDS {
                    tr {
                        td { (kind) }
                        @for s in Status::ALL { td.n { (c.count(Some(kind), s)) } }
                    }
                }
                tr {
                    td { strong { "all" } }
                    @for s in Status::ALL { td.n { strong { (c.count(None, s)) } } }
                }
            }
        }
    }
}

/// The compare page of two records of one article whose spans index `text`.
/// `names` are what to call A and B (file names, versions).
/// `c` is [`compare`]`(a, b)`.
pub fn compare_html(
    a: &Record,
    b: &Record,
    c: &Comparison,
    text: Option<&str>,
    names: (&str, &str),
    index_href: Option<&str>,
) -> String {
    let heading = a
        .article
        .title
        .clone()
        .or_else(|| b.article.title.clone())
        .unwrap_or_else(|| "(no title)".into());
    let sel = |side: &str, id: &Option<String>, kind: &str| -> Option<String> {
        match (kind, id) {
            ("metadata" | "photos", _) | (_, None) => None,
            (_, Some(id)) => Some(format!("{side}:{id}")),
        }
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            (head(&format!("{heading} \u{2014} A vs B \u{2014} newsparse review"), Script::Page))
            body {
                header {
                    @if let Some(href) = index_href { p { a href=(href) { "\u{2190} all articles" } } }
                    h1 { (heading) }
                    p.meta { "A: " (names.0) " \u{00B7} B: " (names.1) }
                    p.meta {
                        (format!("{:.0}%", c.agreement() * 100.0)) " of " (c.items.len()) " items the same; "
                        (c.differences()) " differ. Matched as shared/tools/score.py matches (A read as gold)."
                    }
                }
                (counts_table(c))
                (legend())
                div.legend {
                    strong { "Compare:" }
                    span.sw.only-a { "only in A" }
                    span.sw.only-b { "only in B" }
                    span.sw.diff { "different" }
                    span.sw { "unmarked: in both" }
                }
                div.cols {
                    div.textcol {
                        @match text {
                            Some(t) => article #text.text lang="en" { (marked_text(t, &compare_marks(a, b, t, c))) },
                            None => p.prob { "No article text: give --source, or records that carry their text." },
                        }
                    }
                    aside aria-label="items compared" {
                        p #status.meta role="status" aria-live="polite" {}
                        @for kind in KINDS {
                            @let items: Vec<&Item> = c.items.iter().filter(|i| i.kind == kind).collect();
                            @if !items.is_empty() {
                                h2 { (kind) " (" (items.len()) ")" }
                                ul {
                                    @for it in items {
                                        li {
                                            span class=(it.status.class()) { "[" (it.status.name()) "] " }
                                            @match sel(if it.a.is_some() { "a" } else { "b" }, if it.a.is_some() { &it.a } else { &it.b }, kind) {
                                                Some(s) => button.item type="button" data-sel=(s) aria-pressed="false" { (crate::page::short_label(&it.label)) },
                                                None => span { (crate::page::short_label(&it.label)) },
                                            }
                                            @if let (Some(x), Some(y)) = (&it.a, &it.b) {
                                                @if kind != "metadata" { " " span.meta { (x) " / " (y) } }
                                            }
                                            @for n in &it.notes { p.prob { (n) } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                output #test-result hidden {}
                (Script::Page.element())
            }
        }
    }
    .into_string()
}

/// One article of a compare index.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// Its compare page, relative to the index (none when only one side has it).
    pub href: Option<String>,
    pub title: Option<String>,
    pub key: String,
    /// `None` when only one side has the article.
    pub comparison: Option<Comparison>,
    /// Which side has it, when only one does.
    pub only: Option<&'static str>,
}

impl CompareRow {
    fn agreement(&self) -> f64 {
        self.comparison.as_ref().map_or(0.0, Comparison::agreement)
    }

    fn differences(&self) -> usize {
        self.comparison
            .as_ref()
            .map_or(usize::MAX, Comparison::differences)
    }
}

/// Rows in index order: least agreement first, then most differences, then key.
pub fn sort_rows(rows: &mut [CompareRow]) {
    rows.sort_by(|x, y| {
        x.agreement()
            .total_cmp(&y.agreement())
            .then(y.differences().cmp(&x.differences()))
            .then(x.key.cmp(&y.key))
    });
}

/// The index of a directory comparison: per-article agreement, most changed
/// first (sort `rows` with [`sort_rows`]).
pub fn compare_index_html(rows: &[CompareRow], names: (&str, &str)) -> String {
    let mut total = Comparison::default();
    for r in rows {
        if let Some(c) = &r.comparison {
            total.items.extend(c.items.iter().cloned());
        }
    }
    let changed = rows.iter().filter(|r| r.differences() > 0).count();
    html! {
        (DOCTYPE)
        html lang="en" {
            (head("newsparse review: A vs B", Script::Index))
            body {
                header {
                    h1 { "A vs B" }
                    p.meta { "A: " (names.0) " \u{00B7} B: " (names.1) }
                    p.meta {
                        (rows.len()) " article(s), " (changed) " changed; "
                        (format!("{:.1}%", total.agreement() * 100.0)) " of " (total.items.len()) " items the same. "
                        "Most changed first; click a column header to sort."
                    }
                }
                (counts_table(&total))
                div.filter {
                    label for="filter" { "Filter: " }
                    input #filter type="search" placeholder="words in the title or path" autocomplete="off";
                    " " span #shown.meta role="status" aria-live="polite" {}
                }
                table #rows {
                    thead {
                        tr {
                            th { button type="button" { "Article" } }
                            th { button type="button" { "Title" } }
                            th.n { button type="button" { "Agreement" } }
                            @for s in Status::ALL { th.n { button type="button" { (s.name()) } } }
                            th { button type="button" { "Changed kinds" } }
                        }
                    }
                    tbody {
                        @for r in rows {
                            tr {
                                td {
                                    @match &r.href {
                                        Some(h) => a href=(h) { (r.key) },
                                        None => span { (r.key) },
                                    }
                                }
                                td { (r.title.as_deref().unwrap_or("(no title)")) }
                                @match &r.comparison {
                                    Some(c) => {
                                        td.n data-v=(format!("{:.4}", c.agreement())) { (format!("{:.0}%", c.agreement() * 100.0)) }
                                        @for s in Status::ALL { td.n { (c.count(None, s)) } }
                                        td {
                                            @let kinds: Vec<String> = KINDS.iter().filter_map(|k| {
                                                let n = c.items.iter().filter(|i| i.kind == *k && i.status != Status::Both).count();
                                                (n > 0).then(|| format!("{k} {n}"))
                                            }).collect();
                                            (kinds.join(", "))
                                        }
                                    }
                                    None => {
                                        td.n data-v="-1" { "\u{2013}" }
                                        @for _ in Status::ALL { td.n { "" } }
                                        td { (r.only.unwrap_or("")) }
                                    }
                                }
                            }
                        }
                    }
                }
                (Script::Index.element())
            }
        }
    }
    .into_string()
}
