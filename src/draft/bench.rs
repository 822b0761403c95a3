//! `briefing-builder bench drafts`: save, load, open (re-anchor) and undo-history costs on a
//! generated briefing. Reports medians; never used in tests.

use std::time::{Duration, Instant};

use crate::briefing::ops::{Edit, History};
use crate::briefing::{BlockContent, Briefing, Citation, QuoteItem, SectionKind, SourceDoc};
use crate::corpus::{Anchor, Span};

use super::{Draft, from_json, reanchor, to_json};

/// A briefing citing `sources` generated articles (about 8 KB each) with `picks` quotes.
pub fn generated_briefing(sources: usize, picks: usize) -> Briefing {
    let mut b = Briefing::from_template();
    let section = b.section_of_kind(SectionKind::KeyQuotes).map(|s| s.id).unwrap_or(b.sections[0].id);
    let docs: Vec<SourceDoc> = (0..sources.max(1))
        .map(|i| {
            let text: String = (0..60)
                .map(|j| format!("Paragraph {j} of article {i}: the official said “statement number {j} in report {i}” on the record.\n"))
                .collect();
            SourceDoc { id: format!("article-{i}.txt"), file: format!("article-{i}.txt"), text, ..Default::default() }
        })
        .collect();
    for p in 0..picks {
        let src = &docs[p % docs.len()];
        let needle = format!("statement number {} in report", p % 60);
        let start = src.text.find(&needle).unwrap_or(0);
        let span = Span::new(start, start + needle.len());
        let content = BlockContent::Quote(QuoteItem {
            text: needle.clone(),
            speaker: "An official".to_string(),
            ..Default::default()
        });
        let _ = b.apply_edit(Edit::InsertBlock {
            section,
            index: usize::MAX,
            original: Some(content.clone()),
            content,
            citations: vec![Citation {
                source: src.id.clone(),
                anchor: Anchor::from_span(&src.text, span),
                status: Default::default(),
            }],
            sources: vec![src.clone()],
        });
    }
    b
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs.max(1))
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

/// Run the benchmark on a large briefing (50 sources, 200 picks) and a very large one
/// (200 sources, 800 picks); returns the exit code.
pub fn run() -> i32 {
    let mut code = 0;
    for (sources, picks) in [(50, 200), (200, 800)] {
        code = code.max(run_one(sources, picks));
    }
    code
}

fn run_one(sources: usize, picks: usize) -> i32 {
    let b = generated_briefing(sources, picks);
    let draft = Draft::new(b.clone(), Vec::new());
    let json = to_json(&draft);
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("briefing-builder: bench drafts: no temporary folder: {e}");
            return 1;
        }
    };
    let path = dir.path().join("bench.briefing");
    if let Err(e) = super::save(&path, &draft).and_then(|()| super::load(&path)) {
        eprintln!("briefing-builder: bench drafts: {e}");
        return 1;
    }
    let ser = time(15, || to_json(&draft));
    let parse = time(15, || from_json("bench", &json).is_ok());
    let save = time(15, || super::save(&path, &draft).is_ok());
    let load = time(15, || super::load(&path).is_ok());
    let anchor = time(15, || {
        let mut c = b.clone();
        reanchor(&mut c).exact
    });
    // Undo history: 200 note edits on the big briefing, snapshot per edit.
    let mut h = History::default();
    let mut work = b.clone();
    let id = work.sections.iter().flat_map(|s| &s.blocks).map(|x| x.id).next();
    let mut per_edit = Vec::new();
    if let Some(id) = id {
        for i in 0..200 {
            let t = Instant::now();
            let _ = h.apply(&mut work, Edit::SetNote(id, format!("note {i}")));
            per_edit.push(t.elapsed());
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("drafts: {sources} sources, {picks} picks, file {:.1} MB", json.len() as f64 / 1_048_576.0);
    println!("  serialise  median {:8.2} ms", ms(ser));
    println!("  parse      median {:8.2} ms", ms(parse));
    println!("  save       median {:8.2} ms  (atomic: temp file, fsync, rename)", ms(save));
    println!("  load       median {:8.2} ms", ms(load));
    println!("  re-anchor  median {:8.2} ms  ({} citations)", ms(anchor), picks);
    println!(
        "  undoable edit median {:6.3} ms  ({} undo steps, {} distinct source maps held)",
        ms(median(per_edit)),
        h.undo_depth(),
        h.distinct_source_maps()
    );
    0
}
