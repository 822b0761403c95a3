//! Pairing quotation marks: paragraphs, the direction of straight marks, quotes that run over
//! several paragraphs, and recovery from unbalanced marks. One linear pass over the text.

use crate::corpus::Span;

/// A pair (or a recovered half pair) of double quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// First byte of the quoted words (just after the opening mark).
    pub start: usize,
    /// End of the quoted words (the closing mark, or the recovery point).
    pub end: usize,
    /// Just after the closing mark; equals `end` when the quote was never closed.
    pub after: usize,
    /// True when a closing mark was found.
    pub closed: bool,
    /// Opening marks of continuation paragraphs inside `start..end` (dropped from the text).
    pub inner: Vec<Span>,
    /// Paragraph holding the opening mark.
    pub para_first: usize,
    /// Paragraph holding the closing mark (or the recovery point).
    pub para_last: usize,
}

impl RawQuote {
    /// The quoted words: `text[start..end]` without the continuation paragraphs' opening marks.
    pub fn words(&self, text: &str) -> String {
        let mut out = String::new();
        let mut at = self.start;
        for m in &self.inner {
            out.push_str(text.get(at..m.start).unwrap_or(""));
            at = m.end;
        }
        out.push_str(text.get(at..self.end).unwrap_or(""));
        out
    }
}

/// Split text into paragraphs. Text whose lines are hard-wrapped (blank lines between
/// paragraphs, short lines inside them) gets one paragraph per block; otherwise each
/// non-empty line is a paragraph (news copy usually puts one paragraph on a line).
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    // Each line with whether it is blank (decided once per line).
    let mut lines: Vec<(Span, bool)> = Vec::new();
    let blank = |s: &Span| text.get(s.start..s.end).is_none_or(|l| l.trim().is_empty());
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let l = Span::new(start, i);
        lines.push((l, blank(&l)));
        start = i + 1;
    }
    let l = Span::new(start, text.len());
    lines.push((l, blank(&l)));
    let nonempty = lines.iter().filter(|l| !l.1).count();
    let consecutive = lines.windows(2).filter(|w| !w[0].1 && !w[1].1).count();
    let total_len: usize = lines.iter().filter(|l| !l.1).map(|l| l.0.len()).sum();
    let has_blank = lines.iter().any(|l| l.1);
    let wrapped = has_blank && consecutive * 2 > nonempty && total_len < nonempty.max(1) * 100;
    let mut out = Vec::new();
    if wrapped {
        let mut cur: Option<Span> = None;
        for &(l, is_blank) in &lines {
            if is_blank {
                if let Some(c) = cur.take() {
                    out.push(c);
                }
            } else {
                cur = Some(match cur {
                    Some(c) => Span::new(c.start, l.end),
                    None => l,
                });
            }
        }
        if let Some(c) = cur {
            out.push(c);
        }
    } else {
        out.extend(lines.into_iter().filter(|l| !l.1).map(|l| l.0));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glyph {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    glyph: Glyph,
    /// Looks like an opening mark from its neighbours (space before, word after).
    open_ctx: bool,
    /// Looks like a closing mark from its neighbours (word before, space/punctuation after).
    close_ctx: bool,
}

impl Mark {
    fn can_open(&self) -> bool {
        match self.glyph {
            Glyph::Open | Glyph::Either => !self.close_ctx || self.open_ctx,
            Glyph::Close => self.open_ctx && !self.close_ctx,
        }
    }
    fn can_close(&self) -> bool {
        match self.glyph {
            Glyph::Close => true,
            Glyph::Either | Glyph::Open => !self.open_ctx || self.close_ctx,
        }
    }
}

fn glyph_at(bytes: &[u8], i: usize) -> Option<(usize, Glyph)> {
    match bytes[i] {
        b'"' => Some((1, Glyph::Either)),
        0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
            Some(0x9C) | Some(0x9E) | Some(0x9F) => Some((3, Glyph::Open)),
            Some(0x9D) => Some((3, Glyph::Close)),
            _ => None,
        },
        0xC2 => match bytes.get(i + 1) {
            Some(0xAB) => Some((2, Glyph::Open)),
            Some(0xBB) => Some((2, Glyph::Close)),
            _ => None,
        },
        0xEF if bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2) == Some(&0x82) => {
            Some((3, Glyph::Either))
        }
        // Typewriter style: two apostrophes for a double mark (''…''), two back-ticks to open.
        b'\'' if bytes.get(i + 1) == Some(&b'\'') => Some((2, Glyph::Either)),
        b'`' if bytes.get(i + 1) == Some(&b'`') => Some((2, Glyph::Open)),
        _ => None,
    }
}

fn opener_before(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '‘' | '\'')
}

fn closer_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '…'
                | '’'
                | '\''
                | '“'
                | '"'
        )
}

fn marks_in(text: &str, p: Span) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Marks start with `"`, E2, C2, or (rare, searched apart) EF for full-width marks and
    // doubled apostrophes or back-ticks: jump between them.
    let next_rare = |from: usize| {
        bytes.get(from..p.end).map_or(p.end, |h| {
            let full = memchr::memchr(0xEF, h).unwrap_or(h.len());
            let apos = memchr::memmem::find(h, b"''").unwrap_or(h.len());
            let ticks = memchr::memmem::find(h, b"``").unwrap_or(h.len());
            from + full.min(apos).min(ticks)
        })
    };
    let next_common = |from: usize| {
        bytes.get(from..p.end).and_then(|h| memchr::memchr3(b'"', 0xE2, 0xC2, h)).map_or(p.end, |x| from + x)
    };
    let mut rare = next_rare(p.start);
    let mut i = p.start;
    while i < p.end {
        if rare < i {
            rare = next_rare(i);
        }
        i = next_common(i).min(rare);
        if i >= p.end {
            break;
        }
        if let Some((len, glyph)) = glyph_at(bytes, i) {
            let prev = text.get(p.start..i).and_then(|s| s.chars().next_back());
            let next = text.get(i + len..p.end).and_then(|s| s.chars().next());
            let open_ctx = prev.is_none_or(opener_before) && next.is_some_and(|c| !c.is_whitespace());
            let close_ctx = next.is_none_or(closer_after) && prev.is_some_and(|c| !c.is_whitespace());
            out.push(Mark { pos: i, len, glyph, open_ctx, close_ctx });
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

/// An opening mark still waiting for its closing mark.
struct Pending {
    open: usize,
    /// Per paragraph covered so far: (paragraph index, content start, paragraph end).
    segments: Vec<(usize, usize, usize)>,
    inner: Vec<Span>,
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    let s = text.get(start..end).unwrap_or("");
    start + s.trim_end().len()
}

/// Give up on a quote that never closed: each paragraph it covered becomes an unclosed quote
/// ending at that paragraph's end (or at `stop` for the last one). Never runs past a paragraph.
fn recover(text: &str, p: Pending, stop: Option<usize>, out: &mut Vec<RawQuote>) {
    let n = p.segments.len();
    for (k, &(pi, start, pend)) in p.segments.iter().enumerate() {
        let end_at = if k + 1 == n { stop.unwrap_or(pend) } else { pend };
        let end = trim_end(text, start, end_at.max(start));
        let open = if k == 0 { p.open } else { p.inner.get(k - 1).map(|m| m.start).unwrap_or(start) };
        if end > start {
            out.push(RawQuote {
                open,
                start,
                end,
                after: end,
                closed: false,
                inner: Vec::new(),
                para_first: pi,
                para_last: pi,
            });
        }
    }
}

/// Find all quotations in `text`, in order, given its paragraphs.
pub(crate) fn find_quotes(text: &str, paras: &[Span]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut cur: Option<Pending> = None;
    for (pi, &p) in paras.iter().enumerate() {
        let marks = marks_in(text, p);
        let lead = p.start
            + (text.get(p.start..p.end).unwrap_or("").len()
                - text.get(p.start..p.end).unwrap_or("").trim_start().len());
        let mut skip_first = false;
        if let Some(mut o) = cur.take() {
            match marks.first() {
                Some(m) if m.pos == lead && (m.glyph != Glyph::Close || m.open_ctx) => {
                    // News convention: a quote running on opens each paragraph again.
                    o.inner.push(Span::new(m.pos, m.pos + m.len));
                    o.segments.push((pi, m.pos + m.len, p.end));
                    cur = Some(o);
                    skip_first = true;
                }
                // A quote left open whose next paragraph closes it without opening again
                // ("… forces.\n\nTaliban firing artillery … Pakistani forces.”"): one quote over
                // both, when only the closing mark can be read there and the pending quote
                // opened in the paragraph just before.
                Some(m)
                    if m.glyph == Glyph::Close
                        && !m.open_ctx
                        && m.close_ctx
                        && o.segments.len() == 1
                        && o.segments.first().is_some_and(|s| s.0 + 1 == pi) =>
                {
                    o.segments.push((pi, lead, p.end));
                    cur = Some(o);
                }
                _ => recover(text, o, None, &mut out),
            }
        }
        for m in marks.iter().skip(usize::from(skip_first)) {
            match cur.take() {
                None => {
                    if m.can_open() {
                        cur = Some(Pending {
                            open: m.pos,
                            segments: vec![(pi, m.pos + m.len, p.end)],
                            inner: Vec::new(),
                        });
                    }
                }
                Some(o) => {
                    if m.can_close() {
                        let Some(&(_, first_start, _)) = o.segments.first() else { continue };
                        out.push(RawQuote {
                            open: o.open,
                            start: first_start,
                            end: m.pos,
                            after: m.pos + m.len,
                            closed: true,
                            inner: o.inner,
                            para_first: o.segments.first().map(|s| s.0).unwrap_or(pi),
                            para_last: pi,
                        });
                    } else {
                        // Another opening mark: the pending one was stray. Recover it here.
                        recover(text, o, Some(m.pos), &mut out);
                        cur = Some(Pending {
                            open: m.pos,
                            segments: vec![(pi, m.pos + m.len, p.end)],
                            inner: Vec::new(),
                        });
                    }
                }
            }
        }
    }
    if let Some(o) = cur {
        recover(text, o, None, &mut out);
    }
    out.sort_by_key(|q| q.open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, bool)> {
        let paras = paragraphs(text);
        find_quotes(text, &paras).iter().map(|q| (q.words(text), q.closed)).collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            quotes("He said “one thing” and \"another thing\" today."),
            vec![("one thing".into(), true), ("another thing".into(), true)]
        );
    }

    #[test]
    fn glued_marks_pair_by_shape() {
        assert_eq!(
            quotes("told the paper“first part.”“Second part,” he added."),
            vec![("first part.".into(), true), ("Second part,".into(), true)]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote() {
        let t = "She said: “The first paragraph of her remarks.\n\n“The second paragraph,” she added.\n";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].0.starts_with("The first paragraph"));
        assert!(q[0].0.contains("The second paragraph,"));
        assert!(!q[0].0.contains('“'));
    }

    #[test]
    fn quote_closed_in_the_next_paragraph_without_reopening_is_one_quote() {
        let t = "He said, \u{201c}The first part.\n\nThe second part ends here.\u{201d}\n\nNext.";
        assert_eq!(quotes(t), vec![("The first part.\n\nThe second part ends here.".to_string(), true)]);
        // A paragraph that opens a quote of its own is not a continuation.
        let t = "He said, \u{201c}Left open.\n\nShe said \u{201c}own\u{201d} words.";
        assert_eq!(quotes(t).len(), 2);
    }

    #[test]
    fn unbalanced_mark_recovers_at_paragraph_end() {
        let t = "He said “this never closes\nNext paragraph stays outside. “Real one,” she said.";
        let q = quotes(t);
        assert_eq!(q[0], ("this never closes".into(), false));
        assert_eq!(q[1], ("Real one,".into(), true));
    }

    #[test]
    fn stray_opening_is_recovered_before_the_next_one() {
        let t = "A “stray mark here, then “a real quote” ends.";
        let q = quotes(t);
        assert_eq!(q[0], ("stray mark here, then".into(), false));
        assert_eq!(q[1], ("a real quote".into(), true));
    }

    #[test]
    fn wrapped_text_uses_blank_lines() {
        let t = "He said “this quote is\nwrapped over lines” today and\nthen more.\n\nNext para is\nalso wrapped.\n";
        assert_eq!(paragraphs(t).len(), 2);
        assert_eq!(quotes(t), vec![("this quote is\nwrapped over lines".into(), true)]);
    }
}
