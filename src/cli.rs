//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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

    #[command(subcommand)]
    pub command: Option<Command>,
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
    },
    /// Continue a saved session.
    Open { file: PathBuf },
    /// Read a saved session; nothing can be changed and the file is never written.
    View { file: PathBuf },
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
    },
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
