//! Calendar words shared by the stages that read dates (layout, events) and
//! the recognizer's month feature.

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, 1–12, in any case: full names, three-letter
/// abbreviations ("Jul") and "Sept".
pub fn month_number(word: &str) -> Option<u8> {
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
pub fn month_words() -> impl Iterator<Item = &'static str> {
    let abbreviations = MONTHS.iter().map(|m| &m[..3]).filter(|a| *a != "may");
    MONTHS.iter().copied().chain(abbreviations).chain(["sept"])
}

#[cfg(test)]
mod tests {
    use super::{month_number, month_words};

    #[test]
    fn month_words_are_the_words_month_number_knows() {
        assert_eq!(month_words().count(), 24);
        assert!(month_words().all(|w| month_number(w).is_some()));
        assert!(month_words().any(|w| w == "sept"));
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
}
