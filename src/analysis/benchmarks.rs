//! Benchmarks of the analysis stage, run by `briefing-builder bench search|incidents`:
//! search latency (median over many queries) and incident grouping time on a generated
//! corpus of N articles. Reports medians; nothing here is a pass/fail test.

use std::time::{Duration, Instant};

use crate::analysis::incidents::{IncidentIndex, group_incidents};
use crate::analysis::search::{Query, SearchFilters, SearchIndex};
use crate::corpus::{Document, embedded_seeds, load_bytes};
use crate::extract::dates::MONTH_NAMES as MONTHS;
use crate::pipeline::Corpus;

pub use crate::bench::Rng;

/// Places and months substituted into generated articles, so that generated events spread
/// over many incidents instead of repeating the seeds' few.
const PLACES: &[&str] = &[
    "Kurram",
    "Bajaur",
    "Khyber",
    "Mohmand",
    "Orakzai",
    "Bannu",
    "Lakki Marwat",
    "Tank",
    "Dera Ismail Khan",
    "North Waziristan",
    "South Waziristan",
    "Chitral",
    "Dir",
    "Swat",
    "Peshawar",
    "Quetta",
    "Zhob",
    "Chaman",
    "Paktika",
    "Khost",
    "Paktia",
    "Nangarhar",
    "Kunar",
    "Kandahar",
    "Helmand",
    "Kabul",
    "Ghazni",
    "Nuristan",
];

/// Generate `n` articles by recombining paragraphs of the embedded seeds, with place
/// names, months and years varied.
pub fn generate_docs(n: usize, seed: u64) -> Vec<Document> {
    let seeds = embedded_seeds();
    let paragraphs: Vec<String> = seeds
        .iter()
        .flat_map(|d| {
            d.clean
                .split("\n\n")
                .map(str::trim)
                .filter(|p| p.len() > 80)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    if paragraphs.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    (0..n)
        .filter_map(|i| {
            let k = 4 + rng.below(5);
            let place = PLACES[rng.below(PLACES.len())];
            let month = MONTHS[rng.below(MONTHS.len())];
            let year = 2019 + rng.below(8);
            let mut text = format!("Generated report {i}: violence in {place}\n\n");
            for _ in 0..k {
                let p = &paragraphs[rng.below(paragraphs.len())];
                let p = p
                    .replace("Paktika", place)
                    .replace("Orakzai", place)
                    .replace("Nangarhar", place)
                    .replace("February", month)
                    .replace("October", month)
                    .replace("2025", &year.to_string())
                    .replace("2026", &year.to_string());
                text.push_str(&p);
                text.push_str("\n\n");
            }
            load_bytes(&format!("gen_{i:05}.txt"), text.as_bytes()).ok()
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn pct(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Queries of every kind the search supports.
pub const BENCH_QUERIES: &[&str] = &[
    "pakistan",
    "taliban",
    "airstrikes",
    "border",
    "ceasefire",
    "kurram",
    "\"afghan taliban\"",
    "\"border posts\"",
    "\"national security committee\"",
    "strik*",
    "milit*",
    "pak*",
    "pakistan afghanistan",
    "ttp militants killed",
    "talks -doha",
    "\"cross-border\" strikes",
    "khawaja asif",
    "terror* sanctuaries",
    "drone",
    "nonexistentword",
];

/// `bench search`: build the index over `n` generated articles, then time every query of
/// [`BENCH_QUERIES`] (plus filtered variants) repeatedly; prints medians. Returns 0.
pub fn bench_search(n: usize) -> i32 {
    let t = Instant::now();
    let corpus = Corpus::build(generate_docs(n, 7));
    let extract_time = t.elapsed();
    let mut builds = Vec::new();
    let mut index = SearchIndex::new();
    for _ in 0..3 {
        let t = Instant::now();
        index = SearchIndex::build(&corpus);
        builds.push(t.elapsed());
    }
    // incremental add of one document
    let mut adds = Vec::new();
    let extra = generate_docs(1, 99);
    for d in extra.iter().take(1) {
        for _ in 0..5 {
            let mut idx = index.clone();
            let t = Instant::now();
            idx.add_document(d, &[], 0, &[], 0);
            adds.push(t.elapsed());
        }
    }
    let filters = [
        SearchFilters::default(),
        SearchFilters { event_type: Some("Battles".into()), ..Default::default() },
        SearchFilters { place: Some("Kurram".into()), ..Default::default() },
        SearchFilters { from: Some("2024-01".into()), to: Some("2025-12".into()), ..Default::default() },
    ];
    let mut lat = Vec::new();
    let mut hits_total = 0usize;
    for round in 0..5 {
        for q in BENCH_QUERIES {
            for f in &filters {
                let t = Instant::now();
                let query = Query::parse(q);
                let hits = index.search(&corpus.docs, &query, f, 20);
                lat.push(t.elapsed());
                if round == 0 {
                    hits_total += hits.len();
                }
            }
        }
    }
    println!(
        "search: {} articles ({} records: documents, {} quotes, {} events); extraction {:.1} s",
        corpus.docs.len(),
        index.len(),
        corpus.quotes.len(),
        corpus.events.len(),
        extract_time.as_secs_f64()
    );
    println!(
        "search: index build median {:.0} ms (3 runs); add one document median {:.2} ms",
        ms(median(builds)),
        ms(median(adds))
    );
    println!(
        "search: {} queries ({} distinct x {} filter sets x 5 rounds), {} hits per round: latency median {:.2} ms, p95 {:.2} ms, max {:.2} ms (target < 50 ms)",
        lat.len(),
        BENCH_QUERIES.len(),
        filters.len(),
        hits_total,
        ms(median(lat.clone())),
        ms(pct(lat.clone(), 0.95)),
        ms(lat.iter().copied().max().unwrap_or_default())
    );
    0
}

/// `bench incidents`: group the events of `n` generated articles from scratch (median of
/// 5), and time joining one more article's events incrementally. Returns 0.
pub fn bench_incidents(n: usize) -> i32 {
    let t = Instant::now();
    let corpus = Corpus::build(generate_docs(n, 11));
    let extract_time = t.elapsed();
    let mut runs = Vec::new();
    let mut count = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let inc = group_incidents(&corpus.events);
        runs.push(t.elapsed());
        count = inc.len();
    }
    // incremental: the last article's events joining the rest
    let last = corpus.docs.last().map(|d| d.id.clone()).unwrap_or_default();
    let split = corpus.events.iter().position(|e| e.doc == last).unwrap_or(corpus.events.len());
    let mut base = IncidentIndex::new();
    base.add_events(&corpus.events[..split]);
    let mut adds = Vec::new();
    for _ in 0..5 {
        let mut idx = base.clone();
        let t = Instant::now();
        idx.add_events(&corpus.events[split..]);
        let _ = idx.incidents(&corpus.events);
        adds.push(t.elapsed());
    }
    let multi = corpus.incidents.iter().filter(|i| i.sources.len() > 1).count();
    println!(
        "incidents: {} articles, {} events -> {} incidents ({} reported by 2+ sources); extraction {:.1} s",
        corpus.docs.len(),
        corpus.events.len(),
        count,
        multi,
        extract_time.as_secs_f64()
    );
    println!(
        "incidents: grouping from scratch median {:.0} ms (5 runs); one article joining incrementally median {:.1} ms",
        ms(median(runs)),
        ms(median(adds))
    );
    0
}
