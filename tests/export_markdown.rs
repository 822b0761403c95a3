//! Markdown export: golden files, and a pulldown-cmark parse that finds every section
//! heading, quote and footnote.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod export_support;

use std::path::Path;

use briefing_builder::briefing::{Briefing, SectionKind};
use briefing_builder::export::{ExportOptions, to_markdown};
use export_support::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};

/// Compare with a golden file; `UPDATE_GOLDEN=1` rewrites it.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() || !path.exists() {
        std::fs::write(&path, actual).unwrap();
        eprintln!("wrote {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{name} differs from the golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n(UPDATE_GOLDEN=1 to accept)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

struct Parsed {
    h1: Vec<String>,
    h2: Vec<String>,
    quotes: Vec<String>,
    footnote_refs: Vec<String>,
    footnote_defs: Vec<String>,
    tables: usize,
}

fn parse(md: &str) -> Parsed {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    let mut p = Parsed {
        h1: vec![],
        h2: vec![],
        quotes: vec![],
        footnote_refs: vec![],
        footnote_defs: vec![],
        tables: 0,
    };
    let mut heading: Option<HeadingLevel> = None;
    let mut quote_depth = 0;
    let mut buf = String::new();
    for ev in TextMergeStream::new(Parser::new_ext(md, opts)) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(level);
                buf.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                match heading {
                    Some(HeadingLevel::H1) => p.h1.push(buf.clone()),
                    Some(HeadingLevel::H2) => p.h2.push(buf.clone()),
                    _ => {}
                }
                heading = None;
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quote_depth += 1;
                buf.clear();
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                quote_depth -= 1;
                p.quotes.push(buf.clone());
            }
            Event::Start(Tag::Table(_)) => p.tables += 1,
            Event::Start(Tag::FootnoteDefinition(l)) => p.footnote_defs.push(l.to_string()),
            Event::FootnoteReference(l) => p.footnote_refs.push(l.to_string()),
            Event::Text(t) if heading.is_some() || quote_depth > 0 => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            _ => {}
        }
    }
    p
}

#[test]
fn rich_briefing_golden() {
    let md = to_markdown(&rich_briefing(), &ExportOptions::default());
    golden("rich.md", &md);
    // Deterministic.
    assert_eq!(md, to_markdown(&rich_briefing(), &ExportOptions::default()));
}

#[test]
fn parse_finds_every_heading_quote_and_footnote() {
    let b = rich_briefing();
    let md = to_markdown(&b, &ExportOptions::default());
    let p = parse(&md);
    assert_eq!(p.h1, vec![b.meta.title.clone()]);
    let expected: Vec<String> = b.sections.iter().map(|s| s.title.clone()).collect();
    assert_eq!(p.h2, expected, "section headings");
    for q in QUOTES {
        assert!(p.quotes.iter().any(|x| x.contains(q)), "quote missing: {q}\n{:?}", p.quotes);
    }
    // Attribution lines.
    assert!(
        p.quotes
            .iter()
            .any(|x| x.contains("— Defence minister, government (The Northern Courier, 2 March 2026)"))
    );
    // Every cited source is a footnote, every reference has a definition.
    assert_eq!(p.footnote_defs, vec!["1", "2", "3"]);
    for r in &p.footnote_refs {
        assert!(p.footnote_defs.contains(r), "dangling footnote {r}");
    }
    assert!(p.footnote_refs.len() >= 10);
    assert_eq!(p.tables, 1, "events form one table");
    assert!(md.contains("| Date | Place | What happened | Actors | Fatalities | Source |"));
    assert!(md.contains("Reported by 2 sources"));
    assert!(md.contains("from 8 to 23"));
    assert!(md.starts_with("**OFFICIAL-SENSITIVE**") && md.trim_end().ends_with("**OFFICIAL-SENSITIVE**"));
}

#[test]
fn notes_are_optional() {
    let b = rich_briefing();
    let with = to_markdown(&b, &ExportOptions::default());
    let without = to_markdown(&b, &ExportOptions { include_notes: false, ..Default::default() });
    assert!(with.contains("Strongest language used so far."));
    assert!(!without.contains("Strongest language used so far."));
    assert!(!without.contains("Analyst’s note"));
}

#[test]
fn markdown_special_characters_survive_a_round_trip() {
    let mut b = Briefing::from_template();
    b.meta.title = "Costs *rose* by 5% [est.] | AT&T_x <b>".to_string();
    push(&mut b, SectionKind::KeyQuotes, quote("Prices *will* rise | #1 priority", "A_B", None), "", &[]);
    let md = to_markdown(&b, &ExportOptions::default());
    let p = parse(&md);
    assert_eq!(p.h1, vec![b.meta.title.clone()]);
    assert!(p.quotes[0].contains("Prices *will* rise | #1 priority"), "{:?}", p.quotes);
}

#[test]
fn stress_inputs() {
    let empty = Briefing::from_template();
    let md = to_markdown(&empty, &ExportOptions::default());
    assert!(md.contains("# Untitled briefing"));
    assert!(!md.contains("## "), "empty sections are left out:\n{md}");

    let mut b = Briefing::from_template();
    let long = "a".repeat(2000);
    push(&mut b, SectionKind::Bluf, text(&format!("{long} مرحبا 🚀")), "", &[]);
    let md = to_markdown(&b, &ExportOptions::default());
    assert!(md.contains(&long) && md.contains("مرحبا") && md.contains('🚀'));
}

#[test]
fn example_briefing_golden() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/example.briefing");
    if !path.exists() {
        eprintln!("seeds/example.briefing not present yet; skipping");
        return;
    }
    let draft = briefing_builder::draft::load(&path).unwrap();
    let md = to_markdown(&draft.briefing, &ExportOptions::default());
    golden("example.md", &md);
    let p = parse(&md);
    let nonempty: Vec<&str> = draft
        .briefing
        .sections
        .iter()
        .filter(|s| !s.blocks.is_empty() || s.kind == SectionKind::Sources)
        .map(|s| s.title.as_str())
        .collect();
    for t in nonempty {
        if t == "Sources" && draft.briefing.cited_sources().is_empty() {
            continue;
        }
        assert!(p.h2.iter().any(|h| h == t), "section {t} missing");
    }
    for r in &p.footnote_refs {
        assert!(p.footnote_defs.contains(r), "dangling footnote {r}");
    }
}
