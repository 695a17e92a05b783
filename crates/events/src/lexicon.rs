//! The trigger lexicon: ACE 2005 event subtypes, the word forms that express
//! them, and the context each form needs to mean the event (general knowledge
//! only: trigger words and the words that go with them).

use crate::families::FAMILIES;
use newsparse_lang::lexicon::{DETERMINER_SET, ORG_NOUN_SET, ORG_PLURAL_SET, POST_SET};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A test on a trigger word's context.
#[derive(Debug, Clone, Copy)]
pub enum Cond {
    Always,
    Never,
    /// The word before is one of these.
    PrevIn(&'static [&'static str]),
    /// The word before passes this test (a lexicon look-up).
    PrevIs(fn(&str) -> bool),
    /// The word after (the particle, when there is one) is one of these.
    NextIn(&'static [&'static str]),
    /// One of the next `n` words is one of these.
    NextWithin(usize, &'static [&'static str]),
    /// One of the next `n` words passes this test (a lexicon look-up).
    NextWithinIs(usize, fn(&str) -> bool),
    /// The sentence holds one of these words.
    SentenceHas(&'static [&'static str]),
    /// A person's name starts within the next three words.
    PersonNext,
    /// A place name starts within the next three words.
    PlaceNext,
    /// An organization's name starts within the next four words.
    OrgNext,
    /// A person's name, a pronoun or a noun for people within the next three words.
    HumanNext,
    /// A person's name, a pronoun or a noun for people within the four words before.
    HumanPrev,
    /// The word before is a form of "be" or "get" (a passive).
    Passive,
    /// The article is about a company changing hands, and the word is a noun.
    Takeover,
    /// The article is a court story (justice words at least three times).
    CourtStory,
    /// The word before is a number or an amount ("$7 million", "500").
    AmountBefore,
    /// The condition does not hold.
    Not(&'static Cond),
    /// A person's name starts within the next `n` words.
    PersonWithin(usize),
    /// Within the next `n` words, "to", "into", "in" or "towards" followed
    /// by a place: a name, or a noun for a place ("to hospital").
    ToPlace(usize),
    /// The next word is "to" or "from" and then comes who it is sent to
    /// or by: a name, a determiner or pronoun, a noun for people or a
    /// plural ("emails to councillors", not "emails to prevent").
    Recipient,
    /// The word is written in lowercase.
    Lowercase,
    Any(&'static [Cond]),
    All(&'static [Cond]),
}

/// How a trigger relates its subject to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// The subject does it to the object ("killed", "bought").
    Transitive,
    /// The subject undergoes it ("died", "resigned", "death").
    Intransitive,
    /// The subject gives up what the object names ("sold", "privatisation").
    Seller,
    /// The subject sends or moves the object ("sent", "deployed").
    Sender,
}

/// One lexicon entry: the forms of one trigger word for one event type.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Space-separated lowercase word forms, or a family by its lemma:
    /// `@charge:v` (the verb's inflections), `@charge:n` (singular and
    /// plural), `@injure:vn` (the verb's inflections and the event nouns
    /// derived from it); `scripts/derive-event-families.py` derives the
    /// forms from WordNet into `families.rs`.
    pub forms: &'static str,
    pub event_type: &'static str,
    pub when: Cond,
    pub unless: Cond,
    /// A word that must follow and belongs to the trigger ("stand down").
    pub particle: Option<&'static str>,
    pub frame: Frame,
}

const fn e(forms: &'static str, event_type: &'static str) -> Entry {
    Entry {
        forms,
        event_type,
        when: Cond::Always,
        unless: Cond::Never,
        particle: None,
        frame: Frame::Transitive,
    }
}

impl Entry {
    const fn when(mut self, c: Cond) -> Self {
        self.when = c;
        self
    }
    const fn unless(mut self, c: Cond) -> Self {
        self.unless = c;
        self
    }
    const fn particle(mut self, p: &'static str) -> Self {
        self.particle = Some(p);
        self
    }
    const fn frame(mut self, f: Frame) -> Self {
        self.frame = f;
        self
    }
}

use Cond::*;

const MEET: &str = "Contact.Meet";
const WRITE: &str = "Contact.Phone-Write";
const TRANSPORT: &str = "Movement.Transport";
const ATTACK: &str = "Conflict.Attack";
const DEMONSTRATE: &str = "Conflict.Demonstrate";
const DIE: &str = "Life.Die";
const INJURE: &str = "Life.Injure";
const BORN: &str = "Life.Be-Born";
const MARRY: &str = "Life.Marry";
const DIVORCE: &str = "Life.Divorce";
const ARREST: &str = "Justice.Arrest-Jail";
const RELEASE: &str = "Justice.Release-Parole";
const CHARGE: &str = "Justice.Charge-Indict";
const TRIAL: &str = "Justice.Trial-Hearing";
const CONVICT: &str = "Justice.Convict";
const SENTENCE: &str = "Justice.Sentence";
const SUE: &str = "Justice.Sue";
const FINE: &str = "Justice.Fine";
const APPEAL: &str = "Justice.Appeal";
const ACQUIT: &str = "Justice.Acquit";
const EXTRADITE: &str = "Justice.Extradite";
const PARDON: &str = "Justice.Pardon";
const EXECUTE: &str = "Justice.Execute";
const NOMINATE: &str = "Personnel.Nominate";
const START: &str = "Personnel.Start-Position";
const END: &str = "Personnel.End-Position";
const ELECT: &str = "Personnel.Elect";
const MONEY: &str = "Transaction.Transfer-Money";
const OWNERSHIP: &str = "Transaction.Transfer-Ownership";
const START_ORG: &str = "Business.Start-Org";
const MERGE: &str = "Business.Merge-Org";
const END_ORG: &str = "Business.End-Org";
const BANKRUPT: &str = "Business.Declare-Bankruptcy";

/// Nouns for people, read as a trigger's human participant.
pub const HUMAN: &[&str] = &[
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "men",
    "women",
    "man",
    "woman",
    "people",
    "prisoner",
    "prisoners",
    "hostage",
    "hostages",
    "detainee",
    "detainees",
    "suspect",
    "suspects",
    "soldier",
    "soldiers",
    "journalist",
    "journalists",
    "activist",
    "activists",
    "protesters",
    "civilians",
    "members",
    "children",
    "students",
    "workers",
    "officers",
    "officials",
    "opponents",
    "dissidents",
    "crew",
    "sailors",
    "tourists",
    "nationals",
    "citizens",
    "fighters",
    "militants",
    "rebels",
    "captives",
    "inmates",
    "boy",
    "girl",
    "pair",
    "couple",
];

/// Words of armed violence: an "attack" among them is not a verbal one.
const VIOLENCE: &[&str] = &[
    "killed",
    "killing",
    "kill",
    "wounded",
    "injured",
    "dead",
    "bomb",
    "bombs",
    "troops",
    "forces",
    "soldiers",
    "militants",
    "gunmen",
    "rebels",
    "army",
    "military",
    "armed",
    "weapons",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "terror",
    "terrorist",
    "terrorists",
    "insurgents",
    "militia",
    "militias",
    "suicide",
    "explosion",
    "gunfire",
    "airstrike",
    "airstrikes",
    "civilians",
    "war",
    "shot",
    "gun",
    "guns",
    "knife",
    "fighters",
    "deadly",
    "gunman",
    "rampage",
    "riot",
    "rioting",
];

/// Nouns for places one goes to or leaves ("the village", "hospital").
const PLACE_NOUNS: &[&str] = &[
    "village",
    "villages",
    "town",
    "city",
    "country",
    "area",
    "region",
    "building",
    "scene",
    "house",
    "home",
    "island",
    "camp",
    "base",
    "hospital",
    "hospitals",
    "airport",
    "capital",
    "station",
    "port",
    "compound",
    "embassy",
    "territory",
    "stage",
    "street",
    "streets",
    "square",
    "border",
    "district",
    "province",
    "palace",
];

/// Whether the word is a noun for a place one goes to or leaves.
pub fn is_place_noun(w: &str) -> bool {
    PLACE_NOUNS.contains(&w)
}

/// Weapons that are fired.
const WEAPONS: &[&str] = &[
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "shot",
    "shots",
    "bullet",
    "bullets",
    "shell",
    "shells",
    "mortar",
    "mortars",
    "gun",
    "guns",
    "tear",
    "grenade",
    "grenades",
    "artillery",
    "rounds",
    "torpedo",
    "torpedoes",
    "weapon",
    "weapons",
    "volley",
    "volleys",
    "salvo",
    "warning",
];

/// Words that make an "attack" or a "protest" a matter of words.
const SPEECH: &[&str] = &[
    "comments",
    "remarks",
    "speech",
    "criticised",
    "criticized",
    "criticism",
    "critics",
    "words",
    "saying",
    "article",
    "column",
    "interview",
    "verbally",
];

/// Words of a justice context ("a sentence" of prison, not of grammar);
/// three in an article make it a court story.
pub const JUSTICE: &[&str] = &[
    "jury",
    "verdict",
    "defendant",
    "prosecutor",
    "testify",
    "testified",
    "jail",
    "prison",
    "court",
    "judge",
    "guilty",
    "convicted",
    "custodial",
    "jailed",
    "serve",
    "serving",
    "served",
    "prosecutors",
    "crime",
    "offence",
    "offences",
];

/// Words of a price or fee: a "charge" among them is one for money.
const MONEY_WORDS: &[&str] = &[
    "fee",
    "fees",
    "customers",
    "price",
    "prices",
    "%",
    "tariff",
    "£",
    "$",
    "€",
    "pence",
    "cents",
    "per",
    "interest",
    "rate",
    "rates",
    "batteries",
    "consumers",
];

/// Besides a determiner, words before "offer" or "bid" that show it is a
/// noun.
const NOUN_BEFORE: &[&str] = &[
    "this",
    "that",
    "'s",
    "any",
    "new",
    "formal",
    "hostile",
    "rival",
    "improved",
    "revised",
    "fresh",
    "cash",
    "takeover",
    "initial",
    "final",
    "firm",
    "earlier",
    "latest",
    "higher",
    "bigger",
    "increased",
    "sweetened",
    "original",
    "possible",
    "potential",
    "bona",
    "fide",
    "outline",
    "indicative",
];

/// A number in figures or words ("6", "six").
pub fn is_number(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
        )
}

/// An amount of money in figures ("$52", "£3m", "€10bn").
fn is_amount_word(w: &str) -> bool {
    w.starts_with(['$', '£', '€'])
}

fn is_determiner(w: &str) -> bool {
    DETERMINER_SET.has(w) || matches!(w, "his" | "her" | "their" | "its")
}

/// Whether the word before "offer" or "bid" shows it is a noun.
fn is_noun_before(w: &str) -> bool {
    DETERMINER_SET.has(w) || NOUN_BEFORE.contains(&w)
}

/// A post a person takes or leaves ("became prime minister", "named captain").
pub fn is_post(w: &str) -> bool {
    POST_SET.has(w)
}

/// Kinds of organization one founds, launches, sets up or dissolves
/// ("launched his own party", "set up a company"). Not the lexicon's
/// `ORG_NOUNS` (nouns that mark the name after them as an organization): those
/// hold outlets and plants ("paper", "station", "website", "plant", "maker")
/// that one launches or sets up without founding an organization.
const FOUNDED_ORGS: &[&str] = &[
    "company",
    "firm",
    "business",
    "party",
    "group",
    "band",
    "label",
    "airline",
    "bank",
    "venture",
    "charity",
    "organisation",
    "organization",
    "movement",
    "newspaper",
    "start-up",
    "startup",
    "partnership",
    "coalition",
    "alliance",
    "subsidiary",
    "consortium",
    "agency",
];

/// Nouns by which news refers back to an organization ("the club"), besides
/// the lexicon's `ORG_NOUNS`.
const MORE_ORG_DESCRIPTIONS: &[&str] = &["team", "miner", "corporation", "business", "consortium"];

/// A noun by which news refers back to one organization ("the club", "the
/// firm"): a kind of organization, not a plural ("the companies").
pub fn is_org_description(w: &str) -> bool {
    (ORG_NOUN_SET.has(w) && !ORG_PLURAL_SET.has(w)) || MORE_ORG_DESCRIPTIONS.contains(&w)
}

/// The entries. Order matters only for reading.
pub static ENTRIES: &[Entry] = &[
    // Contact.Meet
    e("@meet:v meetings", MEET).unless(NextWithin(
        2,
        &[
            "expectations", "target", "targets", "demand", "demands", "needs", "deadline",
            "criteria", "standards", "costs", "requirements", "obligations", "criticism",
            "opposition", "resistance", "approval", "scepticism", "skepticism", "condemnation",
            "ends", "challenge", "goals", "goal", "payments", "obligation",
        ],
    )),
    e("@summit:n negotiations", MEET),
    e("talks", MEET).when(Any(&[
        PrevIn(&[
            "peace", "trade", "held", "hold", "holding", "holds", "of", "for", "in", "the",
            "during", "direct", "bilateral", "crisis", "more", "further", "fresh", "new", "secret",
            "formal", "informal", "preliminary", "had", "have", "emergency", "detailed", "merger",
            "takeover", "exploratory", "high-level", "their", "after", "after", "resumed",
        ]),
        NextIn(&["with", "between", "aimed", "over"]),
    ])),
    e("talk", MEET).when(PrevIn(&[
        "a", "had", "long", "detailed", "brief", "private", "frank", "lengthy", "face-to-face",
    ])),
    e("@conference:n", MEET).unless(PrevIn(&["eastern", "western", "champions"])),
    e("dinner", MEET).when(PrevIn(&["a", "at", "hosted", "private", "working", "state"])),
    e("saw", MEET).when(PersonNext),
    e("hosted hosts hosting", MEET).when(PersonNext),
    // Contact.Phone-Write
    e("phoned telephoned emailed e-mailed texted messaged", WRITE),
    e("call calls", WRITE).when(PrevIn(&["phone", "telephone"])),
    e("rang", WRITE).when(PersonNext),
    e("@write:v", WRITE).when(NextIn(&["to"])),
    e("@letter:n", WRITE).unless(PrevIn(&["capital", "cover"])),
    e("email e-mail", WRITE).when(PrevIn(&["an"])),
    e("emails e-mails", WRITE).when(Recipient),
    // "were texting", "was text messaging": someone doing it, not the medium.
    e("texting", WRITE).when(Passive),
    e("face-to-face", MEET).when(NextIn(&["with", "meeting", "talks"])),
    e("text", WRITE).when(Any(&[
        NextIn(&["message", "messages"]),
        All(&[NextIn(&["messaging"]), Passive]),
        PrevIn(&["will", "to", "can", "could", "would", "'ll"]),
    ])),
    // Movement.Transport
    e("@visit:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .unless(NextIn(&[
            "fans", "team", "side", "supporters", "professor", "scholar", "fellow", "hours",
            "rights", "clubs", "teams", "players", "card",
        ])),
    e("@travel:v @trip:n", TRANSPORT)
        .frame(Frame::Intransitive)
        .unless(NextIn(&[
            "industry", "agent", "agents", "firm", "firms", "company", "companies", "sector",
            "insurance", "costs", "market", "writer", "guide", "ban", "group", "operator",
        ])),
    e("@arrive:v arrival", TRANSPORT)
        .frame(Frame::Intransitive)
        .unless(NextWithin(3, &["decision", "conclusion", "figure", "agreement", "verdict"])),
    e("@fly:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(NextIn(&["to", "into", "from", "out", "back", "home", "in"])),
    e("@go:v headed moved", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(All(&[NextIn(&["to", "back"]), PlaceNext])),
    e("@come:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(Any(&[
            NextIn(&["here", "home"]),
            All(&[NextIn(&["to", "from"]), PlaceNext]),
        ])),
    e("@return:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(Any(&[NextIn(&["home"]), All(&[NextIn(&["to"]), PlaceNext])])),
    e("@leave:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(PlaceNext),
    e("@send:v", TRANSPORT)
        .frame(Frame::Sender)
        .when(NextWithin(
            4,
            &[
                "troops", "forces", "soldiers", "weapons", "missiles", "arms", "warships", "ships",
                "jets", "aircraft", "planes", "reinforcements", "tanks", "units", "delegation",
                "envoy", "rockets", "munitions", "ammunition", "fighters", "advisers", "police",
            ],
        )),
    e("@deploy:v @deployment:n", TRANSPORT)
        .frame(Frame::Sender)
        .unless(NextWithin(
            3,
            &[
                "software", "technology", "network", "networks", "system", "systems", "servers",
                "broadband", "service", "services", "version", "code", "app", "applications",
            ],
        )),
    e("@smuggle:v trafficking trafficked", TRANSPORT).frame(Frame::Sender),
    e("@deport:vn @evacuate:vn", TRANSPORT)
        .frame(Frame::Sender),
    // "crossed the border", "landed in Velmora".
    e("@cross:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(NextWithin(3, &["border", "frontier", "channel"])),
    e("@land:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(All(&[NextIn(&["in", "at"]), ToPlace(1)])),
    e("@flee:v exiled", TRANSPORT).frame(Frame::Intransitive),
    // Moving bodily to a place: "flown to hospital", "walked to the stage",
    // "went into the shop", "leaving the town".
    e("@rush:v @walk:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(All(&[Lowercase, ToPlace(3)])),
    // "rushed in to help", "rushed out".
    e("@rush:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(All(&[Lowercase, NextIn(&["in", "out", "back"])])),
    e("@go:v @come:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(All(&[NextWithin(3, &["into"]), ToPlace(3)]))
        .unless(NextWithin(3, &["effect", "force", "chart", "charts", "play", "being"])),
    e("@leave:v", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(NextWithin(3, PLACE_NOUNS))
        .unless(Any(&[NextIn(&["a", "an"]), PrevIn(&["the", "to"]), Passive])),
    e("@tour:n", TRANSPORT)
        .frame(Frame::Intransitive)
        .when(All(&[
            Lowercase,
            PrevIn(&[
                "a", "on", "the", "world", "regional", "national", "european", "farewell", "his",
                "her", "their", "its", "stadium", "concert", "uk", "us", "promotional", "arena",
                "reunion", "sell-out", "lecture", "whistle-stop",
            ]),
        ]))
        .unless(NextIn(&["de", "guide", "operator", "operators", "event", "events", "title"])),
    // Conflict.Attack
    e("@attack:n", ATTACK).unless(Any(&[
        // "options in attack" is football; "died in an attack" is not.
        All(&[PrevIn(&["in"]), Not(&SentenceHas(VIOLENCE))]),
        PrevIn(&[
            "heart", "panic", "asthma", "verbal", "personal", "scathing", "stinging",
            "blistering", "outspoken", "bitter", "savage", "furious", "angry", "virus", "hacker",
        ]),
        SentenceHas(SPEECH),
        NextWithin(3, &["'", "\"", "\u{2018}", "\u{201c}"]),
    ])),
    e("attacked attacking", ATTACK)
        .when(SentenceHas(VIOLENCE))
        .unless(NextIn(&[
            "midfielder", "midfielders", "play", "football", "options", "players", "player",
            "third", "flair", "threat", "intent", "style",
        ])),
    e("airstrike airstrikes air-strike air-strikes bombardment shelling shelled gunfire", ATTACK),
    e("strike strikes", ATTACK).when(PrevIn(&[
        "air", "missile", "drone", "military", "nuclear", "rocket", "pre-emptive", "preemptive",
        "retaliatory", "artillery", "surgical", "terrorist", "suicide",
    ])),
    e("@bomb:v @bomber:n bombings", ATTACK)
        .unless(NextIn(&["at", "scare", "scares", "threat", "threats"])),
    e("fired firing fire", ATTACK)
        .when(Any(&[
            NextIn(&["at", "upon", "into"]),
            NextWithin(4, WEAPONS),
            PrevIn(&["opened", "open", "opening", "returned"]),
        ]))
        // "a fire at the building" is a blaze.
        .unless(All(&[PrevIs(is_determiner), NextIn(&["at", "in"])])),
    e("shot", ATTACK)
        .when(Any(&[Passive, NextIn(&["dead"]), PersonNext]))
        .unless(NextIn(&["put", "putter", "putters"])),
    e("@shooting:n", ATTACK)
        .when(Any(&[
            PrevIn(&["a", "the", "mass", "fatal", "school", "drive-by", "police"]),
            All(&[Lowercase, SentenceHas(VIOLENCE)]),
        ]))
        .unless(NextIn(&[
            "star", "range", "practice", "boots", "stars", "script", "schedule", "location",
            "season", "party",
        ])),
    e("raid raids raided invasion invaded invade invading ambush ambushed", ATTACK),
    e("@war:n", ATTACK).unless(Any(&[
        PrevIn(&[
            "trade", "price", "bidding", "talent", "format", "turf", "culture", "cold", "tariff",
            "ratings", "console", "browser", "pay", "civil-rights",
        ]),
        NextIn(&["chest", "games", "film", "films", "movie", "drama", "memorial", "of"]),
    ])),
    e("fighting", ATTACK)
        .when(Any(&[
            PrevIn(&["heavy", "fierce", "fresh", "renewed", "intense", "the", "street", "factional"]),
            NextIn(&["between", "broke", "erupted", "raged"]),
        ]))
        .unless(NextIn(&["crime", "poverty", "for", "spirit", "fit", "talk"])),
    e("clashes clashed clash", ATTACK).when(SentenceHas(VIOLENCE)),
    // Not "hijack browser settings", not "had a stab at".
    e("@assault:vn @massacre:vn stabbed stabbing hijacked hijacking", ATTACK),
    e("head-butting head-butted head-butt headbutt headbutted headbutting punched", ATTACK),
    e("@explosion:n", ATTACK),
    e("exploded blast blasts", ATTACK).when(SentenceHas(VIOLENCE)),
    // Force against people or property: general violence, battles, a
    // coup, a military intervention, throwing at, burning in a violent scene.
    // "violence" as what happened ("ended in bloody violence"), not as a
    // theme of games, films or policy.
    e("@violence:n", ATTACK)
        .when(Any(&[
            SentenceHas(VIOLENCE),
            PrevIn(&[
                "deadly", "sectarian", "ethnic", "communal", "fresh", "renewed", "mob", "street",
                "gang", "escalating", "rising", "armed", "widespread", "post-election", "bloody",
            ]),
            NextIn(&["erupted", "broke", "flared", "spread", "escalated"]),
        ]))
        .unless(SentenceHas(&[
            "screen", "on-screen", "tv", "television", "game", "games", "film", "films", "movie",
            "cartoon", "gratuitous", "graphic", "fictional", "video", "lyrics", "songs", "media",
            "programmes", "programming", "sex", "domestic",
        ])),
    e("@battle:n", ATTACK).when(PrevIn(&[
        "running", "pitched", "street", "gun", "bloody", "armed", "fierce", "tank",
    ])),
    e("@coup:n", ATTACK).when(Any(&[
        PrevIn(&["military", "attempted", "failed", "bloodless", "army", "abortive", "palace"]),
        NextIn(&["attempt", "attempts", "plot", "plotters", "leader", "leaders", "d'etat", "d'état"]),
        SentenceHas(VIOLENCE),
    ])),
    e("@intervention:n", ATTACK).when(PrevIn(&["military", "armed"])),
    e("@throw:v @hurl:v", ATTACK)
        .when(NextWithin(4, &["at"]))
        .unless(NextWithin(3, &[
            "ball", "towel", "party", "weight", "money", "cash", "support", "book", "everything",
            "it", "them", "resources", "caution",
        ])),
    e("@burn:v @torch:v", ATTACK).when(All(&[HumanPrev, SentenceHas(VIOLENCE)])),
    // Conflict.Demonstrate
    // The people ("protesters", "demonstrators", "rioters") name who takes
    // part, not that it happens: their gathering or marching is the event.
    e("@protest:v", DEMONSTRATE)
        .unless(SentenceHas(&["lodged", "formal", "official"])),
    e("@take:v", DEMONSTRATE)
        .particle("to")
        .when(NextWithin(2, &["streets", "street"])),
    e("@gather:v @assemble:v @blockade:v", DEMONSTRATE).when(SentenceHas(&[
        "protesters", "protestors", "demonstrators", "activists", "rioters", "protest", "rally",
    ])),
    e("@demonstration:n", DEMONSTRATE).unless(NextIn(&["of"])),
    e("@sit-in:n @walkout:n rioting walk-out picket pickets picketing", DEMONSTRATE),
    // "riot police", "riot gear": the unit or kit, not a riot.
    e("riot riots", DEMONSTRATE).unless(NextIn(&[
        "police", "squad", "squads", "officers", "gear", "shield", "shields", "van", "vans",
        "act",
    ])),
    e("@rally:n", DEMONSTRATE)
        .when(Any(&[
            PrevIn(&[
                "a", "mass", "election", "campaign", "opposition", "protest", "huge", "large",
                "big", "peace", "anti-war", "street",
            ]),
            NextIn(&["against", "outside"]),
        ]))
        .unless(SentenceHas(&[
            "shares", "stocks", "market", "markets", "dollar", "prices", "index", "euro", "yen",
            "oil", "bonds", "sterling", "pound", "rallied",
        ])),
    e("@march:v", DEMONSTRATE).when(All(&[
        Lowercase,
        SentenceHas(&[
            "protest", "protesters", "demonstrators", "thousands", "crowds", "supporters", "against",
            "rally",
        ]),
    ])),
    e("strike strikes", DEMONSTRATE).when(Any(&[
        PrevIn(&[
            "general", "hunger", "national", "rail", "postal", "tube", "transport", "teachers",
            "miners", "workers", "staff", "union", "24-hour", "48-hour", "one-day", "two-day",
            "nationwide", "planned", "threatened", "on", "strike", "day-long", "week-long",
            "indefinite", "wildcat", "pilots", "nurses", "doctors", "lecturers",
        ]),
        NextIn(&["action", "ballot", "by", "over"]),
    ])),
    e("striking", DEMONSTRATE).when(NextIn(&[
        "workers", "staff", "miners", "teachers", "employees", "drivers", "nurses", "doctors",
        "pilots",
    ])),
    // Life.Die
    // "lost his life", "lost their lives".
    e("@lose:v", DIE).frame(Frame::Intransitive).when(NextWithin(2, &["life", "lives"])),
    e("slain", DIE),
    e("@die:v", DIE)
        .frame(Frame::Intransitive)
        .unless(NextIn(&["down", "out", "hard"])),
    e("@death:n fatalities perished drowned", DIE)
        .frame(Frame::Intransitive)
        .unless(NextIn(&[
            "penalty", "sentence", "row", "threat", "threats", "metal", "knell", "star", "wish",
        ])),
    e("dead", DIE)
        .frame(Frame::Intransitive)
        .unless(Any(&[
            PrevIn(&["brain", "drop"]),
            NextIn(&[
                "heat", "end", "cert", "ball", "set", "ringer", "wood", "line", "weight", "loss",
                "air",
            ]),
        ])),
    e("passed", DIE).particle("away").frame(Frame::Intransitive),
    e("@murder:vn @assassinate:vn @killing:n killed", DIE)
        .unless(PrevIn(&["made", "make", "making"])),
    // "kill the plan": the base forms need a human object.
    e("kill kills", DIE).when(Any(&[
        HumanNext,
        Passive,
        NextWithin(
            2,
            &["one", "two", "three", "four", "five", "dozens", "hundreds", "thousands", "civilians"],
        ),
    ])),
    e("suicide", DIE)
        .frame(Frame::Intransitive)
        .unless(NextIn(&["bomber", "bombers", "bombing", "bombings", "attack", "attacks", "vest"])),
    // Life.Injure
    e("injured injuring injures wounded wounding maimed", INJURE),
    // "suffered serious injuries": the nouns, unless the sentence is about a
    // player out injured.
    e("@injure:vn @wound:vn", INJURE)
        .when(Any(&[
            PrevIn(&[
                "critical", "life-threatening", "serious", "severe", "minor", "multiple", "fatal",
                "horrific", "gunshot", "shrapnel", "stab", "suffered", "sustained", "suffering",
            ]),
            SentenceHas(VIOLENCE),
        ]))
        .unless(SentenceHas(&[
            "match", "season", "game", "games", "squad", "fitness", "hamstring", "knee", "ankle",
            "groin", "calf", "thigh", "shoulder", "player", "players", "club", "side", "sidelined",
            "coach", "manager", "injury-time", "race", "tournament", "cup",
        ]))
        .unless(NextIn(&["up", "down"])),
    e("hurt", INJURE).when(Any(&[
        PrevIn(&["was", "were", "been", "badly", "seriously", "slightly", "critically", "being"]),
        PersonNext,
    ])),
    // Life
    e("born", BORN).frame(Frame::Intransitive).unless(NextIn(&["out"])),
    e("@marry:v marriage wedding wed weds", MARRY).frame(Frame::Intransitive),
    e("@divorce:v", DIVORCE).frame(Frame::Intransitive),
    // Justice
    e("@arrest:v", ARREST).unless(PrevIn(&["cardiac"])),
    e("@detain:vn @imprison:vn @apprehend:v jailed", ARREST),
    e("@send:v", ARREST).when(All(&[NextWithin(2, &["to"]), NextWithin(3, &["prison", "jail"])])),
    e("jail", ARREST).when(PrevIn(&["to", "will", "would", "could", "be", "been", "and"])),
    e("custody", ARREST)
        .when(PrevIn(&["into", "in", "police"]))
        .unless(NextIn(&["battle", "of", "dispute", "case"])),
    e("captured", ARREST).when(HumanNext),
    e("released freed", RELEASE).when(Any(&[
        NextWithin(3, &["prison", "jail", "custody", "detention", "captivity", "bail"]),
        HumanNext,
        All(&[Passive, HumanPrev]),
    ])),
    e("parole paroled", RELEASE),
    e("charged", CHARGE)
        .when(Any(&[NextIn(&["with", "over", "in"]), Passive, PrevIn(&["who", "those"])]))
        .unless(Any(&[
            PrevIn(&["highly", "emotionally", "politically", "electrically", "fully", "super"]),
            NextIn(&["down", "up", "less", "more", "extra"]),
            SentenceHas(MONEY_WORDS),
        ])),
    e("charge charges", CHARGE)
        .when(Any(&[
            PrevIn(&[
                "criminal", "murder", "corruption", "fraud", "terrorism", "face", "faces", "faced",
                "facing", "drop", "dropped", "dropping", "file", "filed", "bring", "brought",
                "press", "pressed", "deny", "denies", "denied", "denying",
            ]),
            NextWithin(5, &["against"]),
            SentenceHas(JUSTICE),
        ]))
        .unless(Any(&[
            SentenceHas(MONEY_WORDS),
            // "take charge of", "in charge": command, not an accusation.
            PrevIn(&["take", "took", "takes", "taking", "taken", "in", "overall", "sole"]),
        ])),
    e("@indict:vn", CHARGE),
    e("trial", TRIAL)
        .unless(Any(&[
            PrevIn(&["clinical", "drug", "field", "free", "time", "medical", "trial"]),
            NextIn(&["run", "period", "version", "basis", "offer", "and"]),
        ])),
    e("@appear:v", TRIAL).when(All(&[
        NextIn(&["in", "before", "at"]),
        NextWithin(5, &["court", "tribunal", "magistrates", "judge", "dock", "magistrate"]),
    ])),
    e("tried", TRIAL).when(Passive).unless(NextIn(&["to"])),
    e("@hearing:n", TRIAL)
        .when(Any(&[
            PrevIn(&[
                "court", "appeal", "bail", "disciplinary", "preliminary", "extradition", "tribunal",
                "committee", "congressional", "senate", "custody", "sentencing", "parole", "plea",
                "pre-trial", "pretrial", "immigration", "asylum", "committal", "inquest",
            ]),
            // "throughout the hearing" in a court story.
            All(&[PrevIs(is_determiner), CourtStory]),
            All(&[PrevIn(&["a", "the"]), NextIn(&["on", "in", "into", "at", "before"])]),
        ]))
        .unless(NextIn(&["aid", "aids", "loss", "impaired"])),
    e("@conviction:n convicted convict convicts", CONVICT).unless(Any(&[
        PrevIn(&[
            "political", "religious", "deep", "deeply", "strong", "personal", "firm", "moral", "own",
        ]),
        NextIn(&["that"]),
    ])),
    e("guilty", CONVICT).when(PrevIn(&["found", "pleaded", "pleads", "plead", "pleading"])),
    e("sentenced sentencing", SENTENCE),
    e("@sentence:n", SENTENCE).when(Any(&[
        PrevIn(&[
            "jail", "prison", "life", "suspended", "death", "custodial", "lengthy", "maximum",
            "minimum", "harsh", "lenient", "year", "years", "month", "months", "year's", "years'",
        ]),
        SentenceHas(JUSTICE),
    ])),
    e("@sue:v @lawsuit:n", SUE),
    // "got six years", "was given 10 years" in a court story.
    e("@get:v @give:v", SENTENCE)
        .when(All(&[
            CourtStory,
            NextWithin(3, &["years", "year", "months", "month", "life"]),
            Any(&[NextWithinIs(2, is_number), NextWithin(2, &["life"])]),
        ]))
        .unless(NextWithin(4, &[
            "ago", "old", "left", "contract", "deal", "later", "earlier", "off",
        ])),
    e("fined", FINE),
    e("fine", FINE).when(Any(&[
        All(&[PrevIn(&["a", "the"]), NextIn(&["of"])]),
        AmountBefore,
        PrevIn(&["hefty", "heavy", "record", "maximum", "substantial", "imposed", "pay", "paid"]),
    ])),
    e("fines", FINE).unless(NextIn(&["herbes"])),
    e("@appeal:v", APPEAL)
        .when(Any(&[
            NextIn(&["against", "court", "judges", "judge"]),
            NextWithin(3, &["conviction", "convictions", "sentence", "ruling", "verdict", "judgment", "judgement"]),
            PrevIn(&[
                "court", "lodged", "lodge", "lodging", "lost", "lose", "losing", "won", "win",
                "winning", "on",
            ]),
        ]))
        .unless(NextIn(&["for", "to"])),
    e("@acquit:vn", ACQUIT),
    e("cleared", ACQUIT).when(NextIn(&["of"])),
    e("@extradite:vn", EXTRADITE),
    e("@pardon:v", PARDON),
    // Justice.Execute: put to death by the state, not a plan carried out.
    e("@execute:v", EXECUTE)
        .when(Any(&[All(&[Passive, HumanPrev]), HumanNext]))
        .unless(NextWithin(3, &[
            "plan", "plans", "strategy", "order", "orders", "trade", "trades", "contract", "deal",
            "program", "programme", "code", "command", "commands", "task", "tasks", "warrant",
            "search", "transactions", "transaction", "move", "moves", "shot", "pass", "passes",
        ])),
    e("@execution:n", EXECUTE).when(Any(&[
        PrevIn(&["public", "mass", "summary", "extrajudicial", "scheduled"]),
        SentenceHas(&[
            "death", "lethal", "injection", "hanging", "hanged", "firing", "squad", "prisoner",
            "prisoners", "inmate", "convicted", "condemned", "murderer", "sentenced",
        ]),
    ])),
    e("hanged", EXECUTE).when(Passive),
    // Personnel.Start-Position
    e("@appoint:v appointment", START).unless(NextIn(&["with"])),
    e("@hire:v", START).unless(NextIn(&["purchase", "car", "cars"])),
    e("named", START)
        .when(Any(&[NextIn(&["as", "new"]), NextWithinIs(3, is_post)]))
        .unless(NextWithin(4, &["year", "award", "best", "after"])),
    e("@become:v", START)
        .frame(Frame::Intransitive)
        .when(NextWithinIs(3, is_post)),
    e("@take:v", START)
        .frame(Frame::Intransitive)
        .particle("office"),
    e("sworn", START).frame(Frame::Intransitive).particle("in"),
    e("inaugurated inauguration", START).frame(Frame::Intransitive),
    e("promoted", START).when(NextWithinIs(3, is_post)),
    e("took take takes taking", START)
        .frame(Frame::Intransitive)
        .particle("over")
        .when(NextWithin(2, &["as"])),
    // "succeeded X": a person takes X's post.
    e("@succeed:v", START).when(Any(&[PersonNext, NextIn(&["as"])])).unless(NextIn(&["in"])),
    // "took over from X": one takes the post, X leaves it.
    e("@take:v", START)
        .particle("over")
        .when(All(&[NextIn(&["from"]), Any(&[PersonWithin(7), HumanNext])])),
    e("@take:v", END)
        .particle("over")
        .when(All(&[NextIn(&["from"]), Any(&[PersonWithin(7), HumanNext])])),
    // "join the board", "joined the firm as chief executive".
    e("@join:v", START).when(Any(&[
        NextWithin(4, &["board", "cabinet", "payroll", "staff"]),
        All(&[NextWithin(5, &["as"]), NextWithinIs(7, is_post)]),
    ])),
    e("charge", START).when(PrevIn(&["temporary", "caretaker", "interim"])),
    // Personnel.End-Position
    e("@relieve:v", END).when(NextWithin(8, &["duties", "post", "command", "position", "job", "role", "responsibilities"])),
    // "X replaced Y as coach": X takes the post, Y leaves it.
    e("@replace:v", START).when(All(&[PersonWithin(3), NextWithinIs(8, is_post)])),
    e("@replace:v", END).when(All(&[PersonWithin(3), NextWithinIs(8, is_post)])),
    e("@resign:v @resignation:n", END).frame(Frame::Intransitive),
    e("@step:v", END).frame(Frame::Intransitive).particle("down"),
    e("@step:v", END).frame(Frame::Intransitive).particle("aside"),
    e("@stand:v", END).frame(Frame::Intransitive).particle("down"),
    e("quit quits quitting", END)
        .frame(Frame::Intransitive)
        .unless(NextIn(&["smoking", "drinking"])),
    e("@retire:v retirement", END)
        .frame(Frame::Intransitive)
        .unless(Any(&[
            PrevIn(&["a", "the", "of", "early"]),
            NextIn(&[
                "general", "colonel", "judge", "teacher", "banker", "officer", "couple", "people",
                "workers", "staff", "age", "home", "homes", "fund", "funds", "savings", "income",
            ]),
        ])),
    e("fired", END)
        .when(Any(&[PersonNext, Passive]))
        .unless(Any(&[NextIn(&["at", "up", "into"]), NextWithin(4, WEAPONS)])),
    e("sacked sacking axed ousted ouster", END),
    e("sack", END).when(Any(&[PersonNext, PrevIn(&["the", "to"])])),
    e("dismissed", END).when(Any(&[PersonNext, NextIn(&["from"])])),
    e("laid lay", END).particle("off"),
    e("layoffs lay-offs", END),
    e("@leave:v", END)
        .frame(Frame::Intransitive)
        .when(Any(&[
            OrgNext,
            NextWithin(
                3,
                &[
                    "party", "post", "job", "office", "government", "cabinet", "company", "firm",
                    "club", "group", "role", "position", "board", "team", "band",
                ],
            ),
        ]))
        .unless(Any(&[
            PlaceNext,
            PrevIn(&["maternity", "paternity", "sick", "annual", "on"]),
        ])),
    e("departure", END).frame(Frame::Intransitive).when(NextIn(&["from", "as"])),
    // Personnel.Nominate: put forward for a post, not for an award.
    e("@nominate:vn", NOMINATE)
        .when(Any(&[NextWithinIs(5, is_post), NextIn(&["as"])]))
        .unless(NextWithin(6, &[
            "award", "awards", "oscar", "oscars", "grammy", "grammys", "prize", "bafta", "baftas",
            "best", "emmy", "emmys", "globe", "globes", "brit", "brits", "mercury",
        ])),
    // Personnel.Elect
    e("@elect:v @election:n @by-election:n re-elected re-election reelected reelection", ELECT),
    // A win at the polls: winning a seat, the presidency, a term; "a win
    // for the candidate". Not a vote in a chamber or on a show.
    e("@win:vn", ELECT)
        .when(Any(&[
            NextWithin(4, &[
                "seat", "seats", "presidency", "election", "elections", "by-election", "poll",
                "polls", "mandate", "term", "terms", "re-election", "power", "constituency",
            ]),
            All(&[PrevIn(&["a", "the"]), SentenceHas(&["candidate", "candidates"])]),
        ]))
        .unless(SentenceHas(&["match", "game", "cup", "league", "title", "award", "prize"])),
    // Transaction.Transfer-Money
    e("pay", MONEY).when(PrevIn(&[
        "to", "will", "would", "must", "should", "could", "can", "'ll", "may", "might", "cannot",
        "did", "agreed",
    ])),
    e("@payment:n paid pays paying repaid repay", MONEY).unless(Any(&[
        NextIn(&[
            "rise", "rises", "deal", "freeze", "cut", "cuts", "packet", "talks", "dispute", "offer",
            "increase", "gap", "claim", "tv", "attention", "tribute", "homage", "off", "per",
        ]),
        PrevIn(&[
            "equal", "sick", "low", "high", "holiday", "performance", "take-home", "basic",
            "minimum", "their", "his", "her",
        ]),
    ])),
    e("@donate:v @donation:n @loan:n funded funding lent bailout bail-out bribe bribes bribed bribery", MONEY),
    // "forfeit the $8 million": an amount, not a match.
    e("@forfeit:v", MONEY).when(Any(&[NextWithinIs(2, is_amount_word)])),
    e("fund", MONEY).when(PrevIn(&["to", "will", "would", "help", "could"])),
    e("@invest:v @investment:n", MONEY).unless(NextIn(&[
        "bank", "banks", "banking", "vehicle", "vehicles", "fund", "funds", "firm", "firms", "group",
        "house", "trust", "grade", "advice", "adviser", "advisers", "management", "company", "arm",
        "climate",
    ])),
    // Transaction.Transfer-Ownership
    e("@buy:v @purchase:v @buyout:n buy-out buy-outs", OWNERSHIP)
        .unless(NextIn(&["time"])),
    e("@sell:v resale resell resold resells sell-off sell-offs selloff", OWNERSHIP)
        .frame(Frame::Seller)
        .unless(Any(&[
            NextIn(&["out", "-out", "point", "points", "price", "prices", "well"]),
            PrevIn(&["best", "top", "fast", "hard"]),
        ])),
    e("sale", OWNERSHIP)
        .frame(Frame::Seller)
        .when(Any(&[NextIn(&["of"]), PrevIn(&["for", "on"])])),
    // "share sales": sales of things owned, not a firm's turnover.
    e("@sale:n", OWNERSHIP).frame(Frame::Seller).when(PrevIn(&[
        "stock", "share", "asset", "land", "arms", "weapons", "property", "debt", "bond", "stake",
    ])),
    e("@acquire:v @acquisition:n", OWNERSHIP)
        .unless(NextWithin(2, &["taste", "skills", "knowledge", "reputation", "immunity", "status"])),
    e("@takeover:n take-over", OWNERSHIP),
    e("@take:v", OWNERSHIP)
        .particle("over")
        .when(Any(&[OrgNext, NextWithin(3, FOUNDED_ORGS)]))
        .unless(NextWithin(2, &["as"])),
    e("privatisation privatization privatised privatized privatise privatize privatising privatizing nationalise nationalised nationalisation nationalize nationalized nationalization renationalise renationalised renationalisation renationalize renationalization", OWNERSHIP)
        .frame(Frame::Seller),
    e("@bidder:n bid bids", OWNERSHIP)
        .when(Takeover)
        .unless(Any(&[
            NextIn(&["to"]),
            SentenceHas(&["olympic", "olympics", "games", "title", "cup", "election", "league"]),
        ])),
    e("offer offers", OWNERSHIP)
        .when(All(&[Takeover, PrevIs(is_noun_before)]))
        .unless(NextIn(&["to"])),
    // Business
    e("@merge:v @merger:n", MERGE),
    e("combination", MERGE).when(All(&[
        Takeover,
        Any(&[
            PrevIn(&["this", "proposed", "planned", "enlarged"]),
            All(&[PrevIn(&["the"]), OrgNext]),
        ]),
    ])),
    e("@create:v", START_ORG)
        .when(NextWithin(4, FOUNDED_ORGS))
        .unless(Any(&[Passive, NextIn(&["by", "for"])])),
    e("founded co-founded cofounded", START_ORG),
    e("@form:v", START_ORG).when(Any(&[OrgNext, NextWithin(4, FOUNDED_ORGS)])),
    e("@launch:v", START_ORG).when(Any(&[OrgNext, NextWithin(4, FOUNDED_ORGS)])),
    e("set", START_ORG).particle("up").when(NextWithin(4, FOUNDED_ORGS)),
    e("@establish:v", START_ORG).when(NextWithin(4, FOUNDED_ORGS)),
    e("@close:v shut shuts", END_ORG)
        .particle("down")
        .when(Any(&[OrgNext, NextWithin(3, FOUNDED_ORGS)])),
    e("dissolved dissolve dissolves dissolution", END_ORG).when(Any(&[OrgNext, NextWithin(3, FOUNDED_ORGS)])),
    e("@go:v", END_ORG).particle("bust").frame(Frame::Intransitive),
    e("chapter", BANKRUPT).particle("11").frame(Frame::Intransitive),
    // "the firm was wound up".
    e("wound", END_ORG).particle("up").when(All(&[Passive, SentenceHas(FOUNDED_ORGS)])),
    e("@bankruptcy:n bankrupt insolvency insolvent receivership liquidation", BANKRUPT)
        .frame(Frame::Intransitive),
    e("administration", BANKRUPT).frame(Frame::Intransitive).when(PrevIn(&["into"])),
];

/// The word forms an entry's `forms` stands for: typed forms as they are,
/// family references (`@lemma:pos`) by their derived forms.
pub fn expand(forms: &'static str) -> impl Iterator<Item = &'static str> {
    forms.split_whitespace().flat_map(|f| {
        let derived = if f.starts_with('@') {
            let at = FAMILIES.binary_search_by_key(&f, |&(r, _)| r);
            let i = at.unwrap_or_else(|_| panic!("{f}: run scripts/derive-event-families.py"));
            FAMILIES[i].1
        } else {
            f
        };
        derived.split_whitespace()
    })
}

/// FNV-1a over a word's bytes: every word of every sentence is looked up,
/// and the default SipHash costs several times more on such short keys.
#[derive(Clone, Copy)]
pub struct FormHasher(u64);

impl Default for FormHasher {
    fn default() -> Self {
        FormHasher(0xCBF2_9CE4_8422_2325)
    }
}

impl Hasher for FormHasher {
    fn finish(&self) -> u64 {
        newsparse_core::hash::finalize(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
}

/// Trigger entries keyed by word form.
pub type FormMap = HashMap<&'static str, Vec<&'static Entry>, BuildHasherDefault<FormHasher>>;

/// Entries by word form. An entry is listed once under a form, even when
/// its typed forms and a family both give it.
pub fn by_form() -> &'static FormMap {
    static MAP: OnceLock<FormMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = FormMap::default();
        for entry in ENTRIES {
            for form in expand(entry.forms) {
                let list = m.entry(form).or_default();
                if !list.iter().any(|e| std::ptr::eq(*e, entry)) {
                    list.push(entry);
                }
            }
        }
        m
    })
}

/// Whether `word` may be a trigger form: tested before the map is hashed,
/// since most words of a sentence are none. Each form sets a bit for its
/// first, second and last byte and length ([`form_shape`]); a word whose bit
/// is clear is no form.
pub fn may_be_form(word: &str) -> bool {
    static SHAPES: OnceLock<Vec<u64>> = OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        let mut shapes = vec![0u64; FORM_SHAPES / 64];
        for form in by_form().keys() {
            let bit = form_shape(form.as_bytes());
            shapes[bit / 64] |= 1 << (bit % 64);
        }
        shapes
    });
    let bit = form_shape(word.as_bytes());
    shapes[bit / 64] & (1 << (bit % 64)) != 0
}

/// How many bits [`may_be_form`] keeps: a few times the number of forms.
const FORM_SHAPES: usize = 1 << 14;

/// A word's bit among [`FORM_SHAPES`] for its first, second and last byte
/// and its length.
fn form_shape(word: &[u8]) -> usize {
    let byte = |i: Option<&u8>| u32::from(i.copied().unwrap_or(0));
    let shape = byte(word.first())
        | byte(word.get(1)) << 8
        | byte(word.last()) << 16
        | (word.len() as u32) << 24;
    (shape.wrapping_mul(0x9E37_79B1) >> 18) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `expand` finds a family by binary search, and every family the
    /// lexicon names must have been derived (the script was run).
    #[test]
    fn families_are_sorted_and_every_reference_is_derived() {
        assert!(FAMILIES.windows(2).all(|w| w[0].0 < w[1].0));
        let mut refs = std::collections::BTreeSet::new();
        for entry in ENTRIES {
            for f in entry
                .forms
                .split_whitespace()
                .filter(|f| f.starts_with('@'))
            {
                refs.insert(f);
                assert!(FAMILIES.iter().any(|&(r, _)| r == f), "{f} not derived");
            }
        }
        assert_eq!(
            refs.len(),
            FAMILIES.len(),
            "families.rs holds a family no entry names"
        );
    }

    #[test]
    fn every_type_is_an_ace_subtype_and_forms_are_lowercase() {
        let types = [
            MEET,
            WRITE,
            TRANSPORT,
            ATTACK,
            DEMONSTRATE,
            DIE,
            INJURE,
            BORN,
            MARRY,
            DIVORCE,
            ARREST,
            RELEASE,
            CHARGE,
            TRIAL,
            CONVICT,
            SENTENCE,
            SUE,
            FINE,
            APPEAL,
            ACQUIT,
            EXTRADITE,
            PARDON,
            EXECUTE,
            START,
            NOMINATE,
            END,
            ELECT,
            MONEY,
            OWNERSHIP,
            START_ORG,
            MERGE,
            END_ORG,
            BANKRUPT,
        ];
        for entry in ENTRIES {
            assert!(types.contains(&entry.event_type), "{}", entry.event_type);
            for f in entry.forms.split_whitespace() {
                assert_eq!(f, f.to_lowercase(), "{f}");
            }
        }
        assert!(by_form()["resigned"].iter().any(|e| e.event_type == END));
        // Families expand to their derived forms, irregular ones included.
        assert!(by_form()["threw"].iter().any(|e| e.event_type == ATTACK));
        assert!(by_form()["injuries"].iter().any(|e| e.event_type == INJURE));
        assert!(
            by_form()["fired"].len() >= 2,
            "fired is Attack or End-Position"
        );
    }
}
