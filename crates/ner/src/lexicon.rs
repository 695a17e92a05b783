//! Hand-written word lists of general knowledge (no names): words that
//! signal a name nearby. Lowercase; matched against the lowercased token.
//! Months and weekdays come from `newsparse_lang`. TITLES, ORG_WORDS,
//! PLACE_WORDS and DOTLESS_ABBREVIATIONS are features of the shipped model,
//! kept as trained: a model retrained on the lang lists instead (HONORIFICS,
//! OFFICES and ROLE_NOUNS for titles, ORG_SUFFIXES, LAND_NOUNS) with BBC text
//! read by `newsparse_lang::segment_span` scored dev F1 94.13 but test F1
//! 88.74, below the shipped 88.87 (issue 12).

use crate::hash::{hash_str, HashedMap};
use newsparse_lang::lexicon::WEEKDAYS;
use std::sync::OnceLock;

/// Titles and roles that precede a person's name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice-president",
    "premier",
    "minister",
    "secretary",
    "chancellor",
    "senator",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "duke",
    "emperor",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rev",
    "reverend",
    "father",
    "sheikh",
    "ayatollah",
    "imam",
    "rabbi",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "maj",
    "captain",
    "capt",
    "lieutenant",
    "lt",
    "sergeant",
    "sgt",
    "admiral",
    "commander",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "captain",
    "actor",
    "actress",
    "singer",
    "director",
    "producer",
    "leader",
    "deputy",
    "mp",
    "mep",
    "st",
    "saint",
];

/// Words that end an organization's name.
const ORG_WORDS: &[&str] = &[
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "plc",
    "llc",
    "llp",
    "ag",
    "sa",
    "nv",
    "bv",
    "gmbh",
    "spa",
    "ab",
    "group",
    "holdings",
    "holding",
    "bank",
    "party",
    "council",
    "ministry",
    "department",
    "university",
    "college",
    "institute",
    "institution",
    "association",
    "union",
    "federation",
    "committee",
    "commission",
    "agency",
    "authority",
    "board",
    "club",
    "fc",
    "united",
    "city",
    "rovers",
    "athletic",
    "league",
    "organisation",
    "organization",
    "foundation",
    "trust",
    "bureau",
    "exchange",
    "airlines",
    "airways",
    "motors",
    "industries",
    "systems",
    "technologies",
    "communications",
    "telecom",
    "securities",
    "capital",
    "partners",
    "fund",
    "service",
    "services",
    "office",
    "court",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "police",
    "army",
    "navy",
    "forces",
    "front",
    "movement",
    "society",
    "network",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "television",
    "radio",
    "tv",
    "records",
    "studios",
    "pictures",
    "press",
    "school",
    "hospital",
    "museum",
    "church",
];

/// Words that are part of, or precede, a place name.
const PLACE_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "avenue",
    "square",
    "river",
    "lake",
    "mount",
    "mountains",
    "island",
    "islands",
    "bay",
    "gulf",
    "sea",
    "ocean",
    "valley",
    "county",
    "province",
    "state",
    "region",
    "district",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "republic",
    "kingdom",
    "port",
    "cape",
    "strait",
    "desert",
    "coast",
];

/// Abbreviations that British style writes without the point ("Mr Smith")
/// and the training data (American style) with it ("Mr. Smith").
const DOTLESS_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "maj", "adm", "rev", "jr", "sr", "messrs", "mt", "ft", "supt", "insp", "cllr",
];

/// Whether `word` is such an abbreviation written without its point.
pub fn is_dotless_abbreviation(word: &str) -> bool {
    word.len() <= 6
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && DOTLESS_ABBREVIATIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(word))
}

pub const TITLE: u8 = 1;
pub const ORG: u8 = 2;
pub const PLACE: u8 = 4;
pub const MONTH: u8 = 8;
pub const DAY: u8 = 16;

fn table() -> &'static HashedMap<u8> {
    static TABLE: OnceLock<HashedMap<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashedMap::default();
        let months: Vec<String> = newsparse_lang::calendar::month_words().collect();
        let months: Vec<&str> = months.iter().map(String::as_str).collect();
        let weekdays: Vec<String> = WEEKDAYS.iter().map(|d| d.to_lowercase()).collect();
        let weekdays: Vec<&str> = weekdays.iter().map(String::as_str).collect();
        for (list, flag) in [
            (TITLES, TITLE),
            (ORG_WORDS, ORG),
            (PLACE_WORDS, PLACE),
            (months.as_slice(), MONTH),
            (weekdays.as_slice(), DAY),
        ] {
            for w in list {
                // "Mr." and "Corp." carry their abbreviation point in CoNLL.
                for key in [hash_str(w), hash_str(&format!("{w}."))] {
                    *t.entry(key).or_insert(0) |= flag;
                }
            }
        }
        t
    })
}

/// The list flags of a word, given the hash of its lowercased form.
pub fn flags_of_hash(lower_hash: u64) -> u8 {
    table().get(&lower_hash).copied().unwrap_or(0)
}

/// The list flags of a lowercased word.
#[cfg(test)]
fn flags(lower: &str) -> u8 {
    flags_of_hash(hash_str(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotless_abbreviations() {
        assert!(is_dotless_abbreviation("Mr"));
        assert!(is_dotless_abbreviation("MRS"));
        assert!(!is_dotless_abbreviation("mr"));
        assert!(!is_dotless_abbreviation("Mr."));
        assert!(!is_dotless_abbreviation("Mister"));
    }

    #[test]
    fn day_flags_are_the_lang_weekdays() {
        for d in WEEKDAYS {
            let d = d.to_lowercase();
            assert_eq!(flags(&d), DAY);
            assert_eq!(flags(&format!("{d}.")), DAY);
        }
        assert_eq!(table().values().filter(|&&f| f & DAY != 0).count(), 14);
    }

    #[test]
    fn flags_match_lists() {
        assert_eq!(flags("mr."), TITLE);
        assert_eq!(flags("corp"), ORG);
        assert_eq!(flags("tuesday"), DAY);
        assert_eq!(flags("sept"), MONTH);
        assert_eq!(flags("jul."), MONTH);
        assert_eq!(flags("st"), TITLE | PLACE);
        assert_eq!(flags("banana"), 0);
    }
}
