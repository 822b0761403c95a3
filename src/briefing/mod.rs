//! The briefing model and its edit operations.
//!
//! A [`Briefing`] is metadata, an ordered list of [`Section`]s each holding [`Block`]s
//! (free Markdown text or picked items), and a snapshot of every source it cites, so a
//! draft opens on another machine. Edits go through [`ops`] so they can be undone.

pub mod ops;

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
