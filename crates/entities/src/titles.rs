//! Title phrases before a name ("Mr", "Prime Minister", "Shadow
//! Chancellor"), from the lexicon's honorifics and offices. Every step reads
//! them (cleaning strips them from mentions, cues and votes skip them,
//! recovery and context read them), so they live apart from the steps.

use crate::words::Words;
use crate::Map as HashMap;
use newsparse_lang::lexicon::{self, bare};
use std::sync::OnceLock;

struct TitlePhrase {
    words: Vec<&'static str>,
    office: bool,
}

/// Every title phrase, longest first, indexed by first and last word (and
/// by the lowercase last word of offices, for "chancellor").
struct Phrases {
    all: Vec<TitlePhrase>,
    by_first: HashMap<&'static str, Vec<usize>>,
    by_last: HashMap<&'static str, Vec<usize>>,
    by_last_lower: HashMap<String, Vec<usize>>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut all: Vec<TitlePhrase> = lexicon::HONORIFICS
            .iter()
            .map(|p| (p, false))
            .chain(lexicon::OFFICES.iter().map(|p| (p, true)))
            .map(|(p, office)| TitlePhrase {
                words: p.split(' ').collect(),
                office,
            })
            .collect();
        all.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::default();
        let mut by_last: HashMap<&'static str, Vec<usize>> = HashMap::default();
        let mut by_last_lower: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in all.iter().enumerate() {
            by_first.entry(p.words[0]).or_default().push(i);
            let last = p.words[p.words.len() - 1];
            by_last.entry(last).or_default().push(i);
            if p.office {
                by_last_lower
                    .entry(last.to_lowercase())
                    .or_default()
                    .push(i);
            }
        }
        Phrases {
            all,
            by_first,
            by_last,
            by_last_lower,
        }
    })
}

fn word_is(token: &str, title_word: &str, any_case: bool) -> bool {
    let t = bare(token);
    t == title_word
        || any_case && t.chars().all(char::is_lowercase) && t.eq_ignore_ascii_case(title_word)
}

/// The number of tokens of a capitalized title phrase starting at token `i`
/// (not beyond `end`).
pub fn title_len_at(w: &Words, i: usize, end: usize) -> Option<usize> {
    let ps = phrases();
    let phrase = ps.by_first.get(bare(w.word(i))).and_then(|list| {
        list.iter().map(|&k| &ps.all[k]).find(|p| {
            let k = p.words.len();
            i + k <= end && (0..k).all(|j| word_is(w.word(i + j), p.words[j], false))
        })
    });
    let pair = (i + 2 <= end && lexicon::is_office_pair(w.word(i), w.word(i + 1))).then_some(2);
    phrase.map(|p| p.words.len()).max(pair)
}

/// The title phrase ending just before token `p` (not before `floor`): its
/// length and whether it is an office rather than an honorific. Lowercase
/// offices ("chancellor") count when `any_case`.
pub fn title_len_before(
    w: &Words,
    p: usize,
    floor: usize,
    any_case: bool,
) -> Option<(usize, bool)> {
    if p <= floor {
        return None;
    }
    let ps = phrases();
    let last = bare(w.word(p - 1));
    let exact = ps.by_last.get(last).into_iter().flatten();
    let lower = (any_case && last.chars().all(char::is_lowercase))
        .then(|| ps.by_last_lower.get(last))
        .flatten()
        .into_iter()
        .flatten();
    let phrase = exact
        .chain(lower)
        .map(|&k| &ps.all[k])
        .filter(|ph| {
            let k = ph.words.len();
            p >= floor + k
                && (0..k).all(|j| word_is(w.word(p - k + j), ph.words[j], any_case && ph.office))
        })
        .max_by_key(|ph| ph.words.len())
        .map(|ph| (ph.words.len(), ph.office));
    let pair = (p >= floor + 2 && lexicon::is_office_pair(w.word(p - 2), w.word(p - 1)))
        .then_some((2, true));
    let found = phrase.max(pair).or_else(|| {
        // "ex-President": one token.
        let word = w.word(p - 1);
        let rest = word
            .strip_prefix("ex-")
            .or_else(|| word.strip_prefix("Ex-"))?;
        lexicon::OFFICE_SET.has(rest).then_some((1, true))
    })?;
    let (k, office) = found;
    // "Deputy Prime Minister", "Shadow Chancellor".
    if p > floor + k
        && matches!(
            w.word(p - k - 1),
            "Deputy" | "Shadow" | "Acting" | "Vice" | "Former" | "Assistant"
        )
    {
        return Some((k + 1, office));
    }
    Some((k, office))
}
