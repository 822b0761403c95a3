//! Canonical speakers: one name per person within a document ("Shaheen" → "Mohammed Suhail
//! Shaheen") and across the corpus, one name per institution whatever alias the text uses
//! ("Armed Forces Media Wing" → "ISPR"), and the speaker index shown by the GUI.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::Quote;
use super::actors::canonical_actor;
use super::quotes::lexicon::{
    fold, fold_into, is_institution_head, is_person_head, is_role_word, is_state, is_stop_cap,
    strip_possessive,
};

/// What kind of speaker a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organisation, government body or state.
    Institution,
    /// A description of an unnamed person ("senior intelligence official").
    Anonymous,
    /// No speaker found.
    Unknown,
}

/// One speaker in the corpus: who is quoted, how often, in which documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerEntry {
    /// Canonical name.
    pub name: String,
    /// Person, institution or anonymous source.
    pub kind: SpeakerKind,
    /// The role or affiliation most often given with the name.
    pub role: Option<String>,
    /// Number of quotes.
    pub count: usize,
    /// Ids of the documents quoting the speaker, in first-seen order.
    pub docs: Vec<String>,
}

/// Built-in aliases for institutions the actor lexicon may not know.
fn builtin_alias(folded: &str) -> Option<&'static str> {
    const ISPR: &[&str] = &[
        "inter-services public relations",
        "inter services public relations",
        "armed forces media wing",
        "military media wing",
        "military's media wing",
        "army's media wing",
        "army media wing",
    ];
    let f = folded.trim_start_matches("the ");
    if f == "ispr" || ISPR.iter().any(|a| f.contains(a)) {
        return Some("ISPR");
    }
    None
}

fn is_acronym(word: &str) -> bool {
    let w = strip_possessive(word);
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '.' || c.is_ascii_digit())
}

/// Classify a (canonical or as-written) speaker name.
pub fn classify(name: &str) -> SpeakerKind {
    let name = name.trim();
    if name.is_empty() {
        return SpeakerKind::Unknown;
    }
    let folded = fold(name);
    if builtin_alias(&folded).is_some() || is_state(&folded) {
        return SpeakerKind::Institution;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(last) = words.last() else { return SpeakerKind::Unknown };
    if name.chars().next().is_some_and(|c| c.is_lowercase()) {
        let head = fold(last);
        return if is_institution_head(&head) && !is_person_head(&head) {
            SpeakerKind::Institution
        } else {
            SpeakerKind::Anonymous
        };
    }
    // One buffer for every folded word below.
    let mut buf = String::new();
    if words.iter().any(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase()) && {
            buf.clear();
            fold_into(w, &mut buf);
            is_institution_head(&buf)
        }
    }) {
        return SpeakerKind::Institution;
    }
    if words.len() == 1 && is_acronym(last) {
        return SpeakerKind::Institution;
    }
    // Lists of one-word names are states or bodies ("Norway, Chile and Kenya"); people are
    // listed with full names.
    let (mut items, mut all_bodies) = (0usize, true);
    for p in name.split([',', '&']).flat_map(|p| p.split(" and ")) {
        buf.clear();
        fold_into(p.trim(), &mut buf);
        if buf.is_empty() {
            continue;
        }
        items += 1;
        all_bodies &= is_state(&buf) || is_acronym(&buf) || !buf.contains(' ');
    }
    if items > 1 && all_bodies {
        return SpeakerKind::Institution;
    }
    if canonical_actor(name).is_some() && words.len() == 1 {
        return SpeakerKind::Institution;
    }
    // Spellings of militant movements the lexicon does not list ("Tehreek-e-Taliban-e-Pakistan").
    if ["taliban", "tehreek", "tehrik", "lashkar", "jaish", "harkat", "hizb", "mujahideen"]
        .iter()
        .any(|k| folded.contains(k))
    {
        return SpeakerKind::Institution;
    }
    SpeakerKind::Person
}

/// Canonical name of an institution: the actor lexicon's, a built-in alias, or the name as
/// written without its article ("Pakistan’s Ministry of …" → "Pakistan Ministry of …").
pub fn canonical_institution(name: &str) -> String {
    let mut n = name.trim();
    for d in ["the ", "The "] {
        if let Some(r) = n.strip_prefix(d) {
            n = r.trim();
        }
    }
    // "the banned Baloch Liberation Army": the ban is the article's comment, not the name.
    for d in ["banned ", "outlawed ", "proscribed ", "defunct "] {
        if let Some(r) = n.strip_prefix(d) {
            n = r.trim();
        }
    }
    if let Some(c) = builtin_alias(&fold(n)) {
        return c.to_string();
    }
    // The actor lexicon's name, unless it would drop the head noun the text uses ("Taliban
    // government" stays; "Inter-Services Intelligence" → "ISI", "the TTP" → "TTP").
    if let Some(c) = canonical_actor(n) {
        let head = fold(strip_possessive(n.split_whitespace().last().unwrap_or("")));
        let keeps_head = fold(c).split_whitespace().any(|w| w == head);
        if keeps_head || is_acronym(n) || n.split_whitespace().count() >= 3 && is_acronym(c) {
            return c.to_string();
        }
    }
    let mut words: Vec<&str> = n.split_whitespace().collect();
    if words.len() > 1
        && words.get(1).is_some_and(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && let Some(first) = words.first_mut()
    {
        *first = strip_possessive(first);
    }
    words.join(" ")
}

/// An institution's name with its acronym when it has one ("Counter Terrorism Department
/// (CTD)"): the actor lexicon's acronym alias, or the one the text gives in brackets right
/// after the name as `written`. Readers meet both forms in the news.
pub fn with_acronym(canonical: &str, written: &str, text: &str) -> String {
    if is_acronym(canonical) {
        // "BLA" → "Balochistan Liberation Army (BLA)": the lexicon's spelled-out alias.
        return match lexicon_expansion(canonical) {
            Some(long) => format!("{long} ({canonical})"),
            None => canonical.to_string(),
        };
    }
    if canonical.ends_with(')') {
        return canonical.to_string();
    }
    if let Some(acr) = lexicon_acronym(canonical) {
        return format!("{canonical} ({acr})");
    }
    let written = written.trim();
    let written = written.strip_prefix("the ").or_else(|| written.strip_prefix("The ")).unwrap_or(written);
    if written.split_whitespace().count() >= 2
        // (memchr's vectorised search: the whole article is scanned once per such name.)
        && let Some(at) = memchr::memmem::find(text.as_bytes(), format!("{written} (").as_bytes())
        && let Some(rest) = text.get(at + written.len() + 2..)
        && let Some(close) = rest.find(')')
        && let Some(acr) = rest.get(..close)
        && is_acronym(acr)
    {
        return format!("{canonical} ({acr})");
    }
    canonical.to_string()
}

/// The spelled-out name of an acronym the actor lexicon uses as a canonical name: the first
/// alias whose initials are the acronym ("BLA" → "Balochistan Liberation Army").
fn lexicon_expansion(acronym: &str) -> Option<&'static str> {
    static LONG: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::LazyLock::new(|| {
            let mut m = rustc_hash::FxHashMap::default();
            for a in crate::extract::actors::all_actors() {
                if is_acronym(a.canonical)
                    && let Some(long) =
                        a.aliases.iter().find(|al| !is_acronym(al) && initials_match(a.canonical, al))
                {
                    m.entry(a.canonical).or_insert(*long);
                }
            }
            m
        });
    LONG.get(acronym).copied()
}

/// The actor lexicon's acronym for a canonical name: of the first entry with that name, the
/// first acronym alias made of the name's initials. Computed once for the whole lexicon.
fn lexicon_acronym(canonical: &str) -> Option<&'static str> {
    static ACRONYMS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Option<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let mut m = rustc_hash::FxHashMap::default();
            for a in crate::extract::actors::all_actors() {
                m.entry(a.canonical).or_insert_with(|| {
                    a.aliases.iter().find(|al| is_acronym(al) && initials_match(al, a.canonical)).copied()
                });
            }
            m
        });
    ACRONYMS.get(canonical).copied().flatten()
}

/// "CTD" for "Counter Terrorism Department": the acronym's letters are the initials of the
/// name's words (hyphenated parts count as words; "of", "the", "and", "for" may be skipped).
fn initials_match(acronym: &str, name: &str) -> bool {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    let words: Vec<String> =
        name.split([' ', '-']).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
    let all: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let content: String = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for"))
        .filter_map(|w| w.chars().next())
        .collect();
    letters.len() >= 2 && (letters == all || letters == content)
}

/// The last word of a name, folded, without a possessive.
fn surname_key(name: &str) -> String {
    name.split_whitespace().last().map(|w| fold(strip_possessive(w))).unwrap_or_default()
}

/// A capitalised word (folded) that can be part of a person's name: no title, sentence
/// opener, institution or state.
fn can_name_a_person(f: &str) -> bool {
    !is_role_word(f) && !is_stop_cap(f) && !is_institution_head(f) && !is_state(f)
}

/// Find a person's full name in a document from a surname: the first place where capitalised
/// given names precede it ("… Gen. Asim Munir …" → "Asim Munir"), with the appositive that
/// follows when there is one ("Name, the party’s spokesman, said" → "party’s spokesman").
pub(crate) fn full_name_in_text(text: &str, surname: &str) -> Option<(String, Option<String>)> {
    if surname.is_empty() || !surname.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    for pos in memchr::memmem::find_iter(text.as_bytes(), surname.as_bytes()) {
        let after = pos + surname.len();
        if text[after..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let mut from = pos.saturating_sub(120);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..pos];
        if !before.ends_with(' ') {
            continue;
        }
        let mut given: Vec<&str> = Vec::new();
        for w in before[..before.len() - 1].rsplit(' ') {
            let f = fold(w);
            let capital = w.chars().next().is_some_and(|c| c.is_uppercase());
            if !capital
                || w.contains('\n')
                || w.ends_with([',', '.', ';', ':', ')', '”', '"'])
                || !can_name_a_person(&f)
                || given.len() >= 3
            {
                break;
            }
            given.push(w);
        }
        if given.is_empty() {
            continue;
        }
        given.reverse();
        let full = format!("{} {}", given.join(" "), surname);
        let role = text[after..].strip_prefix(", ").and_then(|rest| {
            let first = rest.split_whitespace().next()?;
            let f = fold(first);
            let opens = matches!(f.as_str(), "a" | "an" | "the")
                || first.chars().next().is_some_and(|c| c.is_lowercase())
                || is_role_word(&f);
            if !opens {
                return None;
            }
            let end = rest.find([',', '.', ';', '\n']).unwrap_or(rest.len()).min(160);
            let mut end = end;
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            super::quotes::clean_role(&rest[..end])
        });
        return Some((full, role));
    }
    None
}

/// Find a person's full name in a document from a given name used alone ("Imran said" after
/// "Prime Minister Imran Khan"): the capitalised surname that follows it, when every place
/// the given name is followed by a capitalised name gives the same one.
pub(crate) fn given_name_in_text(text: &str, given: &str) -> Option<String> {
    if given.is_empty() || !given.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    let mut found: Option<String> = None;
    for pos in memchr::memmem::find_iter(text.as_bytes(), given.as_bytes()) {
        let starts_word =
            text.get(..pos).and_then(|b| b.chars().next_back()).is_none_or(|c| !c.is_alphanumeric());
        let Some(rest) = text.get(pos + given.len()..).and_then(|r| r.strip_prefix(' ')) else { continue };
        if !starts_word {
            continue;
        }
        let mut surname: Vec<&str> = Vec::new();
        for w in rest.split(char::is_whitespace).take(2) {
            let bare = w.trim_end_matches([',', '.', ';', ':', ')', '”', '"', '’', '\'']);
            let f = fold(strip_possessive(bare));
            let capital = bare.chars().next().is_some_and(|c| c.is_uppercase());
            if !capital
                || !bare.chars().all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
                || !can_name_a_person(&f)
            {
                break;
            }
            surname.push(strip_possessive(bare));
            if bare.len() != w.len() {
                break;
            }
        }
        if surname.is_empty() {
            continue;
        }
        let full = format!("{given} {}", surname.join(" "));
        match &found {
            Some(f) if *f != full => return None,
            _ => found = Some(full),
        }
    }
    found
}

/// Map each person name of a document to its fullest form: a longer name in `known` with the
/// same surname whose words include the short name's, else a full name found in the text.
#[cfg(test)]
pub(crate) fn resolve_person(name: &str, known: &[String], text: &str) -> (String, Option<String>) {
    resolve_known_person(name, &KnownNames::new(known), text)
}

/// Full person names of a document with their folded words, prepared once for
/// [`resolve_known_person`].
pub(crate) struct KnownNames<'a> {
    /// (name, folded words without possessives; the last is the surname key).
    names: Vec<(&'a str, Vec<String>)>,
}

impl<'a> KnownNames<'a> {
    /// Prepare the names.
    pub(crate) fn new(known: &'a [String]) -> Self {
        let names = known
            .iter()
            .map(|k| (k.as_str(), k.split_whitespace().map(|w| fold(strip_possessive(w))).collect()))
            .collect();
        KnownNames { names }
    }
}

/// [`resolve_person`] against prepared names.
pub(crate) fn resolve_known_person(name: &str, known: &KnownNames, text: &str) -> (String, Option<String>) {
    let words: Vec<String> = name.split_whitespace().map(|w| fold(strip_possessive(w))).collect();
    let key = words.last().map(String::as_str).unwrap_or("");
    let mut best: Option<(&str, usize)> = None;
    for (k, kw) in &known.names {
        if kw.len() > words.len()
            && kw.last().map(String::as_str).unwrap_or("") == key
            && words.iter().all(|w| kw.contains(w))
            && best.is_none_or(|(_, n)| n < kw.len())
        {
            best = Some((k, kw.len()));
        }
    }
    if let Some((b, _)) = best {
        return (b.to_string(), None);
    }
    // A first name used alone ("Jeeyand said") after the full name ("Jeeyand Baloch"): the one
    // known person it begins.
    if words.len() == 1 {
        let mut firsts =
            known.names.iter().filter(|(_, kw)| kw.len() >= 2 && kw.first().map(String::as_str) == Some(key));
        if let (Some((k, _)), None) = (firsts.next(), firsts.next()) {
            return (k.to_string(), None);
        }
    }
    if words.len() == 1
        && let Some(last) = name.split_whitespace().last()
        && let Some((full, role)) = full_name_in_text(text, strip_possessive(last))
    {
        return (full, role);
    }
    if words.len() == 1
        && let Some(full) = given_name_in_text(text, strip_possessive(name.trim()))
    {
        return (full, None);
    }
    (name.to_string(), None)
}

/// Make speakers canonical across the corpus: institution aliases become one name, and a
/// surname-only person ("Shaheen") becomes the one full name in the corpus with that surname
/// (left alone when several people share it).
pub fn canonicalize_corpus(quotes: &mut [Quote]) {
    let mut fulls: HashMap<String, HashSet<String>> = HashMap::new();
    for q in quotes.iter() {
        if classify(&q.speaker) == SpeakerKind::Person && q.speaker.split_whitespace().count() > 1 {
            fulls.entry(surname_key(&q.speaker)).or_default().insert(q.speaker.clone());
        }
    }
    for q in quotes.iter_mut() {
        match classify(&q.speaker) {
            SpeakerKind::Institution => q.speaker = canonical_institution(&q.speaker),
            SpeakerKind::Person if q.speaker.split_whitespace().count() == 1 => {
                if let Some(set) = fulls.get(&surname_key(&q.speaker))
                    && set.len() == 1
                    && let Some(full) = set.iter().next()
                {
                    q.speaker = full.clone();
                }
            }
            _ => {}
        }
    }
}

/// Per speaker: quote count, documents, roles with their counts.
type Tally = (usize, Vec<String>, Vec<(String, usize)>);

/// Who is quoted, how often and where: one entry per canonical speaker, most quoted first.
/// Quotes without a speaker are left out.
pub fn speaker_index(quotes: &[Quote]) -> Vec<SpeakerEntry> {
    let mut order: Vec<String> = Vec::new();
    let mut by: HashMap<String, Tally> = HashMap::new();
    for q in quotes {
        if q.speaker.trim().is_empty() {
            continue;
        }
        let e = by.entry(q.speaker.clone()).or_insert_with(|| {
            order.push(q.speaker.clone());
            (0, Vec::new(), Vec::new())
        });
        e.0 += 1;
        if !e.1.contains(&q.doc) {
            e.1.push(q.doc.clone());
        }
        if let Some(r) = q.role.as_ref().filter(|r| !r.is_empty()) {
            match e.2.iter_mut().find(|(x, _)| x == r) {
                Some(slot) => slot.1 += 1,
                None => e.2.push((r.clone(), 1)),
            }
        }
    }
    let mut out: Vec<SpeakerEntry> = order
        .into_iter()
        .filter_map(|name| {
            let (count, docs, roles) = by.remove(&name)?;
            let mut role: Option<(String, usize)> = None;
            for (r, n) in roles {
                if role.as_ref().is_none_or(|(_, m)| n > *m) {
                    role = Some((r, n));
                }
            }
            Some(SpeakerEntry { kind: classify(&name), name, role: role.map(|r| r.0), count, docs })
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Anchor;

    fn q(doc: &str, speaker: &str, role: Option<&str>) -> Quote {
        Quote {
            doc: doc.into(),
            text: "words".into(),
            span: crate::corpus::Span::new(0, 5),
            speaker: speaker.into(),
            speaker_in_text: None,
            role: role.map(str::to_string),
            cue: Some("said".into()),
            confidence: 0.9,
            anchor: Anchor::default(),
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(classify("Maria Olsen"), SpeakerKind::Person);
        assert_eq!(classify("Freedonia Ministry of Water"), SpeakerKind::Institution);
        assert_eq!(classify("ISPR"), SpeakerKind::Institution);
        assert_eq!(classify("senior health official"), SpeakerKind::Anonymous);
        assert_eq!(classify("Norway, Chile and Kenya"), SpeakerKind::Institution);
        assert_eq!(classify(""), SpeakerKind::Unknown);
    }

    #[test]
    fn institution_aliases_fold_to_one_name() {
        assert_eq!(canonical_institution("the Armed Forces Media Wing"), "ISPR");
        assert_eq!(canonical_institution("Inter-Services Public Relations"), "ISPR");
        assert_eq!(canonical_institution("Freedonia’s Ministry of Water"), "Freedonia Ministry of Water");
    }

    #[test]
    fn full_name_from_the_text() {
        let text = "Talks were led by Deputy Minister Karim Adeyemi, the chief negotiator, on Monday. \
                    Later Adeyemi said more.";
        let (full, role) = full_name_in_text(text, "Adeyemi").unwrap();
        assert_eq!(full, "Karim Adeyemi");
        assert_eq!(role.as_deref(), Some("chief negotiator"));
        let known = vec!["Karim Adeyemi".to_string()];
        assert_eq!(resolve_person("Adeyemi", &known, "").0, "Karim Adeyemi");
    }

    #[test]
    fn given_name_alone_finds_the_surname() {
        let text = "The bridge was opened on Friday by Governor Tomasz Wielki. \
                    Tomasz said trade would grow. Tomasz Wielki’s office agreed.";
        assert_eq!(given_name_in_text(text, "Tomasz").as_deref(), Some("Tomasz Wielki"));
        assert_eq!(resolve_person("Tomasz", &[], text).0, "Tomasz Wielki");
        // Two different people with the same given name: no guess.
        let two = "Tomasz Wielki spoke first. Tomasz Nowak answered. Tomasz said no.";
        assert_eq!(given_name_in_text(two, "Tomasz"), None);
        // A given name never followed by a surname stays as it is.
        assert_eq!(given_name_in_text("Tomasz said no. Tomasz left.", "Tomasz"), None);
    }

    #[test]
    fn corpus_surnames_and_index() {
        let mut qs = vec![
            q("a", "Karim Adeyemi", Some("deputy minister")),
            q("b", "Adeyemi", None),
            q("b", "the Armed Forces Media Wing", None),
            q("c", "ISPR", None),
        ];
        canonicalize_corpus(&mut qs);
        assert_eq!(qs[1].speaker, "Karim Adeyemi");
        assert_eq!(qs[2].speaker, "ISPR");
        let idx = speaker_index(&qs);
        assert_eq!(idx.len(), 2);
        assert_eq!(idx[0].count, 2);
        assert_eq!(idx[0].docs.len(), 2);
        assert!(
            idx.iter().any(|e| e.name == "Karim Adeyemi" && e.role.as_deref() == Some("deputy minister"))
        );
    }
}
