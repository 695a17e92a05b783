//! What the analysis stages find, as plain data with byte spans.
//! The record stage turns these into the contract's record.

use crate::date::{Date, PartialDate};
use crate::doc::Block;
use crate::span::ByteSpan;

/// The layout stage's output.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Every non-blank region of the text, labelled, in text order.
    pub blocks: Vec<Block>,
    pub title: Option<ByteSpan>,
    pub subtitle: Option<ByteSpan>,
    /// Author names only (no "By", no outlet).
    pub byline: Vec<String>,
    pub dateline: Option<Dateline>,
    /// The publication date, when the text states a real one.
    pub published: Option<Date>,
    pub photos: Vec<PhotoFound>,
    /// News agencies credited in photo credits and the dateline
    /// ("REUTERS" in "REUTERS/Jane Doe", "AP" in "(AP) —"), every printing.
    pub agencies: Vec<ByteSpan>,
    /// People credited outside the text that is read: photographers in photo
    /// credits ("Pia Lund" in "REUTERS/Pia Lund") and the authors the byline
    /// names, every printing.
    pub credited_people: Vec<ByteSpan>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dateline {
    pub span: ByteSpan,
    pub place: Option<String>,
    /// The dateline's date when it names a real day (the year may come from
    /// elsewhere in the article); `None` otherwise.
    pub date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFound {
    pub caption: ByteSpan,
    pub credit: Option<ByteSpan>,
}

/// Entity types the recognizer tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Misc,
}

/// One recognized name occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMention {
    pub kind: EntityKind,
    pub span: ByteSpan,
}

/// One real-world entity of an article, with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntity {
    /// `p1`, `o1`, `l1`…: unique in the article.
    pub id: String,
    pub kind: EntityKind,
    /// The fullest form, without titles.
    pub name: String,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    pub acronym: Option<String>,
    /// Nationality or affiliation adjectives seen with it ("Iranian"), used to
    /// resolve descriptions like "the Iranian leader".
    pub attributes: Vec<String>,
    pub mentions: Vec<ByteSpan>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    Direct,
    Partial,
    Scare,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerFound {
    /// Id of a `FoundEntity`, when the speaker is one.
    pub entity: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFound {
    /// The quoted words, without the marks.
    pub span: ByteSpan,
    pub speaker: Option<SpeakerFound>,
    /// The reporting verb as written.
    pub cue: Option<ByteSpan>,
    pub kind: QuoteKind,
}

/// A time expression with its normalized value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeFound {
    pub span: ByteSpan,
    pub value: PartialDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventFound {
    /// ACE 2005 subtype, e.g. `Contact.Meet`.
    pub event_type: &'static str,
    pub trigger: ByteSpan,
    pub sentence: ByteSpan,
    /// (entity id, role)
    pub participants: Vec<(String, String)>,
    /// (entity id, name)
    pub place: Option<(Option<String>, String)>,
    pub time: Option<TimeFound>,
}

/// The events/time stage's output.
#[derive(Debug, Clone, Default)]
pub struct EventsFound {
    pub events: Vec<EventFound>,
    /// One entry per `Layout::photos`, same order: the caption's normalized date.
    pub photo_dates: Vec<Option<PartialDate>>,
    /// One entry per `Layout::photos`, same order: the place the caption names.
    pub photo_places: Vec<Option<String>>,
    pub warnings: Vec<String>,
}
