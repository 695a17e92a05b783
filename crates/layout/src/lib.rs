//! Layout stage: finds title, subtitle, byline, dateline, publication date and
//! photo captions with credits, and labels every region of the text.
//!
//! The text is cut into lines and blank-line separated paragraphs. Each line
//! is a unit of its own (scraped pages print one paragraph, caption or credit
//! per line), except in paragraphs hard-wrapped at a fixed width, which are one
//! unit. A date stamp opening one of the first lines ("date 2019-01-10 …")
//! is cut off as a unit of its own. Units are then read in order:
//! - page furniture (site names beside menus, widgets, clocks, "© 2024",
//!   "See also:" lines; [`furniture`]) is labelled and never read;
//! - the title is the first unit after the furniture and date lines that
//!   reads as a headline (a short title-cased line right above a headline is
//!   the site's name); a first unit that reads as a story sentence means the
//!   text has no title, and a headline printed twice is one;
//! - bylines, date lines, credit lines and captions (a line with a credit at
//!   its end, or a line followed in the same paragraph by a credit line) are
//!   recognized by their shape; a caption printed again is a `Repeat`;
//! - the subtitle (standfirst) is the first remaining unit under a title when
//!   it is a whole paragraph of one sentence and body text follows; a lead
//!   paragraph of several sentences, or one opening with a dateline, is body,
//!   and so is the opening of wire copy (a sentence a paragraph) unless
//!   printed twice or over a byline;
//!   in a title block that runs straight on into the story (one paragraph per
//!   line) the line after the headline is the lead, unless printed twice;
//! - the first body unit may open with a dateline (`LONDON (Reuters) -`).
//!
//! Blocks not read by later stages: `Furniture`, `Byline` (also "Reporting by …" lines),
//! `Dateline` (the opening dateline, and lines stating the page's date such
//! as "Published: July 22, 2020"), `Credit` and `Repeat`.
//! `Layout::published` prefers a "Published"/"Posted" (or unlabelled) date
//! line over an "Updated" one; a dateline's year, when it prints none, comes
//! from `published` or else from a full date with the same month in a caption.

mod byline;
mod credit;
mod date;
mod dateline;
mod furniture;

use newsparse_core::date::Date;
use newsparse_core::{Block, BlockKind, ByteSpan, Dateline, Layout, PhotoFound};
use newsparse_lang::chars::is_space;

/// Opening quotation marks a story or a dateline's body may start with.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}')
}

/// One line, or one hard-wrapped paragraph; trimmed byte span.
#[derive(Debug, Clone, Copy)]
struct Unit {
    span: ByteSpan,
    paragraph: usize,
    /// The unit is its whole paragraph.
    whole: bool,
}

#[derive(Debug, Clone)]
enum Role {
    Title,
    Byline(byline::Byline),
    Date(date::Printed, date::Label),
    /// A credit line of its own.
    Credit(credit::Credit),
    /// A caption, with the credit printed at its end if any.
    Caption(Option<credit::Credit>),
    /// A caption printed a second time, with its credit if any.
    Repeat(Option<credit::Credit>),
    Subtitle,
    /// Page furniture (see [`furniture`]).
    Furniture,
    Body,
}

fn trim(text: &str, start: usize, end: usize) -> ByteSpan {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.trim_end_matches(is_space).len();
    if lead >= trail {
        return ByteSpan::new(start, start);
    }
    ByteSpan::new(start + lead, start + trail)
}

/// Lines of the text grouped into paragraphs (runs of non-blank lines).
fn paragraphs(text: &str) -> Vec<Vec<ByteSpan>> {
    let mut out: Vec<Vec<ByteSpan>> = Vec::new();
    let mut current = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    loop {
        let end = memchr_newline(bytes, start);
        let line = trim(text, start, end);
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
        if end >= text.len() {
            break;
        }
        start = end + 1;
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

fn ends_with_stop(s: &str) -> bool {
    s.ends_with(['.', '!', '?', ':', '"', '\u{201d}', '\'', '\u{2019}', ')'])
}

/// Whether a paragraph's lines were broken at a fixed width (one unit) rather
/// than printed one paragraph or item per line.
fn hard_wrapped(text: &str, lines: &[ByteSpan]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let inner = &lines[..lines.len() - 1];
    let widths: Vec<usize> = inner.iter().map(|l| l.text(text).chars().count()).collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    let bullet = lines
        .iter()
        .any(|l| l.text(text).starts_with(['-', '*', '\u{2022}']));
    // A credit, byline or date on a line of its own is not wrapped text.
    let special = || {
        lines.iter().any(|l| {
            let s = l.text(text);
            credit::find(s).is_some_and(|c| c.caption_end == 0)
                || byline::parse(s).is_some()
                || date::date_line(s).is_some()
        })
    };
    (40..=100).contains(&max)
        && widths.iter().all(|w| w + 25 >= max)
        && inner.iter().any(|l| !ends_with_stop(l.text(text)))
        && !bullet
        && !special()
}

fn units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    for (p, lines) in paragraphs(text).iter().enumerate() {
        // The title is always a line of its own.
        if p > 0 && hard_wrapped(text, lines) {
            out.push(Unit {
                span: ByteSpan::new(lines[0].start, lines[lines.len() - 1].end),
                paragraph: p,
                whole: true,
            });
            continue;
        }
        let mut k = 0;
        while k < lines.len() {
            // "Jane Q. Doe" / "/" / "AP": a credit printed over three lines.
            if k + 2 < lines.len() && lines[k + 1].text(text) == "/" {
                let merged = ByteSpan::new(lines[k].start, lines[k + 2].end);
                if credit::find(merged.text(text)).is_some_and(|c| c.caption_end == 0) {
                    out.push(Unit {
                        span: merged,
                        paragraph: p,
                        whole: lines.len() == 3,
                    });
                    k += 3;
                    continue;
                }
            }
            out.push(Unit {
                span: lines[k],
                paragraph: p,
                whole: lines.len() == 1,
            });
            k += 1;
        }
    }
    out
}

/// Caption text as compared for repeats: spaces collapsed, quote marks plain.
fn normalized(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(is_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        }));
    }
    out
}

/// Units near the top that open with a date stamp and go on with other text
/// ("date 2019-01-10 Kest council …") are cut in two: the stamp, and the rest.
fn split_stamps(text: &str, units: Vec<Unit>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(units.len() + 1);
    for (i, u) in units.into_iter().enumerate() {
        let stamp = (i < 4)
            .then(|| date::leading_stamp(u.span.text(text)))
            .flatten();
        let Some((end, rest)) = stamp else {
            out.push(u);
            continue;
        };
        let start = u.span.start;
        for span in [
            trim(text, start, start + end),
            trim(text, start + rest, u.span.end),
        ] {
            out.push(Unit {
                span,
                paragraph: u.paragraph,
                whole: false,
            });
        }
    }
    out
}

/// The headline: the first unit after the page's furniture and date lines
/// that reads as one. A short name-like line among furniture, or right
/// before a headline in the next paragraph, is the site's name; a first unit
/// that reads as a story sentence means the text has no headline.
fn choose_title(
    text: &str,
    units: &[Unit],
    roles: &mut [Role],
    site_names: &mut Vec<usize>,
) -> Option<usize> {
    let top = units.len().min(12);
    let mut i = 0;
    while i < top {
        match roles[i] {
            Role::Furniture | Role::Date(..) => {
                i += 1;
                continue;
            }
            Role::Body => {}
            _ => return None,
        }
        let s = units[i].span.text(text);
        let furniture_beside = |j: Option<usize>| {
            j.is_some_and(|j| {
                matches!(roles.get(j), Some(Role::Furniture))
                    && units[j].paragraph == units[i].paragraph
            })
        };
        let among_furniture = furniture_beside(i.checked_sub(1)) || furniture_beside(Some(i + 1));
        let headline_next = units.get(i + 1).is_some_and(|n| {
            n.paragraph != units[i].paragraph
                && matches!(roles[i + 1], Role::Body)
                && furniture::is_headline_like(n.span.text(text))
        });
        let short = s.split(is_space).filter(|w| !w.is_empty()).count() <= 3
            && furniture::is_title_cased(s);
        if furniture::is_name_like(s) && (among_furniture || (short && headline_next)) {
            roles[i] = Role::Furniture;
            site_names.push(i);
            i += 1;
            continue;
        }
        if furniture::reads_as_body(s) {
            return None;
        }
        roles[i] = Role::Title;
        return Some(i);
    }
    None
}

/// Whether the story line after unit `i` prints unit `i` again (a headline
/// or summary printed twice). Only lines of about one length are compared.
fn printed_again(text: &str, units: &[Unit], roles: &[Role], i: usize) -> bool {
    let (Some(a), Some(b)) = (units.get(i), units.get(i + 1)) else {
        return false;
    };
    matches!(roles[i + 1], Role::Body)
        && a.span.len().abs_diff(b.span.len()) <= 8
        && normalized(a.span.text(text)) == normalized(b.span.text(text))
}

/// Analyze the layout of an article's source text.
pub fn analyze(text: &str) -> Layout {
    let units = split_stamps(text, units(text));
    let mut layout = Layout::default();
    if units.is_empty() {
        layout.warnings.push("empty text: no title".to_string());
        return layout;
    }
    let mut roles: Vec<Role> = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        let s = u.span.text(text);
        // The first unit is a headline or furniture, never a byline or credit.
        let role = if furniture::is_furniture(s) {
            Role::Furniture
        } else if let Some(b) = (i > 0).then(|| byline::parse(s)).flatten() {
            Role::Byline(b)
        } else if let Some((d, l)) = date::date_line(s) {
            Role::Date(d, l)
        } else if let Some(c) = (i > 0).then(|| credit::find(s)).flatten() {
            if c.caption_end == 0 {
                Role::Credit(c)
            } else {
                Role::Caption(Some(c))
            }
        } else {
            Role::Body
        };
        roles.push(role);
    }
    let mut site_names = Vec::new();
    let title = choose_title(text, &units, &mut roles, &mut site_names);
    // The story's own units start after the headline.
    let start = title.map_or(0, |t| t + 1);
    // A headline printed twice is one title.
    if let Some(t) = title.filter(|&t| printed_again(text, &units, &roles, t)) {
        roles[t + 1] = Role::Repeat(None);
    }

    // Near the top, before the story starts, a byline may lack its "By".
    for i in start.max(1)..units.len().min(start + 7) {
        if !matches!(roles[i], Role::Body) {
            continue;
        }
        let s = units[i].span.text(text);
        // A name alone qualifies right above or below the date line
        // ("Jane Doe" / "Tue 14 Nov 2023 18.02 GMT").
        let by_date = [i - 1, i + 1]
            .iter()
            .any(|&j| matches!(roles.get(j), Some(Role::Date(..))));
        let names = byline::parse_bare(s)
            .or_else(|| by_date.then(|| byline::parse_names_only(s)).flatten());
        if let Some(names) = names {
            roles[i] = Role::Byline(byline::Byline {
                names,
                ..Default::default()
            });
        } else if let Some(b) = byline::parse_names_and_outlet(s) {
            roles[i] = Role::Byline(b);
        }
    }

    // A line followed by a credit line is a caption: in the same paragraph,
    // or anywhere once the story has started (not the standfirst).
    let first_body = roles.iter().position(|r| matches!(r, Role::Body));
    for i in 1..units.len().saturating_sub(1) {
        if matches!(roles[i], Role::Body)
            && matches!(roles[i + 1], Role::Credit(_))
            && (units[i].paragraph == units[i + 1].paragraph || Some(i) != first_body)
        {
            roles[i] = Role::Caption(None);
        }
    }

    // A credit line above a picture, with no caption before it, credits the
    // one-sentence line that opens the next block when nothing but furniture
    // follows that line in its block (credit, picture, caption).
    for i in 1..units.len().saturating_sub(1) {
        let j = i + 1;
        let captioned_before = matches!(roles[i - 1], Role::Caption(_) | Role::Repeat(_));
        let alone = (j + 1..units.len())
            .take_while(|&k| units[k].paragraph == units[j].paragraph)
            .all(|k| matches!(roles[k], Role::Furniture));
        if matches!(roles[i], Role::Credit(_))
            && !captioned_before
            && matches!(roles[j], Role::Body)
            && units[j].paragraph != units[i].paragraph
            && alone
            && newsparse_lang::count_sentences(text, units[j].span) == 1
        {
            roles[j] = Role::Caption(None);
        }
    }

    // Captions printed twice are one photo; the second printing is a repeat.
    let mut seen: Vec<(String, usize)> = Vec::new();
    for i in 1..units.len() {
        let (caption_end, credit) = match &roles[i] {
            Role::Caption(c) => (c.map_or(units[i].span.len(), |c| c.caption_end), *c),
            Role::Body => (units[i].span.len(), None),
            _ => continue,
        };
        // Only a line as long as a caption seen before can repeat it.
        let longest = seen.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        if matches!(roles[i], Role::Body) && caption_end > 2 * longest + 16 {
            continue;
        }
        let key = normalized(&units[i].span.text(text)[..caption_end]);
        if seen.iter().any(|(k, _)| *k == key) {
            roles[i] = Role::Repeat(credit);
        } else if matches!(roles[i], Role::Caption(_)) {
            // Printed first without its credit, the caption read as a plain
            // line: that line is the caption and this one the repeat.
            let earlier = (1..i).find(|&j| {
                matches!(roles[j], Role::Body)
                    && units[j].span.len() <= caption_end + 8
                    && normalized(units[j].span.text(text)) == key
            });
            if let Some(j) = earlier {
                roles[j] = Role::Caption(None);
                roles[i] = Role::Repeat(credit);
            }
            seen.push((key, i));
        }
    }

    // The standfirst: only under a headline.
    let candidate = title
        .and_then(|t| {
            roles
                .iter()
                .skip(t)
                .position(|r| matches!(r, Role::Body))
                .map(|i| t + i)
        })
        .filter(|&i| {
            let u = units[i];
            let s = u.span.text(text);
            let title_paragraph = units[title.unwrap_or(0)].paragraph;
            let in_header = u.paragraph == title_paragraph;
            // Printed again right after (a page's summary above its story).
            let repeated = printed_again(text, &units, &roles, i);
            // In a title block that runs straight on into the story (a page
            // printed one paragraph per line, no byline or date lines between)
            // the line after the headline is the lead, unless printed twice.
            let story_in_header = units.get(i + 1).is_some_and(|n| {
                matches!(roles[i + 1], Role::Body) && n.paragraph == title_paragraph
            });
            let max_sentences = if in_header { 2 } else { 1 };
            // A standfirst is printed above the pictures.
            let after_photo = roles[title.unwrap_or(0)..i]
                .iter()
                .any(|r| matches!(r, Role::Caption(_) | Role::Repeat(_) | Role::Credit(_)));
            // A dek over the byline lines of its own block ("Rescuers search
            // on" / "By Jane Doe" / "Varn Press photo").
            let rest_of_block: Vec<&Role> = (i + 1..units.len())
                .take_while(|&j| units[j].paragraph == u.paragraph)
                .map(|j| &roles[j])
                .collect();
            let heads_byline_block = !rest_of_block.is_empty()
                && rest_of_block.iter().any(|r| matches!(r, Role::Byline(_)))
                && rest_of_block
                    .iter()
                    .all(|r| matches!(r, Role::Byline(_) | Role::Date(..) | Role::Credit(_)));
            // Wire copy prints a sentence a paragraph: a one-sentence
            // opening followed straight by two more one-sentence paragraphs
            // is its lead, unless the page marks it (printed twice, over a
            // byline).
            let next_body: Vec<usize> = (i + 1..units.len())
                .filter(|&j| matches!(roles[j], Role::Body))
                .take(2)
                .collect();
            let wire_style = next_body.len() == 2
                && next_body[0] == i + 1
                && next_body.iter().all(|&j| {
                    units[j].whole && newsparse_lang::count_sentences(text, units[j].span) == 1
                });
            (u.whole || in_header || heads_byline_block)
                && (!wire_style || repeated || heads_byline_block)
                && !after_photo
                && (!story_in_header || repeated)
                && s.len() <= 600
                && !s.ends_with(':')
                && dateline::parse(s).is_none()
                && roles[i + 1..].iter().any(|r| matches!(r, Role::Body))
                && newsparse_lang::count_sentences(text, u.span) <= max_sentences
        });
    if let Some(i) = candidate {
        if printed_again(text, &units, &roles, i) {
            roles[i + 1] = Role::Repeat(None);
        }
        roles[i] = Role::Subtitle;
    }

    // Bylines, dates.
    let mut reporting = Vec::new();
    let mut updated = None;
    for r in &roles {
        match r {
            Role::Byline(b) => {
                let names = if b.reporting {
                    &mut reporting
                } else {
                    &mut layout.byline
                };
                for n in &b.names {
                    if !names.contains(n) {
                        names.push(n.clone());
                    }
                }
                if let Some((d, l)) = b.date {
                    let slot = date_slot(&mut layout.published, &mut updated, l);
                    note_date(slot, &mut layout.warnings, d, "byline");
                }
            }
            Role::Date(d, l) => {
                let slot = date_slot(&mut layout.published, &mut updated, *l);
                note_date(slot, &mut layout.warnings, *d, "date line");
            }
            _ => {}
        }
    }
    if layout.byline.is_empty() {
        layout.byline = reporting;
    }
    if layout.published.is_none() {
        layout.published = updated;
    }

    // Full dates printed in captions: they can give a dateline's year.
    let caption_dates: Vec<date::Printed> = units
        .iter()
        .zip(&roles)
        .filter(|(_, r)| is_caption(r))
        .filter_map(|(u, _)| {
            let s = u.span.text(text);
            date::find(s, &date::pieces(s)).map(|f| f.date)
        })
        .filter(|d| d.day().is_some())
        .collect();

    // Blocks and photos, in text order.
    let first_body = roles.iter().position(|r| matches!(r, Role::Body));
    let mut photo_of: Vec<(String, usize)> = Vec::new();
    let mut last_photo: Option<usize> = None;
    // Credited names and the dateline, where agencies are named.
    let mut credited: Vec<(ByteSpan, bool)> = Vec::new();
    for (i, (u, role)) in units.iter().zip(&roles).enumerate() {
        let s = u.span.text(text);
        let at = |a: usize, b: usize| trim(text, u.span.start + a, u.span.start + b);
        let mut push = |kind, span: ByteSpan| {
            if !span.is_empty() {
                layout.blocks.push(Block { kind, span });
            }
        };
        match role {
            Role::Title => {
                layout.title = Some(u.span);
                push(BlockKind::Title, u.span);
            }
            Role::Subtitle => {
                layout.subtitle = Some(u.span);
                push(BlockKind::Subtitle, u.span);
            }
            Role::Byline(_) => push(BlockKind::Byline, u.span),
            Role::Furniture => push(BlockKind::Furniture, u.span),
            Role::Date(..) => push(BlockKind::Dateline, u.span),
            Role::Credit(c) => {
                push(BlockKind::Credit, u.span);
                credited.push((at(c.name.0, c.name.1), true));
                // Credits the caption just before it, if it has none yet.
                if let Some(p) = last_photo.filter(|_| i > 0 && is_caption(&roles[i - 1])) {
                    let photo: &mut PhotoFound = &mut layout.photos[p];
                    photo.credit.get_or_insert(at(c.name.0, c.name.1));
                }
            }
            Role::Caption(c) | Role::Repeat(c) => {
                let caption_end = c.map_or(s.len(), |c| c.caption_end);
                let caption = at(0, caption_end);
                let credit = c.map(|c| at(c.name.0, c.name.1));
                credited.extend(credit.map(|c| (c, true)));
                let repeat = matches!(role, Role::Repeat(_));
                push(
                    if repeat {
                        BlockKind::Repeat
                    } else {
                        BlockKind::Caption
                    },
                    caption,
                );
                if let Some(c) = c {
                    push(BlockKind::Credit, at(c.region.0, c.region.1));
                }
                let key = normalized(caption.text(text));
                if repeat {
                    last_photo = photo_of.iter().find(|(k, _)| *k == key).map(|p| p.1);
                    if let (Some(p), Some(credit)) = (last_photo, credit) {
                        layout.photos[p].credit.get_or_insert(credit);
                    }
                } else {
                    // A credit printed above the picture.
                    let credit = credit.or_else(|| {
                        let above = i.checked_sub(1)?;
                        let Role::Credit(c) = &roles[above] else {
                            return None;
                        };
                        let u = units[above];
                        (u.paragraph != units[i].paragraph)
                            .then(|| trim(text, u.span.start + c.name.0, u.span.start + c.name.1))
                    });
                    photo_of.push((key, layout.photos.len()));
                    last_photo = Some(layout.photos.len());
                    layout.photos.push(PhotoFound { caption, credit });
                }
            }
            Role::Body => {
                let found = (Some(i) == first_body)
                    .then(|| dateline::parse(s))
                    .flatten();
                match found {
                    Some(d) => {
                        let span = at(0, d.end);
                        push(BlockKind::Dateline, span);
                        // "LONDON (Reuters) -": the agency in brackets.
                        credited.extend(d.agency.map(|(a, b)| (at(a, b), false)));
                        push(BlockKind::Body, at(d.body, s.len()));
                        let year = d
                            .date
                            .and_then(|x| x.year)
                            .or_else(|| {
                                let y = layout.published?.year();
                                u16::try_from(y).ok()
                            })
                            .or_else(|| {
                                let month = d.date?.month;
                                caption_dates.iter().find(|c| c.month == month)?.year
                            });
                        let printed = d.date.map(|x| date::Printed { year, ..x });
                        if let Some(p) = printed.filter(date::Printed::is_impossible) {
                            layout.warnings.push(impossible_date(p, "dateline"));
                        }
                        layout.dateline = Some(Dateline {
                            span,
                            place: Some(d.place),
                            date: printed.and_then(|p| p.day()),
                        });
                    }
                    None => push(BlockKind::Body, u.span),
                }
            }
        }
    }
    for (span, is_credit) in credited {
        let name = span.text(text);
        for (r, who) in credit::credited(name) {
            let at = ByteSpan::new(span.start + r.start, span.start + r.end);
            match who {
                credit::Credited::Agency => layout.agencies.push(at),
                // A dateline's bracket names agencies only.
                credit::Credited::Photographer if is_credit => layout.credited_people.push(at),
                credit::Credited::Photographer => {}
            }
        }
    }
    // The authors the byline lines name, where they are printed; the
    // outlet printed beside them, and the site's name, are organizations.
    for &i in &site_names {
        let s = units[i].span.text(text);
        // "Varn Radio for East Kest": the name is the capitalized run.
        let end = s
            .split(is_space)
            .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .saturating_sub(1)
            .min(s.len());
        if end > 0 {
            let start = units[i].span.start;
            layout.agencies.push(ByteSpan::new(start, start + end));
        }
    }
    for (u, role) in units.iter().zip(&roles) {
        let Role::Byline(b) = role else { continue };
        let line = u.span.text(text);
        if let Some(o) = &b.outlet {
            let start = u.span.start;
            layout
                .agencies
                .push(ByteSpan::new(start + o.start, start + o.end));
        }
        let mut from = 0;
        for name in &b.names {
            if let Some(at) = line[from..].find(name.as_str()) {
                let start = u.span.start + from + at;
                layout
                    .credited_people
                    .push(ByteSpan::new(start, start + name.len()));
                from += at + name.len();
            }
        }
    }
    layout
}

fn is_caption(r: &Role) -> bool {
    matches!(r, Role::Caption(_) | Role::Repeat(_))
}

fn date_slot<'a, T>(
    published: &'a mut Option<T>,
    updated: &'a mut Option<T>,
    label: date::Label,
) -> &'a mut Option<T> {
    match label {
        date::Label::Published => published,
        date::Label::Updated => updated,
    }
}

/// Fill an empty date slot with a printed date. An impossible date
/// ("February 30, 2023") fills nothing and is reported in the warnings: a
/// wrong value costs that field, never the record.
fn note_date(slot: &mut Option<Date>, warnings: &mut Vec<String>, d: date::Printed, place: &str) {
    match d.day() {
        _ if slot.is_some() => {}
        Some(day) => *slot = Some(day),
        None => warnings.push(impossible_date(d, place)),
    }
}

fn impossible_date(d: date::Printed, place: &str) -> String {
    let year = d.year.map_or(String::new(), |y| format!("{y:04}-"));
    format!(
        "impossible date {year}{:02}-{:02} in the {place}: not used",
        d.month, d.day
    )
}

#[cfg(test)]
mod tests;
