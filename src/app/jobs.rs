//! Work that must not run on the UI thread: file dialogs, import + extraction, export,
//! autosave. Each job runs on a named thread and reports over a channel; the UI polls the
//! channel once per frame and never waits.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::analysis::search::SearchIndex;
use crate::briefing::Briefing;
use crate::corpus::{self, Document};
use crate::draft::autosave::Autosave;
use crate::draft::{self, Draft};
use crate::export::{self, ExportOptions};
use crate::pipeline::Corpus;

/// Output formats of the Export menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExportFormat {
    /// Print-quality PDF.
    Pdf,
    /// Markdown.
    Markdown,
}

impl ExportFormat {
    /// File extension without dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "pdf",
            ExportFormat::Markdown => "md",
        }
    }
    /// Human name.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Pdf => "PDF",
            ExportFormat::Markdown => "Markdown",
        }
    }
}

/// What a path (typed in the app or picked in a native dialog) is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a draft.
    Open,
    /// Save the draft under a new name.
    SaveAs,
    /// Import source documents.
    Import,
    /// Export the briefing.
    Export(ExportFormat),
}

impl PathPurpose {
    /// Title of the dialog.
    pub fn title(self) -> String {
        match self {
            PathPurpose::Open => "Open draft".to_string(),
            PathPurpose::SaveAs => "Save draft as".to_string(),
            PathPurpose::Import => "Import documents".to_string(),
            PathPurpose::Export(f) => format!("Export {}", f.name()),
        }
    }
}

/// A message from a background job.
#[derive(Debug)]
pub enum JobMsg {
    /// Fraction done (0..1) and what is happening.
    Progress(f32, String),
    /// A native file dialog closed: the chosen paths, or `None` (cancelled or unavailable).
    Picked(PathPurpose, Option<Vec<PathBuf>>),
    /// Import finished: the rebuilt corpus and one message per file that failed.
    Imported {
        /// The corpus with the new documents, re-extracted.
        corpus: Box<Corpus>,
        /// Number of documents added.
        added: usize,
        /// Errors, one per failed file.
        errors: Vec<String>,
    },
    /// Export finished.
    Exported(Result<PathBuf, String>),
    /// Autosave finished (when it was written).
    Autosaved(Result<std::time::SystemTime, String>),
    /// The full-text index of corpus generation `.0` is ready.
    Indexed(u64, Box<SearchIndex>),
}

/// A running job: its name (shown in the status bar), its last progress, and its channel.
#[derive(Debug)]
pub struct Job {
    /// Short name ("Importing 3 files").
    pub label: String,
    /// Last reported fraction, `None` while unknown.
    pub progress: Option<f32>,
    /// Last reported step.
    pub step: String,
    /// Messages from the thread.
    pub rx: Receiver<JobMsg>,
    /// Housekeeping the status bar does not show (indexing).
    pub silent: bool,
}

/// Wakes the UI when a job reports (an `egui::Context` in the app; nothing in tests).
pub type Waker = std::sync::Arc<dyn Fn() + Send + Sync>;

fn spawn(
    name: &str,
    label: String,
    waker: Waker,
    work: impl FnOnce(&Sender<JobMsg>) + Send + 'static,
) -> Result<Job, String> {
    let (tx, rx) = channel();
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            work(&tx);
            waker();
        })
        .map_err(|e| format!("cannot start background work ({name}): {e}"))?;
    Ok(Job { label, progress: None, step: String::new(), rx, silent: false })
}

/// Show a native file dialog on its own thread (it may block; the UI does not).
pub fn native_dialog(purpose: PathPurpose, suggested: Option<PathBuf>, waker: Waker) -> Result<Job, String> {
    spawn("file-dialog", purpose.title(), waker, move |tx| {
        let mut d = rfd::FileDialog::new().set_title(purpose.title());
        if let Some(s) = &suggested {
            if let Some(dir) = s.parent().filter(|p| !p.as_os_str().is_empty()) {
                d = d.set_directory(dir);
            }
            if let Some(name) = s.file_name() {
                d = d.set_file_name(name.to_string_lossy());
            }
        }
        let picked = match purpose {
            PathPurpose::Open => {
                d.add_filter("Briefing draft", &[draft::EXTENSION]).pick_file().map(|p| vec![p])
            }
            PathPurpose::Import => d.add_filter("Text", &["txt", "md", "markdown", "text"]).pick_files(),
            PathPurpose::SaveAs => {
                d.add_filter("Briefing draft", &[draft::EXTENSION]).save_file().map(|p| vec![p])
            }
            PathPurpose::Export(f) => d.add_filter(f.name(), &[f.extension()]).save_file().map(|p| vec![p]),
        };
        let _ = tx.send(JobMsg::Picked(purpose, picked));
    })
}

/// Load `paths`, add them to `existing`, and re-extract the whole corpus.
pub fn import(existing: Vec<Document>, paths: Vec<PathBuf>, waker: Waker) -> Result<Job, String> {
    let n = paths.len();
    let label = if n == 1 { "Importing 1 file".to_string() } else { format!("Importing {n} files") };
    let w = waker.clone();
    let mut job = spawn("import", label, waker, move |tx| {
        let mut docs = existing;
        let mut errors = Vec::new();
        let mut added = 0;
        // Files are read and cleaned on all cores; results keep the order of `paths`.
        let done = AtomicUsize::new(0);
        let loaded = corpus::load_paths(&paths, |p| {
            let i = done.fetch_add(1, Ordering::Relaxed) + 1;
            let _ = tx.send(JobMsg::Progress(i as f32 / (n as f32 + 1.0), format!("Read {}", p.display())));
            w();
        });
        for r in loaded {
            match r {
                Ok(d) => {
                    docs.push(d);
                    added += 1;
                }
                Err(e) => errors.push(e.to_string()),
            }
        }
        corpus::make_ids_unique(&mut docs);
        let _ = tx
            .send(JobMsg::Progress(n as f32 / (n as f32 + 1.0), "Extracting quotes and events".to_string()));
        w();
        let corpus = Corpus::build(docs);
        let _ = tx.send(JobMsg::Imported { corpus: Box::new(corpus), added, errors });
    })?;
    // A determinate bar from the start (no spinner animating while files are read).
    job.progress = Some(0.0);
    Ok(job)
}

/// Build the full-text search index of a corpus (documents, quotes, events).
pub fn build_index(corpus: Corpus, generation: u64, waker: Waker) -> Result<Job, String> {
    let mut job = spawn("search-index", "Indexing".to_string(), waker, move |tx| {
        let index = SearchIndex::build(&corpus);
        let _ = tx.send(JobMsg::Indexed(generation, Box::new(index)));
    })?;
    job.silent = true;
    Ok(job)
}

/// Render and write the briefing.
pub fn export(
    briefing: Briefing,
    format: ExportFormat,
    path: PathBuf,
    opts: ExportOptions,
    waker: Waker,
) -> Result<Job, String> {
    spawn("export", format!("Exporting {}", format.name()), waker, move |tx| {
        let _ = tx.send(JobMsg::Progress(0.1, format!("Rendering {}", format.name())));
        let bytes = match format {
            ExportFormat::Markdown => Ok(export::to_markdown(&briefing, &opts).into_bytes()),
            ExportFormat::Pdf => export::to_pdf(&briefing, &opts).map_err(|e| e.to_string()),
        };
        let result = bytes.and_then(|b| {
            let _ = tx.send(JobMsg::Progress(0.8, format!("Writing {}", path.display())));
            write_atomic(&path, &b).map(|()| path.clone())
        });
        let _ = tx.send(JobMsg::Exported(result));
    })
}

/// Write the working draft to the autosave slot.
pub fn autosave(
    draft: Draft,
    slot: Autosave,
    draft_path: Option<PathBuf>,
    waker: Waker,
) -> Result<Job, String> {
    spawn("autosave", "Autosaving".to_string(), waker, move |tx| {
        let result = slot.write(&draft, draft_path.as_deref()).map_err(|e| e.to_string());
        let _ = tx.send(JobMsg::Autosaved(result));
    })
}

/// Write bytes atomically (temporary file in the same folder, then rename; see
/// [`crate::draft::write_atomic`]), with the error as a user-facing message naming the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    crate::draft::write_atomic(path, bytes).map_err(|e| e.to_string())
}
