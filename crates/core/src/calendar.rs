//! Calendar words shared by the stages that read dates (layout, events).

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

#[cfg(test)]
mod tests {
    use super::month_number;

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
