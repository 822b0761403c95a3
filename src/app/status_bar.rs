//! The status bar: saved / unsaved, last autosave, background work, word count and pages.

use eframe::egui::{self, RichText};

use super::widgets::muted;
use super::{AppState, Command, theme};

/// How long a status note ("Added quote to Key quotes") stays.
const NOTE_SECONDS: u64 = 6;

/// Draw the status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, state: &AppState, _commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if state.is_dirty() {
            ui.label(RichText::new("• Unsaved changes").color(egui::Color32::from_rgb(0xb3, 0x6b, 0x00)));
        } else if state.draft_path.is_some() {
            ui.label(RichText::new("Saved").color(egui::Color32::from_rgb(0x2e, 0x7d, 0x32)));
        } else {
            muted(ui, "New briefing");
        }
        muted(ui, state.draft_name());
        ui.separator();
        match state.last_autosave {
            Some(t) => muted(ui, format!("Autosaved {}", clock(t))),
            None if state.config.data_dir.is_some() => muted(ui, "Autosave every 30 s"),
            None => muted(ui, "Autosave off"),
        };
        for job in state.jobs.iter().filter(|j| !j.silent) {
            ui.separator();
            match job.progress {
                Some(p) => {
                    ui.add(egui::ProgressBar::new(p).desired_width(120.0).show_percentage());
                }
                None => {
                    ui.spinner();
                }
            }
            muted(ui, if job.step.is_empty() { job.label.clone() } else { job.step.clone() });
        }
        if let Some((note, at)) = &state.status_note
            && at.elapsed().as_secs() < NOTE_SECONDS
        {
            ui.separator();
            ui.label(RichText::new(note).color(theme::ACCENT));
            ui.ctx().request_repaint_after(std::time::Duration::from_secs(NOTE_SECONDS));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let pages = state.page_estimate();
            let warn = pages > 3.0;
            let text = format!("≈ {pages:.1} pages");
            if warn {
                ui.label(RichText::new(text).color(theme::ERROR))
                    .on_hover_text("A briefing note should fit on 1–3 pages");
            } else {
                muted(ui, text);
            }
            muted(ui, format!("{} words", state.word_count()));
        });
    });
}

/// Local wall-clock time "HH:MM:SS" of a system time.
fn clock(t: std::time::SystemTime) -> String {
    jiff::Timestamp::try_from(t)
        .ok()
        .map(|ts| ts.to_zoned(jiff::tz::TimeZone::system()).strftime("%H:%M:%S").to_string())
        .unwrap_or_else(|| "just now".to_string())
}
