//! Look-up tables over a loaded corpus, and the filtered, sorted row lists the Sources,
//! Quotes and Events views show. Pure data: no drawing, so it is tested and benchmarked
//! without a window.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::pipeline::Corpus;

/// Per-document look-ups, rebuilt whenever the corpus changes.
#[derive(Debug, Clone, Default)]
pub struct CorpusIndex {
    /// Document index by document id.
    pub by_id: HashMap<String, usize>,
    /// Indices into `corpus.quotes` for each document, in text order.
    pub quotes_of: Vec<Vec<usize>>,
    /// Indices into `corpus.events` for each document, in text order.
    pub events_of: Vec<Vec<usize>>,
    /// Lower-cased "title outlet file date" of each document, for the filter box.
    pub doc_haystack: Vec<String>,
}

impl CorpusIndex {
    /// Index a corpus.
    pub fn build(corpus: &Corpus) -> Self {
        let by_id: HashMap<String, usize> =
            corpus.docs.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
        let mut quotes_of = vec![Vec::new(); corpus.docs.len()];
        for (qi, q) in corpus.quotes.iter().enumerate() {
            if let Some(&d) = by_id.get(&q.doc) {
                quotes_of[d].push(qi);
            }
        }
        let mut events_of = vec![Vec::new(); corpus.docs.len()];
        for (ei, e) in corpus.events.iter().enumerate() {
            if let Some(&d) = by_id.get(&e.doc) {
                events_of[d].push(ei);
            }
        }
        let doc_haystack = corpus
            .docs
            .iter()
            .map(|d| {
                format!(
                    "{} {} {} {} {}",
                    d.display_title(),
                    d.meta.outlet.as_deref().unwrap_or(""),
                    d.file,
                    d.meta.published.as_deref().unwrap_or(""),
                    d.meta.author.as_deref().unwrap_or("")
                )
                .to_lowercase()
            })
            .collect();
        CorpusIndex { by_id, quotes_of, events_of, doc_haystack }
    }

    /// Indices of the documents matching every word of `filter` (case-insensitive).
    pub fn filter_docs(&self, filter: &str) -> Vec<usize> {
        let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
        (0..self.doc_haystack.len())
            .filter(|&i| words.iter().all(|w| self.doc_haystack[i].contains(w.as_str())))
            .collect()
    }
}

/// Filters of the Quotes and Events tables. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TableFilter {
    /// Words that must appear in the quote text / event sentence.
    pub text: String,
    /// Speaker (quotes) or actor (events), substring.
    pub who: String,
    /// Place, substring (events).
    pub place: String,
    /// ACLED event type, exact; empty for all (events).
    pub event_type: String,
    /// Earliest date, ISO prefix (events).
    pub date_from: String,
    /// Latest date, ISO prefix (events).
    pub date_to: String,
    /// Document title or file, substring.
    pub doc: String,
}

impl TableFilter {
    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        *self == TableFilter::default()
    }
}

/// Columns the Quotes table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum QuoteColumn {
    /// Corpus order (document, then position).
    #[default]
    Document,
    /// Speaker name.
    Speaker,
    /// Quote text.
    Text,
    /// Attribution confidence.
    Confidence,
}

/// Columns the Events table sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum EventColumn {
    /// Event date (undated last).
    #[default]
    Date,
    /// ACLED type.
    Type,
    /// First place.
    Place,
    /// Fatalities.
    Fatalities,
    /// Corpus order.
    Document,
}

/// A sort order: column and direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Sort<C> {
    /// Column.
    pub column: C,
    /// Descending when true.
    pub descending: bool,
}

impl<C: PartialEq + Copy> Sort<C> {
    /// Sort by `column`; clicking the current column again flips the direction.
    pub fn toggled(self, column: C) -> Self {
        if self.column == column {
            Sort { column, descending: !self.descending }
        } else {
            Sort { column, descending: false }
        }
    }
}

fn contains_ci(haystack: &str, needle_lower: &str) -> bool {
    needle_lower.is_empty() || haystack.to_lowercase().contains(needle_lower)
}

fn doc_matches(corpus: &Corpus, index: &CorpusIndex, doc_id: &str, needle_lower: &str) -> bool {
    if needle_lower.is_empty() {
        return true;
    }
    index.by_id.get(doc_id).and_then(|&i| index.doc_haystack.get(i)).is_some_and(|h| h.contains(needle_lower))
        || corpus.doc(doc_id).is_none() && doc_id.to_lowercase().contains(needle_lower)
}

/// Rows of the Quotes table: indices into `corpus.quotes`, filtered and sorted.
pub fn quote_rows(
    corpus: &Corpus,
    index: &CorpusIndex,
    f: &TableFilter,
    sort: Sort<QuoteColumn>,
) -> Vec<usize> {
    let text = f.text.to_lowercase();
    let who = f.who.to_lowercase();
    let doc = f.doc.to_lowercase();
    let mut rows: Vec<usize> = corpus
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| {
            contains_ci(&q.text, &text)
                && (contains_ci(&q.speaker, &who) || q.role.as_deref().is_some_and(|r| contains_ci(r, &who)))
                && doc_matches(corpus, index, &q.doc, &doc)
        })
        .map(|(i, _)| i)
        .collect();
    let key = |a: &usize, b: &usize| -> Ordering {
        let (qa, qb) = (&corpus.quotes[*a], &corpus.quotes[*b]);
        match sort.column {
            QuoteColumn::Document => a.cmp(b),
            QuoteColumn::Speaker => qa.speaker.to_lowercase().cmp(&qb.speaker.to_lowercase()).then(a.cmp(b)),
            QuoteColumn::Text => qa.text.cmp(&qb.text).then(a.cmp(b)),
            QuoteColumn::Confidence => qa.confidence.total_cmp(&qb.confidence).then(a.cmp(b)),
        }
    };
    rows.sort_by(|a, b| if sort.descending { key(b, a) } else { key(a, b) });
    rows
}

/// Rows of the Events table: indices into `corpus.events`, filtered and sorted.
pub fn event_rows(
    corpus: &Corpus,
    index: &CorpusIndex,
    f: &TableFilter,
    sort: Sort<EventColumn>,
) -> Vec<usize> {
    let text = f.text.to_lowercase();
    let who = f.who.to_lowercase();
    let place = f.place.to_lowercase();
    let doc = f.doc.to_lowercase();
    let from = f.date_from.trim();
    let to = f.date_to.trim();
    let mut rows: Vec<usize> = corpus
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            (contains_ci(&e.evidence, &text) || contains_ci(&e.what, &text))
                && (who.is_empty() || e.actors.iter().any(|a| contains_ci(a, &who)))
                && (place.is_empty()
                    || e.locations.iter().any(|l| {
                        contains_ci(&l.text, &place)
                            || l.place.as_ref().is_some_and(|p| {
                                contains_ci(&p.name, &place)
                                    || p.district.as_deref().is_some_and(|d| contains_ci(d, &place))
                                    || p.province.as_deref().is_some_and(|d| contains_ci(d, &place))
                            })
                    }))
                && (f.event_type.is_empty() || e.event_type == f.event_type)
                && date_in_range(e.date.as_deref(), from, to)
                && doc_matches(corpus, index, &e.doc, &doc)
        })
        .map(|(i, _)| i)
        .collect();
    let key = |a: &usize, b: &usize| -> Ordering {
        let (ea, eb) = (&corpus.events[*a], &corpus.events[*b]);
        match sort.column {
            EventColumn::Date => match (&ea.date, &eb.date) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then(a.cmp(b)),
            EventColumn::Type => {
                ea.event_type.cmp(&eb.event_type).then(ea.sub_type.cmp(&eb.sub_type)).then(a.cmp(b))
            }
            EventColumn::Place => first_place(ea).cmp(&first_place(eb)).then(a.cmp(b)),
            EventColumn::Fatalities => ea.fatalities.cmp(&eb.fatalities).then(a.cmp(b)),
            EventColumn::Document => a.cmp(b),
        }
    };
    rows.sort_by(|a, b| if sort.descending { key(b, a) } else { key(a, b) });
    rows
}

fn first_place(e: &crate::extract::Event) -> String {
    e.locations.first().map(|l| l.text.to_lowercase()).unwrap_or_else(|| "\u{10FFFF}".to_string())
}

/// Whether an ISO / partial / range date overlaps `[from, to]` (ISO prefixes; empty = open).
/// Undated events match only when no bound is set.
pub fn date_in_range(date: Option<&str>, from: &str, to: &str) -> bool {
    if from.is_empty() && to.is_empty() {
        return true;
    }
    let Some(date) = date else { return false };
    let (start, end) = match date.split_once('/') {
        Some((s, e)) => (s, e),
        None => (date, date),
    };
    // Compare on the common prefix length so "2025" overlaps "2025-10-03".
    let ge = |a: &str, b: &str| {
        let n = a.len().min(b.len());
        a[..n] >= b[..n]
    };
    let le = |a: &str, b: &str| {
        let n = a.len().min(b.len());
        a[..n] <= b[..n]
    };
    (from.is_empty() || ge(end, from)) && (to.is_empty() || le(start, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_overlap_on_prefixes() {
        assert!(date_in_range(Some("2025-10-03"), "2025-10", ""));
        assert!(date_in_range(Some("2025-10-03"), "", "2025-10-03"));
        assert!(!date_in_range(Some("2025-10-03"), "2025-11", ""));
        assert!(!date_in_range(Some("2025-10-03"), "", "2025-09-30"));
        assert!(date_in_range(Some("2025"), "2025-06-01", "2025-06-30"));
        assert!(date_in_range(Some("2026-02-24/2026-02-26"), "2026-02-25", "2026-02-25"));
        assert!(!date_in_range(None, "2025", ""));
        assert!(date_in_range(None, "", ""));
    }

    #[test]
    fn sort_toggle_flips_same_column_only() {
        let s = Sort { column: QuoteColumn::Speaker, descending: false };
        assert!(s.toggled(QuoteColumn::Speaker).descending);
        let t = s.toggled(QuoteColumn::Text);
        assert_eq!(t.column, QuoteColumn::Text);
        assert!(!t.descending);
    }

    #[test]
    fn doc_filter_matches_all_words_case_insensitively() {
        let mut docs = crate::corpus::embedded_seeds();
        docs.truncate(2);
        let corpus = Corpus { docs, ..Default::default() };
        let index = CorpusIndex::build(&corpus);
        assert_eq!(index.filter_docs("").len(), 2);
        let file = corpus.docs[1].file.to_uppercase();
        assert_eq!(index.filter_docs(&file), vec![1]);
        assert!(index.filter_docs("zzzz-no-such-word").is_empty());
    }
}
