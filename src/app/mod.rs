//! The egui shell. State lives in [`state`] (no drawing code); each panel is drawn by one
//! file; every user action is a [`Command`] applied in one place ([`AppState::apply`]).
//!
//! Layout: menu bar on top, status bar at the bottom, Sources on the left, the briefing
//! editor on the right, and in the centre the Reader / Quotes / Events / Incidents / Search / Timeline / Map / Preview.

mod briefing_panel;
mod dialogs;
mod documents_panel;
mod events_panel;
mod incident_filter;
pub mod index;
pub mod jobs;
mod map_panel;
mod menu_bar;
mod preview_panel;
mod quotes_panel;
mod reader_panel;
mod search_panel;
pub mod state;
mod status_bar;
mod theme;
mod timeline_panel;
pub mod ui_bench;
pub(crate) mod widgets;

use std::time::Instant;

use eframe::egui;
use egui::{Key, KeyboardShortcut, Modifiers};

pub use state::{AppConfig, AppState, Command, Pending, Tab};

/// Key under which preferences are persisted in eframe storage.
const PREFS_KEY: &str = "briefing-builder.prefs";

/// The eframe application: the state plus the drawing code.
pub struct BriefingApp {
    /// All non-drawing state.
    pub state: AppState,
    styled: bool,
    title: String,
}

/// Keyboard shortcuts, most specific first (Ctrl+Shift+S before Ctrl+S).
const SHORTCUTS: &[(Modifiers, Key, Shortcut)] = &[
    (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z, Shortcut::Redo),
    (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S, Shortcut::SaveAs),
    (Modifiers::COMMAND, Key::Z, Shortcut::Undo),
    (Modifiers::COMMAND, Key::Y, Shortcut::Redo),
    (Modifiers::COMMAND, Key::N, Shortcut::New),
    (Modifiers::COMMAND, Key::O, Shortcut::Open),
    (Modifiers::COMMAND, Key::S, Shortcut::Save),
    (Modifiers::COMMAND, Key::I, Shortcut::Import),
    (Modifiers::COMMAND, Key::E, Shortcut::Export),
    (Modifiers::ALT, Key::ArrowUp, Shortcut::MoveUp),
    (Modifiers::ALT, Key::ArrowDown, Shortcut::MoveDown),
];

#[derive(Debug, Clone, Copy)]
enum Shortcut {
    Undo,
    Redo,
    New,
    Open,
    Save,
    SaveAs,
    Import,
    Export,
    MoveUp,
    MoveDown,
}

impl Shortcut {
    fn command(self) -> Command {
        match self {
            Shortcut::Undo => Command::Undo,
            Shortcut::Redo => Command::Redo,
            Shortcut::New => Command::New,
            Shortcut::Open => Command::Open,
            Shortcut::Save => Command::Save,
            Shortcut::SaveAs => Command::SaveAs,
            Shortcut::Import => Command::Import,
            Shortcut::Export => Command::Export(jobs::ExportFormat::Pdf),
            Shortcut::MoveUp => Command::MoveSelected(-1),
            Shortcut::MoveDown => Command::MoveSelected(1),
        }
    }
}

/// Shortcut text for menus ("Ctrl+Shift+S").
pub(crate) fn shortcut_text(ctx: &egui::Context, modifiers: Modifiers, key: Key) -> String {
    ctx.format_shortcut(&KeyboardShortcut::new(modifiers, key))
}

impl BriefingApp {
    /// Create the app on the embedded seed corpus, restoring persisted preferences.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let mut state = AppState::with_seeds();
        if let Some(storage) = cc.storage
            && let Some(prefs) = eframe::get_value::<state::Prefs>(storage, PREFS_KEY)
        {
            state.prefs = prefs;
        }
        let ctx = cc.egui_ctx.clone();
        state.waker = std::sync::Arc::new(move || ctx.request_repaint());
        Self::with_state(state)
    }

    /// Create the app around an existing state (tests, benchmarks): no eframe needed.
    pub fn with_state(state: AppState) -> Self {
        BriefingApp { state, styled: false, title: String::new() }
    }

    /// Draw one frame and apply what the user did. Called by eframe, tests and the benchmark.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.styled {
            theme::apply(&ctx);
            self.styled = true;
        }
        let mut commands = Vec::new();

        if self.state.poll_jobs() {
            ctx.request_repaint();
        }
        self.input(&ctx, &mut commands);

        egui::Panel::top("menu_bar").frame(theme::bar_frame(&ctx)).show(ui, |ui| {
            menu_bar::menu_bar_ui(ui, &self.state, &mut commands);
        });
        egui::Panel::bottom("status_bar").frame(theme::bar_frame(&ctx)).show(ui, |ui| {
            status_bar::status_bar_ui(ui, &self.state, &mut commands);
        });
        egui::Panel::left("sources")
            .default_size(270.0)
            .size_range(220.0..=520.0)
            .frame(theme::side_frame(&ctx))
            .show(ui, |ui| {
                documents_panel::documents_ui(ui, &self.state, &mut commands);
            });
        egui::Panel::right("briefing")
            .default_size(430.0)
            .size_range(340.0..=900.0)
            .frame(theme::side_frame(&ctx))
            .show(ui, |ui| {
                briefing_panel::briefing_ui(ui, &self.state, &mut commands);
            });
        egui::CentralPanel::default().frame(theme::central_frame(&ctx)).show(ui, |ui| {
            dialogs::messages_ui(ui, &self.state, &mut commands);
            central_tabs_ui(ui, &self.state, &mut commands);
            match self.state.prefs.tab {
                Tab::Reader => reader_panel::reader_ui(ui, &self.state, &mut commands),
                Tab::Quotes => quotes_panel::quotes_ui(ui, &self.state, &mut commands),
                Tab::Events => events_panel::events_ui(ui, &self.state, &mut commands),
                Tab::Incidents => events_panel::incidents_ui(ui, &self.state, &mut commands),
                Tab::Preview => preview_panel::preview_ui(ui, &self.state, &mut commands),
                Tab::Search => search_panel::search_ui(ui, &self.state, &mut commands),
                Tab::Timeline => timeline_panel::timeline_ui(ui, &self.state, &mut commands),
                Tab::Map => map_panel::map_ui(ui, &self.state, &mut commands),
            }
        });
        dialogs::modals_ui(&ctx, &self.state, &mut commands);
        dialogs::drop_hint_ui(&ctx);

        let had_commands = !commands.is_empty();
        self.state.apply_all(commands);
        if self.state.pending_jump.is_some() || had_commands {
            ctx.request_repaint();
        }
        if self.state.close_now {
            self.state.close_now = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.state.autosave_if_due(Instant::now());
        if !self.state.jobs.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        } else if self.state.is_dirty() {
            ctx.request_repaint_after(state::AUTOSAVE_EVERY);
        }
        let title = format!(
            "{}{} — Briefing Builder",
            if self.state.is_dirty() { "• " } else { "" },
            self.state.draft_name()
        );
        if title != self.title {
            self.title = title.clone();
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
        }
    }

    fn input(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let modal_open = self.state.path_dialog.is_some() || self.state.prompt.is_some();
        ctx.input_mut(|i| {
            if !modal_open {
                for (m, k, s) in SHORTCUTS {
                    if i.consume_shortcut(&KeyboardShortcut::new(*m, *k)) {
                        commands.push(s.command());
                    }
                }
            }
            let dropped: Vec<_> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect();
            if !dropped.is_empty() {
                commands.push(Command::ImportPaths(dropped));
            }
            if i.viewport().close_requested() && !self.state.allow_close && self.state.is_dirty() {
                commands.push(Command::RequestClose);
            }
        });
        if ctx.input(|i| i.viewport().close_requested()) && !self.state.allow_close && self.state.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
    }
}

fn central_tabs_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let c = &state.corpus;
    let tabs = [
        (Tab::Reader, "Reader".to_string()),
        (Tab::Quotes, format!("Quotes ({})", c.quotes.len())),
        (Tab::Events, format!("Events ({})", c.events.len())),
        (Tab::Incidents, format!("Incidents ({})", c.incidents.len())),
        (Tab::Search, "Search".to_string()),
        (Tab::Timeline, "Timeline".to_string()),
        (Tab::Map, "Map".to_string()),
        (Tab::Preview, "Preview".to_string()),
    ];
    ui.horizontal_wrapped(|ui| {
        for (tab, label) in tabs {
            if ui.selectable_label(state.prefs.tab == tab, label).clicked() && state.prefs.tab != tab {
                commands.push(Command::SetTab(tab));
            }
        }
    });
    ui.separator();
}

impl eframe::App for BriefingApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Unsaved work survives a close that skipped the prompt (e.g. a session logout).
        if self.state.is_dirty() {
            self.state.autosave_now();
            self.state.wait_for_jobs(std::time::Duration::from_secs(5));
        }
    }
}

/// Open the native window.
pub fn run_native() -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Briefing Builder")
            .with_app_id("briefing-builder")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native("Briefing Builder", options, Box::new(|cc| Ok(Box::new(BriefingApp::new(cc)))))
}
