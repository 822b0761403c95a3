//! Metadata detection: title, outlet, author, URL, publication date, dateline, tags.

use super::Metadata;

/// Detect metadata from the original and clean texts. Nothing is invented.
pub fn detect(_original: &str, clean: &str) -> Metadata {
    // STUB (foundation helper replaces): first line as title.
    let title = clean.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string);
    Metadata { title, ..Default::default() }
}
