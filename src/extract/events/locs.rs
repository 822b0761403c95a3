//! Place phrases the gazetteer cannot know: "in the National Assembly Hall", "near the
//! district courts", "targeting an Imambargah", lists after "in three provinces, …", and
//! the written form of gazetteer names ("Orakzai district", "Khyber Pakhtunkhwa (KP)").

use super::numbers::Word;
use crate::extract::dates;

/// A place phrase found in a sentence (byte offsets in the sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocHit {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

const PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "into",
    "across",
    "targeting",
    "targeted",
    "visited",
    "visiting",
];
const TO_VERBS: &[&str] =
    &["visit", "visits", "visited", "trip", "travelled", "traveled", "flew", "returned"];
const DETS: &[&str] = &["the", "a", "an"];
/// Lower-case words that extend a proper name into a place phrase ("Orakzai district").
pub const EXTENSIONS: &[&str] = &[
    "district",
    "province",
    "agency",
    "tehsil",
    "valley",
    "border",
    "sector",
    "city",
    "town",
    "village",
    "area",
    "region",
    "crossing",
    "hall",
    "headquarters",
    "camp",
    "base",
    "market",
    "bazaar",
    "mosque",
    "court",
    "university",
    "hospital",
    "airport",
    "checkpost",
    "checkpoint",
    "cantonment",
];
const CATEGORIES: &[&str] = &[
    "provinces",
    "cities",
    "districts",
    "areas",
    "regions",
    "towns",
    "villages",
    "sectors",
    "locations",
    "parts",
];
const FACILITIES: &[&str] = &[
    "court",
    "courts",
    "mosque",
    "mosques",
    "imambargah",
    "church",
    "temple",
    "shrine",
    "school",
    "college",
    "university",
    "market",
    "bazaar",
    "hospital",
    "checkpost",
    "checkpoint",
    "station",
    "camp",
    "base",
    "cantonment",
    "compound",
    "office",
    "headquarters",
    "hall",
    "hotel",
    "airport",
    "fort",
    "jail",
    "prison",
    "seminary",
    "madrassa",
    "madrasa",
    "border",
    "crossing",
];
/// Capitalised words that are no place names (besides month and weekday names).
const NOT_PLACE: &[&str] =
    &["i", "the", "this", "that", "his", "her", "their", "its", "response", "addition", "order", "contrast"];

/// Whether a lower-case word is a month or weekday name or another capitalised non-place.
fn not_a_place(w: &str) -> bool {
    dates::is_month_name(w) || dates::is_weekday_name(w) || NOT_PLACE.contains(&w)
}
const FOLLOW_OK: &[&str] = &[
    "and", "or", "in", "at", "on", "near", "to", "from", "of", "which", "where", "when", "after", "before",
    "during", "with", "by", "as", "for", "the", "a", "that", "while", "was", "were", "is", "has", "have",
    "had", "since", "last", "this", "earlier", "late", "early", "on", "further", "killed", "but",
];

fn capitalized(s: &str, w: &Word) -> bool {
    s.get(w.start..w.end).and_then(|x| x.chars().next()).is_some_and(|c| c.is_uppercase())
}

/// Text between two words (exclusive of both).
fn gap<'a>(s: &'a str, a: &Word, b: &Word) -> &'a str {
    s.get(a.end..b.start).unwrap_or("")
}

/// A run of capitalized words starting at `k`; returns (first, last) word indices.
fn cap_run(s: &str, ws: &[Word], k: usize) -> Option<(usize, usize)> {
    let w = ws.get(k)?;
    if !capitalized(s, w) || not_a_place(&w.lower) || w.lower.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut last = k;
    let mut j = k + 1;
    while let Some(n) = ws.get(j) {
        let g = gap(s, &ws[j - 1], n);
        if g != " " {
            break;
        }
        if capitalized(s, n) && !not_a_place(&n.lower) {
            last = j;
            j += 1;
        } else if n.lower == "of"
            && ws.get(j + 1).is_some_and(|x| capitalized(s, x))
            && gap(s, n, &ws[j + 1]) == " "
        {
            j += 1;
        } else {
            break;
        }
    }
    Some((k, last))
}

/// Nationality adjectives ("Pakistani", "Afghan", "Iranian", "Chinese").
fn demonym(w: &str) -> bool {
    w.ends_with('i')
        || w.ends_with("ian")
        || w.ends_with("ican")
        || w.ends_with("ese")
        || w.ends_with("ish")
        || w == "afghan"
}

/// Emit a run (with extension and parenthesised abbreviation) and follow possessives and
/// lists; returns the index of the word after the last emitted place.
fn emit_runs(s: &str, ws: &[Word], mut k: usize, out: &mut Vec<LocHit>) -> usize {
    loop {
        let Some((first, last)) = cap_run(s, ws, k) else { return k };
        let mut end = ws[last].end;
        let mut next = last + 1;
        // Extension: "Orakzai district", "Pak-Afghan International border".
        if let Some(n) = ws.get(next)
            && !capitalized(s, n)
            && EXTENSIONS.contains(&n.lower.as_str())
            && gap(s, &ws[last], n) == " "
        {
            end = n.end;
            next += 1;
        }
        // Parenthesised abbreviation: "Khyber Pakhtunkhwa (KP)".
        if let Some(rest) = s.get(end..)
            && let Some(inner) = rest.strip_prefix(" (")
            && let Some(close) = inner.find(')')
            && close <= 6
            && inner[..close].chars().all(|c| c.is_ascii_uppercase())
            && close > 0
        {
            end += 2 + close + 1;
            while ws.get(next).is_some_and(|w| w.start < end) {
                next += 1;
            }
        }
        // An adjective, not a place: "in the Pakistani strike".
        let adjective = end == ws[last].end
            && demonym(&ws[last].lower)
            && ws.get(next).is_some_and(|n| !capitalized(s, n) && !FOLLOW_OK.contains(&n.lower.as_str()));
        if !adjective {
            out.push(LocHit { start: ws[first].start, end });
        }
        // Continue: possessive ("KP’s Orakzai"), list (", Khyber", " and Bajaur").
        let Some(n) = ws.get(next) else { return next };
        let g = s.get(end..n.start).unwrap_or("");
        if (g == "’" || g == "'") && n.lower == "s" {
            if ws.get(next + 1).is_some_and(|x| capitalized(s, x)) {
                k = next + 1;
                continue;
            }
            return next;
        }
        if g == ", " || (g == " " && n.lower == "and") {
            let cand = if n.lower == "and" { next + 1 } else { next };
            let cand = if ws.get(cand).is_some_and(|x| x.lower == "and") { cand + 1 } else { cand };
            if ws.get(cand).is_some_and(|x| capitalized(s, x)) && list_item(s, ws, cand) {
                k = cand;
                continue;
            }
        }
        return next;
    }
}

/// A capitalised run at `k` continues a list of places only when the list goes on or ends
/// after it ("Herat, Farah and Nimroz"), not when a verb follows ("…, Geo News reported").
fn list_item(s: &str, ws: &[Word], k: usize) -> bool {
    let Some((_, last)) = cap_run(s, ws, k) else { return false };
    let Some(n) = ws.get(last + 1) else { return true };
    gap(s, &ws[last], n) != " "
        || matches!(n.lower.as_str(), "and" | "or")
        || EXTENSIONS.contains(&n.lower.as_str())
}

/// Find place phrases in a sentence. `quoted(byte)` tells whether a byte is inside quotes.
pub fn find_loc_phrases(s: &str, ws: &[Word], quoted: &dyn Fn(usize) -> bool) -> Vec<LocHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let is_prep = PREPS.contains(&w.lower.as_str())
            || (w.lower == "to" && i > 0 && TO_VERBS.contains(&ws[i - 1].lower.as_str()));
        if !is_prep || quoted(w.start) {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        // "in a Telegram post", "in an AFP interview": a name after "a"/"an" qualifies a
        // thing, not a place (gazetteer places are found on their own).
        let indefinite = ws.get(k).is_some_and(|x| matches!(x.lower.as_str(), "a" | "an"));
        if ws.get(k).is_some_and(|x| DETS.contains(&x.lower.as_str())) {
            k += 1;
        }
        // "targeting an Imambargah": only facilities are places (not "targeting TTP militants").
        if w.lower.starts_with("target") {
            if ws.get(k).is_some_and(|x| FACILITIES.contains(&x.lower.as_str())) {
                out.push(LocHit { start: ws[k].start, end: ws[k].end });
            } else if let Some(j) =
                (k..(k + 3).min(ws.len())).find(|&j| FACILITIES.contains(&ws[j].lower.as_str()))
                && j > k
            {
                out.push(LocHit { start: ws[k].start, end: ws[j].end });
            }
            i += 1;
            continue;
        }
        // Category list: "in three Afghan provinces, Nangarhar, Paktika and Khost".
        let mut handled = false;
        for j in k..(k + 4).min(ws.len()) {
            let lw = ws[j].lower.as_str();
            if CATEGORIES.iter().any(|c| lw.ends_with(c)) {
                let mut n = j + 1;
                let g = ws.get(n).map(|x| gap(s, &ws[j], x)).unwrap_or("");
                let intro = ws.get(n).map(|x| x.lower.as_str()).unwrap_or("");
                if intro == "such" && ws.get(n + 1).is_some_and(|x| x.lower == "as") {
                    n += 2;
                } else if matches!(intro, "including" | "namely" | "like") {
                    n += 1;
                } else if g != ", " {
                    break;
                }
                if ws.get(n).is_some_and(|x| capitalized(s, x)) {
                    i = emit_runs(s, ws, n, &mut out).max(i + 1);
                    handled = true;
                }
                break;
            }
            if j > k && gap(s, &ws[j - 1], &ws[j]) != " " {
                break;
            }
        }
        if handled {
            continue;
        }
        // Proper name(s).
        if !indefinite && ws.get(k).is_some_and(|x| capitalized(s, x)) {
            let before = out.len();
            let next = emit_runs(s, ws, k, &mut out);
            if out.len() > before {
                i = next.max(i + 1);
                continue;
            }
        }
        // Facility: "near the district courts", "outside a police station" (one modifier, and
        // the noun phrase ends there: not "in an already volatile border region").
        for j in k..(k + 2).min(ws.len()) {
            let lw = ws[j].lower.as_str();
            if FACILITIES.contains(&lw) {
                let ends = ws.get(j + 1).is_none_or(|n| {
                    gap(s, &ws[j], n) != " " || capitalized(s, n) || FOLLOW_OK.contains(&n.lower.as_str())
                });
                if (j > k || capitalized(s, &ws[j])) && ends {
                    out.push(LocHit { start: ws[k].start, end: ws[j].end });
                }
                break;
            }
            if j > k && gap(s, &ws[j - 1], &ws[j]) != " " {
                break;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::numbers::words;
    use super::*;

    fn locs(s: &str) -> Vec<String> {
        let ws = words(s);
        find_loc_phrases(s, &ws, &|_| false).iter().map(|h| s[h.start..h.end].to_string()).collect()
    }

    #[test]
    fn proper_names_after_prepositions() {
        assert_eq!(locs("A bomb went off in Quetta on Monday."), vec!["Quetta"]);
        assert_eq!(locs("The meeting was held in the Foreign Office Hall."), vec!["Foreign Office Hall"]);
        assert_eq!(locs("Troops clashed in Kurram district."), vec!["Kurram district"]);
        assert_eq!(locs("Jets struck targets in Herat, Farah and Nimroz."), vec!["Herat", "Farah", "Nimroz"]);
        assert_eq!(
            locs("Police were attacked in Sindh Province (SP)’s Larkana district."),
            vec!["Sindh Province (SP)", "Larkana district"]
        );
        assert_eq!(locs("The minister's visit to Tehran ended."), vec!["Tehran"]);
        assert!(locs("It was in October that the talks began.").is_empty());
        assert!(locs("He died in the Iranian raid.").is_empty());
    }

    #[test]
    fn categories_and_facilities() {
        assert_eq!(
            locs("Raids were carried out in two eastern districts, Dir and Swat."),
            vec!["Dir", "Swat"]
        );
        assert_eq!(locs("Shells fell in several towns such as Wana and Tank."), vec!["Wana", "Tank"]);
        assert_eq!(locs("A bomb exploded near the bus station."), vec!["bus station"]);
        assert!(locs("Tension rose in an already volatile border region.").is_empty());
        assert_eq!(locs("Gunmen fired at the Jamia Mosque."), vec!["Jamia Mosque"]);
        assert_eq!(locs("The bomber was targeting a Gurdwara crossing."), vec!["Gurdwara crossing"]);
        assert!(locs("Firing continued across the border.").is_empty());
    }

    #[test]
    fn names_that_are_not_places() {
        assert!(locs("In a Telegram post, the group said it was behind the raid.").is_empty());
        assert!(locs("The shop was in a Hindu neighbourhood.").is_empty());
        assert_eq!(locs("The blast occurred near the mosque in Tank, Radio Metro reported."), vec!["Tank"]);
        assert_eq!(locs("Jets struck targets in Herat, Farah and Nimroz."), vec!["Herat", "Farah", "Nimroz"]);
    }
}
