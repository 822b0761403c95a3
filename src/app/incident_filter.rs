//! The filter bar shared by Search, the Timeline and the Map: one [`SearchFilters`] in the
//! app state (type, date range, speaker, actor, place, outlet), applied to search hits by
//! the index and to incidents by [`SearchFilters::incident_mask`]. Switching between the
//! three views keeps the filters.

use std::sync::Arc;

use eframe::egui::{self, RichText};

use super::state::{AppState, Command};
use super::theme;
use super::widgets::muted;
use crate::analysis::search::SearchFilters;
use crate::analysis::timeline::DayRange;
use crate::extract::EVENT_TYPES;

/// The last computed incident mask: corpus generation, filters, mask.
type CachedMask = (u64, SearchFilters, Arc<Vec<bool>>);

/// A labelled text field bound to an optional filter string.
fn text_filter(ui: &mut egui::Ui, value: &mut Option<String>, label: &str, name: &str, width: f32) {
    let mut text = value.clone().unwrap_or_default();
    ui.label(label);
    let changed = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(width).hint_text("any"))
        .accessible_name(name)
        .changed();
    if changed {
        *value = if text.is_empty() { None } else { Some(text) };
    }
}

/// A date field; a value that is not a date is flagged (it does not filter).
fn date_filter(ui: &mut egui::Ui, value: &mut Option<String>, label: &str, name: &str) {
    text_filter(ui, value, label, name, 84.0);
    if value.as_deref().is_some_and(|v| !v.trim().is_empty() && DayRange::parse(v).is_none()) {
        ui.label(RichText::new("not a date").small().color(theme::ERROR))
            .on_hover_text("Use ISO dates: 2025, 2025-10 or 2025-10-12");
    }
}

/// Draw the filter fields bound to `state.filters`; a change becomes
/// [`Command::SetFilters`].
pub fn filter_bar(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut f = state.filters.clone();
    // Fixed rows (a wrapping layout would split labels from their fields): type and dates,
    // then the four text fields, in two rows when the panel is narrow.
    let narrow = ui.available_width() < 640.0;
    ui.horizontal(|ui| {
        let shown = f.event_type.clone().unwrap_or_else(|| "All types".to_string());
        ui.label("Type");
        egui::ComboBox::from_id_salt("shared_type_filter")
            .selected_text(shown)
            .width(150.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.event_type, None, "All types");
                for t in EVENT_TYPES {
                    ui.selectable_value(&mut f.event_type, Some((*t).to_string()), *t);
                }
            })
            .response
            .accessible_name("Filter by type");
        date_filter(ui, &mut f.from, "From", "Filter from date");
        date_filter(ui, &mut f.to, "to", "Filter to date");
    });
    let mut clear = false;
    let mut clear_button = |ui: &mut egui::Ui, f: &SearchFilters| {
        clear |= ui
            .add_enabled(!f.is_empty(), egui::Button::new("Clear").small())
            .on_hover_text("Clear the filters (they apply to Search, the Timeline and the Map)")
            .accessible_name("Clear shared filters")
            .clicked();
    };
    ui.horizontal(|ui| {
        text_filter(ui, &mut f.speaker, "Speaker", "Filter by speaker", 90.0);
        text_filter(ui, &mut f.actor, "Actor", "Filter by actor", 90.0);
        if !narrow {
            text_filter(ui, &mut f.place, "Place", "Filter by place", 90.0);
            text_filter(ui, &mut f.outlet, "Outlet", "Filter by outlet", 90.0);
            clear_button(ui, &f);
        }
    });
    if narrow {
        ui.horizontal(|ui| {
            text_filter(ui, &mut f.place, "Place", "Filter by place", 90.0);
            text_filter(ui, &mut f.outlet, "Outlet", "Filter by outlet", 90.0);
            clear_button(ui, &f);
        });
    }
    if clear {
        f = SearchFilters::default();
    }
    if f != state.filters {
        commands.push(Command::SetFilters(f));
    }
}

/// Which incidents pass the shared filters: `None` when no filter is set (all pass), else
/// one flag per incident of the corpus. Recomputed only when the filters or the corpus
/// change (cached in egui memory).
pub fn incident_mask(ui: &egui::Ui, state: &AppState) -> Option<Arc<Vec<bool>>> {
    let filters = &state.filters;
    if filters.is_empty() {
        return None;
    }
    let id = egui::Id::unique("incident_mask");
    if let Some((g, f, m)) = ui.data(|d| d.get_temp::<CachedMask>(id))
        && g == state.corpus_generation
        && f == *filters
        && m.len() == state.corpus.incidents.len()
    {
        return Some(m);
    }
    let m = Arc::new(filters.incident_mask(&state.corpus));
    ui.data_mut(|d| d.insert_temp(id, (state.corpus_generation, filters.clone(), m.clone())));
    Some(m)
}

/// The filter bar over the Timeline or the Map, with the count of matching incidents;
/// returns [`incident_mask`].
pub fn incident_filter_bar(
    ui: &mut egui::Ui,
    state: &AppState,
    commands: &mut Vec<Command>,
) -> Option<Arc<Vec<bool>>> {
    filter_bar(ui, state, commands);
    let mask = incident_mask(ui, state);
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
    mask
}

/// True when incident `i` passes `mask` (no mask: every incident passes).
pub fn passes(mask: &Option<Arc<Vec<bool>>>, i: usize) -> bool {
    mask.as_ref().is_none_or(|m| m.get(i).copied().unwrap_or(false))
}
