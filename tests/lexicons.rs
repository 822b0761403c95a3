#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Sentences, dates, gazetteer and actor lexicons on invented news text and on hostile input.

use briefing_builder::extract::{actors, dates, places, sentences};
use proptest::prelude::*;

fn split_texts(t: &str) -> Vec<&str> {
    sentences::split(t).into_iter().map(|s| &t[s.start..s.end]).collect()
}

/// Every span is trimmed, on char boundaries, non-empty, in order and non-overlapping.
fn check_spans(t: &str) {
    let spans = sentences::split(t);
    let mut last = 0;
    for s in &spans {
        assert!(s.start >= last && s.start < s.end && s.end <= t.len());
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        let piece = &t[s.start..s.end];
        assert_eq!(piece, piece.trim());
        last = s.end;
    }
}

#[test]
fn a_news_paragraph_splits_where_a_reader_would() {
    let t = "PESHAWAR: Lt. Gen. Omar Farooq told reporters on Feb. 12 that the U.S. had offered \
             help. “We will not allow our soil to be used,” he said. “Never again.” Officials in \
             Khyber Pakhtunkhwa (KP) said No. 3 checkpost was hit at 2.30 a.m. local time.\n\
             Security Situation Worsens\n\
             Dr. Sana Iqbal, an analyst, disagreed.";
    assert_eq!(
        split_texts(t),
        vec![
            "Lt. Gen. Omar Farooq told reporters on Feb. 12 that the U.S. had offered help.",
            "“We will not allow our soil to be used,” he said.",
            "“Never again.”",
            "Officials in Khyber Pakhtunkhwa (KP) said No. 3 checkpost was hit at 2.30 a.m. local time.",
            "Security Situation Worsens",
            "Dr. Sana Iqbal, an analyst, disagreed.",
        ]
    );
    check_spans(t);
}

#[test]
fn places_dates_and_actors_in_one_invented_report() {
    let t = "Pakistani jets struck hideouts of the Khawarij in Paktiya and Kunar provinces late \
             Sunday, March 8th, the Armed Forces Media Wing said, days after an attack in Bajaur district.";
    let p: Vec<String> = places::find_places(t).into_iter().map(|m| m.place.name).collect();
    assert_eq!(p, ["Paktia", "Kunar", "Bajaur"]);
    let a: Vec<String> = actors::find_actors(t).into_iter().map(|m| m.canonical).collect();
    assert_eq!(a, ["Pakistan Air Force", "TTP", "ISPR"]);
    let d = dates::find_dates(t, None, Some(2026));
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].text, "late Sunday, March 8th");
    assert_eq!(d[0].value.as_deref(), Some("2026-03-08"));
    assert_eq!(d[1].text, "days after");
    assert_eq!(d[1].value, None);
}

#[test]
fn a_megabyte_without_a_full_stop_is_one_sentence_and_finishes() {
    let t = "word and another ".repeat(60_000);
    assert_eq!(sentences::split(&t).len(), 1);
    assert!(dates::find_dates(&t, None, None).is_empty());
    assert!(places::find_places(&t).is_empty());
    assert!(actors::find_actors(&t).is_empty());
}

#[test]
fn many_short_sentences_scale() {
    let t = "Gen. Ali met Dr. Khan in Kabul on Friday. ".repeat(20_000);
    assert_eq!(sentences::split(&t).len(), 20_000);
    assert_eq!(places::find_places(&t).len(), 20_000);
    assert_eq!(dates::find_dates(&t, None, None).len(), 20_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_unicode_never_panics(t in "\\PC{0,400}") {
        check_spans(&t);
        let _ = dates::find_dates(&t, dates::parse_iso_date("2026-02-27"), Some(2026));
        let _ = places::find_places(&t);
        let _ = actors::find_actors(&t);
        let _ = places::lookup(&t);
        let _ = actors::canonical_actor(&t);
    }

    #[test]
    fn newsy_fragments_never_panic(parts in proptest::collection::vec(
        prop_oneof![
            Just("Gen. "), Just("U.S. "), Just("“"), Just("”"), Just("\""), Just("."), Just("…"),
            Just(" he said. "), Just("\n"), Just("\n\n"), Just("Kabul"), Just("KP"), Just(" (KP)"),
            Just("February 24th"), Just(" to "), Just("26th"), Just("2026"), Just("late"), Just("last week"),
            Just("on Friday"), Just("Khyber"), Just(" district"), Just("TTP"), Just("’s"), Just("é"), Just("31"),
            Just("-"), Just("/"),
        ],
        0..80,
    )) {
        let t: String = parts.concat();
        check_spans(&t);
        for m in dates::find_dates(&t, dates::parse_iso_date("2026-02-27"), None) {
            prop_assert_eq!(&t[m.span.start..m.span.end], m.text.as_str());
        }
        for m in places::find_places(&t) {
            prop_assert_eq!(&t[m.span.start..m.span.end], m.text.as_str());
        }
        for m in actors::find_actors(&t) {
            prop_assert_eq!(&t[m.span.start..m.span.end], m.text.as_str());
        }
    }
}

#[test]
fn document_context_takes_the_articles_year() {
    let text = "Border Clashes Continue\n\nFighting raged from March 3rd to 5th near Chaman. \
                The March 2024 report had warned of this, as had a 2019 study.";
    let doc = briefing_builder::corpus::load_bytes("ctx.txt", text.as_bytes()).unwrap();
    let (base, hint) = dates::document_context(&doc);
    if doc.meta.published.is_none() {
        assert_eq!(base, None);
        assert_eq!(hint, Some(2024));
        let d = dates::find_dates(&doc.clean, base, hint);
        assert_eq!(d[0].value.as_deref(), Some("2024-03-03/2024-03-05"));
    }
}
