//! Markdown export (CommonMark + GitHub tables and footnotes), written from the
//! [`ExportDoc`](super::model::ExportDoc) model. Deterministic: the same briefing always
//! gives the same bytes.

use super::ExportOptions;
use super::model::{DocBlock, ExportDoc, Rich, Span};
use crate::briefing::Briefing;

/// Render a briefing as Markdown.
pub fn to_markdown(briefing: &Briefing, opts: &ExportOptions) -> String {
    render(&ExportDoc::build(briefing, opts))
}

/// Render an export model as Markdown.
pub fn render(doc: &ExportDoc) -> String {
    let mut out = String::new();
    if !doc.marking.is_empty() {
        out.push_str(&format!("**{}**\n\n", escape(&doc.marking, false)));
    }
    out.push_str(&format!("# {}\n\n", escape(&doc.title, false)));
    let mut fields: Vec<String> =
        doc.fields.iter().map(|(k, v)| format!("**{}:** {}", escape(k, false), escape(v, false))).collect();
    if !doc.marking.is_empty() {
        fields.push(format!("**Handling:** {}", escape(&doc.marking, false)));
    }
    if !fields.is_empty() {
        out.push_str(&fields.join("\\\n"));
        out.push_str("\n\n");
    }
    for b in &doc.summary {
        write_block(&mut out, b, doc);
    }
    for s in &doc.sections {
        out.push_str(&format!("## {}\n\n", escape(&s.title, false)));
        for b in &s.blocks {
            write_block(&mut out, b, doc);
        }
    }
    for s in &doc.sources {
        let mut def = format!("[^{}]: ", s.number);
        def.push_str(&inline(&s.citation(), false));
        def.push_str(" See [Sources](#sources).");
        out.push_str(&def);
        out.push_str("\n\n");
    }
    if !doc.marking.is_empty() {
        out.push_str(&format!("**{}**\n", escape(&doc.marking, false)));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn write_block(out: &mut String, block: &DocBlock, doc: &ExportDoc) {
    match block {
        DocBlock::Heading { level, text } => {
            let level = (*level).clamp(3, 6) as usize;
            out.push_str(&format!("{} {}\n\n", "#".repeat(level), inline(text, false).replace('\n', " ")));
        }
        DocBlock::Paragraph(r) => {
            out.push_str(&paragraph(r));
            out.push_str("\n\n");
        }
        DocBlock::List { start, items } => {
            for (i, item) in items.iter().enumerate() {
                let marker = match start {
                    Some(n) => format!("{}. ", n + i as u64),
                    None => "- ".to_string(),
                };
                let pad = " ".repeat(marker.len());
                let text = paragraph(item).replace('\n', &format!("\n{pad}"));
                out.push_str(&format!("{marker}{text}\n"));
            }
            out.push('\n');
        }
        DocBlock::Quote { body, attribution } => {
            let mut paras: Vec<String> = body.iter().map(paragraph).collect();
            if !attribution.is_empty() {
                paras.push(paragraph(attribution));
            }
            let joined = paras.join("\n\n");
            for line in joined.lines() {
                if line.is_empty() {
                    out.push_str(">\n");
                } else {
                    out.push_str(&format!("> {line}\n"));
                }
            }
            out.push('\n');
        }
        DocBlock::Table { header, rows, .. } => {
            let cells = |v: Vec<String>| format!("| {} |\n", v.join(" | "));
            out.push_str(&cells(header.iter().map(|h| escape(h, true)).collect()));
            out.push_str(&cells(header.iter().map(|_| "---".to_string()).collect()));
            for r in rows {
                out.push_str(&cells(r.iter().map(|c| inline(c, true).replace('\n', " ")).collect()));
            }
            out.push('\n');
        }
        DocBlock::Note(r) => {
            out.push_str(&paragraph(r));
            out.push_str("\n\n");
        }
        DocBlock::Timeline => {}
        DocBlock::SourceList => {
            for s in &doc.sources {
                out.push_str(&format!("{}. {}\n", s.number, inline(&s.citation(), false)));
            }
            out.push('\n');
        }
    }
}

/// A paragraph: inline Markdown with hard breaks as `\` + newline, and a leading
/// character that would start a block escaped.
fn paragraph(r: &Rich) -> String {
    let text = inline(r, false);
    let text = text.replace('\n', "\\\n");
    escape_line_start(&text)
}

fn escape_line_start(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let t = line.trim_start();
        let needs = t.starts_with(['#', '>', '-', '+', '=']) || t.starts_with("* ") || {
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            !digits.is_empty() && t[digits.len()..].starts_with(['.', ')'])
        };
        if needs {
            let lead = &line[..line.len() - t.len()];
            let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
            if digits.is_empty() {
                out.push_str(&format!("{lead}\\{t}"));
            } else {
                out.push_str(&format!("{lead}{digits}\\{}", &t[digits.len()..]));
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Escape Markdown punctuation in text. In table cells `|` is escaped too.
fn escape(s: &str, in_table: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '|' if in_table => out.push_str("\\|"),
            // Only an `&` that could start an entity reference needs escaping.
            '&' if chars.peek().is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') => {
                out.push_str("\\&")
            }
            _ => out.push(c),
        }
    }
    out
}

fn url_dest(u: &str) -> String {
    if u.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", u.replace('<', "%3C").replace('>', "%3E"))
    } else {
        u.to_string()
    }
}

/// Inline Markdown for styled spans. Adjacent spans of equal style are merged and
/// whitespace is moved outside emphasis delimiters so they stay valid.
fn inline(r: &[Span], in_table: bool) -> String {
    // Merge equal-style neighbours.
    let mut merged: Vec<Span> = Vec::new();
    for s in r {
        if s.text.is_empty() {
            continue;
        }
        match merged.last_mut() {
            Some(l)
                if l.bold == s.bold
                    && l.italic == s.italic
                    && l.link == s.link
                    && l.footnote.is_none()
                    && s.footnote.is_none()
                    && !l.is_break()
                    && !s.is_break() =>
            {
                l.text.push_str(&s.text)
            }
            _ => merged.push(s.clone()),
        }
    }
    let mut out = String::new();
    for s in &merged {
        if let Some(n) = s.footnote {
            out.push_str(&format!("[^{n}]"));
            continue;
        }
        if s.is_break() {
            out.push('\n');
            continue;
        }
        let text = &s.text;
        let core = text.trim();
        if core.is_empty() {
            out.push_str(&" ".repeat(text.chars().count().min(1)));
            continue;
        }
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let mut body = escape(core, in_table);
        if let Some(url) = &s.link {
            if core == url {
                body = format!("<{}>", url.replace('>', "%3E"));
            } else {
                body = format!("[{body}]({})", url_dest(url));
            }
        }
        let delim = match (s.bold, s.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            _ => "",
        };
        if !lead.is_empty() {
            out.push(' ');
        }
        out.push_str(delim);
        out.push_str(&body);
        out.push_str(delim);
        if !trail.is_empty() {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_keeps_whitespace_outside() {
        let r = vec![Span::plain("a"), Span::bold(" b "), Span::plain("c")];
        assert_eq!(inline(&r, false), "a **b** c");
    }

    #[test]
    fn punctuation_is_escaped() {
        assert_eq!(escape("a*b_[c]|d", true), "a\\*b\\_\\[c\\]\\|d");
        assert_eq!(escape_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line_start("1. not a list"), "1\\. not a list");
    }

    #[test]
    fn links_and_footnotes() {
        let r = vec![Span::link("site", "https://x.org/a b"), Span::footnote(2)];
        assert_eq!(inline(&r, false), "[site](<https://x.org/a b>)[^2]");
        let r = vec![Span::link("https://x.org", "https://x.org")];
        assert_eq!(inline(&r, false), "<https://x.org>");
    }
}
