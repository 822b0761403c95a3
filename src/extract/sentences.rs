//! Sentence and paragraph splitting that survives titles and abbreviations.
//!
//! A single left-to-right pass over the text (linear time, no allocation per character).
//! Rules, in order:
//!
//! - A blank line always ends a sentence; a single line break ends one too (headings and
//!   one-line paragraphs), unless the next line starts with a lower-case letter (a soft wrap).
//! - `.`, `?`, `!`, `…` (and runs such as `...`, `?!`), followed by any closing quotes or
//!   brackets, end a sentence when white space and a sentence opener follow: `.” Next` splits,
//!   `…,” he said.` and `?” he asked` do not (a lower-case word follows).
//! - Titles never end a sentence (`Gen. Asim Munir`, `Lt. Gen.`, `Brig.-Gen.`, `Dr.`);
//!   `No. 5`, `Feb. 24` and decimals stay whole; initials and dotted acronyms (`U.S.`, `J.`)
//!   and abbreviations such as `etc.` or `Inc.` end a sentence only when a typical sentence
//!   opener follows (`… in the U.S. The talks …`).
//! - Glued sentences left by bad copy-paste (`… Crisis Group.This position …`) are split when
//!   a lower-case word ends before the stop and a capitalised word follows it directly.
//!
//! Spans are exact byte ranges into the text, trimmed of white space.

use crate::corpus::Span;

/// Titles and ranks written before a name: never the end of a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Brig", "Sgt", "Cpl",
    "Pvt", "Adm", "Cmdr", "Cdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Amb", "Messrs",
    "Mme", "Mlle", "Fr", "Sr", "Sheikh", "Lieut", "Gen", "Comdr", "Cmdt", "Dy", "Asst", "Sq", "Ldr", "Wg",
    "Cdr", "Flt", "Hav", "Nk", "St", "Mt", "Ft", "Pt", "Gp", "Capt", "Secy", "Brig", "Spl", "Addl",
];

/// Abbreviations that precede a number (`No. 5`, `Art. 245`, `p. 12`).
const NUMBER_ABBREVS: &[&str] = &[
    "No", "Nos", "no", "nos", "Art", "art", "Vol", "vol", "Fig", "fig", "p", "pp", "para", "Sec", "sec",
    "Ch", "ch", "Para", "Cl", "cl", "Reg", "Rs",
];

/// Month abbreviations (`Feb. 24`).
const MONTH_ABBREVS: &[&str] =
    &["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];

/// Abbreviations that may end a sentence: split only before a typical sentence opener.
const AMBIGUOUS_ABBREVS: &[&str] = &[
    "etc", "Inc", "Ltd", "Co", "Corp", "Jr", "Bros", "approx", "al", "est", "Dept", "Univ", "Assn", "Govt",
    "govt", "Pvt", "ca", "cf", "viz", "ie", "eg", "Pak", "Afg", "Intl", "Natl",
];

/// Abbreviations that never end a sentence.
const NEVER_FINAL: &[&str] = &["vs", "v", "Vs", "viz"];

/// Words that typically open a sentence: after an ambiguous abbreviation (`U.S.`, `etc.`)
/// one of these means the abbreviation also ended the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "But",
    "However",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "Meanwhile",
    "Earlier",
    "Later",
    "According",
    "After",
    "Before",
    "While",
    "When",
    "If",
    "As",
    "Since",
    "Yet",
    "And",
    "So",
    "Also",
    "Some",
    "Many",
    "Both",
    "Last",
    "Next",
    "One",
    "Officials",
    "Analysts",
    "Such",
    "Such",
    "Despite",
    "Although",
    "Still",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Separately",
    "Furthermore",
    "Moreover",
    "Meanwhile",
    "For",
    "From",
    "Under",
    "Over",
    "During",
    "With",
    "Without",
    "No",
    "Not",
    "Nor",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Several",
    "Most",
    "Few",
    "All",
    "Each",
    "Every",
    "Another",
    "Other",
    "Thus",
    "Hence",
    "Instead",
    "Following",
    "Speaking",
    "Addressing",
    "Responding",
    "Asked",
    "To",
    "By",
    "Of",
    "Even",
    "Only",
];

/// Closing quotes and brackets that may follow a sentence's final stop.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»' | '›' | '}')
}

/// Opening quotes and brackets that may precede a word.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«' | '‹' | '{')
}

/// Split clean text into sentence spans (byte ranges), in order.
///
/// Every span is non-empty, trimmed of white space and holds at least one letter or digit;
/// spans never overlap and follow text order.
pub fn split(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut out = Vec::with_capacity(len / 120 + 1);
    let mut start = 0usize;
    let mut i = 0usize;
    // Only line breaks, stops and `…` (lead byte E2) can end a sentence: jump between them.
    // `?` and `!` are rare; their next position is kept apart from the common bytes.
    let mut rare = memchr::memchr2(b'?', b'!', bytes);
    while i < len {
        let b = bytes[i];
        match b {
            b'\n' => {
                if newline_ends_sentence(text, i) {
                    push(text, start, i, &mut out);
                    start = i + 1;
                }
                i += 1;
            }
            b'.' | b'?' | b'!' => {
                let mut j = i + 1;
                while j < len && matches!(bytes[j], b'.' | b'?' | b'!') {
                    j += 1;
                }
                let end = skip_closers(text, j);
                if stop_ends_sentence(text, start, i, j, end) {
                    push(text, start, end, &mut out);
                    start = end;
                }
                i = end.max(i + 1);
            }
            0xE2 if text[i..].starts_with('…') => {
                let mut j = i + '…'.len_utf8();
                while j < len && (matches!(bytes[j], b'.' | b'?' | b'!') || text[j..].starts_with('…')) {
                    j += if bytes[j] == b'.' || bytes[j] == b'?' || bytes[j] == b'!' { 1 } else { 3 };
                }
                let end = skip_closers(text, j);
                if stop_ends_sentence(text, start, i, j, end) {
                    push(text, start, end, &mut out);
                    start = end;
                }
                i = end.max(i + 1);
            }
            _ => {
                let from = i + 1;
                if rare.is_some_and(|r| r < from) {
                    rare = bytes.get(from..).and_then(|h| memchr::memchr2(b'?', b'!', h)).map(|x| from + x);
                }
                let common =
                    bytes.get(from..).and_then(|h| memchr::memchr3(b'.', b'\n', 0xE2, h)).map(|x| from + x);
                i = match (common, rare) {
                    (Some(a), Some(r)) => a.min(r),
                    (Some(a), None) | (None, Some(a)) => a,
                    (None, None) => len,
                };
            }
        }
    }
    push(text, start, len, &mut out);
    out
}

/// Split text into paragraphs: byte spans separated by line breaks, trimmed, non-empty.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            push(text, start, i, &mut out);
            start = i + 1;
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

/// Index of the sentence span containing byte `pos`, if any (binary search).
pub fn sentence_at(sentences: &[Span], pos: usize) -> Option<usize> {
    let idx = sentences.partition_point(|s| s.end <= pos);
    sentences.get(idx).filter(|s| s.start <= pos).map(|_| idx)
}

/// Push the trimmed span `[start, end)` when it holds a letter or digit.
fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else { return };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() || !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let mut s = start + lead;
    let e = s + trimmed.len();
    // A dateline opening a line ("ISLAMABAD:", "[Kabul]", "PESHAWAR, Pakistan (AP) —") is
    // not part of the first sentence.
    let at_line_start = text[..s].trim_end_matches([' ', '\t', '\r']).is_empty_or_ends_newline();
    if at_line_start && let Some(n) = dateline_len(&text[s..e]) {
        let rest = &text[s + n..e];
        if rest.chars().any(char::is_alphanumeric) {
            s += n + (rest.len() - rest.trim_start().len());
        }
    }
    out.push(Span::new(s, e));
}

/// `str` helper: empty, or ending in a line break.
trait LineStart {
    fn is_empty_or_ends_newline(&self) -> bool;
}

impl LineStart for str {
    fn is_empty_or_ends_newline(&self) -> bool {
        self.is_empty() || self.ends_with('\n')
    }
}

/// Length in bytes of a dateline at the start of `piece`, including the separator and the
/// white space after it: `ISLAMABAD: `, `[Islamabad] `, `PESHAWAR, Pakistan (AP) — `.
fn dateline_len(piece: &str) -> Option<usize> {
    if piece.starts_with('[') {
        let close = piece.find(']')?;
        let inner = &piece[1..close];
        let ok = close <= 40
            && inner.chars().next().is_some_and(char::is_uppercase)
            && inner.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | ',' | '\'' | '-'));
        let after = &piece[close + 1..];
        return (ok && after.starts_with(char::is_whitespace)).then_some(close + 1);
    }
    // The head is a prefix of the piece of at least three capitals or marks (checked at the
    // end): a piece whose first two bytes cannot start one has no dateline.
    let head_byte = |c: &u8| c.is_ascii_uppercase() || matches!(c, b' ' | b'.' | b'\'' | b'-');
    if !(piece.len() >= 3 && piece.as_bytes()[..2].iter().all(head_byte)) {
        return None;
    }
    // The first separator in the first 60 bytes: "X:" or "X — " / "X – " / "X - ".
    let mut w_end = piece.len().min(60);
    while !piece.is_char_boundary(w_end) {
        w_end -= 1;
    }
    let window = &piece[..w_end];
    let mut best: Option<(usize, usize)> = None; // (head end, dateline end)
    for (sep, needs_space) in [(":", false), (" — ", true), (" – ", true), (" - ", true), (" -- ", true)]
    {
        if let Some(k) = window.find(sep) {
            let after = &piece[k + sep.len()..];
            let spaced = needs_space || after.starts_with(char::is_whitespace);
            if spaced && best.is_none_or(|(h, _)| k < h) {
                best = Some((k, k + sep.len()));
            }
        }
    }
    let (head_end, end) = best?;
    let mut head = piece[..head_end].trim_end();
    // Optional "(Agency)" and ", Country" after the place.
    if head.ends_with(')')
        && let Some(open) = head.rfind('(')
    {
        head = head[..open].trim_end();
    }
    if let Some(comma) = head.find(", ") {
        let country = &head[comma + 2..];
        if country.starts_with(char::is_uppercase) && country.chars().all(|c| c.is_alphabetic() || c == ' ') {
            head = &head[..comma];
        }
    }
    let caps_ok = !head.is_empty()
        && head.bytes().all(|c| c.is_ascii_uppercase() || matches!(c, b' ' | b'.' | b'\'' | b'-'))
        && head.split([' ', '-', '.']).any(|w| w.len() >= 3);
    caps_ok.then_some(end)
}

/// Position after any closing quotes / brackets starting at `j`.
fn skip_closers(text: &str, mut j: usize) -> usize {
    while let Some(c) = text.get(j..).and_then(|r| r.chars().next()) {
        if is_closer(c) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// Does the line break at byte `i` end a sentence?
fn newline_ends_sentence(text: &str, i: usize) -> bool {
    for c in text[i + 1..].chars() {
        match c {
            '\n' => return true,
            ' ' | '\t' | '\r' | '\u{a0}' => continue,
            c => return !c.is_lowercase(),
        }
    }
    true
}

/// The word (white-space delimited, sentence-bounded) ending at byte `p`, without leading
/// quotes or brackets.
fn word_before(text: &str, sent_start: usize, p: usize) -> &str {
    let head = &text[sent_start..p];
    let ws = head
        .rfind(|c: char| c.is_whitespace())
        .map(|k| k + head[k..].chars().next().map_or(1, char::len_utf8));
    let w = &head[ws.unwrap_or(0)..];
    w.trim_start_matches(is_opener)
}

/// The word starting at byte `k` (letters only, after any opening quotes).
fn word_after(text: &str, k: usize) -> &str {
    let rest = text[k..].trim_start_matches(is_opener);
    let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    &rest[..end]
}

/// Dotted initials or acronym (`U.S`, `J`, `a.m`, `U.N`): letters of one character each,
/// separated by dots.
fn is_initials(w: &str) -> bool {
    !w.is_empty()
        && w.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// Decide whether the stop at `p` (stop run ends at `j`, closers end at `end`) ends the
/// sentence that began at `sent_start`.
fn stop_ends_sentence(text: &str, sent_start: usize, p: usize, j: usize, end: usize) -> bool {
    let rest = &text[end..];
    let Some(first) = rest.chars().next() else { return true };
    let single_period = text.as_bytes()[p] == b'.' && j == p + 1;
    if !first.is_whitespace() {
        // Glued: "Group.This" splits; "U.S", "3.5", "Brig.-Gen", "example.com" do not.
        let mut cs = rest.chars();
        let (Some(a), Some(b)) = (cs.next(), cs.next()) else { return false };
        if !(a.is_uppercase() && b.is_lowercase()) {
            return false;
        }
        let w = word_before(text, sent_start, p);
        if w.contains(['.', '/', '@', ':']) || w.starts_with("www") {
            return false;
        }
        let tail_lower = w.chars().rev().take_while(|c| c.is_lowercase()).count();
        return tail_lower >= 2 && !TITLES.contains(&w) && !AMBIGUOUS_ABBREVS.contains(&w);
    }
    // Next visible character.
    let Some((off, next)) = rest.char_indices().find(|&(_, c)| !c.is_whitespace()) else { return true };
    if next.is_lowercase() {
        return false;
    }
    if !single_period {
        return true;
    }
    let w = word_before(text, sent_start, p);
    if w.is_empty() {
        return true;
    }
    let bare = w.trim_end_matches('.');
    // "Brig.-Gen" and "Lt.-Col": the last hyphen-separated part decides.
    let last = bare.rsplit('-').next().unwrap_or(bare);
    if TITLES.contains(&last) || NEVER_FINAL.contains(&last) {
        return false;
    }
    let next_is_digit = next.is_ascii_digit();
    if NUMBER_ABBREVS.contains(&last) || MONTH_ABBREVS.contains(&last) {
        return !next_is_digit;
    }
    let opener = word_after(text, end + off);
    if is_initials(bare) || AMBIGUOUS_ABBREVS.contains(&last) {
        return SENTENCE_OPENERS.contains(&opener);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn titles_and_ranks_do_not_split() {
        let t = "Lt. Gen. Tariq Khan met Gen. Asim Munir on Monday. Dr. Sana Malik joined them.";
        assert_eq!(
            texts(t),
            vec!["Lt. Gen. Tariq Khan met Gen. Asim Munir on Monday.", "Dr. Sana Malik joined them."]
        );
        let t = "Brig.-Gen. Omar Farooq spoke. Col. Rana agreed.";
        assert_eq!(texts(t), vec!["Brig.-Gen. Omar Farooq spoke.", "Col. Rana agreed."]);
    }

    #[test]
    fn acronyms_initials_numbers_decimals() {
        let t = "The U.S. envoy arrived in Room No. 5 at 3.5 p.m. sharp. Talks began.";
        assert_eq!(texts(t), vec!["The U.S. envoy arrived in Room No. 5 at 3.5 p.m. sharp.", "Talks began."]);
        let t = "Aid came from the U.S. The talks stalled.";
        assert_eq!(texts(t), vec!["Aid came from the U.S.", "The talks stalled."]);
        let t = "J. R. Malik wrote on Feb. 24 about it. Nobody replied.";
        assert_eq!(texts(t), vec!["J. R. Malik wrote on Feb. 24 about it.", "Nobody replied."]);
    }

    #[test]
    fn quotes_ending_sentences() {
        let t = "“We will respond,” he said. “Nobody is safe.” Then he left.";
        assert_eq!(texts(t), vec!["“We will respond,” he said.", "“Nobody is safe.”", "Then he left."]);
        let t = "\"Who fired first?\" she asked. Nobody knew.";
        assert_eq!(texts(t), vec!["\"Who fired first?\" she asked.", "Nobody knew."]);
        let t = "He urged “restraint…,” the minister said. Next came a vote.";
        assert_eq!(texts(t), vec!["He urged “restraint…,” the minister said.", "Next came a vote."]);
    }

    #[test]
    fn paragraphs_and_headings() {
        let t = "Border Tensions Rise\nThe crossing closed on Monday\n\nTraders waited.";
        assert_eq!(
            texts(t),
            vec!["Border Tensions Rise", "The crossing closed on Monday", "Traders waited."]
        );
        // A soft-wrapped line continues the sentence.
        let t = "The committee met in the\ncapital on Tuesday.";
        assert_eq!(texts(t), vec!["The committee met in the\ncapital on Tuesday."]);
    }

    #[test]
    fn glued_sentences_split() {
        let t = "Reports came from the Monitoring Group.This view is shared by analysts.";
        assert_eq!(
            texts(t),
            vec!["Reports came from the Monitoring Group.", "This view is shared by analysts."]
        );
        let t = "See www.example.Org for more and e-mail info@site.Com today.";
        assert_eq!(texts(t).len(), 1);
    }

    #[test]
    fn datelines_are_not_part_of_the_sentence() {
        assert_eq!(texts("KABUL: Talks opened. More later."), vec!["Talks opened.", "More later."]);
        assert_eq!(texts("[Quetta] Gunmen fired on a bus."), vec!["Gunmen fired on a bus."]);
        assert_eq!(texts("PESHAWAR, Pakistan (AP) — A blast hit a market."), vec!["A blast hit a market."]);
        assert_eq!(texts("Intro line\nNEW DELHI - Officials met."), vec!["Intro line", "Officials met."]);
        // Not datelines: an acronym subject, a heading, a time.
        assert_eq!(texts("ISPR said ten died."), vec!["ISPR said ten died."]);
        assert_eq!(texts("Note: the TTP denied it."), vec!["Note: the TTP denied it."]);
        assert_eq!(texts("UN: aid is short."), vec!["UN: aid is short."]);
    }

    #[test]
    fn spans_are_trimmed_and_exact() {
        let t = "  First one.   Second one!  \n\n  Third?  ";
        let spans = split(t);
        assert_eq!(texts(t), vec!["First one.", "Second one!", "Third?"]);
        for s in spans {
            assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        }
        assert!(split("").is_empty());
        assert!(split(" ... \n -- ").is_empty());
    }

    #[test]
    fn ellipsis_and_lowercase_continuation() {
        let t = "He paused... then went on. It rained…and stopped. Done.";
        assert_eq!(texts(t), vec!["He paused... then went on.", "It rained…and stopped.", "Done."]);
    }

    #[test]
    fn sentence_lookup() {
        let t = "One here. Two there.";
        let s = split(t);
        assert_eq!(sentence_at(&s, 0), Some(0));
        assert_eq!(sentence_at(&s, 12), Some(1));
        assert_eq!(sentence_at(&s, 9), None);
        assert_eq!(paragraphs("a b\n\n c d \n").len(), 2);
    }
}
