//! The record of the contract (`shared/CONTRACT.md`, v1) as Rust types.
//! Field order here is the order fields are written in.

use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: &str = "1.0";

/// Reads a field that must be present but may be null. (A plain `Option`
/// field would also accept a missing member, which the contract does not:
/// serde only treats a missing member as an error when the field has
/// `deserialize_with`.)
fn nullable<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

/// Code-point span into the source text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// A code-point span with the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub schema_version: String,
    pub id: String,
    pub source: Source,
    pub article: Article,
    pub photos: Vec<Photo>,
    pub people: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub chars: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    #[serde(deserialize_with = "nullable")]
    pub title: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub subtitle: Option<String>,
    pub byline: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub published: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub dateline: Option<RecordDateline>,
    pub language: String,
    pub word_count: u64,
    pub paragraph_count: u64,
    #[serde(deserialize_with = "nullable")]
    pub title_span: Option<Span>,
    #[serde(deserialize_with = "nullable")]
    pub subtitle_span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordDateline {
    #[serde(deserialize_with = "nullable")]
    pub place: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    pub caption: String,
    #[serde(deserialize_with = "nullable")]
    pub credit: Option<String>,
    pub span: Span,
    #[serde(deserialize_with = "nullable")]
    pub credit_span: Option<Span>,
    pub people: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub place: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    #[serde(deserialize_with = "nullable")]
    pub acronym: Option<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    #[serde(rename = "ref")]
    #[serde(deserialize_with = "nullable")]
    pub reference: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub id: String,
    pub text: String,
    pub span: Span,
    #[serde(deserialize_with = "nullable")]
    pub speaker: Option<Speaker>,
    #[serde(deserialize_with = "nullable")]
    pub cue: Option<String>,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    #[serde(rename = "ref")]
    pub reference: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventPlace {
    #[serde(rename = "ref")]
    #[serde(deserialize_with = "nullable")]
    pub reference: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventTime {
    pub text: String,
    pub value: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub trigger: Trigger,
    pub sentence: Span,
    pub participants: Vec<Participant>,
    #[serde(deserialize_with = "nullable")]
    pub place: Option<EventPlace>,
    #[serde(deserialize_with = "nullable")]
    pub time: Option<EventTime>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_members_must_be_present() {
        let speaker: Speaker =
            serde_json::from_str(r#"{"ref": null, "name": "Ana Koro"}"#).unwrap();
        assert_eq!(speaker.reference, None);
        let missing = serde_json::from_str::<Speaker>(r#"{"name": "Ana Koro"}"#);
        assert!(missing
            .unwrap_err()
            .to_string()
            .contains("missing field `ref`"));
    }
}
