//! The Quotes table: every attributed quote in the corpus, filterable and sortable, with
//! one-click add and jump to source. Only visible rows are laid out.

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::index::{QuoteColumn, TableFilter};
use super::widgets::{ellipsize, muted, sort_arrow};
use super::{AppState, Command, theme};

/// Height of a table row.
pub const ROW_HEIGHT: f32 = 24.0;

/// Draw the Quotes table.
pub fn quotes_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let mut f = state.quote_filter.clone();
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        changed |= filter_field(ui, &mut f.text, "Words in the quote", "Filter quotes by text", 170.0);
        changed |= filter_field(ui, &mut f.who, "Speaker or role", "Filter quotes by speaker", 130.0);
        changed |= filter_field(ui, &mut f.doc, "Document", "Filter quotes by document", 110.0);
        if ui.add_enabled(!f.is_empty(), egui::Button::new("Clear filters")).clicked() {
            f = TableFilter::default();
            changed = true;
        }
    });
    if changed {
        commands.push(Command::SetQuoteFilter(f));
    }
    muted(ui, format!("{} of {} quotes", state.quote_rows.len(), state.corpus.quotes.len()));
    ui.add_space(4.0);
    if state.corpus.quotes.is_empty() {
        ui.label("No attributed quotes were found in the loaded documents.");
        return;
    }

    let sort = state.quote_sort;
    let available = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("quotes_table")
        .striped(true)
        .resizable(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(120.0).at_least(70.0).clip(true))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::initial(100.0).at_least(60.0).clip(true))
        .column(Column::exact(40.0))
        .column(Column::exact(100.0))
        .min_scrolled_height(0.0)
        .max_scroll_height(available)
        .header(26.0, |mut h| {
            for (label, col) in [
                ("Speaker", Some(QuoteColumn::Speaker)),
                ("Quote", Some(QuoteColumn::Text)),
                ("Document", Some(QuoteColumn::Document)),
                ("Conf.", Some(QuoteColumn::Confidence)),
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
                            commands.push(Command::SortQuotes(c));
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, state.quote_rows.len(), |mut row| {
                let Some(&qi) = state.quote_rows.get(row.index()) else { return };
                let Some(q) = state.corpus.quotes.get(qi) else { return };
                let doc_index = state.index.by_id.get(&q.doc).copied();
                row.col(|ui| {
                    // One tooltip: the speaker and role when a role is known, else egui's own
                    // full text when the name is cut.
                    let label = egui::Label::new(RichText::new(&q.speaker).strong())
                        .truncate()
                        .show_tooltip_when_elided(q.role.is_none());
                    let r = ui.add(label);
                    if let Some(role) = &q.role {
                        r.on_hover_text(format!("{}, {role}", q.speaker));
                    }
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(format!("“{}”", ellipsize(&q.text, 400)))
                            .truncate()
                            .show_tooltip_when_elided(false),
                    )
                    .on_hover_text(&q.text);
                });
                row.col(|ui| {
                    let title = doc_index
                        .and_then(|d| state.corpus.docs.get(d))
                        .map_or(q.doc.as_str(), |d| d.display_title());
                    ui.add(egui::Label::new(RichText::new(title).small().color(theme::MUTED)).truncate());
                });
                row.col(|ui| {
                    muted(ui, format!("{:.0}%", q.confidence * 100.0));
                });
                row.col(|ui| {
                    if ui
                        .small_button("Add")
                        .accessible_name("Add quote")
                        .on_hover_text("Add to the briefing")
                        .clicked()
                    {
                        commands.push(Command::AddQuote(qi));
                    }
                    if let Some(d) = doc_index
                        && ui
                            .small_button("Show")
                            .accessible_name("Show quote in source")
                            .on_hover_text("Show in the Reader")
                            .clicked()
                    {
                        commands.push(Command::JumpTo { doc: d, span: q.span });
                    }
                });
            });
        });
}

/// A filter text field; returns true when it changed.
pub fn filter_field(ui: &mut egui::Ui, value: &mut String, hint: &str, name: &str, width: f32) -> bool {
    ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(width))
        .accessible_name(name)
        .changed()
}
