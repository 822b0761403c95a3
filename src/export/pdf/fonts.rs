//! The bundled fonts (Noto Serif and Noto Sans, SIL OFL 1.1, `assets/fonts/`), glyph
//! lookup with visible fallback, and measured advance widths.

use std::collections::HashMap;

use allsorts::binary::read::ReadScope;
use allsorts::font::{Font, MatchingPresentation};
use allsorts::font_data::{DynamicFontTableProvider, FontData};
use allsorts::gsub::FeatureMask;
use printpdf::ParsedFont;

use crate::export::ExportError;

/// Noto Serif Regular (body text).
pub const SERIF: usize = 0;
/// Noto Serif Bold.
pub const SERIF_BOLD: usize = 1;
/// Noto Serif Italic (quotations).
pub const SERIF_ITALIC: usize = 2;
/// Noto Serif Bold Italic.
pub const SERIF_BOLD_ITALIC: usize = 3;
/// Noto Sans Regular (tables, running heads, captions).
pub const SANS: usize = 4;
/// Noto Sans Bold (headings).
pub const SANS_BOLD: usize = 5;

const FONT_FILES: [(&str, &[u8]); 6] = [
    ("NotoSerif-Regular", include_bytes!("../../../assets/fonts/NotoSerif-Regular.ttf")),
    ("NotoSerif-Bold", include_bytes!("../../../assets/fonts/NotoSerif-Bold.ttf")),
    ("NotoSerif-Italic", include_bytes!("../../../assets/fonts/NotoSerif-Italic.ttf")),
    ("NotoSerif-BoldItalic", include_bytes!("../../../assets/fonts/NotoSerif-BoldItalic.ttf")),
    ("NotoSans-Regular", include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf")),
    ("NotoSans-Bold", include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf")),
];

/// Drawn in place of a character no bundled font has (emoji, scripts outside Latin,
/// Greek and Cyrillic): U+FFFD REPLACEMENT CHARACTER from Noto Sans, so nothing vanishes.
pub const REPLACEMENT: char = '\u{FFFD}';

type Shaper = Font<DynamicFontTableProvider<'static>>;

/// One parsed face with a glyph/advance cache and GPOS kerning.
pub struct Face {
    /// The parsed font (what printpdf embeds and subsets).
    pub parsed: ParsedFont,
    /// Units per em.
    pub upm: f32,
    ascii: Vec<Option<(u16, u16)>>,
    other: HashMap<char, Option<(u16, u16)>>,
    shaper: Option<Shaper>,
    kerning: HashMap<String, Option<Box<[i16]>>>,
}

fn shaper(bytes: &'static [u8]) -> Option<Shaper> {
    let data = ReadScope::new(bytes).read::<FontData<'static>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    Font::new(provider).ok()
}

impl Face {
    fn new(parsed: ParsedFont, bytes: &'static [u8]) -> Self {
        let upm = f32::from(parsed.font_metrics.units_per_em.max(1));
        let ascii = (0u32..128)
            .map(|c| parsed.lookup_glyph_index(c).map(|g| (g, parsed.get_horizontal_advance(g))))
            .collect();
        Face { parsed, upm, ascii, other: HashMap::new(), shaper: shaper(bytes), kerning: HashMap::new() }
    }

    /// Pair kerning (GPOS `kern`) of `text`, in font units: entry `i` adjusts the advance
    /// of character `i`. `None` when the text has no kerning or the shaper substituted
    /// glyphs (then the plain advances are used).
    pub fn kerning(&mut self, text: &str) -> Option<Box<[i16]>> {
        text.chars().nth(1)?;
        if let Some(k) = self.kerning.get(text) {
            return k.clone();
        }
        let k = self.shape_kerning(text);
        self.kerning.insert(text.to_string(), k.clone());
        k
    }

    fn shape_kerning(&mut self, text: &str) -> Option<Box<[i16]>> {
        let gids: Vec<Option<u16>> = text.chars().map(|c| self.glyph(c).map(|g| g.0)).collect();
        let shaper = self.shaper.as_mut()?;
        let script = allsorts::tag::LATN;
        let glyphs = shaper.map_glyphs(text, script, MatchingPresentation::NotRequired);
        let infos = shaper.shape(glyphs, script, None, FeatureMask::empty(), &[], None, true).ok()?;
        if infos.len() != gids.len() {
            return None;
        }
        let mut out = Vec::with_capacity(infos.len());
        for (info, gid) in infos.iter().zip(&gids) {
            if Some(info.glyph.glyph_index) != *gid {
                return None;
            }
            out.push(info.kerning);
        }
        if out.iter().all(|k| *k == 0) { None } else { Some(out.into_boxed_slice()) }
    }

    /// Glyph id and advance (font units) of `c`, if the face has it.
    pub fn glyph(&mut self, c: char) -> Option<(u16, u16)> {
        let cp = c as u32;
        if cp < 128 {
            return self.ascii[cp as usize];
        }
        let parsed = &self.parsed;
        *self
            .other
            .entry(c)
            .or_insert_with(|| parsed.lookup_glyph_index(cp).map(|g| (g, parsed.get_horizontal_advance(g))))
    }
}

/// The six bundled faces.
pub struct Fonts {
    /// Faces indexed by [`SERIF`] … [`SANS_BOLD`].
    pub faces: Vec<Face>,
}

impl Fonts {
    /// Parse the bundled fonts.
    pub fn load() -> Result<Fonts, ExportError> {
        let mut faces = Vec::with_capacity(FONT_FILES.len());
        for (name, bytes) in FONT_FILES {
            let mut warnings = Vec::new();
            let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
                .ok_or_else(|| ExportError::Font(format!("{name}.ttf could not be parsed")))?;
            faces.push(Face::new(parsed, bytes));
        }
        Ok(Fonts { faces })
    }

    /// The face to fall back to for a character `face` lacks: Noto Sans of the same weight.
    fn fallback(face: usize) -> usize {
        if matches!(face, SERIF_BOLD | SERIF_BOLD_ITALIC | SANS_BOLD) { SANS_BOLD } else { SANS }
    }

    /// Split `text` into runs of (face, text) such that every character has a glyph:
    /// characters missing from `face` come from the sans face, and characters no face
    /// has become [`REPLACEMENT`]. Control characters are dropped; tabs become spaces.
    pub fn resolve(&mut self, face: usize, text: &str) -> Vec<(usize, String)> {
        let mut runs: Vec<(usize, String)> = Vec::new();
        for c in text.chars() {
            let c = match c {
                '\t' => ' ',
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{FE0F}' => continue,
                c if c.is_control() => continue,
                c => c,
            };
            let (f, ch) = if self.faces[face].glyph(c).is_some() {
                (face, c)
            } else {
                let fb = Self::fallback(face);
                if self.faces[fb].glyph(c).is_some() { (fb, c) } else { (fb, REPLACEMENT) }
            };
            match runs.last_mut() {
                Some((lf, s)) if *lf == f => s.push(ch),
                _ => runs.push((f, ch.to_string())),
            }
        }
        runs
    }

    /// Advance width in points of `text` set in `face` at `size`; every character must
    /// be present in the face (see [`Fonts::resolve`]).
    pub fn width(&mut self, face: usize, size: f32, text: &str) -> f32 {
        let f = &mut self.faces[face];
        let mut units = 0i64;
        for c in text.chars() {
            units += i64::from(f.glyph(c).map(|g| g.1).unwrap_or(0));
        }
        if let Some(k) = f.kerning(text) {
            units += k.iter().map(|k| i64::from(*k)).sum::<i64>();
        }
        units as f32 * size / f.upm
    }

    /// Width of `text` in `face` after fallback resolution.
    pub fn measure(&mut self, face: usize, size: f32, text: &str) -> f32 {
        self.resolve(face, text).iter().map(|(f, s)| self.width(*f, size, s)).sum()
    }
}
