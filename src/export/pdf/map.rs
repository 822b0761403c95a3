//! The map figure: the briefing's events and incidents that have gazetteer coordinates,
//! on the simplified provincial boundaries shipped in `assets/map/`, drawn as vector
//! graphics (strokes and discs, no raster), coloured by ACLED event type.

use super::fonts::{Fonts, SANS};
use super::layout::Draw;
use super::text::{Piece, Rgb};
use super::timeline::type_color;
use crate::analysis::geo::{Bounds, ClipRect, Projection, clip_segment, provinces};
use crate::export::model::MapMarker;

const LABEL_SIZE: f32 = 6.5;
/// Smallest extent shown around the markers (degrees), so a single place keeps context.
const MIN_EXTENT: f64 = 5.0;

fn piece(fonts: &mut Fonts, size: f32, color: Rgb, text: &str) -> Vec<Piece> {
    super::timeline::piece(fonts, SANS, size, color, text)
}

/// Lay out the map at `x`, `width` wide. Returns its height and drawing commands (`dy`
/// measured down from the figure's top). Nothing is drawn without markers.
pub fn figure(fonts: &mut Fonts, markers: &[MapMarker], x: f32, width: f32) -> (f32, Vec<Draw>) {
    let mut draws = Vec::new();
    let Some(b) = Bounds::of(markers.iter().map(|m| (m.lon, m.lat))) else { return (0.0, draws) };
    // Grow the box to the minimum extent around the markers' centre.
    let (cx, cy) = ((b.min_lon + b.max_lon) / 2.0, (b.min_lat + b.max_lat) / 2.0);
    let half_w = ((b.max_lon - b.min_lon) / 2.0 + 1.0).max(MIN_EXTENT / 2.0);
    let half_h = ((b.max_lat - b.min_lat) / 2.0 + 1.0).max(MIN_EXTENT / 2.0);
    let bounds =
        Bounds { min_lon: cx - half_w, max_lon: cx + half_w, min_lat: cy - half_h, max_lat: cy + half_h };
    let height = (width * 0.55).min(260.0);
    let proj = Projection::fit(bounds, x as f64, 0.0, width as f64, height as f64);
    let frame = ClipRect { min_x: x as f64, min_y: 0.0, max_x: (x + width) as f64, max_y: height as f64 };

    draws.push(Draw::Fill { x, dy: 0.0, w: width, h: height, color: (0.95, 0.96, 0.97) });
    // Boundaries, each segment clipped to the frame (Liang–Barsky) so borders run to its edge.
    for p in provinces() {
        let color = if p.country == "Pakistan" { (0.50, 0.55, 0.60) } else { (0.62, 0.56, 0.50) };
        for ring in &p.rings {
            for w in ring.windows(2) {
                let (a, c) = (proj.project(w[0].0, w[0].1), proj.project(w[1].0, w[1].1));
                if let Some((a, c)) = clip_segment(a, c, frame) {
                    draws.push(Draw::Stroke {
                        x1: a.0 as f32,
                        dy1: a.1 as f32,
                        x2: c.0 as f32,
                        dy2: c.1 as f32,
                        width: 0.4,
                        color,
                    });
                }
            }
        }
    }
    // Frame.
    let (l, r) = (x, x + width);
    for (x1, y1, x2, y2) in
        [(l, 0.0, r, 0.0), (l, height, r, height), (l, 0.0, l, height), (r, 0.0, r, height)]
    {
        draws.push(Draw::Stroke { x1, dy1: y1, x2, dy2: y2, width: 0.6, color: (0.6, 0.6, 0.6) });
    }
    // Markers (several at one place fan out slightly) and one label per place.
    let mut places: Vec<(String, f32, f32, usize)> = Vec::new();
    for m in markers {
        let (px, py) = proj.project(m.lon, m.lat);
        let (px, py) = (px as f32, py as f32);
        let k = match places.iter_mut().find(|p| p.0 == m.place) {
            Some(p) => {
                p.3 += 1;
                p.3 - 1
            }
            None => {
                places.push((m.place.clone(), px, py, 1));
                0
            }
        };
        let off = 3.2 * k as f32;
        draws.push(Draw::Disc { cx: px + off, dy: py, r: 3.6, color: (1.0, 1.0, 1.0) });
        draws.push(Draw::Disc { cx: px + off, dy: py, r: 2.8, color: type_color(&m.event_type) });
    }
    for (name, px, py, n) in &places {
        let text = if *n > 1 { format!("{name} ({n})") } else { name.clone() };
        let lp = piece(fonts, LABEL_SIZE, (0.2, 0.2, 0.2), &text);
        let w: f32 = lp.iter().map(|p| p.width).sum();
        let lx = (px + 5.0 + 3.2 * (*n as f32 - 1.0)).min(x + width - w - 2.0).max(x + 2.0);
        let ly = (py + LABEL_SIZE / 2.5).clamp(LABEL_SIZE + 1.0, height - 2.0);
        super::timeline::push_text(&mut draws, lp, lx, ly);
    }
    // Legend of the types present.
    let mut types: Vec<&str> = Vec::new();
    for m in markers {
        let t = if m.event_type.is_empty() { "Other" } else { m.event_type.as_str() };
        if !types.contains(&t) {
            types.push(t);
        }
    }
    let mut lx = x;
    let mut ly = height + 12.0;
    for t in types {
        let lp = piece(fonts, LABEL_SIZE, (0.25, 0.25, 0.25), t);
        let w: f32 = lp.iter().map(|p| p.width).sum::<f32>() + 14.0;
        if lx + w > x + width && lx > x {
            lx = x;
            ly += 10.0;
        }
        draws.push(Draw::Disc { cx: lx + 3.0, dy: ly - 2.2, r: 2.6, color: type_color(t) });
        super::timeline::push_text(&mut draws, lp, lx + 8.0, ly);
        lx += w + 6.0;
    }
    let note = piece(
        fonts,
        LABEL_SIZE,
        (0.4, 0.4, 0.4),
        "Boundaries: Natural Earth admin-1 (public domain), simplified. Places: built-in gazetteer.",
    );
    super::timeline::push_text(&mut draws, note, x, ly + 10.0);
    (ly + 14.0, draws)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_clipped_to_the_frame_and_reach_its_edge() {
        let mut fonts = Fonts::load().unwrap();
        // Peshawar: the 5° box around it cuts through many provincial borders.
        let markers = vec![MapMarker {
            lon: 71.58,
            lat: 34.01,
            event_type: "Battles".to_string(),
            place: "Peshawar".to_string(),
        }];
        let (x, width) = (50.0f32, 400.0f32);
        let (_, draws) = figure(&mut fonts, &markers, x, width);
        let height = (width * 0.55).min(260.0);
        let borders: Vec<(f32, f32, f32, f32)> = draws
            .iter()
            .filter_map(|d| match *d {
                Draw::Stroke { x1, dy1, x2, dy2, width, .. } if width < 0.5 => Some((x1, dy1, x2, dy2)),
                _ => None,
            })
            .collect();
        assert!(borders.len() > 20, "boundary segments drawn");
        let eps = 1e-3;
        let inside =
            |px: f32, py: f32| px >= x - eps && px <= x + width + eps && py >= -eps && py <= height + eps;
        assert!(
            borders.iter().all(|&(a, b, c, d)| inside(a, b) && inside(c, d)),
            "no segment leaves the frame"
        );
        let on_edge = |px: f32, py: f32| {
            (px - x).abs() < eps
                || (px - x - width).abs() < eps
                || py.abs() < eps
                || (py - height).abs() < eps
        };
        let touching = borders.iter().filter(|&&(a, b, c, d)| on_edge(a, b) || on_edge(c, d)).count();
        assert!(touching >= 2, "clipped borders run to the frame edge ({touching})");
    }
}
