//! Dates as pages give them: machine timestamps (`2021-03-04T22:10:00-05:00`)
//! and printed dates ("March 4, 2021", "4 March 2021", "Mar. 4, 2021").

use newsparse_core::date::PartialDate;
use newsparse_lang::calendar::month_number;

/// A timestamp's own day: the date part as written. A timestamp with an
/// offset is already in the page's zone; a UTC one (`Z`, `+00:00`) may be a
/// day off the printed local day, which [`is_utc`] tells.
pub fn timestamp_day(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        let d = PartialDate::parse_iso(&s[..10])?;
        // "0001-01-01": a placeholder, not a date.
        return d
            .as_day()
            .filter(|d| d.year() >= 1990)
            .map(PartialDate::Day);
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        // 20210304 or 20210304T…
        let y: i32 = s[..4].parse().ok()?;
        let m: u8 = s[4..6].parse().ok()?;
        let d: u8 = s[6..8].parse().ok()?;
        return PartialDate::from_ymd(y, Some(m), Some(d));
    }
    printed_date(s)
}

/// Whether a timestamp is given in UTC (its day may not be the page's local day).
pub fn is_utc(s: &str) -> bool {
    let s = s.trim();
    s.len() > 10
        && (s.ends_with('Z')
            || s.ends_with("+00:00")
            || s.ends_with("+0000")
            || s.ends_with("UTC")
            || s.ends_with("GMT"))
}

/// The first printed date in `s`: "March 4, 2021", "Mar. 4 2021",
/// "4 March 2021", "2021-03-04", "2021/03/04".
pub fn printed_date(s: &str) -> Option<PartialDate> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    let num = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(['.', ',']);
        let w = w
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th");
        (!w.is_empty() && w.len() <= 4 && w.bytes().all(|c| c.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
    };
    let month = |w: &str| {
        let w = w.trim_end_matches(['.', ',']);
        month_number(w).or_else(|| foreign_month(w))
    };
    for i in 0..words.len() {
        let w = words[i];
        // ISO-like inside text.
        if w.len() >= 10 {
            let b = w.as_bytes();
            if b[..4].iter().all(u8::is_ascii_digit)
                && (b[4] == b'-' || b[4] == b'/')
                && b[7] == b[4]
            {
                let iso = format!("{}-{}-{}", &w[..4], &w[5..7], &w[8..10]);
                if let Some(d) = PartialDate::parse_iso(&iso).filter(|d| d.as_day().is_some()) {
                    return Some(d);
                }
            }
        }
        if let Some(m) = month(w) {
            // Month D(,) YYYY
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|x| num(x)),
                words.get(i + 2).and_then(|x| num(x)),
            ) {
                if (1..=31).contains(&d) && (1900..=2100).contains(&y) {
                    if let Some(p) = PartialDate::from_ymd(y as i32, Some(m), Some(d as u8)) {
                        return Some(p);
                    }
                }
            }
            // D Month YYYY
            if i > 0 {
                if let (Some(d), Some(y)) =
                    (num(words[i - 1]), words.get(i + 1).and_then(|x| num(x)))
                {
                    if (1..=31).contains(&d) && (1900..=2100).contains(&y) {
                        if let Some(p) = PartialDate::from_ymd(y as i32, Some(m), Some(d as u8)) {
                            return Some(p);
                        }
                    }
                }
            }
        }
    }
    None
}

/// Month names of the other languages pages are printed in (German,
/// French, Spanish, Portuguese, Italian, Dutch, Indonesian), lowercase.
const FOREIGN_MONTHS: [&[&str]; 12] = [
    &[
        "januar", "janvier", "enero", "janeiro", "gennaio", "januari", "jänner",
    ],
    &[
        "februar",
        "février",
        "fevrier",
        "febrero",
        "fevereiro",
        "febbraio",
        "februari",
    ],
    &[
        "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "maret",
    ],
    &["avril", "abril", "aprile", "april"],
    &["mai", "mayo", "maio", "maggio", "mei"],
    &["juni", "juin", "junio", "junho", "giugno"],
    &["juli", "juillet", "julio", "julho", "luglio"],
    &["august", "août", "aout", "agosto", "augustus", "agustus"],
    &[
        "september",
        "septembre",
        "septiembre",
        "setembro",
        "settembre",
        "setiembre",
    ],
    &["oktober", "octobre", "octubre", "outubro", "ottobre"],
    &["november", "novembre", "noviembre", "novembro", "nopember"],
    &[
        "dezember",
        "décembre",
        "decembre",
        "diciembre",
        "dezembro",
        "dicembre",
        "december",
        "desember",
    ],
];

fn foreign_month(w: &str) -> Option<u8> {
    if w.len() < 3 {
        return None;
    }
    let lower = w.to_lowercase();
    FOREIGN_MONTHS
        .iter()
        .position(|names| names.contains(&lower.as_str()))
        .map(|i| i as u8 + 1)
}

/// "March 4, 2021": the date line the rendered text carries.
pub fn date_line(d: &PartialDate) -> String {
    use newsparse_lang::lexicon::MONTHS;
    match *d {
        PartialDate::Day(day) => format!(
            "{} {}, {}",
            MONTHS[u8::from(day.month()) as usize - 1],
            day.day(),
            day.year()
        ),
        PartialDate::Month(y, m) => format!("{} {}", MONTHS[u8::from(m) as usize - 1], y),
        PartialDate::Year(y) => y.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(d: Option<PartialDate>) -> Option<String> {
        d.map(|d| d.iso())
    }

    #[test]
    fn timestamps_keep_their_own_day() {
        assert_eq!(
            iso(timestamp_day("2021-03-04T22:10:00-05:00")).as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            iso(timestamp_day("20210304T221000")).as_deref(),
            Some("2021-03-04")
        );
        assert!(is_utc("2021-03-05T03:10:00Z"));
        assert!(!is_utc("2021-03-04T22:10:00-05:00"));
        assert_eq!(timestamp_day("2021-02-30T00:00:00Z"), None);
    }

    #[test]
    fn printed_dates_in_either_order() {
        assert_eq!(
            iso(printed_date("Published March 4, 2021 at 10:31 pm")).as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            iso(printed_date("Thu 4 Mar 2021 22.10 EST")).as_deref(),
            Some("2021-03-04")
        );
        assert_eq!(
            iso(printed_date("Nov. 19, 2019")).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            iso(printed_date("Posted 2019/11/19")).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(printed_date("may the best team win 2 times"), None);
        assert_eq!(
            iso(printed_date("veröffentlicht am 25. September 2018")).as_deref(),
            Some("2018-09-25")
        );
        assert_eq!(iso(printed_date("publicado el 3 de marzo de 2020")), None);
        assert_eq!(
            iso(printed_date("30. Juli 2018")).as_deref(),
            Some("2018-07-30")
        );
        assert_eq!(timestamp_day("0001-01-01T00:00:00Z"), None);
        assert_eq!(
            date_line(&printed_date("4 March 2021").unwrap()),
            "March 4, 2021"
        );
    }
}
