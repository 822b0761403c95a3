#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Headless GUI tests: drive the real app by accessible labels with egui_kittest (no display,
//! no GPU; the accessibility check is on, so every input must have a name).

use std::path::Path;

use briefing_builder::app::{AppConfig, AppState, BriefingApp, Pending, Tab};
use briefing_builder::briefing::{BlockContent, Briefing, SectionKind};
use briefing_builder::corpus::{Document, Span};
use briefing_builder::extract::{Event, Quote};
use briefing_builder::pipeline::Corpus;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};

const SPEAKER: &str = "Zelda Quorn";
const ACTOR: &str = "Vexley Brigade";

/// A span of whole characters in the middle of `doc`'s clean text.
fn span_in(doc: &Document, from_char: usize, len_chars: usize) -> Span {
    let idx: Vec<usize> = doc.clean.char_indices().map(|(b, _)| b).chain([doc.clean.len()]).collect();
    let a = from_char.min(idx.len() - 1);
    let b = (from_char + len_chars).min(idx.len() - 1);
    Span::new(idx[a], idx[b])
}

/// The five seeds with their extraction, plus one quote and one event with names of our own
/// (so the test does not depend on what the extractor finds), anchored on real text.
fn corpus() -> Corpus {
    let mut c = Corpus::build(briefing_builder::corpus::embedded_seeds());
    assert_eq!(c.docs.len(), 5, "the five seeds load");
    let d = c.docs[1].clone();
    let qs = span_in(&d, 40, 60);
    c.quotes.push(Quote {
        doc: d.id.clone(),
        text: d.span_text(qs).to_string(),
        span: qs,
        speaker: SPEAKER.to_string(),
        speaker_in_text: None,
        role: Some("spokesperson".to_string()),
        cue: Some("said".to_string()),
        confidence: 0.9,
        anchor: d.anchor(qs),
    });
    let es = span_in(&d, 120, 80);
    c.events.push(Event {
        doc: d.id.clone(),
        evidence: d.span_text(es).to_string(),
        span: es,
        anchor: d.anchor(es),
        what: "Test strike on a border post".to_string(),
        event_type: "Explosions/Remote violence".to_string(),
        sub_type: "Air/drone strike".to_string(),
        date: Some("2025-10-12".to_string()),
        date_text: Some("on Sunday".to_string()),
        locations: Vec::new(),
        country: Some("Pakistan".to_string()),
        actors: vec![ACTOR.to_string()],
        fatalities: Some(3),
        fatalities_claimed_by: None,
        victims: None,
        reported: None,
    });
    c
}

fn harness_with(state: AppState) -> Harness<'static, BriefingApp> {
    HarnessBuilder::default()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut BriefingApp| app.show(ui), BriefingApp::with_state(state))
}

fn harness(data_dir: &Path) -> Harness<'static, BriefingApp> {
    harness_with(AppState::new(corpus(), AppConfig::headless(Some(data_dir.to_path_buf()))))
}

fn cmd(h: &mut Harness<'_, BriefingApp>, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

fn click(h: &mut Harness<'_, BriefingApp>, label: &str) {
    let node = h.get_by_label(label);
    node.scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Click a button that starts background work: step instead of waiting for the UI to
/// settle (a progress bar may be animating).
fn click_start(h: &mut Harness<'_, BriefingApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(2);
}

fn type_into(h: &mut Harness<'_, BriefingApp>, label: &str, text: &str) {
    let node = h.get_by_label(label);
    node.scroll_to_me();
    h.run();
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

fn set_path(h: &mut Harness<'_, BriefingApp>, path: &Path) {
    h.get_by_label("File path").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label("File path").type_text(&path.display().to_string());
    h.run();
}

fn blocks_of(b: &Briefing, kind: SectionKind) -> Vec<BlockContent> {
    b.sections
        .iter()
        .filter(|s| s.kind == kind)
        .flat_map(|s| s.blocks.iter().map(|b| b.content.clone()))
        .collect()
}

#[test]
fn journey_pick_edit_reorder_undo_save_new_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();

    // The five seeds are listed by title.
    let titles: Vec<String> =
        h.state().state.corpus.docs.iter().map(|d| d.display_title().to_string()).collect();
    assert_eq!(titles.len(), 5);
    for t in &titles {
        assert!(h.query_all_by_label(t).count() >= 1, "seed {t:?} is listed");
    }

    // Open a document.
    h.get_all_by_label(&titles[1]).next().unwrap().click();
    h.run();
    assert_eq!(h.state().state.selected, Some(1));
    assert_eq!(h.state().state.prefs.tab, Tab::Reader);

    // Add a quote from the Quotes table.
    h.get_by_label_contains("Quotes (").click();
    h.run();
    type_into(&mut h, "Filter quotes by speaker", SPEAKER);
    assert_eq!(h.state().state.quote_rows.len(), 1);
    click(&mut h, "Add quote");
    let quotes = blocks_of(&h.state().state.briefing, SectionKind::KeyQuotes);
    assert!(matches!(&quotes[..], [BlockContent::Quote(q)] if q.speaker == SPEAKER));

    // Add an event from the Events table.
    h.get_by_label_contains("Events (").click();
    h.run();
    type_into(&mut h, "Filter events by actor", ACTOR);
    assert_eq!(h.state().state.event_rows.len(), 1);
    click(&mut h, "Add event");
    let events = blocks_of(&h.state().state.briefing, SectionKind::KeyDevelopments);
    assert!(matches!(&events[..], [BlockContent::Event(e)] if e.actors == [ACTOR.to_string()]));

    // Jump to the event's source: the Reader shows the document with the passage selected.
    click(&mut h, "Show event in source");
    assert_eq!(h.state().state.prefs.tab, Tab::Reader);
    assert_eq!(h.state().state.selected, Some(1));

    // Add an excerpt: click into the text, extend the selection with the keyboard.
    let text_rect = h.get_by_label("Document text").rect();
    let at = text_rect.min + egui::vec2(60.0, 12.0);
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
        h.run();
    }
    let sel = h.state().state.reader_selection.expect("a selection");
    assert!(!sel.is_empty(), "text is selected");
    click(&mut h, "Add as excerpt");
    let bg = blocks_of(&h.state().state.briefing, SectionKind::Background);
    let doc_text = h.state().state.corpus.docs[1].clean.clone();
    assert!(
        matches!(&bg[..], [BlockContent::Excerpt { text }] if !text.is_empty() && doc_text.contains(text.as_str()))
    );

    // Edit the BLUF.
    click(&mut h, "Add paragraph to Bottom line up front");
    type_into(&mut h, "Bottom line up front paragraph 1", "Cross-border strikes will likely continue.");
    let bluf = blocks_of(&h.state().state.briefing, SectionKind::Bluf);
    assert_eq!(
        bluf,
        vec![BlockContent::Text { markdown: "Cross-border strikes will likely continue.".to_string() }]
    );

    // Reorder: move the quote up, out of Key quotes into the end of Key developments.
    click(&mut h, "Move Quote 1 up");
    assert!(blocks_of(&h.state().state.briefing, SectionKind::KeyQuotes).is_empty());
    assert!(matches!(
        blocks_of(&h.state().state.briefing, SectionKind::KeyDevelopments).last(),
        Some(BlockContent::Quote(_))
    ));
    let moved = h.state().state.briefing.clone();

    // Undo and redo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(blocks_of(&h.state().state.briefing, SectionKind::KeyQuotes).len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    h.run();
    assert_eq!(h.state().state.briefing, moved);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().state.briefing, moved);

    // Save through the in-app path field (no native dialog in tests).
    let path = dir.path().join("journey.briefing");
    cmd(&mut h, Key::S);
    assert!(h.state().state.path_dialog.is_some(), "Save asks for a path");
    set_path(&mut h, &path);
    click(&mut h, "Save");
    assert!(path.is_file(), "draft written");
    assert!(!h.state().state.is_dirty());
    let saved = h.state().state.briefing.clone();

    // New briefing: empty template, nothing asked (no unsaved changes).
    cmd(&mut h, Key::N);
    assert_eq!(h.state().state.briefing, Briefing::from_template());
    assert!(h.state().state.prompt.is_none());

    // Reopen the draft: identical.
    cmd(&mut h, Key::O);
    set_path(&mut h, &path);
    click(&mut h, "Open");
    assert_eq!(h.state().state.briefing, saved);
    assert_eq!(h.state().state.draft_path.as_deref(), Some(path.as_path()));
    assert!(h.state().state.recent.paths.iter().any(|p| p.ends_with("journey.briefing")));
}

#[test]
fn new_with_unsaved_changes_asks_and_cancel_keeps_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    click(&mut h, "Add paragraph to Bottom line up front");
    type_into(&mut h, "Bottom line up front paragraph 1", "Keep me.");
    cmd(&mut h, Key::N);
    assert_eq!(h.state().state.prompt, Some(Pending::New));
    assert!(h.query_by_label("Save changes?").is_some());
    click(&mut h, "Cancel");
    assert!(h.state().state.prompt.is_none());
    assert_eq!(blocks_of(&h.state().state.briefing, SectionKind::Bluf).len(), 1);
    cmd(&mut h, Key::N);
    click(&mut h, "Don't save");
    assert_eq!(h.state().state.briefing, Briefing::from_template());
}

#[test]
fn autosave_found_at_start_is_offered_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = Briefing::from_template();
    b.meta.title = "Recovered after a crash".to_string();
    let draft = briefing_builder::draft::Draft::new(b.clone(), Vec::new());
    briefing_builder::draft::save(&dir.path().join("autosave.briefing"), &draft).unwrap();
    let mut h = harness(dir.path());
    h.run();
    assert!(h.query_by_label("Restore unsaved work?").is_some());
    click(&mut h, "Restore");
    assert_eq!(h.state().state.briefing.meta.title, "Recovered after a crash");
    assert!(h.state().state.is_dirty(), "restored work still needs saving");
}

#[test]
fn every_view_passes_the_accessibility_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    // Some picks, so the editor shows every kind of card.
    h.state_mut().state.apply(briefing_builder::app::Command::AddQuote(0));
    h.state_mut().state.apply(briefing_builder::app::Command::AddEvent(0));
    for tab in ["Reader", "Quotes (", "Events (", "Incidents (", "Preview"] {
        if tab.ends_with('(') {
            h.get_by_label_contains(tab).click();
        } else {
            h.get_by_label(tab).click();
        }
        h.run();
        h.check_accessibility();
    }
    // Menus too, including the estimative-language menu of the Assessment.
    click(&mut h, "Insert estimative term…");
    h.check_accessibility();
    click(&mut h, "likely (probable) — 55–80%");
    let assessment = blocks_of(&h.state().state.briefing, SectionKind::Assessment);
    assert_eq!(assessment, vec![BlockContent::Text { markdown: "It is likely that ".to_string() }]);
    for menu in ["File", "Edit", "Export", "View"] {
        h.get_by_label(menu).click();
        h.run();
        h.check_accessibility();
        h.key_press(Key::Escape);
        h.run();
    }
}

#[test]
fn failed_save_reports_and_keeps_unsaved_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    click(&mut h, "Add paragraph to Bottom line up front");
    cmd(&mut h, Key::S);
    set_path(&mut h, &dir.path().join("no-such-folder").join("x.briefing"));
    click(&mut h, "Save");
    let s = &h.state().state;
    assert!(s.is_dirty());
    assert!(s.messages.iter().any(|m| m.error && m.text.contains("no-such-folder")));
}

#[test]
fn removing_a_document_drops_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    let file = h.state().state.corpus.docs[1].file.clone();
    click(&mut h, &format!("Remove {file}"));
    let s = &h.state().state;
    assert_eq!(s.corpus.docs.len(), 4);
    assert!(s.corpus.quotes.iter().all(|q| q.doc != file));
    assert!(s.corpus.events.iter().all(|e| e.doc != file));
    assert_eq!(s.index.quotes_of.len(), 4);
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    click(&mut h, "Add paragraph to Bottom line up front");
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run();
    assert_eq!(h.state().state.prompt, Some(Pending::Close));
    assert!(!h.state().state.allow_close);
    click(&mut h, "Cancel");
    assert!(h.state().state.prompt.is_none());
    assert!(h.state().state.is_dirty(), "work kept");
}

#[test]
fn import_a_folder_through_the_path_field_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("in");
    std::fs::create_dir(&src).unwrap();
    std::fs::write(src.join("note.txt"), "Border talks resume\n\nOfficials met on Monday to discuss trade.")
        .unwrap();
    std::fs::write(src.join("blob.txt"), b"\x00\x01\x02binary").unwrap();
    let mut h = harness(dir.path());
    h.run();
    cmd(&mut h, Key::I);
    set_path(&mut h, &src);
    click_start(&mut h, "Import");
    assert!(h.state_mut().state.wait_for_jobs(std::time::Duration::from_secs(60)), "import finishes");
    h.run();
    let s = &h.state().state;
    assert_eq!(s.corpus.docs.len(), 6);
    assert!(s.corpus.docs.iter().any(|d| d.file == "note.txt"));
    assert!(s.messages.iter().any(|m| m.error && m.text.contains("blob.txt")), "{:?}", s.messages);
}

#[test]
fn opening_a_draft_brings_back_its_source_files() {
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("note.txt");
    std::fs::write(&note, "Border talks resume\n\nOfficials met on Monday to discuss trade and security.")
        .unwrap();
    let mut h = harness(dir.path());
    h.run();
    cmd(&mut h, Key::I);
    set_path(&mut h, &note);
    click_start(&mut h, "Import");
    assert!(h.state_mut().state.wait_for_jobs(std::time::Duration::from_secs(60)));
    h.run();
    let draft = dir.path().join("with-sources.briefing");
    h.state_mut().state.apply(briefing_builder::app::Command::SaveTo(draft.clone()));
    // Remove the imported document, then reopen the draft: it is loaded again.
    click(&mut h, "Remove note.txt");
    assert!(h.state().state.corpus.docs.iter().all(|d| d.file != "note.txt"));
    h.state_mut().state.apply(briefing_builder::app::Command::OpenPath(draft));
    assert!(h.state_mut().state.wait_for_jobs(std::time::Duration::from_secs(60)));
    h.run();
    assert!(h.state().state.corpus.docs.iter().any(|d| d.file == "note.txt"));
}

#[test]
fn title_block_fields_edit_the_briefing_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    type_into(&mut h, "Briefing author", "South Asia desk");
    assert_eq!(h.state().state.briefing.meta.author, "South Asia desk");
    type_into(&mut h, "Briefing recipients", "PUS");
    assert_eq!(h.state().state.briefing.meta.recipients, "PUS");
    cmd(&mut h, Key::Z);
    assert_eq!(h.state().state.briefing.meta.recipients, "");
    assert_eq!(h.state().state.briefing.meta.author, "South Asia desk");
}

#[test]
fn search_finds_documents_and_shows_a_hit_in_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    assert!(h.state_mut().state.wait_for_jobs(std::time::Duration::from_secs(60)), "index built");
    h.run();
    h.get_by_label("Search").click();
    h.run();
    type_into(&mut h, "Search query", "Waziristan");
    let hits = h.state().state.search_hits.clone();
    assert!(!hits.is_empty(), "the seeds mention Waziristan");
    click(&mut h, "Show hit 1");
    let s = &h.state().state;
    assert_eq!(s.prefs.tab, Tab::Reader);
    assert_eq!(s.selected.map(|d| s.corpus.docs[d].id.clone()), Some(hits[0].doc.clone()));
    let sel = s.reader_selection.unwrap();
    assert!(
        s.corpus.docs[s.selected.unwrap()].clean[sel.start..sel.end].to_lowercase().contains("waziristan")
    );
}

#[test]
fn export_pdf_and_markdown_through_the_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.run();
    click(&mut h, "Add paragraph to Bottom line up front");
    type_into(&mut h, "Bottom line up front paragraph 1", "Strikes will likely continue.");
    let pdf = dir.path().join("note.pdf");
    cmd(&mut h, Key::E);
    set_path(&mut h, &pdf);
    click_start(&mut h, "Export file");
    assert!(h.state_mut().state.wait_for_jobs(std::time::Duration::from_secs(120)));
    h.run();
    let bytes = std::fs::read(&pdf).expect("PDF written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    // Markdown from the Preview's button.
    h.get_by_label("Preview").click();
    h.run();
    click(&mut h, "Export Markdown…");
    let md = dir.path().join("note.md");
    set_path(&mut h, &md);
    click_start(&mut h, "Export file");
    assert!(h.state_mut().state.wait_for_jobs(std::time::Duration::from_secs(60)));
    h.run();
    let text = std::fs::read_to_string(&md).expect("Markdown written");
    assert!(text.contains("Strikes will likely continue."));
    assert!(!h.state().state.messages.iter().any(|m| m.error), "{:?}", h.state().state.messages);
}
