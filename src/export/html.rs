//! One self-contained HTML file: inline CSS, no scripts, print-ready on A4.
//! Everything from the session goes through [`escape`].

use std::fmt::Write as _;

use super::doc::{Block, Document, Field, MapColumn, RESTRICTED, Table, lines};

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept, for cells and list items.
fn escape_lines(text: &str) -> String {
    lines(text).map(escape).collect::<Vec<_>>().join("<br>")
}

// Readable without colour (black on white, borders not shading), so a
// black-and-white print loses nothing. The map is four columns on a grid
// where the browser has one, stacked where it has not or is too narrow.
const CSS: &str = "\
:root { color-scheme: light; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; background: #fff; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin: 0 0 0.4em; }
h2 { font-size: 1.35em; border-bottom: 2px solid #000; padding-bottom: 0.15em; margin: 1.6em 0 0.6em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
p { margin: 0 0 0.6em; }
.notice { border: 2px solid #000; padding: 0.4em 0.6em; font-weight: bold; }
dl.fields { display: grid; grid-template-columns: minmax(9em, max-content) 1fr; gap: 0.2em 1em; margin: 0 0 0.8em; }
dl.fields dt { font-weight: bold; }
dl.fields dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1em; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.3em; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
th { font-weight: bold; }
.map { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.8em; }
.map section { border: 1px solid #000; padding: 0 0.5em 0.4em; }
.map h3 { margin-top: 0.5em; }
.map ul { padding-left: 1.1em; margin: 0; }
.map li { margin-bottom: 0.5em; }
.meta { display: block; font-size: 0.9em; font-style: italic; }
.restricted { border: 2px dashed #000; padding: 0.2em 0.3em; list-style: none; margin-left: -1.1em; }
.flag { font-weight: bold; letter-spacing: 0.05em; }
@media (max-width: 50em) { .map { display: block; } .map section { margin-bottom: 0.8em; } }
@page { size: A4; margin: 18mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .new-page { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, .map section, .notice { break-inside: avoid; }
}
";

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&doc.title));
    let _ = write!(out, "<style>\n{CSS}</style>\n</head>\n<body>\n<main>\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&doc.title));
    blocks(&mut out, &doc.lead);
    for section in &doc.sections {
        let class = if section.new_page {
            " class=\"new-page\""
        } else {
            ""
        };
        let _ = writeln!(out, "<section{class}>");
        let _ = writeln!(out, "<h2>{}</h2>", escape(&section.heading));
        blocks(&mut out, &section.blocks);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Subheading(t) => {
                let _ = writeln!(out, "<h3>{}</h3>", escape(t));
            }
            Block::Para(t) => {
                for line in lines(t) {
                    let _ = writeln!(out, "<p>{}</p>", escape(line));
                }
            }
            Block::Notice(t) => {
                let _ = writeln!(out, "<p class=\"notice\">{}</p>", escape_lines(t));
            }
            Block::Fields(fields) => field_list(out, fields),
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", escape_lines(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Table(table) => self::table(out, table),
            Block::Map(columns) => map(out, columns),
        }
    }
}

fn field_list(out: &mut String, fields: &[Field]) {
    out.push_str("<dl class=\"fields\">\n");
    for f in fields {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            escape(&f.label),
            escape_lines(&f.value)
        );
    }
    out.push_str("</dl>\n");
}

fn table(out: &mut String, table: &Table) {
    out.push_str("<table>\n");
    let _ = writeln!(out, "<caption>{}</caption>", escape(&table.caption));
    out.push_str("<thead><tr>");
    for h in &table.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape_lines(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn map(out: &mut String, columns: &[MapColumn]) {
    out.push_str("<div class=\"map\">\n");
    for col in columns {
        out.push_str("<section>\n");
        let _ = writeln!(out, "<h3>{}</h3>", escape(&col.title));
        if col.items.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", escape(&col.empty));
        } else {
            out.push_str("<ul>\n");
            for item in &col.items {
                if item.restricted {
                    let _ = write!(
                        out,
                        "<li class=\"restricted\"><span class=\"flag\">{RESTRICTED}:</span> "
                    );
                } else {
                    out.push_str("<li>");
                }
                out.push_str(&escape_lines(&item.text));
                if !item.meta.is_empty() {
                    let _ = write!(out, "<span class=\"meta\">{}</span>", escape(&item.meta));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jo'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jo&#39;&lt;/a&gt;"
        );
        assert_eq!(escape("plain — text"), "plain — text");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn script_in_a_title_is_inert() {
        let doc = Document::new("<script>alert(1)</script>");
        let html = render(&doc);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }
}
