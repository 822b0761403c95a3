//! `briefing-builder export`: writes PDF and Markdown; clear errors and non-zero exit for
//! a bad draft or an unwritable output path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod export_support;

use std::process::Command;

use briefing_builder::draft::{Draft, save};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_briefing-builder"))
}

#[test]
fn exports_pdf_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("b.briefing");
    save(&draft, &Draft::new(export_support::rich_briefing(), vec![])).unwrap();
    let pdf = dir.path().join("out.pdf");
    let md = dir.path().join("out.md");
    let out = bin()
        .arg("export")
        .arg(&draft)
        .arg("--pdf")
        .arg(&pdf)
        .arg("--md")
        .arg(&md)
        .arg("--paper")
        .arg("letter")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    #[cfg(unix)]
    {
        // Exports are shared files: not the private 0600 of a temporary file.
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777, 0o644);
    }
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("# Cross-border strikes"));
    let out = bin().arg("export").arg(&draft).arg("--md").arg(&md).arg("--no-notes").output().unwrap();
    assert!(out.status.success());
    assert!(!std::fs::read_to_string(&md).unwrap().contains("Strongest language"));
}

#[test]
fn bad_draft_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("bad.briefing");
    std::fs::write(&draft, "{ not json").unwrap();
    let out = bin().arg("export").arg(&draft).arg("--md").arg(dir.path().join("x.md")).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.briefing") && err.contains("not a valid briefing draft"), "{err}");
    assert!(!dir.path().join("x.md").exists());

    let out = bin()
        .arg("export")
        .arg(dir.path().join("missing.briefing"))
        .arg("--md")
        .arg("x.md")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.briefing"));
}

#[test]
fn unwritable_output_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("b.briefing");
    save(&draft, &Draft::new(export_support::rich_briefing(), vec![])).unwrap();
    let target = dir.path().join("no/such/dir/out.pdf");
    let out = bin().arg("export").arg(&draft).arg("--pdf").arg(&target).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("out.pdf"), "{err}");
    // A directory is not a file.
    let out = bin().arg("export").arg(&draft).arg("--md").arg(dir.path()).output().unwrap();
    assert!(!out.status.success());
    // Nothing requested.
    let out = bin().arg("export").arg(&draft).output().unwrap();
    assert!(!out.status.success());
}
