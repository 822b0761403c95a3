//! Preview: the briefing as it will print, rendered from the model (paragraph Markdown by
//! a small pulldown-cmark renderer), with the export buttons.

use eframe::egui::{self, Color32, FontId, RichText, TextFormat, text::LayoutJob};

use super::jobs::ExportFormat;
use super::widgets::muted;
use super::{AppState, Command, theme};
use crate::briefing::{BlockContent, Briefing, SectionKind};
use crate::export::Paper;

/// Draw the preview.
pub fn preview_ui(ui: &mut egui::Ui, state: &AppState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Export PDF…").clicked() {
            commands.push(Command::Export(ExportFormat::Pdf));
        }
        if ui.button("Export Markdown…").clicked() {
            commands.push(Command::Export(ExportFormat::Markdown));
        }
        let mut o = state.prefs.export.clone();
        let mut changed = ui.checkbox(&mut o.include_notes, "Include notes").changed();
        egui::ComboBox::from_id_salt("paper_size")
            .selected_text(match o.paper {
                Paper::A4 => "A4",
                Paper::Letter => "US Letter",
            })
            .width(90.0)
            .show_ui(ui, |ui| {
                changed |= ui.selectable_value(&mut o.paper, Paper::A4, "A4").changed();
                changed |= ui.selectable_value(&mut o.paper, Paper::Letter, "US Letter").changed();
            })
            .response
            .accessible_name("Paper size");
        if changed {
            commands.push(Command::SetExportOptions(o));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical().id_salt("preview_scroll").auto_shrink([false, false]).show(ui, |ui| {
        // A page-like column.
        // A page-like column: 36 pt margins inside, never wider than the view.
        let width = (ui.available_width() - 8.0).min(720.0);
        ui.vertical_centered(|ui| {
            ui.set_max_width(width);
            egui::Frame::new()
                .inner_margin(egui::Margin::symmetric(36, 28))
                .fill(Color32::WHITE)
                .stroke(egui::Stroke::new(1.0, theme::CARD_STROKE))
                .shadow(egui::epaint::Shadow {
                    offset: [0, 2],
                    blur: 8,
                    spread: 0,
                    color: Color32::from_black_alpha(25),
                })
                .show(ui, |ui| {
                    ui.set_width(width - 74.0);
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        page_ui(ui, &state.briefing, state.prefs.export.include_notes);
                    });
                });
        });
        ui.add_space(24.0);
    });
}

fn marking_ui(ui: &mut egui::Ui, marking: &str) {
    if marking.trim().is_empty() {
        return;
    }
    let color = if marking.contains("SECRET") { theme::ERROR } else { Color32::from_rgb(0x33, 0x33, 0x33) };
    ui.vertical_centered(|ui| ui.label(RichText::new(marking).strong().color(color)));
}

fn page_ui(ui: &mut egui::Ui, b: &Briefing, notes: bool) {
    let m = &b.meta;
    marking_ui(ui, &m.marking);
    ui.add_space(8.0);
    ui.label(RichText::new(&m.title).size(24.0).strong().color(theme::ACCENT));
    let mut line = Vec::new();
    if !m.recipients.is_empty() {
        line.push(format!("To: {}", m.recipients));
    }
    if !m.author.is_empty() {
        line.push(format!("From: {}", m.author));
    }
    if !m.date.is_empty() {
        line.push(format!("Date: {}", m.date));
    }
    if !line.is_empty() {
        muted(ui, line.join("   ·   "));
    }
    if !m.summary.is_empty() {
        markdown_ui(ui, &m.summary);
    }
    let cited = b.cited_sources();
    let cite = |block: &crate::briefing::Block| -> String {
        let mut ns: Vec<usize> = block
            .citations
            .iter()
            .filter_map(|c| cited.iter().position(|s| *s == c.source).map(|p| p + 1))
            .collect();
        ns.dedup();
        if ns.is_empty() {
            String::new()
        } else {
            format!(" [{}]", ns.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", "))
        }
    };
    for s in &b.sections {
        let has_content = !s.blocks.is_empty() || (s.kind == SectionKind::Sources && !cited.is_empty());
        if !has_content {
            continue;
        }
        ui.add_space(10.0);
        ui.label(RichText::new(&s.title).size(17.0).strong().color(theme::ACCENT));
        ui.add_space(2.0);
        for block in &s.blocks {
            match &block.content {
                BlockContent::Text { markdown } => markdown_ui(ui, markdown),
                BlockContent::Quote(q) => {
                    let who = match &q.role {
                        Some(r) => format!("{}, {r}", q.speaker),
                        None => q.speaker.clone(),
                    };
                    ui.add(egui::Label::new(RichText::new(format!("“{}”", q.text)).italics()).wrap());
                    ui.label(format!("— {who}{}", cite(block)));
                }
                BlockContent::Event(e) => {
                    let mut head = e.date.clone().unwrap_or_default();
                    if !e.locations.is_empty() {
                        if !head.is_empty() {
                            head.push_str(", ");
                        }
                        head.push_str(&e.locations.join(", "));
                    }
                    let dead = e.fatalities.map(|n| format!(" ({n} killed)")).unwrap_or_default();
                    let text = if head.is_empty() {
                        format!("{}{dead}", e.what)
                    } else {
                        format!("{head}: {}{dead}", e.what)
                    };
                    ui.add(egui::Label::new(format!("• {text}{}", cite(block))).wrap());
                }
                BlockContent::Excerpt { text } => {
                    let r = egui::Frame::new()
                        .inner_margin(egui::Margin { left: 12, right: 0, top: 2, bottom: 2 })
                        .show(ui, |ui| {
                            ui.add(
                                egui::Label::new(
                                    RichText::new(format!("{text}{}", cite(block))).color(theme::MUTED),
                                )
                                .wrap(),
                            );
                        });
                    // A rule down the left of the quoted passage.
                    let rect = r.response.rect;
                    ui.painter().line_segment(
                        [rect.left_top() + egui::vec2(3.0, 2.0), rect.left_bottom() + egui::vec2(3.0, -2.0)],
                        egui::Stroke::new(2.0, theme::CARD_STROKE),
                    );
                }
                BlockContent::Incident(i) => {
                    ui.add(
                        egui::Label::new(format!("• {} ({} sources){}", i.what, i.source_count, cite(block)))
                            .wrap(),
                    );
                }
            }
            if notes && !block.note.is_empty() {
                ui.label(
                    RichText::new(format!("Note: {}", block.note)).small().italics().color(theme::MUTED),
                );
            }
            ui.add_space(4.0);
        }
        if s.kind == SectionKind::Sources {
            for (n, id) in cited.iter().enumerate() {
                let text = match b.sources.get(id) {
                    Some(src) => {
                        let mut parts = vec![src.title.clone().unwrap_or_else(|| src.file.clone())];
                        parts.extend(src.outlet.clone());
                        parts.extend(src.published.clone());
                        parts.extend(src.url.clone());
                        parts.join(". ")
                    }
                    None => id.clone(),
                };
                ui.add(egui::Label::new(RichText::new(format!("[{}] {text}", n + 1)).small()).wrap());
            }
        }
    }
    ui.add_space(12.0);
    marking_ui(ui, &m.marking);
}

/// Render a paragraph of Markdown: emphasis, strong, code, bullets, headings.
fn markdown_ui(ui: &mut egui::Ui, md: &str) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let body = FontId::new(14.0, egui::FontFamily::Proportional);
    let color = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    let (mut strong, mut em, mut heading) = (false, false, false);
    let flush = |ui: &mut egui::Ui, job: &mut LayoutJob| {
        if !job.text.is_empty() {
            job.wrap.max_width = ui.available_width();
            ui.label(std::mem::take(job));
        }
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Strong) => strong = true,
            Event::End(TagEnd::Strong) => strong = false,
            Event::Start(Tag::Emphasis) => em = true,
            Event::End(TagEnd::Emphasis) => em = false,
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                flush(ui, &mut job);
            }
            Event::Start(Tag::Item) => {
                job.append("•  ", 8.0, TextFormat { font_id: body.clone(), color, ..Default::default() })
            }
            Event::End(TagEnd::Item) | Event::End(TagEnd::Paragraph) => flush(ui, &mut job),
            Event::Text(t) | Event::Code(t) => {
                let size = if heading { 15.5 } else { 14.0 };
                let mut f = TextFormat {
                    font_id: FontId::new(size, egui::FontFamily::Proportional),
                    color,
                    ..Default::default()
                };
                f.italics = em;
                if strong || heading {
                    f.color = Color32::BLACK;
                    // Emulate bold with the strong colour and a slight size bump (no bold font bundled).
                    f.font_id.size += 0.5;
                }
                job.append(&t, 0.0, f);
            }
            Event::SoftBreak | Event::HardBreak => {
                job.append(" ", 0.0, TextFormat { font_id: body.clone(), color, ..Default::default() })
            }
            _ => {}
        }
    }
    flush(ui, &mut job);
}
