//! Atomic file replacement: a save either completes or leaves the previous file untouched.

use std::io::Write;
use std::path::Path;

use super::DraftError;

/// The failure of a save, in words a user understands.
fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::PermissionDenied => "permission denied: the folder or file is read-only".to_string(),
        K::ReadOnlyFilesystem => "the disk or folder is read-only".to_string(),
        K::StorageFull => "the disk is full".to_string(),
        K::QuotaExceeded => "the disk quota is exceeded".to_string(),
        K::NotFound => "the folder does not exist".to_string(),
        K::IsADirectory => "a folder of that name is in the way".to_string(),
        K::NotADirectory => "part of the folder path is a file, not a folder".to_string(),
        K::FileTooLarge => "the file is too large for this disk".to_string(),
        _ => e.to_string(),
    }
}

/// Write `bytes` to `path` atomically: write a temporary file in the same folder, flush,
/// fsync, give it the old file's permissions, rename it over `path`, fsync the folder.
/// On any failure the previous file at `path` is intact and the temporary file is removed.
///
/// When `path` is a symbolic link, the file it points to is replaced (the link stays a link).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), DraftError> {
    let shown = path.display().to_string();
    let resolved;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        resolved.as_path()
    } else {
        path
    };
    let fail = |source: std::io::Error| DraftError::SaveFailed {
        path: shown.clone(),
        reason: describe(&source),
        source,
    };
    if path.is_dir() {
        return Err(fail(std::io::Error::new(std::io::ErrorKind::IsADirectory, "target is a folder")));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name =
        path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "draft".to_string());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.flush().map_err(fail)?;
    // Keep the permissions of the file being replaced (tempfile creates 0600); a new file
    // gets the usual rw-r--r--.
    let perms = match std::fs::metadata(path) {
        Ok(m) => Some(m.permissions()),
        Err(_) => new_file_permissions(),
    };
    if let Some(p) = perms {
        // Not fatal: the content is what matters.
        let _ = tmp.as_file().set_permissions(p);
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    // Make the rename itself durable. Folders cannot be opened for sync on every platform;
    // the data is already safe, so failure here is not an error.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<std::fs::Permissions> {
    None
}
