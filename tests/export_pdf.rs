//! PDF export: parsed back with lopdf (pages, text, fonts, marking, outline, links) and,
//! where installed, checked with `qpdf --check` and `pdftotext`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod export_support;

use std::process::Command;

use briefing_builder::briefing::{Briefing, SectionKind};
use briefing_builder::export::{ExportOptions, Paper, to_pdf};
use export_support::*;
use lopdf::{Document, Object};

fn have(tool: &str) -> bool {
    Command::new("which").arg(tool).output().map(|o| o.status.success()).unwrap_or(false)
}

fn write_tmp(bytes: &[u8]) -> tempfile::NamedTempFile {
    let f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::fs::write(f.path(), bytes).unwrap();
    f
}

/// Text of the whole PDF via pdftotext when available (whitespace-normalised).
fn pdftotext(bytes: &[u8]) -> Option<String> {
    if !have("pdftotext") {
        eprintln!("pdftotext not installed; skipping that check");
        return None;
    }
    let f = write_tmp(bytes);
    let out = Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(f.path()).arg("-").output().unwrap();
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(normalise(&String::from_utf8(out.stdout).unwrap()))
}

/// Join hyphenated line ends and collapse whitespace.
fn normalise(s: &str) -> String {
    let joined = s.replace("-\n", "-\u{1}").replace('\n', " ");
    let collapsed = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.replace("-\u{1}", "-").replace("- ", "-")
}

fn contains_loose(hay: &str, needle: &str) -> bool {
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '-').collect::<String>();
    squash(hay).contains(&squash(needle))
}

#[test]
fn rich_briefing_pdf_parses_back() {
    let b = rich_briefing();
    let bytes = to_pdf(&b, &ExportOptions::default()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let doc = Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages();
    assert!((2..=5).contains(&pages.len()), "{} pages", pages.len());

    // Marking and page numbers on every page.
    let n = pages.len();
    for (i, p) in pages.keys().enumerate() {
        let text = doc.extract_text(&[*p]).unwrap();
        assert!(
            text.matches("OFFICIAL-SENSITIVE").count() >= 2,
            "page {}: marking missing in {text:?}",
            i + 1
        );
        assert!(text.contains(&format!("Page {} of {n}", i + 1)), "page {}: number missing", i + 1);
    }

    // Every quote's text is present and extractable.
    let all: String = pages.keys().map(|p| doc.extract_text(&[*p]).unwrap()).collect::<Vec<_>>().join("\n");
    let all = normalise(&all);
    for q in QUOTES {
        assert!(contains_loose(&all, q), "quote missing from extracted text: {q}");
    }
    for heading in ["Bottom line up front", "Key developments", "Key quotes", "Sources"] {
        assert!(all.contains(heading), "heading {heading} missing");
    }
}

fn fonts_of(doc: &Document) -> Vec<(String, bool)> {
    // (BaseFont, has embedded program)
    let mut out = Vec::new();
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() != Some(b"FontDescriptor".as_slice()) {
            continue;
        }
        let name =
            d.get(b"FontName").and_then(Object::as_name).map(|n| String::from_utf8_lossy(n).into_owned());
        let embedded = d.has(b"FontFile2") || d.has(b"FontFile3") || d.has(b"FontFile");
        out.push((name.unwrap_or_default(), embedded));
    }
    out
}

#[test]
fn fonts_are_embedded_and_subset() {
    let bytes = to_pdf(&rich_briefing(), &ExportOptions::default()).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let fonts = fonts_of(&doc);
    assert!(fonts.len() >= 4, "{fonts:?}");
    for (name, embedded) in &fonts {
        assert!(embedded, "{name} not embedded");
        // Subset fonts carry a six-letter tag: ABCDEF+NotoSerif-Regular.
        let tag = name.split('+').next().unwrap_or("");
        assert!(name.contains('+') && tag.len() == 6, "{name} is not subset");
    }
    // Subsetting keeps the file small: the six fonts alone are 3.5 MB.
    assert!(bytes.len() < 400_000, "{} bytes", bytes.len());
}

#[test]
fn outline_metadata_and_links() {
    let b = rich_briefing();
    let bytes = to_pdf(&b, &ExportOptions::default()).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    let outlines = catalog.get(b"Outlines").and_then(Object::as_reference).unwrap();
    let outlines = doc.get_dictionary(outlines).unwrap();
    let count = outlines.get(b"Count").and_then(Object::as_i64).unwrap();
    assert!(count >= 7, "outline has {count} entries");
    // First entry is the first section.
    let first = doc.get_dictionary(outlines.get(b"First").and_then(Object::as_reference).unwrap()).unwrap();
    let title = match first.get(b"Title").unwrap() {
        Object::String(bytes, _) => {
            let u: Vec<u16> = bytes[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            String::from_utf16(&u).unwrap()
        }
        o => panic!("{o:?}"),
    };
    assert_eq!(title, "Bottom line up front");

    // Metadata.
    let info = doc.trailer.get(b"Info").and_then(Object::as_reference).unwrap();
    let info = doc.get_dictionary(info).unwrap();
    for key in [b"Title".as_slice(), b"Author", b"Subject", b"Keywords", b"CreationDate"] {
        assert!(info.has(key), "Info lacks {}", String::from_utf8_lossy(key));
    }

    // Clickable URLs and internal footnote links.
    let mut uris = 0;
    let mut gotos = 0;
    let mut annots: Vec<&lopdf::Dictionary> = Vec::new();
    for page in doc.get_pages().values() {
        let page = doc.get_dictionary(*page).unwrap();
        if let Ok(arr) = page.get(b"Annots").and_then(Object::as_array) {
            for a in arr {
                match a {
                    Object::Dictionary(d) => annots.push(d),
                    Object::Reference(r) => annots.push(doc.get_dictionary(*r).unwrap()),
                    _ => {}
                }
            }
        }
    }
    for d in annots {
        if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
            continue;
        }
        let a = d.get(b"A").and_then(Object::as_dict).unwrap();
        match a.get(b"S").and_then(Object::as_name).unwrap() {
            b"URI" => uris += 1,
            b"GoTo" => gotos += 1,
            _ => {}
        }
    }
    assert!(uris >= 3, "{uris} URI links");
    assert!(gotos >= 5, "{gotos} footnote links");
}

#[test]
fn letter_paper_and_no_notes() {
    let b = rich_briefing();
    let opts = ExportOptions { paper: Paper::Letter, include_notes: false, ..Default::default() };
    let bytes = to_pdf(&b, &opts).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let (_, first) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(first).unwrap();
    let mb = page.get(b"MediaBox").and_then(Object::as_array).unwrap();
    let w = mb[2].as_float().unwrap();
    let h = mb[3].as_float().unwrap();
    assert!((w - 612.0).abs() < 1.0 && (h - 792.0).abs() < 1.0, "{w}x{h}");
    let text: String = doc.get_pages().keys().map(|p| doc.extract_text(&[*p]).unwrap()).collect();
    assert!(!text.contains("Analyst’s note") && !text.contains("Strongest language"), "notes leaked");
    let with = to_pdf(&b, &ExportOptions::default()).unwrap();
    let doc = Document::load_mem(&with).unwrap();
    let text: String = doc.get_pages().keys().map(|p| doc.extract_text(&[*p]).unwrap()).collect();
    assert!(contains_loose(&normalise(&text), "Strongest language used so far"));
}

#[test]
fn external_tools_accept_the_pdf() {
    let b = rich_briefing();
    let bytes = to_pdf(&b, &ExportOptions::default()).unwrap();
    if have("qpdf") {
        let f = write_tmp(&bytes);
        let out = Command::new("qpdf").arg("--check").arg(f.path()).output().unwrap();
        assert!(
            out.status.success(),
            "qpdf --check failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        eprintln!("qpdf not installed; skipping qpdf --check");
    }
    if let Some(text) = pdftotext(&bytes) {
        for q in QUOTES {
            assert!(contains_loose(&text, q), "pdftotext lost quote: {q}\n---\n{text}");
        }
        for s in [
            "Cross-border strikes and militant attacks",
            "Café Régional",
            "Frontier Analysis Review",
            "12 March 2026",
        ] {
            assert!(contains_loose(&text, s), "pdftotext lost {s:?}");
        }
    }
}

#[test]
fn hundred_page_briefing_exports() {
    let b = long_briefing();
    let bytes = to_pdf(&b, &ExportOptions::default()).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let n = doc.get_pages().len();
    assert!(n >= 95, "only {n} pages");
    // Table header repeated: "What happened" on every page that holds event rows.
    let pages = doc.get_pages();
    let mut pages_with_rows = 0;
    for num in pages.keys() {
        let t = doc.extract_text(&[*num]).unwrap();
        if contains_loose(&t, "Security forces, Militants") {
            pages_with_rows += 1;
            assert!(
                contains_loose(&t, "What happened"),
                "event rows without repeated header on page {num}:\n{t}"
            );
        }
    }
    assert!(pages_with_rows >= 2);
}

#[test]
fn stress_inputs_do_not_break_the_export() {
    // Empty briefing and empty sections.
    let empty = Briefing::from_template();
    let bytes = to_pdf(&empty, &ExportOptions::default()).unwrap();
    assert_eq!(Document::load_mem(&bytes).unwrap().get_pages().len(), 1);

    // 2,000-character word, RTL text, emoji.
    let mut b = Briefing::from_template();
    b.meta.title = "Stress: مرحبا بالعالم and שלום 🚀".to_string();
    let long_word = "a".repeat(2000);
    push(&mut b, SectionKind::Bluf, text(&long_word), "", &[]);
    push(
        &mut b,
        SectionKind::Background,
        text("Arabic: بيان صحفي. Hebrew: הודעה. Emoji: 🚀🔥 end."),
        "",
        &[],
    );
    push(
        &mut b,
        SectionKind::KeyDevelopments,
        event("2026-01-01", "Battles", &"b".repeat(2000), "Place", &["Actor"], Some(1)),
        "",
        &[],
    );
    let bytes = to_pdf(&b, &ExportOptions::default()).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    assert!(doc.get_pages().len() >= 2);
    if let Some(t) = pdftotext(&bytes) {
        // Unsupported glyphs fall back to a visible replacement, never vanish.
        assert!(t.contains('\u{FFFD}'), "no replacement glyphs in {t}");
        assert!(t.contains("Emoji:") && t.contains("end."));
        let a_count = t.chars().filter(|c| *c == 'a').count();
        assert!(a_count >= 2000, "long word lost characters: {a_count}");
    }
}

/// `EXPORT_SAMPLE_DIR=/some/dir cargo test --test export_pdf write_samples` writes the
/// sample PDFs and Markdown there for looking at (nothing is written otherwise).
#[test]
fn write_samples() {
    let Some(dir) = std::env::var_os("EXPORT_SAMPLE_DIR") else { return };
    let dir = std::path::PathBuf::from(dir);
    let opts = ExportOptions::default();
    std::fs::write(dir.join("rich.pdf"), to_pdf(&rich_briefing(), &opts).unwrap()).unwrap();
    std::fs::write(dir.join("rich.md"), briefing_builder::export::to_markdown(&rich_briefing(), &opts))
        .unwrap();
    std::fs::write(dir.join("long.pdf"), to_pdf(&long_briefing(), &opts).unwrap()).unwrap();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/example.briefing");
    if example.exists() {
        let b = briefing_builder::draft::load(&example).unwrap().briefing;
        std::fs::write(dir.join("example.pdf"), to_pdf(&b, &opts).unwrap()).unwrap();
    }
}

#[test]
fn map_figure_of_placed_events_is_drawn_and_the_pdf_parses() {
    let b = rich_briefing();
    let opts = ExportOptions::default();
    let model = briefing_builder::export::model::ExportDoc::build(&b, &opts);
    // "Khyber district" resolves in the gazetteer; the made-up "Border province" does not.
    assert!(!model.map.is_empty(), "an event at a gazetteer place gets a map marker");
    assert!(model.map.iter().all(|m| m.place != "Border province"));
    assert!(model.map.iter().all(|m| (60.0..80.0).contains(&m.lon) && (23.0..40.0).contains(&m.lat)));
    let bytes = to_pdf(&b, &opts).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let all: String =
        doc.get_pages().keys().map(|p| doc.extract_text(&[*p]).unwrap()).collect::<Vec<_>>().join("\n");
    let all = normalise(&all);
    assert!(all.contains("Map of reported events"), "map caption missing");
    assert!(all.contains(&model.map[0].place), "marker label missing");
    // The timeline figure is still there and numbered before the map.
    let t = all.find("Timeline of reported events").unwrap();
    let m = all.find("Map of reported events").unwrap();
    assert!(t < m);
}
