//! Page furniture: the lines a saved web page carries around the article
//! (site names, menus, clocks, player and share widgets, copyright lines,
//! "See also:" links, lone dashes), told by general shape and widget
//! vocabulary, never by any site's strings.

use newsparse_lang::chars::is_space;

/// Words of page widgets and navigation, lowercase: a short line made of
/// them is a control, not text ("Play Live Radio", "Left Menu", "Share this").
const WIDGET_WORDS: &[&str] = &[
    "menu",
    "play",
    "pause",
    "live",
    "radio",
    "next",
    "previous",
    "prev",
    "share",
    "print",
    "email",
    "e-mail",
    "tweet",
    "subscribe",
    "newsletter",
    "login",
    "log",
    "sign",
    "register",
    "search",
    "skip",
    "listen",
    "watch",
    "stations",
    "air",
    "podcast",
    "podcasts",
    "home",
    "close",
    "comments",
    "comment",
    "advertisement",
    "advert",
    "sponsored",
    "loading",
    "gallery",
    "photo",
    "photos",
    "video",
    "videos",
    "toggle",
    "navigation",
    "more",
    "available",
    "donate",
];

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(is_space).filter(|w| !w.is_empty())
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?'])
}

/// Whether a line is page furniture on its own shape.
pub fn is_furniture(s: &str) -> bool {
    // Clocks, counters, dashes, bullets: no letters at all ("0:00", "-").
    if !s.chars().any(char::is_alphabetic) {
        return true;
    }
    // Only the start of a line is read: most lines are story paragraphs,
    // and these checks must cost them next to nothing.
    let head = newsparse_lang::chars::prefix(s, 24).to_lowercase();
    // "© 2024", "Copyright 2024 Acme Media".
    if (s.starts_with('\u{a9}') || head.starts_with("copyright") || head.starts_with("(c) "))
        && s.len() <= 80
    {
        return true;
    }
    // "See also: …", "Read more: …", "Related: …" link lines.
    if [
        "see also",
        "read more",
        "related:",
        "related stories",
        "more on this",
    ]
    .iter()
    .any(|p| head.starts_with(p))
    {
        return true;
    }
    // A short control line: most of its words are widget words
    // ("Play Live Radio", "(Full-size photo)(All photos)").
    if s.len() > 60 || ends_sentence(s) {
        return false;
    }
    let lower = s.to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let widget = parts.iter().filter(|w| WIDGET_WORDS.contains(w)).count();
    parts.len() <= 5 && widget > 0 && widget * 2 >= parts.len()
}

/// Whether a line could be a site or section name standing next to other
/// furniture: short, no sentence punctuation, no digits.
pub fn is_name_like(s: &str) -> bool {
    let n = words(s).count();
    (1..=5).contains(&n)
        && !ends_sentence(s)
        && !s.ends_with(':')
        && !s.chars().any(|c| c.is_ascii_digit())
}

/// Whether every word of a line is capitalized but for short linking words
/// ("Post of the North"): how sites print their names.
pub fn is_title_cased(s: &str) -> bool {
    words(s).all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            || matches!(w, "of" | "the" | "for" | "and" | "on" | "in" | "&")
    })
}

/// Whether a line has a headline's shape: four to thirty words, not ending
/// with a full stop.
pub fn is_headline_like(s: &str) -> bool {
    (4..=30).contains(&words(s).count()) && !s.ends_with('.') && !s.ends_with(':')
}

/// Whether a first line reads as a sentence of the story rather than a
/// headline: it ends with a full stop (not an abbreviation's) and is long.
pub fn reads_as_body(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}']);
    let Some(before) = t.strip_suffix('.') else {
        return false;
    };
    let last = words(before).last().unwrap_or("");
    let abbreviation = last.contains('.') || newsparse_lang::lexicon::is_stopped_abbreviation(last);
    !abbreviation && words(s).count() >= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_clocks_and_copyright_are_furniture() {
        for s in [
            "© 2024",
            "Play Live Radio",
            "Next Up:",
            "0:00",
            "0:00 0:00",
            "-",
            "Left Menu",
            "Share this",
            "Available On Air Stations",
            "See also: Kest council's year – in pictures",
            "Copyright 2023 Varn Media Group",
            "(Full-size photo)(All photos)",
        ] {
            assert!(is_furniture(s), "{s}");
        }
        for s in [
            "Kest floods worsen as river bursts its banks",
            "Live music returns to Kest",
            "The mayor said the radio station would close.",
            "Varn Daily",
        ] {
            assert!(!is_furniture(s), "{s}");
        }
    }

    #[test]
    fn a_long_stopped_line_is_body_not_a_headline() {
        assert!(reads_as_body(
            "Former Kest council chairman Ivo Marsh died on Thursday at the age of 71."
        ));
        assert!(!reads_as_body("Kest council chairman dies at 71"));
        assert!(!reads_as_body("Why Kest voted the way it did."));
        assert!(!reads_as_body(
            "Kest trade gap narrows as exports to the U.S."
        ));
    }
}
