//! `briefing-builder bench`: throughput and latency on generated corpora. Reports medians.
//!
//! Sections: `extract` (ingestion + extraction of a generated corpus, one thread and all
//! cores). Other sections (`search`, `incidents`, `pdf`, `ui`) register in [`sections`];
//! `bench all` runs every registered section in order. The shared helpers here
//! ([`generate_corpus`], [`median`], [`peak_memory_kib`], [`time_reps`]) are for them too.

use std::time::Instant;

use rayon::prelude::*;

use crate::corpus::{self, Document};
use crate::extract::{self, sentences};

/// Parameters every section receives.
#[derive(Debug, Clone, Copy)]
pub struct BenchArgs {
    /// Size of the generated corpus in MB (10^6 bytes), for the extraction benchmark.
    pub mb: usize,
    /// Number of documents, for the search / incident / UI benchmarks.
    pub docs: usize,
    /// Timed repetitions per measurement (medians are reported).
    pub reps: usize,
}

/// A benchmark section: prints its report to stdout, or returns why it could not run.
pub type Section = fn(&BenchArgs) -> Result<(), String>;

/// Registered sections, in the order `bench all` runs them. Add yours here
/// (`out.push(("search", search_section))`); names not listed report "not available".
pub fn sections() -> Vec<(&'static str, Section)> {
    #[cfg_attr(not(feature = "gui"), allow(unused_mut))]
    let mut out: Vec<(&'static str, Section)> = vec![
        ("extract", bench_extract),
        ("search", bench_search),
        ("incidents", bench_incidents),
        ("pdf", bench_pdf),
        ("drafts", bench_drafts),
    ];
    #[cfg(feature = "gui")]
    out.push(("ui", bench_ui));
    out
}

/// Exit code of another helper's section as a `Result`.
fn code_to_result(name: &str, code: i32) -> Result<(), String> {
    if code == 0 { Ok(()) } else { Err(format!("{name} benchmark exited with code {code}")) }
}

/// The `search` section (`analysis::benchmarks::bench_search`) over `args.docs` articles.
fn bench_search(args: &BenchArgs) -> Result<(), String> {
    code_to_result("search", crate::analysis::benchmarks::bench_search(args.docs))
}

/// The `incidents` section (`analysis::benchmarks::bench_incidents`) over `args.docs` articles.
fn bench_incidents(args: &BenchArgs) -> Result<(), String> {
    code_to_result("incidents", crate::analysis::benchmarks::bench_incidents(args.docs))
}

/// The `pdf` section (`export::bench::run`): PDF export of a generated ~100-page briefing.
fn bench_pdf(args: &BenchArgs) -> Result<(), String> {
    let _ = args;
    code_to_result("pdf", crate::export::bench::run())
}

/// The `drafts` section (`draft::bench`): save, load, re-anchor and undo costs of large briefings.
fn bench_drafts(_args: &BenchArgs) -> Result<(), String> {
    code_to_result("drafts", crate::draft::bench::run())
}

/// The `ui` section: the GUI helper's frame-time benchmark (`app::ui_bench`).
#[cfg(feature = "gui")]
fn bench_ui(args: &BenchArgs) -> Result<(), String> {
    code_to_result("ui", crate::app::ui_bench::run(args.docs))
}

/// Section names the CLI accepts (registered or planned).
pub const KNOWN: &[&str] = &["extract", "search", "incidents", "pdf", "drafts", "ui"];

/// Run the named benchmark(s) with `reps` timed repetitions per measurement; returns the
/// exit code.
pub fn run(what: &str, mb: usize, docs: usize, reps: usize) -> i32 {
    let args = BenchArgs { mb: mb.max(1), docs: docs.max(1), reps: reps.max(1) };
    let all = sections();
    let selected: Vec<(&str, Section)> = match what {
        "all" => all,
        name => match all.into_iter().find(|(n, _)| *n == name) {
            Some(s) => vec![s],
            None if KNOWN.contains(&name) => {
                eprintln!("briefing-builder: bench section `{name}` is not available in this build");
                return 2;
            }
            None => {
                let names: Vec<&str> = std::iter::once("all").chain(KNOWN.iter().copied()).collect();
                eprintln!("briefing-builder: unknown bench section `{name}` (known: {})", names.join(", "));
                return 2;
            }
        },
    };
    let mut code = 0;
    for (name, f) in selected {
        println!("== bench {name}");
        if let Err(e) = f(&args) {
            eprintln!("briefing-builder: bench {name}: {e}");
            code = 1;
        }
    }
    if let Some(kib) = peak_memory_kib() {
        println!("peak memory (VmHWM): {:.1} MiB", kib as f64 / 1024.0);
    }
    code
}

/// Small deterministic PRNG (SplitMix64): the same seed gives the same corpus everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }
}

/// Sentences of the embedded seed articles (their clean text), the material the generated
/// corpora recombine.
pub fn seed_sentences() -> Vec<String> {
    let mut out = Vec::new();
    for d in corpus::embedded_seeds() {
        for s in sentences::split(&d.clean) {
            out.push(d.clean[s.start..s.end].to_string());
        }
    }
    out
}

/// Generate about `total_bytes` of news-like articles by recombining seed sentences:
/// a headline, a blank line, then paragraphs of 2–5 sentences, 3–9 KB per article.
/// Returns `(file name, bytes)` pairs; deterministic for a given `seed`.
pub fn generate_corpus(total_bytes: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    let pool = seed_sentences();
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0usize;
    if pool.is_empty() {
        return out;
    }
    while total < total_bytes {
        let target = 3_000 + rng.below(6_000);
        let mut text = String::with_capacity(target + 512);
        let headline = &pool[rng.below(pool.len())];
        text.push_str(headline.trim_end_matches(['.', '!', '?']));
        text.push_str("\n\n");
        while text.len() < target {
            let n = 2 + rng.below(4);
            for k in 0..n {
                if k > 0 {
                    text.push(' ');
                }
                text.push_str(&pool[rng.below(pool.len())]);
            }
            text.push_str("\n\n");
        }
        total += text.len();
        out.push((format!("gen_{:06}.txt", out.len()), text.into_bytes()));
    }
    out
}

/// Median of a list of measurements (0 for an empty list).
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 }
}

/// Run `f` `reps` times and return the median wall time in seconds.
pub fn time_reps(reps: usize, mut f: impl FnMut()) -> f64 {
    let mut secs: Vec<f64> = (0..reps.max(1))
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    median(&mut secs)
}

/// Peak resident memory of this process (VmHWM from /proc/self/status), in KiB; `None`
/// where /proc is not available.
pub fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Ingest and extract one file; returns the number of quotes + events (kept so the work
/// cannot be optimised away).
fn ingest_extract(name: &str, bytes: &[u8]) -> usize {
    match corpus::load_bytes(name, bytes) {
        Ok(doc) => {
            let x = extract::extract(&doc);
            x.quotes.len() + x.events.len() + 1
        }
        Err(_) => 0,
    }
}

fn fmt_rate(bytes: usize, docs: usize, secs: f64) -> String {
    let secs = secs.max(1e-9);
    format!("{:8.2} MB/s  {:9.0} articles/s  ({:.3} s)", bytes as f64 / 1e6 / secs, docs as f64 / secs, secs)
}

/// The `extract` section: ingestion (`corpus::load_bytes`) + extraction (`extract::extract`)
/// of a generated corpus of `args.mb` MB, on one thread and with rayon across documents, in
/// the pipeline's order (load every file, then extract the corpus) and, for comparison,
/// document by document.
pub fn bench_extract(args: &BenchArgs) -> Result<(), String> {
    let t = Instant::now();
    let files = generate_corpus(args.mb * 1_000_000, 0x5EED_B21E);
    if files.is_empty() {
        return Err("no seed sentences to build a corpus from".into());
    }
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let n = files.len();
    println!(
        "corpus: {n} articles, {:.1} MB generated from seed sentences in {:.2} s; {} repetitions, medians",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        args.reps
    );
    // Warm-up: compile lexicons and regexes once, outside the timings.
    for (name, b) in files.iter().take(20) {
        ingest_extract(name, b);
    }

    // Stage breakdown on one thread (ingestion, sentence splitting, full extraction).
    let docs: Vec<Document> = files.iter().filter_map(|(name, b)| corpus::load_bytes(name, b).ok()).collect();
    let load = time_reps(args.reps, || {
        let k: usize = files
            .iter()
            .filter_map(|(name, b)| corpus::load_bytes(name, b).ok())
            .map(|d| d.clean.len())
            .sum();
        std::hint::black_box(k);
    });
    let split = time_reps(args.reps, || {
        let k: usize = docs.iter().map(|d| sentences::split(&d.clean).len()).sum();
        std::hint::black_box(k);
    });
    let quotes_only = time_reps(args.reps, || {
        let k: usize = docs.iter().map(|d| extract::quotes::extract_quotes(d, &[]).len()).sum();
        std::hint::black_box(k);
    });
    let extract_only = time_reps(args.reps, || {
        let k: usize = docs.iter().map(extract::extract).map(|x| x.quotes.len() + x.events.len()).sum();
        std::hint::black_box(k);
    });
    drop(docs);

    // The pipeline's order (`cli`, the GUI's import job): every file is loaded, then the
    // corpus is extracted (`Corpus::build`).
    let pipeline = time_reps(args.reps, || {
        let docs: Vec<Document> =
            files.iter().filter_map(|(name, b)| corpus::load_bytes(name, b).ok()).collect();
        let k: usize = docs.iter().map(extract::extract).map(|x| x.quotes.len() + x.events.len()).sum();
        std::hint::black_box(k);
    });
    // Streaming: each document loaded and extracted before the next (the two stages' tables
    // then compete for the caches).
    let streaming = time_reps(args.reps, || {
        let k: usize = files.iter().map(|(name, b)| ingest_extract(name, b)).sum();
        std::hint::black_box(k);
    });
    let multi = time_reps(args.reps, || {
        let docs: Vec<Document> =
            files.par_iter().filter_map(|(name, b)| corpus::load_bytes(name, b).ok()).collect();
        let k: usize = docs.par_iter().map(extract::extract).map(|x| x.quotes.len() + x.events.len()).sum();
        std::hint::black_box(k);
    });
    let threads = rayon::current_num_threads();
    println!("  stage  ingestion (load_bytes)     {}", fmt_rate(bytes, n, load));
    println!("  stage  sentence splitting         {}", fmt_rate(bytes, n, split));
    println!("  stage  quotes (extract_quotes)    {}", fmt_rate(bytes, n, quotes_only));
    println!("  stage  extraction (extract)       {}", fmt_rate(bytes, n, extract_only));
    println!("  ingest+extract, 1 thread          {}", fmt_rate(bytes, n, pipeline));
    println!("  ingest+extract, 1 thread, per doc {}", fmt_rate(bytes, n, streaming));
    println!("  ingest+extract, {threads:2} threads        {}", fmt_rate(bytes, n, multi));
    println!(
        "  multi-core speed-up: {:.2}x on {threads} threads; target >= 20 MB/s per core: {}",
        pipeline / multi.max(1e-9),
        if bytes as f64 / 1e6 / pipeline.max(1e-9) >= 20.0 { "met" } else { "NOT met" }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_deterministic_and_sized() {
        let a = generate_corpus(200_000, 7);
        let b = generate_corpus(200_000, 7);
        assert_eq!(a, b);
        let total: usize = a.iter().map(|(_, x)| x.len()).sum();
        assert!((200_000..220_000).contains(&total), "{total}");
        assert!(a.iter().all(|(_, x)| std::str::from_utf8(x).is_ok()));
        assert_ne!(generate_corpus(50_000, 8), generate_corpus(50_000, 7));
    }

    #[test]
    fn median_and_rng() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), 2.5);
        assert_eq!(median(&mut []), 0.0);
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| r.below(10) < 10));
        assert_eq!(r.below(0), 0);
    }

    /// Writes ~400 generated articles to `$BB_GEN_DIR` (default `/tmp/gen`) for output
    /// identity checks of `extract --json` between two builds:
    /// `cargo test --lib write_generated_articles -- --ignored`.
    #[test]
    #[ignore]
    fn write_generated_articles() -> std::io::Result<()> {
        let dir = std::env::var("BB_GEN_DIR").unwrap_or_else(|_| "/tmp/gen".into());
        std::fs::create_dir_all(&dir)?;
        for (name, bytes) in generate_corpus(2_400_000, 0x1D_E471) {
            std::fs::write(std::path::Path::new(&dir).join(name), bytes)?;
        }
        Ok(())
    }

    #[test]
    fn unknown_section_is_an_error() {
        assert_eq!(run("no-such-section", 1, 1, 1), 2);
    }
}
