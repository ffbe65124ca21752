//! What the screen shows of the clock, and when that next changes: the
//! runtime redraws for the time only when something shown has moved on,
//! and sleeps until then (see `runtime::session`).

use chrono::{Duration, Timelike};

use crate::app::state::{App, Tone};
use crate::model::{Stage, Timestamp};

/// Everything on screen that moves with the clock alone: the time of day
/// (minutes), each stage's minutes in the sidebar and title (with its
/// overrun), the meeting's minutes (with the break reminder), and whether
/// an information message is still up (it goes after a few seconds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeShown {
    clock: String,
    stages: Vec<i64>,
    meeting: Option<i64>,
    message: bool,
}

pub fn time_shown(app: &App) -> TimeShown {
    let s = app.session();
    TimeShown {
        clock: app.now().format("%Y-%m-%d %H:%M").to_string(),
        stages: Stage::SCREENS
            .iter()
            .map(|stage| s.time_in_stage(*stage, app.now()).num_minutes())
            .collect(),
        meeting: s.meeting_time(app.now()).map(|t| t.num_minutes()),
        message: app.message().is_some(),
    }
}

/// How long until something in `time_shown` can next change, if nothing
/// else happens: the next minute of the clock, of an open stage visit or of
/// the meeting, or every second while an information message is up. At most a minute.
pub fn next_change(app: &App) -> std::time::Duration {
    let now = app.now();
    let minute = Duration::minutes(1);
    let mut next = minute - since_minute(now);
    let s = app.session();
    for stage in Stage::SCREENS {
        next = next.min(until_next_minute(
            s.time_in_stage(stage, now),
            open_visits(app, Some(stage)),
        ));
    }
    if let Some(t) = s.meeting_time(now) {
        next = next.min(until_next_minute(t, open_visits(app, None)));
    }
    // An information message goes a few seconds after it came: look every
    // second while one is up (the app decides when).
    if app.message().is_some_and(|m| m.tone == Tone::Info) {
        next = next.min(Duration::seconds(1));
    }
    next.max(Duration::zero())
        .to_std()
        .unwrap_or(std::time::Duration::ZERO)
}

fn since_minute(t: Timestamp) -> Duration {
    Duration::seconds(i64::from(t.second())) + Duration::nanoseconds(i64::from(t.nanosecond()))
}

/// Visits still running for a stage (or, for `None`, for the meeting:
/// every stage after setup): each adds a second a second to its sum.
fn open_visits(app: &App, stage: Option<Stage>) -> i32 {
    let open = app
        .session()
        .stage_visits
        .iter()
        .filter(|v| v.ended_at.is_none())
        .filter(|v| match stage {
            Some(stage) => v.stage == stage,
            None => v.stage != Stage::Setup,
        })
        .count();
    i32::try_from(open).unwrap_or(i32::MAX)
}

/// When a sum of running visits, now `spent`, next reaches a whole minute.
fn until_next_minute(spent: Duration, running: i32) -> Duration {
    if running == 0 {
        return Duration::MAX;
    }
    let minute = Duration::minutes(1);
    let into = spent - Duration::minutes(spent.num_minutes());
    (minute - into) / running
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_sum_reaches_its_next_minute_after_the_rest_of_it() {
        let spent = Duration::seconds(125);
        assert_eq!(until_next_minute(spent, 1), Duration::seconds(55));
        assert_eq!(until_next_minute(spent, 2), Duration::milliseconds(27_500));
        assert_eq!(until_next_minute(spent, 0), Duration::MAX);
    }
}
