//! The Reader: the selected document's text with quotes and events highlighted. Hovering a
//! highlight shows its attribution or event fields; placing the cursor in one offers to add
//! it; selecting any text offers `Add as excerpt`.

use std::sync::Arc;

use eframe::egui::{self, Color32, FontId, RichText, TextFormat, text::LayoutJob};

use super::widgets::{ellipsize, muted};
use super::{AppState, Command, theme};
use crate::corpus::{Document, Span};

/// Accessible name of the document text.
pub const TEXT_NAME: &str = "Document text";

/// A highlighted passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Index into `corpus.quotes`.
    Quote(usize),
    /// Index into `corpus.events`.
    Event(usize),
}

fn reader_text_id(doc: usize) -> egui::Id {
    egui::Id::unique(("reader_text", doc))
}

/// Draw the selected document.
pub fn reader_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    let Some(di) = state.selected else {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| ui.label("Select a document in Sources to read it."));
        return;
    };
    let Some(doc) = state.corpus.docs.get(di) else { return };
    header_ui(ui, doc);

    let marks = marks_of(state, di);
    // Highlights under the cursor (or around the whole selection) get an Add button.
    let cursor_marks: Vec<Mark> = state
        .reader_selection
        .filter(|_| !state.prefs.show_original)
        .map(|s| {
            marks
                .iter()
                .filter(|(sp, _)| sp.start <= s.start && s.end <= sp.end && s.start < sp.end)
                .map(|(_, m)| *m)
                .collect()
        })
        .unwrap_or_default();

    // Toolbar: original/clean toggle, legend, and the actions for the selection.
    ui.horizontal_wrapped(|ui| {
        let mut show_original = state.prefs.show_original;
        if ui.checkbox(&mut show_original, "Show original text").changed() {
            commands.push(Command::ShowOriginal(show_original));
        }
        ui.separator();
        ui.label(RichText::new(" quote ").small().background_color(theme::QUOTE_BG));
        ui.label(RichText::new(" event ").small().background_color(theme::EVENT_BG));
        ui.separator();
        let sel = state.reader_selection.filter(|s| !s.is_empty() && !state.prefs.show_original);
        let excerpt = ui
            .add_enabled(sel.is_some(), egui::Button::new("Add as excerpt"))
            .on_hover_text("Add the selected text to the briefing as an excerpt")
            .on_disabled_hover_text("Select text in the document first");
        if excerpt.clicked()
            && let Some(span) = sel
        {
            commands.push(Command::AddExcerpt { doc: di, span });
        }
        for m in &cursor_marks {
            match *m {
                Mark::Quote(q) => {
                    if ui
                        .button("Add quote")
                        .on_hover_text("Add the quote at the cursor to the briefing")
                        .clicked()
                    {
                        commands.push(Command::AddQuote(q));
                    }
                }
                Mark::Event(e) => {
                    if ui
                        .button("Add event")
                        .on_hover_text("Add the event at the cursor to the briefing")
                        .clicked()
                    {
                        commands.push(Command::AddEvent(e));
                    }
                }
            }
        }
    });
    ui.separator();

    if state.prefs.show_original {
        egui::ScrollArea::vertical().id_salt("reader_original").auto_shrink([false, false]).show(ui, |ui| {
            let mut text: &str = &doc.original;
            ui.add(
                egui::TextEdit::multiline(&mut text)
                    .id(egui::Id::unique("reader_original_text"))
                    .font(egui::TextStyle::Monospace)
                    .desired_width(f32::INFINITY)
                    .frame(egui::Frame::NONE),
            )
            .accessible_name("Original text");
        });
        return;
    }

    let jump = state.pending_jump;
    if let Some(span) = jump {
        // Put the selection on the passage before the text is drawn.
        let id = reader_text_id(di);
        let mut ts = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
        let (a, b) = (char_index(&doc.clean, span.start), char_index(&doc.clean, span.end));
        ts.cursor.set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(a),
            egui::text::CCursor::new(b),
        )));
        ts.store(ui.ctx(), id);
        // Focus the text so the selected passage is drawn as a selection.
        ui.memory_mut(|m| m.request_focus(id));
    }

    let job_marks = Arc::new(marks.clone());
    let clean = doc.clean.as_str();
    let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let mut job = highlight_job(buf.as_str(), &job_marks, ui.style());
        job.wrap.max_width = wrap_width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let scroll = egui::ScrollArea::vertical().id_salt(("reader", di)).auto_shrink([false, false]);
    scroll.show(ui, |ui| {
        let mut text: &str = clean;
        // A readable measure (about 90 characters), centred in wide windows.
        let width = ui.available_width().min(780.0);
        let out = ui
            .vertical_centered(|ui| {
                egui::TextEdit::multiline(&mut text)
                    .id(reader_text_id(di))
                    .layouter(&mut layouter)
                    .desired_width(width)
                    .frame(egui::Frame::NONE)
                    .show(ui)
            })
            .inner;
        let response = out.response.response.clone().accessible_name(TEXT_NAME);

        // Selection → state.
        let sel = out.cursor_range.map(|r| {
            let range = r.as_sorted_char_range();
            Span::new(byte_index(clean, usize::from(range.start)), byte_index(clean, usize::from(range.end)))
        });
        let keep = state.reader_selection.filter(|s| !s.is_empty());
        if response.secondary_clicked()
            && let Some(prev) = keep
        {
            // A right-click opens the menu for the selection; it must not collapse it.
            let mut ts = out.state.clone();
            ts.cursor.set_char_range(Some(egui::text::CCursorRange::two(
                egui::text::CCursor::new(char_index(clean, prev.start)),
                egui::text::CCursor::new(char_index(clean, prev.end)),
            )));
            ts.store(ui.ctx(), reader_text_id(di));
        } else if jump.is_none() && sel != state.reader_selection {
            commands.push(Command::SetReaderSelection(sel));
        }

        // Right-click: the same actions as the toolbar.
        let selection = state.reader_selection.filter(|s| !s.is_empty());
        response.context_menu(|ui| {
            if ui.add_enabled(selection.is_some(), egui::Button::new("Add as excerpt")).clicked()
                && let Some(span) = selection
            {
                commands.push(Command::AddExcerpt { doc: di, span });
                ui.close();
            }
            for m in &cursor_marks {
                let (label, cmd) = match *m {
                    Mark::Quote(q) => ("Add this quote", Command::AddQuote(q)),
                    Mark::Event(e) => ("Add this event", Command::AddEvent(e)),
                };
                if ui.button(label).clicked() {
                    commands.push(cmd);
                    ui.close();
                }
            }
            if selection.is_none() && cursor_marks.is_empty() {
                muted(ui, "Select text, or click in a highlight");
            }
        });

        // Scroll to a jump target.
        if let Some(span) = jump {
            let c = egui::text::CCursor::new(char_index(clean, span.start));
            let rect = out.galley.pos_from_cursor(c).translate(out.galley_pos.to_vec2());
            ui.scroll_to_rect(rect.expand(40.0), Some(egui::Align::Center));
            commands.push(Command::JumpShown);
        }

        // Hover: what is under the pointer.
        if let Some(pos) = response.hover_pos() {
            let c = out.galley.cursor_from_pos(pos - out.galley_pos);
            let at = byte_index(clean, usize::from(c.index));
            let under: Vec<Mark> =
                marks.iter().filter(|(sp, _)| sp.start <= at && at < sp.end).map(|(_, m)| *m).collect();
            if !under.is_empty() {
                response.on_hover_ui_at_pointer(|ui| {
                    ui.set_max_width(380.0);
                    for m in &under {
                        mark_tooltip_ui(ui, state, *m);
                    }
                    muted(ui, "Click in the passage, then use Add quote / Add event above.");
                });
            }
        }
    });
}

fn header_ui(ui: &mut egui::Ui, doc: &Document) {
    ui.add(egui::Label::new(RichText::new(doc.display_title()).heading().strong()).wrap());
    let m = &doc.meta;
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = &m.outlet {
        parts.push(o.clone());
    }
    if let Some(a) = &m.author {
        parts.push(ellipsize(a, 60));
    }
    parts.push(m.published.clone().unwrap_or_else(|| "undated".to_string()));
    if let Some(d) = &m.dateline {
        parts.push(d.clone());
    }
    parts.push(doc.file.clone());
    ui.horizontal_wrapped(|ui| {
        muted(ui, parts.join(" · "));
        if let Some(u) = &m.source_url {
            ui.hyperlink_to(RichText::new(ellipsize(u, 60)).small(), u);
        }
    });
    if !doc.notes.is_empty() {
        muted(ui, format!("Cleaning: {}", doc.notes.join("; ")));
    }
}

fn marks_of(state: &AppState, di: usize) -> Vec<(Span, Mark)> {
    let mut v: Vec<(Span, Mark)> = Vec::new();
    if let Some(qs) = state.index.quotes_of.get(di) {
        v.extend(qs.iter().filter_map(|&q| state.corpus.quotes.get(q).map(|x| (x.span, Mark::Quote(q)))));
    }
    if let Some(es) = state.index.events_of.get(di) {
        v.extend(es.iter().filter_map(|&e| state.corpus.events.get(e).map(|x| (x.span, Mark::Event(e)))));
    }
    v.sort_by_key(|(s, _)| (s.start, s.end));
    v
}

fn mark_tooltip_ui(ui: &mut egui::Ui, state: &AppState, m: Mark) {
    match m {
        Mark::Quote(i) => {
            let Some(q) = state.corpus.quotes.get(i) else { return };
            ui.label(RichText::new("Quote").small().strong().background_color(theme::QUOTE_BG));
            ui.label(RichText::new(&q.speaker).strong());
            if let Some(r) = &q.role {
                ui.label(r);
            }
            muted(
                ui,
                format!("cue: {} · confidence {:.0}%", q.cue.as_deref().unwrap_or("—"), q.confidence * 100.0),
            );
        }
        Mark::Event(i) => {
            let Some(e) = state.corpus.events.get(i) else { return };
            ui.label(RichText::new("Event").small().strong().background_color(theme::EVENT_BG));
            ui.label(RichText::new(&e.what).strong());
            muted(ui, format!("{} — {}", e.event_type, e.sub_type));
            let places: Vec<&str> = e.locations.iter().map(|l| l.text.as_str()).collect();
            egui::Grid::new(("event_tip", i)).num_columns(2).show(ui, |ui| {
                ui.label("Date");
                ui.label(e.date.as_deref().unwrap_or("—"));
                ui.end_row();
                ui.label("Places");
                ui.label(if places.is_empty() { "—".to_string() } else { places.join(", ") });
                ui.end_row();
                ui.label("Actors");
                ui.label(if e.actors.is_empty() { "—".to_string() } else { e.actors.join(", ") });
                ui.end_row();
                ui.label("Fatalities");
                ui.label(match (e.fatalities, &e.fatalities_claimed_by) {
                    (Some(n), Some(by)) => format!("{n} (per {by})"),
                    (Some(n), None) => n.to_string(),
                    _ => "—".to_string(),
                });
                ui.end_row();
            });
        }
    }
    ui.add_space(4.0);
}

/// Lay out `text` with a background colour under every highlighted span.
fn highlight_job(text: &str, marks: &[(Span, Mark)], style: &egui::Style) -> LayoutJob {
    let font = FontId::new(15.0, egui::FontFamily::Proportional);
    let color = style.visuals.text_color();
    let plain = TextFormat { font_id: font.clone(), color, line_height: Some(23.0), ..Default::default() };
    let mut job = LayoutJob::default();
    // Boundaries where the set of covering marks changes.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (s, _) in marks {
        if s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
        {
            cuts.push(s.start);
            cuts.push(s.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b {
            continue;
        }
        // The innermost (last-starting) mark of each kind decides the shade; alternate
        // shades keep neighbouring highlights apart.
        let mut quote: Option<usize> = None;
        let mut event: Option<usize> = None;
        for (k, (s, m)) in marks.iter().enumerate() {
            if s.start <= a && b <= s.end {
                match m {
                    Mark::Quote(_) => quote = Some(k),
                    Mark::Event(_) => event = Some(k),
                }
            }
        }
        let bg = match (quote, event) {
            (Some(_), Some(_)) => theme::BOTH_BG,
            (Some(k), None) => {
                if k % 2 == 0 {
                    theme::QUOTE_BG
                } else {
                    theme::QUOTE_BG_ALT
                }
            }
            (None, Some(k)) => {
                if k % 2 == 0 {
                    theme::EVENT_BG
                } else {
                    theme::EVENT_BG_ALT
                }
            }
            (None, None) => Color32::TRANSPARENT,
        };
        job.append(&text[a..b], 0.0, TextFormat { background: bg, ..plain.clone() });
    }
    job
}

fn char_index(text: &str, byte: usize) -> usize {
    let b = byte.min(text.len());
    text.get(..b).map_or_else(|| text.chars().count(), |s| s.chars().count())
}

fn byte_index(text: &str, ch: usize) -> usize {
    text.char_indices().nth(ch).map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_job_covers_text_once_and_colours_marks() {
        let text = "Ab “quoted words” said X. Then a strike hit.";
        let q = text.find("quoted").unwrap_or(0);
        let e = text.find("Then").unwrap_or(0);
        let marks = vec![
            (Span::new(q, q + "quoted words".len()), Mark::Quote(0)),
            (Span::new(e, text.len()), Mark::Event(0)),
        ];
        let job = highlight_job(text, &marks, &egui::Style::default());
        assert_eq!(job.text, text);
        let bg_of = |needle: &str| {
            let at = text.find(needle).unwrap_or(0);
            job.sections
                .iter()
                .find(|s| usize::from(s.byte_range.start) <= at && at < usize::from(s.byte_range.end))
                .map(|s| s.format.background)
        };
        assert_eq!(bg_of("quoted"), Some(theme::QUOTE_BG));
        // The second mark gets the alternate shade.
        assert_eq!(bg_of("strike"), Some(theme::EVENT_BG_ALT));
        assert_eq!(bg_of("said"), Some(Color32::TRANSPARENT));
    }

    #[test]
    fn char_and_byte_indices_round_trip_on_non_ascii() {
        let t = "ö “x” é";
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(char_index(t, bi), ci);
            assert_eq!(byte_index(t, ci), bi);
        }
    }
}
