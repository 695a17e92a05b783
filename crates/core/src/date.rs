//! The one date type the stages pass each other, and the one place that
//! reads and writes the contract's ISO forms (`YYYY-MM-DD`, `YYYY-MM`,
//! `YYYY`).
//!
//! A day is a [`time::Date`], so it is always a real day: "February 30" can
//! not be represented, and whoever reads a date from text must check it
//! ([`PartialDate::from_ymd`] and [`day`] give `None` for impossible dates).

pub use time::{Date, Month, Weekday};

/// A date as precise as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Year(i32),
    Month(i32, Month),
    Day(Date),
}

/// The real day `year-month-day`, or `None` when there is no such day
/// (month 13, February 30, day 0).
pub fn day(year: i32, month: u8, day: u8) -> Option<Date> {
    let month = Month::try_from(month).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// `YYYY-MM-DD` of a day (years 0–9999, as the contract's dates are).
pub fn iso_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

impl PartialDate {
    /// The year, month and (when `day` is given) day as printed, checked.
    pub fn from_ymd(year: i32, month: Option<u8>, day_of_month: Option<u8>) -> Option<Self> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        match (month, day_of_month) {
            (None, None) => Some(PartialDate::Year(year)),
            (Some(m), None) => Some(PartialDate::Month(year, Month::try_from(m).ok()?)),
            (Some(m), Some(d)) => day(year, m, d).map(PartialDate::Day),
            (None, Some(_)) => None,
        }
    }

    /// The contract's form: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn iso(&self) -> String {
        match *self {
            PartialDate::Year(y) => format!("{y:04}"),
            PartialDate::Month(y, m) => format!("{y:04}-{:02}", u8::from(m)),
            PartialDate::Day(d) => iso_day(d),
        }
    }

    /// Read the contract's forms back; `None` for anything else, including a
    /// well-formed string naming no real day ("2023-02-30").
    pub fn parse_iso(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let number = |r: std::ops::Range<usize>| s[r].parse::<u16>().ok();
        let dash = |i: usize| b[i] == b'-';
        match b.len() {
            4 if digits(0..4) => PartialDate::from_ymd(number(0..4)?.into(), None, None),
            7 if digits(0..4) && dash(4) && digits(5..7) => {
                PartialDate::from_ymd(number(0..4)?.into(), Some(number(5..7)? as u8), None)
            }
            10 if digits(0..4) && dash(4) && digits(5..7) && dash(7) && digits(8..10) => {
                let (m, d) = (number(5..7)?, number(8..10)?);
                if m > 12 || d > 31 {
                    return None;
                }
                PartialDate::from_ymd(number(0..4)?.into(), Some(m as u8), Some(d as u8))
            }
            _ => None,
        }
    }

    /// The day, when the date names one.
    pub fn as_day(&self) -> Option<Date> {
        match *self {
            PartialDate::Day(d) => Some(d),
            _ => None,
        }
    }
}

/// Whether `s` is `YYYY-MM-DD` naming a real day, or (unless `full`) also a
/// `YYYY` or `YYYY-MM` date: the check the schema and the database share.
pub fn is_iso_date(s: &str, full: bool) -> bool {
    match PartialDate::parse_iso(s) {
        Some(PartialDate::Day(_)) => true,
        Some(_) => !full,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_days_are_not_dates() {
        assert!(day(2023, 2, 30).is_none());
        assert!(day(2023, 13, 1).is_none());
        assert!(day(2023, 4, 0).is_none());
        assert!(day(2024, 2, 29).is_some());
        assert!(day(2023, 2, 29).is_none());
        assert_eq!(PartialDate::from_ymd(2023, Some(2), Some(30)), None);
        assert_eq!(PartialDate::parse_iso("2023-02-30"), None);
        assert_eq!(PartialDate::parse_iso("2023-00"), None);
    }

    #[test]
    fn iso_forms_round_trip() {
        for s in ["2024-02-29", "1999-12", "0800", "2007-07-28"] {
            assert_eq!(PartialDate::parse_iso(s).unwrap().iso(), s);
        }
        for s in [
            "2024-2-29",
            "20240229",
            "2024-02-29T00:00",
            "",
            "abcd",
            "2024-1x",
        ] {
            assert_eq!(PartialDate::parse_iso(s), None, "{s}");
        }
        assert!(is_iso_date("2024-02-29", true));
        assert!(!is_iso_date("2024-02", true));
        assert!(is_iso_date("2024-02", false));
    }
}
