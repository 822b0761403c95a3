//! The Reader panel: the selected document's text.

use eframe::egui;

use super::{AppState, Command};

/// Draw the selected document.
pub fn reader_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(doc) = state.selected.and_then(|i| state.corpus.docs.get(i)) else {
        ui.label("No document selected.");
        return;
    };
    ui.heading(doc.display_title());
    let mut show_original = state.show_original;
    if ui.checkbox(&mut show_original, "Show original text").changed() {
        commands.push(Command::ShowOriginal(show_original));
    }
    ui.separator();
    let text = if state.show_original { &doc.original } else { &doc.clean };
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(text.as_str());
    });
}
