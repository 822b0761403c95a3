//! Corpus ingestion: load files, decode them, repair the text, detect metadata, and keep
//! a map from every byte of clean text back to the original file (provenance).
//!
//! Offsets: [`Span`]s are byte ranges into [`Document::clean`]. [`Anchor`]s are the portable,
//! W3C-Web-Annotation-style form of a span (exact text, prefix, suffix and *character*
//! position) used to find a pick again in a source that may have changed.

mod anchor;
mod decode;
mod fold;
mod metadata;
mod repair;
mod seeds;
mod words;

use std::path::Path;

use serde::{Deserialize, Serialize};

pub use anchor::{Anchor, AnchorCursor, ResolvedAnchor, resolve_anchor};
pub use seeds::embedded_seeds;

/// Largest file accepted for import, in bytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// A byte range into a document's clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// Last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Metadata detected from a document's text. Fields the text does not give stay `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Subtitle / standfirst, when present.
    pub subtitle: Option<String>,
    /// Outlet or publisher ("The Media Line").
    pub outlet: Option<String>,
    /// Author name, or the author's role as given ("The writer heads …").
    pub author: Option<String>,
    /// Source URL.
    pub source_url: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD` (or partial `YYYY-MM`), when the text states it.
    pub published: Option<String>,
    /// Dateline place ("ISLAMABAD").
    pub dateline: Option<String>,
    /// Tags / keywords.
    pub tags: Vec<String>,
}

/// Monotone map from clean-text byte offsets to original-text byte offsets.
///
/// Stored as sorted segments: clean bytes `[clean_start, clean_start + len)` were copied
/// from original bytes `[orig_start, orig_start + len)`. Inserted characters (a space put
/// between two glued words) belong to no segment and map to the next original byte.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    /// `(clean_start, orig_start, len)` triples, sorted by `clean_start`.
    pub segments: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    /// The identity map over `len` bytes.
    pub fn identity(len: usize) -> Self {
        Self { segments: vec![(0, 0, len)] }
    }

    /// Original byte offset for a clean byte offset.
    pub fn to_original(&self, clean: usize) -> usize {
        let idx = self.segments.partition_point(|&(cs, _, _)| cs <= clean);
        if idx == 0 {
            return self.segments.first().map(|&(_, os, _)| os).unwrap_or(0);
        }
        let (cs, os, len) = self.segments[idx - 1];
        if clean < cs + len {
            os + (clean - cs)
        } else {
            // In an inserted gap: map to the start of the next copied segment, or the end.
            self.segments.get(idx).map(|&(_, os2, _)| os2).unwrap_or(os + len)
        }
    }

    /// Original byte range for a clean span.
    pub fn span_to_original(&self, span: Span) -> Span {
        let start = self.to_original(span.start);
        let end = if span.end > span.start { self.to_original(span.end - 1) + 1 } else { start };
        Span::new(start, end.max(start))
    }
}

/// One loaded source document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier within a corpus: the file name, made unique if needed.
    pub id: String,
    /// File name without directory.
    pub file: String,
    /// Where it was loaded from; `None` for embedded seeds and pasted text.
    pub path: Option<std::path::PathBuf>,
    /// The decoded original text, exactly as in the file (after decoding to UTF-8, BOM removed).
    pub original: String,
    /// Repaired, cleaned text shown to the user and used for extraction.
    pub clean: String,
    /// Map from `clean` byte offsets back to `original` byte offsets.
    pub map: OffsetMap,
    /// Detected metadata.
    pub meta: Metadata,
    /// Name of the encoding the file was decoded from ("UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: String,
    /// Non-fatal notes from loading ("decoded as windows-1252", "3 glued words repaired").
    pub notes: Vec<String>,
}

impl Document {
    /// Display title: the detected title, else the file name.
    pub fn display_title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or(&self.file)
    }

    /// The clean text of a span (empty if out of range or not on char boundaries).
    pub fn span_text(&self, span: Span) -> &str {
        self.clean.get(span.start..span.end).unwrap_or("")
    }

    /// The original text a clean span came from.
    pub fn original_text(&self, span: Span) -> &str {
        let o = self.map.span_to_original(span);
        self.original.get(o.start..o.end).unwrap_or("")
    }

    /// A provenance anchor for a span of the clean text.
    pub fn anchor(&self, span: Span) -> Anchor {
        Anchor::from_span(&self.clean, span)
    }
}

/// Why a file could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: cannot read file: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: file is {size} bytes, over the {limit}-byte limit for imported text")]
    TooLarge {
        /// The file.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file holds NUL bytes or other binary data.
    #[error("{path}: looks like a binary file, not text (it contains NUL or control bytes)")]
    Binary {
        /// The file.
        path: String,
    },
    /// The file is empty or holds only white space.
    #[error("{path}: file is empty")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file's extension is not a supported format.
    #[error("{path}: unsupported file type (supported: .txt, .md)")]
    Unsupported {
        /// The file.
        path: String,
    },
}

/// Load one file from disk (`.txt` / `.md`).
pub fn load_path(path: &Path) -> Result<Document, LoadError> {
    let shown = path.display().to_string();
    let ext = path.extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
    if !matches!(ext.as_str(), "txt" | "md" | "markdown" | "text" | "") {
        return Err(LoadError::Unsupported { path: shown });
    }
    let size = std::fs::metadata(path).map_err(|source| LoadError::Io { path: shown.clone(), source })?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { path: shown, size, limit: MAX_FILE_BYTES });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io { path: shown.clone(), source })?;
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
    let mut doc = load_bytes(&file, &bytes)?;
    doc.path = Some(path.to_path_buf());
    Ok(doc)
}

/// Load several files on all cores ([`load_path`] each); results keep the order of `paths`.
/// `loaded` is called once per file as it finishes (from worker threads), for progress.
pub fn load_paths<P: AsRef<Path> + Sync>(
    paths: &[P],
    loaded: impl Fn(&Path) + Sync,
) -> Vec<Result<Document, LoadError>> {
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|p| {
            let r = load_path(p.as_ref());
            loaded(p.as_ref());
            r
        })
        .collect()
}

/// Build a document from a file's bytes: decode, repair, detect metadata.
pub fn load_bytes(file_name: &str, bytes: &[u8]) -> Result<Document, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: file_name.to_string(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let decoded = decode::decode_full(file_name, bytes)?;
    let original = decoded.text;
    let encoding = decoded.encoding;
    if original.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}').is_empty() {
        return Err(LoadError::Empty { path: file_name.to_string() });
    }
    let (clean, map, repair_notes) = repair::repair(&original);
    let meta = metadata::detect(&original, &clean);
    let mut notes: Vec<String> = decoded.note.into_iter().collect();
    notes.extend(repair_notes);
    Ok(Document {
        id: file_name.to_string(),
        file: file_name.to_string(),
        path: None,
        original,
        clean,
        map,
        meta,
        encoding,
        notes,
    })
}

/// Make document ids unique within a corpus (`a.txt`, `a.txt (2)`, …).
pub fn make_ids_unique(docs: &mut [Document]) {
    let mut seen = std::collections::HashSet::new();
    for d in docs.iter_mut() {
        let base = d.id.clone();
        let mut n = 1;
        while !seen.insert(d.id.clone()) {
            n += 1;
            d.id = format!("{base} ({n})");
        }
    }
}
