//! Application state, kept apart from drawing code, and the single place commands apply.

use crate::pipeline::Corpus;

/// Every user action: menus, shortcuts and buttons all emit these.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select a document in the corpus by index.
    SelectDocument(usize),
    /// Show the original (true) or the cleaned (false) text.
    ShowOriginal(bool),
}

/// All state of the window that is not drawing code.
#[derive(Debug, Default)]
pub struct AppState {
    /// The loaded corpus with its extraction.
    pub corpus: Corpus,
    /// Index of the selected document.
    pub selected: Option<usize>,
    /// Show original text instead of clean text.
    pub show_original: bool,
}

impl AppState {
    /// State with the embedded seeds loaded and the first one selected.
    pub fn with_seeds() -> Self {
        let corpus = Corpus::build(crate::corpus::embedded_seeds());
        let selected = if corpus.docs.is_empty() { None } else { Some(0) };
        AppState { corpus, selected, show_original: false }
    }

    /// Apply one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::SelectDocument(i) if i < self.corpus.docs.len() => self.selected = Some(i),
            Command::SelectDocument(_) => {}
            Command::ShowOriginal(on) => self.show_original = on,
        }
    }
}
