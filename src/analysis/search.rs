//! Full-text search over documents, quotes and events.
//!
//! A compact in-memory inverted index with token positions (one posting list per term:
//! record ids, offsets, positions), ranked by BM25. Queries combine words (all must match),
//! `"quoted phrases"`, `prefix*` terms and `-excluded` words; results can be filtered by
//! date range, speaker, actor, place, event type, outlet and kind. Each hit carries a
//! snippet with the matches highlighted and the match's character offsets in the
//! document's clean text.
//!
//! The index is built once per corpus (tokenisation in parallel across documents) and
//! updated incrementally when documents are added or removed — never per keystroke.
//! Why hand-written rather than tantivy: the corpus lives in memory already, the index
//! needs positions and BM25 only (no persistence, segments, or compression), and this
//! module is ~1k lines with no extra dependency tree to compile.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use super::timeline::DayRange;
use crate::corpus::{Document, Span};
use crate::extract::{Event, Quote};
use crate::pipeline::Corpus;

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// Most dictionary terms a `prefix*` query expands to.
const MAX_PREFIX_TERMS: usize = 512;
/// Characters of context shown before the first match in a snippet.
const SNIPPET_BEFORE: usize = 70;
/// Characters of snippet in all.
const SNIPPET_LEN: usize = 220;

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A whole document.
    Document,
    /// An attributed quote.
    Quote,
    /// An extracted event.
    Event,
}

impl Kind {
    /// "document", "quote" or "event".
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Document => "document",
            Kind::Quote => "quote",
            Kind::Event => "event",
        }
    }
}

/// One query clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clause {
    /// A word (normalised).
    Term(String),
    /// Words starting with this (normalised).
    Prefix(String),
    /// Consecutive words.
    Phrase(Vec<String>),
}

/// A parsed query: every clause in `all` must match; no clause in `none` may.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Required clauses.
    pub all: Vec<Clause>,
    /// Excluded clauses (`-word`).
    pub none: Vec<Clause>,
}

impl Query {
    /// Parse `words "a phrase" prefix* -excluded`. Curly quotes work like straight ones;
    /// a word that splits into several tokens (`Tehreek-e-Taliban`) is a phrase.
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        let mut chars = input.char_indices().peekable();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() {
                chars.next();
                continue;
            }
            let negate = c == '-' && input[i + 1..].chars().next().is_some_and(|n| !n.is_whitespace());
            if negate {
                chars.next();
            }
            let Some(&(start, c)) = chars.peek() else { break };
            let clause = if matches!(c, '"' | '“' | '”' | '„') {
                chars.next();
                let body_start = start + c.len_utf8();
                let mut body_end = input.len();
                for (j, d) in chars.by_ref() {
                    if matches!(d, '"' | '“' | '”') {
                        body_end = j;
                        break;
                    }
                }
                let words: Vec<String> = tokens(&input[body_start..body_end]).map(|t| t.term).collect();
                match words.len() {
                    0 => None,
                    1 => words.into_iter().next().map(Clause::Term),
                    _ => Some(Clause::Phrase(words)),
                }
            } else {
                let mut end = input.len();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_whitespace() {
                        end = j;
                        break;
                    }
                    chars.next();
                }
                let word = &input[start..end];
                let prefix = word.ends_with('*');
                let words: Vec<String> = if prefix {
                    tokens_raw(word.trim_end_matches('*')).collect()
                } else {
                    tokens(word).map(|t| t.term).collect()
                };
                match (words.len(), prefix) {
                    (0, _) => None,
                    (1, true) => words.into_iter().next().map(Clause::Prefix),
                    (1, false) => words.into_iter().next().map(Clause::Term),
                    _ => Some(Clause::Phrase(words)),
                }
            };
            if let Some(cl) = clause {
                if negate { q.none.push(cl) } else { q.all.push(cl) }
            }
        }
        q
    }

    /// True when the query has no positive clause.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty()
    }
}

/// Filters on search results. Empty fields do not filter. Text fields match
/// case-insensitively as substrings of the record's field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchFilters {
    /// Earliest date (ISO, partial allowed): records whose date range ends before it are dropped.
    pub from: Option<String>,
    /// Latest date (ISO, partial allowed).
    pub to: Option<String>,
    /// Quote speaker (only quotes match).
    pub speaker: Option<String>,
    /// Actor: an event's actors, a quote's speaker, or a document mentioning it.
    pub actor: Option<String>,
    /// Place: an event's locations, or a document or quote mentioning it.
    pub place: Option<String>,
    /// ACLED event type or sub-type (only events match).
    pub event_type: Option<String>,
    /// Outlet of the source document.
    pub outlet: Option<String>,
    /// Kinds to return; empty for all.
    pub kinds: Vec<Kind>,
}

impl SearchFilters {
    /// True when no field filters.
    pub fn is_empty(&self) -> bool {
        *self == SearchFilters::default()
    }

    /// The date bounds as days since 1970-01-01: the first day of `from` and the last day of
    /// `to` (`2025` runs to 31 Dec 2025). A bound that does not parse does not filter.
    pub fn day_bounds(&self) -> (Option<i64>, Option<i64>) {
        let parse = |s: &Option<String>| s.as_deref().and_then(DayRange::parse);
        (parse(&self.from).map(|r| r.start), parse(&self.to).map(|r| r.end))
    }

    /// One flag per incident of `corpus`: does it pass the filters? An incident passes when
    /// any of its events or sources matches each set field — type or sub-type, an event's
    /// actor or place (as for event hits), a quote by the speaker in one of its source
    /// documents, one of its sources' outlet — and its date range meets `from`–`to`
    /// (undated incidents fail a date bound). `kinds` does not apply to incidents.
    pub fn incident_mask(&self, corpus: &Corpus) -> Vec<bool> {
        let norm = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(lower);
        let (speaker, actor, place, ty, outlet) = (
            norm(&self.speaker),
            norm(&self.actor),
            norm(&self.place),
            norm(&self.event_type),
            norm(&self.outlet),
        );
        let (from, to) = self.day_bounds();
        // Documents that pass the document-level fields, computed once for all incidents.
        let outlet_docs: Option<HashSet<&str>> = outlet.as_ref().map(|o| {
            corpus
                .docs
                .iter()
                .filter(|d| d.meta.outlet.as_deref().is_some_and(|x| contains_ci(&lower(x), o)))
                .map(|d| d.id.as_str())
                .collect()
        });
        let speaker_docs: Option<HashSet<&str>> = speaker.as_ref().map(|sp| {
            corpus
                .quotes
                .iter()
                .filter(|q| contains_ci(&lower(&q.speaker), sp))
                .map(|q| q.doc.as_str())
                .collect()
        });
        corpus
            .incidents
            .iter()
            .map(|inc| {
                if from.is_some() || to.is_some() {
                    let Some(d) = inc.day_range() else { return false };
                    if from.is_some_and(|x| d.end < x) || to.is_some_and(|x| d.start > x) {
                        return false;
                    }
                }
                let events = || inc.events.iter().filter_map(|&e| corpus.events.get(e));
                if let Some(t) = &ty {
                    let own =
                        contains_ci(&lower(&inc.event_type), t) || contains_ci(&lower(&inc.sub_type), t);
                    if !own
                        && !events().any(|e| {
                            contains_ci(&lower(&e.event_type), t) || contains_ci(&lower(&e.sub_type), t)
                        })
                    {
                        return false;
                    }
                }
                if let Some(a) = &actor
                    && !events().any(|e| e.actors.iter().any(|x| contains_ci(&lower(x), a)))
                {
                    return false;
                }
                if let Some(p) = &place
                    && !events().any(|e| event_places(e).iter().any(|x| contains_ci(x, p)))
                {
                    return false;
                }
                if let Some(set) = &speaker_docs
                    && !inc.sources.iter().any(|d| set.contains(d.as_str()))
                {
                    return false;
                }
                if let Some(set) = &outlet_docs
                    && !inc.sources.iter().any(|d| set.contains(d.as_str()))
                {
                    return false;
                }
                true
            })
            .collect()
    }
}

/// An event's places, lower-cased: each as written, and its gazetteer name, district and
/// province. The place filter matches these for event hits and for incidents alike.
fn event_places(e: &Event) -> Vec<String> {
    e.locations
        .iter()
        .flat_map(|l| {
            let mut v = vec![lower(&l.text)];
            if let Some(p) = &l.place {
                v.push(lower(&p.name));
                v.extend(p.district.as_deref().map(lower));
                v.extend(p.province.as_deref().map(lower));
            }
            v
        })
        .collect()
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Document id.
    pub doc: String,
    /// Document file name.
    pub file: String,
    /// What matched.
    pub kind: Kind,
    /// For quotes and events: the index into the corpus's quote or event list.
    pub item: Option<usize>,
    /// BM25 score (higher is better).
    pub score: f32,
    /// Text around the first match, whitespace flattened; `…` marks cuts.
    pub snippet: String,
    /// Byte ranges of the matches inside `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// Character offset of the first match in the document's clean text.
    pub start: usize,
    /// Character offset of the end of the first match.
    pub end: usize,
    /// Byte span of the first match in the document's clean text.
    pub span: Span,
}

/// A token: normalised term and byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    term: String,
    start: usize,
    end: usize,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Lower-cased word runs with their byte spans (apostrophes inside words kept).
fn raw_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (s, c) = it.next()?;
            if !c.is_alphanumeric() {
                continue;
            }
            let mut e = s + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    e = j + d.len_utf8();
                    it.next();
                } else if is_apostrophe(d) {
                    // keep an apostrophe only between two letters
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric()) {
                        it.next();
                        e = j + d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            return Some((s, e));
        }
    })
}

fn normalise(word: &str) -> String {
    let mut w = word.to_lowercase();
    for suffix in ["'s", "’s", "ʼs"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
        }
    }
    w.retain(|c| !is_apostrophe(c));
    w
}

/// Light plural folding so `strikes` finds `strike` and `militias` finds `militia`.
fn stem(w: String) -> String {
    let n = w.len();
    if n > 4 && w.is_ascii() {
        if w.ends_with("ies") && n > 5 {
            return format!("{}y", &w[..n - 3]);
        }
        if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
            return w[..n - 1].to_string();
        }
    }
    w
}

fn tokens(text: &str) -> impl Iterator<Item = Token> + '_ {
    raw_spans(text).map(move |(s, e)| Token { term: stem(normalise(&text[s..e])), start: s, end: e })
}

/// Normalised but unstemmed words (prefix queries match the stem of what was typed).
fn tokens_raw(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_spans(text).map(move |(s, e)| normalise(&text[s..e]))
}

#[derive(Debug, Clone, Default)]
struct Postings {
    recs: Vec<u32>,
    /// `offs[k]..offs[k + 1]` indexes `pos` for `recs[k]`.
    offs: Vec<u32>,
    pos: Vec<u32>,
}

impl Postings {
    fn push(&mut self, rec: u32, positions: &[u32]) {
        if self.offs.is_empty() {
            self.offs.push(0);
        }
        self.recs.push(rec);
        self.pos.extend_from_slice(positions);
        self.offs.push(self.pos.len() as u32);
    }

    fn positions_at(&self, k: usize) -> &[u32] {
        let (a, b) = (self.offs[k] as usize, self.offs[k + 1] as usize);
        &self.pos[a..b]
    }

    fn positions_of(&self, rec: u32) -> Option<&[u32]> {
        self.recs.binary_search(&rec).ok().map(|k| self.positions_at(k))
    }
}

#[derive(Debug, Clone, Default)]
struct RecordMeta {
    date: Option<DayRange>,
    speaker: String,
    actors: Vec<String>,
    places: Vec<String>,
    types: Vec<String>,
}

#[derive(Debug, Clone)]
struct Record {
    kind: Kind,
    doc: u32,
    item: Option<usize>,
    span: Span,
    len: u32,
    meta: RecordMeta,
    live: bool,
}

#[derive(Debug, Clone)]
struct DocEntry {
    id: String,
    file: String,
    outlet: String,
    live: bool,
}

/// A record's terms with their token positions.
type TermPositions = Vec<(String, Vec<u32>)>;

/// Tokenised records of one document, ready to merge into the index.
struct Prepared {
    doc: DocEntry,
    records: Vec<(Record, TermPositions)>,
}

/// The search index over a corpus.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    docs: Vec<DocEntry>,
    records: Vec<Record>,
    dict: HashMap<String, u32>,
    sorted: BTreeMap<String, u32>,
    postings: Vec<Postings>,
    live_records: usize,
    total_len: u64,
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn record_terms(text: &str) -> (TermPositions, u32) {
    let mut map: HashMap<String, Vec<u32>> = HashMap::new();
    let mut n = 0u32;
    for (i, t) in tokens(text).enumerate() {
        map.entry(t.term).or_default().push(i as u32);
        n = i as u32 + 1;
    }
    let mut v: Vec<(String, Vec<u32>)> = map.into_iter().collect();
    v.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    (v, n)
}

fn prepare(doc: &Document, quotes: &[(usize, &Quote)], events: &[(usize, &Event)]) -> Prepared {
    let published = doc.meta.published.as_deref().and_then(DayRange::parse);
    let entry = DocEntry {
        id: doc.id.clone(),
        file: doc.file.clone(),
        outlet: lower(doc.meta.outlet.as_deref().unwrap_or("")),
        live: true,
    };
    let mut records = Vec::with_capacity(1 + quotes.len() + events.len());
    let (terms, len) = record_terms(&doc.clean);
    let doc_meta = RecordMeta { date: published, ..Default::default() };
    records.push((
        Record {
            kind: Kind::Document,
            doc: 0,
            item: None,
            span: Span::new(0, doc.clean.len()),
            len,
            meta: doc_meta,
            live: true,
        },
        terms,
    ));
    for &(i, q) in quotes {
        // The quote's words plus its speaker, so "Asif" finds what Asif said.
        let text = format!("{} {}", doc.span_text(q.span), q.speaker);
        let (terms, len) = record_terms(&text);
        let meta = RecordMeta {
            date: published,
            speaker: lower(&q.speaker),
            actors: vec![lower(&q.speaker)],
            places: Vec::new(),
            types: Vec::new(),
        };
        records.push((
            Record { kind: Kind::Quote, doc: 0, item: Some(i), span: q.span, len, meta, live: true },
            terms,
        ));
    }
    for &(i, e) in events {
        let text = format!("{} {}", doc.span_text(e.span), e.what);
        let (terms, len) = record_terms(&text);
        let meta = RecordMeta {
            date: e.date.as_deref().and_then(DayRange::parse).or(published),
            speaker: String::new(),
            actors: e.actors.iter().map(|a| lower(a)).collect(),
            places: event_places(e),
            types: vec![lower(&e.event_type), lower(&e.sub_type)],
        };
        records.push((
            Record { kind: Kind::Event, doc: 0, item: Some(i), span: e.span, len, meta, live: true },
            terms,
        ));
    }
    Prepared { doc: entry, records }
}

fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
}

/// Merge-intersect two rec-sorted lists, summing scores.
fn intersect(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn subtract(a: Vec<(u32, f32)>, b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    a.into_iter().filter(|(r, _)| b.binary_search_by_key(r, |x| x.0).is_err()).collect()
}

fn contains_ci(haystack: &str, needle_lower: &str) -> bool {
    haystack.contains(needle_lower)
}

fn byte_to_char(text: &str, byte: usize) -> usize {
    text.get(..byte).map(|s| s.chars().count()).unwrap_or_else(|| text.chars().count())
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl SearchIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Index a whole corpus (documents, quotes and events), tokenising documents in parallel.
    pub fn build(corpus: &Corpus) -> Self {
        let mut quotes_by_doc: HashMap<&str, Vec<(usize, &Quote)>> = HashMap::new();
        for (i, q) in corpus.quotes.iter().enumerate() {
            quotes_by_doc.entry(q.doc.as_str()).or_default().push((i, q));
        }
        let mut events_by_doc: HashMap<&str, Vec<(usize, &Event)>> = HashMap::new();
        for (i, e) in corpus.events.iter().enumerate() {
            events_by_doc.entry(e.doc.as_str()).or_default().push((i, e));
        }
        let prepared: Vec<Prepared> = corpus
            .docs
            .par_iter()
            .map(|d| {
                prepare(
                    d,
                    quotes_by_doc.get(d.id.as_str()).map(|v| v.as_slice()).unwrap_or(&[]),
                    events_by_doc.get(d.id.as_str()).map(|v| v.as_slice()).unwrap_or(&[]),
                )
            })
            .collect();
        let mut index = SearchIndex::new();
        for p in prepared {
            index.merge(p);
        }
        index
    }

    /// Add one document with its quotes and events; `quote_base` / `event_base` are the
    /// indices of `quotes[0]` / `events[0]` in the corpus's lists.
    pub fn add_document(
        &mut self,
        doc: &Document,
        quotes: &[Quote],
        quote_base: usize,
        events: &[Event],
        event_base: usize,
    ) {
        let qs: Vec<(usize, &Quote)> = quotes.iter().enumerate().map(|(i, q)| (quote_base + i, q)).collect();
        let es: Vec<(usize, &Event)> = events.iter().enumerate().map(|(i, e)| (event_base + i, e)).collect();
        let p = prepare(doc, &qs, &es);
        self.merge(p);
    }

    /// Remove a document and its quotes and events. `quotes` / `events` are the ranges
    /// its items occupied in the corpus's lists, which shift down afterwards.
    pub fn remove_document(
        &mut self,
        doc_id: &str,
        quotes: std::ops::Range<usize>,
        events: std::ops::Range<usize>,
    ) {
        let Some(d) = self.docs.iter().position(|d| d.live && d.id == doc_id) else { return };
        self.docs[d].live = false;
        for r in &mut self.records {
            if r.doc as usize == d && r.live {
                r.live = false;
                self.live_records = self.live_records.saturating_sub(1);
                self.total_len = self.total_len.saturating_sub(u64::from(r.len));
            }
            let range = match r.kind {
                Kind::Quote => &quotes,
                Kind::Event => &events,
                Kind::Document => continue,
            };
            if let Some(i) = r.item.as_mut()
                && *i >= range.end
            {
                *i -= range.len();
            }
        }
    }

    fn merge(&mut self, p: Prepared) {
        let doc = self.docs.len() as u32;
        self.docs.push(p.doc);
        for (mut rec, terms) in p.records {
            rec.doc = doc;
            let id = self.records.len() as u32;
            self.live_records += 1;
            self.total_len += u64::from(rec.len);
            self.records.push(rec);
            for (term, positions) in terms {
                let t = match self.dict.get(&term) {
                    Some(&t) => t,
                    None => {
                        let t = self.postings.len() as u32;
                        self.postings.push(Postings::default());
                        self.sorted.insert(term.clone(), t);
                        self.dict.insert(term, t);
                        t
                    }
                };
                self.postings[t as usize].push(id, &positions);
            }
        }
    }

    /// Number of live records (documents + quotes + events).
    pub fn len(&self) -> usize {
        self.live_records
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.live_records == 0
    }

    fn avgdl(&self) -> f32 {
        if self.live_records == 0 { 1.0 } else { (self.total_len as f32 / self.live_records as f32).max(1.0) }
    }

    fn bm25(&self, tf: usize, len: u32, idf: f32) -> f32 {
        let tf = tf as f32;
        idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len as f32 / self.avgdl()))
    }

    fn term_list(&self, t: u32) -> Vec<(u32, f32)> {
        let p = &self.postings[t as usize];
        let w = idf(self.live_records, p.recs.len());
        p.recs
            .iter()
            .enumerate()
            .filter(|(_, r)| self.records[**r as usize].live)
            .map(|(k, &r)| (r, self.bm25(p.positions_at(k).len(), self.records[r as usize].len, w)))
            .collect()
    }

    fn prefix_terms(&self, prefix: &str) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .sorted
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(_, &t)| t)
            .collect();
        if v.len() > MAX_PREFIX_TERMS {
            v.sort_by_key(|&t| std::cmp::Reverse(self.postings[t as usize].recs.len()));
            v.truncate(MAX_PREFIX_TERMS);
        }
        // The stem of the typed prefix too ("strikes*" finds "strike").
        if let Some(&t) = self.dict.get(&stem(prefix.to_string()))
            && !v.contains(&t)
        {
            v.push(t);
        }
        v
    }

    /// Records where the phrase occurs, with the start positions of each occurrence.
    fn phrase_matches(&self, words: &[String]) -> Vec<(u32, Vec<u32>)> {
        let ids: Option<Vec<u32>> = words.iter().map(|w| self.dict.get(w).copied()).collect();
        let Some(ids) = ids else { return Vec::new() };
        let Some(rarest) = ids
            .iter()
            .enumerate()
            .min_by_key(|(_, t)| self.postings[**t as usize].recs.len())
            .map(|(k, _)| k)
        else {
            return Vec::new();
        };
        let base = &self.postings[ids[rarest] as usize];
        let mut out = Vec::new();
        'recs: for (k, &rec) in base.recs.iter().enumerate() {
            if !self.records[rec as usize].live {
                continue;
            }
            let mut lists: Vec<&[u32]> = Vec::with_capacity(ids.len());
            for (j, &t) in ids.iter().enumerate() {
                if j == rarest {
                    lists.push(base.positions_at(k));
                } else {
                    match self.postings[t as usize].positions_of(rec) {
                        Some(p) => lists.push(p),
                        None => continue 'recs,
                    }
                }
            }
            let starts: Vec<u32> = lists[0]
                .iter()
                .copied()
                .filter(|&s| {
                    lists.iter().enumerate().skip(1).all(|(j, l)| l.binary_search(&(s + j as u32)).is_ok())
                })
                .collect();
            if !starts.is_empty() {
                out.push((rec, starts));
            }
        }
        out
    }

    fn clause_list(&self, c: &Clause) -> Vec<(u32, f32)> {
        match c {
            Clause::Term(t) => self.dict.get(t).map(|&t| self.term_list(t)).unwrap_or_default(),
            Clause::Prefix(p) => {
                let mut all: Vec<(u32, f32)> =
                    self.prefix_terms(p).into_iter().flat_map(|t| self.term_list(t)).collect();
                all.sort_unstable_by_key(|x| x.0);
                let mut merged: Vec<(u32, f32)> = Vec::with_capacity(all.len());
                for (r, s) in all {
                    match merged.last_mut() {
                        Some(last) if last.0 == r => last.1 = last.1.max(s),
                        _ => merged.push((r, s)),
                    }
                }
                merged
            }
            Clause::Phrase(words) => {
                let m = self.phrase_matches(words);
                let w = idf(self.live_records, m.len()) * 1.5;
                m.into_iter()
                    .map(|(r, starts)| (r, self.bm25(starts.len(), self.records[r as usize].len, w)))
                    .collect()
            }
        }
    }

    /// Token positions (start, token count) of a clause's matches in one record.
    fn match_positions(&self, c: &Clause, rec: u32) -> Vec<(u32, u32)> {
        match c {
            Clause::Term(t) => self
                .dict
                .get(t)
                .and_then(|&t| self.postings[t as usize].positions_of(rec))
                .map(|p| p.iter().map(|&x| (x, 1)).collect())
                .unwrap_or_default(),
            Clause::Prefix(p) => self
                .prefix_terms(p)
                .into_iter()
                .filter_map(|t| self.postings[t as usize].positions_of(rec))
                .flat_map(|p| p.iter().map(|&x| (x, 1)))
                .collect(),
            Clause::Phrase(words) => {
                let n = words.len() as u32;
                self.phrase_matches_in(words, rec).into_iter().map(|s| (s, n)).collect()
            }
        }
    }

    fn phrase_matches_in(&self, words: &[String], rec: u32) -> Vec<u32> {
        let mut lists: Vec<&[u32]> = Vec::new();
        for w in words {
            match self.dict.get(w).and_then(|&t| self.postings[t as usize].positions_of(rec)) {
                Some(p) => lists.push(p),
                None => return Vec::new(),
            }
        }
        let Some(first) = lists.first() else { return Vec::new() };
        first
            .iter()
            .copied()
            .filter(|&s| {
                lists.iter().enumerate().skip(1).all(|(j, l)| l.binary_search(&(s + j as u32)).is_ok())
            })
            .collect()
    }

    /// Does the record's own text contain these words consecutively?
    fn record_mentions(&self, rec: u32, needle: &str) -> bool {
        let words: Vec<String> = tokens(needle).map(|t| t.term).collect();
        if words.is_empty() {
            return true;
        }
        !self.phrase_matches_in(&words, rec).is_empty()
    }

    fn passes(&self, rec: u32, f: &SearchFilters, from: Option<i64>, to: Option<i64>) -> bool {
        let r = &self.records[rec as usize];
        if !r.live {
            return false;
        }
        if !f.kinds.is_empty() && !f.kinds.contains(&r.kind) {
            return false;
        }
        if from.is_some() || to.is_some() {
            let Some(d) = r.meta.date else { return false };
            if from.is_some_and(|x| d.end < x) || to.is_some_and(|x| d.start > x) {
                return false;
            }
        }
        let doc = &self.docs[r.doc as usize];
        if let Some(o) = f.outlet.as_deref().map(lower).filter(|s| !s.is_empty())
            && !contains_ci(&doc.outlet, &o)
        {
            return false;
        }
        if let Some(s) = f.speaker.as_deref().map(lower).filter(|s| !s.is_empty())
            && !(r.kind == Kind::Quote && contains_ci(&r.meta.speaker, &s))
        {
            return false;
        }
        if let Some(t) = f.event_type.as_deref().map(lower).filter(|s| !s.is_empty())
            && !(r.kind == Kind::Event && r.meta.types.iter().any(|x| contains_ci(x, &t)))
        {
            return false;
        }
        if let Some(a) = f.actor.as_deref().filter(|s| !s.trim().is_empty()) {
            let al = lower(a);
            let ok = match r.kind {
                Kind::Event | Kind::Quote => r.meta.actors.iter().any(|x| contains_ci(x, &al)),
                Kind::Document => self.record_mentions(rec, a),
            };
            if !ok {
                return false;
            }
        }
        if let Some(p) = f.place.as_deref().filter(|s| !s.trim().is_empty()) {
            let pl = lower(p);
            let ok = match r.kind {
                Kind::Event => r.meta.places.iter().any(|x| contains_ci(x, &pl)),
                Kind::Quote | Kind::Document => self.record_mentions(rec, p),
            };
            if !ok {
                return false;
            }
        }
        true
    }

    /// Ranked hits for `query` under `filters`, best first, at most `limit`. `docs` are
    /// the corpus's documents (for snippets). An empty query with filters lists the
    /// filtered records in corpus order.
    pub fn search(
        &self,
        docs: &[Document],
        query: &Query,
        filters: &SearchFilters,
        limit: usize,
    ) -> Vec<Hit> {
        let (from, to) = filters.day_bounds();
        let mut scored: Vec<(u32, f32)> = if query.all.is_empty() {
            if filters.is_empty() {
                return Vec::new();
            }
            (0..self.records.len() as u32).map(|r| (r, 0.0)).collect()
        } else {
            let mut lists: Vec<Vec<(u32, f32)>> = query.all.iter().map(|c| self.clause_list(c)).collect();
            lists.sort_by_key(|l| l.len());
            let mut it = lists.into_iter();
            let mut acc = it.next().unwrap_or_default();
            for l in it {
                if acc.is_empty() {
                    break;
                }
                acc = intersect(&acc, &l);
            }
            acc
        };
        for c in &query.none {
            let mut ex = self.clause_list(c);
            ex.sort_unstable_by_key(|x| x.0);
            scored = subtract(scored, &ex);
        }
        scored.retain(|&(r, _)| self.passes(r, filters, from, to));
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(limit);
        let by_id: HashMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
        scored.into_iter().filter_map(|(r, s)| self.hit(r, s, query, &by_id)).collect()
    }

    fn hit(&self, rec: u32, score: f32, query: &Query, docs: &HashMap<&str, &Document>) -> Option<Hit> {
        let r = &self.records[rec as usize];
        let entry = &self.docs[r.doc as usize];
        let doc = docs.get(entry.id.as_str())?;
        let text = doc.clean.get(r.span.start..r.span.end).unwrap_or("");
        // Token positions matched, then their byte spans (re-tokenising the record's text;
        // positions past its end belong to the appended speaker / summary and are skipped).
        let mut pos: Vec<(u32, u32, usize)> = query
            .all
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| self.match_positions(c, rec).into_iter().map(move |(p, n)| (p, n, ci)))
            .collect();
        pos.sort_unstable();
        let toks: Vec<(usize, usize)> = tokens(text).map(|t| (t.start, t.end)).collect();
        let mut tagged: Vec<(usize, usize, usize)> = pos
            .iter()
            .filter_map(|&(p, n, ci)| {
                let a = toks.get(p as usize)?;
                let b = toks.get((p + n - 1) as usize)?;
                Some((r.span.start + a.0, r.span.start + b.1, ci))
            })
            .collect();
        tagged.sort_unstable();
        tagged.dedup();
        // Show the passage where the most different clauses match close together.
        let mut first = tagged.first().map(|t| (t.0, t.1)).unwrap_or((r.span.start, r.span.start));
        let mut best = 0usize;
        for (i, t) in tagged.iter().enumerate() {
            let mut seen: Vec<usize> = Vec::new();
            for u in tagged[i..].iter().take_while(|u| u.0 < t.0 + SNIPPET_LEN / 2) {
                if !seen.contains(&u.2) {
                    seen.push(u.2);
                }
            }
            if seen.len() > best {
                best = seen.len();
                first = (t.0, t.1);
            }
        }
        let mut spans: Vec<(usize, usize)> = tagged.iter().map(|t| (t.0, t.1)).collect();
        spans.dedup();
        let (snippet, highlights) = make_snippet(&doc.clean, r.span, first.0, &spans);
        Some(Hit {
            doc: entry.id.clone(),
            file: entry.file.clone(),
            kind: r.kind,
            item: r.item,
            score,
            snippet,
            highlights,
            start: byte_to_char(&doc.clean, first.0),
            end: byte_to_char(&doc.clean, first.1),
            span: Span::new(first.0, first.1),
        })
    }
}

/// Snippet of `text` within `bounds` around byte `anchor`, with `spans` (absolute byte
/// ranges) turned into highlight ranges of the snippet.
fn make_snippet(
    text: &str,
    bounds: Span,
    anchor: usize,
    spans: &[(usize, usize)],
) -> (String, Vec<(usize, usize)>) {
    let lo = floor_char(text, bounds.start);
    let hi = floor_char(text, bounds.end.max(lo));
    let anchor = floor_char(text, anchor.clamp(lo, hi));
    // back up SNIPPET_BEFORE characters, then to a word start
    let mut start = anchor;
    for (n, (i, _)) in text[lo..anchor].char_indices().rev().enumerate() {
        start = lo + i;
        if n + 1 >= SNIPPET_BEFORE {
            break;
        }
    }
    if start > lo
        && let Some(sp) = text[start..anchor].find(char::is_whitespace)
    {
        start += sp + 1;
    }
    let mut end = hi;
    if let Some((i, _)) = text[start..hi].char_indices().nth(SNIPPET_LEN) {
        end = start + i;
        if let Some(sp) = text[start..end].rfind(char::is_whitespace)
            && start + sp > anchor
        {
            end = start + sp;
        }
    }
    let start = floor_char(text, start);
    let end = floor_char(text, end.max(start));
    let lead = if start > lo { "…" } else { "" };
    let trail = if end < hi { "…" } else { "" };
    let body: String = text[start..end].chars().map(|c| if c.is_whitespace() { ' ' } else { c }).collect();
    // whitespace chars may change byte length ('\u{a0}' -> ' '); map offsets through a table
    let mut map: Vec<usize> = Vec::with_capacity(end - start + 1);
    let mut out_len = lead.len();
    for c in text[start..end].chars() {
        let w = if c.is_whitespace() { 1 } else { c.len_utf8() };
        for _ in 0..c.len_utf8() {
            map.push(out_len);
        }
        out_len += w;
    }
    map.push(out_len);
    let snippet = format!("{lead}{}{trail}", body.trim_end());
    let highlights = spans
        .iter()
        .filter(|&&(a, b)| a >= start && b <= end && a < b)
        .map(|&(a, b)| (map[a - start], map[b - start].min(snippet.len())))
        .collect();
    (snippet, highlights)
}

/// Run `briefing-builder search`; returns the exit code.
/// `filters` narrow the hits; with filters, an empty query lists what they match.
pub fn cli_run(query: &str, files: &[PathBuf], json: bool, limit: usize, filters: &SearchFilters) -> i32 {
    use std::io::Write;
    let (docs, failed) = crate::cli::load_files_or_seeds(files);
    if docs.is_empty() {
        eprintln!("briefing-builder: no documents to search");
        return 2;
    }
    let q = Query::parse(query);
    if q.is_empty() && filters.is_empty() {
        eprintln!("briefing-builder: empty query (give words, \"a phrase\" or a prefix*, or a filter)");
        return 2;
    }
    let corpus = Corpus::build(docs);
    let index = SearchIndex::build(&corpus);
    let hits = index.search(&corpus.docs, &q, filters, limit);
    let mut out = std::io::stdout().lock();
    let res = if json {
        let v: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                serde_json::json!({
                    "doc": h.file,
                    "kind": h.kind,
                    "snippet": h.snippet,
                    "score": h.score,
                    "start": h.start,
                    "end": h.end,
                    "item": h.item,
                    "highlights": h.highlights,
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &v).map_err(std::io::Error::other).and_then(|_| writeln!(out))
    } else {
        let mut r = Ok(());
        for h in &hits {
            let mut marked = String::new();
            let mut last = 0;
            for &(a, b) in &h.highlights {
                if a < last || b > h.snippet.len() {
                    continue;
                }
                marked.push_str(&h.snippet[last..a]);
                marked.push('[');
                marked.push_str(&h.snippet[a..b]);
                marked.push(']');
                last = b;
            }
            marked.push_str(&h.snippet[last..]);
            r = writeln!(out, "{:7.3}  {:8}  {}:{}  {}", h.score, h.kind.as_str(), h.file, h.start, marked);
            if r.is_err() {
                break;
            }
        }
        if r.is_ok() && hits.is_empty() {
            r = writeln!(out, "no matches");
        }
        r
    };
    if let Err(e) = res {
        eprintln!("briefing-builder: cannot write output: {e}");
        return 1;
    }
    if failed { 2 } else { 0 }
}
