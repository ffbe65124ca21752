//! What the projector window knows: the last good family-safe view, which
//! board is showing, when the view last changed, and whether the newest
//! file could be read. `update` is its one writer: keys and the loop's
//! reports in, effects (reload, quit) out; drawing only reads it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use crate::app::keymap::{Command, Context, command_for};

use super::view::FamilyView;
use crate::model::{Session, Stage, Timestamp};

/// The four boards of the whiteboard, in the order the keys cycle them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Board {
    Dangers,
    Map,
    Goals,
    Scaling,
}

impl Board {
    pub const ALL: [Board; 4] = [Board::Dangers, Board::Map, Board::Goals, Board::Scaling];

    pub fn title(self) -> &'static str {
        match self {
            Board::Dangers => "Danger statements",
            Board::Map => "The map",
            Board::Goals => "Safety goals",
            Board::Scaling => "Scaling",
        }
    }

    pub fn short_title(self) -> &'static str {
        match self {
            Board::Dangers => "Dangers",
            Board::Map => "Map",
            Board::Goals => "Goals",
            Board::Scaling => "Scaling",
        }
    }

    /// 1 to 4, as on the keys.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|b| *b == self).unwrap_or(0) + 1
    }

    fn step(self, forward: bool) -> Board {
        let i = self.number() - 1;
        Self::ALL[if forward { (i + 1) % 4 } else { (i + 3) % 4 }]
    }

    /// The board for the stage the chair is on. Stages before the danger
    /// statements show them (what the meeting is about to discuss); the
    /// recommendations, the decision and the record show the plan.
    pub fn for_stage(stage: Option<Stage>) -> Board {
        match stage {
            None
            | Some(Stage::Setup | Stage::PreMeeting | Stage::Introductions)
            | Some(Stage::DangerStatements) => Board::Dangers,
            Some(Stage::Map) => Board::Map,
            Some(Stage::Scaling) => Board::Scaling,
            Some(Stage::SafetyGoals | Stage::Recommendations | Stage::Decision | Stage::Record) => {
                Board::Goals
            }
        }
    }
}

/// Shown under the projector's keys in its help: how it keeps up.
pub const FOLLOWS: &str = "the chair's window saves; this one follows within a second";

#[derive(Clone, Debug, PartialEq)]
pub struct PresentState {
    /// The last session that loaded, with nothing restricted in it.
    view: FamilyView,
    board: Board,
    /// Show the board for the chair's stage, as saved.
    follow: bool,
    /// When the view last changed (or first loaded).
    changed_at: Timestamp,
    /// Why the newest version of the file could not be read, if it could
    /// not; the last good view is still shown.
    load_error: Option<String>,
    help: bool,
    /// Lines scrolled down on the current board.
    scroll: u16,
}

/// What reaches the projector: keys, and the loop's reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// The file is not as it was when last read (answered with
    /// `Effect::Reload`).
    FileChanged,
    /// The file was read: the session in it, and when.
    Loaded(Box<Session>, Timestamp),
    /// The file could not be read: why.
    LoadFailed(String),
    /// The frame just drawn: how far the board showing can scroll at this
    /// size, so `k` answers at once after too many `j`s.
    Measured(u16),
}

/// What the projector asks the loop to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read the file again and answer with `Msg::Loaded` or `Msg::LoadFailed`.
    Reload,
    Quit,
}

impl PresentState {
    pub fn new(session: &Session, now: Timestamp) -> Self {
        let view = FamilyView::of(session);
        PresentState {
            board: Board::for_stage(view.chair_stage),
            view,
            follow: true,
            changed_at: now,
            load_error: None,
            help: false,
            scroll: 0,
        }
    }

    /// The family-safe view of the last session that loaded.
    pub fn view(&self) -> &FamilyView {
        &self.view
    }

    pub fn board(&self) -> Board {
        self.board
    }

    /// Whether the board follows the chair's stage.
    pub fn following(&self) -> bool {
        self.follow
    }

    /// When the view last changed (or first loaded).
    pub fn changed_at(&self) -> Timestamp {
        self.changed_at
    }

    /// Why the newest file could not be read, while the last good one shows.
    pub fn load_error(&self) -> Option<&str> {
        self.load_error.as_deref()
    }

    pub fn help_open(&self) -> bool {
        self.help
    }

    /// Lines scrolled down on the board showing.
    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    /// The one writer of the projector's state.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) => return self.key(key).into_iter().collect(),
            Msg::FileChanged => return vec![Effect::Reload],
            Msg::Loaded(session, at) => self.absorb(&session, at),
            // The last good view stays up with a quiet note.
            Msg::LoadFailed(why) => self.load_error = Some(why),
            Msg::Measured(furthest) => self.scroll = self.scroll.min(furthest),
        }
        Vec::new()
    }

    /// Takes in a freshly loaded session.
    fn absorb(&mut self, session: &Session, now: Timestamp) {
        let view = FamilyView::of(session);
        self.load_error = None;
        if view != self.view {
            self.view = view;
            self.changed_at = now;
        }
        if self.follow {
            self.show(Board::for_stage(self.view.chair_stage));
        }
    }

    fn show(&mut self, board: Board) {
        if board != self.board {
            self.board = board;
            self.scroll = 0;
        }
    }

    fn choose(&mut self, board: Board) {
        self.follow = false;
        self.show(board);
    }

    fn key(&mut self, key: KeyEvent) -> Option<Effect> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        // The projector's keys come from the one key table; nothing can be
        // typed here, so single letters are commands.
        let command = command_for(&key, &[Context::Projector]);
        if self.help {
            self.help = false;
            return (command == Some(Command::Quit)).then_some(Effect::Quit);
        }
        match command {
            Some(Command::Quit) => return Some(Effect::Quit),
            Some(Command::Help) => self.help = true,
            Some(Command::NextStage) => self.choose(self.board.step(true)),
            Some(Command::PrevStage) => self.choose(self.board.step(false)),
            Some(Command::Board) => {
                if let KeyCode::Char(c @ '1'..='4') = key.code {
                    self.choose(Board::ALL[usize::from(c as u8 - b'1')]);
                }
            }
            Some(Command::Follow) => {
                self.follow = !self.follow;
                if self.follow {
                    self.show(Board::for_stage(self.view.chair_stage));
                }
            }
            Some(Command::Down) => self.scroll = self.scroll.saturating_add(1),
            Some(Command::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Command::First) => self.scroll = 0,
            _ => {}
        }
        None
    }
}
