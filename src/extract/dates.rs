//! Date expressions: absolute, partial, ranges and relative ones against a base date.
//!
//! The date forms, compiled once as one multi-pattern regular expression, find every candidate
//! in a single pass (leftmost, most specific form first); a match's groups come from its form
//! alone, run on the match. Each form is normalised with jiff's civil calendar:
//!
//! | written | value |
//! |---|---|
//! | `2026-02-24`, `24 February 2026`, `February 24, 2026`, `Feb. 24th` + year | `2026-02-24` |
//! | `late Thursday, February 26th` (weekday + date: the date wins) | `2026-02-26` |
//! | `from February 24th to 26th`, `24-26 February`, `between 3 and 5 March 2026` | `2026-02-24/2026-02-26` |
//! | `October 2025`, `in October` + year, `late October 2025` | `2025-10` |
//! | `late 2025`, `in 2021`, `mid-2024` | `2025` |
//! | `yesterday`, `on Friday`, `last Friday`, `Saturday evening`, `three days ago` | a date |
//! | `last week`, `this week`, `over the weekend` | a range (Monday–Sunday; this week: Monday–base) |
//! | `last month`, `this month`, `last year` | `YYYY-MM` / `YYYY` |
//! | `recently`, `recent`, `days after`, `the next day` | no value: vague or relative to another event |
//!
//! A month or day without a year takes `year_hint`, else the base date's year (the latest such
//! date not after the base date), else has no value. Relative expressions without a base date
//! have no value: nothing is invented. `since October` gives the start, October.

use std::sync::OnceLock;

use jiff::civil::Date;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, meta};

use crate::corpus::Span;

/// A date expression found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the searched text.
    pub span: Span,
    /// The expression as written ("late Thursday, February 26th", "last week").
    pub text: String,
    /// Normalised value: ISO date, partial (`2025-10`, `2025`) or range
    /// (`2026-02-24/2026-02-26`). `None` for a relative expression with no base date.
    pub value: Option<String>,
    /// True for relative expressions ("last week", "on Friday"), and for dates whose year
    /// the expression itself does not give ("March 30").
    pub relative: bool,
}

/// The date forms, most specific first: where two forms match at the same place, the earlier
/// one wins (as in one alternation of them all).
fn forms() -> Vec<String> {
    // Month names in full or abbreviated ("Sept.", "Feb"), weekday names in full.
    let m = format!(
        r"(?:(?:{})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)",
        MONTH_NAMES.join("|")
    );
    let wd = format!(r"(?:{})\b", WEEKDAY_NAMES.join("|"));
    let day = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?\b";
    let year = r"(?:19|20)[0-9]{2}\b";
    let tod = r"(?:\s+(?i:morning|afternoon|evening|night))?";
    let wdp = format!(r"(?:(?:(?i:early|late|on)\s+)?{wd}{tod},?\s+)?");
    let to = r"\s*(?:(?i:to|until|till|through|and)\s+|[-–—]\s*)";
    let preps = r"(?i:in|since|by|until|till|during|from|last|this|next|earlier\s+in|later\s+in|early\s+in|late\s+in|by\s+the\s+end\s+of|at\s+the\s+end\s+of|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of)";
    let mods = r"(?i:early|mid|late)";
    let nums = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|a\s+few|[0-9]{1,3})";
    let pattern = [
        // 1. ISO date.
        format!(r"(?P<iso>\b(?P<iso_y>{year})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3][0-9])\b)"),
        // 2. Numeric d/m/yyyy (day first, as in Pakistan and the UK; m/d when unambiguous).
        format!(r"(?P<num>\b(?P<num_a>[0-3]?[0-9])/(?P<num_b>[0-3]?[0-9])/(?P<num_y>{year}))"),
        // 3. Range, month first: "from February 24th to 26th", "Feb 24 - Mar 2, 2026".
        format!(
            r"(?P<rm>(?:(?i:from|between)\s+)?{wdp}(?P<rm_m1>{m})\s+(?P<rm_d1>{day}){to}(?:(?P<rm_m2>{m})\s+)?(?P<rm_d2>{day})(?:,?\s+(?P<rm_y>{year}))?)"
        ),
        // 4. Range, day first: "24 to 26 February 2026", "from 28 February to 2 March".
        format!(
            r"(?P<rd>(?:(?i:from|between)\s+)?\b(?P<rd_d1>{day})(?:\s+(?:of\s+)?(?P<rd_m1>{m}))?{to}(?P<rd_d2>{day})\s+(?:of\s+)?(?P<rd_m2>{m})(?:,?\s+(?P<rd_y>{year}))?)"
        ),
        // 5. Month first: "late Thursday, February 26th", "in October 2025", "Feb. 24".
        format!(
            r"(?P<md>(?:(?P<md_p>{preps})\s+)?{wdp}(?:(?P<md_mod>{mods})[\s-]*)?(?P<md_m>{m})(?:\s+(?P<md_d>{day}))?(?:,?\s+(?:of\s+)?(?P<md_y>{year}))?)"
        ),
        // 6. Day first: "24 February 2026", "Thursday, 26 February".
        format!(r"(?P<dm>{wdp}\b(?P<dm_d>{day})\s+(?:of\s+)?(?P<dm_m>{m})(?:,?\s+(?P<dm_y>{year}))?)"),
        // 7. Year with a modifier or preposition: "late 2025", "late2025", "in 2021", "mid-2024".
        format!(
            r"(?P<yr>\b(?:(?P<yr_mod>{mods}|(?i:the\s+first\s+half\s+of|the\s+second\s+half\s+of))[\s-]*|(?P<yr_p>{preps})\s+)(?P<yr_y>{year}))"
        ),
        // 8. Weekday: "on Friday", "last Friday", "Saturday evening".
        format!(r"(?P<wd>\b(?:(?P<wd_p>(?i:on|last|this|next|early|late|since|until|by))\s+)?(?P<wd_w>{wd})(?P<wd_t>{tod}))"),
        // 9. "three days ago", "a week ago".
        format!(r"(?P<ago>\b(?P<ago_n>(?i:{nums}))\s+(?P<ago_u>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b)"),
        // 10. Fixed relative phrases.
        r"(?P<rel>\b(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+morning|earlier\s+today|(?:earlier|later)\s+this\s+(?:week|month|year)|(?:late|early)\s+last\s+(?:week|month|year)|last\s+(?:week|weekend|month|year)|this\s+(?:week|weekend|month|year)|next\s+(?:week|month|year)|over\s+the\s+weekend|(?:days|weeks|hours|months)\s+(?:after|later|earlier|before)|a\s+(?:day|week|month)\s+(?:after|later|earlier|before)|the\s+(?:previous|next|following)\s+day|the\s+day\s+before|recently|recent)\b)".to_string(),
    ];
    // ASCII word boundaries keep the whole search on the fast DFA engines.
    pattern.iter().map(|p| p.replace(r"\b", r"(?-u:\b)")).collect()
}

/// One date form compiled alone.
struct Form {
    /// The form with its groups, run anchored on a match of the joint search.
    re: meta::Regex,
    /// The form's name (its outer group) when it has no other group: the whole match is
    /// then all there is to capture, and the capture engines need not run.
    bare: Option<String>,
}

/// The compiled date forms.
struct DateRegex {
    /// Every form as one pattern of a multi-pattern regex without capture groups: finds where
    /// each date is and which form it is (leftmost-first, as one alternation of the forms) on
    /// the lazy DFA alone.
    find: meta::Regex,
    /// The forms in the same order: the capture engines then work on a few bytes and one
    /// form instead of on the whole alternation.
    forms: Vec<Form>,
}

fn build_regex() -> Option<DateRegex> {
    let patterns = forms();
    let implicit = regex_automata::nfa::thompson::WhichCaptures::Implicit;
    let find = meta::Regex::builder()
        .configure(meta::Regex::config().which_captures(implicit))
        .build_many(&patterns)
        .ok()?;
    let mut forms = Vec::with_capacity(patterns.len());
    for p in &patterns {
        let re = meta::Regex::new(p).ok()?;
        let pid = regex_automata::PatternID::ZERO;
        let info = re.group_info();
        let bare = if info.group_len(pid) == 2 { info.to_name(pid, 1).map(str::to_string) } else { None };
        forms.push(Form { re, bare });
    }
    Some(DateRegex { find, forms })
}

fn regex() -> Option<&'static DateRegex> {
    static RE: OnceLock<Option<DateRegex>> = OnceLock::new();
    RE.get_or_init(build_regex).as_ref()
}

/// Every match of the date forms in `text`, in order: what the single alternation of the
/// forms finds with its capture groups.
fn matches(text: &str) -> impl Iterator<Item = Found<'_>> {
    regex().into_iter().flat_map(move |re| {
        re.find.find_iter(text).filter_map(move |m| {
            let form = re.forms.get(m.pattern().as_usize())?;
            if let Some(name) = &form.bare {
                return Some(Found { text, whole: m.range(), groups: Groups::Whole(name) });
            }
            let mut caps = form.re.create_captures();
            form.re.search_captures(&Input::new(text).span(m.range()).anchored(Anchored::Yes), &mut caps);
            let whole = caps.get_match()?.range();
            Some(Found { text, whole, groups: Groups::Captured(caps) })
        })
    })
}

/// Find date expressions in `text`. `base` is the document's publication date, used to
/// resolve relative expressions; `year_hint` supplies the year for "February 24th" when
/// the document mentions one nearby.
pub fn find_dates(text: &str, base: Option<Date>, year_hint: Option<i16>) -> Vec<DateMention> {
    let ctx = Ctx { base, hint: year_hint };
    let mut out = Vec::new();
    for found in matches(text) {
        let whole = found.whole.clone();
        if let Some((value, relative)) = ctx.interpret(&found, bare_weekday_adverbial(text, whole.clone())) {
            // "in October 2025" reads as "October 2025": a preposition is kept only where
            // the expression needs it ("in February", "since October").
            let mut start = whole.start;
            if let (Some(p), Some(_)) = (found.range("md_p"), found.range("md_y")) {
                start = p.end + text[p.end..whole.end].len() - text[p.end..whole.end].trim_start().len();
            }
            out.push(DateMention {
                span: Span::new(start, whole.end),
                text: text[start..whole.end].to_string(),
                value,
                relative,
            });
        }
    }
    out
}

/// The groups of one match.
enum Groups<'a> {
    /// A form without inner groups: only its name, over the whole match.
    Whole(&'a str),
    /// The form's capture groups.
    Captured(Captures),
}

/// One match of a date form: its span and its groups by name.
struct Found<'a> {
    text: &'a str,
    whole: std::ops::Range<usize>,
    groups: Groups<'a>,
}

impl<'a> Found<'a> {
    /// Byte range of group `name`, when it took part in the match.
    fn range(&self, name: &str) -> Option<std::ops::Range<usize>> {
        match &self.groups {
            Groups::Whole(form) => (*form == name).then(|| self.whole.clone()),
            Groups::Captured(caps) => Some(caps.get_group_by_name(name)?.range()),
        }
    }

    /// The text of group `name`, when it took part in the match.
    fn name(&self, name: &str) -> Option<&'a str> {
        self.text.get(self.range(name)?)
    }
}

/// A weekday standing alone as a time adverbial at the end of a clause, as agency copy writes
/// it ("… wounded 30 others Sunday.", "… killed Friday, police said"): after a lower-case word
/// and before a comma, full stop or semicolon. Not "Sunday's clashes" nor "Sunday Times".
fn bare_weekday_adverbial(text: &str, m: std::ops::Range<usize>) -> bool {
    let before = text[..m.start].trim_end_matches(' ');
    let after_lower = before.len() < m.start && before.chars().next_back().is_some_and(char::is_lowercase);
    let next = text[m.end..].chars().next();
    after_lower && matches!(next, Some('.' | ',' | ';'))
}

/// The base date and year hint to pass to [`find_dates`] for a whole document: the base is
/// the publication date when the metadata gives a full one; without it, the hint is the
/// latest year the document writes in a full or month-level date ("February 2026",
/// "24 February 2026"), so "February 24th to 26th" takes the article's year. With a base
/// date the hint is `None`: the base already fixes years (and knows "October" in a
/// February article is last year's).
pub fn document_context(doc: &crate::corpus::Document) -> (Option<Date>, Option<i16>) {
    let base = doc.meta.published.as_deref().and_then(parse_iso_date);
    if base.is_some() {
        return (base, None);
    }
    let hint = find_dates(&doc.clean, None, None)
        .into_iter()
        .filter(|m| !m.relative)
        .filter_map(|m| m.value)
        .filter(|v| v.len() >= 7)
        .filter_map(|v| v.get(..4).and_then(|y| y.parse::<i16>().ok()))
        .max();
    (None, hint)
}

/// The first four-digit year (1900–2099) written in `text`, for use as a `year_hint`.
pub fn year_in(text: &str) -> Option<i16> {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        let w = &b[i..i + 4];
        let boundary_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let boundary_after = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if boundary_before
            && boundary_after
            && w.iter().all(u8::is_ascii_digit)
            && (w[..2] == *b"19" || w[..2] == *b"20")
        {
            return std::str::from_utf8(w).ok()?.parse().ok();
        }
        i += 1;
    }
    None
}

/// Parse an ISO `YYYY-MM-DD` (or the date part of a longer timestamp) into a date.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10)?;
    let mut parts = head.split('-');
    let y: i16 = parts.next()?.parse().ok()?;
    let m: i8 = parts.next()?.parse().ok()?;
    let d: i8 = parts.next()?.parse().ok()?;
    Date::new(y, m, d).ok()
}

struct Ctx {
    base: Option<Date>,
    hint: Option<i16>,
}

/// English month names, January first: the one table for writing dates out (exports, generated
/// corpora).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Whether `word` is a month name (any case).
pub fn is_month_name(word: &str) -> bool {
    MONTH_NAMES.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Whether `word` is a weekday name (any case).
pub fn is_weekday_name(word: &str) -> bool {
    WEEKDAY_NAMES.iter().any(|d| d.eq_ignore_ascii_case(word))
}

fn month_number(s: &str) -> Option<i8> {
    let key: String = s.chars().take(3).flat_map(char::to_lowercase).collect();
    let n = match key.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn day_number(s: &str) -> Option<i8> {
    s.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok()
}

fn weekday_of(s: &str) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday::*;
    Some(match s.get(..3)? {
        "Mon" => Monday,
        "Tue" => Tuesday,
        "Wed" => Wednesday,
        "Thu" => Thursday,
        "Fri" => Friday,
        "Sat" => Saturday,
        "Sun" => Sunday,
        _ => return None,
    })
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(n).ok()?;
    d.checked_add(span).ok()
}

fn ym(y: i16, m: i8) -> String {
    format!("{y:04}-{m:02}")
}

fn shift_month(y: i16, m: i8, delta: i32) -> (i16, i8) {
    let idx = i32::from(y) * 12 + i32::from(m) - 1 + delta;
    ((idx.div_euclid(12)) as i16, (idx.rem_euclid(12) + 1) as i8)
}

fn range(a: Date, b: Date) -> String {
    if a == b { a.to_string() } else { format!("{a}/{b}") }
}

fn number_word(s: &str) -> Option<i64> {
    let s = s.to_lowercase();
    let n = match s.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "several" | "few" | "a few" => return None,
        other => other.parse().ok()?,
    };
    Some(n)
}

impl Ctx {
    /// The year for a month (and day) written without one; `None` when nothing fixes it.
    fn year_for(&self, month: i8, day: Option<i8>) -> Option<i16> {
        if let Some(h) = self.hint {
            return Some(h);
        }
        let base = self.base?;
        let y = base.year();
        let candidate = Date::new(y, month, day.unwrap_or(1)).ok()?;
        // News reports the past: a month that has not begun, or a day more than a week
        // ahead, is last year's.
        let ahead = if day.is_some() { add_days(base, 7)? } else { base };
        Some(if candidate > ahead { y - 1 } else { y })
    }

    /// The value and relative flag for one match; `None` rejects the match.
    fn interpret(&self, c: &Found, bare_weekday: bool) -> Option<(Option<String>, bool)> {
        let g = |name: &str| c.name(name);
        if c.name("iso").is_some() {
            let d =
                Date::new(g("iso_y")?.parse().ok()?, g("iso_m")?.parse().ok()?, g("iso_d")?.parse().ok()?)
                    .ok()?;
            return Some((Some(d.to_string()), false));
        }
        if c.name("num").is_some() {
            let (a, b): (i8, i8) = (g("num_a")?.parse().ok()?, g("num_b")?.parse().ok()?);
            let y: i16 = g("num_y")?.parse().ok()?;
            let (day, month) = if b > 12 { (b, a) } else { (a, b) };
            let d = Date::new(y, month, day).ok()?;
            return Some((Some(d.to_string()), false));
        }
        if c.name("rm").is_some() || c.name("rd").is_some() {
            let p = if c.name("rm").is_some() { "rm" } else { "rd" };
            let d1 = day_number(g(&format!("{p}_d1"))?)?;
            let d2 = day_number(g(&format!("{p}_d2"))?)?;
            let (m1, m2) = if p == "rm" {
                let m1 = month_number(g("rm_m1")?)?;
                (m1, g("rm_m2").and_then(month_number).unwrap_or(m1))
            } else {
                let m2 = month_number(g("rd_m2")?)?;
                (g("rd_m1").and_then(month_number).unwrap_or(m2), m2)
            };
            let explicit: Option<i16> = g(&format!("{p}_y")).and_then(|y| y.parse().ok());
            let Some(y) = explicit.or_else(|| self.year_for(m1, Some(d1))) else {
                Date::new(2000, m1, d1).ok()?;
                Date::new(2000, m2, d2).ok()?;
                return Some((None, true));
            };
            let y1 = if m1 > m2 { y - 1 } else { y };
            let (a, b) = (Date::new(y1, m1, d1).ok()?, Date::new(y, m2, d2).ok()?);
            if b < a {
                return None;
            }
            return Some((Some(range(a, b)), explicit.is_none()));
        }
        if c.name("md").is_some() || c.name("dm").is_some() {
            let p = if c.name("md").is_some() { "md" } else { "dm" };
            let month = month_number(g(&format!("{p}_m"))?)?;
            let day = g(&format!("{p}_d")).and_then(day_number);
            let explicit: Option<i16> = g(&format!("{p}_y")).and_then(|y| y.parse().ok());
            let prep = g("md_p").map(|s| s.to_lowercase());
            let has_mod = g("md_mod").is_some();
            // A bare month name ("May", "March") is a date only with a day, a year, a
            // preposition or a modifier.
            if day.is_none() && explicit.is_none() && prep.is_none() && !has_mod {
                return None;
            }
            if let Some(d) = day {
                Date::new(2000, month, d).ok()?;
            }
            let year = match (explicit, prep.as_deref()) {
                (Some(y), _) => Some(y),
                (None, Some("last")) => {
                    self.base.map(|b| if month < b.month() { b.year() } else { b.year() - 1 })
                }
                (None, Some("this")) => self.base.map(|b| b.year()).or(self.hint),
                (None, Some("next")) => {
                    self.base.map(|b| if month > b.month() { b.year() } else { b.year() + 1 })
                }
                _ => self.year_for(month, day),
            };
            let Some(y) = year else { return Some((None, true)) };
            let value = match day {
                Some(d) => Date::new(y, month, d).ok()?.to_string(),
                None => ym(y, month),
            };
            return Some((Some(value), explicit.is_none()));
        }
        if c.name("yr").is_some() {
            if g("yr_p").is_none() && g("yr_mod").is_none() {
                return None;
            }
            return Some((Some(g("yr_y")?.to_string()), false));
        }
        if c.name("wd").is_some() {
            let prep = g("wd_p").map(|s| s.to_lowercase());
            let has_tod = g("wd_t").is_some_and(|t| !t.trim().is_empty());
            if prep.is_none() && !has_tod && !bare_weekday {
                return None;
            }
            let want = weekday_of(g("wd_w")?)?;
            let Some(base) = self.base else { return Some((None, true)) };
            let back = i64::from(
                (base.weekday().to_monday_zero_offset() - want.to_monday_zero_offset()).rem_euclid(7),
            );
            let date = match prep.as_deref() {
                Some("last") => add_days(base, -(if back == 0 { 7 } else { back }))?,
                Some("next") => add_days(base, if back == 0 { 7 } else { 7 - back })?,
                _ => add_days(base, -back)?,
            };
            return Some((Some(date.to_string()), true));
        }
        if c.name("ago").is_some() {
            let Some(base) = self.base else { return Some((None, true)) };
            let Some(n) = number_word(g("ago_n")?) else { return Some((None, true)) };
            let unit = g("ago_u")?.to_lowercase();
            let value = if unit.starts_with("day") {
                add_days(base, -n)?.to_string()
            } else if unit.starts_with("week") {
                add_days(base, -7 * n)?.to_string()
            } else if unit.starts_with("month") {
                let (y, m) = shift_month(base.year(), base.month(), -(i32::try_from(n).ok()?));
                ym(y, m)
            } else {
                (i64::from(base.year()) - n).to_string()
            };
            return Some((Some(value), true));
        }
        if c.name("rel").is_some() {
            let phrase = g("rel")?.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
            return Some((self.relative_phrase(&phrase), true));
        }
        None
    }

    fn relative_phrase(&self, phrase: &str) -> Option<String> {
        let base = self.base?;
        let monday = add_days(base, -i64::from(base.weekday().to_monday_zero_offset()))?;
        let (y, m) = (base.year(), base.month());
        Some(match phrase {
            "today" | "tonight" | "this morning" | "earlier today" => base.to_string(),
            "yesterday" | "last night" => add_days(base, -1)?.to_string(),
            "the day before yesterday" => add_days(base, -2)?.to_string(),
            "last week" | "early last week" | "late last week" => {
                range(add_days(monday, -7)?, add_days(monday, -1)?)
            }
            "this week" | "earlier this week" => range(monday, base),
            "later this week" => range(base, add_days(monday, 6)?),
            "next week" => range(add_days(monday, 7)?, add_days(monday, 13)?),
            "last weekend" | "over the weekend" | "this weekend" => {
                let back_to_sat = i64::from((base.weekday().to_monday_zero_offset() - 5).rem_euclid(7));
                let mut sat = add_days(base, -back_to_sat)?;
                if phrase == "last weekend" && back_to_sat <= 1 {
                    sat = add_days(sat, -7)?;
                }
                range(sat, add_days(sat, 1)?)
            }
            "last month" | "early last month" | "late last month" => {
                let (py, pm) = shift_month(y, m, -1);
                ym(py, pm)
            }
            "this month" | "earlier this month" | "later this month" => ym(y, m),
            "next month" => {
                let (ny, nm) = shift_month(y, m, 1);
                ym(ny, nm)
            }
            "last year" | "early last year" | "late last year" => (y - 1).to_string(),
            "this year" | "earlier this year" | "later this year" => y.to_string(),
            "next year" => (y + 1).to_string(),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap_or_default()
    }

    /// (text, value) of every mention.
    fn found(t: &str, base: Option<Date>, hint: Option<i16>) -> Vec<(String, Option<String>)> {
        find_dates(t, base, hint).into_iter().map(|m| (m.text, m.value)).collect()
    }

    fn one(t: &str, base: Option<Date>, hint: Option<i16>) -> (String, Option<String>) {
        let f = found(t, base, hint);
        assert_eq!(f.len(), 1, "{t}: {f:?}");
        f.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(one("Talks resumed on 2026-02-24 in Doha.", None, None).1.as_deref(), Some("2026-02-24"));
        assert_eq!(
            one("Talks resumed on 24 February 2026 in Doha.", None, None).1.as_deref(),
            Some("2026-02-24")
        );
        assert_eq!(
            one("Talks resumed on February 24, 2026, in Doha.", None, None).1.as_deref(),
            Some("2026-02-24")
        );
        assert_eq!(one("It happened on 5/3/2024.", None, None).1.as_deref(), Some("2024-03-05"));
        assert_eq!(
            one("Shelling began on Feb. 24 near the border.", None, Some(2026)).1.as_deref(),
            Some("2026-02-24")
        );
        let (t, v) =
            one("The convoy was hit late Thursday, February 26th, officials said.", None, Some(2026));
        assert_eq!(t, "late Thursday, February 26th");
        assert_eq!(v.as_deref(), Some("2026-02-26"));
        // Weekday and explicit date disagree: the date wins.
        assert_eq!(one("on Monday, 3 March 2025", None, None).1.as_deref(), Some("2025-03-03"));
        // No year anywhere: no value.
        assert_eq!(one("Shelling began on March 30 near the border.", None, None).1, None);
    }

    #[test]
    fn partial_dates() {
        assert_eq!(
            one("Strikes in October 2025 hit camps.", None, None),
            ("October 2025".into(), Some("2025-10".into()))
        );
        assert_eq!(
            one("In late 2025, the minister travelled.", None, None),
            ("late 2025".into(), Some("2025".into()))
        );
        assert_eq!(one("In late2025, the minister travelled.", None, None).1.as_deref(), Some("2025"));
        assert_eq!(one("Violence rose in mid-2024 again.", None, None).1.as_deref(), Some("2024"));
        assert_eq!(one("The group formed in 2007.", None, None), ("in 2007".into(), Some("2007".into())));
        assert_eq!(one("He visited in February.", None, Some(2026)).1.as_deref(), Some("2026-02"));
        assert_eq!(one("He visited in February.", None, None), ("in February".into(), None));
        // Bare month-like words are not dates.
        assert!(found("They may march on. May God help. March was cold", None, None).is_empty());
        // Numbers are not years without a cue.
        assert!(found("About 2000 troops and 1999 vehicles moved.", None, None).is_empty());
    }

    #[test]
    fn ranges() {
        let (t, v) =
            one("Both sides traded fire from February 24th to 26th along the border.", None, Some(2026));
        assert_eq!(t, "from February 24th to 26th");
        assert_eq!(v.as_deref(), Some("2026-02-24/2026-02-26"));
        assert_eq!(
            one("Clashes on 24-26 February 2026 left many dead.", None, None).1.as_deref(),
            Some("2026-02-24/2026-02-26")
        );
        assert_eq!(
            one("between March 3 and 5, 2025", None, None).1.as_deref(),
            Some("2025-03-03/2025-03-05")
        );
        assert_eq!(
            one("from 28 February to 2 March 2026", None, None).1.as_deref(),
            Some("2026-02-28/2026-03-02")
        );
        assert_eq!(one("from February 24th to 26th", None, None).1, None);
    }

    #[test]
    fn relative_with_base() {
        // Friday 27 February 2026.
        let base = Some(d(2026, 2, 27));
        assert_eq!(
            one("Officials met on Friday.", base, None),
            ("on Friday".into(), Some("2026-02-27".into()))
        );
        assert_eq!(one("Officials met on Tuesday.", base, None).1.as_deref(), Some("2026-02-24"));
        assert_eq!(one("Officials met last Friday.", base, None).1.as_deref(), Some("2026-02-20"));
        assert_eq!(
            one("Gunmen struck on Saturday evening.", base, None),
            ("on Saturday evening".into(), Some("2026-02-21".into()))
        );
        assert_eq!(one("It rained yesterday.", base, None).1.as_deref(), Some("2026-02-26"));
        assert_eq!(
            one("Strikes hit camps last week.", base, None).1.as_deref(),
            Some("2026-02-16/2026-02-22")
        );
        assert_eq!(
            one("The ministry said this week.", base, None).1.as_deref(),
            Some("2026-02-23/2026-02-27")
        );
        assert_eq!(
            one("Last month, four states met.", base, None),
            ("Last month".into(), Some("2026-01".into()))
        );
        assert_eq!(one("Borders have been shut since October.", base, None).1.as_deref(), Some("2025-10"));
        assert_eq!(one("He visited in January.", base, None).1.as_deref(), Some("2026-01"));
        assert_eq!(one("Three days ago the post fell.", base, None).1.as_deref(), Some("2026-02-24"));
        assert_eq!(one("It was quiet last year.", base, None).1.as_deref(), Some("2025"));
        assert_eq!(
            one("Fighting stopped over the weekend.", base, None).1.as_deref(),
            Some("2026-02-21/2026-02-22")
        );
        // Vague or relative to another event: a mention without a value.
        assert_eq!(one("The US recently said so.", base, None), ("recently".into(), None));
        assert_eq!(one("It came days after the vote.", base, None), ("days after".into(), None));
        // Friday prayers are not a date.
        assert!(found("Worshippers left Friday prayers.", base, None).is_empty());
    }

    #[test]
    fn relative_without_base_has_no_value() {
        for t in [
            "last week",
            "on Friday",
            "last month",
            "yesterday",
            "this week",
            "three days ago",
            "since October",
        ] {
            let m = find_dates(t, None, None);
            assert_eq!(m.len(), 1, "{t}");
            assert_eq!(m[0].value, None, "{t}");
            assert!(m[0].relative, "{t}");
            assert_eq!(m[0].text, t);
        }
    }

    /// Spans of the whole match and of every named group, per match.
    type Groups = Vec<Vec<Option<std::ops::Range<usize>>>>;

    #[test]
    fn forms_find_what_one_alternation_of_them_finds() {
        // The reference: all forms as one alternation, run with its capture groups.
        let joint = regex::Regex::new(&forms().join("|")).unwrap();
        let names: Vec<&str> = joint.capture_names().flatten().collect();
        let mut texts: Vec<String> = vec![
            "On Monday, 3 March 2025 and from February 24th to 26th, then in late 2025.".into(),
            "Late Thursday evening, Feb. 24 - Mar 2, 2026; between 3 and 5 March; mid-2024.".into(),
            "Recently, three days ago, last weekend, the day before yesterday and 5/3/2024.".into(),
            "It was quiet on Friday. May God help; they may march. 2026-02-24T10:00.".into(),
        ];
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for entry in std::fs::read_dir(seeds).unwrap() {
            texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        let mut total = 0;
        for t in &texts {
            let old: Groups = joint
                .captures_iter(t)
                .map(|c| {
                    let whole = c.get(0).map(|m| m.range());
                    std::iter::once(whole).chain(names.iter().map(|n| c.name(n).map(|m| m.range()))).collect()
                })
                .collect();
            let new: Groups = matches(t)
                .map(|f| {
                    std::iter::once(Some(f.whole.clone())).chain(names.iter().map(|n| f.range(n))).collect()
                })
                .collect();
            assert_eq!(old, new);
            total += new.len();
        }
        assert!(total > 50, "{total}");
    }

    #[test]
    fn helpers() {
        assert_eq!(year_in("the February 2026 report"), Some(2026));
        assert_eq!(year_in("12345 and 3020"), None);
        assert_eq!(parse_iso_date("2026-02-27T10:00:00Z"), Some(d(2026, 2, 27)));
        assert_eq!(parse_iso_date("2026-02"), None);
    }
}
