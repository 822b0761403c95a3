//! Direct quotations and their attribution (speaker, role, cue verb).

use super::Quote;
use crate::corpus::{Document, Span};

/// Extract attributed quotes from a document.
pub fn extract_quotes(_doc: &Document, _sentences: &[Span]) -> Vec<Quote> {
    // STUB (quotes helper replaces).
    Vec::new()
}
