//! The words this stage reads: the shared lists of `newsparse_lang::lexicon`
//! (reporting verbs, titles, offices, role and organization nouns, work
//! nouns, determiners, be-forms), and the few lists only attribution needs
//! (pronouns, words between a subject and its verb, clause openers, nouns of
//! speech, documents and bodies that speak). General knowledge of English
//! news writing only; no names.

use newsparse_lang::lexicon::{
    bare, DETERMINER_SET, FEMALE_TITLE_SET, HONORIFIC_SET, MALE_TITLE_SET, OFFICE_SET,
    ORG_NOUN_SET, PASSIVE_AUXILIARY_SET, PERSONAL_ROLE_SET, REPORTING_VERB_SET, ROLE_NOUN_SET,
    SPEECH_NOUN_SET, WORK_NOUN_SET,
};

/// How a reporting verb is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// "said", "says", "told": a finite verb with its own subject.
    Finite,
    /// "saying", "adding": the subject is the main clause's.
    Participle,
}

/// The form of a reporting verb (`REPORTING_VERBS`), given in lower case.
pub fn cue(word_lower: &str) -> Option<CueForm> {
    REPORTING_VERB_SET.has(word_lower).then(|| {
        if word_lower.ends_with("ing") {
            CueForm::Participle
        } else {
            CueForm::Finite
        }
    })
}

/// A form of "be" or "get" that makes the verb after it passive. "'s" is
/// left out: after a name it is as often "has" ("Vell's accused them").
pub fn is_passive_auxiliary(w: &str) -> bool {
    w != "'s" && PASSIVE_AUXILIARY_SET.has(w)
}

/// Words that sit between a subject and its reporting verb ("X has also said",
/// "they've said"). Not "'s": after a noun it is as often a possessive.
pub fn is_between_subject_and_verb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "'ve"
            | "'d"
            | "'ll"
            | "n't"
            | "also"
            | "then"
            | "later"
            | "previously"
            | "recently"
            | "again"
            | "further"
            | "once"
            | "earlier"
            | "now"
            | "still"
            | "just"
            | "was"
            | "is"
            | "were"
            | "are"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "should"
            | "can"
            | "did"
            | "does"
            | "do"
            | "not"
            | "never"
            | "been"
            | "being"
            | "yesterday"
            | "today"
            | "tonight"
            | "simply"
            | "himself"
            | "herself"
            | "themselves"
            | "itself"
            | "who"
            | "which"
            | "quickly"
            | "already"
            | "always"
            | "often"
            | "all"
    ) || (w.len() > 4 && w.ends_with("ly"))
}

/// Words that start a new clause: a subject is not looked for before them.
pub fn is_clause_start(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "that"
            | "while"
            | "because"
            | "if"
            | "when"
            | "after"
            | "before"
            | "although"
            | "though"
            | "so"
            | "since"
            | "as"
            | "or"
            | "whether"
            | "where"
    )
}

/// Words that open a noun phrase: the shared `DETERMINERS`, and the
/// demonstratives and numerals that also open a description ("this
/// minister", "one official").
pub fn is_determiner(w: &str) -> bool {
    DETERMINER_SET.has(w) || matches!(w, "this" | "that" | "one" | "another" | "my" | "your")
}

/// A title written before a name, in any case and with or without its stop:
/// an honorific ("Mr", "Dr") or an office ("Senator", "Gen.").
pub fn is_title(w: &str) -> bool {
    let w = bare(w);
    HONORIFIC_SET.has_folded(w) || OFFICE_SET.has_folded(w)
}

/// How many of the leading `words` make one title: an honorific or an
/// office of up to three words ("Prime Minister", "Secretary of State").
pub fn title_len(words: &[&str]) -> usize {
    for n in (2..=words.len().min(3)).rev() {
        let joined = words[..n].join(" ");
        if OFFICE_SET.has_folded(&joined) || HONORIFIC_SET.has_folded(&joined) {
            return n;
        }
    }
    usize::from(words.first().is_some_and(|w| is_title(w)))
}

/// Titles that tell a person's sex, for choosing between "he" and "she".
pub fn title_sex(w: &str) -> Option<Sex> {
    let w = bare(w);
    if MALE_TITLE_SET.has_folded(w) {
        Some(Sex::Male)
    } else if FEMALE_TITLE_SET.has_folded(w) {
        Some(Sex::Female)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Person(Option<Sex>),
    Organization,
}

pub fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match w {
        "he" => Pronoun::Person(Some(Sex::Male)),
        "she" => Pronoun::Person(Some(Sex::Female)),
        "they" | "it" => Pronoun::Organization,
        _ => return None,
    })
}

/// What kind of speaker a description's head noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Described {
    /// "the minister", "the Vardian leader".
    Person,
    /// "the company", "the paper", "a statement".
    Organization,
    /// "a spokesman": speaks for an organization, which gets the quote.
    Spokesperson,
    /// "the report", "a letter": speaks for whoever the phrase names, if anyone.
    Document,
}

/// What a description's head noun (lower case) names: people who speak for
/// an organization, documents, organizations (the shared `ORG_NOUNS` in the
/// singular, and public bodies), people (the shared `ROLE_NOUNS`,
/// `PERSONAL_ROLES` and `OFFICES`).
pub fn description(w: &str) -> Option<Described> {
    Some(match w {
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokesmen"
        | "representative" | "official" | "officials" => Described::Spokesperson,
        "report" | "study" | "survey" | "letter" | "document" | "memo" | "dossier" | "review"
        | "audit" | "analysis" | "note" | "filing" | "ruling" | "judgment" | "judgement" => {
            Described::Document
        }
        // Bodies that speak as one, and what an organization issues.
        "government" | "administration" | "ministry" | "department" | "council" | "committee"
        | "commission" | "board" | "authority" | "federation" | "association" | "army"
        | "military" | "police" | "court" | "office" | "team" | "campaign" | "statement"
        | "communique" => Described::Organization,
        // "analysts said" are people, not a firm: plural nouns are left out.
        w if ORG_NOUN_SET.has(w) && !w.ends_with('s') => Described::Organization,
        w if ROLE_NOUN_SET.has(w) || PERSONAL_ROLE_SET.has(w) || OFFICE_SET.has_folded(w) => {
            Described::Person
        }
        _ => return None,
    })
}

/// Nouns of speech (`SPEECH_NOUNS`): they name their speaker with "by" or
/// "from".
pub fn is_speech_noun(w: &str) -> bool {
    SPEECH_NOUN_SET.has(w)
}

/// Words before a quote that say it is the title of a work, not speech: the
/// shared `WORK_NOUNS`, and words that mark a title only before a quote
/// (too common before names: "show", "play", "record", "report").
pub fn is_work_noun(w: &str) -> bool {
    WORK_NOUN_SET.has(w)
        || matches!(
            w,
            "play"
                | "show"
                | "titled"
                | "entitled"
                | "record"
                | "ep"
                | "game"
                | "magazine"
                | "column"
                | "report"
                | "headline"
                | "headlined"
                | "soap"
        )
}

/// Nouns for pieces of language ("the words", "the phrase", "a slogan"): a
/// quote right after one quotes words as words.
pub fn is_language_noun(w: &str) -> bool {
    matches!(
        w,
        "word"
            | "words"
            | "phrase"
            | "phrases"
            | "clause"
            | "slogan"
            | "slogans"
            | "motto"
            | "expression"
            | "catchphrase"
            | "hashtag"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_and_forms() {
        assert_eq!(cue("said"), Some(CueForm::Finite));
        assert_eq!(cue("adding"), Some(CueForm::Participle));
        assert_eq!(cue("state"), None);
        assert_eq!(cue("report"), None);
        assert_eq!(cue("writing"), Some(CueForm::Participle));
    }

    #[test]
    fn titles_from_the_shared_lists() {
        assert!(is_title("Mr.") && is_title("sen") && is_title("Professor"));
        assert!(!is_title("Anka"));
        assert_eq!(title_len(&["Prime", "Minister", "Anka", "Vell"]), 2);
        assert_eq!(title_len(&["Dr", "Anka"]), 1);
        assert_eq!(title_len(&["Anka", "Vell"]), 0);
        assert_eq!(title_sex("Mrs."), Some(Sex::Female));
        assert_eq!(title_sex("lord"), Some(Sex::Male));
        assert_eq!(title_sex("dr"), None);
    }

    #[test]
    fn descriptions() {
        assert_eq!(description("spokeswoman"), Some(Described::Spokesperson));
        assert_eq!(description("paper"), Some(Described::Organization));
        assert_eq!(description("minister"), Some(Described::Person));
        assert_eq!(description("motion"), None);
        assert_eq!(description("ministry"), Some(Described::Organization));
        assert_eq!(description("analysts"), None);
        assert_eq!(description("skipper"), Some(Described::Person));
    }
}
