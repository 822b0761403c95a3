//! Briefings built with the model types for the export tests (invented content, not seeds).

#![allow(dead_code)]

use briefing_builder::briefing::{
    Block, BlockContent, Briefing, Citation, EventItem, IncidentItem, ItemId, QuoteItem, SectionKind,
    SourceDoc,
};
use briefing_builder::corpus::Anchor;

fn cite(source: &str) -> Citation {
    Citation { source: source.to_string(), anchor: Anchor::default(), status: Default::default() }
}

/// Add a block to the section of `kind`.
pub fn push(
    b: &mut Briefing,
    kind: SectionKind,
    content: BlockContent,
    note: &str,
    sources: &[&str],
) -> ItemId {
    let id = b.new_id();
    let original = match &content {
        BlockContent::Text { .. } => None,
        c => Some(c.clone()),
    };
    let block = Block {
        id,
        content,
        original,
        note: note.to_string(),
        citations: sources.iter().map(|s| cite(s)).collect(),
    };
    if let Some(s) = b.sections.iter_mut().find(|s| s.kind == kind) {
        s.blocks.push(block);
    }
    id
}

pub fn text(md: &str) -> BlockContent {
    BlockContent::Text { markdown: md.to_string() }
}

pub fn quote(text: &str, speaker: &str, role: Option<&str>) -> BlockContent {
    BlockContent::Quote(QuoteItem {
        text: text.to_string(),
        speaker: speaker.to_string(),
        role: role.map(str::to_string),
        cue: Some("said".to_string()),
    })
}

pub fn event(
    date: &str,
    ty: &str,
    what: &str,
    place: &str,
    actors: &[&str],
    fatalities: Option<u32>,
) -> BlockContent {
    BlockContent::Event(EventItem {
        what: what.to_string(),
        date: Some(date.to_string()),
        date_text: None,
        event_type: ty.to_string(),
        sub_type: String::new(),
        locations: vec![place.to_string()],
        actors: actors.iter().map(|s| s.to_string()).collect(),
        fatalities,
        fatalities_claimed_by: fatalities.map(|_| "local officials".to_string()),
        evidence: format!("{what}."),
    })
}

fn source(id: &str, outlet: &str, title: &str, date: &str) -> SourceDoc {
    SourceDoc {
        id: id.to_string(),
        file: format!("{id}.txt"),
        title: Some(title.to_string()),
        outlet: Some(outlet.to_string()),
        author: None,
        url: Some(format!("https://news.example.org/{date}/{id}-report-on-border-security-developments")),
        published: Some(date.to_string()),
        text: String::new(),
    }
}

/// Quote texts used in [`rich_briefing`].
pub const QUOTES: [&str; 3] = [
    "We will answer any attack launched from across the frontier, and we will answer it decisively",
    "The crossing at the river will stay closed until the shelling stops — not one day sooner",
    "Négociations? We have heard promises before; what matters is whether the camps are dismantled",
];

/// A briefing with every kind of block, notes, citations, curly quotes, dashes and accents.
pub fn rich_briefing() -> Briefing {
    let mut b = Briefing::from_template();
    b.meta.title = "Cross-border strikes and militant attacks: situation at 12 March 2026".to_string();
    b.meta.author = "South Asia Desk, Security Analysis Unit".to_string();
    b.meta.date = "2026-03-12".to_string();
    b.meta.recipients = "Director South Asia; Head of Counter-Terrorism Policy".to_string();
    b.meta.marking = "OFFICIAL-SENSITIVE".to_string();
    b.meta.summary = "Purpose: to update senior officials on the **escalation** along the border since \
                      January, ahead of the ministerial meeting on 16 March."
        .to_string();
    for (id, outlet, title, date) in [
        ("src-a", "The Northern Courier", "Air raids hit border districts after convoy ambush", "2026-03-02"),
        ("src-b", "Café Régional", "Officials trade accusations as crossing stays shut", "2026-03-05"),
        (
            "src-c",
            "Frontier Analysis Review",
            "What the ceasefire talks can – and cannot – deliver",
            "2026-03-09",
        ),
    ] {
        b.sources.insert(id.to_string(), source(id, outlet, title, date));
    }
    push(
        &mut b,
        SectionKind::Bluf,
        text(
            "Strikes and counter-strikes have **intensified** since January; the crossing has been closed \
              for three weeks and talks have stalled. We judge a further escalation *likely* within a month.",
        ),
        "",
        &["src-a", "src-b"],
    );
    push(
        &mut b,
        SectionKind::Background,
        text(
            "The dispute turns on three issues:\n\n- militant sanctuaries on the far side of the border;\n\
              - the closure of the main crossing, which halts trade worth about $5 million a day;\n\
              - refugee returns.\n\nSee the [UN situation report](https://reliefweb.example.int/report/2026-03) \
              for humanitarian figures.",
        ),
        "Trade figure is an estimate from a single source.",
        &["src-c"],
    );
    push(
        &mut b,
        SectionKind::KeyDevelopments,
        event(
            "2026-01-14",
            "Battles",
            "Convoy ambushed on the highway",
            "Khyber district",
            &["Militant group"],
            Some(7),
        ),
        "",
        &["src-a"],
    );
    push(
        &mut b,
        SectionKind::KeyDevelopments,
        event(
            "2026-02-03",
            "Explosions/Remote violence",
            "Air strikes on suspected camps across the border",
            "Border province",
            &["Air force"],
            Some(12),
        ),
        "Casualty figure disputed by the other side.",
        &["src-a", "src-b"],
    );
    push(
        &mut b,
        SectionKind::KeyDevelopments,
        event(
            "2026-02-20",
            "Strategic developments",
            "Main border crossing closed",
            "River crossing",
            &["Border police"],
            None,
        ),
        "",
        &["src-b"],
    );
    push(
        &mut b,
        SectionKind::KeyDevelopments,
        event(
            "2026-03-06",
            "Protests",
            "Traders protest the closure",
            "Market town",
            &["Traders’ association"],
            Some(0),
        ),
        "",
        &["src-b"],
    );
    push(
        &mut b,
        SectionKind::KeyDevelopments,
        BlockContent::Incident(IncidentItem {
            what: "Air strikes on suspected camps".to_string(),
            date: Some("2026-02-03".to_string()),
            event_type: "Explosions/Remote violence".to_string(),
            locations: vec!["Border province".to_string()],
            actors: vec!["Air force".to_string()],
            fatalities_min: Some(8),
            fatalities_max: Some(23),
            source_count: 2,
            conflicts: vec![
                "The Northern Courier reports 23 killed, citing local officials.".to_string(),
                "Café Régional reports 8 killed, citing the military spokesman.".to_string(),
            ],
        }),
        "",
        &["src-a", "src-b"],
    );
    push(
        &mut b,
        SectionKind::KeyQuotes,
        quote(QUOTES[0], "Defence minister", Some("government")),
        "Strongest language used so far.",
        &["src-a"],
    );
    push(
        &mut b,
        SectionKind::KeyQuotes,
        quote(&format!("“{}”", QUOTES[1]), "Provincial governor", None),
        "",
        &["src-b"],
    );
    push(
        &mut b,
        SectionKind::KeyQuotes,
        quote(QUOTES[2], "Opposition spokesperson", Some("National Front")),
        "",
        &["src-c"],
    );
    push(
        &mut b,
        SectionKind::Assessment,
        BlockContent::Excerpt {
            text: "Neither side has an interest in open war, but both have domestic audiences that reward \
                   visible toughness."
                .to_string(),
        },
        "",
        &["src-c"],
    );
    push(
        &mut b,
        SectionKind::Assessment,
        text("We assess that the **risk of miscalculation** is high while the crossing stays closed."),
        "",
        &[],
    );
    push(
        &mut b,
        SectionKind::Outlook,
        text(
            "1. Press both sides to reopen the crossing for humanitarian traffic.\n\
              2. Support the mediation offer.\n3. Review the travel advice for border districts.",
        ),
        "",
        &[],
    );
    b
}

/// A briefing long enough for about 100 pages.
pub fn long_briefing() -> Briefing {
    let mut b = rich_briefing();
    let para = "Officials in the provincial capital said on Tuesday that the security forces had \
                intensified operations in the districts along the border, where militants have attacked \
                checkpoints, convoys and police stations with increasing frequency since the start of the \
                year. Residents described long curfews, closed schools and markets, and a growing number \
                of families leaving for the cities.";
    for i in 0..760 {
        push(&mut b, SectionKind::Background, text(&format!("Paragraph {i}: {para}")), "", &["src-a"]);
        if i % 20 == 0 {
            push(
                &mut b,
                SectionKind::Background,
                text(&format!("## Period {}\n\nDetail follows.", i / 20 + 1)),
                "",
                &[],
            );
        }
    }
    for i in 0..220 {
        let day = format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1);
        push(
            &mut b,
            SectionKind::KeyDevelopments,
            event(
                &day,
                "Battles",
                &format!("Clash number {i} at a checkpoint near the border"),
                "Border district",
                &["Security forces", "Militants"],
                Some(i % 9),
            ),
            "",
            &["src-a"],
        );
    }
    b
}
