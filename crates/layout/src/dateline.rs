//! Datelines opening a story: `LONDON (Reuters) -`, `BAGHDAD, July 21 (AP) —`,
//! `WASHINGTON —`, `NEW DELHI:`, `Baghdad, Iraq (AFP) -`.

use crate::date::{self, Printed};
use newsparse_lang::case::title_case;

/// A dateline at the start of a line; offsets are bytes into that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// End of the dateline, its dash or colon included.
    pub end: usize,
    /// Where the story text starts after it.
    pub body: usize,
    /// The place, in title case ("New York").
    pub place: String,
    pub date: Option<Printed>,
    /// The credited agency in brackets ("Reuters" in "(Reuters)"), as a byte
    /// range of the line.
    pub agency: Option<(usize, usize)>,
}

fn is_caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 1
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
}

fn is_cap_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
}

/// The dateline opening `s` (a trimmed line), if any.
pub fn parse(s: &str) -> Option<Found> {
    if s.len() < 8 {
        return None;
    }
    // Place words up to the first ",", "(", dash or colon, near the start.
    let head = newsparse_lang::chars::prefix(s, 60);
    if !head.starts_with(char::is_uppercase) {
        return None;
    }
    let stop = head
        .find([',', '(', ':', '\u{2013}', '\u{2014}'])
        .unwrap_or(s.len());
    let stop = match head.find(" -") {
        Some(d) if d < stop => d,
        _ => stop,
    };
    let place = s[..stop].trim_end();
    let words: Vec<&str> = place.split(' ').collect();
    if place.is_empty() || words.len() > 4 || words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let caps = words.iter().all(|w| is_caps_word(w))
        && place.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    if !caps && !words.iter().all(|w| is_cap_word(w)) {
        return None;
    }
    let mut at = place.len();
    let mut date = None;
    let mut agency = None;
    // ", Iraq", ", July 21", ", Calif."
    while s[at..].starts_with(',') {
        let seg_start = at + 1;
        let seg_end = s[seg_start..]
            .find([',', '(', ':', '\u{2013}', '\u{2014}'])
            .map_or(s.len(), |e| seg_start + e);
        let seg_end = match s[seg_start..seg_end].find(" -") {
            Some(d) => seg_start + d,
            None => seg_end,
        };
        let seg = s[seg_start..seg_end].trim();
        let ps = date::pieces(seg);
        if let Some(found) = date::find(seg, &ps).filter(|f| f.pieces.0 == 0) {
            date = Some(found.date);
        } else if seg.split(' ').count() > 3 || !seg.split(' ').all(is_cap_word) {
            return None;
        }
        at = s[..seg_end].trim_end().len();
        // "July 21, 2020": the year after a comma belongs to the date.
        if let Some(d) = date.as_mut().filter(|d| d.year.is_none()) {
            let rest = s[at..].strip_prefix(", ").unwrap_or("");
            if rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
                d.year = rest[..4].parse().ok();
                at += 2 + 4;
            }
        }
    }
    let mut cur = at + (s[at..].len() - s[at..].trim_start().len());
    // "(Reuters)", "(AP)".
    if s[cur..].starts_with('(') {
        let close = cur + s[cur..].find(')')?;
        let inner = &s[cur + 1..close];
        let ws: Vec<&str> = inner.split_whitespace().collect();
        if ws.is_empty()
            || ws.len() > 4
            || !ws.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()))
        {
            return None;
        }
        agency = Some((cur + 1, close));
        cur = close + 1;
        cur += s[cur..].len() - s[cur..].trim_start().len();
    }
    if !caps && agency.is_none() {
        return None;
    }
    // The dash (or an all-caps place's colon).
    let rest = &s[cur..];
    let dash_len = ["--", "-", "\u{2013}", "\u{2014}"]
        .iter()
        .find(|d| rest.starts_with(**d))
        .map(|d| d.len())
        .or_else(|| (caps && rest.starts_with(':')).then_some(1))?;
    let end = cur + dash_len;
    let body = end + (s[end..].len() - s[end..].trim_start().len());
    // A hyphen must stand apart ("LONDON - The"), or it joins words.
    if body == end && s[cur..].starts_with('-') {
        return None;
    }
    let first = s[body..].chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit() || crate::is_quote(first)) {
        return None;
    }
    Some(Found {
        end,
        body,
        place: if caps {
            title_case(place)
        } else {
            place.to_string()
        },
        date,
        agency,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(String, Option<Printed>, String)> {
        parse(s).map(|f| (f.place, f.date, s[f.body..].to_string()))
    }

    #[test]
    fn datelines() {
        let (place, date, body) = p("LONDON (Reuters) - Shares rose on Tuesday.").unwrap();
        assert_eq!(
            (place.as_str(), date, body.as_str()),
            ("London", None, "Shares rose on Tuesday.")
        );
        let (place, date, _) = p("BAGHDAD, July 21 (AP) \u{2014} Officials met.").unwrap();
        assert_eq!(place, "Baghdad");
        assert_eq!(
            date,
            Some(Printed {
                year: None,
                month: 7,
                day: 21
            })
        );
        let (place, _, body) = p("WASHINGTON \u{2014} The senator said.").unwrap();
        assert_eq!(
            (place.as_str(), body.as_str()),
            ("Washington", "The senator said.")
        );
        assert_eq!(p("NEW DELHI: The ministry said.").unwrap().0, "New Delhi");
        assert_eq!(
            p("RIO DE JANEIRO, Brazil (AP) -- Rain fell.").unwrap().0,
            "Rio de Janeiro"
        );
        assert_eq!(
            p("Varnia City, Varnia (AFP) - Rain fell.").unwrap().0,
            "Varnia City"
        );
        let (_, date, _) = p("OSLO, March 3, 2021 (Reuters) - Rain fell.").unwrap();
        assert_eq!(date.and_then(|d| d.iso()).as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for s in [
            "The company said - and repeated - that it would sell.",
            "In London, officials met on Monday.",
            "NATO-led forces withdrew.",
            "US-IRAN TALKS",
            "Prices: what rose and what fell",
            "Ukraine revisits state sell-offs",
        ] {
            assert_eq!(p(s), None, "{s}");
        }
    }
}
