//! Plain types shared by every pipeline stage of newsparse.
//!
//! Data flows forward through these types only: each stage crate takes some of
//! them and gives others, and no stage reaches into another stage's internals.
//!
//! Offsets: inside the pipeline every span is a *byte* range into the original
//! source text (`ByteSpan`), because Rust strings index by bytes. The record
//! (the contract) speaks Unicode code points; [`CharIndex`] converts once, when
//! the record is built.

pub mod date;
pub mod doc;
pub mod found;
pub mod hash;
pub mod record;
pub mod span;

pub use date::PartialDate;
pub use doc::{Block, BlockKind, Doc, Paragraph, Sentence, Token};
pub use found::{
    Dateline, EntityKind, EntityMention, EventFound, EventsFound, FoundEntity, Layout, PhotoFound,
    QuoteFound, QuoteKind, SpeakerFound, TimeFound,
};
pub use span::{ByteSpan, CharIndex};
