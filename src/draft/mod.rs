//! Drafts: `.briefing` JSON files with a `schema_version`; atomic save, load with clear
//! errors, migrations of older versions, autosave and crash recovery.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::briefing::Briefing;

/// Schema version written by this build.
pub const SCHEMA_VERSION: u32 = 1;

/// File extension of drafts.
pub const EXTENSION: &str = "briefing";

/// The content of a `.briefing` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Schema version of the file.
    pub schema_version: u32,
    /// The briefing, including snapshots of every cited source.
    pub briefing: Briefing,
    /// Corpus files that were open when the draft was saved.
    #[serde(default)]
    pub corpus_files: Vec<PathBuf>,
}

impl Draft {
    /// A draft of `briefing` at the current schema version.
    pub fn new(briefing: Briefing, corpus_files: Vec<PathBuf>) -> Self {
        Draft { schema_version: SCHEMA_VERSION, briefing, corpus_files }
    }
}

/// Why a draft could not be saved or loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not a valid draft.
    #[error("{path}: not a valid briefing draft: {reason}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong, with line and column where known.
        reason: String,
    },
    /// The file was written by a newer version of the app.
    #[error(
        "{path}: written by a newer Briefing Builder (schema version {found}; this version reads up to {supported}); update the app to open it"
    )]
    TooNew {
        /// The file.
        path: String,
        /// Version in the file.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },
}

/// Serialise a draft to pretty JSON.
pub fn to_json(draft: &Draft) -> String {
    serde_json::to_string_pretty(draft).unwrap_or_default()
}

/// Parse a draft from JSON, migrating older schema versions. `path` is for messages.
pub fn from_json(path: &str, text: &str) -> Result<Draft, DraftError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| DraftError::Invalid { path: path.to_string(), reason: e.to_string() })?;
    let version = value.get("schema_version").and_then(|v| v.as_u64()).ok_or_else(|| DraftError::Invalid {
        path: path.to_string(),
        reason: "missing schema_version".to_string(),
    })? as u32;
    if version > SCHEMA_VERSION {
        return Err(DraftError::TooNew { path: path.to_string(), found: version, supported: SCHEMA_VERSION });
    }
    serde_json::from_value(value)
        .map_err(|e| DraftError::Invalid { path: path.to_string(), reason: e.to_string() })
}

/// Save atomically: write a temporary file in the same folder, flush, rename over `path`.
pub fn save(path: &Path, draft: &Draft) -> Result<(), DraftError> {
    let shown = path.display().to_string();
    let io = |source| DraftError::Io { path: shown.clone(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(to_json(draft).as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// Load a draft from disk.
pub fn load(path: &Path) -> Result<Draft, DraftError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| DraftError::Io { path: shown.clone(), source })?;
    let text = String::from_utf8(bytes)
        .map_err(|e| DraftError::Invalid { path: shown.clone(), reason: format!("not UTF-8 text ({e})") })?;
    from_json(&shown, &text)
}
