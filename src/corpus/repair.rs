//! Text repair: glued words, spacing after punctuation, boilerplate removal.

use super::OffsetMap;

/// Repair `original`; returns the clean text, its map back to `original`, and notes.
pub fn repair(original: &str) -> (String, OffsetMap, Vec<String>) {
    // STUB (foundation helper replaces): identity.
    (original.to_string(), OffsetMap::identity(original.len()), Vec::new())
}
