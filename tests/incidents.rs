#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Incident grouping on constructed events: one record per real incident, sources
//! corroborating it, conflicting figures and narratives flagged, incremental updates.

use briefing_builder::analysis::incidents::{
    Incident, IncidentIndex, chronology, chronology_sentence, chronology_text, group_incidents,
    incident_headline, name_sources,
};
use briefing_builder::corpus::{Anchor, Span};
use briefing_builder::extract::places::Place;
use briefing_builder::extract::{Event, Location};

fn place(name: &str, kind: &str, district: Option<&str>, province: Option<&str>, country: &str) -> Location {
    Location {
        text: name.to_string(),
        place: Some(Place {
            name: name.to_string(),
            kind: kind.to_string(),
            district: district.map(str::to_string),
            province: province.map(str::to_string),
            country: country.to_string(),
            lat: 33.0,
            lon: 70.0,
        }),
    }
}

fn af_province(name: &str) -> Location {
    place(name, "province", None, Some(name), "Afghanistan")
}

fn kp_district(name: &str) -> Location {
    place(name, "district", Some(name), Some("Khyber Pakhtunkhwa"), "Pakistan")
}

struct E {
    doc: &'static str,
    what: &'static str,
    ty: &'static str,
    sub: &'static str,
    date: Option<&'static str>,
    locs: Vec<Location>,
    actors: &'static [&'static str],
    fat: Option<u32>,
    by: Option<&'static str>,
    victims: Option<&'static str>,
    reported: Option<&'static str>,
}

impl E {
    fn new(doc: &'static str, what: &'static str) -> Self {
        E {
            doc,
            what,
            ty: "Explosions/Remote violence",
            sub: "Air/drone strike",
            date: None,
            locs: Vec::new(),
            actors: &[],
            fat: None,
            by: None,
            victims: None,
            reported: None,
        }
    }
    fn ty(mut self, ty: &'static str, sub: &'static str) -> Self {
        self.ty = ty;
        self.sub = sub;
        self
    }
    fn date(mut self, d: &'static str) -> Self {
        self.date = Some(d);
        self
    }
    fn at(mut self, l: Location) -> Self {
        self.locs.push(l);
        self
    }
    fn actors(mut self, a: &'static [&'static str]) -> Self {
        self.actors = a;
        self
    }
    fn dead(mut self, n: u32, by: Option<&'static str>) -> Self {
        self.fat = Some(n);
        self.by = by;
        self
    }
    fn victims(mut self, v: &'static str) -> Self {
        self.victims = Some(v);
        self
    }
    fn reported(mut self, d: &'static str) -> Self {
        self.reported = Some(d);
        self
    }
    fn build(self) -> Event {
        Event {
            doc: self.doc.to_string(),
            evidence: self.what.to_string(),
            span: Span::new(0, self.what.len()),
            anchor: Anchor::default(),
            what: self.what.to_string(),
            event_type: self.ty.to_string(),
            sub_type: self.sub.to_string(),
            date: self.date.map(str::to_string),
            date_text: None,
            locations: self.locs,
            country: None,
            actors: self.actors.iter().map(|s| s.to_string()).collect(),
            fatalities: self.fat,
            fatalities_claimed_by: self.by.map(str::to_string),
            victims: self.victims.map(str::to_string),
            reported: self.reported.map(str::to_string),
        }
    }
}

fn groups(events: &[Event]) -> Vec<Vec<usize>> {
    group_incidents(events).into_iter().map(|i| i.events).collect()
}

#[test]
fn same_incident_in_different_words_is_one_record_with_conflicts_flagged() {
    let events = vec![
        E::new("dawn.txt", "Pakistani jets struck militant hideouts in Khost, killing 20 militants, the military said")
            .date("2025-03-12")
            .at(af_province("Khost"))
            .actors(&["Pakistan Air Force", "TTP"])
            .dead(20, Some("ISPR"))
            .victims("militants according to ISPR")
            .build(),
        E::new("tolo.txt", "Afghan officials say Pakistani aircraft bombed homes in Khost overnight, killing eight civilians")
            .date("2025-03-13")
            .at(af_province("Khost"))
            .actors(&["Pakistan", "Afghan Taliban"])
            .dead(8, Some("Afghan officials"))
            .victims("civilians according to Afghan officials")
            .build(),
        E::new("wire.txt", "Airstrikes hit the border province of Khost")
            .date("2025-03")
            .at(af_province("Khost"))
            .actors(&["Pakistani military"])
            .build(),
    ];
    let inc = group_incidents(&events);
    assert_eq!(inc.len(), 1, "{inc:#?}");
    let i = &inc[0];
    assert_eq!(i.events, vec![0, 1, 2]);
    assert_eq!(i.sources, vec!["dawn.txt", "tolo.txt", "wire.txt"]);
    assert_eq!(i.corroboration(), "3 sources");
    // merged date: the day-precise reports win over the month
    assert_eq!(i.date.as_deref(), Some("2025-03-12/2025-03-13"));
    // ACLED: the most conservative figure, the range noted, never an average
    assert_eq!(i.fatalities_min, Some(8));
    assert_eq!(i.fatalities_max, Some(20));
    let fat = i.conflicts.iter().find(|c| c.field == "fatalities").expect("fatality conflict");
    assert_eq!(fat.claims.len(), 2);
    assert!(fat.summary.contains("20 dead according to ISPR"), "{}", fat.summary);
    assert!(fat.summary.contains("8 dead according to Afghan officials"), "{}", fat.summary);
    let vic = i.conflicts.iter().find(|c| c.field == "victims").expect("competing narratives");
    assert!(vic.summary.contains("militants according to ISPR"), "{}", vic.summary);
    assert!(vic.summary.contains("civilians according to Afghan officials"), "{}", vic.summary);
    // each source's own figures, side by side
    let reports = i.reports(&events);
    assert_eq!(reports.iter().map(|r| r.fatalities).collect::<Vec<_>>(), vec![Some(20), Some(8), None]);
    assert_eq!(reports[1].claimed_by.as_deref(), Some("Afghan officials"));
}

#[test]
fn same_day_different_provinces_are_different_incidents() {
    let events = vec![
        E::new("a.txt", "A roadside bomb killed four policemen in Quetta")
            .ty("Explosions/Remote violence", "Remote explosive/landmine/IED")
            .date("2025-05-01")
            .at(place("Quetta", "city", Some("Quetta"), Some("Balochistan"), "Pakistan"))
            .dead(4, None)
            .build(),
        E::new("b.txt", "A roadside bomb killed four policemen in Bannu")
            .ty("Explosions/Remote violence", "Remote explosive/landmine/IED")
            .date("2025-05-01")
            .at(kp_district("Bannu"))
            .dead(4, None)
            .build(),
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1]]);
}

#[test]
fn a_district_and_its_province_can_merge_when_dates_agree() {
    let events = vec![
        E::new("a.txt", "Militants attacked a checkpost in North Waziristan")
            .ty("Battles", "Armed clash")
            .date("2025-06-10")
            .at(kp_district("North Waziristan"))
            .actors(&["TTP", "Pakistan Army"])
            .build(),
        E::new("b.txt", "Security forces repulsed a militant attack in Khyber Pakhtunkhwa, the army said")
            .ty("Battles", "Armed clash")
            .date("2025-06-11")
            .at(place("Khyber Pakhtunkhwa", "province", None, None, "Pakistan"))
            .actors(&["Pakistan Army"])
            .build(),
        // Same day, another district of the same province, no shared actor: a different attack.
        E::new("c.txt", "A bomb exploded at a market in Dera Ismail Khan")
            .ty("Battles", "Armed clash")
            .date("2025-06-10")
            .at(kp_district("Dera Ismail Khan"))
            .build(),
    ];
    assert_eq!(groups(&events), vec![vec![0, 1], vec![2]]);
}

#[test]
fn partial_date_joins_a_full_date_inside_it_but_not_outside() {
    let events = vec![
        E::new("a.txt", "Pakistan carried out airstrikes on TTP hideouts in Paktika in October")
            .date("2025-10")
            .at(af_province("Paktika"))
            .actors(&["Pakistan", "TTP"])
            .build(),
        E::new("b.txt", "Pakistani airstrikes hit Paktika province on 9 October")
            .date("2025-10-09")
            .at(af_province("Paktika"))
            .actors(&["Pakistan"])
            .build(),
        E::new("c.txt", "Pakistani drones struck targets in Paktika on 1 December")
            .date("2025-12-01")
            .at(af_province("Paktika"))
            .actors(&["Pakistan"])
            .build(),
    ];
    let inc = group_incidents(&events);
    assert_eq!(inc.iter().map(|i| i.events.clone()).collect::<Vec<_>>(), vec![vec![0, 1], vec![2]]);
    assert_eq!(inc[0].date.as_deref(), Some("2025-10-09"));
}

#[test]
fn day_dates_further_apart_than_the_tolerance_are_different_incidents() {
    let mk = |doc, d| {
        E::new(doc, "Drone strike in Kurram kills militants")
            .date(d)
            .at(kp_district("Kurram"))
            .actors(&["Pakistan Army", "TTP"])
            .build()
    };
    assert_eq!(groups(&[mk("a.txt", "2025-07-01"), mk("b.txt", "2025-07-04")]), vec![vec![0, 1]]);
    assert_eq!(groups(&[mk("a.txt", "2025-07-01"), mk("b.txt", "2025-07-09")]), vec![vec![0], vec![1]]);
}

#[test]
fn a_strike_and_the_clashes_it_triggered_are_not_one_incident() {
    let events = vec![
        E::new("a.txt", "Pakistani airstrikes on Paktika")
            .date("2025-10-09")
            .at(af_province("Paktika"))
            .actors(&["Pakistan", "TTP"])
            .build(),
        E::new(
            "b.txt",
            "Afghan Taliban forces clashed with Pakistani troops along the border after the strikes",
        )
        .ty("Battles", "Armed clash")
        .date("2025-10-11")
        .at(af_province("Paktika"))
        .actors(&["Afghan Taliban", "Pakistan Army"])
        .build(),
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1]]);
}

#[test]
fn events_of_one_document_are_never_merged() {
    let mk =
        |what| E::new("a.txt", what).date("2025-07-01").at(kp_district("Kurram")).actors(&["TTP"]).build();
    assert_eq!(
        groups(&[mk("First strike in Kurram"), mk("Second strike in Kurram")]),
        vec![vec![0], vec![1]]
    );
}

#[test]
fn undated_reports_join_carefully() {
    // Same place, type and actors: the undated report joins.
    let dated = E::new("a.txt", "Pakistani airstrikes on TTP hideouts in Kunar")
        .date("2025-10-09")
        .at(af_province("Kunar"))
        .actors(&["Pakistan", "TTP"])
        .build();
    let undated = E::new("b.txt", "Pakistan reportedly bombed TTP positions in Kunar")
        .at(af_province("Kunar"))
        .actors(&["Pakistan", "TTP"])
        .build();
    assert_eq!(groups(&[dated.clone(), undated]), vec![vec![0, 1]]);
    // Undated and placeless, different figure: stays apart.
    let vague = E::new("c.txt", "Pakistan has carried out strikes in Afghanistan")
        .actors(&["Pakistan"])
        .dead(5, None)
        .build();
    assert_eq!(groups(&[dated.clone(), vague]), vec![vec![0], vec![1]]);
    // Undated and placeless clashes with the same, specific death toll and agreeing actors: one incident.
    let c1 = E::new("d.txt", "Pakistan captured border posts, saying more than 200 fighters were killed")
        .ty("Battles", "Armed clash")
        .actors(&["Pakistan", "Afghan Taliban"])
        .dead(200, Some("Pakistan"))
        .build();
    let c2 = E::new("e.txt", "The army said about 200 Taliban fighters died in the border skirmishes")
        .ty("Battles", "Armed clash")
        .actors(&["Pakistan Army", "Afghan Taliban"])
        .dead(200, Some("ISPR"))
        .build();
    assert_eq!(groups(&[c1, c2]), vec![vec![0, 1]]);
}

#[test]
fn recurring_strategic_developments_are_not_merged_without_a_shared_date() {
    let mk = |doc, what| {
        E::new(doc, what)
            .ty("Strategic developments", "Other")
            .actors(&["Pakistan", "Afghan Taliban"])
            .build()
    };
    let events = vec![
        mk("a.txt", "Pakistan warned the Afghan Taliban to act against militants"),
        mk("b.txt", "Pakistan and the Afghan Taliban held talks in Doha"),
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1]]);
}

#[test]
fn incremental_adding_and_removing_matches_grouping_from_scratch() {
    let events = vec![
        E::new("a.txt", "Strike in Khost")
            .date("2025-03-12")
            .at(af_province("Khost"))
            .actors(&["Pakistan"])
            .build(),
        E::new("a.txt", "Bomb in Quetta")
            .ty("Explosions/Remote violence", "Suicide bomb")
            .date("2025-03-20")
            .at(place("Quetta", "city", Some("Quetta"), Some("Balochistan"), "Pakistan"))
            .build(),
        E::new("b.txt", "Jets bombed Khost")
            .date("2025-03-13")
            .at(af_province("Khost"))
            .actors(&["Pakistan"])
            .build(),
        E::new("c.txt", "Suicide bombing in Quetta")
            .ty("Explosions/Remote violence", "Suicide bomb")
            .date("2025-03-20")
            .at(place("Quetta", "city", Some("Quetta"), Some("Balochistan"), "Pakistan"))
            .build(),
    ];
    let mut index = IncidentIndex::new();
    index.add_events(&events[..2]);
    assert_eq!(index.incidents(&events[..2]).len(), 2);
    index.add_events(&events[2..3]);
    index.add_events(&events[3..]);
    let inc = index.incidents(&events);
    assert_eq!(inc.iter().map(|i| i.events.clone()).collect::<Vec<_>>(), vec![vec![0, 2], vec![1, 3]]);
    assert_eq!(inc, group_incidents(&events));

    // Restoring from earlier incidents keeps them and lets new events join.
    let restored = IncidentIndex::with_incidents(&events, &inc);
    assert_eq!(restored.incidents(&events), inc);

    // Remove b.txt's event (index 2): the Khost incident shrinks, the rest shifts down.
    index.remove_events(2..3);
    let kept: Vec<Event> =
        events.iter().enumerate().filter(|(i, _)| *i != 2).map(|(_, e)| e.clone()).collect();
    let inc = index.incidents(&kept);
    assert_eq!(inc.iter().map(|i| i.events.clone()).collect::<Vec<_>>(), vec![vec![0], vec![1, 2]]);
    assert_eq!(inc[0].sources, vec!["a.txt"]);
}

#[test]
fn chronology_is_dated_ordered_and_cited() {
    let events = vec![
        E::new("a.txt", "cross-border rocket and artillery fire along the Kurram and Bajaur sectors")
            .ty("Explosions/Remote violence", "Shelling/artillery/missile attack")
            .date("2026-02-24/2026-02-26")
            .at(kp_district("Kurram"))
            .at(kp_district("Bajaur"))
            .actors(&["Pakistan", "Afghan Taliban"])
            .dead(12, None)
            .build(),
        E::new("b.txt", "Shelling across the border in Kurram")
            .ty("Explosions/Remote violence", "Shelling/artillery/missile attack")
            .date("2026-02-25")
            .at(kp_district("Kurram"))
            .actors(&["Afghan Taliban"])
            .dead(30, Some("Afghan officials"))
            .build(),
        E::new("a.txt", "Suicide bombing near the district courts in Islamabad")
            .ty("Explosions/Remote violence", "Suicide bomb")
            .date("2025-11-11")
            .at(place("Islamabad", "city", None, Some("Islamabad Capital Territory"), "Pakistan"))
            .dead(12, None)
            .build(),
        E::new("c.txt", "Talks between the two sides stalled").ty("Strategic developments", "Other").build(),
    ];
    let inc = group_incidents(&events);
    assert_eq!(inc.len(), 3);
    let all: Vec<usize> = (0..inc.len()).collect();
    let chron = chronology(&inc, &events, &all);
    assert_eq!(chron.len(), 3);
    assert_eq!(chron[0].0, "11 Nov 2025 — Suicide bombing in Islamabad (1 source; 12 killed).");
    assert_eq!(
        chron[1].0,
        "24–26 Feb 2026 — Afghan Taliban cross-border rocket and artillery fire in Kurram and Bajaur \
         (2 sources; 12–30 killed, figures disputed)."
    );
    assert_eq!(chron[1].1, vec!["a.txt", "b.txt"]);
    assert!(
        chron[2].0.starts_with("Date unknown — Talks between the two sides stalled (1 source)"),
        "{}",
        chron[2].0
    );
    // only the selected incidents
    let one = chronology(&inc, &events, &[0]);
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].0, chronology_sentence(&inc[0], &events));
    assert!(chronology(&inc, &events, &[99]).is_empty());
}

#[test]
fn every_event_of_the_seeds_is_in_exactly_one_incident() {
    let corpus = briefing_builder::pipeline::Corpus::build(briefing_builder::corpus::embedded_seeds());
    let mut seen = vec![0usize; corpus.events.len()];
    for i in &corpus.incidents {
        assert!(!i.sources.is_empty());
        for &e in &i.events {
            seen[e] += 1;
        }
        // no incident holds two events of one source
        let mut docs: Vec<&str> = i.events.iter().map(|&e| corpus.events[e].doc.as_str()).collect();
        docs.sort();
        let n = docs.len();
        docs.dedup();
        assert_eq!(docs.len(), n);
    }
    assert!(seen.iter().all(|&n| n == 1));
    let json = briefing_builder::pipeline::extract_json(&corpus);
    let incidents = json["incidents"].as_array().unwrap();
    assert_eq!(incidents.len(), corpus.incidents.len());
    for i in incidents {
        for key in ["events", "date", "locations", "sources", "fatalities_min", "fatalities_max", "conflicts"]
        {
            assert!(i.get(key).is_some(), "missing {key}");
        }
    }
}

#[test]
fn corpus_adds_and_removes_documents_incrementally() {
    let mut seeds = briefing_builder::corpus::embedded_seeds();
    let last = seeds.pop().unwrap();
    let full = briefing_builder::pipeline::Corpus::build({
        let mut all = seeds.clone();
        all.push(last.clone());
        all
    });
    let mut corpus = briefing_builder::pipeline::Corpus::build(seeds);
    corpus.add_documents(vec![last.clone()]);
    assert_eq!(corpus.docs.len(), full.docs.len());
    assert_eq!(corpus.events, full.events);
    assert_eq!(corpus.quotes, full.quotes);
    let covered: usize = corpus.incidents.iter().map(|i| i.events.len()).sum();
    assert_eq!(covered, corpus.events.len());
    let removed = corpus.remove_document(&last.id).unwrap();
    assert_eq!(removed.id, last.id);
    assert!(corpus.events.iter().all(|e| e.doc != last.id));
    assert!(corpus.incidents.iter().all(|i| i.sources.iter().all(|s| *s != last.id)));
    let covered: usize = corpus.incidents.iter().map(|i| i.events.len()).sum();
    assert_eq!(covered, corpus.events.len());
    assert!(corpus.remove_document("no-such-doc").is_none());
}

#[test]
fn a_province_named_beside_its_districts_does_not_make_every_district_agree() {
    // "in Khyber Pakhtunkhwa's Orakzai district" vs "in Khyber Pakhtunkhwa's Kurram and Bajaur":
    // different districts of one province, undated: two incidents.
    let kp = || place("Khyber Pakhtunkhwa", "province", None, None, "Pakistan");
    let events = vec![
        E::new("a.txt", "Militants attacked soldiers in Orakzai district of Khyber Pakhtunkhwa")
            .ty("Battles", "Armed clash")
            .at(kp())
            .at(kp_district("Orakzai"))
            .actors(&["TTP", "Pakistan Army"])
            .build(),
        E::new("b.txt", "Troops exchanged fire with militants in Kurram and Bajaur, Khyber Pakhtunkhwa")
            .ty("Battles", "Armed clash")
            .at(kp())
            .at(kp_district("Kurram"))
            .at(kp_district("Bajaur"))
            .actors(&["TTP", "Pakistan Army"])
            .build(),
    ];
    assert_eq!(groups(&events), vec![vec![0], vec![1]]);
}

#[test]
fn place_lists_must_mostly_agree() {
    // Strikes on Kabul, Paktika and Kunar vs strikes on Nangarhar, Paktika and Khost: one
    // shared province out of three is not the same wave of strikes...
    let a = E::new("a.txt", "Pakistani airstrikes on Kabul, Paktika and Kunar")
        .at(af_province("Kabul"))
        .at(af_province("Paktika"))
        .at(af_province("Kunar"))
        .actors(&["Pakistan", "TTP"])
        .build();
    let b = E::new("b.txt", "Pakistani airstrikes on Nangarhar, Paktika and Khost")
        .at(af_province("Nangarhar"))
        .at(af_province("Paktika"))
        .at(af_province("Khost"))
        .actors(&["Pakistan", "TTP"])
        .build();
    assert_eq!(groups(&[a.clone(), b.clone()]), vec![vec![0], vec![1]]);
    // ...but two of two is.
    let c = E::new("c.txt", "Pakistan bombed Paktika and Khost")
        .at(af_province("Paktika"))
        .at(af_province("Khost"))
        .actors(&["Pakistan"])
        .build();
    assert_eq!(groups(&[b, c]), vec![vec![0, 1]]);
}

#[test]
fn a_report_naming_no_actor_joins_only_the_same_place_and_sub_type() {
    let named = E::new("a.txt", "Pakistan struck militant hideouts in Nangarhar and Kunar, killing 30")
        .at(af_province("Nangarhar"))
        .at(af_province("Kunar"))
        .actors(&["Pakistan", "TTP"])
        .dead(30, Some("officials"))
        .build();
    let bare = E::new("b.txt", "Families mourn 9 people killed in a strike on a Nangarhar village")
        .at(af_province("Nangarhar"))
        .dead(9, None)
        .build();
    let inc = group_incidents(&[named.clone(), bare]);
    assert_eq!(inc.len(), 1);
    assert_eq!(inc[0].fatalities_min, Some(9));
    assert!(inc[0].fatalities_disputed());
    // a shelling report without actors in the same province is not the air strike
    let shelling = E::new("c.txt", "Shells landed in Nangarhar")
        .ty("Explosions/Remote violence", "Shelling/artillery/missile attack")
        .at(af_province("Nangarhar"))
        .build();
    assert_eq!(groups(&[named, shelling]), vec![vec![0], vec![1]]);
}

fn country(name: &str) -> Location {
    place(name, "country", None, None, name)
}

/// An incident over all of `events`, as the grouper would merge it (fields set by hand so
/// the sentence builder is tested on its own).
fn incident_over(events: &[Event], date: &str) -> Incident {
    let mut sources: Vec<String> = Vec::new();
    for e in events {
        if !sources.contains(&e.doc) {
            sources.push(e.doc.clone());
        }
    }
    let figures: Vec<u32> = events.iter().filter_map(|e| e.fatalities).collect();
    Incident {
        events: (0..events.len()).collect(),
        date: Some(date.to_string()),
        locations: Vec::new(),
        actors: Vec::new(),
        event_type: events[0].event_type.clone(),
        sub_type: events[0].sub_type.clone(),
        sources,
        fatalities_min: figures.iter().copied().min(),
        fatalities_max: figures.iter().copied().max(),
        conflicts: Vec::new(),
        summary: events[0].what.clone(),
    }
}

#[test]
fn chronology_reads_as_prose_grouped_by_sub_type_with_specific_places_and_forces() {
    let shelling = "Shelling/artillery/missile attack";
    let events = vec![
        // Two sources on the fire along the border, one naming the country as a place too.
        E::new("one.txt", "Mortar and rocket fire across the border hit Kurram and Bajaur for three days")
            .ty("Explosions/Remote violence", shelling)
            .at(country("Pakistan"))
            .at(kp_district("Kurram"))
            .at(place("Khyber Pakhtunkhwa", "province", None, Some("Khyber Pakhtunkhwa"), "Pakistan"))
            .at(kp_district("Bajaur"))
            .actors(&["Afghanistan", "Pakistan"])
            .dead(4, None)
            .build(),
        E::new("two.txt", "Drones and artillery struck Bajaur")
            .ty("Explosions/Remote violence", shelling)
            .at(kp_district("Bajaur"))
            .actors(&["Pakistan"])
            .dead(9, Some("local officials"))
            .build(),
        // A third source on air strikes deep inside the other country.
        E::new("three.txt", "The Pakistani air force bombed targets in Kabul and Paktia, Afghanistan")
            .ty("Explosions/Remote violence", "Air/drone strike")
            .at(country("Afghanistan"))
            .at(af_province("Kabul"))
            .at(af_province("Paktia"))
            .actors(&["Pakistan", "Pakistan Air Force", "Afghanistan"])
            .build(),
    ];
    let mut inc = incident_over(&events, "2026-02-24/2026-02-26");
    assert_eq!(
        chronology_sentence(&inc, &events),
        "24–26 Feb 2026 — Cross-border rocket, artillery, mortar and drone fire between Afghanistan and \
         Pakistan in Kurram and Bajaur; Pakistan Air Force strikes on Kabul and Paktia \
         (3 sources; 4–9 killed, figures disputed)."
    );
    // The same incident with one figure only: it is given with its claimant.
    inc.fatalities_max = Some(4);
    inc.events = vec![1];
    inc.sources = vec!["two.txt".into()];
    inc.fatalities_min = Some(9);
    inc.fatalities_max = Some(9);
    assert_eq!(
        chronology_text(&inc, &events),
        "Pakistan artillery and drone fire in Bajaur (1 source; 9 killed according to local officials)."
    );
    // The headline the Incidents table shows: the same words without sources or figures.
    assert_eq!(incident_headline(&inc, &events), "Pakistan artillery and drone fire in Bajaur");
}

#[test]
fn chronology_drops_countries_beside_their_forces_and_claimants_and_keeps_free_prose() {
    let events = vec![
        E::new("a.txt", "Soldiers and militants fought for hours in a village in Kurram, the ISPR said")
            .ty("Battles", "Armed clash")
            .at(kp_district("Kurram"))
            .at(country("Pakistan"))
            .actors(&["Pakistan", "Pakistan Army", "TTP", "ISPR"])
            .dead(7, Some("ISPR"))
            .build(),
        E::new("b.txt", "Envoys met in a neutral capital").ty("Strategic developments", "Other").build(),
    ];
    let battle = Incident { events: vec![0], ..incident_over(&events[..1], "2025-06-02") };
    assert_eq!(
        chronology_sentence(&battle, &events),
        "2 Jun 2025 — Clashes between Pakistan Army and TTP in Kurram (1 source; 7 killed according to ISPR)."
    );
    let talk = Incident { events: vec![1], ..incident_over(&events[1..], "2025-06") };
    assert_eq!(chronology_sentence(&talk, &events), "Jun 2025 — Envoys met in a neutral capital (1 source).");
    // A generated summary of an "Other" development gives its head noun, not its wording.
    let mut made = events[1].clone();
    made.what = "Talks/mediation involving Iran and Pakistan (last week)".into();
    made.actors = vec!["Iran".into(), "Pakistan".into()];
    let evs = vec![made];
    let inc = incident_over(&evs, "2025-06");
    assert_eq!(chronology_text(&inc, &evs), "Talks or mediation between Iran and Pakistan (1 source).");
}

#[test]
fn conflict_summaries_name_sources_by_outlet_and_title() {
    let events = vec![
        E::new("x1.txt", "Strike killed 20 militants, officials said")
            .date("2025-03-12")
            .at(af_province("Khost"))
            .actors(&["Pakistan Air Force"])
            .dead(20, Some("officials"))
            .build(),
        E::new("x2.txt", "Strike in Khost killed 6 civilians")
            .date("2025-03-12")
            .at(af_province("Khost"))
            .actors(&["Pakistan Air Force"])
            .dead(6, None)
            .build(),
    ];
    let mut inc = group_incidents(&events);
    assert_eq!(inc.len(), 1);
    assert!(inc[0].conflicts[0].summary.contains("(x1.txt)"), "ids until documents are known");
    let mut d1 = briefing_builder::corpus::load_bytes("x1.txt", b"Some article text.").unwrap();
    d1.id = "x1.txt".into();
    d1.meta.title = Some("Jets strike camps".into());
    d1.meta.outlet = Some("The Daily Example".into());
    let mut d2 = briefing_builder::corpus::load_bytes("x2.txt", b"Another article.").unwrap();
    d2.id = "x2.txt".into();
    d2.meta.title = None;
    d2.meta.outlet = None;
    name_sources(&mut inc, &[d1, d2]);
    let s = &inc[0].conflicts[0].summary;
    assert!(s.contains("20 dead according to officials (The Daily Example, “Jets strike camps”)"), "{s}");
    assert!(s.contains("6 dead (x2.txt)"), "file name only as the fallback: {s}");
    assert!(s.contains("range 6–20"), "{s}");
}

#[test]
fn undated_reports_published_years_apart_are_different_incidents() {
    let a = E::new("a.txt", "Afghan and Pakistani forces clashed at the Torkham crossing, killing three")
        .ty("Battles", "Armed clash")
        .at(kp_district("Khyber"))
        .actors(&["Pakistan Army", "Afghan Taliban"])
        .reported("2016-06-14")
        .build();
    let b = E::new("b.txt", "Afghan and Pakistani border forces exchanged fire at Torkham, killing three")
        .ty("Battles", "Armed clash")
        .at(kp_district("Khyber"))
        .actors(&["Pakistan Army", "Afghan Taliban"])
        .reported("2023-09-06")
        .build();
    assert_eq!(groups(&[a.clone(), b.clone()]), vec![vec![0], vec![1]]);
    // Published two days apart, the same reports are one incident.
    let mut c = b;
    c.reported = Some("2016-06-16".into());
    assert_eq!(groups(&[a, c]), vec![vec![0, 1]]);
}
