//! Briefing Builder: turn a pile of news articles into a traceable briefing note.
//!
//! The library is the whole product minus the window. One module per pipeline stage:
//!
//! | module | stage |
//! |---|---|
//! | [`corpus`] | load, decode, repair, metadata, provenance anchors |
//! | [`extract`] | sentences, quotes, events, dates, places, actors |
//! | [`analysis`] | incidents across sources, full-text search |
//! | [`briefing`] | the briefing model and its edit operations (with undo) |
//! | [`export`] | Markdown and PDF; returns `String` / bytes, no file I/O |
//! | [`draft`] | `.briefing` files: save, load, autosave, migrations |
//! | [`pipeline`] | a loaded corpus with its extraction, and the `extract --json` contract |
//! | [`cli`] | the `extract`, `export`, `search` and `bench` subcommands |
//!
//! The egui shell lives in `app` behind the default `gui` feature; nothing in the
//! core depends on it.

pub mod analysis;
pub mod bench;
pub mod briefing;
pub mod cli;
pub mod corpus;
pub mod draft;
pub mod export;
pub mod extract;
pub mod pipeline;

#[cfg(feature = "gui")]
pub mod app;
