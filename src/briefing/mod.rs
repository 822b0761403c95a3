//! The briefing model and its edit operations.
//!
//! A [`Briefing`] is metadata, an ordered list of [`Section`]s each holding [`Block`]s
//! (free Markdown text or picked items), and a snapshot of every source it cites, so a
//! draft opens on another machine. Edits go through [`ops`] so they can be undone.
//!
//! - [`pick`] turns extraction results (quotes, events, excerpts, incidents) into
//!   [`ops::Edit::InsertBlock`] edits with citations and source snapshots.
//! - [`estimative`] is the ICD 203 table of estimative terms for the Assessment section.
//! - [`Briefing::word_count`] and [`Briefing::estimated_pages`] feed the status bar.

pub mod estimative;
pub mod ops;
pub mod pick;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corpus::{Anchor, Document};

/// Identifier of a section or block, unique within a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemId(pub u64);

/// Title block of the briefing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BriefingMeta {
    /// Title.
    pub title: String,
    /// Author.
    pub author: String,
    /// Date of the briefing, ISO `YYYY-MM-DD`.
    pub date: String,
    /// Recipients ("PUS; Director South Asia").
    pub recipients: String,
    /// Handling marking ("OFFICIAL-SENSITIVE").
    pub marking: String,
    /// Free text under the title block (purpose, reference…).
    pub summary: String,
}

/// The role of a section; decides defaults such as the generated Sources list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SectionKind {
    /// Bottom line up front.
    Bluf,
    /// Background.
    Background,
    /// Key developments.
    KeyDevelopments,
    /// Key quotes.
    KeyQuotes,
    /// Assessment.
    Assessment,
    /// Outlook / recommendations.
    Outlook,
    /// Sources: generated from what the briefing cites.
    Sources,
    /// A section the user added.
    Custom,
}

impl SectionKind {
    /// Default title for a section of this kind.
    pub fn default_title(self) -> &'static str {
        match self {
            SectionKind::Bluf => "Bottom line up front",
            SectionKind::Background => "Background",
            SectionKind::KeyDevelopments => "Key developments",
            SectionKind::KeyQuotes => "Key quotes",
            SectionKind::Assessment => "Assessment",
            SectionKind::Outlook => "Outlook and recommendations",
            SectionKind::Sources => "Sources",
            SectionKind::Custom => "New section",
        }
    }
}

/// A section of the briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Identifier.
    pub id: ItemId,
    /// Role of the section.
    pub kind: SectionKind,
    /// Heading as shown (renamable).
    pub title: String,
    /// Paragraphs and picked items, in order.
    pub blocks: Vec<Block>,
}

/// Where a picked item comes from, and whether it can still be found there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Document id (key into [`Briefing::sources`]).
    pub source: String,
    /// Anchor of the cited passage in the source's clean text.
    pub anchor: Anchor,
    /// Result of the last re-anchoring.
    #[serde(default)]
    pub status: AnchorStatus,
}

/// Result of re-anchoring a citation when a draft is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum AnchorStatus {
    /// Found exactly where it was.
    #[default]
    Exact,
    /// Found, elsewhere or by context.
    Moved,
    /// The source is present but the passage can no longer be found.
    Lost,
    /// The source document is missing.
    MissingSource,
}

impl AnchorStatus {
    /// Short label for the editor ("Moved", "Not found in source", …); `None` when exact.
    pub fn label(self) -> Option<&'static str> {
        match self {
            AnchorStatus::Exact => None,
            AnchorStatus::Moved => Some("Found at a different place in the source"),
            AnchorStatus::Lost => Some("Passage no longer found in the source"),
            AnchorStatus::MissingSource => Some("Source missing from the draft"),
        }
    }

    /// True when the cited passage cannot be shown (lost, or no source).
    pub fn is_broken(self) -> bool {
        matches!(self, AnchorStatus::Lost | AnchorStatus::MissingSource)
    }
}

impl Citation {
    /// The byte span of the cited passage in `text` (a source's clean text), found by
    /// exact position, then context; `None` when it is gone.
    pub fn locate(&self, text: &str) -> Option<crate::corpus::Span> {
        crate::corpus::resolve_anchor(text, &self.anchor).span()
    }
}

/// A picked quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct QuoteItem {
    /// Quoted words.
    pub text: String,
    /// Speaker.
    pub speaker: String,
    /// Role / affiliation.
    pub role: Option<String>,
    /// Cue verb.
    pub cue: Option<String>,
}

/// A picked event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct EventItem {
    /// Summary of what happened.
    pub what: String,
    /// ISO / partial / range date.
    pub date: Option<String>,
    /// Date as written.
    pub date_text: Option<String>,
    /// ACLED type.
    pub event_type: String,
    /// ACLED sub-type.
    pub sub_type: String,
    /// Places.
    pub locations: Vec<String>,
    /// Actors.
    pub actors: Vec<String>,
    /// Fatalities.
    pub fatalities: Option<u32>,
    /// Who claims the fatality figure.
    pub fatalities_claimed_by: Option<String>,
    /// The evidence sentence.
    pub evidence: String,
}

/// A picked incident (one event reported by several sources).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct IncidentItem {
    /// Summary.
    pub what: String,
    /// Merged date.
    pub date: Option<String>,
    /// ACLED type.
    pub event_type: String,
    /// Places.
    pub locations: Vec<String>,
    /// Actors.
    pub actors: Vec<String>,
    /// Most conservative fatality figure.
    pub fatalities_min: Option<u32>,
    /// Highest fatality figure.
    pub fatalities_max: Option<u32>,
    /// Number of reporting sources.
    pub source_count: usize,
    /// Conflicting claims, one sentence each.
    pub conflicts: Vec<String>,
}

/// What a block holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BlockContent {
    /// A free-text paragraph (Markdown).
    Text {
        /// Markdown source.
        markdown: String,
    },
    /// A quote.
    Quote(QuoteItem),
    /// An event.
    Event(EventItem),
    /// An excerpt of a source.
    Excerpt {
        /// Excerpted text.
        text: String,
    },
    /// An incident.
    Incident(IncidentItem),
}

/// One paragraph or picked item in a section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// Identifier.
    pub id: ItemId,
    /// Current (possibly edited) content.
    pub content: BlockContent,
    /// Content as picked, kept so an edit can be undone by "restore original".
    /// `None` for free text written by the user.
    pub original: Option<BlockContent>,
    /// Analyst's note (empty when none).
    #[serde(default)]
    pub note: String,
    /// Sources cited by this block.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

impl Block {
    /// True when a picked item has been edited away from its original.
    pub fn is_edited(&self) -> bool {
        self.original.as_ref().is_some_and(|o| *o != self.content)
    }
}

/// Snapshot of a cited source document: enough to cite it and re-anchor picks in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SourceDoc {
    /// Document id.
    pub id: String,
    /// File name.
    pub file: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Clean text (what anchors point into).
    pub text: String,
}

impl SourceDoc {
    /// Snapshot a loaded document.
    pub fn from_document(doc: &Document) -> Self {
        SourceDoc {
            id: doc.id.clone(),
            file: doc.file.clone(),
            title: doc.meta.title.clone(),
            outlet: doc.meta.outlet.clone(),
            author: doc.meta.author.clone(),
            url: doc.meta.source_url.clone(),
            published: doc.meta.published.clone(),
            text: doc.clean.clone(),
        }
    }
}

/// A briefing note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// Title block.
    pub meta: BriefingMeta,
    /// Sections in order.
    pub sections: Vec<Section>,
    /// Every cited source, by document id.
    pub sources: BTreeMap<String, SourceDoc>,
    /// Next free [`ItemId`].
    pub next_id: u64,
}

impl Default for Briefing {
    fn default() -> Self {
        Self::from_template()
    }
}

impl Briefing {
    /// An empty briefing with the standard sections (BLUF … Sources).
    pub fn from_template() -> Self {
        let kinds = [
            SectionKind::Bluf,
            SectionKind::Background,
            SectionKind::KeyDevelopments,
            SectionKind::KeyQuotes,
            SectionKind::Assessment,
            SectionKind::Outlook,
            SectionKind::Sources,
        ];
        let sections = kinds
            .iter()
            .enumerate()
            .map(|(i, &kind)| Section {
                id: ItemId(i as u64 + 1),
                kind,
                title: kind.default_title().to_string(),
                blocks: Vec::new(),
            })
            .collect::<Vec<_>>();
        Briefing {
            meta: BriefingMeta {
                title: "Untitled briefing".to_string(),
                marking: "OFFICIAL".to_string(),
                ..Default::default()
            },
            next_id: sections.len() as u64 + 1,
            sections,
            sources: BTreeMap::new(),
        }
    }

    /// A fresh identifier.
    pub fn new_id(&mut self) -> ItemId {
        let id = ItemId(self.next_id);
        self.next_id += 1;
        id
    }

    /// Document ids cited anywhere in the briefing, in order of first citation.
    pub fn cited_sources(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for s in &self.sections {
            for b in &s.blocks {
                for c in &b.citations {
                    if !seen.contains(&c.source) {
                        seen.push(c.source.clone());
                    }
                }
            }
        }
        seen
    }
}

/// Words of printed text a page of the briefing holds (A4, 11 pt body, normal margins).
pub const WORDS_PER_PAGE: f32 = 500.0;

/// Word-equivalents of page space a picked item takes beyond its words (attribution line,
/// card spacing, footnote marker).
const ITEM_OVERHEAD_WORDS: f32 = 25.0;
/// Word-equivalents of a section heading and the space around it.
const SECTION_OVERHEAD_WORDS: f32 = 20.0;
/// Word-equivalents of one line in the generated Sources list.
const SOURCE_OVERHEAD_WORDS: f32 = 30.0;
/// Word-equivalents of the title block (marking, title, author, date, recipients).
const TITLE_BLOCK_WORDS: f32 = 60.0;

fn words(text: &str) -> usize {
    // Markdown markers (`**`, `-`, `#`, `>`) standing alone are not words.
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

impl QuoteItem {
    /// Attribution line as printed: `Speaker, role`.
    pub fn attribution(&self) -> String {
        match self.role.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
            Some(role) => format!("{}, {role}", self.speaker),
            None => self.speaker.clone(),
        }
    }
}

impl EventItem {
    /// Fatalities as printed: `12 (per ISPR)`, `12`, or `None` when unknown.
    pub fn fatalities_text(&self) -> Option<String> {
        self.fatalities.map(|n| match self.fatalities_claimed_by.as_deref() {
            Some(by) if !by.trim().is_empty() => format!("{n} (per {by})"),
            _ => n.to_string(),
        })
    }
}

impl IncidentItem {
    /// `Reported by 3 sources` / `Reported by 1 source`.
    pub fn reported_by(&self) -> String {
        match self.source_count {
            1 => "Reported by 1 source".to_string(),
            n => format!("Reported by {n} sources"),
        }
    }

    /// Fatalities as printed: `12`, `12–30 (figures differ between sources)`, or `None`.
    pub fn fatalities_text(&self) -> Option<String> {
        match (self.fatalities_min, self.fatalities_max) {
            (Some(lo), Some(hi)) if hi > lo => Some(format!("{lo}–{hi} (figures differ between sources)")),
            (Some(n), _) | (None, Some(n)) => Some(n.to_string()),
            (None, None) => None,
        }
    }

    /// True when the sources disagree (different figures or competing claims).
    pub fn is_disputed(&self) -> bool {
        !self.conflicts.is_empty()
            || matches!((self.fatalities_min, self.fatalities_max), (Some(lo), Some(hi)) if hi > lo)
    }
}

impl BlockContent {
    /// Short name of the kind of block ("Text", "Quote", "Event", "Excerpt", "Incident").
    pub fn kind_label(&self) -> &'static str {
        match self {
            BlockContent::Text { .. } => "Text",
            BlockContent::Quote(_) => "Quote",
            BlockContent::Event(_) => "Event",
            BlockContent::Excerpt { .. } => "Excerpt",
            BlockContent::Incident(_) => "Incident",
        }
    }

    /// True for picked items (everything but free text).
    pub fn is_pick(&self) -> bool {
        !matches!(self, BlockContent::Text { .. })
    }

    /// The words of the block as they print (text, attribution, event fields).
    pub fn printed_text(&self) -> String {
        match self {
            BlockContent::Text { markdown } => markdown.clone(),
            BlockContent::Excerpt { text } => text.clone(),
            BlockContent::Quote(q) => format!("{} — {}", q.text, q.attribution()),
            BlockContent::Event(e) => {
                let mut parts = vec![e.date.clone().unwrap_or_default(), e.what.clone()];
                parts.push(e.locations.join(", "));
                parts.push(e.actors.join(", "));
                parts.extend(e.fatalities_text());
                parts.join(" ")
            }
            BlockContent::Incident(i) => {
                let mut parts = vec![i.date.clone().unwrap_or_default(), i.what.clone()];
                parts.push(i.locations.join(", "));
                parts.push(i.actors.join(", "));
                parts.extend(i.fatalities_text());
                parts.push(i.reported_by());
                parts.extend(i.conflicts.iter().cloned());
                parts.join(" ")
            }
        }
    }
}

impl Briefing {
    /// Words that print: title block, section headings, blocks and notes.
    pub fn word_count(&self) -> usize {
        let m = &self.meta;
        let head = [&m.title, &m.author, &m.recipients, &m.summary].iter().map(|t| words(t)).sum::<usize>();
        head + self
            .sections
            .iter()
            .map(|s| {
                words(&s.title)
                    + s.blocks
                        .iter()
                        .map(|b| words(&b.content.printed_text()) + words(&b.note))
                        .sum::<usize>()
            })
            .sum::<usize>()
    }

    /// Number of picked items (quotes, events, excerpts, incidents).
    pub fn pick_count(&self) -> usize {
        self.sections.iter().flat_map(|s| &s.blocks).filter(|b| b.content.is_pick()).count()
    }

    /// Estimate of printed pages: words at [`WORDS_PER_PAGE`] plus the space headings,
    /// picked items and the generated Sources list take. At least 1 page.
    pub fn estimated_pages(&self) -> f32 {
        let sections = self.sections.iter().filter(|s| !s.blocks.is_empty()).count() as f32;
        let equivalent = TITLE_BLOCK_WORDS
            + self.word_count() as f32
            + ITEM_OVERHEAD_WORDS * self.pick_count() as f32
            + SECTION_OVERHEAD_WORDS * sections
            + SOURCE_OVERHEAD_WORDS * self.cited_sources().len() as f32;
        (equivalent / WORDS_PER_PAGE).max(1.0)
    }

    /// Snapshots of the cited sources in order of first citation (the generated Sources
    /// list). Citations of a source with no snapshot are skipped.
    pub fn source_list(&self) -> Vec<&SourceDoc> {
        self.cited_sources().iter().filter_map(|id| self.sources.get(id)).collect()
    }

    /// Drop snapshots of sources no block cites any more. Returns how many were dropped.
    pub fn prune_sources(&mut self) -> usize {
        let cited = self.cited_sources();
        let before = self.sources.len();
        self.sources.retain(|id, _| cited.contains(id));
        before - self.sources.len()
    }

    /// The section of a kind (the first one, when the user made several).
    pub fn section_of_kind(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// Every section and block id, in document order.
    pub fn all_ids(&self) -> Vec<ItemId> {
        self.sections
            .iter()
            .flat_map(|s| std::iter::once(s.id).chain(s.blocks.iter().map(|b| b.id)))
            .collect()
    }

    /// Make identifiers usable after loading a hand-edited or migrated file: duplicates get
    /// fresh ids and `next_id` is moved past every id in use. Returns true when anything changed.
    pub fn repair_ids(&mut self) -> bool {
        let mut changed = false;
        let max = self.all_ids().iter().map(|i| i.0).max().unwrap_or(0);
        if self.next_id <= max {
            self.next_id = max + 1;
            changed = true;
        }
        let mut seen = std::collections::HashSet::new();
        let mut next = self.next_id;
        for s in &mut self.sections {
            if !seen.insert(s.id) {
                s.id = ItemId(next);
                next += 1;
            }
            for b in &mut s.blocks {
                if !seen.insert(b.id) {
                    b.id = ItemId(next);
                    next += 1;
                }
            }
        }
        if next != self.next_id {
            self.next_id = next;
            changed = true;
        }
        changed
    }
}
