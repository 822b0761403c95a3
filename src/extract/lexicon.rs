//! Case-aware multi-pattern matching over a name lexicon (gazetteer, actors), built once on
//! one Aho-Corasick automaton.
//!
//! Matching rules, shared by the gazetteer and the actor list:
//! - whole words only: no letter or digit right before or after a match;
//! - acronyms (`TTP`, `U.S.`, `KP`) match with exact case; names that start with a capital
//!   (`Tank`, `Swat`, `Dir`) need a capital in the text (`tank`, `swat` are words, not places);
//!   lower-case aliases (`security forces`) match in any case;
//! - an apostrophe in an alias matches both `'` and `’`;
//! - leftmost-longest, non-overlapping: `Khyber Pakhtunkhwa` beats `Khyber`.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// How a pattern's case must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// Exactly as written (acronyms).
    Exact,
    /// The first letter must be upper case in the text; the rest in any case.
    Capital,
    /// Any case.
    Any,
}

/// One pattern: the entry it names and its case rule.
#[derive(Debug, Clone)]
struct Pattern {
    /// Which lexicon of a joint matcher the pattern belongs to ([`Matcher::joint`]).
    set: usize,
    entry: usize,
    rule: CaseRule,
    text: String,
}

/// A compiled lexicon matcher. Built from `(alias, entry index)` pairs.
#[derive(Debug)]
pub(crate) struct Matcher {
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

/// A match: byte range and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// First byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Index of the lexicon entry.
    pub entry: usize,
}

fn case_rule(alias: &str) -> CaseRule {
    let letters: Vec<char> = alias.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let is_acronym = (upper >= 2 && upper * 2 > letters.len()) || (letters.len() <= 2 && upper >= 1);
    if is_acronym {
        CaseRule::Exact
    } else if alias.chars().next().is_some_and(char::is_uppercase) {
        CaseRule::Capital
    } else {
        CaseRule::Any
    }
}

impl Matcher {
    /// Compile the aliases. Empty aliases are ignored; an alias with an apostrophe is added
    /// in both the straight and the curly form.
    pub(crate) fn new<'a>(aliases: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        Self::joint(vec![aliases.into_iter().collect()])
    }

    /// One automaton over several lexicons (`sets[k]`: its aliases with their entries), for
    /// [`Matcher::find_sets`]: one scan of a text finds the matches of every lexicon.
    pub(crate) fn joint(sets: Vec<Vec<(&str, usize)>>) -> Self {
        let mut patterns = Vec::new();
        for (set, aliases) in sets.into_iter().enumerate() {
            let mut seen = std::collections::HashSet::new();
            for (alias, entry) in aliases {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                let mut forms = vec![alias.to_string()];
                if alias.contains('\'') {
                    forms.push(alias.replace('\'', "’"));
                }
                for f in forms {
                    if seen.insert(f.clone()) {
                        patterns.push(Pattern { set, entry, rule: case_rule(&f), text: f });
                    }
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            // A full DFA: every sentence is scanned; the lexicons are a few thousand names.
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns.iter().map(|p| p.text.as_str()))
            .ok();
        Matcher { ac, patterns }
    }

    /// All accepted matches, leftmost-longest, non-overlapping, in text order.
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        self.find_sets::<1>(text).into_iter().next().unwrap_or_default()
    }

    /// The matches of each of the first `N` lexicons of a joint matcher in `text`, from one
    /// scan; each list is what a matcher of that lexicon alone finds.
    pub(crate) fn find_sets<const N: usize>(&self, text: &str) -> [Vec<Hit>; N] {
        let mut out: [Vec<Hit>; N] = std::array::from_fn(|_| Vec::new());
        let Some(ac) = &self.ac else { return out };
        let mut cands: [Vec<Hit>; N] = std::array::from_fn(|_| Vec::new());
        let Ok(iter) = ac.try_find_overlapping_iter(text) else { return out };
        for m in iter {
            let (s, e) = (m.start(), m.end());
            let Some(p) = self.patterns.get(m.pattern().as_usize()) else { continue };
            let Some(set) = cands.get_mut(p.set) else { continue };
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            if !word_boundary(text, s, e) || !case_ok(&text[s..e], p) {
                continue;
            }
            set.push(Hit { start: s, end: e, entry: p.entry });
        }
        for (mut cands, out) in cands.into_iter().zip(out.iter_mut()) {
            cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
            out.extend(leftmost_longest(cands, |h| (h.start, h.end)));
        }
        out
    }

    /// Entry index of an exact alias (case rules applied to `name` as the text).
    pub(crate) fn lookup(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.find(name).into_iter().find(|h| h.start == 0 && h.end == name.len()).map(|h| h.entry)
    }
}

/// The occurrences a leftmost-longest, non-overlapping search would report, from every
/// occurrence sorted by start and the longest first (`span` gives an occurrence's byte range):
/// the earliest-starting occurrence wins, the longest of those, and the search goes on after
/// its end.
pub(crate) fn leftmost_longest<T>(
    sorted: impl IntoIterator<Item = T>,
    span: impl Fn(&T) -> (usize, usize),
) -> impl Iterator<Item = T> {
    let mut pos = 0;
    sorted.into_iter().filter(move |h| {
        let (s, e) = span(h);
        let take = s >= pos;
        if take {
            pos = e;
        }
        take
    })
}

/// `ASCII_ALNUM[b]`: byte `b` is an ASCII letter or digit (one look-up per byte in the
/// word splitters' inner loops).
pub(crate) const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Length of the run of ASCII letters and digits that opens `bytes`.
pub(crate) fn ascii_alnum_run(bytes: &[u8]) -> usize {
    bytes.iter().position(|&b| !ASCII_ALNUM[usize::from(b)]).unwrap_or(bytes.len())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// No word character right before `s` or right after `e`. A match that ends in a dot
/// (`U.S.`) needs no check after it.
fn word_boundary(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let last = text[..e].chars().next_back();
    let first = text[s..].chars().next();
    let ok_before = !(before.is_some_and(is_word_char) && first.is_some_and(is_word_char));
    let ok_after = !(after.is_some_and(is_word_char) && last.is_some_and(is_word_char));
    ok_before && ok_after
}

fn case_ok(found: &str, p: &Pattern) -> bool {
    match p.rule {
        CaseRule::Any => true,
        CaseRule::Exact => found == p.text,
        CaseRule::Capital => found.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_whole_word_case_aware() {
        let m = Matcher::new([
            ("Khyber", 0),
            ("Khyber Pakhtunkhwa", 1),
            ("KP", 1),
            ("Tank", 2),
            ("security forces", 3),
        ]);
        let t = "In Khyber Pakhtunkhwa (KP), a tank hit Tank; kp and Khyberi; Security Forces said.";
        let hits: Vec<(&str, usize)> = m.find(t).iter().map(|h| (&t[h.start..h.end], h.entry)).collect();
        assert_eq!(hits, vec![("Khyber Pakhtunkhwa", 1), ("KP", 1), ("Tank", 2), ("Security Forces", 3)]);
        assert_eq!(m.lookup("khyber pakhtunkhwa"), None);
        assert_eq!(m.lookup("Khyber pakhtunkhwa"), Some(1));
        assert_eq!(m.lookup("KP"), Some(1));
    }

    #[test]
    fn apostrophes_both_forms() {
        let m = Matcher::new([("Kabul's de facto rulers", 0)]);
        assert_eq!(m.find("said Kabul’s de facto rulers").len(), 1);
        assert_eq!(m.find("said Kabul's de facto rulers").len(), 1);
    }
}
