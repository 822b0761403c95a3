#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Quote extraction through the public API: robustness on hostile input (property tests),
//! invariants on every quote, the speaker index, and documents of our own.

use briefing_builder::corpus::{Document, Metadata, OffsetMap};
use briefing_builder::extract::Quote;
use briefing_builder::extract::quotes::extract_quotes;
use briefing_builder::extract::speakers::{SpeakerKind, canonicalize_corpus, speaker_index};
use proptest::prelude::*;

fn doc(id: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        file: id.into(),
        path: None,
        original: text.into(),
        clean: text.into(),
        map: OffsetMap::identity(text.len()),
        meta: Metadata::default(),
        encoding: "UTF-8".into(),
        notes: Vec::new(),
    }
}

fn quotes(text: &str) -> Vec<Quote> {
    extract_quotes(&doc("x.txt", text), &[])
}

/// Every quote points at its own words in the text, with a matching anchor.
fn check_invariants(text: &str, qs: &[Quote]) {
    let mut last = 0;
    for q in qs {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        let slice = text.get(q.span.start..q.span.end).expect("span on char boundaries");
        assert!(q.span.start >= last, "quotes in text order");
        last = q.span.start;
        // The text is the span minus continuation paragraphs' opening marks.
        assert!(q.text.len() <= slice.len());
        assert!(q.text.split_whitespace().all(|w| slice.contains(w)));
        assert_eq!(q.anchor.exact, slice);
        assert!((0.0..=1.0).contains(&q.confidence));
        assert!(!q.text.trim().is_empty());
    }
}

const ARTICLE: &str = "Flood defences fail in river town\n\n\
By Staff Reporter\n\n\
WESTBRIDGE: Water Minister Helen Achebe, who toured the area on Sunday, told the Daily Ledger: \
“The barriers were built for a ten-year flood and this was far worse.”\n\n\
“We will rebuild them higher,” Achebe added. “The money is already approved.”\n\n\
Residents were less certain. “Nobody came to warn us before the water arrived at midnight,” \
said Joan Pike, a shop owner on Mill Street.\n\n\
According to the regional emergency agency, “more than 400 homes were flooded and 12 people were rescued by boat.”\n\n\
The agency said it had issued a warning, calling the flood “unprecedented.”\n\n\
An engineer with the agency, who asked not to be named, said that “the pumps at the main station stopped for two hours.”\n\n\
“Nobody came to warn us before the water arrived at midnight.”\n\n\
Joan Pike\n";

#[test]
fn article_of_our_own() {
    let qs = quotes(ARTICLE);
    check_invariants(ARTICLE, &qs);
    let got: Vec<(&str, &str)> = qs.iter().map(|q| (q.text.as_str(), q.speaker.as_str())).collect();
    let want = [
        ("The barriers were built for a ten-year flood and this was far worse.", "Helen Achebe"),
        ("We will rebuild them higher,", "Helen Achebe"),
        ("The money is already approved.", "Helen Achebe"),
        ("Nobody came to warn us before the water arrived at midnight,", "Joan Pike"),
        ("more than 400 homes were flooded and 12 people were rescued by boat.", "regional emergency agency"),
        ("the pumps at the main station stopped for two hours.", "engineer with the agency"),
    ];
    assert_eq!(got, want, "{qs:#?}");
    assert_eq!(qs[0].role.as_deref(), Some("Water Minister"));
    assert_eq!(qs[1].role.as_deref(), Some("Water Minister"), "role carried to later quotes");
    assert_eq!(qs[3].role.as_deref(), Some("shop owner on Mill Street"));
    assert_eq!(qs[1].speaker_in_text.as_deref(), Some("Achebe added"));
    assert_eq!(qs[4].cue.as_deref(), Some("according to"));
}

#[test]
fn speaker_index_over_two_documents() {
    let a = doc("a.txt", ARTICLE);
    let b = doc("b.txt", "“Repairs start on Monday,” Achebe said in a radio interview.");
    let mut qs = extract_quotes(&a, &[]);
    qs.extend(extract_quotes(&b, &[]));
    canonicalize_corpus(&mut qs);
    assert_eq!(qs.last().map(|q| q.speaker.as_str()), Some("Helen Achebe"));
    let idx = speaker_index(&qs);
    let first = &idx[0];
    assert_eq!(first.name, "Helen Achebe");
    assert_eq!(first.count, 4);
    assert_eq!(first.docs, vec!["a.txt".to_string(), "b.txt".to_string()]);
    assert_eq!(first.kind, SpeakerKind::Person);
    assert!(idx.iter().any(|e| e.name == "Joan Pike" && e.count == 1));
}

#[test]
fn one_megabyte_without_a_full_stop() {
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(if i % 7 == 0 { "“and he said " } else { "word, another ” word " });
        i += 1;
    }
    let qs = quotes(&text);
    check_invariants(&text, &qs);
    let one_line = "x".repeat(1 << 20);
    assert!(quotes(&one_line).is_empty());
    let marks = "\"".repeat(1 << 18);
    check_invariants(&marks, &quotes(&marks));
}

#[test]
fn many_quotes_in_one_paragraph() {
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!("“Statement number {i} is here,” Mayor Lena Park said. "));
    }
    let qs = quotes(&text);
    check_invariants(&text, &qs);
    assert_eq!(qs.len(), 3000);
}

fn hostile() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(", he said".to_string()),
        Just(" told The Paper: ".to_string()),
        Just(" according to ".to_string()),
        Just("Mr. ".to_string()),
        Just(". ".to_string()),
        Just(" the official ".to_string()),
        "[A-Z][a-z]{1,8}".prop_map(|s| s),
        "[a-z]{1,8}".prop_map(|s| format!(" {s}")),
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_hostile_text(text in hostile()) {
        let qs = quotes(&text);
        check_invariants(&text, &qs);
    }

    #[test]
    fn never_panics_on_random_unicode(text in "\\PC{0,400}") {
        let qs = quotes(&text);
        check_invariants(&text, &qs);
    }
}

#[test]
fn a_second_verb_of_the_subject_introduces_the_quote() {
    let qs =
        quotes("Prime Minister Asha Verma offered her condolences and said, “Violence will not deter us.”");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker, "Asha Verma", "{qs:#?}");
    // Two people named together still speak together.
    let qs = quotes("Asha Verma and Omar Quist said, “We will not go.”");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert!(qs[0].speaker.contains("Quist"), "{qs:#?}");
}

#[test]
fn a_phrase_between_the_quote_and_its_speaker_is_passed_over() {
    let qs = quotes(
        "“All six guards were killed” under fire from both sides, Omar Quist, a district official, told reporters.",
    );
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].speaker, "Omar Quist", "{qs:#?}");
}
