//! The File ▸ Open Recent list.
//!
//! [`RecentDrafts`] is a plain (de)serialisable value: most recent first, no duplicates, at
//! most [`MAX_RECENT`]. It is persisted as `recent.json` in the data directory
//! ([`super::autosave::data_dir`]) with [`RecentDrafts::load_from`] /
//! [`RecentDrafts::save_to`], so the list survives even when eframe's own storage is reset;
//! being `Serialize`, it can equally be kept in eframe storage.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{DraftError, write_atomic};

/// Most entries kept.
pub const MAX_RECENT: usize = 10;

/// File name of the list in the data directory.
pub const FILE_NAME: &str = "recent.json";

/// Recently opened or saved drafts, most recent first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentDrafts {
    /// The drafts, most recent first.
    pub paths: Vec<PathBuf>,
}

/// Absolute form of a path for comparison (relative paths are joined to the current
/// folder; symlinks are resolved when the file exists).
fn normal(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
    }
}

impl RecentDrafts {
    /// Put `path` first (moving it up if already listed) and keep at most [`MAX_RECENT`].
    pub fn push(&mut self, path: &Path) {
        let p = normal(path);
        self.paths.retain(|q| normal(q) != p);
        self.paths.insert(0, p);
        self.paths.truncate(MAX_RECENT);
    }

    /// Remove `path` (e.g. after it failed to open).
    pub fn remove(&mut self, path: &Path) {
        let p = normal(path);
        self.paths.retain(|q| normal(q) != p);
    }

    /// Drop entries whose file no longer exists.
    pub fn retain_existing(&mut self) {
        self.paths.retain(|p| p.is_file());
    }

    /// Load the list from `dir/recent.json`; a missing or unreadable list is empty (the
    /// list is a convenience, never a reason to fail).
    pub fn load_from(dir: &Path) -> Self {
        let mut list: RecentDrafts = std::fs::read_to_string(dir.join(FILE_NAME))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        list.paths.truncate(MAX_RECENT);
        list
    }

    /// Save the list to `dir/recent.json` atomically, creating `dir` if needed.
    pub fn save_to(&self, dir: &Path) -> Result<(), DraftError> {
        let path = dir.join(FILE_NAME);
        std::fs::create_dir_all(dir).map_err(|source| DraftError::SaveFailed {
            path: path.display().to_string(),
            reason: format!("cannot create the folder {}", dir.display()),
            source,
        })?;
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        write_atomic(&path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_no_duplicates_capped() {
        let mut r = RecentDrafts::default();
        for i in 0..12 {
            r.push(Path::new(&format!("/nonexistent/d{i}.briefing")));
        }
        assert_eq!(r.paths.len(), MAX_RECENT);
        assert_eq!(r.paths[0], PathBuf::from("/nonexistent/d11.briefing"));
        r.push(Path::new("/nonexistent/d5.briefing"));
        assert_eq!(r.paths[0], PathBuf::from("/nonexistent/d5.briefing"));
        assert_eq!(r.paths.iter().filter(|p| p.ends_with("d5.briefing")).count(), 1);
        assert_eq!(r.paths.len(), MAX_RECENT);
        r.remove(Path::new("/nonexistent/d5.briefing"));
        assert!(!r.paths.iter().any(|p| p.ends_with("d5.briefing")));
        r.retain_existing();
        assert!(r.paths.is_empty());
    }
}
