//! Map data: simplified provincial boundaries of Pakistan and Afghanistan (Natural Earth
//! admin-1, public domain; see `assets/map/README.md`), a projection that fits them into a
//! rectangle, incident positions from the gazetteer's coordinates, and clustering of close
//! markers. Pure geometry, no GUI types: the map view and the PDF export draw from it.

use std::sync::OnceLock;

use serde::Deserialize;

use super::Incident;
use crate::extract::Event;

/// The boundary file, embedded.
const PROVINCES_JSON: &str = include_str!("../../assets/map/provinces.json");

/// One first-level division (province, territory) with its outline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Province {
    /// Name ("Khyber Pakhtunkhwa", "Nangarhar").
    pub name: String,
    /// "Pakistan" or "Afghanistan".
    pub country: String,
    /// Closed outer rings, each a list of `(longitude, latitude)` in degrees; the first
    /// point repeats as the last.
    pub rings: Vec<Vec<(f64, f64)>>,
}

#[derive(Deserialize)]
struct ProvinceFile {
    provinces: Vec<Province>,
}

/// All provinces of both countries (41), parsed once. Empty only if the embedded file
/// were corrupt (a test guards against that).
pub fn provinces() -> &'static [Province] {
    static CELL: OnceLock<Vec<Province>> = OnceLock::new();
    CELL.get_or_init(|| {
        serde_json::from_str::<ProvinceFile>(PROVINCES_JSON).map(|f| f.provinces).unwrap_or_default()
    })
}

/// A longitude/latitude box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// West edge (degrees).
    pub min_lon: f64,
    /// South edge.
    pub min_lat: f64,
    /// East edge.
    pub max_lon: f64,
    /// North edge.
    pub max_lat: f64,
}

impl Bounds {
    /// The box of some points; `None` for no points.
    pub fn of(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Bounds> {
        let mut b: Option<Bounds> = None;
        for (lon, lat) in points {
            if !lon.is_finite() || !lat.is_finite() {
                continue;
            }
            b = Some(match b {
                None => Bounds { min_lon: lon, min_lat: lat, max_lon: lon, max_lat: lat },
                Some(b) => Bounds {
                    min_lon: b.min_lon.min(lon),
                    min_lat: b.min_lat.min(lat),
                    max_lon: b.max_lon.max(lon),
                    max_lat: b.max_lat.max(lat),
                },
            });
        }
        b
    }

    /// The box grown by `deg` degrees on every side.
    pub fn padded(&self, deg: f64) -> Bounds {
        Bounds {
            min_lon: self.min_lon - deg,
            min_lat: self.min_lat - deg,
            max_lon: self.max_lon + deg,
            max_lat: self.max_lat + deg,
        }
    }
}

/// The box around both countries.
pub fn map_bounds() -> Bounds {
    Bounds::of(provinces().iter().flat_map(|p| p.rings.iter().flatten().copied())).unwrap_or(Bounds {
        min_lon: 60.5,
        min_lat: 23.6,
        max_lon: 77.9,
        max_lat: 38.5,
    })
}

/// An equirectangular projection (longitudes scaled by the cosine of the central
/// latitude, so shapes look right at these latitudes) fitted into a rectangle, with
/// y growing downwards as on screens and in PDF drawing code that flips it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    scale: f64,
    kx: f64,
    lon0: f64,
    lat0: f64,
    x0: f64,
    y0: f64,
}

impl Projection {
    /// Fit `bounds` into the rectangle at `(x, y)` of size `width` × `height`, centred,
    /// preserving the aspect ratio.
    pub fn fit(bounds: Bounds, x: f64, y: f64, width: f64, height: f64) -> Projection {
        let mid_lat = (bounds.min_lat + bounds.max_lat) / 2.0;
        let kx = mid_lat.to_radians().cos().max(0.1);
        let w = ((bounds.max_lon - bounds.min_lon) * kx).max(1e-9);
        let h = (bounds.max_lat - bounds.min_lat).max(1e-9);
        let scale = (width.max(1.0) / w).min(height.max(1.0) / h);
        let x0 = x + (width - w * scale) / 2.0;
        let y0 = y + (height - h * scale) / 2.0;
        Projection { scale, kx, lon0: bounds.min_lon, lat0: bounds.max_lat, x0, y0 }
    }

    /// Screen position of a point.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (self.x0 + (lon - self.lon0) * self.kx * self.scale, self.y0 + (self.lat0 - lat) * self.scale)
    }

    /// Geographic position of a screen point.
    pub fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        (self.lon0 + (x - self.x0) / (self.kx * self.scale), self.lat0 - (y - self.y0) / self.scale)
    }

    /// Screen units per degree of latitude.
    pub fn scale(&self) -> f64 {
        self.scale
    }
}

/// True when the point lies inside the closed ring (even-odd rule).
pub fn point_in_ring(lon: f64, lat: f64, ring: &[(f64, f64)]) -> bool {
    let mut inside = false;
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let mut j = n - 1;
    for i in 0..n {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[j];
        if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The province containing a point, if any.
pub fn province_at(lon: f64, lat: f64) -> Option<&'static Province> {
    provinces().iter().find(|p| p.rings.iter().any(|r| point_in_ring(lon, lat, r)))
}

/// The province with this name (case-insensitive; common spellings accepted).
pub fn province_named(name: &str) -> Option<&'static Province> {
    let key = name.trim().to_lowercase().replace(['-', '_'], " ");
    let key = match key.as_str() {
        "kp" | "kpk" | "nwfp" | "khyber pakhtunkhwa" | "khyber pakhtoonkhwa" | "fata" => "khyber pakhtunkhwa",
        "baluchistan" => "balochistan",
        "sind" => "sindh",
        "islamabad" | "ict" => "islamabad capital territory",
        "gb" | "gilgit baltistan" | "northern areas" => "gilgit baltistan",
        "ajk" | "azad kashmir" => "azad jammu and kashmir",
        "paktiya" | "paktya" => "paktia",
        "hilmand" => "helmand",
        "hirat" => "herat",
        "nangrahar" => "nangarhar",
        "khowst" => "khost",
        "konar" => "kunar",
        "nurestan" => "nuristan",
        "oruzgan" | "urozgan" => "uruzgan",
        "wardag" | "maidan wardak" => "wardak",
        k => k,
    };
    provinces().iter().find(|p| p.name.to_lowercase().replace('-', " ") == key)
}

/// A marker on the map: an incident placed by its first resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    /// Index of the incident.
    pub incident: usize,
    /// Longitude (degrees).
    pub lon: f64,
    /// Latitude (degrees).
    pub lat: f64,
    /// The place it is drawn at.
    pub place: String,
}

/// How specific a place is as a map position (0 = town, crossing or village; then district,
/// region, province), or `None` when it cannot be drawn: countries (a country-wide marker
/// would mislead) and places without usable coordinates. Lower ranks are preferred.
pub fn map_rank(p: &crate::extract::places::Place) -> Option<u8> {
    let usable = p.lat.is_finite() && p.lon.is_finite() && (p.lat, p.lon) != (0.0, 0.0);
    if p.kind == "country" || !usable {
        return None;
    }
    Some(match p.kind.as_str() {
        "city" | "town" | "crossing" | "village" => 0,
        "district" => 1,
        "region" => 2,
        "province" => 3,
        _ => 4,
    })
}

/// Where to draw each incident: the gazetteer coordinates of the most specific resolved
/// place its events give (town/district before province; countries are skipped, as a
/// country-level marker would mislead). Incidents without one are left out.
pub fn incident_points(incidents: &[Incident], events: &[Event]) -> Vec<MapPoint> {
    incidents
        .iter()
        .enumerate()
        .filter_map(|(i, inc)| {
            let place = inc
                .events
                .iter()
                .filter_map(|&e| events.get(e))
                .flat_map(|e| e.locations.iter().filter_map(|l| l.place.as_ref()))
                .filter_map(|p| map_rank(p).map(|r| (r, p)))
                .min_by_key(|(r, _)| *r)?
                .1;
            Some(MapPoint { incident: i, lon: place.lon, lat: place.lat, place: place.name.clone() })
        })
        .collect()
}

/// A group of markers drawn as one.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Mean position of the members (same units as the input points).
    pub center: (f64, f64),
    /// Indices of the member points.
    pub members: Vec<usize>,
}

/// Cluster points that lie within `radius` of a cluster's first point (greedy, in input
/// order, using a grid so it stays fast for thousands of markers). Use screen coordinates
/// so clustering follows the zoom level. Every point ends in exactly one cluster.
pub fn cluster(points: &[(f64, f64)], radius: f64) -> Vec<Cluster> {
    use std::collections::HashMap;
    let radius = if radius.is_finite() && radius > 0.0 { radius } else { 0.0 };
    let cell = radius.max(1e-9);
    let key = |p: (f64, f64)| ((p.0 / cell).floor() as i64, (p.1 / cell).floor() as i64);
    // seeds: (anchor point, member indices)
    let mut seeds: Vec<((f64, f64), Vec<usize>)> = Vec::new();
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, &p) in points.iter().enumerate() {
        if !p.0.is_finite() || !p.1.is_finite() {
            seeds.push((p, vec![i]));
            continue;
        }
        let (gx, gy) = key(p);
        let mut found: Option<(f64, usize)> = None;
        for dx in -1..=1 {
            for dy in -1..=1 {
                for &s in grid.get(&(gx + dx, gy + dy)).into_iter().flatten() {
                    let a = seeds[s].0;
                    let d = ((a.0 - p.0).powi(2) + (a.1 - p.1).powi(2)).sqrt();
                    if d <= radius && found.is_none_or(|(bd, bs)| d < bd || (d == bd && s < bs)) {
                        found = Some((d, s));
                    }
                }
            }
        }
        match found {
            Some((_, s)) => seeds[s].1.push(i),
            None => {
                grid.entry((gx, gy)).or_default().push(seeds.len());
                seeds.push((p, vec![i]));
            }
        }
    }
    seeds
        .into_iter()
        .map(|(_, members)| {
            let n = members.len() as f64;
            let (sx, sy) =
                members.iter().fold((0.0, 0.0), |acc, &m| (acc.0 + points[m].0, acc.1 + points[m].1));
            Cluster { center: (sx / n, sy / n), members }
        })
        .collect()
}

/// True when every point lies within `tolerance` of the first one: a cluster of such points
/// (several incidents in one district) never splits by zooming, so the view lists its
/// members instead. Non-finite points count as apart; no points or one point is not a stack.
pub fn is_stacked(points: &[(f64, f64)], tolerance: f64) -> bool {
    let Some(&(x0, y0)) = points.first() else { return false };
    points.len() > 1
        && points.iter().all(|&(x, y)| {
            x.is_finite() && y.is_finite() && (x - x0).abs() <= tolerance && (y - y0).abs() <= tolerance
        })
}

/// A rectangle for clipping: `x` from `min_x` to `max_x`, `y` from `min_y` to `max_y`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClipRect {
    /// Left edge.
    pub min_x: f64,
    /// Top (or bottom) edge: the smaller `y`.
    pub min_y: f64,
    /// Right edge.
    pub max_x: f64,
    /// The larger `y`.
    pub max_y: f64,
}

/// The part of the segment `a`–`b` inside `r` (Liang–Barsky), or `None` when the segment
/// misses the rectangle. Endpoints inside stay exactly as given; crossings are cut at the
/// edge, so clipped lines reach the frame instead of stopping short of it.
pub fn clip_segment(a: (f64, f64), b: (f64, f64), r: ClipRect) -> Option<((f64, f64), (f64, f64))> {
    if ![a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite()) {
        return None;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0 - r.min_x), (dx, r.max_x - a.0), (-dy, a.1 - r.min_y), (dy, r.max_y - a.1)] {
        if p == 0.0 {
            // Parallel to this edge: wholly outside it, or no constraint.
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return None;
            }
        }
    }
    let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    let start = if t0 > 0.0 { at(t0) } else { a };
    let end = if t1 < 1.0 { at(t1) } else { b };
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_load_with_both_countries() {
        let p = provinces();
        assert_eq!(p.len(), 41);
        assert_eq!(p.iter().filter(|x| x.country == "Afghanistan").count(), 34);
        assert_eq!(p.iter().filter(|x| x.country == "Pakistan").count(), 7);
        for prov in p {
            assert!(!prov.rings.is_empty(), "{}", prov.name);
            for r in &prov.rings {
                assert!(r.len() >= 4 && r.first() == r.last(), "{} ring not closed", prov.name);
            }
        }
        assert!(PROVINCES_JSON.len() < 200_000);
    }

    #[test]
    fn known_cities_fall_in_their_provinces() {
        // Approximate coordinates of provincial capitals.
        let cases = [
            ((71.58, 34.01), "Khyber Pakhtunkhwa"), // Peshawar
            ((67.0, 30.18), "Balochistan"),         // Quetta
            ((74.35, 31.55), "Punjab"),             // Lahore
            ((67.01, 24.86), "Sindh"),              // Karachi
            ((69.17, 34.53), "Kabul"),
            ((65.71, 31.61), "Kandahar"),
            ((70.45, 34.43), "Nangarhar"), // Jalalabad
            ((69.92, 33.34), "Khost"),
        ];
        for ((lon, lat), name) in cases {
            assert_eq!(province_at(lon, lat).map(|p| p.name.as_str()), Some(name), "{lon},{lat}");
        }
        assert!(province_at(0.0, 0.0).is_none());
    }

    #[test]
    fn names_and_aliases_resolve() {
        assert_eq!(province_named("KP").map(|p| p.name.as_str()), Some("Khyber Pakhtunkhwa"));
        assert_eq!(province_named("Paktiya").map(|p| p.name.as_str()), Some("Paktia"));
        assert_eq!(province_named("khost").map(|p| p.country.as_str()), Some("Afghanistan"));
        assert!(province_named("Atlantis").is_none());
    }

    #[test]
    fn projection_fits_and_round_trips() {
        let b = map_bounds();
        let pr = Projection::fit(b, 10.0, 20.0, 800.0, 600.0);
        let (x, y) = pr.project(b.min_lon, b.max_lat);
        assert!(x >= 9.99 && y >= 19.99);
        let (x2, y2) = pr.project(b.max_lon, b.min_lat);
        assert!(x2 <= 810.01 && y2 <= 620.01);
        // north is up
        let (_, y_north) = pr.project(70.0, 36.0);
        let (_, y_south) = pr.project(70.0, 26.0);
        assert!(y_north < y_south);
        let (lon, lat) = pr.unproject(pr.project(69.2, 34.5).0, pr.project(69.2, 34.5).1);
        assert!((lon - 69.2).abs() < 1e-9 && (lat - 34.5).abs() < 1e-9);
    }

    #[test]
    fn clustering_groups_close_points_only() {
        let pts = [(0.0, 0.0), (3.0, 4.0), (100.0, 100.0), (1.0, 0.0), (104.0, 100.0), (50.0, 0.0)];
        let c = cluster(&pts, 6.0);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].members, vec![0, 1, 3]);
        assert_eq!(c[1].members, vec![2, 4]);
        assert_eq!(c[2].members, vec![5]);
        assert_eq!(c[1].center, (102.0, 100.0));
        let all: usize = c.iter().map(|x| x.members.len()).sum();
        assert_eq!(all, pts.len());
        // zero radius: only identical points merge
        assert_eq!(cluster(&[(1.0, 1.0), (1.0, 1.0), (2.0, 1.0)], 0.0).len(), 2);
        assert!(cluster(&[], 5.0).is_empty());
        assert_eq!(cluster(&[(f64::NAN, 0.0), (0.0, 0.0)], 5.0).len(), 2);
    }

    #[test]
    fn segments_are_clipped_to_the_rectangle() {
        let r = ClipRect { min_x: 0.0, min_y: 0.0, max_x: 10.0, max_y: 5.0 };
        // inside: unchanged
        assert_eq!(clip_segment((1.0, 1.0), (9.0, 4.0), r), Some(((1.0, 1.0), (9.0, 4.0))));
        // crossing the left edge: cut at x = 0
        let ((x0, y0), (x1, y1)) = clip_segment((-10.0, 2.0), (5.0, 2.0), r).unwrap();
        assert_eq!((x0, y0, x1, y1), (0.0, 2.0, 5.0, 2.0));
        // crossing both vertical edges diagonally
        let ((x0, y0), (x1, y1)) = clip_segment((-5.0, 0.0), (15.0, 5.0), r).unwrap();
        assert!((x0 - 0.0).abs() < 1e-12 && (y0 - 1.25).abs() < 1e-12);
        assert!((x1 - 10.0).abs() < 1e-12 && (y1 - 3.75).abs() < 1e-12);
        // wholly outside, parallel and not
        assert_eq!(clip_segment((-5.0, -1.0), (15.0, -1.0), r), None);
        assert_eq!(clip_segment((-5.0, 20.0), (20.0, 6.0), r), None);
        assert_eq!(clip_segment((11.0, 1.0), (12.0, 2.0), r), None);
        // degenerate and non-finite
        assert_eq!(clip_segment((2.0, 2.0), (2.0, 2.0), r), Some(((2.0, 2.0), (2.0, 2.0))));
        assert_eq!(clip_segment((f64::NAN, 2.0), (2.0, 2.0), r), None);
    }

    #[test]
    fn stacks_are_points_at_one_place() {
        assert!(is_stacked(&[(1.0, 2.0), (1.0, 2.0), (1.0 + 1e-9, 2.0)], 1e-6));
        assert!(!is_stacked(&[(1.0, 2.0), (1.0, 2.1)], 1e-6));
        assert!(!is_stacked(&[(1.0, 2.0)], 1e-6));
        assert!(!is_stacked(&[], 1e-6));
        assert!(!is_stacked(&[(1.0, 2.0), (f64::NAN, 2.0)], 1e-6));
    }
}
