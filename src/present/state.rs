//! What the projector window knows: the last good family-safe view, which
//! board is showing, when the view last changed, and whether the newest
//! file could be read. Keys change it through `handle_key`; drawing only
//! reads it.

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
    pub view: FamilyView,
    pub board: Board,
    /// Show the board for the chair's stage, as saved.
    pub follow: bool,
    /// When the view last changed (or first loaded).
    pub changed_at: Timestamp,
    /// Why the newest version of the file could not be read, if it could
    /// not; the last good view is still shown.
    pub load_error: Option<String>,
    pub help: bool,
    /// Lines scrolled down on the current board.
    pub scroll: u16,
}

/// What a key asks of the runner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Continue,
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

    /// Takes in a freshly loaded session.
    pub fn absorb(&mut self, session: &Session, now: Timestamp) {
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

    /// The newest file could not be read: keep the last good view.
    pub fn load_failed(&mut self, why: String) {
        self.load_error = Some(why);
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

    pub fn handle_key(&mut self, key: KeyEvent) -> Control {
        if key.kind == KeyEventKind::Release {
            return Control::Continue;
        }
        // The projector's keys come from the one key table; nothing can be
        // typed here, so single letters are commands.
        let command = command_for(&key, &[Context::Projector]);
        if self.help {
            self.help = false;
            return match command {
                Some(Command::Quit) => Control::Quit,
                _ => Control::Continue,
            };
        }
        match command {
            Some(Command::Quit) => return Control::Quit,
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
        Control::Continue
    }
}
