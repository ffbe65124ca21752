//! The small sections of the config file and their England defaults.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{Category, Choice, Stage};

/// The default scaling question (DESIGN.md, "Scaling").
pub const DEFAULT_SCALING_QUESTION: &str = "On a scale of 0 to 10, where 10 means everyone is \
    confident the child is safe enough for the plan to end and the case to close, and 0 means \
    things are so bad the child cannot safely live at home, where are things today?";

/// How the scaling question is put to the room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScalingWording {
    /// The question as the chair reads it out.
    pub question: String,
    /// What 0 stands for, in a few words (shown beside the scale).
    pub zero_means: String,
    /// What 10 stands for.
    pub ten_means: String,
    /// Which end of the scale is the safe one.
    pub direction: ScaleDirection,
}

impl Default for ScalingWording {
    fn default() -> Self {
        ScalingWording {
            question: DEFAULT_SCALING_QUESTION.to_string(),
            zero_means: "things are so bad the child cannot safely live at home".to_string(),
            ten_means: "everyone is confident the child is safe enough for the plan to end \
                        and the case to close"
                .to_string(),
            direction: ScaleDirection::default(),
        }
    }
}

/// Which end of the 0..10 scale means "safe".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleDirection {
    #[default]
    TenIsSafe,
    ZeroIsSafe,
}

/// The names shown for the four categories of a plan. Display only: saved
/// sessions keep the stable names (`neglect`, `physical_abuse`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CategoryNames {
    pub neglect: String,
    pub physical_abuse: String,
    pub sexual_abuse: String,
    pub emotional_abuse: String,
}

impl Default for CategoryNames {
    fn default() -> Self {
        CategoryNames {
            neglect: Category::Neglect.label().to_string(),
            physical_abuse: Category::PhysicalAbuse.label().to_string(),
            sexual_abuse: Category::SexualAbuse.label().to_string(),
            emotional_abuse: Category::EmotionalAbuse.label().to_string(),
        }
    }
}

impl CategoryNames {
    /// The name shown for a category.
    pub fn name(&self, c: Category) -> &str {
        match c {
            Category::Neglect => &self.neglect,
            Category::PhysicalAbuse => &self.physical_abuse,
            Category::SexualAbuse => &self.sexual_abuse,
            Category::EmotionalAbuse => &self.emotional_abuse,
        }
    }

    /// Categories by these names, joined with commas.
    pub fn list(&self, cats: &[Category]) -> String {
        cats.iter()
            .map(|c| self.name(*c))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The colour scheme. Nothing is shown by colour alone in any of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    #[default]
    Default,
    /// Stronger contrast, e.g. for a washed-out projector.
    #[serde(alias = "high-contrast")]
    HighContrast,
    /// Modifiers only, no colour: used whenever NO_COLOR is set.
    Mono,
}

impl ThemeName {
    /// The theme to use: NO_COLOR (any non-empty value) always means mono.
    pub fn resolve(chosen: ThemeName, no_color: Option<&str>) -> ThemeName {
        match no_color {
            Some(v) if !v.is_empty() => ThemeName::Mono,
            _ => chosen,
        }
    }
}

/// The opening statements checklist at introductions.
pub fn default_opening_statements() -> Vec<String> {
    crate::model::STANDARD_OPENING_STATEMENTS
        .map(String::from)
        .to_vec()
}

/// Planned minutes per agenda stage: about three hours in all.
pub fn default_planned_minutes() -> BTreeMap<Stage, u32> {
    BTreeMap::from([
        (Stage::Setup, 0),
        (Stage::PreMeeting, 15),
        (Stage::Introductions, 10),
        (Stage::DangerStatements, 15),
        (Stage::Map, 40),
        (Stage::Scaling, 10),
        (Stage::SafetyGoals, 20),
        (Stage::Recommendations, 15),
        (Stage::Decision, 10),
    ])
}

/// A file that names some stages keeps the defaults for the others.
pub(super) fn planned_minutes_over_defaults<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<Stage, u32>, D::Error> {
    let given = BTreeMap::<Stage, u32>::deserialize(d)?;
    let mut all = default_planned_minutes();
    all.extend(given);
    Ok(all)
}
