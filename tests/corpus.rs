#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Ingestion of the seed articles and of bad input: decoding, repair, boilerplate, metadata,
//! provenance (offset map and anchors).

use std::path::{Path, PathBuf};

use briefing_builder::corpus::ResolvedAnchor;
use briefing_builder::corpus::{
    Document, LoadError, MAX_FILE_BYTES, Span, embedded_seeds, load_bytes, load_path, resolve_anchor,
};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn seed(prefix: &str) -> Document {
    embedded_seeds().into_iter().find(|d| d.file.starts_with(prefix)).expect("seed present")
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Every copied byte of the clean text equals the original byte it maps to; every byte not
/// covered by a segment is an inserted separator (space or newline).
fn assert_exact_map(d: &Document) {
    let mut covered = vec![false; d.clean.len()];
    let mut last_end = 0;
    for &(cs, os, len) in &d.map.segments {
        assert!(cs >= last_end, "{}: segments overlap or are unsorted", d.file);
        last_end = cs + len;
        assert_eq!(&d.clean[cs..cs + len], &d.original[os..os + len], "{}: segment at {cs}", d.file);
        covered[cs..cs + len].iter_mut().for_each(|c| *c = true);
    }
    for (i, b) in d.clean.bytes().enumerate() {
        if !covered[i] {
            assert!(b == b' ' || b == b'\n', "{}: uncovered byte {:?} at {i}", d.file, b as char);
        }
    }
    // Character by character: each copied char maps to the same char of the original.
    for (i, c) in d.clean.char_indices() {
        if covered[i] {
            let o = d.map.to_original(i);
            assert_eq!(d.original[o..].chars().next(), Some(c), "{}: char at {i}", d.file);
        }
    }
}

#[test]
fn all_seeds_load_from_binary_and_disk() {
    let docs = embedded_seeds();
    assert_eq!(docs.len(), 5);
    for d in &docs {
        let from_disk = load_path(&seeds_dir().join(&d.file)).unwrap();
        assert_eq!(from_disk.clean, d.clean);
        assert_eq!(from_disk.meta, d.meta);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.clean.len() > 3000, "{} too short", d.file);
        assert_exact_map(d);
        // Paragraphs are separated by exactly one blank line.
        assert!(!d.clean.contains("\n\n\n") && !d.clean.starts_with('\n') && !d.clean.ends_with('\n'));
        assert!(d.clean.contains("\n\n"));
    }
}

#[test]
fn seed_000_glued_words_repaired() {
    let d = seed("000_");
    for fixed in [
        "military retaliation",
        "to sanctuaries",
        "deepened Islamabad’s",
        "the Tehreek-e-Taliban Pakistan",
        "in Khyber Pakhtunkhwa",
        "late 2025",
        "International Crisis Group. This position",
        "incidents, with hundreds",
        "international security analyses",
        "Pakistani territory",
        "Afghan provinces",
    ] {
        assert!(d.clean.contains(fixed), "missing {fixed:?}");
    }
    for glued in [
        "militaryretaliation",
        "tosanctuaries",
        "deepenedIslamabad",
        "theTehreek",
        "inKhyber",
        "late2025",
        "Group.This",
    ] {
        assert!(!d.clean.contains(glued), "still glued: {glued}");
    }
    assert!(d.notes.iter().any(|n| n.contains("glued")));
    // The headline printed twice appears once; the CMS artefact is gone.
    assert_eq!(d.clean.matches("Pakistan Vows Strong Military Retaliation").count(), 1);
    assert!(!d.clean.contains("ogimageimage-name"));
    assert!(d.original.contains("ogimageimage-name"));
}

#[test]
fn seed_003_glue_and_boilerplate() {
    let d = seed("003_");
    for fixed in [
        "Pakistan over the past",
        "the Baloch terrorist",
        "Intelligence assessments",
        "The Media Line that",
        "be spared",
        "and Afghanistan",
        "he added. Vermaut said",
        "country. Following",
    ] {
        assert!(d.clean.contains(fixed), "missing {fixed:?}");
    }
    for gone in [
        "(photo credit",
        "(credit:",
        "For more stories from",
        "People stand in queue",
        "A Taliban fighter stands on guard",
    ] {
        assert!(!d.clean.contains(gone), "boilerplate left: {gone}");
        assert!(d.original.contains(gone));
    }
    // The pull quote and its name line are gone; the quote itself stays once.
    assert_eq!(d.clean.matches("possible strikes on Afghan soil will adversely affect").count(), 1);
    assert!(!d.clean.contains("\n\nNaseeb Ullah Shah\n\n"));
    assert!(d.clean.contains("Naseeb Ullah Shah, an analyst"));
    // The section heading inside the article stays.
    assert!(d.clean.contains("Taliban brings resurgence of terror attacks in Pakistan"));
}

#[test]
fn seed_002_and_others_boilerplate() {
    let d = seed("002_");
    assert!(!d.clean.contains("Scroll to Top"));
    assert!(d.clean.ends_with("bearing the cost."));
    let d = seed("001_");
    assert!(d.clean.starts_with("In a bold move"));
    let lines = d.original.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(d.clean.split("\n\n").count(), lines, "one paragraph per line");
}

#[test]
fn seed_metadata() {
    let m = |p: &str| seed(p).meta;
    let m0 = m("000_");
    assert_eq!(
        m0.title.as_deref(),
        Some("Pakistan Vows Strong Military Retaliation Against Afghan Based Terrorism: ICG")
    );
    assert_eq!(m0.source_url.as_deref(), Some("https://www.crisisgroup.org/global/10-conflicts-watch-2026"));
    assert_eq!(m0.outlet.as_deref(), Some("International Crisis Group"));
    assert_eq!(m0.dateline.as_deref(), Some("ISLAMABAD"));
    assert_eq!(m0.tags, ["Pakistan", "Afghanistan", "TTP", "International Crisis Group", "Durand Line"]);
    assert_eq!(m0.published, None);
    let m1 = m("001_");
    assert_eq!(m1, Default::default(), "seed 001 states no metadata");
    let m2 = m("002_");
    assert_eq!(
        m2.title.as_deref(),
        Some("Cross-Border Strikes and Ceasefire Deadlock: Is Dialogue the Only Way Forward?")
    );
    assert_eq!(m2.outlet, None);
    assert!(m2.tags.contains(&"Pak-Afghan Peace Talks".to_string()));
    let m3 = m("003_");
    assert_eq!(
        m3.title.as_deref(),
        Some("Pakistan’s defense minister vows to strike terror dens on Afghan soil")
    );
    assert_eq!(
        m3.subtitle.as_deref(),
        Some("Strike has been ruled out by experts, who say it would destabilize regional peace")
    );
    assert_eq!(m3.outlet.as_deref(), Some("The Media Line"));
    assert_eq!(m3.dateline.as_deref(), Some("Islamabad"));
    assert_eq!(m3.author, None);
    let m4 = m("004_");
    assert_eq!(m4.title.as_deref(), Some("Force good but not a lasting option"));
    assert_eq!(
        m4.author.as_deref(),
        Some("The writer heads the independent Centre for Research and Security Studies, Islamabad")
    );
    assert_eq!(m4.subtitle, None);
}

#[test]
fn anchors_resolve_and_map_back() {
    for d in embedded_seeds() {
        // Anchor every sentence-sized window and find it again.
        let idx: Vec<usize> = d.clean.char_indices().map(|(i, _)| i).collect();
        for w in idx.windows(2).step_by(97) {
            let start = w[0];
            let end = idx.iter().copied().find(|&e| e >= start + 60).unwrap_or(d.clean.len());
            let span = Span::new(start, end);
            let a = d.anchor(span);
            assert_eq!(a.exact, d.span_text(span));
            assert_eq!(resolve_anchor(&d.clean, &a), ResolvedAnchor::Exact(span));
            // The original passage holds the same words (glued or not).
            let orig = d.original_text(span);
            let squash = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            assert!(
                squash(orig).contains(&squash(&a.exact)) || a.exact.contains("\n\n"),
                "{}: {:?} vs {:?}",
                d.file,
                a.exact,
                orig
            );
        }
    }
    // A repaired phrase maps back to the glued original.
    let d = seed("000_");
    let s = d.clean.find("military retaliation").unwrap();
    assert_eq!(d.original_text(Span::new(s, s + "military retaliation".len())), "militaryretaliation");
}

#[test]
fn anchor_survives_an_edited_source() {
    let d = seed("004_");
    let s = d.clean.find("Mujahid promptly dismissed").unwrap();
    let a = d.anchor(Span::new(s, s + 26));
    let edited = format!("Editor's note added.\n\n{}", d.clean);
    let r = resolve_anchor(&edited, &a);
    assert!(
        matches!(r, ResolvedAnchor::Moved(sp) if &edited[sp.start..sp.end] == "Mujahid promptly dismissed")
    );
}

#[test]
fn windows_1252_file() {
    let dir = tmp();
    let p = dir.path().join("legacy.txt");
    std::fs::write(
        &p,
        b"Peace talks stall\n\nThe envoy said \x93we will return\x94 to the caf\xe9 talks \x96 soon.\n",
    )
    .unwrap();
    let d = load_path(&p).unwrap();
    assert_eq!(d.encoding, "windows-1252");
    assert!(d.clean.contains("said “we will return” to the café talks – soon."));
    assert!(d.notes.iter().any(|n| n.contains("windows-1252")));
    assert_eq!(d.path.as_deref(), Some(p.as_path()));
}

#[test]
fn damaged_utf8_file_is_read_with_a_note() {
    let mut bytes = "Kabul’s reply came on Friday – “no comment”. ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xC3\x28 more text follows here.");
    let d = load_bytes("damaged.txt", &bytes).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.clean.contains("Kabul’s reply") && d.clean.contains('\u{FFFD}'));
    assert!(!d.notes.is_empty());
}

#[test]
fn utf16_files_with_bom() {
    let text = "Border reopens\n\nTraders in Torkham said “finally” on Monday.";
    for (bom, le) in [([0xFF, 0xFE], true), ([0xFE, 0xFF], false)] {
        let mut bytes = bom.to_vec();
        for u in text.encode_utf16() {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let dir = tmp();
        let p = dir.path().join("u16.txt");
        std::fs::write(&p, &bytes).unwrap();
        let d = load_path(&p).unwrap();
        assert_eq!(d.original, text);
        assert_eq!(d.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
        assert_eq!(d.meta.title.as_deref(), Some("Border reopens"));
    }
}

#[test]
fn utf8_bom_is_removed() {
    let d = load_bytes("bom.txt", b"\xEF\xBB\xBFHeadline here\n\nBody text.").unwrap();
    assert_eq!(d.original, "Headline here\n\nBody text.");
    assert_eq!(d.meta.title.as_deref(), Some("Headline here"));
}

#[test]
fn binary_file_is_refused_with_its_name() {
    let dir = tmp();
    let p = dir.path().join("image.txt");
    std::fs::write(&p, b"GIF89a\x01\x00\x01\x00\x00\xff\x00,\x00\x00\x00\x00").unwrap();
    let e = load_path(&p).unwrap_err();
    assert!(matches!(e, LoadError::Binary { .. }));
    let msg = e.to_string();
    assert!(msg.contains("image.txt") && msg.contains("binary"), "{msg}");
}

#[test]
fn oversized_file_is_refused() {
    let dir = tmp();
    let p = dir.path().join("huge.txt");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    let e = load_path(&p).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }));
    assert!(e.to_string().contains("huge.txt"));
    let e = load_bytes("mem.txt", &vec![b'a'; MAX_FILE_BYTES as usize + 1]).unwrap_err();
    assert!(matches!(e, LoadError::TooLarge { .. }));
}

#[test]
fn empty_files_are_refused() {
    let dir = tmp();
    for (name, content) in [("empty.txt", &b""[..]), ("blank.md", &b"  \n\t\r\n \xEF\xBB\xBF"[..])] {
        let p = dir.path().join(name);
        std::fs::write(&p, content).unwrap();
        let e = load_path(&p).unwrap_err();
        assert!(matches!(e, LoadError::Empty { .. }), "{name}: {e}");
        assert!(e.to_string().contains(name));
    }
}

#[test]
fn unreadable_and_unsupported_paths() {
    let dir = tmp();
    let missing = dir.path().join("nowhere.txt");
    let e = load_path(&missing).unwrap_err();
    assert!(matches!(e, LoadError::Io { .. }));
    assert!(e.to_string().contains("nowhere.txt"));
    let sub = dir.path().join("folder.txt");
    std::fs::create_dir(&sub).unwrap();
    assert!(matches!(load_path(&sub), Err(LoadError::Io { .. })));
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.7").unwrap();
    let e = load_path(&pdf).unwrap_err();
    assert!(matches!(e, LoadError::Unsupported { .. }) && e.to_string().contains("report.pdf"));
}

#[test]
fn markdown_file_loads() {
    let dir = tmp();
    let p = dir.path().join("note.md");
    std::fs::write(
        &p,
        "# Drone strike reported near the border\n\nOfficials in Quetta said two people died.\n",
    )
    .unwrap();
    let d = load_path(&p).unwrap();
    assert_eq!(d.meta.title.as_deref(), Some("Drone strike reported near the border"));
    assert!(d.clean.starts_with("Drone strike reported"));
}

#[test]
fn regional_proper_nouns_are_left_alone() {
    let text = "Militants moved between Nangarhar, Kunar, Paktika and Khost into Bajaur, Mohmand, \
                Orakzai, Kurram and North Waziristan, while the Tehreek-e-Taliban Pakistan and \
                Lashkar-e-Jhangvi claimed attacks in Khyber Pakhtunkhwa, Mastung, Khuzdar and Zhob. \
                Zabihullah Mujahid, Hibatullah Akhundzada, Fasihuddin Fitrat, Sirajuddin Haqqani and \
                Shehbaz Sharif spoke in Jalalabad, Kandahar and Rawalpindi about Torkham and Chaman.";
    let d = load_bytes("names.txt", text.as_bytes()).unwrap();
    assert_eq!(d.clean, text);
    assert!(d.notes.is_empty(), "{:?}", d.notes);
}

#[test]
fn repairs_follow_general_rules_on_new_text() {
    let text = "Aid convoys reachedthe capital late on Friday.The ministry confirmed deliveries inKandahar \
                and warned about shortagesover the winter since2023, officials said,adding that the U.S. \
                and e.g. the UN would help. See www.example.org/Aid.Report for details.";
    let d = load_bytes("new.txt", text.as_bytes()).unwrap();
    assert_eq!(
        d.clean,
        "Aid convoys reached the capital late on Friday. The ministry confirmed deliveries in Kandahar \
         and warned about shortages over the winter since 2023, officials said, adding that the U.S. \
         and e.g. the UN would help. See www.example.org/Aid.Report for details."
    );
    assert_exact_map(&d);
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            if let Ok(d) = load_bytes("fuzz.txt", &bytes) {
                assert_exact_map(&d);
            }
        }

        #[test]
        fn arbitrary_text_maps_exactly(s in "[a-zA-Z .,;:!?“”\"'’()\\n0-9-]{0,400}") {
            if let Ok(d) = load_bytes("fuzz.txt", s.as_bytes()) {
                assert_exact_map(&d);
            }
        }
    }
}
