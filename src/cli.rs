//! Command-line interface: `extract`, `export`, `search`, `bench`. With no subcommand the
//! binary opens the GUI.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::{self, Document};
use crate::pipeline::{Corpus, extract_json};

/// Briefing Builder: turn news articles into a traceable briefing note.
#[derive(Debug, Parser)]
#[command(name = "briefing-builder", version, about)]
pub struct Cli {
    /// Subcommand; none opens the GUI.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Paper size argument.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaperArg {
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load files (or the embedded seeds) and print the extracted documents, quotes, events and incidents.
    Extract {
        /// Text files to load; none loads the embedded seed articles.
        files: Vec<PathBuf>,
        /// Print one JSON object to stdout.
        #[arg(long)]
        json: bool,
    },
    /// Export a draft to PDF and/or Markdown.
    Export {
        /// The `.briefing` draft.
        draft: PathBuf,
        /// Write a PDF here.
        #[arg(long)]
        pdf: Option<PathBuf>,
        /// Write Markdown here.
        #[arg(long)]
        md: Option<PathBuf>,
        /// Paper size of the PDF.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// Leave the analyst's notes out.
        #[arg(long)]
        no_notes: bool,
    },
    /// Full-text search over files (or the embedded seeds).
    Search {
        /// Query: words, "quoted phrases", prefix*.
        query: String,
        /// Text files to search; none searches the embedded seeds.
        files: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Most hits to print.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Filters (the same as the app's Search, Timeline and Map).
        #[command(flatten)]
        filters: FilterArgs,
    },
    /// Measure throughput and latency on a generated corpus.
    Bench {
        /// What to measure: all, extract, search, incidents, pdf, ui.
        #[arg(default_value = "all")]
        what: String,
        /// Size of the generated corpus in MB (extraction benchmark).
        #[arg(long, default_value_t = 50)]
        mb: usize,
        /// Number of documents for the search/incident/UI benchmarks.
        #[arg(long, default_value_t = 10_000)]
        docs: usize,
        /// Timed repetitions per measurement; the report gives their medians.
        #[arg(long, default_value_t = 5)]
        reps: usize,
    },
}

/// Load `files`, or the embedded seeds when empty. Errors are printed to stderr once
/// each; returns the documents loaded and whether any file failed.
pub fn load_files_or_seeds(files: &[PathBuf]) -> (Vec<Document>, bool) {
    if files.is_empty() {
        return (corpus::embedded_seeds(), false);
    }
    let mut docs = Vec::new();
    let mut failed = false;
    for r in corpus::load_paths(files, |_| {}) {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("briefing-builder: {e}");
                failed = true;
            }
        }
    }
    corpus::make_ids_unique(&mut docs);
    (docs, failed)
}

/// Run a subcommand; returns the process exit code.
pub fn run(command: Command) -> i32 {
    match command {
        Command::Extract { files, json } => {
            let (docs, failed) = load_files_or_seeds(&files);
            let corpus = Corpus::build(docs);
            let mut out = std::io::stdout().lock();
            let res = if json {
                serde_json::to_writer_pretty(&mut out, &extract_json(&corpus))
                    .map_err(std::io::Error::other)
                    .and_then(|_| writeln!(out))
            } else {
                print_summary(&mut out, &corpus)
            };
            if let Err(e) = res {
                eprintln!("briefing-builder: cannot write output: {e}");
                return 1;
            }
            if failed { 2 } else { 0 }
        }
        Command::Export { draft, pdf, md, paper, no_notes } => {
            crate::export::cli::run(&draft, pdf.as_deref(), md.as_deref(), paper, no_notes)
        }
        Command::Search { query, files, json, limit, filters } => {
            crate::analysis::search::cli_run(&query, &files, json, limit, &filters.into_filters())
        }
        Command::Bench { what, mb, docs, reps } => crate::bench::run(&what, mb, docs, reps),
    }
}

fn print_summary(out: &mut impl Write, corpus: &Corpus) -> std::io::Result<()> {
    for d in &corpus.docs {
        let q = corpus.quotes.iter().filter(|q| q.doc == d.id).count();
        let e = corpus.events.iter().filter(|e| e.doc == d.id).count();
        writeln!(out, "{}  {}  ({} quotes, {} events)", d.file, d.display_title(), q, e)?;
    }
    writeln!(
        out,
        "{} documents, {} quotes, {} events, {} incidents",
        corpus.docs.len(),
        corpus.quotes.len(),
        corpus.events.len(),
        corpus.incidents.len()
    )
}

/// Search filters on the command line: text fields match case-insensitively as parts of
/// the record's field; dates are ISO (`2025`, `2025-10`, `2025-10-12`).
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Events of this ACLED type or sub-type only ("Battles", "drone").
    #[arg(long = "type")]
    pub event_type: Option<String>,
    /// Records dated on or after this date.
    #[arg(long)]
    pub from: Option<String>,
    /// Records dated on or before this date.
    #[arg(long)]
    pub to: Option<String>,
    /// Quotes by this speaker only.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Records naming this actor.
    #[arg(long)]
    pub actor: Option<String>,
    /// Records at or naming this place.
    #[arg(long)]
    pub place: Option<String>,
    /// Records from this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Kinds of record to return (repeatable); all when absent.
    #[arg(long, value_enum)]
    pub kind: Vec<KindArg>,
}

/// A kind of search record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Whole documents.
    Document,
    /// Attributed quotes.
    Quote,
    /// Events.
    Event,
}

impl FilterArgs {
    /// The search's filter model.
    pub fn into_filters(self) -> crate::analysis::search::SearchFilters {
        use crate::analysis::search::Kind;
        crate::analysis::search::SearchFilters {
            from: self.from,
            to: self.to,
            speaker: self.speaker,
            actor: self.actor,
            place: self.place,
            event_type: self.event_type,
            outlet: self.outlet,
            kinds: self
                .kind
                .into_iter()
                .map(|k| match k {
                    KindArg::Document => Kind::Document,
                    KindArg::Quote => Kind::Quote,
                    KindArg::Event => Kind::Event,
                })
                .collect(),
        }
    }
}
