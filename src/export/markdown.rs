//! Markdown (CommonMark with GitHub tables), readable as plain text too.
//! Session text is escaped so no field can make structure: a stray `*`,
//! `#`, `~~~`, `---` or leading `>` never turns into markup.

use super::doc::{Block, Document, MapColumn, RESTRICTED, Table, lines};

/// Escapes one line of text for Markdown.
pub fn escape(line: &str) -> String {
    // Leading spaces or tabs would make an indented code block.
    let line = line.trim_start_matches([' ', '\t']);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        // `~` makes fences and strike-through, `&` character references.
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // Markers that only mean something at the start of a line: headings,
    // list items, setext underlines and rules (`---`, `===`).
    let starts_block = out.starts_with('#')
        || out.starts_with('+')
        || out.starts_with('=')
        || out.starts_with('-');
    if starts_block {
        out.insert(0, '\\');
    }
    // "1. text" or "1) text" would become a numbered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// Several lines inside one list item or field: hard line breaks,
/// continuation lines indented under the item.
fn escape_inline(text: &str) -> String {
    lines(text).map(escape).collect::<Vec<_>>().join("\\\n  ")
}

/// A table cell: one line, breaks shown as `<br>` (GitHub tables).
fn cell(text: &str) -> String {
    let joined = lines(text).map(escape).collect::<Vec<_>>().join("<br>");
    if joined.is_empty() {
        " ".into()
    } else {
        joined
    }
}

pub fn render(doc: &Document) -> String {
    let mut parts: Vec<String> = vec![format!("# {}", escape(&doc.title))];
    blocks(&mut parts, &doc.lead);
    for section in &doc.sections {
        parts.push(format!("## {}", escape(&section.heading)));
        blocks(&mut parts, &section.blocks);
    }
    parts.join("\n\n") + "\n"
}

fn blocks(parts: &mut Vec<String>, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Subheading(t) => parts.push(format!("### {}", escape(t))),
            Block::Para(t) => parts.extend(lines(t).map(escape)),
            Block::Notice(t) => parts.push(format!("> **{}**", escape_inline(t))),
            Block::Fields(fields) => parts.push(
                fields
                    .iter()
                    .map(|f| format!("- **{}:** {}", escape(&f.label), escape_inline(&f.value)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::List(items) => parts.push(
                items
                    .iter()
                    .map(|i| format!("- {}", escape_inline(i)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Table(t) => table(parts, t),
            Block::Map(columns) => map(parts, columns),
        }
    }
}

fn table(parts: &mut Vec<String>, t: &Table) {
    parts.push(format!("**{}**", escape(&t.caption)));
    let mut lines = Vec::with_capacity(t.rows.len() + 2);
    let row = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    lines.push(row(t.headers.iter().map(|h| cell(h)).collect()));
    lines.push(row(t.headers.iter().map(|_| "---".to_string()).collect()));
    for r in &t.rows {
        // Pad short rows so every row has the header's column count.
        let mut cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        cells.resize(t.headers.len().max(cells.len()), " ".into());
        lines.push(row(cells));
    }
    parts.push(lines.join("\n"));
}

fn map(parts: &mut Vec<String>, columns: &[MapColumn]) {
    for col in columns {
        parts.push(format!("### {}", escape(&col.title)));
        if col.items.is_empty() {
            parts.push(escape(&col.empty));
            continue;
        }
        let items: Vec<String> = col
            .items
            .iter()
            .map(|item| {
                let flag = if item.restricted {
                    format!("**{RESTRICTED}:** ")
                } else {
                    String::new()
                };
                let meta = if item.meta.is_empty() {
                    String::new()
                } else {
                    format!("\\\n  *{}*", escape(&item.meta))
                };
                format!("- {flag}{}{meta}", escape_inline(&item.text))
            })
            .collect();
        parts.push(items.join("\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("a *b* _c_ [d](e) <f>"),
            r"a \*b\* \_c\_ \[d\](e) \<f\>"
        );
        assert_eq!(escape("# not a heading"), r"\# not a heading");
        assert_eq!(escape("- not a list"), r"\- not a list");
        assert_eq!(escape("1. not a list"), r"1\. not a list");
        assert_eq!(escape("12) nor this"), r"12\) nor this");
        assert_eq!(escape("2026 was a year."), "2026 was a year.");
    }
}
