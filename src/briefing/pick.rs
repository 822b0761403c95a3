//! Picking extraction results into a briefing.
//!
//! Each `*_edit` function turns one result of the extraction (a [`Quote`], an [`Event`], an
//! excerpt of a [`Document`], an [`Incident`]) into an [`Edit::InsertBlock`] that carries
//! the block content, its original (for "Restore original"), the citations of every source
//! it rests on, and snapshots of those sources (so the draft opens on another machine).
//! Apply the edit through [`super::ops::History::apply`] to make it undoable.
//!
//! `index` is the position in the target section; `usize::MAX` appends.

use super::ops::Edit;
use super::{BlockContent, Citation, EventItem, IncidentItem, ItemId, QuoteItem, SourceDoc};
use crate::analysis::Incident;
use crate::corpus::{Anchor, Document, Span};
use crate::extract::{Event, Quote};
use crate::pipeline::Corpus;

/// A citation of `span` (bytes of `doc.clean`) in `doc`.
pub fn citation(doc: &Document, span: Span) -> Citation {
    Citation { source: doc.id.clone(), anchor: doc.anchor(span), status: Default::default() }
}

fn citation_with(doc: &Document, anchor: &Anchor, span: Span) -> Citation {
    // Prefer the extractor's anchor; rebuild it from the span when it is missing.
    if anchor.exact.is_empty() {
        citation(doc, span)
    } else {
        Citation { source: doc.id.clone(), anchor: anchor.clone(), status: Default::default() }
    }
}

fn insert(
    section: ItemId,
    index: usize,
    content: BlockContent,
    citations: Vec<Citation>,
    sources: Vec<SourceDoc>,
) -> Edit {
    Edit::InsertBlock { section, index, original: Some(content.clone()), content, citations, sources }
}

/// Block content for a quote.
pub fn quote_content(quote: &Quote) -> BlockContent {
    BlockContent::Quote(QuoteItem {
        text: quote.text.clone(),
        speaker: quote.speaker.clone(),
        role: quote.role.clone(),
        cue: quote.cue.clone(),
    })
}

/// Insert a quote of `doc` into `section` at `index`.
pub fn quote_edit(doc: &Document, quote: &Quote, section: ItemId, index: usize) -> Edit {
    let cite = citation_with(doc, &quote.anchor, quote.span);
    insert(section, index, quote_content(quote), vec![cite], vec![SourceDoc::from_document(doc)])
}

/// Block content for an event.
pub fn event_content(event: &Event) -> BlockContent {
    BlockContent::Event(EventItem {
        what: event.what.clone(),
        date: event.date.clone(),
        date_text: event.date_text.clone(),
        event_type: event.event_type.clone(),
        sub_type: event.sub_type.clone(),
        locations: event.locations.iter().map(|l| l.text.clone()).collect(),
        actors: event.actors.clone(),
        fatalities: event.fatalities,
        fatalities_claimed_by: event.fatalities_claimed_by.clone(),
        evidence: event.evidence.clone(),
    })
}

/// Insert an event of `doc` into `section` at `index`; it cites the evidence sentence.
pub fn event_edit(doc: &Document, event: &Event, section: ItemId, index: usize) -> Edit {
    let cite = citation_with(doc, &event.anchor, event.span);
    insert(section, index, event_content(event), vec![cite], vec![SourceDoc::from_document(doc)])
}

/// `span` shrunk to char boundaries and stripped of surrounding white space; `None` when
/// nothing but white space (or nothing in range) is left.
pub fn trim_span(text: &str, span: Span) -> Option<Span> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len());
    while start < end && !text.is_char_boundary(start) {
        start += 1;
    }
    while end > start && !text.is_char_boundary(end) {
        end -= 1;
    }
    let slice = text.get(start..end)?;
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    (s < e).then(|| Span::new(s, e))
}

/// Insert an excerpt (any selected span of `doc.clean`, in bytes) into `section` at `index`.
/// Surrounding white space is dropped; `None` when the selection holds no text.
pub fn excerpt_edit(doc: &Document, span: Span, section: ItemId, index: usize) -> Option<Edit> {
    let span = trim_span(&doc.clean, span)?;
    let content = BlockContent::Excerpt { text: doc.span_text(span).to_string() };
    Some(insert(section, index, content, vec![citation(doc, span)], vec![SourceDoc::from_document(doc)]))
}

/// Block content for an incident: merged fields, "reported by N sources", and the
/// conflicting claims, one sentence each.
pub fn incident_content(incident: &Incident) -> BlockContent {
    let mut sources = incident.sources.clone();
    sources.sort();
    sources.dedup();
    BlockContent::Incident(IncidentItem {
        what: incident.summary.clone(),
        date: incident.date.clone(),
        event_type: incident.event_type.clone(),
        locations: incident.locations.clone(),
        actors: incident.actors.clone(),
        fatalities_min: incident.fatalities_min,
        fatalities_max: incident.fatalities_max,
        source_count: sources.len(),
        conflicts: incident.conflicts.iter().map(|c| c.summary.clone()).collect(),
    })
}

/// Citations and source snapshots of every event of an incident (all its sources at once).
fn incident_citations(corpus: &Corpus, incident: &Incident) -> (Vec<Citation>, Vec<SourceDoc>) {
    let mut citations = Vec::new();
    let mut sources: Vec<SourceDoc> = Vec::new();
    for event in incident.events.iter().filter_map(|&i| corpus.events.get(i)) {
        let Some(doc) = corpus.doc(&event.doc) else { continue };
        citations.push(citation_with(doc, &event.anchor, event.span));
        if !sources.iter().any(|s| s.id == doc.id) {
            sources.push(SourceDoc::from_document(doc));
        }
    }
    (citations, sources)
}

/// Insert an incident into `section` at `index`. It cites the evidence sentence of every
/// event of the incident, so every reporting source is cited at once.
pub fn incident_edit(corpus: &Corpus, incident: &Incident, section: ItemId, index: usize) -> Edit {
    let (citations, sources) = incident_citations(corpus, incident);
    insert(section, index, incident_content(incident), citations, sources)
}

/// Insert a free-text (Markdown) paragraph into `section` at `index`.
pub fn text_edit(markdown: impl Into<String>, section: ItemId, index: usize) -> Edit {
    Edit::InsertBlock {
        section,
        index,
        content: BlockContent::Text { markdown: markdown.into() },
        original: None,
        citations: Vec::new(),
        sources: Vec::new(),
    }
}

const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn parse_date(iso: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let mut it = iso.trim().split('-');
    let y = it.next()?.parse::<u32>().ok().filter(|y| (1000..=9999).contains(y))?;
    let m = match it.next() {
        Some(m) => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let d = match it.next() {
        Some(d) => Some(d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    if it.next().is_some() {
        return None;
    }
    Some((y, m, d))
}

fn one_date((y, m, d): (u32, Option<u32>, Option<u32>)) -> String {
    match (m, d) {
        (Some(m), Some(d)) => format!("{d} {} {y}", MONTHS[m as usize - 1]),
        (Some(m), None) => format!("{} {y}", MONTHS[m as usize - 1]),
        _ => y.to_string(),
    }
}

/// A date of the model (ISO `2026-02-24`, partial `2026-02` / `2026`, or range
/// `2026-02-24/2026-02-26`) as a briefing prints it: `24 Feb 2026`, `Feb 2026`,
/// `24–26 Feb 2026`, `28 Feb – 2 Mar 2026`. Anything else is returned unchanged.
pub fn display_date(iso: &str) -> String {
    if let Some((a, b)) = iso.split_once('/') {
        return match (parse_date(a), parse_date(b)) {
            (Some((y1, Some(m1), Some(d1))), Some((y2, Some(m2), Some(d2)))) if y1 == y2 && m1 == m2 => {
                if d1 == d2 {
                    one_date((y1, Some(m1), Some(d1)))
                } else {
                    format!("{d1}–{d2} {} {y1}", MONTHS[m1 as usize - 1])
                }
            }
            (Some((y1, m1, d1)), Some((y2, m2, d2))) if y1 == y2 && m1.is_some() && m2.is_some() => {
                let left = one_date((y1, m1, d1));
                let left = left.strip_suffix(&format!(" {y1}")).unwrap_or(&left).to_string();
                format!("{left} – {}", one_date((y2, m2, d2)))
            }
            (Some(x), Some(y)) => format!("{} – {}", one_date(x), one_date(y)),
            _ => iso.to_string(),
        };
    }
    parse_date(iso).map(one_date).unwrap_or_else(|| iso.to_string())
}

/// One chronology line for an incident, built from its fields
/// ([`crate::analysis::incidents::chronology_text`]): `**24–26 Feb 2026** — Cross-border
/// rocket and artillery fire in Kurram and Bajaur (3 sources; 12–30 killed, figures disputed).`
/// `events` is the corpus's event list.
pub fn chronology_line(incident: &Incident, events: &[crate::extract::Event]) -> String {
    let date = incident.date.as_deref().map(display_date).unwrap_or_else(|| "Date unknown".to_string());
    format!("**{date}** — {}", crate::analysis::incidents::chronology_text(incident, events))
}

/// Insert a drafted chronology of `incidents` (indices into `corpus.incidents`) as one
/// Markdown list, oldest first (undated last), citing every source of every incident.
/// `None` when no index is valid.
pub fn chronology_edit(corpus: &Corpus, incidents: &[usize], section: ItemId, index: usize) -> Option<Edit> {
    let mut picked: Vec<&Incident> = incidents.iter().filter_map(|&i| corpus.incidents.get(i)).collect();
    if picked.is_empty() {
        return None;
    }
    // ISO dates sort as text; ranges sort by their start. Undated incidents go last.
    picked.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let markdown = picked
        .iter()
        .map(|i| format!("- {}", chronology_line(i, &corpus.events)))
        .collect::<Vec<_>>()
        .join("\n");
    let mut citations = Vec::new();
    let mut sources: Vec<SourceDoc> = Vec::new();
    for inc in picked {
        let (c, s) = incident_citations(corpus, inc);
        citations.extend(c);
        for src in s {
            if !sources.iter().any(|x| x.id == src.id) {
                sources.push(src);
            }
        }
    }
    let content = BlockContent::Text { markdown };
    Some(Edit::InsertBlock { section, index, original: Some(content.clone()), content, citations, sources })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_like_a_briefing() {
        assert_eq!(display_date("2026-02-24"), "24 Feb 2026");
        assert_eq!(display_date("2025-10"), "Oct 2025");
        assert_eq!(display_date("2025"), "2025");
        assert_eq!(display_date("2026-02-24/2026-02-26"), "24–26 Feb 2026");
        assert_eq!(display_date("2026-02-28/2026-03-02"), "28 Feb – 2 Mar 2026");
        assert_eq!(display_date("2025-12-30/2026-01-02"), "30 Dec 2025 – 2 Jan 2026");
        assert_eq!(display_date("last week"), "last week");
        assert_eq!(display_date("2026-13-01"), "2026-13-01");
    }

    #[test]
    fn trim_span_strips_space_and_respects_chars() {
        let t = "  “héllo” world  ";
        let s = trim_span(t, Span::new(0, t.len())).unwrap_or_default();
        assert_eq!(&t[s.start..s.end], "“héllo” world");
        // A span starting inside the 3-byte “ moves to the next boundary.
        let s = trim_span(t, Span::new(3, 9)).unwrap_or_default();
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        assert_eq!(trim_span(t, Span::new(0, 2)), None);
        assert_eq!(trim_span(t, Span::new(50, 60)), None);
    }
}
