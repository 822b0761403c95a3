//! The Map: provincial boundaries of Pakistan and Afghanistan (shipped in `assets/`, fully
//! offline) with the corpus's incidents placed by the gazetteer's coordinates, clustered
//! when close on screen, filterable with the search's filters (the bar shared with the
//! Timeline), pannable and zoomable; clicking a marker selects the incident and lists its
//! sources ([`incident_detail_ui`]). A cluster whose incidents share one place (it would
//! never split by zooming) lists them in a popup instead, so each can be selected.

use std::sync::Arc;

use eframe::egui::{self, Color32, Pos2, Rect, RichText, Sense, Stroke, Vec2};

use super::incident_filter::{incident_filter_bar, passes};
use super::state::{AppState, Command};
use super::theme;
use super::timeline_panel::{incident_detail_ui, incident_tooltip, legend_item, marker_label, rgb};
use super::widgets::ellipsize;
use super::widgets::muted;
use crate::analysis::geo::{
    MapPoint, Projection, cluster, incident_points, is_stacked, map_bounds, provinces,
};
use crate::analysis::incidents::chronology_text;
use crate::analysis::timeline::{fatality_radius, type_colour};
use crate::extract::EVENT_TYPES;

/// Pan and zoom of the map, and the open list of a cluster that cannot split (egui memory).
#[derive(Debug, Clone, PartialEq)]
struct View {
    zoom: f32,
    /// Longitude and latitude at the centre of the map (`None`: the middle of both countries).
    centre: Option<(f64, f64)>,
    /// A clicked cluster whose incidents share one place: where it is and its incidents.
    list: Option<StackList>,
}

/// The incidents of a cluster that zooming cannot split, listed so each can be selected.
#[derive(Debug, Clone, PartialEq)]
struct StackList {
    lon: f64,
    lat: f64,
    place: String,
    incidents: Vec<usize>,
}

impl Default for View {
    fn default() -> Self {
        View { zoom: 1.0, centre: None, list: None }
    }
}

/// Markers closer than this on screen (points) are drawn as one cluster.
const CLUSTER_RADIUS: f64 = 20.0;
/// Most zoom.
const MAX_ZOOM: f32 = 60.0;

/// Draw the Map tab.
pub fn map_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let incidents = &state.corpus.incidents;
    // Marker positions change only with the corpus: computed once per generation.
    let points_id = egui::Id::unique("map_points");
    let points: Arc<Vec<MapPoint>> = match ui.data(|d| d.get_temp::<(u64, Arc<Vec<MapPoint>>)>(points_id)) {
        Some((g, p)) if g == state.corpus_generation => p,
        _ => {
            let p = Arc::new(incident_points(incidents, &state.corpus.events));
            ui.data_mut(|d| d.insert_temp(points_id, (state.corpus_generation, p.clone())));
            p
        }
    };
    let view_id = egui::Id::unique("map_view");
    let mut view = ui.data(|d| d.get_temp::<View>(view_id)).unwrap_or_default();
    muted(
        ui,
        format!(
            "{} of {} incidents have gazetteer coordinates. Scroll or pinch to zoom, drag to pan, click a marker to see its sources; a numbered marker is a cluster (click to zoom in; a ringed one holds incidents at a single place: click it for a list).",
            points.len(),
            incidents.len()
        ),
    );
    let mask = incident_filter_bar(ui, state, commands);
    ui.horizontal_wrapped(|ui| {
        if ui.button("−").on_hover_text("Zoom out").accessible_name("Zoom out").clicked() {
            view.zoom = (view.zoom / 1.5).max(1.0);
            view.list = None;
        }
        if ui.button("+").on_hover_text("Zoom in").accessible_name("Zoom in").clicked() {
            view.zoom = (view.zoom * 1.5).min(MAX_ZOOM);
            view.list = None;
        }
        if ui.button("Fit").on_hover_text("Show both countries").accessible_name("Fit all").clicked() {
            view.zoom = 1.0;
            view.centre = None;
            view.list = None;
        }
        ui.separator();
        for t in EVENT_TYPES {
            legend_item(ui, state, t, commands);
        }
    });

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

    // Markers that pass the filters, clustered in screen coordinates (so zooming splits them).
    let shown: Vec<usize> =
        points.iter().enumerate().filter(|(_, p)| passes(&mask, p.incident)).map(|(k, _)| k).collect();
    let screen_pts: Vec<(f64, f64)> = shown
        .iter()
        .filter_map(|&k| points.get(k))
        .map(|p| {
            let s = screen(p.lon, p.lat);
            (s.x as f64, s.y as f64)
        })
        .collect();
    let mut clicked: Option<Click> = None;
    for cl in cluster(&screen_pts, CLUSTER_RADIUS) {
        let centre = Pos2::new(cl.center.0 as f32, cl.center.1 as f32);
        if !rect.contains(centre) {
            continue;
        }
        let members: Vec<&MapPoint> =
            cl.members.iter().filter_map(|&m| shown.get(m)).filter_map(|&k| points.get(k)).collect();
        let Some(first) = members.first() else { continue };
        let Some(inc) = incidents.get(first.incident) else { continue };
        let (hit, label, click) = if members.len() == 1 {
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
                Click::Select(first.incident),
            )
        } else {
            // Members at one point never split by zooming (nor does anything at full zoom):
            // clicking such a cluster lists its incidents instead.
            let geo: Vec<(f64, f64)> = members.iter().map(|m| (m.lon, m.lat)).collect();
            let stacked = is_stacked(&geo, 1e-6) || view.zoom >= MAX_ZOOM;
            let r = 9.0 + (members.len() as f32).sqrt() * 2.0;
            painter.circle_filled(centre, r, theme::ACCENT.gamma_multiply(0.85));
            painter.circle_stroke(centre, r, Stroke::new(1.5, Color32::WHITE));
            if stacked {
                painter.circle_stroke(centre, r + 2.5, Stroke::new(1.5, theme::ACCENT.gamma_multiply(0.6)));
            }
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
            let hit = Rect::from_center_size(centre, Vec2::splat(2.0 * r));
            if stacked {
                let label = format!(
                    "Cluster of {} incidents at {} (one place: click to list them)",
                    members.len(),
                    places.join(", ")
                );
                let list = StackList {
                    lon: first.lon,
                    lat: first.lat,
                    place: places.join(", "),
                    incidents: members.iter().map(|m| m.incident).collect(),
                };
                (hit, label, Click::List(list))
            } else {
                let label = format!("Cluster of {} incidents near {}", members.len(), places.join(", "));
                (hit, label, Click::Zoom(centre, first.incident))
            }
        };
        let resp = ui.interact(hit.intersect(rect), view_id.with(("marker", first.incident)), Sense::click());
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        // A single marker's tooltip gives the incident in prose (built only when hovered).
        let single = matches!(click, Click::Select(_)).then_some(first.incident);
        let resp = resp.on_hover_ui(|ui| match single {
            Some(i) => incident_tooltip(ui, state, i, Some(&first.place)),
            None => {
                ui.label(&label);
            }
        });
        if resp.clicked() {
            clicked = Some(click);
        }
    }
    match clicked {
        Some(Click::Select(i)) => {
            view.list = None;
            commands.push(Command::SelectIncident(Some(i)));
        }
        Some(Click::Zoom(p, i)) => {
            // Centre the cluster and zoom in so that it splits.
            view.centre = geo_at(centre_px(&view) + (p - c) / view.zoom);
            view.zoom = (view.zoom * 2.5).min(MAX_ZOOM);
            view.list = None;
            commands.push(Command::SelectIncident(Some(i)));
        }
        Some(Click::List(l)) => {
            view.list = if view.list.as_ref() == Some(&l) { None } else { Some(l) };
        }
        None => {}
    }
    if let Some(list) = &view.list {
        let at = screen(list.lon, list.lat);
        if !stack_list_ui(ui, state, list, at, rect, &mask, commands) {
            view.list = None;
        }
    }
    ui.data_mut(|d| d.insert_temp(view_id, view));

    incident_detail_ui(ui, state, commands);
}

/// What a click on a marker does.
enum Click {
    /// Select this incident.
    Select(usize),
    /// Zoom into the cluster at this screen point (and select its first incident).
    Zoom(Pos2, usize),
    /// List the incidents of a cluster that cannot split.
    List(StackList),
}

/// The floating list of a stacked cluster's incidents, next to it on the map: one button
/// per incident (selecting it shows its sources below the map). Returns false when closed.
fn stack_list_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    list: &StackList,
    at: Pos2,
    map: Rect,
    mask: &Option<std::sync::Arc<Vec<bool>>>,
    commands: &mut Vec<Command>,
) -> bool {
    let mut shown: Vec<usize> = list.incidents.iter().copied().filter(|&i| passes(mask, i)).collect();
    // Oldest first, undated last.
    shown.sort_by_cached_key(|&i| {
        let r = state.corpus.incidents.get(i).and_then(|inc| inc.day_range());
        (r.is_none(), r.map(|r| (r.start, r.end)), i)
    });
    if shown.is_empty() || !map.contains(at) {
        return false;
    }
    let mut open = true;
    // Below the cluster (above it near the bottom edge), kept inside the map.
    const W: f32 = 340.0;
    let x = (at.x - W / 2.0).min(map.right() - W - 4.0).max(map.left() + 4.0);
    let below = map.bottom() - at.y >= at.y - map.top();
    let (pos, pivot) = if below {
        (Pos2::new(x, at.y + 24.0), egui::Align2::LEFT_TOP)
    } else {
        (Pos2::new(x, at.y - 24.0), egui::Align2::LEFT_BOTTOM)
    };
    egui::Area::new(egui::Id::unique("map_stack_list"))
        .order(egui::Order::Foreground)
        .fixed_pos(pos)
        .pivot(pivot)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(W - 10.0);
                ui.horizontal(|ui| {
                    ui.strong(format!("{} incidents at {}", shown.len(), list.place));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui
                            .small_button("Close")
                            .on_hover_text("Close this list")
                            .accessible_name("Close incident list")
                            .clicked()
                        {
                            open = false;
                        }
                    });
                });
                let mut entry = |ui: &mut egui::Ui, i: usize, wrap: bool| {
                    let Some(inc) = state.corpus.incidents.get(i) else { return };
                    let date = inc.day_range().map(|r| r.display()).unwrap_or_else(|| "Undated".to_string());
                    let prose = chronology_text(inc, &state.corpus.events);
                    let text = format!("{date}: {}", ellipsize(&prose, if wrap { 110 } else { 60 }));
                    let selected = state.selected_incident == Some(i);
                    let button = egui::Button::selectable(selected, RichText::new(&text).small());
                    let button = if wrap { button.wrap() } else { button.truncate() };
                    let resp = ui.add(button).accessible_name(format!("Select incident {text}"));
                    if resp.clicked() {
                        commands.push(Command::SelectIncident(Some(i)));
                    }
                };
                if shown.len() <= 6 {
                    // A short list shows whole.
                    for &i in &shown {
                        entry(ui, i, true);
                    }
                } else {
                    // A long one (hundreds at one place in a large corpus) scrolls, one line per
                    // incident, laying out only the visible rows.
                    let row_h =
                        ui.text_style_height(&egui::TextStyle::Small) + 2.0 * ui.spacing().button_padding.y;
                    egui::ScrollArea::vertical().id_salt("map_stack_scroll").max_height(300.0).show_rows(
                        ui,
                        row_h,
                        shown.len(),
                        |ui, rows| {
                            for k in rows {
                                if let Some(&i) = shown.get(k) {
                                    entry(ui, i, false);
                                }
                            }
                        },
                    );
                }
            });
        });
    open
}
