//! The document model every copy is built as, and every format renders:
//! a title, lead blocks, then sections of headings, paragraphs, fields,
//! lists, tables and the four-column map. Copies decide *what* is said;
//! renderers decide only *how* it looks, so a copy is written once.

/// A whole export: one `h1`, then sections (`h2`) holding blocks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub title: String,
    /// Blocks between the title and the first section.
    pub lead: Vec<Block>,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Section {
    pub heading: String,
    /// Starts a new printed page (a major part of the record).
    pub new_page: bool,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// An `h3` inside a section.
    Subheading(String),
    /// Plain text; each line of it becomes its own paragraph.
    Para(String),
    /// Something the reader must not miss (draft status, restrictions).
    Notice(String),
    /// "Label: value" pairs.
    Fields(Vec<Field>),
    List(Vec<String>),
    Table(Table),
    /// The four columns of the Signs of Safety map.
    Map(Vec<MapColumn>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapColumn {
    pub title: String,
    pub items: Vec<MapEntry>,
    /// Shown when the column has no items.
    pub empty: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapEntry {
    pub text: String,
    /// Who said it, which children, tag; may be empty.
    pub meta: String,
    /// Only ever true in the record: other copies leave such items out.
    pub restricted: bool,
}

/// The label renderers print before a restricted item.
pub const RESTRICTED: &str = "RESTRICTED";

impl Document {
    pub fn new(title: impl Into<String>) -> Self {
        Document {
            title: title.into(),
            ..Document::default()
        }
    }

    /// Starts a new section; later blocks go into it.
    pub fn section(&mut self, heading: impl Into<String>) -> &mut Section {
        self.push_section(heading, false)
    }

    /// Starts a new section on a new printed page.
    pub fn major(&mut self, heading: impl Into<String>) -> &mut Section {
        self.push_section(heading, true)
    }

    fn push_section(&mut self, heading: impl Into<String>, new_page: bool) -> &mut Section {
        self.sections.push(Section {
            heading: heading.into(),
            new_page,
            blocks: Vec::new(),
        });
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }
}

impl Section {
    pub fn sub(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Subheading(text.into()));
        self
    }

    pub fn para(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Para(text.into()));
        self
    }

    pub fn notice(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Notice(text.into()));
        self
    }

    pub fn fields(&mut self, fields: Vec<Field>) -> &mut Self {
        if !fields.is_empty() {
            self.blocks.push(Block::Fields(fields));
        }
        self
    }

    /// A list, or `empty` as a paragraph when there is nothing in it.
    pub fn list_or(&mut self, items: Vec<String>, empty: &str) -> &mut Self {
        if items.is_empty() {
            self.para(empty)
        } else {
            self.blocks.push(Block::List(items));
            self
        }
    }

    /// A table, or `empty` as a paragraph when it has no rows: an empty
    /// table helps no one.
    pub fn table_or(&mut self, table: Table, empty: &str) -> &mut Self {
        if table.rows.is_empty() {
            self.para(empty)
        } else {
            self.blocks.push(Block::Table(table));
            self
        }
    }

    pub fn map(&mut self, columns: Vec<MapColumn>) -> &mut Self {
        self.blocks.push(Block::Map(columns));
        self
    }
}

/// A field; builders use it to keep field lists short.
pub fn field(label: impl Into<String>, value: impl Into<String>) -> Field {
    Field {
        label: label.into(),
        value: value.into(),
    }
}

impl Table {
    pub fn new(caption: impl Into<String>, headers: &[&str]) -> Self {
        Table {
            caption: caption.into(),
            headers: headers.iter().map(|h| (*h).to_string()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// The non-empty lines of a text, trimmed: model texts use `\n` between
/// paragraphs or lines, and renderers give each its own paragraph.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}
