//! Dates as news pages print them: "July 22, 2020", "22 July 2020",
//! "Wed 22 Jul 2020", "2020-07-22", "Jul. 22, 2020 10:15 AM", "July 21".
//!
//! Hand-written: the forms are few and fixed, and a date crate's format
//! strings would need one pattern per combination of them. Month and weekday
//! words come from the language crate's calendar.

use newsparse_core::date::Date;
use newsparse_lang::chars::is_space;

/// A date as printed, the year possibly unknown ("July 21" in a dateline).
/// Not checked: "February 30, 2023" is read as printed, and [`Printed::day`]
/// then gives no day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Printed {
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
}

impl Printed {
    /// The real day, when the year is known and such a day exists.
    pub fn day(&self) -> Option<Date> {
        newsparse_core::date::day(self.year?.into(), self.month, self.day)
    }
    /// Whether no year makes it a real day ("February 30", "April 31"), or
    /// its printed year does not ("February 29, 2023").
    pub fn is_impossible(&self) -> bool {
        // 2000 was a leap year: February 29 alone is possible.
        let year = self.year.map_or(2000, i32::from);
        newsparse_core::date::day(year, self.month, self.day).is_none()
    }
    /// `YYYY-MM-DD` of the real day.
    #[cfg(test)]
    pub fn iso(&self) -> Option<String> {
        self.day().map(newsparse_core::date::iso_day)
    }
}

/// A word or a number of a short line, with its byte range in that line.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Split `s` into runs of letters or of digits. Ordinal suffixes printed
/// right after a number ("22nd") are dropped.
pub fn pieces(s: &str) -> Vec<Piece<'_>> {
    fn flush<'a>(s: &'a str, out: &mut Vec<Piece<'a>>, st: usize, end: usize) {
        let text = &s[st..end];
        let ordinal = matches!(text, "st" | "nd" | "rd" | "th")
            && out
                .last()
                .is_some_and(|p| p.end == st && p.text.bytes().all(|b| b.is_ascii_digit()));
        if !ordinal {
            out.push(Piece {
                text,
                start: st,
                end,
            });
        }
    }
    let mut out: Vec<Piece> = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in s.char_indices() {
        let digit = c.is_ascii_digit();
        match start {
            Some((_, d)) if c.is_alphanumeric() && d == digit => {}
            Some((st, _)) => {
                flush(s, &mut out, st, i);
                start = c.is_alphanumeric().then_some((i, digit));
            }
            None => start = c.is_alphanumeric().then_some((i, digit)),
        }
    }
    if let Some((st, _)) = start {
        flush(s, &mut out, st, s.len());
    }
    out
}

/// The month a word names ("July", "Jul", "SEPT"), 1-12.
pub fn month(w: &str) -> Option<u8> {
    newsparse_lang::calendar::month_number(w)
}

/// Whether a word names a weekday ("Wednesday", "Wed", "Thurs").
pub fn is_weekday(w: &str) -> bool {
    newsparse_lang::calendar::weekday(w, true).is_some()
}

fn number(p: &Piece) -> Option<u32> {
    if p.text.len() > 4 || !p.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    p.text.parse().ok()
}

fn day(p: &Piece) -> Option<u8> {
    number(p)
        .filter(|d| (1..=31).contains(d) && p.text.len() <= 2)
        .map(|d| d as u8)
}

fn year(p: &Piece) -> Option<u16> {
    number(p)
        .filter(|y| (1900..=2100).contains(y) && p.text.len() == 4)
        .map(|y| y as u16)
}

/// A date found in a line, and which pieces it used.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub date: Printed,
    /// Index of its first and one past its last piece.
    pub pieces: (usize, usize),
}

/// The first date in `ps`: with a year when one is printed, else month and day.
pub fn find(s: &str, ps: &[Piece]) -> Option<Found> {
    let mut partial = None;
    for i in 0..ps.len() {
        let get = |k: usize| ps.get(i + k);
        // 2020-07-22
        if let (Some(y), Some(m), Some(d)) = (get(0), get(1), get(2)) {
            if let (Some(y), Some(mo), Some(da)) = (year(y), number(m), day(d)) {
                let sep1 = &s[ps[i].end..ps[i + 1].start];
                let sep2 = &s[ps[i + 1].end..ps[i + 2].start];
                if sep1 == "-" && sep2 == "-" && (1..=12).contains(&mo) && m.text.len() == 2 {
                    return Some(Found {
                        date: Printed {
                            year: Some(y),
                            month: mo as u8,
                            day: da,
                        },
                        pieces: (i, i + 3),
                    });
                }
            }
        }
        // July 22, 2020 / July 22
        if let (Some(m), Some(d)) = (get(0).and_then(|p| month(p.text)), get(1).and_then(day)) {
            if let Some(y) = get(2).and_then(year) {
                return Some(Found {
                    date: Printed {
                        year: Some(y),
                        month: m,
                        day: d,
                    },
                    pieces: (i, i + 3),
                });
            }
            partial.get_or_insert(Found {
                date: Printed {
                    year: None,
                    month: m,
                    day: d,
                },
                pieces: (i, i + 2),
            });
        }
        // 22 July 2020 / 22 July
        if let (Some(d), Some(m)) = (get(0).and_then(day), get(1).and_then(|p| month(p.text))) {
            if let Some(y) = get(2).and_then(year) {
                return Some(Found {
                    date: Printed {
                        year: Some(y),
                        month: m,
                        day: d,
                    },
                    pieces: (i, i + 3),
                });
            }
            partial.get_or_insert(Found {
                date: Printed {
                    year: None,
                    month: m,
                    day: d,
                },
                pieces: (i, i + 2),
            });
        }
    }
    partial
}

/// Labels that introduce a page's date line, lowercase.
const LABELS: &[(&str, Label)] = &[
    ("first published", Label::Published),
    ("published on", Label::Published),
    ("published", Label::Published),
    ("posted on", Label::Published),
    ("posted", Label::Published),
    ("date", Label::Published),
    ("last updated", Label::Updated),
    ("last modified", Label::Updated),
    ("updated on", Label::Updated),
    ("updated", Label::Updated),
    ("modified", Label::Updated),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// "Published", "Posted" or no label at all.
    Published,
    /// "Updated", "Last modified".
    Updated,
}

/// Whether a word of a date line is filler around the date: a weekday, a
/// time, "am"/"pm", a time zone or a connecting word.
fn is_filler(p: &Piece) -> bool {
    let w = p.text;
    if w.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    if is_weekday(w) || month(w).is_some() {
        return true;
    }
    let lower = w.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "am" | "pm" | "a" | "p" | "m" | "at" | "on" | "of" | "local" | "time" | "hrs" | "h"
    ) {
        return true;
    }
    // Time zones: "GMT", "BST", "EDT", "AEST", "UTC".
    w.len() <= 5 && w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// A line that states a date and nothing else: "Published: July 22, 2020",
/// "Updated 3 March 2021", "Jul 22, 2020 10:15 AM", "Wed 22 Jul 2020 10.15 BST".
/// Returns the date (with its year) and what kind of date it is.
pub fn date_line(s: &str) -> Option<(Printed, Label)> {
    if s.len() > 100 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let mut label = None;
    let mut rest = s;
    for (l, kind) in LABELS {
        if lower.starts_with(l) && !lower[l.len()..].starts_with(|c: char| c.is_alphabetic()) {
            label = Some(*kind);
            rest = &s[l.len()..];
            break;
        }
    }
    let ps = pieces(rest);
    let found = find(rest, &ps)?;
    found.date.year?;
    if label.is_none() {
        // Unlabelled: the line must be the date and filler only.
        if !ps.iter().all(is_filler) {
            return None;
        }
    } else if ps[..found.pieces.0].iter().any(|p| !is_filler(p)) {
        return None;
    }
    Some((found.date, label.unwrap_or(Label::Published)))
}

/// A date stamp opening a line that goes on with other text ("date
/// 2019-01-10 Kest council …", "July 28, 2007|By …", "February 23, 2011 in
/// World"): the byte offsets where the stamp (label, full date, and a time
/// right after it) ends and where the rest starts, past the separators
/// between them. Only a date with its year, at the very start.
pub fn leading_stamp(s: &str) -> Option<(usize, usize)> {
    if s.len() > 2000 {
        return None;
    }
    // Labels are short: only the line's start is compared.
    let lower = newsparse_lang::chars::prefix(s, 24).to_ascii_lowercase();
    let label = LABELS
        .iter()
        .find(|(l, _)| lower.starts_with(l) && !lower[l.len()..].starts_with(char::is_alphabetic))
        .map_or(0, |(l, _)| l.len());
    let rest = &s[label..];
    // A stamp starts with a number, a month or a weekday: most lines don't.
    let first = rest
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let opens_date = first.starts_with(|c: char| c.is_ascii_digit())
        || month(first).is_some()
        || is_weekday(first);
    if !opens_date {
        return None;
    }
    let ps = pieces(rest);
    let found = find(rest, &ps)?;
    found.date.year?;
    // The date comes first (a weekday before it may too).
    if ps[..found.pieces.0].iter().any(|p| !is_weekday(p.text)) {
        return None;
    }
    // A time and zone after the date belong to the stamp; a line of the date
    // and such filler only is a date line, not a stamp before text.
    let filler_end = ps[found.pieces.1..]
        .iter()
        .position(|p| !is_filler(p))
        .map(|k| found.pieces.1 + k)?;
    let end = label + ps[filler_end - 1].end;
    let after =
        s[end..].trim_start_matches(|c: char| is_space(c) || ",|:;-\u{2013}\u{2014}".contains(c));
    (!after.is_empty() && after.chars().any(char::is_alphabetic))
        .then_some((end, s.len() - after.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        date_line(s).and_then(|(d, _)| d.iso())
    }

    #[test]
    fn stamps_opening_a_line() {
        fn stamp(s: &str) -> Option<&str> {
            leading_stamp(s).map(|(e, _)| &s[..e])
        }
        assert_eq!(
            stamp("date 2019-01-10 Kest council voted"),
            Some("date 2019-01-10")
        );
        assert_eq!(stamp("July 28, 2007|By Ann Poe"), Some("July 28, 2007"));
        assert_eq!(
            stamp("February 23, 2011 in World"),
            Some("February 23, 2011")
        );
        assert_eq!(stamp("July 28, 2007"), None, "nothing follows");
        assert_eq!(stamp("On July 28, 2007 the council met"), None);
        assert_eq!(stamp("July 28 the council met"), None, "no year");
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            iso("Published: July 22, 2020").as_deref(),
            Some("2020-07-22")
        );
        assert_eq!(iso("Updated 3 March 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(iso("Jul 22, 2020 10:15 AM").as_deref(), Some("2020-07-22"));
        assert_eq!(
            iso("Wed 22 Jul 2020 10.15 BST").as_deref(),
            Some("2020-07-22")
        );
        assert_eq!(iso("2020-07-22").as_deref(), Some("2020-07-22"));
        assert_eq!(
            iso("Published 10:15 AM EDT, Jul. 22, 2020").as_deref(),
            Some("2020-07-22")
        );
        assert_eq!(
            date_line("Last updated: 4 Feb 2019").map(|d| d.1),
            Some(Label::Updated)
        );
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert_eq!(
            iso("The talks ended on July 22, 2020 without a deal."),
            None
        );
        assert_eq!(iso("July 22"), None);
        assert_eq!(iso("Dated memories of 2020"), None);
    }

    #[test]
    fn month_day_without_year() {
        let s = "BAGHDAD, July 21";
        let ps = pieces(s);
        let f = find(s, &ps).unwrap();
        assert_eq!(
            f.date,
            Printed {
                year: None,
                month: 7,
                day: 21
            }
        );
    }
}
