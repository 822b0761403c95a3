//! The Sources panel: the loaded documents.

use eframe::egui;

use super::{AppState, Command};

/// Draw the list of loaded documents.
pub fn documents_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.heading("Sources");
    ui.label(format!("{} documents", state.corpus.docs.len()));
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, d) in state.corpus.docs.iter().enumerate() {
            let selected = state.selected == Some(i);
            let resp = ui.selectable_label(selected, d.display_title());
            if resp.clicked() {
                commands.push(Command::SelectDocument(i));
            }
            let outlet = d.meta.outlet.as_deref().unwrap_or("unknown outlet");
            let date = d.meta.published.as_deref().unwrap_or("undated");
            ui.weak(format!("{outlet} · {date} · {:.1} KB", d.original.len() as f64 / 1024.0));
            ui.add_space(4.0);
        }
    });
}
