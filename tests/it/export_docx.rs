//! Every Word export of both examples read back by an independent reader,
//! pandoc: each text of the document model is in the file, headings are
//! headings, tables are tables, and nothing restricted reaches a family's
//! file. Skips (with a note) when pandoc is not installed; `.ci/run`
//! installs it.

use std::io::Write;
use std::process::{Command, Stdio};

use cpconf::config::Config;
use cpconf::example::{example_icpc, example_review};
use cpconf::export::doc::{Block, Document};
use cpconf::export::{CopyKind, Format, doc_bytes, document, pack};

const PANDOC: &str = "pandoc";

fn pandoc_available() -> bool {
    Command::new(PANDOC)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The .docx converted by pandoc to `to` (html or markdown).
fn read_back(bytes: &[u8], to: &str) -> String {
    let mut child = Command::new(PANDOC)
        .args(["-f", "docx", "-t", to, "--wrap=none"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pandoc");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("feed pandoc");
    let out = child.wait_with_output().expect("pandoc output");
    assert!(
        out.status.success(),
        "pandoc could not read the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("pandoc writes UTF-8")
}

/// HTML as plain words: tags become spaces, the entities pandoc writes are
/// decoded, runs of whitespace become one space.
fn html_words(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    squash(&text)
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every line of text the document model holds.
fn texts(doc: &Document) -> Vec<String> {
    let mut out = vec![doc.title.clone()];
    let mut blocks: Vec<&Block> = doc.lead.iter().collect();
    for s in &doc.sections {
        out.push(s.heading.clone());
        blocks.extend(&s.blocks);
    }
    for b in blocks {
        match b {
            Block::Subheading(t) | Block::Para(t) | Block::Notice(t) => out.push(t.clone()),
            Block::Fields(fields) => {
                for f in fields {
                    out.push(f.label.clone());
                    out.push(f.value.clone());
                }
            }
            Block::List(items) => out.extend(items.iter().cloned()),
            Block::Table(t) => {
                out.push(t.caption.clone());
                out.extend(t.headers.iter().cloned());
                out.extend(t.rows.iter().flatten().cloned());
            }
            Block::Map(cols) => {
                for c in cols {
                    out.push(c.title.clone());
                    if c.items.is_empty() {
                        out.push(c.empty.clone());
                    }
                    for i in &c.items {
                        out.push(i.text.clone());
                        out.push(i.meta.clone());
                    }
                }
            }
        }
    }
    out.iter()
        .flat_map(|t| t.lines().map(squash).collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Reads one document's Word file back and checks its text and structure.
fn check(name: &str, doc: &Document) -> String {
    let bytes = doc_bytes(doc, Format::Docx);
    let html = read_back(&bytes, "html");
    let words = html_words(&html);
    for line in texts(doc) {
        assert!(
            words.contains(&line),
            "{name}: the Word file lacks {line:?}"
        );
    }
    // Real headings: the title and every section heading.
    assert!(
        html.contains("<h1"),
        "{name}: no heading 1 in the Word file"
    );
    let h2 = html.matches("<h2").count();
    assert_eq!(h2, doc.sections.len(), "{name}: section headings");
    let tables = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert_eq!(html.matches("<table").count(), tables, "{name}: tables");
    words
}

#[test]
fn every_word_export_reads_back_in_pandoc() {
    if !pandoc_available() {
        println!("SKIPPED: pandoc not found (apt-get install -y pandoc)");
        return;
    }
    let rules = Config::default();
    let restricted: Vec<String> = example_icpc()
        .map_items
        .iter()
        .filter(|m| m.restricted)
        .map(|m| squash(&m.text))
        .collect();
    assert_eq!(restricted.len(), 2);
    for (name, s) in [("icpc", example_icpc()), ("review", example_review())] {
        for copy in CopyKind::ALL {
            let doc = document(&s, copy, &rules);
            let words = check(&format!("{name} {}", copy.name()), &doc);
            if copy == CopyKind::Record {
                continue;
            }
            assert!(!words.contains("RESTRICTED"), "{name} {copy:?}");
            for r in &restricted {
                assert!(!words.contains(r.as_str()), "{name} {copy:?} leaks {r}");
            }
        }
    }
}

#[test]
fn the_record_in_word_marks_restricted_items_and_breaks_pages() {
    if !pandoc_available() {
        println!("SKIPPED: pandoc not found (apt-get install -y pandoc)");
        return;
    }
    let s = example_icpc();
    let doc = document(&s, CopyKind::Record, &Config::default());
    let words = check("icpc record", &doc);
    assert!(words.contains("RESTRICTED:"));
    // Headings as Markdown headings: the reader saw Word heading styles.
    let md = read_back(&doc_bytes(&doc, Format::Docx), "markdown");
    assert!(md.contains("\n## Conference details"), "{md}");
    // Lists are bullet lists, not numbered ones.
    let letter = document(&s, CopyKind::DecisionLetter, &Config::default());
    let md = read_back(&doc_bytes(&letter, Format::Docx), "markdown");
    assert!(
        md.contains("\n-   If you disagree with what was decided"),
        "{md}"
    );
    assert!(!md.contains("1.  If you disagree"), "{md}");
    // (pandoc drops page breaks; the unit tests of export::docx check them.)
}

#[test]
fn every_letter_of_the_pack_reads_back_without_what_its_reader_missed() {
    if !pandoc_available() {
        println!("SKIPPED: pandoc not found (apt-get install -y pandoc)");
        return;
    }
    let s = example_icpc();
    for item in pack(&s, &Config::default()) {
        let words = check(&item.file_stem, &item.doc);
        for m in s.map_items.iter().filter(|m| m.restricted) {
            assert!(
                !words.contains(&squash(&m.text)),
                "{} leaks",
                item.file_stem
            );
        }
        if item.file_stem.ends_with("dean-fairlie") {
            // He attended separately: not the other parent's own views.
            assert!(
                !words.contains("terrified they'll take the kids"),
                "{}",
                item.file_stem
            );
        }
    }
}
