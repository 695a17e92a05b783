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
    Some(match word_lower {
        "accused" | "accuses" | "acknowledged" | "acknowledges" | "add" | "added" | "adds"
        | "admit" | "admits" | "admitted" | "agreed" | "alleged" | "alleges" | "announced"
        | "announces" | "answered" | "argue" | "argued" | "argues" | "ask" | "asked" | "asks"
        | "asserted" | "blasted" | "boasted" | "branded" | "call" | "called" | "calls"
        | "cautioned" | "claimed" | "claims" | "commented" | "complained" | "complains"
        | "conceded" | "concedes" | "concluded" | "condemned" | "condemns" | "confirmed"
        | "confirms" | "contended" | "criticised" | "criticises" | "criticized" | "criticizes"
        | "declared" | "declares" | "denied" | "denies" | "described" | "describes" | "dubbed"
        | "exclaimed" | "explain" | "explained" | "explains" | "hinted" | "insist" | "insisted"
        | "insists" | "joked" | "labeled" | "labelled" | "lamented" | "maintained"
        | "maintains" | "mocked" | "noted" | "observed" | "pledged" | "pledges" | "posted"
        | "praised" | "praises" | "predicted" | "predicts" | "promised" | "promises"
        | "quipped" | "quoted" | "recalled" | "recalls" | "reckoned" | "reckons" | "remarked"
        | "repeated" | "replied" | "replies" | "responded" | "revealed" | "reveals" | "said"
        | "say" | "says" | "shouted" | "slammed" | "stated" | "stress" | "stressed"
        | "stresses" | "suggested" | "suggests" | "tell" | "tells" | "told" | "tweeted"
        | "tweets" | "urged" | "urges" | "vowed" | "vows" | "warn" | "warned" | "warns"
        | "welcomed" | "welcomes" | "writes" | "wrote" => CueForm::Finite,
        "accusing" | "adding" | "admitting" | "arguing" | "asking" | "branding" | "calling"
        | "citing" | "claiming" | "complaining" | "conceding" | "condemning" | "criticising"
        | "criticizing" | "declaring" | "denying" | "describing" | "dubbing" | "explaining"
        | "insisting" | "labeling" | "labelling" | "noting" | "pledging" | "praising"
        | "predicting" | "promising" | "quoting" | "recalling" | "revealing" | "saying"
        | "stressing" | "suggesting" | "telling" | "urging" | "vowing" | "warning"
        | "welcoming" | "writing" => CueForm::Participle,
        "continued" | "continues" | "confessed" | "confesses" | "mused" => CueForm::Finite,
        _ => return None,
    })
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
    /// "the minister", "the Vardian leader".
    Person,
    /// "the company", "the paper", "a statement".
    Organization,
    /// "a spokesman": speaks for an organization, which gets the quote.
    Spokesperson,
    /// "the report", "a letter": speaks for whoever the phrase names, if anyone.
    Document,
}

pub fn description(w: &str) -> Option<Described> {
    Some(match w {
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "spokesmen"
        | "representative" | "official" | "officials" => Described::Spokesperson,
        "report" | "study" | "survey" | "letter" | "document" | "memo" | "dossier" | "review"
        | "audit" | "analysis" | "note" | "filing" | "ruling" | "judgment" | "judgement" => {
            Described::Document
        }
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
        | "politician" | "candidate" | "defender" | "midfielder" | "forward" | "winger"
        | "champion" | "musician" | "director-general" | "officer" | "chief-executive" | "host"
        | "presenter" | "comedian" | "rapper" | "guitarist" | "drummer" | "frontman"
        | "novelist" | "actor-director" | "producer" | "investor" | "entrepreneur"
        | "businessman" | "businesswoman" | "tycoon" | "veteran" | "pilot" | "doctor"
        | "scientist" | "researcher" | "inspector" | "detective" | "colonel" | "sergeant" => {
            Described::Person
        }
        _ => return None,
    })
}

/// Nouns of speech that name their speaker with "by" or "from".
pub fn is_speech_noun(w: &str) -> bool {
    matches!(
        w,
        "speech"
            | "statement"
            | "remarks"
            | "comments"
            | "letter"
            | "interview"
            | "address"
            | "testimony"
            | "message"
            | "post"
            | "tweet"
            | "article"
            | "op-ed"
            | "column"
            | "memo"
            | "email"
            | "announcement"
    )
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
