//! The `export` subcommand: the only place export results touch the file system.

use std::path::Path;

use super::{ExportOptions, Paper};
use crate::cli::PaperArg;

/// Write `bytes` to `path` atomically (see [`crate::draft::write_atomic`]), so a failed
/// export never leaves a truncated file behind and an existing file keeps its permissions.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::draft::write_atomic(path, bytes).map_err(|e| e.to_string())
}

/// Run `briefing-builder export`; returns the exit code.
pub fn run(draft: &Path, pdf: Option<&Path>, md: Option<&Path>, paper: PaperArg, no_notes: bool) -> i32 {
    if pdf.is_none() && md.is_none() {
        eprintln!("briefing-builder: export: nothing to do; give --pdf OUT.pdf and/or --md OUT.md");
        return 2;
    }
    let loaded = match crate::draft::load(draft) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("briefing-builder: {e}");
            return 1;
        }
    };
    let opts = ExportOptions {
        paper: match paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        },
        include_notes: !no_notes,
        ..ExportOptions::default()
    };
    let mut code = 0;
    if let Some(path) = md {
        let text = super::to_markdown(&loaded.briefing, &opts);
        if let Err(e) = write_atomic(path, text.as_bytes()) {
            eprintln!("briefing-builder: {e}");
            code = 1;
        }
    }
    if let Some(path) = pdf {
        match super::to_pdf(&loaded.briefing, &opts) {
            Ok(bytes) => {
                if let Err(e) = write_atomic(path, &bytes) {
                    eprintln!("briefing-builder: {e}");
                    code = 1;
                }
            }
            Err(e) => {
                eprintln!("briefing-builder: {}: {e}", draft.display());
                code = 1;
            }
        }
    }
    code
}
