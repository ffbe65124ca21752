//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "cpconf",
    version,
    about = "The chair's console for a Child Protection Conference",
    long_about = "Run a Child Protection Conference from the keyboard, save it as JSON, \
                  and reopen saved sessions read-only. With no command, opens the session \
                  list of the sessions folder."
)]
pub struct Cli {
    /// The sessions folder (created if missing).
    #[arg(
        long,
        global = true,
        env = "CPCONF_SESSIONS",
        default_value = "sessions"
    )]
    pub dir: PathBuf,

    /// Screen style: default, high-contrast (for projectors) or mono. With
    /// NO_COLOR set, mono is always used.
    #[arg(long, global = true, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Let mouse clicks choose a stage, a column or an item.
    #[arg(long, global = true)]
    pub mouse: bool,

    /// The local rules file (TOML). Without it,
    /// $XDG_CONFIG_HOME/cpconf/config.toml (else ~/.config/cpconf/config.toml)
    /// is used if present, else the built-in England defaults.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ThemeArg {
    Default,
    HighContrast,
    Mono,
}

impl From<ThemeArg> for crate::ui::theme::ThemeName {
    fn from(t: ThemeArg) -> Self {
        use crate::ui::theme::ThemeName as T;
        match t {
            ThemeArg::Default => T::Default,
            ThemeArg::HighContrast => T::HighContrast,
            ThemeArg::Mono => T::Mono,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Start a new conference, at setup.
    New {
        /// Start the next review conference from this previous session:
        /// family, children, people (as invitees), danger statements, goals
        /// and actions, the map and the scores carry forward.
        #[arg(long, value_name = "FILE")]
        review_of: Option<PathBuf>,
        /// Start with the invitation list in the register: a CSV file with
        /// a header row (name, role, agency, agency kind, gives
        /// recommendation; only name is required), one person a row, each
        /// marked invited. One bad row refuses the file and nothing is
        /// created. A review carries its people forward instead.
        #[arg(long, value_name = "FILE", conflicts_with = "review_of")]
        invitees: Option<PathBuf>,
    },
    /// Continue a saved session.
    Open { file: PathBuf },
    /// Read a saved session; nothing can be changed and the file is never written.
    View { file: PathBuf },
    /// Projector view: a read-only window that follows the session as the
    /// chair's window saves it; never shows a restricted item.
    Present { file: PathBuf },
    /// Print a table of the saved sessions: file, date, kind, family, children, status.
    List,
    /// Open private copies of the fictional example sessions.
    Demo,
    /// Print the dates that follow from a conference or a strategy discussion.
    Dates {
        /// The conference date (YYYY-MM-DD).
        #[arg(long, required_unless_present = "strategy_discussion")]
        conference: Option<String>,
        /// The kind of conference.
        #[arg(long, value_enum, default_value = "initial")]
        kind: KindArg,
        /// The strategy discussion date (YYYY-MM-DD), for the ICPC deadline.
        #[arg(long)]
        strategy_discussion: Option<String>,
        /// For a pre-birth conference: the baby's date of birth (YYYY-MM-DD).
        #[arg(long)]
        birth: Option<String>,
    },
    /// Export a session: the full record, the family's copy or the decision letter.
    Export(ExportArgs),
    /// Print the local rules in force, as TOML, and the file they came from.
    Config,
    /// Print the child protection fields of the Children in Need census as
    /// CSV: one row per child with a plan, from every finalised session in
    /// --dir. Children missing a required field are listed on stderr and
    /// the exit status is 1.
    Census {
        /// Only conferences on or after this date (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Only conferences on or before this date (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The session file to export.
    pub file: PathBuf,
    /// Which copy. No default: the record holds restricted information, so
    /// it is never produced by accident.
    #[arg(long, value_enum)]
    pub copy: CopyArg,
    /// The format; when absent, taken from the -o file's extension, else md.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to this new file (owner-only) instead of standard output.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CopyArg {
    /// The full conference record, restricted items included.
    Record,
    /// The plain-language copy for the parents; nothing restricted.
    Family,
    /// The letter to the parents with the decision and the outline plan.
    DecisionLetter,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    Md,
    Html,
    Txt,
}

impl From<CopyArg> for crate::export::CopyKind {
    fn from(c: CopyArg) -> Self {
        match c {
            CopyArg::Record => Self::Record,
            CopyArg::Family => Self::Family,
            CopyArg::DecisionLetter => Self::DecisionLetter,
        }
    }
}

impl From<FormatArg> for crate::export::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Md => Self::Markdown,
            FormatArg::Html => Self::Html,
            FormatArg::Txt => Self::Text,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum KindArg {
    Initial,
    Review,
    PreBirth,
    TransferIn,
}

impl From<KindArg> for crate::model::ConferenceKind {
    fn from(k: KindArg) -> Self {
        use crate::model::ConferenceKind as K;
        match k {
            KindArg::Initial => K::Initial,
            KindArg::Review => K::Review,
            KindArg::PreBirth => K::PreBirth,
            KindArg::TransferIn => K::TransferIn,
        }
    }
}
