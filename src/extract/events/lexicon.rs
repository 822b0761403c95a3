//! Event lexicons: trigger words and phrases, weapon cues, and the marker lists that tell a
//! report of a real event from a hypothetical, a trend claim or an opinion.
//!
//! Every list is matched with one Aho-Corasick automaton built once per process.

use std::sync::LazyLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// What kind of event a trigger announces. Finer than the ACLED sub-type: two kinds can share
/// a sub-type (an "attack" and a "clash" are both Battles / Armed clash) but are only merged
/// with events of their own kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Air or drone strike.
    AirStrike,
    /// Shelling, artillery, rocket or missile fire.
    Shelling,
    /// Suicide bombing.
    Suicide,
    /// Remote explosive, landmine, IED, car bomb, blast.
    Explosive,
    /// Grenade attack.
    Grenade,
    /// Armed clash, gunfight, raid, ambush.
    Clash,
    /// An attack of unspecified means (refined by weapon cues and victims).
    Attack,
    /// Only a report of deaths ("eight soldiers were killed"); used when no other trigger.
    Kill,
    /// Capture of posts, positions or territory.
    Capture,
    /// Abduction or kidnapping.
    Abduction,
    /// Formal warning, demarche, threat.
    Warning,
    /// Summoning of an ambassador or envoy.
    Summon,
    /// Talks, negotiations, mediation, ceasefire discussions.
    Negotiation,
    /// Agreement signed or reached.
    Agreement,
    /// Visit or delegation.
    Visit,
    /// Meeting, session, conference, summit.
    Meeting,
    /// Border or crossing closed or reopened.
    Closure,
    /// Formal decision or order (approved, ordered, banned, imposed).
    Decision,
    /// Formal statement of policy (said, reiterated, urged) — needs a time cue.
    Statement,
    /// Arrests and detentions.
    Arrest,
    /// Peaceful protest.
    Protest,
    /// Riot or violent demonstration.
    Riot,
}

impl Kind {
    /// True for kinds of political violence (ACLED's violent event types).
    pub fn is_violent(self) -> bool {
        matches!(
            self,
            Kind::AirStrike
                | Kind::Shelling
                | Kind::Suicide
                | Kind::Explosive
                | Kind::Grenade
                | Kind::Clash
                | Kind::Attack
                | Kind::Kill
                | Kind::Capture
                | Kind::Abduction
        )
    }

    /// ACLED (event type, sub-event type) for this kind; `Attack`/`Kill` are refined by the
    /// caller from weapon cues and victims before coding.
    pub fn code(self) -> (&'static str, &'static str) {
        const EXP: &str = "Explosions/Remote violence";
        const SD: &str = "Strategic developments";
        match self {
            Kind::AirStrike => (EXP, "Air/drone strike"),
            Kind::Shelling => (EXP, "Shelling/artillery/missile attack"),
            Kind::Suicide => (EXP, "Suicide bomb"),
            Kind::Explosive => (EXP, "Remote explosive/landmine/IED"),
            Kind::Grenade => (EXP, "Grenade"),
            Kind::Clash | Kind::Attack | Kind::Kill | Kind::Capture => ("Battles", "Armed clash"),
            Kind::Abduction => ("Violence against civilians", "Abduction/forced disappearance"),
            Kind::Agreement => (SD, "Agreement"),
            Kind::Arrest => (SD, "Arrests"),
            Kind::Protest => ("Protests", "Peaceful protest"),
            Kind::Riot => ("Riots", "Violent demonstration"),
            Kind::Warning
            | Kind::Summon
            | Kind::Negotiation
            | Kind::Visit
            | Kind::Meeting
            | Kind::Closure
            | Kind::Decision
            | Kind::Statement => (SD, "Other"),
        }
    }

    /// A short noun for summaries ("Air/drone strike", "Ambassador summoned").
    pub fn noun(self) -> &'static str {
        match self {
            Kind::AirStrike => "Air/drone strike",
            Kind::Shelling => "Shelling/artillery/missile attack",
            Kind::Suicide => "Suicide bombing",
            Kind::Explosive => "Explosive/IED attack",
            Kind::Grenade => "Grenade attack",
            Kind::Clash => "Armed clash",
            Kind::Attack => "Attack",
            Kind::Kill => "Deadly violence",
            Kind::Capture => "Capture of posts/positions",
            Kind::Abduction => "Abduction",
            Kind::Warning => "Formal warning",
            Kind::Summon => "Ambassador/envoy summoned",
            Kind::Negotiation => "Talks/mediation",
            Kind::Agreement => "Agreement",
            Kind::Visit => "Visit",
            Kind::Meeting => "Meeting",
            Kind::Closure => "Border closure/reopening",
            Kind::Decision => "Decision/order",
            Kind::Statement => "Policy statement",
            Kind::Arrest => "Arrests",
            Kind::Protest => "Protest",
            Kind::Riot => "Riot",
        }
    }

    /// When one sentence holds several non-violent triggers, the highest priority wins.
    pub fn priority(self) -> u8 {
        match self {
            Kind::Summon => 10,
            Kind::Agreement => 9,
            Kind::Meeting => 8,
            Kind::Visit => 7,
            Kind::Closure => 6,
            Kind::Decision => 5,
            Kind::Warning => 4,
            Kind::Arrest => 4,
            Kind::Negotiation => 3,
            Kind::Riot => 3,
            Kind::Protest => 2,
            Kind::Statement => 1,
            _ => 0,
        }
    }
}

/// How a trigger must be checked beyond a word-boundary match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cond {
    /// Nothing more.
    None,
    /// A noun heading a weapon chain ("rocket, artillery and drone attacks"): refine the kind
    /// from the weapon words before it.
    Head,
    /// Only with a border or crossing in the sentence ("closed", "reopened").
    Border,
    /// Only with posts/positions/territory as object ("captured multiple posts").
    Territory,
    /// Only with a named object right after ("met Afghan officials", not "demands were met").
    NamedObject,
    /// A security operation: a battle only when no arrest is what the sentence reports
    /// ("arrested four suspects during a raid" is an arrest).
    Soft,
    /// A verb of firing that needs its weapon next to it ("fired hundreds of mortars", "a
    /// rocket fired from across the border"): the weapon gives the kind; "fired at" and "fired
    /// upon" are attacks; with neither it is no trigger ("was fired from his job").
    Fired,
    /// "bombed": an air strike when a military or aircraft does it ("jets bombed a
    /// compound"), a bombing otherwise ("militants bombed a school").
    Bombed,
}

/// One trigger pattern (lower case).
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    /// The pattern, lower case.
    pub pat: &'static str,
    /// The kind it announces.
    pub kind: Kind,
    /// Extra condition.
    pub cond: Cond,
}

const fn t(pat: &'static str, kind: Kind) -> Trigger {
    Trigger { pat, kind, cond: Cond::None }
}
const fn h(pat: &'static str, kind: Kind) -> Trigger {
    Trigger { pat, kind, cond: Cond::Head }
}
const fn b(pat: &'static str, kind: Kind) -> Trigger {
    Trigger { pat, kind, cond: Cond::Border }
}
const fn c(pat: &'static str, kind: Kind) -> Trigger {
    Trigger { pat, kind, cond: Cond::Territory }
}

/// The trigger lexicon.
pub const TRIGGERS: &[Trigger] = &[
    // Air and drone strikes.
    t("airstrike", Kind::AirStrike),
    t("airstrikes", Kind::AirStrike),
    t("air strike", Kind::AirStrike),
    t("air strikes", Kind::AirStrike),
    t("air raid", Kind::AirStrike),
    t("air raids", Kind::AirStrike),
    t("aerial bombardment", Kind::AirStrike),
    t("aerial bombing", Kind::AirStrike),
    t("bombarded", Kind::AirStrike),
    Trigger { pat: "bombed", kind: Kind::Explosive, cond: Cond::Bombed },
    h("strike", Kind::AirStrike),
    h("strikes", Kind::AirStrike),
    // Shelling / artillery / missiles.
    t("shelling", Kind::Shelling),
    t("shelled", Kind::Shelling),
    t("artillery fire", Kind::Shelling),
    t("mortar fire", Kind::Shelling),
    t("rocket fire", Kind::Shelling),
    t("fired rockets", Kind::Shelling),
    t("fired mortars", Kind::Shelling),
    t("mortar shells", Kind::Shelling),
    t("mortar shell", Kind::Shelling),
    t("artillery shell", Kind::Shelling),
    t("artillery shells", Kind::Shelling),
    Trigger { pat: "fired", kind: Kind::Shelling, cond: Cond::Fired },
    Trigger { pat: "firing", kind: Kind::Shelling, cond: Cond::Fired },
    t("rockets were fired", Kind::Shelling),
    t("missiles were fired", Kind::Shelling),
    // Suicide bombs.
    t("suicide bombing", Kind::Suicide),
    t("suicide bombings", Kind::Suicide),
    t("suicide bomber", Kind::Suicide),
    t("suicide bombers", Kind::Suicide),
    t("suicide blast", Kind::Suicide),
    t("suicide attacker", Kind::Suicide),
    t("suicide attackers", Kind::Suicide),
    t("blew himself up", Kind::Suicide),
    // Remote explosives.
    h("bombing", Kind::Explosive),
    h("bombings", Kind::Explosive),
    t("car bomb", Kind::Explosive),
    t("car bombs", Kind::Explosive),
    t("car bombing", Kind::Explosive),
    t("car bombings", Kind::Explosive),
    t("roadside bomb", Kind::Explosive),
    t("roadside bombs", Kind::Explosive),
    t("roadside bombing", Kind::Explosive),
    h("blast", Kind::Explosive),
    h("blasts", Kind::Explosive),
    h("explosion", Kind::Explosive),
    h("explosions", Kind::Explosive),
    t("ied", Kind::Explosive),
    t("ieds", Kind::Explosive),
    t("improvised explosive device", Kind::Explosive),
    t("explosive device", Kind::Explosive),
    t("landmine", Kind::Explosive),
    t("land mine", Kind::Explosive),
    t("bomb exploded", Kind::Explosive),
    t("bomb went off", Kind::Explosive),
    // Clashes.
    t("clash", Kind::Clash),
    t("clashes", Kind::Clash),
    t("clashed", Kind::Clash),
    t("gunfight", Kind::Clash),
    t("firefight", Kind::Clash),
    t("exchange of fire", Kind::Clash),
    t("exchanged fire", Kind::Clash),
    t("exchanges of fire", Kind::Clash),
    t("exchanging fire", Kind::Clash),
    t("exchange of firing", Kind::Clash),
    t("traded fire", Kind::Clash),
    t("fire exchange", Kind::Clash),
    t("skirmish", Kind::Clash),
    t("skirmishes", Kind::Clash),
    t("engagements", Kind::Clash),
    t("shootout", Kind::Clash),
    t("ambush", Kind::Clash),
    t("ambushed", Kind::Clash),
    Trigger { pat: "raid", kind: Kind::Clash, cond: Cond::Soft },
    Trigger { pat: "raids", kind: Kind::Clash, cond: Cond::Soft },
    Trigger { pat: "raided", kind: Kind::Clash, cond: Cond::Soft },
    t("stormed", Kind::Clash),
    t("storming", Kind::Clash),
    t("gun battle", Kind::Clash),
    Trigger { pat: "intelligence-based operation", kind: Kind::Clash, cond: Cond::Soft },
    Trigger { pat: "search operation", kind: Kind::Clash, cond: Cond::Soft },
    Trigger { pat: "clearance operation", kind: Kind::Clash, cond: Cond::Soft },
    t("fighting erupted", Kind::Clash),
    t("heavy fighting", Kind::Clash),
    // Attacks of unspecified means.
    h("attack", Kind::Attack),
    h("attacks", Kind::Attack),
    t("attacked", Kind::Attack),
    t("attacking", Kind::Attack),
    h("assault", Kind::Attack),
    h("assaults", Kind::Attack),
    t("assaulted", Kind::Attack),
    t("opened fire", Kind::Attack),
    t("opening fire", Kind::Attack),
    t("targeted killing", Kind::Attack),
    t("massacre", Kind::Attack),
    t("beheaded", Kind::Attack),
    // Death reports (fallback).
    t("killed", Kind::Kill),
    t("killing", Kind::Kill),
    t("died", Kind::Kill),
    t("lost their lives", Kind::Kill),
    t("lost his life", Kind::Kill),
    t("lost her life", Kind::Kill),
    t("martyred", Kind::Kill),
    t("shot dead", Kind::Kill),
    t("gunned down", Kind::Kill),
    t("slain", Kind::Kill),
    t("neutralised", Kind::Kill),
    t("neutralized", Kind::Kill),
    t("eliminated", Kind::Kill),
    t("death toll", Kind::Kill),
    t("embraced martyrdom", Kind::Kill),
    // Capture of territory.
    c("captured", Kind::Capture),
    c("seized", Kind::Capture),
    c("overran", Kind::Capture),
    c("took control of", Kind::Capture),
    c("taken control of", Kind::Capture),
    // Abductions.
    t("abducted", Kind::Abduction),
    t("kidnapped", Kind::Abduction),
    t("abduction", Kind::Abduction),
    t("kidnapping", Kind::Abduction),
    t("hijacked", Kind::Abduction),
    t("hijacking", Kind::Abduction),
    t("took hostage", Kind::Abduction),
    t("taken hostage", Kind::Abduction),
    t("held hostage", Kind::Abduction),
    // Warnings.
    t("warned", Kind::Warning),
    t("vowed to retaliate", Kind::Warning),
    t("vowed retaliation", Kind::Warning),
    t("vowed revenge", Kind::Warning),
    t("vowed to avenge", Kind::Warning),
    t("threatened to retaliate", Kind::Warning),
    t("threatened retaliation", Kind::Warning),
    t("warning", Kind::Warning),
    t("warns", Kind::Warning),
    t("demarche", Kind::Warning),
    t("demarches", Kind::Warning),
    t("ultimatum", Kind::Warning),
    t("threatened", Kind::Warning),
    // Summons.
    t("summoned", Kind::Summon),
    // Talks.
    t("talks", Kind::Negotiation),
    t("negotiations", Kind::Negotiation),
    t("negotiated", Kind::Negotiation),
    t("dialogue", Kind::Negotiation),
    t("mediation", Kind::Negotiation),
    t("mediated", Kind::Negotiation),
    t("ceasefire", Kind::Negotiation),
    t("cease-fire", Kind::Negotiation),
    t("truce", Kind::Negotiation),
    // Agreements.
    t("agreement", Kind::Agreement),
    t("agreed", Kind::Agreement),
    t("signed", Kind::Agreement),
    t("accord", Kind::Agreement),
    // Visits.
    t("visit", Kind::Visit),
    t("visited", Kind::Visit),
    t("visits", Kind::Visit),
    t("trip to", Kind::Visit),
    t("arrived in", Kind::Visit),
    // Meetings.
    t("meeting", Kind::Meeting),
    t("met with", Kind::Meeting),
    t("hotline contact", Kind::Meeting),
    Trigger { pat: "met", kind: Kind::Meeting, cond: Cond::NamedObject },
    t("session", Kind::Meeting),
    t("conference", Kind::Meeting),
    t("summit", Kind::Meeting),
    t("jirga", Kind::Meeting),
    t("presided over", Kind::Meeting),
    t("chaired", Kind::Meeting),
    // Border closures.
    b("closed", Kind::Closure),
    b("closure", Kind::Closure),
    b("shut", Kind::Closure),
    b("sealed", Kind::Closure),
    b("reopened", Kind::Closure),
    b("reopening", Kind::Closure),
    // Decisions and orders.
    t("ordered", Kind::Decision),
    t("approved", Kind::Decision),
    t("imposed", Kind::Decision),
    t("banned", Kind::Decision),
    t("proscribed", Kind::Decision),
    t("designated", Kind::Decision),
    t("announced", Kind::Decision),
    t("deported", Kind::Decision),
    t("expelled", Kind::Decision),
    // Statements (need a time cue).
    t("said", Kind::Statement),
    t("stated", Kind::Statement),
    t("reiterated", Kind::Statement),
    t("urged", Kind::Statement),
    t("called on", Kind::Statement),
    t("demanded", Kind::Statement),
    t("condemned", Kind::Statement),
    t("declared", Kind::Statement),
    t("statement", Kind::Statement),
    t("press conference", Kind::Statement),
    t("news conference", Kind::Statement),
    t("press briefing", Kind::Statement),
    t("presser", Kind::Statement),
    // Arrests.
    t("arrested", Kind::Arrest),
    t("detained", Kind::Arrest),
    t("apprehended", Kind::Arrest),
    t("taken into custody", Kind::Arrest),
    // Protests and riots.
    t("protesters", Kind::Protest),
    t("protestors", Kind::Protest),
    t("demonstrators", Kind::Protest),
    t("staged a protest", Kind::Protest),
    t("held a protest", Kind::Protest),
    t("took to the streets", Kind::Protest),
    t("protested against", Kind::Protest),
    t("protested over", Kind::Protest),
    t("sit-in", Kind::Protest),
    t("rioters", Kind::Riot),
    t("rioting", Kind::Riot),
];

/// The kind a weapon word implies (lower case), for the weapon cues that refine an
/// attack/strike head, in a chain before it or anywhere in the sentence.
pub fn weapon(word: &str) -> Option<Kind> {
    // A `match` on the word: cheaper than hashing it (most words are no weapon).
    Some(match word {
        "suicide" => Kind::Suicide,
        "drone" | "drones" | "quadcopter" | "quadcopters" | "uav" | "uavs" | "air" | "aerial" => {
            Kind::AirStrike
        }
        "rocket" | "rockets" | "artillery" | "mortar" | "mortars" | "missile" | "missiles" | "shelling" => {
            Kind::Shelling
        }
        "grenade" | "grenades" => Kind::Grenade,
        "bomb" | "bombs" | "car" | "roadside" | "ied" | "ieds" | "landmine" | "explosive" | "explosives"
        | "vehicle-borne" | "remote-controlled" => Kind::Explosive,
        _ => return None,
    })
}

/// Words just before a trigger that make it hypothetical, negated, intended or advocated
/// ("any strike", "could prompt", "plans to visit", "call for talks").
pub const MODAL: &[&str] = &[
    "would",
    "could",
    "may",
    "might",
    "should",
    "must",
    "can",
    "cannot",
    "can't",
    "will",
    "shall",
    "if",
    "unless",
    "whether",
    "any",
    "potential",
    "potentially",
    "possible",
    "possibly",
    "future",
    "prospect",
    "prospects",
    "risk",
    "risks",
    "threat of",
    "fear",
    "fears",
    "feared",
    "plan",
    "plans",
    "planning",
    "intend",
    "intends",
    "prepare",
    "preparing",
    "ready",
    "willing",
    "vow",
    "vows",
    "vowing",
    "vowed",
    "pledge",
    "pledged",
    "call for",
    "calls for",
    "called for",
    "urge",
    "urges",
    "advocating",
    "advocate",
    "advocated",
    "avoid",
    "prevent",
    "preventing",
    "without",
    "not",
    "never",
    "denied",
    "deny",
    "denies",
    "under the",
    "expected",
    "expects",
    "likely",
    "unlikely",
    "hypothetical",
    "proposed",
    "seek",
    "seeks",
    "demand for",
    "need for",
    "capable of",
    "in case of",
    "such",
    "need",
    "needs",
    "needed",
    "attempt to",
    "attempts to",
    "effort to",
    "efforts to",
    "bid to",
    "trying to",
    "asking for",
    "asked for",
    "support for",
    "seeking",
];

/// Trend and background markers near a violent trigger ("numerous", "since 2021",
/// "in recent years", "persist").
pub const TREND: &[&str] = &[
    "numerous",
    "in the past",
    "increasingly",
    "have increased",
    "has increased",
    "has been shelling",
    "have been shelling",
    "has been targeting",
    "have been targeting",
    "has been attacking",
    "have been attacking",
    "has been carrying out",
    "have been carrying out",
    "has been launching",
    "have been launching",
    "intensified",
    "intensify",
    "intensifying",
    "increase in",
    "increases in",
    "increase of",
    "rise in",
    "rising",
    "stepped up",
    "in recent months",
    "in recent weeks",
    "surge in",
    "surge of",
    "spike in",
    "resurgence",
    "upsurge",
    "over the past",
    "in recent years",
    "over the years",
    "past few years",
    "past decade",
    "since 19",
    "since 20",
    "since the",
    "since at least",
    "since january",
    "since february",
    "since march",
    "since april",
    "since june",
    "since july",
    "since august",
    "since september",
    "since october",
    "since november",
    "since december",
    "increasing number",
    "growing number",
    "every year",
    "each year",
    "annually",
    "persist",
    "continue to",
    "continues to",
    "continued",
    "continuing",
    "ongoing",
    "repeatedly",
    "repeated",
    "frequent",
    "often",
    "sporadic",
    "routinely",
    "regularly",
    "regular",
    "cycle of",
    "series of",
    "wave of",
    "spate of",
    "string of",
    "campaign of",
    "for years",
    "for decades",
    "for some time",
    "history of",
    "statistics",
    "figures show",
    "data from",
    "percent",
    "per cent",
    "%",
    "average",
    "capable of",
    "prone to",
    "such as these",
    "kind of",
    "still",
    "increased",
    "decreased",
    "last year",
    "this year",
    "past year",
    "so far this",
    "to date",
    "official figures",
    "according to figures",
];

/// Background markers anywhere in a sentence that disqualify violent triggers
/// ("Since 2021, the group has … launched complex attacks").
pub const TREND_SENTENCE: &[&str] = &[
    "repeatedly said",
    "repeatedly accused",
    "repeatedly claimed",
    "has long accused",
    "have long accused",
    "has long said",
    "since 19",
    "since 20",
    "over the past",
    "in recent years",
    "past few years",
    "past decade",
    "numerous",
    "over the years",
];

/// Reactions to violence already reported: mourning, condolences, inquiries, orders to catch
/// the perpetrators, appeals for blood. A sentence with one of these reports no new event.
pub const REACTION: &[&str] = &[
    "mourning",
    "condolence",
    "condoled",
    "sympathies",
    "inquiry into",
    "probe into",
    "investigation into",
    "those responsible",
    "the perpetrators",
    "the culprits",
    "the attackers to justice",
    "blood donors",
    "donate blood",
    "compensation",
    "took notice",
    "taken notice",
    "emergency has been imposed in",
    "emergency was declared in the hospital",
    "emergency in the hospital",
    "emergency in all",
    "those involved",
    "strict action against",
    "sanitisation of the area",
    "sanitization of the area",
    "sanitisation operation",
    "sanitization operation",
    // Framing: "the attack comes as relations sour", "the attacks come amid a resurgence".
    "comes as",
    "come as",
    "came as",
    "comes amid",
    "come amid",
    "came amid",
    "reminder of",
    "at a time when",
    // Claims of responsibility belong to the attack they claim.
    "responsibility for the",
    "responsibility for this",
    "responsibility for these",
];

/// Trend markers that also disqualify non-violent triggers ("has repeatedly warned").
pub const TREND_SD: &[&str] = &[
    "repeatedly",
    "several times",
    "many times",
    "in recent years",
    "for some time",
    "routinely",
    "regularly",
    "often",
    "for years",
    "for decades",
    "continue to",
    "continues to",
    "always",
    "still",
];

/// Hedges that disqualify any non-violent trigger anywhere in the sentence.
pub const HEDGE_SD: &[&str] = &["probably", "perhaps", "maybe", "something"];

/// Whole-sentence opinion and analysis framing: no event is read from such a sentence.
pub const OPINION: &[&str] = &[
    "arguably",
    "argue that",
    "argues that",
    "argued that",
    "perspective",
    "framed as",
    "it is possible",
    "it is likely",
    "it is unlikely",
    "hypothetically",
    "in theory",
    "imagine",
    "suppose",
];

/// Hedges that disqualify a weak (statement) trigger anywhere in the sentence.
pub const HEDGE: &[&str] = &["probably", "perhaps", "maybe", "likely", "arguably", "something"];

/// Time cues that make a statement a dated news event.
pub const TIME_CUES: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "this week",
    "last week",
    "this month",
    "last month",
    "this year",
    "last year",
    "earlier this",
    "recently",
    "recent",
    "once again",
    "on monday",
    "on tuesday",
    "on wednesday",
    "on thursday",
    "on friday",
    "on saturday",
    "on sunday",
    "days ago",
    "weeks ago",
    "hours",
    "in january",
    "in february",
    "in march",
    "in april",
    "in may",
    "in june",
    "in july",
    "in august",
    "in september",
    "in october",
    "in november",
    "in december",
    "latest",
];

/// Future markers near a trigger: ACLED codes what happened, not what is planned.
pub const FUTURE: &[&str] = &[
    "next week",
    "next month",
    "next year",
    "tomorrow",
    "upcoming",
    "later this",
    "will be held",
    "is scheduled",
    "are scheduled",
    "scheduled to",
    "expected to",
    "set to",
    "will hold",
    "will visit",
    "plans to",
    "planned to",
    "due to hold",
    "due to visit",
    "would hold",
    "will meet",
];

/// Markers of a new, separate incident ("in another attack", "separately", "elsewhere").
pub const FRESH: &[&str] = &["another", "separate", "separately", "elsewhere", "a second", "meanwhile"];

/// Victim words for the "Violence against civilians" refinement.
pub const CIVILIANS: &[&str] = &[
    "civilian",
    "civilians",
    "worshippers",
    "worshipers",
    "passengers",
    "students",
    "schoolchildren",
    "children",
    "women",
    "villagers",
    "residents",
    "shoppers",
    "pilgrims",
    "journalists",
    "journalist",
    "polio workers",
    "labourers",
    "laborers",
    "mourners",
    "bystanders",
    "passers-by",
];

/// Armed actors (any side) whose presence as target makes an attack a battle.
pub const ARMED: &[&str] = &[
    "soldier",
    "soldiers",
    "troops",
    "police",
    "policemen",
    "policeman",
    "security forces",
    "forces",
    "personnel",
    "army",
    "checkpost",
    "checkpoints",
    "outpost",
    "outposts",
    "check post",
    "checkpoint",
    "post",
    "posts",
    "convoy",
    "camp",
    "base",
    "fort",
    "officers",
    "levies",
    "frontier corps",
    "military",
];

/// Word stems without which a sentence reports no death ("killed", "martyrdom", "lives").
pub const KILL_STEMS: &[&str] =
    &["kill", "dead", "died", "slain", "martyr", "perish", "neutrali", "eliminat", "lives", "death"];

/// True when `c` can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `text[start..end]` is delimited by non-word characters on both sides
/// (`left_only`: only the left side is checked, for stems like "persist" → "persistent").
pub fn bounded(text: &str, start: usize, end: usize, left_only: bool) -> bool {
    let left = text.get(..start).and_then(|s| s.chars().next_back()).is_none_or(|c| !is_word_char(c));
    let right = left_only || text.get(end..).and_then(|s| s.chars().next()).is_none_or(|c| !is_word_char(c));
    left && right
}

/// The small lexicons a relevant sentence is checked against. They are scanned together with the
/// triggers, once per sentence ([`SentenceScan::scan`]), instead of once per question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// [`REACTION`].
    Reaction,
    /// [`MODAL`].
    Modal,
    /// [`TREND`].
    Trend,
    /// [`TREND_SD`].
    TrendSd,
    /// [`TREND_SENTENCE`].
    TrendSentence,
    /// [`HEDGE_SD`].
    HedgeSd,
    /// [`OPINION`].
    Opinion,
    /// [`HEDGE`].
    Hedge,
    /// [`TIME_CUES`].
    Time,
    /// [`FUTURE`].
    Future,
    /// [`FRESH`].
    Fresh,
    /// [`CIVILIANS`].
    Civilian,
    /// [`ARMED`].
    Armed,
    /// [`VIOLENCE_REFS`].
    ViolenceRef,
    /// "border".
    Border,
    /// "crossing".
    Crossing,
    /// "bilateral".
    Bilateral,
    /// "emergency".
    Emergency,
    /// "hospital".
    Hospital,
}

/// Definite references to a violent event ("the attack", "the blast"): a statement naming one
/// gives details of that event, it is no news of its own.
pub const VIOLENCE_REFS: &[&str] =
    &["the incident", "the attack", "the blast", "the explosion", "the bombing", "the clash", "the strike"];

/// Each [`Lex`] with its patterns.
const LEXES: &[(Lex, &[&str])] = &[
    (Lex::Reaction, REACTION),
    (Lex::Modal, MODAL),
    (Lex::Trend, TREND),
    (Lex::TrendSd, TREND_SD),
    (Lex::TrendSentence, TREND_SENTENCE),
    (Lex::HedgeSd, HEDGE_SD),
    (Lex::Opinion, OPINION),
    (Lex::Hedge, HEDGE),
    (Lex::Time, TIME_CUES),
    (Lex::Future, FUTURE),
    (Lex::Fresh, FRESH),
    (Lex::Civilian, CIVILIANS),
    (Lex::Armed, ARMED),
    (Lex::ViolenceRef, VIOLENCE_REFS),
    (Lex::Border, &["border"]),
    (Lex::Crossing, &["crossing"]),
    (Lex::Bilateral, &["bilateral"]),
    (Lex::Emergency, &["emergency"]),
    (Lex::Hospital, &["hospital"]),
];

/// What a pattern of [`SCAN`] belongs to.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// The trigger [`TRIGGERS`]`[i]`.
    Trigger(usize),
    /// One of [`KILL_STEMS`].
    KillStem,
    /// A pattern of a small lexicon.
    Lex(Lex),
}

/// One automaton over every trigger, kill stem and small-lexicon pattern (a pattern listed twice
/// keeps both ids), with the owner of each pattern id. Its match states list every pattern
/// ending there: one pass over a sentence answers all the questions asked of these lists.
static SCAN: LazyLock<Option<(DFA, Vec<Owner>)>> = LazyLock::new(|| {
    let mut pats: Vec<&str> = Vec::new();
    let mut owner: Vec<Owner> = Vec::new();
    for (i, t) in TRIGGERS.iter().enumerate() {
        pats.push(t.pat);
        owner.push(Owner::Trigger(i));
    }
    for p in KILL_STEMS {
        pats.push(p);
        owner.push(Owner::KillStem);
    }
    for (lex, list) in LEXES {
        for p in *list {
            pats.push(p);
            owner.push(Owner::Lex(*lex));
        }
    }
    // No prefilter: nearly every byte of a sentence can start a pattern.
    let dfa = DFA::builder().match_kind(MatchKind::Standard).prefilter(false).build(&pats).ok()?;
    Some((dfa, owner))
});

/// A trigger occurrence: byte range in the sentence and index in [`TRIGGERS`].
pub type TriggerHit = (usize, usize, usize);

/// What one scan of a sentence finds.
#[derive(Debug, Default)]
pub struct SentenceScan {
    /// A kill stem occurs anywhere, quotations included ("“Two soldiers lost their lives,”
    /// the army said"), inside words too.
    pub kill_stem: bool,
    /// Trigger occurrences outside quotations, in text order (by start, the longest first).
    pub triggers: Vec<TriggerHit>,
    /// Small-lexicon occurrences outside quotations.
    pub lex: LexHits,
}

impl SentenceScan {
    /// Scan `lower` (the lower-cased sentence) once for triggers, kill stems and the small
    /// lexicons. `quoted` (sorted, disjoint byte ranges) are the quotations: a trigger or
    /// lexicon occurrence touching one is dropped, as if the quotation were blanked out. (No
    /// pattern starts or ends with a space or holds two in a row, so blanking a quotation,
    /// which is never a lone space inside a phrase, creates no occurrence.)
    pub fn scan(lower: &str, quoted: &[(usize, usize)]) -> Self {
        let mut out = SentenceScan::default();
        let Some((dfa, owner)) = SCAN.as_ref() else { return out };
        let Ok(mut sid) = dfa.start_state(Anchored::No) else { return out };
        let touches_quote = |s: usize, e: usize| quoted.iter().any(|&(qs, qe)| s < qe && qs < e);
        // The overlapping search walked by hand: table steps up to the next match state, then
        // every pattern ending there. (The crate's iterator costs a call per occurrence and
        // about twice the instructions per byte.)
        let bytes = lower.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            (at, sid) = step_to_special(dfa, bytes, at, sid);
            // The bytes ended, or no pattern can match any more.
            if !dfa.is_special(sid) || dfa.is_dead(sid) {
                break;
            }
            if !dfa.is_match(sid) {
                continue;
            }
            let e = at;
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                let s = e.saturating_sub(dfa.pattern_len(pid));
                match owner.get(pid.as_usize()) {
                    Some(Owner::KillStem) => out.kill_stem = true,
                    Some(&Owner::Trigger(i)) if !touches_quote(s, e) => out.triggers.push((s, e, i)),
                    Some(&Owner::Lex(lex)) if !touches_quote(s, e) => out.lex.hits.push((lex, s, e)),
                    _ => {}
                }
            }
        }
        // Overlapping search reports occurrences by their end.
        out.triggers.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        out
    }
}

/// Walk `dfa` over `bytes` from `at` in state `sid` until it enters a special (match or dead)
/// state or the bytes end: the position after the last byte read and the state. Kept apart
/// from the match handling so that the loop stays in registers.
fn step_to_special(dfa: &DFA, bytes: &[u8], mut at: usize, mut sid: StateID) -> (usize, StateID) {
    while let Some(&byte) = bytes.get(at) {
        sid = dfa.next_state(Anchored::No, sid, byte);
        at += 1;
        if dfa.is_special(sid) {
            break;
        }
    }
    (at, sid)
}

/// The occurrences a leftmost-longest, non-overlapping search would report, from every
/// occurrence sorted by start and the longest first ([`crate::extract::lexicon::leftmost_longest`]
/// over `(start, end, what)` triples).
pub fn leftmost_longest<T: Copy>(
    sorted: &[(usize, usize, T)],
) -> impl Iterator<Item = (usize, usize, T)> + '_ {
    crate::extract::lexicon::leftmost_longest(sorted.iter().copied(), |&(s, e, _)| (s, e))
}

/// Every occurrence of a [`Lex`] pattern in one lower-cased sentence: (lexicon, start, end).
#[derive(Debug, Default)]
pub struct LexHits {
    hits: Vec<(Lex, usize, usize)>,
}

impl LexHits {
    /// The occurrences of `lex` a leftmost-longest search would report ([`leftmost_longest`]).
    pub fn leftmost_longest(&self, lex: Lex) -> Vec<(usize, usize)> {
        let mut all: Vec<(usize, usize, ())> =
            self.hits.iter().filter(|h| h.0 == lex).map(|&(_, s, e)| (s, e, ())).collect();
        all.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        leftmost_longest(&all).map(|(s, e, ())| (s, e)).collect()
    }

    /// Whether `text[from..to]` (the text scanned) holds a pattern of `lex`, word-bounded
    /// within that slice (`left_only`: only on the left, for stems).
    pub fn any(&self, lex: Lex, text: &str, (from, to): (usize, usize), left_only: bool) -> bool {
        let Some(slice) = text.get(from..to) else { return false };
        self.hits.iter().any(|&(l, s, e)| {
            l == lex && s >= from && e <= to && bounded(slice, s - from, e - from, left_only)
        })
    }

    /// Whether `text[from..to]` holds a pattern of `lex` anywhere, word boundaries or not.
    pub fn substring(&self, lex: Lex, text: &str, (from, to): (usize, usize)) -> bool {
        text.get(from..to).is_some() && self.hits.iter().any(|&(l, s, e)| l == lex && s >= from && e <= to)
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasick, MatchKind};

    use super::*;

    /// Every pattern the scan holds.
    fn all_patterns() -> Vec<&'static str> {
        let mut pats: Vec<&str> = TRIGGERS.iter().map(|t| t.pat).collect();
        pats.extend(KILL_STEMS);
        for (_, list) in LEXES {
            pats.extend(*list);
        }
        pats
    }

    #[test]
    fn blanking_a_quotation_cannot_create_an_occurrence() {
        // What [`SentenceScan::scan`] relies on to drop occurrences touching a quotation
        // instead of scanning a blanked copy.
        for p in all_patterns() {
            assert!(!p.is_empty() && !p.starts_with(' ') && !p.ends_with(' ') && !p.contains("  "), "{p:?}");
        }
    }

    #[test]
    fn the_month_may_rewrite_cannot_change_a_kill_stem() {
        // "may" → "mai" turns a "y" after "ma" into an "i": no stem may hold either letter
        // where "ma" could stand right before it.
        for stem in KILL_STEMS {
            let b = stem.as_bytes();
            for (j, &c) in b.iter().enumerate() {
                if c == b'y' || c == b'i' {
                    let fits = (j < 1 || b[j - 1] == b'a') && (j < 2 || b[j - 2] == b'm');
                    assert!(!fits, "{stem}");
                }
            }
        }
    }

    fn sentences() -> Vec<String> {
        let mut out: Vec<String> = [
            "In May 2021, a bomber killed four people; any strike may follow, officials said.",
            "\"The air strikes killed 12 militants,\" the army said on Monday after the air raid.",
            "Troops clashed with militants near the border crossing; a suicide bomber blew himself up.",
            "He said “we will never accept talks” and warned of retaliation last week.",
            "The strikes “were a reminder of” the surge in attacks, according to analysts",
            "“Unclosed quotation about the attack",
            "Soldiers were martyred and five “civilians” died in an exchange of fire since 2021.",
            "air strike\"s ended with an \"x\" exchange of fire",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        for entry in std::fs::read_dir(seeds).unwrap().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                out.extend(text.split(['\n', '.']).filter(|s| s.len() > 3).map(str::to_string));
            }
        }
        out
    }

    #[test]
    fn one_scan_finds_what_separate_searches_of_the_blanked_sentence_find() {
        let leftmost = |pats: &[&str]| {
            AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(pats).unwrap()
        };
        let triggers = leftmost(&TRIGGERS.iter().map(|t| t.pat).collect::<Vec<_>>());
        let kill = leftmost(KILL_STEMS);
        let time = leftmost(TIME_CUES);
        let lex_pats: Vec<(Lex, &str)> =
            LEXES.iter().flat_map(|(l, list)| list.iter().map(move |p| (*l, *p))).collect();
        let lex = AhoCorasick::new(lex_pats.iter().map(|p| p.1)).unwrap();
        let mut checked = 0;
        for t in sentences() {
            let lower = super::super::month_may(&t, t.to_ascii_lowercase());
            let quoted = super::super::quote_ranges(&t);
            let mut open = lower.clone().into_bytes();
            for &(s, e) in &quoted {
                open[s..e].fill(b' ');
            }
            let open = String::from_utf8(open).unwrap();
            let scan = SentenceScan::scan(&lower, &quoted);
            assert_eq!(scan.kill_stem, kill.is_match(&t.to_ascii_lowercase()), "{t}");
            let want: Vec<TriggerHit> =
                triggers.find_iter(&open).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect();
            let got: Vec<TriggerHit> = leftmost_longest(&scan.triggers).collect();
            assert_eq!(got, want, "{t}");
            let want: Vec<(usize, usize)> = time.find_iter(&open).map(|m| (m.start(), m.end())).collect();
            assert_eq!(scan.lex.leftmost_longest(Lex::Time), want, "{t}");
            let mut want: Vec<(Lex, usize, usize)> = lex
                .find_overlapping_iter(&open)
                .map(|m| (lex_pats[m.pattern().as_usize()].0, m.start(), m.end()))
                .collect();
            let mut got = scan.lex.hits.clone();
            let key = |h: &(Lex, usize, usize)| (h.1, h.2, h.0 as u8);
            want.sort_by_key(key);
            got.sort_by_key(key);
            assert_eq!(got, want, "{t}");
            checked += usize::from(!want.is_empty());
        }
        assert!(checked > 100, "only {checked} sentences with lexicon hits");
    }

    #[test]
    fn leftmost_longest_takes_the_earliest_then_the_longest_and_skips_overlaps() {
        let hits = [(0, 3, 'a'), (0, 2, 'b'), (1, 5, 'c'), (3, 6, 'd'), (6, 7, 'e')];
        let got: Vec<char> = leftmost_longest(&hits).map(|h| h.2).collect();
        assert_eq!(got, vec!['a', 'd', 'e']);
    }
}
