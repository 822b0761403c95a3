//! The briefing editor: title block, sections (rename, add, remove, reorder), and per
//! section its paragraphs and picked items as cards (edit with the original kept, note,
//! move up/down or to another section, remove). Every change is a [`Command`] and undoable.

use eframe::egui::{self, RichText};

use super::state::MARKINGS;
use super::widgets::{Icon, icon_button, icon_button_enabled, muted, panel_heading};
use super::{AppState, Command, theme};
use crate::briefing::estimative::{CONFIDENCE_LEVELS, LIKELIHOOD_TERMS};
use crate::briefing::ops::Edit;
use crate::briefing::{AnchorStatus, Block, BlockContent, Briefing, BriefingMeta, Section, SectionKind};

/// Draw the editor.
pub fn briefing_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        panel_heading(ui, "Briefing");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.add_enabled(state.history.can_redo(), egui::Button::new("Redo").small()).clicked() {
                commands.push(Command::Redo);
            }
            if ui.add_enabled(state.history.can_undo(), egui::Button::new("Undo").small()).clicked() {
                commands.push(Command::Undo);
            }
        });
    });
    egui::ScrollArea::vertical().id_salt("briefing_scroll").auto_shrink([false, false]).show(ui, |ui| {
        meta_ui(ui, &state.briefing.meta, commands);
        ui.add_space(6.0);
        let b = &state.briefing;
        for (si, section) in b.sections.iter().enumerate() {
            section_ui(ui, state, si, section, commands);
            ui.add_space(6.0);
        }
        if ui.button("+ Add section").accessible_name("Add section").clicked() {
            let index =
                b.sections.iter().position(|s| s.kind == SectionKind::Sources).unwrap_or(b.sections.len());
            commands.push(Command::Edit(Edit::AddSection {
                index,
                kind: SectionKind::Custom,
                title: SectionKind::Custom.default_title().to_string(),
            }));
        }
        ui.add_space(20.0);
    });
}

fn meta_ui(ui: &mut egui::Ui, meta: &BriefingMeta, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(RichText::new("Title block").strong())
        .id_salt("title_block")
        .default_open(true)
        .show(ui, |ui| {
            let mut m = meta.clone();
            let mut key = None;
            let w = (ui.available_width() - 90.0).max(120.0);
            egui::Grid::new("meta_grid").num_columns(2).spacing([8.0, 6.0]).show(ui, |ui| {
                if field(ui, "Title", "Briefing title", "Title of the note", &mut m.title, w) {
                    key = Some("meta.title");
                }
                if field(ui, "Author", "Briefing author", "Name, team", &mut m.author, w) {
                    key = Some("meta.author");
                }
                ui.label("Date");
                ui.horizontal(|ui| {
                    if ui
                        .add(
                            egui::TextEdit::singleline(&mut m.date)
                                .hint_text("YYYY-MM-DD")
                                .desired_width(110.0),
                        )
                        .accessible_name("Briefing date")
                        .changed()
                    {
                        key = Some("meta.date");
                    }
                    if ui.small_button("Today").clicked() {
                        m.date = jiff::Zoned::now().date().to_string();
                        key = Some("meta.date.today");
                    }
                });
                ui.end_row();
                if field(ui, "To", "Briefing recipients", "Recipients", &mut m.recipients, w) {
                    key = Some("meta.recipients");
                }
                ui.label("Marking");
                ui.horizontal(|ui| {
                    let custom = !MARKINGS.contains(&m.marking.as_str());
                    let shown = if custom { "Custom…".to_string() } else { m.marking.clone() };
                    egui::ComboBox::from_id_salt("marking_combo")
                        .selected_text(shown)
                        .width(170.0)
                        .show_ui(ui, |ui| {
                            for mk in MARKINGS {
                                if ui.selectable_label(m.marking == *mk, *mk).clicked() {
                                    m.marking = (*mk).to_string();
                                    key = Some("meta.marking.combo");
                                }
                            }
                            if ui.selectable_label(custom, "Custom…").clicked() && !custom {
                                m.marking = "OFFICIAL – ".to_string();
                                key = Some("meta.marking.combo");
                            }
                        })
                        .response
                        .accessible_name("Handling marking");
                    if custom
                        && ui
                            .add(
                                egui::TextEdit::singleline(&mut m.marking)
                                    .hint_text("Custom marking")
                                    .desired_width(130.0),
                            )
                            .accessible_name("Custom handling marking")
                            .changed()
                    {
                        key = Some("meta.marking");
                    }
                });
                ui.end_row();
                ui.label("Summary");
                if ui
                    .add(
                        egui::TextEdit::multiline(&mut m.summary)
                            .hint_text("Purpose, reference…")
                            .desired_rows(2)
                            .desired_width(w),
                    )
                    .accessible_name("Briefing summary")
                    .changed()
                {
                    key = Some("meta.summary");
                }
                ui.end_row();
            });
            if let Some(k) = key {
                commands.push(Command::Typing(k.to_string(), Edit::SetMeta(m)));
            }
        });
}

/// One labelled row of the title-block grid; true when the value changed.
fn field(ui: &mut egui::Ui, label: &str, name: &str, hint: &str, v: &mut String, w: f32) -> bool {
    ui.label(label);
    let changed = ui
        .add(egui::TextEdit::singleline(v).hint_text(hint).desired_width(w))
        .accessible_name(name)
        .changed();
    ui.end_row();
    changed
}

fn section_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    si: usize,
    section: &Section,
    commands: &mut Vec<Command>,
) {
    let b = &state.briefing;
    let n = b.sections.len();
    egui::Frame::new()
        .inner_margin(egui::Margin::symmetric(8, 6))
        .corner_radius(4)
        .fill(egui::Color32::from_rgb(0xe8, 0xed, 0xf3))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let mut title = section.title.clone();
                let w = (ui.available_width() - 80.0).max(80.0);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut title)
                            .font(egui::TextStyle::Heading)
                            .text_color(theme::ACCENT)
                            .hint_text("Section title")
                            .desired_width(w)
                            .frame(egui::Frame::NONE),
                    )
                    .accessible_name(format!("Section title: {}", section.title));
                if r.changed() {
                    commands.push(Command::Typing(
                        format!("{}:title", section.id.0),
                        Edit::RenameSection(section.id, title),
                    ));
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if icon_button(ui, Icon::Close, &format!("Remove section {}", section.title)).clicked() {
                        commands.push(Command::Edit(Edit::RemoveSection(section.id)));
                    }
                    if icon_button_enabled(
                        ui,
                        si + 1 < n,
                        Icon::Down,
                        &format!("Move section {} down", section.title),
                    )
                    .clicked()
                    {
                        commands.push(Command::Edit(Edit::MoveSection(section.id, si + 1)));
                    }
                    if icon_button_enabled(
                        ui,
                        si > 0,
                        Icon::Up,
                        &format!("Move section {} up", section.title),
                    )
                    .clicked()
                    {
                        commands.push(Command::Edit(Edit::MoveSection(section.id, si.saturating_sub(1))));
                    }
                });
            });
        });
    ui.add_space(2.0);
    ui.indent(("section_body", section.id.0), |ui| {
        if section.kind == SectionKind::Sources {
            sources_list_ui(ui, b);
        }
        if section.kind == SectionKind::Assessment {
            ui.menu_button("Insert estimative term…", |ui| {
                muted(ui, "ICD 203 likelihood");
                for t in &LIKELIHOOD_TERMS {
                    if ui.button(t.label()).clicked() {
                        commands.push(Command::InsertTerm(t.term.to_string()));
                        ui.close();
                    }
                }
                ui.separator();
                muted(ui, "Analytic confidence");
                for c in &CONFIDENCE_LEVELS {
                    if ui.button(c.label()).clicked() {
                        commands.push(Command::InsertTerm(c.term.to_string()));
                        ui.close();
                    }
                }
            });
        }
        let mut paragraph_no = 0;
        for (bi, block) in section.blocks.iter().enumerate() {
            if matches!(block.content, BlockContent::Text { .. }) {
                paragraph_no += 1;
            }
            block_ui(ui, state, si, bi, paragraph_no, section, block, commands);
            ui.add_space(4.0);
        }
        if section.blocks.is_empty() && section.kind != SectionKind::Sources {
            muted(ui, empty_hint(section.kind));
        }
        if ui
            .small_button("+ Paragraph")
            .accessible_name(format!("Add paragraph to {}", section.title))
            .clicked()
        {
            commands.push(Command::Edit(Edit::InsertBlock {
                section: section.id,
                index: usize::MAX,
                content: BlockContent::Text { markdown: String::new() },
                original: None,
                citations: Vec::new(),
                sources: Vec::new(),
            }));
        }
    });
}

fn empty_hint(kind: SectionKind) -> &'static str {
    match kind {
        SectionKind::Bluf => "The judgement in two or three sentences. Add a paragraph.",
        SectionKind::KeyQuotes => "Pick quotes in the Reader or the Quotes table.",
        SectionKind::KeyDevelopments => "Pick events in the Reader or the Events table.",
        SectionKind::Background => "Select text in the Reader and use Add as excerpt.",
        _ => "Empty section.",
    }
}

fn sources_list_ui(ui: &mut egui::Ui, b: &Briefing) {
    let cited = b.cited_sources();
    if cited.is_empty() {
        muted(ui, "Generated from what the briefing cites. Nothing cited yet.");
        return;
    }
    for (n, id) in cited.iter().enumerate() {
        let line = match b.sources.get(id) {
            Some(s) => {
                let mut parts = vec![s.title.clone().unwrap_or_else(|| s.file.clone())];
                if let Some(o) = &s.outlet {
                    parts.push(o.clone());
                }
                if let Some(p) = &s.published {
                    parts.push(p.clone());
                }
                parts.join(" · ")
            }
            None => format!("{id} (source text missing)"),
        };
        ui.add(egui::Label::new(RichText::new(format!("[{}] {line}", n + 1)).small()).wrap());
    }
}

#[allow(clippy::too_many_arguments)]
fn block_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    si: usize,
    bi: usize,
    paragraph_no: usize,
    section: &Section,
    block: &Block,
    commands: &mut Vec<Command>,
) {
    let b = &state.briefing;
    let selected = state.selected_block == Some(block.id);
    let is_first = si == 0 && bi == 0;
    let is_last = si + 1 == b.sections.len() && bi + 1 == section.blocks.len();
    let kind = match &block.content {
        BlockContent::Text { .. } => "Paragraph",
        BlockContent::Quote(_) => "Quote",
        BlockContent::Event(_) => "Event",
        BlockContent::Excerpt { .. } => "Excerpt",
        BlockContent::Incident(_) => "Incident",
    };
    let name = if kind == "Paragraph" {
        format!("{} paragraph {paragraph_no}", section.title)
    } else {
        format!("{kind} {}", bi + 1)
    };
    let resp = theme::card_frame(selected).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let badge = match &block.content {
                BlockContent::Quote(_) => theme::QUOTE_BG,
                BlockContent::Event(_) | BlockContent::Incident(_) => theme::EVENT_BG,
                _ => egui::Color32::from_rgb(0xe6, 0xe8, 0xeb),
            };
            let badge_text = RichText::new(format!(" {kind} ")).small().strong().background_color(badge);
            let r = ui
                .add(egui::Button::selectable(selected, badge_text).frame_when_inactive(false))
                .accessible_name(format!("Select {name}"))
                .on_hover_text("Select (then Alt+Up / Alt+Down moves it)");
            if r.clicked() {
                commands.push(Command::SelectBlock(if selected { None } else { Some(block.id) }));
            }
            if block.is_edited() {
                ui.label(RichText::new("edited").small().italics().color(theme::MUTED));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if icon_button(ui, Icon::Close, &format!("Remove {name}")).clicked() {
                    commands.push(Command::Edit(Edit::RemoveBlock(block.id)));
                }
                ui.menu_button(RichText::new("Move to…").small(), |ui| {
                    muted(ui, "Move to section");
                    for s in &b.sections {
                        if s.id != section.id && ui.button(&s.title).clicked() {
                            commands.push(Command::Edit(Edit::MoveBlock {
                                block: block.id,
                                section: s.id,
                                index: usize::MAX,
                            }));
                            ui.close();
                        }
                    }
                })
                .response
                .accessible_name(format!("Move {name} to section"))
                .on_hover_text("Move to another section");
                if icon_button_enabled(ui, !is_last, Icon::Down, &format!("Move {name} down")).clicked() {
                    commands.push(Command::SelectBlock(Some(block.id)));
                    commands.push(Command::MoveSelected(1));
                }
                if icon_button_enabled(ui, !is_first, Icon::Up, &format!("Move {name} up")).clicked() {
                    commands.push(Command::SelectBlock(Some(block.id)));
                    commands.push(Command::MoveSelected(-1));
                }
                if block.is_edited()
                    && ui
                        .small_button("Restore original")
                        .accessible_name(format!("Restore original of {name}"))
                        .clicked()
                {
                    commands.push(Command::Edit(Edit::RestoreOriginal(block.id)));
                }
            });
        });
        let mut focused = content_ui(ui, state, block, &name, commands);
        if !matches!(block.content, BlockContent::Text { .. }) {
            citation_ui(ui, state, block);
        }
        let mut note = block.note.clone();
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut note)
                    .hint_text("Analyst's note…")
                    .desired_width(f32::INFINITY)
                    .font(egui::TextStyle::Small),
            )
            .accessible_name(format!("Note on {name}"));
        if r.changed() {
            commands.push(Command::Typing(format!("{}:note", block.id.0), Edit::SetNote(block.id, note)));
        }
        focused |= r.gained_focus();
        focused
    });
    if state.reveal_block == Some(block.id) {
        ui.scroll_to_rect(resp.response.rect, Some(egui::Align::Center));
        commands.push(Command::BlockRevealed);
    }
    // Working in a card's fields selects the card (for keyboard moves and "insert after").
    if !selected && resp.inner && !commands.iter().any(|c| matches!(c, Command::SelectBlock(_))) {
        commands.push(Command::SelectBlock(Some(block.id)));
    }
}

/// Draw a block's editable content; true when one of its fields just gained focus.
fn content_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    block: &Block,
    name: &str,
    commands: &mut Vec<Command>,
) -> bool {
    let id = block.id;
    let typing = |field: &str| format!("{}:{field}", id.0);
    let mut gained = false;
    match &block.content {
        BlockContent::Text { markdown } => {
            let mut t = markdown.clone();
            let out = egui::TextEdit::multiline(&mut t)
                .hint_text("Write in Markdown: **bold**, *italic*, - bullets")
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .show(ui);
            let r = out.response.response.clone().accessible_name(name);
            if state.reveal_block == Some(id) {
                r.request_focus();
            }
            gained |= r.gained_focus();
            if r.changed() {
                commands.push(Command::Typing(
                    typing("text"),
                    Edit::UpdateBlock(id, BlockContent::Text { markdown: t }),
                ));
            }
            if r.has_focus()
                && let Some(c) = out.cursor_range
            {
                let at = usize::from(c.primary.index);
                if state.text_cursor != Some((id, at)) {
                    commands.push(Command::SetTextCursor(id, at));
                }
            }
        }
        BlockContent::Quote(q) => {
            let mut text = q.text.clone();
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut text)
                        .desired_rows(1)
                        .desired_width(f32::INFINITY)
                        .font(egui::TextStyle::Body),
                )
                .accessible_name(format!("{name} text"));
            gained |= r.gained_focus();
            if r.changed() {
                let mut nq = q.clone();
                nq.text = text;
                commands
                    .push(Command::Typing(typing("text"), Edit::UpdateBlock(id, BlockContent::Quote(nq))));
            }
            let mut who = format!("— {}", q.speaker);
            if let Some(role) = &q.role {
                who.push_str(&format!(", {role}"));
            }
            ui.label(RichText::new(who).strong());
        }
        BlockContent::Event(e) => {
            let mut what = e.what.clone();
            let r = ui
                .add(egui::TextEdit::singleline(&mut what).desired_width(f32::INFINITY))
                .accessible_name(format!("{name} summary"));
            gained |= r.gained_focus();
            if r.changed() {
                let mut ne = e.clone();
                ne.what = what;
                commands
                    .push(Command::Typing(typing("what"), Edit::UpdateBlock(id, BlockContent::Event(ne))));
            }
            let dash = |v: &[String]| if v.is_empty() { "—".to_string() } else { v.join(", ") };
            egui::Grid::new(("event_fields", id.0)).num_columns(4).spacing([10.0, 2.0]).show(ui, |ui| {
                muted(ui, "Date");
                ui.label(e.date.as_deref().unwrap_or("—"));
                muted(ui, "Place");
                ui.label(dash(&e.locations));
                ui.end_row();
                muted(ui, "Actors");
                ui.label(dash(&e.actors));
                muted(ui, "Fatalities");
                ui.label(match (e.fatalities, &e.fatalities_claimed_by) {
                    (Some(n), Some(by)) => format!("{n} (per {by})"),
                    (Some(n), None) => n.to_string(),
                    _ => "—".to_string(),
                });
                ui.end_row();
            });
            muted(ui, format!("{} — {}", e.event_type, e.sub_type));
        }
        BlockContent::Excerpt { text } => {
            let mut t = text.clone();
            let r = ui
                .add(egui::TextEdit::multiline(&mut t).desired_rows(2).desired_width(f32::INFINITY))
                .accessible_name(format!("{name} text"));
            gained |= r.gained_focus();
            if r.changed() {
                commands.push(Command::Typing(
                    typing("text"),
                    Edit::UpdateBlock(id, BlockContent::Excerpt { text: t }),
                ));
            }
        }
        BlockContent::Incident(inc) => {
            let mut what = inc.what.clone();
            let r = ui
                .add(egui::TextEdit::singleline(&mut what).desired_width(f32::INFINITY))
                .accessible_name(format!("{name} summary"));
            gained |= r.gained_focus();
            if r.changed() {
                let mut ni = inc.clone();
                ni.what = what;
                commands
                    .push(Command::Typing(typing("what"), Edit::UpdateBlock(id, BlockContent::Incident(ni))));
            }
            let dead = match (inc.fatalities_min, inc.fatalities_max) {
                (Some(a), Some(b)) if a != b => format!("{a}–{b} dead"),
                (Some(a), _) => format!("{a} dead"),
                _ => "no fatality figure".to_string(),
            };
            muted(
                ui,
                format!(
                    "{} · {} · {} · reported by {} source(s)",
                    inc.date.as_deref().unwrap_or("undated"),
                    inc.locations.join(", "),
                    dead,
                    inc.source_count
                ),
            );
            for c in &inc.conflicts {
                ui.colored_label(theme::ERROR, RichText::new(format!("Conflict: {c}")).small());
            }
        }
    }
    gained
}

fn citation_ui(ui: &mut egui::Ui, state: &AppState, block: &Block) {
    let b = &state.briefing;
    let cited = b.cited_sources();
    for c in &block.citations {
        let n = cited.iter().position(|s| *s == c.source).map_or(0, |p| p + 1);
        let title = b
            .sources
            .get(&c.source)
            .map(|s| s.title.clone().unwrap_or_else(|| s.file.clone()))
            .unwrap_or_else(|| c.source.clone());
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::Label::new(RichText::new(format!("[{n}] {title}")).small().color(theme::MUTED))
                    .truncate(),
            );
            match c.status {
                AnchorStatus::Exact => {}
                AnchorStatus::Moved => {
                    muted(ui, "(found elsewhere in the source)");
                }
                AnchorStatus::Lost => {
                    ui.colored_label(
                        theme::ERROR,
                        RichText::new("passage no longer found in the source").small(),
                    );
                }
                AnchorStatus::MissingSource => {
                    ui.colored_label(theme::ERROR, RichText::new("source document missing").small());
                }
            }
        });
    }
}
