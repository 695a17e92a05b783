//! Calendar words shared by the stages that read dates (layout, events) and
//! the recognizer's month and weekday features: month and weekday names
//! (from the lexicon's `MONTHS` and `WEEKDAYS`) and their abbreviations.

use crate::lexicon::{MONTHS, WEEKDAYS};
use newsparse_core::date::Weekday;

/// The month a word names, 1–12, in any case: full names, three-letter
/// abbreviations ("Jul") and "Sept".
pub fn month_number(word: &str) -> Option<u8> {
    // Most words are not months: rule them out by length and first letter.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !(3..=9).contains(&word.len()) || !b"jfmasond".contains(&first) {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            word.eq_ignore_ascii_case(m) || (word.len() == 3 && word.eq_ignore_ascii_case(&m[..3]))
        })
        .map(|i| i as u8 + 1)
}

/// Every lowercase word `month_number` knows: full names, three-letter
/// abbreviations and "sept" ("may" once).
pub fn month_words() -> impl Iterator<Item = String> {
    let abbreviations = MONTHS.iter().map(|m| &m[..3]).filter(|a| *a != "May");
    MONTHS
        .iter()
        .copied()
        .chain(abbreviations)
        .map(str::to_lowercase)
        .chain(["sept".to_string()])
}

/// The weekday a word names, in any case: full names ("Friday"), and when
/// `abbreviations` is set, their first three to five letters ("Wed",
/// "Thurs").
pub fn weekday(word: &str, abbreviations: bool) -> Option<Weekday> {
    const DAYS: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
    let i = WEEKDAYS.iter().position(|d| {
        word.eq_ignore_ascii_case(d)
            || (abbreviations
                && (3..=5).contains(&word.len())
                && word.len() < d.len()
                && d.is_char_boundary(word.len())
                && d[..word.len()].eq_ignore_ascii_case(word))
    })?;
    Some(DAYS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_words_are_the_words_month_number_knows() {
        assert_eq!(month_words().count(), 24);
        assert!(month_words().all(|w| month_number(&w).is_some()));
        assert!(month_words().any(|w| w == "sept"));
        assert!(month_words().all(|w| w == w.to_lowercase()));
    }

    #[test]
    fn names_and_abbreviations() {
        assert_eq!(month_number("July"), Some(7));
        assert_eq!(month_number("SEPT"), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Ju"), None);
        assert_eq!(month_number("Julys"), None);
        assert_eq!(month_number("Monday"), None);
    }

    #[test]
    fn weekdays_and_their_abbreviations() {
        assert_eq!(weekday("FRIDAY", false), Some(Weekday::Friday));
        assert_eq!(weekday("Thurs", false), None);
        assert_eq!(weekday("Thurs", true), Some(Weekday::Thursday));
        assert_eq!(weekday("tue", true), Some(Weekday::Tuesday));
        assert_eq!(weekday("Frid", true), Some(Weekday::Friday));
        assert_eq!(weekday("Fr", true), None);
        assert_eq!(weekday("Sundays", true), None);
    }
}
