//! The timeline figure: the briefing's dated events on a dated axis, labelled, coloured
//! by ACLED event type, drawn as vector graphics.

use super::fonts::{Fonts, SANS, SANS_BOLD};
use super::layout::Draw;
use super::text::{Piece, Rgb};
use crate::export::model::{TimelineEvent, format_date};

const LABEL_SIZE: f32 = 6.8;
const TICK_SIZE: f32 = 6.5;
const LANE_H: f32 = 10.5;
const MAX_LANES: usize = 6;

type Placed = (usize, f32, f32, Vec<Piece>, Vec<Piece>);

/// Colour of an ACLED event type: the palette of the app's Timeline and Map views
/// ([`crate::analysis::timeline::type_colour`]), as PDF RGB.
pub fn type_color(event_type: &str) -> Rgb {
    let [r, g, b] = crate::analysis::timeline::type_colour(event_type);
    (f32::from(r) / 255.0, f32::from(g) / 255.0, f32::from(b) / 255.0)
}

pub(super) fn piece(fonts: &mut Fonts, face: usize, size: f32, color: Rgb, text: &str) -> Vec<Piece> {
    fonts
        .resolve(face, text)
        .into_iter()
        .map(|(f, s)| {
            let width = fonts.width(f, size, &s);
            Piece { text: s, face: f, size, color, rise: 0.0, link: None, width }
        })
        .collect()
}

pub(super) fn push_text(draws: &mut Vec<Draw>, pieces: Vec<Piece>, x: f32, dy: f32) {
    let mut x = x;
    for p in pieces {
        let w = p.width;
        draws.push(Draw::Text { x, dy, piece: p });
        x += w;
    }
}

/// Lay out the figure at `x`, `width` wide. Returns its height and drawing commands
/// (`dy` measured down from the figure's top).
pub fn figure(fonts: &mut Fonts, events: &[TimelineEvent], x: f32, width: f32) -> (f32, Vec<Draw>) {
    let mut draws = Vec::new();
    if events.is_empty() {
        return (0.0, draws);
    }
    let first = events.iter().map(|e| e.day).min().unwrap_or(0);
    let last = events.iter().map(|e| e.day).max().unwrap_or(first);
    let span = (last - first).max(1) as f32;
    let pad = 10.0;
    let x0 = x + pad;
    let x1 = x + width - pad;
    let pos = |day: i64| x0 + (day - first) as f32 / span * (x1 - x0);

    // Labels: "12 Oct — what", placed in lanes above the axis so none overlap.
    let mut lanes: Vec<Vec<(f32, f32)>> = vec![Vec::new(); MAX_LANES];
    // (lane, label x, dot x, date pieces, label pieces)
    let mut placed: Vec<Placed> = Vec::new();
    let mut unlabelled = 0usize;
    for e in events {
        let dx = pos(e.day);
        let date = e.date.split(' ').take(2).collect::<Vec<_>>().join(" ");
        let dp = piece(fonts, SANS_BOLD, LABEL_SIZE, (0.15, 0.15, 0.15), &format!("{date} "));
        let lp = piece(fonts, SANS, LABEL_SIZE, (0.2, 0.2, 0.2), &e.label);
        let w: f32 = dp.iter().chain(lp.iter()).map(|p| p.width).sum();
        // Start the label at the dot; flip to end at the dot near the right edge.
        let lx = if dx + w > x + width { (dx - w).max(x) } else { dx - 2.0 };
        let span_x = (lx - 3.0, lx + w + 3.0);
        // No free lane: the event keeps its dot but gets no label.
        let Some(lane) =
            (0..MAX_LANES).find(|&l| lanes[l].iter().all(|&(a, b)| span_x.1 <= a || span_x.0 >= b))
        else {
            unlabelled += 1;
            continue;
        };
        lanes[lane].push(span_x);
        placed.push((lane, lx, dx, dp, lp));
    }
    let used = lanes.iter().rposition(|l| !l.is_empty()).map(|i| i + 1).unwrap_or(1);
    let top_pad = 4.0;
    let axis_dy = top_pad + used as f32 * LANE_H + 8.0;

    // Leader lines, dots, labels.
    for (lane, lx, dx, dp, lp) in placed.iter().rev() {
        let label_dy = top_pad + (used - 1 - lane) as f32 * LANE_H + LABEL_SIZE;
        draws.push(Draw::Stroke {
            x1: *dx,
            dy1: label_dy + 2.0,
            x2: *dx,
            dy2: axis_dy,
            width: 0.4,
            color: (0.7, 0.7, 0.7),
        });
        push_text(&mut draws, [dp.clone(), lp.clone()].concat(), *lx, label_dy);
    }
    // Axis.
    draws.push(Draw::Stroke {
        x1: x,
        dy1: axis_dy,
        x2: x + width,
        dy2: axis_dy,
        width: 0.8,
        color: (0.3, 0.3, 0.3),
    });
    // Ticks: months when the span is long, otherwise weeks or days.
    let ticks = tick_days(first, last);
    for (day, label) in &ticks {
        let tx = pos(*day);
        if tx < x - 0.5 || tx > x + width + 0.5 {
            continue;
        }
        draws.push(Draw::Stroke {
            x1: tx,
            dy1: axis_dy,
            x2: tx,
            dy2: axis_dy + 3.0,
            width: 0.5,
            color: (0.3, 0.3, 0.3),
        });
        let lp = piece(fonts, SANS, TICK_SIZE, (0.35, 0.35, 0.35), label);
        let w: f32 = lp.iter().map(|p| p.width).sum();
        let lx = (tx - w / 2.0).clamp(x, x + width - w);
        push_text(&mut draws, lp, lx, axis_dy + 4.0 + TICK_SIZE);
    }
    for e in events {
        draws.push(Draw::Disc { cx: pos(e.day), dy: axis_dy, r: 3.0, color: type_color(&e.event_type) });
    }
    // Legend of the types present.
    let mut types: Vec<String> = Vec::new();
    for e in events {
        let t = if e.event_type.is_empty() { "Other".to_string() } else { e.event_type.clone() };
        if !types.contains(&t) {
            types.push(t);
        }
    }
    let legend_dy = axis_dy + 4.0 + TICK_SIZE + 12.0;
    let mut lx = x;
    let mut ly = legend_dy;
    for t in &types {
        let lp = piece(fonts, SANS, TICK_SIZE, (0.25, 0.25, 0.25), t);
        let w: f32 = lp.iter().map(|p| p.width).sum::<f32>() + 14.0;
        if lx + w > x + width && lx > x {
            lx = x;
            ly += 10.0;
        }
        draws.push(Draw::Disc { cx: lx + 3.0, dy: ly - 2.2, r: 2.6, color: type_color(t) });
        push_text(&mut draws, lp, lx + 8.0, ly);
        lx += w + 6.0;
    }
    if unlabelled > 0 {
        ly += 10.0;
        let note =
            format!("{unlabelled} further events are marked without labels; the table lists every event.");
        let lp = piece(fonts, SANS, TICK_SIZE, (0.35, 0.35, 0.35), &note);
        push_text(&mut draws, lp, x, ly);
    }
    (ly + 5.0, draws)
}

/// Tick positions and labels between two days.
fn tick_days(first: i64, last: i64) -> Vec<(i64, String)> {
    let span = last - first;
    let mut out = Vec::new();
    // Walk calendar days; choose the tick rule by span.
    let step_rule = |d: i64| -> Option<String> {
        let (y, m, dd) = crate::analysis::timeline::civil_from_days(d);
        let iso = format!("{y:04}-{m:02}-{dd:02}");
        if span > 900 {
            (m == 1 && dd == 1).then(|| y.to_string())
        } else if span > 120 {
            (dd == 1).then(|| format_date(&format!("{y:04}-{m:02}"), true))
        } else if span > 20 {
            (dd == 1 || dd == 8 || dd == 15 || dd == 22).then(|| short_day(&iso))
        } else {
            Some(short_day(&iso))
        }
    };
    let mut d = first;
    while d <= last {
        if let Some(l) = step_rule(d) {
            out.push((d, l));
        }
        d += 1;
    }
    if out.len() < 2 {
        out = vec![(first, short_day_of(first)), (last, short_day_of(last))];
        out.dedup_by(|a, b| a.0 == b.0);
    }
    out
}

fn short_day(iso: &str) -> String {
    format_date(iso, true).rsplit_once(' ').map(|(a, _)| a.to_string()).unwrap_or_default()
}

fn short_day_of(d: i64) -> String {
    let (y, m, dd) = crate::analysis::timeline::civil_from_days(d);
    format_date(&format!("{y:04}-{m:02}-{dd:02}"), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::model::date_to_day;

    #[test]
    fn civil_inverts_day_numbers() {
        for iso in ["1970-01-01", "2000-02-29", "2025-10-12", "2026-03-01"] {
            let d = date_to_day(iso).unwrap();
            let (y, m, dd) = crate::analysis::timeline::civil_from_days(d);
            assert_eq!(format!("{y:04}-{m:02}-{dd:02}"), iso);
        }
    }

    #[test]
    fn ticks_follow_the_span() {
        let a = date_to_day("2025-01-10").unwrap();
        let b = date_to_day("2025-09-20").unwrap();
        let t = tick_days(a, b);
        assert!(t.iter().any(|(_, l)| l == "Feb 2025"), "{t:?}");
        let t = tick_days(a, a + 5);
        assert_eq!(t.len(), 6);
    }

    #[test]
    fn colours_differ_by_type() {
        assert_ne!(type_color("Battles"), type_color("Explosions/Remote violence"));
        assert_ne!(type_color("Violence against civilians"), type_color("Protests"));
    }
}
