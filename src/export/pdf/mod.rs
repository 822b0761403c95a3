//! PDF export: our own layout on printpdf's operation API.
//!
//! The [`ExportDoc`] model is laid out into a flow of items ([`layout`]) with measured
//! glyph widths and line breaking ([`text`]), cut into pages with keep-together rules,
//! and drawn with the bundled Noto fonts ([`fonts`], embedded and subset by printpdf).
//! Every page carries the handling marking centred in the header and the footer and
//! `Page N of M`. Source URLs and footnote references are clickable; headings become a
//! nested outline; the events are drawn as a timeline figure ([`timeline`]).

pub mod fonts;
pub mod layout;
pub mod map;
pub mod text;
pub mod timeline;

use std::collections::BTreeMap;

use lopdf044::{Dictionary as LoDict, Object as LoObj, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, ColorArray, Destination, FontId, Line, LineCapStyle, LinePoint,
    LinkAnnotation, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon,
    PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};

use self::fonts::{Fonts, SANS, SANS_BOLD};
use self::layout::{Draw, Flow, Geometry, Placed, paginate};
use self::text::{Link, Piece};
use super::model::ExportDoc;
use super::{ExportError, ExportOptions, Paper};
use crate::briefing::Briefing;

/// Page geometry for a paper size, points.
pub fn geometry(paper: Paper) -> Geometry {
    let (width, height) = match paper {
        Paper::A4 => (595.276, 841.89),
        Paper::Letter => (612.0, 792.0),
    };
    Geometry { width, height, left: 64.0, right: 64.0, top: 72.0, bottom: 70.0 }
}

/// Render a briefing as PDF bytes.
pub fn to_pdf(briefing: &Briefing, opts: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let doc = ExportDoc::build(briefing, opts);
    render(&doc, opts)
}

fn rgb(c: (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

fn pt_to_mm(p: f32) -> Mm {
    Mm(p * 25.4 / 72.0)
}

/// What pagination learned about where things ended up.
struct Resolved {
    /// Source number → (page index, y of its entry).
    anchors: BTreeMap<usize, (usize, f32)>,
    /// Outline entries: (level, title, page index, y).
    outline: Vec<(usize, String, usize, f32)>,
}

fn resolve(pages: &[Vec<Placed<'_>>]) -> Resolved {
    let mut anchors = BTreeMap::new();
    let mut outline = Vec::new();
    for (pi, page) in pages.iter().enumerate() {
        for p in page {
            for d in &p.item.draws {
                match d {
                    Draw::Anchor(n) => {
                        anchors.entry(*n).or_insert((pi, p.top + 4.0));
                    }
                    Draw::Outline { level, title } => outline.push((*level, title.clone(), pi, p.top + 14.0)),
                    _ => {}
                }
            }
        }
    }
    Resolved { anchors, outline }
}

/// Text drawing state so consecutive pieces do not repeat font and colour operators.
struct TextState {
    font: Option<(usize, u32)>,
    color: Option<(u32, u32, u32)>,
}

fn show_piece(
    ops: &mut Vec<Op>,
    st: &mut TextState,
    fonts: &mut Fonts,
    font_ids: &[FontId],
    x: f32,
    y: f32,
    p: &Piece,
) {
    let key = (p.face, (p.size * 100.0) as u32);
    if st.font != Some(key) {
        ops.push(Op::SetFont { font: PdfFontHandle::External(font_ids[p.face].clone()), size: Pt(p.size) });
        st.font = Some(key);
    }
    let ckey = ((p.color.0 * 1000.0) as u32, (p.color.1 * 1000.0) as u32, (p.color.2 * 1000.0) as u32);
    if st.color != Some(ckey) {
        ops.push(Op::SetFillColor { col: rgb(p.color) });
        st.color = Some(ckey);
    }
    ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(x), Pt(y)) });
    let face = &mut fonts.faces[p.face];
    let upm = face.upm;
    let items = match face.kerning(&p.text) {
        None => vec![TextItem::Text(p.text.clone())],
        Some(kern) => {
            // Kerning as TJ offsets (thousandths of an em; positive moves left).
            let mut items = Vec::new();
            let mut cur = String::new();
            let n = kern.len();
            for (i, (c, k)) in p.text.chars().zip(kern.iter()).enumerate() {
                cur.push(c);
                if *k != 0 && i + 1 < n {
                    items.push(TextItem::Text(std::mem::take(&mut cur)));
                    items.push(TextItem::Offset(-f32::from(*k) * 1000.0 / upm));
                }
            }
            if !cur.is_empty() {
                items.push(TextItem::Text(cur));
            }
            items
        }
    };
    ops.push(Op::ShowText { items });
}

fn disc(cx: f32, cy: f32, r: f32) -> Polygon {
    // Four cubic Béziers approximate the circle.
    let k = 0.552_284_8 * r;
    let pt = |x: f32, y: f32, bezier: bool| LinePoint { p: Point { x: Pt(x), y: Pt(y) }, bezier };
    let points = vec![
        pt(cx + r, cy, false),
        pt(cx + r, cy + k, true),
        pt(cx + k, cy + r, true),
        pt(cx, cy + r, false),
        pt(cx - k, cy + r, true),
        pt(cx - r, cy + k, true),
        pt(cx - r, cy, false),
        pt(cx - r, cy - k, true),
        pt(cx - k, cy - r, true),
        pt(cx, cy - r, false),
        pt(cx + k, cy - r, true),
        pt(cx + r, cy - k, true),
        pt(cx + r, cy, false),
    ];
    Polygon {
        rings: vec![PolygonRing { points }],
        mode: PaintMode::Fill,
        winding_order: WindingOrder::NonZero,
    }
}

fn line(x1: f32, y1: f32, x2: f32, y2: f32) -> Line {
    Line {
        points: vec![
            LinePoint { p: Point { x: Pt(x1), y: Pt(y1) }, bezier: false },
            LinePoint { p: Point { x: Pt(x2), y: Pt(y2) }, bezier: false },
        ],
        is_closed: false,
    }
}

fn link_annotation(x: f32, y: f32, w: f32, h: f32, actions: Actions) -> Op {
    Op::LinkAnnotation {
        link: LinkAnnotation::new(
            Rect::from_xywh(Pt(x), Pt(y), Pt(w), Pt(h)),
            actions,
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            Some(ColorArray::Transparent),
            None,
        ),
    }
}

/// Text pieces for a string in one face (with fallback), and their total width.
fn simple_pieces(
    fonts: &mut Fonts,
    face: usize,
    size: f32,
    color: (f32, f32, f32),
    s: &str,
) -> (Vec<Piece>, f32) {
    let mut out = Vec::new();
    let mut w = 0.0;
    for (f, t) in fonts.resolve(face, s) {
        let width = fonts.width(f, size, &t);
        w += width;
        out.push(Piece { text: t, face: f, size, color, rise: 0.0, link: None, width });
    }
    (out, w)
}

/// Shrink `s` with an ellipsis until it fits `max` points.
fn fit(fonts: &mut Fonts, face: usize, size: f32, s: &str, max: f32) -> String {
    if fonts.measure(face, size, s) <= max {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut n = chars.len();
    while n > 1 {
        n -= 1;
        let t: String = chars[..n].iter().collect::<String>().trim_end().to_string() + "…";
        if fonts.measure(face, size, &t) <= max {
            return t;
        }
    }
    "…".to_string()
}

fn page_furniture(
    ops: &mut Vec<Op>,
    fonts: &mut Fonts,
    font_ids: &[FontId],
    geo: &Geometry,
    doc: &ExportDoc,
    page: usize,
    pages: usize,
) {
    let mut st = TextState { font: None, color: None };
    let body_w = geo.body_width();
    ops.push(Op::StartTextSection);
    if !doc.marking.is_empty() {
        let marking = fit(fonts, SANS_BOLD, 9.0, &doc.marking, body_w * 0.5);
        let (pieces, w) = simple_pieces(fonts, SANS_BOLD, 9.0, (0.0, 0.0, 0.0), &marking);
        for y in [geo.height - 38.0, 30.0] {
            let mut x = (geo.width - w) / 2.0;
            for p in &pieces {
                show_piece(ops, &mut st, fonts, font_ids, x, y, p);
                x += p.width;
            }
        }
    }
    let grey = (0.4, 0.4, 0.42);
    let label = format!("Page {} of {}", page + 1, pages);
    let (pieces, w) = simple_pieces(fonts, SANS, 8.0, grey, &label);
    let mut x = geo.width - geo.right - w;
    for p in &pieces {
        show_piece(ops, &mut st, fonts, font_ids, x, 30.0, p);
        x += p.width;
    }
    let title = fit(fonts, SANS, 8.0, &doc.title, body_w * 0.24);
    let (pieces, _) = simple_pieces(fonts, SANS, 8.0, grey, &title);
    let mut x = geo.left;
    for p in &pieces {
        show_piece(ops, &mut st, fonts, font_ids, x, 30.0, p);
        x += p.width;
    }
    ops.push(Op::EndTextSection);
    // Hairlines under the header and over the footer.
    ops.push(Op::SetOutlineColor { col: rgb((0.75, 0.77, 0.8)) });
    ops.push(Op::SetOutlineThickness { pt: Pt(0.4) });
    ops.push(Op::DrawLine {
        line: line(geo.left, geo.height - 46.0, geo.width - geo.right, geo.height - 46.0),
    });
    ops.push(Op::DrawLine { line: line(geo.left, 42.0, geo.width - geo.right, 42.0) });
}

/// Number of pages the PDF of `briefing` has (layout only, no PDF is written).
pub fn page_count(briefing: &Briefing, opts: &ExportOptions) -> Result<usize, ExportError> {
    let doc = ExportDoc::build(briefing, opts);
    let geo = geometry(opts.paper);
    let mut fonts = Fonts::load()?;
    let mut flow = Flow::new(&mut fonts, geo);
    flow.document(&doc);
    let Flow { items, headers, .. } = flow;
    Ok(paginate(&items, &headers, &geo).len())
}

/// Render an export model as PDF bytes.
pub fn render(doc: &ExportDoc, opts: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let geo = geometry(opts.paper);
    let mut fonts = Fonts::load()?;

    let mut flow = Flow::new(&mut fonts, geo);
    flow.document(doc);
    let Flow { items, headers, .. } = flow;
    let pages = paginate(&items, &headers, &geo);
    let resolved = resolve(&pages);

    let mut pdf = PdfDocument::new(&doc.title);
    let font_ids: Vec<FontId> = fonts.faces.iter().map(|f| pdf.add_font(&f.parsed)).collect();
    let total = pages.len();
    let mut out_pages = Vec::with_capacity(total);
    for (pi, page) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        page_furniture(&mut ops, &mut fonts, &font_ids, &geo, doc, pi, total);
        let mut links = Vec::new();
        // Graphics first (backgrounds, rules, bars), then text on top.
        for p in page {
            for d in &p.item.draws {
                match d {
                    Draw::Fill { x, dy, w, h, color } => {
                        ops.push(Op::SetFillColor { col: rgb(*color) });
                        ops.push(Op::DrawRectangle {
                            rectangle: Rect {
                                x: Pt(*x),
                                y: Pt(p.top - dy - h),
                                width: Pt(*w),
                                height: Pt(*h),
                                mode: Some(PaintMode::Fill),
                                winding_order: None,
                            },
                        });
                    }
                    Draw::Stroke { x1, dy1, x2, dy2, width, color } => {
                        ops.push(Op::SetOutlineColor { col: rgb(*color) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                        ops.push(Op::SetLineCapStyle { cap: LineCapStyle::Butt });
                        ops.push(Op::DrawLine { line: line(*x1, p.top - dy1, *x2, p.top - dy2) });
                    }
                    Draw::Disc { cx, dy, r, color } => {
                        ops.push(Op::SetFillColor { col: rgb(*color) });
                        ops.push(Op::DrawPolygon { polygon: disc(*cx, p.top - dy, *r) });
                    }
                    _ => {}
                }
            }
        }
        let mut st = TextState { font: None, color: None };
        ops.push(Op::StartTextSection);
        for p in page {
            for d in &p.item.draws {
                if let Draw::Text { x, dy, piece } = d {
                    let y = p.top - dy;
                    show_piece(&mut ops, &mut st, &mut fonts, &font_ids, *x, y, piece);
                    if let Some(link) = &piece.link {
                        let rect = (*x, y - piece.size * 0.25, piece.width, piece.size * 1.05);
                        let action = match link {
                            Link::Uri(u) => Some(Actions::Uri(u.clone())),
                            Link::Source(n) => resolved.anchors.get(n).map(|(pg, ty)| {
                                Actions::Goto(Destination::Xyz {
                                    page: pg + 1,
                                    left: Some(geo.left - 10.0),
                                    top: Some(*ty + 6.0),
                                    zoom: None,
                                })
                            }),
                        };
                        if let Some(a) = action {
                            links.push(link_annotation(rect.0, rect.1, rect.2, rect.3, a));
                        }
                    }
                }
            }
        }
        ops.push(Op::EndTextSection);
        ops.extend(links);
        out_pages.push(PdfPage::new(pt_to_mm(geo.width), pt_to_mm(geo.height), ops));
    }
    pdf.with_pages(out_pages);

    let info = &mut pdf.metadata.info;
    info.document_title = doc.title.clone();
    info.author = doc.author.clone();
    info.subject = match doc.fields.iter().find(|(k, _)| k == "Date") {
        Some((_, d)) => format!("Briefing note, {d} ({})", doc.marking),
        None => format!("Briefing note ({})", doc.marking),
    };
    info.keywords = doc.keywords.clone();
    info.creator = "Briefing Builder".to_string();
    info.producer = format!("Briefing Builder {} (printpdf)", env!("CARGO_PKG_VERSION"));
    let now = printpdf::OffsetDateTime::now_utc();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;

    let save = PdfSaveOptions { optimize: true, subset_fonts: true, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let mut lo = pdf.to_lopdf_document(&save, &mut warnings);
    if let Some(w) = warnings.iter().find(|w| w.msg.contains("Failed to subset") || w.msg.contains("refuses"))
    {
        return Err(ExportError::Pdf(w.msg.clone()));
    }
    add_outline(&mut lo, &resolved.outline).map_err(|e| ExportError::Pdf(format!("outline: {e}")))?;
    lo.compress();
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| ExportError::Pdf(e.to_string()))?;
    Ok(bytes)
}

fn utf16(s: &str) -> LoObj {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    LoObj::String(bytes, StringFormat::Hexadecimal)
}

/// Write a nested document outline (bookmarks) with exact destinations.
fn add_outline(
    doc: &mut lopdf044::Document,
    entries: &[(usize, String, usize, f32)],
) -> lopdf044::Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let pages = doc.get_pages();
    let page_id = |i: usize| pages.get(&(i as u32 + 1)).copied();
    // Group: level-1 entries with their level-2 children.
    let mut tree: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match (e.0, tree.last_mut()) {
            (l, Some(last)) if l > 1 => last.1.push(i),
            _ => tree.push((i, Vec::new())),
        }
    }
    let root: ObjectId = doc.new_object_id();
    let top_ids: Vec<ObjectId> = tree.iter().map(|_| doc.new_object_id()).collect();
    let mut total = 0i64;
    for (ti, (ei, children)) in tree.iter().enumerate() {
        let child_ids: Vec<ObjectId> = children.iter().map(|_| doc.new_object_id()).collect();
        for (ci, (cei, cid)) in children.iter().zip(&child_ids).enumerate() {
            let mut d = outline_item(&entries[*cei], page_id(entries[*cei].2), top_ids[ti]);
            if ci > 0 {
                d.set("Prev", LoObj::Reference(child_ids[ci - 1]));
            }
            if let Some(n) = child_ids.get(ci + 1) {
                d.set("Next", LoObj::Reference(*n));
            }
            doc.objects.insert(*cid, LoObj::Dictionary(d));
            total += 1;
        }
        let mut d = outline_item(&entries[*ei], page_id(entries[*ei].2), root);
        if ti > 0 {
            d.set("Prev", LoObj::Reference(top_ids[ti - 1]));
        }
        if let Some(n) = top_ids.get(ti + 1) {
            d.set("Next", LoObj::Reference(*n));
        }
        if let (Some(f), Some(l)) = (child_ids.first(), child_ids.last()) {
            d.set("First", LoObj::Reference(*f));
            d.set("Last", LoObj::Reference(*l));
            d.set("Count", LoObj::Integer(child_ids.len() as i64));
        }
        doc.objects.insert(top_ids[ti], LoObj::Dictionary(d));
        total += 1;
    }
    let mut outlines = LoDict::new();
    outlines.set("Type", LoObj::Name(b"Outlines".to_vec()));
    if let (Some(f), Some(l)) = (top_ids.first(), top_ids.last()) {
        outlines.set("First", LoObj::Reference(*f));
        outlines.set("Last", LoObj::Reference(*l));
    }
    outlines.set("Count", LoObj::Integer(total));
    doc.objects.insert(root, LoObj::Dictionary(outlines));
    let catalog = doc.catalog_mut()?;
    catalog.set("Outlines", LoObj::Reference(root));
    catalog.set("PageMode", LoObj::Name(b"UseOutlines".to_vec()));
    catalog.set("Lang", LoObj::String(b"en".to_vec(), StringFormat::Literal));
    Ok(())
}

fn outline_item(e: &(usize, String, usize, f32), page: Option<ObjectId>, parent: ObjectId) -> LoDict {
    let mut d = LoDict::new();
    d.set("Title", utf16(&e.1));
    d.set("Parent", LoObj::Reference(parent));
    if let Some(p) = page {
        d.set(
            "Dest",
            LoObj::Array(vec![
                LoObj::Reference(p),
                LoObj::Name(b"XYZ".to_vec()),
                LoObj::Null,
                LoObj::Real(e.3),
                LoObj::Null,
            ]),
        );
    }
    d
}
