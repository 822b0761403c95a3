//! Actor lexicon: canonical names and aliases (TTP / Khawarij, ISPR / Armed Forces Media Wing…).
//!
//! The lexicon is `assets/actors.tsv`, embedded in the binary and compiled once into an
//! Aho-Corasick automaton (see the matching rules in `lexicon`). Each line is
//! `canonical<TAB>kind<TAB>alias|alias|…`; the canonical name is an alias too.

use std::sync::OnceLock;

use super::lexicon::{Hit, Matcher};
use crate::corpus::Span;

/// An actor mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    /// Byte span in the searched text.
    pub span: Span,
    /// The mention as written.
    pub text: String,
    /// Canonical name ("TTP", "Afghan Taliban", "Pakistan Air Force", "ISPR").
    pub canonical: String,
    /// "state", "military", "armed group", "institution", "person", "country", "organisation".
    pub kind: String,
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Canonical name.
    pub canonical: &'static str,
    /// Kind ("armed group", "military", …).
    pub kind: &'static str,
    /// Aliases as listed (the canonical name first).
    pub aliases: Vec<&'static str>,
}

const ACTORS_TSV: &str = include_str!("../../assets/actors.tsv");

struct ActorLexicon {
    actors: Vec<Actor>,
    matcher: Matcher,
}

fn parse(tsv: &'static str) -> Vec<Actor> {
    let mut out = Vec::new();
    for line in tsv.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(canonical), Some(kind)) = (cols.next(), cols.next()) else { continue };
        let canonical = canonical.trim();
        if canonical.is_empty() {
            continue;
        }
        let mut aliases = vec![canonical];
        for a in cols.next().unwrap_or("").split('|').map(str::trim).filter(|a| !a.is_empty()) {
            if !aliases.contains(&a) {
                aliases.push(a);
            }
        }
        out.push(Actor { canonical, kind: kind.trim(), aliases });
    }
    out
}

fn lexicon() -> &'static ActorLexicon {
    static LEX: OnceLock<ActorLexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let actors = parse(ACTORS_TSV);
        let matcher = Matcher::new(
            actors.iter().enumerate().flat_map(|(i, a)| a.aliases.iter().map(move |al| (*al, i))),
        );
        ActorLexicon { actors, matcher }
    })
}

/// Every actor in the lexicon, in file order.
pub fn all_actors() -> &'static [Actor] {
    &lexicon().actors
}

/// Find known actors in `text`, longest match first, non-overlapping.
pub fn find_actors(text: &str) -> Vec<ActorMention> {
    let lex = lexicon();
    lex.matcher
        .find(text)
        .into_iter()
        .filter_map(|h| {
            let a = lex.actors.get(h.entry)?;
            Some(ActorMention {
                span: Span::new(h.start, h.end),
                text: text[h.start..h.end].to_string(),
                canonical: a.canonical.to_string(),
                kind: a.kind.to_string(),
            })
        })
        .collect()
}

/// Known actors in `text` as (byte span, canonical name): [`find_actors`] without the
/// owned strings.
pub(crate) fn find_actor_names(text: &str) -> Vec<(Span, &'static str)> {
    names_from(lexicon().matcher.find(text))
}

/// [`find_actor_names`] from the actor matcher's hits.
pub(crate) fn names_from(hits: Vec<Hit>) -> Vec<(Span, &'static str)> {
    let lex = lexicon();
    hits.into_iter()
        .filter_map(|h| Some((Span::new(h.start, h.end), lex.actors.get(h.entry)?.canonical)))
        .collect()
}

/// The (alias, actor index) pairs the actor matcher is built from.
pub(crate) fn alias_pairs() -> Vec<(&'static str, usize)> {
    lexicon().actors.iter().enumerate().flat_map(|(i, a)| a.aliases.iter().map(move |al| (*al, i))).collect()
}

/// Canonical name for an alias ("Khawarij" → "TTP", "Inter-Services Public Relations" → "ISPR"),
/// or `None` when the name is not in the lexicon. Case rules as in [`find_actors`]; a
/// leading "the " is ignored.
pub fn canonical_actor(name: &str) -> Option<&'static str> {
    let lex = lexicon();
    let name = name.trim();
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    lex.matcher.lookup(name).and_then(|i| lex.actors.get(i)).map(|a| a.canonical)
}

/// Kind of an actor by canonical name or alias ("armed group", "country", …).
pub fn actor_kind(name: &str) -> Option<&'static str> {
    let canonical = canonical_actor(name)?;
    lexicon().actors.iter().find(|a| a.canonical == canonical).map(|a| a.kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(t: &str) -> Vec<String> {
        find_actors(t).into_iter().map(|m| m.canonical).collect()
    }

    #[test]
    fn lexicon_parses() {
        let all = all_actors();
        assert!(all.len() > 50);
        assert!(all.iter().all(|a| !a.kind.is_empty()));
    }

    #[test]
    fn aliases_resolve() {
        assert_eq!(canonical_actor("Khawarij"), Some("TTP"));
        assert_eq!(canonical_actor("Fitna al-Khawarij"), Some("TTP"));
        assert_eq!(canonical_actor("Pakistani Taliban"), Some("TTP"));
        assert_eq!(canonical_actor("Inter-Services Public Relations"), Some("ISPR"));
        assert_eq!(canonical_actor("Armed Forces Media Wing"), Some("ISPR"));
        assert_eq!(canonical_actor("the military's media wing"), Some("ISPR"));
        assert_eq!(canonical_actor("Islamic Emirate"), Some("Afghan Taliban"));
        assert_eq!(canonical_actor("ISIS-K"), Some("ISKP"));
        assert_eq!(canonical_actor("PAF"), Some("Pakistan Air Force"));
        assert_eq!(canonical_actor("Foreign Office"), Some("Pakistan Ministry of Foreign Affairs"));
        assert_eq!(canonical_actor("U.S."), Some("United States"));
        assert_eq!(canonical_actor("Türkiye"), Some("Turkey"));
        assert_eq!(canonical_actor("Nobody In Particular"), None);
        assert_eq!(canonical_actor("paf"), None);
        assert_eq!(actor_kind("Khawarij"), Some("armed group"));
    }

    #[test]
    fn longest_match_in_running_text() {
        let t = "The Pakistani Taliban and Taliban forces clashed, Inter-Services Public Relations said.";
        assert_eq!(canon(t), vec!["TTP", "Afghan Taliban", "ISPR"]);
        let t = "Officials blamed Kabul’s de facto rulers and the Hafiz Gul Bahadur group for the raid.";
        assert_eq!(canon(t), vec!["Afghan Taliban", "Hafiz Gul Bahadur group"]);
        let m = &find_actors("Jets of the PAF (Pakistan Air Force) struck.")[..];
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].text, "PAF");
        assert_eq!(m[1].text, "Pakistan Air Force");
    }

    #[test]
    fn word_boundaries_and_case() {
        // "US" inside a word, lower-case "us", "isi" in a word: no actors.
        assert!(find_actors("Let us focus on Busan and crisis planning.").is_empty());
        assert_eq!(canon("Security forces killed five Khawarij."), vec!["Pakistan Army", "TTP"]);
    }
}
