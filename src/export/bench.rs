//! The `pdf` benchmark: PDF export of a generated briefing of about 100 pages.
//! Reports the median of several runs and the output size per page.

use std::time::Instant;

use crate::briefing::{
    Block, BlockContent, Briefing, Citation, EventItem, QuoteItem, SectionKind, SourceDoc,
};
use crate::corpus::Anchor;

fn block(b: &mut Briefing, kind: SectionKind, content: BlockContent, source: &str) {
    let id = b.new_id();
    let cite = Citation { source: source.to_string(), anchor: Anchor::default(), status: Default::default() };
    let block = Block { id, content, original: None, note: String::new(), citations: vec![cite] };
    if let Some(s) = b.sections.iter_mut().find(|s| s.kind == kind) {
        s.blocks.push(block);
    }
}

/// A generated briefing of roughly `pages` A4 pages: paragraphs, quotes and event rows.
pub fn generated_briefing(pages: usize) -> Briefing {
    let mut b = Briefing::from_template();
    b.meta.title = "Generated benchmark briefing: border security, January–December".to_string();
    b.meta.author = "Benchmark".to_string();
    b.meta.date = "2026-03-12".to_string();
    b.meta.marking = "OFFICIAL".to_string();
    for i in 0..4 {
        let id = format!("src-{i}");
        b.sources.insert(
            id.clone(),
            SourceDoc {
                id: id.clone(),
                file: format!("{id}.txt"),
                title: Some(format!("Report {i} on the security situation in the border districts")),
                outlet: Some(format!("Outlet {i}")),
                url: Some(format!("https://news.example.org/2026/03/{i}/report")),
                published: Some(format!("2026-03-0{}", i + 1)),
                ..Default::default()
            },
        );
    }
    let para = "Officials in the provincial capital said on Tuesday that the security forces had \
                intensified operations in the districts along the border, where militants have attacked \
                checkpoints, convoys and police stations with increasing frequency since the start of the \
                year. Residents described long curfews, closed schools and markets, and a growing number \
                of families leaving for the cities.";
    // About 8 paragraphs, 2 quotes and 6 event rows per page.
    for i in 0..pages * 8 {
        block(
            &mut b,
            SectionKind::Background,
            BlockContent::Text { markdown: format!("Paragraph {i}: {para}") },
            "src-0",
        );
    }
    for i in 0..pages * 2 {
        let q = QuoteItem {
            text: format!(
                "We will not accept attacks launched from across the frontier, statement number {i}"
            ),
            speaker: "Minister".to_string(),
            role: Some("government".to_string()),
            cue: None,
        };
        block(&mut b, SectionKind::KeyQuotes, BlockContent::Quote(q), "src-1");
    }
    for i in 0..pages * 6 {
        let e = EventItem {
            what: format!("Clash number {i} at a checkpoint near the border"),
            date: Some(format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1)),
            event_type: if i % 3 == 0 { "Battles" } else { "Explosions/Remote violence" }.to_string(),
            locations: vec!["Border district".to_string()],
            actors: vec!["Security forces".to_string(), "Militants".to_string()],
            fatalities: Some((i % 9) as u32),
            ..Default::default()
        };
        block(&mut b, SectionKind::KeyDevelopments, BlockContent::Event(e), "src-2");
    }
    b
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Run the PDF benchmark; returns the exit code.
pub fn run() -> i32 {
    let b = generated_briefing(100);
    let opts = super::ExportOptions::default();
    let mut times = Vec::new();
    let mut size = 0usize;
    for _ in 0..7 {
        let t = Instant::now();
        match super::to_pdf(&b, &opts) {
            Ok(bytes) => size = bytes.len(),
            Err(e) => {
                eprintln!("briefing-builder: bench pdf: {e}");
                return 1;
            }
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let pages = crate::export::pdf::page_count(&b, &opts).unwrap_or(0);
    let t = Instant::now();
    let md = super::to_markdown(&b, &opts);
    let md_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "pdf: {pages} pages, median {:.1} ms over {} runs (target < 300 ms), {} bytes, {} bytes/page",
        median(times.clone()),
        times.len(),
        size,
        size / pages.max(1)
    );
    println!("markdown: {} bytes in {md_ms:.1} ms", md.len());
    0
}
