//! Gazetteer of Pakistan's and Afghanistan's provinces, districts, towns and crossings.
//!
//! The gazetteer is `assets/gazetteer.tsv` (see `assets/README.md`), embedded in the binary
//! and compiled once into an Aho-Corasick automaton. A mention keeps the kind word written
//! right after the name (`Orakzai district`, `Kandahar province`) and an abbreviation in
//! brackets (`Khyber Pakhtunkhwa (KP)`); the kind word also picks between entries that share
//! a name (`Kabul` is the city, `Kabul province` the province). A bare name shared by a
//! district and something else resolves to the district (`Khyber`, `Kurram`, `Bannu`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::lexicon::Matcher;
use crate::corpus::Span;

/// A resolved gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical name.
    pub name: String,
    /// "province", "district", "city", "town", "crossing", "country", "region", "site".
    pub kind: String,
    /// District, when known.
    pub district: Option<String>,
    /// Province, when known.
    pub province: Option<String>,
    /// Country ("Pakistan", "Afghanistan", …; "both" for a Pakistan–Afghanistan border region).
    pub country: String,
    /// Latitude (degrees, approximate centroid).
    pub lat: f64,
    /// Longitude (degrees, approximate centroid).
    pub lon: f64,
}

/// A place mention resolved against the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte span in the searched text.
    pub span: Span,
    /// The mention as written ("Orakzai district", "Khyber Pakhtunkhwa (KP)").
    pub text: String,
    /// The gazetteer entry.
    pub place: Place,
}

const GAZETTEER_TSV: &str = include_str!("../../assets/gazetteer.tsv");

/// Kind words that may follow a name, and the gazetteer kind they ask for.
const KIND_WORDS: &[(&str, &str)] = &[
    ("district", "district"),
    ("District", "district"),
    ("province", "province"),
    ("Province", "province"),
    ("agency", "district"),
    ("Agency", "district"),
    ("tribal district", "district"),
    ("tehsil", "district"),
    ("Tehsil", "district"),
    ("city", "city"),
    ("City", "city"),
    ("town", "town"),
    ("valley", "region"),
    ("Valley", "region"),
    ("region", "region"),
    ("Region", "region"),
];

/// Province adjacency (shared borders), Pakistan and Afghanistan, across the border too.
const ADJACENT: &[(&str, &[&str])] = &[
    (
        "Khyber Pakhtunkhwa",
        &[
            "Punjab",
            "Balochistan",
            "Gilgit-Baltistan",
            "Azad Jammu and Kashmir",
            "Islamabad Capital Territory",
            "Badakhshan",
            "Nuristan",
            "Kunar",
            "Nangarhar",
            "Paktia",
            "Khost",
            "Paktika",
        ],
    ),
    ("Punjab", &["Sindh", "Balochistan", "Islamabad Capital Territory", "Azad Jammu and Kashmir"]),
    ("Sindh", &["Balochistan"]),
    ("Balochistan", &["Paktika", "Zabul", "Kandahar", "Helmand", "Nimroz"]),
    ("Gilgit-Baltistan", &["Azad Jammu and Kashmir", "Badakhshan", "Xinjiang"]),
    ("Badakhshan", &["Takhar", "Nuristan", "Panjshir"]),
    ("Badghis", &["Herat", "Ghor", "Faryab"]),
    ("Baghlan", &["Kunduz", "Takhar", "Panjshir", "Parwan", "Bamyan", "Samangan"]),
    ("Balkh", &["Jowzjan", "Sar-e Pol", "Samangan", "Kunduz"]),
    ("Bamyan", &["Samangan", "Sar-e Pol", "Ghor", "Daykundi", "Ghazni", "Wardak", "Parwan"]),
    ("Daykundi", &["Ghor", "Uruzgan", "Helmand", "Ghazni"]),
    ("Farah", &["Herat", "Ghor", "Helmand", "Nimroz"]),
    ("Faryab", &["Ghor", "Sar-e Pol", "Jowzjan"]),
    ("Ghazni", &["Wardak", "Logar", "Paktia", "Paktika", "Zabul", "Uruzgan"]),
    ("Ghor", &["Herat", "Sar-e Pol", "Helmand"]),
    ("Helmand", &["Nimroz", "Uruzgan", "Kandahar"]),
    ("Jowzjan", &["Sar-e Pol"]),
    ("Kabul", &["Parwan", "Kapisa", "Laghman", "Nangarhar", "Logar", "Wardak"]),
    ("Kandahar", &["Uruzgan", "Zabul"]),
    ("Kapisa", &["Parwan", "Panjshir", "Laghman"]),
    ("Khost", &["Paktia", "Paktika"]),
    ("Kunar", &["Nangarhar", "Laghman", "Nuristan"]),
    ("Kunduz", &["Samangan", "Takhar"]),
    ("Laghman", &["Panjshir", "Nuristan", "Nangarhar"]),
    ("Logar", &["Nangarhar", "Paktia", "Wardak"]),
    ("Nangarhar", &["Paktia"]),
    ("Nuristan", &["Panjshir"]),
    ("Paktia", &["Paktika"]),
    ("Paktika", &["Zabul"]),
    ("Panjshir", &["Takhar", "Parwan"]),
    ("Parwan", &["Wardak"]),
    ("Samangan", &["Sar-e Pol"]),
    ("Uruzgan", &["Zabul"]),
];

struct Gazetteer {
    places: Vec<Place>,
    matcher: Matcher,
    /// (alias, entry) pairs the matcher was built from (for the joint matcher).
    pairs: Vec<(&'static str, usize)>,
    /// lower-case alias → first entry.
    by_alias: HashMap<String, usize>,
    /// (lower-case name or alias, kind) → entry.
    by_alias_kind: HashMap<(String, String), usize>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn parse(tsv: &'static str) -> Vec<(Place, Vec<&'static str>)> {
    let mut out = Vec::new();
    for line in tsv.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 7 {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (c[5].trim().parse::<f64>(), c[6].trim().parse::<f64>()) else { continue };
        let name = c[0].trim();
        if name.is_empty() {
            continue;
        }
        let mut aliases = vec![name];
        if let Some(extra) = c.get(7) {
            aliases.extend(extra.split('|').map(str::trim).filter(|a| !a.is_empty()));
        }
        let place = Place {
            name: name.to_string(),
            kind: c[1].trim().to_string(),
            district: opt(c[2]),
            province: opt(c[3]),
            country: c[4].trim().to_string(),
            lat,
            lon,
        };
        out.push((place, aliases));
    }
    out
}

fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        let rows = parse(GAZETTEER_TSV);
        let mut by_alias = HashMap::new();
        let mut by_alias_kind = HashMap::new();
        let mut pairs = Vec::new();
        for (i, (p, aliases)) in rows.iter().enumerate() {
            for a in aliases {
                by_alias.entry(a.to_lowercase()).or_insert(i);
                by_alias_kind.entry((a.to_lowercase(), p.kind.clone())).or_insert(i);
                pairs.push((*a, i));
            }
        }
        let matcher = Matcher::new(pairs.iter().copied());
        let places = rows.into_iter().map(|(p, _)| p).collect();
        Gazetteer { places, matcher, pairs, by_alias, by_alias_kind }
    })
}

/// Every gazetteer entry, in file order.
pub fn all_places() -> &'static [Place] {
    &gazetteer().places
}

/// The kind word right after `end` (`" district"`), as (bytes consumed, gazetteer kind).
fn kind_word_after(text: &str, end: usize) -> Option<(usize, &'static str)> {
    let rest = text.get(end..)?;
    let after_space = rest.strip_prefix(' ')?;
    for (word, kind) in KIND_WORDS {
        if let Some(tail) = after_space.strip_prefix(word)
            && !tail.chars().next().is_some_and(char::is_alphanumeric)
        {
            return Some((1 + word.len(), kind));
        }
    }
    None
}

/// An abbreviation in brackets right after `end` naming the same entry (`" (KP)"`):
/// bytes consumed.
fn bracket_alias_after(g: &Gazetteer, text: &str, end: usize, entry: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let inner_start = if rest.starts_with(" (") {
        2
    } else if rest.starts_with('(') {
        1
    } else {
        return None;
    };
    let close = rest[inner_start..].find(')')?;
    if close == 0 || close > 40 {
        return None;
    }
    let inner = &rest[inner_start..inner_start + close];
    let same = g.matcher.lookup(inner).is_some_and(|i| i == entry || g.places.get(i) == g.places.get(entry));
    same.then_some(inner_start + close + 1)
}

/// Find gazetteer places in `text`, longest match first, non-overlapping.
pub fn find_places(text: &str) -> Vec<PlaceMention> {
    places_from(text, gazetteer().matcher.find(text))
}

/// Gazetteer places and known actors in `text` from one scan: what [`find_places`] and
/// [`super::actors::find_actor_names`] return.
pub(crate) fn find_places_and_actors(text: &str) -> (Vec<PlaceMention>, Vec<(Span, &'static str)>) {
    static JOINT: OnceLock<Matcher> = OnceLock::new();
    let joint =
        JOINT.get_or_init(|| Matcher::joint(vec![gazetteer().pairs.clone(), super::actors::alias_pairs()]));
    let [places, actors] = joint.find_sets::<2>(text);
    (places_from(text, places), super::actors::names_from(actors))
}

/// [`find_places`] from the gazetteer matcher's hits.
fn places_from(text: &str, hits: Vec<super::lexicon::Hit>) -> Vec<PlaceMention> {
    let g = gazetteer();
    let mut out = Vec::new();
    for h in hits {
        let mut entry = h.entry;
        let mut end = h.end;
        if let Some((n, kind)) = kind_word_after(text, end) {
            let key = (text[h.start..h.end].to_lowercase(), kind.to_string());
            if let Some(&i) = g.by_alias_kind.get(&key) {
                entry = i;
            }
            // "Kabul city" for a district name still reads as written.
            end += n;
        }
        if let Some(n) = bracket_alias_after(g, text, end, entry) {
            end += n;
        }
        let Some(place) = g.places.get(entry) else { continue };
        // Skip a match swallowed by the previous mention's extension.
        if out.last().is_some_and(|m: &PlaceMention| m.span.end > h.start) {
            continue;
        }
        out.push(PlaceMention {
            span: Span::new(h.start, end),
            text: text[h.start..end].to_string(),
            place: place.clone(),
        });
    }
    out
}

/// Look a place name up (case-insensitive, aliases included). A trailing kind word picks
/// the entry of that kind (`"Kabul province"`); a bracketed abbreviation is ignored
/// (`"Khyber Pakhtunkhwa (KP)"`).
pub fn lookup(name: &str) -> Option<Place> {
    let g = gazetteer();
    let mut n = name.trim();
    if let Some(open) = n.find(" (")
        && n.ends_with(')')
    {
        n = n[..open].trim_end();
    }
    let lower = n.to_lowercase();
    if let Some(&i) = g.by_alias.get(&lower) {
        return g.places.get(i).cloned();
    }
    for (word, kind) in KIND_WORDS {
        // `lower` ends with " <word>" (the kind words are ASCII).
        let base = lower
            .len()
            .checked_sub(word.len())
            .filter(|&at| lower.get(at..).is_some_and(|w| w.eq_ignore_ascii_case(word)))
            .and_then(|at| lower.get(..at)?.strip_suffix(' '));
        if let Some(base) = base {
            let hit =
                g.by_alias_kind.get(&(base.to_string(), kind.to_string())).or_else(|| g.by_alias.get(base));
            if let Some(&i) = hit {
                return g.places.get(i).cloned();
            }
        }
    }
    None
}

/// True when two provinces share a border (either order).
pub fn provinces_adjacent(a: &str, b: &str) -> bool {
    ADJACENT.iter().any(|(p, ns)| (*p == a && ns.contains(&b)) || (*p == b && ns.contains(&a)))
}

/// True when two places are close enough to describe one incident: the same place, the
/// same district, the same province, adjacent provinces, or one contains the other (a
/// country and a place in it; a border region and a place in either country).
pub fn neighbours(a: &Place, b: &Place) -> bool {
    if a.name == b.name && a.country == b.country {
        return true;
    }
    if a.district.is_some() && a.district == b.district {
        return true;
    }
    let (pa, pb) = (a.province.as_deref(), b.province.as_deref());
    if let (Some(pa), Some(pb)) = (pa, pb)
        && (pa == pb || provinces_adjacent(pa, pb))
    {
        return true;
    }
    let contains = |outer: &Place, inner: &Place| match outer.kind.as_str() {
        "country" => outer.country == inner.country,
        "region" if outer.country == "both" => {
            outer.province.is_none() && matches!(inner.country.as_str(), "Pakistan" | "Afghanistan" | "both")
        }
        _ => false,
    };
    contains(a, b) || contains(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str) -> Vec<(String, String, String)> {
        find_places(t).into_iter().map(|m| (m.text, m.place.name, m.place.kind)).collect()
    }

    #[test]
    fn gazetteer_parses_and_covers_all_provinces() {
        let all = all_places();
        let af = all.iter().filter(|p| p.kind == "province" && p.country == "Afghanistan").count();
        let pk = all.iter().filter(|p| p.kind == "province" && p.country == "Pakistan").count();
        assert_eq!(af, 34);
        assert_eq!(pk, 7);
        for p in all {
            assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon), "{}", p.name);
        }
        // Every province named in the adjacency table exists.
        for (p, ns) in ADJACENT {
            for n in ns.iter().chain(std::iter::once(p)) {
                assert!(*n == "Xinjiang" || all.iter().any(|x| x.kind == "province" && x.name == *n), "{n}");
            }
        }
    }

    #[test]
    fn kind_words_and_brackets_are_part_of_the_mention() {
        let t = "Troops died in Khyber Pakhtunkhwa (KP)’s Orakzai district on Monday.";
        let got = names(t);
        assert_eq!(got[0].0, "Khyber Pakhtunkhwa (KP)");
        assert_eq!(got[0].2, "province");
        assert_eq!(got[1].0, "Orakzai district");
        assert_eq!(got[1].1, "Orakzai");
    }

    #[test]
    fn ambiguous_names() {
        // Bare Khyber is the district; with Pakhtunkhwa the province; the pass is a crossing.
        assert_eq!(names("Clashes in Khyber left two dead.")[0].2, "district");
        assert_eq!(names("Clashes in Khyber-Pakhtunkhwa left two dead.")[0].2, "province");
        assert_eq!(names("Convoys crossed the Khyber Pass.")[0].2, "crossing");
        // Kabul is the city unless the text says province.
        assert_eq!(names("A blast in Kabul.")[0].2, "city");
        assert_eq!(names("A blast in Kabul province.")[0].2, "province");
        // Common words are not places; person names are not places.
        assert!(names("The tank rolled through the swat team near dir road.").is_empty());
        assert!(names("Commander Noor Wali Mehsud spoke.").is_empty());
        assert_eq!(names("Gunmen attacked a post in Tank.")[0].1, "Tank");
        assert_eq!(names("The Bannu cantonment was hit.")[0].2, "district");
    }

    #[test]
    fn aliases_and_spellings() {
        assert_eq!(lookup("Paktiya").map(|p| p.name), Some("Paktia".into()));
        assert_eq!(lookup("NWFP").map(|p| p.name), Some("Khyber Pakhtunkhwa".into()));
        assert_eq!(lookup("kpk").map(|p| p.name), Some("Khyber Pakhtunkhwa".into()));
        assert_eq!(lookup("FATA").map(|p| p.kind), Some("region".into()));
        assert_eq!(lookup("Orakzai district").map(|p| p.name), Some("Orakzai".into()));
        assert_eq!(lookup("Kabul province").map(|p| p.kind), Some("province".into()));
        assert_eq!(lookup("Khyber Pakhtunkhwa (KP)").map(|p| p.kind), Some("province".into()));
        assert_eq!(lookup("D.I. Khan").map(|p| p.name), Some("Dera Ismail Khan".into()));
        assert_eq!(lookup("Spin Boldak").map(|p| p.country), Some("Afghanistan".into()));
        assert_eq!(lookup("Doha").map(|p| p.country), Some("Qatar".into()));
        assert!(lookup("Atlantis").is_none());
        let got = names("Fighting near Angoor Adda and the Ghulam Khan crossing in North Waziristan.");
        assert_eq!(
            got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(),
            ["Angoor Adda", "Ghulam Khan", "North Waziristan"]
        );
    }

    #[test]
    fn neighbourhood() {
        let p = |n: &str| lookup(n).unwrap_or_else(|| panic!("{n}"));
        assert!(neighbours(&p("Bajaur"), &p("Bajaur")));
        assert!(neighbours(&p("Khar"), &p("Bajaur")));
        assert!(neighbours(&p("Bajaur"), &p("Kurram")));
        assert!(neighbours(&p("Kunar"), &p("Bajaur")));
        assert!(neighbours(&p("Paktika"), &p("Zhob")));
        assert!(neighbours(&p("Afghanistan"), &p("Kandahar")));
        assert!(!neighbours(&p("Herat"), &p("Bajaur")));
        assert!(!neighbours(&p("Karachi"), &p("Kunar")));
        assert!(!neighbours(&p("Doha"), &p("Kabul")));
    }
}
