//! Numbers in words and digits, and reported deaths under ACLED's rules.
//!
//! "more than 100" → 100, "over two hundred" → 200, "dozens" → 12, "hundreds" → 100,
//! "a dozen" → 12; injuries and unspecified "casualties" are not deaths.

use std::borrow::Cow;
use std::ops::Deref;

use super::lexicon::is_word_char;
use crate::extract::lexicon::{ASCII_ALNUM, ascii_alnum_run};

/// A word's lower-cased text: borrowed from the lower-cased sentence for an ASCII word (no
/// allocation, no copy), owned otherwise (Unicode lower-casing may change the length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lower<'a>(Cow<'a, str>);

impl Lower<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

/// A word of a sentence: byte range and lower-cased text.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    /// Byte start in the sentence.
    pub start: usize,
    /// Byte end in the sentence.
    pub end: usize,
    /// Lower-cased text.
    pub lower: Lower<'a>,
}

impl Word<'_> {
    /// The same word owning its lower-cased text.
    fn into_owned(self) -> Word<'static> {
        Word { start: self.start, end: self.end, lower: Lower(Cow::Owned(self.lower.0.into_owned())) }
    }
}

/// The character at byte `i` of `s` and its length (ASCII without decoding).
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some((char::from(b), 1)),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()).map(|c| (c, c.len_utf8())),
        None => None,
    }
}

/// Split a sentence into words: runs of letters and digits, keeping inner hyphens and the
/// thousands separator in "1,200". Each word owns its lower-cased text (see [`words_in`]).
pub fn words(s: &str) -> Vec<Word<'static>> {
    words_in(s, &s.to_ascii_lowercase()).into_iter().map(Word::into_owned).collect()
}

/// [`words`] of `s`, the lower-cased text of ASCII words borrowed from `lower`, which is
/// `s.to_ascii_lowercase()`.
pub fn words_in<'a>(s: &str, lower: &'a str) -> Vec<Word<'a>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 6 + 1);
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        // Skip to the next word character (ASCII without decoding).
        if !ASCII_ALNUM[usize::from(x)] {
            if x.is_ascii() {
                i += 1;
                continue;
            }
            match char_at(s, i) {
                Some((c, len)) if !is_word_char(c) => {
                    i += len;
                    continue;
                }
                Some(_) => {}
                None => break,
            }
        }
        let st = i;
        // Whether the word is all ASCII.
        let mut ascii = true;
        loop {
            i += b.get(i..).map_or(0, ascii_alnum_run);
            let Some(&x) = b.get(i) else { break };
            if x.is_ascii() {
                let inner = (x == b'-' && char_at(s, i + 1).is_some_and(|(n, _)| is_word_char(n)))
                    || (x == b','
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                        // The previous character is an ASCII digit exactly when its last byte is.
                        && i > 0
                        && b[i - 1].is_ascii_digit()
                        && b.len() >= i + 4
                        && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                        && !b.get(i + 4).is_some_and(u8::is_ascii_digit));
                if !inner {
                    break;
                }
                i += 1;
                continue;
            }
            match char_at(s, i) {
                Some((c, len)) if is_word_char(c) => {
                    ascii = false;
                    i += len;
                }
                _ => break,
            }
        }
        let low = match lower.get(st..i) {
            Some(l) if ascii => Cow::Borrowed(l),
            _ => Cow::Owned(s[st..i].to_lowercase()),
        };
        out.push(Word { start: st, end: i, lower: Lower(low) });
    }
    out
}

fn unit(w: &str) -> Option<u64> {
    Some(match w {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// A number expression: its value and how many words it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num {
    /// Value (lower bound for vague quantities).
    pub value: u64,
    /// Index of the first word.
    pub first: usize,
    /// Index one past the last word.
    pub end: usize,
}

/// Parse the number starting at word `i` ("11", "1,200", "two hundred", "twenty-three",
/// "a dozen", "dozens", "hundreds"). "a"/"an" only count before "dozen"/"hundred"/"thousand".
pub fn number_at(ws: &[Word], i: usize) -> Option<Num> {
    let w = ws.get(i)?.lower.as_str();
    if w.chars().all(|c| c.is_ascii_digit() || c == ',') && w.starts_with(|c: char| c.is_ascii_digit()) {
        let v: u64 = w.replace(',', "").parse().ok()?;
        let mut end = i + 1;
        let mut value = v;
        if let Some(next) = ws.get(i + 1) {
            match next.lower.as_str() {
                "hundred" => {
                    value = v.saturating_mul(100);
                    end += 1;
                }
                "thousand" => {
                    value = v.saturating_mul(1000);
                    end += 1;
                }
                _ => {}
            }
        }
        return Some(Num { value, first: i, end });
    }
    match w {
        "dozens" | "scores" => return Some(Num { value: 12, first: i, end: i + 1 }),
        "hundreds" => return Some(Num { value: 100, first: i, end: i + 1 }),
        "thousands" => return Some(Num { value: 1000, first: i, end: i + 1 }),
        "dozen" => return Some(Num { value: 12, first: i, end: i + 1 }),
        _ => {}
    }
    // Word numbers, possibly hyphenated ("twenty-three") and scaled ("two hundred").
    let mut value: u64 = 0;
    let mut current: u64 = 0;
    let mut j = i;
    let mut any = false;
    while let Some(word) = ws.get(j) {
        let lw = word.lower.as_str();
        if lw == "and" && any && j > 0 && matches!(ws[j - 1].lower.as_str(), "hundred" | "thousand") {
            // "two hundred and fifty"
            if ws.get(j + 1).and_then(|n| word_value(&n.lower)).is_some() {
                j += 1;
                continue;
            }
            break;
        }
        if let Some(v) = word_value(lw) {
            if (lw == "a" || lw == "an") && any {
                break;
            }
            current += v;
            any = true;
            j += 1;
            continue;
        }
        match lw {
            "dozen" if any => {
                current = current.max(1) * 12;
                j += 1;
            }
            "hundred" => {
                current = current.max(1) * 100;
                any = true;
                j += 1;
            }
            "thousand" => {
                value += current.max(1) * 1000;
                current = 0;
                any = true;
                j += 1;
            }
            _ => break,
        }
    }
    if !any {
        return None;
    }
    let total = value + current;
    // A bare "a"/"an" is an article, not a number.
    if j == i + 1 && matches!(w, "a" | "an") {
        return None;
    }
    Some(Num { value: total, first: i, end: j })
}

fn word_value(w: &str) -> Option<u64> {
    if let Some((a, b)) = w.split_once('-') {
        let (x, y) = (unit(a)?, unit(b)?);
        return (x >= 20 && x % 10 == 0 && y < 10).then_some(x + y);
    }
    unit(w)
}

/// Who the dead are: armed non-state, security forces, civilians.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VictimClass {
    /// Militants, fighters, terrorists.
    Armed,
    /// Soldiers, police, security personnel.
    Security,
    /// Civilians.
    Civilian,
    /// Not said.
    Unknown,
}

/// Classify a victim phrase ("TTP militants", "members of the elite forces").
pub fn victim_class(phrase: &str) -> VictimClass {
    let lower = phrase.to_lowercase();
    let ws: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // The head noun comes first; "including two policemen" is a subset.
    for w in ws.iter().take_while(|w| !matches!(**w, "including" | "among" | "of" | "mostly")) {
        let class = match *w {
            "militants" | "militant" | "terrorists" | "terrorist" | "fighters" | "fighter" | "insurgents"
            | "khawarij" | "attackers" | "gunmen" | "rebels" | "extremists" | "bombers" => VictimClass::Armed,
            "soldiers" | "soldier" | "troops" | "personnel" | "officers" | "officer" | "policemen"
            | "policeman" | "police" | "forces" | "army" | "commandos" | "guards" | "sepoys" | "jawans"
            | "levies" | "members" => VictimClass::Security,
            "civilians" | "civilian" | "people" | "persons" | "individuals" | "women" | "children"
            | "worshippers" | "passengers" | "students" | "villagers" | "residents" | "pilgrims"
            | "workers" | "journalists" => VictimClass::Civilian,
            _ => continue,
        };
        // "members of the elite forces": the noun after "of" decides.
        if *w == "members" {
            continue;
        }
        return class;
    }
    // "members of the elite forces", "two of our soldiers".
    if let Some(p) = ws.iter().position(|w| *w == "of") {
        let tail = ws[p + 1..].join(" ");
        let c = victim_class(&tail);
        if c != VictimClass::Unknown {
            return c;
        }
    }
    if ws.contains(&"members") {
        return VictimClass::Security;
    }
    VictimClass::Unknown
}

/// Deaths reported in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deaths {
    /// Number of dead (lower bound).
    pub n: u32,
    /// Who they are, as written ("TTP militants").
    pub victims: String,
    /// Class of the victims.
    pub class: VictimClass,
    /// Byte position in the sentence of the figure.
    pub at: usize,
    /// One victim named with "a"/"an" ("killing a policeman"): often one of a toll told
    /// elsewhere rather than a toll of its own.
    pub single: bool,
}

const KILL_AFTER: &[&str] = &[
    "killed",
    "dead",
    "died",
    "slain",
    "martyred",
    "perished",
    "neutralised",
    "neutralized",
    "eliminated",
    "lost",
    "martyrdom",
];
const KILL_BEFORE: &[&str] =
    &["killing", "killed", "kills", "eliminated", "eliminating", "neutralised", "neutralized"];
const NOT_DEATH: &[&str] = &[
    "injured",
    "wounded",
    "hurt",
    "casualties",
    "injuries",
    "arrested",
    "detained",
    "abducted",
    "kidnapped",
    "missing",
    "displaced",
    "percent",
    "per",
    "years",
    "year",
    "months",
    "days",
    "hours",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "times",
];

const GLUED_KILL: &[&str] = &["neutralised", "neutralized", "eliminated"];

fn is_kill_after(w: &str) -> bool {
    KILL_AFTER.contains(&w) || GLUED_KILL.iter().any(|k| w.len() > k.len() + 3 && w.ends_with(k))
}

fn is_year_like(ws: &[Word], n: &Num) -> bool {
    let w = &ws[n.first].lower;
    w.len() == 4 && !w.contains(',') && (1900..=2100).contains(&n.value) && n.end == n.first + 1
}

/// Find reported deaths in a sentence (figures inside quotes count too: "two soldiers lost
/// their lives," the army said).
pub fn find_deaths(s: &str) -> Vec<Deaths> {
    find_deaths_in(s, &words(s))
}

/// [`find_deaths`] with the sentence's [`words`] already split.
pub fn find_deaths_in(s: &str, ws: &[Word]) -> Vec<Deaths> {
    let mut out: Vec<Deaths> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(num) = number_at(ws, i).or_else(|| single_death(s, ws, i)) else {
            i += 1;
            continue;
        };
        if is_year_like(ws, &num) || num.value == 0 || num.value > 1_000_000 {
            i = num.end;
            continue;
        }
        // Skip ordinals and dates: "24th", "March 30".
        let prev = num.first.checked_sub(1).map(|p| ws[p].lower.as_str()).unwrap_or("");
        if is_month(prev) {
            i = num.end;
            continue;
        }
        // Pattern A: NUMBER [victims…] (were|have been)? KILLED — within 8 words, no injury word first.
        let mut found = None;
        let mut listed = 0;
        let mut skip_to = num.end;
        let mut j = num.end;
        // A victim phrase with names set off by dashes or brackets ("two soldiers – A and B –
        // were martyred") reaches further.
        let reach = if s
            .get(ws[num.first].end..ws[(num.end + 9).min(ws.len()) - 1].end)
            .is_some_and(|g| g.contains(['–', '—', '(']))
        {
            14
        } else {
            9
        };
        while j < ws.len() && j < num.end + reach {
            let w = ws[j].lower.as_str();
            if NOT_DEATH.contains(&w) {
                break;
            }
            // "five children were among those killed": a breakdown of a toll given elsewhere.
            if w == "among" {
                skip_to = j;
                break;
            }
            // "rescued 155 hostages and eliminated 27 terrorists": an active kill verb takes
            // the number after it, not the one before.
            if is_kill_after(w) && number_at(ws, j + 1).is_some() {
                break;
            }
            if is_kill_after(w) {
                // "lost" only as "lost their/his/her lives/life".
                if w == "lost" && !ws.get(j + 2).is_some_and(|x| x.lower.starts_with("li")) {
                    break;
                }
                let vic_start = ws.get(num.end).map(|x| x.start).unwrap_or(ws[num.first].end);
                let vic_end = ws[j].start;
                let mut victims = s.get(vic_start..vic_end).unwrap_or("").trim().to_string();
                for tail in [" were", " have been", " had been", " was", " who reportedly", " who", " are"] {
                    while let Some(v) = victims.strip_suffix(tail) {
                        victims = v.trim_end().to_string();
                    }
                }
                if !KILL_AFTER.contains(&w) {
                    // Glued "militantsneutralised": the victim noun is the glued prefix.
                    if let Some(k) = GLUED_KILL.iter().find(|k| w.ends_with(*k)) {
                        let glued = s.get(ws[j].start..ws[j].end - k.len()).unwrap_or("");
                        victims = format!("{victims} {glued}").trim().to_string();
                    }
                }
                found = Some(victims);
                // Numbers inside the victim phrase are sub-counts ("six people, including two
                // policemen, were killed"), unless they continue a list of groups: "two
                // soldiers, five drivers and a passenger were killed" is eight.
                listed = listed_groups(s, ws, num.end, j);
                skip_to = j;
                break;
            }
            j += 1;
        }
        // Pattern B: KILLING / death(s) of / lives of NUMBER.
        if found.is_none() && num.first >= 1 {
            let p1 = ws[num.first - 1].lower.as_str();
            let modifier = matches!(
                p1,
                "than" | "least" | "over" | "about" | "around" | "approximately" | "nearly" | "some"
            );
            // The first word of the figure's phrase: "at least 10", "more than 10", "over 10".
            let shift = match p1 {
                "than" | "least" => 2,
                _ if modifier => 1,
                _ => 0,
            };
            let at = num.first - shift.min(num.first);
            let q = |k: usize| at.checked_sub(k).map(|x| ws[x].lower.as_str()).unwrap_or("");
            let (b1, b2) = (q(1), q(2));
            let before_kill = kill_before(s, ws, at);
            // "killed a total of 12".
            let total_of = b1 == "of"
                && b2 == "total"
                && num.first >= 3
                && matches!(ws[num.first - 3].lower.as_str(), "a" | "the")
                && kill_before(s, ws, num.first - 3);
            let death_of = (b1 == "of"
                && matches!(b2, "death" | "deaths" | "lives" | "killing" | "martyrdom"))
                || total_of;
            let toll = matches!(b1, "to" | "at" | "of")
                && matches!(
                    b2,
                    "rose" | "risen" | "rises" | "climbed" | "jumped" | "reached" | "toll" | "stood"
                );
            if before_kill || death_of || toll {
                let vic_start = ws.get(num.end).map(|x| x.start).unwrap_or(s.len());
                let mut k = num.end;
                while k < ws.len() && k < num.end + 5 {
                    let w = ws[k].lower.as_str();
                    if k > num.end && s.get(ws[k - 1].end..ws[k].start).is_some_and(|g| g.trim() != "") {
                        break;
                    }
                    if matches!(
                        w,
                        "in" | "and" | "including" | "on" | "at" | "during" | "while" | "after" | "as"
                    ) || NOT_DEATH.contains(&w)
                    {
                        break;
                    }
                    k += 1;
                }
                let vic_end = ws.get(k).map(|x| x.start).unwrap_or(s.len()).max(vic_start);
                found =
                    Some(s.get(vic_start..vic_end).unwrap_or("").trim().trim_end_matches(',').to_string());
                // "killing a health worker and two policemen": a second group after "and",
                // unless the words after it make it the wounded ("and five others injured").
                if ws.get(k).is_some_and(|w| w.lower == "and") {
                    let second = number_at(ws, k + 1).or_else(|| {
                        one_victim_article(ws, k + 1, true).then_some(Num {
                            value: 1,
                            first: k + 1,
                            end: k + 2,
                        })
                    });
                    if let Some(n2) = second
                        && !ws[n2.end..(n2.end + 3).min(ws.len())]
                            .iter()
                            .any(|w| NOT_DEATH.contains(&w.lower.as_str()))
                    {
                        listed = n2.value;
                        skip_to = n2.end;
                    }
                }
            }
        }
        // Pattern C: "X was killed … along with three others": the others and X, unless the
        // sentence already counted X's group ("two soldiers were killed along with three
        // civilians" is five).
        if found.is_none()
            && num.first >= 2
            && ws[num.first - 1].lower == "with"
            && ws[num.first - 2].lower == "along"
            && ws[num.first.saturating_sub(30)..num.first - 2].iter().any(|w| is_kill_after(&w.lower))
        {
            let others = ws.get(num.end).is_some_and(|w| matches!(w.lower.as_str(), "others" | "other"));
            let vic_end = ws.get(num.end + 3).map_or(s.len(), |w| w.start.min(s.len()));
            let vic_start = ws.get(num.end).map_or(vic_end, |w| w.start).min(vic_end);
            let victims =
                s.get(vic_start..vic_end).unwrap_or("").trim().trim_end_matches([',', '.']).to_string();
            match out.last_mut() {
                // "A commander was killed … along with two others": three.
                Some(d) if others => {
                    d.n = d.n.saturating_add(u32::try_from(num.value).unwrap_or(u32::MAX));
                    d.victims = format!("{} and {} {victims}", d.victims, num.value);
                }
                None if others => {
                    listed = 1;
                    found = Some(victims);
                }
                _ => found = Some(victims),
            }
        }
        if let Some(victims) = found {
            let class = victim_class(&victims);
            out.push(Deaths {
                n: u32::try_from(num.value.saturating_add(listed)).unwrap_or(u32::MAX),
                victims,
                class,
                at: ws[num.first].start,
                single: num.value == 1 && listed == 0 && matches!(ws[num.first].lower.as_str(), "a" | "an"),
            });
        }
        i = skip_to.max(num.end);
    }
    out
}

/// Further counts in a list of victim groups between words `from` and `to` ("…, five drivers
/// and a passenger"): each after a comma or "and", a number or "a"/"an" before a noun.
/// A list that breaks down a total ("including", "among them") adds nothing.
fn listed_groups(s: &str, ws: &[Word], from: usize, to: usize) -> u64 {
    let mut sum = 0;
    let mut k = from.max(1);
    while k < to {
        if matches!(ws[k - 1].lower.as_str(), "including" | "among" | "of" | "them") {
            return 0;
        }
        let joined =
            ws[k - 1].lower == "and" || s.get(ws[k - 1].end..ws[k].start).is_some_and(|g| g.contains(','));
        if joined {
            if let Some(n) = number_at(ws, k) {
                sum += n.value;
                k = n.end;
                continue;
            }
            if matches!(ws[k].lower.as_str(), "a" | "an") && k + 1 < to {
                sum += 1;
            }
        }
        k += 1;
    }
    sum
}

/// Words after "a"/"an" that make a quantity or a time, not one victim: "killed a total of
/// 12", "killed a number of militants", "killed a day after".
const NOT_ONE_VICTIM: &[&str] = &[
    "total", "number", "few", "couple", "series", "spate", "wave", "string", "handful", "group", "lot",
    "dozen", "score", "third", "quarter", "half", "day", "week", "month", "year", "bid", "move", "row",
    "record", "further", "combined", "similar",
];

/// Word `i` is "a" / "an" (or "another", when `another`) naming one victim: the next word is
/// no quantity or time ([`NOT_ONE_VICTIM`]).
fn one_victim_article(ws: &[Word], i: usize, another: bool) -> bool {
    ws.get(i).is_some_and(|w| matches!(w.lower.as_str(), "a" | "an") || (another && w.lower == "another"))
        && ws.get(i + 1).is_some_and(|n| !NOT_ONE_VICTIM.contains(&n.lower.as_str()))
}

/// A kill verb right before word `at` takes it as its object: "killing", "killed", "shot
/// dead", "gunned down", "fatally shot", "the death / martyrdom of".
fn kill_before(s: &str, ws: &[Word], at: usize) -> bool {
    // Only white space between the words: "among those killed, a doctor said" is no object.
    let word = |k: usize| at.checked_sub(k).and_then(|x| ws.get(x));
    let tight = |k: usize| match (word(k), k.checked_sub(1).and_then(&word)) {
        (Some(a), Some(b)) => s.get(a.end..b.start).is_some_and(|g| g.bytes().all(|c| c == b' ')),
        _ => false,
    };
    let w = |k: usize| word(k).map_or("", |x| x.lower.as_str());
    if !tight(1) {
        return false;
    }
    let (b1, b2) = (w(1), if tight(2) { w(2) } else { "" });
    KILL_BEFORE.contains(&b1)
        || (b1 == "dead" && b2 == "shot")
        || (b1 == "down" && b2 == "gunned")
        || (b1 == "shot" && b2 == "fatally")
        || (b1 == "of" && matches!(b2, "death" | "deaths" | "lives" | "martyrdom"))
}

/// "A police officer was martyred", "a soldier died", "killed a close associate of …",
/// "resulted in the martyrdom of an officer": one death.
fn single_death(s: &str, ws: &[Word], i: usize) -> Option<Num> {
    if !matches!(ws.get(i)?.lower.as_str(), "a" | "an") {
        return None;
    }
    if kill_before(s, ws, i) && one_victim_article(ws, i, false) {
        return Some(Num { value: 1, first: i, end: i + 1 });
    }
    let window = ws.get(i + 1..(i + 6).min(ws.len()))?;
    let was = window.iter().position(|w| w.lower == "was")?;
    let verb = window.get(was + 1).or_else(|| ws.get(i + 1 + was + 1))?;
    matches!(
        verb.lower.as_str(),
        "killed" | "martyred" | "slain" | "shot" | "neutralised" | "neutralized" | "eliminated"
    )
    .then_some(Num { value: 1, first: i, end: i + 1 })
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Total deaths of a sentence: figures for different victim groups are summed ("eight
/// militants were killed … two soldiers died" → 10); for the same group the lowest figure is
/// kept (ACLED's conservative rule).
pub fn combine(deaths: &[Deaths]) -> Option<(u32, VictimClass, String)> {
    let mut acc: Vec<(VictimClass, u32, String)> = Vec::new();
    for d in deaths {
        match acc.iter_mut().find(|(c, _, _)| *c == d.class) {
            Some(slot) => {
                if d.n < slot.1 {
                    slot.1 = d.n;
                    slot.2 = d.victims.clone();
                }
            }
            None => acc.push((d.class, d.n, d.victims.clone())),
        }
    }
    if acc.is_empty() {
        return None;
    }
    let total = acc.iter().map(|(_, n, _)| *n).fold(0u32, u32::saturating_add);
    let class = if acc.len() == 1 { acc[0].0 } else { VictimClass::Unknown };
    let victims = acc
        .iter()
        .map(|(_, n, v)| if v.is_empty() { n.to_string() } else { format!("{n} {v}") })
        .collect::<Vec<_>>()
        .join(", ");
    Some((total, class, victims))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<u64> {
        number_at(&words(s), 0).map(|n| n.value)
    }

    #[test]
    fn number_words() {
        assert_eq!(num("two hundred men"), Some(200));
        assert_eq!(num("eleven soldiers"), Some(11));
        assert_eq!(num("a dozen people"), Some(12));
        assert_eq!(num("dozens of people"), Some(12));
        assert_eq!(num("hundreds of people"), Some(100));
        assert_eq!(num("twenty-three soldiers"), Some(23));
        assert_eq!(num("two hundred and fifty"), Some(250));
        assert_eq!(num("1,200 people"), Some(1200));
        assert_eq!(num("3 thousand"), Some(3000));
        assert_eq!(num("a man"), None);
        assert_eq!(num("soldiers"), None);
    }

    /// Words as [`words`] defines them, one character at a time.
    fn reference_words(s: &str) -> Vec<(usize, usize, String)> {
        let cs: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = Vec::new();
        let mut k = 0;
        while k < cs.len() {
            if !cs[k].1.is_alphanumeric() {
                k += 1;
                continue;
            }
            let st = k;
            while let Some(&(_, c)) = cs.get(k) {
                let next = |d: usize| cs.get(k + d).map(|x| x.1);
                let inner = c.is_alphanumeric()
                    || (c == '-' && next(1).is_some_and(char::is_alphanumeric))
                    || (c == ','
                        && cs[k - 1].1.is_ascii_digit()
                        && (1..=3).all(|d| next(d).is_some_and(|x| x.is_ascii_digit()))
                        && !next(4).is_some_and(|x| x.is_ascii_digit()));
                if !inner {
                    break;
                }
                k += 1;
            }
            let (a, b) = (cs[st].0, cs.get(k).map_or(s.len(), |x| x.0));
            out.push((a, b, s[a..b].to_lowercase()));
        }
        out
    }

    #[test]
    fn words_split_like_the_reference() {
        for s in [
            "Twenty-three SOLDIERS were killed in 1,200 attacks, 12,3456 or 1,23 — Ürümqi’s École-Militaire.",
            "Peshawar-based “militants” fired at 5,000-strong forces; co-operation, -dash- and trailing-",
            "ÀÉÎ naïve Straße İstanbul ΣΊΣΥΦΟΣ 2,500,000 x,y 7,000a end",
            "",
            "—",
        ] {
            let got: Vec<(usize, usize, String)> =
                words(s).into_iter().map(|w| (w.start, w.end, w.lower.to_string())).collect();
            assert_eq!(got, reference_words(s), "{s}");
        }
    }

    fn dead(s: &str) -> Vec<u32> {
        find_deaths(s).iter().map(|d| d.n).collect()
    }

    #[test]
    fn deaths_patterns() {
        assert_eq!(dead("Four policemen were killed in the raid."), vec![4]);
        assert_eq!(dead("The blast killed at least nine people."), vec![9]);
        assert_eq!(dead("Gunmen opened fire, killing three guards."), vec![3]);
        assert_eq!(dead("More than 100 fighters died in the battle."), vec![100]);
        assert_eq!(dead("over two hundred rebelsneutralised in the offensive."), vec![200]);
        assert_eq!(dead("It caused the death of 6 workers in a mine attack."), vec![6]);
        assert_eq!(dead("Five troops lost their lives on Monday."), vec![5]);
        assert_eq!(dead("Seven people were injured and two were killed."), vec![2]);
        assert!(dead("Twelve soldiers were wounded.").is_empty());
        assert!(dead("The army suffered 14 casualties.").is_empty());
        assert!(dead("In 2019 killed was a word.").is_empty());
        assert!(dead("A 45 percent rise in killings.").is_empty());
        assert_eq!(dead("A police officer was martyred in the attack."), vec![1]);
        assert!(dead("A man was arrested.").is_empty());
        assert_eq!(dead("Six people, including two policemen, were killed."), vec![6]);
        // One victim as the object of a kill verb.
        assert_eq!(dead("Troops killed a senior commander of the group in a raid."), vec![1]);
        assert_eq!(dead("Gunmen shot dead an election worker near the market."), vec![1]);
        assert_eq!(dead("A sniper fatally shot a border guard at the gate."), vec![1]);
        assert_eq!(dead("The assault resulted in the martyrdom of a constable."), vec![1]);
        assert_eq!(dead("The raid led to the martyrdom of four soldiers."), vec![4]);
        assert_eq!(dead("The drone strike killed a total of 12 fighters."), vec![12]);
        assert!(dead("Police arrested a suspect a day after the killing.").is_empty());
        // A second group after "and".
        assert_eq!(dead("The gunmen fled after killing a health worker and two policemen."), vec![3]);
        assert_eq!(dead("The blast killed four soldiers and a civilian in Tank."), vec![5]);
        assert_eq!(dead("The blast killed four soldiers and wounded seven others."), vec![4]);
        assert_eq!(dead("The bomb killed two people and five others were injured."), vec![2]);
        // "along with N others".
        assert_eq!(dead("The cleric was killed in a blast along with two others, police said."), vec![3]);
        assert_eq!(dead("Two guards were killed along with three civilians."), vec![2, 3]);
    }

    #[test]
    fn victims_and_combination() {
        let d = find_deaths("Six insurgents were killed while two soldiers lost their lives.");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].class, VictimClass::Armed);
        assert_eq!(d[1].class, VictimClass::Security);
        assert_eq!(combine(&d).map(|c| c.0), Some(8));
        let same = find_deaths("Nine militants were killed; officials later said seven militants died.");
        assert_eq!(combine(&same).map(|c| c.0), Some(7));
        assert_eq!(victim_class("members of the special forces"), VictimClass::Security);
        assert_eq!(victim_class("villagers"), VictimClass::Civilian);
        assert_eq!(victim_class("people, including two policemen"), VictimClass::Civilian);
        assert_eq!(victim_class("of our soldiers"), VictimClass::Security);
    }
}
