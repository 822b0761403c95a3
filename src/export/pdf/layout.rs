//! Page layout: the export model becomes a flow of measured items (lines, table rows,
//! figures) with keep-together rules, which is then cut into pages.

use super::fonts::Fonts;
use super::text::{Piece, Rgb, SetLine, TextStyle, set_paragraph};
use super::{map, timeline};
use crate::export::model::{DocBlock, ExportDoc, Rich, Span};

/// Navy used for the title and headings.
pub const NAVY: Rgb = (0.09, 0.2, 0.38);
const INK: Rgb = (0.1, 0.1, 0.1);
const GREY: Rgb = (0.38, 0.38, 0.4);
const RULE: Rgb = (0.72, 0.75, 0.8);
const QUOTE_BAR: Rgb = (0.55, 0.63, 0.76);
const NOTE_BAR: Rgb = (0.87, 0.62, 0.16);

const BODY_SIZE: f32 = 10.5;
const BODY_LEAD: f32 = 14.4;
const PARA_GAP: f32 = 6.5;

/// Page size and margins, points.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left margin.
    pub left: f32,
    /// Right margin.
    pub right: f32,
    /// Top margin (body starts below it).
    pub top: f32,
    /// Bottom margin.
    pub bottom: f32,
}

impl Geometry {
    /// Width of the text block.
    pub fn body_width(&self) -> f32 {
        self.width - self.left - self.right
    }
    /// Height of the text block.
    pub fn body_height(&self) -> f32 {
        self.height - self.top - self.bottom
    }
}

/// A drawing command; `dy` is measured down from the top of its item.
#[derive(Debug, Clone)]
pub enum Draw {
    /// Text with its baseline at `dy`.
    Text {
        /// Left edge, page coordinates.
        x: f32,
        /// Baseline below the item top.
        dy: f32,
        /// The text.
        piece: Piece,
    },
    /// A filled rectangle whose top edge is at `dy`.
    Fill {
        /// Left.
        x: f32,
        /// Top, below the item top.
        dy: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        color: Rgb,
    },
    /// A straight line.
    Stroke {
        /// Start x.
        x1: f32,
        /// Start y below the item top.
        dy1: f32,
        /// End x.
        x2: f32,
        /// End y below the item top.
        dy2: f32,
        /// Line width.
        width: f32,
        /// Colour.
        color: Rgb,
    },
    /// A filled circle.
    Disc {
        /// Centre x.
        cx: f32,
        /// Centre y below the item top.
        dy: f32,
        /// Radius.
        r: f32,
        /// Colour.
        color: Rgb,
    },
    /// An outline (bookmark) entry pointing here.
    Outline {
        /// 1 for sections, 2 for sub-headings.
        level: usize,
        /// Title.
        title: String,
    },
    /// The destination of links to source `n`.
    Anchor(usize),
}

/// One unbreakable piece of the flow.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Height, points.
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    /// Keep on the same page as the next item (headings, orphan/widow control).
    pub keep_with_next: bool,
    /// Drawing commands.
    pub draws: Vec<Draw>,
    /// Table header to repeat when this item starts a page (index into [`Flow::headers`]).
    pub header: Option<usize>,
}

/// Items laid out for the body, before pagination.
pub struct Flow<'f> {
    fonts: &'f mut Fonts,
    geo: Geometry,
    /// The flow.
    pub items: Vec<Item>,
    /// Table header rows, repeated at page tops.
    pub headers: Vec<Item>,
    figures: usize,
}

fn style(sans: bool, bold: bool, italic: bool, size: f32, color: Rgb) -> TextStyle {
    TextStyle { sans, bold, italic, size, color }
}

fn baseline(lead: f32, size: f32) -> f32 {
    (lead - size) / 2.0 + 0.8 * size
}

/// Decoration drawn beside every line of a block (quote or note bar).
#[derive(Clone, Copy)]
struct Bar {
    x: f32,
    w: f32,
    color: Rgb,
}

impl<'f> Flow<'f> {
    /// An empty flow.
    pub fn new(fonts: &'f mut Fonts, geo: Geometry) -> Self {
        Flow { fonts, geo, items: Vec::new(), headers: Vec::new(), figures: 0 }
    }

    /// Lines of a paragraph as items, with orphan and widow control: the first two and
    /// the last two lines of a paragraph stay together.
    #[allow(clippy::too_many_arguments)]
    fn lines_to_items(
        &mut self,
        lines: Vec<SetLine>,
        x: f32,
        lead: f32,
        size: f32,
        space_before: f32,
        bar: Option<Bar>,
        first_extra: Vec<Draw>,
    ) {
        let n = lines.len();
        let start = self.items.len();
        let mut extra = Some(first_extra);
        for (i, line) in lines.into_iter().enumerate() {
            let mut draws = extra.take().unwrap_or_default();
            let (gap, sb) = match bar {
                // Inside a barred block the gap is part of the item so the bar stays unbroken.
                Some(_) if i == 0 => (space_before, 0.0),
                _ if i == 0 => (0.0, space_before),
                _ => (0.0, 0.0),
            };
            if let Some(b) = bar {
                draws.push(Draw::Fill { x: b.x, dy: 0.0, w: b.w, h: lead + gap, color: b.color });
            }
            let dy = gap + baseline(lead, size);
            for (px, piece) in line.pieces {
                let rise = piece.rise;
                draws.push(Draw::Text { x: x + px, dy: dy - rise, piece });
            }
            self.items.push(Item {
                height: lead + gap,
                space_before: sb,
                keep_with_next: false,
                draws,
                header: None,
            });
        }
        // Orphans: first line keeps with the second; widows: the penultimate keeps with the last.
        if n >= 2 {
            self.items[start].keep_with_next = true;
            self.items[start + n - 2].keep_with_next = true;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        rich: &[Span],
        st: &TextStyle,
        x: f32,
        width: f32,
        lead: f32,
        space_before: f32,
        bar: Option<Bar>,
        first_extra: Vec<Draw>,
    ) {
        let lines = set_paragraph(self.fonts, rich, st, width, width);
        self.lines_to_items(lines, x, lead, st.size, space_before, bar, first_extra);
    }

    fn text_pieces(&mut self, text: &str, st: &TextStyle) -> Vec<Piece> {
        self.fonts
            .resolve(st.face(), text)
            .into_iter()
            .map(|(f, s)| {
                let width = self.fonts.width(f, st.size, &s);
                Piece { text: s, face: f, size: st.size, color: st.color, rise: 0.0, link: None, width }
            })
            .collect()
    }

    fn text_draws(&mut self, text: &str, st: &TextStyle, x: f32, dy: f32) -> (Vec<Draw>, f32) {
        let mut draws = Vec::new();
        let mut cx = x;
        for p in self.text_pieces(text, st) {
            let w = p.width;
            draws.push(Draw::Text { x: cx, dy, piece: p });
            cx += w;
        }
        (draws, cx - x)
    }

    /// The title block: title, date / from / to, a rule.
    pub fn title_block(&mut self, doc: &ExportDoc) {
        let g = self.geo;
        let st = style(true, true, false, 19.0, NAVY);
        let lines =
            set_paragraph(self.fonts, &[Span::plain(doc.title.clone())], &st, g.body_width(), g.body_width());
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut draws = Vec::new();
            for (px, piece) in line.pieces {
                draws.push(Draw::Text { x: g.left + px, dy: baseline(23.0, 19.0), piece });
            }
            self.items.push(Item { height: 23.0, keep_with_next: i + 1 < n, draws, ..Default::default() });
        }
        let label = style(true, true, false, 8.5, GREY);
        let value = style(true, false, false, 8.5, INK);
        let label_w = 40.0;
        let mut first = true;
        for (k, v) in &doc.fields {
            let lines = set_paragraph(
                self.fonts,
                &[Span::plain(v.clone())],
                &value,
                g.body_width() - label_w,
                g.body_width() - label_w,
            );
            let (ldraws, _) = self.text_draws(&k.to_uppercase(), &label, g.left, baseline(12.0, 8.5));
            let mut extra = Some(ldraws);
            for line in lines {
                let mut draws = extra.take().unwrap_or_default();
                for (px, piece) in line.pieces {
                    draws.push(Draw::Text { x: g.left + label_w + px, dy: baseline(12.0, 8.5), piece });
                }
                self.items.push(Item {
                    height: 12.0,
                    space_before: if first { 8.0 } else { 0.0 },
                    keep_with_next: true,
                    draws,
                    header: None,
                });
                first = false;
            }
        }
        self.items.push(Item {
            height: 10.0,
            space_before: 4.0,
            draws: vec![Draw::Stroke {
                x1: g.left,
                dy1: 5.0,
                x2: g.left + g.body_width(),
                dy2: 5.0,
                width: 1.2,
                color: NAVY,
            }],
            ..Default::default()
        });
    }

    /// A section heading (level 1 in the outline).
    pub fn section_heading(&mut self, title: &str) {
        let g = self.geo;
        let st = style(true, true, false, 12.5, NAVY);
        let lines =
            set_paragraph(self.fonts, &[Span::plain(title.to_string())], &st, g.body_width(), g.body_width());
        let n = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            let mut draws = Vec::new();
            if i == 0 {
                draws.push(Draw::Outline { level: 1, title: title.to_string() });
            }
            for (px, piece) in line.pieces {
                draws.push(Draw::Text { x: g.left + px, dy: baseline(16.0, 12.5), piece });
            }
            let last = i + 1 == n;
            if last {
                draws.push(Draw::Stroke {
                    x1: g.left,
                    dy1: 19.0,
                    x2: g.left + g.body_width(),
                    dy2: 19.0,
                    width: 0.5,
                    color: RULE,
                });
            }
            self.items.push(Item {
                height: if last { 22.0 } else { 16.0 },
                space_before: if i == 0 { 16.0 } else { 0.0 },
                keep_with_next: true,
                draws,
                header: None,
            });
        }
    }

    fn sub_heading(&mut self, level: u8, text: &Rich) {
        let g = self.geo;
        let size = if level <= 3 { 11.0 } else { 10.5 };
        let st = style(true, true, false, size, if level <= 3 { NAVY } else { INK });
        let lines = set_paragraph(self.fonts, text, &st, g.body_width(), g.body_width());
        let n = lines.len();
        let title: String = crate::export::model::plain_text(text);
        for (i, line) in lines.into_iter().enumerate() {
            let mut draws = Vec::new();
            if i == 0 {
                draws.push(Draw::Outline { level: 2, title: title.clone() });
            }
            for (px, piece) in line.pieces {
                draws.push(Draw::Text { x: g.left + px, dy: baseline(size * 1.35, size), piece });
            }
            self.items.push(Item {
                height: size * 1.35 + if i + 1 == n { 2.0 } else { 0.0 },
                space_before: if i == 0 { 10.0 } else { 0.0 },
                keep_with_next: true,
                draws,
                header: None,
            });
        }
    }

    fn list(&mut self, start: Option<u64>, items: &[Rich], x: f32, width: f32) {
        let st = style(false, false, false, BODY_SIZE, INK);
        let indent = 16.0;
        for (i, item) in items.iter().enumerate() {
            let marker = match start {
                Some(n) => format!("{}.", n + i as u64),
                None => "•".to_string(),
            };
            let pieces = self.text_pieces(&marker, &st);
            let mw: f32 = pieces.iter().map(|p| p.width).sum();
            let mut mx = x + indent - 5.0 - mw;
            let mut marker_draws = Vec::new();
            for p in pieces {
                let w = p.width;
                marker_draws.push(Draw::Text { x: mx, dy: baseline(BODY_LEAD, BODY_SIZE), piece: p });
                mx += w;
            }
            let gap = if i == 0 { PARA_GAP } else { 2.5 };
            self.paragraph(item, &st, x + indent, width - indent, BODY_LEAD, gap, None, marker_draws);
        }
    }

    fn quote(&mut self, body: &[Rich], attribution: &Rich, x: f32, width: f32) {
        let bar = Bar { x: x + 2.0, w: 2.2, color: QUOTE_BAR };
        let inner_x = x + 14.0;
        let inner_w = width - 14.0;
        let st = style(false, false, true, BODY_SIZE, INK);
        for (i, para) in body.iter().enumerate() {
            let gap = if i == 0 { 0.0 } else { 4.0 };
            let before = self.items.len();
            self.paragraph(para, &st, inner_x, inner_w, BODY_LEAD, gap, Some(bar), Vec::new());
            if i == 0
                && let Some(it) = self.items.get_mut(before)
            {
                it.space_before = PARA_GAP + 2.0;
            }
        }
        if !attribution.is_empty() {
            // The attribution stays with the last line of the quotation.
            if let Some(last) = self.items.last_mut() {
                last.keep_with_next = true;
            }
            let ast = style(true, false, false, 8.6, GREY);
            self.paragraph(attribution, &ast, inner_x, inner_w, 12.0, 2.0, Some(bar), Vec::new());
        }
    }

    fn note(&mut self, rich: &Rich, x: f32, width: f32) {
        let bar = Bar { x: x + 2.0, w: 2.2, color: NOTE_BAR };
        let st = style(false, false, true, 9.4, (0.22, 0.22, 0.26));
        let before = self.items.len();
        self.paragraph(rich, &st, x + 14.0, width - 14.0, 12.6, 0.0, Some(bar), Vec::new());
        if let Some(it) = self.items.get_mut(before) {
            it.space_before = 5.0;
        }
    }

    fn table(&mut self, header: &[String], weights: &[f32], rows: &[Vec<Rich>], x: f32, width: f32) {
        let ncol = header.len().max(1);
        let total: f32 = weights.iter().take(ncol).sum::<f32>().max(0.001);
        let mut widths: Vec<f32> =
            (0..ncol).map(|i| weights.get(i).copied().unwrap_or(1.0) / total * width).collect();
        if widths.len() < ncol {
            widths.resize(ncol, width / ncol as f32);
        }
        let mut xs = Vec::with_capacity(ncol);
        let mut cx = x;
        for w in &widths {
            xs.push(cx);
            cx += w;
        }
        let pad_x = 3.5;
        let pad_y = 3.0;
        let size = 8.2;
        let lead = 10.4;
        // Header row.
        let hst = style(true, true, false, size, (1.0, 1.0, 1.0));
        let mut hcells = Vec::new();
        for (i, h) in header.iter().enumerate() {
            hcells.push(set_paragraph(
                self.fonts,
                &[Span::plain(h.clone())],
                &hst,
                widths[i] - 2.0 * pad_x,
                widths[i] - 2.0 * pad_x,
            ));
        }
        let hlines = hcells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let hh = hlines as f32 * lead + 2.0 * pad_y;
        let mut hdraws = vec![Draw::Fill { x, dy: 0.0, w: width, h: hh, color: NAVY }];
        for (i, cell) in hcells.into_iter().enumerate() {
            for (li, line) in cell.into_iter().enumerate() {
                for (px, piece) in line.pieces {
                    hdraws.push(Draw::Text {
                        x: xs[i] + pad_x + px,
                        dy: pad_y + li as f32 * lead + baseline(lead, size),
                        piece,
                    });
                }
            }
        }
        let header_item = Item {
            height: hh,
            space_before: PARA_GAP + 2.0,
            keep_with_next: true,
            draws: hdraws,
            header: None,
        };
        let hidx = self.headers.len();
        self.headers.push(Item { space_before: 0.0, ..header_item.clone() });
        self.items.push(header_item);

        let st = style(true, false, false, size, INK);
        let max_lines_per_band = ((self.geo.body_height() * 0.5) / lead).floor().max(4.0) as usize;
        for (ri, row) in rows.iter().enumerate() {
            let cells: Vec<Vec<SetLine>> = (0..ncol)
                .map(|i| {
                    let w = widths[i] - 2.0 * pad_x;
                    let content = row.get(i).cloned().unwrap_or_default();
                    set_paragraph(self.fonts, &content, &st, w, w)
                })
                .collect();
            let nlines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
            let bands = nlines.div_ceil(max_lines_per_band);
            let shade = ri % 2 == 1;
            for band in 0..bands {
                let from = band * max_lines_per_band;
                let to = ((band + 1) * max_lines_per_band).min(nlines);
                let first = band == 0;
                let last = band + 1 == bands;
                let top_pad = if first { pad_y } else { 0.0 };
                let h = (to - from) as f32 * lead + top_pad + if last { pad_y } else { 0.0 };
                let mut draws = Vec::new();
                if shade {
                    draws.push(Draw::Fill { x, dy: 0.0, w: width, h, color: (0.955, 0.962, 0.975) });
                }
                for (i, cell) in cells.iter().enumerate() {
                    for (li, line) in cell.iter().enumerate().take(to).skip(from) {
                        for (px, piece) in &line.pieces {
                            draws.push(Draw::Text {
                                x: xs[i] + pad_x + px,
                                dy: top_pad + (li - from) as f32 * lead + baseline(lead, size) - piece.rise,
                                piece: piece.clone(),
                            });
                        }
                    }
                }
                if last {
                    draws.push(Draw::Stroke {
                        x1: x,
                        dy1: h,
                        x2: x + width,
                        dy2: h,
                        width: 0.4,
                        color: RULE,
                    });
                }
                self.items.push(Item {
                    height: h,
                    space_before: 0.0,
                    keep_with_next: !last,
                    draws,
                    header: Some(hidx),
                });
            }
        }
    }

    fn timeline(&mut self, doc: &ExportDoc) {
        let g = self.geo;
        self.figure_caption("Timeline of reported events");
        let (h, draws) = timeline::figure(self.fonts, &doc.timeline, g.left, g.body_width());
        self.items.push(Item { height: h + 4.0, draws, ..Default::default() });
        if !doc.map.is_empty() {
            self.figure_caption("Map of reported events");
            let (h, draws) = map::figure(self.fonts, &doc.map, g.left, g.body_width());
            self.items.push(Item { height: h + 4.0, draws, ..Default::default() });
        }
    }

    /// "Figure N. …": numbered, in the outline, kept with the figure that follows.
    fn figure_caption(&mut self, title: &str) {
        let g = self.geo;
        self.figures += 1;
        let st = style(true, true, false, 8.8, NAVY);
        let caption = format!("Figure {}. {title}", self.figures);
        let (mut draws, _) = self.text_draws(&caption, &st, g.left, baseline(13.0, 8.8));
        draws.insert(0, Draw::Outline { level: 2, title: caption });
        self.items.push(Item {
            height: 15.0,
            space_before: PARA_GAP + 4.0,
            keep_with_next: true,
            draws,
            header: None,
        });
    }

    fn source_list(&mut self, doc: &ExportDoc) {
        let g = self.geo;
        let st = style(false, false, false, 9.4, INK);
        let indent = 20.0;
        for s in &doc.sources {
            let (mut marker, w) =
                self.text_draws(&format!("{}.", s.number), &st, g.left, baseline(12.8, 9.4));
            for d in &mut marker {
                if let Draw::Text { x, .. } = d {
                    *x += indent - 6.0 - w;
                }
            }
            marker.insert(0, Draw::Anchor(s.number));
            self.paragraph(
                &s.citation(),
                &st,
                g.left + indent,
                g.body_width() - indent,
                12.8,
                4.0,
                None,
                marker,
            );
        }
    }

    /// Lay out a whole document: title block, summary, sections.
    pub fn document(&mut self, doc: &ExportDoc) {
        self.title_block(doc);
        for b in &doc.summary {
            self.block(b, doc);
        }
        for s in &doc.sections {
            self.section_heading(&s.title);
            for b in &s.blocks {
                self.block(b, doc);
            }
        }
    }

    /// Lay out one block at full body width.
    pub fn block(&mut self, b: &DocBlock, doc: &ExportDoc) {
        let g = self.geo;
        let (x, w) = (g.left, g.body_width());
        match b {
            DocBlock::Heading { level, text } => self.sub_heading(*level, text),
            DocBlock::Paragraph(r) => {
                let st = style(false, false, false, BODY_SIZE, INK);
                self.paragraph(r, &st, x, w, BODY_LEAD, PARA_GAP, None, Vec::new());
            }
            DocBlock::List { start, items } => self.list(*start, items, x, w),
            DocBlock::Quote { body, attribution } => self.quote(body, attribution, x, w),
            DocBlock::Table { header, weights, rows } => self.table(header, weights, rows, x, w),
            DocBlock::Note(r) => self.note(r, x, w),
            DocBlock::Timeline => self.timeline(doc),
            DocBlock::SourceList => self.source_list(doc),
        }
    }
}

/// An item placed on a page: its top edge (page coordinates, from the bottom) and the item.
pub struct Placed<'a> {
    /// Top edge y.
    pub top: f32,
    /// The item.
    pub item: &'a Item,
}

/// Cut the flow into pages: keep chains together where they fit, drop space at page
/// tops, repeat table headers.
pub fn paginate<'a>(items: &'a [Item], headers: &'a [Item], geo: &Geometry) -> Vec<Vec<Placed<'a>>> {
    let body_top = geo.height - geo.top;
    let body_h = geo.body_height();
    let mut pages: Vec<Vec<Placed<'a>>> = vec![Vec::new()];
    let mut y = body_top;
    let mut i = 0;
    while i < items.len() {
        let page_empty = pages.last().is_none_or(Vec::is_empty);
        let it = &items[i];
        let header_h = match (page_empty, it.header) {
            (true, Some(h)) => headers.get(h).map_or(0.0, |h| h.height),
            _ => 0.0,
        };
        let sb = if page_empty { 0.0 } else { it.space_before };
        // Height of the keep-together chain starting here.
        let mut chain = sb + header_h + it.height;
        let mut j = i;
        while items[j].keep_with_next && j + 1 < items.len() && chain <= body_h {
            j += 1;
            chain += items[j].space_before + items[j].height;
        }
        let fits_chain = y - chain >= geo.bottom - 0.01;
        let fits_item = y - (sb + header_h + it.height) >= geo.bottom - 0.01;
        if !page_empty && (!fits_item || (!fits_chain && chain <= body_h)) {
            pages.push(Vec::new());
            y = body_top;
            continue;
        }
        if let (true, Some(h)) = (page_empty, it.header)
            && let Some(hi) = headers.get(h)
        {
            {
                if let Some(page) = pages.last_mut() {
                    page.push(Placed { top: y, item: hi });
                }
                y -= hi.height;
            }
        }
        y -= sb;
        if let Some(page) = pages.last_mut() {
            page.push(Placed { top: y, item: it });
        }
        y -= it.height;
        i += 1;
    }
    pages
}
