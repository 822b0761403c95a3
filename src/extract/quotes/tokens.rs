//! Tokens of a paragraph in which every quotation is one opaque token, and the paragraph's
//! sentences over those tokens (a full stop inside a quotation never ends the sentence
//! around it).

use super::lexicon::{cue_lemma, fold_into, is_abbreviation};
use super::marks::RawQuote;
use crate::extract::lexicon::ascii_alnum_run;

/// Token kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum K {
    /// A word (letters, digits, inner apostrophes, hyphens, dots of abbreviations).
    Word,
    /// `,`
    Comma,
    /// `:`
    Colon,
    /// `;`
    Semi,
    /// A dash.
    Dash,
    /// `.`, `!`, `?`, `…`
    Stop,
    /// Brackets.
    Paren,
    /// A whole quotation (index into the document's raw quotes).
    Q(usize),
    /// Anything else (stray marks, symbols).
    Other,
}

/// One token: kind and byte range in the document's text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub k: K,
    pub start: usize,
    pub end: usize,
    /// A word starting with an upper-case letter.
    pub cap: bool,
    /// A lower-case word that is a cue verb form (set once the words are folded).
    pub cue: bool,
}

/// A token stream over part of a document's text, with folded words cached.
pub(crate) struct Toks<'a> {
    pub text: &'a str,
    pub t: Vec<Tok>,
    /// The range's text lower-cased (ASCII letters only), followed by the folded forms of
    /// the words that need more than that (non-ASCII, back-ticks).
    folded: String,
    /// `folded[a..b]` is token `i`'s folded form for `(a, b) = folded_at[i]`; empty for
    /// tokens that are not words.
    folded_at: Vec<(u32, u32)>,
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The end of the word whose first character (`first_len` bytes) starts at `start`, never
/// past `limit` (the next quotation or the range's end), and whether the word is all ASCII.
/// A word is letters and digits, joined by apostrophes, hyphens, dots, `&` and `/` when a
/// letter or digit follows; a full stop that ends an abbreviation ("Gen.") belongs to it.
fn word_end(text: &str, start: usize, first_len: usize, limit: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut ascii = first_len == 1;
    let mut j = start + first_len;
    while j < limit {
        // ASCII letters and digits need no decoding: skip their run in one tight loop.
        j += bytes.get(j..limit).map_or(0, ascii_alnum_run);
        if j >= limit {
            break;
        }
        // Other ASCII ends the word unless it is a joiner.
        match bytes.get(j) {
            Some(b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b'&' | b'/') => break,
            _ => {}
        }
        let Some(d) = char_at(text, j) else { break };
        if d.is_alphanumeric() {
            ascii &= d.is_ascii();
            j += d.len_utf8();
            continue;
        }
        if matches!(d, '\'' | '’' | '-' | '‑' | '.' | '&' | '/') {
            // A joiner counts when a letter or digit follows (after at most one more joiner).
            // A full stop glued to a capital ("added.Then") ends a sentence unless it follows
            // an initial ("U.S").
            let k = j + d.len_utf8();
            let glued_sentence = d == '.' && char_at(text, k).is_some_and(|e| e.is_uppercase()) && {
                let segment = text[start..j].rsplit(['.', '-', '/']).next().unwrap_or("");
                segment.chars().count() > 1 && !is_abbreviation(segment)
            };
            match char_at(text, k) {
                _ if glued_sentence => {}
                Some(e) if k < limit && e.is_alphanumeric() => {
                    ascii &= d.is_ascii();
                    j = k;
                    continue;
                }
                Some(e) if k < limit && matches!(e, '-' | '.') => {
                    let k2 = k + e.len_utf8();
                    if k2 < limit && char_at(text, k2).is_some_and(|x| x.is_alphanumeric()) {
                        ascii &= d.is_ascii();
                        j = k2;
                        continue;
                    }
                }
                _ => {}
            }
        }
        break;
    }
    if j < limit && bytes.get(j) == Some(&b'.') && is_abbreviation(&text[start..j]) {
        j += 1;
    }
    (j, ascii)
}

impl<'a> Toks<'a> {
    /// Tokenise `text[lo..hi]`. `quotes` lists `(open, after, index)` of the quotations inside
    /// the range, sorted by `open`; each becomes one [`K::Q`] token.
    pub fn new(text: &'a str, lo: usize, hi: usize, quotes: &[(usize, usize, usize)]) -> Self {
        let hi = hi.min(text.len());
        let bytes = text.as_bytes();
        // An ASCII word's fold is its place in the lower-cased range: one pass over the
        // range instead of a copy per word.
        let range = text.get(lo..hi);
        let mut folded = range.map(str::to_ascii_lowercase).unwrap_or_default();
        // About one token per five bytes of news text.
        let cap_hint = hi.saturating_sub(lo) / 5 + 4;
        let mut t = Vec::with_capacity(cap_hint);
        let mut folded_at = Vec::with_capacity(cap_hint);
        let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        let mut qi = 0;
        let mut i = lo;
        while i < hi {
            while qi < quotes.len() && quotes[qi].0 < i {
                qi += 1;
            }
            if let Some(&(open, after, idx)) = quotes.get(qi)
                && open == i
            {
                let end = after.max(i + 1);
                t.push(Tok { k: K::Q(idx), start: i, end, cap: false, cue: false });
                folded_at.push((0, 0));
                i = end;
                qi += 1;
                continue;
            }
            let Some(&b) = bytes.get(i) else { break };
            if b == b' ' {
                i += 1;
                continue;
            }
            // ASCII needs no decoding.
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                match char_at(text, i) {
                    Some(c) => c,
                    None => break,
                }
            };
            let cl = c.len_utf8();
            if c.is_alphanumeric() {
                let next_q = quotes.get(qi).map_or(hi, |q| q.0.min(hi));
                let (end, ascii) = word_end(text, i, cl, next_q);
                let cap = c.is_uppercase();
                // A word never holds a back-tick (it is no letter, digit or joiner), so an
                // ASCII word folds byte for byte.
                let (a, z) = if range.is_some() && ascii {
                    (i - lo, end - lo)
                } else {
                    let from = folded.len();
                    fold_into(&text[i..end], &mut folded);
                    (from, folded.len())
                };
                let cue = !cap && folded.get(a..z).and_then(cue_lemma).is_some();
                t.push(Tok { k: K::Word, start: i, end, cap, cue });
                folded_at.push((at(a), at(z)));
                // The space after a word needs no turn of the loop (a quotation never opens
                // on a space).
                i = if bytes.get(end) == Some(&b' ') { end + 1 } else { end };
                continue;
            }
            if c.is_whitespace() {
                i += cl;
                continue;
            }
            let k = match c {
                ',' => K::Comma,
                ':' => K::Colon,
                ';' => K::Semi,
                '—' | '–' | '-' | '―' => K::Dash,
                '.' | '!' | '?' | '…' => K::Stop,
                '(' | ')' | '[' | ']' | '{' | '}' => K::Paren,
                _ => K::Other,
            };
            t.push(Tok { k, start: i, end: i + cl, cap: false, cue: false });
            folded_at.push((0, 0));
            i += cl;
        }
        Toks { text, t, folded, folded_at }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.t.len()
    }

    /// The text of token `i`.
    pub fn s(&self, i: usize) -> &'a str {
        self.t.get(i).and_then(|k| self.text.get(k.start..k.end)).unwrap_or("")
    }

    /// The folded (lower-case) form of word `i`; empty for other tokens.
    pub fn f(&self, i: usize) -> &str {
        self.folded_at.get(i).and_then(|&(a, b)| self.folded.get(a as usize..b as usize)).unwrap_or("")
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.k == K::Word)
    }

    /// True when token `i` is a word starting with an upper-case letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.k == K::Word && k.cap)
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<K> {
        self.t.get(i).map(|k| k.k)
    }

    /// The text from the start of token `a` to the end of token `b` (inclusive).
    pub fn span_text(&self, a: usize, b: usize) -> &'a str {
        match (self.t.get(a), self.t.get(b)) {
            (Some(x), Some(y)) if y.end >= x.start => self.text.get(x.start..y.end).unwrap_or(""),
            _ => "",
        }
    }

    /// True when word `i` is a lower-case cue verb.
    pub fn is_cue(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.k == K::Word && k.cue)
    }
}

/// Does a quotation's text end a sentence (terminal punctuation inside the marks)?
pub(crate) fn ends_with_terminal(words: &str) -> bool {
    let t = words.trim_end().trim_end_matches(['’', '\'', ')', ']', '”', '"']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Split a token stream into sentences: `[start, end)` token ranges.
pub(crate) fn sentences(toks: &Toks, raws: &[RawQuote]) -> Vec<(usize, usize)> {
    let n = toks.len();
    let mut out = Vec::new();
    let mut s = 0;
    // A capitalised word right after a quotation still belongs to its sentence when an
    // attribution follows ("“Why now?” Khan asked.").
    let attribution_follows = |j: usize| -> bool {
        let mut i = j;
        let mut names = 0;
        while i < n && names <= 4 {
            if toks.is_cue(i) {
                let next = toks.f(i + 1);
                return matches!(toks.kind(i + 1), None | Some(K::Stop) | Some(K::Comma))
                    || matches!(
                        next,
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "from"
                            | "via"
                            | "with"
                            | "when"
                            | "while"
                            | "as"
                            | "reporters"
                            | "journalists"
                    );
            }
            if !toks.is_word(i) {
                return false;
            }
            names += 1;
            i += 1;
        }
        false
    };
    for i in 0..n {
        let boundary = match toks.t[i].k {
            K::Stop => match toks.kind(i + 1) {
                None => true,
                Some(K::Word) => !toks.s(i + 1).chars().next().is_some_and(|c| c.is_lowercase()),
                Some(K::Comma) | Some(K::Stop) | Some(K::Semi) | Some(K::Colon) => false,
                Some(_) => true,
            },
            K::Q(r) => {
                let terminal = raws.get(r).is_none_or(|q| {
                    !q.closed || ends_with_terminal(toks.text.get(q.start..q.end).unwrap_or(""))
                });
                terminal
                    && match toks.kind(i + 1) {
                        None => true,
                        Some(K::Q(_)) => true,
                        Some(K::Word) => toks.is_cap(i + 1) && !attribution_follows(i + 1),
                        Some(_) => false,
                    }
            }
            _ => false,
        };
        if boundary {
            out.push((s, i + 1));
            s = i + 1;
        }
    }
    if s < n {
        out.push((s, n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_abbreviations_and_possessives() {
        let text = "Lt. Gen. Ali’s U.S. visit, Brig.-Gen. Khan said.";
        let t = Toks::new(text, 0, text.len(), &[]);
        let words: Vec<&str> = (0..t.len()).map(|i| t.s(i)).collect();
        assert_eq!(
            words,
            vec!["Lt.", "Gen.", "Ali’s", "U.S.", "visit", ",", "Brig.-Gen.", "Khan", "said", "."]
        );
    }

    #[test]
    fn folded_words_match_fold_in_and_out_of_ascii() {
        let text = "Intro. Ünïon’s CHIEF `Said` TOLD Reporters—in São Paulo. End";
        // A range starting mid-text, and the whole text.
        for lo in [0, text.find(' ').unwrap_or(0) + 1] {
            let t = Toks::new(text, lo, text.len(), &[]);
            assert!(t.len() > 5);
            for i in 0..t.len() {
                let want = if t.is_word(i) { super::super::lexicon::fold(t.s(i)) } else { String::new() };
                assert_eq!(t.f(i), want, "token {i}: {}", t.s(i));
            }
            let told = (0..t.len()).find(|&i| t.s(i) == "TOLD").unwrap_or(0);
            assert!(!t.is_cue(told), "a capitalised word is not a cue");
        }
    }

    #[test]
    fn quote_is_one_token_and_does_not_split_sentences() {
        let text = "He said “One. Two.” and left. Next one.";
        let open = text.find('“').unwrap_or(0);
        let close = text.find('”').unwrap_or(0) + '”'.len_utf8();
        let raw = RawQuote {
            open,
            start: open + 3,
            end: close - 3,
            after: close,
            closed: true,
            inner: vec![],
            para_first: 0,
            para_last: 0,
        };
        let t = Toks::new(text, 0, text.len(), &[(open, close, 0)]);
        let s = sentences(&t, &[raw]);
        assert_eq!(s.len(), 2);
        assert!(matches!(t.kind(2), Some(K::Q(0))));
    }
}
