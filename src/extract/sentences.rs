//! Sentence and paragraph splitting that survives titles and abbreviations.

use crate::corpus::Span;

/// Split clean text into sentence spans (byte ranges), in order.
pub fn split(text: &str) -> Vec<Span> {
    // STUB (events helper replaces with sentencex-based splitting).
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || ((c == '.' || c == '?' || c == '!') && text[i + 1..].starts_with(' ')) {
            let end = i + c.len_utf8();
            if text[start..end].trim().len() > 1 {
                out.push(Span::new(start, end));
            }
            start = end;
        }
    }
    if text[start..].trim().len() > 1 {
        out.push(Span::new(start, text.len()));
    }
    out
}
