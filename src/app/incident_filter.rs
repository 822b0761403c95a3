//! The filter bar shared by the Timeline and the Map: the search's own filter model
//! ([`SearchFilters`]: type, date range, speaker, actor, place, outlet) applied to incidents
//! by [`SearchFilters::incident_mask`]. One set of filters serves both views (kept in egui
//! memory like a scroll offset), so switching between them keeps the selection of incidents.

use std::sync::Arc;

use eframe::egui::{self, RichText};

use super::state::AppState;
use super::theme;
use super::widgets::muted;
use crate::analysis::search::SearchFilters;
use crate::analysis::timeline::DayRange;
use crate::extract::EVENT_TYPES;

/// The filters and the last computed mask, keyed by the corpus generation.
#[derive(Debug, Clone, Default)]
struct FilterMemory {
    filters: SearchFilters,
    cached: Option<(u64, SearchFilters, Arc<Vec<bool>>)>,
}

fn memory_id() -> egui::Id {
    egui::Id::unique("incident_filters")
}

/// A labelled text field bound to an optional filter string; true when it changed.
fn text_filter(ui: &mut egui::Ui, value: &mut Option<String>, label: &str, name: &str, width: f32) -> bool {
    let mut text = value.clone().unwrap_or_default();
    ui.label(label);
    let changed = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(width).hint_text("any"))
        .accessible_name(name)
        .changed();
    if changed {
        *value = if text.is_empty() { None } else { Some(text) };
    }
    changed
}

/// A date field; a value that is not a date is flagged (it does not filter).
fn date_filter(ui: &mut egui::Ui, value: &mut Option<String>, label: &str, name: &str) -> bool {
    let changed = text_filter(ui, value, label, name, 84.0);
    if value.as_deref().is_some_and(|v| !v.trim().is_empty() && DayRange::parse(v).is_none()) {
        ui.label(RichText::new("not a date").small().color(theme::ERROR))
            .on_hover_text("Use ISO dates: 2025, 2025-10 or 2025-10-12");
    }
    changed
}

/// Draw the filter bar and return which incidents pass: `None` when no filter is set (all
/// pass), else one flag per incident of the corpus. The mask is recomputed only when the
/// filters or the corpus change.
pub fn incident_filter_bar(ui: &mut egui::Ui, state: &AppState) -> Option<Arc<Vec<bool>>> {
    let id = memory_id();
    let mut mem = ui.data(|d| d.get_temp::<FilterMemory>(id)).unwrap_or_default();
    let f = &mut mem.filters;
    // Fixed rows (a wrapping layout would split labels from their fields): type and dates,
    // then the four text fields, in two rows when the panel is narrow.
    let narrow = ui.available_width() < 640.0;
    ui.horizontal(|ui| {
        let shown = f.event_type.clone().unwrap_or_else(|| "All types".to_string());
        ui.label("Type");
        egui::ComboBox::from_id_salt("incident_type_filter")
            .selected_text(shown)
            .width(150.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.event_type, None, "All types");
                for t in EVENT_TYPES {
                    ui.selectable_value(&mut f.event_type, Some((*t).to_string()), *t);
                }
            })
            .response
            .accessible_name("Filter incidents by type");
        date_filter(ui, &mut f.from, "From", "Incidents from date");
        date_filter(ui, &mut f.to, "to", "Incidents to date");
    });
    let mut clear = false;
    let mut clear_button = |ui: &mut egui::Ui, f: &SearchFilters| {
        clear |= ui
            .add_enabled(!f.is_empty(), egui::Button::new("Clear").small())
            .on_hover_text("Show every incident")
            .accessible_name("Clear incident filters")
            .clicked();
    };
    ui.horizontal(|ui| {
        text_filter(ui, &mut f.speaker, "Speaker", "Filter incidents by speaker", 90.0);
        text_filter(ui, &mut f.actor, "Actor", "Filter incidents by actor", 90.0);
        if !narrow {
            text_filter(ui, &mut f.place, "Place", "Filter incidents by place", 90.0);
            text_filter(ui, &mut f.outlet, "Outlet", "Filter incidents by outlet", 90.0);
            clear_button(ui, f);
        }
    });
    if narrow {
        ui.horizontal(|ui| {
            text_filter(ui, &mut f.place, "Place", "Filter incidents by place", 90.0);
            text_filter(ui, &mut f.outlet, "Outlet", "Filter incidents by outlet", 90.0);
            clear_button(ui, f);
        });
    }
    if clear {
        *f = SearchFilters::default();
    }
    let filters = mem.filters.clone();
    let mask = if filters.is_empty() {
        None
    } else {
        match &mem.cached {
            Some((g, cf, m))
                if *g == state.corpus_generation
                    && *cf == filters
                    && m.len() == state.corpus.incidents.len() =>
            {
                Some(m.clone())
            }
            _ => {
                let m = Arc::new(filters.incident_mask(&state.corpus));
                mem.cached = Some((state.corpus_generation, filters.clone(), m.clone()));
                Some(m)
            }
        }
    };
    if let Some(m) = &mask {
        let n = m.iter().filter(|&&k| k).count();
        muted(
            ui,
            format!(
                "{n} of {} incidents match the filters (an incident matches when any of its reports or sources does).",
                m.len()
            ),
        );
    }
    ui.data_mut(|d| d.insert_temp(id, mem));
    mask
}

/// True when incident `i` passes `mask` (no mask: every incident passes).
pub fn passes(mask: &Option<Arc<Vec<bool>>>, i: usize) -> bool {
    mask.as_ref().is_none_or(|m| m.get(i).copied().unwrap_or(false))
}
