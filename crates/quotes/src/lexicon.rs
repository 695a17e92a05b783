//! General word lists: reporting verbs, pronouns, descriptions of speakers.
//! General knowledge of English news writing only; no names.

/// How a reporting verb is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// "said", "says", "told": a finite verb with its own subject.
    Finite,
    /// "saying", "adding": the subject is the main clause's.
    Participle,
}

/// Reporting verbs in the forms news writing uses. Bare forms that are
/// mostly nouns ("state", "note", "report", "claim") are left out.
pub fn cue(word_lower: &str) -> Option<CueForm> {
    const FINITE: &[&str] = &[
        "say",
        "says",
        "said",
        "tell",
        "tells",
        "told",
        "add",
        "adds",
        "added",
        "stress",
        "stresses",
        "stressed",
        "warn",
        "warns",
        "warned",
        "insist",
        "insists",
        "insisted",
        "wrote",
        "writes",
        "tweeted",
        "tweets",
        "posted",
        "argue",
        "argues",
        "argued",
        "claims",
        "claimed",
        "explain",
        "explains",
        "explained",
        "admit",
        "admits",
        "admitted",
        "stated",
        "announced",
        "announces",
        "declared",
        "declares",
        "noted",
        "observed",
        "remarked",
        "commented",
        "replied",
        "replies",
        "responded",
        "answered",
        "ask",
        "asks",
        "asked",
        "urged",
        "urges",
        "suggested",
        "suggests",
        "accused",
        "accuses",
        "denied",
        "denies",
        "confirmed",
        "confirms",
        "acknowledged",
        "acknowledges",
        "maintained",
        "maintains",
        "predicted",
        "predicts",
        "promised",
        "promises",
        "pledged",
        "pledges",
        "vowed",
        "vows",
        "concluded",
        "recalled",
        "recalls",
        "described",
        "describes",
        "call",
        "calls",
        "called",
        "condemned",
        "condemns",
        "welcomed",
        "welcomes",
        "praised",
        "praises",
        "criticised",
        "criticized",
        "criticises",
        "criticizes",
        "complained",
        "complains",
        "conceded",
        "concedes",
        "contended",
        "asserted",
        "alleged",
        "alleges",
        "boasted",
        "joked",
        "quipped",
        "shouted",
        "exclaimed",
        "revealed",
        "reveals",
        "hinted",
        "repeated",
        "mocked",
        "branded",
        "dubbed",
        "labelled",
        "labeled",
        "cautioned",
        "blasted",
        "slammed",
        "lamented",
        "agreed",
        "reckons",
        "reckoned",
        "quoted",
    ];
    const PARTICIPLE: &[&str] = &[
        "saying",
        "telling",
        "adding",
        "stressing",
        "insisting",
        "arguing",
        "claiming",
        "explaining",
        "admitting",
        "noting",
        "warning",
        "asking",
        "urging",
        "suggesting",
        "accusing",
        "denying",
        "describing",
        "calling",
        "citing",
        "declaring",
        "writing",
        "branding",
        "dubbing",
        "labelling",
        "labeling",
        "complaining",
        "conceding",
        "predicting",
        "promising",
        "pledging",
        "vowing",
        "recalling",
        "praising",
        "criticising",
        "criticizing",
        "condemning",
        "welcoming",
        "revealing",
        "quoting",
    ];
    if FINITE.contains(&word_lower) {
        Some(CueForm::Finite)
    } else if PARTICIPLE.contains(&word_lower) {
        Some(CueForm::Participle)
    } else {
        None
    }
}

/// Words that sit between a subject and its reporting verb ("X has also said").
pub fn is_between_subject_and_verb(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
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

pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "his"
            | "her"
            | "its"
            | "their"
            | "this"
            | "that"
            | "one"
            | "another"
            | "our"
            | "my"
            | "your"
    )
}

/// Courtesy and rank titles written before names.
pub fn is_title(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "miss"
            | "dr"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "prof"
            | "professor"
            | "rev"
            | "father"
            | "sister"
            | "brother"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "col"
            | "capt"
            | "lt"
            | "sgt"
            | "president"
            | "prime"
            | "minister"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "sheikh"
            | "ayatollah"
            | "imam"
            | "rabbi"
            | "judge"
            | "justice"
            | "chancellor"
            | "secretary"
    )
}

/// Titles that tell a person's sex, for choosing between "he" and "she".
pub fn title_sex(w: &str) -> Option<Sex> {
    match w {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" | "sheikh" => {
            Some(Sex::Male)
        }
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister" => {
            Some(Sex::Female)
        }
        _ => None,
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
    /// "the minister", "the Iranian leader".
    Person,
    /// "the company", "the paper", "a statement".
    Organization,
    /// "a spokesman": speaks for an organization, which gets the quote.
    Spokesperson,
}

pub fn description(w: &str) -> Option<Described> {
    Some(match w {
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokesmen"
        | "representative" | "official" | "officials" => Described::Spokesperson,
        "company" | "firm" | "club" | "paper" | "newspaper" | "statement" | "group" | "party"
        | "government" | "board" | "ministry" | "department" | "agency" | "bank" | "union"
        | "team" | "council" | "committee" | "organisation" | "organization" | "channel"
        | "network" | "broadcaster" | "website" | "magazine" | "army" | "military" | "police"
        | "court" | "federation" | "association" | "authority" | "regulator" | "watchdog"
        | "airline" | "carrier" | "retailer" | "maker" | "manufacturer" | "giant" | "band"
        | "operator" | "insurer" | "lender" | "publisher" | "studio" | "label" | "campaign"
        | "charity" | "office" | "administration" | "commission" | "communique" => {
            Described::Organization
        }
        "leader" | "minister" | "president" | "chairman" | "chairwoman" | "chair" | "chief"
        | "executive" | "director" | "analyst" | "economist" | "manager" | "coach" | "boss"
        | "mp" | "mep" | "senator" | "secretary" | "ayatollah" | "premier" | "chancellor"
        | "governor" | "mayor" | "general" | "commander" | "star" | "singer" | "actor"
        | "actress" | "player" | "striker" | "keeper" | "goalkeeper" | "captain" | "skipper"
        | "founder" | "owner" | "author" | "writer" | "critic" | "editor" | "correspondent"
        | "ambassador" | "envoy" | "diplomat" | "lawyer" | "attorney" | "prosecutor" | "judge"
        | "professor" | "expert" | "head" | "king" | "queen" | "prince" | "cleric"
        | "spokesperson's" | "politician" | "candidate" | "defender" | "midfielder" | "forward"
        | "winger" | "champion" | "musician" | "director-general" | "officer"
        | "chief-executive" | "host" | "presenter" | "comedian" | "rapper" | "guitarist"
        | "drummer" | "frontman" | "novelist" | "actor-director" | "producer" | "investor"
        | "entrepreneur" | "businessman" | "businesswoman" | "tycoon" | "veteran" | "pilot"
        | "doctor" | "scientist" | "researcher" | "inspector" | "detective" | "colonel"
        | "sergeant" | "spokesman's" => Described::Person,
        _ => return None,
    })
}

/// Words before a quote that say it is the title of a work, not speech.
pub fn is_work_noun(w: &str) -> bool {
    matches!(
        w,
        "film"
            | "movie"
            | "book"
            | "novel"
            | "song"
            | "single"
            | "album"
            | "track"
            | "play"
            | "show"
            | "series"
            | "sitcom"
            | "programme"
            | "program"
            | "documentary"
            | "opera"
            | "musical"
            | "poem"
            | "painting"
            | "exhibition"
            | "titled"
            | "entitled"
            | "memoir"
            | "autobiography"
            | "biography"
            | "hit"
            | "drama"
            | "comedy"
            | "ballad"
            | "anthem"
            | "record"
            | "ep"
            | "game"
            | "magazine"
            | "column"
            | "essay"
            | "report"
            | "headline"
            | "headlined"
            | "sequel"
            | "thriller"
            | "soap"
            | "cartoon"
    )
}

/// Abbreviations that end with a full stop without ending a sentence.
pub fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "col"
            | "lt"
            | "sgt"
            | "capt"
            | "prof"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "jr"
            | "sr"
            | "no"
            | "vs"
            | "etc"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "u.s"
            | "u.k"
            | "u.n"
            | "e.u"
            | "a.m"
            | "p.m"
            | "mt"
            | "ft"
            | "approx"
            | "fig"
            | "rev"
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
    }

    #[test]
    fn descriptions() {
        assert_eq!(description("spokeswoman"), Some(Described::Spokesperson));
        assert_eq!(description("paper"), Some(Described::Organization));
        assert_eq!(description("minister"), Some(Described::Person));
        assert_eq!(description("motion"), None);
    }
}
