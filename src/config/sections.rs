//! The small sections of the config file and their England defaults.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{Category, Choice, Outcome, Stage};

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

/// The names shown for the categories of a plan. Display only: saved
/// sessions keep the stable names (`neglect`, `physical_abuse`, ...).
/// Financial abuse (a fifth category in Wales) is offered only when named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CategoryNames {
    pub neglect: String,
    pub physical_abuse: String,
    pub sexual_abuse: String,
    pub emotional_abuse: String,
    /// Empty: not a category here.
    pub financial_abuse: String,
    /// Its census code, where the area's census has one; empty for none.
    pub financial_abuse_code: String,
}

impl Default for CategoryNames {
    fn default() -> Self {
        CategoryNames {
            neglect: Category::Neglect.label().to_string(),
            physical_abuse: Category::PhysicalAbuse.label().to_string(),
            sexual_abuse: Category::SexualAbuse.label().to_string(),
            emotional_abuse: Category::EmotionalAbuse.label().to_string(),
            financial_abuse: String::new(),
            financial_abuse_code: String::new(),
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
            Category::FinancialAbuse if self.financial_abuse.trim().is_empty() => {
                Category::FinancialAbuse.label()
            }
            Category::FinancialAbuse => &self.financial_abuse,
        }
    }

    /// The categories a chair may choose here: the four national ones and
    /// any the local rules add.
    pub fn offered(&self) -> Vec<Category> {
        let mut all = Category::NATIONAL.to_vec();
        if !self.financial_abuse.trim().is_empty() {
            all.push(Category::FinancialAbuse);
        }
        all
    }

    /// A category's census code under these rules, if it has one.
    pub fn census_code(&self, c: Category) -> Option<String> {
        match c {
            Category::FinancialAbuse => {
                Some(self.financial_abuse_code.trim().to_string()).filter(|code| !code.is_empty())
            }
            other => other.census_code().map(str::to_string),
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

/// The names shown for the outcomes: Wales, for one, places a child on the
/// child protection register rather than giving a plan. Display only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OutcomeNames {
    pub child_protection_plan: String,
    pub child_in_need: String,
    pub no_further_action: String,
}

impl Default for OutcomeNames {
    fn default() -> Self {
        OutcomeNames {
            child_protection_plan: Outcome::ChildProtectionPlan.label().to_string(),
            child_in_need: Outcome::ChildInNeed.label().to_string(),
            no_further_action: Outcome::NoFurtherAction.label().to_string(),
        }
    }
}

impl OutcomeNames {
    /// The name shown for an outcome.
    pub fn name(&self, o: Outcome) -> &str {
        match o {
            Outcome::ChildProtectionPlan => &self.child_protection_plan,
            Outcome::ChildInNeed => &self.child_in_need,
            Outcome::NoFurtherAction => &self.no_further_action,
            Outcome::Undecided => Outcome::Undecided.label(),
        }
    }
}

/// What the three houses are called locally.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThreeHousesWording {
    pub good_things: String,
    pub worries: String,
    pub dreams: String,
}

impl Default for ThreeHousesWording {
    fn default() -> Self {
        ThreeHousesWording {
            good_things: "House of good things".into(),
            worries: "House of worries".into(),
            dreams: "House of hopes and dreams".into(),
        }
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
