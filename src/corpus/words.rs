//! The English word lexicon and the glued-word segmenter used by the text repair.
//!
//! Built once, on first use, from the word lists in `assets/words/` (embedded in the binary):
//! English unigram and bigram counts (SymSpell, MIT), extra news vocabulary, and proper nouns
//! of the region that must never be split.

use std::cell::RefCell;
use std::sync::OnceLock;

use compact_str::CompactString;
use instant_segment::{Search, Segmenter};
use rustc_hash::{FxHashMap, FxHashSet};

static UNIGRAMS: &str = include_str!("../../assets/words/en_unigrams.txt");
static BIGRAMS: &str = include_str!("../../assets/words/en_bigrams.txt");
static EXTRA: &str = include_str!("../../assets/words/extra_words.txt");
static NAMES: &str = include_str!("../../assets/words/regional_names.txt");
/// The extraction gazetteer and actor lexicon: their place, group and person names are
/// protected from splitting too.
static GAZETTEER: &str = include_str!("../../assets/gazetteer.tsv");
static ACTORS: &str = include_str!("../../assets/actors.tsv");

/// Count given to extra words and regional names in the segmenter's unigram table.
const LISTED_COUNT: u64 = 2_000_000;
/// A word of five letters or more must be at least this frequent to be a piece of a split.
const MIN_PIECE_COUNT: u64 = 30_000;
/// A four-letter piece must be at least this frequent ("conf|usable" is not a split).
const MIN_FOUR_PIECE_COUNT: u64 = 1_000_000;
/// A three-letter piece that is not a function word must be at least this frequent.
const MIN_SHORT_PIECE_COUNT: u64 = 20_000_000;
/// In a capitalised token (possibly a name), the first piece must be at least this frequent.
const MIN_CAPITAL_PIECE_COUNT: u64 = 2_000_000;
/// Longest token handed to the segmenter (longer runs are not glued prose).
const MAX_SEGMENT_LEN: usize = 40;
/// Entries kept in each thread's split cache before it is cleared.
const CACHE_LIMIT: usize = 50_000;

/// Short words that glue onto their neighbours when line breaks are lost.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "also", "amid", "among", "an", "and", "are", "as", "at", "be", "been",
    "before", "between", "but", "by", "can", "could", "did", "do", "during", "for", "from", "had", "has",
    "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "may", "might", "must", "no", "not",
    "of", "on", "onto", "or", "over", "per", "she", "should", "since", "so", "such", "than", "that", "the",
    "their", "them", "then", "these", "they", "this", "those", "to", "under", "until", "up", "upon", "us",
    "via", "was", "we", "were", "when", "where", "which", "while", "who", "whom", "whose", "will", "with",
    "within", "without", "would",
];

/// Word-forming prefixes: a split whose first piece is one of these is usually a real
/// compound ("counterterrorism", "geopolitically", "nonstop"), not two glued words.
const PREFIXES: &[&str] = &[
    "anti", "auto", "bi", "bio", "co", "counter", "cyber", "de", "dis", "eco", "ethno", "euro", "extra",
    "geo", "hyper", "inter", "intra", "macro", "mega", "micro", "mid", "mini", "mis", "mono", "multi",
    "narco", "neo", "non", "out", "over", "pan", "para", "petro", "poly", "post", "pre", "pro", "pseudo",
    "quad", "quasi", "re", "retro", "self", "semi", "socio", "sub", "super", "tele", "trans", "tri", "ultra",
    "un", "under", "uni", "up", "vice",
];

/// Word-forming suffixes: a split whose last piece is one of these is a derived word.
const SUFFIXES: &[&str] = &[
    "ability",
    "abilities",
    "able",
    "ably",
    "al",
    "ally",
    "ation",
    "ations",
    "dom",
    "ed",
    "en",
    "er",
    "ers",
    "ess",
    "est",
    "ful",
    "fully",
    "hood",
    "ible",
    "ing",
    "ings",
    "ion",
    "ions",
    "ise",
    "ised",
    "ish",
    "ism",
    "isms",
    "ist",
    "ists",
    "ity",
    "ive",
    "ize",
    "ized",
    "land",
    "less",
    "like",
    "ly",
    "ment",
    "ments",
    "ness",
    "ous",
    "ship",
    "ships",
    "some",
    "stan",
    "ward",
    "wards",
    "wise",
];

/// Name particles that are written in lower case before a capitalised name ("al", "bin").
const PARTICLES: &[&str] = &[
    "abu", "al", "bin", "da", "de", "del", "della", "den", "der", "di", "do", "dos", "du", "el", "ibn", "la",
    "le", "mac", "mc", "st", "ud", "ul", "ur", "van", "von",
];

/// Units and ordinal endings written directly after numbers ("10km", "24th").
const UNITS: &[&str] = &[
    "bhp", "bpd", "cal", "gbps", "ghz", "khz", "kbps", "kmh", "kph", "kwh", "lbs", "ltr", "mah", "mbps",
    "mhz", "min", "mins", "mpg", "mph", "mtpa", "mwh", "gwh", "ppb", "ppm", "psi", "rpm", "sec", "secs",
    "hrs", "yrs", "fps", "sqft", "kmph",
];

/// How a token handed to the segmenter was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Case {
    /// All lower case: "militaryretaliation".
    Lower,
    /// Capitalised at the start of a sentence: "Intelligenceassessments".
    CapStart,
    /// Capitalised inside a sentence, so possibly a name: "Pakistanover", "Kingsford".
    CapMid,
}

/// What the lexicon knows about a lower-case word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    English(u64),
    Extra,
    Name,
}

/// The word lexicon plus the segmenter.
pub(crate) struct Lexicon {
    words: FxHashMap<String, Kind>,
    /// The entries of `words` of at most 15 bytes, keyed by [`pack`]: a lookup hashes and
    /// compares one integer, with no string behind a pointer to fetch and compare.
    short: FxHashMap<u128, Kind>,
    function: FxHashSet<&'static str>,
    prefixes: FxHashSet<&'static str>,
    suffixes: FxHashSet<&'static str>,
    particles: FxHashSet<&'static str>,
    units: FxHashSet<&'static str>,
    segmenter: Segmenter,
}

/// Per-thread memo of segmentation results: token → piece lengths for each [`Case`]
/// (`None`: not computed yet). Keyed by the token alone so that a lookup needs no allocation.
type SplitCache = FxHashMap<String, [Option<Option<Vec<usize>>>; 3]>;

thread_local! {
    static SEARCH: RefCell<Search> = RefCell::new(Search::default());
    static CACHE: RefCell<SplitCache> =
        RefCell::new(FxHashMap::default());
    /// Words [`Lexicon::is_known`] found unknown.
    static UNKNOWN: RefCell<FxHashSet<String>> = RefCell::new(FxHashSet::default());
    /// A small direct-mapped memo of [`Lexicon::is_known`] for words of up to 15 bytes: each
    /// slot holds a [`pack`]ed key, with [`KNOWN_BIT`] set when the word is known. The frequent
    /// words of news stay in the processor's cache instead of missing in the large word table
    /// again and again. 0 marks an empty slot (no word packs to 0); the slots are allocated
    /// on the first store.
    static RECENT: RefCell<Vec<u128>> = const { RefCell::new(Vec::new()) };
}

/// Slots of the [`RECENT`] memo (a power of two).
const RECENT_SLOTS: usize = 4096;

fn list_words(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace)
}

/// A word of at most 15 bytes as one integer: its bytes, zero-padded, and in the last byte its
/// length with the top bit set, so that distinct words get distinct keys and no key is 0 (or
/// has bit [`KNOWN_BIT`] set); `None` for longer words.
pub(crate) fn pack(w: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..w.len()).filter(|_| w.len() < 16)?.copy_from_slice(w);
    buf[15] = 0x80 | w.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// The slot of a [`pack`]ed key in a direct-mapped memo of `slots` entries (a power of two):
/// Fibonacci hashing, the top bits of the product.
pub(crate) fn memo_slot(key: u128, slots: usize) -> usize {
    ((key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - slots.trailing_zeros()))
        as usize
}

/// The bit of a [`RECENT`] slot that says the word of its key is known (a bit no [`pack`]ed
/// key has: the length in the last byte is below 16).
const KNOWN_BIT: u128 = 1 << 126;

/// The shared lexicon, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

impl Lexicon {
    fn build() -> Self {
        let mut words: FxHashMap<String, Kind> = FxHashMap::default();
        words.reserve(90_000);
        for line in UNIGRAMS.lines() {
            let mut it = line.split_whitespace();
            if let (Some(w), Some(c)) = (it.next(), it.next()) {
                words.insert(w.to_string(), Kind::English(c.parse().unwrap_or(0)));
            }
        }
        for w in list_words(EXTRA) {
            words.entry(w.to_ascii_lowercase()).or_insert(Kind::Extra);
        }
        let lexicon_names =
            [(GAZETTEER, [0usize, 7]), (ACTORS, [0, 2])].into_iter().flat_map(|(text, cols)| {
                text.lines().filter(|l| !l.starts_with('#')).flat_map(move |l| {
                    let fields: Vec<&'static str> = l.split('\t').collect();
                    cols.into_iter().filter_map(move |c| fields.get(c).copied())
                })
            });
        let lexicon_words = lexicon_names
            .flat_map(|names| names.split(['|', ' ', '-', '’', '\'', '(', ')', ',']))
            .filter(|w| {
                w.len() >= 4
                    && w.chars().all(char::is_alphabetic)
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().any(char::is_lowercase)
            });
        for w in list_words(NAMES).chain(lexicon_words) {
            // Names override English entries: "Bara", "Tank", "Swat" are places here.
            let lower = w.to_lowercase();
            match words.get(&lower) {
                Some(Kind::English(c)) if *c >= MIN_SHORT_PIECE_COUNT => {}
                _ => {
                    words.insert(lower, Kind::Name);
                }
            }
        }
        let unigrams: Vec<(CompactString, f64)> = words
            .iter()
            .filter(|(w, k)| w.is_ascii() && (!matches!(k, Kind::Name) || w.len() >= 4))
            .map(|(w, k)| {
                let count = match k {
                    Kind::English(c) => *c,
                    Kind::Extra | Kind::Name => LISTED_COUNT,
                };
                (CompactString::from(w.as_str()), count as f64)
            })
            .collect();
        let bigrams = BIGRAMS.lines().filter_map(|line| {
            let mut it = line.split_whitespace();
            let (a, b, c) = (it.next()?, it.next()?, it.next()?);
            Some(((CompactString::from(a), CompactString::from(b)), c.parse::<f64>().ok()?))
        });
        let segmenter = Segmenter::new(unigrams, bigrams);
        let set = |l: &[&'static str]| l.iter().copied().collect::<FxHashSet<_>>();
        let short = words.iter().filter_map(|(w, k)| Some((pack(w.as_bytes())?, *k))).collect();
        Lexicon {
            words,
            short,
            function: set(FUNCTION_WORDS),
            prefixes: set(PREFIXES),
            suffixes: set(SUFFIXES),
            particles: set(PARTICLES),
            units: set(UNITS),
            segmenter,
        }
    }

    fn kind(&self, lower: &str) -> Option<Kind> {
        match pack(lower.as_bytes()) {
            Some(key) => self.short.get(&key).copied(),
            None => self.words.get(lower).copied(),
        }
    }

    /// Whether `w` is an entry of the lexicon (exactly as written).
    fn contains(&self, w: &str) -> bool {
        match pack(w.as_bytes()) {
            Some(key) => self.short.contains_key(&key),
            None => self.words.contains_key(w),
        }
    }

    /// True for a short function word ("the", "of", "and").
    pub(crate) fn is_function(&self, lower: &str) -> bool {
        self.function.contains(lower)
    }

    /// True for a name particle written in lower case ("al", "bin", "van").
    pub(crate) fn is_particle(&self, lower: &str) -> bool {
        self.particles.contains(lower)
    }

    /// True for a unit written after numbers ("mph", "kwh").
    pub(crate) fn is_unit(&self, lower: &str) -> bool {
        self.units.contains(lower)
    }

    /// True when `lower` is a regional proper noun of the lexicon.
    pub(crate) fn is_name(&self, lower: &str) -> bool {
        matches!(self.kind(lower), Some(Kind::Name))
    }

    /// True when `lower` is a regional name, or one with a plural / demonym / possessive ending.
    pub(crate) fn is_name_form(&self, lower: &str) -> bool {
        if self.is_name(lower) {
            return true;
        }
        ["s", "i", "is", "es"]
            .iter()
            .any(|suf| lower.strip_suffix(suf).is_some_and(|stem| stem.len() >= 4 && self.is_name(stem)))
    }

    /// True when `lower` (a lower-case word) is a word of the lexicon, an extra word, a name,
    /// or a regular inflection or British/American spelling of one.
    pub(crate) fn is_known(&self, lower: &str) -> bool {
        let Some(key) = pack(lower.as_bytes()) else { return self.is_known_uncached(lower) };
        let slot = memo_slot(key, RECENT_SLOTS);
        if let Some(known) =
            RECENT.with(|r| r.borrow().get(slot).and_then(|&v| (v & !KNOWN_BIT == key).then_some(v != key)))
        {
            return known;
        }
        let known = self.is_known_uncached(lower);
        RECENT.with(|r| {
            let mut r = r.borrow_mut();
            if r.is_empty() {
                r.resize(RECENT_SLOTS, 0);
            }
            if let Some(e) = r.get_mut(slot) {
                *e = if known { key | KNOWN_BIT } else { key };
            }
        });
        known
    }

    /// [`Lexicon::is_known`] without the [`RECENT`] memo.
    fn is_known_uncached(&self, lower: &str) -> bool {
        if self.contains(lower) {
            return true;
        }
        // Names and rare words miss again and again; the inflection and spelling probes below
        // cost dozens of lookups, so misses are remembered (per thread, bounded).
        if UNKNOWN.with(|u| u.borrow().contains(lower)) {
            return false;
        }
        let known = self.is_known_form(lower);
        if !known {
            UNKNOWN.with(|u| {
                let mut u = u.borrow_mut();
                if u.len() >= CACHE_LIMIT {
                    u.clear();
                }
                u.insert(lower.to_string());
            });
        }
        known
    }

    /// [`Lexicon::is_known`] for a word that is not itself an entry: an inflection or a
    /// spelling variant of one.
    fn is_known_form(&self, lower: &str) -> bool {
        let known = |w: &str| self.contains(w);
        let known2 = |parts: &[&str]| self.known_concat(parts);
        for suf in ["s", "es", "ed", "d", "ing", "ly", "er", "ers", "ies", "ied"] {
            if let Some(stem) = lower.strip_suffix(suf) {
                if stem.len() < 3 {
                    continue;
                }
                if known(stem) || known2(&[stem, "e"]) {
                    return true;
                }
                if (suf == "ies" || suf == "ied") && known2(&[stem, "y"]) {
                    return true;
                }
                // Doubled final consonant: "planned", "targetting".
                let b = stem.as_bytes();
                if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && known(&stem[..stem.len() - 1]) {
                    return true;
                }
            }
        }
        // British / American spellings: -ise/-ize, -our/-or, -re/-er, -ence/-ense, -ll-/-l-.
        const VARIANTS: &[(&str, &str)] = &[
            ("isation", "ization"),
            ("ization", "isation"),
            ("ise", "ize"),
            ("ize", "ise"),
            ("yse", "yze"),
            ("yze", "yse"),
            ("our", "or"),
            ("or", "our"),
            ("re", "er"),
            ("er", "re"),
            ("ence", "ense"),
            ("ense", "ence"),
            ("ll", "l"),
            ("l", "ll"),
            ("ogue", "og"),
            ("og", "ogue"),
        ];
        for (a, b) in VARIANTS {
            for pos in [lower.find(a), lower.rfind(a)].into_iter().flatten() {
                if known2(&[&lower[..pos], b, &lower[pos + a.len()..]]) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the concatenation of `parts` is an entry of the lexicon; built on the stack
    /// (these are candidate spellings of one word), not in a new `String`.
    fn known_concat(&self, parts: &[&str]) -> bool {
        let mut buf = [0u8; 16];
        let mut n = 0;
        for p in parts {
            let Some(dst) = buf.get_mut(n..n + p.len()) else {
                return self.contains(&parts.concat());
            };
            dst.copy_from_slice(p.as_bytes());
            n += p.len();
        }
        match pack(&buf[..n]) {
            Some(key) => self.short.contains_key(&key),
            None => self.contains(&parts.concat()),
        }
    }

    /// A known word usable as the left part of a case-change or digit split ("the", "deepened").
    pub(crate) fn is_solid_word(&self, lower: &str) -> bool {
        match lower.len() {
            0 | 1 => lower == "a",
            2 => self.is_function(lower),
            _ => {
                self.is_function(lower)
                    || matches!(self.kind(lower), Some(Kind::English(c)) if c >= MIN_PIECE_COUNT)
                    || matches!(self.kind(lower), Some(Kind::Extra))
                    || self.is_known(lower) && lower.len() >= 5
            }
        }
    }

    /// Whether `piece` (the `index`-th of a split) is a likely word. In a capitalised token the
    /// first piece must be a frequent word or a regional name ("Pakistan|over"), which keeps
    /// names made of rare words ("Sham|shad", "Fit|rat") whole.
    fn piece_ok(&self, piece: &str, capitalised: bool, index: usize, last: bool) -> bool {
        let head_of_name = capitalised && index == 0;
        if self.is_function(piece) {
            return !(head_of_name || last && piece == "a");
        }
        match (piece.len(), self.kind(piece)) {
            (0..=2, _) => false,
            (3, Some(Kind::English(c))) => !head_of_name && c >= MIN_SHORT_PIECE_COUNT,
            (3, _) => false,
            (n, Some(Kind::English(c))) => {
                c >= if head_of_name {
                    MIN_CAPITAL_PIECE_COUNT
                } else if n == 4 {
                    MIN_FOUR_PIECE_COUNT
                } else {
                    MIN_PIECE_COUNT
                }
            }
            (_, Some(Kind::Extra)) => true,
            (n, Some(Kind::Name)) => n >= 5,
            (_, None) => false,
        }
    }

    /// Split a lower-case ASCII token that is not a known word into likely words.
    /// Returns the byte lengths of the pieces, or `None` when the token should stay whole.
    /// A capitalised token is held to stricter rules (it may be a name).
    pub(crate) fn split_glued(&self, lower: &str, case: Case) -> Option<Vec<usize>> {
        if lower.len() < 5 || lower.len() > MAX_SEGMENT_LEN || !lower.bytes().all(|b| b.is_ascii_lowercase())
        {
            return None;
        }
        let slot = case as usize;
        if let Some(hit) = CACHE.with(|c| c.borrow().get(lower).and_then(|slots| slots[slot].clone())) {
            return hit;
        }
        let result = self.split_uncached(lower, case);
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(slots) = c.get_mut(lower) {
                slots[slot] = Some(result.clone());
                return;
            }
            if c.len() >= CACHE_LIMIT {
                c.clear();
            }
            let mut slots: [Option<Option<Vec<usize>>>; 3] = Default::default();
            slots[slot] = Some(result.clone());
            c.insert(lower.to_string(), slots);
        });
        result
    }

    fn split_uncached(&self, lower: &str, case: Case) -> Option<Vec<usize>> {
        let capitalised = case != Case::Lower;
        if self.is_known(lower) || self.is_name_form(lower) {
            return None;
        }
        let pieces: Vec<String> = SEARCH.with(|s| {
            let mut search = s.borrow_mut();
            match self.segmenter.segment(lower, &mut search) {
                Ok(segs) => segs.map(str::to_string).collect(),
                Err(_) => Vec::new(),
            }
        });
        if !(2..=3).contains(&pieces.len()) {
            return None;
        }
        let n = pieces.len();
        for (i, p) in pieces.iter().enumerate() {
            if !self.piece_ok(p, capitalised, i, i + 1 == n) {
                return None;
            }
        }
        // At most one one- or two-letter piece: "prom|is|or" is not a split.
        if pieces.iter().filter(|p| p.len() <= 2).count() > 1 {
            return None;
        }
        let rest_function = pieces[1..].iter().all(|p| self.is_function(p));
        if self.prefixes.contains(pieces[0].as_str()) && !rest_function {
            return None;
        }
        if pieces.last().is_some_and(|p| self.suffixes.contains(p.as_str())) {
            return None;
        }
        // Inside a sentence, a capitalised token splits only after a regional name
        // ("Afghanprovinces") or before function words ("Linethat"): "Kingsford" stays whole.
        let rest_long_function = pieces[1..].iter().all(|p| p.len() >= 3 && self.is_function(p));
        if case == Case::CapMid && !rest_long_function && !matches!(self.kind(&pieces[0]), Some(Kind::Name)) {
            return None;
        }
        Some(pieces.iter().map(String::len).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_keys_are_distinct_and_never_zero_or_marked_known() {
        let words: [&[u8]; 7] = [b"", b"a", b"a\0", b"\0a", b"the", b"fifteen-letters", b"ab\0\0"];
        let keys: Vec<u128> = words.iter().filter_map(|w| pack(w)).collect();
        assert_eq!(keys.len(), words.len());
        for (i, k) in keys.iter().enumerate() {
            assert_ne!(*k, 0);
            assert_eq!(k & KNOWN_BIT, 0);
            assert!(keys[i + 1..].iter().all(|o| o != k), "{:?}", words[i]);
        }
        assert_eq!(pack(b"sixteen-letters!"), None);
    }

    #[test]
    fn known_words_answer_the_same_from_the_memo() {
        let lex = lexicon();
        let words = ["the", "militants", "pakistan", "planned", "organisation", "zzqxv", "borderposts"];
        let first: Vec<bool> = words.iter().map(|w| lex.is_known(w)).collect();
        let again: Vec<bool> = words.iter().map(|w| lex.is_known(w)).collect();
        assert_eq!(first, again);
        assert_eq!(first, vec![true, true, true, true, true, false, false]);
        assert!(lex.is_known("counterinsurgencies") == lex.is_known_uncached("counterinsurgencies"));
    }

    fn split(s: &str, cap: bool) -> Option<Vec<String>> {
        let case = if cap { Case::CapMid } else { Case::Lower };
        let lens = lexicon().split_glued(s, case)?;
        let mut out = Vec::new();
        let mut at = 0;
        for l in lens {
            out.push(s[at..at + l].to_string());
            at += l;
        }
        Some(out)
    }

    #[test]
    fn splits_glued_pairs() {
        assert_eq!(split("militaryretaliation", false), Some(vec!["military".into(), "retaliation".into()]));
        assert_eq!(split("tosanctuaries", false), Some(vec!["to".into(), "sanctuaries".into()]));
        assert_eq!(split("bespared", false), Some(vec!["be".into(), "spared".into()]));
        assert_eq!(split("pakistanover", true), Some(vec!["pakistan".into(), "over".into()]));
        assert_eq!(split("intelligenceassessments", true), None);
        assert_eq!(lexicon().split_glued("intelligenceassessments", Case::CapStart), Some(vec![12, 11]));
        assert_eq!(split("afghanprovinces", true), Some(vec!["afghan".into(), "provinces".into()]));
        assert_eq!(split("linethat", true), Some(vec!["line".into(), "that".into()]));
        assert_eq!(split("farmersharvested", false), Some(vec!["farmers".into(), "harvested".into()]));
        assert_eq!(split("overthe", false), Some(vec!["over".into(), "the".into()]));
    }

    #[test]
    fn leaves_words_compounds_and_names() {
        for w in [
            "counterterrorism",
            "geopolitically",
            "nonstop",
            "unprovoked",
            "preemptive",
            "retaliation",
            "airstrikes",
            "neutralised",
            "organisations",
            "prioritised",
            "quadcopters",
            "neighboring",
            "traveling",
            "defenses",
            "analyzing",
            "centered",
            "promisor",
            "reachability",
        ] {
            assert_eq!(split(w, false), None, "{w}");
        }
        for w in [
            "nangarhar",
            "waziristan",
            "bajaur",
            "orakzai",
            "paktika",
            "mohmand",
            "fitrat",
            "tehreek",
            "shamshad",
            "zeeshan",
            "kingsford",
            "goldstein",
            "blackwater",
            "solaris",
        ] {
            assert_eq!(split(w, true), None, "{w}");
        }
    }
}
