//! Gazetteer of Pakistan's and Afghanistan's provinces, districts, towns and crossings.

use serde::{Deserialize, Serialize};

/// A resolved gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical name.
    pub name: String,
    /// "province", "district", "city", "crossing", "country", "region".
    pub kind: String,
    /// District, when known.
    pub district: Option<String>,
    /// Province, when known.
    pub province: Option<String>,
    /// Country.
    pub country: String,
    /// Latitude (degrees).
    pub lat: f64,
    /// Longitude (degrees).
    pub lon: f64,
}

use crate::corpus::Span;

/// A place mention resolved against the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Byte span in the searched text.
    pub span: Span,
    /// The mention as written ("Orakzai district", "Khyber Pakhtunkhwa (KP)").
    pub text: String,
    /// The gazetteer entry.
    pub place: Place,
}

/// Find gazetteer places in `text`, longest match first, non-overlapping.
pub fn find_places(text: &str) -> Vec<PlaceMention> {
    // STUB (lexicon helper replaces; the gazetteer lives in assets/).
    let _ = text;
    Vec::new()
}

/// Look a place name up (case-insensitive, aliases included).
pub fn lookup(name: &str) -> Option<Place> {
    let _ = name;
    None
}
