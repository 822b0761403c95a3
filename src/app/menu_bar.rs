//! The menu bar: File, Edit, Export, View. Every item emits a [`Command`]; shortcuts are
//! shown next to the items they trigger.

use eframe::egui::{self, Key, Modifiers};

use super::jobs::ExportFormat;
use super::{AppState, Command, Tab, shortcut_text};

fn item(ui: &mut egui::Ui, text: &str, shortcut: Option<(Modifiers, Key)>, enabled: bool) -> bool {
    let mut b = egui::Button::new(text);
    if let Some((m, k)) = shortcut {
        b = b.shortcut_text(shortcut_text(ui.ctx(), m, k));
    }
    let clicked = ui.add_enabled(enabled, b).clicked();
    if clicked {
        ui.close();
    }
    clicked
}

/// Draw the menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let cmd = Modifiers::COMMAND;
    let cmd_shift = Modifiers::COMMAND.plus(Modifiers::SHIFT);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New briefing", Some((cmd, Key::N)), true) {
                commands.push(Command::New);
            }
            if item(ui, "Open draft…", Some((cmd, Key::O)), true) {
                commands.push(Command::Open);
            }
            ui.menu_button("Open recent", |ui| {
                if state.recent.paths.is_empty() {
                    ui.label("No recent drafts");
                }
                for p in &state.recent.paths {
                    let name = p.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                    if ui.button(name).on_hover_text(p.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(p.clone()));
                        ui.close();
                    }
                }
            });
            ui.separator();
            if item(ui, "Save", Some((cmd, Key::S)), true) {
                commands.push(Command::Save);
            }
            if item(ui, "Save as…", Some((cmd_shift, Key::S)), true) {
                commands.push(Command::SaveAs);
            }
            ui.separator();
            if item(ui, "Import documents…", Some((cmd, Key::I)), true) {
                commands.push(Command::Import);
            }
            ui.separator();
            if item(ui, "Quit", None, true) {
                commands.push(Command::RequestClose);
            }
        });
        ui.menu_button("Edit", |ui| {
            if item(ui, "Undo", Some((cmd, Key::Z)), state.history.can_undo()) {
                commands.push(Command::Undo);
            }
            if item(ui, "Redo", Some((cmd_shift, Key::Z)), state.history.can_redo()) {
                commands.push(Command::Redo);
            }
            ui.separator();
            let sel = state.selected_block.is_some();
            if item(ui, "Move item up", Some((Modifiers::ALT, Key::ArrowUp)), sel) {
                commands.push(Command::MoveSelected(-1));
            }
            if item(ui, "Move item down", Some((Modifiers::ALT, Key::ArrowDown)), sel) {
                commands.push(Command::MoveSelected(1));
            }
        });
        ui.menu_button("Export", |ui| {
            if item(ui, "Export PDF…", Some((cmd, Key::E)), true) {
                commands.push(Command::Export(ExportFormat::Pdf));
            }
            if item(ui, "Export Markdown…", None, true) {
                commands.push(Command::Export(ExportFormat::Markdown));
            }
            ui.separator();
            if item(ui, "Preview", None, true) {
                commands.push(Command::SetTab(Tab::Preview));
            }
        });
        ui.menu_button("View", |ui| {
            for (t, name) in [
                (Tab::Reader, "Reader"),
                (Tab::Quotes, "Quotes table"),
                (Tab::Events, "Events table"),
                (Tab::Incidents, "Incidents"),
                (Tab::Search, "Search"),
                (Tab::Timeline, "Timeline"),
                (Tab::Map, "Map"),
                (Tab::Preview, "Preview"),
            ] {
                if ui.radio(state.prefs.tab == t, name).clicked() {
                    commands.push(Command::SetTab(t));
                    ui.close();
                }
            }
            ui.separator();
            let mut orig = state.prefs.show_original;
            if ui.checkbox(&mut orig, "Original text in the Reader").changed() {
                commands.push(Command::ShowOriginal(orig));
            }
        });
    });
}
