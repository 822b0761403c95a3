//! Grouping events into incidents: one record per real-world incident, however many
//! sources report it, with every source's own figures side by side and conflicting
//! claims flagged (never averaged).
//!
//! Two events are the same incident when their ACLED types are compatible, their dates
//! agree (overlap, or within [`DAY_TOLERANCE`] days for day-precise dates; partial dates
//! and ranges must overlap), their places resolve to the same or neighbouring districts or
//! provinces, and their actors agree. An event without a date can join "carefully": it
//! needs an agreeing place and actors, or — without a place either — a corroborating
//! detail such as the same fatality figure. Events of the same document are never merged
//! (the extractor already merges within a document). Joining is complete-linkage for the
//! vetoes (a new event must be compatible with every member) and best-match for the
//! score, so incidents do not drift as they grow.
//!
//! [`IncidentIndex`] is incremental: add a new document's events and they join the
//! existing incidents; remove a document's events and its incidents are regrouped.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::timeline::{DayRange, Precision};
use crate::corpus::Document;
use crate::extract::Event;

/// Days two day-precise dates may differ and still be the same incident (reports often
/// give the day an attack began, the day it ended, or the day it was announced).
pub const DAY_TOLERANCE: i64 = 3;

/// Days between an undated event's report and the other report's date beyond which the two
/// cannot be one incident.
pub const REPORT_GAP: i64 = 14;

/// Score a candidate must reach to join an incident.
const JOIN_THRESHOLD: f32 = 2.0;
/// Most recent incidents scanned per blocking key (bounds the cost on large corpora).
const BLOCK_SCAN: usize = 64;
/// Members of an incident checked for vetoes (the first and last ones).
const MEMBER_SCAN: usize = 16;

/// A conflicting claim between sources of one incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// "fatalities" or "victims".
    pub field: String,
    /// Each source's claim: (document id, claim as text, claimant).
    pub claims: Vec<(String, String, Option<String>)>,
    /// One plain sentence describing the conflict.
    pub summary: String,
}

/// What one source says about an incident: its own figures, kept side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    /// Document id of the source.
    pub doc: String,
    /// Index of the source's event in the corpus's event list.
    pub event: usize,
    /// The source's date for the incident, as coded.
    pub date: Option<String>,
    /// Places the source names.
    pub locations: Vec<String>,
    /// The source's fatality figure.
    pub fatalities: Option<u32>,
    /// Who the source attributes the figure to.
    pub claimed_by: Option<String>,
    /// Who the dead are said to be, with the claimant.
    pub victims: Option<String>,
    /// The source's own summary of the event.
    pub what: String,
}

/// One real-world incident: events of several documents that report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Indices into the corpus's event list.
    pub events: Vec<usize>,
    /// Merged date (ISO, partial or range): the most precise dates the sources give.
    pub date: Option<String>,
    /// Merged places as written.
    pub locations: Vec<String>,
    /// Merged canonical actors.
    pub actors: Vec<String>,
    /// ACLED type of the incident.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_type: String,
    /// Document ids of the reporting sources.
    pub sources: Vec<String>,
    /// Most conservative fatality figure.
    pub fatalities_min: Option<u32>,
    /// Highest fatality figure claimed.
    pub fatalities_max: Option<u32>,
    /// Conflicting claims.
    pub conflicts: Vec<Conflict>,
    /// Plain-language summary.
    pub summary: String,
}

impl Incident {
    /// "reported by 3 sources" / "1 source".
    pub fn corroboration(&self) -> String {
        match self.sources.len() {
            1 => "1 source".to_string(),
            n => format!("{n} sources"),
        }
    }

    /// The merged date as a day range, if the date is known.
    pub fn day_range(&self) -> Option<DayRange> {
        DayRange::parse(self.date.as_deref()?)
    }

    /// Every source's own figures, side by side, in event order. `events` is the
    /// corpus's event list the incident's indices point into.
    pub fn reports(&self, events: &[Event]) -> Vec<SourceReport> {
        self.events
            .iter()
            .filter_map(|&i| {
                let e = events.get(i)?;
                Some(SourceReport {
                    doc: e.doc.clone(),
                    event: i,
                    date: e.date.clone(),
                    locations: e.locations.iter().map(|l| l.text.clone()).collect(),
                    fatalities: e.fatalities,
                    claimed_by: e.fatalities_claimed_by.clone(),
                    victims: e.victims.clone(),
                    what: e.what.clone(),
                })
            })
            .collect()
    }

    /// True when a fatality figure is disputed between sources.
    pub fn fatalities_disputed(&self) -> bool {
        self.conflicts.iter().any(|c| c.field == "fatalities")
    }
}

/// Group events into incidents. Every event belongs to exactly one incident.
pub fn group_incidents(events: &[Event]) -> Vec<Incident> {
    let mut index = IncidentIndex::new();
    index.add_events(events);
    index.incidents(events)
}

/// A place reduced to what grouping compares.
#[derive(Debug, Clone, PartialEq)]
struct PlaceKey {
    name: String,
    district: Option<String>,
    province: Option<String>,
    country: Option<String>,
    resolved: bool,
}

/// The comparable features of one event.
#[derive(Debug, Clone)]
struct Features {
    doc: String,
    event_type: String,
    sub_type: String,
    date: Option<DayRange>,
    /// Publication day of the report (for undated events).
    reported: Option<DayRange>,
    places: Vec<PlaceKey>,
    actors: BTreeSet<String>,
    fatalities: Option<u32>,
    words: BTreeSet<String>,
}

/// How two places relate, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum PlaceRel {
    Unrelated,
    Neighbour,
    SameProvince,
    Same,
}

fn norm(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Drop kind words a mention may carry ("Orakzai district", "Khost province").
fn bare_place(s: &str) -> String {
    let n = norm(s);
    let words: Vec<&str> = n
        .split(' ')
        .filter(|w| {
            !matches!(*w, "district" | "province" | "city" | "town" | "sector" | "sectors" | "region" | "the")
        })
        .collect();
    words.join(" ")
}

fn place_keys(e: &Event) -> Vec<PlaceKey> {
    let mut out: Vec<PlaceKey> = Vec::new();
    for l in &e.locations {
        let key = match &l.place {
            Some(p) if p.kind == "country" => continue,
            Some(p) => {
                let province =
                    if p.kind == "province" { Some(norm(&p.name)) } else { p.province.as_deref().map(norm) };
                let district =
                    if p.kind == "district" { Some(norm(&p.name)) } else { p.district.as_deref().map(norm) };
                PlaceKey {
                    name: norm(&p.name),
                    district,
                    province,
                    country: Some(norm(&p.country)),
                    resolved: true,
                }
            }
            None => {
                let name = bare_place(&l.text);
                if name.is_empty() {
                    continue;
                }
                PlaceKey { name, district: None, province: None, country: None, resolved: false }
            }
        };
        if !out.contains(&key) {
            out.push(key);
        }
    }
    // A province named beside places inside it ("Khyber Pakhtunkhwa's Chitral and Khyber
    // sectors") is context, not a second location: keep the most specific places.
    let specific: Vec<(String, String)> = out
        .iter()
        .filter(|k| k.district.is_some() || k.province.as_deref() != Some(k.name.as_str()))
        .filter_map(|k| Some((k.province.clone()?, k.name.clone())))
        .collect();
    out.retain(|k| {
        let is_province = k.district.is_none() && k.province.as_deref() == Some(k.name.as_str());
        !(is_province && specific.iter().any(|(p, n)| *p == k.name && *n != k.name))
    });
    out
}

fn place_rel(a: &PlaceKey, b: &PlaceKey) -> PlaceRel {
    if a.name == b.name {
        return PlaceRel::Same;
    }
    if let (Some(x), Some(y)) = (&a.district, &b.district)
        && x == y
    {
        return PlaceRel::Same;
    }
    // A place named like the other's district ("Khyber" town vs Khyber district).
    if a.district.as_deref() == Some(b.name.as_str()) || b.district.as_deref() == Some(a.name.as_str()) {
        return PlaceRel::Same;
    }
    if let (Some(x), Some(y)) = (&a.province, &b.province) {
        if x == y {
            // Two different districts of one province are near, not the same place; a
            // province-level mention agrees with any district in it.
            return if a.district.is_some() && b.district.is_some() {
                PlaceRel::Neighbour
            } else {
                PlaceRel::SameProvince
            };
        }
        if provinces_adjacent(x, y) {
            return PlaceRel::Neighbour;
        }
    }
    PlaceRel::Unrelated
}

/// Adjacent first-level divisions of Pakistan and Afghanistan (normalised names), for
/// "neighbouring provinces". Spelling variants are listed where sources differ.
const ADJACENT: &[(&str, &[&str])] = &[
    // Pakistan
    (
        "khyber pakhtunkhwa",
        &[
            "punjab",
            "balochistan",
            "gilgit baltistan",
            "azad jammu and kashmir",
            "islamabad capital territory",
            "islamabad",
            "nangarhar",
            "kunar",
            "nuristan",
            "badakhshan",
            "paktia",
            "khost",
            "paktika",
        ],
    ),
    (
        "balochistan",
        &["khyber pakhtunkhwa", "punjab", "sindh", "paktika", "zabul", "kandahar", "helmand", "nimroz"],
    ),
    (
        "punjab",
        &[
            "khyber pakhtunkhwa",
            "balochistan",
            "sindh",
            "islamabad capital territory",
            "islamabad",
            "azad jammu and kashmir",
        ],
    ),
    ("sindh", &["punjab", "balochistan"]),
    ("gilgit baltistan", &["khyber pakhtunkhwa", "azad jammu and kashmir", "badakhshan"]),
    ("azad jammu and kashmir", &["khyber pakhtunkhwa", "punjab", "gilgit baltistan"]),
    ("islamabad capital territory", &["punjab", "khyber pakhtunkhwa"]),
    ("islamabad", &["punjab", "khyber pakhtunkhwa"]),
    // Afghanistan (eastern and southern border provinces and their inner neighbours)
    ("nangarhar", &["khyber pakhtunkhwa", "kunar", "laghman", "kabul", "logar", "paktia"]),
    ("kunar", &["khyber pakhtunkhwa", "nangarhar", "laghman", "nuristan"]),
    ("nuristan", &["khyber pakhtunkhwa", "kunar", "laghman", "panjshir", "badakhshan"]),
    ("badakhshan", &["khyber pakhtunkhwa", "gilgit baltistan", "nuristan", "panjshir", "takhar"]),
    ("paktia", &["khyber pakhtunkhwa", "nangarhar", "logar", "ghazni", "paktika", "khost"]),
    ("paktiya", &["khyber pakhtunkhwa", "nangarhar", "logar", "ghazni", "paktika", "khost"]),
    ("khost", &["khyber pakhtunkhwa", "paktia", "paktiya", "paktika"]),
    ("paktika", &["khyber pakhtunkhwa", "balochistan", "khost", "paktia", "paktiya", "ghazni", "zabul"]),
    ("zabul", &["balochistan", "paktika", "ghazni", "uruzgan", "kandahar"]),
    ("kandahar", &["balochistan", "zabul", "uruzgan", "helmand"]),
    ("helmand", &["balochistan", "kandahar", "nimroz", "farah", "uruzgan", "daykundi", "ghor"]),
    ("nimroz", &["balochistan", "helmand", "farah"]),
    ("kabul", &["nangarhar", "laghman", "kapisa", "parwan", "wardak", "logar"]),
    ("laghman", &["nangarhar", "kunar", "nuristan", "kapisa", "kabul", "panjshir"]),
    ("logar", &["kabul", "nangarhar", "paktia", "paktiya", "ghazni", "wardak"]),
    ("ghazni", &["paktia", "paktiya", "paktika", "zabul", "uruzgan", "daykundi", "wardak", "logar"]),
];

fn provinces_adjacent(a: &str, b: &str) -> bool {
    ADJACENT.iter().any(|(p, ns)| (*p == a && ns.contains(&b)) || (*p == b && ns.contains(&a)))
}

/// Words that name no particular actor.
const GENERIC_ACTOR_WORDS: &[&str] = &[
    "forces",
    "force",
    "military",
    "army",
    "armed",
    "security",
    "personnel",
    "officials",
    "official",
    "government",
    "group",
    "groups",
    "militants",
    "militant",
    "the",
    "of",
    "and",
    "air",
    "troops",
    "soldiers",
    "soldier",
    "regime",
    "ministry",
    "foreign",
    "affairs",
    "special",
    "services",
    "civilians",
    "civilian",
    "people",
    "unidentified",
    "unknown",
    "gunmen",
    "men",
    "local",
    "police",
    "authorities",
    "e",
];

fn actor_tokens(actors: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for a in actors {
        for w in norm(a).split(' ') {
            if w.is_empty() || GENERIC_ACTOR_WORDS.contains(&w) {
                continue;
            }
            // Demonyms to the country: "pakistani" -> "pakistan", "afghan" -> "afghanistan".
            let w = match w {
                "pakistani" | "pakistanis" => "pakistan",
                "afghan" | "afghans" => "afghanistan",
                "indian" => "india",
                "iranian" => "iran",
                w => w,
            };
            out.insert(w.to_string());
        }
    }
    out
}

const STOPWORDS: &[&str] = &[
    "about",
    "after",
    "against",
    "along",
    "also",
    "among",
    "amid",
    "before",
    "being",
    "between",
    "both",
    "by",
    "during",
    "from",
    "have",
    "into",
    "its",
    "more",
    "most",
    "near",
    "over",
    "reportedly",
    "said",
    "says",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "with",
    "would",
    "according",
    "including",
    "other",
    "others",
    "been",
    "while",
];

fn content_words(text: &str) -> BTreeSet<String> {
    norm(text)
        .split(' ')
        .filter(|w| w.len() >= 4 && !STOPWORDS.contains(w) && !w.bytes().all(|b| b.is_ascii_digit()))
        .map(|w| {
            // crude plural folding, so "strikes" meets "strike"
            if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

fn features(e: &Event) -> Features {
    Features {
        doc: e.doc.clone(),
        event_type: e.event_type.clone(),
        sub_type: e.sub_type.clone(),
        date: e.date.as_deref().and_then(DayRange::parse),
        reported: e.reported.as_deref().and_then(DayRange::parse),
        places: place_keys(e),
        actors: actor_tokens(&e.actors),
        fatalities: e.fatalities,
        words: content_words(&format!("{} {}", e.what, e.evidence)),
    }
}

/// Sub-types of one ACLED type that sources may code differently for one incident.
const SUBTYPE_FAMILIES: &[&[&str]] = &[
    &["Air/drone strike", "Shelling/artillery/missile attack"],
    &["Suicide bomb", "Remote explosive/landmine/IED", "Grenade"],
    &["Armed clash", "Attack"],
];

fn subtype_score(a: &str, b: &str) -> Option<f32> {
    if a.eq_ignore_ascii_case(b) {
        return Some(1.0);
    }
    if a.is_empty() || b.is_empty() {
        return Some(0.3);
    }
    SUBTYPE_FAMILIES.iter().any(|f| f.contains(&a) && f.contains(&b)).then_some(0.3)
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count();
    inter as f32 / (a.len() + b.len() - inter) as f32
}

/// Score two events as reports of one incident; `None` when they cannot be one.
fn pair_score(a: &Features, b: &Features) -> Option<f32> {
    if a.doc == b.doc || a.event_type != b.event_type {
        return None;
    }
    let mut score = subtype_score(&a.sub_type, &b.sub_type)?;
    let strategic = a.event_type == "Strategic developments";

    // An undated event happened shortly before its report: reports published weeks apart
    // (or an event dated long before the other's report) are not one incident.
    if a.date.is_none() || b.date.is_none() {
        let when = |f: &Features| f.date.or(f.reported);
        if let (Some(x), Some(y)) = (when(a), when(b))
            && x.gap(&y) > REPORT_GAP
        {
            return None;
        }
    }

    // Dates.
    let mut date_precise = false;
    let mut date_agree = false;
    if let (Some(x), Some(y)) = (a.date, b.date) {
        let both_day = x.precision() == Precision::Day && y.precision() == Precision::Day;
        let gap = x.gap(&y);
        if gap > if both_day { DAY_TOLERANCE } else { 0 } {
            return None;
        }
        if both_day {
            score += 1.5 - 0.2 * gap as f32;
            date_precise = true;
            date_agree = true;
        } else if x.precision() <= Precision::Month && y.precision() <= Precision::Month {
            score += 0.5;
            date_agree = true;
        } else {
            score += 0.1;
        }
    }

    // Places.
    let places_known = !a.places.is_empty() && !b.places.is_empty();
    let mut place_agree = false;
    let mut place_near = false;
    let mut place_exact = false;
    if places_known {
        let mut best = a
            .places
            .iter()
            .flat_map(|p| b.places.iter().map(move |q| place_rel(p, q)))
            .max()
            .unwrap_or(PlaceRel::Unrelated);
        // Reports of one incident name mostly the same places: when the shorter list has
        // several places, at least half of them must agree with the other list (two waves
        // of strikes sharing one province out of three are two incidents).
        let (short, long) = if a.places.len() <= b.places.len() { (a, b) } else { (b, a) };
        let agreeing = short
            .places
            .iter()
            .filter(|p| long.places.iter().any(|q| place_rel(p, q) >= PlaceRel::SameProvince))
            .count();
        if short.places.len() >= 2 && 2 * agreeing < short.places.len() && best >= PlaceRel::SameProvince {
            best = PlaceRel::Neighbour;
        }
        place_exact = best == PlaceRel::Same;
        let a_resolved = a.places.iter().any(|p| p.resolved);
        let b_resolved = b.places.iter().any(|p| p.resolved);
        match best {
            PlaceRel::Same => {
                score += 2.0;
                place_agree = true;
            }
            PlaceRel::SameProvince => {
                score += 1.2;
                place_agree = true;
            }
            PlaceRel::Neighbour => {
                score += 0.5;
                place_near = true;
            }
            PlaceRel::Unrelated if a_resolved && b_resolved => return None,
            PlaceRel::Unrelated => score -= 1.0,
        }
    }

    // Actors.
    let mut actor_overlap = 0usize;
    if !a.actors.is_empty() && !b.actors.is_empty() {
        actor_overlap = a.actors.intersection(&b.actors).count();
        if actor_overlap == 0 {
            score -= 0.8;
        } else {
            score += 0.6 * actor_overlap as f32 / a.actors.len().min(b.actors.len()) as f32;
        }
    }

    // Figures and wording.
    let same_figure = matches!((a.fatalities, b.fatalities), (Some(x), Some(y)) if x == y && x > 0);
    if same_figure {
        score += 1.2;
    }
    let sim = jaccard(&a.words, &b.words);
    score += 2.0 * sim;
    let text_strong = sim >= 0.3;

    // Enough independent evidence that this is one incident, not two alike.
    let anchored = if strategic {
        // Meetings, statements and warnings recur constantly: demand a precise shared date
        // and clearly similar wording.
        date_precise && (place_agree || actor_overlap >= 2) && sim >= 0.2
    } else if date_agree && place_agree {
        true
    } else if place_agree {
        // An undated report joins by place, type and actors; a report naming no actor can
        // only join a report of the very same place and sub-type.
        let actorless = a.actors.is_empty() || b.actors.is_empty();
        actor_overlap > 0
            || text_strong
            || same_figure
            || (actorless && place_exact && a.sub_type.eq_ignore_ascii_case(&b.sub_type))
    } else if date_precise && place_near {
        actor_overlap > 0 && (text_strong || same_figure)
    } else if places_known {
        // places named on both sides but not agreeing, and no precise shared date
        false
    } else if date_precise {
        actor_overlap > 0 || same_figure || text_strong
    } else {
        (same_figure || text_strong) && actor_overlap > 0
    };
    (anchored && score >= JOIN_THRESHOLD).then_some(score)
}

/// Incremental grouping of events into incidents.
#[derive(Debug, Clone, Default)]
pub struct IncidentIndex {
    feats: Vec<Features>,
    cluster_of: Vec<usize>,
    clusters: Vec<Vec<usize>>,
    cluster_docs: Vec<HashSet<String>>,
    blocks: HashMap<String, Vec<usize>>,
}

impl IncidentIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Restore an index from incidents grouped earlier over `events` (e.g. a corpus
    /// built before), so that new events join them incrementally without regrouping the
    /// old ones. Events no incident covers are grouped afresh.
    pub fn with_incidents(events: &[Event], incidents: &[Incident]) -> Self {
        let mut index = IncidentIndex {
            feats: events.iter().map(features).collect(),
            cluster_of: vec![usize::MAX; events.len()],
            ..Default::default()
        };
        for inc in incidents {
            let members: Vec<usize> = inc
                .events
                .iter()
                .copied()
                .filter(|&i| i < events.len() && index.cluster_of[i] == usize::MAX)
                .collect();
            if members.is_empty() {
                continue;
            }
            let id = index.clusters.len();
            for &m in &members {
                index.cluster_of[m] = id;
            }
            index.cluster_docs.push(members.iter().map(|&m| index.feats[m].doc.clone()).collect());
            index.clusters.push(members.clone());
            for m in members {
                index.register(m, id);
            }
        }
        for i in 0..events.len() {
            if index.cluster_of[i] == usize::MAX {
                index.place(i);
            }
        }
        index
    }

    /// Number of events indexed.
    pub fn len(&self) -> usize {
        self.feats.len()
    }

    /// True when no event is indexed.
    pub fn is_empty(&self) -> bool {
        self.feats.is_empty()
    }

    /// Index events appended to the corpus's event list: the first gets index
    /// [`len`](Self::len) before the call. Each joins the best compatible incident or
    /// starts a new one. Call once per added document (or batch of documents).
    pub fn add_events(&mut self, events: &[Event]) {
        let base = self.feats.len();
        self.feats.extend(events.iter().map(features));
        self.cluster_of.resize(self.feats.len(), usize::MAX);
        for i in base..self.feats.len() {
            self.place(i);
        }
    }

    /// Remove the events `range` (indices into the event list before removal), e.g. when
    /// a document is closed; later events shift down. Incidents that lose members are
    /// regrouped from their remaining events.
    pub fn remove_events(&mut self, range: Range<usize>) {
        let range = range.start.min(self.feats.len())..range.end.min(self.feats.len());
        if range.is_empty() {
            return;
        }
        let n = range.len();
        let mut affected: BTreeSet<usize> = BTreeSet::new();
        for i in range.clone() {
            affected.insert(self.cluster_of[i]);
        }
        // Rebuild everything from the kept features: simple, correct and fast enough
        // (grouping 100k events takes well under a second), keeping untouched incidents
        // as they were by re-adding their members cluster by cluster.
        let kept: Vec<(usize, Features)> =
            self.feats.drain(..).enumerate().filter(|(i, _)| !range.contains(i)).collect();
        let old_clusters = std::mem::take(&mut self.clusters);
        self.cluster_of = vec![usize::MAX; kept.len()];
        self.cluster_docs.clear();
        self.blocks.clear();
        let new_index = |old: usize| if old >= range.end { old - n } else { old };
        self.feats = kept.into_iter().map(|(_, f)| f).collect();
        let mut regroup = Vec::new();
        for (c, members) in old_clusters.into_iter().enumerate() {
            let members: Vec<usize> =
                members.into_iter().filter(|i| !range.contains(i)).map(new_index).collect();
            if members.is_empty() {
                continue;
            }
            if affected.contains(&c) {
                regroup.extend(members);
            } else {
                let id = self.clusters.len();
                for &m in &members {
                    self.cluster_of[m] = id;
                }
                self.cluster_docs.push(members.iter().map(|&m| self.feats[m].doc.clone()).collect());
                self.clusters.push(members.clone());
                for &m in &members {
                    self.register(m, id);
                }
            }
        }
        regroup.sort_unstable();
        for i in regroup {
            self.place(i);
        }
    }

    /// Blocking keys of an event: events that could be one incident share at least one.
    fn keys(f: &Features) -> Vec<String> {
        let mut keys = Vec::new();
        let t = &f.event_type;
        for p in &f.places {
            keys.push(format!("{t}|p|{}", p.province.as_deref().unwrap_or(&p.name)));
            keys.push(format!("{t}|p|{}", p.name));
        }
        if let Some(d) = f.date {
            // month buckets, widened by the day tolerance
            let mut day = d.start - DAY_TOLERANCE;
            let end = d.end.min(d.start + 400) + DAY_TOLERANCE;
            while day <= end {
                let (y, m, _) = super::timeline::civil_from_days(day);
                let k = format!("{t}|m|{y}-{m}");
                if !keys.contains(&k) {
                    keys.push(k);
                }
                day += 28;
            }
            let (y, m, _) = super::timeline::civil_from_days(end);
            keys.push(format!("{t}|m|{y}-{m}"));
        }
        if let Some(n) = f.fatalities {
            keys.push(format!("{t}|f|{n}"));
        }
        for a in &f.actors {
            keys.push(format!("{t}|a|{a}"));
        }
        keys.sort();
        keys.dedup();
        keys
    }

    fn register(&mut self, event: usize, cluster: usize) {
        for k in Self::keys(&self.feats[event]) {
            let list = self.blocks.entry(k).or_default();
            if list.last() != Some(&cluster)
                && !list[list.len().saturating_sub(BLOCK_SCAN)..].contains(&cluster)
            {
                list.push(cluster);
            }
        }
    }

    /// Put event `i` into the best compatible incident, or a new one.
    fn place(&mut self, i: usize) {
        let f = &self.feats[i];
        let mut seen: HashSet<usize> = HashSet::new();
        let mut best: Option<(f32, usize)> = None;
        for k in Self::keys(f) {
            let Some(list) = self.blocks.get(&k) else { continue };
            for &c in list.iter().rev().take(BLOCK_SCAN) {
                if !seen.insert(c) || self.cluster_docs[c].contains(&f.doc) {
                    continue;
                }
                if let Some(s) = self.cluster_score(f, c)
                    && best.is_none_or(|(b, bc)| s > b || (s == b && c < bc))
                {
                    best = Some((s, c));
                }
            }
        }
        let cluster = match best {
            Some((_, c)) => {
                self.clusters[c].push(i);
                self.cluster_docs[c].insert(self.feats[i].doc.clone());
                c
            }
            None => {
                self.clusters.push(vec![i]);
                self.cluster_docs.push(HashSet::from([self.feats[i].doc.clone()]));
                self.clusters.len() - 1
            }
        };
        self.cluster_of[i] = cluster;
        self.register(i, cluster);
    }

    /// Best pair score of `f` with the incident's members; `None` if any member vetoes.
    fn cluster_score(&self, f: &Features, c: usize) -> Option<f32> {
        let members = &self.clusters[c];
        let check: Vec<usize> = if members.len() <= 2 * MEMBER_SCAN {
            members.clone()
        } else {
            members[..MEMBER_SCAN].iter().chain(&members[members.len() - MEMBER_SCAN..]).copied().collect()
        };
        let mut best = f32::MIN;
        for m in check {
            best = best.max(pair_score(f, &self.feats[m])?);
        }
        Some(best)
    }

    /// The incidents, each with its merged summary, sources, figures and conflicts, in
    /// order of their first event. `events` is the corpus's event list the index was fed.
    pub fn incidents(&self, events: &[Event]) -> Vec<Incident> {
        let mut out: Vec<Incident> = self
            .clusters
            .iter()
            .filter(|m| !m.is_empty() && m.iter().all(|&i| i < events.len()))
            .map(|m| build_incident(m, events))
            .collect();
        out.sort_by_key(|inc| inc.events.first().copied().unwrap_or(usize::MAX));
        out
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    let k = norm(s);
    if !k.is_empty() && !v.iter().any(|x| norm(x) == k) {
        v.push(s.to_string());
    }
}

/// Merged date: the hull of the most precise dates the sources give.
fn merged_date(members: &[&Event]) -> Option<String> {
    let ranges: Vec<DayRange> =
        members.iter().filter_map(|e| e.date.as_deref().and_then(DayRange::parse)).collect();
    let best = ranges.iter().map(|r| r.precision()).min()?;
    ranges.iter().filter(|r| r.precision() == best).copied().reduce(|a, b| a.hull(&b)).map(|r| r.to_iso())
}

fn majority(values: impl Iterator<Item = String>) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let max = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts.into_iter().find(|(_, n)| *n == max).map(|(k, _)| k).unwrap_or_default()
}

/// Who the dead are said to be, reduced to a category.
fn victim_category(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| t.contains(w));
    if has(&[
        "civilian",
        "women",
        "children",
        "villager",
        "resident",
        "worshipper",
        "family",
        "families",
        "student",
        "passer",
    ]) {
        Some("civilians")
    } else if has(&[
        "militant",
        "terrorist",
        "insurgent",
        "fighter",
        "khawarij",
        "khwarij",
        "jihadist",
        "attacker",
    ]) {
        Some("militants")
    } else if has(&["soldier", "troop", "personnel", "police", "officer", "guard", "security force"]) {
        Some("security forces")
    } else {
        None
    }
}

/// The claimant inside a victims description ("militants according to ISPR").
fn victim_claimant(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for cue in ["according to ", "per ", "claimed by ", "says ", "said "] {
        if let Some(i) = lower.find(cue) {
            let rest = text.get(i + cue.len()..)?.trim().trim_end_matches(['.', ')']);
            if !rest.is_empty() {
                return Some(rest.to_string());
            }
        }
    }
    None
}

fn figure_text(n: u32) -> String {
    if n == 1 { "1 dead".to_string() } else { format!("{n} dead") }
}

/// One plain sentence for a conflict, naming each source with `name` (given a document id).
fn conflict_summary(c: &Conflict, lo: Option<u32>, hi: Option<u32>, name: &dyn Fn(&str) -> String) -> String {
    if c.field == "fatalities" {
        let parts: Vec<String> = c
            .claims
            .iter()
            .map(|(doc, claim, by)| match by {
                Some(by) => format!("{claim} according to {by} ({})", name(doc)),
                None => format!("{claim} ({})", name(doc)),
            })
            .collect();
        let figure = match (lo, hi) {
            (Some(lo), Some(hi)) => format!(" Incident figure: {lo} (most conservative; range {lo}–{hi})."),
            _ => String::new(),
        };
        format!("Fatality figures differ: {}.{figure}", parts.join("; "))
    } else {
        let parts: Vec<String> = c
            .claims
            .iter()
            .map(|(doc, text, by)| {
                let cat = victim_category(text).unwrap_or("unidentified");
                match by {
                    Some(by) => format!("{cat} according to {by} ({})", name(doc)),
                    None => format!("{cat} ({})", name(doc)),
                }
            })
            .collect();
        format!("Competing accounts of the dead: {}.", parts.join(" vs "))
    }
}

/// How sentences name a source document, as the rest of the UI does: `Outlet, “Title”`,
/// `“Title”` or the outlet alone when only one is known (long titles shortened at a word),
/// and the file name only when the document has neither.
pub fn source_name(doc: &Document) -> String {
    let title = doc.meta.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(|t| {
        if t.chars().count() <= 60 {
            t.to_string()
        } else {
            let cut: String = t.chars().take(60).collect();
            let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a).trim_end_matches([',', ':', ';']);
            format!("{cut}…")
        }
    });
    let outlet = doc.meta.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty());
    match (outlet, title) {
        (Some(o), Some(t)) => format!("{o}, “{t}”"),
        (None, Some(t)) => format!("“{t}”"),
        (Some(o), None) => o.to_string(),
        (None, None) => doc.file.clone(),
    }
}

/// Rewrite the incidents' conflict summaries so that sources are named by title and outlet
/// ([`source_name`]) instead of document ids; ids not among `docs` stay as they are.
pub fn name_sources(incidents: &mut [Incident], docs: &[Document]) {
    let names: HashMap<&str, String> = docs.iter().map(|d| (d.id.as_str(), source_name(d))).collect();
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    for inc in incidents {
        let (lo, hi) = (inc.fatalities_min, inc.fatalities_max);
        for c in &mut inc.conflicts {
            c.summary = conflict_summary(c, lo, hi, &name);
        }
    }
}

fn build_incident(member_ids: &[usize], events: &[Event]) -> Incident {
    let mut ids = member_ids.to_vec();
    ids.sort_unstable();
    let members: Vec<&Event> = ids.iter().filter_map(|&i| events.get(i)).collect();
    let mut locations = Vec::new();
    let mut actors = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    for e in &members {
        for l in &e.locations {
            push_unique(&mut locations, l.place.as_ref().map(|p| p.name.as_str()).unwrap_or(&l.text));
        }
        for a in &e.actors {
            push_unique(&mut actors, a);
        }
        if !sources.contains(&e.doc) {
            sources.push(e.doc.clone());
        }
    }
    let figures: Vec<u32> = members.iter().filter_map(|e| e.fatalities).collect();
    let fatalities_min = figures.iter().copied().min();
    let fatalities_max = figures.iter().copied().max();
    let mut conflicts = Vec::new();
    if let (Some(lo), Some(hi)) = (fatalities_min, fatalities_max)
        && lo != hi
    {
        let claims: Vec<(String, String, Option<String>)> = members
            .iter()
            .filter_map(|e| {
                Some((e.doc.clone(), figure_text(e.fatalities?), e.fatalities_claimed_by.clone()))
            })
            .collect();
        let mut c = Conflict { field: "fatalities".to_string(), claims, summary: String::new() };
        c.summary = conflict_summary(&c, fatalities_min, fatalities_max, &|d: &str| d.to_string());
        conflicts.push(c);
    }
    // Competing narratives about who the dead are.
    let mut narratives: Vec<(String, String, Option<String>, &'static str)> = Vec::new();
    for e in &members {
        let Some(v) = &e.victims else { continue };
        for part in v.split([';', '|']) {
            let part = part.trim();
            if let Some(cat) = victim_category(part) {
                let claimant = victim_claimant(part).or_else(|| e.fatalities_claimed_by.clone());
                narratives.push((e.doc.clone(), part.to_string(), claimant, cat));
            }
        }
    }
    let cats: BTreeSet<&str> = narratives.iter().map(|n| n.3).collect();
    if cats.len() > 1 {
        let mut c = Conflict {
            field: "victims".to_string(),
            claims: narratives.into_iter().map(|(d, t, c, _)| (d, t, c)).collect(),
            summary: String::new(),
        };
        c.summary = conflict_summary(&c, fatalities_min, fatalities_max, &|d: &str| d.to_string());
        conflicts.push(c);
    }
    let summary = incident_summary(&members, &locations);
    Incident {
        events: ids,
        date: merged_date(&members),
        locations,
        actors,
        event_type: majority(members.iter().map(|e| e.event_type.clone())),
        sub_type: majority(members.iter().map(|e| e.sub_type.clone())),
        sources,
        fatalities_min,
        fatalities_max,
        conflicts,
        summary,
    }
}

/// The most informative member's summary, plus places other sources add.
fn incident_summary(members: &[&Event], locations: &[String]) -> String {
    let Some(best) = members.iter().max_by_key(|e| {
        (
            e.locations.len() + e.actors.len() + usize::from(e.fatalities.is_some()),
            e.what.len(),
            usize::MAX - e.span.start,
        )
    }) else {
        return String::new();
    };
    let mut what = best.what.trim().trim_end_matches('.').to_string();
    if what.is_empty() {
        what = best.evidence.trim().trim_end_matches('.').to_string();
    }
    let lower = what.to_lowercase();
    let extra: Vec<&str> = locations
        .iter()
        .map(|s| s.as_str())
        .filter(|l| {
            !lower.contains(&l.to_lowercase())
                && !best.locations.iter().any(|x| x.text.eq_ignore_ascii_case(l))
        })
        .collect();
    if !extra.is_empty() {
        what.push_str(&format!("; also reported: {}", join_list(&extra)));
    }
    what
}

/// "A", "A and B", "A, B and C".
pub fn join_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [a] => a.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Plain noun phrase for an ACLED sub-event type ("air strikes", "suicide bombing"),
/// refined by the weapons the reports name (`text` is their lower-cased evidence).
fn sub_type_noun(sub_type: &str, event_type: &str, text: &str) -> String {
    let sub = sub_type.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| text.contains(w));
    let air = has(&[
        "airstrike",
        "air strike",
        "air raid",
        "air-strike",
        "jets",
        "warplane",
        "aircraft",
        "air force",
    ]);
    let drone = has(&["drone"]);
    let s = if sub.contains("air/drone") || (sub.contains("air") && sub.contains("strike")) {
        match (air, drone) {
            (true, true) => "air and drone strikes",
            (false, true) => "drone strikes",
            _ => "air strikes",
        }
    } else if sub.contains("shelling") || sub.contains("artillery") || sub.contains("missile") {
        let weapons: Vec<&str> = ["rocket", "artillery", "mortar", "missile", "drone"]
            .into_iter()
            .filter(|w| text.contains(w))
            .collect();
        return if weapons.is_empty() {
            "shelling".to_string()
        } else {
            format!("{} fire", join_list(&weapons))
        };
    } else if sub.contains("armed clash") {
        "clashes"
    } else if sub.contains("government regains") {
        "recapture of territory by government forces"
    } else if sub.contains("overtakes territory") {
        "seizure of territory by non-state forces"
    } else if sub.contains("suicide") {
        "suicide bombing"
    } else if sub.contains("remote explosive") || sub.contains("landmine") || sub.contains("ied") {
        "bombing"
    } else if sub.contains("grenade") {
        "grenade attack"
    } else if sub.contains("abduction") {
        "abduction"
    } else if sub.contains("sexual") {
        "sexual violence"
    } else if sub.contains("peaceful protest") {
        "protests"
    } else if sub.contains("protest with intervention") {
        "protests broken up by force"
    } else if sub.contains("excessive force") {
        "force used against protesters"
    } else if sub.contains("violent demonstration") {
        "violent demonstrations"
    } else if sub.contains("mob") {
        "mob violence"
    } else if sub.contains("agreement") {
        "agreement"
    } else if sub.contains("arrest") {
        "arrests"
    } else if sub.contains("weapons") {
        "weapons seized or defused"
    } else if sub.contains("headquarters") || sub.contains("base established") {
        "base established"
    } else if sub.contains("looting") || sub.contains("property") {
        "looting and destruction of property"
    } else if sub.contains("transfer of territory") {
        "transfer of territory"
    } else if sub == "attack" && event_type.to_lowercase().contains("civilian") {
        "attack on civilians"
    } else if sub == "attack" {
        "attack"
    } else if !sub.is_empty() && sub != "other" {
        return slashes(&sub);
    } else {
        let t = event_type.to_lowercase();
        if t.contains("battle") {
            "fighting"
        } else if t.contains("explosion") || t.contains("remote") {
            "explosions"
        } else if t.contains("civilian") {
            "violence against civilians"
        } else if t.contains("protest") {
            "protests"
        } else if t.contains("riot") {
            "riots"
        } else {
            ""
        }
    };
    s.to_string()
}

/// "talks/mediation" → "talks or mediation".
fn slashes(s: &str) -> String {
    s.replace('/', " or ")
}

/// The head noun of a generated summary ("Talks/mediation involving A and B (recent)" →
/// "talks or mediation"), or `None` when the summary is free prose to be used as it is.
fn summary_head(what: &str) -> Option<String> {
    let slash_label = what.contains('/') && what.split_whitespace().count() <= 4;
    let cut = [" involving ", " ("].iter().filter_map(|c| what.find(c)).min();
    let cut = match cut {
        Some(c) => c,
        None if slash_label => what.len(),
        None => return None,
    };
    let head = what.get(..cut)?.trim();
    (!head.is_empty()).then(|| slashes(&head.to_lowercase()))
}

/// True when `actor` names (a force of) `country`: a word of the actor begins like the
/// country's name ("Pakistani forces", "Afghan Taliban", "Pakistan Air Force").
fn belongs_to(actor: &str, country: &str) -> bool {
    let c = country.to_lowercase();
    if c.contains(' ') {
        // "United States": the whole name ("United States Army"), not a word stem that
        // "United Nations" shares.
        let a = actor.to_lowercase();
        return a != c && a.contains(&c);
    }
    let stem: String = c.chars().take(c.chars().count().clamp(4, 6)).collect();
    actor.to_lowercase() != c
        && actor
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| w.to_lowercase().starts_with(stem.as_str()) && w.len() >= stem.len())
}

/// Kind of an actor for phrasing: "country", "military", "state", "armed group", …
fn kind_of(actor: &str) -> &'static str {
    crate::extract::actors::actor_kind(actor).unwrap_or("")
}

/// The places of a group of events, most specific first kept: a country is left out when a
/// place inside it is named, a province when a district or town in it is, a district when
/// a town in it is. Written order is kept.
fn specific_places(members: &[&Event]) -> Vec<String> {
    let mut seen: Vec<(String, Option<&crate::extract::places::Place>)> = Vec::new();
    for e in members {
        for l in &e.locations {
            let name = l.place.as_ref().map_or(l.text.as_str(), |p| p.name.as_str()).trim();
            if !name.is_empty() && !seen.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                seen.push((name.to_string(), l.place.as_ref()));
            }
        }
    }
    let eq = |a: Option<&String>, b: &str| a.is_some_and(|a| a.eq_ignore_ascii_case(b));
    let contained = |name: &str, kind: &str| {
        seen.iter().any(|(other, p)| {
            let Some(p) = p else { return false };
            if other.eq_ignore_ascii_case(name) {
                return false;
            }
            match kind {
                "country" => p.kind != "country" && p.country.eq_ignore_ascii_case(name),
                "province" => p.kind != "province" && p.kind != "country" && eq(p.province.as_ref(), name),
                "district" => {
                    !matches!(p.kind.as_str(), "district" | "province" | "country" | "region")
                        && eq(p.district.as_ref(), name)
                }
                _ => false,
            }
        })
    };
    let countries: Vec<String> =
        seen.iter().filter_map(|(_, p)| p.map(|p| p.country.to_lowercase())).collect();
    seen.iter()
        .filter(|(name, p)| match p {
            Some(p) => !contained(name, p.kind.as_str()),
            // Unresolved names (sites such as "district courts") are left to the resolved
            // places when there are any; one that is the country of a resolved place adds nothing.
            None => countries.is_empty() && !countries.contains(&name.to_lowercase()),
        })
        .map(|(n, _)| with_article(n))
        .collect()
}

/// "the Tirah Valley", "the Durand Line": a place named by a common noun takes "the".
fn with_article(name: &str) -> String {
    const NOUNS: &[&str] = &[
        "valley",
        "line",
        "corridor",
        "areas",
        "division",
        "range",
        "mountains",
        "pass",
        "belt",
        "border",
        "region",
        "agency",
        "frontier",
        "plateau",
        "river",
        "gulf",
        "sea",
    ];
    let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    if name.contains(' ') && NOUNS.contains(&last.as_str()) && !name.to_lowercase().starts_with("the ") {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// One clause of a chronology sentence for events of one sub-type: who did what where.
fn group_clause(members: &[&Event], incident: &Incident) -> String {
    let Some(first) = members.first() else { return String::new() };
    let text: String = members
        .iter()
        .map(|e| format!("{} {}", e.evidence, e.what))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut noun = sub_type_noun(&first.sub_type, &first.event_type, &text);
    let places = specific_places(members);
    let place_countries: Vec<String> = members
        .iter()
        .flat_map(|e| e.locations.iter().filter_map(|l| l.place.as_ref()))
        .filter(|p| p.kind != "country")
        .map(|p| p.country.to_lowercase())
        .collect();
    let mut actors: Vec<String> = Vec::new();
    for e in members {
        for a in &e.actors {
            push_unique(&mut actors, a);
        }
    }
    let violent = !first.event_type.to_lowercase().contains("strategic")
        && !first.event_type.to_lowercase().contains("protest");
    let air_type = noun.ends_with("strikes");
    let force = |a: &str| matches!(kind_of(a), "military" | "armed group" | "state");
    let all = actors.clone();
    // Whoever only claims the figures ("ISPR said 20 were killed") is no party to it.
    let claimants: Vec<String> =
        members.iter().filter_map(|e| e.fatalities_claimed_by.as_deref().map(norm)).collect();
    if all.iter().any(|a| !claimants.contains(&norm(a))) {
        actors.retain(|a| !claimants.contains(&norm(a)));
    }
    // In violence, named forces are the parties: countries and persons are dropped
    // when a force is named (for air strikes a country stays as the likely striker). A
    // country is never listed beside one of its own forces, nor, when others are named,
    // when it is only where the event happened.
    let has_force = all.iter().any(|a| force(a));
    let specific = all.iter().any(|a| kind_of(a) != "country");
    actors.retain(|a| {
        let k = kind_of(a);
        if violent && has_force && k == "person" {
            return false;
        }
        if k != "country" {
            return true;
        }
        if violent && has_force && !air_type {
            return false;
        }
        !(all.iter().any(|b| belongs_to(b, a)) || (specific && place_countries.contains(&a.to_lowercase())))
    });
    if noun.is_empty() {
        // "Other": the head of the report's summary, or its own words when it is prose.
        match first.what.trim() {
            "" => {}
            w => match summary_head(w) {
                Some(h) => noun = h,
                None => return upper_first(w.trim_end_matches('.')),
            },
        }
    }
    if noun.is_empty() {
        let what = incident.summary.trim().trim_end_matches('.');
        if !what.is_empty() {
            return upper_first(what);
        }
        noun = "incident".to_string();
    }
    let cross = ["cross-border", "cross border", "across the border", "across the frontier"]
        .iter()
        .any(|w| text.contains(w));
    if cross && !noun.starts_with("cross") {
        noun = format!("cross-border {noun}");
    }
    let air = noun.ends_with("strikes") && (noun.contains("air") || noun.contains("drone"));
    let two_sided = first.event_type.to_lowercase().contains("battle")
        || ["fire", "shelling", "talks", "mediation", "meeting", "agreement"]
            .iter()
            .any(|w| noun.ends_with(w));
    let names: Vec<&str> = actors.iter().map(String::as_str).collect();
    let mut clause = if air {
        // Strikes from the air: states and their forces strike, armed groups are targeted.
        let rank = |a: &str| match kind_of(a) {
            "military" => 0,
            "country" => 1,
            "state" => 2,
            _ => 9,
        };
        let best = names.iter().map(|a| rank(a)).min().unwrap_or(9);
        let (agents, targets): (Vec<&str>, Vec<&str>) =
            names.iter().partition(|a| best < 9 && rank(a) == best);
        let mut n = noun.clone();
        let mut c = if agents.is_empty() {
            n
        } else {
            // "Pakistan Air Force strikes", not "Pakistan Air Force air strikes".
            if agents.iter().any(|a| a.to_lowercase().contains("air")) {
                n = n.replace("air and drone strikes", "strikes").replace("air strikes", "strikes");
            }
            format!("{} {n}", actor_list(&agents))
        };
        if !targets.is_empty() {
            c.push_str(&format!(" against {}", actor_list(&targets)));
        }
        if !places.is_empty() {
            let prep = if targets.is_empty() { "on" } else { "in" };
            c.push_str(&format!(" {prep} {}", place_list(&places)));
        }
        return upper_first(&c);
    } else if names.len() >= 2 && two_sided {
        format!("{noun} between {}", actor_list(&names))
    } else if names.len() == 1 && violent {
        format!("{} {noun}", names[0])
    } else if names.len() == 1 && !two_sided {
        format!("{noun} by {}", names[0])
    } else if names.len() >= 2 {
        format!("{noun} involving {}", actor_list(&names))
    } else {
        noun
    };
    if !places.is_empty() {
        clause.push_str(&format!(" in {}", place_list(&places)));
    }
    upper_first(&clause)
}

/// At most four actors in a natural list; more are counted ("A, B, C and 2 others").
fn actor_list(names: &[&str]) -> String {
    if names.len() <= 4 {
        return join_list(names);
    }
    format!("{} and {} others", names[..3].join(", "), names.len() - 3)
}

/// At most six places in a natural list; more are counted.
fn place_list(places: &[String]) -> String {
    let names: Vec<&str> = places.iter().map(String::as_str).collect();
    if names.len() <= 6 {
        return actor_list(&names);
    }
    format!("{} and {} other places", names[..5].join(", "), names.len() - 5)
}

/// What happened, in plain words, grouped by sub-type, without date, sources or figures
/// (`Pakistan Air Force strikes on Kabul and Paktia`): the headline the Incidents table, map
/// and timeline show. `events` is the corpus's event list the incident's indices point into.
pub fn incident_headline(incident: &Incident, events: &[Event]) -> String {
    let members: Vec<&Event> = incident.events.iter().filter_map(|&i| events.get(i)).collect();
    let mut groups: Vec<(String, Vec<&Event>)> = Vec::new();
    for e in &members {
        let key = e.sub_type.to_lowercase();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, g)) => g.push(e),
            None => groups.push((key, vec![e])),
        }
    }
    let mut clauses: Vec<String> = Vec::new();
    for (_, g) in &groups {
        let c = group_clause(g, incident);
        if !c.is_empty() && !clauses.contains(&c) {
            clauses.push(c);
        }
    }
    if clauses.is_empty() {
        let what = upper_first(incident.summary.trim().trim_end_matches('.'));
        clauses.push(if what.is_empty() { "Incident".to_string() } else { what });
    }
    // Later clauses start lower-case after the semicolon unless they begin with a name.
    let body: Vec<String> = clauses
        .iter()
        .enumerate()
        .map(|(k, c)| if k == 0 { c.clone() } else { lower_first_word_if_common(c) })
        .collect();
    body.join("; ")
}

/// The body of a chronology sentence, without the date: [`incident_headline`], then the
/// sources and fatalities in brackets
/// (`Pakistan Air Force strikes on Kabul and Paktia (3 sources; 17–100 killed, figures disputed).`).
/// `events` is the corpus's event list the incident's indices point into.
pub fn chronology_text(incident: &Incident, events: &[Event]) -> String {
    let members: Vec<&Event> = incident.events.iter().filter_map(|&i| events.get(i)).collect();
    let body = incident_headline(incident, events);
    let mut notes = vec![incident.corroboration()];
    let disputed = incident.fatalities_disputed()
        || matches!((incident.fatalities_min, incident.fatalities_max), (Some(lo), Some(hi)) if hi > lo);
    if disputed {
        match (incident.fatalities_min, incident.fatalities_max) {
            (Some(lo), Some(hi)) if hi > lo => notes.push(format!("{lo}–{hi} killed, figures disputed")),
            _ => notes.push("fatalities disputed".to_string()),
        }
    } else if let Some(n) = incident.fatalities_min {
        let claimants: BTreeSet<&str> = members
            .iter()
            .filter(|e| e.fatalities.is_some())
            .filter_map(|e| e.fatalities_claimed_by.as_deref())
            .collect();
        let by = match (claimants.len(), claimants.iter().next()) {
            (1, Some(c)) => format!(" according to {c}"),
            _ => String::new(),
        };
        notes.push(format!("{n} killed{by}"));
    }
    if incident.conflicts.iter().any(|c| c.field == "victims") {
        notes.push("identity of the dead disputed".to_string());
    }
    format!("{body} ({}).", notes.join("; "))
}

/// Lower-case the first letter of a clause that starts with a common word (not a name).
fn lower_first_word_if_common(c: &str) -> String {
    let first = c.split_whitespace().next().unwrap_or("");
    let common = [
        "Air",
        "Drone",
        "Cross-border",
        "Clashes",
        "Shelling",
        "Suicide",
        "Bombing",
        "Rocket",
        "Artillery",
        "Mortar",
        "Missile",
        "Grenade",
        "Abduction",
        "Protests",
        "Arrests",
        "Fighting",
        "Explosions",
        "Attack",
        "Violent",
        "Mob",
        "Recapture",
        "Seizure",
        "Looting",
        "Agreement",
        "Weapons",
        "Base",
        "Transfer",
        "Force",
        "Sexual",
        "Violence",
        "Riots",
        "Incident",
    ];
    if common.contains(&first) {
        let mut ch = c.chars();
        match ch.next() {
            Some(f) => f.to_lowercase().collect::<String>() + ch.as_str(),
            None => String::new(),
        }
    } else {
        c.to_string()
    }
}

/// One chronology sentence for an incident: its date, then [`chronology_text`]:
/// `24–26 Feb 2026 — Cross-border rocket, artillery and drone fire in Kurram and Bajaur;
/// Pakistan Air Force strikes on Kabul, Kandahar and Paktia (3 sources; fatalities disputed).`
pub fn chronology_sentence(incident: &Incident, events: &[Event]) -> String {
    let date = incident.day_range().map(|r| r.display()).unwrap_or_else(|| "Date unknown".to_string());
    format!("{date} — {}", chronology_text(incident, events))
}

/// A drafted chronology for Key developments: one plain sentence per selected incident
/// (indices into `incidents`), in date order (undated last, in the given order), each with
/// the document ids to cite. `events` is the corpus's event list (used to order incidents
/// of equal date by where they are first reported).
pub fn chronology(
    incidents: &[Incident],
    events: &[Event],
    selected: &[usize],
) -> Vec<(String, Vec<String>)> {
    let mut chosen: Vec<(usize, &Incident)> =
        selected.iter().enumerate().filter_map(|(k, &i)| incidents.get(i).map(|inc| (k, inc))).collect();
    chosen.sort_by_key(|(k, inc)| {
        let first_event = inc.events.first().copied().filter(|&e| e < events.len()).unwrap_or(usize::MAX);
        match inc.day_range() {
            Some(r) => (0, r.start, r.end, first_event, *k),
            None => (1, 0, 0, *k, *k),
        }
    });
    chosen.into_iter().map(|(_, inc)| (chronology_sentence(inc, events), inc.sources.clone())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjacency_is_symmetric_in_use() {
        assert!(provinces_adjacent("khost", "paktika"));
        assert!(provinces_adjacent("paktika", "khost"));
        assert!(provinces_adjacent("khyber pakhtunkhwa", "nangarhar"));
        assert!(!provinces_adjacent("nangarhar", "khost"));
        assert!(!provinces_adjacent("sindh", "kabul"));
    }

    #[test]
    fn actor_tokens_fold_demonyms_and_drop_generic_words() {
        let t = actor_tokens(&["Pakistani forces".into(), "Afghan Taliban".into()]);
        assert_eq!(t.into_iter().collect::<Vec<_>>(), vec!["afghanistan", "pakistan", "taliban"]);
    }

    #[test]
    fn victims_are_categorised() {
        assert_eq!(victim_category("militants according to ISPR"), Some("militants"));
        assert_eq!(victim_category("civilians, including women and children"), Some("civilians"));
        assert_eq!(victim_category("soldiers"), Some("security forces"));
        assert_eq!(victim_claimant("militants according to ISPR"), Some("ISPR".to_string()));
    }

    #[test]
    fn forces_belong_to_their_country() {
        assert!(belongs_to("Pakistan Air Force", "Pakistan"));
        assert!(belongs_to("Pakistani forces", "Pakistan"));
        assert!(belongs_to("Afghan Taliban", "Afghanistan"));
        assert!(belongs_to("Iranian border guards", "Iran"));
        assert!(!belongs_to("Pakistan", "Pakistan"));
        assert!(!belongs_to("TTP", "Pakistan"));
        assert!(!belongs_to("Indus Rangers", "India"));
        assert!(belongs_to("United States Army", "United States"));
        assert!(!belongs_to("United Nations", "United States"));
    }

    #[test]
    fn specific_places_drop_their_containers() {
        use crate::extract::Location;
        use crate::extract::places::Place;
        let loc = |name: &str, kind: &str, district: Option<&str>, province: Option<&str>, country: &str| {
            Location {
                text: name.to_string(),
                place: Some(Place {
                    name: name.to_string(),
                    kind: kind.to_string(),
                    district: district.map(str::to_string),
                    province: province.map(str::to_string),
                    country: country.to_string(),
                    lat: 0.0,
                    lon: 0.0,
                }),
            }
        };
        let e = Event {
            doc: "d".into(),
            evidence: String::new(),
            span: crate::corpus::Span::new(0, 0),
            anchor: crate::corpus::Anchor::default(),
            what: String::new(),
            event_type: "Battles".into(),
            sub_type: "Armed clash".into(),
            date: None,
            date_text: None,
            locations: vec![
                loc("Northland", "country", None, None, "Northland"),
                loc("Hill Province", "province", None, Some("Hill Province"), "Northland"),
                loc("Vale District", "district", Some("Vale District"), Some("Hill Province"), "Northland"),
                loc("Riverton", "town", Some("Vale District"), Some("Hill Province"), "Northland"),
                loc("Coast Province", "province", None, Some("Coast Province"), "Northland"),
                Location { text: "the old fort".into(), place: None },
            ],
            country: None,
            actors: Vec::new(),
            fatalities: None,
            fatalities_claimed_by: None,
            victims: None,
            reported: None,
        };
        assert_eq!(specific_places(&[&e]), vec!["Riverton", "Coast Province"]);
        let only_text =
            Event { locations: vec![Location { text: "the old fort".into(), place: None }], ..e.clone() };
        assert_eq!(specific_places(&[&only_text]), vec!["the old fort"]);
        assert_eq!(with_article("Tirah Valley"), "the Tirah Valley");
        assert_eq!(with_article("The Khyber Pass"), "The Khyber Pass");
        assert_eq!(with_article("Kurram"), "Kurram");
        assert_eq!(with_article("Line"), "Line");
    }

    #[test]
    fn sub_types_read_as_plain_nouns_refined_by_weapons() {
        let n = |sub: &str, text: &str| sub_type_noun(sub, "Explosions/Remote violence", text);
        assert_eq!(n("Air/drone strike", "jets and drones struck"), "air and drone strikes");
        assert_eq!(n("Air/drone strike", "a drone hit a car"), "drone strikes");
        assert_eq!(n("Air/drone strike", "strikes hit camps"), "air strikes");
        assert_eq!(
            n("Shelling/artillery/missile attack", "mortar and rocket rounds"),
            "rocket and mortar fire"
        );
        assert_eq!(n("Shelling/artillery/missile attack", "shells fell"), "shelling");
        assert_eq!(n("Suicide bomb", ""), "suicide bombing");
        assert_eq!(n("Remote explosive/landmine/IED", ""), "bombing");
        assert_eq!(sub_type_noun("Armed clash", "Battles", ""), "clashes");
        assert_eq!(sub_type_noun("Talks/mediation", "Strategic developments", ""), "talks or mediation");
        assert_eq!(sub_type_noun("Other", "Strategic developments", ""), "");
    }

    #[test]
    fn long_actor_lists_are_counted() {
        assert_eq!(actor_list(&["A", "B"]), "A and B");
        assert_eq!(actor_list(&["A", "B", "C", "D"]), "A, B, C and D");
        assert_eq!(actor_list(&["A", "B", "C", "D", "E", "F"]), "A, B, C and 3 others");
        let places: Vec<String> = (1..=8).map(|i| format!("P{i}")).collect();
        assert_eq!(place_list(&places), "P1, P2, P3, P4, P5 and 3 other places");
    }

    #[test]
    fn join_list_forms() {
        assert_eq!(join_list(&["A"]), "A");
        assert_eq!(join_list(&["A", "B"]), "A and B");
        assert_eq!(join_list(&["A", "B", "C"]), "A, B and C");
    }
}
