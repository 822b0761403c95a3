//! Full-text search over documents, quotes and events.

use std::path::PathBuf;

/// Run `briefing-builder search`; returns the exit code.
pub fn cli_run(query: &str, files: &[PathBuf], json: bool, limit: usize) -> i32 {
    // STUB (analysis helper completes).
    let _ = (query, files, json, limit);
    eprintln!("briefing-builder: search is not implemented yet");
    1
}
