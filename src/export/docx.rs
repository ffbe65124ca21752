//! A Word file (.docx, Office Open XML) of any document, for the case
//! management systems and document stores that take uploaded Word files.
//! Written with `docx-rs`; the headings use Word's own "heading 1-3"
//! styles so navigation panes, accessibility checkers and converters see
//! real headings, and tables are real tables. A major section starts a new
//! page, as it does when the HTML is printed.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat,
    Numbering, NumberingId, PageMargin, Paragraph, Run, Start, Style, StyleType, Table as WTable,
    TableCell, TableRow, WidthType,
};

use super::doc::{Block, Document, Field, MapColumn, RESTRICTED, Table, lines};

/// The bullet list definition every list uses. Not 1: docx-rs already
/// defines a numbered list under that id.
const BULLETS: usize = 2;
/// A4 in twentieths of a point, with 18 mm margins (as the HTML prints).
const A4: (u32, u32) = (11906, 16838);
const MARGIN: i32 = 1020;
/// The width a table may use: the page less its margins.
const TEXT_WIDTH: usize = 11906 - 2 * 1020;

/// The document as the bytes of a .docx file. Never fails: the archive is
/// built in memory, and should the library report an error the bytes of an
/// empty file are returned rather than a panic.
pub fn render(doc: &Document) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    match build(doc).build().pack(&mut out) {
        Ok(()) => out.into_inner(),
        Err(_) => Vec::new(),
    }
}

/// The document as Word's model, before it is zipped.
fn build(doc: &Document) -> Docx {
    let mut word = base();
    word = word.add_paragraph(heading(1, &doc.title));
    word = blocks(word, &doc.lead);
    for section in &doc.sections {
        word = word.add_paragraph(heading(2, &section.heading).page_break_before(section.new_page));
        word = blocks(word, &section.blocks);
    }
    word
}

/// Styles, the bullet list and the page.
fn base() -> Docx {
    let mut word = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_size(22) // 11 pt, in half points
        // 6 pt after each paragraph: without it a letter's paragraphs run
        // together on the page ("Dear ..." straight under the reference).
        .default_line_spacing(docx_rs::LineSpacing::new().after(120))
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(docx_rs::SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    // Word's built-in names ("heading 1"), so Word and converters treat
    // them as the headings they are.
    for (level, size) in [(1usize, 34usize), (2, 28), (3, 24)] {
        word = word.add_style(
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .bold()
                .size(size)
                .outline_lvl(level - 1),
        );
    }
    word
}

fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .keep_next(true)
        .add_run(Run::new().add_text(text))
}

/// A run holding text with its line breaks kept.
fn run_lines(mut run: Run, text: &str) -> Run {
    for (i, line) in lines(text).enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn bullet(p: Paragraph) -> Paragraph {
    p.numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

fn blocks(mut word: Docx, blocks: &[Block]) -> Docx {
    for block in blocks {
        match block {
            Block::Subheading(t) => word = word.add_paragraph(heading(3, t)),
            Block::Para(t) => {
                for line in lines(t) {
                    word = word.add_paragraph(para(line));
                }
            }
            Block::Notice(t) => {
                word =
                    word.add_paragraph(Paragraph::new().add_run(run_lines(Run::new().bold(), t)));
            }
            Block::Fields(fields) => {
                for f in fields {
                    word = word.add_paragraph(field(f));
                }
            }
            Block::List(items) => {
                for item in items {
                    word = word.add_paragraph(bullet(
                        Paragraph::new().add_run(run_lines(Run::new(), item)),
                    ));
                }
            }
            Block::Table(t) => {
                word = word.add_paragraph(
                    Paragraph::new()
                        .keep_next(true)
                        .add_run(Run::new().bold().add_text(&t.caption)),
                );
                word = word.add_table(table(t));
                // Word runs two tables together without a paragraph between.
                word = word.add_paragraph(Paragraph::new());
            }
            Block::Map(columns) => word = map(word, columns),
        }
    }
    word
}

fn field(f: &Field) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().bold().add_text(format!("{}: ", f.label)))
        .add_run(run_lines(Run::new(), &f.value))
}

fn cell(text: &str, bold: bool) -> TableCell {
    let run = if bold { Run::new().bold() } else { Run::new() };
    TableCell::new().add_paragraph(Paragraph::new().add_run(run_lines(run, text)))
}

fn table(t: &Table) -> WTable {
    let n = t.headers.len().max(1);
    let width = TEXT_WIDTH / n;
    let header = TableRow::new(t.headers.iter().map(|h| cell(h, true)).collect()).cant_split();
    let mut rows = vec![header];
    for r in &t.rows {
        let mut cells: Vec<TableCell> = r.iter().map(|c| cell(c, false)).collect();
        // Every row as wide as the header, so Word draws a full grid.
        while cells.len() < t.headers.len() {
            cells.push(cell("", false));
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    WTable::new(rows)
        .set_grid(vec![width; n])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn map(mut word: Docx, columns: &[MapColumn]) -> Docx {
    for col in columns {
        word = word.add_paragraph(heading(3, &col.title));
        if col.items.is_empty() {
            word = word.add_paragraph(para(&col.empty));
            continue;
        }
        for item in &col.items {
            let mut p = Paragraph::new();
            if item.restricted {
                p = p.add_run(Run::new().bold().add_text(format!("{RESTRICTED}: ")));
            }
            p = p.add_run(run_lines(Run::new(), &item.text));
            if !item.meta.is_empty() {
                p = p.add_run(
                    Run::new()
                        .add_break(BreakType::TextWrapping)
                        .italic()
                        .add_text(&item.meta),
                );
            }
            word = word.add_paragraph(bullet(p));
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_becomes_a_zip_archive() {
        let mut doc = Document::new("Title");
        doc.section("One").para("Hello");
        let bytes = render(&doc);
        // Every .docx is a zip: it starts with the local file header.
        assert_eq!(&bytes[..4], b"PK\x03\x04");
    }

    #[test]
    fn a_major_section_starts_a_new_page() {
        let mut doc = Document::new("Title");
        doc.section("Same page").para("a");
        doc.major("New page").para("b");
        doc.major("Another").para("c");
        let xml = String::from_utf8(build(&doc).build().document).unwrap();
        assert_eq!(xml.matches("<w:pageBreakBefore />").count(), 2, "{xml}");
    }

    #[test]
    fn session_text_is_escaped_as_xml() {
        let mut doc = Document::new("Tom & <Jo>");
        doc.section("S").para("\"quoted\" & <b>");
        let xml = String::from_utf8(build(&doc).build().document).unwrap();
        assert!(xml.contains("Tom &amp; &lt;Jo&gt;"), "{xml}");
        assert!(!xml.contains("<b>"));
    }
}
