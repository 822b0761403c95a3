//! The `export` subcommand: the only place export results touch the file system.

use std::path::Path;

use super::{ExportOptions, Paper};
use crate::cli::PaperArg;

/// Write `bytes` to `path` atomically (temporary file in the same folder, then rename),
/// so a failed export never leaves a truncated file behind.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let shown = path.display();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if path.is_dir() {
        return Err(format!("{shown}: is a directory"));
    }
    let mut tmp =
        tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("{shown}: cannot write here: {e}"))?;
    tmp.write_all(bytes).map_err(|e| format!("{shown}: {e}"))?;
    tmp.as_file().sync_all().map_err(|e| format!("{shown}: {e}"))?;
    tmp.persist(path).map_err(|e| format!("{shown}: {}", e.error))?;
    Ok(())
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
