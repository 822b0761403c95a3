//! Edit operations on a briefing, with undo/redo.
//!
//! Every change to a [`Briefing`] is an [`Edit`] applied through [`History::apply`], which
//! records a snapshot so the edit can be undone. Snapshots are whole briefings: simple,
//! obviously correct, and cheap at briefing sizes (a few hundred KB at most).

use super::{Block, BlockContent, Briefing, BriefingMeta, Citation, ItemId, Section, SectionKind};

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
        }
        Ok(None)
    }
}

/// Undo/redo history of snapshots.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Briefing>,
    redo: Vec<Briefing>,
}

impl History {
    /// Apply an edit to `briefing`, recording the previous state for undo.
    pub fn apply(&mut self, briefing: &mut Briefing, edit: Edit) -> Result<Option<ItemId>, EditError> {
        let before = briefing.clone();
        let created = briefing.apply_edit(edit)?;
        if *briefing != before {
            self.undo.push(before);
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
        Ok(created)
    }

    /// Undo the last edit; false when there is nothing to undo.
    pub fn undo(&mut self, briefing: &mut Briefing) -> bool {
        match self.undo.pop() {
            Some(prev) => {
                self.redo.push(std::mem::replace(briefing, prev));
                true
            }
            None => false,
        }
    }

    /// Redo the last undone edit; false when there is nothing to redo.
    pub fn redo(&mut self, briefing: &mut Briefing) -> bool {
        match self.redo.pop() {
            Some(next) => {
                self.undo.push(std::mem::replace(briefing, next));
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

    /// Forget all history (after New or Open).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
