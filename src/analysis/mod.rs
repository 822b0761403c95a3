//! Across-source analysis: incidents (the same real-world event reported by several
//! sources, with conflicting claims flagged) and full-text search over the corpus.

pub mod incidents;
pub mod search;

pub use incidents::{Conflict, Incident, group_incidents};
