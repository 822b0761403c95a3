#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Full-text search: ranking, phrases, prefixes, exclusions, filters, snippets with
//! highlighted matches, incremental add/remove, and the CLI's JSON.

use briefing_builder::analysis::search::{Kind, Query, SearchFilters, SearchIndex};
use briefing_builder::corpus::{Anchor, Document, Span, load_bytes};
use briefing_builder::extract::{Event, Quote};
use briefing_builder::pipeline::Corpus;

const A: &str = "Border clashes in Kurram\n\nSecurity forces clashed with militants in Kurram district on Tuesday. \
The army said six militants were killed. Officials in Peshawar said the border crossing at Torkham remained closed.";
const B: &str = "Talks in Doha\n\nDelegations from Islamabad and Kabul met in Doha for talks on border security. \
\"We want a lasting ceasefire,\" the foreign minister said. Traders at Torkham hope the crossing reopens.";
const C: &str = "Strikes on hideouts\n\nAirstrikes hit militant hideouts in Khost province overnight. \
Residents said the strike destroyed several homes. The military's media wing said the hideouts were used for attacks.";

fn docs() -> Vec<Document> {
    vec![
        load_bytes("a.txt", A.as_bytes()).unwrap(),
        load_bytes("b.txt", B.as_bytes()).unwrap(),
        load_bytes("c.txt", C.as_bytes()).unwrap(),
    ]
}

fn span_of(doc: &Document, needle: &str) -> Span {
    let s = doc.clean.find(needle).unwrap();
    Span::new(s, s + needle.len())
}

/// A corpus with one hand-made quote and event, so every kind is searchable.
fn corpus() -> Corpus {
    let docs = docs();
    let qspan = span_of(&docs[1], "We want a lasting ceasefire,");
    let quote = Quote {
        doc: docs[1].id.clone(),
        text: docs[1].span_text(qspan).to_string(),
        span: qspan,
        speaker: "Foreign Minister".into(),
        speaker_in_text: Some("the foreign minister".into()),
        role: None,
        cue: Some("said".into()),
        confidence: 0.9,
        anchor: Anchor::default(),
    };
    let espan = span_of(&docs[0], "Security forces clashed with militants in Kurram district on Tuesday.");
    let event = Event {
        doc: docs[0].id.clone(),
        evidence: docs[0].span_text(espan).to_string(),
        span: espan,
        anchor: Anchor::default(),
        what: "Clash between security forces and militants in Kurram".into(),
        event_type: "Battles".into(),
        sub_type: "Armed clash".into(),
        date: Some("2025-06-10".into()),
        date_text: Some("on Tuesday".into()),
        locations: vec![briefing_builder::extract::Location { text: "Kurram district".into(), place: None }],
        country: Some("Pakistan".into()),
        actors: vec!["Pakistan Army".into(), "militants".into()],
        fatalities: Some(6),
        fatalities_claimed_by: Some("army".into()),
        victims: None,
        reported: None,
    };
    Corpus { docs, quotes: vec![quote], events: vec![event], incidents: Vec::new() }
}

fn search(index: &SearchIndex, c: &Corpus, q: &str) -> Vec<briefing_builder::analysis::search::Hit> {
    index.search(&c.docs, &Query::parse(q), &SearchFilters::default(), 50)
}

#[test]
fn query_parsing() {
    let q = Query::parse(r#"border "lasting ceasefire" strik* -Doha Tehreek-e-Taliban “curly phrase”"#);
    use briefing_builder::analysis::search::Clause::*;
    assert_eq!(
        q.all,
        vec![
            Term("border".into()),
            Phrase(vec!["lasting".into(), "ceasefire".into()]),
            Prefix("strik".into()),
            Phrase(vec!["tehreek".into(), "e".into(), "taliban".into()]),
            Phrase(vec!["curly".into(), "phrase".into()]),
        ]
    );
    assert_eq!(q.none, vec![Term("doha".into())]);
    assert!(Query::parse("   ").is_empty());
    assert!(Query::parse("\"unterminated phrase").all.len() == 1);
    assert!(Query::parse("-").is_empty());
}

#[test]
fn words_must_all_match_and_rank_by_bm25() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    assert_eq!(index.len(), 5);
    let hits = search(&index, &c, "Torkham");
    let docs: Vec<&str> = hits.iter().map(|h| h.doc.as_str()).collect();
    assert_eq!(hits.len(), 2);
    assert!(docs.contains(&"a.txt") && docs.contains(&"b.txt"));
    assert!(hits.iter().all(|h| h.kind == Kind::Document));
    // AND semantics
    let hits = search(&index, &c, "Torkham Doha");
    assert_eq!(hits.iter().map(|h| h.doc.as_str()).collect::<Vec<_>>(), vec!["b.txt"]);
    assert!(search(&index, &c, "Torkham Khost").is_empty());
    // the short event that is all about Kurram outranks the document mentioning it twice
    let hits = search(&index, &c, "kurram clashed");
    assert_eq!(hits[0].kind, Kind::Event);
    assert_eq!(hits[0].item, Some(0));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    // plural folding: "hideout" finds "hideouts", "strikes" finds "strike"
    assert!(!search(&index, &c, "hideout").is_empty());
    assert_eq!(search(&index, &c, "strikes").len(), 1);
    // case and possessives
    assert_eq!(search(&index, &c, "MILITARY").len(), 1);
}

#[test]
fn phrase_prefix_and_exclusion() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let hits = search(&index, &c, "\"lasting ceasefire\"");
    assert_eq!(hits.len(), 2, "{hits:#?}"); // the document and the quote
    assert!(hits.iter().any(|h| h.kind == Kind::Quote && h.item == Some(0)));
    assert!(search(&index, &c, "\"ceasefire lasting\"").is_empty());
    // prefix: "air*" finds "Airstrikes"
    let hits = search(&index, &c, "airstrik*");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc, "c.txt");
    assert_eq!(&hits[0].snippet[hits[0].highlights[0].0..hits[0].highlights[0].1], "Airstrikes");
    let all_border: Vec<String> = search(&index, &c, "border").into_iter().map(|h| h.doc).collect();
    assert!(all_border.contains(&"b.txt".to_string()));
    let without: Vec<String> = search(&index, &c, "border -doha").into_iter().map(|h| h.doc).collect();
    assert!(!without.contains(&"b.txt".to_string()));
    assert!(without.contains(&"a.txt".to_string()));
}

#[test]
fn snippets_highlight_matches_and_offsets_point_into_the_text() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let hits = search(&index, &c, "Peshawar");
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    let doc = &c.docs[0];
    let chars: Vec<char> = doc.clean.chars().collect();
    let matched: String = chars[h.start..h.end].iter().collect();
    assert_eq!(matched, "Peshawar");
    assert_eq!(doc.span_text(h.span), "Peshawar");
    assert_eq!(h.highlights.len(), 1);
    let (a, b) = h.highlights[0];
    assert_eq!(&h.snippet[a..b], "Peshawar");
    assert!(h.snippet.starts_with('…'), "{}", h.snippet);
    assert!(!h.snippet.contains('\n'));
    // every occurrence in the window is highlighted
    let hits = search(&index, &c, "hideouts");
    let h = &hits[0];
    assert!(h.highlights.len() >= 2, "{h:#?}");
    for &(a, b) in &h.highlights {
        assert_eq!(h.snippet[a..b].to_lowercase(), "hideouts");
    }
}

#[test]
fn filters_by_kind_type_speaker_actor_place_outlet_and_date() {
    let c = corpus();
    let index = SearchIndex::build(&c);
    let q = Query::parse("kurram");
    let f = SearchFilters { kinds: vec![Kind::Event], ..Default::default() };
    assert_eq!(index.search(&c.docs, &q, &f, 10).len(), 1);
    let f = SearchFilters { event_type: Some("armed clash".into()), ..Default::default() };
    assert_eq!(index.search(&c.docs, &q, &f, 10).len(), 1);
    let f = SearchFilters { event_type: Some("Protests".into()), ..Default::default() };
    assert!(index.search(&c.docs, &q, &f, 10).is_empty());
    let f = SearchFilters { actor: Some("pakistan army".into()), ..Default::default() };
    assert_eq!(index.search(&c.docs, &q, &f, 10).len(), 1);
    let f = SearchFilters { place: Some("Kurram".into()), ..Default::default() };
    assert_eq!(index.search(&c.docs, &q, &f, 10).len(), 2); // the event and the document
    let f =
        SearchFilters { from: Some("2025-06".into()), to: Some("2025-06-30".into()), ..Default::default() };
    let hits = index.search(&c.docs, &q, &f, 10);
    assert_eq!(hits.len(), 1); // documents have no publication date here
    let f = SearchFilters { from: Some("2025-07-01".into()), ..Default::default() };
    assert!(index.search(&c.docs, &q, &f, 10).is_empty());
    let f = SearchFilters { speaker: Some("minister".into()), ..Default::default() };
    let hits = index.search(&c.docs, &Query::parse("ceasefire"), &f, 10);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, Kind::Quote);
    // the speaker's name is searchable with the quote
    assert!(search(&index, &c, "foreign minister ceasefire").iter().any(|h| h.kind == Kind::Quote));
    let f = SearchFilters { outlet: Some("no such outlet".into()), ..Default::default() };
    assert!(index.search(&c.docs, &q, &f, 10).is_empty());
    // filters alone list matching records
    let f = SearchFilters { kinds: vec![Kind::Quote], ..Default::default() };
    assert_eq!(index.search(&c.docs, &Query::default(), &f, 10).len(), 1);
    assert!(index.search(&c.docs, &Query::default(), &SearchFilters::default(), 10).is_empty());
}

#[test]
fn incremental_add_and_remove() {
    let c = corpus();
    let mut index = SearchIndex::new();
    for d in &c.docs {
        let quotes: Vec<Quote> = c.quotes.iter().filter(|q| q.doc == d.id).cloned().collect();
        let events: Vec<Event> = c.events.iter().filter(|e| e.doc == d.id).cloned().collect();
        index.add_document(d, &quotes, 0, &events, 0);
    }
    assert_eq!(index.len(), 5);
    assert_eq!(search(&index, &c, "Torkham").len(), 2);
    index.remove_document("a.txt", 0..0, 0..1);
    assert_eq!(index.len(), 3);
    let hits = search(&index, &c, "Torkham");
    assert_eq!(hits.iter().map(|h| h.doc.as_str()).collect::<Vec<_>>(), vec!["b.txt"]);
    assert!(search(&index, &c, "kurram").is_empty());
}

#[test]
fn never_panics_on_odd_input() {
    let weird = "\u{feff}Zürich — “quoted” text … 東京 ﬁnance naïve 'tis O'Brien's\n\n\t  ";
    let docs = vec![load_bytes("w.txt", weird.as_bytes()).unwrap()];
    let c = Corpus::build(docs);
    let index = SearchIndex::build(&c);
    for q in
        ["zürich", "東京", "o'brien", "obrien*", "\"quoted text\"", "naïve", "*", "\"", "-", "''", "ﬁnance"]
    {
        let hits = index.search(&c.docs, &Query::parse(q), &SearchFilters::default(), 10);
        for h in hits {
            assert!(h.snippet.is_char_boundary(0));
            for (a, b) in h.highlights {
                assert!(a <= b && b <= h.snippet.len());
                assert!(h.snippet.is_char_boundary(a) && h.snippet.is_char_boundary(b));
            }
        }
    }
    assert_eq!(index.search(&c.docs, &Query::parse("zürich"), &SearchFilters::default(), 10).len(), 1);
    assert_eq!(index.search(&c.docs, &Query::parse("O’Brien"), &SearchFilters::default(), 10).len(), 1);
}

#[test]
fn cli_prints_json_hits() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefing-builder"))
        .args(["search", "\"Afghan Taliban\"", "--json", "--limit", "5"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = v.as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 5);
    for h in hits {
        for key in ["doc", "kind", "snippet", "score", "start", "end"] {
            assert!(h.get(key).is_some(), "missing {key}");
        }
        assert!(h["end"].as_u64().unwrap() > h["start"].as_u64().unwrap());
        assert!(h["doc"].as_str().unwrap().ends_with(".txt"));
    }
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_briefing-builder"))
        .args(["search", "  "])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// The corpus with incidents: one over the Kurram clash (source a.txt) and one over a
/// second, undated event in c.txt (Khost).
fn corpus_with_incidents() -> Corpus {
    let mut c = corpus();
    let mut strike = c.events[0].clone();
    strike.doc = c.docs[2].id.clone();
    strike.event_type = "Explosions/Remote violence".into();
    strike.sub_type = "Air/drone strike".into();
    strike.date = None;
    strike.actors = vec!["Pakistan Air Force".into()];
    strike.locations =
        vec![briefing_builder::extract::Location { text: "Khost province".into(), place: None }];
    c.events.push(strike);
    c.incidents = briefing_builder::analysis::group_incidents(&c.events);
    c
}

#[test]
fn incidents_pass_the_same_filters_as_search() {
    let mut c = corpus_with_incidents();
    assert_eq!(c.incidents.len(), 2);
    let clash = c.incidents.iter().position(|i| i.event_type == "Battles").unwrap();
    let strike = 1 - clash;
    let only = |i: usize| {
        let mut v = vec![false, false];
        v[i] = true;
        v
    };
    let mask = |c: &Corpus, f: SearchFilters| f.incident_mask(c);
    assert_eq!(mask(&c, SearchFilters::default()), vec![true, true], "no filter keeps all");
    // type or sub-type, case-insensitive, substring
    assert_eq!(
        mask(&c, SearchFilters { event_type: Some("battles".into()), ..Default::default() }),
        only(clash)
    );
    assert_eq!(
        mask(&c, SearchFilters { event_type: Some("drone".into()), ..Default::default() }),
        only(strike)
    );
    // actor and place of any event
    assert_eq!(
        mask(&c, SearchFilters { actor: Some("air force".into()), ..Default::default() }),
        only(strike)
    );
    assert_eq!(mask(&c, SearchFilters { place: Some("kurram".into()), ..Default::default() }), only(clash));
    // speaker: a quote by them in a source document (the minister is quoted in b.txt only)
    assert_eq!(
        mask(&c, SearchFilters { speaker: Some("foreign minister".into()), ..Default::default() }),
        vec![false, false]
    );
    c.quotes[0].doc = c.docs[2].id.clone();
    assert_eq!(
        mask(&c, SearchFilters { speaker: Some("Foreign".into()), ..Default::default() }),
        only(strike),
        "a quote in the strike's source document"
    );
    // outlet of a source
    c.docs[0].meta.outlet = Some("Frontier Post".into());
    c.docs[2].meta.outlet = Some("Kabul Times".into());
    assert_eq!(
        mask(&c, SearchFilters { outlet: Some("frontier".into()), ..Default::default() }),
        only(clash)
    );
    // dates: the undated incident fails any bound; a bad bound does not filter
    assert_eq!(mask(&c, SearchFilters { from: Some("2025-06".into()), ..Default::default() }), only(clash));
    assert_eq!(
        mask(&c, SearchFilters { to: Some("2025-05-31".into()), ..Default::default() }),
        vec![false, false]
    );
    assert_eq!(mask(&c, SearchFilters { from: Some("soon".into()), ..Default::default() }), vec![true, true]);
    // fields combine (all must hold)
    let both =
        SearchFilters { place: Some("khost".into()), actor: Some("army".into()), ..Default::default() };
    assert_eq!(mask(&c, both), vec![false, false]);
    // blank text is no filter
    assert_eq!(mask(&c, SearchFilters { actor: Some("  ".into()), ..Default::default() }), vec![true, true]);
}

#[test]
fn cli_filters_narrow_the_hits() {
    let run = |args: &[&str]| {
        let out =
            std::process::Command::new(env!("CARGO_BIN_EXE_briefing-builder")).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v.as_array().unwrap().clone()
    };
    let all = run(&["search", "pakistan", "--json", "--limit", "500"]);
    let events =
        run(&["search", "pakistan", "--json", "--limit", "500", "--kind", "event", "--type", "battles"]);
    assert!(!events.is_empty() && events.len() < all.len());
    assert!(events.iter().all(|h| h["kind"] == "event"));
    // Filters without words list what they match.
    let quotes = run(&["search", "", "--json", "--limit", "500", "--kind", "quote"]);
    assert!(!quotes.is_empty() && quotes.iter().all(|h| h["kind"] == "quote"));
    let none = run(&["search", "pakistan", "--json", "--from", "1900", "--to", "1901"]);
    assert!(none.is_empty(), "nothing is dated 1900–1901");
}
