//! The article page: the text with every span of the record marked, lists of
//! entities, quotes, events and photos beside it, validation problems in
//! place and at the top, and the record's JSON folded.

use crate::assets::{head, Script};
use crate::escape::{escape_into, Esc};
use crate::marks::{drawable, layout, Kind, Mark, Piece};
use maud::{html, Markup, PreEscaped, Render, DOCTYPE};
use newsparse_core::record::{Mention, Record, Span};
use newsparse_validate::schema::Problem;
use serde_json::Value;
use std::collections::HashMap;

/// How a page links to the rest of a review directory.
#[derive(Debug, Clone, Default)]
pub struct PageOptions {
    /// The index page, relative to this page (`../index.html`); no link when `None`.
    pub index_href: Option<String>,
}

/// The review page of one record whose spans index `text`, with its
/// validation problems (from [`crate::problems`]; may be empty). Self-contained:
/// inline style and script, nothing fetched.
pub fn page_html(record: &Record, text: &str, problems: &[Problem]) -> String {
    let json = serde_json::to_value(record)
        .map(|v| crate::json::layout(&v))
        .unwrap_or_default();
    render(
        Ok(record),
        &escaped(&json),
        Some(text),
        problems,
        &PageOptions::default(),
    )
}

fn escaped(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + text.len() / 4);
    escape_into(text, &mut html);
    html
}

/// The review page of a record as JSON, which may fail validation or not even
/// have the contract's shape (then its spans cannot be drawn: the page says
/// why and still shows the problems, the text and the JSON). `text` is the
/// text its spans index, when known.
pub fn page_html_for(
    record: &Value,
    text: Option<&str>,
    problems: &[Problem],
    options: &PageOptions,
) -> String {
    let typed = <Record as serde::Deserialize>::deserialize(record).map_err(|e| e.to_string());
    page_html_typed(
        record,
        typed.as_ref().map_err(String::clone),
        text,
        problems,
        options,
    )
}

/// [`page_html_for`] with the record already read as the contract's type
/// (or why it cannot be).
pub(crate) fn page_html_typed(
    record: &Value,
    typed: Result<&Record, String>,
    text: Option<&str>,
    problems: &[Problem],
    options: &PageOptions,
) -> String {
    let json = escaped(&crate::json::layout(record));
    // A record without the contract's shape still has its title shown.
    let typed = typed.map_err(|why| {
        let title = record
            .pointer("/article/title")
            .and_then(Value::as_str)
            .map(str::to_string);
        (why, title)
    });
    render(typed, &json, text, problems, options)
}

/// Whether a problem at `pointer` concerns the member at `prefix`.
fn under(pointer: &str, prefix: &str) -> bool {
    pointer
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

fn problems_under<'p>(problems: &'p [Problem], prefixes: &[String]) -> Vec<&'p Problem> {
    problems
        .iter()
        .filter(|p| prefixes.iter().any(|x| under(&p.pointer, x)))
        .collect()
}

/// The id of the list item a pointer falls in (`/quotes/2/speaker/ref` → `q3`'s id).
fn item_of(record: &Record, pointer: &str) -> Option<String> {
    let mut parts = pointer.split('/').skip(1);
    let (list, index) = (parts.next()?, parts.next()?.parse::<usize>().ok()?);
    match list {
        "people" => record.people.get(index).map(|e| e.id.clone()),
        "organizations" => record.organizations.get(index).map(|e| e.id.clone()),
        "places" => record.places.get(index).map(|e| e.id.clone()),
        "quotes" => record.quotes.get(index).map(|e| e.id.clone()),
        "events" => record.events.get(index).map(|e| e.id.clone()),
        _ => None,
    }
}

fn mark(start: usize, end: usize, kind: Kind, refs: Vec<String>, pointers: Vec<String>) -> Mark {
    Mark {
        start,
        end,
        kind,
        refs,
        pointers,
        label: String::new(),
        status: None,
        problems: Vec::new(),
    }
}

/// The first occurrence of `needle` in `text`, in code points.
fn find_chars(text: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let at = text.find(needle)?;
    let start = text[..at].chars().count();
    Some((start, start + needle.chars().count()))
}

/// The JSON pointers of a mark, built only when wanted: they serve only to
/// attach problems, and formatting them for every mention of a valid
/// record was a good part of its page's time.
macro_rules! pointers {
    ($want:expr; $($pointer:expr),+ $(,)?) => {
        if $want { vec![$($pointer),+] } else { Vec::new() }
    };
}

/// Every span of a record as marks (before problems are attached), with
/// their JSON pointers when `want` (see [`Mark::pointers`]).
pub(crate) fn record_marks(record: &Record, text: &str, want: bool) -> Vec<Mark> {
    let mut marks = Vec::new();
    let a = &record.article;
    let mut meta = |span: &Option<Span>, kind: Kind, field: &str, label: &str| {
        if let Some(s) = span {
            let mut m = mark(
                s.start,
                s.end,
                kind,
                Vec::new(),
                pointers!(want;
                    format!("/article/{field}_span"),
                    format!("/article/{field}"),
                ),
            );
            m.label = label.to_string();
            marks.push(m);
        }
    };
    meta(&a.title_span, Kind::Title, "title", "title");
    meta(&a.subtitle_span, Kind::Subtitle, "subtitle", "subtitle");
    // The record gives the byline and dateline no spans: their first
    // occurrence in the text is marked, and the label says so.
    for (i, name) in a.byline.iter().enumerate() {
        if let Some((start, end)) = find_chars(text, name) {
            let mut m = mark(
                start,
                end,
                Kind::Byline,
                Vec::new(),
                pointers!(want; format!("/article/byline/{i}")),
            );
            m.label = format!("byline: {name} (found in the text; the record gives no span)");
            marks.push(m);
        }
    }
    if let Some(place) = a.dateline.as_ref().and_then(|d| d.place.as_deref()) {
        if let Some((start, end)) = find_chars(text, place) {
            let mut m = mark(
                start,
                end,
                Kind::Dateline,
                Vec::new(),
                pointers!(want; "/article/dateline".into()),
            );
            m.label =
                format!("dateline place: {place} (found in the text; the record gives no span)");
            marks.push(m);
        }
    }
    for (i, p) in record.photos.iter().enumerate() {
        let mut m = mark(
            p.span.start,
            p.span.end,
            Kind::Caption,
            Vec::new(),
            pointers!(want; format!("/photos/{i}/span"), format!("/photos/{i}/caption")),
        );
        m.label = format!("photo caption {}", i + 1);
        marks.push(m);
        if let Some(s) = p.credit_span {
            let mut m = mark(
                s.start,
                s.end,
                Kind::Credit,
                Vec::new(),
                pointers!(want;
                    format!("/photos/{i}/credit_span"),
                    format!("/photos/{i}/credit"),
                ),
            );
            m.label = format!("photo credit {}", i + 1);
            marks.push(m);
        }
    }
    // Entity mentions, remembered by entity id for the events below.
    let mut by_entity: HashMap<String, Vec<usize>> = HashMap::new();
    let mut entity = |list: &str,
                      kind: Kind,
                      index: usize,
                      id: &str,
                      name: &str,
                      mentions: &[Mention],
                      marks: &mut Vec<Mark>| {
        for (j, mention) in mentions.iter().enumerate() {
            let mut m = mark(
                mention.start,
                mention.end,
                kind,
                vec![id.to_string()],
                pointers!(want; format!("/{list}/{index}/mentions/{j}")),
            );
            m.label = format!("{}: {name} ({id})", kind.name());
            by_entity
                .entry(id.to_string())
                .or_default()
                .push(marks.len());
            marks.push(m);
        }
    };
    for (i, e) in record.people.iter().enumerate() {
        entity(
            "people",
            Kind::Person,
            i,
            &e.id,
            &e.name,
            &e.mentions,
            &mut marks,
        );
    }
    for (i, e) in record.organizations.iter().enumerate() {
        entity(
            "organizations",
            Kind::Organization,
            i,
            &e.id,
            &e.name,
            &e.mentions,
            &mut marks,
        );
    }
    for (i, e) in record.places.iter().enumerate() {
        entity(
            "places",
            Kind::Place,
            i,
            &e.id,
            &e.name,
            &e.mentions,
            &mut marks,
        );
    }
    for (i, q) in record.quotes.iter().enumerate() {
        let mut m = mark(
            q.span.start,
            q.span.end,
            Kind::Quote,
            vec![q.id.clone()],
            pointers!(want; format!("/quotes/{i}/span"), format!("/quotes/{i}/text")),
        );
        let speaker = match &q.speaker {
            Some(s) => match &s.reference {
                Some(r) => format!("said by {} ({r})", s.name),
                None => format!("said by {}", s.name),
            },
            None => "no speaker".to_string(),
        };
        m.label = format!("quote {} ({}): {speaker}", q.id, q.kind);
        marks.push(m);
    }
    for (i, e) in record.events.iter().enumerate() {
        let mut m = mark(
            e.trigger.span.start,
            e.trigger.span.end,
            Kind::Trigger,
            vec![e.id.clone()],
            pointers!(want; format!("/events/{i}/trigger")),
        );
        m.label = format!("{} ({})", e.event_type, e.id);
        marks.push(m);
        if let Some(t) = &e.time {
            let mut m = mark(
                t.span.start,
                t.span.end,
                Kind::Time,
                vec![e.id.clone()],
                pointers!(want; format!("/events/{i}/time")),
            );
            m.label = format!("time of {} ({}): {}", e.id, e.event_type, t.value);
            marks.push(m);
        }
        // Participants and the place: their mentions in the event's sentence
        // (all their mentions when none is in it) join the event.
        let mut roles: Vec<(&str, &str)> = e
            .participants
            .iter()
            .map(|p| (p.reference.as_str(), p.role.as_str()))
            .collect();
        if let Some(r) = e.place.as_ref().and_then(|p| p.reference.as_deref()) {
            roles.push((r, "place"));
        }
        for (id, role) in roles {
            let Some(all) = by_entity.get(id) else {
                continue;
            };
            let inside: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&k| marks[k].start >= e.sentence.start && marks[k].end <= e.sentence.end)
                .collect();
            for k in if inside.is_empty() {
                all.clone()
            } else {
                inside
            } {
                let label = format!("; {role} in {} ({})", e.id, e.event_type);
                marks[k].refs.push(e.id.clone());
                marks[k].label.push_str(&label);
            }
        }
    }
    marks
}

/// The text with its marks, as nested elements.
pub(crate) fn marked_text(text: &str, marks: &[Mark]) -> Markup {
    let pieces = layout(text, marks);
    pieces_html(text, marks, &pieces)
}

fn pieces_html(text: &str, marks: &[Mark], pieces: &[Piece]) -> Markup {
    html! {
        @for piece in pieces {
            @match piece {
                Piece::Text(a, b) => (Esc(&text[*a..*b])),
                Piece::Mark { mark, first, children } => {
                    @let m = &marks[*mark];
                    span class=(MarkClass(m, *first)) data-r=[(!m.refs.is_empty()).then_some(Refs(&m.refs))]
                        data-p=[m.pointers.first().filter(|_| !m.problems.is_empty())] title=(MarkTitle(m)) {
                        (pieces_html(text, marks, children))
                    }
                }
            }
        }
    }
}

// The attributes of a mark, rendered straight into the page (escaped, as
// maud escapes a string) rather than built as strings per piece first.

/// `m k-per cont bad only-a`: the kind, then a continuation, a problem, a
/// compare status.
struct MarkClass<'a>(&'a Mark, bool);

impl Render for MarkClass<'_> {
    fn render_to(&self, out: &mut String) {
        let MarkClass(m, first) = self;
        out.push_str("m ");
        escape_into(m.kind.class(), out);
        if !first {
            out.push_str(" cont");
        }
        if !m.problems.is_empty() {
            out.push_str(" bad");
        }
        if let Some(s) = m.status {
            out.push(' ');
            escape_into(s, out);
        }
    }
}

/// The label, then each problem on its own line.
struct MarkTitle<'a>(&'a Mark);

impl Render for MarkTitle<'_> {
    fn render_to(&self, out: &mut String) {
        escape_into(&self.0.label, out);
        for p in &self.0.problems {
            out.push_str("\n\u{26A0} ");
            escape_into(p, out);
        }
    }
}

/// The ids, space-separated.
struct Refs<'a>(&'a [String]);

impl Render for Refs<'_> {
    fn render_to(&self, out: &mut String) {
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            escape_into(r, out);
        }
    }
}

/// The legend of the span kinds.
pub(crate) fn legend() -> Markup {
    html! {
        div.legend aria-label="legend" {
            strong { "Legend:" }
            @for kind in Kind::ALL {
                span class={ "sw " (kind.class()) } { (kind.name()) }
            }
            span class="sw m bad" { "validation problem" }
        }
    }
}

/// The problems of item `index` of `list` (`/quotes/2`).
fn item_problems(problems: &[Problem], list: &str, index: usize) -> Markup {
    if problems.is_empty() {
        return PreEscaped(String::new());
    }
    let mine = problems_under(problems, &[format!("/{list}/{index}")]);
    html! {
        @for p in mine {
            p.prob { "\u{26A0} " code { (p.pointer) } " " (p.message) }
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The names of the entities of a record, by id.
fn names(record: &Record) -> HashMap<&str, &str> {
    let mut names = HashMap::new();
    for e in &record.people {
        names.insert(e.id.as_str(), e.name.as_str());
    }
    for e in &record.organizations {
        names.insert(e.id.as_str(), e.name.as_str());
    }
    for e in &record.places {
        names.insert(e.id.as_str(), e.name.as_str());
    }
    names
}

/// A label cut to fit a list.
pub(crate) fn short_label(text: &str) -> String {
    short(text, 80)
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max).collect();
        s.push('\u{2026}');
        s
    }
}

/// The lists beside the text.
fn side(record: &Record, problems: &[Problem]) -> Markup {
    let names = names(record);
    let entity_list = |title: &str,
                       list: &str,
                       kind: Kind,
                       items: Vec<(&str, &str, usize, String)>| {
        html! {
            @if !items.is_empty() {
                h2 { (title) " (" (items.len()) ")" }
                ul {
                    @for (i, (id, name, count, extra)) in items.iter().enumerate() {
                        li {
                            button.item class=(kind.class()) type="button" data-sel=(id) aria-pressed="false" {
                                (name)
                            }
                            " " span.meta { (plural(*count, "mention", "mentions")) (extra) }
                            (item_problems(problems, list, i))
                        }
                    }
                }
            }
        }
    };
    let people = record
        .people
        .iter()
        .map(|e| {
            let mut extra = String::new();
            for (label, values) in [
                ("titles", &e.titles),
                ("roles", &e.roles),
                ("aliases", &e.aliases),
            ] {
                if !values.is_empty() {
                    extra.push_str(&format!("; {label}: {}", values.join(", ")));
                }
            }
            (e.id.as_str(), e.name.as_str(), e.mentions.len(), extra)
        })
        .collect();
    let orgs = record
        .organizations
        .iter()
        .map(|e| {
            let mut extra = String::new();
            if let Some(a) = &e.acronym {
                extra.push_str(&format!("; acronym: {a}"));
            }
            if !e.aliases.is_empty() {
                extra.push_str(&format!("; aliases: {}", e.aliases.join(", ")));
            }
            (e.id.as_str(), e.name.as_str(), e.mentions.len(), extra)
        })
        .collect();
    let places = record
        .places
        .iter()
        .map(|e| {
            let extra = if e.aliases.is_empty() {
                String::new()
            } else {
                format!("; aliases: {}", e.aliases.join(", "))
            };
            (e.id.as_str(), e.name.as_str(), e.mentions.len(), extra)
        })
        .collect();
    html! {
        aside aria-label="what the record says" {
            p #status.meta role="status" aria-live="polite" {}
            (entity_list("People", "people", Kind::Person, people))
            (entity_list("Organizations", "organizations", Kind::Organization, orgs))
            (entity_list("Places", "places", Kind::Place, places))
            @if !record.quotes.is_empty() {
                h2 { "Quotes (" (record.quotes.len()) ")" }
                ul {
                    @for (i, q) in record.quotes.iter().enumerate() {
                        li {
                            button.item.k-quote type="button" data-sel=(q.id) aria-pressed="false" {
                                "\u{201C}" (short(&q.text, 70)) "\u{201D}"
                            }
                            " " span.meta {
                                (q.kind)
                                @if let Some(cue) = &q.cue { ", " (cue) }
                            }
                            " \u{2014} "
                            @match &q.speaker {
                                Some(s) => @match &s.reference {
                                    Some(r) => button.link type="button" data-sel=(r) title={ "select " (r) } { (s.name) },
                                    None => span { (s.name) " (no entity)" },
                                },
                                None => span.meta { "no speaker" },
                            }
                            (item_problems(problems, "quotes", i))
                        }
                    }
                }
            }
            @if !record.events.is_empty() {
                h2 { "Events (" (record.events.len()) ")" }
                ul {
                    @for (i, e) in record.events.iter().enumerate() {
                        li {
                            button.item.k-trigger type="button" data-sel=(e.id) aria-pressed="false" {
                                (e.event_type) ": " (e.trigger.text)
                            }
                            @for p in &e.participants {
                                " \u{00B7} "
                                button.link type="button" data-sel=(p.reference) {
                                    (names.get(p.reference.as_str()).copied().unwrap_or(p.reference.as_str()))
                                }
                                span.meta { " (" (p.role) ")" }
                            }
                            @if let Some(place) = &e.place {
                                " \u{00B7} at "
                                @match &place.reference {
                                    Some(r) => button.link type="button" data-sel=(r) { (place.name) },
                                    None => span { (place.name) },
                                }
                            }
                            @if let Some(t) = &e.time {
                                " \u{00B7} " span.meta { "time " (t.value) " (\u{201C}" (t.text) "\u{201D})" }
                            }
                            (item_problems(problems, "events", i))
                        }
                    }
                }
            }
            @if !record.photos.is_empty() {
                h2 { "Photos (" (record.photos.len()) ")" }
                ul {
                    @for (i, p) in record.photos.iter().enumerate() {
                        li {
                            span.k-caption { (short(&p.caption, 80)) }
                            @if let Some(c) = &p.credit { " " span.meta { "credit: " (c) } }
                            @for id in &p.people {
                                " \u{00B7} " button.link type="button" data-sel=(id) {
                                    (names.get(id.as_str()).copied().unwrap_or(id.as_str()))
                                }
                            }
                            @if let Some(place) = &p.place { " \u{00B7} " span.meta { (place) } }
                            @if let Some(date) = &p.date { " \u{00B7} " span.meta { (date) } }
                            (item_problems(problems, "photos", i))
                        }
                    }
                }
            }
        }
    }
}

/// The page. `record` is the record as the contract's type, or why it is
/// not one and its `/article/title`; `json_html` its folded JSON, escaped.
pub(crate) fn render(
    record: Result<&Record, (String, Option<String>)>,
    json_html: &str,
    text: Option<&str>,
    problems: &[Problem],
    options: &PageOptions,
) -> String {
    let (title, record) = match record {
        Ok(r) => (r.article.title.clone(), Ok(r)),
        Err((why, title)) => (title, Err(why)),
    };
    let heading = title.clone().unwrap_or_else(|| "(no title)".to_string());
    let body_text = match (&record, text) {
        (Ok(r), Some(t)) => {
            let mut marks = record_marks(r, t, !problems.is_empty());
            let chars = t.chars().count();
            for m in &mut marks {
                m.problems = problems_under(problems, &m.pointers)
                    .iter()
                    .map(|p| format!("{}: {}", p.pointer, p.message))
                    .collect();
            }
            let hidden = marks.iter().filter(|m| !drawable(m, chars)).count();
            html! {
                div.textcol {
                    @if hidden > 0 {
                        p.prob { (plural(hidden, "span lies", "spans lie")) " outside the text and cannot be drawn (see the problems above)." }
                    }
                    article #text.text lang="en" { (marked_text(t, &marks)) }
                }
            }
        }
        (Err(why), Some(t)) => html! {
            div.textcol {
                p.prob { "The record does not have the contract's shape (" (why) "), so its spans are not drawn." }
                article #text.text lang="en" { (t) }
            }
        },
        (_, None) => html! {
            div.textcol {
                p.prob { "No article text: give the source file or directory (--source), or a record that carries its text." }
            }
        },
    };
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            (head(&format!("{heading} \u{2014} newsparse review"), Script::Page))
            body {
                header {
                    @if let Some(href) = &options.index_href {
                        p { a href=(href) { "\u{2190} all articles" } }
                    }
                    h1 { (heading) }
                    @if let Ok(r) = &record {
                        p.meta {
                            (r.source.path) " \u{00B7} id " (r.id)
                            @if let Some(d) = &r.article.published { " \u{00B7} published " (d) }
                            @if !r.article.byline.is_empty() { " \u{00B7} by " (r.article.byline.join(", ")) }
                            @if let Some(d) = &r.article.dateline {
                                " \u{00B7} dateline "
                                (d.place.as_deref().unwrap_or("\u{2013}")) " " (d.date.as_deref().unwrap_or(""))
                            }
                        }
                        p.meta.counts {
                            (plural(r.people.len(), "person", "people")) ", "
                            (plural(r.organizations.len(), "organization", "organizations")) ", "
                            (plural(r.places.len(), "place", "places")) ", "
                            (plural(r.quotes.len(), "quote", "quotes")) ", "
                            (plural(r.events.len(), "event", "events")) ", "
                            (plural(r.photos.len(), "photo", "photos")) ", "
                            (plural(r.warnings.len(), "warning", "warnings")) ", "
                            (plural(problems.len(), "validation problem", "validation problems"))
                        }
                    }
                }
                @if !problems.is_empty() {
                    section #problems.problems aria-label="validation problems" {
                        h2 { (plural(problems.len(), "validation problem", "validation problems")) }
                        ol {
                            @for p in problems {
                                li {
                                    code { (if p.pointer.is_empty() { "(record)" } else { p.pointer.as_str() }) }
                                    " " (p.message)
                                    @if let Some(id) = record.as_ref().ok().and_then(|r| item_of(r, &p.pointer)) {
                                        " " button.link type="button" data-sel=(id) { "show " (id) }
                                    }
                                }
                            }
                        }
                    }
                }
                @if let Ok(r) = &record {
                    @if !r.warnings.is_empty() {
                        section.warnings aria-label="warnings" {
                            p { strong { "Warnings: " } }
                            ul { @for w in &r.warnings { li { (w) } } }
                        }
                    }
                }
                (legend())
                div.cols {
                    (body_text)
                    @if let Ok(r) = &record { (side(r, problems)) }
                }
                details.json {
                    summary { "Record JSON" }
                    pre { code { (PreEscaped(json_html)) } }
                }
                output #test-result hidden {}
                (Script::Page.element())
            }
        }
    };
    page.into_string()
}
