//! Across-source analysis: incidents (the same real-world event reported by several
//! sources, with conflicting claims flagged), full-text search over the corpus, and the
//! data behind the timeline and map views (pure data and geometry, no GUI types).

pub mod benchmarks;
pub mod geo;
pub mod incidents;
pub mod search;
pub mod timeline;

pub use incidents::{Conflict, Incident, IncidentIndex, SourceReport, chronology, group_incidents};
pub use search::{Hit, Query, SearchFilters, SearchIndex};
