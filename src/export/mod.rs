//! Export of a briefing to Markdown and PDF. Exporters return a `String` or bytes and
//! do no file I/O.
//!
//! One code path decides the content: [`model::ExportDoc::build`] turns the briefing into
//! sections of blocks (paragraphs, quotes with attribution, event tables, incidents,
//! notes, the generated Sources list); [`markdown`] writes that model as CommonMark +
//! GFM, [`pdf`] lays the same model out on the page.

pub mod bench;
pub mod cli;
pub mod markdown;
pub mod model;
pub mod pdf;

use serde::{Deserialize, Serialize};

/// Paper size for the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// Options shared by both exporters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportOptions {
    /// Paper size (PDF only).
    pub paper: Paper,
    /// Include the analyst's notes on picked items.
    pub include_notes: bool,
    /// Include the timeline figure of the briefing's events (PDF only).
    pub include_timeline: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self { paper: Paper::A4, include_notes: true, include_timeline: true }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A bundled font could not be parsed.
    #[error("bundled font could not be loaded: {0}")]
    Font(String),
    /// The PDF writer failed.
    #[error("PDF generation failed: {0}")]
    Pdf(String),
}

pub use markdown::to_markdown;
pub use pdf::to_pdf;
