//! ACLED-style event detection and coding.
//!
//! One record per real-world event reported in a document. The pipeline, per sentence:
//!
//! 1. **Triggers** (Aho-Corasick over [`lexicon::TRIGGERS`]) outside quotation marks: strikes,
//!    attacks, clashes, blasts, captures, warnings, summons, talks, visits, meetings, border
//!    closures, orders, dated policy statements, arrests, protests.
//! 2. **Filters**: a modal, negation or intention just before the trigger ("any strike would",
//!    "plans to visit"), trend and background markers around it ("numerous", "since 2021",
//!    "in recent years", "persist"), opinion framing of the sentence ("arguably"), and a year
//!    well before the document's own.
//! 3. **Coding**: weapon words refine an attack ("rocket, artillery and drone attacks" →
//!    shelling; "quadcopters … a recent attack" → drone strike); civilian victims turn an attack
//!    into violence against civilians.
//! 4. **Slots**: places (gazetteer plus place phrases), dates, actors, deaths (ACLED counting)
//!    and who claims them. Each place and date goes to the nearest trigger.
//! 5. **Merging** across sentences: a mention with no new place or date joins the earlier event
//!    of its kind; a mention with no specifics at all is a back-reference; a sentence with only
//!    a death toll completes the event just reported. The most informative sentence becomes the
//!    evidence.

mod lexicon;
mod locs;
mod numbers;

use std::cell::{LazyCell, OnceCell};
use std::collections::HashSet;
use std::sync::LazyLock;

use lexicon::{Cond, Kind, Lex, LexHits, SentenceScan, TriggerHit};
use numbers::{Deaths, VictimClass, Word};

use super::{Event, Location, actors, dates, places};
use crate::corpus::{AnchorCursor, Document, Span};

/// Parse a number written in digits or words at the start of `text` ("two hundred", "11",
/// "a dozen", "dozens" → 12, "hundreds" → 100).
pub fn parse_number(text: &str) -> Option<u64> {
    numbers::number_at(&numbers::words(text), 0).map(|n| n.value)
}

/// Reported deaths in one sentence under ACLED's rules: figures for different sides are
/// summed, the lowest figure is kept for the same side, injuries and "casualties" are not
/// deaths. Returns (dead, who they are as written).
pub fn sentence_fatalities(sentence: &str) -> Option<(u32, String)> {
    numbers::combine(&numbers::find_deaths(sentence)).map(|(n, _, v)| (n, v))
}

/// One sentence prepared for matching.
struct Sent<'a> {
    /// Index in the document's sentence list (after sub-splitting).
    idx: usize,
    /// Byte span in the clean text.
    span: Span,
    /// The text.
    text: &'a str,
    /// Lower-cased text with quoted passages blanked out (same byte offsets).
    open: String,
    /// Words of `text`.
    words: Vec<Word<'a>>,
    /// Byte ranges inside quotation marks.
    quoted: Vec<(usize, usize)>,
    /// Whether the sentence holds a trigger or a death word at all (else it is skipped).
    relevant: bool,
    /// Whether it holds a death word (else no death figure is looked for).
    deaths_possible: bool,
    /// Trigger occurrences in `open` (kept for relevant sentences only).
    triggers: Vec<TriggerHit>,
    /// Occurrences of the small lexicons in `open` (kept for relevant sentences only).
    lex: LexHits,
    /// Gazetteer places and known actors in `text`, from one scan on first use.
    names: OnceCell<PlacesAndActors>,
}

/// What [`places::find_places_and_actors`] finds in a sentence.
type PlacesAndActors = (Vec<places::PlaceMention>, Vec<(Span, &'static str)>);

impl Sent<'_> {
    fn is_quoted(&self, b: usize) -> bool {
        // Ranges are sorted and disjoint.
        let i = self.quoted.partition_point(|&(_, e)| e <= b);
        self.quoted.get(i).is_some_and(|&(s, _)| b >= s)
    }
    /// Index of the word containing or following byte `b`.
    fn word_at(&self, b: usize) -> usize {
        self.words.partition_point(|w| w.end <= b)
    }
    /// Byte range of words `[from, to)` (clamped).
    fn word_range(&self, from: usize, to: usize) -> (usize, usize) {
        let to = to.min(self.words.len());
        if from >= to {
            return (0, 0);
        }
        (self.words[from].start, self.words[to - 1].end)
    }
    /// The lower-cased word before word `i`, if any.
    fn word_before(&self, i: usize) -> Option<&str> {
        i.checked_sub(1).and_then(|p| self.words.get(p)).map(|w| w.lower.as_str())
    }
    fn names(&self) -> &PlacesAndActors {
        self.names.get_or_init(|| places::find_places_and_actors(self.text))
    }
    fn lex(&self) -> &LexHits {
        &self.lex
    }
    /// Whether the open text holds a word-bounded pattern of `lex`.
    fn has(&self, lex: Lex) -> bool {
        self.lex().any(lex, &self.open, (0, self.open.len()), false)
    }
    /// Whether the open text of byte range `range` holds a word-bounded pattern of `lex`.
    fn has_in(&self, lex: Lex, range: (usize, usize)) -> bool {
        self.lex().any(lex, &self.open, range, false)
    }
    /// Whether the open text holds a pattern of `lex`, bounded or not.
    fn has_sub(&self, lex: Lex) -> bool {
        self.has_sub_in(lex, (0, self.open.len()))
    }
    /// Whether the open text of byte range `range` holds a pattern of `lex`, bounded or not.
    fn has_sub_in(&self, lex: Lex, range: (usize, usize)) -> bool {
        self.lex().substring(lex, &self.open, range)
    }
}

/// A place mention in a sentence.
#[derive(Debug, Clone)]
struct Loc {
    start: usize,
    end: usize,
    text: String,
    /// `text` normalised ([`norm`]), computed once: places are compared by it.
    norm: String,
    place: Option<places::Place>,
}

impl Loc {
    fn new(start: usize, end: usize, text: String, place: Option<places::Place>) -> Self {
        Loc { start, end, norm: norm(&text), text, place }
    }
}

/// One event mention in one sentence.
#[derive(Debug, Clone)]
struct Cand {
    kind: Kind,
    /// Trigger byte range in the sentence.
    at: (usize, usize),
    /// All trigger words this mention owns (places and dates go to the nearest).
    positions: Vec<(usize, usize)>,
    places: Vec<Loc>,
    date: Option<dates::DateMention>,
    /// Split region ("one near A" / "another targeting B"), byte range in the sentence.
    region: Option<(usize, usize)>,
    /// A definite noun phrase ("the attack", "these strikes"): refers back unless it brings a
    /// place or a death toll.
    definite: bool,
    /// A security operation that yields to an arrest in the same sentence.
    soft: bool,
    /// A reopening ("reopened", "reopening"), not a closure.
    reopen: bool,
    /// "the blast" in a reaction to it ("ordered the arrest of those responsible for the
    /// blast"): refers back, never opens an event nor gives its evidence.
    reaction: bool,
}

/// Document-level context.
struct Ctx {
    base: Option<jiff::civil::Date>,
    year_hint: Option<i16>,
    ref_year: Option<i32>,
}

/// An event being built.
#[derive(Debug, Clone)]
struct Building {
    kind: Kind,
    evidence: Span,
    info: i32,
    places: Vec<Loc>,
    date: Option<dates::DateMention>,
    deaths: Option<(u32, VictimClass, String)>,
    /// The toll so far is one victim named with "a"/"an" ([`Deaths::single`]).
    deaths_single: bool,
    claimant: Option<String>,
    actors: Vec<String>,
    civilians: bool,
    armed_target: bool,
    last: usize,
    cross_border: bool,
}

/// Extract events from a document.
pub fn extract_events(doc: &Document, sentences: &[Span]) -> Vec<Event> {
    let ctx = context(doc);
    // ASCII lower-casing keeps byte offsets: the sentences' lower-cased text and words are
    // slices of one lower-cased copy of the document.
    let lower = doc.clean.to_ascii_lowercase();
    let sents = prepare(doc, &lower, sentences);
    let mut events: Vec<Building> = Vec::new();
    for s in &sents {
        process_sentence(s, &ctx, &mut events);
    }
    // Evidence spans come mostly in text order: characters are counted once.
    let mut cursor = AnchorCursor::new();
    // When the report appeared: the publication day, when the document gives it. (The latest
    // year a text names is no substitute: a 2026 analysis retells 2025's strikes.)
    let reported = ctx.base.map(|d| d.to_string());
    events.into_iter().map(|b| Event { reported: reported.clone(), ..finish(doc, b, &mut cursor) }).collect()
}

/// Publication date, year hint and reference year of a document.
fn context(doc: &Document) -> Ctx {
    let published = doc.meta.published.as_deref().unwrap_or("");
    let base = published.get(..10).and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let pub_year = published.get(..4).and_then(|y| y.parse::<i32>().ok());
    let ref_year = pub_year.or_else(|| max_year(&doc.clean));
    Ctx { base, year_hint: ref_year.and_then(|y| i16::try_from(y).ok()), ref_year }
}

/// The latest plausible year written in a text (not inside URLs).
fn max_year(text: &str) -> Option<i32> {
    // One pass over the digit runs of the text: the same years as [`years_in`] on each
    // white-space token, with the token looked at only around a four-digit run.
    let b = text.as_bytes();
    let mut best = None;
    // The last token looked at: (start, end, skipped).
    let mut tok: Option<(usize, usize, bool)> = None;
    let mut i = 0;
    while i < b.len() {
        i = next_digit(b, i);
        if i >= b.len() {
            break;
        }
        let st = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // A separator before the run belongs to the same token (it is not white space).
        let after_sep = st > 0 && (b[st - 1] == b',' || b[st - 1] == b'.');
        let Some(y) =
            text.get(st..i).filter(|d| d.len() == 4 && !after_sep).and_then(|d| d.parse::<i32>().ok())
        else {
            continue;
        };
        if !(1950..=2100).contains(&y) {
            continue;
        }
        let skipped = match tok {
            Some((a, e, skip)) if a <= st && i <= e => skip,
            _ => {
                let a = text[..st]
                    .rfind(char::is_whitespace)
                    .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
                let e = text[i..].find(char::is_whitespace).map_or(text.len(), |p| i + p);
                let token = &text[a..e];
                let skip = token.contains('/') || token.contains("www.");
                tok = Some((a, e, skip));
                skip
            }
        };
        if !skipped {
            best = best.max(Some(y));
        }
    }
    best
}

/// Position of the first ASCII digit in `b` at or after `i` (`b.len()` when none). Text is
/// mostly free of digits: blocks of 16 bytes are tested at once (the test vectorises).
fn next_digit(b: &[u8], mut i: usize) -> usize {
    while let Some(block) = b.get(i..i + 16) {
        if block.iter().fold(0u8, |acc, &x| acc | u8::from(x.wrapping_sub(b'0') < 10)) != 0 {
            break;
        }
        i += 16;
    }
    while i < b.len() && !b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// Four-digit years 1950–2100 in a string (digit runs of exactly four).
fn years_in(s: &str) -> Vec<i32> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        i = next_digit(b, i);
        if i >= b.len() {
            break;
        }
        if b[i].is_ascii_digit() {
            let st = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let after_sep = st > 0 && (b[st - 1] == b',' || b[st - 1] == b'.');
            if i - st == 4
                && !after_sep
                && let Some(y) = s.get(st..i).and_then(|d| d.parse::<i32>().ok())
                && (1950..=2100).contains(&y)
            {
                out.push(y);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Sub-split sentences at line breaks and glued boundaries ("country.Following"), trim them
/// and compute quote masks.
/// `doc_lower` is the document's text lower-cased (ASCII only).
fn prepare<'a>(doc: &'a Document, doc_lower: &'a str, sentences: &[Span]) -> Vec<Sent<'a>> {
    let text = doc.clean.as_str();
    let mut pieces: Vec<Span> = Vec::with_capacity(sentences.len() + 8);
    for sp in sentences {
        let Some(t) = text.get(sp.start..sp.end) else { continue };
        let b = t.as_bytes();
        let mut start = 0;
        // Only full stops and line breaks can cut: jump between them.
        for i in memchr::memchr2_iter(b'.', b'\n', b) {
            let glued = b[i] == b'.'
                && i >= 2
                && i + 2 < b.len()
                && b[i - 1].is_ascii_lowercase()
                && b[i - 2].is_ascii_lowercase()
                && b[i + 1].is_ascii_uppercase()
                && b[i + 2].is_ascii_lowercase();
            let cut = (b[i] == b'\n' || glued).then_some(i + 1);
            if let Some(c) = cut {
                pieces.push(Span::new(sp.start + start, sp.start + c));
                start = c;
            }
        }
        pieces.push(Span::new(sp.start + start, sp.end));
    }
    let mut out = Vec::with_capacity(pieces.len());
    // Sentences of one paragraph share its line: it is tested for a caption once.
    let mut captions = CaptionCache::default();
    for p in pieces {
        let Some(raw) = text.get(p.start..p.end) else { continue };
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        if t.len() < 8 {
            continue;
        }
        let span = Span::new(p.start + lead, p.start + lead + t.len());
        let quoted = quote_ranges(t);
        // ASCII lower-casing keeps byte offsets (the lexicons are ASCII): the sentence's
        // lower-cased text is a slice of the document's.
        let Some(low) = doc_lower.get(span.start..span.end) else { continue };
        let lower = month_may(t, low.to_string());
        // One pass finds the triggers (outside quotes), the kill stems (anywhere: the month
        // rewritten as "mai" holds none) and the small lexicons.
        let scan = SentenceScan::scan(&lower, &quoted);
        // Cheap screen: most sentences name no event and no death; they are not tokenised.
        let deaths_possible = scan.kill_stem;
        let open = if quoted.is_empty() {
            lower
        } else {
            let mut bytes = lower.into_bytes();
            for &(s, e) in &quoted {
                for x in bytes.iter_mut().take(e).skip(s) {
                    *x = b' ';
                }
            }
            String::from_utf8(bytes).unwrap_or_else(|_| t.to_ascii_lowercase())
        };
        // A death word alone makes the sentence relevant: the trigger scan is then not needed.
        let relevant = (deaths_possible || !scan.triggers.is_empty()) && !captions.in_caption(text, span);
        let (words, triggers, lex) =
            if relevant { (numbers::words_in(t, low), scan.triggers, scan.lex) } else { Default::default() };
        out.push(Sent {
            idx: out.len(),
            span,
            text: t,
            open,
            words,
            quoted,
            relevant,
            deaths_possible,
            triggers,
            lex,
            names: OnceCell::new(),
        });
    }
    out
}

/// The last line tested by [`CaptionCache::in_caption`]: its byte range and the answer.
#[derive(Default)]
struct CaptionCache {
    line: Option<(usize, usize, bool)>,
}

impl CaptionCache {
    /// Whether the line holding `span` is a photo caption ([`caption_line`]). A span inside the
    /// line tested last (which holds no line break) shares its answer.
    fn in_caption(&mut self, text: &str, span: Span) -> bool {
        if let Some((from, to, caption)) = self.line
            && from <= span.start
            && span.end <= to
        {
            return caption;
        }
        let b = text.as_bytes();
        let from = b.get(..span.start).and_then(|h| memchr::memrchr(b'\n', h)).map_or(0, |i| i + 1);
        let to = b.get(span.end..).and_then(|h| memchr::memchr(b'\n', h)).map_or(b.len(), |i| span.end + i);
        let caption = text.get(from..to).is_some_and(caption_line);
        self.line = Some((from, to, caption));
        caption
    }
}

/// Whether a line is a photo caption ("Soldiers cordon off the site … PHOTO: AFP", "In this
/// photo taken Tuesday, …"): it shows what the story tells, it is no report of its own. (A
/// bare credit after a dash, "….—AP", also ends stories: not used.)
fn caption_line(line: &str) -> bool {
    // Every marker holds "hoto" or "etty" in some case: most lines are let go at once. (The
    // searchers are built once: setting one up costs more than searching a line.)
    static HINTS: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
        LazyLock::new(|| [b"hoto".as_slice(), b"HOTO", b"etty", b"ETTY"].map(memchr::memmem::Finder::new));
    if !HINTS.iter().any(|f| f.find(line.as_bytes()).is_some()) {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    const MARKERS: &[&str] = &[
        "photo:",
        "photo credit",
        "(photo",
        "/ photo",
        "handout photo",
        "in this photo",
        "undated photo",
        "file photo",
        "twitter photo",
        "ap photo",
        "afp photo",
        "getty images",
    ];
    MARKERS.iter().any(|m| lower.contains(m))
}

/// "In May 2021, a bomber killed …": the month, not the modal verb "may" that marks a
/// hypothetical event. Rewrites such a month in the lower-cased sentence as "mai" (same
/// length, so offsets hold).
fn month_may(t: &str, lower: String) -> String {
    static MAY: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("May"));
    // Most sentences hold no "May": no list of positions is built for them.
    if MAY.find(t.as_bytes()).is_none() {
        return lower;
    }
    let month_at: Vec<usize> = MAY
        .find_iter(t.as_bytes())
        .filter(|&i| {
            let after = t.get(i + 3..).unwrap_or("");
            let before = t.get(..i).unwrap_or("").trim_end().to_ascii_lowercase();
            let digit_after =
                after.strip_prefix(' ').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
            let bounded = !after.starts_with(|c: char| c.is_alphanumeric())
                && !t.get(..i).unwrap_or("").ends_with(|c: char| c.is_alphanumeric());
            let prep = [
                "in", "of", "on", "since", "until", "by", "from", "early", "late", "mid", "last", "this",
                "next",
            ]
            .iter()
            .any(|p| {
                before.ends_with(p)
                    && !before[..before.len() - p.len()].ends_with(|c: char| c.is_alphanumeric())
            });
            bounded && (digit_after || (i > 0 && prep))
        })
        .collect();
    if month_at.is_empty() {
        return lower;
    }
    let mut bytes = lower.into_bytes();
    for i in month_at {
        if let Some(x) = bytes.get_mut(i + 2) {
            *x = b'i';
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| t.to_ascii_lowercase())
}

/// Byte ranges inside double quotation marks (straight or curly, marks included). An opening
/// mark with no closing one runs to the end; a closing mark with no opening one covers the
/// text before it (a quotation continued from the previous sentence).
fn quote_ranges(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Only `"` and the curly marks (which start with byte E2) matter: jump between them.
    for i in memchr::memchr2_iter(b'"', 0xE2, t.as_bytes()) {
        let Some(c) = t.get(i..).and_then(|r| r.chars().next()) else { continue };
        let end = i + c.len_utf8();
        match c {
            '“' if open.is_none() => open = Some(i),
            '”' => match open.take() {
                Some(s) => out.push((s, end)),
                None => {
                    if out.is_empty() {
                        out.push((0, end));
                    }
                }
            },
            '"' => match open.take() {
                Some(s) => out.push((s, end)),
                None => {
                    let prev = t[..i].chars().next_back();
                    let opening = prev.is_none_or(|p| p.is_whitespace() || "([{:—–-".contains(p));
                    if opening {
                        open = Some(i);
                    } else if out.is_empty() {
                        out.push((0, end));
                    }
                }
            },
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push((s, t.len()));
    }
    out
}

/// Whether a sentence can report an event at all: it ends like a sentence (headlines, tag
/// lines and captions without a full stop do not), and is not a question.
fn is_statement_sentence(t: &str) -> bool {
    let core = strip_credit(t).trim_end_matches(|c: char| c.is_whitespace() || "\"”’')]".contains(c));
    core.ends_with('.') || core.ends_with('!')
}

/// A sentence without the news agency's credit that closes an article ("… afternoon.– AFP",
/// "… attacks. -- PTI"): a dash and a short run with no lower-case letters.
fn strip_credit(t: &str) -> &str {
    let from = t.len().saturating_sub(32);
    for (d, _) in t.char_indices().rev().take_while(|&(i, _)| i >= from).filter(|&(_, c)| "–—-".contains(c))
    {
        let tail = t.get(d..).unwrap_or("").trim_start_matches(['–', '—', '-']);
        let head = t.get(..d).unwrap_or(t).trim_end_matches(['–', '—', '-', ' ']);
        if tail.chars().any(char::is_alphabetic)
            && !tail.chars().any(char::is_lowercase)
            && head.ends_with(['.', '!', '”', '"'])
        {
            return head;
        }
    }
    t
}

fn process_sentence(s: &Sent, ctx: &Ctx, events: &mut Vec<Building>) {
    if !s.relevant {
        return;
    }
    let deaths = if s.deaths_possible { numbers::find_deaths_in(s.text, &s.words) } else { Vec::new() };
    let cands = if is_statement_sentence(s.text) && !s.has(Lex::Opinion) {
        candidates(s, ctx, !deaths.is_empty())
    } else {
        Vec::new()
    };
    if cands.is_empty() {
        follow_up_deaths(s, &deaths, events);
        return;
    }
    let actors_found = sentence_actors(s);
    let claimant = claimant(s, &actors_found);
    let has_deaths = !deaths.is_empty();
    // "In another attack", "separately", "elsewhere": a new event, not a follow-up.
    let fresh = s.has(Lex::Fresh) && !fresh_is_a_person(&s.open);
    // Needed only when a new event opens: computed on first use.
    let civilians = LazyCell::new(|| s.has(Lex::Civilian));
    let armed_target = LazyCell::new(|| s.has(Lex::Armed));
    // ("cross-border" and "across the border" hold "border".)
    let cross = LazyCell::new(|| s.has_sub(Lex::Border) || s.has_sub(Lex::Bilateral));
    let time_cue = LazyCell::new(|| s.has(Lex::Time) || !years_in(&s.open).is_empty());
    let named = LazyCell::new(|| !actors_found.is_empty() || has_named(s));

    // (event index, new?, trigger start)
    let mut touched: Vec<(usize, bool, usize)> = Vec::new();
    for c in &cands {
        let info = 2 * (c.places.len().min(3) as i32)
            + if c.date.is_some() { 2 } else { 0 }
            + if has_deaths { 2 } else { 0 }
            + i32::from(!actors_found.is_empty());
        let any_violent = events.iter().any(|e| e.kind.is_violent());
        // "the attack" as the object of a summons or a condemnation is a back-reference even
        // with a date nearby; as a subject ("The clashes erupted on October 11") it may open.
        let has_sd = cands.iter().any(|x| !x.kind.is_violent());
        let specific_violent = !c.places.is_empty()
            || (c.date.is_some() && (!c.definite || (!any_violent && !has_sd)))
            || has_deaths;
        // "Meanwhile, the police chief said the explosion killed five": a definite mention
        // refers back even after a marker of a new story.
        let fresh = fresh && !c.definite;
        let target = find_target(events, c, s.idx, fresh, ctx.ref_year)
            .or_else(|| confirmed_event(events, c, s, fresh));
        match target {
            Some(t) => {
                let e = &mut events[t];
                // A retelling ("the attack took place near X") keeps the report that
                // introduced the event as evidence unless it brings the date or the toll.
                let retelling = c.definite
                    && !(c.date.is_some() && e.date.is_none())
                    && !(has_deaths && e.deaths.is_none());
                if info > e.info && family(e.kind) == family(c.kind) && !c.reaction && !retelling {
                    e.info = info;
                    e.evidence = s.span;
                    if !c.places.is_empty() {
                        merge_places(&mut e.places, &c.places);
                    }
                } else if e.places.is_empty() {
                    e.places = c.places.clone();
                }
                if e.date.is_none() {
                    e.date = c.date.clone();
                }
                for a in &actors_found {
                    if !e.actors.contains(a) {
                        e.actors.push(a.clone());
                    }
                }
                e.last = s.idx;
                touched.push((t, false, c.at.0));
            }
            // "The group said it killed 35 soldiers in a raid": an undated, unplaced toll right
            // after a violent event is a further (or conflicting) account of it.
            None if c.kind.is_violent()
                && has_deaths
                && !c.definite
                && c.places.is_empty()
                && c.date.is_none()
                && !fresh
                && let Some(t) = events.iter().rposition(|e| e.kind.is_violent() && s.idx <= e.last + 2) =>
            {
                events[t].last = s.idx;
                touched.push((t, false, c.at.0));
            }
            None => {
                let keep = if c.kind.is_violent() {
                    // A claim of responsibility may be the first report of the attack.
                    specific_violent && (!c.reaction || !any_violent)
                } else if c.kind == Kind::Statement {
                    *time_cue || c.date.is_some()
                } else {
                    *named || c.date.is_some() || *time_cue || !c.places.is_empty()
                };
                if keep {
                    events.push(Building {
                        kind: c.kind,
                        evidence: s.span,
                        info,
                        places: c.places.clone(),
                        date: c.date.clone(),
                        deaths: None,
                        deaths_single: false,
                        claimant: None,
                        actors: actors_found.clone(),
                        civilians: *civilians,
                        armed_target: *armed_target,
                        last: s.idx,
                        cross_border: *cross,
                    });
                    touched.push((events.len() - 1, true, c.at.0));
                } else if c.kind.is_violent()
                    && let Some(t) = events.iter().rev().take(MAX_LOOKBACK).position(|e| e.kind.is_violent())
                {
                    let t = events.len() - 1 - t;
                    // A back-reference with nothing new ("these operations", "the attacks").
                    touched.push((t, false, c.at.0));
                }
            }
        }
    }
    if let Some(first) = deaths.first() {
        let pick = |want_new: bool| {
            touched
                .iter()
                .filter(|(t, n, _)| *n == want_new && events[*t].kind.is_violent())
                .min_by_key(|(_, _, at)| at.abs_diff(first.at))
                .map(|(t, _, _)| *t)
        };
        if let Some(t) = pick(true).or_else(|| pick(false)) {
            add_deaths(&mut events[t], &deaths, claimant.clone());
        } else {
            follow_up_deaths(s, &deaths, events);
        }
    }
}

/// "Another government official said …", "a second witness told …": the new thing is a
/// source, not an event. True when every "another" / "a second" in the sentence introduces one.
fn fresh_is_a_person(open: &str) -> bool {
    let person = |w: &str| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        [
            "official", "spokes", "source", "resident", "witness", "doctor", "elder", "leader", "officer",
            "analyst",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    };
    let mut any = false;
    for key in ["another ", "a second "] {
        for (i, _) in open.match_indices(key) {
            any = true;
            let next = open.get(i + key.len()..).unwrap_or("");
            if !next.split_whitespace().take(3).any(person) {
                return false;
            }
        }
    }
    any && !["separate", "elsewhere", "meanwhile"].iter().any(|k| open.contains(k))
}

/// A sentence that only gives a death toll completes the violent event reported in the two
/// sentences before it ("“Two soldiers lost their lives,” the army said.").
fn follow_up_deaths(s: &Sent, deaths: &[Deaths], events: &mut [Building]) {
    if deaths.is_empty() || s.has_sub(Lex::Trend) || s.has(Lex::Opinion) {
        return;
    }
    if let Some(e) = events.iter_mut().rev().take(8).find(|e| e.kind.is_violent() && s.idx <= e.last + 2) {
        let actors = sentence_actors(s);
        let claimant = claimant(s, &actors);
        add_deaths(e, deaths, claimant);
        e.last = s.idx;
    }
}

fn add_deaths(e: &mut Building, deaths: &[Deaths], claimant: Option<String>) {
    let Some((n, class, victims)) = numbers::combine(deaths) else { return };
    let single = deaths.iter().all(|d| d.single);
    let was_empty = e.deaths.is_none();
    // Two sources with different figures are conflicting claims: keep the lower (ACLED).
    let conflicting = matches!((&e.claimant, &claimant), (Some(a), Some(b)) if norm(a) != norm(b));
    e.deaths = Some(match e.deaths.take() {
        None => (n, class, victims),
        // One named victim ("killing a man who tried to stop him") and a toll ("nine were
        // killed"), in either order: the victim is one of the toll, not a lower count of it.
        Some(old) if single && n < old.0 => old,
        Some((m, ..)) if e.deaths_single && m < n => (n, class, victims),
        // "Three people, including two policemen, were killed … killed two policemen and a
        // polio worker": a breakdown of the toll already counted.
        Some((m, c0, v0)) if breakdown_of(&v0, &victims) && n <= m => (m, c0, v0),
        Some((m, c0, v0)) => {
            if !conflicting && c0 != class && c0 != VictimClass::Unknown && class != VictimClass::Unknown {
                (m.saturating_add(n), VictimClass::Unknown, format!("{v0}, {victims}"))
            } else if n < m {
                (n, class, victims)
            } else {
                (m, c0, v0)
            }
        }
    });
    e.deaths_single = was_empty && single;
    if e.claimant.is_none() {
        e.claimant = claimant;
    }
    if class == VictimClass::Civilian {
        e.civilians = true;
    }
}

/// The victims of a later figure are named inside an earlier toll's victims ("people,
/// including two policemen" and then "policemen"): the same dead, counted again.
fn breakdown_of(earlier: &str, later: &str) -> bool {
    let Some(head) = later.split(|c: char| !c.is_alphanumeric()).rfind(|w| w.len() >= 4) else {
        return false;
    };
    // "policeman" / "policemen", "soldier" / "soldiers": the first six letters.
    let stem: String = head.chars().take(6).collect::<String>().to_lowercase();
    let earlier = earlier.to_lowercase();
    earlier.contains("including")
        && earlier.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(&stem))
}

/// "Police in X confirmed that a clash had taken place": a confirmation of violence already
/// reported, with no date and no toll of its own, is that event, wherever the source sits.
fn confirmed_event(events: &[Building], c: &Cand, s: &Sent, fresh: bool) -> Option<usize> {
    if fresh || !c.kind.is_violent() || c.date.is_some() || c.region.is_some() {
        return None;
    }
    let before = s.open.get(..c.at.0)?;
    let confirms = ["confirmed", "confirms", "acknowledged"]
        .iter()
        .any(|v| before.match_indices(v).any(|(i, _)| lexicon::bounded(before, i, i + v.len(), false)));
    if !confirms {
        return None;
    }
    events.iter().rposition(|e| e.kind.is_violent() && s.idx <= e.last + 8)
}

/// The event an event mention continues, if any.
fn find_target(
    events: &[Building],
    c: &Cand,
    idx: usize,
    fresh: bool,
    ref_year: Option<i32>,
) -> Option<usize> {
    let skip = events.len().saturating_sub(MAX_LOOKBACK);
    if c.kind == Kind::Kill && c.places.is_empty() {
        // "23 soldiers were martyred and 200 fighters were killed": the toll of the event
        // just reported, whatever its kind; with no date of its own ("all four attackers had
        // been killed"), a few sentences later too.
        let reach = if c.date.is_none() && !fresh { 6 } else { 2 };
        if let Some(i) = events.iter().rposition(|e| e.kind.is_violent() && idx <= e.last + reach) {
            return Some(i);
        }
    }
    // "In 2019, a bombing in X …" after an undated report of today's bombing in X: a year
    // before the article's is another event.
    // A bare year ("In 2022, …") never dates the news of the day either.
    let value = c.date.as_ref().and_then(|d| d.value.as_deref());
    let older = value.and_then(|v| v.get(..4)?.parse::<i32>().ok());
    let bare_year = value.is_some_and(|v| v.len() == 4);
    let past = |e: &Building| {
        e.date.as_ref().and_then(|d| d.value.as_ref()).is_none()
            && (bare_year || older.is_some_and(|y| ref_year.is_some_and(|r| y < r)))
    };
    if c.kind == Kind::Kill && c.date.as_ref().is_none_or(|d| d.value.is_none()) && !fresh {
        // "More than 40 people were killed in Khost": a death report at a place of the violent
        // event just reported is its toll, whatever that event's kind.
        if let Some(i) = events.iter().rposition(|e| {
            e.kind.is_violent()
                && idx <= e.last + 5
                && !e.places.is_empty()
                && !c.places.is_empty()
                && places_compatible(&e.places, &c.places)
        }) {
            return Some(i);
        }
    }
    if (c.kind == Kind::Closure && !c.reopen) || (c.definite && !c.kind.is_violent() && c.date.is_none()) {
        // A crossing closed twice in one article is one closure told twice; "the talks",
        // "the closure" with no date of their own refer back.
        if let Some(i) = events.iter().skip(skip).rposition(|e| {
            e.kind == c.kind
                && places_compatible(&e.places, &c.places)
                && dates_compatible(e.date.as_ref(), c.date.as_ref())
        }) {
            return Some(i + skip);
        }
        // "The back-to-back visits underscore …" after a report of talks: the diplomatic
        // event just told, whatever word the retelling uses.
        if c.definite
            && matches!(c.kind, Kind::Visit | Kind::Meeting | Kind::Negotiation)
            && let Some(i) = events.iter().skip(skip).rposition(|e| {
                matches!(e.kind, Kind::Visit | Kind::Meeting | Kind::Negotiation | Kind::Agreement)
                    && idx <= e.last + 4
                    && places_compatible(&e.places, &c.places)
            })
        {
            return Some(i + skip);
        }
    }
    let found = if c.kind.is_violent() {
        // "the attack" right after a report of a bombing is that bombing, and a retelling a
        // few sentences on may add a place ("a convoy on its way to X from Y").
        let generic = c.definite && c.date.is_none() && matches!(c.kind, Kind::Attack | Kind::Kill);
        events.iter().skip(skip).rposition(|e| {
            let recent = idx <= e.last + 3;
            (family(e.kind) == family(c.kind) || (generic && recent))
                && !past(e)
                && (places_compatible(&e.places, &c.places)
                    || (recent && c.definite && places_overlap(&e.places, &c.places))
                    // "… targeted a camp in the Bazgir area": places the gazetteer cannot
                    // place are localities of the event in focus.
                    || (recent && c.places.iter().all(|l| l.place.is_none())))
                && dates_compatible(e.date.as_ref(), c.date.as_ref())
                && !fresh
                && c.region.is_none()
        })
    } else {
        events.iter().skip(skip).rposition(|e| {
            !e.kind.is_violent()
                && idx <= e.last + 2
                && if c.kind == Kind::Statement {
                    // A dated statement is news of its own; an undated one elaborates.
                    c.date.is_none() && (e.kind != Kind::Statement || idx <= e.last + 1)
                } else {
                    e.kind == c.kind
                }
                && places_compatible(&e.places, &c.places)
                && dates_compatible(e.date.as_ref(), c.date.as_ref())
        })
    };
    found.map(|i| i + skip)
}

/// How many earlier events a new mention is compared with (keeps merging linear).
const MAX_LOOKBACK: usize = 64;
/// Most places kept per event.
const MAX_PLACES: usize = 12;

/// Kinds that may continue one another: an attack and a bare death report; a clash and a
/// capture of posts.
fn family(k: Kind) -> Kind {
    match k {
        Kind::Attack | Kind::Kill => Kind::Attack,
        // A suicide bombing is retold as "the blast", "the explosion", "an explosive device".
        Kind::Suicide | Kind::Explosive => Kind::Explosive,
        Kind::Clash | Kind::Capture => Kind::Clash,
        other => other,
    }
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// New places are compatible with an event's places when each is already there (or inside
/// or around one of them: Kabul within an event "in Afghanistan").
fn places_compatible(have: &[Loc], new: &[Loc]) -> bool {
    if have.is_empty() || new.is_empty() {
        return true;
    }
    // A specific place is compared with the specific places already known: "Kabul" does not
    // fit an event "in Afghanistan's Kandahar" just because both are in Afghanistan.
    let specific = |l: &Loc| l.place.as_ref().is_none_or(|p| p.kind != "country");
    let have_specific = have.iter().any(specific);
    new.iter().all(|n| {
        let nn = n.norm.as_str();
        let narrow = specific(n) && have_specific;
        have.iter().filter(|h| !narrow || specific(h)).any(|h| {
            let hn = h.norm.as_str();
            if hn.contains(nn) || nn.contains(hn) {
                return true;
            }
            match (&h.place, &n.place) {
                (Some(hp), Some(np)) => {
                    hp.name == np.name
                        || (hp.kind == "country" && np.country == hp.name)
                        || (hp.kind == "district" && np.district.as_deref() == Some(hp.name.as_str()))
                        || (np.kind == "district" && hp.district.as_deref() == Some(np.name.as_str()))
                        || (np.kind == "country" && hp.country == np.name)
                        || (hp.kind == "province" && np.province.as_deref() == Some(hp.name.as_str()))
                        || (np.kind == "province" && hp.province.as_deref() == Some(np.name.as_str()))
                }
                _ => false,
            }
        })
    })
}

/// Does any specific place of `new` fit one of `have` (see [`places_compatible`])?
fn places_overlap(have: &[Loc], new: &[Loc]) -> bool {
    new.iter()
        .filter(|n| n.place.as_ref().is_none_or(|p| p.kind != "country"))
        .any(|n| places_compatible(have, std::slice::from_ref(n)))
}

fn merge_places(have: &mut Vec<Loc>, new: &[Loc]) {
    for n in new {
        if have.len() >= MAX_PLACES {
            return;
        }
        if !have.iter().any(|h| h.norm == n.norm) {
            have.push(n.clone());
        }
    }
}

fn dates_compatible(a: Option<&dates::DateMention>, b: Option<&dates::DateMention>) -> bool {
    let (Some(a), Some(b)) = (a.and_then(|d| d.value.as_deref()), b.and_then(|d| d.value.as_deref())) else {
        // Unresolved (no publication date): "on Tuesday" and "in February" are two days
        // even without a calendar; "Tuesday" and "late Tuesday" may be one.
        if let (Some(a), Some(b)) = (a, b)
            && a.value.is_none()
            && b.value.is_none()
        {
            return date_words_meet(&a.text, &b.text);
        }
        return true;
    };
    let within = |x: &str, range: &str| {
        range
            .split_once('/')
            .is_some_and(|(lo, hi)| x.get(..lo.len()) >= Some(lo) && x.get(..hi.len()) <= Some(hi))
    };
    a == b || a.starts_with(b) || b.starts_with(a) || within(a, b) || within(b, a)
}

/// Whether two unresolved date expressions as written can be one date. Months or years that
/// differ ("in February" / "in March"), or a weekday against a month ("on Tuesday" / "in
/// February"), cannot; two weekdays may (a night attack told as "late Sunday" and "Monday").
fn date_words_meet(a: &str, b: &str) -> bool {
    struct Named {
        day: bool,
        months: Vec<String>,
        years: Vec<String>,
    }
    let named = |t: &str| {
        let mut n = Named { day: false, months: Vec::new(), years: Vec::new() };
        for w in t.split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase) {
            if dates::is_weekday_name(&w) {
                n.day = true;
            } else if dates::is_month_name(&w) {
                n.months.push(w);
            } else if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) {
                n.years.push(w);
            }
        }
        n
    };
    let (x, y) = (named(a), named(b));
    let apart =
        |p: &[String], q: &[String]| !p.is_empty() && !q.is_empty() && !p.iter().any(|w| q.contains(w));
    if apart(&x.months, &y.months) || apart(&x.years, &y.years) {
        return false;
    }
    // A weekday alone and a month alone.
    !((x.day && x.months.is_empty() && !y.day && !y.months.is_empty())
        || (y.day && y.months.is_empty() && !x.day && !x.months.is_empty()))
}

/// Whether a capitalized word (a name) appears outside quotes, other than the first word.
fn has_named(s: &Sent) -> bool {
    s.words.iter().skip(1).any(|w| {
        !s.is_quoted(w.start)
            && s.text.get(w.start..w.end).and_then(|x| x.chars().next()).is_some_and(char::is_uppercase)
            && !matches!(
                w.lower.as_str(),
                "i" | "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            )
    })
}

/// Canonical actors named outside quotes, in order, without repeats.
fn sentence_actors(s: &Sent) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(span, canonical) in &s.names().1 {
        if s.is_quoted(span.start) {
            continue;
        }
        if !out.iter().any(|o| o == canonical) {
            out.push(canonical.to_string());
        }
    }
    out
}

/// Who a death toll is attributed to: "according to X", "X said", "claiming …" (the subject).
fn claimant(s: &Sent, actors_found: &[String]) -> Option<String> {
    let open = &s.open;
    // The searchers are built once: setting one up costs more than searching a sentence.
    static ACCORDING: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("according to "));
    static CLAIMING: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        LazyLock::new(|| ["claiming", "claimed"].map(memchr::memmem::Finder::new));
    if let Some(p) = ACCORDING.find(open.as_bytes()) {
        let from = p + "according to ".len();
        let rest = s.text.get(from..).unwrap_or("");
        let phrase_end = rest.find([',', '.', ';', '“', '"']).unwrap_or(rest.len());
        let phrase = rest[..phrase_end].trim();
        // An abbreviation in brackets shortly after names the institution: "(ISPR)".
        let window = rest.get(..rest.len().min(phrase_end + 80)).unwrap_or(rest);
        if let Some(open_b) = window.find('(')
            && let Some(close_b) = window[open_b..].find(')')
        {
            let abbr = &window[open_b + 1..open_b + close_b];
            if (2..=8).contains(&abbr.len()) && abbr.chars().all(|c| c.is_ascii_uppercase()) {
                return Some(abbr.to_string());
            }
        }
        let lower = phrase.to_lowercase();
        if lower.contains("official") {
            return Some("officials".to_string());
        }
        if let Some(c) = actors::canonical_actor(phrase) {
            return Some(c.to_string());
        }
        let cleaned = phrase.trim_start_matches("the ").trim_start_matches("The ").trim();
        if !cleaned.is_empty() && cleaned.len() <= 80 && !lower.starts_with("some report") {
            return Some(cleaned.to_string());
        }
    }
    type Finders = (&'static str, memchr::memmem::Finder<'static>, memchr::memmem::FinderRev<'static>);
    static VERBS: LazyLock<Vec<Finders>> = LazyLock::new(|| {
        [" said", " claimed", " confirmed", " reported", " stated"]
            .into_iter()
            .map(|v| (v, memchr::memmem::Finder::new(v), memchr::memmem::FinderRev::new(v)))
            .collect()
    });
    for (verb, ahead, finder) in VERBS.iter() {
        // The forward search is the fast one: most sentences hold none of the verbs.
        if ahead.find(open.as_bytes()).is_none() {
            continue;
        }
        // A whole word ("reportedly" is not "reported"), used as a verb: "its reported use",
        // "Pakistan’s reported strikes" are adjectives.
        let found = finder.rfind_iter(open.as_bytes()).map(|p| (p, *verb)).find(|&(p, _)| {
            let after = open[p + verb.len()..].chars().next();
            let before = open[..p].trim_end();
            !after.is_some_and(char::is_alphanumeric)
                && !before.ends_with("’s")
                && !before.ends_with("'s")
                && !before.ends_with(" the")
                && !before.ends_with(" its")
                && !before.ends_with(" their")
        });
        if let Some((p, _)) = found {
            let wi = s.word_at(p);
            let mut from = wi;
            while from > 0 && wi - from < 4 {
                let g = s.text.get(s.words[from - 1].end..s.words[from].start).unwrap_or("");
                if g.contains(',') || g.contains('”') || g.contains('"') || g.contains('.') {
                    break;
                }
                from -= 1;
            }
            if from < wi {
                let (a, b) = s.word_range(from, wi);
                let np = s.text.get(a..b).unwrap_or("").trim();
                let lower = np.to_lowercase();
                let last = lower.rsplit(' ').next().unwrap_or("");
                if !np.is_empty()
                    && !matches!(lower.as_str(), "he" | "she" | "they" | "it" | "we" | "who" | "which")
                    && !matches!(last, "who" | "which" | "that" | "whom")
                    && !lower.starts_with(|c: char| c.is_ascii_digit())
                    && !s.is_quoted(a)
                {
                    if lower.contains("official") {
                        return Some("officials".to_string());
                    }
                    return Some(
                        actors::canonical_actor(np).map(str::to_string).unwrap_or_else(|| np.to_string()),
                    );
                }
            }
        }
    }
    if CLAIMING.iter().any(|f| f.find(open.as_bytes()).is_some()) {
        if let Some(a) = actors_found.first() {
            return Some(a.clone());
        }
        let first = s.words.first()?;
        let w = s.text.get(first.start..first.end)?;
        if w.chars().next().is_some_and(char::is_uppercase) {
            return Some(w.to_string());
        }
    }
    None
}

/// Event mentions of one sentence, filtered, with places and dates assigned.
fn candidates(s: &Sent, ctx: &Ctx, has_deaths: bool) -> Vec<Cand> {
    let mut violent: Vec<Cand> = Vec::new();
    let mut kills: Vec<Cand> = Vec::new();
    let mut other: Vec<Cand> = Vec::new();
    // Sentence-wide cues, each computed the first time a trigger needs it.
    let has_border = LazyCell::new(|| s.has_sub(Lex::Border) || s.has_sub(Lex::Crossing));
    let weapon = LazyCell::new(|| sentence_weapon(s));
    let hedged = LazyCell::new(|| s.has(Lex::Hedge));
    let hedged_sd = LazyCell::new(|| s.has(Lex::HedgeSd));
    let background = LazyCell::new(|| s.has_sub(Lex::TrendSentence));
    let about_violence = LazyCell::new(|| s.has_sub(Lex::ViolenceRef));
    // No date, no place below the country: what a generic plural needs around it.
    let generic_context = LazyCell::new(|| {
        !s.has(Lex::Time)
            && years_in(&s.open).is_empty()
            && dates::find_dates(s.text, None, None).is_empty()
            && s.names().0.iter().all(|m| m.place.kind == "country")
    });
    let reaction = LazyCell::new(|| {
        s.has_sub(Lex::Reaction)
            // "an emergency has been imposed at the district hospital"
            || (s.has_sub(Lex::Emergency) && s.has_sub(Lex::Hospital))
    });
    let years = LazyCell::new(|| years_in(&s.open));
    // Every trigger word, kept or not: a place belongs to the nearest one.
    let mut anchors: Vec<(usize, usize, bool)> = Vec::new();
    for (st, en, ti) in lexicon::leftmost_longest(&s.triggers) {
        if !lexicon::bounded(&s.open, st, en, false) {
            continue;
        }
        let Some(&trig) = lexicon::TRIGGERS.get(ti) else { continue };
        let wi = s.word_at(st);
        let wend = s.word_at(en.saturating_sub(1)) + 1;
        let mut kind = trig.kind;
        // "fired" takes its kind from its weapon or target; with neither it is no trigger at
        // all, not even an anchor for places ("was fired from his job").
        if trig.cond == Cond::Fired {
            match fired_weapon(s, wi, wend) {
                Some(k) => kind = k,
                None => continue,
            }
        }
        if !matches!(trig.kind, Kind::Kill | Kind::Statement) {
            anchors.push((st, en, trig.kind.is_violent()));
        }
        // Part of a name ("Community Dialogue", "the Doha Agreement"), except named meetings,
        // acronyms ("an IED") and weapons written with capitals ("Improvised Explosive Device").
        let written = s.text.get(st..en).unwrap_or("");
        let acronym = written.len() >= 2 && !written.chars().any(char::is_lowercase);
        if st > 0
            && trig.kind != Kind::Meeting
            && !acronym
            && !trig.kind.is_violent()
            && written.chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        match trig.cond {
            Cond::Border if !*has_border => continue,
            Cond::NamedObject => {
                let named = s.words.get(wend).is_some_and(|w| {
                    s.text.get(w.start..w.end).and_then(|x| x.chars().next()).is_some_and(char::is_uppercase)
                });
                if !named {
                    continue;
                }
            }
            Cond::Territory => {
                let obj = (wend..(wend + 5).min(s.words.len())).any(|j| {
                    let w = s.words[j].lower.as_str();
                    [
                        "post",
                        "posts",
                        "position",
                        "positions",
                        "territory",
                        "town",
                        "village",
                        "area",
                        "checkpoint",
                        "checkpost",
                        "headquarters",
                        "compound",
                        "station",
                        "building",
                        "buildings",
                        "city",
                        "capital",
                        "camp",
                        "garrison",
                        "crossing",
                    ]
                    .iter()
                    .any(|o| w.ends_with(o))
                        || w == "district"
                        || w == "base"
                }) || named_place_after(s, en);
                if !obj {
                    continue;
                }
            }
            Cond::Bombed => {
                // "the bombed-out market" is a description.
                if s.open.get(en..).is_some_and(|t| t.starts_with('-')) {
                    continue;
                }
                if by_the_military(s, wi, wend) {
                    kind = Kind::AirStrike;
                }
            }
            Cond::Head => {
                let fallback = if matches!(kind, Kind::Attack | Kind::AirStrike) { *weapon } else { None };
                if let Some(k) = chain_weapon(s, wi).or(fallback) {
                    kind = k;
                }
            }
            _ => {}
        }
        if kind == Kind::Attack
            && let Some(k) = *weapon
        {
            kind = k;
        }
        // Hypothetical, negated, intended or advocated.
        if s.has_in(Lex::Modal, s.word_range(wi.saturating_sub(6), wi)) {
            continue;
        }
        let prev = s.word_before(wi).unwrap_or("");
        // "tried to storm the post", "attempted to attack": the attempt is the event.
        let attempted = kind.is_violent()
            && prev == "to"
            && wi.checked_sub(2).is_some_and(|p| matches!(s.words[p].lower.as_str(), "tried" | "attempted"));
        if matches!(prev, "to" | "for") && !trig.pat.starts_with("to") && !attempted {
            continue;
        }
        // "there are no ongoing talks", "no meeting took place"; "resolve differences through
        // dialogue" names a means, not a meeting.
        if !kind.is_violent()
            && ((1..=2).any(|k| wi.checked_sub(k).is_some_and(|p| s.words[p].lower == "no"))
                || matches!(prev, "through" | "via"))
        {
            continue;
        }
        // "the deputy minister protested against …": a diplomatic protest, not a demonstration.
        if trig.pat.starts_with("protested") && official_before(s, wi) {
            continue;
        }
        // A sentence that is mostly a direct quotation reports what was said, which the quote
        // carries; it is not a statement event of its own, unless the words were given "in a
        // statement", a formal act of their own.
        if kind == Kind::Statement && mostly_quoted(s) && !in_a_statement(s) {
            continue;
        }
        // A participle used as an adjective: "the banned TTP", "the detained men", "a
        // UN-designated group".
        if matches!(kind, Kind::Decision | Kind::Arrest | Kind::Agreement)
            && (matches!(prev, "the" | "a" | "an" | "its" | "their" | "this" | "these" | "those")
                || s.open.get(..st).is_some_and(|t| t.ends_with('-')))
        {
            continue;
        }
        // Trend or background around the trigger.
        let around = s.word_range(wi.saturating_sub(8), wend + 12);
        let trend = if kind.is_violent() { Lex::Trend } else { Lex::TrendSd };
        // A bare death report is weak: any trend marker in the sentence disqualifies it
        // ("a surge in attacks …, with 1,500 people killed last year").
        let scope = if kind == Kind::Kill { (0, s.open.len()) } else { around };
        if s.has_sub_in(trend, scope) || (kind.is_violent() && *background) || s.has_in(Lex::Future, around) {
            continue;
        }
        if !kind.is_violent() && *hedged_sd {
            continue;
        }
        // "ordered an inquiry into the blast", "announced three days of mourning": a reaction
        // to violence already told, not news of its own.
        if matches!(kind, Kind::Decision | Kind::Statement) && *reaction {
            continue;
        }
        // "The incident took place at 5pm, the ISPR said in a statement": the statement gives
        // details of the violent event it names, it is not news of its own.
        if kind == Kind::Statement && *about_violence {
            continue;
        }
        if let Some(r) = ctx.ref_year
            && years.iter().any(|&y| y < r - 1)
            // A past attack told with its toll ("In May 2019, a bomber killed four people …")
            // is an event of its own; a past year without one is background.
            && !(kind.is_violent() && has_deaths)
        {
            continue;
        }
        // Weak statements need a sentence free of hedges.
        if kind == Kind::Statement && *hedged {
            continue;
        }
        let definite = (1..=2).any(|k| {
            wi.checked_sub(k).is_some_and(|p| {
                matches!(s.words[p].lower.as_str(), "the" | "this" | "that" | "these" | "those")
            })
        });
        // "launched attacks on civilians", "using the territory to launch attacks": a bare
        // plural with no date, toll or named place of its own speaks of attacks in general.
        if kind.is_violent() && !has_deaths && bare_plural(s, wi) && *generic_context {
            continue;
        }
        let cand = Cand {
            kind,
            at: (st, en),
            positions: vec![(st, en)],
            places: Vec::new(),
            date: None,
            region: None,
            reaction: definite && kind.is_violent() && (*reaction || reacts_to(s, wi)),
            definite,
            soft: trig.cond == Cond::Soft,
            reopen: trig.pat.starts_with("reopen"),
        };
        if kind == Kind::Kill {
            kills.push(cand);
        } else if kind.is_violent() {
            violent.push(cand);
        } else {
            other.push(cand);
        }
    }
    // "arrested four suspects during a raid": the arrest is the event.
    let arrest = other.iter().any(|c| c.kind == Kind::Arrest);
    if arrest && !s.open.contains("killed") {
        let soft: Vec<(usize, usize)> = violent.iter().filter(|c| c.soft).map(|c| c.at).collect();
        violent.retain(|c| !c.soft);
        anchors.retain(|a| !soft.contains(&(a.0, a.1)));
    }
    if violent.is_empty() {
        violent = kills.into_iter().take(1).collect();
    }
    // One mention per ACLED sub-type per sentence (unless split below).
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    let mut kept_violent: Vec<Cand> = Vec::new();
    for c in violent {
        if seen.insert(c.kind.code()) {
            kept_violent.push(c);
        } else if let Some(k) = kept_violent.iter_mut().find(|k| k.kind.code() == c.kind.code()) {
            k.positions.push(c.at);
        }
    }
    let violent = kept_violent;
    let mut cands: Vec<Cand> = Vec::new();
    for c in violent {
        match split_regions(s, &c) {
            Some((a, b)) => {
                cands.push(Cand { region: Some(a), ..c.clone() });
                cands.push(Cand { region: Some(b), ..c });
            }
            None => cands.push(c),
        }
    }
    // Non-violent: one per sentence, highest priority; statements only without violence.
    if !cands.is_empty() {
        other.retain(|c| c.kind != Kind::Statement);
    }
    if let Some(best) = other.iter().max_by_key(|c| (c.kind.priority(), std::cmp::Reverse(c.at.0))) {
        // The one non-violent event of the sentence owns all its non-violent trigger words
        // ("agreed to a ceasefire after talks … in Doha").
        let mut best = best.clone();
        best.positions = anchors.iter().filter(|a| !a.2).map(|a| (a.0, a.1)).collect();
        if best.positions.is_empty() {
            best.positions.push(best.at);
        }
        cands.push(best);
    }
    if cands.is_empty() {
        return cands;
    }
    assign_slots(s, ctx, &mut cands, &anchors);
    cands
}

/// Is an official or an institution named before word `wi` ("the minister", "the Foreign
/// Office", "the embassy")?
fn official_before(s: &Sent, wi: usize) -> bool {
    s.words.iter().take(wi).any(|w| {
        matches!(
            w.lower.as_str(),
            "minister"
                | "ministry"
                | "office"
                | "government"
                | "embassy"
                | "ambassador"
                | "envoy"
                | "spokesman"
                | "spokesperson"
                | "spokeswoman"
                | "diplomat"
                | "president"
        )
    })
}

/// Does the sentence say the words were given "in a (…) statement" ("said in a strongly worded
/// statement this week")?
fn in_a_statement(s: &Sent) -> bool {
    s.words.iter().enumerate().any(|(i, w)| {
        w.lower == "in"
            && s.words
                .get(i + 1)
                .is_some_and(|a| matches!(a.lower.as_str(), "a" | "an" | "its" | "their" | "his" | "her"))
            && (i + 2..(i + 5).min(s.words.len())).any(|j| s.words[j].lower == "statement")
    })
}

/// Is the sentence mostly a direct quotation given as such: quotation marks enclose at least
/// two fifths of it and the first quotation opens it or follows a colon or comma ("“…,” he
/// said", "He said: “…”"), rather than being woven into a report ("noted with concern that
/// “…”")?
fn mostly_quoted(s: &Sent) -> bool {
    let inside: usize = s.quoted.iter().map(|&(a, b)| b.saturating_sub(a)).sum();
    if inside * 5 < s.text.len() * 2 {
        return false;
    }
    let Some(&(first, _)) = s.quoted.first() else { return false };
    let before = s
        .text
        .get(..first)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '‘' | '\''));
    before.is_empty() || before.ends_with(':') || before.ends_with(',')
}

/// Does a gazetteer place of its own start right after byte `at`, past an article ("seized
/// Spin Boldak", "captured the town of X" is caught by its noun)?
fn named_place_after(s: &Sent, at: usize) -> bool {
    let rest = s.text.get(at..).unwrap_or("");
    let skip = rest.len() - rest.trim_start().len();
    let rest = &rest[skip..];
    let skip = skip + if rest.starts_with("the ") { 4 } else { 0 };
    let start = at + skip;
    s.names().0.iter().any(|m| m.span.start == start && m.place.kind != "country")
}

/// The weapon a "fired" names: right after it, past a quantity ("fired hundreds of
/// mortars", "fired two rockets"), or just before it ("a mortar shell fired from …"); a
/// missile or rocket fired by a drone or an aircraft is an air strike. Fired at, upon or into
/// a target, or from a place, with no weapon named, it is an attack ("gunmen fired at a
/// police van", "assailants fired from across the border"), unless passive ("was fired from").
fn fired_weapon(s: &Sent, wi: usize, wend: usize) -> Option<Kind> {
    let shell = |j: usize| {
        let w = s.words.get(j)?;
        if s.is_quoted(w.start) {
            return None;
        }
        match w.lower.as_str() {
            "shell" | "shells" => Some(Kind::Shelling),
            other => lexicon::weapon(other).filter(|k| matches!(k, Kind::Shelling | Kind::Grenade)),
        }
    };
    let found = (wend..(wend + 5).min(s.words.len()))
        .find_map(shell)
        .or_else(|| (wi.saturating_sub(2)..wi).find_map(shell));
    if let Some(k) = found {
        let airborne = any_word(
            s,
            wi.saturating_sub(6)..wi,
            &[
                "drone",
                "drones",
                "aircraft",
                "jets",
                "jet",
                "warplanes",
                "helicopter",
                "helicopters",
                "gunships",
            ],
        );
        return Some(if airborne && k == Kind::Shelling { Kind::AirStrike } else { k });
    }
    let next = s.words.get(wend).map(|w| w.lower.as_str());
    let passive = s.word_before(wi).is_some_and(|w| matches!(w, "was" | "were" | "been" | "be" | "being"));
    (matches!(next, Some("at" | "upon" | "into" | "from")) && !passive).then_some(Kind::Attack)
}

/// Is the "bombed" at words `wi..wend` done by armed forces or aircraft ("Pakistani forces
/// bombed a house", "a compound was bombed by jets")?
fn by_the_military(s: &Sent, wi: usize, wend: usize) -> bool {
    const MILITARY: &[&str] = &[
        "forces",
        "military",
        "army",
        "jets",
        "warplanes",
        "aircraft",
        "planes",
        "drone",
        "drones",
        "helicopters",
        "gunships",
    ];
    any_word(s, wi.saturating_sub(6)..wi, MILITARY)
        || (s.words.get(wend).is_some_and(|w| w.lower == "by") && any_word(s, wend + 1..wend + 5, MILITARY))
}

/// Is one of the sentence's words in `range` (word indices, clamped) one of `list`?
fn any_word(s: &Sent, range: std::ops::Range<usize>, list: &[&str]) -> bool {
    range.filter_map(|j| s.words.get(j)).any(|w| list.contains(&w.lower.as_str()))
}

/// Is the trigger at word `wi` a plural noun with no determiner, number or possessive in its
/// phrase ("attacks on civilians", "cross-border terrorist attacks")?
fn bare_plural(s: &Sent, wi: usize) -> bool {
    let w = s.words[wi].lower.as_str();
    let plural = matches!(
        w,
        "attacks"
            | "strikes"
            | "airstrikes"
            | "raids"
            | "bombings"
            | "blasts"
            | "clashes"
            | "killings"
            | "ambushes"
            | "explosions"
            | "operations"
            | "assaults"
            | "incursions"
    );
    if !plural {
        return false;
    }
    let mut i = wi;
    for _ in 0..3 {
        let Some(pw) = s.word_before(i) else { return true };
        let modifier = matches!(
            pw,
            "cross-border"
                | "terrorist"
                | "terror"
                | "militant"
                | "suicide"
                | "drone"
                | "air"
                | "rocket"
                | "artillery"
                | "deadly"
                | "violent"
                | "armed"
                | "insurgent"
                | "retaliatory"
                | "coordinated"
                | "frequent"
                | "such"
                | "similar"
                | "further"
                | "more"
                | "fresh"
                | "new"
                | "future"
                | "major"
        );
        if !modifier {
            break;
        }
        i -= 1;
    }
    let Some(pw) = s.word_before(i) else { return true };
    let determined = matches!(
        pw,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "two"
            | "three"
            | "four"
            | "five"
            | "several"
            | "multiple"
            | "separate"
            | "twin"
            | "both"
    ) || pw.chars().all(|c| c.is_ascii_digit())
        || s.text
            .get(s.words[i - 1].end..s.words[i].start)
            .is_some_and(|g| g.starts_with('’') || g.starts_with('\''));
    !determined
}

/// "confirmed the pre-dawn attack", "condemned the blast": the trigger at word `wi` is the
/// object of a verb that reacts to an event already reported.
fn reacts_to(s: &Sent, wi: usize) -> bool {
    let from = wi.saturating_sub(5);
    (from..wi).any(|i| {
        let verb = matches!(
            s.words[i].lower.as_str(),
            "confirmed"
                | "confirms"
                | "condemned"
                | "condemns"
                | "denounced"
                | "deplored"
                | "denied"
                | "denies"
        );
        // The trigger is the verb's object ("confirmed the attack"), not the verb of a clause
        // it introduces ("confirmed that the Taliban overran the district").
        verb && s
            .words
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "the" | "this" | "these" | "its" | "their"))
    })
}

/// The weapon chain right before an attack head: "rocket, artillery and drone attacks" →
/// the first weapon named (rocket → shelling).
fn chain_weapon(s: &Sent, wi: usize) -> Option<Kind> {
    let mut found = None;
    let mut j = wi;
    while j > 0 {
        let w = &s.words[j - 1];
        let gap = s.text.get(w.end..s.words[j].start).unwrap_or("");
        if !(gap == " " || gap == ", " || gap == "/") {
            break;
        }
        if let Some(k) = lexicon::weapon(&w.lower) {
            found = Some(k);
        } else if !(w.lower == "and" || w.lower == "or") {
            break;
        }
        j -= 1;
    }
    found
}

/// The first strong weapon cue anywhere in the sentence (outside quotes).
fn sentence_weapon(s: &Sent) -> Option<Kind> {
    s.words.iter().filter(|w| !s.is_quoted(w.start)).find_map(|w| {
        if matches!(w.lower.as_str(), "air" | "car" | "bomb" | "bombs" | "explosive") {
            return None;
        }
        lexicon::weapon(&w.lower)
    })
}

/// "suicide attacks in X, one near A and another targeting B": two regions after a plural
/// trigger.
fn split_regions(s: &Sent, c: &Cand) -> Option<((usize, usize), (usize, usize))> {
    if !s.open.get(..c.at.1)?.ends_with('s') {
        return None;
    }
    let rest = s.open.get(c.at.1..)?;
    let one = rest.find(" one ")?;
    let after_one = &rest[one..];
    let other = ["and another ", "another ", "the other ", "a second "]
        .iter()
        .filter_map(|m| after_one.find(m))
        .min()?;
    let a = c.at.1 + one;
    let b = a + other;
    Some(((a, b), (b, s.text.len())))
}

/// Places, dates: each to the nearest trigger.
fn assign_slots(s: &Sent, ctx: &Ctx, cands: &mut [Cand], anchors: &[(usize, usize, bool)]) {
    let line = dateline_end(s.text);
    let locs = sentence_places(s, line);
    // "The death toll from the ambush rose to 10 on Friday": a date after the rise dates the
    // count, not the event.
    let toll_from = if s.open.contains("toll") {
        ["rose to", "risen to", "climbed to", "jumped to", "reached"]
            .iter()
            .filter_map(|v| s.open.find(v))
            .min()
            .unwrap_or(usize::MAX)
    } else {
        usize::MAX
    };
    let mut ds: Vec<dates::DateMention> = dates::find_dates(s.text, ctx.base, ctx.year_hint)
        .into_iter()
        .filter(|d| !s.is_quoted(d.span.start) && d.span.start >= line && d.span.start < toll_from)
        .collect();
    ds.extend(time_cues(s, &ds));
    let dist_at = |at: (usize, usize), start: usize, end: usize| -> usize {
        if start >= at.1 { start - at.1 } else { (at.0.saturating_sub(end)) * 3 / 2 }
    };
    let dist = |c: &Cand, start: usize, end: usize| {
        c.positions.iter().map(|&p| dist_at(p, start, end)).min().unwrap_or(usize::MAX)
    };
    // A place nearer to a trigger that was dropped (a hypothetical strike, a back-reference)
    // than to any kept one belongs to that dropped mention.
    let kept: Vec<(usize, usize)> = cands.iter().flat_map(|c| c.positions.iter().copied()).collect();
    let owned_by_kept = |start: usize, end: usize, best: usize| {
        anchors.iter().all(|&(a, b, _)| kept.contains(&(a, b)) || dist_at((a, b), start, end) >= best)
    };
    for l in locs {
        let regional: Vec<usize> = (0..cands.len())
            .filter(|&i| cands[i].region.is_some_and(|(a, b)| l.start >= a && l.start < b))
            .collect();
        if !regional.is_empty() {
            for i in regional {
                cands[i].places.push(l.clone());
            }
            continue;
        }
        // Shared part of a split ("suicide attacks in Islamabad, one … another …").
        let shared: Vec<usize> = (0..cands.len())
            .filter(|&i| cands[i].region.is_some_and(|(a, _)| l.start < a && l.start >= cands[i].at.0))
            .collect();
        if !shared.is_empty() {
            for i in shared {
                cands[i].places.push(l.clone());
            }
            continue;
        }
        if let Some(i) = (0..cands.len()).min_by_key(|&i| dist(&cands[i], l.start, l.end))
            && owned_by_kept(l.start, l.end, dist(&cands[i], l.start, l.end))
        {
            cands[i].places.push(l);
        }
    }
    // Dates follow what they date ("summoned the envoy on Monday to protest the attack").
    let date_dist = |c: &Cand, start: usize, end: usize| {
        c.positions
            .iter()
            .map(|&(a, b)| if start >= b { start - b } else { a.saturating_sub(end) * 3 })
            .min()
            .unwrap_or(usize::MAX)
    };
    for d in ds {
        if let Some(i) = (0..cands.len()).min_by_key(|&i| date_dist(&cands[i], d.span.start, d.span.end)) {
            if cands[i].date.is_none() {
                cands[i].date = Some(d.clone());
            }
            // A split pair shares its date.
            if cands[i].region.is_some() {
                for c in cands.iter_mut().filter(|c| c.region.is_some() && c.date.is_none()) {
                    c.date = Some(d.clone());
                }
            }
        }
    }
}

/// Time expressions the date finder did not report, kept as text ("recently", "on Friday",
/// "last week"); a bare or glued year ("late2025") gives a partial date.
fn time_cues(s: &Sent, found: &[dates::DateMention]) -> Vec<dates::DateMention> {
    let overlaps = |a: usize, b: usize| found.iter().any(|d| a < d.span.end && d.span.start < b);
    let mut out = Vec::new();
    for (a, b) in s.lex.leftmost_longest(Lex::Time) {
        let pat = &s.open[a..b];
        if matches!(pat, "once again" | "latest" | "hours")
            || !lexicon::bounded(&s.open, a, b, false)
            || overlaps(a, b)
        {
            continue;
        }
        let text = s.text.get(a..b).unwrap_or(pat).to_string();
        out.push(dates::DateMention { span: Span::new(a, b), text, value: None, relative: true });
    }
    for w in &s.words {
        if s.is_quoted(w.start) || overlaps(w.start, w.end) {
            continue;
        }
        // A year ends the word and needs four bytes: most words are skipped here.
        if !(4..=10).contains(&w.lower.len()) || !w.lower.as_bytes().last().is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let ys = years_in(&w.lower);
        if let [y] = ys.as_slice()
            && w.lower.len() <= 10
            && w.lower.ends_with(&y.to_string())
        {
            let text = s.text.get(w.start..w.end).unwrap_or("").to_string();
            out.push(dates::DateMention {
                span: Span::new(w.start, w.end),
                text,
                value: Some(y.to_string()),
                relative: false,
            });
        }
    }
    out.sort_by_key(|d| d.span.start);
    out
}

/// Gazetteer places and place phrases of a sentence, outside quotes, as written.
/// `dateline` is [`dateline_end`] of the sentence.
fn sentence_places(s: &Sent, dateline: usize) -> Vec<Loc> {
    let quoted = |b: usize| s.is_quoted(b);
    let mut out: Vec<Loc> = Vec::new();
    for h in locs::find_loc_phrases(s.text, &s.words, &quoted) {
        let text = s.text.get(h.start..h.end).unwrap_or("").to_string();
        out.push(Loc::new(h.start, h.end, text, None));
    }
    out.sort_by_key(|l| l.start);
    let mut extra: Vec<Loc> = Vec::new();
    for m in &s.names().0 {
        if s.is_quoted(m.span.start) || m.span.start < dateline {
            continue;
        }
        let i = out.partition_point(|l| l.end <= m.span.start);
        if let Some(l) = out.get_mut(i).filter(|l| l.start < m.span.end) {
            if l.place.is_none() {
                l.place = Some(m.place.clone());
            }
            continue;
        }
        // A place inside a longer name or a title is neither: "Ali Mardan Khan", "the
        // Interim Sindh Chief Minister", "Sindh’s Information Minister".
        if name_part(s, m.span.start, m.span.end) {
            continue;
        }
        // A country named outside a locative phrase is an actor ("Pakistan launched …").
        if m.place.kind == "country" {
            let wi = s.word_at(m.span.start);
            let prev = s.word_before(wi).unwrap_or("");
            if !matches!(prev, "in" | "inside" | "into" | "across" | "at" | "near" | "to") {
                continue;
            }
        }
        // Written form: "Orakzai district", "Khyber Pakhtunkhwa (KP)".
        let mut end = m.span.end;
        let rest = s.text.get(end..).unwrap_or("");
        for ext in [" district", " District", " province", " Province", " agency", " Agency"] {
            if rest.starts_with(ext) && !rest[ext.len()..].starts_with(|c: char| c.is_alphanumeric()) {
                end += ext.len();
                break;
            }
        }
        let text = s.text.get(m.span.start..end).unwrap_or(&m.text).to_string();
        extra.push(Loc::new(m.span.start, end, text, Some(m.place.clone())));
    }
    out.extend(extra);
    for l in out.iter_mut().filter(|l| l.place.is_none()) {
        l.place = places::lookup(&l.text).or_else(|| {
            let first = l.text.split([' ', '(']).next().unwrap_or("");
            if first.len() < l.text.len() { places::lookup(first) } else { None }
        });
    }
    out.sort_by_key(|l| l.start);
    // The first mention of each place, unless it is a seat or a reference point.
    let keep: Vec<bool> = (0..out.len())
        .map(|i| {
            let l = &out[i];
            !out[..i].iter().any(|p| p.norm == l.norm)
                && !seat_of_an_institution(s, l.start)
                && !reference_point(s, l.start)
        })
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(false));
    out
}

/// "about 65 kilometres northwest of Khar": the place at byte `start` is a reference point for
/// a distance, not where the event happened.
fn reference_point(s: &Sent, start: usize) -> bool {
    let wi = s.word_at(start);
    if wi < 2 || s.words[wi - 1].lower != "of" {
        return false;
    }
    let unit = |w: &str| {
        matches!(w, "kilometres" | "kilometers" | "km" | "kms" | "miles" | "mile" | "kilometre" | "kilometer")
    };
    let dir = |w: &str| {
        matches!(
            w,
            "north"
                | "south"
                | "east"
                | "west"
                | "northwest"
                | "northeast"
                | "southwest"
                | "southeast"
                | "north-west"
                | "north-east"
                | "south-west"
                | "south-east"
        )
    };
    let a = s.words[wi - 2].lower.as_str();
    unit(a) || (dir(a) && wi >= 3 && unit(s.words[wi - 3].lower.as_str()))
}

/// "the Interior Ministry in Kabul reported", "the Foreign Office in Islamabad said": the place
/// (at byte `start`) says where an institution sits, not where the event happened.
fn seat_of_an_institution(s: &Sent, start: usize) -> bool {
    let wi = s.word_at(start);
    if wi < 2 || s.words.get(wi - 1).is_none_or(|w| w.lower != "in") {
        return false;
    }
    let seat = matches!(
        s.words[wi - 2].lower.as_str(),
        "officials"
            | "authorities"
            | "sources"
            | "ministry"
            | "office"
            | "embassy"
            | "consulate"
            | "mission"
            | "government"
            | "spokesman"
            | "spokesperson"
    );
    // Only when the institution speaks: "… in Kabul reported that …" (an attack on "the
    // police office in Dera Ismail Khan" happened there).
    seat && s.words.iter().skip(wi + 1).take(3).any(|w| {
        matches!(
            w.lower.as_str(),
            "said" | "says" | "reported" | "confirmed" | "told" | "announced" | "stated" | "added"
        )
    })
}

/// Words that make a capitalised neighbour part of a place ("Dir District", "Upper Kurram").
fn is_place_word(lower: &str) -> bool {
    locs::EXTENSIONS.contains(&lower)
        || matches!(
            lower,
            "north" | "south" | "east" | "west" | "upper" | "lower" | "central" | "greater" | "new" | "old"
        )
}

/// Is the gazetteer match at `start..end` part of a person's name or a title rather than a
/// place? True when it sits between two capitalised words, or is followed by a possessive
/// and a title word, and no locative preposition comes right before it.
fn name_part(s: &Sent, start: usize, end: usize) -> bool {
    let wi = s.word_at(start);
    let prev = wi.checked_sub(1).and_then(|p| s.words.get(p));
    if prev.is_some_and(|p| {
        matches!(
            p.lower.as_str(),
            "in" | "at" | "near" | "inside" | "into" | "across" | "from" | "to" | "of" | "outside"
        )
    }) {
        return false;
    }
    let cap =
        |w: &Word| s.text.get(w.start..w.end).and_then(|x| x.chars().next()).is_some_and(char::is_uppercase);
    let adjacent = |w: &Word, a: usize, b: usize| s.text.get(a..b).is_some_and(|g| g == " ") && cap(w);
    let Some(next_i) = (wi..s.words.len()).find(|&i| s.words[i].start >= end) else { return false };
    let next = &s.words[next_i];
    let before = prev.is_some_and(|p| adjacent(p, p.end, start) && !is_place_word(&p.lower));
    let after = adjacent(next, end, next.start) && !is_place_word(&next.lower);
    if before && after && places::lookup(s.text.get(next.start..next.end).unwrap_or("")).is_none() {
        return true;
    }
    // "Balochistan’s Caretaker Information Minister": a title, not a place.
    let rest = s.text.get(end..).unwrap_or("");
    if let Some(r) = rest.strip_prefix("’s ").or_else(|| rest.strip_prefix("'s ")) {
        let w = r.split(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
        let f = w.to_lowercase();
        return w.starts_with(char::is_uppercase)
            && places::lookup(w).is_none()
            && (crate::extract::quotes::lexicon::is_role_word(&f)
                || matches!(
                    f.as_str(),
                    "caretaker" | "interim" | "acting" | "information" | "home" | "chief"
                ));
    }
    false
}

/// End of a dateline ("ISLAMABAD:", "KABUL, Dec 25 (Reuters) -", "[Islamabad]"), or 0.
fn dateline_end(t: &str) -> usize {
    // "(Agency- Network) KABUL, Oct 18 (Agency) –": a credit in brackets before the place.
    if t.starts_with('(')
        && let Some(e) = t.find(')').filter(|&e| e < 48)
    {
        let rest = t[e + 1..].trim_start();
        let inner = dateline_end(rest);
        return if inner > 0 { t.len() - rest.len() + inner } else { 0 };
    }
    if t.starts_with('[') {
        return t.find(']').filter(|&e| e < 40).map_or(0, |e| e + 1);
    }
    // The upper-case head ("KABUL", "DERA ISMAIL KHAN -"): its byte length and letters.
    let (mut head_len, mut letters) = (0, 0);
    for c in t.chars().take_while(|c| c.is_uppercase() || *c == ' ' || *c == '-') {
        head_len += c.len_utf8();
        letters += usize::from(c.is_alphabetic());
    }
    if letters < 3 {
        return titled_dateline_end(t);
    }
    let rest = &t[head_len..];
    if rest.starts_with(':') || rest.starts_with(',') {
        // Up to the first " - " / " — " / ":" after the place.
        let window = &t[..t.len().min(head_len + 60)];
        for sep in [": ", " - ", " — ", " – "] {
            if let Some(p) = window.find(sep) {
                return p + sep.len();
            }
        }
        return head_len;
    }
    0
}

/// A dateline written in title case: "Islamabad, Dec. 12, (Agency) –", "Kabul, Sep 13 (Agency)".
/// A capitalised place of one or two words, a comma, a month name and a day; it ends at the
/// agency's bracket or at the dash after it.
fn titled_dateline_end(t: &str) -> usize {
    let Some(comma) = t.get(..t.len().min(30)).and_then(|h| h.find(", ")) else { return 0 };
    let place = &t[..comma];
    let words: Vec<&str> = place.split(' ').collect();
    let placeish = (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(|x| x.is_lowercase() || x == '-')
        });
    let rest = &t[comma + 2..];
    let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        .iter()
        .any(|m| rest.starts_with(m));
    if !placeish || !month {
        return 0;
    }
    let window = &t[..t.len().min(comma + 48)];
    if let Some(p) =
        [" – ", " - ", " — "].iter().filter_map(|sep| window.find(sep).map(|p| p + sep.len())).min()
    {
        return p;
    }
    window.find(')').map_or(0, |p| p + 1)
}

/// Country of an event: from its places, else "both" for cross-border or bilateral events,
/// else from the nationality of what the evidence names.
fn country(b: &Building, evidence: &str) -> Option<String> {
    let mut set: Vec<&str> = Vec::new();
    for l in &b.places {
        if let Some(p) = &l.place
            && (p.country == "Pakistan" || p.country == "Afghanistan")
            && !set.contains(&p.country.as_str())
        {
            set.push(p.country.as_str());
        }
    }
    match set.len() {
        2 => return Some("both".into()),
        1 => return Some(set[0].to_string()),
        _ => {}
    }
    let lower = evidence.to_lowercase();
    let pk = lower.contains("pakistan") || lower.contains("islamabad");
    let af = lower.contains("afghan") || lower.contains("kabul") || lower.contains("taliban");
    if b.cross_border || (pk && af) {
        return Some("both".into());
    }
    if pk {
        Some("Pakistan".into())
    } else if af {
        Some("Afghanistan".into())
    } else {
        None
    }
}

/// Append a list to `out` as prose: "a", "a and b", "a, b and c".
fn push_list<'s>(out: &mut String, items: impl ExactSizeIterator<Item = &'s str>) {
    let n = items.len();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == n { " and " } else { ", " });
        }
        out.push_str(item);
    }
}

fn finish(doc: &Document, b: Building, cursor: &mut AnchorCursor) -> Event {
    let (mut event_type, mut sub_type) = b.kind.code();
    // "Nine people were killed as gunmen fired on a police post": "people" says nothing of
    // who died when the target was armed.
    let generic = |v: &str| {
        v.split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w.to_lowercase().as_str(), "people" | "persons" | "individuals"))
    };
    let victim_civ =
        matches!(&b.deaths, Some((_, VictimClass::Civilian, v)) if !(b.armed_target && generic(v)));
    if matches!(b.kind, Kind::Attack | Kind::Kill) && (victim_civ || (b.civilians && !b.armed_target)) {
        event_type = "Violence against civilians";
        sub_type = "Attack";
    }
    let evidence = doc.span_text(b.evidence).to_string();
    let country = country(&b, &evidence);
    let noun = if event_type == "Violence against civilians" && sub_type == "Attack" {
        "Attack on civilians"
    } else {
        b.kind.noun()
    };
    // Written piece by piece into one string (no intermediate strings).
    let mut what = noun.to_string();
    if !b.actors.is_empty() {
        what.push_str(" involving ");
        push_list(&mut what, b.actors.iter().take(3).map(String::as_str));
    }
    if !b.places.is_empty() {
        what.push_str(" in ");
        push_list(&mut what, b.places.iter().take(5).map(|l| l.text.as_str()));
    }
    if let Some(d) = &b.date {
        what.push_str(" (");
        what.push_str(d.value.as_deref().unwrap_or(&d.text));
        what.push(')');
    }
    if let Some((n, _, _)) = &b.deaths {
        what.push_str("; ");
        what.push_str(&n.to_string());
        what.push_str(" reported killed");
        if let Some(c) = &b.claimant {
            what.push_str(" according to ");
            what.push_str(c);
        }
    }
    let victims = b.deaths.as_ref().map(|(_, _, v)| match &b.claimant {
        Some(c) => format!("{v} (according to {c})"),
        None => v.clone(),
    });
    Event {
        doc: doc.id.clone(),
        anchor: cursor.anchor(&doc.clean, b.evidence),
        span: b.evidence,
        evidence,
        what,
        event_type: event_type.to_string(),
        sub_type: sub_type.to_string(),
        date: b.date.as_ref().and_then(|d| d.value.clone()),
        date_text: b.date.as_ref().map(|d| d.text.clone()),
        locations: b.places.into_iter().map(|l| Location { text: l.text, place: l.place }).collect(),
        country,
        actors: b.actors,
        fatalities: b.deaths.as_ref().map(|d| d.0),
        fatalities_claimed_by: if b.deaths.is_some() { b.claimant } else { None },
        victims,
        reported: None,
    }
}

#[cfg(test)]
mod scan_tests {
    use super::{max_year, next_digit, years_in};

    #[test]
    fn next_digit_finds_the_first_digit_in_and_across_blocks() {
        let text = "no digits in this first block, 7 then more; and 2025 at the end 9";
        let b = text.as_bytes();
        let naive = |i: usize| (i..b.len()).find(|&k| b[k].is_ascii_digit()).unwrap_or(b.len());
        for i in 0..=b.len() {
            assert_eq!(next_digit(b, i), naive(i), "from {i}");
        }
        assert_eq!(next_digit(b"", 0), 0);
        assert_eq!(next_digit(b"abcdefghijklmnopqrstuvwxyz", 0), 26);
        assert_eq!(next_digit(b"/:09", 0), 2);
    }

    #[test]
    fn years_are_found_after_long_digit_free_runs() {
        let long = format!("{} in 2024 and 1987, not 12345 or 2200 or www.x.com/2023", "word ".repeat(40));
        assert_eq!(years_in(&long), vec![2024, 1987, 2023]);
        assert_eq!(max_year(&long), Some(2024));
    }
}
