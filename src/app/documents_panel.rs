//! The Sources panel: the loaded documents, a filter box, Import… and Remove.

use eframe::egui::{self, RichText};

use super::widgets::{Icon, icon_button, muted, panel_heading};
use super::{AppState, Command, theme};

/// Height of one document row (title, outlet/date, counts).
const ROW_HEIGHT: f32 = 68.0;

/// Draw the list of loaded documents (only visible rows are laid out).
pub fn documents_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        panel_heading(ui, "Sources");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Import…")
                .on_hover_text("Import .txt / .md files (or drop files on the window)")
                .clicked()
            {
                commands.push(Command::Import);
            }
        });
    });
    let total = state.corpus.docs.len();
    let shown = state.doc_rows.len();
    if shown == total {
        muted(
            ui,
            format!(
                "{total} documents · {} quotes · {} events",
                state.corpus.quotes.len(),
                state.corpus.events.len()
            ),
        );
    } else {
        muted(ui, format!("{shown} of {total} documents match"));
    }
    let mut filter = state.doc_filter.clone();
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut filter)
                .hint_text("Filter by title, outlet, date…")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Filter sources");
    if r.changed() {
        commands.push(Command::SetDocFilter(filter));
    }
    ui.add_space(4.0);
    if total == 0 {
        ui.add_space(20.0);
        ui.label("No documents loaded. Use Import… or drop .txt / .md files here.");
        return;
    }
    egui::ScrollArea::vertical().id_salt("sources_list").auto_shrink([false, false]).show_rows(
        ui,
        ROW_HEIGHT,
        shown,
        |ui, range| {
            for &i in &state.doc_rows[range] {
                document_row_ui(ui, state, i, commands);
            }
        },
    );
}

fn document_row_ui(ui: &mut egui::Ui, state: &AppState, i: usize, commands: &mut Vec<Command>) {
    let Some(d) = state.corpus.docs.get(i) else { return };
    let selected = state.selected == Some(i);
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let bg = rect.shrink2(egui::vec2(0.0, 1.0));
    if selected {
        ui.painter().rect_filled(bg, 4.0, egui::Color32::from_rgb(0xdd, 0xe8, 0xf4));
        let bar = egui::Rect::from_min_size(bg.min, egui::vec2(3.0, bg.height()));
        ui.painter().rect_filled(bar, 1.0, theme::ACCENT);
    }
    // Three lines placed at fixed offsets, so every row is exactly ROW_HEIGHT tall.
    let x0 = rect.left() + 6.0;
    let line = |y: f32, h: f32, right_pad: f32| {
        egui::Rect::from_min_max(
            egui::pos2(x0, rect.top() + y),
            egui::pos2(rect.right() - right_pad, rect.top() + y + h),
        )
    };
    let title_color = if selected { theme::ACCENT } else { egui::Color32::from_rgb(0x1b, 0x1f, 0x24) };
    let title = RichText::new(d.display_title()).strong().color(title_color);
    let r =
        put_left(ui, line(4.0, 22.0, 26.0), egui::Button::new(title).truncate().frame_when_inactive(false));
    if r.on_hover_text(d.display_title()).clicked() {
        commands.push(Command::SelectDocument(i));
    }
    let x =
        egui::Rect::from_min_size(egui::pos2(rect.right() - 23.0, rect.top() + 5.0), egui::vec2(20.0, 20.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(x), |ui| {
        if icon_button(ui, Icon::Close, &format!("Remove {}", d.file)).clicked() {
            commands.push(Command::RemoveDocument(i));
        }
    });
    let outlet = d.meta.outlet.as_deref().unwrap_or("Unknown outlet");
    let date = d.meta.published.as_deref().unwrap_or("undated");
    put_left(
        ui,
        line(28.0, 16.0, 6.0).translate(egui::vec2(8.0, 0.0)),
        egui::Label::new(RichText::new(format!("{outlet} · {date}")).small().color(theme::MUTED)).truncate(),
    );
    let q = state.index.quotes_of.get(i).map_or(0, Vec::len);
    let e = state.index.events_of.get(i).map_or(0, Vec::len);
    let small = egui::FontId::proportional(11.5);
    let mut job = egui::text::LayoutJob::default();
    let fmt = |bg: egui::Color32, color: egui::Color32| egui::TextFormat {
        font_id: small.clone(),
        color,
        background: bg,
        ..Default::default()
    };
    job.append(
        &format!(" {q} quotes "),
        0.0,
        fmt(theme::QUOTE_BG, egui::Color32::from_rgb(0x44, 0x3a, 0x00)),
    );
    job.append(
        &format!(" {e} events "),
        6.0,
        fmt(theme::EVENT_BG, egui::Color32::from_rgb(0x14, 0x4d, 0x26)),
    );
    job.append(
        &format!("{:.1} KB", d.original.len() as f64 / 1024.0),
        8.0,
        fmt(egui::Color32::TRANSPARENT, theme::MUTED),
    );
    put_left(ui, line(47.0, 16.0, 6.0).translate(egui::vec2(8.0, 0.0)), egui::Label::new(job).truncate());
}

/// Add `widget` left-aligned and vertically centred in `rect`.
fn put_left(ui: &mut egui::Ui, rect: egui::Rect, widget: impl egui::Widget) -> egui::Response {
    ui.scope_builder(
        egui::UiBuilder::new().max_rect(rect).layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| ui.add(widget),
    )
    .inner
}
