//! `briefing-builder bench`: throughput and latency on generated corpora. Reports medians.

/// Run the named benchmark(s); returns the exit code.
pub fn run(what: &str, mb: usize, docs: usize) -> i32 {
    #[cfg(feature = "gui")]
    if what == "ui" {
        return crate::app::ui_bench::run(docs);
    }
    // STUB (extraction helper completes; other helpers add their sections).
    let _ = (what, mb, docs);
    eprintln!("briefing-builder: bench is not implemented yet");
    1
}
