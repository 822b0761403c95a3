//! W3C-Web-Annotation-style anchors: exact text + prefix/suffix + character position.

use serde::{Deserialize, Serialize};

use super::Span;

/// Characters of context kept on each side of an anchored pick.
pub const CONTEXT_CHARS: usize = 32;

/// A portable pointer to a piece of a document's clean text
/// (TextQuoteSelector + TextPositionSelector).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Anchor {
    /// The exact text picked.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] characters before it.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after it.
    pub suffix: String,
    /// Character (Unicode scalar) offset of the start in the clean text.
    pub start: usize,
    /// Character offset of the end (exclusive).
    pub end: usize,
}

/// How an anchor was found again in a (possibly changed) text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResolvedAnchor {
    /// Exact text found at the recorded position.
    Exact(Span),
    /// Exact text found elsewhere, chosen by prefix/suffix context and distance to the old position.
    Moved(Span),
    /// Exact text not found; prefix and suffix still bracket a (changed) passage.
    Fuzzy(Span),
    /// Nothing found.
    Lost,
}

impl ResolvedAnchor {
    /// The span found, if any.
    pub fn span(&self) -> Option<Span> {
        match *self {
            ResolvedAnchor::Exact(s) | ResolvedAnchor::Moved(s) | ResolvedAnchor::Fuzzy(s) => Some(s),
            ResolvedAnchor::Lost => None,
        }
    }
}

fn byte_to_char(text: &str, byte: usize) -> usize {
    text.get(..byte).map(|s| s.chars().count()).unwrap_or_else(|| text.chars().count())
}

fn char_to_byte(text: &str, ch: usize) -> usize {
    text.char_indices().nth(ch).map(|(b, _)| b).unwrap_or(text.len())
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Anchor {
    /// Anchor a byte span of `text`.
    pub fn from_span(text: &str, span: Span) -> Self {
        let start = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end.max(start));
        let start_chars = text.get(..start).map_or(0, |s| s.chars().count());
        Self::at(text, start, end, start_chars)
    }

    /// Anchor `text[start..end]` (both on char boundaries, `start <= end`) whose start is
    /// character `start_chars`. Context is taken from the span outwards, so the cost does not
    /// grow with the span's distance from the start of the text.
    fn at(text: &str, start: usize, end: usize, start_chars: usize) -> Self {
        let exact = text.get(start..end).unwrap_or("").to_string();
        let before = text.get(..start).unwrap_or("");
        let cut = before.char_indices().rev().nth(CONTEXT_CHARS - 1).map_or(0, |(b, _)| b);
        let prefix = before.get(cut..).unwrap_or("").to_string();
        let after = text.get(end..).unwrap_or("");
        let cut = after.char_indices().nth(CONTEXT_CHARS).map_or(after.len(), |(b, _)| b);
        let suffix = after.get(..cut).unwrap_or("").to_string();
        let end = start_chars + exact.chars().count();
        Anchor { exact, prefix, suffix, start: start_chars, end }
    }
}

/// Anchors many spans of one text, counting characters only once when the spans come in
/// increasing order (it stays correct, just slower, for spans in any order).
#[derive(Debug, Clone, Copy, Default)]
pub struct AnchorCursor {
    /// Byte offset counted up to.
    byte: usize,
    /// Characters in `text[..byte]`.
    chars: usize,
}

impl AnchorCursor {
    /// A cursor at the start of a text.
    pub fn new() -> Self {
        Self::default()
    }

    /// [`Anchor::from_span`] of `span` in `text` (the same text on every call).
    pub fn anchor(&mut self, text: &str, span: Span) -> Anchor {
        let start = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end.max(start));
        if start < self.byte || !text.is_char_boundary(self.byte) {
            *self = Self::default();
        }
        self.chars += text.get(self.byte..start).map_or(0, |s| s.chars().count());
        self.byte = start;
        Anchor::at(text, start, end, self.chars)
    }
}

/// Find an anchor again in `text`: exact match at the recorded position, else the
/// occurrence of the exact text whose context fits best, else the passage between
/// prefix and suffix.
pub fn resolve_anchor(text: &str, anchor: &Anchor) -> ResolvedAnchor {
    if anchor.exact.is_empty() {
        return ResolvedAnchor::Lost;
    }
    let at = char_to_byte(text, anchor.start);
    if text.get(at..).is_some_and(|rest| rest.starts_with(&anchor.exact)) {
        return ResolvedAnchor::Exact(Span::new(at, at + anchor.exact.len()));
    }
    let mut best: Option<(i64, usize)> = None;
    for (pos, _) in text.match_indices(anchor.exact.as_str()) {
        let mut score = 0i64;
        if text[..pos].ends_with(&anchor.prefix) {
            score += 1000;
        }
        if text[pos + anchor.exact.len()..].starts_with(&anchor.suffix) {
            score += 1000;
        }
        let dist = (byte_to_char(text, pos) as i64 - anchor.start as i64).abs();
        score -= dist.min(999);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, pos));
        }
    }
    if let Some((_, pos)) = best {
        return ResolvedAnchor::Moved(Span::new(pos, pos + anchor.exact.len()));
    }
    if !anchor.prefix.is_empty() && !anchor.suffix.is_empty() {
        let mut best: Option<(usize, Span)> = None;
        for (p, _) in text.match_indices(anchor.prefix.as_str()) {
            let from = p + anchor.prefix.len();
            if let Some(rel) = text[from..].find(anchor.suffix.as_str()) {
                // Accept only passages of comparable length (an edited, not a different, pick).
                let len = text[from..from + rel].chars().count();
                let want = anchor.exact.chars().count();
                if len <= want * 2 + 16 && len * 2 + 16 >= want {
                    let dist =
                        (byte_to_char(text, from) as i64 - anchor.start as i64).unsigned_abs() as usize;
                    if best.is_none_or(|(d, _)| dist < d) {
                        best = Some((dist, Span::new(from, from + rel)));
                    }
                }
            }
        }
        if let Some((_, span)) = best {
            return ResolvedAnchor::Fuzzy(span);
        }
    }
    ResolvedAnchor::Lost
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_exact() {
        let text = "Alpha beta “gamma” delta epsilon.";
        let start = text.find("gamma").unwrap_or(0);
        let a = Anchor::from_span(text, Span::new(start, start + 5));
        assert_eq!(a.exact, "gamma");
        assert_eq!(a.prefix, "Alpha beta “");
        assert_eq!(resolve_anchor(text, &a), ResolvedAnchor::Exact(Span::new(start, start + 5)));
    }

    #[test]
    fn context_and_cursor_match_a_count_from_the_start() {
        // Multi-byte characters, spans near both ends, spans out of order and empty.
        let text = "Ünïcödé “quoted words” — and more text after it, with “another one” at the end.";
        let mut spans = Vec::new();
        for (i, _) in text.char_indices().step_by(3) {
            for len in [0, 1, 5, 40] {
                spans.push(Span::new(i, i + len));
            }
        }
        spans.push(Span::new(text.len() + 5, text.len() + 9));
        let mut cursor = AnchorCursor::new();
        for &sp in spans.iter().chain(spans.iter().rev()) {
            let a = Anchor::from_span(text, sp);
            let s = floor_boundary(text, sp.start);
            let e = floor_boundary(text, sp.end.max(s));
            let n = text[..s].chars().count();
            let want_prefix: String = text[..s].chars().skip(n.saturating_sub(CONTEXT_CHARS)).collect();
            let want_suffix: String = text[e..].chars().take(CONTEXT_CHARS).collect();
            assert_eq!(a.prefix, want_prefix);
            assert_eq!(a.suffix, want_suffix);
            assert_eq!(a.start, n);
            assert_eq!(a.end, n + text[s..e].chars().count());
            assert_eq!(cursor.anchor(text, sp), a);
        }
    }

    #[test]
    fn moved_and_fuzzy_and_lost() {
        let text = "one two three four five six";
        let s = text.find("three").unwrap_or(0);
        let a = Anchor::from_span(text, Span::new(s, s + 5));
        let edited = format!("zero {text}");
        let r = resolve_anchor(&edited, &a);
        assert!(matches!(r, ResolvedAnchor::Moved(sp) if &edited[sp.start..sp.end] == "three"));
        let changed = text.replace("three", "THREE");
        assert!(matches!(resolve_anchor(&changed, &a), ResolvedAnchor::Fuzzy(_)));
        assert_eq!(resolve_anchor("nothing here", &a), ResolvedAnchor::Lost);
    }
}
