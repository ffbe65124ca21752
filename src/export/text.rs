//! Plain text wrapped at 78 columns: headings underlined, tables as grids
//! when they fit and as one small block per row when they do not.

use textwrap::Options;
use textwrap::core::display_width;

use super::doc::{Block, Document, Field, MapColumn, RESTRICTED, Table, lines};

pub const WIDTH: usize = 78;

fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(true)
        // "0-19 Service" must not become "0-" and "19 Service".
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// Each line of `text` wrapped: the first with `first`, all others with `rest`.
fn wrap_lines(text: &str, first: &str, rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, line) in lines(text).enumerate() {
        out.extend(wrap(line, WIDTH, if i == 0 { first } else { rest }, rest));
    }
    if out.is_empty() && !first.trim().is_empty() {
        out.push(first.trim_end().to_string());
    }
    out
}

fn heading(text: &str, underline: char) -> String {
    let lines = wrap(text, WIDTH, "", "");
    let width = lines.iter().map(|l| display_width(l)).max().unwrap_or(0);
    format!(
        "{}\n{}",
        lines.join("\n"),
        underline.to_string().repeat(width)
    )
}

pub fn render(doc: &Document) -> String {
    let mut parts: Vec<String> = vec![heading(&doc.title, '=')];
    blocks(&mut parts, &doc.lead);
    for section in &doc.sections {
        // Two blank lines before a section, so parts stand apart.
        parts.push(format!("\n{}", heading(&section.heading, '-')));
        blocks(&mut parts, &section.blocks);
    }
    parts.join("\n\n") + "\n"
}

fn blocks(parts: &mut Vec<String>, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Subheading(t) => parts.push(heading(t, '~')),
            Block::Para(t) => parts.extend(lines(t).map(|l| wrap(l, WIDTH, "", "").join("\n"))),
            Block::Notice(t) => parts.push(wrap_lines(t, "** ", "   ").join("\n")),
            Block::Fields(fields) => parts.push(field_lines(fields).join("\n")),
            Block::List(items) => parts.push(
                items
                    .iter()
                    .flat_map(|i| wrap_lines(i, "  - ", "    "))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Table(t) => parts.push(table(t)),
            Block::Map(columns) => map(parts, columns),
        }
    }
}

fn field_lines(fields: &[Field]) -> Vec<String> {
    fields
        .iter()
        .flat_map(|f| wrap_lines(&f.value, &format!("{}: ", f.label), "    "))
        .collect()
}

fn map(parts: &mut Vec<String>, columns: &[MapColumn]) {
    for col in columns {
        parts.push(heading(&col.title, '~'));
        if col.items.is_empty() {
            parts.push(wrap(&col.empty, WIDTH, "", "").join("\n"));
            continue;
        }
        let mut out = Vec::new();
        for item in &col.items {
            let text = if item.restricted {
                format!("[{RESTRICTED}] {}", item.text)
            } else {
                item.text.clone()
            };
            out.extend(wrap_lines(&text, "  - ", "    "));
            if !item.meta.is_empty() {
                out.extend(wrap(&format!("({})", item.meta), WIDTH, "    ", "     "));
            }
        }
        parts.push(out.join("\n"));
    }
}

/// A grid when every column can get at least its longest word (or 8
/// columns), else one block per row.
fn table(t: &Table) -> String {
    let n = t.headers.len();
    if n == 0 {
        return t.caption.clone();
    }
    let cells = |i: usize| {
        std::iter::once(&t.headers[i]).chain(t.rows.iter().filter_map(move |r| r.get(i)))
    };
    let natural: Vec<usize> = (0..n)
        .map(|i| {
            cells(i)
                .flat_map(|c| lines(c))
                .map(display_width)
                .max()
                .unwrap_or(1)
                .max(1)
        })
        .collect();
    let min: Vec<usize> = (0..n)
        .map(|i| {
            let longest_word = cells(i)
                .flat_map(|c| c.split_whitespace())
                .map(display_width)
                .max()
                .unwrap_or(1);
            longest_word.max(8).min(natural[i])
        })
        .collect();
    let room = WIDTH.saturating_sub(3 * n + 1);
    let mut out = wrap(&t.caption, WIDTH, "", "");
    if min.iter().sum::<usize>() > room {
        stacked(t, &mut out);
    } else {
        grid(t, &natural, &min, room, &mut out);
    }
    out.join("\n")
}

fn widths(natural: &[usize], min: &[usize], room: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= room {
        return natural.to_vec();
    }
    // Share what is left after the minimums in proportion to how much
    // more each column would like.
    let spare = room - min.iter().sum::<usize>();
    let wants: Vec<usize> = natural.iter().zip(min).map(|(n, m)| n - m).collect();
    let total: usize = wants.iter().sum::<usize>().max(1);
    let mut w: Vec<usize> = min
        .iter()
        .zip(&wants)
        .map(|(m, want)| m + spare * want / total)
        .collect();
    // Rounding leaves a little over: give it to the widest wants first.
    let mut left = room.saturating_sub(w.iter().sum());
    let mut order: Vec<usize> = (0..w.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(wants[*i]));
    for i in order.into_iter().cycle().take(left * 2) {
        if left == 0 {
            break;
        }
        if w[i] < natural[i] {
            w[i] += 1;
            left -= 1;
        }
    }
    w
}

fn grid(t: &Table, natural: &[usize], min: &[usize], room: usize, out: &mut Vec<String>) {
    let w = widths(natural, min, room);
    let rule = |c: char| {
        let mut s = String::from("+");
        for width in &w {
            s.push_str(&c.to_string().repeat(width + 2));
            s.push('+');
        }
        s
    };
    let row = |cells: &[String], out: &mut Vec<String>| {
        let wrapped: Vec<Vec<String>> = w
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                lines(text)
                    .flat_map(|l| wrap(l, *width, "", ""))
                    .collect::<Vec<_>>()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for k in 0..height {
            let mut line = String::from("|");
            for (i, width) in w.iter().enumerate() {
                let text = wrapped[i].get(k).map(String::as_str).unwrap_or("");
                let pad = width.saturating_sub(display_width(text));
                line.push(' ');
                line.push_str(text);
                line.push_str(&" ".repeat(pad + 1));
                line.push('|');
            }
            out.push(line);
        }
    };
    out.push(rule('-'));
    row(&t.headers, out);
    out.push(rule('='));
    for r in &t.rows {
        row(r, out);
        out.push(rule('-'));
    }
}

/// One block per row: the first cell as its title, the rest as fields.
fn stacked(t: &Table, out: &mut Vec<String>) {
    for r in &t.rows {
        out.push(String::new());
        let title = r.first().map(String::as_str).unwrap_or("");
        out.extend(wrap_lines(title, "  * ", "    "));
        for (h, c) in t.headers.iter().zip(r).skip(1) {
            if !c.trim().is_empty() {
                out.extend(wrap_lines(c, &format!("    {h}: "), "      "));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_is_wider_than_78() {
        let mut t = Table::new("Caption", &["One", "Two", "Three"]);
        t.row(vec![
            "a fairly long cell that will need to wrap ".repeat(4),
            "short".into(),
            "x".repeat(120),
        ]);
        let mut doc = Document::new("Title ".repeat(20));
        doc.section("S").para("word ".repeat(60));
        doc.sections[0].blocks.push(Block::Table(t));
        let out = render(&doc);
        for line in out.lines() {
            assert!(display_width(line) <= WIDTH, "too wide: {line:?}");
        }
    }

    #[test]
    fn wide_tables_are_stacked() {
        let mut t = Table::new("People", &["Name", "A", "B", "C", "D", "E", "F", "G"]);
        t.row((0..8).map(|i| format!("Safeguarding{i}")).collect());
        let out = table(&t);
        assert!(out.contains("  * Safeguarding0"));
        assert!(out.contains("    A: Safeguarding1"));
    }
}
