//! Events and time stage: ACE 2005 events with participants, place and date.

pub mod time;
pub mod words;

use newsparse_core::{Doc, EventsFound, FoundEntity, Layout};

/// Find time expressions and events in the document.
pub fn analyze(doc: &Doc, layout: &Layout, entities: &[FoundEntity]) -> EventsFound {
    let _ = (doc, entities);
    EventsFound {
        events: vec![],
        photo_dates: vec![None; layout.photos.len()],
        photo_places: vec![None; layout.photos.len()],
        warnings: vec![],
    }
}
