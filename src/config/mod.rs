//! Local rules: the config file (`$XDG_CONFIG_HOME/cpconf/config.toml` or
//! `--config FILE`) over compiled-in England defaults. See
//! `config.example.toml` for every key in plain words.
//!
//! `parse` is pure (text to `Config`); `load` finds and reads the file.
//! A file is used whole or refused: never half-read.

mod load;
mod paperwork;
mod parse;
mod position;
mod render;
mod sections;
mod toml_dates;
mod validate;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::{Timescales, WorkingCalendar};
use crate::model::Stage;

pub use crate::model::QuorumRule;
pub use load::{ConfigError, default_path, default_path_from, load};
pub use parse::{ParseError, parse};
pub use sections::{
    CategoryNames, DEFAULT_SCALING_QUESTION, OutcomeNames, ScaleDirection, ScalingWording,
    ThemeName, ThreeHousesWording, default_opening_statements, default_planned_minutes,
};
pub use validate::{MAX_MINUTES, MAX_OPENING_STATEMENTS, MAX_OTHER_AGENCIES, stage_key};

/// The local rules in force. `Default` is England, and today's behaviour.
///
/// Plain keys come before the tables so the TOML written back is valid
/// and reads in the same order as `config.example.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The opening statements checklist at introductions.
    pub opening_statements: Vec<String>,
    /// Minutes after which the chair is reminded to offer a break; 0 for never.
    pub break_reminder_minutes: u32,
    /// How to reach the chair, printed in every letter: the reviewing
    /// unit's name, address and phone. Empty: letters say the social worker
    /// can give the details.
    pub reviewing_unit: String,
    /// Days the local authority is closed besides England's bank holidays.
    #[serde(with = "toml_dates")]
    pub extra_bank_holidays: Vec<NaiveDate>,
    pub theme: ThemeName,
    /// Let the mouse select and scroll.
    pub mouse: bool,
    /// Days a handed-over session is kept before `cpconf purge` removes
    /// it; 0 for no local period (purge then needs --older-than).
    pub retention_days: u32,
    pub quorum: QuorumRule,
    pub timescales: Timescales,
    pub scaling: ScalingWording,
    pub categories: CategoryNames,
    pub outcomes: OutcomeNames,
    pub three_houses: ThreeHousesWording,
    /// Planned minutes per agenda stage; stages left out keep the default.
    #[serde(deserialize_with = "sections::planned_minutes_over_defaults")]
    pub planned_minutes: BTreeMap<Stage, u32>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            opening_statements: default_opening_statements(),
            break_reminder_minutes: 90,
            reviewing_unit: String::new(),
            extra_bank_holidays: Vec::new(),
            theme: ThemeName::default(),
            mouse: false,
            retention_days: 0,
            quorum: QuorumRule::default(),
            timescales: Timescales::default(),
            scaling: ScalingWording::default(),
            categories: CategoryNames::default(),
            outcomes: OutcomeNames::default(),
            three_houses: ThreeHousesWording::default(),
            planned_minutes: default_planned_minutes(),
        }
    }
}

impl Config {
    /// Working days: England and Wales plus the local extra holidays.
    pub fn calendar(&self) -> WorkingCalendar {
        WorkingCalendar::with_extra_holidays(self.extra_bank_holidays.iter().copied())
    }

    /// The dates that follow from a session's own conference date by these
    /// rules; `None` until the date is set.
    pub fn key_dates_of(&self, s: &crate::model::Session) -> Option<crate::dates::KeyDates> {
        let date = s.setup.date?;
        Some(crate::dates::key_dates(
            &self.calendar(),
            &self.timescales,
            s.setup.kind,
            date,
            s.setup.strategy_discussion_date,
        ))
    }

    /// When a session's review conference is due by these rules (after the
    /// birth, for an unborn child); `None` until the date is set.
    pub fn review_due_of(&self, s: &crate::model::Session) -> Option<crate::dates::ReviewDue> {
        let date = s.setup.date?;
        Some(crate::dates::review_due(
            &self.calendar(),
            &self.timescales,
            s.setup.kind,
            date,
            s.birth_for_review(),
        ))
    }

    /// What a new session takes from the local rules: the scaling wording,
    /// question and what 0 and 10 stand for (recorded only when local;
    /// empty means the default), and the extra opening statements.
    pub fn prepare_new(&self, session: &mut crate::model::Session) {
        let default = ScalingWording::default();
        let local = self.scaling.question != DEFAULT_SCALING_QUESTION
            || self.scaling.zero_means != default.zero_means
            || self.scaling.ten_means != default.ten_means;
        if local && session.scaling.question.is_empty() {
            session.scaling.question = self.scaling.question.clone();
            session.scaling.zero_means = self.scaling.zero_means.trim().to_string();
            session.scaling.ten_means = self.scaling.ten_means.trim().to_string();
        }
        session.add_local_statements(&self.opening_statements);
    }

    /// Planned minutes for a stage (0 when none is planned).
    pub fn planned(&self, stage: Stage) -> u32 {
        self.planned_minutes.get(&stage).copied().unwrap_or(0)
    }
}
