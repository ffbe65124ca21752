//! Exports of a conference: the full record, the family's copy and the
//! decision letter, each as Markdown, HTML, plain text or a Word file.
//!
//! Each copy (`record`, `family`, `letter`) builds one [`doc::Document`];
//! each format (`markdown`, `html`, `text`, `docx`) renders any document.
//! Building and rendering are pure: `cli` does the reading and writing.
//!
//! Restricted map items appear only in the record. The family copy and the
//! letter are built without ever reading a restricted item's text, so no
//! renderer can leak it.

pub mod clean;
pub mod cli;
mod decisions;
pub mod doc;
pub(crate) mod docx;
mod family;
pub(crate) mod html;
mod letter;
mod letters;
pub(crate) mod markdown;
pub(crate) mod parts;
mod record;
mod shared;
pub(crate) mod text;
pub(crate) mod words;

pub use record::DEFAULT_SCALING_QUESTION;

use crate::config::Config;
use crate::model::Session;

/// Which copy to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CopyKind {
    /// The full conference record, restricted items included and marked.
    Record,
    /// The plain-language copy for the parents: nothing restricted.
    Family,
    /// A letter to the parents with the decision and the outline plan.
    DecisionLetter,
}

/// Which format to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Text,
    /// A Word file: bytes, not text (see [`render_bytes`]).
    Docx,
}

impl CopyKind {
    pub const ALL: [CopyKind; 3] = [CopyKind::Record, CopyKind::Family, CopyKind::DecisionLetter];

    /// The name used on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            CopyKind::Record => "record",
            CopyKind::Family => "family",
            CopyKind::DecisionLetter => "decision-letter",
        }
    }
}

impl Format {
    /// Every format, the Word file included.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Text, Format::Docx];
    /// The formats that are text, which [`render`] and [`render_under`] give.
    pub const TEXT: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
            Format::Docx => "docx",
        }
    }

    /// The format a file name's extension asks for, if any.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// The document for a copy under the local rules in force (the quorum
/// rule, the working calendar and timescales), before it is given a format.
pub fn document(session: &Session, copy: CopyKind, rules: &Config) -> doc::Document {
    match copy {
        CopyKind::Record => record::build(session, rules),
        CopyKind::Family => family::build(session, rules),
        CopyKind::DecisionLetter => letter::build(session, rules),
    }
}

pub use letters::{PackItem, child_letter, pack};
pub use parts::{EXCLUDABLE, excluded_parts};

/// One copy of a session in one format, under the built-in rules.
pub fn render(session: &Session, copy: CopyKind, format: Format) -> String {
    render_under(session, copy, format, &Config::default())
}

/// One copy of a session in one text format. Never panics, whatever the
/// session. No control character in the session's text reaches the output.
/// A Word file is not text: asked for one, this gives the plain text, and
/// [`render_bytes`] gives the file.
pub fn render_under(session: &Session, copy: CopyKind, format: Format, rules: &Config) -> String {
    let session = clean::session_without_controls(session);
    render_doc(&document(&session, copy, rules), format)
}

/// One document in one text format (plain text for [`Format::Docx`]).
pub fn render_doc(doc: &doc::Document, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(doc),
        Format::Html => html::render(doc),
        Format::Text | Format::Docx => text::render(doc),
    }
}

/// One document as the bytes of a file in any format.
pub fn doc_bytes(doc: &doc::Document, format: Format) -> Vec<u8> {
    match format {
        Format::Docx => docx::render(doc),
        text => render_doc(doc, text).into_bytes(),
    }
}

/// One copy of a session as the bytes of a file in any format: what the
/// export command and the export menu write.
pub fn render_bytes(session: &Session, copy: CopyKind, format: Format, rules: &Config) -> Vec<u8> {
    let session = clean::session_without_controls(session);
    doc_bytes(&document(&session, copy, rules), format)
}
