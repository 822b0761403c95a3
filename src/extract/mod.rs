//! Extraction: sentences, attributed quotes and ACLED-coded events, with dates, places
//! and actors, from a document's clean text. Rule- and lexicon-based; runs offline.

pub mod actors;
pub mod dates;
pub mod events;
mod lexicon;
pub mod places;
pub mod quotes;
pub mod sentences;
pub mod speakers;

use serde::{Deserialize, Serialize};

use crate::corpus::{Anchor, Document, Span};

/// A direct quotation with its attribution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Id of the document it comes from ([`Document::id`]).
    pub doc: String,
    /// The words inside the quotation marks, marks excluded.
    pub text: String,
    /// Byte span of `text` in the document's clean text.
    pub span: Span,
    /// Canonical speaker ("Mohammed Suhail Shaheen", "ISPR", "senior intelligence official").
    pub speaker: String,
    /// The speaker as the attribution nearest the quote gives it ("he added").
    pub speaker_in_text: Option<String>,
    /// Role or affiliation when the text gives it.
    pub role: Option<String>,
    /// Cue verb ("said", "told", "according to").
    pub cue: Option<String>,
    /// 0..1 confidence of the attribution.
    pub confidence: f32,
    /// Provenance anchor of `text`.
    pub anchor: Anchor,
}

/// ACLED event type.
pub const EVENT_TYPES: &[&str] = &[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
];

/// A place mention, with its gazetteer resolution when found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place as written.
    pub text: String,
    /// Resolved gazetteer entry, if any.
    pub place: Option<places::Place>,
}

/// One real-world event reported in a document, coded on the ACLED model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id of the document it comes from.
    pub doc: String,
    /// The sentence reporting it.
    pub evidence: String,
    /// Byte span of `evidence` in the clean text.
    pub span: Span,
    /// Provenance anchor of `evidence`.
    pub anchor: Anchor,
    /// Short plain-language summary ("Pakistani airstrikes in Paktika and Khost").
    pub what: String,
    /// ACLED type (one of [`EVENT_TYPES`]).
    pub event_type: String,
    /// ACLED sub-event type ("Air/drone strike", "Armed clash", …).
    pub sub_type: String,
    /// ISO date, partial date (`2025-10`, `2025`) or range (`2026-02-24/2026-02-26`).
    pub date: Option<String>,
    /// The date expression as written ("last week", "on Friday").
    pub date_text: Option<String>,
    /// Places mentioned for the event.
    pub locations: Vec<Location>,
    /// "Pakistan", "Afghanistan" or "both".
    pub country: Option<String>,
    /// Canonical actor names ("TTP", "Pakistan Air Force").
    pub actors: Vec<String>,
    /// Reported dead under ACLED rules (most conservative figure), if a number is given.
    pub fatalities: Option<u32>,
    /// Who claims the figure ("ISPR").
    pub fatalities_claimed_by: Option<String>,
    /// Who the dead are said to be, with the claimant ("militants according to ISPR").
    pub victims: Option<String>,
    /// The document's publication day (ISO), when known: an undated event happened shortly
    /// before it, which keeps reports of different years from being grouped as one incident.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported: Option<String>,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Attributed quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Events, in text order.
    pub events: Vec<Event>,
}

/// Extract quotes and events from one document.
pub fn extract(doc: &Document) -> Extraction {
    let sentences = sentences::split(&doc.clean);
    let quotes = quotes::extract_quotes(doc, &sentences);
    let events = events::extract_events(doc, &sentences);
    Extraction { quotes, events }
}
