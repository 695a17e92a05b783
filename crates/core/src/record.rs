//! The record of the contract (`shared/CONTRACT.md`, v1.1) as Rust types.
//! Field order here is the order fields are written in.

use serde::{Deserialize, Serialize};

/// The version a plain-text input's record says (its fields are all 1.0's).
pub const SCHEMA_VERSION: &str = "1.0";
/// The version a record with any 1.1 field (`text`, `source.format`, `url`,
/// `warc_record_id`) says.
pub const SCHEMA_VERSION_1_1: &str = "1.1";

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
    /// (1.1) The article text rendered from a page, which every span of the
    /// record indexes; absent for plain-text inputs (the spans index the source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
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
    /// (1.1) "html" or "warc"; absent means "text".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<SourceFormat>,
    /// (1.1) The canonical URL or WARC target URI; absent when unknown (a
    /// 1.1 reader takes absent as null).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// (1.1) The WARC-Record-ID of the response record; absent unless WARC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc_record_id: Option<String>,
}

/// What kind of input a record was made from (contract 1.1 `source.format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Html,
    Warc,
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
