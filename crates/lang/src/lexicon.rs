//! General-knowledge word lists, each in one place with its purpose in its
//! doc comment: titles, offices, role words, organization suffixes and nouns,
//! name particles, work nouns, demonyms, abbreviations, closed-class words.
//! Every list is looked up the same way, through a [`WordSet`] (exact form,
//! or [`WordSet::has_folded`] for any case). [`ALL`] names every set, so tests
//! can check which lists must stay disjoint and that each is used.
//! No names of particular people, organizations or places belong here.

use std::collections::HashSet as StdHashSet;
use std::sync::OnceLock;

type HashSet<T> = StdHashSet<T, foldhash::fast::FixedState>;

/// Courtesy, religious, noble and military titles that stand before a name.
/// Matched with or without a final full stop.
pub const HONORIFICS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Messrs",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Rev",
    "Reverend",
    "Father",
    "Rabbi",
    "Imam",
    "Sheikh",
    "Sheik",
    "Ayatollah",
    "Grand Ayatollah",
    "Hojatoleslam",
    "Mullah",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Pope",
    "Saint",
    "Hon",
];

/// Office and rank titles that stand before a name ("Prime Minister Jane
/// Doe"). Any capitalized word + "Minister"/"Secretary" is also taken as one
/// (see [`is_office_pair`]).
pub const OFFICES: &[&str] = &[
    "President",
    "Vice President",
    "Vice-President",
    "Prime Minister",
    "Deputy Prime Minister",
    "Premier",
    "Chancellor",
    "Minister",
    "Secretary",
    "Secretary of State",
    "Secretary General",
    "Secretary-General",
    "Supreme Leader",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Gov",
    "Mayor",
    "Ambassador",
    "Speaker",
    "Majority Leader",
    "Minority Leader",
    "Majority Whip",
    "Minority Whip",
    "Chairman",
    "Chairwoman",
    "Commissioner",
    "Chief Justice",
    "Attorney General",
    "Attorney-General",
    "Solicitor General",
    "Surgeon General",
    "Inspector General",
    "Director General",
    "Director-General",
    "Lord Chancellor",
    "Chief Constable",
    "Chief Executive",
    "Justice",
    "Judge",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Crown Prince",
    "Emperor",
    "Empress",
    "Duke",
    "Duchess",
    "Sultan",
    "Emir",
    "General",
    "Gen",
    "Lieutenant",
    "Lt",
    "Colonel",
    "Col",
    "Major",
    "Maj",
    "Captain",
    "Capt",
    "Commander",
    "Cmdr",
    "Admiral",
    "Adm",
    "Sergeant",
    "Sgt",
    "Corporal",
    "Cpl",
    "Private",
    "Pvt",
    "Brigadier",
    "Field Marshal",
    "Marshal",
    "Detective",
    "Inspector",
    "Superintendent",
    "Constable",
    "Coach",
    "MP",
    "MEP",
    "MSP",
];

/// Titles written after a name ("Jane Doe MP").
pub const POSTNOMINALS: &[&str] = &[
    "MP", "MEP", "MSP", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD",
];

/// Generational suffixes that belong to a person's name ("Jr").
pub const NAME_SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

/// Nouns that name a position or occupation: they make a phrase next to a
/// name a role ("club manager", "head of the council").
pub const ROLE_NOUNS: &[&str] = &[
    "head",
    "chief",
    "director",
    "manager",
    "leader",
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "economist",
    "executive",
    "founder",
    "co-founder",
    "editor",
    "correspondent",
    "reporter",
    "journalist",
    "presenter",
    "broadcaster",
    "commentator",
    "professor",
    "lecturer",
    "researcher",
    "scientist",
    "engineer",
    "coach",
    "captain",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "keeper",
    "player",
    "referee",
    "owner",
    "boss",
    "commander",
    "general",
    "officer",
    "official",
    "adviser",
    "advisor",
    "member",
    "mp",
    "mep",
    "msp",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "diplomat",
    "judge",
    "lawyer",
    "attorney",
    "prosecutor",
    "deputy",
    "ceo",
    "cfo",
    "coo",
    "partner",
    "consultant",
    "singer",
    "actor",
    "actress",
    "guitarist",
    "drummer",
    "bassist",
    "frontman",
    "musician",
    "rapper",
    "star",
    "writer",
    "author",
    "novelist",
    "poet",
    "producer",
    "critic",
    "designer",
    "campaigner",
    "activist",
    "candidate",
    "cleric",
    "host",
    "treasurer",
    "inventor",
    "architect",
    "banker",
    "investor",
    "entrepreneur",
    "tycoon",
    "billionaire",
    "strategist",
    "expert",
    "specialist",
    "chairperson",
    "vice-president",
    "vice-chairman",
    "king",
    "queen",
    "prince",
    "princess",
    "heir",
    "rival",
    "colleague",
    "champion",
    "winner",
    "boxer",
    "cyclist",
    "runner",
    "athlete",
    "batsman",
    "bowler",
    "winger",
    "forward",
    "negotiator",
    "co-ordinator",
    "coordinator",
    "organiser",
    "organizer",
    "aide",
    "staffer",
    "chairman-elect",
    "mediator",
    "administrator",
    "regulator",
    "controller",
    "supervisor",
    "principal",
    "dean",
    "doctor",
    "surgeon",
    "nurse",
    "soldier",
    "pilot",
    "businessman",
    "businesswoman",
    "comedian",
    "politician",
    "skipper",
    "chief-executive",
    "actor-director",
];

/// Lowercase words that modify a role noun ("shadow foreign secretary",
/// "former club captain").
pub const ROLE_MODIFIERS: &[&str] = &[
    "deputy",
    "shadow",
    "foreign",
    "former",
    "assistant",
    "vice",
    "general",
    "executive",
    "senior",
    "junior",
    "chief",
    "party",
    "team",
    "club",
    "group",
    "opposition",
    "finance",
    "defence",
    "defense",
    "interior",
    "health",
    "home",
    "culture",
    "education",
    "trade",
    "transport",
    "environment",
    "energy",
    "managing",
    "acting",
    "interim",
    "technical",
    "football",
    "research",
    "marketing",
    "sales",
    "financial",
    "operating",
    "founding",
    "national",
    "state",
    "security",
    "intelligence",
    "military",
    "political",
    "economic",
    "company",
    "firm",
    "bank",
    "industry",
    "media",
    "legal",
    "prime",
    "vice-",
    "first",
    "lead",
    "principal",
    "regional",
    "local",
    "joint",
    "co-",
    "new",
    "outgoing",
    "incoming",
    "then",
    "veteran",
    "policy",
    "campaign",
    "communications",
    "press",
    "programme",
    "program",
];

/// Words that end organization names ("… Party", "… Corps", "… Ltd").
pub const ORG_SUFFIXES: &[&str] = &[
    "Party",
    "Corps",
    "Organization",
    "Organisation",
    "Council",
    "Group",
    "Inc",
    "Inc.",
    "Ltd",
    "Ltd.",
    "Limited",
    "plc",
    "PLC",
    "Plc",
    "Corp",
    "Corp.",
    "Corporation",
    "Company",
    "Co",
    "Co.",
    "LLC",
    "LLP",
    "AG",
    "SA",
    "GmbH",
    "NV",
    "Association",
    "Federation",
    "League",
    "Agency",
    "Bank",
    "Institute",
    "Centre",
    "Center",
    "Foundation",
    "Committee",
    "Commission",
    "Force",
    "Forces",
    "Army",
    "Front",
    "Movement",
    "Society",
    "Trust",
    "Holdings",
    "Securities",
    "Fund",
    "University",
    "College",
    "Club",
    "Alliance",
    "Brigade",
    "Brigades",
    "Network",
    "Ministry",
    "Department",
    "Authority",
    "Board",
    "Systems",
    "Technologies",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Partners",
    "Capital",
    "Television",
    "Unit",
    "Directorate",
    "Guard",
    "Guards",
    "Union",
    "Research",
    "Media",
    "Entertainment",
    "Communications",
    "Telecom",
    "Resources",
    "Insurance",
    "Pharmaceuticals",
    "Records",
    "Studios",
    "Pictures",
    "Publishing",
    "Laboratories",
    "Solutions",
    "Electronics",
    "Software",
    "Mining",
    "Petroleum",
    "Theatre",
    "Theater",
    "Parliament",
    "Assembly",
    "Senate",
    "Court",
    "Police",
    "Navy",
];

/// Lowercase byline words that name a desk, a team or an account rather
/// than a person: the vocabulary of newsroom bylines ("Staff", "News
/// Services", "Editorial Board", "Admin"); none is an outlet's name.
pub const BYLINE_ROLES: &[&str] = &[
    "staff",
    "desk",
    "team",
    "editorial",
    "board",
    "admin",
    "administrator",
    "webmaster",
    "newsroom",
    "wire",
    "wires",
    "services",
    "service",
    "contributor",
    "contributors",
    "guest",
    "editors",
    "reporters",
    "writers",
    "media",
    "news",
    "press",
    "agency",
    "agencies",
    "bureau",
    "report",
    "reports",
    "online",
    "digital",
    "blog",
    "magazine",
    "daily",
    "times",
    "post",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "network",
    "channel",
    "radio",
    "tv",
    "television",
    "sports",
    "weekly",
    "inc",
    "llc",
    "ltd",
    "group",
    "publishing",
    "published",
    "updated",
    "posted",
    "sponsored",
    "partner",
    "content",
    "user",
    "anonymous",
    "unknown",
];

/// Common English diminutives of given names, as `short=full` (lowercase):
/// "Maggie Vesk" and "Margaret Vesk" are one person.
pub const NICKNAMES: &[&str] = &[
    "abby=abigail",
    "abe=abraham",
    "al=alan",
    "al=albert",
    "al=alfred",
    "alex=alexander",
    "alex=alexandra",
    "ali=alison",
    "ali=alistair",
    "ally=alison",
    "andi=andrea",
    "andy=andrew",
    "bart=bartholomew",
    "becky=rebecca",
    "bella=isabella",
    "ben=benjamin",
    "bernie=bernard",
    "bert=albert",
    "bert=herbert",
    "beth=elizabeth",
    "betty=elizabeth",
    "bill=william",
    "billy=william",
    "bob=robert",
    "bobby=robert",
    "cathy=catherine",
    "charlie=charles",
    "chris=christina",
    "chris=christine",
    "chris=christopher",
    "chuck=charles",
    "cliff=clifford",
    "connie=constance",
    "dan=daniel",
    "danny=daniel",
    "dave=david",
    "davy=david",
    "deb=deborah",
    "debbie=deborah",
    "dick=richard",
    "don=donald",
    "donny=donald",
    "dot=dorothy",
    "dotty=dorothy",
    "doug=douglas",
    "drew=andrew",
    "ed=edward",
    "eddie=edward",
    "eliza=elizabeth",
    "ellie=eleanor",
    "fanny=frances",
    "fran=frances",
    "frank=francis",
    "frankie=francis",
    "fred=frederick",
    "freddie=frederick",
    "gabby=gabrielle",
    "gabe=gabriel",
    "gene=eugene",
    "greg=gregory",
    "gus=augustus",
    "hal=henry",
    "hank=henry",
    "harry=harold",
    "harry=henry",
    "hattie=harriet",
    "izzy=isabel",
    "izzy=isobel",
    "jack=john",
    "jake=jacob",
    "jamie=james",
    "jan=janet",
    "jeff=jeffrey",
    "jen=jennifer",
    "jenn=jennifer",
    "jenny=jennifer",
    "jerry=gerald",
    "jerry=jerome",
    "jess=jessica",
    "jim=james",
    "jimmy=james",
    "jo=joanna",
    "jo=josephine",
    "joe=joseph",
    "joey=joseph",
    "johnny=john",
    "jon=jonathan",
    "jonny=jonathan",
    "josh=joshua",
    "kate=catherine",
    "kate=katherine",
    "kathy=katherine",
    "kathy=kathleen",
    "katie=catherine",
    "katie=katherine",
    "ken=kenneth",
    "kenny=kenneth",
    "kim=kimberly",
    "kit=christopher",
    "larry=laurence",
    "larry=lawrence",
    "len=leonard",
    "lenny=leonard",
    "leo=leonard",
    "libby=elizabeth",
    "liz=elizabeth",
    "lizzie=elizabeth",
    "lou=louis",
    "lou=louise",
    "maggie=margaret",
    "manny=emmanuel",
    "marty=martin",
    "matt=matthew",
    "max=maximilian",
    "meg=margaret",
    "mel=melanie",
    "mel=melvin",
    "mick=michael",
    "mickey=michael",
    "micky=michael",
    "mike=michael",
    "mitch=mitchell",
    "mo=maureen",
    "nan=nancy",
    "nate=nathan",
    "nate=nathaniel",
    "ned=edward",
    "nell=eleanor",
    "nick=nicholas",
    "nicky=nicola",
    "ollie=oliver",
    "pat=patricia",
    "pat=patrick",
    "peggy=margaret",
    "penny=penelope",
    "pete=peter",
    "phil=philip",
    "phil=phillip",
    "ray=raymond",
    "reg=reginald",
    "rex=reginald",
    "rich=richard",
    "richie=richard",
    "rick=richard",
    "ricky=richard",
    "rob=robert",
    "robbie=robert",
    "rod=rodney",
    "ron=ronald",
    "ronnie=ronald",
    "rosie=rosemary",
    "roz=rosalind",
    "russ=russell",
    "sally=sarah",
    "sam=samantha",
    "sam=samuel",
    "sammy=samuel",
    "sandy=sandra",
    "sid=sidney",
    "sophie=sophia",
    "stan=stanley",
    "steve=stephen",
    "steve=steven",
    "sue=susan",
    "susie=susan",
    "tash=natasha",
    "tasha=natasha",
    "ted=edward",
    "ted=theodore",
    "teddy=edward",
    "teddy=theodore",
    "terry=terence",
    "theo=theodore",
    "tilly=matilda",
    "tim=timothy",
    "timmy=timothy",
    "toby=tobias",
    "tom=thomas",
    "tommy=thomas",
    "tony=anthony",
    "trish=patricia",
    "trudy=gertrude",
    "val=valerie",
    "vic=victor",
    "vicky=victoria",
    "vince=vincent",
    "wally=wallace",
    "walt=walter",
    "wes=wesley",
    "will=william",
    "willy=william",
    "zach=zachary",
];

/// Whether given name `short` is a diminutive of `full` (both lowercase).
pub fn is_nickname_of(short: &str, full: &str) -> bool {
    NICKNAME_SET.has(&format!("{short}={full}"))
}

/// The partners a firm's name adds to its founder's after "and" or "&":
/// "Doe and Associates", "Roe & Sons" are one firm each.
pub const FIRM_PARTNERS: &[&str] = &[
    "Associates",
    "Partners",
    "Sons",
    "Brothers",
    "Daughters",
    "Co",
    "Co.",
    "Company",
];

/// Lowercase nouns for kinds of organization: a name right after one is an
/// organization ("technology firm Acme", "rock band The Xs").
pub const ORG_NOUNS: &[&str] = &[
    "firm",
    "company",
    "group",
    "band",
    "agency",
    "bank",
    "newspaper",
    "paper",
    "magazine",
    "broadcaster",
    "network",
    "channel",
    "carrier",
    "operator",
    "club",
    "party",
    "vehicle",
    "label",
    "studio",
    "publisher",
    "retailer",
    "maker",
    "manufacturer",
    "giant",
    "conglomerate",
    "insurer",
    "airline",
    "chain",
    "charity",
    "union",
    "watchdog",
    "regulator",
    "consultancy",
    "consultants",
    "analysts",
    "outfit",
    "developer",
    "organisation",
    "organization",
    "lobby",
    "think-tank",
    "tabloid",
    "daily",
    "weekly",
    "station",
    "website",
    "start-up",
    "firms",
    "companies",
    "mill",
    "plant",
    "factory",
    "steelmaker",
    "carmaker",
    "automaker",
    "refinery",
    "brewer",
    "supermarket",
    "lender",
];

/// Role nouns that do not say the name before them is an organization:
/// people speak for people ("Doe spokesman Jim Roe") and star in films
/// ("Xyz star Jim Roe").
pub const PERSONAL_ROLES: &[&str] = &[
    "star",
    "actor",
    "actress",
    "winner",
    "champion",
    "nominee",
    "hero",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "deputy",
    "colleague",
    "rival",
    "heir",
    "partner",
    "aide",
];

/// Nouns for people inside an organization: "members of X" names one even
/// when the recognizer tagged X a place.
pub const MEMBER_NOUNS: &[&str] = &[
    "member",
    "members",
    "head",
    "founder",
    "founders",
    "shareholders",
    "employees",
    "staff",
    "fighters",
    "militants",
    "leadership",
];

/// Plural kinds of organization that open a list of them ("groups such as").
pub const ORG_PLURALS: &[&str] = &[
    "groups",
    "firms",
    "companies",
    "parties",
    "militias",
    "clubs",
    "bands",
    "organisations",
    "organizations",
    "factions",
    "banks",
    "agencies",
    "broadcasters",
    "newspapers",
];

/// Lowercase nouns for kinds of land: a name right before one is a place
/// ("the Zorvan border area", "Vastria province"). Not "region": rugby
/// teams are regions.
pub const LAND_NOUNS: &[&str] = &[
    "area",
    "basin",
    "border",
    "coast",
    "crossing",
    "district",
    "governorate",
    "peninsula",
    "prefecture",
    "province",
    "valley",
];

/// Last words of the names of laws, treaties and other documents ("the
/// Patriot Act", "the Kyoto Protocol"): such a name is not an organization.
pub const DOCUMENT_HEADS: &[&str] = &[
    "Act",
    "Accord",
    "Accords",
    "Agreement",
    "Constitution",
    "Convention",
    "Directive",
    "Manifesto",
    "Pact",
    "Protocol",
    "Treaty",
];

/// Nouns for works (films, songs, books): a name right after one, or in a
/// list they open ("songs including X and Y"), is a title, not an entity.
pub const WORK_NOUNS: &[&str] = &[
    "film",
    "films",
    "movie",
    "movies",
    "song",
    "songs",
    "album",
    "albums",
    "single",
    "singles",
    "hit",
    "hits",
    "novel",
    "novels",
    "book",
    "books",
    "drama",
    "dramas",
    "comedy",
    "thriller",
    "musical",
    "opera",
    "blockbuster",
    "blockbusters",
    "documentary",
    "sitcom",
    "series",
    "track",
    "tracks",
    "anthem",
    "ballad",
    "epic",
    "biopic",
    "programme",
    "program",
    "poem",
    "painting",
    "exhibition",
    "memoir",
    "autobiography",
    "biography",
    "sequel",
    "cartoon",
    "essay",
];

/// Role nouns of elected or appointed office for a place ("MP for X").
pub const PLACE_ROLES: &[&str] = &[
    "mp",
    "mep",
    "msp",
    "senator",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "congressman",
    "congresswoman",
];

/// Closed-class words that open sentences capitalized but never start a name.
pub const CLOSED_CLASS: &[&str] = &[
    "like",
    "unlike",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "as",
    "after",
    "before",
    "since",
    "because",
    "although",
    "though",
    "then",
    "now",
    "also",
    "meanwhile",
    "however",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "by",
    "of",
    "to",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "there",
    "here",
    "what",
    "which",
    "who",
    "how",
    "why",
    "where",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "many",
    "most",
    "both",
    "each",
    "every",
    "any",
    "such",
    "even",
    "only",
];

/// Days of the week, as printed (capitalized).
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Months, as printed (capitalized); abbreviations are read by
/// `calendar::month_number`.
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether a capitalized word is a date word (a weekday or a month), not a name.
pub fn is_calendar_word(word: &str) -> bool {
    WEEKDAY_SET.has(word) || MONTH_SET.has(word)
}

/// Abbreviations written with a full stop that never end a sentence: titles
/// before a name, and "No.", "vs." (the tokenizer keeps their stop).
pub const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gov", "Sen", "Rep", "Reps", "Gen", "Col", "Lt",
    "Sgt", "Capt", "Cmdr", "Cdr", "Adm", "Maj", "Cpl", "Pvt", "Rev", "Fr", "Hon", "Pres", "Supt",
    "Insp", "Det", "Atty", "Amb", "Brig", "Lieut", "Cmdt", "Sr", "St", "Mt", "Ft", "vs", "Vs",
    "Nos", "No", "cf", "ca", "approx",
];

/// Abbreviations written with a full stop that end a sentence when a sentence
/// clearly starts after them ("… Acme Inc. The firm …").
pub const FINAL_ABBREVIATIONS: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Mfg", "Dept", "Univ", "Assn", "Ave", "Blvd", "Rd",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon",
    "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "etc", "al", "est", "Est",
];

/// Whether `word` (without its stop) is an abbreviation written with a full
/// stop, in any case ("mr", "Inc", "SEPT").
pub fn is_stopped_abbreviation(word: &str) -> bool {
    STOPLESS_ABBREVIATION_SET.has_folded(word) || FINAL_ABBREVIATION_SET.has_folded(word)
}

/// Capitalized words that start sentences far more often than they follow an
/// abbreviation such as "U.S." or "Inc." inside one.
pub const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Although",
    "Though",
    "However",
    "Meanwhile",
    "Also",
    "Still",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Some",
    "Many",
    "Most",
    "Such",
    "What",
    "Why",
    "How",
    "Who",
    "Mr",
    "Mrs",
    "Ms",
];

/// Words an acronym skips ("Department of Trade and Industry" → "DTI").
pub const FUNCTION_WORDS: &[&str] = &[
    "of", "and", "the", "for", "&", "a", "an", "in", "on", "to", "de", "du", "des", "la", "le",
];

/// Name particles written as separate words ("van der", "bin").
pub const PARTICLES: &[&str] = &[
    "van", "der", "den", "de", "da", "di", "du", "del", "della", "von", "zu", "bin", "ibn", "bint",
    "le", "la", "ter", "ten", "dos", "das", "do", "y", "al", "el", "ben", "st",
];

/// Name particles written joined by a hyphen ("al-", "el-"); compared lowercase.
pub const PARTICLE_PREFIXES: &[&str] = &["al-", "el-", "ad-", "ash-", "as-", "az-", "ar-", "ul-"];

/// Prepositions: a name after one is no subject ("the fine for Doe").
pub const PREPOSITIONS: &[&str] = &[
    "of",
    "by",
    "to",
    "with",
    "for",
    "from",
    "in",
    "at",
    "on",
    "about",
    "against",
    "under",
    "after",
    "before",
    "than",
    "like",
    "as",
    "into",
    "over",
    "between",
    "among",
    "without",
    "through",
    "behind",
    "beside",
    "besides",
    "towards",
    "toward",
    "near",
    "during",
    "including",
];

/// Determiners and possessive pronouns that may open an appositive role.
pub const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their", "our"];

/// Nationality adjectives (demonyms). Adjectives only, no country names.
pub const DEMONYMS: &[&str] = &[
    "Afghan",
    "Albanian",
    "Algerian",
    "American",
    "Angolan",
    "Argentine",
    "Argentinian",
    "Armenian",
    "Australian",
    "Austrian",
    "Azerbaijani",
    "Bahraini",
    "Bangladeshi",
    "Belarusian",
    "Belgian",
    "Bolivian",
    "Bosnian",
    "Brazilian",
    "British",
    "Bulgarian",
    "Burmese",
    "Cambodian",
    "Cameroonian",
    "Canadian",
    "Chilean",
    "Chinese",
    "Colombian",
    "Congolese",
    "Croatian",
    "Cuban",
    "Cypriot",
    "Czech",
    "Danish",
    "Dutch",
    "Ecuadorian",
    "Egyptian",
    "Emirati",
    "English",
    "Eritrean",
    "Estonian",
    "Ethiopian",
    "European",
    "Filipino",
    "Finnish",
    "French",
    "Georgian",
    "German",
    "Ghanaian",
    "Greek",
    "Guatemalan",
    "Haitian",
    "Honduran",
    "Hungarian",
    "Icelandic",
    "Indian",
    "Indonesian",
    "Iranian",
    "Iraqi",
    "Irish",
    "Israeli",
    "Italian",
    "Ivorian",
    "Jamaican",
    "Japanese",
    "Jordanian",
    "Kazakh",
    "Kenyan",
    "Korean",
    "Kosovar",
    "Kurdish",
    "Kuwaiti",
    "Kyrgyz",
    "Lao",
    "Latvian",
    "Lebanese",
    "Liberian",
    "Libyan",
    "Lithuanian",
    "Macedonian",
    "Malaysian",
    "Malian",
    "Maltese",
    "Mexican",
    "Moldovan",
    "Mongolian",
    "Montenegrin",
    "Moroccan",
    "Mozambican",
    "Namibian",
    "Nepalese",
    "Nicaraguan",
    "Nigerian",
    "Norwegian",
    "Omani",
    "Pakistani",
    "Palestinian",
    "Panamanian",
    "Paraguayan",
    "Peruvian",
    "Polish",
    "Portuguese",
    "Qatari",
    "Romanian",
    "Russian",
    "Rwandan",
    "Saudi",
    "Scottish",
    "Senegalese",
    "Serbian",
    "Singaporean",
    "Slovak",
    "Slovenian",
    "Somali",
    "Spanish",
    "Sudanese",
    "Swedish",
    "Swiss",
    "Syrian",
    "Taiwanese",
    "Tajik",
    "Tanzanian",
    "Thai",
    "Tunisian",
    "Turkish",
    "Turkmen",
    "Ugandan",
    "Ukrainian",
    "Uruguayan",
    "Uzbek",
    "Venezuelan",
    "Vietnamese",
    "Welsh",
    "Yemeni",
    "Zambian",
    "Zimbabwean",
];

/// A word list with constant-time lookup, built on first use.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<Exact>,
    /// The words lowercased, for [`WordSet::has_folded`].
    folded: OnceLock<Folded>,
}

/// A list's words lowercased, with the lengths and first bytes they have.
struct Folded {
    words: HashSet<String>,
    min: usize,
    max: usize,
    first_bytes: [u64; 4],
}

impl Folded {
    fn new(list: &'static [&'static str]) -> Self {
        let words: HashSet<String> = list.iter().map(|w| w.to_lowercase()).collect();
        let mut first_bytes = [0u64; 4];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        Folded {
            min: words.iter().map(String::len).min().unwrap_or(0),
            max: words.iter().map(String::len).max().unwrap_or(0),
            words,
            first_bytes,
        }
    }
}

/// A list's words for exact look-ups, with cheap tests that turn most
/// other words away before hashing: the shortest and longest length in
/// bytes, which bytes a word starts with, and a bit per (first byte, last
/// byte, length) of the words (`shape_bit`).
struct Exact {
    words: HashSet<&'static str>,
    min: usize,
    max: usize,
    first_bytes: [u64; 4],
    shapes: [u64; 16],
}

/// A word's bit among 1,024 for its first byte, last byte and length.
#[inline]
fn shape_bit(word: &[u8]) -> usize {
    let (first, last) = match word {
        [] => (0, 0),
        [f, .., l] => (*f, *l),
        [f] => (*f, *f),
    };
    let shape = u32::from(first) | u32::from(last) << 8 | (word.len() as u32) << 16;
    (shape.wrapping_mul(0x9E37_79B1) >> 22) as usize
}

impl Exact {
    fn new(list: &'static [&'static str]) -> Self {
        let mut first_bytes = [0u64; 4];
        let mut shapes = [0u64; 16];
        for w in list {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            let bit = shape_bit(w.as_bytes());
            shapes[bit >> 6] |= 1 << (bit & 63);
        }
        Exact {
            words: list.iter().copied().collect(),
            min: list.iter().map(|w| w.len()).min().unwrap_or(0),
            max: list.iter().map(|w| w.len()).max().unwrap_or(0),
            first_bytes,
            shapes,
        }
    }

    #[inline]
    fn has(&self, word: &str) -> bool {
        if !(self.min..=self.max).contains(&word.len()) {
            return false;
        }
        // The empty word (when listed) has no first byte to test.
        if let Some(&b) = word.as_bytes().first() {
            if self.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
                return false;
            }
        }
        let bit = shape_bit(word.as_bytes());
        self.shapes[bit >> 6] & (1 << (bit & 63)) != 0 && self.words.contains(word)
    }
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> Self {
        WordSet {
            list,
            set: OnceLock::new(),
            folded: OnceLock::new(),
        }
    }
    /// Whether `word` is in the list exactly as written.
    #[inline]
    pub fn has(&self, word: &str) -> bool {
        self.set.get_or_init(|| Exact::new(self.list)).has(word)
    }
    /// Whether `word` is in the list in any case ("MR", "mr" and "Mr").
    pub fn has_folded(&self, word: &str) -> bool {
        let folded = self.folded.get_or_init(|| Folded::new(self.list));
        if word.is_ascii() {
            // Lowercasing ASCII keeps the length and maps the first byte
            // alone: most words are turned away without lowercasing them.
            if !(folded.min..=folded.max).contains(&word.len()) {
                return false;
            }
            if let Some(&b) = word.as_bytes().first() {
                let b = b.to_ascii_lowercase();
                if folded.first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
                    return false;
                }
            }
            // A short word is lowercased on the stack, not in a String.
            let mut buf = [0u8; 32];
            if let Some(lower) = buf.get_mut(..word.len()) {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                let lower = std::str::from_utf8(lower).expect("ASCII stays UTF-8");
                return folded.words.contains(lower);
            }
        }
        if word.chars().any(char::is_uppercase) {
            folded.words.contains(&word.to_lowercase())
        } else {
            folded.words.contains(word)
        }
    }
    /// The words as listed.
    pub fn words(&self) -> &'static [&'static str] {
        self.list
    }
}

macro_rules! sets {
    ($($set:ident = $list:ident;)*) => {
        $(pub static $set: WordSet = WordSet::new($list);)*
        /// Every word set of the lexicon, by the name of its list.
        pub static ALL: &[(&str, &WordSet)] = &[$((stringify!($list), &$set)),*];
    };
}

sets! {
    DEMONYM_SET = DEMONYMS;
    ORG_SUFFIX_SET = ORG_SUFFIXES;
    FIRM_PARTNER_SET = FIRM_PARTNERS;
    NICKNAME_SET = NICKNAMES;
    BYLINE_ROLE_SET = BYLINE_ROLES;
    FUNCTION_WORD_SET = FUNCTION_WORDS;
    PARTICLE_SET = PARTICLES;
    ROLE_NOUN_SET = ROLE_NOUNS;
    ROLE_MODIFIER_SET = ROLE_MODIFIERS;
    ORG_NOUN_SET = ORG_NOUNS;
    ORG_PLURAL_SET = ORG_PLURALS;
    MEMBER_NOUN_SET = MEMBER_NOUNS;
    PLACE_ROLE_SET = PLACE_ROLES;
    PERSONAL_ROLE_SET = PERSONAL_ROLES;
    OFFICE_SET = OFFICES;
    HONORIFIC_SET = HONORIFICS;
    POSTNOMINAL_SET = POSTNOMINALS;
    NAME_SUFFIX_SET = NAME_SUFFIXES;
    DETERMINER_SET = DETERMINERS;
    PREPOSITION_SET = PREPOSITIONS;
    CLOSED_CLASS_SET = CLOSED_CLASS;
    WORK_NOUN_SET = WORK_NOUNS;
    DOCUMENT_HEAD_SET = DOCUMENT_HEADS;
    LAND_NOUN_SET = LAND_NOUNS;
    COMMON_ACRONYM_SET = COMMON_ACRONYMS;
    TITLE_CLAUSE_WORD_SET = TITLE_CLAUSE_WORDS;
    STOPLESS_ABBREVIATION_SET = NON_FINAL_ABBREVIATIONS;
    FINAL_ABBREVIATION_SET = FINAL_ABBREVIATIONS;
    SENTENCE_STARTER_SET = SENTENCE_STARTERS;
    WEEKDAY_SET = WEEKDAYS;
    MONTH_SET = MONTHS;
    REPORTING_VERB_SET = REPORTING_VERBS;
    PASSIVE_AUXILIARY_SET = PASSIVE_AUXILIARIES;
    MALE_TITLE_SET = MALE_TITLES;
    FEMALE_TITLE_SET = FEMALE_TITLES;
    SPEECH_NOUN_SET = SPEECH_NOUNS;
    FACILITY_HEAD_SET = FACILITY_HEADS;
    PRODUCT_NOUN_SET = PRODUCT_NOUNS;
    CURRENCY_WORD_SET = CURRENCY_WORDS;
    DEITY_NAME_SET = DEITY_NAMES;
    POST_SET = POSTS;
}

/// Acronyms that are ordinary nouns (things, formats, honours, jobs), never
/// a name on their own: "a PC", "on TV", "an ID card", "the CEO".
pub const COMMON_ACRONYMS: &[&str] = &[
    "PC", "PCs", "TV", "TVs", "HDTV", "ID", "IDs", "CD", "CDs", "DVD", "DVDs", "VCR", "PVR",
    "PVRs", "LCD", "LED", "HD", "DJ", "DJs", "PR", "OK", "R&B", "DIY", "AWOL", "AI", "IT", "IQ",
    "GSM", "MMS", "SMS", "MP3", "GPS", "USB", "CPU", "RAM", "PDA", "PDAs", "DSL", "ADSL", "VoIP",
    "3G", "4G", "CEO", "CEOs", "CFO", "COO", "IPO", "IPOs", "GDP", "VAT", "HIV", "DNA", "UFO",
    "ATM", "ATMs", "PIN", "FAQ", "CV", "PhD", "MBA", "VIP", "VIPs", "OBE", "MBE", "CBE", "SUV",
    "SUVs", "MRI", "TB", "PM", "MP", "MPs", "MEP", "MEPs", "QC", "QCs", "AGM", "GPRS", "WAP", "SD",
    "FM", "AM", "ISBN", "RSS", "DVR", "DVRs", "IPTV", "UMD", "POW", "POWs", "EPS", "CGI", "HQ",
    "PE", "ICT",
];

pub fn is_common_acronym(word: &str) -> bool {
    COMMON_ACRONYM_SET.has(word)
}

/// Pronouns and verb forms that, capitalized inside a Title Case phrase,
/// make it a clause (a song or film title) rather than a name. Exact case:
/// "I" is left out ("Elizabeth I"), and all-caps forms are headline words.
pub const TITLE_CLAUSE_WORDS: &[&str] = &[
    "Me", "My", "You", "Your", "We", "Our", "Was", "Were", "Is", "Are", "Am", "Been", "Don't",
    "Can't", "Won't", "It's", "I'm", "I'll", "I've", "Ain't",
];

pub fn is_title_clause_word(word: &str) -> bool {
    if word.contains('\u{2019}') {
        return TITLE_CLAUSE_WORD_SET.has(&word.replace('\u{2019}', "'"));
    }
    TITLE_CLAUSE_WORD_SET.has(word)
}

/// `word` without one final full stop, for abbreviation lookups ("Mr." = "Mr").
pub fn bare(word: &str) -> &str {
    word.strip_suffix('.').unwrap_or(word)
}

pub fn is_demonym(word: &str) -> bool {
    DEMONYM_SET.has(word)
}

pub fn is_org_suffix(word: &str) -> bool {
    ORG_SUFFIX_SET.has(word)
}

pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORD_SET.has(lower)
}

pub fn is_particle(lower: &str) -> bool {
    PARTICLE_SET.has(lower)
}

pub fn is_role_noun(lower: &str) -> bool {
    ROLE_NOUN_SET.has(lower)
}

pub fn is_role_modifier(lower: &str) -> bool {
    ROLE_MODIFIER_SET.has(lower)
}

pub fn is_name_suffix(word: &str) -> bool {
    NAME_SUFFIXES.contains(&word)
}

pub fn is_postnominal(word: &str) -> bool {
    POSTNOMINALS.contains(&word)
}

/// "R-Ky.", "D-Calif.", "I-Vt.": a US legislator's party and state, written
/// after the name; an affiliation label, not a place or an organization.
pub fn is_party_designation(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    let Some(state) = word
        .strip_prefix("R-")
        .or_else(|| word.strip_prefix("D-"))
        .or_else(|| word.strip_prefix("I-"))
    else {
        return false;
    };
    let mut chars = state.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && state.len() <= 6
        && chars.all(|c| c.is_ascii_alphabetic() || c == '.')
}

/// "London-based", "Nasdaq-listed", "state-owned": a compound that only
/// premodifies a company or other organization.
pub fn is_company_modifier(word: &str) -> bool {
    const ENDINGS: &[&str] = &["-based", "-listed", "-owned", "-headquartered"];
    // The endings are ASCII, and no other character lowercases to their
    // letters, so comparing the last bytes ASCII-blind is comparing the
    // lowercased word's, without lowercasing it.
    let bytes = word.as_bytes();
    ENDINGS.iter().any(|e| {
        bytes.len() > e.len() && bytes[bytes.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
    })
}

/// "Foreign Minister", "Culture Secretary": a capitalized word (not a
/// demonym) followed by "Minister" or "Secretary".
pub fn is_office_pair(first: &str, second: &str) -> bool {
    matches!(second, "Minister" | "Secretary")
        && first.chars().next().is_some_and(char::is_uppercase)
        && !is_demonym(first)
        && first.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// The demonym of a country name, guessed from the demonym list by spelling
/// ("Kenya" → "Kenyan"): the demonym that extends the name, or the name less
/// its final vowel or "y". Countries whose adjective is spelled differently
/// get none.
pub fn demonym_of(place: &str) -> Option<&'static str> {
    if place.len() < 4 {
        return None;
    }
    // A demonym that extends a word starts with the word's first byte: only
    // those are scanned, in the list's order.
    let starting = |b: u8| {
        static BY_FIRST_BYTE: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
        let by = BY_FIRST_BYTE.get_or_init(|| {
            let mut by = vec![Vec::new(); 256];
            for d in DEMONYMS {
                if let Some(&first) = d.as_bytes().first() {
                    by[usize::from(first)].push(*d);
                }
            }
            by
        });
        by[usize::from(b)].iter().copied()
    };
    if let Some(d) =
        starting(place.as_bytes()[0]).find(|d| d.len() > place.len() && d.starts_with(place))
    {
        return Some(d);
    }
    let stem = place.strip_suffix(['a', 'e', 'y', 'o'])?;
    if stem.len() < 4 {
        return None;
    }
    starting(stem.as_bytes()[0]).find(|d| d.starts_with(stem) && d.len() > stem.len())
}

/// Reporting verbs in the forms news writing uses ("said", "told",
/// "adding"); the "-ing" forms are participles. Bare forms that are mostly
/// nouns ("state", "note", "report", "claim") are left out.
pub const REPORTING_VERBS: &[&str] = &[
    "accused",
    "accuses",
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adds",
    "admit",
    "admits",
    "admitted",
    "agreed",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "answered",
    "argue",
    "argued",
    "argues",
    "ask",
    "asked",
    "asks",
    "asserted",
    "blasted",
    "boasted",
    "branded",
    "call",
    "called",
    "calls",
    "cautioned",
    "claimed",
    "claims",
    "commented",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "concluded",
    "condemned",
    "condemns",
    "confessed",
    "confesses",
    "confirmed",
    "confirms",
    "contended",
    "continued",
    "continues",
    "criticised",
    "criticises",
    "criticized",
    "criticizes",
    "declared",
    "declares",
    "denied",
    "denies",
    "described",
    "describes",
    "dubbed",
    "exclaimed",
    "explain",
    "explained",
    "explains",
    "hinted",
    "insist",
    "insisted",
    "insists",
    "joked",
    "labeled",
    "labelled",
    "lamented",
    "maintained",
    "maintains",
    "mocked",
    "mused",
    "noted",
    "observed",
    "pledged",
    "pledges",
    "posted",
    "praised",
    "praises",
    "predicted",
    "predicts",
    "promised",
    "promises",
    "quipped",
    "quoted",
    "recalled",
    "recalls",
    "reckoned",
    "reckons",
    "remarked",
    "repeated",
    "replied",
    "replies",
    "responded",
    "revealed",
    "reveals",
    "said",
    "say",
    "says",
    "shouted",
    "slammed",
    "stated",
    "stress",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tell",
    "tells",
    "told",
    "tweeted",
    "tweets",
    "urged",
    "urges",
    "vowed",
    "vows",
    "warn",
    "warned",
    "warns",
    "welcomed",
    "welcomes",
    "writes",
    "wrote",
    "accusing",
    "adding",
    "admitting",
    "arguing",
    "asking",
    "branding",
    "calling",
    "citing",
    "claiming",
    "complaining",
    "conceding",
    "condemning",
    "criticising",
    "criticizing",
    "declaring",
    "denying",
    "describing",
    "dubbing",
    "explaining",
    "insisting",
    "labeling",
    "labelling",
    "noting",
    "pledging",
    "praising",
    "predicting",
    "promising",
    "quoting",
    "recalling",
    "revealing",
    "saying",
    "stressing",
    "suggesting",
    "telling",
    "urging",
    "vowing",
    "warning",
    "welcoming",
    "writing",
];

/// Forms of "be" and "get" that make a passive ("was accused", "got told").
pub const PASSIVE_AUXILIARIES: &[&str] = &[
    "was", "were", "been", "being", "be", "is", "are", "am", "got", "get", "gets", "getting", "'s",
    "'re",
];

/// Titles before a name that say the person is a man ("Mr", "Lord").
pub const MALE_TITLES: &[&str] = &[
    "Mr", "Sir", "Lord", "Baron", "King", "Prince", "Father", "Brother", "Sheikh",
];

/// Titles before a name that say the person is a woman ("Mrs", "Dame").
pub const FEMALE_TITLES: &[&str] = &[
    "Mrs", "Ms", "Miss", "Dame", "Lady", "Baroness", "Queen", "Princess", "Sister",
];

/// Nouns for things said or written by someone ("a speech by", "remarks
/// from", "an interview").
pub const SPEECH_NOUNS: &[&str] = &[
    "speech",
    "statement",
    "remarks",
    "comments",
    "letter",
    "interview",
    "address",
    "testimony",
    "message",
    "post",
    "tweet",
    "article",
    "op-ed",
    "column",
    "memo",
    "email",
    "announcement",
];

/// Last words of the names of roads, buildings and venues ("Union Road",
/// "Varn Tower", "Kest Stadium"): such a name is a place, not an organization.
/// Not "Street" ("Downing Street" and "Wall Street" speak for institutions)
/// nor "Circle" (societies are circles too).
pub const FACILITY_HEADS: &[&str] = &[
    "Road",
    "Avenue",
    "Lane",
    "Crescent",
    "Terrace",
    "Parkway",
    "Expressway",
    "Freeway",
    "Drive",
    "Boulevard",
    "Square",
    "Highway",
    "Motorway",
    "Building",
    "Tower",
    "Towers",
    "Stadium",
    "Arena",
    "Bridge",
    "Mall",
];

/// Lowercase nouns for kinds of product, singular: a name right before one is
/// a product ("the Zorvan smartphone", "its Varn X2 tablet"), not an
/// organization. Plurals are left out: "Varn phones" are the maker's.
pub const PRODUCT_NOUNS: &[&str] = &[
    "smartphone",
    "handset",
    "tablet",
    "laptop",
    "console",
    "app",
    "browser",
    "processor",
    "drug",
    "vaccine",
    "sedan",
    "hatchback",
    "suv",
];

/// Currency words written before an amount ("Rs 3,000", "Dh 50", "USD 10").
pub const CURRENCY_WORDS: &[&str] = &[
    "Rs", "Rs.", "INR", "USD", "US$", "EUR", "GBP", "Dh", "Dhs", "AED", "SAR", "QR", "Rp", "Tk",
    "RM", "NZ$", "A$", "C$", "HK$", "S$", "Ksh", "CHF", "JPY", "CNY", "RMB",
];

/// Posts a person is appointed, elected or promoted to, lowercase ("became
/// president", "named captain", "Xco chairman Jim Roe"): offices and
/// executive posts, not occupations or distinctions (not "winner", "actor",
/// "defender", "host", as `ROLE_NOUNS` has them).
pub const POSTS: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "leader",
    "chief",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "manager",
    "coach",
    "captain",
    "governor",
    "mayor",
    "secretary",
    "ambassador",
    "commander",
    "editor",
    "executive",
    "ceo",
    "boss",
    "speaker",
    "spokesman",
    "spokeswoman",
    "king",
    "queen",
    "pope",
    "premier",
    "deputy",
    "general",
    "judge",
    "adviser",
    "advisor",
    "envoy",
    "treasurer",
    "chief-executive",
    "vice-president",
    "senator",
    "mp",
    "mep",
    "ayatollah",
    "commissioner",
    "governor-general",
    "president-elect",
];

/// Names of God as printed ("God", "Allah", "Allahu akbar"): not people of
/// the article.
pub const DEITY_NAMES: &[&str] = &["God", "Allah", "Allahu", "Jehovah", "Yahweh"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_modifiers_read_as_lowercased() {
        for (word, expected) in [
            ("London-based", true),
            ("LONDON-BASED", true),
            ("State-Owned", true),
            ("Zürich-headquartered", true),
            ("-based", false),
            ("Based", false),
            ("London-basedx", false),
            ("Éire-Listed", true),
            ("", false),
        ] {
            assert_eq!(is_company_modifier(word), expected, "{word:?}");
        }
    }

    #[test]
    fn demonyms_are_guessed_from_spelling() {
        assert_eq!(demonym_of("Malta"), Some("Maltese"));
        assert_eq!(demonym_of("Bolivia"), Some("Bolivian"));
        assert_eq!(demonym_of("Peru"), Some("Peruvian"));
        assert_eq!(demonym_of("Oz"), None);
        assert_eq!(demonym_of("Atlantis"), None);
    }

    #[test]
    fn office_pairs_need_a_capitalized_non_demonym() {
        assert!(is_office_pair("Culture", "Secretary"));
        assert!(!is_office_pair("Iranian", "Minister"));
        assert!(!is_office_pair("the", "Minister"));
    }
}
