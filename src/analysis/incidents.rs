//! Grouping events into incidents.

use serde::{Deserialize, Serialize};

use crate::extract::Event;

/// A conflicting claim between sources of one incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// "fatalities" or "victims".
    pub field: String,
    /// Each source's claim: (document id, claim as text, claimant).
    pub claims: Vec<(String, String, Option<String>)>,
    /// One plain sentence describing the conflict.
    pub summary: String,
}

/// One real-world incident: events of several documents that report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Indices into the corpus's event list.
    pub events: Vec<usize>,
    /// Merged date (ISO, partial or range).
    pub date: Option<String>,
    /// Merged places as written.
    pub locations: Vec<String>,
    /// Merged canonical actors.
    pub actors: Vec<String>,
    /// ACLED type of the incident.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_type: String,
    /// Document ids of the reporting sources.
    pub sources: Vec<String>,
    /// Most conservative fatality figure.
    pub fatalities_min: Option<u32>,
    /// Highest fatality figure claimed.
    pub fatalities_max: Option<u32>,
    /// Conflicting claims.
    pub conflicts: Vec<Conflict>,
    /// Plain-language summary.
    pub summary: String,
}

/// Group events into incidents. Every event belongs to exactly one incident.
pub fn group_incidents(events: &[Event]) -> Vec<Incident> {
    // STUB (analysis helper replaces): one incident per event.
    events
        .iter()
        .enumerate()
        .map(|(i, e)| Incident {
            events: vec![i],
            date: e.date.clone(),
            locations: e.locations.iter().map(|l| l.text.clone()).collect(),
            actors: e.actors.clone(),
            event_type: e.event_type.clone(),
            sub_type: e.sub_type.clone(),
            sources: vec![e.doc.clone()],
            fatalities_min: e.fatalities,
            fatalities_max: e.fatalities,
            conflicts: Vec::new(),
            summary: e.what.clone(),
        })
        .collect()
}
