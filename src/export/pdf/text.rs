//! Line breaking by measured glyph widths: words, hyphenation (en-US patterns), clean
//! breaks of URLs and over-long words.

use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

use super::fonts::{Fonts, SANS, SANS_BOLD, SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC};
use crate::export::model::Span;

/// An RGB colour, 0..1.
pub type Rgb = (f32, f32, f32);

/// Where a piece of text links to.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// An external URL.
    Uri(String),
    /// Entry `n` of the Sources list.
    Source(usize),
}

/// How a run of text is set.
#[derive(Debug, Clone, PartialEq)]
pub struct TextStyle {
    /// Font family: true for sans, false for serif.
    pub sans: bool,
    /// Bold.
    pub bold: bool,
    /// Italic (serif only; sans has no italic face and stays upright).
    pub italic: bool,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb,
}

impl TextStyle {
    /// Face index for this style.
    pub fn face(&self) -> usize {
        match (self.sans, self.bold, self.italic) {
            (true, true, _) => SANS_BOLD,
            (true, false, _) => SANS,
            (false, true, true) => SERIF_BOLD_ITALIC,
            (false, true, false) => SERIF_BOLD,
            (false, false, true) => SERIF_ITALIC,
            (false, false, false) => SERIF,
        }
    }
}

/// Link colour.
pub const LINK_BLUE: Rgb = (0.04, 0.27, 0.6);

/// A run of text in one face, size and colour, measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Text (every character present in `face`).
    pub text: String,
    /// Face index.
    pub face: usize,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb,
    /// Baseline shift upwards (superscripts), points.
    pub rise: f32,
    /// Link target.
    pub link: Option<Link>,
    /// Advance width, points.
    pub width: f32,
}

/// A set line: pieces with x offsets from the line start.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetLine {
    /// (x, piece).
    pub pieces: Vec<(f32, Piece)>,
    /// Width of the set text.
    pub width: f32,
}

#[derive(Debug, Clone)]
enum Token {
    Word { pieces: Vec<Piece>, space: f32 },
    Break,
}

fn hyphenator() -> Option<&'static Standard> {
    static DICT: OnceLock<Option<Standard>> = OnceLock::new();
    DICT.get_or_init(|| Standard::from_embedded(Language::EnglishUS).ok()).as_ref()
}

/// Convert styled spans to measured pieces and break them into lines of at most
/// `width` points (`first_width` for the first line).
pub fn set_paragraph(
    fonts: &mut Fonts,
    spans: &[Span],
    base: &TextStyle,
    first_width: f32,
    width: f32,
) -> Vec<SetLine> {
    let tokens = tokenize(fonts, spans, base);
    break_lines(fonts, tokens, first_width, width)
}

fn piece_style(span: &Span, base: &TextStyle) -> (TextStyle, f32, Option<Link>) {
    let mut st = base.clone();
    st.bold |= span.bold;
    st.italic = if span.italic { !base.italic || base.sans } else { base.italic };
    let mut rise = 0.0;
    let mut link = span.link.clone().map(Link::Uri);
    if let Some(n) = span.footnote {
        st.size = base.size * 0.62;
        st.bold = false;
        st.color = LINK_BLUE;
        rise = base.size * 0.36;
        link = Some(Link::Source(n));
    } else if link.is_some() {
        st.color = LINK_BLUE;
    }
    (st, rise, link)
}

fn tokenize(fonts: &mut Fonts, spans: &[Span], base: &TextStyle) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut cur: Vec<Piece> = Vec::new();
    let mut prev_footnote = false;
    let flush = |cur: &mut Vec<Piece>, tokens: &mut Vec<Token>, fonts: &mut Fonts| {
        if cur.is_empty() {
            return;
        }
        let last = &cur[cur.len() - 1];
        let space = fonts.width(last.face, last.size.max(1.0), " ");
        tokens.push(Token::Word { pieces: std::mem::take(cur), space });
    };
    for span in spans {
        if span.is_break() {
            flush(&mut cur, &mut tokens, fonts);
            tokens.push(Token::Break);
            continue;
        }
        let (st, rise, link) = piece_style(span, base);
        let mut text = span.text.clone();
        if span.footnote.is_some() && prev_footnote {
            // Consecutive references read "1,2".
            text = format!(",{text}");
        }
        prev_footnote = span.footnote.is_some();
        let mut first = true;
        for part in text.split([' ', '\n', '\r', '\t']) {
            if !first {
                flush(&mut cur, &mut tokens, fonts);
            }
            first = false;
            if part.is_empty() {
                continue;
            }
            for (face, s) in fonts.resolve(st.face(), part) {
                let w = fonts.width(face, st.size, &s);
                cur.push(Piece {
                    text: s,
                    face,
                    size: st.size,
                    color: st.color,
                    rise,
                    link: link.clone(),
                    width: w,
                });
            }
        }
    }
    flush(&mut cur, &mut tokens, fonts);
    tokens
}

fn word_width(pieces: &[Piece]) -> f32 {
    pieces.iter().map(|p| p.width).sum()
}

fn word_text(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

/// Split the pieces of a word at character index `at` (of the concatenated text).
fn split_pieces(fonts: &mut Fonts, pieces: &[Piece], at: usize) -> (Vec<Piece>, Vec<Piece>) {
    let mut head = Vec::new();
    let mut tail = Vec::new();
    let mut pos = 0;
    for p in pieces {
        let n = p.text.chars().count();
        if pos + n <= at {
            head.push(p.clone());
        } else if pos >= at {
            tail.push(p.clone());
        } else {
            let k = at - pos;
            let a: String = p.text.chars().take(k).collect();
            let b: String = p.text.chars().skip(k).collect();
            let wa = fonts.width(p.face, p.size, &a);
            let wb = fonts.width(p.face, p.size, &b);
            head.push(Piece { text: a, width: wa, ..p.clone() });
            tail.push(Piece { text: b, width: wb, ..p.clone() });
        }
        pos += n;
    }
    (head, tail)
}

/// Candidate break positions inside a word: (char index, needs a hyphen).
fn break_candidates(text: &str, hyphenate: bool, all_punctuation: bool) -> Vec<(usize, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut out = Vec::new();
    // After URL / compound punctuation.
    for (i, c) in chars.iter().enumerate() {
        let allowed = if all_punctuation {
            matches!(c, '/' | '-' | '–' | '—' | '.' | '?' | '&' | '=' | '_' | '#')
        } else {
            matches!(c, '-' | '–' | '—')
        };
        if i + 1 < n && i >= 1 && allowed {
            // Never inside a number ("3.5").
            if *c == '.' && chars[i + 1].is_ascii_digit() {
                continue;
            }
            // Keep "://" together.
            if *c == '/' && chars.get(i + 1) == Some(&'/') {
                continue;
            }
            out.push((i + 1, false));
        }
    }
    if hyphenate {
        // Hyphenate the alphabetic core of the word.
        let lead = chars.iter().take_while(|c| !c.is_alphabetic()).count();
        let core_len = chars[lead..].iter().take_while(|c| c.is_alphabetic()).count();
        if core_len >= 6
            && lead + core_len >= n.saturating_sub(3)
            && let Some(dict) = hyphenator()
        {
            {
                let core: String = chars[lead..lead + core_len].iter().collect();
                let word = dict.hyphenate(&core);
                for b in word.breaks {
                    let ci = core[..b.min(core.len())].chars().count();
                    if ci >= 2 && core_len - ci >= 3 {
                        out.push((lead + ci, true));
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Break `pieces` so the head (plus hyphen when needed) fits `avail`. With `force`,
/// falls back to any character boundary (over-long words, long URLs).
fn split_to_fit(
    fonts: &mut Fonts,
    pieces: &[Piece],
    avail: f32,
    hyphenate: bool,
    force: bool,
) -> Option<(Vec<Piece>, Vec<Piece>)> {
    let text = word_text(pieces);
    let n = text.chars().count();
    if n < 2 {
        return None;
    }
    let hyphen_of = |fonts: &mut Fonts, p: &Piece| fonts.width(p.face, p.size, "-");
    let mut best: Option<(Vec<Piece>, Vec<Piece>)> = None;
    for (at, hyphen) in break_candidates(&text, hyphenate, force) {
        let (mut head, tail) = split_pieces(fonts, pieces, at);
        if hyphen && let Some(last) = head.last_mut() {
            {
                let hw = hyphen_of(fonts, last);
                if fonts.faces[last.face].glyph('-').is_some() {
                    last.text.push('-');
                    last.width += hw;
                }
            }
        }
        if word_width(&head) <= avail {
            best = Some((head, tail));
        } else {
            break;
        }
    }
    if best.is_some() || !force {
        return best;
    }
    // Character-level break: the longest head that fits (at least one character).
    let mut lo = 1usize;
    let mut hi = n - 1;
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let (head, _) = split_pieces(fonts, pieces, mid);
        if word_width(&head) <= avail { lo = mid } else { hi = mid - 1 }
    }
    Some(split_pieces(fonts, pieces, lo))
}

fn same_style(a: &Piece, b: &Piece) -> bool {
    a.face == b.face && a.size == b.size && a.color == b.color && a.rise == b.rise && a.link == b.link
}

/// Append a word to a line. The inter-word gap becomes a real space character at the end
/// of the previous piece (the gap IS that space's measured width), so text extraction
/// and copy-paste see words separated by spaces; neighbours of equal style are merged.
fn push_word(line: &mut SetLine, pieces: Vec<Piece>, gap: f32) {
    if gap > 0.0
        && let Some((_, last)) = line.pieces.last_mut()
    {
        last.text.push(' ');
        last.width += gap;
    }
    let mut x = line.width + gap;
    for p in pieces {
        let w = p.width;
        match line.pieces.last_mut() {
            Some((_, last)) if same_style(last, &p) && x > 0.0 => {
                last.text.push_str(&p.text);
                last.width += w;
            }
            _ => line.pieces.push((x, p)),
        }
        x += w;
    }
    line.width = x;
}

fn break_lines(fonts: &mut Fonts, tokens: Vec<Token>, first_width: f32, width: f32) -> Vec<SetLine> {
    let mut lines: Vec<SetLine> = Vec::new();
    let mut line = SetLine::default();
    let mut prev_space = 0.0f32;
    let mut hyphenated_run = 0usize;
    let max_of = |lines: &Vec<SetLine>| if lines.is_empty() { first_width } else { width };
    for tok in tokens {
        let (mut pieces, space) = match tok {
            Token::Break => {
                lines.push(std::mem::take(&mut line));
                prev_space = 0.0;
                continue;
            }
            Token::Word { pieces, space } => (pieces, space),
        };
        // Footnote references attach to the preceding word.
        let attach = pieces.first().is_some_and(|p| p.rise > 0.0) && !line.pieces.is_empty();
        loop {
            let max = max_of(&lines);
            let gap = if line.pieces.is_empty() || attach { 0.0 } else { prev_space };
            let w = word_width(&pieces);
            if line.width + gap + w <= max + 0.01 {
                push_word(&mut line, pieces, gap);
                break;
            }
            let avail = max - line.width - gap;
            let fill = line.width / max.max(1.0);
            // Hyphenate only when the line would otherwise be left loose.
            let try_hyphen = !line.pieces.is_empty() && fill < 0.82 && hyphenated_run < 2 && !attach;
            if try_hyphen && let Some((head, tail)) = split_to_fit(fonts, &pieces, avail, true, false) {
                {
                    let hyphenated = head.last().is_some_and(|p| p.text.ends_with('-'));
                    push_word(&mut line, head, gap);
                    lines.push(std::mem::take(&mut line));
                    hyphenated_run = if hyphenated { hyphenated_run + 1 } else { 0 };
                    pieces = tail;
                    continue;
                }
            }
            if !line.pieces.is_empty() {
                lines.push(std::mem::take(&mut line));
                hyphenated_run = 0;
                continue;
            }
            // Alone on an empty line and still too wide: break inside the word.
            match split_to_fit(fonts, &pieces, max, true, true) {
                Some((head, tail)) if !head.is_empty() && !tail.is_empty() => {
                    push_word(&mut line, head, 0.0);
                    lines.push(std::mem::take(&mut line));
                    pieces = tail;
                }
                _ => {
                    push_word(&mut line, pieces, 0.0);
                    break;
                }
            }
        }
        prev_space = space;
    }
    if !line.pieces.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> TextStyle {
        TextStyle { sans: false, bold: false, italic: false, size: 10.0, color: (0.0, 0.0, 0.0) }
    }

    #[test]
    fn lines_fit_the_measure() {
        let mut fonts = Fonts::load().unwrap();
        let text = "The delegation met officials of the interior ministry on Tuesday to discuss \
                    border crossings, refugee returns and the security situation in the tribal districts.";
        let lines = set_paragraph(&mut fonts, &[Span::plain(text)], &base(), 200.0, 200.0);
        assert!(lines.len() >= 3);
        for l in &lines {
            assert!(l.width <= 200.01, "{}", l.width);
        }
        let joined: String = lines
            .iter()
            .map(|l| l.pieces.iter().map(|(_, p)| p.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined.replace("- ", "").replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn long_word_breaks_by_characters() {
        let mut fonts = Fonts::load().unwrap();
        let word = "x".repeat(2000);
        let lines = set_paragraph(&mut fonts, &[Span::plain(word.clone())], &base(), 300.0, 300.0);
        assert!(lines.len() > 10);
        let total: usize =
            lines.iter().flat_map(|l| l.pieces.iter()).map(|(_, p)| p.text.chars().count()).sum();
        assert_eq!(total, 2000);
        assert!(lines.iter().all(|l| l.width <= 300.01));
    }

    #[test]
    fn urls_break_after_slashes() {
        let mut fonts = Fonts::load().unwrap();
        let url = "https://www.example.org/news/2025/10/12/a-very-long-article-slug-about-border-strikes";
        let lines = set_paragraph(&mut fonts, &[Span::link(url, url)], &base(), 150.0, 150.0);
        assert!(lines.len() >= 2);
        let first = &lines[0].pieces.last().unwrap().1.text;
        assert!(first.ends_with('/') || first.ends_with('-') || first.ends_with('.'), "{first}");
    }

    #[test]
    fn missing_glyphs_fall_back_visibly() {
        let mut fonts = Fonts::load().unwrap();
        let runs = fonts.resolve(SERIF, "a😀ب");
        let text: String = runs.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(text.chars().count(), 3);
        assert!(text.contains(super::super::fonts::REPLACEMENT));
    }
}
