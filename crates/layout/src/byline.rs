//! Bylines: "By Jane Doe and John Roe, Reuters" → ["Jane Doe", "John Roe"];
//! "By JANE DOE Associated Press" → ["JANE DOE"]; Reuters' closing
//! "(Reporting by Jane Doe; Editing by John Roe)" → ["Jane Doe"].

use crate::date;
use newsparse_lang::lexicon::PARTICLE_SET;

/// Words that mark an outlet or a job, not a person ("Associated Press",
/// "Staff Reporter", "Diplomatic Correspondent"): general vocabulary.
const NOT_NAME_WORDS: &[&str] = &[
    "Press",
    "News",
    "Agency",
    "Agencies",
    "Staff",
    "Correspondent",
    "Reporter",
    "Reporters",
    "Editor",
    "Editors",
    "Writer",
    "Writers",
    "Times",
    "Post",
    "Journal",
    "Bureau",
    "Desk",
    "Service",
    "Network",
    "Media",
    "Online",
    "Newsroom",
    "Team",
    "Wire",
    "Wires",
    "Daily",
    "Herald",
    "Tribune",
    "Gazette",
    "Telegraph",
    "Chronicle",
    "Magazine",
    "Radio",
    "Television",
    "TV",
    "Channel",
    "Group",
    "Contributor",
    "Analyst",
    "Columnist",
    "Producer",
    "Report",
    "Associated",
    "Agence",
    "Presse",
    "Foundation",
    "Institute",
    "Review",
    "Weekly",
    "Monthly",
    "Senior",
    "Chief",
    "Political",
    "Diplomatic",
    "Foreign",
    "Economics",
    "Business",
    "Sports",
    "Health",
    "Science",
    "Technology",
    "Security",
    "Defence",
    "Defense",
    "Affairs",
    "International",
    "Global",
    "Digital",
];

/// What a byline line gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    /// Author names, as printed.
    pub names: Vec<String>,
    /// Whether they come from a closing "Reporting by" credit rather than a
    /// byline proper.
    pub reporting: bool,
    /// A date printed on the same line ("By Jane Doe | July 22, 2020").
    pub date: Option<(date::Printed, date::Label)>,
    /// The outlet printed after the names, as a byte range of the line
    /// ("Kest Daily Times" in "Jane Doe Kest Daily Times").
    pub outlet: Option<std::ops::Range<usize>>,
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    (s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
        .then(|| &s[p.len()..])
}

/// Read `line` (trimmed) as a byline.
pub fn parse(line: &str) -> Option<Byline> {
    // Every form says "by" somewhere.
    if line.len() > 200
        || !line
            .as_bytes()
            .windows(2)
            .any(|w| w.eq_ignore_ascii_case(b"by"))
    {
        return None;
    }
    let mut out = Byline::default();
    let mut other = 0;
    for seg in line.split(['|', '\u{2022}', '\u{00b7}']) {
        let seg = seg.trim();
        if seg.is_empty() {
            continue;
        }
        if let Some(d) = date::date_line(seg) {
            out.date.get_or_insert(d);
            continue;
        }
        let inner = seg.trim_start_matches('(').trim_end_matches(')');
        if let Some(rest) = ["By ", "Written by ", "Words by ", "Story by "]
            .iter()
            .find_map(|p| strip_prefix_ci(inner, p))
        {
            if rest.starts_with(|c: char| c.is_uppercase()) && !ends_with_sentence(rest) {
                let names = names(rest);
                if !names.is_empty() {
                    out.names.extend(names);
                    continue;
                }
                // "By From Kest Herald news services": an outlet, no author.
                let at = rest.as_ptr() as usize - line.as_ptr() as usize;
                let o = outlet_only(rest)?;
                out.outlet = Some(at + o.start..at + o.end);
                continue;
            }
            return None;
        }
        if let Some(names) = reporting(inner) {
            out.reporting = true;
            out.names.extend(names);
            continue;
        }
        other += 1;
    }
    // "By Jane Doe | Reuters": one short extra segment (the outlet) is fine.
    let credited = !out.names.is_empty() || out.outlet.is_some();
    (credited && other <= 1).then_some(out)
}

/// The outlet of a byline that credits a news service instead of a person:
/// "From Kest Herald news services", "Varn Post Staff", "Kest Daily wire
/// reports" give the capitalized name before the service words, as a byte
/// range of `rest`. A person's name before them ("Jane Doe Staff") is not
/// an outlet.
fn outlet_only(rest: &str) -> Option<std::ops::Range<usize>> {
    // The words that say "the outlet's own service", never a person.
    const SERVICE: &[&str] = &["news", "wire", "wires", "and", "service", "services"];
    const HEADS: &[&str] = &["service", "services", "staff", "reports"];
    let rest = rest.trim_end();
    let (from, body) = match strip_prefix_ci(rest, "From ") {
        Some(b) => (true, b),
        None => (false, rest),
    };
    let start = rest.len() - body.len();
    let words: Vec<(usize, &str)> = body
        .split(' ')
        .scan(0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // Lowercase service words, or a capitalized head ("Kest News Staff"
    // keeps "News" in the name).
    let is_service = |w: &str| {
        SERVICE.contains(&w) || HEADS.contains(&w) || w == "writers" || {
            let lower = w.to_ascii_lowercase();
            w.starts_with(char::is_uppercase)
                && (HEADS[1..].contains(&lower.as_str()) || lower == "writers")
        }
    };
    let name_len = words.iter().position(|(_, w)| is_service(w))?;
    let tail = &words[name_len..];
    let last = tail.last()?.1.to_ascii_lowercase();
    let name = &words[..name_len];
    if !(1..=4).contains(&name.len())
        || !tail.iter().all(|(_, w)| is_service(w))
        || !(HEADS.contains(&last.as_str()) || last == "writers")
        || !name.iter().all(|(_, w)| w.starts_with(char::is_uppercase))
    {
        return None;
    }
    let end = name[name.len() - 1].0 + name[name.len() - 1].1.len();
    let name_text = &body[..end];
    let bare = name_text.strip_prefix("The ").unwrap_or(name_text);
    if !from && bare.len() == name_text.len() && is_person_name(name_text) {
        return None;
    }
    Some(start..start + end)
}

/// A byline printed without "By" near the top of a page, as some sites do:
/// "Jane Doe in Varnia", "Jane Doe and John Roe in Kest",
/// "Jane Doe, Diplomatic Editor". Only names with a place or a job qualify,
/// so a short headline-like line is not taken for one.
pub fn parse_bare(line: &str) -> Option<Vec<String>> {
    if line.len() > 80 || line.ends_with(['.', '!', '?', ':']) {
        return None;
    }
    let (head, tail) = if let Some(i) = line.rfind(" in ") {
        let place = &line[i + 4..];
        let ok = (1..=3).contains(&place.split_whitespace().count())
            && place
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase) && date::month(w).is_none());
        (ok.then_some(&line[..i])?, "")
    } else {
        let i = line.find(", ")?;
        (&line[..i], &line[i + 2..])
    };
    if !tail.is_empty() {
        const JOBS: &[&str] = &[
            "Correspondent",
            "correspondent",
            "Editor",
            "editor",
            "Reporter",
            "reporter",
            "Writer",
            "writer",
            "Columnist",
            "columnist",
        ];
        if tail.len() > 50 || !tail.split_whitespace().any(|w| JOBS.contains(&w)) {
            return None;
        }
    }
    names_list(head)
}

/// "Reporting by Jane Doe in Varnia; Writing by Ann Poe; Editing by Tom Bell".
fn reporting(s: &str) -> Option<Vec<String>> {
    let mut found = None::<Vec<String>>;
    for part in s.split(';') {
        let part = part.trim();
        let lower = part.to_ascii_lowercase();
        let by = [
            "reporting by ",
            "additional reporting by ",
            "writing by ",
            "written by ",
        ]
        .iter()
        .find(|p| lower.starts_with(**p));
        let other = [
            "editing by ",
            "compiled by ",
            "graphics by ",
            "produced by ",
        ]
        .iter()
        .any(|p| lower.starts_with(p));
        if let Some(p) = by {
            found
                .get_or_insert_with(Vec::new)
                .extend(names(&part[p.len()..]));
        } else if !other {
            return None;
        }
    }
    found.filter(|n| !n.is_empty())
}

fn ends_with_sentence(s: &str) -> bool {
    // "By March, sales had doubled." is a sentence, not a byline.
    let s = s.trim_end();
    s.ends_with('.') && !s[..s.len() - 1].ends_with(|c: char| c.is_uppercase())
        || s.split_whitespace().count() > 14
}

/// The person names in the text after "By".
fn names(s: &str) -> Vec<String> {
    // Places and outlets after the names: "in London", "for The Guardian".
    let mut s = s;
    for cut in [
        " in ",
        " for ",
        " at ",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
        ";",
    ] {
        if let Some(i) = s.find(cut) {
            s = &s[..i];
        }
    }
    let mut out = Vec::new();
    for part in s.split(',') {
        let mut any = false;
        for name in split_and(part) {
            let name = name.trim();
            let name = all_caps_head(name);
            if is_person_name(name) {
                out.push(name.to_string());
                any = true;
            }
        }
        // After the names comes the outlet or the job: stop there.
        if !any {
            break;
        }
    }
    out
}

fn split_and(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    for sep in [" and ", " & ", " AND "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

/// "JANE DOE Associated Press" → "JANE DOE": an all-caps name followed by
/// words in other case.
fn all_caps_head(s: &str) -> &str {
    let words: Vec<(usize, &str)> = s
        .split(' ')
        .scan(0, |at, w| {
            let r = (*at, w);
            *at += w.len() + 1;
            Some(r)
        })
        .collect();
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    if words.len() >= 3 && caps(words[0].1) && caps(words[1].1) {
        if let Some(&(at, _)) = words.iter().find(|(_, w)| !caps(w)) {
            return s[..at].trim_end();
        }
    }
    s
}

/// Names alone ("Jane Doe", "Jane Doe and John Roe"), for a line that the
/// caller knows sits where a byline goes (next to the date line).
pub fn parse_names_only(line: &str) -> Option<Vec<String>> {
    if line.len() > 80 || line.ends_with(['.', '!', '?', ':', ',']) {
        return None;
    }
    names_list(line)
}

/// "Jane Q. Doe And John Roe Kest Daily Times": names printed with the
/// outlet after the last one and no "By". The last name is its first word,
/// any initials, and one more word; what follows must be an outlet (title-cased
/// words ending in an outlet word such as "Times" or "Press").
pub fn parse_names_and_outlet(line: &str) -> Option<Byline> {
    if line.len() > 100 || line.ends_with(['.', '!', '?', ':', ',']) {
        return None;
    }
    let mut parts: Vec<&str> = vec![line];
    for sep in [" and ", " And ", " AND ", " & "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let (last, first) = parts.split_last()?;
    let mut names: Vec<String> = Vec::new();
    for p in first {
        if !is_person_name(p.trim()) {
            return None;
        }
        names.push(p.trim().to_string());
    }
    let words: Vec<&str> = last.split_whitespace().collect();
    let initials = words
        .iter()
        .skip(1)
        .take_while(|w| w.len() == 2 && w.ends_with('.'))
        .count();
    let name_len = 2 + initials;
    let outlet = words.get(name_len..)?;
    let outlet_ok = !outlet.is_empty()
        && outlet.len() <= 5
        && outlet.iter().all(|w| w.starts_with(char::is_uppercase))
        && outlet.last().is_some_and(|w| NOT_NAME_WORDS.contains(w));
    let name = words[..name_len].join(" ");
    if !outlet_ok || !is_person_name(&name) {
        return None;
    }
    names.push(name);
    let first = outlet[0];
    let start = line.len() - last.len() + last.find(first)?;
    let outlet_end = line.trim_end().len();
    Some(Byline {
        names,
        outlet: Some(start..outlet_end),
        ..Default::default()
    })
}

/// "Jane Doe and John Roe": the names, when every part is one.
fn names_list(s: &str) -> Option<Vec<String>> {
    let parts = split_and(s);
    let names: Vec<String> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| is_person_name(p))
        .map(str::to_string)
        .collect();
    (!names.is_empty() && names.len() == parts.len()).then_some(names)
}

fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    // "al-Rashid" counts as capitalized.
    let capitalized = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            || w.rsplit('-')
                .next()
                .is_some_and(|p| p.starts_with(char::is_uppercase))
    };
    words.iter().all(|w| {
        let w = w.trim_end_matches('.');
        (capitalized(w) || PARTICLE_SET.has(w) || w.contains('-'))
            && !NOT_NAME_WORDS.contains(&w)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}'))
    }) && capitalized(words[0])
        && capitalized(words[words.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(s: &str) -> Vec<String> {
        parse(s).map(|b| b.names).unwrap_or_default()
    }

    #[test]
    fn bylines() {
        assert_eq!(
            names_of("By Jane Doe and John Roe, Reuters"),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(names_of("By JANE DOE Associated Press"), ["JANE DOE"]);
        assert_eq!(names_of("By Omar al-Rashid in Varnia"), ["Omar al-Rashid"]);
        assert_eq!(
            names_of("By Lena Marsh, Pavel Ostrov and Ida Kern, Staff Reporters"),
            ["Lena Marsh", "Pavel Ostrov", "Ida Kern"]
        );
        assert_eq!(
            names_of("BY TOMAS VELL, Diplomatic Correspondent"),
            ["TOMAS VELL"]
        );
        let b = parse("By Jane Doe | Published: July 22, 2020").unwrap();
        assert_eq!(b.names, ["Jane Doe"]);
        assert_eq!(
            b.date.and_then(|d| d.0.iso()).as_deref(),
            Some("2020-07-22")
        );
    }

    #[test]
    fn names_with_their_outlet_and_no_by() {
        let line = "Jane Q. Doe And Omar Vey Kest Daily Times";
        let b = parse_names_and_outlet(line).unwrap();
        assert_eq!(b.names, ["Jane Q. Doe", "Omar Vey"]);
        assert_eq!(&line[b.outlet.unwrap()], "Kest Daily Times");
        let b = parse_names_and_outlet("Omar Vey Varn Press").unwrap();
        assert_eq!(b.names, ["Omar Vey"]);
        assert_eq!(
            parse_names_and_outlet("Kest And Varn Sign Trade Pact"),
            None
        );
        assert_eq!(parse_names_and_outlet("Omar Vey"), None);
    }

    #[test]
    fn an_outlet_credited_instead_of_an_author() {
        for (line, outlet) in [
            ("By From Kest Herald news services", "Kest Herald"),
            ("By Varn Post Staff", "Varn Post"),
            ("By Kest News Staff", "Kest News"),
            ("July 2, 2019|By Kest Daily wire reports", "Kest Daily"),
            ("By The Varn Courier staff", "The Varn Courier"),
        ] {
            let b = parse(line).unwrap_or_else(|| panic!("{line}"));
            assert!(b.names.is_empty(), "{line}");
            assert_eq!(&line[b.outlet.unwrap()], outlet, "{line}");
        }
        // A person's name is not an outlet; nor is a sentence.
        assert_eq!(parse("By Jane Doe Staff"), None);
        assert_eq!(parse("By March staff had left the news services."), None);
        assert_eq!(parse("By Kest News Service"), None);
    }

    #[test]
    fn reporting_credits() {
        let b = parse("(Reporting by Jane Doe in Varnia; Additional reporting by Ann Poe; Editing by Tom Bell)")
            .unwrap();
        assert_eq!(b.names, ["Jane Doe", "Ann Poe"]);
        assert!(b.reporting);
    }

    #[test]
    fn bare_bylines() {
        assert_eq!(
            parse_bare("Lena Marsh in Kest"),
            Some(vec!["Lena Marsh".to_string()])
        );
        assert_eq!(
            parse_bare("Ann Poe and Tom Bell in New Kest"),
            Some(vec!["Ann Poe".to_string(), "Tom Bell".to_string()])
        );
        assert_eq!(
            parse_bare("Ida Kern, Diplomatic Editor"),
            Some(vec!["Ida Kern".to_string()])
        );
        assert_eq!(
            parse_bare("Lena Marsh"),
            None,
            "a name alone needs a date beside it"
        );
        assert_eq!(
            parse_names_only("Lena Marsh and Tom Bell"),
            Some(vec!["Lena Marsh".to_string(), "Tom Bell".to_string()])
        );
        assert_eq!(parse_names_only("Floods hit the north"), None);
        assert_eq!(parse_bare("Floods in Kest"), None);
        assert_eq!(parse_bare("Heatwave Hits Kest in July"), None);
        assert_eq!(parse_bare("Ida Kern, the minister, resigned."), None);
    }

    #[test]
    fn sentences_are_not_bylines() {
        assert_eq!(parse("By March, sales had doubled."), None);
        assert_eq!(parse("By the end of the year the plant had closed."), None);
        assert_eq!(parse("By Reuters"), None);
        assert_eq!(parse("Talks with the Associated Press ended."), None);
    }
}
