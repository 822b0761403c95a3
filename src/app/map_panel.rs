//! The Map: provincial boundaries of Pakistan and Afghanistan (shipped in `assets/`, fully
//! offline) with the corpus's incidents placed by the gazetteer's coordinates, clustered
//! when close on screen, filterable by type, pannable and zoomable; clicking a marker
//! selects the incident and lists its sources ([`incident_detail_ui`]).

use eframe::egui::{self, Color32, Pos2, Rect, RichText, Sense, Stroke, Vec2};

use super::state::{AppState, Command};
use super::theme;
use super::timeline_panel::{TYPES, incident_detail_ui, marker_label, rgb};
use super::widgets::muted;
use crate::analysis::geo::{Projection, cluster, incident_points, map_bounds, provinces};
use crate::analysis::timeline::{DayRange, fatality_radius, type_colour};

/// Pan and zoom of the map, and the event types hidden by the filter (egui memory).
#[derive(Debug, Clone, PartialEq)]
struct View {
    zoom: f32,
    /// Longitude and latitude at the centre of the map (`None`: the middle of both countries).
    centre: Option<(f64, f64)>,
    hidden: Vec<String>,
    /// Date filter text ("2025", "2025-10", "2025-10-12"; empty: open).
    from: String,
    /// Upper date filter text.
    to: String,
}

impl Default for View {
    fn default() -> Self {
        View { zoom: 1.0, centre: None, hidden: Vec::new(), from: String::new(), to: String::new() }
    }
}

/// Markers closer than this on screen (points) are drawn as one cluster.
const CLUSTER_RADIUS: f64 = 20.0;
/// Most zoom.
const MAX_ZOOM: f32 = 60.0;

/// Draw the Map tab.
pub fn map_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let incidents = &state.corpus.incidents;
    let points = incident_points(incidents, &state.corpus.events);
    let view_id = egui::Id::unique("map_view");
    let mut view = ui.data(|d| d.get_temp::<View>(view_id)).unwrap_or_default();
    muted(
        ui,
        format!(
            "{} of {} incidents have gazetteer coordinates. Scroll or pinch to zoom, drag to pan, click a marker to see its sources; a numbered marker is a cluster (click to zoom in).",
            points.len(),
            incidents.len()
        ),
    );
    ui.horizontal_wrapped(|ui| {
        if ui.button("−").on_hover_text("Zoom out").accessible_name("Zoom out").clicked() {
            view.zoom = (view.zoom / 1.5).max(1.0);
        }
        if ui.button("+").on_hover_text("Zoom in").accessible_name("Zoom in").clicked() {
            view.zoom = (view.zoom * 1.5).min(MAX_ZOOM);
        }
        if ui.button("Fit").on_hover_text("Show both countries").accessible_name("Fit all").clicked() {
            view.zoom = 1.0;
            view.centre = None;
        }
        ui.separator();
        for t in TYPES {
            let mut shown = !view.hidden.iter().any(|h| h == t);
            let text = RichText::new(*t).small().color(rgb(type_colour(t)).gamma_multiply(0.9));
            if ui.checkbox(&mut shown, text).on_hover_text("Show this event type").changed() {
                if shown {
                    view.hidden.retain(|h| h != t);
                } else {
                    view.hidden.push((*t).to_string());
                }
            }
        }
    });

    ui.horizontal(|ui| {
        ui.label("Dates from");
        ui.add(egui::TextEdit::singleline(&mut view.from).desired_width(90.0).hint_text("YYYY-MM-DD"))
            .accessible_name("Map from date");
        ui.label("to");
        ui.add(egui::TextEdit::singleline(&mut view.to).desired_width(90.0).hint_text("YYYY-MM-DD"))
            .accessible_name("Map to date");
        muted(ui, "(a date range hides undated incidents)");
    });
    let from = DayRange::parse(view.from.trim()).map(|r| r.start);
    let to = DayRange::parse(view.to.trim()).map(|r| r.end);

    let detail_h = if state.selected_incident.is_some() { 230.0 } else { 0.0 };
    let avail = ui.available_size();
    let map_h = (avail.y - detail_h).max(200.0);
    let (rect, response) = ui.allocate_exact_size(Vec2::new(avail.x, map_h), Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Incident map"));

    let c = rect.center();
    let base = Projection::fit(
        map_bounds().padded(0.3),
        rect.left() as f64,
        rect.top() as f64,
        rect.width() as f64,
        rect.height() as f64,
    );
    // Screen position of the view's centre under the fitted projection at zoom 1.
    let centre_px = |v: &View| match v.centre {
        Some((lon, lat)) => {
            let (x, y) = base.project(lon, lat);
            Vec2::new(x as f32, y as f32)
        }
        None => c.to_vec2(),
    };
    let geo_at = |px: Vec2| {
        let (lon, lat) = base.unproject(px.x as f64, px.y as f64);
        Some((lon, lat))
    };
    if response.hovered() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = pinch * (1.0 + scroll.y / 400.0).clamp(0.5, 2.0);
        if (factor - 1.0).abs() > 1e-6 {
            let new_zoom = (view.zoom * factor).clamp(1.0, MAX_ZOOM);
            if let Some(p) = response.hover_pos() {
                // Keep the point under the pointer in place.
                let under = centre_px(&view) + (p - c) / view.zoom;
                view.centre = geo_at(under - (p - c) / new_zoom);
            }
            view.zoom = new_zoom;
        }
    }
    if response.dragged() {
        view.centre = geo_at(centre_px(&view) - response.drag_delta() / view.zoom);
    }
    let zoom = view.zoom;
    let mid = centre_px(&view);
    let screen = |lon: f64, lat: f64| {
        let (x, y) = base.project(lon, lat);
        c + (Vec2::new(x as f32, y as f32) - mid) * zoom
    };

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, Color32::from_rgb(0xee, 0xf3, 0xf7));
    for p in provinces() {
        let fill_stroke = if p.country == "Pakistan" {
            Stroke::new(1.0, Color32::from_rgb(0x8a, 0x96, 0xa3))
        } else {
            Stroke::new(1.0, Color32::from_rgb(0xa3, 0x96, 0x8a))
        };
        for ring in &p.rings {
            let pts: Vec<Pos2> = ring.iter().map(|&(lon, lat)| screen(lon, lat)).collect();
            if pts.len() >= 2 {
                painter.add(egui::Shape::line(pts, fill_stroke));
            }
        }
    }
    painter.rect_stroke(rect, 4.0, Stroke::new(1.0, theme::CARD_STROKE), egui::StrokeKind::Inside);

    // Markers, filtered by type, clustered in screen coordinates (so zooming splits them).
    let shown: Vec<usize> = points
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            incidents.get(p.incident).is_some_and(|inc| {
                let in_range = match (from, to, inc.day_range()) {
                    (None, None, _) => true,
                    (_, _, None) => false,
                    (f, t, Some(r)) => f.is_none_or(|f| r.end >= f) && t.is_none_or(|t| r.start <= t),
                };
                in_range && !view.hidden.contains(&inc.event_type)
            })
        })
        .map(|(k, _)| k)
        .collect();
    let screen_pts: Vec<(f64, f64)> = shown
        .iter()
        .filter_map(|&k| points.get(k))
        .map(|p| {
            let s = screen(p.lon, p.lat);
            (s.x as f64, s.y as f64)
        })
        .collect();
    let mut clicked: Option<(usize, Option<Pos2>)> = None;
    for cl in cluster(&screen_pts, CLUSTER_RADIUS) {
        let centre = Pos2::new(cl.center.0 as f32, cl.center.1 as f32);
        if !rect.contains(centre) {
            continue;
        }
        let members: Vec<&crate::analysis::geo::MapPoint> =
            cl.members.iter().filter_map(|&m| shown.get(m)).filter_map(|&k| points.get(k)).collect();
        let Some(first) = members.first() else { continue };
        let Some(inc) = incidents.get(first.incident) else { continue };
        let (hit, label, zoom_to) = if members.len() == 1 {
            let r = fatality_radius(inc.fatalities_min) + 1.0;
            painter.circle_filled(centre, r, rgb(type_colour(&inc.event_type)));
            painter.circle_stroke(centre, r, Stroke::new(1.0, Color32::WHITE));
            if !inc.conflicts.is_empty() {
                painter.circle_stroke(centre, r + 2.0, Stroke::new(1.5, theme::ERROR));
            }
            if state.selected_incident == Some(first.incident) {
                painter.circle_stroke(centre, r + 4.5, Stroke::new(2.0, theme::ACCENT));
            }
            let base =
                format!("{}: {} — {}", first.place, inc.date.as_deref().unwrap_or("undated"), inc.summary);
            (
                Rect::from_center_size(centre, Vec2::splat(2.0 * r + 6.0)),
                marker_label(state, first.incident, &base),
                None,
            )
        } else {
            let r = 9.0 + (members.len() as f32).sqrt() * 2.0;
            painter.circle_filled(centre, r, theme::ACCENT.gamma_multiply(0.85));
            painter.circle_stroke(centre, r, Stroke::new(1.5, Color32::WHITE));
            painter.text(
                centre,
                egui::Align2::CENTER_CENTER,
                members.len().to_string(),
                egui::FontId::proportional(12.0),
                Color32::WHITE,
            );
            let mut places: Vec<&str> = members.iter().map(|m| m.place.as_str()).collect();
            places.dedup();
            places.truncate(3);
            let label = format!("Cluster of {} incidents near {}", members.len(), places.join(", "));
            (Rect::from_center_size(centre, Vec2::splat(2.0 * r)), label, Some(centre))
        };
        let resp = ui.interact(hit.intersect(rect), view_id.with(("marker", first.incident)), Sense::click());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.on_hover_text(&label).clicked() {
            clicked = Some((first.incident, zoom_to));
        }
    }
    if let Some((i, zoom_to)) = clicked {
        if let Some(p) = zoom_to {
            // Centre the cluster and zoom in so that it splits.
            view.centre = geo_at(centre_px(&view) + (p - c) / view.zoom);
            view.zoom = (view.zoom * 2.5).min(MAX_ZOOM);
        }
        commands.push(Command::SelectIncident(Some(i)));
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));

    incident_detail_ui(ui, state, commands);
}
