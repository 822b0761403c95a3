//! The `export` subcommand: the only place export results touch the file system.

use std::path::Path;

use crate::cli::PaperArg;

/// Run `briefing-builder export`; returns the exit code.
pub fn run(draft: &Path, pdf: Option<&Path>, md: Option<&Path>, paper: PaperArg, no_notes: bool) -> i32 {
    // STUB (export helper completes).
    let _ = (draft, pdf, md, paper, no_notes);
    eprintln!("briefing-builder: export is not implemented yet");
    1
}
