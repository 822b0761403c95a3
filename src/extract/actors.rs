//! Actor lexicon: canonical names and aliases (TTP / Khawarij, ISPR / Armed Forces Media Wing…).

use crate::corpus::Span;

/// An actor mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    /// Byte span in the searched text.
    pub span: Span,
    /// The mention as written.
    pub text: String,
    /// Canonical name ("TTP", "Afghan Taliban", "Pakistan Air Force", "ISPR").
    pub canonical: String,
    /// "state", "military", "armed group", "institution", "person", "country".
    pub kind: String,
}

/// Find known actors in `text`, longest match first, non-overlapping.
pub fn find_actors(text: &str) -> Vec<ActorMention> {
    // STUB (lexicon helper replaces).
    let _ = text;
    Vec::new()
}

/// Canonical name for an alias ("Khawarij" → "TTP", "Inter-Services Public Relations" → "ISPR"),
/// or `None` when the name is not in the lexicon.
pub fn canonical_actor(name: &str) -> Option<&'static str> {
    let _ = name;
    None
}
