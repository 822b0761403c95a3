//! Autosave of the working draft and recovery after a crash.
//!
//! The app writes the working draft every [`INTERVAL`] while it has unsaved changes
//! ([`Autosave::write`]), clears it after a clean save or close ([`Autosave::clear`]), and
//! at start asks [`Autosave::recover`] whether an autosave newer than the last explicit save
//! is waiting (the app crashed or was killed) to offer "Restore unsaved work".
//!
//! Where: [`data_dir`] — the per-user data directory (`~/.local/share/briefingbuilder` on
//! Linux, `%APPDATA%\Briefing Builder\data` on Windows, `~/Library/Application
//! Support/org.Briefing-Builder` on macOS), or the folder in the `BRIEFING_BUILDER_DATA_DIR`
//! environment variable. Tests and the GUI's test harness pass their own folder to
//! [`Autosave::new`] instead.
//!
//! The autosave file is an ordinary `.briefing` draft with one extra top-level key,
//! `"autosave": {"saved_at_ms": …, "draft_path": …}`, so a user can also open it by hand.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{Draft, DraftError, from_json, load, write_atomic};
use crate::briefing::Briefing;

/// How often the working draft is autosaved while it has unsaved changes.
pub const INTERVAL: Duration = Duration::from_secs(30);

/// Environment variable that overrides the data directory (autosave, recent drafts).
pub const DATA_DIR_ENV: &str = "BRIEFING_BUILDER_DATA_DIR";

/// File name of the autosave in the data directory.
pub const FILE_NAME: &str = "autosave.briefing";

/// File name an unreadable autosave is moved to, so it neither blocks nor nags at every start.
pub const UNREADABLE_FILE_NAME: &str = "autosave.unreadable.briefing";

/// The per-user data directory: `$BRIEFING_BUILDER_DATA_DIR` if set, else the platform's
/// data directory for the app. `None` when the system has no home directory.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Briefing Builder", "Briefing Builder")
        .map(|p| p.data_dir().to_path_buf())
}

/// True when an autosave is due: never written yet, or [`INTERVAL`] has passed.
pub fn is_due(last_write: Option<Instant>, now: Instant) -> bool {
    last_write.is_none_or(|t| now.saturating_duration_since(t) >= INTERVAL)
}

/// The extra key of an autosave file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutosaveInfo {
    /// When it was written, milliseconds since the Unix epoch.
    pub saved_at_ms: u64,
    /// The draft file the work belongs to; `None` for a briefing never saved.
    pub draft_path: Option<PathBuf>,
}

#[derive(Deserialize)]
struct InfoOnly {
    autosave: Option<AutosaveInfo>,
}

/// Work found by [`Autosave::recover`].
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The autosaved draft.
    pub draft: Draft,
    /// The draft file it belongs to (save there on restore); `None` if never saved.
    pub draft_path: Option<PathBuf>,
    /// When it was autosaved.
    pub saved_at: SystemTime,
}

fn millis(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or(0)
}

/// The autosave slot in one folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Autosave {
    dir: PathBuf,
}

impl Autosave {
    /// The autosave slot in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Autosave { dir: dir.into() }
    }

    /// The slot in [`data_dir`]; `None` when there is no data directory.
    pub fn default_location() -> Option<Self> {
        data_dir().map(Self::new)
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The autosave file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Write the working draft atomically; `draft_path` is the file it was last saved to or
    /// opened from. Returns the time written (for the status bar).
    pub fn write(&self, draft: &Draft, draft_path: Option<&Path>) -> Result<SystemTime, DraftError> {
        let path = self.path();
        std::fs::create_dir_all(&self.dir).map_err(|source| DraftError::SaveFailed {
            path: path.display().to_string(),
            reason: format!("cannot create the folder {}", self.dir.display()),
            source,
        })?;
        let now = SystemTime::now();
        let encode = |e: serde_json::Error| DraftError::SaveFailed {
            path: path.display().to_string(),
            reason: format!("the briefing could not be encoded as JSON: {e}"),
            source: std::io::Error::other(e.to_string()),
        };
        let mut value = serde_json::to_value(draft).map_err(encode)?;
        let info = AutosaveInfo { saved_at_ms: millis(now), draft_path: draft_path.map(Path::to_path_buf) };
        if let Some(obj) = value.as_object_mut() {
            obj.insert("autosave".to_string(), serde_json::to_value(info).map_err(encode)?);
        }
        let mut text = serde_json::to_string_pretty(&value).map_err(encode)?;
        text.push('\n');
        write_atomic(&path, text.as_bytes())?;
        Ok(now)
    }

    /// The autosave, if one is waiting that holds work newer than the last explicit save:
    /// - no autosave file → `None`;
    /// - the draft it belongs to was saved after it, or holds the same briefing → `None`;
    /// - never saved, and the briefing is the empty template → `None`;
    /// - otherwise → the [`Recovery`].
    ///
    /// An unreadable autosave is moved aside to [`UNREADABLE_FILE_NAME`] (so it does not
    /// block every start) and the error says what was wrong.
    pub fn recover(&self) -> Result<Option<Recovery>, DraftError> {
        let path = self.path();
        let shown = path.display().to_string();
        let text = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(DraftError::Io { path: shown, source }),
        };
        let parsed = String::from_utf8(text)
            .map_err(|_| DraftError::Invalid { path: shown.clone(), reason: "not UTF-8 text".to_string() })
            .and_then(|t| from_json(&shown, &t).map(|d| (d, t)));
        let (draft, text) = match parsed {
            Ok(x) => x,
            Err(e) => {
                let _ = std::fs::rename(&path, self.dir.join(UNREADABLE_FILE_NAME));
                return Err(e);
            }
        };
        let info = serde_json::from_str::<InfoOnly>(&text).ok().and_then(|i| i.autosave);
        let file_time = std::fs::metadata(&path).and_then(|m| m.modified()).unwrap_or(UNIX_EPOCH);
        let saved_at_ms = info.as_ref().map(|i| i.saved_at_ms).unwrap_or_else(|| millis(file_time));
        let saved_at = UNIX_EPOCH + Duration::from_millis(saved_at_ms);
        let draft_path = info.and_then(|i| i.draft_path);
        match &draft_path {
            Some(p) => {
                let explicit_newer =
                    std::fs::metadata(p).and_then(|m| m.modified()).is_ok_and(|t| millis(t) > saved_at_ms);
                if explicit_newer {
                    return Ok(None);
                }
                if load(p).is_ok_and(|saved| saved.briefing == draft.briefing) {
                    return Ok(None);
                }
            }
            None if draft.briefing == Briefing::from_template() => return Ok(None),
            None => {}
        }
        Ok(Some(Recovery { draft, draft_path, saved_at }))
    }

    /// Remove the autosave (after a clean save or close). Missing is fine.
    pub fn clear(&self) -> Result<(), DraftError> {
        let path = self.path();
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(DraftError::Io { path: path.display().to_string(), source }),
        }
    }
}
