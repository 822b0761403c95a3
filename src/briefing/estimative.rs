//! Estimative language for the Assessment section: the likelihood terms and confidence
//! levels of US Intelligence Community Directive 203 (Analytic Standards, 2015), which UK
//! and allied assessment staff use in the same form (cf. the PHIA probability yardstick).
//!
//! The editor offers these in an insert menu; [`LikelihoodTerm::label`] is what the menu
//! shows and [`LikelihoodTerm::term`] what is inserted.

/// One likelihood term with its probability range (percent, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LikelihoodTerm {
    /// The term to insert ("likely").
    pub term: &'static str,
    /// The ICD 203 synonym ("probable").
    pub synonym: &'static str,
    /// Lower bound of the probability range, percent.
    pub min_percent: u8,
    /// Upper bound of the probability range, percent.
    pub max_percent: u8,
}

impl LikelihoodTerm {
    /// Menu label: `likely (probable) — 55–80%`.
    pub fn label(&self) -> String {
        format!("{} ({}) — {}–{}%", self.term, self.synonym, self.min_percent, self.max_percent)
    }

    /// True when `percent` falls in this term's range.
    pub fn covers(&self, percent: u8) -> bool {
        (self.min_percent..=self.max_percent).contains(&percent)
    }
}

/// The seven ICD 203 likelihood terms, from least to most likely.
pub const LIKELIHOOD_TERMS: [LikelihoodTerm; 7] = [
    LikelihoodTerm { term: "almost no chance", synonym: "remote", min_percent: 1, max_percent: 5 },
    LikelihoodTerm { term: "very unlikely", synonym: "highly improbable", min_percent: 5, max_percent: 20 },
    LikelihoodTerm { term: "unlikely", synonym: "improbable", min_percent: 20, max_percent: 45 },
    LikelihoodTerm {
        term: "roughly even chance",
        synonym: "roughly even odds",
        min_percent: 45,
        max_percent: 55,
    },
    LikelihoodTerm { term: "likely", synonym: "probable", min_percent: 55, max_percent: 80 },
    LikelihoodTerm { term: "very likely", synonym: "highly probable", min_percent: 80, max_percent: 95 },
    LikelihoodTerm { term: "almost certain", synonym: "nearly certain", min_percent: 95, max_percent: 99 },
];

/// One analytic confidence level with its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfidenceLevel {
    /// The phrase to insert ("moderate confidence").
    pub term: &'static str,
    /// One-line meaning shown next to it in the menu.
    pub meaning: &'static str,
}

impl ConfidenceLevel {
    /// Menu label: `moderate confidence — credibly sourced and plausible, …`.
    pub fn label(&self) -> String {
        format!("{} — {}", self.term, self.meaning)
    }
}

/// The three confidence levels, from low to high.
pub const CONFIDENCE_LEVELS: [ConfidenceLevel; 3] = [
    ConfidenceLevel {
        term: "low confidence",
        meaning: "information is scant, fragmented, poorly corroborated or of questionable credibility; significant concerns remain",
    },
    ConfidenceLevel {
        term: "moderate confidence",
        meaning: "information is credibly sourced and plausible but not corroborated well enough to warrant a higher level",
    },
    ConfidenceLevel {
        term: "high confidence",
        meaning: "judgement rests on high-quality information from multiple sources; it is not a fact or a certainty and may still be wrong",
    },
];

/// The likelihood term for a probability in percent (boundaries go to the lower term, as in
/// the ICD 203 table read top-down). `None` outside 1–99: estimative language never
/// expresses certainty.
pub fn term_for_percent(percent: u8) -> Option<&'static LikelihoodTerm> {
    LIKELIHOOD_TERMS.iter().find(|t| t.covers(percent))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_ordered_and_contiguous() {
        for w in LIKELIHOOD_TERMS.windows(2) {
            assert_eq!(w[0].max_percent, w[1].min_percent, "{} / {}", w[0].term, w[1].term);
            assert!(w[0].min_percent < w[0].max_percent);
        }
        assert_eq!(LIKELIHOOD_TERMS[0].min_percent, 1);
        assert_eq!(LIKELIHOOD_TERMS[6].max_percent, 99);
    }

    #[test]
    fn term_lookup() {
        assert_eq!(term_for_percent(70).map(|t| t.term), Some("likely"));
        assert_eq!(term_for_percent(50).map(|t| t.term), Some("roughly even chance"));
        assert_eq!(term_for_percent(3).map(|t| t.term), Some("almost no chance"));
        assert_eq!(term_for_percent(0), None);
        assert_eq!(term_for_percent(100), None);
        assert_eq!(LIKELIHOOD_TERMS[4].label(), "likely (probable) — 55–80%");
        assert!(CONFIDENCE_LEVELS[1].label().starts_with("moderate confidence — "));
    }
}
