//! Drafts: `.briefing` JSON files with a `schema_version`; atomic save, load with clear
//! errors, migrations of older versions, re-anchoring on open, autosave and crash recovery,
//! and the recent-drafts list.
//!
//! A `.briefing` file is one pretty-printed, human-readable JSON object:
//!
//! ```json
//! { "schema_version": 1,
//!   "briefing": { "meta": {…}, "sections": [{ "blocks": [{ "citations": […] }] }],
//!                 "sources": { "<doc id>": { "title": …, "text": "<clean text>" } },
//!                 "next_id": 42 },
//!   "corpus_files": ["/home/…/article.txt"] }
//! ```
//!
//! The briefing carries the clean text and metadata of every source it cites, so a
//! colleague can open it on another machine; `corpus_files` lists the files that were open.
//!
//! - [`save`] writes atomically (temporary file in the same folder, flush, fsync, rename):
//!   a failed save leaves the previous file intact and says so.
//! - [`load`] parses and migrates (see [`migrate`]); every error names the file, and JSON
//!   errors give line and column. [`open`] is [`load`] plus re-anchoring of every citation
//!   ([`reanchor`]) and a check that the corpus files still exist, with an [`OpenReport`].
//! - [`autosave`] keeps the working draft in the user's data directory and offers it back
//!   after a crash; [`recent`] is the File ▸ Open Recent list.

pub mod atomic;
pub mod autosave;
pub mod bench;
pub mod migrate;
pub mod reanchor;
pub mod recent;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::briefing::Briefing;

pub use atomic::write_atomic;
pub use reanchor::{AnchorReport, LostPick, reanchor};

/// Schema version written by this build.
pub const SCHEMA_VERSION: u32 = 1;

/// File extension of drafts.
pub const EXTENSION: &str = "briefing";

/// Largest draft file accepted (drafts hold the text of their sources; 100 long articles
/// are a few MB).
pub const MAX_DRAFT_BYTES: u64 = 256 * 1024 * 1024;

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
    /// Reading failed (missing file, no permission…).
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
    /// Writing failed; the previous file at `path` (if any) is unchanged.
    #[error("{path}: could not save ({reason}); the previous file, if any, is unchanged")]
    SaveFailed {
        /// The file.
        path: String,
        /// What went wrong, in words ("the folder is read-only", "the disk is full", …).
        reason: String,
        /// The OS error.
        source: std::io::Error,
    },
}

impl DraftError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            DraftError::Io { path, .. }
            | DraftError::Invalid { path, .. }
            | DraftError::TooNew { path, .. }
            | DraftError::SaveFailed { path, .. } => path,
        }
    }
}

/// Serialise a draft to pretty JSON (two-space indent, trailing newline).
///
/// Serialising these types cannot fail in practice (every map key is a string, there are
/// no floats); should it ever, this returns an empty string and [`save`] reports an error
/// instead of writing it.
pub fn to_json(draft: &Draft) -> String {
    try_to_json(draft).unwrap_or_default()
}

fn try_to_json(draft: &Draft) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(draft).map(|mut s| {
        s.push('\n');
        s
    })
}

/// Explain a JSON syntax error with its line and column.
fn json_reason(e: &serde_json::Error) -> String {
    let (line, col) = (e.line(), e.column());
    match e.classify() {
        serde_json::error::Category::Eof => {
            format!("the file is truncated: the JSON ends unexpectedly at line {line}, column {col}")
        }
        serde_json::error::Category::Syntax => format!("not valid JSON at line {line}, column {col}: {e}"),
        serde_json::error::Category::Data if line > 0 => {
            format!("a field has the wrong type or is missing at line {line}, column {col}: {e}")
        }
        serde_json::error::Category::Data => format!("a field has the wrong type or is missing: {e}"),
        serde_json::error::Category::Io => format!("read error: {e}"),
    }
}

/// Parse a draft from JSON, migrating older schema versions. `path` is for messages.
pub fn from_json(path: &str, text: &str) -> Result<Draft, DraftError> {
    let invalid = |reason: String| DraftError::Invalid { path: path.to_string(), reason };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(invalid("the file is empty".to_string()));
    }
    if !text.trim_start().starts_with('{') {
        return Err(invalid(
            "expected a JSON object starting with `{` (is this a .briefing file?)".to_string(),
        ));
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| invalid(json_reason(&e)))?;
    let version = migrate::detect_version(&value).map_err(invalid)?;
    if version > SCHEMA_VERSION {
        return Err(DraftError::TooNew { path: path.to_string(), found: version, supported: SCHEMA_VERSION });
    }
    let mut draft: Draft = if version == SCHEMA_VERSION {
        // Parse the text itself so type errors carry line and column.
        serde_json::from_str(text).map_err(|e| invalid(json_reason(&e)))?
    } else {
        let migrated = migrate::migrate(value, version).map_err(|reason| {
            invalid(format!("could not upgrade from schema version {version}: {reason}"))
        })?;
        serde_json::from_value(migrated).map_err(|e| {
            invalid(format!("after upgrading from schema version {version}: {}", json_reason(&e)))
        })?
    };
    draft.schema_version = SCHEMA_VERSION;
    draft.briefing.repair_ids();
    Ok(draft)
}

/// Save atomically: write a temporary file in the same folder, flush, fsync, rename over
/// `path`. On failure the previous file at `path` is intact and the temporary file removed.
pub fn save(path: &Path, draft: &Draft) -> Result<(), DraftError> {
    let json = try_to_json(draft).map_err(|e| DraftError::SaveFailed {
        path: path.display().to_string(),
        reason: format!("the briefing could not be encoded as JSON: {e}"),
        source: std::io::Error::other(e.to_string()),
    })?;
    write_atomic(path, json.as_bytes())
}

/// Load a draft from disk: parse, migrate older versions, make ids consistent. Citations
/// keep the status they were saved with; use [`open`] to re-anchor them.
pub fn load(path: &Path) -> Result<Draft, DraftError> {
    let shown = path.display().to_string();
    let io = |source| DraftError::Io { path: shown.clone(), source };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(DraftError::Invalid { path: shown, reason: "this is a folder, not a file".to_string() });
    }
    if meta.len() > MAX_DRAFT_BYTES {
        return Err(DraftError::Invalid {
            path: shown,
            reason: format!(
                "the file is {} bytes, over the {MAX_DRAFT_BYTES}-byte limit for drafts",
                meta.len()
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|e| DraftError::Invalid {
        path: shown.clone(),
        reason: format!(
            "not UTF-8 text (invalid byte at offset {}); is this a .briefing file?",
            e.utf8_error().valid_up_to()
        ),
    })?;
    from_json(&shown, &text)
}

/// What opening a draft found: citations that moved or were lost, sources missing from the
/// file, corpus files that no longer exist. Nothing in it stops the draft from opening.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OpenReport {
    /// The draft file.
    pub path: PathBuf,
    /// Re-anchoring results.
    pub anchors: AnchorReport,
    /// Corpus files listed in the draft that do not exist (any more) on this machine.
    pub missing_corpus_files: Vec<PathBuf>,
}

impl OpenReport {
    /// True when every citation was found in place and every corpus file exists.
    pub fn is_clean(&self) -> bool {
        self.anchors.moved == 0
            && self.anchors.lost.is_empty()
            && self.anchors.missing_source.is_empty()
            && self.missing_corpus_files.is_empty()
    }

    /// One plain sentence per problem, for the user (empty when clean).
    pub fn messages(&self) -> Vec<String> {
        let p = self.path.display();
        let mut out = Vec::new();
        if self.anchors.moved > 0 {
            out.push(format!(
                "{p}: {} cited passage(s) were found at a different place in their source.",
                self.anchors.moved
            ));
        }
        for l in &self.anchors.lost {
            out.push(format!(
                "{p}: the passage “{}” cited in “{}” can no longer be found in {}; the item is kept and marked as lost.",
                l.excerpt, l.section, l.source
            ));
        }
        for s in &self.anchors.missing_source {
            out.push(format!(
                "{p}: source “{s}” is cited but its text is not in the draft; the items citing it are kept and marked."
            ));
        }
        for f in &self.missing_corpus_files {
            out.push(format!(
                "{p}: corpus file {} no longer exists; the briefing keeps its own copy of every cited source.",
                f.display()
            ));
        }
        out
    }
}

/// A draft opened for editing, with what opening it found.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The draft, with every citation's status updated.
    pub draft: Draft,
    /// What was found.
    pub report: OpenReport,
}

/// Open a draft for editing: [`load`] it, re-anchor every citation in its source snapshot
/// (setting [`crate::briefing::AnchorStatus`]; nothing is dropped) and check that the corpus
/// files it lists still exist.
pub fn open(path: &Path) -> Result<Opened, DraftError> {
    let mut draft = load(path)?;
    let anchors = reanchor(&mut draft.briefing);
    let missing_corpus_files = draft.corpus_files.iter().filter(|f| !f.exists()).cloned().collect();
    Ok(Opened { report: OpenReport { path: path.to_path_buf(), anchors, missing_corpus_files }, draft })
}
