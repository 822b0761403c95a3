//! Search: ranked full-text hits over documents, quotes and events (BM25, phrases in
//! quotes, `prefix*`, `-exclude`), each with its snippet, `Show` and, for quotes and events,
//! `Add`. Only visible rows are laid out. The filter bar (type, dates, speaker, actor,
//! place, outlet) is the one the Timeline and the Map use.

use eframe::egui::{self, Color32, FontId, RichText, TextFormat, text::LayoutJob};

use super::incident_filter::filter_bar;
use super::state::MAX_HITS;
use super::widgets::muted;
use super::{AppState, Command, theme};
use crate::analysis::search::{Hit, Kind};

/// Height of one hit row.
const ROW_HEIGHT: f32 = 74.0;

/// Draw the Search view.
pub fn search_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut q = state.search_query.clone();
    let mut kinds = state.search_kinds;
    let mut changed = false;
    ui.horizontal(|ui| {
        changed |= ui
            .add(
                egui::TextEdit::singleline(&mut q)
                    .hint_text("Search: words, \"a phrase\", prefix*, -exclude")
                    .desired_width((ui.available_width() - 250.0).max(160.0)),
            )
            .accessible_name("Search query")
            .changed();
        changed |= ui.checkbox(&mut kinds.documents, "Documents").changed();
        changed |= ui.checkbox(&mut kinds.quotes, "Quotes").changed();
        changed |= ui.checkbox(&mut kinds.events, "Events").changed();
    });
    if changed {
        commands.push(Command::Search(q, kinds));
    }
    // The filters shared with the Timeline and the Map.
    filter_bar(ui, state, commands);
    if state.search_index.is_none() {
        muted(ui, "Indexing the corpus…");
        return;
    }
    let n = state.search_hits.len();
    if state.search_query.trim().is_empty() && state.filters.is_empty() {
        muted(
            ui,
            format!(
                "Search {} documents, their quotes and events; or set a filter to list what it matches.",
                state.corpus.docs.len()
            ),
        );
        return;
    }
    muted(ui, if n >= MAX_HITS { format!("best {n} hits") } else { format!("{n} hits") });
    ui.add_space(4.0);
    egui::ScrollArea::vertical().id_salt("search_hits").auto_shrink([false, false]).show_rows(
        ui,
        ROW_HEIGHT,
        n,
        |ui, range| {
            for i in range {
                if let Some(hit) = state.search_hits.get(i) {
                    hit_ui(ui, state, i, hit, commands);
                }
            }
        },
    );
}

fn hit_ui(ui: &mut egui::Ui, state: &AppState, i: usize, hit: &Hit, commands: &mut Vec<Command>) {
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), ROW_HEIGHT), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    if i % 2 == 1 {
        ui.painter().rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    }
    let mut child =
        ui.new_child(egui::UiBuilder::new().max_rect(rect.shrink2(egui::vec2(6.0, 4.0))).id_salt(("hit", i)));
    child.spacing_mut().item_spacing.y = 2.0;
    let doc_index = state.index.by_id.get(&hit.doc).copied();
    let title =
        doc_index.and_then(|d| state.corpus.docs.get(d)).map_or(hit.file.as_str(), |d| d.display_title());
    child.horizontal(|ui| {
        let (badge, bg) = match hit.kind {
            Kind::Document => ("document", Color32::from_rgb(0xe6, 0xe8, 0xeb)),
            Kind::Quote => ("quote", theme::QUOTE_BG),
            Kind::Event => ("event", theme::EVENT_BG),
        };
        ui.label(RichText::new(format!(" {badge} ")).small().background_color(bg));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(d) = doc_index
                && ui.small_button("Show").accessible_name(format!("Show hit {}", i + 1)).clicked()
            {
                commands.push(Command::JumpTo { doc: d, span: hit.span });
            }
            let add = match (hit.kind, hit.item) {
                (Kind::Quote, Some(q)) => Some(Command::AddQuote(q)),
                (Kind::Event, Some(e)) => Some(Command::AddEvent(e)),
                _ => None,
            };
            if let Some(c) = add
                && ui.small_button("Add").accessible_name(format!("Add hit {}", i + 1)).clicked()
            {
                commands.push(c);
            }
            ui.add(egui::Label::new(RichText::new(title).strong()).truncate());
        });
    });
    child.add(egui::Label::new(snippet_job(&hit.snippet, &hit.highlights, ui.visuals().text_color())).wrap());
}

/// The snippet with its matches in bold-ish accent on a light background.
fn snippet_job(snippet: &str, highlights: &[(usize, usize)], color: Color32) -> LayoutJob {
    let font = FontId::proportional(13.0);
    let plain = TextFormat { font_id: font.clone(), color, ..Default::default() };
    let hl = TextFormat {
        font_id: font,
        color: theme::ACCENT,
        background: Color32::from_rgb(0xff, 0xf3, 0xc4),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_rows = 2;
    let mut at = 0;
    for &(a, b) in highlights {
        if a < at || b > snippet.len() || !snippet.is_char_boundary(a) || !snippet.is_char_boundary(b) {
            continue;
        }
        job.append(&snippet[at..a], 0.0, plain.clone());
        job.append(&snippet[a..b], 0.0, hl.clone());
        at = b;
    }
    job.append(&snippet[at..], 0.0, plain);
    job
}
