//! Markdown export (CommonMark + GitHub tables and footnotes).

use super::ExportOptions;
use crate::briefing::Briefing;

/// Render a briefing as Markdown.
pub fn to_markdown(briefing: &Briefing, _opts: &ExportOptions) -> String {
    // STUB (export helper replaces).
    let mut out = format!("# {}\n", briefing.meta.title);
    for s in &briefing.sections {
        out.push_str(&format!("\n## {}\n", s.title));
    }
    out
}
