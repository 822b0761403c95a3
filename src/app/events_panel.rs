//! The Events table: every ACLED-coded event in the corpus, filterable by actor, place,
//! type, date range and document, sortable, with one-click add and jump to source.

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::index::{EventColumn, TableFilter};
use super::quotes_panel::{ROW_HEIGHT, filter_field};
use super::widgets::{muted, sort_arrow};
use super::{AppState, Command, theme};
use crate::analysis::incidents::{chronology_text, incident_headline};
use crate::extract::EVENT_TYPES;

/// Draw the Events table.
pub fn events_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut f = state.event_filter.clone();
    let mut changed = false;
    ui.horizontal(|ui| {
        changed |= filter_field(ui, &mut f.text, "Words", "Filter events by text", 130.0);
        changed |= filter_field(ui, &mut f.who, "Actor", "Filter events by actor", 110.0);
        changed |= filter_field(ui, &mut f.place, "Place", "Filter events by place", 110.0);
        let shown = if f.event_type.is_empty() { "All types".to_string() } else { f.event_type.clone() };
        egui::ComboBox::from_id_salt("event_type_filter")
            .selected_text(shown)
            .width(130.0)
            .show_ui(ui, |ui| {
                changed |= ui.selectable_value(&mut f.event_type, String::new(), "All types").changed();
                for t in EVENT_TYPES {
                    changed |= ui.selectable_value(&mut f.event_type, (*t).to_string(), *t).changed();
                }
            })
            .response
            .accessible_name("Filter events by type");
    });
    ui.horizontal(|ui| {
        changed |= filter_field(ui, &mut f.date_from, "From date", "Events from date", 100.0);
        changed |= filter_field(ui, &mut f.date_to, "To date", "Events to date", 100.0);
        changed |= filter_field(ui, &mut f.doc, "Document", "Filter events by document", 130.0);
        if ui.add_enabled(!f.is_empty(), egui::Button::new("Clear filters")).clicked() {
            f = TableFilter::default();
            changed = true;
        }
    })
    .response
    .on_hover_text("Dates are ISO: 2025, 2025-10 or 2025-10-12");
    if changed {
        commands.push(Command::SetEventFilter(f));
    }
    muted(ui, format!("{} of {} events", state.event_rows.len(), state.corpus.events.len()));
    ui.add_space(4.0);
    if state.corpus.events.is_empty() {
        ui.label("No events were found in the loaded documents.");
        return;
    }
    let sort = state.event_sort;
    let available = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("events_table")
        .striped(true)
        .resizable(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(80.0).at_least(60.0).clip(true))
        .column(Column::initial(96.0).at_least(60.0).clip(true))
        .column(Column::remainder().at_least(110.0).clip(true))
        .column(Column::initial(80.0).at_least(50.0).clip(true))
        .column(Column::exact(44.0))
        .column(Column::exact(100.0))
        .min_scrolled_height(0.0)
        .max_scroll_height(available)
        .header(26.0, |mut h| {
            for (label, col) in [
                ("Date", Some(EventColumn::Date)),
                ("Type", Some(EventColumn::Type)),
                ("What", Some(EventColumn::Document)),
                ("Place", Some(EventColumn::Place)),
                ("Dead", Some(EventColumn::Fatalities)),
                ("", None),
            ] {
                h.col(|ui| {
                    if let Some(c) = col {
                        let r = ui.add(egui::Button::new(RichText::new(label).strong()).frame(false));
                        if sort.column == c {
                            let at = egui::Rect::from_min_size(
                                r.rect.right_top(),
                                egui::vec2(14.0, r.rect.height()),
                            );
                            sort_arrow(ui, at, sort.descending);
                        }
                        if r.on_hover_text(format!("Sort by {}", label.to_lowercase())).clicked() {
                            commands.push(Command::SortEvents(c));
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, state.event_rows.len(), |mut row| {
                let Some(&ei) = state.event_rows.get(row.index()) else { return };
                let Some(e) = state.corpus.events.get(ei) else { return };
                let doc_index = state.index.by_id.get(&e.doc).copied();
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(e.date.as_deref().unwrap_or("—"))
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_text(e.date_text.as_deref().unwrap_or("no date in the text"));
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(&e.sub_type).small())
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_text(&e.event_type);
                });
                row.col(|ui| {
                    let doc = doc_index
                        .and_then(|d| state.corpus.docs.get(d))
                        .map_or(e.doc.as_str(), |d| d.display_title());
                    ui.add(egui::Label::new(&e.what).truncate().show_tooltip_when_elided(false)).on_hover_ui(
                        |ui| {
                            ui.set_max_width(420.0);
                            ui.label(&e.evidence);
                            if !e.actors.is_empty() {
                                muted(ui, format!("Actors: {}", e.actors.join(", ")));
                            }
                            muted(ui, format!("Source: {doc}"));
                        },
                    );
                });
                row.col(|ui| {
                    let places: Vec<&str> = e.locations.iter().map(|l| l.text.as_str()).collect();
                    ui.add(egui::Label::new(RichText::new(places.join(", ")).small()).truncate());
                });
                row.col(|ui| {
                    let t = e.fatalities.map_or("—".to_string(), |n| n.to_string());
                    let r = ui.label(RichText::new(t).color(if e.fatalities.is_some() {
                        theme::ERROR
                    } else {
                        theme::MUTED
                    }));
                    if let Some(by) = &e.fatalities_claimed_by {
                        r.on_hover_text(format!("per {by}"));
                    }
                });
                row.col(|ui| {
                    if ui
                        .small_button("Add")
                        .accessible_name("Add event")
                        .on_hover_text("Add to the briefing")
                        .clicked()
                    {
                        commands.push(Command::AddEvent(ei));
                    }
                    if let Some(d) = doc_index
                        && ui
                            .small_button("Show")
                            .accessible_name("Show event in source")
                            .on_hover_text("Show in the Reader")
                            .clicked()
                    {
                        commands.push(Command::JumpTo { doc: d, span: e.span });
                    }
                });
            });
        });
}

/// Draw the Incidents table: events grouped across sources, conflicts flagged.
pub fn incidents_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let incidents = &state.corpus.incidents;
    muted(ui, format!("{} incidents from {} events", incidents.len(), state.corpus.events.len()));
    if incidents.is_empty() {
        ui.label("No incidents: no events were found in the loaded documents.");
        return;
    }
    let available = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("incidents_table")
        .striped(true)
        .resizable(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(86.0).clip(true))
        .column(Column::remainder().at_least(160.0).clip(true))
        .column(Column::initial(70.0).clip(true))
        .column(Column::initial(80.0).clip(true))
        .column(Column::exact(60.0))
        .min_scrolled_height(0.0)
        .max_scroll_height(available)
        .header(26.0, |mut h| {
            for l in ["Date", "Incident", "Sources", "Dead", ""] {
                h.col(|ui| {
                    ui.strong(l);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, incidents.len(), |mut row| {
                let i = row.index();
                let Some(inc) = incidents.get(i) else { return };
                row.col(|ui| {
                    ui.label(inc.date.as_deref().unwrap_or("—"));
                });
                row.col(|ui| {
                    // Plain words, as in the drafted chronology; only visible rows are built.
                    let mut text = RichText::new(incident_headline(inc, &state.corpus.events));
                    if !inc.conflicts.is_empty() {
                        text = text.color(theme::ERROR);
                    }
                    ui.add(egui::Label::new(text).truncate().show_tooltip_when_elided(false)).on_hover_ui(
                        |ui| {
                            ui.set_max_width(420.0);
                            ui.label(chronology_text(inc, &state.corpus.events));
                            for c in &inc.conflicts {
                                ui.colored_label(theme::ERROR, format!("Conflict: {}", c.summary));
                            }
                        },
                    );
                });
                row.col(|ui| {
                    ui.label(inc.sources.len().to_string());
                });
                row.col(|ui| {
                    ui.label(match (inc.fatalities_min, inc.fatalities_max) {
                        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
                        (Some(a), _) => a.to_string(),
                        _ => "—".to_string(),
                    });
                });
                row.col(|ui| {
                    if ui.small_button("Add").accessible_name("Add incident").clicked() {
                        commands.push(Command::AddIncident(i));
                    }
                });
            });
        });
}
