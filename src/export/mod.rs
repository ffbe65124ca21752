//! Exports of a conference: the full record, the family's copy and the
//! decision letter, each as Markdown, HTML or plain text.
//!
//! Each copy (`record`, `family`, `letter`) builds one [`doc::Document`];
//! each format (`markdown`, `html`, `text`) renders any document. Building
//! and rendering are pure: `cli` does the reading and writing.
//!
//! Restricted map items appear only in the record. The family copy and the
//! letter are built without ever reading a restricted item's text, so no
//! renderer can leak it.

pub mod cli;
pub(crate) mod doc;
mod family;
pub(crate) mod html;
mod letter;
pub(crate) mod markdown;
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
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Text];

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
        }
    }

    /// The format a file name's extension asks for, if any.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
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

/// One copy of a session in one format, under the built-in rules.
pub fn render(session: &Session, copy: CopyKind, format: Format) -> String {
    render_under(session, copy, format, &Config::default())
}

/// One copy of a session in one format. Never panics, whatever the session.
pub fn render_under(session: &Session, copy: CopyKind, format: Format, rules: &Config) -> String {
    let doc = document(session, copy, rules);
    match format {
        Format::Markdown => markdown::render(&doc),
        Format::Html => html::render(&doc),
        Format::Text => text::render(&doc),
    }
}
