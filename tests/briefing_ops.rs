#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Briefing model and edit operations: every edit, undo/redo, history limits, keyboard
//! reordering, picking extraction results, word count and page estimate.

use briefing_builder::analysis::{Conflict, Incident};
use briefing_builder::briefing::ops::{Edit, EditError, History, MAX_UNDO};
use briefing_builder::briefing::{
    AnchorStatus, BlockContent, Briefing, ItemId, QuoteItem, SectionKind, SourceDoc, estimative, pick,
};
use briefing_builder::corpus::{Document, Span, load_bytes, resolve_anchor};
use briefing_builder::extract::{Event, Location, Quote};
use briefing_builder::pipeline::Corpus;

fn text(md: &str) -> BlockContent {
    BlockContent::Text { markdown: md.to_string() }
}

fn sec(b: &Briefing, kind: SectionKind) -> ItemId {
    b.section_of_kind(kind).unwrap().id
}

fn add_text(h: &mut History, b: &mut Briefing, section: ItemId, md: &str) -> ItemId {
    h.apply(b, pick::text_edit(md, section, usize::MAX)).unwrap().unwrap()
}

fn block_texts(b: &Briefing, section: ItemId) -> Vec<String> {
    let i = b.section_index(section).unwrap();
    b.sections[i]
        .blocks
        .iter()
        .map(|bl| match &bl.content {
            BlockContent::Text { markdown } => markdown.clone(),
            other => other.kind_label().to_string(),
        })
        .collect()
}

fn snapshot(id: &str, text: &str) -> SourceDoc {
    SourceDoc { id: id.to_string(), file: id.to_string(), text: text.to_string(), ..Default::default() }
}

// ---------- every edit ----------

#[test]
fn template_has_the_standard_sections_and_fresh_ids() {
    let mut b = Briefing::from_template();
    let kinds: Vec<_> = b.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SectionKind::Bluf,
            SectionKind::Background,
            SectionKind::KeyDevelopments,
            SectionKind::KeyQuotes,
            SectionKind::Assessment,
            SectionKind::Outlook,
            SectionKind::Sources
        ]
    );
    let ids = b.all_ids();
    let id = b.new_id();
    assert!(!ids.contains(&id));
    assert!(b.new_id().0 > id.0);
}

#[test]
fn set_meta_add_rename_move_remove_section() {
    let mut b = Briefing::from_template();
    let mut meta = b.meta.clone();
    meta.title = "Border escalation".into();
    meta.marking = "OFFICIAL-SENSITIVE".into();
    b.apply_edit(Edit::SetMeta(meta.clone())).unwrap();
    assert_eq!(b.meta, meta);

    let n = b.sections.len();
    let id = b
        .apply_edit(Edit::AddSection { index: 1, kind: SectionKind::Custom, title: "Annex".into() })
        .unwrap()
        .unwrap();
    assert_eq!(b.sections.len(), n + 1);
    assert_eq!(b.sections[1].id, id);
    assert_eq!(b.sections[1].title, "Annex");
    // Index past the end is clamped: appended.
    let last = b
        .apply_edit(Edit::AddSection { index: 999, kind: SectionKind::Custom, title: "Last".into() })
        .unwrap()
        .unwrap();
    assert_eq!(b.sections.last().unwrap().id, last);

    b.apply_edit(Edit::RenameSection(id, "Annex A".into())).unwrap();
    assert_eq!(b.sections[1].title, "Annex A");

    b.apply_edit(Edit::MoveSection(id, 0)).unwrap();
    assert_eq!(b.sections[0].id, id);
    b.apply_edit(Edit::MoveSection(id, usize::MAX)).unwrap();
    assert_eq!(b.sections.last().unwrap().id, id);

    b.apply_edit(Edit::RemoveSection(id)).unwrap();
    assert!(b.section_index(id).is_none());
    assert_eq!(b.sections.len(), n + 1);
}

#[test]
fn insert_update_note_restore_remove_block() {
    let mut b = Briefing::from_template();
    let bluf = sec(&b, SectionKind::Bluf);
    let quote = BlockContent::Quote(QuoteItem {
        text: "We will respond".into(),
        speaker: "A. Minister".into(),
        role: Some("Defence Minister".into()),
        cue: Some("said".into()),
    });
    let src = snapshot("a.txt", "He said: We will respond. Then left.");
    let cite = briefing_builder::briefing::Citation {
        source: "a.txt".into(),
        anchor: briefing_builder::corpus::Anchor::from_span(&src.text, Span::new(9, 24)),
        status: AnchorStatus::Exact,
    };
    let id = b
        .apply_edit(Edit::InsertBlock {
            section: bluf,
            index: 0,
            content: quote.clone(),
            original: Some(quote.clone()),
            citations: vec![cite.clone()],
            sources: vec![src.clone()],
        })
        .unwrap()
        .unwrap();
    assert_eq!(b.sources.get("a.txt"), Some(&src));
    assert_eq!(b.block(id).unwrap().citations, vec![cite]);
    assert!(!b.block(id).unwrap().is_edited());

    // Insert at a clamped index appends; at 0 prepends.
    let t1 = b.apply_edit(pick::text_edit("after", bluf, 99)).unwrap().unwrap();
    let t0 = b.apply_edit(pick::text_edit("before", bluf, 0)).unwrap().unwrap();
    assert_eq!(block_texts(&b, bluf), ["before", "Quote", "after"]);
    assert!(b.block(t0).unwrap().original.is_none());

    let edited =
        BlockContent::Quote(QuoteItem { role: Some("Minister of Defence".into()), ..Default::default() });
    b.apply_edit(Edit::UpdateBlock(id, edited.clone())).unwrap();
    assert_eq!(b.block(id).unwrap().content, edited);
    assert!(b.block(id).unwrap().is_edited());
    b.apply_edit(Edit::RestoreOriginal(id)).unwrap();
    assert_eq!(b.block(id).unwrap().content, quote);
    assert!(!b.block(id).unwrap().is_edited());

    // Restore on free text (no original) changes nothing.
    let before = b.clone();
    b.apply_edit(Edit::RestoreOriginal(t1)).unwrap();
    assert_eq!(b, before);

    b.apply_edit(Edit::SetNote(id, "Check against ISPR release".into())).unwrap();
    assert_eq!(b.block(id).unwrap().note, "Check against ISPR release");

    b.apply_edit(Edit::RemoveBlock(id)).unwrap();
    assert!(b.block(id).is_none());
    assert_eq!(block_texts(&b, bluf), ["before", "after"]);
}

#[test]
fn move_block_within_and_across_sections() {
    let mut b = Briefing::from_template();
    let (s1, s2) = (sec(&b, SectionKind::Bluf), sec(&b, SectionKind::Background));
    let ids: Vec<_> = ["a", "b", "c"]
        .iter()
        .map(|t| b.apply_edit(pick::text_edit(*t, s1, usize::MAX)).unwrap().unwrap())
        .collect();
    b.apply_edit(Edit::MoveBlock { block: ids[0], section: s1, index: 2 }).unwrap();
    assert_eq!(block_texts(&b, s1), ["b", "c", "a"]);
    b.apply_edit(Edit::MoveBlock { block: ids[1], section: s2, index: 5 }).unwrap();
    assert_eq!(block_texts(&b, s1), ["c", "a"]);
    assert_eq!(block_texts(&b, s2), ["b"]);
    // Identity is kept across the move.
    assert_eq!(b.block_position(ids[1]), Some((b.section_index(s2).unwrap(), 0)));
}

#[test]
fn unknown_ids_fail_and_change_nothing() {
    let mut b = Briefing::from_template();
    let s = sec(&b, SectionKind::Bluf);
    let blk = b.apply_edit(pick::text_edit("x", s, 0)).unwrap().unwrap();
    let ghost = ItemId(9_999);
    let before = b.clone();
    let edits = vec![
        Edit::RemoveSection(ghost),
        Edit::RenameSection(ghost, "x".into()),
        Edit::MoveSection(ghost, 0),
        pick::text_edit("x", ghost, 0),
        Edit::UpdateBlock(ghost, text("y")),
        Edit::SetNote(ghost, "n".into()),
        Edit::RestoreOriginal(ghost),
        Edit::RemoveBlock(ghost),
        Edit::MoveBlock { block: ghost, section: s, index: 0 },
        Edit::MoveBlock { block: blk, section: ghost, index: 0 },
    ];
    for e in edits {
        assert_eq!(b.apply_edit(e.clone()), Err(EditError::NotFound(9_999)), "{e:?}");
        assert_eq!(b, before, "{e:?} changed the briefing");
    }
}

#[test]
fn batch_is_all_or_nothing() {
    let mut b = Briefing::from_template();
    let s = sec(&b, SectionKind::Bluf);
    let before = b.clone();
    let bad = Edit::Batch(vec![pick::text_edit("one", s, 0), Edit::RemoveBlock(ItemId(4242))]);
    assert!(b.apply_edit(bad).is_err());
    assert_eq!(b, before);
    let good = Edit::Batch(vec![pick::text_edit("one", s, 0), pick::text_edit("two", s, 1)]);
    let last = b.apply_edit(good).unwrap().unwrap();
    assert_eq!(block_texts(&b, s), ["one", "two"]);
    assert_eq!(b.block_position(last).map(|p| p.1), Some(1));
    // One undo step for the whole batch.
    let mut h = History::default();
    let mut c = before.clone();
    h.apply(&mut c, Edit::Batch(vec![pick::text_edit("1", s, 0), pick::text_edit("2", s, 0)])).unwrap();
    assert_eq!(h.undo_depth(), 1);
    assert!(h.undo(&mut c));
    assert_eq!(c, before);
}

// ---------- history ----------

#[test]
fn undo_redo_sequences_restore_every_state() {
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let s = sec(&b, SectionKind::KeyDevelopments);
    let mut states = vec![b.clone()];
    let a = add_text(&mut h, &mut b, s, "alpha");
    states.push(b.clone());
    add_text(&mut h, &mut b, s, "beta");
    states.push(b.clone());
    h.apply(&mut b, Edit::UpdateBlock(a, text("ALPHA"))).unwrap();
    states.push(b.clone());
    h.apply(&mut b, Edit::MoveSection(s, 0)).unwrap();
    states.push(b.clone());
    h.apply(&mut b, Edit::RemoveBlock(a)).unwrap();
    states.push(b.clone());
    assert_eq!(h.undo_depth(), 5);

    for i in (0..5).rev() {
        assert!(h.undo(&mut b));
        assert_eq!(b, states[i], "after undo to state {i}");
    }
    assert!(!h.undo(&mut b));
    assert!(!h.can_undo());
    for (i, state) in states.iter().enumerate().skip(1) {
        assert!(h.redo(&mut b));
        assert_eq!(&b, state, "after redo to state {i}");
    }
    assert!(!h.redo(&mut b));
    // Undo twice, redo once: the middle state.
    h.undo(&mut b);
    h.undo(&mut b);
    h.redo(&mut b);
    assert_eq!(b, states[4]);
}

#[test]
fn a_new_edit_clears_redo() {
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let s = sec(&b, SectionKind::Bluf);
    add_text(&mut h, &mut b, s, "one");
    add_text(&mut h, &mut b, s, "two");
    h.undo(&mut b);
    assert!(h.can_redo());
    add_text(&mut h, &mut b, s, "three");
    assert!(!h.can_redo());
    assert!(!h.redo(&mut b));
    assert_eq!(block_texts(&b, s), ["one", "three"]);
}

#[test]
fn no_op_and_failed_edits_record_nothing() {
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let s = sec(&b, SectionKind::Bluf);
    let same = b.sections[0].title.clone();
    h.apply(&mut b, Edit::RenameSection(s, same)).unwrap();
    assert!(!h.can_undo());
    assert!(h.apply(&mut b, Edit::RemoveBlock(ItemId(777))).is_err());
    assert!(!h.can_undo());
    // A no-op after an undo keeps the redo step.
    add_text(&mut h, &mut b, s, "x");
    h.undo(&mut b);
    h.apply(&mut b, Edit::MoveSection(s, 0)).unwrap();
    assert!(h.can_redo());
}

#[test]
fn history_keeps_at_most_max_undo_steps() {
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let s = sec(&b, SectionKind::Bluf);
    let id = add_text(&mut h, &mut b, s, "0");
    let extra = 30;
    let mut after_first = None;
    for i in 1..(MAX_UNDO + extra) {
        h.apply(&mut b, Edit::UpdateBlock(id, text(&i.to_string()))).unwrap();
        if i == extra - 1 {
            after_first = Some(b.clone());
        }
    }
    assert_eq!(h.undo_depth(), MAX_UNDO);
    let mut n = 0;
    while h.undo(&mut b) {
        n += 1;
    }
    assert_eq!(n, MAX_UNDO);
    // The oldest steps were dropped: undoing everything lands on the state after step 29.
    assert_eq!(Some(b.clone()), after_first);
    assert_eq!(h.redo_depth(), MAX_UNDO);
}

#[test]
fn typing_merges_into_one_step_until_sealed() {
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let s = sec(&b, SectionKind::Bluf);
    let id = add_text(&mut h, &mut b, s, "");
    let start = b.clone();
    for t in ["P", "Pa", "Pak", "Paki"] {
        h.apply_typing(&mut b, Edit::UpdateBlock(id, text(t))).unwrap();
    }
    assert_eq!(h.undo_depth(), 2);
    h.seal();
    h.apply_typing(&mut b, Edit::UpdateBlock(id, text("Pakistan"))).unwrap();
    assert_eq!(h.undo_depth(), 3);
    // Another field starts its own step.
    h.apply_typing(&mut b, Edit::SetNote(id, "n".into())).unwrap();
    h.apply_typing(&mut b, Edit::SetNote(id, "no".into())).unwrap();
    assert_eq!(h.undo_depth(), 4);
    h.undo(&mut b);
    assert_eq!(b.block(id).unwrap().note, "");
    h.undo(&mut b);
    assert_eq!(b.block(id).unwrap().content, text("Paki"));
    h.undo(&mut b);
    assert_eq!(b, start);
    // After an undo, typing opens a fresh group (and clears redo).
    h.apply_typing(&mut b, Edit::UpdateBlock(id, text("X"))).unwrap();
    assert!(!h.can_redo());
    assert_eq!(h.undo_depth(), 2);
    // A non-typing edit closes the group.
    h.apply(&mut b, Edit::MoveSection(s, 1)).unwrap();
    h.apply_typing(&mut b, Edit::UpdateBlock(id, text("XY"))).unwrap();
    assert_eq!(h.undo_depth(), 4);
}

#[test]
fn snapshots_share_unchanged_sources() {
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let s = sec(&b, SectionKind::Background);
    let long = "word ".repeat(20_000);
    let src = snapshot("long.txt", &long);
    let edit = Edit::InsertBlock {
        section: s,
        index: 0,
        content: BlockContent::Excerpt { text: "word".into() },
        original: Some(BlockContent::Excerpt { text: "word".into() }),
        citations: vec![],
        sources: vec![src],
    };
    let id = h.apply(&mut b, edit).unwrap().unwrap();
    for i in 0..50 {
        h.apply(&mut b, Edit::SetNote(id, format!("note {i}"))).unwrap();
    }
    // 51 steps, but only two source maps: before the source was added, and after.
    assert_eq!(h.undo_depth(), 51);
    assert_eq!(h.distinct_source_maps(), 2);
    while h.undo(&mut b) {}
    assert!(b.sources.is_empty());
    while h.redo(&mut b) {}
    assert_eq!(b.sources.get("long.txt").map(|d| d.text.len()), Some(long.len()));
    h.clear();
    assert!(!h.can_undo() && !h.can_redo());
}

// ---------- keyboard reordering ----------

#[test]
fn move_up_and_down_cross_section_boundaries() {
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let s0 = b.sections[0].id;
    let s1 = b.sections[1].id;
    let a = add_text(&mut h, &mut b, s0, "a");
    let c = add_text(&mut h, &mut b, s0, "c");
    let d = add_text(&mut h, &mut b, s1, "d");
    // Top of the first section: nowhere to go.
    assert_eq!(b.move_block_up(a), None);
    let e = b.move_block_down(a).unwrap();
    h.apply(&mut b, e).unwrap();
    assert_eq!(block_texts(&b, s0), ["c", "a"]);
    // Bottom of a section goes to the top of the next.
    let e = b.move_block_down(a).unwrap();
    h.apply(&mut b, e).unwrap();
    assert_eq!(block_texts(&b, s0), ["c"]);
    assert_eq!(block_texts(&b, s1), ["a", "d"]);
    // Top of a section goes to the end of the previous.
    let e = b.move_block_up(a).unwrap();
    h.apply(&mut b, e).unwrap();
    assert_eq!(block_texts(&b, s0), ["c", "a"]);
    let e = b.move_block_up(a).unwrap();
    h.apply(&mut b, e).unwrap();
    assert_eq!(block_texts(&b, s0), ["a", "c"]);
    // Move to another section: appended there; already last there → None.
    let e = b.move_block_to_section(c, s1).unwrap();
    h.apply(&mut b, e).unwrap();
    assert_eq!(block_texts(&b, s1), ["d", "c"]);
    assert_eq!(b.move_block_to_section(c, s1), None);
    // Bottom of the last section: nowhere to go.
    let last = b.sections.last().unwrap().id;
    let z = add_text(&mut h, &mut b, last, "z");
    assert_eq!(b.move_block_down(z), None);
    assert_eq!(b.move_block_up(ItemId(5555)), None);
    let _ = d;
    // Sections.
    assert_eq!(b.move_section_up(s0), None);
    let e = b.move_section_down(s0).unwrap();
    h.apply(&mut b, e).unwrap();
    assert_eq!(b.sections[1].id, s0);
    assert_eq!(b.move_section_down(last), None);
    let e = b.move_section_up(s0).unwrap();
    h.apply(&mut b, e).unwrap();
    assert_eq!(b.sections[0].id, s0);
    // Every move is undoable.
    let depth = h.undo_depth();
    assert!(depth >= 8);
}

// ---------- picking ----------

const ARTICLE: &str = "Border town hit by shelling\n\nThe provincial governor said on Tuesday that “the shelling destroyed forty homes near the crossing,” adding that aid would arrive. Officials reported that 12 people were killed in the shelling of Lowerfield on 3 March 2025.\n\nA second paragraph explains the background to the dispute in some detail.";
const ARTICLE_B: &str = "Dispute over casualty figures\n\nLocal elders said 30 villagers died when shells struck Lowerfield early on 3 March 2025, a figure the army rejects.";

fn doc(name: &str, text: &str) -> Document {
    load_bytes(name, text.as_bytes()).unwrap()
}

fn span_of(d: &Document, needle: &str) -> Span {
    let s = d.clean.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", d.clean));
    Span::new(s, s + needle.len())
}

fn quote_in(d: &Document, words: &str) -> Quote {
    let span = span_of(d, words);
    Quote {
        doc: d.id.clone(),
        text: words.to_string(),
        span,
        speaker: "Provincial governor".into(),
        speaker_in_text: Some("The provincial governor said".into()),
        role: Some("governor of the province".into()),
        cue: Some("said".into()),
        confidence: 0.9,
        anchor: d.anchor(span),
    }
}

fn event_in(d: &Document, sentence: &str, fatalities: u32) -> Event {
    let span = span_of(d, sentence);
    Event {
        doc: d.id.clone(),
        evidence: sentence.to_string(),
        span,
        anchor: Default::default(), // left empty on purpose: the pick rebuilds it
        what: "Shelling of Lowerfield".into(),
        event_type: "Explosions/Remote violence".into(),
        sub_type: "Shelling/artillery/missile attack".into(),
        date: Some("2025-03-03".into()),
        date_text: Some("on 3 March 2025".into()),
        locations: vec![Location { text: "Lowerfield".into(), place: None }],
        country: None,
        actors: vec!["army".into()],
        fatalities: Some(fatalities),
        fatalities_claimed_by: Some("officials".into()),
        victims: None,
        reported: None,
    }
}

#[test]
fn quote_event_and_excerpt_picks_cite_their_source() {
    let d = doc("gov.txt", ARTICLE);
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let kq = sec(&b, SectionKind::KeyQuotes);
    let q = quote_in(&d, "the shelling destroyed forty homes near the crossing,");
    let qid = h.apply(&mut b, pick::quote_edit(&d, &q, kq, usize::MAX)).unwrap().unwrap();
    let blk = b.block(qid).unwrap();
    match &blk.content {
        BlockContent::Quote(item) => {
            assert_eq!(item.text, q.text);
            assert_eq!(item.attribution(), "Provincial governor, governor of the province");
        }
        other => panic!("not a quote: {other:?}"),
    }
    assert_eq!(blk.original.as_ref(), Some(&blk.content));
    assert_eq!(blk.citations.len(), 1);
    let src = &b.sources["gov.txt"];
    assert_eq!(src.text, d.clean);
    let found = resolve_anchor(&src.text, &blk.citations[0].anchor).span().unwrap();
    assert_eq!(&src.text[found.start..found.end], q.text);

    let sentence =
        "Officials reported that 12 people were killed in the shelling of Lowerfield on 3 March 2025.";
    let e = event_in(&d, sentence, 12);
    let kd = sec(&b, SectionKind::KeyDevelopments);
    let eid = h.apply(&mut b, pick::event_edit(&d, &e, kd, 0)).unwrap().unwrap();
    let blk = b.block(eid).unwrap();
    assert_eq!(blk.citations[0].anchor.exact, sentence, "empty extractor anchor is rebuilt from the span");
    match &blk.content {
        BlockContent::Event(ev) => {
            assert_eq!(ev.locations, ["Lowerfield"]);
            assert_eq!(ev.fatalities_text().as_deref(), Some("12 (per officials)"));
        }
        other => panic!("not an event: {other:?}"),
    }

    // Excerpt: surrounding white space trimmed; blank selection gives nothing.
    let para = span_of(&d, "A second paragraph explains the background to the dispute in some detail.");
    let sel = Span::new(para.start - 2, para.end);
    let xid = h.apply(&mut b, pick::excerpt_edit(&d, sel, kd, usize::MAX).unwrap()).unwrap().unwrap();
    match &b.block(xid).unwrap().content {
        BlockContent::Excerpt { text } => assert!(text.starts_with("A second") && text.ends_with("detail.")),
        other => panic!("not an excerpt: {other:?}"),
    }
    let blank = d.clean.find("\n\n").unwrap();
    assert!(pick::excerpt_edit(&d, Span::new(blank, blank + 2), kd, 0).is_none());
    assert!(pick::excerpt_edit(&d, Span::new(d.clean.len() + 5, d.clean.len() + 9), kd, 0).is_none());

    // One snapshot per source however often it is cited.
    assert_eq!(b.sources.len(), 1);
    assert_eq!(b.cited_sources(), ["gov.txt"]);
    assert_eq!(b.source_list().len(), 1);
    assert_eq!(b.pick_count(), 3);
}

fn two_source_corpus() -> Corpus {
    let a = doc("a.txt", ARTICLE);
    let bdoc = doc("b.txt", ARTICLE_B);
    let ea = event_in(
        &a,
        "Officials reported that 12 people were killed in the shelling of Lowerfield on 3 March 2025.",
        12,
    );
    let mut eb = event_in(
        &bdoc,
        "Local elders said 30 villagers died when shells struck Lowerfield early on 3 March 2025, a figure the army rejects.",
        30,
    );
    eb.fatalities_claimed_by = Some("local elders".into());
    let incident = Incident {
        events: vec![0, 1],
        date: Some("2025-03-03".into()),
        locations: vec!["Lowerfield".into()],
        actors: vec!["army".into()],
        event_type: "Explosions/Remote violence".into(),
        sub_type: "Shelling/artillery/missile attack".into(),
        sources: vec!["a.txt".into(), "b.txt".into()],
        fatalities_min: Some(12),
        fatalities_max: Some(30),
        conflicts: vec![Conflict {
            field: "fatalities".into(),
            claims: vec![
                ("a.txt".into(), "12".into(), Some("officials".into())),
                ("b.txt".into(), "30".into(), Some("local elders".into())),
            ],
            summary: "Officials report 12 dead; local elders report 30.".into(),
        }],
        summary: "Shelling of Lowerfield".into(),
    };
    let undated = Incident {
        date: None,
        summary: "Later unrest".into(),
        events: vec![1],
        sources: vec!["b.txt".into()],
        conflicts: vec![],
        fatalities_min: None,
        fatalities_max: None,
        ..incident.clone()
    };
    let earlier = Incident {
        date: Some("2025-02".into()),
        summary: "Earlier raid.".into(),
        events: vec![0],
        sources: vec!["a.txt".into()],
        conflicts: vec![],
        fatalities_min: Some(2),
        fatalities_max: Some(2),
        ..incident.clone()
    };
    Corpus {
        docs: vec![a, bdoc],
        quotes: vec![],
        events: vec![ea, eb],
        incidents: vec![undated, incident, earlier],
    }
}

#[test]
fn incident_pick_cites_all_sources_and_shows_the_conflict() {
    let corpus = two_source_corpus();
    let mut b = Briefing::from_template();
    let mut h = History::default();
    let kd = sec(&b, SectionKind::KeyDevelopments);
    let id = h.apply(&mut b, pick::incident_edit(&corpus, &corpus.incidents[1], kd, 0)).unwrap().unwrap();
    let blk = b.block(id).unwrap();
    let sources: Vec<_> = blk.citations.iter().map(|c| c.source.as_str()).collect();
    assert_eq!(sources, ["a.txt", "b.txt"]);
    assert_eq!(b.sources.len(), 2);
    match &blk.content {
        BlockContent::Incident(i) => {
            assert_eq!(i.source_count, 2);
            assert_eq!(i.reported_by(), "Reported by 2 sources");
            assert_eq!(i.fatalities_text().as_deref(), Some("12–30 (figures differ between sources)"));
            assert!(i.is_disputed());
            assert_eq!(i.conflicts, ["Officials report 12 dead; local elders report 30."]);
        }
        other => panic!("not an incident: {other:?}"),
    }
    for c in &blk.citations {
        let text = &b.sources[&c.source].text;
        assert!(resolve_anchor(text, &c.anchor).span().is_some());
    }
}

#[test]
fn chronology_is_dated_sorted_and_cited() {
    let corpus = two_source_corpus();
    let mut b = Briefing::from_template();
    let kd = sec(&b, SectionKind::KeyDevelopments);
    assert!(pick::chronology_edit(&corpus, &[42], kd, 0).is_none());
    let edit = pick::chronology_edit(&corpus, &[0, 1, 2], kd, 0).unwrap();
    let id = b.apply_edit(edit).unwrap().unwrap();
    let blk = b.block(id).unwrap();
    let BlockContent::Text { markdown } = &blk.content else { panic!("not text") };
    let lines: Vec<_> = markdown.lines().collect();
    assert_eq!(lines.len(), 3);
    // Sentences are built from the fields: sub-type, actor, places, sources and figures.
    assert_eq!(
        lines[0],
        "- **Feb 2025** — Army shelling in Lowerfield (1 source; 2 killed according to officials)."
    );
    assert_eq!(
        lines[1],
        "- **3 Mar 2025** — Army shelling in Lowerfield (2 sources; 12–30 killed, figures disputed)."
    );
    assert!(
        lines[2].starts_with("- **Date unknown** — Army shelling in Lowerfield (1 source"),
        "{}",
        lines[2]
    );
    let mut cited = b.cited_sources();
    cited.sort();
    assert_eq!(cited, ["a.txt", "b.txt"]);
}

// ---------- counts ----------

#[test]
fn word_count_and_page_estimate_grow_with_content() {
    let mut b = Briefing::from_template();
    let empty_words = b.word_count();
    assert_eq!(b.estimated_pages(), 1.0);
    let s = sec(&b, SectionKind::Background);
    b.apply_edit(pick::text_edit("Five words in this paragraph.", s, 0)).unwrap();
    assert_eq!(b.word_count(), empty_words + 5);
    // Markdown markers alone are not words.
    b.apply_edit(pick::text_edit("- **bold** item\n\n> quoted", s, 1)).unwrap();
    assert_eq!(b.word_count(), empty_words + 5 + 3);
    // About 500 words a page: 1,500 words of text is three pages and a bit.
    let long = "word ".repeat(1_500);
    b.apply_edit(pick::text_edit(long, s, 2)).unwrap();
    let pages = b.estimated_pages();
    assert!((3.0..3.6).contains(&pages), "{pages}");
    // Picked items add their overhead.
    let corpus = two_source_corpus();
    let before = b.estimated_pages();
    b.apply_edit(pick::incident_edit(&corpus, &corpus.incidents[1], s, 0)).unwrap();
    assert!(b.estimated_pages() > before);
    // Notes count.
    let words = b.word_count();
    let id = b.sections[b.section_index(s).unwrap()].blocks[0].id;
    b.apply_edit(Edit::SetNote(id, "three more words".into())).unwrap();
    assert_eq!(b.word_count(), words + 3);
}

#[test]
fn prune_sources_and_repair_ids() {
    let corpus = two_source_corpus();
    let mut b = Briefing::from_template();
    let s = sec(&b, SectionKind::Background);
    let id = b.apply_edit(pick::incident_edit(&corpus, &corpus.incidents[1], s, 0)).unwrap().unwrap();
    assert_eq!(b.prune_sources(), 0);
    b.apply_edit(Edit::RemoveBlock(id)).unwrap();
    assert_eq!(b.prune_sources(), 2);
    assert!(b.sources.is_empty());

    // A hand-edited file with a duplicate id and a stale counter.
    let x = b.apply_edit(pick::text_edit("x", s, 0)).unwrap().unwrap();
    let y = b.apply_edit(pick::text_edit("y", s, 1)).unwrap().unwrap();
    let si = b.section_index(s).unwrap();
    b.sections[si].blocks[1].id = x;
    b.next_id = 1;
    assert!(b.repair_ids());
    let ids = b.all_ids();
    let mut dedup = ids.clone();
    dedup.sort();
    dedup.dedup();
    assert_eq!(ids.len(), dedup.len());
    assert!(ids.iter().all(|i| i.0 < b.next_id));
    assert!(!b.repair_ids());
    let _ = y;
}

#[test]
fn estimative_terms_are_the_icd_203_set() {
    let terms: Vec<_> = estimative::LIKELIHOOD_TERMS.iter().map(|t| t.term).collect();
    assert_eq!(
        terms,
        [
            "almost no chance",
            "very unlikely",
            "unlikely",
            "roughly even chance",
            "likely",
            "very likely",
            "almost certain"
        ]
    );
    let levels: Vec<_> = estimative::CONFIDENCE_LEVELS.iter().map(|c| c.term).collect();
    assert_eq!(levels, ["low confidence", "moderate confidence", "high confidence"]);
    assert!(estimative::CONFIDENCE_LEVELS.iter().all(|c| !c.meaning.is_empty()));
}

// ---------- random edit sequences ----------

mod sequences {
    use super::*;
    use proptest::prelude::*;

    /// An edit described by numbers, resolved against the briefing's current state.
    #[derive(Debug, Clone)]
    enum Op {
        AddText(usize, usize, String),
        AddSection(usize, String),
        RemoveSection(usize),
        Rename(usize, String),
        MoveSection(usize, usize),
        Update(usize, String),
        Note(usize, String),
        Restore(usize),
        Remove(usize),
        Move(usize, usize, usize),
        Up(usize),
        Down(usize),
        Typing(usize, String),
        Seal,
        Undo,
        Redo,
    }

    fn op() -> impl Strategy<Value = Op> {
        let s = "[a-z ]{0,8}";
        prop_oneof![
            (any::<usize>(), any::<usize>(), s).prop_map(|(a, b, t)| Op::AddText(a, b, t)),
            (any::<usize>(), s).prop_map(|(a, t)| Op::AddSection(a, t)),
            any::<usize>().prop_map(Op::RemoveSection),
            (any::<usize>(), s).prop_map(|(a, t)| Op::Rename(a, t)),
            (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::MoveSection(a, b)),
            (any::<usize>(), s).prop_map(|(a, t)| Op::Update(a, t)),
            (any::<usize>(), s).prop_map(|(a, t)| Op::Note(a, t)),
            any::<usize>().prop_map(Op::Restore),
            any::<usize>().prop_map(Op::Remove),
            (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(a, b, c)| Op::Move(a, b, c)),
            any::<usize>().prop_map(Op::Up),
            any::<usize>().prop_map(Op::Down),
            (any::<usize>(), s).prop_map(|(a, t)| Op::Typing(a, t)),
            Just(Op::Seal),
            Just(Op::Undo),
            Just(Op::Redo),
        ]
    }

    fn section(b: &Briefing, i: usize) -> Option<ItemId> {
        (!b.sections.is_empty()).then(|| b.sections[i % b.sections.len()].id)
    }

    fn block(b: &Briefing, i: usize) -> Option<ItemId> {
        let all: Vec<ItemId> = b.sections.iter().flat_map(|s| s.blocks.iter().map(|x| x.id)).collect();
        (!all.is_empty()).then(|| all[i % all.len()])
    }

    fn to_edit(b: &Briefing, op: &Op) -> Option<Edit> {
        Some(match op.clone() {
            Op::AddText(s, i, t) => pick::text_edit(t, section(b, s)?, i % 4),
            Op::AddSection(i, t) => Edit::AddSection { index: i % 9, kind: SectionKind::Custom, title: t },
            Op::RemoveSection(s) => Edit::RemoveSection(section(b, s)?),
            Op::Rename(s, t) => Edit::RenameSection(section(b, s)?, t),
            Op::MoveSection(s, to) => Edit::MoveSection(section(b, s)?, to % 9),
            Op::Update(x, t) => Edit::UpdateBlock(block(b, x)?, text(&t)),
            Op::Note(x, t) => Edit::SetNote(block(b, x)?, t),
            Op::Restore(x) => Edit::RestoreOriginal(block(b, x)?),
            Op::Remove(x) => Edit::RemoveBlock(block(b, x)?),
            Op::Move(x, s, i) => {
                Edit::MoveBlock { block: block(b, x)?, section: section(b, s)?, index: i % 5 }
            }
            Op::Up(x) => b.move_block_up(block(b, x)?)?,
            Op::Down(x) => b.move_block_down(block(b, x)?)?,
            Op::Typing(..) | Op::Seal | Op::Undo | Op::Redo => return None,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// Whatever the user does, undoing everything gets back the start and redoing
        /// everything gets back the end, through exactly the states seen on the way.
        #[test]
        fn undo_all_then_redo_all(ops in prop::collection::vec(op(), 1..40)) {
            let mut b = Briefing::from_template();
            let mut h = History::default();
            for op in &ops {
                match op {
                    Op::Undo => { h.undo(&mut b); }
                    Op::Redo => { h.redo(&mut b); }
                    Op::Seal => h.seal(),
                    Op::Typing(x, t) => {
                        if let Some(id) = block(&b, *x) {
                            h.apply_typing(&mut b, Edit::UpdateBlock(id, text(t))).unwrap();
                        }
                    }
                    other => {
                        if let Some(e) = to_edit(&b, other) {
                            h.apply(&mut b, e).unwrap();
                        }
                    }
                }
                // Ids stay unique and below next_id whatever happens.
                let ids = b.all_ids();
                let mut d = ids.clone();
                d.sort();
                d.dedup();
                prop_assert_eq!(d.len(), ids.len());
                prop_assert!(ids.iter().all(|i| i.0 < b.next_id));
            }
            let end = b.clone();
            let redo_at_end = h.redo_depth();
            let mut seen = vec![b.clone()];
            while h.undo(&mut b) {
                seen.push(b.clone());
            }
            prop_assert!(seen.len() <= MAX_UNDO + 1);
            seen.pop();
            while let Some(expected) = seen.pop() {
                prop_assert!(h.redo(&mut b));
                prop_assert_eq!(&b, &expected);
            }
            prop_assert_eq!(h.redo_depth(), redo_at_end);
            prop_assert_eq!(b, end);
        }
    }
}
