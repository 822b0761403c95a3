//! Small drawing helpers shared by the panels.

use eframe::egui::{self, RichText, Ui};

use super::theme;

/// Icons drawn as shapes (the bundled font has no arrow or cross glyphs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// Triangle pointing up.
    Up,
    /// Triangle pointing down.
    Down,
    /// A cross.
    Close,
}

/// A compact icon button with an accessible name and a tooltip (the name).
pub fn icon_button(ui: &mut Ui, icon: Icon, name: &str) -> egui::Response {
    let size = egui::vec2(20.0, 20.0);
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::click());
    let enabled = ui.is_enabled();
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if resp.hovered() && enabled {
            painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
        }
        let color = if !enabled {
            ui.visuals().weak_text_color().gamma_multiply(0.5)
        } else if resp.hovered() {
            theme::ACCENT
        } else {
            theme::MUTED
        };
        let c = rect.center();
        let r = 4.5;
        match icon {
            Icon::Up | Icon::Down => {
                let s = if icon == Icon::Up { -1.0 } else { 1.0 };
                let pts = vec![
                    egui::pos2(c.x - r, c.y - s * r * 0.55),
                    egui::pos2(c.x + r, c.y - s * r * 0.55),
                    egui::pos2(c.x, c.y + s * r * 0.65),
                ];
                painter.add(egui::Shape::convex_polygon(pts, color, egui::Stroke::NONE));
            }
            Icon::Close => {
                let st = egui::Stroke::new(1.6, color);
                painter.line_segment([c + egui::vec2(-r, -r), c + egui::vec2(r, r)], st);
                painter.line_segment([c + egui::vec2(-r, r), c + egui::vec2(r, -r)], st);
            }
        }
    }
    resp.on_hover_text(name)
}

/// Same as [`icon_button`], greyed out unless `enabled`.
pub fn icon_button_enabled(ui: &mut Ui, enabled: bool, icon: Icon, name: &str) -> egui::Response {
    ui.add_enabled_ui(enabled, |ui| icon_button(ui, icon, name)).inner
}

/// Paint a small sort-direction triangle at the right end of `rect`.
pub fn sort_arrow(ui: &Ui, rect: egui::Rect, descending: bool) {
    let c = egui::pos2(rect.right() - 6.0, rect.center().y);
    let (r, s) = (4.0, if descending { 1.0 } else { -1.0 });
    let pts = vec![
        egui::pos2(c.x - r, c.y - s * r * 0.5),
        egui::pos2(c.x + r, c.y - s * r * 0.5),
        egui::pos2(c.x, c.y + s * r * 0.6),
    ];
    ui.painter().add(egui::Shape::convex_polygon(pts, theme::ACCENT, egui::Stroke::NONE));
}

/// A panel heading in the accent colour.
pub fn panel_heading(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).heading().color(theme::ACCENT).strong());
}

/// Small muted text.
pub fn muted(ui: &mut Ui, text: impl Into<String>) -> egui::Response {
    ui.label(RichText::new(text.into()).small().color(theme::MUTED))
}

/// Cut `text` to `max` characters with an ellipsis.
pub fn ellipsize(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}
