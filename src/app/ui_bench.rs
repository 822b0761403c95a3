//! Headless benchmark of the UI's CPU time per frame (layout + tessellation) on a large
//! corpus: `briefing-builder bench ui --docs 10000`.

use std::time::Instant;

use eframe::egui;

use super::BriefingApp;
use super::state::{AppConfig, AppState, Command, Tab};
use crate::corpus::Document;
use crate::pipeline::Corpus;

/// Median and 95th-percentile frame times of one view.
#[derive(Debug, Clone)]
pub struct ViewTiming {
    /// The view measured.
    pub view: String,
    /// Median CPU time per frame, milliseconds.
    pub median_ms: f64,
    /// 95th percentile, milliseconds.
    pub p95_ms: f64,
    /// Slowest frame, milliseconds.
    pub worst_ms: f64,
    /// Vertices tessellated in the last frame (shows the frame did real work).
    pub vertices: usize,
}

/// A corpus of `n` documents made by repeating the embedded seeds (with their extraction)
/// under distinct ids. Incidents are left out: the UI's cost does not depend on them.
pub fn synthetic_corpus(n: usize) -> Corpus {
    let seeds = Corpus::build(crate::corpus::embedded_seeds());
    let mut docs: Vec<Document> = Vec::with_capacity(n);
    let mut quotes = Vec::new();
    let mut events = Vec::new();
    if seeds.docs.is_empty() {
        return Corpus::default();
    }
    // While the extractor finds nothing (or little), give every document a few picks on
    // its own sentences so the tables are exercised at full size.
    let synthetic = seeds.quotes.is_empty() || seeds.events.is_empty();
    for k in 0..n {
        let src = &seeds.docs[k % seeds.docs.len()];
        let mut d = src.clone();
        d.id = format!("{k:05}-{}", src.file);
        d.file = d.id.clone();
        if let Some(t) = &mut d.meta.title {
            *t = format!("{t} ({k})");
        }
        quotes.extend(seeds.quotes.iter().filter(|q| q.doc == src.id).map(|q| {
            let mut q = q.clone();
            q.doc = d.id.clone();
            q
        }));
        events.extend(seeds.events.iter().filter(|e| e.doc == src.id).map(|e| {
            let mut e = e.clone();
            e.doc = d.id.clone();
            e
        }));
        if synthetic {
            synthetic_picks(&d, k, &mut quotes, &mut events);
        }
        docs.push(d);
    }
    Corpus { docs, quotes, events, incidents: Vec::new() }
}

/// Three quotes and two events on the first sentences of `d` (benchmark data only).
fn synthetic_picks(
    d: &Document,
    k: usize,
    quotes: &mut Vec<crate::extract::Quote>,
    events: &mut Vec<crate::extract::Event>,
) {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in d.clean.char_indices() {
        if c == '.' && i > start + 20 {
            spans.push(crate::corpus::Span::new(start, i + 1));
            start = i + 1;
            while d.clean[start..].starts_with(char::is_whitespace) {
                start += d.clean[start..].chars().next().map_or(1, char::len_utf8);
            }
            if spans.len() == 5 {
                break;
            }
        }
    }
    let speakers =
        ["Foreign Office spokesperson", "ISPR", "Interior minister", "Taliban spokesman", "Analyst"];
    for (j, sp) in spans.iter().enumerate() {
        let text = d.span_text(*sp).to_string();
        if j < 3 {
            quotes.push(crate::extract::Quote {
                doc: d.id.clone(),
                text,
                span: *sp,
                speaker: speakers[(k + j) % speakers.len()].to_string(),
                speaker_in_text: None,
                role: None,
                cue: Some("said".to_string()),
                confidence: 0.5 + (j as f32) / 10.0,
                anchor: d.anchor(*sp),
            });
        } else {
            events.push(crate::extract::Event {
                doc: d.id.clone(),
                what: crate::app::widgets::ellipsize(&text, 60),
                evidence: text,
                span: *sp,
                anchor: d.anchor(*sp),
                event_type: crate::extract::EVENT_TYPES[(k + j) % crate::extract::EVENT_TYPES.len()]
                    .to_string(),
                sub_type: "Armed clash".to_string(),
                date: Some(format!("2025-{:02}-{:02}", 1 + k % 12, 1 + j * 5)),
                date_text: None,
                locations: Vec::new(),
                country: None,
                actors: vec!["TTP".to_string()],
                fatalities: Some((k % 17) as u32),
                fatalities_claimed_by: None,
                victims: None,
                reported: None,
            });
        }
    }
}

fn frame(
    ctx: &egui::Context,
    app: &mut BriefingApp,
    events: Vec<egui::Event>,
    size: egui::Vec2,
) -> (f64, usize) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        events,
        ..Default::default()
    };
    let t = Instant::now();
    let mut out = ctx.run_ui(input, |ui| app.show(ui));
    let prims = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    // No renderer here: the texture updates are dropped on purpose.
    out.textures_delta.clear();
    let vertices = prims
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum();
    (ms, vertices)
}

/// Time `frames` frames of each view with `docs` documents loaded, scrolling (or, for the
/// Timeline and the Map, zooming) as it goes. Returns the documents, quotes and events of
/// the table corpus, the incidents of the generated corpus, and the timings.
pub fn measure(docs: usize, frames: usize) -> (usize, usize, usize, usize, Vec<ViewTiming>) {
    let corpus = synthetic_corpus(docs);
    let counts = (corpus.docs.len(), corpus.quotes.len(), corpus.events.len());
    let mut state = AppState::new(corpus, AppConfig::headless(None));
    // Some picks, so the editor has cards to lay out.
    for i in 0..6 {
        state.apply(Command::AddQuote(i));
        state.apply(Command::AddEvent(i));
    }
    // Let background work (the search index) finish first: this measures the UI thread.
    state.wait_for_jobs(std::time::Duration::from_secs(600));
    let mut app = BriefingApp::with_state(state);
    let ctx = egui::Context::default();
    let size = egui::vec2(1280.0, 800.0);
    let mut out = Vec::new();
    for (tab, name, x) in [
        (Tab::Reader, "reader (scrolling)", 640.0),
        (Tab::Reader, "sources list (scrolling)", 150.0),
        (Tab::Quotes, "quotes table (scrolling)", 720.0),
        (Tab::Events, "events table (scrolling)", 720.0),
        (Tab::Preview, "preview + editor (scrolling)", 1100.0),
    ] {
        // Scroll down all the way.
        out.push(time_view(&ctx, &mut app, tab, name, frames, size, |i| {
            wheel(x, 300.0 + (i % 7) as f32 * 20.0, -120.0)
        }));
    }
    // The Timeline and the Map draw incidents: a corpus of generated articles (varied places
    // and dates, real extraction and grouping) gives them thousands to draw.
    let generated = Corpus::build(crate::analysis::benchmarks::generate_docs(docs, 11));
    let incidents = generated.incidents.len();
    let mut state = AppState::new(generated, AppConfig::headless(None));
    state.wait_for_jobs(std::time::Duration::from_secs(600));
    let mut app = BriefingApp::with_state(state);
    let ctx = egui::Context::default();
    for (tab, name) in [(Tab::Timeline, "timeline (zoom in/out)"), (Tab::Map, "map (zoom in/out)")] {
        // Zoom in for 20 frames, out for 20, … with the pointer over the chart.
        out.push(time_view(&ctx, &mut app, tab, name, frames, size, |i| {
            let delta = if (i / 20) % 2 == 0 { 120.0 } else { -120.0 };
            wheel(640.0 + (i % 5) as f32 * 15.0, 420.0, delta)
        }));
    }
    (counts.0, counts.1, counts.2, incidents, out)
}

/// The pointer at `(x, y)` and a mouse-wheel step of `dy` points.
fn wheel(x: f32, y: f32, dy: f32) -> Vec<egui::Event> {
    vec![
        egui::Event::PointerMoved(egui::pos2(x, y)),
        egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, dy),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

/// Time `frames` frames of one tab, feeding `input(frame)` each frame.
fn time_view(
    ctx: &egui::Context,
    app: &mut BriefingApp,
    tab: Tab,
    name: &str,
    frames: usize,
    size: egui::Vec2,
    input: impl Fn(usize) -> Vec<egui::Event>,
) -> ViewTiming {
    app.state.apply(Command::SetTab(tab));
    for _ in 0..5 {
        frame(ctx, app, Vec::new(), size);
    }
    let mut times = Vec::with_capacity(frames);
    let mut vertices = 0;
    for i in 0..frames {
        let (ms, v) = frame(ctx, app, input(i), size);
        times.push(ms);
        vertices = v;
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
    let p95 = times.get(times.len() * 95 / 100).copied().unwrap_or(0.0);
    let worst = times.last().copied().unwrap_or(0.0);
    ViewTiming { view: name.to_string(), median_ms: median, p95_ms: p95, worst_ms: worst, vertices }
}

/// Run the benchmark and print the medians; returns the exit code.
pub fn run(docs: usize) -> i32 {
    let frames = 120;
    let t = Instant::now();
    let (d, q, e, incidents, timings) = measure(docs, frames);
    println!(
        "ui: {d} documents, {q} quotes, {e} events (timeline/map: {incidents} incidents of {d} generated articles) loaded in {:.1} s; {frames} frames per view at 1280x800 (layout + tessellation)",
        t.elapsed().as_secs_f64()
    );
    for v in &timings {
        println!(
            "ui: {:<28} median {:>6.2} ms/frame   p95 {:>6.2} ms   worst {:>6.2} ms   ({} vertices)",
            v.view, v.median_ms, v.p95_ms, v.worst_ms, v.vertices
        );
    }
    let worst = timings.iter().map(|v| v.median_ms).fold(0.0, f64::max);
    println!("ui: worst median {worst:.2} ms/frame (target <= 4 ms)");
    0
}
