//! Application state, kept apart from drawing code, and the single place commands apply.
//!
//! Panels read [`AppState`] and push [`Command`]s; [`AppState::apply`] is the only code that
//! changes the state in response to the user. Briefing changes go through
//! [`History`](crate::briefing::ops::History) so every one can be undone.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::index::{CorpusIndex, EventColumn, QuoteColumn, Sort, TableFilter, event_rows, quote_rows};
use super::jobs::{self, ExportFormat, Job, JobMsg, PathPurpose, Waker};
use crate::analysis::search::{Hit, Kind, Query, SearchFilters, SearchIndex};
use crate::briefing::ops::{Edit, History};
use crate::briefing::{BlockContent, Briefing, ItemId, SectionKind, pick};
use crate::corpus::Span;
use crate::draft::autosave::{Autosave, Recovery};
use crate::draft::recent::RecentDrafts;
use crate::draft::{self, Draft};
use crate::export::ExportOptions;
use crate::pipeline::Corpus;

/// How often the working draft is autosaved while it has unsaved changes.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// The views of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// The selected document's text.
    #[default]
    Reader,
    /// Quotes across the corpus.
    Quotes,
    /// Events across the corpus.
    Events,
    /// Incidents (the same event in several sources).
    Incidents,
    /// The briefing as it will print.
    Preview,
    /// Full-text search over documents, quotes and events.
    Search,
    /// Incidents on a date axis.
    Timeline,
    /// Incidents on a map of the provinces.
    Map,
}

/// The standard handling markings offered in the combo box (anything else is custom).
pub const MARKINGS: &[&str] = &["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"];

/// What to do once unsaved changes have been saved or discarded.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    /// Start a new briefing.
    New,
    /// Choose a draft to open.
    Open,
    /// Open this draft.
    OpenPath(PathBuf),
    /// Close the window.
    Close,
}

/// Every user action: menus, shortcuts and buttons all emit these.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // --- corpus and navigation
    /// Select a document in the corpus by index (and show it in the Reader).
    SelectDocument(usize),
    /// Remove a document from the corpus.
    RemoveDocument(usize),
    /// Show the original (true) or the cleaned (false) text.
    ShowOriginal(bool),
    /// Switch the central view.
    SetTab(Tab),
    /// Filter the Sources list.
    SetDocFilter(String),
    /// Filter the Quotes table.
    SetQuoteFilter(TableFilter),
    /// Filter the Events table.
    SetEventFilter(TableFilter),
    /// Sort the Quotes table by a column (again: reverse).
    SortQuotes(QuoteColumn),
    /// Sort the Events table by a column (again: reverse).
    SortEvents(EventColumn),
    /// Run a full-text search (query text and which kinds of record).
    Search(String, SearchKinds),
    /// Set the filters shared by Search, the Timeline and the Map (the search re-runs).
    SetFilters(SearchFilters),
    /// Show a passage of a document in the Reader.
    JumpTo {
        /// Document index.
        doc: usize,
        /// Byte span in its clean text.
        span: Span,
    },
    /// The Reader's cursor or selection changed (byte span in the clean text; empty for a
    /// bare cursor; `None` when the text has no cursor).
    SetReaderSelection(Option<Span>),
    /// The Reader has scrolled to the passage of the last [`Command::JumpTo`].
    JumpShown,
    // --- picking
    /// Add the quote at this index of `corpus.quotes` to the briefing.
    AddQuote(usize),
    /// Add the event at this index of `corpus.events`.
    AddEvent(usize),
    /// Add the incident at this index of `corpus.incidents`.
    AddIncident(usize),
    /// Select an incident (Timeline and Map show its sources), or clear the selection.
    SelectIncident(Option<usize>),
    /// Add a passage of a document as an excerpt.
    AddExcerpt {
        /// Document index.
        doc: usize,
        /// Byte span in its clean text.
        span: Span,
    },
    // --- briefing
    /// Apply a briefing edit (one undo step).
    Edit(Edit),
    /// Apply a briefing edit from typing; consecutive edits with the same key make one undo step.
    Typing(String, Edit),
    /// Undo the last briefing edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Select a block (keyboard moves act on it).
    SelectBlock(Option<ItemId>),
    /// Move the selected block up (-1) or down (+1), across section boundaries.
    MoveSelected(i32),
    /// Insert an estimative term at the cursor of the last edited paragraph of the Assessment.
    InsertTerm(String),
    /// Remember where the text cursor is in a paragraph (block, char index).
    SetTextCursor(ItemId, usize),
    /// The editor has scrolled the last new pick into view.
    BlockRevealed,
    // --- files
    /// New briefing (asks first when there are unsaved changes).
    New,
    /// Open a draft (asks first when there are unsaved changes).
    Open,
    /// Open this draft (asks first when there are unsaved changes).
    OpenPath(PathBuf),
    /// Save to the current file, or ask for one.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Save to this path.
    SaveTo(PathBuf),
    /// Import documents (dialog).
    Import,
    /// Import these files.
    ImportPaths(Vec<PathBuf>),
    /// Export (asks for a path).
    Export(ExportFormat),
    /// Export to this path.
    ExportTo(ExportFormat, PathBuf),
    /// Change the text of the in-app path dialog.
    SetPathText(String),
    /// Confirm the in-app path dialog.
    ConfirmPath,
    /// Close the in-app path dialog.
    CancelPath,
    /// Open the native file dialog for the in-app path dialog's purpose.
    BrowseNative,
    // --- prompts
    /// Unsaved-changes prompt: save, then continue.
    PromptSave,
    /// Unsaved-changes prompt: discard the changes and continue.
    PromptDiscard,
    /// Unsaved-changes prompt: cancel.
    PromptCancel,
    /// The window was asked to close.
    RequestClose,
    /// Restore the autosaved draft found at start.
    RestoreAutosave,
    /// Discard the autosaved draft found at start.
    DiscardAutosave,
    /// Dismiss the message at this index.
    DismissMessage(usize),
    /// Show or hide the export preview options.
    SetExportOptions(ExportOptions),
}

/// Which kinds of record a search returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SearchKinds {
    /// Whole documents.
    pub documents: bool,
    /// Quotes.
    pub quotes: bool,
    /// Events.
    pub events: bool,
}

impl Default for SearchKinds {
    fn default() -> Self {
        SearchKinds { documents: true, quotes: true, events: true }
    }
}

/// Most search hits listed.
pub const MAX_HITS: usize = 500;

/// A message shown to the user once (errors stay until dismissed).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// Text.
    pub text: String,
    /// Error (true) or information.
    pub error: bool,
}

/// The in-app path dialog (used when no native dialog is available, or to type a path).
#[derive(Debug, Clone, PartialEq)]
pub struct PathDialog {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The path as typed.
    pub text: String,
}

/// Start-up options; tests inject their own.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Where autosave lives; `None` disables autosave.
    pub data_dir: Option<PathBuf>,
    /// Try native file dialogs (off in tests: they need a desktop portal).
    pub native_dialogs: bool,
}

impl AppConfig {
    /// The user's data directory and native dialogs.
    pub fn user() -> Self {
        AppConfig { data_dir: draft::autosave::data_dir(), native_dialogs: true }
    }

    /// An explicit data directory and no native dialogs (tests, benchmarks).
    pub fn headless(data_dir: Option<PathBuf>) -> Self {
        AppConfig { data_dir, native_dialogs: false }
    }
}

/// Preferences persisted between runs (eframe storage).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Central view.
    pub tab: Tab,
    /// Reader shows the original text.
    pub show_original: bool,
    /// Export options.
    pub export: ExportOptions,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs { tab: Tab::Reader, show_original: false, export: ExportOptions::default() }
    }
}

/// All state of the window that is not drawing code.
pub struct AppState {
    /// Start-up options.
    pub config: AppConfig,
    /// The loaded corpus with its extraction.
    pub corpus: Corpus,
    /// Look-ups over the corpus.
    pub index: CorpusIndex,
    /// Bumped whenever the corpus changes (views cache on it).
    pub corpus_generation: u64,
    /// Index of the selected document.
    pub selected: Option<usize>,
    /// Persisted preferences.
    pub prefs: Prefs,
    /// Sources filter text.
    pub doc_filter: String,
    /// The incident selected in the Timeline or Map (index into `corpus.incidents`).
    pub selected_incident: Option<usize>,
    /// Documents shown in the Sources list.
    pub doc_rows: Vec<usize>,
    /// Quotes table filter.
    pub quote_filter: TableFilter,
    /// Quotes table order.
    pub quote_sort: Sort<QuoteColumn>,
    /// Quotes table rows.
    pub quote_rows: Vec<usize>,
    /// Events table filter.
    pub event_filter: TableFilter,
    /// Events table order.
    pub event_sort: Sort<EventColumn>,
    /// Events table rows.
    pub event_rows: Vec<usize>,
    /// The full-text index, once built for the current corpus.
    pub search_index: Option<Box<SearchIndex>>,
    /// The search box.
    pub search_query: String,
    /// Kinds the search returns.
    pub search_kinds: SearchKinds,
    /// Hits of the last search, best first.
    pub search_hits: Vec<Hit>,
    /// Filters shared by Search, the Timeline and the Map: type, dates, speaker, actor,
    /// place, outlet (`kinds` unused here: Search has its own check boxes).
    pub filters: SearchFilters,
    /// A passage the Reader should select and scroll to on its next frame.
    pub pending_jump: Option<Span>,
    /// The Reader's cursor or selection (bytes of the clean text; empty for a bare cursor).
    pub reader_selection: Option<Span>,
    /// The briefing being edited.
    pub briefing: Briefing,
    /// Undo/redo.
    pub history: History,
    /// The briefing as last saved (or opened / created), to tell unsaved changes.
    pub saved: Briefing,
    /// Where the draft lives, once saved or opened.
    pub draft_path: Option<PathBuf>,
    /// The selected block.
    pub selected_block: Option<ItemId>,
    /// A block the editor should scroll into view on its next frame (a new pick).
    pub reveal_block: Option<ItemId>,
    /// Field of the last typing edit (a different field starts a new undo step).
    last_typing: Option<String>,
    /// Last known text cursor (block, char index) in a paragraph.
    pub text_cursor: Option<(ItemId, usize)>,
    /// Messages to show.
    pub messages: Vec<Message>,
    /// Short-lived status-bar note ("Added quote to Key quotes").
    pub status_note: Option<(String, Instant)>,
    /// The in-app path dialog, when open.
    pub path_dialog: Option<PathDialog>,
    /// The unsaved-changes prompt, when open.
    pub prompt: Option<Pending>,
    /// What to do after a Save As started from the prompt succeeds.
    after_save: Option<Pending>,
    /// An autosave found at start, offered for restore.
    pub restore_offer: Option<Recovery>,
    /// Recently opened or saved drafts (kept in the data directory).
    pub recent: RecentDrafts,
    /// Running background jobs.
    pub jobs: Vec<Job>,
    /// Wakes the UI when a job reports.
    pub waker: Waker,
    /// When the working draft was last autosaved.
    pub last_autosave: Option<SystemTime>,
    /// When the briefing last changed without being autosaved.
    dirty_since: Option<Instant>,
    /// The window may close now (the user confirmed).
    pub allow_close: bool,
    /// The window should close at the end of this frame.
    pub close_now: bool,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("docs", &self.corpus.docs.len())
            .field("selected", &self.selected)
            .field("draft_path", &self.draft_path)
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State over `corpus` with a fresh briefing. Offers to restore an autosave if one exists.
    pub fn new(corpus: Corpus, config: AppConfig) -> Self {
        let selected = if corpus.docs.is_empty() { None } else { Some(0) };
        let briefing = Briefing::from_template();
        let mut startup_errors = Vec::new();
        let restore_offer = match config.data_dir.as_ref().map(|d| Autosave::new(d).recover()) {
            Some(Ok(found)) => found,
            Some(Err(e)) => {
                startup_errors.push(format!("The autosaved draft could not be read and was set aside. {e}"));
                None
            }
            None => None,
        };
        let recent = config.data_dir.as_deref().map(RecentDrafts::load_from).unwrap_or_default();
        let mut s = AppState {
            config,
            index: CorpusIndex::build(&corpus),
            corpus,
            corpus_generation: 0,
            selected,
            prefs: Prefs::default(),
            doc_filter: String::new(),
            selected_incident: None,
            doc_rows: Vec::new(),
            quote_filter: TableFilter::default(),
            quote_sort: Sort::default(),
            quote_rows: Vec::new(),
            event_filter: TableFilter::default(),
            event_sort: Sort::default(),
            event_rows: Vec::new(),
            search_index: None,
            search_query: String::new(),
            search_kinds: SearchKinds::default(),
            search_hits: Vec::new(),
            filters: SearchFilters::default(),
            pending_jump: None,
            reader_selection: None,
            saved: briefing.clone(),
            briefing,
            history: History::default(),
            draft_path: None,
            selected_block: None,
            reveal_block: None,
            text_cursor: None,
            last_typing: None,
            messages: Vec::new(),
            status_note: None,
            path_dialog: None,
            prompt: None,
            after_save: None,
            restore_offer,
            recent,
            jobs: Vec::new(),
            waker: std::sync::Arc::new(|| {}),
            last_autosave: None,
            dirty_since: None,
            allow_close: false,
            close_now: false,
        };
        s.refresh_rows();
        s.start_indexing();
        for e in startup_errors {
            s.message(e, true);
        }
        s
    }

    /// State with the embedded seeds loaded and the first one selected, using the user's
    /// data directory.
    pub fn with_seeds() -> Self {
        Self::new(Corpus::build(crate::corpus::embedded_seeds()), AppConfig::user())
    }

    /// True when the briefing differs from the saved draft.
    pub fn is_dirty(&self) -> bool {
        self.briefing != self.saved
    }

    /// The file name shown in the title bar and prompts.
    pub fn draft_name(&self) -> String {
        self.draft_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_string())
    }

    /// The autosave slot, when autosave is on.
    pub fn autosave(&self) -> Option<Autosave> {
        self.config.data_dir.as_ref().map(Autosave::new)
    }

    /// Words that print (the model's own count, shared with export).
    pub fn word_count(&self) -> usize {
        self.briefing.word_count()
    }

    /// Estimated printed pages (at least one; the model's own estimate).
    pub fn page_estimate(&self) -> f32 {
        self.briefing.estimated_pages()
    }

    /// Post a message (errors stay until dismissed).
    pub fn message(&mut self, text: impl Into<String>, error: bool) {
        let text = text.into();
        if !self.messages.iter().any(|m| m.text == text) {
            self.messages.push(Message { text, error });
        }
    }

    fn note(&mut self, text: impl Into<String>) {
        self.status_note = Some((text.into(), Instant::now()));
    }

    /// Recompute the Sources, Quotes and Events rows (after a filter, sort or corpus change).
    pub fn refresh_rows(&mut self) {
        self.doc_rows = self.index.filter_docs(&self.doc_filter);
        self.quote_rows = quote_rows(&self.corpus, &self.index, &self.quote_filter, self.quote_sort);
        self.event_rows = event_rows(&self.corpus, &self.index, &self.event_filter, self.event_sort);
    }

    /// The selected incident's events as (document, span): incident indices change when
    /// documents are added or removed, so the selection follows its events.
    fn selected_incident_key(&self) -> Vec<(String, Span)> {
        self.selected_incident
            .and_then(|i| self.corpus.incidents.get(i))
            .map(|inc| {
                inc.events
                    .iter()
                    .filter_map(|&e| self.corpus.events.get(e))
                    .map(|e| (e.doc.clone(), e.span))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Select the incident that now holds one of these events (none if none does).
    fn reselect_incident(&mut self, key: Vec<(String, Span)>) {
        let events = &self.corpus.events;
        self.selected_incident = self.corpus.incidents.iter().position(|inc| {
            inc.events
                .iter()
                .filter_map(|&e| events.get(e))
                .any(|e| key.iter().any(|(d, s)| *d == e.doc && *s == e.span))
        });
    }

    fn set_corpus(&mut self, corpus: Corpus) {
        let selected_id = self.selected.and_then(|i| self.corpus.docs.get(i)).map(|d| d.id.clone());
        let incident_key = self.selected_incident_key();
        self.corpus = corpus;
        self.reselect_incident(incident_key);
        self.index = CorpusIndex::build(&self.corpus);
        self.corpus_generation += 1;
        self.selected = selected_id
            .and_then(|id| self.index.by_id.get(&id).copied())
            .or(if self.corpus.docs.is_empty() { None } else { Some(0) });
        self.reader_selection = None;
        self.refresh_rows();
        self.search_hits.clear();
        self.search_index = None;
        self.start_indexing();
    }

    /// Build the search index of the current corpus in the background.
    fn start_indexing(&mut self) {
        if self.corpus.docs.is_empty() {
            return;
        }
        match jobs::build_index(self.corpus.clone(), self.corpus_generation, self.waker.clone()) {
            Ok(j) => self.jobs.push(j),
            Err(e) => self.message(e, true),
        }
    }

    fn run_search(&mut self) {
        let Some(index) = &self.search_index else { return };
        let query = Query::parse(&self.search_query);
        let k = self.search_kinds;
        let mut kinds = Vec::new();
        if k.documents {
            kinds.push(Kind::Document);
        }
        if k.quotes {
            kinds.push(Kind::Quote);
        }
        if k.events {
            kinds.push(Kind::Event);
        }
        let filters = SearchFilters { kinds, ..self.filters.clone() };
        // With no words, the filters alone list what they match (in corpus order).
        self.search_hits = if query.is_empty() && self.filters.is_empty() {
            Vec::new()
        } else {
            index.search(&self.corpus.docs, &query, &filters, MAX_HITS)
        };
    }

    /// Apply a batch of commands in order.
    pub fn apply_all(&mut self, commands: Vec<Command>) {
        for c in commands {
            self.apply(c);
        }
    }

    /// Apply one command. This is the only place user actions change the state.
    pub fn apply(&mut self, command: Command) {
        if !matches!(
            command,
            Command::Typing(..)
                | Command::SetTextCursor(..)
                | Command::SetReaderSelection(_)
                | Command::BlockRevealed
                | Command::JumpShown
        ) {
            // Anything else the user does ends a run of typing: the next keystroke starts a
            // new undo step.
            self.history.seal();
            self.last_typing = None;
        }
        match command {
            Command::SelectDocument(i) => {
                if i < self.corpus.docs.len() {
                    self.selected = Some(i);
                    self.reader_selection = None;
                    self.prefs.tab = Tab::Reader;
                }
            }
            Command::RemoveDocument(i) => self.remove_document(i),
            Command::ShowOriginal(on) => self.prefs.show_original = on,
            Command::SetTab(t) => self.prefs.tab = t,
            Command::SetDocFilter(f) => {
                self.doc_filter = f;
                self.doc_rows = self.index.filter_docs(&self.doc_filter);
            }
            Command::SetQuoteFilter(f) => {
                self.quote_filter = f;
                self.quote_rows = quote_rows(&self.corpus, &self.index, &self.quote_filter, self.quote_sort);
            }
            Command::SetEventFilter(f) => {
                self.event_filter = f;
                self.event_rows = event_rows(&self.corpus, &self.index, &self.event_filter, self.event_sort);
            }
            Command::SortQuotes(c) => {
                self.quote_sort = self.quote_sort.toggled(c);
                self.quote_rows = quote_rows(&self.corpus, &self.index, &self.quote_filter, self.quote_sort);
            }
            Command::Search(q, kinds) => {
                self.search_query = q;
                self.search_kinds = kinds;
                self.run_search();
            }
            Command::SetFilters(f) => {
                self.filters = f;
                self.run_search();
            }
            Command::SortEvents(c) => {
                self.event_sort = self.event_sort.toggled(c);
                self.event_rows = event_rows(&self.corpus, &self.index, &self.event_filter, self.event_sort);
            }
            Command::JumpTo { doc, span } => {
                if doc < self.corpus.docs.len() {
                    self.selected = Some(doc);
                    self.prefs.tab = Tab::Reader;
                    self.prefs.show_original = false;
                    self.pending_jump = Some(span);
                    self.reader_selection = Some(span);
                }
            }
            Command::SetReaderSelection(s) => self.reader_selection = s,
            Command::JumpShown => self.pending_jump = None,
            Command::AddQuote(i) => self.add_quote(i),
            Command::AddEvent(i) => self.add_event(i),
            Command::AddIncident(i) => self.add_incident(i),
            Command::SelectIncident(i) => {
                self.selected_incident = i.filter(|&i| i < self.corpus.incidents.len());
            }
            Command::AddExcerpt { doc, span } => self.add_excerpt(doc, span),
            Command::Edit(edit) => {
                let new_paragraph =
                    matches!(&edit, Edit::InsertBlock { content: BlockContent::Text { .. }, .. });
                if let Some(id) = self.edit(edit)
                    && new_paragraph
                {
                    // Put the cursor in a new paragraph, ready to type.
                    self.selected_block = Some(id);
                    self.reveal_block = Some(id);
                }
            }
            Command::Typing(field, edit) => {
                // A run of keystrokes in one field is one undo step (History groups them;
                // a different field of the same kind, e.g. author after title, starts anew).
                if self.last_typing.as_deref() != Some(field.as_str()) {
                    self.history.seal();
                }
                self.last_typing = Some(field);
                match self.history.apply_typing(&mut self.briefing, edit) {
                    Ok(_) => self.after_change(),
                    Err(e) => self.message(format!("Edit not applied: {e}"), true),
                }
            }
            Command::Undo => {
                if self.history.undo(&mut self.briefing) {
                    self.after_change();
                    self.note("Undone");
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.briefing) {
                    self.after_change();
                    self.note("Redone");
                }
            }
            Command::SelectBlock(b) => self.selected_block = b,
            Command::MoveSelected(delta) => self.move_selected(delta),
            Command::InsertTerm(term) => self.insert_term(&term),
            Command::SetTextCursor(b, c) => self.text_cursor = Some((b, c)),
            Command::BlockRevealed => self.reveal_block = None,
            Command::New => self.guard(Pending::New),
            Command::Open => self.guard(Pending::Open),
            Command::OpenPath(p) => self.guard(Pending::OpenPath(p)),
            Command::Save => match self.draft_path.clone() {
                Some(p) => {
                    self.save_to(&p);
                }
                None => self.ask_path(PathPurpose::SaveAs),
            },
            Command::SaveAs => self.ask_path(PathPurpose::SaveAs),
            Command::SaveTo(p) => {
                self.save_to(&p);
            }
            Command::Import => self.ask_path(PathPurpose::Import),
            Command::ImportPaths(paths) => self.import(paths),
            Command::Export(f) => self.ask_path(PathPurpose::Export(f)),
            Command::ExportTo(f, p) => self.export(f, p),
            Command::SetPathText(t) => {
                if let Some(d) = &mut self.path_dialog {
                    d.text = t;
                }
            }
            Command::ConfirmPath => self.confirm_path(),
            Command::CancelPath => {
                self.path_dialog = None;
                self.after_save = None;
            }
            Command::BrowseNative => {
                if let Some(d) = &self.path_dialog {
                    let purpose = d.purpose;
                    let suggested = Some(PathBuf::from(d.text.trim())).filter(|p| !p.as_os_str().is_empty());
                    self.start_native_dialog(purpose, suggested);
                }
            }
            Command::PromptSave => {
                if let Some(p) = self.prompt.take() {
                    match self.draft_path.clone() {
                        Some(path) => {
                            if self.save_to(&path) {
                                self.continue_pending(p);
                            }
                        }
                        None => {
                            self.after_save = Some(p);
                            self.ask_path(PathPurpose::SaveAs);
                        }
                    }
                }
            }
            Command::PromptDiscard => {
                if let Some(p) = self.prompt.take() {
                    self.continue_pending(p);
                }
            }
            Command::PromptCancel => self.prompt = None,
            Command::RequestClose => self.guard(Pending::Close),
            Command::RestoreAutosave => {
                if let Some(rec) = self.restore_offer.take() {
                    // The restored work belongs to its draft file (if it had one) and stays
                    // unsaved until the user saves.
                    let saved = rec
                        .draft_path
                        .as_deref()
                        .and_then(|p| draft::load(p).ok())
                        .map(|d| d.briefing)
                        .unwrap_or_else(Briefing::from_template);
                    self.load_briefing(rec.draft.briefing, rec.draft_path);
                    self.saved = saved;
                    self.dirty_since = Some(Instant::now());
                    self.note("Restored the autosaved draft");
                }
            }
            Command::DiscardAutosave => {
                if self.restore_offer.take().is_some() {
                    self.remove_autosave();
                }
            }
            Command::DismissMessage(i) => {
                if i < self.messages.len() {
                    self.messages.remove(i);
                }
            }
            Command::SetExportOptions(o) => self.prefs.export = o,
        }
    }

    fn edit(&mut self, edit: Edit) -> Option<ItemId> {
        match self.history.apply(&mut self.briefing, edit) {
            Ok(created) => {
                self.after_change();
                created
            }
            Err(e) => {
                self.message(format!("Edit not applied: {e}"), true);
                None
            }
        }
    }

    fn after_change(&mut self) {
        if self.dirty_since.is_none() {
            self.dirty_since = Some(Instant::now());
        }
        if let Some(b) = self.selected_block
            && self.briefing.block(b).is_none()
        {
            self.selected_block = None;
        }
    }

    fn remove_document(&mut self, i: usize) {
        if i >= self.corpus.docs.len() {
            return;
        }
        let incident_key = self.selected_incident_key();
        let mut docs = std::mem::take(&mut self.corpus.docs);
        let removed = docs.remove(i);
        // Extraction is per document: drop the removed one's quotes and events, keep the rest.
        let quotes =
            std::mem::take(&mut self.corpus.quotes).into_iter().filter(|q| q.doc != removed.id).collect();
        let events: Vec<_> =
            std::mem::take(&mut self.corpus.events).into_iter().filter(|e| e.doc != removed.id).collect();
        let mut incidents = crate::analysis::group_incidents(&events);
        crate::analysis::incidents::name_sources(&mut incidents, &docs);
        let was_selected = self.selected == Some(i);
        self.set_corpus(Corpus { docs, quotes, events, incidents });
        self.reselect_incident(incident_key);
        if was_selected {
            self.selected =
                if self.corpus.docs.is_empty() { None } else { Some(i.min(self.corpus.docs.len() - 1)) };
        }
        self.note(format!(
            "Removed {} from the sources (picks already in the briefing keep their copy)",
            removed.display_title()
        ));
    }

    fn target_section(&self, kind: SectionKind) -> Option<ItemId> {
        // The template's section for this kind of item, else the last section that is not
        // Sources. The user moves it from there (buttons, Alt+arrows, Move to section).
        self.briefing
            .sections
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| s.id)
            .or_else(|| {
                self.briefing.sections.iter().rev().find(|s| s.kind != SectionKind::Sources).map(|s| s.id)
            })
            .or_else(|| self.briefing.sections.last().map(|s| s.id))
    }

    /// Insert a pick made by one of [`pick`]'s builders into the section for its kind.
    fn insert_pick(&mut self, kind: SectionKind, make: impl FnOnce(ItemId) -> Option<Edit>, what: &str) {
        let section = match self.target_section(kind) {
            Some(s) => s,
            None => {
                let add =
                    Edit::AddSection { index: usize::MAX, kind, title: kind.default_title().to_string() };
                let Some(id) = self.edit(add) else { return };
                id
            }
        };
        let Some(edit) = make(section) else {
            self.message("Select some text in the Reader first, then choose Add as excerpt.", false);
            return;
        };
        if let Some(id) = self.edit(edit) {
            self.selected_block = Some(id);
            self.reveal_block = Some(id);
            let title = self.briefing.section_index(section).map(|i| self.briefing.sections[i].title.clone());
            self.note(format!("Added {what} to {}", title.unwrap_or_default()));
        }
    }

    fn add_quote(&mut self, i: usize) {
        let Some(q) = self.corpus.quotes.get(i).cloned() else { return };
        let Some(doc) = self.corpus.doc(&q.doc).cloned() else { return };
        self.insert_pick(
            SectionKind::KeyQuotes,
            |s| Some(pick::quote_edit(&doc, &q, s, usize::MAX)),
            "a quote",
        );
    }

    fn add_event(&mut self, i: usize) {
        let Some(e) = self.corpus.events.get(i).cloned() else { return };
        let Some(doc) = self.corpus.doc(&e.doc).cloned() else { return };
        self.insert_pick(
            SectionKind::KeyDevelopments,
            |s| Some(pick::event_edit(&doc, &e, s, usize::MAX)),
            "an event",
        );
    }

    fn add_incident(&mut self, i: usize) {
        let Some(inc) = self.corpus.incidents.get(i).cloned() else { return };
        let edit = pick::incident_edit(&self.corpus, &inc, ItemId(0), usize::MAX);
        let retarget = move |s: ItemId| match edit {
            Edit::InsertBlock { index, content, original, citations, sources, .. } => {
                Some(Edit::InsertBlock { section: s, index, content, original, citations, sources })
            }
            other => Some(other),
        };
        self.insert_pick(SectionKind::KeyDevelopments, retarget, "an incident");
    }

    fn add_excerpt(&mut self, doc: usize, span: Span) {
        let Some(d) = self.corpus.docs.get(doc).cloned() else { return };
        if span.end > d.clean.len()
            || !d.clean.is_char_boundary(span.start)
            || !d.clean.is_char_boundary(span.end)
        {
            return;
        }
        let span = snap_to_words(&d.clean, span);
        self.insert_pick(
            SectionKind::Background,
            |s| pick::excerpt_edit(&d, span, s, usize::MAX),
            "an excerpt",
        );
        self.reader_selection = None;
    }

    fn move_selected(&mut self, delta: i32) {
        let Some(b) = self.selected_block else { return };
        let Some((si, bi)) = self.briefing.block_position(b) else { return };
        let sections = &self.briefing.sections;
        let edit = if delta < 0 {
            if bi > 0 {
                Some(Edit::MoveBlock { block: b, section: sections[si].id, index: bi - 1 })
            } else if si > 0 {
                Some(Edit::MoveBlock { block: b, section: sections[si - 1].id, index: usize::MAX })
            } else {
                None
            }
        } else if bi + 1 < sections[si].blocks.len() {
            Some(Edit::MoveBlock { block: b, section: sections[si].id, index: bi + 1 })
        } else if si + 1 < sections.len() {
            Some(Edit::MoveBlock { block: b, section: sections[si + 1].id, index: 0 })
        } else {
            None
        };
        if let Some(e) = edit {
            self.edit(e);
        }
    }

    fn insert_term(&mut self, term: &str) {
        let assessment =
            self.briefing.sections.iter().find(|s| s.kind == SectionKind::Assessment).map(|s| s.id);
        // Prefer the paragraph the user last typed in; else the Assessment's last paragraph.
        let target = self
            .text_cursor
            .filter(|(b, _)| {
                matches!(self.briefing.block(*b).map(|b| &b.content), Some(BlockContent::Text { .. }))
            })
            .or_else(|| {
                let s = assessment.and_then(|a| self.briefing.section_index(a))?;
                self.briefing.sections[s]
                    .blocks
                    .iter()
                    .rev()
                    .find(|b| matches!(b.content, BlockContent::Text { .. }))
                    .map(|b| (b.id, usize::MAX))
            });
        match target {
            Some((block, at)) => {
                let Some(BlockContent::Text { markdown }) =
                    self.briefing.block(block).map(|b| b.content.clone())
                else {
                    return;
                };
                let chars = markdown.chars().count();
                let at = at.min(chars);
                let byte = markdown.char_indices().nth(at).map(|(b, _)| b).unwrap_or(markdown.len());
                let before = &markdown[..byte];
                let after = &markdown[byte..];
                let pad_l = if before.is_empty() || before.ends_with(char::is_whitespace) { "" } else { " " };
                let pad_r = if after.is_empty() || after.starts_with(char::is_whitespace) { "" } else { " " };
                let new = format!("{before}{pad_l}{term}{pad_r}{after}");
                self.text_cursor = Some((block, at + pad_l.len() + term.chars().count()));
                self.edit(Edit::UpdateBlock(block, BlockContent::Text { markdown: new }));
            }
            None => {
                let Some(section) = assessment.or_else(|| self.target_section(SectionKind::Assessment))
                else {
                    return;
                };
                let edit = Edit::InsertBlock {
                    section,
                    index: usize::MAX,
                    content: BlockContent::Text { markdown: format!("It is {term} that ") },
                    original: None,
                    citations: Vec::new(),
                    sources: Vec::new(),
                };
                if let Some(id) = self.edit(edit) {
                    self.text_cursor = Some((id, usize::MAX));
                }
            }
        }
    }

    // --- files

    /// Run `p` now if nothing is unsaved, else ask first.
    fn guard(&mut self, p: Pending) {
        if self.is_dirty() && !(p == Pending::Close && self.allow_close) {
            self.prompt = Some(p);
        } else {
            self.continue_pending(p);
        }
    }

    fn continue_pending(&mut self, p: Pending) {
        match p {
            Pending::New => {
                self.load_briefing(Briefing::from_template(), None);
                self.note("New briefing");
            }
            Pending::Open => self.ask_path(PathPurpose::Open),
            Pending::OpenPath(path) => self.open_path(&path),
            Pending::Close => {
                self.remove_autosave();
                self.allow_close = true;
                self.close_now = true;
            }
        }
    }

    fn load_briefing(&mut self, briefing: Briefing, path: Option<PathBuf>) {
        self.saved = briefing.clone();
        self.briefing = briefing;
        self.history.clear();
        self.draft_path = path;
        self.selected_block = None;
        self.text_cursor = None;
        self.dirty_since = None;
    }

    fn open_path(&mut self, path: &Path) {
        match draft::open(path) {
            Ok(opened) => {
                let d = opened.draft;
                let report = opened.report.messages();
                // Bring back the sources that were open, unless they are loaded already.
                let reopen: Vec<PathBuf> = d
                    .corpus_files
                    .iter()
                    .filter(|f| f.is_file())
                    .filter(|f| !self.corpus.docs.iter().any(|doc| doc.path.as_deref() == Some(f.as_path())))
                    .cloned()
                    .collect();
                self.load_briefing(d.briefing, Some(path.to_path_buf()));
                if !reopen.is_empty() {
                    self.import(reopen);
                }
                self.remember(path);
                self.remove_autosave();
                for m in report {
                    self.message(m, false);
                }
                self.note(format!("Opened {}", path.display()));
            }
            Err(e) => {
                self.message(format!("Could not open the draft. {e}"), true);
                if !path.exists() {
                    self.recent.remove(path);
                    self.save_recent();
                }
            }
        }
    }

    /// Save the draft to `path`; true on success.
    fn save_to(&mut self, path: &Path) -> bool {
        let path = with_extension(path, draft::EXTENSION);
        let files = self.corpus.docs.iter().filter_map(|d| d.path.clone()).collect();
        let d = Draft::new(self.briefing.clone(), files);
        match draft::save(&path, &d) {
            Ok(()) => {
                self.saved = self.briefing.clone();
                self.draft_path = Some(path.clone());
                self.dirty_since = None;
                self.remember(&path);
                self.remove_autosave();
                self.note(format!("Saved {}", path.display()));
                if let Some(p) = self.after_save.take() {
                    self.continue_pending(p);
                }
                true
            }
            Err(e) => {
                self.message(format!("Not saved; the previous file is unchanged. {e}"), true);
                self.after_save = None;
                false
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        self.recent.push(path);
        self.save_recent();
    }

    fn save_recent(&mut self) {
        if let Some(dir) = self.config.data_dir.clone()
            && let Err(e) = self.recent.save_to(&dir)
        {
            self.message(format!("The recent-drafts list was not saved. {e}"), true);
        }
    }

    fn remove_autosave(&mut self) {
        if let Some(a) = self.autosave()
            && let Err(e) = a.clear()
        {
            self.message(format!("The autosave could not be removed. {e}"), true);
        }
    }

    fn suggested_path(&self, purpose: PathPurpose) -> String {
        let dir = self
            .draft_path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(|| directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf)))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let stem = slug(&self.briefing.meta.title);
        let file = match purpose {
            PathPurpose::SaveAs => format!("{stem}.{}", draft::EXTENSION),
            PathPurpose::Export(f) => format!("{stem}.{}", f.extension()),
            PathPurpose::Open | PathPurpose::Import => {
                return format!("{}/", dir.display()).replace("//", "/");
            }
        };
        dir.join(file).display().to_string()
    }

    fn ask_path(&mut self, purpose: PathPurpose) {
        let text = self.suggested_path(purpose);
        self.path_dialog = Some(PathDialog { purpose, text: text.clone() });
        if self.config.native_dialogs {
            let suggested = Some(PathBuf::from(text));
            self.start_native_dialog(purpose, suggested);
        }
    }

    fn start_native_dialog(&mut self, purpose: PathPurpose, suggested: Option<PathBuf>) {
        if self.jobs.iter().any(|j| j.label == purpose.title()) {
            return;
        }
        match jobs::native_dialog(purpose, suggested, self.waker.clone()) {
            Ok(j) => self.jobs.push(j),
            Err(e) => self.message(e, true),
        }
    }

    fn confirm_path(&mut self) {
        let Some(d) = self.path_dialog.take() else { return };
        let text = expand_home(d.text.trim());
        if text.as_os_str().is_empty() {
            self.message("Type a file path first.", true);
            self.path_dialog = Some(d);
            return;
        }
        self.use_paths(d.purpose, vec![text]);
    }

    fn use_paths(&mut self, purpose: PathPurpose, paths: Vec<PathBuf>) {
        self.path_dialog = None;
        let Some(first) = paths.first().cloned() else { return };
        match purpose {
            PathPurpose::Open => self.open_path(&first),
            PathPurpose::SaveAs => {
                self.save_to(&first);
            }
            PathPurpose::Import => {
                // A folder imports every text file in it.
                let mut files = Vec::new();
                for p in paths {
                    if p.is_dir() {
                        if let Ok(rd) = std::fs::read_dir(&p) {
                            let mut inner: Vec<PathBuf> = rd
                                .filter_map(|e| e.ok().map(|e| e.path()))
                                .filter(|f| {
                                    f.is_file()
                                        && f.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                                            matches!(
                                                x.to_ascii_lowercase().as_str(),
                                                "txt" | "md" | "markdown" | "text"
                                            )
                                        })
                                })
                                .collect();
                            inner.sort();
                            files.extend(inner);
                        }
                    } else {
                        files.push(p);
                    }
                }
                self.import(files);
            }
            PathPurpose::Export(f) => self.export(f, first),
        }
    }

    fn import(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            self.message("No text files to import there.", true);
            return;
        }
        match jobs::import(self.corpus.docs.clone(), paths, self.waker.clone()) {
            Ok(j) => self.jobs.push(j),
            Err(e) => self.message(e, true),
        }
    }

    fn export(&mut self, format: ExportFormat, path: PathBuf) {
        let path = with_extension(&path, format.extension());
        match jobs::export(self.briefing.clone(), format, path, self.prefs.export.clone(), self.waker.clone())
        {
            Ok(j) => self.jobs.push(j),
            Err(e) => self.message(e, true),
        }
    }

    /// Take in what background jobs reported. Returns true when anything arrived.
    pub fn poll_jobs(&mut self) -> bool {
        let mut msgs = Vec::new();
        let mut any = false;
        self.jobs.retain_mut(|job| {
            loop {
                match job.rx.try_recv() {
                    Ok(JobMsg::Progress(f, step)) => {
                        job.progress = Some(f);
                        job.step = step;
                        any = true;
                    }
                    Ok(m) => {
                        msgs.push(m);
                        any = true;
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => return true,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => return false,
                }
            }
        });
        for m in msgs {
            self.handle(m);
        }
        any
    }

    fn handle(&mut self, m: JobMsg) {
        match m {
            JobMsg::Progress(..) => {}
            JobMsg::Picked(purpose, Some(paths)) if !paths.is_empty() => self.use_paths(purpose, paths),
            // Cancelled, or no native dialog on this system: the in-app dialog stays open.
            JobMsg::Picked(..) => {}
            JobMsg::Imported { corpus, added, errors } => {
                let was_empty = self.corpus.docs.is_empty();
                let first_new = self.corpus.docs.len();
                self.set_corpus(*corpus);
                if added > 0 && (was_empty || self.selected.is_none()) {
                    self.selected = Some(first_new.min(self.corpus.docs.len().saturating_sub(1)));
                }
                if added > 0 {
                    self.note(format!("Imported {added} document(s)"));
                }
                for e in errors {
                    self.message(format!("Not imported: {e}"), true);
                }
            }
            JobMsg::Exported(Ok(p)) => self.message(format!("Exported {}", p.display()), false),
            JobMsg::Exported(Err(e)) => self.message(format!("Export failed: {e}"), true),
            JobMsg::Autosaved(Ok(t)) => self.last_autosave = Some(t),
            JobMsg::Indexed(generation, index) => {
                if generation == self.corpus_generation {
                    self.search_index = Some(index);
                    self.run_search();
                }
            }
            JobMsg::Autosaved(Err(e)) => self.message(format!("Autosave failed: {e}"), true),
        }
    }

    /// Autosave the working draft when it has had unsaved changes for [`AUTOSAVE_EVERY`].
    pub fn autosave_if_due(&mut self, now: Instant) {
        let due = self.dirty_since.is_some_and(|t| now.duration_since(t) >= AUTOSAVE_EVERY);
        if due && self.is_dirty() {
            self.autosave_now();
        }
    }

    /// Write the autosave file now (in the background).
    pub fn autosave_now(&mut self) {
        let Some(slot) = self.autosave() else { return };
        self.dirty_since = None;
        let d = Draft::new(
            self.briefing.clone(),
            self.corpus.docs.iter().filter_map(|d| d.path.clone()).collect(),
        );
        match jobs::autosave(d, slot, self.draft_path.clone(), self.waker.clone()) {
            Ok(j) => self.jobs.push(j),
            Err(e) => self.message(e, true),
        }
    }

    /// Wait (up to `timeout`) until no background job is running. For tests and benchmarks.
    pub fn wait_for_jobs(&mut self, timeout: Duration) -> bool {
        let start = Instant::now();
        while !self.jobs.is_empty() {
            if start.elapsed() > timeout {
                return false;
            }
            self.poll_jobs();
            std::thread::sleep(Duration::from_millis(5));
        }
        true
    }
}

/// Widen a byte span of `text` so it neither starts nor ends inside a word.
pub fn snap_to_words(text: &str, span: Span) -> Span {
    let word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len()).max(start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if start < end {
        while let Some(c) = text[..start].chars().next_back() {
            if !word(c) || !text[start..].starts_with(word) {
                break;
            }
            start -= c.len_utf8();
        }
        while let Some(c) = text[end..].chars().next() {
            if !word(c) || !text[..end].ends_with(word) {
                break;
            }
            end += c.len_utf8();
        }
    }
    Span::new(start, end)
}

fn with_extension(path: &Path, ext: &str) -> PathBuf {
    if path.extension().is_some() { path.to_path_buf() } else { path.with_extension(ext) }
}

fn expand_home(text: &str) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    PathBuf::from(text)
}

/// A file-name stem from a title ("Untitled briefing" → "untitled-briefing").
pub fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let s: String = s.chars().take(60).collect();
    if s.is_empty() { "briefing".to_string() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> AppState {
        AppState::new(Corpus::build(crate::corpus::embedded_seeds()), AppConfig::headless(None))
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut s = state();
        let mut meta = s.briefing.meta.clone();
        for t in ["A", "AB", "ABC"] {
            meta.title = t.to_string();
            s.apply(Command::Typing("title".into(), Edit::SetMeta(meta.clone())));
        }
        assert_eq!(s.briefing.meta.title, "ABC");
        s.apply(Command::Undo);
        assert_eq!(s.briefing.meta.title, "Untitled briefing");
        s.apply(Command::Redo);
        assert_eq!(s.briefing.meta.title, "ABC");
    }

    #[test]
    fn excerpt_is_trimmed_anchored_and_cited() {
        let mut s = state();
        let doc = &s.corpus.docs[0];
        let end = doc.clean.char_indices().nth(40).map(|(b, _)| b).unwrap_or(doc.clean.len());
        s.apply(Command::AddExcerpt { doc: 0, span: Span::new(0, end) });
        let bg = s.briefing.sections.iter().find(|x| x.kind == SectionKind::Background).unwrap();
        assert_eq!(bg.blocks.len(), 1);
        let b = &bg.blocks[0];
        let BlockContent::Excerpt { text } = &b.content else { panic!("not an excerpt") };
        let snapped = snap_to_words(&s.corpus.docs[0].clean, Span::new(0, end));
        assert_eq!(text.as_str(), s.corpus.docs[0].clean[snapped.start..snapped.end].trim());
        assert!(snapped.end >= end);
        assert_eq!(b.citations[0].anchor.exact, *text);
        assert!(s.briefing.sources.contains_key(&s.corpus.docs[0].id));
        assert!(s.is_dirty());
    }

    #[test]
    fn move_selected_crosses_sections() {
        let mut s = state();
        s.apply(Command::AddExcerpt { doc: 0, span: Span::new(0, 20) });
        let id = s.selected_block.unwrap();
        let before = s.briefing.block_position(id).unwrap();
        s.apply(Command::MoveSelected(-1));
        let after = s.briefing.block_position(id).unwrap();
        assert_eq!(after.0 + 1, before.0);
        s.apply(Command::MoveSelected(1));
        assert_eq!(s.briefing.block_position(id).unwrap(), before);
    }

    #[test]
    fn new_with_unsaved_changes_asks_first() {
        let mut s = state();
        s.apply(Command::AddExcerpt { doc: 0, span: Span::new(0, 20) });
        s.apply(Command::New);
        assert_eq!(s.prompt, Some(Pending::New));
        s.apply(Command::PromptCancel);
        assert!(s.is_dirty());
        s.apply(Command::New);
        s.apply(Command::PromptDiscard);
        assert!(!s.is_dirty());
        assert!(s.briefing.sections.iter().all(|x| x.blocks.is_empty()));
    }

    #[test]
    fn estimative_term_goes_to_cursor() {
        let mut s = state();
        let a = s.briefing.sections.iter().find(|x| x.kind == SectionKind::Assessment).unwrap().id;
        s.apply(Command::InsertTerm("likely".into()));
        let b = s.briefing.sections.iter().find(|x| x.id == a).unwrap().blocks[0].clone();
        assert_eq!(b.content, BlockContent::Text { markdown: "It is likely that ".into() });
        s.apply(Command::SetTextCursor(b.id, 0));
        s.apply(Command::InsertTerm("high confidence".into()));
        let b = s.briefing.block(b.id).unwrap();
        assert_eq!(b.content, BlockContent::Text { markdown: "high confidence It is likely that ".into() });
    }

    #[test]
    fn excerpt_selection_snaps_to_whole_words() {
        let t = "The TTP’s campaign intensified, officials said.";
        let a = t.find("TP’s").unwrap();
        let b = t.find("sified").unwrap() + 2;
        let s = snap_to_words(t, Span::new(a, b));
        assert_eq!(&t[s.start..s.end], "TTP’s campaign intensified");
        // Already on boundaries: unchanged; punctuation is not pulled in.
        let c = t.find("officials").unwrap();
        let s = snap_to_words(t, Span::new(c, c + "officials".len()));
        assert_eq!(&t[s.start..s.end], "officials");
        assert_eq!(snap_to_words(t, Span::new(3, 3)), Span::new(3, 3));
    }

    #[test]
    fn slug_makes_file_names() {
        assert_eq!(slug("Pakistan–Afghanistan: strikes (2026)"), "pakistan-afghanistan-strikes-2026");
        assert_eq!(slug("   "), "briefing");
    }

    #[test]
    fn failed_save_keeps_state_dirty_and_reports() {
        let mut s = state();
        s.apply(Command::AddExcerpt { doc: 0, span: Span::new(0, 20) });
        s.apply(Command::SaveTo(PathBuf::from("/nonexistent-dir-xyz/a.briefing")));
        assert!(s.is_dirty());
        assert!(s.messages.iter().any(|m| m.error && m.text.contains("nonexistent-dir-xyz")));
        assert!(s.draft_path.is_none());
    }
}
