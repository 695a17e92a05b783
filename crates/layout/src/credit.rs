//! Photo credits in the forms news sites print them, at the end of a caption
//! line or on a line of their own:
//! `(photo credit: REUTERS)`, `Image Credit: ANI`, `[Getty]`, `Photo: AP`,
//! `REUTERS/Jane Doe`, `(AFP)`, `Credit: …`, `Photograph: …`, `… | Getty Images`.
//!
//! Recognized by shape (labels, brackets, slashes), never by a list of
//! agencies, so unknown agencies and photographers are found too.

use newsparse_lang::chars::is_space;
/// Where a credit sits in a (trimmed) line; byte offsets into that line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Credit {
    /// End of the caption before the credit, trimmed; 0 when the line is only a credit.
    pub caption_end: usize,
    /// The whole credit as printed ("(photo credit: REUTERS)").
    pub region: (usize, usize),
    /// The credited name only ("REUTERS").
    pub name: (usize, usize),
}

/// Labels that introduce a credit, lowercase, longer ones first.
const LABELS: &[&str] = &[
    "photo credits",
    "photo credit",
    "image credits",
    "image credit",
    "picture credit",
    "photographs",
    "photograph",
    "file photo",
    "photos",
    "photo",
    "pictures",
    "picture",
    "image",
    "credits",
    "credit",
    "pic",
];

/// Labels ending in "by" that introduce a credit without a colon.
const BY_LABELS: &[&str] = &[
    "photographed by",
    "photos by",
    "photo by",
    "picture by",
    "image by",
];

fn trim_end_at(s: &str, end: usize) -> usize {
    s[..end].trim_end_matches(is_space).len()
}

fn skip_space(s: &str, at: usize) -> usize {
    at + (s[at..].len() - s[at..].trim_start_matches(is_space).len())
}

/// If `s[at..]` starts with a credit label, the offset where the name starts.
fn after_label(s: &str, at: usize, in_brackets: bool) -> Option<usize> {
    let rest = &s[at..];
    let starts_ci = |l: &str| {
        rest.len() >= l.len() && rest.as_bytes()[..l.len()].eq_ignore_ascii_case(l.as_bytes())
    };
    for l in LABELS.iter().copied().chain(in_brackets.then_some("file")) {
        if starts_ci(l) {
            let after = skip_space(s, at + l.len());
            if s[after..].starts_with(':') {
                return Some(skip_space(s, after + 1));
            }
        }
    }
    for l in BY_LABELS {
        if starts_ci(l) && rest[l.len()..].starts_with(' ') {
            return Some(skip_space(s, at + l.len()));
        }
    }
    None
}

/// Whether `s` reads as a credited name: short, capitalized, no sentence in it.
fn name_like(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    let words = s.split_whitespace().count();
    (1..=8).contains(&words)
        && s.len() <= 80
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !s.contains(". ")
        && !s.contains(':')
        && !s.ends_with(',')
}

fn is_all_caps(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !s.chars().any(|c| c.is_lowercase())
}

/// Whether `acronym` is made of the initials of the words ending `before`
/// ("Federal Trade Board" … "FTB").
fn spells_out(acronym: &str, before: &str) -> bool {
    if !acronym.chars().all(|c| c.is_ascii_uppercase()) || acronym.len() < 2 {
        return false;
    }
    let initials: String = before
        .split_whitespace()
        .rev()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .take(acronym.len())
        .filter_map(|w| w.chars().next())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    initials == acronym
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(is_space)
        .ends_with(['.', '!', '?', '"', '\u{201d}', ')'])
}

/// The name span inside `s[from..to]`, trimmed of spaces and a final stop.
fn name_span(s: &str, from: usize, to: usize) -> (usize, usize) {
    let from = skip_space(s, from);
    let mut to = trim_end_at(s, to).max(from);
    // A final stop goes, unless it closes an initial ("Jane Q.").
    if to > from && s[..to].ends_with('.') {
        let word = s[from..to - 1].rsplit(is_space).next().unwrap_or("");
        if word.chars().count() != 1 {
            to -= 1;
        }
    }
    (from, to)
}

/// How far from the end of a line a credit can start: a label, brackets and
/// a name of at most 80 bytes. Only this tail of a long line is searched.
const TAIL: usize = 128;

/// Find a credit at the end of `s` (a trimmed line), or `s` being only a credit.
pub fn find(s: &str) -> Option<Credit> {
    let mut from = s.len().saturating_sub(TAIL);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    // Most lines are story text: one pass over the tail rules out every
    // form at once when it holds none of their marks.
    let tail = &s[from..];
    let marked = tail
        .bytes()
        .any(|b| matches!(b, b':' | b'/' | b'|' | b')' | b']' | 0xe2));
    if !marked && s.len() > 80 && !tail.contains(" by ") {
        return None;
    }
    bracketed(s, from)
        .or_else(|| piped(s, from))
        .or_else(|| labelled(s, from))
        .or_else(|| slashed(s, from))
        .or_else(|| dashed(s, from))
        .or_else(|| bare(s))
        .or_else(|| named_picture(s))
        .or_else(|| split_slash(s))
}

/// Words that say a credited name's part is a picture, lowercase ("AP
/// photo", "Kest Courier file pic").
fn is_picture_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "photo" | "photos" | "pic" | "pics" | "picture" | "pictures"
    )
}

/// The end of the capitalized name that opens `s`, before its picture words
/// ("Kest Courier file pic" → "Kest Courier"), when `s` is such a name, the
/// picture words and at most a date after a comma.
fn name_before_picture(s: &str) -> Option<usize> {
    let head = s.split(',').next().unwrap_or(s).trim_end_matches('.');
    let words: Vec<&str> = head.split(is_space).filter(|w| !w.is_empty()).collect();
    let pic = words.iter().rposition(|w| is_picture_word(w))?;
    if pic + 1 != words.len() {
        return None;
    }
    let mut name_words = pic;
    if name_words > 0 && words[name_words - 1].eq_ignore_ascii_case("file") {
        name_words -= 1;
    }
    let name = &words[..name_words];
    let capitalized = name
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "of" | "the"));
    if name.is_empty() || name.len() > 5 || !capitalized {
        return None;
    }
    // What follows the picture words: nothing, or a date (", August 28, 2021.").
    let rest = &s[head.len()..];
    let rest_ok = rest
        .trim_matches(|c: char| is_space(c) || c == '.')
        .is_empty()
        || crate::date::find(rest, &crate::date::pieces(rest))
            .is_some_and(|f| f.date.year.is_some());
    if !rest_ok {
        return None;
    }
    let last = name[name.len() - 1];
    let end = s.find(last)? + last.len();
    Some(end)
}

/// `… – Kest Courier file pic, August 28, 2021.`: a credit after a dash at
/// the end of a caption.
fn dashed(s: &str, from: usize) -> Option<Credit> {
    let tail = &s[from..];
    let dash = [" \u{2013} ", " \u{2014} ", " - "]
        .iter()
        .filter_map(|d| tail.rfind(d).map(|i| (i, d.len())))
        .max()?;
    let seg = from + dash.0 + dash.1;
    let name_end = seg + name_before_picture(&s[seg..])?;
    let caption_end = trim_end_at(s, from + dash.0);
    if caption_end == 0 || !ends_sentence(&s[..caption_end]) {
        return None;
    }
    Some(Credit {
        caption_end,
        region: (from + dash.0 + 1, s.len()),
        name: name_span(s, seg, name_end),
    })
}

/// A line of its own naming who took the picture: `Associated Press photo`,
/// `Kest Courier file pic`.
fn named_picture(s: &str) -> Option<Credit> {
    if s.len() > 80 {
        return None;
    }
    let end = name_before_picture(s)?;
    Some(Credit {
        caption_end: 0,
        region: (0, s.len()),
        name: name_span(s, 0, end),
    })
}

/// A photographer and an agency on either side of a slash set apart by
/// spaces or line breaks, as pages print them under a picture:
/// `Jane Q. Doe / AP`, `Jane Q. Doe\n/\nAP`.
fn split_slash(s: &str) -> Option<Credit> {
    let (left, right) = s.split_once('/')?;
    let spaced = left.ends_with(is_space) && right.starts_with(is_space);
    let (left, right) = (
        left.trim_end_matches(is_space),
        right.trim_start_matches(is_space),
    );
    // Each side a name of one to four capitalized words (initials allowed).
    let named = |side: &str| {
        let words: Vec<&str> = side.split(is_space).filter(|w| !w.is_empty()).collect();
        (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with(','))
    };
    let ok = spaced && s.len() <= 80 && !right.contains('/') && named(left) && named(right);
    ok.then_some(Credit {
        caption_end: 0,
        region: (0, s.len()),
        name: (0, s.len()),
    })
}

/// `… (photo credit: REUTERS)`, `… [Getty]`, `… (AFP)`, `… (AP Photo/Jane Doe)`.
fn bracketed(s: &str, from: usize) -> Option<Credit> {
    let close = s.len().checked_sub(1)?;
    let (open_c, close_c) = match s.as_bytes()[close] {
        b')' => ('(', ')'),
        b']' => ('[', ']'),
        _ => return None,
    };
    let mut depth = 0;
    let mut open = None;
    for (i, c) in s[from..].char_indices().rev() {
        let i = from + i;
        if c == close_c {
            depth += 1;
        } else if c == open_c {
            depth -= 1;
            if depth == 0 {
                open = Some(i);
                break;
            }
        }
    }
    let open = open?;
    let inner_start = skip_space(s, open + 1);
    let caption_end = trim_end_at(s, open);
    let before = &s[..caption_end];
    let name = if let Some(n) = after_label(s, inner_start, true) {
        n
    } else {
        let inner = s[inner_start..close].trim();
        // Without a label, the line must read as a caption with a credit:
        // a phrase of some length before it ("Phil Vane (WRU)" and list items
        // like "2 Ann Bell (US)" are not), no comma in the name, and not an
        // acronym spelling out the words before it ("… Trade Board (ETB)").
        let caption_words = before.split_whitespace().count();
        if !name_like(inner)
            || inner.contains(',')
            || (!before.is_empty()
                && (caption_words < 5 || before.len() > 400 || is_all_caps(before)))
            || spells_out(inner, before)
        {
            return None;
        }
        let credit_shaped = open_c == '['
            || inner.contains('/')
            || is_all_caps(inner)
            || before.is_empty()
            || ends_sentence(before)
            || inner.ends_with("Images")
            || inner.ends_with("Photo");
        if !credit_shaped {
            return None;
        }
        inner_start
    };
    let name = name_span(s, name, close);
    (name.1 > name.0).then_some(Credit {
        caption_end,
        region: (open, s.len()),
        name,
    })
}

/// `… | Getty Images`, `… | Photo: Jane Doe`.
fn piped(s: &str, from: usize) -> Option<Credit> {
    let tail = &s[from..];
    let bar = from + tail.rfind(" | ").or_else(|| tail.rfind(" \u{2022} "))?;
    let seg = skip_space(
        s,
        bar + 2 + usize::from(s[bar + 1..].starts_with('\u{2022}')) * 2,
    );
    let name = match after_label(s, seg, false) {
        Some(n) => n,
        None if name_like(&s[seg..]) => seg,
        None => return None,
    };
    let name = name_span(s, name, s.len());
    (name.1 > name.0).then_some(Credit {
        caption_end: trim_end_at(s, bar),
        region: (seg, s.len()),
        name,
    })
}

/// `… Photograph: Jane Doe/Reuters`, `… Image Credit: ANI`, `Credit: …`.
fn labelled(s: &str, from: usize) -> Option<Credit> {
    // Every label ends in a colon or "by".
    let tail = &s[from..];
    if !tail.contains(':')
        && !tail.contains("hoto")
        && !tail.contains("icture")
        && !tail.contains("mage by")
    {
        return None;
    }
    // The first label that starts a word and is followed by nothing but a
    // short name (so "Image Credit:" wins over its "Credit:").
    let mut best = None;
    for (i, c) in s[from..].char_indices() {
        let i = from + i;
        if !c.is_ascii_alphabetic() || (i > 0 && !s[..i].ends_with(is_space)) {
            continue;
        }
        if let Some(n) = after_label(s, i, false) {
            if name_like(&s[n..]) {
                best = Some((i, n));
                break;
            }
        }
    }
    let (label, name) = best?;
    let name = name_span(s, name, s.len());
    (name.1 > name.0).then_some(Credit {
        caption_end: trim_end_at(s, label),
        region: (label, s.len()),
        name,
    })
}

/// `… REUTERS/Jane Doe`, `AP Photo/Jane Doe`, `EPA/JANE DOE/File`.
fn slashed(s: &str, from: usize) -> Option<Credit> {
    if !s[from..].contains('/') {
        return None;
    }
    // Word starts of the last few words, earliest first.
    let mut starts: Vec<usize> = s[from..]
        .char_indices()
        .map(|(i, c)| (from + i, c))
        .filter(|&(i, c)| !is_space(c) && (i == 0 || s[..i].ends_with(is_space)))
        .map(|(i, _)| i)
        .collect();
    let keep = starts.len().saturating_sub(8);
    starts.drain(..keep);
    for &w in &starts {
        let word_end = s[w..].find(is_space).map_or(s.len(), |e| w + e);
        let word = &s[w..word_end];
        let Some(slash) = word.find('/') else {
            // "AP Photo/…": an all-caps word before "Photo/".
            continue;
        };
        let head = &word[..slash];
        let mut start = w;
        if head == "Photo" || head == "Photos" {
            let prev = s[..w].trim_end();
            let prev_start = prev.rfind(is_space).map_or(0, |p| p + 1);
            if !is_all_caps(&prev[prev_start..]) {
                continue;
            }
            start = prev_start;
        } else if !is_all_caps(head)
            || !head
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '&')
        {
            continue;
        }
        let before = &s[..trim_end_at(s, start)];
        if !(before.is_empty() || ends_sentence(before)) || !name_like(&s[start..]) {
            continue;
        }
        let name = name_span(s, start, s.len());
        return Some(Credit {
            caption_end: before.len(),
            region: (start, s.len()),
            name,
        });
    }
    None
}

/// Words a credit uses for the kind of picture or its handling, not for who
/// took it: "REUTERS/Handout", "File", "Pool".
const NOT_AGENCIES: &[&str] = &[
    "handout",
    "file",
    "files",
    "pool",
    "supplied",
    "courtesy",
    "stock",
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "illustration",
    "screenshot",
    "screengrab",
    "archive",
    "video",
];

/// Trailing words that say an agency's part is a picture ("AP Photo").
const PICTURE_WORDS: &[&str] = &["Photo", "Photos", "Pictures", "Photographer"];

/// Nouns that end the names of picture agencies ("Getty Images").
const AGENCY_NOUNS: &[&str] = &["Images", "Press", "Agency", "News", "Service", "Wire"];

/// Who a part of a credited name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credited {
    Agency,
    Photographer,
}

/// The parts of a credited name, as byte ranges of `name`, split at "/",
/// ",", ";" and "via": a part in capitals ("REUTERS", "AFP"), ending in an
/// agency noun ("Getty Images") or of a single capitalized word
/// ("Bloomberg") is an agency; two to four capitalized words (initials
/// allowed) are a photographer ("Jane Q. Doe"). A final "Photo" is not part
/// of the agency ("AP Photo" → "AP"); "File", "Handout" and the like are
/// neither.
pub fn credited(name: &str) -> Vec<(std::ops::Range<usize>, Credited)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in name.char_indices() {
        if i < start {
            continue;
        }
        if matches!(c, '/' | ',' | ';') {
            parts.push(start..i);
            start = i + 1;
        } else if name[i..].starts_with(" via ") {
            parts.push(start..i);
            start = i + " via ".len();
        }
    }
    parts.push(start..name.len());
    let mut out = Vec::new();
    for part in parts {
        let text = &name[part.clone()];
        if text.trim_matches(is_space).is_empty() {
            continue;
        }
        let from = part.start + (text.len() - text.trim_start_matches(is_space).len());
        let mut to = part.start + text.trim_end_matches(is_space).len();
        let mut words: Vec<&str> = name[from..to]
            .split(is_space)
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() > 1 && PICTURE_WORDS.contains(words.last().unwrap()) {
            let last = words.pop().unwrap();
            to = name[..to - last.len()].trim_end_matches(is_space).len();
        }
        let Some(&last) = words.last() else {
            continue;
        };
        let capitalized = words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        let ordinary = words
            .iter()
            .any(|w| NOT_AGENCIES.contains(&w.to_lowercase().as_str()));
        if !capitalized || words.len() > 4 || ordinary && words.len() == 1 {
            continue;
        }
        let all_caps = is_all_caps(&name[from..to]);
        // "The Kest Courier": people are not named with "The".
        if all_caps || AGENCY_NOUNS.contains(&last) || words.len() == 1 || words[0] == "The" {
            out.push((from..to, Credited::Agency));
        } else if !ordinary
            && words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
            })
        {
            out.push((from..to, Credited::Photographer));
        }
    }
    out
}

/// A line that is only a credit with no mark: `Getty Images`, `AFP via Getty Images`.
fn bare(s: &str) -> Option<Credit> {
    let shaped = s.len() <= 80
        && (s.ends_with(" Images") || s.contains(" via "))
        && s.split_whitespace().count() <= 6
        && name_like(s);
    shaped.then(|| Credit {
        caption_end: 0,
        region: (0, s.len()),
        name: name_span(s, 0, s.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The agencies a credited name names, as byte ranges of `name` (see
    /// [`credited`]).
    fn agencies(name: &str) -> Vec<std::ops::Range<usize>> {
        credited(name)
            .into_iter()
            .filter(|(_, c)| *c == Credited::Agency)
            .map(|(r, _)| r)
            .collect()
    }

    fn parts(s: &str) -> Option<(&str, &str, &str)> {
        find(s).map(|c| {
            (
                &s[..c.caption_end],
                &s[c.region.0..c.region.1],
                &s[c.name.0..c.name.1],
            )
        })
    }

    #[test]
    fn credits_after_a_dash_by_name_alone_and_around_a_spaced_slash() {
        assert_eq!(
            parts("The mayor speaks in Kest on Monday. \u{2013} Kest Courier file pic, August 28, 2021."),
            Some((
                "The mayor speaks in Kest on Monday.",
                "\u{2013} Kest Courier file pic, August 28, 2021.",
                "Kest Courier"
            ))
        );
        assert_eq!(
            parts("Varn Press photo"),
            Some(("", "Varn Press photo", "Varn Press"))
        );
        assert_eq!(
            parts("Jane Q. Doe\n/\nAP"),
            Some(("", "Jane Q. Doe\n/\nAP", "Jane Q. Doe\n/\nAP"))
        );
        // Not credits: a sentence about a photo, a dash in a sentence.
        assert_eq!(parts("He took the photo"), None);
        assert_eq!(parts("The team photo"), None);
        assert_eq!(parts("Prices rose - the Kest Courier pic showed it"), None);
        assert_eq!(parts("either/or"), None);
    }

    #[test]
    fn photographers_in_credited_names() {
        let people = |s: &str| -> Vec<String> {
            credited(s)
                .into_iter()
                .filter(|(_, c)| *c == Credited::Photographer)
                .map(|(r, _)| s[r].to_string())
                .collect()
        };
        assert_eq!(people("REUTERS/Pia Lund"), ["Pia Lund"]);
        assert_eq!(people("Jane Q. Doe\n/\nAP"), ["Jane Q. Doe"]);
        assert_eq!(people("AP Photo/Omar Vey, File"), ["Omar Vey"]);
        assert!(people("Getty Images").is_empty());
        assert!(people("The Kest Courier").is_empty());
        assert_eq!(agencies("The Kest Courier").len(), 1);
        assert!(people("Kest Courier file pic").is_empty());
        assert!(people("REUTERS/Handout Photo").is_empty());
    }

    #[test]
    fn agencies_in_credited_names() {
        let names = |s: &str| -> Vec<String> {
            agencies(s).into_iter().map(|r| s[r].to_string()).collect()
        };
        assert_eq!(names("REUTERS"), ["REUTERS"]);
        assert_eq!(names("REUTERS/Jane Quell"), ["REUTERS"]);
        assert_eq!(names("Jane Quell/PA"), ["PA"]);
        assert_eq!(names("AP Photo/Jane Quell"), ["AP"]);
        assert_eq!(names("AFP via Getty Images"), ["AFP", "Getty Images"]);
        assert_eq!(names("Zorvex"), ["Zorvex"]);
        assert_eq!(names("REUTERS/Handout"), ["REUTERS"]);
        assert!(names("Jane Quell").is_empty());
        assert!(names("Handout").is_empty());
    }

    #[test]
    fn credit_forms() {
        let cap = "Two ministers shake hands in Valdora, May 3, 2021.";
        let cases = [
            ("(photo credit: REUTERS)", "REUTERS"),
            ("(Photo credit: Marta Quell/Flash90)", "Marta Quell/Flash90"),
            ("Image Credit: ANI", "ANI"),
            ("[Getty]", "Getty"),
            ("[File: Omar Vey/Reuters]", "Omar Vey/Reuters"),
            ("Photo: AP", "AP"),
            ("REUTERS/Jane Doe", "REUTERS/Jane Doe"),
            ("AP Photo/Jane Doe", "AP Photo/Jane Doe"),
            ("(AP Photo/Jane Doe)", "AP Photo/Jane Doe"),
            ("(AFP)", "AFP"),
            ("(Reuters)", "Reuters"),
            ("Credit: Lena Marsh", "Lena Marsh"),
            ("Photograph: Jane Doe/Reuters", "Jane Doe/Reuters"),
            ("| Getty Images", "Getty Images"),
        ];
        for (credit, name) in cases {
            let line = format!("{cap} {credit}");
            let (c, region, n) = parts(&line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(c, cap, "{line}");
            assert_eq!(n, name, "{line}");
            if !credit.starts_with('|') {
                assert_eq!(region, credit, "{line}");
            }
            // The credit alone on its line.
            let alone = credit.trim_start_matches("| ");
            let (c, _, n) = parts(alone).unwrap_or_else(|| panic!("{alone}"));
            assert_eq!((c, n), ("", name), "{alone}");
        }
    }

    #[test]
    fn image_credit_without_stop_before() {
        let line = "Visitors queue outside the museum Image Credit: ANI";
        let (c, _, n) = parts(line).unwrap();
        assert_eq!((c, n), ("Visitors queue outside the museum", "ANI"));
    }

    #[test]
    fn body_text_is_not_a_credit() {
        for line in [
            "The party (which won in 2019) said it would appeal.",
            "He joined the Northern Workers Party (Nwp)",
            "Talks resumed on Monday, officials said.",
            "The photo: it showed a crowd outside.",
            "2 Ann Bell (US)",
            "Phil Vane (WRU)",
            "QUICK AND BOLD (FERN STUDIOS)",
            "The list also notes the growing role of the regulator, the Federal Trade Board (FTB)",
            "Ida Kern (Late Show/ Night Owls, ITV2)",
            "Sales rose 5% in the first half/year",
            "Getty Images was not involved, he said.",
        ] {
            assert_eq!(parts(line), None, "{line}");
        }
    }

    #[test]
    fn standalone_credit_lines() {
        assert_eq!(parts("Getty Images").map(|p| p.2), Some("Getty Images"));
        assert_eq!(
            parts("AFP via Getty Images").map(|p| p.2),
            Some("AFP via Getty Images")
        );
    }
}
