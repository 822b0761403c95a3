//! Look and feel: a calm light theme with one accent colour, readable type sizes and the
//! highlight colours the Reader and the cards share.

use eframe::egui::{self, Color32, FontFamily, FontId, Margin, Stroke, TextStyle};

/// Accent (headings, selected items).
pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x4e, 0x79);
/// Background of quote highlights.
pub const QUOTE_BG: Color32 = Color32::from_rgb(0xff, 0xec, 0xb3);
/// Background of event highlights.
pub const EVENT_BG: Color32 = Color32::from_rgb(0xd3, 0xf0, 0xdb);
/// Background of every other event highlight, so neighbouring events stay apart.
pub const EVENT_BG_ALT: Color32 = Color32::from_rgb(0xbd, 0xe6, 0xc8);
/// Background of every other quote highlight.
pub const QUOTE_BG_ALT: Color32 = Color32::from_rgb(0xff, 0xe0, 0x8a);
/// Background of a highlight that is both a quote and an event sentence.
pub const BOTH_BG: Color32 = Color32::from_rgb(0xe6, 0xe9, 0xb8);
/// Error text.
pub const ERROR: Color32 = Color32::from_rgb(0xb0, 0x1e, 0x1e);
/// Muted text.
pub const MUTED: Color32 = Color32::from_rgb(0x5f, 0x66, 0x6d);
/// Side panel fill.
pub const SIDE_FILL: Color32 = Color32::from_rgb(0xf3, 0xf4, 0xf6);
/// Card fill.
pub const CARD_FILL: Color32 = Color32::WHITE;
/// Card border.
pub const CARD_STROKE: Color32 = Color32::from_rgb(0xd5, 0xd9, 0xde);

/// Install the theme.
pub fn apply(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(19.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(13.0, FontFamily::Monospace)),
            (TextStyle::Button, FontId::new(14.0, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(11.5, FontFamily::Proportional)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.spacing.interact_size.y = 24.0;
        style.visuals.panel_fill = Color32::from_rgb(0xfb, 0xfb, 0xfc);
        style.visuals.window_fill = Color32::WHITE;
        style.visuals.extreme_bg_color = Color32::from_rgb(0xfd, 0xfd, 0xfe);
        // Fields and buttons get a hairline border so they read on white and grey panels.
        style.visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, Color32::from_rgb(0xcc, 0xd1, 0xd8));
        style.visuals.widgets.inactive.weak_bg_fill = Color32::from_rgb(0xee, 0xf0, 0xf3);
        style.visuals.widgets.hovered.bg_stroke = Stroke::new(1.0, Color32::from_rgb(0x8d, 0xa6, 0xc1));
        style.visuals.faint_bg_color = Color32::from_rgb(0xf5, 0xf7, 0xfa);
        style.visuals.selection.bg_fill = Color32::from_rgb(0xb8, 0xd4, 0xf0);
        style.visuals.selection.stroke = Stroke::new(1.0, ACCENT);
        style.visuals.hyperlink_color = ACCENT;
        style.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_rgb(0x22, 0x26, 0x2b);
    });
}

/// Frame of the menu and status bars.
pub fn bar_frame(ctx: &egui::Context) -> egui::Frame {
    egui::Frame::side_top_panel(&ctx.global_style())
        .inner_margin(Margin::symmetric(10, 4))
        .fill(Color32::from_rgb(0xe9, 0xec, 0xf0))
}

/// Frame of the Sources and Briefing panels.
pub fn side_frame(ctx: &egui::Context) -> egui::Frame {
    egui::Frame::side_top_panel(&ctx.global_style()).inner_margin(Margin::same(10)).fill(SIDE_FILL)
}

/// Frame of the central area.
pub fn central_frame(ctx: &egui::Context) -> egui::Frame {
    egui::Frame::central_panel(&ctx.global_style()).inner_margin(Margin::same(12)).fill(Color32::WHITE)
}

/// Frame of a card (a picked item, a section).
pub fn card_frame(selected: bool) -> egui::Frame {
    egui::Frame::new()
        .inner_margin(Margin::same(8))
        .corner_radius(4)
        .fill(CARD_FILL)
        .stroke(Stroke::new(if selected { 1.5 } else { 1.0 }, if selected { ACCENT } else { CARD_STROKE }))
}

#[cfg(test)]
mod tests {
    /// Every character the shell writes itself is in the bundled font (egui ships only
    /// Ubuntu-Light; a missing glyph would draw as a box).
    #[test]
    fn shell_text_glyphs_exist_in_the_bundled_font() {
        let ctx = eframe::egui::Context::default();
        let mut o = ctx.run_ui(Default::default(), |_| {});
        o.textures_delta.clear();
        let font = eframe::egui::FontId::proportional(14.0);
        for ch in "+•·…≈–—“”‘’×".chars() {
            assert!(ctx.fonts_mut(|f| f.has_glyph(&font, ch)), "{ch:?} missing");
        }
    }
}
