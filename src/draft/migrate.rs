//! Migrations of older `.briefing` files, as a chain of functions on `serde_json::Value`:
//! `MIGRATIONS[v]` turns a version-`v` file into a version-`v + 1` file. A file of version
//! `v` runs `MIGRATIONS[v..]` in order, then deserialises as the current [`super::Draft`].
//!
//! ## Version 0 (the prototype's files)
//!
//! Written before `schema_version` existed (the key is absent, or `0`):
//!
//! ```json
//! { "briefing": {
//!     "meta": { "title": "…", "classification": "OFFICIAL", … },
//!     "sections": [ { "id": 1, "kind": "Bluf", "heading": "Bottom line up front",
//!                     "blocks": [ { "id": 8,
//!                                   "content": { "type": "paragraph", "text": "…" },
//!                                   "notes": "…",
//!                                   "citations": [ { "doc": "a.txt", "anchor": {…} } ] } ] } ],
//!     "documents": { "a.txt": { "id": "a.txt", "file": "a.txt", "clean_text": "…", … } } },
//!   "open_files": ["/path/a.txt"] }
//! ```
//!
//! Differences from version 1: `meta.classification` → `meta.marking`; section `heading` →
//! `title`; block `notes` → `note`; free text `{"type": "paragraph", "text"}` →
//! `{"type": "text", "markdown"}`; citation `doc` → `source` (and no `status`);
//! `briefing.documents` → `briefing.sources` with `clean_text` → `text`; no `next_id`
//! (computed from the ids in use); `open_files` → `corpus_files`.

use serde_json::{Map, Value};

use super::SCHEMA_VERSION;

/// One migration step: a version-`v` document in, a version-`v + 1` document out.
pub type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[v]` upgrades version `v` to `v + 1`. Its length is [`SCHEMA_VERSION`].
pub const MIGRATIONS: [Migration; SCHEMA_VERSION as usize] = [v0_to_v1];

/// The schema version of a parsed file: `schema_version`, or 0 for a prototype file (no
/// `schema_version` but a `briefing` object). Errors say why the file is not a draft.
pub fn detect_version(value: &Value) -> Result<u32, String> {
    let obj = value.as_object().ok_or_else(|| "expected a JSON object".to_string())?;
    match obj.get("schema_version") {
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| format!("`schema_version` must be a whole number, found {v}")),
        None if obj.get("briefing").is_some_and(Value::is_object) => Ok(0),
        None => Err("no `schema_version` and no `briefing`: this is not a .briefing file".to_string()),
    }
}

/// Upgrade a version-`from` document to [`SCHEMA_VERSION`].
pub fn migrate(mut value: Value, from: u32) -> Result<Value, String> {
    for step in MIGRATIONS.iter().skip(from as usize) {
        value = step(value)?;
    }
    Ok(value)
}

fn rename(obj: &mut Map<String, Value>, old: &str, new: &str) {
    if let Some(v) = obj.remove(old) {
        obj.entry(new.to_string()).or_insert(v);
    }
}

fn object<'a>(v: &'a mut Value, what: &str) -> Result<&'a mut Map<String, Value>, String> {
    v.as_object_mut().ok_or_else(|| format!("{what} must be a JSON object"))
}

fn array<'a>(
    obj: &'a mut Map<String, Value>,
    key: &str,
    what: &str,
) -> Result<Option<&'a mut Vec<Value>>, String> {
    match obj.get_mut(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(a)) => Ok(Some(a)),
        Some(_) => Err(format!("{what} must be a list")),
    }
}

fn content_v0_to_v1(content: &mut Value) -> Result<(), String> {
    let c = object(content, "block content")?;
    if c.get("type").and_then(Value::as_str) == Some("paragraph") {
        c.insert("type".to_string(), Value::from("text"));
        rename(c, "text", "markdown");
    }
    Ok(())
}

fn max_id(briefing: &Map<String, Value>) -> u64 {
    let mut max = 0;
    let sections = briefing.get("sections").and_then(Value::as_array).into_iter().flatten();
    for s in sections {
        max = max.max(s.get("id").and_then(Value::as_u64).unwrap_or(0));
        for b in s.get("blocks").and_then(Value::as_array).into_iter().flatten() {
            max = max.max(b.get("id").and_then(Value::as_u64).unwrap_or(0));
        }
    }
    max
}

/// Version 0 → 1 (see the module documentation for both formats).
pub fn v0_to_v1(mut value: Value) -> Result<Value, String> {
    let top = object(&mut value, "the file")?;
    top.remove("format");
    rename(top, "open_files", "corpus_files");
    let briefing = top.get_mut("briefing").ok_or_else(|| "`briefing` is missing".to_string())?;
    let b = object(briefing, "`briefing`")?;
    if let Some(meta) = b.get_mut("meta") {
        rename(object(meta, "`briefing.meta`")?, "classification", "marking");
    }
    if let Some(sections) = array(b, "sections", "`briefing.sections`")? {
        for section in sections.iter_mut() {
            let s = object(section, "a section")?;
            rename(s, "heading", "title");
            if let Some(blocks) = array(s, "blocks", "a section's `blocks`")? {
                for block in blocks.iter_mut() {
                    let bl = object(block, "a block")?;
                    rename(bl, "notes", "note");
                    if let Some(c) = bl.get_mut("content") {
                        content_v0_to_v1(c)?;
                    }
                    if let Some(o) = bl.get_mut("original").filter(|o| !o.is_null()) {
                        content_v0_to_v1(o)?;
                    }
                    if let Some(cites) = array(bl, "citations", "a block's `citations`")? {
                        for cite in cites.iter_mut() {
                            rename(object(cite, "a citation")?, "doc", "source");
                        }
                    }
                }
            }
        }
    }
    rename(b, "documents", "sources");
    match b.get_mut("sources") {
        Some(Value::Object(sources)) => {
            for (_, doc) in sources.iter_mut() {
                rename(object(doc, "a source document")?, "clean_text", "text");
            }
        }
        Some(Value::Null) | None => {
            b.insert("sources".to_string(), Value::Object(Map::new()));
        }
        Some(_) => return Err("`briefing.documents` must be a JSON object".to_string()),
    }
    if !b.contains_key("next_id") {
        let next = max_id(b) + 1;
        b.insert("next_id".to_string(), Value::from(next));
    }
    top.insert("schema_version".to_string(), Value::from(1u32));
    Ok(value)
}
