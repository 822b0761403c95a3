//! Word lists for quote attribution: cue verbs, adverbs, role words and head nouns.
//!
//! Every list is about the language of news in general (no names, places or wording of any
//! particular article). Look-ups take a word folded with [`fold`].

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Lower-case a word for look-up; curly apostrophes become straight ones.
pub(crate) fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

/// [`fold`] appended to `out` (no allocation when `out` has room).
pub(crate) fn fold_into(word: &str, out: &mut String) {
    // Fast path: ASCII without a back-tick lower-cases byte for byte.
    if word.bytes().all(|b| b.is_ascii() && b != b'`') {
        let from = out.len();
        out.push_str(word);
        if let Some(tail) = out.get_mut(from..) {
            tail.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' | 'ʼ' | '`' => out.push('\''),
            '‑' | '‐' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Strip a possessive ending (`Pakistan’s` → `Pakistan`).
pub(crate) fn strip_possessive(word: &str) -> &str {
    // Every ending below ends with `s`, `'` or the last byte of `’`: most words need no test.
    if !matches!(word.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return word;
    }
    for suf in ["’s", "'s", "’", "'"] {
        if let Some(w) = word.strip_suffix(suf)
            && !w.is_empty()
        {
            return w;
        }
    }
    word
}

/// The lengths of a list's words by their first two letters: bit `n` of entry [`shape_index`]
/// is set when a member of `n` bytes opens with those letters. A word whose shape no member
/// has is ruled out without hashing it.
#[derive(Clone, Copy)]
struct Shapes([u32; 26 * 26]);

impl Shapes {
    /// No member yet.
    const EMPTY: Shapes = Shapes([0; 26 * 26]);

    /// Note the shape of member `w` (words without a shape are never ruled out).
    const fn add(&mut self, w: &[u8]) {
        if let Some(at) = shape_index(w) {
            self.0[at] |= 1 << w.len();
        }
    }

    /// Whether no member has `w`'s shape, so `w` is no member.
    fn rules_out(&self, w: &[u8]) -> bool {
        shape_index(w).and_then(|at| self.0.get(at)).is_some_and(|bits| bits & (1 << w.len()) == 0)
    }
}

/// A set of folded words that rules out most words it does not hold without hashing them
/// ([`Shapes`]).
pub(crate) struct WordSet {
    shapes: Shapes,
    words: HashSet<&'static str>,
}

impl WordSet {
    fn new(words: &[&'static str]) -> Self {
        let mut shapes = Shapes::EMPTY;
        for w in words {
            shapes.add(w.as_bytes());
        }
        WordSet { shapes, words: words.iter().copied().collect() }
    }

    /// Whether `word` is a member.
    pub(crate) fn contains(&self, word: &str) -> bool {
        !self.shapes.rules_out(word.as_bytes()) && self.words.contains(word)
    }
}

/// Speech and attribution verbs: every inflected form maps to its lemma. Forms that are
/// mostly nouns in news ("note", "claims", "report") are left out on purpose.
const CUE_TABLE: &[(&str, &[&str])] = &[
    ("say", &["say", "says", "said", "saying"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("add", &["adds", "added", "adding"]),
    ("note", &["notes", "noted", "noting"]),
    ("warn", &["warn", "warns", "warned", "warning"]),
    ("stress", &["stresses", "stressed", "stressing"]),
    (
        "emphasize",
        &[
            "emphasize",
            "emphasizes",
            "emphasized",
            "emphasizing",
            "emphasise",
            "emphasises",
            "emphasised",
            "emphasising",
        ],
    ),
    ("conclude", &["concludes", "concluded", "concluding"]),
    ("urge", &["urge", "urges", "urged", "urging"]),
    ("call", &["called", "calling"]),
    ("order", &["ordered", "ordering"]),
    ("demand", &["demanded", "demanding"]),
    ("ask", &["asks", "asked", "asking"]),
    ("insist", &["insist", "insists", "insisted", "insisting"]),
    ("claim", &["claimed", "claiming"]),
    ("allege", &["alleges", "alleged", "alleging"]),
    ("argue", &["argue", "argues", "argued", "arguing"]),
    ("accuse", &["accuses", "accused", "accusing"]),
    ("describe", &["describes", "described", "describing"]),
    ("write", &["writes", "wrote", "writing"]),
    ("tweet", &["tweeted", "tweeting"]),
    ("post", &["posted"]),
    ("state", &["stated", "stating"]),
    ("announce", &["announces", "announced", "announcing"]),
    ("declare", &["declares", "declared", "declaring"]),
    ("vow", &["vows", "vowed", "vowing"]),
    ("pledge", &["pledged", "pledging"]),
    ("promise", &["promised"]),
    ("threaten", &["threatens", "threatened", "threatening"]),
    ("reiterate", &["reiterates", "reiterated", "reiterating"]),
    ("explain", &["explains", "explained", "explaining"]),
    ("recall", &["recalls", "recalled", "recalling"]),
    ("acknowledge", &["acknowledges", "acknowledged", "acknowledging"]),
    ("admit", &["admits", "admitted", "admitting"]),
    ("deny", &["denies", "denied", "denying"]),
    ("confirm", &["confirms", "confirmed", "confirming"]),
    ("believe", &["believe", "believes", "believed"]),
    ("think", &["think", "thinks", "thought"]),
    ("consider", &["consider", "considers", "considered"]),
    ("hope", &["hopes", "hoped", "hoping"]),
    ("maintain", &["maintains", "maintained", "maintaining"]),
    ("observe", &["observes", "observed", "observing"]),
    ("comment", &["commented", "commenting"]),
    ("remark", &["remarked", "remarking"]),
    ("respond", &["responds", "responded", "responding"]),
    ("reply", &["replies", "replied", "replying"]),
    ("answer", &["answered"]),
    ("suggest", &["suggests", "suggested", "suggesting"]),
    ("predict", &["predicts", "predicted", "predicting"]),
    ("caution", &["cautions", "cautioned", "cautioning"]),
    ("assert", &["asserts", "asserted", "asserting"]),
    ("contend", &["contends", "contended", "contending"]),
    ("charge", &["charged"]),
    ("condemn", &["condemns", "condemned", "condemning"]),
    ("highlight", &["highlighted", "highlighting"]),
    ("underline", &["underlined", "underlining"]),
    ("underscore", &["underscored", "underscoring"]),
    ("mention", &["mentioned", "mentioning"]),
    ("complain", &["complains", "complained", "complaining"]),
    ("lament", &["laments", "lamented", "lamenting"]),
    ("concede", &["concedes", "conceded", "conceding"]),
    ("affirm", &["affirms", "affirmed", "affirming", "reaffirmed", "reaffirming", "reaffirms"]),
    ("assure", &["assured", "assuring"]),
    ("report", &["reported"]),
    ("plead", &["pleaded", "pleading"]),
    ("appeal", &["appealed"]),
    ("blame", &["blamed", "blaming"]),
    ("criticize", &["criticised", "criticized", "criticising", "criticizing"]),
    ("dismiss", &["dismissed"]),
    ("reject", &["rejected"]),
    ("welcome", &["welcomed"]),
    ("praise", &["praised"]),
    ("term", &["termed"]),
    ("label", &["labelled", "labeled"]),
    ("brand", &["branded"]),
    ("exclaim", &["exclaimed"]),
    ("shout", &["shouted"]),
    ("cry", &["cried"]),
    ("quip", &["quipped"]),
    ("recount", &["recounted", "recounting"]),
    ("point", &["pointed"]),
    ("express", &["expressed", "expressing"]),
    ("feel", &["feels", "felt"]),
    ("continue", &["continued"]),
    ("agree", &["agreed"]),
    ("testify", &["testified"]),
    ("brief", &["briefed"]),
    ("inform", &["informed"]),
    ("convey", &["conveyed", "conveying"]),
    ("read", &["reads", "read"]),
    ("clarify", &["clarifies", "clarified", "clarifying"]),
    ("question", &["questioned"]),
    ("wonder", &["wondered"]),
    ("retort", &["retorted"]),
    ("counter", &["countered"]),
];

static CUES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for (lemma, forms) in CUE_TABLE {
        for f in *forms {
            m.insert(*f, *lemma);
        }
    }
    m
});

/// The shapes of the cue forms, computed at compile time from [`CUE_TABLE`].
const CUE_SHAPES: Shapes = {
    let mut shapes = Shapes::EMPTY;
    let mut i = 0;
    while i < CUE_TABLE.len() {
        let forms = CUE_TABLE[i].1;
        let mut j = 0;
        while j < forms.len() {
            shapes.add(forms[j].as_bytes());
            j += 1;
        }
        i += 1;
    }
    shapes
};

/// Where a word's first two letters sit in a table of [`Shapes`]:
/// `None` when the word is shorter than two bytes, 32 bytes or longer, or does not open with
/// two ASCII lower-case letters.
const fn shape_index(b: &[u8]) -> Option<usize> {
    if let [f, s, ..] = *b
        && b.len() < 32
        && f.is_ascii_lowercase()
        && s.is_ascii_lowercase()
    {
        Some((f - b'a') as usize * 26 + (s - b'a') as usize)
    } else {
        None
    }
}

/// The lemma of a cue verb form (`"told"` → `"tell"`).
#[inline]
pub(crate) fn cue_lemma(folded: &str) -> Option<&'static str> {
    if CUE_SHAPES.rules_out(folded.as_bytes()) {
        return None;
    }
    CUES.get(folded).copied()
}

/// Words that may stand between a subject and its cue verb ("also", "has", "does not").
static ADVERBS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "also",
        "further",
        "furthermore",
        "then",
        "once",
        "again",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "will",
        "would",
        "did",
        "does",
        "do",
        "not",
        "never",
        "just",
        "too",
        "even",
        "still",
        "first",
        "later",
        "earlier",
        "only",
        "soon",
        "yet",
        "both",
        "all",
        "himself",
        "herself",
        "themselves",
        "itself",
        "had",
        "been",
        "n't",
        "may",
        "might",
        "could",
        "should",
        "can",
        "must",
        "subsequently",
        "initially",
        "recently",
        "previously",
        "reportedly",
    ])
});

/// Nouns ending in -ly that are not adverbs.
static LY_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "assembly", "ally", "family", "rally", "supply", "monopoly", "anomaly", "bully", "belly", "jelly",
        "lily", "folly", "july", "italy", "reply", "homily", "daily", "weekly", "monthly",
    ])
});

/// True for an adverb or auxiliary that may sit between a subject and its cue verb.
pub(crate) fn is_adverb(folded: &str) -> bool {
    ADVERBS.contains(folded)
        || (folded.len() > 4
            && folded.ends_with("ly")
            && folded.chars().all(|c| c.is_alphabetic())
            && !LY_NOUNS.contains(folded))
}

static DETERMINERS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "one",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many",
        "another", "each", "every", "both", "most", "other", "few", "various", "numerous", "multiple",
    ])
});

/// Determiners and numerals that open a noun phrase.
pub(crate) fn is_determiner(folded: &str) -> bool {
    DETERMINERS.contains(folded) || folded.chars().all(|c| c.is_ascii_digit())
}

/// Definite determiners: a phrase opened by one refers back ("the official").
pub(crate) fn is_definite(folded: &str) -> bool {
    matches!(folded, "the" | "this" | "that" | "these" | "those")
}

static PRONOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["he", "she", "they", "we", "it", "i", "him", "her", "them", "us"]));

/// Personal pronouns that can be the subject of a cue verb.
pub(crate) fn is_pronoun(folded: &str) -> bool {
    PRONOUNS.contains(folded)
}

/// Function words: a noun phrase never runs through one of these.
static STOP: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "than",
        "when",
        "while",
        "after",
        "before",
        "because",
        "since",
        "if",
        "but",
        "and",
        "or",
        "nor",
        "not",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "do",
        "does",
        "did",
        "it",
        "its",
        "this",
        "these",
        "those",
        "there",
        "their",
        "they",
        "he",
        "she",
        "we",
        "i",
        "you",
        "his",
        "her",
        "them",
        "him",
        "us",
        "me",
        "also",
        "so",
        "such",
        "very",
        "more",
        "less",
        "into",
        "over",
        "under",
        "about",
        "against",
        "between",
        "through",
        "during",
        "without",
        "within",
        "across",
        "toward",
        "towards",
        "upon",
        "amid",
        "among",
        "despite",
        "per",
        "via",
        "like",
        "unlike",
        "whether",
        "where",
        "what",
        "how",
        "why",
        "all",
        "any",
        "each",
        "either",
        "neither",
        "no",
        "yes",
        "only",
        "just",
        "even",
        "still",
        "yet",
        "then",
        "now",
        "here",
        "out",
        "up",
        "down",
        "off",
        "again",
        "further",
        "the",
        "a",
        "an",
        "said",
        "told",
        "according",
        "however",
        "although",
        "though",
        "unless",
        "until",
        "once",
        "whereas",
        "around",
        "near",
        "inside",
        "outside",
        "behind",
        "beyond",
        "above",
        "below",
        "except",
        "including",
        "following",
        "regarding",
        "concerning",
        "not",
        "never",
        "too",
    ])
});

/// Words that name a news outlet's kind ("the daily Dawn", "news agency X").
pub(crate) fn is_outlet_word(folded: &str) -> bool {
    OUTLET_WORDS.contains(&folded)
}

const OUTLET_WORDS: &[&str] =
    &["daily", "newspaper", "broadcaster", "outlet", "tabloid", "weekly", "channel", "agency"];

/// [`is_outlet_word`] of a word as written: an ASCII word is compared without folding, any
/// other is folded into `buf` first.
pub(crate) fn is_outlet_word_as_written(word: &str, buf: &mut String) -> bool {
    if word.is_ascii() {
        return OUTLET_WORDS.iter().any(|o| word.eq_ignore_ascii_case(o));
    }
    buf.clear();
    fold_into(word, buf);
    is_outlet_word(buf)
}

/// Words that make a name a news medium ("Xinhua news agency", "state television", "Radio
/// Kabul"): [`is_outlet_word`] without "agency", which also names government bodies.
pub(crate) fn is_news_word(folded: &str) -> bool {
    folded != "agency" && is_outlet_word(folded) || matches!(folded, "news" | "television" | "tv" | "radio")
}

/// Verbs that give something a name rather than report words ("called it", "dubbed").
pub(crate) fn is_naming_verb(folded: &str) -> bool {
    const NAMING: &[&str] = &[
        "call",
        "calls",
        "called",
        "calling",
        "dub",
        "dubs",
        "dubbed",
        "term",
        "terms",
        "termed",
        "terming",
        "brand",
        "brands",
        "branded",
        "branding",
        "label",
        "labels",
        "labelled",
        "labeled",
        "labelling",
        "labeling",
        "describe",
        "describes",
        "described",
        "describing",
        "name",
        "names",
        "named",
        "characterised",
        "characterized",
        "characterising",
        "characterizing",
    ];
    NAMING.contains(&folded)
}

/// Articles and possessives that make the next quoted words a noun label ("a “fig leaf”").
pub(crate) fn is_label_article(folded: &str) -> bool {
    matches!(folded, "a" | "an" | "the" | "its" | "their" | "his" | "her" | "this" | "that" | "so-called")
}

/// True for a function word.
pub(crate) fn is_stop(folded: &str) -> bool {
    STOP.contains(folded)
}

/// Capitalised words that open sentences but never names ("Meanwhile", "However", weekdays).
static STOP_CAPS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "meanwhile",
        "however",
        "but",
        "and",
        "also",
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "following",
        "last",
        "this",
        "that",
        "these",
        "those",
        "when",
        "while",
        "since",
        "as",
        "according",
        "additionally",
        "furthermore",
        "moreover",
        "separately",
        "earlier",
        "later",
        "today",
        "yesterday",
        "tomorrow",
        "then",
        "still",
        "yet",
        "so",
        "thus",
        "now",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "jan.",
        "feb",
        "feb.",
        "mar",
        "mar.",
        "apr",
        "apr.",
        "jun",
        "jun.",
        "jul",
        "jul.",
        "aug",
        "aug.",
        "sep",
        "sep.",
        "sept",
        "sept.",
        "oct",
        "oct.",
        "nov",
        "nov.",
        "dec",
        "dec.",
        "speaking",
        "asked",
        "addressing",
        "responding",
        "instead",
        "firstly",
        "secondly",
        "thirdly",
        "fourth",
        "fourthly",
        "finally",
        "similarly",
        "ultimately",
        "arguably",
        "seemingly",
        "previously",
        "both",
        "many",
        "some",
        "several",
        "other",
        "most",
        "all",
        "few",
        "it",
        "there",
        "here",
        "why",
        "what",
        "how",
        "who",
        "where",
        "which",
        "if",
        "though",
        "although",
        "despite",
        "with",
        "without",
        "for",
        "from",
        "by",
        "to",
        "of",
        "under",
        "over",
        "among",
        "amid",
        "against",
        "through",
        "into",
        "nonetheless",
        "nevertheless",
        "indeed",
        "overall",
        "notably",
        "importantly",
        "clearly",
        "even",
        "just",
        "only",
        "not",
        "no",
        "yes",
        "we",
        "i",
        "you",
        "they",
        "he",
        "she",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "the",
        "a",
        "an",
        "such",
        "one",
        "two",
        "three",
        "given",
        "because",
        "once",
        "whether",
        "unless",
        "until",
        "every",
        "each",
        "any",
        "another",
        "more",
        "less",
        "once",
        "first",
        "second",
        "third",
        "next",
        "recently",
        "currently",
        "already",
        "again",
        "perhaps",
        "maybe",
        "likewise",
        "otherwise",
        "hence",
        "therefore",
        "accordingly",
        "consequently",
        "specifically",
        "particularly",
        "especially",
        "reportedly",
        "officially",
        "publicly",
        "privately",
        "mr",
        "mrs",
        "ms",
    ])
});

/// Honorifics written as part of a personal name in South and Central Asian usage.
pub(crate) fn is_honorific(folded: &str) -> bool {
    matches!(
        folded,
        "haji"
            | "hajji"
            | "mullah"
            | "mulla"
            | "maulana"
            | "maulvi"
            | "mawlawi"
            | "qari"
            | "sheikh"
            | "mufti"
            | "mian"
            | "khawaja"
            | "khwaja"
            | "pir"
            | "syed"
            | "sayed"
    )
}

/// A month written short without its full stop ("jan", "sept"), folded: a stop word before a
/// day ("Jan 6") but also a part of names ("Khan Jan").
pub(crate) fn is_month_abbreviation(folded: &str) -> bool {
    matches!(
        folded,
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
    )
}

/// True for a capitalised word that opens sentences but is never part of a name.
pub(crate) fn is_stop_cap(folded: &str) -> bool {
    STOP_CAPS.contains(folded)
}

/// Titles and role words that precede a person's name ("Defense Minister", "Lt. Gen.").
static ROLE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "minister",
        "ministers",
        "secretary",
        "president",
        "vice",
        "chief",
        "staff",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spox",
        "gen",
        "gen.",
        "general",
        "lt",
        "lt.",
        "lieutenant",
        "col",
        "col.",
        "colonel",
        "maj",
        "maj.",
        "major",
        "brig",
        "brig.",
        "brigadier",
        "brig.-gen.",
        "brig-gen",
        "lt.-gen.",
        "maj.-gen.",
        "capt",
        "capt.",
        "captain",
        "sgt",
        "sgt.",
        "sergeant",
        "admiral",
        "adm",
        "adm.",
        "marshal",
        "commander",
        "director",
        "director-general",
        "dg",
        "pm",
        "chargé",
        "charge",
        "d’affaires",
        "d'affaires",
        "fm",
        "cm",
        "coas",
        "dig",
        "sho",
        "dpo",
        "ssp",
        "ambassador",
        "envoy",
        "governor",
        "gov.",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "mayor",
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "head",
        "leader",
        "premier",
        "pm",
        "deputy",
        "adviser",
        "advisor",
        "emir",
        "amir",
        "mullah",
        "mufti",
        "maulana",
        "maulvi",
        "sheikh",
        "shaikh",
        "imam",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "professor",
        "justice",
        "judge",
        "king",
        "queen",
        "prince",
        "foreign",
        "defence",
        "defense",
        "interior",
        "affairs",
        "information",
        "finance",
        "retired",
        "former",
        "acting",
        "army",
        "air",
        "navy",
        "inspector",
        "inspector-general",
        "superintendent",
        "officer",
        "commissioner",
        "caretaker",
        "federal",
        "provincial",
        "security",
        "correspondent",
        "editor",
        "founder",
        "ceo",
        "executive",
        "coordinator",
        "attorney",
        "attorney-general",
        "chancellor",
        "lawmaker",
        "mp",
        "mna",
        "mpa",
        "senior",
        "state",
        "home",
        "planning",
        "commerce",
        "trade",
        "analyst",
        "expert",
        "researcher",
        "fellow",
        "economist",
        "scholar",
        "activist",
        "ex",
        "supreme",
        "prime",
        "marshal",
        "field",
        "gen.-",
        "haji",
        "qari",
        "hafiz-ul",
        "sir",
        "lord",
        "crown",
        "sultan",
        "president-elect",
        "premier",
        "ayatollah",
        "cardinal",
        "pope",
        "bishop",
        "father",
        "rev.",
        "reverend",
        "ruler",
        "emissary",
        "negotiator",
        "mediator",
        "special",
        "councillor",
        "councilor",
        "coach",
        "manager",
        "mp.",
        "superintendent",
        "inspector",
        "constable",
    ])
});

/// True for a title or role word.
pub(crate) fn is_role_word(folded: &str) -> bool {
    ROLE_WORDS.contains(folded)
        || (folded.ends_with('.') && ROLE_WORDS.contains(folded.trim_end_matches('.')))
}

/// Nouns that head a description of a person or group of people ("a senior official").
static PERSON_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespersons",
        "spokespeople",
        "spox",
        "source",
        "sources",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "diplomat",
        "diplomats",
        "officer",
        "officers",
        "commander",
        "commanders",
        "minister",
        "ministers",
        "resident",
        "residents",
        "witness",
        "witnesses",
        "villager",
        "villagers",
        "man",
        "men",
        "woman",
        "women",
        "people",
        "person",
        "leader",
        "leaders",
        "member",
        "members",
        "lawmaker",
        "lawmakers",
        "senator",
        "senators",
        "legislator",
        "legislators",
        "activist",
        "activists",
        "researcher",
        "researchers",
        "professor",
        "observer",
        "observers",
        "survivor",
        "survivors",
        "relative",
        "relatives",
        "doctor",
        "doctors",
        "physician",
        "nurse",
        "police",
        "policeman",
        "policemen",
        "soldier",
        "soldiers",
        "fighter",
        "fighters",
        "militant",
        "militants",
        "elder",
        "elders",
        "cleric",
        "clerics",
        "student",
        "students",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "envoy",
        "envoys",
        "ambassador",
        "negotiator",
        "negotiators",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "aide",
        "aides",
        "insider",
        "insiders",
        "representative",
        "representatives",
        "chief",
        "head",
        "director",
        "president",
        "governor",
        "mayor",
        "general",
        "colonel",
        "farmer",
        "farmers",
        "trader",
        "traders",
        "shopkeeper",
        "driver",
        "worker",
        "workers",
        "father",
        "mother",
        "brother",
        "sister",
        "son",
        "daughter",
        "wife",
        "husband",
        "teacher",
        "teachers",
        "victim",
        "victims",
        "commentator",
        "commentators",
        "scholar",
        "scholars",
        "economist",
        "economists",
        "correspondent",
        "editor",
        "specialist",
        "specialists",
        "veteran",
        "veterans",
        "mediator",
        "mediators",
        "investigator",
        "investigators",
        "prosecutor",
        "prosecutors",
        "lawyer",
        "lawyers",
        "attorney",
        "judge",
        "judges",
        "secretary",
        "chairman",
        "deputy",
        "premier",
        "officer",
        "counterpart",
        "host",
        "organizer",
        "organizers",
        "organiser",
        "organisers",
        "protester",
        "protesters",
        "eyewitness",
        "eyewitnesses",
        "citizen",
        "citizens",
        "refugee",
        "refugees",
        "parent",
        "parents",
        "mourner",
        "mourners",
        "guard",
        "guards",
        "rescuer",
        "rescuers",
        "paramedic",
        "paramedics",
        "medic",
        "medics",
        "engineer",
        "engineers",
        "businessman",
        "critic",
        "critics",
        "supporter",
        "supporters",
        "opponent",
        "opponents",
        "someone",
        "spokesmen",
        "insurgent",
        "coach",
        "manager",
        "councillor",
        "councilor",
        "headteacher",
        "owner",
        "engineer",
        "engineers",
        "pilot",
        "pilots",
        "author",
        "writer",
        "founder",
        "owner",
        "chef",
        "nun",
        "priest",
        "insurgents",
        "rebel",
        "rebels",
        "defender",
    ])
});

/// True for a noun that heads a description of a person ("official", "residents").
pub(crate) fn is_person_head(folded: &str) -> bool {
    PERSON_HEADS.contains(strip_possessive(folded))
}

/// Nouns that head the name of an organisation ("Ministry", "Wing", "Committee").
static INSTITUTION_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "ministry",
        "hospital",
        "clinic",
        "office",
        "department",
        "government",
        "military",
        "army",
        "wing",
        "embassy",
        "council",
        "committee",
        "group",
        "agency",
        "commission",
        "organisation",
        "organization",
        "authority",
        "authorities",
        "administration",
        "movement",
        "party",
        "front",
        "forces",
        "force",
        "court",
        "assembly",
        "parliament",
        "cabinet",
        "bureau",
        "service",
        "services",
        "relations",
        "command",
        "headquarters",
        "taliban",
        "broadcaster",
        "radio",
        "television",
        "tv",
        "news",
        "times",
        "post",
        "network",
        "institute",
        "center",
        "centre",
        "university",
        "foundation",
        "union",
        "nations",
        "bank",
        "fund",
        "corps",
        "emirate",
        "kingdom",
        "republic",
        "federation",
        "secretariat",
        "mission",
        "directorate",
        "division",
        "unit",
        "brigade",
        "battalion",
        "regiment",
        "team",
        "society",
        "association",
        "league",
        "alliance",
        "coalition",
        "watch",
        "press",
        "media",
        "channel",
        "daily",
        "newspaper",
        "outlet",
        "state",
        "states",
        "police",
        "navy",
        "senate",
        "congress",
        "company",
        "firm",
        "council",
        "board",
        "panel",
        "tribunal",
        "presidency",
        "palace",
        "house",
        "department",
        "monitor",
        "observatory",
        "regime",
        "junta",
        "militia",
        "faction",
        "organisation",
        "group's",
        "jirga",
        "shura",
        "police's",
        "ministry's",
        "government's",
        "army's",
        "military's",
        "pentagon",
        "kremlin",
        "secretariat",
        "tribune",
        "herald",
        "gazette",
        "journal",
        "agency's",
        "icrc",
        "unhcr",
        "unicef",
        "nato",
        "un",
        "eu",
        "governments",
        "countries",
        "ministries",
        "groups",
        "parties",
        "agencies",
        "organisations",
        "organizations",
        "officials'",
    ])
});

/// True for a noun that heads an organisation's name.
pub(crate) fn is_institution_head(folded: &str) -> bool {
    INSTITUTION_HEADS.contains(strip_possessive(folded))
}

/// Nouns that refer back to an organisation ("the group said", "the outfit claimed").
pub(crate) fn is_organisation_noun(folded: &str) -> bool {
    matches!(
        strip_possessive(folded),
        "group" | "outfit" | "organisation" | "organization" | "movement" | "militia" | "faction" | "network"
    )
}

/// The full title an abbreviation stands for ("pm" → "prime minister"), folded.
pub(crate) fn title_expansion(folded: &str) -> Option<&'static str> {
    Some(match folded.trim_end_matches('.') {
        "pm" => "prime minister",
        "fm" => "foreign minister",
        "cm" => "chief minister",
        "coas" => "chief of army staff",
        "dg" => "director general",
        "ig" | "igp" => "inspector general",
        "dig" => "deputy inspector general",
        "sho" => "station house officer",
        "dpo" => "district police officer",
        "ssp" => "senior superintendent",
        "dc" => "deputy commissioner",
        _ => return None,
    })
}

/// Nouns for documents that "say" things on an organisation's behalf ("the statement said").
pub(crate) fn is_docref_head(folded: &str) -> bool {
    matches!(
        strip_possessive(folded),
        "statement"
            | "report"
            | "communique"
            | "communiqué"
            | "release"
            | "readout"
            | "letter"
            | "memo"
            | "tweet"
            | "message"
            | "notice"
            | "declaration"
            | "resolution"
            | "post"
            | "announcement"
            | "notification"
            | "circular"
            | "document"
            | "bulletin"
    )
}

/// Countries, capitals and regions that speak as states in the news ("Kabul said").
static STATES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "pakistan",
        "afghanistan",
        "india",
        "china",
        "iran",
        "russia",
        "us",
        "u.s.",
        "usa",
        "america",
        "united states",
        "uk",
        "u.k.",
        "britain",
        "united kingdom",
        "france",
        "germany",
        "turkey",
        "türkiye",
        "qatar",
        "saudi arabia",
        "uae",
        "israel",
        "egypt",
        "japan",
        "uzbekistan",
        "tajikistan",
        "turkmenistan",
        "kazakhstan",
        "kyrgyzstan",
        "bangladesh",
        "nepal",
        "sri lanka",
        "ukraine",
        "syria",
        "iraq",
        "yemen",
        "jordan",
        "lebanon",
        "oman",
        "kuwait",
        "bahrain",
        "islamabad",
        "kabul",
        "delhi",
        "new delhi",
        "beijing",
        "tehran",
        "moscow",
        "washington",
        "london",
        "paris",
        "berlin",
        "ankara",
        "doha",
        "riyadh",
        "tokyo",
        "brussels",
        "geneva",
        "dhaka",
        "kremlin",
        "pentagon",
        "whitehall",
        "the west",
        "europe",
        "nato",
        "un",
        "eu",
        "sco",
        "saarc",
        "asean",
    ])
});

/// True for a country, capital or bloc name.
pub(crate) fn is_state(folded: &str) -> bool {
    STATES.contains(strip_possessive(folded))
}

/// Words just before a quotation mark that introduce a label, not speech ("so-called").
pub(crate) fn is_label_introducer(folded: &str) -> bool {
    matches!(
        folded,
        "so-called"
            | "dubbed"
            | "titled"
            | "entitled"
            | "nicknamed"
            | "codenamed"
            | "code-named"
            | "headlined"
            | "slogan"
            | "hashtag"
            | "motto"
            | "banner"
    )
}

/// Nouns for works and named things whose titles are quoted ("the report “…”").
pub(crate) fn is_work_noun(folded: &str) -> bool {
    matches!(
        folded,
        "book"
            | "film"
            | "movie"
            | "report"
            | "article"
            | "documentary"
            | "song"
            | "poem"
            | "novel"
            | "column"
            | "op-ed"
            | "editorial"
            | "programme"
            | "program"
            | "show"
            | "series"
            | "campaign"
            | "operation"
            | "titled"
            | "entitled"
            | "headlined"
            | "paper"
            | "study"
            | "album"
            | "play"
            | "essay"
            | "podcast"
            | "slogan"
            | "headline"
    )
}

/// Abbreviations that end with a full stop inside a sentence ("Gen.", "Mr.", "U.S.").
pub(crate) fn is_abbreviation(word: &str) -> bool {
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    matches!(
        word,
        "Gen"
            | "Lt"
            | "Col"
            | "Maj"
            | "Brig"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Rev"
            | "St"
            | "Jr"
            | "Sr"
            | "Hon"
            | "vs"
            | "etc"
            | "Inc"
            | "Corp"
            | "Ltd"
            | "Co"
            | "Jan"
            | "Feb"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "approx"
            | "Mt"
            | "Ft"
            | "Gens"
            | "Cmdr"
            | "Supt"
            | "Insp"
            | "Dept"
            | "Govt"
            | "Pvt"
            | "Cpl"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_pre_check_never_hides_a_member() {
        let words = [
            "official",
            "officials",
            "al-",
            "x",
            "gen.",
            "é-word",
            "a-very-long-compound-word-of-many-letters",
        ];
        let set = WordSet::new(&words);
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        // Same first letters, other length; same length, other letters; shapes out of the table.
        for w in ["offic", "officialss", "xfficial", "", "y", "Official", "é-wore", "al-x"] {
            assert!(!set.contains(w), "{w}");
        }
        // Every member of the real lists passes its own pre-check.
        for list in [&*ROLE_WORDS, &*PERSON_HEADS, &*INSTITUTION_HEADS, &*STOP, &*STOP_CAPS, &*STATES] {
            for w in list.words.iter() {
                assert!(list.contains(w), "{w}");
            }
        }
    }

    #[test]
    fn folding_and_lookups() {
        assert_eq!(fold("Pakistan’s"), "pakistan's");
        assert_eq!(cue_lemma("told"), Some("tell"));
        assert_eq!(cue_lemma("adding"), Some("add"));
        assert_eq!(cue_lemma("note"), None, "a noun more often than a verb");
        // The shape pre-check never rules out a real form.
        for (form, lemma) in CUES.iter() {
            assert_eq!(cue_lemma(form), Some(*lemma), "{form}");
        }
        assert_eq!(cue_lemma("zzz"), None);
        assert_eq!(cue_lemma(""), None);
        assert!(is_adverb("collectively"));
        assert!(!is_adverb("assembly"));
        assert!(is_role_word("gen."));
        let mut buf = String::new();
        for (word, outlet) in
            [("Daily", true), ("BROADCASTER", true), ("Agency’s", false), ("dailies", false)]
        {
            assert_eq!(is_outlet_word_as_written(word, &mut buf), outlet, "{word}");
            assert_eq!(is_outlet_word_as_written(word, &mut buf), is_outlet_word(&fold(word)), "{word}");
        }
        assert!(is_person_head("officials"));
        assert!(is_institution_head("ministry's"));
        assert!(is_abbreviation("U.S"));
        assert!(is_abbreviation("Gen"));
        assert!(!is_abbreviation("said"));
    }
}
