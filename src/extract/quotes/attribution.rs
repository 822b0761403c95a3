//! Attribution: the noun phrase that speaks a quotation, found from cue verbs before or after
//! it, `according to X`, colon introductions, appositives and relative clauses.

use super::lexicon::{
    cue_lemma, fold, is_adverb, is_definite, is_determiner, is_docref_head, is_honorific,
    is_institution_head, is_month_abbreviation, is_person_head, is_pronoun, is_role_word, is_state, is_stop,
    is_stop_cap, strip_possessive,
};
use super::tokens::{K, Toks};

/// What a speaker phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NpKind {
    /// Capitalised name: a person, an organisation or a state.
    Name,
    /// A description ("a senior intelligence official", "the ministry").
    Anon,
    /// A personal pronoun.
    Pronoun,
    /// A document speaking for its author ("the statement").
    DocRef,
}

/// A speaker phrase found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Np {
    pub kind: NpKind,
    /// Opened by a definite determiner ("the official"): may refer back.
    pub definite: bool,
    /// First token (determiner included).
    pub first: usize,
    /// Head token (the last word).
    pub last: usize,
    /// The speaker as named: a person's name without titles, an organisation, or a description.
    pub name: String,
    /// The phrase as written (determiner included).
    pub written: String,
    /// Title or role when the text gives one.
    pub role: Option<String>,
    /// Folded head word.
    pub head: String,
    /// A title without a name ("the Prime Minister").
    pub role_only: bool,
    /// The phrase sits inside a prepositional phrase ("In Kabul").
    pub after_preposition: bool,
}

/// How a quotation was attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// Cue verb before the quotation.
    Pre,
    /// Cue verb after the quotation.
    Post,
    /// `according to X`.
    According,
    /// `X: “…”` without a verb.
    Colon,
    /// A participle ("adding that “…”") whose subject is the clause's speaker.
    Inherit,
}

/// An attribution found for one quotation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attr {
    pub np: Option<Np>,
    /// The cue as written ("said", "according to").
    pub cue: Option<String>,
    /// Token of the cue verb.
    pub cue_tok: Option<usize>,
    pub via: Via,
}

/// How many tokens an attribution may lie from its quote or cue (keeps the work linear).
const WINDOW: usize = 64;

const PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "on", "to", "of", "for", "by", "with", "about", "over", "against", "into", "near",
    "across", "inside", "outside", "under", "during", "toward", "towards", "via",
];

const NAME_JOINERS: &[&str] = &[
    "of", "for", "and", "&", "de", "al", "bin", "ibn", "ul", "ud", "van", "von", "da", "del", "la", "le",
    "el",
];

fn strip_det(s: &str) -> &str {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r.trim();
        }
    }
    s.trim()
}

/// Clean a role or appositive: no determiner, no "who serves as".
pub(crate) fn clean_role(s: &str) -> Option<String> {
    let mut r = s.trim().trim_end_matches([',', ';', ':']).trim();
    for p in ["who serves as ", "who is also ", "who is ", "who was ", "who are ", "who served as "] {
        if let Some(x) = r.strip_prefix(p) {
            r = x;
        }
    }
    let mut r = strip_det(r);
    for h in ["Mr. ", "Mr ", "Mrs. ", "Mrs ", "Ms. ", "Ms "] {
        if let Some(x) = r.strip_prefix(h) {
            r = x;
        }
    }
    if r.is_empty() || r.len() > 200 || matches!(r, "Mr." | "Mr" | "Mrs." | "Mrs" | "Ms." | "Ms") {
        None
    } else {
        Some(r.to_string())
    }
}

fn is_name_word(toks: &Toks, i: usize) -> bool {
    toks.is_cap(i)
        && (!is_stop_cap(toks.f(i))
            // "Khan Jan", "Gul Jan": a name part after a name, not the month before a day.
            || (is_month_abbreviation(toks.f(i))
                && i > 0
                && toks.is_cap(i - 1)
                && !is_stop_cap(toks.f(i - 1))
                && !toks.s(i + 1).starts_with(|c: char| c.is_ascii_digit())))
}

/// Build a phrase from tokens `j..=h` (and an optional determiner token `det`).
fn build(toks: &Toks, lo: usize, det: Option<usize>, j: usize, h: usize) -> Option<Np> {
    let hf = toks.f(h);
    let first = det.unwrap_or(j);
    let definite = det.is_some_and(|d| is_definite(toks.f(d)));
    let after_preposition =
        first > lo && toks.is_word(first - 1) && PREPOSITIONS.contains(&toks.f(first - 1));
    let written = toks.span_text(first, h).to_string();
    let head = strip_possessive(hf).to_string();
    // Called once, on whichever path returns.
    let base = move |kind, name: String, role, role_only| Np {
        kind,
        definite,
        first,
        last: h,
        name,
        written,
        role,
        head,
        role_only,
        after_preposition,
    };
    if is_pronoun(hf) {
        return Some(base(NpKind::Pronoun, toks.s(h).to_string(), None, false));
    }
    let cap = is_name_word(toks, h);
    let single = j == h;
    if !cap || (single && is_person_head(hf)) {
        // "the foreign ministry statement said", "an ISPR statement": the body named before
        // the document speaks.
        if is_docref_head(hf) && h > j && toks.is_word(h - 1) {
            let m = toks.f(h - 1);
            // Not a demonym ("the Pakistani statement") nor a kind of document ("press release").
            let demonym = m.ends_with('i') || m.ends_with("ian") || m.ends_with("ese") || m == "afghan";
            let kind_word = matches!(m, "press" | "news" | "media" | "joint" | "official" | "written");
            let body = !demonym
                && !kind_word
                && (is_institution_head(m) || (toks.is_cap(h - 1) && !is_stop_cap(m) && !is_role_word(m)));
            if body && let Some(inner) = build(toks, lo, None, j, h - 1) {
                let written = toks.span_text(first, h).to_string();
                return Some(Np { first, definite, written, after_preposition, ..inner });
            }
        }
        // A description: "an Islamabad-based senior intelligence official", "Residents".
        let kind = if is_docref_head(hf) { NpKind::DocRef } else { NpKind::Anon };
        // Words joined by single spaces (words are never empty).
        let mut name = String::new();
        let mut role = String::new();
        for i in j..=h {
            if !toks.is_word(i) {
                continue;
            }
            let to = if toks.f(i).ends_with("-based") { &mut role } else { &mut name };
            if !to.is_empty() {
                to.push(' ');
            }
            to.push_str(toks.s(i));
        }
        if single && toks.is_cap(h) {
            name = lower_first(&name);
        }
        let role = if role.is_empty() { None } else { Some(role) };
        return Some(base(kind, name, role, false));
    }
    // A capitalised name, possibly after titles: "Afghan Chief of Army Staff Fasihuddin Fitrat".
    let words: Vec<usize> = (j..=h).filter(|&i| toks.is_word(i)).collect();
    let inst = words.iter().any(|&i| toks.is_cap(i) && is_institution_head(toks.f(i)));
    let particle =
        |i: usize| matches!(toks.f(i), "bin" | "ibn" | "ul" | "ud" | "al" | "al-" | "de" | "van" | "von");
    let role_ish = |i: usize| {
        let f = toks.f(i);
        is_role_word(f)
            || is_person_head(f)
            || (!toks.is_cap(i) && !particle(i) && !NAME_JOINERS.contains(&f))
    };
    // The name is the trailing run of capitalised words; a title or description may precede it.
    let mut r = words.len();
    while r > 0 && (toks.is_cap(words[r - 1]) || particle(words[r - 1])) && !role_ish(words[r - 1]) {
        r -= 1;
    }
    // An honorific that is part of how a person is named ("Haji Khan Jan", "Mullah Omar",
    // "Sheikh Rasheed") stays in the name.
    while r > 0 && r < words.len() && toks.is_cap(words[r - 1]) && is_honorific(toks.f(words[r - 1])) {
        r -= 1;
    }
    if r > 0 && r < words.len() && role_ish(words[r - 1]) {
        let name_part = &words[r..];
        if !name_part.iter().any(|&i| is_institution_head(toks.f(i))) {
            let name = toks.span_text(name_part[0], h).to_string();
            let role = clean_role(toks.span_text(words[0], words[r - 1]));
            return Some(base(NpKind::Name, name, role, false));
        }
    }
    // "Member National Assembly Sajid Khan": a title naming an institution, then a person.
    if inst
        && words.len() >= 4
        && (is_role_word(toks.f(words[0])) || matches!(toks.f(words[0]), "member" | "speaker"))
        && let Some(li) = words.iter().rposition(|&i| is_institution_head(toks.f(i)))
        && words.len() - li > 2
        && words[li + 1..].iter().all(|&i| toks.is_cap(i) && !role_ish(i) && !is_institution_head(toks.f(i)))
    {
        let name = toks.span_text(words[li + 1], h).to_string();
        let role = clean_role(toks.span_text(words[0], words[li]));
        return Some(base(NpKind::Name, name, role, false));
    }
    let text = toks.span_text(j, h).to_string();
    if !inst && words.last().is_some_and(|&i| is_role_word(toks.f(i))) {
        return Some(base(NpKind::Name, text, None, true));
    }
    Some(base(NpKind::Name, text, None, false))
}

/// "security officials" → "security official" (regular plurals only).
pub(crate) fn singular_phrase(s: &str) -> String {
    match s.rsplit_once(' ') {
        Some((a, b)) => format!("{a} {}", singular_word(b)),
        None => singular_word(s),
    }
}

fn singular_word(w: &str) -> String {
    match w {
        "people" => "person".into(),
        "men" => "man".into(),
        "women" => "woman".into(),
        _ if w.ends_with("ies") && w.len() > 4 => format!("{}y", &w[..w.len() - 3]),
        _ if w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 => w[..w.len() - 1].to_string(),
        _ => w.to_string(),
    }
}

fn is_time_word(f: &str) -> bool {
    matches!(
        f,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "week"
            | "month"
            | "year"
            | "morning"
            | "evening"
            | "night"
            | "afternoon"
            | "weekend"
            | "earlier"
            | "later"
    )
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if !s.chars().skip(1).any(|x| x.is_uppercase()) => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

/// The phrase ending at token `hi - 1`, read backwards, not before `lo`.
pub(crate) fn np_backward(toks: &Toks, lo: usize, hi: usize) -> Option<Np> {
    let mut hi = hi;
    if hi >= lo + 3 && toks.f(hi - 1) == "others" && toks.f(hi - 2) == "and" {
        hi -= 2;
    }
    if hi <= lo {
        return None;
    }
    let h = hi - 1;
    if !toks.is_word(h) {
        return None;
    }
    let hf = toks.f(h);
    if is_pronoun(hf) {
        return build(toks, lo, None, h, h);
    }
    let cap = is_name_word(toks, h);
    let headed = is_person_head(hf) || is_institution_head(hf) || is_docref_head(hf);
    if !cap && !headed {
        return None;
    }
    let mut j = h;
    let mut det = None;
    let mut role_mode = cap && is_role_word(hf);
    let mut list_mode = false;
    let mut steps = 0;
    while j > lo && steps < 18 {
        steps += 1;
        let p = j - 1;
        match toks.kind(p) {
            Some(K::Word) => {
                let pf = toks.f(p);
                if pf == "the" && p > lo && toks.f(p - 1) == "of" && cap {
                    j = p;
                    continue;
                }
                if is_determiner(pf) {
                    det = Some(p);
                    break;
                }
                if cap {
                    if is_name_word(toks, p) {
                        if is_role_word(pf) {
                            role_mode = true;
                        }
                        j = p;
                        continue;
                    }
                    if NAME_JOINERS.contains(&pf)
                        && p > lo
                        && (is_name_word(toks, p - 1)
                            || (role_mode && toks.is_word(p - 1) && !is_stop(toks.f(p - 1))))
                    {
                        if pf == "and" {
                            list_mode = true;
                        }
                        j = p;
                        continue;
                    }
                    if is_role_word(pf) {
                        role_mode = true;
                        j = p;
                        continue;
                    }
                    if role_mode
                        && !is_stop(pf)
                        && cue_lemma(pf).is_none()
                        && pf.chars().next().is_some_and(|c| c.is_alphabetic())
                    {
                        j = p;
                        continue;
                    }
                    // A short lower-case description right before a name, at a phrase
                    // boundary: "“…,” trader Ana Lopez said", "local farmer Ana Lopez".
                    let mut q = p + 1;
                    while q > lo
                        && p + 1 - (q - 1) <= 3
                        && toks.is_word(q - 1)
                        && !toks.is_cap(q - 1)
                        && !is_stop(toks.f(q - 1))
                        && cue_lemma(toks.f(q - 1)).is_none()
                        && !is_adverb(toks.f(q - 1))
                        && toks.f(q - 1).chars().next().is_some_and(|c| c.is_alphabetic())
                    {
                        q -= 1;
                    }
                    let boundary = q == lo
                        || matches!(
                            toks.kind(q - 1),
                            Some(K::Comma) | Some(K::Colon) | Some(K::Q(_)) | Some(K::Dash) | Some(K::Paren)
                        )
                        || (toks.is_word(q - 1) && is_determiner(toks.f(q - 1)));
                    if q <= p && boundary {
                        j = q;
                        if q > lo && toks.is_word(q - 1) && is_determiner(toks.f(q - 1)) {
                            det = Some(q - 1);
                        }
                    }
                    break;
                }
                if is_stop(pf)
                    || cue_lemma(pf).is_some()
                    || pf.chars().next().is_some_and(|c| c.is_ascii_digit())
                {
                    break;
                }
                j = p;
            }
            Some(K::Comma) if cap && list_mode && p > lo && is_name_word(toks, p - 1) => {
                j = p;
            }
            _ => break,
        }
    }
    // "during the meeting Prime Minister X": after a preposition, a title and a name are
    // the phrase, not the lower-case words before them.
    if cap
        && let Some(d) = det
        && d > lo
        && toks.is_word(d - 1)
        && PREPOSITIONS.contains(&toks.f(d - 1))
        && let Some(low) = (j..h).rev().find(|&i| {
            toks.is_word(i)
                && !toks.is_cap(i)
                && !NAME_JOINERS.contains(&toks.f(i))
                && !is_role_word(toks.f(i))
        })
        && (low + 1..=h).any(|i| toks.is_cap(i) && is_role_word(toks.f(i)))
    {
        j = low + 1;
        det = None;
    }
    while j < h && !toks.is_word(j) {
        j += 1;
    }
    let mut np = build(toks, lo, det, j, h)?;
    // Partitive: "one of the officials" is one official.
    if let Some(d) = det
        && d >= lo + 2
        && toks.f(d - 1) == "of"
        && matches!(
            toks.f(d - 2),
            "one" | "some" | "two" | "three" | "several" | "many" | "most" | "none" | "each" | "both" | "all"
        )
    {
        np.first = d - 2;
        np.written = toks.span_text(d - 2, h).to_string();
        np.after_preposition = d - 2 > lo && toks.is_word(d - 3) && PREPOSITIONS.contains(&toks.f(d - 3));
        if toks.f(d - 2) == "one" && np.kind == NpKind::Anon {
            np.name = singular_phrase(&np.name);
        }
    }
    // "an engineer with the agency", "a spokesman for the Foreign Office": the person speaks.
    if np.after_preposition
        && np.kind != NpKind::Pronoun
        && np.first >= lo + 2
        && matches!(toks.f(np.first - 1), "with" | "for" | "of" | "at" | "from")
        && let Some(outer) = np_backward(toks, lo, np.first - 1)
        && ((outer.kind == NpKind::Anon && is_person_head(&outer.head)) || outer.role_only)
    {
        let written = toks.span_text(outer.first, np.last).to_string();
        let name = format!("{} {} {}", outer.name, toks.s(np.first - 1), np.written);
        return Some(Np { last: np.last, name, written, kind: NpKind::Anon, ..outer });
    }
    Some(np)
}

/// A common noun phrase with its article right before `hi` ("the harbour master"), for
/// subjects whose head noun is in no list.
fn plain_np_backward(toks: &Toks, lo: usize, hi: usize) -> Option<Np> {
    let h = hi.checked_sub(1)?;
    if h < lo || !toks.is_word(h) || toks.is_cap(h) {
        return None;
    }
    let hf = toks.f(h);
    if is_stop(hf)
        || cue_lemma(hf).is_some()
        || is_adverb(hf)
        || !hf.chars().all(|c| c.is_alphabetic() || c == '-')
    {
        return None;
    }
    let mut j = h;
    while j > lo && h - j < 4 {
        let p = j - 1;
        if !toks.is_word(p) {
            return None;
        }
        let pf = toks.f(p);
        if is_determiner(pf) {
            if !matches!(pf, "the" | "a" | "an" | "this" | "that") {
                return None;
            }
            let np = build(toks, lo, Some(p), j, h)?;
            // "a police officer at the scene": the person, not the place.
            if np.after_preposition
                && np.first >= lo + 2
                && matches!(toks.f(np.first - 1), "with" | "for" | "of" | "at" | "from")
                && let Some(outer) = np_backward(toks, lo, np.first - 1)
                && outer.kind == NpKind::Anon
                && (is_person_head(&outer.head) || is_institution_head(&outer.head))
            {
                let written = toks.span_text(outer.first, np.last).to_string();
                let name = format!("{} {} {}", outer.name, toks.s(np.first - 1), np.written);
                return Some(Np { last: np.last, name, written, ..outer });
            }
            return if np.after_preposition { None } else { Some(np) };
        }
        if toks.is_cap(p) || is_stop(pf) || cue_lemma(pf).is_some() || is_adverb(pf) {
            return None;
        }
        j = p;
    }
    None
}

/// The phrase starting at token `i`, read forwards, before `hi` ("according to X", "said X").
pub(crate) fn np_forward(toks: &Toks, i: usize, hi: usize) -> Option<Np> {
    let hi = hi.min(toks.len());
    let mut j = i;
    let mut det = None;
    if j < hi && toks.is_word(j) && is_determiner(toks.f(j)) && !toks.f(j).chars().all(|c| c.is_ascii_digit())
    {
        det = Some(j);
        j += 1;
    }
    if j < hi && toks.is_word(j) && is_pronoun(toks.f(j)) {
        return build(toks, i, None, j, j);
    }
    let start = j;
    let mut head = None;
    let mut steps = 0;
    while j < hi && steps < 14 {
        steps += 1;
        if !toks.is_word(j) {
            break;
        }
        let wf = toks.f(j);
        if is_name_word(toks, j) {
            head = Some(j);
            j += 1;
            continue;
        }
        if toks.is_cap(j) {
            break;
        }
        if cue_lemma(wf).is_some() || (is_adverb(wf) && !is_person_head(wf)) {
            break;
        }
        if matches!(wf, "of" | "for" | "and" | "the" | "al" | "bin" | "de") && head.is_some() {
            let nf = toks.f(j + 1);
            let next_ok = toks.is_word(j + 1)
                && (toks.is_cap(j + 1)
                    || is_determiner(nf)
                    || is_institution_head(nf)
                    || is_person_head(nf)
                    || (wf == "the" && !is_stop(nf) && cue_lemma(nf).is_none()));
            if next_ok && j + 1 < hi {
                j += 1;
                continue;
            }
            break;
        }
        if is_stop(wf) {
            break;
        }
        let headword =
            is_person_head(wf) || is_institution_head(wf) || is_docref_head(wf) || is_role_word(wf);
        // After a name, a lower-case word continues the phrase only as a head noun or after a
        // possessive or a demonym ("Pakistan’s military wing", "Afghan officials"), never as
        // a verb ("Pakistan summoned …").
        if let Some(hd) = head
            && hd + 1 == j
            && !headword
        {
            let prev = toks.s(hd);
            let possessive = strip_possessive(prev) != prev;
            let demonym = !is_state(&fold(prev))
                && (["i", "ian", "ese", "ish"].iter().any(|suf| prev.ends_with(suf))
                    || matches!(prev, "Afghan" | "American" | "European" | "African" | "Korean" | "Mexican"));
            if !possessive && !demonym {
                break;
            }
        }
        if headword {
            head = Some(j);
        }
        j += 1;
    }
    let h = head?;
    // "a statement from the ministry": the organisation speaks.
    if is_docref_head(toks.f(h)) && matches!(toks.f(h + 1), "from" | "by" | "of" | "issued") {
        let k = if toks.f(h + 1) == "issued" && toks.f(h + 2) == "by" { h + 3 } else { h + 2 };
        if let Some(inner) = np_forward(toks, k, hi)
            && inner.kind != NpKind::Pronoun
        {
            return Some(inner);
        }
    }
    let mut np = build(toks, i, det, start, h)?;
    // "said the military spokesman, Asim Khan.": the name after the description speaks.
    if is_description(&np) && toks.kind(h + 1) == Some(K::Comma) && h + 2 < hi {
        let e = (h + 2..hi).find(|&x| !toks.is_word(x) || !(toks.is_cap(x) || is_name_word(toks, x)));
        let e = e.unwrap_or(hi);
        let closed =
            e >= toks.len() || matches!(toks.kind(e), Some(K::Comma) | Some(K::Stop) | Some(K::Semi));
        if e > h + 2
            && closed
            && let Some(mut name) = np_backward(toks, h + 2, e)
            && name.kind == NpKind::Name
            && !name.role_only
            && name.first == h + 2
        {
            name.role = merge_role(clean_role(&np.written), name.role.take());
            return Some(name);
        }
    }
    // Appositive after the name: "said Ahmed Khan, a spokesman for the ministry".
    if toks.kind(h + 1) == Some(K::Comma) && appositive_start(toks, h + 2) {
        let mut e = h + 2;
        while e < hi && matches!(toks.kind(e), Some(K::Word) | Some(K::Paren) | Some(K::Other)) {
            e += 1;
        }
        // Only a closed appositive ("X, the envoy, said" / "said X, the envoy.") is a role;
        // "according to X, the forum “…”" opens the main clause instead.
        let closed =
            e >= toks.len() || matches!(toks.kind(e), Some(K::Comma) | Some(K::Stop) | Some(K::Semi));
        if e > h + 2 && closed {
            np.role = merge_role(np.role.take(), appositive_role(toks, h + 2, e - 1));
        }
    }
    Some(np)
}

fn merge_role(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

/// Does token `i` open an appositive ("the", "a", "who", a lower-case noun, a title)?
fn appositive_start(toks: &Toks, i: usize) -> bool {
    if !toks.is_word(i) {
        return false;
    }
    let f = toks.f(i);
    if is_determiner(f) || f == "who" || f == "whose" {
        return true;
    }
    if toks.is_cap(i) {
        // "Haji Khan Jan" after a comma is a name, not a title.
        return is_role_word(f) && !is_honorific(f);
    }
    // Participles open clauses, not appositives ("…, standing beside the truck").
    let participle = f.len() > 4 && (f.ends_with("ing") || f.ends_with("ed")) && !is_role_word(f);
    !is_stop(f) && cue_lemma(f).is_none() && !participle
}

/// The role an appositive gives: none for an age or a clause that does not say what the
/// person is ("who asked not to be named"); "who heads X" gives "heads X".
fn appositive_role(toks: &Toks, a: usize, b: usize) -> Option<String> {
    let f = toks.f(a);
    if f.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if matches!(f, "who" | "whose") {
        let verb = toks.f(a + 1);
        let role_like = matches!(
            verb,
            "is" | "was"
                | "serves"
                | "served"
                | "heads"
                | "headed"
                | "leads"
                | "led"
                | "chairs"
                | "runs"
                | "directs"
                | "manages"
                | "owns"
                | "teaches"
                | "works"
                | "represents"
                | "commands"
        );
        if !role_like || a + 1 > b {
            return None;
        }
        let from = if matches!(verb, "is" | "was" | "serves" | "served") { a } else { a + 1 };
        return clean_role(toks.span_text(from, b));
    }
    clean_role(toks.span_text(a, b))
}

/// The subject of a cue verb at token `hi`, looking back no further than `lo`.
pub(crate) fn subject_in_region(toks: &Toks, lo: usize, hi: usize) -> Option<Np> {
    let lo = lo.max(hi.saturating_sub(WINDOW));
    let mut j = hi;
    // "the Inter-Services Public Relations (ISPR) said": the name before its acronym.
    if j > lo + 2 && toks.s(j - 1) == ")" {
        let mut b = j - 1;
        while b > lo && b + 6 > j && toks.s(b) != "(" {
            b -= 1;
        }
        if toks.s(b) == "(" && b > lo && toks.is_word(b - 1) {
            j = b;
        }
    }
    // "X was quoted as saying".
    if toks.f(j.wrapping_sub(1)) == "as" && toks.f(j.wrapping_sub(2)) == "quoted" && j >= lo + 2 {
        j -= 2;
    }
    loop {
        let before = j;
        while j > lo && toks.is_word(j - 1) && is_adverb(toks.f(j - 1)) && !is_name_word(toks, j - 1) {
            j -= 1;
        }
        // Time phrases between subject and verb: "X on Friday said", "X late on Sunday told".
        if j > lo && toks.is_word(j - 1) && is_time_word(toks.f(j - 1)) {
            j -= 1;
            while j > lo
                && matches!(toks.f(j - 1), "on" | "late" | "early" | "last" | "this" | "earlier" | "night")
            {
                j -= 1;
            }
        }
        if j == before {
            break;
        }
    }
    if j <= lo {
        return None;
    }
    // A second verb of the clause's subject: "The minister offered his condolences and said".
    if j > lo + 1
        && toks.is_word(j - 1)
        && toks.f(j - 1) == "and"
        && let Some(np) = sentence_subject(toks, lo, j - 1)
        && matches!(np.kind, NpKind::Name | NpKind::Anon)
    {
        return Some(np);
    }
    if toks.kind(j - 1) == Some(K::Comma) {
        let end = j - 1;
        for c in lo..end {
            if toks.kind(c) != Some(K::Comma) {
                continue;
            }
            let Some(mut np) = np_backward(toks, lo, c) else { continue };
            let appositive = appositive_start(toks, c + 1);
            // "The spokesman for X, Name, in talks with Y, said": a description, the name, then
            // a parenthetical.
            if np.kind == NpKind::Name
                && !np.role_only
                && !np.after_preposition
                && np.first > lo + 1
                && toks.kind(np.first - 1) == Some(K::Comma)
                && !appositive
                // After an opening adverbial or not: "Meanwhile, spokesman for X, Name, …".
                && let Some(d) = description_before(toks, lo, np.first - 1).or_else(|| {
                    (toks.is_word(lo) && toks.kind(lo + 1) == Some(K::Comma) && lo + 2 < np.first - 1)
                        .then(|| description_before(toks, lo + 2, np.first - 1))
                        .flatten()
                })
            {
                np.role = merge_role(clean_role(&d.written), np.role.take());
                return Some(np);
            }
            if np.after_preposition || np.kind == NpKind::Pronoun || !(appositive || np.first == lo) {
                continue;
            }
            if !appositive {
                // "The military spokesman, Asim Khan, said": a description, then the name.
                if let Some(named) = name_after_description(toks, &np, c, end) {
                    return Some(named);
                }
                // A parenthetical ("X, in a meeting with Y, conveyed"): no role in it.
                return Some(np);
            }
            let mut e = c + 1;
            while e < end && toks.kind(e) != Some(K::Comma) {
                e += 1;
            }
            np.role = merge_role(np.role.take(), appositive_role(toks, c + 1, e - 1));
            return Some(np);
        }
        // A name after its title: "The group's spokesman, Name, said", "The army's media
        // wing, Inter-Services Public Relations (ISPR), said".
        let mut end = end;
        if end > lo && toks.s(end - 1) == ")" {
            let mut b = end - 1;
            while b > lo && b + 6 > end && toks.s(b) != "(" {
                b -= 1;
            }
            if toks.s(b) == "(" {
                end = b;
            }
        }
        let mut np = np_backward(toks, lo, end).filter(|n| !n.after_preposition)?;
        if np.kind == NpKind::Name
            && np.first > lo
            && toks.kind(np.first - 1) == Some(K::Comma)
            && let Some(r) =
                np_backward(toks, lo, np.first - 1).or_else(|| plain_np_backward(toks, lo, np.first - 1))
            && (r.kind == NpKind::Anon || r.role_only)
        {
            np.role = merge_role(np.role.take(), clean_role(&r.written));
        }
        return Some(np);
    }
    if let Some(mut np) = np_backward(toks, lo, j) {
        if np.after_preposition {
            return docref_subject(toks, lo, j)
                .or_else(|| unclosed_appositive(toks, lo, j))
                .or_else(|| through_phrases(toks, lo, j));
        }
        // "The interior minister, Asim Khan said": the description before the name is its role.
        if np.kind == NpKind::Name
            && !np.role_only
            && np.first > lo + 1
            && toks.kind(np.first - 1) == Some(K::Comma)
            && let Some(d) = description_before(toks, lo, np.first - 1)
        {
            np.role = merge_role(clean_role(&d.written), np.role.take());
        }
        return Some(np);
    }
    if let Some(np) = plain_np_backward(toks, lo, j).or_else(|| through_phrases(toks, lo, j)) {
        return Some(np);
    }
    // Relative clause: "The official who requested anonymity also noted".
    for w in (lo..j).rev() {
        if toks.is_word(w) && matches!(toks.f(w), "who" | "which") {
            if w > lo && toks.kind(w - 1) == Some(K::Comma) {
                return relative_antecedent(toks, lo, w - 1);
            }
            return np_backward(toks, lo, w);
        }
        if matches!(toks.kind(w), Some(K::Q(_))) {
            break;
        }
    }
    None
}

/// The antecedent of ", who said": the phrase before the comma at `comma`, or, when that
/// phrase is an appositive ("X, the envoy to Y, who said"), the name before the appositive.
/// A preposition before the antecedent does not matter ("criticised by X, who said").
fn relative_antecedent(toks: &Toks, lo: usize, comma: usize) -> Option<Np> {
    if let Some(c0) = (lo..comma).rev().find(|&c| toks.kind(c) == Some(K::Comma))
        // "the envoy to Y", or a possessive one: "Russia's envoy to Y".
        && (appositive_start(toks, c0 + 1) || strip_possessive(toks.s(c0 + 1)) != toks.s(c0 + 1))
        && (c0 + 1..comma).all(|i| toks.is_word(i) || toks.kind(i) == Some(K::Other))
        && let Some(mut np) = np_backward(toks, lo, c0)
        && matches!(np.kind, NpKind::Name | NpKind::Anon)
        && !np.role_only
    {
        np.role = merge_role(np.role.take(), appositive_role(toks, c0 + 1, comma - 1));
        return Some(np);
    }
    np_backward(toks, lo, comma).filter(|np| matches!(np.kind, NpKind::Name | NpKind::Anon))
}

/// A description of a person that opens the clause at `lo` and ends right before the comma at
/// token `comma`: "the military spokesman", "the interior minister", "Foreign Office spokesperson".
fn description_before(toks: &Toks, lo: usize, comma: usize) -> Option<Np> {
    let d = np_backward(toks, lo, comma).or_else(|| plain_np_backward(toks, lo, comma))?;
    (d.first == lo && !d.after_preposition && is_description(&d)).then_some(d)
}

/// A phrase that describes a person without naming them: "the spokesman", "the Prime Minister".
fn is_description(np: &Np) -> bool {
    (np.kind == NpKind::Anon && is_person_head(&np.head)) || (np.kind == NpKind::Name && np.role_only)
}

/// "the military spokesman, Asim Khan, said": when the description `desc` ends at the comma
/// token `c` and the segment after it (up to the next comma, or `end`) is exactly a person's
/// name, the name speaks and the description is its role.
fn name_after_description(toks: &Toks, desc: &Np, c: usize, end: usize) -> Option<Np> {
    if !is_description(desc) {
        return None;
    }
    let e = (c + 1..end).find(|&i| toks.kind(i) == Some(K::Comma)).unwrap_or(end);
    let mut name = np_backward(toks, c + 1, e)?;
    if name.kind != NpKind::Name || name.role_only || name.first != c + 1 || name.last + 1 != e {
        return None;
    }
    name.role = merge_role(clean_role(&desc.written), name.role.take());
    Some(name)
}

/// "a statement by the hospital in Kabul said": the document's author speaks. Looks back from
/// the verb at `hi` for a document noun followed by "by", "from", "of" or "issued by".
fn docref_subject(toks: &Toks, lo: usize, hi: usize) -> Option<Np> {
    let from = lo.max(hi.saturating_sub(16));
    for d in (from..hi).rev() {
        if !toks.is_word(d) {
            return None;
        }
        if !is_docref_head(toks.f(d)) || !matches!(toks.f(d + 1), "by" | "from" | "of" | "issued") {
            continue;
        }
        let k = if toks.f(d + 1) == "issued" && toks.f(d + 2) == "by" { d + 3 } else { d + 2 };
        return np_forward(toks, k, hi).filter(|np| matches!(np.kind, NpKind::Name | NpKind::Anon));
    }
    None
}

/// A name whose appositive runs up to the verb without its closing comma, as hurried copy
/// writes it: "Name, director of X in Y told". Only a proper name opening the clause
/// qualifies, so "talks in Y" or "the attack on X said" never become speakers.
fn unclosed_appositive(toks: &Toks, lo: usize, hi: usize) -> Option<Np> {
    let c = (lo..hi).find(|&c| toks.kind(c) == Some(K::Comma))?;
    if (c + 1..hi).any(|i| !toks.is_word(i) && toks.kind(i) != Some(K::Other)) {
        return None;
    }
    let mut np = np_backward(toks, lo, c)?;
    if np.kind != NpKind::Name || np.first != lo || np.after_preposition || !appositive_start(toks, c + 1) {
        return None;
    }
    np.role = merge_role(np.role.take(), appositive_role(toks, c + 1, hi - 1));
    Some(np)
}

/// A subject followed by prepositional phrases up to the verb: "A police officer in X on
/// condition of anonymity said". The subject must open the clause and be a name or a person
/// description; the phrases must be plain words.
fn through_phrases(toks: &Toks, lo: usize, hi: usize) -> Option<Np> {
    if (lo..hi).any(|i| !toks.is_word(i)) {
        return None;
    }
    // A participle opens the modifier too: "A police officer speaking on condition of …".
    let opens = |p: usize| {
        let f = toks.f(p);
        PREPOSITIONS.contains(&f)
            || (f.len() > 5 && f.ends_with("ing") && cue_lemma(f).is_none())
            // "A security official based in X told", "a doctor stationed at Y said".
            || matches!(f, "based" | "stationed" | "posted" | "deployed" | "working" | "serving")
    };
    (lo + 1..hi).filter(|&p| opens(p)).find_map(|p| {
        np_backward(toks, lo, p).filter(|np| {
            np.first == lo
                && !np.after_preposition
                && (np.kind == NpKind::Name || (np.kind == NpKind::Anon && is_person_head(&np.head)))
        })
    })
}

/// The first token of the clause containing token `k`: after the last quotation before it
/// (a quotation's own attribution belongs to it) and never before `s`.
fn clause_start(toks: &Toks, s: usize, k: usize) -> usize {
    let s = s.max(k.saturating_sub(WINDOW));
    (s..k).rev().find(|&i| matches!(toks.kind(i), Some(K::Q(_)))).map(|i| i + 1).unwrap_or(s)
}

/// Attribution from the words before quotation token `k` in the sentence starting at `s`.
pub(crate) fn find_pre(toks: &Toks, s: usize, k: usize) -> Option<Attr> {
    let s = s.max(k.saturating_sub(WINDOW));
    if let Some(a) = quoted_as(toks, clause_start(toks, s, k), k) {
        return Some(a);
    }
    for t in (s..k).rev() {
        if !toks.is_word(t) {
            continue;
        }
        let wf = toks.f(t);
        if wf == "according" && toks.f(t + 1) == "to" && t + 2 < k {
            if let Some(np) = np_forward(toks, t + 2, k) {
                return Some(Attr {
                    np: Some(np),
                    cue: Some("according to".into()),
                    cue_tok: Some(t),
                    via: Via::According,
                });
            }
            continue;
        }
        if !toks.is_cue(t) {
            continue;
        }
        let lo = clause_start(toks, s, t);
        let cue = Some(toks.s(t).to_string());
        if let Some(np) = subject_in_region(toks, lo, t) {
            return Some(Attr { np: Some(np), cue, cue_tok: Some(t), via: Via::Pre });
        }
        if wf.ends_with("ing") {
            // "X vowed to keep responding with “…”": a finite cue with its subject earlier in
            // the clause is the attribution; a bare participle ("adding that “…”") inherits.
            let finite =
                (lo..t).rev().filter(|&u| toks.is_cue(u) && !toks.f(u).ends_with("ing")).find_map(|u| {
                    subject_in_region(toks, clause_start(toks, lo, u), u).map(|np| Attr {
                        np: Some(np),
                        cue: Some(toks.s(u).to_string()),
                        cue_tok: Some(u),
                        via: Via::Pre,
                    })
                });
            return finite.or(Some(Attr { np: None, cue, cue_tok: Some(t), via: Via::Inherit }));
        }
        // Inverted: "said the minister: “…”".
        let invertible = matches!(
            cue_lemma(wf),
            Some(
                "say"
                    | "add"
                    | "write"
                    | "ask"
                    | "reply"
                    | "explain"
                    | "continue"
                    | "tell"
                    | "state"
                    | "declare"
                    | "warn"
                    | "note"
            )
        );
        if let Some(np) = np_forward(toks, t + 1, k)
            .filter(|n| invertible && strip_possessive(toks.s(n.last)) == toks.s(n.last))
            && (np.last + 1 == k
                || (np.last + 2 == k
                    && matches!(toks.kind(k - 1), Some(K::Colon) | Some(K::Comma) | Some(K::Dash))))
        {
            return Some(Attr { np: Some(np), cue, cue_tok: Some(t), via: Via::Pre });
        }
    }
    if k > s && toks.kind(k - 1) == Some(K::Colon) {
        let lo = clause_start(toks, s, k - 1);
        // A dateline ("WASHINGTON, UNITED STATES:") introduces the story, not a speaker.
        let dateline = (lo..k - 1).all(|i| {
            toks.kind(i) == Some(K::Comma) || (toks.is_word(i) && !toks.s(i).chars().any(char::is_lowercase))
        });
        if !dateline
            && let Some(np) = np_backward(toks, lo, k - 1)
            && np.kind != NpKind::Pronoun
            && !np.after_preposition
        {
            return Some(Attr { np: Some(np), cue: None, cue_tok: None, via: Via::Colon });
        }
    }
    None
}

/// Attribution from the words after quotation token `k`, before the sentence end `e`.
pub(crate) fn find_post(toks: &Toks, k: usize, e: usize) -> Option<Attr> {
    let mut i = k + 1;
    while i < e && matches!(toks.kind(i), Some(K::Comma) | Some(K::Dash) | Some(K::Other) | Some(K::Paren)) {
        i += 1;
    }
    if i >= e || !toks.is_word(i) {
        return None;
    }
    if toks.f(i) == "according" && toks.f(i + 1) == "to" {
        let np = np_forward(toks, i + 2, e)?;
        return Some(Attr {
            np: Some(np),
            cue: Some("according to".into()),
            cue_tok: Some(i),
            via: Via::According,
        });
    }
    if toks.is_cue(i) {
        // Inverted: "“…,” said the minister."
        let mut np = np_forward(toks, i + 1, e)?;
        if let Some(named) = self_named(toks, &np, e) {
            np = named;
        }
        return Some(Attr {
            np: Some(np),
            cue: Some(toks.s(i).to_string()),
            cue_tok: Some(i),
            via: Via::Post,
        });
    }
    let limit = e.min(i + 48);
    if let Some(a) = quoted_as(toks, i, limit) {
        return Some(a);
    }
    for t in i..limit {
        match toks.kind(t) {
            Some(K::Q(_)) | Some(K::Stop) | Some(K::Semi) => break,
            Some(K::Word) if toks.is_cue(t) => {
                if is_passive_cue(toks, i, t) {
                    // "“…,” the envoy was told": the subject heard the words, it did not say them.
                    return Some(Attr {
                        np: None,
                        cue: Some(toks.s(t).to_string()),
                        cue_tok: Some(t),
                        via: Via::Post,
                    });
                }
                let mut np = subject_in_region(toks, i, t)?;
                // "the ROLE, NAME said", or a clause or phrase closed by a comma before the
                // speaker: "“…,” where dozens were waiting, he said", "“…” under fire from both
                // sides, Name told AFP".
                let described = np.first > i + 1
                    && toks.kind(np.first - 1) == Some(K::Comma)
                    && (description_before(toks, i, np.first - 1).is_some()
                        || (matches!(np.kind, NpKind::Pronoun | NpKind::Name)
                            && matches!(
                                toks.f(i),
                                "where"
                                    | "when"
                                    | "which"
                                    | "as"
                                    | "after"
                                    | "before"
                                    | "under"
                                    | "in"
                                    | "during"
                                    | "amid"
                                    | "with"
                            )));
                // "“…,” Name, a spokeswoman for the ministry said": the appositive lacks its
                // closing comma, so the description came out as the subject.
                if np.kind == NpKind::Anon
                    && np.first > i + 1
                    && toks.kind(np.first - 1) == Some(K::Comma)
                    && let Some(mut name) = np_backward(toks, i, np.first - 1)
                    && name.kind == NpKind::Name
                    && !name.role_only
                    && name.first == i
                    && !name.after_preposition
                {
                    name.role = merge_role(name.role.take(), clean_role(&np.written));
                    np = name;
                }
                // "“…,” Inspector-General of Police, Punjab, Name said": a title whose parts
                // are set off by commas, before the name.
                let titled = np.kind == NpKind::Name
                    && !np.role_only
                    && np.first > i + 1
                    && toks.kind(np.first - 1) == Some(K::Comma)
                    && title_chain(toks, i, np.first - 1);
                if titled && np.role.is_none() {
                    np.role = clean_role(toks.span_text(i, np.first - 2));
                }
                if np.first != i && !described && !titled {
                    if !possessive_prefix(toks, i, np.first) {
                        return None;
                    }
                    if np.role.is_none() {
                        np.role = clean_role(toks.span_text(i, np.first - 1));
                    }
                }
                return Some(Attr {
                    np: Some(np),
                    cue: Some(toks.s(t).to_string()),
                    cue_tok: Some(t),
                    via: Via::Post,
                });
            }
            _ => {}
        }
    }
    None
}

/// Tokens `a..b` are a title written in parts ("Inspector-General of Police, Punjab"):
/// capitalised words, commas and linking words only, opening with a role word.
fn title_chain(toks: &Toks, a: usize, b: usize) -> bool {
    let role_word = |i: usize| toks.f(i).split('-').any(is_role_word);
    b > a
        && b - a <= 12
        && toks.is_cap(a)
        && role_word(a)
        && (a..b).all(|i| {
            toks.kind(i) == Some(K::Comma)
                || toks.is_cap(i)
                || (toks.is_word(i) && matches!(toks.f(i), "of" | "for" | "and" | "the"))
        })
}

/// "one witness, who identified himself as Khushal": the name a described speaker gives,
/// with the description as the role.
fn self_named(toks: &Toks, np: &Np, e: usize) -> Option<Np> {
    if np.kind != NpKind::Anon || toks.kind(np.last + 1) != Some(K::Comma) || toks.f(np.last + 2) != "who" {
        return None;
    }
    let from = np.last + 3;
    let ask = (from..(from + 6).min(e)).find(|&k| toks.f(k) == "as")?;
    let names = (from..ask).any(|k| matches!(toks.f(k), "identified" | "gave" | "named" | "introduced"));
    if !names || !toks.is_cap(ask + 1) {
        return None;
    }
    let mut name = np_forward(toks, ask + 1, e)?;
    if name.kind != NpKind::Name || name.role_only {
        return None;
    }
    name.role = merge_role(name.role.take(), clean_role(&np.name));
    Some(name)
}

/// "the network quoted Prime Minister X as saying", "the statement quoted X as warning": the
/// person quoted speaks, not the medium. Looks for "quoted NAME as" in tokens `lo..hi`.
fn quoted_as(toks: &Toks, lo: usize, hi: usize) -> Option<Attr> {
    for t in lo..hi {
        if matches!(toks.kind(t), Some(K::Q(_)) | Some(K::Stop) | Some(K::Semi)) {
            return None;
        }
        if toks.is_word(t) && toks.f(t) == "quoted" {
            let np = np_forward(toks, t + 1, hi)?;
            if matches!(np.kind, NpKind::Name | NpKind::Anon) && toks.f(np.last + 1) == "as" {
                return Some(Attr {
                    np: Some(np),
                    cue: Some("quoted".into()),
                    cue_tok: Some(t),
                    via: Via::Pre,
                });
            }
            return None;
        }
    }
    None
}

/// "was told", "were informed": a cue verb in the passive, whose subject is the listener.
fn is_passive_cue(toks: &Toks, lo: usize, t: usize) -> bool {
    t > lo
        && matches!(toks.f(t), "told" | "informed" | "asked" | "warned" | "assured" | "reminded")
        && matches!(toks.f(t - 1), "was" | "were" | "been" | "being" | "is" | "are")
}

/// Tokens `a..b` open a subject before its name: a possessive and up to three lower-case
/// modifiers ("Pakistan's leading daily Dawn", "the country's main broadcaster X").
fn possessive_prefix(toks: &Toks, a: usize, b: usize) -> bool {
    let mut i = a;
    if is_determiner(toks.f(i)) {
        i += 1;
    }
    if i >= b || !toks.is_word(i) || strip_possessive(toks.s(i)) == toks.s(i) {
        return false;
    }
    b - i <= 4
        && (i + 1..b).all(|j| {
            toks.is_word(j) && toks.s(j).chars().next().is_some_and(char::is_lowercase) && !is_stop(toks.f(j))
        })
}

/// Is quotation token `k` at the start of its sentence (nothing but conjunctions before it)?
pub(crate) fn starts_sentence(toks: &Toks, s: usize, k: usize) -> bool {
    (s..k).all(|i| match toks.kind(i) {
        Some(K::Word) => matches!(toks.f(i), "and" | "but" | "so" | "yet" | "or"),
        Some(K::Q(_)) => false,
        _ => true,
    })
}

/// The subject at the start of a sentence, after opening adverbials ("Meanwhile, Khan …").
pub(crate) fn sentence_subject(toks: &Toks, s: usize, e: usize) -> Option<Np> {
    let mut i = s;
    // A dateline: "ISLAMABAD (Agency) -", "KABUL:".
    let caps =
        |i: usize| toks.is_word(i) && toks.s(i).len() >= 3 && !toks.s(i).chars().any(char::is_lowercase);
    if caps(i) {
        let mut j = i;
        while j < e && j < i + 8 && !matches!(toks.kind(j), Some(K::Colon) | Some(K::Dash)) {
            j += 1;
        }
        if j < e && j < i + 8 {
            i = j + 1;
        }
    } else if let Some(c) = (i + 1..(i + 4).min(e)).find(|&c| !toks.is_cap(c))
        && toks.kind(c) == Some(K::Colon)
        && toks.is_cap(i)
        && toks.is_cap(c + 1)
    {
        // A dateline in title case: "Amritsar: Governor X said …".
        i = c + 1;
    }
    for _ in 0..2 {
        while i < e && !toks.is_word(i) {
            if matches!(toks.kind(i), Some(K::Q(_))) {
                return None;
            }
            i += 1;
        }
        let participle = |i: usize| {
            let f = toks.f(i);
            toks.is_cap(i) && f.len() > 5 && f.ends_with("ing") && !is_role_word(f)
        };
        if i < e && toks.is_cap(i) && (is_stop_cap(toks.f(i)) || participle(i)) && !is_determiner(toks.f(i)) {
            // Skip an opening adverbial up to its comma.
            let mut j = i;
            while j < e && j < i + 8 && toks.kind(j) != Some(K::Comma) {
                j += 1;
            }
            if toks.kind(j) == Some(K::Comma) {
                i = j + 1;
                continue;
            }
            return None;
        }
        break;
    }
    let np = np_forward(toks, i, e)?;
    // "Heavy weapons were used": a capitalised adjective before a plural noun, not a name.
    if np.kind == NpKind::Name && np.first == np.last {
        let n = np.last + 1;
        let f = toks.f(n);
        if toks.is_word(n)
            && !toks.is_cap(n)
            && f.len() > 3
            && f.ends_with('s')
            && !f.ends_with("ss")
            && cue_lemma(f).is_none()
            && !matches!(f, "was" | "has" | "is" | "does")
        {
            return None;
        }
    }
    if np.first != i { None } else { Some(np) }
}

/// Speakers named in a sentence outside any quotation: subjects of cue verbs, `according to X`
/// and the sentence's own subject. Returned with the byte position of each mention.
pub(crate) fn mentions(toks: &Toks, s: usize, e: usize) -> Vec<(usize, Np)> {
    let mut out = Vec::new();
    if let Some(np) = sentence_subject(toks, s, e)
        && (np.kind == NpKind::Name || (np.kind == NpKind::Anon && !np.definite && is_person_head(&np.head)))
    {
        out.push((toks.t.get(np.first).map(|t| t.start).unwrap_or(0), np));
    }
    // The last quotation seen: the clause of a cue starts after it (see [`clause_start`]).
    let mut last_q: Option<usize> = None;
    for t in s..e {
        let Some(&tok) = toks.t.get(t) else { break };
        if tok.k != K::Word {
            if matches!(tok.k, K::Q(_)) {
                last_q = Some(t);
            }
            continue;
        }
        let pos = tok.start;
        // A cue form is never "according".
        if !tok.cue {
            if toks.f(t) == "according"
                && toks.f(t + 1) == "to"
                && let Some(np) = np_forward(toks, t + 2, e)
            {
                out.push((pos, np));
            }
            continue;
        }
        if !toks.f(t).ends_with("ing") {
            // `clause_start(toks, s, t)` without its look-back.
            let from = s.max(t.saturating_sub(WINDOW));
            let lo = last_q.filter(|&q| q >= from).map_or(from, |q| q + 1);
            match subject_in_region(toks, lo, t) {
                Some(np) if np.kind != NpKind::Pronoun => out.push((pos, np)),
                Some(_) => {}
                // Inverted after a clause: "…, said Mohammad Khan, the police chief."
                None if t > s
                    && toks.kind(t - 1) == Some(K::Comma)
                    && matches!(cue_lemma(toks.f(t)), Some("say" | "add" | "state" | "explain" | "note")) =>
                {
                    if let Some(np) = np_forward(toks, t + 1, e)
                        && matches!(np.kind, NpKind::Name | NpKind::Anon)
                    {
                        out.push((pos, np));
                    }
                }
                None => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Toks<'_> {
        Toks::new(text, 0, text.len(), &[])
    }

    fn subject(text: &str) -> Option<Np> {
        let t = toks(text);
        let cue = (0..t.len()).rev().find(|&i| t.is_cue(i))?;
        subject_in_region(&t, 0, cue)
    }

    #[test]
    fn title_before_name_is_the_role() {
        let np = subject("Deputy Interior Minister Karim Adeyemi said").unwrap();
        assert_eq!(np.name, "Karim Adeyemi");
        assert_eq!(np.role.as_deref(), Some("Deputy Interior Minister"));
        let np = subject("the regional rights chief Maria Olsen and others consider").unwrap();
        assert_eq!(np.name, "Maria Olsen");
    }

    #[test]
    fn appositive_after_name_is_the_role() {
        let np = subject("Later, Tomas Brandt, a Vienna-based security analyst, told").unwrap();
        assert_eq!(np.name, "Tomas Brandt");
        assert_eq!(np.role.as_deref(), Some("Vienna-based security analyst"));
        let np = subject("In Lagos, Ngozi Bello, who heads the port authority, also said").unwrap();
        assert_eq!(np.name, "Ngozi Bello");
    }

    #[test]
    fn anonymous_descriptions() {
        let np = subject("Meanwhile, a Geneva-based senior health official told").unwrap();
        assert_eq!(np.kind, NpKind::Anon);
        assert_eq!(np.name, "senior health official");
        let np = subject("The senior health official who asked not to be named noted").unwrap();
        assert_eq!(np.name, "senior health official");
        assert!(np.definite);
    }

    #[test]
    fn lists_and_organisations() {
        let np = subject("Last week, Norway, Chile and Kenya jointly urged").unwrap();
        assert_eq!(np.name, "Norway, Chile and Kenya");
        let np = subject("Freedonia’s Ministry of Water Resources said").unwrap();
        assert_eq!(np.name, "Freedonia’s Ministry of Water Resources");
        let np = subject("The statement said").unwrap();
        assert_eq!(np.kind, NpKind::DocRef);
    }

    #[test]
    fn forward_phrases() {
        let t = toks("according to a spokesman for the port authority, who declined");
        let np = np_forward(&t, 2, t.len()).unwrap();
        assert_eq!(np.name, "spokesman for the port authority");
        let t = toks("said Amal Haddad, the city's deputy mayor.");
        let np = np_forward(&t, 1, t.len()).unwrap();
        assert_eq!(np.name, "Amal Haddad");
        assert_eq!(np.role.as_deref(), Some("city's deputy mayor"));
    }
}
