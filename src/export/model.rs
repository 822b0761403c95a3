//! The export document model: the ONE place that decides what an exported briefing
//! contains. [`ExportDoc::build`] turns a [`Briefing`] into titled sections of
//! [`DocBlock`]s with styled [`Span`]s; the Markdown writer and the PDF layout both
//! render this model and make no content decisions of their own.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeStream};

use super::ExportOptions;
use crate::briefing::{Block, BlockContent, Briefing, EventItem, IncidentItem, QuoteItem, SectionKind};
use crate::extract::dates::MONTH_NAMES as MONTHS;

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Span {
    /// The text. A lone `"\n"` is a hard line break.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Target URL when the span is a link.
    pub link: Option<String>,
    /// Number of the cited source when the span is a footnote reference.
    pub footnote: Option<usize>,
}

impl Span {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Self {
        Span { text: text.into(), ..Default::default() }
    }
    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Self {
        Span { text: text.into(), bold: true, ..Default::default() }
    }
    /// Italic text.
    pub fn italic(text: impl Into<String>) -> Self {
        Span { text: text.into(), italic: true, ..Default::default() }
    }
    /// A link.
    pub fn link(text: impl Into<String>, url: impl Into<String>) -> Self {
        Span { text: text.into(), link: Some(url.into()), ..Default::default() }
    }
    /// A footnote reference to source number `n`.
    pub fn footnote(n: usize) -> Self {
        Span { text: n.to_string(), footnote: Some(n), ..Default::default() }
    }
    /// True for a hard line break.
    pub fn is_break(&self) -> bool {
        self.text == "\n" && self.footnote.is_none()
    }
}

/// Styled text: a sequence of spans.
pub type Rich = Vec<Span>;

/// Plain text of a rich run (footnote references left out).
pub fn plain_text(rich: &[Span]) -> String {
    rich.iter().filter(|s| s.footnote.is_none()).map(|s| s.text.as_str()).collect()
}

/// One block of the exported document.
#[derive(Debug, Clone, PartialEq)]
pub enum DocBlock {
    /// A sub-heading (from free text); `level` 3 is the first level below sections.
    Heading {
        /// 3..=6.
        level: u8,
        /// Heading text.
        text: Rich,
    },
    /// A paragraph.
    Paragraph(Rich),
    /// A bulleted or numbered list of one-paragraph items.
    List {
        /// Numbered list when `Some(first number)`.
        start: Option<u64>,
        /// Items.
        items: Vec<Rich>,
    },
    /// A block quote (picked quote, excerpt or quoted free text) with an optional attribution line.
    Quote {
        /// Paragraphs of the quoted text.
        body: Vec<Rich>,
        /// Attribution line (`— Speaker, role (Outlet, date)`); empty for none.
        attribution: Rich,
    },
    /// A table with a header row.
    Table {
        /// Column headings.
        header: Vec<String>,
        /// Relative column widths (PDF).
        weights: Vec<f32>,
        /// Rows of cells.
        rows: Vec<Vec<Rich>>,
    },
    /// An analyst's note.
    Note(Rich),
    /// Where the timeline figure of the briefing's events goes (PDF only).
    Timeline,
    /// Where the generated list of sources goes.
    SourceList,
}

/// A section of the exported document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocSection {
    /// Heading.
    pub title: String,
    /// Blocks in order.
    pub blocks: Vec<DocBlock>,
}

/// A cited source, numbered in order of first citation.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    /// Footnote number (1-based).
    pub number: usize,
    /// Document id.
    pub id: String,
    /// Outlet ("Dawn"), when known.
    pub outlet: Option<String>,
    /// Article title.
    pub title: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date, formatted.
    pub published: Option<String>,
}

impl SourceEntry {
    /// Short name for attributions and table cells: the outlet, else the URL's host,
    /// else "Source N".
    pub fn short_name(&self) -> String {
        if let Some(o) = &self.outlet {
            return o.clone();
        }
        if let Some(host) = self.url.as_deref().and_then(url_host) {
            return host;
        }
        format!("Source {}", self.number)
    }

    /// The full citation as styled text: outlet, “title”, author, date, URL.
    pub fn citation(&self) -> Rich {
        let mut out = Vec::new();
        match (&self.outlet, &self.title) {
            (Some(o), Some(t)) => {
                out.push(Span::bold(o.clone()));
                out.push(Span::plain(format!(", “{t}”")));
            }
            (Some(o), None) => out.push(Span::bold(o.clone())),
            (None, Some(t)) => out.push(Span::bold(format!("“{t}”"))),
            (None, None) => out.push(Span::bold(self.short_name())),
        }
        if let Some(a) = &self.author {
            out.push(Span::plain(format!(", {a}")));
        }
        if let Some(d) = &self.published {
            out.push(Span::plain(format!(", {d}")));
        }
        out.push(Span::plain("."));
        if let Some(u) = &self.url {
            out.push(Span::plain(" "));
            out.push(Span::link(u.clone(), u.clone()));
        }
        out
    }
}

/// One event or incident on the map figure, placed at its most specific known place.
#[derive(Debug, Clone, PartialEq)]
pub struct MapMarker {
    /// Longitude (degrees).
    pub lon: f64,
    /// Latitude (degrees).
    pub lat: f64,
    /// ACLED event type (colour).
    pub event_type: String,
    /// Gazetteer name of the place.
    pub place: String,
}

/// The most specific gazetteer place among `names` (town before district before province;
/// countries are skipped: a country-wide marker would mislead).
fn map_place(names: &[String]) -> Option<crate::extract::places::Place> {
    names
        .iter()
        .filter_map(|n| crate::extract::places::lookup(n))
        .filter_map(|p| crate::analysis::geo::map_rank(&p).map(|r| (r, p)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, p)| p)
}

/// One dated event on the timeline figure.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    /// Days since 1970-01-01 (start of the date or range).
    pub day: i64,
    /// Formatted date.
    pub date: String,
    /// Short label.
    pub label: String,
    /// ACLED event type (decides the colour).
    pub event_type: String,
}

/// A briefing ready to be rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDoc {
    /// Title.
    pub title: String,
    /// Handling marking, shown at the top and bottom of every page.
    pub marking: String,
    /// Author (PDF metadata).
    pub author: String,
    /// Title-block fields in order: ("Date", "12 March 2026"), ("From", …), ("To", …).
    pub fields: Vec<(String, String)>,
    /// Summary paragraphs under the title block.
    pub summary: Vec<DocBlock>,
    /// Sections that have content.
    pub sections: Vec<DocSection>,
    /// Cited sources, numbered.
    pub sources: Vec<SourceEntry>,
    /// Dated events for the timeline figure, in date order.
    pub timeline: Vec<TimelineEvent>,
    /// Events and incidents with gazetteer coordinates, for the map figure (PDF only).
    pub map: Vec<MapMarker>,
    /// Keywords (PDF metadata): places and event types.
    pub keywords: Vec<String>,
}

fn parse_ymd(s: &str) -> Option<(i32, Option<u32>, Option<u32>)> {
    let mut parts = s.trim().split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    let m = match parts.next() {
        Some(p) => Some(p.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
        None => None,
    };
    let d = match parts.next() {
        Some(p) => Some(p.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some((y, m, d))
}

fn format_one(s: &str, short: bool) -> Option<String> {
    let (y, m, d) = parse_ymd(s)?;
    let month = |m: u32| {
        let name = MONTHS[(m - 1) as usize];
        if short { name[..3].to_string() } else { name.to_string() }
    };
    Some(match (m, d) {
        (Some(m), Some(d)) => format!("{d} {} {y}", month(m)),
        (Some(m), None) => format!("{} {y}", month(m)),
        _ => y.to_string(),
    })
}

/// Format an ISO date, partial date (`2025-10`, `2025`) or range (`a/b`) for reading:
/// `12 October 2025`; `short` gives `12 Oct 2025`. Anything else is returned as written.
pub fn format_date(s: &str, short: bool) -> String {
    if let Some((a, b)) = s.split_once('/')
        && let (Some(fa), Some(fb)) = (format_one(a, short), format_one(b, short))
    {
        return format!("{fa} – {fb}");
    }
    format_one(s, short).unwrap_or_else(|| s.trim().to_string())
}

/// Days since 1970-01-01 of the start of an ISO / partial / range date.
pub fn date_to_day(s: &str) -> Option<i64> {
    let first = s.split('/').next()?;
    let (y, m, d) = parse_ymd(first)?;
    let (m, d) = match (m, d) {
        (Some(m), Some(d)) => (m as i64, d as i64),
        (Some(m), None) => (m as i64, 15),
        _ => (7, 1),
    };
    Some(crate::analysis::timeline::days_from_civil(i64::from(y), m as u32, d as u32))
}

/// Host of a URL without `www.` ("dawn.com").
fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.trim_start_matches("www.");
    (!host.is_empty() && host.contains('.')).then(|| host.to_string())
}

/// Collapse runs of whitespace to single spaces and trim.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Remove surrounding quotation marks from picked quote text.
fn strip_quote_marks(s: &str) -> String {
    let t = s.trim();
    let open = ['"', '“', '‘', '\'', '«', '„'];
    let close = ['"', '”', '’', '\'', '»', '“'];
    let mut chars = t.chars();
    match (chars.next(), t.chars().last()) {
        (Some(a), Some(b)) if t.chars().count() >= 2 && open.contains(&a) && close.contains(&b) => {
            let inner: String = t.chars().skip(1).take(t.chars().count() - 2).collect();
            // Keep the marks when the inside holds another quotation (“a” … “b”).
            if inner.contains(['“', '”', '"']) { t.to_string() } else { inner.trim().to_string() }
        }
        _ => t.to_string(),
    }
}

/// Shorten to at most `max` characters at a word boundary, adding an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ', '.']))
}

struct Builder<'a> {
    opts: &'a ExportOptions,
    sources: Vec<SourceEntry>,
}

impl Builder<'_> {
    fn number_of(&self, id: &str) -> Option<usize> {
        self.sources.iter().find(|s| s.id == id).map(|s| s.number)
    }

    /// Footnote references for a block's citations (each source once, in order).
    fn refs(&self, block: &Block) -> Rich {
        let mut nums: Vec<usize> = Vec::new();
        for c in &block.citations {
            if let Some(n) = self.number_of(&c.source)
                && !nums.contains(&n)
            {
                nums.push(n);
            }
        }
        nums.into_iter().map(Span::footnote).collect()
    }

    fn first_source(&self, block: &Block) -> Option<&SourceEntry> {
        block.citations.first().and_then(|c| self.sources.iter().find(|s| s.id == c.source))
    }

    /// "(Outlet, 12 October 2025)" for the first citation of a block.
    fn outlet_date(&self, block: &Block) -> Option<String> {
        let s = self.first_source(block)?;
        Some(match &s.published {
            Some(d) => format!("{}, {d}", s.short_name()),
            None => s.short_name(),
        })
    }

    fn note(&self, block: &Block) -> Option<DocBlock> {
        let note = block.note.trim();
        if !self.opts.include_notes || note.is_empty() {
            return None;
        }
        let mut rich =
            vec![Span { text: "Analyst’s note: ".into(), bold: true, italic: true, ..Default::default() }];
        rich.extend(inline_markdown(note));
        Some(DocBlock::Note(rich))
    }

    fn quote(&self, block: &Block, q: &QuoteItem) -> DocBlock {
        let mut body = vec![Span::plain(format!("“{}”", squash(&strip_quote_marks(&q.text))))];
        body.extend(self.refs(block));
        let mut attr = format!("— {}", squash(&q.speaker));
        if attr.trim() == "—" {
            attr = "— Unattributed".to_string();
        }
        if let Some(role) = q.role.as_deref().map(squash).filter(|r| !r.is_empty()) {
            attr.push_str(&format!(", {role}"));
        }
        if let Some(od) = self.outlet_date(block) {
            attr.push_str(&format!(" ({od})"));
        }
        if block.is_edited() {
            attr.push_str(" [quotation edited]");
        }
        DocBlock::Quote { body: vec![body], attribution: vec![Span::plain(attr)] }
    }

    fn excerpt(&self, block: &Block, text: &str) -> DocBlock {
        let paras: Vec<&str> = text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
        let mut body: Vec<Rich> = paras.iter().map(|p| vec![Span::plain(squash(p))]).collect();
        if body.is_empty() {
            body.push(Vec::new());
        }
        if let Some(last) = body.last_mut() {
            last.extend(self.refs(block));
        }
        let mut attribution = Vec::new();
        if let Some(s) = self.first_source(block) {
            let mut a = match (&s.outlet, &s.title) {
                (Some(o), Some(t)) => format!("— {o}, “{t}”"),
                (None, Some(t)) => format!("— “{t}”"),
                _ => format!("— {}", s.short_name()),
            };
            if let Some(d) = &s.published {
                a.push_str(&format!(", {d}"));
            }
            if block.is_edited() {
                a.push_str(" [excerpt edited]");
            }
            attribution.push(Span::plain(a));
        }
        DocBlock::Quote { body, attribution }
    }

    fn event_row(&self, block: &Block, e: &EventItem) -> Vec<Rich> {
        let date = e
            .date
            .as_deref()
            .map(|d| format_date(d, true))
            .or_else(|| e.date_text.clone())
            .unwrap_or_else(|| "Undated".to_string());
        let what = if e.what.trim().is_empty() { squash(&e.evidence) } else { squash(&e.what) };
        let mut what_cell = vec![Span::plain(what)];
        let kind = if e.sub_type.trim().is_empty() { e.event_type.trim() } else { e.sub_type.trim() };
        if !kind.is_empty() {
            what_cell.push(Span::plain(" "));
            what_cell.push(Span::italic(format!("({kind})")));
        }
        let fatalities = match (e.fatalities, e.fatalities_claimed_by.as_deref()) {
            (Some(n), Some(by)) if !by.trim().is_empty() => format!("{n} (per {})", squash(by)),
            (Some(n), _) => n.to_string(),
            (None, _) => "–".to_string(),
        };
        let mut source =
            vec![Span::plain(self.first_source(block).map(|s| s.short_name()).unwrap_or_default())];
        source.extend(self.refs(block));
        vec![
            vec![Span::plain(date)],
            vec![Span::plain(join_or_dash(&e.locations))],
            what_cell,
            vec![Span::plain(join_or_dash(&e.actors))],
            vec![Span::plain(fatalities)],
            source,
        ]
    }

    fn incident(&self, block: &Block, i: &IncidentItem) -> Vec<DocBlock> {
        let mut lead = Vec::new();
        let date = i.date.as_deref().map(|d| format_date(d, false));
        let head = match &date {
            Some(d) => format!("{d} — {}", squash(&i.what)),
            None => squash(&i.what),
        };
        lead.push(Span::bold(format!("{}.", head.trim_end_matches('.'))));
        let n = i.source_count;
        lead.push(Span::plain(format!(" Reported by {n} source{}.", if n == 1 { "" } else { "s" })));
        if !i.locations.is_empty() {
            lead.push(Span::plain(format!(" Location: {}.", i.locations.join(", "))));
        }
        if !i.actors.is_empty() {
            lead.push(Span::plain(format!(" Actors: {}.", i.actors.join("; "))));
        }
        match (i.fatalities_min, i.fatalities_max) {
            (Some(a), Some(b)) if a != b => {
                lead.push(Span::plain(format!(" Fatalities: reported figures conflict, from {a} to {b}.")))
            }
            (Some(a), _) | (None, Some(a)) => lead.push(Span::plain(format!(" Fatalities: {a}."))),
            (None, None) => {}
        }
        lead.extend(self.refs(block));
        let mut out = vec![DocBlock::Paragraph(lead)];
        let conflicts: Vec<Rich> = i
            .conflicts
            .iter()
            .map(|c| squash(c))
            .filter(|c| !c.is_empty())
            .map(|c| vec![Span::plain(c)])
            .collect();
        if !conflicts.is_empty() {
            out.push(DocBlock::Paragraph(vec![Span::italic("Conflicting claims:")]));
            out.push(DocBlock::List { start: None, items: conflicts });
        }
        out
    }

    fn section_blocks(&self, blocks: &[Block], timeline_here: bool) -> Vec<DocBlock> {
        let mut out = Vec::new();
        let mut timeline_pending = timeline_here;
        let mut i = 0;
        while i < blocks.len() {
            let block = &blocks[i];
            if timeline_pending && matches!(block.content, BlockContent::Event(_) | BlockContent::Incident(_))
            {
                out.push(DocBlock::Timeline);
                timeline_pending = false;
            }
            match &block.content {
                BlockContent::Text { markdown } => {
                    let mut parsed = markdown_blocks(markdown);
                    let refs = self.refs(block);
                    if !refs.is_empty() {
                        match parsed.last_mut() {
                            Some(DocBlock::Paragraph(r)) => r.extend(refs),
                            Some(DocBlock::List { items, .. }) if !items.is_empty() => {
                                if let Some(last) = items.last_mut() {
                                    last.extend(refs);
                                }
                            }
                            _ => parsed.push(DocBlock::Paragraph(refs)),
                        }
                    }
                    out.extend(parsed);
                    out.extend(self.note(block));
                }
                BlockContent::Quote(q) => {
                    out.push(self.quote(block, q));
                    out.extend(self.note(block));
                }
                BlockContent::Excerpt { text } => {
                    out.push(self.excerpt(block, text));
                    out.extend(self.note(block));
                }
                BlockContent::Incident(inc) => {
                    out.extend(self.incident(block, inc));
                    out.extend(self.note(block));
                }
                BlockContent::Event(_) => {
                    // Consecutive events form one dated table; their notes follow it.
                    let mut rows = Vec::new();
                    let mut notes = Vec::new();
                    while let Some(b) = blocks.get(i) {
                        let BlockContent::Event(e) = &b.content else { break };
                        rows.push(self.event_row(b, e));
                        if let Some(DocBlock::Note(mut n)) = self.note(b) {
                            let label = e.date.as_deref().map(|d| format_date(d, true)).unwrap_or_default();
                            let what = shorten(&squash(&e.what), 48);
                            let tag = if label.is_empty() { what } else { format!("{label}, {what}") };
                            n.insert(1, Span::italic(format!("({tag}) ")));
                            notes.push(DocBlock::Note(n));
                        }
                        i += 1;
                    }
                    out.push(DocBlock::Table {
                        header: ["Date", "Place", "What happened", "Actors", "Fatalities", "Source"]
                            .iter()
                            .map(|s| s.to_string())
                            .collect(),
                        weights: vec![1.15, 1.25, 3.0, 1.5, 1.15, 1.45],
                        rows,
                    });
                    out.extend(notes);
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}

fn join_or_dash(items: &[String]) -> String {
    let v: Vec<String> = items.iter().map(|s| squash(s)).filter(|s| !s.is_empty()).collect();
    if v.is_empty() { "–".to_string() } else { v.join(", ") }
}

impl ExportDoc {
    /// Build the export model of `briefing`.
    pub fn build(briefing: &Briefing, opts: &ExportOptions) -> ExportDoc {
        let meta = &briefing.meta;
        let sources: Vec<SourceEntry> = briefing
            .cited_sources()
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let doc = briefing.sources.get(&id);
                let clean = |o: Option<&String>| o.map(|s| squash(s)).filter(|s| !s.is_empty());
                let outlet = doc.and_then(|d| clean(d.outlet.as_ref()));
                // A source missing from the draft is still listed, by its id.
                let title = doc
                    .and_then(|d| clean(d.title.as_ref()))
                    .or_else(|| doc.is_none().then(|| format!("{id} (not included in the draft)")));
                SourceEntry {
                    number: i + 1,
                    id: id.clone(),
                    outlet,
                    title,
                    author: doc.and_then(|d| clean(d.author.as_ref())),
                    url: doc.and_then(|d| clean(d.url.as_ref())),
                    published: doc.and_then(|d| clean(d.published.as_ref())).map(|p| format_date(&p, false)),
                }
            })
            .collect();
        let b = Builder { opts, sources };

        // Timeline: every dated event and incident, in date order.
        let mut timeline = Vec::new();
        let mut map = Vec::new();
        let mut keywords: Vec<String> = Vec::new();
        let mut add_kw = |k: &str| {
            let k = squash(k);
            if !k.is_empty() && !keywords.iter().any(|x| x.eq_ignore_ascii_case(&k)) {
                keywords.push(k);
            }
        };
        for s in &briefing.sections {
            for blk in &s.blocks {
                let (date, what, ty, locs): (Option<&String>, &str, &str, &[String]) = match &blk.content {
                    BlockContent::Event(e) => (e.date.as_ref(), &e.what, &e.event_type, &e.locations),
                    BlockContent::Incident(i) => {
                        // An incident already shown by one of its events is not drawn twice.
                        let day = i.date.as_deref().and_then(date_to_day);
                        let shown =
                            briefing.sections.iter().flat_map(|s| &s.blocks).any(|b| match &b.content {
                                BlockContent::Event(e) => {
                                    e.date.as_deref().and_then(date_to_day) == day
                                        && e.event_type == i.event_type
                                }
                                _ => false,
                            });
                        if shown {
                            continue;
                        }
                        (i.date.as_ref(), &i.what, &i.event_type, &i.locations)
                    }
                    _ => continue,
                };
                for l in locs {
                    add_kw(l);
                }
                if let Some(p) = map_place(locs) {
                    map.push(MapMarker {
                        lon: p.lon,
                        lat: p.lat,
                        event_type: squash(ty),
                        place: p.name.clone(),
                    });
                }
                add_kw(ty);
                if let Some(day) = date.and_then(|d| date_to_day(d)) {
                    let place = locs.first().map(|l| squash(l)).unwrap_or_default();
                    let w = squash(what);
                    let label =
                        if place.is_empty() || w.contains(&place) { w } else { format!("{w} ({place})") };
                    timeline.push(TimelineEvent {
                        day,
                        date: date.map(|d| format_date(d, true)).unwrap_or_default(),
                        label: shorten(&label, 44),
                        event_type: squash(ty),
                    });
                }
            }
        }
        timeline.sort_by(|a, b| a.day.cmp(&b.day).then_with(|| a.label.cmp(&b.label)));
        let show_timeline = opts.include_timeline && timeline.len() >= 2;

        let mut sections = Vec::new();
        let mut timeline_placed = !show_timeline;
        let mut sources_placed = false;
        for s in &briefing.sections {
            let has_dated = s.blocks.iter().any(|blk| match &blk.content {
                BlockContent::Event(e) => e.date.as_deref().and_then(date_to_day).is_some(),
                BlockContent::Incident(i) => i.date.as_deref().and_then(date_to_day).is_some(),
                _ => false,
            });
            let timeline_here = !timeline_placed && has_dated;
            if timeline_here {
                timeline_placed = true;
            }
            let mut blocks = b.section_blocks(&s.blocks, timeline_here);
            if s.kind == SectionKind::Sources && !sources_placed && !b.sources.is_empty() {
                blocks.push(DocBlock::SourceList);
                sources_placed = true;
            }
            if blocks.is_empty() {
                continue;
            }
            let title = squash(&s.title);
            let title = if title.is_empty() { s.kind.default_title().to_string() } else { title };
            sections.push(DocSection { title, blocks });
        }
        if !sources_placed && !b.sources.is_empty() {
            sections.push(DocSection {
                title: SectionKind::Sources.default_title().to_string(),
                blocks: vec![DocBlock::SourceList],
            });
        }

        let mut fields = Vec::new();
        if !meta.date.trim().is_empty() {
            fields.push(("Date".to_string(), format_date(&meta.date, false)));
        }
        if !meta.author.trim().is_empty() {
            fields.push(("From".to_string(), squash(&meta.author)));
        }
        if !meta.recipients.trim().is_empty() {
            fields.push(("To".to_string(), squash(&meta.recipients)));
        }
        let title = squash(&meta.title);
        ExportDoc {
            title: if title.is_empty() { "Untitled briefing".to_string() } else { title },
            marking: squash(&meta.marking).to_uppercase(),
            author: squash(&meta.author),
            fields,
            summary: markdown_blocks(&meta.summary),
            sections,
            sources: b.sources,
            timeline,
            map,
            keywords,
        }
    }
}

/// Parse inline Markdown (one paragraph) into spans.
pub fn inline_markdown(md: &str) -> Rich {
    let mut out = Vec::new();
    for block in markdown_blocks(md) {
        match block {
            DocBlock::Paragraph(r) | DocBlock::Heading { text: r, .. } | DocBlock::Note(r) => {
                if !out.is_empty() {
                    out.push(Span::plain(" "));
                }
                out.extend(r);
            }
            DocBlock::List { items, .. } => {
                for r in items {
                    if !out.is_empty() {
                        out.push(Span::plain(" "));
                    }
                    out.extend(r);
                }
            }
            DocBlock::Quote { body, .. } => {
                for r in body {
                    out.extend(r);
                }
            }
            _ => {}
        }
    }
    out
}

type TableState = (Vec<String>, Vec<Vec<Rich>>, Vec<Rich>, bool);

#[derive(Default)]
struct InlineState {
    bold: usize,
    italic: usize,
    link: Vec<String>,
}

/// Parse free-text Markdown into blocks: paragraphs, sub-headings, lists (nested lists are
/// flattened), block quotes, tables, code (as plain paragraphs). HTML is kept as text.
pub fn markdown_blocks(md: &str) -> Vec<DocBlock> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let parser = TextMergeStream::new(Parser::new_ext(md, opts));

    let mut out: Vec<DocBlock> = Vec::new();
    let mut cur: Rich = Vec::new();
    let mut st = InlineState::default();
    // Open containers.
    let mut heading: Option<u8> = None;
    let mut lists: Vec<(Option<u64>, Vec<Rich>)> = Vec::new();
    let mut quote_depth = 0usize;
    let mut quote_paras: Vec<Rich> = Vec::new();
    // (header, rows, current row, in header)
    let mut table: Option<TableState> = None;
    let mut in_item = 0usize;

    let push_text = |cur: &mut Rich, st: &InlineState, text: &str| {
        if text.is_empty() {
            return;
        }
        cur.push(Span {
            text: text.to_string(),
            bold: st.bold > 0,
            italic: st.italic > 0,
            link: st.link.last().cloned().filter(|l| !l.is_empty()),
            footnote: None,
        });
    };

    fn flush_para(
        cur: &mut Rich,
        out: &mut Vec<DocBlock>,
        lists: &mut [(Option<u64>, Vec<Rich>)],
        quote_depth: usize,
        quote_paras: &mut Vec<Rich>,
        in_item: usize,
    ) {
        let rich = std::mem::take(cur);
        if rich.iter().all(|s| s.text.trim().is_empty()) {
            return;
        }
        if in_item > 0
            && let Some((_, items)) = lists.last_mut()
        {
            match items.last_mut() {
                Some(last) if !last.is_empty() => {
                    last.push(Span::plain(" "));
                    last.extend(rich);
                }
                Some(last) => *last = rich,
                None => items.push(rich),
            }
            return;
        }
        if quote_depth > 0 {
            quote_paras.push(rich);
        } else {
            out.push(DocBlock::Paragraph(rich));
        }
    }

    for ev in parser {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {}
                Tag::Heading { level, .. } => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    heading = Some(match level {
                        HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        _ => 5,
                    });
                }
                Tag::BlockQuote(_) => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    quote_depth += 1;
                }
                Tag::CodeBlock(_) => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                }
                Tag::List(start) => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    lists.push((start, Vec::new()));
                }
                Tag::Item => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    in_item += 1;
                    if let Some((_, items)) = lists.last_mut() {
                        items.push(Vec::new());
                    }
                }
                Tag::Table(_) => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    table = Some((Vec::new(), Vec::new(), Vec::new(), false));
                }
                Tag::TableHead => {
                    if let Some(t) = table.as_mut() {
                        t.3 = true;
                    }
                }
                Tag::TableRow | Tag::TableCell => {}
                Tag::Emphasis => st.italic += 1,
                Tag::Strong => st.bold += 1,
                Tag::Link { dest_url, .. } => st.link.push(dest_url.to_string()),
                Tag::Image { dest_url, .. } => st.link.push(dest_url.to_string()),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item)
                }
                TagEnd::Heading(_) => {
                    let text = std::mem::take(&mut cur);
                    if !text.iter().all(|s| s.text.trim().is_empty()) {
                        out.push(DocBlock::Heading { level: heading.unwrap_or(3), text });
                    }
                    heading = None;
                }
                TagEnd::BlockQuote(_) => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    quote_depth = quote_depth.saturating_sub(1);
                    if quote_depth == 0 && !quote_paras.is_empty() {
                        out.push(DocBlock::Quote {
                            body: std::mem::take(&mut quote_paras),
                            attribution: Vec::new(),
                        });
                    }
                }
                TagEnd::CodeBlock => {
                    // Code blocks keep their lines as hard breaks.
                    let text = plain_text(&cur);
                    cur.clear();
                    let mut rich = Vec::new();
                    for (i, line) in text.trim_end().lines().enumerate() {
                        if i > 0 {
                            rich.push(Span::plain("\n"));
                        }
                        rich.push(Span::plain(line.to_string()));
                    }
                    cur = rich;
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                }
                TagEnd::Item => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    in_item = in_item.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
                    if let Some((start, items)) = lists.pop() {
                        let items: Vec<Rich> = items.into_iter().filter(|r| !r.is_empty()).collect();
                        if let Some((_, parent)) = lists.last_mut() {
                            // Nested list: flatten into the parent as further items.
                            parent.extend(items);
                        } else if quote_depth > 0 {
                            quote_paras.extend(items);
                        } else if !items.is_empty() {
                            out.push(DocBlock::List { start, items });
                        }
                    }
                }
                TagEnd::TableCell => {
                    if let Some(t) = table.as_mut() {
                        let cell = std::mem::take(&mut cur);
                        if t.3 {
                            t.0.push(plain_text(&cell));
                        } else {
                            t.2.push(cell);
                        }
                    }
                }
                TagEnd::TableHead => {
                    if let Some(t) = table.as_mut() {
                        t.3 = false;
                    }
                }
                TagEnd::TableRow => {
                    if let Some(t) = table.as_mut() {
                        let row = std::mem::take(&mut t.2);
                        t.1.push(row);
                    }
                }
                TagEnd::Table => {
                    if let Some((header, mut rows, _, _)) = table.take() {
                        let n = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
                        let mut header = header;
                        header.resize(n, String::new());
                        for r in &mut rows {
                            r.resize(n, Vec::new());
                        }
                        out.push(DocBlock::Table { header, weights: vec![1.0; n], rows });
                    }
                }
                TagEnd::Emphasis => st.italic = st.italic.saturating_sub(1),
                TagEnd::Strong => st.bold = st.bold.saturating_sub(1),
                TagEnd::Link | TagEnd::Image => {
                    st.link.pop();
                }
                _ => {}
            },
            Event::Text(t) => push_text(&mut cur, &st, &t),
            Event::Code(t) => push_text(&mut cur, &st, &t),
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut cur, &st, t.trim_end_matches('\n')),
            Event::SoftBreak => push_text(&mut cur, &st, " "),
            Event::HardBreak => cur.push(Span::plain("\n")),
            Event::Rule => {
                flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
            }
            Event::TaskListMarker(done) => push_text(&mut cur, &st, if done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(t) => push_text(&mut cur, &st, &format!("[{t}]")),
            _ => {}
        }
    }
    flush_para(&mut cur, &mut out, &mut lists, quote_depth, &mut quote_paras, in_item);
    if !quote_paras.is_empty() {
        out.push(DocBlock::Quote { body: quote_paras, attribution: Vec::new() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_format_for_reading() {
        assert_eq!(format_date("2025-10-12", false), "12 October 2025");
        assert_eq!(format_date("2025-10-12", true), "12 Oct 2025");
        assert_eq!(format_date("2025-10", false), "October 2025");
        assert_eq!(format_date("2025", false), "2025");
        assert_eq!(format_date("2025-10-11/2025-10-14", true), "11 Oct 2025 – 14 Oct 2025");
        assert_eq!(format_date("last week", false), "last week");
        assert_eq!(format_date("2025-13-01", false), "2025-13-01");
    }

    #[test]
    fn day_numbers_are_civil_days() {
        assert_eq!(date_to_day("1970-01-01"), Some(0));
        assert_eq!(date_to_day("2000-03-01"), Some(11017));
        assert!(date_to_day("2025-10-12") < date_to_day("2025-10-13"));
        assert_eq!(date_to_day("not a date"), None);
    }

    #[test]
    fn quote_marks_are_stripped_once() {
        assert_eq!(strip_quote_marks("“We will respond.”"), "We will respond.");
        assert_eq!(strip_quote_marks("\"Plain\""), "Plain");
        assert_eq!(strip_quote_marks("no marks"), "no marks");
        assert_eq!(strip_quote_marks("“a” and “b”"), "“a” and “b”");
    }

    #[test]
    fn markdown_blocks_keep_structure() {
        let blocks =
            markdown_blocks("Intro **bold** and *it*.\n\n- one\n- two\n  - nested\n\n> quoted\n\n# Heading");
        assert!(matches!(&blocks[0], DocBlock::Paragraph(r) if r.iter().any(|s| s.bold && s.text == "bold")));
        assert!(matches!(&blocks[1], DocBlock::List { items, start: None } if items.len() == 3));
        assert!(matches!(&blocks[2], DocBlock::Quote { body, .. } if plain_text(&body[0]) == "quoted"));
        assert!(matches!(&blocks[3], DocBlock::Heading { level: 3, .. }));
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short", 10), "short");
        let s = shorten("Pakistani aircraft struck targets across the border overnight", 30);
        assert!(s.chars().count() <= 30, "{s}");
        assert!(s.ends_with('…'));
    }
}
