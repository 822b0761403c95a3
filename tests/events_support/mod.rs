//! Helpers shared by the event-rule tests: a document from text, and its events.

use briefing_builder::corpus::{Document, load_bytes};
use briefing_builder::extract::events::extract_events;
use briefing_builder::extract::{Event, sentences};

/// A document loaded from `text` as a user's file would be.
pub fn doc(text: &str) -> Document {
    load_bytes("test.txt", text.as_bytes()).unwrap()
}

/// The events extracted from `text`.
pub fn events(text: &str) -> Vec<Event> {
    let d = doc(text);
    let s = sentences::split(&d.clean);
    extract_events(&d, &s)
}
