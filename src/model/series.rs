//! One family across its conferences: each child's scaling and outcome,
//! conference by conference, oldest first.

use chrono::NaiveDate;

use super::choices::{Choice, ConferenceKind, Outcome};
use super::ids::ChildId;
use super::session::Session;

/// The spread of one child's scores at one conference.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreSpread {
    pub count: usize,
    pub median: f32,
    pub lowest: u8,
    pub highest: u8,
}

/// One child's scores at this conference, in the order they were given:
/// what the chair's scaling screen, the projector, the series view and the
/// exports all count from.
pub fn child_scores(s: &Session, child: &ChildId) -> Vec<u8> {
    s.scaling
        .scores
        .iter()
        .filter(|x| &x.child == child)
        .map(|x| x.score)
        .collect()
}

impl ScoreSpread {
    /// The spread of one child's scores at this conference; None if nobody
    /// has scored yet.
    pub fn for_child(s: &Session, child: &ChildId) -> Option<Self> {
        Self::of(&child_scores(s, child))
    }

    /// The one place a median is worked out.
    pub fn of(scores: &[u8]) -> Option<Self> {
        let mut v = scores.to_vec();
        v.sort_unstable();
        let n = v.len();
        let (&lowest, &highest) = (v.first()?, v.last()?);
        let median = if n % 2 == 1 {
            f32::from(v[n / 2])
        } else {
            (f32::from(v[n / 2 - 1]) + f32::from(v[n / 2])) / 2.0
        };
        Some(ScoreSpread {
            count: n,
            median,
            lowest,
            highest,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    pub date: Option<NaiveDate>,
    pub kind: ConferenceKind,
    pub scores: Option<ScoreSpread>,
    /// The chair's decision, in words ("Child protection plan: Neglect").
    pub outcome: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChildSeries {
    pub name: String,
    pub points: Vec<SeriesPoint>,
}

/// Each child of the family (matched by id across conferences, since a
/// review keeps the ids) with a point per conference they were part of.
pub fn family_series(sessions: &[Session]) -> Vec<ChildSeries> {
    let mut ordered: Vec<&Session> = sessions.iter().collect();
    ordered.sort_by_key(|s| (s.setup.date, s.created_at));
    let mut out: Vec<(super::ids::ChildId, ChildSeries)> = Vec::new();
    for s in ordered {
        for child in &s.children {
            let scores = child_scores(s, &child.id);
            let outcome = s
                .decisions
                .iter()
                .find(|d| d.child == child.id)
                .map(|d| {
                    let cats: Vec<&str> = d.categories.iter().map(|c| c.label()).collect();
                    match (d.outcome, cats.is_empty()) {
                        (Outcome::Undecided, _) => "not yet decided".to_string(),
                        (o, true) => o.label().to_string(),
                        (o, false) => format!("{}: {}", o.label(), cats.join(", ")),
                    }
                })
                .unwrap_or_default();
            let point = SeriesPoint {
                date: s.setup.date,
                kind: s.setup.kind,
                scores: ScoreSpread::of(&scores),
                outcome,
            };
            match out.iter_mut().find(|(id, _)| *id == child.id) {
                Some((_, series)) => {
                    series.name = s.child_name(&child.id);
                    series.points.push(point);
                }
                None => out.push((
                    child.id.clone(),
                    ChildSeries {
                        name: s.child_name(&child.id),
                        points: vec![point],
                    },
                )),
            }
        }
    }
    out.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let s = ScoreSpread::of(&[2, 8, 4, 6]).unwrap();
        assert_eq!((s.median, s.lowest, s.highest, s.count), (5.0, 2, 8, 4));
        assert_eq!(ScoreSpread::of(&[]), None);
    }

    #[test]
    fn a_review_follows_its_initial_conference_child_by_child() {
        let icpc = crate::example::example_icpc();
        let review = crate::example::example_review();
        let series = family_series(&[review, icpc]);
        assert_eq!(series.len(), 2);
        let kacey = &series[0];
        assert_eq!(kacey.points.len(), 2);
        assert_eq!(
            kacey.points[0].kind,
            ConferenceKind::Initial,
            "oldest first"
        );
        assert_eq!(kacey.points[1].kind, ConferenceKind::Review);
        assert!(kacey.points[0].outcome.starts_with("Child protection plan"));
        assert!(kacey.points[0].scores.is_some());
    }
}
