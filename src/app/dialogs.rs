//! Messages and modal dialogs: the in-app path dialog (works where no native file dialog
//! exists), the unsaved-changes prompt, and the offer to restore an autosaved draft.

use eframe::egui::{self, RichText};

use super::jobs::PathPurpose;
use super::widgets::muted;
use super::{AppState, Command, Pending, theme};

/// Messages (errors stay until dismissed), shown above the central view.
pub fn messages_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    for (i, m) in state.messages.iter().enumerate() {
        let (fill, color) = if m.error {
            (egui::Color32::from_rgb(0xfd, 0xec, 0xea), theme::ERROR)
        } else {
            (egui::Color32::from_rgb(0xe8, 0xf1, 0xfb), theme::ACCENT)
        };
        egui::Frame::new().fill(fill).corner_radius(4).inner_margin(egui::Margin::symmetric(10, 6)).show(
            ui,
            |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let w = ui.available_width() - 80.0;
                    ui.add_sized(
                        egui::vec2(w.max(50.0), 0.0),
                        egui::Label::new(RichText::new(&m.text).color(color)).wrap(),
                    );
                    if ui
                        .small_button("Dismiss")
                        .accessible_name(format!("Dismiss message {}", i + 1))
                        .clicked()
                    {
                        commands.push(Command::DismissMessage(i));
                    }
                });
            },
        );
        ui.add_space(4.0);
    }
}

/// Modal dialogs, at most one at a time (prompt first, then path, then restore).
pub fn modals_ui(ctx: &egui::Context, state: &AppState, commands: &mut Vec<Command>) {
    if let Some(p) = &state.prompt {
        prompt_ui(ctx, state, p, commands);
    } else if let Some(d) = &state.path_dialog {
        path_dialog_ui(ctx, state, d, commands);
    } else if let Some(rec) = &state.restore_offer {
        egui::Modal::new(egui::Id::unique("restore_modal")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading("Restore unsaved work?");
            ui.add_space(4.0);
            let when = jiff::Timestamp::try_from(rec.saved_at)
                .ok()
                .map(|t| t.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_else(|| "an earlier session".to_string());
            let title = &rec.draft.briefing.meta.title;
            match &rec.draft_path {
                Some(p) => {
                    ui.label(format!("Changes to “{title}” autosaved at {when} were never saved."));
                    muted(ui, format!("Draft file: {}", p.display()));
                }
                None => {
                    ui.label(format!("“{title}”, autosaved at {when}, was never saved."));
                }
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    commands.push(Command::RestoreAutosave);
                }
                if ui.button("Discard autosave").clicked() {
                    commands.push(Command::DiscardAutosave);
                }
            });
        });
    }
}

fn prompt_ui(ctx: &egui::Context, state: &AppState, p: &Pending, commands: &mut Vec<Command>) {
    let r = egui::Modal::new(egui::Id::unique("unsaved_modal")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading("Save changes?");
        ui.add_space(4.0);
        let what = match p {
            Pending::New => "starting a new briefing",
            Pending::Open | Pending::OpenPath(_) => "opening another draft",
            Pending::Close => "closing",
        };
        ui.label(format!("“{}” has unsaved changes. Save them before {what}?", state.draft_name()));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                commands.push(Command::PromptSave);
            }
            if ui.button("Don't save").clicked() {
                commands.push(Command::PromptDiscard);
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::PromptCancel);
            }
        });
    });
    if r.should_close() && !commands.iter().any(|c| matches!(c, Command::PromptSave | Command::PromptDiscard))
    {
        commands.push(Command::PromptCancel);
    }
}

fn path_dialog_ui(
    ctx: &egui::Context,
    state: &AppState,
    d: &super::state::PathDialog,
    commands: &mut Vec<Command>,
) {
    let r = egui::Modal::new(egui::Id::unique("path_modal")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(d.purpose.title());
        ui.add_space(4.0);
        let help = match d.purpose {
            PathPurpose::Open => "Path of the .briefing draft to open:",
            PathPurpose::SaveAs => "Save the draft to this file (.briefing):",
            PathPurpose::Import => "File or folder of .txt / .md documents to import:",
            PathPurpose::Export(_) => "Write the export to this file:",
        };
        ui.label(help);
        let mut text = d.text.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY).hint_text("/path/to/file"),
            )
            .accessible_name("File path");
        if !r.has_focus() && ui.ctx().memory(|m| m.focused().is_none()) {
            r.request_focus();
        }
        if r.changed() {
            commands.push(Command::SetPathText(text));
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if state.config.native_dialogs && state.jobs.iter().any(|j| j.label == d.purpose.title()) {
            muted(ui, "A system file dialog is open; you can also type the path here.");
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ok = match d.purpose {
                PathPurpose::Open => "Open".to_string(),
                PathPurpose::SaveAs => "Save".to_string(),
                PathPurpose::Import => "Import".to_string(),
                PathPurpose::Export(_) => "Export file".to_string(),
            };
            if ui.button(&ok).clicked() || enter {
                commands.push(Command::ConfirmPath);
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelPath);
            }
            if ui.button("Browse…").on_hover_text("Use the system file dialog").clicked() {
                commands.push(Command::BrowseNative);
            }
        });
    });
    if r.should_close() && !commands.iter().any(|c| matches!(c, Command::ConfirmPath)) {
        commands.push(Command::CancelPath);
    }
}

/// While files are dragged over the window, say what dropping them does.
pub fn drop_hint_ui(ctx: &egui::Context) {
    let n = ctx.input(|i| i.raw.hovered_files.len());
    if n == 0 {
        return;
    }
    let screen = ctx.content_rect();
    let painter =
        ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_hint")));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(120));
    let text = if n == 1 { "Drop to import 1 file".to_string() } else { format!("Drop to import {n} files") };
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
