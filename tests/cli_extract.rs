#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The built binary's `extract --json` contract, on the embedded seeds and on files with one bad
//! file among good ones.

use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_briefing-builder"))
}

fn check_contract(v: &Value) {
    for key in ["documents", "quotes", "events", "incidents"] {
        assert!(v[key].is_array(), "missing array {key}");
    }
    for d in v["documents"].as_array().unwrap() {
        for key in ["file", "title", "outlet", "author", "source_url", "published", "text"] {
            assert!(d.get(key).is_some(), "document without {key}: {d}");
        }
        assert!(d["file"].is_string() && d["text"].is_string());
        assert!(!d["file"].as_str().unwrap().contains('/'));
    }
}

#[test]
fn extract_json_on_embedded_seeds() {
    let out = bin().args(["extract", "--json"]).output().unwrap();
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_contract(&v);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0]["file"], "000_d0c5452fce3247eb.txt");
    assert_eq!(
        docs[0]["title"],
        "Pakistan Vows Strong Military Retaliation Against Afghan Based Terrorism: ICG"
    );
    assert_eq!(docs[0]["source_url"], "https://www.crisisgroup.org/global/10-conflicts-watch-2026");
    assert!(docs[1]["title"].is_null());
    assert_eq!(docs[3]["outlet"], "The Media Line");
    assert!(docs[0]["text"].as_str().unwrap().contains("military retaliation"));
}

#[test]
fn one_bad_file_among_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Border talks resume\n\nDelegations met in Doha on Monday, officials said.\n")
        .unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\x00\x01\x02binary\x00").unwrap();
    let good2 = dir.path().join("second.md");
    std::fs::write(&good2, "# Second note\n\nA convoy was attacked near Quetta.\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let out =
        bin().arg("extract").arg(&good).arg(&bad).arg(&good2).arg(&missing).arg("--json").output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.txt") && stderr.contains("binary"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert_eq!(stderr.matches("bad.txt").count(), 1, "reported once: {stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_contract(&v);
    let files: Vec<&str> =
        v["documents"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(files, ["good.txt", "second.md"]);
    assert_eq!(v["documents"][1]["title"], "Second note");
}
