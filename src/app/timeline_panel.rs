//! The Timeline: the corpus's incidents on a date axis, coloured by type, sized by
//! fatalities, zoomable and pannable; clicking a marker selects the incident and lists its
//! sources below the chart ([`incident_detail_ui`], shared with the Map). The filter bar
//! (type, dates, speaker, actor, place, outlet) is shared with the Map.

use std::sync::Arc;

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Stroke, Vec2};

use super::incident_filter::{incident_filter_bar, passes};
use super::state::{AppState, Command};
use super::theme;
use super::widgets::muted;
use crate::analysis::incidents::chronology_text;
use crate::analysis::timeline::{
    MAX_RADIUS, Precision, TimelineItem, axis_ticks, civil_from_days, timeline_items_where, type_colour,
};
use crate::extract::EVENT_TYPES;

/// Zoom and centre of the visible date range, kept in egui memory like a scroll offset.
#[derive(Debug, Clone, Copy, PartialEq)]
struct View {
    /// 1 = the whole corpus; 2 = half of it, …
    zoom: f64,
    /// Day at the centre of the chart.
    centre: f64,
}

/// Height of the axis strip under the lanes.
const AXIS_H: f32 = 26.0;
/// Most zoom (a few days across the chart for a multi-year corpus).
const MAX_ZOOM: f64 = 400.0;

/// An egui colour from an sRGB triple.
pub(crate) fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Draw the Timeline tab.
pub fn timeline_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let incidents = &state.corpus.incidents;
    let mask = incident_filter_bar(ui, state, commands);
    // Items change only with the corpus or the filters: cached in egui memory.
    let items_id = egui::Id::unique("timeline_items");
    type Cached = (u64, Option<Arc<Vec<bool>>>, Arc<Vec<TimelineItem>>);
    let items: Arc<Vec<TimelineItem>> = match ui.data(|d| d.get_temp::<Cached>(items_id)) {
        Some((g, m, items)) if g == state.corpus_generation && m == mask => items,
        _ => {
            let items = Arc::new(timeline_items_where(incidents, 3, |i| passes(&mask, i)));
            ui.data_mut(|d| d.insert_temp(items_id, (state.corpus_generation, mask.clone(), items.clone())));
            items
        }
    };
    let kept = (0..incidents.len()).filter(|&i| passes(&mask, i)).count();
    let undated = kept - items.len();
    muted(
        ui,
        format!(
            "{} dated incidents{}. Scroll or pinch to zoom, drag to pan, click a marker to see its sources.",
            items.len(),
            if undated > 0 { format!(" ({undated} undated, not shown)") } else { String::new() }
        ),
    );
    if items.is_empty() {
        ui.label(if mask.is_some() {
            "No dated incident matches the filters."
        } else {
            "No dated incidents to show."
        });
        incident_detail_ui(ui, state, commands);
        return;
    }
    let first = items.iter().map(|t| t.range.start).min().unwrap_or(0);
    let last = items.iter().map(|t| t.range.end).max().unwrap_or(first);
    // Pad the full extent a little so markers at the ends are not cut.
    let pad = ((last - first) as f64 * 0.04).max(3.0);
    let (full_start, full_end) = (first as f64 - pad, last as f64 + 1.0 + pad);
    let full_span = full_end - full_start;
    let view_id = egui::Id::unique("timeline_view");
    let default_view = View { zoom: 1.0, centre: (full_start + full_end) / 2.0 };
    let mut view = ui.data(|d| d.get_temp::<View>(view_id)).unwrap_or(default_view);

    ui.horizontal_wrapped(|ui| {
        if ui.button("−").on_hover_text("Zoom out").accessible_name("Zoom out").clicked() {
            view.zoom = (view.zoom / 1.5).max(1.0);
        }
        if ui.button("+").on_hover_text("Zoom in").accessible_name("Zoom in").clicked() {
            view.zoom = (view.zoom * 1.5).min(MAX_ZOOM);
        }
        if ui.button("Fit").on_hover_text("Show the whole corpus").accessible_name("Fit all").clicked() {
            view = default_view;
        }
        ui.separator();
        for t in EVENT_TYPES {
            legend_item(ui, state, t, commands);
        }
    });

    let lanes = items.iter().map(|t| t.lane).max().unwrap_or(0) + 1;
    let detail_h = if state.selected_incident.is_some() { 230.0 } else { 0.0 };
    let avail = ui.available_size();
    let wanted = lanes as f32 * (2.0 * MAX_RADIUS + 8.0) + AXIS_H + 16.0;
    let chart_h = (avail.y - detail_h).min(wanted.max(160.0)).clamp(140.0, 620.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(avail.x, chart_h), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Incident timeline"));

    // Zoom about the pointer (scroll wheel or pinch), pan by dragging.
    let visible = |v: &View| full_span / v.zoom;
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = zoom as f64 * (1.0 + scroll.y as f64 / 400.0).clamp(0.5, 2.0);
        if (factor - 1.0).abs() > 1e-6 {
            let old_span = visible(&view);
            let new_zoom = (view.zoom * factor).clamp(1.0, MAX_ZOOM);
            if let Some(p) = response.hover_pos() {
                let frac = ((p.x - rect.left()) / rect.width()) as f64 - 0.5;
                let day_at = view.centre + frac * old_span;
                view.zoom = new_zoom;
                view.centre = day_at - frac * visible(&view);
            } else {
                view.zoom = new_zoom;
            }
        }
    }
    if response.dragged() {
        view.centre -= response.drag_delta().x as f64 / rect.width().max(1.0) as f64 * visible(&view);
    }
    // Keep the view inside the corpus's extent.
    let half = visible(&view) / 2.0;
    view.centre = view.centre.clamp(full_start + half, (full_end - half).max(full_start + half));
    ui.data_mut(|d| d.insert_temp(view_id, view));

    let start = view.centre - visible(&view) / 2.0;
    let span = visible(&view);
    let plot = Rect::from_min_max(rect.min, Pos2::new(rect.max.x, rect.max.y - AXIS_H));
    let x_of = |day: f64| plot.left() + ((day - start) / span) as f32 * plot.width();
    let lane_h = ((plot.height() - 8.0) / lanes as f32).clamp(6.0, 2.0 * MAX_RADIUS + 8.0);
    let y_of = |lane: usize| plot.top() + 4.0 + lane_h * (lane as f32 + 0.5);

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, Color32::WHITE);
    painter.rect_stroke(rect, 4.0, Stroke::new(1.0, theme::CARD_STROKE), egui::StrokeKind::Inside);
    // Axis with ticks and light vertical grid lines.
    let axis_y = plot.bottom();
    painter.line_segment(
        [Pos2::new(rect.left(), axis_y), Pos2::new(rect.right(), axis_y)],
        Stroke::new(1.0, theme::MUTED),
    );
    let max_ticks = ((rect.width() / 90.0) as usize).max(2);
    let tick_end = (start + span).floor() as i64;
    let mut last_year = None;
    for (day, mut label) in axis_ticks(start.ceil() as i64, tick_end, max_ticks) {
        // A month-only label gets its year whenever the year changes from the last tick.
        let (year, _, _) = civil_from_days(day);
        if last_year != Some(year) && !label.chars().any(|c| c.is_ascii_digit()) {
            label = format!("{label} {year}");
        }
        last_year = Some(year);
        let x = x_of(day as f64);
        painter.line_segment(
            [Pos2::new(x, plot.top()), Pos2::new(x, axis_y)],
            Stroke::new(1.0, Color32::from_gray(236)),
        );
        painter
            .line_segment([Pos2::new(x, axis_y), Pos2::new(x, axis_y + 4.0)], Stroke::new(1.0, theme::MUTED));
        // A label that would be cut by the chart's right edge is left out (its tick stays).
        let galley = painter.layout_no_wrap(label, egui::FontId::proportional(11.0), theme::MUTED);
        if x + 2.0 + galley.size().x <= rect.right() - 2.0 {
            painter.galley(Pos2::new(x + 2.0, axis_y + 5.0), galley, theme::MUTED);
        }
    }

    // Markers: imprecise dates (month/year) as faint bars, day dates as discs.
    let mut clicked = None;
    for t in items.iter() {
        let colour = rgb(t.colour);
        let y = y_of(t.lane);
        let r = t.radius.min(lane_h / 2.0).max(2.5);
        let x0 = x_of(t.range.start as f64);
        let x1 = x_of(t.range.end as f64 + 1.0);
        if x1 < rect.left() - MAX_RADIUS || x0 > rect.right() + MAX_RADIUS {
            continue;
        }
        let selected = state.selected_incident == Some(t.incident);
        let hit = if t.precision == Precision::Day && x1 - x0 < 2.0 * r {
            let c = Pos2::new((x0 + x1) / 2.0, y);
            painter.circle_filled(c, r, colour);
            if t.disputed {
                painter.circle_stroke(c, r + 2.0, Stroke::new(1.5, theme::ERROR));
            }
            if selected {
                painter.circle_stroke(c, r + 4.0, Stroke::new(2.0, theme::ACCENT));
            }
            Rect::from_center_size(c, Vec2::splat(2.0 * r + 4.0))
        } else {
            let bar = Rect::from_min_max(Pos2::new(x0, y - r), Pos2::new(x1.max(x0 + 2.0 * r), y + r));
            let fill = if t.precision == Precision::Day { colour } else { colour.gamma_multiply(0.45) };
            painter.rect_filled(bar, r, fill);
            if t.disputed {
                painter.rect_stroke(bar, r, Stroke::new(1.5, theme::ERROR), egui::StrokeKind::Outside);
            }
            if selected {
                painter.rect_stroke(
                    bar.expand(3.0),
                    r + 3.0,
                    Stroke::new(2.0, theme::ACCENT),
                    egui::StrokeKind::Outside,
                );
            }
            bar.expand(2.0)
        };
        let hit = hit.intersect(rect);
        if !hit.is_positive() {
            continue;
        }
        let label = marker_label(state, t.incident, &t.label);
        let resp = ui.interact(hit, view_id.with(t.incident), Sense::click());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let resp = resp.on_hover_ui(|ui| incident_tooltip(ui, state, t.incident, None));
        if resp.clicked() {
            clicked = Some(t.incident);
        }
    }
    if let Some(i) = clicked {
        commands.push(Command::SelectIncident(Some(i)));
    }

    incident_detail_ui(ui, state, commands);
}

/// A coloured dot and the type's name, allocated as one item so that wrapping keeps them
/// together. Clicking it filters the views to that type (again: all types), through the
/// filters shared with Search; the active type is underlined.
pub(crate) fn legend_item(ui: &mut egui::Ui, state: &AppState, t: &str, commands: &mut Vec<Command>) {
    let active = state.filters.event_type.as_deref() == Some(t);
    let colour = if active { theme::ACCENT } else { theme::MUTED };
    let galley = ui.painter().layout_no_wrap(t.to_string(), egui::FontId::proportional(12.0), colour);
    let (r, resp) =
        ui.allocate_exact_size(Vec2::new(galley.size().x + 16.0, galley.size().y.max(12.0)), Sense::click());
    let text_pos = Pos2::new(r.left() + 14.0, r.center().y - galley.size().y / 2.0);
    let text_w = galley.size().x;
    ui.painter().circle_filled(Pos2::new(r.left() + 5.0, r.center().y), 5.0, rgb(type_colour(t)));
    ui.painter().galley(text_pos, galley, colour);
    if active || resp.hovered() {
        let y = r.bottom();
        ui.painter().line_segment(
            [Pos2::new(text_pos.x, y), Pos2::new(text_pos.x + text_w, y)],
            Stroke::new(1.0, colour),
        );
    }
    let name = if active { format!("Show all types (now {t})") } else { format!("Show only {t}") };
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    if resp.on_hover_text(&name).clicked() {
        let mut f = state.filters.clone();
        f.event_type = if active { None } else { Some(t.to_string()) };
        commands.push(Command::SetFilters(f));
    }
}

/// The tooltip of an incident marker: its date (and place on the Map), then the incident in
/// plain prose with sources and figures ([`chronology_text`]).
pub(crate) fn incident_tooltip(ui: &mut egui::Ui, state: &AppState, incident: usize, place: Option<&str>) {
    let Some(inc) = state.corpus.incidents.get(incident) else { return };
    ui.set_max_width(360.0);
    let date = inc.day_range().map(|r| r.display()).unwrap_or_else(|| "Undated".to_string());
    ui.strong(match place {
        Some(p) => format!("{date} · {p}"),
        None => date,
    });
    ui.label(chronology_text(inc, &state.corpus.events));
    if !inc.conflicts.is_empty() {
        ui.colored_label(theme::ERROR, "Conflicting claims: click to see them.");
    }
}

/// The accessible name of an incident marker: date, summary, sources, dead.
pub(crate) fn marker_label(state: &AppState, incident: usize, base: &str) -> String {
    let Some(inc) = state.corpus.incidents.get(incident) else { return base.to_string() };
    let dead = match (inc.fatalities_min, inc.fatalities_max) {
        (Some(a), Some(b)) if a != b => format!("; {a}–{b} dead (disputed)"),
        (Some(a), _) => format!("; {a} dead"),
        _ => String::new(),
    };
    format!("{base} ({}{dead})", inc.corroboration())
}

/// The selected incident: summary, conflicts and each source's own report, each with a
/// button that shows the passage in the Reader; an Add button puts it in the briefing.
pub(crate) fn incident_detail_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(i) = state.selected_incident else { return };
    let Some(inc) = state.corpus.incidents.get(i) else { return };
    ui.add_space(6.0);
    theme::card_frame(true).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let date = inc.day_range().map(|r| r.display()).unwrap_or_else(|| "Undated".to_string());
            ui.strong(date);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.small_button("Clear").accessible_name("Clear selection").clicked() {
                    commands.push(Command::SelectIncident(None));
                }
                if ui.small_button("Add to briefing").accessible_name("Add selected incident").clicked() {
                    commands.push(Command::AddIncident(i));
                }
            });
        });
        muted(ui, format!("{} · reported by {}", inc.event_type, inc.corroboration()));
        // What happened in plain prose, built from the fields (as the drafted chronology).
        ui.label(chronology_text(inc, &state.corpus.events));
        for c in &inc.conflicts {
            ui.colored_label(theme::ERROR, format!("Conflict: {}", c.summary));
        }
        ui.add_space(4.0);
        egui::ScrollArea::vertical().id_salt("incident_sources").max_height(140.0).show(ui, |ui| {
            for rep in inc.reports(&state.corpus.events) {
                let Some(d) = state.corpus.docs.iter().position(|d| d.id == rep.doc) else { continue };
                let Some(doc) = state.corpus.docs.get(d) else { continue };
                let Some(ev) = state.corpus.events.get(rep.event) else { continue };
                ui.horizontal_wrapped(|ui| {
                    let name = format!("Source: {}", doc.display_title());
                    if ui.link(&name).accessible_name(&name).on_hover_text("Show in the Reader").clicked() {
                        commands.push(Command::JumpTo { doc: d, span: ev.span });
                    }
                    let mut fig = Vec::new();
                    if let Some(date) = &rep.date {
                        fig.push(date.clone());
                    }
                    if !rep.locations.is_empty() {
                        fig.push(rep.locations.join(", "));
                    }
                    if let Some(n) = rep.fatalities {
                        fig.push(match &rep.claimed_by {
                            Some(by) => format!("{n} dead (per {by})"),
                            None => format!("{n} dead"),
                        });
                    }
                    muted(ui, fig.join(" · "));
                });
            }
        });
    });
}
