//! Dates as day ranges, and the data behind the timeline view and the PDF timeline figure:
//! incidents on a date axis, coloured by type and sized by fatalities.
//!
//! Pure data: no GUI types. Days are counted from 1970-01-01 (day 0) in the proleptic
//! Gregorian calendar, so an axis is a plain linear map from days to pixels.

use super::Incident;

/// An inclusive range of days (days since 1970-01-01) a date expression covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DayRange {
    /// First day (inclusive).
    pub start: i64,
    /// Last day (inclusive).
    pub end: i64,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A day, or a range of at most a week.
    Day,
    /// A month, or a range of up to about two months.
    Month,
    /// A year or a longer range.
    Year,
}

impl DayRange {
    /// Number of days covered (at least 1).
    pub fn len(&self) -> i64 {
        self.end - self.start + 1
    }

    /// Always false: a range covers at least one day.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Precision of the range.
    pub fn precision(&self) -> Precision {
        match self.len() {
            ..=7 => Precision::Day,
            8..=62 => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Days between the two ranges; 0 when they overlap or touch.
    pub fn gap(&self, other: &DayRange) -> i64 {
        if self.end < other.start {
            other.start - self.end - 1
        } else if other.end < self.start {
            self.start - other.end - 1
        } else {
            0
        }
    }

    /// True when the ranges share at least one day.
    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Smallest range covering both.
    pub fn hull(&self, other: &DayRange) -> DayRange {
        DayRange { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// Parse an ISO date (`2026-02-24`), partial date (`2025-10`, `2025`) or range
    /// (`2026-02-24/2026-02-26`, `2025-10/2025-11`). `None` for anything else.
    pub fn parse(s: &str) -> Option<DayRange> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            let a = DayRange::parse(a)?;
            let b = DayRange::parse(b)?;
            return (a.start <= b.end).then_some(DayRange { start: a.start, end: b.end });
        }
        let mut parts = s.split('-');
        let y: i64 = parse_num(parts.next()?, 4)?;
        let m: Option<u32> = match parts.next() {
            Some(p) => Some(parse_num(p, 2)?),
            None => None,
        };
        let d: Option<u32> = match parts.next() {
            Some(p) => Some(parse_num(p, 2)?),
            None => None,
        };
        if parts.next().is_some() || !(1..=9999).contains(&y) {
            return None;
        }
        match (m, d) {
            (None, _) => Some(DayRange { start: days_from_civil(y, 1, 1), end: days_from_civil(y, 12, 31) }),
            (Some(m), None) if (1..=12).contains(&m) => Some(DayRange {
                start: days_from_civil(y, m, 1),
                end: days_from_civil(y, m, days_in_month(y, m)),
            }),
            (Some(m), Some(d)) if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) => {
                let day = days_from_civil(y, m, d);
                Some(DayRange { start: day, end: day })
            }
            _ => None,
        }
    }

    /// The ISO form: a day, a whole month (`2025-10`), a whole year (`2025`) or a range.
    pub fn to_iso(&self) -> String {
        let (y1, m1, d1) = civil_from_days(self.start);
        let (y2, m2, d2) = civil_from_days(self.end);
        if self.start == self.end {
            return format!("{y1:04}-{m1:02}-{d1:02}");
        }
        if y1 == y2 && m1 == m2 && d1 == 1 && d2 == days_in_month(y2, m2) {
            return format!("{y1:04}-{m1:02}");
        }
        if y1 == y2 && m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31 {
            return format!("{y1:04}");
        }
        format!("{}/{}", iso_day(self.start), iso_day(self.end))
    }

    /// A compact human form: `26 Feb 2026`, `24–26 Feb 2026`, `28 Feb – 2 Mar 2026`,
    /// `Oct 2025`, `2025`, `Oct – Nov 2025`.
    pub fn display(&self) -> String {
        let (y1, m1, d1) = civil_from_days(self.start);
        let (y2, m2, d2) = civil_from_days(self.end);
        let whole_months = d1 == 1 && d2 == days_in_month(y2, m2);
        let mon = |m: u32| MONTHS[(m.clamp(1, 12) - 1) as usize];
        if self.start == self.end {
            format!("{d1} {} {y1}", mon(m1))
        } else if whole_months && m1 == 1 && m2 == 12 {
            if y1 == y2 { format!("{y1}") } else { format!("{y1}–{y2}") }
        } else if whole_months {
            if y1 == y2 && m1 == m2 {
                format!("{} {y1}", mon(m1))
            } else if y1 == y2 {
                format!("{} – {} {y1}", mon(m1), mon(m2))
            } else {
                format!("{} {y1} – {} {y2}", mon(m1), mon(m2))
            }
        } else if y1 == y2 && m1 == m2 {
            format!("{d1}–{d2} {} {y1}", mon(m1))
        } else if y1 == y2 {
            format!("{d1} {} – {d2} {} {y1}", mon(m1), mon(m2))
        } else {
            format!("{d1} {} {y1} – {d2} {} {y2}", mon(m1), mon(m2))
        }
    }
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn iso_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_num<T: std::str::FromStr>(s: &str, max_len: usize) -> Option<T> {
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date `(year, month, day)` of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// One incident on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineItem {
    /// Index of the incident in the list given to [`timeline_items`].
    pub incident: usize,
    /// Days covered (days since 1970-01-01).
    pub range: DayRange,
    /// How precisely the date is known (draw month/year ranges as faint bars).
    pub precision: Precision,
    /// ACLED event type.
    pub event_type: String,
    /// Fill colour for the type, sRGB.
    pub colour: [u8; 3],
    /// Marker radius in points: grows with the square root of the (most conservative)
    /// fatality figure; [`MIN_RADIUS`] when no figure is reported.
    pub radius: f32,
    /// Fatalities (most conservative figure), when reported.
    pub fatalities: Option<u32>,
    /// Number of reporting sources.
    pub sources: usize,
    /// True when the sources' claims conflict.
    pub disputed: bool,
    /// Short label: date and summary.
    pub label: String,
    /// Lane (row) so that overlapping bars do not cover each other; 0 is the first lane.
    pub lane: usize,
}

/// Smallest marker radius (no fatality figure).
pub const MIN_RADIUS: f32 = 3.0;
/// Largest marker radius.
pub const MAX_RADIUS: f32 = 14.0;

/// Colour of an ACLED event type (Okabe–Ito palette: distinguishable with colour-vision
/// deficiencies and in greyscale print).
pub fn type_colour(event_type: &str) -> [u8; 3] {
    // Tolerant of case and of edited labels ("battle", "Remote violence"): the GUI views and
    // the PDF figures share this one palette.
    let t = event_type.to_lowercase();
    if t.contains("battle") {
        [213, 94, 0] // vermilion
    } else if t.contains("explosion") || t.contains("remote") {
        [230, 159, 0] // orange
    } else if t.contains("civilian") {
        [204, 121, 167] // reddish purple
    } else if t.contains("protest") {
        [0, 114, 178] // blue
    } else if t.contains("riot") {
        [86, 180, 233] // sky blue
    } else if t.contains("strategic") {
        [0, 158, 115] // bluish green
    } else {
        [120, 120, 120]
    }
}

/// Marker radius for a fatality figure.
pub fn fatality_radius(fatalities: Option<u32>) -> f32 {
    match fatalities {
        None | Some(0) => MIN_RADIUS,
        Some(n) => (MIN_RADIUS + 1.5 * (n as f32).sqrt()).min(MAX_RADIUS),
    }
}

/// The dated incidents as timeline items, sorted by start day, with lanes assigned so
/// that items whose bars (or markers, `min_gap_days` wide) overlap go to different lanes.
/// Undated incidents are left out (list them separately).
pub fn timeline_items(incidents: &[Incident], min_gap_days: i64) -> Vec<TimelineItem> {
    timeline_items_where(incidents, min_gap_days, |_| true)
}

/// [`timeline_items`] of the incidents for which `keep(index)` holds (a filter, such as
/// [`crate::analysis::search::SearchFilters::incident_mask`]); lanes are assigned among
/// the kept ones only, so a filtered timeline packs tightly.
pub fn timeline_items_where(
    incidents: &[Incident],
    min_gap_days: i64,
    keep: impl Fn(usize) -> bool,
) -> Vec<TimelineItem> {
    let mut items: Vec<TimelineItem> = incidents
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .filter_map(|(i, inc)| {
            let range = DayRange::parse(inc.date.as_deref()?)?;
            Some(TimelineItem {
                incident: i,
                range,
                precision: range.precision(),
                event_type: inc.event_type.clone(),
                colour: type_colour(&inc.event_type),
                radius: fatality_radius(inc.fatalities_min),
                fatalities: inc.fatalities_min,
                sources: inc.sources.len(),
                disputed: !inc.conflicts.is_empty(),
                label: format!("{} — {}", range.display(), inc.summary),
                lane: 0,
            })
        })
        .collect();
    items.sort_by_key(|t| (t.range.start, t.range.end, t.incident));
    let mut lane_end: Vec<i64> = Vec::new();
    for t in &mut items {
        let end = t.range.end.max(t.range.start + min_gap_days.max(0));
        match lane_end.iter().position(|&e| e < t.range.start) {
            Some(l) => {
                t.lane = l;
                lane_end[l] = end;
            }
            None => {
                t.lane = lane_end.len();
                lane_end.push(end);
            }
        }
    }
    items
}

/// Axis ticks between two days: `(day, label)` at month starts (labels `Oct 2025`, or
/// `Jan`… within a year), thinned to at most `max_ticks`; at year starts for long spans;
/// at days for short spans.
pub fn axis_ticks(start: i64, end: i64, max_ticks: usize) -> Vec<(i64, String)> {
    let (start, end) = (start.min(end), start.max(end));
    let max_ticks = max_ticks.max(2);
    let span = end - start + 1;
    let mut ticks = Vec::new();
    if span <= 45 {
        let step = ((span as usize).div_ceil(max_ticks)).max(1) as i64;
        let mut d = start;
        while d <= end {
            let (_, m, dd) = civil_from_days(d);
            ticks.push((d, format!("{dd} {}", MONTHS[(m - 1) as usize])));
            d += step;
        }
        return ticks;
    }
    let (y0, m0, _) = civil_from_days(start);
    let (y1, _, _) = civil_from_days(end);
    let months = (span / 30).max(1) as usize;
    if months <= max_ticks * 12 {
        let step = months.div_ceil(max_ticks).max(1);
        let step = [1, 2, 3, 6, 12].into_iter().find(|&s| s >= step).unwrap_or(12);
        let (mut y, mut m) = (y0, m0);
        let mut k = 0usize;
        loop {
            let d = days_from_civil(y, m, 1);
            if d > end {
                break;
            }
            if d >= start && k.is_multiple_of(step) {
                let label = if m == 1 || ticks.is_empty() {
                    format!("{} {y}", MONTHS[(m - 1) as usize])
                } else {
                    MONTHS[(m - 1) as usize].to_string()
                };
                ticks.push((d, label));
            }
            if d >= start {
                k += 1;
            }
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    } else {
        let years = (y1 - y0 + 1).max(1) as usize;
        let step = years.div_ceil(max_ticks).max(1) as i64;
        let mut y = y0 + 1;
        while y <= y1 {
            ticks.push((days_from_civil(y, 1, 1), format!("{y}")));
            y += step;
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for d in [-1000, 0, 59, 11_016, 20_000, 20_513] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }

    #[test]
    fn parses_full_partial_and_range_dates() {
        let d = DayRange::parse("2026-02-26").unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d.precision(), Precision::Day);
        let m = DayRange::parse("2025-10").unwrap();
        assert_eq!(m.len(), 31);
        assert_eq!(m.precision(), Precision::Month);
        let y = DayRange::parse("2024").unwrap();
        assert_eq!(y.len(), 366);
        let r = DayRange::parse("2026-02-24/2026-02-26").unwrap();
        assert_eq!(r.len(), 3);
        assert!(r.overlaps(&d));
        assert_eq!(DayRange::parse("2025-02-29"), None);
        assert_eq!(DayRange::parse("last week"), None);
        assert_eq!(DayRange::parse("2026-02-26/2026-02-01"), None);
        assert_eq!(DayRange::parse(""), None);
    }

    #[test]
    fn iso_and_display_forms() {
        for s in ["2026-02-26", "2025-10", "2025", "2026-02-24/2026-02-26"] {
            assert_eq!(DayRange::parse(s).unwrap().to_iso(), s);
        }
        assert_eq!(DayRange::parse("2026-02-24/2026-02-26").unwrap().display(), "24–26 Feb 2026");
        assert_eq!(DayRange::parse("2026-02-28/2026-03-02").unwrap().display(), "28 Feb – 2 Mar 2026");
        assert_eq!(DayRange::parse("2025-10").unwrap().display(), "Oct 2025");
        assert_eq!(DayRange::parse("2025").unwrap().display(), "2025");
        assert_eq!(DayRange::parse("2026-02-26").unwrap().display(), "26 Feb 2026");
    }

    #[test]
    fn gaps_between_ranges() {
        let a = DayRange::parse("2026-02-20").unwrap();
        let b = DayRange::parse("2026-02-24/2026-02-26").unwrap();
        assert_eq!(a.gap(&b), 3);
        assert_eq!(b.gap(&a), 3);
        assert_eq!(b.gap(&DayRange::parse("2026-02").unwrap()), 0);
    }

    #[test]
    fn radius_grows_with_fatalities_and_is_bounded() {
        assert_eq!(fatality_radius(None), MIN_RADIUS);
        assert!(fatality_radius(Some(10)) > fatality_radius(Some(2)));
        assert_eq!(fatality_radius(Some(1_000_000)), MAX_RADIUS);
    }

    #[test]
    fn ticks_are_monthly_for_a_year() {
        let s = days_from_civil(2025, 10, 15);
        let e = days_from_civil(2026, 3, 1);
        let t = axis_ticks(s, e, 12);
        assert_eq!(t.first().map(|x| x.1.as_str()), Some("Nov 2025"));
        assert!(t.iter().any(|x| x.1 == "Jan 2026"));
        assert!(t.windows(2).all(|w| w[0].0 < w[1].0));
        let short = axis_ticks(s, s + 10, 6);
        assert!(!short.is_empty() && short.len() <= 7);
        let long = axis_ticks(days_from_civil(1990, 1, 1), days_from_civil(2026, 1, 1), 8);
        assert!(long.len() <= 9 && !long.is_empty());
    }
}
