//! Metadata detection: title, subtitle, outlet, author, URL, publication date, dateline, tags.
//!
//! Everything is read from the text as given; a field the text does not state stays `None`.
//! Titles are recognised by shape (a first line that reads as a headline), not by position
//! alone: an article pasted without its headline starts with a body paragraph and has none.

use std::sync::LazyLock;

use regex::Regex;

use super::Metadata;
use super::fold::{find_lower, more_chars_than, starts_with_lower};
use super::repair::{clean_inline, is_keyword_list, split_colon};

/// Known outlets by web domain (the registered domain or any subdomain of it).
const OUTLETS: &[(&str, &str)] = &[
    ("crisisgroup.org", "International Crisis Group"),
    ("themedialine.org", "The Media Line"),
    ("jpost.com", "The Jerusalem Post"),
    ("dawn.com", "Dawn"),
    ("tribune.com.pk", "The Express Tribune"),
    ("thenews.com.pk", "The News International"),
    ("geo.tv", "Geo News"),
    ("arynews.tv", "ARY News"),
    ("samaa.tv", "Samaa TV"),
    ("pakistantoday.com.pk", "Pakistan Today"),
    ("nation.com.pk", "The Nation"),
    ("dailytimes.com.pk", "Daily Times"),
    ("pakobserver.net", "Pakistan Observer"),
    ("brecorder.com", "Business Recorder"),
    ("app.com.pk", "Associated Press of Pakistan"),
    ("radio.gov.pk", "Radio Pakistan"),
    ("ispr.gov.pk", "ISPR"),
    ("mofa.gov.pk", "Ministry of Foreign Affairs of Pakistan"),
    ("tolonews.com", "TOLOnews"),
    ("pajhwok.com", "Pajhwok Afghan News"),
    ("khaama.com", "Khaama Press"),
    ("afintl.com", "Afghanistan International"),
    ("amu.tv", "Amu TV"),
    ("arabnews.pk", "Arab News Pakistan"),
    ("arabnews.com", "Arab News"),
    ("reuters.com", "Reuters"),
    ("apnews.com", "Associated Press"),
    ("afp.com", "AFP"),
    ("aljazeera.com", "Al Jazeera"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("theguardian.com", "The Guardian"),
    ("wsj.com", "The Wall Street Journal"),
    ("ft.com", "Financial Times"),
    ("economist.com", "The Economist"),
    ("bloomberg.com", "Bloomberg"),
    ("cnn.com", "CNN"),
    ("voanews.com", "Voice of America"),
    ("rferl.org", "Radio Free Europe/Radio Liberty"),
    ("thediplomat.com", "The Diplomat"),
    ("foreignpolicy.com", "Foreign Policy"),
    ("foreignaffairs.com", "Foreign Affairs"),
    ("hindustantimes.com", "Hindustan Times"),
    ("thehindu.com", "The Hindu"),
    ("indianexpress.com", "The Indian Express"),
    ("indiatimes.com", "The Times of India"),
    ("ndtv.com", "NDTV"),
    ("aa.com.tr", "Anadolu Agency"),
    ("trtworld.com", "TRT World"),
    ("dw.com", "Deutsche Welle"),
    ("france24.com", "France 24"),
    ("tass.com", "TASS"),
    ("xinhuanet.com", "Xinhua"),
    ("news.cn", "Xinhua"),
    ("globaltimes.cn", "Global Times"),
    ("un.org", "United Nations"),
    ("unmissions.org", "UNAMA"),
    ("acleddata.com", "ACLED"),
    ("longwarjournal.org", "FDD's Long War Journal"),
    ("crss.pk", "Centre for Research and Security Studies"),
    ("pakpips.com", "Pak Institute for Peace Studies"),
];

/// News agencies named in datelines ("KABUL (Reuters) -").
const AGENCIES: &[(&str, &str)] = &[
    ("reuters", "Reuters"),
    ("ap", "Associated Press"),
    ("afp", "AFP"),
    ("app", "Associated Press of Pakistan"),
    ("pti", "Press Trust of India"),
    ("ani", "ANI"),
    ("ians", "IANS"),
    ("xinhua", "Xinhua"),
    ("anadolu", "Anadolu Agency"),
    ("dpa", "dpa"),
    ("efe", "EFE"),
];

/// Words in capitals that open a paragraph but are not datelines.
const NOT_DATELINES: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "NOTE",
    "WATCH",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "COMMENT",
    "LIVE",
    "VIDEO",
    "PHOTOS",
    "READ",
    "ALSO",
    "CORRECTION",
    "FILE",
    "Q",
    "A",
];

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

const MONTH_RE: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

static DATE_ISO: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b"));
static DATE_DMY: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(&format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_RE}\.?,?\s+(\d{{4}})\b")));
static DATE_MDY: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(&format!(r"(?i)\b{MONTH_RE}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")));
static DATE_MY: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(&format!(r"(?i)\b{MONTH_RE}\.?,?\s+(\d{{4}})\b")));
static URL: LazyLock<Option<Regex>> = LazyLock::new(|| re(r#"(?i)\b(?:https?://|www\.)[^\s<>"'“”]+"#));
static BYLINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^(?i:by|written by|reporting by|author:|writer:|words by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|bin|ibn|al|ul|ud|de|van|von|and|&)){0,5})\s*(?:[,|•—–-]\s*(.*))?$",
    )
});
static DATELINE_CAPS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^(\p{Lu}[\p{Lu}.'’-]+(?:[ -]\p{Lu}[\p{Lu}.'’-]+){0,3})(?:,\s*\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?)?(?:,?\s+\p{Lu}[a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\(([^)]{1,30})\))?\s*(?::|—|–|-{1,2})\s*\S",
    )
});
static DATELINE_BRACKET: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^\[(\p{Lu}[\p{L}.' -]{1,40})\]\s*\S"));

/// Whether `l` can match [`BYLINE`]: its first letter begins one of the byline words (all
/// ASCII letters that no other character case-folds to). Most lines cannot, and this spares
/// the regex search for them.
fn may_open_byline(l: &str) -> bool {
    l.as_bytes().first().is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b'b' | b'r' | b'w'))
}

/// Whether `l` can match [`DATELINE_CAPS`]: it opens with a capital followed by a capital or
/// one of `.'’-`. (`char::is_uppercase` holds for every `\p{Lu}` letter, so no match is lost.)
/// Most body lines open with a capitalised word and fail here, sparing the regex search.
fn may_open_caps_dateline(l: &str) -> bool {
    let mut chars = l.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// Detect metadata from the original and clean texts. Nothing is invented.
pub fn detect(original: &str, _clean: &str) -> Metadata {
    let lines: Vec<&str> = original
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'))
        .filter(|l| !l.is_empty())
        .collect();
    let mut m = Metadata::default();
    let head = &lines[..lines.len().min(12)];
    let tail = &lines[lines.len().saturating_sub(8)..];

    // Labelled lines anywhere in the head or tail.
    let mut labelled_outlet = None;
    let mut updated = None;
    for l in head.iter().chain(tail.iter()) {
        let Some((label, value)) = split_colon(l) else { continue };
        // Lower-casing never shortens a text in characters; every label below has at most 16.
        if more_chars_than(label.trim(), 16) {
            continue;
        }
        let label = label.trim().to_lowercase();
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match label.as_str() {
            "title" | "headline" if m.title.is_none() => m.title = Some(clean_inline(value)),
            "source" | "source url" | "url" | "link" | "original url" | "original" => {
                if let Some(u) = first_url(l) {
                    m.source_url.get_or_insert(u);
                } else if label == "source" && value.split_whitespace().count() <= 6 {
                    labelled_outlet.get_or_insert_with(|| value.trim_end_matches('.').to_string());
                }
            }
            "publisher" | "outlet" | "publication" | "newspaper" => {
                labelled_outlet.get_or_insert_with(|| value.trim_end_matches('.').to_string());
            }
            "published" | "published on" | "date" | "posted" | "posted on" | "publication date"
            | "first published" | "date published"
                if m.published.is_none() =>
            {
                m.published = parse_date(value, true);
            }
            "updated" | "last updated" | "modified" => updated = updated.or_else(|| parse_date(value, true)),
            "tags" | "keywords" | "topics" | "filed under" if m.tags.is_empty() => {
                m.tags = split_list(value);
            }
            _ => {}
        }
    }
    if m.published.is_none() {
        // An unlabelled header line: "Published July 2, 2018", "Posted on 3 March 2021".
        m.published = head.iter().find_map(|l| {
            let l = l.trim();
            if more_chars_than(l, 60) {
                return None;
            }
            let rest =
                ["Published ", "Posted ", "PUBLISHED ", "POSTED "].iter().find_map(|p| l.strip_prefix(p))?;
            let rest = rest.strip_prefix("on ").or_else(|| rest.strip_prefix("ON ")).unwrap_or(rest);
            parse_date(rest, true)
        });
    }
    if m.published.is_none() {
        m.published = updated;
    }
    if m.source_url.is_none() {
        // A bare URL line at the very top or bottom.
        m.source_url = head.iter().take(3).chain(tail.iter().rev().take(4)).find_map(|l| {
            let u = first_url(l)?;
            (u.len() + 2 >= l.len()).then_some(u)
        });
    }

    // Title and subtitle.
    let title_idx = if m.title.is_some() { None } else { find_title(&lines) };
    let mut title_outlet = None;
    if let Some(i) = title_idx {
        let raw = strip_heading(lines[i]);
        let (t, o) = split_title_outlet(raw);
        title_outlet = o;
        m.title = Some(clean_inline(t));
        // Subtitle: the next line that is not a repeat, label, byline or caption.
        let mut j = i + 1;
        while j < lines.len() && (lines[j] == lines[i] || is_label(lines[j])) {
            j += 1;
        }
        if let Some(s) = lines.get(j)
            && j + 1 < lines.len()
            && is_subtitle(s)
        {
            m.subtitle = Some(clean_inline(strip_heading(s)));
        }
    }

    // Author: a byline, else the writer's role ("The writer heads …").
    let mut byline_outlet = None;
    for l in head.iter().chain(tail.iter()) {
        if let Some(c) = BYLINE.as_ref().filter(|_| may_open_byline(l)).and_then(|r| r.captures(l)) {
            let name = c.get(1).map(|x| x.as_str().trim().trim_end_matches(" and").trim_end_matches(" &"));
            if let Some(name) =
                name.filter(|n| n.split_whitespace().count() >= 2 || starts_with_lower(l, "author"))
            {
                m.author = Some(name.to_string());
                if let Some(rest) = c.get(2) {
                    let rest = rest.as_str().trim();
                    if m.published.is_none() {
                        m.published = parse_date(rest, false);
                    }
                    byline_outlet = known_outlet_name(rest);
                }
                break;
            }
        }
    }
    if m.author.is_none() {
        m.author = head.iter().take(5).chain(tail.iter().rev().take(4)).find_map(|l| writer_role(l));
    }

    // Outlet.
    let more_from = lines.iter().find_map(|l| for_more_from(l));
    let domain_outlet = m.source_url.as_deref().and_then(outlet_from_url);
    let agency = head.iter().find_map(|l| dateline_agency(l));
    let copyright = tail.iter().chain(head.iter()).find_map(|l| copyright_outlet(l));
    m.outlet = labelled_outlet
        .or(more_from)
        .or(title_outlet)
        .or(domain_outlet)
        .or(byline_outlet)
        .or(agency)
        .or(copyright);

    // Dateline: the first body line that opens with a place.
    m.dateline = lines.iter().take(12).enumerate().find_map(|(i, l)| {
        if Some(i) == title_idx {
            return None;
        }
        dateline(l)
    });

    // Tags from a keyword line under the headline when there is no "Tags:" line.
    if m.tags.is_empty()
        && let Some(l) = lines.iter().take(4).find(|l| is_keyword_list(l))
    {
        m.tags = split_list(l);
    }
    m
}

fn strip_heading(l: &str) -> &str {
    let h = l.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&h) && l[h..].starts_with(' ') { l[h..].trim() } else { l }
}

fn is_label(l: &str) -> bool {
    let Some((label, _)) = split_colon(l) else { return false };
    // Every label below has at most 12 characters.
    if more_chars_than(label.trim(), 12) {
        return false;
    }
    matches!(
        label.trim().to_lowercase().as_str(),
        "source"
            | "source url"
            | "url"
            | "link"
            | "published"
            | "published on"
            | "date"
            | "posted"
            | "posted on"
            | "updated"
            | "last updated"
            | "tags"
            | "keywords"
            | "topics"
            | "author"
            | "publisher"
            | "outlet"
            | "title"
            | "headline"
    )
}

fn starts_like_byline(l: &str) -> bool {
    starts_with_lower(l, "by ") || starts_with_lower(l, "written by") || writer_role(l).is_some()
}

fn has_credit(l: &str) -> bool {
    l.contains('(')
        && ["(photo", "(credit", "(image", "(file photo"].iter().any(|p| find_lower(l, p).is_some())
}

/// Index of the title line, decided by shape.
fn find_title(lines: &[&str]) -> Option<usize> {
    let first = strip_heading(lines.first()?);
    if is_label(first) || starts_like_byline(first) || has_credit(first) || dateline(first).is_some() {
        return None;
    }
    let words = first.split_whitespace().count();
    // "Title / Source: url / Published: date" header block: the first line is the title.
    let header_block = lines.iter().skip(1).take(3).any(|l| is_label(l));
    if header_block && words <= 40 && first.chars().count() <= 300 {
        return Some(0);
    }
    let headline = (2..=25).contains(&words)
        && first.chars().count() <= 200
        && !first.ends_with(['.', ',', ';', ':'])
        && !first.chars().next().is_some_and(char::is_lowercase)
        && !is_keyword_list(first)
        && lines.len() > 1;
    headline.then_some(0)
}

fn is_subtitle(l: &str) -> bool {
    let words = l.split_whitespace().count();
    (3..=45).contains(&words)
        && !l.ends_with(['.', ',', ';', ':'])
        && !is_label(l)
        && !starts_like_byline(l)
        && !has_credit(l)
        && !is_keyword_list(l)
        && dateline(l).is_none()
        && !starts_with_lower(l, "for more")
}

/// "Headline | Outlet" or "Headline - Outlet" with a known outlet name: split it.
fn split_title_outlet(t: &str) -> (&str, Option<String>) {
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some((a, b)) = t.rsplit_once(sep)
            && let Some(o) = known_outlet_name(b)
        {
            return (a.trim(), Some(o));
        }
    }
    (t, None)
}

fn known_outlet_name(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches('.');
    let n = super::repair::norm(s);
    if n.is_empty() {
        return None;
    }
    OUTLETS
        .iter()
        .map(|(_, name)| *name)
        .chain(AGENCIES.iter().filter(|(k, _)| k.len() > 3).map(|(_, name)| *name))
        .find(|name| super::repair::norm(name) == n)
        .map(str::to_string)
}

/// "The writer heads …", "The author is …": the author's role as the text gives it.
fn writer_role(l: &str) -> Option<String> {
    let prefixes =
        ["the writer ", "the author ", "the writers ", "the authors ", "the columnist ", "the contributor "];
    // Every prefix opens with "the ": one test rules out most lines.
    if starts_with_lower(l, "the ")
        && prefixes.iter().any(|p| starts_with_lower(l, p))
        && l.split_whitespace().count() <= 60
    {
        return Some(l.trim_end_matches('.').trim().to_string());
    }
    None
}

fn first_url(l: &str) -> Option<String> {
    let m = URL.as_ref()?.find(l)?;
    let u = m.as_str().trim_end_matches(['.', ',', ';', ':', ')', ']', '>', '!', '?']);
    Some(u.to_string())
}

/// The host of a URL, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.')).then_some(host)
}

fn outlet_from_url(url: &str) -> Option<String> {
    let h = host(url)?;
    for (domain, name) in OUTLETS {
        if h == *domain || h.ends_with(&format!(".{domain}")) {
            return Some((*name).to_string());
        }
    }
    Some(h)
}

/// "For more stories from The Media Line go to …" → "The Media Line".
fn for_more_from(l: &str) -> Option<String> {
    // Every prefix below opens with "for more ": one test rules out almost every line.
    if !starts_with_lower(l, "for more ") {
        return None;
    }
    let mut at = None;
    for p in ["for more stories from ", "for more news from ", "for more articles from ", "for more from "] {
        // Only ASCII letters lower-case to these ASCII prefixes, so the prefix has the same
        // length in `l`.
        if starts_with_lower(l, p) {
            at = Some(p.len());
            break;
        }
    }
    let rest = l.get(at?..)?;
    let end = [" go to", ", go to", " visit", ", visit", " click", " at http", " at www", " see "]
        .iter()
        .filter_map(|s| find_lower(rest, s))
        .min()
        .unwrap_or(rest.len());
    let name = rest[..end].trim().trim_end_matches([',', '.', ':']).trim();
    (!name.is_empty() && name.split_whitespace().count() <= 8).then(|| name.to_string())
}

fn dateline_agency(l: &str) -> Option<String> {
    let c = DATELINE_CAPS.as_ref().filter(|_| may_open_caps_dateline(l))?.captures(l)?;
    let inside = c.get(2)?.as_str().trim().to_lowercase();
    AGENCIES.iter().find(|(k, _)| *k == inside).map(|(_, v)| (*v).to_string())
}

fn copyright_outlet(l: &str) -> Option<String> {
    let rest = if starts_with_lower(l, "copyright") {
        // Only ASCII letters lower-case to "copyright": the word is its first nine bytes.
        l.get("copyright".len()..)?
    } else {
        l.strip_prefix('©')?
    };
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("(c)").or_else(|| rest.strip_prefix("(C)")).unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| c == '©' || c.is_whitespace());
    let rest =
        rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '–' || c.is_whitespace());
    let cut = find_lower(rest, "all rights").unwrap_or(rest.len());
    let name = rest[..cut].trim().trim_end_matches(['.', ',']).trim();
    (!name.is_empty() && name.split_whitespace().count() <= 6).then(|| name.to_string())
}

fn dateline(l: &str) -> Option<String> {
    if let Some(c) = DATELINE_BRACKET.as_ref().filter(|_| l.starts_with('[')).and_then(|r| r.captures(l)) {
        return c.get(1).map(|x| x.as_str().trim().to_string());
    }
    let c = DATELINE_CAPS.as_ref().filter(|_| may_open_caps_dateline(l))?.captures(l)?;
    let place = c.get(1)?.as_str().trim();
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 || NOT_DATELINES.contains(&place) {
        return None;
    }
    Some(place.to_string())
}

fn split_list(v: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in v.split([',', ';', '|']) {
        let t = t.trim().trim_end_matches('.').trim();
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
            out.push(t.to_string());
        }
    }
    out
}

fn month_number(name: &str) -> Option<u8> {
    let n = name.to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|(_, v)| *v)
}

fn iso(y: i64, m: i64, d: i64) -> Option<String> {
    let (y16, m8, d8) = (i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?);
    if !(1900..=2200).contains(&y16) {
        return None;
    }
    jiff::civil::Date::new(y16, m8, d8).ok()?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// The first date stated in `s`, as ISO `YYYY-MM-DD`; `YYYY-MM` for "March 2024" when
/// `allow_month` (labelled dates only).
pub(crate) fn parse_date(s: &str, allow_month: bool) -> Option<String> {
    let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let mut best: Option<(usize, String)> = None;
    let mut consider = |pos: usize, v: Option<String>| {
        if let Some(v) = v
            && best.as_ref().is_none_or(|(p, _)| pos < *p)
        {
            best = Some((pos, v));
        }
    };
    if let Some(c) = DATE_ISO.as_ref().and_then(|r| r.captures(s)) {
        let pos = c.get(0).map_or(0, |m| m.start());
        consider(pos, iso(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?));
    }
    if let Some(c) = DATE_DMY.as_ref().and_then(|r| r.captures(s)) {
        let pos = c.get(0).map_or(0, |m| m.start());
        let m = c.get(2).and_then(|m| month_number(m.as_str())).map(i64::from);
        if let (Some(d), Some(m), Some(y)) = (num(&c, 1), m, num(&c, 3)) {
            consider(pos, iso(y, m, d));
        }
    }
    if let Some(c) = DATE_MDY.as_ref().and_then(|r| r.captures(s)) {
        let pos = c.get(0).map_or(0, |m| m.start());
        let m = c.get(1).and_then(|m| month_number(m.as_str())).map(i64::from);
        if let (Some(m), Some(d), Some(y)) = (m, num(&c, 2), num(&c, 3)) {
            consider(pos, iso(y, m, d));
        }
    }
    if best.is_none()
        && allow_month
        && let Some(c) = DATE_MY.as_ref().and_then(|r| r.captures(s))
    {
        let m = c.get(1).and_then(|m| month_number(m.as_str()));
        if let (Some(m), Some(y)) = (m, num(&c, 2))
            && (1900..=2200).contains(&y)
        {
            return Some(format!("{y:04}-{m:02}"));
        }
    }
    best.map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(s: &str) -> Metadata {
        detect(s, s)
    }

    #[test]
    fn header_block_layout() {
        let m = meta(
            "Floods strike the valley.\nSource: https://www.dawn.com/news/123\nPublished: 2024-03-05\n\nBody text here. More text.",
        );
        assert_eq!(m.title.as_deref(), Some("Floods strike the valley."));
        assert_eq!(m.source_url.as_deref(), Some("https://www.dawn.com/news/123"));
        assert_eq!(m.outlet.as_deref(), Some("Dawn"));
        assert_eq!(m.published.as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn unlabelled_published_line() {
        let m = meta("Floods strike the valley\n\nPublished July 2, 2018\n\nBody text here. More text.");
        assert_eq!(m.published.as_deref(), Some("2018-07-02"));
        let m = meta("Floods strike the valley\n\nPosted on 3 March 2021\n\nBody text here. More text.");
        assert_eq!(m.published.as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn body_first_has_no_title() {
        let m = meta("In a bold move, the council voted on Tuesday to close the road.\nThe mayor said more.");
        assert_eq!(m.title, None);
        assert_eq!(m.outlet, None);
        assert_eq!(m.author, None);
    }

    #[test]
    fn headline_subtitle_byline_dateline() {
        let m = meta(
            "Talks stall as border stays shut\n\nTraders count losses on both sides\n\nBy Sara Ahmed | Reuters\n\nPESHAWAR, March 3 (Reuters) - The border stayed closed.\n\nTags: trade; border, Torkham",
        );
        assert_eq!(m.title.as_deref(), Some("Talks stall as border stays shut"));
        assert_eq!(m.subtitle.as_deref(), Some("Traders count losses on both sides"));
        assert_eq!(m.author.as_deref(), Some("Sara Ahmed"));
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
        assert_eq!(m.dateline.as_deref(), Some("PESHAWAR"));
        assert_eq!(m.tags, vec!["trade", "border", "Torkham"]);
    }

    #[test]
    fn role_more_from_and_bracket_dateline() {
        let m = meta(
            "Why the talks failed\nThe writer is a former ambassador to Iran.\n[Kabul] Envoys met again.\n\nFor more stories from The Daily Example go to example.org",
        );
        assert_eq!(m.author.as_deref(), Some("The writer is a former ambassador to Iran"));
        assert_eq!(m.outlet.as_deref(), Some("The Daily Example"));
        assert_eq!(m.dateline.as_deref(), Some("Kabul"));
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("Friday, March 31, 2023 10:00", false).as_deref(), Some("2023-03-31"));
        assert_eq!(parse_date("31st Oct. 2025", false).as_deref(), Some("2025-10-31"));
        assert_eq!(parse_date("February 30, 2024", false), None);
        assert_eq!(parse_date("October 2025", true).as_deref(), Some("2025-10"));
        assert_eq!(parse_date("October 2025", false), None);
    }

    #[test]
    fn opening_tests_never_reject_a_line_the_regexes_match() {
        let lines = [
            "PESHAWAR, March 3 (Reuters) - The border stayed closed.",
            "KABUL: Talks resumed.",
            "D.I. KHAN — Police said",
            "ÉCHIROLLES: a town",
            "Islamabad: the capital",
            "The minister said",
            "[Kabul] Envoys met again.",
            "By Sara Ahmed | Reuters",
            "WRITTEN BY Ali Khan",
            "Reporting by Ali Khan and Sara Ahmed",
            "Author: Mir Wali",
            "words by Jane Roe",
            "Byline missing here",
            "“Quoted” opening",
            "",
        ];
        for l in lines {
            if BYLINE.as_ref().is_some_and(|r| r.is_match(l)) {
                assert!(may_open_byline(l), "{l:?}");
            }
            if DATELINE_CAPS.as_ref().is_some_and(|r| r.is_match(l)) {
                assert!(may_open_caps_dateline(l), "{l:?}");
            }
        }
        assert!(may_open_caps_dateline("KABUL: x") && !may_open_caps_dateline("Kabul: x"));
        assert!(may_open_byline("By X") && !may_open_byline("The writer"));
        assert_eq!(dateline("PESHAWAR, March 3 (Reuters) - The border").as_deref(), Some("PESHAWAR"));
        assert_eq!(dateline("[Kabul] Envoys met again.").as_deref(), Some("Kabul"));
        assert_eq!(dateline("The minister said"), None);
    }

    #[test]
    fn unknown_domain_is_kept_as_domain() {
        let m = meta("A headline about things\nSource: https://news.example.net/a/b\n\nBody.");
        assert_eq!(m.outlet.as_deref(), Some("news.example.net"));
    }
}
