//! Byte decoding: UTF-8 (with or without BOM), UTF-16 with BOM, legacy 8-bit encodings.

use super::LoadError;

/// Decode a file's bytes to text; returns the text and the encoding's name.
/// Refuses binary content (NUL bytes outside UTF-16).
pub fn decode(file_name: &str, bytes: &[u8]) -> Result<(String, String), LoadError> {
    // STUB (foundation helper replaces): UTF-8 only.
    if bytes.contains(&0) {
        return Err(LoadError::Binary { path: file_name.to_string() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Ok((String::from_utf8_lossy(bytes).into_owned(), "UTF-8".to_string()))
}
