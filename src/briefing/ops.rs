//! Edit operations on a briefing, with undo/redo.
//!
//! Every change to a [`Briefing`] is an [`Edit`] applied through [`History::apply`], which
//! records a snapshot so the edit can be undone. Snapshots hold the title block, the
//! sections and the id counter by value (small) and share the source snapshots (the bulk:
//! full article texts) through an [`Arc`] as long as they do not change, so 200 undo steps of
//! a briefing citing many long articles cost little more than the sections themselves.
//!
//! Typing in a text field should not make one undo step per keystroke: send those edits
//! through [`History::apply_typing`], which merges consecutive edits of the same field into
//! one step until [`History::seal`] (call it when the field loses focus) or any other edit.
//!
//! Keyboard reordering: [`Briefing::move_block_up`], [`Briefing::move_block_down`],
//! [`Briefing::move_section_up`] and [`Briefing::move_section_down`] return the [`Edit`] to
//! apply (or `None` at the ends).

use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

use super::{Block, BlockContent, Briefing, BriefingMeta, Citation, ItemId, Section, SectionKind, SourceDoc};

/// Most undo steps kept.
pub const MAX_UNDO: usize = 200;

/// One user-level change to a briefing.
// Edits are short-lived values passed by move; boxing the large variant buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace the title block.
    SetMeta(BriefingMeta),
    /// Add a section of `kind` with `title` at `index` (clamped).
    AddSection {
        /// Position.
        index: usize,
        /// Kind.
        kind: SectionKind,
        /// Heading.
        title: String,
    },
    /// Remove a section and its blocks.
    RemoveSection(ItemId),
    /// Rename a section.
    RenameSection(ItemId, String),
    /// Move a section to a new position (clamped).
    MoveSection(ItemId, usize),
    /// Insert a block into a section at `index` (clamped; `usize::MAX` appends).
    InsertBlock {
        /// Target section.
        section: ItemId,
        /// Position.
        index: usize,
        /// Content.
        content: BlockContent,
        /// Content as picked (for restore); `None` for free text.
        original: Option<BlockContent>,
        /// Citations, with the cited sources' snapshots to add to the briefing.
        citations: Vec<Citation>,
        /// Snapshots of the cited sources.
        sources: Vec<super::SourceDoc>,
    },
    /// Replace a block's content.
    UpdateBlock(ItemId, BlockContent),
    /// Set a block's note.
    SetNote(ItemId, String),
    /// Restore a picked block's original content.
    RestoreOriginal(ItemId),
    /// Remove a block.
    RemoveBlock(ItemId),
    /// Move a block to `section` at `index` (clamped; may be the same section).
    MoveBlock {
        /// The block.
        block: ItemId,
        /// Target section.
        section: ItemId,
        /// Position in the target section after removal from the old place.
        index: usize,
    },
    /// Several edits as one undo step, applied in order; if one fails, none is applied.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No section or block has that id.
    #[error("no section or item with id {0}")]
    NotFound(u64),
}

impl Briefing {
    /// Position of a section.
    pub fn section_index(&self, id: ItemId) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// (section index, block index) of a block.
    pub fn block_position(&self, id: ItemId) -> Option<(usize, usize)> {
        self.sections
            .iter()
            .enumerate()
            .find_map(|(si, s)| s.blocks.iter().position(|b| b.id == id).map(|bi| (si, bi)))
    }

    /// The block with this id.
    pub fn block(&self, id: ItemId) -> Option<&Block> {
        self.block_position(id).map(|(s, b)| &self.sections[s].blocks[b])
    }

    fn block_mut(&mut self, id: ItemId) -> Result<&mut Block, EditError> {
        let (s, b) = self.block_position(id).ok_or(EditError::NotFound(id.0))?;
        Ok(&mut self.sections[s].blocks[b])
    }

    /// Apply an edit in place (no history). Returns the id of a created section or block.
    pub fn apply_edit(&mut self, edit: Edit) -> Result<Option<ItemId>, EditError> {
        match edit {
            Edit::SetMeta(meta) => self.meta = meta,
            Edit::AddSection { index, kind, title } => {
                let id = self.new_id();
                let index = index.min(self.sections.len());
                self.sections.insert(index, Section { id, kind, title, blocks: Vec::new() });
                return Ok(Some(id));
            }
            Edit::RemoveSection(id) => {
                let i = self.section_index(id).ok_or(EditError::NotFound(id.0))?;
                self.sections.remove(i);
            }
            Edit::RenameSection(id, title) => {
                let i = self.section_index(id).ok_or(EditError::NotFound(id.0))?;
                self.sections[i].title = title;
            }
            Edit::MoveSection(id, to) => {
                let i = self.section_index(id).ok_or(EditError::NotFound(id.0))?;
                let s = self.sections.remove(i);
                let to = to.min(self.sections.len());
                self.sections.insert(to, s);
            }
            Edit::InsertBlock { section, index, content, original, citations, sources } => {
                let si = self.section_index(section).ok_or(EditError::NotFound(section.0))?;
                for src in sources {
                    self.sources.entry(src.id.clone()).or_insert(src);
                }
                let id = self.new_id();
                let blocks = &mut self.sections[si].blocks;
                let index = index.min(blocks.len());
                blocks.insert(index, Block { id, content, original, note: String::new(), citations });
                return Ok(Some(id));
            }
            Edit::UpdateBlock(id, content) => self.block_mut(id)?.content = content,
            Edit::SetNote(id, note) => self.block_mut(id)?.note = note,
            Edit::RestoreOriginal(id) => {
                let b = self.block_mut(id)?;
                if let Some(o) = b.original.clone() {
                    b.content = o;
                }
            }
            Edit::RemoveBlock(id) => {
                let (s, b) = self.block_position(id).ok_or(EditError::NotFound(id.0))?;
                self.sections[s].blocks.remove(b);
            }
            Edit::MoveBlock { block, section, index } => {
                let (s, b) = self.block_position(block).ok_or(EditError::NotFound(block.0))?;
                let to = self.section_index(section).ok_or(EditError::NotFound(section.0))?;
                let moved = self.sections[s].blocks.remove(b);
                let blocks = &mut self.sections[to].blocks;
                let index = index.min(blocks.len());
                blocks.insert(index, moved);
            }
            Edit::Batch(edits) => {
                let backup = self.clone();
                let mut created = None;
                for e in edits {
                    match self.apply_edit(e) {
                        Ok(Some(id)) => created = Some(id),
                        Ok(None) => {}
                        Err(err) => {
                            *self = backup;
                            return Err(err);
                        }
                    }
                }
                return Ok(created);
            }
        }
        Ok(None)
    }

    /// The edit that moves a block one place up: within its section, or from the top of a
    /// section to the end of the previous one. `None` at the very top or for an unknown id.
    pub fn move_block_up(&self, id: ItemId) -> Option<Edit> {
        let (s, b) = self.block_position(id)?;
        if b > 0 {
            Some(Edit::MoveBlock { block: id, section: self.sections[s].id, index: b - 1 })
        } else if s > 0 {
            Some(Edit::MoveBlock { block: id, section: self.sections[s - 1].id, index: usize::MAX })
        } else {
            None
        }
    }

    /// The edit that moves a block one place down: within its section, or from the bottom of
    /// a section to the top of the next one. `None` at the very bottom or for an unknown id.
    pub fn move_block_down(&self, id: ItemId) -> Option<Edit> {
        let (s, b) = self.block_position(id)?;
        if b + 1 < self.sections[s].blocks.len() {
            Some(Edit::MoveBlock { block: id, section: self.sections[s].id, index: b + 1 })
        } else if s + 1 < self.sections.len() {
            Some(Edit::MoveBlock { block: id, section: self.sections[s + 1].id, index: 0 })
        } else {
            None
        }
    }

    /// The edit that moves a block to the end of another section (`None` if either is unknown
    /// or the block is already last there).
    pub fn move_block_to_section(&self, id: ItemId, section: ItemId) -> Option<Edit> {
        let (s, b) = self.block_position(id)?;
        let to = self.section_index(section)?;
        if s == to && b + 1 == self.sections[s].blocks.len() {
            return None;
        }
        Some(Edit::MoveBlock { block: id, section, index: usize::MAX })
    }

    /// The edit that moves a section one place up (`None` when first or unknown).
    pub fn move_section_up(&self, id: ItemId) -> Option<Edit> {
        let i = self.section_index(id)?;
        (i > 0).then(|| Edit::MoveSection(id, i - 1))
    }

    /// The edit that moves a section one place down (`None` when last or unknown).
    pub fn move_section_down(&self, id: ItemId) -> Option<Edit> {
        let i = self.section_index(id)?;
        (i + 1 < self.sections.len()).then(|| Edit::MoveSection(id, i + 1))
    }
}

/// The state of a briefing at one point of the history. Sources are shared between
/// snapshots while they do not change.
#[derive(Debug, Clone)]
struct Snapshot {
    meta: BriefingMeta,
    sections: Vec<Section>,
    next_id: u64,
    sources: Arc<BTreeMap<String, SourceDoc>>,
}

impl Snapshot {
    fn matches(&self, b: &Briefing) -> bool {
        self.next_id == b.next_id
            && self.meta == b.meta
            && self.sections == b.sections
            && *self.sources == b.sources
    }
}

/// The field a typing edit changes; consecutive typing edits of one field merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Meta,
    Block(ItemId),
    Note(ItemId),
    SectionTitle(ItemId),
}

fn typing_field(edit: &Edit) -> Option<Field> {
    match edit {
        Edit::SetMeta(_) => Some(Field::Meta),
        Edit::UpdateBlock(id, _) => Some(Field::Block(*id)),
        Edit::SetNote(id, _) => Some(Field::Note(*id)),
        Edit::RenameSection(id, _) => Some(Field::SectionTitle(*id)),
        _ => None,
    }
}

/// Undo/redo history of snapshots (at most [`MAX_UNDO`] undo steps).
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Snapshot>,
    redo: Vec<Snapshot>,
    /// The sources of the newest snapshot, shared with the next one when unchanged.
    shared: Option<Arc<BTreeMap<String, SourceDoc>>>,
    /// The field of the open typing group, if any.
    typing: Option<Field>,
}

impl History {
    fn snapshot(&mut self, b: &Briefing) -> Snapshot {
        let sources = match &self.shared {
            Some(arc) if **arc == b.sources => Arc::clone(arc),
            _ => {
                let arc = Arc::new(b.sources.clone());
                self.shared = Some(Arc::clone(&arc));
                arc
            }
        };
        Snapshot { meta: b.meta.clone(), sections: b.sections.clone(), next_id: b.next_id, sources }
    }

    fn restore(b: &mut Briefing, snap: Snapshot) {
        b.meta = snap.meta;
        b.sections = snap.sections;
        b.next_id = snap.next_id;
        if *snap.sources != b.sources {
            b.sources = (*snap.sources).clone();
        }
    }

    /// Apply an edit to `briefing`, recording the previous state for undo. An edit that
    /// changes nothing records no step; a failed edit changes nothing.
    pub fn apply(&mut self, briefing: &mut Briefing, edit: Edit) -> Result<Option<ItemId>, EditError> {
        self.typing = None;
        self.apply_inner(briefing, edit).map(|(created, _)| created)
    }

    /// Apply and record; also says whether a step was recorded.
    fn apply_inner(
        &mut self,
        briefing: &mut Briefing,
        edit: Edit,
    ) -> Result<(Option<ItemId>, bool), EditError> {
        let before = self.snapshot(briefing);
        let created = briefing.apply_edit(edit)?;
        let changed = !before.matches(briefing);
        if changed {
            self.undo.push_back(before);
            while self.undo.len() > MAX_UNDO {
                self.undo.pop_front();
            }
            self.redo.clear();
        }
        Ok((created, changed))
    }

    /// Apply a typing edit ([`Edit::SetMeta`], [`Edit::UpdateBlock`], [`Edit::SetNote`],
    /// [`Edit::RenameSection`]): consecutive typing edits of the same field form one undo
    /// step until [`History::seal`] or any other edit. Other edits behave as in
    /// [`History::apply`].
    pub fn apply_typing(&mut self, briefing: &mut Briefing, edit: Edit) -> Result<Option<ItemId>, EditError> {
        let field = typing_field(&edit);
        if field.is_some() && field == self.typing && !self.undo.is_empty() {
            let created = briefing.apply_edit(edit)?;
            self.redo.clear();
            return Ok(created);
        }
        let (created, changed) = self.apply_inner(briefing, edit)?;
        // Open a group only when this edit made a step (a no-op must not swallow the next one).
        self.typing = if changed { field } else { None };
        Ok(created)
    }

    /// Close the open typing group: the next typing edit starts a new undo step.
    pub fn seal(&mut self) {
        self.typing = None;
    }

    /// Undo the last edit; false when there is nothing to undo.
    pub fn undo(&mut self, briefing: &mut Briefing) -> bool {
        self.typing = None;
        match self.undo.pop_back() {
            Some(prev) => {
                let now = self.snapshot(briefing);
                self.redo.push(now);
                Self::restore(briefing, prev);
                true
            }
            None => false,
        }
    }

    /// Redo the last undone edit; false when there is nothing to redo.
    pub fn redo(&mut self, briefing: &mut Briefing) -> bool {
        self.typing = None;
        match self.redo.pop() {
            Some(next) => {
                let now = self.snapshot(briefing);
                self.undo.push_back(now);
                Self::restore(briefing, next);
                true
            }
            None => false,
        }
    }

    /// True when an undo step is available.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when a redo step is available.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of undo steps available.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Number of redo steps available.
    pub fn redo_depth(&self) -> usize {
        self.redo.len()
    }

    /// Number of distinct source-snapshot maps held by the history (shared ones count
    /// once); a measure of how much memory the snapshots take.
    pub fn distinct_source_maps(&self) -> usize {
        let mut ptrs: Vec<*const BTreeMap<String, SourceDoc>> =
            self.undo.iter().chain(self.redo.iter()).map(|s| Arc::as_ptr(&s.sources)).collect();
        ptrs.sort();
        ptrs.dedup();
        ptrs.len()
    }

    /// Forget all history (after New or Open).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.shared = None;
        self.typing = None;
    }
}
