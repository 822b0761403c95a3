//! PDF export: our own layout on printpdf's operation API.

use super::{ExportError, ExportOptions};
use crate::briefing::Briefing;

/// Render a briefing as PDF bytes.
pub fn to_pdf(_briefing: &Briefing, _opts: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    // STUB (export helper replaces).
    Err(ExportError::Pdf("PDF export is not implemented yet".to_string()))
}
