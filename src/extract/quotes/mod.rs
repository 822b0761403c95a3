//! Direct quotations and their attribution (speaker, role, cue verb).
//!
//! Per document, in one pass:
//! 1. pair the quotation marks ([`marks`]): curly, straight (direction from the neighbouring
//!    characters), guillemets; a quote running over several paragraphs (an opening mark on
//!    each, a closing one at the end) is one quotation, attributed once and reported as one
//!    quote per paragraph; an unclosed mark is recovered at its paragraph's end, never later;
//! 2. tokenise each paragraph with every quotation as one token ([`tokens`]) and split it into
//!    sentences, so full stops inside quotes do not cut the sentence around them;
//! 3. attribute each quotation ([`attribution`]): a cue verb before or after it with its
//!    subject (titles, appositives, relative clauses, lists), inverted `“…,” said X`,
//!    `according to X`, colon introductions, participles (`adding that “…”`);
//! 4. resolve pronouns, definite descriptions (`the official`) and documents (`the statement
//!    said`) against the speakers named so far; a quote with no attribution that starts a
//!    sentence continues the paragraph's (or previous paragraph's) speaker;
//! 5. drop scare quotes, labels and titles, merge repeated pull quotes, and give each person
//!    their full name and role ([`super::speakers`]).
//!
//! Work is linear in the text: each paragraph is tokenised once and every look-back is bounded.

mod attribution;
pub(crate) mod lexicon;
mod marks;
mod tokens;

use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::{OnceCell, RefCell};

pub(crate) use attribution::clean_role;

use super::Quote;
use super::speakers::{self, SpeakerKind};
use crate::corpus::{AnchorCursor, Document, Span};
use attribution::{Attr, Np, NpKind, Via};
use lexicon::{
    fold, fold_into, is_institution_head, is_label_article, is_label_introducer, is_naming_verb,
    is_person_head, is_work_noun, strip_possessive,
};
use marks::RawQuote;
use tokens::{K, Toks};

/// A speaker as resolved in the document, before canonical names are applied.
#[derive(Debug, Clone, PartialEq)]
struct Spk {
    name: String,
    kind: SpeakerKind,
    role: Option<String>,
}

/// Someone who spoke or was named as a sentence subject, for resolving later references.
#[derive(Debug, Clone)]
struct Cand {
    pos: usize,
    para: usize,
    spk: Spk,
    /// Folded words of the name and role ("official", "minister", "shaheen"), each followed
    /// by a space (one allocation, made the first time a description is matched against the
    /// candidate; read with [`Cand::keys`]).
    keys: OnceCell<String>,
    /// True when the candidate said something (a cue verb or a quote), not just acted.
    spoke: bool,
}

/// A quotation found, with its attribution so far.
#[derive(Debug, Clone)]
struct Found {
    span: Span,
    text: String,
    words: usize,
    spk: Option<Spk>,
    in_text: Option<String>,
    cue: Option<String>,
    conf: f32,
    para: usize,
    para_last: usize,
    sentence: usize,
    starts_sentence: bool,
    starts_para: bool,
    whole_para: bool,
    /// Attributed by the words of its own sentence (cue verb, `according to`, colon).
    by_cue: bool,
    closed: bool,
    /// Introduced as a label or title ("so-called “…”", "the report “…”").
    label: bool,
    /// Attributed by a cue verb earlier in its own clause, with a named or described subject
    /// ("X vowed to respond with “full force”"): the quote is part of what the subject said.
    pre_cue: bool,
}

struct Ctx<'a> {
    text: &'a str,
    paras: &'a [Span],
    raws: &'a [RawQuote],
    cands: Vec<Cand>,
    found: Vec<Found>,
    sentence: usize,
}

/// How far back (in paragraphs) a pronoun or description may find its referent.
const LOOKBACK_PARAS: usize = 8;

/// Number of whitespace-separated words holding a letter or digit.
fn word_count(s: &str) -> usize {
    let mut count = 0;
    // Whether the current word has been counted (it holds a letter or digit already seen).
    let mut counted = false;
    for c in s.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            count += 1;
            counted = true;
        }
    }
    count
}

/// Letters and digits of `s`, lower-cased (ASCII without decoding tables).
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn singular(w: &str) -> &str {
    let w = strip_possessive(w);
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") { &w[..w.len() - 1] } else { w }
}

fn keys_of(spk: &Spk) -> String {
    let mut k = String::with_capacity(spk.name.len() + spk.role.as_ref().map_or(0, String::len) + 8);
    for w in spk.name.split_whitespace() {
        fold_into(strip_possessive(w), &mut k);
        k.push(' ');
    }
    if let Some(r) = &spk.role {
        for w in r.split_whitespace() {
            fold_into(strip_possessive(w.trim_matches([',', ';'])), &mut k);
            k.push(' ');
        }
    }
    k
}

impl Cand {
    /// The folded key words (a word never contains a space, so the split is exact).
    fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.get_or_init(|| keys_of(&self.spk)).split_terminator(' ')
    }
}

/// Title-cased words with no closing punctuation: the name of a work or a slogan.
fn title_like(text: &str) -> bool {
    let small = ["of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "from", "or"];
    // The word test fails at the first ordinary lower-case word, so check it before counting.
    text.split_whitespace().all(|w| {
        w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()) || small.contains(&w)
    }) && text.split_whitespace().filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase())).count() >= 2
        && !tokens::ends_with_terminal(text)
        && !text.trim_end().ends_with(',')
}

fn clean_name(name: &str) -> String {
    let mut n = name.trim();
    for d in ["the ", "The "] {
        if let Some(r) = n.strip_prefix(d) {
            n = r.trim();
        }
    }
    // The words joined by single spaces, the last one without a possessive ending.
    let mut out = String::with_capacity(n.len());
    let mut words = n.split_whitespace().peekable();
    while let Some(w) = words.next() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(if words.peek().is_none() { strip_possessive(w) } else { w });
    }
    out
}

fn anon_kind(head: &str) -> SpeakerKind {
    if is_institution_head(head) && !is_person_head(head) {
        SpeakerKind::Institution
    } else {
        SpeakerKind::Anonymous
    }
}

impl<'a> Ctx<'a> {
    fn para_of(&self, pos: usize) -> usize {
        self.paras.partition_point(|p| p.end < pos).min(self.paras.len().saturating_sub(1))
    }

    fn recent(&self, pos: usize, para: usize) -> impl Iterator<Item = &Cand> {
        self.cands
            .iter()
            .rev()
            .take(256)
            .filter(move |c| c.pos < pos && para.saturating_sub(c.para) <= LOOKBACK_PARAS)
    }

    /// Resolve a speaker phrase found at `pos` to a speaker, with a confidence.
    fn resolve(&self, np: &Np, pos: usize, para: usize) -> Option<(Spk, f32)> {
        match np.kind {
            NpKind::Pronoun => {
                let p = np.head.as_str();
                let fits = |c: &&Cand| match p {
                    "he" | "she" | "him" | "her" | "i" => {
                        c.spk.kind == SpeakerKind::Person
                            || (c.spk.kind == SpeakerKind::Anonymous && !plural_description(&c.spk.name))
                    }
                    "it" => c.spk.kind == SpeakerKind::Institution,
                    _ => true,
                };
                self.recent(pos, para).find(fits).map(|c| (c.spk.clone(), 0.8))
            }
            // "the statement said": the body that issued one, not a news outlet reporting it.
            NpKind::DocRef => self
                .recent(pos, para)
                .find(|c| c.spoke && c.spk.kind == SpeakerKind::Institution && !news_outlet(&c.spk.name))
                .or_else(|| self.recent(pos, para).find(|c| c.spoke && para.saturating_sub(c.para) <= 1))
                .map(|c| (c.spk.clone(), 0.75)),
            NpKind::Anon if np.definite => {
                let head = singular(&np.head);
                // "the group" is not one of "several militant groups".
                let single = singular(&np.head) == np.head.as_str();
                let mut hit = self
                    .recent(pos, para)
                    .find(|c| {
                        // "the witness" after "an eyewitness": a compound ending in the head.
                        c.keys().any(|k| {
                            let k = singular(k);
                            k == head
                                || (head.len() >= 5
                                    && c.spk.kind == SpeakerKind::Anonymous
                                    && k.len() > head.len()
                                    && k.ends_with(head))
                        }) && !(single
                            && lexicon::is_organisation_noun(head)
                            && plural_description(&c.spk.name))
                    })
                    .or_else(|| self.by_distinct_title(&fold(&np.name), pos, para));
                if hit.is_none() && lexicon::is_organisation_noun(head) {
                    // "the group said", "the outfit claimed": the organisation named last, a
                    // speaker so far or an armed group of the actor lexicon.
                    hit = self.recent(pos, para).find(|c| {
                        c.spk.kind == SpeakerKind::Institution
                            && !lexicon::is_state(&fold(&c.spk.name))
                            && !(single && plural_description(&c.spk.name))
                    });
                    if let Some((at, group)) = self.armed_group_before(pos)
                        && hit.is_none_or(|c| c.pos < at)
                    {
                        let spk = Spk { name: group.to_string(), kind: SpeakerKind::Institution, role: None };
                        return Some((spk, 0.7));
                    }
                }
                // "one of the officials" is one of them, and so is "the official" after
                // "security officials said".
                let one = np.written.to_lowercase().starts_with("one of")
                    || (singular(&np.head) == np.head.as_str()
                        && !plural_description(&np.name)
                        && hit.is_some_and(|c| plural_description(&c.spk.name)));
                Some(match hit {
                    Some(c) if one && c.spk.kind == SpeakerKind::Anonymous => {
                        let mut spk = c.spk.clone();
                        spk.name = attribution::singular_phrase(&spk.name);
                        (spk, 0.8)
                    }
                    Some(c) => (c.spk.clone(), 0.8),
                    None => {
                        (Spk { name: np.name.clone(), kind: anon_kind(&np.head), role: np.role.clone() }, 0.7)
                    }
                })
            }
            NpKind::Anon => {
                Some((Spk { name: np.name.clone(), kind: anon_kind(&np.head), role: np.role.clone() }, 0.85))
            }
            NpKind::Name if np.role_only => {
                let title = fold(&clean_name(&np.name));
                // "the PM" is the "Prime Minister" named before.
                let long = lexicon::title_expansion(&title);
                let hit = self.recent(pos, para).find(|c| {
                    c.spk.kind == SpeakerKind::Person
                        && c.spk.role.as_ref().is_some_and(|r| {
                            let r = fold(r);
                            r.contains(&title) || long.is_some_and(|l| r.contains(l))
                        })
                });
                // "the ISPR chief" after "DG ISPR Lt Gen X": a distinctive word of the title
                // (not "chief", "head", "spokesman") in a named person's role.
                let hit = hit.or_else(|| self.by_distinct_title(&title, pos, para));
                Some(match hit {
                    Some(c) => (c.spk.clone(), 0.8),
                    None => (Spk { name: clean_name(&np.name), kind: SpeakerKind::Person, role: None }, 0.7),
                })
            }
            NpKind::Name => {
                let name = clean_name(&np.name);
                if name.is_empty() {
                    return None;
                }
                if let Some(hit) = self.acronym_role(np, &name, pos, para) {
                    return Some((hit, 0.8));
                }
                let mut kind = self.classify(&name);
                // "the daily Dawn", "broadcaster Geo News": a news outlet speaks as an institution.
                let mut buf = String::new();
                let mut outlet =
                    |t: &str| t.split_whitespace().any(|w| lexicon::is_outlet_word_as_written(w, &mut buf));
                // The role's head noun, before any complement: "a private broadcaster" is an
                // outlet, "the owner of a travel agency" a person.
                let role_head = np.role.as_deref().map(|r| {
                    r.split_whitespace()
                        .take_while(|w| {
                            !matches!(*w, "of" | "for" | "in" | "at" | "with" | "from" | "on" | "to")
                        })
                        .last()
                        .unwrap_or("")
                });
                if outlet(&np.written) || role_head.is_some_and(&mut outlet) {
                    kind = SpeakerKind::Institution;
                }
                Some((Spk { name, kind, role: np.role.clone() }, 0.9))
            }
        }
    }

    /// "the ISPR chief" after "DG ISPR Lt Gen X": the named person whose role holds a
    /// distinctive word of `title` (folded), not a generic one like "chief" or "spokesman".
    fn by_distinct_title(&self, title: &str, pos: usize, para: usize) -> Option<&Cand> {
        let distinct: Vec<&str> = title
            .split_whitespace()
            .filter(|w| w.len() >= 3 && !lexicon::is_role_word(w) && !lexicon::is_person_head(w))
            .collect();
        if distinct.is_empty() {
            return None;
        }
        self.recent(pos, para).find(|c| {
            c.spk.kind == SpeakerKind::Person
                && c.spk
                    .role
                    .as_ref()
                    .is_some_and(|r| fold(r).split_whitespace().any(|w| distinct.contains(&w)))
        })
    }

    /// The armed group the text names last before `pos`, within the look-back window of
    /// paragraphs ("… the TTP said … the group said").
    fn armed_group_before(&self, pos: usize) -> Option<(usize, &'static str)> {
        let para = self.para_of(pos);
        let from = self.paras.get(para.saturating_sub(LOOKBACK_PARAS)).map_or(0, |p| p.start);
        let window = self.text.get(from..pos)?;
        super::actors::find_actor_names(window)
            .into_iter()
            .rev()
            .find(|(_, name)| super::actors::actor_kind(name) == Some("armed group"))
            .map(|(span, name)| (from + span.start, name))
    }

    /// [`speakers::classify`] (a function of the name alone), remembered per name across
    /// the documents a thread extracts: the same people and bodies recur from article to
    /// article. The memo is bounded (cleared when full).
    fn classify(&self, name: &str) -> SpeakerKind {
        thread_local! {
            static KINDS: RefCell<FxHashMap<String, SpeakerKind>> = RefCell::default();
        }
        KINDS.with(|memo| remembered(memo, name, speakers::classify))
    }

    /// "the DHO said" after "District Health Officer (DHO) Qaiser Abbas told …": a role's
    /// acronym with an article is the person introduced right after it in brackets.
    fn acronym_role(&self, np: &Np, name: &str, pos: usize, para: usize) -> Option<Spk> {
        let acronym = (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase());
        if !acronym || !np.written.to_lowercase().starts_with("the ") {
            return None;
        }
        let pat = format!("({name})");
        let at = memchr::memmem::rfind(self.text.get(..pos)?.as_bytes(), pat.as_bytes())?;
        let after = self.text.get(at + pat.len()..)?;
        let first = after.split_whitespace().next()?;
        let first = first.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        self.recent(pos, para)
            .find(|c| {
                c.spk.kind == SpeakerKind::Person && c.spk.name.split_whitespace().next() == Some(first)
            })
            .map(|c| c.spk.clone())
    }

    fn push_cand(&mut self, pos: usize, para: usize, spk: Spk, spoke: bool) {
        if spk.kind == SpeakerKind::Unknown || spk.name.is_empty() {
            return;
        }
        // "the Torkham border gate": a place of the gazetteer named as a subject is not a
        // person a later "she" could refer to.
        if spk.kind == SpeakerKind::Person && spk.role.is_none() && is_place_name(&spk.name) {
            return;
        }
        self.cands.push(Cand { pos, para, spk, keys: OnceCell::new(), spoke });
    }

    fn mention(&mut self, pos: usize, np: &Np, spoke: bool) {
        let para = self.para_of(pos);
        if let Some((spk, _)) = self.resolve(np, pos, para) {
            self.push_cand(pos, para, spk, spoke);
        }
    }

    /// Process one group of paragraphs (quotes running over paragraphs join them).
    fn unit(&mut self, a: usize, b: usize, rq: &[usize]) {
        let (Some(pa), Some(pb)) = (self.paras.get(a), self.paras.get(b)) else { return };
        let (lo, hi) = (pa.start, pb.end);
        let qs: Vec<(usize, usize, usize)> =
            rq.iter().filter_map(|&i| self.raws.get(i).map(|r| (r.open, r.after.max(r.end), i))).collect();
        let toks = Toks::new(self.text, lo, hi, &qs);
        let sents = tokens::sentences(&toks, self.raws);
        for &(s, e) in &sents {
            self.sentence += 1;
            let sid = self.sentence;
            let mentions = attribution::mentions(&toks, s, e);
            let mut mi = 0;
            let first = self.found.len();
            for k in s..e {
                let Some(K::Q(r)) = toks.kind(k) else { continue };
                let Some(raw) = self.raws.get(r) else { continue };
                while let Some((pos, np)) = mentions.get(mi).filter(|m| m.0 < raw.open) {
                    self.mention(*pos, np, true);
                    mi += 1;
                }
                self.quote(&toks, s, e, k, raw, sid);
            }
            for (pos, np) in mentions.iter().skip(mi) {
                self.mention(*pos, np, true);
            }
            self.fill_sentence(first, sid, a, b);
        }
    }

    fn quote(&mut self, toks: &Toks, s: usize, e: usize, k: usize, raw: &RawQuote, sid: usize) {
        let text = raw.words(self.text);
        let words = word_count(&text);
        if words == 0 {
            return;
        }
        let para = raw.para_first;
        let para_text =
            |i: usize| self.paras.get(i).and_then(|p| self.text.get(p.start..p.end)).unwrap_or("");
        let lead = self
            .paras
            .get(para)
            .map(|p| p.start + (para_text(para).len() - para_text(para).trim_start().len()));
        let starts_para = lead == Some(raw.open);
        let tail_empty = starts_para
            && self
                .paras
                .get(raw.para_last)
                .and_then(|p| self.text.get(raw.after.min(p.end)..p.end))
                .is_some_and(|t| t.len() < 400 && !t.chars().any(char::is_alphanumeric));
        let starts = attribution::starts_sentence(toks, s, k);
        // "described it as “…”", "labelling them as “…”": what the words are called.
        let named_as = k > s
            && toks.is_word(k - 1)
            && toks.f(k - 1) == "as"
            && (k.saturating_sub(5).max(s)..k - 1).any(|i| toks.is_word(i) && is_naming_verb(toks.f(i)));
        // "remain on “high alert”", "carrying out “routine surveillance”", "a “major step”":
        // two words after a preposition or an article name a state or a term.
        let term = words <= 2
            && k > s
            && toks.is_word(k - 1)
            && matches!(
                toks.f(k - 1),
                "on" | "in" | "out" | "under" | "into" | "of" | "as" | "a" | "an" | "the"
            );
        let label = k > s
            && toks.is_word(k - 1)
            && (is_label_introducer(toks.f(k - 1))
                || term
                || named_as
                || ((k.saturating_sub(3).max(s)..k).any(|i| is_work_noun(toks.f(i))) && title_like(&text)));
        let pre = if starts { None } else { attribution::find_pre(toks, s, k) };
        let post = attribution::find_post(toks, k, e);
        let attr = if starts { post.or(pre) } else { pre.or(post) };
        let mut f = Found {
            span: Span::new(raw.start, raw.end),
            text,
            words,
            spk: None,
            in_text: None,
            cue: None,
            conf: 0.0,
            para,
            para_last: raw.para_last,
            sentence: sid,
            starts_sentence: starts,
            starts_para,
            whole_para: starts_para && tail_empty,
            by_cue: false,
            closed: raw.closed,
            label,
            pre_cue: false,
        };
        if let Some(a) = attr {
            self.apply(&mut f, toks, (s, e, k), &a, raw.open);
        }
        if let Some(spk) = f.spk.clone() {
            self.push_cand(raw.open, para, spk, true);
        }
        self.found.push(f);
    }

    fn apply(&self, f: &mut Found, toks: &Toks, (s, e, k): (usize, usize, usize), a: &Attr, pos: usize) {
        f.cue = a.cue.as_ref().map(|c| c.to_lowercase());
        match &a.np {
            Some(np) => {
                if let Some((spk, conf)) = self.resolve(np, pos, f.para) {
                    f.spk = Some(spk);
                    f.conf = conf;
                    f.by_cue = true;
                    // Naming verbs and an article before the quote make it a label
                    // ("called the plan a “fig leaf”"), not words the subject said.
                    f.pre_cue = a.via == Via::Pre
                        && a.cue_tok.is_some_and(|c| c < k && !is_naming_verb(toks.f(c)))
                        && !(k > 0 && toks.is_word(k - 1) && is_label_article(toks.f(k - 1)));
                    f.in_text = Some(in_text(toks, np, a));
                }
            }
            None if a.via == Via::Inherit => {
                let prev = self.found.iter().rev().find(|x| x.sentence == f.sentence && x.spk.is_some());
                if let Some(p) = prev {
                    f.spk = p.spk.clone();
                    f.conf = 0.85;
                } else if let Some(np) = attribution::sentence_subject(toks, s, e)
                    && let Some((spk, conf)) = self.resolve(&np, pos, f.para)
                {
                    f.spk = Some(spk);
                    f.conf = conf * 0.9;
                }
                if f.spk.is_some() {
                    f.by_cue = true;
                    f.in_text = a.cue_tok.map(|t| {
                        let end = if toks.f(t + 1) == "that" { t + 1 } else { t };
                        toks.span_text(t, end).to_string()
                    });
                }
            }
            None => {}
        }
    }

    /// Quotes of a sentence still without a speaker: take the next quote's (attributed after
    /// it, "“A” and “B,” she said"), else continue the previous speaker when the quote starts
    /// its sentence.
    fn fill_sentence(&mut self, first: usize, sid: usize, a: usize, b: usize) {
        for i in (first..self.found.len()).rev() {
            if self.found[i].spk.is_none()
                && let Some(next) =
                    self.found.get(i + 1).filter(|n| n.sentence == sid && n.spk.is_some()).cloned()
            {
                let f = &mut self.found[i];
                f.spk = next.spk;
                f.conf = next.conf * 0.95;
                f.in_text = next.in_text;
                f.cue = next.cue;
                f.by_cue = true;
            }
        }
        for i in first..self.found.len() {
            if self.found[i].spk.is_some() || !self.found[i].starts_sentence {
                continue;
            }
            let f = self.found[i].clone();
            let pos = f.span.start;
            // The previous quote in the same paragraph.
            let same_para =
                self.found[..i].iter().rev().take(64).find(|x| x.para >= a && x.para <= b && x.spk.is_some());
            let mut pick: Option<(Spk, f32, Option<String>, Option<String>)> = same_para
                .map(|x| (x.spk.clone().unwrap_or_else(unknown), 0.75, x.in_text.clone(), x.cue.clone()));
            if pick.is_none() && f.whole_para {
                pick = self.credit_line(f.para_last).map(|s| (s, 0.7, None, None));
            }
            if pick.is_none() && f.starts_para {
                pick = self.colon_intro(f.para).map(|s| (s, 0.7, None, None));
            }
            if pick.is_none() && f.starts_para {
                pick = self.found[..i]
                    .iter()
                    .rev()
                    .take(64)
                    .find(|x| x.spk.is_some() && f.para.saturating_sub(x.para_last) <= 2)
                    .map(|x| (x.spk.clone().unwrap_or_else(unknown), 0.65, x.in_text.clone(), x.cue.clone()));
            }
            if pick.is_none() {
                pick = self
                    .cands
                    .iter()
                    .rev()
                    .take(64)
                    .find(|c| c.pos < pos && c.para == f.para)
                    .map(|c| (c.spk.clone(), 0.55, None, None));
            }
            if pick.is_none() {
                pick = self.found[..i]
                    .iter()
                    .rev()
                    .take(64)
                    .find(|x| x.spk.is_some() && f.para.saturating_sub(x.para_last) <= 3)
                    .map(|x| (x.spk.clone().unwrap_or_else(unknown), 0.45, x.in_text.clone(), x.cue.clone()));
            }
            if let Some((spk, conf, in_text, cue)) = pick {
                let para = f.para;
                let g = &mut self.found[i];
                g.spk = Some(spk.clone());
                g.conf = conf;
                g.in_text = in_text;
                g.cue = cue;
                self.push_cand(pos, para, spk, true);
            }
        }
    }

    /// "… Mujahid, the spokesman, thanked the mediators, stating:" closing the paragraph before
    /// a quote that opens its own: the subject of that introduction speaks.
    fn colon_intro(&self, para: usize) -> Option<Spk> {
        let prev = para.checked_sub(1)?;
        let p = self.paras.get(prev)?;
        if !self.text.get(p.start..p.end)?.trim_end().ends_with(':') {
            return None;
        }
        // The first speaker named in that paragraph (the clause subject), among recent ones.
        let recent = &self.cands[self.cands.len().saturating_sub(64)..];
        recent.iter().find(|c| c.para == prev).map(|c| c.spk.clone())
    }

    /// A pull quote's credit: the next paragraph is just a name ("Jane Doe").
    fn credit_line(&self, para: usize) -> Option<Spk> {
        let p = self.paras.get(para + 1)?;
        let line = self.text.get(p.start..p.end)?.trim();
        let words: Vec<&str> = line.split_whitespace().collect();
        let ok = line.len() <= 60
            && (2..=5).contains(&words.len())
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !line.chars().any(|c| c.is_ascii_digit())
            && !tokens::ends_with_terminal(line);
        if !ok {
            return None;
        }
        let kind = speakers::classify(line);
        (kind == SpeakerKind::Person).then(|| Spk { name: line.to_string(), kind, role: None })
    }
}

/// A news outlet by its name ("Xinhua news agency", "state television", "Radio Kabul").
fn news_outlet(name: &str) -> bool {
    name.split_whitespace().any(|w| lexicon::is_news_word(&fold(w)))
}

/// "Two Afghan policemen", "security officials": a description of several people, which "he"
/// or "she" cannot refer to.
fn plural_description(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or("");
    let w = fold(last);
    w.ends_with("men")
        || matches!(w.as_str(), "people" | "police" | "residents" | "sources" | "officials")
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && singular(&w) != w)
}

/// Whether `name` is a place of the gazetteer ([`super::places::lookup`], a function of the
/// name alone), remembered per name across the documents a thread extracts, bounded.
fn is_place_name(name: &str) -> bool {
    thread_local! {
        static PLACES: RefCell<FxHashMap<String, bool>> = RefCell::default();
    }
    PLACES.with(|memo| remembered(memo, name, |n| super::places::lookup(n).is_some()))
}

/// `f(name)` through a per-thread memo of pure per-name results, cleared when it holds
/// 20,000 names (the same people, bodies and places recur from article to article).
fn remembered<T: Copy>(memo: &RefCell<FxHashMap<String, T>>, name: &str, f: impl FnOnce(&str) -> T) -> T {
    if let Some(&v) = memo.borrow().get(name) {
        return v;
    }
    let v = f(name);
    let mut memo = memo.borrow_mut();
    if memo.len() >= 20_000 {
        memo.clear();
    }
    memo.insert(name.to_string(), v);
    v
}

fn unknown() -> Spk {
    Spk { name: String::new(), kind: SpeakerKind::Unknown, role: None }
}

/// The attribution as written nearest the quote ("he added", "Shaheen told").
fn in_text(toks: &Toks, np: &Np, a: &Attr) -> String {
    match (a.via, a.cue_tok) {
        (Via::According, _) => format!("according to {}", np.written),
        (Via::Colon, _) | (_, None) => np.written.clone(),
        (_, Some(c)) => {
            let (x, y) = (np.first.min(c), np.last.max(c));
            let s = toks.span_text(x, y);
            if s.len() <= 80 {
                s.to_string()
            } else if np.first < c {
                format!("{} … {}", np.written, toks.s(c))
            } else {
                format!("{} {}", toks.s(c), np.written)
            }
        }
    }
}

/// Group paragraphs joined by quotes that run over several of them: `(first, last, quotes)`.
fn units(paras: &[Span], raws: &[RawQuote]) -> Vec<(usize, usize, Vec<usize>)> {
    let mut reach: Vec<usize> = (0..paras.len()).collect();
    for r in raws {
        if let Some(x) = reach.get_mut(r.para_first) {
            *x = (*x).max(r.para_last);
        }
    }
    let mut out = Vec::new();
    let mut qi = 0;
    let mut i = 0;
    while i < paras.len() {
        let mut b = reach[i];
        let mut j = i;
        while j < b && j + 1 < paras.len() {
            j += 1;
            b = b.max(reach[j]);
        }
        let b = b.min(paras.len() - 1);
        let mut qs = Vec::new();
        while qi < raws.len() && raws[qi].para_first <= b {
            if raws[qi].para_first >= i {
                qs.push(qi);
            }
            qi += 1;
        }
        out.push((i, b, qs));
        i = b + 1;
    }
    out
}

/// Keep real quotations: drop labels, scare quotes, titles and unattributed fragments.
fn keep(f: &Found) -> bool {
    if f.label && f.words <= 6 {
        return false;
    }
    // "aware of “an incident”": an article and a noun or two is a label, not words said.
    let first = f.text.split_whitespace().next().unwrap_or("");
    if f.words <= 3 && !f.starts_sentence && matches!(first, "a" | "an" | "the") {
        return false;
    }
    if !(f.closed || (f.by_cue && f.words >= 4)) {
        return false;
    }
    if title_like(&f.text) && !(f.by_cue && f.starts_sentence) {
        return false;
    }
    if f.starts_sentence {
        if f.words <= 3 {
            let t = f.text.trim_end();
            return f.by_cue && (tokens::ends_with_terminal(t) || t.ends_with(','));
        }
        return f.spk.is_some();
    }
    // A two- or three-word partial quote must read as words said, not as a name or a term
    // ("full force", "42 graves"; not "Waziristani refugees").
    let said = f.text.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    f.by_cue && f.spk.is_some() && (f.words >= 4 || (f.words >= 2 && f.pre_cue && f.closed && said))
}

/// Extract attributed quotes from a document. `_sentences` is accepted for the extraction
/// interface; quotes need their own sentence view (quotations are opaque inside it).
pub fn extract_quotes(doc: &Document, _sentences: &[Span]) -> Vec<Quote> {
    let text = doc.clean.as_str();
    let paras = marks::paragraphs(text);
    let raws = marks::find_quotes(text, &paras);
    if raws.is_empty() {
        return Vec::new();
    }
    let mut ctx = Ctx { text, paras: &paras, raws: &raws, cands: Vec::new(), found: Vec::new(), sentence: 0 };
    for (a, b, qs) in units(&paras, &raws) {
        ctx.unit(a, b, &qs);
    }
    let Ctx { found, cands, .. } = ctx;
    let found = dedupe(found.into_iter().filter(keep).collect());
    let found = per_paragraph(found, text, &paras);
    finish(doc, found, &cands)
}

/// A quotation running over several paragraphs (an opening mark on each, the closing one at
/// the end) becomes one quote per paragraph, each with the speaker of the whole: what each
/// paragraph's marks enclose, as annotators and readers cite them.
fn per_paragraph(found: Vec<Found>, text: &str, paras: &[Span]) -> Vec<Found> {
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        if f.para_last <= f.para {
            out.push(f);
            continue;
        }
        for p in paras.iter().take(f.para_last + 1).skip(f.para) {
            let (mut a, mut b) = (f.span.start.max(p.start), f.span.end.min(p.end));
            let Some(seg) = text.get(a..b) else { continue };
            // Continuation paragraphs open with their own mark; trim it and the spaces.
            let lead = seg.len()
                - seg.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '"' | '«')).len();
            a += lead;
            let Some(seg) = text.get(a..b) else { continue };
            b -= seg.len() - seg.trim_end().len();
            let Some(piece) = text.get(a..b).filter(|t| !t.is_empty()) else { continue };
            out.push(Found {
                span: Span::new(a, b),
                text: piece.to_string(),
                words: word_count(piece),
                ..f.clone()
            });
        }
    }
    out
}

/// Repeated quotes (pull quotes) appear once: the best-attributed copy is kept.
fn dedupe(found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // `norms[i]` is `norm(&out[i].text)` (a replacement has the same norm).
    let mut norms: Vec<String> = Vec::new();
    let mut seen: FxHashMap<String, usize> = FxHashMap::default();
    for f in found {
        let n = norm(&f.text);
        match seen.get(&n) {
            Some(&j) if n.len() >= 12 => {
                if f.conf > out[j].conf {
                    out[j] = f;
                }
            }
            _ => {
                seen.insert(n.clone(), out.len());
                norms.push(n);
                out.push(f);
            }
        }
    }
    // A pull quote standing alone in its paragraph that repeats part of a longer quote.
    let singles: Vec<usize> = (0..out.len()).filter(|&i| out[i].whole_para).take(64).collect();
    let mut drop = vec![false; out.len()];
    if !singles.is_empty() {
        for &i in &singles {
            let n = &norms[i];
            if n.len() < 24 {
                continue;
            }
            if norms
                .iter()
                .enumerate()
                .any(|(j, g)| j != i && !drop[j] && g.len() > n.len() && g.contains(n.as_str()))
            {
                drop[i] = true;
            }
        }
    }
    let mut out: Vec<Found> = out.into_iter().zip(drop).filter(|(_, d)| !d).map(|(f, _)| f).collect();
    out.sort_by_key(|f| f.span.start);
    out
}

/// Canonical names and roles within the document, then the public records.
fn finish(doc: &Document, found: Vec<Found>, cands: &[Cand]) -> Vec<Quote> {
    let text = doc.clean.as_str();
    // Multi-word person names, once each, in order of appearance.
    let mut known: Vec<String> = Vec::new();
    {
        let mut seen: FxHashSet<&str> = FxHashSet::default();
        let persons = found.iter().filter_map(|f| f.spk.as_ref()).chain(cands.iter().map(|c| &c.spk));
        for s in persons {
            if s.kind == SpeakerKind::Person
                && s.name.split_whitespace().nth(1).is_some()
                && seen.insert(s.name.as_str())
            {
                known.push(s.name.clone());
            }
        }
    }
    let known_names = speakers::KnownNames::new(&known);
    let mut canon: FxHashMap<String, (String, Option<String>)> = FxHashMap::default();
    let mut roles: FxHashMap<String, String> = FxHashMap::default();
    // Canonical institution names, computed once per name.
    let mut institutions: FxHashMap<String, String> = FxHashMap::default();
    let mut canonical = |s: &Spk| -> (String, Option<String>) {
        match s.kind {
            SpeakerKind::Person => {
                let (name, found_role) = canon
                    .entry(s.name.clone())
                    .or_insert_with(|| speakers::resolve_known_person(&s.name, &known_names, text))
                    .clone();
                (name, s.role.clone().or(found_role))
            }
            // An institution's "role" given as another of its names is an alias, not a role.
            SpeakerKind::Institution => (
                match institutions.get(&s.name) {
                    Some(c) => c.clone(),
                    None => {
                        let c =
                            speakers::with_acronym(&speakers::canonical_institution(&s.name), &s.name, text);
                        institutions.insert(s.name.clone(), c.clone());
                        c
                    }
                },
                s.role.clone().filter(|r| r.chars().next().is_some_and(char::is_lowercase)),
            ),
            _ => (s.name.clone(), s.role.clone()),
        }
    };
    // Roles given anywhere in the document for a person apply to all their quotes.
    for s in cands.iter().map(|c| &c.spk).chain(found.iter().filter_map(|f| f.spk.as_ref())) {
        let (name, role) = canonical(s);
        if let Some(r) = role {
            roles.entry(name).or_insert(r);
        }
    }
    // Quotes are in text order: characters are counted once for all their anchors.
    let mut cursor = AnchorCursor::new();
    found
        .into_iter()
        .map(|f| {
            let (speaker, role) = match &f.spk {
                Some(s) if s.kind != SpeakerKind::Unknown => {
                    let (name, role) = canonical(s);
                    let role = role.or_else(|| roles.get(&name).cloned());
                    (name, role)
                }
                _ => (String::new(), None),
            };
            let mut conf = if speaker.is_empty() { 0.15 } else { f.conf };
            if !f.closed {
                conf *= 0.7;
            }
            Quote {
                doc: doc.id.clone(),
                text: f.text,
                span: f.span,
                speaker,
                speaker_in_text: f.in_text,
                role,
                cue: f.cue,
                confidence: conf,
                anchor: cursor.anchor(text, f.span),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
