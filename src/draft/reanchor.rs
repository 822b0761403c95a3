//! Re-anchoring citations when a draft is opened.
//!
//! Each citation is looked up in the source snapshot the draft carries: the exact text at
//! its recorded position, else the occurrence whose prefix/suffix context fits best, else
//! the passage between prefix and suffix ([`crate::corpus::resolve_anchor`]). The result is
//! stored in [`Citation::status`]; a pick that cannot be found is kept and marked
//! [`AnchorStatus::Lost`] (or [`AnchorStatus::MissingSource`]), never dropped.

use crate::briefing::{AnchorStatus, Briefing, Citation, ItemId};
use crate::corpus::{Document, ResolvedAnchor, Span, resolve_anchor};

/// A pick whose cited passage could not be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LostPick {
    /// The block.
    pub block: ItemId,
    /// Title of its section.
    pub section: String,
    /// Document id of the source.
    pub source: String,
    /// The start of the cited text (at most 60 characters).
    pub excerpt: String,
}

/// Counts and details of a re-anchoring pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnchorReport {
    /// Citations found exactly where they were.
    pub exact: usize,
    /// Citations found elsewhere or by their context.
    pub moved: usize,
    /// Picks whose passage is gone from a source that is present.
    pub lost: Vec<LostPick>,
    /// Citations whose source is absent from the draft.
    pub missing_count: usize,
    /// Document ids cited but absent from the draft's sources (each once).
    pub missing_source: Vec<String>,
}

impl AnchorReport {
    /// Total citations looked at.
    pub fn total(&self) -> usize {
        self.exact + self.moved + self.lost.len() + self.missing_count
    }
}

/// The status of one resolution.
pub fn status_of(resolved: &ResolvedAnchor) -> AnchorStatus {
    match resolved {
        ResolvedAnchor::Exact(_) => AnchorStatus::Exact,
        ResolvedAnchor::Moved(_) | ResolvedAnchor::Fuzzy(_) => AnchorStatus::Moved,
        ResolvedAnchor::Lost => AnchorStatus::Lost,
    }
}

fn excerpt(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// Re-anchor every citation of `briefing` in its source snapshot and set its status.
/// Anchors themselves are not changed; blocks are never removed.
pub fn reanchor(briefing: &mut Briefing) -> AnchorReport {
    let mut report = AnchorReport::default();
    let sources = &briefing.sources;
    for section in &mut briefing.sections {
        for block in &mut section.blocks {
            for cite in &mut block.citations {
                match sources.get(&cite.source) {
                    None => {
                        cite.status = AnchorStatus::MissingSource;
                        report.missing_count += 1;
                        if !report.missing_source.contains(&cite.source) {
                            report.missing_source.push(cite.source.clone());
                        }
                    }
                    Some(src) => {
                        cite.status = status_of(&resolve_anchor(&src.text, &cite.anchor));
                        match cite.status {
                            AnchorStatus::Exact => report.exact += 1,
                            AnchorStatus::Moved => report.moved += 1,
                            _ => report.lost.push(LostPick {
                                block: block.id,
                                section: section.title.clone(),
                                source: cite.source.clone(),
                                excerpt: excerpt(&cite.anchor.exact),
                            }),
                        }
                    }
                }
            }
        }
    }
    report
}

/// Find a citation in the live corpus: the loaded document with the cited id, and the span
/// of the passage in its current clean text (for "jump to source"). `None` when the
/// document is not loaded or the passage is gone.
pub fn locate_in_corpus<'a>(citation: &Citation, docs: &'a [Document]) -> Option<(&'a Document, Span)> {
    let doc = docs.iter().find(|d| d.id == citation.source)?;
    resolve_anchor(&doc.clean, &citation.anchor).span().map(|s| (doc, s))
}
