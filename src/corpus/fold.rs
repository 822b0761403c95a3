//! Case-insensitive tests without lower-casing whole strings.
//!
//! Ingestion compares lines and paragraphs against short lower-case ASCII keys ("copyright",
//! "photo:", "the writer "). Lower-casing a whole paragraph to test its first few characters
//! was most of the cost of loading a document; these helpers lower-case lazily, character by
//! character, with the same result as `str::to_lowercase` for every key they are given.

/// Whether `t.to_lowercase()` starts with `prefix` (lower-case ASCII), without building the
/// lower-cased string. (`str::to_lowercase` differs from per-character lower-casing only for
/// a final capital sigma, which never lower-cases to ASCII, so the answers agree.)
pub(crate) fn starts_with_lower(t: &str, prefix: &str) -> bool {
    // Fast path while `t` is ASCII: byte for byte.
    let tb = t.as_bytes();
    for (i, p) in prefix.bytes().enumerate() {
        match tb.get(i) {
            Some(b) if b.is_ascii() => {
                if b.to_ascii_lowercase() != p {
                    return false;
                }
            }
            Some(_) => return starts_with_lower_chars(t, prefix),
            None => return false,
        }
    }
    true
}

/// [`starts_with_lower`] character by character.
fn starts_with_lower_chars(t: &str, prefix: &str) -> bool {
    let mut folded = t.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| folded.next() == Some(p))
}

/// Byte index in `hay` of the first place where the lower-cased text reads `needle`
/// (lower-case ASCII). Unlike `hay.to_lowercase().find(needle)`, the index is always a
/// position in `hay` itself, even when lower-casing changes the byte length of some
/// characters ("İ", "ẞ").
pub(crate) fn find_lower(hay: &str, needle: &str) -> Option<usize> {
    if hay.is_ascii() {
        // Fast path: ASCII lower-casing keeps every byte in place.
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        let Some(&first) = n.first() else { return Some(0) };
        let upper = first.to_ascii_uppercase();
        let mut from = 0;
        while let Some(k) = h.get(from..)?.iter().position(|&b| b == first || b == upper) {
            let at = from + k;
            if h.get(at..at + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)) {
                return Some(at);
            }
            from = at + 1;
        }
        return None;
    }
    hay.char_indices().map(|(i, _)| i).find(|&i| starts_with_lower(&hay[i..], needle))
}

/// True when `s` has more than `n` characters.
pub(crate) fn more_chars_than(s: &str, n: usize) -> bool {
    s.len() > n && (s.len() > 4 * n || s.chars().nth(n).is_some())
}

/// True when `s` has more than `n` white-space separated words (`split_whitespace`), counted
/// by bytes and only as far as needed.
pub(crate) fn more_words_than(s: &str, n: usize) -> bool {
    let b = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0usize, false, 0usize);
    while let Some(&x) = b.get(i) {
        if in_word && x > b' ' && x < 0x80 {
            // The rest of a word's ASCII bytes (above the space, so none is white space) in
            // one tight loop.
            i += 1;
            while b.get(i).is_some_and(|&c| c > b' ' && c < 0x80) {
                i += 1;
            }
            continue;
        }
        let (space, len) = if x < 0x80 {
            (matches!(x, b' ' | b'\t'..=b'\r'), 1)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if !space && !in_word {
            words += 1;
            if words > n {
                return true;
            }
        }
        in_word = !space;
        i += len;
    }
    false
}

/// Append the comparison key of `s` to `out`: its letters and digits, lower-cased
/// (`char::is_alphanumeric`, `char::to_lowercase`), with an ASCII fast path.
pub(crate) fn push_norm(s: &str, out: &mut String) {
    let mut bytes = std::mem::take(out).into_bytes();
    push_norm_bytes(s, &mut bytes);
    // Whole characters were appended to valid UTF-8, so this never falls back.
    *out = String::from_utf8(bytes).unwrap_or_default();
}

/// `NORM_ASCII[b]`: the key byte of ASCII byte `b` (lower-cased letter or digit), 0 for none
/// (and for every byte that is not ASCII).
const NORM_ASCII: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// [`push_norm`] onto UTF-8 bytes (whole characters are appended).
///
/// Branch-free over ASCII: every byte's key byte is written and the end advances only over
/// letters and digits (word boundaries are unpredictable, so a branch per byte stalls).
pub(crate) fn push_norm_bytes(s: &str, bytes: &mut Vec<u8>) {
    let start = bytes.len();
    let end = norm_at(s, bytes, start);
    bytes.truncate(end);
}

/// Write the key of `s` into `buf` from byte `k` on and return where it ends. The bytes of
/// `buf` after `k` are scratch space: they are overwritten, and `buf` is lengthened first
/// only when it has less than twice `s`'s length after `k` (so a caller that builds one key
/// piece by piece sizes the buffer once, not once per piece).
pub(crate) fn norm_at(s: &str, buf: &mut Vec<u8>, k: usize) -> usize {
    let bytes = buf;
    let src = s.as_bytes();
    // Lower-casing at most doubles a character's bytes ("İ" → "i̇": 2 → 3), so this is room
    // enough; the checked writes below fall back to growing the vector if it ever were not.
    let room = k + 2 * src.len();
    if bytes.len() < room {
        bytes.resize(room, 0);
    }
    let mut k = k;
    let mut i = 0;
    loop {
        // A run of ASCII through a plain slice: its length stays in a register.
        let dst = bytes.as_mut_slice();
        // Eight bytes at a time while they are all ASCII: one test and one range check per
        // block instead of per byte.
        while let (Some(block), Some(out)) = (src.get(i..i + 8), dst.get_mut(k..k + 8)) {
            let Ok(block) = <[u8; 8]>::try_from(block) else { break };
            if !block.is_ascii() {
                break;
            }
            let mut n = 0;
            for b in block {
                let v = NORM_ASCII[usize::from(b)];
                if let Some(slot) = out.get_mut(n) {
                    *slot = v;
                }
                n += usize::from(v != 0);
            }
            k += n;
            i += 8;
        }
        while let Some(&v) = src.get(i).filter(|b| b.is_ascii()).map(|&b| &NORM_ASCII[usize::from(b)]) {
            if let Some(slot) = dst.get_mut(k) {
                *slot = v;
            }
            k += usize::from(v != 0);
            i += 1;
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        // Curly quotes, dashes and the ellipsis are the common non-ASCII characters of news
        // text; they are punctuation, so the Unicode tables need not be consulted for them.
        let punctuation = matches!(c, '‘' | '’' | '“' | '”' | '–' | '—' | '…');
        if !punctuation && c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let mut enc = [0u8; 4];
                let e = l.encode_utf8(&mut enc).as_bytes();
                match bytes.get_mut(k..k + e.len()) {
                    Some(dst) => dst.copy_from_slice(e),
                    None => {
                        bytes.truncate(k);
                        bytes.extend_from_slice(e);
                    }
                }
                k += e.len();
            }
        }
        i += c.len_utf8();
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definitions these helpers replace.
    fn norm_reference(s: &str) -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    }

    const SAMPLES: &[&str] = &[
        "",
        "Copyright © 2024 Example Media. All Rights Reserved.",
        "COPYRIGHT (C) The Media Line",
        "PHOTO: a soldier",
        "Photograph: x",
        "The Writer heads a think tank",
        "İstanbul ALL RIGHTS reserved",
        "ẞtraße all rights",
        "\u{212A}elvin KABUL Ωμέγα ΟΔΟΣ",
        "Ärger, Ñandú 1,234.5 – “quoted” text",
        "for more stories from The Daily Example go to",
    ];

    #[test]
    fn prefix_test_agrees_with_to_lowercase() {
        for s in SAMPLES {
            for p in ["copyright", "photo:", "the writer ", "for more ", "all", "", "k", "i", "ss"] {
                assert_eq!(starts_with_lower(s, p), s.to_lowercase().starts_with(p), "{s:?} / {p:?}");
            }
        }
    }

    #[test]
    fn find_agrees_where_lengths_are_kept_and_stays_on_boundaries() {
        for s in SAMPLES {
            for n in ["all rights", "go to", "kabul", "x"] {
                let got = find_lower(s, n);
                if s.to_lowercase().len() == s.len() {
                    assert_eq!(got, s.to_lowercase().find(n), "{s:?} / {n:?}");
                }
                if let Some(i) = got {
                    assert!(s.is_char_boundary(i));
                    assert!(starts_with_lower(&s[i..], n));
                }
            }
        }
        assert_eq!(find_lower("İstanbul ALL RIGHTS reserved", "all rights"), Some(10));
        assert_eq!(find_lower("ẞtraße all rights", "all rights"), Some(10));
        assert_eq!(find_lower("abc", "abcd"), None);
    }

    #[test]
    fn norm_written_piece_by_piece_is_the_key_of_the_whole() {
        for s in SAMPLES {
            let long = format!("{s} {s} and twenty-four more ASCII letters, digits 12345 {s}");
            let cuts: Vec<usize> =
                (0..=long.len()).filter(|&i| long.is_char_boundary(i)).step_by(7).collect();
            let mut buf = Vec::new();
            let (mut end, mut from) = (0, 0);
            for &c in &cuts {
                end = norm_at(&long[from..c], &mut buf, end);
                from = c;
            }
            end = norm_at(&long[from..], &mut buf, end);
            assert_eq!(&buf[..end], norm_reference(&long).as_bytes(), "{long:?}");
        }
    }

    #[test]
    fn norm_and_char_count() {
        for s in SAMPLES {
            let mut out = String::from("x");
            push_norm(s, &mut out);
            assert_eq!(out, format!("x{}", norm_reference(s)));
            for n in [0, 1, 5, 12, 40, 200] {
                assert_eq!(more_chars_than(s, n), s.chars().count() > n, "{s:?} {n}");
            }
            let spaced = format!(" {s}\u{3000}x\u{A0} y\u{85}z\t\n ");
            for t in [*s, spaced.as_str()] {
                for n in 0..12 {
                    assert_eq!(more_words_than(t, n), t.split_whitespace().count() > n, "{t:?} {n}");
                }
            }
        }
    }
}
