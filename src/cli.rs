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

    /// Read the key's passphrase from the first line of FILE instead of
    /// asking on the terminal (for scripts and tests: anyone who can read
    /// FILE can unlock every session).
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "CPCONF_PASSPHRASE_FILE"
    )]
    pub passphrase_file: Option<PathBuf>,

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
    /// Continue a saved session. A backup (`FILE.prev`) or an emergency copy
    /// opens read-only; `--as-new` carries on from it.
    Open {
        file: PathBuf,
        /// Copy FILE into the sessions folder as a new session (a new file
        /// and id) and continue that; FILE itself is never changed or moved.
        #[arg(long)]
        as_new: bool,
    },
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
        #[arg(long, required_unless_present_any = ["strategy_discussion", "session"])]
        conference: Option<String>,
        /// A finalised session: its distribution list (what is due, to
        /// whom, by when, and what was sent).
        #[arg(long, value_name = "FILE", conflicts_with_all = ["conference", "strategy_discussion"])]
        session: Option<PathBuf>,
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
    /// Write the pack that leaves the room into a folder: each parent's or
    /// carer's own letter and copy, the letter to the professionals, and a
    /// letter for each child the chair writes to.
    Letters(LettersArgs),
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
    /// Your encryption key: make it, change its passphrase, or export it.
    #[command(subcommand)]
    Key(KeyCommand),
    /// Encrypt every plaintext session, backup and receipt in the sessions
    /// folder (--dir), and the drafts and emergency copies in the state
    /// folder, in place.
    Encrypt,
    /// Write a plaintext copy of an encrypted file, on purpose.
    Decrypt {
        /// The encrypted session (or backup, draft, receipt).
        file: PathBuf,
        /// The new plaintext file (owner-only; never over an existing one).
        #[arg(short = 'o', long = "output", required = true)]
        output: PathBuf,
    },
    /// Mark a finalised session as handed over to the case system, and
    /// (after confirmation) remove the local copy, leaving a receipt.
    Handover(HandoverArgs),
    /// Remove handed-over sessions older than the local retention period,
    /// leaving their receipts.
    Purge(PurgeArgs),
}

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Make your key (asks for a new passphrase twice).
    Init,
    /// Change the key's passphrase; the sessions stay as they are.
    Passphrase,
    /// Write your secret key in plaintext to a new file, for recovery with
    /// age or rage.
    Export {
        #[arg(short = 'o', long = "output", required = true)]
        output: PathBuf,
    },
}

#[derive(Args, Debug)]
pub struct HandoverArgs {
    /// The finalised session.
    pub file: PathBuf,
    /// Where the record went, e.g. "LCS case 12345".
    #[arg(long, value_name = "WHERE")]
    pub to: String,
    /// Who handed it over (default: the chair who finalised it).
    #[arg(long, value_name = "WHO")]
    pub by: Option<String>,
    /// Remove the local copy without asking.
    #[arg(long)]
    pub yes: bool,
    /// Say what would be done, and do nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Args, Debug)]
pub struct PurgeArgs {
    /// Handed over more than DAYS days ago (default: `retention_days` in the
    /// local rules).
    #[arg(long, value_name = "DAYS")]
    pub older_than: Option<u32>,
    /// Remove without asking.
    #[arg(long)]
    pub yes: bool,
    /// Say what would be removed, and remove nothing.
    #[arg(long)]
    pub dry_run: bool,
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
    /// With a key, write the full record in plaintext without asking.
    #[arg(long)]
    pub plaintext_ok: bool,
}

#[derive(Args, Debug)]
pub struct LettersArgs {
    /// The session file.
    pub file: PathBuf,
    /// The folder to write into (created, owner-only, if missing).
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub dir: PathBuf,
    /// The format of every file.
    #[arg(long, value_enum, default_value = "md")]
    pub format: FormatArg,
    /// Replace files of the same names in the folder.
    #[arg(long)]
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
    /// A Word file.
    Docx,
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
            FormatArg::Docx => Self::Docx,
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
