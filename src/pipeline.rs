//! A loaded corpus with its extraction and incidents, and the `extract --json` contract.

use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::incidents::name_sources;
use crate::analysis::{Incident, IncidentIndex, group_incidents};
use crate::corpus::Document;
use crate::extract::{Event, Quote, extract};

/// Documents plus everything extracted from them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Loaded documents.
    pub docs: Vec<Document>,
    /// Quotes of all documents, grouped by document in `docs` order.
    pub quotes: Vec<Quote>,
    /// Events of all documents, grouped by document in `docs` order.
    pub events: Vec<Event>,
    /// Incidents over `events`.
    pub incidents: Vec<Incident>,
}

impl Corpus {
    /// Extract from every document (in parallel across documents) and group incidents.
    pub fn build(docs: Vec<Document>) -> Self {
        let extractions: Vec<_> = docs.par_iter().map(extract).collect();
        let mut quotes = Vec::new();
        let mut events = Vec::new();
        for x in extractions {
            quotes.extend(x.quotes);
            events.extend(x.events);
        }
        crate::extract::speakers::canonicalize_corpus(&mut quotes);
        let mut incidents = group_incidents(&events);
        name_sources(&mut incidents, &docs);
        Corpus { docs, quotes, events, incidents }
    }

    /// Add documents: extract them (in parallel) and join their events to the existing
    /// incidents incrementally (old incidents keep their grouping). Ids are made unique
    /// against the documents already loaded.
    pub fn add_documents(&mut self, docs: Vec<Document>) {
        if docs.is_empty() {
            return;
        }
        let first_new = self.docs.len();
        self.docs.extend(docs);
        crate::corpus::make_ids_unique(&mut self.docs);
        let extractions: Vec<_> = self.docs[first_new..].par_iter().map(extract).collect();
        let mut index = IncidentIndex::with_incidents(&self.events, &self.incidents);
        let event_base = self.events.len();
        for x in extractions {
            self.quotes.extend(x.quotes);
            self.events.extend(x.events);
        }
        index.add_events(&self.events[event_base..]);
        self.incidents = index.incidents(&self.events);
        name_sources(&mut self.incidents, &self.docs);
    }

    /// Remove a document with its quotes and events; its incidents are regrouped from
    /// the remaining sources and the other incidents are kept. Returns the document.
    pub fn remove_document(&mut self, id: &str) -> Option<Document> {
        let pos = self.docs.iter().position(|d| d.id == id)?;
        let mut index = IncidentIndex::with_incidents(&self.events, &self.incidents);
        let first = self.events.iter().position(|e| e.doc == id);
        let count = self.events.iter().filter(|e| e.doc == id).count();
        match first {
            // a document's events are contiguous: they were appended together
            Some(f) if self.events[f..f + count].iter().all(|e| e.doc == id) => {
                index.remove_events(f..f + count);
                self.events.drain(f..f + count);
                self.incidents = index.incidents(&self.events);
            }
            Some(_) => {
                self.events.retain(|e| e.doc != id);
                self.incidents = group_incidents(&self.events);
            }
            None => {}
        }
        self.quotes.retain(|q| q.doc != id);
        let removed = self.docs.remove(pos);
        name_sources(&mut self.incidents, &self.docs);
        Some(removed)
    }

    /// The document with this id.
    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.docs.iter().find(|d| d.id == id)
    }
}

/// One document in the `extract --json` output.
#[derive(Debug, Serialize)]
pub struct JsonDocument<'a> {
    /// File name without directory.
    pub file: &'a str,
    /// Title.
    pub title: Option<&'a str>,
    /// Outlet.
    pub outlet: Option<&'a str>,
    /// Author.
    pub author: Option<&'a str>,
    /// Source URL.
    pub source_url: Option<&'a str>,
    /// Publication date.
    pub published: Option<&'a str>,
    /// Dateline place.
    pub dateline: Option<&'a str>,
    /// Tags.
    pub tags: &'a [String],
    /// Encoding the file was decoded from.
    pub encoding: &'a str,
    /// Clean text.
    pub text: &'a str,
}

/// Build the `extract --json` value for a corpus.
pub fn extract_json(corpus: &Corpus) -> serde_json::Value {
    let file_of = |id: &str| corpus.doc(id).map(|d| d.file.clone()).unwrap_or_else(|| id.to_string());
    let docs: Vec<_> = corpus
        .docs
        .iter()
        .map(|d| JsonDocument {
            file: &d.file,
            title: d.meta.title.as_deref(),
            outlet: d.meta.outlet.as_deref(),
            author: d.meta.author.as_deref(),
            source_url: d.meta.source_url.as_deref(),
            published: d.meta.published.as_deref(),
            dateline: d.meta.dateline.as_deref(),
            tags: &d.meta.tags,
            encoding: &d.encoding,
            text: &d.clean,
        })
        .collect();
    let quotes: Vec<_> = corpus
        .quotes
        .iter()
        .map(|q| {
            serde_json::json!({
                "doc": file_of(&q.doc),
                "text": q.text,
                "speaker": q.speaker,
                "speaker_in_text": q.speaker_in_text,
                "role": q.role,
                "cue": q.cue,
                "confidence": q.confidence,
                "start": q.anchor.start,
                "end": q.anchor.end,
            })
        })
        .collect();
    let events: Vec<_> = corpus
        .events
        .iter()
        .map(|e| {
            serde_json::json!({
                "doc": file_of(&e.doc),
                "evidence": e.evidence,
                "what": e.what,
                "type": e.event_type,
                "sub_type": e.sub_type,
                "date": e.date,
                "date_text": e.date_text,
                "locations": e.locations.iter().map(|l| l.text.clone()).collect::<Vec<_>>(),
                "places": e.locations.iter().filter_map(|l| l.place.clone()).collect::<Vec<_>>(),
                "country": e.country,
                "actors": e.actors,
                "fatalities": e.fatalities,
                "fatalities_claimed_by": e.fatalities_claimed_by,
                "victims": e.victims,
                "start": e.anchor.start,
                "end": e.anchor.end,
            })
        })
        .collect();
    let incidents: Vec<_> = corpus
        .incidents
        .iter()
        .map(|i| {
            serde_json::json!({
                "events": i.events,
                "date": i.date,
                "locations": i.locations,
                "actors": i.actors,
                "type": i.event_type,
                "sub_type": i.sub_type,
                "sources": i.sources.iter().map(|s| file_of(s)).collect::<Vec<_>>(),
                "fatalities_min": i.fatalities_min,
                "fatalities_max": i.fatalities_max,
                "conflicts": i.conflicts,
                "summary": i.summary,
                "chronology": crate::analysis::incidents::chronology_sentence(i, &corpus.events),
            })
        })
        .collect();
    serde_json::json!({
        "documents": docs,
        "quotes": quotes,
        "events": events,
        "incidents": incidents,
    })
}
