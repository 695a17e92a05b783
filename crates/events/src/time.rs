//! Time expressions: finding them in a sentence's words and normalizing them
//! to `YYYY`, `YYYY-MM` or `YYYY-MM-DD` against the article's reference date.
//!
//! Written by hand over the text stage's tokens: the date crates parse a
//! whole string in a known format, while news dates are phrases inside a
//! sentence ("earlier this year", "last September", "on Tuesday") whose value
//! depends on the reference date and on the verb's tense.

use crate::words::Word;
use newsparse_core::date::{day as date, Date, Weekday};
use newsparse_core::{ByteSpan, Layout, PartialDate};
use newsparse_lang::lexicon::WordSet;
use time::Duration;

/// What a time expression says, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// "July 21, 2020", "21 July 2020", "2020-07-21".
    Date(Date),
    /// "February 30, 2023", "2023-02-30", "31 April": printed as a date but
    /// no such day (in any year, when none is printed). It has no value.
    Impossible {
        year: Option<i32>,
        month: u8,
        day: u8,
    },
    /// "July 2020".
    MonthYear { year: i32, month: u8 },
    /// "2019", "between July and September 2004".
    Year(i32),
    /// "the 1990s": recognized but has no `YYYY[-MM[-DD]]` value.
    Decade(i32),
    /// "two years later": a year counted from the last year the text
    /// named before it, not from the reference date (`resolve` gives none).
    YearsLater(i32),
    /// "28 March", "March 28": the year comes from the reference date.
    DayMonth { month: u8, day: u8 },
    /// "in January", "last September", "next March".
    Month { month: u8, shift: Shift },
    /// "on Tuesday", "last Friday".
    Weekday { day: Weekday, shift: Shift },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1), "two days ago" (-2).
    Days(i64),
    /// "this week" (0), "last week" (-1), "next week" (1).
    Weeks(i64),
    /// "this month", "earlier this month" (0), "last month" (-1), "next month" (1).
    Months(i32),
    /// "this year", "earlier this year", "this spring" (0), "last year" (-1).
    Years(i32),
}

/// A modifier on a month or weekday name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    /// No modifier: past or future is decided by the verb's tense.
    Bare,
    /// "last": strictly before the reference date.
    Last,
    /// "next": strictly after.
    Next,
    /// "this": the one of the reference week or year.
    This,
}

/// The tense of the clause around an expression, as far as a few cue words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// One time expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    pub span: ByteSpan,
    /// Word indices (into the sentence's words) the expression covers.
    pub words: std::ops::Range<usize>,
    pub kind: TimeKind,
    pub tense: Tense,
}

impl TimeMention {
    /// Whether the expression is read against the date the text was written.
    pub fn is_deictic(&self) -> bool {
        matches!(
            self.kind,
            TimeKind::Weekday { .. } | TimeKind::Days(_) | TimeKind::Weeks(0) | TimeKind::Months(0)
        )
    }
}

fn month_number(lower: &str) -> Option<u8> {
    newsparse_lang::calendar::month_number(lower)
}

fn weekday_of(lower: &str) -> Option<Weekday> {
    newsparse_lang::calendar::weekday(lower, false)
}

fn number_word(lower: &str) -> Option<i64> {
    Some(match lower {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "several" | "few" => return None,
        s => return s.parse().ok().filter(|n| (1..=100).contains(n)),
    })
}

/// A day of the month: "21", "21st", "3rd".
fn day_number(lower: &str) -> Option<u8> {
    // Only a digit or a sign ("+5" parses) can start one: most words go here.
    if !lower.starts_with(|c: char| c.is_ascii_digit() || c == '+') {
        return None;
    }
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// `s` without every leading copy of `prefix` (`str::trim_start_matches`
/// without building a substring searcher for each word).
fn trim_prefixes<'s>(mut s: &'s str, prefix: &str) -> &'s str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// A year as news writes it: four digits, 1800–2099.
fn year_number(lower: &str) -> Option<i32> {
    if lower.len() != 4 || !lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    lower.parse().ok().filter(|y| (1800..=2099).contains(y))
}

/// "2020-07-21" (a month 1–12 and a day 1–31, so "2019-02-30" is an
/// impossible date, and "2019-13-45" no date at all).
fn iso_date(lower: &str) -> Option<TimeKind> {
    let b = lower.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let two = |r: std::ops::Range<usize>| -> Option<u8> {
        b[r.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| lower[r].parse().ok())
            .flatten()
    };
    let y = year_number(&lower[..4])?;
    let m = two(5..7).filter(|m| (1..=12).contains(m))?;
    let d = two(8..10).filter(|d| (1..=31).contains(d))?;
    Some(full_date(y, m, d))
}

/// A full date as printed: the day, or an impossible date when there is no
/// such day.
fn full_date(year: i32, month: u8, day: u8) -> TimeKind {
    match date(year, month, day) {
        Some(d) => TimeKind::Date(d),
        None => TimeKind::Impossible {
            year: Some(year),
            month,
            day,
        },
    }
}

/// A day and month printed without a year: an impossible date when no year
/// has that day ("30 February"; 29 February is possible).
fn day_month(month: u8, day: u8) -> TimeKind {
    match date(2000, month, day) {
        Some(_) => TimeKind::DayMonth { month, day },
        None => TimeKind::Impossible {
            year: None,
            month,
            day,
        },
    }
}

/// Words before a bare year that show it is a date and not a count.
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "of", "by", "until", "till", "from", "to", "between", "and", "during", "before",
    "after", "early", "late", "mid", "around", "the", "for", "through", "circa", "or", "spring",
    "summer", "autumn", "winter", "fall", "season", "year", "(", ",",
];

const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];

/// Find the time expressions among a sentence's words.
pub fn find(words: &[Word]) -> Vec<TimeMention> {
    let mut out = Vec::new();
    let n = words.len();
    let lw = |i: usize| words.get(i).map_or("", |w| w.lower.as_ref());
    let mut i = 0;
    while i < n {
        let w = lw(i);
        if !may_open_expression(w) && !words[i].is_capitalized() {
            i += 1;
            continue;
        }
        let start = i;
        let mut found: Option<(usize, TimeKind)> = None; // (end word, kind)

        if let Some(kind) = iso_date(w) {
            found = Some((i + 1, kind));
        } else if let Some(m) = words[i].is_capitalized().then(|| month_number(w)).flatten() {
            found = month_phrase(words, i, m);
        } else if let Some(d) = day_number(w) {
            // "21 July 2020", "28 March"
            let k = if lw(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some(m) = words
                .get(k)
                .filter(|w| w.is_capitalized())
                .and_then(|w| month_number(&w.lower))
            {
                let k = k + 1;
                found = Some(match year_number(lw(k)) {
                    Some(y) => (k + 1, full_date(y, m, d)),
                    None => (k, day_month(m, d)),
                });
            }
        } else if let Some(y) = year_number(w) {
            let prev = if i == 0 { "" } else { lw(i - 1) };
            let next = lw(i + 1);
            let counted = matches!(prev, "$" | "£" | "€" | "#") || next == "%";
            if !counted
                && (YEAR_PREPOSITIONS.contains(&prev)
                    || matches!(next, "'s" | "," | "." | ")" | ";" | "" | "and"))
            {
                found = Some((i + 1, TimeKind::Year(y)));
            }
        } else if let Some(decade) = w
            .strip_suffix('s')
            .map(|d| trim_prefixes(trim_prefixes(d, "mid-"), "the-"))
            .and_then(year_number)
            .filter(|y| y % 10 == 0)
        {
            found = Some((i + 1, TimeKind::Decade(decade)));
        } else if let Some(day) = words[i].is_capitalized().then(|| weekday_of(w)).flatten() {
            let shift = shift_before(words, i);
            let s = if shift == Shift::Bare { i } else { i - 1 };
            push(&mut out, words, s, i + 1, TimeKind::Weekday { day, shift });
            i += 1;
            continue;
        } else {
            match w {
                "today" | "tonight" => found = Some((i + 1, TimeKind::Days(0))),
                "yesterday" => found = Some((i + 1, TimeKind::Days(-1))),
                "tomorrow" => found = Some((i + 1, TimeKind::Days(1))),
                "between" => found = month_range(words, i),
                "this" | "last" | "next" | "past" | "earlier" | "later" => {
                    found = relative_phrase(words, i);
                }
                _ => {
                    // "two days ago", "a year ago"; "two years later"
                    if let (Some(k), Some(unit)) = (number_word(w), words.get(i + 1)) {
                        if lw(i + 2) == "later" && unit.lower.trim_end_matches('s') == "year" {
                            found = Some((i + 3, TimeKind::YearsLater(k as i32)));
                        } else if lw(i + 2) == "ago" {
                            let k = -k;
                            found = match unit.lower.trim_end_matches('s') {
                                "day" => Some((i + 3, TimeKind::Days(k))),
                                "week" => Some((i + 3, TimeKind::Weeks(k))),
                                "month" => Some((i + 3, TimeKind::Months(k as i32))),
                                "year" => Some((i + 3, TimeKind::Years(k as i32))),
                                _ => None,
                            };
                        }
                    }
                }
            }
        }
        match found {
            Some((end, kind)) => {
                push(&mut out, words, start, end, kind);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a lowercase word's first byte allows it to open an expression
/// below when it is not capitalized (a month or weekday name must be): a
/// digit or sign (dates, years, decades, numbers), or the first letter of
/// a word the finder reads ("today", "yesterday", "between", "last",
/// "next", "past", "earlier", "later", "this", a number word, "mid-",
/// "the-"). Most words are turned away here.
fn may_open_expression(lower: &str) -> bool {
    matches!(
        lower.as_bytes().first(),
        Some(
            b'0'..=b'9'
                | b'+'
                | b'-'
                | b'a'
                | b'b'
                | b'e'
                | b'f'
                | b'l'
                | b'm'
                | b'n'
                | b'o'
                | b'p'
                | b's'
                | b't'
                | b'y'
        )
    )
}

fn push(out: &mut Vec<TimeMention>, words: &[Word], start: usize, end: usize, kind: TimeKind) {
    out.push(TimeMention {
        span: ByteSpan::new(words[start].span.start, words[end - 1].span.end),
        words: start..end,
        kind,
        tense: tense_near(words, start, end),
    });
}

fn shift_before(words: &[Word], i: usize) -> Shift {
    match i.checked_sub(1).map(|j| words[j].lower.as_ref()) {
        Some("last") | Some("past") => Shift::Last,
        Some("next") | Some("coming") => Shift::Next,
        Some("this") => Shift::This,
        _ => Shift::Bare,
    }
}

/// A phrase starting with a capitalized month name at `i`.
fn month_phrase(words: &[Word], i: usize, m: u8) -> Option<(usize, TimeKind)> {
    let lw = |k: usize| words.get(k).map_or("", |w| w.lower.as_ref());
    // "Sept. 3": a split-off abbreviation stop.
    let j = if lw(i + 1) == "." && words[i].lower.len() <= 4 {
        i + 2
    } else {
        i + 1
    };
    // "July 21, 2020", "July 21 2020", "July 21"
    if let Some(d) = day_number(lw(j)) {
        let k = if lw(j + 1) == "," { j + 2 } else { j + 1 };
        if let Some(y) = year_number(lw(k)) {
            return Some((k + 1, full_date(y, m, d)));
        }
        return Some((j + 1, day_month(m, d)));
    }
    // "July 2020", "July, 2020"
    let k = if lw(j) == "," { j + 1 } else { j };
    if let Some(y) = year_number(lw(k)) {
        return Some((k + 1, TimeKind::MonthYear { year: y, month: m }));
    }
    // A bare month name: "May" is also a verb and "March" a noun, so those
    // need a word before them that only goes with dates.
    let prev = i.checked_sub(1).map_or("", |j| words[j].lower.as_ref());
    let datey = matches!(
        prev,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "early"
            | "late"
            | "mid"
            | "of"
            | "from"
            | "during"
            | "through"
            | "before"
            | "after"
            | "and"
            | "to"
            | "between"
    );
    if matches!(m, 3 | 5) && !datey {
        return None;
    }
    Some((
        i + 1,
        TimeKind::Month {
            month: m,
            shift: Shift::Bare,
        },
    ))
}

/// "between July and September 2004" → the year.
fn month_range(words: &[Word], i: usize) -> Option<(usize, TimeKind)> {
    let lw = |k: usize| words.get(k).map_or("", |w| w.lower.as_ref());
    month_number(lw(i + 1))?;
    if lw(i + 2) != "and" {
        return None;
    }
    month_number(lw(i + 3))?;
    let y = year_number(lw(i + 4))?;
    Some((i + 5, TimeKind::Year(y)))
}

/// "this week", "last year", "earlier this month", "next spring"…
fn relative_phrase(words: &[Word], i: usize) -> Option<(usize, TimeKind)> {
    let lw = |k: usize| words.get(k).map_or("", |w| w.lower.as_ref());
    let (offset, unit_at) = match lw(i) {
        "earlier" | "later" if lw(i + 1) == "this" => (0, i + 2),
        "this" => (0, i + 1),
        "last" | "past" => (-1, i + 1),
        "next" => (1, i + 1),
        _ => return None,
    };
    let unit = lw(unit_at);
    let end = unit_at + 1;
    Some(match unit {
        "week" | "weekend" => (end, TimeKind::Weeks(offset)),
        "month" => (end, TimeKind::Months(offset as i32)),
        "year" => (end, TimeKind::Years(offset as i32)),
        s if SEASONS.contains(&s) => (end, TimeKind::Years(offset as i32)),
        _ => {
            // "last September": the month branch reads the modifier itself.
            let w = words.get(unit_at)?;
            let m = month_number(unit).filter(|_| w.is_capitalized() && lw(i) != "earlier")?;
            let shift = match offset {
                -1 => Shift::Last,
                1 => Shift::Next,
                _ => Shift::This,
            };
            (end, TimeKind::Month { month: m, shift })
        }
    })
}

/// Past-tense verbs that do not end in "-ed".
const IRREGULAR_PAST: &[&str] = &[
    "was", "were", "had", "did", "went", "came", "met", "said", "told", "took", "became", "made",
    "saw", "gave", "sent", "left", "won", "lost", "fled", "fell", "began", "brought", "bought",
    "sold", "held", "led", "paid", "spoke", "wrote", "struck", "shot", "stood", "rose", "grew",
    "knew", "thought", "felt", "kept", "found", "got", "fought", "flew", "chose", "drove", "quit",
    "ran", "hit", "put", "set", "cut", "spent", "built", "sought", "won", "ago", "been", "broke",
];

// The tense cues are read for up to sixteen words around every expression.
static IRREGULAR_PAST_SET: WordSet = WordSet::new(IRREGULAR_PAST);
static FUTURE_CUE_SET: WordSet = WordSet::new(FUTURE_CUES);

const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "going",
    "plans",
    "planned",
    "planning",
    "due",
    "expected",
    "scheduled",
    "upcoming",
    "coming",
    "next",
    "set",
];

/// The tense of the nearest verb cue around words `start..end`.
pub fn tense_near(words: &[Word], start: usize, end: usize) -> Tense {
    let cue = |w: &Word| -> Option<Tense> {
        let l = w.lower.as_ref();
        if FUTURE_CUE_SET.has(l) {
            return Some(Tense::Future);
        }
        if IRREGULAR_PAST_SET.has(l)
            || (l.len() > 4 && l.ends_with("ed") && !matches!(l, "need" | "indeed" | "speed"))
        {
            return Some(Tense::Past);
        }
        None
    };
    // "is to launch", "are to meet": a plan.
    let is_to = |k: usize| {
        k + 1 < words.len()
            && matches!(words[k].lower.as_ref(), "is" | "are")
            && words[k + 1].lower == "to"
    };
    for d in 1..=8 {
        if let Some(k) = start.checked_sub(d) {
            if words[k].lower == "." || words[k].lower == ";" {
                break;
            }
            if is_to(k) {
                return Tense::Future;
            }
            if let Some(t) = cue(&words[k]) {
                return t;
            }
        }
    }
    for w in words.iter().skip(end).take(8) {
        if let Some(t) = cue(w) {
            return t;
        }
    }
    Tense::Unknown
}

fn ym(d: Date) -> PartialDate {
    PartialDate::Month(d.year(), d.month())
}

/// Parse `YYYY-MM-DD`.
#[cfg(test)]
pub fn parse_date(s: &str) -> Option<Date> {
    PartialDate::parse_iso(s)?.as_day()
}

fn month_of(y: i32, m: u8) -> Option<PartialDate> {
    PartialDate::from_ymd(y, Some(m), None)
}

/// The normalized value of an expression, or `None` when it has none: a
/// decade, or a relative expression without a reference date.
pub fn resolve(kind: TimeKind, tense: Tense, reference: Option<Date>) -> Option<PartialDate> {
    match kind {
        TimeKind::Date(d) => Some(PartialDate::Day(d)),
        TimeKind::Impossible { .. } => None,
        TimeKind::MonthYear { year, month } => month_of(year, month),
        TimeKind::Year(y) => PartialDate::from_ymd(y, None, None),
        TimeKind::Decade(_) | TimeKind::YearsLater(_) => None,
        _ => resolve_relative(kind, tense, reference?),
    }
}

/// With no tense to go by, the year that puts a day `ahead` days after the
/// reference date nearest to it.
fn nearest_year(ry: i32, ahead: i64, half_year: i64) -> i32 {
    if ahead > half_year {
        ry - 1
    } else if ahead < -half_year {
        ry + 1
    } else {
        ry
    }
}

fn resolve_relative(kind: TimeKind, tense: Tense, r: Date) -> Option<PartialDate> {
    let (ry, rm) = (r.year(), r.month() as u8);
    let future = tense == Tense::Future;
    Some(match kind {
        TimeKind::DayMonth { month, day } => {
            let this_year = date(ry, month, day)?;
            let y = match tense {
                Tense::Future if this_year < r => ry + 1,
                Tense::Past if this_year > r => ry - 1,
                Tense::Unknown => nearest_year(ry, (this_year - r).whole_days(), 183),
                _ => ry,
            };
            PartialDate::Day(date(y, month, day)?)
        }
        TimeKind::Month { month, shift } => {
            let y = match shift {
                Shift::Last if month < rm => ry,
                Shift::Last => ry - 1,
                Shift::Next if month > rm => ry,
                Shift::Next => ry + 1,
                Shift::This => ry,
                Shift::Bare if tense == Tense::Unknown => {
                    nearest_year(ry, (month as i64 - rm as i64) * 30, 183)
                }
                Shift::Bare if future && month < rm => ry + 1,
                Shift::Bare if !future && month > rm => ry - 1,
                Shift::Bare => ry,
            };
            month_of(y, month)?
        }
        TimeKind::Weekday { day, shift } => {
            let back = (r.weekday().number_days_from_monday() as i64
                - day.number_days_from_monday() as i64)
                .rem_euclid(7);
            let fwd = (7 - back) % 7;
            let d = match shift {
                Shift::Last => r - Duration::days(if back == 0 { 7 } else { back }),
                Shift::Next => r + Duration::days(if fwd == 0 { 7 } else { fwd }),
                Shift::This | Shift::Bare if future => r + Duration::days(fwd),
                Shift::This | Shift::Bare => r - Duration::days(back),
            };
            PartialDate::Day(d)
        }
        TimeKind::Days(k) => PartialDate::Day(r.checked_add(Duration::days(k))?),
        TimeKind::Weeks(k) => ym(r.checked_add(Duration::weeks(k))?),
        TimeKind::Months(k) => {
            let idx = ry * 12 + rm as i32 - 1 + k;
            month_of(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)?
        }
        TimeKind::Years(k) => PartialDate::from_ymd(ry + k, None, None)?,
        TimeKind::Date(_) | TimeKind::MonthYear { .. } | TimeKind::Year(_) => {
            return resolve(kind, tense, None)
        }
        TimeKind::Decade(_) | TimeKind::Impossible { .. } | TimeKind::YearsLater(_) => return None,
    })
}

/// The date relative expressions are read against: the stated publication
/// date, else the dateline's date, else the latest full date the text states
/// (captions included) when its deictic wording agrees with it: at least one
/// of "today", "yesterday", "this week", "this month" or a weekday, and when
/// weekdays are named, one of them is that date's weekday.
pub fn reference_date(layout: &Layout, mentions: &[TimeMention]) -> Option<Date> {
    if let Some(d) = layout.published {
        return Some(d);
    }
    if let Some(d) = layout.dateline.as_ref().and_then(|d| d.date) {
        return Some(d);
    }
    let latest = mentions
        .iter()
        .filter_map(|m| match m.kind {
            TimeKind::Date(d) => Some(d),
            _ => None,
        })
        .max()?;
    agrees(latest, mentions).then_some(latest)
}

/// Whether the text's deictic wording fits `candidate` as the writing date.
fn agrees(candidate: Date, mentions: &[TimeMention]) -> bool {
    let mut deictic = false;
    let mut weekdays = Vec::new();
    for m in mentions.iter().filter(|m| m.is_deictic()) {
        deictic = true;
        if let TimeKind::Weekday {
            day,
            shift: Shift::Bare | Shift::This,
        } = m.kind
        {
            weekdays.push(day);
        }
    }
    deictic && (weekdays.is_empty() || weekdays.contains(&candidate.weekday()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::span_words;

    fn found(s: &str) -> Vec<(String, TimeKind)> {
        let w = span_words(s, ByteSpan::new(0, s.len()));
        find(&w)
            .into_iter()
            .map(|m| (m.span.text(s).to_string(), m.kind))
            .collect()
    }

    /// The values of the expressions of `s` against `reference`.
    fn values(s: &str, reference: Option<&str>) -> Vec<Option<String>> {
        let w = span_words(s, ByteSpan::new(0, s.len()));
        let r = reference.and_then(parse_date);
        find(&w)
            .into_iter()
            .map(|m| resolve(m.kind, m.tense, r).map(|d| d.iso()))
            .collect()
    }

    fn one(s: &str, reference: Option<&str>) -> Option<String> {
        let v = values(s, reference);
        assert_eq!(v.len(), 1, "{s:?}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn full_dates_in_every_order() {
        assert_eq!(
            one("It opened on July 21, 2020.", None).as_deref(),
            Some("2020-07-21")
        );
        assert_eq!(
            one("It opened on 21 July 2020.", None).as_deref(),
            Some("2020-07-21")
        );
        assert_eq!(
            one("It opened on 2020-07-21.", None).as_deref(),
            Some("2020-07-21")
        );
        assert_eq!(
            one("It opened on Sept. 3, 2019.", None).as_deref(),
            Some("2019-09-03")
        );
        assert_eq!(
            one("It opened on the 3rd of May 2018.", None).as_deref(),
            Some("2018-05-03")
        );
        let f = found("Zorvan arrived in Lemberg, Ostria, July 21, 2020.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "July 21, 2020");
    }

    #[test]
    fn impossible_dates_have_no_value() {
        // No such day: the whole date is one expression without a value,
        // and its year gives none either.
        for (s, date) in [
            ("It closed on 2019-02-30.", "2019-02-30"),
            ("It closed on February 30, 2019.", "February 30, 2019"),
            ("It closed on 31 April 2019.", "31 April 2019"),
            ("It closed on 30 February.", "30 February"),
        ] {
            let f = found(s);
            assert_eq!(f.len(), 1, "{s}: {f:?}");
            assert_eq!(f[0].0, date);
            assert!(matches!(f[0].1, TimeKind::Impossible { .. }), "{s}");
            assert_eq!(values(s, Some("2020-07-21")), [None], "{s}");
        }
        // A leap day is possible, and a month 13 no date at all.
        assert_eq!(
            one("It closed on 29 February.", Some("2020-07-21")).as_deref(),
            Some("2020-02-29")
        );
        assert!(found("Code 2019-13-45 failed.").is_empty());
    }

    #[test]
    fn months_and_years() {
        assert_eq!(
            one("Sales fell in July 2020.", None).as_deref(),
            Some("2020-07")
        );
        assert_eq!(
            one("The plant has run since 1992.", None).as_deref(),
            Some("1992")
        );
        assert_eq!(
            one("Phones were sold between July and September 2004.", None).as_deref(),
            Some("2004")
        );
        assert_eq!(
            values("In 2018 and 2019 it grew.", None),
            [Some("2018".into()), Some("2019".into())]
        );
    }

    #[test]
    fn counts_and_prices_are_not_years() {
        assert!(found("They sold 2000 tractors for $1999 each.").is_empty());
        assert!(found("Turnout was 1900 %.").is_empty());
    }

    #[test]
    fn may_and_march_need_a_date_word() {
        assert!(found("Officials may resign. March on, they said.").is_empty());
        assert_eq!(
            one("He left in May.", Some("2020-07-21")).as_deref(),
            Some("2020-05")
        );
    }

    #[test]
    fn decades_have_no_value() {
        let f = found("Rents doubled in the 1990s.");
        assert_eq!(f, [("1990s".to_string(), TimeKind::Decade(1990))]);
        let f = found("Four years later, Vell took over.");
        assert_eq!(
            f,
            [("Four years later".to_string(), TimeKind::YearsLater(4))]
        );
        assert_eq!(resolve(TimeKind::YearsLater(4), Tense::Past, None), None);
        assert_eq!(one("Rents doubled in the 1990s.", Some("2020-07-21")), None);
    }

    #[test]
    fn relative_expressions_against_a_reference() {
        let r = Some("2020-07-21"); // a Tuesday
        assert_eq!(one("He quit yesterday.", r).as_deref(), Some("2020-07-20"));
        assert_eq!(one("He quit last week.", r).as_deref(), Some("2020-07"));
        assert_eq!(one("He quit last year.", r).as_deref(), Some("2019"));
        assert_eq!(one("He took over this spring.", r).as_deref(), Some("2020"));
        assert_eq!(
            one("He visited earlier this year.", r).as_deref(),
            Some("2020")
        );
        assert_eq!(
            one("Talks resume next month.", r).as_deref(),
            Some("2020-08")
        );
        assert_eq!(
            one("He quit last September.", r).as_deref(),
            Some("2019-09")
        );
        assert_eq!(one("He quit two years ago.", r).as_deref(), Some("2018"));
        assert_eq!(
            one("Talks were held this week.", r).as_deref(),
            Some("2020-07")
        );
        assert_eq!(
            one("Talks were held earlier this month.", r).as_deref(),
            Some("2020-07")
        );
    }

    #[test]
    fn last_month_name_crosses_the_year() {
        assert_eq!(
            one("He quit last March.", Some("2020-07-21")).as_deref(),
            Some("2020-03")
        );
        assert_eq!(
            one("He quit last December.", Some("2020-07-21")).as_deref(),
            Some("2019-12")
        );
        assert_eq!(
            one("He quits next March.", Some("2020-07-21")).as_deref(),
            Some("2021-03")
        );
    }

    #[test]
    fn weekdays_resolve_to_the_right_date() {
        let r = Some("2020-07-21"); // Tuesday
        assert_eq!(
            one("He flew out on Tuesday.", r).as_deref(),
            Some("2020-07-21")
        );
        assert_eq!(
            one("He flew out on Sunday.", r).as_deref(),
            Some("2020-07-19")
        );
        assert_eq!(
            one("He flew out last Tuesday.", r).as_deref(),
            Some("2020-07-14")
        );
        assert_eq!(
            one("He will fly out on Friday.", r).as_deref(),
            Some("2020-07-24")
        );
        assert_eq!(
            one("He is to fly out on Monday.", r).as_deref(),
            Some("2020-07-27")
        );
    }

    #[test]
    fn tense_decides_a_bare_month() {
        // Written in July: January is the past one.
        assert_eq!(
            one("The mill closed in January.", Some("2020-07-21")).as_deref(),
            Some("2020-01")
        );
        // Written in February: a past November is last year's...
        assert_eq!(
            one("The mill closed in November.", Some("2020-02-10")).as_deref(),
            Some("2019-11")
        );
        // ...and a coming March is this year's, a coming January next year's.
        assert_eq!(
            one("The mill will close in March.", Some("2020-02-10")).as_deref(),
            Some("2020-03")
        );
        assert_eq!(
            one("The mill will close in January.", Some("2020-02-10")).as_deref(),
            Some("2021-01")
        );
        assert_eq!(
            one("The tour starts on 28 March.", Some("2020-02-10")).as_deref(),
            Some("2020-03-28")
        );
    }

    #[test]
    fn no_reference_leaves_relative_expressions_unresolved() {
        for s in [
            "He quit yesterday.",
            "He quit last year.",
            "He flew out on Tuesday.",
            "The mill closed in January.",
            "The tour starts on 28 March.",
            "He visited earlier this year.",
        ] {
            assert_eq!(one(s, None), None, "{s}");
        }
    }

    fn mentions(s: &str) -> Vec<TimeMention> {
        find(&span_words(s, ByteSpan::new(0, s.len())))
    }

    #[test]
    fn reference_from_layout_first() {
        let layout = Layout {
            published: parse_date("2021-05-04"),
            ..Layout::default()
        };
        assert_eq!(reference_date(&layout, &[]), parse_date("2021-05-04"));
        let layout = Layout {
            dateline: Some(newsparse_core::Dateline {
                date: parse_date("2021-06-01"),
                ..Default::default()
            }),
            ..Layout::default()
        };
        assert_eq!(reference_date(&layout, &[]), parse_date("2021-06-01"));
    }

    #[test]
    fn reference_from_text_needs_agreeing_weekday() {
        let layout = Layout::default();
        // 2020-07-21 was a Tuesday.
        let ok = mentions("Voss met Brandt in Lemberg, July 21, 2020. He flew there on Tuesday.");
        assert_eq!(reference_date(&layout, &ok), parse_date("2020-07-21"));
        let wrong_day =
            mentions("Voss met Brandt in Lemberg, July 21, 2020. He flew there on Thursday.");
        assert_eq!(reference_date(&layout, &wrong_day), None);
        let no_deixis = mentions("Voss met Brandt on July 21, 2020. He quit last year.");
        assert_eq!(reference_date(&layout, &no_deixis), None);
        let week =
            mentions("Voss met Brandt on July 21, 2020, and again in 2019. Talks go on this week.");
        assert_eq!(reference_date(&layout, &week), parse_date("2020-07-21"));
    }
}
